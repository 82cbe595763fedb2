***********************************************************************
*  PCCATCH: catching the program check an instruction must cause      *
*  (COPY PCCATCH after a program's code).  Not a program of its own.  *
*                                                                     *
*  PCARM: from now on a program check comes to PCGOT, which keeps the *
*  program old PSW in PCOLD and goes on at R9.  Uses nothing.         *
*  PCCHECK: was PCOLD an interruption with code R8 (the code the      *
*  instruction must cause), ILC R7 (in bytes) and the address R6 (the *
*  instruction after it: suppression)?  CC 0 if so.  Uses R15.        *
***********************************************************************
PCARM    MVC   X'68'(8),PCNEW
         XC    PCOLD,PCOLD
         BR    R14
PCGOT    MVC   PCOLD,X'28'         (the program new PSW)
         BR    R9
PCCHECK  SR    R15,R15
         ICM   R15,3,PCOLD+2       the code
         CR    R15,R8
         BNER  R14
         SR    R15,R15             the ILC: bits 32-33, in halfwords
         IC    R15,PCOLD+4
         SRL   R15,6
         AR    R15,R15             in bytes
         CR    R15,R7
         BNER  R14
         ICM   R15,15,PCOLD+4      the address
         N     R15,=X'00FFFFFF'
         CR    R15,R6
         BR    R14
         DS    0D
PCNEW    DC    X'00000000',A(PCGOT)    disabled, supervisor state
PCOLD    DS    D
