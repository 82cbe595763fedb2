***********************************************************************
*  VIPL: IPL from a minidisk (VM/370's DMKCFG IPL, DMKVMI).           *
*                                                                     *
*  "IPL 191" loads a virtual machine from one of its disks exactly as *
*  the load button loads a real machine from a real one.  The channel *
*  does it with one implied CCW - READ IPL (X'02'): seek to cylinder  *
*  0 head 0, read 24 bytes of record 1 into location 0, command       *
*  chaining, SLI - so the record puts a PSW at 0 and two CCWs at 8    *
*  and 16, and the chain goes on at the CCW at 8, in the same channel *
*  program, from where the disk stands just past record 1.  When it   *
*  ends with channel end and device end and nothing else, the device  *
*  address is stored (a BC-mode PSW at 0: at 2-3, its interruption    *
*  code; EC mode: the I/O address word at X'B8') and the PSW at 0 is  *
*  loaded.  The ending status is not an interruption: a TIO after IPL *
*  finds nothing pending.                                             *
*                                                                     *
*  CP cannot run that chain as one program: it translates a guest's   *
*  channel program before it runs (CCW), and the CCWs at 8 and 16 are *
*  not there before record 1 has been read.  So it runs in two parts: *
*   1. CP reads the 24 bytes itself (DASDREAD, on the minidisk's real *
*      cylinder 0 head 0, record 1) and puts them at guest 0;         *
*   2. the chain at 8 becomes the guest's own request on the disk     *
*      (IOREQ, asynchronously: everyone else runs meanwhile, and the  *
*      watchdog ends a chain that never does), with CP's SEEK and a   *
*      re-read of record 1 in front (VDIPLC, CCWTRANS), so the disk   *
*      stands where READ IPL left it: a READ DATA at 8 reads record 2 *
*      as on the real machine.                                        *
*  Until the chain ends the machine is stopped (VMIPLDEV says which   *
*  disk it waits for); IOREQ's end (IOSFIN) calls IPLEND, which loads *
*  the PSW and lets it run - or says IPL ccc FAILED, CSW ... and      *
*  leaves it stopped, as a real machine stays in the load state.      *
*                                                                     *
*  A module: its own CSECT, R13 its base (ENTER).                     *
***********************************************************************
DMKVMI   CSECT
         USING DMKVMI,R13          the module's base (ENTER sets it)
*
***********************************************************************
*  DKIPL: IPL the minidisk in VDEV slot R2.                           *
*  In: R11 = VMBLOK, R8 = RDEV.  Out: CC 0 when the chain at 8 is on  *
*  its way (the machine stopped until it ends); CC not 0 when the IPL *
*  failed at once (the user has been told).  Uses R0-R8, R15.         *
***********************************************************************
DKIPL    ENTER
         USING VMBLOK,R11
         ST    R2,DKISLOT
*  The load button first resets the machine: whatever its disks were
*  doing is cancelled, nothing is pending, PSW and control registers
*  as after a reset.
         CALL  IOSCANCL            (clears VMIPLDEV too)
         CALL  VMRESET
         MVI   VMSTATE,VMSSTOP     stopped until the IPL is over
         BAL   R14,DKITAH          (a line typed ahead: for after it)
         L     R6,DKISLOT
         ST    R6,VMVDCUR
         MVC   VDWORK,0(R6)
         ICM   R1,15,VDRDISK       its real disk not found at LOGON:
         BZ    DKI80                 not there (CC 3 of the channel)
*  Part 1: record 1 of the minidisk's cylinder 0, head 0: 24 bytes.
         LH    R2,VDRDEV
         LH    R3,VDRELN           (its cylinder 0 on the real disk)
         SR    R4,R4
         LA    R5,1
         LA    R6,DKIREC
         LA    R7,24
         XC    DKIREC,DKIREC
         BAL   R14,DASDREAD
         BNZ   DKI70
         SR    R4,R4               24 - residual count: bytes read
         ICM   R4,3,SYNCCSW+6
         LCR   R4,R4
         LA    R4,24(R4)
         SR    R2,R2               to guest location 0
         LA    R3,DKIREC
         BAL   R14,GCOPYOUT
         BNZ   DKI75
*  Part 2: the chain at 8, key 0, as a request of the guest's own.
*  The arm is at the minidisk's 0/0, past record 1 (VDIPLC).
         XC    VDVCYL,VDVCYL
         XC    VDVHEAD,VDVHEAD
         OI    VDFLAGS,VDIPLC
         MVC   VDCCWA,=A(8)
         MVI   VDKEY,0
         BAL   R14,VDBACK
         MVC   VMIPLDEV,VDADDR     IPLEND waits for this disk
         CALL  IOSQUE              R15: what became of it
         LTR   R15,R15
         BZ    DKI90
*  Refused at its first CCW (R15 = 5) or no real disk (3): it ended
*  at once, and IOREQ's end (IOSFIN) has already called IPLEND, which
*  said so.  (R15 = 2 cannot happen: there is an IOBLOK per slot.)
         OC    VMIPLDEV,VMIPLDEV
         BZ    DKI88
         XC    VMIPLDEV,VMIPLDEV
         B     DKI80
*  Part 1 failed: its CSW (SYNCCSW) names CP's own CCWs (the search
*  for record 1, the read), so the user sees what the real channel
*  shows when READ IPL fails: the implied CCW's (address 8, nothing
*  read: count 24) with the disk's unit status.
DKI70    MVC   DKICSW,=X'0000000800000018'
         MVC   DKICSW+4(1),SYNCCSW+4
         B     DKI85
