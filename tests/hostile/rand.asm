***********************************************************************
*  RAND: random numbers for the hostile generators (COPY RAND among   *
*  the program's code; the program defines SEED, a nonzero fullword   *
*  the test patches).  Not a program of its own.                      *
*                                                                     *
*  RAND: the next xorshift32 number in R0 (and SEED).  Uses R15.      *
*  RANDN: R0 = a random number from 0 to R1-1.  Uses R2, R3, R15.     *
***********************************************************************
RAND     L     R0,SEED
         LR    R15,R0
         SLL   R15,13
         XR    R0,R15
         LR    R15,R0
         SRL   R15,17
         XR    R0,R15
         LR    R15,R0
         SLL   R15,5
         XR    R0,R15
         ST    R0,SEED
         BR    R14
RANDN    ST    R14,RANDNR
         BAL   R14,RAND
         SRL   R0,1                (a positive dividend)
         SR    R2,R2
         LR    R3,R0
         DR    R2,R1
         LR    R0,R2               the remainder
         L     R14,RANDNR
         BR    R14
RANDNR   DS    F
