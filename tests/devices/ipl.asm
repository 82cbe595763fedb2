* IPL test program, loaded at X'200' by an IPL deck or an IPL record on a
* volume (tests/devices.rs builds both). Saves location 0-7 as the IPL left it
* (the device address in bytes 2-3), checks with TIO that the IPL left no
* interruption pending, sums 1..10, and stops in a disabled wait.
         START X'200'
BEGIN    BALR  12,0
         USING *,12
         MVC   SAVE0,0(0)
         LH    2,2(0,0)
         TIO   0(2)
         BC    8,TIO0
         MVI   TIOCC,X'FF'
         B     SUM
TIO0     MVI   TIOCC,0
SUM      SR    4,4
         LA    5,10
LOOP     AR    4,5
         BCT   5,LOOP
         ST    4,RESULT
         LPSW  DONE
         DS    0D
DONE     DC    X'00020000',X'0000C0DE'
SAVE0    DC    XL8'00'
TIOCC    DC    X'EE'
         DS    0F
RESULT   DC    F'0'
         END
