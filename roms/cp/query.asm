***********************************************************************
*  QUERY: what CP can tell about the users and the machine (DMKCQG).  *
*                                                                     *
*     QUERY NAMES     ALICE    - 020 , BOB      - 021 , CAROL    - DSC*
*     QUERY USERS     002 USERS, 000 DIALED                           *
*     QUERY PAGING    the paging counts (pagecmd.asm)                 *
*     QUERY TIME      TIME IS 09:00:05 GMT FRIDAY 06/29/79, and for a *
*                     user the CONNECT= ... TOTCPU= line              *
*     QUERY VIRTUAL   the user's own machine: storage, console, disks *
*     QUERY userid    ALICE    - 020, or "userid NOT LOGGED ON" (45)  *
*                                                                     *
*  A module: its own CSECT, R13 its base (ENTER).                     *
***********************************************************************
DMKCQG   CSECT
         USING DMKCQG,R13          the module's base (ENTER sets it)
*
***********************************************************************
*  CMDQUERY: QUERY.  In: R6, R7 the rest of the line, R8 = RDEV,      *
*  R11 = VMBLOK or 0 (the operator), as CPCMD calls every command.    *
*  Uses R0-R7, R15.                                                   *
***********************************************************************
CMDQUERY ENTER
         BAL   R14,NEXTTOK
         LTR   R3,R3
         BZ    QMISSING
         L     R4,=A(KWNAMES)
         LA    R5,1
         BAL   R14,KWMATCH
         BE    QNAMES
         L     R4,=A(KWTIME)
         BAL   R14,KWMATCH
         BE    QTIME
         L     R4,=A(KWUSERS)
         BAL   R14,KWMATCH
         BE    QUSERS
         LA    R4,=CL8'PAGING'     QUERY PAGING (pagecmd.asm)
         LA    R5,3
         BAL   R14,KWMATCH
         BNE   Q05
         CALL  QPAGING
         B     QEXIT
