***********************************************************************
*  VAT: virtual address translation - shadow tables (DMKVAT; issue    *
*  12, "Equivalence").                                                *
*                                                                     *
*  A virtual machine may turn dynamic address translation on for      *
*  itself: EC mode, PSW bit 5, its own segment table at its CR1, the  *
*  page and segment size in its CR0.  Its "real" storage is already   *
*  virtual - CP's per-machine tables (VMTABLES, GTRANS) map it onto   *
*  real frames - so the guest's virtual addresses need TWO            *
*  translations, and the hardware does only one.  CP composes them:   *
*  while the virtual PSW has DAT on, the real CR1 points at a SHADOW  *
*  segment table of CP's own whose entries map the guest's virtual    *
*  addresses straight to real frames (guest virtual -> guest real by  *
*  the guest's tables, guest real -> real by CP's), and the real CR0  *
*  has the guest's page and segment size.  The hardware then runs     *
*  the guest at full speed.                                           *
*                                                                     *
*  A shadow table starts empty (every entry invalid) and is filled    *
*  one page at a time, on demand: the real machine's segment- or      *
*  page-translation exception comes to CP (VATFAULT), which walks the *
*  guest's tables for that address.  If the guest's own entry is      *
*  invalid, or beyond its table, the guest gets the interruption a    *
*  real machine would have given it, with the address at its X'90';  *
*  otherwise the shadow entry is filled and the instruction, which    *
*  the exception nullified, runs again.  The shadow tables are a      *
*  translation-lookaside buffer in storage: the guest's changes to    *
*  its tables count once it says so, with PTLB, IPTE or a new CR0 or  *
*  CR1, and then CP forgets every shadow entry (VATPURGE) - as the    *
*  architecture allows a real TLB to forget anything at any time.     *
*                                                                     *
*  The shadow tables live in frames of CP's (VMVATFR, at most         *
*  VMVATNF, counted in the machine's VMFRAMES); when they are full CP *
*  forgets everything and starts over.  They reach only frames GTRANS *
*  gave the machine, so whatever its tables say, a guest reaches no   *
*  storage but its own; and every table entry it names is fetched     *
*  through GTRANS, so a table beyond its storage is an addressing     *
*  exception for it, as on the real machine.                          *
*                                                                     *
*  The dual-address-space facility (das, vdas.asm's DMKDAS): in the   *
*  secondary-space mode (virtual PSW bit 16) the guest's current      *
*  space is CR7's, so the real CR1 is the shadow of the STD the       *
*  guest uses NOW.  The first frame holds two shadow segment tables,  *
*  A (+0, for the STD in VMVATCR1) and B (+1K, VMVATSB), sharing the  *
*  page-table room: a guest switching between two spaces (SAC, PC,    *
*  PT) keeps both filled; a third STD takes the older one's place     *
*  (its page tables stay taken until the next purge, which forgets    *
*  both).  VMVATCUR is the one in use.  VATWALK walks CR7's tables    *
*  and a translation exception there gives the guest X'90' with bit   *
*  0 (VWSEC); VATWSTD walks a space named (MVCP, MVCS).               *
*                                                                     *
*  Here too: LRA, PTLB, IPTE, TB, TPROT for the guest (VATSIM), and   *
*  the guest-virtual step in front of GTRANS for the operands of the  *
*  instructions CP emulates while DAT is on (VATCOPY, for GCOPYVI/VO).*
*  The bare CPU (src/cpu/access.rs, dat_walk_prot) is the model: the  *
*  same checks, in the same order.                                    *
*                                                                     *
*  A module: its own CSECT, R13 its base (ENTER).                     *
***********************************************************************
DMKVAT   CSECT
         USING DMKVAT,R13          the module's base (ENTER sets it)
         USING VMBLOK,R11
*
***********************************************************************
*  VATRUN: the dispatcher is about to run machine R11.  If its        *
*  virtual PSW has DAT on (EC mode, bit 5), the real CR1 becomes its  *
*  shadow segment table (made on first use; forgotten if the guest's  *
*  current STD - CR1's, or CR7's in the secondary-space mode - or     *
*  translation format changed since it was built) and the real        *
*  CR0's bits 8-12 the guest's page and segment size; VMFSHAD says    *
*  so.  Otherwise, if the last machine ran on shadow tables, the real *
*  CR0 gets CP's format back (CR1 the dispatcher has loaded already). *
*  Only bits 8-12 of the real CR0 are changed here; VATREAL (in the   *
*  core: the dispatcher looks at it) says whether they are a guest's. *
*  In: R11.  Out: R15 = 0, or 2 if no frame is left for the shadow    *
*  segment table (the machine cannot run).  Uses R0, R1, R15.         *
***********************************************************************
VATRUN   ENTER
         TM    VMPSW+1,PSWEC       DAT on in the virtual PSW?
         BZ    VR50
         TM    VMPSW,X'04'
         BZ    VR50
         MVC   VRSTD,VMCRS+4       the space it runs in: CR1's, or
         TM    VMPSW+2,X'80'         in the secondary-space mode
         BZ    VR05                  (PSW bit 16, das) CR7's
         MVC   VRSTD,VMCRS+28
VR05     ICM   R1,15,VMVATFR       its shadow segment table
         BNZ   VR10
         BAL   R14,FRAMEGET        the first time: a frame for it
         LTR   R15,R15
         BZ    VRNOFRM
         ST    R15,VMVATFR
         LA    R0,1
         ST    R0,VMVATN
         L     R0,VMFRAMES         (counted against the machine)
         AH    R0,=H'1'
         ST    R0,VMFRAMES
         B     VR20
VR10     IC    R0,VMCRS+1          built for this format?
         N     R0,=F'248'
         STC   R0,VRFMT
         CLC   VRFMT,VMVATFMT
         BNE   VR20
         CLC   VMVATCR1,VRSTD      and this space's STD: shadow A,
         BE    VR24
         TM    VMVATBF,X'01'         or B (das)?
         BZ    VR12
         CLC   VMVATSB,VRSTD
         BE    VR26
VR12     TM    VMVATBF,X'02'       neither: the older one starts
         BO    VR14                  afresh for it (its page tables
         MVC   VMVATCR1,VRSTD        stay taken until a purge)
         L     R1,VMVATFR
         BAL   R14,VSTCLR
         OI    VMVATBF,X'02'
         B     VR24
VR14     MVC   VMVATSB,VRSTD
         L     R1,VMVATFR
         LA    R1,1024(R1)
         BAL   R14,VSTCLR
         MVI   VMVATBF,X'01'
         B     VR26
VR20     BAL   R14,VATPURG1        no: start afresh
         MVC   VMVATCR1,VRSTD
         MVI   VMVATBF,X'02'
         IC    R0,VMCRS+1
         N     R0,=F'248'
         STC   R0,VMVATFMT
VR24     L     R0,VMVATFR          shadow A
         B     VR28
VR26     L     R0,VMVATFR          shadow B
         A     R0,=F'1024'
VR28     ST    R0,VMVATCUR
VR30     STCTL R0,R0,VRCR0         the real CR0 with the guest's
         NI    VRCR0+1,X'07'         page and segment size
         OC    VRCR0+1(1),VMVATFMT
         LCTL  R0,R0,VRCR0
         L     R0,VMVATCUR         the real CR1: the shadow segment
         O     R0,=X'0F000000'       table, all 256 entries
         ST    R0,VRCR1
         LCTL  R1,R1,VRCR1
         OI    VMFLAG2,VMFSHAD
         MVI   VATREAL,1
         SR    R15,R15
         LEAVE VATRUN
VR50     NI    VMFLAG2,X'FF'-VMFSHAD
         CLI   VATREAL,0           was the real CR0 a guest's?
         BE    VR60
         STCTL R0,R0,VRCR0         CP's page and segment size again
         NI    VRCR0+1,X'07'
         OC    VRCR0+1(1),CPCR0+1
         LCTL  R0,R0,VRCR0
         MVI   VATREAL,0
VR60     SR    R15,R15
         LEAVE VATRUN
VRNOFRM  LA    R15,2
         LEAVE VATRUN
VATRUNR  DS    F
VATRUNB  DS    F
VRCR0    DS    F
VRCR1    DS    F
VRSTD    DS    F
VRFMT    DS    X
*
***********************************************************************
*  VATPURGE: forget every shadow-table entry of machine R11 (its      *
*  segment table all invalid again, its page-table room empty); the   *
*  frames stay the machine's.  Called for PTLB, IPTE, a new CR0 or    *
*  CR1, and by the paging code whenever a frame is taken from the     *
*  machine.  The dispatcher purges the real TLB at every dispatch.    *
*  In: R11.  Uses R0, R1, R15.                                        *
***********************************************************************
VATPURGE ENTER VPG
         BAL   R14,VATPURG1
         LEAVE VPG
VPGR     DS    F
VPGB     DS    F
*  VATPURG1: the same, for this module (BAL).
VATPURG1 ICM   R1,15,VMVATFR       no shadow tables: nothing to do
         BZR   R14
         ST    R14,VPG1R
         BAL   R14,VSTCLR          both segment tables (A, B: das)
         LA    R1,1024(R1)
         BAL   R14,VSTCLR
         L     R14,VPG1R
         LA    R0,1024(R1)         page tables from +2K
         ST    R0,VMVATNX
         L     R1,VMVATFR
         LA    R0,2048(R1)         to the end of the frame
         LA    R0,2048(R0)
         ST    R0,VMVATEN
         XC    VMVATCI,VMVATCI
         L     R1,VMVATPRG         (counted)
         LA    R1,1(R1)
         ST    R1,VMVATPRG
         BR    R14
VPG1R    DS    F
*  VSTCLR: the shadow segment table at R1: 256 invalid entries.
VSTCLR   MVC   0(4,R1),=X'00000001'    (an MVC overlapping itself
         MVC   4(252,R1),0(R1)           repeats the first entry)
         MVC   256(256,R1),0(R1)
         MVC   512(256,R1),0(R1)
         MVC   768(256,R1),0(R1)
         BR    R14
*
***********************************************************************
*  VATFREE: the shadow tables' frames back to the free chain (LOGOFF, *
*  SYSTEM RESET and CLEAR).  In: R11.  Uses R0, R1, R6, R7, R15.      *
***********************************************************************
VATFREE  ENTER
         ICM   R6,15,VMVATN
         BZ    VFR20
         LA    R7,VMVATFR
