***********************************************************************
*  READ19D: read the label of the disk dedicated at 19D.              *
*                                                                     *
*  tests/volumes.rs gives ALICE the real IBM CMS disk MAINT 19D       *
*  (tests/disks/mnt19d.3350.gz: 70 cylinders, no VOL1 label) with     *
*  DEDICATE 19D 151, plants this program at X'8000' with CP's STORE   *
*  command and starts it with STORE PSW (BC mode, disabled).          *
*                                                                     *
*  1. READ: SEEK cylinder 0 head 0, SEARCH ID EQUAL record 3, READ    *
*     DATA 800 bytes into X'20000': CMS's label record, which starts  *
*     with 'CMS=MNT19D' (the harness shows it with DISPLAY T too).    *
*  2. BEYOND: SEEK cylinder 70, the first one the disk does not have: *
*     the disk refuses it (unit check), whoever's it is.              *
*                                                                     *
*  It polls with TIO (no I/O interruptions, CMS's new PSWs alone).    *
*  Wait codes: X'600D' both as expected; X'0E01' the read failed;     *
*  X'0BAD' the record is not CMS's label; X'BAD2' the seek beyond the *
*  disk was not refused.                                              *
***********************************************************************
READ19D  START X'8000'
         BALR  12,0
         USING *,12
         LA    1,READ
         BAL   14,RUN
         TM    X'44',X'03'         unit check or exception?
         BNZ   FAIL1
         L     2,=A(BUF)           (beyond the base register's reach)
         CLC   0(10,2),LABEL
         BNE   NOTCMS
         LA    1,BEYOND
         BAL   14,RUN
         TM    X'44',X'02'         unit check: refused
         BZ    FAIL2
         LPSW  GOOD
NOTCMS   LPSW  BADPSW
FAIL1    LPSW  FAIL1PSW
FAIL2    LPSW  FAIL2PSW
*  RUN: the channel program at R1 on 19D, to its end; CSW at X'40'.
RUN      ST    1,X'48'             CAW: key 0
         SIO   X'19D'
         BC    4,RUNX              CC 1: the CSW is stored
         BNZ   FAIL1               CC 2, 3: not there
RUN10    TIO   X'19D'              wait for the status
         BC    2,RUN10
RUNX     BR    14
         DS    0D
GOOD     DC    X'000200000000600D'
BADPSW   DC    X'0002000000000BAD'
FAIL1PSW DC    X'0002000000000E01'
FAIL2PSW DC    X'000200000000BAD2'
READ     CCW   X'07',SEEK0,X'40',6         SEEK cylinder 0 head 0
SRCH     CCW   X'31',ID3,X'40',5           SEARCH ID EQUAL record 3
         CCW   X'08',SRCH,0,1              TIC back to the search
         CCW   X'06',BUF,X'20',800         READ DATA (SLI)
BEYOND   CCW   X'07',SEEK70,X'20',6        SEEK cylinder 70
SEEK0    DC    X'000000000000'             BB CC HH
SEEK70   DC    X'000000460000'
ID3      DC    X'0000000003'               CC HH R
LABEL    DC    C'CMS=MNT19D'
BUF      EQU   X'20000'
         LTORG
         END
