         TITLE 'CP - THE CPCMS CONTROL PROGRAM'
***********************************************************************
*                                                                     *
*  CP: the control program.                                           *
*                                                                     *
*  CP owns the real machine and gives every user a virtual one.      *
*  It runs in supervisor state with DAT off; each virtual machine     *
*  runs in problem state with DAT on, through a segment table of its  *
*  own, so guest real address 0 is that user's own page 0 (one that   *
*  turns DAT on for itself runs through a shadow table: VAT).         *
*                                                                     *
*  Whatever a guest does that could touch the real machine - LPSW,    *
*  SSM, SIO, DIAGNOSE, ... - is privileged.  In problem state the     *
*  hardware refuses it with a program interruption (code 2), CP       *
*  looks at the instruction, does to the VIRTUAL machine what the     *
*  instruction would have done to a real one, and resumes the guest.  *
*  That is "trap and emulate" (Popek and Goldberg, 1974), the trick   *
*  IBM's CP-40 (1967), CP-67 and VM/370 were built on.                *
*                                                                     *
*  CP is a resident CORE and MODULES, like VM/370's nucleus of DMK    *
*  modules.  The core is the section CP: low storage, everything an   *
*  interruption needs, and the routines everybody calls; its code     *
*  starts at CPCODE (4K).  Each module is a CSECT of its own, at most *
*  4K, for one job (a command, channel-program translation ...); it   *
*  has its own base register and is called, and returns.  The files,  *
*  in the order they are assembled:                                   *
*    BLOCKS   control-block layouts (DSECTs)                          *
*    PSA      low storage: PSWs, CP's globals, and SYSCONF (made by   *
*             sysgen: terminals, real disks, storage size; the user  *
*             directory, SYSDIR, goes after CP's tables)              *
*  the core:                                                          *
*    INIT     start-up: real storage, terminals, greeting             *
*    ENTRY    the four interruption entries and CPU-time accounting   *
*    DISPATCH the dispatcher: pick a virtual machine, run it, or wait *
*    PRIVOP   program interruptions: trap and emulate                 *
*    REFLECT  presenting interruptions to a virtual machine           *
*    GUESTMEM guest address translation and copying                   *
*    VCONSOLE the virtual 3215 console at 009; SIO and friends        *
*    TERMINAL the real terminals: queues, SIO, input routing          *
*    COMMAND  CP commands: the table, the parser, what they share     *
*    DIAGNOSE DIAGNOSE codes 08, 0C, 60                               *
*    TIMEFMT  the TOD clock as a date and time, numbers as text       *
*    STORAGE  real page frames                                        *
*    IOS      the real disks (RDISK): interruptions, CP's own I/O     *
*  then CP's tables (VMBLOKs, RDEVs, RDISKs, the directory, the       *
*  translated channel programs, the IOBLOKs), then the modules:       *
*    QUERY    DMKCQG  QUERY                                           *
*    LOGON    DMKLOG  LOGON, LOGOFF, AUTOLOG, reconnecting            *
*    CMDVM    DMKCDB  DISPLAY, STORE, BEGIN, IPL: the user's machine  *
*    CMDMSG   DMKMSG  MSG, WARNING                                    *
*    VDASD    DMKVIO  SIO, TIO, HIO on a minidisk                     *
*    CCW      DMKCCW  channel-program translation for minidisks       *
*    IOREQ    DMKIOQ  the guests' disk requests: queues, start, end   *
*    VSPOOL   DMKVSP  the virtual reader, punch, printer; spool files *
*    CSPOOL   DMKCSP  SPOOL, CLOSE, PURGE, QUERY READER/PUNCH/FILES   *
*    LINK     DMKLNK  LINK: another user's minidisk, its passwords    *
*    ATTACH   DMKVDD  ATTACH, DETACH, QUERY LINKS                     *
*    OPERATOR DMKOPR  DISCONN, FORCE, DISABLE, ENABLE, SHUTDOWN        *
*    SPFILES  DMKCSU  QUERY READER ..., PURGE, TRANSFER, ORDER, CHANGE *
*    RSPOOL   DMKRSP  the real reader and printer (the machine room)  *
*    CMDSYS   DMKCFS  SYSTEM CLEAR, RESET, RESTART                    *
*    PRIVSIM  DMKPRW  SIGP, STAP, RRB, timers, keys, prefix, MC       *
*    PRIVEXT  DMKPRX  TPROT, MVS assists, DAS, MVCK; PMRUN (CR0 bit 3, *
*                     CR3) for the dispatcher                         *
*    VTIMER   DMKVTM  the virtual CPU timer and clock comparator      *
*    VIPL     DMKVMI  IPL from a minidisk                             *
*    VAT      DMKVAT  virtual DAT: shadow tables, LRA PTLB IPTE TB    *
*    VDAS     DMKDAS  the dual-address-space facility with DAT on     *
*    PAGING   DMKPAG  the frame table, page faults, paging to disk    *
*    PAGECMD  DMKPGC  QUERY PAGING, INDICATE                          *
*    PREFIX   DMKPFX  a machine's prefix register: SPX, resets        *
*    PAGEKEY  DMKPGK  paging's start-up, frame locks, the guest's keys *
*  and last NSSAREA, where sysgen puts the CMS nucleus.               *
*                                                                     *
*  Register conventions throughout CP:                                *
*    R9,R10,R12  base registers for the core's code: CPCODE, +4K, +8K *
*                (BASES in PSA); they never change, so every module   *
*                reaches the core's first 12K with them               *
*    R13         the core's fourth base (CPCODE+12K) - or, while a    *
*                module runs, that module's base                      *
*    R11         the VMBLOK of the virtual machine being served       *
*    R8          the RDEV (real terminal) being served                *
*    R14         return address (BAL R14,routine / BR R14)            *
*    R15         scratch; the routine's address in CALL               *
*  Routines save R14 in a word of their own when they call others     *
*  (the macros ENTER and LEAVE); CP runs disabled for interruptions,  *
*  so nothing is ever reentered, and nothing recurses.  CPMSG types a *
*  message.  The macros are library members: enter.asm, leave.asm,    *
*  call.asm, cpmsg.asm.                                               *
*                                                                     *
*  Linkage between the core and the modules:                          *
*   - The core calls a module's routine with CALL (L R15,=A(routine); *
*     BALR R14,R15) or through a table of address constants (the      *
*     command table, COMTAB): its base registers cannot reach a       *
*     module, and the assembler refuses a BAL into one.               *
*   - A routine a module offers begins with ENTER, which in a module  *
*     also keeps the caller's R13 (in the routine's word xxxB) and    *
*     makes R13 the module's base; LEAVE gives the caller's R13 back. *
*     So it may be called from the core, from another module (CALL)   *
*     or from its own module (BAL).  Registers in and out are each    *
*     routine's own, as everywhere in CP; R15 is lost in the linkage. *
*     A module's routine without ENTER (a leaf: BR R14) is for that   *
*     module alone.                                                   *
*   - A module calls the core's routines with BAL and reads the       *
*     core's data directly: R12, R10 and R9 reach the core's first    *
*     12K from anywhere.  That is why the core's code is assembled    *
*     with those three bases alone: no core routine depends on R13,   *
*     so a module may call any of them with its own R13 loaded.       *
*   - A module returns to its caller; it never branches into the core *
*     (DISPATCH, NOSTORE): it says what happened, and the core goes   *
*     there.                                                          *
*                                                                     *
*  Room.  The core's code and literals end at COREEND, which must     *
*  stay below CPCODE+12K, the end of what R12, R10 and R9 reach (the  *
*  assembler sees to it).  The fourth base is kept: R13 = CPCODE+12K  *
*  at every interruption and after every module, for core code past   *
*  12K that only the interruption entries and other such code reach   *
*  (there is none yet: it would begin with ORG CPCODE+12288 and       *
*  USING CPCODE+12288,R13, and have its own LTORG).  New work belongs *
*  in a module: a file of its own holding one CSECT of at most 4K     *
*  (USING name,R13 after the CSECT statement, LTORG at the end),      *
*  COPYed below with the others, called through CALL or COMTAB.       *
*                                                                     *
***********************************************************************
R0       EQU   0
R1       EQU   1
R2       EQU   2
R3       EQU   3
R4       EQU   4
R5       EQU   5
R6       EQU   6
R7       EQU   7
R8       EQU   8
R9       EQU   9
R10      EQU   10
R11      EQU   11
R12      EQU   12
R13      EQU   13
R14      EQU   14
R15      EQU   15
CP       START 0
         USING PSA,0               low storage: base register 0
         USING CPCODE,R12,R10,R9   the core's code: three base registers
         COPY  BLOCKS              control-block layouts first
         COPY  PSA
