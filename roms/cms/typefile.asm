***********************************************************************
*  TYPE, STATE: show a file, ask whether it exists (DMSTYP, DMSSTT).  *
*                                                                     *
*     Type fn ft [fm [rec1 [recn|*]]] [( HEX  COL m-n]                *
*     STATE fn ft [fm]                                                *
*  fm defaults to "*": the first file of that name in the search      *
*  order.  HEX shows each record as RECORD n LENGTH=l and its bytes   *
*  in hexadecimal, 32 to a line.                                      *
***********************************************************************
DMSTYP   CSECT
TYHEX    EQU   X'80'
TYCOL    EQU   X'40'
TYPEFILE ENTER
         LR    R9,R1
         MVC   TYPAT,TYDEFLT
         LA    R1,8(R9)
         LA    R2,TYPAT
         CALL  GETFID
         LTR   R15,R15
         BNZ   TY84
         CH    R0,=H'2'
         BL    TY80
         LA    R0,1                records 1 to the end
         ST    R0,TYFIRST
         L     R0,=F'-1'
         ST    R0,TYLAST
         XC    TYOPT,TYOPT
         CLI   0(R1),X'FF'
         BE    TY20
         CLI   0(R1),C'('
         BE    TY10
         LR    R10,R1              rec1
         CALL  GETNUM
         LTR   R15,R15
         BNZ   TY86
         ST    R0,TYFIRST
         LA    R1,8(R10)
         CLI   0(R1),X'FF'
         BE    TY20
         CLI   0(R1),C'('
         BE    TY10
         LA    R10,8(R1)           recn, or *
         CLI   0(R1),C'*'
         BE    TY06
         CALL  GETNUM
         LTR   R15,R15
         BNZ   TY86
         ST    R0,TYLAST
TY06     LR    R1,R10
         CLI   0(R1),X'FF'
         BE    TY20
         CLI   0(R1),C'('
         BNE   TY86
*  Options: HEX, COL m-n.
TY10     LA    R1,8(R1)
TY12     SR    R0,R0
         LA    R2,TYOPTS
         CALL  OPTIONS
         O     R0,TYOPT
         ST    R0,TYOPT
         LTR   R15,R15
         BZ    TY20
         TM    TYOPT+3,TYCOL       the word after COL: m-n
         BZ    TY88
         NI    TYOPT+3,255-TYCOL
         BAL   R14,TYRANGE
         BNZ   TY88
         OI    TYOPT+2,1           (columns given)
         LA    R1,8(R1)
         B     TY12
*  The file.
TY20     XC    TYCUR,TYCUR
         LA    R0,TYCUR
         LA    R1,TYPAT
         CALL  FSTFIND
         C     R15,=F'8'
         BE    TY90
         LTR   R15,R15
         BNZ   TY92
         LR    R6,R1               R6: the FST
         LR    R2,R0               R2: its disk
         CALL  FSOPENR
         LTR   R15,R15
         BNZ   TY94
         LR    R10,R1              R10: the open file
         L     R0,FSTLRECL-FST(R6) a buffer for a record
         LTR   R0,R0
         BP    TY22
         LA    R0,1
TY22     ST    R0,TYBSIZE
         CALL  GETBLK
         LTR   R15,R15
         BNZ   TY96
         LR    R11,R1              R11: the buffer
         L     R0,TYFIRST
         LR    R1,R10
         CALL  FSPOINT
         LTR   R15,R15
         BNZ   TY60                (no such record: nothing to type)
         L     R8,TYFIRST          R8: the record's number
TY30     CL    R8,TYLAST           (TYLAST -1: to the end)
         BH    TY60
         LR    R1,R10
         LR    R2,R11
         L     R3,TYBSIZE
         CALL  FSREADR
         LTR   R15,R15
         BNZ   TY60
         LR    R7,R0               R7: its length
         LR    R2,R11
         TM    TYOPT+2,1           only some columns
         BZ    TY34
         L     R3,TYCOLM
         BCTR  R3,0
         LR    R0,R7
         C     R7,TYCOLN
         BNH   TY32
         L     R7,TYCOLN
TY32     SR    R7,R3
         BNM   TY33
         SR    R7,R7
TY33     AR    R2,R3
TY34     TM    TYOPT+3,TYHEX
         BO    TY40
         LR    R3,R7               without the blanks at its end
         CALL  TRIMLEN
         LR    R3,R0
         CALL  WRTERM
         B     TY50
TY40     LR    R0,R8               HEX
         LR    R1,R7
         BAL   R14,TYHEXR
TY50     LA    R8,1(R8)
         B     TY30
TY60     LR    R1,R11
         L     R0,TYBSIZE
         CALL  FREEBLK
         LR    R1,R10
         CALL  FSCLOSE
         SR    R15,R15
         RETURN
TY80     LA    R1,TY054E
         CALL  MSGTEXT
         LA    R15,24
         RETURN
TY84     LA    R1,TY048E
         LA    R2,24(R9)
         CALL  MSGWORD
         LA    R15,24
         RETURN
TY86     LR    R2,R1
         LA    R1,TY070E
         CALL  MSGWORD
         LA    R15,24
         RETURN
TY88     LR    R2,R1
         LA    R1,TY003E
         CALL  MSGWORD
         LA    R15,24
         RETURN
TY90     LA    R1,TY069E
         SR    R0,R0
         IC    R0,TYPAT+16
         LA    R3,TYNOTACC
         CALL  MSGDISK
         LA    R15,36
         RETURN
TY92     LA    R1,TY002E
         LA    R2,TYPAT
         LA    R3,TYNOTFND
         CALL  MSGFID
         LA    R15,28
         RETURN
TY94     LR    R1,R10
         CALL  FSCLOSE
TY96     LA    R1,TY104S
         CALL  MSGTEXT
         LA    R15,100
         RETURN
*
*  TYRANGE: "m-n" at R1 into TYCOLM, TYCOLN.  Out: CC 0 if good.
TYRANGE  ST    R14,TYRR
         ST    R1,TYRW
         LR    R3,R1
         LA    R4,8(R1)            the word's end
         SR    R0,R0               m
         SR    R5,R5               (its digits)
TYR10    CR    R3,R4
         BNL   TYR90
         CLI   0(R3),C'-'
         BE    TYR20
         BAL   R14,TYDIGIT
         BNZ   TYR90
         B     TYR10
TYR20    LTR   R5,R5
         BZ    TYR90
         LTR   R0,R0
         BNP   TYR90
         ST    R0,TYCOLM
         LA    R3,1(R3)            n
         SR    R0,R0
         SR    R5,R5
TYR30    CR    R3,R4
         BNL   TYR40
         CLI   0(R3),C' '
         BE    TYR40
         BAL   R14,TYDIGIT
         BNZ   TYR90
         B     TYR30
TYR40    LTR   R5,R5
         BZ    TYR90
         C     R0,TYCOLM
         BL    TYR90
         ST    R0,TYCOLN
         L     R1,TYRW
         L     R14,TYRR
         CR    R0,R0
         BR    R14
TYR90    L     R1,TYRW
         L     R14,TYRR
         LTR   R14,R14
         BR    R14
*  TYDIGIT: the digit at R3 onto R0 (R3, R5 go on).  CC 0 if it is.
TYDIGIT  CLI   0(R3),C'0'
         BL    TYD90
         CLI   0(R3),C'9'
         BH    TYD90
         MH    R0,=H'10'
         IC    R1,0(R3)
         N     R1,=F'15'
         AR    R0,R1
         LA    R3,1(R3)
         LA    R5,1(R5)
         CR    R0,R0
         BR    R14
TYD90    LTR   R14,R14
         BR    R14
*
*  TYHEXR: record R0, R1 bytes at R2, in hexadecimal.
TYHEXR   ST    R14,TYHR
         LR    R4,R2
         LR    R5,R1
         LR    R6,R0
         CALL  LNNEW
         LA    R2,TYRECORD
         CALL  LNZ
         LR    R0,R6
         LA    R3,10
         CALL  LNDEC
         LA    R2,TYLENGTH
         CALL  LNZ
         LR    R0,R5
         LA    R3,10
         CALL  LNDEC
         CALL  LNOUT
TYH10    LTR   R5,R5               32 bytes a line, in words
         BNP   TYH90
         CALL  LNNEW
         LA    R6,32
TYH20    LTR   R5,R5
         BNP   TYH40
         SR    R0,R0
         IC    R0,0(R4)
         LA    R3,2
         CALL  LNHEX
         LA    R4,1(R4)
         BCTR  R5,0
         BCTR  R6,0
         LR    R0,R6               a blank after each word
         N     R0,=F'3'
         BNZ   TYH30
         LA    R0,C' '
         CALL  LNCHR
TYH30    LTR   R6,R6
         BP    TYH20
TYH40    CALL  LNOUT
         B     TYH10
TYH90    L     R14,TYHR
         BR    R14
*
***********************************************************************
*  STATE: does the file exist?  R1 -> the PLIST.                      *
***********************************************************************
STATE    ENTER
         LR    R9,R1
         MVC   TYPAT,TYDEFLT
         LA    R1,8(R9)
         LA    R2,TYPAT
         CALL  GETFID
         LTR   R15,R15
         BNZ   ST84
         CH    R0,=H'2'
         BL    ST80
         XC    TYCUR,TYCUR
         LA    R0,TYCUR
         LA    R1,TYPAT
         CALL  FSTFIND
         LTR   R15,R15
         BZ    ST90
         C     R15,=F'8'
         BE    ST86
         LA    R1,ST002E
         LA    R2,TYPAT
         LA    R3,TYNOTFND
         CALL  MSGFID
         LA    R15,28
         RETURN
ST80     LA    R1,ST054E
         CALL  MSGTEXT
         LA    R15,24
         RETURN
ST84     LA    R1,ST048E
         LA    R2,24(R9)
         CALL  MSGWORD
         LA    R15,24
         RETURN
ST86     LA    R1,ST069E
         SR    R0,R0
         IC    R0,TYPAT+16
         LA    R3,TYNOTACC
         CALL  MSGDISK
         LA    R15,36
         RETURN
ST90     SR    R15,R15
         RETURN
*
***********************************************************************
*  HELP [name]: type the file "name HELPCMD" (CMS HELPCMD for HELP    *
*  alone) from whichever disk has it - the S disk holds one for each  *
*  command.  R1 -> the PLIST.                                         *
***********************************************************************
HELP     ENTER
         LR    R9,R1
         MVC   HLPPL(8),=CL8'TYPE'
         MVC   HLPPL+8(8),=CL8'CMS'
         CLI   8(R9),X'FF'
         BE    HL10
         CLI   8(R9),C'('
         BE    HL10
         MVC   HLPPL+8(8),8(R9)
HL10     MVC   HLPPL+16(8),=CL8'HELPCMD'
         MVC   HLPPL+24(8),=CL8'*'
         MVC   HLPPL+32(8),=8X'FF'
         MVC   TYPAT(16),HLPPL+8   is there one?
         MVC   TYPAT+16(2),=CL2'*'
         XC    TYCUR,TYCUR
         LA    R0,TYCUR
         LA    R1,TYPAT
         CALL  FSTFIND
         LTR   R15,R15
         BNZ   HL90
         LA    R1,HLPPL            TYPE name HELPCMD *
         SR    R0,R0
         CALL  TYPEFILE
         RETURN
HL90     LA    R1,HL001E
         LA    R2,HLPPL+8
         CALL  MSGWORD
         LA    R15,28
         RETURN
HLPPL    DS    5CL8
HL001E   DC    C'DMSHLP001E NO HELP FILE FOR',X'00'
TYRR     DS    A
TYRW     DS    A
TYHR     DS    A
TYFIRST  DS    F
TYLAST   DS    F
TYOPT    DS    F
TYBSIZE  DS    F
TYCOLM   DS    F
TYCOLN   DS    F
TYCUR    DS    3F
TYPAT    DS    CL18
TYDEFLT  DC    CL8' ',CL8' ',CL2'*'
TYOPTS   DC    CL8'HEX',AL1(3),AL3(TYHEX)
         DC    CL8'COL',AL1(3),AL3(TYCOL)
         DC    X'FF'
TYRECORD DC    C'RECORD ',X'00'
TYLENGTH DC    C' LENGTH=',X'00'
TY054E   DC    C'DMSTYP054E INCOMPLETE FILEID SPECIFIED',X'00'
TY048E   DC    C'DMSTYP048E INVALID MODE',X'00'
TY070E   DC    C'DMSTYP070E INVALID PARAMETER',X'00'
TY003E   DC    C'DMSTYP003E INVALID OPTION',X'00'
TY069E   DC    C'DMSTYP069E',X'00'
TY002E   DC    C'DMSTYP002E',X'00'
TY104S   DC    C'DMSTYP104S ERROR READING THE FILE',X'00'
ST054E   DC    C'DMSSTT054E INCOMPLETE FILEID SPECIFIED',X'00'
ST048E   DC    C'DMSSTT048E INVALID MODE',X'00'
ST069E   DC    C'DMSSTT069E',X'00'
ST002E   DC    C'DMSSTT002E',X'00'
TYNOTACC DC    C' NOT ACCESSED',X'00'
TYNOTFND DC    C' NOT FOUND',X'00'
         LTORG
