***********************************************************************
*  LINES64: 64 lines on the guest's own console, as fast as it can.   *
*                                                                     *
*  The attack (on CP's bookkeeping).  One SIO per line: WRITE X'09'   *
*  "HOSTILE LINE nn"; the program waits for each line's I/O           *
*  interruption (an enabled wait for channel 0) and starts the next.  *
*  CP queues the lines for the real terminal, which types them far    *
*  slower than the guest makes them.  A CP whose queue is full must   *
*  make the guest wait (keep its console busy), not drop lines.       *
*  (CMS's console read is halted first.)                              *
*                                                                     *
*  A correct CP types all 64, in order.  X'600D' when the program has *
*  written them all; X'0E03' if the console is not there.             *
***********************************************************************
         COPY  GUEST
LINES64  START X'8000'
         BALR  R12,0
         USING *,R12
         HIO   X'009'              CMS's read, if it waits
         MVC   X'78'(8),IONEW      I/O interruptions come to IOINT
         LA    R7,1                line 1 to 64
LOOP     CVD   R7,DEC
         UNPK  TEXT+13(2),DEC+6(2)
         OI    TEXT+14,X'F0'
         LA    R1,WRITE
         ST    R1,X'48'
AGAIN    SIO   X'009'
         BC    8,WAIT              CC 0: started
         BC    4,AGAIN              CC 1: old status, cleared
         BC    2,AGAIN              CC 2: busy
         LPSW  NOCONS              CC 3
WAIT     LPSW  IOWAIT              wait for its interruption
IOINT    CLC   X'3A'(2),=X'0009'   (the I/O new PSW) the console?
         BNE   WAIT
         TM    X'44',X'04'         device end?
         BZ    WAIT
         LA    R7,1(R7)
         C     R7,=F'64'
         BNH   LOOP
         LPSW  GOOD
         DS    0D
IONEW    DC    X'00000000',A(IOINT)
IOWAIT   DC    X'80020000',A(0)    wait, channel 0 enabled
NOCONS   DC    X'00020000',X'00000E03'
DEC      DS    D
WRITE    CCW   X'09',TEXT,X'20',15
TEXT     DC    CL15'HOSTILE LINE nn'
         COPY  DOIO
         END
