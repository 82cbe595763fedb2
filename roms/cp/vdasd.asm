***********************************************************************
*  VDASD: the virtual machine's minidisk (DMKVSI for DASD, DMKVIO).   *
*                                                                     *
*  A minidisk is a range of cylinders on a real disk that the guest   *
*  sees as a whole disk of its own at 191, cylinder 0 being the       *
*  range's first.  SIO translates the guest's channel program (CCW),  *
*  runs it on the real disk (IOS), turns the real CSW back into the   *
*  guest's (UNTRANS) and makes the I/O interruption pending, which    *
*  the dispatcher presents when the virtual PSW allows (channel 1).   *
*  The operation is over before the guest sees CC 0, so TIO finds the *
*  device either idle or with status pending, and HIO finds it idle.  *
***********************************************************************
VDASD    DS    0H
         USING VMBLOK,R11
         CLI   VMINST,X'9C'
         BE    VDSIO
         CLI   VMINST,X'9D'
         BE    VDTIO
         B     VCC0                HIO: nothing is ever running
*
*  TIO: status pending: CC 1 and the CSW; else CC 0.
VDTIO    TM    VDSTAT,VDINTP
         BZ    VCC0
VDSTCSW  NI    VDSTAT,X'FF'-VDINTP
         LA    R2,X'40'
         LA    R3,VDCSW
         LA    R4,8
         BAL   R14,GCOPYOUT
         BNZ   NOSTORE
         LA    R0,1
         B     VSETCC
*
*  SIO: status pending: CC 1; else translate, run, and post.
VDSIO    TM    VDSTAT,VDINTP
         BO    VDSTCSW
         LA    R2,X'48'            the guest's CAW
         LA    R3,VDCCWA
         LA    R4,4
         BAL   R14,GCOPYIN
         BNZ   NOSTORE
         MVC   VDKEY,VDCCWA
         NI    VDKEY,X'F0'
         MVI   VDCCWA,0
         BAL   R14,CCWTRANS        (errors in it are fences in RCW)
         L     R1,=A(RCW)
         LH    R2,VDRDEV
         BAL   R14,SYNCIO
         C     R15,=F'3'           the real disk is not there
         BE    VCC3
         ST    R15,VDSYNRC
         BAL   R14,UNTRANS
         CLC   VDSYNRC,=F'5'       refused at once (its first CCW):
         BE    VDS60                 CC 1 and the CSW, as the real
         OI    VDSTAT,VDINTP         machine's SIO gives
         B     VCC0
VDS60    LA    R2,X'40'
         LA    R3,VDCSW
         LA    R4,8
         BAL   R14,GCOPYOUT
         BNZ   NOSTORE
         LA    R0,1
         B     VSETCC
         B     VCC0
*
***********************************************************************
*  REFLDASD: present the minidisk's pending interruption: the CSW to  *
*  X'40', an I/O interruption with the device address.                *
*  In: R11 = VMBLOK.  Uses R0-R5, R15.                                *
***********************************************************************
REFLDASD ST    R14,REFLDR
         NI    VDSTAT,X'FF'-VDINTP
         LA    R2,X'40'
         LA    R3,VDCSW
         LA    R4,8
         BAL   R14,GCOPYOUT
         BNZ   NOSTORE
         LH    R2,VDADDR
         SR    R3,R3
         LA    R4,X'38'
         BAL   R14,REFLECT
         L     R14,REFLDR
         BR    R14
REFLDR   DS    F
VDSYNRC  DS    F                   what SYNCIO said
         DROP  R11
