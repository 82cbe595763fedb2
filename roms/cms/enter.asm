         MACRO
&NAME    ENTER
.*********************************************************************
.*  ENTER: the first instruction of a CMS routine.  The caller put   *
.*  the routine's address in R15 and the return address in R14       *
.*  (the CALL macro does both).  ENTER keeps the caller's R14-R12 in *
.*  a frame on CMS's register stack (R13 points at the next free     *
.*  frame), takes the frame, and makes R12 the base register of the  *
.*  module (the CSECT, &SYSECT) the routine is in: every routine of  *
.*  a module addresses the module's code and data the same way, so  *
.*  they may share labels, data and inner subroutines.  A module     *
.*  stays under 4K.  RETURN gives the frame back.  Because every     *
.*  routine saves its caller's registers on a stack, routines may    *
.*  call one another and themselves (an EXEC that runs an EXEC) to   *
.*  any depth the stack holds (STKSIZE: 256 frames).                 *
.*                                                                   *
.*  A frame:  +0 R14  +4 R15  +8 R0  +12 R1  +16 R2 ... +56 R12      *
.*********************************************************************
&NAME    STM   R14,R12,0(R13)      the caller's registers
         LR    R12,R15             the routine's address ...
         AIF   ('&NAME' EQ '&SYSECT').FRAME
         USING &NAME,R12
         SH    R12,=AL2(&NAME-&SYSECT)   ... back to the module's
.FRAME   ANOP
         USING &SYSECT,R12
         AH    R13,FRMLEN          our frame is taken
         MEND
