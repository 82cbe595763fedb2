*  A macro library member: found by its name when a statement calls it
         MACRO
&N       LIBMAC &R
&N       LR    &R,&R
         MEND
