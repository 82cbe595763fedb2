***********************************************************************
*  SIOLOOP: START I/O to a busy console, in a loop.                   *
*                                                                     *
*  The attack.  The first SIO starts a chain of 32 80-byte lines on   *
*  the console at 009: CP queues them for the real terminal and, the  *
*  queue being full, keeps the virtual console busy until the         *
*  terminal has typed enough.  Meanwhile every SIO answers CC 2       *
*  (busy) at once - a trap, for nothing.  When the chain is over the  *
*  next SIO starts another.  (CMS's own console read is halted        *
*  first.)                                                            *
*                                                                     *
*  A correct CP gives the loop its share of the CPU and no more.  It  *
*  never ends.                                                        *
***********************************************************************
         COPY  GUEST
SIOLOOP  START X'8000'
         BALR  R12,0
         USING *,R12
         HIO   X'009'              CMS's read, if it waits
         LA    R1,LINES
         ST    R1,X'48'
LOOP     SIO   X'009'
         B     LOOP
LINES    CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'60',80
         CCW   X'09',TEXT,X'20',80
TEXT     DC    CL80'SIOLOOP KEEPS ITS CONSOLE BUSY'
         END
