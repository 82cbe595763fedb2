***********************************************************************
*  PAGING: real storage shared by more virtual storage than it holds  *
*  (DMKPTR and DMKPAG in miniature; issue 12, "Paging").              *
*                                                                     *
*  Every real frame CP may give a virtual machine has an entry in the *
*  FRAME TABLE (FTE, one per 4K of real storage, at PGFTAB): whose    *
*  page it holds (FTVM, FTPAGE; FTVM 0: not a guest's page - CP's,    *
*  free, or a machine's DAT tables), and how many running channel     *
*  programs point into it (FTLOCK).  Each machine has a PAGE RECORD   *
*  per page of its storage (PGREC, 4 bytes, in the frame VMPGTAB      *
*  points to): the paging slot that holds the page when it is not in  *
*  real storage, its storage keys while it is out, and the reference  *
*  and change bits the guest has been shown but CP's sampling took    *
*  away from the real key.                                            *
*                                                                     *
*  A page fault (GTRANS, for the guest's own instructions and for CP  *
*  alike) gets a frame: a free one (FRAMEGET), or one STOLEN from     *
*  whoever holds it.  The thief is a CLOCK: a hand goes round the     *
*  frame table; a page whose frame was referenced since the hand      *
*  last passed loses its reference bits (RRB, remembered for the      *
*  guest) and keeps its frame; the first one not referenced is taken. *
*  A frame a channel program points into (locked: FTLOCK) is never    *
*  taken: a guest's translated disk program holds real addresses      *
*  until it ends (CCW locks each frame as it builds an IDAW for it,   *
*  IOREQ unlocks them when the program is over).  A page that was     *
*  changed since it was last written, or was never written, goes to   *
*  its PAGING SLOT first: a 4K record on CP's paging device (PAGDEV,  *
*  a 3350 sysgen gives CP alone, CPPAGE; its page area PAGCYL on,     *
*  PAGCYLS cylinders, NSSRPT records a track).  Then its page-table   *
*  entry is made invalid, the TLB purged, and the machine's shadow    *
*  tables forgotten (vat.asm's VATPURGE).  When the page is touched   *
*  again it is read back from its slot and its keys put back (the     *
*  reference and change bits 0 in the real key: the guest's are in    *
*  the page record, and ISK/RRB OR them in).  A guest's own fault     *
*  waits for the read in PAGE WAIT (VMSPGWT) while the others run:    *
*  the read ends as an I/O interruption (PGWAIT, PGIOINT); CP's own   *
*  faults (CCW translation, copying) and every page-out are           *
*  synchronous (PGSLOTIO).                                            *
*                                                                     *
*  A module: its own CSECT, R13 its base (ENTER).  R9, R10 and R12    *
*  are the core's bases and are never used here.                      *
***********************************************************************
DMKPAG   CSECT
         USING DMKPAG,R13          the module's base (ENTER sets it)
         USING VMBLOK,R11
*
***********************************************************************
*  PGINIT: build the frame table and the slot map (FRMINIT calls it   *
*  once the free frames are chained, lowest first).  They take the    *
*  first free frames, which follow each other.  Uses R0-R8.           *
***********************************************************************
PGINIT   ENTER
         L     R3,REALSIZE         frames in real storage
         SRL   R3,12
         ST    R3,PGNFRM
         SLL   R3,4                bytes of frame table (16 a frame)
         ST    R3,PGMAPOFF
         L     R1,=A(PAGCYLS)      slots in the page area
         LH    R4,0(R1)
         MH    R4,NSSHPC
         MH    R4,NSSRPT
         ST    R4,PGNSLOT
         LA    R4,7(R4)            bytes of slot map (a bit a slot)
         SRL   R4,3
         AR    R4,R3
         L     R0,=F'4095'         frames for both
         AR    R4,R0
         SRL   R4,12
         L     R2,FREEFRM          the first of them
         ST    R2,PGFTAB
         LR    R6,R4
         SLL   R6,12               their bytes
PGI10    L     R1,FREEFRM          off the free chain
         MVC   FREEFRM,0(R1)
         L     R0,FRMCOUNT
         BCTR  R0,0
         ST    R0,FRMCOUNT
         BCT   R4,PGI10
         LR    R3,R6               all of them zero
         BAL   R14,CLEAR
         L     R2,PGFTAB
         A     R2,PGMAPOFF
         ST    R2,PGSMAP
         LEAVE PGINIT
PGINITR  DS    F
PGINITB  DS    F
*
***********************************************************************
*  PGFAULT: give guest page R2 of machine R11 a frame (GTRANS calls   *
*  it for an invalid page-table entry at R1): from its slot if it     *
*  was paged out, else zeroed with keys 0.                            *
*  In:  R11 = VMBLOK, R1 -> page-table entry, R2 = guest address.     *
*  Out: CC 0, the entry valid; CC not 0: no frame could be had.       *
*  Keeps R0-R12.                                                      *
***********************************************************************
PGFAULT  ENTER
         STM   R0,R12,PGFSAVE
         ST    R1,PGFPTE
         ICM   R0,15,VMPGTAB       (no page records: no machine)
         BZ    PGF90
         BAL   R14,PGIDLE          a read running ends first: it may
         L     R1,PGFPTE             be this very page's
         TM    1(R1),X'08'
         BZ    PGF40
         BAL   R14,PGGET           R15 = a frame, zeroed, keys 0
         LTR   R7,R15
         BZ    PGF90
         L     R6,PGFSAVE+8        the guest page (R2)
         N     R6,=X'00FFF000'
         LR    R8,R6               its page record
         SRL   R8,10
         A     R8,VMPGTAB
         TM    PGKEY0-PGREC(R8),PGCUR    on its slot?
         BZ    PGF20
         LH    R1,PGSLOT-PGREC(R8)       yes: read it back
         MVI   PGOP,X'06'
         BAL   R14,PGSLOTIO
         BNZ   PGF80
         BAL   R14,PGKEYSET              its keys, reference and change 0
         L     R1,VMPGIN
         LA    R1,1(R1)
         ST    R1,VMPGIN
         L     R1,PGINS
         LA    R1,1(R1)
         ST    R1,PGINS
         B     PGF30
PGF20    TM    PGKEY1-PGREC(R8),PGTOUCH  first touch: one page more
         BO    PGF30
         OI    PGKEY1-PGREC(R8),PGTOUCH
         L     R1,VMPGTOT
         LA    R1,1(R1)
         ST    R1,VMPGTOT
PGF30    LR    R1,R7               the frame is the page's
         BAL   R14,PGFTE
         USING FTE,R1
         ST    R11,FTVM
         ST    R6,FTPAGE
         MVI   FTFLAG,0
         MVI   FTLOCK,0
         DROP  R1
         LR    R0,R7               the page-table entry: valid
         SRL   R0,8
         L     R1,PGFPTE
         STH   R0,0(R1)
         L     R1,VMFRAMES
         LA    R1,1(R1)
         ST    R1,VMFRAMES
         L     R1,PGFAULTS
         LA    R1,1(R1)
         ST    R1,PGFAULTS
PGF40    LM    R0,R12,PGFSAVE
         CR    R0,R0               CC 0
         LEAVE PGFAULT
PGF80    LR    R15,R7              the read failed: frame back
         BAL   R14,FRAMEFRE
PGF90    LM    R0,R12,PGFSAVE
         LEAVE PGFAULT,CC=NZ
PGFAULTR DS    F
PGFAULTB DS    F
PGFSAVE  DS    13F
PGFPTE   DS    A
*
***********************************************************************
*  PGFRAME: a frame for CP's own use (LOGON's DAT tables): free, or   *
*  stolen.  Out: R15 = its address, zeroed, keys 0; or 0.  Keeps      *
*  R0-R14.                                                            *
***********************************************************************
PGFRAME  ENTER
         STM   R0,R12,PGRSAVE
         BAL   R14,PGGET
         LM    R0,R12,PGRSAVE
         LEAVE PGFRAME
