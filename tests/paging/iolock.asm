***********************************************************************
*  IOLOCK: a disk read into pages that are being stolen all around    *
*  it (tests/paging.rs, the I/O-lock test).                           *
*                                                                     *
*  ALICE writes a 16K record of a known pattern on each of the last   *
*  four tracks of her 191 (cylinder 1, heads 26-29), then, ROUNDS     *
*  times: touches every                                               *
*  page from 256K to 768K (so that, with BOB and CAROL paging beside  *
*  her, the pages above, her buffers, are paged out), and reads the   *
*  four records, in one channel program, into the four 16K buffers   *
*  from 768K (after moving the arm to and fro 22 times: the program  *
*  takes some 25 ms), and checks every word.  CP pages the buffers in *
*  to translate the program (a page just read in is the first the    *
*  clock takes); while the program runs she waits for its             *
*  interruption, and the others run and steal.  CP must not give any  *
*  frame it reads into to anyone else: the data would land in another *
*  machine's page, and hers would come back from its slot without it. *
*  X'600D': every round read right.  X'0E01' the write failed, X'0E02' *
*  a read did, X'0E03' a word came back wrong (BADADDR: where).       *
***********************************************************************
         COPY  GUEST
IOLOCK   START X'8000'
         BALR  R12,0
         USING *,R12
         DIAG  R6,0,X'60'          R6 = the size of storage
         L     R2,=A(PATBUF)       the pattern: word i = X'A5000000'
         L     R3,=F'4096'           + 4 * i
         L     R0,=X'A5000000'
FILL     ST    R0,0(R2)
         A     R0,=F'4'
         LA    R2,4(R2)
         BCT   R3,FILL
         LA    R8,X'1A'            head 26 to 29: a record on each
WLOOP    STC   R8,SEEK+5
         STC   R8,IDW+3
         STC   R8,COUNT+3
         L     R2,=A(PATBUF-8)     the count area just before it
         MVC   0(8,R2),COUNT
         LA    R1,WRITE
         BAL   R14,DOIO
         BAL   R14,OKCSW
         BNZ   FAIL1
         LA    R8,1(R8)
         CH    R8,=H'30'
         BL    WLOOP
         L     R7,ROUNDS
ROUND    L     R3,=A(X'40000')     touch every page from 256K to 768K
         L     R4,=F'4096'
         L     R5,=A(X'C0000')
TOUCH    MVI   0(R3),X'EE'
         AR    R3,R4
         CR    R3,R5
         BL    TOUCH
         L     R3,=A(X'C0000')     the buffers: garbage first (in CP's
         L     R5,=A(X'D0000')       copy of the page: it goes out)
GARB     MVI   0(R3),X'EE'
         AR    R3,R4
         CR    R3,R5
         BL    GARB
POUND    L     R3,=A(X'40000')     and pushed out: the others again
         L     R5,=A(X'C0000')
POUND2   MVI   1(R3),X'EE'
         AR    R3,R4
         CR    R3,R5
         BL    POUND2
         LA    R1,READ             four reads, one program
         BAL   R14,DOIO
         BAL   R14,OKCSW
         BNZ   FAIL2
         L     R2,=A(X'C0000')     every word as written?
         LA    R8,4
CHECK1   L     R3,=F'4096'
         L     R0,=X'A5000000'
CHECK    C     R0,0(R2)
         BNE   FAIL3
         A     R0,=F'4'
         LA    R2,4(R2)
         BCT   R3,CHECK
         BCT   R8,CHECK1
         L     R2,=A(X'C0000')     garbage in them again
         L     R3,=A(X'D0000')
         L     R4,=F'4096'
GARB2    MVI   0(R2),X'EE'
         AR    R2,R4
         CR    R2,R3
         BL    GARB2
         L     R0,NROUND
         A     R0,=F'1'
         ST    R0,NROUND
         BCT   R7,ROUND
         LPSW  GOOD
FAIL1    LPSW  FAIL1PSW
FAIL2    LPSW  FAIL2PSW
FAIL3    ST    R2,BADADDR
         LPSW  FAIL3PSW
         COPY  DOIO
