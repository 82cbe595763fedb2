***********************************************************************
*  CMDLOOP: the command loop (DMSINT).                                *
*                                                                     *
*  Read a line, note the CPU time (DIAGNOSE X'0C'), run the command,  *
*  and type the ready message with the CPU time the command took,     *
*  virtual/total, and the time of day:                                *
*       R; T=0.01/0.01 09:00:05          (return code 0)              *
*       R(00045); T=0.01/0.01 09:00:05   (return code 45)             *
*  Virtual time is what the virtual machine itself ran; total adds    *
*  the time CP spent for it - the cost of trapping and emulating.     *
*                                                                     *
*  A command is either "CP text", handed to CP as it stands, or the   *
*  name of a CMS command.  This CMS has no commands of its own yet,   *
*  so, like VM/370's CMS with IMPCP ON, it offers the line to CP with *
*  a response buffer: if CP knows the command its answer is typed,    *
*  and if CP does not either (return code 1), CMS says                *
*  "UNKNOWN CP/CMS COMMAND" and the return code is -3.                *
***********************************************************************
CMDLOOP  BAL   R14,RDTERM          R3 = length of the line
         ST    R3,INLEN
         XC    RC,RC
         LA    R2,TIME0            CPU time so far
         DIAG  R2,0,X'0C'
         L     R3,INLEN
         LTR   R1,R3               empty: just the ready message
         BZ    READY
         BCTR  R1,0
         EX    R1,UPCASE
*  The first word.
         LA    R2,INBUF
         LA    R4,INBUF(R3)        end of the line
CL10     CLI   0(R2),C' '
         BNE   CL20
         LA    R2,1(R2)
         CR    R2,R4
         BL    CL10
         B     READY               only blanks
CL20     LR    R5,R2               find its end
CL22     LA    R5,1(R5)
         CR    R5,R4
         BNL   CL24
         CLI   0(R5),C' '
         BNE   CL22
CL24     LR    R6,R5
         SR    R6,R2               length of the word
         CH    R6,=H'2'
         BNE   IMPCP
         CLC   0(2,R2),=C'CP'
         BNE   IMPCP
*
*  "CP text": hand the rest to CP as it stands; CP types its answer.
         LR    R2,R5               the rest of the line
         LR    R3,R4
         SR    R3,R2
         DIAG  R2,R3,X'08'         R3 = CP's return code
         ST    R3,RC
         B     READY
*
*  Anything else: offer the whole line to CP, answer into RSPBUF.
IMPCP    LA    R2,INBUF            Rx: the command, Rx+1: the buffer
         LA    R3,RSPBUF
         L     R4,INLEN            Ry: flag X'40' and the length
         O     R4,=X'40000000'
         L     R5,=A(L'RSPBUF)     Ry+1: the buffer's length
         DIAG  R2,R4,X'08'
         BC    4,IMP05             CC 1: more than the buffer held
         B     IMP10
IMP05    L     R5,=A(L'RSPBUF)
IMP10    C     R4,=F'1'            CP did not know it either?
         BE    UNKNOWN
         ST    R4,RC
         LA    R6,RSPBUF           type the answer, line by line
         LA    R7,RSPBUF(R5)
IMP20    CR    R6,R7
         BNL   READY
         LR    R2,R6
IMP22    CR    R6,R7
         BNL   IMP24
         CLI   0(R6),X'15'
         BE    IMP24
         LA    R6,1(R6)
         B     IMP22
IMP24    LR    R3,R6
         SR    R3,R2
         BAL   R14,WRTERM
         LA    R6,1(R6)            past the X'15'
         B     IMP20
UNKNOWN  TYPE  UNKMSG
         L     R0,=F'-3'
         ST    R0,RC
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
RDY20    MVC   0(3,R2),=C' T='
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
         LA    R3,9(R2)
         LA    R2,LINE
         SR    R3,R2
         BAL   R14,WRTERM
         B     CMDLOOP
UPCASE   OC    INBUF(0),BLANKS
UNKMSG   DC    C'UNKNOWN CP/CMS COMMAND'
BLANKS   DC    CL130' '
RSPBUF   DS    CL2048              CP's answer to an implied CP command
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
