***********************************************************************
*  EDITCMD: EDIT's subcommands that move the pointer, type, delete,   *
*  insert and replace lines, change settings, and end the session     *
*  (DMSEDC).                                                          *
*                                                                     *
*  Each is called by EDIT with R11 -> the session (EDBLOK), its       *
*  operands cut into words in EDPL (a fence of X'FF's after the       *
*  last), the line typed in EDLINE and EDUPL, and EDARGS the offset   *
*  in them where the operands begin.  Out: R15 = 0 done, 4 not a      *
*  valid subcommand ("?EDIT:"), 8 leave the editor, 12 input mode.    *
*                                                                     *
*  A subcommand that works on n lines from the current one counts     *
*  the null line at the top of the file as one of them when it is     *
*  the current line (TYPE types it as TOF:); running off the end of   *
*  the file leaves the pointer at the end: EOF:.                      *
***********************************************************************
DMSEDC   CSECT
         USING EDBLOK,R11
*
***********************************************************************
*  EDGETN: the count in the PLIST word at R1: none (the fence) 1, a   *
*  number, or "*" all (2**31-1).  Out: R0 = it and R1 -> the word     *
*  after it, R15 = 0; or R15 = 4: not a count.                        *
***********************************************************************
EDGETN   ENTER
         CLI   0(R1),X'FF'
         BE    ENG10
         CLC   0(8,R1),=CL8'*'
         BE    ENG20
         LR    R6,R1
         CALL  GETNUM
         LA    R1,8(R6)
         RETURN
ENG10    LA    R0,1
         SR    R15,R15
         RETURN
ENG20    L     R0,=F'2147483647'
         LA    R1,8(R1)
         SR    R15,R15
         RETURN
*
***********************************************************************
*  TOP: to the null line before the first.  BOTTOM: to the last line. *
***********************************************************************
EDCTOP   ENTER
         CLI   EDPL,X'FF'
         BNE   EN90
         ST    R11,EDCUR
         B     EN80
EDCBOT   ENTER
         CLI   EDPL,X'FF'
         BNE   EN90
         SR    R2,R2               (an empty file: TOF)
         ICM   R2,7,EDHPREV
         ST    R2,EDCUR
EN80     CALL  EDSHOW
EN00     SR    R15,R15
         RETURN
EN90     LA    R15,4
         RETURN
*
***********************************************************************
*  NEXT n, DOWN n: n lines down (1 if no n).  Past the last: EOF.     *
***********************************************************************
EDCNEXT  ENTER
         BAL   R14,ENCOUNT         R3: n
         BNZ   EN90
         L     R2,EDCUR
         LTR   R2,R2               already at the end
         BZ    EN80
END10    LTR   R3,R3
         BNP   END20
         L     R2,ELNEXT(R2)
         CR    R2,R11              past the last line
         BE    END30
         BCT   R3,END10
END20    ST    R2,EDCUR
         B     EN80
END30    XC    EDCUR,EDCUR
         B     EN80
