***********************************************************************
*  SVC: SVC 202, how a program asks CMS for something (DMSITS).       *
*                                                                     *
*  A program points R1 at a parameter list whose first word names     *
*  what it wants and issues SVC 202:                                  *
*           LA    R1,PLIST                                            *
*           SVC   202                                                 *
*           DC    AL4(ERROR)     optional: where to go if R15 is not  *
*                                0 (an address has a zero first byte, *
*                                an instruction never does)           *
*  The word is a function of the nucleus -                            *
*     TYPLIN, WRTERM  CL8, A(text), X(flag), AL3(length): type a line *
*     RDTERM, WAITRD  CL8, A(buffer), X(flag), AL3(size): read one;   *
*                     R0 = its length                                 *
*     FSREAD, FSWRITE, FSSTATE, FSERASE, FSCLOSE: the file system,    *
*                     with the FSPL parameter list (BLOCKS); FSSTATE  *
*                     returns the file's FST in R1                    *
*  - or any command of the nucleus, its PLIST as the terminal's line  *
*  would make it ('LISTFILE','*','EXEC',8X'FF').  The return code     *
*  comes back in R15; the program's other registers are kept.         *
*                                                                     *
*  The SVC new PSW comes to SVCINT, which sends every SVC here with   *
*  the program's registers in SVCREGS; one other than 202 is refused  *
*  (DMSITS136S) and the program goes on.  CMS's register stack goes   *
*  on at USERSTK (where it was when the program was started, see      *
*  RUNPROG): a command the program asks for may itself run a program, *
*  and nothing of the commands under way is written over.             *
***********************************************************************
DMSSVT   CSECT
         USING DMSSVT,R12
         LR    R12,R15
         ICM   R13,15,USERSTK      CMS's stack while programs run
         BNZ   SV05
         L     R13,STKBASE         (none started by CMS: a program
*                                    the user started with #CP)
SV05     MVC   0(64,R13),SVCREGS   the program's registers and PSW
         MVC   64(8,R13),SVCOPSW
         LA    R13,80(R13)
         CLC   SVCOPSW+2(2),=H'202'   another SVC: refused, the program
         BE    SV07                     goes on as it was
         CALL  SVCBAD
         SH    R13,=H'80'
         B     SV40
SV07     MVI   SVRET,0
         L     R1,SVCREGS+4        its parameter list
         LA    R1,0(R1)
         CALL  SVC202
         SH    R13,=H'80'
         ST    R15,60(R13)         the return code in its R15
         TM    SVRET,SVRETR0       and a result in its R0 or R1
         BZ    SV10
         ST    R0,0(R13)
SV10     TM    SVRET,SVRETR1
         BZ    SV20
         ST    R1,4(R13)
*  An error address after the SVC?  It begins with a zero byte.
SV20     L     R2,68(R13)          the address after the SVC
         LA    R2,0(R2)
         C     R2,VMSIZE           (inside the machine)
         BNL   SV40
         CLI   0(R2),0
         BNE   SV40
         LTR   R15,R15
         BNZ   SV30
         LA    R2,4(R2)            fine: go on after the address
         B     SV35
SV30     L     R2,0(R2)            not: go to it
SV35     STCM  R2,7,69(R13)
SV40     MVC   SVCREGS(64),0(R13)
         MVC   SVCPSW,64(R13)
         LM    R0,R15,SVCREGS
         LPSW  SVCPSW
*
***********************************************************************
*  SVCBAD: an SVC CMS does not offer: say so (DMSITS136S).            *
***********************************************************************
SVCBAD   ENTER
         CALL  LNNEW
         LA    R2,SV136S
         CALL  LNZ
         LH    R0,SVCOPSW+2
         LA    R3,2
         CALL  LNHEX
         LA    R2,SV136S2
         CALL  LNZ
         CALL  LNOUT
         RETURN
SV136S   DC    C'DMSITS136S SVC ',X'00'
SV136S2  DC    C' IS NOT SUPPORTED',X'00'
SVRET    DC    X'00'               what SVC202 hands back:
SVRETR0  EQU   X'80'                 R0
SVRETR1  EQU   X'40'                 R1
*
***********************************************************************
*  SVC202: do what the PLIST at R1 asks.  Out: R15 = the return code, *
*  R0/R1 results (SVRET says which the program gets).  An unknown     *
*  word: -3, as for a command nobody knows.                           *
***********************************************************************
SVC202   ENTER
         LR    R9,R1
         LA    R3,SVFUNCS          a function?
SVD10    CLI   0(R3),X'FF'
         BE    SVD20
         CLC   0(8,R9),0(R3)
         BE    SVD15
         LA    R3,12(R3)
         B     SVD10
SVD15    L     R15,8(R3)
         LR    R1,R9
         BALR  R14,R15
         RETURN
SVD20    LR    R1,R9               a command?
         CALL  CMDFIND
         LTR   R15,R15
         BZ    SVD90
         LR    R1,R9
         SR    R0,R0               (no line: it came as a PLIST)
         BALR  R14,R15
         RETURN
SVD90    L     R15,=F'-3'
         RETURN
SVFUNCS  DC    CL8'TYPLIN',A(SVTYPE)
         DC    CL8'WRTERM',A(SVTYPE)
         DC    CL8'RDTERM',A(SVREAD)
         DC    CL8'WAITRD',A(SVREAD)
         DC    CL8'FSREAD',A(SVFSRD)
         DC    CL8'FSWRITE',A(SVFSWR)
         DC    CL8'FSSTATE',A(SVFSST)
         DC    CL8'FSERASE',A(SVFSER)
         DC    CL8'FSCLOSE',A(SVFSCL)
         DC    X'FF'
*
***********************************************************************
*  SVTYPE: TYPLIN/WRTERM.  SVREAD: RDTERM/WAITRD.  R1 -> the PLIST.   *
***********************************************************************
SVTYPE   ENTER
         L     R2,8(R1)            the text
         LA    R2,0(R2)
         L     R3,12(R1)           its length
         LA    R3,0(R3)
         CH    R3,=H'130'
         BNH   SVT10
         LA    R3,130
SVT10    BAL   R14,SVINSIDE        (all of it in the machine)
         BNZ   SVT90
         CALL  WRTERM
         SR    R15,R15
         RETURN
SVT90    LA    R15,24
         RETURN
*
SVREAD   ENTER
         LR    R9,R1
         L     R2,8(R9)            the buffer
         LA    R2,0(R2)
         L     R3,12(R9)           its size
         LA    R3,0(R3)
         BAL   R14,SVINSIDE
         BNZ   SVT90
         CALL  RDTERM              R0 = the line's length
         LR    R5,R0
         CR    R5,R3               what fits
         BNH   SVR10
         LR    R5,R3
SVR10    LTR   R4,R5
         BZ    SVR20
         BCTR  R4,0
         EX    R4,SVRMVC
SVR20    OI    SVRET,SVRETR0       R0: its length
         SR    R15,R15
         RETURN
SVRMVC   MVC   0(0,R2),INBUF
*
*  SVINSIDE: are the R3 bytes at R2 inside the machine's storage?
*  Out: CC 0 if they are.
SVINSIDE LR    R0,R2
         AR    R0,R3
         C     R0,VMSIZE
         BH    SVI90
         CR    R0,R0
         BR    R14
SVI90    LTR   R14,R14
         BR    R14
*
***********************************************************************
*  The file functions.  R1 -> the FSPL.  SVFIND: the open file of     *
*  that fileid (R9 -> FSPL), R6 = AFTREAD or AFTWRITE: R1 -> its AFT  *
*  or 0.  SVFID: the FSPL's fileid as a pattern in SVPAT, a blank     *
*  mode as R0's two characters.                                       *
***********************************************************************
         USING FSPL,R9
SVFSRD   ENTER
         LR    R9,R1
         LA    R6,AFTREAD
         BAL   R14,SVFIND
         LTR   R10,R1
         BNZ   SVRD20
         LH    R0,=CL2'* '         not open: find it, open it
         BAL   R14,SVLOOK
         BNZ   SVNOTF
         LR    R2,R0
         CALL  FSOPENR
         LTR   R15,R15
         BNZ   SVIOERR
         LR    R10,R1
SVRD20   SR    R0,R0               a record number given?
         ICM   R0,3,FSPITEM
         BZ    SVRD30
         LR    R1,R10
         CALL  FSPOINT
         LTR   R15,R15
         BNZ   SVRET12
SVRD30   L     R2,FSPBUF
         LA    R2,0(R2)
         L     R3,FSPBSIZE
         BAL   R14,SVINSIDE
         BNZ   SVT90
         LR    R1,R10
         CALL  FSREADR
         LTR   R15,R15
         BNZ   SVFX
         CR    R0,R3               the bytes it moved
         BNH   SVRD40
         LR    R0,R3
SVRD40   ST    R0,FSPNBYT
         OI    SVRET,SVRETR0
         SR    R15,R15
SVFX     RETURN
SVNOTF   C     R15,=F'8'           not found: 28; disk not there: 36
         BE    SVNOTACC
         LA    R15,28
         RETURN
SVNOTACC LA    R15,36
         RETURN
SVIOERR  LA    R15,100
         RETURN
SVRET12  LA    R15,12
         RETURN
*
SVFSWR   ENTER
         LR    R9,R1
         LA    R6,AFTWRITE
         BAL   R14,SVFIND
         LTR   R10,R1
         BNZ   SVWR20
         LH    R0,=CL2'A1'         not open: a new file on its disk
         BAL   R14,SVFID
         SR    R0,R0
         IC    R0,SVPAT+16
         CALL  ADTFIND
         LTR   R2,R1
         BZ    SVNOTACC
         TM    ADTFLAGS-ADT(R2),ADTRO
         BO    SVNOTACC
         XC    SVFST,SVFST
         MVC   SVFST(16),FSPFN
         MVC   SVFST+24(2),SVPAT+16
         CLI   SVFST+25,C' '
         BNE   SVWR10
         MVI   SVFST+25,C'1'
SVWR10   MVI   SVFST+30,C'F'       F unless V is asked for
         CLI   FSPRECFM,C'V'
         BNE   SVWR12
         MVI   SVFST+30,C'V'
         B     SVWR14
SVWR12   MVC   SVFST+32(4),FSPBSIZE   F: the records' length
SVWR14   LA    R1,SVFST
         CALL  FSOPENW
         LTR   R15,R15
         BNZ   SVIOERR
         LR    R10,R1
SVWR20   L     R2,FSPBUF
         LA    R2,0(R2)
         L     R3,FSPBSIZE
         C     R3,=F'65535'
         BH    SVT90
         BAL   R14,SVINSIDE
         BNZ   SVT90
         LR    R1,R10
         CALL  FSWRREC
         RETURN
*
SVFSCL   ENTER
         LR    R9,R1
         LA    R6,AFTREAD+AFTWRITE
         BAL   R14,SVFIND
         LTR   R1,R1
         BZ    SVCL90
         TM    AFTFLAGS-AFT(R1),AFTWRITE
         BO    SVCL20
         CALL  FSCLOSE
         RETURN
SVCL20   CALL  FSCLOSEW
         RETURN
SVCL90   LA    R15,6               not open
         RETURN
*
SVFSST   ENTER
         LR    R9,R1
         LH    R0,=CL2'* '
         BAL   R14,SVLOOK
         BNZ   SVNOTF
         OI    SVRET,SVRETR1       R1: its FST
         RETURN
*
SVFSER   ENTER
         LR    R9,R1
         LH    R0,=CL2'A '
         BAL   R14,SVLOOK
         BNZ   SVNOTF
         LR    R2,R0
         TM    ADTFLAGS-ADT(R2),ADTRO
         BO    SVNOTACC
         CALL  FSERASE
         RETURN
*
*  SVFID: SVPAT = the FSPL's fn ft fm (R0's low halfword for a blank
*  mode).
SVFID    MVC   SVPAT(16),FSPFN
         MVC   SVPAT+16(2),FSPFM
         CLI   SVPAT+16,C' '
         BNER  R14
         STH   R0,SVPAT+16
         BR    R14
