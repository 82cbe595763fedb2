***********************************************************************
*  NUCON: CMS's low storage (DMSNUC).                                 *
*                                                                     *
*  Under CP this is the virtual machine's own page 0: CP stores old   *
*  PSWs here and takes new ones from here, exactly where a real S/370 *
*  would.  The PSWs are in BC (basic control) mode:                   *
*                                                                     *
*     0-5     6     7   | 8-11 12 13 14 15 | 16-31 | 32-33 34-35 36-39*
*   chan 0-5 ch 6+ ext  |  key  0  M  W  P |  code |  ILC   CC   mask *
*   bits 40-63: the instruction address.                              *
*                                                                     *
*  Everything here is addressed with base register 0 (USING NUCON,0): *
*  every routine of CMS can reach these fields whatever its own base  *
*  register is.                                                       *
***********************************************************************
NUCON    DS    0D
IPLPSW   DC    X'00000000',A(CMSINIT)  X'00' IPL: disabled, key 0
         DS    D                   X'08'
         DS    D                   X'10'
EXTOPSW  DS    D                   X'18' external old PSW
SVCOPSW  DS    D                   X'20' SVC old PSW
PGMOPSW  DS    D                   X'28' program old PSW
MCKOPSW  DS    D                   X'30' machine-check old PSW
IOOPSW   DS    D                   X'38' I/O old PSW
CSW      DS    D                   X'40' channel status word
CAW      DS    F                   X'48' channel address word
         DS    F                   X'4C'
         DS    D                   X'50'
EXTNPSW  DC    X'00000000',A(EXTINT)   X'58' external new PSW
SVCNPSW  DC    X'00000000',A(SVCINT)   X'60' SVC new PSW
PGMNPSW  DC    X'00000000',A(PGMINT)   X'68' program new PSW
MCKNPSW  DC    X'00020000',A(X'0000DEAD')  X'70' machine check: stop
IONPSW   DC    X'00000000',A(IOINT)    X'78' I/O new PSW
*
*  CMS's fields.
         ORG   NUCON+X'200'
CODEADDR DC    A(CMSCODE)          for the base register
FRMLEN   DC    H'64'               a frame of the register stack
         DS    0D                  (LPSW needs a doubleword)
WAITPSW  DC    X'FE020000',A(0)    wait, every channel enabled
DEADPSW  DC    X'00020000',A(0)    disabled wait (code in the address)
         DS    0D
TIME0    DS    XL32                DIAGNOSE X'0C' when a command began
TIME1    DS    XL32                ... and when it ended
VMSIZE   DS    F                   virtual storage (DIAGNOSE X'60')
RC       DS    F                   the command's return code
INLEN    DS    F                   length of the line read
IODEV    DS    H                   the device DOIO waits for
CMSFLAGS DS    X                   CMS's state
CMSFIRST EQU   X'80'                 no command run yet: the disks
*                                    are not accessed
CMSNOCP  EQU   X'40'                 IMPCP off: no implied CP
CMSNOEX  EQU   X'20'                 IMPEX off: no implied EXEC
CMSRDYS  EQU   X'10'                 SET RDYMSG SMSG: "R;" alone
         DS    X
INBUF    DS    CL130               the line read
         DS    CL2
LINE     DS    CL132               a line being built (LINE.asm)
LINEPTR  DS    A                   where the next character of it goes
SVCREGS  DS    16F                 a program's registers at its SVC
         DS    0D
SVCPSW   DS    D                   ... and the PSW it goes back with
USERSTK  DC    A(0)                CMS's register stack from here on
*                                    while a user program runs (0:
*                                    none runs; see RUNPROG)
STKBACK  DC    H'88'               RUNPROG's stack entry (see there)
LDNEXT   DC    A(0)                LOAD: the end of what it loaded
LDENTRY  DC    A(0)                  and its entry point (0: none)
PGMNAME  DC    CL8' '              the program running (DMSITP141T)
FREELIST DS    A                   free storage: the first free block
STKBASE  DS    A                   the register stack's first frame
DISKTIME DS    XL8                 MM/DD/YY of the last date asked for
*
         ORG   NUCON+X'1000'
CMSCODE  DS    0H                  the code starts on page 1
