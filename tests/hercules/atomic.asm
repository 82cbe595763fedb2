*  ATOMIC -- COMPARE AND SWAP, COMPARE DOUBLE AND SWAP, TEST AND SET.
*
*  (R1 after, cc) pairs at R10 via REC; the storage operands are dumped.
*
*  DUMP 800.80
*  DUMP A00.20
ATOMIC   START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   ATOMIC+X'68'
         DC    X'0002000000000068'   program new PSW: stop if anything goes wrong
         ORG   ATOMIC+X'200'
BEGIN    BALR  12,0
         USING *,12
         LA    10,RESULTS
* ---- CS: equal -> R3 stored, cc0; unequal -> word loaded into R1, cc1 ----
         L     1,=F'100'
         L     3,=F'200'
         CS    1,3,WORD              WORD 100 -> 200, cc0
         BAL   14,REC
         L     1,=F'100'
         CS    1,3,WORD              WORD is 200: R1 = 200, cc1
         BAL   14,REC
* ---- CDS on the doubleword DWORD (even registers) ----------------------------
         LM    0,1,DWORD             the current value: equal
         LM    2,3,=F'7,8'
         CDS   0,2,DWORD             DWORD = 7,8, cc0
         BAL   14,REC
         SR    0,0
         SR    1,1
         CDS   0,2,DWORD             unequal: R0:R1 = 7,8, cc1
         BAL   14,REC
         LR    1,0
         BAL   14,REC
* ---- TS: leftmost bit to cc, byte set to all ones ----------------------------
         TS    FLAG                  00 -> FF, cc0
         BAL   14,REC
         TS    FLAG                  FF: cc1
         BAL   14,REC
         MVI   FLAG2,X'7F'
         TS    FLAG2                 7F -> FF, cc0 (only the leftmost bit counts)
         BAL   14,REC
         LPSW  DONE
*
*  REC: store R1 and the condition code at R10; R10 += 8.
REC      ST    1,0(,10)
         LR    15,14
         SRL   15,28
         N     15,=F'3'
         ST    15,4(,10)
         LA    10,8(,10)
         BR    14
         DS    0D
DONE     DC    X'000200000000C0DE'   disabled wait
         LTORG
         ORG   ATOMIC+X'800'
RESULTS  DS    16D
         ORG   ATOMIC+X'A00'
WORD     DC    F'100'
FLAG     DC    X'00'
FLAG2    DC    X'00'
         DS    0D
DWORD    DC    F'-1,-2'
         END