VFR10    L     R15,0(R7)
         BAL   R14,FRAMEFRE
         LA    R7,4(R7)
         BCT   R6,VFR10
         L     R0,VMFRAMES
         S     R0,VMVATN
         ST    R0,VMFRAMES
VFR20    XC    VMVATFR(VMVATNF*4),VMVATFR
         XC    VMVATN(20),VMVATN   VMVATN CI NX EN CR1
         MVI   VMVATFMT,0
         NI    VMFLAG2,X'FF'-VMFSHAD
         LEAVE VATFREE
VATFREER DS    F
VATFREEB DS    F
*
***********************************************************************
*  VATFAULT: the real machine gave a segment- or page-translation     *
*  exception (code X'10', X'11') to machine R11, which ran on its     *
*  shadow tables (VMFSHAD): the address (TRANSADR) has no shadow      *
*  entry.  Walk the guest's tables for it (VATWALK):                  *
*   - they translate it: the shadow entry is filled (a shadow page    *
*     table first, if the segment has none) with the real frame       *
*     (GTRANS) and the segment's protection bit;                      *
*   - they do not: the guest's interruption, as the real machine      *
*     would give it.  Segment and page translation: nullified (the    *
*     virtual PSW still points at the instruction), the address to    *
*     the guest's X'90'; addressing (a table or a page beyond its     *
*     storage) and translation specification (an entry's bits that   *
*     must be zero): suppressed, the PSW past the instruction.        *
*  In: R11; PRGILC.  Out: R15 = 0: filled (or in page wait: pageio), *
*  run it again; 3: reflect the program interruption whose code is in *
*  R2; 2: no frame left (NOSTORE).  Uses R0-R8, R15.                  *
***********************************************************************
VATFAULT ENTER VFT
         L     R2,TRANSADR         the address (its page)
         N     R2,=X'00FFFFFF'
         ST    R2,VFVA
         ST    R2,VATXTEA
         BAL   R14,VATWALK         the guest's tables
         BNZ   VF50
         CALL  PGWAIT              (pageio) its page on its slot: page
         BNZ   VF10                  wait, as for a fault with DAT off
         CLI   VMSTATE,VMSPGWT       (paging.asm); it runs again once
         BE    VFOUT0                the page is in, and faults again