*
***********************************************************************
*  UP n: n lines up (1 if no n).  Before the first: TOF.              *
***********************************************************************
EDCUP    ENTER
         BAL   R14,ENCOUNT
         BNZ   EN90
         LTR   R3,R3
         BNP   EN80
         L     R2,EDCUR
         LTR   R2,R2               at the end: the line before it is
         BNZ   ENU10                 the last (the block's "before")
         LR    R2,R11
         B     ENU15
ENU10    CR    R2,R11              at the top
         BE    ENU20
ENU15    ICM   R2,7,ELPREV(R2)
         BCT   R3,ENU10
ENU20    ST    R2,EDCUR
         B     EN80
*
***********************************************************************
*  TYPE n|*: type n lines from the current one (1 if no n); the last  *
*  typed becomes the current line.                                    *
***********************************************************************
EDCTYPE  ENTER
         BAL   R14,ENCOUNT
         BNZ   EN90
         LTR   R3,R3
         BNP   EN00
         L     R2,EDCUR
         LTR   R2,R2
         BZ    ENT30
ENT10    LR    R1,R2
         CALL  EDTYPEL
         ST    R2,EDCUR
         BCT   R3,ENT20
         B     EN00
ENT20    L     R2,ELNEXT(R2)
         CR    R2,R11
         BNE   ENT10
ENT30    XC    EDCUR,EDCUR         the end: EOF:
         SR    R1,R1
         CALL  EDTYPEL
         B     EN00
*
***********************************************************************
*  DELETE n|*: delete n lines from the current one (1 if no n); the   *
*  line after them becomes the current line.  No answer but EOF:.     *
***********************************************************************
EDCDEL   ENTER
         BAL   R14,ENCOUNT
         BNZ   EN90
         LTR   R3,R3
         BNP   EN00
         L     R2,EDCUR
         LTR   R2,R2
         BZ    ENX30
ENX10    L     R4,ELNEXT(R2)       R4: the line after
         CR    R2,R11              (the null line at the top stays)
         BE    ENX15
         LR    R1,R2
         CALL  EDDELL
         OI    EDFLAGS,EDCHANGD
ENX15    LR    R2,R4
         CR    R2,R11
         BE    ENX30
         BCT   R3,ENX10
         ST    R2,EDCUR
         B     EN00
ENX30    XC    EDCUR,EDCUR
         SR    R1,R1
         CALL  EDTYPEL
         B     EN00
*
***********************************************************************
*  INPUT [line]: the line goes after the current one and becomes it;  *
*  no line: input mode.                                               *
*  REPLACE [line]: the line replaces the current one; no line: the    *
*  current line is deleted and input mode goes on from the line       *
*  before it.  At TOF or EOF REPLACE is INPUT.                        *
***********************************************************************
EDCINP   ENTER
         BAL   R14,ENTEXT          R2, R3: the line
         LTR   R3,R3
         BZ    ENI90
ENI10    CALL  EDADDL
         B     EN00
ENI90    LA    R15,12
         RETURN
EDCREP   ENTER
         BAL   R14,ENTEXT
         L     R6,EDCUR
         LTR   R6,R6
         BZ    ENR50
         CR    R6,R11
         BE    ENR50
         LTR   R3,R3
         BZ    ENR20
         LR    R1,R6
         CALL  EDREPL
         B     EN00
ENR20    SR    R2,R2               no line: delete it, input after
         ICM   R2,7,ELPREV(R6)       the one before
         ST    R2,EDCUR
         LR    R1,R6
         CALL  EDDELL
         OI    EDFLAGS,EDCHANGD
         B     ENI90
ENR50    LTR   R3,R3
         BZ    ENI90
         B     ENI10
*
***********************************************************************
*  VERIFY [ON|OFF] (no operand: ON).   CASE [U|M] (no operand: type   *
*  the setting).                                                      *
***********************************************************************
EDCVER   ENTER
         CLI   EDPL,X'FF'
         BE    ENV10
         CLI   EDPL+8,X'FF'
         BNE   EN90
         CLC   EDPL(8),=CL8'ON'
         BE    ENV10
         CLC   EDPL(8),=CL8'OFF'
         BNE   EN90
         NI    EDFLAGS,255-EDVERIFY
         B     EN00
ENV10    OI    EDFLAGS,EDVERIFY
         B     EN00
EDCCASE  ENTER
         CLI   EDPL,X'FF'
         BE    ENC20
         CLI   EDPL+8,X'FF'
         BNE   EN90
         CLC   EDPL(8),=CL8'U'
         BE    ENC10
         CLC   EDPL(8),=CL8'M'
         BNE   EN90
         OI    EDFLAGS,EDCASEM
         B     EN00
ENC10    NI    EDFLAGS,255-EDCASEM
         B     EN00
ENC20    LA    R2,ENCASEU
         TM    EDFLAGS,EDCASEM
         BZ    ENC22
         LA    R2,ENCASEM
ENC22    LA    R3,L'ENCASEU
         CALL  WRTERM
         B     EN00
*
***********************************************************************
*  ZONE [first [last|*]]: the columns LOCATE and CHANGE look at (no   *
*  operands: the whole line; no last or "*": to the end of the line). *
***********************************************************************
EDCZONE  ENTER
         LA    R4,1                R4, R5: the zone
         L     R5,EDLRECL
         LA    R1,EDPL
         CLI   0(R1),X'FF'
         BE    ENZ80
         LR    R6,R1
         CALL  GETNUM
         LTR   R15,R15
         BNZ   EN90
         LR    R4,R0
         LA    R1,8(R6)
         CLI   0(R1),X'FF'
         BE    ENZ70
         CLI   8(R1),X'FF'
         BNE   EN90
         CLC   0(8,R1),=CL8'*'
         BE    ENZ70
         CALL  GETNUM
         LTR   R15,R15
         BNZ   EN90
         LR    R5,R0
ENZ70    LTR   R4,R4               1 <= first <= last <= LRECL
         BNP   EN90
         CR    R4,R5
         BH    EN90
         C     R5,EDLRECL
         BH    EN90
ENZ80    ST    R4,EDZONE1
         ST    R5,EDZONE2
         B     EN00
*
***********************************************************************
*  SAVE [fn [ft [fm]]]: write the file (under that name: once it is   *
*  written, the file's) and go on.  FILE [fn [ft [fm]]]: write it and *
*  leave.  A write that fails says why and stays in the editor, the   *
*  file's name as it was.  A file with no lines is not written (CMS   *
*  has no empty files): SAVE stays, FILE leaves.                      *
***********************************************************************
EDCSAVE  ENTER
         SR    R5,R5               R5: what to answer after
         B     ENF10
EDCFILE  ENTER
         LA    R5,8
ENF10    MVC   EDFID2,EDFID
         LA    R1,EDPL
         LA    R2,EDFID2
         CALL  GETFID
         LTR   R15,R15
         BNZ   EN90
         CLI   0(R1),X'FF'
         BNE   EN90
         CLI   EDFID2+16,C'*'
         BE    EN90
         CLI   EDFID2+16,C'='
         BE    EN90
         CLI   EDFID2+17,C'*'
         BE    EN90
         CLI   EDFID2+17,C' '      a letter alone: the same number
         BNE   ENF20
         MVC   EDFID2+17(1),EDFID+17
ENF20    LA    R2,EDFID2           no "*" in the name or type
         LA    R3,16
ENF22    CLI   0(R2),C'*'
         BE    EN90
         LA    R2,1(R2)
         BCT   R3,ENF22
         LA    R1,EDFID2
         CALL  EDWRITE
         C     R15,=F'8'           no lines: FILE leaves all the same
         BE    ENF30
         LTR   R15,R15
         BNZ   EN00
         MVC   EDFID,EDFID2        written: the file's name from now on
ENF30    LR    R15,R5
         RETURN
*
***********************************************************************
*  QUIT: leave without writing - unless the file has changed since it *
*  was read or last written: then say so (see EDIT) and stay.         *
*  QQUIT: leave without writing, whatever.                            *
***********************************************************************
EDCQUIT  ENTER
         CLI   EDPL,X'FF'
         BNE   EN90
         TM    EDFLAGS,EDCHANGD
         BZ    ENQ10
         TYPE  ENCHGD
         B     EN00
EDCQQ    ENTER
         CLI   EDPL,X'FF'
         BNE   EN90
ENQ10    LA    R15,8
         RETURN
*
*  ENCOUNT: R3 = the count in EDPL's first word, which must be its
*  only one.  Out: CC 0 if it is good.
ENCOUNT  ST    R14,ENCOUNR
         LA    R1,EDPL
         CALL  EDGETN
         LR    R3,R0
         LTR   R15,R15
         BNZ   ENK90
         CLI   0(R1),X'FF'
ENK90    L     R14,ENCOUNR
         BR    R14
*
*  ENTEXT: the line after INPUT or REPLACE: what follows the name and
*  the one blank after it.  Out: R2 -> it, R3 = its length (0: none).
ENTEXT   L     R2,EDARGS
         L     R3,EDLEN
         SR    R3,R2
         LA    R2,EDLINE(R2)
         LTR   R3,R3
         BNPR  R14
         CLI   0(R2),C' '
         BNER  R14
         LA    R2,1(R2)
         BCTR  R3,0
         BR    R14
ENCOUNR  DS    A
ENCASEU  DC    C'CASE U'
ENCASEM  DC    C'CASE M'
ENCHGD   DC    C'FILE HAS BEEN CHANGED. USE QQUIT TO QUIT ANYWAY'
         LTORG
         DROP  R11
