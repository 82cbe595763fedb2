***********************************************************************
*  COPYFILE: copy files (DMSCPY).                                     *
*                                                                     *
*     COPYfile fn1 ft1 fm1 fn2 ft2 fm2 [( options]                    *
*  An "=" in the new fileid keeps that part of the old one; a "*" in  *
*  the old one copies every file that matches.  Options:              *
*     Type      say what is copied (DMSCPY721I)                       *
*     REPlace   the new file may replace one of that name             *
*     APpend    add the records to the end of that file               *
*     NEWDate   today's date, not the old file's                      *
*     UPcase    lower-case letters become capitals                    *
*     RECfm F|V, LRecl n   the new file's record format and length    *
*  F records going to V lose the blanks at their ends; V records      *
*  going to F are padded with blanks or cut to the length.            *
***********************************************************************
DMSCPY   CSECT
CPTYPE   EQU   X'80'
CPREPL   EQU   X'40'
CPAPPEND EQU   X'20'
CPNEWD   EQU   X'10'
CPUPCASE EQU   X'08'
CPRECFM  EQU   X'04'
CPLRECL  EQU   X'02'
COPYFILE ENTER
         LR    R9,R1
         MVC   CPPAT,CPDEFLT
         LA    R1,8(R9)
         LA    R2,CPPAT
         CALL  GETFID
         LTR   R15,R15
         BNZ   CP84
         CH    R0,=H'3'
         BL    CP80
         LR    R7,R1               the new fileid
         MVC   CPNEW,CPDEFLT
         LA    R2,CPNEW
         CALL  GETFID
         LTR   R15,R15
         BNZ   CP85
         CH    R0,=H'3'
         BL    CP80
*  Options.
         SR    R10,R10             R10: the options
         MVI   CPFMT,0
         XC    CPLEN,CPLEN
         CLI   0(R1),X'FF'
         BE    CP10
         LA    R1,8(R1)
CP02     LR    R0,R10
         LA    R2,CPOPTS
         CALL  OPTIONS
         LR    R10,R0
         STC   R10,CPOPTB
         LTR   R15,R15
         BZ    CP10
         TM    CPOPTB,CPRECFM      the value of RECFM
         BZ    CP04
         NI    CPOPTB,255-CPRECFM
         SR    R10,R10
         IC    R10,CPOPTB
         CLI   1(R1),C' '
         BNE   CP86
         CLI   0(R1),C'F'
         BE    CP03
         CLI   0(R1),C'V'
         BNE   CP86
CP03     MVC   CPFMT,0(R1)
         LA    R1,8(R1)
         B     CP02
CP04     TM    CPOPTB,CPLRECL      the value of LRECL
         BZ    CP86
         NI    CPOPTB,255-CPLRECL
         SR    R10,R10
         IC    R10,CPOPTB
         LR    R6,R1
         CALL  GETNUM
         LTR   R15,R15
         BNZ   CP86
         LTR   R0,R0
         BZ    CP86
         C     R0,=F'65535'
         BH    CP86
         ST    R0,CPLEN
         LA    R1,8(R6)
         B     CP02
CP10     STC   R10,CPOPTB
*  Each file that matches.
         XC    CPCUR,CPCUR
         SR    R8,R8               R8: files copied
CP20     LA    R0,CPCUR
         LA    R1,CPPAT
         CALL  FSTFIND
         C     R15,=F'8'
         BE    CP88
         LTR   R15,R15
         BNZ   CP60
         LR    R6,R1               R6: its FST, CPSADT its disk
         ST    R0,CPSADT
         LR    R2,R0
         MVC   CPFROM(16),0(R6)
         MVC   CPFROM+16(1),ADTMODE-ADT(R2)
         MVC   CPFROM+17(1),FSTFMODE+1-FST(R6)
         MVC   CPTO,CPFROM
         LA    R3,CPNEW
         LA    R4,CPTO
         CALL  FIDSUBST
         BAL   R14,CPONE
         LTR   R15,R15
         BNZ   CPX
         LA    R8,1(R8)
         B     CP20
CP60     LTR   R8,R8
         BZ    CP82
         SR    R15,R15
CPX      RETURN
CP80     LA    R1,CP054E
         CALL  MSGTEXT
         LA    R15,24
         RETURN
CP82     LA    R1,CP002E
         LA    R2,CPPAT
         LA    R3,CPNOTFND
         CALL  MSGFID
         LA    R15,28
         RETURN
CP84     LA    R1,CP048E
         LA    R2,24(R9)
         CALL  MSGWORD
         LA    R15,24
         RETURN
CP85     LA    R1,CP048E
         LA    R2,16(R7)
         CALL  MSGWORD
         LA    R15,24
         RETURN
CP86     LR    R2,R1
         LA    R1,CP003E
         CALL  MSGWORD
         LA    R15,24
         RETURN
CP88     LA    R1,CP069E
         SR    R0,R0
         IC    R0,CPPAT+16
         LA    R3,CPNOTACC
         CALL  MSGDISK
         LA    R15,36
         RETURN
*
*  CPONE: copy the file whose FST is R6 (on CPSADT) to CPTO.
*  Out: R15 = the return code (messages typed).
CPONE    ST    R14,CPONER
         SR    R0,R0               the new file's disk
         IC    R0,CPTO+16
         CALL  ADTFIND
         LTR   R2,R1
         BZ    CQ90
         ST    R2,CPTADT
         TM    ADTFLAGS-ADT(R2),ADTRO
         BO    CQ91
         MVC   CPFIND,CPTO         one of that name there already?
         MVI   CPFIND+17,C' '
         XC    CPCUR2,CPCUR2
         LA    R0,CPCUR2
         LA    R1,CPFIND
         CALL  FSTFIND
         ST    R1,CPOLD            (0: none)
         LTR   R1,R1
         BZ    CQ10
         TM    CPOPTB,CPREPL+CPAPPEND
         BZ    CQ92
*  The new file's FST to start from.
CQ10     XC    CPNFST,CPNFST
         MVC   CPNFST(16),CPTO
         MVC   CPNFST+24(2),CPTO+16    FSTFMODE
         CLI   CPNFST+25,C' '
         BNE   CQ12
         MVC   CPNFST+25(1),CPFROM+17
CQ12     MVC   CPNFST+30(1),FSTRECFM-FST(R6)   FSTRECFM
         CLI   CPFMT,0
         BE    CQ14
         MVC   CPNFST+30(1),CPFMT
CQ14     MVC   CPNFST+32(4),FSTLRECL-FST(R6)   FSTLRECL
         ICM   R0,15,CPLEN
         BZ    CQ16
         ST    R0,CPNFST+32
CQ16     CLI   CPNFST+30,C'V'      V: the longest record sets it
         BNE   CQ18
         XC    CPNFST+32(4),CPNFST+32
CQ18     TM    CPOPTB,CPNEWD       the old file's date
         BO    CQ20
         MVC   CPNFST+16(4),FSTDATEW-FST(R6)
         MVC   CPNFST+38(2),FSTYEARW-FST(R6)
*  A buffer as long as the longest record either file has.
CQ20     L     R0,FSTLRECL-FST(R6)
         C     R0,CPNFST+32
         BNL   CQ22
         L     R0,CPNFST+32
CQ22     ICM   R1,15,CPOLD
         BZ    CQ23
         C     R0,FSTLRECL-FST(R1)
         BNL   CQ23
         L     R0,FSTLRECL-FST(R1)
CQ23     LTR   R0,R0
         BP    CQ24
         LA    R0,1
CQ24     ST    R0,CPBSIZE
         CALL  GETBLK
         LTR   R15,R15
         BNZ   CQ93
         ST    R1,CPBUF
         L     R2,CPTADT           the new file
         LA    R1,CPNFST
         CALL  FSOPENW
         LTR   R15,R15
         BNZ   CQ94
         ST    R1,CPWAFT
*  APPEND: the old file's records first.
         TM    CPOPTB,CPAPPEND
         BZ    CQ30
         ICM   R1,15,CPOLD
         BZ    CQ30
         L     R2,CPTADT
         BAL   R14,CPRECS
         BNZ   CQ95
CQ30     LR    R1,R6               then the file's
         L     R2,CPSADT
         BAL   R14,CPRECS
         BNZ   CQ95
         L     R1,CPWAFT
         CALL  FSCLOSEW
         LTR   R15,R15
         BNZ   CQ96
         L     R1,CPBUF
         L     R0,CPBSIZE
         CALL  FREEBLK
         TM    CPOPTB,CPTYPE       TYPE: say so
         BZ    CQ40
         CALL  LNNEW
         LA    R2,CP721I
         CALL  LNZ
         LA    R1,CPFROM
         CALL  LNFID
         LA    R2,CPTOTXT
         CALL  LNZ
         LA    R1,CPTO
         CALL  LNFID
         LA    R2,CPNEWF
         ICM   R0,15,CPOLD
         BZ    CQ32
         LA    R2,CPOLDF
         TM    CPOPTB,CPAPPEND
         BZ    CQ32
         LA    R2,CPAPPF
CQ32     CALL  LNZ
         CALL  LNOUT
CQ40     SR    R15,R15
         B     CQX
CQ90     LA    R1,CP069E           the new file's disk: not accessed
         SR    R0,R0
         IC    R0,CPTO+16
         LA    R3,CPNOTACC
         CALL  MSGDISK
         LA    R15,36
         B     CQX
CQ91     LA    R1,CP037E           read-only
         SR    R0,R0
         IC    R0,CPTO+16
         LA    R3,CPRO
         CALL  MSGDISK
         LA    R15,36
         B     CQX
CQ92     LA    R1,CP024E           it exists
         LA    R2,CPTO
         LA    R3,CPALRDY
         CALL  MSGFID
         LA    R15,28
         B     CQX
CQ93     LA    R1,CPNOSTOR
         CALL  MSGTEXT
         LA    R15,104
         B     CQX
CQ94     L     R1,CPBUF
         L     R0,CPBSIZE
         CALL  FREEBLK
         B     CQ93
CQ95     L     R1,CPWAFT           reading failed: the new file is
         L     R2,CPTADT             given up
         CALL  DUNDO
         L     R1,CPWAFT
         CALL  FSCLOSE
         L     R1,CPBUF
         L     R0,CPBSIZE
         CALL  FREEBLK
         LA    R1,CP104S
         CALL  MSGTEXT
         LA    R15,100
         B     CQX
CQ96     L     R1,CPBUF
         L     R0,CPBSIZE
         CALL  FREEBLK
         LA    R1,CP105S           writing failed
         C     R15,=F'13'
         BNE   CQ97
         LA    R1,CP105F           the disk is full
CQ97     CALL  MSGTEXT
         LA    R15,100
CQX      L     R14,CPONER
         BR    R14
*
*  CPRECS: every record of the file whose FST is R1 (disk R2) into
*  the new file.  Out: CC 0 and R15 = 0, or not: it failed.
CPRECS   ST    R14,CPRECR
         CALL  FSOPENR
         LTR   R15,R15
         BNZ   CPR95
         ST    R1,CPRAFT
         L     R4,FSTAFT-AFT(R1)   (whose FST)
CPR10    L     R1,CPRAFT
         L     R2,CPBUF
         L     R3,CPBSIZE
         CALL  FSREADR
         C     R15,=F'12'          the end
         BE    CPR80
         LTR   R15,R15
         BNZ   CPR90
         LR    R3,R0               R3: its length
         C     R3,CPBSIZE
         BNH   CPR12
         L     R3,CPBSIZE
CPR12    L     R2,CPBUF
         CLI   CPNFST+30,C'V'      F to V: no blanks at the end
         BNE   CPR20
         CLI   FSTRECFM-FST(R4),C'F'
         BNE   CPR20
         CALL  TRIMLEN
         LR    R3,R0
CPR20    TM    CPOPTB,CPUPCASE
         BZ    CPR30
         LTR   R1,R3
         BNP   CPR30
         LR    R5,R2
CPR22    CLI   0(R5),X'81'         a-i, j-r, s-z: add X'40'
         BL    CPR24
         CLI   0(R5),X'A9'
         BH    CPR24
         TR    0(1,R5),CPUPTAB-X'80'
CPR24    LA    R5,1(R5)
         BCT   R1,CPR22
CPR30    L     R1,CPWAFT
         CALL  FSWRREC
         LTR   R15,R15
         BZ    CPR10
         B     CPR90
CPR80    L     R1,CPRAFT
         CALL  FSCLOSE
         SR    R15,R15
         B     CPR95
CPR90    LR    R5,R15
         L     R1,CPRAFT
         CALL  FSCLOSE
         LR    R15,R5
CPR95    L     R14,CPRECR
         LTR   R15,R15
         BR    R14
FSTAFT   EQU   AFTFST
CPONER   DS    A
CPRECR   DS    A
CPSADT   DS    A
CPTADT   DS    A
CPOLD    DS    A
CPBUF    DS    A
CPBSIZE  DS    F
CPWAFT   DS    A
CPRAFT   DS    A
CPLEN    DS    F
CPCUR    DS    3F
CPCUR2   DS    3F
CPNFST   DS    XL40
CPPAT    DS    CL18
CPNEW    DS    CL18
CPFROM   DS    CL18
CPTO     DS    CL18
CPFIND   DS    CL18
CPFMT    DS    C
CPOPTB   DS    X
CPDEFLT  DC    CL8' ',CL8' ',CL2'A'
CPOPTS   DC    CL8'TYPE',AL1(1),AL3(CPTYPE)
         DC    CL8'REPLACE',AL1(3),AL3(CPREPL)
         DC    CL8'APPEND',AL1(2),AL3(CPAPPEND)
         DC    CL8'NEWDATE',AL1(4),AL3(CPNEWD)
         DC    CL8'UPCASE',AL1(2),AL3(CPUPCASE)
         DC    CL8'RECFM',AL1(3),AL3(CPRECFM)
         DC    CL8'LRECL',AL1(2),AL3(CPLRECL)
         DC    X'FF'
*  Lower case to upper case from X'80' to X'BF': a-i (81-89) are
*  C1-C9, j-r (91-99) D1-D9, s-z (A2-A9) E2-E9.
CPUPTAB  DC    X'80C1C2C3C4C5C6C7C8C98A8B8C8D8E8F'
         DC    X'90D1D2D3D4D5D6D7D8D99A9B9C9D9E9F'
         DC    X'A0A1E2E3E4E5E6E7E8E9AAABACADAEAF'
CP721I   DC    C'DMSCPY721I COPY ''',X'00'
CPTOTXT  DC    C''' TO ''',X'00'
CPNEWF   DC    C''' NEW FILE',X'00'
CPOLDF   DC    C''' OLD FILE',X'00'
CPAPPF   DC    C''' APPENDED',X'00'
CP054E   DC    C'DMSCPY054E INCOMPLETE FILEID SPECIFIED',X'00'
CP048E   DC    C'DMSCPY048E INVALID MODE',X'00'
CP003E   DC    C'DMSCPY003E INVALID OPTION',X'00'
CP002E   DC    C'DMSCPY002E',X'00'
CP069E   DC    C'DMSCPY069E',X'00'
CP037E   DC    C'DMSCPY037E',X'00'
CP024E   DC    C'DMSCPY024E',X'00'
CP104S   DC    C'DMSCPY104S ERROR READING THE FILE',X'00'
CP105S   DC    C'DMSCPY105S ERROR WRITING THE FILE',X'00'
CP105F   DC    C'DMSCPY105S DISK FULL',X'00'
CPNOSTOR DC    C'DMSFRE159T INSUFFICIENT STORAGE AVAILABLE',X'00'
CPALRDY  DC    C' ALREADY EXISTS',X'00'
CPNOTFND DC    C' NOT FOUND',X'00'
CPNOTACC DC    C' NOT ACCESSED',X'00'
CPRO     DC    C' IS READ/ONLY',X'00'
         LTORG
