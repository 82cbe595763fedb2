***********************************************************************
*  VDASD: the virtual machine's minidisks (DMKVSI for DASD, DMKVIO).  *
*                                                                     *
*  A minidisk is a range of cylinders on a real disk that the guest   *
*  sees as a whole disk of its own at its virtual address (191, 190,  *
*  ...), cylinder 0 being the range's first; a dedicated disk is the  *
*  whole real disk, from its cylinder 0.  The real disk is any one    *
*  sysgen configured (VDRDEV, its RDISK VDRDISK).  SIO translates the *
*  guest's channel program (CCW), runs it on the real disk (IOS),     *
*  turns the real CSW back into the guest's (UNTRANS) and makes the   *
*  I/O interruption pending, which the dispatcher presents when the   *
*  virtual PSW allows (the device's channel).  The operation is over  *
*  before the guest sees CC 0, so TIO finds the device either idle or *
*  with status pending, and HIO finds it idle.                        *
*                                                                     *
*  VIOSIM found the minidisk's slot, put it in VMVDCUR and copied it  *
*  to VDWORK; every way out of here copies VDWORK back (VDBACK).      *
***********************************************************************
VDASD    DS    0H
         USING VMBLOK,R11
         CLI   VMINST,X'9C'
         BE    VDSIO
         CLI   VMINST,X'9D'
         BE    VDTIO
         B     VDCC0               HIO: nothing is ever running
*
*  TIO: status pending: CC 1 and the CSW; else CC 0.
VDTIO    TM    VDSTAT,VDINTP
         BZ    VDCC0
VDSTCSW  NI    VDSTAT,X'FF'-VDINTP
VDS60    LA    R2,X'40'
         LA    R3,VDCSW
         LA    R4,8
         BAL   R14,GCOPYOUT
         BNZ   VDNOST
         LA    R0,1
         B     VDCC
*
*  SIO: status pending: CC 1; else translate, run, and post.  (A
*  disk whose real disk LOGON did not find is not there: CC 3.)
VDSIO    TM    VDSTAT,VDINTP
         BO    VDSTCSW
         ICM   R1,15,VDRDISK
         BZ    VDCC3
         LA    R2,X'48'            the guest's CAW
         LA    R3,VDCCWA
         LA    R4,4
         BAL   R14,GCOPYIN
         BNZ   VDNOST
         MVC   VDKEY,VDCCWA
         NI    VDKEY,X'F0'
         MVI   VDCCWA,0
         BAL   R14,CCWTRANS        (errors in it are fences in RCW)
         L     R1,=A(RCW)
         LH    R2,VDRDEV
         BAL   R14,SYNCIO
         C     R15,=F'3'           the real disk is not there
         BE    VDCC3
         ST    R15,VDSYNRC
         BAL   R14,CTARM           (did CP's SEEK in front run?)
         BAL   R14,UNTRANS
         CLC   VDSYNRC,=F'5'       refused at once (its first CCW):
         BE    VDS60                 CC 1 and the CSW, as the real
         OI    VDSTAT,VDINTP         machine's SIO gives
*
*  The ways out: the condition code (VDCC), or the machine stopped
*  for want of storage (VDNOST); VDWORK goes back to its slot first.
VDCC0    SR    R0,R0
         B     VDCC
VDCC3    LA    R0,3
VDCC     BAL   R14,VDBACK
         B     VSETCC
VDNOST   LR    R2,R15
         BAL   R14,VDBACK
         LR    R15,R2
         B     NOSTORE
*
*  VDBACK: VDWORK back into its slot.  Uses R1.
VDBACK   L     R1,VMVDCUR
         MVC   0(VDEVLEN,R1),VDWORK
         BR    R14
*
***********************************************************************
*  REFLDISK: present the minidisks' pending interruptions, each when  *
*  the virtual PSW is open for its channel (BC mode: bit 0-5 for      *
*  channels 0-5, bit 6 for the rest): the CSW to X'40', an I/O        *
*  interruption with the device address.  The first one presented     *
*  loads the guest's I/O new PSW, which usually closes the door for   *
*  the others until the guest opens it again.                         *
*  In: R11 = VMBLOK.  Uses R0-R5, R15.                                *
***********************************************************************
REFLDISK ST    R14,REFLDR
         STM   R6,R7,RFDSAVE
         LA    R6,VMVDEVS
         LA    R7,VMNVDEV
RFD10    TM    VDSTAT-VDWORK(R6),VDINTP
         BZ    RFD30
         LH    R1,0(R6)            its channel's mask bit
         SRL   R1,8
         N     R1,=F'15'
         LA    R0,X'02'            (channels 6 and up: bit 6)
         CH    R1,=H'6'
         BNL   RFD15
         LA    R0,X'80'
         SRL   R0,0(R1)
RFD15    STC   R0,RFDMASK
         NC    RFDMASK,VMPSW       open for it?
         BZ    RFD30
         ST    R6,VMVDCUR
         MVC   VDWORK,0(R6)
         NI    VDSTAT,X'FF'-VDINTP
         LA    R2,X'40'
         LA    R3,VDCSW
         LA    R4,8
         BAL   R14,GCOPYOUT
         BNZ   VDNOST
         LH    R2,VDADDR
         SR    R3,R3
         LA    R4,X'38'
         BAL   R14,REFLECT
         BAL   R14,VDBACK
RFD30    LA    R6,VDEVLEN(R6)
         BCT   R7,RFD10
         LM    R6,R7,RFDSAVE
         L     R14,REFLDR
         BR    R14
REFLDR   DS    F
RFDSAVE  DS    2F
VDSYNRC  DS    F                   what SYNCIO said
RFDMASK  DS    X
         DROP  R11
