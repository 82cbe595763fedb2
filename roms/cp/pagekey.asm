***********************************************************************
*  PAGEKEY: paging's start-up, frame locks and the guest's keys       *
*  (DMKPGK; issue 12).  The routines of paging.asm (DMKPAG) that      *
*  need nothing of its paging queue, in a module of their own so     *
*  that DMKPAG keeps within its 4K:                                   *
*    PGINIT          the frame table and the slot map, at start-up    *
*    PGLOCK, PGUNLKD a channel program's frames kept from the clock   *
*    PGRC, PGRRB,    the reference and change bits the guest would    *
*    PGSSK           have seen (ISK, RRB, SSK)                        *
*    PGLOGOF,        a machine's pages and slots given back (LOGOFF,  *
*    PGCLEAR         SYSTEM CLEAR; DMKPAG's PGCANCEL first)           *
*  The frame table's words (PGFTAB, PGNFRM ...) are DMKPAG's, reached *
*  through address constants.                                         *
*                                                                     *
*  A module: its own CSECT, R13 its base (ENTER).                     *
***********************************************************************
DMKPGK   CSECT
         USING DMKPGK,R13          the module's base (ENTER sets it)
         USING VMBLOK,R11
*
***********************************************************************
*  PGINIT: build the frame table and the slot map (FRMINIT calls it   *
*  once the free frames are chained, lowest first).  They take the    *
*  first free frames, which follow each other.  Uses R0-R8.           *
***********************************************************************
PGINIT   ENTER
         L     R3,REALSIZE         frames in real storage
         SRL   R3,12
         L     R1,=A(PGNFRM)       (DMKPAG's words, as pagecmd.asm
         ST    R3,0(R1)              reaches them)
         SLL   R3,4                bytes of frame table (16 a frame)
         L     R1,=A(PAGCYLS)      slots in the page area
         LH    R4,0(R1)
         MH    R4,NSSHPC
         MH    R4,NSSRPT
         L     R1,=A(PGNSLOT)
         ST    R4,0(R1)
         LA    R4,7(R4)            bytes of slot map (a bit a slot)
         SRL   R4,3
         AR    R4,R3
         L     R0,=F'4095'         frames for both
         AR    R4,R0
         SRL   R4,12
         L     R2,FREEFRM          the first of them
         L     R1,=A(PGFTAB)
         ST    R2,0(R1)
         LR    R6,R4
         SLL   R6,12               their bytes
