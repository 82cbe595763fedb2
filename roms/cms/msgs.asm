***********************************************************************
*  MSGS: CMS's messages (DMSERR).                                     *
*                                                                     *
*  A message begins with its id: DMS, the module that issues it       *
*  (LST for LISTFILE, TYP for TYPE, ...), a number and a letter: I    *
*  information, R a reply is wanted, W warning, E error, S severe,    *
*  T terminal.  Texts here end with X'00'.                            *
***********************************************************************
DMSERR   CSECT
*
***********************************************************************
*  MSGFID: type "id FILE 'fn ft fm'text": R1 -> the id, R2 -> the     *
*  fileid (18 bytes), R3 -> the text after it.                        *
***********************************************************************
MSGFID   ENTER
         LR    R6,R2
         CALL  LNNEW
         LR    R2,R1
         CALL  LNZ
         LA    R2,MFFILE
         CALL  LNZ
         LR    R1,R6
         CALL  LNFID
         LA    R0,C''''
         CALL  LNCHR
         LR    R2,R3
         CALL  LNZ
         CALL  LNOUT
         RETURN
*
***********************************************************************
*  MSGDISK: type "id DISK 'x'text": R1 -> the id, R0 = the letter,    *
*  R3 -> the text after it.                                           *
***********************************************************************
MSGDISK  ENTER
         LR    R6,R0
         CALL  LNNEW
         LR    R2,R1
         CALL  LNZ
         LA    R2,MFDISK
         CALL  LNZ
         LR    R0,R6
         CALL  LNCHR
         LA    R0,C''''
         CALL  LNCHR
         LR    R2,R3
         CALL  LNZ
         CALL  LNOUT
         RETURN
*
***********************************************************************
*  MSGWORD: type "id text 'word'": R1 -> the id and text, R2 -> a     *
*  PLIST word (INVALID OPTION 'XYZ').                                 *
***********************************************************************
MSGWORD  ENTER
         LR    R6,R2
         CALL  LNNEW
         LR    R2,R1
         CALL  LNZ
         LA    R0,C' '
         CALL  LNCHR
         LA    R0,C''''
         CALL  LNCHR
         LR    R2,R6
         LA    R3,8
         CALL  LNTOK
         LA    R0,C''''
         CALL  LNCHR
         CALL  LNOUT
         RETURN
*
***********************************************************************
*  MSGTEXT: type the text at R1.                                      *
***********************************************************************
MSGTEXT  ENTER
         CALL  LNNEW
         LR    R2,R1
         CALL  LNZ
         CALL  LNOUT
         RETURN
*
***********************************************************************
*  OPTIONS: the options after "(" in a PLIST.  R1 -> the first word   *
*  after "(", R2 -> the command's table of options: CL8 name, AL1 the *
*  shortest abbreviation, AL3 its bits; X'FF' ends it.  R0 = the bits *
*  so far.  Out: R0 = those bits OR the options', R15 = 0; or at a    *
*  word that is no option (it may be an option's value, for the       *
*  caller to take): R1 -> it, R15 = 4.                                *
***********************************************************************
OPTIONS  ENTER
OP10     CLI   0(R1),X'FF'         the end
         BE    OP90
         CLI   0(R1),C')'
         BE    OP80
         LR    R6,R0
         CALL  TOKLEN              R0: the word's length
         LR    R7,R0
         LR    R0,R6
         LR    R3,R2
OP20     CLI   0(R3),X'FF'
         BE    OP85
         IC    R4,8(R3)
         N     R4,=F'255'
         CR    R7,R4
         BL    OP30
         LR    R5,R7
         BCTR  R5,0
         EX    R5,OPCLC
         BE    OP40
OP30     LA    R3,12(R3)
         B     OP20
OP40     O     R0,8(R3)
         N     R0,=X'00FFFFFF'
OP80     LA    R1,8(R1)
         B     OP10
OP85     LA    R15,4
         RETURN
OP90     SR    R15,R15
         RETURN
OPCLC    CLC   0(0,R1),0(R3)
*
***********************************************************************
*  GETNUM: the decimal number in the PLIST word at R1.                *
*  Out: R0 = it, R15 = 0; or R15 = 4: not a number (or > 9999999).    *
***********************************************************************
GETNUM   ENTER
         SR    R0,R0
         LA    R3,7
         LR    R4,R1
         CLI   0(R4),C' '
         BE    GN90
GN10     CLI   0(R4),C' '
         BE    GN80
         CLI   0(R4),C'0'
         BL    GN90
         CLI   0(R4),C'9'
         BH    GN90
         MH    R0,=H'10'
         IC    R5,0(R4)
         N     R5,=F'15'
         AR    R0,R5
         LA    R4,1(R4)
         BCT   R3,GN10
         CLI   0(R4),C' '
         BNE   GN90
GN80     SR    R15,R15
         RETURN
GN90     LA    R15,4
         RETURN
*
***********************************************************************
*  GETHEX: the device address in the PLIST word at R1 (1-3 hex        *
*  digits).  Out: R0 = it, R15 = 0; or R15 = 4.                       *
***********************************************************************
GETHEX   ENTER
         SR    R0,R0
         LA    R3,3
         LR    R4,R1
         CLI   0(R4),C' '
         BE    GH90
GH10     CLI   0(R4),C' '
         BE    GH80
         SLL   R0,4
         IC    R5,0(R4)
         N     R5,=F'255'
         CH    R5,=H'240'          0-9
         BL    GH20
         CH    R5,=H'249'
         BH    GH90
         SH    R5,=H'240'
         B     GH30
GH20     CH    R5,=H'193'          A-F
         BL    GH90
         CH    R5,=H'198'
         BH    GH90
         SH    R5,=H'183'
GH30     AR    R0,R5
         LA    R4,1(R4)
         BCT   R3,GH10
         CLI   0(R4),C' '
         BE    GH80
         CLI   0(R4),C'/'          (ACCESS 191 B/A: the letter's own)
         BNE   GH90
GH80     SR    R15,R15
         RETURN
GH90     LA    R15,4
         RETURN
*
***********************************************************************
*  MSGMOD: the module in the ids of a command's messages ("DMSxxx"):  *
*  R1 -> its three letters, R2 -> the messages' addresses, 0 after    *
*  the last (ERASE and RENAME, PUNCH and PRINT share their texts).    *
***********************************************************************
MSGMOD   ENTER
MM10     ICM   R3,15,0(R2)
         BZ    MM90
         MVC   3(3,R3),0(R1)
         LA    R2,4(R2)
         B     MM10
MM90     RETURN
MFFILE   DC    C' FILE ''',X'00'
MFDISK   DC    C' DISK ''',X'00'
         LTORG
