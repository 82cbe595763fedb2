*  LOWPROT -- low-address protection (CR0 bit 3), DAT off, EC mode.
*
*  With the bit on, an instruction may not store into addresses 0-511,
*  whatever the PSW key and the storage key: a protection exception (code 4),
*  nothing stored. Fetches are allowed, and so are the CPU's own stores there
*  (the program old PSW at X'28' and the code at X'8C' that PGMH reads).
*  Covered: the bit off and on; PSW key 0 and 3 (with the block's key 3, so
*  only low-address protection can refuse the store); ST, MVI, MVC, STM and ST
*  with an operand crossing address 512; MVCL (suppressed: registers
*  unchanged); STOSM (suppressed: the mask stays as it was); TPROT (cc 1 below
*  512, whatever the key); IPTE of an entry below 512 and TEST BLOCK of block
*  0 (real addresses: also protected); TEST BLOCK elsewhere (allowed).
*
*  Each case that may interrupt has a 16-byte slot: the program old PSW and
*  the word at X'8C' (ILC, code); an empty slot means no interruption. The
*  data at X'100', X'1F0'-X'20F' and X'300' shows what was stored.
*
*  DUMP 100.10
*  DUMP 1F0.20
*  DUMP 300.20
*  DUMP 5000.10
*  DUMP 800.120
*  DUMP 980.40
LOWPROT  START 0
         DC    X'0000000000000400'   restart PSW: BC mode, disabled, key 0
         ORG   LOWPROT+X'68'
         DC    X'00080000',A(PGMH)   program new PSW: EC, disabled, key 0
         ORG   LOWPROT+X'100'
         DC    4X'01010101'
         ORG   LOWPROT+X'1F0'
         DC    8X'1F1F1F1F'
         ORG   LOWPROT+X'300'
         DC    8X'03030303'
         ORG   LOWPROT+X'400'
BEGIN    BALR  12,0
         USING *,12
         LPSW  ECPSW                 EC mode, key 0, disabled
EC1      L     1,=X'AAAAAAAA'
* ---- 1: protection off: a store below 512 works -----------------------------
         LA    10,SLOT1
         LA    11,C1
         ST    1,X'100'              X'100' = AAAAAAAA
C1       LCTL  0,0,CR0ON             low-address protection on
* ---- 2: ST below 512 -------------------------------------------------------
         LA    10,SLOT2
         LA    11,C2
         ST    1,X'104'              code 4, X'104' unchanged
* ---- 3: MVI at 511 ---------------------------------------------------------
C2       LA    10,SLOT3
         LA    11,C3
         MVI   X'1FF',X'BB'          code 4
* ---- 4: MVC X'1F8'-X'207', across 512: nothing stored ----------------------
C3       LA    10,SLOT4
         LA    11,C4
         MVC   X'1F8'(16),SRC        code 4, X'200'-X'207' unchanged too
* ---- 5: ST X'1FE'-X'201', across 512 ----------------------------------------
C4       LA    10,SLOT5
         LA    11,C5
         ST    1,X'1FE'              code 4
* ---- 6: STM X'1FC'-X'203' ---------------------------------------------------
C5       LA    10,SLOT6
         LA    11,C6
         STM   2,3,X'1FC'            code 4
* ---- 7: at 512 and a fetch below it: allowed --------------------------------
C6       LA    10,SLOT7
         LA    11,C7
         MVI   X'200',X'CC'          allowed: X'200' = CC
         L     5,X'100'              allowed: R5 = AAAAAAAA
         ST    5,VALUES
* ---- 8: PSW key 3, block 0 with key 3: still protected below 512 -------------
C7       LA    2,X'30'
         SR    3,3
         SSK   2,3                   block 0: key 3
         LA    10,SLOT8
         LA    11,C8
         LPSW  KEY3                  to K8 with PSW key 3
K8       ST    1,X'300'              allowed (keys match): X'300' = AAAAAAAA
         ST    1,X'108'              code 4 (the PGMH resumes with key 0)
