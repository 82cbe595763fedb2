***********************************************************************
*  OPERATOR: the commands that run the installation (DMKOPR; VM/370   *
*  spread them over DMKUSO, DMKCPV and DMKCKS).                       *
*                                                                     *
*     DISCONN [HOLD]      any user: the machine runs on without its   *
*                         terminal; LOGON later reconnects to it      *
*     FORCE userid        class A: log a user off                     *
*     DISABLE ALL|raddr   classes A, B: a terminal line takes no more *
*     ENABLE ALL|raddr    LOGONs (no logo), or takes them again        *
*     SHUTDOWN            class A: every user warned, every terminal  *
*                         lets its last lines out, the machine stops  *
*  (WARNING and MSG ALL are DMKMSG's, AUTOLOG DMKLOG's.)  CPCMD lets  *
*  only a user of the command's classes in (COMTAB).                  *
*                                                                     *
*  A module: its own CSECT, R13 its base (ENTER).                     *
***********************************************************************
DMKOPR   CSECT
         USING DMKOPR,R13          the module's base (ENTER sets it)
*
***********************************************************************
*  CMDDISC: DISCONN [HOLD].  The user sees "DISCONNECT AT hh:mm:ss    *
*  GMT weekday mm/dd/yy", the operator "LINE 020 DISCONNECT ALICE     *
*  USERS = 002"; the terminal greets the next user (VM/370 ONLINE),   *
*  and the machine goes on running with DSCRDEV for its terminal:     *
*  what it types is dropped, and a read waits until a LOGON           *
*  reconnects it.  A machine stopped at CP READ runs again (as after  *
*  BEGIN).  HOLD is accepted: a 3215 line is never dropped anyway.    *
*  In: R8 = RDEV, R11 = VMBLOK, as CPCMD calls every command.         *
*  Uses R0-R8, R15.                                                   *
***********************************************************************
CMDDISC  ENTER
         USING VMBLOK,R11
         TM    VMFLAGS,VMFDSC      disconnected already (a program's
         BO    DSC30                 DIAGNOSE): nothing to do
         ST    R8,DISCR8
         NI    VMFLAGS,X'FF'-VMFBUF   the answer goes to the terminal
         L     R8,VMRDEV
         STCK  TODNOW
         BAL   R14,TODFMT
         MVC   LINEBUF(14),=C'DISCONNECT AT '
         LA    R2,LINEBUF+14
         BAL   R14,FMTWHEN
         LR    R3,R2
         LA    R2,LINEBUF
         SR    R3,R2
         BAL   R14,TLINE
         SR    R0,R0               tell the operator
         L     R1,=A(OPWDISC)
         CALL  OPMSG
