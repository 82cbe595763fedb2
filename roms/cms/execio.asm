***********************************************************************
*  EXECIO: an EXEC's commands, &READ, &STACK and the console stack    *
*  (DMSEXI).                                                          *
*                                                                     *
*  A line of an EXEC that is no control statement or assignment is a  *
*  command: its tokens, substituted, one blank between, go to EXECCMD *
*  as if typed (so a CP command, another EXEC, implied CP all work),  *
*  and its return code goes to &RETCODE.  What the user sees depends  *
*  on &CONTROL, as in VM/370:                                         *
*     CMS, ALL  the command before it runs (with &CONTROL TIME the    *
*               time of day first), and a return code that is not 0   *
*               after it, as  +++ R(00028) +++                        *
*     ERROR     only a command that failed, after it, and its code    *
*     OFF       neither                                               *
*  With &ERROR set, a return code that is not 0 runs its statement;   *
*  a command of that statement failing too ends the EXEC with that    *
*  return code.                                                       *
*                                                                     *
*  The console stack: lines an EXEC stacks (&STACK, &BEGSTACK) are    *
*  read before the terminal by anything that reads (RDTERM calls      *
*  STKPULL): &READ, a command's question, and CMS itself at the       *
*  ready message, which runs them as commands.                        *
***********************************************************************
DMSEXI   CSECT
         USING EXB,R11
*
***********************************************************************
*  EXCMD: run the statement at R1 (tokens as scanned) as a command.   *
*  Out: R15 = 0, or an error's number (in the &ERROR statement).      *
***********************************************************************
EXCMD    ENTER
         LA    R2,EXBCMD
         LA    R3,L'EXBCMD
         CALL  EXJOIN
         ST    R0,EXBCMDL
         LTR   R0,R0               nothing left of it
         BZ    IXM90
         CLI   EXBCTL,EXCCMS       CMS, ALL: show it first
         BL    IXM10
         BAL   R14,XMSHOW
IXM10    LA    R1,EXBCMD
         L     R0,EXBCMDL
         CALL  EXECCMD
         ST    R15,EXBRC
         LTR   R8,R15
         BZ    IXM90
         CLI   EXBCTL,EXCERR       ERROR: show it now
         BNE   IXM20
         BAL   R14,XMSHOW
IXM20    CLI   EXBCTL,EXCOFF       "+++ R(00028) +++"
         BE    IXM30
         CALL  LNNEW
         LA    R2,XMRC1
         LA    R3,L'XMRC1
         CALL  LNSTR
         LR    R0,R8
         LTR   R0,R0
         LA    R3,5
         BNM   IXM22
         LA    R0,C'-'
         CALL  LNCHR
         LPR   R0,R8
         LA    R3,4
IXM22    CALL  LNDEC0
         LA    R2,XMRC2
         LA    R3,L'XMRC2
         CALL  LNSTR
         CALL  LNOUT
IXM30    TM    EXBFLAGS,EXBINERR   failed in the &ERROR statement:
         BZ    IXM40                 the EXEC ends
         ST    R8,EXBEXRC
         OI    EXBFLAGS,EXBEXIT
         B     IXM90
IXM40    CLI   EXBERRT,X'FF'       &ERROR statement: run it
         BE    IXM90
         OI    EXBFLAGS,EXBINERR
         LA    R1,EXBERRT
         CALL  EXSTMT
         NI    EXBFLAGS,255-EXBINERR
         RETURN
IXM90    SR    R15,R15
         RETURN
*  XMSHOW: type the command (EXBCMD), after the time with TIME.
XMSHOW   ST    R14,IXMR14
         CALL  LNNEW
         CLI   EXBTIME,0
         BE    IXMS10
         LA    R2,XMTIME
         DIAG  R2,0,X'0C'
         LA    R2,XMTIME+8         hh:mm:ss
         LA    R3,8
         CALL  LNSTR
         LA    R0,C' '
         CALL  LNCHR
IXMS10   LA    R2,EXBCMD
         L     R3,EXBCMDL
         CALL  LNSTR
         CALL  LNOUT
         L     R14,IXMR14
         BR    R14
*
***********************************************************************
*  EXSHOWST: &CONTROL ALL shows a control statement or assignment     *
*  before it runs, its variables substituted.  R1 -> its tokens.      *
***********************************************************************
EXSHOWST ENTER
         LR    R9,R1
         LA    R2,EXBCMD           (free until the statement runs)
         LA    R3,L'EXBCMD
         CLC   8(8,R9),=CL8'='     &X = ...: the name as it is
         BNE   IXS10
         MVC   EXBCMD(8),0(R9)
         LA    R2,EXBCMD+8
