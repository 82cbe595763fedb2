***********************************************************************
*  VTIMER: a virtual machine's CPU timer and clock comparator         *
*  (DMKVTM; issue 12, "Equivalence").                                 *
*                                                                     *
*  The real CPU timer is CP's: it measures the machines' time slices. *
*  Each machine has its own, VMVCPUT in its VMBLOK, as the Principles *
*  of Operation define it for a CPU of its own: it is decremented     *
*  while the machine runs (by the time it ran, from the real timer,   *
*  at every interruption: VTRUN) and while it is in the wait state    *
*  (by the TOD clock: VTPEND), not while other machines run or the    *
*  machine is stopped.  VMVCTOD says when VMVCPUT was brought up to   *
*  date.  Its clock comparator, VMVCKC, is compared with the real TOD *
*  clock, which every machine shares (SCK is ignored).                *
*                                                                     *
*  A condition is pending while it holds: the CPU timer negative, the *
*  TOD clock past the comparator.  The dispatcher presents it (VTPEND *
*  from DSPREADY) when the virtual PSW enables external interruptions *
*  (bit 7) and CR0 its subclass: bit 20 the clock comparator (code    *
*  X'1004'), bit 21 the CPU timer (X'1005'); the clock comparator     *
*  first, as the machine does.  In EC mode REFLECT stores X'84' with  *
*  the CPU address 0 and the code; in BC mode the code goes into the  *
*  old PSW and X'84' keeps what it had.  A machine waiting for a      *
*  timer wakes CP in time: VTWAKE lowers the clock comparator CP      *
*  waits with to the earliest of its deadlines.  The interval timer  *
*  at X'50' (VTITIMER) is kept the same way.  A machine that runs    *
*  gets its timer's interruption on time: the dispatcher loads the    *
*  real CPU timer no later than its first timer deadline (VTSLICE).  *
*                                                                     *
*  SPT, STPT, SCKC and STCKC are emulated in privsim.asm.  All this  *
*  costs the dispatcher nothing for a machine that does not use it   *
*  (CMS): only a machine with VMFVTIM on is looked at, set by the     *
*  first SPT, STPT, SCKC, STCKC, SIGP to itself, EXTERNAL, SYSTEM     *
*  RESET or CLEAR, or LCTL turning CR0 bit 24 on; its CPU timer then  *
*  starts counting (before, it reads as it was: 0 after LOGON).       *             *
*  A module: its own CSECT, R13 its base (ENTER).                     *
***********************************************************************
DMKVTM   CSECT
         USING DMKVTM,R13          the module's base (ENTER sets it)
*
***********************************************************************
*  VTRUN: the machine ran R2,R3 (CPU-timer units): its CPU timer goes *
*  down as much, and is up to date now.  In: R11 = VMBLOK.  Keeps     *
*  R2-R13.  Uses R0, R1, R15.                                         *
***********************************************************************
VTRUN    ENTER
         USING VMBLOK,R11
         STM   R2,R5,VTRSAVE
         LR    R4,R2
         LR    R5,R3
         LM    R2,R3,VMVCPUT
         BAL   R14,DSUB
         STM   R2,R3,VMVCPUT
         STCK  VMVCTOD
         LM    R2,R5,VTRSAVE
         LEAVE VTRUN
VTRUNR   DS    F
VTRUNB   DS    F
VTRSAVE  DS    4F
*
***********************************************************************
*  VTPEND: bring the CPU timer of a waiting machine up to date, and   *
*  present the first pending timer interruption the virtual PSW and   *
*  CR0 enable.  In: R11 = VMBLOK.  Keeps R7-R13.  Uses R0-R6, R15.    *
***********************************************************************
VTPEND   ENTER
         STCK  VTNOW
         TM    VMPSW+1,PSWWAIT     waiting: its timer ran by the clock
         BZ    VTP10
         LM    R2,R3,VTNOW
         LM    R4,R5,VMVCTOD
         BAL   R14,DSUB            the time it waited
         LR    R4,R2
         LR    R5,R3
         LM    R2,R3,VMVCPUT
         BAL   R14,DSUB
         STM   R2,R3,VMVCPUT
VTP10    MVC   VMVCTOD,VTNOW
         BAL   R14,VTITIMER        the interval timer at X'50'
         TM    VMPSW,X'01'         external interruptions enabled?
         BZ    VTPOUT
