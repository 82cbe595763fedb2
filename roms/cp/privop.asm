***********************************************************************
*  PRIVOP: program interruptions - trap and emulate (DMKPRG, DMKPRV). *
*                                                                     *
*  A program interruption from a virtual machine means one of:        *
*   - code 2, privileged operation: the guest, believing it is in     *
*     supervisor state, tried LPSW, SSM, SIO, DIAGNOSE ...  If its    *
*     VIRTUAL PSW is in supervisor state, CP emulates the instruction *
*     against the virtual machine; if not, the guest's own program    *
*     made the mistake, and it gets the interruption it deserves.     *
*   - code X'11', page translation: the guest touched a page for the  *
*     first time.  CP gives it a zeroed frame and lets it retry (the  *
*     instruction was nullified, so it simply runs again).            *
*   - code X'10', segment translation: the address lies beyond the    *
*     virtual machine's storage: an addressing exception for it.      *
*   - anything else is the guest's own program check: reflect it.     *
*  A program interruption in CP itself is a CP failure: CPABEND.      *
***********************************************************************
PRGHNDL  LTR   R11,R11
         BZ    PRGCP               CP's own mistake (or a guest's PER)
         USING VMBLOK,R11
         ST    R11,CPFOR           CP works for this machine now
         LH    R2,PRGCODE          interruption code
         SR    R3,R3
         IC    R3,PRGILC           instruction length in bytes
         TM    PRGCODE+1,X'80'     a PER event too?  DMKPRX says what
         BZ    PRGH10                is left to do (R2)
         CALL  PRXPER
PRGH10   CH    R2,=H'2'
         BE    PRIVOP
         CH    R2,=X'0011'
         BE    PAGEFLT
         CH    R2,=X'0010'
         BE    SEGFLT
         CH    R2,=X'0013'         special operation: the real CPU's
         BE    DASOP                 DAS controls are off (DMKDAS)
         CH    R2,=X'0040'         a monitor event: the class (X'94')
         BNE   PRGREFL               and code (X'9C') the CPU stored
         CALL  PRWMC                 in CP's page 0 go to the guest's
PRGREFL  TM    VMFLAG2,VMFPERP     (a PER event of the instruction
         BZ    PRGREFL2              CP emulated: in this interruption,
         CALL  PRXPEXC                 if one is left: DMKPRX)
PRGREFL2 LA    R4,X'28'            reflect: program old PSW
         BAL   R14,REFLECT
         B     DISPATCH
*
*  A program interruption in CP: CP's own mistake - or a guest's SVC
*  with a PER event, which the CPU presents right after the SVC
*  interruption, with CP's SVC new PSW as its old PSW (DMKPRX
*  notes the event for the guest; the SVC is then taken as SVCINT
*  takes it: INTREGS hold the guest's registers, unchanged).
PRGCP    CALL  PRXSVCP
         LTR   R15,R15
         BNZ   CPABEND
         LA    R1,SVCOPSW
         BAL   R14,SAVECTX
         B     SVCHNDL
*
*  A first touch of a page: give it a frame.  (Issue 12: a machine
*  running on its shadow tables has its own translation: VATFLT.)
PAGEFLT  TM    VMFLAG2,VMFSHAD
         BO    VATFLT
         L     R2,TRANSADR
         CALL  PGWAIT              a page on its slot: page wait while
         BZ    DISPATCH              it is read (paging.asm)
         L     R2,TRANSADR
         BAL   R14,GTRANS          (allocates the frame)
         BZ    DISPATCH            and run the instruction again
         CH    R15,=H'1'           (beyond the storage, in the last
         BE    SEGFLT                segment: addressing)
         B     NOSTORE
*
*  Beyond the end of virtual storage: addressing exception (code 5).
*  The real interruption nullified the instruction; an addressing
*  exception suppresses it, so step over it.
SEGFLT   TM    VMFLAG2,VMFSHAD
         BO    VATFLT
         L     R0,VMPSW+4
         AR    R0,R3
         STCM  R0,7,VMPSW+5
         LA    R2,5
         B     PRGREFL
*
*  A translation exception on the shadow tables (vat.asm): filled, so
*  the instruction runs again, or the guest's own interruption.
VATFLT   CALL  VATFAULT
         LTR   R15,R15
         BZ    DISPATCH
         CH    R15,=H'3'
         BE    SIMPGM
         B     NOSTORE
