***********************************************************************
*  EXECVAR: the EXEC interpreter's variables (DMSEXV).                *
*                                                                     *
*  A variable is "&" and up to 7 more characters; its value is one    *
*  token, up to 8 characters without blanks (here: a CL8 padded with  *
*  blanks; all blanks is the null value).  A variable never set is    *
*  null too: as VM/370's EXEC, a token that comes out null is not a   *
*  token at all ("&IF .&1 EQ . ..." is how EXECs test for nothing).   *
*                                                                     *
*  Substitution (EXSUBST): in a token the rightmost "&" begins a      *
*  variable's name, which runs to the token's end; its value replaces *
*  it, and then the next "&" to the left, and so on, so that ".&1"    *
*  is "." and the first argument, and "&&I" is the value of &1 when   *
*  &I is 1.  The result is cut to 8 characters.  A value is never     *
*  substituted again (an "&" in a value stays as it is).              *
*                                                                     *
*  Special variables: &0 (the name, settable), &1-&30 (the            *
*  arguments, settable), &INDEX, &EXEC, &LINENUM, &READFLAG, &TYPEFLAG*
*  and &GLOBAL (not settable), &RETCODE (settable, a number),         *
*  &GLOBAL0-&GLOBAL9 (numbers shared by every EXEC, 1 at first),      *
*  &DISKx (CMS or NA), &DISK* (the first R/W disk), &DISK? (the R/W   *
*  disk with most room) and &DOS (OFF), which an EXEC may set to      *
*  values of its own.  Others are the EXEC's own, up to EXVMAX.       *
***********************************************************************
DMSEXV   CSECT
         USING EXB,R11
*
***********************************************************************
*  EXISCW: is the token at R1 a control word (&TYPE ...), a built-in  *
*  function (&CONCAT ...) or &* / &$?  Out: R15 = 0 and R0 = its      *
*  number in EXCWTAB (from 1); or R15 = 4.                            *
***********************************************************************
EXISCW   ENTER
         CLI   0(R1),C'&'
         BNE   VEI90
         LA    R2,EXCWTAB
         LA    R0,1
VEI10    CLI   0(R2),X'FF'
         BE    VEI90
         CLC   0(8,R1),0(R2)
         BE    VEI80
         LA    R2,8(R2)
         AH    R0,=H'1'
         B     VEI10
VEI80    SR    R15,R15
         RETURN
VEI90    LA    R15,4
         RETURN
*
***********************************************************************
*  EXNEXT: the next token of a statement, with its variables'         *
*  values in.  R1 -> the statement's tokens as scanned (the cursor).  *
*  Tokens that come out null are skipped; control words, functions,   *
*  &* and &$ are kept as they are, and "&LITERAL tok" is tok as it    *
*  is.  Out: R15 = 0, R0 -> the token (CL8, until the next call),     *
*  R1 -> the token after it; or R15 = 4, R1 -> the fence.             *
***********************************************************************
EXNEXT   ENTER
         LR    R9,R1
VEN10    CLI   0(R9),X'FF'         the end
         BE    VEN90
         LR    R1,R9
         CALL  EXISCW
         LTR   R15,R15
         BNZ   VEN20
         C     R0,=A(EXCWLIT)      &LITERAL: the next as it is
         BNE   VEN15
         LA    R9,8(R9)
         CLI   0(R9),X'FF'
         BE    VEN90
VEN15    MVC   EXVRES,0(R9)        a control word: as it is
         B     VEN80
VEN20    LR    R1,R9
         SR    R0,R0
         CALL  EXSUBST
         CLC   0(8,R1),EXVBLANK    null: no token
         BNE   VEN25
         LA    R9,8(R9)
         B     VEN10
VEN25    MVC   EXVRES,0(R1)
VEN80    LA    R1,8(R9)
         LA    R0,EXVRES
         SR    R15,R15
         RETURN
VEN90    LR    R1,R9
         LA    R15,4
         RETURN
*
***********************************************************************
*  EXJOIN: the rest of a statement, substituted (EXNEXT), as a line:  *
*  its tokens without their padding, one blank between.  R1 -> the    *
*  first token, R2 -> where the line goes, R3 = room there.           *
*  Out: R0 = the line's length.                                       *
***********************************************************************
EXJOIN   ENTER
         LR    R6,R2               R6: where the next goes
         LA    R7,0(R3,R2)         R7: the end of the room
VEJ10    CALL  EXNEXT
         LTR   R15,R15
         BNZ   VEJ90
         LR    R9,R1               (the next token)
         LR    R4,R0               R4: this one
         LA    R5,8                R5: its length
