***********************************************************************
*  MODULE: programs saved and run (DMSMOD, DMSABN).                   *
*                                                                     *
*  GENMOD saves what LOAD loaded as a MODULE file; a MODULE runs by   *
*  its name, as a command; RUNPROG calls a program for LOAD (START)   *
*  and START as well; ABEND ends a program that program-checked.      *
*  What was loaded is in NUCON: LDNEXT (where it ends), LDENTRY.      *
*                                                                     *
*  A MODULE file (RECFM V) is: a 20-byte header record               *
*     CL8'CPCMSMOD', A(where it loads), F(length), A(entry)           *
*  then the image in records of 4000 bytes.  (IBM's CMS had its own   *
*  layout; ours is documented here, not copied.)                      *
***********************************************************************
DMSMOD   CSECT
*
***********************************************************************
*  GENMOD: save what LOAD loaded as the file fn MODULE A1.            *
*  R1 -> the PLIST.                                                   *
***********************************************************************
GENMOD   ENTER
         LR    R9,R1
         CLI   8(R9),X'FF'
         BE    GM80
         CLI   8(R9),C'('
         BE    GM80
         ICM   R0,15,LDENTRY
         BZ    GM81
         LA    R0,C'A'             on the A disk, which must be R/W
         CALL  ADTFIND
         LTR   R2,R1
         BZ    GM90
         TM    ADTFLAGS-ADT(R2),ADTRO
         BO    GM90
         XC    GMFST,GMFST
         MVC   GMFST(8),8(R9)
         MVC   GMFST+8(8),=CL8'MODULE'
         MVC   GMFST+24(2),=C'A1'
         MVI   GMFST+30,C'V'
         LA    R1,GMFST
         CALL  FSOPENW
         LTR   R15,R15
         BNZ   GM92
         LR    R10,R1
         MVC   GMHDR(8),=CL8'CPCMSMOD'   the header
         L     R0,=A(LDORG)
         ST    R0,GMHDR+8
         L     R7,LDNEXT
         SR    R7,R0
         ST    R7,GMHDR+12
         MVC   GMHDR+16(4),LDENTRY
         LR    R1,R10
         LA    R2,GMHDR
         LA    R3,20
         CALL  FSWRREC
         LTR   R15,R15
         BNZ   GM94
         L     R6,=A(LDORG)        then the image, 4000 bytes a record
GM10     LTR   R7,R7
         BNP   GM20
         LR    R3,R7
         CH    R3,=H'4000'
         BNH   GM12
         LH    R3,=H'4000'
GM12     LR    R1,R10
         LR    R2,R6
         CALL  FSWRREC
         LTR   R15,R15
         BNZ   GM94
         AR    R6,R3
         SR    R7,R3
         B     GM10
GM20     LR    R1,R10
         CALL  FSCLOSEW
         LTR   R15,R15
         BNZ   GM92
         RETURN
GM80     LA    R1,GM054E
         CALL  MSGTEXT
         LA    R15,24
         RETURN
GM81     LA    R1,GM001E
         CALL  MSGTEXT
         LA    R15,40
         RETURN
GM90     LA    R1,GM037E
         LA    R0,C'A'
         LA    R3,GMRO
         CALL  MSGDISK
         LA    R15,36
         RETURN
GM94     LR    R1,R10              (the file is given up)
         L     R2,AFTADT-AFT(R1)
         CALL  DUNDO
         LR    R1,R10
         CALL  FSCLOSE
GM92     LA    R1,GM105S
         CALL  MSGTEXT
         LA    R15,100
         RETURN
*
***********************************************************************
*  RUNMOD: run the MODULE the PLIST at R1 names (its first word), as  *
*  a command.  Out: R15 = its return code, or -1: there is no such    *
*  module (EXECCMD then offers the line to CP).                       *
***********************************************************************
RUNMOD   ENTER
         LR    R9,R1
         MVC   RMPAT(8),0(R9)
         MVC   RMPAT+8(10),=CL10'MODULE  *'
         XC    RMCUR,RMCUR
         LA    R0,RMCUR
         LA    R1,RMPAT
         CALL  FSTFIND
         LTR   R15,R15
         BZ    RM10
         L     R15,=F'-1'
         RETURN
RM10     LR    R2,R0
         CALL  FSOPENR
         LTR   R15,R15
         BNZ   RM90
         LR    R10,R1
         LA    R2,GMHDR            the header: where, how long, entry
         LA    R3,20
         CALL  FSREADR
         LTR   R15,R15
         BNZ   RM80
         CLC   GMHDR(8),=CL8'CPCMSMOD'
         BNE   RM80
         L     R6,GMHDR+8
         C     R6,=A(LDORG)
         BL    RM80
         L     R7,GMHDR+12
         LR    R0,R6
         AR    R0,R7
         C     R0,VMSIZE
         BH    RM85
         ST    R0,LDNEXT           (START runs it again)
         MVC   LDENTRY,GMHDR+16
RM20     LTR   R7,R7               the image
         BNP   RM30
         LR    R1,R10
         LR    R2,R6
         LR    R3,R7
         CALL  FSREADR
         LTR   R15,R15
         BNZ   RM80
         AR    R6,R0
         SR    R7,R0
         B     RM20
