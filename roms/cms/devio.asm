***********************************************************************
*  DEVIO: start a channel program and wait for its end (DMSIOW).      *
*                                                                     *
*  Plain S/370 I/O, as on a machine of CMS's own: put the channel     *
*  program's address in the CAW at X'48', SIO, then wait for the I/O  *
*  interruption with an enabled wait PSW.  The I/O new PSW brings us  *
*  to IOINT with every register as it was in the wait, so IOINT can   *
*  go on with DOIO's base register and return address.                *
***********************************************************************
DMSIOW   CSECT
*
***********************************************************************
*  DOIO: run the channel program at R1 on device R2 and wait until    *
*  it has ended (device end).  Out: R15 = 0 fine, 4 it ended in error *
*  (unit check or exception, or a channel error: the CSW at X'40'     *
*  says which), 8 no such device.                                     *
***********************************************************************
DOIO     ENTER
         ST    R1,CAW
         STH   R2,IODEV
DOIO10   SIO   0(R2)
         BC    8,IOWAIT            CC 0: started
         BC    4,DOIO30            CC 1: the CSW was stored
         BC    2,DOIO20            CC 2: busy
         LA    R15,8               CC 3: no such device
         B     DOIOX
*  Busy: a console read is still waiting for the user (the program
*  was interrupted in the middle of one).  Halt it and try again.
DOIO20   HIO   0(R2)
         B     DOIO10
*  CC 1: status stored at once: an error, or old status to clear.
DOIO30   TM    CSW+4,X'03'         unit check or unit exception?
         BNZ   DOIOERR
         CLI   CSW+5,0             channel trouble?
         BNE   DOIOERR
         B     DOIO10              old status: it is cleared, again
IOWAIT   LPSW  WAITPSW             wait for the interruption ...
IOINT    CLC   IOOPSW+2(2),IODEV   ... which arrives here: ours?
         BNE   IOWAIT
         TM    CSW+4,X'03'         unit check or unit exception?
         BNZ   DOIOERR
         CLI   CSW+5,0             channel trouble?
         BNE   DOIOERR
         TM    CSW+4,X'04'         device end: it is over
         BZ    IOWAIT
         SR    R15,R15
         B     DOIOX
DOIOERR  LA    R15,4
DOIOX    RETURN
         LTORG
