***********************************************************************
*  BIGSEEK: large counts on SEEK and SEARCH ID arguments.             *
*                                                                     *
*  The attack.  A SEEK uses six bytes and a SEARCH ID five, but the   *
*  CCW may say 65535.  A CP that copies the argument by the CCW's     *
*  count overruns its copy (into the next copies, the IDAW lists, or  *
*  beyond); one that copies a fixed six or five bytes is fine.  The   *
*  arguments are also put in the last bytes of the guest's storage:   *
*  a CP that checks the whole count against the end of storage        *
*  refuses them, one that copies what it needs takes them.            *
*     1. SEEK (count 65535) / SEARCH ID EQUAL R0 (count 65535) / TIC /*
*        READ DATA                                                    *
*     2. SEEK, count 65535, its argument in the last 6 bytes          *
*     3. SEEK / SEARCH ID EQUAL, count 65535, its argument in the     *
*        last 5 bytes                                                 *
*  Whatever CP answers, nothing outside ALICE's storage and minidisk  *
*  may change; the harness checks.                                    *
*                                                                     *
*  Ends with X'600D' whatever the CSWs said.                          *
***********************************************************************
         COPY  GUEST
BIGSEEK  START X'8000'
         BALR  R12,0
         USING *,R12
         LA    R1,P1
         BAL   R14,DOIO
         DIAG  R6,0,X'60'          R6 = the size of storage
         LR    R2,R6
         S     R2,=F'6'
         STCM  R2,7,P2+1           the argument: the last 6 bytes
         LA    R1,P2
         BAL   R14,DOIO
         LR    R2,R6
         S     R2,=F'5'
         STCM  R2,7,P3+9           the argument: the last 5 bytes
         LA    R1,P3
         BAL   R14,DOIO
         LPSW  GOOD
P1       CCW   X'07',SEEK,X'60',65535      SEEK
         CCW   X'31',ID0,X'60',65535       SEARCH ID EQUAL R0
         CCW   X'08',*-8,0,1
         CCW   X'06',BUF1,X'20',8          READ DATA
P2       CCW   X'07',0,X'20',65535         SEEK: address set
P3       CCW   X'07',SEEK,X'60',6
         CCW   X'31',0,X'20',65535         SEARCH ID: address set
SEEK     DC    XL6'00'
ID0      DC    XL5'00'
         COPY  DOIO
         END
