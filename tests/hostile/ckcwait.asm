***********************************************************************
*  CKCWAIT: an enabled wait whose external new PSW is that same wait, *
*  with the clock comparator in the past.                             *
*                                                                     *
*  The attack.  The clock comparator's condition stays (the TOD clock *
*  is past it), so each time CP presents the interruption the machine *
*  is in the same wait, its interruption due again.  CP waited for    *
*  its deadline - already passed - with the clock comparator, which   *
*  interrupted CP the moment it waited, every time; an external       *
*  interruption goes before an I/O one, so no terminal's line came    *
*  in again, for anyone.  (Found by the random privileged-instruction *
*  stream, seeds 5EED1003, 5EED1005, 5EED1006.)                       *
*                                                                     *
*  A correct CP lets the other users' lines in: the victim answers    *
*  within his bound.  It never ends.                                  *
***********************************************************************
         COPY  GUEST
CKCWAIT  START X'8000'
         BALR  R12,0
         USING *,R12
         MVC   X'58'(8),WAITPSW    external new PSW: the same wait
         LCTL  0,0,CR0             the clock comparator's mask on
         SCKC  ZERO                long past: its condition stays
         LPSW  WAITPSW
         DS    0D
WAITPSW  DC    X'0102000000000000' BC mode, external on, wait
ZERO     DC    D'0'
CR0      DC    X'00000800'         CR0 bit 20: clock comparator
         END
