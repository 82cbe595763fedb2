***********************************************************************
*  CMDLOOP: the command loop (DMSINT).                                *
*                                                                     *
*  Read a line, note the CPU time (DIAGNOSE X'0C'), run the command   *
*  (EXECCMD), close the files it left open, and type the ready        *
*  message with the CPU time the command took, virtual/total, and     *
*  the time of day:                                                   *
*       R; T=0.01/0.01 09:00:05          (return code 0)              *
*       R(00028); T=0.01/0.01 09:00:05   (return code 28)             *
*  Virtual time is what the virtual machine itself ran; total adds    *
*  the time CP spent for it - the cost of trapping and emulating.     *
*                                                                     *
*  The first line, even an empty one, first accesses the standard     *
*  disks (AUTOACC) and runs PROFILE EXEC from the A disk (EXPROF), as *
*  VM/370's CMS did; a first line "ACCESS (NOPROF" skips the profile  *
*  and is done then.                                                  *
***********************************************************************
CMDLOOP  L     R13,STKBASE         an empty register stack
         CALL  RDTERM              R0 = the line's length
         ST    R0,INLEN
         XC    RC,RC
         LA    R2,TIME0            CPU time so far
         DIAG  R2,0,X'0C'
         L     R1,INLEN            upper case
         LTR   R1,R1
         BZ    CL10
         BCTR  R1,0
         EX    R1,UPCASE
CL10     TM    CMSFLAGS,CMSFIRST   the first command: the disks
         BZ    CL20
         NI    CMSFLAGS,255-CMSFIRST
         CALL  AUTOACC
         LA    R1,INBUF            PROFILE EXEC
         L     R0,INLEN
         CALL  EXPROF
         LTR   R15,R15
         BNZ   READY               (ACCESS (NOPROF: done)
CL20     LA    R1,INBUF
         L     R0,INLEN
         CALL  EXECCMD
         ST    R15,RC
         CALL  FSCLALL             files it left open
*
*  The ready message.
READY    LA    R2,TIME1            CPU time now
         DIAG  R2,0,X'0C'
         LA    R2,LINE
         L     R1,RC
         LTR   R1,R1
         BNZ   RDY10
         MVC   0(2,R2),=C'R;'
         LA    R2,2(R2)
         B     RDY20
RDY10    MVC   0(2,R2),=C'R('      R(nnnnn) or R(-nnnn)
         LA    R2,2(R2)
         LA    R3,5
         LTR   R1,R1
         BNM   RDY12
         MVI   0(R2),C'-'
         LA    R2,1(R2)
         LPR   R1,R1
         LA    R3,4
RDY12    BAL   R14,DECOUT
         MVC   0(2,R2),=C');'
         LA    R2,2(R2)
RDY20    TM    CMSFLAGS,CMSRDYS    SET RDYMSG SMSG: no times
         BO    RDY30
         MVC   0(3,R2),=C' T='
         LA    R2,3(R2)
         L     R1,TIME1+20         virtual microseconds used
         S     R1,TIME0+20
         BAL   R14,FMTSEC
         MVI   0(R2),C'/'
         LA    R2,1(R2)
         L     R1,TIME1+28         total microseconds used
         S     R1,TIME0+28
         BAL   R14,FMTSEC
         MVI   0(R2),C' '
         MVC   1(8,R2),TIME1+8     the time of day
         LA    R2,9(R2)
RDY30    LR    R3,R2
         LA    R2,LINE
         SR    R3,R2
         CALL  WRTERM
         B     CMDLOOP
UPCASE   OC    INBUF(0),BLANKS
BLANKS   DC    CL130' '
*
***********************************************************************
*  FMTSEC: microseconds as seconds with two decimals ("0.01",         *
*  "12.34").  In: R1 = microseconds, R2 -> where.  Out: R2 advanced.  *
*  Uses R0, R1, R3, R15.                                              *
***********************************************************************
FMTSEC   ST    R14,FMTSECR
         SR    R0,R0
         D     R0,=F'10000'        R1 = hundredths
         SR    R0,R0
         D     R0,=F'100'          R1 = seconds, R0 = hundredths
         ST    R0,FSHUND
         LA    R3,1                how many digits?
         LA    R15,POWERS
FS10     C     R1,0(R15)
         BL    FS20
         LA    R3,1(R3)
         LA    R15,4(R15)
         CH    R3,=H'9'
         BL    FS10
FS20     BAL   R14,DECOUT          the seconds
         MVI   0(R2),C'.'
         L     R1,FSHUND
         LA    R2,1(R2)
         LA    R3,2
         BAL   R14,DECOUT          the hundredths
         L     R14,FMTSECR
         BR    R14
FMTSECR  DS    F
FSHUND   DS    F
POWERS   DC    F'10,100,1000,10000,100000,1000000,10000000,100000000'
*
***********************************************************************
*  DECOUT: R1 as R3 decimal digits at R2 (leading zeros).             *
*  Out: R2 -> the byte after them.  Uses R0, R1, R3.                  *
***********************************************************************
DECOUT   AR    R2,R3
         ST    R2,DECEND
DEC10    BCTR  R2,0
         SR    R0,R0
         D     R0,=F'10'
         O     R0,=F'240'
         STC   R0,0(R2)
         BCT   R3,DEC10
         L     R2,DECEND
         BR    R14
DECEND   DS    F
