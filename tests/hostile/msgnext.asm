***********************************************************************
*  MSGNEXT: another CP command after MSG, in one DIAGNOSE X'08'.      *
*                                                                     *
*  The attack.  DIAGNOSE X'08' runs "MSG ALICE HELLO", then "QUERY    *
*  TIME" three times (X'15' between them).  The commands' responses   *
*  go to the terminal whose RDEV is in R8.  CMDMSG switches R8 to the *
*  addressee's terminal and, at the end, takes the sender's back from *
*  MSGR8 - a word nothing ever stores into, so R8 comes back 0.  The  *
*  next command's response is queued in an "RDEV" at real address 0:  *
*  its queue slots lie from X'A8' on, 136 bytes each, and the slot    *
*  index is whatever halfword the last external old PSW left at       *
*  X'18': CP's page 0 (its base registers, SYSCONF, the directory     *
*  with every password), another user's frame, or past the end of     *
*  real storage.                                                      *
*                                                                     *
*  A correct CP types every response on ALICE's own terminal and      *
*  changes nothing else.  X'600D' after the DIAGNOSE.                 *
***********************************************************************
         COPY  GUEST
MSGNEXT  START X'8000'
         BALR  R12,0
         USING *,R12
         LA    R2,CMDS
         LA    R3,CMDSLEN
         DIAG  R2,R3,X'08'
         LPSW  GOOD
CMDS     DC    C'MSG ALICE HELLO',X'15'
         DC    C'QUERY TIME',X'15',C'QUERY TIME',X'15',C'QUERY TIME'
CMDSLEN  EQU   *-CMDS
         DS    0D
GOOD     DC    X'000200000000600D'
         END
