***********************************************************************
*  PCLOOP: a program-check loop.                                      *
*                                                                     *
*  The attack.  The program new PSW (X'68') points at an invalid      *
*  instruction (X'0000').  Each attempt is an operation exception:    *
*  the real CPU interrupts to CP, CP reflects it into the guest - old *
*  PSW to X'28', new PSW from X'68' - and dispatches the guest, which *
*  tries the same instruction again.  The guest completes nothing;    *
*  all the time goes to CP's reflection.                              *
*                                                                     *
*  A correct CP charges its reflection to the machine's slice (or     *
*  ends the slice after so many interruptions): the loop gets its     *
*  share of the CPU and no more.  It never ends.                      *
***********************************************************************
         COPY  GUEST
PCLOOP   START X'8000'
         BALR  R12,0
         USING *,R12
         MVC   X'68'(8),NEWPSW
         B     INVALID
         DS    0D
NEWPSW   DC    X'00000000',A(INVALID)  disabled, supervisor state
INVALID  DC    X'0000'             operation exception
         END
