***********************************************************************
*  PRIVSIM: privileged instructions an operating system in a virtual  *
*  machine uses that CMS does not (DMKPRW; issue 12, "Equivalence").  *
*  Each is emulated as the Principles of Operation define it for a    *
*  System/370 with one CPU, whose address is 0:                       *
*                                                                     *
*   SIGP R1,R3,D2(B2)  SIGNAL PROCESSOR: the CPU address is bits      *
*          16-31 of R3, the order bits 24-31 of the second-operand    *
*          address.  Any CPU address but 0 is not in the configur-    *
*          ation: CC 3, R1 unchanged.  To itself: sense (X'01') is    *
*          accepted, CC 0; an order code that is not assigned (X'00', *
*          X'0D'-X'FF') is answered with CC 1 and the invalid-order   *
*          status (X'00000002') in R1.  The other orders (external    *
*          call, emergency signal, start, stop, restart, the resets)  *
*          are not emulated yet: CC 2 (busy), which a real CPU may    *
*          give any time and a program must retry.                    *
*   STAP D2(B2)  STORE CPU ADDRESS: halfword 0; the operand on a      *
*          halfword boundary (else specification).                    *
*   RRB D2(B2)   RESET REFERENCE BIT: the guest real address names a  *
*          real frame (GTRANS); the real RRB on it gives the CC.      *
*   B2xx  any other: an operation exception, as a machine without     *
*          the instruction gives (the list is in the README).         *
*                                                                     *
*  And PRWMC, for a monitor event: the class and code the CPU stored  *
*  in CP's page 0 go to the guest's.                                  *
*                                                                     *
*  A module: its own CSECT, R13 its base (ENTER).                     *
***********************************************************************
DMKPRW   CSECT
         USING DMKPRW,R13          the module's base (ENTER sets it)
*
***********************************************************************
*  PRVMORE: emulate the trapped instruction in VMINST (SIGP or B2xx). *
*  In: R11 = VMBLOK.  Out: R15 = 0 done (the virtual PSW updated),    *
*  1 or 2 a guest address as GTRANS answers, 6 a specification        *
*  exception, 9 not emulated.  Uses R0-R7, R15.                       *
***********************************************************************
PRVMORE  ENTER
         USING VMBLOK,R11
         CLI   VMINST,X'AE'
         BE    PWSIGP
         CLI   VMINST+1,X'12'      STAP
         BE    PWSTAP
         CLI   VMINST+1,X'13'      RRB
         BE    PWRRB
         LA    R15,9               not emulated
         B     PWOUT
PWDONE   SR    R15,R15
PWOUT    LEAVE PRVMORE
*
*  SIGP.
PWSIGP   SR    R6,R6               R6 = 4 * R1, R7 = 4 * R3
         IC    R6,VMINST+1
         LR    R7,R6
         SRL   R6,4
         SLL   R6,2
         N     R7,=F'15'
         SLL   R7,2
         LH    R1,VMINST+2         the order
         BAL   R14,OPADDR
         N     R1,=F'255'
         L     R0,VMGPRS(R7)       the CPU address
         N     R0,=X'0000FFFF'
         BZ    PWS10
         LA    R0,3                no such CPU
         B     PWSCC
PWS10    LA    R0,0                sense: accepted
         CH    R1,=H'1'
         BE    PWSCC
         LA    R0,2                an assigned order: busy
         LTR   R1,R1
         BZ    PWS20
         CH    R1,=H'12'
         BNH   PWSCC
PWS20    LA    R0,2                unassigned: invalid order
         ST    R0,VMGPRS(R6)
         LA    R0,1
PWSCC    BAL   R14,SETCC
         B     PWDONE
*
*  STAP.
PWSTAP   LH    R1,VMINST+2
         BAL   R14,OPADDR
         LR    R2,R1
         LA    R15,6
         N     R1,=F'1'
         BNZ   PWOUT
         LA    R3,PWZERO
         LA    R4,2
         BAL   R14,GCOPYOUT
         BNZ   PWOUT
         B     PWDONE
*
*  RRB.
PWRRB    LH    R1,VMINST+2
         BAL   R14,OPADDR
         LR    R2,R1
         BAL   R14,GTRANS
         BNZ   PWOUT
         RRB   0(R2)
         IPM   R0                  the CC, bits 2-3
         SRL   R0,28
         N     R0,=F'3'
         BAL   R14,SETCC
         B     PWDONE
PRVMORER DS    F
PRVMOREB DS    F
PWZERO   DC    H'0'
*
***********************************************************************
*  PRWMC: a monitor event in a virtual machine: the monitor class     *
*  (X'94'-X'95') and monitor code (X'9C'-X'9F') the CPU stored in     *
*  CP's page 0 are copied to the guest's, before the program          *
*  interruption is reflected.  In: R11 = VMBLOK.  R2 and R3 kept.     *
*  Uses R0, R1, R4, R5, R15.                                          *
***********************************************************************
PRWMC    ENTER
         STM   R2,R3,PWMCSAVE
         MVC   PWMCCLS,X'94'
         MVC   PWMCCOD,X'9C'
         LA    R2,X'94'
         LA    R3,PWMCCLS
         LA    R4,2
         BAL   R14,GCOPYOUT
         BNZ   PWMC10
         LA    R2,X'9C'
         LA    R3,PWMCCOD
         LA    R4,4
         BAL   R14,GCOPYOUT
PWMC10   LM    R2,R3,PWMCSAVE      (a page 0 without a frame: the
         LEAVE PRWMC                 reflection will say so)
PRWMCR   DS    F
PRWMCB   DS    F
PWMCSAVE DS    2F
PWMCCLS  DS    H
PWMCCOD  DS    F
         DROP  R11
         LTORG                     the module's literals
