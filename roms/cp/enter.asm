         MACRO
&NAME    ENTER
.*********************************************************************
.*  ENTER: the first instruction of a routine that calls others.     *
.*  BAL R14 put the return address in R14, and the next BAL will    *
.*  overwrite it, so it is kept in the routine's own word &NAME.R    *
.*  (CP runs disabled, so no routine is ever entered twice at once). *
.*  LEAVE &NAME returns.                                             *
.*********************************************************************
&NAME    ST    R14,&NAME.R
         MEND
