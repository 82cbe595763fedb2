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
*          answered as the bare machine (src/cpu/exec_control.rs,     *
*          Hercules) answers: sense CC 0, or CC 1 with status X'80'   *
*          while an external call is pending; external call makes one *
*          pending (CC 0; one already pending: CC 1, X'80');          *
*          emergency signal makes one pending (CC 0); start CC 0;     *
*          set prefix and store status CC 1, incorrect state          *
*          (X'00000200': the CPU is not stopped); every other order   *
*          CC 1, invalid order (X'00000002').  The status replaces R1.*
*          The interruptions are presented by VTPEND (vtimer.asm).    *
*   STAP D2(B2)  STORE CPU ADDRESS: halfword 0; the operand on a      *
*          halfword boundary (else specification).                    *
*   RRB D2(B2)   RESET REFERENCE BIT: the guest real address names a  *
*          real frame (GTRANS); the real RRB on it gives the CC.      *
*   SPT STPT SCKC STCKC D2(B2)  the machine's own CPU timer and      *
*          clock comparator (vtimer.asm); the operand on a double-    *
*          word boundary (else specification).                        *
*   IPK    bits 24-27 of R2 become the PSW key, bits 28-31 zero.      *
*   SPKA D2(B2)  bits 24-27 of the second-operand address become the  *
*          PSW key.                                                   *
*   STPX D2(B2)  the prefix (VMPFX); the operand on a word boundary. *
*   SPX D2(B2)   a new prefix: bits 8-19 of the word; its page beyond *
*          the machine's storage is an addressing exception.  CP      *
*          exchanges the machine's pages 0 and P (prefix.asm).        *
*   ISKE R1,R2 / SSKE R1,R2 / RRBE R1,R2 (B229, B22B, B22A): the     *
*          storage key of the 4K block whose guest real address is in *
*          R2 (bits 1-19; beyond 24 bits or the machine's storage: an *
*          addressing exception).  The block is a frame of CP's, and  *
*          like the bare machine's a double-key block: its two 2K     *
*          halves have a key each (as SSK and ISK see them).  SSKE    *
*          sets both from R1 bits 24-30; ISKE gives both ORed in R1   *
*          bits 24-30 (bit 31 zero, bits 0-23 unchanged); RRBE resets *
*          both reference bits, the CC from both ORed (R and C).      *
*   B2xx  any other, and E5xx and MVCK: DMKPRX (privext.asm), which   *
*          emulates them or gives the exception the POO gives, else   *
*          an operation exception (the list is in the README).        *
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
*  exception, 9 not emulated, 10 the program interruption whose code  *
*  is in R2 (protection: a store below 512 under low-address          *
*  protection).  Uses R0-R7, R15.                                     *
***********************************************************************
PRVMORE  ENTER
         USING VMBLOK,R11
         CLI   VMINST,X'AE'
         BE    PWSIGP
         CLI   VMINST,X'B2'        (E5xx, MVCK: DMKPRX)
         BNE   PWNOT
         CLI   VMINST+1,X'12'      STAP
         BE    PWSTAP
         CLI   VMINST+1,X'13'      RRB
         BE    PWRRB
         CLI   VMINST+1,X'0B'      IPK
         BE    PWIPK
         CLI   VMINST+1,X'0A'      SPKA
         BE    PWSPKA
         CLI   VMINST+1,X'29'      ISKE, RRBE, SSKE
         BL    PW05
         CLI   VMINST+1,X'2B'
         BNH   PWKEYE
PW05     DS    0H
         LA    R6,PWTIMTAB         SPT, STPT, SCKC, STCKC, SPX, STPX
PW10     CLI   0(R6),X'FF'
         BE    PWNOT
         CLC   0(1,R6),VMINST+1
         BE    PWMOVE
         LA    R6,8(R6)
         B     PW10
PWNOT    CALL  PRXMORE             the rest: DMKPRX (privext.asm)
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
PWS10    SR    R0,R0               the status, 0 for none
         CH    R1,=H'1'            sense
         BNE   PWS12
         TM    VMEXTP,VMXEXC
         BZ    PWS30
         LA    R0,X'80'            an external call pending
         B     PWS30
PWS12    BAL   R14,PWVTON          (the signals are kept with them)
         CH    R1,=H'2'            external call
         BNE   PWS14
         LA    R0,X'80'
         TM    VMEXTP,VMXEXC       (one is pending already)
         BO    PWS30
         OI    VMEXTP,VMXEXC
         SR    R0,R0
         B     PWS30
PWS14    CH    R1,=H'3'            emergency signal
         BNE   PWS16
         OI    VMEXTP,VMXEMS
         B     PWS30
PWS16    CH    R1,=H'4'            start
         BE    PWS30
         LA    R0,X'200'           set prefix, store status: incorrect
         CH    R1,=H'13'             state
         BE    PWS30
         CH    R1,=H'14'
         BE    PWS30
         LA    R0,2                the rest: invalid order
PWS30    LTR   R0,R0               a status: CC 1 and R1
         BZ    PWSCC
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
         CALL  PRXSTCK             (protection: key, low address)
         BNZ   PWPROT
         LA    R3,PWZERO
         LA    R4,2
         BAL   R14,GCOPYVO
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
         CALL  PGRRB               R and C CP took from the real key
         SRL   R1,1                  (pagekey.asm): X'04' X'02' -> CC
         OR    R0,R1
         BAL   R14,SETCC
         B     PWDONE
*
*  IPK: the PSW key into bits 24-27 of R2.
PWIPK    IC    R0,VMPSW+1
         N     R0,=F'240'
         STC   R0,VMGPRS+11
         B     PWDONE
