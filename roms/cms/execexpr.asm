***********************************************************************
*  EXECEXPR: the EXEC interpreter's lines, labels, conditions and     *
*  assignments (DMSEXX).                                              *
***********************************************************************
DMSEXX   CSECT
         USING EXB,R11
*
***********************************************************************
*  EXLINE: line R0 (from 1) of the EXEC.  R1 = 1: the whole line;     *
*  R1 = 0: the part that is scanned (columns 1-72 of an F file, the   *
*  whole line of a V file).  Out: R1 -> its text, R0 = its length.    *
***********************************************************************
EXLINE   ENTER
         LR    R2,R0
         BCTR  R2,0
         SLL   R2,2
         A     R2,EXBINDEX
         L     R2,0(R2)
         LH    R0,0(R2)
         LA    R2,2(R2)
         LTR   R1,R1
         BNZ   PEL10
         TM    EXBFLAGS,EXBFMTF
         BZ    PEL10
         C     R0,=F'72'
         BNH   PEL10
         LA    R0,72
PEL10    LR    R1,R2
         RETURN
*
***********************************************************************
*  EXLABEL: the line that begins with the label at R1 (CL8, "-name"; *
*  the case matters).  R0 = the line to look from; R2 = 1: then from  *
*  the top down to the line above the one before it (&GOTO), R2 = 0:  *
*  down to the end only (&LOOP).  Out: R15 = 0, R0 = the line; or     *
*  R15 = 4, there is none.                                            *
***********************************************************************
EXLABEL  ENTER
         MVC   XLLAB,0(R1)
         LR    R6,R0               R6: the line to look at
         LR    R7,R2               R7: go round once more
         LR    R9,R0               R9: where the search began
         L     R10,EXBLINES        R10: the last line to look at
PXL10    CR    R6,R10
         BH    PXL50
         BAL   R14,XLWORD
         CLC   XLWRD,XLLAB
         BE    PXL80
         LA    R6,1(R6)
         B     PXL10
PXL50    LTR   R7,R7                from the top
         BZ    PXL90
         SR    R7,R7
         LA    R6,1
         LR    R10,R9
         S     R10,=F'2'
         B     PXL10
PXL80    LR    R0,R6
         SR    R15,R15
         RETURN
PXL90    LA    R15,4
         RETURN
*  XLWORD: line R6's first word (as SCAN would cut it) into XLWORD.
XLWORD   ST    R14,PXLR14
         LR    R0,R6
         SR    R1,R1
         CALL  EXLINE
         MVC   XLWRD,XBLANKS
         LR    R2,R1               R2: where we are, R3: the end
         LR    R3,R1
         AR    R3,R0
PXW10    CR    R2,R3                blanks before it
         BNL   PXW90
         CLI   0(R2),C' '
         BNE   PXW20
         LA    R2,1(R2)
         B     PXW10
PXW20    LA    R4,XLWRD             at most 8 characters of it
         LA    R5,8
PXW22    CR    R2,R3
         BNL   PXW90
         CLI   0(R2),C' '
         BE    PXW90
         CLI   0(R2),C'('
         BE    PXW90
         CLI   0(R2),C')'
         BE    PXW90
         MVC   0(1,R4),0(R2)
         LA    R2,1(R2)
         LA    R4,1(R4)
         BCT   R5,PXW22
PXW90    L     R14,PXLR14
         BR    R14