DKI75    MVC   DKICSW,=X'0000000000000000'  (no frame for page 0)
         B     DKI85
DKI80    MVC   DKICSW,=X'0000000000040000'  not there: channel control
DKI85    L     R6,DKISLOT                      check
         LH    R0,VDADDR-VDWORK(R6)
         LA    R1,DKICSW
         BAL   R14,IPLFAIL
DKI88    LEAVE DKIPL,CC=NZ
DKI90    LEAVE DKIPL
*
*  DKITAH: a line the user typed before the IPL, which the machine had
*  not read yet (VMTAHEAD: "IPL 190 STOP" and "DISPLAY PSW" typed at
*  once, CMS reading the first), is the loaded machine's: it goes back
*  to the terminal's buffer as a line just read (RDINPUT), which
*  TINPUT keeps until the IPL is over and then routes - a CP command
*  if the machine stopped.  (Left as type-ahead of a stopped machine
*  nobody would read it, and the terminal, its type-ahead full, would
*  read nothing more.)  In: R11 = VMBLOK.  Uses R1.
DKITAH   LH    R1,VMTALEN
         LTR   R1,R1
         BMR   R14                 nothing typed ahead
         ST    R8,DKITAH8
         ICM   R8,15,VMRDEV        its terminal (none: disconnected)
         BZ    DKT90
         USING RDEV,R8
         TM    RDEVFLAG,RDINPUT    (the buffer holds a line already:
         BO    DKT90                 then the type-ahead waits)
         STH   R1,RDEVRLEN
         BCTR  R1,0
         EX    R1,DKIMVC
         MVC   VMTALEN,=H'-1'
         OI    RDEVFLAG,RDINPUT
         MVI   TDRPEND,1
         TM    VMFLAG2,VMFTANP     not typed yet: TINPUT types it
         BZ    DKT90                 where it is used
         NI    VMFLAG2,X'FF'-VMFTANP
         OI    RDEVFLAG,RDNOECH
DKT90    L     R8,DKITAH8
         BR    R14
         DROP  R8
DKITAH8  DS    F
DKIMVC   MVC   RDEVBUF-RDEV(0,R8),VMTAHEAD
DKIPLR   DS    F
DKIPLB   DS    F
DKISLOT  DS    A
         DS    0D
DKIREC   DS    XL24                record 1, as much as was read
DKICSW   DS    D
*
***********************************************************************
*  IPLEND: a program on a minidisk has ended (IOSFIN: its CSW in the  *
*  slot, its interruption pending).  If it is the rest of this        *
*  machine's IPL, finish the IPL: the status is not presented; clean  *
*  (channel end, device end, nothing else) the device address is      *
*  stored and the PSW at 0 loaded, else IPL ccc FAILED.               *
*  In: R11 = VMBLOK, R6 -> the VDEV slot.  Uses R0-R5, R15.           *
***********************************************************************
IPLEND   ENTER
         STM   R6,R8,IPESAVE
         CLC   VMIPLDEV,VDADDR-VDWORK(R6)   the disk its IPL waits for?
         BNE   IPE90
         XC    VMIPLDEV,VMIPLDEV
         NI    VDSTAT-VDWORK(R6),X'FF'-VDINTP
         NI    VDFLAGS-VDWORK(R6),X'FF'-VDIPLC
         MVC   DKICSW,VDCSW-VDWORK(R6)
         CLC   DKICSW+4(2),=X'0C00'  channel end, device end, alone?
         BNE   IPE80
         LH    R0,VDADDR-VDWORK(R6)
         BAL   R14,IPLLOAD         then it runs
         BZ    IPE90
