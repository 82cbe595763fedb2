***********************************************************************
*  FSREAD: reading a file (DMSFNS, DMSFSR).                           *
*                                                                     *
*  A file's FST names its first chain link.  The first chain link     *
*  holds 40 halfword block numbers of further chain links, then 60    *
*  halfword numbers of data blocks; each further chain link holds 400 *
*  more.  So data block i (from 0) is named                           *
*     i < 60:  in the first chain link at 80 + 2i                     *
*     else:    in further link j = (i-60)/400 + 1, at 2*((i-60)//400) *
*  The records run on through the data blocks, across their ends; a   *
*  V record begins with its length in a halfword.  Block numbers are  *
*  unsigned halfwords (up to 65535): ICM, never LH, fetches them.     *
*                                                                     *
*  An open file is an AFT (see BLOCKS); it keeps the first chain link,*
*  one further link and one data block in storage.                    *
***********************************************************************
DMSFSR   CSECT
*
***********************************************************************
*  FSOPENR: open the file whose FST is at R1, on the disk whose ADT   *
*  is R2, for reading.  Out: R1 -> its AFT; R15 = 0, or 4 an I/O      *
*  error, or 20 no storage.                                           *
***********************************************************************
FSOPENR  ENTER
         LR    R6,R1
         LA    R0,AFTLEN
         CALL  GETBLK
         LTR   R15,R15
         BNZ   FOR90
         LR    R3,R1
         USING AFT,R3
         USING FST,R6
         MVI   AFTFLAGS,AFTREAD
         ST    R2,AFTADT
         ST    R6,AFTFST
         LA    R0,1
         ST    R0,AFTRECNO
         L     R0,=F'-1'
         ST    R0,AFTDIDX
         SR    R0,R0               its first chain link
         ICM   R0,3,FSTFCLPT
         BZ    FOR10               (an empty file has none)
         LA    R1,AFTLINK1
         CALL  RDBLK
         LTR   R15,R15
         BNZ   FOR80
FOR10    L     R0,AFTOPEN          on the list of open files
         ST    R0,AFTNEXT
         ST    R3,AFTOPEN
         LR    R1,R3
         SR    R15,R15
         RETURN
FOR80    LR    R1,R3
         LA    R0,AFTLEN
         CALL  FREEBLK
         LA    R15,4
         RETURN
FOR90    LA    R15,20
         RETURN
*
***********************************************************************
*  FSCLOSE: close the file whose AFT is R1 (reading: forget it;       *
*  writing: see FSCLOSEW, which calls this at the end).               *
***********************************************************************
FSCLOSE  ENTER
         LA    R2,AFTOPEN          take it off the list
FC10     ICM   R3,15,0(R2)
         BZ    FC20
         CR    R3,R1
         BE    FC15
         LR    R2,R3
         B     FC10
FC15     MVC   0(4,R2),0(R3)
FC20     LA    R0,AFTLEN
         CALL  FREEBLK
         SR    R15,R15
         RETURN
*
***********************************************************************
*  FSCLALL: close every file still open (the end of a command).  A    *
*  file being written is written out (FSCLOSEW).                      *
***********************************************************************
FSCLALL  ENTER
FCA10    ICM   R1,15,AFTOPEN
         BZ    FCA90
         TM    AFTFLAGS-AFT(R1),AFTWRITE
         BO    FCA20
         CALL  FSCLOSE
         B     FCA10
FCA20    CALL  FSCLOSEW
         B     FCA10
FCA90    RETURN
*
***********************************************************************
*  FBLKNUM: R1 -> an AFT, R0 = a data block's index (from 0).         *
*  Out: R0 = its block number; R15 = 0, 4 an I/O error, 8 the file    *
*  has no such block (a damaged chain).                               *
***********************************************************************
FBLKNUM  ENTER
         LR    R3,R1
         C     R0,=F'60'
         BNL   FBN20
         LR    R4,R0               in the first chain link
         SLL   R4,1
         LA    R4,AFTLINK1+80(R4)
         SR    R0,R0
         ICM   R0,3,0(R4)
         BZ    FBN90
         B     FBN80
FBN20    S     R0,=F'60'           in further link j, at k
         LR    R5,R0
         SR    R4,R4
         D     R4,=F'400'
         LA    R5,1(R5)            R5 = j, R4 = k
         C     R5,=F'40'
         BH    FBN90
         C     R5,AFTLIDX
         BE    FBN30
         LR    R6,R5
         BCTR  R6,0
         SLL   R6,1
         LA    R6,AFTLINK1(R6)
         SR    R0,R0
         ICM   R0,3,0(R6)
         BZ    FBN90
         L     R2,AFTADT
         LA    R1,AFTLINKN
         CALL  RDBLK
         LTR   R15,R15
         BNZ   FBN95
         ST    R5,AFTLIDX
FBN30    SLL   R4,1
         LA    R4,AFTLINKN(R4)
         SR    R0,R0
         ICM   R0,3,0(R4)
         BZ    FBN90
FBN80    SR    R15,R15
         RETURN
FBN90    LA    R15,8
         RETURN
FBN95    LA    R15,4
         RETURN
*
***********************************************************************
*  FRDB: R1 -> an AFT: move the file's next R3 bytes (from AFTBYTE)   *
*  to R2 (R2 = 0: skip them).  Out: R15 = 0, or FBLKNUM's and RDBLK's.*
***********************************************************************
FRDB     ENTER
         LR    R9,R1
         DROP  R3
         USING AFT,R9
FRB10    LTR   R3,R3
         BNP   FRB90
         L     R5,AFTBYTE          which block, where in it
         SR    R4,R4
         D     R4,=F'800'
         C     R5,AFTDIDX
         BE    FRB20
         LR    R0,R5               read it
         LR    R1,R9
         CALL  FBLKNUM
         LTR   R15,R15
         BNZ   FRB95
         ST    R2,FRBDEST
         L     R2,AFTADT
         LA    R1,AFTDATA
         CALL  RDBLK
         L     R2,FRBDEST
         LTR   R15,R15
         BNZ   FRB95
         ST    R5,AFTDIDX
FRB20    LA    R7,800              this much of it
         SR    R7,R4
         CR    R7,R3
         BNH   FRB30
         LR    R7,R3
FRB30    LTR   R2,R2
         BZ    FRB40
         LA    R10,AFTDATA(R4)     from the block
         LR    R11,R7
         LR    R4,R2               to the caller's area
         LR    R5,R7
         MVCL  R4,R10
         LR    R2,R4               (where the next bytes go)
FRB40    L     R0,AFTBYTE
         AR    R0,R7
         ST    R0,AFTBYTE
         SR    R3,R7
         B     FRB10
FRB90    SR    R15,R15
FRB95    RETURN
FRBDEST  DS    A
*
***********************************************************************
*  FSREADR: read the next record of the file whose AFT is R1 into R2, *
*  at most R3 bytes.  Out: R0 = the record's length (more than R3:    *
*  only R3 bytes were moved); R15 = 0, 12 no more records, or 4/8.    *
***********************************************************************
FSREADR  ENTER
         LR    R9,R1
         L     R6,AFTFST
         SR    R7,R7
         ICM   R7,3,FSTRECCT
         C     R7,AFTRECNO
         BL    FSR90               end of file
         L     R7,FSTLRECL         F: every record LRECL long
         CLI   FSTRECFM,C'V'
         BNE   FSR20
         ST    R2,FSRBUF           V: its length first
         ST    R3,FSRSIZE
         LA    R2,FSRLEN
         LA    R3,2
         BAL   R14,FSRBYTES
         BNZ   FSR95
         L     R2,FSRBUF
         L     R3,FSRSIZE
         SR    R7,R7
         ICM   R7,3,FSRLEN