*
*  The core.
         COPY  INIT
         COPY  ENTRY
         COPY  DISPATCH
         COPY  PRIVOP
         COPY  REFLECT
         COPY  GUESTMEM
         COPY  VCONSOLE
         COPY  TERMINAL
         COPY  COMMAND
         COPY  DIAGNOSE
         COPY  TIMEFMT
         COPY  STORAGE
         COPY  IOS
         LTORG                     the core's literals
COREEND  DS    0D                  the core's code and literals end here
*---------------------------------------------------------------------*
* The tables sized from the configuration (SYSCONF, in PSA).          *
*---------------------------------------------------------------------*
         DS    0D
VMTABLE  DS    0D                  one VMBLOK per user in the
         ORG   VMTABLE+NUMVM*VMBLKLEN     directory (NUMVM, SYSCONF)
VMTEND   DS    0D
RDEVTAB  DS    0D                  one RDEV per terminal, operator 1st
         ORG   RDEVTAB+(NUMTERM+1)*RDEVLEN
RDEVEND  DS    0D
DSCRDEV  DS    (RDEVLEN)X          the "terminal" of a disconnected
*                                  machine: not operational (RDDEAD),
*                                  what is typed on it is dropped
RDISKTAB DS    0D                  one RDISK per real disk (DASDCONF)
         ORG   RDISKTAB+NUMDASD*RDISKLEN
