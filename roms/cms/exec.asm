***********************************************************************
*  EXEC: the CMS EXEC language (DMSEXC, DMSEXT) - the EXEC command    *
*  and the interpreter's main loop.                                   *
*                                                                     *
*     EXec fn [args...]      or just   fn [args...]   (IMPEX ON)      *
*                                                                     *
*  An EXEC file (filetype EXEC, on any accessed disk, the first in    *
*  the search order) is read whole into free storage, so that &GOTO,  *
*  &SKIP and &LOOP can go anywhere in it.  Then it is run line by     *
*  line: each line is cut into 8-character tokens (SCAN), a first     *
*  token "-name" is a label (skipped), and the rest is a statement:   *
*    - a control statement (&TYPE, &IF, &GOTO, ...: EXECSTMT),        *
*    - an assignment (&X = value, &X = &Y + 1: EXECEXPR),             *
*    - anything else: a CMS or CP command, its variables replaced     *
*      by their values (EXECIO), its return code in &RETCODE.         *
*  The modules:                                                       *
*    EXEC     DMSEXC  the command, loading the file, the main loop,   *
*                     loops ending, the error message, PROFILE EXEC   *
*    EXECSTMT DMSEXS  the control statements                          *
*    EXECIO   DMSEXI  commands, &READ, &CONTROL's display, the stack  *
*    EXECEXPR DMSEXX  assignments, conditions, labels, lines          *
*    EXECVAR  DMSEXV  variables, substitution, numbers                *
*                                                                     *
*  Every EXEC being run has an EXB (below), taken from free storage:  *
*  EXECs call EXECs, each with its own variables, up to EXDMAX deep   *
*  (the register stack's 256 frames bound it: each level takes about  *
*  seven).  Every routine of the interpreter has R11 -> the EXB.      *
*                                                                     *
*  An error in a statement stops the EXEC with                        *
*     DMSEXT072E ERROR IN EXEC FILE fn, LINE n - text                 *
*  and the return code 800 + its number (801 FILE NOT FOUND, ...;     *
*  the list is EXETAB).                                               *
***********************************************************************
*  A loop (&LOOP): where it began, its last line, how many more times
*  (-1: until its condition holds), where its condition is (from the
*  start of the &LOOP line's tokens).
EXLLINE  EQU   0
EXLEND   EQU   4
EXLCOUNT EQU   8
EXLCOND  EQU   12
EXLLEN   EQU   16
EXLMAX   EQU   4                   loops inside loops: 4, as VM/370
EXVMAX   EQU   200                 variables of one EXEC
EXDMAX   EQU   20                  EXECs inside EXECs
EXCMAX   EQU   130                 columns of an EXEC line
EXB      DSECT
EXBPREV  DS    A                   the EXEC that called this one
EXBLEVEL DS    F                   how deep (1: called from CMS)
EXBFLAGS DS    X
EXBEXIT  EQU   X'80'                 &EXIT: stop
EXBINERR EQU   X'40'                 running the &ERROR statement
EXBFMTF  EQU   X'20'                 RECFM F: only columns 1-72 count
EXBINRD  EQU   X'10'                 running lines &READ read
EXBCTL   DS    X                   &CONTROL:
EXCOFF   EQU   0                     OFF: nothing shown
EXCERR   EQU   1                     ERROR: commands that failed
EXCCMS   EQU   2                     CMS: every command (the default)
EXCALL   EQU   3                     ALL: and every statement
EXBTIME  DS    X                   &CONTROL TIME: 1
         DS    X
EXBNAME  DS    CL8                 &EXEC: the file's name
EXBZERO  DS    CL8                 &0 (the name; may be changed)
EXBNARG  DS    F                   &INDEX: arguments
EXBARGS  DS    30CL8               &1 ... &30 (blanks: null)
EXBRC    DS    F                   &RETCODE
EXBEXRC  DS    F                   &EXIT's return code
EXBCUR   DS    F                   &LINENUM: the line being run
EXBNEXT  DS    F                   the line to run next
EXBLINES DS    F                   lines in the file
EXBINDEX DS    A                   A(line) for each line: a line is
*                                    its length (H) and its text
EXBFBUF  DS    A                   the storage the file is in
EXBFSIZE DS    F                     its size
EXBSRC   DS    A                   the tokens of the line being run
EXBNLOOP DS    F                   loops active (at most EXLMAX)
EXBLOOPS DS    (EXLMAX*EXLLEN)X    the loops (EXL..), innermost last
EXBTOK   DS    (PLMAX+1)CL8        the line being run, in tokens
EXBRTOK  DS    (PLMAX+1)CL8        a line &READ read, in tokens
EXBERRT  DS    (PLMAX+1)CL8        the &ERROR statement (X'FF': none)
EXBCMDL  DS    F                   a command being made:
EXBCMD   DS    CL256                 its length and text
EXBNVAR  DS    F                   the EXEC's own variables (last: the
EXBVARS  DS    (EXVMAX*16)X          EXB is more than 4K), name CL8,
*                                    value CL8 (blanks: null)
EXBLEN   EQU   *-EXB
*
DMSEXC   CSECT
         USING EXB,R11
