***********************************************************************
*  KEYEMU: storage keys on the operands of instructions CP emulates.  *
*                                                                     *
*  Not an attack: fidelity.  A block of the machine's storage gets    *
*  key 3 with fetch protection; with PSW key 5 (SPKA) the machine's   *
*  STCTL, STIDP, STPT into it and LCTL, LPSW, SSM, SPT from it must   *
*  each be a protection exception (code 4), as the CPU gives it - CP  *
*  stores and fetches for the machine with its own key 0, so it must  *
*  check the machine's key itself (PRXSTCK, PRXFTCK).  With PSW key 0 *
*  the same STCTL works.                                              *
*                                                                     *
*  X'600D': all as the POO says.  X'BADn': step n went otherwise.    *
***********************************************************************
         COPY  GUEST
KEYEMU   START X'8000'
KBLK     EQU   X'C000'             the block with key 3
         BALR  R12,0
         USING *,R12
         BAL   R14,PCARM
         LA    R1,X'38'            key 3, fetch protection
         L     R2,=A(KBLK)
         SSK   R1,R2
         LA    R8,4                protection, ILC 4, each time
         LA    R7,4
         LA    R9,C1
         SPKA  X'50'               PSW key 5 (the handler sets 0)
         STCTL R0,R0,0(R2)
A1       LPSW  BAD1
C1       LA    R6,A1
         BAL   R14,PCCHECK
         BNE   W1
         LA    R9,C2
         SPKA  X'50'
         STIDP 0(R2)
A2       LPSW  BAD2
C2       LA    R6,A2
         BAL   R14,PCCHECK
         BNE   W2
         LA    R9,C3
         SPKA  X'50'
         STPT  0(R2)
A3       LPSW  BAD3
C3       LA    R6,A3
         BAL   R14,PCCHECK
         BNE   W3
         LA    R9,C4
         SPKA  X'50'
         LCTL  R0,R0,0(R2)
A4       LPSW  BAD4
C4       LA    R6,A4
         BAL   R14,PCCHECK
         BNE   W4
         LA    R9,C5
         SPKA  X'50'
         LPSW  0(R2)
A5       LPSW  BAD5
C5       LA    R6,A5
         BAL   R14,PCCHECK
         BNE   W5
         LA    R9,C6
         SPKA  X'50'
         SSM   0(R2)
A6       LPSW  BAD6
C6       LA    R6,A6
         BAL   R14,PCCHECK
         BNE   W6
         LA    R9,C7
         SPKA  X'50'
         SPT   0(R2)
A7       LPSW  BAD7
C7       LA    R6,A7
         BAL   R14,PCCHECK
         BNE   W7
         LA    R9,W8               key 0: STCTL works
         SPKA  0
         STCTL R0,R0,0(R2)
         SR    R1,R1               the block back to key 0
         SSK   R1,R2
         LPSW  GOOD
W1       LPSW  BAD1
W2       LPSW  BAD2
W3       LPSW  BAD3
W4       LPSW  BAD4
W5       LPSW  BAD5
W6       LPSW  BAD6
W7       LPSW  BAD7
W8       LPSW  BAD8
         COPY  PCCATCH
         DS    0D
GOOD     DC    X'000200000000600D'
BAD1     DC    X'00020000',X'0000BAD1'
BAD2     DC    X'00020000',X'0000BAD2'
BAD3     DC    X'00020000',X'0000BAD3'
BAD4     DC    X'00020000',X'0000BAD4'
BAD5     DC    X'00020000',X'0000BAD5'
BAD6     DC    X'00020000',X'0000BAD6'
BAD7     DC    X'00020000',X'0000BAD7'
BAD8     DC    X'00020000',X'0000BAD8'
         LTORG
         END
