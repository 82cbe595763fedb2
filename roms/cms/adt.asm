***********************************************************************
*  ADT: the disks CMS has accessed (DMSACC, DMSLAD).                  *
*                                                                     *
*  ACCESS reads a disk's label (block 3), its master directory (block *
*  4), every block of its file directory (the FST blocks the master   *
*  directory lists) and its allocation bitmap into storage, and gives *
*  the disk a mode letter.  From then on CMS finds files in storage;  *
*  it reads the disk again only for the files' data.                  *
*                                                                     *
*  The search order is A to Z, with S (the system disk) and then Y    *
*  last: a file on A hides a file of the same name on S.              *
***********************************************************************
DMSLAD   CSECT
*
***********************************************************************
*  ADTFIND: R0 = a mode letter.  Out: R1 -> its ADT, or 0.            *
*  ADTDEV:  R0 = a device address.  Out: R1 -> its ADT, or 0.         *
***********************************************************************
ADTFIND  ENTER
         LA    R3,0                compare the letter
         B     AF00
ADTDEV   ENTER
         LA    R3,2                compare the address
AF00     L     R1,=A(ADTTAB)
         LA    R4,ADTMAX
         USING ADT,R1
AF10     CLI   ADTMODE,0
         BE    AF20
         LTR   R3,R3
         BNZ   AF15
         STC   R0,AFCHAR
         CLC   ADTMODE,AFCHAR
         BE    AF30
         B     AF20
AF15     CH    R0,ADTCUU
         BE    AF30
AF20     LA    R1,ADTLEN(R1)
         BCT   R4,AF10
         SR    R1,R1
AF30     RETURN
         DROP  R1
*
***********************************************************************
*  ADTNEXT: the disks in search order.  R1 = 0 for the first, or an   *
*  ADT.  Out: R1 -> the next ADT in the search order, or 0.           *
***********************************************************************
ADTNEXT  ENTER
         SR    R5,R5               the key after which to look
         LTR   R1,R1
         BZ    AN05
         BAL   R14,ADTKEY
         LR    R5,R0
AN05     SR    R6,R6               the best so far: R6, its key R7
         LA    R7,256
         L     R1,=A(ADTTAB)
         LA    R4,ADTMAX
         USING ADT,R1
AN10     CLI   ADTMODE,0
         BE    AN20
         BAL   R14,ADTKEY
         CR    R0,R5               after the one before ...
         BNH   AN20
         CR    R0,R7               ... and before the best so far?
         BNL   AN20
         LR    R6,R1
         LR    R7,R0
AN20     LA    R1,ADTLEN(R1)
         BCT   R4,AN10
         LR    R1,R6
         RETURN
*  ADTKEY: R0 = the sort key of the ADT at R1: its letter, but S and
*  Y after Z.
ADTKEY   SR    R0,R0
         IC    R0,ADTMODE
         CLI   ADTMODE,C'S'
         BNE   AK10
         LA    R0,X'FA'
AK10     CLI   ADTMODE,C'Y'
         BNER  R14
         LA    R0,X'FB'
         BR    R14
         DROP  R1
*
***********************************************************************
*  ADTREAD: access the disk at device R0 as mode letter R1 (the       *
*  caller has released whatever had the letter or the device).        *
*  Out: R1 -> the new ADT; R15 = 0 fine, 4 an I/O error, 8 no such    *
*  device, 12 not a CMS disk, 16 no free ADT, 20 no storage.          *
***********************************************************************
ADTREAD  ENTER
         LR    R6,R0
         LR    R7,R1
         CALL  ADTSLOT
         LTR   R2,R1
         BNZ   AR04
         LA    R15,16
         B     ARX
         USING ADT,R2
AR04     STH   R6,ADTCUU
         LA    R0,4                (blocks 1-4 exist, for now)
         ST    R0,ADTNUM
         LA    R0,800              the master directory's block
         CALL  GETBLK
         LTR   R15,R15
         BNZ   ARNOSTOR
         ST    R1,ADTMFD
         LR    R8,R1
         USING MFD,R8
