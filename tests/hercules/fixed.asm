*  FIXED -- fixed-point arithmetic: results and condition codes.
*
*  Every step leaves a value in R1 and calls REC, which stores the pair
*  (R1, condition code) at R10 and advances R10. The fixed-point-overflow mask in
*  the PSW is off, so overflow only sets CC 3 (no interruption).
*  Multiply and divide leave an even/odd pair; REC is called for each half.
*
*  DUMP 800.180
FIXED    START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   FIXED+X'68'
         DC    X'0002000000000068'   program new PSW: stop if anything goes wrong
         ORG   FIXED+X'200'
BEGIN    BALR  12,0
         USING *,12
         LA    10,RESULTS            R10 -> next (value, cc) pair
* ---- ADD: 12/cc2, 0/cc0, -6/cc1, overflow both ways cc3 -------------------
         L     1,=F'5'
         A     1,=F'7'
         BAL   14,REC
         L     1,=F'-5'
         A     1,=F'5'
         BAL   14,REC
         L     1,=F'-9'
         AH    1,=H'3'
         BAL   14,REC
         L     1,=X'7FFFFFFF'
         A     1,=F'1'               overflow: 80000000, cc3
         BAL   14,REC
         L     1,=X'80000000'
         AR    1,1                   overflow: 00000000, cc3
         BAL   14,REC
* ---- SUBTRACT --------------------------------------------------------------
         L     1,=F'3'
         S     1,=F'10'              -7, cc1
         BAL   14,REC
         L     1,=X'80000000'
         SH    1,=H'1'               overflow: 7FFFFFFF, cc3
         BAL   14,REC
         L     1,=F'4'
         SR    1,1                   0, cc0
         BAL   14,REC
* ---- ADD/SUBTRACT LOGICAL: cc = carry*2 + (result not zero) --------------
         L     1,=X'FFFFFFFF'
         AL    1,=F'1'               0 with carry: cc2
         BAL   14,REC
         L     1,=X'FFFFFFFF'
         ALR   1,1                   FFFFFFFE with carry: cc3
         BAL   14,REC
         L     1,=F'5'
         AL    1,=F'6'               11, no carry: cc1
         BAL   14,REC
         L     1,=F'5'
         SL    1,=F'5'               0 (carry): cc2
         BAL   14,REC
         L     1,=F'5'
         SL    1,=F'6'               FFFFFFFF (borrow): cc1
         BAL   14,REC
         L     1,=F'6'
         L     2,=F'5'
         SLR   1,2                   1 (carry): cc3
         BAL   14,REC
* ---- COMPARE ----------------------------------------------------------------
         L     1,=F'-1'
         C     1,=F'1'               low: cc1
         BAL   14,REC
         CH    1,=H'-1'              equal: cc0
         BAL   14,REC
         L     2,=F'-2'
         CR    1,2                   high: cc2
         BAL   14,REC
         CL    1,=F'1'               logically FFFFFFFF > 1: cc2
         BAL   14,REC
* ---- LOAD POSITIVE / NEGATIVE / COMPLEMENT / AND TEST ----------------------
         L     2,=F'-8'
         LPR   1,2                   8, cc2
         BAL   14,REC
         L     2,=X'80000000'
         LPR   1,2                   overflow: 80000000, cc3
         BAL   14,REC
         L     2,=F'5'
         LNR   1,2                   -5, cc1
         BAL   14,REC
         SR    2,2
         LCR   1,2                   0, cc0
         BAL   14,REC
         L     2,=X'80000000'
         LCR   1,2                   overflow: 80000000, cc3
         BAL   14,REC
         L     2,=F'-3'
         LTR   1,2                   -3, cc1
         BAL   14,REC
* ---- MULTIPLY (CC unchanged: it stays at 1 from LTR) ----------------------
         L     3,=F'-7'
         M     2,=F'100000'          R2:R3 = -700000
         LR    1,2
         BAL   14,REC
         LR    1,3
         BAL   14,REC
         L     3,=X'7FFFFFFF'
         MR    2,3                   3FFFFFFF 00000001
         LR    1,2
         BAL   14,REC
         LR    1,3
         BAL   14,REC
         L     1,=F'-3'
         MH    1,=H'1000'            -3000
         BAL   14,REC
* ---- DIVIDE: remainder in the even register, quotient in the odd ----------
         SR    2,2
         L     3,=F'100'
         D     2,=F'7'               rem 2, quot 14
         LR    1,2
         BAL   14,REC
         LR    1,3
         BAL   14,REC
         L     2,=F'-1'
         L     3,=F'-100'
         L     4,=F'7'
         DR    2,4                   rem -2, quot -14 (sign of the dividend)
         LR    1,2
         BAL   14,REC
         LR    1,3
         BAL   14,REC
* ---- ARITHMETIC SHIFTS --------------------------------------------------------
         L     1,=F'-16'
         SRA   1,2                   -4, cc1
         BAL   14,REC
         L     1,=F'3'
         SLA   1,4                   48, cc2
         BAL   14,REC
         L     1,=X'40000000'
         SLA   1,1                   overflow: sign kept, 00000000, cc3
         BAL   14,REC
         L     1,=F'-1'
         SLA   1,31                  80000000, cc1 (only ones shifted out)
         BAL   14,REC
         L     2,=F'1'
         SR    3,3
         SRDA  2,1                   R2:R3 = 00000000 80000000, cc2
         LR    1,2
         BAL   14,REC
         LR    1,3
         BAL   14,REC
         L     2,=F'-1'
         L     3,=F'0'
         SLDA  2,8                   FFFFFF00 00000000, cc1
         LR    1,2
         BAL   14,REC
         LR    1,3
         BAL   14,REC
         L     2,=X'00400000'
         SR    3,3
         SLDA  2,9                   overflow: cc3
         LR    1,2
         BAL   14,REC
* ---- done -------------------------------------------------------------------
         LPSW  DONE
*
*  REC: store R1 and the condition code (from the link information BAL put in
*  bits 2-3 of R14) at R10; R10 += 8.
REC      ST    1,0(,10)
         LR    15,14
         SRL   15,28                 ILC(2 bits) CC(2 bits)
         N     15,=F'3'
         ST    15,4(,10)
         LA    10,8(,10)
         BR    14
         DS    0D
DONE     DC    X'000200000000C0DE'   disabled wait
         LTORG
         ORG   FIXED+X'800'
RESULTS  DS    48D
         END
