***********************************************************************
*  LINE: building a line to type, piece by piece.                     *
*                                                                     *
*  Messages and listings are put together in LINE (in NUCON) from     *
*  text, names and numbers; LINEPTR says where the next character     *
*  goes.  LNNEW starts a line, LNOUT types it.  Each routine keeps    *
*  every register but R15 (and R14).                                  *
***********************************************************************
DMSLIN   CSECT
*
*  LNNEW: start an empty line.
LNNEW    ENTER
         LA    R0,LINE
         ST    R0,LINEPTR
         RETURN
*
*  LNSTR: add the R3 characters at R2.
LNSTR    ENTER
         BAL   R14,LNPUT
         RETURN
*
*  LNTOK: add the name at R2, at most R3 characters, without the
*  blanks that pad it on the right.
LNTOK    ENTER
         LA    R4,0(R3,R2)         after its last character
LNT10    LTR   R3,R3
         BNP   LNT20
         BCTR  R4,0
         CLI   0(R4),C' '
         BNE   LNT20
         BCT   R3,LNT10
LNT20    BAL   R14,LNPUT
         RETURN
*
*  LNZ: add the text at R2, up to its X'00'.
LNZ      ENTER
         LR    R4,R2
LNZ10    CLI   0(R4),0
         BE    LNZ20
         LA    R4,1(R4)
         B     LNZ10
LNZ20    LR    R3,R4
         SR    R3,R2
         BAL   R14,LNPUT
         RETURN
*
*  TRIMLEN: R0 = R3 less the blanks at the end of the R3 characters
*  at R2 (a record typed, punched or kept without them).  R1 is kept.
TRIMLEN  ENTER
         LR    R0,R3
TRL10    LTR   R0,R0
         BNP   TRL90
         LR    R4,R2
         AR    R4,R0
         BCTR  R4,0
         CLI   0(R4),C' '
         BNE   TRL90
         BCT   R0,TRL10
TRL90    RETURN
*
*  LNCHR: add the character in R0's low byte.
LNCHR    ENTER
         L     R1,LINEPTR
         LA    R15,LINE+L'LINE
         CR    R1,R15
         BNL   LNC10
         STC   R0,0(R1)
         LA    R1,1(R1)
         ST    R1,LINEPTR
LNC10    RETURN
*
*  LNCOL: add blanks up to column R3 (0 is the first column).
LNCOL    ENTER
         LA    R4,LINE(R3)
         LA    R15,LINE+L'LINE
         CR    R4,R15
         BNH   LNL10
         LR    R4,R15
LNL10    L     R1,LINEPTR
LNL20    CR    R1,R4
         BNL   LNL30
         MVI   0(R1),C' '
         LA    R1,1(R1)
         B     LNL20
LNL30    ST    R1,LINEPTR
         RETURN
*
*  LNDEC: add R0 (not negative) in decimal, right-justified in R3
*  columns with blanks (more columns if it needs them; R3 = 0: just
*  the digits).  LNDEC0: the same with leading zeros.
LNDEC    ENTER
         MVI   LNFILL,C' '
         B     LND00
LNDEC0   ENTER
         MVI   LNFILL,C'0'
LND00    CH    R3,=AL2(L'LNWORK)   (at most 12 columns)
         BNH   LND05
         LA    R3,L'LNWORK
LND05    LA    R4,LNWORK+L'LNWORK  digits from the right
         LR    R1,R0
LND10    SR    R0,R0
         D     R0,=F'10'
         O     R0,=F'240'
         BCTR  R4,0
         STC   R0,0(R4)
         LTR   R1,R1
         BNZ   LND10
         LA    R5,LNWORK+L'LNWORK  how many digits
         SR    R5,R4
LND20    CR    R5,R3               fill up to R3
         BNL   LND30
         BCTR  R4,0
         MVC   0(1,R4),LNFILL
         LA    R5,1(R5)
         B     LND20
LND30    LR    R2,R4
         LR    R3,R5
         BAL   R14,LNPUT
         RETURN
*
*  LNHEX: add the low R3 hexadecimal digits of R0.
LNHEX    ENTER
         LA    R4,LNWORK(R3)
         LR    R5,R3
LNH10    BCTR  R4,0
         LR    R1,R0
         N     R1,=F'15'
         IC    R1,LNHEXD(R1)
         STC   R1,0(R4)
         SRL   R0,4
         BCT   R5,LNH10
         LA    R2,LNWORK
         BAL   R14,LNPUT
         RETURN
*
*  LNFID: add the fileid at R1 (fn CL8, ft CL8, fm CL2) as
*  "fn ft fm".
LNFID    ENTER
         LR    R2,R1
         LA    R3,8
         BAL   R14,LNTOKI
         LA    R0,C' '
         BAL   R14,LNCHRI
         LA    R2,8(R1)
         LA    R3,8
         BAL   R14,LNTOKI
         LA    R0,C' '
         BAL   R14,LNCHRI
         LA    R2,16(R1)
         LA    R3,2
         BAL   R14,LNTOKI
         RETURN
*
*  LNDISK: add "D(192)": the letter in R0's low byte, the device in R1.
LNDISK   ENTER
         BAL   R14,LNCHRI
         LA    R0,C'('
         BAL   R14,LNCHRI
         LR    R0,R1
         LA    R3,3
         CALL  LNHEX
         LA    R0,C')'
         BAL   R14,LNCHRI
         RETURN
*
*  LNOUT: type the line and start a new one.
LNOUT    ENTER
         LA    R2,LINE
         L     R3,LINEPTR
         SR    R3,R2
         CALL  WRTERM
         LA    R0,LINE
         ST    R0,LINEPTR
         RETURN
*
*  Inner helpers (BAL R14): LNPUT adds R3 characters at R2 (no more
*  than the line holds); LNTOKI and LNCHRI are LNTOK and LNCHR.
LNPUT    LTR   R3,R3
         BNPR  R14
         L     R15,LINEPTR
LNP10    LA    R0,LINE+L'LINE
         CR    R15,R0
         BNL   LNP20
         MVC   0(1,R15),0(R2)
         LA    R15,1(R15)
         LA    R2,1(R2)
         BCT   R3,LNP10
LNP20    ST    R15,LINEPTR
         BR    R14
LNTOKI   LR    R6,R14
         LA    R4,0(R3,R2)
LNTI10   LTR   R3,R3
         BNP   LNTI20
         BCTR  R4,0
         CLI   0(R4),C' '
         BNE   LNTI20
         BCT   R3,LNTI10
LNTI20   BAL   R14,LNPUT
         BR    R6
LNCHRI   LR    R2,R14
         L     R15,LINEPTR
         LA    R3,LINE+L'LINE
         CR    R15,R3
         BNLR  R2
         STC   R0,0(R15)
         LA    R15,1(R15)
         ST    R15,LINEPTR
         BR    R2
LNFILL   DS    C
LNWORK   DS    CL12
LNHEXD   DC    C'0123456789ABCDEF'
         LTORG
