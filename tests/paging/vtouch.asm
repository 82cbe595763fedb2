***********************************************************************
*  VTOUCH: TOUCH with the guest's own DAT on (tests/paging.rs).  The  *
*  machine builds a segment table at X'9000' and page tables at       *
*  X'A000' that map its whole storage one to one (4K pages, 64K       *
*  segments: CR0 X'00800000'), turns DAT on (an EC-mode PSW) and      *
*  writes and checks every page from 64K up, PASSES times, as TOUCH   *
*  does - so every page it finds missing is a fault on CP's shadow    *
*  tables (vat.asm's VATFAULT), which waits in page wait for a page   *
*  on its slot.  Ends in a disabled wait: X'600D' every word right,   *
*  X'BAD1' a wrong one (BADADDR: where).                              *
***********************************************************************
R0       EQU   0
R1       EQU   1
R2       EQU   2
R3       EQU   3
R4       EQU   4
R5       EQU   5
R6       EQU   6
R7       EQU   7
R8       EQU   8
R9       EQU   9
R12      EQU   12
VTOUCH   START X'8000'
         BALR  R12,0
         USING *,R12
         DIAG  R6,0,X'60'          R6 = the size of storage
         L     R1,=A(X'9000')      the segment table
         L     R2,=A(X'A000')      the page tables, 32 bytes each
         SR    R3,R3               the address mapped
         LR    R5,R6               segments: size / 64K
         SRL   R5,16
STB10    LR    R0,R2               the entry: 16 pages at R2 (length
         O     R0,=X'F0000000'       15: in pages, with 64K segments),
         ST    R0,0(R1)              valid
         LA    R8,16
PTB10    LR    R0,R3               the page's entry: itself
         SRL   R0,8
         STH   R0,0(R2)
         LA    R2,2(R2)
         A     R3,=F'4096'
         BCT   R8,PTB10
         LA    R1,4(R1)
         BCT   R5,STB10
         LCTL  0,1,CRS             CR0: 4K pages, 64K segments; CR1
         PTLB
         LPSW  DATON               EC mode, DAT on, at V1
V1       DS    0H
         COPY  TOUCHPASS
         DS    0D
DATON    DC    X'04080000',A(V1)
CRS      DC    X'00800000',X'00009000'
         LTORG
         END
