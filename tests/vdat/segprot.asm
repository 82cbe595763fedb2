*  SEGPROT (tests/vdat) -- tests/hercules/segprot.asm without its cases 12-15
*  (MVCS/MVCP and low-address protection, which a virtual machine does not
*  have yet): segment protection (segment-table entry bit 29) with DAT on,
*  4K pages, 64K segments, EC mode.
*
*  The segment table at X'4000' (CR1):
*    segment 0 (0-FFFF):   page table X'4100': identity, except page 0 ->
*                          real X'6000' and page 7 -> real X'0000'
*    segment 1 (10000-):   PROTECTED, page table X'4200': page 0 -> X'8000',
*                          page 1 -> X'9000', page 15 -> X'A000'
*    segment 2 (20000-):   the same page table, not protected (an alias)
*    segment 3 (30000-):   protected AND invalid
*    segment 4 (40000-):   protected, page table X'4400' with every page invalid
*    segments 5-15:        invalid
*  A protected segment may be fetched from (operands and instructions) but
*  not stored into, whatever the key: a protection exception, nothing stored
*  (MVC across a segment boundary stores neither part). An invalid entry is
*  a translation exception first. TPROT gives cc 1 for a protected segment,
*  LRA translates it as usual, TEST BLOCK (a real address) ignores it.
*  Clearing the bit and PTLB make the segment storable.
*
*  Each case that may interrupt has a 16-byte slot: the program old PSW, the
*  word at X'8C' and X'90' with its rightmost 12 bits cleared (unpredictable
*  with 4K pages); an empty slot means no interruption.
*
*  DUMP 100.10
*  DUMP 4000.10
*  DUMP 6100.10
*  DUMP 8000.40
*  DUMP 9000.10
*  DUMP AFF0.10
*  DUMP FFF0.10
*  DUMP 1800.140
*  DUMP 1C00.40
SEGPROT  START 0
         DC    X'0000000000001000'   restart PSW: BC mode, disabled, key 0
         ORG   SEGPROT+X'68'
         DC    X'00080000',A(PGMH)   program new PSW: EC, DAT off, disabled
         ORG   SEGPROT+X'100'
         DC    4X'01010101'
         ORG   SEGPROT+X'1000'
BEGIN    BALR  12,0
         USING *,12
         LCTL  0,1,CRS               CR0: 4K/64K, secondary-space control
         LCTL  7,7,CRS+4             CR7 = CR1
         PTLB
         L     1,=X'11111111'
         LPSW  DATON                 EC, DAT on, key 0, at V1
V1       LA    6,VALUES
* ---- 1: a fetch from the protected segment ---------------------------------
         L     3,=A(X'10000')
         L     3,0(,3)               88888888
         ST    3,0(,6)
* ---- 2: a store into it -------------------------------------------------------
         LA    10,SLOT2
         LA    11,C2
         L     2,=A(X'10004')
         ST    1,0(,2)               code 4, real X'8004' unchanged
* ---- 3: the same frame through the unprotected alias -----------------------
C2       L     2,=A(X'20008')
         ST    1,0(,2)               real X'8008' = 11111111
* ---- 4: MVC from segment 0 into segment 1: nothing stored -------------------
         LA    10,SLOT4
         LA    11,C4
         L     2,=A(X'FFF8')
         MVC   0(16,2),SRC           code 4; X'FFF8' and X'8000' unchanged
* ---- 5: MVC from segment 1 into segment 2: nothing stored -------------------
C4       LA    10,SLOT5
         LA    11,C5
         L     2,=A(X'1FFF8')
         MVC   0(16,2),SRC           code 4; X'AFF8' and X'8000' unchanged
* ---- 6: instructions in the protected segment run -------------------------
C5       L     15,=A(X'10010')       real X'8010': BR 14
         BALR  14,15
         LA    3,6
         ST    3,4(,6)               6: came back
* ---- 7: protected and invalid: a segment-translation exception ---------------
         LA    10,SLOT7
         LA    11,C7
         L     2,=A(X'30000')
         ST    1,0(,2)               code X'10', X'90' = 30000
* ---- 8: protected segment, invalid page: a page-translation exception -------
C7       LA    10,SLOT8
         LA    11,C8
         L     2,=A(X'40000')
         ST    1,0(,2)               code X'11', X'90' = 40000
* ---- 9: PSW key 3, the frame's key 3: still protected ---------------------
C8       LA    3,X'30'
         L     4,=A(X'8000')
         SSK   3,4                   real X'8000': key 3
         LA    10,SLOT9
         LA    11,C9
         LPSW  KEY3                  to K9: EC, DAT on, key 3
K9       L     2,=A(X'2000C')
         ST    1,0(,2)               allowed: real X'800C' = 11111111
         L     2,=A(X'1000C')
         ST    1,0(,2)               code 4 (resumes with key 0)
C9       SR    3,3
         SSK   3,4                   key 0 again
