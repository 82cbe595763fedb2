***********************************************************************
*  IODWAIT: an I/O new PSW that is a disabled wait.                   *
*                                                                     *
*  Not an attack: fidelity.  The program writes on its console and    *
*  waits for the end with an enabled wait PSW; the I/O interruption   *
*  loads its I/O new PSW, a disabled wait with code X'600D'.  VM/370  *
*  stops such a machine (CP READ: the terminal talks to CP), and so   *
*  must CP whether the interruption is presented while the machine    *
*  runs or, as here, by the dispatcher looking at a waiting machine   *
*  - the test asks CP's VMSTATE and types a CP command without #CP.   *
*  X'0E01': the SIO did not start.                                    *
***********************************************************************
         COPY  GUEST
IODWAIT  START X'8000'
         BALR  R12,0
         USING *,R12
         MVC   X'78'(8),IONEW      the I/O new PSW: a disabled wait
         LA    R1,CCW
         ST    R1,X'48'
         HIO   X'009'              (CMS's console read ends)
         TIO   X'009'              (and its status is cleared)
         SIO   X'009'
         BNZ   NOGO
         LPSW  WAIT                wait, channel 0 enabled
NOGO     LPSW  BAD0
         DS    0D
IONEW    DC    X'000200000000600D'
WAIT     DC    X'80020000',A(0)
BAD0     DC    X'00020000',X'00000E01'
CCW      CCW   X'09',TEXT,X'20',L'TEXT
TEXT     DC    C'IODWAIT'
         END
