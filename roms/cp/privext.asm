***********************************************************************
*  PRIVEXT: the rest of the privileged and semiprivileged System/370  *
*  instructions an operating system in a virtual machine may use      *
*  (DMKPRX; issue 12, "Equivalence"), and what the dispatcher puts in *
*  the real control registers for it.                                 *
*                                                                     *
*   TPROT (E501) is vat.asm's: its operand may be a virtual address.  *
*   E502-E50D  the MVS assists, as the bare machine (and Hercules     *
*          3.13) give them, src/cpu/exec_assist.rs: E502 page fix and *
*          E503 SVC assist do nothing; E504-E507 obtain and release   *
*          the local and the CMS lock; E508-E50D (the traces) only    *
*          check that both operands are words.  Their fetches and     *
*          stores are the guest's: the PSW key against the frame's    *
*          key, and low-address protection, as the CPU checks them.   *
*          VM/370 did not give a virtual machine the assists; here    *
*          the virtual machine is the machine the golden files were   *
*          made on, which has them (tests/hercules/assist.asm).       *
*   The dual-address-space facility.  The virtual machine has it, as  *
*   the bare machine has: each instruction gets what the Principles   *
*   of Operation define for the virtual machine's own state.  With    *
*   the virtual DAT off (every virtual machine CP runs until virtual  *
*   DAT comes) that is a special-operation exception (X'13') for PC,  *
*   PT, SAC, SSAR, IAC, IVSK, EPAR, ESAR, MVCP and MVCS (the real CPU *
*   gives MVCP/MVCS/PC/PT/SAC/SSAR theirs itself: the real CR0 bit 5  *
*   and CR5 are off), and for LASP while the virtual CR14's ASN-      *
*   translation control (bit 12) is off.  MVCK needs no DAT: the real *
*   CPU runs it directly, with the real CR3's PSW-key mask all ones   *
*   for a virtual supervisor and the virtual CR3's for a virtual      *
*   problem program (PMRUN); the first MVCK that traps turns that on  *
*   (VMFPRM) and runs again.  With the virtual DAT on, every DAS      *
*   instruction but MVCK goes to DMKDAS (vdas.asm), which emulates    *
*   it against the virtual machine's state.                           *
*                                                                     *
*  PMRUN, called by the dispatcher for a machine with VMFPRM, makes   *
*  the real machine check for the guest what the guest's control      *
*  registers ask: real CR0 bit 3 from the virtual CR0 bit 3 (the      *
*  guest's real addresses are the real CPU's virtual ones, so it is   *
*  the guest's 0-511 that are protected); CR3 as above; CR9-CR11 and  *
*  the PSW's PER bit from the virtual ones: the real CPU recognizes   *
*  the guest's PER events (its addresses are the guest's), and CP     *
*  reflects them (PRXPER, PRXSVCP, PRXPERP).  The events of the      *
*  instructions CP emulates itself (a store by STCTL, STNSM ...; a    *
*  register by ISK, SIGP ...) CP makes (PRXPBEG, PRXPSTO, XPFINAL);   *
*  their fetch event is the CPU's, given after the instruction.       *
*  SAVECTX (entry.asm) puts CP's CR0 back at every interruption from  *
*  a virtual machine, so CP's own stores below 512 are never refused. *
*                                                                     *
*  A module: its own CSECT, R13 its base (ENTER).                     *
***********************************************************************
DMKPRX   CSECT
         USING DMKPRX,R13          the module's base (ENTER sets it)
         USING VMBLOK,R11
*
***********************************************************************
*  PRXMORE: an instruction DMKPRW does not know, trapped in virtual   *
*  supervisor state (in VMINST).  In: R11 = VMBLOK.  Out: R15 = 0     *
*  done (the virtual PSW updated), 1 or 2 a guest address as GTRANS   *
*  answers, 6 a specification exception, 9 not emulated (operation    *
*  exception), 10 the program interruption whose code is in R2.       *
*  Uses R0-R7, R15.                                                   *
***********************************************************************
PRXMORE  ENTER
         CLI   VMINST,X'E5'
         BE    XP10
         CLI   VMINST,X'D9'        MVCK
         BE    XPMVCK
         CLI   VMINST,X'B2'
         BNE   XPNOT
         LA    R1,XPDASB2          PC, SAC, IVSK ... PT
XP05     CLI   0(R1),X'FF'
         BE    XPNOT
         CLC   0(1,R1),VMINST+1
         BE    XPDAS
         LA    R1,1(R1)
         B     XP05
XP10     CLI   VMINST+1,X'00'      LASP
         BE    XPLASP
         CLI   VMINST+1,X'0D'      E502-E50D: the assists
         BNH   XPASST
XPNOT    LA    R15,9               not emulated
         B     XPRET
XPDONE   SR    R15,R15
XPRET    LEAVE PRXMORE
XPSPOP   LA    R2,X'13'            special operation
XPPGM    LA    R15,10
         B     XPRET
