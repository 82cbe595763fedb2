***********************************************************************
*  CCW: channel-program translation for minidisks (DMKCCW, DMKUNT).   *
*                                                                     *
*  A guest's channel program speaks guest real addresses and the      *
*  cylinders of its own minidisk.  The real channel wants real        *
*  addresses and real cylinders.  So CP copies the program into RCW,  *
*  a real channel program, CCW by CCW:                                *
*   - data addresses become lists of real addresses (IDAWs, one per   *
*     2K of data, the "indirect data address" flag X'04'), because    *
*     guest pages that follow each other need not be in frames that   *
*     do;                                                             *
*   - SEEK and SEARCH ID arguments are copied and their cylinder is   *
*     moved by the minidisk's first cylinder.  A cylinder beyond the  *
*     minidisk becomes X'FFFF', which no disk has, so the real device *
*     itself answers with a seek check: a guest can never reach       *
*     anyone else's cylinders;                                        *
*   - TIC points into the copy.  A TIC back to a CCW already copied   *
*     (the search loop) closes the loop; after a search, the CCW      *
*     following the TIC is copied too, since a successful search      *
*     skips the TIC (status modifier).                                *
*  RCWGADR remembers each copied CCW's guest address, so the CSW of   *
*  the real program can be turned back into the guest's (UNTRANS).    *
***********************************************************************
RCWMAX   EQU   32                  CCWs in one channel program
IDAWMAX  EQU   5                   IDAWs per CCW: 8K of data
*
***********************************************************************
*  CCWTRANS: translate the guest channel program at VDCCWA.           *
*  In: R11 = VMBLOK.  Out: CC 0 and RCW ready; or CC not 0 and VDCSW  *
*  holds the program check to present.  Uses R0-R8, R15.              *
***********************************************************************
CCWTRANS ST    R14,CCWTR
         USING VMBLOK,R11
         SR    R8,R8               CCWs copied so far
         L     R7,VDCCWA           the guest CCW to copy next
CT10     C     R8,=A(RCWMAX)       too long a program
         BNL   CTPCHK
         LR    R2,R7               fetch it (on a doubleword)
         LR    R0,R7
         N     R0,=F'7'
         BNZ   CTPCHK
         LR    R3,R8
         SLL   R3,3
         L     R15,=A(RCW)
         AR    R3,R15
         ST    R3,CTRCW            -> its copy
         LA    R4,8
         BAL   R14,GCOPYIN
         BNZ   CTPCHK
         LR    R1,R8               remember where it came from
         SLL   R1,2
         L     R15,=A(RCWGADR)
         ST    R7,0(R1,R15)
         L     R6,CTRCW
         IC    R0,0(R6)            TIC?
         N     R0,=F'15'
         CH    R0,=H'8'
         BE    CTTIC
         SR    R4,R4               count
         ICM   R4,3,6(R6)
         BZ    CTPCHK
         CLI   0(R6),X'07'         SEEK, SEEK CYLINDER, SEEK HEAD
         BE    CTSEEK
         CLI   0(R6),X'0B'
         BE    CTSEEK
         CLI   0(R6),X'1B'
         BE    CTSEEK
         IC    R0,0(R6)            SEARCH ID (equal, high, high or
         N     R0,=F'127'            equal; multitrack bit off)
         CH    R0,=H'49'           X'31'
         BE    CTSRCH
         CH    R0,=H'81'           X'51'
         BE    CTSRCH
         CH    R0,=H'113'          X'71'
         BE    CTSRCH
         CLI   0(R6),X'03'         NO-OP: no data
         BE    CT80
         CLI   0(R6),X'1D'         WRITE COUNT, KEY AND DATA
         BE    CTWCKD
*  Everything else moves data: make an IDAW list for it.
         L     R2,0(R6)            the guest data address
         N     R2,=X'00FFFFFF'
         BAL   R14,CTIDA
         BNZ   CTPCHK
         B     CT80
