***********************************************************************
*  BOBMARK: not an attack - the victim's own work.  BOB writes a      *
*  record on cylinder 0, head 0 of his minidisk (R1, 80 bytes) whose  *
*  text the attackers then try to get at:                             *
*        BOB'S SECRET: THE EAGLE LANDS AT MIDNIGHT                    *
*  It ends with X'600D' when the record is written, X'0E01' if not.   *
*  Afterwards the access arm is on BOB's first real cylinder.         *
***********************************************************************
         COPY  GUEST
BOBMARK  START X'8000'
         BALR  R12,0
         USING *,R12
         LA    R1,WRITE
         BAL   R14,DOIO
         BAL   R14,OKCSW
         BNZ   FAIL
         LPSW  GOOD
FAIL     LPSW  FAILPSW
         COPY  DOIO
FAILPSW  DC    X'00020000',X'00000E01'
WRITE    CCW   X'07',SEEK,X'40',6          SEEK cylinder 0, head 0
         CCW   X'31',ID0,X'40',5           SEARCH ID EQUAL R0
         CCW   X'08',*-8,0,1               TIC back to the search
         CCW   X'1D',COUNT,0,8+80          WRITE COUNT, KEY AND DATA
SEEK     DC    XL6'00'                     BB CC HH
ID0      DC    XL5'00'                     CC HH R
COUNT    DC    X'0000000001',X'00',AL2(80)   CC HH R KL DL
DATA     DC    CL80'BOB''S SECRET: THE EAGLE LANDS AT MIDNIGHT'
         LTORG
         END