*  The DAS instructions of the B2 family: PC, SAC, IVSK, IAC, SSAR,
*  EPAR, ESAR, PT.
XPDASB2  DC    X'1819232425262728FF'
*
*  PC ... PT: with the virtual DAT off, a special operation; on:
*  DMKDAS (vdas.asm).
XPDAS    BAL   R14,XPDATON
         BZ    XPSPOP
XPDAS2   CALL  DASSIM
         B     XPRET
*
*  LASP: special operation unless the virtual CR14's ASN-translation
*  control (bit 12) is on; then DMKDAS.
XPLASP   TM    VMCRS+57,X'08'
         BZ    XPSPOP
         B     XPDAS2
*
*  MVCK in the virtual supervisor state: the real CPU can do it, with
*  every key allowed in the real CR3 (PMRUN); run it again so.
XPMVCK   TM    VMFLAG2,VMFPRM      (already so: not ours to retry)
         BO    XPNOT
         OI    VMFLAG2,VMFPRM
         BAL   R14,XPBACK
         B     XPDONE
*
***********************************************************************
*  The MVS assists E502-E50D (SSE format: D1(B1) and D2(B2)).  For    *
*  E504-E507 operand 1 holds the ASCB address, operand 2 is the       *
*  "locks held" word (X'01' local, X'02' CMS), the logical CPU        *
*  address in the word before it, the lock interface table (LIT)      *
*  address in the word after it; the local lock is ASCB+X'80' (its    *
*  suspend queue ASCB+X'84'), the CMS lock the word at R11 (its queue *
*  the word after it).  Taken: the lock and the held word updated,    *
*  R13 zero.  Not: R12 = the instruction address after the assist,    *
*  R13 = the failure routine (LIT-16, -12, -8, -4 for E504-E507), and *
*  the machine goes there.  The held word is stored back unchanged    *
*  before the lock, so an access exception leaves nothing changed.    *
***********************************************************************
XPASST   CLI   VMINST+1,X'03'      page fix, SVC assist: nothing
         BNH   XPDONE
         LH    R1,VMINST+2
         BAL   R14,OPADDR
         ST    R1,XPA1
         LH    R1,VMINST+4
         BAL   R14,OPADDR
         ST    R1,XPA2
         O     R1,XPA1             both on words
         N     R1,=F'3'
         LA    R15,6
         BNZ   XPRET
         CLI   VMINST+1,X'08'      the traces: nothing more
         BNL   XPDONE
         SR    R7,R7               R7 = the assist, 4-7
         IC    R7,VMINST+1
         L     R2,XPA1             the ASCB
         BAL   R14,XPFETCH
         BNZ   XPRET
         ST    R0,XPASCB
         L     R2,XPA2             the locks held
         BAL   R14,XPFETCH
         BNZ   XPRET
         ST    R0,XPHELD
         L     R0,XPASCB           the lock: ASCB+X'80' ...
         A     R0,=F'128'
         CH    R7,=H'5'
         BNH   XPA10
         L     R0,VMGPRS+44        ... or the word at R11
XPA10    N     R0,=X'00FFFFFF'
         ST    R0,XPLOCKA
         XC    XPCPU,XPCPU         the CPU address (local lock only)
         CH    R7,=H'5'
         BH    XPA12
         L     R2,XPA2
         S     R2,=F'4'
         BAL   R14,XPFETCH
         BNZ   XPRET
         ST    R0,XPCPU
XPA12    L     R2,XPLOCKA          the lock word
         BAL   R14,XPFETCH
         BNZ   XPRET
         ST    R0,XPLOCK
         XC    XPNEXT,XPNEXT       the suspend queue (releases)
         L     R2,XPASCB
         A     R2,=F'132'
         CH    R7,=H'5'
         BE    XPA14
         L     R2,XPLOCKA
         LA    R2,4(R2)
         CH    R7,=H'7'
         BNE   XPA16
XPA14    BAL   R14,XPFETCH
         BNZ   XPRET
         ST    R0,XPNEXT
*  Taken or not.  R3 = the new lock, R4 = the new held word.
XPA16    L     R4,XPHELD
         L     R5,XPLOCK
         CH    R7,=H'5'
         BE    XPREL
         CH    R7,=H'6'
         BE    XPOCMS
         BH    XPRCMS
*  E504 obtain local: lock free, local not held.
         LTR   R5,R5
         BNZ   XPFAIL
         TM    XPHELD+3,X'01'
         BO    XPFAIL
         L     R3,XPCPU
         O     R4,=F'1'
         B     XPTAKE
*  E505 release local: ours, held alone, nobody queued.
XPREL    C     R5,XPCPU
         BNE   XPFAIL
         BAL   R14,XPONLY1
         BNE   XPFAIL
         ICM   R0,15,XPNEXT
         BNZ   XPFAIL
         SR    R3,R3
         N     R4,=X'FFFFFFFE'
         B     XPTAKE
*  E506 obtain CMS: lock free, the local lock held alone.
XPOCMS   LTR   R5,R5
         BNZ   XPFAIL
         BAL   R14,XPONLY1
         BNE   XPFAIL
         L     R3,XPASCB
         O     R4,=F'2'
         B     XPTAKE
