* Sublists, N', &SYSLIST
         MACRO
         SUBL  &L
         LCLA  &I
&I       SETA  1
.LOOP    AIF   (&I GT N'&L).DONE
         LA    &L(&I),&I
&I       SETA  &I+1
         AGO   .LOOP
.DONE    ANOP
         MEND
         SUBL  (1,2,3)
         SUBL  5
         MACRO
         SYSL
         LCLA  &N
&N       SETA  N'&SYSLIST
         LA    &SYSLIST(1),&N
         LA    &SYSLIST(3,2),&SYSLIST(2)
         MEND
         SYSL  7,9,(4,5)
*EXPECT: 41100001 41200002 41300003 41500001
*EXPECT: 41700003 41500009
