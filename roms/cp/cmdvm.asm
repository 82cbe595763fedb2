***********************************************************************
*  CMDVM: commands on the user's own virtual machine (DMKCDB, DMKCDS, *
*  DMKCFG): look at it, change it, restart it - what the operator's   *
*  console panel did for a real machine.                              *
*                                                                     *
*  DISPLAY PSW | G [r[-r]] | [L]hexloc[.hexlen|-hexend]               *
*  STORE   PSW [w1] w2 | Greg w1 [w2 ...] | Shexloc hexdata |         *
*          [L]hexloc w1 [w2 ...]                                      *
*  BEGIN   [hexloc]                                                   *
*  IPL     CMS                                                        *
*                                                                     *
*  Addresses are the guest's (its real storage): CP translates them   *
*  through the machine's page tables, as for everything it does to a  *
*  virtual machine.                                                   *
*                                                                     *
*  A module: its own CSECT, R13 its base (ENTER).  The four commands  *
*  share their ways out (VMEXIT, VMOPND ...) and so their words: each *
*  begins with ENTER VMCMD.                                           *
***********************************************************************
DMKCDB   CSECT
         USING DMKCDB,R13          the module's base (ENTER sets it)
*
***********************************************************************
*  HEXIN: a hexadecimal number.                                       *
*  In: R2 -> text, R3 = length (1-8).  Out: CC 0 and R1 = the value;  *
*  CC not 0 if it is not 1-8 hex digits.  Uses R0, R1, R15.           *
***********************************************************************
HEXIN    SR    R1,R1
         LTR   R15,R3
         BZ    HEXBAD
         C     R15,=F'8'
         BH    HEXBAD
         LR    R0,R2
HEXI10   SLL   R1,4
         ST    R1,HEXIVAL
         LR    R1,R0
         IC    R1,0(R1)            (only the low byte matters below)
         N     R1,=F'255'
         CH    R1,=X'00C1'         A-F
         BL    HEXBAD
         CH    R1,=X'00C6'
         BNH   HEXI20
         CH    R1,=X'00F0'         0-9
         BL    HEXBAD
         CH    R1,=X'00F9'
         BH    HEXBAD
         SH    R1,=X'00F0'
         B     HEXI30
HEXI20   SH    R1,=X'00B7'         C'A' = X'C1' -> 10
HEXI30   O     R1,HEXIVAL
         AH    R0,=H'1'
         BCT   R15,HEXI10
         SR    R15,R15             CC 0
         BR    R14
HEXBAD   LA    R15,1
         LTR   R15,R15
         BR    R14
HEXIVAL  DS    F
*
***********************************************************************
*  REGIN: a register number: one hex digit (0-F), or, as VM/370 also  *
*  took them, two decimal digits 10-15 (D G12 is GPR 12).             *
*  In: R2 -> text, R3 = length.  Out: CC 0 and R1 = 0-15, or CC not 0.*
*  Uses R0, R1, R15.                                                  *
***********************************************************************
REGIN    CH    R3,=H'2'            two characters: decimal 10-15
         BNE   REGIN20
         CLC   0(2,R2),=C'10'
         BL    REGIN20
         CLC   0(2,R2),=C'15'
         BH    REGIN20
         IC    R1,1(R2)            1 and the units digit: 10 + units
         N     R1,=F'15'
         LA    R1,10(R1)
         CR    R1,R1               CC 0
         BR    R14
REGIN20  ST    R14,REGINR          else hex, at most F
         BAL   R14,HEXIN
         L     R14,REGINR
         BNZR  R14
         C     R1,=F'15'
         BHR   R14                 (CC 2: not 0)
         CR    R1,R1
         BR    R14
REGINR   DS    F
*
***********************************************************************
*  VMOPND: the common error: "OPERAND MISSING OR INVALID" (26).       *
***********************************************************************
VMOPND   CPMSG MSG026,RC=26
         B     VMEXIT
