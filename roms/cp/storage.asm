***********************************************************************
*  STORAGE: real page frames (DMKPTR in miniature).                   *
*                                                                     *
*  Real storage from the end of the CMS nucleus (NSSAREA + NSSLEN) to *
*  the end of the machine (REALSIZE, from SYSCONF) is cut into 4K     *
*  frames and chained: the first word of each free frame holds the    *
*  address of the next.  Virtual machines get frames one page at a    *
*  time, when they first touch a page, and give them back at LOGOFF.  *
*  When none is free, paging.asm steals one (PGFAULT): real storage   *
*  may be smaller than the virtual machines' storage together.        *
*  (FRMSHARE is no longer a limit: it says what an even share is.)    *
***********************************************************************
*
***********************************************************************
*  FRMINIT: chain every free frame; set FRMSHARE.  Uses R2-R5.        *
***********************************************************************
FRMINIT  L     R2,=A(NSSAREA)      the first frame after the nucleus
         A     R2,NSSLEN
         A     R2,=F'4095'
         N     R2,=X'00FFF000'
         L     R3,REALSIZE
         XC    FREEFRM,FREEFRM
         SR    R4,R4
FI10     S     R3,=F'4096'         from the top down, so the lowest
         CR    R3,R2                 frame ends up first in the chain
         BL    FI20
         MVC   0(4,R3),FREEFRM
         ST    R3,FREEFRM
         LA    R4,1(R4)
         B     FI10
FI20     ST    R4,FRMCOUNT
*  The frame table first (pagekey.asm), then the spool area (SPOOL's
*  SPINIT takes SPFRAMES of them).
         ST    R14,FRMINITR
         CALL  PGINIT
         CALL  SPINIT
         L     R14,FRMINITR
         L     R4,FRMCOUNT
*  Each terminal's share: what is left after one DAT-table frame per
*  terminal, divided among them.
         LA    R3,NUMTERM
         SR    R4,R3
         SRDA  R4,32
         DR    R4,R3
         ST    R5,FRMSHARE
         BR    R14
FRMINITR DS    F
*
***********************************************************************
*  FRAMEGET: take a frame off the chain, zeroed, storage keys 0.      *
*  Out: R15 = its address, or 0 if none is left.  Saves R0-R5.        *
***********************************************************************
FRAMEGET L     R15,FREEFRM
         LTR   R15,R15
         BZR   R14
         STM   R0,R5,FRGSAVE
         ST    R14,FRGR
         MVC   FREEFRM,0(R15)
         L     R1,FRMCOUNT
         BCTR  R1,0
         ST    R1,FRMCOUNT
         BAL   R14,FRAMEZAP
         LM    R0,R5,FRGSAVE
         L     R14,FRGR
         BR    R14
FRGSAVE  DS    6F
FRGR     DS    F
*
***********************************************************************
*  FRAMEZAP: make the frame at R15 as good as new for its next owner: *
*  zeroed, the storage keys of both 2K halves 0.  (FRAMEGET's frames, *
*  and those PAGING steals.)  Keeps R15.  Uses R0-R5.                 *
***********************************************************************
FRAMEZAP ST    R14,FRZR
         SR    R0,R0               key 0 for both 2K halves
         SSK   R0,R15
         LA    R1,2048(R15)
         SSK   R0,R1
         LR    R2,R15
         L     R3,=F'4096'
         BAL   R14,CLEAR
         L     R14,FRZR
         BR    R14
FRZR     DS    F
*
***********************************************************************
*  FRAMEFRE: put the frame at R15 back on the chain.  Uses R1.        *
***********************************************************************
FRAMEFRE MVC   0(4,R15),FREEFRM
         ST    R15,FREEFRM
         L     R1,FRMCOUNT
         LA    R1,1(R1)
         ST    R1,FRMCOUNT
         BR    R14
