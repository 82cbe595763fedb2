***********************************************************************
*  EXSSM: SSM as the target of EXECUTE.                               *
*                                                                     *
*  Not an attack: fidelity.  EX of a privileged instruction in        *
*  problem state is a privileged-operation exception with the PSW     *
*  past the EX and the EX's length (4) as the ILC.  CP finds the      *
*  instruction to emulate at PSW - ILC: that is the EX, not its       *
*  target; a CP that does not look through EX gives the guest an      *
*  operation exception for an instruction it should have emulated.    *
*  (VM/370's DMKPRV looked through EX.)                               *
*                                                                     *
*  A correct CP emulates the target (with the EX's R1 bits ORed into  *
*  its second byte; R1 = 0 here): X'600D'.  X'BAD1' for the           *
*  operation exception (or any program check, code in X'8E').         *
***********************************************************************
         COPY  GUEST
EXSSM    START X'8000'
         BALR  R12,0
         USING *,R12
         MVC   X'68'(8),PGMNEW
         EX    R0,SSMI
         LPSW  GOOD
PGMCHK   LPSW  BAD1
SSMI     SSM   MASK                (disabled: as it is)
MASK     DC    X'00'
         DS    0D
PGMNEW   DC    X'00000000',A(PGMCHK)
GOOD     DC    X'000200000000600D'
BAD1     DC    X'00020000',X'0000BAD1'
         END
