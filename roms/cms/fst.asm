***********************************************************************
*  FST: finding files (DMSLAF, DMSLFS).                               *
*                                                                     *
*  A fileid is "fn ft fm": file name, file type (1-8 characters each) *
*  and file mode (a disk's letter and a number).  In a pattern a name *
*  may hold one "*", which stands for any characters ("*" alone: any  *
*  name; "PRO*": names that begin with PRO), and the mode letter "*"  *
*  means every disk, in the search order.                             *
***********************************************************************
DMSLFS   CSECT
*
***********************************************************************
*  FSTFIND: the next file that matches the pattern at R1 (fn CL8, ft  *
*  CL8, fm CL2).  R0 -> a cursor of 3 words, zeros for the first      *
*  call: the disk, the FST block and the FST it got to.               *
*  Out: R1 -> the file's FST and R0 -> its disk's ADT, R15 = 0; or    *
*  R1 = 0, R15 = 4: no more (R15 = 8: the pattern's disk is not       *
*  accessed).                                                         *
***********************************************************************
FSTFIND  ENTER
         LR    R9,R1               R9: the pattern
         LR    R3,R0               R3: the cursor
         LM    R6,R8,0(R3)         R6: ADT, R7: FSTB, R8: FST
         LTR   R6,R6
         BNZ   FF30
*  The first disk: the one named, or the first in the search order.
         CLI   16(R9),C'*'
         BE    FF10
         SR    R0,R0
         IC    R0,16(R9)
         CALL  ADTFIND
         LTR   R6,R1
         BZ    FF80
         B     FF20
FF10     SR    R1,R1
         CALL  ADTNEXT
         LTR   R6,R1
         BZ    FF90
FF20     L     R7,ADTFSTS-ADT(R6)  its first FST block
         SR    R8,R8
*  The next FST.
FF30     LTR   R7,R7               no more blocks on this disk
         BZ    FF60
         LA    R0,FSTBDATA-FSTB(R7)
         LTR   R8,R8
         BNZ   FF32
         LR    R8,R0               the block's first FST
         B     FF34
FF32     LA    R8,FSTLEN(R8)
FF34     A     R0,=A(FSTPERB*FSTLEN)   past the block's end?
         CR    R8,R0
         BL    FF40
         L     R7,FSTBNEXT-FSTB(R7)
         SR    R8,R8
         B     FF30
FF40     CLI   0(R8),0             a free entry
         BE    FF30
         LR    R1,R8               the name
         LR    R2,R9
         BAL   R14,MATCH
         BNE   FF30
         LA    R1,8(R8)            the type
         LA    R2,8(R9)
         BAL   R14,MATCH
         BNE   FF30
         CLI   17(R9),C' '         the mode number, if one is given
         BE    FF50
         CLI   17(R9),C'*'
         BE    FF50
         CLC   17(1,R9),FSTFMODE+1-FST(R8)
         BNE   FF30
FF50     STM   R6,R8,0(R3)         found
         LR    R1,R8
         LR    R0,R6
         SR    R15,R15
         RETURN
*  The next disk, if the pattern's mode is "*".
FF60     CLI   16(R9),C'*'
         BNE   FF90
         LR    R1,R6
         CALL  ADTNEXT
         LTR   R6,R1
         BZ    FF90
         B     FF20
FF80     SR    R1,R1               the disk is not accessed
         LA    R15,8
         RETURN
FF90     SR    R1,R1               no more
         STM   R6,R8,0(R3)
         LA    R15,4
         RETURN
*
*  MATCH: does the name at R1 (8 characters) match the pattern at R2?
*  Out: CC 0 (BE) if it does.  Uses R0, R4, R5, R10, R11.
MATCH    CLC   0(8,R2),=CL8'*'     "*": anything
         BER   R14
         SR    R4,R4               where is the "*"?
MA10     LA    R5,0(R4,R2)
         CLI   0(R5),C'*'
         BE    MA20
         LA    R4,1(R4)
         CH    R4,=H'8'
         BL    MA10
         CLC   0(8,R1),0(R2)       none: the same name
         BR    R14
MA20     LTR   R10,R4              R4: the prefix's length
         BZ    MA30
         BCTR  R10,0
         EX    R10,MACLC           the prefix
         BNER  R14
MA30     LA    R5,1(R4,R2)         the suffix: after the "*" to the
         LA    R10,8(R2)             last character
MA32     CR    R10,R5
         BNH   MA40                (no suffix)
         BCTR  R10,0
         CLI   0(R10),C' '
         BE    MA32
         LA    R10,1(R10)
         SR    R10,R5              R10: the suffix's length
         LA    R11,8(R1)           the name's last character + 1
MA34     BCTR  R11,0
         CLI   0(R11),C' '
         BE    MA34
         LA    R11,1(R11)
         SR    R11,R10             where the suffix would begin
         LR    R0,R11
         SR    R0,R1
         CR    R0,R4               not inside the prefix
         BL    MA50
         BCTR  R10,0
         EX    R10,MACLCS
         BR    R14
MA40     CR    R4,R4               (CC 0)
         BR    R14
MA50     LTR   R14,R14             (CC not 0)
         BR    R14
MACLC    CLC   0(0,R1),0(R2)
MACLCS   CLC   0(0,R11),0(R5)
*
***********************************************************************
*  GETFID: the fileid in the PLIST words at R1 (up to three, before a *
*  "(" or the fence) into the 18 bytes at R2; what is not there is    *
*  what R2 held before (the command's defaults).  A mode of one       *
*  letter gets a blank number; the mode may be "*" or "=".             *
*  Out: R0 = the words taken, R1 -> the word after them, R15 = 0; or  *
*  R15 = 4: the mode is not a letter (or "*") and a digit.            *
***********************************************************************
GETFID   ENTER
         SR    R0,R0
         LA    R4,GFOFF
GF10     CLI   0(R1),X'FF'         the fence
         BE    GF90
         CLI   0(R1),C'('
         BE    GF90
         CH    R0,=H'3'
         BNL   GF90
         LH    R5,0(R4)            where in the fileid
         AR    R5,R2
         CH    R0,=H'2'
         BE    GF20
         MVC   0(8,R5),0(R1)       fn or ft
         B     GF30
GF20     CLI   2(R1),C' '          fm: one letter and a digit
         BNE   GF85
         MVC   0(2,R5),0(R1)
         CLI   0(R5),C'*'
         BE    GF22
         CLI   0(R5),C'='          ("=": the same as the other file's)
         BE    GF22
         CLI   0(R5),C'A'
         BL    GF85
         CLI   0(R5),C'Z'
         BH    GF85
GF22     CLI   1(R5),C' '
         BE    GF30
         CLI   1(R5),C'*'
         BE    GF30
         CLI   1(R5),C'0'
         BL    GF85
         CLI   1(R5),C'6'
         BH    GF85
GF30     LA    R1,8(R1)
         LA    R4,2(R4)
         AH    R0,=H'1'
         B     GF10
GF85     LA    R15,4
         RETURN
GF90     SR    R15,R15
         RETURN
GFOFF    DC    H'0,8,16'
*
***********************************************************************
*  FIDSUBST: the fileid at R4 (fn CL8, ft CL8, fm CL2) gets each part  *
*  of the one at R3 that is not "=" (a blank mode number keeps the    *
*  old one): RENAME's and COPYFILE's new name from the old.           *
***********************************************************************
FIDSUBST ENTER
         CLI   0(R3),C'='
         BE    FSB10
         MVC   0(8,R4),0(R3)
FSB10     CLI   8(R3),C'='
         BE    FSB20
         MVC   8(8,R4),8(R3)
FSB20     CLI   16(R3),C'='
         BE    FSB90
         MVC   16(1,R4),16(R3)
         CLI   17(R3),C' '
         BE    FSB90
         MVC   17(1,R4),17(R3)
FSB90     RETURN
         LTORG