*
***********************************************************************
*  PRIVOP: emulate a privileged instruction for a virtual machine in  *
*  virtual supervisor state.  The real old PSW pointed past it (the   *
*  operation was suppressed), so it starts ILC bytes before VMPSW's   *
*  address.  It is copied to VMINST and dispatched by opcode.         *
***********************************************************************
PRIVOP   TM    VMPSW+1,PSWPROB     virtual problem state?
         BO    PRVPROB             then it is the guest's own error
         L     R2,VMPSW+4          address of the instruction
         SR    R2,R3
         N     R2,=X'00FFFFFF'
         XC    VMINST,VMINST
         LR    R4,R3               its length: not a byte more (it
         LA    R3,VMINST             may end where storage ends)
         BAL   R14,GCOPYVI         fetch it (virtual if DAT is on)
         BNZ   NOSTORE
         L     R2,VMPRVCNT         count it
         LA    R2,1(R2)
         ST    R2,VMPRVCNT
         CLI   VMINST,X'44'        EXECUTE: the instruction it names
         BNE   PRV05
         BAL   R14,PRVEX
PRV05    TM    VMPSW,X'40'         (PER on in an EC-mode PSW: the
         BZ    PRV07                 events CP's emulation makes,
         TM    VMPSW+1,PSWEC         DMKPRX)
         BZ    PRV07
         CALL  PRXPBEG
PRV07    LA    R1,PRVTAB           look the opcode up
PRV10    CLI   0(R1),X'FF'
         BE    PRVOPEX             not one we emulate
         CLC   0(1,R1),VMINST
         BE    PRV20
         LA    R1,4(R1)
         B     PRV10
PRV20    L     R15,0(R1)
         N     R15,=X'00FFFFFF'
         BR    R15
*
*  Opcode, and the routine that emulates it.
PRVTAB   DC    X'82',AL3(SIMLPSW)  LPSW
         DC    X'80',AL3(SIMSSM)   SSM
         DC    X'AC',AL3(SIMSTNSM) STNSM
         DC    X'AD',AL3(SIMSTOSM) STOSM
         DC    X'83',AL3(DIAGNOSE) DIAGNOSE
         DC    X'9C',AL3(VIOSIM)   SIO, SIOF
         DC    X'9D',AL3(VIOSIM)   TIO, CLRIO
         DC    X'9E',AL3(VIOSIM)   HIO, HDV
         DC    X'9F',AL3(VIOSIM)   TCH
         DC    X'08',AL3(SIMSSK)   SSK
         DC    X'09',AL3(SIMISK)   ISK
         DC    X'B2',AL3(SIMB2)    STIDP, PTLB, ...
         DC    X'B7',AL3(SIMLCTL)  LCTL
         DC    X'B6',AL3(SIMSTCTL) STCTL
         DC    X'AE',AL3(SIMMORE)  SIGP (DMKPRW)
         DC    X'B1',AL3(SIMVAT)   LRA (DMKVAT)
         DC    X'E5',AL3(SIME5)    TPROT (DMKVAT), assists, LASP (DMKPRX)
         DC    X'D9',AL3(SIMMORE)  MVCK (DMKPRX)
         DC    X'FF'
*
***********************************************************************
*  PRVEX: the trapped instruction is an EXECUTE (X'44'): the          *
*  privileged instruction it names is the one to emulate, as VM/370's *
*  DMKPRV did.  Fetch it into VMINST with its second byte ORed with   *
*  the low byte of the EXECUTE's R1 register (unless R1 is 0), as the *
*  CPU does.  The virtual PSW already points after the EXECUTE, which *
*  is where the emulated instruction leaves it; an exception in it    *
*  gives the EXECUTE's length (PRGILC) as the CPU would.  The target  *
*  at an odd address is a specification exception; an EXECUTE of an  *
*  EXECUTE an execute exception.  Out: VMINST.  Uses R0-R4, R15.      *
***********************************************************************
PRVEX    ST    R14,PRVEXR
         IC    R0,VMINST+1         the EXECUTE's R1 (times 4), or 0
         SRL   R0,4
         N     R0,=F'15'
         SLL   R0,2
         ST    R0,PRVEXR1
         LH    R1,VMINST+2         D2(X2,B2): the target's address
         BAL   R14,OPADDR
         IC    R15,VMINST+1
         N     R15,=F'15'
         BZ    PX10
         SLL   R15,2
         A     R1,VMGPRS(R15)
         N     R1,=X'00FFFFFF'
