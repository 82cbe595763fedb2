*  DAS -- the dual-address-space facility: MVCP, MVCS, MVCK, SAC, IAC, EPAR,
*  ESAR, IVSK, SSAR, LASP, TPROT, PC, PT, with their exceptions.
*
*  Three address spaces share segment 0 (virtual 0-64K = real 0-64K, where
*  the program and the tables are) and differ in segment 1: virtual X'10000'
*  is real X'20000' in ASN 1 (the primary space), X'30000' in ASN 2 (the
*  secondary space) and X'40000' in ASN 3. ASN 8 is ASN 3's tables with the
*  space-switch-event bit. Segment 2 is invalid in ASN 1 and ASN 2.
*
*  ASN tables: AFT at X'5000' (entry 0 -> AST at X'5100', entry 1
*  invalid); AST entries 1, 2, 3, 8 valid, 4 invalid (ASX), 5 and 7 with
*  reserved bits (ASN-translation specification). Authority tables: ASN 1
*  gives AX 1 P and S, AX 3 P; ASN 2 AX 1 P and S; ASN 3 AX 1 P only.
*  Linkage table X'5800' (32 entries): LX 0 -> entry table X'5A00' (4
*  entries), LX 1 invalid, LX 3 -> entry table X'5A40'. Entry table 0: EX 0
*  PC-cp to PCT1 (EKM key 1), EX 1 PC-ss to ASN 3 at PCT2, EX 2 AKM key 15
*  only, EX 3 with bit 39 set (PC-translation specification). Entry table 3:
*  EX 0 PC-ss to ASN 8 (space-switch event), EX 1 PC-cp into the problem
*  state. LX 2 has bit 7 set (PC-translation specification). AST entry 6 has
*  bit 97 set (ASN-translation specification).
*
*  PGMH records the program old PSW, X'8C' and X'90' (16 bytes, X'90'
*  cleared after) at R10 and resumes at R11; SVCH the SVC old PSW and X'88'
*  (16 bytes), and resumes at R11. Both new PSWs have DAT on (segment 0 is
*  the same in every space). Values are stored at R10, which then moves on;
*  the space-switch events have fixed slots at X'8500' (16 bytes each), the
*  rest of part 8 goes on at X'8600', part 9 has fixed slots at X'8700'.
*
*  DUMP 8000.800
*  DUMP 20000.20
*  DUMP 30000.20
*  DUMP 40000.20
DAS      START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   DAS+X'60'
         DC    X'04080000',A(SVCH)   SVC new PSW: EC, DAT on
         DC    X'04080000',A(PGMH)   program new PSW: EC, DAT on
         ORG   DAS+X'200'
BEGIN    BALR  12,0
         USING *,12
         LM    0,9,=10F'0'
         L     10,=A(RESULTS)
         L     1,=A(X'20000')        data in the three spaces' segment 1
         MVC   0(16,1),=CL16'PRIMARY-DATA-ONE'
         L     1,=A(X'30000')
         MVC   0(16,1),=CL16'SECONDARY-DATA-2'
         L     1,=A(X'40000')
         MVC   0(16,1),=CL16'THIRD-SPACE-DATA'
         LCTL  0,15,CRS
         LPSW  DATPSW                EC, DAT on, primary space ASN 1
EC1      DS    0H
* ---- 1: MVCP, MVCS, MVCK ---------------------------------------------------
         L     1,=F'8'
         L     3,=F'0'               key 0
         L     4,=A(X'10000')
         MVCP  0(1,4),8(4),3         primary X'20000' <- secondary X'30008'
         IPM   5
         ST    5,0(,10)
         L     1,=F'4'
         MVCS  12(1,4),0(4),3        secondary X'3000C' <- primary X'20000'
         IPM   5
         ST    5,4(,10)
         L     1,=F'300'             true length > 256: cc 3, 256 moved
         L     6,=A(X'40000')        (real X'40000' is virtual in no space
         L     7,=A(SCRATCH)          but segment 0 is: SCRATCH)
         MVCK  0(1,7),16(4),3        256 bytes from primary X'20010'
         IPM   5
         ST    5,8(,10)
         SR    1,1
         MVCP  0(1,4),0(4),3         length 0: cc 0, nothing
         IPM   5
         ST    5,12(,10)
         LA    10,16(,10)