*
***********************************************************************
*  EXCOND: the condition "tok1 op tok2" (&IF, &LOOP) at R1 (tokens as *
*  scanned).  op: EQ NE LT LE GT GE = ¬= < <= > >=.  Two numbers are  *
*  compared as numbers, else as characters.  tok1 or tok2 may be &*   *
*  (every argument must meet it) or &$ (one must).                    *
*  Out: R15 = 0 it holds, 4 it does not, 8 it is not a condition, 12  *
*  &* or &$ and no arguments (the statement does nothing);            *
*  R1 -> the token after it.                                          *
***********************************************************************
EXCOND   ENTER
         CALL  EXNEXT              tok1
         LTR   R15,R15
         BNZ   PXC88
         LR    R2,R0
         MVC   PXCT1,0(R2)
         CALL  EXNEXT              op
         LTR   R15,R15
         BNZ   PXC88
         LR    R2,R0
         MVC   XCOP,0(R2)
         CALL  EXNEXT              tok2
         LTR   R15,R15
         BNZ   PXC88
         LR    R2,R0
         MVC   PXCT2,0(R2)
         ST    R1,XCNEXT
         LA    R2,XCOPS            R7: the op's branch mask
PXC10    CLI   0(R2),X'FF'
         BE    PXC88
         CLC   XCOP,0(R2)
         BE    PXC12
         LA    R2,9(R2)
         B     PXC10
PXC12    SR    R7,R7
         IC    R7,8(R2)
*  &* or &$?
         LA    R8,PXCT1            R8: the side with it, or 0
         CLC   PXCT1,=CL8'&&*'
         BE    PXC20
         CLC   PXCT1,=CL8'&&$'
         BE    PXC20
         LA    R8,PXCT2
         CLC   PXCT2,=CL8'&&*'
         BE    PXC20
         CLC   PXCT2,=CL8'&&$'
         BE    PXC20
         LA    R2,PXCT1            just the two
         LA    R3,PXCT2
         BAL   R14,XCTEST
         B     PXC80
PXC20    MVC   XCWHICH,0(R8)        each argument in turn
         L     R9,EXBNARG
         LTR   R9,R9
         BZ    PXC86
         LA    R10,EXBARGS
PXC22    MVC   0(8,R8),0(R10)
         LA    R2,PXCT1
         LA    R3,PXCT2
         BAL   R14,XCTEST
         CLC   XCWHICH,=CL8'&&*'
         BE    PXC24
         LTR   R15,R15             &$: one that meets it will do
         BZ    PXC80
         B     PXC26
PXC24    LTR   R15,R15              &*: one that does not spoils it
         BNZ   PXC80
PXC26    LA    R10,8(R10)
         BCT   R9,PXC22
PXC80    L     R1,XCNEXT
         RETURN
PXC86    L     R1,XCNEXT
         LA    R15,12
         RETURN
PXC88    LA    R15,8
         RETURN
*  XCTEST: does R2's token stand in relation R7 to R3's?  Out: R15.
XCTEST   ST    R14,PXCR14
         LR    R1,R2
         CALL  EXNUM
         LTR   R15,R15
         BNZ   PXCT20
         LR    R4,R0
         LR    R1,R3
         CALL  EXNUM
         LTR   R15,R15
         BNZ   PXCT20
         CR    R4,R0               two numbers
         B     PXCT30
PXCT20   CLC   0(8,R2),0(R3)       else characters
PXCT30   EX    R7,XCBC
         LA    R15,4
         B     PXCT90
PXCT40   SR    R15,R15
PXCT90   L     R14,PXCR14
         BR    R14
XCBC     BC    0,PXCT40
*
***********************************************************************
*  EXASSIGN: "&name = ..." at R1 (tokens as scanned).  The value:     *
*  nothing (null), a token, an arithmetic expression (tokens with     *
*  + - * / between them, worked left to right in whole numbers), or   *
*  a function: &CONCAT tok..., &LENGTH tok, &DATATYPE tok (NUM or     *
*  CHAR), &SUBSTR tok i [n] (&LITERAL tok: see EXNEXT).               *
*  Out: R15 = 0, or an error's number.                                *
***********************************************************************
EXASSIGN ENTER
         LR    R9,R1
         LA    R0,1                the name: &X&I is &X2
         CALL  EXSUBST
         MVC   XANAME,0(R1)
         MVC   XAVAL,XBLANKS
         LA    R1,16(R9)           a function?
         CALL  EXISCW
         LTR   R15,R15
         BNZ   PXA10
         C     R0,=F'23'
         BL    PXA10
         C     R0,=F'26'
         BH    PXA10
         LR    R1,R0
         S     R1,=F'23'
         SLL   R1,2
         L     R15,XAFUNCS(R1)
         LA    R1,24(R9)           (its operands)
         BR    R15
