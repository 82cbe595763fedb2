***********************************************************************
*  VDATMAP: segment and page tables that name every address there is. *
*                                                                     *
*  The attack (on isolation, through virtual DAT).  ALICE turns DAT   *
*  on (EC mode) with a segment table of 256 entries mapping all 16M   *
*  of virtual addresses one to one onto "real" addresses 0-FFFFFF -   *
*  the real storage where CP, its directory and BOB live, had CP put  *
*  her tables in the real machine as they are.  Then:                 *
*   1. at one address in every 64K past the end of her storage (and   *
*      the last word there is) she stores X'BAD!' and loads a word;  *
*   2. a segment-table entry whose page table lies past her storage;  *
*   3. a segment table (CR1) past her storage;                        *
*   4. a page-table entry with bits 13-14 set (a format error).       *
*  On a real machine of her size each is an exception: 1-3           *
*  addressing (code 5), 4 translation specification (X'12').  A CP   *
*  whose shadow tables took her table entries for real addresses      *
*  would store into CP's or BOB's storage (the harness compares every *
*  byte of both) and hand her what it holds.                          *
*                                                                     *
*  X'600D': every access gave its exception.  X'BAD1': an access went *
*  through; X'BAD2': another exception.                               *
***********************************************************************
         COPY  GUEST
VDATMAP  START X'8000'
         BALR  R12,0
         USING *,R12
         DIAG  R6,0,X'60'          R6 = the size of her storage
*  The tables: the segment table at BUF1, the page tables after it.
         L     R2,=A(BUF1)
         L     R3,=A(BUF1+X'1000')
         SR    R4,R4               page-table entry: frame 0, valid
         LA    R5,256
BLDSEG   LR    R0,R3               16 entries at R3
         O     R0,=X'F0000000'
         ST    R0,0(R2)
         LA    R1,16
BLDPAGE  STH   R4,0(R3)
         AH    R4,=H'16'           the next 4K frame
         LA    R3,2(R3)
         BCT   R1,BLDPAGE
         LA    R2,4(R2)
         BCT   R5,BLDSEG
         MVC   X'68'(8),PGMNEW     program checks to PGM (DAT off)
         LCTL  0,1,CRS             4K pages, 64K segments; CR1
         LPSW  DATON
*  1. Past the end of her storage: stores and loads.
V1       LR    R7,R6
L1       BAL   R14,TOUCH
         A     R7,=F'65536'
         C     R7,=A(X'1000000')
         BL    L1
         L     R7,=A(X'FFFFFC')    the last word there is
         BAL   R14,TOUCH
*  2. A page table past her storage (segment 1).
         L     R2,=A(BUF1+4)
         MVC   0(4,R2),=X'F0FFFF00'
         PTLB
         L     R7,=A(X'10000')
         LA    R8,5
         LA    R9,T2
         L     R0,0(R7)
         B     LBAD1
T2       BAL   R14,CHECK
*  3. A segment table past her storage: even the next instruction's
*  fetch cannot be translated.  (PGM puts the good one back.)
         LA    R8,5
         LA    R9,T3
         LCTL  1,1,FARCR1
         B     LBAD1
T3       BAL   R14,CHECK
*  4. A page-table entry with bits 13-14 set (segment 2, page 0).
         L     R2,=A(BUF1+8)
         L     R2,0(R2)
         N     R2,=X'00FFFFF8'
         OI    1(R2),X'06'
         PTLB
         L     R7,=A(X'20000')
         LA    R8,X'12'
         LA    R9,T4
         L     R0,0(R7)
         B     LBAD1
T4       BAL   R14,CHECK
         LPSW  GOOD
LBAD1    LPSW  BAD1
*
*  TOUCH: store X'BAD!' at R7, then load from it: addressing, twice.
TOUCH    ST    R14,TOUCHR
         LA    R8,5
         LA    R9,TO10
         MVC   0(4,R7),=C'BAD!'
         B     LBAD1
TO10     BAL   R14,CHECK
         LA    R9,TO20
         L     R0,0(R7)
         B     LBAD1
TO20     BAL   R14,CHECK
         L     R14,TOUCHR
         BR    R14
TOUCHR   DS    F
*
*  CHECK: was the program check's code R8?  (Else BAD2.)
CHECK    CH    R8,PGMCODE
         BER   R14
         LPSW  BAD2
*
*  PGM (EC mode, DAT off): note the code, put the good segment table
*  back, go on at R9 with DAT on.
PGM      MVC   PGMCODE,X'8E'
         LCTL  1,1,CRS+4
         ST    R9,RESUME+4
         LPSW  RESUME
         DS    0D
PGMNEW   DC    X'00080000',A(PGM)  EC, DAT off, disabled
DATON    DC    X'04080000',A(V1)   EC, DAT on
RESUME   DC    X'04080000',A(0)
CRS      DC    X'00800000'         CR0: 4K pages, 64K segments
         DC    A(X'0F000000'+BUF1) CR1: 256 entries at BUF1
FARCR1   DC    X'0FFF0000'         a segment table past her storage
PGMCODE  DS    H
         LTORG
         COPY  DOIO
         END
