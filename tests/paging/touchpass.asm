***********************************************************************
*  TOUCHPASS: TOUCH's passes (COPY TOUCHPASS), for touch.asm and      *
*  vtouch.asm: write three words in every 4K page from 64K to R6 (the *
*  end of storage), then check them, PASSES times; ends in a disabled *
*  wait, X'600D' all right, X'BAD1' not (BADADDR: where).  In: R6,    *
*  R12 the base.  The words GOOD ... BADADDR follow the code.         *
***********************************************************************
         L     R7,PASSES
         SR    R9,R9               the pass number
         L     R4,=F'4096'
PASS     L     R3,=A(X'10000')     write
W10      LR    R0,R3
         AR    R0,R9
         ST    R0,0(R3)
         ST    R0,2048(R3)
         ST    R0,4092(R3)
         AR    R3,R4
         CR    R3,R6
         BL    W10
         L     R3,=A(X'10000')     check
C10      LR    R0,R3
         AR    R0,R9
         C     R0,0(R3)
         BNE   BAD
         C     R0,2048(R3)
         BNE   BAD
         C     R0,4092(R3)
         BNE   BAD
         AR    R3,R4
         CR    R3,R6
         BL    C10
         LA    R9,1(R9)
         ST    R9,NPASS
         BCT   R7,PASS
         LPSW  GOOD
BAD      ST    R3,BADADDR
         LPSW  BADPSW
         DS    0D
GOOD     DC    X'000200000000600D'
BADPSW   DC    X'000200000000BAD1'
PASSES   DC    F'2'
NPASS    DC    F'0'
BADADDR  DC    F'0'
