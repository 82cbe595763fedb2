***********************************************************************
*  VCONSOLE: the virtual console at 009 (DMKVSI, DMKVCN, DMKVIO).     *
*                                                                     *
*  The guest believes it owns a 3215 console at device 009.  It       *
*  issues SIO, TIO, HIO and TCH like on a real machine; each traps,   *
*  and lands here.  CP runs the guest's channel program itself:       *
*    X'01' / X'09' write     the text goes into the queue of the      *
*                            user's real terminal (TERMINAL)          *
*    X'0A' read              the next line the user types; until one  *
*                            comes the machine is in "VM READ"        *
*    X'03' no-op, X'0B' alarm, X'04' sense                            *
*  with command and data chaining and TIC.  When the channel program *
*  ends, CP builds the CSW a real channel would have stored and marks *
*  an I/O interruption pending; the dispatcher presents it as soon as *
*  the virtual PSW is enabled for channel 0.                          *
*                                                                     *
*  CSW: | key | address of last CCW + 8 | unit st | chan st | count | *
*  unit status X'0C' = channel end + device end; channel status X'40' *
*  = incorrect length, X'20' = program check.                         *
***********************************************************************
VIOSIM   DS    0H
         USING VMBLOK,R11
         L     R8,VMRDEV           the user's real terminal
         LH    R1,VMINST+2
         BAL   R14,OPADDR          R1 = the device (or channel) address
         N     R1,=X'0000FFFF'
         CLI   VMINST,X'9F'        TCH
         BE    VTCH
         LTR   R1,R1               one of its minidisks?
         BZ    VIO08
         LA    R2,VMVDEVS
         LA    R0,VMNVDEV
VIO05    CH    R1,0(R2)
         BE    VIO06
         LA    R2,VDEVLEN(R2)
         BCT   R0,VIO05
         B     VIO08
VIO06    ST    R2,VMVDCUR          yes: serve it (VDWORK, then back)
         MVC   VDWORK,0(R2)
         CALL  VDASD               R0 = CC, or R15 = NOSTORE's code
         LTR   R15,R15
         BNZ   NOSTORE
         B     VSETCC
VIO08    CALL  URSIM               its reader, punch or printer?
         C     R15,=F'4'
         BE    VIO09
         LTR   R15,R15
         BNZ   NOSTORE
         B     VSETCC
VIO09    CH    R1,VCADDR           the console?
         BNE   VCC3                nothing else is attached
         CLI   VMINST,X'9C'
         BE    VSIO
         CLI   VMINST,X'9D'
         BE    VTIO                TIO (and CLRIO)
*                                  HIO (and HDV)
         TM    VCSTAT,VCBUSY       something to halt?
         BZ    VCC0
         NI    VCSTAT,X'FF'-VCBUSY-VCREAD-VCWRW
         MVI   VCCSW+4,X'0C'       halted: CE and DE
         MVI   VCCSW+5,0
         B     VSTCSW
*
*  TCH: as the real channel: CC 1 if an interruption is pending for
*  one of the machine's devices on that channel, CC 0 if it has a
*  device there (channel 0: the console, reader, punch and printer;
*  others: its minidisks), CC 3 if none.  (Each device has a
*  subchannel of its own: a channel is never busy, CC 2.)
VTCH     SRL   R1,8                the channel
         LTR   R1,R1
         BNZ   VTCH10
         TM    VCSTAT,VCINTP       channel 0
         BO    VCC1
         TM    VMURS+(URSTAT-URBLOK),URINTP
         BO    VCC1
         TM    VMURS+URLEN+(URSTAT-URBLOK),URINTP
         BO    VCC1
         TM    VMURS+2*URLEN+(URSTAT-URBLOK),URINTP
         BO    VCC1
         B     VCC0
VTCH10   LA    R2,VMVDEVS          its minidisks on that channel
         LA    R3,VMNVDEV
         LA    R0,3                none yet: CC 3
VTCH20   LH    R4,VDADDR-VDWORK(R2)
         LTR   R4,R4
         BZ    VTCH30
         SRL   R4,8
         CR    R4,R1
         BNE   VTCH30
         SR    R0,R0               there: CC 0 at least
         TM    VDSTAT-VDWORK(R2),VDINTP
         BO    VCC1
