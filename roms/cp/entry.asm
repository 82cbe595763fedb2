***********************************************************************
*  ENTRY: where interruptions arrive, and CPU-time accounting.        *
*                                                                     *
*  Each new PSW in the PSA points at one of the entries below.  An    *
*  interruption changes no register, so the first thing each entry    *
*  does is save all sixteen (with base register 0: nothing to load    *
*  first), then load CP's base registers and call SAVECTX, which      *
*  works out who was running.  If a virtual machine was, its          *
*  registers and PSW go into its VMBLOK and the CPU time it used is   *
*  charged to it; then the entry goes to the handler of its class.    *
*  Every handler ends by going to DISPATCH.                           *
***********************************************************************
EXTINT   STM   R0,R15,INTREGS      external interruption
         LM    R9,R13,BASES
         LA    R1,EXTOPSW
         BAL   R14,SAVECTX
         B     EXTHNDL
SVCINT   STM   R0,R15,INTREGS      supervisor call
         LM    R9,R13,BASES
         LA    R1,SVCOPSW
         BAL   R14,SAVECTX
         B     SVCHNDL
PRGINT   STM   R0,R15,INTREGS      program interruption
         LM    R9,R13,BASES
         LA    R1,PRGOPSW
         BAL   R14,SAVECTX
         B     PRGHNDL
IOINT    STM   R0,R15,INTREGS      I/O interruption
         LM    R9,R13,BASES
         LA    R1,IOOPSW
         BAL   R14,SAVECTX
         B     IOHNDL
