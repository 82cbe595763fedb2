*  PGMEC -- interruptions in EC mode: program interruptions store their
*  ILC and code at X'8C' (ILC in bits 5-6 of X'8D', code at X'8E'), SVC at
*  X'88', monitor events the class at X'94' and the code at X'9C'.
*
*  PGMH (program new PSW) records the program old PSW (X'28') and the word
*  at X'8C' at R10 and resumes at R11. SVCH (SVC new PSW) records the SVC old
*  PSW (X'20') and the word at X'88', and returns with LPSW X'20'.
*  Cases: operation, privileged operation (problem state), special operation
*  (SSM with CR0 bit 1), invalid EC PSW (specification, early), SVC and EX of
*  SVC, monitor call (enabled class, disabled class, bad class), fixed-point
*  overflow with the EC program mask.
*
*  DUMP 800.100
PGMEC    START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   PGMEC+X'60'
         DC    X'00080000',A(SVCH)   SVC new PSW: EC, disabled, key 0
         DC    X'00080000',A(PGMH)   program new PSW: EC, disabled, key 0
         ORG   PGMEC+X'200'
BEGIN    BALR  12,0
         USING *,12
         LA    10,RESULTS
         LCTL  0,0,=X'00000000'      CR0: no external subclasses, SSM allowed
         LPSW  ECPSW                 into the EC mode at EC1
EC1      DS    0H
* ---- operation: ILC 1 -> X'8C' = 00020001 ------------------------------------
         LA    11,C1
         DC    X'0000'
C1       DS    0H
* ---- privileged operation from the problem state --------------------------
         LA    11,C2
         LPSW  PROBLEM
P2       SSM   ZERO                  code 2, ILC 2
C2       DS    0H
* ---- special operation: SSM with CR0 bit 1 (SSM suppression) ----------------
         LCTL  0,0,=X'40000000'
         LA    11,C3
         SSM   ZERO                  code X'13', ILC 2
C3       LCTL  0,0,=X'00000000'
* ---- early specification: LPSW of an EC PSW with bit 24 set -----------------
         LA    11,C4
         LPSW  BADPSW                code 6; the old PSW is the bad PSW
C4       DS    0H
* ---- SVC: ILC 1 -> X'88' = 0002000C; EX of SVC: ILC 2 -------------------------
         SVC   12
         LA    1,X'34'
         EX    1,EXSVC               SVC X'34' under EX: 00040034
* ---- MONITOR CALL: CR8 enables class 7 only ---------------------------------
         LCTL  8,8,=X'00000100'      bit 23 = class 7
         MVC   X'94'(2),=X'FFFF'     the interruption must store X'0007' here
         LA    11,C5
         MC    X'123',7              code X'40', class 7, monitor code 123
C5       XC    0(4,10),0(10)
         MVC   0(2,10),X'94'         0007 (class, with zeros at X'94')
         MVC   4(4,10),X'9C'         00000123
         LA    10,8(,10)
         MC    X'456',5              class 5 disabled: nothing happens
         LA    11,C6
         EX    0,BADMC               MC with I2 = X'17': specification, ILC 2
C6       DS    0H
* ---- fixed-point overflow with the EC program mask (PSW bit 20) -------------
         L     1,=X'08000000'
         SPM   1
         LA    11,C7
         L     1,=X'7FFFFFFF'
         AH    1,=H'1'               code 8, ILC 2
C7       SR    1,1
         SPM   1
         LPSW  DONE
*
*  PGMH: record the program old PSW and the ILC/code word; resume at R11.
PGMH     MVC   0(8,10),X'28'
         MVC   8(4,10),X'8C'
         LA    10,12(,10)
         BR    11
*  SVCH: record the SVC old PSW and the ILC/code word; return.
SVCH     MVC   0(8,10),X'20'
         MVC   8(4,10),X'88'
         LA    10,12(,10)
         LPSW  X'20'
*
         DS    0D
DONE     DC    X'000A00000000C0DE'   EC disabled wait
ECPSW    DC    X'00080000',A(EC1)    EC, key 0, supervisor, disabled
PROBLEM  DC    X'00090000',A(P2)     EC, key 0, problem state
BADPSW   DC    X'00080080',A(C4)     EC with bit 24 (must be zero) set
ZERO     DC    X'00'
EXSVC    SVC   0
BADMC    MC    X'456',X'17'
         LTORG
         ORG   PGMEC+X'800'
RESULTS  DS    32D
         END
