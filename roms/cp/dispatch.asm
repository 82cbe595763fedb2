***********************************************************************
*  DISPATCH: choose a virtual machine and run it (DMKDSP).            *
*                                                                     *
*  Every path through CP ends here.  The dispatcher                   *
*   1. charges the CP time since the interruption to the machine CP   *
*      was working for (so TOTCPU shows what trapping costs), and     *
*      takes it from that machine's time slice too: a machine whose   *
*      trapped instructions keep CP busy uses its slice up as fast as *
*      one that computes, and its turn ends (resource control, CHARGE)*
*      and has IOREQ serve the real disks (programs over, the next    *
*      requests started, the watchdog),                               *
*   2. looks first at the machines whose users have just typed a line *
*      (VMFQ1, for one slice), then at all round robin, starting with *
*      the last one run (or the one after it, when its slice ended),  *
*   3. for each: presents a pending virtual interruption if the       *
*      virtual PSW is open for it (this is how a guest waiting for    *
*      its console wakes up), and skips it if it is still waiting,    *
*   4. runs the first ready machine: its segment table into CR1, its  *
*      registers into the real ones, its PSW - made real - loaded     *
*      with a CPU-timer time slice, or                                *
*   5. if none is ready, waits with an enabled wait PSW: the real CPU *
*      stops until a terminal or the timer interrupts.                *
***********************************************************************
DISPATCH BAL   R14,CHARGE          CP's time so far to CPFOR
*
*  Real disks: a guest's program over, a request to start, or one
*  running (its watchdog): IOREQ serves them first, so their guests'
*  interruptions are pending when the machines are looked at.
         CLI   IOSPEND,0
         BNE   DSP09
         ICM   R0,15,IOSNACT
         BZ    DSP10
DSP09    CALL  IOSWORK
         USING VMBLOK,R11
*
*  Lines read while CP waited for a terminal to type (TDRAIN) are
*  routed now, as if they had just arrived.
DSP10    CLI   TDRPEND,0
         BE    DSP11
         BAL   R14,TPENDING
*  First the interactive machines (VMFQ1): a user who has just typed
*  a line gets the answer before the machines that only compute, as
*  VM/370's Q1 gave it.  Each keeps the place for one time slice at
*  most, so a user who types cannot starve the others either.
DSP11    MVI   DSPALONE,0
         L     R11,=A(VMTABLE)
         LA    R7,NUMVM
DSPQ10   TM    VMFLAGS,VMFQ1
         BZ    DSPQ20
         BAL   R14,DSPREADY
         BZ    DSPRUN
DSPQ20   LA    R11,VMBLKLEN(R11)
         BCT   R7,DSPQ10
*  Round robin over VMTABLE, starting at LASTUSER.
         L     R11,LASTUSER
         LTR   R11,R11
         BNZ   DSP12
         L     R11,=A(VMTABLE)      nobody run yet: start at the top
         B     DSP14
DSP12    CLI   DSPNEXT,0           slice over: start after it
         BE    DSP14
         MVI   DSPALONE,1          (if the look comes round to it
         LA    R11,VMBLKLEN(R11)     again, no other was ready)
DSP14    MVI   DSPNEXT,0
         LA    R7,NUMVM          look at each machine once
DSP20    C     R11,=A(VMTEND)      wrap around
         BL    DSP22
         L     R11,=A(VMTABLE)
DSP22    BAL   R14,DSPREADY        ready to run?
         BZ    DSPRUN              yes
         LA    R11,VMBLKLEN(R11)
         BCT   R7,DSP20
*
*  Nobody is ready: wait.  The CPU timer is set to "never" so that an
*  idle CP is not woken for nothing; a terminal, or the clock
*  comparator at the first of CP's deadlines (DSPWAKE), will wake it.
DSPIDLE  XC    RUNUSER,RUNUSER
         SPT   TIMERMAX
         CALL  DSPWAKE
         SCKC  DSPTOD
         LPSW  WAITPSW
*
*  Run the machine R11 points to.  It was alone (DSPALONE) if its
*  slice had ended and the look came round to it again.
DSPRUN   CLI   DSPALONE,0
         BE    DSP23
         C     R11,LASTUSER
         BE    DSP23
         MVI   DSPALONE,0          another one: it was not alone
DSP23    ST    R11,RUNUSER
         ST    R11,LASTUSER
         MVI   VMSTATE,VMSRUN
         L     R2,VMDSPCNT         count the dispatch
         LA    R2,1(R2)
         ST    R2,VMDSPCNT
         LCTL  R1,R1,VMSEG         its address space
         LCTL  R8,R8,VMCRS+32      (issue 12: its CR8, MONITOR CALL)
