***********************************************************************
*  COUNT: count for ever (tests/paging.rs): COUNTER goes up by one    *
*  each time round a loop of a few instructions, in one page.         *
***********************************************************************
R1       EQU   1
R12      EQU   12
COUNT    START X'8000'
         BALR  R12,0
         USING *,R12
LOOP     L     R1,COUNTER
         LA    R1,1(R1)
         ST    R1,COUNTER
         B     LOOP
COUNTER  DC    F'0'
         END
