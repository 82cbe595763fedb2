***********************************************************************
*  ROLINK: write on a read-only link.  ALICE's directory entry links  *
*  MAINT's 190 read-only (LINK MAINT 190 190 RR).  She reads R0 of    *
*  the 190's first track (that must work), then searches for R0 and   *
*  writes a record after it.  A correct CP lets the read through and  *
*  refuses the write as a file-protected disk would (unit check), and *
*  MAINT's cylinders stay as they were.                               *
***********************************************************************
         COPY  GUEST
ROLINK   START X'8000'
         BALR  R12,0
         USING *,R12
         MVC   X'78'(8),IONEW      the I/O new PSW comes back to IORET
         LA    R1,READ             the read: no unit check
         BAL   R14,IO190
         TM    X'44',X'02'
         BO    BROKEN
         LA    R1,WRITE            the write: unit check
         BAL   R14,IO190
         TM    X'44',X'02'
         BZ    LEAKED
         LPSW  GOOD
LEAKED   LPSW  BAD1
BROKEN   LPSW  BAD2
*
*  IO190: run the channel program at R1 on the 190 and wait for its
*  device end; the CSW is at X'40' either way.
IO190    ST    R1,X'48'            the CAW
IO10     SIO   X'190'
         BC    8,IO20              CC 0: started
         BC    4,IO40              CC 1: the CSW is stored
         BC    2,IO10              CC 2: busy: again
         LPSW  NODEV               CC 3: no 190
IO20     LPSW  IOWAIT
IORET    CLC   X'3A'(2),=X'0190'   (the I/O new PSW) from the 190?
         BNE   IO20
         TM    X'44',X'04'         device end: over
         BZ    IO20
IO40     BR    R14
         DS    0D
READ     CCW   X'07',SEEK,X'40',6          SEEK cylinder 0, head 0
         CCW   X'16',BUF1,X'20',16         READ R0
WRITE    CCW   X'07',SEEK,X'40',6          SEEK cylinder 0, head 0
         CCW   X'31',SEEK+2,X'40',5        SEARCH ID EQUAL R0
         CCW   X'08',WRITE+8,0,1           TIC back to it
         CCW   X'1D',REC,X'00',88          WRITE CKD record 1
SEEK     DC    XL7'00'                     BB CC HH, then R = 0
REC      DC    X'0000000001',X'00',AL2(80)
         DC    CL80'WRITTEN ON A READ-ONLY DISK'
         DS    0D
IONEW    DC    X'00000000',A(IORET)        I/O new PSW: disabled
IOWAIT   DC    X'40020000',A(0)            wait, channel 1 enabled
NODEV    DC    X'0002000000000E03'
GOOD     DC    X'000200000000600D'         contained
BAD1     DC    X'00020000',X'0000BAD1'     the write got through
BAD2     DC    X'00020000',X'0000BAD2'     the read was refused
         END