PGI10    L     R1,FREEFRM          off the free chain
         MVC   FREEFRM,0(R1)
         L     R0,FRMCOUNT
         BCTR  R0,0
         ST    R0,FRMCOUNT
         BCT   R4,PGI10
         ST    R3,PGKMAPO          (the frame table's bytes)
         LR    R3,R6               all of them zero
         BAL   R14,CLEAR
         L     R1,=A(PGFTAB)       the slot map after the frame table
         L     R2,0(R1)
         A     R2,PGKMAPO
         L     R1,=A(PGSMAP)
         ST    R2,0(R1)
         LEAVE PGINIT
PGINITR  DS    F
PGINITB  DS    F
PGKMAPO  DS    F
*
***********************************************************************
*  PGLOCK: a channel program will point into the frame at real        *
*  address R2 (CCW, for each IDAW): it is not stolen until the        *
*  program ends (PGUNLKD).  Keeps R0-R14.                             *
***********************************************************************
PGLOCK   ENTER
         STM   R0,R1,PGKSAVE
         LR    R1,R2
         CALL  PGFTE
         BNZ   PGK90
         USING FTE,R1
         ICM   R0,15,FTVM          a guest's page?
         BZ    PGK90
         CLI   FTLOCK,255
         BE    PGK90               (cannot happen: 512 IDAWs at most)
         IC    R0,FTLOCK
         AH    R0,=H'1'
         STC   R0,FTLOCK
         DROP  R1
PGK90    LM    R0,R1,PGKSAVE
         LEAVE PGLOCK
PGLOCKR  DS    F
PGLOCKB  DS    F
PGKSAVE  DS    2F
*
***********************************************************************
*  PGUNLKD: the channel program on real disk R7 is over (IOREQ's      *
*  IOBREL): each frame its IDAW list (RDKIDN of them) pointed into is *
*  unlocked once, and RDKIDN is 0, so it never counts twice.  (The    *
*  list itself stays as it is: a channel never finds a zero there.)   *
*  In: R7 = RDISK.  Keeps R0-R14.                                     *
***********************************************************************
PGUNLKD  ENTER
         STM   R0,R4,PGUSAVE
         L     R3,RDKIDW-RDISK(R7) its IDAWs
         ICM   R4,15,RDKIDN-RDISK(R7)
         BNP   PGU90
         XC    RDKIDN-RDISK(4,R7),RDKIDN-RDISK(R7)
         C     R4,=A(IDAWMAX)      (never more)
         BNH   PGU10
         L     R4,=A(IDAWMAX)
PGU10    L     R1,0(R3)
         CALL  PGFTE
         BNZ   PGU20
         USING FTE,R1
         ICM   R0,15,FTVM          (the bucket is CP's)
         BZ    PGU20
         CLI   FTLOCK,0
         BE    PGU20
         IC    R0,FTLOCK
         BCTR  R0,0
         STC   R0,FTLOCK
         DROP  R1
PGU20    LA    R3,4(R3)
         BCT   R4,PGU10
PGU90    LM    R0,R4,PGUSAVE
         LEAVE PGUNLKD
PGUNLKDR DS    F
PGUNLKDB DS    F
PGUSAVE  DS    5F
*
***********************************************************************
*  The guest's view of reference and change bits.  CP's clock takes   *
*  reference bits away from the real key and a page-in starts with    *
*  both 0; what the guest would have seen is kept in its page record. *
*  ISK and RRB (privop.asm, privsim.asm) OR it in; SSK sets it anew.  *
*  Each: In: R2 = the real address (after GTRANS).                    *
*   PGRC:  Out: R1 = the guest's kept R and C (X'04', X'02').         *
*   PGRRB: the same, and the kept R is reset (RRB).                   *
*   PGSSK: the kept R and C reset; the slot no longer holds the page  *
*          as it is (SSK may have reset the change bit).              *
*  Keep R0, R2-R14.                                                   *
***********************************************************************
PGRC     ENTER
         MVI   PGRCOP,0
         B     PGRC05
PGRRB    ENTER PGRC
         MVI   PGRCOP,1
         B     PGRC05
PGSSK    ENTER PGRC
         MVI   PGRCOP,2
PGRC05   STM   R2,R8,PGRKSAVE
         ST    R0,PGRC0
         SR    R8,R8
         LR    R1,R2               the frame's entry
         CALL  PGFTE
         BNZ   PGRC80
         USING FTE,R1
         ICM   R15,15,FTVM         a guest's page?
         BZ    PGRC80
         L     R8,FTPAGE           its page record
         DROP  R1
         SRL   R8,10
         A     R8,VMPGTAB-VMBLOK(R15)
         CLI   PGRCOP,2
         BNE   PGRC10
         NI    PGKEY0-PGREC(R8),X'FF'-PGCUR
PGRC10   LR    R0,R2               which half
         N     R0,=F'2048'
         BZ    PGRC20
         LA    R8,PGKEY1-PGKEY0(R8)
PGRC20   LA    R8,PGKEY0-PGREC(R8)       -> its key byte
         SR    R1,R1
         IC    R1,0(R8)
         N     R1,=F'6'
         CLI   PGRCOP,0
         BE    PGRC90
         NI    0(R8),X'FF'-X'04'   RRB: R reset
         CLI   PGRCOP,1
         BE    PGRC90
         NI    0(R8),X'FF'-X'02'   SSK: C too
         B     PGRC90
PGRC80   SR    R1,R1
PGRC90   LM    R2,R8,PGRKSAVE
         L     R0,PGRC0
         LEAVE PGRC
PGRCR    DS    F
PGRCB    DS    F
PGRC0    DS    F
PGRKSAVE DS    7F
PGRCOP   DS    X
*
***********************************************************************
*  PGLOGOF: a machine goes (LOGOFF, after its disk requests are       *
*  cancelled): every frame it holds back on the free chain, every     *
*  slot free, its page-record frame too.  Its DAT-table frame is      *
*  LOGOFF's.  In: R11 = VMBLOK.  Keeps R2-R14.                        *
***********************************************************************
PGLOGOF  ENTER
         STM   R2,R8,PGLSAVE
         CALL  PGCANCEL        a read it waits for: forgotten
         ICM   R8,15,VMPGTAB
         BZ    PGLO90
         SR    R2,R2               guest page address
PGLO10   C     R2,VMSIZE
         BNL   PGLO40
         CALL  PGPTE
         TM    1(R1),X'08'         a frame?
         BO    PGLO20
         SR    R15,R15             yes: nobody's now, and free
         ICM   R15,3,0(R1)
         N     R15,=X'0000FFF0'
         SLL   R15,8
         MVC   0(2,R1),=X'0008'
         ST    R15,PGKFRM
         LR    R1,R15
         CALL  PGFTE
         XC    0(FTLEN,R1),0(R1)
         L     R15,PGKFRM
         BAL   R14,FRAMEFRE
PGLO20   LH    R1,PGSLOT-PGREC(R8)     a slot?
         LTR   R1,R1
         BZ    PGLO30
         BAL   R14,PGKSFREE
PGLO30   XC    0(PGRECLEN,R8),0(R8)
         LA    R8,PGRECLEN(R8)
         A     R2,=F'4096'
         B     PGLO10
PGLO40   L     R15,VMPGTAB
         BAL   R14,FRAMEFRE
         XC    VMPGTAB,VMPGTAB
         XC    VMFRAMES,VMFRAMES
         XC    VMPGTOT,VMPGTOT
         PTLB
         CALL  VATPURGE
PGLO90   LM    R2,R8,PGLSAVE
         LEAVE PGLOGOF
PGLOGOFR DS    F
PGLOGOFB DS    F
PGLSAVE  DS    7F
PGKFRM   DS    A
*
***********************************************************************
*  PGCLEAR: SYSTEM CLEAR has zeroed every frame the machine holds and *
*  set its keys to 0: the pages on slots are dropped too (they read   *
*  as zeros again), and no slot holds a page as it is any more.       *
*  In: R11 = VMBLOK.  Keeps R2-R14.                                   *
***********************************************************************
PGCLEAR  ENTER
         STM   R2,R8,PGLSAVE
         CALL  PGCANCEL        a read it waits for: forgotten
         ICM   R8,15,VMPGTAB
         BZ    PGC90
         SR    R2,R2
PGC10    C     R2,VMSIZE
         BNL   PGC90
         CALL  PGPTE
         TM    1(R1),X'08'         a frame?
         BO    PGC20
         MVI   PGKEY0-PGREC(R8),0        yes: keys 0, nothing on its slot
         MVI   PGKEY1-PGREC(R8),PGTOUCH
         B     PGC30
PGC20    LH    R1,PGSLOT-PGREC(R8)     no: its slot free
         LTR   R1,R1
         BZ    PGC25
         BAL   R14,PGKSFREE
PGC25    TM    PGKEY1-PGREC(R8),PGTOUCH  one page fewer
         BZ    PGC28
         L     R1,VMPGTOT
         BCTR  R1,0
         ST    R1,VMPGTOT
PGC28    XC    0(PGRECLEN,R8),0(R8)
PGC30    LA    R8,PGRECLEN(R8)
         A     R2,=F'4096'
         B     PGC10
PGC90    LM    R2,R8,PGLSAVE
         LEAVE PGCLEAR
PGCLEARR DS    F
PGCLEARB DS    F
*
***********************************************************************
*  PGKSFREE: slot R1 (1 and up) is free again (its bit in DMKPAG's    *
*  slot map 0, one slot fewer in use).  Uses R0, R1, R15.             *
***********************************************************************
PGKSFREE ST    R14,PGKSR
         BCTR  R1,0
         LR    R15,R1              its byte
         SRL   R15,3
         L     R14,=A(PGSMAP)
         A     R15,0(R14)
         N     R1,=F'7'            its bit: off
         IC    R0,PGKBITS(R1)
         X     R0,=F'255'
         STC   R0,PGKSAB
         NC    0(1,R15),PGKSAB
         L     R14,=A(PGSLOTS)
         L     R15,0(R14)
         BCTR  R15,0
         ST    R15,0(R14)
         L     R14,PGKSR
         BR    R14
PGKSR    DS    F
PGKSAB   DS    X
PGKBITS  DC    X'8040201008040201'
*
         LTORG                     the module's literals
