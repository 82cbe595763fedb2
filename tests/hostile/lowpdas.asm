***********************************************************************
*  LOWPDAS: low-address protection, the DAS instructions, TPROT, the  *
*  MVS assists and the 4K-block key instructions, each pointed where  *
*  a careless CP would stumble (issue 12, DMKPRX).                    *
*                                                                     *
*  With the virtual CR0 bit 3 on, the real CR0 bit 3 is on while the  *
*  guest runs; CP must put its own back before it stores below 512   *
*  (the CAW of its terminal I/O): DIAGNOSE X'08' makes it write to    *
*  the terminal, and the guest's own store below 512 must be refused  *
*  (protection, code 4), and so must the stores CP makes for it      *
*  (STCTL, STIDP, STPT, STAP).  With its CR3 all ones and MVCK, no    *
*  other machine may see that key mask.  Then, in turn, each of these *
*  must give exactly its program check, CP going on:                  *
*     IAC, EPAR, PC, MVCP    special operation (X'13'): DAT is off    *
*     LASP                   special operation: CR14 bit 12 off       *
*     TPROT past the end     addressing (5)                           *
*     E504, an ASCB past the end: addressing                          *
*     SSKE, ISKE past the end: addressing                             *
*                                                                     *
*  X'600D': all as the POO says.  X'BADn': step n went otherwise.    *
***********************************************************************
         COPY  GUEST
LOWPDAS  START X'8000'
         BALR  R12,0
         USING *,R12
         BAL   R14,PCARM
         DIAG  R10,0,X'60'         R10 = the size of storage
*  1: low-address protection on; a store below 512 is refused.
         LCTL  R0,R0,CR0LOW
         LA    R9,C1
         ST    R0,X'100'
A1       LPSW  BAD1
C1       LA    R8,4
         LA    R7,4
         LA    R6,A1
         BAL   R14,PCCHECK
         BNE   W1
*  1b-1e: stores CP makes for the guest are refused there too.
         LA    R9,C1B
         STCTL R0,R0,X'100'
A1B      LPSW  BAD1
C1B      LA    R6,A1B
         BAL   R14,PCCHECK
         BNE   W1
         LA    R9,C1C
         STIDP X'100'
A1C      LPSW  BAD1
C1C      LA    R6,A1C
         BAL   R14,PCCHECK
         BNE   W1
         LA    R9,C1D
         STPT  X'100'
A1D      LPSW  BAD1
C1D      LA    R6,A1D
         BAL   R14,PCCHECK
         BNE   W1
         LA    R9,C1E
         STAP  X'100'
A1E      LPSW  BAD1
C1E      LA    R6,A1E
         BAL   R14,PCCHECK
         BNE   W1
*  2: CP writes on the terminal (its CAW at its X'48') meanwhile.
         LA    R2,QTIME
         LA    R3,L'QTIME
         DIAG  R2,R3,X'08'
*  3: MVCK with every key allowed (CR3), within this machine.
         LCTL  R3,R3,CR3ALL
         LA    R1,8
         LA    R2,MVTO
         LA    R3,MVFROM
         LA    R4,X'80'            key 8
         MVCK  0(R1,R2),0(R3),R4
         CLC   MVTO,MVFROM
         BNE   W3
*  4-7: IAC, EPAR, PC, MVCP: special operation, DAT off.
         LA    R9,C4
         IAC   R1
A4       LPSW  BAD4
C4       LA    R8,X'13'
         LA    R7,4
         LA    R6,A4
         BAL   R14,PCCHECK
         BNE   W4
         LA    R9,C5
         EPAR  R1
A5       LPSW  BAD5
C5       LA    R7,4
         LA    R6,A5
         BAL   R14,PCCHECK
         BNE   W5
         LA    R9,C6
         PC    0
A6       LPSW  BAD6
C6       LA    R7,4
         LA    R6,A6
         BAL   R14,PCCHECK
         BNE   W6
         LA    R9,C7
         MVCP  0(R1,R2),0(R3),R4
A7       LPSW  BAD7
C7       LA    R7,6
         LA    R6,A7
         BAL   R14,PCCHECK
         BNE   W7
*  8: LASP with CR14's ASN translation off.
         LA    R9,C8
         LASP  LASPD,0
A8       LPSW  BAD8
C8       LA    R7,6
         LA    R6,A8
         BAL   R14,PCCHECK
         BNE   W8
*  9: TPROT of the first address past the end: addressing.
         LA    R9,C9
         TPROT 0(R10),0
A9       LPSW  BAD9
C9       LA    R8,5
         LA    R7,6
         LA    R6,A9
         BAL   R14,PCCHECK
         BNE   W9
*  10: E504 whose ASCB lies past the end: addressing.
         ST    R10,ASCB
         LA    R9,C10
         LA    R4,ASCB
         LA    R5,HELD
         DC    X'E50440005000'     E504 0(R4),0(R5)
A10      LPSW  BADA
C10      LA    R7,6
         LA    R6,A10
         BAL   R14,PCCHECK
         BNE   W10
*  11: SSKE and ISKE past the end (bit 0 of R2 ignored, as the CPU).
         LA    R9,C11
         L     R2,=X'80000000'
         OR    R2,R10
         SR    R1,R1
         SSKE  R1,R2
A11      LPSW  BADB
C11      LA    R7,4
         LA    R6,A11
         BAL   R14,PCCHECK
         BNE   W11
         LA    R9,C12
         ISKE  R1,R2
A12      LPSW  BADC
C12      LA    R7,4
         LA    R6,A12
         BAL   R14,PCCHECK
         BNE   W12
*  Protection off again; all well.
         LCTL  R0,R0,CR0OFF
         LCTL  R3,R3,CR0OFF
         LPSW  GOOD
W1       LPSW  BAD1
W3       LPSW  BAD3
W4       LPSW  BAD4
W5       LPSW  BAD5
W6       LPSW  BAD6
W7       LPSW  BAD7
W8       LPSW  BAD8
W9       LPSW  BAD9
W10      LPSW  BADA
W11      LPSW  BADB
W12      LPSW  BADC
         COPY  PCCATCH
         DS    0D
GOOD     DC    X'000200000000600D'
BAD1     DC    X'00020000',X'0000BAD1'
BAD3     DC    X'00020000',X'0000BAD3'
BAD4     DC    X'00020000',X'0000BAD4'
BAD5     DC    X'00020000',X'0000BAD5'
BAD6     DC    X'00020000',X'0000BAD6'
BAD7     DC    X'00020000',X'0000BAD7'
BAD8     DC    X'00020000',X'0000BAD8'
BAD9     DC    X'00020000',X'0000BAD9'
BADA     DC    X'00020000',X'0000BADA'
BADB     DC    X'00020000',X'0000BADB'
BADC     DC    X'00020000',X'0000BADC'
LASPD    DC    D'0'
CR0LOW   DC    X'10000000'         low-address protection
CR0OFF   DC    F'0'
CR3ALL   DC    X'FFFF0000'         every key in the problem state
ASCB     DS    F
HELD     DC    F'0'
MVFROM   DC    CL8'MVCKDATA'
MVTO     DC    CL8' '
QTIME    DC    C'QUERY TIME'
         LTORG
         END
