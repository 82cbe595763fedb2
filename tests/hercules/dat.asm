*  DAT -- dynamic address translation: 4K pages, 64K segments.
*
*  The segment table at X'4000' (CR1, 16 entries) maps:
*    segment 0 (0-FFFF): page table X'4100', all 16 pages; identity except
*                        page 5 -> real X'9000' and page 6 invalid
*    segment 1:          invalid
*    segment 2 (20000-): page table X'4200' with length code 0 (1 entry):
*                        page 0 -> X'A000'; entry 1 (-> X'B000') lies beyond
*                        the table and must not be used
*    segment 3 (30000-): page table X'4300' with length code 1 (2 entries):
*                        entries 2 and 3 (-> X'C000', X'D000') lie beyond it
*    segments 4-15:      invalid
*  With DAT on (EC mode), the program stores through page 5, runs LRA on good
*  and bad addresses (cc and R1), and touches invalid addresses. PGMH records
*  each program old PSW, the word at X'8C' (ILC, code) and the translation-
*  exception address at X'90' with its rightmost 12 bits cleared (the POO
*  leaves them unpredictable with 4K pages).
*
*  DUMP 800.40
*  DUMP 900.60
*  DUMP 9000.10
*  DUMP A000.10
*  DUMP B000.10
*  DUMP C000.10
*  DUMP D000.10
DAT      START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   DAT+X'68'
         DC    X'00080000',A(PGMH)   program new PSW: EC, DAT off, disabled
         ORG   DAT+X'200'
BEGIN    BALR  12,0
         USING *,12
         LA    10,RESULTS
         LCTL  0,1,CRS               CR0: 4K pages, 64K segments; CR1: table
         PTLB
         LPSW  DATON                 EC mode, DAT on, continue at V1
V1       DS    0H
* ---- a store through page 5 lands in real X'9000' --------------------------
         L     1,=X'11111111'
         L     2,=A(X'5000')
         ST    1,0(,2)
         L     3,4(,2)               real 9004 (pre-set to 22222222)
         ST    3,0(,10)
         L     4,=A(X'20000')
         L     3,0(,4)               segment 2, page 0: real A000 (AAAAAAAA)
         ST    3,4(,10)
         LA    10,8(,10)
* ---- LRA: (R1, cc) for good and bad addresses ------------------------------
         L     2,=A(X'5010')
         BAL   14,DOLRA              00009010, cc0
         L     2,=A(X'6000')
         BAL   14,DOLRA              page invalid: cc2
         L     2,=A(X'10000')
         BAL   14,DOLRA              segment invalid: cc1
         L     2,=A(X'21000')
         BAL   14,DOLRA              beyond the page table (length 0): cc3
         L     2,=A(X'33000')
         BAL   14,DOLRA              beyond the page table (length 1): cc3
*                                    (Hercules 3.13 deviates: it checks the
*                                    length only when it is 0; see
*                                    tests/hercules.rs)
         L     2,=A(X'100000')
         BAL   14,DOLRA              beyond the segment table: cc3
* ---- translation exceptions (nullified: the old PSW points AT the L) -------
*      Each case records into its own 16-byte slot (SLOT1..SLOT6), so a
*      missing interruption shows as an empty slot and nothing else moves.
         L     2,=A(X'6008')
         LA    10,SLOT1
         LA    11,C1
         L     1,0(,2)               page-translation X'11', X'90' = 6000
C1       L     2,=A(X'10004')
         LA    10,SLOT2
         LA    11,C2
         L     1,0(,2)               segment-translation X'10', X'90' = 10000
C2       L     2,=A(X'21000')
         LA    10,SLOT3
         LA    11,C3
         L     1,0(,2)               page index 1 > length 0: X'11'
C3       L     2,=A(X'33000')
         LA    10,SLOT4
         LA    11,C4
         L     1,0(,2)               page index 3 > length 1: X'11'
