***********************************************************************
*  EDITSTR: EDIT's subcommands that look for strings: LOCATE, FIND,   *
*  CHANGE (DMSEDS).  Called as EDITCMD's are (R11 -> the session).    *
*                                                                     *
*  A string is written between delimiters: the first character that   *
*  is not a blank after the subcommand's name is the delimiter, and   *
*  the string runs to the next one or to the end of the line          *
*  (L/ABC/, L .ABC, C/OLD/NEW/ * G).  The strings are taken from the  *
*  line as EDIT has it: in capitals under CASE U, as typed under      *
*  CASE M.  A line is searched as if padded with blanks to the LRECL, *
*  and only within the zone (ZONE): a string is found when it lies    *
*  wholly inside it.                                                  *
***********************************************************************
DMSEDS   CSECT
         USING EDBLOK,R11
*
***********************************************************************
*  LOCATE /string/: the next line (after the current one; from the    *
*  top if the pointer is at the end) with the string in its zone.     *
*  Not found: the pointer goes to the end, EOF:.  No string: down 1.  *
***********************************************************************
EDSLOC   ENTER
         BAL   R14,EQOPER          R4 -> the delimiter
         BNZ   EQL50
         BAL   R14,EQSTRING        R6, R7: the string
         LTR   R7,R7
         BZ    EQL50
         ST    R6,EQS1A
         ST    R7,EQS1L
         BAL   R14,EQZCHK
         BNZ   EQ00
         L     R2,EDCUR
         LTR   R2,R2
         BNZ   EQL10
         LR    R2,R11
EQL10    L     R2,ELNEXT(R2)
         CR    R2,R11
         BE    EQL40
         BAL   R14,EQFIND
         BNE   EQL10
         ST    R2,EDCUR
         CALL  EDSHOW
         B     EQ00
EQL40    XC    EDCUR,EDCUR         not found: EOF:
         SR    R1,R1
         CALL  EDTYPEL
         B     EQ00
EQL50    L     R2,EDCUR            down 1
         LTR   R2,R2
         BZ    EQL40
         L     R2,ELNEXT(R2)
         CR    R2,R11
         BE    EQL40
         ST    R2,EDCUR
         CALL  EDSHOW
EQ00     SR    R15,R15
         RETURN
EQ90     LA    R15,4
         RETURN
*
***********************************************************************
*  FIND string: the next line that begins with the string (after the  *
*  one blank that follows FIND; blanks in it count).  From the top if *
*  the pointer is at the bottom (HELP FIND: the last line, or the     *
*  end); not found: EOF:.  No string: down 1.                         *
***********************************************************************
EDSFIND  ENTER
         L     R6,EDARGS
         L     R7,EDLEN
         SR    R7,R6
         LA    R6,EDLINE(R6)
         LTR   R7,R7
         BNP   EQL50
         CLI   0(R6),C' '          the blank after FIND
         BNE   EQF05
         LA    R6,1(R6)
         BCTR  R7,0
EQF05    LR    R1,R6               only blanks: down 1
         LR    R0,R7
EQF06    LTR   R0,R0
         BNP   EQL50
         CLI   0(R1),C' '
         BNE   EQF08
         LA    R1,1(R1)
         BCT   R0,EQF06
         B     EQL50
EQF08    BCTR  R7,0                (for EX)
         L     R2,EDCUR
         LTR   R2,R2               at the end, or at the last line:
         BZ    EQF09                 from the top
         C     R11,ELNEXT(R2)
         BNE   EQF10
EQF09    LR    R2,R11
EQF10    L     R2,ELNEXT(R2)
         CR    R2,R11
         BE    EQL40
         BAL   R14,EQPAD
         EX    R7,EQFCLC
         BNE   EQF10
         ST    R2,EDCUR
         CALL  EDSHOW
         B     EQ00
