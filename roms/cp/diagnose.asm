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
         ST    R3,VMD8FLG
         ST    R7,VMD8RY
         N     R3,=X'00FFFFFF'
         XC    VMD8POS,VMD8POS
         XC    VMD8LEN,VMD8LEN
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
D810     BAL   R14,D8RUN           run them (or begin to)
         B     DISPATCH
D8DONE   BAL   R14,D8END
         B     DISPATCH
*
***********************************************************************
*  D8RUN: run the commands of the DIAGNOSE X'08' under way, from      *
*  VMD8POS on, and complete it (D8END).  CP runs a command to its end *
*  and waits for the terminal when it has more to type than its queue *
*  holds; so that one DIAGNOSE with many commands cannot hold every   *
*  other user that long, the machine waits (VMSOUTW) between two      *
*  commands while its terminal's queue is half full: IOHNDL calls     *
*  D8RUN again when the terminal has typed it all.  In: R11 = VMBLOK. *
*  Uses R0-R8, R15.                                                   *
***********************************************************************
D8RUN    ENTER
D8R10    LH    R4,VMD8POS          any left?
         CH    R4,VMD8LEN
         BNL   D8R90
         LA    R2,VMD8TXT(R4)      this one: up to X'15' or the end
         LH    R5,VMD8LEN
         LA    R5,VMD8TXT(R5)
         LR    R1,R2
D8R20    CR    R1,R5
         BNL   D8R30
         CLI   0(R1),X'15'
         BE    D8R30
         LA    R1,1(R1)
         B     D8R20
D8R30    LR    R3,R1
         SR    R3,R2
         LA    R1,1(R1)            the next one starts past the X'15'
         LA    R0,VMD8TXT
         SR    R1,R0
         STH   R1,VMD8POS
         L     R8,VMRDEV
         BAL   R14,CPCMD
         CLI   VMSTATE,VMSFREE     logged itself off?
         BE    D8R95
         TM    VMLKFLG,VMLKPEND    a LINK asking for its password:
         BZ    D8R40                 the DIAGNOSE waits for it in CP
         OI    VMLKFLG,VMLKD8        READ (LNKPASS goes on with it)
         MVC   VMLKSTAT,VMSTATE
         MVI   VMSTATE,VMSSTOP
         B     D8R95
D8R40    DS    0H
         MVC   VMD8RC,CPRCH
         TM    VMFLAGS,VMFBUF      a buffer: no terminal to wait for
         BO    D8R10
         LH    R4,VMD8POS          more to come, and the terminal
         CH    R4,VMD8LEN            has half its queue to type?
         BNL   D8R90
         L     R8,VMRDEV
         LH    R0,RDEVQCNT-RDEV(R8)
         CH    R0,=AL2(RDEVQN/2)
         BL    D8R10
         MVI   VMSTATE,VMSOUTW     then the machine waits for it
         B     D8R95
D8R90    BAL   R14,D8END
D8R95    LEAVE D8RUN
D8RUNR   DS    F
*
***********************************************************************
*  D8END: complete the DIAGNOSE X'08': Ry = the last command's return *
*  code; with a buffer, Ry+1 = the response's length (or what did not *
*  fit, and CC 1).  The machine runs on.  In: R11.  Uses R0-R2, R7,   *
*  R15.                                                               *
***********************************************************************
D8END    ENTER
         CLI   VMSTATE,VMSOUTW
         BNE   D8E10
         MVI   VMSTATE,VMSRUN
D8E10    NI    VMFLAGS,X'FF'-VMFBUF
         LH    R0,VMD8RC           Ry = return code
         L     R7,VMD8RY
         ST    R0,VMGPRS(R7)
         SR    R0,R0               CC 0
         TM    VMD8FLG,X'40'
         BZ    D8E90
         LA    R1,4(R7)            Ry+1 = response length ...
         N     R1,=F'63'
         L     R2,VMRSPUSE
         S     R2,VMRSPLEN
         BNP   D8E60
         ST    R2,VMGPRS(R1)       ... or what did not fit
         LA    R0,1                CC 1
         B     D8E90
D8E60    L     R2,VMRSPUSE
         ST    R2,VMGPRS(R1)
D8E90    BAL   R14,SETCC
         LEAVE D8END
D8ENDR   DS    F
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

