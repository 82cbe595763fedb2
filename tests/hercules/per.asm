*  PER -- program-event recording (EC mode, PSW bit 1; CR9 event masks and
*  general-register masks, CR10/CR11 the monitored area).
*
*  A PER event ends the instruction with a program interruption whose code has
*  bit X'0080' (alone, or with the code of another condition); the PER code is
*  at X'96' (bit 0 branch, 1 instruction fetch, 2 storage alteration, 3 GR
*  alteration) and the PER address (the instruction, or the EXECUTE of a
*  target) at X'98'.
*
*  Each case loads CR9-CR11, turns PER on with STOSM, runs the instruction(s)
*  under test, and turns PER off with STNSM (which is outside every monitored
*  area and alters neither a monitored register nor a monitored byte). R11 says
*  where to go on: PGMH records the program old PSW (X'28'), the word at X'8C'
*  and the six bytes at X'96' in a 24-byte slot at R10, clears X'96'-X'9B',
*  and resumes at R11 with PER off. A case that must not interrupt records
*  'NONE'.
*
*  Cases: a taken branch; BC not taken and BALR 14,0 (no event); instruction
*  fetch of an LA in the area; the target of EXECUTE in the area (PER address:
*  the EXECUTE); ST into the area, MVC overlapping its first byte, ST beside
*  it (no event); a wrapped area (start > end); GR alteration by LR 5,5 (same
*  value) with R5 monitored, LR 6,6 with R6 not monitored, LM 4,6; fetch event
*  with an operation exception (X'0081'); AR with fixed-point overflow and GR
*  alteration (X'0088'); MONITOR CALL with a fetch event (X'00C0'); SVC with a
*  fetch event (the SVC interruption first, then PER with the SVC new PSW as
*  old PSW); LPSW with a fetch event (old PSW: the PSW it loaded); BALR with
*  every event (branch, fetch, GR). Every case fills 24-byte slots (NONE too),
*  so that a difference stays in its own slot.
*
*  DUMP C00.200
PER      START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   PER+X'60'
         DC    X'00080000',A(SVCH)   SVC new PSW: EC, PER off
         DC    X'00080000',A(PGMH)   program new PSW: EC, PER off
         ORG   PER+X'200'
BEGIN    BALR  12,0
         USING *,12
         LA    10,RESULTS
         LCTL  0,0,=X'00000000'      no external interruptions
         LPSW  ECPSW
EC1      DS    0H
* ---- 1: successful branching: B is an event (X'80') --------------------------
         LCTL  9,11,CRBR
         LA    11,C1
         STOSM DUMMY,X'40'
T1       B     T1B                   code 0080, PER address T1, old PSW T1B
T1B      STNSM DUMMY,X'BF'
         BAL   14,NONE
C1       DS    0H
* ---- 2: BC not taken, BALR 14,0: no branch, no event ------------------------
         LA    11,C2
         STOSM DUMMY,X'40'
T2       BC    0,C2
         BALR  14,0
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C2       DS    0H
* ---- 3: instruction fetch in the area: LA at T3 ----------------------------
         LCTL  9,11,CRIF3
         LA    11,C3
         STOSM DUMMY,X'40'
T3       LA    1,5                   code 0080 after LA completes
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C3       ST    1,0(,10)              5: LA was completed
         LA    10,4(,10)
* ---- 4: the target of EXECUTE in the area: the PER address is the EX ------------
         LCTL  9,11,CRIF4
         LA    11,C4
         STOSM DUMMY,X'40'
T4       EX    0,T4T
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C4       ST    2,0(,10)              7: the target was executed
         LA    10,4(,10)
* ---- 5: storage alteration: ST into FIELD ----------------------------------
         LCTL  9,11,CRSA
         LA    11,C5
         STOSM DUMMY,X'40'
T5       ST    1,FIELD
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C5       DS    0H
* ---- 6: MVC whose last byte is the first byte of the area -------------------
         LA    11,C6
         STOSM DUMMY,X'40'
T6       MVC   FIELD-3(4),=C'ABCD'
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C6       DS    0H
* ---- 7: ST just beside the area: no event -----------------------------------
         LA    11,C7
         STOSM DUMMY,X'40'
T7       ST    1,FIELD+4
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C7       DS    0H
* ---- 8: a wrapped area (FFFF00 up to 0FFF): a store at FIELD2 ------------------
         LCTL  9,11,CRWRAP
         LA    11,C8
         STOSM DUMMY,X'40'
T8       ST    1,FIELD2
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C8       DS    0H
* ---- 9: GR alteration: LR 5,5 alters R5 (monitored) even with the same value ------
         LCTL  9,11,CRGR
         LA    11,C9
         STOSM DUMMY,X'40'