EQFCLC   CLC   EDPAD(0),0(R6)
*
***********************************************************************
*  CHANGE /old/new/ [n|* [G|*]]: in n lines from the current one (1   *
*  if no n; "*": to the end of the file) the first "old" in the zone  *
*  of each line (every one: G or *) becomes "new".  An empty "old"    *
*  puts "new" at the start of the zone.  Each line changed is typed   *
*  when VERIFY is ON; a line that grows past the zone is cut there    *
*  ("TRUNCATED").  No line changed: NOT FOUND.  Running off the end:  *
*  EOF:.  The last line looked at becomes the current line.           *
***********************************************************************
EDSCHG   ENTER
         BAL   R14,EQOPER
         BNZ   EQ90                no operands: not on a typewriter
         BAL   R14,EQSTRING        old
         ST    R6,EQS1A
         ST    R7,EQS1L
         SR    R7,R7               new: none if the line ends
         LR    R6,R4
         CR    R4,R5
         BNL   EQC04
         BAL   R14,EQSTR2
         CR    R4,R5               (past the delimiter after it)
         BNL   EQC04
         LA    R4,1(R4)
EQC04    ST    R6,EQS2A
         ST    R7,EQS2L
         O     R7,EQS1L            both empty: nothing to change
         BZ    EQ90
*  The rest: [n|* [G|*]], as words.
         LA    R1,EDUPL-EDLINE(R4)
         LR    R0,R5
         SR    R0,R4
         LA    R2,EDPL
         CALL  SCAN
         LA    R1,EDPL
         CALL  EDGETN
         LTR   R15,R15
         BNZ   EQ90
         LR    R3,R0               R3: lines
         MVI   EQGLOBAL,0
         CLI   0(R1),X'FF'
         BE    EQC10
         CLI   8(R1),X'FF'
         BNE   EQ90
         CLC   0(8,R1),=CL8'G'
         BE    EQC06
         CLC   0(8,R1),=CL8'*'
         BNE   EQ90
EQC06    MVI   EQGLOBAL,1
EQC10    BAL   R14,EQZCHK
         BNZ   EQ00
         XC    EQNCHG,EQNCHG
         MVI   EQSTOP,0
         LTR   R3,R3
         BNP   EQ00
         L     R2,EDCUR
         LTR   R2,R2
         BZ    EQC40
EQC20    CR    R2,R11              (the null line at the top)
         BE    EQC25
         BAL   R14,EQCHG1
         BNE   EQC25
         L     R0,EQNCHG
         AH    R0,=H'1'
         ST    R0,EQNCHG
         TM    EDFLAGS,EDVERIFY
         BZ    EQC22
         LR    R1,R2
         CALL  EDTYPEL
EQC22    CLI   EQTRUNC,0
         BE    EQC25
         LR    R4,R2               (TYPE uses R2, R3)
         LR    R5,R3
         TYPE  EQTRUNCM
         LR    R2,R4
         LR    R3,R5
EQC25    ST    R2,EDCUR
         CLI   EQSTOP,0            no room for a line: stop
         BNE   EQC50
         BCT   R3,EQC30
         B     EQC50
EQC30    L     R2,ELNEXT(R2)
         CR    R2,R11
         BNE   EQC20
EQC40    XC    EDCUR,EDCUR         off the end
EQC50    ICM   R0,15,EQNCHG
         BNZ   EQC52
         CLI   EQSTOP,0
         BNE   EQC52
         TYPE  EQNOTFND
EQC52    ICM   R0,15,EDCUR
         BNZ   EQ00
         SR    R1,R1
         CALL  EDTYPEL
         B     EQ00
*
*  EQCHG1: change line R2.  Out: CC 0 if it changed (R2 -> it, it
*  may have moved), EQTRUNC 1 if it was cut; EQSTOP 1 if there was
*  no room.  Uses R0, R1, R4, R8-R10, R15.
*    The new line is built in EDWORK: the columns before the zone as
*    they were, the zone with its changes (no longer than the zone:
*    what is not blank beyond it is lost, and the line truncated;
*    blanks after it if shorter), the columns after the zone.
EQCHG1   ST    R14,EQCHGR
         ICM   R0,15,EQS1L         "old" not in it: a quick no
         BZ    EQH01
         BAL   R14,EQFIND
         BNE   EQH90
