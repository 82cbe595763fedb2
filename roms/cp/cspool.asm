***********************************************************************
*  CSPOOL: the spooling commands on a device (DMKCSP, DMKCSO).        *
*    SPOOL  Reader|PUnch|Printer|vaddr options:                       *
*             CLass c (a reader: c or *)   CONt|NOCont   HOld|NOHold  *
*             COpy nn   TO|FOR userid|*|SYSTEM   OFF   CLOSE          *
*    CLOSE  Reader|PUnch|Printer|vaddr [HOld|NOHold] [NAME fn [ft]]   *
*    QUERY VIRTUAL's lines for the three devices (QVURS)              *
*  The commands on the files themselves (QUERY READER, PURGE,         *
*  TRANSFER, ORDER, CHANGE) are SPFILES's (DMKCSU).                   *
*                                                                     *
*  CLOSE on the punch sends its file to the reader of the user SPOOL  *
*  TO named (its own by default), who is told:                        *
*     RDR FILE 0005  FROM ALICE    PUN NOHOLD                         *
*  and the sender sees PUN FILE 0005  TO  BOB      COPY 01 NOHOLD.    *
*  A printer file goes to a reader the same way when the printer is   *
*  spooled TO a user; else it waits for the real printer (PRT FILE    *
*  ... FOR ALICE ...), which RSPOOL (DMKRSP) prints.  A file closed   *
*  HOLD waits, held, until CHANGE ... NOHOLD releases it.  CLOSE on   *
*  the reader purges the file it was reading.                         *
***********************************************************************
DMKCSP   CSECT
         USING DMKCSP,R13          the module's base (ENTER sets it)
         USING VMBLOK,R11
         USING URBLOK,R6
*
***********************************************************************
*  URARG: the next word names one of the user's unit-record devices.  *
*  Out: R6 -> its URBLOK, CC 0; CC not 0 if it names none.            *
*  Uses R0-R5, R15.                                                   *
***********************************************************************
URARG    ST    R14,URARGR
         BAL   R14,NEXTW
         LTR   R3,R3
         BZ    URANO
         LA    R0,URTRDR
         LA    R4,=CL8'READER'
         LA    R5,1
         BAL   R14,KWMATCH
         BE    URATYPE
         LA    R4,=CL8'RDR'
         LA    R5,3
         BAL   R14,KWMATCH
         BE    URATYPE
         LA    R0,URTPUN
         LA    R4,=CL8'PUNCH'
         LA    R5,2
         BAL   R14,KWMATCH
         BE    URATYPE
         LA    R4,=CL8'PCH'
         LA    R5,3
         BAL   R14,KWMATCH
         BE    URATYPE
         LA    R0,URTPRT
         LA    R4,=CL8'PRINTER'
         LA    R5,1
         BAL   R14,KWMATCH
         BE    URATYPE
         LA    R4,=CL8'PRT'
         LA    R5,3
         BAL   R14,KWMATCH
         BE    URATYPE
*  A device address: 1-4 hexadecimal digits.
         C     R3,=F'4'
         BH    URANO
         SR    R0,R0
URA10    IC    R1,0(R2)
         N     R1,=F'255'
         CLI   0(R2),C'0'
         BL    URA20
         S     R1,=F'240'          '0'-'9' (X'F0'-X'F9')
         B     URA30
URA20    CLI   0(R2),C'A'
         BL    URANO
         CLI   0(R2),C'F'
         BH    URANO
         S     R1,=F'183'          'A'-'F' (X'C1'-X'C6') - 10
