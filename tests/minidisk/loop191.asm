***********************************************************************
*  LOOP191: a guest channel program that never ends - a SEEK and a   *
*  TIC back to it - on the minidisk at 191.  CP runs minidisk I/O    *
*  synchronously, so without a limit this would hang every user.     *
*  CP stops it after about two seconds and gives the guest a program *
*  check in the CSW.  The CSW is kept at X'3A00'; the program ends   *
*  with a disabled wait, code X'100F'.                               *
***********************************************************************
LOOP     START X'3800'
         USING LOOP,12
         BALR  12,0
         BCTR  12,0
         BCTR  12,0
         LA    1,CCWS
         ST    1,X'48'
         SIO   X'191'
T10      TIO   X'191'
         BC    2,T10
         MVC   X'200'(8,12),X'40'
         LPSW  DONE
         DS    0D
DONE     DC    X'000200000000100F'
CCWS     CCW   X'07',SEEK,X'40',6  SEEK cylinder 0 head 0
         CCW   X'08',CCWS,0,1      TIC back to it
SEEK     DC    XL6'00'
         END
