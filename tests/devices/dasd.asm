* DASD test program: drives a 3330 at 190 with CCW chains and logs, for every
* channel program, the CSW it ended with and the SIO condition code (16 bytes a
* program, from LOG). Sense bytes and data read go to the areas below LOG.
* Runs the same on cpcms and Hercules; tests/devices.rs compares them.
         START 0
         DC    X'00000000',A(BEGIN)
         ORG   *+X'1F8'
BEGIN    BALR  12,0
         USING *,12
         LA    9,LOG
         LA    2,X'190'
* A: format R1-R3 on cylinder 1 head 0, and R1 on head 2
         LA    3,CHA
         BAL   14,DOIO
         LA    3,CHA2
         BAL   14,DOIO
* B: search ID equal R2, read its data
         LA    3,CHB
         BAL   14,DOIO
* C: read count four times (wraps round the track to R1)
         LA    3,CHC
         BAL   14,DOIO
* D: search for a record that is not there: no record found; sense
         LA    3,CHD
         BAL   14,DOIO
         LA    3,SNS1
         BAL   14,DOIO
* E: read R0, F: read home address
         LA    3,CHE
         BAL   14,DOIO
         LA    3,CHF
         BAL   14,DOIO
* G: search key equal, read data
         LA    3,CHG
         BAL   14,DOIO
* H: write data of R1, read key and data back
         LA    3,CHH
         BAL   14,DOIO
         LA    3,CHH2
         BAL   14,DOIO
* I: read data of R3 (data length 0): unit exception
         LA    3,CHI
         BAL   14,DOIO
* J: seek beyond the volume: command reject; sense
         LA    3,CHJ
         BAL   14,DOIO
         LA    3,SNS2
         BAL   14,DOIO
* K: file mask inhibits writes: write data is rejected; sense
         LA    3,CHK
         BAL   14,DOIO
         LA    3,SNS3
         BAL   14,DOIO
* L: file mask inhibits seeks: file protected; sense
         LA    3,CHL
         BAL   14,DOIO
         LA    3,SNS4
         BAL   14,DOIO
* M: multi-track read from the last head: end of cylinder; sense
         LA    3,CHM
         BAL   14,DOIO
         LA    3,SNS5
         BAL   14,DOIO
* N: multi-track search ID finds R1 on head 2; read count key and data x3
         LA    3,CHN
         BAL   14,DOIO
         LA    3,CHN2
         BAL   14,DOIO
* O: read IPL (cylinder 0 head 0 record 1)
         LA    3,CHO
         BAL   14,DOIO
* P: a record too big for the track: invalid track format; sense
         LA    3,CHP
         BAL   14,DOIO
         LA    3,SNS6
         BAL   14,DOIO
* Q: second set file mask in a chain: command reject; sense
         LA    3,CHQ
         BAL   14,DOIO
         LA    3,SNS7
         BAL   14,DOIO
* R: write data without a search: command reject
         LA    3,CHR
         BAL   14,DOIO
* S: search ID high, search key high or equal; erase after R1 of head 2
         LA    3,CHS
         BAL   14,DOIO
         LA    3,CHS2
         BAL   14,DOIO
         LA    3,CHS3
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
CHA      CCW   X'07',SK10,X'40',6
         CCW   X'31',ID100,X'40',5
         CCW   X'08',*-8,0,0
         CCW   X'1D',R1,X'40',8+4+100
         CCW   X'1D',R2,X'40',8+50
         CCW   X'1D',R3,X'00',8+4
CHA2     CCW   X'07',SK12,X'40',6
         CCW   X'31',ID120,X'40',5
         CCW   X'08',*-8,0,0
         CCW   X'1D',R21,X'00',8+4+20
CHB      CCW   X'07',SK10,X'40',6
         CCW   X'31',ID102,X'40',5
         CCW   X'08',*-8,0,0
         CCW   X'06',BUFB,X'00',50
CHC      CCW   X'07',SK10,X'40',6
         CCW   X'12',BUFC,X'40',8
         CCW   X'12',BUFC+8,X'40',8
         CCW   X'12',BUFC+16,X'40',8
         CCW   X'12',BUFC+24,X'00',8
CHD      CCW   X'07',SK10,X'40',6
         CCW   X'31',ID109,X'40',5
         CCW   X'08',*-8,0,0
         CCW   X'06',BUFB,X'00',50
SNS1     CCW   X'04',SENSE1,X'00',24
CHE      CCW   X'07',SK10,X'40',6
         CCW   X'16',BUFE,X'00',16
CHF      CCW   X'07',SK10,X'40',6
         CCW   X'1A',BUFF,X'00',5
CHG      CCW   X'07',SK10,X'40',6
         CCW   X'29',KEY1,X'40',4
         CCW   X'08',*-8,0,0
         CCW   X'06',BUFG,X'00',100