FAIL1PSW DC    X'00020000',X'00000E01'
FAIL2PSW DC    X'00020000',X'00000E02'
FAIL3PSW DC    X'00020000',X'00000E03'
         DS    0D
WRITE    CCW   X'07',SEEK,X'40',6          SEEK cylinder 1, head 29
         CCW   X'31',IDW,X'40',5           SEARCH ID EQUAL R0
         CCW   X'08',*-8,0,1
         CCW   X'1D',PATBUF-8,0,8+16384    WRITE CKD R1: 16K
READ     CCW   X'07',SEEKA,X'40',6         the arm to and fro first:
         CCW   X'07',SEEKB,X'40',6           some milliseconds
         CCW   X'07',SEEKB,X'40',6           more milliseconds
         CCW   X'07',SEEKA,X'40',6           more milliseconds
         CCW   X'07',SEEKB,X'40',6           more milliseconds
         CCW   X'07',SEEKA,X'40',6           more milliseconds
         CCW   X'07',SEEKB,X'40',6           more milliseconds
         CCW   X'07',SEEKA,X'40',6           more milliseconds
         CCW   X'07',SEEKB,X'40',6           more milliseconds
         CCW   X'07',SEEKA,X'40',6           more milliseconds
         CCW   X'07',SEEKB,X'40',6           more milliseconds
         CCW   X'07',SEEKA,X'40',6           more milliseconds
         CCW   X'07',SEEKB,X'40',6           more milliseconds
         CCW   X'07',SEEKA,X'40',6           more milliseconds
         CCW   X'07',SEEKB,X'40',6           more milliseconds
         CCW   X'07',SEEKA,X'40',6           more milliseconds
         CCW   X'07',SEEKB,X'40',6           more milliseconds
         CCW   X'07',SEEKA,X'40',6           more milliseconds
         CCW   X'07',SEEKB,X'40',6           more milliseconds
         CCW   X'07',SEEKA,X'40',6           more milliseconds
         CCW   X'07',SEEKB,X'40',6           more milliseconds
         CCW   X'07',SEEKA,X'40',6           more milliseconds
         CCW   X'07',SEEK0,X'40',6         SEEK head 26
         CCW   X'31',ID0,X'40',5           SEARCH ID EQUAL R1
         CCW   X'08',*-8,0,1
         CCW   X'06',X'C0000',X'60',16384   READ DATA, buffer 0
         CCW   X'07',SEEK1,X'40',6         SEEK head 27
         CCW   X'31',ID1,X'40',5           SEARCH ID EQUAL R1
         CCW   X'08',*-8,0,1
         CCW   X'06',X'C4000',X'60',16384   READ DATA, buffer 1
         CCW   X'07',SEEK2,X'40',6         SEEK head 28
         CCW   X'31',ID2,X'40',5           SEARCH ID EQUAL R1
         CCW   X'08',*-8,0,1
         CCW   X'06',X'C8000',X'60',16384   READ DATA, buffer 2
         CCW   X'07',SEEK3,X'40',6         SEEK head 29
         CCW   X'31',ID3,X'40',5           SEARCH ID EQUAL R1
         CCW   X'08',*-8,0,1
         CCW   X'06',X'CC000',X'20',16384   READ DATA, buffer 3
SEEKA    DC    X'000000000000'           cylinder 0 head 0
SEEKB    DC    X'00000001001D'           cylinder 1 head 29
SEEK0    DC    X'00000001001A'
ID0      DC    X'0001001A01'
SEEK1    DC    X'00000001001B'
ID1      DC    X'0001001B01'
SEEK2    DC    X'00000001001C'
ID2      DC    X'0001001C01'
SEEK3    DC    X'00000001001D'
ID3      DC    X'0001001D01'
SEEK     DC    X'00000001001D'
IDW      DC    X'0001001D00'
COUNT    DC    X'0001001D01',X'00',AL2(16384)
ROUNDS   DC    F'12'
NROUND   DC    F'0'
BADADDR  DC    F'0'
PATBUF   EQU   X'30000'
         LTORG
         END
