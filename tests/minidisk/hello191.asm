***********************************************************************
*  HELLO191: a guest program that writes a record on its minidisk at *
*  191 and reads it back - the proof that CP's channel-program       *
*  translation relocates cylinders.  scenarios/minidisk.ron plants   *
*  it at X'3000' with CP's STORE command and starts it.              *
*                                                                     *
*  It polls with TIO instead of taking I/O interruptions, so that it *
*  leaves CMS's new PSWs alone.  At the end it loads a disabled wait *
*  PSW: code X'600D' if the record read back is the record written,  *
*  X'0BAD' if not, X'0E00' + n if channel program n failed.  The two *
*  CSWs are kept at X'3400' and X'3408'.                             *
***********************************************************************
HELLO    START X'3000'
         USING HELLO,12
         BALR  12,0                (base = X'3002' - 2 below)
         BCTR  12,0
         BCTR  12,0
*  Write record 1 on cylinder 0, head 0 of the minidisk.
         LA    1,WRITE
         ST    1,X'48'             CAW
         SIO   X'191'
         BNZ   FAIL1
W10      TIO   X'191'              wait for the status
         BC    2,W10
         MVC   CSW1,X'40'
         TM    X'44',X'03'         unit check or exception?
         BNZ   FAIL1
*  Read it back.
         LA    1,READ
         ST    1,X'48'
         SIO   X'191'
         BNZ   FAIL2
R10      TIO   X'191'
         BC    2,R10
         MVC   CSW2,X'40'
         TM    X'44',X'03'
         BNZ   FAIL2
         CLC   DATA,BACK
         BNE   BAD
         LPSW  GOOD
BAD      LPSW  BADPSW
FAIL1    LPSW  FAIL1PSW
FAIL2    LPSW  FAIL2PSW
         DS    0D
GOOD     DC    X'000200000000600D'
BADPSW   DC    X'0002000000000BAD'
FAIL1PSW DC    X'0002000000000E01'
FAIL2PSW DC    X'0002000000000E02'
WRITE    CCW   X'07',SEEK,X'40',6          SEEK cylinder 0 head 0
         CCW   X'31',ID0,X'40',5           SEARCH ID EQUAL record 0
         CCW   X'08',*-8,0,1               TIC back to the search
         CCW   X'1D',COUNT,0,8+80          WRITE COUNT, KEY AND DATA
READ     CCW   X'07',SEEK,X'40',6
         CCW   X'31',ID1,X'40',5           SEARCH ID EQUAL record 1
         CCW   X'08',*-8,0,1
         CCW   X'06',BACK,X'20',80         READ DATA
SEEK     DC    X'000000000000'             BB CC HH
ID0      DC    X'0000000000'               CC HH R
ID1      DC    X'0000000001'
COUNT    DC    X'0000000001',X'00',H'80'   CC HH R KL DL
DATA     DC    CL80'HELLO FROM ALICE''S MINIDISK, CYLINDER 0 OF 191'
BACK     DC    CL80' '
         ORG   HELLO+X'400'
CSW1     DS    D
CSW2     DS    D
         END
