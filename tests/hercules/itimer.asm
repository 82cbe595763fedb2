*  ITIMER -- the interval timer at location 80 (X'50').
*
*  A signed word that the machine decrements (bit 23 every 1/300 s, or the
*  same rate in finer bits); when it goes from positive or zero to negative an
*  external interruption with code X'0080' is requested, and stays pending
*  until taken. CR0 bit 24 is its subclass mask. Timing differs between
*  machines, so only architected results are kept: which interruptions
*  happen, in which order, their codes and old PSWs, and the sign of the
*  timer; never its value.
*
*  The timer runs from power-on, and the initial CR0 (X'000000E0') has bit 24
*  on, so a request may already be pending when the program starts (on
*  Hercules, depending on host timing). The program first stores a large
*  positive value and takes that request, if any, without recording it.
*
*  EXTH records the external old PSW (X'18') and the word at X'84', disarms
*  the CPU timer if that was the source, and resumes at R11 disabled.
*
*  Cases: the timer runs out in an enabled wait (EC); while CR0 bit 24 is
*  off the request waits, and LCTL of bit 24 lets it in right after the LCTL;
*  with the CPU timer pending too, the CPU timer comes first; a negative value
*  makes no request; the same wait in BC mode (code in the old PSW); the
*  timer keeps counting down (two reads around a wait for it).
*
*  DUMP 800.100
*  HOST-TIMED
ITIMER   START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   ITIMER+X'58'
         DC    X'00080000',A(CLRH)   external new PSW: the start-up clearing
         ORG   ITIMER+X'68'
         DC    X'0002000000000068'   program new PSW: stop if anything goes wrong
         ORG   ITIMER+X'200'
BEGIN    BALR  12,0
         USING *,12
         LA    10,RESULTS
         SPT   BIG                   CPU timer far away
         SCKC  ONES                  clock comparator never
* ---- start-up: make the timer positive, take a request left from before -----
         MVC   X'50'(4),=X'7FFFFF00'
         LCTL  0,0,=X'00000080'      CR0 bit 24: the interval timer only
         LA    11,CLEARED
         STOSM DUMMY,X'01'           a pending request is taken here
         LA    1,100
SPIN0    BCT   1,SPIN0
         STNSM DUMMY,X'FE'
CLEARED  MVC   X'5C'(4),=A(EXTH)     from now on EXTH records
         LPSW  ECPSW
EC1      DS    0H
* ---- 1: the timer runs out during an enabled wait ---------------------------
         MVC   X'50'(4),=X'00000300' three 1/300-s steps
         LA    11,C1
         LPSW  WAIT1                 enabled wait at X'F00'
C1       TM    X'50',X'80'           negative now: cc 1 (mixed)... or 3
         BAL   14,NEG
* ---- 2: masked by CR0 bit 24: the request waits for the mask ----------------
         LCTL  0,0,=X'00000000'
         MVC   X'50'(4),=X'00000000' negative at the next step
         LA    11,BAD
         STOSM DUMMY,X'01'
         L     1,=F'200000'
SPIN2    BCT   1,SPIN2               the request arrives here, masked
         LA    11,C2
         LCTL  0,0,=X'00000080'      taken right after this LCTL
C2       STNSM DUMMY,X'FE'
* ---- 3: CPU timer and interval timer both pending: CPU timer first ----------
         LCTL  0,0,=X'00000000'
         MVC   X'50'(4),=X'00000000'
         SPT   ZERO8                 CPU timer negative at once
         L     1,=F'200000'
SPIN3    BCT   1,SPIN3               interval timer request pending too
         LCTL  0,0,=X'00000480'      CR0 bits 21 and 24
         LA    11,C3
         LPSW  WAIT3                 the first interruption
C3       LA    11,C4
         LPSW  WAIT4                 the second one
C4       DS    0H
* ---- 4: a negative value requests nothing -----------------------------------
         MVC   X'50'(4),=X'FFFFFF00'
         LA    11,BAD
         STOSM DUMMY,X'01'
         L     1,=F'200000'
SPIN4    BCT   1,SPIN4
         STNSM DUMMY,X'FE'
         MVC   0(4,10),=C'NONE'
         LA    10,4(,10)
* ---- 5: BC mode: the code X'0080' is in the old PSW ---------------------------
         MVC   X'58'(8),BCEXT        external new PSW: BC mode, EXTB
         MVC   X'50'(4),=X'00000100'
         LA    11,C5
         LPSW  WAIT5                 BC enabled wait at X'F08'
C5       DS    0H
* ---- 6: the timer counts down: two reads around a wait for it ----------------
         MVC   X'50'(4),=X'01000000' positive, far from zero
         L     2,X'50'
         SPT   SHORT                 1/100 s
         LCTL  0,0,=X'00000400'      CPU timer only
         MVC   X'58'(8),ECEXT
         LA    11,C6
         LPSW  WAIT6
C6       L     3,X'50'
         CLR   3,2                   lower now: cc 1
         BAL   14,CC
         SR    2,2                   (the values themselves depend on timing)
         SR    3,3
         LPSW  DONE
BAD      LPSW  FAIL
*
*  EXTH: record the external old PSW and the code word at X'84'; disarm the
*  CPU timer if it interrupted; resume at R11, disabled, EC mode.
EXTH     MVC   0(8,10),X'18'
         MVC   8(4,10),X'84'
         LA    10,12(,10)
         CLC   X'86'(2),=X'1005'
         BNE   EXTH2
         SPT   BIG
EXTH2    ST    11,RESUME+4
         LPSW  RESUME
*  EXTB: the same in BC mode (the code is in the old PSW).
EXTB     MVC   0(8,10),X'18'
         NI    4(10),X'3F'           the ILC of an external old PSW is
         LA    10,8(,10)             unpredictable: cleared
         ST    11,RESUME+4
         LPSW  RESUME
*  CLRH: the start-up request, if any: not recorded.
CLRH     ST    11,RESUME+4
         LPSW  RESUME
*
*  NEG: store 1 if the timer was negative (cc 1 or 3 from TM X'50',X'80').
NEG      LA    15,0
         BC    5,NEG1
         B     NEG2
NEG1     LA    15,1
NEG2     ST    15,0(,10)
         LA    10,4(,10)
         BR    14
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
WAIT1    DC    X'010A0000',A(X'F00')
WAIT3    DC    X'010A0000',A(X'F04')
WAIT4    DC    X'010A0000',A(X'F06')
WAIT5    DC    X'01020000',A(X'F08') BC mode, external mask, wait
WAIT6    DC    X'010A0000',A(X'F0A')
RESUME   DC    X'00080000',A(0)
BCEXT    DC    X'00000000',A(EXTB)
ECEXT    DC    X'00080000',A(EXTH)
SHORT    DC    X'0000000002710000'   10,000 microseconds
BIG      DC    X'7FFFFFFFFFFFFFFF'
ONES     DC    X'FFFFFFFFFFFFFFFF'
ZERO8    DC    X'0000000000000000'
DUMMY    DC    X'00'
         LTORG
         ORG   ITIMER+X'800'
RESULTS  DS    32D
         END