PXA10    LA    R1,16(R9)
         CALL  EXNEXT              the first token
         LTR   R15,R15
         BNZ   PXA80               (none: null)
         LR    R2,R0
         MVC   XAVAL,0(R2)
         CALL  EXNEXT              an operator?
         LTR   R15,R15
         BNZ   PXA80               no: the token
*  Arithmetic.
         LR    R9,R1               R9: the tokens left
         LR    R10,R0              R10 -> the operator
         BAL   R14,XAOPER
         BNE   PXA90
         LA    R1,XAVAL
         CALL  EXNUM
         LTR   R15,R15
         BNZ   PXA91
         LR    R8,R0               R8: the sum so far
PXA20    BAL   R14,XAOPER          + - * /
         BNE   PXA90
         MVC   XAOP,0(R10)
         LR    R1,R9               the next number
         CALL  EXNEXT
         LTR   R15,R15
         BNZ   PXA90
         LR    R9,R1
         LR    R1,R0
         CALL  EXNUM
         LTR   R15,R15
         BNZ   PXA91
         CLI   XAOP,C'+'
         BE    PXA30
         CLI   XAOP,C'-'
         BE    PXA32
         CLI   XAOP,C'*'
         BE    PXA34
         CLI   XAOP,C'/'
         BNE   PXA90
         LTR   R0,R0               (no dividing by 0)
         BZ    PXA91
         LR    R4,R8
         SRDA  R4,32
         DR    R4,R0
         LR    R8,R5
         B     PXA40
PXA30    AR    R8,R0
         B     PXA40
PXA32    SR    R8,R0
         B     PXA40
PXA34    LR    R5,R8
         MR    R4,R0
         LR    R8,R5
PXA40    LR    R1,R9                another operator?
         CALL  EXNEXT
         LTR   R15,R15
         BNZ   PXA50
         LR    R9,R1
         LR    R10,R0
         B     PXA20
PXA50    LR    R0,R8
         CALL  EXDEC
         MVC   XAVAL,0(R1)
*  Set it.
PXA80    LA    R1,XANAME
         LA    R2,XAVAL
         CALL  EXVSET
         LTR   R15,R15
         BZ    PXA89
         C     R15,=F'4'
         BNE   PXA88
         LA    R15,809-800         MISUSE OF SPECIAL VARIABLE
         RETURN
PXA88    LA    R15,812-800          TOO MANY VARIABLES
PXA89    RETURN
PXA90    LA    R15,810-800          INVALID FORM
         RETURN
PXA91    LA    R15,811-800          CONVERSION ERROR
         RETURN
*
*  &CONCAT tok ...: the tokens one after the other, cut to 8.
XACONCAT LA    R6,XAW              R6: where the next goes
         MVC   XAW(8),XBLANKS
         MVC   XAW+8(8),XBLANKS
         MVC   XAW+16(8),XBLANKS
PXAC10   CALL  EXNEXT
         LTR   R15,R15
         BNZ   PXAC90
         LR    R9,R1
         LR    R2,R0
         BAL   R14,XALEN           R3: its length
         LA    R4,XAW+8            room for it?
         SR    R4,R6
         BNP   PXAC90
         CR    R3,R4
         BNH   PXAC20
         LR    R3,R4
PXAC20   BCTR  R3,0
         EX    R3,XACMVC
         LA    R6,1(R3,R6)
         LR    R1,R9
         B     PXAC10
PXAC90   MVC   XAVAL,XAW
         B     PXA80
