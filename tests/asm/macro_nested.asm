* Macros calling macros; &SYSNDX makes unique labels
         MACRO
         INNER &V
L&SYSNDX DC    AL1(&V)
         MEND
         MACRO
         OUTER &A,&B
         INNER &A
         INNER &B
         MEND
         OUTER 1,2
         DC    AL1(L0003-L0002)
*EXPECT: 01 02 01
