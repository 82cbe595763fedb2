* K' L' T' of macro operands (T' and L' of ordinary symbols, by lookahead too)
FIELD    DS    CL12
HALF     DC    H'1'
         MACRO
         ATTR  &P,&Q
         LCLA  &K,&L
         LCLC  &T
&K       SETA  K'&P
&L       SETA  L'&P
&T       SETC  T'&P
         DC    AL1(&K,&L),C'&T'
         AIF   (T'&Q NE 'O').HAVEQ
         DC    C'O'
.HAVEQ   ANOP
         MEND
         ATTR  FIELD
         ATTR  HALF,1
         ATTR  LATER
LATER    DC    F'0'
*EXPECT: 000000000000000000000000 0001 050CC3D6 0402C8
*EXPECT: 0504C6D6 000000 00000000
