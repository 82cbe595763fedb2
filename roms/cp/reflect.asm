***********************************************************************
*  REFLECT: present an interruption to a virtual machine.             *
*                                                                     *
*  To the guest this must look exactly like the hardware: the current *
*  (virtual) PSW is stored as the old PSW in the guest's own page 0,  *
*  with the interruption code in bits 16-31 and the instruction       *
*  length in bits 32-33 (BC mode), and the new PSW the guest keeps at *
*  old-PSW location + X'40' becomes its PSW.  The slots:              *
*     external X'18'/X'58'   SVC X'20'/X'60'   program X'28'/X'68'    *
*     I/O      X'38'/X'78'                                            *
*  In:  R11 = VMBLOK, R2 = interruption code, R3 = instruction        *
*       length in bytes (0, 2, 4 or 6), R4 = old-PSW location.        *
*  Uses R0-R5, R15.                                                   *
***********************************************************************
REFLECT  ENTER
         USING VMBLOK,R11
         ST    R4,RFLOC
         MVC   RFPSW,VMPSW         the old PSW ...
         TM    VMPSW+1,PSWEC       (EC mode: code and ILC go to their
         BO    RFEC                  own places, RFEC)
         STH   R2,RFPSW+2          ... with the code
         SRL   R3,1                ... and the ILC (in halfwords)
         SLL   R3,6
         IC    R0,RFPSW+4
         N     R0,=F'63'
         OR    R0,R3
         STC   R0,RFPSW+4
RF10     L     R2,RFLOC            store it in the guest's page 0
         LA    R3,RFPSW
         LA    R4,8
         BAL   R14,GCOPYOUT
         BNZ   NOSTORE
         L     R2,RFLOC            fetch the new PSW
         LA    R2,X'40'(R2)
         LA    R3,VMPSW
         LA    R4,8
         BAL   R14,GCOPYIN
         BNZ   NOSTORE
         BAL   R14,DWCHECK         a disabled wait stops the machine
         LEAVE REFLECT
*  EC mode: the old PSW as it is; the interruption code and ILC go
*  where the POO puts them: program X'8C' (X'8D' ILC, X'8E' code),
*  SVC X'88' (X'89' ILC, X'8A' code), external X'84' (X'84'-X'85'
*  the CPU address, 0 in a one-CPU machine, X'86' the code), I/O
*  X'BA'.
RFEC     XC    RFCODE,RFCODE
         STC   R3,RFCODE+1         ILC (in bytes: bits 5-6 of X'8D')
         STH   R2,RFCODE+2
         LA    R3,RFCODE           program and SVC: the word
         LA    R4,4
         LA    R2,X'8C'
         CLI   RFLOC+3,X'28'
         BE    RFEC10
         LA    R2,X'88'
         CLI   RFLOC+3,X'20'
         BE    RFEC10
         LA    R2,X'84'
         CLI   RFLOC+3,X'18'
         BE    RFEC10
         LA    R3,RFCODE+2         I/O: the device address
         LA    R4,2
         LA    R2,X'BA'
RFEC10   BAL   R14,GCOPYOUT
         BNZ   NOSTORE
         B     RF10
REFLECTR DS    F
RFLOC    DS    F
RFPSW    DS    D
RFCODE   DS    F
*
***********************************************************************
*  REFLIO: present the pending console interruption: the virtual CSW  *
*  goes to X'40', then an I/O interruption with the device address    *
*  as its code.  In: R11 = VMBLOK.  Uses R0-R5, R15.                  *
***********************************************************************
REFLIO   ENTER
         NI    VCSTAT,X'FF'-VCINTP
         LA    R2,X'40'            the CSW
         LA    R3,VCCSW
         LA    R4,8
         BAL   R14,GCOPYOUT
         BNZ   NOSTORE
         LH    R2,VCADDR           code: the device address
         SR    R3,R3
         LA    R4,X'38'            I/O old PSW
         BAL   R14,REFLECT
         LEAVE REFLIO
REFLIOR  DS    F
         DROP  R11
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
         USING VMBLOK,R11
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
         BAL   R14,VIOMASK         open for it?
         NC    RFDMASK,VIOMSK
         BZ    RFD30
         ST    R6,VMVDCUR
         MVC   VDWORK,0(R6)
         NI    VDSTAT,X'FF'-VDINTP
         LA    R2,X'40'
         LA    R3,VDCSW
         LA    R4,8
         BAL   R14,GCOPYOUT
         BNZ   RFDNOST
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
*  A guest address CP could not reach: the machine stops (NOSTORE),
*  with VDWORK back in its slot.
RFDNOST  LR    R2,R15
         BAL   R14,VDBACK
         LR    R15,R2
         B     NOSTORE
REFLDR   DS    F
RFDSAVE  DS    2F
RFDMASK  DS    X
         DROP  R11
*
***********************************************************************
*  VIOMASK: the virtual PSW's I/O masks, in the BC mode's form: bit n *
*  (n = 0-5) channel n enabled, bit 6 the channels from 6 on.  An EC- *
*  mode PSW has one I/O mask (bit 6) and the channel masks are CR2's  *
*  bits 0-6 (channel 6 standing for the rest, as no device CP gives   *
*  a machine is on a higher one).  In: R11 = VMBLOK.  Out: VIOMSK.    *
***********************************************************************
VIOMASK  DS    0H
         USING VMBLOK,R11
         MVC   VIOMSK,VMPSW        BC mode: the system mask
         NI    VIOMSK,X'FE'          (bit 7 is the external mask)
         TM    VMPSW+1,PSWEC
         BZR   R14
         MVI   VIOMSK,0            EC mode: I/O masked off,
         TM    VMPSW,X'02'
         BZR   R14
         MVC   VIOMSK,VMCRS+8        or CR2's channel masks
         NI    VIOMSK,X'FE'
         BR    R14
         DROP  R11
VIOMSK   DS    X
*
***********************************************************************
*  VDBACK: VDWORK, the copy of the minidisk slot CP is serving, back  *
*  into its slot (VMVDCUR).  In: R11 = VMBLOK.  Uses R1.              *
***********************************************************************
VDBACK   DS    0H
         USING VMBLOK,R11
         L     R1,VMVDCUR
         MVC   0(VDEVLEN,R1),VDWORK
         BR    R14
         DROP  R11
*