*  VMBEYOND: "HEXLOC xxxxxx EXCEEDS STORAGE" (160) when the address
*  lies beyond the machine (GTRANS's R15 = 1); when it is inside but
*  no real frame is left for its page (R15 = 2), CP says that (111).
VMBEYOND CH    R15,=H'2'
         BNE   VMB10
         CPMSG MSG111,RC=111
         B     VMEXIT
VMB10    L     R0,VMADDR
         MVC   LINEBUF(L'MSG160A),MSG160A
         LA    R2,LINEBUF+L'MSG160A
         LA    R3,6
         BAL   R14,HEXOUT
         MVC   LINEBUF+L'MSG160A+6(L'MSG160B),MSG160B
         LA    R2,LINEBUF
         LA    R3,L'MSG160A+6+L'MSG160B
         LA    R0,160
         BAL   R14,CPERR
         B     VMEXIT
VMDONE   CPMSG STORMSG
VMEXIT   LEAVE VMCMD
VMCMDR   DS    F
VMCMDB   DS    F
VMADDR   DS    F
VMLEN    DS    F
VMLINEN  DS    F                   bytes on this line (DISPLAY)
VMREG    DS    F
VMREG2   DS    F
STORMSG  DC    C'STORE COMPLETE'
MSG160A  DC    C'DMKCDB160E HEXLOC '
MSG160B  DC    C' EXCEEDS STORAGE'
MSG111   DC    C'DMKPTR111E REAL STORAGE EXHAUSTED'
         DS    0F
*
***********************************************************************
*  CMDSTORE: STORE.                                                   *
***********************************************************************
CMDSTORE ENTER VMCMD
         USING VMBLOK,R11
         BAL   R14,NEXTTOK
         LTR   R3,R3
         BZ    VMOPND
         L     R4,=A(KWPSW)
         LA    R5,1
         BAL   R14,KWMATCH
         BE    STPSW
         CLI   0(R2),C'G'
         BE    STGREG
         CLI   0(R2),C'S'
         BE    STSTR
         CLI   0(R2),C'L'          Lhexloc: the L is optional
         BNE   ST10
         LA    R2,1(R2)
         BCTR  R3,0
*  STORE hexloc w1 [w2 ...]: fullwords.
ST10     BAL   R14,HEXIN
         BNZ   VMOPND
         ST    R1,VMADDR
         BAL   R14,STWORDS         R5 = number of words
         LTR   R5,R5
         BZ    VMOPND
         L     R2,VMADDR
         LA    R3,VMWORDS
         LR    R4,R5
         SLL   R4,2
         BAL   R14,GCOPYOUT
         BNZ   VMBEYOND
         B     VMDONE
*  STORE PSW [w1] w2.
STPSW    BAL   R14,STWORDS
         CH    R5,=H'1'
         BE    STPSW1
         CH    R5,=H'2'
         BNE   VMOPND
         MVC   VMPSW,VMWORDS
         B     STPSW2
STPSW1   MVC   VMPSW+4(4),VMWORDS
STPSW2   B     VMDONE              (a stopped machine waits for BEGIN)
*  STORE Greg w1 [w2 ...]: registers from reg on.
STGREG   LA    R2,1(R2)
         BCTR  R3,0
         BAL   R14,REGIN
         BNZ   VMOPND
         ST    R1,VMREG
         BAL   R14,STWORDS
         LTR   R5,R5
         BZ    VMOPND
         L     R1,VMREG
         LA    R4,VMWORDS
STG10    LR    R15,R1
         SLL   R15,2
         LA    R15,VMGPRS(R15)
         MVC   0(4,R15),0(R4)
         LA    R4,4(R4)
         LA    R1,1(R1)
         N     R1,=F'15'
         BCT   R5,STG10
         B     VMDONE
*  STORE Shexloc hexdata: bytes.
STSTR    LA    R2,1(R2)
         BCTR  R3,0
         BAL   R14,HEXIN
         BNZ   VMOPND
         ST    R1,VMADDR
         BAL   R14,NEXTTOK         the data: pairs of hex digits
         LTR   R3,R3
         BZ    VMOPND
         LR    R5,R3               an even number of digits

         N     R5,=F'1'
         BNZ   VMOPND
         C     R3,=F'128'
         BH    VMOPND
         LA    R4,VMWORDS
         SRL   R3,1
         ST    R3,VMLEN
STS10    ST    R3,VMREG2
         ST    R2,VMREG
         LA    R3,2
         BAL   R14,HEXIN
         BNZ   VMOPND
         STC   R1,0(R4)
         LA    R4,1(R4)
         L     R2,VMREG
         LA    R2,2(R2)
         L     R3,VMREG2
         BCT   R3,STS10
         L     R2,VMADDR
         LA    R3,VMWORDS
         L     R4,VMLEN
         BAL   R14,GCOPYOUT
         BNZ   VMBEYOND
         B     VMDONE
*
*  STWORDS: the rest of the line as hex fullwords into VMWORDS.
*  Out: R5 = how many (at most 16).  Uses R0-R4, R15.
STWORDS  ENTER
         SR    R5,R5
         LA    R4,VMWORDS
STW10    BAL   R14,NEXTTOK
         LTR   R3,R3
         BZ    STW90
         BAL   R14,HEXIN
         BNZ   STW80
         ST    R1,0(R4)
         LA    R4,4(R4)
         LA    R5,1(R5)
         CH    R5,=H'16'
         BL    STW10
         B     STW90
STW80    SR    R5,R5               a bad word: nothing is stored
STW90    LEAVE STWORDS
STWORDSR DS    F
STWORDSB DS    F
KWPSW    DC    CL8'PSW'
*
***********************************************************************
*  CMDDISP: DISPLAY.                                                  *
*    PSW = 00000000  00002000                                         *
*    GPR  0 = 00000000 00000000 00000000 00000000                     *
*    002000 0A0D0000 00000000 00000000 00000000                       *
***********************************************************************
CMDDISP  ENTER VMCMD
         BAL   R14,NEXTTOK
         LTR   R3,R3
         BZ    VMOPND
         L     R4,=A(KWPSW)
         LA    R5,1
         BAL   R14,KWMATCH
         BE    DPSW
         CLI   0(R2),C'G'
         BE    DGREG
         CLI   0(R2),C'L'
         BNE   D10
         LA    R2,1(R2)
         BCTR  R3,0
         LTR   R3,R3               (L and nothing after it)
         BZ    VMOPND
*  Storage: hexloc, hexloc.hexlen or hexloc-hexend.
D10      LR    R4,R2               find '.' or '-'
         LR    R5,R3
D12      CLI   0(R4),C'.'
         BE    D14
         CLI   0(R4),C'-'
         BE    D14
         LA    R4,1(R4)
         BCT   R5,D12
         SR    R5,R5               neither: 16 bytes
D14      ST    R4,VMREG            where the separator is
         ST    R5,VMREG2           and how much is after it
         LR    R3,R4
         SR    R3,R2
         BAL   R14,HEXIN           the address
         BNZ   VMOPND
         ST    R1,VMADDR
         LA    R0,16
         L     R5,VMREG2
         LTR   R5,R5
         BZ    D20
         L     R2,VMREG
         LA    R2,1(R2)
         LR    R3,R5
         BCTR  R3,0
         BAL   R14,HEXIN
         BNZ   VMOPND
         LR    R0,R1               .len
         L     R2,VMREG
         CLI   0(R2),C'.'
         BE    D20
         S     R1,VMADDR           -end: len = end - start + 1
         BM    VMOPND
         LA    R0,1(R1)
D20      LTR   R0,R0
         BZ    VMOPND
         CL    R0,=F'4096'         at most a page at a time (the
         BNH   D22                   length is unsigned: .FFFFFFFF too)
         L     R0,=F'4096'
D22      L     R1,VMADDR           the words that hold the bytes
         N     R1,=F'3'              asked for: from the word of the
         AR    R0,R1                 first to the word of the last
         AH    R0,=H'3'
         N     R0,=X'FFFFFFFC'
         ST    R0,VMLEN
         L     R0,VMADDR           start on a word
         N     R0,=X'00FFFFFC'
         ST    R0,VMADDR
*  A DIAGNOSE X'08''s DISPLAY to a terminal with half its queue yet
*  to type stops here, and D8RUN makes the machine wait while the
*  terminal types (the others run); then DISPCONT goes on.
*  So does one whose CP time is up (D8LONG): 256 lines take some 100
*  ms, into a buffer too; D8RUN gives the others their turn then.
D30      TM    VMFLAG2,VMFD8R
         BZ    D30A
         BAL   R14,D8LONG
         BNZ   D30S
         TM    VMFLAGS,VMFBUF      (into a buffer: no terminal to wait
         BO    D30A                  for)
         LH    R0,RDEVQCNT-RDEV(R8)
         CH    R0,=AL2(RDEVQN/2)
         BL    D30A
D30S     MVC   VMD8DA,VMADDR       where to go on
         MVC   VMD8DL,VMLEN
         OI    VMFLAG2,VMFD8DC
         B     VMEXIT
D30A     L     R2,VMADDR           a line: up to 4 words, only those
         LA    R3,VMWORDS            asked for (D 3A00.8 shows two)
         LA    R4,16
         C     R4,VMLEN
         BNH   D31
         L     R4,VMLEN
D31      ST    R4,VMLINEN
         BAL   R14,GCOPYIN
         BNZ   VMBEYOND
         L     R0,VMADDR
         LA    R2,LINEBUF
         LA    R3,6
         BAL   R14,HEXOUT
         LA    R5,VMWORDS
         LA    R6,LINEBUF+6
         L     R7,VMLINEN
         SRL   R7,2
D32      MVI   0(R6),C' '
         L     R0,0(R5)
         LA    R2,1(R6)
         LA    R3,8
         BAL   R14,HEXOUT
         LA    R5,4(R5)
         LA    R6,9(R6)
         BCT   R7,D32
         LA    R2,LINEBUF
         LR    R3,R6               6 + 9 a word
         SR    R3,R2
         BAL   R14,CPLINE
         L     R0,VMADDR
         AH    R0,=H'16'
         ST    R0,VMADDR
         L     R0,VMLEN
         SH    R0,=H'16'
         ST    R0,VMLEN
         BP    D30
         B     VMEXIT
*
*  DISPCONT: the DISPLAY of a DIAGNOSE X'08' goes on where it stopped
*  (D8RUN, VMFD8DC).  In: R11, R8 = its RDEV.
DISPCONT ENTER VMCMD
         MVC   VMADDR,VMD8DA
         MVC   VMLEN,VMD8DL
         B     D30
*  DISPLAY PSW.
DPSW     MVC   LINEBUF(6),=C'PSW = '
         L     R0,VMPSW
         LA    R2,LINEBUF+6
         LA    R3,8
         BAL   R14,HEXOUT
         MVC   LINEBUF+14(2),=C'  '
         L     R0,VMPSW+4
         LA    R2,LINEBUF+16
         LA    R3,8
         BAL   R14,HEXOUT
         LA    R2,LINEBUF
         LA    R3,24
         BAL   R14,CPLINE
         B     VMEXIT
*  DISPLAY G [r[-r]]: four registers to a line.
DGREG    SR    R6,R6               from 0 ...
         LA    R7,15               ... to 15
         CH    R3,=H'1'
         BE    DG20
         LA    R2,1(R2)            G followed by r or r-r
         BCTR  R3,0
         LR    R4,R2
         LR    R5,R3
DG10     CLI   0(R4),C'-'
         BE    DG12
         LA    R4,1(R4)
         BCT   R5,DG10
DG12     ST    R4,VMREG
         ST    R5,VMREG2
         LR    R3,R4
         SR    R3,R2
         BAL   R14,REGIN
         BNZ   VMOPND
         LR    R6,R1
         LR    R7,R1
         L     R5,VMREG2
         LTR   R5,R5
         BZ    DG20
         L     R2,VMREG
         LA    R2,1(R2)
         LR    R3,R5
         BCTR  R3,0
         BAL   R14,REGIN
         BNZ   VMOPND
         LR    R7,R1
         CR    R7,R6
         BL    VMOPND
DG20     MVC   LINEBUF(4),=C'GPR '
         LR    R1,R6
         LA    R2,LINEBUF+4
         LA    R3,2
         BAL   R14,DECOUT
         CLI   LINEBUF+4,C'0'
         BNE   DG22
         MVI   LINEBUF+4,C' '
DG22     MVC   LINEBUF+6(2),=C' ='
         LA    R4,LINEBUF+8
         LA    R5,4
DG24     MVI   0(R4),C' '
         LR    R1,R6
         SLL   R1,2
         L     R0,VMGPRS(R1)
         LA    R2,1(R4)
         LA    R3,8
         BAL   R14,HEXOUT
         LA    R4,9(R4)
         CR    R6,R7               the last one asked for?
         BE    DG26
         LA    R6,1(R6)
         BCT   R5,DG24
DG26     LR    R3,R4
         LA    R2,LINEBUF
         SR    R3,R2
         BAL   R14,CPLINE
         CR    R6,R7
         BE    VMEXIT
         LTR   R5,R5               (a full line ends with R5 = 0)
         BNZ   VMEXIT
         B     DG20
*
***********************************************************************
*  CMDBEGIN: BEGIN [hexloc]: run the machine again, from hexloc if    *
*  given (a wait state ends there too).                               *
***********************************************************************
CMDBEGIN ENTER VMCMD
         BAL   R14,NEXTTOK
         LTR   R3,R3
         BZ    BEG10
         BAL   R14,HEXIN
         BNZ   VMOPND
         STCM  R1,7,VMPSW+5
         NI    VMPSW+1,X'FF'-PSWWAIT
BEG10    MVI   VMSTATE,VMSRUN
         B     VMEXIT
*
***********************************************************************
*  CMDIPL: IPL CMS: load the CMS nucleus into the machine again and   *
*  start it, as after LOGON.  IPL 00C: from the virtual reader's      *
*  first file, as a real machine from cards (VSPOOL's URIPL).  IPL    *
*  191: from that minidisk, as from a real disk (VIPL's DKIPL).       *
*  Options: CLEAR (storage cleared first, as SYSTEM CLEAR), NOCLEAR,  *
*  STOP (loaded, but stopped until BEGIN), PARM text (last: the rest  *
*  of the line, at most 64 characters, into the general registers).   *
***********************************************************************
CMDIPL   ENTER VMCMD
         BAL   R14,NEXTTOK
         STM   R2,R3,IPLTOK        what to IPL; first its options
         BAL   R14,IPLOPTS
         BNZ   VMEXIT              (a wrong one: said so)
         LM    R2,R3,IPLTOK
         L     R4,=A(KWCMS)
         LA    R5,3
         BAL   R14,KWMATCH
         BNE   IPL10
         BAL   R14,IPLCLR          (CLEAR)
         BAL   R14,IPLCMS
         BNZ   VMEXIT
         BAL   R14,IPLPARM         (PARM)
         B     IPL30
IPL10    BAL   R14,HEXIN           IPL vaddr: the reader (00C)?
         BNZ   IPLBAD
         LTR   R1,R1               (0: no reader's, even one absent)
         BZ    IPLBAD
         LA    R4,VMURS            the reader, wherever it is
         CH    R1,URADDR-URBLOK(R4)
         BNE   IPL20
         BAL   R14,IPLCLR          (CLEAR)
         CALL  URIPL
         BNZ   VMEXIT
         BAL   R14,IPLPARM         (PARM)
IPL30    CLI   VMIPLSTP,0          STOP: it stays stopped, its PSW
         BE    VMEXIT                loaded, until BEGIN
         MVI   VMSTATE,VMSSTOP
         MVI   VMIPLSTP,0
         B     VMEXIT
*  IPL vaddr: one of its minidisks (VIPL; STOP is seen to when the
*  IPL's chain ends).
IPL20    LA    R4,VMVDEVS
         LA    R5,VMNVDEV
IPL22    CH    R1,VDADDR-VDWORK(R4)
         BE    IPL25
         LA    R4,VDEVLEN(R4)
         BCT   R5,IPL22
         B     IPLBAD
IPL25    BAL   R14,IPLCLR          (CLEAR)
         LR    R2,R4
         CALL  DKIPL
         BNZ   VMEXIT
         BAL   R14,IPLPARM         (PARM: there while the chain runs)
         B     VMEXIT
*
*  IPLOPTS: the options after the device or system: CLear, NOCLear,
*  STOP, PARM text (VM/370's).  IPLCLEAR, VMIPLSTP and IPLPRML say
*  which.  Out: CC 0; CC not 0 for one that is none of these (the
*  user has been told: DMKCFG003E INVALID OPTION - xxx).  Uses R1-R5.
IPLOPTS  ST    R14,IPLOPTR
         MVI   IPLCLEAR,0
         MVI   VMIPLSTP,0
         XC    IPLPRML,IPLPRML
IPO10    BAL   R14,NEXTTOK
         LTR   R3,R3
         BZ    IPO90               no more: CC 0 (R3 = 0)
         L     R4,=A(KWIPLCLR)
         LA    R5,2
         BAL   R14,KWMATCH
         BNE   IPO20
         MVI   IPLCLEAR,1
         B     IPO10
IPO20    L     R4,=A(KWNOCLR)
         LA    R5,4
         BAL   R14,KWMATCH
         BNE   IPO30
         MVI   IPLCLEAR,0
         B     IPO10
IPO30    L     R4,=A(KWSTOP)
         LA    R5,4
         BAL   R14,KWMATCH
         BNE   IPO40
         MVI   VMIPLSTP,1
         B     IPO10
IPO40    L     R4,=A(KWPARM)
         LA    R5,4
         BAL   R14,KWMATCH
         BNE   IPO80
*  PARM: the rest of the line but the one blank after PARM, embedded
*  blanks and all, up to 64 characters (VM/370's CP Command Reference:
*  "passes up to 64 bytes of data ... to your virtual machine's
*  general registers (4 bytes per register), starting with the high
*  order byte of general register 0").  Nothing after it is an option.
         LA    R2,1(R7)            past the blank
         LR    R3,R6
         SR    R3,R2               its length
         BNP   IPO48               (none: no registers change)
         C     R3,=F'64'
         BNH   IPO45
         LA    R3,64
IPO45    STH   R3,IPLPRML
         BCTR  R3,0
         EX    R3,IPOPRM           kept until the IPL has loaded
IPO48    CR    R3,R3               CC 0
         B     IPO90
IPO80    MVC   LINEBUF(L'MSG003),MSG003   none of them
         C     R3,=F'8'
         BNH   IPO85
         LA    R3,8
IPO85    LR    R1,R3
         BCTR  R1,0
         EX    R1,IPOMVC
         LA    R3,L'MSG003+1(R1)
         LA    R2,LINEBUF
         LA    R0,3
         BAL   R14,CPERR
         MVI   VMIPLSTP,0
         LTR   R14,R14             CC not 0
IPO90    L     R14,IPLOPTR
         BR    R14
IPOMVC   MVC   LINEBUF+L'MSG003(0),0(R2)
IPOPRM   MVC   IPLPRM(0),0(R2)
*
*  IPLPARM: with PARM, its text into the general registers from R0's
*  first byte on; the rest of them as they were (VM/370: "the
*  registers are not cleared before use").  Uses R1.
IPLPARM  LH    R1,IPLPRML
         LTR   R1,R1
         BZR   R14
         BCTR  R1,0
         EX    R1,IPLPMVC
         BR    R14
IPLPMVC  MVC   VMGPRS(0),IPLPRM
IPLPRML  DS    H                   PARM: its length (0: none)
IPLPRM   DS    CL64                      its text
IPLOPTR  DS    F
IPLTOK   DS    2F
IPLCLEAR DS    X                   1: IPL ... CLEAR
MSG003   DC    C'DMKCFG003E INVALID OPTION - '
KWIPLCLR DC    CL8'CLEAR'
KWNOCLR  DC    CL8'NOCLEAR'
KWSTOP   DC    CL8'STOP'
KWPARM   DC    CL8'PARM'
*
*  IPLCLR: with CLEAR, the machine is reset and its storage cleared
*  first (SYSTEM CLEAR's VMCLEAR), once no program of its disks can
*  write into it any more (IOSCANCL).  Uses R0-R7 (R4 kept).
IPLCLR   CLI   IPLCLEAR,0
         BER   R14
         ST    R14,IPLCLRR
         ST    R4,IPLCLR4
         CALL  IOSCANCL
         CALL  VMCLEAR
         L     R4,IPLCLR4
         L     R14,IPLCLRR
         BR    R14
IPLCLRR  DS    F
IPLCLR4  DS    F
IPLBAD   MVC   LINEBUF(L'MSG040A),MSG040A
         C     R3,=F'8'
         BNH   IPLB10
         LA    R3,8
IPLB10   LTR   R1,R3
         BZ    VMOPND
         BCTR  R1,0
         EX    R1,IPLMVC
         LA    R3,L'MSG040A+1(R1)
         LA    R2,LINEBUF(R3)
         MVC   0(L'MSG040B,R2),MSG040B
         LA    R3,L'MSG040B(R3)
         LA    R2,LINEBUF
         LA    R0,40
         BAL   R14,CPERR
         B     VMEXIT
IPLMVC   MVC   LINEBUF+L'MSG040A(0),0(R2)
MSG040A  DC    C'DMKCFG040E DEV '
MSG040B  DC    C' DOES NOT EXIST'
KWCMS    DC    CL8'CMS'
*
***********************************************************************
*  IPLCMS: "IPL CMS": reset the virtual console, bring the saved CMS  *
*  nucleus into guest storage at 0 - from the system residence volume *
*  if there is one, else from NSSAREA - and load the PSW found at 0.  *
*  In: R11 = VMBLOK.  Out: CC 0, or CC not 0 when storage ran out or  *
*  the disk failed (the user has been told).  Uses R0-R8, R15.        *
*  (LOGON calls it too.)                                              *
***********************************************************************
IPLCMS   ENTER
         ST    R8,IPLCMSR8
         MVI   VCSTAT,0            no I/O in progress or pending
         NI    VMFLAG2,X'FF'-VMFPERP   (nor a PER interruption)
         CALL  IOSCANCL            (nor on its minidisks)
         CALL  PFXZERO             (its prefix 0: prefix.asm)
         MVC   VMTALEN,=H'-1'      nothing typed ahead
         MVI   VMSTATE,VMSRUN
         CLC   SYSRES,=H'0'        a system residence volume?
         BNE   IPLC20
         SR    R2,R2               no: copy the nucleus from NSSAREA
         L     R3,=A(NSSAREA)
         L     R4,NSSLEN
         BAL   R14,GCOPYOUT
         BNZ   IPLC90
         B     IPLC50
*  Read the nucleus from the system residence volume, a 4K page per
*  record, NSSRPT records a track, straight into the guest's frames.
IPLC20   SR    R8,R8               page number
IPLC22   LR    R2,R8               the page's frame
         SLL   R2,12
         BAL   R14,GTRANS
         BNZ   IPLC90
         LR    R6,R2
         LR    R1,R8               track = page / records per track
         SR    R0,R0
         LH    R15,NSSRPT
         DR    R0,R15
         LR    R5,R0               record = remainder + 1
         LA    R5,1(R5)
         AH    R1,NSSHEAD          head from the start of the area
         SR    R0,R0
         LH    R15,NSSHPC
         DR    R0,R15
         LR    R4,R0               head
         LR    R3,R1
         AH    R3,NSSCYL           cylinder
         L     R7,=F'4096'
         LH    R2,SYSRES
         BAL   R14,DASDREAD
         BNZ   IPLC80
         LA    R8,1(R8)
         CH    R8,NSSPAGES
         BL    IPLC22
IPLC50   SR    R2,R2               the PSW from guest location 0
         LA    R3,VMPSW
         LA    R4,8
         BAL   R14,GCOPYIN
         BNZ   IPLC90
         L     R8,IPLCMSR8
         LEAVE IPLCMS
IPLC80   LA    R2,IPLIOMSG         the disk failed
         LA    R3,L'IPLIOMSG
         B     IPLC92
IPLC90   LA    R2,NOSTMSG
         LA    R3,L'NOSTMSG
IPLC92   BAL   R14,VMLINE
         MVI   VMSTATE,VMSSTOP
         L     R8,IPLCMSR8
         LEAVE IPLCMS,CC=NZ
IPLCMSR  DS    F
IPLCMSB  DS    F
IPLCMSR8 DS    F
IPLIOMSG DC    C'DMKCFG417E I/O ERROR READING THE CMS NUCLEUS'
*
***********************************************************************
*  D8RUN: run the commands of the DIAGNOSE X'08' under way, from      *
*  VMD8POS on, and complete it (D8END).  CP runs a command to its end *
*  and waits for the terminal when it has more to type than its queue *
*  holds; so that one DIAGNOSE with many commands cannot hold every   *
*  other user that long, the machine waits (VMSOUTW) between two      *
*  commands while its terminal's queue is half full: IOHNDL calls     *
*  D8RUN again when the terminal has typed it all.  A DISPLAY, which  *
*  alone can make 256 lines, stops half way too (VMFD8DC, D30) and    *
*  goes on first when D8RUN is called again.  And once its commands   *
*  have taken 5 ms or the machine's slice, the others get their turn  *
*  before its next command (D8LONG, D8R70).  In: R11 = VMBLOK.        *
*  Uses R0-R8, R15.                                                   *
***********************************************************************
D8RUN    ENTER
         TM    VMFLAG2,VMFD8DC     a DISPLAY that stopped for the
         BZ    D8R10                 terminal: it goes on first
         NI    VMFLAG2,X'FF'-VMFD8DC
         L     R8,VMRDEV
         OI    VMFLAG2,VMFD8R
         BAL   R14,DISPCONT
         NI    VMFLAG2,X'FF'-VMFD8R
         B     D8R40
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
         OI    VMFLAG2,VMFD8R      (a DISPLAY may stop half way)
         BAL   R14,CPCMD
         NI    VMFLAG2,X'FF'-VMFD8R
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
         TM    VMFLAG2,VMFD8DC     a DISPLAY stopped half way: into a
         BZ    D8R42                 buffer, or its terminal has room,
         TM    VMFLAGS,VMFBUF        the others' turn (its time is up);
         BO    D8R70                 else wait for the terminal
         L     R8,VMRDEV
         LH    R0,RDEVQCNT-RDEV(R8)
         CH    R0,=AL2(RDEVQN/2)
         BNL   D8R50
         B     D8R70
D8R42    DS    0H
         LH    R4,VMD8POS          more to come, after more than a
         CH    R4,VMD8LEN            slice of CP's time for it?
         BNL   D8R45
         BAL   R14,D8LONG
         BNZ   D8R70
D8R45    TM    VMFLAGS,VMFBUF      a buffer: no terminal to wait for
         BO    D8R10
         LH    R4,VMD8POS          more to come, and the terminal
         CH    R4,VMD8LEN            has half its queue to type?
         BNL   D8R90
         L     R8,VMRDEV
         LH    R0,RDEVQCNT-RDEV(R8)
         CH    R0,=AL2(RDEVQN/2)
         BL    D8R10
D8R50    MVI   VMSTATE,VMSOUTW     then the machine waits for it
         B     D8R95
*  The others' turn: the machine runs the DIAGNOSE again when its
*  turn comes, and DIAG08 goes on with the next command (VMFD8GO).
*  Meanwhile its response buffer is not one (a #CP command typed now
*  answers on the terminal).
D8R70    OI    VMFLAG2,VMFD8GO
         NI    VMFLAGS,X'FF'-VMFBUF
         MVI   VMSTATE,VMSRUN
         L     R1,VMD8BK
         STCM  R1,7,VMPSW+5
         B     D8R95
D8R90    BAL   R14,D8END
D8R95    LEAVE D8RUN
D8RUNR   DS    F
D8RUNB   DS    F
*
*  D8LONG: CC not 0 if CP's time since it took control (CPMARK) is 5
*  ms or more, or has used up what was left of the machine's slice
*  (VMSLICE), as the commands of one DIAGNOSE X'08' can: a 4K
*  DISPLAY takes some 10 ms, and all that while CP runs disabled and
*  another user's line waits.  Yielding lets it in.  In: R11.  Uses
*  R2-R5.
D8LONG   ST    R14,D8LONGR
         STPT  D8TIME
         LM    R2,R3,CPMARK        CPMARK - now: CP's time so far
         LM    R4,R5,D8TIME
         BAL   R14,DSUB
         L     R14,D8LONGR
         LTR   R2,R2               (more than 2**32 units: long)
         BNZ   D8LONGY
         CL    R3,=X'01388000'     5 ms (5000 << 12)?
         BNL   D8LONGY
         LR    R4,R2               and VMSLICE - that: what is left
         LR    R5,R3                 of the slice
         LM    R2,R3,VMSLICE
         BAL   R14,DSUB
         L     R14,D8LONGR
         LTR   R2,R2               (64-bit: negative or zero?)
         BM    D8LONGY
         BP    D8LONGN
         LTR   R3,R3
         BZ    D8LONGY
D8LONGN  CR    R14,R14             CC 0
         BR    R14
D8LONGY  LTR   R14,R14             CC not 0
         BR    R14
D8LONGR  DS    F
         DS    0D
D8TIME   DS    D
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
         NI    VMFLAG2,X'FF'-VMFD8DC
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
D8ENDB   DS    F
         DROP  R11
         LTORG                     the module's literals
