* Substrings, concatenation, duplication, the period after a variable, comparison
         MACRO
         STR   &S
         LCLC  &T,&U
&T       SETC  '&S'(2,3)
&U       SETC  '&T'.'Z'
         DC    C'&U'
&T       SETC  (2)'&S'(1,1)
         DC    C'&T'
         DC    C'&S.X'
         AIF   ('&S' LT 'ABCDF').LESS
         DC    X'00'
.LESS    ANOP
&T       SETC  '&S'(4,*)
         DC    C'&T'
         MEND
         STR   ABCDE
*EXPECT: C2C3C4E9 C1C1 C1C2C3C4C5E7 C4C5
