*  IOEC -- the I/O interruption in the EC mode: a write to the 3215 console
*  at 009 ends while the PSW's I/O mask (bit 6) is on but CR2's mask for
*  channel 0 is off, so it stays pending; it is taken when CR2 bit 0 comes
*  on, in an enabled wait. The EC-mode I/O old PSW (X'38'), the device
*  address (X'BA'-X'BB') and the CSW (X'40') are recorded.
*
*  IOH records the I/O old PSW, the halfword at X'BA' and the CSW in a
*  slot at R10 and resumes at R11, disabled. Condition codes are words.
*
*  DUMP 800.40
IOEC     START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   IOEC+X'68'
         DC    X'000A000000000068'   program new PSW: stop (EC)
         ORG   IOEC+X'78'
         DC    X'00080000',A(IOH)    I/O new PSW: EC, disabled, key 0
         ORG   IOEC+X'200'
BEGIN    BALR  12,0
         USING *,12
         LA    10,RESULTS
         LCTL  2,2,=X'00000000'      CR2: every channel masked
         LPSW  ECPSW
EC1      MVC   X'48'(4),=A(CHAIN)    CAW: key 0, the CCW
         SIO   X'009'                cc0: started
         BAL   14,CC
         LA    11,BAD
         STOSM DUMMY,X'02'           PSW I/O mask on, CR2 still off:
         LA    1,2000                  the interruption stays pending
SPIN     BCT   1,SPIN
         STNSM DUMMY,X'FD'
         MVC   0(4,10),=C'NONE'
         LA    10,4(,10)
         LCTL  2,2,=X'80000000'      CR2 bit 0: channel 0
         LA    11,C1
         LPSW  IOWAIT                taken in the wait
C1       TIO   X'009'                available: cc0
         BAL   14,CC
         LPSW  DONE
BAD      LPSW  FAIL
*
*  IOH: the I/O old PSW, X'BA' and the CSW; resume at R11.
IOH      MVC   0(8,10),X'38'
         MVC   8(2,10),X'BA'
         MVC   10(2,10),=X'0000'
         MVC   12(8,10),X'40'
         LA    10,20(,10)
         ST    11,RESUME+4
         LPSW  RESUME
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
ECPSW    DC    X'00080000',A(EC1)    EC, disabled
IOWAIT   DC    X'020A0000',A(X'F00') EC, I/O enabled, wait
RESUME   DC    X'00080000',A(0)      filled from R11
CHAIN    CCW   X'09',TEXT,X'20',5    write + CR (SLI)
TEXT     DC    C'IO EC'
DUMMY    DC    X'00'
         LTORG
         ORG   IOEC+X'800'
RESULTS  DS    8D
         END