IPE80    LH    R0,VDADDR-VDWORK(R6)
         LA    R1,DKICSW
         BAL   R14,IPLFAIL
IPE90    LM    R6,R8,IPESAVE
         LEAVE IPLEND
IPLENDR  DS    F
IPLENDB  DS    F
IPESAVE  DS    3F
*
***********************************************************************
*  IPLLOAD: the end of a successful IPL (a minidisk's here, the       *
*  reader's in VSPOOL's URIPL): the device address is stored - a      *
*  BC-mode PSW at 0 gets it at 2-3, its interruption code; an EC-mode *
*  one leaves 0-7 alone and it goes to the I/O address word at X'B8'  *
*  - and the PSW at 0 is loaded: the machine runs.                    *
*  In: R11 = VMBLOK, R0 = the device address.  Out: CC 0; CC not 0    *
*  if guest storage could not be reached.  Uses R0-R5, R15.           *
***********************************************************************
IPLLOAD  ENTER
         STH   R0,DKIDEV
         SR    R2,R2               the PSW at 0
         LA    R3,DKIPSW
         LA    R4,8
         BAL   R14,GCOPYIN
         BNZ   IPP90
         TM    DKIPSW+1,PSWEC      EC mode: the address at X'B8'
         BZ    IPP20
         XC    DKIWORD,DKIWORD
         MVC   DKIWORD+2(2),DKIDEV
         LA    R2,X'B8'
         LA    R3,DKIWORD
         LA    R4,4
         B     IPP30
IPP20    MVC   DKIPSW+2(2),DKIDEV  BC mode: at 2-3
         LA    R2,2
         LA    R3,DKIPSW+2
         LA    R4,2
IPP30    BAL   R14,GCOPYOUT
         BNZ   IPP90
         MVC   VMPSW,DKIPSW        it runs from there
         MVI   VMSTATE,VMSRUN
         CLI   VMIPLSTP,0          (IPL ... STOP: from there, once
         BE    IPP40                 BEGIN is typed)
         MVI   VMSTATE,VMSSTOP
         MVI   VMIPLSTP,0
IPP40    CR    R2,R2               CC 0
IPP90    LEAVE IPLLOAD
IPLLOADR DS    F
IPLLOADB DS    F
         DS    0D
DKIPSW   DS    D
DKIWORD  DS    F
DKIDEV   DS    H
*
***********************************************************************
*  IPLFAIL: "IPL ccc FAILED, CSW xxxxxxxx xxxxxxxx" for the user (a   *
*  DIAGNOSE X'08' response buffer, or the terminal: CPLINE - also     *
*  when the IPL ends later, while nobody waits for an answer); the    *
*  machine stays stopped, as a real one stays in the load state.      *
*  Both IPLs use it: a minidisk's here, the reader's (VSPOOL's URIPL).*
*  In: R11 = VMBLOK, R0 = the device address, R1 -> the CSW.          *
*  Uses R0-R5, R15.                                                   *
***********************************************************************
IPLFAIL  ENTER
         ST    R8,IPFR8
         MVI   VMSTATE,VMSSTOP
         MVC   IPFCSW,0(R1)
         MVC   DKILINE(L'DKIMSG),DKIMSG
         LA    R2,DKILINE+4
         LA    R3,3
         BAL   R14,HEXOUT
         L     R0,IPFCSW
         LA    R2,DKILINE+L'DKIMSG
         LA    R3,8
         BAL   R14,HEXOUT
         MVI   DKILINE+L'DKIMSG+8,C' '
         L     R0,IPFCSW+4
         LA    R2,DKILINE+L'DKIMSG+9
         LA    R3,8
         BAL   R14,HEXOUT
         LA    R2,DKILINE
         LA    R3,L'DKIMSG+17
         L     R8,VMRDEV
         BAL   R14,CPLINE
         L     R8,IPFR8
         LEAVE IPLFAIL
IPLFAILR DS    F
IPLFAILB DS    F
IPFR8    DS    F
         DS    0F
IPFCSW   DS    XL8
DKIMSG   DC    C'IPL ccc FAILED, CSW '
DKILINE  DS    CL40
         DROP  R11
         LTORG                     the module's literals