*
***********************************************************************
*  SAVECTX: note what the CPU was doing when the interruption came.   *
*  In:  R1 -> the old PSW.                                            *
*  Out: R11 = VMBLOK of the virtual machine that was running, or 0    *
*        when CP itself was waiting.  CPMARK = the CPU timer now.     *
*  A virtual machine's registers, condition code, program mask and    *
*  instruction address go back into its VMBLOK (the virtual PSW is    *
*  in BC mode: CC and mask live in byte 4 there, in byte 2 of the     *
*  real EC PSW), and the slice it used is added to its virtual time.  *
*  Uses R0-R5.                                                        *
***********************************************************************
SAVECTX  ENTER
         STPT  CPUTNOW             the CPU timer now
         MVC   CPMARK,CPUTNOW      CP's time starts here
         XC    CPFOR,CPFOR         nobody is charged for it yet
         SR    R11,R11
         TM    1(R1),PSWPROB       was a virtual machine running?
         BZ    SAVECX9             no: CP was waiting
         L     R11,RUNUSER
         USING VMBLOK,R11
         TM    VMFLAG2,VMFPRM      (issue 12: its CR0 bit 3 and CR3
         BZ    SAVECX4               were loaded: CP's back, DMKPRX)
         CALL  PMSTOP
SAVECX4  DS    0H
         MVC   VMGPRS(64),INTREGS  its registers
         IC    R0,2(R1)            CC and program mask, real PSW
         N     R0,=F'63'             bits 18-23
         TM    VMPSW+1,PSWEC       (an EC-mode virtual PSW keeps them
         BZ    SAVECX5               in byte 2, as the real one, with
         NI    VMPSW+2,X'80'         its bit 16, the secondary-space
         STC   R0,SAVECXB            mode, das: the real PSW has not)
         OC    VMPSW+2(1),SAVECXB
         B     SAVECX6
SAVECX5  IC    R2,VMPSW+4          virtual PSW byte 4: ILC CC mask
         N     R2,=F'192'            keep the ILC
         OR    R2,R0
         STC   R2,VMPSW+4
SAVECX6  MVC   VMPSW+5(3),5(R1)    the instruction address
*  Charge the slice: VMVTIME += SLICEVAL - CPUTNOW.
         LM    R2,R3,SLICEVAL
         LM    R4,R5,CPUTNOW
         BAL   R14,DSUB
         TM    VMFLAGS,VMFVTIM     (its virtual CPU timer too, if
         BZ    SAVECX7               it uses it)
         CALL  VTRUN
SAVECX7  DS    0H
         LM    R4,R5,VMVTIME
         BAL   R14,DADD
         STM   R2,R3,VMVTIME
*  What is left of the slice: what the real timer has left, and more
*  if it was loaded with less than the slice (SLICEBND: up to a timer
*  of the machine's, VTSLICE).
         CLI   SLICEBND,0
         BNE   SAVECX8
         MVC   VMSLICE,CPUTNOW
         B     SAVECX9
SAVECX8  LM    R2,R3,VMSLICE       VMSLICE - SLICEVAL + CPUTNOW
         LM    R4,R5,SLICEVAL
         BAL   R14,DSUB
         LM    R4,R5,CPUTNOW
         BAL   R14,DADD
         STM   R2,R3,VMSLICE
         DROP  R11
SAVECX9  LEAVE SAVECTX
SAVECTXR DS    F
SAVECXB  DS    X
*
***********************************************************************
*  DSUB: R2:R3 = R2:R3 - R4:R5, 64-bit.                               *
*  DADD: R2:R3 = R2:R3 + R4:R5, 64-bit.                               *
*  The S/370 has no 64-bit arithmetic; the low words are subtracted   *
*  (added) as logical numbers and the borrow (carry) is taken from    *
*  the condition code into the high word.                             *
***********************************************************************
DSUB     SLR   R3,R5               low words; CC 2 or 3 = no borrow
         BC    3,DSUB1
         BCTR  R2,0                borrow one from the high word
DSUB1    SR    R2,R4
         BR    R14
DADD     ALR   R3,R5               low words; CC 2 or 3 = carry
         BC    12,DADD1
         AH    R2,=H'1'            carry one into the high word
DADD1    AR    R2,R4
         BR    R14
*
***********************************************************************
*  EXTHNDL: external interruption.  CP asks for two: the CPU timer   *
*  (code X'1005'), loaded with the running machine's slice or up to   *
*  one of its own timers' deadlines (VTSLICE) - if the slice is over  *
*  (VMSLICE zero or less) the dispatcher moves on to the next machine *
*  (round robin), else it presents the timer's interruption; and the  *
*  clock comparator (X'1004'), set to CP's first deadline (DSPWAKE).  *
***********************************************************************
EXTHNDL  CLC   EXTCODE,=X'1004'    clock comparator (DSPWAKE's)?
         BNE   EXTH05
         SCKC  CKCNEVER            once is enough
         BAL   R14,SLICECUT        (a lone machine's long slice ends)
         B     DISPATCH
EXTH05   CLC   EXTCODE,=X'1005'    CPU timer?
         BNE   DISPATCH
         ICM   R1,15,LASTUSER
         BZ    DISPATCH
         LM    R2,R3,VMSLICE-VMBLOK(R1)
         LTR   R2,R2               its slice over?
         BM    EXTH10
         BP    DISPATCH            no: a timer of its own is due
         LTR   R3,R3
         BNZ   DISPATCH
EXTH10   MVI   DSPNEXT,1           rotate to the next machine
         NI    VMFLAGS-VMBLOK(R1),X'FF'-VMFQ1   it is no longer first
         B     DISPATCH              (VMFQ1), as when CP's work for it
*                                    used the slice up (CHARGE)
*
***********************************************************************
*  SVCHNDL: a virtual machine issued SVC.  That is the guest's own    *
*  business: reflect it into the guest exactly as the hardware would  *
*  (old PSW at X'20' with the SVC number, new PSW from X'60').        *
***********************************************************************
SVCHNDL  LTR   R11,R11             (CP issues no SVCs)
         BZ    CPABEND
         ST    R11,CPFOR           CP works for this machine now
         LH    R2,SVCCODE          the SVC number
         SR    R3,R3
         IC    R3,SVCILC           instruction length
         LA    R4,X'20'            SVC old PSW
         BAL   R14,REFLECT
         B     DISPATCH
*
***********************************************************************
*  CPABEND: CP itself failed.  Stop the machine with a disabled wait  *
*  whose instruction address says what happened (the interruption's  *
*  old PSWs and INTREGS tell the rest).                               *
***********************************************************************
CPABEND  MVC   DSABLPSW+4(4),=X'00ABE000'
         LPSW  DSABLPSW
