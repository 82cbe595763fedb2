***********************************************************************
*  BLOCKS: the layouts of CMS's control blocks (DSECTs).              *
*                                                                     *
*  The names follow IBM's CMS where there was one.                    *
***********************************************************************
*
*---------------------------------------------------------------------*
* FST: a file status table entry, 40 bytes, as on the disk: the       *
* directory of a CMS disk is a list of these, 20 to an 800-byte       *
* block.  A free entry is all zeros.                                  *
*---------------------------------------------------------------------*
FST      DSECT
FSTFNAME DS    CL8                 file name
FSTFTYPE DS    CL8                 file type
FSTDATEW DS    XL2                 date last written: X'MMDD' (BCD)
FSTTIMEW DS    XL2                 time: X'HHMM' (BCD)
FSTWRPNT DS    H                   write pointer: record count + 1
FSTRDPNT DS    H                   read pointer: 1
FSTFMODE DS    CL2                 mode letter (ignored) and number
FSTRECCT DS    H                   number of records
FSTFCLPT DS    H                   first chain-link block
FSTRECFM DS    C                   record format: F or V
FSTFLAGS DS    X                   flags (0)
FSTLRECL DS    F                   record length (V: the longest)
FSTBLKCT DS    H                   number of data blocks
FSTYEARW DS    CL2                 year: EBCDIC 'yy'
FSTLEN   EQU   *-FST               40
FSTPERB  EQU   20                  entries in a block
*
*---------------------------------------------------------------------*
* FSTB: one block of a disk's directory, in storage.                  *
*---------------------------------------------------------------------*
FSTB     DSECT
FSTBNEXT DS    A                   the disk's next FST block
FSTBBLK  DS    F                   where it is on the disk (0: nowhere
*                                    yet)
FSTBFLAG DS    X
FSTBDIRT EQU   X'80'                 changed: written at the next
*                                    update of the disk
         DS    XL7
FSTBDATA DS    XL800               20 FSTs
FSTBLEN  EQU   *-FSTB
*
*---------------------------------------------------------------------*
* ADT: an accessed disk (the active disk table).                      *
*---------------------------------------------------------------------*
ADT      DSECT
ADTMODE  DS    C                   its mode letter (0: a free slot)
ADTFLAGS DS    X
ADTRO    EQU   X'80'                 read-only
ADTCUU   DS    H                   virtual device address
ADTLABEL DS    CL6                 label (after CMS=)
         DS    XL2
ADTNUM   DS    F                   blocks on the disk
ADTUSED  DS    F                   blocks in use
ADTLEFT  DS    F                   blocks free
ADTCYL   DS    F                   cylinders
ADTMFD   DS    A                   the master directory block (800)
ADTFSTS  DS    A                   its first FST block (FSTB)
ADTBMAP  DS    A                   allocation bitmap: as it is now
ADTBMOLD DS    A                     and as the disk has it
ADTBMLEN DS    F                   bitmap bytes
ADTFILES DS    F                   files on it
ADTROVER DS    F                   where the next search for a free
*                                    block begins (a bitmap byte)
ADTLEN   EQU   *-ADT
ADTMAX   EQU   10                  disks accessed at once
*
*---------------------------------------------------------------------*
* MFD: the master file directory, block 4 of a CMS disk.              *
*---------------------------------------------------------------------*
MFD      DSECT
MFDLIST  DS    XL364               halfwords: the FST blocks, then
*                                    X'FFFF'; or X'FFFD', the bitmap's
*                                    extension blocks and X'0000'
MFDNUM   DS    F                   ADTNUM
MFDUSED  DS    F                   ADTUSED
MFDLEFT  DS    F                   ADTLEFT
MFDLAST  DS    F                   the last bitmap byte with a used
*                                    bit (its displacement)
MFDCYL   DS    F                   cylinders
MFDBMAP  DS    XL215               the bitmap's first 215 bytes
MFDBMN   EQU   215                   (blocks 1-1720)
MFD3350  DS    X                   X'0B' on a 3350
MFDLEN   EQU   *-MFD
*
*---------------------------------------------------------------------*
* FSPL: the parameter list of FSREAD, FSWRITE, FSSTATE, FSERASE and   *
* FSCLOSE, as a program passes it with SVC 202.                       *
*---------------------------------------------------------------------*
FSPL     DSECT
FSPCMD   DS    CL8                 FSREAD, FSWRITE, ...
FSPFN    DS    CL8                 file name
FSPFT    DS    CL8                 file type
FSPFM    DS    CL2                 file mode (blanks: A1 to write,
*                                    any disk to read)
FSPITEM  DS    H                   record number (0: the next)
FSPBUF   DS    A                   the buffer
FSPBSIZE DS    F                   its size (FSWRITE: the record's)
FSPRECFM DS    C                   FSWRITE: F or V
         DS    X
FSPNOIT  DS    H                   records (1)
FSPNBYT  DS    F                   FSREAD: the record's length
FSPLEN   EQU   *-FSPL
*
*---------------------------------------------------------------------*
* AFT: an open file (the active file table).                          *
*---------------------------------------------------------------------*
AFT      DSECT
AFTNEXT  DS    A                   the next open file
AFTFLAGS DS    X
AFTREAD  EQU   X'80'                 open for reading
AFTWRITE EQU   X'40'                 open for writing
         DS    XL3
AFTADT   DS    A                   the disk
AFTFST   DS    A                   reading: its FST
AFTRECNO DS    F                   the next record's number
AFTBYTE  DS    F                   the next record's place in the file
AFTDIDX  DS    F                   which data block is in AFTDATA
*                                    (0-based; -1 none)
AFTLIDX  DS    F                   which further chain link is in
*                                    AFTLINKN (1-40; 0 none)
AFTNFST  DS    XL40                writing: the FST being made
AFTWBLK  DS    F                   writing: the data block being
*                                    filled (its block number)
AFTLINK1 DS    XL800               the first chain link
AFTLINKN DS    XL800               a further chain link
AFTDATA  DS    XL800               a data block
AFTLEN   EQU   *-AFT