VF10     BAL   R14,GTRANS          guest real -> real
         BNZ   VF40
         ST    R2,VFREAL
         L     R6,VFVA             the shadow segment-table entry
         L     R8,VWSSH
         SRL   R6,0(R8)
         SLL   R6,2
         A     R6,VMVATCUR         (the current space's: das)
         TM    3(R6),X'01'         without a page table yet?
         BZ    VF20
         BAL   R14,VATPTGET        R1 = one, every entry invalid
         LTR   R15,R15
         BNZ   VFOUT
         O     R1,=X'F0000000'     (the largest: any page index fits)
         ST    R1,0(R6)
         OC    3(1,R6),VWPROT      and the guest's segment protection
VF20     L     R7,0(R6)            -> the shadow page-table entry
         N     R7,=X'00FFFFF8'
         L     R1,VFVA
         BAL   R14,VPINDEX
         AR    R1,R1
         AR    R7,R1
         L     R0,VFREAL           the real frame's address bits 8-19
         SRL   R0,8                  (4K pages) or 8-20 (2K)
         N     R0,=X'0000FFF0'
         CH    R8,=H'12'
         BE    VF30
         L     R0,VFREAL
         SRL   R0,8
         N     R0,=X'0000FFF8'
VF30     STH   R0,0(R7)
         L     R1,VMVATFIL         (counted)
         LA    R1,1(R1)
         ST    R1,VMVATFIL
         SR    R15,R15
         B     VFOUT
VF40     CH    R15,=H'1'           the page beyond the storage:
         BNE   VFOUT                 addressing
         LA    R15,5
VF50     CH    R15,=H'7'           no frame for a table: NOSTORE
         BE    VFNOFRM
         BAL   R14,VATCODE         R2 = the code
         STH   R2,VFCODE
         CH    R2,=H'16'           translation: nullified, X'90'
         BL    VF60
         CH    R2,=H'18'
         BE    VF60
         BAL   R14,VATTEA
         B     VF70
VF60     SR    R3,R3               the others: suppressed
         IC    R3,PRGILC
         L     R0,VMPSW+4
         AR    R0,R3
         STCM  R0,7,VMPSW+5
VF70     LH    R2,VFCODE
         LA    R15,3
         B     VFOUT
VFNOFRM  LA    R15,2
         B     VFOUT
VFOUT0   SR    R15,R15             (pageio: in page wait)
VFOUT    LEAVE VFT
VFTR     DS    F
VFTB     DS    F
VFVA     DS    F
VFREAL   DS    F
VFCODE   DS    H
*
***********************************************************************
*  VATPTGET: room for one shadow page table, 2 << (VWSSH - VWPSH)     *
*  bytes (32 to 1K: a 64K or 1M segment of 4K or 2K pages), every     *
*  entry invalid.  From the frame VMVATNX is in, or the next one the  *
*  machine holds, or a new one (FRAMEGET, within its share and        *
*  VMVATNF); when there is none, every shadow entry is forgotten      *
*  (VATPURG1) and the room starts again after the segment table.      *
*  In: R11, VWSSH, VWPSH.  Out: R15 = 0, R1 = the page table.         *
*  Uses R0, R1, R8, R15.                                              *
***********************************************************************
VATPTGET ST    R14,VPR
         LA    R0,2                its size
         L     R8,VWSSH
         S     R8,VWPSH
         SLL   R0,0(R8)
         ST    R0,VPSIZE
VP10     L     R1,VMVATNX          room left in this frame?
         LR    R15,R1
         A     R15,VPSIZE
         C     R15,VMVATEN
         BNH   VP30
         L     R15,VMVATCI         no: the next frame held
         LA    R15,4(R15)
         L     R0,VMVATN
         SLL   R0,2
         CR    R15,R0
         BL    VP20
         LA    R0,VMVATNF*4        a new one, if it may
         CR    R15,R0
         BNL   VP25
         L     R0,VMFRAMES
         C     R0,FRMSHARE
         BNL   VP25
         ST    R15,VPCI
         BAL   R14,FRAMEGET
         LTR   R15,R15
         BZ    VP25
         L     R1,VPCI
         ST    R15,VMVATFR(R1)
         L     R0,VMVATN
         AH    R0,=H'1'
         ST    R0,VMVATN
         L     R0,VMFRAMES
         AH    R0,=H'1'
         ST    R0,VMFRAMES
         LR    R15,R1
VP20     ST    R15,VMVATCI
         L     R1,VMVATFR(R15)
         ST    R1,VMVATNX
         LA    R1,2048(R1)
         LA    R1,2048(R1)
         ST    R1,VMVATEN
         B     VP10
VP25     BAL   R14,VATPURG1        full: forget everything
         B     VP10
VP30     ST    R15,VMVATNX         taken
         LH    R0,=X'0008'         every entry invalid (4K pages:
         L     R8,VWPSH              bit 12; 2K pages: bit 13)
         CH    R8,=H'12'
         BE    VP35
         LH    R0,=X'0004'
VP35     L     R8,VPSIZE
         SRL   R8,1
         LR    R15,R1
VP40     STH   R0,0(R15)
         LA    R15,2(R15)
         BCT   R8,VP40
         SR    R15,R15
         L     R14,VPR
         BR    R14
VPR      DS    F
VPSIZE   DS    F
VPCI     DS    F
*
***********************************************************************
*  VATFMT: the guest's translation format, from its CR0 bits 8-9      *
*  (page size: 01 2K, 10 4K) and 10-12 (segment size: 000 64K, 010    *
*  1M).  Out: CC 0, VWPSH = 11 or 12, VWSSH = 16 or 20; or CC not 0:  *
*  no valid format (a translation-specification exception).           *
*  Uses R1.                                                           *
***********************************************************************
VATFMT   SR    R1,R1
         IC    R1,VMCRS+1
         SRL   R1,6
         CH    R1,=H'1'
         BE    VFM10
         CH    R1,=H'2'
         BNE   VFMBAD
VFM10    LA    R1,10(R1)
         ST    R1,VWPSH
         SR    R1,R1
         IC    R1,VMCRS+1
         SRL   R1,3
         N     R1,=F'7'
         BZ    VFM20
         CH    R1,=H'2'
         BNE   VFMBAD
VFM20    SLL   R1,1
         LA    R1,16(R1)
         ST    R1,VWSSH
         CR    R1,R1               CC 0
         BR    R14
VFMBAD   LTR   R14,R14             CC not 0 (an address)
         BR    R14
*
***********************************************************************
*  VPINDEX: the page index of virtual address R1 within its segment,  *
*  in the guest's translation format (VATFMT's VWSSH, VWPSH: segment  *
*  and page shifts).  Out: R1 = the index, R8 = VWPSH.  Uses R0.      *
***********************************************************************
VPINDEX  LA    R0,1
         L     R8,VWSSH
         SLL   R0,0(R8)
         BCTR  R0,0
         NR    R1,R0
         L     R8,VWPSH
         SRL   R1,0(R8)
         BR    R14