C8       SR    2,2
         SSK   2,3                   block 0: key 0 again
* ---- 9: PSW key 3, block key 0: key-controlled protection above 512 ---------
         LA    10,SLOT9
         LA    11,C9
         LPSW  KEY3B                 to K9 with PSW key 3
K9       ST    1,X'304'              code 4 (the keys differ)
* ---- 10: MVCL into X'1F0'-X'20F': suppressed, registers unchanged -----------
C9       LA    10,SLOT10
         LA    11,C10
         LA    2,X'1F0'
         LA    3,X'20'
         LA    4,SRC
         LA    5,X'20'
         MVCL  2,4                   code 4
C10      STM   2,5,VALUES+4          001F0, 20, SRC, 20
* ---- 11: STOSM below 512: suppressed, the system mask unchanged -------------
         LA    10,SLOT11
         LA    11,C11
         STOSM X'108',X'01'          code 4; the external mask stays off
C11      STNSM X'310',X'FF'          X'310' = 00 (the mask)
* ---- 12: TPROT: store not permitted below 512, whatever the key -------------
         LA    6,VALUES+20
         TPROT X'100',0              cc 1
         BAL   14,SAVECC
         TPROT X'1FF',X'30'          cc 1 (key 3, block key 0: fetch only)
         BAL   14,SAVECC
         TPROT X'200',0              cc 0
         BAL   14,SAVECC
         TPROT X'300',X'30'          cc 1 (key-controlled)
         BAL   14,SAVECC
* ---- 13: IPTE of a page-table entry at X'10A' --------------------------------
         LA    10,SLOT13
         LA    11,C13
         LA    6,X'100'              page-table origin X'100'
         L     7,=A(X'5000')         page 5: the entry at X'10A'
         IPTE  6,7                   code 4, X'10A' unchanged
* ---- 14: TEST BLOCK of block 0: protected, nothing cleared -------------------
C13      LA    10,SLOT14
         LA    11,C14
         SR    0,0
         SR    8,8
         TB    0,8                   code 4
* ---- 15: TEST BLOCK elsewhere: cleared, cc 0 --------------------------------
C14      LA    10,SLOT15
         LA    11,C15
         L     8,=A(X'5000')
         SR    0,0
         TB    0,8                   cc 0, X'5000'-X'5FFF' zero
         LA    6,VALUES+36
         BAL   14,SAVECC
* ---- 16: protection off again: a store below 512 works ----------------------
C15      LCTL  0,0,CR0OFF
         LA    10,SLOT16
         LA    11,C16
         ST    1,X'10C'              X'10C' = AAAAAAAA
C16      SR    14,14
         LPSW  DONE
*
*  SAVECC: store the cc at R6 (a word); R6 += 4.
SAVECC   BALR  15,0
         SRL   15,28
         N     15,=F'3'
         ST    15,0(,6)
         LA    6,4(,6)
         BR    14
*
*  PGMH: record the program old PSW and the word at X'8C' in the slot at R10;
*  resume at R11 (EC, key 0, supervisor, disabled).
PGMH     MVC   0(8,10),X'28'
         MVC   8(4,10),X'8C'
         ST    11,RESUME+4
         LPSW  RESUME
*
         DS    0D
DONE     DC    X'000A00000000C0DE'   EC disabled wait
ECPSW    DC    X'00080000',A(EC1)
KEY3     DC    X'00380000',A(K8)     EC, key 3
KEY3B    DC    X'00380000',A(K9)
RESUME   DC    X'00080000',A(0)
CR0ON    DC    X'10800000'           low-address protection, 4K pages, 64K
CR0OFF   DC    X'00800000'           the same without protection
SRC      DC    32X'EE'
         LTORG
         ORG   LOWPROT+X'800'
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
         ORG   LOWPROT+X'980'
VALUES   DS    16F
         ORG   LOWPROT+X'5000'
         DC    4X'55555555'
         END
