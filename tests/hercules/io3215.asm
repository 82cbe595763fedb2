*  IO3215 -- channel I/O to the 3215 console at 009 (BC mode): SIO with a CCW
*  chain (data chaining, then command chaining to a no-operation), the I/O
*  interruption (old PSW with the device address as the code, CSW at X'40'),
*  TIO, SIO to a device that does not exist, and SENSE.
*  The text written goes to the console and is not compared; condition codes,
*  the interruption and the CSW are.
*
*  IOH records the I/O old PSW (X'38') and the CSW (X'40') at R10 and resumes
*  at R11, still disabled. Condition codes are stored as words.
*
*  DUMP 800.80
*  DUMP A00.10
IO3215   START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   IO3215+X'68'
         DC    X'0002000000000068'   program new PSW: stop if anything goes wrong
         ORG   IO3215+X'78'
         DC    X'00000000',A(IOH)    I/O new PSW: BC, disabled, key 0
         ORG   IO3215+X'200'
BEGIN    BALR  12,0
         USING *,12
         LA    10,RESULTS
* ---- write 'HELLO, HERCULES' with a CR, then a NOP, by command chaining ---
         MVC   X'48'(4),=A(CHAIN1)   CAW: key 0, first CCW
         SIO   X'009'                cc0: started
         BAL   14,CC
         LA    11,C1
         LPSW  IOWAIT                enabled wait for channel 0
C1       TIO   X'009'                available again: cc0
         BAL   14,CC
* ---- a device that is not there ----------------------------------------------
         SIO   X'00E'                cc3: not operational
         BAL   14,CC
         TIO   X'00E'                cc3
         BAL   14,CC
* ---- SENSE: one byte, all zeros on a healthy console ------------------------
         MVI   SENSE,X'FF'
         MVC   X'48'(4),=A(CHAIN2)
         SIO   X'009'
         BAL   14,CC
         LA    11,C2
         LPSW  IOWAIT
C2       LPSW  DONE
*
*  IOH: record the I/O old PSW and the CSW; resume at R11.
IOH      MVC   0(8,10),X'38'
         NI    4(10),X'3F'           the ILC of an I/O old PSW is unpredictable
         MVC   8(8,10),X'40'
         LA    10,16(,10)
         BR    11
*  CC: store the condition code (from the BAL link information) at R10.
CC       LR    15,14
         SRL   15,28
         N     15,=F'3'
         ST    15,0(,10)
         LA    10,4(,10)
         BR    14
*
         DS    0D
DONE     DC    X'000200000000C0DE'   disabled wait
IOWAIT   DC    X'80020000',A(X'F00') enabled for channel 0, wait
CHAIN1   CCW   X'09',TEXT1,X'80',7   write + CR, data chained (CD)
         CCW   0,TEXT2,X'40',8       the rest of the line, command chained (CC)
         CCW   X'03',0,X'20',1       no-operation (SLI)
CHAIN2   CCW   X'04',SENSE,0,1       sense
TEXT1    DC    C'HELLO, '
TEXT2    DC    C'HERCULES'
         LTORG
         ORG   IO3215+X'800'
RESULTS  DS    16D
         ORG   IO3215+X'A00'
SENSE    DC    X'00'
         END
