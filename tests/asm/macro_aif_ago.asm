* AIF with AND OR NOT, computed AGO, MEXIT
         MACRO
         PICK  &N
         AGO   (&N).ONE,.TWO
         DC    X'FF'
         MEXIT
.ONE     DC    X'01'
         MEXIT
.TWO     DC    X'02'
         MEND
         PICK  1
         PICK  2
         PICK  3
         MACRO
         LOGIC &A,&B
         AIF   (&A EQ 1 AND &B EQ 1).BOTH
         AIF   (&A EQ 1 OR &B EQ 1).ONE
         AIF   (NOT (&A EQ 0)).NEVER
         DC    X'00'
         MEXIT
.BOTH    DC    X'11'
         MEXIT
.ONE     DC    X'10'
         MEXIT
.NEVER   DC    X'EE'
         MEND
         LOGIC 1,1
         LOGIC 0,1
         LOGIC 0,0
*EXPECT: 01 02 FF 11 10 00
