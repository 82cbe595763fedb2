***********************************************************************
*  NODEV391: I/O to 391, which must not be there.  ALICE's LINKs to   *
*  391 were refused (no password, a wrong one, no such disk) or her   *
*  link there was DETACHed.  A correct CP answers SIO and TIO at 391  *
*  with CC 3, as a real machine without the device does; anything     *
*  else means a refused or detached link left a disk behind.          *
***********************************************************************
         COPY  GUEST
NODEV391 START X'8000'
         BALR  R12,0
         USING *,R12
         LA    R1,READ
         ST    R1,X'48'            the CAW
         SIO   X'391'
         BC    1,TIO               CC 3: not there
         LPSW  BAD1                CC 0, 1 or 2: a disk is there
TIO      TIO   X'391'
         BC    1,GOODEND
         LPSW  BAD2
GOODEND  LPSW  GOOD
         DS    0D
READ     CCW   X'07',SEEK,X'40',6          SEEK cylinder 0, head 0
         CCW   X'16',BUF,X'20',16          READ R0
SEEK     DC    XL6'00'
BUF      DS    XL16
         DS    0D
GOOD     DC    X'000200000000600D'         nothing at 391
BAD1     DC    X'00020000',X'0000BAD1'     SIO found a device
BAD2     DC    X'00020000',X'0000BAD2'     TIO found a device
         END
