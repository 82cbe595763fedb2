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
*  SVCINT: an SVC.  SVC 202 is how programs ask CMS for things; any   *
*  other is refused with a message.  Both are DMSSVT's (svc.asm),     *
*  which goes on with CMS's register stack where a running program    *
*  left it.                                                           *
***********************************************************************
SVCINT   STM   R0,R15,SVCREGS      (the program's registers)
         L     R12,CODEADDR
         L     R15,=A(DMSSVT)
         BR    R15
*
*  EXTINT: nothing external is expected: resume.
EXTINT   LPSW  EXTOPSW
