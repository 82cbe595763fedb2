***********************************************************************
*  DIAG8LONG: DIAGNOSE X'08' with a response buffer and fourteen      *
*  "D 0.1000" (DISPLAY of 4K: 256 lines each), in a loop.             *
*                                                                     *
*  The attack (on the CPU share).  With a buffer there is no          *
*  terminal to wait for, so CP ran the fourteen commands of one       *
*  DIAGNOSE one after the other, some 100 ms of its time each, with   *
*  every other user waiting, and charged the machine afterwards.  A   *
*  correct CP gives the others their turn when a DIAGNOSE's commands  *
*  have taken a while (D8RUN's D8LONG: the machine runs the DIAGNOSE  *
*  again when its turn comes and the commands go on).  It never ends. *
***********************************************************************
         COPY  GUEST
DIAG8LNG START X'8000'
         BALR  R12,0
         USING *,R12
LOOP     LA    R2,CMDS             Rx: the commands
         L     R3,FLAGLEN          Ry: X'40' (a buffer) and length
         LA    R4,BUFFER           Rx+1: the buffer
         L     R5,=F'4096'         Ry+1: its length
         DIAG  R2,R3,X'08'
         B     LOOP
FLAGLEN  DC    AL1(X'40'),AL3(CMDSLEN)
CMDS     DC    13X'C440F04BF1F0F0F015',C'D 0.1000'    "D 0.1000" 14 times
CMDSLEN  EQU   *-CMDS
         LTORG
BUFFER   DS    XL4096
         END
