*  EXTSIG -- the external interruptions that are no timer: the interrupt
*  key (code X'0040', CR0 bit 25), pressed by the operator at the start, and
*  the emergency signal (X'1201', CR0 bit 17) and external call (X'1202',
*  CR0 bit 18) that SIGP sends to this CPU.
*
*  EXTH (external new PSW, EC mode) records the external old PSW and the
*  word at X'84' (X'84'-X'85' CPU address, X'86'-X'87' code) in a 12-byte
*  slot, sets X'84' to all ones again, and resumes at R11.
*
*  Cases: the interrupt key, waited for in an enabled wait with only CR0
*  bit 25 on; SIGP external call (cc 0), a second one (cc 1, status
*  X'00000080'), SENSE with the call pending (cc 1, X'00000080'), emergency
*  signal (cc 0), start (cc 0), set prefix and store status (cc 1, incorrect
*  state X'00000200'); the external mask on with CR0 bits 17-18 off (nothing
*  taken), then both on: the emergency signal before the external call;
*  SENSE afterwards (cc 0).
*
*  INTERRUPT KEY
*  DUMP 800.100
EXTSIG   START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   EXTSIG+X'58'
         DC    X'00080000',A(EXTH)   external new PSW: EC, disabled
         ORG   EXTSIG+X'68'
         DC    X'000A00000000BAD1'   program new PSW: stop
         ORG   EXTSIG+X'200'
BEGIN    BALR  12,0
         USING *,12
         LA    10,RESULTS
         MVC   X'84'(4),=X'FFFFFFFF'
         LCTL  0,0,=X'00000040'      the interrupt key only
         LA    11,C1
         LPSW  KEYWAIT               enabled wait for the key
C1       LCTL  0,0,=X'00000000'
         LPSW  ECPSW
EC1      SR    3,3                   CPU 0: this one
         L     2,=X'DEADBEEF'
         SIGP  2,3,X'02'             external call: cc 0
         BAL   14,CC
         SIGP  2,3,X'02'             again: cc 1, status 80
         BAL   14,CC
         L     2,=X'DEADBEEF'
         SIGP  2,3,X'01'             sense: cc 1, status 80
         BAL   14,CC
         L     2,=X'DEADBEEF'
         SIGP  2,3,X'03'             emergency signal: cc 0
         BAL   14,CC
         SIGP  2,3,X'04'             start: cc 0
         BAL   14,CC
         SIGP  2,3,X'0D'             set prefix: cc 1, incorrect state
         BAL   14,CC
         L     2,=X'DEADBEEF'
         SIGP  2,3,X'0E'             store status: cc 1, incorrect state
         BAL   14,CC
         LA    11,C2
         STOSM DUMMY,X'01'           external on, CR0 bits 17-18 off
         STNSM DUMMY,X'FE'
C2       LCTL  0,0,=X'00006000'
         LA    11,C3
         STOSM DUMMY,X'01'           emergency signal
C3       LA    11,C4
         STOSM DUMMY,X'01'           external call
C4       STNSM DUMMY,X'FE'
         L     2,=X'DEADBEEF'
         SIGP  2,3,X'01'             sense: cc 0
         BAL   14,CC
         LPSW  DONE
*  CC: the condition code and R2 (status, or DEADBEEF when none was stored).
CC       IPM   15
         SRL   15,28
         STM   15,2,0(10)            R15, R0, R1, R2
         LA    10,16(,10)
         BR    14
*  EXTH: the external old PSW and X'84'; resume at R11, disabled.
EXTH     MVC   0(8,10),X'18'
         MVC   8(4,10),X'84'
         MVC   X'84'(4),=X'FFFFFFFF'
         LA    10,12(,10)
         BR    11
         DS    0D
DONE     DC    X'000A00000000C0DE'   EC disabled wait
KEYWAIT  DC    X'010A0000',A(C1)     EC, external on, wait
ECPSW    DC    X'00080000',A(EC1)
DUMMY    DC    X'00'
         LTORG
         ORG   EXTSIG+X'800'
RESULTS  DS    0D
         END