*
***********************************************************************
*  EXEC: the command.  R1 -> the PLIST: EXEC fn args...               *
*  Out: R15 = the EXEC's return code.                                 *
***********************************************************************
EXEC     ENTER
         CLI   8(R1),X'FF'         no name
         BE    EXC80
         CLI   8(R1),C'('
         BE    EXC80
         LA    R1,8(R1)
         CALL  EXECRUN
         RETURN
EXC80    LA    R1,EXC001E
         CALL  MSGTEXT
         LA    R15,24
         RETURN
*
***********************************************************************
*  EXFIND: is there an EXEC named by the PLIST word at R1 (fn EXEC,   *
*  on any disk, the first in the search order)?  Out: R15 = 0, R1 ->  *
*  its FST, R0 -> its disk's ADT; or R15 = 4.                         *
***********************************************************************
EXFIND   ENTER
         LA    R15,4
         CLI   0(R1),C' '          not a name: a pattern, a blank
         BE    EXF90
         LA    R3,8                (a name with "*" would match every
         LR    R2,R1                 EXEC: "* a comment")
EXF10    CLI   0(R2),C'*'
         BE    EXF90
         LA    R2,1(R2)
         BCT   R3,EXF10
         MVC   EXFPAT(8),0(R1)
         MVC   EXFPAT+8(10),EXFTYPE
         XC    EXFCUR,EXFCUR
         LA    R1,EXFPAT
         LA    R0,EXFCUR
         CALL  FSTFIND
EXF90    RETURN
*
***********************************************************************
*  EXECRUN: run an EXEC.  R1 -> a PLIST word: its name, then its      *
*  arguments up to the fence.  Out: R15 = its return code.            *
***********************************************************************
EXECRUN  ENTER
         LR    R9,R1               R9: the name
         L     R0,EXDEPTH          too deep?
         C     R0,=A(EXDMAX)
         BNL   XE92
         CALL  EXFIND
         LTR   R15,R15
         BNZ   XE90
         LR    R6,R1               R6: the FST
         LR    R7,R0               R7: its disk
         L     R0,=A(EXBLEN)
         CALL  GETBLK
         LTR   R15,R15
         BNZ   XE94
         LR    R11,R1              the EXB
         L     R0,EXCUR            below the EXEC that calls it
         ST    R0,EXBPREV
         ST    R11,EXCUR
         L     R0,EXDEPTH
         A     R0,=F'1'
         ST    R0,EXDEPTH
         ST    R0,EXBLEVEL
         MVC   EXBNAME,0(R9)       &EXEC, &0
         MVC   EXBZERO,0(R9)
         MVI   EXBCTL,EXCCMS
         MVI   EXBERRT,X'FF'       no &ERROR statement
         LA    R1,8(R9)            &1 ... &30, &INDEX
         CALL  EXSETARG
         LA    R0,804-800          (too many)
         LTR   R15,R15
         BNZ   XE70
         LR    R1,R6               the file into storage
         LR    R2,R7
         BAL   R14,EXLOAD
         LTR   R0,R0
         BP    XE70
         BM    XE74                (no storage for it)
         LA    R0,1
         ST    R0,EXBNEXT
