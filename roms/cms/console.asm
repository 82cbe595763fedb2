***********************************************************************
*  CONSOLE: lines to and from the console at 009 (DMSCWR, DMSCRD).    *
*                                                                     *
*  The console's CCWs:  X'09' write, then a new line;  X'0A' read.    *
*  SLI (X'20') lets a line be shorter than the count.                 *
***********************************************************************
DMSCIO   CSECT
*
***********************************************************************
*  WRTERM: type a line.  In: R2 -> text, R3 = its length (an empty    *
*  line is typed as one blank; more than 130 characters, the 3215's   *
*  line, go on the next lines).                                       *
***********************************************************************
WRTERM   ENTER
         LTR   R3,R3               an empty line: one blank
         BP    WRT10
         LA    R2,WRTBLANK
         LA    R3,1
WRT10    LR    R4,R3               this line: at most 130
         CH    R4,=H'130'
         BNH   WRT20
         LH    R4,=H'130'
WRT20    ST    R2,WCCW
         MVI   WCCW,X'09'          write, new line
         MVC   WCCW+4(2),=X'2000'  SLI
         STH   R4,WCCW+6
         LA    R1,WCCW
         LA    R2,CONDEV
         CALL  DOIO
         L     R2,WCCW             the rest, if any
         LA    R2,0(R4,R2)
         SR    R3,R4
         BP    WRT10
         RETURN
WRTBLANK DC    C' '
         DS    0D
WCCW     DS    D
*
***********************************************************************
*  RDTERM: read a line into INBUF.  Out: R0 = its length (130 minus   *
*  the residual count in the CSW).  A line on the console stack (an   *
*  EXEC's &STACK: STKPULL) is read first, without the terminal.       *
***********************************************************************
RDTERM   ENTER
         CALL  STKPULL
         LTR   R15,R15
         BZ    RDT10
         LA    R1,RCCW
         LA    R2,CONDEV
         CALL  DOIO
         LA    R0,130
         SH    R0,CSW+6
         BNM   RDT10
         SR    R0,R0
RDT10    RETURN
         DS    0D
RCCW     DC    X'0A',AL3(INBUF),X'2000',AL2(130)  read, SLI
         LTORG