FSR20    LR    R8,R7               R8: the record's length
         CR    R3,R7               the part that fits
         BNL   FSR30
         LR    R7,R3
FSR30    LR    R3,R7
         BAL   R14,FSRBYTES
         BNZ   FSR95
         LR    R3,R8               and skip the rest
         SR    R3,R7
         BNP   FSR40
         SR    R2,R2
         BAL   R14,FSRBYTES
         BNZ   FSR95
FSR40    L     R0,AFTRECNO
         A     R0,=F'1'
         ST    R0,AFTRECNO
         LR    R0,R8
         SR    R15,R15
         RETURN
FSR90    LA    R15,12
FSR95    RETURN
*
***********************************************************************
*  FSPOINT: make record R0 (from 1) the next one FSREADR reads, in    *
*  the file whose AFT is R1.  Out: R15 = 0, 12 there is no such       *
*  record, or an I/O error.                                           *
***********************************************************************
FSPOINT  ENTER
         LR    R9,R1
         L     R6,AFTFST
         LR    R8,R0
         LTR   R8,R8
         BNP   FSP90
         SR    R7,R7
         ICM   R7,3,FSTRECCT
         CR    R8,R7
         BH    FSP90
         CLI   FSTRECFM,C'V'
         BE    FSP20
         LR    R1,R8               F: (n-1) * LRECL
         BCTR  R1,0
         M     R0,FSTLRECL
         ST    R1,AFTBYTE
         ST    R8,AFTRECNO
         B     FSP80
