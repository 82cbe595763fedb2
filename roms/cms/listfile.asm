***********************************************************************
*  LISTFILE: list files (DMSLST).                                     *
*                                                                     *
*     Listfile [fn [ft [fm]]] [( options]                             *
*  fn and ft default to *, fm to A.  Options: FORMAT (record format,  *
*  length, records), ALLOC (and blocks), DATE (and date and time),    *
*  LABEL (and the disk's label), HEADER/NOHEADER, EXEC (write the     *
*  list, each line after "&1 &2 ", to CMS EXEC A1 instead).           *
*                                                                     *
*  FILENAME FILETYPE FM  FORMAT    RECS BLOCKS     DATE    TIME   LABEL
*  PROFILE  EXEC     A1  V   33       5      1 06/15/79   09:00  ALI191
***********************************************************************
DMSLST   CSECT
LFFMT    EQU   X'80'               options' bits
LFALLOC  EQU   X'40'
LFDATE   EQU   X'20'
LFLABEL  EQU   X'10'
LFEXEC   EQU   X'08'
LFHDR    EQU   X'04'
LFNOHDR  EQU   X'02'
LISTFILE ENTER
         LR    R9,R1
         MVC   LFPAT,LFDEFLT       * * A
         LA    R1,8(R9)
         LA    R2,LFPAT
         CALL  GETFID
         LTR   R15,R15
         BNZ   LF84
         SR    R10,R10             R10: the options
         CLI   0(R1),X'FF'
         BE    LF10
         LA    R1,8(R1)            (past the "(")
         SR    R0,R0
         LA    R2,LFOPTS
         CALL  OPTIONS
         LTR   R15,R15
         BNZ   LF86
         LR    R10,R0
*  How many columns: 0 fileid, 1 format, 2 blocks, 3 date, 4 label.
LF10     SR    R11,R11
         LA    R3,LFLEVELS
LF12     CLI   0(R3),0
         BE    LF14
         IC    R0,0(R3)
         NR    R0,R10
         N     R0,=F'255'
         BZ    LF13
         IC    R11,1(R3)
LF13     LA    R3,2(R3)
         B     LF12
LF14     CLI   LFPAT+16,C'*'       the disk must be accessed
         BE    LF20
         SR    R0,R0
         IC    R0,LFPAT+16
         CALL  ADTFIND
         LTR   R1,R1
         BZ    LF88
LF20     DS    0H
*  The files.
LF30     XC    LFCUR,LFCUR
         SR    R7,R7               files listed
         XC    LFAFT,LFAFT         (the EXEC being written)
LF32     LA    R0,LFCUR
         LA    R1,LFPAT
         CALL  FSTFIND
         LTR   R15,R15
         BNZ   LF60
         LR    R8,R1               R8: the FST, R6: its disk
         LR    R6,R0
         LA    R7,1(R7)
         CH    R7,=H'1'            the first: the header before it
         BNE   LF34
         BAL   R14,LFHEADR
LF34     BAL   R14,LFROW
         LR    R0,R10
         N     R0,=A(LFEXEC)
         BNZ   LF40
         CALL  LNOUT
         B     LF32
*  EXEC: the line is a record of CMS EXEC A1.
LF40     ICM   R1,15,LFAFT
         BNZ   LF44
         LA    R0,C'A'
         CALL  ADTFIND
         LTR   R2,R1
         BZ    LF89
         TM    ADTFLAGS-ADT(R2),ADTRO
         BO    LF89
         LA    R1,LFEXFST
         CALL  FSOPENW
         LTR   R15,R15
         BNZ   LF90
         ST    R1,LFAFT
LF44     LA    R2,LINE
         L     R3,LINEPTR
         SR    R3,R2
         CALL  FSWRREC
         LTR   R15,R15
         BNZ   LF90
         CALL  LNNEW
         B     LF32
LF60     ICM   R1,15,LFAFT         the EXEC is written
         BZ    LF62
         CALL  FSCLOSEW
         LTR   R15,R15
         BNZ   LF90
LF62     LTR   R7,R7
         BZ    LF80
         SR    R15,R15
         RETURN
LF80     LA    R1,LF002E           nothing found
         CALL  MSGTEXT
         LA    R15,28
         RETURN
LF84     LA    R1,LF048E
         LA    R2,24(R9)
         CALL  MSGWORD
         LA    R15,24
         RETURN
LF86     LR    R2,R1
         LA    R1,LF003E
         CALL  MSGWORD
         LA    R15,24
         RETURN
LF88     LA    R1,LF069E
         SR    R0,R0
         IC    R0,LFPAT+16
         LA    R3,LFNOTACC
         CALL  MSGDISK
         LA    R15,36
         RETURN
LF89     LA    R1,LF037E           no A disk to write on
         LA    R0,C'A'
         LA    R3,LFRO
         CALL  MSGDISK
         LA    R15,36
         RETURN
LF90     LA    R1,LF105S           the EXEC could not be written
         CALL  MSGTEXT
         LA    R15,100
         RETURN
*
*  LFHEADR: the header, when there are columns after the fileid and
*  neither NOHEADER nor EXEC.
LFHEADR  LTR   R11,R11
         BZR   R14
         LR    R0,R10
         N     R0,=A(LFNOHDR+LFEXEC)
         BNZR  R14
         ST    R14,LFHDRR
         CALL  LNNEW
         LA    R2,LFHEAD
         IC    R3,LFCOLS(R11)
         N     R3,=F'255'
         CALL  LNSTR
         CALL  LNOUT
         L     R14,LFHDRR
         BR    R14
*
*  LFROW: the line for the FST at R8 on the disk R6, as many columns
*  as R11 says (EXEC: "&1 &2 " first).
LFROW    ST    R14,LFROWR
         CALL  LNNEW
         LR    R0,R10
         N     R0,=A(LFEXEC)
         BZ    LR05
         LA    R2,LFAMP
         LA    R3,L'LFAMP
         CALL  LNSTR
LR05     L     R0,LINEPTR          columns from here
         ST    R0,LFBASE
         LR    R2,R8               fn
         LA    R3,8
         CALL  LNTOK
         LA    R3,9
         BAL   R14,LFCOL
         LA    R2,8(R8)            ft
         LA    R3,8
         CALL  LNTOK
         LA    R3,18
         BAL   R14,LFCOL
         IC    R0,ADTMODE-ADT(R6)  fm: the letter and the number
         CALL  LNCHR
         IC    R0,FSTFMODE+1-FST(R8)
         CALL  LNCHR
         LTR   R11,R11
         BZ    LR90
         LA    R3,22               FORMAT: F    80      12
         BAL   R14,LFCOL
         IC    R0,FSTRECFM-FST(R8)
         CALL  LNCHR
         L     R0,FSTLRECL-FST(R8)
         LA    R3,5
         CALL  LNDEC
         SR    R0,R0
         ICM   R0,3,FSTRECCT-FST(R8)
         LA    R3,8
         CALL  LNDEC
         CH    R11,=H'2'           ALLOC: blocks
         BL    LR90
         SR    R0,R0
         ICM   R0,3,FSTBLKCT-FST(R8)
         LA    R3,7
         CALL  LNDEC
         CH    R11,=H'3'           DATE: MM/DD/YY   HH:MM
         BL    LR90
         LA    R0,C' '
         CALL  LNCHR
         IC    R0,FSTDATEW-FST(R8)
         LA    R3,2
         CALL  LNHEX
         LA    R0,C'/'
         CALL  LNCHR
         IC    R0,FSTDATEW+1-FST(R8)
         LA    R3,2
         CALL  LNHEX
         LA    R0,C'/'
         CALL  LNCHR
         LA    R2,FSTYEARW-FST(R8)
         LA    R3,2
         CALL  LNSTR
         LA    R3,55
         BAL   R14,LFCOL
         IC    R0,FSTTIMEW-FST(R8)
         LA    R3,2
         CALL  LNHEX
         LA    R0,C':'
         CALL  LNCHR
         IC    R0,FSTTIMEW+1-FST(R8)
         LA    R3,2
         CALL  LNHEX
         CH    R11,=H'4'           LABEL
         BL    LR90
         LA    R3,62
         BAL   R14,LFCOL
         LA    R2,ADTLABEL-ADT(R6)
         LA    R3,6
         CALL  LNSTR
LR90     L     R14,LFROWR
         BR    R14
*  LFCOL: blanks up to column R3 of the list (after "&1 &2 ").
LFCOL    L     R0,LFBASE
         S     R0,=A(LINE)
         AR    R3,R0
         ST    R14,LFCOLR
         CALL  LNCOL
         L     R14,LFCOLR
         BR    R14
LFROWR   DS    A
LFHDRR   DS    A
LFCOLR   DS    A
LFBASE   DS    A
LFAFT    DS    A
LFCUR    DS    3F
LFPAT    DS    CL18
LFDEFLT  DC    CL8'*',CL8'*',CL2'A'
LFOPTS   DC    CL8'FORMAT',AL1(2),AL3(LFFMT)
         DC    CL8'ALLOC',AL1(2),AL3(LFALLOC)
         DC    CL8'DATE',AL1(1),AL3(LFDATE)
         DC    CL8'LABEL',AL1(1),AL3(LFLABEL)
         DC    CL8'EXEC',AL1(1),AL3(LFEXEC)
         DC    CL8'HEADER',AL1(2),AL3(LFHDR)
         DC    CL8'NOHEADER',AL1(3),AL3(LFNOHDR)
         DC    X'FF'
LFLEVELS DC    AL1(LFFMT,1,LFALLOC,2,LFDATE,3,LFLABEL,4),X'00'
LFCOLS   DC    AL1(20,36,43,60,68)  the header's length for each
LFHEAD   DC    C'FILENAME FILETYPE FM  FORMAT    RECS BLOCKS     DATE  '
         DC    C'  TIME   LABEL'
LFAMP    DC    C'&&1 &&2 '
LFEXFST  DC    CL8'CMS',CL8'EXEC',XL4'00',XL4'00',C'A1',XL4'00'
         DC    C'F',X'00',AL4(80),XL4'00'
LF002E   DC    C'DMSLST002E FILE NOT FOUND',X'00'
LF003E   DC    C'DMSLST003E INVALID OPTION',X'00'
LF048E   DC    C'DMSLST048E INVALID MODE',X'00'
LF069E   DC    C'DMSLST069E',X'00'
LF037E   DC    C'DMSLST037E',X'00'
LFNOTACC DC    C' NOT ACCESSED',X'00'
LFRO     DC    C' IS READ/ONLY',X'00'
LF105S   DC    C'DMSLST105S ERROR WRITING CMS EXEC A1',X'00'
         LTORG
