***********************************************************************
*  BADHEAD: a SEEK to head 99, which no 3350 has.  The disk refuses   *
*  it (unit check), and that is all a correct CP lets it do: CP must  *
*  not take head 99 for where ALICE's arm is, or its own SEEK in      *
*  front of her next program is refused too, and the arm stays on     *
*  whoever's cylinder it was (found by the long fuzz run).            *
***********************************************************************
         COPY  GUEST
BADHEAD  START X'8000'
         BALR  R12,0
         USING *,R12
         LA    R1,SEEK99
         BAL   R14,DOIO
         LPSW  GOOD
SEEK99   CCW   X'07',ARG,X'20',6           SEEK cylinder 0, head 99
ARG      DC    X'0000',X'0000',X'0063'
         COPY  DOIO
         END
