***********************************************************************
*  LASTBYTES: a privileged instruction in the last four bytes of the  *
*  guest's storage.                                                   *
*                                                                     *
*  The attack (on CP's robustness).  The guest puts LPSW 0(R10) in    *
*  the last four bytes of its storage and branches there.  LPSW traps;*
*  a CP that fetches six bytes of "the instruction" to look at it     *
*  fails on the two bytes past the end, and stops the machine with    *
*  DMKPTR111E REAL STORAGE EXHAUSTED.  The instruction is four bytes  *
*  long and lies wholly in storage: a real machine simply runs it.    *
*                                                                     *
*  A correct CP fetches the instruction's own length (from its first  *
*  two bits) and emulates it: the LPSW loads a PSW that comes back    *
*  into the program.                                                  *
*                                                                     *
*  X'600D': the LPSW was done.  X'BAD1': it was not, and the guest    *
*  got a program check instead.                                       *
***********************************************************************
         COPY  GUEST
LASTBYTE START X'8000'
         BALR  R12,0
         USING *,R12
         BAL   R14,PCARM
         LA    R9,CAUGHT
         DIAG  R6,0,X'60'          R6 = the size of storage
         S     R6,=F'4'            its last four bytes:
         MVC   0(4,R6),INSTR         LPSW 0(R10)
         LA    R10,NEWPSW
         BR    R6
CAUGHT   LPSW  BAD1
LANDED   LPSW  GOOD
INSTR    LPSW  0(R10)
         DS    0D
NEWPSW   DC    X'00000000',A(LANDED)
         COPY  PCCATCH
         COPY  DOIO
         END
