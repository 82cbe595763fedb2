***********************************************************************
*  PREFIX: a virtual machine's prefix register (DMKPFX; issue 12,     *
*  "Equivalence").                                                    *
*                                                                     *
*  On a real System/370 every REAL address passes through PREFIXING   *
*  on its way to storage: the 4K page at real 0 (the PSWs, the CSW,   *
*  the CAW, the interval timer ...) is the page the prefix register   *
*  names, and real addresses in that page reach ABSOLUTE page 0.  The *
*  channels do not prefix: a CCW, an IDAW and the data they name are  *
*  absolute addresses.  SET PREFIX (SPX) changes the register, STORE  *
*  PREFIX (STPX) shows it, and every reset sets it to 0.              *
*                                                                     *
*  For a virtual machine CP does the same with its page tables: its   *
*  DAT tables (VMTABLES) and page records (VMPGTAB) are indexed by    *
*  the guest's REAL address.  While the prefix P is not 0 the entries *
*  of page 0 and page P are exchanged - the page-table entries, the   *
*  page records (paging slot, kept keys), and the frame table's note  *
*  of which page a frame holds (FTPAGE) - so the hardware, GTRANS,    *
*  the shadow tables, the paging code and every emulated instruction  *
*  see real addresses, prefixed, without knowing of it.  The frames   *
*  themselves never move: a frame holds the same absolute page before *
*  and after SPX, so a channel program running meanwhile goes on      *
*  writing where it did.  The channel side (vconsole, vspool, ccw)    *
*  turns its absolute addresses into real ones with PFXCOPY and       *
*  PFXABS (GCOPYAI, GCOPYAO): the same exchange, its own inverse.     *
*                                                                     *
*  VMPFX holds the prefix (bits 8-19; 0: none).                       *
*                                                                     *
*  A module: its own CSECT, R13 its base (ENTER).                     *
***********************************************************************
DMKPFX   CSECT
         USING DMKPFX,R13          the module's base (ENTER sets it)
         USING VMBLOK,R11
*
***********************************************************************
*  PFXSET: SPX for machine R11, as the Principles of Operation and    *
*  the bare CPU (src/cpu/exec_control.rs) define it: bits 8-19 of the *
*  operand are the new prefix, bits 0-7 and 20-31 are ignored; a      *
*  prefix whose page lies beyond the machine's storage is an          *
*  addressing exception and nothing changes.                          *
*  In:  R11 = VMBLOK, R0 = the operand.                               *
*  Out: R15 = 0 done; 1 addressing (GTRANS's "beyond the storage").   *
*  Uses R0-R7, R15.                                                   *
***********************************************************************
PFXSET   ENTER
         N     R0,=X'00FFF000'     the new prefix
         LR    R1,R0               its page must be in the storage
         A     R1,=F'4096'
         C     R1,VMSIZE
         BH    PFS90
         C     R0,VMPFX            the same one: nothing to do
         BE    PFS80
         ST    R0,PFXNEW
         ICM   R3,15,VMPFX         the old one's pages back in place
         BZ    PFS20
         BAL   R14,PFXSWAP
PFS20    ICM   R3,15,PFXNEW        and the new one's exchanged
         BZ    PFS30
         BAL   R14,PFXSWAP
PFS30    MVC   VMPFX,PFXNEW
         BAL   R14,PFXNEWT         no translation remembers the old
PFS80    SR    R15,R15
         LEAVE PFXSET
PFS90    LA    R15,1               addressing
         LEAVE PFXSET
PFXSETR  DS    F
PFXSETB  DS    F
PFXNEW   DS    F
*
***********************************************************************
*  PFXZERO: a reset of machine R11 (SYSTEM RESET and CLEAR, IPL): its *
*  prefix becomes 0, its pages 0 and P back in place; and no PER      *
*  event CP was making for an instruction is left (privext.asm).      *
*  In: R11 = VMBLOK.  Keeps R2-R14.  Uses R0, R1, R15.                *
***********************************************************************
PFXZERO  ENTER
         MVI   VMPERCP,0
         ICM   R0,15,VMPFX
         BZ    PFZ90
         STM   R2,R7,PFZSAVE
         L     R3,VMPFX
         BAL   R14,PFXSWAP
         XC    VMPFX,VMPFX
         BAL   R14,PFXNEWT
         LM    R2,R7,PFZSAVE
PFZ90    LEAVE PFXZERO
PFXZEROR DS    F
PFXZEROB DS    F
PFZSAVE  DS    6F
*
***********************************************************************
*  PFXNEWT: after an exchange no translation may remember the old     *
*  arrangement: the real TLB (CP's own copy of the guest's tables is  *
*  what the hardware used) and the machine's shadow tables (vat.asm:  *
*  its virtual addresses straight to frames, through real ones).      *
*  In: R11.  Uses R0, R1, R15.                                        *
***********************************************************************
PFXNEWT  ST    R14,PFXNEWTR
         PTLB
         CALL  VATPURGE
         L     R14,PFXNEWTR
         BR    R14
