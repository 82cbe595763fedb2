***********************************************************************
*  EXECSTMT: the EXEC interpreter's statements (DMSEXS).              *
*                                                                     *
*     &TYPE tok...             type the tokens                        *
*     &IF a op b statement     (EXCOND) run the statement if it holds *
*     &GOTO TOP|n|-label       go to a line (a label: looked for from *
*                              the next line down, then from the top) *
*     &SKIP [n]                skip n lines (n < 0: back)             *
*     &LOOP n|-label m|cond    the next n lines (or down to the       *
*                              label) m times, or until cond holds    *
*     &EXIT [rc]               end the EXEC with return code rc       *
*     &ARGS tok...             new &1 ... &30                         *
*     &READ [n|ARGS|VARS ...]  (EXECIO)                               *
*     &CONTROL OFF|ERROR|CMS|ALL [TIME|NOTIME] [MSG|NOMSG] [PACK|...] *
*     &ERROR statement         run it when a command's return code is *
*                              not 0 (&ERROR &CONTINUE: no more)      *
*     &CONTINUE                nothing                                *
*     &SPACE [n]               n empty lines                          *
*     &EMSG id tok...          type "DMSid tok..."                    *
*     &BEGTYPE [ALL] / &BEGEMSG: type the lines down to &END as they  *
*                              are                                    *
*     &STACK, &BEGSTACK        (EXECIO)                               *
*     &TIME, &HEX              accepted, nothing done                 *
*  Any other line is an assignment (EXASSIGN) or a command (EXCMD).   *
*  A first token "*" makes the line a comment.                        *
***********************************************************************
DMSEXS   CSECT
         USING EXB,R11
*
***********************************************************************
*  EXSTMT: run the statement whose tokens (as scanned) begin at R1.   *
*  Out: R15 = 0, or an error's number (EXETAB); &EXIT sets EXBEXIT.   *
***********************************************************************
EXSTMT   ENTER
         LR    R9,R1               R9: the statement's first token
TST00    CLI   0(R9),X'FF'         nothing
         BE    TST90
         CLI   0(R9),C'*'          a comment
         BE    TST90
         LR    R1,R9
         CALL  EXISCW
         LTR   R15,R15
         BNZ   TST20
         C     R0,=A(EXCWNST)      a function is no statement
         BH    TST20
         LR    R1,R0
         SLL   R1,2
         L     R15,STJUMP-4(R1)
         BR    R15
TST20    CLI   0(R9),C'&'          &X = ...
         BNE   TST30
         CLC   8(8,R9),=CL8'='
         BNE   TST30
         LR    R1,R9
         CALL  EXASSIGN
         RETURN
TST30    LR    R1,R9               a command
         CALL  EXCMD
         RETURN
TST90    SR    R15,R15
         RETURN
STJUMP   DC    A(STTYPE,STIF,STGOTO,STSKIP,STLOOP,STEXIT,STREAD,STARGS)
         DC    A(STCTL,STERROR,TST90,STSPACE,STEMSG,STBEGT,STBEGT,TST90)
         DC    A(STSTACK,STSTACK,TST90,TST90,STPUNCH,STBEGP)
*
*  &TYPE tok ...
STTYPE   LA    R1,8(R9)
         LA    R2,EXBCMD
         LA    R3,L'EXBCMD
         CALL  EXJOIN
         LA    R2,EXBCMD
         LR    R3,R0
         CALL  WRTERM
         B     TST90
*
*  &IF tok1 op tok2 statement.  (A test that is no test: nothing.)
STIF     LA    R1,8(R9)
         CALL  EXCOND
         LTR   R15,R15
         BNZ   TST90
         LR    R9,R1
         B     TST00
*
*  &GOTO TOP | n | -label.
STGOTO   LA    R1,8(R9)
         CALL  EXNEXT
         LTR   R15,R15
         BNZ   TST92
         LR    R2,R0
         LA    R0,1
         CLC   0(8,R2),=CL8'TOP'
         BE    TSG80
         CLI   0(R2),C'-'
         BE    TSG20
         LR    R1,R2
         CALL  EXNUM
         LTR   R15,R15
         BNZ   TST92
         LTR   R0,R0
         BNP   TST92
         C     R0,EXBLINES
         BH    TST92
         B     TSG80
TSG20    LR    R1,R2               a label, from the next line round
         L     R0,EXBCUR
         A     R0,=F'1'
         LA    R2,1
         CALL  EXLABEL
         LTR   R15,R15
         BNZ   TST92
TSG80    ST    R0,EXBNEXT
         B     TST90
*
*  &SKIP [n].
STSKIP   LA    R1,8(R9)
         CALL  EXNEXT
         LTR   R15,R15
         BNZ   TSK05
         LR    R1,R0
         CALL  EXNUM
         LTR   R15,R15
         BNZ   TST93
         LTR   R0,R0
         BM    TSK20
         B     TSK10
