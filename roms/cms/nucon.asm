***********************************************************************
*  NUCON: CMS's low storage.                                          *
*                                                                     *
*  Under CP this is the virtual machine's own page 0: CP stores old   *
*  PSWs here and takes new ones from here, exactly where a real S/370 *
*  would.  The PSWs are in BC (basic control) mode:                   *
*                                                                     *
*     0-5     6     7   | 8-11 12 13 14 15 | 16-31 | 32-33 34-35 36-39*
*   chan 0-5 ch 6+ ext  |  key  0  M  W  P |  code |  ILC   CC   mask *
*   bits 40-63: the instruction address.                              *
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
         DS    0D                  (LPSW needs a doubleword)
WAITPSW  DC    X'80020000',A(0)    wait, channel 0 enabled
DEADPSW  DC    X'00020000',A(0)    disabled wait (code in the address)
         DS    0D
TIME0    DS    XL32                DIAGNOSE X'0C' when a command began
TIME1    DS    XL32                ... and when it ended
RC       DS    F                   the command's return code
INLEN    DS    F                   length of the line read
INBUF    DS    CL130               the line read
LINE     DS    CL132               a line being built
SVCREGS  DS    16F                 registers while an SVC is refused
*
         ORG   NUCON+X'1000'
CMSCODE  DS    0H                  the code starts on page 1
