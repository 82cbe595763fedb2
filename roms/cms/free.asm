***********************************************************************
*  FREE: free storage (DMSFRE).                                       *
*                                                                     *
*  What CMS needs for a while - a disk's directory, a file's buffers, *
*  an EXEC being run - it takes from free storage: everything above   *
*  the nucleus and its register stack, up to the end of the virtual   *
*  machine's storage.  The free blocks form a list in address order,  *
*  starting at FREELIST in NUCON; each free block begins with         *
*     +0  A   the next free block (0: the last)                       *
*     +4  F   its size in bytes (a multiple of 8)                     *
*  GETBLK takes from the top of the highest free block big enough,    *
*  so that low storage, where programs are loaded (X'20000'), stays   *
*  free as long as it can.  FREEBLK puts a block back and joins it to *
*  its neighbours.  The caller remembers a block's size.              *
***********************************************************************
DMSFRE   CSECT
*
***********************************************************************
*  GETBLK: R0 = bytes wanted.  Out: R1 -> a block of that many bytes *
*  (rounded up to 8), all zeros; R15 = 0, or 4 when no free block is  *
*  big enough (R1 = 0).                                               *
***********************************************************************
GETBLK   ENTER
         BAL   R14,FRROUND         R3 = the size
         SR    R5,R5               the highest block that fits
         L     R4,FREELIST
GB10     LTR   R4,R4
         BZ    GB20
         C     R3,4(R4)
         BH    GB15
         LR    R5,R4
GB15     L     R4,0(R4)
         B     GB10
GB20     LTR   R5,R5
         BZ    GBNONE
         L     R6,4(R5)            take R3 bytes off its top
         SR    R6,R3
         BZ    GB30
         ST    R6,4(R5)            what is left stays free
         LA    R1,0(R6,R5)
         B     GB40
GB30     LA    R4,FREELIST         all of it: unlink it (FREELIST is
GB32     C     R5,0(R4)              the "next" word of a block
         BE    GB34                  before the first)
         L     R4,0(R4)
         B     GB32
GB34     MVC   0(4,R4),0(R5)
         LR    R1,R5
GB40     LR    R6,R1               clear it
         LR    R7,R3
         SR    R8,R8
         SR    R9,R9               (source length 0, pad byte 0)
         MVCL  R6,R8
         SR    R15,R15
         RETURN
GBNONE   SR    R1,R1
         LA    R15,4
         RETURN
*
***********************************************************************
*  FREEBLK: give back the block at R1 of R0 bytes.                    *
***********************************************************************
FREEBLK  ENTER
         BAL   R14,FRROUND         R3 = the size
         ST    R3,4(R1)
         LA    R4,FREELIST         R4: the block before, R5: after
         L     R5,0(R4)
FB10     LTR   R5,R5
         BZ    FB20
         CR    R5,R1
         BH    FB20
         LR    R4,R5
         L     R5,0(R5)
         B     FB10
FB20     ST    R5,0(R1)            in between
         ST    R1,0(R4)
         L     R6,4(R1)            does it touch the one after?
         LA    R7,0(R6,R1)
         CR    R7,R5
         BNE   FB30
         A     R6,4(R5)            yes: one block
         ST    R6,4(R1)
         MVC   0(4,R1),0(R5)
FB30     LA    R0,FREELIST         and the one before?
         CR    R4,R0
         BE    FB40
         L     R6,4(R4)
         LA    R7,0(R6,R4)
         CR    R7,R1
         BNE   FB40
         A     R6,4(R1)            yes: one block
         ST    R6,4(R4)
         MVC   0(4,R4),0(R1)
FB40     RETURN
*
*  FRROUND: R3 = R0 rounded up to a multiple of 8 (at least 8).
FRROUND  LR    R3,R0
         LA    R3,7(R3)
         N     R3,=F'-8'
         BNZ   FRR10
         LA    R3,8
FRR10    BR    R14
         LTORG