* ---- 10: TPROT ----------------------------------------------------------------
         LA    6,VALUES+8
         L     2,=A(X'10000')
         TPROT 0(2),0                cc 1: fetch only
         BAL   14,SAVECC
         L     2,=A(X'20000')
         TPROT 0(2),0                cc 0
         BAL   14,SAVECC
         L     2,=A(X'30000')
         TPROT 0(2),0                cc 3: segment invalid
         BAL   14,SAVECC
         L     2,=A(X'40000')
         TPROT 0(2),0                cc 3: page invalid
         BAL   14,SAVECC
         L     2,=A(X'10000')
         TPROT 0(2),X'30'            cc 1 (key 3, frame key 0, no fetch
         BAL   14,SAVECC             protection)
* ---- 11: LRA ignores the protection ------------------------------------------
         L     2,=A(X'10010')
         LRA   3,0(,2)               00008010, cc 0
         ST    3,0(,6)
         BAL   14,SAVECC4
* ---- 16: the bit cleared, PTLB: the segment is storable ----------------------
         L     9,=A(X'4000')
         MVI   7(9),X'00'            segment 1: F0004204 -> F0004200
         PTLB
         LA    10,SLOT16
         LA    11,C16
         L     2,=A(X'10004')
         ST    1,0(,2)               allowed: real X'8004' = 11111111
* ---- 17: TEST BLOCK of a frame seen only through the protected segment ------
C16      MVI   7(9),X'04'            (protected again)
         PTLB
         L     2,=A(X'9000')
         SR    0,0
         TB    0,2                   cc 0, real X'9000' cleared
         BAL   14,SAVECC
         SR    14,14
         LPSW  DONE
*
*  SAVECC: store the cc at R6 (a word); R6 += 4. SAVECC4 first skips a word.
SAVECC4  LA    6,4(,6)
SAVECC   BALR  15,0
         SRL   15,28
         N     15,=F'3'
         ST    15,0(,6)
         LA    6,4(,6)
         BR    14
*
*  PGMH (DAT off): record the program old PSW, X'8C' and X'90' (rightmost 12
*  bits cleared) in the slot at R10; resume at R11 (EC, DAT on, key 0).
PGMH     MVC   0(8,10),X'28'
         MVC   8(4,10),X'8C'
         L     9,X'90'
         N     9,=X'FFFFF000'
         ST    9,12(,10)
         ST    11,RESUME+4
         LPSW  RESUME
*
         DS    0D
DONE     DC    X'000A00000000C0DE'   EC disabled wait
DATON    DC    X'04080000',A(V1)
KEY3     DC    X'04380000',A(K9)     EC, DAT on, key 3
RESUME   DC    X'04080000',A(0)
CRS      DC    X'04800000'           CR0: secondary-space control, 4K, 64K
         DC    X'00004000'           CR1 (and CR7): the segment table
CR0LAP   DC    X'14800000'           CR0 with low-address protection
SRC      DC    16X'EE'
         LTORG
         ORG   SEGPROT+X'1800'
SLOT1    DS    2D
SLOT2    DS    2D
SLOT3    DS    2D
SLOT4    DS    2D
SLOT5    DS    2D
SLOT6    DS    2D
SLOT7    DS    2D
SLOT8    DS    2D
SLOT9    DS    2D
SLOT10   DS    2D
SLOT11   DS    2D
SLOT12   DS    2D
SLOT13   DS    2D
SLOT14   DS    2D
SLOT15   DS    2D
SLOT16   DS    2D
SLOT17   DS    2D
SLOT18   DS    2D
SLOT19   DS    2D
SLOT20   DS    2D
         ORG   SEGPROT+X'1C00'
VALUES   DS    16F
* ---- the segment table ---------------------------------------------------------
         ORG   SEGPROT+X'4000'
         DC    X'F0004100'           0: page table X'4100'
         DC    X'F0004204'           1: protected
         DC    X'F0004200'           2: not protected, same page table
         DC    X'00004305'           3: protected and invalid
         DC    X'F0004404'           4: protected, pages invalid
         DC    11X'00000001'         5-15: invalid
* ---- the page tables (entry = frame address bits 8-19; X'0008' = invalid) ----
         ORG   SEGPROT+X'4100'
         DC    X'0060',X'0010',X'0020',X'0030',X'0040',X'0050',X'0060'
         DC    X'0000'               page 7 -> real 0
         DC    X'0080',X'0090',X'00A0',X'00B0',X'00C0',X'00D0',X'00E0'
         DC    X'00F0'
         ORG   SEGPROT+X'4200'
         DC    X'0080',X'0090',13X'0008',X'00A0'
         ORG   SEGPROT+X'4400'
         DC    16X'0008'
* ---- recognisable contents of the frames ---------------------------------------
         ORG   SEGPROT+X'6100'
         DC    4X'66666666'
         ORG   SEGPROT+X'8000'
         DC    4X'88888888'
         BR    14                    X'8010' (virtual X'10010')
         DC    X'0000'
         DC    3X'88888888'
         DC    8X'88888888'
         ORG   SEGPROT+X'9000'
         DC    4X'99999999'
         ORG   SEGPROT+X'AFF0'
         DC    4X'AAAAAAAA'
         ORG   SEGPROT+X'FFF0'
         DC    4X'FFFFFFFF'
         END
