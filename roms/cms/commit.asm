***********************************************************************
*  COMMIT: blocks of a disk, and writing its directory (DMSALU).      *
*                                                                     *
*  A disk's directory is its master directory (block 4: where the FST *
*  blocks and the bitmap's extension blocks are, and the bitmap's     *
*  first part), its FST blocks and its bitmap.  CMS changes them in   *
*  storage and writes them when a command has changed the disk, in an *
*  order that leaves the disk readable whenever the machine stops:    *
*   1. every changed FST block and every bitmap extension block goes  *
*      to a block that is free on the disk as it is, never over the   *
*      block that holds it now;                                       *
*   2. then the master directory, in one write, names the new blocks. *
*  Until step 2 the disk is the old one, after it the new one; a      *
*  file's data blocks were written before, to blocks free on both.    *
*  So a block is handed out only when it is free in the bitmap in     *
*  storage AND in the bitmap as the disk has it (ADTBMOLD): a block   *
*  freed by this command (an erased file's) is reused only after the  *
*  master directory that no longer names it is on the disk.           *
***********************************************************************
DMSALU   CSECT
*
***********************************************************************
*  DALLOC: a free block of the disk whose ADT is R2.                  *
*  Out: R0 = its number, R15 = 0; or R15 = 4 when the disk is full.   *
***********************************************************************
DALLOC   ENTER
         USING ADT,R2
         L     R3,ADTBMAP
         L     R4,ADTBMOLD
         L     R5,ADTBMLEN
         L     R6,ADTROVER         where to start
         CR    R6,R5
         BL    DA05
         SR    R6,R6
DA05     LR    R7,R5               each byte once
DA10     IC    R0,0(R6,R3)
         IC    R1,0(R6,R4)
         OR    R0,R1
         N     R0,=F'255'
         C     R0,=F'255'          eight blocks in use
         BE    DA15
         LA    R8,X'80'            the first free one of them
         SR    R9,R9
DA12     LR    R1,R0
         NR    R1,R8
         BZ    DA20
         SRL   R8,1
         LA    R9,1(R9)
         B     DA12
DA15     LA    R6,1(R6)
         CR    R6,R5
         BL    DA17
         SR    R6,R6
DA17     BCT   R7,DA10
         LA    R15,4               full
         RETURN
DA20     LR    R1,R6               block = byte*8 + bit + 1
         SLL   R1,3
         LA    R1,1(R9,R1)
         C     R1,ADTNUM           (the last byte's spare bits)
         BH    DA15
         IC    R0,0(R6,R3)         mark it used
         OR    R0,R8
         STC   R0,0(R6,R3)
         ST    R6,ADTROVER
         L     R0,ADTUSED
         A     R0,=F'1'
         ST    R0,ADTUSED
         L     R0,ADTLEFT
         S     R0,=F'1'
         ST    R0,ADTLEFT
         LR    R0,R1
         SR    R15,R15
         RETURN
*
***********************************************************************
*  DFREE: block R0 of the disk whose ADT is R2 is free again.         *
***********************************************************************
DFREE    ENTER
         LR    R1,R0
         BCTR  R1,0
         LR    R3,R1
         SRL   R3,3                its byte
         C     R3,ADTBMLEN
         BNL   DF10
         N     R1,=F'7'            its bit
         LA    R4,X'80'
         SRL   R4,0(R1)
         A     R3,ADTBMAP
         IC    R0,0(R3)
         LR    R1,R0
         NR    R1,R4
         BZ    DF10                (it was free)
         X     R4,=F'255'
         NR    R0,R4
         STC   R0,0(R3)
         L     R0,ADTUSED
         S     R0,=F'1'
         ST    R0,ADTUSED
         L     R0,ADTLEFT
         A     R0,=F'1'
         ST    R0,ADTLEFT
DF10     RETURN
*
***********************************************************************
*  COMMIT: write the directory of the disk whose ADT is R2, as above. *
*  Out: R15 = 0 fine, 4 an I/O error, 13 the disk or its master       *
*  directory is full.                                                 *
***********************************************************************
COMMIT   ENTER
         L     R8,ADTMFD
         USING MFD,R8
*  How many bitmap extension blocks: (bytes - 215 + 799) / 800.
         SR    R9,R9
         L     R1,ADTBMLEN
         SH    R1,=AL2(MFDBMN)
         BNP   CO02
         AH    R1,=H'799'
         SR    R0,R0
         D     R0,=F'800'
         LR    R9,R1               R9: extension blocks
*  Room in the list: FST blocks, extension blocks, two end marks.
CO02     LR    R3,R9
         LA    R3,2(R3)
         L     R4,ADTFSTS
CO04     LTR   R4,R4
         BZ    CO06
         LA    R3,1(R3)
         L     R4,0(R4)
         B     CO04
CO06     CH    R3,=AL2(L'MFDLIST/2)
         BH    COFULL
*  1. Changed FST blocks move to new blocks.
         L     R4,ADTFSTS
         USING FSTB,R4
CO10     LTR   R4,R4
         BZ    CO20
         TM    FSTBFLAG,FSTBDIRT
         BZ    CO18
         ICM   R0,15,FSTBBLK
         BZ    CO12
         CALL  DFREE
CO12     CALL  DALLOC
         LTR   R15,R15
         BNZ   COFULL
         ST    R0,FSTBBLK
CO18     L     R4,FSTBNEXT
         B     CO10
*  ... and so do the bitmap's extension blocks: the old ones are freed
*  (found after X'FFFD' in the list), new ones taken.
CO20     LA    R3,MFDLIST
         LA    R5,MFDLIST+L'MFDLIST
CO22     CR    R3,R5
         BNL   CO30
         CLC   0(2,R3),=X'FFFF'
         BE    CO30
         CLC   0(2,R3),=X'FFFD'
         LA    R3,2(R3)
         BNE   CO22
CO24     CR    R3,R5
         BNL   CO30
         SR    R0,R0
         ICM   R0,3,0(R3)
         BZ    CO30
         CALL  DFREE
         LA    R3,2(R3)
         B     CO24
CO30     LTR   R6,R9
         BZ    CO40
         LA    R7,COEXT
CO32     CALL  DALLOC
         LTR   R15,R15
         BNZ   COFULL
         STH   R0,0(R7)
         LA    R7,2(R7)
         BCT   R6,CO32
*  The new list.
CO40     XC    MFDLIST(182),MFDLIST
         XC    MFDLIST+182(182),MFDLIST+182
         LA    R3,MFDLIST
         L     R4,ADTFSTS
CO42     LTR   R4,R4
         BZ    CO44
         L     R0,FSTBBLK
         STH   R0,0(R3)
         LA    R3,2(R3)
         L     R4,FSTBNEXT
         B     CO42
CO44     MVC   0(2,R3),=X'FFFF'
         LTR   R6,R9
         BZ    CO50
         MVC   0(2,R3),=X'FFFD'
         LA    R3,2(R3)
         LA    R7,COEXT
CO46     MVC   0(2,R3),0(R7)
         LA    R3,2(R3)
         LA    R7,2(R7)
         BCT   R6,CO46
*  The counts, the bitmap's first part and the last byte in use.
CO50     MVC   MFDNUM,ADTNUM
         MVC   MFDUSED,ADTUSED
         MVC   MFDLEFT,ADTLEFT
         MVC   MFDCYL,ADTCYL
         L     R3,ADTBMAP
         L     R4,ADTBMLEN
CO52     BCTR  R4,0                the last byte that is not zero
         LTR   R4,R4
         BM    CO54
         LA    R1,0(R4,R3)
         CLI   0(R1),0
         BE    CO52
CO54     ST    R4,MFDLAST
         XC    MFDBMAP,MFDBMAP
         L     R1,ADTBMLEN
         CH    R1,=AL2(MFDBMN)
         BNH   CO56
         LA    R1,MFDBMN
CO56     BCTR  R1,0
         EX    R1,COMVCBM
         MVI   MFD3350,X'0B'
*  2. Write: the extension blocks, the changed FST blocks ...
         LTR   R6,R9
         BZ    CO70
         LA    R7,COEXT
         L     R10,ADTBMAP         the part each holds
         AH    R10,=AL2(MFDBMN)
         L     R11,ADTBMLEN
         SH    R11,=AL2(MFDBMN)    bytes left to write
CO62     XC    COBUF(250),COBUF
         XC    COBUF+250(250),COBUF+250
         XC    COBUF+500(250),COBUF+500
         XC    COBUF+750(50),COBUF+750
         LR    R1,R11
         CH    R1,=H'800'
         BNH   CO64
         LH    R1,=H'800'
CO64     BCTR  R1,0
         EX    R1,COMVCX
         SR    R0,R0
         ICM   R0,3,0(R7)
         LA    R1,COBUF
         CALL  WRBLK
         LTR   R15,R15
         BNZ   COIOERR
         LA    R10,800(R10)
         SH    R11,=H'800'
         LA    R7,2(R7)
         BCT   R6,CO62
CO70     L     R4,ADTFSTS
CO72     LTR   R4,R4
         BZ    CO80
         TM    FSTBFLAG,FSTBDIRT
         BZ    CO78
         L     R0,FSTBBLK
         LA    R1,FSTBDATA
         CALL  WRBLK
         LTR   R15,R15
         BNZ   COIOERR
         NI    FSTBFLAG,255-FSTBDIRT
CO78     L     R4,FSTBNEXT
         B     CO72
*  ... and last the master directory, which makes it all the disk's.
CO80     LA    R0,4
         LR    R1,R8
         CALL  WRBLK
         LTR   R15,R15
         BNZ   COIOERR
         L     R4,ADTBMOLD         the disk has this bitmap now
         L     R5,ADTBMLEN
         L     R6,ADTBMAP
         LR    R7,R5
         MVCL  R4,R6
         SR    R15,R15
         RETURN
COFULL   LA    R15,13
         RETURN
COIOERR  LA    R15,4
         RETURN
COMVCBM  MVC   MFDBMAP(0),0(R3)
COMVCX   MVC   COBUF(0),0(R10)
         DROP  R2,R4,R8
COEXT    DS    16H                 new extension blocks' numbers
COBUF    DS    XL800
         LTORG