PGFRAMER DS    F
PGFRAMEB DS    F
PGRSAVE  DS    13F
*
***********************************************************************
*  PGGET: a free frame, or a stolen one.  Out: R15 = the frame,       *
*  zeroed, keys 0; or 0.  Uses R0-R8, R15 (keeps R11).                *
***********************************************************************
PGGET    ST    R14,PGGETR
         BAL   R14,FRAMEGET        a free one?
         LTR   R15,R15
         BNZ   PGG90
         BAL   R14,PGSTEAL         no: take one
         LTR   R15,R15
         BZ    PGG90
         BAL   R14,FRAMEZAP        zeroed, keys 0, as FRAMEGET's
PGG90    L     R14,PGGETR
         BR    R14
PGGETR   DS    F
*
***********************************************************************
*  PGSTEAL: the clock.  The hand goes round the frame table from      *
*  where it stopped: a guest page's frame that is not locked and was  *
*  referenced since the last turn loses its reference bits (the guest *
*  keeps them in its page record); the first one not referenced is    *
*  paged out (PGOUT) and is the answer.  Two turns at most.           *
*  Out: R15 = the frame, or 0 (every frame locked, or no slot left).  *
*  Uses R0-R8, R15 (keeps R11).                                       *
***********************************************************************
PGSTEAL  ST    R14,PGSTEALR
         L     R3,PGHAND
         L     R5,PGNFRM           two turns
         AR    R5,R5
PGS10    LA    R3,1(R3)            the next frame
         C     R3,PGNFRM
         BL    PGS12
         SR    R3,R3
PGS12    LR    R6,R3
         SLL   R6,4
         A     R6,PGFTAB           -> its entry
         USING FTE,R6
         ICM   R0,15,FTVM          a guest's page?
         BZ    PGS40
         CLI   FTLOCK,0            a channel program points in?
         BNE   PGS35
         LR    R7,R3               the frame
         SLL   R7,12
         L     R8,FTPAGE           its page record
         SRL   R8,10
         L     R1,FTVM
         A     R8,VMPGTAB-VMBLOK(R1)
         SR    R0,R0               referenced since the last turn?
         ISK   R0,R7
         LA    R1,2048(R7)
         SR    R2,R2
         ISK   R2,R1
         LR    R4,R0
         OR    R4,R2
         N     R4,=F'4'
         BZ    PGS30
         LR    R4,R0               yes: the guest keeps its R bits,
         N     R4,=F'4'              the frame its page
         EX    R4,PGSOR0
         LR    R4,R2
         N     R4,=F'4'
         EX    R4,PGSOR1
         RRB   0(R7)
         RRB   2048(R7)
         B     PGS40
PGS30    BAL   R14,PGOUT           no: it goes
         BNZ   PGS40               (its slot could not be written)
         ST    R3,PGHAND
         LR    R15,R7
         L     R14,PGSTEALR
         BR    R14
         B     PGS40
PGS35    L     R0,PGLOCKED         (counted: frames a channel program
         AH    R0,=H'1'              kept)
         ST    R0,PGLOCKED
