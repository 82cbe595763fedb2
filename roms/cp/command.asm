***********************************************************************
*  COMMAND: CP commands (DMKCFM, DMKCFC): the table, the parser, and  *
*  what every command shares.  This is the core's part of the         *
*  commands; each command itself is a routine in a module (QUERY,     *
*  LOGON, CMDVM, CMDMSG), which CPCMD calls through the table.        *
*                                                                     *
*  A command comes from a terminal (before LOGON, after #CP, or at    *
*  the operator's console) or from a guest through DIAGNOSE X'08'.    *
*  CPCMD upper-cases it, takes the first word and looks it up in      *
*  COMTAB, where each command has the shortest abbreviation CP        *
*  accepts (Q for QUERY, LOG for LOGOFF), who may use it and the      *
*  address of its routine: the table is the core's branch table into  *
*  the modules.  Every command sets CPRCH, its return code: 0, or the *
*  number of the message it gave (1 for "?CP:", 45 for "NOT LOGGED    *
*  ON" ...), which DIAGNOSE X'08' hands back to the guest.            *
*                                                                     *
*  Messages carry their VM/370 ids (DMKCFC001E ...).  Before LOGON    *
*  they are shown whole; a logged-on user sees the text only, like    *
*  VM/370's default SET EMSG TEXT.                                    *
***********************************************************************
*
***********************************************************************
*  CPCMD: run a CP command line.                                      *
*  In: R2 -> text, R3 = length, R8 = RDEV for the response,           *
*      R11 = VMBLOK of the user, or 0.                                *
*  A command routine is called (BALR R14,R15: R15 its address, from   *
*  the table) with R6 = end of line, R7 = where the next word starts, *
*  R8 and R11 as here; it begins with ENTER, ends with LEAVE and may  *
*  change R0-R7, R15.  Uses R0-R7, R15.                               *
***********************************************************************
CPCMD    ENTER
         XC    CPRCH,CPRCH
         C     R3,=F'132'
         BNH   CPC05
         LA    R3,132
CPC05    MVI   CMDLINE,C' '
         MVC   CMDLINE+1(L'CMDLINE-1),CMDLINE
         LTR   R1,R3
         BZ    CPCEXIT             an empty line: nothing to do
         BCTR  R1,0
         EX    R1,CPCMVC           copy it ...
         OC    CMDLINE,BLANKS      ... in upper case
         LA    R7,CMDLINE
         LA    R6,CMDLINE(R3)
         BAL   R14,NEXTTOK         the command word
         LTR   R3,R3
         BZ    CPCEXIT
         C     R3,=F'8'
         BH    CPCUNK
         L     R4,=A(COMTAB)
         USING COMENTRY,R4
CPC20    CLI   COMNAME,X'FF'       end of the table?
         BE    CPCUNK
         CLM   R3,1,COMMIN         long enough?
         BL    CPC30
         LR    R1,R3
         BCTR  R1,0
         EX    R1,CPCCLC           the same letters?
         BNE   CPC30
         LTR   R11,R11             may this terminal use it?
         BZ    CPC22
         TM    COMFLAG,COMFUSER    a logged-on user: a command for
         BNO   CPC30                 users, and of one of the user's
         SR    R1,R1                 privilege classes?
         IC    R1,COMCLASS
         SR    R0,R0
         IC    R0,VMCLASS-VMBLOK(R11)
         NR    R1,R0
         BZ    CPC30               (no: for this user it is not there)
         B     CPC40
CPC22    TM    RDEVFLAG-RDEV(R8),ROPER
         BZ    CPC24
         TM    COMFLAG,COMFOPER    the operator's console, nobody
         BO    CPC40                 logged on there: QUERY, MSG,
CPC24    TM    COMFLAG,COMFPRE       and LOGON as anywhere
         BO    CPC40
CPC30    LA    R4,COMLEN(R4)
         B     CPC20
CPC40    L     R15,COMADDR         run it: a routine in a module
         DROP  R4
         BALR  R14,R15
         B     CPCEXIT
*  Unknown: "?CP: word".
CPCUNK   MVC   LINEBUF(L'MSG001),MSG001
         C     R3,=F'8'
         BNH   CPC50
         LA    R3,8
CPC50    LR    R1,R3
         BCTR  R1,0
         EX    R1,CPCMVCW
         LA    R3,L'MSG001(R3)
         LA    R2,LINEBUF
         LA    R0,1
         BAL   R14,CPERR
CPCEXIT  LEAVE CPCMD
CPCMVC   MVC   CMDLINE(0),0(R2)
CPCCLC   CLC   0(0,R2),COMNAME-COMENTRY(R4)
CPCMVCW  MVC   LINEBUF+L'MSG001(0),0(R2)
CPCMDR   DS    F
MSG001   DC    C'DMKCFC001E ?CP: '
*  What the commands share (the modules reach the core's data too).
BLANKS   DC    CL132' '
MSG026   DC    C'DMKCQG026E OPERAND MISSING OR INVALID'
QUNOTMSG DC    C' NOT LOGGED ON'
MSGCOMPL DC    C'COMMAND COMPLETE'
*
***********************************************************************
*  CPERR: give an error message and set the return code.             *
*  In: R2 -> message starting with its 11-character id ("DMKxxxnnnE   *
*  "), R3 = length, R0 = return code, R8, R11 as for CPLINE.  A       *
*  logged-on user sees the text only.  Uses R0-R5, R15.               *
***********************************************************************
CPERR    STH   R0,CPRCH
         LTR   R11,R11
         BZ    CPLINE
         TM    VMFLAGS-VMBLOK(R11),VMFEMSG
         BO    CPLINE
         LA    R2,11(R2)           SET EMSG TEXT: skip the id
         SH    R3,=H'11'
         B     CPLINE
*
***********************************************************************
*  NEXTTOK: the next blank-delimited word.                            *
*  In: R7 = scan position, R6 = end.  Out: R2 -> word, R3 = length    *
*  (0 if none), R7 past the word.                                     *
***********************************************************************
NEXTTOK  CR    R7,R6
         BNL   NTNONE
         CLI   0(R7),C' '
         BNE   NT10
         LA    R7,1(R7)
         B     NEXTTOK
NT10     LR    R2,R7
NT20     LA    R7,1(R7)
         CR    R7,R6
         BNL   NT30
         CLI   0(R7),C' '
         BNE   NT20
NT30     LR    R3,R7
         SR    R3,R2
         BR    R14
NTNONE   LR    R2,R7
         SR    R3,R3
         BR    R14
*
***********************************************************************
*  KWMATCH: is the word an abbreviation of a keyword?                 *
*  In: R2 -> word, R3 = length, R4 -> keyword (CL8), R5 = shortest    *
*  abbreviation.  Out: CC 0 if it matches.  Uses R1.                  *
***********************************************************************
KWMATCH  CR    R3,R5
         BL    KWNO
         C     R3,=F'8'
         BH    KWNO
         LR    R1,R3
         BCTR  R1,0
         EX    R1,KWCLC
         BR    R14
KWNO     LTR   R14,R14             (an address: CC 2)
         BR    R14
KWCLC    CLC   0(0,R2),0(R4)
*
***********************************************************************
*  COMTAB: the CP commands.                                           *
*                                                                     *
*  An entry: the name (CL8), the shortest abbreviation, who may use   *
*  it (COMFPRE, COMFUSER, COMFOPER), the privilege classes it belongs *
*  to (COMCLASS: VM/370's, as its CP command references list them),   *
*  a byte of zero, and the routine:                                   *
*     DC CL8'FORCE',AL1(5),AL1(COMFUSER),AL1(CLASSA),X'00',A(CMDFORCE)*
*  A logged-on user gets "?CP: FORCE" for a command of none of his    *
*  classes, exactly as for one CP does not have.  COMCLASS 0 means no *
*  user at all: an entry must always name its classes.                *
***********************************************************************
COMFUOP  EQU   COMFUSER+COMFOPER   users and the operator
CLASSAG  EQU   CLASSA+CLASSB+CLASSC+CLASSD+CLASSE+CLASSF+CLASSG
CLASSAB  EQU   CLASSA+CLASSB       the operators
         DS    0F
COMTAB   DC    CL8'LOGON',AL1(1),AL1(COMFPRE),AL1(CLASSANY),X'00'
         DC    A(CMDLOGON)
         DC    CL8'LOGIN',AL1(5),AL1(COMFPRE),AL1(CLASSANY),X'00'
         DC    A(CMDLOGON)
         DC    CL8'LOGOFF',AL1(3),AL1(COMFUSER),AL1(CLASSANY),X'00'
         DC    A(CMDLOGOF)
         DC    CL8'LOGOUT',AL1(6),AL1(COMFUSER),AL1(CLASSANY),X'00'
         DC    A(CMDLOGOF)
         DC    CL8'QUERY',AL1(1),AL1(COMFUOP),AL1(CLASSAG),X'00'
         DC    A(CMDQUERY)
         DC    CL8'MSG',AL1(1),AL1(COMFUOP),AL1(CLASSANY),X'00'
         DC    A(CMDMSG)
         DC    CL8'MESSAGE',AL1(1),AL1(COMFUOP),AL1(CLASSANY),X'00'
         DC    A(CMDMSG)
         DC    CL8'DISPLAY',AL1(1),AL1(COMFUSER),AL1(CLASSG),X'00'
         DC    A(CMDDISP)
         DC    CL8'STORE',AL1(2),AL1(COMFUSER),AL1(CLASSG),X'00'
         DC    A(CMDSTORE)
         DC    CL8'BEGIN',AL1(1),AL1(COMFUSER),AL1(CLASSG),X'00'
         DC    A(CMDBEGIN)
         DC    CL8'IPL',AL1(1),AL1(COMFUSER),AL1(CLASSG),X'00'
         DC    A(CMDIPL)
         DC    CL8'SPOOL',AL1(2),AL1(COMFUSER),AL1(CLASSG),X'00'
         DC    A(CMDSPOOL)
         DC    CL8'CLOSE',AL1(1),AL1(COMFUSER),AL1(CLASSG),X'00'
         DC    A(CMDCLOSE)
         DC    CL8'PURGE',AL1(3),AL1(COMFUSER),AL1(CLASSG),X'00'
         DC    A(CMDPURGE)
         DC    CL8'DISCONN',AL1(4),AL1(COMFUSER),AL1(CLASSANY),X'00'
         DC    A(CMDDISC)
         DC    CL8'WARNING',AL1(4),AL1(COMFUSER),AL1(CLASSAB),X'00'
         DC    A(CMDWARN)
         DC    CL8'FORCE',AL1(5),AL1(COMFUSER),AL1(CLASSA),X'00'
         DC    A(CMDFORCE)
         DC    CL8'AUTOLOG',AL1(4),AL1(COMFUSER),AL1(CLASSAB),X'00'
         DC    A(CMDAUTO)
         DC    CL8'DISABLE',AL1(4),AL1(COMFUSER),AL1(CLASSAB),X'00'
         DC    A(CMDDISA)
         DC    CL8'ENABLE',AL1(3),AL1(COMFUSER),AL1(CLASSAB),X'00'
         DC    A(CMDENA)
         DC    CL8'SHUTDOWN',AL1(8),AL1(COMFUSER),AL1(CLASSA),X'00'
         DC    A(CMDSHUT)
         DC    CL8'LINK',AL1(4),AL1(COMFUSER),AL1(CLASSG),X'00'
         DC    A(CMDLINK)
         DC    CL8'DETACH',AL1(3),AL1(COMFUOP),AL1(CLASSBG),X'00'
         DC    A(CMDDET)
         DC    CL8'ATTACH',AL1(3),AL1(COMFUOP),AL1(CLASSB),X'00'
         DC    A(CMDATT)
         DC    CL8'TRANSFER',AL1(4),AL1(COMFUSER),AL1(CLASSD+CLASSG),X'00'
         DC    A(CMDTRANS)
         DC    CL8'ORDER',AL1(3),AL1(COMFUSER),AL1(CLASSD+CLASSG),X'00'
         DC    A(CMDORDER)
         DC    CL8'CHANGE',AL1(2),AL1(COMFUSER),AL1(CLASSD+CLASSG),X'00'
         DC    A(CMDCHANG)
         DC    CL8'START',AL1(3),AL1(COMFUOP),AL1(CLASSD),X'00'
         DC    A(CMDSTART)
         DC    CL8'DRAIN',AL1(5),AL1(COMFUOP),AL1(CLASSD),X'00'
         DC    A(CMDDRAIN)
         DC    CL8'SPACE',AL1(5),AL1(COMFUOP),AL1(CLASSD),X'00'
         DC    A(CMDSPACE)
         DC    CL8'SYSTEM',AL1(3),AL1(COMFUSER),AL1(CLASSG),X'00'
         DC    A(CMDSYS)
         DC    CL8'EXTERNAL',AL1(3),AL1(COMFUSER),AL1(CLASSG),X'00'
         DC    A(CMDEXT)
         DC    CL8'INDICATE',AL1(3),AL1(COMFUOP),AL1(CLASSAG),X'00'
         DC    A(CMDIND)
         DC    X'FF'
*
***********************************************************************
*  FINDUSER: find a logged-on user.                                   *
*  In: R2 -> userid (CL8).  Out: R1 = VMBLOK, or 0.  Uses R0.         *
***********************************************************************
FINDUSER L     R1,=A(VMTABLE)
         LA    R0,NUMVM
         USING VMBLOK,R1
FU10     CLI   VMSTATE,VMSFREE
         BE    FU20
         CLC   VMUSER,0(R2)
         BER   R14
FU20     LA    R1,VMBLKLEN(R1)
         BCT   R0,FU10
         SR    R1,R1
         BR    R14
         DROP  R1
*
***********************************************************************
*  VMTERM: where a user is, as QUERY and the operator show it: the    *
*  terminal's address in three hex digits, or DSC for a disconnected  *
*  machine.  In: R1 = VMBLOK, R2 -> where (3 bytes).  Uses R0-R3.     *
***********************************************************************
VMTERM   TM    VMFLAGS-VMBLOK(R1),VMFDSC
         BZ    VMT10
         MVC   0(3,R2),=C'DSC'
         BR    R14
VMT10    LH    R0,VMTERMA-VMBLOK(R1)
         LA    R3,3
         B     HEXOUT              (which returns to R14)
*
***********************************************************************
*  MSGUID: the userid at R2 (CL8) without its trailing blanks, after  *
*  the 11-character message id in LINEBUF ("DMKLOG053E ALICE").       *
*  Out: R2 -> the byte after it.                                      *
***********************************************************************
MSGUID   MVC   LINEBUF+11(8),0(R2)
         LA    R2,LINEBUF+19
MUID10   BCTR  R2,0
         CLI   0(R2),C' '
         BE    MUID10
         LA    R2,1(R2)
         BR    R14