*        the secondary block gets key 5 with fetch protection
         L     2,=A(X'30000')
         LA    1,X'58'
         SSK   1,2
         L     1,=F'2'
         LA    3,X'50'               key 5: allowed
         MVCP  16(1,4),0(4),3        X'20010' <- 'SE'
         LA    3,X'60'               key 6: protection on the secondary fetch
         LA    11,C1A
         MVCP  16(1,4),0(4),3
C1A      LA    11,C1B
         MVCS  0(1,4),16(4),3        key 6: protection on the secondary store
C1B      L     2,=A(X'30000')
         SR    1,1
         SSK   1,2
* ---- 2: the special-operation and privileged-operation exceptions ----------
         LCTL  0,0,CR0NOSEC          CR0 bit 5 off
         LA    11,C2A
         MVCP  0(1,4),0(4),3
C2A      LA    11,C2B
         SAC   X'100'
C2B      LCTL  0,0,CRS
*        DAT off (the handlers turn it back on: each case turns it off)
         STNSM DUMMY,X'FB'
         LA    11,C2C
         MVCS  0(1,4),0(4),3
C2C      STNSM DUMMY,X'FB'
         LA    11,C2D
         EPAR  5
C2D      STNSM DUMMY,X'FB'
         LA    11,C2E
         IAC   5
C2E      STNSM DUMMY,X'FB'
         LA    11,C2F
         SSAR  5
C2F      STOSM DUMMY,X'04'
*        the problem state: PKM (CR3 bits 0-15) allows key 8 only
         LCTL  3,3,CR3PKM8
         LA    3,X'50'               key 5
         L     1,=F'1'
         LA    11,C2G
         LPSW  PROB1                 MVCP with key 5: privileged operation
C2G      LA    11,C2H
         LA    3,X'80'
         LPSW  PROB1                 key 8: completes, then SVC 1
C2H      LCTL  0,0,CR0NOEXT          no extraction authority
         LA    11,C2I
         LPSW  PROB2                 EPAR: privileged operation
C2I      LCTL  0,0,CRS
         LA    11,C2J
         LPSW  PROB2                 EPAR 6, IAC 7, ESAR 8, SVC 2
C2J      STM   6,8,0(10)
         LA    10,12(,10)
         LCTL  3,3,CRS+12
* ---- 3: SAC, IAC, secondary-space operands, X'90' bit 0 ---------------------
         IAC   5                     cc 0, R5 bit 23 zero
         IPM   6
         STM   5,6,0(10)
         SAC   X'100'                secondary-space mode
         MVC   8(8,10),0(4)          from real X'30000'
         L     5,=X'FFFFFFFF'
         IAC   5                     FFFF01FF, cc 1
         IPM   6
         STM   5,6,16(10)
         LA    10,24(,10)
         LA    11,C3A
         LA    9,12(,10)             where X'90' will be recorded
         L     5,=A(X'20000')
         L     6,0(,5)               segment 2: old PSW bit 16, X'90' bit 0
C3A      NC    0(4,9),=X'FFFFF000'   rightmost 12 bits unpredictable
         LA    11,C3B
         SAC   X'400'                specification
C3B      SAC   0
         LA    11,C3C
         LA    9,12(,10)
         L     6,0(,5)               X'90' bit 0 zero
C3C      NC    0(4,9),=X'FFFFF000'
* ---- 4: EPAR, ESAR, IVSK ------------------------------------------------------
         L     5,=X'FFFFFFFF'
         L     6,=X'FFFFFFFF'
         EPAR  5                     00000001
         ESAR  6                     00000002
         L     2,=A(X'20000')
         LA    1,X'78'
         SSK   1,2                   key 7, fetch protection
         L     7,=X'EEEEEEEE'
         IVSK  7,4                   EEEEEE78 (primary X'10000')
         SAC   X'100'
         L     8,=X'DDDDDDDD'
         IVSK  8,4                   DDDDDD00 (secondary X'10000')
         SAC   0
         STM   5,8,0(10)
         LA    10,16(,10)
         SR    1,1
         SSK   1,2
