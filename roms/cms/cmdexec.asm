***********************************************************************
*  CMDEXEC: run one command line (DMSINT's command handling).         *
*                                                                     *
*  The line is cut into a PLIST (SCAN).  Its first word is looked up, *
*  in VM/370's order:                                                 *
*    1. CP: the rest of the line goes to CP as it stands (DIAGNOSE    *
*       X'08'), and CP types its answer;                              *
*    2. an EXEC of that name on any accessed disk (implied EXEC, SET  *
*       IMPEX ON): it runs with the other words as its arguments;     *
*    3. a command of the nucleus (CMDTAB), by its name or an          *
*       abbreviation as short as the table allows (T for TYPE);       *
*    4. a program saved as "name MODULE" on an accessed disk (see     *
*       LOADER);                                                      *
*    5. anything else is offered to CP (implied CP, SET IMPCP ON),    *
*       with a buffer for its answer: if CP knows the command its     *
*       answer is typed; if CP does not either, "UNKNOWN CP/CMS       *
*       COMMAND" and the return code is -3.                           *
*  A command is called with                                           *
*     R1 -> the PLIST (its first word is the command's name)          *
*     R0 -> three words: A(the line), A(what follows the command's    *
*           name), A(the end of the line)                             *
*  and returns its return code in R15.                                *
***********************************************************************
DMSCMD   CSECT
CBPLIST  EQU   0                   in the block EXECCMD takes: the
CBEPL    EQU   (PLMAX+1)*8           PLIST, the three words
CBLEN    EQU   CBEPL+12
*
***********************************************************************
*  EXECCMD: run the command line at R1, R0 characters (upper case).   *
*  Out: R15 = its return code.                                        *
***********************************************************************
EXECCMD  ENTER
         LR    R6,R1               the line
         LR    R7,R0               its length
         LA    R0,CBLEN
         CALL  GETBLK
         LTR   R15,R15
         BNZ   ECNOSTOR
         LR    R8,R1               R8: the PLIST
         LR    R1,R6
         LR    R0,R7
         LR    R2,R8
         CALL  SCAN
         SR    R9,R9               return code 0
         LTR   R0,R0               only blanks: nothing to do
         BZ    EC90
*  The three words: the line, after the command's name, its end.
         ST    R6,CBEPL(R8)
         LA    R5,0(R7,R6)
         ST    R5,CBEPL+8(R8)
         LR    R4,R6
EC10     CR    R4,R5               blanks before the name
         BNL   EC16
         CLI   0(R4),C' '
         BNE   EC12
         LA    R4,1(R4)
         B     EC10
EC12     CR    R4,R5               the name
         BNL   EC16
         CLI   0(R4),C' '
         BE    EC16
         CLI   0(R4),C'('
         BE    EC16
         LA    R4,1(R4)
         B     EC12
EC16     ST    R4,CBEPL+4(R8)
*  1. CP.
         CLC   0(8,R8),=CL8'CP'
         BE    ECCP
*  2. An EXEC of that name.
         TM    CMSFLAGS,CMSNOEX
         BO    EC18
         LR    R1,R8
         CALL  EXFIND
         LTR   R15,R15
         BNZ   EC18
         LR    R1,R8
         CALL  EXECRUN
         LR    R9,R15
         B     EC90
*  3. The nucleus's commands.
EC18     LR    R1,R8
         CALL  CMDFIND
         LTR   R15,R15
         BZ    EC40
         LR    R1,R8               call it
         LA    R0,CBEPL(R8)
         BALR  R14,R15
         LR    R9,R15
         B     EC90
*  "CP text": hand the rest to CP as it stands; CP types its answer.
ECCP     L     R2,CBEPL+4(R8)
         L     R3,CBEPL+8(R8)
         SR    R3,R2
         DIAG  R2,R3,X'08'         R3 = CP's return code
         LR    R9,R3
         B     EC90
*  4. A MODULE of that name on a disk: the program runs.
EC40     LR    R1,R8
         CALL  RUNMOD
         LR    R9,R15
         C     R15,=F'-1'
         BNE   EC90
*  5. Implied CP: offer the whole line to CP.
ECIMPCP  LR    R1,R6
         LR    R0,R7
         CALL  CPLINE
         LR    R9,R15
EC90     LR    R1,R8               give the PLIST back
         LA    R0,CBLEN
         CALL  FREEBLK
         LR    R15,R9
         RETURN
ECNOSTOR TYPE  NOSTMSG
         LA    R15,104
         RETURN
*
***********************************************************************
*  CMDFIND: the nucleus command the PLIST at R1 names (its first      *
*  word, or an abbreviation as short as CMDTAB allows).               *
*  Out: R15 = the command's routine, or 0.                            *
***********************************************************************
CMDFIND  ENTER
         LR    R8,R1
         CALL  TOKLEN              R0 = the name's length
         LR    R4,R0
         BCTR  R4,0
         L     R3,=A(CMDTAB)
CF20     CLI   0(R3),X'FF'         the end of the table
         BE    CF90
         IC    R1,8(R3)            long enough for an abbreviation?
         N     R1,=F'255'
         CR    R0,R1
         BL    CF25
         EX    R4,ECCLC
         BE    CF30
CF25     LA    R3,12(R3)
         B     CF20
CF30     L     R15,8(R3)
         N     R15,=X'00FFFFFF'
         RETURN
CF90     SR    R15,R15
         RETURN
ECCLC    CLC   0(0,R8),0(R3)
*
***********************************************************************
*  PLLINE: the words of the PLIST at R1 as a line (for CP, when a     *
*  command came from a program as a PLIST).  Out: R1 -> the line,     *
*  R0 = its length.                                                   *
***********************************************************************
PLLINE   ENTER
         LA    R5,PLLBUF
PL10     CLI   0(R1),X'FF'
         BE    PL90
         LA    R6,8                the word without its blanks
PL20     LA    R7,0(R6,R1)
         BCTR  R7,0
         CLI   0(R7),C' '
         BNE   PL30
         BCT   R6,PL20
         B     PL40
PL30     LA    R7,0(R6,R5)         (room for it?)
         LA    R0,PLLBUF+L'PLLBUF-1
         CR    R7,R0
         BH    PL90
         BCTR  R6,0
         EX    R6,PLMVC
         LA    R5,1(R6,R5)
         MVI   0(R5),C' '
         LA    R5,1(R5)
PL40     LA    R1,8(R1)
         B     PL10
PL90     LA    R1,PLLBUF
         LR    R0,R5
         SR    R0,R1
         RETURN
PLMVC    MVC   0(0,R5),0(R1)
PLLBUF   DS    CL132
*
***********************************************************************
*  CPLINE: offer the line at R1, R0 characters, to CP (implied CP),   *
*  with a buffer for its answer (DIAGNOSE X'08' with flag X'40'): if  *
*  CP knows the command its answer is typed; if CP does not either    *
*  (CP's return code 1), or SET IMPCP OFF, "UNKNOWN CP/CMS COMMAND".  *
*  Out: R15 = CP's return code, or -3 for an unknown command.         *
***********************************************************************
CPLINE   ENTER
         TM    CMSFLAGS,CMSNOCP
         BO    CLUNKN
         LR    R2,R1               Rx: the command, Rx+1: the buffer
         LA    R3,RSPBUF
         LR    R4,R0               Ry: flag X'40' and the length
         O     R4,=X'40000000'
         L     R5,=A(L'RSPBUF)     Ry+1: the buffer's length
         DIAG  R2,R4,X'08'
         BC    4,CL05              CC 1: more than the buffer held
         B     CL06
CL05     L     R5,=A(L'RSPBUF)
CL06     C     R4,=F'1'            CP did not know it either?
         BE    CLUNKN
         LR    R9,R4
         LA    R6,RSPBUF           type the answer, line by line
         LA    R7,RSPBUF(R5)
CL12     CR    R6,R7
         BNL   CL90
         LR    R2,R6
CL14     CR    R6,R7
         BNL   CL16
         CLI   0(R6),X'15'
         BE    CL16
         LA    R6,1(R6)
         B     CL14
CL16     LR    R3,R6
         SR    R3,R2
         CALL  WRTERM
         LA    R6,1(R6)            past the X'15'
         B     CL12
CLUNKN   TYPE  UNKMSG
         L     R9,=F'-3'
CL90     LR    R15,R9
         RETURN
UNKMSG   DC    C'UNKNOWN CP/CMS COMMAND'
NOSTMSG  DC    C'DMSFRE159T INSUFFICIENT STORAGE AVAILABLE'
         LTORG
RSPBUF   DS    CL2048              CP's answer to an implied CP command