VTCH30   LA    R2,VDEVLEN(R2)
         BCT   R3,VTCH20
         B     VSETCC
VCC1     LA    R0,1
         B     VSETCC
VCC0     SR    R0,R0
         B     VSETCC
VCC3     LA    R0,3
VSETCC   TM    VMPERCP,X'01'       (PER armed: a CSW stored is a
         BZ    VSETCC2               store, DMKPRX)
         CALL  PRXPCSW
VSETCC2  BAL   R14,SETCC
         B     DISPATCH
*
*  TIO: pending status is given to the guest (CC 1, CSW stored and the
*  interruption cleared); busy is CC 2; else CC 0.
VTIO     TM    VCSTAT,VCINTP
         BO    VSTCSW
         TM    VCSTAT,VCBUSY
         BO    VBUSY
         B     VCC0
VBUSY    LA    R0,2
         B     VSETCC
VSTCSW   NI    VCSTAT,X'FF'-VCINTP
         LA    R2,X'40'
         LA    R3,VCCSW
         LA    R4,8
         BAL   R14,GCOPYOUT
         BNZ   NOSTORE
         LA    R0,1
         B     VSETCC
*
*  SIO: pending status: CC 1; busy: CC 2; else start the channel
*  program the CAW (at guest X'48') points to, and CC 0.
VSIO     TM    VCSTAT,VCINTP
         BO    VSTCSW
         TM    VCSTAT,VCBUSY
         BO    VBUSY
         LA    R2,X'48'            the guest's CAW
         LA    R3,VCCCWA
         LA    R4,4
         BAL   R14,GCOPYIN
         BNZ   NOSTORE
         MVC   VCKEY,VCCCWA        key: bits 0-3
         NI    VCKEY,X'F0'
         MVI   VCCCWA,0
         OI    VCSTAT,VCBUSY
         SR    R0,R0
         BAL   R14,SETCC           CC 0: started
         BAL   R14,VCRUN
         B     DISPATCH
*
***********************************************************************
*  VCRUN: run the channel program from the CCW at VCCCWA until it     *
*  ends (the interruption becomes pending) or must wait for the user  *
*  or for room in the terminal's queue.                               *
*  VCRESUME: carry on with the current CCW (in VCCCW) after a wait.   *
*  In: R11 = VMBLOK.  Uses R0-R8, R15.                                *
*                                                                     *
*  CP runs at most VCMAXCCW CCWs at a time that neither wait nor      *
*  print (NO-OP, alarm, sense, TIC): a guest's program that loops     *
*  through such CCWs for ever would keep CP busy for ever.  Past the  *
*  limit the console stays busy, as a real one running that loop      *
*  would, until the guest halts it (HIO).                             *
***********************************************************************
VCMAXCCW EQU   256
VCRUN    ENTER
         MVI   VCDCMD,0            no data chaining yet
         L     R8,VMRDEV           the user's real terminal
         MVC   VCLEFT,=AL2(VCMAXCCW)
         TM    VCCCWA+3,7          a CCW must be on a doubleword
         BNZ   VCRPCHK
         SR    R7,R7               no TIC yet
VCR10    LH    R0,VCLEFT           one CCW more
         BCTR  R0,0
         STH   R0,VCLEFT
         LTR   R0,R0
         BNP   VCREXIT             (too many: busy for ever)
         L     R2,VCCCWA           fetch the CCW
         LA    R3,VCCCW
         LA    R4,8
         BAL   R14,GCOPYAI
         BNZ   VCRPCHK
         NI    VCSTAT,X'FF'-VCIL
         IC    R0,VCCCW
         N     R0,=F'15'
         CH    R0,=H'8'            TIC?
         BNE   VCR20
         LTR   R7,R7               TIC after TIC is a program check
         BNZ   VCRPCHK
         LA    R7,1
         L     R2,VCCCW
         N     R2,=X'00FFFFFF'
         ST    R2,VCCCWA
         TM    VCCCWA+3,7
         BNZ   VCRPCHK
         B     VCR10
