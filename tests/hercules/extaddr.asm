*  EXTADDR -- what an external interruption stores at X'84'-X'87' (the CPU
*  address at X'84'-X'85', the code at X'86'-X'87') for each condition, in
*  the BC and in the EC mode.
*
*  POO (assigned locations 132-135; emergency signal, external call): the
*  emergency signal and the external call store the address of the CPU
*  that sent them (here 0: SIGP to itself) at X'84'-X'85' in either mode;
*  every other condition stores zeros there in the EC mode and leaves the
*  halfword unchanged in the BC mode. The code goes to X'86'-X'87' in the
*  EC mode only (BC mode: bits 16-31 of the old PSW).
*
*  Before each case X'84'-X'87' is set to X'A5A5A5A5'. EXTH records a
*  16-byte slot: the case name (R9), the word at X'84', the external old
*  PSW with its ILC cleared (unpredictable for an external interruption);
*  it disarms the CPU timer and the clock comparator, turns CR0 off and
*  resumes at R11, disabled, EC mode. Each case waits in an enabled wait
*  of its own address, the old PSW.
*
*  Cases: BC mode: CPU timer, clock comparator, interval timer, interrupt
*  key (pressed at the start, taken here), emergency signal, external call.
*  EC mode: the same without the interrupt key, which is pressed only once
*  (extsig.asm takes it in the EC mode).
*
*  The interval timer runs from power-on: its word is preset in the image
*  and at the start to a large positive value, and a request left from
*  before (on Hercules, depending on host timing) is taken unrecorded, as
*  in itimer.asm. Every timer case then ends an enabled wait, so nothing
*  depends on how fast the host runs: not marked HOST-TIMED.
*
*  Hercules 3.13 zeros X'84'-X'85' in the BC mode for the timers and the
*  key (slots 1-4 read 0000A5A5 there): a named deviation in hercules.rs.
*
*  INTERRUPT KEY
*  DUMP 800.100
EXTADDR  START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   EXTADDR+X'50'
         DC    X'7FFFFF00'           interval timer: far from zero
         ORG   EXTADDR+X'58'
         DC    X'00080000',A(CLRH)   external new PSW: the start-up clearing
         ORG   EXTADDR+X'68'
         DC    X'000A000000000BAD'   program new PSW: stop
         ORG   EXTADDR+X'200'
BEGIN    BALR  12,0
         USING *,12
         LA    10,RESULTS
         SPT   BIG                   CPU timer far away
         SCKC  ONES                  clock comparator never
* ---- start-up: an interval-timer request left from before -------------------
         MVC   X'50'(4),=X'7FFFFF00'
         LCTL  0,0,=X'00000080'      CR0 bit 24 only: the key waits
         LA    11,CLEARED
         STOSM DUMMY,X'01'           a pending request is taken here
         LA    1,100
SPIN0    BCT   1,SPIN0
         STNSM DUMMY,X'FE'
CLEARED  LPSW  ECPSW
EC1      MVC   X'58'(8),EXTNEW       from now on EXTH records
         SR    1,1
         SR    3,3                   CPU address 0: this CPU
* ---- BC mode -----------------------------------------------------------------
         L     9,=C'BCPT'            CPU timer
         LCTL  0,0,=X'00000400'
         SPT   SHORT
         LA    8,BCWAIT1
         BAL   14,GO
         L     9,=C'BCKC'            clock comparator
         LCTL  0,0,=X'00000800'
         STCK  TVAL
         SCKC  TVAL
         LA    8,BCWAIT2
         BAL   14,GO
         L     9,=C'BITM'            interval timer
         LCTL  0,0,=X'00000080'
         MVC   X'50'(4),=X'00000100'
         LA    8,BCWAIT3
         BAL   14,GO
         MVC   X'50'(4),=X'7FFFFF00'
         L     9,=C'BKEY'            interrupt key
         LCTL  0,0,=X'00000040'
         LA    8,BCWAIT4
         BAL   14,GO
         L     9,=C'BEMS'            emergency signal
         LCTL  0,0,=X'00004000'
         SIGP  2,3,X'03'
         LA    8,BCWAIT5
         BAL   14,GO
         L     9,=C'BEXT'            external call
         LCTL  0,0,=X'00002000'
         SIGP  2,3,X'02'
         LA    8,BCWAIT6
         BAL   14,GO