*
*  SPKA: the PSW key from bits 24-27 of the operand address.
PWSPKA   LH    R1,VMINST+2
         BAL   R14,OPADDR
         N     R1,=F'240'
         IC    R0,VMPSW+1
         N     R0,=F'15'
         OR    R0,R1
         STC   R0,VMPSW+1
         B     PWDONE
*
*  ISKE, RRBE, SSKE (RRE: R1 and R2 in byte 3) on a 4K block's two
*  keys.  R5 = 4 * R1, R2 = the block's real address, R3 its second
*  half.
PWKEYE   SR    R5,R5
         IC    R5,VMINST+3
         LR    R2,R5
         SRL   R5,4                R1 * 4
         SLL   R5,2
         N     R2,=F'15'           R2 * 4
         SLL   R2,2
         L     R2,VMGPRS(R2)
         N     R2,=X'7FFFF000'     bits 1-19: the block
         LA    R15,1               beyond 24 bits: addressing
         C     R2,=X'00FFFFFF'
         BH    PWOUT
         BAL   R14,GTRANS          the frame (or R15 1 or 2)
         BNZ   PWOUT
         LA    R3,2048(R2)         its second half
         CLI   VMINST+1,X'2B'
         BE    PWSSKE
         SR    R0,R0               both keys, ORed (F, R, C too:
         ISK   R0,R2                 CP runs in EC mode)
         SR    R1,R1
         ISK   R1,R3
         OR    R0,R1
         CALL  PGRC                and the R and C CP's clock took
         OR    R0,R1                 from either half (pagekey.asm)
         ST    R2,PWKEYR2
         LR    R2,R3
         CALL  PGRC
         OR    R0,R1
         L     R2,PWKEYR2
         N     R0,=F'254'
         CLI   VMINST+1,X'2A'
         BE    PWRRBE
         STC   R0,VMGPRS+3(R5)     ISKE: into R1 bits 24-31
         B     PWDONE
PWRRBE   RRB   0(R2)               both reference bits off, the kept
         RRB   0(R3)                 ones too
         CALL  PGRRB
         LR    R2,R3
         CALL  PGRRB
         SRL   R0,1                the CC: R and C of both
         N     R0,=F'3'
         BAL   R14,SETCC
         B     PWDONE
PWSSKE   L     R0,VMGPRS(R5)       both keys from R1 bits 24-30
         SSK   R0,R2
         SSK   R0,R3
         CALL  PGSSK               the kept R and C go, both halves
         LR    R2,R3
         CALL  PGSSK
         B     PWDONE
PWKEYR2  DS    F
*
*  The instructions that move a field of the VMBLOK to or from the
*  operand.  PWTIMTAB: the second opcode byte, the direction (0 from
*  the guest, 1 to it), the length (the operand's alignment), and the
*  field's offset in the VMBLOK.
PWMOVE   BAL   R14,PWVTON          the timers are in use now
         LH    R1,VMINST+2
         BAL   R14,OPADDR
         LR    R2,R1
         SR    R4,R4               its length
         IC    R4,2(R6)
         LR    R0,R4               on a boundary of that length?
         BCTR  R0,0
         NR    R1,R0
         LA    R15,6
         BNZ   PWOUT
         LH    R3,4(R6)            the field
         AR    R3,R11
         CLI   VMINST+1,X'10'      SPX and STPX: PWPFX (STPX: the
         BL    PWM05                 prefix)
         MVC   PWPFX,VMPFX
         LA    R3,PWPFX
PWM05    CLI   1(R6),0
         BNE   PWM10
         CALL  PRXFTCK             from the guest (fetch protection)
         BNZ   PWPROT
         BAL   R14,GCOPYVI
         BNZ   PWOUT
         CLI   VMINST+1,X'08'      SPT: it counts from now
         BNE   PWM08
         STCK  VMVCTOD
PWM08    CLI   VMINST+1,X'10'      SPX: the new prefix (prefix.asm:
         BNE   PWDONE                R15 1 is addressing, its page
         L     R0,PWPFX              beyond the storage)
         CALL  PFXSET
         LTR   R15,R15
         BNZ   PWOUT
         B     PWDONE
PWM10    CALL  PRXSTCK             to the guest (protection: key,
         BNZ   PWPROT                low address)
         BAL   R14,GCOPYVO
         BNZ   PWOUT
         B     PWDONE
PWPROT   LA    R2,4                protection (answer 10: the code
         LA    R15,10                in R2, as DMKPRX's)
         B     PWOUT
PWTIMTAB DC    X'08',AL1(0,8,0),AL2(VMVCPUT-VMBLOK,0)   SPT
         DC    X'09',AL1(1,8,0),AL2(VMVCPUT-VMBLOK,0)   STPT
         DC    X'06',AL1(0,8,0),AL2(VMVCKC-VMBLOK,0)    SCKC
         DC    X'07',AL1(1,8,0),AL2(VMVCKC-VMBLOK,0)    STCKC
         DC    X'10',AL1(0,4,0),AL2(0,0)                 SPX
         DC    X'11',AL1(1,4,0),AL2(0,0)                 STPX
         DC    X'FF'
*
*  PWVTON: the machine uses its timers or external signals from now
*  on (VMFVTIM): the dispatcher keeps them; its CPU timer counts from
*  now.  Uses nothing.
PWVTON   TM    VMFLAGS,VMFVTIM
         BOR   R14
         OI    VMFLAGS,VMFVTIM
         STCK  VMVCTOD
         BR    R14
PRVMORER DS    F
PRVMOREB DS    F
PWPFX    DS    F
PWZERO   DC    F'0'
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
