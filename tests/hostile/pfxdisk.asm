***********************************************************************
*  PFXDISK: minidisk I/O with a prefix (SPX), the prefix changed      *
*  while the channel program runs.                                    *
*                                                                     *
*  The attack.  A channel program's CCW, IDAW and data addresses are  *
*  ABSOLUTE: the prefix does not apply to them.  A CP that translates *
*  them as the guest's real addresses takes page 0 for the prefix     *
*  page and the other way round; one that keeps a translation of the  *
*  old prefix writes where the guest no longer looks.  ALICE sets the *
*  prefix to P (X'30000', then the last page of her storage), writes a     *
*  record from absolute page 0 (X'EF8'), reads it back into absolute  *
*  page 0 (X'E00') and, through an IDAW list in absolute page 0, into *
*  the prefix page (absolute P+X'D00'), changing the prefix back and  *
*  forth between SIO and the interruption, and checks every byte      *
*  through real addresses (prefixed) and again with prefix 0.         *
*                                                                     *
*  X'600D': all where the architecture puts it; X'BADn': step n went  *
*  wrong.  ALICE's page 0 above X'C00' is hers to spoil: CMS is not   *
*  resumed.                                                           *
***********************************************************************
         COPY  GUEST
PFXDISK  START X'8000'
         BALR  R12,0
         USING *,R12
         DIAG  R7,0,X'60'          R7 = the size of storage
         S     R7,=F'4096'         its last page
         ST    R7,PFXL
         L     R6,PFXP             P
*  With prefix 0 (real = absolute): the record at absolute X'F00', the
*  IDAW list at absolute X'F80', empty targets, and in both prefix
*  pages a program new PSW that stops (nothing should need it).
         MVC   X'EF8'(8),COUNT     the count and the record: absolute
         MVC   X'F00'(80),DATA       EF8-F4F
         LA    R1,X'D00'(,R6)      IDAW: absolute P+X'D00'
         ST    R1,X'F80'
         XC    X'E00'(80),X'E00'
         XC    X'C00'(80),X'C00'
         XC    X'D00'(80,R6),X'D00'(R6)
         XC    X'E00'(80,R6),X'E00'(R6)
         XC    X'C00'(80,R7),X'C00'(R7)
         MVC   X'68'(8,R6),STOPPSW
         MVC   X'68'(8,R7),STOPPSW
* ---- prefix P: write from absolute page 0 ----------------------------
         SPX   PFXP
         LA    R1,WRITE
         BAL   R14,DOIO
         BAL   R14,OKCSW
         BNZ   FAIL1
* ---- read into absolute page 0 and (IDAW) the prefix page; the prefix
*      flips while it runs, and is P again for the interruption ----
         ST    R6,SAVE6
         LA    R1,READ
         ST    R1,X'48'
         MVC   X'78'(8),DOIONEW
         SIO   X'191'
         BC    7,FAIL2             (not started)
         LA    R3,20
FLIP     SPX   PFX0
         SPX   PFXL
         SPX   PFXP
         BCT   R3,FLIP
         BAL   R14,DOIO20          wait for it (DOIO's second half)
         BAL   R14,OKCSW
         BNZ   FAIL2
* ---- check through real addresses with prefix P -------------------
         L     R6,SAVE6
         CLC   DATA,X'E00'(R6)     real P+E00: absolute E00
         BNE   B1
         CLC   DATA,X'D00'         real D00: absolute P+D00 (IDAW)
         BNE   B2
         CLI   X'E00',0            real E00: absolute P+E00, untouched
         BNE   B3
* ---- the last page as the prefix: read into absolute X'C00' --------
         SPX   PFXL
         LA    R1,READC
         BAL   R14,DOIO
         BAL   R14,OKCSW
         BNZ   FAIL3
         L     R7,PFXL
         CLC   DATA,X'C00'(R7)     real last+C00: absolute C00
         BNE   B4
* ---- and with prefix 0 again, absolute = real ------------------------
         SPX   PFX0
         L     R6,PFXP
         L     R7,PFXL
         CLC   DATA,X'E00'
         BNE   B5
         CLC   DATA,X'C00'
         BNE   B5
         CLC   DATA,X'D00'(R6)
         BNE   B6
         CLI   X'E00'(R6),0
         BNE   B6
         CLI   X'C00'(R7),0
         BNE   B6
         LPSW  GOOD
FAIL1    LPSW  FAIL1PSW
FAIL2    LPSW  FAIL2PSW
FAIL3    LPSW  FAIL3PSW
B1       LPSW  BAD1
B2       LPSW  BAD2
B3       LPSW  BAD3PSW
B4       LPSW  BAD4PSW
B5       LPSW  BAD5PSW
B6       LPSW  BAD6PSW
         COPY  DOIO
FAIL1PSW DC    X'00020000',X'00000E01'
FAIL2PSW DC    X'00020000',X'00000E02'
FAIL3PSW DC    X'00020000',X'00000E03'
BAD3PSW  DC    X'00020000',X'0000BAD3'
BAD4PSW  DC    X'00020000',X'0000BAD4'
BAD5PSW  DC    X'00020000',X'0000BAD5'
BAD6PSW  DC    X'00020000',X'0000BAD6'
STOPPSW  DC    X'00020000',X'00000E0F'
PFX0     DC    A(0)
PFXP     DC    A(X'30000')
PFXL     DS    A                   (the last page)
SAVE6    DS    F
WRITE    CCW   X'07',SEEK,X'40',6          SEEK cylinder 1, head 29
         CCW   X'31',ID0,X'40',5           SEARCH ID EQUAL R0
         CCW   X'08',*-8,0,1
         CCW   X'1D',X'EF8',0,8+80         WRITE CKD R1 from absolute EF8
READ     CCW   X'07',SEEK,X'40',6
         CCW   X'31',ID1,X'40',5           SEARCH ID EQUAL R1
         CCW   X'08',*-8,0,1
         CCW   X'06',X'E00',X'40',80       READ DATA: absolute E00
         CCW   X'07',SEEK,X'40',6
         CCW   X'31',ID1,X'40',5
         CCW   X'08',*-8,0,1
         CCW   X'06',X'F80',X'04',80       READ DATA, IDA: the list at
*                                            absolute F80
READC    CCW   X'07',SEEK,X'40',6
         CCW   X'31',ID1,X'40',5
         CCW   X'08',*-8,0,1
         CCW   X'06',X'C00',0,80           READ DATA: absolute C00
SEEK     DC    X'00000001001D'
ID0      DC    X'0001001D00'
ID1      DC    X'0001001D01'
COUNT    DC    X'0001001D01',X'00',AL2(80)
DATA     DC    CL80'ALICE''S RECORD, WRITTEN AND READ WITH A PREFIX'
         LTORG
         END
