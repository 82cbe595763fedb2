***********************************************************************
*  DASLOOP: PROGRAM CALL and PROGRAM TRANSFER, ping-pong, for ever.   *
*                                                                     *
*  The attack (on the CPU share, through DMKDAS, vdas.asm).  ALICE    *
*  turns DAT on with the dual-address-space facility: two address     *
*  spaces (ASN 1 and ASN 2, their segment-table designations          *
*  different, so every switch makes CP start the shadow tables        *
*  afresh), an ASN first and second table, authority tables, a        *
*  linkage and an entry table.  Then she loops: PC 0 (PC-ss into ASN  *
*  2), whose entry is PT back (PT-ss into ASN 1), and again.  Each is *
*  a trap CP emulates, walking her tables, and each switch refills    *
*  the shadow tables: nearly all the time is CP's, spent for her.  A  *
*  CP that did not charge it to her slice would let her keep the CPU  *
*  and BOB would wait.  It never ends.                                *
***********************************************************************
         COPY  GUEST
DASLOOP  START X'8000'
         BALR  R12,0
         USING *,R12
*  The tables: the segment table at X'30000', the page tables after
*  it: the first 4M, virtual = "real".
         L     R2,=A(X'30000')
         L     R3,=A(X'30400')
         SR    R4,R4               page-table entry: frame 0, valid
         LA    R5,64
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
         L     R2,=A(BUF2)         the ASN and linkage tables
         LA    R3,TABLEN
         LA    R4,TABLES
         LR    R5,R3
         MVCL  R2,R4
         MVC   X'68'(8),PGMNEW
         LCTL  0,15,CRS
         LPSW  DATON
LOOP     PC    0                   PC-ss into ASN 2, at ENTRY
         B     LOOP
ENTRY    PT    R3,R14              PT-ss back into ASN 1
*  PGM: a program check (none is expected): stop, BAD1.
PGM      LPSW  BAD1
         DS    0D
PGMNEW   DC    X'00080000',A(PGM)  EC, DAT off, disabled
DATON    DC    X'04080000',A(LOOP) EC, DAT on
BAD1     DC    X'00020000',X'0000BAD1'
CRS      DC    X'0C800000'         CR0: extraction, secondary space,
*                                    4K pages, 64K segments
         DC    X'03030000'         CR1: ASN 1's space
         DC    F'0'                CR2
         DC    X'80000001'         CR3: PKM key 0, SASN 1
         DC    X'00000001'         CR4: AX 0, PASN 1
         DC    A(X'80000000'+BUF2+X'300')  CR5: the linkage table
         DC    F'0'                CR6
         DC    X'03030000'         CR7
         DC    6F'0'               CR8-CR13
         DC    A(X'00080000'+BUF2/4096)    CR14: the AFT at BUF2
         DC    F'0'                CR15
*  The tables, copied to BUF2: AFT (+0), AST (+X'100'), authority
*  table (+X'200'), linkage table (+X'300'), entry table (+X'400').
TABLES   DC    A(BUF2+X'100')      AFT entry 0
         ORG   TABLES+X'110'
         DC    A(BUF2+X'200'),F'0',X'03030000'   AST entry 1
         DC    A(X'80000000'+BUF2+X'300')
         DC    A(BUF2+X'200'),F'0',X'02030000'   AST entry 2
         DC    A(X'80000000'+BUF2+X'300')
         ORG   TABLES+X'200'
         DC    X'C0000000'         AX 0: P and S
         ORG   TABLES+X'300'
         DC    A(BUF2+X'400')      LX 0: the entry table, 4 entries
         ORG   TABLES+X'400'
         DC    X'FFFF0002',A(ENTRY),X'EEEEEEEE',F'0'   EX 0: ASN 2
TABLEN   EQU   *-TABLES
         LTORG
         END