URA30    SLL   R0,4
         AR    R0,R1
         LA    R2,1(R2)
         BCT   R3,URA10
         LA    R6,VMURS
         LA    R1,VMNUR
         LTR   R0,R0               (address 0: no device's)
         BZ    URANO
URA40    CH    R0,URADDR
         BE    URAYES
         LA    R6,URLEN(R6)
         BCT   R1,URA40
         B     URANO
URATYPE  LA    R6,VMURS
         LA    R1,VMNUR
URA50    CLM   R0,1,URTYPE
         BNE   URA55
         CLC   URADDR,=H'0'        (none, or DETACHed: not there)
         BNE   URAYES
URA55    DS    0H
         LA    R6,URLEN(R6)
         BCT   R1,URA50
URANO    L     R14,URARGR
         LTR   R14,R14
         BR    R14
URAYES   L     R14,URARGR
         CR    R14,R14
         BR    R14
URARGR   DS    F
*
*  NEXTW: NEXTTOK with the line's end from CSPEND (R6 kept).
NEXTW    ST    R14,NEXTWR
         ST    R6,NEXTW6
         L     R6,CSPEND
         BAL   R14,NEXTTOK
         L     R6,NEXTW6
         L     R14,NEXTWR
         BR    R14
NEXTWR   DS    F
NEXTW6   DS    F
CSPEND   DS    F
*
***********************************************************************
*  CMDSPOOL: SPOOL.  Each option in turn; the first one that is not   *
*  an option stops it with DMKCSP026E (those before it hold).         *
***********************************************************************
CMDSPOOL ENTER
         ST    R6,CSPEND           the line's end (R6: the device)
         BAL   R14,URARG
         BNE   CSPBAD
CSP10    BAL   R14,NEXTW
         LTR   R3,R3
         BZ    CSPEXIT
         LA    R4,=CL8'TO'
         LA    R5,2
         BAL   R14,KWMATCH
         BE    CSPTO
         LA    R4,=CL8'FOR'
         LA    R5,3
         BAL   R14,KWMATCH
         BE    CSPTO
         LA    R4,=CL8'CLASS'
         LA    R5,2
         BAL   R14,KWMATCH
         BE    CSPCL
         LA    R4,=CL8'NOHOLD'
         LA    R5,3
         BAL   R14,KWMATCH
         BE    CSPNOH
         LA    R4,=CL8'HOLD'
         LA    R5,2
         BAL   R14,KWMATCH
         BE    CSPHOLD
         LA    R4,=CL8'NOCONT'
         LA    R5,3
         BAL   R14,KWMATCH
         BE    CSPNOC
         LA    R4,=CL8'CONT'
         LA    R5,3
         BAL   R14,KWMATCH
         BE    CSPCONT
         LA    R4,=CL8'COPY'
         LA    R5,2
         BAL   R14,KWMATCH
         BE    CSPCOPY
         LA    R4,=CL8'OFF'
         LA    R5,3
         BAL   R14,KWMATCH
         BE    CSPOFF
         LA    R4,=CL8'CLOSE'
         LA    R5,3
         BAL   R14,KWMATCH
         BNE   CSPBAD
         BAL   R14,SPCLOSE
         B     CSP10
*  CLASS c: a letter or digit; a reader also takes * (every class).
CSPCL    BAL   R14,NEXTW
         CH    R3,=H'1'
         BNE   CSPBAD
         CLI   0(R2),C'*'
         BNE   CSPCL10
         CLI   URTYPE,URTRDR
         BNE   CSPBAD
         B     CSPCL20
CSPCL10  CALL  SPACLASS            (SPFILES's: a class letter?)
         BNE   CSPBAD
CSPCL20  MVC   URCLASS,0(R2)
         B     CSP10
CSPHOLD  OI    URFLAG,URFHOLD
         B     CSP10
CSPNOH   NI    URFLAG,X'FF'-URFHOLD
         B     CSP10
CSPCONT  OI    URFLAG,URFCONT
         B     CSP10
CSPNOC   NI    URFLAG,X'FF'-URFCONT
         B     CSP10
*  COPY nn: 1-99 copies of each file the real printer prints.
CSPCOPY  BAL   R14,NEXTW
         C     R3,=F'2'
         BH    CSPBAD
         CALL  SPANUM              (SPFILES's: R1 = the number)
         BNE   CSPBAD
         LTR   R1,R1
         BZ    CSPBAD
         STC   R1,URCOPY
         B     CSP10
*  OFF, TO SYSTEM: the files go where they go by default again.
CSPOFF   MVC   URTO,BLANKS
         B     CSP10
CSPTO    CLI   URTYPE,URTRDR       (a reader is spooled to nobody)
         BE    CSPBAD
         BAL   R14,NEXTW
         LTR   R3,R3
         BZ    CSPBADU
         C     R3,=F'8'
         BH    CSPBADU
         MVC   CSPUID,BLANKS
         BCTR  R3,0
         EX    R3,CSPMVC
         CLC   CSPUID,=CL8'*'      yourself
         BE    CSP30
         CLC   CSPUID,=CL8'SYSTEM' the default again
         BE    CSPOFF
         CLC   CSPUID,=CL8'OFF'
         BE    CSPOFF
         L     R4,=A(DIRECTRY)     in the directory?
         L     R5,DIRCOUNT
         LTR   R5,R5
         BZ    CSPBADU
CSP20    CLC   CSPUID,DIRUSER-DIRENTRY(R4)
         BE    CSP40
         LA    R4,DIRLEN(R4)
         BCT   R5,CSP20
         B     CSPBADU
CSP30    MVC   CSPUID,VMUSER
CSP40    MVC   URTO,CSPUID
*  A punch spooled to nobody goes to its own reader: TO itself is the
*  same.  A printer TO itself is not: its files go to its reader.
         CLI   URTYPE,URTPUN
         BNE   CSP10
         CLC   URTO,VMUSER
         BNE   CSP10
         MVC   URTO,BLANKS
         B     CSP10
CSPBAD   CPMSG MSG026S,RC=26
         B     CSPEXIT
CSPBADU  CPMSG MSG020S,RC=20
CSPEXIT  LEAVE CMDSPOOL
CSPMVC   MVC   CSPUID(0),0(R2)
CMDSPOOLR DS   F
CMDSPOOLB DS   F
CSPUID   DS    CL8
MSG026S  DC    C'DMKCSP026E OPERAND MISSING OR INVALID'
MSG020S  DC    C'DMKCSP020E USERID MISSING OR INVALID'
*
***********************************************************************
*  CMDCLOSE: CLOSE vaddr [HOLD|NOHOLD] [NAME fn [ft]].                *
***********************************************************************
CMDCLOSE ENTER
         ST    R6,CSPEND           the line's end (R6: the device)
         BAL   R14,URARG
         BNE   CCLNODEV            (R6 is no URBLOK then)
         MVI   SPCHOLD,0           the device's HOLD, unless told
CCL10    BAL   R14,NEXTW
         LTR   R3,R3
         BZ    CCL90
         LA    R4,=CL8'NOHOLD'
         LA    R5,3
         BAL   R14,KWMATCH
         BE    CCLNOH
         LA    R4,=CL8'HOLD'
         LA    R5,2
         BAL   R14,KWMATCH
         BE    CCLHOLD
         LA    R4,=CL8'NAME'
         LA    R5,2
         BAL   R14,KWMATCH
         BNE   CCLBAD
         MVC   URNAME,BLANKS       NAME fn [ft]: 1-8 characters each
         BAL   R14,NEXTW
         LTR   R3,R3
         BZ    CCLBAD
         C     R3,=F'8'
         BH    CCLBAD
         BCTR  R3,0
         EX    R3,CCLMVFN
         BAL   R14,NEXTW
         LTR   R3,R3
         BZ    CCL90
         C     R3,=F'8'
         BH    CCLBAD
         BCTR  R3,0
         EX    R3,CCLMVFT
         B     CCL10
CCLHOLD  MVI   SPCHOLD,1
         B     CCL10
CCLNOH   MVI   SPCHOLD,2
         B     CCL10
CCL90    BAL   R14,SPCLOSE
         MVI   SPCHOLD,0
         LEAVE CMDCLOSE
CCLBAD   MVC   URNAME,BLANKS
CCLNODEV CPMSG MSG026C,RC=26
         LEAVE CMDCLOSE
CCLMVFN  MVC   URNAME(0),0(R2)
CCLMVFT  MVC   URNAME+8(0),0(R2)
CMDCLOSER DS   F
CMDCLOSEB DS   F
MSG026C  DC    C'DMKCSO026E OPERAND MISSING OR INVALID'
*
***********************************************************************
*  SPCLOSE: close the file on the device R6.  Held when SPCHOLD is 1, *
*  or 0 and the device is spooled HOLD.  Uses R0-R5, R15.             *
***********************************************************************
SPCLOSE  ST    R14,SPCLR
         ICM   R1,15,URFILE
         BZ    SPCLX               nothing open
         XC    URFILE,URFILE
         CLI   URTYPE,URTRDR
         BNE   SPC10
         CALL  SPPURGE             a reader: the file is gone
         B     SPCLX
SPC10    ST    R1,SPCFILE
         USING SFBLOK,R1
         OC    SFRECS,SFRECS       nothing in it (a write that failed)?
         BNZ   SPC15
         CALL  SPPURGE             then there is nothing to send
         B     SPCLX
SPC15    MVC   SFNAME(16),URNAME   CLOSE ... NAME
         MVC   URNAME,BLANKS
         CLI   SPCHOLD,1
         BE    SPC16
         CLI   SPCHOLD,2
         BE    SPC17
         TM    URFLAG,URFHOLD
         BZ    SPC17
SPC16    OI    SFFLAG,SFHOLD
SPC17    MVC   SPCHTXT,=CL6'NOHOLD'
         TM    SFFLAG,SFHOLD
         BZ    SPC18
         MVC   SPCHTXT,=CL6'HOLD'
SPC18    MVC   SPCTXT(4),=C'PUN '
         CLI   URTYPE,URTPRT
         BNE   SPC20
         MVC   SPCTXT(4),=C'PRT '
         CLI   URTO,C' '           a printer spooled to nobody:
         BNE   SPC20                 the real printer's queue
         CALL  SPSEND                (its time, its spool id kept)
         L     R1,SPCFILE
         MVI   SFSTAT,SFPRTQ
         CALL  SPSAVE              (kept so with --data)
         L     R1,SPCFILE
         MVC   LINEBUF(4),SPCTXT
         MVC   LINEBUF+13(6),=C'  FOR '
         BAL   R14,SPCMSG
         CALL  RSPKICK             the printer prints it if it can
         B     SPCLX
*  To a reader: the sender's answer, then the receiver is told.
SPC20    L     R1,SPCFILE
         CALL  SPSEND
         L     R1,SPCFILE
         MVC   LINEBUF(4),SPCTXT
         MVC   LINEBUF+13(6),=C'  TO  '
         BAL   R14,SPCMSG
         L     R1,SPCFILE
         LA    R2,VMUSER           RDR FILE ... FROM ALICE    PUN
         LA    R3,SPCTXT
         CALL  SPARRIVE
         DROP  R1
SPCLX    L     R14,SPCLR
         BR    R14
*  SPCMSG: "xxx FILE nnnn  TO  userid   COPY nn HOLD|NOHOLD" for the
*  file at R1 (the first 4 and the TO/FOR at LINEBUF+13 set).
SPCMSG   ST    R14,SPCMR
         USING SFBLOK,R1
         MVC   LINEBUF+19(8),SFDEST
         SR    R0,R0
         IC    R0,SFCOPY
         ST    R0,SPCCOPY
         MVC   LINEBUF+4(5),=C'FILE '
         LH    R1,SFID
         DROP  R1
         LA    R2,LINEBUF+9
         LA    R3,4
         BAL   R14,DECOUT
         MVC   LINEBUF+27(6),=C' COPY '
         L     R1,SPCCOPY
         LA    R2,LINEBUF+33
         LA    R3,2
         BAL   R14,DECOUT
         MVI   LINEBUF+35,C' '
         MVC   LINEBUF+36(6),SPCHTXT
         LA    R2,LINEBUF
         LA    R3,42
         CLI   SPCHTXT+4,C' '
         BNE   SPCM10
         LA    R3,40
SPCM10   BAL   R14,CPLINE
         L     R14,SPCMR
         BR    R14
SPCLR    DS    F
SPCMR    DS    F
SPCFILE  DS    F
SPCCOPY  DS    F
SPCTXT   DS    CL4
SPCHTXT  DS    CL6
SPCHOLD  DC    X'00'               CLOSE's HOLD (1) or NOHOLD (2)
*
***********************************************************************
*  QVURS: QUERY VIRTUAL's lines for the reader, punch and printer:    *
*     RDR 00C CL * NOCONT NOHOLD EOF READY                            *
*     PUN 00D CL A NOCONT NOHOLD COPY 01 READY                        *
*          00D TO  BOB      DIST ALICE                                *
*  Uses R0-R7, R15.                                                   *
***********************************************************************
QVURS    ENTER
         LA    R6,VMURS
         LA    R7,VMNUR
QVU05    BAL   R14,QVUR1
         LA    R6,URLEN(R6)
         BCT   R7,QVU05
         LEAVE QVURS
*  QVUR1: the lines of the device R6.
QVUR1    ST    R14,QVUR1R
         CLC   URADDR,=H'0'        (DETACHed: not there)
         BE    QVU90
         MVC   LINEBUF(L'QVPUN),QVPUN
         MVC   LINEBUF+11(1),URCLASS
         TM    URFLAG,URFCONT
         BZ    QVU02
         MVC   LINEBUF+13(6),=C'CONT  '
QVU02    TM    URFLAG,URFHOLD
         BZ    QVU04
         MVC   LINEBUF+20(6),=C'HOLD  '
QVU04    LH    R0,URADDR           its address (00C, 01C ...)
         LA    R2,LINEBUF+4
         LA    R3,3
         BAL   R14,HEXOUT
         LA    R3,L'QVPUN
         CLI   URTYPE,URTRDR
         BNE   QVU06
         MVC   LINEBUF(3),=C'RDR'
         MVC   LINEBUF+27(9),=C'EOF READY'
         LA    R3,36
         B     QVU10
QVU06    SR    R1,R1
         IC    R1,URCOPY
         LA    R2,LINEBUF+32
         ST    R3,QVULEN
         LA    R3,2
         BAL   R14,DECOUT
         L     R3,QVULEN
         CLI   URTYPE,URTPRT
         BNE   QVU10
         MVC   LINEBUF(3),=C'PRT'
QVU10    LA    R2,LINEBUF
         BAL   R14,CPLINE
         CLI   URTYPE,URTRDR       a reader: that is all
         BE    QVU90
         MVC   LINEBUF(L'QVFOR),QVFOR
         LH    R0,URADDR
         LA    R2,LINEBUF+5
         LA    R3,3
         BAL   R14,HEXOUT
         MVC   LINEBUF+13(8),VMUSER
         MVC   LINEBUF+27(8),VMUSER
         CLI   URTO,C' '
         BE    QVU30
         MVC   LINEBUF+9(4),=C'TO  '
         MVC   LINEBUF+13(8),URTO
QVU30    LA    R3,L'QVFOR
QVU35    LA    R1,LINEBUF-1(R3)    no trailing blanks
         CLI   0(R1),C' '
         BNE   QVU40
         BCT   R3,QVU35
QVU40    LA    R2,LINEBUF
         BAL   R14,CPLINE
QVU90    L     R14,QVUR1R
         BR    R14
QVURSR   DS    F
QVURSB   DS    F
QVUR1R   DS    F
QVULEN   DS    F
QVPUN    DC    C'PUN 00D CL A NOCONT NOHOLD COPY 01 READY'
QVFOR    DC    C'     00D FOR xxxxxxxx DIST xxxxxxxx'
         DROP  R6,R11
         LTORG                     the module's literals
