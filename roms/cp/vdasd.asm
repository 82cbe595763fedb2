***********************************************************************
*  VDASD: the virtual machine's minidisks (DMKVSI for DASD, DMKVIO).  *
*                                                                     *
*  A minidisk is a range of cylinders on a real disk that the guest   *
*  sees as a whole disk of its own at its virtual address (191, 190,  *
*  ...), cylinder 0 being the range's first; a dedicated disk is the  *
*  whole real disk, from its cylinder 0.  The real disk is any one    *
*  sysgen configured (VDRDEV, its RDISK VDRDISK).  SIO reads the CAW  *
*  and hands the request to IOREQ, which queues it on the real disk,  *
*  translates the guest's channel program (CCW) when its turn comes   *
*  and runs it; the guest gets CC 0 at once and runs on.  When the    *
*  program ends, IOREQ turns the real CSW back into the guest's and   *
*  makes the I/O interruption pending (VDINTP), which the dispatcher  *
*  presents when the virtual PSW allows (the device's channel,        *
*  REFLDISK).  Meanwhile the minidisk is busy (VDBUSY), and the guest *
*  sees what a real channel shows it: SIO, TIO give CC 2; HIO, HDV    *
*  and CLRIO halt it (IOSHALT).                                       *
*                                                                     *
*  VIOSIM found the minidisk's slot, put it in VMVDCUR and copied it  *
*  to VDWORK; every way out of here copies VDWORK back (VDBACK).      *
*  IOREQ works on the slots themselves: VDWORK goes back to its slot  *
*  before IOREQ is called, and is copied again after (VDRELD).        *
*                                                                     *
*  A module: its own CSECT, R13 its base (ENTER).                     *
***********************************************************************
DMKVIO   CSECT
         USING DMKVIO,R13          the module's base (ENTER sets it)
*
***********************************************************************
*  VDASD: SIO, TIO, CLRIO, HIO or HDV (VMINST) on the minidisk in     *
*  VDWORK.  In: R11 = VMBLOK.  Out: R15 = 0 and R0 = the condition    *
*  code for the guest; or R15 = 1 or 2 when a guest address could not *
*  be reached (GTRANS's answer: VIOSIM goes to NOSTORE).              *
*  Uses R0-R8.                                                        *
***********************************************************************
VDASD    ENTER
         USING VMBLOK,R11
         MVC   VDSLOT,VMVDCUR      (IOREQ may point VMVDCUR elsewhere)
         CLI   VMINST,X'9C'
         BE    VDSIO
         CLI   VMINST,X'9E'
         BE    VDHIO               HIO, HDV
*
*  TIO: status pending: CC 1 and the CSW; busy: CC 2; else CC 0.
*  CLRIO is TIO, but on a busy disk it halts the program as HIO does.
VDTIO    TM    VDSTAT,VDINTP
         BO    VDSTCSW
         TM    VDSTAT,VDBUSY
         BZ    VDCC0
         TM    VMINST+1,X'01'      CLRIO?
         BO    VDHIO
         LA    R0,2
         B     VDCC
VDSTCSW  NI    VDSTAT,X'FF'-VDINTP
VDS60    LA    R2,X'40'
         LA    R3,VDCSW
         LA    R4,8
         BAL   R14,GCOPYOUT
         BNZ   VDNOST
         LA    R0,1
         B     VDCC
*
*  HIO, HDV (and CLRIO on a busy disk): IOSHALT; CC 1 stores a zero
*  status portion (CSW bytes 4-5), as the channel does.
VDHIO    BAL   R14,VDBACK
         CALL  IOSHALT             R0 = CC
         BAL   R14,VDRELD
         C     R0,=F'1'
         BNE   VDCC
         LA    R2,X'44'
         LA    R3,=H'0'
         LA    R4,2
         BAL   R14,GCOPYOUT
         BNZ   VDNOST
         LA    R0,1
         B     VDCC
*
*  SIO: status pending: CC 1 and the CSW; busy: CC 2; a disk whose
*  real disk LOGON did not find is not there: CC 3; else the request
*  goes to IOREQ: CC 0 (or, if the channel refused its first CCW at
*  once, CC 1 and the CSW, as the real machine's SIO gives).
VDSIO    TM    VDSTAT,VDINTP
         BO    VDSTCSW
         TM    VDSTAT,VDBUSY
         BO    VDCC2
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
         BAL   R14,VDBACK
         CALL  IOSQUE              R15 = what became of it
         BAL   R14,VDRELD
         C     R15,=F'5'           refused at once: CC 1, the CSW
         BE    VDS60
         C     R15,=F'3'           the real disk is not there
         BE    VDCC3
         C     R15,=F'2'
         BE    VDCC2
*
*  The ways out: the condition code (VDCC), or a guest address CP
*  could not reach (VDNOST); VDWORK goes back to its slot first.
VDCC0    SR    R0,R0
         B     VDCC
VDCC2    LA    R0,2
         B     VDCC
VDCC3    LA    R0,3
VDCC     BAL   R14,VDBACK
         SR    R15,R15
         LEAVE VDASD
VDNOST   LR    R2,R15
         BAL   R14,VDBACK
         LR    R15,R2
         LEAVE VDASD
*
*  VDRELD: VDWORK again from the slot being served (after IOREQ).
*  Uses R1.
VDRELD   L     R1,VDSLOT
         ST    R1,VMVDCUR
         MVC   VDWORK,0(R1)
         BR    R14
VDASDR   DS    F
VDASDB   DS    F
VDSLOT   DS    A                   the slot being served
         DROP  R11
         LTORG                     the module's literals
