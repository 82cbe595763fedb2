*  DASFUZZ (tests/vdat) -- a random stream of dual-address-space
*  instructions, run on the bare CPU and in a virtual machine (DMKDAS,
*  vdas.asm): both must end alike.
*
*  1500 rounds.  Each round makes, from a xorshift32 generator with a
*  fixed seed: the ASN, authority, linkage and entry tables afresh from
*  their templates, with up to three random bits flipped in them; the
*  control registers (CR0's extraction and secondary-space controls,
*  CR1 and CR7 from a menu of segment-table designations - three
*  spaces, one with the space-switch-event bit, one with a short
*  table, a random one - CR3's PKM and SASN, CR4's AX and PASN, CR5
*  with or without the linkage control, CR14 with or without ASN
*  translation and with its AFT here, beyond storage or far beyond
*  it); the registers from a menu of values (ASNs, PC numbers, the
*  landing address with and without the problem bit, scratch
*  addresses in each segment, beyond storage, random); the PSW (DAT
*  on, a random key now and then, the problem state, the secondary-
*  space mode); and one of PC, PT, SSAR, LASP, MVCP, MVCS, MVCK, SAC,
*  IAC, IVSK, EPAR, ESAR with random fields (one time in four as the
*  target of EXECUTE).  It runs, then an MVC in
*  the current space, then SVC 255;
*  PC's and PT's entries land on SVC 254.  The SVC or program
*  interruption (new PSWs with DAT off) records the registers, the
*  control registers, the old PSW, the interruption code and X'90'
*  (its rightmost 12 bits cleared for a segment or page translation,
*  where CP stores the page) into a checksum, and a log entry.
*  Stores only go to scratch (MVCP, MVCS, MVCK have their bases fixed
*  to R6, R7, whose values are scratch or beyond storage); PT's target
*  register is R9, always the landing address; the entry tables'
*  addresses are put back after the bit flips.  Everything is
*  addressed from base 0 (the code is in the first 4K).
*
*  DUMP FF0.10
*  DUMP 9000.1000
DASFUZZ  START 0
         USING DASFUZZ,0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   DASFUZZ+X'60'
         DC    X'00080000',A(SVCH)   SVC new PSW: EC, DAT off
         DC    X'00080000',A(PGMH)   program new PSW: EC, DAT off
         ORG   DASFUZZ+X'200'
BEGIN    LPSW  ECPSW                 EC mode, DAT off
ECGO     XC    ITER,ITER
         XC    CHECK,CHECK
         MVC   SEED,=X'2545F491'
*
*  NEXT: a round.
NEXT     L     2,ITER
         LA    2,1(2)
         ST    2,ITER
         C     2,=F'1500'
         BH    FINISH
*  The tables afresh, then up to three bits flipped.
         L     2,=A(X'3000')
         L     4,=A(TPL)
         L     3,=A(X'600')
         LR    5,3
         MVCL  2,4
         L     2,=A(X'6000')         LASP's doublewords in the scratch
         MVC   0(64,2),LASPD
         BAL   14,RAND
         N     1,=F'3'
         LTR   8,1
         BZ    NOFLIP
FLIP     BAL   14,RAND
         LR    3,1
         N     3,=X'000005FC'        a word of the tables
         BAL   14,RAND
         N     1,=F'31'
         LA    4,1
         SLL   4,0(1)
         L     2,=A(X'3000')
         X     4,0(3,2)
         ST    4,0(3,2)
         BCT   8,FLIP
*  What must not move, back: the entry tables' instruction addresses
*  (their P bit and bits 0-7 may stay flipped), the linkage-table
*  entries' origins and lengths (their invalid bit and bits 1-7 may
*  stay), the second-table entries' STDs - so that PC and PT land on
*  LAND only, and the spaces they reach map segment 0 one to one.
NOFLIP   L     2,=A(X'3404')
         LA    3,8
         BAL   14,FIXE
         L     2,=A(X'3504')
         LA    3,4
         BAL   14,FIXE
         L     2,=A(X'3300')
         LA    3,32