CHH      CCW   X'07',SK10,X'40',6
         CCW   X'31',ID101,X'40',5
         CCW   X'08',*-8,0,0
         CCW   X'05',NEWDATA,X'00',100
CHH2     CCW   X'07',SK10,X'40',6
         CCW   X'31',ID101,X'40',5
         CCW   X'08',*-8,0,0
         CCW   X'0E',BUFH,X'00',104
CHI      CCW   X'07',SK10,X'40',6
         CCW   X'31',ID103,X'40',5
         CCW   X'08',*-8,0,0
         CCW   X'06',BUFB,X'20',10
CHJ      CCW   X'07',SKBAD,X'00',6
SNS2     CCW   X'04',SENSE2,X'00',24
CHK      CCW   X'1F',MASK40,X'40',1
         CCW   X'07',SK10,X'40',6
         CCW   X'31',ID101,X'40',5
         CCW   X'08',*-8,0,0
         CCW   X'05',NEWDATA,X'00',100
SNS3     CCW   X'04',SENSE3,X'00',24
CHL      CCW   X'1F',MASK18,X'40',1
         CCW   X'07',SK10,X'00',6
SNS4     CCW   X'04',SENSE4,X'00',24
CHM      CCW   X'07',SK118,X'40',6
         CCW   X'86',BUFB,X'00',50
SNS5     CCW   X'04',SENSE5,X'00',24
CHN      CCW   X'07',SK10,X'40',6
         CCW   X'B1',ID121,X'40',5
         CCW   X'08',*-8,0,0
         CCW   X'06',BUFN,X'00',20
CHN2     CCW   X'07',SK10,X'40',6
         CCW   X'9E',BUFN2,X'40',8+4+100
         CCW   X'9E',BUFN2+112,X'40',8+50
         CCW   X'9E',BUFN2+170,X'00',8+4
CHO      CCW   X'02',BUFO,X'00',24
CHP      CCW   X'07',SK10,X'40',6
         CCW   X'31',ID103,X'40',5
         CCW   X'08',*-8,0,0
         CCW   X'1D',RBIG,X'20',8
SNS6     CCW   X'04',SENSE6,X'00',24
CHQ      CCW   X'1F',MASKC0,X'40',1
         CCW   X'1F',MASKC0,X'00',1
SNS7     CCW   X'04',SENSE7,X'00',24
CHR      CCW   X'07',SK10,X'40',6
         CCW   X'05',NEWDATA,X'00',100
CHS      CCW   X'07',SK10,X'40',6
         CCW   X'51',ID101,X'40',5
         CCW   X'08',*-8,0,0
         CCW   X'12',BUFS,X'00',8
CHS2     CCW   X'07',SK10,X'40',6
         CCW   X'69',KEYA,X'40',4
         CCW   X'08',*-8,0,0
         CCW   X'12',BUFS+8,X'00',8
CHS3     CCW   X'07',SK12,X'40',6
         CCW   X'31',ID121,X'40',5
         CCW   X'08',*-8,0,0
         CCW   X'11',R3,X'00',8+4
* ---- arguments ----
SK10     DC    X'000000010000'
SK12     DC    X'000000010002'
SK118    DC    X'000000010012'
SKBAD    DC    X'000001F40000'
ID100    DC    X'0001000000'
ID101    DC    X'0001000001'
ID102    DC    X'0001000002'
ID103    DC    X'0001000003'
ID109    DC    X'0001000009'
ID120    DC    X'0001000200'
ID121    DC    X'0001000201'
MASK40   DC    X'40'
MASK18   DC    X'18'
MASKC0   DC    X'C0'
KEY1     DC    C'KEY1'
KEYA     DC    C'KEYA'
R1       DC    X'0001000001040064',C'KEY1',100C'A'
R2       DC    X'0001000002000032',50C'B'
R3       DC    X'0001000003040000',C'KEY3'
R21      DC    X'0001000201040014',C'KEY2',20C'C'
RBIG     DC    X'0001000004004E20'
NEWDATA  DC    100C'N'
* ---- results ----
         ORG   BEGIN+X'800'
SENSE1   DC    XL24'00'
SENSE2   DC    XL24'00'
SENSE3   DC    XL24'00'
SENSE4   DC    XL24'00'
SENSE5   DC    XL24'00'
SENSE6   DC    XL24'00'
SENSE7   DC    XL24'00'
BUFB     DC    XL56'00'
BUFC     DC    XL32'00'
BUFE     DC    XL16'00'
BUFF     DC    XL8'00'
BUFG     DC    XL104'00'
BUFH     DC    XL104'00'
BUFN     DC    XL24'00'
BUFN2    DC    XL184'00'
BUFO     DC    XL24'00'
BUFS     DC    XL16'00'
         ORG   BEGIN+X'1000'
LOG      DC    XL512'00'
         END