PGS40    BCT   R5,PGS10
         ST    R3,PGHAND
         SR    R15,R15             nothing to take
         L     R14,PGSTEALR
         BR    R14
         DROP  R6
PGSOR0   OI    PGKEY0-PGREC(R8),0
PGSOR1   OI    PGKEY1-PGREC(R8),0
PGSTEALR DS    F
*
***********************************************************************
*  PGOUT: take frame R7 (entry R6, page record R8) from its machine:  *
*  written to the page's slot unless the slot holds it as it is, its  *
*  keys and the guest's reference and change bits kept in the page    *
*  record, the page-table entry invalid, the TLB purged, VATPURGE.    *
*  Out: CC 0 done; CC not 0 (no slot free, or the write failed): the  *
*  page stays.  Uses R0-R2, R4, R15.                                  *
***********************************************************************
PGOUT    ST    R14,PGOUTR
         ST    R11,PGO11
         USING FTE,R6
         L     R11,FTVM            its machine
         SR    R0,R0               the real keys
         ISK   R0,R7
         LA    R1,2048(R7)
         SR    R2,R2
         ISK   R2,R1
         STC   R0,PGOK0
         STC   R2,PGOK1
         LR    R4,R0               changed since it was last written?
         OR    R4,R2
         N     R4,=F'2'
         BNZ   PGO10
         TM    PGKEY0-PGREC(R8),PGCUR
         BO    PGO30               no: its slot holds it
PGO10    LH    R1,PGSLOT-PGREC(R8)     its slot, or a new one
         LTR   R1,R1
         BNZ   PGO20
         BAL   R14,PGSALLOC
         LTR   R1,R1
         BZ    PGONO
         STH   R1,PGSLOT-PGREC(R8)
PGO20    MVI   PGOP,X'05'          written
         BAL   R14,PGSLOTIO
         BNZ   PGONO
         OI    PGKEY0-PGREC(R8),PGCUR
         L     R1,VMPGOUT
         LA    R1,1(R1)
         ST    R1,VMPGOUT
         L     R1,PGOUTS
         LA    R1,1(R1)
         ST    R1,PGOUTS
*  The keys: key and fetch bit from the frame, the guest's R and C
*  ORed with the frame's; bit 7 (PGCUR, PGTOUCH) stays.
PGO30    IC    R0,PGKEY0-PGREC(R8)
         N     R0,=F'7'
         IC    R1,PGOK0
         N     R1,=F'254'
         OR    R0,R1
         STC   R0,PGKEY0-PGREC(R8)
         IC    R0,PGKEY1-PGREC(R8)
         N     R0,=F'7'
         IC    R1,PGOK1
         N     R1,=F'254'
         OR    R0,R1
         STC   R0,PGKEY1-PGREC(R8)
         L     R2,FTPAGE           the page-table entry: invalid
         BAL   R14,PGPTE
         MVC   0(2,R1),=X'0008'
         PTLB
         L     R1,VMFRAMES
         BCTR  R1,0
         ST    R1,VMFRAMES
         XC    FTVM(FTLEN),FTVM    the frame is nobody's
         L     R1,PGSTEALS
         LA    R1,1(R1)
         ST    R1,PGSTEALS
         CALL  VATPURGE            (R11: the machine it left)
         L     R11,PGO11
         L     R14,PGOUTR
         CR    R0,R0               CC 0
         BR    R14
PGONO    L     R11,PGO11
         L     R14,PGOUTR
         LTR   R14,R14             CC not 0
         BR    R14
         DROP  R6
PGOUTR   DS    F
PGO11    DS    A
PGOK0    DS    X
PGOK1    DS    X
*
***********************************************************************
*  PGPTE: the page-table entry of guest address R2 of machine R11.    *
*  Out: R1 -> it.  Uses R0, R1.                                       *
***********************************************************************
PGPTE    LR    R1,R2               segment index * 4
         SRL   R1,16
         SLL   R1,2
         A     R1,VMTABLES
         L     R1,0(R1)
         N     R1,=X'00FFFFF8'     page-table origin
         LR    R0,R2               page index * 2
         SRL   R0,12
         N     R0,=F'15'
         AR    R0,R0
         AR    R1,R0
         BR    R14
*
***********************************************************************
*  PGFTE: the frame-table entry of real address R1.  Out: R1 -> it;   *
*  CC not 0 if R1 is beyond real storage.  Uses R0, R1.               *
***********************************************************************
PGFTE    N     R1,=X'00FFFFFF'
         SRL   R1,12
         C     R1,PGNFRM
         BNL   PGFTE9
         SLL   R1,4
         A     R1,PGFTAB
         CR    R1,R1
         BR    R14
PGFTE9   LTR   R14,R14
         BR    R14