Q05      LA    R5,1
         LTR   R11,R11             a user's spool files?
         BZ    Q10
         LA    R0,1
         LA    R4,=CL8'READER'
         BAL   R14,KWMATCH
         BE    QSPL
         LA    R4,=CL8'RDR'
         LA    R5,3
         BAL   R14,KWMATCH
         BE    QSPL
         LA    R0,2
         LA    R4,=CL8'PUNCH'
         LA    R5,2
         BAL   R14,KWMATCH
         BE    QSPL
         LA    R4,=CL8'PUN'
         LA    R5,3
         BAL   R14,KWMATCH
         BE    QSPL
         LA    R0,3
         LA    R4,=CL8'PRINTER'
         LA    R5,2
         BAL   R14,KWMATCH
         BE    QSPL
         LA    R4,=CL8'PRT'
         LA    R5,3
         BAL   R14,KWMATCH
         BE    QSPL
         LA    R0,4
         LA    R4,=CL8'FILES'
         LA    R5,1
         BAL   R14,KWMATCH
         BE    QSPL
         LA    R4,=CL8'DASD'       QUERY DASD: its disks
         LA    R5,4
         BAL   R14,KWMATCH
         BE    QDASD
         LA    R4,=CL8'LINKS'      QUERY LINKS vaddr (ATTACH's)
         LA    R5,4
         BAL   R14,KWMATCH
         BNE   Q08
         CALL  QLINKS
         B     QEXIT
Q08      LA    R5,1
Q10      L     R4,=A(KWVIRT)
         BAL   R14,KWMATCH
         BNE   QUSER
         LTR   R11,R11             (a user's own machine)
         BNZ   QVIRT
         B     QUSER
QSPL     CALL  QSPOOL              (CSPOOL's)
         B     QEXIT
QMISSING CPMSG MSG026,RC=26
QEXIT    LEAVE CMDQUERY
CMDQUERYR DS   F
CMDQUERYB DS   F
*
*  QUERY NAMES: "ALICE    - 020 , BOB      - 021", four to a line.
QNAMES   L     R6,=A(VMTABLE)
         LA    R7,NUMVM
         LA    R4,LINEBUF          where the next entry goes
         SR    R5,R5               entries on this line
         USING VMBLOK,R6
QN10     CLI   VMSTATE,VMSFREE
         BE    QN30
         LTR   R5,R5
         BZ    QN20
         MVC   0(3,R4),=C' , '
         LA    R4,3(R4)
QN20     MVC   0(8,R4),VMUSER
         MVC   8(3,R4),=C' - '
         LR    R1,R6               its terminal, or DSC
         LA    R2,11(R4)
         BAL   R14,VMTERM
         LA    R4,14(R4)
         LA    R5,1(R5)
         CH    R5,=H'4'            a full line?
         BL    QN30
         BAL   R14,QNFLUSH
QN30     LA    R6,VMBLKLEN(R6)
         BCT   R7,QN10
         DROP  R6
         LTR   R5,R5
         BZ    QEXIT
         BAL   R14,QNFLUSH
         B     QEXIT
*  QNFLUSH: type LINEBUF up to R4, start a new line.
QNFLUSH  ST    R14,QNFLR
         LR    R3,R4
         LA    R2,LINEBUF
         SR    R3,R2
         BAL   R14,CPLINE
         LA    R4,LINEBUF
         SR    R5,R5
         L     R14,QNFLR
         BR    R14
QNFLR    DS    F
*
*  QUERY USERS: "003 USERS, 000 DIALED".
QUSERS   L     R1,NUSERS
         LA    R2,LINEBUF
         LA    R3,3
         BAL   R14,DECOUT
         MVC   LINEBUF+3(L'QUMSG),QUMSG
         LA    R2,LINEBUF
         LA    R3,3+L'QUMSG
         BAL   R14,CPLINE
         B     QEXIT
QUMSG    DC    C' USERS, 000 DIALED'
*
*  QUERY TIME: "TIME IS 09:00:05 GMT FRIDAY 06/29/79", and for a user
*  the CONNECT= / VIRTCPU= / TOTCPU= line.
QTIME    STCK  TODNOW
         BAL   R14,TODFMT
         MVC   LINEBUF(8),=C'TIME IS '
         LA    R2,LINEBUF+8
         BAL   R14,FMTWHEN
         LR    R3,R2
         LA    R2,LINEBUF
         SR    R3,R2
         BAL   R14,CPLINE
         LTR   R11,R11
         BZ    QEXIT
         CALL  FMTACCT             (LOGON's)
         BAL   R14,CPLINE
         B     QEXIT
*
*  QUERY userid: "ALICE    - 020", or "userid NOT LOGGED ON".
QUSER    MVC   QUID,BLANKS
         C     R3,=F'8'
         BH    QUNOT
         LR    R1,R3
         BCTR  R1,0
         EX    R1,QUMVC
         LA    R2,QUID
         BAL   R14,FINDUSER
         LTR   R1,R1
         BZ    QUNOT
         USING VMBLOK,R1
         MVC   LINEBUF(8),VMUSER
         MVC   LINEBUF+8(3),=C' - '
         DROP  R1
         LA    R2,LINEBUF+11       its terminal, or DSC
         BAL   R14,VMTERM
         LA    R2,LINEBUF
         LA    R3,14
         BAL   R14,CPLINE
         B     QEXIT
QUNOT    MVC   LINEBUF(11),=C'DMKCQG045E '
         MVC   LINEBUF+11(8),QUID
         LA    R2,LINEBUF+19       squeeze the blanks after the id
QUN10    BCTR  R2,0
         CLI   0(R2),C' '
         BE    QUN10
         MVC   1(L'QUNOTMSG,R2),QUNOTMSG
         LA    R3,1+L'QUNOTMSG(R2)
         LA    R2,LINEBUF
         SR    R3,R2
         LA    R0,45
         BAL   R14,CPERR
         B     QEXIT
QUMVC    MVC   QUID(0),0(R2)
QUID     DS    CL8
KWNAMES  DC    CL8'NAMES'
KWTIME   DC    CL8'TIME'
KWUSERS  DC    CL8'USERS'
KWVIRT   DC    CL8'VIRTUAL'
*
*
***********************************************************************
*  QUERY VIRTUAL: the user's virtual machine, as VM/370 listed it:    *
*     STORAGE = 00256K                                                *
*     CONS 009 ON LINE 020                                            *
*     DASD 191 3350 CPCMS1 R/W 002 CYL      a minidisk, on volume     *
*                                           CPCMS1                    *
*     DASD 19D ON DASD 151 R/W              a dedicated disk (with    *
*     DASD 292 ON DASD 152 R/W USER02       its VOL1 label's serial,  *
*                                           when it has one)          *
*  In: R11 = VMBLOK, R8 = RDEV.  Returns through QEXIT (CMDQUERY).    *
***********************************************************************
QVIRT    DS    0H
         USING VMBLOK,R11
         MVC   LINEBUF(10),=C'STORAGE = '
         L     R1,VMSIZE
         SRL   R1,10               in K
         LA    R2,LINEBUF+10
         LA    R3,5
         BAL   R14,DECOUT
         MVI   LINEBUF+15,C'K'
         LA    R2,LINEBUF
         LA    R3,16
         BAL   R14,CPLINE
         MVC   LINEBUF(L'QVCONS),QVCONS
         LR    R1,R11
         LA    R2,LINEBUF+L'QVCONS
         BAL   R14,VMTERM
         LA    R2,LINEBUF
         LA    R3,L'QVCONS+3
         BAL   R14,CPLINE
         CALL  QVURS               the reader, punch and printer
QDASD    LA    R6,VMVDEVS          each minidisk (QUERY DASD: only)
         LA    R7,VMNVDEV
QV10     CLC   0(2,R6),=H'0'
         BE    QV20
         TM    VDFLAGS-VDWORK(R6),VDDED
         BO    QV30
         MVC   LINEBUF(L'QVDASD),QVDASD
         LH    R0,0(R6)
         LA    R2,LINEBUF+5
         LA    R3,3
         BAL   R14,HEXOUT
         ICM   R1,15,VDRDISK-VDWORK(R6)  the real disk's volume serial
         BZ    QV11
         MVC   LINEBUF+14(6),RDKVOL-RDISK(R1)
QV11     TM    VDFLAGS-VDWORK(R6),VDRO
         BZ    QV12
         MVC   LINEBUF+21(3),=C'R/O'
QV12     LH    R1,VDCYLS-VDWORK(R6)
         LA    R2,LINEBUF+L'QVDASD
         LA    R3,3
         BAL   R14,DECOUT
         MVC   LINEBUF+L'QVDASD+3(4),=C' CYL'
         LA    R2,LINEBUF
         LA    R3,L'QVDASD+7
         BAL   R14,CPLINE
QV20     LA    R6,VDEVLEN(R6)
         BCT   R7,QV10
         B     QEXIT
*  A dedicated disk: its virtual and real addresses, and the serial
*  of the real volume when it has a VOL1 label (no trailing blanks).
QV30     MVC   LINEBUF(L'QVDED),QVDED
         LH    R0,0(R6)
         LA    R2,LINEBUF+5
         LA    R3,3
         BAL   R14,HEXOUT
         LH    R0,VDRDEV-VDWORK(R6)
         LA    R2,LINEBUF+17
         LA    R3,3
         BAL   R14,HEXOUT
         TM    VDFLAGS-VDWORK(R6),VDRO
         BZ    QV32
         MVC   LINEBUF+21(3),=C'R/O'
QV32     LA    R3,L'QVDED
         ICM   R1,15,VDRDISK-VDWORK(R6)
         BZ    QV36
         CLI   RDKVOL-RDISK(R1),C' '    a VOL1 label?
         BE    QV36
         MVI   LINEBUF+L'QVDED,C' '
         MVC   LINEBUF+L'QVDED+1(6),RDKVOL-RDISK(R1)
         LA    R3,L'QVDED+7
QV34     LA    R1,LINEBUF-1(R3)    its last character a blank?
         CLI   0(R1),C' '
         BNE   QV36
         BCT   R3,QV34
QV36     LA    R2,LINEBUF
         BAL   R14,CPLINE
         B     QV20
         DROP  R11
QVCONS   DC    C'CONS 009 ON LINE '
QVDASD   DC    C'DASD xxx 3350 CPCMS1 R/W '
QVDED    DC    C'DASD xxx ON DASD xxx R/W'
         LTORG                     the module's literals
