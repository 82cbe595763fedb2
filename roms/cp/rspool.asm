***********************************************************************
*  RSPOOL: the machine room (DMKRSP): the real card reader at 00C     *
*  and the real printer at 00E, driven by their interruptions.        *
*                                                                     *
*  The reader.  The operator puts a deck in the hopper with a CP ID   *
*  card in front (VM/370's format, from column 1):                    *
*     ID|USERID userid [CLASS c] [NAME fn ft]                         *
*  and the reader asks for attention.  CP reads the deck card by card *
*  (one SIO a card, into RRBUF) into a new spool file, FROM SYSTEM,   *
*  until the deck's end of file (unit exception); then the file goes  *
*  into the user's virtual reader like a punched one, and the user is *
*  told (RDR FILE 0007  FROM SYSTEM   PUN NOHOLD).  The operator sees  *
*     RDR 00C INPUT FOR ALICE    FILE = 0007                          *
*  A deck whose first card is no ID card for a user in the directory, *
*  or that does not fit in the spool area, is read to its end and     *
*  dropped, and the operator is told.  After an end of file CP reads  *
*  once more: another deck may be waiting behind it.                  *
*                                                                     *
*  The printer.  A printer file closed for the real printer waits in  *
*  the printer queue (SFPRTQ); RSPKICK takes the oldest one not held  *
*  and prints, one line an SIO: a separator page naming the user (its *
*  userid in a band, the file's spool id, class, records, copies,     *
*  name and when it was closed), then the file's lines with the       *
*  carriage commands the guest gave them (one the 1403 would refuse   *
*  becomes "write, space 1"), as many copies as it asks; then the     *
*  file is gone.  The operator sees                                   *
*     PRT 00E OUTPUT OF ALICE    FILE = 0004 RECDS = 000013 COPY = 01 *
*  Fixed real addresses, as a small VM/370 DMKRIO would have them.    *
*                                                                     *
*  The operator (class D) drives them: START 00C|00E (RDR, PRT),      *
*  DRAIN (the reader stops after the deck it reads, the printer after *
*  the file it prints: RDR 00C DRAINED, PRT 00E DRAINED), SPACE 00E   *
*  (the file being printed is printed single-spaced, whatever its     *
*  carriage commands say).                                            *
***********************************************************************
DMKRSP   CSECT
         USING DMKRSP,R13          the module's base (ENTER sets it)
RRDR     EQU   X'00C'              the real card reader
RPRT     EQU   X'00E'              the real printer
*
***********************************************************************
*  RSPIO: an I/O interruption from a device that is no terminal (IODEV *
*  and CSW in the PSA): the reader's or the printer's, else nothing.   *
*  Uses R0-R8, R15.                                                    *
***********************************************************************
RSPIO    ENTER
         ST    R8,RSPR8
         CLC   IODEV,=AL2(RRDR)
         BE    RRIO
         CLC   IODEV,=AL2(RPRT)
         BE    RPIO
RSPX     L     R8,RSPR8
         LEAVE RSPIO
*  The reader: attention (cards in the hopper) starts it when idle;
*  device end ends a read.
RRIO     TM    CSW+4,X'04'         device end: a read is over
         BZ    RRIO20
         CLI   RRBUSY,0
         BE    RRIO20
         MVI   RRBUSY,0
         TM    CSW+4,X'02'         unit check: the reader stops
         BO    RRIO10
         TM    CSW+4,X'01'         unit exception: the deck's end
         BO    RRIO15
         BAL   R14,RRCARD          a card
         BAL   R14,RRSTART         and the next
         B     RSPX
RRIO10   BAL   R14,RRCLOSE
         B     RSPX
RRIO15   BAL   R14,RRCLOSE         the file is whole
         CLI   RRDRAIN,1           drained now?
         BNE   RRIO17
         MVI   RRDRAIN,2
         CPMSG RRDRMSG,VIA=RROPER
         B     RSPX
RRIO17   CLI   RRGOT,0             a deck came since the last end of
         BE    RSPX                  file: another may wait behind it
         MVI   RRGOT,0
         BAL   R14,RRSTART
         B     RSPX
RRIO20   TM    CSW+4,X'80'         attention: cards in the hopper
         BZ    RSPX
         CLI   RRBUSY,0
         BNE   RSPX                (reading already)
         CLI   RRDRAIN,0           drained: they wait for START
         BNE   RSPX
         BAL   R14,RRSTART
         B     RSPX
*  The printer: device end ends a line; the next one, or the next file.
RPIO     TM    CSW+4,X'04'
         BZ    RSPX
         CLI   RPBUSY,0
         BE    RSPX
         MVI   RPBUSY,0
         TM    CSW+4,X'02'         unit check: the file waits again
         BO    RPIO10
         BAL   R14,RPNEXT
         B     RPIO20
RPIO10   BAL   R14,RPBACK          (and the printer is left alone)
         MVI   RPSTOP,1
RPIO20   ICM   R0,15,RPFILE        that file done: the next one
         BNZ   RSPX
         MVI   RPSPACE,0           (SPACE was for that file)
         CLI   RPDRAIN,1           drained now?
         BNE   RPIO30
         MVI   RPDRAIN,2
         CPMSG RPDRMSG,VIA=RROPER
RPIO30   CLI   RPSTOP,0
         BNE   RSPX
         BAL   R14,RSPKICK
         B     RSPX
RSPIOR   DS    F
RSPIOB   DS    F
RSPR8    DS    F
*
***********************************************************************
*  RRSTART: read the next card into RRBUF (SIO; CC 1, stale status:  *
*  again).  Uses R0-R2.                                               *
***********************************************************************
RRSTART  LA    R1,RRCCW
         ST    R1,CAW
         LA    R2,RRDR
         LA    R0,3
RRS10    SIO   0(R2)
         BC    8,RRS20             started
         BC    4,RRS15             CC 1: status was pending
         BR    R14                 busy, not there: not now
RRS15    BCT   R0,RRS10
         BR    R14
RRS20    MVI   RRBUSY,1
         BR    R14
*
***********************************************************************
*  RRCARD: a card was read into RRBUF: the ID card of a new file, or  *
*  a record of the open one.  Uses R0-R7, R15.                        *
***********************************************************************
RRCARD   ST    R14,RRCR
         MVI   RRGOT,1
         CLI   RRSKIP,0            a deck being dropped
         BNE   RRCX
         ICM   R1,15,RRFILE
         BNZ   RRC50
*  The ID card: ID|USERID userid [CLASS c] [NAME fn ft].
         LA    R7,RRBUF
         LA    R6,RRBUF+80
         BAL   R14,NEXTTOK
         CH    R3,=H'2'
         BNE   RRC05
         CLC   0(2,R2),=C'ID'
         BE    RRC10
RRC05    CH    R3,=H'6'
         BNE   RRBAD
         CLC   0(6,R2),=C'USERID'
         BNE   RRBAD
RRC10    BAL   R14,NEXTTOK         the userid
         LTR   R3,R3
         BZ    RRBAD
         CH    R3,=H'8'
         BH    RRBAD
         MVC   RRUID,BLANKS
         BCTR  R3,0
         EX    R3,RRMVUID
         L     R4,=A(DIRECTRY)     in the directory?
         L     R5,DIRCOUNT
         LTR   R5,R5
         BZ    RRBAD
RRC15    CLC   RRUID,DIRUSER-DIRENTRY(R4)
         BE    RRC20
         LA    R4,DIRLEN(R4)
         BCT   R5,RRC15
         B     RRBAD
RRC20    MVI   RRCLS,C'A'
         MVC   RRNAME,BLANKS
RRC25    BAL   R14,NEXTTOK         CLASS c, NAME fn ft
         LTR   R3,R3
         BZ    RRC40
         LA    R4,=CL8'CLASS'
         LA    R5,5
         BAL   R14,KWMATCH
         BNE   RRC30
         BAL   R14,NEXTTOK
         CALL  SPACLASS
         BNE   RRBAD
         MVC   RRCLS,0(R2)
         B     RRC25
RRC30    LA    R4,=CL8'NAME'
         LA    R5,4
         BAL   R14,KWMATCH
         BNE   RRBAD
         BAL   R14,NEXTTOK
         LTR   R3,R3
         BZ    RRBAD
         CH    R3,=H'8'
         BH    RRBAD
         BCTR  R3,0
         EX    R3,RRMVFN
         BAL   R14,NEXTTOK
         LTR   R3,R3
         BZ    RRC40
         CH    R3,=H'8'
         BH    RRBAD
         BCTR  R3,0
         EX    R3,RRMVFT
         B     RRC25
*  A new spool file for the user, FROM SYSTEM.
RRC40    LA    R0,URTPUN
         LA    R2,RRUID
         CALL  SPNEW
         BNZ   RRFULL
         ST    R1,RRFILE
         USING SFBLOK,R1
         MVC   SFOWNER,=CL8'SYSTEM'
         MVC   SFCLASS,RRCLS
         MVI   SFCOPY,1
         MVC   SFNAME(16),RRNAME
         OI    SFFLAG,SFSYS
         MVC   LINEBUF(L'RRINMSG),RRINMSG
         MVC   LINEBUF+18(8),RRUID
         LH    R1,SFID
         DROP  R1
         LA    R2,LINEBUF+34
         LA    R3,4
         BAL   R14,DECOUT
         LA    R2,LINEBUF
         LA    R3,L'RRINMSG
         BAL   R14,RROPER
         B     RRCX
*  A record of the file.
RRC50    CALL  SPSLOT
         BNZ   RRFULL
         MVC   0(80,R3),RRBUF
         L     R1,RRFILE
         L     R0,SFRECS-SFBLOK(R1)
         AH    R0,=H'1'
         ST    R0,SFRECS-SFBLOK(R1)
         B     RRCX
RRBAD    CPMSG RRBADMSG,VIA=RROPER
         MVI   RRSKIP,1
         B     RRCX
RRFULL   CPMSG RRFULMSG,VIA=RROPER
         MVI   RRSKIP,1
         ICM   R1,15,RRFILE
         BZ    RRCX
         XC    RRFILE,RRFILE
         CALL  SPPURGE
RRCX     L     R14,RRCR
         BR    R14
RRMVUID  MVC   RRUID(0),0(R2)
RRMVFN   MVC   RRNAME(0),0(R2)
RRMVFT   MVC   RRNAME+8(0),0(R2)
RRINMSG  DC    C'RDR 00C INPUT FOR xxxxxxxx FILE = nnnn'
RRBADMSG DC    C'DMKRSP120E ID CARD MISSING OR INVALID; DECK IGNORED'
RRFULMSG DC    C'DMKRSP121E SPOOL SPACE FULL; DECK IGNORED'
*
***********************************************************************
*  RRCLOSE: the deck has ended: its file goes to the user's reader.   *
*  Uses R0-R7, R15.                                                   *
***********************************************************************
RRCLOSE  ST    R14,RRCLR
         MVI   RRSKIP,0
         ICM   R1,15,RRFILE
         BZ    RRCLX
         XC    RRFILE,RRFILE
         ST    R1,RRCFILE
         CALL  SPSEND
         L     R1,RRCFILE
         LA    R2,=CL8'SYSTEM'
         LA    R3,=C'PUN'
         CALL  SPARRIVE
RRCLX    L     R14,RRCLR
         BR    R14
*
*  RROPER: the line R2, R3 on the operator's console.
RROPER   ST    R14,RROPR
         L     R8,=A(RDEVTAB)
         BAL   R14,TLINE
         L     R14,RROPR
         BR    R14
RROPR    DS    F
*
***********************************************************************
*  RSPKICK: files wait for the real printer: if it is idle, take the  *
*  oldest one not held and begin it.  Uses R0-R8, R15.                *
***********************************************************************
RSPKICK  ENTER
         ST    R8,RPKR8
         ICM   R0,15,RPFILE        printing already
         BNZ   RPKX
         CLI   RPSTOP,0            the printer failed
         BNE   RPKX
         L     R4,=A(SPFTAB)
         LA    R3,SPMAXF
         SR    R1,R1
         USING SFBLOK,R4
RPK10    CLI   SFSTAT,SFPRTQ
         BNE   RPK20
         TM    SFFLAG,SFHOLD
         BO    RPK20
         LTR   R1,R1
         BZ    RPK15
         CLC   SFSEQ,SFSEQ-SFBLOK(R1)
         BNL   RPK20
RPK15    LR    R1,R4
RPK20    LA    R4,SFLEN(R4)
         BCT   R3,RPK10
         DROP  R4
         LTR   R1,R1
         BZ    RPKX
         USING SFBLOK,R1
         ST    R1,RPFILE
         MVI   SFSTAT,SFRPRT
         XC    SFRNEXT,SFRNEXT
         XC    SFRFRM,SFRFRM
         MVC   RPCOPY,SFCOPY
         MVI   RPPH,1
         MVI   RPLINE,0
*  PRT 00E OUTPUT OF ALICE    FILE = 0004 RECDS = 000013 COPY = 01
         MVC   LINEBUF(L'RPOUTMSG),RPOUTMSG
         MVC   LINEBUF+18(8),SFDEST
         LH    R1,SFID
         LA    R2,LINEBUF+34
         LA    R3,4
         BAL   R14,DECOUT
         L     R1,RPFILE
         L     R1,SFRECS
         LA    R2,LINEBUF+47
         LA    R3,6
         BAL   R14,DECOUT
         SR    R1,R1
         IC    R1,RPCOPY
         LA    R2,LINEBUF+61
         LA    R3,2
         BAL   R14,DECOUT
         DROP  R1
         LA    R2,LINEBUF
         LA    R3,L'RPOUTMSG
         BAL   R14,RROPER
         BAL   R14,RPNEXT
RPKX     L     R8,RPKR8
         LEAVE RSPKICK
RSPKICKR DS    F
RSPKICKB DS    F
RPKR8    DS    F
RPOUTMSG DC    C'PRT 00E OUTPUT OF xxxxxxxx FILE = nnnn RECDS = nnnnnn COPY = nn'
*
***********************************************************************
*  RPNEXT: print the next line of the file RPFILE: the separator's,   *
*  then the file's; at its end the file is purged (RPFILE 0).         *
*  Uses R0-R7, R15.                                                   *
***********************************************************************
RPNEXT   ST    R14,RPNR
RPN05    L     R1,RPFILE
         USING SFBLOK,R1
         CLI   RPPH,1
         BNE   RPN50
         SR    R2,R2               the separator: its next line
         IC    R2,RPLINE
         LA    R2,RPSEPT(R2)
         CLI   0(R2),0
         BNE   RPN10
         MVI   RPPH,2              (done: the file's lines)
         B     RPN05
RPN10    IC    R0,RPLINE
         AH    R0,=H'1'
         STC   R0,RPLINE
         MVC   RPCCW(1),0(R2)
         LA    R3,1                a skip: no data
         CLI   0(R2),X'8B'
         BE    RPSIO
         MVC   RPBUF,BLANKS
         CLI   0(R2),X'11'         the line about the file
         BE    RPN20
         LA    R4,RPBUF            the band: the userid, 13 times
         LA    R5,13
RPN15    MVC   0(8,R4),SFDEST
         LA    R4,10(R4)
         BCT   R5,RPN15
         LA    R3,130
         B     RPSIO
RPN20    MVC   RPBUF(L'RPINFO),RPINFO
         MVC   RPBUF+7(8),SFDEST
         MVC   RPBUF+34(1),SFCLASS
         MVC   RPBUF+60(8),SFNAME
         MVC   RPBUF+69(8),SFFTYPE
         LH    R1,SFID
         LA    R2,RPBUF+22
         LA    R3,4
         BAL   R14,DECOUT
         L     R1,RPFILE
         L     R1,SFRECS
         LA    R2,RPBUF+43
         LA    R3,6
         BAL   R14,DECOUT
         L     R1,RPFILE
         SR    R0,R0
         IC    R0,SFCOPY
         LR    R1,R0
         LA    R2,RPBUF+56
         LA    R3,2
         BAL   R14,DECOUT
         L     R1,RPFILE
         MVC   TODNOW,SFTOD
         BAL   R14,TODFMT
         MVC   RPBUF+79(8),TFDATE
         MVC   RPBUF+88(8),TFTIME
         LA    R3,96
         B     RPSIO
*  The file's next line, or the next copy, or the end.
RPN50    CALL  SPGET
         BZ    RPN60
         SR    R0,R0
         IC    R0,RPCOPY           a copy printed
         BCTR  R0,0
         STC   R0,RPCOPY
         LTR   R0,R0
         BNP   RPN90
         XC    SFRNEXT,SFRNEXT     the next copy
         XC    SFRFRM,SFRFRM
         B     RPN50
*  Its carriage command, if the 1403 takes it: write (xxxxx001) and
*  no space, space 1-3 or skip to channel 1-12; else space 1.
RPN60    SR    R0,R0
         IC    R0,0(R3)
         LR    R15,R0
         N     R15,=F'7'
         CH    R15,=H'1'
         BNE   RPN65
         LR    R15,R0
         SRL   R15,3
         CH    R15,=H'3'
         BNH   RPN70
         CH    R15,=H'17'
         BL    RPN65
         CH    R15,=H'28'
         BNH   RPN70
RPN65    LA    R0,X'09'
RPN70    CLI   RPSPACE,0           SPACE: single-spaced
         BE    RPN75
         LA    R0,X'09'
RPN75    STC   R0,RPCCW
         MVC   RPBUF,1(R3)
         LA    R3,132
         B     RPSIO
*  All copies printed: the file is gone.
RPN90    XC    RPFILE,RPFILE
         CALL  SPPURGE
         L     R14,RPNR
         BR    R14
         DROP  R1
*  RPSIO: print RPBUF (R3 bytes) with the command in RPCCW.
RPSIO    STH   R3,RPCCW+6
         LA    R1,RPCCW
         ST    R1,CAW
         LA    R2,RPRT
         LA    R0,3
RPS10    SIO   0(R2)
         BC    8,RPS20
         BC    4,RPS15             CC 1: the CSW is stored
         B     RPS30
RPS15    TM    CSW+4,X'02'         unit check: the printer failed
         BO    RPS30
         TM    CSW+4,X'0C'         a skip ends at once (channel end,
         BO    RPN05                 device end): the next line
         BCT   R0,RPS10            (stale status: again)
RPS30    BAL   R14,RPBACK          no printer: the file waits
         L     R14,RPNR
         BR    R14
RPS20    MVI   RPBUSY,1
         L     R14,RPNR
         BR    R14
RPNR     DS    F
*
*  RPBACK: the printer failed: the file goes back to the queue, and
*  the printer is left alone until a file is closed for it again.
RPBACK   ICM   R1,15,RPFILE
         BZ    RPB10
         MVI   SFSTAT-SFBLOK(R1),SFPRTQ
         XC    RPFILE,RPFILE
RPB10    BR    R14
*
RPSEPT   DC    X'8B0909110909'     skip, band, band, the file, band,
         DC    X'8B00'               band, skip; end
RPINFO   DC    C'USERID xxxxxxxx  FILE nnnn  CLASS x  RECDS nnnnnn  COPY nn'
*
***********************************************************************
*  CMDSTART, CMDDRAIN, CMDSPACE: START|DRAIN 00C|00E (RDR, READER,    *
*  PRT, PRINTER), SPACE 00E: the operator's commands on the real      *
*  reader and printer.  In: R6, R7 the rest of the line, R8 = RDEV,   *
*  as CPCMD calls every command.  Uses R0-R7, R15.                    *
***********************************************************************
CMDSTART ENTER RSCMD
         BAL   R14,RSDEV
         CH    R0,=H'1'
         BL    RSCBAD
         BH    RSCS20
         MVI   RRDRAIN,0           the reader: reads what is there
         CPMSG RRSTMSG
         CLI   RRBUSY,0
         BNE   RSCX
         BAL   R14,RRSTART
         B     RSCX
RSCS20   MVI   RPDRAIN,0           the printer: prints what waits
         MVI   RPSTOP,0
         CPMSG RPSTMSG
         BAL   R14,RSPKICK
         B     RSCX
CMDDRAIN ENTER RSCMD
         BAL   R14,RSDEV
         CH    R0,=H'1'
         BL    RSCBAD
         BH    RSCD20
         MVI   RRDRAIN,1           the reader: after this deck
         CLI   RRBUSY,0
         BNE   RSCX
         CLI   RRGOT,0
         BNE   RSCX
         MVI   RRDRAIN,2           (idle: at once)
         CPMSG RRDRMSG
         B     RSCX
RSCD20   MVI   RPSTOP,1            the printer: after this file
         MVI   RPDRAIN,1
         ICM   R0,15,RPFILE
         BNZ   RSCX
         MVI   RPDRAIN,2           (idle: at once)
         CPMSG RPDRMSG
         B     RSCX
CMDSPACE ENTER RSCMD
         BAL   R14,RSDEV
         CH    R0,=H'2'            (a reader has no carriage)
         BNE   RSCBAD
         MVI   RPSPACE,1
         B     RSCX
RSCBAD   CPMSG MSG026R,RC=26
RSCX     LEAVE RSCMD
RSCMDR   DS    F
RSCMDB   DS    F
MSG026R  DC    C'DMKCSO026E OPERAND MISSING OR INVALID'
RRSTMSG  DC    C'RDR 00C STARTED'
RPSTMSG  DC    C'PRT 00E STARTED'
RRDRMSG  DC    C'RDR 00C DRAINED'
RPDRMSG  DC    C'PRT 00E DRAINED'
*
*  RSDEV: the next word names the reader (R0 = 1) or the printer (2);
*  R0 = 0 if neither.  Uses R1-R5.
RSDEV    ST    R14,RSDEVR
         BAL   R14,NEXTTOK
         C     R3,=F'8'
         BH    RSDNO
         LTR   R3,R3
         BZ    RSDNO
         MVC   RSWORD,BLANKS
         BCTR  R3,0
         EX    R3,RSDMVC
         LA    R4,RSDTAB
RSD10    CLI   0(R4),X'FF'
         BE    RSDNO
         CLC   RSWORD,1(R4)
         BE    RSD20
         LA    R4,9(R4)
         B     RSD10
RSD20    SR    R0,R0               1 the reader, 2 the printer
         IC    R0,0(R4)
         B     RSD30
RSDNO    SR    R0,R0
RSD30    L     R14,RSDEVR
         BR    R14
RSDMVC   MVC   RSWORD(0),0(R2)
RSDEVR   DS    F
RSWORD   DS    CL8
RSDTAB   DC    AL1(1),CL8'00C',AL1(1),CL8'0C',AL1(1),CL8'C'
         DC    AL1(1),CL8'RDR',AL1(1),CL8'READER'
         DC    AL1(2),CL8'00E',AL1(2),CL8'0E',AL1(2),CL8'E'
         DC    AL1(2),CL8'PRT',AL1(2),CL8'PRINTER',X'FF'
*
*  The reader's and the printer's state.
         DS    0D
RRCCW    DC    X'02',AL3(RRBUF),X'20',X'00',H'80'   read a card, SLI
RPCCW    DC    X'09',AL3(RPBUF),X'20',X'00',H'132'  print a line, SLI
RRFILE   DC    A(0)                the file being read in, or 0
RRCFILE  DS    F
RRCR     DS    F
RRCLR    DS    F
RPFILE   DC    A(0)                the file being printed, or 0
RRBUSY   DC    X'00'               a read is under way
RRGOT    DC    X'00'               a card was read since the last EOF
RRSKIP   DC    X'00'               the deck is dropped, to its end
RRCLS    DS    C
RPBUSY   DC    X'00'               a line is being printed
RPSTOP   DC    X'00'               failed or drained: left alone
RPDRAIN  DC    X'00'               DRAIN: 1 after this file, 2 done
RPSPACE  DC    X'00'               SPACE: this file single-spaced
RRDRAIN  DC    X'00'               DRAIN: 1 after this deck, 2 done
RPPH     DC    X'00'               1 the separator, 2 the file
RPLINE   DC    X'00'               the separator's next line
RPCOPY   DC    X'00'               copies still to print
RRUID    DS    CL8
RRNAME   DS    CL16
RRBUF    DS    CL80
RPBUF    DS    CL132
         LTORG                     the module's literals
