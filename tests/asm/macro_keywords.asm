* Keyword parameters with defaults, in any order
         MACRO
         KW    &A,&REG=1,&VAL=
         LA    &REG,&A
         AIF   ('&VAL' EQ '').NOVAL
         LA    &REG,&VAL
.NOVAL   ANOP
         MEND
         KW    4
         KW    5,REG=2
         KW    6,VAL=7,REG=3
*EXPECT: 41100004 41200005 41300006 41300007
