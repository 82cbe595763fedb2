***********************************************************************
*  SPIN: not an attack - the yardstick for the CPU-share tests.  A    *
*  branch to itself: it never traps, so CP sees it only when its time *
*  slice ends.  What BOB waits with SPIN beside him is what a fair    *
*  round-robin CP with 50 ms slices gives; the trapping loops must    *
*  do no worse.  It never ends.                                       *
***********************************************************************
         COPY  GUEST
SPIN     START X'8000'
         BALR  R12,0
         USING *,R12
LOOP     BC    15,LOOP
         END
