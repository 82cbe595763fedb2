***********************************************************************
*  IOS: the real disks (DMKIOS, much simplified).                     *
*                                                                     *
*  Each real disk is an RDISK: the system residence volume and the    *
*  volumes sysgen configured beside it (DASDCONF).  Two kinds of      *
*  channel programs run on them:                                      *
*   - virtual machines' minidisk programs, asynchronously: a guest's  *
*     SIO queues a request (IOBLOK) on the real disk; one program at  *
*     a time runs on each disk, the others wait their turn in order,  *
*     and meanwhile every virtual machine runs - the guest that       *
*     issued the SIO too, until it waits.  The end arrives as an I/O  *
*     interruption: IOSNOTE keeps its CSW in the RDISK, and the       *
*     dispatcher has IOREQ (DMKIOQ) serve it: the guest's CSW, its    *
*     virtual interruption, the next request started;                 *
*   - CP's own (DASDREAD: the CMS nucleus at IPL CMS), synchronously  *
*     with SYNCIO, which first lets a guest's program running on that *
*     disk end.  CP waits with a wait PSW that only the disk's        *
*     channel may interrupt (CR2 holds one mask bit per channel); for *
*     the wait the I/O new PSW points here instead of to IOINT.       *
*     Terminals, on channel 0, keep their interruptions pending       *
*     meanwhile and get them afterwards.                              *
***********************************************************************
*
***********************************************************************
*  SYNCIO: run a channel program and wait until it has ended.         *
*  In:  R1 = real address of the first CCW, R2 = device address.      *
*  Out: SYNCCSW = the CSW; CC 0 if it ended cleanly (channel end and  *
*       device end, no unit check or exception, no channel error);    *
*       CC not 0 otherwise, or if the device is not there (R15 = 3),  *
*       or did not end within SYNCMAX (R15 = 4: it is halted), or if  *
*       the channel refused the program at SIO (R15 = 5: CC 1, the    *
*       CSW in SYNCCSW, as after three tries).                        *
*  A guest's program running on the disk ends first (or is halted by  *
*  its own watchdog); its end is kept for IOREQ (IOSNOTE).            *
*  Uses R0, R1, R15.                                                  *
***********************************************************************
SYNCIO   ENTER
         ST    R1,SYNCPGM
         BAL   R14,DKFIND          a guest's program running there?
         BNZ   SYNC08
         ICM   R0,15,RDKACT-RDISK(R1)
         BZ    SYNC08
         TM    RDKFLG-RDISK(R1),RDKDONE
         BO    SYNC08
         MVC   SYNCCKC,RDKDL-RDISK(R1)  yes: wait until its deadline
         BAL   R14,SYNWAIT
         BZ    SYNC05
         BAL   R14,HALTDEV         time up: halted, a program check
         BAL   R14,DKFIND
         MVC   RDKCSW-RDISK(8,R1),=X'000000000C200000'
         OI    RDKFLG-RDISK(R1),RDKDONE
         MVI   IOSPEND,1
         B     SYNC08
SYNC05   BAL   R14,IOSNOTE         over: IOREQ serves it later
         LH    R2,SYNCDEV
SYNC08   L     R1,SYNCPGM
         ST    R1,CAW
         MVI   SYNCTRY,3
SYNC10   SIO   0(R2)
         BC    8,SYNC20            CC 0: started
         BC    2,SYNC15            CC 2: busy
         BC    4,SYNC12            CC 1: status was pending
         LA    R15,3               CC 3: not there
         B     SYNCFAIL
SYNC12   SR    R0,R0               stale status, now cleared: again
         IC    R0,SYNCTRY            (IC leaves bits 0-23 alone)
         BCTR  R0,0
         STC   R0,SYNCTRY
         LTR   R0,R0
         BP    SYNC10
         LA    R15,5               the channel refuses the program
         MVC   SYNCCSW,CSW           itself (a bad first CCW)
         B     SYNCFAIL
SYNC15   LA    R15,2
         MVC   SYNCCSW,CSW
         B     SYNCFAIL
*  Started.  A program can loop for ever (TIC back to a NO-OP): the
*  wait ends after SYNCMAX (100 ms; the longest honest program on
*  these disks takes a few milliseconds).
SYNC20   STCK  SYNCCKC
         STM   R2,R5,SYNCREGS
         LM    R2,R3,SYNCCKC
         LM    R4,R5,SYNCMAX
         BAL   R14,DADD
         STM   R2,R3,SYNCCKC
         LM    R2,R5,SYNCREGS
         BAL   R14,SYNWAIT
         BNZ   SYNC60
         MVC   SYNCCSW,CSW
         TM    CSW+4,X'03'         unit check or exception?
         BNZ   SYNCBAD
         CLI   CSW+5,0             any channel error?
         BNE   SYNCBAD
         SR    R15,R15             CC 0
         LEAVE SYNCIO