*
*  WRITE CKD: the count field it writes names the record's cylinder,
*  which must be the real one, or no SEARCH ID would ever find the
*  record again.  So the first 8 bytes come from a relocated copy, and
*  the key and data follow by data chaining from the guest's storage.
CTWCKD   C     R4,=F'8'
         BL    CTPCHK
         LA    R5,8
         SR    R15,R15             CC HH R KL DL: the cylinder first
         ST    R4,CTCOUNT
         BAL   R14,CTARGS          copy and relocate the count field
         BNZ   CTPCHK
         L     R4,CTCOUNT
         SH    R4,=H'8'            key and data length
         BZ    CT80                (none: the count alone)
         MVC   CTFLAGS,4(R6)       the original flags go to the last
         MVI   4(R6),X'80'           piece; the first chains data
         MVC   6(2,R6),=H'8'
         LA    R8,1(R8)            a second CCW for the rest
         C     R8,=A(RCWMAX)
         BNL   CTPCHK
         LR    R1,R8               (from the same guest CCW)
         SLL   R1,2
         L     R15,=A(RCWGADR)
         ST    R7,0(R1,R15)
         LA    R6,8(R6)
         ST    R6,CTRCW
         MVC   0(8,R6),=X'1D00000000000000'
         MVC   4(1,R6),CTFLAGS
         STH   R4,6(R6)
         L     R2,CTGDATA          guest data address + 8
         LA    R2,8(R2)
         BAL   R14,CTIDA
         BNZ   CTPCHK
         B     CT80
*
***********************************************************************
*  CTIDA: point the CCW copy at R6 at an IDAW list for R4 bytes of    *
*  guest storage from guest address R2, and set its IDA flag.         *
*  In: R8 = the CCW's index.  Out: CC 0, or not 0 if the data lies    *
*  beyond the machine's storage.  Uses R0-R5, R15.                    *
***********************************************************************
CTIDA    ENTER
         C     R4,=F'8192'
         BH    CTIDAX
         ST    R2,CTDATA
         AR    R4,R2               its end
         ST    R4,CTEND
         LR    R5,R8               -> this CCW's IDAWs
         MH    R5,=AL2(IDAWMAX*4)
         L     R15,=A(IDAWS)
         AR    R5,R15
         STCM  R5,7,1(R6)          the CCW points at them ...
         OI    4(R6),X'04'         ... with the IDA flag
CTIDA10  L     R2,CTDATA           real address of this piece
         BAL   R14,GTRANS
         BNZ   CTIDAX
         ST    R2,0(R5)
         LA    R5,4(R5)
         L     R2,CTDATA           the next 2K boundary
         O     R2,=X'000007FF'
         LA    R2,1(R2)
         ST    R2,CTDATA
         C     R2,CTEND
         BL    CTIDA10
         L     R14,CTIDAR
         SR    R15,R15
         BR    R14
CTIDAX   L     R14,CTIDAR
         LTR   R14,R14
         BR    R14
CTIDAR   DS    F
CTCOUNT  DS    F
CTGDATA  DS    A
CTFLAGS  DS    X
*
*  SEEK: copy BBCCHH, move the cylinder.
CTSEEK   LA    R5,6
         LA    R15,2               the cylinder is at offset 2
         B     CTARG
*  SEARCH ID: copy CCHHR, move the cylinder.
CTSRCH   LA    R5,5
         SR    R15,R15             the cylinder is at offset 0
CTARG    BAL   R14,CTARGS
         BNZ   CTPCHK
         B     CT80
*
***********************************************************************
*  CTARGS: copy the R5-byte argument of the CCW copy at R6 out of     *
*  guest storage, move the cylinder at offset R15 onto the minidisk,  *
*  and point the CCW at the copy.  Out: CC 0, or not 0 if the data    *
*  lies beyond the machine.  Uses R0-R5, R15.                         *
***********************************************************************
CTARGS   ENTER
         ST    R15,CTCYLO
         L     R2,0(R6)            the argument in guest storage
         N     R2,=X'00FFFFFF'
         ST    R2,CTGDATA
         LR    R3,R8               -> its copy
         SLL   R3,3
         L     R15,=A(RCWARGS)
         AR    R3,R15
         ST    R3,CTARGA
         LR    R4,R5
         BAL   R14,GCOPYIN
         BNZ   CTARGSX
         L     R3,CTARGA
         A     R3,CTCYLO
         SR    R0,R0
         ICM   R0,3,0(R3)          the guest's cylinder
         CH    R0,VDCYLS           on the minidisk?
         BL    CTARG10
         L     R0,=F'65535'        no: a cylinder no disk has
         B     CTARG20
