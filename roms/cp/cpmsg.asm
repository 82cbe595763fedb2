         MACRO
&LABEL   CPMSG &MSG,&RC=,&VIA=CPLINE
.*********************************************************************
.*  CPMSG: type the message whose text is the DC at &MSG.            *
.*    CPMSG MSG026,RC=26    an error: return code 26, and for a      *
.*                          logged-on user the text without its id   *
.*                          (CPERR, VM/370's SET EMSG TEXT)          *
.*    CPMSG STORMSG         a response line (CPLINE: the terminal,   *
.*                          or a DIAGNOSE X'08' buffer)              *
.*    CPMSG PASSMSG,VIA=TLINE   any other typing routine             *
.*  Uses what the routine it calls uses, and R2, R3 (R0 with RC=).   *
.*********************************************************************
&LABEL   LA    R2,&MSG
         LA    R3,L'&MSG
         AIF   ('&RC' EQ '').NORC
         LA    R0,&RC
         BAL   R14,CPERR
         MEXIT
.NORC    BAL   R14,&VIA
         MEND
