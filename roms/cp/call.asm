         MACRO
&LABEL   CALL  &RTN
.*********************************************************************
.*  CALL: call &RTN, a routine of a module (it begins with ENTER,    *
.*  which makes R13 its module's base and gives the caller's back).  *
.*  The core and the other modules cannot reach a module's code      *
.*  with their base registers, so the routine's address comes from   *
.*  an address constant: R15 = its address, R14 = where it returns.  *
.*  Arguments and results are in the registers the routine names.    *
.*********************************************************************
&LABEL   L     R15,=A(&RTN)
         BALR  R14,R15
         MEND
