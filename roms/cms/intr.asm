***********************************************************************
*  INTR: the other interruptions (DMSITP, DMSITS, DMSITE).            *
***********************************************************************
*
***********************************************************************
*  PGMINT: a program check.  In a user program (loaded at X'20000'   *
*  or above, see LOAD) CMS says what and where and goes back to its   *
*  command loop: the program is abandoned, CMS lives on.  In CMS      *
*  itself it says so and stops with a disabled wait - CP will tell    *
*  the user, who can IPL again.                                       *
***********************************************************************
PGMINT   L     R12,CODEADDR
         L     R1,PGMOPSW+4        where?
         LA    R1,0(R1)
         C     R1,=A(LDORG)
         BL    PGM10
         L     R15,=A(ABEND)       a user program's: DMSITP141T
         BR    R15
PGM10    L     R15,=A(ABSYS)       CMS's own: DMSITP143T and stop
         BR    R15
*
***********************************************************************
*  SVCINT: SVC 202 is CMS's (see SVC202); any other: say so and go on *
*  after it.                                                          *
***********************************************************************
SVCINT   STM   R0,R15,SVCREGS      (the program's registers)
         L     R12,CODEADDR
         CLC   SVCOPSW+2(2),=H'202'   SVC 202: a CMS function or
         BNE   SVC10                    command (DMSSVT)
         L     R15,=A(DMSSVT)
         BR    R15
SVC10    DS    0H
         MVC   LINE(L'SVCMSG),SVCMSG
         LH    R0,SVCOPSW+2        the SVC number
         LA    R2,LINE+SVCNUM
         LA    R3,2
         BAL   R14,HEXOUT
         LA    R2,LINE
         LA    R3,L'SVCMSG
         L     R13,STKBASE
         CALL  WRTERM
         LM    R0,R15,SVCREGS
         LPSW  SVCOPSW
SVCMSG   DC    C'DMSITS136S SVC xx IS NOT SUPPORTED'
SVCNUM   EQU   15
*
*  EXTINT: nothing external is expected: resume.
EXTINT   LPSW  EXTOPSW
*
***********************************************************************
*  HEXOUT: the low R3 hex digits of R0 at R2.  Uses R0-R3.            *
***********************************************************************
HEXOUT   AR    R2,R3
HEX10    BCTR  R2,0
         LR    R1,R0
         N     R1,=F'15'
         IC    R1,HEXDIGS(R1)
         STC   R1,0(R2)
         SRL   R0,4
         BCT   R3,HEX10
         BR    R14
HEXDIGS  DC    C'0123456789ABCDEF'
