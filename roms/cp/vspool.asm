***********************************************************************
*  VSPOOL: the virtual reader, punch and printer (DMKVSP, DMKSPS).    *
*                                                                     *
*  Every virtual machine has a reader at 00C (a 2540 reader), a punch *
*  at 00D (a 2540 punch) and a printer at 00E (a 1403), a URBLOK each *
*  in its VMBLOK.  None of them is a real device: what the guest      *
*  punches or prints goes into a spool file held by CP, and what it   *
*  reads comes from the first spool file in its reader.  CP runs the  *
*  guest's channel program itself, at SIO, and makes the I/O          *
*  interruption pending; the dispatcher presents it (REFLUR) when the *
*  virtual PSW is open for channel 0.                                 *
*                                                                     *
*  Commands the devices take (the low bits decide, as on the real     *
*  2540 and 1403, so stacker selection and spacing are accepted):     *
*    punch     xxxxxx01 punch a card (80 bytes)                       *
*    printer   xxxxxx01 write a line (at most 132 bytes, with its     *
*              command, which says how to space: X'09', X'11' ...)    *
*    reader    xxxxxx10 read a card (80 bytes)                        *
*    all       xxxxxx11 control (feed, space, skip): nothing to do    *
*              00000100 sense (1 byte)                                *
*  anything else: unit check, command reject.  Command chaining and   *
*  TIC as on a real channel; data chaining is not supported (program  *
*  check).  Every CCW and every data address is fetched through the   *
*  guest's own DAT tables (GCOPYIN/GCOPYOUT): an address beyond its   *
*  storage is a program check for the guest, never a wrong byte in    *
*  CP.  At most URMAXCCW CCWs run in one SIO (a TIC loop ends with a  *
*  program check).                                                    *
*                                                                     *
*  The spool area: SPFRAMES frames set aside at start-up (SPINIT),    *
*  before the frames are shared among the terminals, so spooling can  *
*  never take a frame a virtual machine is owed.  A spool file        *
*  (SFBLOK, SPFTAB) holds at most SPMAXREC records and the system at  *
*  most SPMAXF files; past either limit, or with the area full, the   *
*  punch or printer answers the write with unit check, intervention   *
*  required (X'40'), as a real device out of cards or paper would.    *
*  An empty reader answers a read the same way (not ready); at the    *
*  end of its file with unit exception, and the file is gone.         *
***********************************************************************
DMKVSP   CSECT
         USING DMKVSP,R13          the module's base (ENTER sets it)
URMAXCCW EQU   256
*
***********************************************************************
*  SPINIT: set the spool area aside: SPFRAMES frames off the free     *
*  chain (FRMINIT calls this before it shares the rest out).          *
*  Uses R0-R5, R15.                                                   *
***********************************************************************
SPINIT   ENTER
         LA    R2,SPFRAMES
SPI10    BAL   R14,FRAMEGET
         LTR   R15,R15
         BZ    SPI20
         MVC   0(4,R15),SPFREE
         ST    R15,SPFREE
         L     R0,SPFCNT
         AH    R0,=H'1'
         ST    R0,SPFCNT
         BCT   R2,SPI10
SPI20    LEAVE SPINIT
SPINITR  DS    F
SPINITB  DS    F
SPFREE   DC    A(0)                free frames of the spool area
SPFCNT   DC    F'0'                how many
SPNEXTID DC    F'0'                the last spool id given
SPSEQ    DC    F'0'                the last arrival number given
*
***********************************************************************
*  URLOGON: the reader, punch and printer of a new virtual machine.   *
*  In: R11 = VMBLOK (cleared).  Uses R1.                              *
***********************************************************************
URLOGON  ENTER
         USING VMBLOK,R11
         LA    R1,VMURS
         USING URBLOK,R1
         MVC   URADDR,=X'000C'
         MVI   URTYPE,URTRDR
         LA    R1,URLEN(R1)
         MVC   URADDR,=X'000D'
         MVI   URTYPE,URTPUN
         MVC   URTO,BLANKS
         LA    R1,URLEN(R1)
         MVC   URADDR,=X'000E'
         MVI   URTYPE,URTPRT
         MVC   URTO,BLANKS
         DROP  R1
         LEAVE URLOGON