PFXNEWTR DS    F
*
***********************************************************************
*  PFXSWAP: exchange machine R11's real pages 0 and R3 (not 0, within *
*  its storage): their page-table entries, their page records, the    *
*  frame table's FTPAGE of the frames they are in, and a page read    *
*  under way for either (page wait: VMPGWPG, and its frame's FTPAGE). *
*  In: R11, R3 = the page.  Uses R0-R7, R15.                          *
***********************************************************************
PFXSWAP  ST    R14,PFXSWR
         SR    R2,R2               R4 -> page 0's page-table entry
         CALL  PGPTE
         LR    R4,R1
         LR    R2,R3               R5 -> page R3's
         CALL  PGPTE
         LR    R5,R1
         LH    R0,0(R4)            exchanged
         MVC   0(2,R4),0(R5)
         STH   R0,0(R5)
         ICM   R6,15,VMPGTAB       the page records (4 bytes a page)
         BZ    PFW10
         LR    R7,R3
         SRL   R7,10
         AR    R7,R6
         L     R0,0(R6)
         MVC   0(4,R6),0(R7)
         ST    R0,0(R7)
PFW10    SR    R2,R2               each frame's note of its page
         LR    R1,R4
         BAL   R14,PFXFTE
         LR    R2,R3
         LR    R1,R5
         BAL   R14,PFXFTE
         ICM   R1,15,VMPGWFR       a read under way for it?
         BZ    PFW90
         L     R0,VMPGWPG
         LR    R2,R3               page 0's is page R3's now
         LTR   R0,R0
         BZ    PFW20
         SR    R2,R2               and page R3's page 0's
         CR    R0,R3
         BNE   PFW90
PFW20    ST    R2,VMPGWPG
         CALL  PGFTE         its frame's FTE (R1 = the frame)
         BNZ   PFW90
         ST    R2,FTPAGE-FTE(R1)
PFW90    L     R14,PFXSWR
         BR    R14
PFXSWR   DS    F
*
***********************************************************************
*  PFXABS: an ABSOLUTE address of machine R11 - a channel program's   *
*  CCW, IDAW or data address - to the REAL address GTRANS takes: its  *
*  pages 0 and VMPFX exchanged (the exchange is its own inverse).     *
*  In/out: R2.  Keeps R0-R14.                                         *
***********************************************************************
PFXABS   ENTER
         BAL   R14,PFXSW
         LEAVE PFXABS
PFXABSR  DS    F
PFXABSB  DS    F
*  PFXSW: the exchange itself (R2).  Uses R15.
PFXSW    ICM   R15,15,VMPFX
         BZR   R14                 no prefix: the same
         LR    R15,R2
         N     R15,=X'00FFF000'    its page
         BNZ   PFXSW10
         O     R2,VMPFX            page 0: the prefix page
         BR    R14
PFXSW10  C     R15,VMPFX
         BNER  R14
         N     R2,=X'00000FFF'     the prefix page: page 0
         BR    R14
*
***********************************************************************
*  PFXCOPY: GCOPYAI and GCOPYAO (guestmem.asm) for a machine with a   *
*  prefix: R4 bytes between absolute address R2 and CP address R3     *
*  (GCDIR: 0 in, 1 out), a page at a time, each page's address        *
*  exchanged (PFXSW) and copied by GCOPYIN or GCOPYOUT.               *
*  Out: as GCOPYIN: CC 0, R2 and R3 advanced; or CC not 0 and R15 as  *
*  GTRANS answers.  Uses R0-R5, R15.                                  *
***********************************************************************
PFXCOPY  ENTER
         MVC   PFCDIR,GCDIR
PFC10    LTR   R4,R4               anything left?
         BNP   PFC80
         LR    R5,R2               bytes left in this page
         N     R5,=X'00000FFF'
         LCR   R5,R5
         A     R5,=F'4096'
         CR    R5,R4               no more than asked for
         BNH   PFC20
         LR    R5,R4
PFC20    SR    R4,R5
         ST    R4,PFCLEFT
         ST    R5,PFCLEN
         ST    R2,PFCADDR
         LR    R4,R5
         BAL   R14,PFXSW           the page's real address
         CLI   PFCDIR,0
         BNE   PFC30
         BAL   R14,GCOPYIN         (R3 advanced)
         B     PFC40
PFC30    BAL   R14,GCOPYOUT
PFC40    BNZ   PFC90
         L     R2,PFCADDR          the next page
         A     R2,PFCLEN
         L     R4,PFCLEFT
         B     PFC10
PFC80    SR    R15,R15             CC 0
         LEAVE PFXCOPY
PFC90    LTR   R15,R15             CC not 0 (GTRANS's answer)
         LEAVE PFXCOPY
PFXCOPYR DS    F
PFXCOPYB DS    F
PFCLEFT  DS    F
PFCLEN   DS    F
PFCADDR  DS    F
PFCDIR   DS    X
*
*  PFXFTE: if page-table entry R1 is valid, its frame holds real page
*  R2 now: FTPAGE says so.  Uses R0, R1, R15.
PFXFTE   TM    1(R1),X'08'         invalid: no frame
         BOR   R14
         SR    R0,R0               the frame
         ICM   R0,3,0(R1)
         N     R0,=X'0000FFF0'
         SLL   R0,8
         LR    R1,R0
         ST    R14,PFXFTER
         CALL  PGFTE
         L     R14,PFXFTER
         BNZR  R14
         C     R11,FTVM-FTE(R1)    (a frame of this machine's)
         BNER  R14
         ST    R2,FTPAGE-FTE(R1)
         BR    R14
PFXFTER  DS    F
*
         DROP  R11
         LTORG                     the module's literals
