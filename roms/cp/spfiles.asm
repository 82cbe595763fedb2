***********************************************************************
*  SPFILES: the commands on a user's spool files (DMKCSU, DMKCSQ).    *
*    QUERY    Reader|Printer|PUnch [ALL], QUERY FILES                 *
*    PURGE    Reader|Printer|PUnch [spoolid|CLass c|ALL]              *
*    TRANSFER [Reader] spoolid|CLass c|ALL [TO] userid                *
*    ORDER    [Reader] spoolid [spoolid ...]                          *
*    CHANGE   Reader|Printer|PUnch spoolid|CLass c|ALL                *
*             [CLass c] [COpy nn] [HOld|NOHold] [NAme fn [ft]]        *
*                                                                     *
*  A user's queues: the reader holds the files whose SFDEST is the    *
*  user (SFRDR), in arrival order (SFSEQ); the printer queue the      *
*  files the user closed for the real printer (SFPRTQ) that it has    *
*  not begun to print; punch files go to readers at once, so the      *
*  punch queue is always empty.  A command picks files of one queue   *
*  with a selection: a spool id, CLASS c, or ALL.                     *
*                                                                     *
*  Answers (VM/370's where known, the rest inferred, see README):     *
*     0002 FILES PURGED         NO FILES PURGED                       *
*     0001 FILES CHANGED        NO FILES CHANGED                      *
*     0001 FILES TRANSFERRED    NO FILES TRANSFERRED                  *
*  and the receiver of a TRANSFER is told as for a CLOSE:             *
*     RDR FILE 0005  FROM ALICE    RDR NOHOLD                         *
*  ORDER answers nothing; a spool id not in the reader gives          *
*  DMKCSU042E SPOOLID nnnn NONEXISTENT.                               *
*                                                                     *
*  SPACLASS and SPANUM serve SPOOL (DMKCSP) too.                      *
***********************************************************************
DMKCSU   CSECT
         USING DMKCSU,R13          the module's base (ENTER sets it)
         USING VMBLOK,R11
*
***********************************************************************
*  SPACLASS: is the word at R2 (R3 = its length) a spool class: one   *
*  letter or digit?  Out: CC 0 if it is.  Uses R1.                    *
***********************************************************************
SPACLASS ENTER
         CH    R3,=H'1'
         BNE   SPCNO
         CLI   0(R2),C'A'          A-I, J-R, S-Z, 0-9 (EBCDIC has gaps)
         BL    SPCNO
         CLI   0(R2),C'I'
         BNH   SPCYES
         CLI   0(R2),C'J'
         BL    SPCNO
         CLI   0(R2),C'R'
         BNH   SPCYES
         CLI   0(R2),C'S'
         BL    SPCNO
         CLI   0(R2),C'Z'
         BNH   SPCYES
         CLI   0(R2),C'0'
         BL    SPCNO
SPCYES   CR    R2,R2
         LEAVE SPACLASS
SPCNO    LEAVE SPACLASS,CC=NZ
SPACLASSR DS   F
SPACLASSB DS   F
*
***********************************************************************
*  SPANUM: the word at R2 (R3 = its length, 1-4) as a decimal number. *
*  Out: R1 = it, CC 0; CC not 0 if it is not 1-4 digits.  Uses R0.    *
***********************************************************************
SPANUM   ENTER
         LTR   R3,R3
         BZ    SUMNO
         C     R3,=F'4'
         BH    SUMNO
         LR    R1,R2
         LR    R0,R3
SUM10    CLI   0(R1),C'0'
         BL    SUMNO
         CLI   0(R1),C'9'
         BH    SUMNO
         LA    R1,1(R1)
         BCT   R0,SUM10
         LR    R1,R3
         BCTR  R1,0
         EX    R1,SUMPACK
         CVB   R1,SUMDEC
         CR    R1,R1
         LEAVE SPANUM
SUMNO    LEAVE SPANUM,CC=NZ
SUMPACK  PACK  SUMDEC(8),0(0,R2)
SPANUMR  DS    F
SPANUMB  DS    F
         DS    0D
SUMDEC   DS    D
*
***********************************************************************
*  QTYPE: the next word names a queue: Reader|RDR, PUnch|PUN|PCH,     *
*  Printer|PRT.  Out: SELQ = URTRDR, URTPUN or URTPRT, CC 0; CC not 0 *
*  if it names none.  Uses R1-R5.                                     *
***********************************************************************
QTYPE    ST    R14,QTYPER
         BAL   R14,NEXTTOK
         MVI   SELQ,URTRDR
         LA    R4,=CL8'READER'
         LA    R5,1
         BAL   R14,KWMATCH
         BE    QTYYES
         LA    R4,=CL8'RDR'
         LA    R5,3
         BAL   R14,KWMATCH
         BE    QTYYES
         MVI   SELQ,URTPUN
         LA    R4,=CL8'PUNCH'
         LA    R5,2
         BAL   R14,KWMATCH
         BE    QTYYES
         LA    R4,=CL8'PUN'
         LA    R5,3
         BAL   R14,KWMATCH
         BE    QTYYES
         LA    R4,=CL8'PCH'
         LA    R5,3
         BAL   R14,KWMATCH
         BE    QTYYES
         MVI   SELQ,URTPRT
         LA    R4,=CL8'PRINTER'
         LA    R5,1
         BAL   R14,KWMATCH
         BE    QTYYES
         LA    R4,=CL8'PRT'
         LA    R5,3
         BAL   R14,KWMATCH
QTYYES   L     R14,QTYPER          (CC from KWMATCH)
         BR    R14
QTYPER   DS    F
*
***********************************************************************
*  SELPARSE: the next words select files: a spool id (SELK 1, SELID), *
*  CLASS c (SELK 2, SELCL) or ALL (SELK 0).  Out: CC 0; CC not 0 if   *
*  they do not (R2, R3: the word).  Uses R0-R5.                       *
***********************************************************************
SELPARSE ST    R14,SELPR
         BAL   R14,NEXTTOK
         MVI   SELK,0
         LA    R4,=CL8'ALL'
         LA    R5,3
         BAL   R14,KWMATCH
         BE    SELP90
         MVI   SELK,2
         LA    R4,=CL8'CLASS'
         LA    R5,2
         BAL   R14,KWMATCH
         BNE   SELP20
         BAL   R14,NEXTTOK
         BAL   R14,SPACLASS
         BNE   SELP90
         MVC   SELCL,0(R2)
         B     SELP90
SELP20   MVI   SELK,1
         BAL   R14,SPANUM
         BNE   SELP90
         STH   R1,SELID
         LTR   R1,R1
         BZ    SELP80              (0 is no spool id)
         CR    R1,R1               CC 0
         B     SELP90
SELP80   LTR   R14,R14             CC not 0
SELP90   L     R14,SELPR
         BR    R14
SELPR    DS    F
*
***********************************************************************
*  SELMINE: is the file R4 in the user's queue SELQ?                  *
*  SELMATCH: ... and is it one the selection picks?                   *
*  Out: CC 0 if so.  Uses nothing.                                    *
***********************************************************************
         USING SFBLOK,R4
SELMATCH ST    R14,SELMR
         BAL   R14,SELMINE
         BNE   SELM90
         CLI   SELK,1
         BE    SELM10
         BH    SELM20
         CR    R4,R4               ALL: every one
         B     SELM90
SELM20   CLC   SFCLASS,SELCL       CLASS c
         B     SELM90
SELM10   CLC   SFID,SELID          a spool id
SELM90   L     R14,SELMR
         BR    R14
SELMR    DS    F
*
SELMINE  CLC   SFDEST,VMUSER       (CC not 0 if not)
         BNER  R14
         CLI   SELQ,URTRDR
         BNE   SELMN10
         CLI   SFSTAT,SFRDR
         BR    R14
SELMN10  CLI   SELQ,URTPRT
         BNER  R14                 (a punch has no queue)
         CLI   SFSTAT,SFPRTQ
         BR    R14
         DROP  R4
*
***********************************************************************
*  SELNEXT: the next file of the user's queue SELQ in arrival order,  *
*  after the one with arrival number SELSEQ (0: the first).           *
*  Out: R4 -> it and SELSEQ its number, CC 0; CC not 0 if no more.    *
*  Uses R3-R5.                                                        *
***********************************************************************
SELNEXT  ST    R14,SELNR
         L     R4,=A(SPFTAB)
         LA    R3,SPMAXF
         SR    R5,R5               the best so far
         USING SFBLOK,R4
SELN10   BAL   R14,SELMINE
         BNE   SELN30
         CLC   SFSEQ,SELSEQ
         BNH   SELN30
         LTR   R5,R5
         BZ    SELN20
         CLC   SFSEQ,SFSEQ-SFBLOK(R5)
         BNL   SELN30
SELN20   LR    R5,R4
SELN30   LA    R4,SFLEN(R4)
         BCT   R3,SELN10
         DROP  R4
         LTR   R4,R5
         BZ    SELN90
         MVC   SELSEQ,SFSEQ-SFBLOK(R4)
         CR    R4,R4
         L     R14,SELNR
         BR    R14
SELN90   L     R14,SELNR
         LTR   R14,R14
         BR    R14
SELNR    DS    F
*
***********************************************************************
*  COUNTMSG: "nnnn FILES xxx" (R1 files, R2 -> the verb, R3 = its     *
*  length), or "NO FILES xxx".  Uses R0-R5, R15.                      *
***********************************************************************
COUNTMSG ST    R14,CNTMR
         MVC   LINEBUF(11),=C'NNNN FILES '
         BCTR  R3,0
         EX    R3,CNTMVC
         LA    R3,12(R3)           the line's length
         ST    R3,CNTLEN
         LTR   R1,R1
         BNZ   CNT10
         MVC   LINEBUF(11),=C'NO FILES   '
         MVC   LINEBUF+9(100),LINEBUF+11
         SH    R3,=H'2'
         ST    R3,CNTLEN
         B     CNT20
CNT10    LA    R2,LINEBUF
         LA    R3,4
         BAL   R14,DECOUT
CNT20    LA    R2,LINEBUF
         L     R3,CNTLEN
         BAL   R14,CPLINE
         L     R14,CNTMR
         BR    R14
CNTMVC   MVC   LINEBUF+11(0),0(R2)
CNTMR    DS    F
CNTLEN   DS    F
*
***********************************************************************
*  CMDPURGE: PURGE Reader|Printer|PUnch [spoolid|CLASS c|ALL].        *
***********************************************************************
CMDPURGE ENTER
         BAL   R14,QTYPE
         BNE   CPGBAD
         MVI   SELK,0              nothing more: ALL
         LR    R0,R7
         BAL   R14,NEXTTOK
         LTR   R3,R3
         BZ    CPG10
         LR    R7,R0               (read it again)
         BAL   R14,SELPARSE
         BNE   CPGBAD
CPG10    SR    R7,R7               files purged
         L     R4,=A(SPFTAB)
         LA    R6,SPMAXF
CPG20    BAL   R14,SELMATCH
         BNE   CPG40
         LA    R1,VMURS            the one the reader is reading?
         C     R4,URFILE-URBLOK(R1)
         BNE   CPG30
         XC    URFILE-URBLOK(4,R1),URFILE-URBLOK(R1)
CPG30    LR    R1,R4
         CALL  SPPURGE
         LA    R7,1(R7)
CPG40    LA    R4,SFLEN(R4)
         BCT   R6,CPG20
         LR    R1,R7
         LA    R2,=C'PURGED'
         LA    R3,6
         BAL   R14,COUNTMSG
         LEAVE CMDPURGE
CPGBAD   CPMSG MSG026U,RC=26
         LEAVE CMDPURGE
CMDPURGER DS   F
CMDPURGEB DS   F
MSG026U  DC    C'DMKCSU026E OPERAND MISSING OR INVALID'
MSG020U  DC    C'DMKCSU020E USERID MISSING OR INVALID'
*
***********************************************************************
*  CMDTRANS: TRANSFER [Reader] spoolid|CLASS c|ALL [TO] userid: the   *
*  files go to the end of that user's reader, who is told.            *
***********************************************************************
CMDTRANS ENTER
         MVI   SELQ,URTRDR
         LR    R0,R7               READER may be said, or not
         BAL   R14,QTYPE
         BNE   TRF05
         CLI   SELQ,URTRDR
         BNE   TRFBAD
         B     TRF08
TRF05    LR    R7,R0
         MVI   SELQ,URTRDR
TRF08    BAL   R14,SELPARSE
         BNE   TRFBAD
         BAL   R14,NEXTTOK         [TO] userid
         LA    R4,=CL8'TO'
         LA    R5,2
         BAL   R14,KWMATCH
         BNE   TRF10
         BAL   R14,NEXTTOK
TRF10    LTR   R3,R3
         BZ    TRFBADU
         C     R3,=F'8'
         BH    TRFBADU
         MVC   TRFUID,BLANKS
         BCTR  R3,0
         EX    R3,TRFMVC
         CLC   TRFUID,=CL8'*'
         BNE   TRF15
         MVC   TRFUID,VMUSER
TRF15    L     R4,=A(DIRECTRY)     in the directory?
         L     R5,DIRCOUNT
         LTR   R5,R5
         BZ    TRFBADU
TRF20    CLC   TRFUID,DIRUSER-DIRENTRY(R4)
         BE    TRF30
         LA    R4,DIRLEN(R4)
         BCT   R5,TRF20
         B     TRFBADU
*  Every file selected, in its arrival order.
TRF30    SR    R7,R7               files transferred
         XC    SELSEQ,SELSEQ
         L     R1,=A(SPSEQ)        the arrival numbers before this
         MVC   TRFLAST,0(R1)         command's (those after are the
*                                    files it moved)
TRF40    BAL   R14,SELNEXT
         BNE   TRF90
         CLC   SFSEQ-SFBLOK(4,R4),TRFLAST  one it moved itself: done
         BH    TRF90
         BAL   R14,SELMATCH
         BNE   TRF40
         LA    R1,VMURS            the one the reader is reading?
         C     R4,URFILE-URBLOK(R1)
         BNE   TRF50
         XC    URFILE-URBLOK(4,R1),URFILE-URBLOK(R1)
