***********************************************************************
*  VDAS: the dual-address-space facility for a virtual machine that   *
*  runs with its DAT on (DMKDAS; issue 12, "Equivalence").            *
*                                                                     *
*  The facility (POO, "Dual-Address-Space Control"; the bare CPU's    *
*  model is src/cpu/exec_das.rs): a primary space (CR1's segment      *
*  table) and a secondary one (CR7's), each with a number (ASN: CR4,  *
*  CR3); MVCP and MVCS move between them, SAC puts the CPU in the     *
*  secondary-space mode (PSW bit 16: then DAT translates instructions *
*  and operands alike with CR7), PC and PT call and return across     *
*  spaces through the guest's linkage, entry and ASN tables, SSAR and *
*  LASP change the spaces, EPAR, ESAR, IAC, IVSK tell about them.     *
*                                                                     *
*  The design.  The real machine never runs a guest with its own DAS  *
*  controls on: the real CR0 bits 4-5, CR5 and CR14 stay CP's (off),  *
*  the real PSW's bit 16 is always zero.  So every DAS instruction a  *
*  guest gives traps: MVCP, MVCS, SAC, PC, PT, SSAR as a special      *
*  operation (X'13', the core's DASOP calls DASTRAP), IAC, IVSK,      *
*  EPAR, ESAR (no extraction authority in the real problem state) and *
*  LASP (privileged) as a privileged operation (DMKPRX calls DASSIM,  *
*  or DASTRAP for the virtual problem state) - and CP does here, to   *
*  the VIRTUAL machine, what the instruction does: the bare CPU's     *
*  checks in the bare CPU's order, the same codes, the same X'90'.    *
*  Why emulate even MVCP and SAC, which a real secondary shadow table *
*  could let the hardware run?  Because the guest's supervisor state  *
*  is the real problem state: the real PSW-key mask would have to     *
*  allow what the guest's supervisor may and refuse what its problem  *
*  programs may not, and PC/PT/SSAR/LASP, which change the spaces,    *
*  must trap anyway; the DAS instructions are rare, the rest of the   *
*  guest's instructions run on the hardware at full speed.            *
*                                                                     *
*  The secondary-space mode.  The virtual PSW keeps bit 16 (LPSW,     *
*  SAC, the interruptions' new PSWs; SAVECTX keeps it when it puts    *
*  the real PSW's CC and mask back; REFLECT stores it in the old      *
*  PSW).  While it is on (with EC mode and DAT), the guest's CURRENT  *
*  space is its secondary one: VATRUN builds the shadow tables for    *
*  the STD the guest uses now (CR7's, not CR1's: VMVATCR1 says which, *
*  and a change of space starts them afresh), VATWALK walks CR7's     *
*  tables (a fault then gives the guest X'90' with bit 0, VWSEC), and *
*  so the real CPU, running primary on the shadow, fetches and stores *
*  exactly what the guest's secondary space holds.  The shadows of    *
*  two spaces are kept at once (vat.asm: A and B), so a switch back   *
*  and forth costs no refill.                                         *
*                                                                     *
*  ASN and PC-number translation read the guest's tables at guest     *
*  REAL addresses (CR14's AFT, the AST, authority tables, CR5's       *
*  linkage table, entry tables), every word through GTRANS (DWORD):   *
*  a table beyond its storage is an addressing exception for it, and  *
*  every address is cut to 24 bits as the CPU cuts it.  Each          *
*  instruction reads at most a fixed number of words (no loop the     *
*  guest controls), so no table can keep CP busy; a PC/PT loop is one *
*  trap an instruction, charged as the guest's other traps are.       *
*  Not done (as for the other instructions CP emulates): the PER      *
*  events of these instructions.                                      *
*                                                                     *
*  A module: its own CSECT, R13 its base (ENTER).                     *
***********************************************************************
DMKDAS   CSECT
         USING DMKDAS,R13          the module's base (ENTER sets it)
         USING VMBLOK,R11
*
***********************************************************************
*  DASTRAP: a DAS instruction trapped (the real CPU's special         *
*  operation; or a privileged operation in the virtual problem state  *
*  with the virtual DAT on, or of an EXECUTE there): fetch it into    *
*  VMINST (ILC bytes before the virtual PSW's address, in the guest's *
*  current space; an EXECUTE's target) and emulate it.  DASSIM: the   *
*  same for an instruction already in VMINST (DMKPRX).  In: R11,      *
*  PRGILC, R2 the real code (DASTRAP); the virtual PSW past the       *
*  instruction.  Out: R15 = 0 done (the virtual PSW updated); 1, 2 as *
*  GTRANS (NOSTORE); 3 a translation exception of an operand          *
*  (VATOPEX); 6 a specification exception; 10 the interruption whose  *
*  code is in R2 (nullified where the POO says, X'90' stored).        *
*  Anything not a DAS instruction (an EXECUTE's target): the real     *
*  code, R2 at DASTRAP's entry (X'13', or X'02' from DMKPRX).         *
*  Uses R0-R8, R15.                                                   *
***********************************************************************
DASTRAP  ENTER
         STH   R2,DXRCODE          (the real code)
         L     R2,VMPSW+4          the instruction: ILC bytes back
         SR    R4,R4
         IC    R4,PRGILC
         SR    R2,R4
         N     R2,=X'00FFFFFF'
         XC    VMINST,VMINST
         LR    R1,R2               within one 2K block?
         AR    R1,R4
         BCTR  R1,0
         XR    R1,R2
         N     R1,=X'FFFFF800'
         BNZ   DST10
         LRA   R1,0(R2)            then the real CPU's own translation:
         BNZ   DST10                 the real CR1 is yet the one it ran
         BCTR  R4,0                  with (its shadow, or CP's tables
         EX    R4,DSTMVC             for the machine): the frame
         B     DST20
DST10    LA    R3,VMINST           else the guest's tables (GCOPYVI)
         BAL   R14,GCOPYVI
         BNZ   DSOUT
DST20    CLI   VMINST,X'44'        EXECUTE: the instruction it names
         BNE   DS10
         BAL   R14,DSEX
         BNZ   DSOUT
         B     DS10
DSTMVC   MVC   VMINST(0),0(R1)
DASSIM   ENTER DASTRAP
         MVC   DXRCODE,=H'1'       (always a DAS one: PRXMORE's)
DS10     CLI   VMINST,X'DA'        MVCP
         BE    DSMVCP
         CLI   VMINST,X'DB'        MVCS
         BE    DSMVCS
         CLI   VMINST,X'E5'        LASP (E500)
         BNE   DS20
         CLI   VMINST+1,X'00'
         BE    DSLASP
         B     DXREAL
DS20     CLI   VMINST,X'B2'        the B2 family
         BNE   DXREAL
         LA    R1,DSTAB
DS30     CLI   0(R1),X'FF'
         BE    DXREAL
         CLC   0(1,R1),VMINST+1
         BE    DS40
         LA    R1,4(R1)
         B     DS30
DS40     L     R15,0(R1)
         N     R15,=X'00FFFFFF'
         BR    R15
*
DSTAB    DC    X'18',AL3(DSPC)     PC
         DC    X'19',AL3(DSSAC)    SAC
         DC    X'23',AL3(DSIVSK)   IVSK
         DC    X'24',AL3(DSIAC)    IAC
         DC    X'25',AL3(DSSSAR)   SSAR
         DC    X'26',AL3(DSEPAR)   EPAR
         DC    X'27',AL3(DSESAR)   ESAR
         DC    X'28',AL3(DSPT)     PT
         DC    X'FF'
*
*  DSEX: the trapped instruction is an EXECUTE: its target into
*  VMINST, its second byte ORed with R1's low byte (R1 not 0), as
*  the CPU and the core's PRVEX do.  Out: CC 0; or R15 as DASTRAP
*  answers (a target at an odd address: specification; an EXECUTE:
*  execute exception).  Uses R0-R5, R15.
DSEX     ST    R14,DSEXR
         IC    R0,VMINST+1         the EXECUTE's R1
         STC   R0,DSEXR1
         LH    R1,VMINST+2         its D2(X2,B2)
         BAL   R14,OPADDR
         IC    R15,VMINST+1
         N     R15,=F'15'
         BZ    DSEX10
         SLL   R15,2
         A     R1,VMGPRS(R15)
         N     R1,=X'00FFFFFF'
DSEX10   ST    R1,DSEXA
         LA    R2,6
         LA    R15,10
         N     R1,=F'1'            on a halfword
         BNZ   DSEXOUT
         XC    VMINST,VMINST       its opcode, then all of it
         L     R2,DSEXA
         LA    R3,VMINST
         LA    R4,2
         BAL   R14,GCOPYVI
         BNZ   DSEXOUT
         IC    R4,VMINST           (2, 4 or 6 bytes)
         N     R4,=F'255'
         SRL   R4,6
         LA    R4,DSEXLEN(R4)
         IC    R4,0(R4)
         N     R4,=F'255'
         L     R2,DSEXA
         LA    R3,VMINST
         BAL   R14,GCOPYVI
         BNZ   DSEXOUT
         LA    R2,3                an EXECUTE of an EXECUTE
         LA    R15,10
         CLI   VMINST,X'44'
         BE    DSEXOUT
         SR    R15,R15
         IC    R0,DSEXR1           the byte from R1
         SRL   R0,4
         N     R0,=F'15'
         BZ    DSEXOUT
         SLL   R0,2
         LR    R1,R0
         L     R0,VMGPRS(R1)
         STC   R0,DSEXR1
         OC    VMINST+1(1),DSEXR1
         SR    R15,R15
DSEXOUT  L     R14,DSEXR
         LTR   R15,R15
         BR    R14
DSEXLEN  DC    AL1(2,4,4,6)
*
*  The ways out.
DXDONE   SR    R15,R15
DSOUT    LEAVE DASTRAP
DXREAL   LH    R2,DXRCODE          not a DAS instruction: the real
         B     DXPGM                 code (X'13', or X'02' by DMKPRX)
DXSPOP   LA    R2,X'13'            special operation
         B     DXPGM
DXPRIV   LA    R2,2                privileged operation
         B     DXPGM
DXPROT   LA    R2,4                protection
         B     DXPGM
DXSPEC   LA    R2,6                specification
DXPGM    LA    R15,10
         B     DSOUT
*  A routine's answer: R15 11 is a nullifying exception (code R2,
*  X'90' = DXTEA); the others go as they are.
DXERR    CH    R15,=H'11'
         BNE   DSOUT
*  DXNULL: nullified (the virtual PSW back to the instruction), with
*  X'90' = DXTEA.  DXTEAX: the same, completed (a space-switch event).
DXNULL   L     R0,VMPSW+4
         SR    R1,R1
         IC    R1,PRGILC
         SR    R0,R1
         STCM  R0,7,VMPSW+5
DXTEAX   STH   R2,DXCODE
         LA    R2,X'90'
         LA    R3,DXTEA
         LA    R4,4
         BAL   R14,GCOPYOUT
         BNZ   DSOUT
         LH    R2,DXCODE
         B     DXPGM
*  DXEND: PC and PT done; a space-switch event if DSWTCH saw one.
DXEND    CLI   DXEVT,0
         BE    DXDONE
         LA    R2,X'1C'
         B     DXTEAX
*
***********************************************************************
*  MVCP D1(R1,B1),D2(B2),R3 and MVCS: move the true length in R1 (CC  *
*  0; more than 256: 256 bytes, CC 3) between the primary and the     *
*  secondary space; the secondary operand with the key in R3 bits     *
*  24-27, the primary one with the PSW key.  DAT on and the virtual   *
*  CR0 bit 5, else a special operation; in the problem state the key  *
*  must be in the PSW-key mask (CR3 bits 0-15), else a privileged     *
*  operation.  Both operands are checked (the second first, as the    *
*  bare CPU and Hercules 3.13) before a byte moves.                   *
***********************************************************************
DSMVCP   DS    0H
DSMVCS   BAL   R14,DDATON
         BZ    DXSPOP
         TM    VMCRS,X'04'         secondary-space control
         BZ    DXSPOP
         IC    R1,VMINST+1         the true length (R1)
         SRL   R1,4
         N     R1,=F'15'
         SLL   R1,2
         L     R3,VMGPRS(R1)
         SR    R0,R0
         CL    R3,=F'256'
         BNH   DM10
         LA    R3,256
         LA    R0,3
DM10     ST    R3,DMLEN
         STC   R0,DMCC
         IC    R1,VMINST+1         the key (R3 bits 24-27)
         N     R1,=F'15'
         SLL   R1,2
         L     R1,VMGPRS(R1)
         N     R1,=F'240'
         STC   R1,DMKEY
         TM    VMPSW+1,PSWPROB     the problem state: in the PKM?
         BZ    DM20
         SRL   R1,4
         L     R0,VMCRS+12
         SLL   R0,0(R1)
         LTR   R0,R0
         BNM   DXPRIV
DM20     IC    R0,VMPSW+1          the PSW key
         N     R0,=F'240'
         STC   R0,DMPKEY
         LH    R1,VMINST+2         the operands' addresses
         BAL   R14,OPADDR
         ST    R1,DMOPD+8
         LH    R1,VMINST+4
         BAL   R14,OPADDR
         ST    R1,DMOPS+8
         MVI   DMOPD+6,1           the first is stored,
         MVI   DMOPS+6,0             the second fetched
         CLI   VMINST,X'DA'
         BNE   DM30
         MVC   DMOPD(4),VMCRS+4    MVCP: primary <- secondary
         MVI   DMOPD+4,0
         MVC   DMOPD+5(1),DMPKEY
         MVC   DMOPS(4),VMCRS+28
         MVI   DMOPS+4,X'80'
         MVC   DMOPS+5(1),DMKEY
         B     DM40
DM30     MVC   DMOPD(4),VMCRS+28   MVCS: secondary <- primary
         MVI   DMOPD+4,X'80'
         MVC   DMOPD+5(1),DMKEY
         MVC   DMOPS(4),VMCRS+4
         MVI   DMOPS+4,0
         MVC   DMOPS+5(1),DMPKEY
DM40     ICM   R0,15,DMLEN         nothing to move?
         BZ    DM90
         LA    R5,DMOPS            both operands checked,
         BAL   R14,DMRUN
         BNZ   DXERR
         LA    R5,DMOPD
         BAL   R14,DMRUN
         BNZ   DXERR
         BAL   R14,DMMOVE          then moved
DM90     SR    R0,R0
         IC    R0,DMCC
         BAL   R14,SETCC
         B     DXDONE
*
*  DMRUN: check the operand R5 points to (DMOPS, DMOPD: +0 its STD,
*  +4 X'80' secondary, +5 its key, +6 1 for a store, +8 its address)
*  for DMLEN bytes: up to two pieces, split where a 2K block ends,
*  each translated and checked (DMPIECE); their real addresses and
*  lengths go to +12, +16 and +20, +24.  Out: CC 0; or R15 as DASTRAP
*  answers.  Uses R0-R4, R15.
DMRUN    ST    R14,DMRR
         L     R2,8(R5)
         N     R2,=X'00FFFFFF'
         LR    R3,R2               room to the end of the 2K block
         N     R3,=X'000007FF'
         LCR   R3,R3
         A     R3,=F'2048'
         L     R4,DMLEN
         CR    R4,R3
         BH    DMR10
         LR    R3,R4
DMR10    ST    R3,16(R5)
         SR    R4,R3
         ST    R4,24(R5)
         BAL   R14,DMPIECE
         BNZ   DMROUT
         ST    R2,12(R5)
         ICM   R0,15,24(R5)        a second piece?
         BZ    DMROK
         L     R2,8(R5)
         A     R2,16(R5)
         N     R2,=X'00FFFFFF'
         BAL   R14,DMPIECE
         BNZ   DMROUT
         ST    R2,20(R5)
DMROK    SR    R15,R15
DMROUT   L     R14,DMRR
         LTR   R15,R15
         BR    R14
*
*  DMPIECE: one piece at guest virtual address R2, operand R5: the
*  checks of the bare CPU's access_as, in its order - translation in
*  the operand's space (VATWSTD), a protected segment refuses a store,
*  addressing (GTRANS), low-address protection of the virtual
*  address, the key against the frame's.  Out: CC 0 and R2 the real
*  address; or R15 (R2) as DASTRAP answers.  Uses R0-R2, R15.
DMPIECE  ST    R14,DMPR
         ST    R2,DMVA
         L     R0,0(R5)
         SR    R1,R1
         IC    R1,4(R5)
         CALL  VATWSTD
         BNZ   DMPOUT
         CLI   6(R5),0             a store into a protected segment?
         BE    DMP10
         LTR   R0,R0
         BNZ   DMPPROT
DMP10    BAL   R14,GTRANS          the real frame
         BNZ   DMPOUT
         CLI   6(R5),0             low-address protection
         BE    DMP20
         TM    VMCRS,X'10'
         BZ    DMP20
         CLC   DMVA,=F'512'
         BL    DMPPROT
DMP20    CLI   5(R5),0             key 0: anything
         BE    DMPOK
         LR    R1,R2
         N     R1,=X'00FFFFF0'
         SR    R0,R0
         ISK   R0,R1
         LR    R1,R0
         N     R1,=F'240'
         STC   R1,DMFKEY
         CLC   DMFKEY,5(R5)        the frame's key: anything
         BE    DMPOK
         CLI   6(R5),0             another's: no store, and no fetch
         BNE   DMPPROT               if fetch-protected
         N     R0,=F'8'
         BZ    DMPOK
DMPPROT  LA    R2,4
         LA    R15,10
         B     DMPOUT
DMPOK    SR    R15,R15
DMPOUT   L     R14,DMPR
         LTR   R15,R15
         BR    R14
*
*  DMMOVE: DMLEN bytes from the second operand's pieces to the
*  first's, left to right, in runs within which neither crosses into
*  its next piece: MVC moves each a byte at a time, so operands that
*  overlap in a frame move as the CPU moves them.  Uses R2-R8.
DMMOVE   L     R2,DMOPS+12         the source: where, how much left
         L     R3,DMOPS+16           in its piece
         L     R4,DMOPD+12         the destination
         L     R5,DMOPD+16
         L     R6,DMLEN            the rest
DMM10    LTR   R6,R6
         BZR   R14
         LTR   R3,R3               a piece used up: the next
         BNZ   DMM20
         L     R2,DMOPS+20
         L     R3,DMOPS+24
DMM20    LTR   R5,R5
         BNZ   DMM30
         L     R4,DMOPD+20
         L     R5,DMOPD+24
DMM30    LR    R7,R6               this run: the least of the three
         CR    R7,R3
         BNH   DMM40
         LR    R7,R3
DMM40    CR    R7,R5
         BNH   DMM50
         LR    R7,R5
DMM50    LR    R8,R7
         BCTR  R8,0
         EX    R8,DMMVC
         AR    R2,R7
         AR    R4,R7
         SR    R3,R7
         SR    R5,R7
         SR    R6,R7
         B     DMM10
DMMVC    MVC   0(0,R4),0(R2)
*
***********************************************************************
*  SAC D2(B2): bits 20-23 of the address: 0 the primary-space mode,   *
*  1 the secondary-space mode (virtual PSW bit 16), anything else a   *
*  specification exception.  DAT on and CR0 bit 5, else a special     *
*  operation.  (The next dispatch gives the shadow tables of the new  *
*  space: VATRUN.)                                                    *
***********************************************************************
DSSAC    BAL   R14,DDATON
         BZ    DXSPOP
         TM    VMCRS,X'04'
         BZ    DXSPOP
         LH    R1,VMINST+2
         BAL   R14,OPADDR
         SRL   R1,8
         N     R1,=F'15'
         BZ    DSSAC0
         CH    R1,=H'1'
         BNE   DXSPEC
         OI    VMPSW+2,X'80'
         B     DXDONE
DSSAC0   NI    VMPSW+2,X'7F'
         B     DXDONE
*
***********************************************************************
*  IAC R1, EPAR R1, ESAR R1, IVSK R1,R2: DAT on (else a special       *
*  operation) and, in the problem state, the extraction authority     *
*  (CR0 bit 4; else a privileged operation).                          *
*   IAC   R1 bits 16-23 = the mode (0 or 1), CC the same              *
*   EPAR  R1 = the primary ASN (CR4 bits 16-31)                       *
*   ESAR  R1 = the secondary ASN (CR3 bits 16-31)                     *
*   IVSK  R1 bits 24-31 = the key and fetch bit of the block at R2's  *
*         virtual address in the current space                        *
***********************************************************************
DSIAC    BAL   R14,DXTR
         BNZ   DSOUT
         BAL   R14,DR1
         SR    R0,R0
         TM    VMPSW+2,X'80'
         BZ    *+8
         LA    R0,1
         STC   R0,2(R1)
         BAL   R14,SETCC
         B     DXDONE
DSEPAR   BAL   R14,DXTR
         BNZ   DSOUT
         L     R0,VMCRS+16
         B     DSE10
DSESAR   BAL   R14,DXTR
         BNZ   DSOUT
         L     R0,VMCRS+12
DSE10    N     R0,=X'0000FFFF'
         BAL   R14,DR1
         ST    R0,0(R1)
         B     DXDONE
DSIVSK   BAL   R14,DXTR
         BNZ   DSOUT
         BAL   R14,DR2
         L     R2,0(R1)
         N     R2,=X'00FFFFFF'
         L     R0,VMCRS+4          the current space
         SR    R1,R1
         TM    VMPSW+2,X'80'
         BZ    DSI10
         L     R0,VMCRS+28
         LA    R1,X'80'
DSI10    CALL  VATWSTD
         BNZ   DSOUT
         BAL   R14,GTRANS
         BNZ   DSOUT
         N     R2,=X'00FFFFF0'
         SR    R0,R0
         ISK   R0,R2
         STC   R0,DMFKEY
         NI    DMFKEY,X'F8'
         BAL   R14,DR1
         MVC   3(1,R1),DMFKEY
         B     DXDONE
*
***********************************************************************
*  SSAR R1: R1 bits 16-31 become the secondary ASN.  The primary ASN  *
*  (SSAR-cp): CR7 = CR1.  Another (SSAR-ss): ASN translation, and the *
*  current AX (CR4 bits 0-15) must have the S bit in its authority    *
*  table (else secondary authority, X'90' the ASN, nullified).  DAT   *
*  on and CR14 bit 12, else a special operation.                      *
***********************************************************************
DSSSAR   BAL   R14,DASNCK
         BNZ   DSOUT
         BAL   R14,DR1
         L     R1,0(R1)
         N     R1,=X'0000FFFF'
         ST    R1,DXASN
         MVC   DXSTD,VMCRS+4
         CLC   DXASN+2(2),VMCRS+18 the primary ASN: SSAR-cp
         BE    DSS20
         BAL   R14,DTRASN
         BNZ   DXERR
         L     R1,VMCRS+16         authorized?
         SRL   R1,16
         LA    R3,X'40'
         BAL   R14,DAUTH
         BZ    DSS10
         CH    R15,=H'4'
         BNE   DXERR
         MVC   DXTEA,DXASN         no: secondary authority
         LA    R2,X'25'
         B     DXNULL
DSS10    MVC   DXSTD,DASTE+8
DSS20    MVC   VMCRS+14(2),DXASN+2
         MVC   VMCRS+28(4),DXSTD
         B     DXDONE
*
***********************************************************************
*  LASP D1(B1),D2(B2): the doubleword at D1 (on a doubleword, else    *
*  specification) holds PKM-d, SASN-d, AX-d, PASN-d; D2's bits 29-31  *
*  say: translate the PASN even if it is the current one (29), take   *
*  AX-d (30), do not check the SASN's authority (31).  CC 0: CR1, 3,  *
*  4, 5, 7 loaded; 1: the PASN does not translate (AFX, ASX); 2: the  *
*  SASN does not, or is not authorized; 3: a space-switch-event bit   *
*  in the old or the new PSTD.  Nothing changes unless CC 0.  CR14    *
*  bit 12 off: a special operation (privileged: DMKPRX saw to it).    *
***********************************************************************
DSLASP   TM    VMPSW+1,PSWPROB     privileged (an EXECUTE's target
         BO    DXPRIV                in the problem state comes here)
         TM    VMCRS+57,X'08'
         BZ    DXSPOP
         LH    R1,VMINST+2
         BAL   R14,OPADDR
         LR    R2,R1
         N     R1,=F'7'
         BNZ   DXSPEC
         TM    VMPSW+1,X'F0'       a PSW key but 0: fetch protection?
         BZ    DL05
         CALL  PRXFTCK
         BNZ   DXPROT
DL05     LA    R3,DLD
         LA    R4,8
         BAL   R14,GCOPYVI
         BNZ   DSOUT
         LH    R1,VMINST+4
         BAL   R14,OPADDR
         N     R1,=F'7'
         STC   R1,DLBITS
         TM    DLBITS,4            the PASN translated?
         BO    DL10
         CLC   DLD+6(2),VMCRS+18
         BE    DL20
DL10     SR    R1,R1
         ICM   R1,3,DLD+6
         BAL   R14,DTRASN
         BZ    DL12
         LA    R0,1                AFX, ASX: CC 1
         CH    R15,=H'11'
         BE    DLCC
         B     DSOUT
DL12     L     R0,VMCRS+4          a space-switch event: CC 3
         O     R0,DASTE+8
         N     R0,=F'1'
         LA    R0,3
         BNZ   DLCC
         MVC   DLPSTD,DASTE+8
         MVC   DLLTD,DASTE+12
         L     R0,DASTE+4
         B     DL22
DL20     MVC   DLPSTD,VMCRS+4      the current space's
         MVC   DLLTD,VMCRS+20
         L     R0,VMCRS+16
DL22     SRL   R0,16
         ST    R0,DLAX
         TM    DLBITS,2            AX-d?
         BZ    DL30
         SR    R0,R0
         ICM   R0,3,DLD+4
         ST    R0,DLAX
DL30     MVC   DLSSTD,DLPSTD       SASN = PASN: the same space
         CLC   DLD+2(2),DLD+6
         BE    DL50
         IC    R0,DLBITS           SASN the current one, unchecked:
         N     R0,=F'5'              CR7
         CH    R0,=H'1'
         BNE   DL34
         MVC   DLSSTD,VMCRS+28
         CLC   DLD+2(2),VMCRS+14
         BE    DL50
DL34     SR    R1,R1               else translated
         ICM   R1,3,DLD+2
         BAL   R14,DTRASN
         BZ    DL36
         LA    R0,2
         CH    R15,=H'11'
         BE    DLCC
         B     DSOUT
DL36     TM    DLBITS,1            and authorized
         BO    DL40
         L     R1,DLAX
         LA    R3,X'40'
         BAL   R14,DAUTH
         BZ    DL40
         LA    R0,2
         CH    R15,=H'4'
         BE    DLCC
         B     DSOUT
DL40     MVC   DLSSTD,DASTE+8
DL50     MVC   VMCRS+4(4),DLPSTD   CC 0: the registers
         MVC   VMCRS+12(4),DLD     PKM-d, SASN-d
         L     R0,DLAX
         SLL   R0,16
         ICM   R0,3,DLD+6
         ST    R0,VMCRS+16
         MVC   VMCRS+20(4),DLLTD
         MVC   VMCRS+28(4),DLSSTD
         SR    R0,R0
DLCC     BAL   R14,SETCC
         B     DXDONE
*
***********************************************************************
*  PT R1,R2: R1 bits 0-15 are ANDed into the PKM, bits 16-31 become   *
*  the primary and secondary ASN; R2 bits 8-30 the new instruction    *
*  address, bit 31 the problem state (which the problem state may     *
*  not leave: privileged operation); R2 bits 0-7 not zero:            *
*  specification.  Another ASN (PT-ss): translated, and the current   *
*  AX must have its P bit (else primary authority, nullified).        *
*  DAT on, the primary-space mode and CR5 bit 0, else a special       *
*  operation; PT-ss also needs CR14 bit 12.                           *
***********************************************************************
DSPT     BAL   R14,DLNKCK
         BNZ   DSOUT
         BAL   R14,DR1
         MVC   DXR1,0(R1)
         BAL   R14,DR2
         MVC   DXR2,0(R1)
         TM    VMPSW+1,PSWPROB
         BZ    DP10
         TM    DXR2+3,1
         BZ    DXPRIV
DP10     CLI   DXR2,0
         BNE   DXSPEC
         MVI   DXEVT,0
         CLC   DXR1+2(2),VMCRS+18  the primary ASN: PT-cp
         BE    DP30
         TM    VMCRS+57,X'08'
         BZ    DXSPOP
         SR    R1,R1
         ICM   R1,3,DXR1+2
         BAL   R14,DTRASN
         BNZ   DXERR
         L     R1,VMCRS+16         authorized?
         SRL   R1,16
         LA    R3,X'80'
         BAL   R14,DAUTH
         BZ    DP20
         CH    R15,=H'4'
         BNE   DXERR
         SR    R0,R0               no: primary authority
         ICM   R0,3,DXR1+2
         ST    R0,DXTEA
         LA    R2,X'24'
         B     DXNULL
DP20     SR    R1,R1
         ICM   R1,3,DXR1+2
         BAL   R14,DSWTCH
DP30     MVC   VMPSW+5(3),DXR2+1   the new address and state
         NI    VMPSW+7,X'FE'
         NI    VMPSW+1,X'FF'-PSWPROB
         TM    DXR2+3,1
         BZ    DP40
         OI    VMPSW+1,PSWPROB
DP40     L     R0,VMCRS+12         CR3: PKM ANDed, SASN = PASN
         N     R0,DXR1
         ST    R0,VMCRS+12
         MVC   VMCRS+14(2),DXR1+2
         MVC   VMCRS+28(4),VMCRS+4 CR7 = CR1
         B     DXEND
*
***********************************************************************
*  PC D2(B2): bits 12-31 of the address are the PC number: LX (bits   *
*  12-23) into CR5's linkage table, EX (24-31) into that entry's      *
*  entry table.  R14 = the return address with the problem state in   *
*  bit 31, R3 = the old PKM and PASN, R4 = the entry parameter; the   *
*  entry key mask ORed into the PKM; the new address and state from   *
*  the entry; the old PASN the SASN, CR7 = CR1; an ASN in the entry   *
*  (PC-ss) becomes the primary space.  The AKM must allow a problem   *
*  program (else privileged operation).  The checks of PT.            *
***********************************************************************
DSPC     BAL   R14,DLNKCK
         BNZ   DSOUT
         LH    R1,VMINST+2
         BAL   R14,OPADDR
         N     R1,=X'000FFFFF'
         ST    R1,DXPCN
         SRL   R1,8                LX
         ST    R1,DXLX
         SRL   R1,5                beyond the linkage table?
         L     R0,VMCRS+20
         N     R0,=F'127'
         CR    R1,R0
         BH    DPCLX
         L     R2,DXLX             the linkage-table entry
         SLL   R2,2
         L     R0,VMCRS+20
         N     R0,=X'00FFFF80'
         AR    R2,R0
         N     R2,=X'00FFFFFF'
         BAL   R14,DWORD
         BNZ   DSOUT
         LTR   R0,R0               invalid
         BM    DPCLX
         LR    R1,R0
         N     R1,=X'7F000000'
         BNZ   DPCSPEC
         L     R1,DXPCN            EX beyond the entry table?
         N     R1,=F'255'
         ST    R1,DXEX
         SRL   R1,2
         LR    R2,R0
         N     R2,=F'63'
         CR    R1,R2
         BH    DPCEX
         N     R0,=X'00FFFFC0'     the entry-table entry
         L     R1,DXEX
         SLL   R1,4
         AR    R0,R1
         LA    R3,DXETE
         BAL   R14,DW4
         BNZ   DSOUT
         TM    DXETE+4,X'FF'
         BNZ   DPCSPEC
         TM    VMPSW+1,PSWPROB     the AKM and the problem state
         BZ    DPC10
         L     R0,VMCRS+12
         SRL   R0,16
         L     R1,DXETE
         SRL   R1,16
         NR    R0,R1
         BZ    DXPRIV
DPC10    MVI   DXEVT,0
         SR    R1,R1
         ICM   R1,3,DXETE+2        an ASN: PC-ss
         ST    R1,DXASN
         BZ    DPC20
         TM    VMCRS+57,X'08'
         BZ    DXSPOP
         BAL   R14,DTRASN
         BNZ   DXERR
DPC20    L     R0,VMPSW+4          R14: return address, P
         N     R0,=X'00FFFFFF'
         TM    VMPSW+1,PSWPROB
         BZ    *+8
         O     R0,=F'1'
         ST    R0,VMGPRS+56
         L     R0,VMCRS+12         R3: PKM, PASN
         N     R0,=X'FFFF0000'
         L     R1,VMCRS+16
         N     R1,=X'0000FFFF'
         OR    R0,R1
         ST    R0,VMGPRS+12
         MVC   VMGPRS+16(4),DXETE+8   R4: the entry parameter
         L     R0,DXETE+12         CR3: PKM | EKM, SASN = old PASN
         N     R0,=X'FFFF0000'
         O     R0,VMCRS+12
         ST    R0,VMCRS+12
         MVC   VMCRS+14(2),VMCRS+18
         MVC   VMPSW+5(3),DXETE+5  the entry address and state
         NI    VMPSW+7,X'FE'
         NI    VMPSW+1,X'FF'-PSWPROB
         TM    DXETE+7,1
         BZ    *+8
         OI    VMPSW+1,PSWPROB
         MVC   VMCRS+28(4),VMCRS+4 CR7 = CR1
         ICM   R1,15,DXASN
         BZ    DXEND
         BAL   R14,DSWTCH          PC-ss: the new primary space
         B     DXEND
DPCLX    LA    R2,X'22'            LX translation
         B     DPCN
DPCEX    LA    R2,X'23'            EX translation
DPCN     MVC   DXTEA,DXPCN
         B     DXNULL
DPCSPEC  LA    R2,X'1F'            PC-translation specification
         B     DXPGM
*
***********************************************************************
*  The checks.  Each: R15 = 0 (CC 0) yes; else R15 = 10 (CC not 0)    *
*  and R2 the code.  DXTR: extraction (EPAR ...); DASNCK: SSAR;       *
*  DLNKCK: PC and PT.  DDATON: CC not 0 if the virtual DAT is on.     *
***********************************************************************
DXTR     LA    R2,X'13'
         TM    VMPSW+1,PSWEC
         BZ    DCKNO
         TM    VMPSW,X'04'
         BZ    DCKNO
         LA    R2,2
         TM    VMPSW+1,PSWPROB
         BZ    DCKOK
         TM    VMCRS,X'08'
         BZ    DCKNO
DCKOK    SR    R15,R15
         BR    R14
DCKNO    LA    R15,10
         LTR   R15,R15
         BR    R14
DASNCK   LA    R2,X'13'
         TM    VMPSW+1,PSWEC
         BZ    DCKNO
         TM    VMPSW,X'04'
         BZ    DCKNO
         TM    VMCRS+57,X'08'
         BZ    DCKNO
         B     DCKOK
DLNKCK   LA    R2,X'13'
         TM    VMPSW+1,PSWEC
         BZ    DCKNO
         TM    VMPSW,X'04'
         BZ    DCKNO
         TM    VMPSW+2,X'80'       (not in the secondary-space mode)
         BO    DCKNO
         TM    VMCRS+20,X'80'
         BZ    DCKNO
         B     DCKOK
DDATON   TM    VMPSW+1,PSWEC
         BZR   R14
         TM    VMPSW,X'04'
         BR    R14
*
*  DR1, DR2: R1 = the address of the register in VMINST+3's first
*  (DR1) or second (DR2) half (RRE format).  Uses R1.
DR1      IC    R1,VMINST+3
         SRL   R1,4
         B     DRG10
DR2      IC    R1,VMINST+3
DRG10     N     R1,=F'15'
         SLL   R1,2
         LA    R1,VMGPRS(R1)
         BR    R14
*
***********************************************************************
*  DWORD: the word at guest REAL address R2 (a table entry) into R0.  *
*  Beyond 24 bits or the machine's storage: addressing.  DW4: four    *
*  words from guest real address R0 (cut to 24 bits, each) to R3.     *
*  Out: CC 0; or CC not 0 and R15 as GTRANS (1, 2).  DWORD uses R0-   *
*  R2, R15; DW4 also R3, R4.                                          *
***********************************************************************
DWORD    ST    R14,DWR
         CL    R2,=X'00FFFFFF'
         BH    DWADDR
         BAL   R14,GTRANS
         BNZ   DWOUT
         L     R0,0(R2)
         SR    R15,R15
DWOUT    L     R14,DWR
         LTR   R15,R15
         BR    R14
DWADDR   LA    R15,1
         B     DWOUT
DW4      ST    R14,DW4R
         N     R0,=X'00FFFFFF'
         ST    R0,DW4A
         LA    R4,4
DW410    L     R2,DW4A
         BAL   R14,DWORD
         BNZ   DW4OUT
         ST    R0,0(R3)
         L     R2,DW4A
         LA    R2,4(R2)
         N     R2,=X'00FFFFFF'
         ST    R2,DW4A
         LA    R3,4(R3)
         BCT   R4,DW410
         SR    R15,R15
DW4OUT   L     R14,DW4R
         LTR   R15,R15
         BR    R14
*
***********************************************************************
*  DTRASN: ASN translation of the ASN in R1 (bits 16-31): its AFX     *
*  (bits 16-25) into the ASN first table (CR14 bits 13-31, x4096),    *
*  that entry's origin plus ASX (26-31) * 16 the ASN-second-table     *
*  entry, into DASTE (4 words).  Out: CC 0; or R15 = 11 and R2 X'20'  *
*  (AFX) or X'21' (ASX) with DXTEA the ASN (LASP makes them a CC);    *
*  10 and R2 X'17' (bits that must be zero); 1, 2 (GTRANS).           *
*  Uses R0-R4, R15.                                                   *
***********************************************************************
DTRASN   ST    R14,DTR
         ST    R1,DTASN
         L     R2,VMCRS+56         the AFT entry
         N     R2,=X'0007FFFF'
         SLL   R2,12
         SRL   R1,6
         SLL   R1,2
         AR    R2,R1
         BAL   R14,DWORD
         BNZ   DTOUT
         LTR   R0,R0               invalid: AFX translation
         BM    DTAFX
         LR    R1,R0
         N     R1,=X'7F00000F'
         BNZ   DTSPEC
         L     R1,DTASN            the AST entry
         N     R1,=F'63'
         SLL   R1,4
         AR    R0,R1
         LA    R3,DASTE
         BAL   R14,DW4
         BNZ   DTOUT
         TM    DASTE,X'80'         invalid: ASX translation
         BO    DTASX
         L     R0,DASTE
         N     R0,=X'7F000003'
         BNZ   DTSPEC
         L     R0,DASTE+4
         N     R0,=F'15'
         BNZ   DTSPEC
         L     R0,DASTE+12
         N     R0,=X'7F000000'
         BNZ   DTSPEC
         SR    R15,R15
         B     DTOUT
DTAFX    LA    R2,X'20'
         B     DTNULL
DTASX    LA    R2,X'21'
DTNULL   MVC   DXTEA,DTASN
         LA    R15,11
         B     DTOUT
DTSPEC   LA    R2,X'17'
         LA    R15,10
DTOUT    L     R14,DTR
         LTR   R15,R15
         BR    R14
*
***********************************************************************
*  DAUTH: ASN authorization: may authorization index R1 make DASTE's  *
*  space primary (R3 = X'80', the P bit) or secondary (X'40', S)?     *
*  Beyond the authority table's length: no.  Out: R15 = 0 (CC 0)      *
*  yes, 4 no, 1 or 2 (GTRANS).  Uses R0-R2, R15.                      *
***********************************************************************
DAUTH    ST    R14,DAR
         ST    R1,DAAX
         STC   R3,DABIT
         L     R0,DASTE+4          the table's length
         SRL   R0,4
         N     R0,=X'00000FFF'
         LR    R2,R1
         SRL   R2,4
         CR    R2,R0
         BH    DANOT
         L     R2,DASTE            its byte: origin + AX / 4
         N     R2,=X'00FFFFFC'
         SRL   R1,2
         AR    R2,R1
         N     R2,=X'00FFFFFF'
         ST    R2,DAAT
         N     R2,=X'00FFFFFC'
         BAL   R14,DWORD
         BNZ   DAOUT
         ST    R0,DAW
         L     R1,DAAT
         N     R1,=F'3'
         LA    R1,DAW(R1)
         IC    R0,0(R1)
         L     R1,DAAX             its pair of bits to X'C0'
         N     R1,=F'3'
         SLL   R1,1
         SLL   R0,0(R1)
         STC   R0,DAB
         NC    DAB,DABIT
         CLI   DAB,0
         BE    DANOT
         SR    R15,R15
         B     DAOUT
DANOT    LA    R15,4
DAOUT    L     R14,DAR
         LTR   R15,R15
         BR    R14
*
***********************************************************************
*  DSWTCH: PC-ss and PT-ss: ASN R1 (DASTE its entry) becomes the      *
*  primary space: CR1 its STD, CR4 its AX and the ASN, CR5 its LTD.   *
*  A space-switch event (DXEVT) if the old or the new STD has bit 31, *
*  with DXTEA = the old PASN, bit 0 the old STD's bit 31.  Uses R0.   *
***********************************************************************
DSWTCH   L     R0,VMCRS+16
         N     R0,=X'0000FFFF'
         ST    R0,DXTEA
         TM    VMCRS+7,X'01'
         BZ    DW10
         OI    DXTEA,X'80'
DW10     L     R0,VMCRS+4
         O     R0,DASTE+8
         N     R0,=F'1'
         BZ    DW20
         MVI   DXEVT,1
DW20     MVC   VMCRS+4(4),DASTE+8
         L     R0,DASTE+4
         SRL   R0,16
         SLL   R0,16
         OR    R0,R1
         ST    R0,VMCRS+16
         MVC   VMCRS+20(4),DASTE+12
         BR    R14
*
DSEXR    DS    F
DSEXA    DS    F
DSEXR1   DS    X
DASTRAPR DS    F
DASTRAPB DS    F
DMRR     DS    F
DMPR     DS    F
DWR      DS    F
DW4R     DS    F
DW4A     DS    F
DTR      DS    F
DTASN    DS    F
DAR      DS    F
DAAX     DS    F
DAAT     DS    F
DAW      DS    F
DMLEN    DS    F
DMVA     DS    F
DXTEA    DS    F                   the word for X'90'
DXASN    DS    F
DXSTD    DS    F
DXR1     DS    F
DXR2     DS    F
DXPCN    DS    F
DXLX     DS    F
DXEX     DS    F
DLAX     DS    F
DLPSTD   DS    F
DLSSTD   DS    F
DLLTD    DS    F
DASTE    DS    4F                  an ASN-second-table entry
DXETE    DS    4F                  an entry-table entry
DMOPS    DS    7F                  MVCP/MVCS: the second operand
DMOPD    DS    7F                    and the first
DLD      DS    D                   LASP's doubleword
DXCODE   DS    H
DXRCODE  DS    H
DMCC     DS    X
DMKEY    DS    X
DMPKEY   DS    X
DMFKEY   DS    X
DABIT    DS    X
DAB      DS    X
DLBITS   DS    X
DXEVT    DS    X
         DROP  R11
         LTORG                     the module's literals
