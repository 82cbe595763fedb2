***********************************************************************
*  LOGON: LOGON and LOGOFF (DMKLOG, DMKBLD, DMKUSO).                  *
*                                                                     *
*  LOGON userid [password] checks the directory (SYSCONF), asks for   *
*  the password if it was not given, and builds the virtual machine:  *
*    - a VMBLOK, which holds everything CP knows about it;            *
*    - its address space: a segment table of 64 entries (up to 4M)    *
*      and a page table for every 64K segment of its storage, all in  *
*      one page frame.  Every page starts invalid: real frames are    *
*      given out as the guest touches its pages (GTRANS);             *
*    - then "IPL CMS": the saved CMS nucleus (NSSAREA) is copied into *
*      the guest's storage from address 0, and its PSW is loaded from *
*      guest location 0, just as a real IPL loads the PSW it finds    *
*      there.  The dispatcher will run it.                            *
*  LOGOFF gives every frame back and frees the VMBLOK.                *
*                                                                     *
*  The same machinery serves the operator: OPLOGON logs OPERATOR on   *
*  at the operator's console when CP starts (VM/370's primary system  *
*  operator, logged on during initialization); AUTOLOG logs a user on *
*  without a terminal (disconnected); LOGON to a disconnected user    *
*  reconnects it (RECONN); FORCE logs a user off (LOGOFF1).           *
*                                                                     *
*  A module: its own CSECT, R13 its base (ENTER).                     *
***********************************************************************
DMKLOG   CSECT
         USING DMKLOG,R13          the module's base (ENTER sets it)
*
***********************************************************************
*  CMDLOGON: LOGON userid [password].  In: R6, R7 the rest of the     *
*  line, R8 = RDEV, R11 = 0, as CPCMD calls every command.            *
*  Uses R0-R7, R15.                                                   *
***********************************************************************
CMDLOGON ENTER
         BAL   R14,NEXTTOK         the userid
         LTR   R3,R3
         BZ    LGNOID
         C     R3,=F'8'
         BH    LGNOID
         MVC   LGUSER,BLANKS
         LR    R1,R3
         BCTR  R1,0
         EX    R1,LGMVCU
         MVI   LGMODE,LGMTERM      a user at a terminal
         BAL   R14,LGFIND          in the directory, not logged on?
         BNZ   LGEXIT
         BAL   R14,NEXTTOK         the password
         LTR   R3,R3
         BNZ   LG30
         USING RDEV,R8             none: ask for it
         MVC   RDEVPUID,LGUSER
         MVI   RDEVSTAT,RDSPASS
         DROP  R8
         CPMSG PASSMSG,VIA=TLINE
         BAL   R14,TMASK           the password is not printed
         B     LGEXIT
LG30     BAL   R14,LGPWCHK         right password?
         BNZ   LGEXIT
         BAL   R14,LGDOIT
LGEXIT   LEAVE CMDLOGON
LGNOID   CPMSG MSG020,RC=20
         B     LGEXIT
LGMVCU   MVC   LGUSER(0),0(R2)
CMDLOGONR DS   F
CMDLOGONB DS   F
PASSMSG  DC    C'ENTER PASSWORD:'
MSG020   DC    C'DMKLOG020E USERID MISSING OR INVALID'
*
***********************************************************************
*  LOGPASS: the line after "ENTER PASSWORD:" (TINPUT calls it).       *
*  In: R8 = RDEV, the line in RDEVBUF, R3 = its length.               *
*  Uses R0-R7, R11, R15.                                              *
***********************************************************************
LOGPASS  ENTER
         USING RDEV,R8
         MVI   RDEVSTAT,RDSCMD
         MVC   LGUSER,RDEVPUID
         LA    R2,RDEVBUF
         DROP  R8
         ST    R2,LPWADDR
         ST    R3,LPWLEN
         MVI   LGMODE,LGMTERM
         BAL   R14,LGFIND          (may have changed meanwhile)
         BNZ   LPEXIT
         L     R2,LPWADDR
         L     R3,LPWLEN
         BAL   R14,LGPWCHK
         BNZ   LPEXIT
         BAL   R14,LGDOIT