EQH01    BAL   R14,EQPAD           EDPAD: the line, padded
         MVI   EQTRUNC,0
         MVI   EQDONE,0
         L     R8,EDZONE1          R8: where in EDPAD (from 0)
         BCTR  R8,0
         LA    R9,EDWORK           R9: where in EDWORK
         LTR   R1,R8               the columns before the zone
         BZ    EQH05
         BCTR  R1,0
         EX    R1,EQHMVC
         AR    R9,R8
EQH05    L     R10,EDZONE2         R10: the end of the zone there
         LA    R10,EDWORK(R10)
         ICM   R0,15,EQS1L         an empty "old": "new" goes first
         BNZ   EQH10
         L     R1,EQS2A
         L     R0,EQS2L
         BAL   R14,EQEMIT
         MVI   EQDONE,1
         B     EQH40
EQH10    CLI   EQDONE,0            the first one only, unless G
         BE    EQH12
         CLI   EQGLOBAL,0
         BE    EQH40
EQH12    LR    R0,R8               room in the zone for "old"?
         A     R0,EQS1L
         C     R0,EDZONE2
         BH    EQH40
         L     R15,EQS1L
         BCTR  R15,0
         LA    R1,EDPAD(R8)
         L     R4,EQS1A
         EX    R15,EQHCLC
         BNE   EQH20
         L     R1,EQS2A            found: "new" instead
         L     R0,EQS2L
         BAL   R14,EQEMIT
         A     R8,EQS1L
         MVI   EQDONE,1
         B     EQH10
EQH20    LA    R1,EDPAD(R8)        not here: this character
         LA    R0,1
         BAL   R14,EQEMIT
         LA    R8,1(R8)
         B     EQH10
EQH40    CLI   EQDONE,0            nothing found: the line stays
         BE    EQH90
         LA    R1,EDPAD(R8)        the rest of the zone
         L     R0,EDZONE2
         SR    R0,R8
         BAL   R14,EQEMIT
EQH42    CR    R9,R10              blanks to the end of the zone
         BNL   EQH44
         MVI   0(R9),C' '
         LA    R9,1(R9)
         B     EQH42
EQH44    L     R1,EDLRECL          the columns after it
         L     R8,EDZONE2
         SR    R1,R8
         BNP   EQH50
         BCTR  R1,0
         LA    R4,EDWORK(R8)
         LA    R15,EDPAD(R8)
         EX    R1,EQHMVC2
EQH50    ST    R3,EQSAVE3          the line gets it
         LR    R1,R2
         LA    R2,EDWORK
         L     R3,EDLRECL
         CALL  EDREPL
         L     R3,EQSAVE3
         LR    R2,R1
         LTR   R15,R15
         BZ    EQH80
         MVI   EQSTOP,1
         B     EQH90
EQH80    L     R14,EQCHGR
         CR    R14,R14
         BR    R14
EQH90    L     R14,EQCHGR
         LTR   R14,R14
         BR    R14
EQHMVC   MVC   EDWORK(0),EDPAD
EQHMVC2  MVC   0(0,R4),0(R15)
EQHCLC   CLC   0(0,R1),0(R4)
*
*  EQEMIT: R0 characters from R1 to R9, no further than R10; what does
*  not fit is lost, and if it is not blank EQTRUNC is 1.  Uses R0, R1.
EQEMIT   LTR   R0,R0
         BNPR  R14
EQE10    CR    R9,R10
         BNL   EQE20
         MVC   0(1,R9),0(R1)
         LA    R9,1(R9)
         LA    R1,1(R1)
         BCT   R0,EQE10
         BR    R14
EQE20    CLI   0(R1),C' '
         BE    EQE25
         MVI   EQTRUNC,1