SYNC60   BAL   R14,HALTDEV         stop the device, take its status
         MVC   SYNCCSW,=X'000000000C200000'   a program check
         LA    R15,4
         B     SYNCFAIL
SYNCBAD  LA    R15,1
SYNCFAIL L     R14,SYNCIOR
         LTR   R15,R15
         BR    R14
*
***********************************************************************
*  SYNWAIT: wait for device R2's device end, or until the TOD clock   *
*  reaches SYNCCKC.  Out: CC 0 and its CSW at X'40': it ended; CC not *
*  0: time is up.  Another real disk on the same channel that ends    *
*  meanwhile goes to IOSNOTE.  Uses R0, R1, R14.                      *
***********************************************************************
SYNWAIT  ST    R14,SYNWAITR
         LR    R1,R2               the channel's mask bit in CR2
         SRL   R1,8
         N     R1,=F'15'
         L     R0,=X'80000000'
         SRL   R0,0(R1)
         ST    R0,SYNCCR2
         LCTL  R2,R2,SYNCCR2
         MVC   SYNCSAVE,IONPSW     catch the interruption here
         MVC   IONPSW(8),SYNCNEW
         MVC   SYNCESAV,EXTNPSW
         MVC   EXTNPSW(8),SYNCTNEW
         SCKC  SYNCCKC
         LCTL  R0,R0,SYNCCR0       the clock comparator only
         STH   R2,SYNCDEV
SYNC30   LPSW  SYNCWAIT
SYNC40   CLC   IODEV,SYNCDEV       (I/O new PSW while waiting)
         BE    SYNC45
         BAL   R14,IOSNOTE         another disk: IOREQ's business
         LH    R2,SYNCDEV
         B     SYNC30
SYNC45   TM    CSW+4,X'04'         device end: over
         BZ    SYNC30
         BAL   R14,SYNCRST
         L     R14,SYNWAITR
         CR    R14,R14             CC 0
         BR    R14
SYNC50   CLC   EXTCODE,=X'1004'    (external new PSW: time is up?)
         BNE   SYNC30
         BAL   R14,SYNCRST
         L     R14,SYNWAITR
         LTR   R14,R14             CC not 0
         BR    R14
*  SYNCRST: the PSWs and control registers as they were.
SYNCRST  MVC   IONPSW(8),SYNCSAVE
         MVC   EXTNPSW(8),SYNCESAV
         LCTL  R2,R2,ALLCHANS
         LCTL  R0,R0,CPCR0
         SCKC  CKCNEVER
         BR    R14
*
***********************************************************************
*  HALTDEV: stop device R2 (HALT DEVICE) and take the status the halt *
*  leaves pending (else the next SIO finds the device busy with it).  *
*  Out: CC 1 and the CSW at X'40' when there was status, else CC 0.   *
***********************************************************************
HALTDEV  HDV   0(R2)
HALT10   TIO   0(R2)
         BC    2,HALT10            CC 2: still working
         BR    R14
*
***********************************************************************
*  IOSNOTE: the I/O interruption at IODEV (its CSW at X'40'): if it   *
*  is a real disk's, and the device end of the guest program running  *
*  there (RDKACT), the CSW goes to its RDISK (RDKCSW, RDKDONE) and    *
*  IOSPEND tells the dispatcher to have IOREQ serve it (IOSWORK).     *
*  CP's paging device's goes to paging.asm (PGIOINT: a page read in). *
*  Out: CC 0 if IODEV is a real disk (nothing more to do with the     *
*  interruption), CC not 0 if it is not.  Uses R0-R2.                 *
***********************************************************************
IOSNOTE  LH    R2,IODEV
         ST    R14,IOSNOTER
         CLC   IODEV,PAGDEV        CP's paging device (paging.asm)?
         BNE   IOSN05
         CALL  PGIOINT
         L     R14,IOSNOTER
         CR    R14,R14             CC 0: served
         BR    R14
IOSN05   BAL   R14,DKFIND
         L     R14,IOSNOTER
         BNZR  R14                 not a real disk
         ICM   R0,15,RDKACT-RDISK(R1)  a guest's program running?
         BZ    IOSN90
         TM    RDKFLG-RDISK(R1),RDKDONE
         BO    IOSN90
         TM    CSW+4,X'04'         its device end?
         BZ    IOSN90
         MVC   RDKCSW-RDISK(8,R1),CSW
         OI    RDKFLG-RDISK(R1),RDKDONE
         MVI   IOSPEND,1
IOSN90   CR    R1,R1               CC 0
         BR    R14
