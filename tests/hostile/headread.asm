***********************************************************************
*  HEADREAD: SEEK HEAD to head 0 (the arm stays on its cylinder),     *
*  then READ R0 and READ CKD, looking for BOB's record.  Run after     *
*  BADHEAD and BOB's I/O: if CP counted the arm as ALICE's although   *
*  its own SEEK before her program was refused, the arm is still on   *
*  BOB's cylinder and this reads his record (BAD1).                   *
***********************************************************************
         COPY  GUEST
HEADREAD START X'8000'
         BALR  R12,0
         USING *,R12
         LA    R1,READ
         BAL   R14,DOIO
         LA    R3,MARKER
         L     R4,=A(BUF1)
         L     R5,=F'8192'
         BAL   R14,FIND
         BE    LEAKED
         LPSW  GOOD
LEAKED   LPSW  BAD1
READ     CCW   X'1B',ARG,X'60',6           SEEK HEAD 0
         CCW   X'16',BUF2,X'60',64         READ R0
         CCW   X'1E',BUF1,X'20',8192       READ CKD: the next record
ARG      DC    XL6'00'
MARKER   DC    C'THE EAGL'                 BOB's record
         COPY  DOIO
         END
