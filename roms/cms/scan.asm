***********************************************************************
*  SCAN: cut a command line into a parameter list (DMSSCN).           *
*                                                                     *
*  CMS hands a command its operands as a PLIST: each word of the line *
*  in 8 bytes, padded with blanks on the right (a longer word is cut  *
*  to 8), and after the last one a "fence" of eight X'FF's:           *
*     LISTFILE * EXEC (DATE                                           *
*     'LISTFILE' '*       ' 'EXEC    ' '(       ' 'DATE    ' FFFF...  *
*  A parenthesis is a word of its own even when written against the   *
*  next one, as in "(DATE".                                           *
***********************************************************************
DMSSCN   CSECT
PLMAX    EQU   64                  most words in a PLIST
*
***********************************************************************
*  SCAN: R1 -> the line, R0 = its length, R2 -> room for the PLIST    *
*  ((PLMAX+1)*8 bytes).  Out: R0 = the number of words (the rest of   *
*  a line with more than PLMAX is not in the PLIST).                  *
***********************************************************************
SCAN     ENTER
         LR    R4,R1               R4: where we are
         LR    R5,R1               R5: the end of the line
         AR    R5,R0
         SR    R6,R6               R6: words so far
SC10     CR    R4,R5               skip blanks
         BNL   SC90
         CLI   0(R4),C' '
         BNE   SC20
         LA    R4,1(R4)
         B     SC10
SC20     CH    R6,=AL2(PLMAX)
         BNL   SC90
         MVC   0(8,R2),=CL8' '     a new word
         LR    R7,R2               where its characters go
         LA    R8,8(R2)            (no more than 8)
         LA    R2,8(R2)
         LA    R6,1(R6)
         CLI   0(R4),C'('          a parenthesis: a word alone
         BE    SC25
         CLI   0(R4),C')'
         BNE   SC30
SC25     MVC   0(1,R7),0(R4)
         LA    R4,1(R4)
         B     SC10
SC30     CR    R4,R5               copy up to a blank or a parenthesis
         BNL   SC90
         CLI   0(R4),C' '
         BE    SC10
         CLI   0(R4),C'('
         BE    SC10
         CLI   0(R4),C')'
         BE    SC10
         CR    R7,R8
         BNL   SC35
         MVC   0(1,R7),0(R4)
         LA    R7,1(R7)
SC35     LA    R4,1(R4)
         B     SC30
SC90     MVC   0(8,R2),=8X'FF'     the fence
         LR    R0,R6
         RETURN
*
***********************************************************************
*  TOKLEN: R1 -> a word of a PLIST.  Out: R0 = its length without the *
*  blanks that pad it.                                                *
***********************************************************************
TOKLEN   ENTER
         LA    R0,8
         LA    R2,7(R1)
TL10     CLI   0(R2),C' '
         BNE   TL20
         BCTR  R2,0
         BCT   R0,TL10
TL20     RETURN
         LTORG
