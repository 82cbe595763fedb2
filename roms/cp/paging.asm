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
*  the page record, and ISK/RRB OR them in).  Every write and a      *
*  guest's own reads go through the PAGING QUEUE and end as I/O       *
*  interruptions (PGSTART, PGIOINT): a guest's fault waits in PAGE    *
*  WAIT (VMSPGWT) for its read, or for a frame while changed pages    *
*  are written out, and the others run; a page touched while on its   *
*  way out is taken back without a read (PGRECLM).  CP's own faults   *
*  (CCW translation, copying) read synchronously (PGSLOTIO).          *
*                                                                     *
*  The routines that need nothing of the paging queue - PGINIT,      *
*  PGLOCK, PGUNLKD, PGRC/PGRRB/PGSSK, PGLOGOF, PGCLEAR - are in       *
*  pagekey.asm (DMKPGK), so that this module keeps within its 4K;     *
*  other files' comments still say "paging.asm" for them.             *
*                                                                     *
*  A module: its own CSECT, R13 its base (ENTER).  R9, R10 and R12    *
*  are the core's bases and are never used here.                      *
***********************************************************************
DMKPAG   CSECT
         USING DMKPAG,R13          the module's base (ENTER sets it)
         USING VMBLOK,R11
*
***********************************************************************
*  PGFAULT: give guest page R2 of machine R11 a frame, at once        *
*  (GTRANS calls it for an invalid page-table entry at R1: CP's own   *
*  use of guest storage, and a guest's fault PGWAIT could not make a  *
*  wait of).  A page on its way out keeps its frame (PGRECLM); else   *
*  a frame (PGGETW: free or stolen - CP waits for a page-out's end    *
*  if it must), read back from the page's slot synchronously if it    *
*  was paged out, zeroed with keys 0 if not.  Both waits (PGIDLE,     *
*  PGGETW) let other transfers end, which may give the page a frame   *
*  meanwhile: it is looked at again after them.                       *
*  In:  R11 = VMBLOK, R1 -> page-table entry, R2 = guest address.     *
*  Out: CC 0, the entry valid; CC not 0: no frame could be had.       *
*  Keeps R0-R12.                                                      *
***********************************************************************
PGFAULT  ENTER
         STM   R0,R12,PGFSAVE
         ST    R1,PGFPTE
         ICM   R0,15,VMPGTAB       (no page records: no machine)
         BZ    PGF90
         BAL   R14,PGRECLM         on its way out: its own again
         BZ    PGF40
         BAL   R14,PGIDLE          a transfer running ends first: it
         BAL   R14,PGGETW            may be this very page's read
         LTR   R7,R15              R7 = a frame, zeroed, keys 0
         BZ    PGF90
         L     R2,PGFSAVE+8        the page: a frame meanwhile?
         L     R1,PGFPTE
         TM    1(R1),X'08'
         BZ    PGF80               yes: ours goes back
         BAL   R14,PGRECLM         or on its way out again
         BZ    PGF80
         L     R6,PGFSAVE+8
         N     R6,=X'00FFF000'
         LR    R8,R6               its page record
         SRL   R8,10
         A     R8,VMPGTAB
         TM    PGKEY0-PGREC(R8),PGCUR    on its slot?
         BZ    PGF30
         LH    R1,PGSLOT-PGREC(R8)       yes: read it back
         MVI   PGOP,X'06'
         BAL   R14,PGSLOTIO
         BNZ   PGF80
         L     R1,PGFPTE           (its own read may have ended while
         TM    1(R1),X'08'           PGSLOTIO waited for the device)
         BZ    PGF80
         BAL   R14,PGKEYSET        its keys, reference and change 0
         L     R1,VMPGIN
         LA    R1,1(R1)
         ST    R1,VMPGIN
         L     R1,PGINS
         LA    R1,1(R1)
         ST    R1,PGINS
PGF30    L     R1,PGFPTE           the frame is the page's
         BAL   R14,PGGIVE
PGF40    BAL   R14,PGSTART         (PGIDLE's PGDONE may have queued
         LM    R0,R12,PGFSAVE        a read: PGHANDF)
         CR    R0,R0               CC 0
         LEAVE PGFAULT
PGF80    LR    R15,R7              not needed, or the read failed:
         BAL   R14,FRAMEFRE          the frame back
         L     R1,PGFPTE
         TM    1(R1),X'08'
         BZ    PGF40
PGF90    BAL   R14,PGSTART
         LM    R0,R12,PGFSAVE
         LEAVE PGFAULT,CC=NZ
PGFAULTR DS    F
PGFAULTB DS    F
PGFSAVE  DS    13F
PGFPTE   DS    A
*
***********************************************************************
*  PGGIVE: frame R7 is page R6's (a guest address on a page boundary) *
*  of machine R11, page record R8: its frame-table entry says so, its *
*  page-table entry (at R1) is valid; a first touch is one page more  *
*  (PGTOUCH, VMPGTOT).  Uses R0, R1, R15.                             *
***********************************************************************
PGGIVE   ST    R14,PGGVR
         ST    R1,PGGVP
         TM    PGKEY1-PGREC(R8),PGTOUCH  first touch: one page more
         BO    PGGV10
         OI    PGKEY1-PGREC(R8),PGTOUCH
         L     R1,VMPGTOT
         LA    R1,1(R1)
         ST    R1,VMPGTOT