PX10     ST    R1,PRVEXA
         N     R1,=F'1'            on a halfword
         BNZ   SIMSPEC
         XC    VMINST,VMINST       its first halfword: the opcode
         L     R2,PRVEXA
         LA    R3,VMINST
         LA    R4,2
         BAL   R14,GCOPYVI
         BNZ   NOSTORE
         IC    R4,VMINST           its length: 2, 4 or 6 bytes from
         N     R4,=F'255'            the opcode's first two bits
         SRL   R4,6
         LA    R4,PXLEN(R4)
         IC    R4,0(R4)
         N     R4,=F'255'
         L     R2,PRVEXA           all of it
         LA    R3,VMINST
         BAL   R14,GCOPYVI
         BNZ   NOSTORE
         CLI   VMINST,X'44'        EXECUTE of EXECUTE
         BE    SIMEXEC
         L     R1,PRVEXR1          the byte from R1
         LTR   R1,R1
         BZ    PX20
         L     R0,VMGPRS(R1)
         STC   R0,PRVEXB
         OC    VMINST+1(1),PRVEXB
PX20     L     R14,PRVEXR
         BR    R14
SIMEXEC  LA    R2,3                execute exception
         SR    R3,R3
         IC    R3,PRGILC
         B     PRGREFL
         DS    0F
PRVEXR   DS    A
PRVEXR1  DS    F
PRVEXA   DS    A
PRVEXB   DS    X
PXLEN    DC    AL1(2,4,4,6)
*
*  Not emulated: to the guest it is an operation exception.
PRVOPEX  LA    R2,1
SIMPGM   SR    R3,R3               (a program interruption, code R2)
         IC    R3,PRGILC
         B     PRGREFL
*
*  A privileged operation in the virtual problem state: the code its
*  virtual machine would give (DMKPRX), or it runs again (R15 0).
PRVPROB  CALL  PRXPROB
         B     SIMANS
*
*  A special operation (X'13') from the real CPU: a dual-address-
*  space instruction, emulated for the virtual machine (DMKDAS), or
*  its own special-operation exception.
DASOP    CALL  DASTRAP
         B     SIMANS
*
*  A guest address CP could not reach.  R15 = 1: it lies beyond the
*  virtual machine's storage, an addressing exception for the guest
*  (the operation is suppressed).  R15 = 2: no real frame is left for
*  it (its share is used up, or real storage): the machine cannot go
*  on, and stops.
NOSTORE  CH    R15,=H'1'
         BE    SIMADDR
         CH    R15,=H'3'           (a translation exception for an
         BE    SIMXLAT               operand, DAT on: vat.asm)
         CPMSG NOSTMSG,VIA=VMLINE
         MVI   VMSTATE,VMSSTOP
         B     DISPATCH
NOSTMSG  DC    C'DMKPTR111E REAL STORAGE EXHAUSTED; MACHINE STOPPED'
*
***********************************************************************
*  OPADDR: the address an operand names, computed as the hardware     *
*  would from the guest's registers: D + (B), 24 bits.                *
*  In: R1 = the halfword B DDD.  Out: R1 = address.  Uses R15.        *
***********************************************************************
OPADDR   LR    R15,R1
         SRL   R15,12              B
         N     R15,=F'15'
         N     R1,=X'00000FFF'     D
         LTR   R15,R15             B = 0 means no base
         BZR   R14
         SLL   R15,2
         A     R1,VMGPRS(R15)
         N     R1,=X'00FFFFFF'
         BR    R14
*
*  A specification exception for the guest (odd operand address ...).
SIMSPEC  LA    R2,6
         B     SIMPGM
SIMXLAT  CALL  VATOPEX             (R2 = its code)
         B     SIMPGM
*
***********************************************************************
*  SETCC: set the virtual PSW's condition code (BC mode: byte 4,      *
*  bits 2-3; EC mode: byte 2, bits 2-3).  In: R0 = 0..3.  Uses R0,    *
*  R15.                                                               *
***********************************************************************
SETCC    TM    VMPSW+1,PSWEC
         BO    SETCCEC
         NI    VMPSW+4,X'CF'
         SLL   R0,4
         IC    R15,VMPSW+4
         OR    R15,R0
         STC   R15,VMPSW+4
         BR    R14
SETCCEC  NI    VMPSW+2,X'CF'
         SLL   R0,4
         IC    R15,VMPSW+2
         OR    R15,R0
         STC   R15,VMPSW+2
         BR    R14
