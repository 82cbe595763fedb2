***********************************************************************
*  IOLOOP: long disk programs, one after another, that read into the  *
*  machine's own frames - while its user logs off or re-IPLs.         *
*                                                                     *
*  Not an attack by itself: the harness logs the machine off, or      *
*  IPLs it, while one of these programs runs on the real disk or      *
*  waits in its queue behind another user's.  A CP that gave the      *
*  machine's frames back while the real channel still had a program   *
*  reading into them would hand the data to whoever gets the frames   *
*  next.  So the record it reads is one no program image holds: the   *
*  marker below with every bit inverted, made at run time and written *
*  first (when WRITEIT is not 0) on the last track of its 191, cyl-   *
*  inder 1 head 29, record 1.  Then, for ever: SIO of a program that  *
*  seeks between its cylinders 0 and 1 48 times (about 50 ms), then   *
*  reads that record into BUF1; an enabled wait for its end, NLOOPS   *
*  counted, again.  (Without the record - WRITEIT 0 - each program    *
*  ends in "no record found": a disk held as long, nothing read.)     *
*  It never ends; X'0E01': the record could not be written.           *
***********************************************************************
         COPY  GUEST
IOLOOP   START X'8000'
         BALR  R12,0
         USING *,R12
         ICM   R0,15,WRITEIT       the record first?
         BZ    LOOP
         L     R2,=A(BUF2)         the marker, inverted
         MVC   0(80,R2),MARKER
         XC    0(80,R2),ONES
         LA    R1,WRITE
         BAL   R14,DOIO
         BAL   R14,OKCSW
         BNZ   FAIL
LOOP     MVC   X'78'(8),IONEW      its end comes back to LOOP
         LA    R1,READS
         ST    R1,X'48'
         SIO   X'191'
         BC    7,LOOP              (not started: again)
         LPSW  WAITPSW
NEXT     L     R1,NLOOPS           (the I/O new PSW)
         LA    R1,1(R1)
         ST    R1,NLOOPS
         B     LOOP
FAIL     LPSW  FAILPSW
         DS    0D
IONEW    DC    X'00000000',A(NEXT)   I/O new PSW: disabled
WAITPSW  DC    X'40020000',A(0)      wait, channel 1 enabled
FAILPSW  DC    X'00020000',X'00000E01'
WRITE    CCW   X'07',SEEK,X'40',6          SEEK cylinder 1, head 29
         CCW   X'31',ID0,X'40',5           SEARCH ID EQUAL R0
         CCW   X'08',*-8,0,1               TIC back to the search
         CCW   X'1D',COUNT,X'80',8         WRITE CKD: the count ...
         CCW   X'1D',BUF2,0,80             ... and the data
READS    CCW   X'07',SEEK0,X'40',6         SEEK cylinder 0 ...
         CCW   X'07',SEEK,X'40',6          ... and 1, 24 times
         CCW   X'07',SEEK0,X'40',6
         CCW   X'07',SEEK,X'40',6
         CCW   X'07',SEEK0,X'40',6
         CCW   X'07',SEEK,X'40',6
         CCW   X'07',SEEK0,X'40',6
         CCW   X'07',SEEK,X'40',6
         CCW   X'07',SEEK0,X'40',6
         CCW   X'07',SEEK,X'40',6
         CCW   X'07',SEEK0,X'40',6
         CCW   X'07',SEEK,X'40',6
         CCW   X'07',SEEK0,X'40',6
         CCW   X'07',SEEK,X'40',6
         CCW   X'07',SEEK0,X'40',6
         CCW   X'07',SEEK,X'40',6
         CCW   X'07',SEEK0,X'40',6
         CCW   X'07',SEEK,X'40',6
         CCW   X'07',SEEK0,X'40',6
         CCW   X'07',SEEK,X'40',6
         CCW   X'07',SEEK0,X'40',6
         CCW   X'07',SEEK,X'40',6
         CCW   X'07',SEEK0,X'40',6
         CCW   X'07',SEEK,X'40',6
         CCW   X'07',SEEK0,X'40',6
         CCW   X'07',SEEK,X'40',6
         CCW   X'07',SEEK0,X'40',6
         CCW   X'07',SEEK,X'40',6
         CCW   X'07',SEEK0,X'40',6
         CCW   X'07',SEEK,X'40',6
         CCW   X'07',SEEK0,X'40',6
         CCW   X'07',SEEK,X'40',6
         CCW   X'07',SEEK0,X'40',6
         CCW   X'07',SEEK,X'40',6
         CCW   X'07',SEEK0,X'40',6
         CCW   X'07',SEEK,X'40',6
         CCW   X'07',SEEK0,X'40',6
         CCW   X'07',SEEK,X'40',6
         CCW   X'07',SEEK0,X'40',6
         CCW   X'07',SEEK,X'40',6
         CCW   X'07',SEEK0,X'40',6
         CCW   X'07',SEEK,X'40',6
         CCW   X'07',SEEK0,X'40',6
         CCW   X'07',SEEK,X'40',6
         CCW   X'07',SEEK0,X'40',6
         CCW   X'07',SEEK,X'40',6
         CCW   X'07',SEEK0,X'40',6
         CCW   X'07',SEEK,X'40',6
         CCW   X'31',ID1,X'40',5           SEARCH ID EQUAL R1
         CCW   X'08',*-8,0,1               TIC back to the search
         CCW   X'06',BUF1,X'20',80         READ DATA
SEEK0    DC    X'000000000000'             cylinder 0 head 0
SEEK     DC    X'00000001001D'             BB CC HH
ID0      DC    X'0001001D00'               CC HH R
ID1      DC    X'0001001D01'
COUNT    DC    X'0001001D01',X'00',AL2(80)   CC HH R KL DL
WRITEIT  DC    F'1'                        0: only read
NLOOPS   DC    F'0'                        programs ended
MARKER   DC    CL80'IOLOOP MARKER: WHOSE FRAME IS THIS?'
ONES     DC    80X'FF'
         LTORG
         COPY  DOIO
         END