FIXL     L     0,0(2)
         N     0,=X'FF000000'
         O     0,=X'00003500'
         ST    0,0(2)
         LA    2,4(2)
         BCT   3,FIXL
         L     2,=A(X'3300')         LX 0: X'3400', 8 entries
         L     0,0(2)
         N     0,=X'FF000000'
         O     0,=X'00003401'
         ST    0,0(2)
         L     2,=A(X'3108')
         L     4,=A(TPL+X'108')
         LA    3,8
FIXS     MVC   0(4,2),0(4)
         LA    2,16(2)
         LA    4,16(4)
         BCT   3,FIXS
         B     CRS
*  FIXE: R3 entry-table entries' word 1 from R2 on: LAND.
FIXE     L     0,0(2)
         N     0,=X'FF000001'
         O     0,=A(LAND)
         ST    0,0(2)
         LA    2,16(2)
         BCT   3,FIXE
         BR    14
*  The control registers.  CR0: both DAS controls, or (one time in
*  four) either or none.
CRS      BAL   14,RAND
         MVC   CRW(4),=X'0C800000'
         TM    SEED+3,X'30'
         BNZ   CR0DONE
         N     1,=X'0C000000'
         O     1,=X'00800000'
         ST    1,CRW
CR0DONE  BAL   14,RAND               CR1, CR7: from the menu
         N     1,=F'7'
         SLL   1,2
         L     0,STDS(1)
         ST    0,CRW+4
         BAL   14,RAND
         N     1,=F'7'
         SLL   1,2
         L     0,STDS(1)
         ST    0,CRW+28
         BAL   14,RAND               CR3: PKM, SASN 0-7
         N     1,=X'FFFF0007'
         ST    1,CRW+12
         BAL   14,RAND               CR4: AX 0-3, PASN 0-7
         N     1,=X'00030007'
         ST    1,CRW+16
         BAL   14,RAND               CR5, CR14: from their menus
         N     1,=F'3'
         SLL   1,2
         L     0,CR5S(1)
         ST    0,CRW+20
         BAL   14,RAND
         N     1,=F'7'
         SLL   1,2
         L     0,CR14S(1)
         ST    0,CRW+56
*  The registers: R0-R15 from the menu, R6 and R7 scratch, R9 PT's
*  target.
         LA    2,RUNREGS
         LA    3,16
REGS     BAL   14,RAND
         LR    4,1
         N     4,=F'15'
         SLL   4,2
         L     0,VALS(4)
         CH    4,=H'60'              the last: random
         BNE   REGS10
         BAL   14,RAND
         LR    0,1
REGS10   ST    0,0(2)
         LA    2,4(2)
         BCT   3,REGS
         BAL   14,RAND
         N     1,=F'7'
         SLL   1,2
         L     0,SAFE(1)
         ST    0,RUNREGS+24
         BAL   14,RAND
         N     1,=F'7'
         SLL   1,2
         L     0,SAFE(1)
         ST    0,RUNREGS+28
         BAL   14,RAND
         N     1,=F'3'
         SLL   1,2
         L     0,PTTS(1)
         ST    0,RUNREGS+36
*  The instruction: a template and its random fields.
         BAL   14,RAND
         N     1,=F'15'
         LR    2,1
         SLL   2,3                   (8 bytes each)
         LA    2,INSTAB(2)
         MVC   RUNSLOT(6),0(2)
         BAL   14,RAND
         ST    1,RANDW
         BAL   14,RAND
         STH   1,RANDW+4
         NC    RANDW(6),MASKS-INSTAB(2)
         OC    RUNSLOT(6),RANDW
         BAL   14,RAND               one time in four through EXECUTE
         TM    SEED+3,X'0C'
         BNZ   NOEX
         MVC   EXSLOT(6),RUNSLOT
         MVC   RUNSLOT(6),EXINST
