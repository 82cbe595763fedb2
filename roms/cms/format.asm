***********************************************************************
*  FORMAT: make a minidisk a CMS disk (DMSFOR).                       *
*                                                                     *
*     FORMAT cuu mode [cyl] [( RECOMP]                                *
*  asks before it erases anything, and for the disk's label:          *
*     DMSFOR603R FORMAT WILL ERASE ALL FILES ON DISK D(192).  DO YOU  *
*                WISH TO CONTINUE? (YES|NO):                          *
*     DMSFOR605R ENTER DISK LABEL:                                    *
*  then writes every track with 19 empty 800-byte records, cylinder   *
*  by cylinder, until the disk ends: CP refuses a seek beyond the     *
*  minidisk, so that is how CMS learns how big it is.  Then the label *
*  (block 3) and an empty directory: a master directory and one FST   *
*  block, written by COMMIT as for any change.  The disk is then      *
*  accessed as the mode given.                                        *
***********************************************************************
DMSFOR   CSECT
FOMAXCYL EQU   115                 65531 blocks: what halfword block
*                                    numbers reach
FOWORK   EQU   19*808+1600         a track's records, blocks 1 and 2
FORMAT   ENTER
         LR    R9,R1
         CLI   8(R9),X'FF'
         BE    FO80
         LA    R1,8(R9)            the device
         CALL  GETHEX
         LTR   R15,R15
         BNZ   FO82
         LR    R6,R0               R6: the device
         CLI   16(R9),X'FF'
         BE    FO80
         CLI   17(R9),C' '         the letter
         BNE   FO84
         CLI   16(R9),C'A'
         BL    FO84
         CLI   16(R9),C'Z'
         BH    FO84
         SR    R7,R7               R7: the letter
         IC    R7,16(R9)
*  [cylinders] [( RECOMP]
         XC    FONCYL,FONCYL
         LA    R1,24(R9)
         CLI   0(R1),X'FF'
         BE    FO08
         CLI   0(R1),C'('
         BE    FO06
         CALL  GETNUM              how many cylinders
         LTR   R15,R15
         BNZ   FO86
         LTR   R0,R0
         BZ    FO86
         C     R0,=A(FOMAXCYL)
         BH    FO86
         ST    R0,FONCYL
         LA    R1,32(R9)
         CLI   0(R1),X'FF'
         BE    FO08
         CLI   0(R1),C'('
         BNE   FO86
FO06     CLC   8(6,R1),=C'RECOMP'  ( RECOMP: the disk keeps its files
         BNE   FO86
         LR    R1,R9
         L     R0,FONCYL
         CALL  RECOMP
         RETURN
FO08     DS    0H
*  "DO YOU WISH TO CONTINUE?"
         CALL  LNNEW
         LA    R2,FO603R
         CALL  LNZ
         LR    R0,R7               D(192)
         LR    R1,R6
         CALL  LNDISK
         LA    R2,FO603R2
         CALL  LNZ
         CALL  LNOUT
         BAL   R14,FOREPLY
         CLC   INBUF(4),=C'YES '
         BNE   FO70
         TYPE  FO605R              "ENTER DISK LABEL:"
         BAL   R14,FOREPLY
         MVC   FOLABEL,INBUF       (the first six characters)
         CALL  LNNEW               "FORMATTING DISK D"
         LA    R2,FO733I
         CALL  LNZ
         LR    R0,R7
         CALL  LNCHR
         CALL  LNOUT
*  Whatever has the letter or the device now is released.
         LR    R0,R6
         CALL  ADTDEV
         LTR   R1,R1
         BZ    FO10
         CALL  ADTDROP
FO10     LR    R0,R7
         CALL  ADTFIND
         LTR   R1,R1
         BZ    FO12
         CALL  ADTDROP
FO12     CALL  ADTSLOT
         LTR   R2,R1
         BZ    FO88
         USING ADT,R2
         STH   R6,ADTCUU
         L     R0,=A(FOWORK)       the work area for a track
         CALL  GETBLK
         LTR   R15,R15
         BNZ   FO90
         LR    R10,R1
*  Blocks 1 and 2 - on the S disk its IPL record and the program that
*  reads the CMS nucleus (IPL 190) - are kept: read now into the work
*  area past the track's, written back once the disk is formatted.
*  So FORMAT 190 S 2, which leaves the cylinders past 2 alone, leaves
*  the S disk IPLable, its nucleus on cylinder 2, as VM/370's S disk
*  was kept.  A disk without them gives back what FORMAT writes there
*  anyway, zeros; one not readable (not yet a CMS disk) keeps nothing.
         MVI   FOKEEP,0
         LA    R0,2                (RDBLK reads only blocks the ADT
         ST    R0,ADTNUM             counts)
         LA    R0,1
         L     R1,=A(19*808)
         AR    R1,R10
         CALL  RDBLK
         LTR   R15,R15
         BNZ   FO19
         LA    R0,2
         LA    R1,800(R1)          (RDBLK keeps R1)
         CALL  RDBLK
         LTR   R15,R15
         BNZ   FO19
         MVI   FOKEEP,1
*  Every track, until the minidisk ends.
FO19     SR    R8,R8               R8: the track
FO20     LR    R0,R8
         LR    R1,R10
         CALL  FMTTRK
         LTR   R15,R15
         BZ    FO24
         LTR   R8,R8               the very first: not to be written
         BZ    FO60
         LR    R1,R8               not at a cylinder's start: an error
         SR    R0,R0
         D     R0,=F'30'
         LTR   R0,R0
         BNZ   FO64
         B     FO30                the end of the minidisk
FO24     LA    R8,1(R8)
         ICM   R1,15,FONCYL        (the cylinders asked for, or all)
         BNZ   FO25
         LA    R1,FOMAXCYL
FO25     MH    R1,=H'30'
         CR    R8,R1
         BL    FO20
*  The size: R8 tracks.
FO30     LR    R1,R8
         SR    R0,R0
         D     R0,=F'30'
         ST    R1,ADTCYL
         LR    R1,R8
         MH    R1,=H'19'
         C     R1,=F'65531'
         BNH   FO32
         L     R1,=F'65531'
FO32     ST    R1,ADTNUM
         CLI   FOKEEP,0            blocks 1 and 2 back (see FO19)
         BE    FO34
         LA    R0,1
         L     R1,=A(19*808)
         AR    R1,R10
         CALL  WRBLK
         LA    R0,2
         LA    R1,800(R1)
         CALL  WRBLK
FO34     LR    R1,R10
         L     R0,=A(FOWORK)
         CALL  FREEBLK
*  The label.
         XC    FOBLOCK(250),FOBLOCK
         XC    FOBLOCK+250(250),FOBLOCK+250
         XC    FOBLOCK+500(250),FOBLOCK+500
         XC    FOBLOCK+750(50),FOBLOCK+750
         MVC   FOBLOCK(4),=C'CMS='
         MVC   FOBLOCK+4(6),FOLABEL
         MVC   ADTLABEL,FOLABEL
         LA    R0,3
         LA    R1,FOBLOCK
         CALL  WRBLK
         LTR   R15,R15
         BNZ   FO66                (the work area is given back)
*  An empty directory in storage: blocks 1-4 in use, one FST block
*  to be written; COMMIT puts it and the master directory on the disk.
         LA    R0,800
         CALL  GETBLK
         LTR   R15,R15
         BNZ   FO92
         ST    R1,ADTMFD
         LA    R0,FSTBLEN
         CALL  GETBLK
         LTR   R15,R15
         BNZ   FO92
         ST    R1,ADTFSTS
         OI    FSTBFLAG-FSTB(R1),FSTBDIRT
         L     R0,ADTNUM
         A     R0,=F'7'
         SRL   R0,3
         ST    R0,ADTBMLEN
         CALL  GETBLK
         LTR   R15,R15
         BNZ   FO92
         ST    R1,ADTBMAP
         MVI   0(R1),X'F0'         blocks 1-4
         L     R0,ADTBMLEN
         CALL  GETBLK
         LTR   R15,R15
         BNZ   FO92
         ST    R1,ADTBMOLD
         MVI   0(R1),X'F0'
         LA    R0,4
         ST    R0,ADTUSED
         L     R0,ADTNUM
         S     R0,=F'4'
         ST    R0,ADTLEFT
         CALL  COMMIT
         LTR   R15,R15
         BNZ   FO66
         STC   R7,ADTMODE          it is accessed
         CALL  LNNEW               "5 CYLINDERS FORMATTED ON DISK D(192)"
         L     R4,ADTCYL           (R2 is the ADT's base)
         LR    R5,R2
         LA    R2,FO732ID
         CALL  LNZ
         LR    R2,R5
         LR    R0,R4
         LA    R3,0
         CALL  LNDEC
         LA    R2,FO732I
         CALL  LNZ
         LR    R0,R7
         LR    R1,R6
         CALL  LNDISK
         CALL  LNOUT
         SR    R15,R15
         RETURN
         DROP  R2
FO60     LR    R8,R15              the first track could not be
         LR    R1,R10                written
         L     R0,=A(FOWORK)
         CALL  FREEBLK
         LR    R1,R2
         CALL  ADTDROP
         C     R8,=F'8'
         BE    FO61
         LA    R1,FO037E           read-only
         LR    R0,R7
         LA    R3,FORO
         CALL  MSGDISK
         LA    R15,36
         RETURN
FO61     CALL  LNNEW               no such device
         LA    R2,FO113S
         CALL  LNZ
         LR    R0,R7
         LR    R1,R6
         CALL  LNDISK
         LA    R2,FONOTATT
         CALL  LNZ
         CALL  LNOUT
         LA    R15,100
         RETURN
FO64     LR    R1,R10              an error in the middle
         L     R0,=A(FOWORK)
         CALL  FREEBLK
FO66     LR    R1,R2
         CALL  ADTDROP
         LA    R1,FO105S
         CALL  MSGTEXT
         LA    R15,100
         RETURN
FO70     TYPE  FO705I              "DISK REMAINS UNCHANGED"
         SR    R15,R15
         RETURN
FO80     LA    R1,FO005E
         CALL  MSGTEXT
         LA    R15,24
         RETURN
FO82     LA    R1,FO017E
         LA    R2,8(R9)
         CALL  MSGWORD
         LA    R15,24
         RETURN
FO84     LA    R1,FO048E
         LA    R2,16(R9)
         CALL  MSGWORD
         LA    R15,24
         RETURN
FO86     LA    R1,FO070E
         LA    R2,24(R9)
         CALL  MSGWORD
         LA    R15,24
         RETURN
FO88     LA    R1,FO079E
         CALL  MSGTEXT
         LA    R15,36
         RETURN
FO90     LR    R1,R2
         CALL  ADTDROP
FO92     LA    R1,FONOSTOR
         CALL  MSGTEXT
         LA    R15,104
         RETURN
*
*  FOREPLY: read the reply into INBUF, in upper case, blanks after.
FOREPLY  ST    R14,FORR
         CALL  RDTERM
         LR    R1,R0
         LA    R2,INBUF(R1)        blanks after what was typed
         LA    R3,130
         SR    R3,R1
         BNP   FORP10
         BCTR  R3,0
         EX    R3,FOBLANK
FORP10    OC    INBUF(130),=CL130' '    (and upper case)
         L     R14,FORR
         BR    R14
FOBLANK  MVC   0(0,R2),=CL130' '
FORR     DS    A
FOLABEL  DS    CL6
         DS    0F
FONCYL   DS    F                   cylinders asked for (0: all)
FOKEEP   DS    X                   1: blocks 1 and 2 read (FO19)
FO603R   DC    C'DMSFOR603R FORMAT WILL ERASE ALL FILES ON DISK ',X'00'
FO603R2  DC    C'.  DO YOU WISH TO CONTINUE? (YES|NO):',X'00'
FO605R   DC    C'DMSFOR605R ENTER DISK LABEL:'
FO705I   DC    C'DMSFOR705I DISK REMAINS UNCHANGED'
FO733I   DC    C'DMSFOR733I FORMATTING DISK ',X'00'
FO732ID  DC    C'DMSFOR732I ',X'00'
FO732I   DC    C' CYLINDERS FORMATTED ON DISK ',X'00'
FO005E   DC    C'DMSFOR005E NO DEVICE SPECIFIED',X'00'
FO017E   DC    C'DMSFOR017E INVALID DEVICE ADDRESS',X'00'
FO048E   DC    C'DMSFOR048E INVALID MODE',X'00'
FO070E   DC    C'DMSFOR070E INVALID PARAMETER',X'00'
FO079E   DC    C'DMSFOR079E TOO MANY DISKS ACCESSED',X'00'
FO037E   DC    C'DMSFOR037E',X'00'
FORO     DC    C' IS READ/ONLY',X'00'
FO113S   DC    C'DMSFOR113S ',X'00'
FONOTATT DC    C' NOT ATTACHED',X'00'
FO105S   DC    C'DMSFORP105S ERROR WRITING THE DISK',X'00'
FONOSTOR DC    C'DMSFRE159T INSUFFICIENT STORAGE AVAILABLE',X'00'
         LTORG
FOBLOCK  DS    XL800
