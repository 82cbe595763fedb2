*  TIMER -- the CPU timer and the clock comparator (EC mode).
*
*  Timing differs between machines, so only architected results are kept:
*  which interruptions happen, in which order, their codes (X'84'), and the
*  external old PSW, which is the enabled wait PSW each case waits in (its
*  address tells which wait was interrupted). No clock or timer values.
*  CR0 bit 20 enables the clock comparator, bit 21 the CPU timer; the
*  interval timer (bit 24) stays off.
*
*  EXTH records the external old PSW (X'18') and the word at X'84', disarms the
*  source (CPU timer: a large positive value; clock comparator: all ones) and
*  resumes at R11 with external interruptions disabled.
*
*  DUMP 800.80
TIMER    START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   TIMER+X'58'
         DC    X'00080000',A(EXTH)   external new PSW: EC, disabled, key 0
         ORG   TIMER+X'68'
         DC    X'0002000000000068'   program new PSW: stop if anything goes wrong
         ORG   TIMER+X'200'
BEGIN    BALR  12,0
         USING *,12
         LA    10,RESULTS
         LCTL  0,0,=X'00000000'      no external subclass enabled
         SPT   BIG                   CPU timer far away
         SCKC  ONES                  clock comparator never
         LPSW  ECPSW
EC1      DS    0H
* ---- CPU timer: 16 microseconds, then wait for it -------------------------------
         LCTL  0,0,=X'00000400'      CR0 bit 21: CPU timer
         SPT   SHORT
         LA    11,C1
         LPSW  WAIT1                 enabled wait at W1
W1       EQU   X'F00'
C1       STPT  TVAL                  EXTH re-armed the timer with a large
         TM    TVAL,X'80'            positive value: sign bit off, cc0
         BAL   14,CC
* ---- clock comparator: set it to "now", then wait -----------------------------
         LCTL  0,0,=X'00000800'      CR0 bit 20: clock comparator
         STCK  TVAL
         SCKC  TVAL                  TOD > CKC from the next tick on
         LA    11,C2
         LPSW  WAIT2
W2       EQU   X'F02'
C2       DS    0H
* ---- both pending at once: the clock comparator comes first ---------------------
         LCTL  0,0,=X'00000C00'
         SPT   ZERO8                 CPU timer at zero: negative at once
         STCK  TVAL
         SCKC  TVAL
         STCK  TVAL                  make sure the TOD clock has passed it
         LA    11,C3
         LPSW  WAIT3                 first interruption
C3       LA    11,C4
         LPSW  WAIT4                 second interruption
C4       DS    0H
* ---- masked: pending CPU timer with CR0 bit 21 off: no interruption --------
         LCTL  0,0,=X'00000000'
         SPT   ZERO8
         LA    11,BAD
         STOSM DUMMY,X'01'           enabled for external interruptions
         LA    1,100
SPIN     BCT   1,SPIN                nothing may happen here
         STNSM DUMMY,X'FE'
         MVC   0(4,10),=C'NONE'
         LA    10,4(,10)
         LPSW  DONE
BAD      LPSW  FAIL
*
*  EXTH: record the external old PSW and the code word at X'84'; disarm the
*  source that interrupted; resume at R11.
EXTH     MVC   0(8,10),X'18'
         MVC   8(4,10),X'84'
         LA    10,12(,10)
         CLC   X'86'(2),=X'1004'
         BNE   EXTH2
         SCKC  ONES                  clock comparator: never again
EXTH2    CLC   X'86'(2),=X'1005'
         BNE   EXTH3
         SPT   BIG                   CPU timer: far away
EXTH3    ST    11,RESUME+4
         LPSW  RESUME
*
*  CC: store the condition code (from the BAL link information) at R10.
CC       LR    15,14
         SRL   15,28
         N     15,=F'3'
         ST    15,0(,10)
         LA    10,4(,10)
         BR    14
*
         DS    0D
DONE     DC    X'000A00000000C0DE'   EC disabled wait
FAIL     DC    X'000A000000000BAD'
ECPSW    DC    X'00080000',A(EC1)
WAIT1    DC    X'010A0000',A(W1)     EC, external enabled, wait
WAIT2    DC    X'010A0000',A(W2)
WAIT3    DC    X'010A0000',A(X'F04')
WAIT4    DC    X'010A0000',A(X'F06')
RESUME   DC    X'00080000',A(0)      filled from R11 below
SHORT    DC    X'0000000000010000'   16 microseconds
BIG      DC    X'7FFFFFFFFFFFFFFF'
ONES     DC    X'FFFFFFFFFFFFFFFF'
ZERO8    DC    X'0000000000000000'
TVAL     DC    XL8'00'
DUMMY    DC    X'00'
         LTORG
         ORG   TIMER+X'800'
RESULTS  DS    16D
         END