VEJ20    LA    R1,0(R5,R4)
         BCTR  R1,0
         CLI   0(R1),C' '
         BNE   VEJ30
         BCT   R5,VEJ20
VEJ30    CR    R6,R2               a blank between
         BE    VEJ32
         LA    R1,1(R5,R6)
         CR    R1,R7
         BH    VEJ90
         MVI   0(R6),C' '
         LA    R6,1(R6)
VEJ32    LA    R1,0(R5,R6)
         CR    R1,R7
         BH    VEJ90
         BCTR  R5,0
         EX    R5,EJMVC
         LA    R6,1(R5,R6)
         LR    R1,R9
         B     VEJ10
VEJ90    LR    R0,R6
         SR    R0,R2
         RETURN
EJMVC    MVC   0(0,R6),0(R4)
*
***********************************************************************
*  EXSUBST: the token at R1 (CL8) with its variables' values in.      *
*  R0 = 1: an "&" at its start stays (the left side of an assignment, *
*  &X&I = 5, sets &X2).  Out: R1 -> the result, CL8 (blanks: null).   *
*  The work area: the token is at most 8, a name's value 8, so never  *
*  more than 15 characters; an "&" is always in the first 8.          *
***********************************************************************
EXSUBST  ENTER
         LR    R8,R0               R8: keep the first "&"
         MVC   EXVW,EXVBLANK
         MVC   EXVW+8(8),EXVBLANK
         MVC   EXVW+16(8),EXVBLANK
         MVC   EXVW(8),0(R1)
         LA    R7,8                R7: the characters in EXVW
VES05    LA    R2,EXVW-1(R7)
         CLI   0(R2),C' '
         BNE   VES10
         BCT   R7,VES05
VES10    LR    R6,R7               R6: look for "&" before this
VES20    LR    R5,R6               the rightmost "&" before R6
VES22    LTR   R5,R5
         BZ    VES90
         BCTR  R5,0
         LA    R2,EXVW(R5)
         CLI   0(R2),C'&'
         BNE   VES22
         LTR   R5,R5               at the start, to be kept?
         BNZ   VES24
         LTR   R8,R8
         BNZ   VES90
VES24    LR    R3,R7               the name: from it to the end
         SR    R3,R5
         C     R3,=F'1'            "&" alone is an "&"
         BNE   VES26
         LR    R6,R5
         B     VES20
VES26    C     R3,=F'8'
         BNH   VES28
         LA    R3,8
VES28    MVC   EXVNAME,EXVBLANK
         BCTR  R3,0
         EX    R3,ESMVNAME
         LA    R1,EXVNAME
         CALL  EXVGET              R1 -> its value
         LA    R2,EXVW(R5)         the value in its place
         MVC   0(8,R2),0(R1)
         MVC   8(8,R2),EXVBLANK
         LA    R3,8                its length
VES30    LA    R4,0(R3,R2)
         BCTR  R4,0
         CLI   0(R4),C' '
         BNE   VES32
         BCT   R3,VES30
VES32    LA    R7,0(R3,R5)         R7: the new end
         LR    R6,R5               go on to the left of it
         B     VES20
VES90    MVC   EXVSUB,EXVW         (cut to 8)
         LA    R1,EXVSUB
         RETURN
ESMVNAME MVC   EXVNAME(0),0(R2)
*
***********************************************************************
*  EXVGET: the value of the variable named at R1 (CL8).               *
*  Out: R1 -> the value, CL8 (blanks: null or never set).             *
***********************************************************************
EXVGET   ENTER
         LR    R9,R1
         BAL   R14,VNUMBER         &0 - &30
         BNZ   VVG20
         LA    R1,EXBZERO
         LTR   R0,R0
         BZ    VVG95
         C     R0,=F'30'
         BH    VVG90
         LR    R1,R0
         BCTR  R1,0
         SLL   R1,3
         LA    R1,EXBARGS(R1)
         B     VVG95
VVG20    L     R0,EXBNARG
         CLC   0(8,R9),=CL8'&&INDEX'
         BE    VVG80
         LA    R1,EXBNAME
         CLC   0(8,R9),=CL8'&&EXEC'
         BE    VVG95
         L     R0,EXBRC
         CLC   0(8,R9),=CL8'&&RETCODE'
         BE    VVG80
         L     R0,EXBCUR
         CLC   0(8,R9),=CL8'&&LINENUM'
         BE    VVG80
         CLC   0(8,R9),=CL8'&&READFLAG'
         BNE   VVG22
         LA    R1,=CL8'CONSOLE'    (lines stacked: read from there)
         L     R2,=A(STKHEAD)
         ICM   R2,15,0(R2)
         BZ    VVG95
         LA    R1,=CL8'STACK'
         B     VVG95