EQE25    LA    R1,1(R1)
         BCT   R0,EQE20
         BR    R14
*
*  EQFIND: is the string EQS1A/EQS1L in line R2's zone?  CC 0 if it
*  is.  Uses R0, R1, R4, R8-R10, R15.
EQFIND   ST    R14,EQFINDR
         BAL   R14,EQPAD
         L     R8,EDZONE1          R8: from (from 0)
         BCTR  R8,0
         L     R9,EDZONE2          R9: the last place it can begin
         S     R9,EQS1L
         L     R10,EQS1L
         BCTR  R10,0
         L     R4,EQS1A
EQN10    CR    R8,R9
         BH    EQN90
         LA    R1,EDPAD(R8)
         EX    R10,EQHCLC
         BE    EQN80
         LA    R8,1(R8)
         B     EQN10
EQN80    L     R14,EQFINDR
         CR    R14,R14
         BR    R14
EQN90    L     R14,EQFINDR
         LTR   R14,R14
         BR    R14
*
*  EQPAD: EDPAD = line R2, padded with blanks.  Uses R15.
EQPAD    MVI   EDPAD,C' '
         MVC   EDPAD+1(L'EDPAD-1),EDPAD
         SR    R15,R15
         IC    R15,ELLEN(R2)
         LTR   R15,R15
         BZR   R14
         BCTR  R15,0
         EX    R15,EQPMVC
         BR    R14
EQPMVC   MVC   EDPAD(0),ELTEXT(R2)
*
*  EQZCHK: "old" longer than the zone: ZONE ERROR.  Out: CC 0 if not.
EQZCHK   L     R0,EDZONE2
         S     R0,EDZONE1
         A     R0,=F'1'
         C     R0,EQS1L
         BL    EQZ10
         CR    R0,R0
         BR    R14
EQZ10    ST    R14,EQZCHKR
         TYPE  EQZONEM
         L     R14,EQZCHKR
         LTR   R14,R14
         BR    R14
*
*  EQOPER: R4 -> the first character after the name that is not a
*  blank, R5 -> the end of the line (in EDLINE).  CC 0 if there is
*  one.
EQOPER   L     R4,EDARGS
         LA    R4,EDLINE(R4)
         L     R5,EDLEN
         LA    R5,EDLINE(R5)
EQO10    CR    R4,R5
         BNL   EQO90
         CLI   0(R4),C' '
         BNE   EQO80
         LA    R4,1(R4)
         B     EQO10
EQO80    CR    R4,R4
         BR    R14
EQO90    LTR   R14,R14
         BR    R14
*
*  EQSTRING: the string after the delimiter at R4 (R5: the line's
*  end).  Out: R6 -> it, R7 = its length, R4 -> the delimiter that
*  ends it (or R5).  EQSTR2: the next string, after the one at R4.
EQSTRING MVC   EQDELIM,0(R4)
EQSTR2   LA    R4,1(R4)
         LR    R6,R4
EQT10    CR    R4,R5
         BNL   EQT20
         CLC   0(1,R4),EQDELIM
         BE    EQT20
         LA    R4,1(R4)
         B     EQT10
EQT20    LR    R7,R4
         SR    R7,R6
         BR    R14
*
EQS1A    DS    A                   "old" (LOCATE's string)
EQS1L    DS    F
EQS2A    DS    A                   "new"
EQS2L    DS    F
EQNCHG   DS    F                   lines changed
EQSAVE3  DS    F
EQCHGR   DS    A
EQFINDR  DS    A
EQZCHKR  DS    A
EQDELIM  DS    C
EQGLOBAL DS    X                   G
EQTRUNC  DS    X                   the line was cut
EQDONE   DS    X                   the line has a change
EQSTOP   DS    X                   no room: stop
EQTRUNCM DC    C'TRUNCATED'
EQNOTFND DC    C'NOT FOUND'
EQZONEM  DC    C'ZONE ERROR'
         LTORG
         DROP  R11
