***********************************************************************
*  DIAGBEYOND: DIAGNOSE X'0C' with its 32-byte area beyond the        *
*  guest's storage.  As LPSWBEYOND: CP must store the time for the    *
*  guest and cannot; the guest gets an addressing exception (code 5,  *
*  ILC 2 halfwords, the old PSW past the DIAGNOSE), not DMKPTR111E.   *
*                                                                     *
*  X'600D': the right program check.  X'BAD1': none at all;          *
*  X'BAD2': another code, ILC or address.                             *
***********************************************************************
         COPY  GUEST
DIAGBEY  START X'8000'
         BALR  R12,0
         USING *,R12
         BAL   R14,PCARM
         DIAG  R6,0,X'60'          R6 = the size of storage
         LA    R9,CAUGHT
TRY      DIAG  R6,0,X'0C'          the first address past the end
AFTER    LPSW  BAD1
CAUGHT   LA    R8,5
         LA    R7,4
         LA    R6,AFTER
         BAL   R14,PCCHECK
         BNE   WRONG
         LPSW  GOOD
WRONG    LPSW  BAD2
         COPY  PCCATCH
         COPY  DOIO
         END
