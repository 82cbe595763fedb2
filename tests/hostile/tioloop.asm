***********************************************************************
*  TIOLOOP: TEST I/O on the 191 in a two-instruction loop.  As        *
*  SSMLOOP, with an I/O instruction: each TIO traps and CP answers    *
*  CC 0.  A correct CP gives the loop its share of the CPU and no     *
*  more.  It never ends.                                              *
***********************************************************************
         COPY  GUEST
TIOLOOP  START X'8000'
         BALR  R12,0
         USING *,R12
LOOP     TIO   X'191'
         BC    15,LOOP
         END