URLOGONR DS    F
URLOGONB DS    F
*
***********************************************************************
*  URLOGOF: a virtual machine goes away: the files open on its punch  *
*  and printer are purged; the file its reader was reading goes back  *
*  into its reader, whole.  In: R11 = VMBLOK.  Uses R0-R7, R15.       *
***********************************************************************
URLOGOF  ENTER
         LA    R6,VMURS
         LA    R7,VMNUR
         USING URBLOK,R6
ULO10    ICM   R1,15,URFILE
         BZ    ULO30
         XC    URFILE,URFILE
         CLI   SFSTAT-SFBLOK(R1),SFOPEN
         BNE   ULO20
         BAL   R14,SPPURGE
         B     ULO30
ULO20    XC    SFRNEXT-SFBLOK(4,R1),SFRNEXT-SFBLOK(R1)
         XC    SFRFRM-SFBLOK(4,R1),SFRFRM-SFBLOK(R1)
ULO30    LA    R6,URLEN(R6)
         BCT   R7,ULO10
         DROP  R6
         LEAVE URLOGOF
URLOGOFR DS    F
URLOGOFB DS    F
*
***********************************************************************
*  SPPURGE: purge the spool file at R1: its frames go back to the     *
*  spool area, its SFBLOK is free.  Uses R0, R1, R15.                 *
***********************************************************************
SPPURGE  ENTER
         USING SFBLOK,R1
         ICM   R15,15,SFFIRST
SPP10    BZ    SPP20
         L     R0,0(R15)           the next frame
         MVC   0(4,R15),SPFREE
         ST    R15,SPFREE
         ST    R0,SPPNEXT
         L     R0,SPFCNT
         AH    R0,=H'1'
         ST    R0,SPFCNT
         ICM   R15,15,SPPNEXT
         B     SPP10
SPP20    XC    0(SFLEN,R1),0(R1)   SFSTAT = SFFREE
         DROP  R1
         LEAVE SPPURGE
SPPURGER DS    F
SPPURGEB DS    F
SPPNEXT  DS    F
*
***********************************************************************
*  SPNEW: a new spool file of type R0 (URTPUN, URTPRT) for the user   *
*  R11.  Out: R1 -> its SFBLOK, CC 0; or CC not 0: no SFBLOK free.    *
*  Uses R0, R1, R15.                                                  *
***********************************************************************
SPNEW    ENTER
         L     R1,=A(SPFTAB)
         LA    R15,SPMAXF
         USING SFBLOK,R1
SPN10    CLI   SFSTAT,SFFREE
         BE    SPN20
         LA    R1,SFLEN(R1)
         BCT   R15,SPN10
         LEAVE SPNEW,CC=NZ
SPN20    XC    0(SFLEN,R1),0(R1)
         STC   R0,SFTYPE
         MVI   SFSTAT,SFOPEN
         MVC   SFOWNER,VMUSER
         MVC   SFDEST,VMUSER
         MVC   SFRLEN,=H'80'
         MVC   SFPERF,=AL2((4096-8)/80)
         CLI   SFTYPE,URTPRT
         BNE   SPN30
         MVC   SFRLEN,=H'133'
         MVC   SFPERF,=AL2((4096-8)/133)
SPN30    L     R15,SPNEXTID        the next spool id, 1-9999
         LA    R15,1(R15)
         C     R15,=F'9999'
         BNH   SPN40
         LA    R15,1
SPN40    ST    R15,SPNEXTID
         STH   R15,SFID
         DROP  R1
         CR    R1,R1
         LEAVE SPNEW
SPNEWR   DS    F
SPNEWB   DS    F
*
***********************************************************************
*  SPSEND: the open spool file at R1 goes into the reader of SFDEST.  *
*  Uses R0, R15.                                                      *
***********************************************************************
SPSEND   ENTER
         L     R0,SPSEQ
         AH    R0,=H'1'
         ST    R0,SPSEQ
         ST    R0,SFSEQ-SFBLOK(R1)
         MVI   SFSTAT-SFBLOK(R1),SFRDR
         XC    SFRNEXT-SFBLOK(4,R1),SFRNEXT-SFBLOK(R1)
         XC    SFRFRM-SFBLOK(4,R1),SFRFRM-SFBLOK(R1)
         LEAVE SPSEND
SPSENDR  DS    F
SPSENDB  DS    F
*
***********************************************************************
*  SPFIRST: the first file (in arrival order) in the reader of the    *
*  user whose id is at R2 (CL8) that no reader is reading.            *
*  Out: R1 -> its SFBLOK, or 0.  Uses R0, R3, R15.                    *
***********************************************************************
SPFIRST  L     R3,=A(SPFTAB)
         LA    R15,SPMAXF
         SR    R1,R1
         USING SFBLOK,R3
