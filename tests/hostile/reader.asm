***********************************************************************
*  READER: not an attack - a third user's honest disk work, beside    *
*  the fuzzer.  CAROL writes a record on cylinder 0, head 0 of her    *
*  minidisk (R1: CAROL'S RECORD: RED SKY AT NIGHT), sets WRITTEN for  *
*  the harness, and then reads it back for ever, with 40 ms of        *
*  computing between two reads.  So the access arm keeps coming to    *
*  her cylinder between the fuzzer's channel programs, as it would on *
*  a busy system: a fuzzer program that finds the arm there must not  *
*  get at her record (the harness looks for its text in ALICE's       *
*  storage, and checks that her tracks do not change).  It never      *
*  ends; X'0E01' if the write fails.                                  *
***********************************************************************
         COPY  GUEST
READER   START X'8000'
         BALR  R12,0
         USING *,R12
         LA    R1,WRITE
         BAL   R14,DOIO
         BAL   R14,OKCSW
         BNZ   FAIL
         MVI   WRITTEN+3,1         the harness may go on
LOOP     LA    R1,READ
         BAL   R14,DOIO
         L     R2,=F'20000'        then think a while (40,000
DELAY    BCT   R2,DELAY              instructions, 40 ms)
         B     LOOP
FAIL     LPSW  FAILPSW
FAILPSW  DC    X'00020000',X'00000E01'
WRITTEN  DC    F'0'
WRITE    CCW   X'07',SEEK,X'40',6          SEEK cylinder 0, head 0
         CCW   X'31',ID0,X'40',5           SEARCH ID EQUAL R0
         CCW   X'08',*-8,0,1
         CCW   X'1D',COUNT,0,8+80          WRITE CKD R1
READ     CCW   X'07',SEEK,X'40',6
         CCW   X'31',ID1,X'40',5           SEARCH ID EQUAL R1
         CCW   X'08',*-8,0,1
         CCW   X'06',BUF1,X'20',80         READ DATA
SEEK     DC    XL6'00'
ID0      DC    XL5'00'
ID1      DC    X'0000000001'
COUNT    DC    X'0000000001',X'00',AL2(80)
DATA     DC    CL80'CAROL''S RECORD: RED SKY AT NIGHT'
         COPY  DOIO
         END
