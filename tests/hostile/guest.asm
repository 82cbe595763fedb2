***********************************************************************
*  GUEST: what every hostile guest program shares (COPY GUEST at the  *
*  top of each).  Not a program of its own.                           *
*                                                                     *
*  The programs run in a CMS virtual machine that tests/hostile.rs    *
*  has stopped: it plants the program with CP's STORE command and     *
*  points the virtual PSW at it (STORE PSW 00000000 00008000).  So    *
*  the program runs with every interruption masked off and believes   *
*  it is in supervisor state; every SIO, TIO, SSM, LPSW and DIAGNOSE  *
*  it issues is trapped by CP and emulated.                           *
*                                                                     *
*  Each program ends with a disabled wait whose code (the last half-  *
*  word of the PSW) is its verdict; CP types it on the terminal as    *
*  "CP ENTERED; DISABLED WAIT PSW '00020000 0000xxxx'":               *
*     X'600D'   good: CP contained the attack                         *
*     X'BADn'   bad: the attack got through (n says which step)       *
*     X'0Exx'   the program could not set itself up (not an attack    *
*               outcome: the harness reports it as a broken test)     *
*                                                                     *
*  Storage map of the virtual machine (256K unless a test says so):   *
*     0-1FFF    CMS (left alone, but page 0 is the PSWs and CSW)      *
*     8000-     the program                                           *
*     20000-    buffers (BUF1, BUF2, BUF3: 8K each)                    *
***********************************************************************
R0       EQU   0
R1       EQU   1
R2       EQU   2
R3       EQU   3
R4       EQU   4
R5       EQU   5
R6       EQU   6
R7       EQU   7
R8       EQU   8
R9       EQU   9
R10      EQU   10
R11      EQU   11
R12      EQU   12
R13      EQU   13
R14      EQU   14
R15      EQU   15
*  The buffers lie outside the program's image (the harness looks
*  there for data the guest must not have).  They are out of reach of
*  a base register: instructions get their addresses with L Rn,=A(..).
BUF1     EQU   X'20000'
BUF2     EQU   X'22000'
BUF3     EQU   X'24000'
