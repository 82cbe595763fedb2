***********************************************************************
*  DASD: 800-byte blocks of a CMS minidisk (DMSDIO).                  *
*                                                                     *
*  A CMS disk is a 3350 minidisk whose every track holds 19 records   *
*  of 800 bytes, R1 to R19.  CMS numbers them from 1:                 *
*     block n = record (n-1)//19 + 1 on track (n-1)/19 of the disk,   *
*     track t = cylinder t/30, head t//30.                            *
*  To read block n: SEEK to the cylinder and head, SEARCH ID EQUAL    *
*  for the record (looping with TIC until the record comes under the  *
*  head), then READ DATA.  Writing is the same with WRITE DATA.  The  *
*  cylinders are the minidisk's own: CP moves them to the real disk.  *
*                                                                     *
*      SEEK      X'07'  BBCCHH          (6 bytes)                     *
*      SEARCH    X'31'  CCHHR           (5 bytes)                     *
*      TIC       *-8                                                  *
*      READ      X'06'  800 bytes   or   WRITE  X'05'                 *
***********************************************************************
DMSDIO   CSECT
DHEADS   EQU   30                  3350: tracks per cylinder
DRECS    EQU   19                  800-byte records per track
DBLKSIZE EQU   800
*
***********************************************************************
*  RDBLK, WRBLK: read or write block R0 of the disk whose ADT is R2,  *
*  at R1 (800 bytes).  Out: R15 = 0 fine, 4 an I/O error (a write to  *
*  a read-only disk is one), 8 no such device, 12 no block R0 on the  *
*  disk.  R1 is kept.                                                 *
***********************************************************************
RDBLK    ENTER
         MVI   DKCMD,X'06'         READ DATA
         B     DK00
WRBLK    ENTER
         MVI   DKCMD,X'05'         WRITE DATA
DK00     LR    R3,R0               is there such a block?
         LTR   R3,R3
         BNP   DKNONE
         USING ADT,R2
         C     R3,ADTNUM
         BH    DKNONE
         BCTR  R3,0                n-1
         LR    R5,R3               R4,R5 = n-1
         SR    R4,R4
         D     R4,=A(DRECS)        R5 = track, R4 = record-1
         LA    R4,1(R4)
         STC   R4,DKSRCH+4         R
         SR    R4,R4
         D     R4,=A(DHEADS)       R5 = cylinder, R4 = head
         STH   R5,DKSEEK+2         BBCCHH
         STH   R4,DKSEEK+4
         MVC   DKSRCH(4),DKSEEK+2  CCHH
         ST    R1,DKCCW+24         the data's address
         MVC   DKCCW+24(1),DKCMD
         LA    R1,DKCCW
         LH    R2,ADTCUU
         DROP  R2
         CALL  DOIO
         L     R1,DKCCW+24         (R1 as it came: the data's address)
         LA    R1,0(R1)
         RETURN
DKNONE   LA    R15,12
         RETURN
*
***********************************************************************
*  FMTTRK: format track R0 (0-based) of the disk whose ADT is R2:     *
*  write R1 to R19, 800 bytes each, zeros (FORMAT).  The 19 WRITE     *
*  COUNT, KEY AND DATA commands follow a SEARCH for R0: each writes   *
*  its record after the one before and erases the rest of the track. *
*  R1 -> a work area of 19*808 bytes (a count area and the data for   *
*  each record).  Out: R15 as RDBLK.                                  *
***********************************************************************
FMTTRK   ENTER
         USING ADT,R2
         LR    R5,R0               cylinder and head
         SR    R4,R4
         D     R4,=A(DHEADS)
         STH   R5,DKSEEK+2
         STH   R4,DKSEEK+4
         MVC   DKSRCH(4),DKSEEK+2
         MVI   DKSRCH+4,0          R0
         L     R3,=A(DRECS*808)
         LR    R6,R1
FT05     CH    R3,=H'250'
         BNH   FT06
         XC    0(250,R6),0(R6)
         LA    R6,250(R6)
         SH    R3,=H'250'
         B     FT05
FT06     BCTR  R3,0
         EX    R3,FTXC
*  The channel program: SEEK, SEARCH R0, TIC, then 19 WRITE CKDs.
         MVC   FTCCW(24),DKCCW
         LA    R0,FTCCW+8
         ST    R0,FTCCW+16         the TIC
         MVI   FTCCW+16,X'08'
         LA    R6,FTCCW+24         the first WRITE CKD
         LR    R7,R1               its count area and data
         LA    R3,1                record 1
FT10     MVC   0(4,R7),DKSEEK+2    count: CCHH R KL DL
         STC   R3,4(R7)
         MVI   5(R7),0
         MVC   6(2,R7),=AL2(DBLKSIZE)
         ST    R7,0(R6)
         MVI   0(R6),X'1D'         WRITE COUNT, KEY AND DATA
         MVC   4(4,R6),=X'40000328'   chain, 808 bytes
         LA    R6,8(R6)
         LA    R7,808(R7)
         LA    R3,1(R3)
         CH    R3,=AL2(DRECS)
         BNH   FT10
         MVI   FTCCW+24+(DRECS-1)*8+4,0   the last: no chaining
         LA    R1,FTCCW
         LH    R2,ADTCUU
         DROP  R2
         CALL  DOIO
         RETURN
FTXC     XC    0(0,R6),0(R6)
*
***********************************************************************
*  SEEKCYL: is there a cylinder R0 on the disk whose ADT is R2?  A    *
*  SEEK alone answers: CP refuses one beyond the minidisk (FORMAT's   *
*  RECOMP learns the minidisk's size so).  Out: R15 = 0 it is there,  *
*  4 it is not (or an I/O error), 8 no such device.                   *
***********************************************************************
SEEKCYL  ENTER
         STH   R0,SKARG+2          BB CC HH: cylinder R0, head 0
         LA    R1,SKCCW
         USING ADT,R2
         LH    R2,ADTCUU
         DROP  R2
         CALL  DOIO
         RETURN
DKCMD    DS    X
         DS    0D
DKCCW    CCW   X'07',DKSEEK,X'40',6   SEEK
         CCW   X'31',DKSRCH,X'40',5   SEARCH ID EQUAL
         CCW   X'08',DKCCW+8,0,1      TIC back to the search
         CCW   X'06',0,0,DBLKSIZE     READ or WRITE DATA
DKSEEK   DC    XL6'00'
         DS    0D
SKCCW    CCW   X'07',SKARG,0,6     SEEK alone
SKARG    DC    XL6'00'
DKSRCH   DC    XL5'00'
         DS    0D
FTCCW    DS    (3+DRECS)D
         LTORG
