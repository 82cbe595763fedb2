*  TBIPTE (tests/vdat) -- the TB and IPTE cases of tests/hercules/ext370.asm
*  alone (ext370 needs ISKE, SSKE and RRBE too): TB clears a block (cc 0, R0
*  zero) and gives an addressing exception beyond storage; IPTE with an
*  invalid CR0 is a translation-specification exception; with 4K pages and
*  64K segments it invalidates page 5, and a load from it is a
*  page-translation exception with X'90'.
*
*  DUMP 3100.20
*  DUMP 7000.10
*  DUMP 7FF0.10
*  DUMP 8000.40
TBIPTE   START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   TBIPTE+X'68'
         DC    X'00080000',A(PGMH)   program new PSW: EC, disabled, key 0
         ORG   TBIPTE+X'200'
BEGIN    BALR  12,0
         USING *,12
         LM    0,9,=10F'0'
         L     10,=A(RESULTS)
         LCTL  0,0,=X'00000000'
         LPSW  ECPSW
EC1      DS    0H
* ---- TB -------------------------------------------------------------------------
         L     2,=A(X'7000')         fill X'7000'-X'7FFF' with X'FF'
         L     3,=F'4096'
         SR    4,4
         L     5,=X'FF000000'
         MVCL  2,4
         L     0,=X'12345678'
         L     6,=X'00007123'
         TB    0,6                   cc 0, R0 = 0, X'7000'-X'7FFF' zeros
         IPM   7
         ST    7,0(,10)
         ST    0,4(,10)
         L     6,=X'00200000'
         LA    11,C8
         LA    10,8(,10)
         TB    0,6                   addressing
C8       DS    0H
* ---- IPTE -------------------------------------------------------------------------
         LA    11,C9
         L     3,=A(X'3100')
         L     4,=A(X'5000')
         IPTE  3,4                   CR0 = 0: translation specification
C9       LCTL  0,1,DATCRS            4K pages, 64K segments; ST at X'3000'
         STOSM DUMMY,X'04'           DAT on
         L     5,0(,4)               works
         IPTE  3,4                   page 5 invalid
         LA    11,C10
         L     5,0(,4)               page translation, X'90'
C10      STNSM DUMMY,X'FB'
         MVC   0(4,10),X'90'
         LA    10,4(,10)
         LPSW  DONE
*
*  PGMH: record the program old PSW and the ILC/code word; resume at R11.
PGMH     MVC   0(8,10),X'28'
         MVC   8(4,10),X'8C'
         LA    10,12(,10)
         BR    11
*
         DS    0D
DONE     DC    X'000A00000000C0DE'   EC disabled wait
ECPSW    DC    X'00080000',A(EC1)    EC, key 0, supervisor, disabled
ONE      DC    X'4110000000000000'   1.0 extended
ONEL     DC    X'3300000000000000'
THREE    DC    X'4130000000000000'   3.0
THREEL   DC    X'3300000000000000'
M7       DC    X'C170000000000000'   -7.0
M7L      DC    X'B300000000000000'
TWO      DC    X'4120000000000000'   2.0
TWOL     DC    X'3300000000000000'
FIVE     DC    X'4150000000000000'   5.0
FIVEL    DC    X'3300000000000000'
ZEROD    DC    D'0'
DATCRS   DC    X'00800000'           CR0: 4K pages, 64K segments
         DC    X'00003000'           CR1: STL 0, segment table at X'3000'
DUMMY    DC    X'00'
SIOF7E   DC    X'9C7F0FFF'
TIO7E    DC    X'9D7E0FFF'
HIO7F    DC    X'9E7F0FFF'
SRC      DC    C'ABCDE'
TGT      DC    CL8' '
         LTORG
*  Segment table: segment 0 -> page table at X'3100' (16 entries), the
*  rest invalid. Page table: page n -> frame n.
         ORG   TBIPTE+X'3000'
         DC    X'F0003100'
         DC    15X'00000001'
         ORG   TBIPTE+X'3100'
         DC    X'0000001000200030004000500060007000800090'
         DC    X'00A000B000C000D000E000F0'
         ORG   TBIPTE+X'8000'
RESULTS  DS    0D
         ORG   TBIPTE+X'97FC'
CROSS    DC    C'12345678'           X'97FC'-X'9803'
         END
