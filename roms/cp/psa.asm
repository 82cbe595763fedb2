***********************************************************************
*  PSA: CP's low storage (the "prefix storage area").                 *
*                                                                     *
*  The first 512 bytes are the hardware's: where an interruption      *
*  stores the old PSW and finds the new one, the CSW and CAW, the     *
*  interruption codes.  CP's own global fields follow at X'200'.      *
*  Everything here lies below 4096, so any instruction can reach it   *
*  with base register 0: no base register needs to be loaded first,  *
*  which is exactly what an interruption handler needs.               *
*                                                                     *
*  The PSWs are in EC (extended control) mode, the only mode with     *
*  dynamic address translation.  An EC PSW, bit by bit:               *
*                                                                     *
*     0 1 2 3 4 5 6 7 | 8-11 12 13 14 15 | 16-17 18-19 20-23 | 24-39  *
*     0 R 0 0 0 T I E |  key  1  M  W  P |  0 0   CC  prog m |  zero  *
*     R = PER, T = DAT on, I = I/O, E = external interruptions,       *
*     M = machine checks, W = wait, P = problem state;                *
*     bits 40-63: the instruction address.                            *
***********************************************************************
PSA      DS    0D
IPLPSW   DC    X'00080000',A(CPINIT)  X'00' IPL: EC, disabled, super
RSTOPSW  DS    D                   X'08' restart old PSW
         DS    D                   X'10'
EXTOPSW  DS    D                   X'18' external old PSW
SVCOPSW  DS    D                   X'20' SVC old PSW
PRGOPSW  DS    D                   X'28' program old PSW
MCKOPSW  DS    D                   X'30' machine-check old PSW
IOOPSW   DS    D                   X'38' I/O old PSW
CSW      DS    D                   X'40' channel status word
CAW      DS    F                   X'48' channel address word
         DS    F                   X'4C'
TIMER    DS    F                   X'50' interval timer (unused)
         DS    F                   X'54'
EXTNPSW  DC    X'00080000',A(EXTINT)  X'58' external new PSW
SVCNPSW  DC    X'00080000',A(SVCINT)  X'60' SVC new PSW
PRGNPSW  DC    X'00080000',A(PRGINT)  X'68' program new PSW
MCKNPSW  DC    X'000A0000',A(X'0000DEAD') X'70' machine check: stop
IONPSW   DC    X'00080000',A(IOINT)   X'78' I/O new PSW
         DS    F                   X'80'
         DS    H                   X'84'
EXTCODE  DS    H                   X'86' external interruption code
         DS    X                   X'88'
SVCILC   DS    X                   X'89' SVC instruction length
SVCCODE  DS    H                   X'8A' SVC number
         DS    X                   X'8C'
PRGILC   DS    X                   X'8D' instruction length (bytes)
PRGCODE  DS    H                   X'8E' program interruption code
TRANSADR DS    F                   X'90' translation-exception address
         ORG   PSA+X'BA'
IODEV    DS    H                   X'BA' I/O interruption device
*
*  Bits of PSW byte 1, in either mode.
PSWEC    EQU   X'08'               EC mode
PSWMCK   EQU   X'04'               machine checks enabled
PSWWAIT  EQU   X'02'               wait state
PSWPROB  EQU   X'01'               problem state
*
*---------------------------------------------------------------------*
*  CP's global fields.                                                *
*---------------------------------------------------------------------*
         ORG   PSA+X'200'
INTREGS  DS    16F                 registers when the interruption came
GUESTREG DS    16F                 registers about to be given a guest
RUNPSW   DS    D                   the real PSW that runs a guest
         DS    0D                  (LPSW needs a doubleword)
WAITPSW  DC    X'030E0000',A(0)    CP's idle wait: I/O, external, MCK
DSABLPSW DC    X'000A0000',A(0)    disabled wait (code in IA)
BASES    DC    A(CPCODE+8192)      R9   (LM R9,R13,BASES)
         DC    A(CPCODE+4096)      R10
         DC    A(0)                R11
         DC    A(CPCODE)           R12
         DC    A(CPCODE+12288)     R13 (a module's base while it runs)
RUNUSER  DC    A(0)                VMBLOK now running, or 0
LASTUSER DC    A(0)                VMBLOK dispatched last
CPFOR    DC    A(0)                VMBLOK whose request CP is serving
DSPNEXT  DC    X'00'               1: slice ended, rotate to the next
SLICEBND DC    X'00'               1: SLICEVAL is less than VMSLICE
CPRCH    DC    H'0'                return code of the last CP command
CPUTNOW  DS    D                   CPU timer at this interruption
CPMARK   DS    D                   CPU timer when CP took control
SLICEVAL DS    D                   CPU timer value of the last dispatch
QUANTUM  DC    X'000000000C350000' time slice: 50 ms (50000 << 12)
QUANTUM2 DC    X'0000000061A80000' a lone machine's: 400 ms (DSPRUN)
TIMERMAX DC    X'7FFFFFFFFFFFFFFF' "never": the timer while idle
CPCR0    DC    X'00800C00'         CR0: 4K pages, 64K segs, CPU timer,
*                                    clock comparator (DSPIDLE)
         DS    0D
CKCNEVER DC    X'FFFFFFFFFFFFFFFF' the clock comparator: "never"
FREEFRM  DC    A(0)                the free page-frame chain
FRMCOUNT DC    F'0'                frames on it
FRMSHARE DC    F'0'                an even share of the frames (no
*                                  limit: paging.asm steals beyond it)
NUSERS   DC    F'0'                users logged on
TODNOW   DS    D                   a TOD clock value being formatted
*
*  Fields filled by TODFMT (TIMEFMT):
TFDATE   DS    CL8                 MM/DD/YY
TFTIME   DS    CL8                 HH:MM:SS
TFDAY    DS    CL9                 weekday, padded
TFDAYL   DS    X                   its length
*
*  A line being built for a terminal.
LINEBUF  DS    CL132
*
*  Work areas of the commands and services (here, below 4K, so that
*  they take no room from the code, which four base registers reach).
CMDLINE  DS    CL132               a CP command line (COMMAND)
VCLINE   DS    CL132               a line the guest writes (VCONSOLE)
         DS    0F
VMWORDS  DS    16F                 words to store (CMDVM: STORE)
         DS    0D
D0CAREA  DS    XL32                DIAGNOSE X'0C''s answer (DIAGNOSE)
*
*  Paging's frame table (paging.asm): here so that PGFTE, which any
*  module calls, reaches it without a base register.
PGFTAB   DC    A(0)                the frame table (FTE a frame)
PGNFRM   DC    F'0'                entries (frames of real storage)
*
*
*  The configuration, generated by sysgen from the scenario: the
*  terminals, the real disks (DASDCONF), the number of users and the
*  size of real storage.  It lives here, below 4K, so that all of CP
*  reaches it with base 0.
         COPY  SYSCONF
*
         ORG   PSA+X'1000'
CPCODE   DS    0H                  CP's code starts at 4K
