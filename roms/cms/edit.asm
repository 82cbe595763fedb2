***********************************************************************
*  EDIT: the line-mode editor of CMS (DMSEDI).                        *
*                                                                     *
*     Edit fn ft [fm] [( LRECL nn  NODISP ]                           *
*                                                                     *
*  The whole file is read into free storage, changed there by         *
*  subcommands typed at the console, and written back by FILE or      *
*  SAVE.  EDIT says "NEW FILE:" when there is no such file, then      *
*  "EDIT:": edit mode, where each line is a subcommand.  INPUT (or a  *
*  null line) gives "INPUT:": input mode, where each line typed goes  *
*  into the file after the current line, until a null line brings     *
*  back "EDIT:".  (That a null line in edit mode enters input mode is *
*  VM/370 EDIT's typewriter behaviour as remembered, not seen on the  *
*  fact sheet.)                                                       *
*                                                                     *
*  The current line.  The file has a null line before its first line, *
*  the top of file (typed "TOF:"), and the pointer may also stand     *
*  after its last line, at the end of file ("EOF:").  Moving commands *
*  type the new current line while VERIFY is ON (the default), and    *
*  TOF: or EOF: whatever VERIFY says.                                 *
*                                                                     *
*  Subcommands (shortest form in capitals; n is a number, * the rest  *
*  of the file):                                                      *
*    TOP  Bottom  Next [n]  DOwn [n]  Up [n]  Type [n|*]              *
*    Locate /string/   Find string (at column 1)                      *
*    Change /old/new/ [n|* [G|*]]   DELete [n|*]                      *
*    Input [line]   Replace [line]   Verify [ON|OFF]                  *
*    Zone [first [last|*]]   CASE [U|M]                               *
*    SAVE [fn [ft [fm]]]   FILE [fn [ft [fm]]]   QUIT   QQUIT         *
*  T is TYPE, as in VM/370 (and XEDIT after it); TOP is spelled out.  *
*  Anything else: "?EDIT: " and the line.  Left out: the 3270 display *
*  and its subcommands, CMS subset, ALTER, OVERLAY, GETFILE, $MOVE,   *
*  $DUP, the UP forms (FINDUP ...), X/Y, STACK, line-number editing,  *
*  TABSET, IMAGE, SERIAL, AUTOSAVE, TRUNC, PRESERVE/RESTORE.          *
*                                                                     *
*  Case.  VM/370's HELP CASE: "U is the default value for all         *
*  filetypes except MEMO and SCRIPT": with CASE U every line typed -  *
*  text and subcommands alike - is put in capitals before the editor  *
*  sees it, so the strings of LOCATE and CHANGE match the capitals in *
*  the file.  With CASE M (MEMO, SCRIPT, or "CASE M") lines keep the  *
*  case typed; the subcommand's name is still matched in capitals.    *
*  (RDTERM itself does not upper-case: EDIT does.)                    *
*                                                                     *
*  Record format and length.  A new file is F, LRECL 80 (LISTING      *
*  121, SCRIPT and VSBDATA 132, FREEFORT 81, as VM/370's HELP EDIT    *
*  says); an existing file keeps its RECFM and LRECL (a V file gets   *
*  at least the filetype's length); LRECL nn sets it (1-160: "The     *
*  maximum record length supported by the editor is 160").  A line    *
*  longer than the LRECL is cut and "TRUNCATED" typed.                *
*                                                                     *
*  Storage.  Each line is a block of free storage (GETBLK) on a list  *
*  in both directions, without the blanks at its end:                 *
*     +0 A next line   +4 X length   +5 AL3 line before   +8 text     *
*  a line costs 8 bytes and its text, rounded up to 8: 88 for 80      *
*  characters.  The session block (EDBLOK) is itself the TOF line.    *
*  So a 1M virtual machine (a nucleus of about 40K and its register   *
*  stack of 16K) holds some 11,000 lines of 80 characters, and more   *
*  of shorter ones, up to CMS's 65,535 records a file.  When storage  *
*  runs out EDIT types                                                *
*     DMSEDI132S FILE 'fn ft fm' TOO LARGE                            *
*  as VM/370 did: while reading the file it gives up and returns      *
*  with return code 88 (our choice: the code VM/SP's XEDIT is         *
*  remembered to give with its 132S; VM/370 EDIT's is not known);     *
*  while editing, the line is not added and EDIT stays in edit mode.  *
*  (A file with records longer than 160 is refused with our wording,  *
*  FILE 'fn ft fm' HAS RECORDS LONGER THAN 160, return code 24.)      *
*  A reserve of EDRSIZE bytes is held all the session and given back  *
*  only while FILE or SAVE writes, so that the file can always be     *
*  written however full storage is.                                   *
*                                                                     *
*  QUIT on a changed file.  VM/370 R6's HELP has no text for QUIT     *
*  ("help is not yet available") and its EDIT had no protection that  *
*  the fact sheet shows; the issue asks for one.  EDIT answers with   *
*  the words VM/SP's XEDIT used for the same thing,                   *
*     FILE HAS BEEN CHANGED. USE QQUIT TO QUIT ANYWAY                 *
*  in capitals, without a message id (EDIT's line-mode answers, like  *
*  EOF: and ZONE ERROR, have none), and stays in edit mode.           *
*                                                                     *
*  The modules: EDIT (here: the command, the session, subcommand      *
*  names), EDITLINE (DMSEDL: the lines in storage, reading and        *
*  writing the file), EDITCMD (DMSEDC: the pointer, TYPE, DELETE,     *
*  INPUT, REPLACE, settings, SAVE, FILE, QUIT), EDITSTR (DMSEDS:      *
*  LOCATE, FIND, CHANGE).  All share the session block: R11 points    *
*  at it in every routine of EDIT, and comes back unchanged.          *
***********************************************************************
*
*---------------------------------------------------------------------*
* EDBLOK: an editing session.  Its first 8 bytes are laid out as a    *
* line's, so that the block is the null line at the top of the file.  *
*---------------------------------------------------------------------*
EDBLOK   DSECT
EDHEAD   DS    A                   the first line (EDBLOK: none)
EDHLEN   DS    X                   0
EDHPREV  DS    AL3                 the last line (EDBLOK: none)
EDCUR    DS    A                   the current line: EDBLOK at TOF,
*                                    0 at EOF
EDCOUNT  DS    F                   lines in the file
EDLRECL  DS    F                   the longest line (F: the LRECL)
EDOPTL   DS    F                   the LRECL option (0: none)
EDZONE1  DS    F                   the zone's first column (from 1)
EDZONE2  DS    F                     and its last
EDRESV   DS    A                   the reserve (0: given back)
EDLEN    DS    F                   the length of the line typed
EDARGS   DS    F                   where its operands begin (offset)
EDFID    DS    CL18                the file: fn ft fm (mode: letter
*                                    and number)
EDFID2   DS    CL18                FILE/SAVE's fileid
EDRECFM  DS    C                   F or V
EDFLAGS  DS    X
EDVERIFY EQU   X'80'                 VERIFY ON
EDCASEM  EQU   X'40'                 CASE M: keep the case typed
EDCHANGD EQU   X'20'                 changed since read or written
EDINPUT  EQU   X'10'                 input mode
         DS    0F
EDCURS   DS    3F                  FSTFIND's cursor
EDNFST   DS    XL40                the FST to write
EDLINE   DS    CL130               the line typed (CASE U: capitals)
EDUPL    DS    CL130               the line typed, in capitals
EDPAD    DS    CL160               a line padded with blanks
EDWORK   DS    CL168               a line being built (CHANGE)
EDPL     DS    XL((PLMAX+1)*8)     the operands, as words (SCAN)
EDBLEN   EQU   *-EDBLOK
*
*  A line: its fields.
ELNEXT   EQU   0                   A   the next line
ELLEN    EQU   4                   X   its length
ELPREV   EQU   5                   AL3 the line before
ELTEXT   EQU   8                   the text
EDMAXLEN EQU   160                 the longest line the editor takes
EDMAXREC EQU   65535               most lines (a CMS file's records)
EDRSIZE  EQU   8192                the reserve for writing the file
*
DMSEDI   CSECT
         USING EDBLOK,R11
EDOLREC  EQU   X'80'               options: LRECL
EDONODSP EQU   X'40'                 NODISP (line mode anyway)
*
***********************************************************************
*  EDIT: the command.  R1 -> the PLIST.  Out: R15 = 0 after FILE or   *
*  QUIT; 24 a wrong operand, 36 the disk is not accessed, 88 the file *
*  does not fit in storage, 100 it cannot be read, 104 no storage.    *
***********************************************************************
EDIT     ENTER
         LR    R9,R1               R9: the PLIST
         LA    R0,EDBLEN           the session's block
         CALL  GETBLK
         LTR   R15,R15
         BNZ   ED96
         LR    R11,R1
         ST    R11,EDHEAD          no lines: the TOF line alone
         ST    R11,EDHLEN
         ST    R11,EDCUR
         MVI   EDFLAGS,EDVERIFY
         MVC   EDFID,EDDEFLT       fm: A
         LA    R1,8(R9)
         LA    R2,EDFID
         CALL  GETFID
         LTR   R15,R15
         BNZ   ED82
         CH    R0,=H'2'
         BL    ED80
         LA    R2,EDFID            no "*" in fn or ft
         LA    R3,16
ED01     CLI   0(R2),C'*'
         BE    ED81
         LA    R2,1(R2)
         BCT   R3,ED01
         CLI   EDFID+16,C'='
         BE    ED82
*  Options: LRECL nn, NODISP.
         SR    R10,R10             R10: the options so far
         CLI   0(R1),X'FF'
         BE    ED10
         CLI   0(R1),C'('
         BNE   ED86
         LA    R1,8(R1)
ED02     LR    R0,R10
         LA    R2,EDOPTS
         CALL  OPTIONS
         LR    R10,R0
         LTR   R15,R15
         BZ    ED10
         LR    R0,R10              LRECL's value?
         N     R0,=A(EDOLREC)
         BZ    ED84                no: not an option
         X     R10,=A(EDOLREC)     (taken)
         LR    R6,R1
         CALL  GETNUM
         LTR   R15,R15
         BNZ   ED85
         LTR   R0,R0
         BZ    ED85
         C     R0,=A(EDMAXLEN)
         BH    ED85
         ST    R0,EDOPTL
         LA    R1,8(R6)
         B     ED02
*  The file: on its disk, or a new one.
ED10     XC    EDCURS,EDCURS
         LA    R0,EDCURS
         LA    R1,EDFID
         CALL  FSTFIND
         C     R15,=F'8'
         BE    ED88                the disk is not accessed
         LTR   R15,R15
         BNZ   ED20
         LR    R6,R1               R6: its FST, R7: its disk
         LR    R7,R0
         MVC   EDFID+16(1),ADTMODE-ADT(R7)
         MVC   EDFID+17(1),FSTFMODE+1-FST(R6)
         MVC   EDRECFM,FSTRECFM-FST(R6)
         L     R0,FSTLRECL-FST(R6)
         CLI   EDRECFM,C'V'        V: at least the filetype's length
         BNE   ED12
         BAL   R14,EDDEFLR
         CR    R0,R1
         BNL   ED12
         LR    R0,R1
ED12     ICM   R1,15,EDOPTL        the option says
         BZ    ED14
         LR    R0,R1
ED14     C     R0,=A(EDMAXLEN)
         BH    ED89
         ST    R0,EDLRECL
         BAL   R14,EDSETUP
         BNZ   ED92
         LR    R1,R6               read it
         LR    R2,R7
         CALL  EDREAD
         LTR   R15,R15
         BZ    ED30
         LA    R10,88              (too large: 88, or unreadable)
         C     R15,=F'8'
         BE    ED94
         LA    R10,100
         B     ED94
*  A new file: F, on the disk named (A if none or "*"), mode number 1.
ED20     CLI   EDFID+16,C'*'
         BNE   ED22
         MVI   EDFID+16,C'A'
ED22     CLI   EDFID+17,C' '
         BE    ED23
         CLI   EDFID+17,C'*'
         BNE   ED24
ED23     MVI   EDFID+17,C'1'
ED24     SR    R0,R0
         IC    R0,EDFID+16
         CALL  ADTFIND
         LTR   R1,R1
         BZ    ED88
         MVI   EDRECFM,C'F'
         BAL   R14,EDDEFLR
         LR    R0,R1
         ICM   R1,15,EDOPTL
         BZ    ED26
         LR    R0,R1
ED26     ST    R0,EDLRECL
         BAL   R14,EDSETUP
         BNZ   ED92
         TYPE  EDNEWF              NEW FILE:
ED30     TYPE  EDEDITM             EDIT:
*
*  The session: read a line, and do it.
EDLOOP   CALL  RDTERM              R0: the line's length
         ST    R0,EDLEN
         MVC   EDLINE,INBUF
         MVC   EDUPL,INBUF
         LA    R2,EDUPL
         LR    R3,R0
         BAL   R14,EDUPPER
         TM    EDFLAGS,EDCASEM     CASE U: the line in capitals
         BO    EDL05
         MVC   EDLINE,EDUPL
EDL05    TM    EDFLAGS,EDINPUT
         BO    EDL60
         ICM   R0,15,EDLEN         a null line: input mode
         BZ    EDL50
*  The subcommand's name: its letters (C/A/B/ is CHANGE /A/B/).
         LA    R4,EDUPL
         LR    R5,R4
         A     R5,EDLEN
EDL10    CR    R4,R5               blanks before it
         BNL   EDL40
         CLI   0(R4),C' '
         BNE   EDL12
         LA    R4,1(R4)
         B     EDL10
EDL12    LR    R6,R4               R6: the name
EDL14    CR    R4,R5
         BNL   EDL16
         BAL   R14,EDLETTER
         BNE   EDL16
         LA    R4,1(R4)
         B     EDL14
EDL16    LR    R7,R4               R7: its length
         SR    R7,R6
         BZ    EDL40
         C     R7,=F'8'
         BH    EDL40
         LA    R0,EDUPL            (where its operands begin)
         SR    R4,R0
         ST    R4,EDARGS
         BCTR  R7,0
         LA    R3,EDCMDS
EDL20    CLI   0(R3),X'FF'
         BE    EDL40
         IC    R1,8(R3)            long enough for an abbreviation?
         N     R1,=F'255'
         BCTR  R1,0
         CR    R7,R1
         BL    EDL22
         EX    R7,EDCLCN
         BE    EDL24
EDL22    LA    R3,12(R3)
         B     EDL20
*  Its operands as words (EDPL), and the call: R15 = 0 go on, 4 not
*  a subcommand, 8 leave the editor, 12 input mode.
EDL24    L     R1,EDARGS
         LA    R1,EDUPL(R1)
         L     R0,EDLEN
         S     R0,EDARGS
         LA    R2,EDPL
         CALL  SCAN
         L     R15,8(R3)
         N     R15,=X'00FFFFFF'
         BALR  R14,R15
         B     EDL30(R15)
EDL30    B     EDLOOP
         B     EDL40
         B     EDL90
         B     EDL50
*  Not a subcommand: "?EDIT: " and the line.
EDL40    CALL  LNNEW
         LA    R2,EDQEDIT
         LA    R3,L'EDQEDIT
         CALL  LNSTR
         LA    R2,EDLINE
         L     R3,EDLEN
         CALL  LNTOK
         CALL  LNOUT
         B     EDLOOP
*  Input mode.
EDL50    OI    EDFLAGS,EDINPUT
         TYPE  EDINPM              INPUT:
         B     EDLOOP
EDL60    ICM   R3,15,EDLEN         a null line: edit mode
         BNZ   EDL62
EDL61    NI    EDFLAGS,255-EDINPUT
         TYPE  EDEDITM
         B     EDLOOP
EDL62    LA    R2,EDLINE           a line for the file
         CALL  EDADDL
         LTR   R15,R15
         BZ    EDLOOP
         B     EDL61               (no room for it: edit mode)
*  The end: FILE or QUIT.
EDL90    BAL   R14,EDEND
         SR    R15,R15
         RETURN
*
*  The command's mistakes.
ED80     LA    R1,ED054E           incomplete fileid
         CALL  MSGTEXT
         B     ED99
ED81     LA    R1,ED070E           "*" in fn or ft
         LA    R2,EDSTAR
         CALL  MSGWORD
         B     ED99
ED82     LA    R1,ED048E           the mode
         LA    R2,24(R9)
         CALL  MSGWORD
         B     ED99
ED84     LR    R2,R1               not an option
         LA    R1,ED003E
         CALL  MSGWORD
         B     ED99
ED85     LR    R2,R6               LRECL's value
         LA    R1,ED070E
         CALL  MSGWORD
         B     ED99
ED86     LR    R2,R1               a word after the fileid
         LA    R1,ED070E
         CALL  MSGWORD
         B     ED99
ED88     LA    R1,ED069E           the disk is not accessed
         SR    R0,R0
         IC    R0,EDFID+16
         LA    R3,EDNOTACC
         CALL  MSGDISK
         LA    R10,36
         B     ED98
ED89     CALL  LNNEW               records longer than 160
         LA    R2,EDFILEQ
         CALL  LNZ
         LA    R1,EDFID
         CALL  LNFID
         LA    R2,EDTOOLNG
         CALL  LNZ
         CALL  LNOUT
         B     ED99
ED92     CALL  EDBIGMSG            no storage for the reserve
         LA    R10,88
ED94     BAL   R14,EDEND           (R10: the return code)
         LR    R15,R10
         RETURN
ED96     LA    R1,EDNOSTOR
         CALL  MSGTEXT
         LA    R15,104
         RETURN
ED98     LR    R1,R11              give the block back; R15 = R10
         LA    R0,EDBLEN
         CALL  FREEBLK
         LR    R15,R10
         RETURN
ED99     LA    R10,24
         B     ED98
EDCLCN   CLC   0(0,R6),0(R3)
*
*  EDDEFLR: R1 = the LRECL a new file of this filetype gets.
EDDEFLR  LA    R1,EDLRTAB
EDD10    CLI   0(R1),X'FF'
         BE    EDD20
         CLC   EDFID+8(8),0(R1)
         BE    EDD20
         LA    R1,12(R1)
         B     EDD10
EDD20    L     R1,8(R1)
         BR    R14
*
*  EDSETUP: the settings (CASE M for MEMO and SCRIPT, the zone the
*  whole line) and the reserve.  Out: CC not 0 if there is no storage.
EDSETUP  ST    R14,EDSETR
         CLC   EDFID+8(8),=CL8'MEMO'
         BE    EDS10
         CLC   EDFID+8(8),=CL8'SCRIPT'
         BNE   EDS20
EDS10    OI    EDFLAGS,EDCASEM
EDS20    LA    R0,1
         ST    R0,EDZONE1
         MVC   EDZONE2,EDLRECL
         L     R0,=A(EDRSIZE)
         CALL  GETBLK
         ST    R1,EDRESV
         L     R14,EDSETR
         LTR   R15,R15
         BR    R14
*
*  EDEND: give back the lines, the reserve and the session's block.
EDEND    ST    R14,EDENDR
         CALL  EDFREE
         ICM   R1,15,EDRESV
         BZ    EDE10
         L     R0,=A(EDRSIZE)
         CALL  FREEBLK
EDE10    LR    R1,R11
         LA    R0,EDBLEN
         CALL  FREEBLK
         L     R14,EDENDR
         BR    R14
*
*  EDLETTER: is the character at R4 a letter?  CC 0 if it is.
EDLETTER CLI   0(R4),C'A'
         BL    EDLT90
         CLI   0(R4),C'I'
         BNH   EDLT80
         CLI   0(R4),C'J'
         BL    EDLT90
         CLI   0(R4),C'R'
         BNH   EDLT80
         CLI   0(R4),C'S'
         BL    EDLT90
         CLI   0(R4),C'Z'
         BH    EDLT90
EDLT80   CR    R4,R4
         BR    R14
EDLT90   LTR   R14,R14
         BR    R14
*
*  EDUPPER: the R3 characters at R2 in capitals.  Uses R2, R3.
EDUPPER  LTR   R3,R3
         BNPR  R14
EDU10    CLI   0(R2),X'81'         a-i, j-r, s-z: add X'40'
         BL    EDU20
         CLI   0(R2),X'A9'
         BH    EDU20
         TR    0(1,R2),EDUPTAB-X'80'
EDU20    LA    R2,1(R2)
         BCT   R3,EDU10
         BR    R14
*
***********************************************************************
*  EDTYPEL: type the line at R1 ("TOF:" for the session's block, the  *
*  top of the file; "EOF:" for 0, its end).                           *
***********************************************************************
EDTYPEL  ENTER
         LTR   R1,R1
         BZ    EDT20
         CR    R1,R11
         BE    EDT10
         LA    R2,ELTEXT(R1)
         SR    R3,R3
         IC    R3,ELLEN(R1)
         CALL  WRTERM
         RETURN
EDT10    TYPE  EDTOFM
         RETURN
EDT20    TYPE  EDEOFM
         RETURN
*
***********************************************************************
*  EDSHOW: after a move: type TOF: or EOF: if the pointer is there,   *
*  else the current line if VERIFY is ON.                             *
***********************************************************************
EDSHOW   ENTER
         L     R1,EDCUR
         LTR   R1,R1
         BZ    EDH10
         CR    R1,R11
         BE    EDH10
         TM    EDFLAGS,EDVERIFY
         BZ    EDH20
EDH10    CALL  EDTYPEL
EDH20    RETURN
*
***********************************************************************
*  EDBIGMSG: DMSEDI132S FILE 'fn ft fm' TOO LARGE.                    *
***********************************************************************
EDBIGMSG ENTER
         LA    R1,ED132S
         LA    R2,EDFID
         LA    R3,EDTOOLRG
         CALL  MSGFID
         RETURN
*
*  The subcommands: name, shortest form, routine.
         DS    0F
EDCMDS   DC    CL8'BOTTOM',AL1(1),AL3(EDCBOT)
         DC    CL8'CASE',AL1(4),AL3(EDCCASE)
         DC    CL8'CHANGE',AL1(1),AL3(EDSCHG)
         DC    CL8'DELETE',AL1(3),AL3(EDCDEL)
         DC    CL8'DOWN',AL1(2),AL3(EDCNEXT)
         DC    CL8'FILE',AL1(4),AL3(EDCFILE)
         DC    CL8'FIND',AL1(1),AL3(EDSFIND)
         DC    CL8'INPUT',AL1(1),AL3(EDCINP)
         DC    CL8'LOCATE',AL1(1),AL3(EDSLOC)
         DC    CL8'NEXT',AL1(1),AL3(EDCNEXT)
         DC    CL8'QQUIT',AL1(5),AL3(EDCQQ)
         DC    CL8'QUIT',AL1(4),AL3(EDCQUIT)
         DC    CL8'REPLACE',AL1(1),AL3(EDCREP)
         DC    CL8'SAVE',AL1(4),AL3(EDCSAVE)
         DC    CL8'TOP',AL1(3),AL3(EDCTOP)
         DC    CL8'TYPE',AL1(1),AL3(EDCTYPE)
         DC    CL8'UP',AL1(1),AL3(EDCUP)
         DC    CL8'VERIFY',AL1(1),AL3(EDCVER)
         DC    CL8'ZONE',AL1(1),AL3(EDCZONE)
         DC    X'FF'
EDOPTS   DC    CL8'LRECL',AL1(5),AL3(EDOLREC)
         DC    CL8'NODISP',AL1(6),AL3(EDONODSP)
         DC    X'FF'
*  A new file's LRECL by its filetype (the last: any other).
         DS    0F
EDLRTAB  DC    CL8'LISTING',F'121'
         DC    CL8'SCRIPT',F'132'
         DC    CL8'VSBDATA',F'132'
         DC    CL8'FREEFORT',F'81'
         DC    X'FF',XL7'00',F'80'
EDSETR   DS    A
EDENDR   DS    A
EDDEFLT  DC    CL8' ',CL8' ',CL2'A'
EDSTAR   DC    CL8'*'
EDNEWF   DC    C'NEW FILE:'
EDEDITM  DC    C'EDIT:'
EDINPM   DC    C'INPUT:'
EDTOFM   DC    C'TOF:'
EDEOFM   DC    C'EOF:'
EDQEDIT  DC    C'?EDIT: '
ED054E   DC    C'DMSEDI054E INCOMPLETE FILEID SPECIFIED',X'00'
ED048E   DC    C'DMSEDI048E INVALID MODE',X'00'
ED003E   DC    C'DMSEDI003E INVALID OPTION',X'00'
ED070E   DC    C'DMSEDI070E INVALID PARAMETER',X'00'
ED069E   DC    C'DMSEDI069E',X'00'
ED132S   DC    C'DMSEDI132S',X'00'
EDNOTACC DC    C' NOT ACCESSED',X'00'
EDTOOLRG DC    C' TOO LARGE',X'00'
EDFILEQ  DC    C'FILE ''',X'00'
EDTOOLNG DC    C''' HAS RECORDS LONGER THAN 160',X'00'
EDNOSTOR DC    C'DMSFRE159T INSUFFICIENT STORAGE AVAILABLE',X'00'
*  Lower case to capitals from X'80' to X'AF': a-i (81-89) are C1-C9,
*  j-r (91-99) D1-D9, s-z (A2-A9) E2-E9.
EDUPTAB  DC    X'80C1C2C3C4C5C6C7C8C98A8B8C8D8E8F'
         DC    X'90D1D2D3D4D5D6D7D8D99A9B9C9D9E9F'
         DC    X'A0A1E2E3E4E5E6E7E8E9AAABACADAEAF'
         LTORG
         DROP  R11
