*  BRANCH -- BC/BCR masks and extended mnemonics, BAL/BALR link information,
*  BCT/BCTR, BXH and BXLE loops (including the R1 = R3 odd-register case).
*
*  Results are words stored at R10 (R10 advances by 4 each time).
*
*  DUMP 800.80
BRANCH   START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   BRANCH+X'68'
         DC    X'0002000000000068'   program new PSW: stop if anything goes wrong
         ORG   BRANCH+X'200'
BEGIN    BALR  12,0
         USING *,12
         LA    10,RESULTS
* ---- which masks branch for each cc: build a 16-bit map per cc ------------
*      For cc = 0..3 (set with SPM), try BC with every mask 0..15 and collect
*      a bit per mask that branched (bit m for mask m). Expected: cc0 FF00,
*      cc1 F0F0, cc2 CCCC, cc3 AAAA.
         SR    5,5                   R5 = cc << 28 for SPM
CCLOOP   SR    6,6                   R6 = map
         SR    7,7                   R7 = mask 0..15
MLOOP    LR    8,7
         SLL   8,4                   mask into bits 24-27 for EX
         SPM   5                     set the cc under test
         EX    8,BCTEST              BC mask,TAKEN
         B     NEXTM                 not taken
TAKEN    LA    9,1
         SLL   9,0(7)
         OR    6,9                   bit 'mask' set
NEXTM    LA    7,1(,7)
         CH    7,=H'16'
         BL    MLOOP
         ST    6,0(,10)
         LA    10,4(,10)
         A     5,=X'10000000'
         C     5,=X'40000000'
         BL    CCLOOP
* ---- extended mnemonics after a compare (count the taken ones: 3) --------
         SR    6,6
         LA    1,5
         CH    1,=H'7'               low
         BNL   X1
         LA    6,1(,6)               BNL not taken -> count
X1       BL    X2
         B     BAD
X2       LTR   1,1                   positive: cc2
         BP    X3
         B     BAD
X3       BNM   X4
         B     BAD
X4       BZ    BAD
         BNO   X5
         B     BAD
X5       LA    6,1(,6)
         BCR   0,12                  never branches
         LA    6,1(,6)
         ST    6,0(,10)              3
         LA    10,4(,10)
* ---- BAL / BALR link information: ILC, cc, program mask, address ---------
         L     1,=X'0C000000'        program mask 1100 (no interruption here)
         SPM   1                     cc 0, mask C
         BAL   2,L1                  R2 = 80 << ...: ILC 2 -> bits 10, cc 00
L1       ST    2,0(,10)              link = 8C000000 + address of L1
         BALR  3,0                   ILC 1: bits 01, no branch
         ST    3,4(,10)
         LA    10,8(,10)
         SR    1,1
         SPM   1                     program mask back to 0
* ---- BCT / BCTR -----------------------------------------------------------
         LA    1,10
         SR    2,2
CT1      LA    2,3(,2)               ten times
         BCT   1,CT1
         ST    2,0(,10)              30
         LA    3,5
         BCTR  3,0                   decrement, never branch: 4
         ST    3,4(,10)
         LA    1,1
         L     4,=A(BAD)
         BCTR  1,4                   1 -> 0: no branch
         SR    1,1
         LA    4,CT2
         BCTR  1,4                   0 -> FFFFFFFF: branches
         B     BAD
CT2      ST    1,8(,10)              FFFFFFFF
         LA    10,12(,10)
* ---- BXLE: sum the table of 8 words (R1 index, R2 increment, R3 limit) ----
         SR    6,6
         SR    1,1
         LA    2,4
         LA    3,28
BXL1     A     6,TABLE(1)
         BXLE  1,2,BXL1
         ST    6,0(,10)              1+2+...+8 = 36
         ST    1,4(,10)              32
* ---- BXH: the table backwards ------------------------------------------
         SR    6,6
         LA    1,28
         L     2,=F'-4'
         L     3,=F'-4'              stop when the index is not > -4
BXH1     A     6,TABLE(1)
         BXH   1,2,BXH1
         ST    6,8(,10)              36
         ST    1,12(,10)             FFFFFFFC
         LA    10,16(,10)
* ---- R1 = R3 (odd): the increment is also the compare value. The POO
*      compares the sum with the compare value as it was BEFORE the sum is
*      stored: 3+3 = 6 > 3, so BXH branches (records 1), R3 = 6 afterwards.
         LA    3,3
         SR    6,6
         BXH   3,3,BXH2
         B     BXH3
BXH2     LA    6,1
BXH3     ST    6,0(,10)              1 = taken
         ST    3,4(,10)              6
* ---- R3 odd, R1 different: R3 is increment and limit (7): one pass -----
         LA    4,1
         LA    3,7
         SR    6,6
BXL2     LA    6,1(,6)
         BXLE  4,3,BXL2              R4 = 8 > 7: no branch
         ST    6,8(,10)              1
         ST    4,12(,10)             8
         LA    10,16(,10)
         LPSW  DONE
BAD      LPSW  FAIL
BCTEST   BC    0,TAKEN               executed with the mask in bits 8-11
         DS    0D
DONE     DC    X'000200000000C0DE'   disabled wait: all went as planned
FAIL     DC    X'0002000000000BAD'   disabled wait: a branch went wrong
TABLE    DC    F'1,2,3,4,5,6,7,8'
         LTORG
         ORG   BRANCH+X'800'
RESULTS  DS    16D
         END