XACMVC   MVC   0(0,R6),0(R2)
*
*  &LENGTH tok: how many characters.
XALENGTH SR    R3,R3
         CALL  EXNEXT
         LTR   R15,R15
         BNZ   PXAL10
         LR    R2,R0
         BAL   R14,XALEN
PXAL10   LR    R0,R3
         CALL  EXDEC
         MVC   XAVAL,0(R1)
         B     PXA80
*
*  &DATATYPE tok: NUM or CHAR.
XADATAT  MVC   XAVAL,=CL8'CHAR'
         CALL  EXNEXT
         LTR   R15,R15
         BNZ   PXA80
         LR    R1,R0
         CALL  EXNUM
         LTR   R15,R15
         BNZ   PXA80
         MVC   XAVAL,=CL8'NUM'
         B     PXA80
*
*  &SUBSTR tok i [n]: n characters (to the end) from the i-th.
XASUBSTR CALL  EXNEXT
         LTR   R15,R15
         BNZ   PXA90
         LR    R2,R0
         MVC   XAW(8),0(R2)
         CALL  EXNEXT              i
         LTR   R15,R15
         BNZ   PXA90
         LR    R9,R1
         LR    R1,R0
         CALL  EXNUM
         LTR   R15,R15
         BNZ   PXA91
         LR    R6,R0               R6: i
         LA    R2,XAW
         BAL   R14,XALEN
         LR    R7,R3               R7: n, the rest of it
         SR    R7,R6
         LA    R7,1(R7)
         LR    R1,R9
         CALL  EXNEXT              n
         LTR   R15,R15
         BNZ   PXAS10
         LR    R1,R0
         CALL  EXNUM
         LTR   R15,R15
         BNZ   PXA91
         LR    R7,R0
PXAS10   LTR   R6,R6               i from 1 to the length
         BNP   PXA90
         CR    R6,R3
         BH    PXA90
         LTR   R7,R7
         BNP   PXA90
         LA    R2,XAW-1(R6)
         LA    R4,0(R7,R6)         not past the end
         BCTR  R4,0
         CR    R4,R3
         BH    PXA90
         BCTR  R7,0
         EX    R7,XASMVC
         B     PXA80
XASMVC   MVC   XAVAL(0),0(R2)
*
*  XAOPER: is the token at R10 + - * or /?  Out: CC 0 if it is.
XAOPER   CLC   1(7,R10),XBLANKS
         BNER  R14
         CLI   0(R10),C'+'
         BER   R14
         CLI   0(R10),C'-'
         BER   R14
         CLI   0(R10),C'*'
         BER   R14
         CLI   0(R10),C'/'
         BR    R14
*
*  XALEN: R3 = the length of the token at R2 (without its blanks).
XALEN   LA    R3,8
XALE10   LA    R1,0(R3,R2)
         BCTR  R1,0
         CLI   0(R1),C' '
         BNER  R14
         BCT   R3,XALE10
         BR    R14
*
XAFUNCS  DC    A(XACONCAT,XALENGTH,XADATAT,XASUBSTR)
*  The operators and their masks for BC after a compare.
XCOPS   DC    CL8'=',X'80',CL8'EQ',X'80'
         DC    X'5F7E404040404040',X'70',CL8'NE',X'70'     (not =)
         DC    X'B07E404040404040',X'70'                   (^=)
         DC    CL8'<',X'40',CL8'LT',X'40',CL8'<=',X'C0',CL8'LE',X'C0'
         DC    CL8'>',X'20',CL8'GT',X'20',CL8'>=',X'A0',CL8'GE',X'A0'
         DC    X'FF'
PXLR14   DS    A
PXCR14   DS    A
XCNEXT   DS    A
XLLAB   DS    CL8
XLWRD   DS    CL8
PXCT1    DS    CL8
PXCT2    DS    CL8
XCOP     DS    CL8
XCWHICH  DS    CL8
XANAME   DS    CL8
XAVAL   DS    CL8
XAOP     DS    CL8
XAW      DS    CL24
XBLANKS  DC    CL8' '
         LTORG
