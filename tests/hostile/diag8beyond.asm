***********************************************************************
*  DIAG8BEYOND: DIAGNOSE X'08' with its response buffer beyond the    *
*  guest's storage.                                                   *
*                                                                     *
*  The attack.  DIAGNOSE X'08' runs a CP command (QUERY TIME: two     *
*  lines, about 80 bytes) and puts the response in the guest's buffer *
*  (Rx+1, Ry+1 = its length, 200); it answers with Ry+1 = the length  *
*  of the response (CC 0) or, if it did not all fit, the number of    *
*  bytes that did not (CC 1).  A CP that counts a line as given even  *
*  when it could not store it tells the guest of bytes that are not   *
*  there.  Two tries:                                                 *
*     1. the buffer's last 184 bytes lie beyond storage (it starts 16 *
*        bytes before the end)                                        *
*     2. all of it lies beyond storage                                *
*  A correct CP either refuses the buffer (addressing exception, code *
*  5) or says honestly what it stored: CC 0 with Ry+1 no more than    *
*  what fits (16 bytes; 0), or CC 1.                                  *
*                                                                     *
*  X'600D': honest both times.  X'BAD1': try 1 claimed more than 16   *
*  bytes with CC 0; X'BAD2': try 2 claimed any.  X'0E01': a program   *
*  check other than an addressing exception.                          *
***********************************************************************
         COPY  GUEST
DIAG8BEY START X'8000'
         BALR  R12,0
         USING *,R12
         BAL   R14,PCARM
         DIAG  R6,0,X'60'          R6 = the size of storage
         ST    R6,SIZE
*  1. The buffer straddles the end of storage.
         LA    R9,CAUGHT1
         L     R3,SIZE             Rx+1: the buffer
         S     R3,=F'16'
         BAL   R14,QUERY
         BNZ   NEXT                CC 1: said it did not fit
         C     R5,=F'16'           CC 0: no more than 16 bytes
         BH    LIED1
         B     NEXT
CAUGHT1  BAL   R14,ADDRPC          an addressing exception: fine
*  2. The buffer lies wholly beyond storage.
NEXT     LA    R9,CAUGHT2
         L     R3,SIZE
         A     R3,=F'4096'
         BAL   R14,QUERY
         BNZ   DONE
         LTR   R5,R5               CC 0: nothing can have been stored
         BNZ   LIED2
         B     DONE
CAUGHT2  BAL   R14,ADDRPC
DONE     LPSW  GOOD
LIED1    LPSW  BAD1
LIED2    LPSW  BAD2
*  QUERY: DIAGNOSE X'08' QUERY TIME into the buffer at R3, 200 bytes.
*  Out: CC as DIAGNOSE set it, R5 = Ry+1.
QUERY    LA    R2,CMD              Rx: the command
         LA    R4,L'CMD            Ry: its length ...
         O     R4,=X'40000000'     ... and "a response buffer"
         L     R5,=F'200'          Ry+1: the buffer's length
         DIAG  R2,R4,X'08'
         BR    R14
*  ADDRPC: the program check was an addressing exception, or X'0E01'.
ADDRPC   CLC   PCOLD+2(2),=H'5'
         BER   R14
         LPSW  FAILPSW
CMD      DC    C'QUERY TIME'
SIZE     DS    F
         DS    0D
FAILPSW  DC    X'00020000',X'00000E01'
         COPY  PCCATCH
         COPY  DOIO
         END
