         MACRO
&LABEL   TYPE  &MSG
.*********************************************************************
.*  TYPE: type the line whose text is the DC at &MSG on the console  *
.*  (WRTERM).  Changes R2, R3, R14, R15.                             *
.*********************************************************************
&LABEL   LA    R2,&MSG
         LA    R3,L'&MSG
         CALL  WRTERM
         MEND