*
*  SIMMORE: the instructions DMKPRW emulates (SIGP, STAP, RRB; DMKPRX
*  the DAS ones, MVCK, assists).  Its answer in R15: 0 done, 1 or 2
*  as GTRANS's (NOSTORE), 6 a specification exception, 9 not emulated
*  (operation exception), 10 the program interruption whose code is
*  in R2.  E5: TPROT is DMKVAT's (it translates virtual addresses),
*  the rest of the family DMKPRX's.
SIME5    CLI   VMINST+1,X'01'
         BNE   SIMMORE
SIMVAT   CALL  VATSIM              LRA PTLB IPTE TB (DMKVAT): the same
         B     SIMANS                answers, and 4: the exception R2
SIMMORE  CALL  PRVMORE
SIMANS   LTR   R15,R15
         BZ    DISPATCH
         CH    R15,=H'6'
         BE    SIMSPEC
         CH    R15,=H'9'
         BE    PRVOPEX
         CH    R15,=H'4'           (DMKVAT: the code in R2)
         BE    SIMPGM
         CH    R15,=H'10'          (DMKPRX: the code in R2)
         BE    SIMPGM
         B     NOSTORE
*
***********************************************************************
*  LPSW D(B): the guest loads a new PSW.  The new PSW must be on a    *
*  doubleword.  An EC-mode PSW (VM/370's OPTION ECMODE) must have     *
*  zeros in bits 0, 2-4, 17 and 24-39 (bit 16 is the secondary-space  *
*  mode: DMKDAS), else the PSW is loaded and then a specification     *
*  exception taken with ILC 0, the invalid PSW                        *
*  its old PSW (the POO's early exception).  DAT (bit 5) is the       *
*  guest's (shadow tables, vat.asm); PER (bit 1) too (DMKPRX).  A     *
*  wait PSW with every interruption masked off can never end: the     *
*  machine stops, as VM/370's did, with "DISABLED WAIT" (DWCHECK).    *
***********************************************************************
SIMLPSW  LH    R1,VMINST+2
         BAL   R14,OPADDR
         LR    R2,R1
         N     R1,=F'7'
         BNZ   SIMSPEC
         TM    VMPSW+1,X'F0'       a PSW key but 0: fetch protection?
         BZ    LPSW05
         CALL  PRXFTCK
         BNZ   SIMPROT
LPSW05   LA    R3,NEWPSW
         LA    R4,8
         BAL   R14,GCOPYVI
         BNZ   NOSTORE
         MVC   VMPSW,NEWPSW
         TM    NEWPSW+1,PSWEC      EC mode: the bits that must be 0
         BZ    LPSW10
         TM    NEWPSW,X'B8'        (0, 2-4; 1 PER: DMKPRX; 5 DAT: DMKVAT)
         BNZ   LPSWBAD
         TM    NEWPSW+2,X'40'      (17; 16 is the secondary-space mode)
         BNZ   LPSWBAD
         CLC   NEWPSW+3(2),=H'0'   (24-39)
         BNE   LPSWBAD
LPSW10   BAL   R14,DWCHECK
         B     DISPATCH
LPSWBAD  LA    R2,6                early specification exception
         SR    R3,R3                 (ILC 0)
         B     PRGREFL
NEWPSW   DS    D
*
***********************************************************************
*  DWCHECK: if the virtual PSW is a wait PSW with every interruption  *
*  masked off (BC mode: the system mask byte 0; EC mode: I/O and      *
*  external, bits 6-7), the machine stops (DISWAIT).  REFLECT checks  *
*  every new PSW so too.  In: R11 = VMBLOK.  Uses R0-R6, R15.         *
***********************************************************************
DWCHECK  DS    0H
         USING VMBLOK,R11
         TM    VMPSW+1,PSWWAIT     a wait PSW ...
         BZR   R14
         TM    VMPSW+1,PSWEC
         BO    DWC10
         CLI   VMPSW,0             ... BC: nothing enabled?
         BNER  R14
         B     DISWAIT
DWC10    TM    VMPSW,X'03'         ... EC: neither I/O nor external?
         BNZR  R14
         B     DISWAIT
*
***********************************************************************
*  DISWAIT: the virtual machine entered a disabled wait.  Tell the    *
*  user, as VM/370 did, and stop it.  Uses R0-R6, R15.                *
***********************************************************************
DISWAIT  ENTER
         MVC   LINEBUF(L'DWMSG),DWMSG
         L     R0,VMPSW            the PSW in hex
         LA    R2,LINEBUF+L'DWMSG
         LA    R3,8
         BAL   R14,HEXOUT
         MVI   LINEBUF+L'DWMSG+8,C' '
         L     R0,VMPSW+4
         LA    R2,LINEBUF+L'DWMSG+9
         LA    R3,8
         BAL   R14,HEXOUT
         MVI   LINEBUF+L'DWMSG+17,C''''
         LA    R2,LINEBUF
         LA    R3,L'DWMSG+18
         BAL   R14,VMLINE
         MVI   VMSTATE,VMSSTOP
         LEAVE DISWAIT
DISWAITR DS    F
DWMSG    DC    C'CP ENTERED; DISABLED WAIT PSW '''
*
*  SSM D(B): the byte at the operand becomes the system mask.  With
*  the virtual CR0's SSM-suppression bit (1) on it is a special-
*  operation exception (X'13'); in EC mode bits 0 and 2-4 of the new
*  mask must be zero (else specification).
SIMSSM   TM    VMCRS,X'40'         SSM suppressed?
         BO    SIMSPOP
         LH    R1,VMINST+2
         BAL   R14,OPADDR
         LR    R2,R1
         TM    VMPSW+1,X'F0'       a PSW key but 0: fetch protection?
         BZ    SSM05
         CALL  PRXFTCK
         BNZ   SIMPROT
SSM05    LA    R3,SSMBYTE
         LA    R4,1
         BAL   R14,GCOPYVI
         BNZ   NOSTORE
         TM    VMPSW+1,PSWEC
         BZ    SSM10
         TM    SSMBYTE,X'B8'
         BNZ   SIMSPEC
SSM10    MVC   VMPSW(1),SSMBYTE
         B     DISPATCH            (may open the door to interrupts)
SIMSPOP  LA    R2,X'13'            special operation
         SR    R3,R3
         IC    R3,PRGILC
         B     PRGREFL
SSMBYTE  DS    X
*
*  STNSM/STOSM D(B),I: store the system mask, then AND/OR I into it.
SIMSTNSM DS    0H
SIMSTOSM LH    R1,VMINST+2
         BAL   R14,OPADDR
         LR    R2,R1
         CALL  PRXSTCK             (protection: key, low address)
         BNZ   SIMPROT
         LA    R3,VMPSW
         LA    R4,1
         BAL   R14,GCOPYVO
         BNZ   NOSTORE
         CLI   VMINST,X'AC'
         BNE   SIMSTO2
         NC    VMPSW(1),VMINST+1   STNSM: AND
         B     DISPATCH
SIMSTO2  OC    VMPSW(1),VMINST+1   STOSM: OR
         B     DISPATCH
SIMPROT  LA    R2,4                protection
         B     SIMPGM
*
***********************************************************************
*  SSK R1,R2 / ISK R1,R2: storage keys.  The guest names a guest real *
*  address; the key lives on the real frame behind it.  ISK in BC     *
*  mode gives the key and fetch bit only (bits 0-4), the rest zero.   *
***********************************************************************
SIMSSK   BAL   R14,KEYADDR         R2 = real address, R5 = R1 * 4
         BNZ   KEYERR
         L     R0,VMGPRS(R5)
         SSK   R0,R2
         CALL  PGSSK               its kept R and C go (pagekey.asm)
         B     DISPATCH
SIMISK   BAL   R14,KEYADDR
         BNZ   KEYERR
         SR    R0,R0
         ISK   R0,R2
         CALL  PGRC                R and C CP took from the real key
         OR    R0,R1                 (pagekey.asm)
         TM    VMPSW+1,PSWEC       EC mode: with R and C (bits 5-6)
         BO    ISK10
         N     R0,=F'248'          BC mode: key and fetch bit only
ISK10    N     R0,=F'254'
         STC   R0,VMGPRS+3(R5)
         B     DISPATCH
*  KEYADDR: R5 = 4 * R1 field, R2 = real address for the R2 field.
*  Bits 28-31 of the address must be zero, as the real SSK and ISK
*  require (else R15 = 3: a specification exception for the guest).
KEYADDR  ENTER
         SR    R5,R5
         IC    R5,VMINST+1
         SRL   R5,4
         SLL   R5,2
         SR    R2,R2
         IC    R2,VMINST+1
         N     R2,=F'15'
         SLL   R2,2
         L     R2,VMGPRS(R2)
         LR    R0,R2
         N     R0,=F'15'
         BZ    KEYA10
         LA    R15,3               specification
         LTR   R15,R15
         LEAVE KEYADDR
KEYA10   BAL   R14,GTRANS
         LEAVE KEYADDR
KEYERR   CH    R15,=H'3'           a specification exception for it,
         BE    SIMSPEC
         B     NOSTORE               or GTRANS's answer
KEYADDRR DS    F
*
***********************************************************************
*  B2xx: STIDP tells the guest it runs on a virtual machine (version  *
*  code X'FF', as VM/370 answered); PTLB has nothing to do (CP owns   *
*  the translation tables); SCK is accepted and ignored (CC 0).       *
***********************************************************************
SIMB2    CLI   VMINST+1,X'02'      STIDP
         BE    SIMSTIDP
         CLI   VMINST+1,X'0D'      PTLB, IPTE, TB: DMKVAT
         BE    SIMVAT
         CLI   VMINST+1,X'21'
         BE    SIMVAT
         CLI   VMINST+1,X'2C'
         BE    SIMVAT
         CLI   VMINST+1,X'04'      SCK
         BNE   SIMMORE             the rest: DMKPRW
         SR    R0,R0
         BAL   R14,SETCC
         B     DISPATCH
SIMSTIDP LH    R1,VMINST+2
         BAL   R14,OPADDR
         LR    R2,R1
         N     R1,=F'7'
         BNZ   SIMSPEC
         CALL  PRXSTCK             (protection: key, low address)
         BNZ   SIMPROT
         LA    R3,CPUID
         LA    R4,8
         BAL   R14,GCOPYVO
         BNZ   NOSTORE
         B     DISPATCH
CPUID    DC    X'FF',X'037000',X'3158',X'0000'
*
***********************************************************************
*  LCTL R1,R3,D(B) / STCTL R1,R3,D(B): the virtual control registers  *
*  R1 through R3 (wrapping from 15 to 0) from or to storage.          *
***********************************************************************
SIMLCTL  DS    0H
SIMSTCTL LH    R1,VMINST+2
         BAL   R14,OPADDR
         LR    R2,R1               guest address
         N     R1,=F'3'
         BNZ   SIMSPEC
         CLI   VMINST,X'B6'        STCTL: may it store there (key,
         BNE   CTL03                 low-address protection)?
         CALL  PRXSTCK
         BNZ   SIMPROT
         B     CTL05
CTL03    TM    VMPSW+1,X'F0'       LCTL: may it fetch there (a PSW
         BZ    CTL05                 key but 0)?
         CALL  PRXFTCK
         BNZ   SIMPROT
CTL05    TM    VMPSW+1,X'F0'       (a PSW key but 0: the block of
         BZ    CTL06                 the operand's last byte too,
         CALL  PRXCTLK               DMKPRX)
         BNZ   SIMPROT
CTL06    SR    R6,R6
         IC    R6,VMINST+1
         LR    R7,R6
         SRL   R6,4                R1 field
         N     R7,=F'15'           R3 field
         LR    R4,R7               (issue 12: with DAT on, the whole
         SR    R4,R6                 operand translated first, so a
         N     R4,=F'15'             translation exception changes no
         LA    R4,1(R4)              register and stores nothing:
         SLL   R4,2                  vat.asm)
         CALL  VATPROBE
         BNZ   NOSTORE
CTL10    LR    R3,R6
         SLL   R3,2
         LA    R3,VMCRS(R3)
         LA    R4,4
         CLI   VMINST,X'B7'
         BNE   CTL20
         BAL   R14,GCOPYVI         LCTL
         B     CTL30
CTL20    BAL   R14,GCOPYVO         STCTL
CTL30    BNZ   NOSTORE
         CR    R6,R7               done the last one?
         BE    CTL40
         LA    R6,1(R6)
         N     R6,=F'15'
         B     CTL10
*  LCTL purges the TLB, as the CPU's does: the shadow tables go
*  (vat.asm); low-address protection or PER may be on now (DMKPRX).
*  CR0 bit 24 on starts the interval timer (vtimer.asm): the
*  dispatcher keeps this machine's timers from now on.
CTL40    CLI   VMINST,X'B7'
         BNE   CTL45
         CALL  VATPURGE
         CALL  PRXLCTL
CTL45    TM    VMCRS+3,X'80'
         BZ    DISPATCH
         TM    VMFLAGS,VMFVTIM
         BO    DISPATCH
         OI    VMFLAGS,VMFVTIM
         STCK  VMVCTOD
         B     DISPATCH
         DROP  R11