IXS02    BCTR  R2,0                (its blanks off)
         CLI   0(R2),C' '
         BE    IXS02
         MVC   1(3,R2),=C' = '
         LA    R2,4(R2)
         LA    R1,EXBCMD+L'EXBCMD
         SR    R1,R2
         LR    R3,R1
         LA    R1,16(R9)
IXS10    CALL  EXJOIN
         AR    R0,R2
         LA    R2,EXBCMD
         SR    R0,R2
         LR    R3,R0
         CALL  WRTERM
         RETURN
*
***********************************************************************
*  EXREAD: &READ [n | ARGS | VARS &v1 &v2 ...].  R1 -> the tokens     *
*  after &READ.  A line is read from the console stack or the         *
*  terminal and made upper case, as CMS read every line.              *
*     n (1 if none): n lines, each run as a line of the EXEC          *
*     ARGS: the line's tokens become &1 ... &30 and &INDEX            *
*     VARS: the line's tokens are given to &v1, &v2, ... (null when   *
*           the line has fewer)                                       *
*  Out: R15 = 0, or an error's number.                                *
***********************************************************************
EXREAD   ENTER
         LR    R9,R1
         CALL  EXNEXT
         LTR   R15,R15
         BNZ   IRD10
         LR    R9,R1               (R9: after the operand)
         LR    R2,R0
         CLC   0(8,R2),=CL8'ARGS'
         BE    IRD50
         CLC   0(8,R2),=CL8'VARS'
         BE    IRD60
         LR    R1,R2
         CALL  EXNUM
         LTR   R15,R15
         BNZ   IRD93
         LTR   R0,R0
         BNP   IRD90
         B     IRD12
IRD10    LA    R0,1
IRD12    LR    R6,R0               R6: lines to read and run
         TM    EXBFLAGS,EXBINRD    (not inside a line read so)
         BO    IRD94
         OI    EXBFLAGS,EXBINRD
IRD20    BAL   R14,RDLINE
         LA    R1,EXBRTOK
         CLI   0(R1),C'-'          (a label: skipped)
         BNE   IRD22
         LA    R1,8(R1)
IRD22    CALL  EXSTMT
         LTR   R15,R15
         BNZ   IRD40
         TM    EXBFLAGS,EXBEXIT
         BO    IRD40
         BCT   R6,IRD20
         SR    R15,R15
IRD40    NI    EXBFLAGS,255-EXBINRD
         RETURN
*  &READ ARGS.
IRD50    BAL   R14,RDLINE
         LA    R1,EXBRTOK
         CALL  EXSETARG
         LTR   R15,R15
         BZ    IRD90
         LA    R15,804-800         TOO MANY ARGUMENTS
         RETURN
*  &READ VARS &v1 ...
IRD60    BAL   R14,RDLINE
         LA    R10,EXBRTOK         R10: the next token read
IRD62    CLI   0(R9),X'FF'
         BE    IRD90
         LR    R1,R9               the variable (&X&I: &X2)
         LA    R0,1
         CALL  EXSUBST
         MVC   RDNAME,0(R1)
         LA    R2,RDNULL
         CLI   0(R10),X'FF'
         BE    IRD64
         LR    R2,R10
         LA    R10,8(R10)
IRD64    LA    R1,RDNAME
         CALL  EXVSET
         LTR   R15,R15
         BNZ   IRD66
         LA    R9,8(R9)
         B     IRD62
IRD66    C     R15,=F'4'
         BNE   IRD67
         LA    R15,809-800         MISUSE OF SPECIAL VARIABLE
         RETURN
IRD67    LA    R15,812-800         TOO MANY VARIABLES
         RETURN
IRD90    SR    R15,R15
         RETURN
IRD93    LA    R15,811-800         CONVERSION ERROR
         RETURN
IRD94    LA    R15,808-800         INVALID SYNTAX
         RETURN
