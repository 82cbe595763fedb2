* SETA SETB SETC, global and local, subscripted, self-defining terms
         GBLA  &COUNT
         MACRO
         BUMP
         GBLA  &COUNT
&COUNT   SETA  &COUNT+1
         DC    AL1(&COUNT)
         MEND
         BUMP
         BUMP
         BUMP
         LCLA  &ARR(3)
&ARR(1)  SETA  10,20,30
         DC    AL1(&ARR(1),&ARR(2),&ARR(3))
         LCLB  &FLAG
&FLAG    SETB  (3 GT 2)
         DC    AL1(&FLAG)
&C       SETC  'AB'
         DC    C'&C'
&X       SETA  X'10'+B'11'*2-C'A'/64
         DC    AL1(&X)
*EXPECT: 010203 0A141E 01 C1C2 13