NOEX     DS    0H
*  The PSW: DAT on; now and then a key, the problem state, the
*  secondary-space mode.
         MVC   RUNPSW,=X'0408000000000000'
         LA    0,RUNSLOT
         ST    0,RUNPSW+4
         BAL   14,RAND
         TM    SEED+3,X'03'
         BNZ   PSW10
         N     1,=X'000000F0'
         STC   1,RANDW
         OC    RUNPSW+1(1),RANDW     a key
PSW10    BAL   14,RAND
         TM    SEED+3,X'03'
         BNZ   PSW20
         OI    RUNPSW+1,X'01'        the problem state
PSW20    BAL   14,RAND
         TM    SEED+3,X'03'
         BNZ   PSW30
         OI    RUNPSW+2,X'80'        the secondary-space mode
PSW30    LCTL  0,15,CRW
         LM    0,15,RUNREGS
         LPSW  RUNPSW
*
*  The instruction, an MVC in the space the PSW then says (scratch to
*  scratch: the secondary space's shadow, its translation exceptions
*  with X'90' bit 0), then SVC 255; PC and PT land on SVC 254.
RUNSLOT  DC    XL6'00'
         MVC   0(8,6),0(7)
         SVC   255
LAND     SVC   254
EXSLOT   DC    XL6'00'               (EXECUTE's target)
EXINST   EX    0,EXSLOT
         BCR   0,0
*
*  SVCH, PGMH (EC mode, DAT off, key 0): record what happened.
SVCH     STM   0,15,SAVER
         MVC   OLDPSW,X'20'
         MVC   CODE,X'88'
         XC    TEA,TEA
         B     RECORD
PGMH     STM   0,15,SAVER
         MVC   OLDPSW,X'28'
         MVC   CODE,X'8C'
         MVC   TEA,X'90'
         XC    X'90'(4),X'90'
         CLI   CODE+3,X'10'          translation: the page alone
         BE    PGMH10
         CLI   CODE+3,X'11'
         BNE   RECORD
PGMH10   NC    TEA,=X'FFFFF000'
RECORD   STCTL 0,15,CRSAVE
         L     3,CHECK               the checksum: rotate 5, XOR,
         LA    4,SAVER                 over SAVER ... TEA
         LA    5,36
CK10     LR    0,3
         SRL   0,27
         SLL   3,5
         OR    3,0
         X     3,0(4)
         LA    4,4(4)
         BCT   5,CK10
         ST    3,CHECK
         L     2,ITER                the log: round, code, address,
         N     2,=F'255'               checksum
         SLL   2,4
         A     2,=A(X'9000')
         MVC   0(4,2),ITER
         MVC   4(4,2),CODE
         MVC   8(4,2),OLDPSW+4
         MVC   12(4,2),CHECK
         B     NEXT
*
FINISH   LM    0,15,=16F'0'
         L     1,ITER
         L     2,CHECK
         LPSW  DONE
*
*  RAND: xorshift32 of SEED into R1 (and SEED).  Uses R0.
RAND     L     1,SEED
         LR    0,1
         SLL   0,13
         XR    1,0
         LR    0,1
         SRL   0,17
         XR    1,0
         LR    0,1
         SLL   0,5
         XR    1,0
         ST    1,SEED
         BR    14
*
         DS    0D
ECPSW    DC    X'00080000',A(ECGO)
DONE     DC    X'000A00000000C0DE'
RUNPSW   DS    D
SAVER    DS    16F                   (SAVER, CRSAVE, OLDPSW, CODE, TEA
CRSAVE   DS    16F                     follow each other: the checksum)
OLDPSW   DS    D
CODE     DS    F
TEA      DS    F
RANDW    DS    2F
CRW      DS    16F
RUNREGS  DS    16F
*  The menus.
STDS     DC    X'00002000',X'00002040',X'00002080',X'00002001'
         DC    X'00002040',X'00002000',X'00002000',X'00FFFFC0'
CR5S     DC    X'80003300',X'00003300',X'80003300',X'8FFFF003'
CR14S    DC    X'00080003',X'00080003',X'00080003',X'00000003'
         DC    X'00080003',X'00080005',X'0008FFFF',X'00080003'
VALS     DC    F'0',F'1',F'2',X'0000000C',X'00000101',X'00000300'
         DC    X'FFFF0001',X'FFFF0002',X'00010003',A(LAND),A(LAND+1)
         DC    A(X'01000000'+LAND),X'00006000',X'00026000',X'001FFFF8'
         DC    F'0'                  (random)
SAFE     DC    X'00006000',X'00006100',X'0001FF00',X'00026000'
         DC    X'000167F8',X'001FFF80',X'00FFF000',X'00006040'
PTTS     DC    A(LAND),A(LAND+1),A(LAND),A(X'01000000'+LAND)
*  The instructions (6 bytes: a 4-byte one and BCR 0,0; 2 spare) and
*  their random fields.
INSTAB   DC    X'B2180000',X'0700',H'0'    PC    D2(B2): B2, D2 0-3
         DC    X'B2190000',X'0700',H'0'    SAC
         DC    X'B2230000',X'0700',H'0'    IVSK  R1,R2
         DC    X'B2240000',X'0700',H'0'    IAC   R1
         DC    X'B2250000',X'0700',H'0'    SSAR  R1
         DC    X'B2260000',X'0700',H'0'    EPAR  R1
         DC    X'B2270000',X'0700',H'0'    ESAR  R1
         DC    X'B2280009',X'0700',H'0'    PT    R1,R9
         DC    X'DA006000',X'7000',H'0' MVCP  D1(R1,R6),D2(R7),R3
         DC    X'DB006000',X'7000',H'0' MVCS
         DC    X'D9006000',X'7000',H'0' MVCK
         DC    X'E5000000',X'0000',H'0' LASP  D1(B1),D2 0-7
         DC    X'B2180000',X'0700',H'0'    PC    D2 0-7
         DC    X'B2280009',X'0700',H'0'    PT
         DC    X'B2250000',X'0700',H'0'    SSAR
         DC    X'DA006000',X'7000',H'0' MVCP
MASKS    EQU   INSTAB+8*16
         DC    X'0000F003',X'0000',H'0'
         DC    X'0000F7FF',X'0000',H'0'
         DC    X'000000FF',X'0000',H'0'
         DC    X'000000F0',X'0000',H'0'
         DC    X'000000F0',X'0000',H'0'
         DC    X'000000F0',X'0000',H'0'
         DC    X'000000F0',X'0000',H'0'
         DC    X'000000F0',X'0000',H'0'
         DC    X'00FF00FF',X'00FF',H'0'
         DC    X'00FF00FF',X'00FF',H'0'
         DC    X'00FF00FF',X'00FF',H'0'
         DC    X'0000F0F8',X'0007',H'0'
         DC    X'00000007',X'0000',H'0'
         DC    X'000000F0',X'0000',H'0'
         DC    X'000000F0',X'0000',H'0'
         DC    X'00FF00FF',X'00FF',H'0'
*  LASP's doublewords (copied to X'6000'): PKM, SASN, AX, PASN.
LASPD    DC    X'FFFF000200010001',X'C000000300000003'
         DC    X'8000000100020002',X'FFFF000400000001'
         DC    X'0000000500030006',X'FFFF000100000008'
         DC    X'1234000700010002',X'FFFF000200020001'
         LTORG
*  The round's state (dumped).
         ORG   DASFUZZ+X'FF0'
ITER     DS    F
CHECK    DS    F
SEED     DS    F
         DS    F
*  Segment tables (64K segments): ST1 X'2000', ST2 X'2040', ST3 X'2080';
*  segment 0 one to one in each, segment 1 of each elsewhere.
         ORG   DASFUZZ+X'2000'
         DC    X'F0002100',X'F0002140',X'00000001',X'00000001'
         ORG   DASFUZZ+X'2040'
         DC    X'F0002100',X'F0002180',X'F00021C0',X'00000001'
         ORG   DASFUZZ+X'2080'
         DC    X'F0002100',X'F00021C0',X'00000001',X'00000001'
         ORG   DASFUZZ+X'2100'       0-64K: one to one
         DC    X'0000001000200030004000500060007000800090'
         DC    X'00A000B000C000D000E000F0'
         ORG   DASFUZZ+X'2140'       -> X'20000'
         DC    X'0200021002200230024002500260027002800290'
         DC    X'02A002B002C002D002E002F0'
         ORG   DASFUZZ+X'2180'       -> X'30000', page 15 invalid
         DC    X'0300031003200330034003500360037003800390'
         DC    X'03A003B003C003D003E00008'
         ORG   DASFUZZ+X'21C0'       -> X'40000'
         DC    X'0400041004200430044004500460047004800490'
         DC    X'04A004B004C004D004E004F0'
*  The table templates (copied to X'3000'-X'35FF' each round):
*   +000 AFT: AFX 0 -> AST +100; AFX 1 invalid
*   +100 AST: ASN 0 invalid; 1, 2, 3 the three spaces; 4 with the
*        space-switch bit; 5 invalid; 6 authority table beyond storage;
*        7 a short authority table
*   +200 authority tables (one word each)
*   +300 linkage table: LX 0 -> ET +400 (8 entries), LX 1 invalid,
*        LX 2 -> ET +500 (4 entries)
*   +400 ET 0: PC-cp, PC-ss to ASN 2, to ASN 4, into the problem state,
*        AKM key 15 only, PC-ss to ASN 5 (invalid), to ASN 1, to ASN 3
*   +500 ET 2: PC-ss to ASN 6, 7, 3, 0
         ORG   DASFUZZ+X'4000'
TPL      DC    A(X'3100'),X'80000000'
         ORG   TPL+X'100'
         DC    X'80000000',3F'0'
         DC    A(X'3200'),X'00010010',X'00002000',X'80003300'
         DC    A(X'3204'),X'00020000',X'00002040',X'80003300'
         DC    A(X'3208'),X'00010000',X'00002080',X'80003300'
         DC    A(X'3208'),X'00030000',X'00002001',X'80003300'
         DC    X'80000000',3F'0'
         DC    X'00FFFFFC',X'00000FF0',X'00002000',X'80003300'
         DC    A(X'320C'),X'00000000',X'00002040',X'00000000'
         ORG   TPL+X'200'
         DC    X'F0000000',X'C0F00000',X'80C00000',X'40000000'
         ORG   TPL+X'300'
         DC    X'00003401',X'80003500',X'00003500',29X'80003500'
         ORG   TPL+X'400'
         DC    X'80000000',A(LAND),X'11111111',X'40000000'
         DC    X'FFFF0002',A(LAND),X'22222222',X'00000000'
         DC    X'FFFF0004',A(LAND),X'33333333',X'00000000'
         DC    X'FFFF0000',A(LAND+1),X'44444444',X'10000000'
         DC    X'00010000',A(LAND),X'55555555',X'00000000'
         DC    X'FFFF0005',A(LAND),X'66666666',X'00000000'
         DC    X'FFFF0001',A(LAND),X'77777777',X'00000000'
         DC    X'FFFF0003',A(LAND+1),X'88888888',X'00000000'
         ORG   TPL+X'500'
         DC    X'FFFF0006',A(LAND),X'99999999',X'00000000'
         DC    X'FFFF0007',A(LAND),X'AAAAAAAA',X'00000000'
         DC    X'FFFF0003',A(LAND),X'BBBBBBBB',X'00000000'
         DC    X'FFFF0000',A(LAND),X'CCCCCCCC',X'00000000'
*  The ASN first table of CR14 X'00080005': AFX 0 -> X'5100' (zeros).
         ORG   DASFUZZ+X'5000'
         DC    A(X'5100')
         ORG   DASFUZZ+X'9000'
LOG      DS    XL4096
         END