*
***********************************************************************
*  PGKEYSET: a page read back into frame R7 gets the storage keys its *
*  page record R8 kept (both 2K halves), reference and change bits 0  *
*  (the guest's are in the record).  Uses R0, R15.                    *
***********************************************************************
PGKEYSET IC    R0,PGKEY0-PGREC(R8)
         N     R0,=F'248'
         SSK   R0,R7
         IC    R0,PGKEY1-PGREC(R8)
         N     R0,=F'248'
         LA    R15,2048(R7)
         SSK   R0,R15
         BR    R14
*
***********************************************************************
*  PGSLOTIO: read (PGOP X'06') or write (X'05') frame R7 to or from   *
*  slot R1 (1 and up) synchronously: a read running on the paging     *
*  device ends first (PGIDLE), and the reads waiting start after.     *
*  Out: CC 0 done; CC not 0 the I/O failed (SYNCIO's R15).            *
*  Uses R0, R1, R15 (keeps R2-R14).                                   *
***********************************************************************
PGSLOTIO ST    R14,PGSIOR
         STM   R2,R7,PGSIOS
         ST    R1,PGSIOSL
         BAL   R14,PGIDLE
         L     R1,PGSIOSL
         BAL   R14,PGCCW           the channel program
         LA    R1,PGCCWS
         LH    R2,PAGDEV
         BAL   R14,SYNCIO
         BZ    PGSIO30
         CLI   PGIOCSW,0           (the first failure, for a person)
         BNE   PGSIO25
         MVC   PGIOCSW,SYNCCSW
         STC   R15,PGIOCSW
PGSIO25  L     R1,PGIOERRS
         LA    R1,1(R1)
         ST    R1,PGIOERRS
PGSIO30  IPM   R0                  (keep the CC)
         ST    R0,PGSIOCC
         BAL   R14,PGSTART         the reads waiting: the next
         L     R0,PGSIOCC
         SPM   R0
         LM    R2,R7,PGSIOS
         L     R14,PGSIOR
         BR    R14
PGSIOR   DS    F
PGSIOS   DS    6F
PGSIOSL  DS    F
PGSIOCC  DS    F
PGOP     DS    X
*
***********************************************************************
*  PGCCW: the channel program for slot R1 (1 and up) and frame R7,    *
*  PGOP its command (X'06' READ DATA, X'05' WRITE DATA), in PGCCWS:   *
*  SEEK, SEARCH ID EQUAL, TIC back to it, the data.  Slot s - 1 = t * *
*  NSSRPT + (record - 1); track t is head t mod NSSHPC of cylinder    *
*  PAGCYL + t / NSSHPC.  Uses R0, R1, R15.                            *
***********************************************************************
PGCCW    BCTR  R1,0
         SR    R0,R0
         LH    R15,NSSRPT
         DR    R0,R15              R1 = t, R0 = record - 1
         AH    R0,=H'1'
         STC   R0,PGSRCH+4
         SR    R0,R0
         LH    R15,NSSHPC
         DR    R0,R15              R1 = cylinder - PAGCYL, R0 = head
         AH    R1,PAGCYL
         XC    PGSEEK,PGSEEK
         STH   R1,PGSEEK+2
         STH   R0,PGSEEK+4
         MVC   PGSRCH(4),PGSEEK+2
         ST    R7,PGCCWS+24        the frame
         MVC   PGCCWS+24(1),PGOP     and the command
         BR    R14
         DS    0D
PGCCWS   CCW   X'07',PGSEEK,X'40',6    SEEK
         CCW   X'31',PGSRCH,X'40',5    SEARCH ID EQUAL
         CCW   X'08',PGCCWS+8,0,1      TIC back to the search
         CCW   X'06',0,X'20',4096      READ (WRITE) DATA, 4K
PGSEEK   DS    XL6
PGSRCH   DS    XL5
*
***********************************************************************
*  PAGE WAIT.  A guest's own page fault on a page that is on its slot *
*  does not stop CP: the machine waits (VMSTATE VMSPGWT; the          *
*  dispatcher passes it by) while the paging device reads the page,   *
*  and the others run.  One read runs at a time (PGACT, for PGAVM);   *
*  the machines whose reads wait are queued (PGQHEAD, VMPGNXT).  The  *
*  read's end is an I/O interruption (IOSNOTE calls PGIOINT): the     *
*  page gets its frame, and the machine runs again - first, as one    *
*  whose user has just typed a line does (VMFQ1), so that a machine   *
*  that pages is not held up a whole time slice per page by one that  *
*  computes.  The frame being  *
*  read into is its page's already (FTVM), and locked (FTLOCK 1), so  *
*  nobody steals it meanwhile.  CP's own faults (GTRANS) read         *
*  synchronously, after the running read (PGIDLE); a page read both   *
*  ways keeps the first frame, and the second goes back (PGDONE).     *
***********************************************************************
*
***********************************************************************
*  PGWAIT: a guest's page fault (PRIVOP's PAGEFLT).  In: R11 = VMBLOK,*
*  R2 = the guest address.  Out: CC 0 the machine waits for the page  *
*  (VMSPGWT); CC not 0 it is not one to wait for (never touched,      *
*  beyond storage, no frame): GTRANS's business.  Keeps R0-R14.       *
***********************************************************************
PGWAIT   ENTER
         STM   R0,R12,PGWSAVE
         ICM   R0,15,VMPGWFR       its read is already on its way
         BNZ   PGW50               (STORE PSW made it run again)
         N     R2,=X'00FFFFFF'
         C     R2,VMSIZE
         BNL   PGW90
         LR    R6,R2               the page
         N     R6,=X'00FFF000'
         LR    R8,R6               its record
         SRL   R8,10
         A     R8,VMPGTAB
         TM    PGKEY0-PGREC(R8),PGCUR  on its slot?
         BZ    PGW90
         LR    R2,R6
         BAL   R14,PGPTE
         TM    1(R1),X'08'         and not in a frame?
         BZ    PGW90
         BAL   R14,PGGET           a frame for it
         LTR   R7,R15
         BZ    PGW90
         L     R6,PGWSAVE+8        (PGGET used R6, R8)
         N     R6,=X'00FFF000'
         LR    R1,R7               the page's, locked
         BAL   R14,PGFTE
         USING FTE,R1
         ST    R11,FTVM
         ST    R6,FTPAGE
         MVI   FTFLAG,0
         MVI   FTLOCK,1
         DROP  R1
         ST    R7,VMPGWFR
         ST    R6,VMPGWPG
         XC    VMPGNXT,VMPGNXT     queued last
         ICM   R1,15,PGQTAIL
         BZ    PGW20
         ST    R11,VMPGNXT-VMBLOK(R1)
         B     PGW30
PGW20    ST    R11,PGQHEAD
PGW30    ST    R11,PGQTAIL
         BAL   R14,PGSTART         started, if the device is free
         ICM   R0,15,VMPGWFR       (over already: it failed to start)
         BZ    PGW90
PGW50    MVI   VMSTATE,VMSPGWT
         L     R1,VMPGWTS
         LA    R1,1(R1)
         ST    R1,VMPGWTS
         L     R1,PGWAITS
         LA    R1,1(R1)
         ST    R1,PGWAITS
         LM    R0,R12,PGWSAVE
         CR    R0,R0               CC 0: it waits
         LEAVE PGWAIT
PGW90    LM    R0,R12,PGWSAVE
         LEAVE PGWAIT,CC=NZ
PGWAITR  DS    F
PGWAITB  DS    F
PGWSAVE  DS    13F
*
***********************************************************************
*  PGSTART: if no read runs, start the first one waiting.  A read     *
*  the channel refuses is done synchronously instead.  Keeps R2-R14.  *
*  Uses R0, R1, R15.                                                  *
***********************************************************************
PGSTART  CLI   PGACT,0             one running?
         BNER  R14
         ICM   R1,15,PGQHEAD       one waiting?
         BZR   R14
         ST    R14,PGSTR
         STM   R2,R8,PGSTS
         ST    R11,PGST11
         LR    R11,R1
         MVC   PGQHEAD,VMPGNXT     off the queue
         ICM   R0,15,PGQHEAD
         BNZ   PGST10
         XC    PGQTAIL,PGQTAIL
PGST10   ST    R11,PGAVM
         MVC   PGAFRM,VMPGWFR
         L     R8,VMPGWPG          its slot
         SRL   R8,10
         A     R8,VMPGTAB
         LH    R1,PGSLOT-PGREC(R8)
         L     R7,VMPGWFR
         MVI   PGOP,X'06'
         BAL   R14,PGCCW
         LA    R1,PGCCWS
         ST    R1,CAW
         LH    R2,PAGDEV
         SIO   0(R2)
         BC    8,PGST20            started
         MVI   PGACT,1             refused (status was pending): read
         LA    R1,PGCCWS             it now, as CP's own (SYNCIO tries
         BAL   R14,SYNCIO            again, and waits)
         MVC   PGDCSW,SYNCCSW
         BZ    PGST25
         MVC   PGDCSW,=X'000000000C200000'   (failed)
