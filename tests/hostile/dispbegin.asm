***********************************************************************
*  DISPBEGIN: DIAGNOSE X'08' with a DISPLAY of more than the machine  *
*  has, then BEGIN, in one DIAGNOSE (found by the random privileged-  *
*  instruction stream, seed 5EED1002 with AVOID X'40' cleared).       *
*                                                                     *
*  DISPLAY L3FFFF.B26548EB asks for X'B26548EB' bytes from X'3FFFF'  *
*  (more than 2G: negative to a signed compare, which let it past     *
*  CP's "a page at a time" and GCOPYIN copied it all into CP's 16-    *
*  byte line buffer); the lines fill the terminal's queue, so the     *
*  machine waits (VMSOUTW) between the two commands; then BEGIN 8000  *
*  starts it again at the loop.  A correct CP types a page of it,     *
*  begins, and changes nothing of its own.  It never ends.            *
***********************************************************************
         COPY  GUEST
DISPBEG  START X'8000'
         BALR  R12,0
         USING *,R12
LOOP     LA    R2,CMDS
         LA    R3,CMDSLEN
         DIAG  R2,R3,X'08'
         B     LOOP
CMDS     DC    C'D L0003FFFF.B26548EB',X'15',C'BEGIN 8000'
CMDSLEN  EQU   *-CMDS
         END
