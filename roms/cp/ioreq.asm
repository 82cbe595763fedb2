***********************************************************************
*  IOREQ: the guests' disk requests (DMKIOS's queueing, DMKVIO's      *
*  interruption side).                                                *
*                                                                     *
*  A guest's SIO on a minidisk does not stop the machine.  It becomes *
*  a request (an IOBLOK) in the queue of its real disk (RDISK: RDKQ)  *
*  and the guest gets CC 0 and runs on.  Each real disk runs one      *
*  program at a time (RDKACT); the requests wait their turn in the    *
*  order they came.  When a request's turn comes, CP translates its   *
*  channel program (CCWTRANS) into the real disk's own translation    *
*  area and starts it: so CP's SEEK in front is decided by what       *
*  really ran last on the disk (the arm rules of CCW hold however     *
*  users interleave), and the copy, its IDAWs and its arguments stay  *
*  as they are until the program ends, with the frames they name.     *
*  The end is an I/O interruption; IOSNOTE (IOS) keeps its CSW in the *
*  RDISK and IOSWORK, called by the dispatcher, serves it: the CSW    *
*  made the guest's (UNTRANS), its interruption pending for when its  *
*  PSW is open (REFLDISK), the next request started.                  *
*                                                                     *
*  The guest meanwhile sees what a real channel shows: SIO, TIO and   *
*  CLRIO give CC 2 while its disk works; HIO, HDV (and CLRIO then)    *
*  halt the program, or take the request out of the queue, and the    *
*  interruption that follows names where it stopped (IOSHALT).        *
*                                                                     *
*  The watchdog: a program still running 100 ms after its start       *
*  (RDKDL) loops; IOSWORK halts it and the guest gets a program       *
*  check, as before.  The dispatcher sets the clock comparator for    *
*  the earliest deadline (IOSDL).  CP's time for a request (the       *
*  translation, the end) is charged to its machine (CHARGE).          *
*                                                                     *
*  A machine that goes (LOGOFF) or is reset (IPL) first has its       *
*  requests cancelled: those waiting leave the queue, the one running *
*  is halted and its end taken at once (IOSCANCL) - so no real        *
*  program still reads into a frame when the frame is given back.     *
*                                                                     *
*  A module: its own CSECT, R13 its base (ENTER).  VDASD calls        *
*  IOSQUE and IOSHALT, DISPATCH IOSWORK, LOGOFF and IPL IOSCANCL.     *
***********************************************************************
DMKIOQ   CSECT
         USING DMKIOQ,R13          the module's base (ENTER sets it)
         USING RDISK,R7
         USING IOBLOK,R5
