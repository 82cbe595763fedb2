*  OPSWEEP -- which opcodes the machine knows: every one-byte opcode 00-FF
*  and every second byte of the two-byte opcode groups, each executed once.
*
*  This is the proof that cpcms accepts exactly the instructions Hercules
*  3.13 accepts in S/370 mode: an opcode the machine does not know gives an
*  operation exception (code 1); any other outcome means it is there.
*
*  Each instruction runs in the problem state (but see the last two groups),
*  EC mode, PSW key 8, DAT and every interruption mask off, program mask 0,
*  with all general and floating-point registers zero. Its operand fields name address X'800'
*  (base 0): storage of key 0, so a store is a protection exception (4),
*  a fetch works, and any branch lands in STUB, which is all SVC 255. The
*  instruction is built at T and followed by SVC 254, so an instruction
*  that completes and does not branch ends in SVC 254.
*
*  Operand bytes (second byte 00 unless it is part of the opcode):
*    2 bytes   op 00                              (R1 = R2 = 0)
*    4 bytes   op 00 0800                         (D2(X2,B2) = X'800')
*    6 bytes   op 00 0800 0800                    (both operands X'800')
*    RXY/RSY   op 00 0800 00 ext                  (E3, EB, EC, ED groups)
*
*  One word per opcode in RESULTS, X'400' bytes per group:
*    byte 0    X'1n' program interruption, X'2n' SVC interruption; n is the
*              old PSW's instruction address minus T (F: 15 or more, e.g. a
*              branch into STUB)
*    byte 1    condition code (X'30' bits, from the old PSW) | ILC (X'06'
*              bits, from X'8D' or X'89')
*    bytes 2-3 interruption code (X'8E') or SVC number (X'8A'): SVC 254 is
*              "completed", SVC 255 "branched"
*  Groups, in order (GROUPS: opcode, which byte is swept):
*    00 (first byte 00-FF), then second bytes of 01, 9C, 9D, 9E, 9F, A4, A5,
*    A6, A7, B2, B3, B9, C0, C2, C4, C6, C8, CC, E4, E5, E6, the last byte
*    of E3, EB, EC, ED, and the second bytes of E5 and E6 once more in the
*    supervisor state (still key 8): the MVS assists (E502-E50D) and the
*    ECPS:VM assists (E6xx), which are privileged, show there whether they
*    are installed.
*
*  DUMP 2000.2000
*  DUMP 4000.2000
*  DUMP 6000.2000
*  DUMP 8000.1000
OPSWEEP  START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   OPSWEEP+X'60'
         DC    X'00080000',A(SVCH)   SVC new PSW: EC, disabled, key 0
         DC    X'00080000',A(PGMH)   program new PSW: EC, disabled, key 0
         ORG   OPSWEEP+X'200'
         USING OPSWEEP,0             everything below 4K by its address
BEGIN    LCTL  0,15,CRS
         LPSW  ECPSW                 EC mode at GO
GO       LA    4,GROUPS              R4: the group
         L     5,=A(RESULTS)         R5: the result word
GLOOP    CLI   1(4),X'FF'
         BE    FINISH
         SR    6,6                   R6: the byte swept, 0-255
ILOOP    XC    T(16),T
         MVC   T+2(4),=X'08000800'
         MVC   MODE,1(4)
         NI    MODE,X'7F'            X'80': in the supervisor state
         CLI   MODE,0
         BNE   G1
         STC   6,T                   first byte
         B     BUILT
G1       MVC   T(1),0(4)
         CLI   MODE,1
         BNE   G5
         STC   6,T+1                 second byte
         B     BUILT
G5       MVI   T+4,0                 RXY/RSY: DH 0, the last byte swept
         STC   6,T+5
BUILT    SR    7,7                   length 2 + ((op>>6)+1 & 6)
         IC    7,T
         SRL   7,6
         LA    7,1(,7)
         N     7,=F'6'
         LA    7,T+2(7)
         MVC   0(2,7),=X'0AFE'       SVC 254 right after the instruction
         STM   0,15,SAVE
         LD    0,ZEROD
         LD    2,ZEROD
         LD    4,ZEROD
         LD    6,ZEROD
         TM    1(4),X'80'
         LM    0,15,ZEROS
         BO    RUNSUP
         LPSW  PROB                  run T in the problem state, key 8
RUNSUP   LPSW  SUPV                  or in the supervisor state, key 8
*
*  The handlers restore the loop's registers and record the outcome.
PGMH     LM    0,15,SAVE
         MVC   2(2,5),X'8E'          interruption code
         SR    1,1
         IC    1,X'2A'               old PSW byte 2: cc
         SR    2,2
         IC    2,X'8D'               ILC
         L     3,X'2C'               old PSW instruction address
         LA    8,X'10'
         B     REC
SVCH     LM    0,15,SAVE
         MVC   2(2,5),X'8A'          SVC number
         SR    1,1
         IC    1,X'22'
         SR    2,2
         IC    2,X'89'
         L     3,X'24'
         LA    8,X'20'
REC      N     1,=F'48'              X'30': the cc
         N     2,=F'6'
         OR    1,2
         STC   1,1(,5)
         S     3,=A(T)
         CL    3,=F'15'
         BNH   REC1
         LA    3,15
REC1     OR    3,8
         STC   3,0(,5)
         LA    5,4(,5)
         LA    6,1(,6)
         CH    6,=H'256'
         BL    ILOOP
         LA    4,2(,4)
         B     GLOOP
FINISH   LPSW  DONE
*
         DS    0D
DONE     DC    X'000A00000000C0DE'   EC disabled wait
ECPSW    DC    X'00080000',A(GO)     EC, key 0, supervisor, disabled
PROB     DC    X'00890000',A(T)      EC, key 8, problem state, at T
SUPV     DC    X'00880000',A(T)      EC, key 8, supervisor state, at T
ZEROD    DC    D'0'
CRS      DC    F'0',F'0',X'FFFFFFFF',13F'0'
         ORG   CRS+14*4
         DC    X'C2000000',X'00000200'
GROUPS   DC    X'0000'
         DC    X'0101',X'9C01',X'9D01',X'9E01',X'9F01'
         DC    X'A401',X'A501',X'A601',X'A701'
         DC    X'B201',X'B301',X'B901'
         DC    X'C001',X'C201',X'C401',X'C601',X'C801',X'CC01'
         DC    X'E401',X'E501',X'E601'
         DC    X'E305',X'EB05',X'EC05',X'ED05'
         DC    X'E581',X'E681'       E5, E6 in the supervisor state
         DC    X'00FF'
         LTORG
         ORG   OPSWEEP+X'800'
STUB     DC    64X'0AFF'             any branch: SVC 255
         ORG   OPSWEEP+X'900'
T        DS    2D                    the instruction under test
         ORG   OPSWEEP+X'A00'
SAVE     DS    16F
ZEROS    DC    16F'0'
MODE     DS    X
         ORG   OPSWEEP+X'2000'
RESULTS  DS    7168F
         END
