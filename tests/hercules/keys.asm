*  KEYS -- storage keys: SET STORAGE KEY, INSERT STORAGE KEY in BC mode
*  (access key and fetch bit only) and in EC mode (with the reference and
*  change bits), reference and change recording on fetch and store, RESET
*  REFERENCE BIT (cc = reference and change bits).
*  The 2K blocks at X'5000' and X'5800' lie outside the program.
*
*  Each result is the word R1 (preset to AAAAAA00: ISK replaces only bits
*  24-31) and the cc, stored as a pair at R10.
*
*  DUMP 800.A0
KEYS     START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   KEYS+X'68'
         DC    X'0002000000000068'   program new PSW: stop if anything goes wrong
         ORG   KEYS+X'200'
BEGIN    BALR  12,0
         USING *,12
         LA    10,RESULTS
         L     2,=A(X'5000')
         L     3,=A(X'5800')
* ---- BC mode ------------------------------------------------------------------
         LA    1,X'36'               key 3, no fetch protection, R=1, C=1
         SSK   1,2
         LA    1,X'48'               key 4, fetch protection, R=0, C=0
         SSK   1,3
         BAL   14,ISK2               BC: 30 (bits 29-31 zero)
         BAL   14,ISK3               BC: 48
* ---- EC mode --------------------------------------------------------------------
         LPSW  ECPSW
EC1      BAL   14,ISK2               EC: 36
         BAL   14,ISK3               EC: 48
         L     0,0(,3)               a fetch (key 0 may fetch anything)
         BAL   14,ISK3               reference bit on: 4C
         ST    0,4(,3)               a store
         BAL   14,ISK3               change bit on: 4E
         RRB   0(3)                  cc3 (R=1, C=1), reference bit off
         BAL   14,ISK3               4A
         RRB   0(3)                  cc1 (R=0, C=1)
         BAL   14,ISK3
         LA    1,X'20'               key 2, R=0, C=0
         SSK   1,2
         RRB   0(2)                  cc0: R=0, C=0 for this 2K block
*                                    (Hercules 3.13 deviates: cc1, from the
*                                    change bit of X'5800' in the same 4K
*                                    frame; see tests/hercules.rs)
         BAL   14,ISK2               20
         CLR   2,2                   (cc0 again, so only that cc is affected)
         MVI   1(2),0                a store: change AND reference bits
         BAL   14,ISK2               26 (a store is also a reference)
         LPSW  DONE
*
*  ISK2 / ISK3: ISK for the block at R2 / R3 into R1 (preset AAAAAA00), store
*  R1 and the cc at R10.
ISK2     L     1,=X'AAAAAA00'
         ISK   1,2
         B     REC
ISK3     L     1,=X'AAAAAA00'
         ISK   1,3
REC      ST    1,0(,10)
         LR    15,14
         SRL   15,28
         N     15,=F'3'
         ST    15,4(,10)
         LA    10,8(,10)
         BR    14
         DS    0D
DONE     DC    X'000A00000000C0DE'   EC disabled wait
ECPSW    DC    X'00080000',A(EC1)
         LTORG
         ORG   KEYS+X'800'
RESULTS  DS    20D
         END
