***********************************************************************
*  CONSOLE: lines to and from the console at 009 (DMSCWR, DMSCRD,     *
*  DMSIOW).                                                           *
*                                                                     *
*  Plain S/370 I/O: put the channel program's address in the CAW at   *
*  X'48', SIO, then wait for the I/O interruption with an enabled     *
*  wait PSW.  The I/O new PSW brings us to IOINT, which checks that   *
*  the console's operation is over (device end) and returns to the    *
*  caller of DOIO: an interruption changes no register, so R14 still  *
*  holds the return address.  The console's CCWs:                    *
*     X'09' write, then a new line      X'0A' read                    *
***********************************************************************
*
***********************************************************************
*  WRTERM: type a line.  In: R2 -> text, R3 = length.                 *
*  Uses R0, R1, R15.                                                  *
***********************************************************************
WRTERM   ST    R14,WRTERMR
         LTR   R3,R3               an empty line: one blank
         BP    WRT10
         LA    R2,BLANKS
         LA    R3,1
WRT10    ST    R2,WCCW
         MVI   WCCW,X'09'          write, new line
         MVC   WCCW+4(2),=X'2000'  SLI
         STH   R3,WCCW+6
         LA    R1,WCCW
         BAL   R14,DOIO
         L     R14,WRTERMR
         BR    R14
WRTERMR  DS    F
         DS    0D
WCCW     DS    D
*
***********************************************************************
*  RDTERM: read a line into INBUF.  Out: R3 = its length (130 minus   *
*  the residual count in the CSW).  Uses R0, R1, R15.                 *
***********************************************************************
RDTERM   ST    R14,RDTERMR
         LA    R1,RCCW
         BAL   R14,DOIO
         LA    R3,130
         SH    R3,CSW+6
         BNM   RDT10
         SR    R3,R3
RDT10    L     R14,RDTERMR
         BR    R14
RDTERMR  DS    F
         DS    0D
RCCW     DC    X'0A',AL3(INBUF),X'2000',AL2(130)  read, SLI
*
***********************************************************************
*  DOIO: run the channel program at R1 on the console and wait until  *
*  it has ended.  A read still pending from before is halted first.
*  Uses R1.                                            *
***********************************************************************
DOIO     ST    R1,CAW
DOIO10   SIO   CONSOLE
         BC    8,IOWAIT            CC 0: started
         BC    4,DOIO10            CC 1: old status cleared: again
         BC    2,DOIO20            CC 2: busy
         MVC   DEADPSW+4(4),=A(CONSOLE)    CC 3: no console at all
         LPSW  DEADPSW
*  Busy: a read is still waiting for the user (the program was
*  interrupted in the middle of one).  Halt it and try again.
DOIO20   HIO   CONSOLE
         B     DOIO10
IOWAIT   LPSW  WAITPSW             wait for the interruption ...
IOINT    CLC   IOOPSW+2(2),=AL2(CONSOLE)   ... which arrives here
         BNE   IOWAIT
         TM    CSW+4,X'04'         device end: it is over
         BZ    IOWAIT
         BR    R14
