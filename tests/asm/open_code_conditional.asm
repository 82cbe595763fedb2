* Conditional assembly in open code: SETA, AIF, AGO, loops, D'
&N       SETA  3
         AIF   (&N LT 2).SMALL
         DC    AL1(&N)
         AGO   .DONE
.SMALL   DC    X'EE'
.DONE    ANOP
         LCLA  &I
.LOOP    AIF   (&I EQ 3).OUT
&I       SETA  &I+1
         DC    AL1(&I)
         AGO   .LOOP
.OUT     ANOP
FLD      DS    0H
         AIF   (NOT D'FLD).X
         DC    X'DD'
.X       ANOP
*EXPECT: 03 010203 DD