T9       LR    5,5
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C9       DS    0H
* ---- 10: LR 6,6: R6 is not monitored --------------------------------------
         LA    11,C10
         STOSM DUMMY,X'40'
T10      LR    6,6
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C10      DS    0H
* ---- 11: LM 4,6 includes R5 ------------------------------------------------
         LA    11,C11
         STOSM DUMMY,X'40'
T11      LM    4,6,THREE
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C11      DS    0H
* ---- 12: fetch event and an operation exception: X'0081' -------------------
         LCTL  9,11,CRIF12
         LA    11,C12
         STOSM DUMMY,X'40'
T12      DC    X'0000'
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C12      DS    0H
* ---- 13: AR overflowing with the mask on, R5 monitored: X'0088' -------------
         LCTL  9,11,CRGRIF13
         L     5,=X'7FFFFFFF'
         L     1,=X'08000000'
         SPM   1                     fixed-point overflow mask
         LA    11,C13
         STOSM DUMMY,X'40'
T13      AR    5,5
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C13      SR    1,1
         SPM   1
* ---- 14: MONITOR CALL (class 3 enabled) with a fetch event: X'00C0' ------------
         LCTL  8,8,=X'00001000'      CR8 bit 19: class 3
         LCTL  9,11,CRIF14
         LA    11,C14
         STOSM DUMMY,X'40'
T14      MC    X'123',3
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C14      LCTL  8,8,=X'00000000'
* ---- 15: LPSW with a fetch event: the old PSW is the PSW it loaded ------------
         LCTL  9,11,CRIF16
         LA    11,C16
         STOSM DUMMY,X'40'
T16      LPSW  NOPER                 EC, PER off, at C16X
C16X     BAL   14,NONE
C16      DS    0H
* ---- 16: BALR 14,15 with every event on ------------------------------------
         LCTL  9,11,CRALL17
         LA    15,C17X
         LA    11,C17
         STOSM DUMMY,X'40'
T17      BALR  14,15
C17X     STNSM DUMMY,X'BF'
         BAL   14,NONE
C17      DS    0H
* ---- 17: SVC with a fetch event: SVC interruption, then PER -----------------
         LCTL  9,11,CRIF17S
         LA    11,C17S
         STOSM DUMMY,X'40'
T17S     SVC   7
         STNSM DUMMY,X'BF'
         BAL   14,NONE
C17S     MVC   0(8,10),X'20'         the SVC old PSW
         MVC   8(4,10),X'88'
         LA    10,12(,10)
         LPSW  DONE
*
*  PGMH: record the program old PSW, the ILC/code word and the PER code and
*  address; clear them; resume at R11 with PER off.
PGMH     MVC   0(8,10),X'28'
         MVC   8(4,10),X'8C'
         MVC   12(6,10),X'96'
         XC    18(6,10),18(10)
         XC    X'96'(6),X'96'
         LA    10,24(,10)
         ST    11,RESUME+4
         LPSW  RESUME
*  SVCH: the SVC handler, which the POO has run only after the program
*  interruption for PER (whose old PSW is the SVC new PSW, so PGMH resumes at
*  R11 and SVCH never runs). It records its old PSW and X'88' in a slot.
SVCH     MVC   0(8,10),X'20'
         MVC   8(4,10),X'88'
         MVC   12(4,10),=C'SVCH'
         XC    16(8,10),16(10)
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
FAIL     DC    X'000A000000000BAD'
ECPSW    DC    X'00080000',A(EC1)
RESUME   DC    X'00080000',A(0)
NOPER    DC    X'00080000',A(C16X)
*        CR9 (masks), CR10 (start), CR11 (end)
CRBR     DC    X'80000000',A(0),A(0)
CRIF3    DC    X'40000000',A(T3),A(T3)
CRIF4    DC    X'40000000',A(T4T),A(T4T)
CRSA     DC    X'20000000',A(FIELD),A(FIELD+3)
CRWRAP   DC    X'20000000',A(X'FFFF00'),A(X'000FFF')
CRGR     DC    X'10000400',A(0),A(0)          R5
CRIF12   DC    X'40000000',A(T12),A(T12+1)
CRGRIF13 DC    X'50000400',A(T13),A(T13)
CRIF14   DC    X'40000000',A(T14),A(T14)
CRIF17S  DC    X'40000000',A(T17S),A(T17S)
CRIF16   DC    X'40000000',A(T16),A(T16)
CRALL17  DC    X'F0000002',A(T17),A(T17)      R14
T4T      LA    2,7
THREE    DC    F'4',F'5',F'6'
DUMMY    DC    X'00'
         LTORG
         ORG   PER+X'A00'
FIELD    DC    F'0'
         DC    F'0'
FIELD2   DC    F'0'
         ORG   PER+X'C00'
RESULTS  DS    64D
         END