PGST25   BAL   R14,PGDONE
         B     PGST30
PGST20   MVI   PGACT,1
PGST30   L     R11,PGST11
         LM    R2,R8,PGSTS
         L     R14,PGSTR
         BR    R14
PGSTR    DS    F
PGSTS    DS    7F
PGST11   DS    A
*
***********************************************************************
*  PGIOINT: an I/O interruption from the paging device (IOSNOTE): a   *
*  read is over: PGDONE, and the next starts.  Keeps R0-R14.          *
***********************************************************************
PGIOINT  ENTER
         STM   R0,R12,PGISAVE
         TM    CSW+4,X'04'         device end: over
         BZ    PGI90
         CLI   PGACT,0             (nothing of ours ran: stray)
         BE    PGI90
         MVC   PGDCSW,CSW
         BAL   R14,PGDONE
         BAL   R14,PGSTART
PGI90    LM    R0,R12,PGISAVE
         LEAVE PGIOINT
PGIOINTR DS    F
PGIOINTB DS    F
PGISAVE  DS    13F
*
***********************************************************************
*  PGIDLE: if a read runs, wait for its end (the paging device's      *
*  channel alone open, 100 ms at most: then it is halted) and finish  *
*  it (PGDONE).  Keeps R2-R14.  Uses R0, R1, R15.                     *
***********************************************************************
PGIDLE   CLI   PGACT,0
         BER   R14
PGIDLE2  ST    R14,PGIDR
         STM   R2,R8,PGIDS
         STCK  SYNCCKC             the deadline
         LM    R2,R3,SYNCCKC
         LM    R4,R5,SYNCMAX
         BAL   R14,DADD
         STM   R2,R3,SYNCCKC
         LH    R2,PAGDEV
         BAL   R14,SYNWAIT
         BZ    PGID10
         BAL   R14,HALTDEV         time up: halted, a failure
         MVC   CSW,=X'000000000C200000'
PGID10   MVC   PGDCSW,CSW
         BAL   R14,PGDONE
         LM    R2,R8,PGIDS
         L     R14,PGIDR
         BR    R14
PGIDR    DS    F
PGIDS    DS    7F
*
***********************************************************************
*  PGDONE: the read for PGAVM is over, its CSW in PGDCSW.  Clean      *
*  (channel end and device end, nothing else): the page is in its     *
*  frame - keys back, page-table entry valid - and the machine runs   *
*  again.  Failed, or the page got a frame meanwhile (CP read it      *
*  itself), or the machine went (PGAVM 0): the frame goes back; a     *
*  machine that faults again tries again.  Uses R0-R8, R15 (keeps     *
*  R11).                                                              *
***********************************************************************
PGDONE   ST    R14,PGDR
         ST    R11,PGD11
         MVI   PGACT,0
         L     R7,PGAFRM           the frame
         ICM   R11,15,PGAVM        whose?
         BZ    PGD80
         XC    VMPGWFR,VMPGWFR     its wait is over, one way or the
         CLI   VMSTATE,VMSPGWT       other
         BNE   PGD10
         MVI   VMSTATE,VMSRUN
         OI    VMFLAGS,VMFQ1       and it runs next, not after the