*
***********************************************************************
*  IOSQUE: a guest's SIO on the minidisk in slot VMVDCUR (VDCCWA and  *
*  VDKEY set; the slot up to date: VDWORK copied back): a request at  *
*  the end of its real disk's queue; started at once if the disk is   *
*  free and nobody waits.                                             *
*  In: R11 = VMBLOK.  Out: R15 = 0: queued or started (CC 0 for the   *
*  guest); 5: the channel refused it at its first CCW (its CSW is in  *
*  the slot's VDCSW: CC 1 and the CSW); 3: the real disk is not there *
*  (CC 3).  Uses R0-R8, R11, R15 (VDWORK too).                        *
***********************************************************************
IOSQUE   ENTER
         USING VMBLOK,R11
         L     R6,VMVDCUR          the slot
         L     R7,VDRDISK-VDWORK(R6)  its real disk
         ICM   R5,15,IOBFREE       an IOBLOK: there is one for every
         BZ    IQ80                  slot, and this slot had none
         MVC   IOBFREE,IOBNEXT
         XC    IOBNEXT,IOBNEXT
         ST    R11,IOBVM
         ST    R6,IOBVDEV
         OI    VDSTAT-VDWORK(R6),VDBUSY
         LA    R1,RDKQ             at the end of the queue (RDKQ is
IQ10     ICM   R0,15,0(R1)           the first link; IOBNEXT is at 0)
         BZ    IQ20
         LR    R1,R0
         B     IQ10
IQ20     ST    R5,0(R1)
         SR    R15,R15
         ICM   R0,15,RDKACT        the disk busy: it waits its turn
         BNZ   IQ90
         C     R5,RDKQ             (others before it: their turn,
         BE    IQ30                  IOSWORK starts the first)
         MVI   IOSPEND,1
         B     IQ90
IQ30     DS    0H
         BAL   R14,IOSTART         free: now
         LTR   R15,R15
         BZ    IQ90
         NI    VDSTAT-VDWORK(R6),X'FF'-VDINTP  ended at once: at the
IQ90     LEAVE IOSQUE                 SIO, not an interruption
IQ80     LA    R15,2               (no IOBLOK: cannot be; CC 2)
         LEAVE IOSQUE
IOSQUER  DS    F
IOSQUEB  DS    F
*
***********************************************************************
*  IOSTART: start the first request waiting on real disk R7: off the  *
*  queue, its channel program translated (in VDWORK of its machine),  *
*  SIO.  If the channel refuses it or the disk is not there, it ends  *
*  at once: its CSW in the slot, its interruption pending.            *
*  In: R7 = RDISK (RDKACT 0, RDKQ not 0).  Out: R15 = 0 started, 5    *
*  refused at its first CCW, 3 not there.  R11 = its VMBLOK, R6 its   *
*  slot.  Uses R0-R6, R8, R11, R15.                                   *
***********************************************************************
IOSTART  ENTER
         L     R5,RDKQ             off the queue
         MVC   RDKQ,IOBNEXT
         XC    IOBNEXT,IOBNEXT
         L     R11,IOBVM
         ST    R11,CPFOR           CP works for its machine now
         L     R6,IOBVDEV
         ST    R6,VMVDCUR
         MVC   VDWORK,0(R6)
         STM   R5,R7,ISSAVE
         CALL  CCWTRANS            (errors in it are fences in RCW)
         LM    R5,R7,ISSAVE
         L     R1,=A(CTIDAN)       its IDAWs: the frames it locked
         MVC   RDKIDN,0(R1)          (pagekey.asm's PGUNLKD)
         L     R1,RDKRCW           the CAW: key 0, the translated copy
         ST    R1,CAW
         MVI   ISTRY,3
         LH    R2,RDKADDR
IS10     SIO   0(R2)
         BC    8,IS20              CC 0: started
         BC    4,IS12              CC 1: status stored
         BC    1,IS30              CC 3: not there
         TIO   0(R2)               CC 2: old status?  Take it, again
         SR    R0,R0               (IC leaves bits 0-23 as they were)
         IC    R0,ISTRY
         BCTR  R0,0
         STC   R0,ISTRY
         LTR   R0,R0
         BP    IS10
         B     IS30
IS12     MVC   RDKCSW,CSW
         SR    R0,R0
         IC    R0,ISTRY
         BCTR  R0,0
         STC   R0,ISTRY
         LTR   R0,R0
         BP    IS10
         LA    R15,5               refused at its first CCW: its CSW
         B     IS40
IS30     MVC   RDKCSW,=X'0000000000040000'  gone: channel control
         LA    R15,3                 check, if it ever comes to that
         B     IS40
IS20     ST    R5,RDKACT           running: the watchdog's deadline
         NI    RDKFLG,X'FF'-RDKDONE
         L     R1,IOSNACT
         LA    R1,1(R1)
         ST    R1,IOSNACT
         STCK  RDKDL
         LM    R2,R3,RDKDL
         LM    R4,R5,SYNCMAX       (100 ms)
         BAL   R14,DADD
         STM   R2,R3,RDKDL
         L     R5,ISSAVE
         CLC   RDKDL,IOSDL         the earliest?
         BNL   IS25
         MVC   IOSDL,RDKDL
IS25     BAL   R14,VDBACK          (CCWTRANS moved the virtual arm)
         SR    R15,R15
         LEAVE IOSTART
*  It ended at once: served as if it had run (the arm, the CSW).
IS40     ST    R15,ISRC
         BAL   R14,VDBACK          (CCWTRANS moved the virtual arm)
         ST    R5,RDKACT
         L     R1,IOSNACT          (IOSFIN counts it off)
         LA    R1,1(R1)
         ST    R1,IOSNACT
         BAL   R14,IOSFIN
         L     R15,ISRC
         LEAVE IOSTART
IOSTARTR DS    F
IOSTARTB DS    F
ISSAVE   DS    3F
ISRC     DS    F
ISTRY    DS    X
*
***********************************************************************
*  IOSFIN: the program of the request running on real disk R7 is      *
*  over, its CSW in RDKCSW: the arm checked (CTARM), the CSW made the *
*  guest's (UNTRANS) and its interruption pending; the IOBLOK free,   *
*  the disk free for the next.                                        *
*  In: R7 = RDISK.  Out: R11 = its VMBLOK, R6 its slot.               *
*  Uses R0-R6, R11, R15.                                              *
***********************************************************************
IOSFIN   ENTER
         L     R5,RDKACT
         L     R11,IOBVM
         ST    R11,CPFOR           CP works for its machine now
         L     R6,IOBVDEV
         ST    R6,VMVDCUR
         MVC   VDWORK,0(R6)
         CALL  CTARM               (did CP's SEEK in front run?)
         CALL  UNTRANS
         OI    VDSTAT,VDINTP
         NI    VDSTAT,X'FF'-VDBUSY
         BAL   R14,VDBACK
         OC    VMIPLDEV,VMIPLDEV   the rest of its IPL (vipl.asm)?
         BZ    IOSF10
         CALL  IPLEND
IOSF10   BAL   R14,IOBREL          the disk is free
         LEAVE IOSFIN
IOSFINR  DS    F
IOSFINB  DS    F
*
*  IOBREL: RDKACT's IOBLOK back on the free chain; nothing runs on
*  disk R7, so the frames its program pointed into are unlocked
*  (pagekey.asm).  Uses R1, R5.
IOBREL   ST    R14,IOBRELR
         CALL  PGUNLKD
         L     R14,IOBRELR
         L     R5,RDKACT
         MVC   IOBNEXT,IOBFREE
         ST    R5,IOBFREE
         XC    RDKACT,RDKACT
         NI    RDKFLG,X'FF'-RDKDONE
         L     R1,IOSNACT
         BCTR  R1,0
         ST    R1,IOSNACT
         BR    R14
IOBRELR  DS    F
*
***********************************************************************
*  IOSWORK: serve the real disks (the dispatcher calls it when        *
*  IOSPEND is set or a program is running): a program over (RDKDONE)  *
*  is served (IOSFIN); one running past its deadline is halted and    *
*  ends in a program check (the watchdog); a free disk starts its     *
*  next request.  Then IOSDL is the earliest deadline left.  Each     *
*  request's CP time is charged to its machine.                       *
*  Uses R0-R8, R11, R15.                                              *
***********************************************************************
IOSWORK  ENTER
         MVI   IOSPEND,0
         STCK  IWNOW
         MVC   IOSDL,CKCNEVER
         L     R7,=A(RDISKTAB)
         LA    R8,NUMDASD
IW10     ICM   R0,15,RDKACT        a program running?
         BZ    IW42
         TM    RDKFLG,RDKDONE      over?
         BO    IW30
         CLC   IWNOW,RDKDL         past its deadline?
         BL    IW35
*  100 ms and still running: it loops.  Halted; a program check.
         LH    R2,RDKADDR
         BAL   R14,HALTDEV
         MVC   RDKCSW,=X'000000000C200000'
         OI    RDKFLG,RDKDONE
IW30     ST    R8,IWR8
         BAL   R14,IOSFIN
         BAL   R14,CHARGE
         L     R8,IWR8
IW40     ICM   R0,15,RDKACT        the disk free
         BNZ   IW35
IW42     ICM   R0,15,RDKQ          and someone waiting?
         BZ    IW50
         ST    R8,IWR8
         BAL   R14,IOSTART
         BAL   R14,CHARGE
         L     R8,IWR8
         B     IW40                (it may have ended at once)
IW35     TM    RDKFLG,RDKDONE      running: its deadline counts
         BO    IW50
         CLC   RDKDL,IOSDL
         BNL   IW50
         MVC   IOSDL,RDKDL
IW50     LA    R7,RDISKLEN(R7)
         BCT   R8,IW10
         LEAVE IOSWORK
IOSWORKR DS    F
IOSWORKB DS    F
IWR8     DS    F
         DS    0D
IWNOW    DS    D
*
***********************************************************************
*  IOSHALT: HIO, HDV, or CLRIO while busy, on the minidisk in slot    *
*  VMVDCUR (the slot up to date).  As a real channel: a program       *
*  running is halted, and its interruption (channel end, device end,  *
*  the residual count, the CCW it stopped at) follows: CC 1, status   *
*  portion zero; a request still waiting leaves the queue and ends    *
*  as halted at its first CCW: the same; a program already over or an *
*  interruption pending: CC 0, nothing done; an idle disk: CC 1,      *
*  status portion zero (the device was signalled).                    *
*  In: R11 = VMBLOK.  Out: R0 = the condition code (1: VDASD stores   *
*  the zero status portion).  Uses R0-R8, R15 (VDWORK too).           *
***********************************************************************
IOSHALT  ENTER
         L     R6,VMVDCUR
         L     R7,VDRDISK-VDWORK(R6)
         LA    R0,1                idle: CC 1
         TM    VDSTAT-VDWORK(R6),VDINTP  an interruption pending:
         BZ    IH05                        CC 0
         SR    R0,R0
IH05     TM    VDSTAT-VDWORK(R6),VDBUSY
         BZ    IH90
         ICM   R5,15,RDKACT        running?
         BZ    IH20
         C     R6,IOBVDEV
         BNE   IH20
         TM    RDKFLG,RDKDONE      already over: it is served now,
         BO    IH15                  its interruption pending: CC 0
         LH    R2,RDKADDR          halted: its status as it stopped
         BAL   R14,HALTDEV
         MVC   RDKCSW,CSW
         BC    4,IH12              (CC 1: the CSW was stored)
         MVC   RDKCSW,=X'000000000C000000'
IH12     OI    RDKFLG,RDKDONE
         BAL   R14,IOSFIN
         MVI   IOSPEND,1           the next request on that disk
         LA    R0,1
         B     IH90
IH15     BAL   R14,IOSFIN
         MVI   IOSPEND,1
         SR    R0,R0
         B     IH90
*  Waiting in the queue: out of it, halted before it began.
IH20     LA    R1,RDKQ
IH22     ICM   R5,15,0(R1)
         BZ    IH90                (not there: cannot be)
         C     R6,IOBVDEV
         BE    IH25
         LR    R1,R5
         B     IH22
IH25     MVC   0(4,R1),IOBNEXT     unlinked, and free
         MVC   IOBNEXT,IOBFREE
         ST    R5,IOBFREE
         L     R1,VDCCWA-VDWORK(R6)  CE DE at its first CCW
         LA    R1,8(R1)
         ST    R1,VDCSW-VDWORK(R6)
         MVC   VDCSW-VDWORK(1,R6),VDKEY-VDWORK(R6)
         MVC   VDCSW+4-VDWORK(4,R6),=X'0C000000'
         NI    VDSTAT-VDWORK(R6),X'FF'-VDBUSY
         OI    VDSTAT-VDWORK(R6),VDINTP
         LA    R0,1
IH90     LEAVE IOSHALT
IOSHALTR DS    F
IOSHALTB DS    F
*
***********************************************************************
*  IOSCANCL: the machine R11 goes (LOGOFF) or is reset (IPL): none of *
*  its requests may go on.  Those waiting leave their queues; a       *
*  program of its still running is halted (HALT DEVICE: the device    *
*  stops at once), its status taken, and nobody owns that disk's arm  *
*  any more.  Every minidisk of it is then idle, nothing pending.     *
*  So when its frames are given back no real program reads into them. *
*  In: R11 = VMBLOK.  Saves every register but R15.                   *
***********************************************************************
IOSCANCL ENTER
         STM   R0,R12,ICSAVE
         XC    VMIPLDEV,VMIPLDEV   an IPL's chain ends unfinished
         LR    R6,R11              the machine's requests:
         LA    R4,IOBVM-IOBLOK       those whose IOBVM is R11
         BAL   R14,ICDISKS
         LA    R6,VMVDEVS          its minidisks: idle
         LA    R8,VMNVDEV
IC40     NI    VDSTAT-VDWORK(R6),X'FF'-VDBUSY-VDINTP
         LA    R6,VDEVLEN(R6)
         BCT   R8,IC40
         LM    R0,R12,ICSAVE
         LEAVE IOSCANCL
IOSCANCLR DS   F
IOSCANCLB DS   F
ICSAVE   DS    13F
*
***********************************************************************
*  IOSCANDV: the minidisk in VDEV slot R2 goes (DETACH): none of its  *
*  requests may go on, and none may end later into a slot that is     *
*  gone (or given to the next LINK).  As IOSCANCL, for one slot: a    *
*  waiting request leaves its queue, a running program is halted and  *
*  its status taken; the slot is then idle, nothing pending.  The     *
*  machine's other disks go on as they were.                          *
*  In: R2 -> the VDEV slot.  Saves every register but R15.            *
***********************************************************************
IOSCANDV ENTER
         STM   R0,R12,ICSAVE
         LR    R6,R2               the slot's requests:
         LA    R4,IOBVDEV-IOBLOK     those whose IOBVDEV is R2
         BAL   R14,ICDISKS
         NI    VDSTAT-VDWORK(R6),X'FF'-VDBUSY-VDINTP
         LM    R0,R12,ICSAVE
         LEAVE IOSCANDV
IOSCANDVR DS   F
IOSCANDVB DS   F
*
*  ICDISKS: on every real disk, the requests whose word at offset R4
*  in the IOBLOK is R6: a waiting one leaves its queue and is free; a
*  running one's program is halted (HALT DEVICE), its status taken,
*  and nobody owns that disk's arm any more.  Uses R0-R8, R14-R15.
ICDISKS  ST    R14,ICDISKR
         L     R7,=A(RDISKTAB)
         LA    R8,NUMDASD
IC10     LA    R1,RDKQ             the waiting requests
IC12     ICM   R5,15,0(R1)
         BZ    IC20
         C     R6,0(R4,R5)
         BE    IC14
         LR    R1,R5
         B     IC12
IC14     MVC   0(4,R1),IOBNEXT     unlinked, and free
         MVC   IOBNEXT,IOBFREE
         ST    R5,IOBFREE
         B     IC12
IC20     ICM   R5,15,RDKACT        the program running?
         BZ    IC30
         C     R6,0(R4,R5)
         BNE   IC30
         TM    RDKFLG,RDKDONE
         BO    IC25
         LH    R2,RDKADDR
         BAL   R14,HALTDEV
IC25     BAL   R14,IOBREL
         XC    RDKLAST,RDKLAST     the arm: nobody knows where
         MVI   IOSPEND,1           the next request on that disk
IC30     LA    R7,RDISKLEN(R7)
         BCT   R8,IC10
         L     R14,ICDISKR
         BR    R14
ICDISKR  DS    F
         DROP  R5
         DROP  R7
         DROP  R11
         LTORG                     the module's literals
