*  STORAGE -- storage-to-storage and character instructions: MVC (with the
*  one-byte-overlap ripple), CLC, TR, TRT, MVN, MVZ, ICM, STCM, CLM, MVCL,
*  CLCL, and EXECUTE (variable lengths, OR-ed masks, EX of BALR).
*
*  Register/cc results: (value, cc) pairs at R10 via REC. Changed storage is in
*  the WORK area, dumped whole.
*
*  DUMP 800.140
*  DUMP A00.100
STORAGE  START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   STORAGE+X'68'
         DC    X'0002000000000068'   program new PSW: stop if anything goes wrong
         ORG   STORAGE+X'200'
BEGIN    BALR  12,0
         USING *,12
         LA    10,RESULTS
* ---- MVC: a plain move, then the overlap ripple (fill with one byte) -----
         MVC   W1(8),=C'ABCDEFGH'
         MVI   W2,C'*'
         MVC   W2+1(15),W2           propagates '*' through 16 bytes
* ---- CLC: cc0 equal, cc1 low, cc2 high ------------------------------------
         CLC   W1(4),=C'ABCD'
         BAL   14,REC
         CLC   W1(4),=C'ABCE'
         BAL   14,REC
         CLC   W1(4),=C'ABCC'
         BAL   14,REC
* ---- TR: translate 8 bytes through a table (0-9 -> 'A'+n) ------------------
         MVC   W3(8),=X'0001020304050607'
         TR    W3(8),TRTAB
* ---- TRT: find the first nonzero function byte ------------------------------
         SR    1,1
         SR    2,2
         L     2,=X'FFFFFFFF'        bits 24-31 of R2 are replaced, the rest kept
         TRT   =C'AB,CD',STOPTAB     ',' at offset 2: cc1, R1 -> it, R2 = FF..FF01
         BAL   14,REC                R1 = address of the ','
         LR    1,2
         BAL   14,REC
         TRT   =C'ABC;',STOPTAB      last byte: cc2
         LR    1,2
         BAL   14,REC
         TRT   =C'ABCD',STOPTAB      none: cc0, registers unchanged
         BAL   14,REC
* ---- MVN / MVZ -----------------------------------------------------------
         MVC   W4(4),=X'12345678'
         MVN   W4(4),=X'ABCDEFAB'    numerics: 1B3D5F7B
         MVC   W4+4(4),=X'12345678'
         MVZ   W4+4(4),=X'ABCDEFAB'  zones:    A2C4E6A8
* ---- ICM / STCM / CLM ----------------------------------------------------
         L     1,=X'11111111'
         ICM   1,B'1010',=X'8099'    80119911, cc1 (leftmost inserted bit one)
         BAL   14,REC
         ICM   1,B'0011',=X'0000'    80110000, cc0 (inserted bits all zero)
         BAL   14,REC
         ICM   1,B'0001',=X'7F'      8011007F, cc2
         BAL   14,REC
         ICM   1,B'0000',=X'FF'      mask 0: nothing, cc0
         BAL   14,REC
         STCM  1,B'1001',W5          80 7F
         CLM   1,B'1100',=X'8011'    equal: cc0
         BAL   14,REC
         CLM   1,B'0101',=X'1200'    11 < 12: cc1
         BAL   14,REC
* ---- MVCL: move with padding ------------------------------------------------
         LA    2,W6                  destination, length 16
         LA    3,16
         LA    4,=C'MVCL'            source, length 4, pad '.'
         L     5,=X'4B000004'
         MVCL  2,4                   cc2: first operand longer
         BAL   14,RECMV
         LA    2,W7                  destination shorter than source
         LA    3,3
         LA    4,=C'WXYZ'
         L     5,=X'00000004'
         MVCL  2,4                   cc1
         BAL   14,RECMV
         LA    2,W7+1                destructive overlap: dest inside source
         LA    3,4
         LA    4,W7
         LA    5,4
         MVCL  2,4                   cc3, nothing moved
         BAL   14,RECMV
* ---- CLCL: compare with padding ---------------------------------------------
         LA    2,=C'ABC  '
         LA    3,5
         LA    4,=C'ABC'
         L     5,=X'40000003'        pad blank: equal, cc0, lengths 0
         CLCL  2,4
         BAL   14,RECMV
         LA    2,=C'ABCDE'
         LA    3,5
         LA    4,=C'ABX'
         L     5,=X'40000003'        mismatch at 2: cc1, lengths 3 and 1
         CLCL  2,4
         BAL   14,RECMV
* ---- EXECUTE ---------------------------------------------------------------
         LA    1,2                   MVC length 3 via EX
         EX    1,EXMVC               moves 'EX!'
         LA    1,X'80'
         MVI   W9,X'81'
         EX    1,EXTM                TM W9,X'80' (mask OR-ed in): cc3
         BAL   14,REC
         SR    1,1
         EX    1,EXTM                TM W9,X'00': cc0
         BAL   14,REC
         EX    0,EXBALR              R0 given: no OR; BALR 3,0 under EX
         ST    3,W10                 ILC 2 (of the EX) + address after the EX
         LPSW  DONE
*
*  REC: store R1 and the condition code at R10; R10 += 8.
REC      ST    1,0(,10)
         LR    15,14
         SRL   15,28
         N     15,=F'3'
         ST    15,4(,10)
         LA    10,8(,10)
         BR    14
*  RECMV: for MVCL/CLCL store R2, R3, R4, R5 (addresses, lengths, pad byte)
*  and the cc; R10 += 20.
RECMV    STM   2,5,0(10)
         LR    15,14
         SRL   15,28
         N     15,=F'3'
         ST    15,16(,10)
         LA    10,20(,10)
         LA    10,16(,10)
         BR    14
EXMVC    MVC   W8(0),=C'EX!'
EXTM     TM    W9,X'00'
EXBALR   BALR  3,0
         DS    0D
DONE     DC    X'000200000000C0DE'   disabled wait
TRTAB    DC    C'ABCDEFGHIJ'
STOPTAB  DC    256X'00'
         ORG   STOPTAB+C','
         DC    X'01'
         ORG   STOPTAB+C';'
         DC    X'02'
         ORG   ,
         LTORG
         ORG   STORAGE+X'800'
RESULTS  DS    40D
         ORG   STORAGE+X'A00'
W1       DC    CL16' '
W2       DC    CL16' '
W3       DC    CL8' '
W4       DC    XL8'00'
W5       DC    XL8'00'
W6       DC    CL16' '
W7       DC    CL8'12345678'
W8       DC    CL8' '
W9       DC    XL4'00'
W10      DC    F'0'
         END