LPEXIT   LEAVE LOGPASS
LOGPASSR DS    F
LOGPASSB DS    F
LPWADDR  DS    F
LPWLEN   DS    F
*
***********************************************************************
*  LGDOIT: the password was right: reconnect LGUSER's disconnected    *
*  machine (LGRECON) to this terminal, or build a new one.            *
*  In: R8 = RDEV.  Out: R11 = the VMBLOK.  Uses R0-R7, R15.           *
***********************************************************************
LGDOIT   ENTER
         L     R1,LGRECON
         LTR   R1,R1
         BZ    LGDO10
         BAL   R14,RECONN
         B     LGDO20
LGDO10   BAL   R14,LOGON2
LGDO20   LEAVE LGDOIT
LGDOITR  DS    F
LGDOITB  DS    F
*
***********************************************************************
*  LGFIND: look LGUSER up.  Out: CC 0 and LGDIR -> its DIRENTRY,      *
*  LGRECON = its VMBLOK when it is logged on but disconnected and     *
*  LGMODE is LGMTERM (a LOGON: it will reconnect), else 0; or CC not  *
*  0 after telling the user why not.  Uses R0-R5, R15.                *
***********************************************************************
LGFIND   ENTER
         L     R4,=A(DIRECTRY)
         USING DIRENTRY,R4
         L     R5,DIRCOUNT
         LTR   R5,R5
         BZ    LGF20
LGF10    CLC   DIRUSER,LGUSER
         BE    LGF30
         LA    R4,DIRLEN(R4)
         BCT   R5,LGF10
         DROP  R4