*                                    (Hercules 3.13: no exception, SLOT4 empty)
C4       L     2,=A(X'6000')
         LA    10,SLOT5
         LA    11,C5
         MVI   0(2),X'FF'            a store: also nullified, X'11'
C5       SR    1,1
* ---- DAT off again ------------------------------------------------------------
         STNSM DATBYTE,X'FB'         clear PSW bit 5
* ---- translation specification: page size code 11 in CR0 (LRA translates
*      even with DAT off; PGMH now resumes with DAT off) ----------------------
         MVI   RESUME,X'00'
         LA    10,SLOT6
         LCTL  0,0,=X'00C00000'
         LA    11,C6
         LRA   1,0(,2)               X'12'
C6       LCTL  0,0,CRS
         SR    14,14                 (the links went to storage already)
         LPSW  DONE
*
*  DOLRA: LRA 1,0(2); store R1 and the cc at R10; R10 += 8.
DOLRA    L     1,=X'EEEEEEEE'        (what R1 holds if LRA leaves it)
         LRA   1,0(,2)
         BALR  15,0                  cc in bits 2-3 of R15
         ST    1,0(,10)
         SRL   15,28
         N     15,=F'3'
         ST    15,4(,10)
         LA    10,8(,10)
         BR    14
*
*  PGMH: record old PSW, X'8C', X'90' (rightmost 12 bits cleared); resume at
*  R11 with the PSW at RESUME (DAT on, later off).
PGMH     MVC   0(8,10),X'28'
         MVC   8(4,10),X'8C'
         L     1,X'90'
         N     1,=X'FFFFF000'
         ST    1,12(,10)
         LA    10,16(,10)
         ST    11,RESUME+4
         LPSW  RESUME
*
         DS    0D
DONE     DC    X'000A00000000C0DE'   EC disabled wait
DATON    DC    X'04080000',A(V1)     EC, DAT on, key 0, disabled
RESUME   DC    X'04080000',A(0)
CRS      DC    X'00800000'           CR0: page size 10 (4K), segment size 00 (64K)
         DC    X'00004000'           CR1: length 0 (16 entries), origin X'4000'
DATBYTE  DC    X'00'
         LTORG
         ORG   DAT+X'800'
RESULTS  DS    8D                    the store/fetch words, then LRA pairs
         ORG   DAT+X'900'
SLOT1    DS    2D
SLOT2    DS    2D
SLOT3    DS    2D
SLOT4    DS    2D
SLOT5    DS    2D
SLOT6    DS    2D
* ---- the segment table -------------------------------------------------------
         ORG   DAT+X'4000'
         DC    X'F0004100'           0: length 15, page table X'4100'
         DC    X'00000001'           1: invalid
         DC    X'00004200'           2: length 0, page table X'4200'
         DC    X'10004300'           3: length 1, page table X'4300'
         DC    12X'00000001'         4-15: invalid
* ---- the page tables (entry = frame address bits 8-19; X'0008' = invalid) ----
         ORG   DAT+X'4100'
         DC    X'0000',X'0010',X'0020',X'0030',X'0040'
         DC    X'0090'               page 5 -> X'9000'
         DC    X'0068'               page 6: invalid
         DC    X'0070',X'0080',X'0090',X'00A0',X'00B0'
         DC    X'00C0',X'00D0',X'00E0',X'00F0'
         ORG   DAT+X'4200'
         DC    X'00A0',X'00B0',14X'0008'
         ORG   DAT+X'4300'
         DC    X'00A0',X'00B0',X'00C0',X'00D0',12X'0008'
* ---- recognisable contents of the frames --------------------------------------
         ORG   DAT+X'9000'
         DC    4X'22222222'
         ORG   DAT+X'A000'
         DC    4X'AAAAAAAA'
         ORG   DAT+X'B000'
         DC    4X'BBBBBBBB'
         ORG   DAT+X'C000'
         DC    4X'CCCCCCCC'
         ORG   DAT+X'D000'
         DC    4X'DDDDDDDD'
         END
