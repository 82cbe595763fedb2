         MACRO
&LABEL   LEAVE &NAME,&CC=
.*********************************************************************
.*  LEAVE: return from the routine &NAME, which began with ENTER:    *
.*  take the return address back from &NAME.R and branch to it; in a *
.*  module, the caller's R13 comes back from &NAME.B too (last: it   *
.*  addresses the words).  The condition code stays as it was, so a  *
.*  routine can answer with it; CC=NZ returns with CC not 0 (from    *
.*  the return address, which is never 0).                           *
.*********************************************************************
&LABEL   L     R14,&NAME.R
         AIF   ('&SYSECT' EQ 'CP').CORE
         L     R13,&NAME.B
.CORE    AIF   ('&CC' EQ '').GO
         AIF   ('&CC' EQ 'NZ').NZ
         MNOTE 8,'LEAVE: CC= may only be NZ'
         MEXIT
.NZ      LTR   R14,R14
.GO      BR    R14
         MEND