*  In the machine's order: emergency signal, external call, clock
*  comparator, CPU timer, interrupt key.  The signals from SIGP store
*  the sending CPU's address (0) at X'84' in BC mode too.
         TM    VMEXTP,VMXEMS       emergency signal, CR0 bit 17
         BZ    VTP04
         TM    VMCRS+2,X'40'
         BZ    VTP04
         NI    VMEXTP,X'FF'-VMXEMS
         LH    R2,=X'1201'
         B     VTP06
VTP04    TM    VMEXTP,VMXEXC       external call, CR0 bit 18
         BZ    VTP08
         TM    VMCRS+2,X'20'
         BZ    VTP08
         NI    VMEXTP,X'FF'-VMXEXC
         LH    R2,=X'1202'
VTP06    STH   R2,VTCODE
         LA    R2,X'84'            CPU address 0
         LA    R3,PWZERO2
         LA    R4,2
         BAL   R14,GCOPYOUT
         BNZ   NOSTORE
         LH    R2,VTCODE
         B     VTP30
VTP08    TM    VMCRS+2,X'08'       CR0 bit 20: the clock comparator
         BZ    VTP20
         CLC   VTNOW,VMVCKC        the TOD clock past it?
         BNH   VTP20
         LH    R2,=X'1004'
         B     VTP30
VTP20    TM    VMCRS+2,X'04'       CR0 bit 21: the CPU timer
         BZ    VTP25
         TM    VMVCPUT,X'80'       negative?
         BZ    VTP25
         LH    R2,=X'1005'
         B     VTP30
VTP25    TM    VMEXTP,VMXITM       interval timer, CR0 bit 24
         BZ    VTP27
         TM    VMCRS+3,X'80'
         BZ    VTP27
         NI    VMEXTP,X'FF'-VMXITM
         LA    R2,X'80'
         B     VTP30
VTP27    TM    VMEXTP,VMXKEY       interrupt key, CR0 bit 25
         BZ    VTPOUT
         TM    VMCRS+3,X'40'
         BZ    VTPOUT
         NI    VMEXTP,X'FF'-VMXKEY
         LA    R2,X'40'
VTP30    SR    R3,R3               (no instruction length)
         LA    R4,X'18'            external old PSW
         BAL   R14,REFLECT
VTPOUT   LEAVE VTPEND
VTPENDR  DS    F
VTPENDB  DS    F
*
***********************************************************************
*  VTITIMER: the interval timer, the word at the machine's X'50':     *
*  while CR0 bit 24 is on it goes down by 1 in bit 31 every 13.02     *
*  microseconds (bit 23 every 1/300 second) of the TOD clock, and     *
*  going from positive or zero to negative it requests an external    *
*  interruption (X'0080'), pending until taken.  As on the machine,  *
*  it runs whatever CR0 says - once it has been started: by a system  *
*  reset (SYSTEM CLEAR or RESET, after which CR0 bit 24 is on), or by *
*  the machine's program turning CR0 bit 24 on (VMFITMR).  A machine  *
*  that never did (CMS) has its X'50' left alone.                     *
*  In: R11 = VMBLOK, VTNOW.  Uses R0-R6, R15.                         *
***********************************************************************
VTITIMER ST    R14,VTITR
         TM    VMCRS+3,X'80'       CR0 bit 24 starts it
         BZ    VTI05
         OI    VMFLAGS,VMFITMR
VTI05    TM    VMFLAGS,VMFITMR     running?
         BZ    VTI80
         CLC   VMITTOD,=D'0'       (the first time: from now on)
         BE    VTI80
         LM    R2,R3,VTNOW         microseconds since VMITTOD
         LM    R4,R5,VMITTOD
         BAL   R14,DSUB
         SRDL  R2,12
         LTR   R2,R2               (more than 35 minutes: as many)
         BNZ   VTI10
         LTR   R3,R3
         BNM   VTI20
VTI10    L     R3,=X'7FFFFFFF'
VTI20    M     R2,=F'768'          units of 13.02 us: us * 768 / 10000
         D     R2,=F'10000'
         LTR   R6,R3
         BZ    VTI90               (not one yet: keep VMITTOD)
         LR    R5,R2               the part of a unit left over, in us,
         SR    R4,R4                 stays for the next time: VMITTOD
         D     R4,=F'768'            = now - that
         SR    R4,R4
         SLL   R5,12
         LM    R2,R3,VTNOW
         BAL   R14,DSUB
         STM   R2,R3,VMITTOD
         LA    R2,X'50'            the word, in the frame of the
         BAL   R14,GTRANS            machine's page 0 (one translation:
         BNZ   VTI90                 this runs at every time slice)
         L     R0,0(R2)
         LR    R1,R0
         SR    R1,R6
         BO    VTI30               (overflow: from negative to positive)
         LTR   R0,R0               from positive or zero ...
         BM    VTI30
         LTR   R1,R1               ... to negative: a request
         BNM   VTI30
         OI    VMEXTP,VMXITM