* ---- 5: SSAR ----------------------------------------------------------------
         LA    5,1
         SSAR  5                     SSAR-cp: CR7 = CR1
         STCTL 3,3,0(10)
         STCTL 7,7,4(10)
         LA    5,2
         SSAR  5                     SSAR-ss: ASN 2 authorized
         STCTL 3,3,8(10)
         STCTL 7,7,12(10)
         LA    10,16(,10)
         LA    5,3
         LA    11,C5A
         SSAR  5                     secondary authority: X'90' = 0003
C5A      LA    5,X'40'
         LA    11,C5B
         SSAR  5                     AFX translation: X'90' = 0040
C5B      LA    5,4
         LA    11,C5C
         SSAR  5                     ASX translation
C5C      LA    5,5
         LA    11,C5D
         SSAR  5                     ASN-translation specification
C5D      LA    5,7
         LA    11,C5E
         SSAR  5                     ASN-translation specification
C5E      LCTL  14,14,CR14OFF
         LA    5,2
         LA    11,C5F
         SSAR  5                     special operation
C5F      LCTL  0,15,CRS
* ---- 6: LASP --------------------------------------------------------------------
         LASP  LASP1,0               cc 0: SASN 2, PKM C000, AX old
         BAL   14,LASPREC
         LASP  LASP1,2               AX-d 5 not authorized for ASN 2: cc 2
         BAL   14,LASPREC
         LASP  LASP1,3               authorization skipped: cc 0
         BAL   14,LASPREC
         LASP  LASP1,4               PASN translated anyway: cc 0
         BAL   14,LASPREC
         LASP  LASP2,0               PASN X'0040': cc 1
         BAL   14,LASPREC
         LASP  LASP3,0               PASN 8 has the space-switch bit: cc 3
         BAL   14,LASPREC
         LASP  LASP4,0               SASN 4: cc 2
         BAL   14,LASPREC
         LASP  LASP5,0               PASN 3, SASN 3: cc 0, CR5 of ASN 3
         BAL   14,LASPREC
         LA    11,C6A
         LASP  LASP1+4,0             specification
C6A      LCTL  14,14,CR14OFF
         LA    11,C6B
         LASP  LASP1,0               special operation
C6B      LCTL  0,15,CRS
* ---- 7: TPROT --------------------------------------------------------------------
         L     2,=A(X'20000')
         LA    1,X'60'               key 6
         SSK   1,2
         TPROT 0(4),X'00'            key 0: cc 0
         IPM   5
         TPROT 0(4),X'60'            key 6: cc 0
         IPM   6
         TPROT 0(4),X'50'            key 5: cc 1
         IPM   7
         LA    1,X'68'               key 6, fetch protection
         SSK   1,2
         TPROT 0(4),X'50'            cc 2
         IPM   8
         L     3,=A(X'20000')
         TPROT 0(3),X'50'            segment 2 invalid: cc 3
         IPM   9
         STM   5,9,0(10)
         LA    10,20(,10)
         SR    1,1
         SSK   1,2
         STNSM DUMMY,X'FB'
         L     3,=A(X'200000')
         LA    11,C7A
         TPROT 0(3),X'00'            DAT off, beyond storage: addressing
C7A      STOSM DUMMY,X'04'
* ---- 8: PC and PT --------------------------------------------------------------
         LM    3,4,=F'-1,-1'
         LA    11,C8A
         PC    0                     PC-cp to PCT1, returns with PT 3,14
C8A      LA    11,C8B
         PC    1                     PC-ss to ASN 3, PT-ss back
C8B      LA    11,C8C
         PC    4                     EX translation: X'90' = 00000004
