***********************************************************************
*  VDATLOOP: translation exceptions without end (virtual DAT).        *
*                                                                     *
*  The attack (on the CPU share).  ALICE turns DAT on with 2K pages   *
*  and 64K segments, then loops: she touches one page in each of      *
*  four segments - each a translation exception CP takes and          *
*  answers by filling a shadow-table entry - purges her TLB (PTLB:    *
*  CP forgets every shadow entry) and starts again; every eighth      *
*  round she also touches an invalid page, a page-translation         *
*  exception CP reflects to her.  Almost all the time is CP's, spent  *
*  for her.  A CP that did not charge it to her time slice would let  *
*  her keep the CPU, and BOB would wait.                              *
*  It never ends.                                                     *
***********************************************************************
         COPY  GUEST
VDATLOOP START X'8000'
         BALR  R12,0
         USING *,R12
*  The tables: 16 segments, each a page table of 32 2K pages, one to
*  one; page 31 of segment 15 (X'FF800') invalid.
         L     R2,=A(BUF1)
         L     R3,=A(BUF1+X'100')
         SR    R4,R4               page-table entry: 2K frame 0
         LA    R5,16
BLDSEG   LR    R0,R3
         O     R0,=X'F0000000'     length 15: all 32 entries
         ST    R0,0(R2)
         LA    R1,32
BLDPAGE  STH   R4,0(R3)
         AH    R4,=H'8'            the next 2K frame
         LA    R3,2(R3)
         BCT   R1,BLDPAGE
         LA    R2,4(R2)
         BCT   R5,BLDSEG
         BCTR  R3,0                the last entry invalid
         BCTR  R3,0
         OI    1(R3),X'04'
         MVC   X'68'(8),PGMNEW
         LCTL  0,1,CRS             2K pages, 64K segments; CR1
         LPSW  DATON
LOOP     LA    R7,4                four segments, one page each
         L     R2,=A(X'800')         (all in her 256K)
TOUCH    L     R0,0(R2)
         A     R2,=A(X'10800')     the next segment, the next page
         BCT   R7,TOUCH
         PTLB                      forget them all
         BCT   R8,LOOP
         LA    R8,8                every eighth round: a reflected
         L     R2,=A(X'FF800')       page-translation exception
         L     R0,0(R2)
         B     LOOP
*  PGM (EC mode, DAT off): back to the loop with DAT on.
PGM      LPSW  DATON
         DS    0D
PGMNEW   DC    X'00080000',A(PGM)  EC, DAT off, disabled
DATON    DC    X'04080000',A(LOOP) EC, DAT on
CRS      DC    X'00400000'         CR0: 2K pages, 64K segments
         DC    A(X'0F000000'+BUF1) CR1: 256 entries at BUF1
         LTORG
         END
