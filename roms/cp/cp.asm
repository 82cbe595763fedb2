         TITLE 'CP - THE CPCMS CONTROL PROGRAM'
***********************************************************************
*                                                                     *
*  CP: the control program.                                           *
*                                                                     *
*  CP owns the real machine and gives every user a virtual one.      *
*  It runs in supervisor state with DAT off; each virtual machine     *
*  runs in problem state with DAT on, through a segment table of its  *
*  own, so guest real address 0 is that user's own page 0.            *
*                                                                     *
*  Whatever a guest does that could touch the real machine - LPSW,    *
*  SSM, SIO, DIAGNOSE, ... - is privileged.  In problem state the     *
*  hardware refuses it with a program interruption (code 2), CP       *
*  looks at the instruction, does to the VIRTUAL machine what the     *
*  instruction would have done to a real one, and resumes the guest.  *
*  That is "trap and emulate" (Popek and Goldberg, 1974), the trick   *
*  IBM's CP-40 (1967), CP-67 and VM/370 were built on.                *
*                                                                     *
*  The files, in the order they are assembled:                        *
*    BLOCKS   control-block layouts (DSECTs)                          *
*    PSA      low storage: PSWs, CP's globals, and SYSCONF (made by   *
*             sysgen: terminals, real disks, storage size; the user  *
*             directory, SYSDIR, goes after CP's tables)              *
*    INIT     start-up: real storage, terminals, greeting             *
*    ENTRY    the four interruption entries and CPU-time accounting   *
*    DISPATCH the dispatcher: pick a virtual machine, run it, or wait *
*    PRIVOP   program interruptions: trap and emulate                 *
*    REFLECT  presenting interruptions to a virtual machine           *
*    GUESTMEM guest address translation and copying                   *
*    VCONSOLE the virtual 3215 console at 009                         *
*    TERMINAL the real terminals: queues, SIO, input routing          *
*    COMMAND  CP commands: the table, the parser, QUERY               *
*    LOGON    LOGON and LOGOFF                                        *
*    CMDVM    DISPLAY, STORE, BEGIN, IPL: the user's own machine      *
*    CMDMSG   MSG, and QUERY VIRTUAL                                  *
*    DIAGNOSE DIAGNOSE codes 08, 0C, 60                               *
*    TIMEFMT  the TOD clock as a date and time, numbers as text       *
*    STORAGE  real page frames                                        *
*    IOS      CP's own disk I/O; the real disks (RDISK)               *
*    CCW      channel-program translation for minidisks               *
*    VDASD    the virtual machine's minidisks and dedicated disks     *
*                                                                     *
*  Register conventions throughout CP:                                *
*    R9,R10,R12,R13  base registers for CP's code (BASES in PSA)      *
*    R11         the VMBLOK of the virtual machine being served       *
*    R8          the RDEV (real terminal) being served                *
*    R14         return address (BAL R14,routine / BR R14)            *
*  Routines save R14 in a word of their own when they call others     *
*  (the macros ENTER and LEAVE); CP runs disabled for interruptions,  *
*  so nothing is ever reentered.  CPMSG types a message.  The macros  *
*  are library members: enter.asm, leave.asm, cpmsg.asm.              *
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
         USING CPCODE,R12,R10,R9,R13  CP's code: four base registers
         COPY  BLOCKS              control-block layouts first
         COPY  PSA
         COPY  INIT
         COPY  ENTRY
         COPY  DISPATCH
         COPY  PRIVOP
         COPY  REFLECT
         COPY  GUESTMEM
         COPY  VCONSOLE
         COPY  TERMINAL
         COPY  COMMAND
         COPY  LOGON
         COPY  CMDVM
         COPY  CMDMSG
         COPY  DIAGNOSE
         COPY  TIMEFMT
         COPY  STORAGE
         COPY  IOS
         COPY  CCW
         COPY  VDASD
         LTORG
*---------------------------------------------------------------------*
* The tables sized from the configuration (SYSCONF, in PSA).          *
*---------------------------------------------------------------------*
         DS    0D
VMTABLE  DS    0D                  one VMBLOK per user terminal
         ORG   VMTABLE+NUMTERM*VMBLKLEN
VMTEND   DS    0D
RDEVTAB  DS    0D                  one RDEV per terminal, operator 1st
         ORG   RDEVTAB+(NUMTERM+1)*RDEVLEN
RDEVEND  DS    0D
RDISKTAB DS    0D                  one RDISK per real disk (DASDCONF)
         ORG   RDISKTAB+NUMDASD*RDISKLEN
RDISKEND DS    0D
*  Channel-program translation (CCW): the real copy of a guest's
*  channel program, what CP knows of each of its CCWs (RCX: where it
*  came from, its argument), the IDAW lists, and the bucket: a 2K
*  block (on a 2K boundary, as an IDAW needs) where a NO-OP points.
*  The user directory (SYSDIR, made by sysgen: DIRENTRYs).
         COPY  SYSDIR
RCW      DS    (RCWMAX)D
RCXTAB   DS    (RCWMAX*RCXLEN)X
IDAWS    DS    (IDAWMAX)F
BKTOFF   EQU   ((*-CP+2047)/2048)*2048
         ORG   CP+BKTOFF
BUCKET   DS    XL2048
CPEND    DS    0D
*---------------------------------------------------------------------*
* NSSAREA: sysgen loads the CMS nucleus here (a "named saved system"  *
* in VM/370's words); LOGON copies it into each new virtual machine.  *
*---------------------------------------------------------------------*
NSSAREA  DS    0D
         END   CP