TSK05    LA    R0,1                (no n: 1)
TSK10    A     R0,EXBCUR           n >= 0: past n lines (past the
         A     R0,=F'1'              end: the EXEC ends)
         B     TSG80
TSK20    A     R0,EXBCUR           n < 0: n lines above
         BNP   TST92
         B     TSG80
*
*  &LOOP n | -label  m | condition.
STLOOP   LA    R1,8(R9)
         CALL  EXNEXT              n or -label
         LTR   R15,R15
         BNZ   TST94
         LR    R8,R1               R8: the count or condition
         LR    R2,R0
         CLI   0(R2),C'-'
         BE    TSL10
         LR    R1,R2
         CALL  EXNUM
         LTR   R15,R15
         BNZ   TST93
         LTR   R0,R0
         BM    TST94
         A     R0,EXBCUR
         LR    R7,R0               R7: the loop's last line
         B     TSL20
TSL10    LR    R1,R2               down to the label
         L     R0,EXBCUR
         A     R0,=F'1'
         SR    R2,R2
         CALL  EXLABEL
         LTR   R15,R15
         BNZ   TST97
         LR    R7,R0
TSL20    C     R7,EXBLINES
         BH    TST97
         C     R7,EXBCUR           no lines: nothing to do
         BE    TST90
         LR    R1,R8               a count?
         CALL  EXNEXT
         LTR   R15,R15
         BNZ   TST94
         CLI   0(R1),X'FF'
         BNE   TSL30
         LR    R1,R0
         CALL  EXNUM
         LTR   R15,R15
         BNZ   TSL30
         LTR   R6,R0               R6: the count
         BM    TST94
         BZ    TSL80               0 times
         B     TSL40
TSL30    LR    R1,R8               a condition: does it hold now?
         CALL  EXCOND
         LTR   R15,R15
         BZ    TSL80
         C     R15,=F'12'
         BE    TSL80
         C     R15,=F'4'
         BNE   TST94
         L     R6,=F'-1'
TSL40    L     R1,EXBNLOOP         a new loop
         C     R1,=A(EXLMAX)
         BNL   TST95
         LA    R0,1(R1)
         ST    R0,EXBNLOOP
         SLL   R1,4
         LA    R1,EXBLOOPS(R1)
         MVC   EXLLINE(4,R1),EXBCUR
         ST    R7,EXLEND(R1)
         ST    R6,EXLCOUNT(R1)
         S     R8,EXBSRC           (where the condition is)
         ST    R8,EXLCOND(R1)
         B     TST90
TSL80    LA    R7,1(R7)            past the loop
         ST    R7,EXBNEXT
         B     TST90
*
*  &EXIT [rc].
STEXIT   LA    R1,8(R9)
         CALL  EXNEXT
         LTR   R15,R15
         BNZ   TSE05
         LR    R1,R0
         CALL  EXNUM
         LTR   R15,R15
         BNZ   TST93
         B     TSE10
TSE05    SR    R0,R0               (no rc: 0)
TSE10    ST    R0,EXBEXRC
         OI    EXBFLAGS,EXBEXIT
         B     TST90
*
*  &READ ...
STREAD   LA    R1,8(R9)
         CALL  EXREAD
         RETURN
*
*  &ARGS tok ...: the tokens substituted, then as the arguments.
STARGS   LA    R1,8(R9)
         LA    R2,EXBRTOK
         LA    R3,PLMAX
TSA10    CALL  EXNEXT
         LTR   R15,R15
         BNZ   TSA20
         LR    R4,R0
         MVC   0(8,R2),0(R4)
         LA    R2,8(R2)
         BCT   R3,TSA10
TSA20    MVC   0(8,R2),=8X'FF'
         LA    R1,EXBRTOK
         CALL  EXSETARG
         LTR   R15,R15
         BZ    TST90
         LA    R15,804-800         TOO MANY ARGUMENTS
         RETURN
*
*  &CONTROL: no operands, the defaults (CMS NOTIME).
STCTL    LA    R1,8(R9)
         CLI   0(R1),X'FF'
         BNE   TSC10
         MVI   EXBCTL,EXCCMS
         MVI   EXBTIME,0
         B     TST90
TSC10    CALL  EXNEXT
         LTR   R15,R15
         BNZ   TST90
         LR    R2,R0
         LA    R3,SCOPTS
TSC20    CLI   0(R3),X'FF'
         BE    TST94
         CLC   0(8,R2),0(R3)
         BE    TSC30
         LA    R3,10(R3)
         B     TSC20
TSC30    CLI   8(R3),0             (MSG, PACK: nothing to do)
         BE    TSC10
         CLI   8(R3),1
         BE    TSC40
         MVC   EXBTIME,9(R3)
         B     TSC10