SPF10    CLI   SFSTAT,SFRDR
         BNE   SPF30
         CLC   SFDEST,0(R2)
         BNE   SPF30
         OC    SFRFRM,SFRFRM       being read (or read from)?
         BNZ   SPF30
         OC    SFRNEXT,SFRNEXT
         BNZ   SPF30
         LTR   R1,R1
         BZ    SPF20
         CLC   SFSEQ,SFSEQ-SFBLOK(R1)
         BNL   SPF30
SPF20    LR    R1,R3
SPF30    LA    R3,SFLEN(R3)
         BCT   R15,SPF10
         DROP  R3
         BR    R14
*
***********************************************************************
*  URSIM: SIO, TIO or HIO (VMINST) on device R1, if it is one of the  *
*  machine's unit-record devices.  In: R11 = VMBLOK.  Out: R15 = 4 it *
*  is not (R1 kept); R15 = 0 and R0 = the condition code; or R15 = 1  *
*  or 2: a guest address CP could not reach (GTRANS: NOSTORE).        *
*  Uses R0-R8, R15.                                                   *
***********************************************************************
URSIM    ENTER
         LA    R6,VMURS
         LA    R7,VMNUR
         USING URBLOK,R6
URS10    CH    R1,URADDR
         BE    URS20
         LA    R6,URLEN(R6)
         BCT   R7,URS10
         LA    R15,4
         LEAVE URSIM
URS20    CLI   VMINST,X'9C'
         BE    URSSIO
         CLI   VMINST,X'9D'
         BE    URSTIO
         B     URSCC0              HIO: nothing is ever running
*  TIO: status pending: CC 1 and the CSW; else CC 0.
URSTIO   TM    URSTAT,URINTP
         BZ    URSCC0
