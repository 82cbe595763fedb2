***********************************************************************
*  DASBEYOND: the dual-address-space facility's tables beyond the     *
*  guest's storage, and a secondary space that names every address.  *
*                                                                     *
*  The attack (on isolation, through DMKDAS, vdas.asm).  ALICE turns  *
*  DAT on with the facility enabled (CR0 bits 4-5, CR5's linkage      *
*  control, CR14's ASN translation) and points CP at tables of hers   *
*  that lie where her storage does not:                               *
*   1. the ASN first table past 16M (CR14's origin X'7FFFF000'):      *
*      SSAR, and SSAR as the target of EXECUTE;                       *
*   2. the ASN first table at X'FFF000';                              *
*   3. an AFT entry naming a second table at X'FFFF00';               *
*   4. an AST entry whose authority table is at X'FFFFFC';            *
*   5. a linkage table at X'FFFF80' (CR5's origin): PC;               *
*   6. a linkage-table entry naming an entry table at X'FFFFC0';      *
*   7. a secondary segment table (CR7) at X'FFF000': MVCP;            *
*   8. then a secondary space whose tables map all 16M one to one     *
*      onto "real" addresses 0-FFFFFF (so do the primary's): at one   *
*      address in every 64K past her storage, MVCP from it, MVCS      *
*      into it (X'BAD!'), and SAC into the secondary-space mode and   *
*      a load from it.                                                *
*  On a real machine of her size each is an addressing exception     *
*  (code 5).  A CP that took her tables' addresses for real ones      *
*  would read and write CP's or BOB's storage (the harness compares   *
*  every byte of both) and hand her what it holds.                    *
*                                                                     *
*  X'600D': every access gave its exception.  X'BAD1': an access went *
*  through; X'BAD2': another exception.                               *
***********************************************************************
         COPY  GUEST
DASBYND  START X'8000'
         BALR  R12,0
         USING *,R12
         DIAG  R6,0,X'60'          R6 = the size of her storage
*  The tables: the segment table at X'30000', the page tables after
*  it: all 16M, virtual = "real".
         L     R2,=A(X'30000')
         L     R3,=A(X'30400')
         SR    R4,R4               page-table entry: frame 0, valid
         LA    R5,256
BLDSEG   LR    R0,R3               16 entries at R3
         O     R0,=X'F0000000'
         ST    R0,0(R2)
         LA    R1,16
BLDPAGE  STH   R4,0(R3)
         AH    R4,=H'16'           the next 4K frame
         LA    R3,2(R3)
         BCT   R1,BLDPAGE
         LA    R2,4(R2)
         BCT   R5,BLDSEG
*  The ASN and linkage tables of cases 3, 4 and 6.
         L     R2,=A(BUF2)         AFT: entry 0 -> AST past storage
         MVC   0(4,R2),=X'00FFFF00'
         L     R2,=A(BUF3)         AFT (case 4): entry 0 -> BUF3+X'100'
         MVC   0(4,R2),=A(BUF3+X'100')
         L     R2,=A(BUF3+X'150')  AST entry 5: authority table at
         MVC   0(16,R2),AST5         X'FFFFFC'
         L     R2,=A(BUF3+X'800')  linkage table: entry 0 -> X'FFFFC0'
         MVC   0(4,R2),=X'00FFFFC0'
         MVC   X'68'(8),PGMNEW     program checks to PGM (DAT off)
         LCTL  0,15,CRS
         LPSW  DATON
V1       LA    R8,5                every case: addressing
         LA    R5,5                ASN 5 (the primary ASN is 0)
*  1, 2, 3, 4: SSAR with the ASN tables past her storage.
         LA    R9,T1
         LCTL  14,14,=X'000FFFFF'  AFT at X'7FFFF000'
         SSAR  R5
         B     LBAD1
T1       BAL   R14,CHECK
         LA    R9,T1X              (and as the target of EXECUTE)
         EX    R0,SSARX
         B     LBAD1
T1X      BAL   R14,CHECK
         LA    R9,T2
         LCTL  14,14,=X'00080FFF'  AFT at X'FFF000'
         SSAR  R5
         B     LBAD1
T2       BAL   R14,CHECK
         LA    R9,T3
         LCTL  14,14,=A(X'00080000'+BUF2/4096)
         SSAR  R5
         B     LBAD1
T3       BAL   R14,CHECK
         LA    R9,T4
         LCTL  14,14,=A(X'00080000'+BUF3/4096)
         SSAR  R5
         B     LBAD1
T4       BAL   R14,CHECK
*  5, 6: PC with the linkage and entry tables past her storage.
         LA    R9,T5
         LCTL  5,5,=X'80FFFFFF'    linkage table at X'FFFF80'
         PC    0
         B     LBAD1
T5       BAL   R14,CHECK
         LA    R9,T6
         LCTL  5,5,=A(X'80000000'+BUF3+X'800')
         PC    0
         B     LBAD1
T6       BAL   R14,CHECK
*  7: MVCP with the secondary segment table past her storage.
         LA    R9,T7
         LCTL  7,7,=X'00FFF000'
         LA    R1,4
         SR    R3,R3
         L     R4,=A(BUF1)
         MVCP  0(R1,R4),0(R4),R3
         B     LBAD1
T7       BAL   R14,CHECK
         LCTL  7,7,CRS+28          the secondary space: all 16M again
*  8: past the end of her storage in the secondary space.
         LR    R7,R6
L8       BAL   R14,TOUCH
         A     R7,=F'65536'
         C     R7,=A(X'1000000')
         BL    L8
         L     R7,=A(X'FFFFFC')    the last word there is
         BAL   R14,TOUCH
         LPSW  GOOD
LBAD1    LPSW  BAD1
*
*  TOUCH: MVCP from R7, MVCS into R7, SAC and a load from R7: each
*  an addressing exception.
TOUCH    ST    R14,TOUCHR
         LA    R1,4
         SR    R3,R3
         L     R4,=A(BUF1)
         LA    R9,TO10
         MVCP  0(R1,R4),0(R7),R3
         B     LBAD1
TO10     BAL   R14,CHECK
         LA    R9,TO20
         MVC   0(4,R4),=C'BAD!'
         MVCS  0(R1,R7),0(R4),R3
         B     LBAD1
TO20     BAL   R14,CHECK
         LA    R9,TO30
         SAC   X'100'
         L     R0,0(R7)
         B     LBAD1
TO30     BAL   R14,CHECK
         L     R14,TOUCHR
         BR    R14
TOUCHR   DS    F
SSARX    SSAR  R5
*
*  CHECK: was the program check's code R8?  (Else BAD2.)
CHECK    CH    R8,PGMCODE
         BER   R14
         LPSW  BAD2
*
*  PGM (EC mode, DAT off): note the code, go on at R9 with DAT on in
*  the primary space.
PGM      MVC   PGMCODE,X'8E'
         ST    R9,RESUME+4
         LPSW  RESUME
         DS    0D
PGMNEW   DC    X'00080000',A(PGM)  EC, DAT off, disabled
DATON    DC    X'04080000',A(V1)   EC, DAT on
RESUME   DC    X'04080000',A(0)
CRS      DC    X'0C800000'         CR0: extraction, secondary space,
*                                    4K pages, 64K segments
         DC    X'0F030000'         CR1: 256 entries at X'30000'
         DC    F'0'                CR2
         DC    X'80000000'         CR3: PKM key 0, SASN 0
         DC    F'0'                CR4: AX 0, PASN 0
         DC    X'80000000'         CR5: linkage control
         DC    F'0'                CR6
         DC    X'0F030000'         CR7: the same tables
         DC    6F'0'               CR8-CR13
         DC    X'00080000'         CR14: ASN translation
         DC    F'0'                CR15
AST5     DC    X'00FFFFFC',X'0000FFF0',X'0F030000',X'80000000'
PGMCODE  DS    H
         LTORG
         COPY  DOIO
         END
