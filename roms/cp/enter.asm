         MACRO
&NAME    ENTER &SAVE
.*********************************************************************
.*  ENTER: the first instruction of a routine that calls others, and *
.*  of every routine of a module that is called from outside it.     *
.*  BAL R14 (or CALL) put the return address in R14, and the next    *
.*  BAL will overwrite it, so it is kept in the routine's own word   *
.*  &NAME.R (CP runs disabled, so no routine is ever entered twice   *
.*  at once).  LEAVE &NAME returns.  Routines that share their ways  *
.*  out share the words too: ENTER VMCMD keeps R14 in VMCMDR, and    *
.*  LEAVE VMCMD returns.                                             *
.*                                                                   *
.*  In a module (any CSECT but CP, the core) ENTER also makes R13    *
.*  the base register of the module (&SYSECT), whoever called: it    *
.*  keeps the caller's R13 (the core's fourth base, or another       *
.*  module's) in the word &NAME.B, and LEAVE gives it back.  BALR    *
.*  finds where the routine is, so no caller has to say: the         *
.*  module's own routines call it with BAL, the core and the other   *
.*  modules with CALL.  R15 is lost.  The words may be anywhere in   *
.*  the module; its literal pool must lie within 4K after the        *
.*  routine (LTORG at the end of a module of at most 4K).            *
.*********************************************************************
         LCLC  &S
&S       SETC  '&SAVE'
         AIF   ('&S' NE '').NAMED
&S       SETC  '&NAME'
.NAMED   AIF   ('&SYSECT' NE 'CP').MODULE
&NAME    ST    R14,&S.R            the return address
         MEXIT
.MODULE  ANOP
&NAME    BALR  R15,0               R15 -> here
         DROP  R13
         USING *,R15
         L     R15,=A(&SYSECT)     R15 -> the module
         DROP  R15
         USING &SYSECT,R15
         ST    R14,&S.R            the return address
         ST    R13,&S.B            the caller's base register
         LR    R13,R15             the module's base
         DROP  R15
         USING &SYSECT,R13
         MEND
