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
*  REFLDISK (REFLECT) presents the interruption.                      *
*                                                                     *
*  A module: its own CSECT, R13 its base (ENTER).                     *
***********************************************************************
DMKVIO   CSECT
         USING DMKVIO,R13          the module's base (ENTER sets it)
*
***********************************************************************
*  VDASD: SIO, TIO or HIO (VMINST) on the minidisk in VDWORK.         *
*  In: R11 = VMBLOK.  Out: R15 = 0 and R0 = the condition code for    *
*  the guest; or R15 = 1 or 2 when a guest address could not be       *
*  reached (GTRANS's answer: VIOSIM goes to NOSTORE).  Uses R0-R8.    *
***********************************************************************
VDASD    ENTER
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
         CALL  CCWTRANS            (errors in it are fences in RCW)
         L     R1,=A(RCW)
         LH    R2,VDRDEV
         BAL   R14,SYNCIO
         C     R15,=F'3'           the real disk is not there
         BE    VDCC3
         ST    R15,VDSYNRC
         CALL  CTARM               (did CP's SEEK in front run?)
         CALL  UNTRANS
         CLC   VDSYNRC,=F'5'       refused at once (its first CCW):
         BE    VDS60                 CC 1 and the CSW, as the real
         OI    VDSTAT,VDINTP         machine's SIO gives
*
*  The ways out: the condition code (VDCC), or a guest address CP
*  could not reach (VDNOST); VDWORK goes back to its slot first.
VDCC0    SR    R0,R0
         B     VDCC
VDCC3    LA    R0,3
VDCC     BAL   R14,VDBACK
         SR    R15,R15
         LEAVE VDASD
VDNOST   LR    R2,R15
         BAL   R14,VDBACK
         LR    R15,R2
         LEAVE VDASD
VDASDR   DS    F
VDASDB   DS    F
VDSYNRC  DS    F                   what SYNCIO said
         DROP  R11
         LTORG                     the module's literals