*  E507 release CMS: ours (the ASCB), held, nobody queued.
XPRCMS   C     R5,XPASCB
         BNE   XPFAIL
         TM    XPHELD+3,X'02'
         BZ    XPFAIL
         ICM   R0,15,XPNEXT
         BNZ   XPFAIL
         SR    R3,R3
         N     R4,=X'FFFFFFFD'
*  Taken: held word (unchanged), lock, held word; R13 zero.
XPTAKE   ST    R3,XPNEWL
         ST    R4,XPNEWH
         L     R2,XPA2
         L     R0,XPHELD
         BAL   R14,XPSTORE
         BNZ   XPRET
         L     R2,XPLOCKA
         L     R0,XPNEWL
         BAL   R14,XPSTORE
         BNZ   XPRET
         L     R2,XPA2
         L     R0,XPNEWH
         BAL   R14,XPSTORE
         BNZ   XPRET
         XC    VMGPRS+52(4),VMGPRS+52
         B     XPDONE
*  Not taken: to the failure routine the LIT names.
XPFAIL   L     R2,XPA2             the LIT's address
         LA    R2,4(R2)
         BAL   R14,XPFETCH
         BNZ   XPRET
         LR    R2,R0               its entry: LIT + 4*(op-4) - 16
         LR    R1,R7
         SLL   R1,2
         AR    R2,R1
         S     R2,=F'32'
         BAL   R14,XPFETCH
         BNZ   XPRET
         L     R1,VMPSW+4          R12: where the assist ends
         N     R1,=X'00FFFFFF'
         ST    R1,VMGPRS+48
         ST    R0,VMGPRS+52        R13: the routine
         STCM  R0,7,VMPSW+5        and there the machine goes
         B     XPDONE
*  XPONLY1: CC 0 if the held word's low two bits are 01 (the local
*  lock alone).  Uses R0.
XPONLY1  IC    R0,XPHELD+3
         N     R0,=F'3'
         CH    R0,=H'1'
         BR    R14
*
***********************************************************************
*  XPFETCH: the word at guest address R2 into R0, fetched as the      *
*  guest's program would (XPCHECK).  XPSTORE: R0 into the word at     *
*  guest address R2, stored so.  Out: CC 0; or CC not 0 and R15 as    *
*  PRXMORE answers (R2 the code for 10).  Uses R0-R6, R15.            *
***********************************************************************
XPFETCH  SR    R6,R6
         B     XPACC
XPSTORE  LA    R6,1
         ST    R0,XPW
XPACC    ST    R14,XPACCR
         N     R2,=X'00FFFFFF'
         ST    R2,XPGA
         BAL   R14,XPCHECK
         BNZ   XPACCX
         L     R2,XPGA
         LA    R3,XPW
         LA    R4,4
         LTR   R6,R6
         BNZ   XPACC10
         BAL   R14,GCOPYIN
         BNZ   XPACCX
         L     R0,XPW
         B     XPACC20
XPACC10  BAL   R14,GCOPYOUT
         BNZ   XPACCX
         L     R2,XPGA             (a PER storage-alteration event
         LA    R4,4                  if armed and in the area)
         BAL   R14,PRXPSTO
XPACC20  SR    R15,R15
XPACCX   L     R14,XPACCR
         LTR   R15,R15
         BR    R14
*
*  XPCHECK: may the guest's program fetch (R6 = 0) or store (R6 = 1)
*  at guest address R2 (virtual while its DAT is on)?  Low-address
*  protection for a store below 512 when the virtual CR0 bit 3 is on;
*  then the PSW key against the key of the frame (fetch: only a
*  fetch-protected block refuses).
*  Out: CC 0 yes; else R15 10 and R2 4 (protection), or R15 1 or 2
*  (GTRANS).  Uses R0-R2, R15.
XPCHECK  ST    R14,XPCHKR
         LTR   R6,R6
         BZ    XPC10
         TM    VMCRS,X'10'         low-address protection
         BZ    XPC10
         C     R2,=F'512'
         BL    XPCPROT
XPC10    IC    R0,VMPSW+1          the PSW key
         N     R0,=F'240'
         BZ    XPCOK               key 0: anything
         ST    R0,XPPKEY
         CALL  VATXLATE            (DAT on: the frame behind the
         BNZ   XPCOK                 virtual address; none: the access
*                                    gives the exception)
         BAL   R14,GTRANS
         BNZ   XPCRET
         N     R2,=X'00FFFFF0'
         SR    R0,R0
         ISK   R0,R2
         LR    R1,R0
         N     R1,=F'240'
         C     R1,XPPKEY
         BE    XPCOK
         LTR   R6,R6               another key: no store,
         BNZ   XPCPROT
         N     R0,=F'8'              a fetch if not fetch-protected
         BZ    XPCOK
XPCPROT  LA    R2,4                protection
         LA    R15,10
         B     XPCRET
XPCOK    SR    R15,R15
XPCRET   L     R14,XPCHKR
         LTR   R15,R15
         BR    R14
*
*  XPDATON: CC not 0 if the virtual machine's DAT is on (an EC-mode
*  PSW with bit 5).  Uses nothing.
XPDATON  TM    VMPSW+1,PSWEC
         BZR   R14
         TM    VMPSW,X'04'
         BR    R14
