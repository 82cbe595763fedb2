***********************************************************************
*  EDITLINE: EDIT's lines in storage; reading and writing the file    *
*  (DMSEDL).                                                          *
*                                                                     *
*  The file being edited is a list of lines in free storage, in both  *
*  directions, with the session's block (EDBLOK, R11) as the null     *
*  line before the first (see EDIT for a line's layout).  A line is   *
*  kept without the blanks at its end and is given them back when an  *
*  F file is written.  Every routine here has R11 -> the session.     *
***********************************************************************
DMSEDL   CSECT
         USING EDBLOK,R11
*
***********************************************************************
*  EDNEWL: a new line (not yet in the file) holding the R3 characters *
*  at R2, without the blanks at their end.  Out: R1 -> it, R15 = 0;   *
*  or R1 = 0, R15 = 4: no storage.                                    *
***********************************************************************
EDNEWL   ENTER
         CALL  TRIMLEN             without the blanks at the end
         LR    R3,R0
         LA    R0,ELTEXT(R3)
         CALL  GETBLK              (zeros)
         LTR   R15,R15
         BNZ   ELN90
         STC   R3,ELLEN(R1)
         LTR   R3,R3
         BZ    ELN10
         BCTR  R3,0
         EX    R3,ELNMVC
ELN10    SR    R15,R15
         RETURN
ELN90    SR    R1,R1
         LA    R15,4
         RETURN
ELNMVC   MVC   ELTEXT(0,R1),0(R2)
*
***********************************************************************
*  EDLINK: put the line at R1 into the file after the line at R2 (the *
*  session's block: at the top).                                      *
***********************************************************************
EDLINK   ENTER
         L     R3,ELNEXT(R2)       the line after it
         ST    R3,ELNEXT(R1)
         STCM  R2,7,ELPREV(R1)
         ST    R1,ELNEXT(R2)
         STCM  R1,7,ELPREV(R3)
         L     R0,EDCOUNT
         AH    R0,=H'1'
         ST    R0,EDCOUNT
         RETURN
*
***********************************************************************
*  EDDELL: take the line at R1 out of the file and give its storage   *
*  back.  (The caller moves the current line off it first.)           *
***********************************************************************
EDDELL   ENTER
         L     R2,ELNEXT(R1)       the line after it
         SR    R3,R3               and the one before
         ICM   R3,7,ELPREV(R1)
         ST    R2,ELNEXT(R3)
         STCM  R3,7,ELPREV(R2)
         SR    R0,R0
         IC    R0,ELLEN(R1)
         AH    R0,=AL2(ELTEXT)
         CALL  FREEBLK
         L     R0,EDCOUNT
         SH    R0,=H'1'
         ST    R0,EDCOUNT
         RETURN
*
***********************************************************************
*  EDADDL: a line typed (R2 -> it, R3 = its length) goes into the     *
*  file after the current line (at EOF: after the last) and becomes   *
*  the current line.  Longer than the LRECL: cut, and "TRUNCATED".    *
*  Out: R15 = 0; or 4: no room (DMSEDI132S typed), the file is as it  *
*  was.                                                               *
***********************************************************************
EDADDL   ENTER
         L     R0,EDCOUNT          a CMS file has at most 65535
         C     R0,=A(EDMAXREC)
         BNL   ELA90
         BAL   R14,ELCUT
         CALL  EDNEWL
         LTR   R15,R15
         BNZ   ELA90
         L     R2,EDCUR            after the current line
         LTR   R2,R2
         BNZ   ELA10
         ICM   R2,7,EDHPREV        (EOF: after the last)
ELA10    CALL  EDLINK
         ST    R1,EDCUR
         OI    EDFLAGS,EDCHANGD
         SR    R15,R15
         RETURN
ELA90    CALL  EDBIGMSG
         LA    R15,4
         RETURN
*
***********************************************************************
*  EDREPL: the line at R1 gets the R3 characters at R2 instead of its *
*  text (cut to the LRECL with "TRUNCATED").  The same storage is     *
*  used when it is the same size, else a new line takes its place.    *
*  Out: R1 -> the line (it may have moved), R15 = 0; or 4: no room    *
*  (DMSEDI132S typed), the line is as it was.                         *
***********************************************************************
EDREPL   ENTER
         LR    R6,R1               R6: the line
         BAL   R14,ELCUT
         CALL  TRIMLEN             without the blanks at the end
         LR    R3,R0
         SR    R4,R4               its size now, and the new one
         IC    R4,ELLEN(R6)
         LA    R4,ELTEXT+7(R4)
         N     R4,=F'-8'
         LA    R5,ELTEXT+7(R3)
         N     R5,=F'-8'
         CR    R4,R5
         BNE   ELR20
         STC   R3,ELLEN(R6)        the same size: in place
         LTR   R3,R3
         BZ    ELR10
         BCTR  R3,0
         EX    R3,ELRMVC
ELR10    LR    R1,R6
         OI    EDFLAGS,EDCHANGD
         SR    R15,R15
         RETURN
ELR20    CALL  EDNEWL              a new line, after the one before
         LTR   R15,R15
         BNZ   ELR90
         LR    R7,R1
         SR    R2,R2
         ICM   R2,7,ELPREV(R6)
         CALL  EDLINK
         LR    R1,R6               and the old one goes
         CALL  EDDELL
         C     R6,EDCUR
         BNE   ELR30
         ST    R7,EDCUR
ELR30    LR    R1,R7
         OI    EDFLAGS,EDCHANGD
         SR    R15,R15
         RETURN
ELR90    CALL  EDBIGMSG
         LR    R1,R6
         LA    R15,4
         RETURN
ELRMVC   MVC   ELTEXT(0,R6),0(R2)
*
***********************************************************************
*  EDFREE: give back the storage of every line: the file is empty.    *
***********************************************************************
EDFREE   ENTER
ELF10    L     R1,EDHEAD
         CR    R1,R11
         BE    ELF20
         L     R0,ELNEXT(R1)
         ST    R0,EDHEAD
         SR    R0,R0
         IC    R0,ELLEN(R1)
         AH    R0,=AL2(ELTEXT)
         CALL  FREEBLK
         B     ELF10
ELF20    ST    R11,EDHLEN          (EDHPREV: the block itself)
         ST    R11,EDCUR
         XC    EDCOUNT,EDCOUNT
         RETURN
*
***********************************************************************
*  EDREAD: read the file whose FST is at R1, on the disk whose ADT is *
*  R2, line by line into storage (cut to EDLRECL).  Out: R15 = 0; 4   *
*  it cannot be read (DMSEDI104S typed); 8 no room for it (DMSEDI132S *
*  typed).  The lines read so far stay: EDFREE gives them back.       *
***********************************************************************
EDREAD   ENTER
         CALL  FSOPENR
         LTR   R15,R15
         BNZ   ELD92
         LR    R9,R1               R9: the open file
ELD10    LR    R1,R9
         LA    R2,EDPAD
         LA    R3,L'EDPAD
         CALL  FSREADR             R0: the record's length
         C     R15,=F'12'
         BE    ELD80
         LTR   R15,R15
         BNZ   ELD90
         LR    R3,R0               no more than was moved, and than
         C     R3,=A(L'EDPAD)        the LRECL
         BNH   ELD12
         LA    R3,L'EDPAD
ELD12    C     R3,EDLRECL
         BNH   ELD14
         L     R3,EDLRECL
ELD14    LA    R2,EDPAD
         CALL  EDNEWL
         LTR   R15,R15
         BNZ   ELD95
         SR    R2,R2               after the last
         ICM   R2,7,EDHPREV
         CALL  EDLINK
         B     ELD10
ELD80    LR    R1,R9
         CALL  FSCLOSE
         SR    R15,R15
         RETURN
ELD90    LR    R1,R9               an I/O error
         CALL  FSCLOSE
ELD92    LA    R1,EL104S
         CALL  MSGTEXT
         LA    R15,4
         RETURN
ELD95    LR    R1,R9               no room
         CALL  FSCLOSE
         CALL  EDBIGMSG
         LA    R15,8
         RETURN
*
***********************************************************************
*  EDWRITE: write the file as the fileid at R1 names it (FSOPENW,     *
*  FSWRREC, FSCLOSEW: the old file stays whole until the new one is   *
*  on the disk).  F lines get their blanks back; an empty line of a V *
*  file is written as one blank.  Out: R15 = 0 written; 4, with the   *
*  message typed: the disk is not accessed or read-only, the disk is  *
*  full, an I/O error; 8: the file has no lines, and a CMS file has   *
*  at least one: nothing is written (NO LINES: ... NOT WRITTEN).      *
***********************************************************************
EDWRITE  ENTER
         LR    R6,R1               R6: the fileid
         SR    R0,R0               the disk
         IC    R0,16(R6)
         CALL  ADTFIND
         LTR   R7,R1
         BZ    ELW82
         TM    ADTFLAGS-ADT(R7),ADTRO
         BO    ELW84
         ICM   R0,15,EDCOUNT       no lines: nothing to write
         BZ    ELW86
         XC    EDNFST,EDNFST       the new file's FST
         MVC   EDNFST+(FSTFNAME-FST)(16),0(R6)
         MVC   EDNFST+(FSTFMODE-FST)(2),16(R6)
         MVC   EDNFST+(FSTRECFM-FST)(1),EDRECFM
         CLI   EDRECFM,C'V'        (V: its longest record sets it)
         BE    ELW10
         MVC   EDNFST+(FSTLRECL-FST)(4),EDLRECL
ELW10    ICM   R1,15,EDRESV        the reserve: storage to write it
         BZ    ELW12
         L     R0,=A(EDRSIZE)
         CALL  FREEBLK
         XC    EDRESV,EDRESV
ELW12    LA    R1,EDNFST
         LR    R2,R7
         CALL  FSOPENW
         LTR   R15,R15
         BNZ   ELW88
         LR    R9,R1               R9: the file being written
         L     R8,EDHEAD           R8: each line
ELW20    CR    R8,R11
         BE    ELW40
         LA    R2,ELTEXT(R8)
         SR    R3,R3
         IC    R3,ELLEN(R8)
         LTR   R3,R3
         BNZ   ELW30
         CLI   EDRECFM,C'V'
         BNE   ELW30
         LA    R2,ELBLANK
         LA    R3,1
ELW30    LR    R1,R9
         CALL  FSWRREC
         LTR   R15,R15
         BNZ   ELW50
         L     R8,ELNEXT(R8)
         B     ELW20
ELW40    LR    R1,R9               the directory: now the new file
         CALL  FSCLOSEW
         LTR   R15,R15
         BNZ   ELW60
         NI    EDFLAGS,255-EDCHANGD
         BAL   R14,ELRESV
         SR    R15,R15
         RETURN
ELW50    LR    R6,R15              a record failed: give up the file
         LR    R1,R9
         LR    R2,R7
         CALL  DUNDO
         LR    R1,R9
         CALL  FSCLOSE
         LR    R15,R6
ELW60    LA    R1,EL105S           (FSCLOSEW gave it up itself)
         C     R15,=F'13'
         BNE   ELW62
         LA    R1,EL105F
ELW62    CALL  MSGTEXT
         B     ELW90
ELW82    LA    R1,EL069E           not accessed
         LA    R3,ELNOTACC
         B     ELW85
ELW84    LA    R1,EL037E           read-only
         LA    R3,ELRO
ELW85    SR    R0,R0
         IC    R0,16(R6)
         CALL  MSGDISK
         B     ELW91
ELW86    LA    R1,ELNOLINE         no lines
         LR    R2,R6
         LA    R3,ELNOTWR
         CALL  MSGFID
         LA    R15,8
         RETURN
ELW88    LA    R1,ELNOSTOR
         CALL  MSGTEXT
ELW90    BAL   R14,ELRESV
ELW91    LA    R15,4
         RETURN
*
*  ELRESV: take the reserve again (if storage has it).
ELRESV   ST    R14,ELRESVR
         ICM   R0,15,EDRESV
         BNZ   ELV10
         L     R0,=A(EDRSIZE)
         CALL  GETBLK
         ST    R1,EDRESV
ELV10    L     R14,ELRESVR
         BR    R14
*
*  ELCUT: R3 no more than EDLRECL; if it was more, "TRUNCATED".
*  Keeps R2 and R3's new value.
ELCUT    C     R3,EDLRECL
         BNHR  R14
         ST    R14,ELCUTR
         STM   R2,R3,ELCUTS
         TYPE  ELTRUNC
         LM    R2,R3,ELCUTS
         L     R3,EDLRECL
         L     R14,ELCUTR
         BR    R14
ELRESVR  DS    A
ELCUTR   DS    A
ELCUTS   DS    2F
ELBLANK  DC    C' '
ELTRUNC  DC    C'TRUNCATED'
EL104S   DC    C'DMSEDI104S ERROR READING THE FILE',X'00'
EL105S   DC    C'DMSEDI105S ERROR WRITING THE FILE',X'00'
EL105F   DC    C'DMSEDI105S DISK FULL',X'00'
EL069E   DC    C'DMSEDI069E',X'00'
EL037E   DC    C'DMSEDI037E',X'00'
ELNOTACC DC    C' NOT ACCESSED',X'00'
ELRO     DC    C' IS READ/ONLY',X'00'
ELNOLINE DC    C'NO LINES:',X'00'
ELNOTWR  DC    C' NOT WRITTEN',X'00'
ELNOSTOR DC    C'DMSFRE159T INSUFFICIENT STORAGE AVAILABLE',X'00'
         LTORG
         DROP  R11