RDISKEND DS    0D
SPFTAB   DS    (SPMAXF*SFLEN)X     the spool files (SFBLOKs: SPOOL)
SPFTEND  DS    0D
*  Channel-program translation (CCW): the real copy of a guest's
*  channel program, what CP knows of each of its CCWs (RCX: where it
*  came from, its argument), the IDAW lists, and the bucket: a 2K
*  block (on a 2K boundary, as an IDAW needs) where a NO-OP points.
*  The user directory (SYSDIR, made by sysgen: DIRENTRYs).
         COPY  SYSDIR
*  One translation area per real disk (its RDISK points at its part
*  of each: RDKRCW, RDKRCX, RDKIDW), so each disk's running program
*  keeps its copy until it ends; and one IOBLOK per VDEV slot (IOREQ).
RCW      DS    (NUMDASD*RCWMAX)D
RCXTAB   DS    (NUMDASD*RCWMAX*RCXLEN)X
IDAWS    DS    (NUMDASD*IDAWMAX)F
IOBTAB   DS    (NUMTERM*VMNVDEV*IOBLEN)X
BKTOFF   EQU   ((*-CP+2047)/2048)*2048
         ORG   CP+BKTOFF
BUCKET   DS    XL2048
TABEND   DS    0D                  the end of the core's section
*---------------------------------------------------------------------*
* The modules: each a CSECT of its own, R13 its base register.  The   *
* assembler places them after the core's section, one after another.  *
*---------------------------------------------------------------------*
         COPY  QUERY
         COPY  LOGON
         COPY  CMDVM
         COPY  CMDMSG
         COPY  VDASD
         COPY  CCW
         COPY  IOREQ
         COPY  VSPOOL
         COPY  CSPOOL
         COPY  LINK
         COPY  ATTACH
         COPY  OPERATOR
         COPY  SPFILES
         COPY  RSPOOL
         COPY  CMDSYS
         COPY  PRIVSIM
         COPY  PRIVEXT
         COPY  VTIMER
         COPY  VIPL
         COPY  VAT
         COPY  VDAS
         COPY  PAGING
         COPY  PAGECMD
         COPY  PREFIX
         COPY  PAGEKEY
*---------------------------------------------------------------------*
* NSSAREA: sysgen loads the CMS nucleus here (a "named saved system"  *
* in VM/370's words); LOGON copies it into each new virtual machine.  *
* It is the last section: CP's image ends where it begins.            *
*---------------------------------------------------------------------*
NSSAREA  CSECT
         END   CP