CTARG10  AH    R0,VDRELN           yes: where it really is
CTARG20  STCM  R0,3,0(R3)
         L     R3,CTARGA           the CCW points at the copy
         STCM  R3,7,1(R6)
         L     R14,CTARGSR
         SR    R15,R15
         BR    R14
CTARGSX  L     R14,CTARGSR
         LTR   R14,R14
         BR    R14
CTARGSR  DS    F
*
*  TIC: into the copy.
CTTIC    L     R2,0(R6)            the target
         N     R2,=X'00FFFFFF'
         LR    R0,R2
         N     R0,=F'7'
         BNZ   CTPCHK
         SR    R1,R1               copied already?
         L     R15,=A(RCWGADR)
CTT10    CR    R1,R8
         BNL   CTT20
         LR    R3,R1
         SLL   R3,2
         C     R2,0(R3,R15)
         BE    CTT30
         LA    R1,1(R1)
         B     CTT10
CTT20    LA    R3,8(R6)            no: it will be the next copy
         STCM  R3,7,1(R6)
         LR    R7,R2               and copying goes on there
         LA    R8,1(R8)
         B     CT10
CTT30    SLL   R1,3                yes: point at that copy
         L     R3,=A(RCW)
         AR    R3,R1
         STCM  R3,7,1(R6)
         LA    R8,1(R8)            go on after the TIC only if a
         CH    R8,=H'2'              search before it can skip it
         BL    CTDONE
         SH    R6,=H'8'
         IC    R0,0(R6)
         N     R0,=F'127'          (multitrack or not)
         LA    R1,SEARCHES
CTT35    CLI   0(R1),X'FF'
         BE    CTDONE
         CLM   R0,1,0(R1)
         BE    CTT40
         LA    R1,1(R1)
         B     CTT35
CTT40    LA    R7,8(R7)
         B     CT10
*  The search commands: ID equal, high, high or equal; key equal,
*  high, high or equal; home address.
SEARCHES DC    X'31517129496939',X'FF'
*
*  Next CCW: chained (command or data)?  Else done.
CT80     LA    R8,1(R8)
         TM    4(R6),X'C0'
         BZ    CTDONE
         LA    R7,8(R7)
         B     CT10
CTDONE   ST    R8,RCWCOUNT
         SR    R15,R15
         L     R14,CCWTR
         BR    R14
*  A program check: the CSW says so, at the guest CCW at fault.
CTPCHK   LA    R2,8(R7)
         ST    R2,VDCSW
         MVC   VDCSW(1),VDKEY
         MVC   VDCSW+4(2),=X'0C20' CE DE, program check
         XC    VDCSW+6(2),VDCSW+6
         L     R14,CCWTR
         LTR   R14,R14
         BR    R14
CCWTR    DS    F
CTRCW    DS    A
CTDATA   DS    A
CTEND    DS    A
CTCYLO   DS    F
CTARGA   DS    A
RCWCOUNT DS    F
*
***********************************************************************
*  UNTRANS: the real CSW (SYNCCSW) as the guest's (VDCSW): the CCW    *
*  address goes back to the guest CCW's, the key to the CAW's.        *
*  In: R11 = VMBLOK.  Uses R0-R2, R15.                                *
***********************************************************************
UNTRANS  MVC   VDCSW,SYNCCSW
         L     R1,SYNCCSW          real CCW address + 8
         N     R1,=X'00FFFFFF'
         SH    R1,=H'8'
         S     R1,=A(RCW)          -> which copy
         BM    UNT20
         SRL   R1,3
         C     R1,RCWCOUNT
         BNL   UNT20
         SLL   R1,2
         L     R15,=A(RCWGADR)
         L     R2,0(R1,R15)
         LA    R2,8(R2)
         ST    R2,VDCSW
UNT20    MVC   VDCSW(1),VDKEY
         BR    R14
         DROP  R11
