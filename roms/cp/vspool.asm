***********************************************************************
*  VSPOOL: the virtual reader, punch and printer (DMKVSP, DMKSPS).    *
*                                                                     *
*  A virtual machine has the reader (a 2540 reader), punch (a 2540   *
*  punch) and printer (a 1403) its directory's SPOOL statements give  *
*  it - a CMS user's at 00C, 00D and 00E - a URBLOK each in its       *
*  VMBLOK.  None of them is a real device: what the guest             *
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
         LA    R3,SPFRTAB          (each frame's index: its place here)
SPI10    BAL   R14,FRAMEGET
         LTR   R15,R15
         BZ    SPI20
         ST    R15,0(R3)
         LA    R3,4(R3)
         MVC   0(4,R15),SPFREE
         ST    R15,SPFREE
         L     R0,SPFCNT
         AH    R0,=H'1'
         ST    R0,SPFCNT
         BCT   R2,SPI10
SPI20    CLC   SPCKPT,=H'0'        spool files kept on the volume?
         BE    SPI90
         BAL   R14,FRAMEGET        a frame for the checkpoint's page 0
         ST    R15,SPHDR
         LTR   R15,R15
         BZ    SPI90
         BAL   R14,SPWARM          the files of the last run
SPI90    LEAVE SPINIT
SPINITR  DS    F
SPINITB  DS    F
SPFREE   DC    A(0)                free frames of the spool area
SPFCNT   DC    F'0'                how many
SPNEXTID DC    F'0'                the last spool id given
SPSEQ    DC    F'0'                the last arrival number given
*
***********************************************************************
*  The spool checkpoint (SYSCONF's SPCKPT 1: cpcms --data).  The     *
*  spool files outlive a restart on the system residence volume,      *
*  cylinder 0 from head SPCKHD, 4K records four a track: page 0 the   *
*  spool file table (CPSPOOL1, the next spool id and arrival number,  *
*  the frames' chain, the SFBLOKs with frames as index + 1), pages    *
*  1-32 the frames by index (SPFRTAB).  SPSAVE writes page 0 and the  *
*  frames written since it last ran (SPDIRTY) whenever a file is      *
*  closed, purged or changed; SPWARM reads it all back at start-up.   *
*  Files open on a punch or printer, or half read in by the real      *
*  reader, are not kept; one being printed is printed again; readers  *
*  read their files from the start.                                   *
***********************************************************************
*
*  FRIDX: the index of the spool frame at R15.  Out: R15 = it, CC 0;
*  CC not 0 if it is none of them.  Uses R0.
FRIDX    ST    R1,FRIR1
         LA    R1,SPFRTAB
         LA    R0,SPFRAMES
FRI10    C     R15,0(R1)
         BE    FRI20
         LA    R1,4(R1)
         BCT   R0,FRI10
         L     R1,FRIR1
         LTR   R14,R14             CC not 0
         BR    R14
FRI20    LA    R0,SPFRTAB
         SR    R1,R0
         SRL   R1,2
         LR    R15,R1
         L     R1,FRIR1
         CR    R15,R15             CC 0
         BR    R14
FRIR1    DS    F
*
*  SPKPAGE: read (SPKRW 1) or write (0) checkpoint page R0 at real
*  address R6.  Out: CC as DASDREAD.  Uses R1, R15.
SPKPAGE  ST    R14,SPKPR
         STM   R0,R7,SPKPREGS
         SR    R4,R4               head SPCKHD + page / 4,
         LR    R5,R0                 record page // 4 + 1
         D     R4,=F'4'
         LR    R1,R4
         LR    R4,R5
         AH    R4,SPCKHD
         LA    R5,1(R1)
         SR    R3,R3               cylinder 0
         LH    R2,SYSRES
         L     R7,=F'4096'
         CLI   SPKRW,0
         BNE   SPKP10
         BAL   R14,DASDWRIT
         B     SPKP20
SPKP10   BAL   R14,DASDREAD
SPKP20   LM    R0,R7,SPKPREGS
         L     R14,SPKPR
         BR    R14
SPKPR    DS    F
SPKPREGS DS    8F
SPKRW    DC    X'00'
*
***********************************************************************
*  SPSAVE: write the spool checkpoint (nothing without --data).       *
*  Changes no register.                                               *
***********************************************************************
SPSAVE   ENTER
         STM   R0,R12,SPSVREGS
         CLC   SPCKPT,=H'0'
         BE    SPSV90
         ICM   R6,15,SPHDR
         BZ    SPSV90
         MVC   0(8,R6),=C'CPSPOOL1'
         MVC   8(4,R6),SPNEXTID
         MVC   12(4,R6),SPSEQ
*  The frames' chain: the index + 1 of the frame after each.
         XC    16(SPFRAMES,R6),16(R6)
         LA    R2,SPFRTAB
         LA    R3,16(R6)
         LA    R4,SPFRAMES
SPSV10   ICM   R15,15,0(R2)
         BZ    SPSV15
         ICM   R15,15,0(R15)       the next frame
         BZ    SPSV15
         BAL   R14,FRIDX
         BNZ   SPSV15
         LA    R15,1(R15)
         STC   R15,0(R3)
SPSV15   LA    R2,4(R2)
         LA    R3,1(R3)
         BCT   R4,SPSV10
*  The files: frames as index + 1, no reading state; open ones and one
*  being read in are not kept, one being printed waits again.
         L     R2,=A(SPFTAB)
         LA    R3,48(R6)
         LA    R4,SPMAXF
SPSV20   MVC   0(SFLEN,R3),0(R2)
         USING SFBLOK,R3
         CLI   SFSTAT,SFRDR
         BE    SPSV25
         CLI   SFSTAT,SFPRTQ
         BE    SPSV25
         CLI   SFSTAT,SFRPRT
         BNE   SPSV22
         MVI   SFSTAT,SFPRTQ
         B     SPSV25
SPSV22   XC    0(SFLEN,R3),0(R3)
         B     SPSV28
SPSV25   XC    SFRNEXT,SFRNEXT
         XC    SFRFRM,SFRFRM
         XC    SFRIDX,SFRIDX
         ICM   R15,15,SFFIRST
         BZ    SPSV26
         BAL   R14,FRIDX
         LA    R15,1(R15)
SPSV26   ST    R15,SFFIRST
         ICM   R15,15,SFLAST
         BZ    SPSV27
         BAL   R14,FRIDX
         LA    R15,1(R15)
SPSV27   ST    R15,SFLAST
         DROP  R3
SPSV28   LA    R2,SFLEN(R2)
         LA    R3,SFLEN(R3)
         BCT   R4,SPSV20
*  Page 0, then the frames written since the last time.
         SR    R0,R0
         BAL   R14,SPKPAGE
         LA    R2,SPFRTAB
         LA    R3,SPDIRTY
         LA    R0,1
         LA    R4,SPFRAMES
SPSV30   CLI   0(R3),0
         BE    SPSV35
         MVI   0(R3),0
         L     R6,0(R2)
         BAL   R14,SPKPAGE
SPSV35   LA    R2,4(R2)
         LA    R3,1(R3)
         AH    R0,=H'1'
         BCT   R4,SPSV30
SPSV90   LM    R0,R12,SPSVREGS
         LEAVE SPSAVE
SPSAVER  DS    F
SPSAVEB  DS    F
SPSVREGS DS    13F
*
***********************************************************************
*  SPWARM: at start-up, the spool files of the last run from the      *
*  checkpoint, each checked (its frames in range, none twice, its     *
*  records within them); anything amiss: a cold start (no files).     *
*  Uses R0-R8, R15.                                                   *
***********************************************************************
SPWARM   ST    R14,SPWR
         L     R8,SPHDR            page 0
         LR    R6,R8
         SR    R0,R0
         MVI   SPKRW,1
         BAL   R14,SPKPAGE
         BNZ   SPWCOLD
         CLC   0(8,R8),=C'CPSPOOL1'
         BNE   SPWCOLD
         MVC   SPNEXTID,8(R8)
         MVC   SPSEQ,12(R8)
         XC    SPUSED,SPUSED
         L     R2,=A(SPFTAB)
         LA    R3,48(R8)
         LA    R4,SPMAXF
         USING SFBLOK,R2
SPW10    MVC   0(SFLEN,R2),0(R3)
         CLI   SFSTAT,SFRDR
         BE    SPW20
         CLI   SFSTAT,SFPRTQ
         BE    SPW20
         XC    0(SFLEN,R2),0(R2)   (nothing, or not kept)
         B     SPW50
SPW20    CLC   SFRLEN(4),=AL2(80,(4096-8)/80)  a card file,
         BE    SPW22
         CLC   SFRLEN(4),=AL2(133,(4096-8)/133)  or a print file?
         BNE   SPWCOLD
SPW22    SR    R1,R1               its frames: how many
         SR    R7,R7               the last
         L     R5,SFFIRST          (index + 1)
         XC    SFFIRST,SFFIRST
SPW25    LTR   R5,R5
         BZ    SPW40
         BCTR  R5,0
         C     R5,=A(SPFRAMES)
         BNL   SPWCOLD
         LA    R15,SPUSED(R5)      one frame in two files, or a loop
         CLI   0(R15),0
         BNE   SPWCOLD
         MVI   0(R15),1
         LR    R15,R5
         SLL   R15,2
         L     R6,SPFRTAB(R15)
         LTR   R6,R6
         BZ    SPWCOLD
         LA    R0,1(R5)            read its page
         BAL   R14,SPKPAGE
         BNZ   SPWCOLD
         XC    0(4,R6),0(R6)       chained after the last
         LTR   R7,R7
         BZ    SPW30
         ST    R6,0(R7)
         B     SPW35
SPW30    ST    R6,SFFIRST
SPW35    LR    R7,R6
         LA    R1,1(R1)
         IC    R5,16(R5,R8)        the next: index + 1
         N     R5,=F'255'
         B     SPW25
SPW40    ST    R7,SFLAST
         LH    R15,SFPERF          its records fit its frames?
         MR    R0,R15              (R1 = frames x records a frame)
         C     R1,SFRECS
         BL    SPWCOLD
         DROP  R2
SPW50    LA    R2,SFLEN(R2)
         LA    R3,SFLEN(R3)
         BCT   R4,SPW10
*  The free chain: the frames no file holds.
         XC    SPFREE,SPFREE
         XC    SPFCNT,SPFCNT
         LA    R2,SPFRTAB
         LA    R3,SPUSED
         LA    R4,SPFRAMES
SPW60    ICM   R15,15,0(R2)
         BZ    SPW65
         CLI   0(R3),0
         BNE   SPW65
         MVC   0(4,R15),SPFREE
         ST    R15,SPFREE
         L     R0,SPFCNT
         AH    R0,=H'1'
         ST    R0,SPFCNT
SPW65    LA    R2,4(R2)
         LA    R3,1(R3)
         BCT   R4,SPW60
         B     SPW90
*  A cold start: no files, every frame free (as SPINIT chained them).
SPWCOLD  L     R2,=A(SPFTAB)
         LA    R4,SPMAXF
SPWC10   XC    0(SFLEN,R2),0(R2)
         LA    R2,SFLEN(R2)
         BCT   R4,SPWC10
         XC    SPNEXTID,SPNEXTID
         XC    SPSEQ,SPSEQ
         XC    SPUSED,SPUSED
         LA    R2,SPFRTAB          (the free chain again, whole)
         LA    R3,SPUSED
         LA    R4,SPFRAMES
         XC    SPFREE,SPFREE
         XC    SPFCNT,SPFCNT
         B     SPW60
SPW90    MVI   SPKRW,0
         L     R14,SPWR
         BR    R14
SPWR     DS    F
SPHDR    DC    A(0)                the checkpoint's page 0 (a frame)
SPFRTAB  DC    (SPFRAMES)A(0)      the spool area's frames, by index
SPDIRTY  DC    (SPFRAMES)X'00'     written since the last checkpoint
SPUSED   DS    (SPFRAMES)X         SPWARM: held by a file
*
***********************************************************************
*  URLOGON: the reader, punch and printer of a new virtual machine,   *
*  as its directory entry's SPOOL statements say (DIRURS): each one's *
*  address (0: the machine has none, as if DETACHed, and SIO to it    *
*  gives CC 3) and class (a reader's * reads every class).  The       *
*  URBLOKs keep their order - reader, punch, printer - so the rest of *
*  CP finds the reader at VMURS whatever its address.                 *
*  In: R4 = DIRENTRY, R11 = VMBLOK (cleared).  Uses R0-R3.            *
***********************************************************************
URLOGON  ENTER
         USING VMBLOK,R11
         LA    R1,VMURS
         USING URBLOK,R1
         LA    R2,DIRURS-DIRENTRY(R4)   the directory's SPOOL entries
         LA    R3,URTRDR           reader, punch, printer (1, 2, 3)
         LA    R0,VMNUR
URL10    MVC   URADDR,0(R2)        its address, or 0
         STC   R3,URTYPE
         MVC   URCLASS,2(R2)       its class
         MVC   URTO,BLANKS         spooled to its own user
         MVI   URCOPY,1
         MVC   URNAME,BLANKS
         LA    R1,URLEN(R1)
         LA    R2,DIRURLEN(R2)
         LA    R3,1(R3)
         BCT   R0,URL10
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
ULO20    BAL   R14,SPREWIND
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
         BAL   R14,SPSAVE
         LEAVE SPPURGE
SPPURGER DS    F
SPPURGEB DS    F
SPPNEXT  DS    F
*
***********************************************************************
*  SPNEW: a new spool file of type R0 (URTPUN, URTPRT) for the user   *
*  whose id is at R2 (CL8).  Out: R1 -> its SFBLOK, CC 0; or CC not  *
*  0: no SFBLOK free.                                                 *
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
         MVC   SFOWNER,0(R2)
         MVC   SFDEST,0(R2)
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
         STCK  TODNOW              when it was closed (QUERY ... ALL)
         MVC   SFTOD-SFBLOK(8,R1),TODNOW
         L     R0,SPSEQ
         AH    R0,=H'1'
         ST    R0,SPSEQ
         ST    R0,SFSEQ-SFBLOK(R1)
         MVI   SFSTAT-SFBLOK(R1),SFRDR
         XC    SFRNEXT-SFBLOK(4,R1),SFRNEXT-SFBLOK(R1)
         XC    SFRFRM-SFBLOK(4,R1),SFRFRM-SFBLOK(R1)
         BAL   R14,SPSAVE
         LEAVE SPSEND
SPSENDR  DS    F
SPSENDB  DS    F
*
***********************************************************************
*  SPSLOT: room for one more record in the spool file R1 (being       *
*  written): a new frame from the spool area when the last is full.   *
*  Out: R3 -> the record (blanks), CC 0; CC not 0 if the file has     *
*  SPMAXREC records or the area is full.  The caller fills it and     *
*  counts it (SFRECS).  Uses R0, R2-R5, R15.                          *
***********************************************************************
SPSLOT   ENTER
         USING SFBLOK,R1
         CLC   SFRECS,=A(SPMAXREC) the file is full?
         BNL   SPSFULL
         L     R5,SFRECS           its place in the last frame
         SR    R4,R4
         LH    R0,SFPERF
         DR    R4,R0               R4 = index in the frame
         LTR   R4,R4
         BNZ   SPS20
         ICM   R15,15,SPFREE       a new frame
         BZ    SPSFULL
         MVC   SPFREE,0(R15)
         L     R0,SPFCNT
         BCTR  R0,0
         ST    R0,SPFCNT
         XC    0(4,R15),0(R15)
         ICM   R0,15,SFLAST
         ST    R15,SFLAST
         BNZ   SPS15
         ST    R15,SFFIRST
         B     SPS20
SPS15    LR    R3,R0
         ST    R15,0(R3)
SPS20    CLC   SPCKPT,=H'0'        (a checkpoint to keep?)
         BE    SPS25
         L     R15,SFLAST          its frame changes (SPSAVE writes it)
         BAL   R14,FRIDX
         BNZ   SPS25
         LA    R15,SPDIRTY(R15)
         MVI   0(R15),1
SPS25    LH    R3,SFRLEN           R3 -> the record
         MR    R2,R4
         A     R3,SFLAST
         LA    R3,8(R3)
         MVI   0(R3),C' '          blank it
         LH    R5,SFRLEN
         BCTR  R5,0
         BCTR  R5,0
         EX    R5,SPSBLANK
         CR    R3,R3               CC 0
         LEAVE SPSLOT
SPSFULL  LEAVE SPSLOT,CC=NZ
SPSBLANK MVC   1(0,R3),0(R3)
         DROP  R1
SPSLOTR  DS    F
SPSLOTB  DS    F
*
***********************************************************************
*  SPGET: the next record of the spool file R1 (being read: by a      *
*  virtual reader, or the real printer); from the first when it has   *
*  not been read yet (SFRFRM 0).  Out: R3 -> it, CC 0; CC not 0 at    *
*  the file's end.  Uses R0, R2-R4, R15.                              *
***********************************************************************
SPGET    ENTER
         USING SFBLOK,R1
         CLC   SFRNEXT,SFRECS      the end?
         BNL   SPGEND
         ICM   R15,15,SFRFRM       not begun: the first frame
         BNZ   SPG05
         MVC   SFRFRM,SFFIRST
         XC    SFRIDX,SFRIDX
SPG05    LH    R4,SFRIDX           the next record: in this frame?
         CH    R4,SFPERF
         BL    SPG10
         L     R15,SFRFRM          no: the next frame
         L     R15,0(R15)
         ST    R15,SFRFRM
         SR    R4,R4
SPG10    LH    R3,SFRLEN
         MR    R2,R4
         A     R3,SFRFRM
         LA    R3,8(R3)
         LA    R4,1(R4)
         STH   R4,SFRIDX
         L     R0,SFRNEXT
         AH    R0,=H'1'
         ST    R0,SFRNEXT
         CR    R0,R0               CC 0
         LEAVE SPGET
SPGEND   LEAVE SPGET,CC=NZ
         DROP  R1
SPGETR   DS    F
SPGETB   DS    F
*
***********************************************************************
*  SPARRIVE: tell the user whose reader the file R1 is now in that it *
*  has come, if that user is logged on:                               *
*     RDR FILE 0005  FROM ALICE    PUN NOHOLD                         *
*  In: R1 -> SFBLOK, R2 -> who sent it (CL8), R3 -> where it comes    *
*  from (CL3: PUN, PRT, RDR).  R8 is kept.  Uses R0-R5, R15.          *
***********************************************************************
SPARRIVE ENTER
         ST    R8,SPAR8
         ST    R1,SPAFILE
         MVC   LINEBUF+20(8),0(R2)
         MVC   LINEBUF+29(3),0(R3)
         LA    R2,SFDEST-SFBLOK(R1)
         BAL   R14,FINDUSER
         LTR   R1,R1
         BZ    SPAR90              not logged on: QUERY READER shows it
         L     R8,VMRDEV-VMBLOK(R1)
         L     R1,SPAFILE
         MVC   LINEBUF(9),=C'RDR FILE '
         MVC   LINEBUF+13(7),=C'  FROM '
         MVI   LINEBUF+28,C' '
         MVI   LINEBUF+32,C' '
         MVC   LINEBUF+33(6),=C'NOHOLD'
         LA    R3,39
         TM    SFFLAG-SFBLOK(R1),SFHOLD
         BZ    SPAR10
         MVC   LINEBUF+33(4),=C'HOLD'
         LA    R3,37
SPAR10   ST    R3,SPALEN
         LH    R1,SFID-SFBLOK(R1)
         LA    R2,LINEBUF+9
         LA    R3,4
         BAL   R14,DECOUT
         LA    R2,LINEBUF
         L     R3,SPALEN
         BAL   R14,TLINE
SPAR90   L     R8,SPAR8
         LEAVE SPARRIVE
SPARRIVER DS   F
SPARRIVEB DS   F
SPAR8    DS    F
SPAFILE  DS    F
SPALEN   DS    F
*
***********************************************************************
*  SPREWIND: the reader file at R1 is read from its first record      *
*  again (a reader spooled HOLD, a logoff, IPL 00C).  Uses nothing.   *
***********************************************************************
SPREWIND XC    SFRNEXT-SFBLOK(4,R1),SFRNEXT-SFBLOK(R1)
         XC    SFRFRM-SFBLOK(4,R1),SFRFRM-SFBLOK(R1)
         BR    R14
*
***********************************************************************
*  SPFIRST: the first file (in arrival order) in the reader of the    *
*  user whose id is at R2 (CL8) that no reader is reading, is not     *
*  held, and is of the class the reader R6 (URBLOK) reads (its        *
*  URCLASS, or * for any).                                            *
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
         TM    SFFLAG,SFHOLD       held: not read
         BO    SPF30
         CLI   URCLASS-URBLOK(R6),C'*'
         BE    SPF15
         CLC   SFCLASS,URCLASS-URBLOK(R6)
         BNE   SPF30
SPF15    OC    SFRFRM,SFRFRM       being read (or read from)?
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
         LTR   R1,R1               (0: a DETACHed device's URADDR)
         BZ    URS15
URS10    CH    R1,URADDR
         BE    URS20
         LA    R6,URLEN(R6)
         BCT   R7,URS10
URS15    LA    R15,4
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
         BAL   R14,GCOPYAI
         BNZ   URPCHK
URR13    NI    URSTAT,X'FF'-URIL
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
         BAL   R14,GCOPYAO
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
         LA    R2,VMUSER
         BAL   R14,SPNEW
         BNZ   URFULL
         ST    R1,URFILE
         MVC   SFCLASS-SFBLOK(1,R1),URCLASS   SPOOL ... CLASS, COPY
         MVC   SFCOPY-SFBLOK(1,R1),URCOPY
         MVC   SFNAME-SFBLOK(16,R1),BLANKS
         MVC   SFDEST-SFBLOK(8,R1),URTO   SPOOL ... TO
         CLI   URTO,C' '
         BNE   URW10
         MVC   SFDEST-SFBLOK(8,R1),VMUSER
URW10    BAL   R14,SPSLOT          room for a record?
         BNZ   URFULL
         USING SFBLOK,R1
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
         BAL   R14,GCOPYAI
         L     R1,URWFILE
         BNZ   URPCHK              (the record is not counted)
         L     R0,SFRECS
         AH    R0,=H'1'
         ST    R0,SFRECS
         DROP  R1
         B     URRESID
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
URRD10   BAL   R14,SPGET           the next record
         BNZ   UREOF               (none: the end)
         USING SFBLOK,R1
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
         BAL   R14,GCOPYAO
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
UREOF    XC    URFILE,URFILE
         TM    URFLAG,URFHOLD      SPOOL READER HOLD: kept, held
         BZ    UREOF10
         BAL   R14,SPREWIND
         OI    SFFLAG-SFBLOK(R1),SFHOLD
         B     UREOF20
UREOF10  BAL   R14,SPPURGE         the file is read: gone
UREOF20  TM    URFLAG,URFCONT      SPOOL READER CONT: on into the next
         BZ    UREOF30               file, if there is one
         LA    R2,VMUSER
         BAL   R14,SPFIRST
         LTR   R1,R1
         BNZ   URREAD
UREOF30  XC    URCCW+6(2),URCCW+6
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
*  URRUNI: as URRUN, the first CCW already in URCCW (IPL's implied
*  CCW, at URCCWA 0: the chain goes on at guest location 8).
URRUNI   ST    R14,URRUNR
         LA    R8,URMAXCCW
         SR    R7,R7
         B     URR13
*
***********************************************************************
*  URIPL: IPL 00C: the virtual machine is loaded from its reader as a *
*  real one from a card reader.  The reader is reset (a file half     *
*  read goes back whole), then CP runs the implied CCW of an IPL -    *
*  read 24 bytes at 0, command chaining, SLI - on it and the chain    *
*  that follows from location 8, exactly as SIO runs a channel        *
*  program; when it ends with channel end and device end and nothing  *
*  else, the device address is stored and the PSW at 0 loaded (VIPL's *
*  IPLLOAD; its ending status is not presented).  Else the machine    *
*  stops: IPL 00C FAILED, CSW ... (the reader's address).             *
*  In: R8 = RDEV, R11 = VMBLOK.  Out: CC 0; CC not 0 if it failed     *
*  (the user has been told).  Uses R0-R7, R15.                        *
***********************************************************************
URIPL    ENTER
         ST    R8,URIPLR8          (URRUN counts CCWs in R8)
         LA    R6,VMURS            its three devices: nothing pending
         LA    R7,VMNUR
UIP05    NI    URSTAT,X'FF'-URINTP
         LA    R6,URLEN(R6)
         BCT   R7,UIP05
         LA    R6,VMURS            the reader
         ICM   R1,15,URFILE        a file half read goes back whole
         BZ    UIP10
         XC    URFILE,URFILE
         BAL   R14,SPREWIND
UIP10    MVI   VCSTAT,0            the console: nothing under way
         NI    VMFLAG2,X'FF'-VMFPERP   (no PER interruption pending)
         CALL  PFXZERO             (its prefix 0: prefix.asm)
         MVC   VMTALEN,=H'-1'
         XC    URCCWA,URCCWA
         MVC   URCCW,=X'0200000060000018'
         MVI   URKEY,0
         BAL   R14,URRUNI
         L     R8,URIPLR8
         NI    URSTAT,X'FF'-URINTP
         CLC   URCSW+4(2),=X'0C00' channel end, device end, nothing else?
         BNE   UIPBAD
         LH    R0,URADDR           the device address stored, the PSW
         CALL  IPLLOAD               at 0 loaded (VIPL)
         BNZ   UIPBAD
         LEAVE URIPL
UIPBAD   LH    R0,URADDR           IPL ccc FAILED, CSW ... (VIPL); the
         LA    R1,URCSW              machine stays stopped
         CALL  IPLFAIL
         L     R8,URIPLR8
         LEAVE URIPL,CC=NZ
URIPLR   DS    F
URIPLB   DS    F
URIPLR8  DS    F
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
         BAL   R14,VIOMASK         channel 0 enabled (either mode)?
         TM    VIOMSK,X'80'
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