*
***********************************************************************
*  VATWALK: translate a guest virtual address through the guest's     *
*  own tables (CR0's format, the current space's segment table: CR1's *
*  or, in the secondary-space mode, CR7's), every entry               *
*  fetched from its guest real address through GTRANS - so a table    *
*  can name any address at all, and reaches nothing but the guest's   *
*  own storage.  The checks and their order are the bare CPU's.       *
*  In: R11, R2 = address.  Out: R15 = 0 (CC 0), R2 = the guest real   *
*  address; or R15 (CC not 0) = what stopped it, R1 = the entry's     *
*  guest real address (LRA gives it):                                 *
*     1 segment invalid     3 beyond the segment table                *
*     2 page invalid        4 beyond the page table                   *
*     5 a table beyond the machine's storage (addressing)             *
*     6 translation specification     7 no frame left (GTRANS 2)      *
*  VWPROT = X'04' if the segment is protected.  Uses R0, R1, R2, R6,  *
*  R7, R8, R15.                                                       *
***********************************************************************
VATWALK  MVC   VWSTD,VMCRS+4       the current space: CR1's table,
         MVI   VWSEC,0
         TM    VMPSW+1,PSWEC         or CR7's in the secondary-space
         BZ    VATWALK1              mode (EC, DAT on, PSW bit 16;
         TM    VMPSW,X'04'           das: X'90' bit 0 then)
         BZ    VATWALK1
         TM    VMPSW+2,X'80'
         BZ    VATWALK1
         MVC   VWSTD,VMCRS+28
         MVI   VWSEC,X'80'
VATWALK1 ST    R14,VWR             (VATWSTD: VWSTD, VWSEC given)
         N     R2,=X'00FFFFFF'
         ST    R2,VWVA
         BAL   R14,VATFMT
         BNZ   VW60
         L     R6,VWSTD            the STD: segment-table length,
*                                    origin
         LR    R7,R6
         N     R7,=X'00FFFFC0'
         SRL   R6,24
         L     R1,VWVA             -> the segment-table entry
         L     R8,VWSSH
         SRL   R1,0(R8)
         SLL   R1,2
         AR    R1,R7
         N     R1,=X'00FFFFFF'
         ST    R1,VWENT
         L     R0,VWVA             beyond the table?  (Its length
         SRL   R0,20                 counts 1M of addresses a unit,
         N     R0,=F'15'             as the bare CPU checks it.)
         CR    R0,R6
         BH    VW30
         LR    R2,R1               the entry
         BAL   R14,GTRANS
         BNZ   VW50
         L     R6,0(R2)
         LR    R0,R6
         N     R0,=F'1'            invalid?
         BNZ   VW10
         LR    R0,R6
         N     R0,=X'0F000000'     bits 4-7 not zero?
         BNZ   VW60
         LR    R0,R6
         N     R0,=F'4'            protected?
         STC   R0,VWPROT
         LR    R7,R6
         N     R7,=X'00FFFFF8'     page-table origin
         SRL   R6,28               and length
         L     R1,VWVA             the page index
         BAL   R14,VPINDEX
         LR    R0,R1               beyond the table?  (Its length
         L     R8,VWSSH              counts a sixteenth of the
         S     R8,VWPSH              largest a unit.)
         S     R8,=F'4'
         SRL   R0,0(R8)
         AR    R1,R1               -> the page-table entry
         AR    R1,R7
         N     R1,=X'00FFFFFF'
         ST    R1,VWENT
         CR    R0,R6
         BH    VW40
         LR    R2,R1
         BAL   R14,GTRANS
         BNZ   VW50
         SR    R6,R6
         ICM   R6,3,0(R2)
         L     R8,VWPSH
         CH    R8,=H'12'
         BNE   VW20
         LR    R0,R6               4K pages: bit 12 invalid, 13-14
         N     R0,=F'8'              zero
         BNZ   VW12
         LR    R0,R6
         N     R0,=F'6'
         BNZ   VW60
         N     R6,=X'0000FFF0'
         B     VW25
VW20     LR    R0,R6               2K pages: bit 13 invalid, 14 zero
         N     R0,=F'4'
         BNZ   VW12
         LR    R0,R6
         N     R0,=F'2'
         BNZ   VW60
         N     R6,=X'0000FFF8'
VW25     SLL   R6,8                the frame (guest real)
         L     R2,VWVA             and the byte in it
         LA    R0,1
         SLL   R0,0(R8)
         BCTR  R0,0
         NR    R2,R0
         AR    R2,R6
         SR    R15,R15
         B     VWOUT
VW10     LA    R15,1
         B     VWENTR
VW12     LA    R15,2
         B     VWENTR
VW30     LA    R15,3
         B     VWENTR
VW40     LA    R15,4
VWENTR   L     R1,VWENT
         B     VWOUT
VW50     LA    R0,5                GTRANS: 1 beyond the storage,
         CH    R15,=H'1'             2 no frame
         BE    VW55
         LA    R0,7
VW55     LR    R15,R0
         B     VWOUT
VW60     LA    R15,6
VWOUT    L     R14,VWR
         LTR   R15,R15
         BR    R14
VWR      DS    F
VWVA     DS    F
VWENT    DS    F
VWPSH    DS    F                   page shift: 11 or 12
VWSSH    DS    F                   segment shift: 16 or 20
VWSTD    DS    F                   the segment-table designation
VWPROT   DS    X
VWSEC    DS    X                   X'80': the secondary space (das)
*
***********************************************************************
*  VATWSTD: VATWALK in a space named (das: MVCP, MVCS, IVSK in the    *
*  dual-address-space module, DMKDAS): guest virtual address R2       *
*  through the segment table designation R0 (the guest's CR1 or       *
*  CR7), R1 = X'80' for the secondary space (then a translation       *
*  exception's X'90' gets bit 0), 0 for the primary.                  *
*  In: R11, R0, R1, R2.  Out: CC 0, R2 the guest real address, R0 =   *
*  X'04' if the segment is protected, else 0; or CC not 0 and R15 as  *
*  VATCOPY's: 1 addressing, 2 no frame, 3 a translation exception     *
*  (VATXCODE, VATXTEA: VATOPEX reflects it).  Uses R0-R2, R15.        *
***********************************************************************
VATWSTD  ENTER VWX
         STM   R6,R8,VWXSAVE
         ST    R0,VWSTD
         STC   R1,VWSEC
         ST    R2,VATXTEA
         BAL   R14,VATWALK1
         BZ    VWX20
         BAL   R14,VATRES          as VATCOPY answers
         B     VWX30
VWX20    SR    R0,R0               translated: the protection bit
         IC    R0,VWPROT
         SR    R15,R15
VWX30    LM    R6,R8,VWXSAVE
         LTR   R15,R15
         LEAVE VWX
VWXR     DS    F
VWXB     DS    F
VWXSAVE  DS    3F
*
***********************************************************************
*  VATRES: VATWALK's answer R15 (not 0) as VATCOPY and those that do  *
*  as it answer: R15 = 2 no frame (VATWALK's 7), 1 addressing (5), or *
*  3 a translation exception, its code in VATXCODE.  Uses R2, R15.    *
***********************************************************************
VATRES   CH    R15,=H'7'           no frame
         BE    VRS20
         CH    R15,=H'5'           addressing
         BE    VRS10
         ST    R14,VRSR            a translation exception
         BAL   R14,VATCODE
         L     R14,VRSR
         STH   R2,VATXCODE
         LA    R15,3
         BR    R14
VRS10    LA    R15,1
         BR    R14
VRS20    LA    R15,2
         BR    R14
VRSR     DS    F
*
***********************************************************************
*  VATCODE: VATWALK's answer R15 (1-6) as a program-interruption code *
*  in R2: X'10' segment translation, X'11' page translation, 5        *
*  addressing, X'12' translation specification.  Uses R2.             *
***********************************************************************
VATCODE  LA    R2,X'10'
         CH    R15,=H'1'
         BER   R14
         CH    R15,=H'3'
         BER   R14
         LA    R2,X'11'
         CH    R15,=H'2'
         BER   R14
         CH    R15,=H'4'
         BER   R14
         LA    R2,5
         CH    R15,=H'5'
         BER   R14
         LA    R2,X'12'
         BR    R14
*
***********************************************************************
*  VATTEA: the translation-exception address to the guest's X'90':    *
*  VATXTEA with the byte within its page cleared (as the CPU stores   *
*  it).  In: R11, VWPSH.  Uses R0-R5, R15.                            *
***********************************************************************
VATTEA   ST    R14,VTR
         L     R0,VATXTEA
         N     R0,=X'00FFF000'
         L     R1,VWPSH
         CH    R1,=H'12'
         BE    VT10
         L     R0,VATXTEA
         N     R0,=X'00FFF800'
VT10     ST    R0,VTWORD
         OC    VTWORD(1),VWSEC     bit 0: the secondary space (das)
         LA    R2,X'90'
         LA    R3,VTWORD
         LA    R4,4
         BAL   R14,GCOPYOUT        (a page 0 without a frame: the
         L     R14,VTR               reflection will say so)
         BR    R14
VTR      DS    F
VTWORD   DS    F
*
***********************************************************************
*  VATCOPY: GCOPYVI and GCOPYVO for a machine whose virtual PSW has   *
*  DAT on (the core's GCOPYV branches here, GCDIR set): copy R4 bytes *
*  between guest VIRTUAL address R2 and CP address R3, a 2K block at  *
*  a time (a 2K page's neighbour may be anywhere), each block's       *
*  address translated by the guest's own tables (VATWALK) and the     *
*  guest real one copied by the core's GCOPYIN or GCOPYOUT.           *
*  In: R11, R2, R3, R4; GCDIR.  Out: CC 0, R2 and R3 past the data;   *
*  or CC not 0 and R15 = 1 (addressing), 2 (no frame) as GTRANS's,    *
*  or 3: a translation exception, its code in VATXCODE and the        *
*  address in VATXTEA (VATOPEX reflects it).  Uses R0-R5, R15 (as     *
*  GCOPY).                                                            *
***********************************************************************
VATCOPY  ENTER
         STM   R6,R8,VYSAVE
         MVC   VYDIR,GCDIR
VC10     LTR   R4,R4               anything left?
         BNP   VCDONE
         ST    R2,VYVA
         ST    R2,VATXTEA
         BAL   R14,VATWALK         R2 = the guest real address
         BNZ   VC20
         LR    R5,R2               bytes to the end of the 2K block
         N     R5,=X'000007FF'
         LCR   R5,R5
         A     R5,=F'2048'
         CR    R5,R4               no more than asked for
         BNH   VC12
         LR    R5,R4
VC12     SR    R4,R5               what is left after this block
         ST    R4,VYLEFT
         ST    R5,VYLEN
         LR    R4,R5
         CLI   VYDIR,0             copy it (R3 advances)
         BNE   VC14
         BAL   R14,GCOPYIN
         B     VC16
VC14     BAL   R14,GCOPYOUT
VC16     BNZ   VCOUT               (GTRANS's 1 or 2)
         L     R2,VYVA             the next block
         A     R2,VYLEN
         L     R4,VYLEFT
         B     VC10
VCDONE   SR    R15,R15
         B     VCOUT
VC20     BAL   R14,VATRES
VCOUT    LM    R6,R8,VYSAVE
         LTR   R15,R15
         LEAVE VATCOPY
VATCOPYR DS    F
VATCOPYB DS    F
VYVA     DS    F
VYLEN    DS    F
VYLEFT   DS    F
VYSAVE   DS    3F
VYDIR    DS    X
         DS    X
VATXCODE DS    H                   the exception VATCOPY found
VATXTEA  DS    F                   at this address
*
***********************************************************************
*  VATPROBE: would VATCOPY reach all of R4 bytes at guest address R2? *
*  For an emulated instruction whose operand is copied in pieces     *
*  (LCTL, STCTL: a register at a time): translated first, a block at *
*  a time, so that a translation exception is taken before any piece *
*  moved, as the CPU takes it (the instruction nullified).  Nothing   *
*  to do while the virtual PSW has DAT off.                           *
*  In: R11, R2, R4.  Out: CC 0; or CC not 0 and R15 as VATCOPY's.     *
*  Keeps R2, R6-R14.  Uses R0, R1, R3-R5, R15.                        *
***********************************************************************
VATPROBE ENTER VPB
         SR    R15,R15
         TM    VMPSW+1,PSWEC       DAT on?
         BZ    VPBOUT
         TM    VMPSW,X'04'
         BZ    VPBOUT
         STM   R6,R8,VPBSAVE
         ST    R2,VPBADDR
         LR    R3,R2               the last byte
         AR    R3,R4
         BCTR  R3,0
         N     R3,=X'00FFF800'     (its block)
VPB10    ST    R2,VATXTEA          each block from the first
         BAL   R14,VATWALK
         BNZ   VPB20
         L     R2,VATXTEA
         N     R2,=X'00FFF800'
         CR    R2,R3               the last one done?
         BE    VPB30
         A     R2,=F'2048'
         B     VPB10
VPB20    BAL   R14,VATRES          as VATCOPY answers
         B     VPB40
VPB30    SR    R15,R15
VPB40    LM    R6,R8,VPBSAVE
         L     R2,VPBADDR
VPBOUT   LTR   R15,R15
         LEAVE VPB
VPBR     DS    F
VPBB     DS    F
VPBSAVE  DS    3F
VPBADDR  DS    F
*
***********************************************************************
*  VATXLATE: the guest real address behind guest virtual address R2,  *
*  for a check that looks at the frame (DMKPRX's protection checks of *
*  the operands CP handles for the guest).  Nothing to do while the   *
*  virtual PSW has DAT off.  In: R11, R2.  Out: CC 0 and R2 the guest *
*  real address; CC not 0 if it does not translate (the access itself *
*  then gives the guest its exception).  Uses R0, R1, R15.            *
***********************************************************************
VATXLATE ENTER VXL
         SR    R15,R15
         TM    VMPSW+1,PSWEC       DAT on?
         BZ    VXLOUT
         TM    VMPSW,X'04'
         BZ    VXLOUT
         STM   R6,R8,VXLSAVE
         BAL   R14,VATWALK
         LM    R6,R8,VXLSAVE
VXLOUT   LTR   R15,R15
         LEAVE VXL
VXLR     DS    F
VXLB     DS    F
VXLSAVE  DS    3F
*
***********************************************************************
*  VATOPEX: reflect the translation exception VATCOPY found for an    *
*  emulated instruction's operand.  A segment- or page-translation    *
*  exception nullifies the instruction (the virtual PSW back to it,   *
*  ILC bytes) and stores the address at the guest's X'90'; a          *
*  translation-specification exception suppresses it.                 *
*  In: R11, PRGILC.  Out: R2 = the code.  Uses R0-R5, R15.            *
***********************************************************************
VATOPEX  ENTER
         CLI   VATXCODE+1,X'12'
         BE    VOX10
         BAL   R14,VATFMT          (for the page size)
         BAL   R14,VATTEA
         SR    R3,R3
         IC    R3,PRGILC
         L     R0,VMPSW+4
         SR    R0,R3
         STCM  R0,7,VMPSW+5
VOX10    LH    R2,VATXCODE
         LEAVE VATOPEX
VATOPEXR DS    F
VATOPEXB DS    F
*
***********************************************************************
*  VATSIM: LRA, PTLB, IPTE, TB, TPROT for the virtual machine (from   *
*  privop's SIMVAT).  The virtual PSW points past the instruction.    *
*   LRA  R1,D2(X2,B2)  the guest's tables (whatever its PSW's DAT     *
*        bit): CC 0 and the guest real address; CC 1 segment entry    *
*        invalid, 2 page entry invalid, 3 beyond a table, R1 the      *
*        entry's address; addressing or translation specification.    *
*   PTLB               the shadow tables forgotten.                   *
*   IPTE R1,R2         the page-table entry for R2's page in the      *
*        table at R1 (guest real) made invalid, under the PSW key;    *
*        the shadow tables forgotten.                                 *
*   TB   R1,R2         the guest real 4K block at R2 cleared (CP's    *
*        own tables find it): CC 0, R0 zero.                          *
*   TPROT D1(B1),D2(B2)  (VSTPROT, below)                             *
*  In: R11, VMINST.  Out: R15 = 0 done; 1 or 2 as GTRANS (NOSTORE);   *
*  4: a program exception for the guest, its code in R2; 9: not one   *
*  of these (an operation exception).                                 *
*  Uses R0-R8, R15.                                                   *
***********************************************************************
VATSIM   ENTER
         CLI   VMINST,X'B1'
         BE    VSLRA
         CLI   VMINST,X'E5'
         BE    VSTPROT
         CLI   VMINST+1,X'0D'
         BE    VSPTLB
         CLI   VMINST+1,X'21'
         BE    VSIPTE
*  TB.
         IC    R1,VMINST+3         R2 field
         N     R1,=F'15'
         SLL   R1,2
         L     R2,VMGPRS(R1)
         N     R2,=X'7FFFF000'     the block
         C     R2,=X'00FFFFFF'
         BH    VSADDR
         TM    VMCRS,X'10'         low-address protection: block 0
         BZ    VST10
         LTR   R2,R2
         BZ    VSPROT
VST10    BAL   R14,GTRANS
         BNZ   VSOUT
         L     R3,=F'4096'         cleared
         SR    R4,R4
         SR    R5,R5
         MVCL  R2,R4
         XC    VMGPRS(4),VMGPRS    R0 zero, CC 0
         SR    R0,R0
         BAL   R14,SETCC
         B     VSDONE
*  PTLB.
VSPTLB   BAL   R14,VATPURG1
         B     VSDONE
*  IPTE.
VSIPTE   BAL   R14,VATFMT
         BNZ   VSSPEC
         SR    R6,R6
         IC    R6,VMINST+3
         LR    R7,R6
         SRL   R6,4                R1: the page table
         SLL   R6,2
         N     R7,=F'15'           R2: the virtual address
         SLL   R7,2
         L     R1,VMGPRS(R7)       its page index * 2
         BAL   R14,VPINDEX
         AR    R1,R1
         L     R2,VMGPRS(R6)
         N     R2,=X'00FFFFF8'
         AR    R2,R1
         N     R2,=X'00FFFFFF'
         TM    VMCRS,X'10'         low-address protection: no entry
         BZ    VSI05                 below 512 (the CPU's store)
         C     R2,=F'512'
         BL    VSPROT
VSI05    BAL   R14,GTRANS
         BNZ   VSOUT
         IC    R0,VMPSW+1          the PSW key may store there?
         N     R0,=F'240'
         BZ    VSI10
         LR    R1,R2               (ISK wants bits 28-31 zero: else
         N     R1,=X'00FFFFF0'       CP's own specification exception)
         ISK   R1,R1
         N     R1,=F'240'
         CR    R1,R0
         BNE   VSPROT
VSI10    OI    1(R2),X'08'         invalid: bit 12 (4K pages)
         CH    R8,=H'12'
         BE    VSI20
         NI    1(R2),X'F7'           or bit 13 (2K)
         OI    1(R2),X'04'
VSI20    BAL   R14,VATPURG1
         B     VSDONE
*  TPROT D1(B1),D2(B2): may key D2 bits 24-27 fetch from or store at
*  D1 (virtual if DAT is on)?  Low-address protection (CR0 bit 3) and
*  segment protection forbid the store; the real frame's key (ISK)
*  and fetch-protection bit the rest.  No translation: CC 3.
VSTPROT  CLI   VMINST+1,X'01'      (E5xx other than TPROT: not ours)
         BNE   VSNOT
         LH    R1,VMINST+4         the key
         BAL   R14,OPADDR
         SRL   R1,4
         N     R1,=F'15'
         SLL   R1,4
         ST    R1,VSKEY
         LH    R1,VMINST+2         the address
         BAL   R14,OPADDR
         LR    R2,R1
         MVI   VWPROT,0
         TM    VMCRS,X'10'         low-address protection?
         BZ    VSTP10
         C     R1,=F'512'
         BNL   VSTP10
         MVI   VWPROT,X'04'        (as if a protected segment)
VSTP10   TM    VMPSW+1,PSWEC       DAT on?
         BZ    VSTP20
         TM    VMPSW,X'04'
         BZ    VSTP20
         IC    R0,VWPROT
         STC   R0,VSLAP
         BAL   R14,VATWALK
         OC    VWPROT,VSLAP
         LTR   R15,R15
         BZ    VSTP20
         CH    R15,=H'5'
         BE    VSADDR
         CH    R15,=H'6'
         BE    VSSPEC
         CH    R15,=H'7'
         BE    VSNOFRM
         LA    R0,3                no translation: CC 3
         B     VSTP90
VSTP20   BAL   R14,GTRANS          the real frame
         BNZ   VSOUT
         N     R2,=X'00FFFFF0'     (ISK wants bits 28-31 zero: else
         SR    R1,R1                 CP's own specification exception)
         ISK   R1,R2               its key and fetch bit
         LR    R0,R1
         N     R1,=F'240'
         L     R15,VSKEY
         LTR   R15,R15             key 0, or the frame's: CC 0 or 1
         BZ    VSTP30
         CR    R1,R15
         BE    VSTP30
         N     R0,=F'8'            another's: fetch-protected, CC 2;
         LA    R0,2                  else CC 1
         BNZ   VSTP90
         LA    R0,1
         B     VSTP90
VSTP30   SR    R0,R0
         CLI   VWPROT,0
         BE    VSTP90
         LA    R0,1
VSTP90   BAL   R14,SETCC
         B     VSDONE
VSNOT    LA    R15,9
         B     VSOUT
*  LRA.
VSLRA    LH    R1,VMINST+2         D2(X2,B2)
         BAL   R14,OPADDR
         IC    R15,VMINST+1
         N     R15,=F'15'
         BZ    VSL10
         SLL   R15,2
         A     R1,VMGPRS(R15)
         N     R1,=X'00FFFFFF'
VSL10    LR    R2,R1
         BAL   R14,VATWALK
         BZ    VSL30               CC 0: R2
         CH    R15,=H'5'
         BE    VSADDR
         CH    R15,=H'6'
         BE    VSSPEC
         CH    R15,=H'7'
         BE    VSNOFRM
         LR    R2,R1               the entry
         LR    R0,R15              CC 1, 2, or 3 for 3 and 4
         CH    R0,=H'3'
         BL    VSL40
         LA    R0,3
         B     VSL40
VSL30    SR    R0,R0
VSL40    IC    R1,VMINST+1         R1 field
         SRL   R1,4
         N     R1,=F'15'
         SLL   R1,2
         ST    R2,VMGPRS(R1)
         BAL   R14,SETCC
VSDONE   SR    R15,R15
         B     VSOUT
VSADDR   LA    R15,1
         B     VSOUT
VSNOFRM  LA    R15,2
         B     VSOUT
VSSPEC   LA    R2,X'12'
         B     VSPGM
VSPROT   LA    R2,4
VSPGM    LA    R15,4
VSOUT    LEAVE VATSIM
VATSIMR  DS    F
VATSIMB  DS    F
VSKEY    DS    F
VSLAP    DS    X
         DROP  R11
         LTORG                     the module's literals