VVG22    DS    0H
         LA    R1,=CL8'RT'
         CLC   0(8,R9),=CL8'&&TYPEFLAG'
         BE    VVG95
         L     R0,EXBLEVEL
         CLC   0(8,R9),=CL8'&&GLOBAL'
         BE    VVG80
         BAL   R14,VGLOBAL         &GLOBALn
         BNZ   VVG30
         L     R0,0(R1)
         B     VVG80
VVG30    BAL   R14,VFIND           the EXEC's own
         BZ    VVG95
         CLC   0(5,R9),=C'&&DISK'  &DISKx, &DISK*, &DISK?
         BNE   VVG40
         CLC   6(2,R9),EXVBLANK
         BNE   VVG90
         BAL   R14,VDISK
         B     VVG95
VVG40    LA    R1,=CL8'OFF'
         CLC   0(8,R9),=CL8'&&DOS'
         BE    VVG95
VVG90    LA    R1,EXVBLANK         never set
         B     VVG95
VVG80    CALL  EXDEC               a number
VVG95    RETURN
*
***********************************************************************
*  EXVSET: set the variable named at R1 (CL8) to the value at R2      *
*  (CL8).  Out: R15 = 0; 4 it may not be set so (MISUSE OF SPECIAL    *
*  VARIABLE); 8 no room for another variable.                         *
***********************************************************************
EXVSET   ENTER
         LR    R9,R1
         LR    R8,R2
         CLI   0(R9),C'&'
         BNE   VVS90
         BAL   R14,VNUMBER         &0 - &30
         BNZ   VVS20
         LA    R1,EXBZERO
         LTR   R0,R0
         BZ    VVS70
         C     R0,=F'30'
         BH    VVS90
         LR    R1,R0
         BCTR  R1,0
         SLL   R1,3
         LA    R1,EXBARGS(R1)
         B     VVS70
VVS20    LA    R2,VSNOSET          those that cannot be set
VVS22    CLI   0(R2),X'FF'
         BE    VVS30
         CLC   0(8,R9),0(R2)
         BE    VVS90
         LA    R2,8(R2)
         B     VVS22
VVS30    CLC   0(8,R9),=CL8'&&RETCODE'
         BNE   VVS40
         LR    R1,R8
         CALL  EXNUM
         LTR   R15,R15
         BNZ   VVS90
         ST    R0,EXBRC
         B     VVS80
VVS40    BAL   R14,VGLOBAL         &GLOBALn: numbers only
         BNZ   VVS50
         LR    R2,R1
         LR    R1,R8
         CALL  EXNUM
         LTR   R15,R15
         BNZ   VVS90
         ST    R0,0(R2)
         B     VVS80
VVS50    BAL   R14,VFIND           the EXEC's own
         BZ    VVS70
         L     R1,EXBNVAR          a new one
         C     R1,=A(EXVMAX)
         BNL   VVS92
         LA    R0,1(R1)
         ST    R0,EXBNVAR
         SLL   R1,4
         LA    R1,EXBVARS(R1)
         MVC   0(8,R1),0(R9)
         LA    R1,8(R1)
VVS70    MVC   0(8,R1),0(R8)
VVS80    SR    R15,R15
         RETURN
VVS90    LA    R15,4
         RETURN
VVS92    LA    R15,8
         RETURN
*
*  VNUMBER: is the name at R9 &0 - &99?  Out: CC 0 and R0 = n if so.
VNUMBER  SR    R0,R0
         LA    R2,1(R9)
         LA    R3,2
VVN10    CLI   0(R2),C'0'
         BL    VVN20
         MH    R0,=H'10'
         IC    R1,0(R2)
         N     R1,=F'15'
         AR    R0,R1
         LA    R2,1(R2)
         BCT   R3,VVN10
VVN20    LA    R1,1(R9)            at least one digit, then blanks
         CR    R2,R1
         BE    VVN90
         LA    R1,8(R9)
VVN22    CR    R2,R1
         BNL   VVN80
         CLI   0(R2),C' '
         BNE   VVN90
         LA    R2,1(R2)
         B     VVN22
VVN80    CR    R0,R0
         BR    R14
VVN90    LTR   R14,R14
         BR    R14
