***********************************************************************
*  BLOCKS: the layouts of CP's control blocks.                       *
*                                                                     *
*  A DSECT describes storage without reserving any: "USING VMBLOK,R11"*
*  lets the code write VMUSER(R11) for "the userid in the VMBLOK      *
*  R11 points to".  The names follow IBM's VM/370 where there was one.*
*  The TUI reads VMBLOKs too, by these field names, the way a         *
*  hardware monitor would: keep them when you change the layout.      *
***********************************************************************
*
*---------------------------------------------------------------------*
* URBLOK: one virtual unit-record device (reader, punch, printer) in  *
* a VMBLOK (VMURS).  Its channel programs run on CP's spool files.    *
*---------------------------------------------------------------------*
URBLOK   DSECT
URADDR   DS    H                   virtual address
URTYPE   DS    X                   what it is
URTRDR   EQU   1                     a 2540 reader
URTPUN   EQU   2                     a 2540 punch
URTPRT   EQU   3                     a 1403 printer
URSTAT   DS    X                   its state
URINTP   EQU   X'40'                 an interruption is pending
URIL     EQU   X'08'                 incorrect length in this CCW
URFILE   DS    A                   its spool file (SFBLOK) or 0
URTO     DS    CL8                 SPOOL ... TO userid (blank: its own)
URCSW    DS    D                   the CSW to present
URCCWA   DS    A                   guest address of the current CCW
URSENSE  DS    X                   sense byte
URKEY    DS    X                   the CAW key
         DS    H
URCCW    DS    D                   a copy of the current CCW
URCLASS  DS    C                   SPOOL ... CLASS c (a reader: * any)
URFLAG   DS    X                   SPOOL's options
URFCONT  EQU   X'80'                 CONT: a reader reads on into the
*                                    next file without unit exception
URFHOLD  EQU   X'40'                 HOLD: files closed are held; a
*                                    reader keeps (holds) what it read
URCOPY   DS    X                   SPOOL ... COPY nn (1-99)
         DS    X
URNAME   DS    CL16                CLOSE ... NAME fn ft (for the file)
         DS    F                   (a URBLOK is whole doublewords)