*  The label: "CMS=" and the volume label.
         LA    R0,3
         CALL  RDBLK
         LTR   R15,R15
         BNZ   ARIOERR
         CLC   0(4,R8),=C'CMS='
         BNE   ARNOTCMS
         MVC   ADTLABEL,4(R8)
*  The master directory.
         LA    R0,4
         LR    R1,R8
         CALL  RDBLK
         LTR   R15,R15
         BNZ   ARIOERR
         L     R0,MFDNUM           blocks: 5 to 65535
         CH    R0,=H'5'
         BL    ARNOTCMS
         C     R0,=F'65535'
         BH    ARNOTCMS
         ST    R0,ADTNUM
         MVC   ADTUSED,MFDUSED
         MVC   ADTLEFT,MFDLEFT
         MVC   ADTCYL,MFDCYL
*  The bitmap: a byte for 8 blocks, two copies.
         A     R0,=F'7'
         SRL   R0,3
         ST    R0,ADTBMLEN
         CALL  GETBLK
         LTR   R15,R15
         BNZ   ARNOSTOR
         ST    R1,ADTBMAP
         L     R0,ADTBMLEN
         CALL  GETBLK
         LTR   R15,R15
         BNZ   ARNOSTOR
         ST    R1,ADTBMOLD
         L     R9,ADTBMAP          its first part is in the MFD
         L     R3,ADTBMLEN
         CH    R3,=AL2(MFDBMN)
         BNH   AR10
         LA    R3,MFDBMN
AR10     BCTR  R3,0
         EX    R3,ARMVCBM
         LA    R9,1(R3,R9)         R9: where the next part goes
*  The list: FST blocks, then maybe X'FFFD' and extension blocks.
         LA    R10,MFDLIST         R10: the next halfword
         LA    R11,ADTFSTS         R11: where to chain the next FSTB
AR20     LA    R0,MFDLIST+L'MFDLIST
         CR    R10,R0
         BNL   ARNOTCMS            no end mark: not a good directory
         SR    R0,R0
         ICM   R0,3,0(R10)
         LA    R10,2(R10)
         C     R0,=X'0000FFFF'     the end
         BE    AR40
         C     R0,=X'0000FFFD'     the bitmap's extension blocks
         BE    AR30
         LR    R3,R0               an FST block: into an FSTB
         LA    R0,FSTBLEN
         CALL  GETBLK
         LTR   R15,R15
         BNZ   ARNOSTOR
         ST    R1,0(R11)           chained to the one before
         LR    R11,R1
         USING FSTB,R11
         ST    R3,FSTBBLK
         LR    R0,R3
         LA    R1,FSTBDATA
         CALL  RDBLK
         LTR   R15,R15
         BNZ   ARIOERR
         DROP  R11
         B     AR20
*  Extension blocks of the bitmap, up to X'0000': each holds the next
*  800 bytes of it (the last one as many as are left).
AR30     LA    R0,MFDLIST+L'MFDLIST
         CR    R10,R0
         BNL   ARNOTCMS
         SR    R0,R0
         ICM   R0,3,0(R10)
         LA    R10,2(R10)
         LTR   R0,R0
         BZ    AR40
         L     R3,ADTBMAP          bytes of the bitmap still to come
         A     R3,ADTBMLEN
         SR    R3,R9
         BNP   AR30                (more blocks than it needs)
         LR    R1,R9               whole blocks straight into place
         CH    R3,=H'800'
         BL    AR35
         CALL  RDBLK
         LTR   R15,R15
         BNZ   ARIOERR
         LA    R9,800(R9)
         B     AR30
AR35     LR    R15,R3              the last, shorter part
         BAL   R14,ARTAIL
         LTR   R15,R15
         BNZ   ARIOERR
         AR    R9,R3
         B     AR30
*  All read: the disk as it is is the disk as it was.
AR40     L     R4,ADTBMOLD
         L     R5,ADTBMLEN
         L     R10,ADTBMAP
         LR    R11,R5
         MVCL  R4,R10
*  Files.
         SR    R3,R3
         L     R11,ADTFSTS
         USING FSTB,R11
