*  DAT2K (tests/vdat) -- virtual DAT with 2K pages and 1M segments (CR0
*  X'00500000'), the format none of tests/hercules uses; and the operands of
*  instructions CP emulates (STCTL, LCTL, LPSW) at virtual addresses.
*
*  The segment table at X'3000' (CR1, length code 1) maps:
*    segment 0 (0-FFFFF):  page table X'3100', length code 0 (32 entries,
*                          0-FFFF): identity, except page 10 (X'5000') ->
*                          real X'9800' and page 11 (X'5800') invalid
*    segment 1 (100000-):  page table X'3200', length code 0: page 0 ->
*                          real X'A000', the rest invalid
*    segments 2-15:        invalid
*  With DAT on the program stores through page 10, moves 8 bytes across the
*  2K boundary X'5000' (the two halves land 18K apart), runs LRA, touches an
*  invalid page, stores control registers to a virtual address and loads
*  them and a PSW from one, stores them into an invalid page (nullified,
*  X'11'), stores and loads control registers across into it (nullified:
*  nothing stored, nothing loaded), invalidates page 10 with IPTE and
*  touches it (X'11').  PGMH
*  records each program old PSW, X'8C' and X'90' (X'90' with its rightmost
*  11 bits cleared: unpredictable with 2K pages).
*
*  DUMP 800.60
*  DUMP 900.90
*  DUMP 4FF0.10
*  DUMP 9800.40
*  DUMP 9900.20
*  DUMP 9FF0.10
*  DUMP A000.10
DAT2K    START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   DAT2K+X'68'
         DC    X'00080000',A(PGMH)   program new PSW: EC, DAT off, disabled
         ORG   DAT2K+X'200'
BEGIN    BALR  12,0
         USING *,12
         LA    10,RESULTS
         LCTL  0,1,CRS               CR0: 2K pages, 1M segments; CR1
         PTLB
         LPSW  DATON                 EC mode, DAT on, at V1
V1       DS    0H
* ---- a store through page 10 lands in real X'9800' --------------------------
         L     1,=X'11111111'
         L     2,=A(X'5000')
         ST    1,0(,2)
         L     3,4(,2)               real 9804 (pre-set to 98989898)
         ST    3,0(,10)
         L     4,=A(X'100000')
         L     3,0(,4)               segment 1, page 0: real A000
         ST    3,4(,10)
* ---- MVC across the 2K boundary: X'4FFC' (identity), X'5000' (-> 9800) -----
         L     2,=A(X'4FFC')
         MVC   0(8,2),=X'0102030405060708'
         LA    10,8(,10)
* ---- LRA ----------------------------------------------------------------------
         L     2,=A(X'5010')
         BAL   14,DOLRA              00009810, cc0
         L     2,=A(X'5800')
         BAL   14,DOLRA              page invalid: cc2, PTE X'3116'
         L     2,=A(X'10000')
         BAL   14,DOLRA              page 32 beyond the table: cc3
         L     2,=A(X'200000')
         BAL   14,DOLRA              segment 2 invalid: cc1
         L     2,=A(X'100010')
         BAL   14,DOLRA              0000A010, cc0
* ---- CP's operands at virtual addresses -------------------------------------
         L     2,=A(X'5100')
         STCTL 0,1,0(2)              to real X'9900'
         LCTL  0,1,0(2)              and back
         LPSW  X'20'(2)              real X'9920': to C0
         DC    H'0'                  (not reached)
C0       L     1,X'20'(,2)           the PSW's first word, through page 10
         ST    1,0(,10)
         LA    10,4(,10)
* ---- translation exceptions (nullified) --------------------------------------
         L     2,=A(X'5808')
         LA    10,SLOT1
         LA    11,C1
         L     1,0(,2)               page-translation X'11', X'90' = 5800
C1       LA    10,SLOT2
         LA    11,C2
         STCTL 0,1,0(2)              emulated, X'11': nullified
C2       L     2,=A(X'10004')
         LA    10,SLOT3
         LA    11,C3
         L     1,0(,2)               page 32 > length 0: X'11'
C3       L     2,=A(X'200000')
         LA    10,SLOT4
         LA    11,C4
         L     1,0(,2)               segment-translation X'10'
