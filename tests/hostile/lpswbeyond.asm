***********************************************************************
*  LPSWBEYOND: LPSW with its operand beyond the guest's storage.      *
*                                                                     *
*  The attack (on CP's robustness).  LPSW traps (privileged); CP      *
*  fetches the new PSW from guest storage for it.  The operand lies   *
*  at the first address past the end of storage (DIAGNOSE X'60' says  *
*  where that is).  On a real machine that is an addressing exception *
*  (program interruption code 5; the operation is suppressed: the old *
*  PSW points past the LPSW, ILC 2 halfwords).  A CP that takes       *
*  "cannot copy from guest storage" for "no real frame left" stops    *
*  the machine with DMKPTR111E REAL STORAGE EXHAUSTED instead.        *
*                                                                     *
*  A correct CP reflects the addressing exception into the guest:     *
*  old PSW at X'28' with code 5, new PSW from X'68'.                  *
*                                                                     *
*  X'600D': the right program check.  X'BAD1': none at all (the LPSW  *
*  loaded something); X'BAD2': another code, ILC or address.          *
***********************************************************************
         COPY  GUEST
LPSWBEY  START X'8000'
         BALR  R12,0
         USING *,R12
         BAL   R14,PCARM
         DIAG  R6,0,X'60'          R6 = the size of storage
         LA    R9,CAUGHT
TRY      LPSW  0(R6)               the first address past the end
AFTER    LPSW  BAD1
CAUGHT   LA    R8,5                addressing exception
         LA    R7,4                ILC: 4 bytes
         LA    R6,AFTER            suppressed: the next instruction
         BAL   R14,PCCHECK
         BNE   WRONG
         LPSW  GOOD
WRONG    LPSW  BAD2
         COPY  PCCATCH
         COPY  DOIO
         END
