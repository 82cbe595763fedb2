* Unit-record test program: reader 00C (a deck of two cards), punch 00D,
* printer 00E. Logs, for every channel program, the CSW it ended with and the
* SIO condition code (16 bytes each, from LOG); runs the same on cpcms and
* Hercules, and tests/devices.rs compares storage and the files produced.
         START 0
         DC    X'00000000',A(BEGIN)
         ORG   *+X'1F8'
BEGIN    BALR  12,0
         USING *,12
         LA    9,LOG
* read 3 cards (deck has 2): third read hits end of file
         LA    2,X'00C'
         LA    3,RD1
         BAL   14,DOIO
         LA    3,RD2
         BAL   14,DOIO
         LA    3,RD3
         BAL   14,DOIO
         LA    3,RD3
         BAL   14,DOIO
* punch: 80 bytes, then short 10 bytes (IL), then 10 with SLI
         LA    2,X'00D'
         LA    3,PU1
         BAL   14,DOIO
         LA    3,PU2
         BAL   14,DOIO
         LA    3,PU3
         BAL   14,DOIO
* printer
         LA    2,X'00E'
         LA    3,PR1
         BAL   14,DOIO
         LA    3,PR2
         BAL   14,DOIO
         LA    3,PR3
         BAL   14,DOIO
         LA    3,PR4
         BAL   14,DOIO
         LA    3,PR5
         BAL   14,DOIO
         LA    3,PR6
         BAL   14,DOIO
         LA    3,PR7
         BAL   14,DOIO
         LA    3,PR8
         BAL   14,DOIO
         LA    3,SNS
         BAL   14,DOIO
         LA    3,BAD
         BAL   14,DOIO
         LA    3,SNS2
         BAL   14,DOIO
         LA    2,X'00C'
         LA    3,BAD
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
RD1      CCW   X'02',CARD1,X'00',80
RD2      CCW   X'02',CARD2,X'00',80
RD3      CCW   X'02',CARD3,X'00',80
SNS      CCW   X'04',SENSE,X'20',24
PU1      CCW   X'01',PDATA,X'00',80
PU2      CCW   X'01',PDATA,X'00',10
PU3      CCW   X'01',PDATA,X'20',10
PR1      CCW   X'09',LINE1,X'00',11
PR2      CCW   X'01',LINE2,X'00',5
PR3      CCW   X'11',LINE3,X'00',5
PR4      CCW   X'8B',0,X'20',1
PR5      CCW   X'19',LINE1,X'00',11
PR6      CCW   X'91',LINE4,X'00',20
PR7      CCW   X'09',LONG,X'00',140
PR8      CCW   X'A3',0,X'20',1
BAD      CCW   X'F2',0,X'20',1
SNS2     CCW   X'04',SENSE2,X'20',24
LINE4    DC    CL20'TRAILING'
LONG     DC    140C'L'
SENSE    DC    XL24'FF'
SENSE2   DC    XL24'FF'
PDATA    DC    CL80'PUNCHED CARD'
LINE1    DC    C'HELLO WORLD'
LINE2    DC    C'ABCDE'
LINE3    DC    C'FGHIJ'
         ORG   BEGIN+X'400'
CARD1    DC    XL80'FF'
CARD2    DC    XL80'FF'
CARD3    DC    XL80'FF'
         ORG   BEGIN+X'600'
LOG      DC    XL256'00'
         END
