         TITLE 'CMS - THE CONVERSATIONAL MONITOR SYSTEM'
***********************************************************************
*                                                                     *
*  CMS: a single-user operating system for one virtual machine.       *
*                                                                     *
*  CMS was written for a machine of its own - and under CP every user *
*  has one.  It does its own I/O with SIO on its console at 009 and   *
*  waits for interruptions with an enabled wait PSW, like any program *
*  on a bare S/370.  It knows nothing of CP except DIAGNOSE: X'08' to *
*  hand a command line to CP, X'0C' for the time of day and the CPU   *
*  time it has used.                                                  *
*                                                                     *
*  The files:                                                         *
*    NUCON    low storage: PSWs, CMS's fields                         *
*    INIT     IPL: the banner                                         *
*    CMDLOOP  read a command, run it, type the ready message          *
*    CONSOLE  typing and reading lines on the console                 *
*    INTR     program checks, SVCs, external interruptions            *
*                                                                     *
*  The macro TYPE (type.asm) types a message line.                    *
*                                                                     *
*  Registers: R12 is the base register for the code; R14 the return  *
*  address.  CMS runs disabled except while it waits for its console. *
*                                                                     *
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
CONSOLE  EQU   X'009'              the console's device address
CMS      START 0
         USING NUCON,0             low storage: base register 0
         USING CMSCODE,R12         the code
         COPY  NUCON
         COPY  INIT
         COPY  CMDLOOP
         COPY  CONSOLE
         COPY  INTR
         LTORG
         END   CMS