*  The terminal is free; the machine's terminal is none.
         XC    RDEVUSER-RDEV(4,R8),RDEVUSER-RDEV(R8)
         BAL   R14,GREET
         L     R0,=A(DSCRDEV)
         ST    R0,VMRDEV
         MVC   VMTERMA,=X'FFFF'    (DSCRDEV's address: no terminal)
         OI    VMFLAGS,VMFDSC
         NI    VMFLAGS,X'FF'-VMFQ1
         CLI   VMSTATE,VMSSTOP     stopped at CP READ: it runs on
         BNE   DSC10
         MVI   VMSTATE,VMSRUN
DSC10    TM    VCSTAT,VCWRW        waiting for room on its terminal:
         BZ    DSC20                 there is room now (nothing is
         NI    VCSTAT,X'FF'-VCWRW    kept)
         BAL   R14,VCRESUME
DSC20    L     R8,DISCR8
DSC30    LEAVE CMDDISC
         DROP  R11
CMDDISCR DS    F
CMDDISCB DS    F
DISCR8   DS    F
*
***********************************************************************
*  CMDFORCE: FORCE userid.  The user's terminal (if it has one) gets  *
*  the accounting line and "LOGOFF AT ... BY SYSTEM" and greets the   *
*  next user; the operator sees "LINE 020 LOGOFF AS ALICE    USERS =  *
*  001 FORCED" ("USER DSC  LOGOFF AS ..." for a disconnected one).    *
*  Spool files are kept as at LOGOFF.  Not logged on: "userid NOT     *
*  LOGGED ON" (45).  In: R6, R7 the rest of the line, R8 = RDEV,      *
*  R11 = VMBLOK.  Uses R0-R7, R15.                                    *
***********************************************************************
CMDFORCE ENTER
         ST    R8,FORCER8
         ST    R11,FORCER11
         BAL   R14,NEXTTOK
         LTR   R3,R3
         BZ    FORMISS
         BAL   R14,OPUSER          OPUID, R1 = its VMBLOK or 0
         LTR   R1,R1
         BZ    FORNOT
         LR    R11,R1
         L     R1,=A(LGFORCE)      "BY SYSTEM", "FORCED"
         MVI   0(R1),1
         CALL  LOGOFF1
FOREXIT  L     R8,FORCER8
         L     R11,FORCER11
         LEAVE CMDFORCE
FORMISS  CPMSG MSG026,RC=26
         B     FOREXIT
FORNOT   MVC   LINEBUF(11),=C'DMKUSO045E '
         BAL   R14,OPNOTON
         B     FOREXIT
CMDFORCER DS   F
CMDFORCEB DS   F
FORCER8  DS    F
FORCER11 DS    F
*
*  OPUSER: the word at R2 (R3 long) as a userid in OPUID, and the
*  VMBLOK of that user, logged on, in R1 (or 0).  Uses R0, R1.
OPUSER   ST    R14,OPUSERR
         MVC   OPUID,BLANKS
         SR    R1,R1
         C     R3,=F'8'
         BH    OPUS10
         LR    R1,R3
         BCTR  R1,0
         EX    R1,OPUMVC
         LA    R2,OPUID
         BAL   R14,FINDUSER
OPUS10   L     R14,OPUSERR
         BR    R14
OPUMVC   MVC   OPUID(0),0(R2)
OPUSERR  DS    F
OPUID    DS    CL8
*
*  OPNOTON: "...045E userid NOT LOGGED ON" (the id in LINEBUF), 45.
OPNOTON  ST    R14,OPNOTR
         LA    R2,OPUID
         BAL   R14,MSGUID
         MVC   0(L'QUNOTMSG,R2),QUNOTMSG
         LA    R3,L'QUNOTMSG(R2)
         LA    R2,LINEBUF
         SR    R3,R2
         LA    R0,45
         BAL   R14,CPERR
         L     R14,OPNOTR
         BR    R14
OPNOTR   DS    F
*
***********************************************************************
*  CMDDISA, CMDENA: DISABLE ALL|raddr, ENABLE ALL|raddr.  A disabled  *
*  line (RDOFF) shows no logo and CP takes nothing typed there while  *
*  nobody is logged on: no LOGON.  A user logged on there stays; the  *
*  line is off when he leaves.  ENABLE greets an idle line again.     *
*  The operator's console is never disabled.  Answer: COMMAND         *
*  COMPLETE; an address that is no terminal line: "DEV raddr DOES     *
*  NOT EXIST" (40).  In: R6, R7, R8, R11 as CPCMD gives them.         *
*  Uses R0-R7, R15.                                                   *
***********************************************************************
CMDDISA  ENTER LINECMD
         MVI   LCOFF,1
         B     LC10
CMDENA   ENTER LINECMD
         MVI   LCOFF,0
LC10     ST    R8,LCR8
         BAL   R14,NEXTTOK         ALL or an address
         LTR   R3,R3
         BZ    LCMISS
         MVI   LCALL,1
         C     R3,=F'3'
         BNE   LC20
         CLC   0(3,R2),=C'ALL'
         BE    LC30                every line
LC20     MVI   LCALL,0             an address: 1-3 hex digits, as
         C     R3,=F'3'              CP types it (02F), in LCTXT
         BH    LCBAD
         MVC   LCTXT,=C'000'
         LA    R1,LCTXT+3
         SR    R1,R3
         BCTR  R3,0
         EX    R3,LCMVCA
LC30     L     R8,=A(RDEVTAB+RDEVLEN)  the user terminals
         LA    R7,NUMTERM
         MVI   LCFOUND,0
         USING RDEV,R8
LC40     CLI   LCALL,1
         BE    LC45
         LH    R0,RDEVADDR         this line's address, as text
         LA    R2,LCHERE
         LA    R3,3
         BAL   R14,HEXOUT
         CLC   LCHERE,LCTXT
         BNE   LC60
LC45     MVI   LCFOUND,1
         CLI   LCOFF,1
         BNE   LC50
         OI    RDEVFLAG,RDOFF      DISABLE
         B     LC60
LC50     TM    RDEVFLAG,RDOFF      ENABLE: was it off?
         BZ    LC60
         NI    RDEVFLAG,X'FF'-RDOFF
         ICM   R0,15,RDEVUSER      idle: the logo again
         BNZ   LC60
         BAL   R14,GREET
LC60     LA    R8,RDEVLEN(R8)
         BCT   R7,LC40
         DROP  R8
         L     R8,LCR8
         CLI   LCFOUND,1
         BNE   LCNODEV
         CPMSG MSGCOMPL
LCEXIT   L     R8,LCR8
         LEAVE LINECMD
LCMISS   CPMSG MSG026,RC=26
         B     LCEXIT
LCBAD    LR    R1,R3               (at most 8 characters shown)
         C     R1,=F'8'
         BNH   LCB10
         LA    R1,8
LCB10    MVC   LINEBUF(8),BLANKS
         BCTR  R1,0
         EX    R1,LCMVC
         B     LCNO10
LCNODEV  MVC   LINEBUF(8),BLANKS   "DEV 02F DOES NOT EXIST"
         MVC   LINEBUF(3),LCTXT
LCNO10   MVC   LCMSG(L'MSGDEV),MSGDEV
         MVC   LCMSG+L'MSGDEV(8),LINEBUF
         LA    R2,LCMSG+L'MSGDEV+8
LCNO20   BCTR  R2,0                squeeze the blanks after it
         CLI   0(R2),C' '
         BE    LCNO20
         MVC   1(L'MSGDNE,R2),MSGDNE
         LA    R3,1+L'MSGDNE(R2)
         LA    R2,LCMSG
         SR    R3,R2
         LA    R0,40
         BAL   R14,CPERR
         B     LCEXIT
LCMVC    MVC   LINEBUF(0),0(R2)
LCMVCA   MVC   0(0,R1),0(R2)
LINECMDR DS    F
LINECMDB DS    F
LCR8     DS    F
LCTXT    DS    CL3                 the address asked for
LCHERE   DS    CL3                 a line's address
LCALL    DS    X                   1: ALL
LCOFF    DS    X
LCFOUND  DS    X
MSGDEV   DC    C'DMKCPV040E DEV '
MSGDNE   DC    C' DOES NOT EXIST'
LCMSG    DS    CL48
*
***********************************************************************
*  CMDSHUT: SHUTDOWN.  Every user logged on at a terminal is warned   *
*  ("hh:mm:ss WNG FROM OPERATOR: SYSTEM SHUTDOWN"); nothing is purged *
*  (spool files stay where they are); the operator's console says     *
*  "DMKCKP960I SYSTEM WARM START DATA SAVED" and "DMKCKP961W SYSTEM   *
*  SHUTDOWN COMPLETE"; every terminal types what it still has queued  *
*  (CP waits for each with TDRAIN: a line typed meanwhile is not      *
*  taken), and CP stops in a disabled wait, code X'006' - the machine *
*  is off.  It does not return.                                       *
*  In: R8, R11 as CPCMD gives them.                                   *
***********************************************************************
CMDSHUT  ENTER
         STCK  TODNOW
         BAL   R14,TODFMT
         MVC   LINEBUF(8),TFTIME
         MVC   LINEBUF+8(L'SHWNG),SHWNG
         L     R6,=A(VMTABLE)      warn every user at a terminal
         LA    R7,NUMVM
         USING VMBLOK,R6
SH10     CLI   VMSTATE,VMSFREE
         BE    SH20
         TM    VMFLAGS,VMFDSC
         BO    SH20
         CR    R6,R11              (not the operator himself)
         BE    SH20
         L     R8,VMRDEV
         LA    R2,LINEBUF
         LA    R3,8+L'SHWNG
         BAL   R14,TLINE
SH20     LA    R6,VMBLKLEN(R6)
         BCT   R7,SH10
         DROP  R6
         L     R8,=A(RDEVTAB)      the operator's console
         CPMSG MSG960,VIA=TLINE
         CPMSG MSG961,VIA=TLINE
*  Let every terminal type what it has: TDRAIN waits for the line it
*  is typing and starts the next, until none is left (or it is dead).
         L     R8,=A(RDEVTAB)
         LA    R7,NUMTERM+1
         USING RDEV,R8
SH30     CLC   RDEVQCNT,=H'0'
         BE    SH40
         TM    RDEVFLAG,RDDEAD
         BO    SH40
         NI    RDEVFLAG,X'FF'-RDATTN-RDINPUT   (nothing more is read)
         BAL   R14,TDRAIN
         B     SH30
SH40     LA    R8,RDEVLEN(R8)
         BCT   R7,SH30
         DROP  R8
         LPSW  SHUTPSW             the end
CMDSHUTR DS    F
CMDSHUTB DS    F
         DS    0D
SHUTPSW  DC    X'000A0000',X'00000006'  disabled wait, code 006
SHWNG    DC    C' WNG FROM OPERATOR: SYSTEM SHUTDOWN'
MSG960   DC    C'DMKCKP960I SYSTEM WARM START DATA SAVED'
MSG961   DC    C'DMKCKP961W SYSTEM SHUTDOWN COMPLETE'
         LTORG                     the module's literals