IOSNOTER DS    F
*
SYNCIOR  DS    F
SYNWAITR DS    F
SYNCPGM  DS    A
SYNCREGS DS    4F
SYNCCR2  DS    F
ALLCHANS DC    X'FFFFFFFF'
SYNCDEV  DS    H
SYNCTRY  DS    X
IOSPEND  DC    X'00'               1: IOSWORK has work (a program over,
*                                    or a request to start)
IOSNACT  DC    F'0'                real disks running a guest program
IOBFREE  DC    A(0)                the free IOBLOKs (IOBTAB)
         DS    0D
IOSDL    DC    X'FFFFFFFFFFFFFFFF' the earliest RDKDL (for the clock
*                                    comparator), or "never"
SYNCCSW  DS    D
SYNCSAVE DS    D
SYNCESAV DS    D
SYNCCKC  DS    D
SYNCMAX  DC    F'0',F'409600000'   100 ms in TOD units (1 us = 4096)
         DS    0D
SYNCNEW  DC    X'00080000',A(SYNC40)   EC, disabled
SYNCTNEW DC    X'00080000',A(SYNC50)   EC, disabled
SYNCWAIT DC    X'030A0000',A(0)        EC, I/O, external, wait
SYNCCR0  DC    X'00800800'         CR0: the clock comparator, no timer
*
***********************************************************************
*  DASDREAD: read one record from a disk into real storage.           *
*  DASDWRIT: write one (the record must be there, that long).         *
*  In:  R2 = device address, R3 = cylinder, R4 = head, R5 = record,   *
*       R6 = real address to read into (write from), R7 = length.     *
*  Out: CC as SYNCIO.  Uses R0, R1, R15.                              *
*  The channel program is the classic one:                            *
*     SEEK BBCCHH / SEARCH ID EQUAL CCHHR / TIC back to the search /  *
*     READ DATA - the search repeats until the record comes round.    *
***********************************************************************
DASDWRIT ST    R14,DASDRR
         MVI   DRCMD,X'05'         WRITE DATA
         B     DR05
DASDREAD ST    R14,DASDRR
         MVI   DRCMD,X'06'         READ DATA
DR05     BAL   R14,DKFIND          the arm is CP's now, no guest's
         BNZ   DR10
         XC    RDKLAST-RDISK(4,R1),RDKLAST-RDISK(R1)
DR10     DS    0H
         XC    DRSEEK,DRSEEK       BB CC HH
         STH   R3,DRSEEK+2
         STH   R4,DRSEEK+4
         MVC   DRID(4),DRSEEK+2    CC HH R
         STC   R5,DRID+4
         ST    R6,DRCCWS+24        READ (WRITE) DATA at R6 ...
         MVC   DRCCWS+24(1),DRCMD
         STH   R7,DRCCWS+30        ... R7 bytes
         LA    R1,DRCCWS
         BAL   R14,SYNCIO
         L     R14,DASDRR
         BR    R14
DASDRR   DS    F
DRCMD    DS    X
         DS    0D
DRCCWS   CCW   X'07',DRSEEK,X'40',6    SEEK
         CCW   X'31',DRID,X'40',5      SEARCH ID EQUAL
         CCW   X'08',DRCCWS+8,0,1      TIC back to the search
         CCW   X'06',0,X'20',1         READ DATA (address, count above)
DRSEEK   DS    XL6
DRID     DS    XL5
*
***********************************************************************
*  DKFIND: the RDISK of the real disk at device address R2.           *
*  Out: CC 0 and R1 -> it; or CC not 0 and R1 = 0 when no real disk  *
*  has that address.  Uses R0, R1.                                    *
***********************************************************************
DKFIND   L     R1,=A(RDISKTAB)
         LA    R0,NUMDASD
DKF10    CH    R2,RDKADDR-RDISK(R1)
         BER   R14                 CC 0: this one
         LA    R1,RDISKLEN(R1)
         BCT   R0,DKF10
         SR    R1,R1               none
         LTR   R14,R14             CC not 0 (R14 is an address)
         BR    R14
*
***********************************************************************
*  DKFORGET: a machine is going (LOGOFF): no real disk's arm is any   *
*  longer "where one of its minidisks left it" - RDKLAST pointing     *
*  into its VMBLOK becomes 0, so the next program on that disk starts *
*  with CP's SEEK, whoever gets the VMBLOK next.                       *
*  In: R11 = VMBLOK.  Uses R0, R1, R15.                               *
***********************************************************************
DKFORGET L     R1,=A(RDISKTAB)
         LA    R15,NUMDASD
DKFG10   L     R0,RDKLAST-RDISK(R1)
         CR    R0,R11              inside the VMBLOK?
         BL    DKFG20
         S     R0,=A(VMBLKLEN)
         CR    R0,R11
         BNL   DKFG20
         XC    RDKLAST-RDISK(4,R1),RDKLAST-RDISK(R1)
DKFG20   LA    R1,RDISKLEN(R1)
         BCT   R15,DKFG10
         BR    R14