C8C      LA    11,C8D
         PC    X'100'                LX translation (invalid entry)
C8D      LA    11,C8E
         L     6,=A(X'2000')
         PC    0(6)                  LX translation (beyond the table)
C8E      LA    11,C8F
         PC    3                     PC-translation specification
C8F      LA    11,C8G
         LPSW  PROB3                 PC 2 in the problem state: AKM
C8G      L     10,=A(SSESLOTS)       fixed slots from here on
         LA    11,C8H
         PC    X'300'                PC-ss to ASN 8: space-switch event
C8H      L     10,=A(SSESLOTS+16)
         LCTL  0,15,CRS
         L     5,=X'FFFF0008'
         LA    6,C8H1
         LA    11,C8H1
         PT    5,6                   PT-ss to ASN 8: space-switch event
C8H1     L     10,=A(SSESLOTS+32)
         L     5,=X'FFFF0001'
         LA    6,C8H2
         LA    11,C8H2
         PT    5,6                   PT-ss from ASN 8: X'90' = 80000008
C8H2     L     10,=A(MORE)
         LCTL  0,15,CRS
         LA    11,C8I
         SAC   X'100'
         PC    0                     secondary-space mode: special operation
C8I      SAC   0
*        PT: to ASN 3 (authorized P for AX 1), then AX 2 (not authorized)
         L     5,=X'FFFF0003'
         LA    6,C8J
         LA    11,C8J
         PT    5,6                   PT-ss
C8J      STCTL 0,15,0(10)
         LA    10,64(,10)
         LCTL  0,15,CRS
         LCTL  4,4,=X'00020001'      AX 2
         LA    11,C8K
         PT    5,6                   primary authority: X'90' = 0003
C8K      LCTL  0,15,CRS
         L     5,=X'FFFF0001'
         L     6,=A(C8L+X'01000000')
         LA    11,C8L
         PT    5,6                   bits 0-7 of R2: specification
C8L      LA    11,C8M
         LPSW  PROB4                 PT to the supervisor state: priv. op.
C8M      LA    11,C8O
         L     5,=X'FFFF0001'
         LA    6,C8N+1               PT-cp into the problem state, SVC 3
         PT    5,6
C8N      SVC   3
C8O      LCTL  0,15,CRS
* ---- 9: more exceptions, in fixed slots from X'8540' ----------------------
         L     10,=A(SLOTS9)
         L     4,=A(X'10000')
         LA    5,6
         LA    11,C9A
         SSAR  5                     AST bits 97-103 not zero: X'17'
C9A      L     10,=A(SLOTS9+16)
         LA    11,C9B
         PC    X'200'                LTE bits 1-7 not zero: X'1F'
C9B      L     10,=A(SLOTS9+32)
         L     1,=F'4'
         L     5,=A(X'20000')
         LA    11,C9C
         LA    9,12(,10)
         MVCP  0(1,4),0(5),3         secondary segment 2: X'90' bit 0
C9C      NC    0(4,9),=X'FFFFF000'
         L     10,=A(SLOTS9+48)
         LA    11,C9D
         LA    9,12(,10)
         MVCS  0(1,5),0(4),3         the same for the store
C9D      NC    0(4,9),=X'FFFFF000'
         L     10,=A(SLOTS9+64)
         LA    11,C9E
         L     6,=A(X'301')
         PC    0(6)                  into the problem state; SVC 6 there
C9E      ST    14,0(,10)             R14: the return address, P bit 0
         L     10,=A(SLOTS9+96)
         L     4,=A(X'10000')
         LA    11,C9G
         LPSW  SECPSW                PSW bit 16: the secondary-space mode
C9F      L     5,=X'FFFFFFFF'
         IAC   5                     FFFF01FF, cc 1
         IPM   6
         MVC   8(8,10),0(4)          from the secondary space: X'30000'
         SAC   0
         STM   5,6,0(10)