*                                    running machine's time slice (as
*                                    after its user's line: VMFQ1)
PGD10    L     R6,VMPGWPG          the page
         LR    R2,R6
         BAL   R14,PGPTE
         TM    1(R1),X'08'         a frame already?
         BZ    PGD80
         TM    PGDCSW+4,X'F3'      anything but channel and device end?
         BNZ   PGD80
         CLI   PGDCSW+5,0
         BNE   PGD80
         LR    R8,R6               its record: the keys
         SRL   R8,10
         A     R8,VMPGTAB
         BAL   R14,PGKEYSET
         LR    R0,R7               the page-table entry: valid
         SRL   R0,8
         STH   R0,0(R1)
         LR    R1,R7               the frame: unlocked
         BAL   R14,PGFTE
         MVI   FTLOCK-FTE(R1),0
         L     R1,VMFRAMES
         LA    R1,1(R1)
         ST    R1,VMFRAMES
         L     R1,VMPGIN
         LA    R1,1(R1)
         ST    R1,VMPGIN
         L     R1,PGINS
         LA    R1,1(R1)
         ST    R1,PGINS
         B     PGD90
PGD80    LR    R1,R7               the frame goes back
         BAL   R14,PGFTE
         XC    0(FTLEN,R1),0(R1)
         LR    R15,R7
         BAL   R14,FRAMEFRE
PGD90    XC    PGAVM,PGAVM
         L     R11,PGD11
         L     R14,PGDR
         BR    R14
PGDR     DS    F
PGD11    DS    A
*
***********************************************************************
*  PGCANCEL: machine R11 goes, or is cleared: a read it waits for is  *
*  forgotten - off the queue and its frame free, or, when it runs,    *
*  left to end with nobody's name on it (PGDONE frees the frame).     *
*  Keeps R2-R14.  Uses R0, R1, R15.                                   *
***********************************************************************
PGCANCEL ICM   R15,15,VMPGWFR
         BZR   R14
         XC    VMPGWFR,VMPGWFR
         CLI   VMSTATE,VMSPGWT
         BNE   PGC01
         MVI   VMSTATE,VMSRUN
PGC01    C     R11,PGAVM           its read runs?
         BNE   PGC02
         CLI   PGACT,0
         BE    PGC02
         XC    PGAVM,PGAVM         yes: it ends as nobody's
         BR    R14
PGC02    LA    R1,PGQHEAD          no: off the queue
PGC03    ICM   R0,15,0(R1)
         BZ    PGC06
         CR    R0,R11
         BE    PGC04
         L     R1,=A(VMPGNXT-VMBLOK)
         AR    R1,R0
         B     PGC03
PGC04    MVC   0(4,R1),VMPGNXT
         XC    PGQTAIL,PGQTAIL     (the tail: the last one left)
         ICM   R1,15,PGQHEAD
         BZ    PGC06
PGC05    ST    R1,PGQTAIL
         ICM   R1,15,VMPGNXT-VMBLOK(R1)
         BNZ   PGC05
PGC06    ST    R14,PGCANR
         ST    R15,PGCANF
         LR    R1,R15              its frame: free
         BAL   R14,PGFTE
         XC    0(FTLEN,R1),0(R1)
         L     R15,PGCANF
         BAL   R14,FRAMEFRE
         L     R14,PGCANR
         BR    R14
PGCANR   DS    F
PGCANF   DS    F
*
***********************************************************************
*  PGSALLOC: a free paging slot (the first 0 bit in the slot map).    *
*  Out: R1 = its number (1 and up), or 0 if none is left.             *
*  Uses R0, R1, R15.                                                  *
***********************************************************************
PGSALLOC ST    R14,PGSAR
         SR    R1,R1               slot number - 1
PGSA10   C     R1,PGNSLOT
         BNL   PGSA90
         LR    R15,R1              its byte
         SRL   R15,3
         A     R15,PGSMAP
         LR    R14,R1              its bit
         N     R14,=F'7'
         BNZ   PGSA15
         CLI   0(R15),X'FF'        a whole byte used: the next
         BNE   PGSA15
         LA    R1,8(R1)
         B     PGSA10
PGSA15   IC    R0,PGBITS(R14)
         STC   R0,PGSAB
         NC    PGSAB,0(R15)
         BZ    PGSA30
         LA    R1,1(R1)
         B     PGSA10
PGSA30   STC   R0,PGSAB            free: it is used now
         OC    0(1,R15),PGSAB
         LA    R1,1(R1)            the number
         L     R15,PGSLOTS
         LA    R15,1(R15)
         ST    R15,PGSLOTS
         L     R14,PGSAR
         BR    R14
PGSA90   SR    R1,R1
         L     R14,PGSAR
         BR    R14
PGSAR    DS    F
PGSAB    DS    X
PGBITS   DC    X'8040201008040201'
*
***********************************************************************
*  PGSFREE: slot R1 (1 and up) is free again.  Uses R0, R1, R15.      *
***********************************************************************
PGSFREE  BCTR  R1,0
         LR    R15,R1
         SRL   R15,3
         A     R15,PGSMAP
         N     R1,=F'7'
         IC    R0,PGBITS(R1)
         X     R0,=F'255'
         STC   R0,PGSAB
         NC    0(1,R15),PGSAB
         L     R15,PGSLOTS
         BCTR  R15,0
         ST    R15,PGSLOTS
         BR    R14