URLEN    EQU   *-URBLOK
VMNUR    EQU   3                   unit-record devices a machine has
*
*---------------------------------------------------------------------*
* VMBLOK: one virtual machine.                                        *
*---------------------------------------------------------------------*
VMBLOK   DSECT
VMUSER   DS    CL8                 userid
VMPSW    DS    D                   the virtual PSW (BC mode format)
VMGPRS   DS    16F                 the virtual general registers
VMCRS    DS    16F                 the virtual control registers
VMSEG    DS    F                   CR1 for this machine: STL + STO
VMSIZE   DS    F                   virtual storage size in bytes
VMTABLES DS    A                   real frame holding its DAT tables
VMRDEV   DS    A                   the RDEV of the user's terminal
VMTERMA  DS    H                   that terminal's device address
VMSTATE  DS    X                   what the machine is doing (below)
VMSFREE  EQU   0                     slot not in use
VMSRUN   EQU   1                     running or ready to run
VMSREAD  EQU   2                     VM READ: waiting for a line
VMSWAIT  EQU   3                     enabled wait (idle)
VMSSTOP  EQU   4                     stopped: CP READ
VMSOUTW  EQU   5                     its DIAGNOSE X'08' waits for its
*                                    terminal to type CP's answer
VMSPGWT  EQU   6                     page wait: a page of its is being
*                                    read in (paging.asm)
VMFLAGS  DS    X                   flags
VMFBUF   EQU   X'80'                 CP responses go to a DIAG 8 buffer
VMFEMSG  EQU   X'40'                 SET EMSG ON: show message ids
VMFGONE  EQU   X'20'                 logged off while CP served it
VMFQ1    EQU   X'10'                 interactive: its user has just
*                                    typed a line; it runs before the
*                                    others until it waits for its
*                                    terminal again or its time slice
*                                    ends (VM/370's Q1)
VMFDSC   EQU   X'08'                 disconnected (DISCONN, AUTOLOG):
*                                    it runs without a terminal;
*                                    VMRDEV is DSCRDEV, which types
*                                    nothing
VMFITMR  EQU   X'02'                 its interval timer (X'50') runs:
*                                    since a SYSTEM RESET or CLEAR, or
*                                    since it turned CR0 bit 24 on
VMFVTIM  EQU   X'01'                 its timers or external signals
*                                    are in use: the dispatcher keeps
*                                    them (vtimer.asm); CMS never is
VMVTIME  DS    D                   virtual CPU time (CPU-timer units)
VMCTIME  DS    D                   CP time spent for this machine
VMSLICE  DS    D                   what is left of its time slice
VMLOGON  DS    D                   TOD clock at LOGON
VMPRVCNT DS    F                   privileged instructions emulated
VMDSPCNT DS    F                   times dispatched
VMFRAMES DS    F                   real frames it holds
VMINST   DS    XL8                 the trapped instruction
*                                  -- the virtual console (009) --
VCADDR   DS    H                   its virtual device address
VCSTAT   DS    X                   its state
VCBUSY   EQU   X'80'                 a channel program is running
VCINTP   EQU   X'40'                 an interruption is pending
VCREAD   EQU   X'20'                 waiting for the user to type
VCWRW    EQU   X'10'                 waiting for room in the queue
VCIL     EQU   X'08'                 incorrect length in this CCW
VCTURN   EQU   X'04'                 its lines for this period typed:
*                                    it goes on at VCNEXT (DSPREADY)
VCKEY    DS    X                   the CAW key
VCCCWA   DS    A                   guest address of the current CCW
VCCCW    DS    D                   a copy of the current CCW
VCCSW    DS    D                   the CSW to present
VCSENSE  DS    X                   sense byte
         DS    X
VCBUDG   DS    H                   lines it may still queue before VCNEXT
         DS    H
VCNEXT   DS    D                   TOD clock: when its period ends
VMTALEN  DS    H                   length of the type-ahead line, or -1
VMTAHEAD DS    CL132               a line typed before the guest read
*                                  -- its minidisks --
*  VMVDEVS holds one VDEV slot per disk (from the directory: MDISK,
*  LINK and DEDICATE), VDWORK a copy of the one CP is serving now
*  (its slot is VMVDCUR): the minidisk code works on VDWORK alone.
*  A dedicated disk is a minidisk of the whole real disk: cylinder 0
*  on, every cylinder.
         DS    0D
VDWORK   DS    0XL32               (the layout of every slot)
VDADDR   DS    H                   its virtual address, or 0
VDRDEV   DS    H                   the real disk it is on
VDRELN   DS    H                   its first cylinder there
VDCYLS   DS    H                   how many cylinders
VDSTAT   DS    X                   its state
VDBUSY   EQU   X'80'                 a channel program is queued or
*                                    running on the real disk (IOREQ)
VDINTP   EQU   X'40'                 an interruption is pending
VDKEY    DS    X                   the CAW key
VDFLAGS  DS    X                   how it is linked
VDRO     EQU   X'80'                 read-only: writes are refused
VDDED    EQU   X'40'                 a dedicated real disk (DEDICATE)
VDLINK   EQU   X'20'                 a link to another user's MDISK
VDIPLC   EQU   X'10'                 the next program is the rest of
*                                    an IPL (vipl.asm): CCWTRANS puts
*                                    the arm back just past record 1
         DS    X
VDVCYL   DS    H                   where the guest's arm is: cylinder
VDVHEAD  DS    H                     and head (of the minidisk)
VDCCWA   DS    A                   guest address of the first CCW
VDRDISK  DS    A                   the RDISK of its real disk (LOGON
*                                    finds it from VDRDEV), or 0
VDCSW    DS    D                   the CSW to present
VDEVLEN  EQU   *-VDWORK
VMNVDEV  EQU   8                   minidisks a machine may have
VMVDEVS  DS    (VMNVDEV*VDEVLEN)X  the slots
VMVDCUR  DS    A                   the slot VDWORK came from
*                                  -- a DIAGNOSE X'08' under way --
VMD8TXT  DS    CL132               its commands, separated by X'15'
VMD8POS  DS    H                   where the next one starts
VMD8LEN  DS    H                   how long they are
VMD8RY   DS    F                   4 * its Ry
VMD8FLG  DS    F                   Ry's flags and length
VMD8RC   DS    H                   the last command's return code
         DS    H
*                                  -- DIAGNOSE X'08' response buffer --
VMRSPADR DS    A                   guest address of the buffer
VMRSPLEN DS    F                   its length
VMRSPUSE DS    F                   bytes of response so far
*                                  -- its unit-record devices --
*  The reader, punch and printer (00C, 00D, 00E for a CMS user), a
*  URBLOK each in that order, built at LOGON by the spooling module
*  (DMKVSP) from the directory's SPOOL statements (DIRURS); URADDR 0:
*  the machine has none (or DETACHed it).
         DS    0D
VMURS    DS    (VMNUR*URLEN)X
*                                  -- LINK (DMKLNK) --
VMLKFLG  DS    X                   a LINK waiting for its password:
VMLKPEND EQU   X'80'                 the next line typed is it
VMLKD8   EQU   X'40'                 it came by DIAGNOSE X'08', which
*                                    waits (CP READ) until it is done
VMLKSTAT DS    X                   VMSTATE to go back to then
VMLKBAD  DS    H                   wrong passwords given (10: no more
*                                    LINK until LOGOFF)
VMLKUSER DS    CL8                 the owner of the disk asked for
VMLKENT  DS    A                   its directory entry (DIRDEVS)
VMLKVA2  DS    H                   the address it is to have here
VMLKMODE DS    X                   the mode asked for (1 R ... 7 MW)
VMFLAG2  DS    X                   more flags:
VMFTANP  EQU   X'80'                 its type-ahead line is not yet
*                                    typed: VCRREAD types it (TECHO)
*                                    (privmisc, privext.asm:)
VMFPRM   EQU   X'04'                 the real CR0 bit 3 (low-address
*                                    protection) and CR3 (MVCK's
*                                    keys) come from the virtual ones
*                                    when it runs (PMRUN): set by LCTL
*                                    of CR0 bit 3 or CR9, by MVCK;
*                                    CR9-CR11 and the PSW's PER bit
*                                    too
VMFD8R   EQU   X'20'                 a DIAGNOSE X'08' runs one of its
*                                    commands now (D8RUN)
VMFD8DC  EQU   X'10'                 its DISPLAY stopped half way for
*                                    the terminal to type: it goes on
*                                    first when D8RUN is called again
VMFD8GO  EQU   X'01'                 its DIAGNOSE X'08' used a slice of
*                                    CP's time and gave the others
*                                    their turn: run again (its PSW is
*                                    back at it), it goes on (DIAG08)
VMFPERP  EQU   X'02'                 a PER program interruption is
*                                    pending (PRXPER): DSPREADY gives
*                                    it before anything else (PRXPERP)
*                                  -- who the user is --
VMCLASS  DS    X                   privilege classes (CLASSA ...),
*                                    from the directory (DIRCLASS)
*                                  -- its timers (vtimer.asm) --
         DS    0D
VMVCPUT  DS    D                   virtual CPU timer, as of VMVCTOD
VMVCKC   DS    D                   virtual clock comparator
VMVCTOD  DS    D                   TOD clock when VMVCPUT was updated
VMEXTP   DS    X                   external conditions pending:
VMXEMS   EQU   X'80'                 emergency signal (SIGP X'03')
VMXEXC   EQU   X'40'                 external call (SIGP X'02')
VMXKEY   EQU   X'20'                 interrupt key (CP EXTERNAL)
VMXITM   EQU   X'10'                 interval timer (X'50' negative)
         DS    0D
VMITTOD  DS    D                   TOD clock when X'50' was updated
*                                  -- IPL of a minidisk (vipl.asm) --
VMIPLDEV DS    H                   the minidisk whose IPL program runs
*                                    now, or 0
VMIPLSTP DS    X                   1: IPL ... STOP (stopped when loaded)
*                                  -- (vdat) its shadow tables: the --
*  segment and page tables CP builds while its virtual PSW has DAT on
*  (vat.asm, DMKVAT): its virtual addresses straight to real frames.
*  VMVATFR holds the frames they live in (the first: two shadow
*  segment tables of 256 entries, A and B (das), then page tables);
*  VMVATNX is where the next page table goes, VMVATEN the end of
*  that frame.
VMFSHAD  EQU   X'40'                 (VMFLAG2) it runs on its shadow
*                                    tables: a translation exception
*                                    is CP's to look at (VATFAULT)
VMVATNF  EQU   8                   frames the shadow tables may have
         DS    0F
VMVATFR  DS    (VMVATNF)A          their frames; VMVATFR = the shadow
*                                    segment table, 0: none yet
VMVATN   DS    F                   how many frames it holds
VMVATCI  DS    F                   4 * the frame VMVATNX is in
VMVATNX  DS    A                   where the next page table goes
VMVATEN  DS    A                   the end of that frame
VMVATCR1 DS    F                   the guest STD they were built for
VMVATFMT DS    X                   and its CR0 byte 1 (page and
         DS    XL3                   segment size bits, X'F8')
VMVATFIL DS    F                   shadow entries filled (statistics)
VMVATPRG DS    F                   times purged (statistics)
*                                  -- PER (privmisc, privext.asm) --
VMPERILC DS    X                   the ILC of the PER program inter-
*                                    ruption pending (VMFPERP): after
*                                    an instruction CP emulated, or
*                                    the guest's SVC
*                                  -- its pages (paging.asm) --
VMPGTAB  DS    A                   its page records (PGREC, one per
*                                    page): a frame, from LOGON
VMPGIN   DS    F                   pages read in from their slots
VMPGOUT  DS    F                   pages written to their slots
VMPGTOT  DS    F                   pages it has: in frames or on slots
VMPGWFR  DS    A                   page wait: the frame its page is
*                                    being read into, or 0
VMPGWPG  DS    A                   ... and which page (guest address)
VMPGNXT  DS    A                   the next machine whose read waits
*                                    for the paging device (PGQHEAD)
VMPGWTS  DS    F                   times it waited for a page
*                                  -- (das) two spaces' shadows --
*  The first frame of the shadow tables holds two shadow segment
*  tables (vat.asm): A at +0 for the STD in VMVATCR1, B at +1K for
*  the STD in VMVATSB, so that a guest switching between its primary
*  and secondary space (SAC, PC, PT: vdas.asm) keeps both filled.
VMVATSB  DS    F                   the guest STD shadow B is for
VMVATCUR DS    A                   the shadow segment table in use
VMVATBF  DS    X                   X'01' B has an STD; X'02' B is
*                                    the next to take a new STD
*                                  -- (prefix) its prefix register --
VMPFX    DS    F                   the prefix SPX set (bits 8-19), or
*                                    0; while not 0 its real pages 0
*                                    and VMPFX are exchanged in its
*                                    page tables and page records
*                                    (prefix.asm); a channel's absolute
*                                    addresses go through PFXCOPY, PFXABS
*                                  -- (prefix) PER events CP makes --
VMPERIA  DS    A                   the address of the instruction CP
*                                    emulates with PER on (PRXPBEG)
VMPERCNT DS    F                   its VMPRVCNT: the events are armed
*                                    for it alone
VMPERCOD DS    X                   the PER code of the pending PER
*                                    interruption (VMFPERP): the CPU's
VMPERCP  DS    X                   CP's events for it (privext.asm)
*                                  -- pageio (paging.asm) --
VMFPGFW  EQU   X'08'               VMFLAG2: in page wait for a frame
*                                    (page-outs on their way free
*                                    them: PGWAKE)
VMPGNEW  DS    A                   the frame its last page wait read
*                                    its page into: the clock leaves it
*                                    alone until it faults again (has
*                                    run: the page is referenced)
*                                  -- a DIAGNOSE X'08''s DISPLAY --
VMD8DA   DS    F                   where it goes on (VMFD8DC)
VMD8DL   DS    F                   and how many bytes are left
VMD8IA   DS    F                   the address after the DIAGNOSE
VMD8BK   DS    F                   and its own (D8RUN's D8R70)
         DS    0D
VMBLKLEN EQU   *-VMBLOK
*
*---------------------------------------------------------------------*
* FTE: one real frame (paging.asm's frame table, PGFTAB: an entry per *
* 4K of real storage, by frame number).                               *
*---------------------------------------------------------------------*
FTE      DSECT
FTVM     DS    A                   the machine whose page it holds,
*                                    or 0: not a guest page (CP's,
*                                    free, a machine's DAT tables)
FTPAGE   DS    A                   which page: its guest real address
FTFLAG   DS    X                   its transfer on the paging device:
FTFOUT   EQU   X'80'                 its page on its way out: written
*                                    to FTSLOT, then the frame free
FTFIN    EQU   X'40'                 its page on its way in: read from
*                                    FTSLOT for FTVM's page wait
FTFRUN   EQU   X'20'                 the transfer runs now (PGAFTE)
FTLOCK   DS    X                   channel programs pointing into it:
*                                    not stolen while more than 0
FTSLOT   DS    H                   the slot of its transfer
FTNEXT   DS    A                   the next entry on the paging queue
FTLEN    EQU   *-FTE               (16: the frame number * 16)
*
*---------------------------------------------------------------------*
* PGREC: one page of a virtual machine, resident or not (paging.asm;  *
* VMPGTAB holds one per page, in page order).                         *
*---------------------------------------------------------------------*
PGREC    DSECT
PGSLOT   DS    H                   its paging slot (1 and up), or 0
PGKEY0   DS    X                   the first 2K: key and fetch bit
*                                    (bits 0-4) while the page is out;
*                                    the guest's reference and change
*                                    bits CP took from the real key
*                                    (bits 5-6, X'04' X'02')
PGCUR    EQU   X'01'                 (bit 7) its slot holds the page
*                                    as it is: no write to steal it
PGKEY1   DS    X                   the second 2K: the same
PGTOUCH  EQU   X'01'                 (bit 7) the page exists: touched
*                                    since LOGON or SYSTEM CLEAR
PGRECLEN EQU   *-PGREC
*
*---------------------------------------------------------------------*
* SFBLOK: one spool file (VM/370's SFBLOK).  SPFTAB, in CP's tables,  *
* holds SPMAXF of them; their records lie in frames of the spool area *
* (SPFRAMES frames set aside at start-up), chained through each       *
* frame's first word, records from byte 8 on.                         *
*---------------------------------------------------------------------*
SPMAXF   EQU   32                  spool files in the system
SPFRAMES EQU   32                  frames of the spool area (128K)
SPMAXREC EQU   1000                records in one spool file
SFBLOK   DSECT
SFID     DS    H                   spool id (1-9999)
SFSTAT   DS    X                   its state
SFFREE   EQU   0                     not in use
SFOPEN   EQU   1                     being written on a punch/printer
SFRDR    EQU   2                     closed: in SFDEST's reader
SFPRTQ   EQU   3                     closed: for the real printer
SFRPRT   EQU   4                     being printed on it
SFRRDR   EQU   5                     being read in by the real reader
SFTYPE   DS    X                   URTPUN or URTPRT: where it was made
SFOWNER  DS    CL8                 who made it
SFDEST   DS    CL8                 whose reader it is in
SFRECS   DS    F                   records in it
SFFIRST  DS    A                   its first frame, or 0
SFLAST   DS    A                   its last frame
SFRLEN   DS    H                   bytes a record (80, or 133: a line
*                                    with its CCW command first)
SFPERF   DS    H                   records a frame
SFRNEXT  DS    F                   records read so far (a reader)
SFRFRM   DS    A                   the frame being read, or 0
SFRIDX   DS    H                   the next record in that frame
         DS    H
SFSEQ    DS    F                   arrival order in readers
SFCLASS  DS    C                   spool class (A-Z, 0-9)
SFFLAG   DS    X                   flags
SFHOLD   EQU   X'80'                 user hold: not read, not printed
SFSYS    EQU   X'40'                 made by CP (the real reader):
*                                    FROM SYSTEM
SFCOPY   DS    X                   copies (1-99)
         DS    X
SFNAME   DS    CL8                 file name (NAME), or blanks
SFFTYPE  DS    CL8                 file type, or blanks
SFTOD    DS    XL8                 TOD clock when it was closed
SFLEN    EQU   *-SFBLOK
*
*---------------------------------------------------------------------*
* RDEV: one real terminal (a 3215 typewriter console).                *
* Output waits in a queue of RDEVQN slots; each slot is a command     *
* byte (X'09' write and new line, X'01' write), a length byte and up  *
* to 132 characters of text.                                          *
*---------------------------------------------------------------------*
RDEVQN   EQU   16                  slots in the output queue
QSLOTLEN EQU   136                 bytes per slot
RDEV     DSECT
RDEVADDR DS    H                   device address
RDEVFLAG DS    X                   flags
RDBUSY   EQU   X'80'                 an operation is running
RDREAD   EQU   X'40'                 ... and it is a read
RDATTN   EQU   X'20'                 attention: a typed line is waiting
ROPER    EQU   X'10'                 this is the operator's console
RDDEAD   EQU   X'08'                 not operational
RDINPUT  EQU   X'04'                 a line read, not yet routed
RDNOECH  EQU   X'01'                 ... read unprinted (X'1A'): CP
*                                    types it where it is used (TECHO)
RDOFF    EQU   X'02'                 disabled (DISABLE): no logo, and
*                                    nothing typed there is taken
*                                    while nobody is logged on
RDEVSTAT DS    X                   dialogue state
RDSCMD   EQU   0                     reading CP commands
RDSPASS  EQU   1                     reading the password for RDEVPUID
RDEVUSER DS    A                   VMBLOK of the user logged on, or 0
RDEVPUID DS    CL8                 userid waiting for its password
RDEVCCW  DS    D                   the CCW of the running operation
RDEVQIN  DS    H                   queue: next slot to fill
RDEVQOUT DS    H                   queue: next slot to send
RDEVQCNT DS    H                   queue: slots in use
RDEVRLEN DS    H                   the length of that line (RDINPUT)
RDEVMSK  DS    X                   1: a print inhibit (X'1B') is queued:
*                                    no read until it is out (TMASK)
RDEVBUF  DS    CL136               input buffer
RDEVQ    DS    0F                  the output queue
         ORG   RDEVQ+RDEVQN*QSLOTLEN
         DS    0D
RDEVLEN  EQU   *-RDEV
QSCMD    EQU   0                   slot: command code
QSLEN    EQU   1                   slot: text length
QSTEXT   EQU   4                   slot: the text
*
*---------------------------------------------------------------------*
* RDISK: one real disk (VM/370's RDEVBLOK for a DASD, cut down).      *
* INIT builds one for each disk SYSCONF lists in DASDCONF: the        *
* system residence volume first, then the volumes configured beside  *
* it.  A VDEV slot names its real disk by address (VDRDEV); LOGON    *
* points the slot's VDRDISK at the RDISK with that address.           *
*---------------------------------------------------------------------*
RDISK    DSECT
RDKADDR  DS    H                   device address
         DS    H
RDKVOL   DS    CL6                 volume serial (VOL1 label) or blanks
         DS    H
RDKLAST  DS    A                   the minidisk (VDEV slot) whose
*                                  program ran last on this disk: the
*                                  arm is where that program left it;
*                                  0 when nobody's program is known to
*                                  have put it where it is
*                                  -- the guests' requests (IOREQ) --
RDKACT   DS    A                   the IOBLOK whose program runs on it
RDKQ     DS    A                   the first IOBLOK waiting, or 0
RDKFLG   DS    X                   flags
RDKDONE  EQU   X'80'                 RDKACT's program is over: its
*                                    CSW is in RDKCSW, not yet served
         DS    XL3
RDKPFX   DS    F                   CCWs CP put before the guest's
RDKRCN   DS    F                   real CCWs in its translated program
RDKRCW   DS    A                   its own translation area: the real
RDKRCX   DS    A                     CCWs, their RCX entries and the
RDKIDW   DS    A                     IDAWs (CCW), in CP's tables
RDKDL    DS    D                   TOD clock: when the watchdog halts
*                                    the running program (100 ms)
RDKCSW   DS    D                   the CSW it ended with
RDKIDN   DS    F                   IDAWs its translated program uses:
*                                    the frames locked for it (paging)
         DS    F
RDISKLEN EQU   *-RDISK
*
*---------------------------------------------------------------------*
* IOBLOK: one guest disk request (VM/370's IOBLOK, cut down): a SIO   *
* on a minidisk, waiting in its real disk's queue (RDKQ, in order) or *
* running there (RDKACT).  A minidisk has at most one (a second SIO   *
* gets CC 2), so IOBTAB, in CP's tables, holds one per VDEV slot.     *
* The guest's channel program is translated when its request starts, *
* into the real disk's own area (RDKRCW): so CP's SEEK in front is   *
* decided by what really ran last on the disk, and the copy, its     *
* IDAWs and arguments stay put until the program is over.            *
*---------------------------------------------------------------------*
IOBLOK   DSECT
IOBNEXT  DS    A                   the next in the queue (or free)
IOBVM    DS    A                   the VMBLOK that issued the SIO
IOBVDEV  DS    A                   its VDEV slot (VMVDEVS)
         DS    F
IOBLEN   EQU   *-IOBLOK
*
*---------------------------------------------------------------------*
* DIRENTRY: one user in the CP directory (SYSDIR).                    *
*---------------------------------------------------------------------*
*  The minidisks follow: DIRNDEV entries of DIRDLEN bytes, room for
*  VMNVDEV.  Each: virtual address, real disk, first cylinder,
*  cylinders (the first 8 bytes of a VDEV slot), then flags (VDRO,
*  VDDED, DIRDLNK) and the MDISK's passwords for LINK (blanks: none).
*  Sysgen made them from the MDISK, LINK and DEDICATE statements.
DIRDLEN  EQU   36                  bytes a minidisk entry
DIRDFLG  EQU   8                     (flags, in an entry)
DIRDLNK  EQU   X'20'                   a LINK statement: another
*                                      user's MDISK, not one to LINK to
DIRDRPW  EQU   12                    read password (R, RR links)
DIRDWPW  EQU   20                    write password (W, WR links)
DIRDMPW  EQU   28                    multiple password (M, MR, MW)
*  Then the reader, punch and printer (DIRURS): VMNUR entries of
*  DIRURLEN bytes, each the device's address (0: the user has none),
*  its class (SPOOL ... class) and a spare byte.
DIRURLEN EQU   4                   bytes a SPOOL entry: H, C, X
DIRENTRY DSECT
DIRUSER  DS    CL8                 userid
DIRPASS  DS    CL8                 password
DIRSTOR  DS    F                   virtual storage size
DIRNDEV  DS    H                   minidisks
DIRCLASS DS    X                   privilege classes (CLASSA ...)
         DS    X
DIRDEVS  DS    (VMNVDEV*DIRDLEN)X  the minidisks
DIRURS   DS    (VMNUR*DIRURLEN)X   its reader, punch and printer, in
*                                  that order (SPOOL statements)
DIRLEN   EQU   *-DIRENTRY
*
*---------------------------------------------------------------------*
* The privilege classes (VM/370's): a bit each, in a user's VMCLASS   *
* and DIRCLASS and a command's COMCLASS.                              *
*---------------------------------------------------------------------*
CLASSA   EQU   X'80'               A: the primary system operator
CLASSB   EQU   X'40'               B: system resources operator
CLASSC   EQU   X'20'               C: system programmer
CLASSD   EQU   X'10'               D: spooling operator
CLASSE   EQU   X'08'               E: system analyst
CLASSF   EQU   X'04'               F: service representative
CLASSG   EQU   X'02'               G: general user
CLASSH   EQU   X'01'               H: reserved for IBM
CLASSANY EQU   X'FF'               any class ("Any" in VM/370's books)
CLASSBG  EQU   CLASSB+CLASSG       B or G (DETACH: a user's own device,
*                                  or the operator's form, raddr FROM)
*
*---------------------------------------------------------------------*
* COMENTRY: one CP command in the command table.                      *
*---------------------------------------------------------------------*
*  A logged-on user may use a command when COMFUSER is on and one of
*  the user's privilege classes (VMCLASS) is among the command's
*  (COMCLASS); for anyone else the command does not exist ("?CP:"), as
*  in VM/370, where DMKCFC looked only at the commands of the user's
*  classes.  An entry with COMCLASS 0 is for no logged-on user at all:
*  every entry must name its classes (CLASSG, CLASSA+CLASSB, CLASSANY).
COMENTRY DSECT
COMNAME  DS    CL8                 the command
COMMIN   DS    X                   shortest abbreviation accepted
COMFLAG  DS    X                   who may use it
COMFPRE  EQU   X'80'                 only before LOGON
COMFOPER EQU   X'40'                 also from the operator's console
*                                    while nobody is logged on there
COMFUSER EQU   X'20'                 from a logged-on user of a class
*                                    in COMCLASS
COMCLASS DS    X                   the privilege classes it is for
         DS    X
COMADDR  DS    A                   the routine
COMLEN   EQU   *-COMENTRY
*
*---------------------------------------------------------------------*
* RCX: what CP knows about one real CCW of a translated channel       *
* program (CCW): RCXTAB, in CP's tables, has one for each real CCW in *
* RCW, parallel to it.                                                *
*---------------------------------------------------------------------*
RCWMAX   EQU   64                  real CCWs in one translated program
IDAWMAX  EQU   512                 IDAWs in one (2K each: 1M of data)
RCX      DSECT
RCXGADR  DS    A                   the guest CCW its CSW names
RCXKEY   DS    A                   the guest CCW it copies, or -1
RCXMODE  DS    H                   copied as: 0 a command, X'01cc' data
*                                    of command cc, X'FFFF' neither
         DS    H
         DS    F
RCXARG   DS    XL8                 its argument, when it has one
RCXLEN   EQU   *-RCX
*
CP       CSECT