*
*  XPBACK: the virtual PSW back to the trapped instruction (its
*  length PRGILC), so that it runs again (and its PER events come
*  again: none is kept pending).  Uses R0, R1.
XPBACK   NI    VMFLAG2,X'FF'-VMFPERP
         L     R0,VMPSW+4
         SR    R1,R1
         IC    R1,PRGILC
         SR    R0,R1
         STCM  R0,7,VMPSW+5
         BR    R14
*
***********************************************************************
*  PRXPROB: a privileged-operation exception in the virtual PROBLEM   *
*  state: the guest's program's own, to be reflected - with the code  *
*  its virtual machine would give, which is not always the real       *
*  one's (X'02': the real machine runs it with DAT on and the DAS     *
*  controls off).  IAC, IVSK, EPAR, ESAR with the virtual DAT off:    *
*  special operation (X'13').  MVCK: the real CR3 had CP's PSW-key    *
*  mask; the first time it gets the virtual CR3's (VMFPRM) and runs   *
*  again.  In: R11 = VMBLOK.  Out: R15 = 0 (run again), or 10 and R2  *
*  the code to reflect.  Uses R0-R6, R15.                             *
***********************************************************************
PRXPROB  ENTER
         L     R2,VMPSW+4          the instruction: its first bytes
         SR    R1,R1
         IC    R1,PRGILC
         SR    R2,R1
         N     R2,=X'00FFFFFF'
         XC    XPOP,XPOP
         LA    R3,XPOP
         LA    R4,2
         BAL   R14,GCOPYVI         (virtual if its DAT is on)
         LA    R2,2                (none there: the real code)
         BNZ   XPPRET
         CLI   XPOP,X'D9'          MVCK
         BE    XPP20
         CLI   XPOP,X'44'          EXECUTE: DMKDAS looks at its target
         BE    XPP14                 (not a DAS one: the real code)
         CLI   XPOP,X'B2'
         BNE   XPPRET
         LA    R1,XPDASB2          a DAS instruction?
XPP10    CLI   0(R1),X'FF'
         BE    XPPRET
         CLC   0(1,R1),XPOP+1
         BE    XPP12
         LA    R1,1(R1)
         B     XPP10
XPP12    BAL   R14,XPDATON         virtual DAT off: special operation
         BNZ   XPP14
         LA    R2,X'13'
         B     XPPRET
XPP14    LA    R2,2                on: DMKDAS (its answer as
         CALL  DASTRAP               PRXMORE's)
         LEAVE PRXPROB
XPP20    TM    VMFLAG2,VMFPRM      MVCK with the virtual CR3 already:
         BO    XPPRET                the guest's own
         OI    VMFLAG2,VMFPRM
         BAL   R14,XPBACK
         SR    R15,R15
         LEAVE PRXPROB
XPPRET   LA    R15,10
         LEAVE PRXPROB
*
***********************************************************************
*  PRXSTCK: would protection refuse a store the guest's instruction   *
*  makes (CP emulating it) at guest address R2?  PRXFTCK: a fetch?    *
*  As the CPU checks the first byte of the operand: low-address       *
*  protection (a store below 512 with the virtual CR0 bit 3), then    *
*  the PSW key against the key of the frame's block (a fetch: only a  *
*  fetch-protected block refuses).  CC not 0: refused (protection,    *
*  code 4).  An address beyond the machine's storage passes: the      *
*  access itself then gives the addressing exception.  (An operand    *
*  that crosses into a 2K block of another key, as STCTL's or LCTL's  *
*  of many registers may, is checked at its first byte only.)         *
*  R1-R15 kept.  Uses R0.                                             *
***********************************************************************
PRXSTCK  ENTER
         STM   R1,R6,XPSTSAVE
         LA    R6,1                a store
         B     XPST10
PRXFTCK  ENTER PRXSTCK
         STM   R1,R6,XPSTSAVE
         SR    R6,R6               a fetch
XPST10   N     R2,=X'00FFFFFF'
         BAL   R14,XPCHECK
         SR    R0,R0
         CH    R15,=H'10'          refused?
         BNE   XPST20
         LA    R0,1
XPST20   LM    R1,R6,XPSTSAVE
         LTR   R0,R0
         LEAVE PRXSTCK
*
***********************************************************************
*  PRXCTLK: LCTL or STCTL (VMINST) at guest address R2, with a PSW    *
*  key but 0: PRXSTCK or PRXFTCK checked the operand's first byte;    *
*  its last byte (at most 64 bytes on) may lie in the next 2K block,  *
*  of another key: that block is checked too, as the CPU checks every *
*  block an operand spans (protection: nothing loaded or stored).     *
*  In: R11, R2.  Out: CC 0 allowed; CC not 0 protection.  Keeps       *
*  R0-R14.                                                            *
***********************************************************************
PRXCTLK  ENTER
         STM   R0,R6,XPKSAVE
         SR    R1,R1               the length: ((R3 - R1) mod 16 + 1)
         IC    R1,VMINST+1           words
         LR    R3,R1
         SRL   R1,4
         N     R3,=F'15'
         SR    R3,R1
         N     R3,=F'15'
         LA    R3,1(R3)
         SLL   R3,2
         LR    R1,R2               its last byte
         AR    R1,R3
         BCTR  R1,0
         N     R1,=X'00FFFFFF'
         LR    R0,R2               in the same 2K block: done
         XR    R0,R1
         N     R0,=X'00FFF800'
         BZ    XPK80
         LR    R2,R1
         CLI   VMINST,X'B6'        STCTL: a store
         BNE   XPK20
         BAL   R14,PRXSTCK
         B     XPK30