*
*  VGLOBAL: is the name at R9 &GLOBAL0 - &GLOBAL9?  Out: CC 0 and
*  R1 -> its value (F) if so.
VGLOBAL  CLC   0(7,R9),=C'&&GLOBAL'
         BNE   VVGL90
         CLI   7(R9),C'0'
         BL    VVGL90
         SR    R1,R1
         IC    R1,7(R9)
         N     R1,=F'15'
         SLL   R1,2
         LA    R1,EXGLOBAL(R1)
         CR    R1,R1
         BR    R14
VVGL90   LTR   R14,R14
         BR    R14
*
*  VFIND: the EXEC's own variable named at R9.  Out: CC 0 and R1 ->
*  its value if there is one.
VFIND    L     R2,EXBNVAR
         LA    R1,EXBVARS
         LTR   R2,R2
         BZ    VVF90
VVF10    CLC   0(8,R1),0(R9)
         BE    VVF80
         LA    R1,16(R1)
         BCT   R2,VVF10
VVF90    LTR   R14,R14
         BR    R14
VVF80    LA    R1,8(R1)
         CR    R1,R1
         BR    R14
*
*  VDISK: &DISKx (CMS: accessed, NA: not), &DISK* (the first R/W disk
*  in the search order), &DISK? (the R/W disk with most blocks free);
*  NONE when there is none.  Out: R1 -> the value.
VDISK    ST    R14,VVDR14
         CLI   5(R9),C'*'
         BE    VVD20
         CLI   5(R9),C'?'
         BE    VVD20
         SR    R0,R0
         IC    R0,5(R9)
         CALL  ADTFIND
         LTR   R1,R1
         LA    R1,=CL8'CMS'
         BNZ   VVD90
         LA    R1,=CL8'NA'
         B     VVD90
VVD20    SR    R1,R1               the R/W disks in search order
         SR    R6,R6               R6: the best so far
VVD22    CALL  ADTNEXT
         LTR   R1,R1
         BZ    VVD30
         TM    ADTFLAGS-ADT(R1),ADTRO
         BO    VVD22
         LTR   R6,R6
         BZ    VVD26
         CLI   5(R9),C'*'          &DISK*: the first
         BE    VVD22
         CLC   ADTLEFT-ADT(4,R1),ADTLEFT-ADT(R6)
         BNH   VVD22
VVD26    ICM   R0,15,ADTLEFT-ADT(R1)   (&DISK?: not a full one)
         BNZ   VVD28
         CLI   5(R9),C'*'
         BNE   VVD22
VVD28    LR    R6,R1
         B     VVD22
VVD30    LA    R1,=CL8'NONE'
         LTR   R6,R6
         BZ    VVD90
         MVC   EXVVAL,EXVBLANK
         MVC   EXVVAL(1),ADTMODE-ADT(R6)
         LA    R1,EXVVAL
VVD90    L     R14,VVDR14
         BR    R14
*
***********************************************************************
*  EXNUM: the token at R1 (CL8) as a number: [+|-]digits.             *
*  Out: R15 = 0, R0 = the number; or R15 = 4, not a number.           *
***********************************************************************
EXNUM    ENTER
         LR    R4,R1
         LA    R5,8(R1)            R5: the end
         SR    R6,R6               R6: 1 negative
         CLI   0(R4),C'+'
         BE    VEU05
         CLI   0(R4),C'-'
         BNE   VEU10
         LA    R6,1
VEU05    LA    R4,1(R4)
VEU10    SR    R0,R0
         SR    R7,R7               R7: digits
VEU12    CR    R4,R5
         BNL   VEU30
         CLI   0(R4),C' '
         BE    VEU20
         CLI   0(R4),C'0'
         BL    VEU90
         CLI   0(R4),C'9'
         BH    VEU90
         MH    R0,=H'10'
         IC    R1,0(R4)
         N     R1,=F'15'
         AR    R0,R1
         LA    R7,1(R7)
         LA    R4,1(R4)
         B     VEU12
VEU20    CLI   0(R4),C' '          blanks to the end
         BNE   VEU90
         LA    R4,1(R4)
         CR    R4,R5
         BL    VEU20
VEU30    LTR   R7,R7
         BZ    VEU90
         LTR   R6,R6
         BZ    VEU80
         LCR   R0,R0
VEU80    SR    R15,R15
         RETURN
VEU90    LA    R15,4
         RETURN