LGF20    MVC   LINEBUF(11),=C'DMKLOG053E '     not in the directory
         LA    R2,LGUSER
         BAL   R14,MSGUID
         MVC   0(L'MSG053,R2),MSG053
         LA    R3,L'MSG053(R2)
         LA    R0,53
         B     LGFERR
LGF30    ST    R4,LGDIR
         XC    LGRECON,LGRECON
         LA    R2,LGUSER           already logged on?
         BAL   R14,FINDUSER
         LTR   R1,R1
         BZ    LGFEXIT
         CLI   LGMODE,LGMTERM      a LOGON to a disconnected machine:
         BNE   LGF40                 it will be reconnected
         TM    VMFLAGS-VMBLOK(R1),VMFDSC
         BZ    LGF40
         ST    R1,LGRECON
         CR    R1,R1               CC 0
         B     LGFEXIT
LGF40    MVC   LINEBUF(L'MSG054),MSG054
         LA    R2,LINEBUF+L'MSG054
         BAL   R14,VMTERM          LINE 020, or DSC
         LA    R3,LINEBUF+L'MSG054+3
         LA    R0,54
LGFERR   LA    R2,LINEBUF
         SR    R3,R2
         BAL   R14,CPERR
         LTR   R14,R14             CC not 0
LGFEXIT  LEAVE LGFIND
LGFINDR  DS    F
LGFINDB  DS    F
MSG053   DC    C' NOT IN CP DIRECTORY'
MSG054   DC    C'DMKLOG054E ALREADY LOGGED ON LINE '
*
***********************************************************************
*  LGPWCHK: is the password (R2, R3) the directory's for LGDIR?       *
*  Out: CC 0 yes; else CC not 0 after the message.  Uses R0-R5, R15.  *
***********************************************************************
LGPWCHK  ST    R14,LGPWR
         MVC   LGPASS,BLANKS
         C     R3,=F'8'
         BH    LGPW20
         LTR   R1,R3
         BZ    LGPW20
         BCTR  R1,0
         EX    R1,LGPWMVC
         OC    LGPASS,BLANKS       (upper case)
         L     R4,LGDIR
         CLC   LGPASS,DIRPASS-DIRENTRY(R4)
         BE    LGPWEXIT
LGPW20   LA    R2,MSG050
         LA    R3,MSG050L
         LA    R0,50
         BAL   R14,CPERR
         LTR   R14,R14
LGPWEXIT L     R14,LGPWR
         BR    R14
LGPWMVC  MVC   LGPASS(0),0(R2)
LGPWR    DS    F
MSG050   DC    C'DMKLOG050E PASSWORD INCORRECT - '
         DC    C'REINITIATE LOGON PROCEDURE'
MSG050L  EQU   *-MSG050
*
***********************************************************************
*  LOGON2: build the virtual machine for LGDIR at terminal R8.        *
*  LGMODE says how: LGMTERM a LOGON at a terminal (IPL CMS); LGMOPER  *
*  the operator at CP's start (no IPL: CP READ, where every line is a *
*  CP command); LGMAUTO an AUTOLOG (R8 = DSCRDEV: no terminal, IPL    *
*  CMS, the operator told "AUTO LOGON ***").                          *
*  Out: R11 = its VMBLOK.  Uses R0-R7, R15.                           *
***********************************************************************
LOGON2   ENTER
         L     R11,=A(VMTABLE)     a free VMBLOK
         LA    R5,NUMVM
         USING VMBLOK,R11
LG40     CLI   VMSTATE,VMSFREE
         BE    LG50
         LA    R11,VMBLKLEN(R11)
         BCT   R5,LG40
         B     LGNOSTOR            (cannot happen: one per terminal)
LG50     LR    R2,R11
         LA    R3,VMBLKLEN
         BAL   R14,CLEAR
         L     R4,LGDIR
         USING DIRENTRY,R4
         MVC   VMUSER,DIRUSER
         MVC   VMSIZE,DIRSTOR
         MVC   VMCLASS,DIRCLASS    its privilege classes
         ST    R8,VMRDEV
         MVC   VMTERMA,RDEVADDR-RDEV(R8)
         MVC   VCADDR,=X'0009'     the virtual console
         CALL  URLOGON             its reader, punch and printer (R4)
*  Its minidisks, from the directory, into the VDEV slots, each with
*  the RDISK of its real disk (none: 0, and its SIO gets CC 3).
         LH    R5,DIRNDEV
         LTR   R5,R5
         BNP   LG52
         LA    R3,DIRDEVS
         LA    R2,VMVDEVS
LG51     MVC   0(8,R2),0(R3)       address, real disk, extent
         MVC   VDFLAGS-VDWORK(1,R2),DIRDFLG(R3)
         ST    R2,LGSLOT
         LH    R2,VDRDEV-VDWORK(R2)
         BAL   R14,DKFIND          R1 = its RDISK, or 0
         L     R2,LGSLOT
         ST    R1,VDRDISK-VDWORK(R2)
         LA    R3,DIRDLEN(R3)
         LA    R2,VDEVLEN(R2)
         BCT   R5,LG51
LG52     DS    0H
         DROP  R4
         MVC   VMTALEN,=H'-1'      nothing typed ahead
*  The address space: segment table at +0, page tables from +256.
         CALL  PGFRAME             (free, or stolen: paging.asm)
         LTR   R15,R15
         BZ    LGNOSTOR
         ST    R15,VMTABLES
         CALL  PGLOGON             its page records (paging.asm)
         LTR   R15,R15
         BZ    LGNOSTOR
         L     R2,VMTABLES
         O     R2,=X'03000000'     64 entries: length code 3
         ST    R2,VMSEG
         L     R5,VMSIZE           segments of storage
         SRL   R5,16
         L     R3,VMTABLES         -> segment-table entry
         LA    R4,256(R3)          -> its page table
         LA    R6,64
LG60     LTR   R5,R5               beyond the storage: invalid
         BP    LG62
         MVC   0(4,R3),=X'00000001'
         B     LG64
LG62     LR    R0,R4               16 entries, origin
         O     R0,=X'F0000000'
         ST    R0,0(R3)
         LA    R1,16               every page invalid
         LR    R2,R4
LG63     MVC   0(2,R2),=X'0008'
         LA    R2,2(R2)
         BCT   R1,LG63
         BCTR  R5,0
LG64     LA    R3,4(R3)
         LA    R4,32(R4)
         BCT   R6,LG60
*  Now it exists.
         MVI   VMSTATE,VMSRUN
         STCK  VMLOGON
         L     R1,NUSERS
         LA    R1,1(R1)
         ST    R1,NUSERS
         CLI   LGMODE,LGMAUTO      no terminal?
         BNE   LG70
         OI    VMFLAGS,VMFDSC      disconnected from the start
         LA    R0,OPWAUTO          "AUTO LOGON  ***   ALICE ..."
         LA    R1,OPWNONE
         BAL   R14,OPMSG
         B     LG80
LG70     ST    R11,RDEVUSER-RDEV(R8)
         MVC   TODNOW,VMLOGON      "LOGON AT ..."
         BAL   R14,TODFMT
         MVC   LINEBUF(9),=C'LOGON AT '
         LA    R2,LINEBUF+9
         BAL   R14,FMTWHEN
         LR    R3,R2
         LA    R2,LINEBUF
         SR    R3,R2
         BAL   R14,TLINE
         SR    R0,R0               tell the operator
         LA    R1,OPWLOGON
         BAL   R14,OPMSG
         CLI   LGMODE,LGMOPER      the operator: CP READ, no IPL
         BNE   LG80
         MVI   VMSTATE,VMSSTOP
         LEAVE LOGON2
*  IPL CMS.
LG80     CALL  IPLCMS              (CMDVM's)
         LEAVE LOGON2
LGNOSTOR CPMSG NOSTMSG,VIA=TLINE
         LEAVE LOGON2
LOGON2R  DS    F
LOGON2B  DS    F
LGUSER   DS    CL8
LGPASS   DS    CL8
LGDIR    DS    A
LGSLOT   DS    A
LGRECON  DS    A                   a disconnected machine to reconnect
LGMODE   DS    X                   how LOGON2 logs on (below)
LGMTERM  EQU   0                     LOGON at a terminal
LGMOPER  EQU   1                     the operator, at CP's start
LGMAUTO  EQU   2                     AUTOLOG: no terminal
LGFORCE  DC    X'00'               1: LOGOFF1 for FORCE (BY SYSTEM)
*
***********************************************************************
*  OPMSG: tell the operator what became of a user, as VM/370's        *
*  operator's console showed it:                                      *
*     LINE 020 LOGON  AS ALICE    USERS = 001                         *
*     LINE 020 DISCONNECT ALICE    USERS = 001                        *
*     USER DSC  LOGOFF AS ALICE    USERS = 000 FORCED                 *
*     AUTO LOGON  ***   ALICE    USERS = 002                          *
*  In: R0 -> what comes first (AL1(length),C'text'), or 0: "LINE xxx *
*  " for a machine at a terminal, "USER DSC  " for one without; R1 -> *
*  the words before the userid (the same form); R11 = VMBLOK; LGFORCE *
*  = 1 adds " FORCED".  Uses R0-R3, R15.                              *
***********************************************************************
OPMSG    ENTER
         ST    R8,OPMSGR8
         ST    R1,OPMSGW
         MVI   LINEBUF,C' '
         MVC   LINEBUF+1(L'LINEBUF-1),LINEBUF
         LTR   R1,R0               what comes first
         BNZ   OPM10
         LA    R1,OPWDSC
         TM    VMFLAGS,VMFDSC
         BO    OPM10
         MVC   LINEBUF(5),=C'LINE '
         LH    R0,VMTERMA
         LA    R2,LINEBUF+5
         LA    R3,3
         BAL   R14,HEXOUT
         LA    R2,LINEBUF+9
         B     OPM20
OPM10    LA    R2,LINEBUF
         BAL   R14,OPMCOPY
OPM20    L     R1,OPMSGW           the words
         BAL   R14,OPMCOPY
         MVC   0(8,R2),VMUSER
         MVC   8(9,R2),=C' USERS = '
         L     R1,NUSERS
         LA    R2,17(R2)
         ST    R2,OPMSGW
         LA    R3,3
         BAL   R14,DECOUT
         L     R2,OPMSGW
         LA    R2,3(R2)            past the number
         CLI   LGFORCE,1
         BNE   OPM30
         MVC   0(7,R2),=C' FORCED'
         LA    R2,7(R2)
OPM30    LR    R3,R2
         LA    R2,LINEBUF
         SR    R3,R2
         L     R8,=A(RDEVTAB)      the operator's console
         BAL   R14,TLINE
         L     R8,OPMSGR8
         LEAVE OPMSG
*  OPMCOPY: the text at R1 (AL1(length),C'text') to R2; R2 past it.
OPMCOPY  SR    R3,R3
         IC    R3,0(R1)
         LTR   R3,R3
         BZR   R14
         BCTR  R3,0
         EX    R3,OPMMVC
         LA    R2,1(R3,R2)
         BR    R14
OPMMVC   MVC   0(0,R2),1(R1)
OPMSGR   DS    F
OPMSGB   DS    F
OPMSGR8  DS    F
OPMSGW   DS    A
OPWDSC   DC    AL1(10),C'USER DSC  '
OPWAUTO  DC    AL1(17),C'AUTO LOGON  ***  '
OPWNONE  DC    AL1(1),C' '
OPWLOGON DC    AL1(10),C'LOGON  AS '
OPWLOGOF DC    AL1(10),C'LOGOFF AS '
OPWDISC  DC    AL1(11),C'DISCONNECT '
OPWRECON DC    AL1(10),C'RECONNECT '
*
***********************************************************************
*  CMDLOGOF: LOGOFF.  The accounting line and the time, the operator  *
*  is told, every frame goes back on the free chain, and the terminal *
*  says "VM/370 ONLINE" again.  (When the command came through        *
*  DIAGNOSE X'08', the machine that issued it is gone: DIAGNOSE sees  *
*  VMSTATE = VMSFREE and does not resume it.)                         *
*  In: R8 = RDEV, R11 = VMBLOK, as CPCMD calls every command.         *
*  Uses R0-R8, R15.                                                   *
***********************************************************************
CMDLOGOF ENTER
         MVI   LGFORCE,0
         BAL   R14,LOGOFF1
         LEAVE CMDLOGOF
CMDLOGOFR DS   F
CMDLOGOFB DS   F
*
***********************************************************************
*  LOGOFF1: log the user R11 off: LOGOFF's work, and FORCE's (with    *
*  LGFORCE = 1: "LOGOFF AT ... BY SYSTEM", and the operator sees      *
*  FORCED).  A disconnected machine has no terminal to tell or greet. *
*  In: R11 = VMBLOK.  Uses R0-R8, R15.                                *
***********************************************************************
LOGOFF1  ENTER
         NI    VMFLAGS,X'FF'-VMFBUF   the answer goes to the terminal
         L     R8,VMRDEV
         BAL   R14,FMTACCT
         BAL   R14,TLINE
         STCK  TODNOW
         BAL   R14,TODFMT
         MVC   LINEBUF(10),=C'LOGOFF AT '
         LA    R2,LINEBUF+10
         BAL   R14,FMTWHEN
         CLI   LGFORCE,1
         BNE   LF05
         MVC   0(10,R2),=C' BY SYSTEM'
         LA    R2,10(R2)
LF05     LR    R3,R2
         LA    R2,LINEBUF
         SR    R3,R2
         BAL   R14,TLINE
         L     R1,NUSERS
         BCTR  R1,0
         ST    R1,NUSERS
         SR    R0,R0
         LA    R1,OPWLOGOF
         BAL   R14,OPMSG
         MVI   LGFORCE,0
*  Its disk requests first: none may still read into a frame.
         CALL  IOSCANCL
*  Give the frames back: each page's frame and paging slot, the page
*  records (paging.asm), then the table frame.
         CALL  PGLOGOF
         L     R15,VMTABLES
         BAL   R14,FRAMEFRE
         CALL  VATFREE             and its shadow tables' (vat.asm)
*  Its spool files: open ones purged, the one being read kept.
         CALL  URLOGOF
*  No real disk's arm is "where this user left it" any more.
         BAL   R14,DKFORGET
*  The VMBLOK is free again.
         MVI   VMSTATE,VMSFREE
         MVC   VMUSER,BLANKS
         C     R11,RUNUSER
         BNE   LF40
         XC    RUNUSER,RUNUSER
LF40     C     R11,CPFOR
         BNE   LF45
         XC    CPFOR,CPFOR
LF45     TM    VMFLAGS,VMFDSC      no terminal: nobody to greet
         BO    LF50
         XC    RDEVUSER-RDEV(4,R8),RDEVUSER-RDEV(R8)
         BAL   R14,GREET
LF50     NI    VMFLAGS,X'FF'-VMFDSC
         LEAVE LOGOFF1
LOGOFF1R DS    F
LOGOFF1B DS    F
*
***********************************************************************
*  RECONN: LOGON to a disconnected machine: it is this terminal's     *
*  again.  Its user finds it stopped, at CP READ (BEGIN runs it on),  *
*  as VM/370 did: "RECONNECTED AT hh:mm:ss GMT weekday mm/dd/yy".     *
*  In: R1 = VMBLOK, R8 = RDEV.  Out: R11 = VMBLOK.  Uses R0-R7, R15.  *
***********************************************************************
RECONN   ENTER
         LR    R11,R1
         ST    R8,VMRDEV
         MVC   VMTERMA,RDEVADDR-RDEV(R8)
         ST    R11,RDEVUSER-RDEV(R8)
         NI    VMFLAGS,X'FF'-VMFDSC
         MVI   VMSTATE,VMSSTOP     CP READ
         STCK  TODNOW
         BAL   R14,TODFMT
         MVC   LINEBUF(15),=C'RECONNECTED AT '
         LA    R2,LINEBUF+15
         BAL   R14,FMTWHEN
         LR    R3,R2
         LA    R2,LINEBUF
         SR    R3,R2
         BAL   R14,TLINE
         SR    R0,R0               "LINE 021 RECONNECT ALICE ..."
         LA    R1,OPWRECON
         BAL   R14,OPMSG
         LEAVE RECONN
RECONNR  DS    F
RECONNB  DS    F
*
***********************************************************************
*  CMDAUTO: AUTOLOG userid password (classes A, B): log a user on     *
*  without a terminal, disconnected, and IPL CMS in the machine: it   *
*  runs as if someone had logged on and disconnected.  The operator   *
*  sees "AUTO LOGON  ***   ALICE    USERS = 004", the issuer COMMAND  *
*  COMPLETE.  A LOGON later reconnects to it.                         *
*  In: R6, R7 the rest of the line, R8 = RDEV, R11 = VMBLOK.          *
*  Uses R0-R7, R15.                                                   *
***********************************************************************
CMDAUTO  ENTER
         ST    R8,AUTOR8
         ST    R11,AUTOR11
         BAL   R14,NEXTTOK         the userid
         LTR   R3,R3
         BZ    AUTOMISS
         C     R3,=F'8'
         BH    AUTOMISS
         MVC   LGUSER,BLANKS
         LR    R1,R3
         BCTR  R1,0
         EX    R1,LGMVCU
         MVI   LGMODE,LGMAUTO
         BAL   R14,LGFIND          in the directory, not logged on?
         BNZ   AUTOEXIT
         BAL   R14,NEXTTOK         its password
         LTR   R3,R3
         BZ    AUTOMISS
         BAL   R14,LGPWCHK
         BNZ   AUTOEXIT
         L     R8,=A(DSCRDEV)      no terminal
         BAL   R14,LOGON2
         L     R8,AUTOR8
         L     R11,AUTOR11
         CPMSG MSGCOMPL
AUTOEXIT L     R8,AUTOR8
         L     R11,AUTOR11
         MVI   LGMODE,LGMTERM
         LEAVE CMDAUTO
AUTOMISS CPMSG MSG026,RC=26
         B     AUTOEXIT
CMDAUTOR DS    F
CMDAUTOB DS    F
AUTOR8   DS    F
AUTOR11  DS    F
*
***********************************************************************
*  OPLOGON: at CP's start, log the primary system operator (OPERATOR) *
*  on at the operator's console, if the directory has OPERATOR: the   *
*  machine is stopped (CP READ), so what is typed at 009 is a CP      *
*  command of OPERATOR's classes.  Also makes DSCRDEV, the terminal   *
*  of disconnected machines.  Called by INIT.  Uses R0-R8, R11, R15.  *
***********************************************************************
OPLOGON  ENTER
         L     R8,=A(DSCRDEV)      the terminal that is none
         LR    R2,R8
         LA    R3,RDEVLEN
         BAL   R14,CLEAR
         MVC   RDEVADDR-RDEV(2,R8),=X'FFFF'
         MVI   RDEVFLAG-RDEV(R8),RDDEAD
         L     R4,=A(DIRECTRY)     OPERATOR in the directory?
         L     R5,DIRCOUNT
         LTR   R5,R5
         BZ    OPLEXIT
OPL10    CLC   DIRUSER-DIRENTRY(8,R4),=CL8'OPERATOR'
         BE    OPL20
         LA    R4,DIRLEN(R4)
         BCT   R5,OPL10
         B     OPLEXIT             no: 009 is a terminal like others
OPL20    ST    R4,LGDIR
         MVC   LGUSER,=CL8'OPERATOR'
         MVI   LGMODE,LGMOPER
         L     R8,=A(RDEVTAB)      the operator's console
         BAL   R14,LOGON2
         MVI   LGMODE,LGMTERM
OPLEXIT  LEAVE OPLOGON
OPLOGONR DS    F
OPLOGONB DS    F
*
***********************************************************************
*  FMTACCT: the accounting line in LINEBUF:                           *
*  "CONNECT= hh:mm:ss VIRTCPU= mmm:ss.hh TOTCPU= mmm:ss.hh"           *
*  In: R11 = VMBLOK.  Out: R2 -> LINEBUF, R3 = length.                *
*  Uses R0-R5, R15.                                                   *
***********************************************************************
FMTACCT  ENTER
         MVC   LINEBUF(ACCTMSGL),ACCTMSG
         STCK  TODNOW              connect time = now - logon
         LM    R2,R3,TODNOW
         LM    R4,R5,VMLOGON
         BAL   R14,DSUB
         SRDL  R2,12               microseconds
         D     R2,=F'1000000'      seconds
         SR    R2,R2
         D     R2,=F'60'           R2 = ss, R3 = minutes
         ST    R2,FASEC
         SR    R2,R2
         D     R2,=F'60'           R2 = mm, R3 = hours
         ST    R2,FAMIN
         LR    R1,R3
         LA    R2,LINEBUF+9
         LA    R3,2
         BAL   R14,DECOUT
         L     R1,FAMIN
         LA    R2,LINEBUF+12
         LA    R3,2
         BAL   R14,DECOUT
         L     R1,FASEC
         LA    R2,LINEBUF+15
         LA    R3,2
         BAL   R14,DECOUT
         LM    R2,R3,VMVTIME       VIRTCPU
         LA    R4,LINEBUF+27
         BAL   R14,FMTCPU
         LM    R2,R3,VMVTIME       TOTCPU = virtual + CP's for it
         LM    R4,R5,VMCTIME
         BAL   R14,DADD
         LA    R4,LINEBUF+45
         BAL   R14,FMTCPU
         LA    R2,LINEBUF
         LA    R3,ACCTMSGL
         LEAVE FMTACCT
         DROP  R11
FMTACCTR DS    F
FMTACCTB DS    F
FASEC    DS    F
FAMIN    DS    F
ACCTMSG  DC    C'CONNECT= hh:mm:ss VIRTCPU= mmm:ss.hh '
         DC    C'TOTCPU= mmm:ss.hh'
ACCTMSGL EQU   *-ACCTMSG
         LTORG                     the module's literals
