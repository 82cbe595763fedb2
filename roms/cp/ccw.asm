***********************************************************************
*  CCW: channel-program translation for minidisks (DMKCCW, DMKUNT).   *
*                                                                     *
*  A guest's channel program speaks guest real addresses and the      *
*  cylinders of its own minidisk; the real channel wants real         *
*  addresses and real cylinders.  So CP builds a real channel program *
*  (RCW) that does what the guest's would do on a disk of its own,    *
*  and runs that.  It is also the wall between users: whatever CCWs a *
*  guest writes, the real program CP builds may touch only that       *
*  guest's frames and that guest's cylinders.  Three rules make it so *
*  whatever path the real channel takes through the copy:             *
*                                                                     *
*   1. DATA.  Every real CCW's data is either a list of real          *
*      addresses CP made (IDAWs, the X'04' flag) for the guest's own  *
*      frames, or a copy CP made of an argument, in a slot no other   *
*      real CCW can write into.  A guest address never reaches the    *
*      real channel.                                                  *
*   2. THE ARM.  Only CP's own SEEKs move the access arm to another   *
*      cylinder: a guest SEEK, SEEK CYLINDER, RECALIBRATE or READ IPL *
*      becomes a SEEK whose argument CP copied, checked and moved by  *
*      the minidisk's first cylinder (a cylinder beyond the minidisk  *
*      becomes X'FFFF', which the real disk refuses, as a disk of the *
*      minidisk's size would).  Each real disk (RDISK) remembers     *
*      whose program ran on it last (RDKLAST); unless it was this     *
*      minidisk's, CP's copy starts with a SEEK to where the guest    *
*      last put its arm: a program with no SEEK works on its own      *
*      cylinder, not where another user left the arm.  Other commands *
*      stay on the cylinder (multi-track operations stop at its end). *
*      A dedicated disk (DEDICATE) is a minidisk of every cylinder    *
*      from 0: the same rules hold, with nothing to move.             *
*   3. THE PATH.  The channel, not the command byte, decides what a   *
*      CCW is (Principles of Operation, chapter 13): after a CCW with *
*      chain data (X'80') the next one continues that command's data  *
*      and its own command byte is ignored; after chain command       *
*      (X'40') it is a new command; after a search that succeeds      *
*      (status modifier) the channel skips one CCW; a TIC goes on     *
*      wherever it points, in the same chain.  CP follows exactly     *
*      these paths, copying each CCW as what the channel will take it *
*      for, so the copy of a data-chained X'07' is data, not a SEEK.  *
*      Each path ends with a "fence": a CCW with count 0, which the   *
*      channel refuses (program check), so nothing left over from an  *
*      earlier translation is ever run.                               *
*                                                                     *
*  A CCW the real channel would refuse (count 0, data beyond the      *
*  machine's storage, a TIC to a TIC or off a doubleword) is copied   *
*  as a fence too: the guest gets its program check when, and only    *
*  when, the channel reaches that CCW, with the CSW naming it.        *
*                                                                     *
*  Arguments that name a place on the disk are moved to the real one: *
*     SEEK X'07', SEEK CYL X'0B', SEEK HEAD X'1B'    BBCCHH, CC at +2 *
*     SEARCH ID X'31' X'51' X'71' (and multi-track)  CCHHR,  CC at +0 *
*     SEARCH HA X'39' (and multi-track)              CCHH,   CC at +0 *
*     WRITE CKD X'1D', WRITE R0 X'15', ERASE X'11',                   *
*     WRITE SPECIAL CKD X'01'                  count area, CC at +0   *
*  An argument split over data-chained CCWs is gathered into one      *
*  copy; the copy's count is the chain's (at most 8, all the device   *
*  takes).  The count area of a write must be in the first CCW.       *
*                                                                     *
*  Limits (a program beyond them gets a program check at the CCW      *
*  that did not fit): RCWMAX real CCWs, IDAWMAX IDAWs (1M of data).   *
*  READ HOME ADDRESS is refused on a minidisk (command reject): it    *
*  would show the real cylinder (on a dedicated disk it is the        *
*  guest's own, and runs).  READ COUNT, READ R0 and READ CKD show the *
*  real cylinder in the count areas they read (only where the         *
*  minidisk lies is learned that way, nothing of anyone else's).      *
*  Left out: PCI (CP runs the program to its end, so the guest gets   *
*  no PCI interruption); the guest's own IDAWs on an argument.        *
*                                                                     *
*  RCXTAB holds, for each real CCW, the guest CCW its CSW names, the  *
*  guest CCW and mode it copies (so a TIC finds its target), and its  *
*  argument copy.  UNTRANS turns the real CSW back into the guest's.  *
*  RCW, RCXTAB and the IDAW lists are among CP's tables (cp.asm); the *
*  RCX DSECT, RCWMAX and IDAWMAX are in BLOCKS.  Each real disk has   *
*  its own part of them (RDKRCW, RDKRCX, RDKIDW: CTAREA), because a   *
*  program runs on each disk at once and its copy must stay as it is  *
*  until it ends; what CTARM and UNTRANS need then is kept in the     *
*  RDISK too (RDKPFX, RDKRCN, RDKCSW).                                *
*                                                                     *
*  A module: its own CSECT, R13 its base (ENTER).  IOREQ calls        *
*  CCWTRANS when a request starts, CTARM and UNTRANS when it ends.    *
***********************************************************************
CTCD     EQU   X'80'               CCW flags: chain data
CTCC     EQU   X'40'                 chain command
CTPCI    EQU   X'08'                 program-controlled interruption
CTIDA    EQU   X'04'                 indirect data addressing
DMKCCW   CSECT
         USING DMKCCW,R13          the module's base (ENTER sets it)
*
***********************************************************************
*  CCWTRANS: translate the guest channel program at VDCCWA into RCW.  *
*  In: R11 = VMBLOK.  Out: RCW ready (always: any error the guest     *
*  made is a fence in it).  Uses R0-R8, R15.                          *
*                                                                     *
*  The walk: R7 is the guest CCW being copied, CTMODE says what the   *
*  channel will take it for, R8 counts the real CCWs made, R6 points  *
*  at the last one and R5 at its RCX entry.  A path ends at a CCW     *
*  with no chaining; then a TIC whose target has no copy yet in its   *
*  mode starts the next path.  At the end every TIC is pointed at its *
*  target's copy.                                                     *
***********************************************************************
CCWTRANS ENTER
         USING VMBLOK,R11
         USING RCX,R5
         BAL   R14,CTAREA          the real disk's translation area
         SR    R8,R8               no real CCWs yet
         XC    CTIDAN,CTIDAN       no IDAWs
         XC    CTTICN,CTTICN       no TICs
         MVI   CTFULL,0
         L     R7,VDCCWA           the guest's first CCW
         TM    VDFLAGS,VDRO+VDIPLC read-only: always CP's SEEK and
         BNZ   CT03                  a file mask; an IPL: the SEEK
         L     R1,VDRDISK          was the last program on this real
         CLC   RDKLAST-RDISK(4,R1),VMVDCUR  disk this minidisk's?
         BE    CT05                  Then the arm is where it left it.
*  CP's SEEK to where the guest's arm is: BB=0, CC, HH.
CT03     BAL   R14,CTNEW
         LR    R0,R7               (its CSW names the first CCW)
         SH    R0,=H'8'
         ST    R0,RCXGADR
         BAL   R14,CTSEEKV
         MVI   4(R6),CTCC          chained to the guest's program
*  A read-only minidisk: SET FILE MASK "inhibit all writes" (X'40'),
*  so the real disk refuses any write with a unit check, as a file-
*  protected disk does.  (The guest's own SET FILE MASK then gets
*  command reject: one per chain.)
         TM    VDFLAGS,VDRO
         BZ    CT04
         BAL   R14,CTNEW
         LR    R0,R7
         SH    R0,=H'8'
         ST    R0,RCXGADR
         MVI   RCXARG,X'40'
         LA    R0,RCXARG
         ST    R0,0(R6)
         MVI   0(R6),X'1F'         SET FILE MASK
         MVI   4(R6),CTCC
         MVI   7(R6),1
*  The rest of an IPL (VDIPLC, vipl.asm): the disk must stand where
*  READ IPL left it, just past record 1 of the minidisk's cylinder 0,
*  head 0, where CP's SEEK has put the arm: SEARCH ID EQUAL for that
*  record, a TIC back to the search, and READ DATA of one byte of it
*  into CP's own copy.  The guest's chain at 8 goes on from there.
CT04     TM    VDFLAGS,VDIPLC
         BZ    CT05
         NI    VDFLAGS,X'FF'-VDIPLC
         BAL   R14,CTNEW           SEARCH ID EQUAL cc 0 1
         LR    R0,R7
         SH    R0,=H'8'
         ST    R0,RCXGADR
         LH    R0,VDRELN
         STH   R0,RCXARG           CC (the minidisk's cylinder 0)
         MVI   RCXARG+4,1          HH 0, R 1
         LA    R0,RCXARG
         ST    R0,0(R6)
         MVI   0(R6),X'31'
         MVI   4(R6),CTCC
         MVI   7(R6),5
         ST    R6,CTIPLS
         BAL   R14,CTNEW           TIC back to it
         LR    R0,R7
         SH    R0,=H'8'
         ST    R0,RCXGADR
         MVC   0(4,R6),CTIPLS
         MVI   0(R6),X'08'
         MVI   7(R6),1
         BAL   R14,CTNEW           READ DATA, one byte (SLI)
         LR    R0,R7
         SH    R0,=H'8'
         ST    R0,RCXGADR
         LA    R0,RCXARG
         ST    R0,0(R6)
         MVI   0(R6),X'06'
         MVI   4(R6),CTCC+X'20'
         MVI   7(R6),1
CT05     L     R1,VDRDISK          from now on the arm of this real
         MVC   RDKLAST-RDISK(4,R1),VMVDCUR  disk is this minidisk's
         ST    R8,CTPFX              (if CP's CCWs before it work:
*                                    CTARM checks after the I/O)
         XC    CTMODE,CTMODE       the first CCW is a command
         MVI   CTPSRCH,0
         MVI   CTFIRST,1
*
*  Copy the CCW at R7 as CTMODE says.
CT10     ST    R7,CTKEYG           (a fence made for it names it)
         BAL   R14,CTFETCH         CTCCW = the guest's CCW
         BNZ   CTPOIS              not in its storage, or not on a DW
         IC    R0,CTCCW            TIC?
         N     R0,=F'15'
         CH    R0,=H'8'
         BE    CTTIC
         MVI   CTFIRST,0
         SR    R4,R4               count zero: the channel refuses it
         ICM   R4,3,CTCCW+6
         BZ    CTPOIS
         CLI   CTMODE,0            data of the command before it?
         BNE   CTCONT
         LA    R1,CTCMDS           a command: which kind?
CT20     CLC   0(1,R1),CTCCW
         BE    CT25
         CLI   0(R1),0             (the last entry: all the rest)
         BE    CT25
         LA    R1,4(R1)
         B     CT20
CT25     L     R15,0(R1)
         N     R15,=X'00FFFFFF'
         BR    R15
*
*  The commands CP treats specially; everything else moves data.
CTCMDS   DC    X'07',AL3(CTSEEK)   SEEK
         DC    X'0B',AL3(CTSEEK)   SEEK CYLINDER
         DC    X'1B',AL3(CTSEEK)   SEEK HEAD
         DC    X'13',AL3(CTRECAL)  RECALIBRATE
         DC    X'02',AL3(CTRIPL)   READ IPL
         DC    X'31',AL3(CTSRID)   SEARCH ID EQUAL
         DC    X'51',AL3(CTSRID)   SEARCH ID HIGH
         DC    X'71',AL3(CTSRID)   SEARCH ID HIGH OR EQUAL
         DC    X'B1',AL3(CTSRID)   ... multi-track
         DC    X'D1',AL3(CTSRID)
         DC    X'F1',AL3(CTSRID)
         DC    X'39',AL3(CTSRHA)   SEARCH HOME ADDRESS EQUAL
         DC    X'B9',AL3(CTSRHA)   ... multi-track
         DC    X'1D',AL3(CTWCNT)   WRITE COUNT, KEY AND DATA
         DC    X'15',AL3(CTWCNT)   WRITE R0
         DC    X'11',AL3(CTWCNT)   ERASE
         DC    X'01',AL3(CTWCNT)   WRITE SPECIAL COUNT, KEY AND DATA
         DC    X'03',AL3(CTNOP)    NO-OPERATION
         DC    X'1A',AL3(CTREJ)    READ HOME ADDRESS
         DC    X'9A',AL3(CTREJ)    ... multi-track
         DC    X'00',AL3(CTDATA)   anything else
*
*  A command that moves data: the same CCW, its data through IDAWs.
CTDATA   BAL   R14,CTNEW
         BNZ   CTFULLP
         MVC   0(8,R6),CTCCW
         ST    R7,RCXKEY           a TIC may lead here as a command
         XC    RCXMODE,RCXMODE
         BAL   R14,CTDAREA
         BNZ   CTPOIS1
         B     CTNEXT
*
*  Data of the command before it: the channel ignores its command
*  byte, so the copy carries that command's (harmless however the
*  copy is reached).
CTCONT   BAL   R14,CTNEW
         BNZ   CTFULLP
         MVC   0(8,R6),CTCCW
         MVC   0(1,R6),CTMODE+1
         ST    R7,RCXKEY
         MVC   RCXMODE,CTMODE
         BAL   R14,CTDAREA
         BNZ   CTPOIS1
         B     CTNEXT
*
*  READ HOME ADDRESS would show the real cylinder: on a minidisk it
*  is refused, as a command the disk does not know (X'FF': unit
*  check, command reject), with no data moved.  A dedicated disk's
*  home address is the guest's own: it reads it.
CTREJ    TM    VDFLAGS,VDDED
         BO    CTDATA
         MVI   CTCCW,X'FF'
*
*  NO-OPERATION moves no data; its IDAWs point at CP's bucket, so its
*  address and count need not be the guest's to be harmless.
CTNOP    BAL   R14,CTNEW
         BNZ   CTFULLP
         MVC   0(8,R6),CTCCW
         ST    R7,RCXKEY
         XC    RCXMODE,RCXMODE
         NI    4(R6),X'FF'-CTPCI-CTIDA
         SR    R4,R4
         ICM   R4,3,6(R6)
         BAL   R14,CTBKT
         BNZ   CTPOIS1
         STCM  R3,7,1(R6)
         OI    4(R6),CTIDA
         B     CTNEXT
*
*  SEEK, SEEK CYLINDER: BB must be 0 and CC on the minidisk; then CC
*  moves to the real cylinder and CP remembers where the arm is.
*  SEEK HEAD keeps the cylinder (the device ignores CC): only HH.
CTSEEK   LA    R0,6
         BAL   R14,CTARGC
         BNZ   CTPOIS1
         CLC   6(2,R6),=H'6'       the whole argument?
         BL    CTNEXT              (no: the disk refuses it)
*  (Every real disk is a 3350, as the system residence volume is:
*  sysgen takes no other.  So they all have NSSHPC heads.)
         CLC   RCXARG+4(2),NSSHPC  a head the disk has?
         BNL   CTNEXT              (no: it refuses the seek)
         CLI   0(R6),X'1B'
         BE    CTSK20
         OC    RCXARG(2),RCXARG    BB
         BNZ   CTSK10
         SR    R0,R0
         ICM   R0,3,RCXARG+2       CC
         CH    R0,VDCYLS
         BNL   CTSK10
         STH   R0,VDVCYL
         AH    R0,VDRELN
         STCM  R0,3,RCXARG+2
CTSK20   MVC   VDVHEAD,RCXARG+4
         B     CTNEXT
CTSK10   MVC   RCXARG+2(2),=X'FFFF'  no disk has it: command reject
         B     CTNEXT
*
*  SEARCH ID (CCHHR) and SEARCH HA (CCHH): move CC.
CTSRID   LA    R0,5
         B     CTSR10
CTSRHA   LA    R0,4
CTSR10   BAL   R14,CTARGC
         BNZ   CTPOIS1
         LA    R3,RCXARG
         BAL   R14,CTRELOC
         B     CTNEXT
*
*  RECALIBRATE: to cylinder 0 of the minidisk, as a SEEK.
CTRECAL  BAL   R14,CTNEW
         BNZ   CTFULLP
         ST    R7,RCXKEY
         XC    RCXMODE,RCXMODE
         BAL   R14,CTSEEK0
         IC    R0,CTCCW+4          chain command and SLI stay
         N     R0,=X'00000063'
         STC   R0,4(R6)
         B     CTNEXT
*
*  READ IPL: SEEK to cylinder 0 head 0 of the minidisk, SEARCH ID for
*  record 1 there, TIC back to the search, READ DATA: what the real
*  command does, on the guest's disk.
CTRIPL   C     R8,=A(RCWMAX-5)     room for four?
         BH    CTFULLP
         BAL   R14,CTNEW           the SEEK
         ST    R7,RCXKEY
         XC    RCXMODE,RCXMODE
         BAL   R14,CTSEEK0
         MVI   4(R6),CTCC
         BAL   R14,CTNEW           the SEARCH ID EQUAL
         ST    R6,CTSRCHA
         XC    RCXARG,RCXARG
         LH    R0,VDRELN
         STH   R0,RCXARG
         MVI   RCXARG+4,1          record 1
         LA    R0,RCXARG
         ST    R0,0(R6)
         MVI   0(R6),X'31'
         MVI   4(R6),CTCC
         MVI   7(R6),5
         BAL   R14,CTNEW           the TIC
         L     R0,CTSRCHA
         ST    R0,0(R6)
         MVI   0(R6),X'08'
         BAL   R14,CTNEW           the READ DATA: the guest's area
         MVC   0(8,R6),CTCCW
         MVI   0(R6),X'06'
         BAL   R14,CTDAREA
         BNZ   CTPOIS1
         B     CTNEXT
*
*  WRITE CKD, WRITE R0, ERASE, WRITE SPECIAL CKD: the count area they
*  write names the record's cylinder, which must be the real one, or
*  no SEARCH ID would find the record again.  So the first 8 bytes
*  come from CP's moved copy, and the key and data follow, chained,
*  from the guest's storage.
CTWCNT   TM    CTCCW+4,CTIDA       (the guest's own IDAWs: not here)
         BO    CTPOIS
         CLC   CTCCW+6(2),=H'8'    the whole count area in this CCW
         BL    CTPOIS
         BAL   R14,CTNEW
         BNZ   CTFULLP
         ST    R7,RCXKEY
         XC    RCXMODE,RCXMODE
         MVC   0(1,R6),CTCCW
         L     R2,CTCCW
         N     R2,=X'00FFFFFF'
         LA    R3,RCXARG
         LA    R4,8
         BAL   R14,GCOPYAI
         BNZ   CTPOIS1
         BAL   R14,CTX             (R5 again: GCOPYIN used it)
         LA    R3,RCXARG
         BAL   R14,CTRELOC
         LA    R0,RCXARG
         STCM  R0,7,1(R6)
         MVI   7(R6),8
         IC    R0,CTCCW+4          the guest's flags, without PCI
         N     R0,=X'000000F3'
         STC   R0,4(R6)
         SR    R4,R4
         ICM   R4,3,CTCCW+6
         SH    R4,=H'8'            key and data?
         BZ    CTNEXT
         MVI   4(R6),CTCD          yes: chained to a second CCW
         BAL   R14,CTNEW
         BNZ   CTFULLP
         MVC   0(8,R6),CTCCW       (the same command: harmless)
         STH   R4,6(R6)
         L     R2,CTCCW
         LA    R2,8(R2)
         STCM  R2,7,1(R6)
         BAL   R14,CTDAREA
         BNZ   CTPOIS1
         B     CTNEXT
*
*  TIC: a TIC the CAW names, or one off a doubleword, the channel
*  refuses.  Its target is filled in at the end (CTRESOLV); for now
*  the copy holds the guest's target.  After a search, the channel
*  may skip the TIC: the path goes on behind it.
CTTIC    CLI   CTFIRST,1
         BE    CTPOIS
         L     R2,CTCCW
         N     R2,=X'00FFFFFF'
         LR    R0,R2
         N     R0,=F'7'
         BNZ   CTPOIS
         BAL   R14,CTNEW
         BNZ   CTFULLP
         MVI   0(R6),X'08'
         STCM  R2,7,1(R6)
         ST    R7,RCXKEY
         MVC   RCXMODE,CTMODE
         L     R1,CTTICN           remember it
         LA    R0,1(R1)            (not LA R0,1(R0): R0 is no base)
         ST    R0,CTTICN
         SLL   R1,2
         LR    R0,R8
         BCTR  R0,0
         ST    R0,CTTICS(R1)
         CLI   CTPSRCH,1           can a search before it skip it?
         BNE   CTEND0              no: this path ends here
         MVI   CTPSRCH,0
         LA    R7,8(R7)
         B     CT10
*
*  After a copy (R6 its last real CCW, R7 the guest's): where does the
*  channel go?  Chain data: on to the next CCW, as data of this
*  command.  Chain command: on to the next, a command; and if this
*  is a search, its success will skip one.  Neither: the path ends,
*  unless the search before this CCW can skip to the one after it.
CTNEXT   XC    CTMODE,CTMODE
         TM    4(R6),CTCD
         BZ    CTN10
         MVI   CTMODE,1
         MVC   CTMODE+1(1),0(R6)
         B     CTN30
CTN10    TM    4(R6),CTCC
         BZ    CTN20
         IC    R0,0(R6)            a search (ID, key, HA; any track)?
         N     R0,=X'0000007F'
         LA    R1,CTSRCHS
CTN12    CLI   0(R1),0
         BE    CTN30
         CLM   R0,1,0(R1)
         BE    CTN14
         LA    R1,1(R1)
         B     CTN12
CTN14    MVI   CTPSRCH,1
         B     CTN40
CTN20    CLI   CTPSRCH,1
         BNE   CTEND
CTN30    MVI   CTPSRCH,0
CTN40    LA    R7,8(R7)
         B     CT10
CTSRCHS  DC    X'31517129496939',X'00'
*
*  A path ends: a fence behind it (CTEND), or the fence is already
*  there (CTEND0).  Then the next path, from a TIC whose target has
*  no copy in the TIC's mode yet.
CTEND    BAL   R14,CTLAST
         BNZ   CTRESOLV
         MVC   0(8,R6),CTFENCE
CTEND0   CLI   CTFULL,1
         BE    CTRESOLV
         SR    R3,R3
CTE10    C     R3,CTTICN
         BNL   CTRESOLV
         BAL   R14,CTTICAT         R6, R5 = that TIC, R2 its target
         LH    R0,RCXMODE
         BAL   R14,CTFIND
         BZ    CTE20               (has a copy)
         LR    R7,R2               a new path from there
         MVC   CTMODE,RCXMODE
         MVI   CTPSRCH,0
         B     CT10
CTE20    LA    R3,1(R3)
         B     CTE10
*
*  The end: every TIC to its target's copy (or, if the program did
*  not fit, to the fence at the end).
CTRESOLV SR    R3,R3
CTR10    C     R3,CTTICN
         BNL   CTDONE
         BAL   R14,CTTICAT
         LH    R0,RCXMODE
         BAL   R14,CTFIND
         BZ    CTR20
         LR    R1,R8               not copied: the last CCW, a fence
         BCTR  R1,0
         SLL   R1,3
         A     R1,CTRCW
CTR20    STCM  R1,7,1(R6)
         LA    R3,1(R3)
         B     CTR10
CTDONE   L     R1,VDRDISK          what CTARM and UNTRANS need
         ST    R8,RDKRCN-RDISK(R1)   when the program is over
         MVC   RDKPFX-RDISK(4,R1),CTPFX
         LEAVE CCWTRANS
CCWTRANSR DS   F
CCWTRANSB DS   F
*
*  A CCW the channel would refuse: a fence in its place.  CTPOIS1 if
*  the real CCW is already made (R6), CTPOIS to make one.  CTFULLP:
*  no room left for the program: a fence, and no more paths.
CTFULLP  MVI   CTFULL,1
CTPOIS   BAL   R14,CTLAST
         BNZ   CTRESOLV
CTPOIS1  MVC   0(8,R6),CTFENCE
         BAL   R14,CTX
         MVC   RCXKEY,CTKEYG       (a TIC to it finds it)
         MVC   RCXMODE,CTMODE
         ST    R7,RCXGADR          its CSW names the CCW at fault
         B     CTEND0
*
***********************************************************************
*  CTNEW: make the next real CCW, zero, naming R7 in its CSW, not a   *
*  TIC target.  One CCW always stays free for a fence (CTLAST takes   *
*  it).  Out: CC 0, R6 -> the CCW, R5 -> its RCX, R8 counted; or      *
*  CC not 0 if there is no room.  Uses R0, R5, R6.                    *
***********************************************************************
CTNEW    C     R8,=A(RCWMAX-1)
         BNL   CTNEWX
CTNEW10  LR    R6,R8
         SLL   R6,3
         A     R6,CTRCW
         XC    0(8,R6),0(R6)
         LA    R8,1(R8)
         LR    R0,R14
         BAL   R14,CTX
         LR    R14,R0
         ST    R7,RCXGADR
         MVC   RCXKEY,=F'-1'
         MVC   RCXMODE,=X'FFFF'
         XC    RCXARG,RCXARG
         CR    R8,R8               CC 0
         BR    R14
CTNEWX   LTR   R14,R14             CC not 0
         BR    R14
CTLAST   C     R8,=A(RCWMAX)
         BL    CTNEW10
         MVI   CTFULL,1
         LTR   R14,R14
         BR    R14
*
*  CTX: R5 -> the RCX entry of the real CCW at R6.  Uses R5.
CTX      LR    R5,R6
         S     R5,CTRCW
         MH    R5,=AL2(RCXLEN/8)
         A     R5,CTRCX
         BR    R14
*
*  CTTICAT: R6 -> the R3'th TIC remembered, R5 its RCX, R2 = its
*  target (the guest address, or the copy once resolved).  Uses R0.
CTTICAT  LR    R6,R3
         SLL   R6,2
         L     R6,CTTICS(R6)
         SLL   R6,3
         A     R6,CTRCW
         LR    R0,R14
         BAL   R14,CTX
         LR    R14,R0
         L     R2,0(R6)
         N     R2,=X'00FFFFFF'
         BR    R14
*
*  CTFIND: the copy of guest CCW R2 made in mode R0 (a halfword).
*  Out: CC 0 and R1 -> it, or CC not 0.  Uses R1, R4, R15.
CTFIND   SR    R15,R15
         L     R1,CTRCX
         L     R4,CTRCW
CTF10    CR    R15,R8
         BNL   CTFNO
         C     R2,RCXKEY-RCX(R1)
         BNE   CTF20
         CH    R0,RCXMODE-RCX(R1)
         BE    CTFYES
CTF20    LA    R1,RCXLEN(R1)
         LA    R4,8(R4)
         LA    R15,1(R15)
         B     CTF10
CTFYES   LR    R1,R4
         CR    R1,R1
         BR    R14
CTFNO    LTR   R14,R14
         BR    R14
*
*  CTSEEK0: the real CCW at R6 becomes a SEEK to cylinder 0, head 0 of
*  the minidisk, and CP's record of the arm says so.  CTSEEKV: a SEEK
*  to where that record says the arm is.  Uses R0.
CTSEEK0  XC    VDVCYL,VDVCYL
         XC    VDVHEAD,VDVHEAD
CTSEEKV  XC    RCXARG,RCXARG
         LH    R0,VDVCYL
         AH    R0,VDRELN
         STH   R0,RCXARG+2
         MVC   RCXARG+4(2),VDVHEAD
         LA    R0,RCXARG
         ST    R0,0(R6)
         MVI   0(R6),X'07'
         MVI   7(R6),6
         BR    R14
*
*  CTRELOC: the cylinder in the 2 bytes at R3: on the minidisk, moved
*  to the real one; beyond it, X'FFFF'.  Uses R0.
CTRELOC  SR    R0,R0
         ICM   R0,3,0(R3)
         CH    R0,VDCYLS
         BNL   CTREL10
         AH    R0,VDRELN
         STCM  R0,3,0(R3)
         BR    R14
CTREL10  MVC   0(2,R3),=X'FFFF'
         BR    R14
*
***********************************************************************
*  CTFETCH: the guest CCW at R7 into CTCCW.  Out: CC 0, or not 0 if   *
*  R7 is off a doubleword or beyond the machine.  Uses R0-R5, R15.    *
***********************************************************************
CTFETCH  ENTER
         N     R7,=X'00FFFFFF'
         LR    R0,R7
         N     R0,=F'7'
         BNZ   CTFETX
         LR    R2,R7
         LA    R3,CTCCW
         LA    R4,8
         BAL   R14,GCOPYAI
         LEAVE CTFETCH             (CC from GCOPYIN)
CTFETX   LEAVE CTFETCH,CC=NZ
CTIPLS   DS    A                   (VDIPLC: the search's real CCW)
CTFETCHR DS    F
CTFETCHB DS    F
*
***********************************************************************
*  CTARGC: gather the first R0 bytes of the argument of the command   *
*  at R7 (in CTCCW), following its data chain (and TICs in it), into  *
*  a new real CCW's RCXARG, and make that CCW: the command, pointing  *
*  at the copy, its count the chain's (at most 8), the last piece's   *
*  chain command and SLI flags.  R7 ends at the last piece (its CSW   *
*  names it).  Out: CC 0, R6 and R5 set; or CC not 0 (R6 made: a      *
*  fence goes there).  Uses R0-R7, R15.                               *
***********************************************************************
CTARGC   ENTER
         ST    R0,CTWANT
         BAL   R14,CTNEW
         BNZ   CTARGX0
         ST    R7,RCXKEY
         XC    RCXMODE,RCXMODE
         MVC   0(1,R6),CTCCW
         XC    CTHAVE,CTHAVE
         XC    CTTOTAL,CTTOTAL
         MVI   CTPIECES,16         at most 16 pieces
CTA10    TM    CTCCW+4,CTIDA       (the guest's own IDAWs: not here)
         BO    CTARGX
         SR    R4,R4
         ICM   R4,3,CTCCW+6
         BZ    CTARGX
         L     R0,CTTOTAL
         AR    R0,R4
         ST    R0,CTTOTAL
         L     R0,CTWANT           bytes still wanted
         S     R0,CTHAVE
         BNP   CTA20
         CR    R4,R0
         BNH   CTA15
         LR    R4,R0
CTA15    ST    R4,CTTAKE
         L     R2,CTCCW
         N     R2,=X'00FFFFFF'
         BAL   R14,CTX
         LA    R3,RCXARG
         A     R3,CTHAVE
         BAL   R14,GCOPYAI
         BNZ   CTARGX
         L     R0,CTHAVE
         A     R0,CTTAKE
         ST    R0,CTHAVE
CTA20    TM    CTCCW+4,CTCD        another piece?
         BZ    CTA50
         SR    R0,R0               (IC leaves bits 0-23 alone)
         IC    R0,CTPIECES
         BCTR  R0,0
         STC   R0,CTPIECES
         LTR   R0,R0
         BZ    CTARGX
         LA    R7,8(R7)
         BAL   R14,CTFETCH
         BNZ   CTARGX
         IC    R0,CTCCW            a TIC: its target is the piece
         N     R0,=F'15'
         CH    R0,=H'8'
         BNE   CTA10
         L     R7,CTCCW
         BAL   R14,CTFETCH
         BNZ   CTARGX
         IC    R0,CTCCW            (a TIC to a TIC is refused)
         N     R0,=F'15'
         CH    R0,=H'8'
         BE    CTARGX
         B     CTA10
CTA50    BAL   R14,CTX
         ST    R7,RCXGADR
         LA    R0,RCXARG
         STCM  R0,7,1(R6)
         IC    R0,CTCCW+4          chain command, SLI, skip, bits 6-7
         N     R0,=X'00000073'
         STC   R0,4(R6)
         L     R0,CTTOTAL
         C     R0,=F'8'
         BNH   CTA55
         LA    R0,8
CTA55    STH   R0,6(R6)
         SR    R15,R15
         LEAVE CTARGC
CTARGX0  MVI   CTFULL,1            no room: the fence goes in the
         BAL   R14,CTLAST            last CCW, if there is one
         BNZ   CTRESOLV
CTARGX   LEAVE CTARGC,CC=NZ
CTARGCR  DS    F
CTARGCB  DS    F
*
***********************************************************************
*  CTDAREA: the data area of the real CCW at R6 (still holding the    *
*  guest's address, count and flags) becomes IDAWs for the guest's    *
*  frames: from the guest's own IDAW list if it set the IDA flag,     *
*  else for the R4 bytes from its data address.  PCI goes.            *
*  Out: CC 0, or not 0 if the data lies beyond the machine.           *
*  Uses R0-R5, R15.                                                   *
***********************************************************************
CTDAREA  ENTER
         NI    4(R6),X'FF'-CTPCI
         L     R2,0(R6)
         N     R2,=X'00FFFFFF'
         SR    R4,R4
         ICM   R4,3,6(R6)
         TM    4(R6),CTIDA
         BO    CTDA20
         BAL   R14,CTIDAL
         B     CTDA30
CTDA20   BAL   R14,CTGIDA
CTDA30   BNZ   CTDAX
         STCM  R3,7,1(R6)
         OI    4(R6),CTIDA
         SR    R15,R15
         LEAVE CTDAREA
CTDAX    LEAVE CTDAREA,CC=NZ
CTDAREAR DS    F
CTDAREAB DS    F
*
***********************************************************************
*  CTIDAL: IDAWs for R4 bytes of guest storage from guest address R2: *
*  one real address per 2K block touched (a guest 2K block is a real  *
*  2K block: frames are 4K).  Out: CC 0 and R3 -> the list; or CC     *
*  not 0.  Uses R0-R4, R15.                                           *
***********************************************************************
CTIDAL   ENTER
         L     R3,CTIDAN           the list starts at the next IDAW
         SLL   R3,2
         A     R3,CTIDW
         ST    R3,CTLIST
         AR    R4,R2
         ST    R4,CTDEND
CTIL10   ST    R2,CTDADDR
         BAL   R14,CTIDAW1
         BNZ   CTILX
         L     R2,CTDADDR          the next 2K block
         O     R2,=X'000007FF'
         LA    R2,1(R2)
         C     R2,CTDEND
         BL    CTIL10
         L     R3,CTLIST
         SR    R15,R15
         LEAVE CTIDAL
CTILX    LEAVE CTIDAL,CC=NZ
CTIDALR  DS    F
CTIDALB  DS    F
*
***********************************************************************
*  CTGIDA: the guest's own IDAW list at guest address R2 (on a word), *
*  for R4 bytes: each guest IDAW becomes a real one.  The first may   *
*  point anywhere; the others must be on 2K boundaries, as the        *
*  channel requires.  Out: CC 0 and R3 -> the list; or CC not 0.      *
*  Uses R0-R5, R15.                                                   *
***********************************************************************
CTGIDA   ENTER
         LR    R0,R2
         N     R0,=F'3'
         BNZ   CTGX
         ST    R2,CTGNEXT
         ST    R4,CTLEFT
         L     R3,CTIDAN
         SLL   R3,2
         A     R3,CTIDW
         ST    R3,CTLIST
         MVI   CTGFIRST,1
CTG10    L     R2,CTGNEXT          fetch the guest's IDAW
         LA    R3,CTGIDAW
         LA    R4,4
         BAL   R14,GCOPYAI
         BNZ   CTGX
         L     R2,CTGIDAW
         CL    R2,VMSIZE           (bit 0 set, or beyond storage)
         BNL   CTGX
         CLI   CTGFIRST,1
         BE    CTG20
         LR    R0,R2
         N     R0,=X'000007FF'
         BNZ   CTGX
CTG20    MVI   CTGFIRST,0
         ST    R2,CTDADDR
         BAL   R14,CTIDAW1
         BNZ   CTGX
         L     R2,CTDADDR          bytes it covers: to the 2K boundary
         N     R2,=X'000007FF'
         LCR   R2,R2
         A     R2,=F'2048'
         L     R4,CTLEFT
         SR    R4,R2
         BNP   CTG30
         ST    R4,CTLEFT
         L     R2,CTGNEXT
         LA    R2,4(R2)
         ST    R2,CTGNEXT
         B     CTG10
CTG30    L     R3,CTLIST
         SR    R15,R15
         LEAVE CTGIDA
CTGX     LEAVE CTGIDA,CC=NZ
CTGIDAR  DS    F
CTGIDAB  DS    F
*
*  CTIDAW1: one more IDAW, for guest address R2.  Out: CC 0, or not 0
*  if R2 is beyond the machine, no frame is left or the list is full.
*  Uses R0-R2, R15.
CTIDAW1  L     R1,CTIDAN
         C     R1,=A(IDAWMAX)
         BNL   CTIW10
         ST    R14,CTIDAWR
         ICM   R0,15,VMPFX-VMBLOK(R11)   (absolute: with a prefix,
         BZ    CTIW05                      real first: prefix.asm)
         CALL  PFXABS
CTIW05   BAL   R14,GTRANS
         L     R14,CTIDAWR
         BNZR  R14
         CALL  PGLOCK              not stolen until the program ends
         L     R14,CTIDAWR           (IOREQ's IOBREL: PGUNLKD)
         L     R1,CTIDAN
         LA    R0,1(R1)
         ST    R0,CTIDAN
         SLL   R1,2
         A     R1,CTIDW
         ST    R2,0(R1)
         CR    R1,R1               CC 0
         BR    R14
CTIW10   LTR   R14,R14
         BR    R14
CTIDAWR  DS    F
*
*  CTBKT: IDAWs for R4 bytes that all point at the bucket, a 2K block
*  of CP's that nothing needs.  Out: CC 0 and R3 -> the list, or CC
*  not 0 if the list is full.  Uses R0-R4.
CTBKT    L     R3,CTIDAN
         SLL   R3,2
         A     R3,CTIDW
         LR    R2,R3
         A     R4,=F'2047'         the 2K blocks
         SRL   R4,11
CTBK10   L     R1,CTIDAN
         C     R1,=A(IDAWMAX)
         BNL   CTBKX
         LA    R1,1(R1)
         ST    R1,CTIDAN
         L     R0,=A(BUCKET)
         ST    R0,0(R2)
         LA    R2,4(R2)
         BCT   R4,CTBK10
         CR    R4,R4               CC 0
         BR    R14
CTBKX    LTR   R14,R14
         BR    R14
*
CTPFX    DS    F                   CCWs CP put before the guest's
CTMODE   DS    H                   what R7 is: 0 a command, X'01cc' data
CTPSRCH  DS    X                   1: the CCW before R7 is a search
CTFIRST  DS    X                   1: R7 is the one the CAW names
CTFULL   DS    X                   1: the program did not fit
CTPIECES DS    X
CTGFIRST DS    X
         DS    0F
CTKEYG   DS    A                   the guest CCW being copied
CTIDAN   DS    F                   IDAWs used
CTTICN   DS    F                   TICs remembered
CTTICS   DS    (RCWMAX)F           ... their real CCW numbers
CTSRCHA  DS    A
CTWANT   DS    F
CTHAVE   DS    F
CTTOTAL  DS    F
CTTAKE   DS    F
CTLIST   DS    A
CTDADDR  DS    A
CTDEND   DS    A
CTLEFT   DS    F
CTGNEXT  DS    A
CTGIDAW  DS    F
CTRCW    DS    A                   the real disk's area (CTAREA):
CTRCX    DS    A                     its real CCWs, their RCX
CTIDW    DS    A                     entries, its IDAWs
         DS    0D
CTCCW    DS    D                   the guest's CCW
CTFENCE  DC    X'0300000000000000' count 0: the channel refuses it
*
***********************************************************************
*  CTAREA: CTRCW, CTRCX, CTIDW = the translation area of the minidisk *
*  in VDWORK's real disk (VDRDISK): each real disk has its own, so a  *
*  program running on one keeps its copy while another is built.      *
*  In: R11 = VMBLOK (VDWORK).  Out: R1 = the RDISK.  Uses R1.         *
***********************************************************************
CTAREA   L     R1,VDRDISK
         MVC   CTRCW(12),RDKRCW-RDISK(R1)
         BR    R14
*
***********************************************************************
*  CTARM: after the I/O, is the arm where CP put it?  If CP's own     *
*  CCWs at the front (its SEEK, and the file mask) did not all run -  *
*  the real CSW names one of them, or nothing CP made - the arm may   *
*  still be where the last program left it, on someone else's         *
*  cylinders: then nobody owns the arm (the real disk's RDKLAST 0),   *
*  and the next program on that disk starts with CP's SEEK again.     *
*  In: R11 = VMBLOK (VDWORK); its real disk's RDKCSW (the CSW the     *
*  program ended with) and RDKPFX.  Uses R0-R2, R15.                  *
***********************************************************************
CTARM    ENTER
         BAL   R14,CTAREA
         LR    R2,R1
         ICM   R0,15,RDKPFX-RDISK(R2)  nothing in front: nothing to
         BZ    CTARM90                   check
         L     R1,RDKCSW-RDISK(R2) the real CCW after the last one run
         N     R1,=X'00FFFFFF'
         SH    R1,=H'8'
         S     R1,CTRCW
         BM    CTARM10
         SRL   R1,3
         CR    R1,R0               past CP's CCWs: the arm is right
         BNL   CTARM90
CTARM10  XC    RDKLAST-RDISK(4,R2),RDKLAST-RDISK(R2)
CTARM90  LEAVE CTARM
CTARMR   DS    F
CTARMB   DS    F
*
***********************************************************************
*  UNTRANS: the real CSW (the real disk's RDKCSW) as the guest's      *
*  (VDCSW): the CCW address goes back to the guest CCW's, the key to  *
*  the CAW's.  In: R11 = VMBLOK (VDWORK).  Uses R0-R3, R15.           *
***********************************************************************
UNTRANS  ENTER
         BAL   R14,CTAREA
         LR    R3,R1
         MVC   VDCSW,RDKCSW-RDISK(R3)
         L     R1,RDKCSW-RDISK(R3) real CCW address + 8
         N     R1,=X'00FFFFFF'
         SH    R1,=H'8'
         S     R1,CTRCW            -> which copy
         BM    UNT10
         SRL   R1,3
         C     R1,RDKRCN-RDISK(R3)
         BNL   UNT10
         MH    R1,=AL2(RCXLEN)
         A     R1,CTRCX
         L     R2,RCXGADR-RCX(R1)
         LA    R2,8(R2)
         ST    R2,VDCSW
         B     UNT20
UNT10    MVC   VDCSW(4),VDCCWA     (a program CP halted or never ran)
UNT20    MVC   VDCSW(1),VDKEY
         LEAVE UNTRANS
UNTRANSR DS    F
UNTRANSB DS    F
         DROP  R5
         DROP  R11
         LTORG                     the module's literals