*
***********************************************************************
*  PGLOGON: a new machine's page records (LOGON, after its DAT        *
*  tables): a frame, all zero.  In: R11 = VMBLOK.  Out: R15 = the     *
*  frame, or 0 (none could be had: its DAT-table frame is given back  *
*  too).  Keeps R0-R14.                                               *
***********************************************************************
PGLOGON  ENTER
         STM   R0,R12,PGRSAVE
         BAL   R14,PGGET
         ST    R15,VMPGTAB
         LTR   R15,R15
         BNZ   PGL90
         L     R15,VMTABLES
         BAL   R14,FRAMEFRE
         SR    R15,R15
PGL90    LM    R0,R12,PGRSAVE
         LEAVE PGLOGON
PGLOGONR DS    F
PGLOGONB DS    F
*
***********************************************************************
*  PGLOGOF: a machine goes (LOGOFF, after its disk requests are       *
*  cancelled): every frame it holds back on the free chain, every     *
*  slot free, its page-record frame too.  Its DAT-table frame is      *
*  LOGOFF's.  In: R11 = VMBLOK.  Keeps R2-R14.                        *
***********************************************************************
PGLOGOF  ENTER
         STM   R2,R8,PGLSAVE
         BAL   R14,PGCANCEL        a read it waits for: forgotten
         ICM   R8,15,VMPGTAB
         BZ    PGLO90
         SR    R2,R2               guest page address
PGLO10   C     R2,VMSIZE
         BNL   PGLO40
         BAL   R14,PGPTE
         TM    1(R1),X'08'         a frame?
         BO    PGLO20
         SR    R15,R15             yes: nobody's now, and free
         ICM   R15,3,0(R1)
         N     R15,=X'0000FFF0'
         SLL   R15,8
         MVC   0(2,R1),=X'0008'
         LR    R1,R15
         BAL   R14,PGFTE
         XC    0(FTLEN,R1),0(R1)
         BAL   R14,FRAMEFRE
PGLO20   LH    R1,PGSLOT-PGREC(R8)     a slot?
         LTR   R1,R1
         BZ    PGLO30
         BAL   R14,PGSFREE
PGLO30   XC    0(PGRECLEN,R8),0(R8)
         LA    R8,PGRECLEN(R8)
         A     R2,=F'4096'
         B     PGLO10
PGLO40   L     R15,VMPGTAB
         BAL   R14,FRAMEFRE
         XC    VMPGTAB,VMPGTAB
         XC    VMFRAMES,VMFRAMES
         XC    VMPGTOT,VMPGTOT
         PTLB
         CALL  VATPURGE
PGLO90   LM    R2,R8,PGLSAVE
         LEAVE PGLOGOF
PGLOGOFR DS    F
PGLOGOFB DS    F
PGLSAVE  DS    7F
*
***********************************************************************
*  PGCLEAR: SYSTEM CLEAR has zeroed every frame the machine holds and *
*  set its keys to 0: the pages on slots are dropped too (they read   *
*  as zeros again), and no slot holds a page as it is any more.       *
*  In: R11 = VMBLOK.  Keeps R2-R14.                                   *
***********************************************************************
PGCLEAR  ENTER
         STM   R2,R8,PGLSAVE
         BAL   R14,PGCANCEL        a read it waits for: forgotten
         ICM   R8,15,VMPGTAB
         BZ    PGC90
         SR    R2,R2
PGC10    C     R2,VMSIZE
         BNL   PGC90
         BAL   R14,PGPTE
         TM    1(R1),X'08'         a frame?
         BO    PGC20
         MVI   PGKEY0-PGREC(R8),0        yes: keys 0, nothing on its slot
         MVI   PGKEY1-PGREC(R8),PGTOUCH
         B     PGC30
PGC20    LH    R1,PGSLOT-PGREC(R8)     no: its slot free
         LTR   R1,R1
         BZ    PGC25
         BAL   R14,PGSFREE
PGC25    TM    PGKEY1-PGREC(R8),PGTOUCH  one page fewer
         BZ    PGC28
         L     R1,VMPGTOT
         BCTR  R1,0
         ST    R1,VMPGTOT
PGC28    XC    0(PGRECLEN,R8),0(R8)
PGC30    LA    R8,PGRECLEN(R8)
         A     R2,=F'4096'
         B     PGC10
PGC90    LM    R2,R8,PGLSAVE
         LEAVE PGCLEAR
PGCLEARR DS    F
PGCLEARB DS    F
*
***********************************************************************
*  PGLOCK: a channel program will point into the frame at real        *
*  address R2 (CCW, for each IDAW): it is not stolen until the        *
*  program ends (PGUNLKD).  Keeps R0-R14.                             *
***********************************************************************
PGLOCK   ENTER
         STM   R0,R1,PGKSAVE
         LR    R1,R2
         BAL   R14,PGFTE
         BNZ   PGK90
         USING FTE,R1
         ICM   R0,15,FTVM          a guest's page?
         BZ    PGK90
         CLI   FTLOCK,255
         BE    PGK90               (cannot happen: 512 IDAWs at most)
         IC    R0,FTLOCK
         AH    R0,=H'1'
         STC   R0,FTLOCK
         DROP  R1
PGK90    LM    R0,R1,PGKSAVE
         LEAVE PGLOCK
