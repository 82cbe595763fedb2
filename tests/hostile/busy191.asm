***********************************************************************
*  BUSY191: the 191 while its channel program runs.                   *
*                                                                     *
*  CP runs a guest's disk program while the guest (and everyone) runs *
*  on, so the guest can look at its disk while it works.  It must see *
*  what a real channel shows, and nothing CP made:                    *
*   1. SIO of an endless program (SEEK, TIC back to it): CC 0;        *
*   2. SIO again while it runs: CC 2 (busy);                          *
*   3. TIO: CC 2;                                                     *
*   4. HIO: CC 1, and the interruption follows: channel end and       *
*      device end, naming one of the guest's two CCWs (never a CCW    *
*      address of CP's copy);                                         *
*   5. TIO now: CC 0 (idle, nothing pending);                         *
*   6. a plain read (SEEK, SEARCH ID, TIC, READ DATA) ends cleanly,   *
*      its residual count 0;                                          *
*   7. the endless program again, left alone: CP's watchdog halts it  *
*      and the interruption shows a program check, at one of the      *
*      guest's CCWs.                                                  *
*  And TCH on the disk's channel: CC 1 while the interruption is      *
*  pending, CC 0 after; on a channel without a device CC 3 (BAD8).    *
*                                                                     *
*  X'600D': all as said; X'BADn': step n was not.                     *
***********************************************************************
         COPY  GUEST
BUSY191  START X'8000'
         BALR  R12,0
         USING *,R12
         MVC   X'78'(8),IONEW      the I/O new PSW comes back to IOINT
         LA    R1,LOOP             1. the endless program starts
         ST    R1,X'48'
         SIO   X'191'
         BC    7,BAD01
         SIO   X'191'              2. busy
         BC    13,BAD02
         TIO   X'191'              3. busy
         BC    13,BAD03
         HIO   X'191'              4. halted ...
         BC    11,BAD04
         TCH   X'100'              (its interruption pending: CC 1)
         BC    11,BAD08
         BAL   R14,WAITIO          ... and its interruption
         TM    IOCSW+4,X'0C'
         BNO   BAD04
         BAL   R14,OURS
         BNE   BAD04
         TIO   X'191'              5. idle now
         BC    7,BAD05
         TCH   X'100'              (nothing pending: CC 0)
         BC    7,BAD08
         TCH   X'700'              (no device there: CC 3)
         BC    14,BAD08
         LA    R1,READ             6. a plain read
         BAL   R14,DOIO
         LTR   R15,R15
         BNZ   BAD06
         BAL   R14,OKCSW
         BNE   BAD06
         CLC   IOCSW+6(2),=H'0'
         BNE   BAD06
         MVC   X'78'(8),IONEW      (DOIO had its own)
         LA    R1,LOOP             7. the endless program, alone
         ST    R1,X'48'
         SIO   X'191'
         BC    7,BAD07
         BAL   R14,WAITIO
         TM    IOCSW+5,X'20'       program check
         BNO   BAD07
         BAL   R14,OURS
         BNE   BAD07
         LPSW  GOOD
*
*  WAITIO: an enabled wait until the 191's interruption; its CSW in
*  IOCSW.  OURS: CC 0 if IOCSW names one of LOOP's CCWs (+8), or
*  LOOP itself (the program stopped before its first CCW ended).
WAITIO   ST    R14,WAITR
WAIT10   LPSW  WAITPSW
IOINT    CLC   X'3A'(2),=X'0191'
         BNE   WAIT10
         MVC   IOCSW,X'40'
         L     R14,WAITR
         BR    R14
OURS     L     R1,IOCSW
         N     R1,=X'00FFFFFF'
         LA    R0,LOOP
         CR    R1,R0
         BER   R14
         LA    R0,LOOP+8
         CR    R1,R0
         BER   R14
         LA    R0,LOOP+16
         CR    R1,R0
         BR    R14
*
BAD01    LPSW  BAD1
BAD02    LPSW  BAD2
BAD03    LPSW  BAD3
BAD04    LPSW  BAD4
BAD05    LPSW  BAD5
BAD06    LPSW  BAD6
BAD07    LPSW  BAD7
BAD08    LPSW  BAD8
*
         DS    0D
LOOP     CCW   X'07',SEEK,X'40',6          SEEK cylinder 0 head 0
         CCW   X'08',LOOP,0,1              TIC back to it
READ     CCW   X'07',SEEK,X'40',6          SEEK cylinder 0 head 0
         CCW   X'31',SRCH,X'40',5          SEARCH ID EQUAL 0/0/1
         CCW   X'08',*-8,0,1               TIC back to the search
         CCW   X'06',BUF1,X'20',80         READ DATA
SEEK     DC    XL6'00'
SRCH     DC    X'0000000001'
         DS    0D
IONEW    DC    X'00000000',A(IOINT)        I/O new PSW: disabled
WAITPSW  DC    X'40020000',A(0)            wait, channel 1 enabled
BAD3     DC    X'00020000',X'0000BAD3'
BAD4     DC    X'00020000',X'0000BAD4'
BAD5     DC    X'00020000',X'0000BAD5'
BAD6     DC    X'00020000',X'0000BAD6'
BAD7     DC    X'00020000',X'0000BAD7'
BAD8     DC    X'00020000',X'0000BAD8'
WAITR    DS    F
         COPY  DOIO
         END
