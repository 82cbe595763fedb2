***********************************************************************
*  TERMINAL: the real terminals (DMKQCN, DMKCNS, DMKIOS in miniature).*
*                                                                     *
*  Every terminal is a 3215 typewriter console with an RDEV.  Lines   *
*  to type go into the RDEV's queue (TENQ) and TSTART keeps the       *
*  device busy: one SIO per line.  Input is driven by the person:     *
*  when someone types a line and presses Enter, the terminal holds    *
*  the line and raises ATTENTION; CP then reads it, and TINPUT        *
*  decides whose it is:                                               *
*    - nobody logged on at this terminal: a CP command (LOGON)        *
*    - a line starting with #CP: a CP command for the logged-on user  *
*      (#CP alone stops the machine: CP READ, until BEGIN)            *
*    - any line while the machine is stopped (CP READ): a CP command  *
*    - otherwise: the virtual machine's.  It completes the guest's    *
*      console read if one is waiting (VM READ), or waits as the      *
*      "type-ahead" line until the guest reads.                       *
*  A terminal is never left reading while CP wants to type on it, so  *
*  output never has to interrupt input.  No line is ever dropped:     *
*  a guest writing to its console waits while its terminal's queue is *
*  nearly full (VCWRW), and CP, when it has more to say than the      *
*  queue holds, waits for the terminal to type a line (TDRAIN).       *
***********************************************************************
*
***********************************************************************
*  TENQ: queue a line for a terminal.                                 *
*  In: R8 = RDEV, R0 = CCW command (X'09' or X'01'), R2 -> text,      *
*      R3 = length (0-132).                                           *
*  Out: CC 0 queued; CC not 0 if the terminal is not operational     *
*  (the line is dropped: nobody can read it).  A full queue first     *
*  drains a line (TDRAIN).  Uses R0, R1, R15.                         *
***********************************************************************
TENQ     DS    0H
         USING RDEV,R8
         C     R8,=A(DSCRDEV)      a disconnected machine's: dropped
         BE    TENQFULL
TENQ05   LH    R15,RDEVQCNT
         CH    R15,=AL2(RDEVQN)
         BL    TENQ10
         TM    RDEVFLAG,RDDEAD
         BO    TENQFULL
         ST    R14,TENQR
         BAL   R14,TDRAIN
         L     R14,TENQR
         B     TENQ05
TENQ10   LA    R15,1(R15)
         STH   R15,RDEVQCNT
         LH    R15,RDEVQIN         the slot to fill
         MH    R15,=AL2(QSLOTLEN)
         LA    R15,RDEVQ(R15)
         STC   R0,QSCMD(R15)
         STC   R3,QSLEN(R15)
         LTR   R1,R3
         BZ    TENQ20
         BCTR  R1,0
         EX    R1,TENQMVC
TENQ20   LH    R15,RDEVQIN         next slot, round the ring
         LA    R15,1(R15)
         N     R15,=A(RDEVQN-1)
         STH   R15,RDEVQIN
         SR    R15,R15
         BR    R14
TENQFULL LTR   R15,R15
         BR    R14
TENQMVC  MVC   QSTEXT(0,R15),0(R2)
TENQR    DS    F
*
***********************************************************************
*  TDRAIN: the terminal's queue is full and CP has more to type: wait *
*  until the terminal has typed the line it is on, take that off the  *
*  queue and start the next.  CP polls this one terminal with TIO, so *
*  the other terminals' interruptions wait, pending, for IOHNDL.  The *
*  time is CP's, charged (by DISPATCH) to the machine CP works for:   *
*  a user who makes CP type a lot waits for it, and pays for it.      *
*  A read that ends meanwhile is kept (RDINPUT) and routed by         *
*  TPENDING at the next dispatch.  In: R8 = RDEV.  Saves R0-R7.       *
***********************************************************************
TDRAIN   STM   R0,R7,TDRSAVE
         ST    R14,TDRAINR
         TM    RDEVFLAG,RDBUSY     nothing running: start a line
         BO    TDR20
         BAL   R14,TSTART
         TM    RDEVFLAG,RDBUSY
         BZ    TDRDEAD             (it would not start)
TDR20    LH    R1,RDEVADDR
         TIO   0(R1)
         BC    2,TDR20             CC 2: still busy
         BC    1,TDRDEAD           CC 3: gone
         BC    8,TDR40             CC 0: over, its status taken
         TM    CSW+4,X'80'         CC 1, its status: attention?
         BZ    TDR30
         OI    RDEVFLAG,RDATTN
TDR30    TM    CSW+4,X'04'         device end?
         BZ    TDR20
TDR40    TM    RDEVFLAG,RDREAD
         BO    TDR60
         BAL   R14,TDEQ            a line was typed: off the queue
         B     TDR90
TDR60    NI    RDEVFLAG,X'FF'-RDBUSY-RDREAD  a line was read: keep it
         LA    R3,132
         SH    R3,CSW+6
         BNM   TDR65
         SR    R3,R3
TDR65    STH   R3,RDEVRLEN
         OI    RDEVFLAG,RDINPUT
         MVI   TDRPEND,1
         B     TDR90
TDRDEAD  OI    RDEVFLAG,RDDEAD     it cannot type: nothing will drain
TDR90    BAL   R14,TSTART          the next line
         LM    R0,R7,TDRSAVE
         L     R14,TDRAINR
         BR    R14
TDRAINR  DS    F
TDRSAVE  DS    8F
*
*  TDEQ: the line the terminal has typed leaves the queue, and the
*  terminal is free.  In: R8 = RDEV.  Uses R1.
TDEQ     NI    RDEVFLAG,X'FF'-RDBUSY
         CLI   RDEVCCW,X'1B'       the print inhibit is out: the
         BNE   TDEQ10                password may be read (TSTART)
         MVI   RDEVMSK,0
TDEQ10   LH    R1,RDEVQOUT
         LA    R1,1(R1)
         N     R1,=A(RDEVQN-1)
         STH   R1,RDEVQOUT
         LH    R1,RDEVQCNT
         BCTR  R1,0
         STH   R1,RDEVQCNT
         BR    R14
TDRPEND  DC    X'00'               1: some RDEV has RDINPUT
*
***********************************************************************
*  TPENDING: route the lines TDRAIN read (RDINPUT) as if they had     *
*  just arrived.  Called by DISPATCH.  Uses R0-R8, R11, R15.          *
***********************************************************************
TPENDING ENTER
         MVI   TDRPEND,0
         L     R8,=A(RDEVTAB)
         LA    R7,NUMTERM+1
TPEN10   TM    RDEVFLAG,RDINPUT
         BZ    TPEN20
         NI    RDEVFLAG,X'FF'-RDINPUT
         ST    R7,TPENR7
         LH    R3,RDEVRLEN
         BAL   R14,TINPUT
         BAL   R14,TSTART
         L     R7,TPENR7
TPEN20   LA    R8,RDEVLEN(R8)
         BCT   R7,TPEN10
         LEAVE TPENDING
TPENDINGR DS   F
TPENR7   DS    F
         DROP  R8
*
***********************************************************************
*  TLINE: type a line on a terminal.                                  *
*  In: R8 = RDEV, R2 -> text, R3 = length.  Uses R0-R3, R15.          *
***********************************************************************
TLINE    ENTER
         LA    R0,X'09'            write, then a new line
         C     R3,=F'132'
         BNH   TLINE10
         LA    R3,132
TLINE10  BAL   R14,TENQ
         BAL   R14,TSTART
         LEAVE TLINE
TLINER   DS    F
*
***********************************************************************
*  VMLINE: type a line on a virtual machine's terminal.               *
*  In: R11 = VMBLOK, R2 -> text, R3 = length.  Uses R0-R3, R15.       *
***********************************************************************
VMLINE   ENTER
         ST    R8,VMLINER8
         L     R8,VMRDEV-VMBLOK(R11)
         BAL   R14,TLINE
         L     R8,VMLINER8
         LEAVE VMLINE
VMLINER  DS    F
VMLINER8 DS    F
*
***********************************************************************
*  CPLINE: a line of a CP command's response.  It goes to the         *
*  terminal, or - while DIAGNOSE X'08' runs a command with a response *
*  buffer - into the guest's buffer, lines separated by X'15'.  What  *
*  does not fit is counted, so the guest learns how much it missed.   *
*  In: R8 = RDEV, R11 = VMBLOK or 0, R2 -> text, R3 = length.         *
*  Uses R0-R5, R15.                                                   *
***********************************************************************
CPLINE   LTR   R11,R11
         BZ    TLINE
         USING VMBLOK,R11
         TM    VMFLAGS,VMFBUF
         BZ    TLINE
         ST    R14,CPLINER
         LR    R4,R3               length
         LR    R3,R2               text
         L     R0,VMRSPUSE
         LR    R1,R0               the new total, with the X'15'
         AR    R1,R4
         LA    R1,1(R1)
         ST    R1,CPLNEW
         C     R1,VMRSPLEN         does it fit?
         BH    CPLINE50
         L     R2,VMRSPADR
         AR    R2,R0
         BAL   R14,GCOPYOUT
         BNZ   CPLINE40
         LA    R3,=X'15'
         LA    R4,1
         BAL   R14,GCOPYOUT
         BZ    CPLINE50
*  Not stored (no frame for the page): from here on nothing counts as
*  fitting, so the guest is told how much it did not get.
CPLINE40 MVC   VMRSPLEN,VMRSPUSE
CPLINE50 MVC   VMRSPUSE,CPLNEW
         L     R14,CPLINER
         BR    R14
         DROP  R11
CPLINER  DS    F
CPLNEW   DS    F
*
***********************************************************************
*  TSTART: start the terminal's next operation, if it is idle.        *
*  A waiting typed line (attention) is read first - unless the user's *
*  type-ahead line is still unread, or a line TDRAIN read is not yet  *
*  routed, in which case the terminal keeps it; otherwise the oldest  *
*  queued line is written.                                            *
*  In: R8 = RDEV.  Uses R0-R1, R15.                                   *
***********************************************************************
TSTART   ENTER
         USING RDEV,R8
         MVI   TSTTRY,3            retries after CC 1
TST10    TM    RDEVFLAG,RDBUSY+RDDEAD
         BNZ   TSTEXIT
         TM    RDEVFLAG,RDINPUT    a line read, not yet routed (TDRAIN)
         BO    TST20                 holds RDEVBUF: no read, but CP's
*                                    lines go on (else a user typing
*                                    while CP types a long answer
*                                    would stop the terminal for good)
         CLI   RDEVMSK,0           a print inhibit queued (TMASK)?  It,
         BNE   TST20                 and the prompt before it, go out
*                                    before the password is read
         TM    RDEVFLAG,RDATTN     a line waiting in the terminal?
         BZ    TST20
         L     R15,RDEVUSER
         LTR   R15,R15
         BZ    TSTREAD
         LH    R0,VMTALEN-VMBLOK(R15)  type-ahead still full?
         LTR   R0,R0
         BNM   TST20
TSTREAD  NI    RDEVFLAG,X'FF'-RDATTN-RDNOECH
         LA    R0,RDEVBUF          read, up to 132 characters
         ST    R0,RDEVCCW
         MVI   RDEVCCW,X'0A'
         ICM   R15,15,RDEVUSER     a user's line is read unprinted
         BZ    TSTRD10               (X'1A'): CP types it where it is
         TM    VMLKFLG-VMBLOK(R15),VMLKPEND  used (TECHO), so a line
         BO    TSTRD10               typed ahead shows where it is
         MVI   RDEVCCW,X'1A'         read - but not LINK's password:
         OI    RDEVFLAG,RDNOECH      the 3215 prints its mask (X'1B')
TSTRD10  DS    0H
         MVC   RDEVCCW+4(4),=X'20000084'   SLI, count 132
         OI    RDEVFLAG,RDBUSY+RDREAD
         B     TSTSIO
TST20    LH    R0,RDEVQCNT         anything to write?
         LTR   R0,R0
         BZ    TSTEXIT
         LH    R1,RDEVQOUT         the oldest slot
         MH    R1,=AL2(QSLOTLEN)
         LA    R1,RDEVQ(R1)
         LA    R0,QSTEXT(R1)
         ST    R0,RDEVCCW
         MVC   RDEVCCW(1),QSCMD(R1)
         MVC   RDEVCCW+4(2),=X'2000'       SLI
         SR    R0,R0
         IC    R0,QSLEN(R1)
         LTR   R0,R0               an empty line: type one blank
         BNZ   TST30
         MVI   QSTEXT(R1),C' '
         LA    R0,1
TST30    STH   R0,RDEVCCW+6
         OI    RDEVFLAG,RDBUSY
TSTSIO   LA    R0,RDEVCCW
         ST    R0,CAW
         LH    R1,RDEVADDR
         SIO   0(R1)
         BC    8,TSTEXIT           CC 0: started
         BC    2,TSTBUSY           CC 2: busy
         BC    4,TSTCSW            CC 1: status was pending
         OI    RDEVFLAG,RDDEAD     CC 3: not operational
TSTBUSY  NI    RDEVFLAG,X'FF'-RDBUSY-RDREAD
         B     TSTEXIT             (its interruption will restart it)
TSTCSW   NI    RDEVFLAG,X'FF'-RDBUSY-RDREAD
         TM    CSW+4,X'80'         the pending status: attention?
         BZ    TSTCSW2
         OI    RDEVFLAG,RDATTN
TSTCSW2  CLI   RDEVCCW,X'0A'       a failed read: the line still waits
         BE    TSTCSW25
         CLI   RDEVCCW,X'1A'
         BNE   TSTCSW3
TSTCSW25 OI    RDEVFLAG,RDATTN
TSTCSW3  SR    R0,R0               try again, a few times
         IC    R0,TSTTRY             (IC leaves bits 0-23 alone)
         BCTR  R0,0
         STC   R0,TSTTRY
         LTR   R0,R0
         BP    TST10
TSTEXIT  LEAVE TSTART
         DROP  R8
TSTARTR  DS    F
TSTTRY   DS    X
*
***********************************************************************
*  IOHNDL: an I/O interruption from a real terminal (a real disk's    *
*  goes to IOSNOTE, and the dispatcher serves it).                    *
*  Attention: a line is waiting to be read.  Device end: the running  *
*  operation is over - a written line leaves the queue (and a guest   *
*  waiting for room may go on), a read line goes to TINPUT.  Then the *
*  next operation starts, and the dispatcher takes over.              *
***********************************************************************
IOHNDL   BAL   R14,SLICECUT        (a lone machine's long slice ends)
         BAL   R14,IOSNOTE         a real disk's (IOS)?
         BZ    DISPATCH
         LH    R2,IODEV            which terminal?
         L     R8,=A(RDEVTAB)
         LA    R7,NUMTERM+1
         USING RDEV,R8
IOH10    CH    R2,RDEVADDR
         BE    IOH20
         LA    R8,RDEVLEN(R8)
         BCT   R7,IOH10
         CALL  RSPIO               the real reader or printer?
         B     DISPATCH
IOH20    TM    CSW+4,X'80'         attention?
         BZ    IOH30
         OI    RDEVFLAG,RDATTN
IOH30    TM    RDEVFLAG,RDBUSY     an operation running ...
         BZ    IOH90
         TM    CSW+4,X'04'         ... and now ended?
         BZ    IOH90
         TM    RDEVFLAG,RDREAD
         BO    IOH50
*  A line was written: take it off the queue.
         BAL   R14,TDEQ
         L     R11,RDEVUSER        a guest waiting for room?
         LTR   R11,R11
         BZ    IOH90
         USING VMBLOK,R11
         CLI   VMSTATE,VMSOUTW     a DIAGNOSE X'08' waiting for all
         BNE   IOH40                 of it to be typed?
         CLC   RDEVQCNT,=H'0'
         BNE   IOH40
         ST    R11,CPFOR           its next commands: its time
         CALL  D8RUN
         L     R8,VMRDEV
IOH40    TM    VCSTAT,VCWRW
         BZ    IOH90
         NI    VCSTAT,X'FF'-VCWRW
         BAL   R14,VCRESUME
         B     IOH90
         DROP  R11
*  A line was read: its length is 132 minus the residual count.
IOH50    NI    RDEVFLAG,X'FF'-RDBUSY-RDREAD
         LA    R3,132
         SH    R3,CSW+6
         BNM   IOH55
         SR    R3,R3
IOH55    BAL   R14,TINPUT
IOH90    BAL   R14,TSTART
         B     DISPATCH
*
***********************************************************************
*  TINPUT: route a line the person typed (or keep it while the user's *
*  machine is being loaded from a disk: see TIN00's comment).         *
*  In: R8 = RDEV, the line in RDEVBUF, R3 = its length.               *
*  Uses R0-R7, R11, R15.                                              *
***********************************************************************
TINPUT   ENTER
         ICM   R11,15,RDEVUSER     its user's IPL from a disk still
         BZ    TIN00                 loading (VIPL)?  The line waits
         ICM   R0,3,VMIPLDEV-VMBLOK(R11)  in RDEVBUF, routed by each
         BZ    TIN00                 dispatch (TPENDING) until the
         STH   R3,RDEVRLEN           machine is loaded - so that it
         OI    RDEVFLAG,RDINPUT      sees it loaded (stopped after
         MVI   TDRPEND,1             IPL ... STOP), as on VM/370
         B     TINEXIT
TIN00    MVI   TINECHO,0
         TM    RDEVFLAG,RDNOECH    read unprinted?  Then it is typed
         BZ    TIN01                 where it is used (TECHO)
         NI    RDEVFLAG,X'FF'-RDNOECH
         MVI   TINECHO,1
TIN01    STH   R3,TINLEN
         L     R11,RDEVUSER
         LTR   R11,R11
         BZ    TIN50               nobody logged on here
         USING VMBLOK,R11
         TM    VMLKFLG,VMLKPEND    the password LINK asked for?
         BZ    TIN02
         CALL  LNKPASS             (LINK's)
         B     TINEXIT
TIN02    C     R3,=F'3'            "#CP ..." is for CP
         BL    TIN10
         MVC   TINWORK,RDEVBUF
         OC    TINWORK,=C'   '     (upper case)
         CLC   TINWORK,=C'#CP'
         BNE   TIN10
         LA    R2,RDEVBUF+3        the command after it
         SH    R3,=H'3'
         BZ    TINCPRD
         LR    R1,R2               only blanks?
         LR    R0,R3
TIN05    CLI   0(R1),C' '
         BNE   TIN06
         LA    R1,1(R1)
         BCT   R0,TIN05
*  "#CP" alone: the machine stops and the terminal talks to CP (CP
*  READ) until BEGIN - VM/370's console function mode.
TINCPRD  BAL   R14,TINECH
         MVI   VMSTATE,VMSSTOP
         CPMSG CPREADMS,VIA=TLINE
         B     TINEXIT
TIN06    BAL   R14,TINECH
         BAL   R14,CPCMD
         B     TINEXIT
*  A stopped machine (CP READ): every line is a CP command.
TIN10    CLI   VMSTATE,VMSSTOP
         BNE   TIN20
         BAL   R14,TINECH
         LA    R2,RDEVBUF
         BAL   R14,CPCMD
         B     TINEXIT
TIN20    OI    VMFLAGS,VMFQ1       (an answer is awaited: see DISPATCH)
         STH   R3,VMTALEN          the guest's: type-ahead ...
         LTR   R1,R3
         BZ    TIN30
         BCTR  R1,0
         EX    R1,TINMVC
TIN30    NI    VMFLAG2,X'FF'-VMFTANP
         TM    VCSTAT,VCREAD       ... and if it is waiting, give it
         BO    TIN35
         CLI   TINECHO,0           not printed yet: VCRREAD types it
         BE    TINEXIT               when the guest reads it
         OI    VMFLAG2,VMFTANP
         B     TINEXIT
TIN35    BAL   R14,TINECH          (typed now: the guest reads it now)
         NI    VCSTAT,X'FF'-VCREAD
         MVI   VMSTATE,VMSRUN
         BAL   R14,VCRESUME
         B     TINEXIT
         DROP  R11
TIN50    TM    RDEVFLAG,RDOFF      a disabled line: nothing is taken
         BO    TINEXIT
         CLI   RDEVSTAT,RDSPASS    the password LOGON asked for?
         BNE   TIN60
         CALL  LOGPASS             (LOGON's)
         B     TINEXIT
TIN60    BAL   R14,TINECH          a CP command
         LA    R2,RDEVBUF
         BAL   R14,CPCMD
TINEXIT  LEAVE TINPUT
*  TINECH: type the line being routed if it was read unprinted.
*  Saves R2 and R3 (TECHO keeps the rest but R0, R1, R15).
TINECH   CLI   TINECHO,0
         BER   R14
         MVI   TINECHO,0
         STM   R2,R3,TINECHS
         ST    R14,TINECHR
         LA    R2,RDEVBUF
         LH    R3,TINLEN
         BAL   R14,TECHO
         LM    R2,R3,TINECHS
         L     R14,TINECHR
         BR    R14
         DROP  R8
TINMVC   MVC   VMTAHEAD-VMBLOK(0,R11),RDEVBUF-RDEV(R8)
TINPUTR  DS    F
TINECHR  DS    F
TINECHS  DS    2F
TINLEN   DS    H
TINECHO  DS    X                   1: the line was read unprinted
TINWORK  DS    CL3
CPREADMS DC    C'CP'
*
***********************************************************************
*  TECHO: type a line the person typed, where it is used.  A line a   *
*  logged-on user types is read unprinted (X'1A', see TSTART) and     *
*  typed here when CP or the guest takes it, so a line typed ahead    *
*  shows after the answers to the lines before it, as on a 3215,     *
*  whose read prints the line when the read runs.  An empty line is   *
*  just a new line (X'01' with X'15').                                *
*  In: R8 = RDEV, R2 -> text, R3 = length.  Uses R0-R3, R15.          *
***********************************************************************
TECHO    ENTER
         LTR   R3,R3
         BNZ   TECHO10
         LA    R0,X'01'            write, no carrier return: the NL
         LA    R2,=X'15'             alone ends the line
         LA    R3,1
         BAL   R14,TENQ
         BAL   R14,TSTART
         B     TECHO90
TECHO10  BAL   R14,TLINE
TECHO90  LEAVE TECHO
TECHOR   DS    F
*
***********************************************************************
*  TMASK: the next line this terminal reads is a password.  Queue the *
*  3215's print inhibit (X'1B', no data) behind the prompt: the paper *
*  shows XXXXXXXX where the password was typed, and TSTART sends the  *
*  prompt and this before it reads the line (RDEVMSK, until TDEQ).    *
*  In: R8 = RDEV.  Uses R0-R3, R15.                                   *
***********************************************************************
TMASK    ENTER
         LA    R0,X'1B'            (TSTART gives it a blank, count 1)
         SR    R3,R3
         BAL   R14,TENQ
         MVI   RDEVMSK-RDEV(R8),1  no read until it is out (TDEQ)
         BAL   R14,TSTART
         LEAVE TMASK
TMASKR   DS    F
