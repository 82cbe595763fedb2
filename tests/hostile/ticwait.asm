***********************************************************************
*  TICWAIT: a console channel program of 20 lines joined by TICs.     *
*                                                                     *
*  Not an attack: fidelity.  WRITE 'TICWAIT LINE nn' (chained), TIC   *
*  to the next WRITE, ... 20 lines, the last one unchained.  CP runs  *
*  console programs itself; after 12 lines the terminal's queue is    *
*  nearly full and the program waits for room (VCWRW); the            *
*  terminal's I/O interruption resumes it (VCRESUME) with the next    *
*  CCW - here a TIC.  CP refuses a TIC right after a TIC (as the      *
*  channel does) by a flag, R7, that VCRUN clears at the start and    *
*  VCRESUME never sets: whatever the interruption handler left there  *
*  (a loop count, never 0) makes the resumed TIC "a TIC after a TIC". *
*                                                                     *
*  A correct CP types all 20 lines and ends the program with channel  *
*  end and device end, no channel status: X'600D'.  X'BAD1' when the *
*  CSW says otherwise (a program check: channel status X'20').  The   *
*  program waits for its I/O interruption with an enabled wait.  (CMS *
*  console read is halted first.)                                     *
***********************************************************************
         COPY  GUEST
TICWAIT  START X'8000'
         BALR  R12,0
         USING *,R12
         HIO   X'009'              CMS's read, if it waits
         MVC   X'78'(8),IONEW      I/O interruptions come to IOINT
         LA    R1,CCWS
         ST    R1,X'48'
         SIO   X'009'
         BC    7,NOCONSX           not started: X'0E03'
WAIT     LPSW  IOWAIT
IOINT    CLC   X'3A'(2),=X'0009'   the console?
         BNE   WAIT
         TM    X'44',X'04'         device end?
         BZ    WAIT
         CLC   X'44'(2),=X'0C00'   CE DE, no channel status
         BNE   BADX
         LPSW  GOOD
BADX     LPSW  BAD1
NOCONSX  LPSW  NOCONS
         LTORG
         DS    0D
IONEW    DC    X'00000000',A(IOINT)
IOWAIT   DC    X'80020000',A(0)    wait, channel 0 enabled
NOCONS   DC    X'00020000',X'00000E03'
GOOD     DC    X'000200000000600D'
BAD1     DC    X'00020000',X'0000BAD1'
         MACRO
&L       LINE  &N,&NEXT
&L       CCW   X'09',T&N,X'40',15
         CCW   X'08',&NEXT,0,1
         MEND
CCWS     LINE  01,L02
L02      LINE  02,L03
L03      LINE  03,L04
L04      LINE  04,L05
L05      LINE  05,L06
L06      LINE  06,L07
L07      LINE  07,L08
L08      LINE  08,L09
L09      LINE  09,L10
L10      LINE  10,L11
L11      LINE  11,L12
L12      LINE  12,L13
L13      LINE  13,L14
L14      LINE  14,L15
L15      LINE  15,L16
L16      LINE  16,L17
L17      LINE  17,L18
L18      LINE  18,L19
L19      LINE  19,L20
L20      CCW   X'09',T20,X'00',15
         MACRO
&L       TEXT  &N
T&N      DC    CL15'TICWAIT LINE &N'
         MEND
         TEXT  01
         TEXT  02
         TEXT  03
         TEXT  04
         TEXT  05
         TEXT  06
         TEXT  07
         TEXT  08
         TEXT  09
         TEXT  10
         TEXT  11
         TEXT  12
         TEXT  13
         TEXT  14
         TEXT  15
         TEXT  16
         TEXT  17
         TEXT  18
         TEXT  19
         TEXT  20
         END