PGGV10   LR    R1,R7
         BAL   R14,PGFTE
         XC    0(FTLEN,R1),0(R1)
         ST    R11,FTVM-FTE(R1)
         ST    R6,FTPAGE-FTE(R1)
         LR    R0,R7               the page-table entry: valid
         SRL   R0,8
         L     R1,PGGVP
         STH   R0,0(R1)
         L     R1,VMFRAMES
         LA    R1,1(R1)
         ST    R1,VMFRAMES
         L     R1,PGFAULTS
         LA    R1,1(R1)
         ST    R1,PGFAULTS
         L     R14,PGGVR
         BR    R14
PGGVR    DS    F
PGGVP    DS    A
*
***********************************************************************
*  PGRECLM: page R2 of machine R11, whose page-table entry (at R1) is *
*  invalid: is it on its way out - the entry still names the frame,   *
*  whose write is queued or running for this very page (FTFOUT)?      *
*  Then the frame is the page's again (PGBACK), no read needed: a     *
*  RECLAIM, as VM/370 called it.                                      *
*  Out: CC 0 taken back (the entry valid); CC not 0 not on its way    *
*  out.  Uses R0, R1, R15.                                            *
***********************************************************************
PGRECLM  ST    R14,PGRLR
         SR    R15,R15
         ICM   R15,3,0(R1)         the frame the entry still names
         N     R15,=X'0000FFF0'
         BZ    PGRL90              (none: X'0008')
         SLL   R15,8
         LR    R1,R15
         BAL   R14,PGFTE
         BNZ   PGRL90
         USING FTE,R1
         TM    FTFLAG,FTFOUT       being written out
         BNO   PGRL90
         C     R11,FTVM              from this machine's
         BNE   PGRL90
         LR    R0,R2                 this page?
         N     R0,=X'00FFF000'
         C     R0,FTPAGE
         BNE   PGRL90
         DROP  R1
         BAL   R14,PGBACK          yes: it is the page's again
         L     R1,PGRECLMS
         LA    R1,1(R1)
         ST    R1,PGRECLMS
         L     R14,PGRLR
         CR    R0,R0               CC 0
         BR    R14
PGRL90   L     R14,PGRLR
         LTR   R14,R14             CC not 0
         BR    R14
PGRLR    DS    F
*
***********************************************************************
*  PGBACK: the frame whose entry is R1 (FTFOUT: its page on its way   *
*  out) is the page's again: off the paging queue if its write has   *
*  not started (if it runs, PGDONE finds FTFOUT off and leaves the    *
*  frame alone), its page-table entry valid.  Its keys never left it. *
*  Uses R0, R1, R15.                                                  *
***********************************************************************
PGBACK   ST    R14,PGBKR
         ST    R2,PGBK2
         ST    R11,PGBK11
         USING FTE,R1
         NI    FTFLAG,X'FF'-FTFOUT
         L     R11,FTVM
         L     R2,FTPAGE
         TM    FTFLAG,FTFRUN       its write runs?
         BO    PGBK10
         BAL   R14,PGUNQ           no: it never will
         L     R0,PGWIO
         BCTR  R0,0
         ST    R0,PGWIO
         DROP  R1
         BAL   R14,PGWAKE          (none left: the waiters try again)
PGBK10   BAL   R14,PGPTE           the entry: valid again
         NI    1(R1),X'FF'-X'08'
         L     R1,VMFRAMES
         LA    R1,1(R1)
         ST    R1,VMFRAMES
         L     R2,PGBK2
         L     R11,PGBK11
         L     R14,PGBKR
         BR    R14
PGBKR    DS    F
PGBK2    DS    F
PGBK11   DS    A
*
***********************************************************************
*  PGFRAME: a frame for CP's own use (LOGON's DAT tables): free, or   *
*  stolen.  Out: R15 = its address, zeroed, keys 0; or 0.  Keeps      *
*  R0-R14.                                                            *
***********************************************************************
PGFRAME  ENTER
         STM   R0,R12,PGRSAVE
         BAL   R14,PGGETW
         LM    R0,R12,PGRSAVE
         LEAVE PGFRAME
