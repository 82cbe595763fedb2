* HIO of a working device, TIO on a device with an interruption pending, SIO of a
* working device, channel program checks, a device that is not there. Logs the
* condition code (byte 0) and the CSW at X'40' (bytes 8-15) after every I/O
* instruction, 16 bytes each from LOG. Runs on cpcms only (Hercules times HIO
* against its device threads): tests/devices.rs keeps cpcms' result as golden.
         START 0
         DC    X'00000000',A(BEGIN)
         ORG   *+X'1F8'
BEGIN    BALR  12,0
         USING *,12
         LA    9,LOG
         LA    2,X'00E'
         LA    3,PR1
         ST    3,X'48'
* 1. HIO of a working printer, then TIO twice
         SIO   0(2)
         BAL   14,REC
         HIO   0(2)
         BAL   14,REC
         TIO   0(2)
         BAL   14,REC
         TIO   0(2)
         BAL   14,REC
* 2. TIO on a device with an interruption pending (the write ended meanwhile)
         SIO   0(2)
         BAL   14,REC
         LA    5,2000(0,0)
DELAY    BCT   5,DELAY
         TIO   0(2)
         BAL   14,REC
         TIO   0(2)
         BAL   14,REC
* 3. SIO of a working device: cc 2; then TIO until the end
         SIO   0(2)
         BAL   14,REC
         SIO   0(2)
         BAL   14,REC
POLL     TIO   0(2)
         BC    2,POLL
         BAL   14,REC
* 4. channel program checks: count 0, TIC to TIC, CCW outside storage
         LA    3,ZERO
         ST    3,X'48'
         SIO   0(2)
         BAL   14,REC
         LA    3,TIC1
         ST    3,X'48'
         SIO   0(2)
         BAL   14,REC
         L     3,FAR
         ST    3,X'48'
         SIO   0(2)
         BAL   14,REC
* 5. no device at 0FF
         LA    4,X'0FF'
         SIO   0(4)
         BAL   14,REC
* 6. a short read: incorrect length
         LA    2,X'00C'
         LA    3,RD40
         ST    3,X'48'
         SIO   0(2)
         BAL   14,REC
POLL2    TIO   0(2)
         BC    2,POLL2
         BAL   14,REC
         LPSW  DONE
* REC: log the condition code and the CSW, then clear the CSW
REC      BC    8,RC0
         BC    4,RC1
         BC    2,RC2
         MVI   0(9),3
         B     RCX
RC2      MVI   0(9),2
         B     RCX
RC1      MVI   0(9),1
         B     RCX
RC0      MVI   0(9),0
RCX      MVC   8(8,9),64(0)
         XC    64(8,0),64(0)
         LA    9,16(9)
         BR    14
         DS    0D
DONE     DC    X'00020000',X'0000C0DE'
FAR      DC    X'00FFFFF8'
PR1      CCW   X'09',LINE,X'00',5
ZERO     CCW   X'09',LINE,X'00',0
TIC1     CCW   X'08',TIC2,0,0
TIC2     CCW   X'08',PR1,0,0
RD40     CCW   X'02',CARD,X'00',40
LINE     DC    C'HELLO'
CARD     DC    XL80'00'
         ORG   BEGIN+X'400'
LOG      DC    XL320'00'
         END
