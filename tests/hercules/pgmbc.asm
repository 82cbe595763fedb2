*  PGMBC -- program interruptions in BC mode, caught by a handler.
*
*  The program new PSW (X'68') sends every program interruption to PGMH, which
*  copies the program old PSW (X'28': interruption code in bits 16-31, ILC in
*  bits 32-33, cc, program mask, and the address after the failing
*  instruction) to the result list at R10, and resumes at R11.
*  Each case below sets R11, then does one wrong thing:
*    operation (1), privileged operation from the problem state (2),
*    execute (3), protection on store and on fetch with storage keys (4),
*    addressing (5), specification (6), data (7), fixed-point overflow (8),
*    fixed-point divide (9), decimal overflow (A), decimal divide (B).
*  Cases that must NOT interrupt record a marker word instead.
*
*  DUMP 800.100
*  DUMP 3000.10
PGMBC    START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   PGMBC+X'68'
         DC    X'00000000',A(PGMH)   program new PSW: BC, disabled, key 0
         ORG   PGMBC+X'200'
BEGIN    BALR  12,0
         USING *,12
         LA    10,RESULTS
* ---- operation: opcode X'00' (ILC 1) --------------------------------------
         LA    11,C1
         DC    X'0000'
C1       DS    0H
* ---- privileged operation: SSM in the problem state ----------------------
         LA    11,C2
         LPSW  PROBLEM               to P2 in the problem state, key 0
P2       SSM   ZERO                  privileged: code 2, ILC 2
C2       DS    0H
* ---- execute: EX of an EX ------------------------------------------------
         LA    11,C3
         EX    0,EXEX                code 3, ILC 2
C3       DS    0H
* ---- protection: block X'3000' gets key 5; store under PSW key 3 ---------
         LA    1,X'50'               key 5, no fetch protection
         L     2,=A(X'3000')         R2 -> the block (kept below)
         SSK   1,2
         LA    11,C4
         LPSW  KEY3                  to K3 with PSW key 3
K3       L     4,0(,2)               fetch is allowed: no fetch protection
         MVI   0(2),X'FF'            store: code 4, ILC 2, nothing stored
C4       ST    4,0(,10)              (key 0 again) what was fetched: 11111111
         LA    10,4(,10)
         LA    1,X'58'               now key 5 WITH fetch protection
         SSK   1,2
         LA    11,C5
         LPSW  KEY3B
K3B      L     4,4(,2)               fetch: code 4
C5       LA    1,0                   block back to key 0
         SSK   1,2
* ---- addressing: beyond the 2M of storage ------------------------------------
         LA    11,C6
         L     1,=A(X'300000')
         L     2,0(,1)               code 5, ILC 2
C6       DS    0H
* ---- specification: odd register for M, odd branch address ---------------
         LA    11,C7
         M     3,=F'2'               code 6, ILC 2
C7       LA    11,C8
         LA    1,C8+1
         BR    1                     the branch is taken; the fetch at the odd
C8       DS    0H                    address fails: code 6
*      The ILC and instruction address stored for an odd instruction address
*      are model-dependent (POO: ILC 1, 2 or 3, the address advanced by as
*      many halfwords). cpcms always takes 2 (C8+5); Hercules 3.13 seems to
*      reuse the ILC of an earlier instruction (here 3, C8+7; 2 in
*      ifetch.asm). So the second word of this old PSW is cleared: only the
*      code is compared.
         SH    10,=H'4'
         XC    0(4,10),0(10)
         LA    10,4(,10)
* ---- data: AP with an invalid sign ----------------------------------------
         LA    11,C9
         AP    DFIELD,=X'12'         X'12' has no valid sign: code 7, ILC 3
C9       DS    0H
* ---- fixed-point overflow, mask on (program mask 8) -----------------------
         L     1,=X'08000000'
         SPM   1
         LA    11,C10
         L     1,=X'7FFFFFFF'
         A     1,=F'1'               code 8, ILC 2, cc3: the sum IS stored
C10      ST    1,0(,10)              80000000
         LA    10,4(,10)
* ---- fixed-point divide ---------------------------------------------------
         LA    11,C11
         SR    2,2
         LA    3,1
         D     2,=F'0'               code 9
C11      DS    0H
* ---- decimal overflow, mask on (program mask 4) -----------------------------
         L     1,=X'04000000'
         SPM   1
         LA    11,C12
         ZAP   DSMALL,=P'999'
         AP    DSMALL,=P'1'          code A, cc3, result 00C stored
C12      DS    0H
* ---- decimal divide ------------------------------------------------------
         LA    11,C13
         DP    DQ,=P'0'              code B
C13      SR    1,1
         SPM   1
         LPSW  DONE
*
*  PGMH: record the program old PSW and resume at R11 (supervisor, key 0).
PGMH     MVC   0(8,10),X'28'
         LA    10,8(,10)
         BR    11
*
         DS    0D
DONE     DC    X'000200000000C0DE'   disabled wait
PROBLEM  DC    X'00010000',A(P2)     BC, key 0, problem state
KEY3     DC    X'00300000',A(K3)     BC, key 3, supervisor
KEY3B    DC    X'00300000',A(K3B)
ZERO     DC    X'00'
EXEX     EX    0,EXEX
DFIELD   DC    PL2'1'
DSMALL   DC    PL2'0'
DQ       DC    PL4'100'
         LTORG
         ORG   PGMBC+X'800'
RESULTS  DS    32D
         ORG   PGMBC+X'3000'
         DC    X'11111111',X'22222222',X'33333333',X'44444444'
         END