*  RDLINE: read a line (RDTERM), upper case, into EXBRTOK as tokens.
RDLINE   ST    R14,IRDR14
         CALL  RDTERM
         LR    R1,R0
         LTR   R1,R1
         BZ    IRDL10
         BCTR  R1,0
         L     R3,=A(BLANKS)       (CMDLOOP's blanks)
         EX    R1,RDUPPER
IRDL10   LA    R1,INBUF
         LA    R2,EXBRTOK
         CALL  SCAN
         L     R14,IRDR14
         BR    R14
RDUPPER  OC    INBUF(0),0(R3)
*
***********************************************************************
*  EXSTACK: &STACK [FIFO|LIFO] [tok ...] (HT, RT: nothing to do: all  *
*  is typed), &BEGSTACK [FIFO|LIFO] [ALL] (the lines down to &END, as *
*  they are).  R1 -> the statement.  Out: R15 = 0.                    *
***********************************************************************
EXSTACK  ENTER
         LR    R9,R1
         SR    R7,R7               R7: 1 LIFO
         LA    R10,8(R9)           R10: the operands
         CLC   0(8,R10),=CL8'FIFO'
         BE    IXK02
         CLC   0(8,R10),=CL8'LIFO'
         BNE   IXK04
         LA    R7,1
IXK02    LA    R10,8(R10)
IXK04    CLC   0(8,R9),=CL8'&&BEGSTAC'
         BE    IXK20
         CLI   8(R10),X'FF'        HT or RT alone
         BNE   IXK10
         CLC   0(8,R10),=CL8'HT'
         BE    IXK90
         CLC   0(8,R10),=CL8'RT'
         BE    IXK90
IXK10    LR    R1,R10              the tokens as a line
         LA    R2,EXBCMD
         LA    R3,130
         CALL  EXJOIN
         LA    R1,EXBCMD
         LR    R2,R7
         CALL  STKPUSH
         B     IXK90
IXK20    SR    R8,R8               &BEGSTACK: R8: ALL
         CLC   0(8,R10),=CL8'ALL'
         BNE   IXK22
         LA    R8,1
IXK22    L     R6,EXBCUR           R6: the line
IXK24    LA    R6,1(R6)
         C     R6,EXBLINES
         BH    IXK80
         LR    R0,R6
         LA    R1,1
         CALL  EXLINE
         C     R0,=F'4'            &END in column 1
         BL    IXK30
         CLC   0(4,R1),=C'&&END'
         BNE   IXK30
         C     R0,=F'4'
         BE    IXK80
         CLI   4(R1),C' '
         BE    IXK80
IXK30    LR    R0,R6
         LR    R1,R8
         CALL  EXLINE
         LR    R3,R0               without its blanks at the end
         LR    R2,R1               (TRIMLEN keeps R1)
         CALL  TRIMLEN
         LR    R2,R7
         CALL  STKPUSH
         B     IXK24
IXK80    LA    R6,1(R6)
         ST    R6,EXBNEXT
IXK90    SR    R15,R15
         RETURN
*
***********************************************************************
*  STKPUSH: stack the line at R1, R0 characters (at most 130): R2 = 0 *
*  at the end (FIFO), 1 in front (LIFO).  A stacked line is a block   *
*  of free storage: +0 the next, +4 its length, +8 its text.          *
*  Out: R15 = 0, or 4 no storage.                                     *
***********************************************************************
STKPUSH  ENTER
         LR    R6,R1
         LR    R7,R0
         LR    R8,R2
         C     R7,=F'130'
         BNH   ISK05
         LA    R7,130
ISK05    LA    R0,8(R7)
         CALL  GETBLK
         LTR   R15,R15
         BNZ   ISK90
         LR    R9,R1
         ST    R7,4(R9)
         LTR   R3,R7
         BZ    ISK10
         BCTR  R3,0
         EX    R3,SKMVC
ISK10    LTR   R8,R8
         BNZ   ISK20
         ICM   R2,15,STKTAIL       at the end
         BZ    ISK14
         ST    R9,0(R2)
         B     ISK16
ISK14    ST    R9,STKHEAD
ISK16    ST    R9,STKTAIL
         B     ISK80
ISK20    L     R2,STKHEAD          in front
         ST    R2,0(R9)
         ST    R9,STKHEAD
         LTR   R2,R2
         BNZ   ISK80
         ST    R9,STKTAIL
ISK80    SR    R15,R15
ISK90    RETURN
SKMVC    MVC   8(0,R9),0(R6)
*
***********************************************************************
*  STKPULL: the first stacked line into INBUF.  Out: R15 = 0 and      *
*  R0 = its length; or R15 = 4, nothing is stacked.                   *
***********************************************************************
STKPULL  ENTER
         ICM   R9,15,STKHEAD
         BZ    ISP90
         L     R2,0(R9)
         ST    R2,STKHEAD
         LTR   R2,R2
         BNZ   ISP10
         ST    R2,STKTAIL
ISP10    L     R7,4(R9)
         LTR   R3,R7
         BZ    ISP20
         BCTR  R3,0
         EX    R3,SPMVC
ISP20    LR    R1,R9
         LA    R0,8(R7)
         CALL  FREEBLK
         LR    R0,R7
         SR    R15,R15
         RETURN
ISP90    LA    R15,4
         RETURN
SPMVC    MVC   INBUF(0),8(R9)
*
STKHEAD  DC    A(0)                the console stack: the first line
STKTAIL  DC    A(0)                  and the last
IXMR14   DS    A
IRDR14   DS    A
         DS    0D
XMTIME   DS    XL32                DIAGNOSE X'0C'
RDNAME   DS    CL8
RDNULL   DC    CL8' '
XMRC1    DC    C'+++ R('
XMRC2    DC    C') +++'
         LTORG
