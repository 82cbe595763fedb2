*  PER3 -- program-event recording of the control instructions (EC mode):
*  the storage-alteration event of the privileged stores (STCTL, STPX,
*  STAP, STPT, STCKC, STNSM, STOSM, STIDP), and the general-register alteration
*  event of ISK, IPK, ISKE and of SIGP that sets a status (cc 1).  LPSW
*  is no branch for PER: a successful-branching mask gives it no event.
*  TIO storing a CSW at X'40' is a store too, and so is the lock word an
*  MVS assist (E504) stores.
*  A virtual machine's CP emulates these instructions itself, so it has
*  to make their events as the CPU does (DMKPRX).
*
*  As in per.asm: each case loads CR9-CR11, turns PER on with STOSM, runs
*  the instruction, and turns PER off with STNSM (outside every monitored
*  area).  PGMH records the program old PSW (X'28'), the word at X'8C' and
*  the six bytes at X'96' in a 24-byte slot at R10, clears X'96'-X'9B' and
*  resumes at R11 with PER off; a case that must not interrupt records
*  'NONE'.  The stored values of STPT and STCKC follow the clocks and are
*  not dumped (AREA is not in a DUMP range); their events are.
*
*  DUMP C00.300
PER3     START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   PER3+X'68'
         DC    X'00080000',A(PGMH)   program new PSW: EC, PER off
         ORG   PER3+X'200'
BEGIN    BALR  12,0
         USING *,12
         LA    10,RESULTS
         LCTL  0,0,=X'00000000'      no external interruptions
         LPSW  ECPSW
EC1      DS    0H
* ---- 1: STCTL into the area: storage alteration ----------------------------
         LCTL  9,11,CRSA
         LA    11,C1
         STOSM DUMMY,X'40'
T1       STCTL 0,0,AREA              code 0080, X'96' 20, address T1
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C1       DS    0H
* ---- 2: STCTL beside the area: no event -------------------------------------
         LA    11,C2
         STOSM DUMMY,X'40'
         STCTL 0,0,AREA+16
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C2       DS    0H
* ---- 3: STCTL of two registers whose second word reaches the area ---------
         LCTL  9,11,CRSA4
         LA    11,C3
         STOSM DUMMY,X'40'
T3       STCTL 0,1,AREA              the area is AREA+4 .. AREA+7
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C3       DS    0H
* ---- 4-8: STPX, STAP, STPT, STCKC into the area ----------------------------
         LCTL  9,11,CRSAW
         LA    11,C4
         STOSM DUMMY,X'40'
T4       STPX  AREA
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C4       LA    11,C5
         STOSM DUMMY,X'40'
T5       STAP  AREA+8
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C5       LA    11,C6
         STOSM DUMMY,X'40'
T6       STPT  AREA+8
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C6       LA    11,C7
         STOSM DUMMY,X'40'
T7       STCKC AREA
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C7       DS    0H
* ---- 8: STNSM and STOSM storing into the area -------------------------------
         LA    11,C8
         STOSM DUMMY,X'40'
T8       STNSM AREA,X'FF'            the mask unchanged: PER stays on
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C8       LA    11,C9
         STOSM DUMMY,X'40'
T9       STOSM AREA+1,X'00'
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C9       DS    0H
* ---- 10: STCTL into the area under EXECUTE: the PER address is the EX ---
         LA    11,C10
         STOSM DUMMY,X'40'
T10      EX    0,T10T
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C10      DS    0H
* ---- 11: GR alteration: ISK 5,6 with R5 monitored --------------------------
         LCTL  9,11,CRGR5
         LA    6,X'800'
         LA    11,C11
         STOSM DUMMY,X'40'
T11      ISK   5,6
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C11      DS    0H
* ---- 12: ISK 7,6 with R7 not monitored: no event ------------------------
         LA    11,C12
         STOSM DUMMY,X'40'
         ISK   7,6
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C12      SR    5,5                   (the keys are not compared)
         SR    7,7
* ---- 13: IPK alters R2 ------------------------------------------------------
         LCTL  9,11,CRGR2
         LA    11,C13
         STOSM DUMMY,X'40'
T13      IPK
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C13      DS    0H
* ---- 14: ISKE 2,6 alters R2 ----------------------------------------------
         LA    11,C14
         STOSM DUMMY,X'40'
