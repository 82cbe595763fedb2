***********************************************************************
*  FUZZ191: thousands of random channel programs on the 191.          *
*                                                                     *
*  The property test.  A small pseudo-random generator (xorshift32,   *
*  seeded from SEED, which the test sets) builds a channel program of *
*  1 to 12 CCWs at CCWAREA, starts it with SIO, polls TIO until its   *
*  status comes (cutting it off with HIO after 20000 polls), and does *
*  it again, ROUNDS times (set by the test).  Each CCW is drawn from: *
*    command  the 3350's commands (seeks, searches, reads, writes,    *
*             sense, set file mask, READ IPL, READ HA, WRITE R0, ...),*
*             TIC (5%), or any byte (5%)                              *
*    flags    CD, CC, SLI at random; SKIP, PCI, IDA one time in       *
*             eight each; the reserved bit X'01' one in 64            *
*    count    0 (1 in 64), 1-8, 5, 6, 8, 0-255, 0-8191, 0-65535 (2 in *
*             64)                                                     *
*    address  its own argument slot (6 in 16: a seek-shaped BB CC HH  *
*             with cylinder 0-2 and head 0-29, a search-shaped CC HH  *
*             R, or random bytes), the scratch area at X'20000' (6 in *
*             16), low storage 0-1FFF (2 in 16: what a CP that        *
*             forgets to translate takes for CP's own pages 0 and 1), *
*             past the end of storage (1 in 16), or any 24-bit        *
*             address; a TIC goes to one of the program's CCWs (4 in  *
*             5) or anywhere                                          *
*  The last CCW chains on one time in four, into whatever follows.    *
*  The CAW key is not 0 one time in four.  Cylinder 2 is just past    *
*  ALICE's two cylinders: the boundary is tried on purpose.           *
*                                                                     *
*  The program cannot tell whether CP did right; the harness checks   *
*  the invariants afterwards (CP's code and directory, BOB's frames,  *
*  every track outside ALICE's cylinders, BOB's record and password   *
*  nowhere in ALICE's storage, BOB still answered).                   *
*                                                                     *
*  Its own storage is guarded: the program lies at X'70000' (ALICE    *
*  has 512K), above everything its data addresses can reach with a    *
*  64K count but for CCWs it fetches from data it has read (rare).    *
*  Counts of outcomes are kept at STATS for the test to report:       *
*  rounds done, SIO CC 1, program checks, unit checks, other ends,    *
*  programs cut off by HIO.                                           *
*                                                                     *
*  X'600D' after ROUNDS rounds.  X'0E03': no 191.  X'0E0F': a program *
*  check in the fuzzer itself (its code was overwritten by one of its *
*  own channel programs, or a bug).                                   *
***********************************************************************
         COPY  GUEST
         MACRO
&L       INCR  &FIELD
&L       L     R1,&FIELD
         LA    R1,1(R1)
         ST    R1,&FIELD
         MEND
CCWAREA  EQU   X'78000'            the channel program
ARGAREA  EQU   X'78100'            16 bytes of argument per CCW
SCRATCH  EQU   X'20000'            64K+ of scratch data
FUZZ     START X'70000'
         BALR  R12,0
         USING *,R12
         DIAG  R11,0,X'60'         R11 = the size of storage
         L     R0,SEED             xorshift32 must not start at 0
         LTR   R0,R0
         BNZ   START10
         LA    R0,1
         ST    R0,SEED
START10  L     R13,ROUNDS
         LTR   R13,R13
         BNP   FINISH
ROUND    MVC   X'68'(8),PCNEW      (a channel program may have hit it)
         BAL   R14,GEN
         BAL   R14,RUN
         INCR  NROUNDS
         BCT   R13,ROUND
FINISH   LPSW  GOOD
PCDIE    LPSW  DIEPSW              a program check in the fuzzer
*
***********************************************************************
*  RUN: start the channel program at CCWAREA, wait for its status,    *
*  count the outcome.  Uses R0, R1, R9, R15.                          *
***********************************************************************
RUN      ST    R14,RUNR
         BAL   R14,RAND            the CAW key: 0 three times in four
         LR    R1,R0
         N     R1,=F'3'
         BZ    RUN05
         SR    R0,R0
RUN05    N     R0,=X'F0000000'
         O     R0,=A(CCWAREA)
         ST    R0,X'48'
         SIO   X'191'
         BC    8,POLL              CC 0: started
         BC    4,RUNCC1            CC 1: the CSW is stored
         BC    2,POLL              CC 2: busy: wait until it is not
         LPSW  NO191               CC 3: no 191
RUNCC1   INCR  NCC1
         B     RUNCSW
POLL     L     R9,=F'20000'
POLL10   TIO   X'191'
         BC    4,RUNCSW            CC 1: its status
         BC    2,POLL20            CC 2: still working
         B     RUNEND              CC 0: nothing pending
POLL20   BCT   R9,POLL10
         HIO   X'191'              too long: cut it off
         INCR  NHALT
         TIO   X'191'              and take its status
         B     RUNEND
RUNCSW   TM    X'45',X'20'         program check?
         BZ    RUN10
         INCR  NPCHK
         B     RUNEND
RUN10    TM    X'44',X'02'         unit check?
         BZ    RUN20
         INCR  NUCHK
         B     RUNEND
RUN20    INCR  NOTHER
RUNEND   L     R14,RUNR
         BR    R14
*
***********************************************************************
*  GEN: a random channel program of 1 to 12 CCWs at CCWAREA.          *
*  Uses R0-R10, R15.                                                  *
***********************************************************************
GEN      ST    R14,GENR
         LA    R1,12
         BAL   R14,RANDN
         LR    R5,R0
         LA    R5,1(R5)            N: 1 to 12
         SR    R4,R4               i
         L     R6,=A(CCWAREA)
GEN10    LR    R7,R4               R7 -> argument slot i
         SLL   R7,4
         A     R7,=A(ARGAREA)
         BAL   R14,GENARG
         BAL   R14,GENCMD          GCMD
         BAL   R14,GENFLAG         GFLAGS
         BAL   R14,GENCOUNT        GCOUNT
         CLI   GCMD,X'08'          TIC?
         BE    GEN20
         BAL   R14,GENADDR         GADDR
         B     GEN30
GEN20    BAL   R14,GENTIC          GADDR
GEN30    MVC   0(1,R6),GCMD
         MVC   1(3,R6),GADDR+1
         MVC   4(1,R6),GFLAGS
         MVI   5(R6),0
         MVC   6(2,R6),GCOUNT
         LA    R6,8(R6)
         LA    R4,1(R4)
         CR    R4,R5
         BL    GEN10
         LA    R1,4                the last CCW: no chaining, mostly
         BAL   R14,RANDN
         LTR   R0,R0
         BZ    GEN90
         SH    R6,=H'8'
         NI    4(R6),X'3F'
GEN90    L     R14,GENR
         BR    R14
*
*  GENARG: fill argument slot R7 with random bytes, shaped like a
*  SEEK argument (half the time) or a SEARCH ID argument (a quarter).
GENARG   ST    R14,GENARGR
         BAL   R14,RAND
         ST    R0,0(R7)
         BAL   R14,RAND
         ST    R0,4(R7)
         BAL   R14,RAND
         ST    R0,8(R7)
         BAL   R14,RAND
         ST    R0,12(R7)
         LA    R1,4
         BAL   R14,RANDN
         LTR   R0,R0
         BZ    GENARG9             random bytes
         CH    R0,=H'1'
         BE    GENARG5
         XC    0(6,R7),0(R7)       BB CC HH: cylinder 0-2, head 0-29
         LA    R1,3
         BAL   R14,RANDN
         STC   R0,3(R7)
         LA    R1,30
         BAL   R14,RANDN
         STC   R0,5(R7)
         B     GENARG9
GENARG5  XC    0(5,R7),0(R7)       CC HH R: cylinder 0-2, head 0-29,
         LA    R1,3                  record 0-4
         BAL   R14,RANDN
         STC   R0,1(R7)
         LA    R1,30
         BAL   R14,RANDN
         STC   R0,3(R7)
         LA    R1,5
         BAL   R14,RANDN
         STC   R0,4(R7)
GENARG9  L     R14,GENARGR
         BR    R14
*
*  GENCMD: the command byte.
GENCMD   ST    R14,GENCMDR
         LA    R1,100
         BAL   R14,RANDN
         CH    R0,=H'5'
         BL    GENC10              5%: TIC
         CH    R0,=H'10'
         BL    GENC20              5%: any byte
         LA    R1,CMDSN
         BAL   R14,RANDN
         LA    R1,CMDS
         AR    R1,R0
         MVC   GCMD,0(R1)
         B     GENC90
GENC10   MVI   GCMD,X'08'
         B     GENC90
GENC20   BAL   R14,RAND
         STC   R0,GCMD
GENC90   L     R14,GENCMDR
         BR    R14
*
*  GENFLAG: the flag byte.
GENFLAG  ST    R14,GENFLAGR
         BAL   R14,RAND
         N     R0,=F'224'          CD, CC, SLI: each half the time
         STC   R0,GFLAGS
         LA    R1,8
         BAL   R14,RANDN
         LTR   R0,R0
         BNZ   GENF10
         OI    GFLAGS,X'10'        SKIP
GENF10   LA    R1,8
         BAL   R14,RANDN
         LTR   R0,R0
         BNZ   GENF20
         OI    GFLAGS,X'08'        PCI
GENF20   LA    R1,8
         BAL   R14,RANDN
         LTR   R0,R0
         BNZ   GENF30
         OI    GFLAGS,X'04'        IDA
GENF30   LA    R1,64
         BAL   R14,RANDN
         LTR   R0,R0
         BNZ   GENF90
         OI    GFLAGS,X'01'        reserved: a program check
GENF90   L     R14,GENFLAGR
         BR    R14
*
*  GENCOUNT: the count.
GENCOUNT ST    R14,GENCNTR
         LA    R1,64
         BAL   R14,RANDN
         LR    R8,R0
         BAL   R14,RAND            R0: a random number to cut down
         LTR   R8,R8
         BZ    GENN00              1 in 64: zero
         CH    R8,=H'16'
         BL    GENN08              15 in 64: 1-8
         CH    R8,=H'24'
         BL    GENN05              8 in 64: 5
         CH    R8,=H'32'
         BL    GENN06              8 in 64: 6
         CH    R8,=H'40'
         BL    GENN8               8 in 64: 8
         CH    R8,=H'50'
         BL    GENN255             10 in 64: 0-255
         CH    R8,=H'62'
         BL    GENN8K              12 in 64: 0-8191
         N     R0,=X'0000FFFF'     2 in 64: 0-65535
         B     GENN90
GENN00   SR    R0,R0
         B     GENN90
GENN08   N     R0,=F'7'
         AH    R0,=H'1'
         B     GENN90
GENN05   LA    R0,5
         B     GENN90
GENN06   LA    R0,6
         B     GENN90
GENN8    LA    R0,8
         B     GENN90
GENN255  N     R0,=F'255'
         B     GENN90
GENN8K   N     R0,=X'00001FFF'
GENN90   STH   R0,GCOUNT
         L     R14,GENCNTR
         BR    R14
*
*  GENADDR: a data address (R7 = this CCW's argument slot).
GENADDR  ST    R14,GENADDRR
         LA    R1,16
         BAL   R14,RANDN
         LR    R8,R0
         BAL   R14,RAND            R0: a random number to cut down
         CH    R8,=H'6'
         BL    GENA10              6 in 16: the argument slot
         CH    R8,=H'12'
         BL    GENA20              6 in 16: scratch
         CH    R8,=H'14'
         BL    GENA30              2 in 16: low storage
         CH    R8,=H'15'
         BL    GENA40              1 in 16: past the end
         N     R0,=X'00FFFFFF'     1 in 16: anywhere but the program
         BAL   R14,AWAY
         B     GENA90
GENA10   LR    R0,R7
         B     GENA90
GENA20   N     R0,=X'0000FFFF'
         A     R0,=A(SCRATCH)
         B     GENA90
GENA30   N     R0,=X'00001FFF'
         B     GENA90
GENA40   N     R0,=X'0000FFFF'
         AR    R0,R11
GENA90   ST    R0,GADDR
         L     R14,GENADDRR
         BR    R14
*
*  GENTIC: a TIC's target: one of the program's CCWs (4 in 5), or a
*  random address like GENADDR's.
GENTIC   ST    R14,GENTICR
         LA    R1,5
         BAL   R14,RANDN
         LTR   R0,R0
         BZ    GENT20
         LR    R1,R5
         BAL   R14,RANDN
         SLL   R0,3
         A     R0,=A(CCWAREA)
         ST    R0,GADDR
         B     GENT90
GENT20   BAL   R14,GENADDR
GENT90   L     R14,GENTICR
         BR    R14
*
*  AWAY: keep the address in R0 off the program (X'50000' up, where a
*  64K count could reach it): move it down by X'30000'.
AWAY     C     R0,=A(X'50000')
         BLR   R14
         C     R0,=A(X'80000')
         BNLR  R14
         S     R0,=A(X'30000')
         BR    R14
*
         COPY  RAND                RAND, RANDN: xorshift32 (rand.asm)
*
*  The 3350's commands, the common ones more than once.
CMDS     DC    X'0707070707',X'0B1B1317'       seeks, recalibrate
         DC    X'0303',X'1F',X'2223'           no-op, mask, sector
         DC    X'0606',X'86',X'0E8E',X'1292'   reads
         DC    X'1E1E9E',X'1696',X'1A9A',X'02'
         DC    X'313131B151D171F1'             search ID
         DC    X'29A949C969E939B9'             search key, HA
         DC    X'0505',X'0D',X'1D1D',X'15',X'11'   writes, erase
         DC    X'04'                           sense
CMDSN    EQU   *-CMDS
*
         LTORG
         DS    0D
PCNEW    DC    X'00000000',A(PCDIE)
DIEPSW   DC    X'00020000',X'00000E0F'
NO191    DC    X'00020000',X'00000E03'
GOOD     DC    X'000200000000600D'
SEED     DC    F'1'                set by the test
ROUNDS   DC    F'100'              set by the test
STATS    DS    0F                  what happened, for the test
NROUNDS  DC    F'0'                rounds done
NCC1     DC    F'0'                SIO CC 1 (ended at once)
NPCHK    DC    F'0'                program checks
NUCHK    DC    F'0'                unit checks
NOTHER   DC    F'0'                other endings
NHALT    DC    F'0'                cut off by HIO
RUNR     DS    F
GENR     DS    F
GENARGR  DS    F
GENCMDR  DS    F
GENFLAGR DS    F
GENCNTR  DS    F
GENADDRR DS    F
GENTICR  DS    F
GADDR    DS    F
GCOUNT   DS    H
GCMD     DS    X
GFLAGS   DS    X
         END
