         MACRO
&LABEL   LEAVE &NAME
.*********************************************************************
.*  LEAVE: return from the routine &NAME, which began with ENTER:    *
.*  take the return address back from &NAME.R and branch to it.     *
.*********************************************************************
&LABEL   L     R14,&NAME.R
         BR    R14
         MEND