T14      ISKE  2,6
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C14      SR    2,2
* ---- 15: SIGP external call: cc 0 (no event), again: cc 1, R2 the status --
         SR    3,3
         LA    11,C15
         STOSM DUMMY,X'40'
         SIGP  2,3,X'02'             cc 0: R2 not altered
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C15      LA    11,C16
         STOSM DUMMY,X'40'
T16      SIGP  2,3,X'02'             cc 1: R2 = X'00000080'
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C16      ST    2,0(,10)
         LA    10,4(,10)
* ---- 17: LPSW with the successful-branching mask: no event -------------
         LCTL  9,11,CRBR
         LA    11,C17
         STOSM DUMMY,X'40'
         LPSW  PERPSW                the same state, at T17
T17      STNSM DUMMY,X'BF'
         BAL   14,NONE
C17      DS    0H
* ---- 18: TIO storing the CSW at X'40' (the area X'40'-X'47'): a store ---
         MVC   X'48'(4),=A(NOPCCW)
         SIO   X'009'                a write, its end masked off
         LCTL  9,11,CRCSW
         LA    11,C18
         STOSM DUMMY,X'40'
T18      TIO   X'009'                CC 2 while busy: again; CC 1: the
         BC    2,T18                   CSW, an event
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C18      DS    0H
* ---- 19: the MVS assist E504 obtaining the free local lock (X'3080'): a store
         L     9,=A(X'3000')
         LCTL  9,11,CRLOCK
         LA    11,C19
         STOSM DUMMY,X'40'
T19      DC    X'E50491009200'       obtain local: lock word, locks held
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C19      DS    0H
* ---- 20: STIDP into the area (its value differs in a virtual machine, VM/370's
*      version X'FF'; AREA is not dumped): a store ----------------------------
         LCTL  9,11,CRSAW
         LA    11,C20
         STOSM DUMMY,X'40'
T20      STIDP AREA
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C20      LPSW  DONE
*
*  PGMH: record the program old PSW, X'8C' and X'96'-X'9B'; resume at R11.
PGMH     MVC   0(8,10),X'28'
         MVC   8(4,10),X'8C'
         MVC   12(6,10),X'96'
         XC    18(6,10),18(10)
         XC    X'96'(6),X'96'
         LA    10,24(,10)
         ST    11,RESUME+4
         LPSW  RESUME
*  NONE: record the marker for "no interruption" in a slot of its own.
NONE     MVC   0(4,10),=C'NONE'
         XC    4(20,10),4(10)
         LA    10,24(,10)
         BR    14
*
         DS    0D
DONE     DC    X'000A00000000C0DE'   EC disabled wait
ECPSW    DC    X'00080000',A(EC1)
RESUME   DC    X'00080000',A(0)
PERPSW   DC    X'40080000',A(T17)    EC, PER on
*        CR9 (masks), CR10 (start), CR11 (end)
CRSA     DC    X'20000000',A(AREA),A(AREA+7)
CRSA4    DC    X'20000000',A(AREA+4),A(AREA+7)
CRSAW    DC    X'20000000',A(AREA),A(AREA+15)
CRGR5    DC    X'10000400',A(0),A(0)          R5
CRGR2    DC    X'10002000',A(0),A(0)          R2
CRBR     DC    X'80000000',A(0),A(0)
CRCSW    DC    X'20000000',A(X'40'),A(X'47')
CRLOCK   DC    X'20000000',A(X'3080'),A(X'3083')
NOPCCW   CCW   X'09',DUMMY,X'20',1   write a byte
T10T     STCTL 0,0,AREA+4
DUMMY    DC    X'00'
         LTORG
         ORG   PER3+X'A00'
AREA     DC    4F'0'
         DC    4F'0'
         ORG   PER3+X'C00'
RESULTS  DS    96D
*        The assist's operands (as in assist.asm): the ASCB at X'3000'
*        with its local lock at X'3080', operand 1 at X'3100' holding the
*        ASCB's address, the CPU address at X'31FC', locks held at
*        X'3200', the lock interface table at X'3410' (failure: stop).
         ORG   PER3+X'3080'
         DC    F'0',F'0'             the local lock, its suspend queue
         ORG   PER3+X'3100'
         DC    A(X'3000')
         ORG   PER3+X'31FC'
         DC    F'64'                 the logical CPU address
         DC    F'0'                  locks held
         DC    A(X'3410')            the LIT
         ORG   PER3+X'3400'
         DC    4A(LOCKFAIL)
LOCKFAIL DC    X'0000'               (not reached: operation exception)
         END
