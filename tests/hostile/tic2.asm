***********************************************************************
*  TIC2: a channel program with more than one TIC.                    *
*                                                                     *
*  The attack.  CP copies each guest TIC with the guest's target and  *
*  points it at its own copy of the target at the end; a TIC it       *
*  forgot to remember stays pointing at the guest address, which the  *
*  real channel takes for a real one: it runs whatever CCWs lie in    *
*  that real storage (someone else's, or CP's) with real addresses.   *
*  CP remembered only the first TIC of a program: the second went to  *
*  the real channel as it was (the long fuzz run found it).  So:      *
*     SEEK / TIC to the search / SEARCH ID EQUAL / TIC back to it /   *
*     TIC to the read / READ DATA                                     *
*  must read ALICE's record 1 of cylinder 0 head 0 as the plain       *
*  SEEK / SEARCH / TIC / READ does: a clean end, the same data.       *
*                                                                     *
*  X'600D': so; X'BAD1': not a clean end; X'BAD2': other data.        *
***********************************************************************
         COPY  GUEST
TIC2     START X'8000'
         BALR  R12,0
         USING *,R12
         LA    R1,PLAIN            the record, the plain way
         BAL   R14,DOIO
         BAL   R14,OKCSW
         BNZ   BROKEN
         LA    R1,THREE            and through three TICs
         BAL   R14,DOIO
         BAL   R14,OKCSW
         BNZ   LEAKED
         L     R2,=A(BUF1)
         L     R3,=A(BUF2)
         CLC   0(80,R2),0(R3)
         BNE   OTHER
         LPSW  GOOD
LEAKED   LPSW  BAD1
OTHER    LPSW  BAD2
BROKEN   LPSW  BROKENP
         DS    0D
BROKENP  DC    X'00020000',X'00000E01'
PLAIN    CCW   X'07',SEEK,X'40',6          SEEK cylinder 0, head 0
         CCW   X'31',ID1,X'40',5           SEARCH ID EQUAL R1
         CCW   X'08',*-8,0,1               TIC back to the search
         CCW   X'06',BUF1,X'20',80         READ DATA
THREE    CCW   X'07',SEEK,X'40',6          SEEK
         CCW   X'08',SRCH,0,1              TIC to the search
SRCH     CCW   X'31',ID1,X'40',5           SEARCH ID EQUAL R1
         CCW   X'08',SRCH,0,1              TIC back to it
         CCW   X'08',READ,0,1              TIC to the read
         CCW   X'03',0,X'20',1             (never reached)
READ     CCW   X'06',BUF2,X'20',80         READ DATA
SEEK     DC    XL6'00'
ID1      DC    X'0000000001'
         LTORG
         COPY  DOIO
         END