VTI30    ST    R1,0(R2)
         B     VTI90
VTI80    MVC   VMITTOD,VTNOW
VTI90    L     R14,VTITR
         BR    R14
VTITR    DS    F
VTCODE   DS    H
PWZERO2  DC    H'0'
         DS    0D
VTNOW    DS    D
*
***********************************************************************
*  DSPWAKE: DSPTOD = the first moment CP has something to do that no  *
*  interruption will tell it of: the next turn of a console program   *
*  pacing its output (VCNEXT), a timer deadline of a machine that     *
*  uses its timers (VTWAKE), a disk program's watchdog (IOSDL), but   *
*  no sooner than 1 ms from now (below).  The dispatcher sets the     *
*  clock comparator to it when CP waits (DSPIDLE) and when a machine  *
*  alone gets a long slice.                                           *
*  Keeps R2-R13.  Uses R0, R1, R15.                                   *
***********************************************************************
DSPWAKE  ENTER
         STM   R2,R11,DSPWSAV
         MVC   DSPTOD,CKCNEVER
         L     R11,=A(VMTABLE)
         USING VMBLOK,R11
         LA    R7,NUMVM
DSPW10   CLI   VMSTATE,VMSFREE     (a stopped machine's waits on)
         BE    DSPW20
         CLI   VMSTATE,VMSSTOP
         BE    DSPW20
         TM    VMFLAGS,VMFVTIM     (issue 12: or its timers'
         BZ    DSPW15                deadlines, if it uses them)
         BAL   R14,VTWAKE
DSPW15   TM    VCSTAT,VCTURN
         BZ    DSPW20
         CLC   VCNEXT,DSPTOD
         BNL   DSPW20
         MVC   DSPTOD,VCNEXT
DSPW20   LA    R11,VMBLKLEN(R11)
         BCT   R7,DSPW10
         DROP  R11
         ICM   R0,15,IOSNACT       and a disk program's watchdog
         BZ    DSPW30
         CLC   IOSDL,DSPTOD
         BNL   DSPW30
         MVC   DSPTOD,IOSDL
*  Never earlier than a millisecond from now.  A deadline already
*  passed - a guest in an enabled wait whose external new PSW is that
*  wait again, its clock comparator's interruption taken over and
*  over - would make the clock comparator interrupt CP the moment it
*  waits, every time: an external interruption goes before an I/O
*  one, so no terminal's line would ever come in.
DSPW30   STCK  DSPWNOW
         LM    R2,R3,DSPWNOW
         AL    R3,=X'003E8000'     (1000 microseconds << 12)
         BC    12,DSPW35
         LA    R2,1(R2)            (carry)
DSPW35   STM   R2,R3,DSPWNOW
         CLC   DSPTOD,DSPWNOW
         BNL   DSPW40
         MVC   DSPTOD,DSPWNOW
DSPW40   LM    R2,R11,DSPWSAV
         LEAVE DSPWAKE
DSPWAKER DS    F
DSPWAKEB DS    F
DSPWSAV  DS    10F
         DS    0D
DSPWNOW  DS    D
*
***********************************************************************
*  VTSLICE: the dispatcher is about to load the real CPU timer with   *
*  R2,R3 (the machine's slice): make it no later than the first       *
*  deadline of the machine's own timers, so their interruption comes  *
*  when a real machine's would and not at the slice's end: its CPU    *
*  timer (it runs only while the machine runs: its value is the time  *
*  to go), its clock comparator (the TOD clock's distance to it), its *
*  interval timer (X'50', a unit is 13.02 us, until it goes negative).*
*  A deadline already passed bounds nothing (its interruption is      *
*  pending), nor does a timer whose subclass mask in CR0 is off (the  *
*  dispatcher calls only while the PSW's external mask is on: any     *
*  change of either comes through CP).  In: R11 = VMBLOK, R2,R3       *
*  (CPU-timer units: bit 51 is a microsecond).  Out: R2,R3.  Keeps    *
*  R4-R13.                                                            *
***********************************************************************
VTSLICE  ENTER
         USING VMBLOK,R11
         STM   R4,R7,VTSSAVE
         TM    VMCRS+2,X'04'       the CPU timer: its value
         BZ    VTS10
         LM    R4,R5,VMVCPUT
         BAL   R14,VTSMIN
VTS10    TM    VMCRS+2,X'08'
         BZ    VTS20
         STCK  VTSTOD              the clock comparator: later than
         CLC   VMVCKC,VTSTOD         the TOD clock?
         BNH   VTS20
         LR    R6,R2               (the bound so far)
         LR    R7,R3
         LM    R2,R3,VMVCKC        VMVCKC - TOD
         LM    R4,R5,VTSTOD
         BAL   R14,DSUB
         LR    R4,R2
         LR    R5,R3
         LR    R2,R6
         LR    R3,R7
         BAL   R14,VTSMIN
VTS20    TM    VMCRS+3,X'80'       the interval timer, if it runs
         BZ    VTS90
         TM    VMFLAGS,VMFITMR
         BZ    VTS90
         LR    R6,R2
         LA    R2,X'50'            (in the frame of the machine's
         BAL   R14,GTRANS            page 0)
         LR    R7,R2
         LR    R2,R6
         BNZ   VTS90
         L     R5,0(R7)            units to go before it is negative:
         LTR   R5,R5                 X'50' + 1 (none if it is already;
         BM    VTS90                 and a value of 2**16 or more is
         C     R5,=F'65536'          853 ms away: beyond any slice)
         BNL   VTS90
         LA    R5,1(R5)
         M     R4,=F'10000'        microseconds, rounded up:
         AL    R5,=F'767'            units * 10000 / 768
         D     R4,=F'768'
         SR    R4,R4
         SLDL  R4,12               CPU-timer units
         BAL   R14,VTSMIN
VTS90    LM    R4,R7,VTSSAVE
         LEAVE VTSLICE
*
*  VTSMIN: R2,R3 = R4,R5 if R4,R5 is not negative and is less (and
*  SLICEBND = 1).  (The slice in R2,R3 is positive.)
VTSMIN   LTR   R4,R4
         BMR   R14
         CR    R4,R2               high words
         BL    VTSM10
         BHR   R14
         CLR   R5,R3               low words, as logical numbers
         BNLR  R14
VTSM10   LR    R2,R4
         LR    R3,R5
         MVI   SLICEBND,1          (SAVECTX: the slice goes on)
         BR    R14
VTSLICER DS    F
VTSLICEB DS    F
VTSSAVE  DS    4F
         DS    0D
VTSTOD   DS    D
*
***********************************************************************
*  VTWAKE: CP is about to wait with its clock comparator at DSPTOD:   *
*  lower it to this machine's earliest timer deadline, if it has one  *
*  enabled - the comparator itself, or (waiting) when its CPU timer   *
*  goes negative.  In: R11 = VMBLOK.  Keeps R6-R13.  Uses R0-R5, R15. *
***********************************************************************
VTWAKE   ENTER
         TM    VMPSW,X'01'         external interruptions enabled?
         BZ    VTWOUT
         TM    VMCRS+2,X'08'       the clock comparator
         BZ    VTW10
         CLC   VMVCKC,DSPTOD
         BNL   VTW10
         MVC   DSPTOD,VMVCKC
VTW10    TM    VMPSW+1,PSWWAIT     (waiting: its timers run by the
         BZ    VTWOUT                clock)
         TM    VMCRS+3,X'80'       the interval timer: a look every
         BZ    VTW20                 1/300 second (its bit 23)
         LM    R2,R3,VMITTOD
         SR    R4,R4
         L     R5,=A(3333*4096)
         BAL   R14,DADD
         STM   R2,R3,VTDEAD
         CLC   VTDEAD,DSPTOD
         BNL   VTW20
         MVC   DSPTOD,VTDEAD
VTW20    TM    VMCRS+2,X'04'       the CPU timer
         BZ    VTWOUT
         LM    R2,R3,VMVCTOD       when it goes negative
         LM    R4,R5,VMVCPUT
         BAL   R14,DADD
         STM   R2,R3,VTDEAD
         CLC   VTDEAD,DSPTOD
         BNL   VTWOUT
         MVC   DSPTOD,VTDEAD
VTWOUT   LEAVE VTWAKE
VTWAKER  DS    F
VTWAKEB  DS    F
         DS    0D
VTDEAD   DS    D
         DROP  R11
         LTORG                     the module's literals
