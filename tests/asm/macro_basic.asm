* A macro with a name-field parameter and positional parameters; one without
         MACRO
&NAME    LOADR &R,&V
&NAME    LA    &R,&V
         MEND
         MACRO
         TWO
         LR    1,2
         LR    3,4
         MEND
X        LOADR 1,5
         TWO
         LOADR 2,8(1)
*EXPECT: 41100005 1812 1834 41210008