*
*  SVLOOK: the FSPL's file on the disks (SVFID, R0 as there, then
*  FSTFIND).  Out: R1 -> its FST, R0 -> its ADT, R15 and its CC.
SVLOOK   ST    R14,SVLOOKR
         BAL   R14,SVFID
         XC    SVCUR,SVCUR
         LA    R0,SVCUR
         LA    R1,SVPAT
         CALL  FSTFIND
         L     R14,SVLOOKR
         LTR   R15,R15
         BR    R14
*
*  SVFIND: the open file whose name and type are the FSPL's, open as
*  R6 says (its mode letter too, if the FSPL gives one).
SVFIND   L     R1,=A(AFTOPEN)
SVF10    ICM   R1,15,0(R1)         (AFTNEXT is at +0)
         BZR   R14
         IC    R0,AFTFLAGS-AFT(R1)
         N     R0,=F'255'
         NR    R0,R6
         BZ    SVF10
         L     R4,AFTFST-AFT(R1)   its FST (reading) or the one being
         CLC   FSPFN(16),0(R4)       made (writing)
         BNE   SVF10
         CLI   FSPFM,C' '
         BER   R14
         CLI   FSPFM,C'*'
         BER   R14
         L     R4,AFTADT-AFT(R1)
         CLC   FSPFM(1),ADTMODE-ADT(R4)
         BNE   SVF10
         BR    R14
         DROP  R9
SVCUR    DS    3F
SVLOOKR  DS    A
SVPAT    DS    CL18
SVFST    DS    XL40
         LTORG