VCR20    SR    R7,R7
         CLI   VCDCMD,0            data chaining: this CCW's command
         BE    VCR22                 byte means nothing, the command
         MVC   VCCCW(1),VCDCMD       goes on (POO, chapter 13)
VCR22    DS    0H
         SR    R4,R4               a count of 0 is a program check
         ICM   R4,3,VCCCW+6
         BZ    VCRPCHK
         B     VCR30
VCRESUME ST    R14,VCRUNR
         L     R8,VMRDEV
         SR    R7,R7               (the CCW before was no TIC)
         MVC   VCLEFT,=AL2(VCMAXCCW)
VCR30    CLI   VCCCW,X'01'         write
         BE    VCRWRITE
         CLI   VCCCW,X'09'         write, new line
         BE    VCRWRITE
         CLI   VCCCW,X'0A'         read
         BE    VCRREAD
         CLI   VCCCW,X'03'         no-op: no data, the whole count
         BE    VCRCCWD               is the residual count
         CLI   VCCCW,X'0B'         audible alarm: the same
         BE    VCRCCWD
         CLI   VCCCW,X'04'         sense
         BE    VCRSENSE
*  Anything else: unit check, sense byte "command reject".
         MVI   VCSENSE,X'80'
         LA    R6,X'0E'            CE, DE, unit check
         SR    R5,R5
         B     VCREND2
*
*  Write: at most 132 characters to a line; longer text is split.
*  The guest waits when its terminal's queue is (nearly) full: CP
*  keeps the last four slots for its own messages.
VCRWRITE SR    R4,R4
         ICM   R4,3,VCCCW+6        what is left to write
         BZ    VCRDONE0
*  At most VCLINES lines per VCPERIOD: a console program that writes
*  short lines for ever would otherwise keep its terminal's
*  interruptions coming faster than CP serves them, and the channel,
*  presenting the lowest address first, would never let another
*  terminal be heard.  Past that, the program goes on at VCNEXT.
         LH    R0,VCBUDG
         LTR   R0,R0
         BP    VCRW05
         STCK  VCRTOD              its period over?
         CLC   VCRTOD,VCNEXT
         BL    VCRWTURN
         MVC   VCBUDG,=AL2(VCLINES)  yes: a new one
         STM   R2,R5,VCRSAVE
         LM    R2,R3,VCRTOD
         LM    R4,R5,VCPERIOD
         BAL   R14,DADD
         STM   R2,R3,VCNEXT
         LM    R2,R5,VCRSAVE
VCRW05   DS    0H
         USING RDEV,R8
         LH    R0,RDEVQCNT
         CH    R0,=AL2(RDEVQN-4)
         BNL   VCRWFULL
         DROP  R8
         C     R4,=F'132'
         BNH   VCRW10
         LA    R4,132
VCRW10   ST    R4,VCWLEN
         L     R2,VCCCW            copy the text in
         N     R2,=X'00FFFFFF'
         LA    R3,VCLINE
         BAL   R14,GCOPYAI
         BNZ   VCRPCHK
         STCM  R2,7,VCCCW+1        advance the CCW's address ...
         SR    R0,R0
         ICM   R0,3,VCCCW+6
         S     R0,VCWLEN           ... and count
         STCM  R0,3,VCCCW+6
         LH    R0,VCBUDG           one line of its budget
         BCTR  R0,0
         STH   R0,VCBUDG
         IC    R0,VCCCW            queue it (data chained on: without
         TM    VCCCW+4,X'80'         a new line, the next CCW's text
         BZ    VCRW20                continues the line)
         LA    R0,X'01'
VCRW20   DS    0H
         LA    R2,VCLINE
         L     R3,VCWLEN
         BAL   R14,TENQ
         BAL   R14,TSTART
         B     VCRWRITE
VCRWFULL OI    VCSTAT,VCWRW        wait for room
         B     VCREXIT
VCRWTURN OI    VCSTAT,VCTURN       wait for its next period
         B     VCREXIT
