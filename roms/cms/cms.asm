         TITLE 'CMS - THE CONVERSATIONAL MONITOR SYSTEM'
***********************************************************************
*                                                                     *
*  CMS: a single-user operating system for one virtual machine.       *
*                                                                     *
*  CMS was written for a machine of its own - and under CP every user *
*  has one.  It does its own I/O with SIO on its console at 009 and   *
*  on its disks, and waits for interruptions with an enabled wait     *
*  PSW, like any program on a bare S/370.  It knows nothing of CP     *
*  except DIAGNOSE: X'08' to hand a command line to CP, X'0C' for the *
*  time of day and the CPU time it has used, X'60' for its storage.   *
*                                                                     *
*  The nucleus, in the order of its storage:                          *
*    NUCON    low storage: PSWs, CMS's fields              (page 0)   *
*    INIT     IPL: storage, the banner                                *
*    CMDLOOP  read a command, run it, type the ready message          *
*    INTR     program checks, SVCs, external interruptions            *
*  then one CSECT each, with its own base register (ENTER):           *
*    CMDEXEC  DMSCMD  run a command line: CP, a command, implied CP   *
*    CMDTAB   DMSTAB  the table of commands                           *
*    SCAN     DMSSCN  a command line into a PLIST                     *
*    CONSOLE  DMSCIO  typing and reading lines                        *
*    DEVIO    DMSIOW  SIO and waiting for the interruption            *
*    DASD     DMSDIO  800-byte blocks of a disk                       *
*    FREE     DMSFRE  free storage                                    *
*    LINE     DMSLIN  building a line to type                         *
*    MSGS     DMSERR  messages, options, numbers                      *
*    ADT      DMSLAD  accessed disks                                  *
*    FST      DMSLFS  finding files                                   *
*    FSREAD   DMSFSR  reading files                                   *
*    FSWRITE  DMSFSW  writing and erasing files                       *
*    COMMIT   DMSALU  blocks; writing a disk's directory              *
*    ACCESS   DMSACC  ACCESS, RELEASE                                 *
*    LISTFILE DMSLST  LISTFILE                                        *
*    TYPEFILE DMSTYP  TYPE, STATE                                     *
*    FORMAT   DMSFOR  FORMAT                                          *
*    RECOMP   DMSFRC  FORMAT (RECOMP: a disk grows or shrinks          *
*    ERASE    DMSERS  ERASE, RENAME                                   *
*    COPYFILE DMSCPY  COPYFILE                                        *
*    QUERY    DMSQRY  QUERY, SET                                      *
*    SVC      DMSSVT  SVC 202: what programs ask CMS for              *
*    LOADER   DMSLDR  LOAD, START: TEXT decks into storage, run them  *
*    MODULE   DMSMOD  GENMOD, running a MODULE, RUNPROG, ABEND        *
*    UNITREC  DMSURC  PUNCH, READCARD, PRINT: the spooled unit record  *
*    EDIT     DMSEDI  EDIT: the command, the session                  *
*    EDITLINE DMSEDL  EDIT: lines in storage, reading, writing        *
*    EDITCMD  DMSEDC  EDIT: moving, typing, deleting, input, FILE     *
*    EDITSTR  DMSEDS  EDIT: LOCATE, FIND, CHANGE                      *
*    EXEC     DMSEXC  EXEC: the command, the interpreter's main loop  *
*    EXECSTMT DMSEXS  EXEC: the control statements                    *
*    EXECIO   DMSEXI  EXEC: commands, &READ, the console stack        *
*    EXECEXPR DMSEXX  EXEC: assignments, conditions, labels           *
*    EXECVAR  DMSEXV  EXEC: variables and substitution                *
*                                                                     *
*  Conventions.  A routine begins with ENTER and ends with RETURN:    *
*  R1 (and R0, R2, R3 where it says) carry its arguments, R15 its     *
*  return code (0 = fine) and R0/R1 its results; R2-R13 come back as  *
*  they were.  CALL calls one.  R12 is a routine's base register,     *
*  R13 the register stack.  Low storage (NUCON) is addressed with     *
*  base register 0 from everywhere.  CMS runs disabled except while   *
*  it waits for an I/O interruption.  Control blocks: BLOCKS.         *
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
CONDEV   EQU   X'009'              the console's device address
         COPY  BLOCKS
CMS      START 0
         USING NUCON,0             low storage: base register 0
         USING CMSCODE,R12         the code
         COPY  NUCON
         COPY  INIT
         COPY  CMDLOOP
         COPY  INTR
         LTORG
         DROP  R12
         COPY  CMDEXEC
         COPY  CMDTAB
         COPY  SCAN
         COPY  CONSOLE
         COPY  DEVIO
         COPY  DASD
         COPY  FREE
         COPY  LINE
         COPY  MSGS
         COPY  ADT
         COPY  FST
         COPY  FSREAD
         COPY  FSWRITE
         COPY  COMMIT
         COPY  ACCESS
         COPY  LISTFILE
         COPY  TYPEFILE
         COPY  FORMAT
         COPY  RECOMP
         COPY  ERASE
         COPY  COPYFILE
         COPY  QUERY
         COPY  SVC
         COPY  LOADER
         COPY  MODULE
         COPY  UNITREC
         COPY  EDIT
         COPY  EDITLINE
         COPY  EDITCMD
         COPY  EDITSTR
         COPY  EXEC
         COPY  EXECSTMT
         COPY  EXECIO
         COPY  EXECEXPR
         COPY  EXECVAR
NUCEND   CSECT                     the end of the nucleus
         DS    0D
         END   CMS
