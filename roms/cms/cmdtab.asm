***********************************************************************
*  CMDTAB: the commands of the CMS nucleus.                           *
*                                                                     *
*  One entry a command: its name, the shortest abbreviation accepted  *
*  (as VM/370's HELP shows it in capitals: "Listfile" is L) and the   *
*  routine.  To add a command, write its routine and add a line.      *
***********************************************************************
DMSTAB   CSECT
CMDTAB   DC    CL8'ACCESS',AL1(2),AL3(ACCESS)
         DC    CL8'COPYFILE',AL1(4),AL3(COPYFILE)
         DC    CL8'EDIT',AL1(1),AL3(EDIT)
         DC    CL8'ERASE',AL1(5),AL3(ERASE)
         DC    CL8'EXEC',AL1(2),AL3(EXEC)
         DC    CL8'FORMAT',AL1(6),AL3(FORMAT)
         DC    CL8'GENMOD',AL1(6),AL3(GENMOD)
         DC    CL8'HELP',AL1(4),AL3(HELP)
         DC    CL8'LISTFILE',AL1(1),AL3(LISTFILE)
         DC    CL8'LOAD',AL1(4),AL3(LOAD)
         DC    CL8'PRINT',AL1(2),AL3(PRINT)
         DC    CL8'PUNCH',AL1(2),AL3(PUNCH)
         DC    CL8'QUERY',AL1(1),AL3(QUERY)
         DC    CL8'READCARD',AL1(4),AL3(READCARD)
         DC    CL8'RELEASE',AL1(3),AL3(RELEASE)
         DC    CL8'RENAME',AL1(1),AL3(RENAME)
         DC    CL8'SET',AL1(3),AL3(SET)
         DC    CL8'START',AL1(5),AL3(START)
         DC    CL8'STATE',AL1(5),AL3(STATE)
         DC    CL8'TYPE',AL1(1),AL3(TYPEFILE)
         DC    X'FF'