TRF50    XC    SFRNEXT-SFBLOK(4,R4),SFRNEXT-SFBLOK(R4)  (read from
         XC    SFRFRM-SFBLOK(4,R4),SFRFRM-SFBLOK(R4)     the start)
         MVC   SFDEST-SFBLOK(8,R4),TRFUID
         BAL   R14,NEWSEQ          the end of that reader
         LA    R7,1(R7)
         LR    R1,R4
         LA    R2,VMUSER           RDR FILE ... FROM ALICE    RDR
         LA    R3,=C'RDR'
         CALL  SPARRIVE
         B     TRF40
TRF90    CALL  SPSAVE              (kept with --data)
         LR    R1,R7
         LA    R2,=C'TRANSFERRED'
         LA    R3,11
         BAL   R14,COUNTMSG
         LEAVE CMDTRANS
TRFBAD   CPMSG MSG026U,RC=26
         LEAVE CMDTRANS
TRFBADU  CPMSG MSG020U,RC=20
         LEAVE CMDTRANS
TRFMVC   MVC   TRFUID(0),0(R2)
CMDTRANSR DS   F
CMDTRANSB DS   F
TRFUID   DS    CL8
TRFLAST  DS    F
*
***********************************************************************
*  NEWSEQ: the file R4 goes to the end of its reader: the next        *
*  arrival number (VSPOOL's SPSEQ).  Uses R0, R1.                     *
***********************************************************************
NEWSEQ   L     R1,=A(SPSEQ)
         L     R0,0(R1)
         AH    R0,=H'1'
         ST    R0,0(R1)
         ST    R0,SFSEQ-SFBLOK(R4)
         BR    R14
*
***********************************************************************
*  CMDORDER: ORDER [Reader] spoolid ...: those files first in the     *
*  reader, in that order; the others after them, as they were.        *
***********************************************************************
CMDORDER ENTER
         MVI   SELQ,URTRDR
         MVI   SELK,1
         LR    R0,R7               READER may be said, or not
         BAL   R14,QTYPE
         BNE   COR05
         CLI   SELQ,URTRDR
         BNE   CORBAD
         B     COR08
COR05    LR    R7,R0
         MVI   SELQ,URTRDR
COR08    L     R1,=A(SPSEQ)        arrival numbers before the command
         MVC   CORBASE,0(R1)
         SR    R0,R0
         ST    R0,CORN
         ST    R0,CORW
COR10    BAL   R14,NEXTTOK         the next spool id
         LTR   R3,R3
         BZ    COR40
         ST    R3,CORW
         BAL   R14,SPANUM
         BNE   CORBAD
         STH   R1,SELID
         L     R4,=A(SPFTAB)
         LA    R5,SPMAXF
COR20    BAL   R14,SELMATCH
         BE    COR30
         LA    R4,SFLEN(R4)
         BCT   R5,COR20
         MVC   LINEBUF(L'MSG042U),MSG042U   not in the reader
         LH    R1,SELID
         LA    R2,LINEBUF+19
         LA    R3,4
         BAL   R14,DECOUT
         LA    R2,LINEBUF
         LA    R3,L'MSG042U
         LA    R0,42
         BAL   R14,CPERR
         B     COR10
COR30    CLC   SFSEQ-SFBLOK(4,R4),CORBASE  named twice: once is enough
         BH    COR10
         BAL   R14,NEWSEQ
         L     R0,CORN
         AH    R0,=H'1'
         ST    R0,CORN
         B     COR10
*  The files not named, oldest first, go after them.
COR40    ICM   R0,15,CORW
         BZ    CORBAD              no spool id at all
COR50    XC    SELSEQ,SELSEQ
         BAL   R14,SELNEXT
         BNE   COREXIT
         CLC   SFSEQ-SFBLOK(4,R4),CORBASE
         BH    COR60               only the moved ones are left
         BAL   R14,NEWSEQ
         B     COR50
COR60    CALL  SPSAVE              (kept with --data)
         B     COREXIT
CORBAD   CPMSG MSG026U,RC=26
COREXIT  LEAVE CMDORDER
CMDORDERR DS   F
CMDORDERB DS   F
CORBASE  DS    F
CORN     DS    F                   files ordered
CORW     DS    F                   a spool id was given
MSG042U  DC    C'DMKCSU042E SPOOLID nnnn NONEXISTENT'
*
***********************************************************************
*  CMDCHANG: CHANGE Reader|Printer|PUnch spoolid|CLASS c|ALL options: *
*  CLass c, COpy nn, HOld|NOHold, NAme fn [ft].                       *
***********************************************************************
CMDCHANG ENTER
         BAL   R14,QTYPE
         BNE   CCHBAD
         BAL   R14,SELPARSE
         BNE   CCHBAD
         XC    CCHSET,CCHSET       what to change: nothing yet
CCH10    BAL   R14,NEXTTOK
         LTR   R3,R3
         BZ    CCH50
         LA    R4,=CL8'CLASS'
         LA    R5,2
         BAL   R14,KWMATCH
         BE    CCHCL
         LA    R4,=CL8'COPY'
         LA    R5,2
         BAL   R14,KWMATCH
         BE    CCHCOPY
         LA    R4,=CL8'NOHOLD'
         LA    R5,3
         BAL   R14,KWMATCH
         BE    CCHNOH
         LA    R4,=CL8'HOLD'
         LA    R5,2
         BAL   R14,KWMATCH
         BE    CCHHOLD
         LA    R4,=CL8'NAME'
         LA    R5,2
         BAL   R14,KWMATCH
         BNE   CCHBAD
         MVC   CCHNAME,BLANKS      NAME fn [ft]
         BAL   R14,NEXTTOK
         LTR   R3,R3
         BZ    CCHBAD
         C     R3,=F'8'
         BH    CCHBAD
         BCTR  R3,0
         EX    R3,CCHMVFN
         OI    CCHSET,X'01'
         BAL   R14,NEXTTOK         and the type
         LTR   R3,R3
         BZ    CCHBAD
         C     R3,=F'8'
         BH    CCHBAD
         BCTR  R3,0
         EX    R3,CCHMVFT
         B     CCH10
CCHCL    BAL   R14,NEXTTOK
         BAL   R14,SPACLASS
         BNE   CCHBAD
         MVC   CCHCLASS,0(R2)
         OI    CCHSET,X'80'
         B     CCH10
CCHCOPY  BAL   R14,NEXTTOK
         C     R3,=F'2'
         BH    CCHBAD
         BAL   R14,SPANUM
         BNE   CCHBAD
         LTR   R1,R1
         BZ    CCHBAD
         STC   R1,CCHCOPYN
         OI    CCHSET,X'40'
         B     CCH10
CCHHOLD  OI    CCHSET,X'20'
         NI    CCHSET,X'FF'-X'10'
         B     CCH10
CCHNOH   OI    CCHSET,X'10'
         NI    CCHSET,X'FF'-X'20'
         B     CCH10
*  Change every file selected.
CCH50    CLI   CCHSET,0
         BE    CCHBAD              nothing to change
         SR    R7,R7
         L     R4,=A(SPFTAB)
         LA    R6,SPMAXF
         USING SFBLOK,R4
CCH60    BAL   R14,SELMATCH
         BNE   CCH80
         LA    R7,1(R7)
         TM    CCHSET,X'80'
         BZ    CCH62
         MVC   SFCLASS,CCHCLASS
CCH62    TM    CCHSET,X'40'
         BZ    CCH64
         MVC   SFCOPY,CCHCOPYN
CCH64    TM    CCHSET,X'20'
         BZ    CCH66
         OI    SFFLAG,SFHOLD
CCH66    TM    CCHSET,X'10'
         BZ    CCH68
         NI    SFFLAG,X'FF'-SFHOLD
CCH68    TM    CCHSET,X'01'
         BZ    CCH80
         MVC   SFNAME(16),CCHNAME
CCH80    LA    R4,SFLEN(R4)
         BCT   R6,CCH60
         DROP  R4
         CALL  SPSAVE              (kept with --data)
         LR    R1,R7
         LA    R2,=C'CHANGED'
         LA    R3,7
         BAL   R14,COUNTMSG
         CLI   SELQ,URTPRT         printer files released: print them
         BNE   CCHEXIT
         CALL  RSPKICK
         B     CCHEXIT
CCHBAD   CPMSG MSG026U,RC=26
CCHEXIT  LEAVE CMDCHANG
CCHMVFN  MVC   CCHNAME(0),0(R2)
CCHMVFT  MVC   CCHNAME+8(0),0(R2)
CMDCHANGR DS   F
CMDCHANGB DS   F
CCHSET   DS    X                   80 class, 40 copy, 20 hold,
*                                  10 nohold, 01 name
CCHCLASS DS    C
CCHCOPYN DS    X
CCHNAME  DS    CL16
*
***********************************************************************
*  QSPOOL: QUERY READER (R0 = 1), PUNCH (2), PRINTER (3), FILES (4),  *
*  with ALL after them for the date, time, name, type and dist too.   *
*  Files in arrival order:                                            *
*     OWNERID  FILE CLASS RECDS  CPY HOLD                             *
*     ALICE    0005 A PUN 000012  01 NONE                             *
*  In: R6, R7 the rest of the line (QUERY's).  Uses R0-R7, R15.       *
***********************************************************************
QSPOOL   ENTER
         CH    R0,=H'4'
         BE    QSPFILES
         STC   R0,SELQ
         MVI   QSPALL,0
         BAL   R14,NEXTTOK
         LA    R4,=CL8'ALL'
         LA    R5,3
         BAL   R14,KWMATCH
         BNE   QSP05
         MVI   QSPALL,1
QSP05    XC    SELSEQ,SELSEQ
         MVI   QSPHEAD,0
QSP10    BAL   R14,SELNEXT
         BNE   QSP90
         CLI   QSPHEAD,0
         BNE   QSP20
         MVI   QSPHEAD,1
         LA    R2,QSPHDR
         LA    R3,35
         CLI   QSPALL,0
         BE    QSP15
         LA    R3,L'QSPHDR
QSP15    ST    R4,QSPFILE
         BAL   R14,CPLINE
         L     R4,QSPFILE
         USING SFBLOK,R4
QSP20    MVC   LINEBUF(80),BLANKS
         MVC   LINEBUF(8),SFOWNER
         TM    SFFLAG,SFSYS
         BZ    QSP22
         MVC   LINEBUF(8),=CL8'SYSTEM'
QSP22    LH    R1,SFID
         LA    R2,LINEBUF+9
         LA    R3,4
         BAL   R14,DECOUT
         MVC   LINEBUF+14(1),SFCLASS
         MVC   LINEBUF+16(3),=C'PUN'
         CLI   SFTYPE,URTPRT
         BNE   QSP30
         MVC   LINEBUF+16(3),=C'PRT'
QSP30    L     R1,SFRECS
         LA    R2,LINEBUF+20
         LA    R3,6
         BAL   R14,DECOUT
         SR    R1,R1
         IC    R1,SFCOPY
         LA    R2,LINEBUF+28
         LA    R3,2
         BAL   R14,DECOUT
         MVC   LINEBUF+31(4),=C'NONE'
         TM    SFFLAG,SFHOLD
         BZ    QSP40
         MVC   LINEBUF+31(4),=C'USER'
QSP40    LA    R3,35
         CLI   QSPALL,0
         BE    QSP80
*  ALL: mm/dd hh:mm closed, name, type, dist (the owner).
         MVC   LINEBUF+49(8),SFNAME
         MVC   LINEBUF+59(8),SFFTYPE
         MVC   LINEBUF+69(8),SFOWNER
         MVC   TODNOW,SFTOD
         ST    R4,QSPFILE
         BAL   R14,TODFMT
         L     R4,QSPFILE
         MVC   LINEBUF+37(5),TFDATE
         MVC   LINEBUF+43(5),TFTIME
         LA    R3,77
QSP50    LA    R1,LINEBUF-1(R3)    no trailing blanks
         CLI   0(R1),C' '
         BNE   QSP80
         BCT   R3,QSP50
QSP80    LA    R2,LINEBUF
         BAL   R14,CPLINE
         B     QSP10
         DROP  R4
QSP90    CLI   QSPHEAD,0
         BNE   QSPEXIT
         MVC   LINEBUF(12),=C'NO RDR FILES'
         CLI   SELQ,URTRDR
         BE    QSP95
         MVC   LINEBUF+3(3),=C'PUN'
         CLI   SELQ,URTPUN
         BE    QSP95
         MVC   LINEBUF+3(3),=C'PRT'
QSP95    LA    R2,LINEBUF
         LA    R3,12
         BAL   R14,CPLINE
         B     QSPEXIT
*  FILES: FILES: 002 RDR, NO PRT, NO PUN
QSPFILES MVI   SELQ,URTRDR
         BAL   R14,QSPCOUNT
         ST    R1,QSPNRDR
         MVI   SELQ,URTPRT
         BAL   R14,QSPCOUNT
         ST    R1,QSPNPRT
         MVC   LINEBUF(L'QSFMSG),QSFMSG
         L     R1,QSPNRDR
         LTR   R1,R1
         BZ    QSF30
         LA    R2,LINEBUF+7
         LA    R3,3
         BAL   R14,DECOUT
QSF30    LA    R3,L'QSFMSG
         L     R1,QSPNPRT
         LTR   R1,R1
         BZ    QSF40
         MVC   LINEBUF+16(15),=C'000 PRT, NO PUN'
         LA    R2,LINEBUF+16
         LA    R3,3
         BAL   R14,DECOUT
         LA    R3,L'QSFMSG+1
QSF40    LA    R2,LINEBUF
         BAL   R14,CPLINE
QSPEXIT  LEAVE QSPOOL
*  QSPCOUNT: R1 = the files in the user's queue SELQ.  Uses R3-R5.
QSPCOUNT ST    R14,QSPCR
         SR    R1,R1
         L     R4,=A(SPFTAB)
         LA    R3,SPMAXF
QSPC10   BAL   R14,SELMINE
         BNE   QSPC20
         LA    R1,1(R1)
QSPC20   LA    R4,SFLEN(R4)
         BCT   R3,QSPC10
         L     R14,QSPCR
         BR    R14
QSPOOLR  DS    F
QSPOOLB  DS    F
QSPCR    DS    F
QSPFILE  DS    F
QSPNRDR  DS    F
QSPNPRT  DS    F
QSPHEAD  DS    X
QSPALL   DS    X
QSPHDR   DC    C'OWNERID  FILE CLASS RECDS  CPY HOLD  DATE  TIME  NAME      TYPE      DIST'
QSFMSG   DC    C'FILES:  NO RDR, NO PRT, NO PUN'
*
***********************************************************************
*  SELQ ... : the selection the command works on.                     *
***********************************************************************
SELQ     DS    X                   the queue: URTRDR, URTPUN, URTPRT
SELK     DS    X                   0 ALL, 1 a spool id, 2 CLASS c
SELCL    DS    C                   the class
         DS    X
SELID    DS    H                   the spool id
         DS    H
SELSEQ   DS    F                   SELNEXT: the last arrival number
         DROP  R11
         LTORG                     the module's literals
