*  PREFIX -- the prefix register (BC mode): SPX and STPX; real addresses
*  prefixed (real page 0 and the prefix page exchanged) for the program's
*  own loads, the old and new PSWs of SVC, program, external and I/O
*  interruptions and the CSW and CAW; channel programs at absolute
*  addresses (a CCW in absolute page 0 while prefixed, a TIC into the
*  prefix page, SENSE data into both); the prefix changed back and forth
*  while the console writes; the machine's last page as the prefix; a
*  prefix beyond the storage (addressing, nothing changes); bits 20-31
*  ignored; an operand off a word (specification).  The program ends with
*  prefix 0, so the real addresses of the dumps are absolute ones.
*
*  The program runs at X'1000'-X'2FFF', outside every page it prefixes.
*  Prefix A is X'3000', B X'1FF000' (the last page of 2M).  Each holds
*  the new PSWs (copied while the prefix is 0) and a marker at X'100'.
*
*  SVCH and PGMH record the old PSW at R10 and return with LPSW of it;
*  EXTH records the external old PSW and returns likewise; IOH records
*  the I/O old PSW and the CSW and resumes at R11, disabled.  The ILC of
*  an I/O or external old PSW is unpredictable in BC mode: masked.
*  Condition codes are stored as words.
*
*  DUMP 2000.100
*  DUMP A00.10
*  DUMP 3A00.10
*  DUMP 3040.10
*  DUMP 1FF040.10
PREFIX   START 0
         DC    X'0000000000001000'   restart PSW: BC mode, disabled, key 0
         ORG   PREFIX+X'58'
NEWPSWS  DC    X'00000000',A(EXTH)   external new PSW
         DC    X'00000000',A(SVCH)   SVC new PSW
         DC    X'00000000',A(PGMH)   program new PSW
         DC    X'0002000000000070'   machine check: stop
         DC    X'00000000',A(IOH)    I/O new PSW
*  Absolute page 0: a CCW chain (a SENSE into absolute X'A00', a write
*  of a text here, a TIC into prefix page A), the text, and a marker.
         ORG   PREFIX+X'100'
         DC    C'ABS0'
         ORG   PREFIX+X'E00'
TEXT0    DC    C'PAGE 0'
         ORG   PREFIX+X'F00'
CHAIN0   CCW   X'04',X'A00',X'40',1  sense into absolute X'A00' (CC)
         CCW   X'09',TEXT0,X'40',6   write from absolute page 0 (CC)
         CCW   X'08',X'3F00',0,1     TIC to absolute X'3F00'
*
         ORG   PREFIX+X'1000'
BEGIN    BALR  12,0
         USING *,12
         LA    10,RESULTS
         LCTL  0,0,=X'00002000'      external call only (no timer)
* ---- the prefix pages made ready while the prefix is 0 ----------------------
         L     2,=A(X'3000')         page A: the new PSWs, a marker, the CCW
         MVC   X'58'(40,2),X'58'     at absolute X'3F00' (the TIC's)
         MVC   X'100'(4,2),=C'PFXA'
         MVC   X'F00'(8,2),CCWA
         MVI   X'A00'(2),X'EE'       absolute X'3A00', X'3A01': not yet
         MVI   X'A01'(2),X'EE'         sensed
         MVI   X'A00',X'FF'          absolute X'A00'
         L     2,=A(X'1FF000')       page B: the new PSWs, a marker
         MVC   X'58'(40,2),X'58'
         MVC   X'100'(4,2),=C'PFXB'
* ---- SPX A: real 0 is absolute A and the other way round ---------------------
         SPX   =A(X'3000')
         STPX  0(10)                  00003000
         L     1,X'100'              PFXA
         ST    1,4(,10)
         L     4,=A(X'3000')
         L     1,X'100'(,4)          real X'3100': ABS0
         ST    1,8(,10)
         LA    10,12(,10)
* ---- interruptions with prefix A --------------------------------------------
         SVC   7                     old PSW at real X'20' (absolute X'3020')
         DR    1,2                   specification: program old PSW
         SR    3,3
         SIGP  2,3,X'02'             external call to this CPU
         BAL   14,CC
         SSM   =X'01'                taken here: code X'1202'
         SSM   =X'00'
* ---- I/O with prefix A: the CAW at real X'48', the chain at absolute F00 --
         MVC   X'48'(4),=A(CHAIN0)   (absolute X'3048')
         SIO   X'009'
         BAL   14,CC
         LA    11,IO1
         LPSW  IOWAIT
IO1      MVC   0(2,10),X'A00'        real X'A00': absolute X'3A00' (sensed)
         MVC   2(2,10),X'A00'(4)     real X'3A00': absolute X'A00' (sensed)
         LA    10,4(,10)
* ---- the prefix changed back and forth while the console writes ---------
         MVC   X'48'(4),=A(CHAINL)
         SIO   X'009'
         BAL   14,CC
         LA    3,50
FLIP     SPX   =A(X'1FF000')
         SPX   =A(X'3000')
         SPX   =A(0)
         BCT   3,FLIP
         SPX   =A(X'1FF000')         the last page; the CSW goes there
         LA    11,IO2
         LPSW  IOWAIT
IO2      STPX  0(10)                  001FF000
         L     1,X'100'              PFXB
         ST    1,4(,10)
         LA    10,8(,10)
* ---- beyond the storage, bits 20-31, an operand off a word -----------------
         SPX   =A(X'200000')         addressing: nothing changes
         STPX  0(10)                  001FF000 still
         LA    10,4(,10)
         SPX   =X'00003FFF'          X'3000'
         STPX  0(10)
         LA    10,4(,10)
         SPX   ODDW+2                specification
         STPX  0(10)                  00003000 still
         L     1,X'100'              PFXA
         ST    1,4(,10)
         LA    10,8(,10)
* ---- back to 0 ----------------------------------------------------------
         SPX   =A(0)
         STPX  0(10)
         L     1,X'100'              ABS0
         ST    1,4(,10)
         LA    10,8(,10)
         LPSW  DONE
*
*  SVCH, PGMH, EXTH: record the old PSW at R10 and go back to it.
SVCH     MVC   0(8,10),X'20'
         LA    10,8(,10)
         LPSW  X'20'
PGMH     MVC   0(8,10),X'28'
         LA    10,8(,10)
         LPSW  X'28'
EXTH     MVC   0(8,10),X'18'
         NI    4(10),X'3F'           (the ILC of an external old PSW too)
         LA    10,8(,10)
         LPSW  X'18'
*  IOH: record the I/O old PSW and the CSW; resume at R11.
IOH      MVC   0(8,10),X'38'
         NI    4(10),X'3F'           the ILC of an I/O old PSW is unpredictable
         MVC   8(8,10),X'40'
         LA    10,16(,10)
         BR    11
*  CC: store the condition code (from the BAL link information) at R10.
CC       LR    15,14
         SRL   15,28
         N     15,=F'3'
         ST    15,0(,10)
         LA    10,4(,10)
         BR    14
*
         DS    0D
DONE     DC    X'000200000000C0DE'   disabled wait
IOWAIT   DC    X'80020000',A(X'F00') enabled for channel 0, wait
CCWA     CCW   X'04',X'3A01',0,1     (at absolute X'3F00') sense into
*                                      absolute X'3A01'
CHAINL   CCW   X'09',LINE,0,L'LINE   a long line
LINE     DC    C'THE PREFIX CHANGES WHILE THIS LINE IS WRITTEN'
ODDW     DC    F'0'
         LTORG
         ORG   PREFIX+X'2000'
RESULTS  DS    32D
         END