FSP20    C     R8,AFTRECNO         V: from the start, or from here,
         BNL   FSP30                 length by length
         LA    R0,1
         ST    R0,AFTRECNO
         XC    AFTBYTE,AFTBYTE
FSP30    C     R8,AFTRECNO
         BNH   FSP80
         LA    R2,FSRLEN
         LA    R3,2
         BAL   R14,FSRBYTES
         BNZ   FSP95
         SR    R3,R3
         ICM   R3,3,FSRLEN
         SR    R2,R2
         BAL   R14,FSRBYTES
         BNZ   FSP95
         L     R0,AFTRECNO
         A     R0,=F'1'
         ST    R0,AFTRECNO
         B     FSP30
FSP80    SR    R15,R15
         RETURN
FSP90    LA    R15,12
FSP95    RETURN
*
***********************************************************************
*  DFREEF: free every block of the file whose FST is at R1 on the     *
*  disk whose ADT is R2: its data blocks and its chain links (in      *
*  storage: see COMMIT for when they are free on the disk).           *
*  Out: R15 = 0, or an I/O error.                                     *
***********************************************************************
DFREEF   ENTER
         LR    R6,R1
         SR    R0,R0
         ICM   R0,3,FSTFCLPT
         BZ    DFF90
         CALL  FSOPENR
         LTR   R15,R15
         BNZ   DFF95
         LR    R9,R1
         SR    R7,R7               data blocks
         ICM   R7,3,FSTBLKCT
         SR    R8,R8
DFF10    CR    R8,R7
         BNL   DFF20
         LR    R0,R8
         LR    R1,R9
         CALL  FBLKNUM
         LTR   R15,R15
         BNZ   DFF20               (a damaged chain: free what there is)
         CALL  DFREE
         LA    R8,1(R8)
         B     DFF10
DFF20    LA    R8,AFTLINK1         the further links
         LA    R7,40
DFF22    SR    R0,R0
         ICM   R0,3,0(R8)
         BZ    DFF24
         CALL  DFREE
         LA    R8,2(R8)
         BCT   R7,DFF22
DFF24    SR    R0,R0               and the first
         ICM   R0,3,FSTFCLPT
         CALL  DFREE
         LR    R1,R9
         CALL  FSCLOSE
DFF90    SR    R15,R15
DFF95    RETURN
         DROP  R6,R9
*  FSRBYTES: FRDB for R9's file.  Out: CC from R15.
FSRBYTES LR    R10,R14
         LR    R1,R9
         CALL  FRDB
         LR    R14,R10
         LTR   R15,R15
         BR    R14
FSRBUF   DS    A
FSRSIZE  DS    F
FSRLEN   DS    H
         DS    0F
AFTOPEN  DC    A(0)                the open files
         LTORG