XPK20    BAL   R14,PRXFTCK         LCTL: a fetch
XPK30    BNZ   XPK90
XPK80    LM    R0,R6,XPKSAVE
         CR    R0,R0               CC 0
         LEAVE PRXCTLK
XPK90    LM    R0,R6,XPKSAVE
         LEAVE PRXCTLK,CC=NZ
PRXCTLKB DS    F
PRXCTLKR DS    F
XPKSAVE  DS    7F
*
***********************************************************************
*  PRXLCTL: after LCTL: does the machine now need PMRUN?  The virtual *
*  CR0 bit 3 or a PER event mask of CR9 sets VMFPRM (it stays: the    *
*  dispatcher then reloads the real registers each time, which costs  *
*  a few instructions).  In: R11 = VMBLOK.  Uses nothing.             *
***********************************************************************
PRXLCTL  ENTER
         TM    VMCRS,X'10'         low-address protection
         BO    XPLC10
         TM    VMCRS+36,X'F0'      PER events
         BZ    XPLC20
XPLC10   OI    VMFLAG2,VMFPRM
XPLC20   LEAVE PRXLCTL
*
***********************************************************************
*  PRXPER: the real CPU ended a guest's instruction with a PER event  *
*  (bit X'80' of the program interruption code).  The PER code and    *
*  address it stored in CP's page 0 (X'96'-X'9B') go to the guest's;  *
*  then, by the rest of the code:                                     *
*    X'11'         CP's own business (a first touch of a page): the   *
*                  instruction runs again and the event comes again   *
*                  (an MVCL's stores before the fault do not: their   *
*                  event is lost, a difference named in the README);  *
*    X'02', and X'10' or X'11' beyond the machine's storage: CP       *
*                  emulates the instruction, or gives the addressing  *
*                  exception; the PER interruption comes with it or   *
*                  after it (VMFPERP, its ILC in VMPERILC): by        *
*                  PRGREFL with the code of an exception the          *
*                  emulation ends in, else by PRXPERP;                *
*    any other     the guest's own: reflected at once with the whole  *
*                  code (a monitor event's class and code too).       *
*  In: R11 = VMBLOK, R2 = the code, R3 = the ILC.  Out: R2 = the code *
*  PRGHNDL goes on with; R3 kept.  Uses R0-R5, R15.                   *
***********************************************************************
PRXPER   ENTER
         ST    R3,XPR3
         STH   R2,XPCODE
         BAL   R14,XPCOPY          X'96'-X'9B' to the guest
         LH    R2,XPCODE
         N     R2,=X'0000FF7F'     the rest of the code
         CH    R2,=H'2'
         BE    XPE05
         CH    R2,=X'0010'         segment: beyond the machine's
         BE    XPE05                 storage, an addressing exception
         CH    R2,=X'0011'         page: a first touch (nullified,
         BNE   XPE10                 it comes again), or beyond the
         L     R0,TRANSADR           storage in the last segment
         N     R0,=X'00FFFFFF'
         C     R0,VMSIZE
         BL    XPE90
XPE05    OI    VMFLAG2,VMFPERP     CP first, the PER after it (or
         MVC   VMPERILC,XPR3+3       with its exception: PRGREFL)
         B     XPE90
XPE10    LH    R2,XPCODE           the guest's own: all of it
         TM    XPCODE+1,X'40'      (a monitor event: its class and
         BZ    XPE90                 code too)
         CALL  PRWMC
XPE90    L     R3,XPR3
         LEAVE PRXPER
*  XPCOPY: the PER code and address (CP's X'96'-X'9B') into the
*  guest's page 0.  Uses R0-R5, R15.
XPCOPY   ST    R14,XPCOPYR
         MVC   XPPER,X'96'
         MVC   VMPERCOD,X'96'      (the CPU's events: XPFINAL)
         LA    R2,X'96'
         LA    R3,XPPER
         LA    R4,6
         BAL   R14,GCOPYOUT        (no frame for page 0: the
         L     R14,XPCOPYR           reflection will say so)
         BR    R14
*
***********************************************************************
*  PRXSVCP: a program interruption came while CP ran.  If it is a PER *
*  event whose old PSW is CP's SVC new PSW, the guest's SVC had the   *
*  event: the CPU took the SVC interruption and then, at once, this   *
*  one.  The event is noted for the guest (VMFPERP, with the SVC's    *
*  ILC), to be given after its SVC interruption, as the CPU gives it. *
*  Out: R15 = 0 so (PRGCP takes the SVC), else not 0 (CP's own        *
*  failure).  Uses R0-R5, R11, R15.                                   *
***********************************************************************
PRXSVCP  ENTER
         TM    PRGCODE+1,X'80'     a PER event ...
         BZ    XPS90
         L     R0,PRGOPSW+4        ... at CP's SVC entry ...
         N     R0,=X'00FFFFFF'
         C     R0,=A(SVCINT)
         BNE   XPS90
         TM    SVCOPSW+1,PSWPROB   ... after a guest's SVC
         BZ    XPS90
         L     R11,RUNUSER
         LTR   R11,R11
         BZ    XPS90
         BAL   R14,XPCOPY
         OI    VMFLAG2,VMFPERP
         MVC   VMPERILC,SVCILC
         SR    R15,R15
         LEAVE PRXSVCP
XPS90    LA    R15,1
         LEAVE PRXSVCP
*
***********************************************************************
*  PRXPERP: DSPREADY found a PER interruption pending (VMFPERP): give *
*  it now, before anything else, with the PSW as the emulated         *
*  instruction or the SVC interruption left it: code X'0080'.         *
*  In: R11 = VMBLOK.  Uses R0-R6, R15.                                *
***********************************************************************
PRXPERP  ENTER
         NI    VMFLAG2,X'FF'-VMFPERP
         SR    R0,R0               completed: which events are left
         BAL   R14,XPFINAL           (CP's own, DMKPRX)
         BNZ   XPP90
         LA    R2,X'80'
         SR    R3,R3
         IC    R3,VMPERILC
         LA    R4,X'28'            program old PSW
         BAL   R14,REFLECT
XPP90    LEAVE PRXPERP
*
***********************************************************************
*  The PER events CP makes itself (issue 12).  The real CPU sees a    *
*  guest's instruction fetch, but the stores and register changes of  *
*  an instruction CP emulates are CP's: CP makes their events as the  *
*  bare CPU does (src/cpu/per.rs; tests/hercules/per3.asm):           *
*   - storage alteration: a store of an emulated instruction into the *
*     monitored area (CR10-CR11, wrapping; any byte of it): STCTL,    *
*     STNSM, STOSM, STPX, STAP, STPT, STCKC, STIDP - every store CP   *
*     makes with GCOPYVO, which calls PRXPSTO - the assists' words    *
*     (XPSTORE) and the CSW of SIO and TIO (PRXPCSW);                 *
*   - general-register alteration: the register an emulated ISK, LRA, *
*     IPK, ISKE or TB designates (SIGP's only with CC 1), monitored   *
*     in CR9 bits 16-31, when the instruction completes;              *
*   - no successful branching: LPSW is no branch for PER.             *
*  PRXPBEG, before the emulation (PRIVOP, while the virtual PSW has   *
*  PER on), arms them for this instruction (VMPERCNT: its VMPRVCNT)   *
*  and notes the address (VMPERIA: the EXECUTE's for a target).  A    *
*  candidate event sets VMFPERP; at the end XPFINAL decides: with the *
*  instruction completed (PRXPERP, from DSPREADY) every event counts; *
*  ended by an exception (PRXPEXC, from PRGREFL) a store counts only  *
*  when the exception terminates it (addressing, protection) and a    *
*  register never (it is not changed).  The PER code is the CPU's     *
*  (VMPERCOD, from XPCOPY) ORed with CP's; none left: no interruption.*
***********************************************************************
*
***********************************************************************
*  PRXPBEG: machine R11's virtual PSW has PER on (EC mode, bit 1) and *
*  CP is about to emulate VMINST.  Arm the events.  In: R11, PRGILC.  *
*  Keeps R0-R14.                                                      *
***********************************************************************
PRXPBEG  ENTER
         STM   R0,R5,XPBSAVE
         MVC   VMPERCNT,VMPRVCNT   this instruction's
         L     R0,VMPSW+4          its address: the real old PSW was
         SR    R1,R1                 past it
         IC    R1,PRGILC
         SR    R0,R1
         N     R0,=X'00FFFFFF'
         ST    R0,VMPERIA
         MVI   VMPERCP,XPARM       armed
         MVC   VMPERILC,PRGILC     (the ILC of its PER interruption)
         TM    VMCRS+36,X'10'      registers monitored?
         BZ    XPB90
         SR    R2,R2               R2 = 4 * the register it designates
         IC    R2,VMINST+1           (most: R1 in byte 1)
         SRL   R2,4
         CLI   VMINST,X'09'        ISK
         BE    XPB20
         CLI   VMINST,X'B1'        LRA
         BE    XPB20
         CLI   VMINST,X'AE'        SIGP (with CC 1: XPFINAL)
         BE    XPB20
         CLI   VMINST,X'B2'
         BNE   XPB90
         LA    R2,2
         CLI   VMINST+1,X'0B'      IPK: R2
         BE    XPB20
         SR    R2,R2
         CLI   VMINST+1,X'2C'      TB: R0
         BE    XPB20
         IC    R2,VMINST+3
         SRL   R2,4
         CLI   VMINST+1,X'29'      ISKE: R1 (RRE: byte 3)
         BNE   XPB90
XPB20    L     R0,=X'00008000'     its bit in CR9 bits 16-31
         SRL   R0,0(R2)
         N     R0,VMCRS+36
         BZ    XPB90
         OI    VMPERCP,XPGR        a candidate
         BAL   R14,XPPEND
XPB90    LM    R0,R5,XPBSAVE
         LEAVE PRXPBEG
*
***********************************************************************
*  PRXPSTO: GCOPYVO stores R4 bytes at R2 (a logical address) for the *
*  instruction CP emulates, with the events armed: a storage-         *
*  alteration event if storage alteration is monitored and a byte is  *
*  in the area.  In: R11, R2, R4.  Keeps R0-R14.                      *
***********************************************************************
PRXPSTO  ENTER
         STM   R0,R5,XPBSAVE
         CLC   VMPERCNT,VMPRVCNT   armed for another instruction: off
         BNE   XPT80
         TM    VMCRS+36,X'20'      storage alteration monitored?
         BZ    XPT90
         LTR   R4,R4
         BNP   XPT90
         L     R0,VMCRS+40         S: the area's start
         N     R0,=X'00FFFFFF'
         LR    R1,R2               (A - S) mod 2**24 <= (E - S): the
         SR    R1,R0                 store's first byte is in it
         N     R1,=X'00FFFFFF'
         L     R3,VMCRS+44
         SR    R3,R0
         N     R3,=X'00FFFFFF'
         CLR   R1,R3
         BNH   XPT50
         LR    R1,R0               (S - A) mod 2**24 <= L - 1: the
         SR    R1,R2                 area's first byte is in the store
         N     R1,=X'00FFFFFF'
         LR    R3,R4
         BCTR  R3,0
         CLR   R1,R3
         BH    XPT90
XPT50    OI    VMPERCP,XPSTO
         BAL   R14,XPPEND
         B     XPT90
XPT80    MVI   VMPERCP,0
XPT90    LM    R0,R5,XPBSAVE
         LEAVE PRXPSTO
*
***********************************************************************
*  PRXPCSW: an I/O instruction CP emulated ends with CC R0: SIO and   *
*  TIO with CC 1 stored a CSW at X'40', a store as the CPU's (its     *
*  8 bytes against the area as they are, PRXPSTO).  In: R11, R0.      *
*  Keeps R0-R14.                                                      *
***********************************************************************
PRXPCSW  ENTER
         CH    R0,=H'1'
         BNE   XPW90
         CLI   VMINST,X'9C'        SIO, SIOF
         BE    XPW10
         CLI   VMINST,X'9D'        TIO, CLRIO
         BNE   XPW90
XPW10    STM   R2,R4,XPCSAVE
         LA    R2,X'40'
         LA    R4,8
         BAL   R14,PRXPSTO
         LM    R2,R4,XPCSAVE
XPW90    LEAVE PRXPCSW
PRXPCSWB DS    F
PRXPCSWR DS    F
XPCSAVE  DS    3F
*
*  XPPEND: a candidate event: a PER interruption may be pending; if
*  none was (no event of the CPU's), its code starts empty.
XPPEND   TM    VMFLAG2,VMFPERP
         BOR   R14
         OI    VMFLAG2,VMFPERP
         MVI   VMPERCOD,0
         BR    R14
*
***********************************************************************
*  PRXPEXC: PRGREFL reflects program interruption R2 with a PER       *
*  interruption pending (VMFPERP): R2 gets X'80' if an event is left  *
*  (XPFINAL, the instruction ended by that exception).  In: R11, R2.  *
*  Out: R2.  Keeps R3-R14.                                            *
***********************************************************************
PRXPEXC  ENTER
         STM   R3,R6,XPXSAVE
         NI    VMFLAG2,X'FF'-VMFPERP
         LR    R0,R2
         BAL   R14,XPFINAL
         BNZ   XPX90
         O     R2,=F'128'
XPX90    LM    R3,R6,XPXSAVE
         LEAVE PRXPEXC
*
*  XPFINAL: the PER code of the instruction, the CPU's (VMPERCOD) and
*  CP's events as it ended: R0 = 0 completed, else the code of the
*  exception that ended it.  Out: CC 0 and the code in the guest's
*  X'96' (and its address at X'98' if CP's alone); CC not 0: no event
*  at all.  Disarms.  Uses R0, R1, R3-R6, R15 (keeps R2).
XPFINAL  ST    R14,XPFINR
         IC    R6,VMPERCOD         the CPU's events
         N     R6,=F'240'
         CLC   VMPERCNT,VMPRVCNT   CP's, if armed for this one
         BNE   XPF50
         TM    VMPERCP,XPSTO       a store: completed or terminated
         BZ    XPF20
         LTR   R0,R0
         BZ    XPF15
         CH    R0,=H'4'            (protection)
         BE    XPF15
         CH    R0,=H'5'            (addressing)
         BNE   XPF20
XPF15    O     R6,=F'32'
XPF20    TM    VMPERCP,XPGR        a register: completed
         BZ    XPF50
         LTR   R0,R0
         BNZ   XPF50
         CLI   VMINST,X'AE'        (SIGP: CC 1 only)
         BNE   XPF30
         IC    R1,VMPSW+2
         N     R1,=F'48'
         CH    R1,=H'16'
         BNE   XPF50
XPF30    O     R6,=F'16'
XPF50    MVI   VMPERCP,0
         LTR   R6,R6
         BZ    XPF90
         IC    R1,VMPERCOD         CP's events besides the CPU's?
         N     R1,=F'240'
         CR    R1,R6
         BE    XPF80               (no: X'96' is the CPU's already)
         STC   R6,XPPER            the code, and the address CP
         MVI   XPPER+1,0             noted if the CPU noted none
         LA    R4,2
         LTR   R1,R1
         BNZ   XPF60
         MVC   XPPER+2(4),VMPERIA
         LA    R4,6
XPF60    ST    R2,XPFR2
         LA    R2,X'96'
         LA    R3,XPPER
         BAL   R14,GCOPYOUT        (no frame: the reflection says so)
         L     R2,XPFR2
XPF80    L     R14,XPFINR
         CR    R14,R14             CC 0
         BR    R14
XPF90    L     R14,XPFINR
         LTR   R14,R14             CC not 0
         BR    R14
XPFINR   DS    F
XPFR2    DS    F
XPARM    EQU   X'01'               (VMPERCP) armed for VMPERCNT
XPSTO    EQU   X'20'                 a store in the area
XPGR     EQU   X'10'                 a monitored register designated
PRXPBEGB DS    F
PRXPBEGR DS    F
PRXPSTOB DS    F
PRXPSTOR DS    F
PRXPEXCB DS    F
PRXPEXCR DS    F
XPBSAVE  DS    6F
XPXSAVE  DS    4F
*
***********************************************************************
*  PMRUN: the dispatcher is about to run a machine with VMFPRM: the   *
*  real CR0 bit 3 and CR3 from its virtual ones.  In: R11 = VMBLOK.   *
*  Uses nothing.                                                      *
***********************************************************************
PMRUN    ENTER
         STCTL R0,R0,PMCR          the real CR0 as the dispatcher
         NI    PMCR,X'EF'            left it, bit 3 ...
         TM    VMCRS,X'10'
         BZ    PMR10
         OI    PMCR,X'10'          ... from the virtual CR0
PMR10    LCTL  R0,R0,PMCR
         MVC   PMCR,=X'FFFF0000'   CR3: every key for a supervisor
         TM    VMPSW+1,PSWPROB
         BZ    PMR20
         MVC   PMCR(2),VMCRS+12    the guest's mask for its problem
PMR20    LCTL  R3,R3,PMCR            programs
         TM    VMPSW+1,PSWEC       PER: an EC-mode PSW's bit 1 ...
         BZ    PMR30
         TM    VMPSW,X'40'
         BZ    PMR30
         LCTL  R9,R11,VMCRS+36     ... with the virtual CR9-CR11
         OI    RUNPSW,X'40'
PMR30    LEAVE PMRUN
*
PRXMOREB DS    F
PRXMORER DS    F
PRXPROBB DS    F
PRXPROBR DS    F
PRXSTCKB DS    F
PRXSTCKR DS    F
XPSTSAVE DS    6F
PRXLCTLB DS    F
PRXLCTLR DS    F
*
***********************************************************************
*  PMSTOP: an interruption from a machine PMRUN ran: CP's own CR0     *
*  (no low-address protection: CP stores the CAW at X'48') and CR3    *
*  (zero: no key for MVCK in the problem state) again, before CP      *
*  stores anything below 512 or runs another machine.  SAVECTX calls  *
*  it.  And the PSW key: with PMRUN's CR3 a virtual supervisor's SPKA *
*  runs on the real CPU (semiprivileged, every key allowed), so the   *
*  real old PSW's key is the machine's now.  In: R1 -> the old PSW,   *
*  R11 = VMBLOK.  Uses nothing.                                       *
***********************************************************************
PMSTOP   ENTER
         LCTL  R0,R0,CPCR0
         LCTL  R3,R3,=F'0'
         MVZ   VMPSW+1(1),1(R1)    (the key: bits 8-11)
         LEAVE PMSTOP
PMSTOPB  DS    F
PMSTOPR  DS    F
PMRUNB   DS    F
PMRUNR   DS    F
XPACCR   DS    F
XPCHKR   DS    F
XPA1     DS    F
XPA2     DS    F
XPPKEY   DS    F
XPGA     DS    F
XPW      DS    F
XPASCB   DS    F
XPHELD   DS    F
XPLOCKA  DS    F
XPCPU    DS    F
XPLOCK   DS    F
XPNEXT   DS    F
XPNEWL   DS    F
XPNEWH   DS    F
PMCR     DS    F
PRXPERB  DS    F
PRXPERR  DS    F
PRXSVCPB DS    F
PRXSVCPR DS    F
PRXPERPB DS    F
PRXPERPR DS    F
XPR3     DS    F
XPCOPYR  DS    F
XPCODE   DS    H
XPPER    DS    XL6
XPOP     DS    H
         DROP  R11
         LTORG                     the module's literals