PGFRAMER DS    F
PGFRAMEB DS    F
PGRSAVE  DS    13F
*
***********************************************************************
*  PGGET: a free frame, or a stolen one (PGSTEAL: a clean page's      *
*  frame; changed pages it passes start on their way out).  Out: R15  *
*  = the frame, zeroed, keys 0; or 0.  Uses R0-R8, R15 (keeps R11).   *
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
*  PGGETW: a frame for CP, which cannot wait in page wait: PGGET; if  *
*  there is none but page-outs are on their way, CP waits for the     *
*  transfer running (PGIDLE: a page-out's end frees its frame),       *
*  starts the next and tries again.  Out: R15 = the frame, or 0.      *
*  Uses R0-R8, R15 (keeps R11).                                       *
***********************************************************************
PGGETW   ST    R14,PGGWR
PGGW10   BAL   R14,PGGET
         LTR   R15,R15
         BNZ   PGGW90
         ICM   R0,15,PGWIO         page-outs on their way?
         BZ    PGGW90              no: there is no frame
         BAL   R14,PGSTART         (one runs)
         BAL   R14,PGIDLE          its end
         BAL   R14,PGSTART         and the next starts
         B     PGGW10
PGGW90   L     R14,PGGWR
         BR    R14
PGGWR    DS    F
*
***********************************************************************
*  PGSTEAL: the clock.  The hand goes round the frame table from      *
*  where it stopped.  A guest page's frame that is not locked, not on *
*  its way out or in, and was referenced since the last turn loses    *
*  its reference bits (the guest keeps them in its page record).  The *
*  first one not referenced goes (PGOUT): a clean page's frame is the *
*  answer at once; a changed page starts on its way out (its write    *
*  queued, its frame free when the write is over) and the hand moves  *
*  on, until PGWMAX page-outs are on their way - the frames coming    *
*  free are then the answer, and the clock stops.  So the stealing    *
*  keeps a few frames coming free ahead of need, as VM/370's free     *
*  list was kept full by its stealing routine.  Two turns at most.    *
*  Out: R15 = the frame, or 0 (every frame locked, changed pages      *
*  enough on their way out, or no slot left).                         *
*  Uses R0-R8, R15 (keeps R11).                                       *
***********************************************************************
PGSTEAL  ST    R14,PGSTEALR
         L     R3,PGHAND
         L     R5,PGNFRM           two turns
         AR    R5,R5
PGS10    L     R0,PGWIO            enough page-outs on their way?
         C     R0,=A(PGWMAX)
         BNL   PGS45
         LA    R3,1(R3)            the next frame
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
         CLI   FTFLAG,0            on its way out or in?
         BNE   PGS40
         LR    R7,R3               the frame
         SLL   R7,12
         L     R1,FTVM             just read in for a machine that has
         C     R7,VMPGNEW-VMBLOK(R1) not run since? (it would fault
         BE    PGS40                 on it again at once)
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
PGS30    BAL   R14,PGOUT           no: it goes, now or once written
         BNZ   PGS40
         ST    R3,PGHAND           now: the answer
         LR    R15,R7
         L     R14,PGSTEALR
         BR    R14
PGS35    L     R0,PGLOCKED         (counted: frames a channel program
         AH    R0,=H'1'              kept)
         ST    R0,PGLOCKED
PGS40    BCT   R5,PGS10
PGS45    ST    R3,PGHAND
         SR    R15,R15             nothing to take now
         L     R14,PGSTEALR
         BR    R14
         DROP  R6
PGSOR0   OI    PGKEY0-PGREC(R8),0
PGSOR1   OI    PGKEY1-PGREC(R8),0
PGSTEALR DS    F
*
***********************************************************************
*  PGOUT: take frame R7 (entry R6, page record R8) from its machine:  *
*  its keys and the guest's reference and change bits kept in the     *
*  page record, the page-table entry invalid, the TLB purged, the     *
*  machine's shadow tables forgotten (VATPURGE).                      *
*   - A page its slot holds as it is (PGCUR, not changed): the frame  *
*     is free at once.  Out: CC 0.                                    *
*   - A changed page, or one never written: it goes ON ITS WAY OUT -  *
*     its write queued for the paging device (PGENQ, PGSTART), the    *
*     frame still the page's (FTFOUT; the invalid page-table entry    *
*     still names it, for PGRECLM) until PGDONE frees it.  PGCUR is   *
*     set only then.  Out: CC not 0.                                  *
*   - No slot free for it (the paging device is full): it stays.      *
*     Out: CC not 0.                                                  *
*  Uses R0-R2, R4, R15.                                               *
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
         MVI   PGOQ,0
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
PGO20    STH   R1,FTSLOT           to be written there
         MVI   PGOQ,1
         NI    PGKEY0-PGREC(R8),X'FF'-PGCUR  (the slot: not yet)
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
         CLI   PGOQ,0
         BE    PGO40
         LR    R0,R7               (on its way out: it still names
         SRL   R0,8                  the frame)
         O     R0,=F'8'
         STH   R0,0(R1)
PGO40    PTLB
         L     R1,VMFRAMES
         BCTR  R1,0
         ST    R1,VMFRAMES
         L     R1,PGSTEALS
         LA    R1,1(R1)
         ST    R1,PGSTEALS
         CALL  VATPURGE            (R11: the machine it left)
         CLI   PGOQ,0
         BNE   PGO50
         XC    FTVM(FTLEN),FTVM    the frame is nobody's
         L     R11,PGO11
         L     R14,PGOUTR
         CR    R0,R0               CC 0
         BR    R14
PGO50    MVI   FTFLAG,FTFOUT       on its way out
         L     R1,PGWIO
         LA    R1,1(R1)
         ST    R1,PGWIO
         LR    R1,R6
         BAL   R14,PGENQ
         BAL   R14,PGSTART
PGONO    L     R11,PGO11
         L     R14,PGOUTR
         LTR   R14,R14             CC not 0
         BR    R14
         DROP  R6
PGOUTR   DS    F
PGO11    DS    A
PGOK0    DS    X
PGOK1    DS    X
PGOQ     DS    X
*
***********************************************************************
*  PGPTE: the page-table entry of guest address R2 of machine R11.    *
*  Out: R1 -> it.  Uses R0, R1.  It needs no base register and no    *
*  literal, so pagekey.asm and prefix.asm call it too (CALL PGPTE);   *
*  GTRANS walks the same tables inline, being CP's hottest path.      *
***********************************************************************
PGPTE    LR    R1,R2               segment index * 4
         SRL   R1,16
         SLL   R1,2
         A     R1,VMTABLES
         L     R1,0(R1)
         SLL   R1,8                page-table origin: bits 8-28
         SRL   R1,11
         SLL   R1,3
         LR    R0,R2               page index (bits 16-19) * 2
         SLL   R0,16
         SRL   R0,28
         AR    R0,R0
         AR    R1,R0
         BR    R14
