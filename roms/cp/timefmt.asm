***********************************************************************
*  TIMEFMT: the TOD clock as people read it, and numbers as text.     *
*                                                                     *
*  The TOD clock counts from 00:00 on 1 January 1900 (GMT); bit 51    *
*  is one microsecond, so the clock shifted right 12 bits counts      *
*  microseconds.  From there it is division all the way down: by 60  *
*  million for minutes, by 1440 for days, then whole years (365 or    *
*  366 days) and months are peeled off.  1 January 1900 was a Monday, *
*  so the weekday is the day count modulo 7.                          *
*                                                                     *
*  D divides the 64-bit even-odd register pair by a fullword: the     *
*  quotient goes to the odd register, the remainder to the even one.  *
***********************************************************************
*
***********************************************************************
*  TODFMT: format TODNOW into TFDATE (MM/DD/YY), TFTIME (HH:MM:SS),   *
*  TFDAY (weekday) and TFDAYL (its length).  Uses R0-R7, R15.         *
***********************************************************************
TODFMT   ENTER
         LM    R0,R1,TODNOW
         SRDL  R0,12               microseconds since 1900
         D     R0,=F'60000000'     R1 = minutes, R0 = us in the minute
         ST    R1,TFMIN
         LR    R1,R0
         SR    R0,R0
         D     R0,=F'1000000'      R1 = seconds
         LA    R2,TFTIME+6
         LA    R3,2
         BAL   R14,DECOUT
         L     R1,TFMIN
         SR    R0,R0
         D     R0,=F'1440'         R1 = days, R0 = minute of the day
         ST    R1,TFDAYS
         LR    R1,R0
         SR    R0,R0
         D     R0,=F'60'           R1 = hours, R0 = minutes
         ST    R0,TFMM
         LA    R2,TFTIME
         LA    R3,2
         BAL   R14,DECOUT
         L     R1,TFMM
         LA    R2,TFTIME+3
         LA    R3,2
         BAL   R14,DECOUT
         MVI   TFTIME+2,C':'
         MVI   TFTIME+5,C':'
*  The weekday.
         L     R1,TFDAYS
         SR    R0,R0
         D     R0,=F'7'            R0 = 0 (Monday) .. 6 (Sunday)
         LR    R1,R0
         MH    R1,=H'10'
         LA    R1,DAYTAB(R1)
         MVC   TFDAY,0(R1)
         MVC   TFDAYL,9(R1)
*  The year: take whole years off the day count.
         L     R5,TFDAYS
         LA    R6,1900
TF20     LA    R7,365
         BAL   R14,LEAP
         BNZ   TF22
         LA    R7,366
TF22     CR    R5,R7
         BL    TF30
         SR    R5,R7
         LA    R6,1(R6)
         B     TF20
*  The month: take whole months off what is left.
TF30     ST    R6,TFYEAR
         LA    R4,MONTAB
         LA    R3,1
TF32     LH    R7,0(R4)
         CH    R3,=H'2'            February in a leap year
         BNE   TF34
         BAL   R14,LEAP
         BNZ   TF34
         LA    R7,1(R7)
TF34     CR    R5,R7
         BL    TF40
         SR    R5,R7
         LA    R4,2(R4)
         LA    R3,1(R3)
         B     TF32
TF40     LA    R5,1(R5)            the day of the month
         ST    R5,TFMDAY
         LR    R1,R3
         LA    R2,TFDATE
         LA    R3,2
         BAL   R14,DECOUT
         L     R1,TFMDAY
         LA    R2,TFDATE+3
         LA    R3,2
         BAL   R14,DECOUT
         L     R1,TFYEAR
         SR    R0,R0
         D     R0,=F'100'
         LR    R1,R0
         LA    R2,TFDATE+6
         LA    R3,2
         BAL   R14,DECOUT
         MVI   TFDATE+2,C'/'
         MVI   TFDATE+5,C'/'
         LEAVE TODFMT
