***********************************************************************
*  PRIVGEN: an endless stream of random privileged instructions.      *
*                                                                     *
*  The property test of CP's trap-and-emulate code (PRIVOP, DIAGNOSE, *
*  VCONSOLE, VDASD, REFLECT and the commands DIAGNOSE X'08' runs).  A *
*  small pseudo-random generator (xorshift32, seeded from SEED, which *
*  the test sets) builds one instruction at a time and runs it, for   *
*  ever:                                                              *
*    LPSW (random PSWs: EC mode, problem state, any key, wait PSWs,   *
*         disabled ones among them, odd addresses), SSM, STNSM, STOSM,*
*    LCTL, STCTL, SPT, STPT, SCKC, STCKC, SCK, SSK, ISK, ISKE, SSKE,  *
*    RRBE, RRB, IPK, SPKA, PTLB, IPTE, LRA, TB, STIDP, STAP, SPX,     *
*    STPX, SIGP, any B2xx, SVC, DIAGNOSE (codes X'08', X'0C', X'60',  *
*    others of VM/370's and any; X'08' with random command text -     *
*    QUERY, DISPLAY, STORE, BEGIN, MSG, garbage - and random response *
*    buffers), SIO, SIOF, TIO, CLRIO, HIO, HDV, TCH to 009, 191 and   *
*    any device (with random CAWs: key, address, odd, and a random    *
*    channel program of four CCWs), and random bytes behind a         *
*    privileged opcode.  One in sixteen runs through EXECUTE.         *
*  Registers are random (addresses in low storage, in the scratch     *
*  area, in the last bytes of storage, just past it, far past it,     *
*  small numbers, device numbers, any 32 bits), and so are base and   *
*  displacement: operands fall inside, outside and at the edges of    *
*  the machine's storage.  Half the operands that are loaded point    *
*  at DATALOW, which holds 64 random bytes and a random PSW.          *
*                                                                     *
*  How it keeps going.  The instruction is stored into SLOT (or into  *
*  EXLOW, and SLOT holds EX 0,EXLOW) and runs with all sixteen        *
*  registers random; right after SLOT the program finds itself again  *
*  with BALR.  Every new PSW (external, SVC, program, machine check,  *
*  I/O) points at a stub that counts the interruption and goes back   *
*  to LOOP, which rebuilds the new PSWs and the base registers first  *
*  of all: whatever the instruction did - a program check, a PSW in   *
*  problem state or with another key, an I/O interruption - the next  *
*  one comes.  Stores the program asks for (the operand of STNSM,     *
*  STCTL, STPT ..., DIAGNOSE X'0C''s area, X'08''s response buffer,   *
*  STORE's address, CCW data) are kept off the program itself and the *
*  new PSWs (GUARD).  Three things end it, and the harness restarts   *
*  it each time: a disabled wait PSW (CP stops the machine, as it     *
*  must), an enabled wait no interruption will end, and, rarely, its  *
*  own code overwritten (by random code it jumped into, or a random   *
*  channel program).  DIAGNOSE X'08' never runs LOGOFF or IPL CMS     *
*  (SANITIZE): they end the session by design, not by a fault.        *
*                                                                     *
*  CP bugs it can step round (AVOID, one bit each; the test sets     *
*  them, 0 by default): see AVOIDKB.  Each had a test of its own in   *
*  tests/hostile.rs that failed until CP was fixed; with its bit set  *
*  the stream could look for other bugs meanwhile.  All are fixed.    *
*                                                                     *
*  What a correct CP must do: emulate or reflect every one of them as *
*  the architecture says, for this machine alone; never die; never    *
*  change its own code or directory, another user's storage or any    *
*  track outside this user's minidisk; never give this machine any    *
*  byte it should not have; and charge all the time it spends here to *
*  this machine, so that the victim beside it answers within his      *
*  bound.  The harness checks all of that (tests/hostile.rs).         *
*                                                                     *
*  Storage (256K): 0-FFF low storage (PSWs, CAW, CSW; CCWLOW,         *
*  TEXTLOW, DATALOW, EXLOW), 20000-2FFFF scratch, 38000- the program. *
*  Counts at STATS for the harness: iterations, and interruptions     *
*  reflected by class; LASTINS is the instruction of the last one.    *
***********************************************************************
         COPY  GUEST
         MACRO
&L       INCR  &FIELD
&L       L     R1,&FIELD
         LA    R1,1(R1)
         ST    R1,&FIELD
         MEND
PROGLO   EQU   X'38000'            the program: PROGLO to PEND
SCRATCH  EQU   X'20000'            64K of scratch for operands
CCWLOW   EQU   X'B00'              a random channel program, 4 CCWs
TEXTLOW  EQU   X'C00'              DIAGNOSE X'08' command text
DATALOW  EQU   X'E00'              64 random bytes, a PSW first
EXLOW    EQU   X'F00'              the target of EXECUTE
*
PRIVGEN  START X'38000'
         BALR  R12,0               the first entry, and every restart
         USING *,R12,R11
         LA    R11,2048(R12)
         LA    R11,2048(R11)
         DIAG  R10,0,X'60'         R10 = the size of storage
         ST    R10,SIZE
         L     R0,SEED             xorshift32 must not start at 0
         LTR   R0,R0
         BNZ   LOOP
         LA    R0,1
         ST    R0,SEED
         DROP  R11,R12
*
***********************************************************************
*  LOOP: one random instruction.  Every interruption comes back here, *
*  so nothing is assumed: the base registers and the new PSWs are     *
*  made again first.                                                  *
***********************************************************************
LOOP     BALR  R12,0
         USING *,R12,R11
         LA    R11,2048(R12)
         LA    R11,2048(R11)
         MVC   X'58'(8),EXTNEW     the new PSWs, whatever was
         MVC   X'60'(8),SVCNEW       stored over them
         MVC   X'68'(8),PGMNEW
         MVC   X'70'(8),MCKNEW
         MVC   X'78'(8),IONEW
         INCR  NITER
         BAL   R14,GENREGS         REGS: sixteen random values
         BAL   R14,GENDATA         DATALOW: random bytes, a PSW
         BAL   R14,GENINS          INSTR: the instruction
         MVC   LASTINS,INSTR       (for the harness's report)
         MVC   SLOT,NOPS
         LA    R1,16               one in sixteen through EXECUTE
         BAL   R14,RANDN
         LTR   R0,R0
         BNZ   LOOP20
         MVC   EXLOW(6),INSTR
         MVC   SLOT(4),EXINST      EX 0,EXLOW
         INCR  NEX
         B     LOOP30
LOOP20   MVC   SLOT,INSTR
LOOP30   LM    R0,R15,REGS
SLOT     DC    X'070007000700'     the instruction runs here
BACK     BALR  R15,0               (registers are anybody's now)
         DROP  R11,R12
         USING *,R15
         L     R15,ALOOPB
         BR    R15
         DS    0F
ALOOPB   DC    A(LOOP)
         DROP  R15
         USING LOOP+2,R12,R11
*
*  Where a random PSW may send the program: an invalid instruction.
INVALID  DC    X'0000'
*
***********************************************************************
*  GENREGS: REGS = sixteen values from RADDR.  Uses R0-R5, R13, R15.  *
***********************************************************************
GENREGS  ST    R14,GENREGSR
         LA    R13,REGS
         LA    R4,16
GENR10   BAL   R14,RADDR
         ST    R0,0(R13)
         LA    R13,4(R13)
         BCT   R4,GENR10
         L     R14,GENREGSR
         BR    R14
*
***********************************************************************
*  GENDATA: DATALOW = 64 random bytes, the first 8 a PSW from GENPSW. *
*  Uses R0-R5, R13, R15.                                              *
***********************************************************************
GENDATA  ST    R14,GENDATR
         LA    R13,DATALOW
         LA    R4,16
GEND10   BAL   R14,RAND
         ST    R0,0(R13)
         LA    R13,4(R13)
         BCT   R4,GEND10
         BAL   R14,GENPSW
         MVC   DATALOW(8),PSWWORK
         L     R14,GENDATR
         BR    R14
*
***********************************************************************
*  GENPSW: a random BC-mode PSW in PSWWORK: any system mask, key,     *
*  interruption code, ILC, CC and program mask; EC mode one time in   *
*  4 (CP refuses it), problem state one in 4, a wait PSW one in 16    *
*  (half of them disabled: CP must stop the machine); the address     *
*  LOOP (half), INVALID (a quarter), odd, or anywhere but the         *
*  program (past the end of storage with AVOID X'80').                *
*  Uses R0-R3, R5, R15.                                               *
***********************************************************************
GENPSW   ST    R14,GENPSWR
         BAL   R14,RAND
         ST    R0,PSWWORK
         BAL   R14,RAND
         ST    R0,PSWWORK+4
         NI    PSWWORK+1,X'F4'     key and machine-check mask kept
         LA    R1,4
         BAL   R14,RANDN
         LTR   R0,R0
         BNZ   GENP10
         OI    PSWWORK+1,X'08'     EC mode
GENP10   LA    R1,4
         BAL   R14,RANDN
         LTR   R0,R0
         BNZ   GENP20
         OI    PSWWORK+1,X'01'     problem state
GENP20   LA    R1,16
         BAL   R14,RANDN
         LTR   R0,R0
         BNZ   GENP40
         OI    PSWWORK+1,X'02'     a wait PSW ...
         LA    R1,4
         BAL   R14,RANDN
         CH    R0,=H'2'
         BH    GENP40              ... its mask as drawn,
         BE    GENP30
         MVI   PSWWORK,0           ... disabled,
         B     GENP40
GENP30   MVI   PSWWORK,X'FF'       ... or open to everything
GENP40   LA    R1,8
         BAL   R14,RANDN
         CH    R0,=H'4'
         BL    GENP50
         CH    R0,=H'6'
         BL    GENP60
         BE    GENP70
         TM    AVOID,X'80'         (random code may hold SSK: AVOIDKB)
         BO    GENP45
         BAL   R14,RADDR           anywhere ...
         N     R0,=X'00FFFFFF'
         C     R0,=A(PROGLO)       ... but the program
         BL    GENP80
         C     R0,=A(PEND)
         BNL   GENP80
GENP50   L     R0,=A(LOOP)
         B     GENP80
GENP60   L     R0,=A(INVALID)
         B     GENP80
GENP70   L     R0,=A(LOOP+1)       odd: a specification exception
         B     GENP80
GENP45   BAL   R14,RAND            past the end of storage
         N     R0,=X'0000FFFE'
         A     R0,SIZE
GENP80   STCM  R0,7,PSWWORK+5
         L     R14,GENPSWR
         BR    R14
*
***********************************************************************
*  RADDR: R0 = a random register value, mostly an address:            *
*     2/16 PSA (0-1FF)             1/16 last 64 bytes of storage     *
*     2/16 low storage (0-FFF)     1/16 the first 64 bytes past it   *
*     4/16 scratch                 1/16 anywhere from the end on     *
*     1/16 a number 0-15           2/16 any 32 bits                  *
*     1/16 X'009' or X'191' (half each)                               *
*  Uses R0-R3, R5, R15.                                               *
***********************************************************************
RADDR    ST    R14,RADDRR
         LA    R1,16
         BAL   R14,RANDN
         LR    R5,R0
         BAL   R14,RAND            R0: random bits to cut down
         SLL   R5,2
         B     RADDRT(R5)
RADDRT   B     RADPSA
         B     RADPSA
         B     RADLOW
         B     RADLOW
         B     RADSCR
         B     RADSCR
         B     RADSCR
         B     RADSCR
         B     RADLAST
         B     RADPAST
         B     RADFAR
         B     RADSMALL
         B     RADDEV
         B     RADX
         B     RADX
         B     RADX
RADPSA   N     R0,=F'511'
         B     RADX
RADLOW   N     R0,=X'00000FFF'
         B     RADX
RADSCR   N     R0,=X'0000FFFF'
         A     R0,=A(SCRATCH)
         B     RADX
RADLAST  N     R0,=F'63'
         LA    R0,1(R0)
         LCR   R0,R0
         A     R0,SIZE
         B     RADX
RADPAST  N     R0,=F'63'
         A     R0,SIZE
         B     RADX
RADFAR   N     R0,=X'00FFFFFF'
         A     R0,SIZE
         B     RADX
RADSMALL N     R0,=F'15'
         B     RADX
RADDEV   N     R0,=F'1'
         BZ    RADDEV2
         LA    R0,X'191'
         B     RADX
RADDEV2  LA    R0,X'009'
RADX     L     R14,RADDRR
         BR    R14
*
***********************************************************************
*  GENINS: the instruction, from INSTAB, into INSTR (6 bytes, the     *
*  rest NOPR).  May change REGS.  Uses R0-R10, R13, R15.              *
***********************************************************************
GENINS   ST    R14,GENINSR
         MVC   INSTR,NOPS
         LA    R1,INSTN
         BAL   R14,RANDN
         SLL   R0,2
         LA    R13,INSTAB
         AR    R13,R0              R13 -> opcode, opcode, format, len
         MVC   INSTR(2),0(R13)
         SR    R6,R6
         IC    R6,3(R13)           bytes it stores at its operand
         SR    R5,R5
         IC    R5,2(R13)           its format
         SLL   R5,2
         B     FMTTAB(R5)
FMTTAB   B     GENI90              0
         B     FMTS                1  S: op op B D
         B     FMTSI               2  SI: op I B D
         B     FMTSI               3  RS: op R1R3 B D
         B     FMTSI               4  RX: op R1X2 B D
         B     FMTRR               5  RR: op R1R2
         B     FMTRRE              6  RRE: op op 00 R1R2
         B     FMTIO               7  I/O: op op, a device
         B     FMTDIAG             8  DIAGNOSE
         B     FMTRR               9  SVC: op i
         B     FMTRAW              10 random bytes
         B     FMTLPSW             11 LPSW
         B     FMTB2               12 B2 and any second byte
FMTSI    BAL   R14,RAND
         STC   R0,INSTR+1
FMTS     BAL   R14,OPND
         MVC   INSTR+2(2),OPBD
         B     GENI90
FMTRR    BAL   R14,RAND
         STC   R0,INSTR+1
         B     GENI90
FMTRRE   BAL   R14,RAND
         MVI   INSTR+2,0
         STC   R0,INSTR+3
         B     GENI90
FMTIO    BAL   R14,DEVOPND
         MVC   INSTR+2(2),OPBD
         CLI   INSTR,X'9C'         SIO, SIOF: a CAW too
         BNE   GENI90
         BAL   R14,SETCAW
         B     GENI90
FMTDIAG  BAL   R14,GENDIAG
         B     GENI90
FMTLPSW  TM    AVOID,X'80'         (random PSWs lead to random code,
         BO    FMTLPSW2              which may hold SSK: AVOIDKB)
         LA    R1,4                a quarter: any operand
         BAL   R14,RANDN
         LTR   R0,R0
         BZ    FMTS
FMTLPSW2 DS    0H
         MVC   INSTR+2(2),=X'0E00' the rest: DATALOW's PSW
         B     GENI90
FMTB2    BAL   R14,RAND
         STC   R0,INSTR+1
         LA    R6,8                (STCK stores 8)
         B     FMTS
FMTRAW   LA    R1,RAWN             a privileged opcode ...
         BAL   R14,RANDN
         LA    R1,RAWOPS
         AR    R1,R0
         MVC   INSTR(1),0(R1)
         TM    AVOID,X'80'         (LPSW of any 8 bytes leads to
         BZ    FMTRAW1               random code: AVOIDKB)
         CLI   INSTR,X'82'
         BNE   FMTRAW1
         MVI   INSTR,X'80'         SSM instead
FMTRAW1  DS    0H
         BAL   R14,RAND            ... and five random bytes
         STCM  R0,15,INSTR+1
         BAL   R14,RAND
         STC   R0,INSTR+5
         CLI   INSTR,X'40'         its length: NOPR after it
         BNL   FMTRAW2
         MVC   INSTR+2(4),NOPS     (RR: 2 bytes)
         B     GENI90
FMTRAW2  CLI   INSTR,X'C0'
         BNL   FMTRAW4
         MVC   INSTR+4(2),NOPS     (4 bytes)
FMTRAW4  LH    R0,INSTR+2          keep a store off the program
         BAL   R14,EAOF
         LA    R1,64
         BAL   R14,GUARD
         BZ    GENI90
         NI    INSTR+2,X'0F'       (base 0: low storage)
         INCR  NGUARD
GENI90   BAL   R14,AVOIDKB
         L     R14,GENINSR
         BR    R14
*
***********************************************************************
*  AVOIDKB: CP bugs the stream steps round, so that it can look for   *
*  others (AVOID, set by the test; each bit has a test of its own in  *
*  tests/hostile.rs):                                                 *
*    X'80'  SSK, ISK with R2 not a multiple of 16: the real SSK or    *
*           ISK takes CP's specification exception, CPABEND.  (Also   *
*           GENPSW: no PSW into storage, whose random bytes may hold  *
*           an SSK, past its end instead; and LPSW loads GENPSW's     *
*           PSW only, not any eight bytes, nor does RAW make LPSWs.)  *
*    X'40'  DISPLAY of more than 255 bytes (16 lines) in DIAGNOSE     *
*           X'08' (BLDTEXT): CP types what does not fit in the        *
*           terminal's queue synchronously, dispatching nobody, so    *
*           one DIAGNOSE of 4K lines holds every user for 130 ms.     *
*    X'20'  a command after a MSG in the same DIAGNOSE X'08': CMDMSG  *
*           returns with R8 (the terminal's RDEV) 0, never having     *
*           saved it in MSGR8, and the next command's output is       *
*           queued in an "RDEV" at address 0: written over CP's page  *
*           0, the directory, or any frame.  (BLDTEXT ends the text   *
*           after a MSG.)                                             *
*    X'10'  a console channel program that loops (TIC back) through   *
*           writes of a few characters: each line types faster than   *
*           CP handles its interruption (IOHNDL and VCRESUME, charged *
*           to nobody), so CP serves that terminal alone, for ever.   *
*           (GENCCWS: TICs go forward only, to the fifth CCW at most, *
*           a NO-OP that ends the program.)                           *
*  Uses R0, R1.                                                       *
***********************************************************************
AVOIDKB  TM    AVOID,X'80'
         BZR   R14
         CLI   INSTR,X'08'         SSK
         BE    AVOID10
         CLI   INSTR,X'09'         ISK
         BNER  R14
AVOID10  SR    R1,R1               R2 on 16
         IC    R1,INSTR+1
         N     R1,=F'15'
         SLL   R1,2
         L     R0,REGS(R1)
         N     R0,=X'FFFFFFF0'
         ST    R0,REGS(R1)
         BR    R14
*
***********************************************************************
*  OPND: a storage operand B D in OPBD.  Half the time DATALOW (now   *
*  and then misaligned); else a random base register and a random     *
*  displacement (0, 0-15 or 0-FFF).  R6 = bytes the instruction       *
*  stores there: such an operand must pass GUARD, else DATALOW.       *
*  Uses R0-R3, R5, R15.                                               *
***********************************************************************
OPND     ST    R14,OPNDR
         LA    R1,2
         BAL   R14,RANDN
         LTR   R0,R0
         BNZ   OPND20
OPND10   LA    R1,8
         BAL   R14,RANDN
         LTR   R0,R0
         LA    R0,DATALOW
         BNZ   OPND15
         BAL   R14,RAND
         N     R0,=F'7'
         LA    R0,DATALOW(R0)
OPND15   STH   R0,OPBD
         B     OPND90
OPND20   BAL   R14,RANDD           R0 = B D
         STH   R0,OPBD
         LTR   R6,R6               stored into?
         BZ    OPND90
         BAL   R14,EAOF
         LR    R1,R6
         BAL   R14,GUARD
         BZ    OPND90
         INCR  NGUARD
         B     OPND10
OPND90   L     R14,OPNDR
         BR    R14
*
*  RANDD: R0 = a random base register and displacement (B DDD): the
*  displacement 0 (1 in 4), 0-15 (1 in 4) or 0-FFF.  Uses R0-R3, R15.
RANDD    ST    R14,RANDDR
         LA    R1,4
         BAL   R14,RANDN
         LR    R5,R0
         BAL   R14,RAND
         LR    R1,R0
         N     R1,=X'0000F000'     B
         N     R0,=X'00000FFF'     D
         LTR   R5,R5
         BNZ   RANDD10
         SR    R0,R0
RANDD10  CH    R5,=H'1'
         BNE   RANDD20
         N     R0,=F'15'
RANDD20  OR    R0,R1
         L     R14,RANDDR
         BR    R14
*
*  EAOF: R0 = the address B D (R0 = B DDD) names, with REGS as the
*  registers.  Uses R1.
EAOF     LR    R1,R0
         SRL   R1,12
         N     R1,=F'15'
         N     R0,=X'00000FFF'
         LTR   R1,R1
         BZR   R14
         SLL   R1,2
         A     R0,REGS(R1)
         N     R0,=X'00FFFFFF'
         BR    R14
*
***********************************************************************
*  GUARD: may R1 bytes be stored at R0?  Not if they touch the new    *
*  PSWs (X'58'-X'7F') or the program (PROGLO-PEND).  Out: CC 0 yes,   *
*  CC not 0 no.  Uses R0, R2.                                         *
***********************************************************************
GUARD    N     R0,=X'00FFFFFF'
         LR    R2,R0
         AR    R2,R1               the end
         C     R0,=A(X'80')
         BNL   GUARD10
         C     R2,=A(X'58')
         BH    GUARDNO
GUARD10  C     R0,=A(PEND)
         BNL   GUARDOK
         C     R2,=A(PROGLO)
         BH    GUARDNO
GUARDOK  CR    R0,R0
         BR    R14
GUARDNO  LTR   R14,R14             (an address: CC 2)
         BR    R14
*
***********************************************************************
*  DEVOPND: an I/O address B D in OPBD: 009 or 191 (a quarter each),  *
*  any of 000-FFF, a channel alone (x00), or a random base register   *
*  and displacement.  Uses R0-R3, R5, R15.                            *
***********************************************************************
DEVOPND  ST    R14,DEVOPNDR
         LA    R1,8
         BAL   R14,RANDN
         LR    R5,R0
         BAL   R14,RAND
         CH    R5,=H'2'
         BL    DEVO10
         CH    R5,=H'4'
         BL    DEVO20
         BE    DEVO30
         CH    R5,=H'5'
         BE    DEVO40
         BAL   R14,RANDD
         B     DEVO90
DEVO10   LA    R0,X'009'
         B     DEVO90
DEVO20   LA    R0,X'191'
         B     DEVO90
DEVO30   N     R0,=X'00000FFF'
         B     DEVO90
DEVO40   N     R0,=X'00000F00'
DEVO90   STH   R0,OPBD
         L     R14,DEVOPNDR
         BR    R14
*
***********************************************************************
*  SETCAW: the CAW at X'48' for SIO: a key one time in four; the      *
*  address CCWLOW with four random CCWs (half), CCWLOW misaligned,    *
*  RADDR, zero, or any 32 bits.  Uses R0-R10, R15.                    *
***********************************************************************
SETCAW   ST    R14,SETCAWR
         SR    R9,R9               the key
         LA    R1,4
         BAL   R14,RANDN
         LTR   R0,R0
         BNZ   SETC10
         BAL   R14,RAND
         N     R0,=X'F0000000'
         LR    R9,R0
SETC10   LA    R1,8
         BAL   R14,RANDN
         CH    R0,=H'4'
         BL    SETC20
         BE    SETC30
         CH    R0,=H'6'
         BL    SETC40
         BE    SETC50
         BAL   R14,RAND            any 32 bits, key and all
         SR    R9,R9
         B     SETC80
SETC20   BAL   R14,GENCCWS
         LA    R0,CCWLOW
         B     SETC80
SETC30   BAL   R14,GENCCWS
         BAL   R14,RAND
         N     R0,=F'7'
         LA    R0,CCWLOW(R0)
         B     SETC80
SETC40   BAL   R14,RADDR
         N     R0,=X'00FFFFFF'
         B     SETC80
SETC50   SR    R0,R0
SETC80   OR    R0,R9
         ST    R0,X'48'
         L     R14,SETCAWR
         BR    R14
*
***********************************************************************
*  GENCCWS: four random CCWs at CCWLOW.  Command: the console's, the  *
*  3350's, TIC, or any byte; flags: any, IDA and the reserved bits    *
*  seldom; count 0, 1-16, 0-255, 0-FFF or 0-FFFF; data in scratch,    *
*  low storage, at the end of storage, or anywhere RADDR says (kept   *
*  off the program); a TIC to one of the four mostly.                 *
*  Uses R0-R8, R10, R15.                                              *
***********************************************************************
GENCCWS  ST    R14,GENCCWR
         LA    R10,CCWLOW
         LA    R7,4
GENC10   LA    R1,CCMDN            the command
         BAL   R14,RANDN
         LA    R1,CCMDS
         AR    R1,R0
         MVC   0(1,R10),0(R1)
         CLI   0(R10),X'FF'        (any byte)
         BNE   GENC12
         BAL   R14,RAND
         STC   R0,0(R10)
GENC12   BAL   R14,RAND            the flags
         N     R0,=F'248'
         STC   R0,4(R10)
         LA    R1,8
         BAL   R14,RANDN
         LTR   R0,R0
         BNZ   GENC14
         OI    4(R10),X'04'        IDA
GENC14   LA    R1,32
         BAL   R14,RANDN
         LTR   R0,R0
         BNZ   GENC16
         BAL   R14,RAND
         N     R0,=F'3'
         STC   R0,5(R10)           reserved bits (byte 5)
         B     GENC18
GENC16   MVI   5(R10),0
GENC18   LA    R1,8                the count
         BAL   R14,RANDN
         LR    R8,R0
         BAL   R14,RAND
         LTR   R8,R8
         BNZ   GENC20
         SR    R0,R0
         B     GENC28
GENC20   CH    R8,=H'4'
         BNL   GENC22
         N     R0,=F'15'
         LA    R0,1(R0)
         B     GENC28
GENC22   CH    R8,=H'6'
         BNL   GENC24
         N     R0,=F'255'
         B     GENC28
GENC24   BH    GENC26
         N     R0,=X'00000FFF'
         B     GENC28
GENC26   N     R0,=X'0000FFFF'
GENC28   STH   R0,6(R10)
         LA    R1,8                the address
         BAL   R14,RANDN
         SR    R1,R1
         IC    R1,0(R10)
         N     R1,=F'15'
         CH    R1,=H'8'            a TIC (any X'x8')?
         BNE   GENC30
         TM    AVOID,X'10'         (no loops: AVOIDKB)
         BO    GENC29
         CH    R0,=H'6'
         BNL   GENC30
         N     R0,=F'3'            one of the four
         SLL   R0,3
         LA    R0,CCWLOW(R0)
         B     GENC40
GENC29   LR    R0,R7               to one after it (or the fifth)
         BCTR  R0,0
         BAL   R14,RANDN1
         LA    R0,1(R0)
         SLL   R0,3
         AR    R0,R10
         B     GENC40
GENC30   LR    R8,R0
         BAL   R14,RAND
         CH    R8,=H'4'
         BNL   GENC32
         N     R0,=X'0000FFFF'     scratch
         A     R0,=A(SCRATCH)
         B     GENC38
GENC32   BH    GENC34
         N     R0,=X'00000FFF'     low storage
         B     GENC38
GENC34   CH    R8,=H'6'
         BH    GENC36
         N     R0,=X'0000007F'     the end of storage
         S     R0,=F'64'
         A     R0,SIZE
         B     GENC38
GENC36   BAL   R14,RADDR
GENC38   LR    R5,R0               not on the program
         SR    R1,R1
         ICM   R1,3,6(R10)
         LA    R1,1(R1)
         BAL   R14,GUARD
         LR    R0,R5
         BZ    GENC40
         INCR  NGUARD
         L     R0,=A(SCRATCH)
GENC40   STCM  R0,7,1(R10)
         LA    R10,8(R10)
         BCT   R7,GENC10
         MVC   0(8,R10),CCWEND     the fifth: a NO-OP that ends it
         L     R14,GENCCWR
         BR    R14
*  RANDN1: R0 = 0 to R0 (R0 + 1 values).  Uses R1-R3, R15.
RANDN1   LR    R1,R0
         LA    R1,1(R1)
         B     RANDN
*
***********************************************************************
*  GENDIAG: DIAGNOSE Rx,Ry,code.  The code: X'08' (6/16), X'0C'       *
*  (2/16), X'60', one of VM/370's others, any of 0-FFF, or a random   *
*  base and displacement.  For X'08' the command text at TEXTLOW and  *
*  the registers that go with it; for X'0C' the area at Rx.           *
*  Uses R0-R10, R13, R15.                                             *
***********************************************************************
GENDIAG  ST    R14,GENDIAGR
         BAL   R14,RAND
         STC   R0,INSTR+1          Rx Ry
         SR    R7,R7
         IC    R7,INSTR+1
         LR    R8,R7
         SRL   R7,4
         SLL   R7,2                R7 = Rx * 4
         N     R8,=F'15'
         SLL   R8,2                R8 = Ry * 4
         LA    R1,16
         BAL   R14,RANDN
         CH    R0,=H'6'
         BL    GDI08
         CH    R0,=H'8'
         BL    GDI0C
         BE    GDI60
         CH    R0,=H'14'
         BL    GDIOTH
         BE    GDIANY
         BAL   R14,RANDD
         B     GDI80
GDI60    LA    R0,X'60'
         B     GDI80
GDIOTH   LA    R1,DCODEN
         BAL   R14,RANDN
         SLL   R0,1
         LA    R1,DCODES
         AR    R1,R0
         LH    R0,0(R1)
         B     GDI80
GDIANY   BAL   R14,RAND
         N     R0,=X'00000FFF'
GDI80    STH   R0,INSTR+2
         B     GDI90
*  X'0C': 32 bytes at Rx, kept off the program.
GDI0C    MVC   INSTR+2(2),=X'000C'
         LA    R1,2
         BAL   R14,RANDN
         LTR   R0,R0
         BZ    GDI0C2
         BAL   R14,RADDR
         B     GDI0C4
GDI0C2   BAL   R14,RAND
         N     R0,=X'00007FF8'
         A     R0,=A(SCRATCH)
GDI0C4   ST    R0,REGS(R7)
         LA    R1,32
         BAL   R14,GUARD
         BZ    GDI90
         INCR  NGUARD
         L     R0,=A(SCRATCH)
         ST    R0,REGS(R7)
         B     GDI90
*  X'08': Rx+1 = the buffer, Ry+1 = its length, Rx = the text, Ry =
*  the flags and the length of the text.
GDI08    MVC   INSTR+2(2),=X'0008'
         BAL   R14,BLDTEXT         R9 = the text's length
         LA    R1,8                the buffer
         BAL   R14,RANDN
         LR    R5,R0
         BAL   R14,RAND
         CH    R5,=H'5'
         BL    GDI08A
         BE    GDI08B
         CH    R5,=H'6'
         BE    GDI08C
         BAL   R14,RADDR
         B     GDI08D
GDI08A   N     R0,=X'00007FFF'     scratch
         A     R0,=A(SCRATCH)
         B     GDI08D
GDI08B   N     R0,=X'00000FFF'     low storage
         B     GDI08D
GDI08C   N     R0,=X'0000007F'     the end of storage
         S     R0,=F'64'
         A     R0,SIZE
GDI08D   LA    R1,4(R7)            Rx+1
         N     R1,=F'63'
         ST    R0,REGS(R1)
         LA    R1,8                its length
         BAL   R14,RANDN
         LR    R5,R0
         BAL   R14,RAND
         LTR   R5,R5
         BNZ   GDI08E
         SR    R0,R0
         B     GDI08H
GDI08E   CH    R5,=H'4'
         BNL   GDI08F
         N     R0,=F'255'
         B     GDI08H
GDI08F   CH    R5,=H'6'
         BNL   GDI08G
         N     R0,=X'00000FFF'
         B     GDI08H
GDI08G   BH    GDI08H              (any 32 bits)
         N     R0,=X'0003FFFF'
GDI08H   LA    R1,4(R8)            Ry+1
         N     R1,=F'63'
         ST    R0,REGS(R1)
         LA    R1,8                Rx: the text
         BAL   R14,RANDN
         LTR   R0,R0
         BNZ   GDI08I
         BAL   R14,RADDR
         B     GDI08J
GDI08I   LA    R0,TEXTLOW
GDI08J   ST    R0,REGS(R7)
         LA    R1,8                Ry: the length
         BAL   R14,RANDN
         LR    R5,R0
         BAL   R14,RAND
         CH    R5,=H'6'
         BH    GDI08M              any 32 bits
         BE    GDI08K
         LR    R0,R9               the text's own
         B     GDI08L
GDI08K   N     R0,=F'255'
GDI08L   ST    R0,REGS(R8)
         LA    R1,2                and half the time the buffer flag
         BAL   R14,RANDN
         LTR   R0,R0
         BZ    GDI08N
         L     R0,REGS(R8)
         O     R0,=X'40000000'
GDI08M   ST    R0,REGS(R8)
*  The buffer must not cover the program or the new PSWs.  (CP uses
*  it only with the flag, a length of 1-132, and all of it inside the
*  machine's storage.)
GDI08N   L     R0,REGS(R8)
         LR    R1,R0
         N     R1,=X'00FFFFFF'
         BZ    GDI90
         C     R1,=F'132'
         BH    GDI90
         N     R0,=X'40000000'
         BZ    GDI90
         LA    R1,4(R8)
         N     R1,=F'63'
         L     R1,REGS(R1)         the buffer's length
         CL    R1,SIZE
         BH    GDI90
         LA    R2,4(R7)
         N     R2,=F'63'
         L     R0,REGS(R2)         the buffer
         BAL   R14,GUARD
         BZ    GDI90
         INCR  NGUARD
         MVC   INSTR,NOPS          no DIAGNOSE this time
GDI90    L     R14,GENDIAGR
         BR    R14
*
***********************************************************************
*  BLDTEXT: CP commands at TEXTLOW, one to four, X'15' between them,  *
*  and blanks up to TEXTLOW+160.  Out: R9 = the length (at most 132   *
*  three times in four, else up to 160).  Uses R0-R6, R9, R10, R13,   *
*  R15.                                                               *
***********************************************************************
BLDTEXT  ST    R14,BLDTEXTR
         MVI   TEXTLOW,C' '        blanks after the text (a random
         MVC   TEXTLOW+1(159),TEXTLOW  length may take them in)
         LA    R9,TEXTLOW          where the next byte goes
         LA    R1,4
         BAL   R14,RANDN
         LR    R10,R0
         LA    R10,1(R10)          how many commands
BLDT10   LA    R1,16
         BAL   R14,RANDN
         SLL   R0,2
         LR    R13,R0
         B     CMDTAB(R13)
CMDTAB   B     CMQT                0  QUERY TIME
         B     CMQ                 1  QUERY something
         B     CMDPSW              2  DISPLAY PSW / G
         B     CMDSTG              3  DISPLAY storage
         B     CMDSTG              4
         B     CMSTPSW             5  STORE PSW
         B     CMSTG               6  STORE Gn
         B     CMSTS               7  STORE Shexloc
         B     CMSTW               8  STORE hexloc words
         B     CMBEGIN             9  BEGIN
         B     CMMSG               10 MSG
         B     CMBYTES             11 random bytes
         B     CMWORDS             12 random words
         B     BLDT80              13 nothing
         B     CMQT                14
         B     CMDSTG              15
CMQT     LA    R1,VQT
         BAL   R14,PUTS
         B     BLDT80
CMQ      LA    R1,VQ
         BAL   R14,PUTS
         LA    R1,QKWN
         BAL   R14,RANDN
         MH    R0,=H'9'
         LA    R1,QKWS
         AR    R1,R0
         BAL   R14,PUTS
         B     BLDT80
CMDPSW   LA    R1,VD
         BAL   R14,PUTS
         LA    R1,4
         BAL   R14,RANDN
         LTR   R0,R0
         BNZ   CMDP10
         LA    R1,VPSW
         BAL   R14,PUTS
         B     BLDT80
CMDP10   LA    R0,C'G'
         BAL   R14,PUTC
         LA    R1,3
         BAL   R14,RANDN
         LTR   R5,R0
         BZ    BLDT80              D G
         BAL   R14,RAND
         LA    R1,1
         BAL   R14,PUTHEX          D Gr
         CH    R5,=H'1'
         BE    BLDT80
         LA    R0,C'-'
         BAL   R14,PUTC
         BAL   R14,RAND
         LA    R1,1
         BAL   R14,PUTHEX          D Gr-r
         B     BLDT80
CMDSTG   LA    R1,VD
         BAL   R14,PUTS
         LA    R1,4
         BAL   R14,RANDN
         LTR   R0,R0
         BNZ   CMDS10
         LA    R0,C'L'
         BAL   R14,PUTC
CMDS10   BAL   R14,RADDR
         ST    R0,DADDR
         BAL   R14,PUTADDR
         LA    R1,3
         BAL   R14,RANDN
         LTR   R6,R0
         BZ    BLDT80              D hexloc
         LA    R0,C'.'
         CH    R6,=H'1'
         BE    CMDS20
         LA    R0,C'-'
CMDS20   BAL   R14,PUTC
         BAL   R14,RADDR           .len or -end: anything
         TM    AVOID,X'40'         (but at most 16 lines: AVOIDKB)
         BZ    CMDS30
         N     R0,=F'255'
         CH    R6,=H'1'
         BE    CMDS30
         A     R0,DADDR
CMDS30   BAL   R14,PUTADDR
         B     BLDT80
CMSTPSW  LA    R1,VSTPSW
         BAL   R14,PUTS
         BAL   R14,GENPSW
         LA    R1,2
         BAL   R14,RANDN
         LTR   R0,R0
         BZ    CMSTP10
         L     R0,PSWWORK          both words
         LA    R1,8
         BAL   R14,PUTHEX
         LA    R0,C' '
         BAL   R14,PUTC
CMSTP10  L     R0,PSWWORK+4
         LA    R1,8
         BAL   R14,PUTHEX
         B     BLDT80
CMSTG    LA    R1,VSTG
         BAL   R14,PUTS
         BAL   R14,RAND
         LA    R1,1
         BAL   R14,PUTHEX
         LA    R1,3
         BAL   R14,RANDN
         LR    R6,R0
         LA    R6,1(R6)            1-3 words
CMSTG10  LA    R0,C' '
         BAL   R14,PUTC
         BAL   R14,RADDR
         LA    R1,8
         BAL   R14,PUTHEX
         BCT   R6,CMSTG10
         B     BLDT80
CMSTS    LA    R1,VSTS
         BAL   R14,PUTS
         LA    R1,16
         BAL   R14,RANDN
         LR    R5,R0
         LA    R5,1(R5)            1-16 bytes
         BAL   R14,SAFEADDR
         BAL   R14,PUTADDR
         LA    R0,C' '
         BAL   R14,PUTC
CMSTS10  BAL   R14,RAND
         LA    R1,2
         BAL   R14,PUTHEX
         BCT   R5,CMSTS10
         B     BLDT80
CMSTW    LA    R1,VST
         BAL   R14,PUTS
         LA    R5,8                (up to 2 words)
         BAL   R14,SAFEADDR
         BAL   R14,PUTADDR
         LA    R5,2
CMSTW10  LA    R0,C' '
         BAL   R14,PUTC
         BAL   R14,RAND
         LA    R1,8
         BAL   R14,PUTHEX
         BCT   R5,CMSTW10
         B     BLDT80
CMBEGIN  LA    R1,VBEGIN
         BAL   R14,PUTS
         LA    R1,4
         BAL   R14,RANDN
         LTR   R0,R0
         BZ    BLDT80              BEGIN
         LA    R0,C' '
         BAL   R14,PUTC
         BAL   R14,GENPSW          BEGIN hexloc
         L     R0,PSWWORK+4
         N     R0,=X'00FFFFFF'
         BAL   R14,PUTADDR
         B     BLDT80
CMMSG    LA    R1,VMSG
         BAL   R14,PUTS
         LA    R1,MSGTON
         BAL   R14,RANDN
         MH    R0,=H'9'
         LA    R1,MSGTOS
         AR    R1,R0
         BAL   R14,PUTS
         LA    R0,C' '
         BAL   R14,PUTC
         LA    R1,40
         BAL   R14,RANDN
         LR    R5,R0
         LA    R5,1(R5)
CMMSG10  LA    R1,TEXTCN           safe characters
         BAL   R14,RANDN
         LA    R1,TEXTCS
         AR    R1,R0
         IC    R0,0(R1)
         BAL   R14,PUTC
         BCT   R5,CMMSG10
         TM    AVOID,X'20'         (the last command: AVOIDKB)
         BZ    BLDT80
         B     BLDT90
CMBYTES  LA    R1,24
         BAL   R14,RANDN
         LR    R5,R0
         LA    R5,1(R5)
CMBYT10  BAL   R14,RAND
         BAL   R14,PUTC
         BCT   R5,CMBYT10
         B     BLDT80
CMWORDS  LA    R1,3
         BAL   R14,RANDN
         LR    R6,R0
         LA    R6,1(R6)            1-3 words
CMWOR10  LA    R1,8
         BAL   R14,RANDN
         LR    R5,R0
         LA    R5,1(R5)            of 1-8 letters
CMWOR20  LA    R1,26
         BAL   R14,RANDN
         LA    R1,TEXTCS
         AR    R1,R0
         IC    R0,0(R1)
         BAL   R14,PUTC
         BCT   R5,CMWOR20
         LA    R0,C' '
         BAL   R14,PUTC
         BCT   R6,CMWOR10
BLDT80   BCT   R10,BLDT85          another command?
         B     BLDT90
BLDT85   LA    R0,X'15'
         BAL   R14,PUTC
         B     BLDT10
BLDT90   BAL   R14,SANITIZE
         LA    R0,TEXTLOW
         SR    R9,R0               the length
         C     R9,=F'132'
         BNH   BLDT99
         LA    R1,4                too long: cut it, mostly
         BAL   R14,RANDN
         LTR   R0,R0
         BZ    BLDT99
         LA    R9,132
BLDT99   L     R14,BLDTEXTR
         BR    R14
*
*  SAFEADDR: R0 = an address from RADDR where R5 bytes may be stored
*  (GUARD), else one in scratch.  Uses R0-R3, R15.
SAFEADDR ST    R14,SAFEADR
         ST    R5,SAFER5
         BAL   R14,RADDR
         L     R5,SAFER5
         N     R0,=X'00FFFFFF'
         ST    R0,SAFEA
         LR    R1,R5
         BAL   R14,GUARD
         L     R0,SAFEA
         BZ    SAFEA90
         INCR  NGUARD
         L     R0,=A(SCRATCH)
SAFEA90  L     R14,SAFEADR
         BR    R14
*
***********************************************************************
*  The text builders.  R9 = where the next byte goes; nothing is put  *
*  past TEXTLOW+160.                                                  *
*  PUTC: the byte in R0.  PUTS: the string at R1 (a length byte,      *
*  then the text).  PUTHEX: R1 hex digits of R0 (the low ones).       *
*  PUTADDR: R0 in 1-8 hex digits (as many as it needs, or more).      *
*  Uses R0-R3, R15.                                                   *
***********************************************************************
PUTC     LA    R15,TEXTLOW+160
         CR    R9,R15
         BNLR  R14
         STC   R0,0(R9)
         LA    R9,1(R9)
         BR    R14
PUTS     SR    R2,R2
         IC    R2,0(R1)
         LTR   R2,R2
         BZR   R14
PUTS10   IC    R0,1(R1)
         ST    R14,PUTSR
         BAL   R14,PUTC
         L     R14,PUTSR
         LA    R1,1(R1)
         BCT   R2,PUTS10
         BR    R14
PUTHEX   ST    R14,PUTHEXR
         ST    R0,HEXW
         UNPK  HEXU(9),HEXW(5)
         NC    HEXU(8),HEXMASK
         TR    HEXU(8),HEXDIG
         LA    R2,HEXU+8
         SR    R2,R1               the first digit wanted
         LR    R3,R1
PUTH10   IC    R0,0(R2)
         BAL   R14,PUTC
         LA    R2,1(R2)
         BCT   R3,PUTH10
         L     R14,PUTHEXR
         BR    R14
PUTADDR  ST    R14,PUTADR
         ST    R0,PUTAW
         LA    R1,8
         BAL   R14,RANDN
         LR    R1,R0
         LA    R1,1(R1)            1-8 digits, ...
         L     R0,PUTAW
         LR    R2,R0
         LA    R3,8                ... but at least the value's own
PUTA10   LR    R15,R2              top digit not 0: R3 digits
         SRL   R15,28
         LTR   R15,R15
         BNZ   PUTA20
         CR    R3,R1
         BNH   PUTA20
         SLL   R2,4
         BCT   R3,PUTA10
PUTA20   CR    R1,R3
         BNL   PUTA30
         LR    R1,R3
PUTA30   BAL   R14,PUTHEX
         L     R14,PUTADR
         BR    R14
*
***********************************************************************
*  SANITIZE: no LOGOFF and no IPL CMS in the text: each "LOG" and     *
*  "CMS" (in either case: CP makes the line upper case) loses its     *
*  first letter; and no ";" (the victim's ready line is "R;", and     *
*  MSG could type one on his terminal).  Uses R0-R3.                  *
***********************************************************************
SANITIZE LA    R2,TEXTLOW
SAN10    LR    R3,R9               three bytes left?
         SR    R3,R2
         CH    R3,=H'3'
         BL    SAN50
         MVC   SANW,0(R2)
         OC    SANW,=C'   '       (X'40': upper case)
         CLC   SANW,=C'LOG'
         BE    SAN20
         CLC   SANW,=C'CMS'
         BNE   SAN30
SAN20    MVI   0(R2),C'*'
SAN30    LA    R2,1(R2)
         B     SAN10
SAN50    LA    R2,TEXTLOW
SAN60    CR    R2,R9
         BNLR  R14
         CLI   0(R2),C';'
         BNE   SAN70
         MVI   0(R2),C'+'
SAN70    LA    R2,1(R2)
         B     SAN60
*
         COPY  RAND                RAND, RANDN: xorshift32 (rand.asm)
*
***********************************************************************
*  The interruption stubs: count, and back to LOOP.  The new PSWs     *
*  (disabled, key 0, supervisor state) point here.                    *
***********************************************************************
         DROP  R11,R12
EXTIN    BALR  R15,0
         USING *,R15
         L     R1,NEXTI
         LA    R1,1(R1)
         ST    R1,NEXTI
         L     R15,ALOOP
         BR    R15
         DROP  R15
SVCIN    BALR  R15,0
         USING *,R15
         L     R1,NSVC
         LA    R1,1(R1)
         ST    R1,NSVC
         L     R15,ALOOP
         BR    R15
         DROP  R15
PGMIN    BALR  R15,0
         USING *,R15
         L     R1,NPGM
         LA    R1,1(R1)
         ST    R1,NPGM
         L     R15,ALOOP
         BR    R15
         DROP  R15
MCKIN    BALR  R15,0
         USING *,R15
         L     R1,NMCK
         LA    R1,1(R1)
         ST    R1,NMCK
         L     R15,ALOOP
         BR    R15
         DROP  R15
IOIN     BALR  R15,0
         USING *,R15
         L     R1,NIO
         LA    R1,1(R1)
         ST    R1,NIO
         L     R15,ALOOP
         BR    R15
         DROP  R15
         USING LOOP+2,R12,R11
*
***********************************************************************
*  Tables.                                                            *
***********************************************************************
*  INSTAB: opcode, second opcode byte, format (FMTTAB), bytes stored
*  at the operand.  The common ones more than once.
         DS    0F
INSTAB   DC    X'82000B00',X'82000B00',X'82000B00'     LPSW
         DC    X'80000200',X'80000200'                 SSM
         DC    X'AC000201'                             STNSM
         DC    X'AD000201'                             STOSM
         DC    X'B7000300'                             LCTL
         DC    X'B6000340'                             STCTL
         DC    X'B2080100'                             SPT
         DC    X'B2090108'                             STPT
         DC    X'B2060100'                             SCKC
         DC    X'B2070108'                             STCKC
         DC    X'B2040100'                             SCK
         DC    X'08000500'                             SSK
         DC    X'09000500'                             ISK
         DC    X'B2290600'                             ISKE
         DC    X'B22B0600'                             SSKE
         DC    X'B22A0600'                             RRBE
         DC    X'B2130100'                             RRB
         DC    X'B20B0100'                             IPK
         DC    X'B20A0100'                             SPKA
         DC    X'B20D0100'                             PTLB
         DC    X'B2210600'                             IPTE
         DC    X'B1000400'                             LRA
         DC    X'B22C0600'                             TB
         DC    X'B2020108'                             STIDP
         DC    X'B2120102'                             STAP
         DC    X'B2100100'                             SPX
         DC    X'B2110104'                             STPX
         DC    X'AE000300'                             SIGP
         DC    X'83000800',X'83000800',X'83000800'     DIAGNOSE
         DC    X'83000800',X'83000800',X'83000800'
         DC    X'9C000700',X'9C000700',X'9C000700'     SIO
         DC    X'9C010700'                             SIOF
         DC    X'9D000700',X'9D000700'                 TIO
         DC    X'9D010700'                             CLRIO
         DC    X'9E000700',X'9E000700'                 HIO
         DC    X'9E010700'                             HDV
         DC    X'9F000700'                             TCH
         DC    X'0A000900'                             SVC
         DC    X'00000A00',X'00000A00'                 random bytes
         DC    X'B2000C00'                             B2xx
INSTN    EQU   (*-INSTAB)/4
*  Privileged and semi-privileged opcodes, for the random bytes.
RAWOPS   DC    X'0809',X'80828384',X'9C9D9E9F',X'ACADAEB1'
         DC    X'B2B2B2B6B7',X'D9DADBE5',X'00'
RAWN     EQU   *-RAWOPS
*  CCW commands: the console's, the 3350's, TIC; X'FF' = any byte.
CCMDS    DC    X'0109090A0A03030B0404'
         DC    X'0707060605051E1E3102'
         DC    X'0808',X'FFFF'
CCMDN    EQU   *-CCMDS
*  Other DIAGNOSE codes VM/370 knew.
DCODES   DC    H'0',H'4',H'16',H'20',H'24',H'28',H'32',H'36',H'40'
         DC    H'48',H'60',H'64',H'68',H'72',H'76',H'88',H'92'
         DC    H'100',H'104',H'112',H'124',H'132',H'164',H'248'
DCODEN   EQU   (*-DCODES)/2
*  Command words (a length byte, then the text).
VQT      DC    AL1(10),C'QUERY TIME'
VQ       DC    AL1(2),C'Q '
VD       DC    AL1(2),C'D '
VPSW     DC    AL1(3),C'PSW'
VSTPSW   DC    AL1(7),C'ST PSW '
VSTG     DC    AL1(4),C'ST G'
VSTS     DC    AL1(4),C'ST S'
VST      DC    AL1(3),C'ST '
VBEGIN   DC    AL1(5),C'BEGIN'
VMSG     DC    AL1(4),C'MSG '
QKWS     DC    AL1(4),CL8'TIME'
         DC    AL1(1),CL8'T'
         DC    AL1(5),CL8'NAMES'
         DC    AL1(5),CL8'USERS'
         DC    AL1(7),CL8'VIRTUAL'
         DC    AL1(3),CL8'BOB'
         DC    AL1(5),CL8'ALICE'
         DC    AL1(6),CL8'NOBODY'
         DC    AL1(0),CL8' '
QKWN     EQU   (*-QKWS)/9
MSGTOS   DC    AL1(3),CL8'BOB'
         DC    AL1(5),CL8'ALICE'
         DC    AL1(2),CL8'OP'
         DC    AL1(6),CL8'NOBODY'
         DC    AL1(8),CL8'TOOLONGX'
MSGTON   EQU   (*-MSGTOS)/9
TEXTCS   DC    C'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-=*'
TEXTCN   EQU   *-TEXTCS
HEXDIG   DC    C'0123456789ABCDEF'
HEXMASK  DC    8X'0F'
NOPS     DC    X'070007000700'
EXINST   DC    X'44000F00'         EX 0,EXLOW
         DS    0D
CCWEND   CCW   X'03',0,X'20',1     NO-OP, no chaining
*
         DS    0D
EXTNEW   DC    X'00000000',A(EXTIN)
SVCNEW   DC    X'00000000',A(SVCIN)
PGMNEW   DC    X'00000000',A(PGMIN)
MCKNEW   DC    X'00000000',A(MCKIN)
IONEW    DC    X'00000000',A(IOIN)
ALOOP    DC    A(LOOP)
CODEEND  DS    0D                  (the harness watches up to here)
PSWWORK  DS    D
SEED     DC    F'1'                set by the test
AVOID    DC    X'FF'               CP bugs not to hit (AVOIDKB)
SIZE     DS    F
STATS    DS    0F                  what happened, for the test
NITER    DC    F'0'                instructions generated
NPGM     DC    F'0'                program interruptions
NSVC     DC    F'0'                SVC interruptions
NIO      DC    F'0'                I/O interruptions
NEXTI    DC    F'0'                external interruptions
NMCK     DC    F'0'                machine checks
NEX      DC    F'0'                run through EXECUTE
NGUARD   DC    F'0'                operands moved off the program
LASTINS  DC    XL6'00'             the last instruction
INSTR    DS    XL6
OPBD     DS    H
         DS    0F
REGS     DS    16F
GENREGSR DS    F
GENDATR  DS    F
GENPSWR  DS    F
RADDRR   DS    F
GENINSR  DS    F
OPNDR    DS    F
RANDDR   DS    F
DEVOPNDR DS    F
SETCAWR  DS    F
GENCCWR  DS    F
GENDIAGR DS    F
BLDTEXTR DS    F
SAFEADR  DS    F
SAFEA    DS    F
SAFER5   DS    F
DADDR    DS    F
PUTSR    DS    F
PUTHEXR  DS    F
PUTADR   DS    F
PUTAW    DS    F
HEXW     DS    F
         DS    X
HEXU     DS    XL9
SANW     DS    CL3
         LTORG
PEND     EQU   *
         END