C9G      LPSW  DONE
*
*  LASPREC: store the cc and CR1, CR3, CR4, CR5, CR7; restore the CRs.
LASPREC  IPM   5
         ST    5,0(,10)
         STCTL 1,1,4(10)
         STCTL 3,5,8(10)
         STCTL 7,7,20(10)
         LA    10,24(,10)
         LCTL  0,15,CRS
         BR    14
*
*  PCT1: the PC-cp entry (supervisor). R3 = old PKM and PASN, R4 = entry
*  parameter, R14 = return address; the PKM has the entry key mask.
PCT1     STM   3,4,0(10)
         ST    14,8(,10)
         STCTL 3,3,12(10)
         STCTL 7,7,16(10)
         LA    10,20(,10)
         PT    3,14
*  PCT2: the PC-ss entry in ASN 3: CR1, CR3, CR4, CR5, CR7 changed.
PCT2     STM   3,4,0(10)
         ST    14,8(,10)
         STCTL 1,1,12(10)
         STCTL 3,5,16(10)
         STCTL 7,7,28(10)
         L     6,=A(X'10000')
         MVC   32(16,10),0(6)        ASN 3's X'10000' = real X'40000'
         LA    10,48(,10)
         PT    3,14                  PT-ss back to ASN 1
*  PCT4: a PC-cp entry in the problem state.
PCT4     SVC   6
*  The problem-state snippets.
P1       MVCP  0(1,4),8(4),3
         SVC   1
P2       EPAR  6
         IAC   7
         ESAR  8
         SVC   2
P3       PC    2
         SVC   4
P4       L     5,=X'FFFF0001'
         LA    6,P4X
         PT    5,6
P4X      SVC   5
*
*  PGMH: the program old PSW, X'8C' and X'90'; resume at R11.
PGMH     MVC   0(8,10),X'28'
         MVC   8(4,10),X'8C'
         MVC   12(4,10),X'90'
         XC    X'90'(4),X'90'
         LA    10,16(,10)
         BR    11
*  SVCH: the SVC old PSW and X'88'; resume at R11.
SVCH     MVC   0(8,10),X'20'
         MVC   8(4,10),X'88'
         XC    12(4,10),12(10)
         LA    10,16(,10)
         BR    11
*
         DS    0D
DONE     DC    X'040A00000000C0DE'   EC disabled wait
DATPSW   DC    X'04080000',A(EC1)    EC, DAT on, key 0, supervisor
SECPSW   DC    X'04088000',A(C9F)    EC, DAT on, secondary-space mode
PROB1    DC    X'04090000',A(P1)     EC, DAT on, problem state
PROB2    DC    X'04090000',A(P2)
PROB3    DC    X'04090000',A(P3)
PROB4    DC    X'04090000',A(P4)
LASP1    DC    X'C000',H'2',H'5',H'1'    PKM, SASN 2, AX 5, PASN 1
LASP2    DC    X'C000',H'2',H'5',X'0040' PASN X'40': AFX
LASP3    DC    X'C000',H'1',H'5',H'8'    PASN 8: space-switch bit
LASP4    DC    X'C000',H'4',H'5',H'1'    SASN 4: ASX
LASP5    DC    X'C000',H'3',H'5',H'3'    PASN 3 = SASN 3
CRS      DC    X'0C800000'           CR0: extraction, secondary space, 4K/64K
         DC    X'00003000'           CR1: ASN 1's segment table
         DC    X'FFFFFFFF'           CR2
         DC    X'80000002'           CR3: PKM key 0, SASN 2
         DC    X'00010001'           CR4: AX 1, PASN 1
         DC    X'80005800'           CR5: linkage table X'5800', 32 entries
         DC    X'00000000'           CR6
         DC    X'00003200'           CR7: ASN 2's segment table
         DC    5F'0'                 CR8-CR12
         DC    X'00000000'           CR13
         DC    X'00080005'           CR14: ASN translation, AFT at X'5000'
         DC    X'00000000'           CR15
CR0NOSEC DC    X'08800000'
CR0NOEXT DC    X'04800000'
CR3PKM8  DC    X'00800002'
CR14OFF  DC    X'00000005'
DUMMY    DC    X'00'
         LTORG
