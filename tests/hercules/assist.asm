*  ASSIST -- the MVS assists E502-E50D (privileged; no mnemonics, so they are
*  written as DC). Operand 1 (X'3100') holds the ASCB address (X'3000'), the
*  local lock is ASCB+X'80' and its suspend queue ASCB+X'84'; operand 2 is
*  the locks-held word at X'3200', with the logical CPU address (X'40') at
*  X'31FC' and the lock interface table address (X'3410') at X'3204'; the
*  LIT's last four words (X'3400'-X'340F') hold the failure routines for
*  obtain local, release local, obtain CMS, release CMS. The CMS lock is the
*  word at R11 (X'3300'), the word after it its suspend queue.
*
*  Each case stores R12, R13 and the words at X'3080' (local lock), X'3200'
*  (locks held) and X'3300' (CMS lock). A failure routine records R12 and
*  R13 (the return address and the routine address) and goes back by R8.
*  PGMH records the program old PSW and X'8C' and resumes at R11.
*
*  Cases: obtain local (free: obtained), obtain local (held: the routine),
*  release local (released), release local (not held: the routine), obtain
*  local again, obtain CMS (obtained), obtain CMS (held: routine), release
*  CMS (released), release CMS (not held: routine), release local with a
*  suspend queue (routine), E502 and E503 (nothing), E508-E50D (nothing),
*  E504 and E50A with an odd word (specification), E502 and E504 in the
*  problem state (privileged operation).
*
*  DUMP 8000.200
ASSIST   START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   ASSIST+X'60'
         DC    X'00080000',A(SVCH)   SVC new PSW: EC
         DC    X'00080000',A(PGMH)   program new PSW: EC
         ORG   ASSIST+X'200'
BEGIN    BALR  4,0
         USING *,4                   (R12 and R13 belong to the assists)
         LM    5,11,=7F'0'
         SR    12,12
         L     13,=X'EEEEEEEE'
         L     10,=A(RESULTS)
         L     9,=A(X'3000')         base of the operands
         LA    11,X'300'(,9)         the CMS lock, X'3300'
         LPSW  ECPSW
EC1      DS    0H
         LA    8,A1
         DC    X'E50491009200'       obtain local: free
A1       BAL   7,REC
         LA    8,A2
         DC    X'E50491009200'       obtain local: held
A2       BAL   7,REC
         LA    8,A3
         DC    X'E50591009200'       release local
A3       BAL   7,REC
         LA    8,A4
         DC    X'E50591009200'       release local: not held
A4       BAL   7,REC
         LA    8,A5
         DC    X'E50491009200'       obtain local again
A5       BAL   7,REC
         LA    8,A6
         DC    X'E50691009200'       obtain CMS
A6       BAL   7,REC
         LA    8,A7
         DC    X'E50691009200'       obtain CMS: held
A7       BAL   7,REC
         LA    8,A8
         DC    X'E50791009200'       release CMS
A8       BAL   7,REC
         LA    8,A9
         DC    X'E50791009200'       release CMS: not held
A9       BAL   7,REC
         MVC   X'84'(4,9),=F'1'      something on the suspend queue
         LA    8,A10
         DC    X'E50591009200'       release local: suspend queue
A10      BAL   7,REC
         XC    X'84'(4,9),X'84'(9)
         L     1,=X'1C000000'        cc 1, program mask C: must survive
         SPM   1
         DC    X'E50291009200'       page fix: nothing
         DC    X'E50391019201'       SVC assist: nothing, even odd words
         DC    X'E50891009200'       the traces: nothing
         DC    X'E50991009200'
         DC    X'E50A91009200'
         DC    X'E50B91009200'
         DC    X'E50C91009200'
         DC    X'E50D91009200'
         IPM   2
         ST    2,0(,10)
         LA    10,4(,10)
         LR    5,11
         LA    11,A11
         DC    X'E50491009202'       specification
A11      LA    11,A12
         DC    X'E50A91019200'       specification
A12      LA    11,A13
         LPSW  PROB                  E502 in the problem state
A13      LR    11,5
         LPSW  DONE
*
*  REC: R12, R13, the local lock, the locks-held word, the CMS lock.
REC      STM   12,13,0(10)
         MVC   8(4,10),X'80'(9)
         MVC   12(4,10),X'200'(9)
         MVC   16(4,10),X'300'(9)
         LA    10,20(,10)
         SR    12,12
         L     13,=X'EEEEEEEE'
         BR    7
*  The failure routines: R12 and R13 as the assist left them.
FAIL     STM   12,13,0(10)
         LA    10,8(,10)
         BR    8
*  The problem state: E502, then SVC.
P1       DC    X'E50291009200'
         SVC   1
PGMH     MVC   0(8,10),X'28'
         MVC   8(4,10),X'8C'
         LA    10,12(,10)
         BR    11
SVCH     MVC   0(8,10),X'20'
         MVC   8(4,10),X'88'
         LA    10,12(,10)
         BR    11
         DS    0D
DONE     DC    X'000A00000000C0DE'
ECPSW    DC    X'00080000',A(EC1)
PROB     DC    X'00090000',A(P1)
         LTORG
         ORG   ASSIST+X'3000'        the ASCB
         DS    XL128
         DC    F'0'                  X'3080': the local lock
         DC    F'0'                  X'3084': its suspend queue
         ORG   ASSIST+X'3100'
         DC    A(X'3000')            operand 1: the ASCB address
         ORG   ASSIST+X'31FC'
         DC    F'64'                 the logical CPU address
         DC    F'0'                  X'3200': locks held
         DC    A(X'3410')            X'3204': the LIT address
         ORG   ASSIST+X'3300'
         DC    F'0',F'0'             the CMS lock and its suspend queue
         ORG   ASSIST+X'3400'        the LIT's failure routines
         DC    A(FAIL),A(FAIL),A(FAIL),A(FAIL)
         ORG   ASSIST+X'8000'
RESULTS  DS    0D
         END