AR42     LTR   R11,R11
         BZ    AR48
         LA    R4,FSTBDATA
         LA    R5,FSTPERB
AR44     CLI   0(R4),0
         BE    AR46
         LA    R3,1(R3)
AR46     LA    R4,FSTLEN(R4)
         BCT   R5,AR44
         L     R11,FSTBNEXT
         B     AR42
         DROP  R11
AR48     ST    R3,ADTFILES
*  May CMS write on it?  Write the label back as it is: a read-only
*  link has CP set the file mask that makes the disk refuse writes
*  with a unit check.
         LA    R0,3
         LA    R1,ARLABEL
         CALL  RDBLK
         LTR   R15,R15
         BNZ   ARIOERR
         LA    R0,3
         LA    R1,ARLABEL
         CALL  WRBLK
         LTR   R15,R15
         BZ    AR50
         OI    ADTFLAGS,ADTRO
AR50     STC   R7,ADTMODE          it is accessed
         LR    R1,R2
         SR    R15,R15
         B     ARX
ARIOERR  LA    R3,4                (DOIO's 8 is "no device")
         C     R15,=F'8'
         BNE   ARFAIL
         LA    R3,8
         B     ARFAIL
ARNOTCMS LA    R3,12
         B     ARFAIL
ARNOSTOR LA    R3,20
ARFAIL   LR    R1,R2               give back what was taken
         CALL  ADTDROP
         LR    R15,R3
ARX      RETURN
ARMVCBM  MVC   0(0,R9),MFDBMAP
*  ARTAIL: read block R0 into ARLABEL and move its first R15 bytes to
*  R9.  Out: R15 = RDBLK's.
ARTAIL   ST    R14,ARTAILR
         ST    R15,ARTAILN
         LA    R1,ARLABEL
         CALL  RDBLK
         LTR   R15,R15
         BNZ   ART10
         L     R1,ARTAILN
         BCTR  R1,0
         EX    R1,ARTMVC
         SR    R15,R15
ART10    L     R14,ARTAILR
         BR    R14
ARTMVC   MVC   0(0,R9),ARLABEL
ARTAILR  DS    A
ARTAILN  DS    F
         DROP  R2,R8
*
***********************************************************************
*  ADTSLOT: a free slot of the table, cleared.  Out: R1 -> it, or 0   *
*  when ADTMAX disks are accessed already.                            *
***********************************************************************
ADTSLOT  ENTER
         L     R1,=A(ADTTAB)
         LA    R4,ADTMAX
AS10     CLI   0(R1),0             (ADTMODE)
         BE    AS20
         LA    R1,ADTLEN(R1)
         BCT   R4,AS10
         SR    R1,R1
         RETURN
AS20     XC    0(ADTLEN,R1),0(R1)
         RETURN
*
***********************************************************************
*  ADTDROP: release the disk whose ADT is R1: give back its storage   *
*  and free the slot.  (Nothing is written: CMS updates a disk at     *
*  once, after each command that changes it.)                         *
***********************************************************************
ADTDROP  ENTER
         LR    R2,R1
         USING ADT,R2
         L     R3,ADTFSTS          the FST blocks
AD10     LTR   R1,R3
         BZ    AD20
         L     R3,0(R3)
         LA    R0,FSTBLEN
         CALL  FREEBLK
         B     AD10
AD20     ICM   R1,15,ADTMFD
         BZ    AD22
         LA    R0,800
         CALL  FREEBLK
AD22     ICM   R1,15,ADTBMAP
         BZ    AD24
         L     R0,ADTBMLEN
         CALL  FREEBLK
AD24     ICM   R1,15,ADTBMOLD
         BZ    AD26
         L     R0,ADTBMLEN
         CALL  FREEBLK
AD26     XC    ADT(ADTLEN),ADT
         RETURN
         DROP  R2
AFCHAR   DS    C
         DS    0D
ARLABEL  DS    XL800               a block read aside
         LTORG
*
*  The table of accessed disks.
         DS    0F
ADTTAB   DC    (ADTMAX*ADTLEN)X'00'