*
*  Read: the line typed ahead, if there is one; else wait (VM READ).
VCRREAD  LH    R0,VMTALEN
         LTR   R0,R0
         BM    VCRRWAIT
         SR    R4,R4               count
         ICM   R4,3,VCCCW+6
         CR    R0,R4               line length vs count
         BE    VCRR10
         OI    VCSTAT,VCIL         they differ: incorrect length
         CR    R0,R4
         BH    VCRR10              (line too long: truncate)
         LR    R4,R0
VCRR10   SR    R0,R0               residual = count - moved
         ICM   R0,3,VCCCW+6
         SR    R0,R4
         STCM  R0,3,VCCCW+6
         L     R2,VCCCW            into the guest's buffer
         N     R2,=X'00FFFFFF'
         LA    R3,VMTAHEAD
         BAL   R14,GCOPYAO
         BNZ   VCRPCHK
         TM    VMFLAG2,VMFTANP     not typed yet: type it now, where
         BZ    VCRR20                the guest reads it (TECHO)
         NI    VMFLAG2,X'FF'-VMFTANP
         LA    R2,VMTAHEAD
         LH    R3,VMTALEN
         BAL   R14,TECHO
VCRR20   MVC   VMTALEN,=H'-1'      the line is used up
         BAL   R14,TSTART          the terminal may read the next
         B     VCRCCWD
VCRRWAIT OI    VCSTAT,VCREAD
         NI    VMFLAGS,X'FF'-VMFQ1 (it has answered: no longer first)
         MVI   VMSTATE,VMSREAD
         B     VCREXIT
*
*  Sense: one byte.
VCRSENSE L     R2,VCCCW
         N     R2,=X'00FFFFFF'
         LA    R3,VCSENSE
         LA    R4,1
         BAL   R14,GCOPYAO
         BNZ   VCRPCHK
         MVI   VCSENSE,0
         SR    R0,R0
         ICM   R0,3,VCCCW+6
         BCTR  R0,0
         STCM  R0,3,VCCCW+6
         B     VCRCCWD
*
VCRDONE0 XC    VCCCW+6(2),VCCCW+6  all of the count used
*
*  This CCW is done: chain to the next, or end.  Incorrect length
*  (without SLI) ends the chain.
VCRCCWD  MVI   VCDCMD,0
         TM    VCCCW+4,X'80'       data chaining: the next CCW goes on
         BZ    VCRC05                with this command
         MVC   VCDCMD,VCCCW
         B     VCRC10
VCRC05   TM    VCCCW+4,X'40'       command chaining?
         BZ    VCREND
         TM    VCSTAT,VCIL
         BZ    VCRC10
         TM    VCCCW+4,X'20'       SLI?
         BZ    VCREND
VCRC10   L     R2,VCCCWA
         LA    R2,8(R2)
         ST    R2,VCCCWA
         B     VCR10
*
*  The end: build the CSW and make the interruption pending.
VCREND   LA    R6,X'0C'            channel end, device end
         SR    R5,R5
         TM    VCSTAT,VCIL
         BZ    VCREND2
         TM    VCCCW+4,X'20'       SLI suppresses it
         BO    VCREND2
         LA    R5,X'40'            incorrect length
VCREND2  L     R2,VCCCWA           CSW: key, CCW address + 8
         LA    R2,8(R2)
         ST    R2,VCCSW
         MVC   VCCSW(1),VCKEY
         STC   R6,VCCSW+4          unit status
         STC   R5,VCCSW+5          channel status
         MVC   VCCSW+6(2),VCCCW+6  residual count
         NI    VCSTAT,X'FF'-VCBUSY-VCREAD-VCWRW-VCIL
         OI    VCSTAT,VCINTP
VCREXIT  LEAVE VCRUN
*
*  Program check: a bad CCW address, count or TIC.
VCRPCHK  LA    R6,X'0C'
         LA    R5,X'20'
         XC    VCCCW+6(2),VCCCW+6
         B     VCREND2
VCRUNR   DS    F
VCWLEN   DS    F
VCRSAVE  DS    4F
         DS    0D
VCRTOD   DS    D
VCPERIOD DC    X'000000000C350000' 50 ms (50000 << 12): a slice
VCLINES  EQU   12
VCLEFT   DS    H                   CCWs CP may still run now
VCDCMD   DS    X                   the command data chaining continues
         DROP  R11
