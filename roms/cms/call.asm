         MACRO
&LABEL   CALL  &RTN
.*********************************************************************
.*  CALL: call the routine &RTN (which begins with ENTER): R15 = its *
.*  address, R14 = where it returns.  R0 and R1 carry arguments.     *
.*********************************************************************
&LABEL   L     R15,=A(&RTN)
         BALR  R14,R15
         MEND
