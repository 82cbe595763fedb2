*  KEYS2 -- LCTL and STCTL whose operand crosses from a 2K block of the PSW
*  key into one of another key (BC mode, PSW key 5 by SPKA): the CPU checks
*  every block an operand spans, so it is a protection exception (code 4)
*  and nothing is stored or loaded; into a block of the same key it works.
*  Block X'1000' has key 5, X'1800' key 3 with fetch protection, X'2000'
*  key 5, X'2800' key 5.
*
*  PGMH records the program old PSW at R10 and resumes at R11 (key 0).
*
*  DUMP 3000.80
*  DUMP 17F0.20
*  DUMP 27F0.20
KEYS2    START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   KEYS2+X'68'
         DC    X'00000000',A(PGMH)   program new PSW: BC, key 0
         ORG   KEYS2+X'200'
BEGIN    BALR  12,0
         USING *,12
         L     10,=A(RESULTS)
         L     9,=A(X'1000')         R9: the blocks' base
         LA    1,X'50'               the keys
         SSK   1,9
         LA    2,X'800'(,9)
         LA    1,X'38'
         SSK   1,2
         L     8,=A(X'2000')     R8: the next two
         LA    1,X'50'
         SSK   1,8
         LA    2,X'800'(,8)
         SSK   1,2
         MVC   X'7F0'(32,9),PATTERN  what must stay
         MVC   X'7F0'(32,8),PATTERN
         LCTL  10,11,CR1011          CR10, CR11 known
* ---- 1: STCTL 8,11 across into the key-3 block: protection, nothing stored
         LA    11,C1
         SPKA  X'50'
         STCTL 8,11,X'7F8'(9)
         SPKA  0
         MVC   0(4,10),=C'NONE'
         LA    10,8(,10)
C1       DS    0H
* ---- 2: LCTL 10,11 across into the fetch-protected block: nothing loaded
         LA    11,C2
         SPKA  X'50'
         LCTL  10,11,X'7FC'(9)
         SPKA  0
         MVC   0(4,10),=C'NONE'
         LA    10,8(,10)
C2       STCTL 10,11,0(10)           CR10, CR11 as they were
         LA    10,8(,10)
* ---- 3: STCTL 10,11 across X'2800' (key 5 both): stored ------------------
         LA    11,C3
         SPKA  X'50'
         STCTL 10,11,X'7FC'(8)
         SPKA  0
         MVC   0(4,10),=C'NONE'
         LA    10,8(,10)
C3       DS    0H
* ---- 4: LCTL 10,11 from there: loaded -------------------------------------
         LCTL  10,11,CR0
         LA    11,C4
         SPKA  X'50'
         LCTL  10,11,X'7FC'(8)
         SPKA  0
         MVC   0(4,10),=C'NONE'
         LA    10,8(,10)
C4       STCTL 10,11,0(10)
         LA    10,8(,10)
         LCTL  10,11,CR0
         LPSW  DONE
*
PGMH     MVC   0(8,10),X'28'
         LA    10,8(,10)
         BR    11
*
         DS    0D
DONE     DC    X'000200000000C0DE'   disabled wait
CR1011   DC    X'00123456',X'00654321'
CR0      DC    2F'0'
PATTERN  DC    8C'WXYZ'
         LTORG
         ORG   KEYS2+X'3000'
RESULTS  DS    16D
         END
