***********************************************************************
*  BENIGN: not an attack - the harness's control.  ALICE does what a  *
*  well-behaved program does: writes a record on her own minidisk     *
*  (cylinder 1, head 29: the last track she owns), reads it back,     *
*  asks CP the time with DIAGNOSE X'0C' and runs QUERY TIME through   *
*  DIAGNOSE X'08' with a response buffer.  X'600D' when all of it     *
*  worked; X'0E0n' names the step that did not.                       *
***********************************************************************
         COPY  GUEST
BENIGN   START X'8000'
         BALR  R12,0
         USING *,R12
         LA    R1,WRITE
         BAL   R14,DOIO
         BAL   R14,OKCSW
         BNZ   FAIL1
         LA    R1,READ
         BAL   R14,DOIO
         BAL   R14,OKCSW
         BNZ   FAIL2
         L     R4,=A(BUF2)
         CLC   DATA,0(R4)
         BNE   FAIL2
         L     R2,=A(BUF3)         DIAGNOSE X'0C': 32 bytes of time
         DIAG  R2,0,X'0C'
         CLI   2(R2),C'/'          MM/DD/YY
         BNE   FAIL3
         LA    R2,QT               DIAGNOSE X'08': QUERY TIME ...
         LA    R4,L'QT
         O     R4,=X'40000000'     ... into a response buffer
         L     R3,=A(BUF1)
         L     R5,=F'200'
         DIAG  R2,R4,X'08'
         BNZ   FAIL4               CC 0: it all fitted
         LTR   R4,R4               return code 0
         BNZ   FAIL4
         L     R3,=A(BUF1)
         CLC   0(7,R3),=C'TIME IS'
         BNE   FAIL4
         LPSW  GOOD
FAIL1    LPSW  FAIL1PSW
FAIL2    LPSW  FAIL2PSW
FAIL3    LPSW  FAIL3PSW
FAIL4    LPSW  FAIL4PSW
         COPY  DOIO
FAIL1PSW DC    X'00020000',X'00000E01'
FAIL2PSW DC    X'00020000',X'00000E02'
FAIL3PSW DC    X'00020000',X'00000E03'
FAIL4PSW DC    X'00020000',X'00000E04'
WRITE    CCW   X'07',SEEK,X'40',6          SEEK cylinder 1, head 29
         CCW   X'31',ID0,X'40',5           SEARCH ID EQUAL R0
         CCW   X'08',*-8,0,1
         CCW   X'1D',COUNT,0,8+80          WRITE CKD R1
READ     CCW   X'07',SEEK,X'40',6
         CCW   X'31',ID1,X'40',5           SEARCH ID EQUAL R1
         CCW   X'08',*-8,0,1
         CCW   X'06',BUF2,X'20',80         READ DATA
SEEK     DC    X'00000001001D'
ID0      DC    X'0001001D00'
ID1      DC    X'0001001D01'
COUNT    DC    X'0001001D01',X'00',AL2(80)
DATA     DC    CL80'ALICE''S OWN RECORD ON HER OWN LAST TRACK'
QT       DC    C'QUERY TIME'
         LTORG
         END