*  PCT3 (at a fixed address): the PC-ss entry in ASN 8, reached only when PC
*  gives no space-switch event.
         ORG   DAS+X'1100'
PCT3     MVC   0(16,10),NOSSE
         B     C8H
NOSSE    DC    CL16'NO SPACE SWITCH'
*
*  Segment tables (64K segments, 16 entries) and page tables (4K pages).
         ORG   DAS+X'3000'           ASN 1
         DC    X'F0003100',X'F0003140',14X'00000001'
         ORG   DAS+X'3100'           segment 0: identity
         DC    X'0000001000200030004000500060007000800090'
         DC    X'00A000B000C000D000E000F0'
         ORG   DAS+X'3140'           ASN 1 segment 1 -> X'20000'
         DC    X'0200021002200230024002500260027002800290'
         DC    X'02A002B002C002D002E002F0'
         ORG   DAS+X'3200'           ASN 2
         DC    X'F0003100',X'F0003240',14X'00000001'
         ORG   DAS+X'3240'           -> X'30000'
         DC    X'0300031003200330034003500360037003800390'
         DC    X'03A003B003C003D003E003F0'
         ORG   DAS+X'3300'           ASN 3 (and 8)
         DC    X'F0003100',X'F0003340',X'F0003340',13X'00000001'
         ORG   DAS+X'3340'           -> X'40000'
         DC    X'0400041004200430044004500460047004800490'
         DC    X'04A004B004C004D004E004F0'
*  ASN first table: AFX 0 -> AST X'5100'; AFX 1 invalid.
         ORG   DAS+X'5000'
         DC    X'00005100',X'80000000'
*  ASN second table entries 0-8.
         ORG   DAS+X'5100'
         DC    X'80000000',3F'0'                                  0
         DC    X'00005400',X'00010000',X'00003000',X'80005800'    1
         DC    X'00005410',X'00020000',X'00003200',X'80005800'    2
         DC    X'00005420',X'00030000',X'00003300',X'80005800'    3
         DC    X'80000000',3F'0'                                  4
         DC    X'00005420',X'0003000F',X'00003300',X'80005800'    5
         DC    X'00005420',X'00030000',X'00003300',X'C0005800'    6
         DC    X'00005422',X'00030000',X'00003300',X'80005800'    7
         DC    X'00005420',X'00030000',X'00003301',X'80005800'    8
*  Authority tables (2 bits per AX: P, S).
         ORG   DAS+X'5400'
         DC    X'32000000'           ASN 1: AX 1 P S, AX 3 P
         ORG   DAS+X'5410'
         DC    X'30000000'           ASN 2: AX 1 P S
         ORG   DAS+X'5420'
         DC    X'20000000'           ASN 3: AX 1 P
*  Linkage table.
         ORG   DAS+X'5800'
         DC    X'00005A00',X'80000000',X'01005A00',X'00005A40'
         DC    28X'80000000'
*  Entry tables: AKM, ASN | EIA, P | entry parameter | EKM.
         ORG   DAS+X'5A00'
         DC    X'80000000',A(PCT1),X'EEEE0000',X'40000000'
         DC    X'FFFF0003',A(PCT2),X'11111111',X'00000000'
         DC    X'00010000',A(PCT1),X'22222222',X'00000000'
         DC    X'FFFF0000',A(PCT1+X'01000000'),X'33333333',X'00000000'
         ORG   DAS+X'5A40'
         DC    X'FFFF0008',A(PCT3),X'44444444',X'00000000'
         DC    X'FFFF0000',A(PCT4+1),X'55555555',X'00000000'
         ORG   DAS+X'6000'
SCRATCH  DS    XL512
         ORG   DAS+X'8000'
RESULTS  DS    0D
         ORG   DAS+X'8500'
SSESLOTS DS    0D
         ORG   DAS+X'8600'
MORE     DS    0D
         ORG   DAS+X'8700'
SLOTS9   DS    0D
         END