* ---- EC mode -----------------------------------------------------------------
         L     9,=C'ECPT'            CPU timer
         LCTL  0,0,=X'00000400'
         SPT   SHORT
         LA    8,ECWAIT1
         BAL   14,GO
         L     9,=C'ECKC'            clock comparator
         LCTL  0,0,=X'00000800'
         STCK  TVAL
         SCKC  TVAL
         LA    8,ECWAIT2
         BAL   14,GO
         L     9,=C'EITM'            interval timer
         LCTL  0,0,=X'00000080'
         MVC   X'50'(4),=X'00000100'
         LA    8,ECWAIT3
         BAL   14,GO
         MVC   X'50'(4),=X'7FFFFF00'
         L     9,=C'EEMS'            emergency signal
         LCTL  0,0,=X'00004000'
         SIGP  2,3,X'03'
         LA    8,ECWAIT5
         BAL   14,GO
         L     9,=C'EEXT'            external call
         LCTL  0,0,=X'00002000'
         SIGP  2,3,X'02'
         LA    8,ECWAIT6
         BAL   14,GO
         LPSW  DONE
*
*  GO: preset X'84'-X'87', then the enabled wait whose PSW R8 addresses;
*  EXTH resumes at the return address (R14 without its BAL bits).
GO       MVC   X'84'(4),=X'A5A5A5A5'
         LA    11,0(,14)
         LPSW  0(8)
*
*  EXTH: record the case, the word at X'84' and the old PSW; disarm; resume.
EXTH     ST    9,0(,10)
         MVC   4(4,10),X'84'
         MVC   8(8,10),X'18'
         NI    12(10),X'3F'          the ILC of an external old PSW
         LA    10,16(,10)
         SPT   BIG
         SCKC  ONES
         LCTL  0,0,=X'00000000'
         ST    11,RESUME+4
         LPSW  RESUME
*  CLRH: the start-up request, if any: not recorded.
CLRH     ST    11,RESUME+4
         LPSW  RESUME
*
         DS    0D
DONE     DC    X'000A00000000C0DE'   EC disabled wait
ECPSW    DC    X'00080000',A(EC1)
RESUME   DC    X'00080000',A(0)      filled from R11
EXTNEW   DC    X'00080000',A(EXTH)   EC, disabled
BCWAIT1  DC    X'01020000',A(X'F10') BC mode, external mask, wait
BCWAIT2  DC    X'01020000',A(X'F12')
BCWAIT3  DC    X'01020000',A(X'F14')
BCWAIT4  DC    X'01020000',A(X'F16')
BCWAIT5  DC    X'01020000',A(X'F18')
BCWAIT6  DC    X'01020000',A(X'F1A')
ECWAIT1  DC    X'010A0000',A(X'F20') EC mode, external mask, wait
ECWAIT2  DC    X'010A0000',A(X'F22')
ECWAIT3  DC    X'010A0000',A(X'F24')
ECWAIT5  DC    X'010A0000',A(X'F28')
ECWAIT6  DC    X'010A0000',A(X'F2A')
SHORT    DC    X'0000000000010000'   16 microseconds
BIG      DC    X'7FFFFFFFFFFFFFFF'
ONES     DC    X'FFFFFFFFFFFFFFFF'
TVAL     DC    XL8'00'
DUMMY    DC    X'00'
         LTORG
         ORG   EXTADDR+X'800'
RESULTS  DS    16D
         END
