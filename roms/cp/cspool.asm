***********************************************************************
*  CSPOOL: the spooling commands (DMKCSP, DMKCSO, DMKCSQ).            *
*    SPOOL  Reader|PUnch|Printer|vaddr [TO userid|*] [NOHOLD] [CLOSE] *
*    CLOSE  Reader|PUnch|Printer|vaddr                                *
*    PURGE  Reader|RDR [ALL|spoolid]                                  *
*    QUERY  READER|RDR|PUNCH|PUN|PRINTER|PRT|FILES (QSPOOL), and the  *
*           device lines of QUERY VIRTUAL (QVURS)                     *
*  CLOSE on the punch sends its file to the reader of the user SPOOL  *
*  TO named (its own by default), who is told:                        *
*     RDR FILE 0005  FROM ALICE    PUN NOHOLD                         *
*  and the sender sees PUN FILE 0005  TO  BOB      COPY 01 NOHOLD.    *
*  A printer file goes to a reader the same way when the printer is   *
*  spooled TO a user; else it would go to the real printer, which     *
*  this CP does not drive yet: it is discarded (PRT FILE ... FOR).    *
*  CLOSE on the reader purges the file it was reading.                *
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
URA40    CH    R0,URADDR
         BE    URAYES
         LA    R6,URLEN(R6)
         BCT   R1,URA40
         B     URANO
URATYPE  LA    R6,VMURS
         LA    R1,VMNUR
URA50    CLM   R0,1,URTYPE
         BE    URAYES
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
*  CMDSPOOL: SPOOL.                                                   *
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
         LA    R4,=CL8'NOHOLD'
         LA    R5,3
         BAL   R14,KWMATCH
         BE    CSP10
         LA    R4,=CL8'CLOSE'
         LA    R5,3
         BAL   R14,KWMATCH
         BNE   CSPBAD
         BAL   R14,SPCLOSE
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
         L     R4,=A(DIRECTRY)     in the directory?
         L     R5,DIRCOUNT
         LTR   R5,R5
         BZ    CSPBADU
CSP20    CLC   CSPUID,DIRUSER-DIRENTRY(R4)
         BE    CSP40
         LA    R4,DIRLEN(R4)
         BCT   R5,CSP20
         B     CSPBADU
CSP30    MVC   CSPUID,BLANKS
CSP40    MVC   URTO,CSPUID
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
*  CMDCLOSE: CLOSE.                                                   *
***********************************************************************
CMDCLOSE ENTER
         ST    R6,CSPEND           the line's end (R6: the device)
         BAL   R14,URARG
         BNE   CCLBAD
         BAL   R14,SPCLOSE
         LEAVE CMDCLOSE
CCLBAD   CPMSG MSG026C,RC=26
         LEAVE CMDCLOSE
CMDCLOSER DS   F
CMDCLOSEB DS   F
MSG026C  DC    C'DMKCSO026E OPERAND MISSING OR INVALID'
*
***********************************************************************
*  SPCLOSE: close the file on the device R6.  Uses R0-R5, R15.        *
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
SPC15    DS    0H
         MVC   SPCTXT(4),=C'PUN '
         CLI   URTYPE,URTPRT
         BNE   SPC20
         MVC   SPCTXT(4),=C'PRT '
         CLI   URTO,C' '           a printer spooled to nobody:
         BNE   SPC20                 the real printer (not yet)
         MVC   LINEBUF(4),SPCTXT
         MVC   LINEBUF+4(5),=C'FILE '
         LH    R1,SFID
         BAL   R14,SPCMSG1
         MVC   LINEBUF+13(6),=C'  FOR '
         MVC   LINEBUF+19(8),VMUSER
         MVC   LINEBUF+27(15),=C' COPY 01 NOHOLD'
         LA    R2,LINEBUF
         LA    R3,42
         BAL   R14,CPLINE
         L     R1,SPCFILE
         CALL  SPPURGE
         B     SPCLX
*  To a reader: the sender's answer, then the receiver is told.
SPC20    L     R1,SPCFILE
         CALL  SPSEND
         L     R1,SPCFILE
         MVC   LINEBUF(4),SPCTXT
         MVC   LINEBUF+4(5),=C'FILE '
         LH    R1,SFID
         BAL   R14,SPCMSG1
         L     R1,SPCFILE
         MVC   LINEBUF+13(6),=C'  TO  '
         MVC   LINEBUF+19(8),SFDEST
         MVC   LINEBUF+27(15),=C' COPY 01 NOHOLD'
         LA    R2,LINEBUF
         LA    R3,42
         BAL   R14,CPLINE
         L     R1,SPCFILE
         LA    R2,SFDEST
         BAL   R14,FINDUSER
         LTR   R1,R1
         BZ    SPCLX               not logged on: QUERY READER shows it
         ST    R8,SPCR8
         L     R8,VMRDEV-VMBLOK(R1)
         L     R1,SPCFILE
         MVC   LINEBUF(9),=C'RDR FILE '
         LH    R1,SFID
         BAL   R14,SPCMSG1
         L     R1,SPCFILE
         MVC   LINEBUF+13(7),=C'  FROM '
         MVC   LINEBUF+20(8),SFOWNER
         MVI   LINEBUF+28,C' '
         MVC   LINEBUF+29(4),SPCTXT
         MVC   LINEBUF+33(6),=C'NOHOLD'
         DROP  R1
         LA    R2,LINEBUF
         LA    R3,39
         BAL   R14,TLINE
         L     R8,SPCR8