RM30     LR    R1,R10
         CALL  FSCLOSE
         MVC   PGMNAME,0(R9)       (its name, for DMSITP141T)
         L     R0,LDENTRY
         LR    R1,R9
         CALL  RUNPROG
         RETURN
RM80     LR    R1,R10
         CALL  FSCLOSE
RM90     LA    R1,RM104S
         CALL  MSGTEXT
         LA    R15,104
         RETURN
RM85     LR    R1,R10
         CALL  FSCLOSE
         LA    R1,RM109S
         CALL  MSGTEXT
         LA    R15,104
         RETURN
*
***********************************************************************
*  ABEND: a program check in a user program (from PGMINT): say what   *
*  and where, as VM/370's CMS did, forget the program, close its      *
*  files and go back to the command loop with return code 256 plus    *
*  the interruption code (R(00257); for an operation exception).      *
***********************************************************************
ABEND    L     R13,STKBASE         CMS's stack, from its bottom
         XC    USERSTK,USERSTK
         LR    R12,R15
         USING ABEND,R12
         LA    R2,AB141T           "DMSITP141T OPERATION EXCEPTION
         CALL  ABLINE                OCCURRED AT 020004 IN ROUTINE HELLO"
         CLI   PGMNAME,C' '        (a program CMS started: its name)
         BNH   AB10
         LA    R2,AB141T3
         CALL  LNZ
         LA    R2,PGMNAME
         LA    R3,8
         CALL  LNTOK
AB10     CALL  LNOUT
         CALL  FSCLALL
         LH    R1,PGMOPSW+2
         A     R1,=F'256'
         ST    R1,RC
         L     R15,=A(READY)       (in the command loop, under R12
         L     R12,CODEADDR          = CODEADDR)
         BR    R15
         DROP  R12
*
***********************************************************************
*  ABSYS: a program check in CMS itself (from PGMINT): say what and   *
*  where, as VM/370's CMS did, and stop with a disabled wait (code    *
*  X'143') - CP tells the user, who can IPL CMS again.                *
*     DMSITP143T OPERATION EXCEPTION OCCURRED AT 0034D6 IN SYSTEM     *
*     ROUTINE , RE-IPL CMS.                                           *
***********************************************************************
ABSYS    L     R13,STKBASE
         LR    R12,R15
         USING ABSYS,R12
         LA    R2,AB143T
         CALL  ABLINE
         LA    R2,AB143T2
         CALL  LNZ
         CALL  LNOUT
         MVC   DEADPSW+4(4),=X'00000143'
         LPSW  DEADPSW
         DROP  R12
*
***********************************************************************
*  ABLINE: start the line of a program check's message: the id at R2, *
*  the exception's name, " EXCEPTION OCCURRED AT " and the address.   *
***********************************************************************
ABLINE   ENTER
         CALL  LNNEW
         CALL  LNZ
         LH    R1,PGMOPSW+2        the code: its name
         N     R1,=F'31'
         SLL   R1,4
         LA    R2,ABPGMN(R1)
         LA    R3,16
         CALL  LNTOK
         LA    R2,AB141T2
         CALL  LNZ
         L     R0,PGMOPSW+4
         LA    R3,6
         CALL  LNHEX
         RETURN
         USING DMSMOD,R12
ABPGMN   DC    CL16'?',CL16'OPERATION',CL16'PRIVILEGED OP'
         DC    CL16'EXECUTE',CL16'PROTECTION',CL16'ADDRESSING'
         DC    CL16'SPECIFICATION',CL16'DATA',CL16'FIXED OVERFLOW'
         DC    CL16'FIXED DIVIDE',CL16'DECIMAL OVERFLOW'
         DC    CL16'DECIMAL DIVIDE',CL16'EXPONENT OVERFLOW'
         DC    CL16'EXPONENT UNDERF',CL16'SIGNIFICANCE'
         DC    CL16'FLOATING DIVIDE',CL16'SEGMENT TRANS'
         DC    CL16'PAGE TRANS',CL16'TRANSLATION'
         DC    CL16'SPECIAL OP',13CL16'?'
GMFST    DS    XL40
GMHDR    DS    XL20
RMCUR    DS    3F
RMPAT    DS    CL18
GM054E   DC    C'DMSMOD054E INCOMPLETE FILEID SPECIFIED',X'00'
GM001E   DC    C'DMSMOD001E NO FILES LOADED',X'00'
GM037E   DC    C'DMSMOD037E',X'00'
GMRO     DC    C' IS READ/ONLY',X'00'
GM105S   DC    C'DMSMOD105S ERROR WRITING THE MODULE',X'00'
RM104S   DC    C'DMSMOD104S ERROR READING THE MODULE',X'00'
RM109S   DC    C'DMSMOD109S VIRTUAL STORAGE CAPACITY EXCEEDED',X'00'
AB141T   DC    C'DMSITP141T ',X'00'
AB141T2  DC    C' EXCEPTION OCCURRED AT ',X'00'
AB141T3  DC    C' IN ROUTINE ',X'00'
AB143T   DC    C'DMSITP143T ',X'00'
AB143T2  DC    C' IN SYSTEM ROUTINE , RE-IPL CMS.',X'00'

         LTORG
