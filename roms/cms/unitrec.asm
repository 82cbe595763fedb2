***********************************************************************
*  UNITREC: the virtual card punch, card reader and printer           *
*  (DMSPUN, DMSRDC, DMSPRT).                                          *
*                                                                     *
*     PUnch fn ft [fm] [( NOHeader]   the file's records as cards on  *
*                                     the punch 00D, after a :READ    *
*                                     card naming it; then CP's CLOSE *
*     READcard fn ft [fm] | *         the next file in the reader 00C *
*                                     into a file (* : the name its   *
*                                     :READ card gives)               *
*     PRint fn ft [fm]                the records as lines on the     *
*                                     printer 00E; then CP's CLOSE    *
*  The devices are CP's spooling: a card punched goes into a spool    *
*  file that CLOSE sends to whoever SPOOL PUNCH TO names (CP types    *
*  PUN FILE nnnn TO ...), and the reader gives the files sent to this *
*  user, card by card, with a unit exception at the end of each.      *
*  CMS does plain SIO on them, as on any S/370:                       *
*     punch   X'01' write (punch) a card, 80 bytes                    *
*     reader  X'02' read a card, 80 bytes (unit exception: the end;   *
*             unit check: nothing to read)                            *
*     printer X'09' write a line and space one                        *
***********************************************************************
DMSURC   CSECT
URPUNCH  EQU   X'00D'
URREADER EQU   X'00C'
URPRINT  EQU   X'00E'
*
***********************************************************************
*  PUNCH: the command.  R1 -> the PLIST.                              *
***********************************************************************
PUNCH    ENTER
         MVI   URCMD,X'01'         cards on the punch
         LA    R0,URPUNCH
         STH   R0,URDEV
         LA    R0,80
         STH   R0,URLEN
         MVC   URID,=C'PUN'
         MVC   URCLOSE+6(3),=C'00D'
         B     UR00
*
***********************************************************************
*  PRINT: the command.  R1 -> the PLIST.                              *
***********************************************************************
PRINT    ENTER
         MVI   URCMD,X'09'         lines on the printer
         LA    R0,URPRINT
         STH   R0,URDEV
         LA    R0,132
         STH   R0,URLEN
         MVC   URID,=C'PRT'
         MVC   URCLOSE+6(3),=C'00E'
*  The file: its records out one by one.
UR00     LR    R9,R1
         LA    R1,URID
         LA    R2,URIDS
         CALL  MSGMOD
         MVC   URPAT,URDEFLT       fm defaults to *
         LA    R1,8(R9)
         LA    R2,URPAT
         CALL  GETFID
         LTR   R15,R15
         BNZ   UR84
         CH    R0,=H'2'
         BL    UR80
         MVI   URNOHDR,0           ( NOHEADER?
         CLI   0(R1),C'('
         BNE   UR05
         CLC   8(3,R1),=C'NOH'
         BNE   UR86
         MVI   URNOHDR,1
UR05     XC    URCUR,URCUR
         LA    R0,URCUR
         LA    R1,URPAT
         CALL  FSTFIND
         LTR   R15,R15
         BNZ   UR82
         LR    R6,R1               R6: the FST, R7: its disk
         LR    R7,R0
*  The :READ card (punch only): what READCARD reads back.
         CLI   URCMD,X'01'
         BNE   UR10
         CLI   URNOHDR,0
         BNE   UR10
         MVC   URBUF,=CL132' '
         MVC   URBUF(5),=C':READ'
         MVC   URBUF+7(16),0(R6)   fn ft
         MVC   URBUF+24(1),ADTMODE-ADT(R7)   fm
         MVC   URBUF+25(1),FSTFMODE+1-FST(R6)
         MVC   URBUF+27(6),ADTLABEL-ADT(R7)   the disk's label
         BAL   R14,URDATE          its date and time
         BAL   R14,URPUT
         BNZ   UR90
UR10     LR    R1,R6               the records
         LR    R2,R7
         CALL  FSOPENR
         LTR   R15,R15
         BNZ   UR90
         LR    R10,R1
UR12     MVC   URBUF,=CL132' '
         LR    R1,R10
         LA    R2,URBUF
         LH    R3,URLEN
         CALL  FSREADR
         C     R15,=F'12'
         BE    UR20
         LTR   R15,R15
         BNZ   UR88
         BAL   R14,URPUT
         BZ    UR12
         LR    R1,R10
         CALL  FSCLOSE
         B     UR90
UR20     LR    R1,R10
         CALL  FSCLOSE
*  CP closes the spool file: "CLOSE 00D" (it types PUN FILE ...).
UR30     LA    R2,URCLOSE
         LA    R3,9
         DIAG  R2,R3,X'08'
         SR    R15,R15
         RETURN
UR80     LA    R1,UR054E
         CALL  MSGTEXT
         LA    R15,24
         RETURN
UR82     C     R15,=F'8'
         BE    UR83
         LA    R1,UR002E
         LA    R2,URPAT
         LA    R3,URNOTFND
         CALL  MSGFID
         LA    R15,28
         RETURN
UR83     LA    R1,UR069E
         SR    R0,R0
         IC    R0,URPAT+16
         LA    R3,URNOTACC
         CALL  MSGDISK
         LA    R15,36
         RETURN
UR84     LA    R1,UR048E
         LA    R2,24(R9)
         CALL  MSGWORD
         LA    R15,24
         RETURN
UR86     LA    R2,8(R1)
         LA    R1,UR003E
         CALL  MSGWORD
         LA    R15,24
         RETURN
UR88     LR    R1,R10
         CALL  FSCLOSE
UR90     LA    R1,UR105S           the device refused (full, or gone)
         CALL  MSGTEXT
         LA    R2,URCLOSE          (what there is goes on)
         LA    R3,9
         DIAG  R2,R3,X'08'
         LA    R15,100
         RETURN
*
*  URPUT: URBUF (URLEN bytes) to the device.  Out: CC 0 if it took it.
URPUT    ST    R14,URPUTR
         LA    R1,URBUF            the CCW: command, data, SLI, count
         ST    R1,URCCW
         MVC   URCCW(1),URCMD
         MVC   URCCW+4(2),=X'2000'
         MVC   URCCW+6(2),URLEN
         LA    R1,URCCW
         LH    R2,URDEV
         CALL  DOIO
         L     R14,URPUTR
         LTR   R15,R15
         BR    R14
*
*  URDATE: the FST at R6's date and time into the :READ card.
URDATE   IC    R0,FSTDATEW-FST(R6) MM/DD/YY  HH:MM
         BAL   R15,URBCD
         STH   R0,URBUF+35
         MVI   URBUF+37,C'/'
         IC    R0,FSTDATEW+1-FST(R6)
         BAL   R15,URBCD
         STH   R0,URBUF+38
         MVI   URBUF+40,C'/'
         MVC   URBUF+41(2),FSTYEARW-FST(R6)
         IC    R0,FSTTIMEW-FST(R6)
         BAL   R15,URBCD
         STH   R0,URBUF+45
         MVI   URBUF+47,C':'
         IC    R0,FSTTIMEW+1-FST(R6)
         BAL   R15,URBCD
         STH   R0,URBUF+48
         BR    R14
*  URBCD: the BCD byte in R0 as two EBCDIC digits in R0's low halfword.
URBCD    N     R0,=F'255'
         LR    R1,R0
         SRL   R1,4
         O     R1,=F'240'
         SLL   R1,8
         N     R0,=F'15'
         O     R0,=F'240'
         OR    R0,R1
         BR    R15
*
***********************************************************************
*  PUNCARD: punch one card, the R3 characters at R2 (more than 80     *
*  are cut), on 00D (EXEC's &PUNCH and &BEGPUNCH).  Out: R15 = 0, or  *
*  4: the punch refused it.                                           *
***********************************************************************
PUNCARD  ENTER
         MVC   URBUF,=CL132' '
         CH    R3,=H'80'
         BNH   PC10
         LA    R3,80
PC10     LTR   R3,R3
         BNP   PC20
         BCTR  R3,0
         EX    R3,PCMVC
PC20     MVI   URCMD,X'01'
         LA    R0,URPUNCH
         STH   R0,URDEV
         LA    R0,80
         STH   R0,URLEN
         BAL   R14,URPUT
         RETURN
PCMVC    MVC   URBUF(0),0(R2)
*
***********************************************************************
*  READCARD: the command.  R1 -> the PLIST.                           *
***********************************************************************
READCARD ENTER
         LR    R9,R1
         MVC   URID,=C'RDC'
         LA    R1,URID
         LA    R2,URIDS
         CALL  MSGMOD
         MVC   URPAT,URDEFA        fm defaults to A1
         CLI   8(R9),X'FF'
         BE    UR80
         MVI   URSTAR,0
         CLC   8(8,R9),=CL8'*'     READCARD *: the :READ card names it
         BNE   RC02
         MVI   URSTAR,1
         B     RC05
RC02     LA    R1,8(R9)
         LA    R2,URPAT
         CALL  GETFID
         LTR   R15,R15
         BNZ   UR84
         CH    R0,=H'2'
         BL    UR80
*  The first card: a :READ card, or the first record.
RC05     BAL   R14,RCGET
         BNZ   RC80                nothing in the reader
         MVI   URHAVE,1            (a card in URBUF to write)
         CLC   URBUF(5),=C':READ'
         BNE   RC10
         MVI   URHAVE,0            a header: not a record
         CLI   URSTAR,0
         BE    RC20
         MVC   URPAT(16),URBUF+7   its name and type; on the A disk,
         MVI   URPAT+16,C'A'         with the mode number it had
         MVC   URPAT+17(1),URBUF+25
         CLI   URPAT+17,C' '
         BNE   RC20
         MVI   URPAT+17,C'1'
         B     RC20
RC10     CLI   URSTAR,0            no header, and none given
         BE    RC20
         TYPE  RC703W              "READ CONTROL CARD MISSING ..."
         MVC   URPAT(18),URDEFRC   READCARD CMSUT1 A1
         TYPE  RC703W2
*  The file: a new one (F 80) on the mode's disk.
RC20     SR    R0,R0
         IC    R0,URPAT+16
         CALL  ADTFIND
         LTR   R7,R1
         BZ    RC86
         TM    ADTFLAGS-ADT(R7),ADTRO
         BO    RC87
         XC    URFST,URFST
         MVC   URFST(16),URPAT
         MVC   URFST+24(2),URPAT+16
         CLI   URFST+25,C' '
         BNE   RC22
         MVI   URFST+25,C'1'
RC22     MVI   URFST+30,C'F'
         MVC   URFST+32(4),=F'80'
         LA    R1,URFST
         LR    R2,R7
         CALL  FSOPENW
         LTR   R15,R15
         BNZ   RC90
         LR    R10,R1
         SR    R8,R8               R8: records
         CLI   URHAVE,0
         BE    RC30
RC25     LR    R1,R10              a card: a record
         LA    R2,URBUF
         LA    R3,80
         CALL  FSWRREC
         LTR   R15,R15
         BNZ   RC88
         LA    R8,1(R8)
RC30     BAL   R14,RCGET           the next
         BZ    RC25
*  The end of the file (unit exception).
         LTR   R8,R8               no records: nothing is written
         BNZ   RC35
         LR    R1,R10
         L     R2,AFTADT-AFT(R1)
         CALL  DUNDO
         LR    R1,R10
         CALL  FSCLOSE
         TYPE  RC701I              "NULL FILE"
         SR    R15,R15
         RETURN
RC35     LR    R1,R10
         CALL  FSCLOSEW
         LTR   R15,R15
         BNZ   RC90
         CALL  LNNEW               "DMSRDC702I :READ fn ft fm"
         LA    R2,RC702I
         CALL  LNZ
         LA    R1,URPAT
         CALL  LNFID
         CALL  LNOUT
         SR    R15,R15
         RETURN
RC80     TYPE  RC705E              nothing to read
         LA    R15,100
         RETURN
RC86     LA    R1,UR069E
         SR    R0,R0
         IC    R0,URPAT+16
         LA    R3,URNOTACC
         CALL  MSGDISK
         LA    R15,36
         RETURN
RC87     LA    R1,UR037E
         SR    R0,R0
         IC    R0,URPAT+16
         LA    R3,URRO
         CALL  MSGDISK
         LA    R15,36
         RETURN
RC88     LR    R1,R10              the file is given up
         L     R2,AFTADT-AFT(R1)
         CALL  DUNDO
         LR    R1,R10
         CALL  FSCLOSE
RC90     LA    R1,UR105S
         CALL  MSGTEXT
         LA    R15,100
         RETURN
*
*  RCGET: the next card into URBUF.  Out: CC 0 a card; not 0: the
*  end of the file (unit exception) or nothing to read (unit check).
RCGET    ST    R14,URPUTR
         MVC   URBUF,=CL132' '
         LA    R1,URBUF
         ST    R1,URCCW
         MVI   URCCW,X'02'
         MVC   URCCW+4(4),=X'20000050'   SLI, 80
         LA    R1,URCCW
         LA    R2,URREADER
         CALL  DOIO
         L     R14,URPUTR
         LTR   R15,R15
         BR    R14
URPUTR   DS    A
URCUR    DS    3F
         DS    0D
URCCW    DS    D
URFST    DS    XL40
URDEV    DS    H
URLEN    DS    H
URPAT    DS    CL18
URCMD    DS    X
URNOHDR  DS    X
URSTAR   DS    X
URHAVE   DS    X
URID     DS    CL3
URBUF    DS    CL132
URDEFLT  DC    CL8' ',CL8' ',CL2'*'
URDEFA   DC    CL8' ',CL8' ',CL2'A1'
URDEFRC  DC    CL8'READCARD',CL8'CMSUT1',CL2'A1'
URCLOSE  DC    C'CLOSE 00D'
URIDS    DC    A(UR054E,UR048E,UR003E,UR002E,UR069E,UR037E,UR105S,0)
UR054E   DC    C'DMSPUN054E INCOMPLETE FILEID SPECIFIED',X'00'
UR048E   DC    C'DMSPUN048E INVALID MODE',X'00'
UR003E   DC    C'DMSPUN003E INVALID OPTION',X'00'
UR002E   DC    C'DMSPUN002E',X'00'
UR069E   DC    C'DMSPUN069E',X'00'
UR037E   DC    C'DMSPUN037E',X'00'
UR105S   DC    C'DMSPUN105S ERROR ON THE UNIT RECORD DEVICE',X'00'
URNOTFND DC    C' NOT FOUND',X'00'
URNOTACC DC    C' NOT ACCESSED',X'00'
URRO     DC    C' IS READ/ONLY',X'00'
RC702I   DC    C'DMSRDC702I :READ ',X'00'
RC701I   DC    C'DMSRDC701I NULL FILE'
RC703W   DC    C'READ CONTROL CARD MISSING. FOLLOWING ASSUMED:'
RC703W2  DC    C':READ READCARD CMSUT1 A1'
RC705E   DC    C'READER EMPTY OR NOT READY.'
         LTORG