SPCLX    L     R14,SPCLR
         BR    R14
*  The spool id R1 as 4 digits at LINEBUF+9.
SPCMSG1  LA    R2,LINEBUF+9
         LA    R3,4
         B     DECOUT
SPCLR    DS    F
SPCFILE  DS    F
SPCR8    DS    F
SPCTXT   DS    CL4
*
***********************************************************************
*  CMDPURGE: PURGE READER [ALL|spoolid].                              *
***********************************************************************
CMDPURGE ENTER
         ST    R6,CSPEND           the line's end (R6: the device)
         BAL   R14,URARG
         BNE   CPGBAD
         XC    CPGID,CPGID         0: all of them
         BAL   R14,NEXTW
         LTR   R3,R3
         BZ    CPG20
         LA    R4,=CL8'ALL'
         LA    R5,3
         BAL   R14,KWMATCH
         BE    CPG20
         C     R3,=F'4'            a spool id: 1-4 digits
         BH    CPGBAD
         LR    R1,R2
         LR    R0,R3
CPG10    CLI   0(R1),C'0'
         BL    CPGBAD
         CLI   0(R1),C'9'
         BH    CPGBAD
         LA    R1,1(R1)
         BCT   R0,CPG10
         BCTR  R3,0
         EX    R3,CPGPACK
         CVB   R1,CPGDEC
         ST    R1,CPGID
         LTR   R1,R1
         BZ    CPGBAD
CPG20    SR    R5,R5               files purged
         CLI   URTYPE,URTRDR
         BNE   CPG50               (punch, printer: none wait)
         L     R4,=A(SPFTAB)
         LA    R3,SPMAXF
CPG30    CLI   SFSTAT-SFBLOK(R4),SFRDR
         BNE   CPG40
         CLC   SFDEST-SFBLOK(8,R4),VMUSER
         BNE   CPG40
         ICM   R1,15,CPGID
         BZ    CPG35
         CH    R1,SFID-SFBLOK(R4)
         BNE   CPG40
CPG35    C     R4,URFILE           the one the reader is reading?
         BNE   CPG37
         XC    URFILE,URFILE
CPG37    LR    R1,R4
         CALL  SPPURGE
         LA    R5,1(R5)
CPG40    LA    R4,SFLEN(R4)
         BCT   R3,CPG30
CPG50    LTR   R1,R5
         BZ    CPGNONE
         LA    R2,LINEBUF
         LA    R3,4
         BAL   R14,DECOUT
         MVC   LINEBUF+4(13),=C' FILES PURGED'
         LA    R2,LINEBUF
         LA    R3,17
         BAL   R14,CPLINE
         LEAVE CMDPURGE
CPGNONE  CPMSG CPGNOMSG
         LEAVE CMDPURGE
CPGBAD   CPMSG MSG026P,RC=26
         LEAVE CMDPURGE
CPGPACK  PACK  CPGDEC(8),0(0,R2)
CMDPURGER DS   F
CMDPURGEB DS   F
         DS    0D
CPGDEC   DS    D
CPGID    DS    F                   the spool id, or 0: all
CPGNOMSG DC    C'NO FILES PURGED'
MSG026P  DC    C'DMKCSP026E OPERAND MISSING OR INVALID'
*
***********************************************************************
*  QSPOOL: QUERY READER (R0 = 1), PUNCH (2), PRINTER (3), FILES (4).  *
*  Readers list their files in arrival order:                         *
*     OWNERID  FILE CLASS RECDS  CPY HOLD                             *
*     ALICE    0005 A PUN 000012  01 NONE                             *
*  Uses R0-R7, R15.                                                   *
***********************************************************************
QSPOOL   ENTER
         CH    R0,=H'2'
         BE    QSPNOPUN
         CH    R0,=H'3'
         BE    QSPNOPRT
         CH    R0,=H'4'
         BE    QSPFILES
         SR    R7,R7               the last arrival number shown
         MVI   QSPHEAD,0
QSP10    L     R4,=A(SPFTAB)       the next file in arrival order
         LA    R3,SPMAXF
         SR    R6,R6
         USING SFBLOK,R4
QSP20    CLI   SFSTAT,SFRDR
         BNE   QSP30
         CLC   SFDEST,VMUSER
         BNE   QSP30
         C     R7,SFSEQ
         BNL   QSP30
         LTR   R6,R6
         BZ    QSP25
         CLC   SFSEQ,SFSEQ-SFBLOK(R6)
         BNL   QSP30