*
***********************************************************************
*  PGFTE: the frame-table entry of real address R1.  Out: R1 -> it;   *
*  CC not 0 if R1 is beyond real storage.  Uses R1.  Like PGPTE it    *
*  needs no base register and no literal: pagekey.asm and prefix.asm  *
*  call it too (CALL PGFTE).                                          *
***********************************************************************
PGFTE    SLL   R1,8                the frame number: bits 8-19
         SRL   R1,20
         C     R1,PGNFRM           (low storage: no base register)
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
*  PGSLOTIO: read (PGOP X'06') frame R7 from slot R1 (1 and up)       *
*  synchronously, for CP's own fault: the transfer running on the     *
*  paging device ends first (PGIDLE), and the queue goes on after.    *
*  (Every write is queued: PGOUT.  A slot is read only once its page  *
*  is written - PGCUR comes with the write's end - and the queue is   *
*  first come first served, so a read never overtakes the write it    *
*  needs.)  Out: CC 0 done; CC not 0 the I/O failed (SYNCIO's R15).   *
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
         BAL   R14,PGSTART         the queue: the next
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
*  THE PAGING QUEUE AND PAGE WAIT.  A guest's own page fault does not *
*  stop CP.  Every transfer on the paging device is a frame's: its    *
*  entry (FTE) is queued (PGQHEAD, FTNEXT; first come first served)   *
*  and one runs at a time (PGAFTE, FTFRUN), ending as an I/O          *
*  interruption (IOSNOTE calls PGIOINT: PGDONE, PGSTART).             *
*   - A page-out (FTFOUT, FTSLOT): PGOUT queued it; its frame is the  *
*     page's until the write is over, then free.  PGWIO counts them.  *
*   - A page-in for a machine's fault (FTFIN, PGWAIT): the machine    *
*     waits (VMSTATE VMSPGWT; the dispatcher passes it by) while the  *
*     others run; when the page is in, it runs again - first, as one  *
*     whose user has just typed a line does (VMFQ1), so that a        *
*     machine that pages is not held up a whole time slice per page   *
*     by one that computes.                                           *
*   - A machine whose fault finds no frame, while page-outs are on    *
*     their way, waits for one the same way (VMFPGFW): the end of a   *
*     page-out frees a frame and it runs again (PGWAKE) and faults    *
*     again.  So a steal of a changed page never stops CP: the        *
*     faulting machine waits for the write and then for its read,     *
*     and the others run.                                             *
*  Frames on their way in or out are never stolen (FTFLAG) and never  *
*  free.  CP's own faults (GTRANS) are synchronous: they wait for the *
*  transfer running (PGIDLE) and read with SYNCIO; a page read both   *
*  ways keeps the first frame, and the second goes back (PGDONE).     *
***********************************************************************
*
***********************************************************************
*  PGWAIT: a guest's page fault (PRIVOP's PAGEFLT, vat.asm's          *
*  VATFAULT).  In: R11 = VMBLOK, R2 = the guest (real) address.       *
*  Out: CC 0: the machine waits for its page or a frame (VMSPGWT), or *
*  the page has its frame already (on its way out: taken back; never  *
*  touched or dropped and a frame free: zeroed) and it runs again;    *
*  CC not 0: GTRANS's business (beyond its storage, valid already,    *
*  no frame and none coming).  Keeps R0-R14.                          *
***********************************************************************
PGWAIT   ENTER
         STM   R0,R12,PGWSAVE
         XC    VMPGNEW,VMPGNEW     (it ran: its last page is its own)
         NI    VMFLAG2,X'FF'-VMFPGFW   (a wait for a frame: over)
         ICM   R0,15,VMPGWFR       its read is already on its way
         BNZ   PGW50               (STORE PSW made it run again)
         ICM   R0,15,VMPGTAB
         BZ    PGW90
         N     R2,=X'00FFFFFF'
         C     R2,VMSIZE
         BNL   PGW90
         N     R2,=X'00FFF000'     the page
         BAL   R14,PGPTE           its entry
         ST    R1,PGWPTE
         TM    1(R1),X'08'         (valid: GTRANS's)
         BZ    PGW90
         BAL   R14,PGRECLM         on its way out: its own again
         BZ    PGW45
         BAL   R14,PGGET           a frame: free, or a clean one
         LTR   R7,R15
         BZ    PGW60
         L     R6,PGWSAVE+8        (PGGET used R6, R8)
         N     R6,=X'00FFF000'
         LR    R8,R6               its record
         SRL   R8,10
         A     R8,VMPGTAB
         TM    PGKEY0-PGREC(R8),PGCUR  on its slot?
         BO    PGW10
         L     R1,PGWPTE           no: the zeroed frame is its page
         BAL   R14,PGGIVE
         B     PGW45
PGW10    LR    R1,R7               yes: the frame is the page's, on
         BAL   R14,PGFTE             its way in from the slot
         USING FTE,R1
         XC    0(FTLEN,R1),0(R1)
         ST    R11,FTVM
         ST    R6,FTPAGE
         MVI   FTFLAG,FTFIN
         MVC   FTSLOT,PGSLOT-PGREC(R8)
         DROP  R1
         ST    R7,VMPGWFR
         ST    R6,VMPGWPG
         BAL   R14,PGENQ           queued last
         BAL   R14,PGSTART         started, if the device is free
         ICM   R0,15,VMPGWFR       (over already: it failed to start)
         BZ    PGW45
         L     R1,VMPGWTS
         LA    R1,1(R1)
         ST    R1,VMPGWTS
         L     R1,PGWAITS
         LA    R1,1(R1)
         ST    R1,PGWAITS
PGW50    MVI   VMSTATE,VMSPGWT
PGW45    LM    R0,R12,PGWSAVE
         CR    R0,R0               CC 0
         LEAVE PGWAIT
PGW60    ICM   R0,15,PGWIO         no frame: page-outs on their way
         BZ    PGW90                 free some - wait for one, for
         L     R6,PGWSAVE+8          this page (PGHANDF)
         N     R6,=X'00FFF000'
         ST    R6,VMPGWPG
         OI    VMFLAG2,VMFPGFW
         L     R1,PGFWAITS
         LA    R1,1(R1)
         ST    R1,PGFWAITS
         B     PGW50
PGW90    LM    R0,R12,PGWSAVE
         LEAVE PGWAIT,CC=NZ
PGWAITR  DS    F
PGWAITB  DS    F
PGWSAVE  DS    13F
PGWPTE   DS    A
*
***********************************************************************
*  PGENQ: frame-table entry R1 on the paging queue: a write last, a   *
*  read after the reads already there but before every write - a      *
*  machine waits for its read, nobody for a write.  (A read never     *
*  needs a write still queued: a page on its way out is taken back,   *
*  never read, and its slot holds it only once the write is over.)    *
*  Uses R0, R15.                                                      *
*  PGUNQ: frame-table entry R1 off it (if it is on it).  Uses R0, R15.*
*  Both keep R1.                                                      *
***********************************************************************
PGENQ    ST    R14,PGEQR
         LA    R15,PGQHEAD         -> the word that will name it
         TM    FTFLAG-FTE(R1),FTFIN
         BZ    PGEQ20              (a write: last)
PGEQ10   ICM   R14,15,0(R15)       a read: past the reads queued
         BZ    PGEQ30
         TM    FTFLAG-FTE(R14),FTFIN
         BZ    PGEQ30
         LA    R15,FTNEXT-FTE(R14)
         B     PGEQ10
PGEQ20   ICM   R14,15,PGQTAIL      a write: after the last
         BZ    PGEQ30
         LA    R15,FTNEXT-FTE(R14)
PGEQ30   MVC   FTNEXT-FTE(4,R1),0(R15)   R1 in front of what R15 names
         ST    R1,0(R15)
         L     R14,PGEQR
         ICM   R0,15,FTNEXT-FTE(R1)      the last now?
         BNZR  R14
         ST    R1,PGQTAIL
         BR    R14
PGEQR    DS    F
*
PGUNQ    LA    R15,PGQHEAD         -> the word that may name it
PGUQ10   ICM   R0,15,0(R15)
         BZR   R14                 (not on it)
         CR    R0,R1
         BE    PGUQ20
         LR    R15,R0
         LA    R15,FTNEXT-FTE(R15)
         B     PGUQ10
PGUQ20   MVC   0(4,R15),FTNEXT-FTE(R1)   the one after it in its place
         XC    FTNEXT-FTE(4,R1),FTNEXT-FTE(R1)
         C     R1,PGQTAIL          it was the last?
         BNER  R14
         LA    R0,PGQHEAD          then the one before it is (or none)
         CR    R15,R0
         BNE   PGUQ30
         SR    R15,R15
         B     PGUQ40
PGUQ30   S     R15,=A(FTNEXT-FTE)
PGUQ40   ST    R15,PGQTAIL
         BR    R14
*
***********************************************************************
*  PGSTART: if no transfer runs, start the first one queued: a        *
*  page-out's write (FTFOUT) or a page-in's read.  One the channel    *
*  refuses is done synchronously instead.  Keeps R2-R14.              *
*  Uses R0, R1, R15.                                                  *
***********************************************************************
PGSTART  ICM   R1,15,PGAFTE        one running?
         BNZR  R14
         ICM   R1,15,PGQHEAD       one waiting?
         BZR   R14
         ST    R14,PGSTR
         STM   R2,R8,PGSTS
         BAL   R14,PGUNQ           off the queue: it runs
         ST    R1,PGAFTE
         USING FTE,R1
         OI    FTFLAG,FTFRUN
         MVI   PGOP,X'06'          a read
         TM    FTFLAG,FTFOUT
         BZ    PGST05
         MVI   PGOP,X'05'          or a write
PGST05   MVC   PGAOP,PGOP
         LH    R0,FTSLOT
         DROP  R1
         LR    R7,R1               its frame: (entry - PGFTAB) * 256
         S     R7,PGFTAB
         SLL   R7,8
         LR    R1,R0
         BAL   R14,PGCCW
         LA    R1,PGCCWS
         ST    R1,CAW
         LH    R2,PAGDEV
         SIO   0(R2)
         BC    8,PGST30            started
         LA    R1,PGCCWS           refused (status was pending): now,
         BAL   R14,SYNCIO            as CP's own (SYNCIO tries again,
         MVC   PGDCSW,SYNCCSW        and waits)
         BZ    PGST25
         MVC   PGDCSW,=X'000000000C200000'   (failed)