URSCSW   NI    URSTAT,X'FF'-URINTP
         LA    R2,X'40'
         LA    R3,URCSW
         LA    R4,8
         BAL   R14,GCOPYOUT
         BNZ   URSEXIT             (R15: GTRANS's answer)
         LA    R0,1
         B     URSCC
*  SIO: status pending: CC 1 and the CSW; else run it, CC 0.
URSSIO   TM    URSTAT,URINTP
         BO    URSCSW
         LA    R2,X'48'            the guest's CAW
         LA    R3,URCCWA
         LA    R4,4
         BAL   R14,GCOPYIN
         BNZ   URSEXIT
         MVC   URKEY,URCCWA
         NI    URKEY,X'F0'
         MVI   URCCWA,0
         BAL   R14,URRUN
URSCC0   SR    R0,R0
URSCC    SR    R15,R15
URSEXIT  LEAVE URSIM
URSIMR   DS    F
URSIMB   DS    F
*
***********************************************************************
*  URRUN: run the channel program at URCCWA on the device R6 to its   *
*  end, and make the interruption pending.  Uses R0-R8, R15.          *
***********************************************************************
URRUN    ST    R14,URRUNR
         LA    R8,URMAXCCW
         SR    R7,R7               no TIC yet
         TM    URCCWA+3,7          a CCW must be on a doubleword
         BNZ   URPCHK
URR10    BCT   R8,URR12            one CCW more
         B     URPCHK              (too many: a program check)
URR12    L     R2,URCCWA           fetch it
         LA    R3,URCCW
         LA    R4,8
         BAL   R14,GCOPYIN
         BNZ   URPCHK
         NI    URSTAT,X'FF'-URIL
         IC    R0,URCCW
         N     R0,=F'15'
         CH    R0,=H'8'            TIC?
         BNE   URR20
         LTR   R7,R7               TIC after TIC is a program check
         BNZ   URPCHK
         LA    R7,1
         L     R2,URCCW
         N     R2,=X'00FFFFFF'
         ST    R2,URCCWA
         TM    URCCWA+3,7
         BNZ   URPCHK
         B     URR10
URR20    SR    R7,R7
         TM    URCCW+4,X'80'       data chaining: not supported
         BO    URPCHK
         OC    URCCW+6(2),URCCW+6  a count of 0 is a program check
         BZ    URPCHK
         IC    R0,URCCW            the command's low bits
         N     R0,=F'3'
         CLI   URCCW,X'04'         sense
         BE    URSENSEC
         CH    R0,=H'3'            control: nothing to do
         BE    URDONE0
         CLI   URTYPE,URTRDR
         BE    URR30
         CH    R0,=H'1'            punch, printer: write
         BE    URWRITE
         B     URREJ
URR30    CH    R0,=H'2'            reader: read
         BE    URREAD
URREJ    MVI   URSENSE,X'80'       command reject
         B     URUCHK
*
*  Sense: one byte, then it is cleared.
URSENSEC L     R2,URCCW
         N     R2,=X'00FFFFFF'
         LA    R3,URSENSE
         LA    R4,1
         BAL   R14,GCOPYOUT
         BNZ   URPCHK
         MVI   URSENSE,0
         SR    R0,R0
         ICM   R0,3,URCCW+6
         BCTR  R0,0
         STCM  R0,3,URCCW+6
         B     URCCWD
*
*  Write a card or a line: a new spool file if none is open; room in
*  it, or intervention required.
URWRITE  ICM   R1,15,URFILE
         BNZ   URW10
         SR    R0,R0
         IC    R0,URTYPE
         BAL   R14,SPNEW
         BNZ   URFULL
         ST    R1,URFILE
         MVC   SFDEST-SFBLOK(8,R1),URTO   SPOOL ... TO
         CLI   URTO,C' '
         BNE   URW10
         MVC   SFDEST-SFBLOK(8,R1),VMUSER
URW10    DS    0H
         USING SFBLOK,R1
         CLC   SFRECS,=A(SPMAXREC) the file is full?
         BNL   URFULL
         L     R5,SFRECS           its place in the last frame
         SR    R4,R4
         LH    R0,SFPERF
         DR    R4,R0               R4 = index in the frame
         LTR   R4,R4
         BNZ   URW20
         ICM   R15,15,SPFREE       a new frame
         BZ    URFULL
         MVC   SPFREE,0(R15)
         L     R0,SPFCNT
         BCTR  R0,0
         ST    R0,SPFCNT
         XC    0(4,R15),0(R15)
         ICM   R0,15,SFLAST
         ST    R15,SFLAST
         BNZ   URW15
         ST    R15,SFFIRST
         B     URW20
URW15    LR    R3,R0
         ST    R15,0(R3)
URW20    LH    R3,SFRLEN           R3 -> the record
         MR    R2,R4
         A     R3,SFLAST
         LA    R3,8(R3)
         MVI   0(R3),C' '          blank it
         LH    R5,SFRLEN
         BCTR  R5,0
         BCTR  R5,0
         EX    R5,URBLANK
         LA    R5,80               the data: at most 80 bytes for a
         CLI   URTYPE,URTPRT         card, 132 for a line (after the
         BNE   URW30                 command)
         MVC   0(1,R3),URCCW
         LA    R3,1(R3)
         LA    R5,132
URW30    SR    R4,R4
         ICM   R4,3,URCCW+6
         CR    R4,R5
         BE    URW40
         CLI   URTYPE,URTPRT       (a short line is no error)
         BNE   URW35
         CR    R4,R5
         BL    URW40
URW35    OI    URSTAT,URIL
         CR    R4,R5
         BL    URW40
         LR    R4,R5
URW40    LR    R5,R4               moved
         L     R2,URCCW
         N     R2,=X'00FFFFFF'
         ST    R1,URWFILE
         BAL   R14,GCOPYIN
         L     R1,URWFILE
         BNZ   URPCHK              (the record is not counted)
         L     R0,SFRECS
         AH    R0,=H'1'
         ST    R0,SFRECS
         DROP  R1
         B     URRESID
URBLANK  MVC   1(0,R3),0(R3)
*
*  Read a card: from the file the reader is reading, or the first in
*  its queue; none: not ready.  At the file's end: unit exception, and
*  the file is purged.
URREAD   ICM   R1,15,URFILE
         BNZ   URRD10
         LA    R2,VMUSER
         BAL   R14,SPFIRST
         LTR   R1,R1
         BZ    URNRDY
         ST    R1,URFILE
         MVC   SFRFRM-SFBLOK(4,R1),SFFIRST-SFBLOK(R1)
         XC    SFRIDX-SFBLOK(2,R1),SFRIDX-SFBLOK(R1)
URRD10   DS    0H
         USING SFBLOK,R1
         CLC   SFRNEXT,SFRECS      the end?
         BNL   UREOF
         LH    R4,SFRIDX           the next record: in this frame?
         CH    R4,SFPERF
         BL    URRD20
         L     R15,SFRFRM          no: the next frame
         L     R15,0(R15)
         ST    R15,SFRFRM
         SR    R4,R4
URRD20   LH    R3,SFRLEN
         MR    R2,R4
         A     R3,SFRFRM
         LA    R3,8(R3)
         LA    R4,1(R4)
         STH   R4,SFRIDX
         L     R0,SFRNEXT
         AH    R0,=H'1'
         ST    R0,SFRNEXT
         LH    R5,SFRLEN           the record's length
         DROP  R1
         SR    R4,R4
         ICM   R4,3,URCCW+6
         CR    R4,R5
         BE    URRD30
         OI    URSTAT,URIL
         CR    R4,R5
         BL    URRD30
         LR    R4,R5
URRD30   LR    R5,R4
         L     R2,URCCW
         N     R2,=X'00FFFFFF'
         BAL   R14,GCOPYOUT
         BNZ   URPCHK
*
*  R5 bytes moved: the residual count.
URRESID  SR    R0,R0
         ICM   R0,3,URCCW+6
         SR    R0,R5
         STCM  R0,3,URCCW+6
         B     URCCWD
URDONE0  XC    URCCW+6(2),URCCW+6
*
*  This CCW is done: chain, or end.  Incorrect length without SLI
*  ends the chain.
URCCWD   TM    URCCW+4,X'40'       command chaining?
         BZ    UREND
         TM    URSTAT,URIL
         BZ    URC10
         TM    URCCW+4,X'20'       SLI?
         BZ    UREND
URC10    L     R2,URCCWA
         LA    R2,8(R2)
         ST    R2,URCCWA
         B     URR10
*
UREND    LA    R4,X'0C'            channel end, device end
         SR    R5,R5
         TM    URSTAT,URIL
         BZ    URPOST
         TM    URCCW+4,X'20'       SLI suppresses it
         BO    URPOST
         LA    R5,X'40'            incorrect length
         B     URPOST
UREOF    BAL   R14,SPPURGE         the file is read: gone
         XC    URFILE,URFILE
         XC    URCCW+6(2),URCCW+6
         LA    R4,X'0D'            CE, DE, unit exception
         SR    R5,R5
         B     URPOST
URNRDY   MVI   URSENSE,X'40'       intervention required
         B     URUCHK
URFULL   MVI   URSENSE,X'40'       out of cards / paper: the same
URUCHK   LA    R4,X'0E'            CE, DE, unit check
         SR    R5,R5
         B     URPOST
URPCHK   LA    R4,X'0C'            program check
         LA    R5,X'20'
         XC    URCCW+6(2),URCCW+6
*  The CSW: key, CCW address + 8, status R4/R5, residual count.
URPOST   L     R2,URCCWA
         LA    R2,8(R2)
         ST    R2,URCSW
         MVC   URCSW(1),URKEY
         STC   R4,URCSW+4
         STC   R5,URCSW+5
         MVC   URCSW+6(2),URCCW+6
         NI    URSTAT,X'FF'-URIL
         OI    URSTAT,URINTP
         L     R14,URRUNR
         BR    R14
URRUNR   DS    F
URWFILE  DS    F
*
***********************************************************************
*  REFLUR: present the unit-record devices' pending interruptions     *
*  while the virtual PSW is open for channel 0 (BC mode, bit 0).      *
*  In: R11 = VMBLOK.  Uses R0-R5, R15.                                *
***********************************************************************
REFLUR   ENTER
         STM   R6,R7,RFUSAVE
         LA    R6,VMURS
         LA    R7,VMNUR
RFU10    TM    URSTAT,URINTP
         BZ    RFU20
         TM    VMPSW,X'80'
         BZ    RFU20
         NI    URSTAT,X'FF'-URINTP
         LA    R2,X'40'
         LA    R3,URCSW
         LA    R4,8
         BAL   R14,GCOPYOUT
         BNZ   RFU20               (not stored: it is lost)
         LH    R2,URADDR
         SR    R3,R3
         LA    R4,X'38'
         BAL   R14,REFLECT
RFU20    LA    R6,URLEN(R6)
         BCT   R7,RFU10
         LM    R6,R7,RFUSAVE
         LEAVE REFLUR
REFLURR  DS    F
REFLURB  DS    F
RFUSAVE  DS    2F
         DROP  R6,R11
         LTORG                     the module's literals