PGLOCKR  DS    F
PGLOCKB  DS    F
PGKSAVE  DS    2F
*
***********************************************************************
*  PGUNLKD: the channel program on real disk R7 is over (IOREQ's      *
*  IOBREL): each frame its IDAW list (RDKIDN of them) pointed into is *
*  unlocked once, and RDKIDN is 0, so it never counts twice.  (The    *
*  list itself stays as it is: a channel never finds a zero there.)   *
*  In: R7 = RDISK.  Keeps R0-R14.                                     *
***********************************************************************
PGUNLKD  ENTER
         STM   R0,R4,PGUSAVE
         L     R3,RDKIDW-RDISK(R7) its IDAWs
         ICM   R4,15,RDKIDN-RDISK(R7)
         BNP   PGU90
         XC    RDKIDN-RDISK(4,R7),RDKIDN-RDISK(R7)
         C     R4,=A(IDAWMAX)      (never more)
         BNH   PGU10
         L     R4,=A(IDAWMAX)
PGU10    L     R1,0(R3)
         BAL   R14,PGFTE
         BNZ   PGU20
         USING FTE,R1
         ICM   R0,15,FTVM          (the bucket is CP's)
         BZ    PGU20
         CLI   FTLOCK,0
         BE    PGU20
         IC    R0,FTLOCK
         BCTR  R0,0
         STC   R0,FTLOCK
         DROP  R1
PGU20    LA    R3,4(R3)
         BCT   R4,PGU10
PGU90    LM    R0,R4,PGUSAVE
         LEAVE PGUNLKD
PGUNLKDR DS    F
PGUNLKDB DS    F
PGUSAVE  DS    5F
*
***********************************************************************
*  The guest's view of reference and change bits.  CP's clock takes   *
*  reference bits away from the real key and a page-in starts with    *
*  both 0; what the guest would have seen is kept in its page record. *
*  ISK and RRB (privop.asm, privsim.asm) OR it in; SSK sets it anew.  *
*  Each: In: R2 = the real address (after GTRANS).                    *
*   PGRC:  Out: R1 = the guest's kept R and C (X'04', X'02').         *
*   PGRRB: the same, and the kept R is reset (RRB).                   *
*   PGSSK: the kept R and C reset; the slot no longer holds the page  *
*          as it is (SSK may have reset the change bit).              *
*  Keep R0, R2-R14.                                                   *
***********************************************************************
PGRC     ENTER
         MVI   PGRCOP,0
         B     PGRC05
PGRRB    ENTER PGRC
         MVI   PGRCOP,1
         B     PGRC05
PGSSK    ENTER PGRC
         MVI   PGRCOP,2
PGRC05   STM   R2,R8,PGLSAVE
         ST    R0,PGRC0
         SR    R8,R8
         LR    R1,R2               the frame's entry
         BAL   R14,PGFTE
         BNZ   PGRC80
         USING FTE,R1
         ICM   R15,15,FTVM         a guest's page?
         BZ    PGRC80
         L     R8,FTPAGE           its page record
         DROP  R1
         SRL   R8,10
         A     R8,VMPGTAB-VMBLOK(R15)
         CLI   PGRCOP,2
         BNE   PGRC10
         NI    PGKEY0-PGREC(R8),X'FF'-PGCUR
PGRC10   LR    R0,R2               which half
         N     R0,=F'2048'
         BZ    PGRC20
         LA    R8,PGKEY1-PGKEY0(R8)
PGRC20   LA    R8,PGKEY0-PGREC(R8)       -> its key byte
         SR    R1,R1
         IC    R1,0(R8)
         N     R1,=F'6'
         CLI   PGRCOP,0
         BE    PGRC90
         NI    0(R8),X'FF'-X'04'   RRB: R reset
         CLI   PGRCOP,1
         BE    PGRC90
         NI    0(R8),X'FF'-X'02'   SSK: C too
         B     PGRC90
PGRC80   SR    R1,R1
PGRC90   LM    R2,R8,PGLSAVE
         L     R0,PGRC0
         LEAVE PGRC
PGRCR    DS    F
PGRCB    DS    F
PGRC0    DS    F
PGRCOP   DS    X
*
***********************************************************************
*  The frame table's and the paging counts (QUERY PAGING, the TUI).   *
***********************************************************************
PGFTAB   DC    A(0)                the frame table (FTE a frame)
PGSMAP   DC    A(0)                the slot map: a bit a slot, 1 used
PGNFRM   DC    F'0'                entries (frames of real storage)
PGNSLOT  DC    F'0'                slots in the page area
PGMAPOFF DC    F'0'
PGHAND   DC    F'0'                where the clock's hand stopped
PGINS    DC    F'0'                pages read in
PGOUTS   DC    F'0'                pages written out
PGSTEALS DC    F'0'                frames taken from their machines
PGFAULTS DC    F'0'                frames given to guest pages
PGSLOTS  DC    F'0'                slots in use
PGIOERRS DC    F'0'                paging I/O that failed
PGWAITS  DC    F'0'                page waits (guest faults that waited)
PGLOCKED DC    F'0'                times the clock passed a locked frame
PGQHEAD  DC    A(0)                machines whose reads wait to start
PGQTAIL  DC    A(0)
PGAVM    DC    A(0)                the machine whose read runs (0: gone)
PGAFRM   DC    A(0)                ... and the frame it reads into
PGACT    DC    X'00'               1: a read runs on the paging device
         DS    0D
PGIOCSW  DC    XL8'00'             the first failure's CSW (byte 0: R15)
PGDCSW   DC    XL8'00'             the CSW of the read just over
         LTORG                     the module's literals