*  Issue 12: its shadow tables instead (vat.asm's VATRUN), if its
*  PSW (EC mode) may have DAT on, or the real CR0 back to CP's page
*  and segment size if the last machine's was a guest's (VATREAL).
         NI    VMFLAG2,X'FF'-VMFSHAD
         TM    VMPSW+1,PSWEC
         BO    DSP26
         CLI   VATREAL,0
         BE    DSP28
DSP26    CALL  VATRUN
         LTR   R15,R15
         BNZ   NOSTORE
DSP28    DS    0H
         PTLB                      forget the last one's translations
*  The real PSW: EC mode, DAT, I/O, external and machine checks on,
*  problem state; key, CC, program mask and address from the virtual
*  (BC mode) PSW.
         MVI   RUNPSW,X'07'        DAT, I/O, external
         IC    R2,VMPSW+1          key
         N     R2,=F'240'
         O     R2,=F'13'           EC, machine checks, problem state
         STC   R2,RUNPSW+1
         IC    R2,VMPSW+4          CC and program mask
         TM    VMPSW+1,PSWEC       (issue 12: an EC-mode virtual PSW
         BZ    *+8                   has them in byte 2)
         IC    R2,VMPSW+2
         N     R2,=F'63'
         STC   R2,RUNPSW+2
         MVI   RUNPSW+3,0
         MVC   RUNPSW+4(4),VMPSW+4
         MVI   RUNPSW+4,0
*  The time slice: what is left of the last one, or a new one.  A
*  new one is 50 ms (QUANTUM); 400 ms (QUANTUM2) for a machine that
*  was alone when its last one ended - a machine that only computes
*  then pays for a slice's end (some 350 CP instructions) an eighth
*  as often; the first I/O or clock-comparator interruption cuts it
*  back (SLICECUT), and the clock comparator is set to CP's first
*  deadline (DSPWAKE: a console's next turn, a timer of a waiting
*  machine, a disk program's watchdog) so nothing of CP's waits
*  longer than it would have.
         LM    R2,R3,VMSLICE
         LTR   R2,R2
         BM    DSP40               used up
         BP    DSP42               plenty left
         LTR   R3,R3               high word zero: is the low word?
         BNZ   DSP42
DSP40    LM    R2,R3,QUANTUM
         CLI   DSPALONE,0
         BE    DSP41
         CALL  DSPWAKE
         SCKC  DSPTOD
         LM    R2,R3,QUANTUM2
DSP41    STM   R2,R3,VMSLICE
*  Issue 12: the real timer may end it sooner, at the first deadline
*  of the machine's own timers (VTSLICE), so their interruptions come
*  when a real machine's would, not at the slice's end (it sets
*  SLICEBND then, and SAVECTX takes only what was used off VMSLICE).
DSP42    MVI   SLICEBND,0
         TM    VMFLAGS,VMFVTIM
         BZ    DSP43
         TM    VMPSW,X'01'         (external interruptions enabled)
         BZ    DSP43
         CALL  VTSLICE
DSP43    STM   R2,R3,SLICEVAL
         SPT   SLICEVAL
*  A guest's disk program running: the clock comparator must wake CP
*  at its watchdog's deadline (IOSDL), if nothing wakes it sooner.
         ICM   R0,15,IOSNACT
         BZ    DSP44
         STCKC DSPTOD
         CLC   IOSDL,DSPTOD
         BNL   DSP44
         SCKC  IOSDL
*  Its registers, and go.
DSP44    TM    VMFLAG2,VMFPRM      (issue 12: the real CR0 bit 3
         BZ    DSP46                 and CR3: DMKPRX)
         CALL  PMRUN
DSP46    MVC   GUESTREG(64),VMGPRS
         LM    R0,R15,GUESTREG
         LPSW  RUNPSW
         DROP  R11
*
***********************************************************************
*  DSPREADY: is this virtual machine ready to run?                    *
*  In: R11 = VMBLOK.  Out: CC 0 if ready, else CC not 0.              *
*  A pending console interruption is presented first if the virtual   *
*  PSW allows it (BC mode: channel 0 mask, bit 0), which replaces a   *
*  wait PSW with the guest's I/O new PSW; then the minidisks' (each   *
*  on its own channel, REFLDISK).  Uses R0-R6, R15.                   *
***********************************************************************
DSPREADY ST    R14,DSPRDYR
         USING VMBLOK,R11
         CLI   VMSTATE,VMSFREE     slot in use?
         BE    DSPRNO
         CLI   VMSTATE,VMSSTOP     stopped?
         BE    DSPRNO
         TM    VCSTAT,VCTURN       its console program's period over?
         BZ    DSPR10
         STCK  DSPTOD
         CLC   DSPTOD,VCNEXT
         BL    DSPR10
         NI    VCSTAT,X'FF'-VCTURN
         STM   R7,R8,DSPSAVE       (VCRESUME uses them)
         BAL   R14,VCRESUME
         LM    R7,R8,DSPSAVE
DSPR10   CLI   VMSTATE,VMSOUTW     waiting for its terminal to type?
         BE    DSPRNO
         CLI   VMSTATE,VMSPGWT     waiting for a page (paging.asm)?
         BE    DSPRNO
         TM    VMFLAG2,VMFPERP     (issue 12: a PER interruption
         BZ    DSPR11                pending, DMKPRX)
         CALL  PRXPERP
DSPR11   DS    0H
         TM    VMFLAGS,VMFVTIM     (issue 12: its timers'
         BZ    DSPR12                interruptions, if it uses them)
         CALL  VTPEND
DSPR12   DS    0H
         TM    VCSTAT,VCINTP       console interruption pending?
         BZ    DSPR20
         BAL   R14,VIOMASK         and channel 0 enabled? (issue 12:
         TM    VIOMSK,X'80'          in either PSW mode)
         BZ    DSPR20
         BAL   R14,REFLIO          present it
DSPR20   BAL   R14,REFLDISK        the minidisks' pending ones
         TM    VMURS+(URSTAT-URBLOK),URINTP    the reader's, punch's,
         BO    DSPR25                          printer's (VSPOOL)
         TM    VMURS+URLEN+(URSTAT-URBLOK),URINTP
         BO    DSPR25
         TM    VMURS+2*URLEN+(URSTAT-URBLOK),URINTP
         BZ    DSPR30
DSPR25   CALL  REFLUR
DSPR30   CLI   VMSTATE,VMSSTOP     an interruption's new PSW was a
         BE    DSPRNO                disabled wait: stopped (DISWAIT)
         TM    VMPSW+1,PSWWAIT     still waiting?
         BZ    DSPRYES
         MVI   VMSTATE,VMSWAIT     show why
         TM    VCSTAT,VCREAD
         BZ    DSPRNO
         MVI   VMSTATE,VMSREAD
DSPRNO   L     R14,DSPRDYR
         LTR   R14,R14             (an address: never zero)
         BR    R14
DSPRYES  L     R14,DSPRDYR
         CR    R14,R14             CC 0
         BR    R14
         DROP  R11
DSPRDYR  DS    F
*
***********************************************************************
*  SLICECUT: an I/O or clock-comparator interruption may have made    *
*  another machine ready: a long slice (QUANTUM2, given to a machine  *
*  that was alone) shrinks to an ordinary one's length at most, so    *
*  the others get their turn as soon as they would have.  Uses R1.    *
***********************************************************************
SLICECUT ICM   R1,15,LASTUSER
         BZR   R14
         TM    VMSLICE-VMBLOK(R1),X'80'  (negative: used up already)
         BOR   R14
         CLC   VMSLICE-VMBLOK(8,R1),QUANTUM
         BNHR  R14
         MVC   VMSLICE-VMBLOK(8,R1),QUANTUM
         BR    R14
*
***********************************************************************
*  CHARGE: the CP time since CPMARK (the CPU timer when CP took       *
*  control, or when it last charged) goes to the machine CP was       *
*  working for (CPFOR), if any: to its CP time (VMCTIME, so TOTCPU    *
*  shows what trapping costs) and off its time slice, so a machine    *
*  whose trapped instructions keep CP busy uses its slice up as fast  *
*  as one that computes, and its turn ends (the next one's: DSPNEXT). *
*  Then CPFOR is nobody and CPMARK now.  DISPATCH calls it first;     *
*  IOREQ calls it for each request it serves.  Uses R2-R5, R11.       *
***********************************************************************
CHARGE   STPT  CPUTNOW
         L     R11,CPFOR           charge CP's time to CPFOR
         LTR   R11,R11
         BZ    CHG08
         USING VMBLOK,R11
         LM    R2,R3,CPMARK        CPMARK - CPUTNOW = CP time used
         LM    R4,R5,CPUTNOW
         ST    R14,CHARGER
         BAL   R14,DSUB
         STM   R2,R3,DSPCPT
         LM    R4,R5,VMCTIME
         BAL   R14,DADD
         STM   R2,R3,VMCTIME
         LM    R2,R3,VMSLICE       and from its slice
         LM    R4,R5,DSPCPT
         BAL   R14,DSUB
         STM   R2,R3,VMSLICE
         L     R14,CHARGER
         LTR   R2,R2               used up (zero or less)?
         BM    CHG05
         BP    CHG08
         LTR   R3,R3
         BNZ   CHG08
CHG05    NI    VMFLAGS,X'FF'-VMFQ1 (no longer first, if it was)
         C     R11,LASTUSER        then if it was the one running,
         BNE   CHG08                 the next machine's turn
         MVI   DSPNEXT,1
CHG08    XC    CPFOR,CPFOR
         MVC   CPMARK,CPUTNOW
         BR    R14
         DROP  R11
CHARGER  DS    F
         DS    0D
DSPCPT   DS    D                   CP time just charged
DSPTOD   DS    D
DSPSAVE  DS    2F
DSPALONE DC    X'00'               1: the machine run now was alone
*                                    when its slice ended (DSPRUN)
VATREAL  DC    X'00'               1: the real CR0 has a guest's page
*                                    and segment size (vat.asm)