PGST25   BAL   R14,PGDONE
         LM    R2,R8,PGSTS         and the next starts
         L     R14,PGSTR
         B     PGSTART
PGST30   LM    R2,R8,PGSTS
         L     R14,PGSTR
         BR    R14
PGSTR    DS    F
PGSTS    DS    7F
*
***********************************************************************
*  PGIOINT: an I/O interruption from the paging device (IOSNOTE): a   *
*  transfer is over: PGDONE, and the next starts.  Keeps R0-R14.      *
***********************************************************************
PGIOINT  ENTER
         STM   R0,R12,PGISAVE
         TM    CSW+4,X'04'         device end: over
         BZ    PGI90
         ICM   R0,15,PGAFTE        (nothing of ours ran: stray)
         BZ    PGI90
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
*  PGIDLE: if a transfer runs, wait for its end (the paging device's  *
*  channel alone open, 100 ms at most: then it is halted) and finish  *
*  it (PGDONE).  Keeps R2-R14.  Uses R0, R1, R15.                     *
***********************************************************************
PGIDLE   ICM   R1,15,PGAFTE
         BZR   R14
         ST    R14,PGIDR
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
*  PGDONE: the transfer PGAFTE names is over, its CSW in PGDCSW       *
*  (clean: channel end and device end, nothing else).                 *
*   A write (PGAOP X'05'): clean - the slot holds the page (PGCUR),   *
*     its page-table entry X'0008', and the frame free: a machine     *
*     waiting for one runs again (PGWAKE).  Failed - the page keeps   *
*     its frame (PGBACK; PGCUR off, so it is written again when it is *
*     stolen again).  Taken back meanwhile (FTFOUT off): nothing      *
*     more.  Its machine gone (FTVM 0): the frame is free.            *
*   A read: clean - the page is in its frame (keys back, entry        *
*     valid) and the machine runs again, first (VMFQ1).  Failed, or   *
*     the page got a frame meanwhile (CP read it itself), or the      *
*     machine went (FTVM 0): the frame goes back; a machine that      *
*     faults again tries again.                                       *
*  Uses R0-R8, R15 (keeps R11).                                       *
***********************************************************************
PGDONE   ST    R14,PGDR
         ST    R11,PGD11
         L     R6,PGAFTE           its frame-table entry
         XC    PGAFTE,PGAFTE
         USING FTE,R6
         NI    FTFLAG,X'FF'-FTFRUN
         LR    R7,R6               its frame
         S     R7,PGFTAB
         SLL   R7,8
         SR    R3,R3               R3 0: clean
         TM    PGDCSW+4,X'F3'      anything but channel and device end?
         BNZ   PGD02
         CLI   PGDCSW+5,0
         BE    PGD03
