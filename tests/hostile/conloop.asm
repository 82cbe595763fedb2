***********************************************************************
*  CONLOOP: a console channel program that never ends - NO-OP with    *
*  command chaining and a TIC back to it - started on the virtual     *
*  console 009 (after HIO stops CMS's read).  CP interprets console   *
*  programs itself, so a CP that followed this loop to its end would  *
*  never return: the whole machine would stop.  A correct CP does a   *
*  bounded amount of work for it and leaves the console busy, as a    *
*  real 3215 running this loop would be.  Then the program spins.     *
***********************************************************************
         COPY  GUEST
CONLOOP  START X'8000'
         BALR  R12,0
         USING *,R12
         HIO   X'009'              stop CMS's console read
         LA    R1,CCWS
         ST    R1,X'48'            the CAW: key 0, the NO-OP
         SIO   X'009'
LOOP     BC    15,LOOP
         DS    0D
CCWS     CCW   X'03',0,X'40',1     NO-OP, chain command
         CCW   X'08',CCWS,0,1      TIC back to the NO-OP
         END
