*  PER2 -- PER edge cases: when an instruction alters a register or storage.
*
*  As in per.asm: each case loads CR9-CR11, turns PER on with STOSM, runs
*  the instruction and turns PER off with STNSM. PGMH records the program
*  old PSW, X'8C' and X'96'-X'9B' in a 24-byte slot and resumes at R11 with
*  PER off; a case without an interruption records 'NONE'.
*
*  Cases: EDMK that places in R1 the address R1 already holds (R1
*  monitored: a GR event, the value does not matter), EDMK that places no
*  address (no event); CS and CDS with an unequal comparison (store access
*  checked, nothing stored: no storage-alteration event) and CS with an
*  equal one (event); STCM with a zero mask (no event); MVCL moving 2K and
*  then meeting an addressing exception in its source: with the monitored
*  area over the second 2K of the destination, which is never stored (no
*  event, code 0005), and over the first 2K (event, code 0085); MVCL whose
*  monitored byte lies inside a unit (event).
*
*  DUMP 800.200
*  DUMP 40000.10
*  DUMP 40800.10
PER2     START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   PER2+X'68'
         DC    X'00080000',A(PGMH)   program new PSW: EC, PER off
         ORG   PER2+X'200'
BEGIN    BALR  12,0
         USING *,12
         LA    10,RESULTS
         LCTL  0,0,=X'00000000'
         LPSW  ECPSW
EC1      DS    0H
* ---- 1: EDMK puts back the address R1 holds: GR event (R1 monitored) ----
         LCTL  9,11,CRGR1
         MVC   WORK,PAT
         LA    1,WORK+4              where significance starts
         LA    11,C1
         STOSM DUMMY,X'40'
         EDMK  WORK,SRC1             0001 2C: R1 := WORK+4 (the same)
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C1       ST    1,0(,10)
         LA    10,4(,10)
* ---- 2: EDMK of zeros places no address: no event ---------------------------
         MVC   WORK,PAT
         LA    11,C2
         STOSM DUMMY,X'40'
         EDMK  WORK,SRC0
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C2       DS    0H
* ---- 3: CS unequal: no storage alteration ----------------------------------
         LCTL  9,11,CRSA
         SR    2,2                   FIELD holds 1: unequal
         LA    3,7
         LA    11,C3
         STOSM DUMMY,X'40'
         CS    2,3,FIELD
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C3       ST    2,0(,10)              1: loaded from FIELD
         LA    10,4(,10)
* ---- 4: CS equal: storage alteration ------------------------------------------
         LA    11,C4
         STOSM DUMMY,X'40'
         CS    2,3,FIELD             FIELD := 7
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C4       DS    0H
* ---- 5: CDS unequal: no storage alteration -----------------------------------
         SR    4,4
         SR    5,5
         LA    11,C5
         STOSM DUMMY,X'40'
         CDS   4,6,FIELD
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C5       STM   4,5,0(10)             7, 2
         LA    10,8(,10)
* ---- 6: STCM with a zero mask: no storage alteration ---------------------------
         LA    11,C6
         STOSM DUMMY,X'40'
         STCM  2,0,FIELD
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C6       DS    0H
* ---- 7: MVCL: 2K moved, then addressing; area over the destination's ------
*      second 2K, never stored: no event
         L     2,=A(X'1FF800')
         MVC   0(8,2),=C'ABCDEFGH'
         LCTL  9,11,CRMV2
         LM    4,7,MVCLREGS
         LA    11,C7
         STOSM DUMMY,X'40'
         MVCL  4,6
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C7       STM   4,7,0(10)
         LA    10,16(,10)
* ---- 8: the same, area over the first 2K: event with the exception -----------
         LCTL  9,11,CRMV1
         LM    4,7,MVCLREGS
         LA    11,C8
         STOSM DUMMY,X'40'
         MVCL  4,6
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C8       DS    0H
* ---- 9: MVCL of 256 bytes whose monitored byte is the 129th ------------------
         LCTL  9,11,CRMV3
         LM    4,7,MVCLREG3
         LA    11,C9
         STOSM DUMMY,X'40'
         MVCL  4,6
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C9       LPSW  DONE
*
*  PGMH: record the program old PSW, X'8C' and X'96'-X'9B'; clear them;
*  resume at R11 with PER off.
PGMH     MVC   0(8,10),X'28'
         MVC   8(4,10),X'8C'
         MVC   12(6,10),X'96'
         XC    18(6,10),18(10)
         XC    X'96'(6),X'96'
         LA    10,24(,10)
         ST    11,RESUME+4
         LPSW  RESUME
*  NONE: the marker for "no interruption".
NONE     MVC   0(4,10),=C'NONE'
         XC    4(20,10),4(10)
         LA    10,24(,10)
         BR    14
*
         DS    0D
DONE     DC    X'000A00000000C0DE'   EC disabled wait
ECPSW    DC    X'00080000',A(EC1)
RESUME   DC    X'00080000',A(0)
*        CR9 (masks), CR10 (start), CR11 (end)
CRGR1    DC    X'10004000',A(0),A(0)           GR event, R1
CRSA     DC    X'20000000',A(FIELD),A(FIELD+7)
CRMV2    DC    X'20000000',A(X'40800'),A(X'40FFF')
CRMV1    DC    X'20000000',A(X'40000'),A(X'407FF')
CRMV3    DC    X'20000000',A(X'41080'),A(X'41080')
MVCLREGS DC    A(X'40000'),A(X'1000'),A(X'1FF800'),A(X'1000')
MVCLREG3 DC    A(X'41000'),A(X'100'),A(X'41000'),A(X'100')
PAT      DC    X'4020202020'
SRC1     DC    X'00012C'
SRC0     DC    X'00000C'
DUMMY    DC    X'00'
         DS    0D
FIELD    DC    F'1',F'2'
WORK     DS    XL5
         LTORG
         ORG   PER2+X'800'
RESULTS  DS    0D
         END
