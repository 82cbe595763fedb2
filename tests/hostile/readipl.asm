***********************************************************************
*  READIPL: READ IPL (X'02'), and the records after it.               *
*                                                                     *
*  The attack.  READ IPL is the command the IPL button gives: it      *
*  seeks to cylinder 0, head 0 of the device by itself, and reads     *
*  record 1.  It has no argument for a CP to relocate, so a CP that   *
*  takes it for a plain read lets the guest read the real volume's    *
*  IPL record - CP's IPL PSW and loader - and, chained on, the next   *
*  records: the loader and the volume label.                          *
*                                                                     *
*  A correct CP makes READ IPL read the minidisk's own cylinder 0,    *
*  head 0 (as VM/370 gives a virtual machine its own IPL record), or  *
*  refuses it.                                                        *
*                                                                     *
*  X'600D': the volume label was not read; X'BAD1': it was.           *
***********************************************************************
         COPY  GUEST
READIPL  START X'8000'
         BALR  R12,0
         USING *,R12
         LA    R1,READ
         BAL   R14,DOIO
         LA    R3,MARKER
         L     R4,=A(BUF3)
         L     R5,=F'8192'
         BAL   R14,FIND
         BE    LEAKED
         LPSW  GOOD
LEAKED   LPSW  BAD1
READ     CCW   X'02',BUF1,X'60',24         READ IPL: R1 of 0/0
         CCW   X'1E',BUF2,X'60',8192       READ CKD: R2
         CCW   X'1E',BUF3,X'20',8192       READ CKD: R3, the label
MARKER   DC    C'VOL1CPCM'
         COPY  DOIO
         END
