*  SVC -- supervisor calls in BC mode: the SVC old PSW (X'20') holds the SVC
*  number in bits 16-31 and the ILC in bits 32-33 (1, or 2 under EXECUTE).
*  A little supervisor: the program drops to the problem state and asks for
*  services by SVC; SVC 255 returns it to the supervisor state.
*
*  SVCH records each SVC old PSW at R10, doubles R1 for SVC 1, and returns
*  with LPSW X'20' (back to the caller's state), except for SVC 255, which
*  resumes the caller in the supervisor state at the next instruction.
*
*  DUMP 800.60
SVC      START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   SVC+X'60'
         DC    X'00000000',A(SVCH)   SVC new PSW: BC, disabled, key 0
         DC    X'0002000000000068'   program new PSW: stop if anything goes wrong
         ORG   SVC+X'200'
BEGIN    BALR  12,0
         USING *,12
         LA    10,RESULTS
         SVC   0                     from the supervisor state: ILC 1
         LA    1,21
         SVC   1                     R1 doubled: 42
         ST    1,R1SAVE
         LA    2,7
         EX    2,EXSVC               SVC 7 under EXECUTE: ILC 2
* ---- into the problem state (key 8) and back by SVC 255 --------------------
         LPSW  PROBLEM
PROB     SVC   2                     old PSW shows the problem state and key 8
         SVC   255                   back to the supervisor state
         LPSW  DONE                  privileged: works only if SVC 255 did
*
SVCH     MVC   0(8,10),X'20'
         LA    10,8(,10)
         CLI   X'23',1               the SVC number (old PSW bits 24-31)
         BNE   SVCH2
         AR    1,1                   SVC 1: double R1
SVCH2    CLI   X'23',255
         BE    SVCH3
         LPSW  X'20'                 return to the caller as it was
SVCH3    MVC   RESUME+5(3),X'25'     SVC 255: same address, supervisor state
         LPSW  RESUME
*
         DS    0D
DONE     DC    X'000200000000C0DE'   disabled wait
PROBLEM  DC    X'00810000',A(PROB)   BC, key 8, problem state
RESUME   DC    X'0000000000000000'   BC, key 0, supervisor; address filled in
EXSVC    SVC   0
R1SAVE   DC    F'0'
         ORG   SVC+X'800'
RESULTS  DS    12D
         END