PGD02    LA    R3,1
         L     R1,PGIOERRS
         LA    R1,1(R1)
         ST    R1,PGIOERRS
PGD03    ICM   R11,15,FTVM         whose?
         CLI   PGAOP,X'05'
         BNE   PGD40
         L     R1,PGWIO            a write: one fewer on its way
         BCTR  R1,0
         ST    R1,PGWIO
         LTR   R11,R11             its machine gone: free
         BZ    PGD80
         TM    FTFLAG,FTFOUT       taken back meanwhile: its own
         BNO   PGD90
         LTR   R3,R3               failed: it keeps its frame
         BZ    PGD10
         L     R1,PGWIO            (PGBACK counts it off again)
         LA    R1,1(R1)
         ST    R1,PGWIO
         LR    R1,R6
         BAL   R14,PGBACK
         B     PGD90
PGD10    L     R8,FTPAGE           written: its slot holds it
         SRL   R8,10
         A     R8,VMPGTAB
         OI    PGKEY0-PGREC(R8),PGCUR
         L     R2,FTPAGE           its entry: no frame now
         BAL   R14,PGPTE
         MVC   0(2,R1),=X'0008'
         L     R1,VMPGOUT
         LA    R1,1(R1)
         ST    R1,VMPGOUT
         L     R1,PGOUTS
         LA    R1,1(R1)
         ST    R1,PGOUTS
         B     PGD80
PGD40    NI    FTFLAG,X'FF'-FTFIN  a read
         LTR   R11,R11             its machine gone: free
         BZ    PGD80
         XC    VMPGWFR,VMPGWFR     its wait is over, one way or the
         CLI   VMSTATE,VMSPGWT       other
         BNE   PGD45
         MVI   VMSTATE,VMSRUN
         OI    VMFLAGS,VMFQ1       and it runs next, not after the
*                                    running machine's time slice (as
*                                    after its user's line: VMFQ1)
PGD45    L     R2,FTPAGE           the page
         BAL   R14,PGPTE
         TM    1(R1),X'08'         a frame already?
         BZ    PGD80
         LTR   R3,R3               (failed)
         BNZ   PGD80
         LR    R8,R2               its record: the keys
         SRL   R8,10
         A     R8,VMPGTAB
         BAL   R14,PGKEYSET
         LR    R0,R7               the page-table entry: valid
         SRL   R0,8
         STH   R0,0(R1)
         ST    R7,VMPGNEW          (kept from the clock till it runs)
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
PGD80    XC    FTVM(FTLEN),FTVM    the frame is free: to a machine
         BAL   R14,PGHANDF           waiting for one, at once, or to
         BZ    PGD85                 the free chain
         LR    R15,R7
         BAL   R14,FRAMEFRE
         BAL   R14,PGWAKE
         B     PGD90
PGD85    ICM   R0,15,PGWIO         (no page-out left on its way: the
         BNZ   PGD90                 other waiters try again)
         BAL   R14,PGWAKE
PGD90    L     R11,PGD11
         L     R14,PGDR
         BR    R14
         DROP  R6
