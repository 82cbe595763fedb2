***********************************************************************
*  ATTACH: devices given to and taken from a virtual machine          *
*  (DMKVDB, DMKVDD in VM/370).                                        *
*                                                                     *
*     DETACH vaddr                      a user's own disk or unit-    *
*                                       record device goes            *
*     DETACH raddr [FROM] userid        the operator takes back a     *
*                                       real disk given with ATTACH   *
*     ATTACH raddr [TO] userid [AS] vaddr [R/O]                       *
*                                       the operator gives a user a   *
*                                       whole real disk, as DEDICATE  *
*                                       does at LOGON                 *
*     QUERY LINKS vaddr                 who has the disk at vaddr,    *
*                                       and how (QLINKS)              *
*                                                                     *
*  A disk is a VDEV slot; DETACH clears it, so that it no longer      *
*  counts for LINK (DMKLNK counts the slots) and the address is       *
*  nothing: the guest's next SIO there gets CC 3, as on a real        *
*  machine without the device.  ATTACH fills one with the whole real  *
*  disk (VDDED, cylinder 0 on, DASDCYLS cylinders); it refuses the    *
*  system residence volume and any volume holding minidisks (CP's),   *
*  and a disk some machine has already.                               *
*                                                                     *
*  A module: its own CSECT, R13 its base (ENTER).                     *
***********************************************************************
DMKVDD   CSECT
         USING DMKVDD,R13          the module's base (ENTER sets it)
*
***********************************************************************
*  CMDDET: DETACH.  In: R6, R7 the rest of the line, R8 = RDEV, R11 = *
*  VMBLOK (0: the operator), as CPCMD calls every command.            *
*  Uses R0-R7, R15.                                                   *
***********************************************************************
CMDDET   ENTER VDCMD
         BAL   R14,NEXTTOK         the address
         LTR   R3,R3
         BZ    VDMISS
         CALL  VADDRIN
         BNE   VDMISS
         STH   R1,VDVA
         STH   R1,VDRA
         BAL   R14,NEXTTOK         a userid too: the operator's form
         LTR   R3,R3
         BNZ   VDOPER
         LTR   R11,R11
         BZ    VDMISS
         USING VMBLOK,R11
*  A disk: its slot is cleared.  (Not the console: CP types on it.)
         LH    R1,VDVA
         CH    R1,VCADDR
         BE    VDMISS
         LA    R2,VMVDEVS
         LA    R0,VMNVDEV
VDD10    CH    R1,0(R2)
         BE    VDD20
         LA    R2,VDEVLEN(R2)
         BCT   R0,VDD10
         B     VDD30
VDD20    BAL   R14,VDFREE
         LA    R4,=C'DASD'
         B     VDD80
*  The reader, punch or printer: its address goes (a spool file it
*  has stays its own, to be closed or purged as at LOGOFF).
VDD30    LA    R2,VMURS
         LA    R0,VMNUR
VDD40    CH    R1,URADDR-URBLOK(R2)
         BE    VDD50
         LA    R2,URLEN(R2)
         BCT   R0,VDD40
         B     VDNOEX
VDD50    XC    URADDR-URBLOK(2,R2),URADDR-URBLOK(R2)
         NI    URSTAT-URBLOK(R2),X'FF'-URINTP
         SR    R4,R4
         IC    R4,URTYPE-URBLOK(R2)
         BCTR  R4,0
         SLL   R4,2
         LA    R4,VDURTYP(R4)
*  "DASD 192 DETACHED", "PUN 00D DETACHED".
VDD80    LA    R2,LINEBUF
         BAL   R14,VDTYPE
         LH    R0,VDVA
         BAL   R14,VDHEX
         MVC   0(9,R2),=C' DETACHED'
         LA    R2,9(R2)
         BAL   R14,VDLINE
         B     VDEXIT
         DROP  R11
*  DETACH raddr [FROM] userid: a real disk ATTACH (or DEDICATE) gave.
VDOPER   TM    RDEVFLAG-RDEV(R8),ROPER   (the operator's console only)
         BZ    VDMISS
         LA    R4,=CL8'FROM'
         LA    R5,4
         BAL   R14,KWMATCH
         BNE   VDO10
         BAL   R14,NEXTTOK
VDO10    BAL   R14,VDUID
         BNE   VDEXIT
         L     R5,VDVM
         LA    R2,VMVDEVS-VMBLOK(R5)
         LA    R0,VMNVDEV
VDO20    TM    VDFLAGS-VDWORK(R2),VDDED
         BZ    VDO25
         CLC   VDRDEV-VDWORK(2,R2),VDRA
         BE    VDO30
VDO25    LA    R2,VDEVLEN(R2)
         BCT   R0,VDO20
         MVC   LINEBUF(11),=C'DMKVDD121E '     not that user's
         LA    R2,LINEBUF+11
         LA    R4,=C'DASD'
         BAL   R14,VDTYPE
         LH    R0,VDRA
         BAL   R14,VDHEX
         MVC   0(18,R2),=C' NOT ATTACHED TO  '
         LA    R2,17(R2)
         BAL   R14,VDUIDOUT
         LA    R0,121
         BAL   R14,VDERR
         B     VDEXIT
VDO30    MVC   VDVA,VDADDR-VDWORK(R2)
         BAL   R14,VDFREE
*  The user: "DASD 192 DETACHED BY OPERATOR"; the operator: "DASD 151
*  DETACHED FROM MARGARET 192".
         LA    R2,LINEBUF
         LA    R4,=C'DASD'
         BAL   R14,VDTYPE
         LH    R0,VDVA
         BAL   R14,VDHEX
         MVC   0(21,R2),=C' DETACHED BY OPERATOR'
         LA    R2,21(R2)
         BAL   R14,VDTOUSER
         MVC   0(15,R2),=C' DETACHED FROM '
         B     VDA80
*
***********************************************************************
*  CMDATT: ATTACH raddr [TO] userid [AS] vaddr [R/O] (the operator's).*
*  In: as CPCMD calls every command.  Uses R0-R7, R15.                *
***********************************************************************
CMDATT   ENTER VDCMD
         BAL   R14,NEXTTOK         raddr
         CALL  VADDRIN
         BNE   VDMISS
         STH   R1,VDRA
         BAL   R14,NEXTTOK         [TO] userid
         LA    R4,=CL8'TO'
         LA    R5,2
         BAL   R14,KWMATCH
         BNE   VDA10
         BAL   R14,NEXTTOK
VDA10    LTR   R3,R3
         BZ    VDMISS
         C     R3,=F'8'
         BH    VDMISS
         MVC   VDUSER,BLANKS
         LR    R1,R3
         BCTR  R1,0
         EX    R1,VDMVCU
         BAL   R14,NEXTTOK         [AS] vaddr
         LA    R4,=CL8'AS'
         LA    R5,2
         BAL   R14,KWMATCH
         BNE   VDA20
         BAL   R14,NEXTTOK
VDA20    CALL  VADDRIN
         BNE   VDMISS
         STH   R1,VDVA
         MVI   VDFLG,VDDED         [R/O]
         BAL   R14,NEXTTOK
         LTR   R3,R3
         BZ    VDA30
         C     R3,=F'3'
         BNE   VDMISS
         CLC   0(3,R2),=C'R/O'
         BNE   VDMISS
         OI    VDFLG,VDRO
*  The real disk: there, not CP's, nobody's yet.
VDA30    LH    R2,VDRA
         BAL   R14,DKFIND
         BNZ   VDNOEXR
         ST    R1,VDRDK
         CLC   VDRA,SYSRES         the system residence volume
         BE    VDSYS
         BAL   R14,VDHELD          some machine has it?
         BNE   VDEXIT
         BAL   R14,VDINDIR         minidisks, or a DEDICATE?
         BNE   VDEXIT
         LA    R3,VDUSER           the user, logged on
         BAL   R14,VDUID2
         BNE   VDEXIT
         BAL   R14,VDROOM          R5 -> a free slot
         BNE   VDEXIT
*  The slot: the whole real disk, at vaddr.
         XC    0(VDEVLEN,R5),0(R5)
         MVC   VDADDR-VDWORK(2,R5),VDVA
         MVC   VDRDEV-VDWORK(2,R5),VDRA
         MVC   VDFLAGS-VDWORK(1,R5),VDFLG
         L     R1,VDRDK
         ST    R1,VDRDISK-VDWORK(R5)
         S     R1,=A(RDISKTAB)     its cylinders: DASDCYLS, by index
         SR    R0,R0
         D     R0,=A(RDISKLEN)
         SLL   R1,1
         L     R15,=A(DASDCYLS)
         AR    R15,R1
         MVC   VDCYLS-VDWORK(2,R5),0(R15)
*  The user: "DASD 192 ATTACHED"; the operator: "DASD 151 ATTACHED TO
*  MARGARET 192".
         LA    R2,LINEBUF
         LA    R4,=C'DASD'
         BAL   R14,VDTYPE
         LH    R0,VDVA
         BAL   R14,VDHEX
         MVC   0(9,R2),=C' ATTACHED'
         LA    R2,9(R2)
         BAL   R14,VDTOUSER
         MVC   0(15,R2),=C' ATTACHED TO   '
         BCTR  R2,0
         BCTR  R2,0
VDA80    LA    R2,15(R2)
         BAL   R14,VDUIDOUT
         MVI   0(R2),C' '
         LH    R0,VDVA
         LA    R2,1(R2)
         BAL   R14,VDHEX
         BAL   R14,VDLINE
         B     VDEXIT
VDSYS    LA    R4,=CL8'SYSTEM'
         BAL   R14,VDSAY
         B     VDEXIT
*
*  The ways out.
VDMISS   CPMSG MSG026,RC=26
         B     VDEXIT
VDNOEXR  LH    R0,VDRA             "DEV 151 DOES NOT EXIST"
         B     VDNOE10
VDNOEX   LH    R0,VDVA
VDNOE10  MVC   LINEBUF(15),=C'DMKVDD040E DEV '
         LA    R2,LINEBUF+15
         BAL   R14,VDHEX
         MVC   0(15,R2),=C' DOES NOT EXIST'
         LA    R2,15(R2)
         LA    R0,40
         BAL   R14,VDERR
VDEXIT   LEAVE VDCMD
VDCMDR   DS    F                   (DETACH and ATTACH share their
VDCMDB   DS    F                     ways out, so their words)
VDMVCU   MVC   VDUSER(0),0(R2)
VDURTYP  DC    C'RDR PUN PRT '
*
***********************************************************************
*  VDHELD: does some logged-on machine have real disk VDRA (a slot on *
*  it)?  Out: CC 0 no; else CC not 0 after "DASD 151 ATTACHED TO      *
*  userid".  Uses R0-R7, R15.                                         *
***********************************************************************
VDHELD   ST    R14,VDHELDR
         L     R6,=A(VMTABLE)
         LA    R7,NUMTERM
VDH10    CLI   VMSTATE-VMBLOK(R6),VMSFREE
         BE    VDH30
         LA    R2,VMVDEVS-VMBLOK(R6)
         LA    R0,VMNVDEV
VDH20    CLC   0(2,R2),=H'0'
         BE    VDH25
         CLC   VDRDEV-VDWORK(2,R2),VDRA
         BNE   VDH25
         LA    R4,VMUSER-VMBLOK(R6)
         B     VDHELD50
VDH25    LA    R2,VDEVLEN(R2)
         BCT   R0,VDH20
VDH30    LA    R6,VMBLKLEN(R6)
         BCT   R7,VDH10
         L     R14,VDHELDR
         CR    R14,R14             CC 0
         BR    R14
*  "DMKVDB122E DASD 151 ATTACHED TO userid" (R4 -> userid, CL8).
VDSAY    ST    R14,VDHELDR
VDHELD50 ST    R4,VDWHO
         MVC   LINEBUF(11),=C'DMKVDB122E '
         LA    R2,LINEBUF+11
         LA    R4,=C'DASD'
         BAL   R14,VDTYPE
         LH    R0,VDRA
         BAL   R14,VDHEX
         MVC   0(13,R2),=C' ATTACHED TO '
         LA    R2,13(R2)
         L     R4,VDWHO
         MVC   0(8,R2),0(R4)
         LA    R2,8(R2)
VDH60    BCTR  R2,0
         CLI   0(R2),C' '
         BE    VDH60
         LA    R2,1(R2)
         LA    R0,122
         BAL   R14,VDERR
         L     R14,VDHELDR
         LTR   R14,R14             CC not 0
         BR    R14
VDHELDR  DS    F
VDWHO    DS    A
*
***********************************************************************
*  VDINDIR: does the directory put minidisks on real disk VDRA, or    *
*  dedicate it to someone?  Out: CC 0 no; else CC not 0 after "DASD   *
*  151 ATTACHED TO SYSTEM" (minidisks: CP's) or "... TO userid".      *
*  Uses R0-R7, R15.                                                   *
***********************************************************************
VDINDIR  ST    R14,VDHELDR
         L     R6,=A(DIRECTRY)
         L     R7,DIRCOUNT
VDI10    LTR   R7,R7
         BNP   VDI90
         LH    R0,DIRNDEV-DIRENTRY(R6)
         LA    R2,DIRDEVS-DIRENTRY(R6)
VDI20    LTR   R0,R0
         BNP   VDI40
         CLC   2(2,R2),VDRA
         BNE   VDI30
         LA    R4,=CL8'SYSTEM'
         TM    DIRDFLG(R2),VDDED
         BZ    VDHELD50
         LA    R4,DIRUSER-DIRENTRY(R6)
         B     VDHELD50
VDI30    LA    R2,DIRDLEN(R2)
         BCTR  R0,0
         B     VDI20
VDI40    LA    R6,DIRLEN(R6)
         BCTR  R7,0
         B     VDI10
VDI90    L     R14,VDHELDR
         CR    R14,R14             CC 0
         BR    R14
*
***********************************************************************
*  VDUID: the userid at R2 (R3 long), logged on.  VDUID2: the userid  *
*  at R3 (CL8).  Out: CC 0, VDUSER and VDVM its VMBLOK; else CC not 0 *
*  after "userid NOT LOGGED ON" (45) or "OPERAND MISSING" (26).       *
*  Uses R0-R5, R15.                                                   *
***********************************************************************
VDUID    ST    R14,VDUIDR
         LTR   R3,R3
         BZ    VDU80
         C     R3,=F'8'
         BH    VDU80
         MVC   VDUSER,BLANKS
         LR    R1,R3
         BCTR  R1,0
         EX    R1,VDMVCU
         B     VDU10
VDUID2   ST    R14,VDUIDR
VDU10    LA    R2,VDUSER
         BAL   R14,FINDUSER
         ST    R1,VDVM
         LTR   R1,R1
         BZ    VDU70
         L     R14,VDUIDR
         CR    R14,R14             CC 0
         BR    R14
VDU70    MVC   LINEBUF(11),=C'DMKVDD045E '
         LA    R2,VDUSER
         BAL   R14,MSGUID
         MVC   0(L'QUNOTMSG,R2),QUNOTMSG
         LA    R2,L'QUNOTMSG(R2)
         LA    R0,45
         BAL   R14,VDERR
         B     VDU90
VDU80    CPMSG MSG026,RC=26
VDU90    L     R14,VDUIDR
         LTR   R14,R14             CC not 0
         BR    R14
VDUIDR   DS    F
*
***********************************************************************
*  VDROOM: is VDVA free in machine VDVM, and a VDEV slot there?       *
*  Out: CC 0 and R5 -> the slot; else CC not 0 after "DEV 192         *
*  ALREADY DEFINED" (110) or "NO ROOM FOR ANOTHER DISK" (118).        *
*  Uses R0-R5, R15.                                                   *
***********************************************************************
VDROOM   ST    R14,VDROOMR
         L     R4,VDVM
         LH    R1,VDVA
         CH    R1,VCADDR-VMBLOK(R4)
         BE    VDR80
         LA    R2,VMURS-VMBLOK(R4)
         LA    R0,VMNUR
VDR10    CH    R1,URADDR-URBLOK(R2)
         BE    VDR80
         LA    R2,URLEN(R2)
         BCT   R0,VDR10
         SR    R5,R5
         LA    R2,VMVDEVS-VMBLOK(R4)
         LA    R0,VMNVDEV
VDR20    CH    R1,0(R2)
         BE    VDR80
         LTR   R5,R5
         BNZ   VDR30
         CLC   0(2,R2),=H'0'
         BNE   VDR30
         LR    R5,R2
VDR30    LA    R2,VDEVLEN(R2)
         BCT   R0,VDR20
         LTR   R5,R5
         BZ    VDR90
         L     R14,VDROOMR
         CR    R14,R14             CC 0
         BR    R14
VDR80    MVC   LINEBUF(15),=C'DMKVDB110E DEV '
         LA    R2,LINEBUF+15
         LH    R0,VDVA
         BAL   R14,VDHEX
         MVC   0(16,R2),=C' ALREADY DEFINED'
         LA    R2,16(R2)
         LA    R0,110
         B     VDR95
VDR90    MVC   LINEBUF(35),=C'DMKVDB118E NO ROOM FOR ANOTHER DISK'
         LA    R2,LINEBUF+35
         LA    R0,118
VDR95    BAL   R14,VDERR
         L     R14,VDROOMR
         LTR   R14,R14             CC not 0
         BR    R14
VDROOMR  DS    F
*
***********************************************************************
*  VDFREE: the disk in the VDEV slot at R2 goes: the slot is cleared  *
*  (a pending interruption with it), its disk requests cancelled      *
*  first (IOSCANDV: a program of it still running is halted), and no  *
*  real disk's arm is "where it left it" any more (RDKLAST).          *
*  Uses R0, R1, R15.                                                  *
***********************************************************************
VDFREE   ST    R14,VDFREER
         CALL  IOSCANDV            its disk requests end first
         L     R14,VDFREER
         L     R1,=A(RDISKTAB)
         LA    R15,NUMDASD
VDF10    C     R2,RDKLAST-RDISK(R1)
         BNE   VDF20
         XC    RDKLAST-RDISK(4,R1),RDKLAST-RDISK(R1)
VDF20    LA    R1,RDISKLEN(R1)
         BCT   R15,VDF10
         XC    0(VDEVLEN,R2),0(R2)
         BR    R14
VDFREER  DS    F
*
***********************************************************************
*  VDTYPE: the 3 or 4 letters at R4 (DASD, RDR ...) and a blank at    *
*  R2.  VDHEX: R0 as 3 hex digits at R2.  VDUIDOUT: VDUSER without    *
*  its trailing blanks at R2.  Each: R2 past it.  Uses R0-R3.         *
***********************************************************************
VDTYPE   MVC   0(4,R2),0(R4)
         LA    R2,4(R2)
         CLI   3(R4),C' '
         BNE   VDT10
         BCTR  R2,0
VDT10    MVI   0(R2),C' '
         LA    R2,1(R2)
         BR    R14
VDHEX    ST    R14,VDHEXR
         LA    R3,3
         BAL   R14,HEXOUT
         LA    R2,3(R2)
         L     R14,VDHEXR
         BR    R14
VDHEXR   DS    F
VDUIDOUT MVC   0(8,R2),VDUSER
         LA    R2,8(R2)
VDUO10   BCTR  R2,0
         CLI   0(R2),C' '
         BE    VDUO10
         LA    R2,1(R2)
         BR    R14
*
***********************************************************************
*  VDLINE: type LINEBUF up to R2 as the command's response (CPLINE).  *
*  VDERR: the same as an error, return code R0 (CPERR).  VDTOUSER:    *
*  type it on the terminal of machine VDVM, then put "DASD 151" (VDRA)*
*  in LINEBUF for the operator's line; R2 past it.  Uses R0-R5, R15.  *
***********************************************************************
VDLINE   ST    R14,VDLINER
         LR    R3,R2
         LA    R2,LINEBUF
         SR    R3,R2
         BAL   R14,CPLINE
         L     R14,VDLINER
         BR    R14
VDERR    ST    R14,VDLINER
         LR    R3,R2
         LA    R2,LINEBUF
         SR    R3,R2
         BAL   R14,CPERR
         L     R14,VDLINER
         BR    R14
VDTOUSER ST    R14,VDLINER
         LR    R3,R2
         LA    R2,LINEBUF
         SR    R3,R2
         ST    R11,VDSAVR11
         L     R11,VDVM
         BAL   R14,VMLINE
         L     R11,VDSAVR11
         LA    R2,LINEBUF
         LA    R4,=C'DASD'
         BAL   R14,VDTYPE
         LH    R0,VDRA
         BAL   R14,VDHEX
         L     R14,VDLINER
         BR    R14
VDLINER  DS    F
VDSAVR11 DS    F
*
***********************************************************************
*  QLINKS: QUERY LINKS vaddr - who has the disk this machine has at   *
*  vaddr (the same real cylinders), and how, four to a line:          *
*     ALICE    191 R/W , BOB      391 R/O                              *
*  In: R6, R7 the rest of the line, R8 = RDEV, R11 = VMBLOK.          *
*  Uses R0-R7, R15.                                                   *
***********************************************************************
QLINKS   ENTER
         BAL   R14,NEXTTOK
         CALL  VADDRIN
         BNE   QLMISS
         STH   R1,VDVA
         LA    R2,VMVDEVS-VMBLOK(R11)
         LA    R0,VMNVDEV
QL10     CH    R1,0(R2)
         BE    QL20
         LA    R2,VDEVLEN(R2)
         BCT   R0,QL10
         B     QLNOEX
QL20     ST    R2,QLMINE
         L     R6,=A(VMTABLE)
         LA    R7,NUMTERM
         LA    R2,LINEBUF          where the next entry goes
         SR    R5,R5               entries on this line
QL30     CLI   VMSTATE-VMBLOK(R6),VMSFREE
         BE    QL60
         LA    R4,VMVDEVS-VMBLOK(R6)
         LA    R0,VMNVDEV
QL40     CLC   0(2,R4),=H'0'
         BE    QL50
         L     R1,QLMINE
         CLC   VDRDEV-VDWORK(2,R4),VDRDEV-VDWORK(R1)
         BNE   QL50
         CLC   VDRELN-VDWORK(2,R4),VDRELN-VDWORK(R1)
         BNE   QL50
         LTR   R5,R5
         BZ    QL45
         MVC   0(3,R2),=C' , '
         LA    R2,3(R2)
QL45     MVC   0(8,R2),VMUSER-VMBLOK(R6)
         MVI   8(R2),C' '
         ST    R0,QLR0
         LH    R0,0(R4)
         LA    R2,9(R2)
         BAL   R14,VDHEX
         MVC   0(4,R2),=C' R/W'
         TM    VDFLAGS-VDWORK(R4),VDRO
         BZ    QL47
         MVI   3(R2),C'O'
QL47     LA    R2,4(R2)
         L     R0,QLR0
         LA    R5,1(R5)
         CH    R5,=H'4'            a full line?
         BL    QL50
         ST    R0,QLR0
         ST    R4,QLR4
         BAL   R14,VDLINE
         L     R0,QLR0
         L     R4,QLR4
         LA    R2,LINEBUF
         SR    R5,R5
QL50     LA    R4,VDEVLEN(R4)
         BCT   R0,QL40
QL60     LA    R6,VMBLKLEN(R6)
         BCT   R7,QL30
         LTR   R5,R5
         BZ    QLEXIT
         BAL   R14,VDLINE
QLEXIT   LEAVE QLINKS
QLMISS   CPMSG MSG026,RC=26
         B     QLEXIT
QLNOEX   LH    R0,VDVA
         MVC   LINEBUF(15),=C'DMKCQG040E DEV '
         LA    R2,LINEBUF+15
         BAL   R14,VDHEX
         MVC   0(15,R2),=C' DOES NOT EXIST'
         LA    R2,15(R2)
         LA    R0,40
         BAL   R14,VDERR
         B     QLEXIT
QLINKSR  DS    F
QLINKSB  DS    F
QLMINE   DS    A
QLR0     DS    F
QLR4     DS    F
*
VDVA     DS    H                   the virtual address
VDRA     DS    H                   the real address
VDUSER   DS    CL8                 the user named
VDVM     DS    A                   ... and the VMBLOK
VDRDK    DS    A                   the RDISK of VDRA
VDFLG    DS    X                   ATTACH: VDDED, and VDRO for R/O
         LTORG                     the module's literals