* ---- STCTL and LCTL running into the invalid page: nothing moves -------------
C4       L     2,=A(X'57F0')
         LA    10,SLOT7
         LA    11,C7
         STCTL 0,15,0(2)             X'11': nothing at X'57F0' (real X'9FF0')
C7       L     2,=A(X'57FC')
         LA    10,SLOT8
         LA    11,C8
         LCTL  0,1,0(2)              X'11': CR0 as it was
C8       L     2,=A(X'5100')
         STCTL 0,1,X'10'(2)          real X'9910': CR0 and CR1 unchanged
* ---- IPTE page 10, then touch it ---------------------------------------------
         L     3,=A(X'3100')
         L     2,=A(X'5000')
         IPTE  3,2
         LA    10,SLOT5
         LA    11,C5
         L     1,0(,2)               X'11', X'90' = 5000
C5       LA    10,SLOT6
         LA    11,C6
         LCTL  0,0,0(2)              emulated operand, X'11'
C6       STNSM DATBYTE,X'FB'         DAT off
         SR    14,14
         LPSW  DONE
*
*  DOLRA: LRA 1,0(2); store R1 and the cc at R10; R10 += 8.
DOLRA    L     1,=X'EEEEEEEE'
         LRA   1,0(,2)
         BALR  15,0
         ST    1,0(,10)
         SRL   15,28
         N     15,=F'3'
         ST    15,4(,10)
         LA    10,8(,10)
         BR    14
*
*  PGMH: record old PSW, X'8C', X'90' (rightmost 11 bits cleared); resume at
*  R11, DAT on.
PGMH     MVC   0(8,10),X'28'
         MVC   8(4,10),X'8C'
         L     1,X'90'
         N     1,=X'FFFFF800'
         ST    1,12(,10)
         ST    11,RESUME+4
         LPSW  RESUME
*
         DS    0D
DONE     DC    X'000A00000000C0DE'   EC disabled wait
DATON    DC    X'04080000',A(V1)     EC, DAT on, key 0, disabled
RESUME   DC    X'04080000',A(0)
CRS      DC    X'00500000'           CR0: page size 01 (2K), segment size 010 (1M)
         DC    X'01003000'           CR1: length 1, origin X'3000'
DATBYTE  DC    X'00'
         LTORG
         ORG   DAT2K+X'800'
RESULTS  DS    12D
         ORG   DAT2K+X'900'
SLOT1    DS    2D
SLOT2    DS    2D
SLOT3    DS    2D
SLOT4    DS    2D
SLOT5    DS    2D
SLOT6    DS    2D
SLOT7    DS    2D
SLOT8    DS    2D
* ---- the segment table ------------------------------------------------------
         ORG   DAT2K+X'3000'
         DC    X'00003100'           0: length 0 (32 pages), X'3100'
         DC    X'00003200'           1: length 0, X'3200'
         DC    14X'00000001'         2-15: invalid
* ---- the page tables (entry = frame address bits 8-20; X'0004' = invalid) ---
         ORG   DAT2K+X'3100'
         DC    X'0000',X'0008',X'0010',X'0018',X'0020',X'0028',X'0030'
         DC    X'0038',X'0040',X'0048'
         DC    X'0098'               page 10 -> X'9800'
         DC    X'005C'               page 11: invalid
         DC    X'0060',X'0068',X'0070',X'0078',X'0080',X'0088',X'0090'
         DC    X'0098',X'00A0',X'00A8',X'00B0',X'00B8',X'00C0',X'00C8'
         DC    X'00D0',X'00D8',X'00E0',X'00E8',X'00F0',X'00F8'
         ORG   DAT2K+X'3200'
         DC    X'00A0',31X'0004'
* ---- recognisable contents ----------------------------------------------------
         ORG   DAT2K+X'4FF0'
         DC    4X'4F4F4F4F'
         ORG   DAT2K+X'9800'
         DC    4X'98989898'
         ORG   DAT2K+X'9FF0'
         DC    4X'9F9F9F9F'
         ORG   DAT2K+X'9920'
         DC    X'04080000',A(C0)     the PSW LPSW loads from X'5120'
         ORG   DAT2K+X'A000'
         DC    4X'AAAAAAAA'
         END
