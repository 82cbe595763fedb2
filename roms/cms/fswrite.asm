***********************************************************************
*  FSWRITE: writing files, erasing them (DMSFNS, DMSFSW, DMSERS).     *
*                                                                     *
*  CMS writes a file whole: FSOPENW starts it, FSWRREC adds records,  *
*  FSCLOSEW finishes it.  Each data block is written to a free block  *
*  as soon as it is full; its number goes into the chain links, which *
*  are written last.  Then the file's FST goes into the directory in  *
*  storage - in place of the old file of that name, whose blocks are  *
*  freed - and COMMIT writes the directory.  Until then the old file  *
*  is what the disk has: a machine stopped in the middle of a FILE    *
*  finds the old file, whole, and never half of the new one.          *
***********************************************************************
DMSFSW   CSECT
*
***********************************************************************
*  FSOPENW: start writing a file on the disk whose ADT is R2.         *
*  R1 -> a 40-byte FST to start from: FSTFNAME, FSTFTYPE, FSTFMODE,   *
*  FSTRECFM and, for F, FSTLRECL; the date too when FSTDATEW is not   *
*  zero (COPYFILE keeps a file's date), else it gets today's.         *
*  Out: R1 -> an AFT; R15 = 0, 20 no storage.                         *
***********************************************************************
FSOPENW  ENTER
         LR    R6,R1
         LA    R0,AFTLEN
         CALL  GETBLK
         LTR   R15,R15
         BNZ   FOW90
         LR    R3,R1
         USING AFT,R3
         MVI   AFTFLAGS,AFTWRITE
         ST    R2,AFTADT
         MVC   AFTNFST,0(R6)
         LA    R0,AFTNFST
         ST    R0,AFTFST
         XC    AFTRECNO,AFTRECNO   records written
         XC    AFTDIDX,AFTDIDX     data blocks written
         L     R4,=A(AFTOPEN)      on the list of open files
         MVC   AFTNEXT,0(R4)
         ST    R3,0(R4)
         LR    R1,R3
         SR    R15,R15
         RETURN
FOW90    LA    R15,20
         RETURN
         DROP  R3
*
***********************************************************************
*  FSWRREC: add the record at R2, R3 bytes long, to the file whose    *
*  AFT is R1.  An F record is padded with blanks or cut to LRECL.     *
*  Out: R15 = 0, 4 an I/O error, 13 the disk is full, 14 too many     *
*  records (65535) or too big a file.                                 *
***********************************************************************
FSWRREC  ENTER
         LR    R9,R1
         USING AFT,R9
         LA    R6,AFTNFST
         USING FST,R6
         L     R0,AFTRECNO
         C     R0,=F'65535'
         BNL   FWR14
         CLI   FSTRECFM,C'V'
         BNE   FWR20
         C     R3,FSTLRECL         V: the longest sets LRECL
         BNH   FWR10
         ST    R3,FSTLRECL
FWR10    STH   R3,FWRLEN           the length, then the record
         ST    R2,FWRSAVE
         ST    R3,FWRSAVE+4
         LA    R2,FWRLEN
         LA    R3,2
         BAL   R14,FWRBYTES
         BNZ   FWR95
         LM    R2,R3,FWRSAVE
         BAL   R14,FWRBYTES
         BNZ   FWR95
         B     FWR80
FWR20    L     R7,FSTLRECL         F: LRECL bytes
         CR    R3,R7
         BNH   FWR22
         LR    R3,R7
FWR22    SR    R7,R3               (the blanks after it)
         BAL   R14,FWRBYTES
         BNZ   FWR95
FWR24    LTR   R3,R7
         BNP   FWR80
         CH    R3,=AL2(L'FWRBLNK)
         BNH   FWR26
         LA    R3,L'FWRBLNK
FWR26    SR    R7,R3
         LA    R2,FWRBLNK
         BAL   R14,FWRBYTES
         BNZ   FWR95
         B     FWR24
FWR80    L     R0,AFTRECNO
         A     R0,=F'1'
         ST    R0,AFTRECNO
         SR    R15,R15
         RETURN
FWR14    LA    R15,14
FWR95    RETURN
*
***********************************************************************
*  FSCLOSEW: finish the file whose AFT is R1: write its last data     *
*  block and its chain links, put its FST in the directory and write  *
*  the directory (COMMIT).  The AFT is closed whatever happens.       *
*  Out: R15 = 0, or 4 an I/O error, 13 the disk is full, 14 the file  *
*  is too big; then nothing of the file is on the disk.               *
***********************************************************************
FSCLOSEW ENTER
         LR    R9,R1
         LA    R6,AFTNFST
         L     R2,AFTADT
         L     R0,AFTBYTE          a block partly filled?
         SRDL  R0,32
         D     R0,=F'800'
         LTR   R0,R0
         BZ    FCW10
         BAL   R14,FWFLUSH
         BNZ   FCW80
FCW10    L     R0,AFTDIDX          further links: the last one
         C     R0,=F'60'
         BNH   FCW20
         BAL   R14,FWLINK
         BNZ   FCW80
FCW20    SR    R8,R8               the first chain link
         ICM   R0,15,AFTDIDX
         BZ    FCW30               (no data: no chain)
         CALL  DALLOC
         LTR   R15,R15
         BNZ   FCW13
         LR    R8,R0
         LA    R1,AFTLINK1
         CALL  WRBLK
         LTR   R15,R15
         BNZ   FCW80
*  The FST.
FCW30    STH   R8,FSTFCLPT
         L     R0,AFTRECNO
         STH   R0,FSTRECCT
         A     R0,=F'1'
         STH   R0,FSTWRPNT
         MVC   FSTRDPNT,=H'1'
         L     R0,AFTDIDX
         STH   R0,FSTBLKCT
         MVI   FSTFLAGS,0
         OC    FSTDATEW,FSTDATEW   a date given?
         BNZ   FCW40
         LR    R1,R6
         CALL  FSTDATE
FCW40    LR    R1,R6
         CALL  FSTPUT
         LTR   R15,R15
         BNZ   FCW80
         CALL  COMMIT
         LTR   R15,R15
         BNZ   FCW80
         LR    R1,R9
         CALL  FSCLOSE
         SR    R15,R15
         RETURN
FCW13    LA    R15,13
FCW80    LR    R3,R15              it failed: forget what it took
         CALL  DUNDO
         LR    R1,R9
         CALL  FSCLOSE
         LR    R15,R3
         RETURN
         DROP  R6
*
***********************************************************************
*  DUNDO: the disk whose ADT is R2 goes back to what it has on the    *
*  disk: blocks taken since its last COMMIT are free again.  (Its     *
*  FSTs in storage are not touched: FSTPUT is the last step before    *
*  COMMIT, so a failure before it left them as they were.)            *
***********************************************************************
DUNDO    ENTER
         USING ADT,R2
         L     R4,ADTBMAP
         L     R5,ADTBMLEN
         L     R6,ADTBMOLD
         LR    R7,R5
         MVCL  R4,R6
         L     R1,ADTMFD
         MVC   ADTUSED,MFDUSED-MFD(R1)
         MVC   ADTLEFT,MFDLEFT-MFD(R1)
         RETURN
         DROP  R2
*
***********************************************************************
*  FSTDATE: today's date and time into the FST at R1 (X'MMDD' and     *
*  X'HHMM' in BCD, 'yy').  DIAGNOSE X'0C' gives "MM/DD/YY HH:MM:SS".  *
***********************************************************************
FSTDATE  ENTER
         LR    R6,R1
         USING FST,R6
         LA    R2,FSDTIME
         DIAG  R2,0,X'0C'
         LA    R3,FSDTIME          MM
         BAL   R14,FSD2
         STC   R0,FSTDATEW
         LA    R3,FSDTIME+3        DD
         BAL   R14,FSD2
         STC   R0,FSTDATEW+1
         LA    R3,FSDTIME+8        HH
         BAL   R14,FSD2
         STC   R0,FSTTIMEW
         LA    R3,FSDTIME+11       MM
         BAL   R14,FSD2
         STC   R0,FSTTIMEW+1
         MVC   FSTYEARW,FSDTIME+6  YY
         RETURN
*  FSD2: R0 = the two EBCDIC digits at R3 as one BCD byte.
FSD2     IC    R0,0(R3)
         N     R0,=F'15'
         SLL   R0,4
         IC    R1,1(R3)
         N     R1,=F'15'
         OR    R0,R1
         BR    R14
         DROP  R6
*
***********************************************************************
*  FSTPUT: put the FST at R1 into the directory of the disk whose ADT *
*  is R2: over the FST of the file of that name and type, whose       *
*  blocks are freed, or in a free entry, or in a new FST block.       *
*  Out: R15 = 0, 20 no storage.                                       *
***********************************************************************
FSTPUT   ENTER
         LR    R6,R1
         USING ADT,R2
         LA    R4,ADTFSTS          R4: the FSTB, R5: the entry
         SR    R7,R7               R7: the first free entry
         SR    R8,R8                 and its FSTB
         USING FSTB,R4
FP10     ICM   R4,15,0(R4)         (FSTBNEXT is at +0)
         BZ    FP30
         LA    R5,FSTBDATA
         LA    R3,FSTPERB
FP20     CLI   0(R5),0
         BNE   FP22
         LTR   R7,R7               a free entry
         BNZ   FP24
         LR    R7,R5
         LR    R8,R4
         B     FP24
FP22     CLC   0(16,R5),0(R6)      the same name and type?
         BE    FP40
FP24     LA    R5,FSTLEN(R5)
         BCT   R3,FP20
         B     FP10
*  A new file: in the first free entry, or a new block.
FP30     LTR   R7,R7
         BNZ   FP34
         LA    R0,FSTBLEN
         CALL  GETBLK
         LTR   R15,R15
         BNZ   FP90
         LA    R4,ADTFSTS          at the end of the chain
FP32     ICM   R0,15,0(R4)
         BZ    FP33
         LR    R4,R0
         B     FP32
FP33     ST    R1,0(R4)
         LR    R8,R1
         LA    R7,FSTBDATA-FSTB(R1)
FP34     LR    R5,R7
         LR    R4,R8
         L     R0,ADTFILES
         A     R0,=F'1'
         ST    R0,ADTFILES
         B     FP50
*  It replaces a file: free that one's blocks.
FP40     LR    R1,R5
         CALL  DFREEF
FP50     MVC   0(FSTLEN,R5),0(R6)
         OI    FSTBFLAG,FSTBDIRT
         SR    R15,R15
         RETURN
FP90     LA    R15,20
         RETURN
         DROP  R4
*
***********************************************************************
*  FSERASE: erase the file whose FST is at R1 on the disk whose ADT   *
*  is R2, and write the directory.  Out: R15 = 0, or COMMIT's.        *
***********************************************************************
FSERASE  ENTER
         LR    R6,R1
         CALL  DFREEF
         XC    0(FSTLEN,R6),0(R6)
         L     R0,ADTFILES
         S     R0,=F'1'
         ST    R0,ADTFILES
         LR    R1,R6
         CALL  FSTDIRTY
         CALL  COMMIT
         RETURN
*
***********************************************************************
*  FSTDIRTY: the FST at R1 (on the disk whose ADT is R2) has been     *
*  changed: mark its block to be written.                             *
***********************************************************************
FSTDIRTY ENTER
         L     R4,ADTFSTS
         USING FSTB,R4
FD10     LTR   R4,R4
         BZ    FD90
         LA    R5,FSTBDATA
         CR    R1,R5
         BL    FD20
         LA    R5,FSTBDATA+L'FSTBDATA
         CR    R1,R5
         BNL   FD20
         OI    FSTBFLAG,FSTBDIRT
         B     FD90
FD20     L     R4,FSTBNEXT
         B     FD10
FD90     RETURN
*
*  FWRBYTES: move R3 bytes from R2 into the file's blocks; a block
*  that fills is written.  Out: R15 and its CC.
FWRBYTES ST    R14,FWRBR
FWB10    LTR   R3,R3
         BNP   FWB90
         L     R5,AFTBYTE          where in the block
         SR    R4,R4
         D     R4,=F'800'
         LA    R5,800              room left in it
         SR    R5,R4
         CR    R5,R3
         BNH   FWB20
         LR    R5,R3
FWB20    LA    R10,AFTDATA(R4)     move R5 bytes
         LR    R11,R5
         LR    R1,R5
         LR    R4,R2               (R4, R5: from where, how many)
         MVCL  R10,R4
         LR    R2,R4
         SR    R3,R1
         L     R0,AFTBYTE
         AR    R0,R1
         ST    R0,AFTBYTE
         SRDL  R0,32               full?
         D     R0,=F'800'
         LTR   R0,R0
         BNZ   FWB10
         BAL   R14,FWFLUSH
         BZ    FWB10
         B     FWB95
FWB90    SR    R15,R15
FWB95    L     R14,FWRBR
         LTR   R15,R15
         BR    R14
*  FWFLUSH: write the data block, note its number, start a new one.
*  Out: R15 and its CC.  Keeps R2, R3.
FWFLUSH  ST    R14,FWFR
         STM   R2,R3,FWFSAVE
         L     R2,AFTADT
         CALL  DALLOC
         LTR   R15,R15
         BNZ   FWF13
         LR    R8,R0               R8: its block number
         LA    R1,AFTDATA
         CALL  WRBLK
         LTR   R15,R15
         BNZ   FWF95
         L     R0,AFTDIDX          its index
         C     R0,=F'60'
         BNL   FWF20
         SLL   R0,1                in the first chain link
         LR    R1,R0
         LA    R1,AFTLINK1+80(R1)
         STH   R8,0(R1)
         B     FWF80
FWF20    S     R0,=F'60'           in further link j, at k
         LR    R5,R0
         SR    R4,R4
         D     R4,=F'400'
         LA    R5,1(R5)
         C     R5,=F'40'
         BH    FWF14
         LTR   R4,R4               the first of a new link?
         BNZ   FWF30
         C     R5,=F'1'            write the link before it
         BE    FWF25
         BAL   R14,FWLINK
         BNZ   FWF95
FWF25    ST    R5,AFTLIDX          and take a block for the new one
         CALL  DALLOC
         LTR   R15,R15
         BNZ   FWF13
         LR    R1,R5
         BCTR  R1,0
         SLL   R1,1
         LA    R1,AFTLINK1(R1)
         STH   R0,0(R1)
         XC    AFTLINKN(250),AFTLINKN
         XC    AFTLINKN+250(250),AFTLINKN+250
         XC    AFTLINKN+500(250),AFTLINKN+500
         XC    AFTLINKN+750(50),AFTLINKN+750
FWF30    SLL   R4,1
         LA    R1,AFTLINKN(R4)
         STH   R8,0(R1)
FWF80    L     R0,AFTDIDX
         A     R0,=F'1'
         ST    R0,AFTDIDX
         XC    AFTDATA(250),AFTDATA
         XC    AFTDATA+250(250),AFTDATA+250
         XC    AFTDATA+500(250),AFTDATA+500
         XC    AFTDATA+750(50),AFTDATA+750
         SR    R15,R15
         B     FWF95
FWF13    LA    R15,13
         B     FWF95
FWF14    LA    R15,14
FWF95    LM    R2,R3,FWFSAVE
         L     R14,FWFR
         LTR   R15,R15
         BR    R14
*  FWLINK: write the further link in AFTLINKN (number AFTLIDX).
FWLINK   ST    R14,FWLR
         L     R1,AFTLIDX
         BCTR  R1,0
         SLL   R1,1
         LA    R1,AFTLINK1(R1)
         SR    R0,R0
         ICM   R0,3,0(R1)
         LA    R1,AFTLINKN
         L     R2,AFTADT
         CALL  WRBLK
         L     R14,FWLR
         LTR   R15,R15
         BR    R14
         DROP  R2,R4,R9
FWRBLNK  DC    CL80' '
FWRLEN   DS    H
         DS    0F
FWRSAVE  DS    2F
FWRBR    DS    A
FWFR     DS    A
FWLR     DS    A
FWFSAVE  DS    2F
         DS    0D
FSDTIME  DS    XL32
         LTORG
