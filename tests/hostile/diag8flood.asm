***********************************************************************
*  DIAG8FLOOD: 64 lines of CP responses from one DIAGNOSE X'08'.      *
*                                                                     *
*  The attack (on CP's bookkeeping).  DIAGNOSE X'08' without a        *
*  response buffer types CP's answers on the guest's terminal.  The   *
*  command text may hold several commands separated by X'15': here    *
*  32 times "Q T" (QUERY TIME), two lines each, 64 lines from one     *
*  DIAGNOSE - while CP runs the commands nothing is typed, so all 64  *
*  must wait in CP's queue for the terminal.  A CP with a fixed queue *
*  that drops what does not fit loses most of them.                   *
*                                                                     *
*  A correct CP types all 64 (it holds them, or makes the guest wait  *
*  for room).  X'600D' after the DIAGNOSE.                            *
***********************************************************************
         COPY  GUEST
DIAG8FLD START X'8000'
         BALR  R12,0
         USING *,R12
         LA    R2,CMDS
         LA    R3,CMDSLEN
         DIAG  R2,R3,X'08'
         LPSW  GOOD
CMDS     DC    31X'D840E315',C'Q T'        "Q T", X'15' between
CMDSLEN  EQU   *-CMDS
         COPY  DOIO
         END
