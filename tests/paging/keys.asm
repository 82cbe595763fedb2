***********************************************************************
*  KEYS: storage keys survive paging (tests/paging.rs).               *
*                                                                     *
*  In EC mode (so that ISK shows the reference and change bits too),  *
*  for every page from 64K to the end of storage: SSK each 2K half    *
*  with its own key and fetch bit and R = C = 0, then store into the  *
*  first half only.  Once all are set (CP has paged most of them out  *
*  meanwhile: the machine is larger than the frames it can have),     *
*  ISK each half: the key and fetch bit as set; the first half R and  *
*  C (it was stored into), the second R = C = 0 (never touched since  *
*  its SSK: CP's own reading and writing of the page must not show).  *
*  Then RRB on the first half: CC 3 (R and C); and ISK again: R 0, C  *
*  1.  X'600D' all right; X'0E01' a key differs, X'0E02' RRB's CC,    *
*  X'0E03' the key after RRB (BADADDR: where, GOTKEY: what ISK said). *
***********************************************************************
R0       EQU   0
R1       EQU   1
R2       EQU   2
R3       EQU   3
R4       EQU   4
R5       EQU   5
R6       EQU   6
R12      EQU   12
KEYS     START X'8000'
         BALR  R12,0
         USING *,R12
         DIAG  R6,0,X'60'          R6 = the size of storage
         LPSW  ECMODE              EC mode from here
EC       L     R3,=A(X'10000')
SET      BAL   R5,KEYOF            R4 = the first half's key
         SSK   R4,R3
         LA    R2,2048(R3)
         LA    R4,X'10'(R4)        the second half's: the next key
         N     R4,=F'248'
         SSK   R4,R2
         ST    R3,0(R3)            a store into the first half
         A     R3,=F'4096'
         CR    R3,R6
         BL    SET
         L     R3,=A(X'10000')
CHK      BAL   R5,KEYOF
         SR    R0,R0
         ISK   R0,R3
         N     R0,=F'254'
         O     R4,=F'6'            R and C: referenced and changed
         CR    R0,R4
         BNE   BAD1
         LA    R2,2048(R3)
         BAL   R5,KEYOF
         LA    R4,X'10'(R4)
         N     R4,=F'248'          R = C = 0: not touched since SSK
         SR    R0,R0
         ISK   R0,R2
         N     R0,=F'254'
         CR    R0,R4
         BNE   BAD1
         RRB   0(R3)               R and C: CC 3
         BC    14,BAD2
         BAL   R5,KEYOF
         O     R4,=F'2'            now R 0, C 1
         SR    R0,R0
         ISK   R0,R3
         N     R0,=F'254'
         CR    R0,R4
         BNE   BAD3
         A     R3,=F'4096'
         CR    R3,R6
         BL    CHK
         LPSW  GOOD
BAD1     ST    R3,BADADDR
         ST    R0,GOTKEY
         LPSW  BAD1PSW
BAD2     ST    R3,BADADDR
         LPSW  BAD2PSW
BAD3     ST    R3,BADADDR
         ST    R0,GOTKEY
         LPSW  BAD3PSW
*  KEYOF: R4 = the key of the page at R3: key (page number mod 16)
*  in bits 0-3, the fetch bit for odd pages.  Uses R4.
KEYOF    LR    R4,R3
         SRL   R4,12
         N     R4,=F'15'
         SLL   R4,4
         LR    R0,R3               the fetch bit: the page number's
*                                    lowest bit
         SRL   R0,9
         N     R0,=F'8'
         OR    R4,R0
         BR    R5
         DS    0D
ECMODE   DC    X'00080000',A(EC)
GOOD     DC    X'000200000000600D'
BAD1PSW  DC    X'0002000000000E01'
BAD2PSW  DC    X'0002000000000E02'
BAD3PSW  DC    X'0002000000000E03'
BADADDR  DC    F'0'
GOTKEY   DC    F'0'
         LTORG
         END
