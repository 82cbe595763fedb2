***********************************************************************
*  SEEKOUT: a SEEK just past the end of ALICE's 191.                  *
*                                                                     *
*  tests/volumes.rs gives ALICE a two-cylinder 191 on volume USER01   *
*  (cylinders 5 and 6 of the disk at 151).  A SEEK to her cylinder 2  *
*  would be the real cylinder 7: BOB's.  CP makes its copy of the     *
*  argument a cylinder no disk has, and the disk refuses it (unit     *
*  check, command reject) - as a disk of two cylinders would.  The    *
*  WRITE behind it, chained, must never run.                          *
*                                                                     *
*  Wait codes: X'600D' refused, nothing written; X'BAD1' the seek     *
*  was not refused; X'0E01' SIO did not start it.                     *
***********************************************************************
SEEKOUT  START X'8000'
         BALR  12,0
         USING *,12
         LA    1,PROG
         ST    1,X'48'             CAW: key 0
         SIO   X'191'
         BC    4,DONE              CC 1: the CSW is stored
         BNZ   FAIL1               CC 2, 3
W10      TIO   X'191'
         BC    2,W10
DONE     TM    X'44',X'02'         unit check: refused
         BZ    BAD
         LPSW  GOOD
BAD      LPSW  BAD1
FAIL1    LPSW  FAIL1PSW
         DS    0D
GOOD     DC    X'000200000000600D'
BAD1     DC    X'000200000000BAD1'
FAIL1PSW DC    X'0002000000000E01'
PROG     CCW   X'07',SEEK2,X'40',6         SEEK cylinder 2 head 0
SRCH     CCW   X'31',ID0,X'40',5           SEARCH ID EQUAL record 0
         CCW   X'08',SRCH,0,1
         CCW   X'1D',COUNT,0,8+16          WRITE COUNT, KEY AND DATA
SEEK2    DC    X'000000020000'
ID0      DC    X'0002000000'
COUNT    DC    X'0002000001',X'00',H'16'
         DC    CL16'ALICE WAS HERE'
         END
