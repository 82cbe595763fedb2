         MACRO
&LABEL   TYPE  &MSG
.*********************************************************************
.*  TYPE: type the line whose text is the DC at &MSG on the console  *
.*  (WRTERM).  Uses R0-R3, R15.                                      *
.*********************************************************************
&LABEL   LA    R2,&MSG
         LA    R3,L'&MSG
         BAL   R14,WRTERM
         MEND
