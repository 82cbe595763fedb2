* Directives: START USING CNOP DS DC EQU ORG DSECT CSECT CCW LTORG DROP END
T        START X'100'
         BALR  12,0
         USING *,12
         L     1,=F'1'
         CNOP  0,4
AREA     DS    0F
         DC    A(AREA)
LEN      EQU   *-AREA
         DC    AL1(LEN)
         ORG   *+3
         DC    C'X'
REC      DSECT
RA       DS    H
RB       DS    CL3
T        CSECT
         LA    3,RB-REC
         CCW   X'02',AREA,X'20',80
         TITLE 'listing only'
         SPACE 1
         LTORG
         DROP  12
         END
*EXPECT: 05C0 5810C01E 0700
*EXPECT: 00000108 04 000000
*EXPECT: E7 00 41300002 0000
*EXPECT: 02000108 20000050
*EXPECT: 00000001