QSP25    LR    R6,R4
QSP30    LA    R4,SFLEN(R4)
         BCT   R3,QSP20
         LTR   R4,R6
         BZ    QSP90
         L     R7,SFSEQ
         CLI   QSPHEAD,0
         BNE   QSP40
         MVI   QSPHEAD,1
         CPMSG QSPHDR
QSP40    MVC   LINEBUF(36),BLANKS
         MVC   LINEBUF(8),SFOWNER
         LH    R1,SFID
         LA    R2,LINEBUF+9
         LA    R3,4
         BAL   R14,DECOUT
         MVC   LINEBUF+14(5),=C'A PUN'
         CLI   SFTYPE,URTPRT
         BNE   QSP50
         MVC   LINEBUF+16(3),=C'PRT'
QSP50    L     R1,SFRECS
         LA    R2,LINEBUF+20
         LA    R3,6
         BAL   R14,DECOUT
         MVC   LINEBUF+28(7),=C'01 NONE'
         DROP  R4
         LA    R2,LINEBUF
         LA    R3,35
         BAL   R14,CPLINE
         B     QSP10
QSP90    CLI   QSPHEAD,0
         BNE   QSPEXIT
         CPMSG QSPNORDR
         B     QSPEXIT
QSPNOPUN CPMSG QSPNOPN
         B     QSPEXIT
QSPNOPRT CPMSG QSPNOPT
         B     QSPEXIT
*  FILES: FILES: 002 RDR, NO PRT, NO PUN
QSPFILES SR    R1,R1
         L     R4,=A(SPFTAB)
         LA    R3,SPMAXF
QSF10    CLI   SFSTAT-SFBLOK(R4),SFRDR
         BNE   QSF20
         CLC   SFDEST-SFBLOK(8,R4),VMUSER
         BNE   QSF20
         LA    R1,1(R1)
QSF20    LA    R4,SFLEN(R4)
         BCT   R3,QSF10
         MVC   LINEBUF(L'QSFMSG),QSFMSG
         LTR   R1,R1
         BZ    QSF30
         LA    R2,LINEBUF+7
         LA    R3,3
         BAL   R14,DECOUT
QSF30    LA    R2,LINEBUF
         LA    R3,L'QSFMSG
         BAL   R14,CPLINE
QSPEXIT  LEAVE QSPOOL
QSPOOLR  DS    F
QSPOOLB  DS    F
QSPHEAD  DS    X
QSPHDR   DC    C'OWNERID  FILE CLASS RECDS  CPY HOLD'
QSPNORDR DC    C'NO RDR FILES'
QSPNOPN  DC    C'NO PUN FILES'
QSPNOPT  DC    C'NO PRT FILES'
QSFMSG   DC    C'FILES:  NO RDR, NO PRT, NO PUN'
*
***********************************************************************
*  QVURS: QUERY VIRTUAL's lines for the reader, punch and printer:    *
*     RDR 00C CL * NOCONT NOHOLD EOF READY                            *
*     PUN 00D CL A NOCONT NOHOLD COPY 01 READY                        *
*          00D TO BOB      DIST ALICE                                 *
*  Uses R0-R7, R15.                                                   *
***********************************************************************
QVURS    ENTER
         CLC   VMURS+(URADDR-URBLOK)(2),=H'0'  (DETACHed: not there)
         BE    QVURS10
         CPMSG QVRDR
QVURS10  LA    R6,VMURS+URLEN
         BAL   R14,QVUR1
         LA    R6,VMURS+2*URLEN
         BAL   R14,QVUR1
         LEAVE QVURS
QVUR1    ST    R14,QVUR1R
         CLC   URADDR,=H'0'        (DETACHed: not there)
         BE    QVU50
         MVC   LINEBUF(L'QVPUN),QVPUN
         CLI   URTYPE,URTPRT
         BNE   QVU10
         MVC   LINEBUF(3),=C'PRT'
         MVI   LINEBUF+6,C'E'
QVU10    LA    R2,LINEBUF
         LA    R3,L'QVPUN
         BAL   R14,CPLINE
         MVC   LINEBUF(L'QVFOR),QVFOR
         MVC   LINEBUF+5(3),=C'00D'
         CLI   URTYPE,URTPRT
         BNE   QVU20
         MVI   LINEBUF+7,C'E'
QVU20    MVC   LINEBUF+13(8),VMUSER
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
QVU50    L     R14,QVUR1R
         BR    R14
QVURSR   DS    F
QVURSB   DS    F
QVUR1R   DS    F
QVRDR    DC    C'RDR 00C CL * NOCONT NOHOLD EOF READY'
QVPUN    DC    C'PUN 00D CL A NOCONT NOHOLD COPY 01 READY'
QVFOR    DC    C'     00D FOR xxxxxxxx DIST xxxxxxxx'
         DROP  R6,R11
         LTORG                     the module's literals
