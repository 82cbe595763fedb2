***********************************************************************
*  DIAGNOSE: services CP offers a guest that knows it runs under CP   *
*  (DMKHVC).  DIAGNOSE is privileged, so it always traps; the code    *
*  is the operand address, Rx and Ry name registers:                  *
*     83 xy code      DIAG Rx,Ry,code                                 *
*  X'08'  run CP commands: Rx -> text, Ry = length (at most 132).     *
*         Flag X'40' in Ry's first byte: put the response in a buffer *
*         (Rx+1 -> buffer, Ry+1 = its length) instead of typing it.   *
*         Back: Ry = return code (the CP message number, 0 = fine),   *
*         Ry+1 = response length; CC 1 if it did not all fit, and     *
*         then Ry+1 = the number of bytes that did not.               *
*  X'0C'  the time: 32 bytes at Rx (on a doubleword): MM/DD/YY,       *
*         HH:MM:SS, virtual CPU time and total CPU time, both in      *
*         microseconds.  CMS's "R; T=0.01/0.01" comes from this.      *
*  X'60'  Rx = the size of virtual storage.                           *
*  Any other code is a specification exception for the guest.         *
***********************************************************************
DIAGNOSE DS    0H
         USING VMBLOK,R11
         LH    R1,VMINST+2
         BAL   R14,OPADDR          R1 = the code
         SR    R6,R6
         IC    R6,VMINST+1
         LR    R7,R6
         SRL   R6,4                Rx * 4
         SLL   R6,2
         N     R7,=F'15'           Ry * 4
         SLL   R7,2
         ST    R6,D8RX
         ST    R7,D8RY
         CH    R1,=H'8'
         BE    DIAG08
         CH    R1,=H'12'
         BE    DIAG0C
         CH    R1,=H'96'
         BE    DIAG60
         B     SIMSPEC
*
*  X'60': the storage size.
DIAG60   L     R0,VMSIZE
         ST    R0,VMGPRS(R6)
         B     DISPATCH
*
*  X'0C': date, time and CPU times.
DIAG0C   L     R2,VMGPRS(R6)
         N     R2,=F'7'
         BNZ   SIMSPEC
         STCK  TODNOW
         BAL   R14,TODFMT
         MVC   D0CAREA(8),TFDATE
         MVC   D0CAREA+8(8),TFTIME
         LM    R2,R3,VMVTIME       the CPU timer counts 1/4096 us
         SRDL  R2,12
         STM   R2,R3,D0CAREA+16
         LM    R2,R3,VMVTIME
         LM    R4,R5,VMCTIME
         BAL   R14,DADD
         SRDL  R2,12
         STM   R2,R3,D0CAREA+24
         L     R6,D8RX
         L     R2,VMGPRS(R6)
         LA    R3,D0CAREA
         LA    R4,32
         BAL   R14,GCOPYOUT
         BNZ   SIMADDR
         B     DISPATCH
*
*  X'08': CP commands.
DIAG08   L     R2,VMGPRS(R6)       the text
         ST    R2,D8TEXT
         L     R3,VMGPRS(R7)       flags and length
         ST    R3,D8FLAGS
         N     R3,=X'00FFFFFF'
         ST    R3,D8LEN
         XC    CPRCH,CPRCH
         LTR   R3,R3               nothing: nothing to do
         BZ    D850
         C     R3,=F'132'
         BH    SIMSPEC
         LA    R3,D8CMD
         L     R4,D8LEN
         BAL   R14,GCOPYIN
         BNZ   SIMADDR
         TM    D8FLAGS,X'40'       a response buffer?
         BZ    D810
         LA    R1,4(R6)            Rx+1
         N     R1,=F'63'
         L     R0,VMGPRS(R1)
         N     R0,=X'00FFFFFF'
         ST    R0,VMRSPADR
         LA    R1,4(R7)            Ry+1
         N     R1,=F'63'
         L     R0,VMGPRS(R1)
         ST    R0,VMRSPLEN
         XC    VMRSPUSE,VMRSPUSE
*  The whole buffer must lie in the machine's storage: else an
*  addressing exception, before any command runs.
         L     R0,VMRSPLEN
         CL    R0,VMSIZE
         BH    SIMADDR
         A     R0,VMRSPADR
         CL    R0,VMSIZE
         BH    SIMADDR
         OI    VMFLAGS,VMFBUF
D810     L     R8,VMRDEV
         LA    R4,D8CMD            commands are separated by X'15'
         L     R5,D8LEN
         AR    R5,R4
         ST    R5,D8END
D820     LR    R2,R4               find the end of this one
D825     CR    R4,R5
         BNL   D830
         CLI   0(R4),X'15'
         BE    D830
         LA    R4,1(R4)
         B     D825
D830     LR    R3,R4
         SR    R3,R2
         LA    R4,1(R4)            past the X'15'
         ST    R4,D8NEXT
         BAL   R14,CPCMD
         CLI   VMSTATE,VMSFREE     logged itself off?
         BE    DISPATCH
         L     R4,D8NEXT
         L     R5,D8END
         CR    R4,R5
         BL    D820
D850     NI    VMFLAGS,X'FF'-VMFBUF
         LH    R0,CPRCH            Ry = return code
         L     R7,D8RY
         ST    R0,VMGPRS(R7)
         SR    R0,R0               CC 0
         TM    D8FLAGS,X'40'
         BZ    D890
         LA    R1,4(R7)            Ry+1 = response length ...
         N     R1,=F'63'
         L     R2,VMRSPUSE
         S     R2,VMRSPLEN
         BNP   D860
         ST    R2,VMGPRS(R1)       ... or what did not fit
         LA    R0,1                CC 1
         B     D890
D860     L     R2,VMRSPUSE
         ST    R2,VMGPRS(R1)
D890     BAL   R14,SETCC
         B     DISPATCH
*
*  An operand beyond the virtual machine's storage.
SIMADDR  LA    R2,5
         SR    R3,R3
         IC    R3,PRGILC
         B     PRGREFL
         DROP  R11
D8RX     DS    F
D8RY     DS    F
D8TEXT   DS    F
D8FLAGS  DS    F
D8LEN    DS    F
D8END    DS    F
D8NEXT   DS    F
         DS    0D
D0CAREA  DS    XL32
D8CMD    DS    CL132