*
*  The main loop: the next line.
XE10     L     R1,EXBNEXT
         C     R1,EXBLINES         past the end: the EXEC ends, 0
         BH    XE60
         ST    R1,EXBCUR
         LA    R0,1(R1)
         ST    R0,EXBNEXT
         LR    R0,R1
         SR    R1,R1
         CALL  EXLINE              R1 -> the text, R0 = its length
         LA    R2,EXBTOK
         ST    R2,EXBSRC
         CALL  SCAN
         LA    R1,EXBTOK
         CLI   0(R1),C'-'          a label: the rest is the statement
         BNE   XE20
         LA    R1,8(R1)
XE20     CLI   EXBCTL,EXCALL       &CONTROL ALL: show a statement
         BNE   XE22
         CLI   0(R1),C'&'
         BNE   XE22
         LR    R2,R1
         CALL  EXSHOWST
         LR    R1,R2
XE22     CALL  EXSTMT
         LR    R0,R15              an error
         LTR   R0,R0
         BNZ   XE72
         TM    EXBFLAGS,EXBEXIT
         BO    XE62
         BAL   R14,EXLOOPED        the end of a loop?
         LTR   R0,R0
         BNZ   XE72
         B     XE10
*
*  The end.  R0 = the error's number (1-99), the EXEC ends with 800+.
XE60     SR    R8,R8               ran off the end: 0
         B     XE80
XE62     L     R8,EXBEXRC          &EXIT rc
         B     XE80
XE70     XC    EXBCUR,EXBCUR       (before the first line: LINE 0)
XE72     LR    R8,R0
         LA    R8,800(R8)
         LA    R1,EXBNAME
         L     R2,EXBCUR
         BAL   R14,EXERRMSG
         B     XE80
XE74     LA    R8,104              (DMSFRE159T has been typed)
XE80     ICM   R1,15,EXBFBUF       give the storage back
         BZ    XE82
         L     R0,EXBFSIZE
         CALL  FREEBLK
XE82     L     R0,EXBPREV
         ST    R0,EXCUR
         L     R0,EXDEPTH
         S     R0,=F'1'
         ST    R0,EXDEPTH
         LR    R1,R11
         L     R0,=A(EXBLEN)
         CALL  FREEBLK
         LR    R15,R8
         RETURN
XE90     LA    R0,801-800          no such file
         LR    R1,R9
         SR    R2,R2
         BAL   R14,EXERRMSG
         LA    R15,801
         RETURN
XE92     LA    R0,813-800          too deep
         LR    R1,R9
         SR    R2,R2
         BAL   R14,EXERRMSG
         LA    R15,813
         RETURN
XE94     TYPE  EXNOSTOR
         LA    R15,104
         RETURN
*
***********************************************************************
*  EXLOAD (BAL): read the file whose FST is R1, on the disk R2, into  *
*  free storage: EXBLINES, EXBINDEX, EXBFBUF.  Out: R0 = 0, or an     *
*  error's number (3: BAD FILE FORMAT), or -1: not enough storage     *
*  (DMSFRE159T typed).                                                *
***********************************************************************
EXLOAD   ST    R14,EXLDR14
         LR    R6,R1
         LR    R7,R2
         USING FST,R6
         CLC   FSTLRECL,=A(EXCMAX) longer lines than an EXEC may have
         BH    EXL90
         CLI   FSTRECFM,C'F'       F: columns 73-80 are not scanned
         BNE   EXL05
         OI    EXBFLAGS,EXBFMTF
EXL05    SR    R8,R8               R8: lines
         ICM   R8,3,FSTRECCT
         ST    R8,EXBLINES
         BZ    EXL80               (an empty EXEC)
         SR    R3,R3               room: the data blocks, an index
         ICM   R3,3,FSTBLKCT         word and a length for each
         MH    R3,=H'800'            line
         LR    R1,R8
         MH    R1,=H'6'
         AR    R3,R1
         LA    R0,8(R3)
         ST    R0,EXBFSIZE
         CALL  GETBLK
         LTR   R15,R15
         BNZ   EXL92
         ST    R1,EXBFBUF
         ST    R1,EXBINDEX
         LR    R4,R1               R4: the index
         LR    R5,R8               R5: where the lines go
         SLL   R5,2
         AR    R5,R1
         LR    R1,R6               open it
         LR    R2,R7
         CALL  FSOPENR
         LTR   R15,R15
         BNZ   EXL90
         LR    R10,R1              R10: the open file
