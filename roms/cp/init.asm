***********************************************************************
*  INIT: CP's start-up (DMKCPI in VM/370).                            *
*                                                                     *
*  The IPL PSW at location 0 brings us here, disabled, in supervisor  *
*  state, with DAT off.  We set the control registers, chain the free *
*  page frames, build an RDEV for every terminal and an RDISK for     *
*  every real disk, greet the operator and the users, log the         *
*  operator on at the operator's console, and fall into the           *
*  dispatcher, which waits.                                           *
***********************************************************************
CPINIT   LM    R9,R13,BASES        load the base registers
         SCKC  CKCNEVER            (no clock-comparator interruption)
         LCTL  R0,R0,CPCR0         4K pages, 64K segments, CPU timer
         SPT   TIMERMAX            no time slice yet
         BAL   R14,FRMINIT         chain the free page frames
         BAL   R14,RDEVINIT        one RDEV per terminal
         BAL   R14,RDKINIT         one RDISK per real disk
*
*  Tell the operator.
         L     R8,=A(RDEVTAB)      the operator's console comes first
         CPMSG INITMSG,VIA=TLINE
         STCK  TODNOW              and the time
         BAL   R14,TODFMT
         MVC   LINEBUF(4),=C'NOW '
         LA    R2,LINEBUF+4
         BAL   R14,FMTWHEN         hh:mm:ss GMT weekday mm/dd/yy
         LA    R3,LINEBUF
         SR    R2,R3               length
         LR    R3,R2
         LA    R2,LINEBUF
         BAL   R14,TLINE
*
*  Greet every user terminal.
         L     R8,=A(RDEVTAB+RDEVLEN)  the first user terminal
         LA    R7,NUMTERM
INITGRT  BAL   R14,GREET
         LA    R8,RDEVLEN(R8)
         BCT   R7,INITGRT
*
*  The primary system operator logs on at the operator's console.
         CALL  OPLOGON             (LOGON's)
         B     DISPATCH            nothing to run yet: the CPU waits
*
INITMSG  DC    C'DMKCPI966I CPCMS CP - INITIALIZATION COMPLETE'
*
***********************************************************************
*  GREET: type the logon greeting on a terminal.                      *
*  In: R8 = RDEV.  Uses R0-R3, R15.                                   *
***********************************************************************
GREET    ENTER
         TM    RDEVFLAG-RDEV(R8),RDOFF   a disabled line: no logo
         BO    GREET10
         CPMSG ONLINMSG,VIA=TLINE
GREET10  LEAVE GREET
GREETR   DS    F
ONLINMSG DC    C'VM/370 ONLINE'
*
***********************************************************************
*  RDEVINIT: build the RDEV table from TERMADDR (SYSCONF).            *
*  The first terminal is the operator's console.  Uses R2-R8.         *
***********************************************************************
RDEVINIT ST    R14,RDINITR
         L     R8,=A(RDEVTAB)
         LA    R6,TERMADDR
         LA    R7,NUMTERM+1
RDINIT1  LR    R2,R8               clear the RDEV
         LA    R3,RDEVLEN
         BAL   R14,CLEAR
         USING RDEV,R8
         MVC   RDEVADDR,0(R6)      its device address
         LA    R6,2(R6)
         LA    R8,RDEVLEN(R8)
         BCT   R7,RDINIT1
         L     R8,=A(RDEVTAB)      mark the operator's console
         OI    RDEVFLAG,ROPER
         DROP  R8
         L     R14,RDINITR
         BR    R14
RDINITR  DS    F
*
***********************************************************************
*  RDKINIT: build the RDISK table from DASDCONF (SYSCONF): for each   *
*  real disk its address and volume serial, its part of the           *
*  translation areas (RCW, RCXTAB, IDAWS); nobody's program has put   *
*  its arm anywhere yet (RDKLAST 0), nothing runs or waits on it.     *
*  Then every IOBLOK (IOBTAB) goes on the free chain, IOBFREE.        *
*  Uses R0-R8.                                                        *
***********************************************************************
RDKINIT  ST    R14,RDKINITR
         L     R8,=A(RDISKTAB)
         LA    R6,DASDCONF         8 bytes a disk: address, volser
         LA    R7,NUMDASD
         USING RDISK,R8
         L     R0,=A(RCW)          the first disk's translation area
         ST    R0,RDKIAREA
         L     R0,=A(RCXTAB)
         ST    R0,RDKIAREA+4
         L     R0,=A(IDAWS)
         ST    R0,RDKIAREA+8
RDKI10   LR    R2,R8               clear the RDISK
         LA    R3,RDISKLEN
         BAL   R14,CLEAR
         MVC   RDKADDR,0(R6)
         MVC   RDKVOL,2(R6)
         MVC   RDKRCW(12),RDKIAREA  its areas; the next disk's follow
         L     R0,RDKIAREA
         A     R0,=A(RCWMAX*8)
         ST    R0,RDKIAREA
         L     R0,RDKIAREA+4
         A     R0,=A(RCWMAX*RCXLEN)
         ST    R0,RDKIAREA+4
         L     R0,RDKIAREA+8
         A     R0,=A(IDAWMAX*4)
         ST    R0,RDKIAREA+8
         LA    R6,8(R6)
         LA    R8,RDISKLEN(R8)
         BCT   R7,RDKI10
         DROP  R8
         L     R2,=A(IOBTAB)       the IOBLOKs, chained
         XC    IOBFREE,IOBFREE
         L     R7,=A(NUMTERM*VMNVDEV)
RDKI20   MVC   IOBNEXT-IOBLOK(4,R2),IOBFREE
         ST    R2,IOBFREE
         LA    R2,IOBLEN(R2)
         BCT   R7,RDKI20
         L     R14,RDKINITR
         BR    R14
RDKINITR DS    F
RDKIAREA DS    3A                  the next disk's RCW, RCX, IDAWs
*
***********************************************************************
*  CLEAR: set R3 bytes at R2 to zero (MVCL with a zero-length source  *
*  pads the whole target with the pad byte, here X'00').              *
*  In: R2 = address, R3 = length.  Uses R2-R5.                        *
***********************************************************************
CLEAR    SR    R5,R5               source length 0, pad byte 0
         LR    R4,R2
         MVCL  R2,R4
         BR    R14