TSC40    MVC   EXBCTL,9(R3)
         B     TSC10
*
*  &ERROR statement: kept as it is, scanned when it runs.
STERROR  LA    R1,8(R9)
         LA    R2,EXBERRT
         CLI   0(R1),X'FF'
         BE    TSR20
         CLC   0(8,R1),=CL8'&&CONTINU'
         BE    TSR20
TSR10    MVC   0(8,R2),0(R1)       (it may be EXBERRT itself: from
         CLI   0(R1),X'FF'           the left is safe)
         BE    TST90
         LA    R1,8(R1)
         LA    R2,8(R2)
         B     TSR10
TSR20    MVI   EXBERRT,X'FF'
         B     TST90
*
*  &SPACE [n].
STSPACE  LA    R1,8(R9)
         LA    R6,1
         CALL  EXNEXT
         LTR   R15,R15
         BNZ   TSP10
         LR    R1,R0
         CALL  EXNUM
         LTR   R15,R15
         BNZ   TST93
         LTR   R6,R0
TSP10    BNP   TST90
TSP20    SR    R3,R3
         CALL  WRTERM
         BCT   R6,TSP20
         B     TST90
*
*  &EMSG id tok ...: DMSid tok ...
STEMSG   MVC   EXBCMD(3),=C'DMS'
         LA    R1,8(R9)
         LA    R2,EXBCMD+3
         LA    R3,L'EXBCMD-3
         CALL  EXJOIN
         LA    R2,EXBCMD
         LR    R3,R0
         LA    R3,3(R3)
         CALL  WRTERM
         B     TST90
*
*  &PUNCH tok ...: the tokens as a card on the punch (00D); CP CLOSE
*  PUNCH sends the cards on.
STPUNCH  LA    R1,8(R9)
         LA    R2,EXBCMD
         LA    R3,L'EXBCMD
         CALL  EXJOIN
         LA    R2,EXBCMD
         LR    R3,R0
         CALL  PUNCARD
         B     TST90
*
*  &BEGTYPE [ALL], &BEGEMSG [ALL]: the lines down to &END, as they
*  are (ALL: the whole of an F file's lines, not columns 1-72);
*  &BEGPUNCH [ALL]: the same lines as cards on the punch.
STBEGP   MVI   TSBPUN,1
         B     TSB05
STBEGT   MVI   TSBPUN,0
TSB05    SR    R7,R7               R7: ALL
         CLC   8(8,R9),=CL8'ALL'
         BNE   TSB10
         LA    R7,1
TSB10    L     R6,EXBCUR           R6: the line
TSB20    LA    R6,1(R6)
         C     R6,EXBLINES
         BH    TSB80
         LR    R0,R6
         LA    R1,1                (&END: in column 1)
         CALL  EXLINE
         C     R0,=F'4'
         BL    TSB30
         CLC   0(4,R1),=C'&&END'
         BNE   TSB30
         C     R0,=F'4'
         BE    TSB80
         CLI   4(R1),C' '
         BE    TSB80
TSB30    LR    R0,R6
         LR    R1,R7
         CALL  EXLINE
         LR    R2,R1               without its blanks at the end
         LR    R3,R0
         CALL  TRIMLEN
         LR    R3,R0
         CLI   TSBPUN,0
         BNE   TSB36
         CALL  WRTERM
         B     TSB20
TSB36    CALL  PUNCARD
         B     TSB20
TSB80    LA    R6,1(R6)            after the &END
         ST    R6,EXBNEXT
         B     TST90
*
*  &STACK, &BEGSTACK.
STSTACK  LR    R1,R9
         CALL  EXSTACK
         RETURN
*
TST92    LA    R15,802-800         &SKIP OR &GOTO ERROR
         RETURN
TST93    LA    R15,811-800         CONVERSION ERROR
         RETURN
TST94    LA    R15,808-800         INVALID SYNTAX
         RETURN
TST95    LA    R15,805-800         MAXIMUM DEPTH OF LOOP NESTING
         RETURN
TST97    LA    R15,807-800         EOF FOUND IN LOOP
         RETURN
TSBPUN   DC    X'00'               &BEGPUNCH: cards, not lines
*
*  &CONTROL's words: name, what (0 nothing, 1 the display, 2 TIME),
*  its value.
SCOPTS   DC    CL8'OFF',AL1(1,EXCOFF),CL8'ERROR',AL1(1,EXCERR)
         DC    CL8'CMS',AL1(1,EXCCMS),CL8'ALL',AL1(1,EXCALL)
         DC    CL8'TIME',AL1(2,1),CL8'NOTIME',AL1(2,0)
         DC    CL8'MSG',AL1(0,0),CL8'NOMSG',AL1(0,0)
         DC    CL8'PACK',AL1(0,0),CL8'NOPACK',AL1(0,0)
         DC    X'FF'
         LTORG