EXL10    ST    R5,0(R4)            each line
         LA    R4,4(R4)
         LR    R1,R10
         LA    R2,2(R5)
         LA    R3,EXCMAX
         CALL  FSREADR
         LTR   R15,R15
         BNZ   EXL20
         C     R0,=A(EXCMAX)
         BNH   EXL12
         LA    R0,EXCMAX
EXL12    STH   R0,0(R5)
         LA    R5,2(R5)
         AR    R5,R0
         BCT   R8,EXL10
         LR    R1,R10
         CALL  FSCLOSE
EXL80    SR    R0,R0
         L     R14,EXLDR14
         BR    R14
EXL20    LR    R1,R10              a read went wrong
         CALL  FSCLOSE
EXL90    LA    R0,803-800          BAD FILE FORMAT
         L     R14,EXLDR14
         BR    R14
EXL92    TYPE  EXNOSTOR
         L     R0,=F'-1'           (no storage: the EXEC cannot run)
         L     R14,EXLDR14
         BR    R14
         DROP  R6
*
***********************************************************************
*  EXLOOPED (BAL): line EXBCUR has run; is it the end of a loop?      *
*  A loop ends when control leaves it (&GOTO, &SKIP), its count runs  *
*  out or its condition holds; else back to the line after the        *
*  &LOOP.  Loops ending on the same line end one after the other.     *
*  Out: R0 = 0, or an error's number.                                 *
***********************************************************************
EXLOOPED ST    R14,EXLPR14
EXP10    L     R5,EXBNLOOP
         LTR   R5,R5
         BZ    EXP80
         BCTR  R5,0                R4 -> the innermost loop
         SLL   R5,4
         LA    R4,EXBLOOPS(R5)
         L     R1,EXBCUR
         LA    R1,1(R1)
         C     R1,EXBNEXT          did control go elsewhere?
         BE    EXP30
*  Control went elsewhere: the loops it left end.
         L     R1,EXBNEXT
         C     R1,EXLLINE(R4)      inside this loop: it goes on
         BNH   EXP20
         C     R1,EXLEND(R4)
         BNH   EXP80
EXP20    BAL   R14,EXPOP
         B     EXP10
*  Its last line?
EXP30    CLC   EXBCUR,EXLEND(R4)
         BNE   EXP80
         L     R1,EXLCOUNT(R4)
         LTR   R1,R1
         BM    EXP40
         BCTR  R1,0                a count: once more?
         ST    R1,EXLCOUNT(R4)
         LTR   R1,R1
         BP    EXP70
EXP32    BAL   R14,EXPOP           done
         B     EXP10
EXP40    L     R0,EXLLINE(R4)      a condition: the &LOOP line again
         SR    R1,R1
         CALL  EXLINE
         LA    R2,EXBTOK
         CALL  SCAN
         LA    R1,EXBTOK
         A     R1,EXLCOND(R4)
         CALL  EXCOND
         LTR   R15,R15
         BZ    EXP32               it holds: done
         C     R15,=F'12'          (&* or &$ and no arguments)
         BE    EXP32
         C     R15,=F'4'
         BNE   EXP90
EXP70    L     R1,EXLLINE(R4)      again
         LA    R1,1(R1)
         ST    R1,EXBNEXT
EXP80    SR    R0,R0
         L     R14,EXLPR14
         BR    R14
EXP90    LA    R0,808-800          INVALID SYNTAX
         L     R14,EXLPR14
         BR    R14
*  EXPOP: the innermost loop ends.
EXPOP    L     R1,EXBNLOOP
         BCTR  R1,0
         ST    R1,EXBNLOOP
         BR    R14
*
***********************************************************************
*  EXERRMSG (BAL): "DMSEXT072E ERROR IN EXEC FILE fn, LINE n - text". *
*  R1 -> fn, R2 = n, R0 = the error's number (1-99).                  *
***********************************************************************
EXERRMSG ST    R14,EXEMR14
         LR    R4,R1
         LR    R5,R2
         LR    R6,R0
         CALL  LNNEW
         LA    R2,EXE072E
         CALL  LNZ
         LR    R2,R4
         LA    R3,8
         CALL  LNTOK
         LA    R2,EXELINE
         CALL  LNZ
         LR    R0,R5
         SR    R3,R3
         CALL  LNDEC
         LA    R2,EXEDASH
         CALL  LNZ
         LR    R1,R6
         BCTR  R1,0
         SLL   R1,2
         L     R2,EXETAB(R1)
         CALL  LNZ
         CALL  LNOUT
         L     R14,EXEMR14
         BR    R14
