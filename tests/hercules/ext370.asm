*  EXT370 -- the later System/370 instructions outside DAS: BAS, BASR,
*  MVCIN, IPM, DXR, ISKE, RRBE, SSKE, TB, IPTE; WRD/RDD without the direct-
*  control feature; I/O instructions whose bits 8-14 are not zero.
*
*  PGMH (program new PSW, EC mode) records the program old PSW and the word
*  at X'8C' at R10 and resumes at R11. Results go to RESULTS one word (or one
*  slot) after another, R10 pointing at the next.
*
*  Cases: BAS and BASR link only the address (bits 0-7 zero, whatever the cc
*  and program mask), BASR 15,0 links without branching, EX of BAS links
*  past the EX; IPM with two cc/mask combinations; MVCIN within a block,
*  across a 2K boundary, and with the second operand beyond storage
*  (addressing, nothing moved); DXR 1/3, -7/2, 0/5, 1/0 (floating-point
*  divide), DXR 2,4 (specification); a double-key 4K block with different
*  keys in its halves: ISKE (both keys ORed), RRBE (cc from both, both
*  reference bits reset), ISK of each half, SSKE (both keys set), ISKE and
*  RRBE beyond storage (addressing); TB (block cleared, cc 0, R0 zero) and TB
*  beyond storage; IPTE with 4K pages and 64K segments, then a load from the
*  page (page translation, X'90'), IPTE with an invalid CR0 (translation
*  specification); WRD and RDD in the supervisor state (operation); SIO,
*  TIO, HIO with bits 8-14 set to a device that does not exist (cc 3).
*
*  DUMP 3100.20
*  DUMP 7000.10
*  DUMP 7FF0.10
*  DUMP 8000.200
EXT370   START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   EXT370+X'68'
         DC    X'00080000',A(PGMH)   program new PSW: EC, disabled, key 0
         ORG   EXT370+X'200'
BEGIN    BALR  12,0
         USING *,12
         LM    0,9,=10F'0'
         L     10,=A(RESULTS)
         LCTL  0,0,=X'00000000'
         LPSW  ECPSW
EC1      DS    0H
* ---- BAS, BASR -------------------------------------------------------------
         L     1,=X'2A000000'        cc 2, program mask A
         SPM   1
         BAS   14,B1
B1       ST    14,0(,10)             B1, bits 0-7 zero
         BASR  15,0                  links, no branch
B2       ST    15,4(,10)             B2
         LA    2,B3
         BASR  14,2
         DC    X'0000'               not executed
B3       ST    14,8(,10)             address of the DC
         EX    0,EXBAS
B4       ST    14,12(,10)            B4: past the EX
         LA    10,16(,10)
         SR    1,1
         SPM   1
* ---- IPM --------------------------------------------------------------------
         L     1,=X'1C000000'        cc 1, mask C
         SPM   1
         L     3,=X'FFFFFFFF'
         IPM   3                     1CFFFFFF
         ST    3,0(,10)
         SR    1,1
         SPM   1
         CLI   =X'05',X'04'          cc 2, mask 0
         L     4,=X'FF123456'
         IPM   4                     20123456
         ST    4,4(,10)
         LA    10,8(,10)
* ---- MVCIN --------------------------------------------------------------------
         MVCIN 0(5,10),SRC+4         EDCBA
         L     2,=A(CROSS+7)
         MVCIN 8(8,10),0(2)          87654321: the source crosses X'9800'
         LA    10,16(,10)
         MVC   TGT,=C'KEEPKEEP'
         LA    11,C3
         L     2,=X'001FFFFC'        last 4 bytes of storage
         MVCIN TGT,7(2)              second operand X'1FFFFC'-X'200003'
C3       MVC   0(8,10),TGT           unchanged
         LA    10,8(,10)
* ---- DXR ----------------------------------------------------------------------
         LD    0,ONE
         LD    2,ONEL
         LD    4,THREE
         LD    6,THREEL
         DXR   0,4                   1/3
         STD   0,0(,10)
         STD   2,8(,10)
         LD    0,M7
         LD    2,M7L
         LD    4,TWO
         LD    6,TWOL
         DXR   0,4                   -7/2
         STD   0,16(,10)
         STD   2,24(,10)
         LD    0,ZEROD
         LD    2,ZEROD
         LD    4,FIVE
         LD    6,FIVEL
         DXR   0,4                   0/5: true zero
         STD   0,32(,10)
         STD   2,40(,10)
         LA    10,48(,10)
         LD    0,ONE
         LD    2,ONEL
         LD    4,ZEROD
         LD    6,ZEROD
         LA    11,C4
         DXR   0,4                   floating-point divide, X'0F'
C4       LA    11,C5
         DXR   2,4                   specification
C5       DS    0H
* ---- ISKE, RRBE, SSKE on the double-key block X'6000' ----------------------------
         L     2,=X'00006000'
         L     3,=X'00006800'
         L     1,=X'00000034'        key 3, reference
         SSK   1,2
         L     1,=X'0000004A'        key 4, fetch protection, change
         SSK   1,3
         L     4,=X'00006123'        anywhere in the 4K block
         L     5,=X'AAAAAAAA'
         ISKE  5,4                   AAAAAA7E
         ST    5,0(,10)
         RRBE  0,4
         IPM   6                     cc 3: reference and change
         ST    6,4(,10)
         ISKE  5,4                   AAAAAA7A: both reference bits reset
         ST    5,8(,10)
         ISK   5,2                   30
         ST    5,12(,10)
         ISK   5,3                   4A
         ST    5,16(,10)
         L     1,=X'000000F7'
         SSKE  1,4                   both keys F6
         ISK   5,2
         ST    5,20(,10)
         ISK   5,3
         ST    5,24(,10)
         SR    1,1
         SSKE  1,4
         LA    10,28(,10)
         L     4,=X'00200000'        beyond 2M
         LA    11,C6
         ISKE  5,4
C6       LA    11,C7
         RRBE  0,4
C7       DS    0H
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
* ---- WRD, RDD: direct control is not installed ---------------------------
         LA    11,C11
         WRD   X'100',X'55'
C11      LA    11,C12
         RDD   X'100',X'55'
C12      DS    0H
* ---- I/O instructions with bits 8-14 set, to device X'0FFF' --------------
         SIO   X'FFF'
         IPM   1
         EX    0,SIOF7E              9C7F: SIOF
         IPM   2
         EX    0,TIO7E               9D7E: TIO
         IPM   3
         EX    0,HIO7F               9E7F: HDV
         IPM   4
         STM   1,4,0(10)
         LA    10,16(,10)
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
EXBAS    BAS   14,B4
SIOF7E   DC    X'9C7F0FFF'
TIO7E    DC    X'9D7E0FFF'
HIO7F    DC    X'9E7F0FFF'
SRC      DC    C'ABCDE'
TGT      DC    CL8' '
         LTORG
*  Segment table: segment 0 -> page table at X'3100' (16 entries), the
*  rest invalid. Page table: page n -> frame n.
         ORG   EXT370+X'3000'
         DC    X'F0003100'
         DC    15X'00000001'
         ORG   EXT370+X'3100'
         DC    X'0000001000200030004000500060007000800090'
         DC    X'00A000B000C000D000E000F0'
         ORG   EXT370+X'8000'
RESULTS  DS    0D
         ORG   EXT370+X'97FC'
CROSS    DC    C'12345678'           X'97FC'-X'9803'
         END
