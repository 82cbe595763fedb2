***********************************************************************
*  CMDMSG: MSG (DMKMSG) - a line from one user's terminal to         *
*  another's, the way VM/370 users talked:                            *
*     MSG BOB HELLO     BOB sees  09:00:05 MSG FROM ALICE   : HELLO   *
*     MSG OP text / MSG OPERATOR text     to the operator's console   *
*     MSG ALL text        (classes A, B) to every user at a terminal  *
*     WARNING userid|ALL text   (classes A, B) the same, as a warning: *
*                       09:00:05 WNG FROM OPERATOR: SYSTEM GOING DOWN *
*  From the operator's console the sender is OPERATOR.  A user who is *
*  not logged on: "userid NOT LOGGED ON", return code 45 (so is ALL   *
*  for a MSG from a user without class A or B, as in VM/370); one who *
*  is disconnected: "userid NOT RECEIVING; DISCONNECTED", 57.         *
*                                                                     *
*  A module: its own CSECT, R13 its base (ENTER).                     *
***********************************************************************
DMKMSG   CSECT
         USING DMKMSG,R13          the module's base (ENTER sets it)
*
***********************************************************************
*  CMDMSG: MSG.  In: R6, R7 the rest of the line, R8 = RDEV, R11 =    *
*  VMBLOK or 0 (the operator), as CPCMD calls every command.          *
*  Uses R0-R7, R15.                                                   *
***********************************************************************
CMDWARN  ENTER CMDMSG
         MVC   MSGKIND,=C'WNG'
         B     MSG01
CMDMSG   ENTER
         MVC   MSGKIND,=C'MSG'
         MVI   MSGALLOK,0          ALL: for classes A and B only
         LTR   R11,R11               (and the operator's console)
         BZ    MSG01
         TM    VMCLASS-VMBLOK(R11),CLASSA+CLASSB
         BZ    MSG02
MSG01    MVI   MSGALLOK,1
MSG02    ST    R8,MSGR8            the sender's terminal, for after
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
         MVC   LINEBUF+9(3),MSGKIND          (or WNG)
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
         CLI   MSGALLOK,1
         BNE   MSG15
         CLC   MSGTO,=CL8'ALL'
         BE    MSGALL
MSG15    CLC   MSGTO,=CL8'OP'
         BE    MSGOPER
         CLC   MSGTO,=CL8'OPERATOR'
         BE    MSGOPER
         LA    R2,MSGTO
         BAL   R14,FINDUSER
         LTR   R1,R1
         BZ    MSGNOT
         TM    VMFLAGS-VMBLOK(R1),VMFDSC   no terminal to type it on
         BO    MSGDSC
         L     R8,VMRDEV-VMBLOK(R1)   to the user's terminal
         B     MSG20
MSGOPER  L     R8,=A(RDEVTAB)      to the operator's console
MSG20    LA    R2,LINEBUF
         L     R3,MSGLLEN
         BAL   R14,TLINE
MSGEXIT  L     R8,MSGR8            (the sender's terminal again)
         LEAVE CMDMSG
*  ALL: every other user who is at a terminal.
MSGALL   L     R6,=A(VMTABLE)
         LA    R7,NUMVM
         USING VMBLOK,R6
MSGA10   CLI   VMSTATE,VMSFREE
         BE    MSGA20
         TM    VMFLAGS,VMFDSC
         BO    MSGA20
         CR    R6,R11              (not the sender)
         BE    MSGA20
         L     R8,VMRDEV
         LA    R2,LINEBUF
         L     R3,MSGLLEN
         BAL   R14,TLINE
MSGA20   LA    R6,VMBLKLEN(R6)
         BCT   R7,MSGA10
         DROP  R6
         B     MSGEXIT
MSGMISS  CPMSG MSG026,RC=26
         LEAVE CMDMSG
MSGNOT   MVC   LINEBUF(11),=C'DMKMSG045E '
         LA    R2,MSGTO
         BAL   R14,MSGUID
         MVC   0(L'QUNOTMSG,R2),QUNOTMSG
         LA    R3,L'QUNOTMSG(R2)
         LA    R2,LINEBUF
         SR    R3,R2
         LA    R0,45
         BAL   R14,CPERR
         LEAVE CMDMSG
*  A disconnected user: "userid NOT RECEIVING; DISCONNECTED", 57.
MSGDSC   MVC   LINEBUF(11),=C'DMKMSG057I '
         LA    R2,MSGTO
         BAL   R14,MSGUID
         MVC   0(L'MSGDSCT,R2),MSGDSCT
         LA    R3,L'MSGDSCT(R2)
         LA    R2,LINEBUF
         SR    R3,R2
         LA    R0,57
         BAL   R14,CPERR
         LEAVE CMDMSG
MSGDSCT  DC    C' NOT RECEIVING; DISCONNECTED'
MSGMVC   MVC   MSGTO(0),0(R2)
MSGMVCT  MVC   LINEBUF+28(0),0(R2)
CMDMSGR  DS    F
CMDMSGB  DS    F
MSGR8    DS    F
MSGKIND  DS    CL3                 MSG or WNG
MSGALLOK DS    X                   1: ALL may be the addressee
MSGTO    DS    CL8
MSGTEXT  DS    A
MSGTLEN  DS    F
MSGLLEN  DS    F
         LTORG                     the module's literals
