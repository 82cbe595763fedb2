***********************************************************************
*  TICLOOP: an endless channel program, started again and again.     *
*                                                                     *
*  The attack.  SEEK / TIC back to the SEEK never ends: each SEEK     *
*  takes the disk a little time, the TIC goes back.  A CP that runs a *
*  guest's channel program to its end before anyone else may run      *
*  (and with its terminals' interruptions masked off) must cut it off *
*  somewhen; today's CP waits two seconds, then halts it.  The guest  *
*  simply starts it again (the SIO after the halt finds the status    *
*  pending, CC 1; the next one starts it).                            *
*                                                                     *
*  A correct CP lets other machines run while a guest's channel       *
*  program runs (or cuts it off within a slice), and gives the guest  *
*  its share of the CPU and no more.  It never ends.                  *
***********************************************************************
         COPY  GUEST
TICLOOP  START X'8000'
         BALR  R12,0
         USING *,R12
         LA    R1,CCWS
         ST    R1,X'48'
LOOP     SIO   X'191'
         B     LOOP
CCWS     CCW   X'07',SEEK,X'40',6          SEEK cylinder 0 head 0
         CCW   X'08',CCWS,0,1              TIC back to it
SEEK     DC    XL6'00'
         END
