***********************************************************************
*  CMDMSG: MSG (DMKMSG) - a line from one user's terminal to         *
*  another's, the way VM/370 users talked:                            *
*     MSG BOB HELLO     BOB sees  09:00:05 MSG FROM ALICE   : HELLO   *
*     MSG OP text / MSG OPERATOR text     to the operator's console   *
*  From the operator's console the sender is OPERATOR.  A user who is *
*  not logged on: "userid NOT LOGGED ON", return code 45.             *
***********************************************************************
CMDMSG   ENTER
         ST    R8,MSGR8            the sender's terminal, for after
         BAL   R14,NEXTTOK         the addressee
         LTR   R3,R3
         BZ    MSGMISS
         C     R3,=F'8'
         BH    MSGNOT
         MVC   MSGTO,BLANKS
         LR    R1,R3
         BCTR  R1,0
         EX    R1,MSGMVC
*  The text: the rest of the line, blanks before it skipped.
         BAL   R14,NEXTTOK
         LTR   R3,R3
         BZ    MSGMISS
         LR    R5,R6               from the first word to the end
         SR    R5,R2
         ST    R2,MSGTEXT
         ST    R5,MSGTLEN
*  "hh:mm:ss MSG FROM sender  : text"
         STCK  TODNOW
         BAL   R14,TODFMT
         MVC   LINEBUF(8),TFTIME
         MVC   LINEBUF+8(10),=C' MSG FROM '
         MVC   LINEBUF+18(8),=CL8'OPERATOR'
         LTR   R11,R11
         BZ    MSG10
         MVC   LINEBUF+18(8),VMUSER-VMBLOK(R11)
MSG10    MVC   LINEBUF+26(2),=C': '
         L     R5,MSGTLEN
         C     R5,=F'100'
         BNH   MSG12
         LA    R5,100
MSG12    LR    R1,R5
         BCTR  R1,0
         L     R2,MSGTEXT
         EX    R1,MSGMVCT
         LA    R3,28(R5)           the line's length
         ST    R3,MSGLLEN
*  To whom?
         CLC   MSGTO,=CL8'OP'
         BE    MSGOPER
         CLC   MSGTO,=CL8'OPERATOR'
         BE    MSGOPER
         LA    R2,MSGTO
         BAL   R14,FINDUSER
         LTR   R1,R1
         BZ    MSGNOT
         L     R8,VMRDEV-VMBLOK(R1)   to the user's terminal
         B     MSG20
MSGOPER  L     R8,=A(RDEVTAB)      to the operator's console
MSG20    LA    R2,LINEBUF
         L     R3,MSGLLEN
         BAL   R14,TLINE
         L     R8,MSGR8            (the sender's terminal again)
         LEAVE CMDMSG
MSGMISS  CPMSG MSG026,RC=26
         LEAVE CMDMSG
MSGNOT   MVC   LINEBUF(11),=C'DMKMSG045E '
         LA    R2,MSGTO
         BAL   R14,LGUSERID
         MVC   0(L'QUNOTMSG,R2),QUNOTMSG
         LA    R3,L'QUNOTMSG(R2)
         LA    R2,LINEBUF
         SR    R3,R2
         LA    R0,45
         BAL   R14,CPERR
         LEAVE CMDMSG
MSGMVC   MVC   MSGTO(0),0(R2)
MSGMVCT  MVC   LINEBUF+28(0),0(R2)
CMDMSGR  DS    F
MSGR8    DS    F
MSGTO    DS    CL8
MSGTEXT  DS    A
MSGTLEN  DS    F
MSGLLEN  DS    F
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
*  In: R11 = VMBLOK, R8 = RDEV.  Returns through QEXIT (QUERY).       *
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
         LH    R0,VMTERMA
         LA    R2,LINEBUF+L'QVCONS
         LA    R3,3
         BAL   R14,HEXOUT
         LA    R2,LINEBUF
         LA    R3,L'QVCONS+3
         BAL   R14,CPLINE
         LA    R6,VMVDEVS          each minidisk
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
