***********************************************************************
*  SPOOLAT: which unit-record devices are there?  The directory gave  *
*  ALICE only a reader, at 01C (SPOOL 01C 2540 READER), and BOB none. *
*  A correct CP answers SIO at 00C, 00D and 00E with CC 3 for both,   *
*  as a real machine without the device does (X'BADC', X'BADD',       *
*  X'BADE' if one is there).  Then SIO at 01C with a SENSE: a reader  *
*  there takes it (wait X'600D'); nothing there: CC 3 (wait X'00C3'). *
***********************************************************************
         COPY  GUEST
SPOOLAT  START X'8000'
         BALR  R12,0
         USING *,R12
         LA    R1,SENSE
         ST    R1,X'48'            the CAW
         SIO   X'00C'
         BC    1,NOD               CC 3: no reader at 00C
         LPSW  BADC
NOD      SIO   X'00D'
         BC    1,NOE               no punch at 00D
         LPSW  BADD
NOE      SIO   X'00E'
         BC    1,AT01C             no printer at 00E
         LPSW  BADE
AT01C    SIO   X'01C'
         BC    1,NONE              CC 3: nothing at 01C
         LPSW  GOOD                the reader took it
NONE     LPSW  NOTHERE
         DS    0D
SENSE    CCW   X'04',BUF,X'20',1           SENSE, 1 byte
BUF      DS    XL8
         DS    0D
GOOD     DC    X'000200000000600D'         a device at 01C
NOTHERE  DC    X'00020000',X'000000C3'     nothing at 01C
BADC     DC    X'00020000',X'0000BADC'     a device at 00C
BADD     DC    X'00020000',X'0000BADD'     a device at 00D
BADE     DC    X'00020000',X'0000BADE'     a device at 00E
         END
