***********************************************************************
*  DOIO: the I/O and search routines the hostile programs share       *
*  (COPY DOIO after the program's code).  Not a program of its own.   *
*                                                                     *
*  DOIO: run the channel program at R1 on the minidisk at 191 and     *
*  wait for its I/O interruption with an enabled wait PSW, as an      *
*  operating system would.  That works whether CP runs the program    *
*  before SIO returns (today's CP) or while others run.               *
*  In:  R1 = the first CCW.  Out: R15 = 0 if SIO started it (CC 0),   *
*  1 if SIO stored the CSW at once (CC 1); the CSW in IOCSW.  CC 3    *
*  (no 191) ends the program: wait code X'0E03'.  Uses R15.           *
*                                                                     *
*  OKCSW: CC 0 if IOCSW says the program ended cleanly (channel end   *
*  and device end; no unit check, unit exception or channel error;    *
*  incorrect length is let pass: the programs ask for SLI where they  *
*  care).  Uses R15.                                                  *
*                                                                     *
*  FIND: is the 8-byte text at R3 anywhere in the R5 bytes at R4?     *
*  CC 0 if it is, else CC not 0.  Uses R2, R5.                        *
***********************************************************************
DOIO     ST    R1,X'48'            the CAW: key 0, the first CCW
         MVC   X'78'(8),DOIONEW    the I/O new PSW comes back here
DOIO10   SIO   X'191'
         BC    8,DOIO20            CC 0: started
         BC    4,DOIO40            CC 1: the CSW is stored
         BC    2,DOIO10            CC 2: busy: again
         LPSW  DOIONOP             CC 3: there is no 191
DOIO20   LPSW  DOIOWAIT            wait for its I/O interruption
DOIO30   CLC   X'3A'(2),=X'0191'   (the I/O new PSW) from the 191?
         BNE   DOIO20
         TM    X'44',X'04'         device end: it is over
         BZ    DOIO20
         SR    R15,R15
         B     DOIO50
DOIO40   LA    R15,1
DOIO50   MVC   IOCSW,X'40'
         BR    R14
*
OKCSW    TM    IOCSW+4,X'0C'       channel end and device end
         BNO   OKCSWX
         TM    IOCSW+4,X'03'       no unit check or exception
         BNZ   OKCSWX
         TM    IOCSW+5,X'BF'       no channel status but IL
         BNZ   OKCSWX
         CR    R15,R15             CC 0
         BR    R14
OKCSWX   LTR   R14,R14             CC not 0 (R14 is an address)
         BR    R14
*
FIND     LR    R2,R4
         AR    R5,R4               the last place 8 bytes can start
         S     R5,=F'8'
FIND10   CR    R2,R5
         BH    FIND90
         CLC   0(8,R2),0(R3)
         BER   R14                 found: CC 0
         LA    R2,1(R2)
         B     FIND10
FIND90   LTR   R14,R14             not found: CC not 0
         BR    R14
*
         DS    0D
DOIONEW  DC    X'00000000',A(DOIO30)   I/O new PSW: disabled
DOIOWAIT DC    X'40020000',A(0)    wait, channel 1 (the 191) enabled
DOIONOP  DC    X'0002000000000E03'
GOOD     DC    X'000200000000600D' the attack was contained
BAD1     DC    X'00020000',X'0000BAD1'  the attack got through
BAD2     DC    X'00020000',X'0000BAD2'
IOCSW    DS    D
