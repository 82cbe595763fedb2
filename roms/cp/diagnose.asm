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
DIAG08   L     R1,VMPSW+4          the address after it
         N     R1,=X'00FFFFFF'
         TM    VMFLAG2,VMFD8GO     the same DIAGNOSE again, after it
         BZ    D805                  gave the others their turn?
         NI    VMFLAG2,X'FF'-VMFD8GO
         C     R1,VMD8IA
         BNE   D805
         TM    VMD8FLG,X'40'       yes: its commands go on (into its
         BZ    D810                  buffer, if it has one)
         OI    VMFLAGS,VMFBUF
         B     D810
D805     ST    R1,VMD8IA
         SR    R0,R0               and its own address, to run it
         IC    R0,PRGILC             again (D8RUN)
         SR    R1,R0
         N     R1,=X'00FFFFFF'
         ST    R1,VMD8BK
         L     R2,VMGPRS(R6)       the text
         ST    R2,D8TEXT
         L     R3,VMGPRS(R7)       flags and length
         ST    R3,VMD8FLG
         ST    R7,VMD8RY
         N     R3,=X'00FFFFFF'
         XC    VMD8POS,VMD8POS
         XC    VMD8LEN,VMD8LEN
         NI    VMFLAG2,X'FF'-VMFD8R-VMFD8DC
         XC    VMD8RC,VMD8RC
         XC    VMRSPUSE,VMRSPUSE   (no response yet, nor room for one)
         XC    VMRSPLEN,VMRSPLEN
         LTR   R3,R3               nothing: nothing to do
         BZ    D8DONE
         C     R3,=F'132'
         BH    SIMSPEC
         STH   R3,VMD8LEN
         LA    R3,VMD8TXT
         LH    R4,VMD8LEN
         BAL   R14,GCOPYIN
         BNZ   SIMADDR
         TM    VMD8FLG,X'40'       a response buffer?
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
D810     CALL  D8RUN               run them (or begin to: DMKCDB)
         B     DISPATCH
D8DONE   CALL  D8END
         B     DISPATCH
*
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
         DS    0D

