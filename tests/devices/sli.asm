* SLI is judged per CCW: a short read whose incorrect length SLI suppresses must not
* make the NEXT command (reached by command chaining) end with incorrect length.
* Drives a 3330 at 190 (the fresh volume: R0, IPL1, IPL2 and VOL1 on cylinder 0
* head 0) and logs, for every channel program, the CSW it ended with and the SIO
* condition code (16 bytes a program, from LOG). Data read goes to BUF.
* Runs the same on cpcms and Hercules; tests/devices.rs compares them.
         START 0
         DC    X'00000000',A(BEGIN)
         ORG   *+X'1F8'
BEGIN    BALR  12,0
         USING *,12
         LA    9,LOG
         LA    2,X'190'
* A: search ID R0, read R0 short with SLI, then read count (R1)
         LA    3,CHA
         BAL   14,DOIO
* B: as A, then search ID R1 (status modifier) and read its data
         LA    3,CHB
         BAL   14,DOIO
* C: read R0 with SLI and a count longer than R0, then read count
         LA    3,CHC
         BAL   14,DOIO
* D: read R0 short without SLI: incorrect length, the chain stops there
         LA    3,CHD
         BAL   14,DOIO
* E: read count short with SLI, then read data (R1)
         LA    3,CHE
         BAL   14,DOIO
* F: read data short with SLI, then read count (R2)
         LA    3,CHF
         BAL   14,DOIO
* G: read R0 short with SLI, then read count short without SLI: incorrect length
         LA    3,CHG
         BAL   14,DOIO
         LPSW  DONE
* DOIO: R2 device, R3 channel program; logs CSW (8 bytes) and SIO cc (byte 8)
DOIO     ST    3,X'48'
         SIO   0(2)
         BC    8,SIO0
         BC    4,SIO1
         BC    2,SIO2
         MVI   8(9),3
         B     NEXT
SIO2     MVI   8(9),2
         B     NEXT
SIO1     MVI   8(9),1
         MVC   0(8,9),X'40'
         B     NEXT
SIO0     MVI   8(9),0
POLL     TIO   0(2)
         BC    2,POLL
         BC    4,GOT
         MVI   9(9),X'EE'
         B     NEXT
GOT      MVC   0(8,9),X'40'
NEXT     LA    9,16(9)
         BR    14
         DS    0D
DONE     DC    X'00020000',X'0000C0DE'
* ---- channel programs ----
CHA      CCW   X'07',SK00,X'40',6
         CCW   X'31',ID0,X'40',5
         CCW   X'08',*-8,0,0
         CCW   X'16',BUFA,X'60',6
         CCW   X'12',BUFA+8,X'00',8
CHB      CCW   X'07',SK00,X'40',6
         CCW   X'31',ID0,X'40',5
         CCW   X'08',*-8,0,0
         CCW   X'16',BUFB,X'60',6
         CCW   X'31',ID1,X'40',5
         CCW   X'08',*-8,0,0
         CCW   X'06',BUFB+8,X'00',24
CHC      CCW   X'07',SK00,X'40',6
         CCW   X'31',ID0,X'40',5
         CCW   X'08',*-8,0,0
         CCW   X'16',BUFC,X'60',20
         CCW   X'12',BUFC+24,X'00',8
CHD      CCW   X'07',SK00,X'40',6
         CCW   X'31',ID0,X'40',5
         CCW   X'08',*-8,0,0
         CCW   X'16',BUFD,X'40',6
         CCW   X'12',BUFD+8,X'00',8
CHE      CCW   X'07',SK00,X'40',6
         CCW   X'12',BUFE,X'60',4
         CCW   X'06',BUFE+8,X'00',24
CHF      CCW   X'07',SK00,X'40',6
         CCW   X'31',ID1,X'40',5
         CCW   X'08',*-8,0,0
         CCW   X'06',BUFF,X'60',10
         CCW   X'12',BUFF+16,X'00',8
CHG      CCW   X'07',SK00,X'40',6
         CCW   X'31',ID0,X'40',5
         CCW   X'08',*-8,0,0
         CCW   X'16',BUFG,X'60',6
         CCW   X'12',BUFG+8,X'00',4
* ---- arguments ----
SK00     DC    X'000000000000'
ID0      DC    X'0000000000'
ID1      DC    X'0000000001'
* ---- results ----
         ORG   BEGIN+X'800'
BUFA     DC    XL16'00'
BUFB     DC    XL32'00'
BUFC     DC    XL32'00'
BUFD     DC    XL16'00'
BUFE     DC    XL32'00'
BUFF     DC    XL32'00'
BUFG     DC    XL16'00'
         ORG   BEGIN+X'1000'
LOG      DC    XL128'00'
         END
