***********************************************************************
*  READHA: READ HOME ADDRESS (X'1A') and WRITE R0 (X'15').            *
*                                                                     *
*  The attack.  Both commands carry cylinder numbers in their data,   *
*  not in an argument a CP relocates: the home address the device     *
*  reads names the REAL cylinder, and the count field of the R0 the   *
*  guest writes names whatever cylinder the guest likes.  A CP that   *
*  passes them as plain data transfers                               *
*    - tells the guest where its minidisk really is (READ HA gives    *
*      00 0001 0000 for ALICE's "cylinder 0": the real cylinder 1),   *
*    - lets it write an R0 whose count field names another cylinder   *
*      (here 0000 0000: the real cylinder 0) on its own track.        *
*                                                                     *
*  A correct CP either refuses them on a minidisk, or keeps up the    *
*  illusion both ways: READ HA shows the virtual cylinder, and the    *
*  count field of WRITE R0 is relocated, like WRITE CKD's.  The test  *
*  checks the real track afterwards: its R0 names the real cylinder.  *
*                                                                     *
*  X'600D': READ HA was refused or showed cylinder 0 head 0;          *
*  X'BAD1': it showed something else (the real cylinder).             *
***********************************************************************
         COPY  GUEST
READHA   START X'8000'
         BALR  R12,0
         USING *,R12
         SR    R7,R7               the verdict so far: good
         LA    R1,READ
         BAL   R14,DOIO
         TM    IOCSW+4,X'02'       refused (unit check)?
         BO    STEP2
         L     R4,=A(BUF1)         its home address: 0 CC HH
         CLC   0(5,R4),HA00
         BE    STEP2
         LA    R7,1                no: the real cylinder showed
STEP2    LA    R1,WRITER0          write R0 naming cylinder 0
         BAL   R14,DOIO
         LTR   R7,R7
         BNZ   LEAKED
         LPSW  GOOD
LEAKED   LPSW  BAD1
READ     CCW   X'07',SEEK,X'40',6          SEEK cylinder 0, head 0
         CCW   X'1A',BUF1,X'20',5          READ HA
WRITER0  CCW   X'07',SEEK,X'40',6
         CCW   X'1F',MASK,X'40',1          SET FILE MASK: allow all writes
         CCW   X'1A',BUF2,X'60',5          READ HA (WRITE R0 wants it)
         CCW   X'15',R0REC,X'20',16        WRITE R0
SEEK     DC    XL6'00'
HA00     DC    XL5'00'
MASK     DC    X'C0'
R0REC    DC    X'0000000000',X'00',AL2(8),XL8'00'  CC HH R KL DL data
         COPY  DOIO
         END
