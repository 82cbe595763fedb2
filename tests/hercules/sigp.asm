*  SIGP -- SIGNAL PROCESSOR on a one-CPU machine, and STAP.
*
*  SIGP R1,R3,D2(B2): the order code is in bits 24-31 of the second-operand
*  address, the CPU address in bits 16-31 of R3; status, if any, goes to R1.
*  A CPU address that is not in the configuration answers cc 3 (not
*  operational), R1 unchanged. To itself: sense (X'01') is accepted (cc 0);
*  an unassigned order (X'1F') is answered with cc 1 and the invalid-order
*  bit (X'00000002') in R1. STAP stores this CPU's address, 0.
*
*  DUMP 800.40
SIGP     START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   SIGP+X'68'
         DC    X'0002000000000068'   program new PSW: stop if anything goes wrong
         ORG   SIGP+X'200'
BEGIN    BALR  12,0
         USING *,12
         LA    10,RESULTS
* ---- CPU 1 does not exist: cc 3, R2 unchanged ------------------------------
         L     2,=X'DEADBEEF'
         LA    3,1
         SIGP  2,3,X'01'             sense
         BAL   14,CC
         ST    2,0(,10)
         LA    10,4(,10)
* ---- CPU X'FFFF' does not exist either ------------------------------------
         L     3,=X'0000FFFF'
         SIGP  2,3,X'05'             stop
         BAL   14,CC
* ---- this CPU: sense is accepted ---------------------------------------------
         L     2,=X'DEADBEEF'
         SR    3,3
         SIGP  2,3,X'01'
         BAL   14,CC
* ---- this CPU: an unassigned order ----------------------------------------
         L     2,=X'DEADBEEF'
         SIGP  2,3,X'1F'
         BAL   14,CC
         ST    2,0(,10)
         LA    10,4(,10)
* ---- STAP -------------------------------------------------------------------
         MVC   0(2,10),=X'FFFF'
         STAP  0(10)
         LA    10,4(,10)
         SR    2,2
         SR    14,14
         LPSW  DONE
*  CC: store the condition code (from the BAL link information) at R10.
CC       LR    15,14
         SRL   15,28
         N     15,=F'3'
         ST    15,0(,10)
         LA    10,4(,10)
         BR    14
         DS    0D
DONE     DC    X'000200000000C0DE'   BC disabled wait
         LTORG
         ORG   SIGP+X'800'
RESULTS  DS    8D
         END
