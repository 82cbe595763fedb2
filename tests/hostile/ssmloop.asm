***********************************************************************
*  SSMLOOP: a two-instruction loop around a trapped instruction.      *
*                                                                     *
*  The attack.  SSM is privileged: every one traps to CP, which       *
*  emulates it and dispatches again.  The guest's own share of each   *
*  round is two instructions; CP's work for it is a hundred times     *
*  that.  A CP that charges a virtual machine's time slice with its   *
*  own instructions only, not with what CP spends for it, lets this   *
*  loop hold the real CPU for many slices' worth of time at a stretch.*
*                                                                     *
*  A correct CP charges what it spends for a machine to that machine  *
*  (or ends its slice after so many traps), so the loop gets its      *
*  share and no more.  It never ends.                                 *
***********************************************************************
         COPY  GUEST
SSMLOOP  START X'8000'
         BALR  R12,0
         USING *,R12
LOOP     SSM   ZERO                trapped, emulated
         B     LOOP
ZERO     DC    X'00'
         END
