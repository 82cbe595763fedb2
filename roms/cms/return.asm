         MACRO
&LABEL   RETURN
.*********************************************************************
.*  RETURN: go back to the caller of a routine that began with       *
.*  ENTER.  R2-R13 are the caller's again; R0, R1 and R15 are the    *
.*  routine's results (R15: the return code, 0 = fine).              *
.*********************************************************************
&LABEL   SH    R13,FRMLEN          give the frame back
         L     R14,0(R13)
         LM    R2,R12,16(R13)
         BR    R14
         MEND
