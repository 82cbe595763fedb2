***********************************************************************
*  CMDSYS: SYSTEM CLEAR | RESET | RESTART (VM/370's DMKCFS): the      *
*  buttons of a real machine's operator panel, for a virtual one.     *
*                                                                     *
*  SYSTEM CLEAR    system reset-clear: the machine's storage becomes  *
*                  binary zeros and every storage key 0, its general  *
*                  registers zero, its PSW zero, its control          *
*                  registers their initial values (CR0 X'000000E0',   *
*                  CR2 X'FFFFFFFF', CR14 X'C2000000', CR15 X'200'),   *
*                  no interruption pending; it stops (CP READ).       *
*                  "STORAGE CLEARED - SYSTEM RESET".                  *
*  SYSTEM RESET    the same without touching storage and registers:   *
*                  "SYSTEM RESET".                                    *
*  SYSTEM RESTART  the restart key: the current PSW is stored at      *
*                  guest location 8, the PSW at location 0 becomes    *
*                  the current one, and the machine runs.             *
*  EXTERNAL        the interrupt key: an external interruption, code  *
*                  X'0040', pending until the machine takes it (CR0   *
*                  bit 25 and the PSW's external mask).               *
*                                                                     *
*  With STORE and SYSTEM RESTART a user starts any standalone program *
*  on a clean machine exactly as an operator did on a real one        *
*  (tests/equivalence.rs runs the Hercules programs so).              *
*                                                                     *
*  A module: its own CSECT, R13 its base (ENTER).                     *
***********************************************************************
DMKCFS   CSECT
         USING DMKCFS,R13          the module's base (ENTER sets it)
*
***********************************************************************
*  CMDSYS: SYSTEM.  In: R6, R7 the rest of the line, R8 = RDEV, R11 = *
*  VMBLOK, as CPCMD calls every command.  Uses R0-R7, R15.            *
***********************************************************************
CMDSYS   ENTER
         USING VMBLOK,R11
         BAL   R14,NEXTTOK         the operand
         LA    R4,KWCLEAR
         LA    R5,5
         BAL   R14,KWMATCH
         BE    SYCLR
         LA    R4,KWRESET
         LA    R5,5
         BAL   R14,KWMATCH
         BE    SYRES
         LA    R4,KWRESTRT
         LA    R5,7
         BAL   R14,KWMATCH
         BE    SYRST
         CPMSG MSG026Y,RC=26       none of the three
         LEAVE CMDSYS
*
*  SYSTEM RESET.
SYRES    BAL   R14,SYRESET
         CALL  PFXZERO             (prefix 0: prefix.asm)
         CALL  VATFREE             (no shadow tables: vat.asm)
         CPMSG RESMSG
         LEAVE CMDSYS
*
*  SYSTEM CLEAR.
SYCLR    BAL   R14,VMCLEAR
         CPMSG CLRMSG
         LEAVE CMDSYS
*
***********************************************************************
*  VMCLEAR: system reset-clear (SYSTEM CLEAR; IPL ... CLEAR): the     *
*  machine reset (SYRESET), its general registers zero, and every     *
*  page it has a frame for zeroed, the keys of both 2K blocks of each *
*  frame 0 (the others read as zeros anyway: their frames come        *
*  zeroed).  In: R11 = VMBLOK.  Uses R0-R7.                           *
***********************************************************************
VMCLEAR  ENTER
         BAL   R14,SYRESET
         CALL  PFXZERO             (prefix 0: prefix.asm)
         CALL  VATFREE             (no shadow tables: vat.asm)
         XC    VMGPRS(64),VMGPRS
         L     R7,VMSIZE           pages in the machine
         SRL   R7,12
         SR    R6,R6               page number
SYC10    LR    R1,R6               its segment-table entry
         SRL   R1,4
         SLL   R1,2
         A     R1,VMTABLES
         L     R1,0(R1)
         LR    R0,R1
         N     R0,=F'1'            segment invalid: no frames there
         BNZ   SYC30
         N     R1,=X'00FFFFF8'     page-table origin
         LR    R15,R6              its page-table entry
         N     R15,=F'15'
         AR    R15,R15
         AR    R1,R15
         TM    1(R1),X'08'         no frame: nothing to clear
         BO    SYC30
         SR    R2,R2               the frame
         ICM   R2,3,0(R1)
         N     R2,=X'0000FFF0'
         SLL   R2,8
         LR    R0,R2
         L     R3,=F'4096'
         SR    R4,R4
         SR    R5,R5
         MVCL  R2,R4               zeros
         LR    R2,R0
         SR    R0,R0               keys 0
         SSK   R0,R2
         LA    R2,2048(R2)
         SSK   R0,R2
SYC30    LA    R6,1(R6)
         CR    R6,R7
         BL    SYC10
         CALL  PGCLEAR             its paged-out pages too (pagekey.asm)
         LEAVE VMCLEAR
VMCLEARR DS    F
VMCLEARB DS    F
*
*  SYSTEM RESTART: old PSW to 8, new PSW from 0.
SYRST    LA    R2,8
         LA    R3,VMPSW
         LA    R4,8
         BAL   R14,GCOPYOUT
         BNZ   SYNOST
         SR    R2,R2
         LA    R3,VMPSW
         LA    R4,8
         BAL   R14,GCOPYIN
         BNZ   SYNOST
         MVI   VMSTATE,VMSRUN
         LEAVE CMDSYS
SYNOST   CPMSG MSG111Y,RC=111      (its first page: no frame left)
         LEAVE CMDSYS
*
***********************************************************************
*  CMDEXT: EXTERNAL.  In: R11 = VMBLOK.                               *
***********************************************************************
CMDEXT   OI    VMEXTP-VMBLOK(R11),VMXKEY
         TM    VMFLAGS-VMBLOK(R11),VMFVTIM   (the dispatcher presents
         BOR   R14                            it: vtimer.asm)
         OI    VMFLAGS-VMBLOK(R11),VMFVTIM
         STCK  VMVCTOD-VMBLOK(R11)
         BR    R14
*
***********************************************************************
*  VMRESET: SYRESET for the other modules (IPL of a minidisk).        *
*  In: R11 = VMBLOK.  Uses R0, R1.                                    *
***********************************************************************
VMRESET  ENTER
         BAL   R14,SYRESET
         CALL  PFXZERO             (prefix 0: prefix.asm)
         CALL  VATFREE             (no shadow tables: vat.asm)
         LEAVE VMRESET
VMRESETR DS    F
VMRESETB DS    F
*
***********************************************************************
*  SYRESET: the machine's part of a system reset: nothing pending on *
*  its console, minidisks and unit-record devices, the PSW zero, the  *
*  control registers and the virtual timers as after power-on; the    *
*  machine stops.  In: R11 = VMBLOK.  Uses R0, R1.                    *
***********************************************************************
SYRESET  MVI   VCSTAT,0            the console
         XC    VMIPLDEV,VMIPLDEV   an IPL under way is over
         MVI   VMEXTP,0            no external condition
         NI    VMFLAG2,X'FF'-VMFPERP-VMFD8GO   (no PER interruption
*                                  either, nor a DIAGNOSE X'08' to go on)
         XC    VMITTOD,VMITTOD     the interval timer starts afresh
         OI    VMFLAGS,VMFITMR+VMFVTIM
         STCK  VMVCTOD
         LA    R1,VMVDEVS          the minidisks
         LA    R0,VMNVDEV
SYR10    NI    VDSTAT-VDWORK(R1),X'FF'-VDINTP
         LA    R1,VDEVLEN(R1)
         BCT   R0,SYR10
         NI    VMURS+(URSTAT-URBLOK),X'FF'-URINTP
         NI    VMURS+URLEN+(URSTAT-URBLOK),X'FF'-URINTP
         NI    VMURS+2*URLEN+(URSTAT-URBLOK),X'FF'-URINTP
         XC    VMPSW,VMPSW
         XC    VMCRS(64),VMCRS
         MVC   VMCRS+0(4),=X'000000E0'
         MVC   VMCRS+8(4),=X'FFFFFFFF'
         MVC   VMCRS+56(4),=X'C2000000'
         MVC   VMCRS+60(4),=X'00000200'
         MVI   VMSTATE,VMSSTOP
         BR    R14
         DROP  R11
CMDSYSR  DS    F
CMDSYSB  DS    F
KWCLEAR  DC    CL8'CLEAR'
KWRESET  DC    CL8'RESET'
KWRESTRT DC    CL8'RESTART'
CLRMSG   DC    C'STORAGE CLEARED - SYSTEM RESET'
RESMSG   DC    C'SYSTEM RESET'
MSG026Y  DC    C'DMKCFS026E OPERAND MISSING OR INVALID'
MSG111Y  DC    C'DMKPTR111E REAL STORAGE EXHAUSTED'
         LTORG                     the module's literals