TODFMTR  DS    F
TFMIN    DS    F
TFDAYS   DS    F
TFMM     DS    F
TFYEAR   DS    F
TFMDAY   DS    F
MONTAB   DC    H'31,28,31,30,31,30,31,31,30,31,30,31'
DAYTAB   DC    CL9'MONDAY',AL1(6)
         DC    CL9'TUESDAY',AL1(7)
         DC    CL9'WEDNESDAY',AL1(9)
         DC    CL9'THURSDAY',AL1(8)
         DC    CL9'FRIDAY',AL1(6)
         DC    CL9'SATURDAY',AL1(8)
         DC    CL9'SUNDAY',AL1(6)
*
***********************************************************************
*  LEAP: CC 0 if the year in R6 is a leap year: divisible by 4, but   *
*  not by 100 unless by 400.  Uses R0, R1.                            *
***********************************************************************
LEAP     LR    R1,R6
         SR    R0,R0
         D     R0,=F'400'
         LTR   R0,R0
         BZR   R14
         LR    R1,R6
         SR    R0,R0
         D     R0,=F'100'
         LTR   R0,R0
         BZ    LEAPNO
         LR    R1,R6
         SR    R0,R0
         D     R0,=F'4'
         LTR   R0,R0
         BR    R14
LEAPNO   LTR   R14,R14             (an address: CC 2)
         BR    R14
*
***********************************************************************
*  FMTWHEN: "HH:MM:SS GMT WEEKDAY MM/DD/YY" from the TODFMT fields.   *
*  In: R2 -> where.  Out: R2 -> the byte after it.  Uses R1.          *
***********************************************************************
FMTWHEN  MVC   0(8,R2),TFTIME
         MVC   8(5,R2),=C' GMT '
         LA    R2,13(R2)
         SR    R1,R1
         IC    R1,TFDAYL
         BCTR  R1,0
         EX    R1,FWMVC
         LA    R2,1(R1,R2)
         MVI   0(R2),C' '
         MVC   1(8,R2),TFDATE
         LA    R2,9(R2)
         BR    R14
FWMVC    MVC   0(0,R2),TFDAY
*
***********************************************************************
*  FMTCPU: a CPU time as "mmm:ss.hh".                                 *
*  In: R2:R3 = time in CPU-timer units, R4 -> 9 bytes.                *
*  Uses R0-R3, R15.                                                   *
***********************************************************************
FMTCPU   ENTER
         SRDL  R2,12               microseconds
         D     R2,=F'10000'        R3 = hundredths of a second
         SR    R2,R2
         D     R2,=F'100'          R3 = seconds, R2 = hundredths
         ST    R2,FCHUND
         SR    R2,R2
         D     R2,=F'60'           R3 = minutes, R2 = seconds
         ST    R2,FCSEC
         LR    R1,R3
         LR    R2,R4
         LA    R3,3
         BAL   R14,DECOUT
         MVI   3(R4),C':'
         L     R1,FCSEC
         LA    R2,4(R4)
         LA    R3,2
         BAL   R14,DECOUT
         MVI   6(R4),C'.'
         L     R1,FCHUND
         LA    R2,7(R4)
         LA    R3,2
         BAL   R14,DECOUT
         LEAVE FMTCPU
FMTCPUR  DS    F
FCHUND   DS    F
FCSEC    DS    F
*
***********************************************************************
*  DECOUT: R1 (0 or more) as R3 decimal digits, leading zeros, at R2. *
*  Uses R0-R3.                                                        *
***********************************************************************
DECOUT   AR    R2,R3               fill from the right
DEC10    BCTR  R2,0
         SR    R0,R0
         D     R0,=F'10'           R0 = the last digit
         O     R0,=F'240'          X'F0': EBCDIC '0'..'9'
         STC   R0,0(R2)
         BCT   R3,DEC10
         BR    R14
*
***********************************************************************
*  HEXOUT: the low R3 hex digits of R0 at R2.  Uses R0-R3.            *
***********************************************************************
HEXOUT   AR    R2,R3
HEX10    BCTR  R2,0
         LR    R1,R0
         N     R1,=F'15'
         IC    R1,HEXDIGS(R1)
         STC   R1,0(R2)
         SRL   R0,4
         BCT   R3,HEX10
         BR    R14
HEXDIGS  DC    C'0123456789ABCDEF'
