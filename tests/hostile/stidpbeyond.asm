***********************************************************************
*  STIDPBEYOND: STORE CPU ID with its operand beyond the guest's      *
*  storage.  As LPSWBEYOND, for a store: CP must store the CPU id for *
*  the guest and cannot; a real machine gives an addressing exception *
*  (code 5, suppressed, ILC 2 halfwords), and so must CP - not        *
*  DMKPTR111E REAL STORAGE EXHAUSTED.                                 *
*                                                                     *
*  X'600D': the right program check.  X'BAD1': none at all;          *
*  X'BAD2': another code, ILC or address.                             *
***********************************************************************
         COPY  GUEST
STIDPBEY START X'8000'
         BALR  R12,0
         USING *,R12
         BAL   R14,PCARM
         DIAG  R6,0,X'60'          R6 = the size of storage
         LA    R9,CAUGHT
TRY      STIDP 0(R6)               the first address past the end
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