*
***********************************************************************
*  EXPROF: PROFILE EXEC.  Called by CMDLOOP with the first line CMS   *
*  reads (R1 -> it, R0 = its length), after the disks are accessed.   *
*  "ACCESS (NOPROF" (just so) skips it: R15 = 4, the line is done.    *
*  Else PROFILE EXEC A is run if there is one (its return code is     *
*  not shown; the line read is kept across it), R15 = 0.              *
***********************************************************************
EXPROF   ENTER
         LR    R6,R0               R6: the line's length
         LR    R7,R1               R7: the line
         LA    R0,EXPWLEN          room for its words and a copy
         CALL  GETBLK
         LTR   R15,R15
         BNZ   EXPR90              (none: no profile)
         LR    R8,R1               R8: the room
         LR    R1,R7
         LR    R0,R6
         LR    R2,R8
         CALL  SCAN
         LA    R9,4
         CLC   0(32,R8),EXPNOPR    ACCESS ( NOPROF and the fence
         BE    EXPR80
         SR    R9,R9
         XC    EXFCUR,EXFCUR       PROFILE EXEC on A?
         LA    R1,EXPPAT
         LA    R0,EXFCUR
         CALL  FSTFIND
         LTR   R15,R15
         BNZ   EXPR80
         MVC   EXPWLINE(L'INBUF,R8),INBUF   keep the line
         MVC   0(8,R8),EXPPAT      PROFILE, no arguments
         MVC   8(8,R8),=8X'FF'
         LR    R1,R8
         CALL  EXECRUN
         MVC   INBUF,EXPWLINE(R8)
         ST    R6,INLEN
EXPR80   LR    R1,R8
         LA    R0,EXPWLEN
         CALL  FREEBLK
         LR    R15,R9
         RETURN
EXPR90   SR    R15,R15
         RETURN
EXPWLINE EQU   (PLMAX+1)*8         (in the room: after the words)
EXPWLEN  EQU   EXPWLINE+L'INBUF
*
EXCUR    DC    A(0)                the EXEC running (its EXB), or 0
EXDEPTH  DC    F'0'                how many are running
EXLDR14  DS    A
EXLPR14  DS    A
EXEMR14  DS    A
EXFCUR   DS    3F
EXFPAT   DS    CL18
EXFTYPE  DC    CL8'EXEC',CL2'*'
EXPPAT   DC    CL8'PROFILE',CL8'EXEC',CL2'A'
EXPNOPR  DC    CL8'ACCESS',CL8'(',CL8'NOPROF',8X'FF'
EXC001E  DC    C'DMSEXC001E NO FILENAME SPECIFIED',X'00'
EXE072E  DC    C'DMSEXT072E ERROR IN EXEC FILE ',X'00'
EXELINE  DC    C', LINE ',X'00'
EXEDASH  DC    C' - ',X'00'
EXNOSTOR DC    C'DMSFRE159T INSUFFICIENT STORAGE AVAILABLE'
*  The errors, by number (the return code is 800 + the number).
EXETAB   DC    A(EXE01,EXE02,EXE03,EXE04,EXE05,EXE06,EXE07,EXE08)
         DC    A(EXE09,EXE10,EXE11,EXE12,EXE13)
EXE01    DC    C'FILE NOT FOUND',X'00'
EXE02    DC    C'&&SKIP OR &&GOTO ERROR',X'00'
EXE03    DC    C'BAD FILE FORMAT',X'00'
EXE04    DC    C'TOO MANY ARGUMENTS',X'00'
EXE05    DC    C'MAXIMUM DEPTH OF LOOP NESTING EXCEEDED',X'00'
EXE06    DC    C'ERROR IN &&ERROR ACTION',X'00'
EXE07    DC    C'EOF FOUND IN LOOP',X'00'
EXE08    DC    C'INVALID SYNTAX',X'00'
EXE09    DC    C'MISUSE OF SPECIAL VARIABLE',X'00'
EXE10    DC    C'INVALID FORM',X'00'
EXE11    DC    C'CONVERSION ERROR',X'00'
EXE12    DC    C'TOO MANY VARIABLES',X'00'
EXE13    DC    C'EXECS NESTED TOO DEEPLY',X'00'
         LTORG