PGDR     DS    F
PGD11    DS    A
*
***********************************************************************
*  PGHANDF: frame R7 came free (its entry zeroed): it goes at once to *
*  the next machine waiting for a frame (VMFPGFW, round the VMBLOKs), *
*  for the page its fault wanted (VMPGWPG) - zeroed and its page if   *
*  the page was never touched or was dropped (the machine runs        *
*  again), or read into from the page's slot (the machine waits on,   *
*  now for its read: queued; whoever called PGDONE starts the queue   *
*  after it).  So a machine that waited for a page-out does not fault *
*  a second time.  The page got a frame meanwhile, or is on its way   *
*  out (CP's own use of it): that machine runs and faults again, and  *
*  the next is looked at.  Out: CC 0 handed; CC not 0 nobody to hand  *
*  it to.  Uses R0-R8, R11, R15.                                      *
***********************************************************************
PGHANDF  ST    R14,PGHFR
         ICM   R11,15,PGWKAT       from the one after the last woken
         BNZ   PGHF05
         L     R11,=A(VMTABLE)
PGHF05   LA    R3,NUMVM
PGHF10   LA    R11,VMBLKLEN(R11)   the next (after the last: the first)
         C     R11,=A(VMTABLE+NUMVM*VMBLKLEN)
         BL    PGHF12
         L     R11,=A(VMTABLE)
PGHF12   TM    VMFLAG2,VMFPGFW     waiting for a frame?
         BZ    PGHF14
         CLI   VMSTATE,VMSPGWT
         BE    PGHF20
PGHF14   BCT   R3,PGHF10
         L     R14,PGHFR           nobody
         LTR   R14,R14             CC not 0
         BR    R14
PGHF20   ST    R11,PGWKAT
         NI    VMFLAG2,X'FF'-VMFPGFW
         MVI   VMSTATE,VMSRUN      (it runs, unless it waits on)
         OI    VMFLAGS,VMFQ1
         L     R2,VMPGWPG          its page's entry: still X'0008'?
         BAL   R14,PGPTE
         CLC   0(2,R1),=X'0008'
         BNE   PGHF14              no: it faults again; the next
         ST    R1,PGHFP
         LR    R15,R7              zeroed, keys 0
         BAL   R14,FRAMEZAP
         L     R6,VMPGWPG
         LR    R8,R6               its record
         SRL   R8,10
         A     R8,VMPGTAB
         TM    PGKEY0-PGREC(R8),PGCUR  on its slot?
         BO    PGHF40
         L     R1,PGHFP            no: the frame is its page
         BAL   R14,PGGIVE
         B     PGHF80
PGHF40   LR    R1,R7               yes: read into it; it waits on
         BAL   R14,PGFTE
         USING FTE,R1
         ST    R11,FTVM
         ST    R6,FTPAGE
         MVI   FTFLAG,FTFIN
         MVC   FTSLOT,PGSLOT-PGREC(R8)
         DROP  R1
         ST    R7,VMPGWFR
         BAL   R14,PGENQ
         MVI   VMSTATE,VMSPGWT
         L     R1,VMPGWTS
         LA    R1,1(R1)
         ST    R1,VMPGWTS
         L     R1,PGWAITS
         LA    R1,1(R1)
         ST    R1,PGWAITS
PGHF80   L     R1,PGHANDS          (counted)
         LA    R1,1(R1)
         ST    R1,PGHANDS
         L     R14,PGHFR
         CR    R0,R0               CC 0
         BR    R14
PGHFR    DS    F
PGHFP    DS    A
*
***********************************************************************
*  PGWAKE: a frame came free: the next machine waiting for one        *
*  (VMFPGFW), round the VMBLOKs from the one woken last, runs again   *
*  and faults again; when no page-out is left on its way (PGWIO 0:    *
*  no frame will come free that way), every one of them does.         *
*  Uses R0, R1, R15.                                                  *
***********************************************************************
PGWAKE   ICM   R1,15,PGWKAT        from the one after the last woken
         BNZ   PGWK05
         L     R1,=A(VMTABLE)
PGWK05   LA    R0,NUMVM
PGWK10   LA    R1,VMBLKLEN(R1)     the next (after the last: the first)
         C     R1,=A(VMTABLE+NUMVM*VMBLKLEN)
         BL    PGWK12
         L     R1,=A(VMTABLE)
PGWK12   TM    VMFLAG2-VMBLOK(R1),VMFPGFW
         BZ    PGWK20
         NI    VMFLAG2-VMBLOK(R1),X'FF'-VMFPGFW
         CLI   VMSTATE-VMBLOK(R1),VMSPGWT
         BNE   PGWK20
         MVI   VMSTATE-VMBLOK(R1),VMSRUN
         OI    VMFLAGS-VMBLOK(R1),VMFQ1
         ST    R1,PGWKAT
         ICM   R15,15,PGWIO        page-outs still on their way: one
         BNZR  R14                   is enough
PGWK20   BCT   R0,PGWK10
         BR    R14
PGWKAT   DC    A(0)                the VMBLOK woken last
*
***********************************************************************
*  PGCANCEL: machine R11 goes, or is cleared: it waits no more (for a *
*  read or for a frame); its read is dropped (PGDROP); and so are the *
*  page-outs of its pages on their way (their page-table entries      *
*  X'0008' first: the pages have no frame now; LOGOFF and SYSTEM      *
*  CLEAR drop them).  (Called by pagekey.asm's PGLOGOF and PGCLEAR.)  *
*  Keeps R2-R14.  Uses R0, R1, R15.                                   *
***********************************************************************
PGCANCEL ENTER PGCN
         STM   R2,R3,PGCANS
         NI    VMFLAG2,X'FF'-VMFPGFW
         CLI   VMSTATE,VMSPGWT
         BNE   PGCN05
         MVI   VMSTATE,VMSRUN
PGCN05   ICM   R1,15,VMPGWFR       its read
         BZ    PGCN10
         XC    VMPGWFR,VMPGWFR
         BAL   R14,PGFTE
         BAL   R14,PGDROP
PGCN10   ICM   R1,15,PGWIO         its page-outs: none on their way,
         BZ    PGCN40                no walk
         L     R1,PGFTAB           the frame table
         L     R3,PGNFRM
PGCN20   C     R11,FTVM-FTE(R1)
         BNE   PGCN30
         TM    FTFLAG-FTE(R1),FTFOUT
         BNO   PGCN30
         ST    R1,PGCANF
         L     R2,FTPAGE-FTE(R1)
         BAL   R14,PGPTE
         MVC   0(2,R1),=X'0008'
         L     R1,PGCANF
         BAL   R14,PGDROP
         L     R1,PGCANF
PGCN30   LA    R1,FTLEN(R1)
         BCT   R3,PGCN20
PGCN40   BAL   R14,PGWAKE          (frames may have come free)
         LM    R2,R3,PGCANS
         LEAVE PGCN
PGCNR    DS    F
PGCNB    DS    F
PGCANF   DS    F
PGCANS   DS    2F
*
***********************************************************************
*  PGDROP: the transfer of frame-table entry R1 (queued or running)   *
*  is for a machine that goes: running (FTFRUN), it ends as nobody's  *
*  (FTVM 0: PGDONE frees the frame); queued, it is off the queue (a   *
*  page-out: one fewer on its way) and the frame free.                *
*  Uses R0, R1, R15.                                                  *
***********************************************************************
PGDROP   TM    FTFLAG-FTE(R1),FTFRUN
         BNO   PGDP10
         XC    FTVM-FTE(4,R1),FTVM-FTE(R1)
         BR    R14
PGDP10   ST    R14,PGDPR
         BAL   R14,PGUNQ
         TM    FTFLAG-FTE(R1),FTFOUT
         BNO   PGDP20
         L     R0,PGWIO
         BCTR  R0,0
         ST    R0,PGWIO
PGDP20   XC    0(FTLEN,R1),0(R1)
         LR    R15,R1              its frame
         S     R15,PGFTAB
         SLL   R15,8
         BAL   R14,FRAMEFRE
         L     R14,PGDPR
         BR    R14
PGDPR    DS    F
*
***********************************************************************
*  PGSALLOC: a free paging slot (the first 0 bit in the slot map).    *
*  Out: R1 = its number (1 and up), or 0 if none is left.             *
*  Uses R0, R1, R15.                                                  *
***********************************************************************
PGSALLOC ST    R14,PGSAR
         L     R1,PGSLOTS          (the device full: none, at once -
         C     R1,PGNSLOT            the clock asks for every changed
         BNL   PGSA90                page it passes)
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
*  PGLOGON: a new machine's page records (LOGON, after its DAT        *
*  tables): a frame, all zero.  In: R11 = VMBLOK.  Out: R15 = the     *
*  frame, or 0 (none could be had: its DAT-table frame is given back  *
*  too).  Keeps R0-R14.                                               *
***********************************************************************
PGLOGON  ENTER
         STM   R0,R12,PGRSAVE
         BAL   R14,PGGETW
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
*  The frame table's and the paging counts (QUERY PAGING, the TUI).   *
***********************************************************************
*  (PGFTAB and PGNFRM, the frame table and its size, are in CP's low
*  storage, psa.asm: PGFTE reaches them without a base register.)
PGSMAP   DC    A(0)                the slot map: a bit a slot, 1 used
PGNSLOT  DC    F'0'                slots in the page area
PGMAPOFF DC    F'0'
PGHAND   DC    F'0'                where the clock's hand stopped
PGINS    DC    F'0'                pages read in
PGOUTS   DC    F'0'                pages written out
PGSTEALS DC    F'0'                frames taken from their machines
PGFAULTS DC    F'0'                frames given to guest pages
PGSLOTS  DC    F'0'                slots in use
PGIOERRS DC    F'0'                paging I/O that failed
PGWAITS  DC    F'0'                page waits for a read (guest faults)
PGFWAITS DC    F'0'                page waits for a frame (page-outs)
PGRECLMS DC    F'0'                pages taken back on their way out
PGHANDS  DC    F'0'                frames handed to a frame waiter
PGLOCKED DC    F'0'                times the clock passed a locked frame
PGWIO    DC    F'0'                page-outs on their way (queued, running)
PGWMAX   EQU   8                   ... at most, before the clock stops
PGQHEAD  DC    A(0)                the paging queue: frame-table entries
PGQTAIL  DC    A(0)                  waiting for the device (FTNEXT)
PGAFTE   DC    A(0)                the one whose transfer runs, or 0
PGAOP    DC    X'00'               ... its command (X'05' write, X'06')
         DS    0D
PGIOCSW  DC    XL8'00'             the first failure's CSW (byte 0: R15)
PGDCSW   DC    XL8'00'             the CSW of the read just over
         LTORG                     the module's literals
