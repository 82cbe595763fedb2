***********************************************************************
*  GUESTMEM: reaching a virtual machine's storage from CP.            *
*                                                                     *
*  CP runs with DAT off, so a guest address means nothing to it until *
*  it has been translated the way the hardware translates it for the  *
*  guest: through the machine's segment table (64K segments) and page *
*  tables (4K pages).  A page without a frame (never touched, or      *
*  paged out) has an invalid page-table entry; GTRANS gives it one on *
*  the spot, exactly as a page fault would (PGFAULT, paging.asm: a    *
*  free frame or a stolen one; zeroed, or the page read back from its *
*  paging slot).                                                      *
*                                                                     *
*  Segment-table entry (4 bytes)     Page-table entry (2 bytes)       *
*    0-3   page-table length - 1       0-11  frame address bits 8-19  *
*    8-28  page-table origin           12    invalid                  *
*    31    segment invalid                                            *
***********************************************************************
*
***********************************************************************
*  GTRANS: guest real address -> real address.                       *
*  In:  R11 = VMBLOK, R2 = guest address.                             *
*  Out: CC 0 and R2 = real address; or CC not 0 and R15 = 1 if the    *
*       address lies beyond the machine's storage, 2 if no frame is   *
*       free.  Uses R0, R1, R15.                                      *
***********************************************************************
GTRANS   DS    0H
         USING VMBLOK,R11
         N     R2,=X'00FFFFFF'
         C     R2,VMSIZE
         BNL   GTRBEYND
         LR    R1,R2               segment index * 4
         SRL   R1,16
         SLL   R1,2
         A     R1,VMTABLES         -> segment-table entry
         L     R1,0(R1)
         N     R1,=X'00FFFFF8'     page-table origin
         LR    R15,R2              page index * 2
         SRL   R15,12
         N     R15,=F'15'
         AR    R15,R15
         AR    R1,R15              -> page-table entry
         TM    1(R1),X'08'         invalid?
         BZ    GTR20
         ST    R14,GTRANSR         yes: a frame for it, free, stolen
         CALL  PGFAULT               or read back (paging.asm)
         L     R14,GTRANSR
         BNZ   GTRNOFRM
GTR20    SR    R15,R15
         ICM   R15,3,0(R1)         the page-table entry
         N     R15,=X'0000FFF0'
         SLL   R15,8               the frame
         N     R2,=X'00000FFF'     plus the byte within it
         AR    R2,R15
         SR    R15,R15             CC 0
         BR    R14
GTRBEYND LA    R15,1
         LTR   R15,R15
         BR    R14
GTRNOFRM LA    R15,2
         LTR   R15,R15
         BR    R14
GTRANSR  DS    F
*
*
***********************************************************************
*  GCOPYIN:  copy R4 bytes from guest address R2 to CP address R3.    *
*  GCOPYOUT: copy R4 bytes from CP address R3 to guest address R2.    *
*  A page at a time (and at most 256 bytes per MVC), since guest      *
*  pages that follow each other need not be in frames that do.        *
*  Out: CC 0, R2 and R3 advanced past the data; or CC not 0 with R15  *
*  as GTRANS says.  Uses R0-R5, R15.                                  *
*  GCOPYVI, GCOPYVO: the same for the operands of an instruction CP   *
*  emulates for machine R11: while its virtual PSW has DAT on (EC     *
*  mode, bit 5) they are guest VIRTUAL addresses, and vat.asm's       *
*  VATCOPY copies them a 2K block at a time, each translated by the   *
*  guest's own tables first (R15 = 3: a translation exception for    *
*  the guest, NOSTORE reflects it).                                   *
*  GCOPYAI, GCOPYAO: the same for a channel program's ABSOLUTE        *
*  addresses (CCWs, IDAWs, data): while the machine has a prefix,     *
*  prefix.asm's PFXCOPY copies them a page at a time, each page's     *
*  address exchanged first (page 0 and the prefix page).              *
***********************************************************************
GCOPYAI  ICM   R0,15,VMPFX-VMBLOK(R11)   no prefix: absolute = real
         BZ    GCOPYIN
         MVI   GCDIR,0
         B     GCOPYA
GCOPYAO  ICM   R0,15,VMPFX-VMBLOK(R11)
         BZ    GCOPYOUT
         MVI   GCDIR,1
GCOPYA   L     R15,=A(PFXCOPY)     (it returns to the caller)
         BR    R15
GCOPYVI  MVI   GCDIR,0
         B     GCOPYV
GCOPYVO  MVI   GCDIR,1
         TM    VMPERCP-VMBLOK(R11),X'01'   (PER events armed: the store
         BZ    GCOPYV                        may be one, DMKPRX)
         ST    R14,GCOPYVR
         CALL  PRXPSTO
         L     R14,GCOPYVR
GCOPYV   TM    VMPSW-VMBLOK+1(R11),PSWEC
         BZ    GCOPY
         TM    VMPSW-VMBLOK(R11),X'04'
         BZ    GCOPY
         L     R15,=A(VATCOPY)     (it returns to the caller)
         BR    R15
GCOPYIN  MVI   GCDIR,0
         B     GCOPY
GCOPYOUT MVI   GCDIR,1
GCOPY    ENTER
GC10     LTR   R4,R4               anything left?
         BNP   GCDONE
         ST    R2,GCGADDR
         BAL   R14,GTRANS          R2 = real address
         BNZ   GCFAIL
         L     R5,GCGADDR          bytes left in this page
         N     R5,=X'00000FFF'
         LCR   R5,R5
         A     R5,=F'4096'
         CR    R5,R4               no more than asked for
         BNH   GC20
         LR    R5,R4
GC20     C     R5,=F'256'          no more than one MVC moves
         BNH   GC30
         LA    R5,256
GC30     LR    R1,R5
         BCTR  R1,0                length - 1 for EX
         CLI   GCDIR,0
         BNE   GC40
         EX    R1,GCMVCIN
         B     GC50
GC40     EX    R1,GCMVCOUT
GC50     L     R2,GCGADDR          advance
         AR    R2,R5
         AR    R3,R5
         SR    R4,R5
         B     GC10
GCDONE   L     R14,GCOPYR
         SR    R15,R15             CC 0
         BR    R14
GCFAIL   L     R14,GCOPYR
         LTR   R15,R15
         BR    R14
GCMVCIN  MVC   0(0,R3),0(R2)       guest -> CP
GCMVCOUT MVC   0(0,R2),0(R3)       CP -> guest
GCOPYR   DS    F
GCOPYVR  DS    F
GCGADDR  DS    F
GCDIR    DS    X
         DROP  R11