*
***********************************************************************
*  EXDEC: R0 as a token: decimal, "-" first if negative, padded with  *
*  blanks (at most 8 characters: the right ones).                     *
*  Out: R1 -> it (CL8, until the next call).                          *
***********************************************************************
EXDEC    ENTER
         LR    R6,R0               R6: the number
         LPR   R5,R0               R5: what is left of it
         LA    R7,EXVDW+16         R7: where its digits go, from the
VED10    SR    R4,R4                 right
         D     R4,=F'10'           R5 = the rest, R4 = a digit
         O     R4,=F'240'
         BCTR  R7,0
         STC   R4,0(R7)
         LTR   R5,R5
         BNZ   VED10
         LTR   R6,R6
         BNM   VED20
         BCTR  R7,0
         MVI   0(R7),C'-'
VED20    LA    R3,EXVDW+16         its length
         SR    R3,R7
         C     R3,=F'8'
         BNH   VED22
         LA    R7,EXVDW+8
         LA    R3,8
VED22    MVC   EXVDEC,EXVBLANK
         BCTR  R3,0
         EX    R3,EDMVC
         LA    R1,EXVDEC
         RETURN
EDMVC    MVC   EXVDEC(0),0(R7)
*
***********************************************************************
*  EXSETARG: the arguments &1 ... &30 and &INDEX from the tokens at   *
*  R1, up to the fence ("%": a null argument).                        *
*  Out: R15 = 0; or 4 more than 30 (the first 30 are set).            *
***********************************************************************
EXSETARG ENTER
         MVI   EXBARGS,C' '
         MVC   EXBARGS+1(239),EXBARGS
         SR    R5,R5
         LA    R6,EXBARGS
VESA10   CLI   0(R1),X'FF'
         BE    VESA80
         C     R5,=F'30'
         BNL   VESA90
         CLC   0(8,R1),=CL8'%'
         BE    VESA20
         MVC   0(8,R6),0(R1)
VESA20   LA    R6,8(R6)
         LA    R1,8(R1)
         LA    R5,1(R5)
         B     VESA10
VESA80   ST    R5,EXBNARG
         SR    R15,R15
         RETURN
VESA90   ST    R5,EXBNARG
         LA    R15,4
         RETURN
*
*  The control words (their numbers: EXCW...), as SCAN cuts them.
EXCWTAB  DC    CL8'&&TYPE'         1
         DC    CL8'&&IF'           2
         DC    CL8'&&GOTO'         3
         DC    CL8'&&SKIP'         4
         DC    CL8'&&LOOP'         5
         DC    CL8'&&EXIT'         6
         DC    CL8'&&READ'         7
         DC    CL8'&&ARGS'         8
         DC    CL8'&&CONTROL'      9
         DC    CL8'&&ERROR'        10
         DC    CL8'&&CONTINU'      11
         DC    CL8'&&SPACE'        12
         DC    CL8'&&EMSG'         13
         DC    CL8'&&BEGTYPE'      14
         DC    CL8'&&BEGEMSG'      15
         DC    CL8'&&END'          16
         DC    CL8'&&STACK'        17
         DC    CL8'&&BEGSTAC'      18
         DC    CL8'&&TIME'         19
         DC    CL8'&&HEX'          20
         DC    CL8'&&PUNCH'        21
         DC    CL8'&&BEGPUNC'      22
EXCWNST  EQU   22                  (the statements; then functions)
         DC    CL8'&&CONCAT'       23
         DC    CL8'&&LENGTH'       24
         DC    CL8'&&DATATYP'      25
         DC    CL8'&&SUBSTR'       26
         DC    CL8'&&LITERAL'      27
EXCWLIT  EQU   27
         DC    CL8'&&*'            28
         DC    CL8'&&$'            29
         DC    X'FF'
*  Special variables an EXEC may look at but not set.
VSNOSET  DC    CL8'&&INDEX',CL8'&&EXEC',CL8'&&LINENUM',CL8'&&READFLAG'
         DC    CL8'&&TYPEFLAG',CL8'&&GLOBAL',CL8'&&*',CL8'&&$'
         DC    X'FF'
EXGLOBAL DC    10F'1'              &GLOBAL0 - &GLOBAL9
VVDR14   DS    A
EXVBLANK DC    CL8' '
EXVRES   DS    CL8                 EXNEXT's token
EXVSUB   DS    CL8                 EXSUBST's
EXVDEC   DS    CL8                 EXDEC's
EXVVAL   DS    CL8                 a value made for EXVGET
EXVNAME  DS    CL8                 a name being looked up
EXVW     DS    CL24                EXSUBST's work
EXVDW    DS    CL16                EXDEC's
         LTORG
