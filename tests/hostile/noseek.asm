***********************************************************************
*  NOSEEK: a channel program with no SEEK at all, run right after     *
*  another user's.                                                    *
*                                                                     *
*  The attack.  BOB has just written his record (BOBMARK) on his      *
*  cylinder 0, head 0 - the access arm is still there.  ALICE's       *
*  channel program has nothing for a CP to relocate:                  *
*     READ R0 / READ COUNT, KEY AND DATA                              *
*  and reads the next records of whatever track the arm is on: BOB's. *
*                                                                     *
*  A correct CP puts the arm on the guest's own minidisk before its   *
*  program runs (where the guest's last SEEK left its virtual arm, or *
*  its cylinder 0), or refuses a program that does not begin with a   *
*  SEEK.                                                              *
*                                                                     *
*  X'600D': BOB's record was not read; X'BAD1': it was.               *
***********************************************************************
         COPY  GUEST
NOSEEK   START X'8000'
         BALR  R12,0
         USING *,R12
         LA    R1,READ
         BAL   R14,DOIO
         LA    R3,MARKER
         L     R4,=A(BUF1)
         L     R5,=F'8192'
         BAL   R14,FIND
         BE    LEAKED
         LPSW  GOOD
LEAKED   LPSW  BAD1
READ     CCW   X'16',BUF2,X'60',64         READ R0
         CCW   X'1E',BUF1,X'20',8192       READ CKD: the next record
MARKER   DC    C'THE EAGL'                 BOB's record
         COPY  DOIO
         END
