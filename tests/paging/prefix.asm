***********************************************************************
*  PREFIX: a machine with a prefix while its pages are stolen and     *
*  read back (tests/paging.rs).  CP keeps the prefix by exchanging    *
*  the page-table entries, page records (paging slots) and frame-     *
*  table notes of the machine's real pages 0 and P; those must stay   *
*  right through page-outs and page-ins, and through SPX while either *
*  page is out on its slot.                                           *
*                                                                     *
*  With prefix 0 absolute X'F00' gets 'ABSOLUTE PAGE 0 ' and P+X'F00' *
*  'ABSOLUTE PAGE P '.  Then, PASSES times: every page from 64K to    *
*  the end of storage but P gets its address plus the pass at +0 and  *
*  +4092, the prefix changing (P, 0, P ...) after each page; with     *
*  prefix P every word is checked, and both texts through real        *
*  addresses (real F00 is absolute P+F00).  At the end real X'E00'    *
*  and P+X'E00' get texts of their own, the pages are written once    *
*  more, and with prefix 0 all four texts are checked where the       *
*  architecture puts them.                                            *
*  X'600D' all right; X'BADn' step n found a wrong word (BADADDR).    *
***********************************************************************
R0       EQU   0
R1       EQU   1
R3       EQU   3
R4       EQU   4
R5       EQU   5
R6       EQU   6
R7       EQU   7
R8       EQU   8
R9       EQU   9
R12      EQU   12
PREFIX   START X'8000'
         BALR  R12,0
         USING *,R12
         DIAG  R6,0,X'60'          R6 = the size of storage
         L     R8,PFXP             R8 = P
         MVC   X'F00'(16),TEXT0
         MVC   X'F00'(16,R8),TEXTP
         L     R7,PASSES
         SR    R9,R9               the pass number
         L     R4,=F'4096'
PASS     L     R3,=A(X'10000')     write, the prefix changing
         SR    R5,R5
W10      CR    R3,R8               (not P itself)
         BE    W20
         LR    R0,R3
         AR    R0,R9
         ST    R0,0(R3)
         ST    R0,4092(R3)
W20      X     R5,=F'1'            P, 0, P, 0 ...
         LA    R1,PFX0
         BZ    W30
         LA    R1,PFXP
W30      SPX   0(R1)
         AR    R3,R4
         CR    R3,R6
         BL    W10
         SPX   PFXP
         L     R3,=A(X'10000')     check, with prefix P
C10      CR    R3,R8
         BE    C20
         LR    R0,R3
         AR    R0,R9
         C     R0,0(R3)
         BNE   BAD1
         C     R0,4092(R3)
         BNE   BAD1
C20      AR    R3,R4
         CR    R3,R6
         BL    C10
         CLC   X'F00'(16),TEXTP    real F00: absolute P+F00
         BNE   BAD2
         CLC   X'F00'(16,R8),TEXT0   real P+F00: absolute F00
         BNE   BAD2
         LA    R9,1(R9)
         BCT   R7,PASS
         MVC   X'E00'(16),TEXTR0   real E00: absolute P+E00
         MVC   X'E00'(16,R8),TEXTRP  real P+E00: absolute E00
         L     R3,=A(X'10000')     once more, to page them out
W40      CR    R3,R8
         BE    W50
         ST    R3,0(R3)
W50      AR    R3,R4
         CR    R3,R6
         BL    W40
         SPX   PFX0                prefix 0: absolute = real
         CLC   X'F00'(16),TEXT0
         BNE   BAD3
         CLC   X'F00'(16,R8),TEXTP
         BNE   BAD3
         CLC   X'E00'(16),TEXTRP
         BNE   BAD3
         CLC   X'E00'(16,R8),TEXTR0
         BNE   BAD3
         LPSW  GOOD
BAD1     ST    R3,BADADDR
         LPSW  BAD1PSW
BAD2     LPSW  BAD2PSW
BAD3     LPSW  BAD3PSW
         DS    0D
GOOD     DC    X'000200000000600D'
BAD1PSW  DC    X'000200000000BAD1'
BAD2PSW  DC    X'000200000000BAD2'
BAD3PSW  DC    X'000200000000BAD3'
PFX0     DC    A(0)
PFXP     DC    A(X'50000')
PASSES   DC    F'2'
BADADDR  DC    F'0'
TEXT0    DC    CL16'ABSOLUTE PAGE 0'
TEXTP    DC    CL16'ABSOLUTE PAGE P'
TEXTR0   DC    CL16'REAL PAGE 0'
TEXTRP   DC    CL16'REAL PAGE P'
         LTORG
         END
