***********************************************************************
*  LINK: another user's minidisk as a disk of one's own (DMKLNK).     *
*                                                                     *
*     LINK [TO] userid vaddr1 [AS] vaddr2 [mode] [[PASS=] password]   *
*                                                                     *
*  The disk is the MDISK that userid's directory entry has at vaddr1  *
*  (sysgen put every MDISK, with its passwords, in SYSDIR); it        *
*  becomes this machine's disk at vaddr2: a VDEV slot like the ones   *
*  LOGON fills, with the same real cylinders.  The mode (default R)   *
*  says what to do when others have the disk too:                     *
*     R    read-only; not linked while someone has it R/W             *
*     RR   read-only, whatever the others do                          *
*     W    read-write; not linked while anybody else has it at all    *
*     WR   read-write, or read-only (FORCED R/O) if anybody has it    *
*     M    read-write; not linked while someone has it R/W            *
*     MR   read-write, or read-only while someone has it R/W          *
*     MW   read-write, whatever the others do                         *
*  "The others" are every logged-on user with a disk on those real    *
*  cylinders, the owner too.  CP counts them from the VMBLOKs' VDEV   *
*  slots each time (LKSCAN): a DETACH or LOGOFF clears its slot, so   *
*  the count can never be stale.  A read-only link is a slot with     *
*  VDRO: CCW translation puts SET FILE MASK "inhibit all writes" in   *
*  front of its every channel program, and the real disk refuses a    *
*  write with a unit check.                                           *
*                                                                     *
*  Every mode needs the MDISK's password for it - read for R and RR,  *
*  write for W and WR, multiple for M, MR and MW.  None in the        *
*  directory: nobody links it in that mode.  ALL: no password asked.  *
*  One's own disks need none.  Not given on the line, CP asks         *
*  "ENTER READ PASSWORD:" and the next line typed is the password,    *
*  with print inhibited (CCW X'1B': the terminal types XXXXXXXX in    *
*  its place, as VM/370's line terminals overprinted a mask).  A      *
*  LINK that came by DIAGNOSE X'08' waits for it in CP READ (D8RUN    *
*  sees VMLKPEND); LNKPASS finishes the LINK and the DIAGNOSE.  Ten   *
*  wrong passwords, and LINK is refused until LOGOFF.                 *
*                                                                     *
*  A module: its own CSECT, R13 its base (ENTER).                     *
***********************************************************************
DMKLNK   CSECT
         USING DMKLNK,R13          the module's base (ENTER sets it)
         USING VMBLOK,R11
*
***********************************************************************
*  CMDLINK: LINK.  In: R6, R7 the rest of the line, R8 = RDEV, R11 =  *
*  VMBLOK, as CPCMD calls every command.  Uses R0-R7, R15.            *
***********************************************************************
CMDLINK  ENTER
         CLC   VMLKBAD,=H'10'      ten wrong passwords: no more
         BNL   LKDEAD
*  [TO] userid
         BAL   R14,NEXTTOK
         LA    R4,=CL8'TO'
         LA    R5,2
         BAL   R14,KWMATCH
         BNE   LK10
         BAL   R14,NEXTTOK
LK10     LTR   R3,R3
         BZ    LKNOID
         C     R3,=F'8'
         BH    LKNOID
         MVC   VMLKUSER,BLANKS
         LR    R1,R3
         BCTR  R1,0
         EX    R1,LKMVCU
*  vaddr1 [AS] vaddr2
         BAL   R14,NEXTTOK
         BAL   R14,LKHEX
         BNE   LKNOVA
         STH   R1,LKVA1
         BAL   R14,NEXTTOK
         LA    R4,=CL8'AS'
         LA    R5,2
         BAL   R14,KWMATCH
         BNE   LK20
         BAL   R14,NEXTTOK
LK20     BAL   R14,LKHEX
         BNE   LKNOVA
         STH   R1,VMLKVA2
*  [mode]: R (1) ... MW (7); none: R.
         MVI   VMLKMODE,1
         MVI   LKPWG,0
         BAL   R14,NEXTTOK
         LTR   R3,R3
         BZ    LK50
         C     R3,=F'2'
         BH    LK40
         MVC   LKTOK2,BLANKS
         LR    R1,R3
         BCTR  R1,0
         EX    R1,LKMVCM
         LA    R1,LKMODES
         LA    R0,1
LK30     CLC   LKTOK2,0(R1)
         BE    LK35
         LA    R1,2(R1)
         AH    R0,=H'1'
         CH    R0,=H'7'
         BNH   LK30
         B     LK40                not a mode: the password?
LK35     STC   R0,VMLKMODE
         BAL   R14,NEXTTOK
         LTR   R3,R3
         BZ    LK50
*  [[PASS=] password]
LK40     C     R3,=F'5'
         BL    LK45
         CLC   0(5,R2),=C'PASS='
         BNE   LK45
         LA    R2,5(R2)            PASS=password, or PASS= password
         SH    R3,=H'5'
         BP    LK45
         BAL   R14,NEXTTOK
LK45     LTR   R3,R3
         BZ    LKBADOP
         C     R3,=F'8'
         BH    LKBADOP
         MVC   LKPW,BLANKS
         LR    R1,R3
         BCTR  R1,0
         EX    R1,LKMVCP
         MVI   LKPWG,1
         BAL   R14,NEXTTOK         nothing may follow
         LTR   R3,R3
         BNZ   LKBADOP
*  The disk, in its owner's directory entry; room for it here.
LK50     BAL   R14,LKFIND
         BNE   LKEXIT
         BAL   R14,LKROOM
         BNE   LKEXIT
*  Its password: none needed, given, or to be asked for.
         CLC   VMLKUSER,VMUSER     one's own disk
         BE    LK70
         BAL   R14,LKPWFLD         R4 -> the password for the mode
         CLC   0(8,R4),BLANKS      none: no link in this mode
         BE    LKNOPW
         CLC   0(8,R4),=CL8'ALL'   ALL: none needed
         BE    LK70
         CLI   LKPWG,1
         BNE   LKASK
         BAL   R14,LKPWCHK
         BNE   LKEXIT
LK70     BAL   R14,LKDO
LKEXIT   LEAVE CMDLINK
*  "ENTER READ PASSWORD:", and the next line typed is not printed.
LKASK    OI    VMLKFLG,VMLKPEND
         MVC   LINEBUF(6),=C'ENTER '
         LA    R2,LINEBUF+6
         BAL   R14,LKPWWORD
         MVC   0(10,R2),=C' PASSWORD:'
         LA    R3,10(R2)
         LA    R2,LINEBUF
         SR    R3,R2
         BAL   R14,TLINE
         BAL   R14,TMASK           inhibit print of the next line read
         B     LKEXIT
*  The refusals.
LKDEAD   CPMSG LKM116,RC=116
         B     LKEXIT
LKNOID   CPMSG LKM020,RC=20
         B     LKEXIT
LKNOVA   CPMSG LKM022,RC=22
         B     LKEXIT
LKBADOP  CPMSG MSG026,RC=26
         B     LKEXIT
LKNOPW   LA    R1,111              "... NOT LINKED; NO READ PASSWORD"
         BAL   R14,LKNOTL
         MVC   0(3,R2),=C'NO '
         LA    R2,3(R2)
         BAL   R14,LKPWWORD
         MVC   0(9,R2),=C' PASSWORD'
         LA    R2,9(R2)
         BAL   R14,LKERR
         B     LKEXIT
LKMVCU   MVC   VMLKUSER(0),0(R2)
LKMVCM   MVC   LKTOK2(0),0(R2)
LKMVCP   MVC   LKPW(0),0(R2)
CMDLINKR DS    F
CMDLINKB DS    F
LKMODES  DC    C'R RRW WRM MRMW'   the modes, 1-7
LKM020   DC    C'DMKLNK020E USERID MISSING OR INVALID'
LKM022   DC    C'DMKLNK022E VADDR MISSING OR INVALID'
LKM116   DC    C'DMKLNK116E LINK INVALID; EXCESSIVE INCORRECT PASSWORDS'
*
***********************************************************************
*  LNKPASS: the line typed after LINK's "ENTER ... PASSWORD:"         *
*  (TINPUT calls it while VMLKPEND is on).  The LINK goes on with it, *
*  and a DIAGNOSE X'08' that waited goes on after it.                 *
*  In: R8 = RDEV, the line in RDEVBUF, R3 = its length, R11 = VMBLOK. *
*  Uses R0-R8, R15.                                                   *
***********************************************************************
LNKPASS  ENTER
         XC    CPRCH,CPRCH
         NI    VMLKFLG,X'FF'-VMLKPEND
         L     R4,VMLKENT
         MVC   LKVA1,0(R4)
         MVC   LKPW,BLANKS         (longer than 8: wrong, whatever)
         C     R3,=F'8'
         BNH   LNP10
         LA    R3,8
         MVI   LKPW,X'FF'
LNP10     LTR   R1,R3
         BZ    LNP20
         CLI   LKPW,X'FF'
         BE    LNP20
         BCTR  R1,0
         EX    R1,LNPMVC
         OC    LKPW,BLANKS         (upper case)
LNP20     BAL   R14,LKPWCHK
         BNE   LNP30
         BAL   R14,LKROOM          (still free? nothing can have taken
         BNE   LNP30                  it, but a LINK never trusts that)
         BAL   R14,LKDO
LNP30     TM    VMLKFLG,VMLKD8      a DIAGNOSE X'08' waiting for it?
         BZ    LNPEXIT
         NI    VMLKFLG,X'FF'-VMLKD8
         MVC   VMSTATE,VMLKSTAT
         MVC   VMD8RC,CPRCH
         ST    R11,CPFOR           its next commands: its time
         CALL  D8RUN
LNPEXIT   LEAVE LNKPASS
LNPMVC    MVC   LKPW(0),RDEVBUF-RDEV(R8)
LNKPASSR DS    F
LNKPASSB DS    F
*
***********************************************************************
*  LKFIND: VMLKUSER's MDISK at LKVA1, in the directory.               *
*  Out: CC 0 and VMLKENT -> its entry (in DIRDEVS); or CC not 0 after *
*  "userid vaddr NOT LINKED; NOT IN CP DIRECTORY" (a LINK or a        *
*  DEDICATE is not a disk to link to).  Uses R0-R5, R15.              *
***********************************************************************
LKFIND   ST    R14,LKFINDR
         L     R4,=A(DIRECTRY)
         L     R5,DIRCOUNT
         USING DIRENTRY,R4
LKF10    LTR   R5,R5
         BNP   LKF90
         CLC   DIRUSER,VMLKUSER
         BE    LKF20
         LA    R4,DIRLEN(R4)
         BCTR  R5,0
         B     LKF10
LKF20    LH    R5,DIRNDEV
         LA    R4,DIRDEVS
         DROP  R4
LKF30    LTR   R5,R5
         BNP   LKF90
         CLC   0(2,R4),LKVA1
         BNE   LKF40
         TM    DIRDFLG(R4),VDDED+DIRDLNK
         BZ    LKF50
LKF40    LA    R4,DIRDLEN(R4)
         BCTR  R5,0
         B     LKF30
LKF50    ST    R4,VMLKENT
         L     R14,LKFINDR
         CR    R14,R14             CC 0
         BR    R14
LKF90    LA    R1,107
         BAL   R14,LKNOTL
         MVC   0(19,R2),=C'NOT IN CP DIRECTORY'
         LA    R2,19(R2)
         BAL   R14,LKERR
         L     R14,LKFINDR
         LTR   R14,R14             CC not 0
         BR    R14
LKFINDR  DS    F
*
***********************************************************************
*  LKROOM: is VMLKVA2 free on this machine, and is there a VDEV slot  *
*  for it?  Out: CC 0 and R5 -> a free slot; or CC not 0 after        *
*  "... NOT LINKED; DASD 192 ALREADY DEFINED" (RDR, PUN, PRT, CONS    *
*  for the other devices) or "... NO ROOM FOR ANOTHER DISK".          *
*  Uses R0-R5, R15.                                                   *
***********************************************************************
LKROOM   ST    R14,LKROOMR
         LH    R1,VMLKVA2
         LA    R4,=C'CONS'
         CH    R1,VCADDR
         BE    LKR80
         LA    R2,VMURS            the reader, punch and printer
         LA    R3,VMNUR
LKR10    CH    R1,URADDR-URBLOK(R2)
         BE    LKR20
         LA    R2,URLEN(R2)
         BCT   R3,LKR10
         B     LKR30
LKR20    SR    R4,R4               RDR, PUN or PRT by its type
         IC    R4,URTYPE-URBLOK(R2)
         BCTR  R4,0
         MH    R4,=H'4'
         LA    R4,LKURTYP(R4)
         B     LKR80
LKR30    SR    R5,R5               the disks; the first free slot
         LA    R2,VMVDEVS
         LA    R3,VMNVDEV
         LA    R4,=C'DASD'
LKR40    CH    R1,0(R2)
         BE    LKR80
         LTR   R5,R5
         BNZ   LKR50
         CLC   0(2,R2),=H'0'
         BNE   LKR50
         LR    R5,R2
LKR50    LA    R2,VDEVLEN(R2)
         BCT   R3,LKR40
         LTR   R5,R5
         BZ    LKR90
         L     R14,LKROOMR
         CR    R14,R14             CC 0
         BR    R14
*  "DASD 192 ALREADY DEFINED": the device's type at R4.
LKR80    ST    R4,LKTYPE
         LA    R1,110
         BAL   R14,LKNOTL
         L     R4,LKTYPE
         MVC   0(4,R2),0(R4)
         LA    R2,4(R2)
         CLI   3(R4),C' '          (RDR, PUN, PRT: three letters)
         BNE   LKR85
         BCTR  R2,0
LKR85    MVI   0(R2),C' '
         LH    R0,VMLKVA2
         LA    R2,1(R2)
         LA    R3,3
         BAL   R14,HEXOUT
         MVC   3(16,R2),=C' ALREADY DEFINED'
         LA    R2,19(R2)
         B     LKR95
LKR90    LA    R1,118              (all VMNVDEV slots in use)
         BAL   R14,LKNOTL
         MVC   0(24,R2),=C'NO ROOM FOR ANOTHER DISK'
         LA    R2,24(R2)
LKR95    BAL   R14,LKERR
         L     R14,LKROOMR
         LTR   R14,R14             CC not 0
         BR    R14
LKROOMR  DS    F
LKTYPE   DS    A
LKURTYP  DC    C'RDR PUN PRT '     URTRDR, URTPUN, URTPRT
*
***********************************************************************
*  LKPWFLD: R4 -> the password the mode VMLKMODE needs, in the entry  *
*  VMLKENT (read, write or multiple).  Uses R1, R4.                   *
***********************************************************************
LKPWFLD  SR    R1,R1
         IC    R1,VMLKMODE
         IC    R1,LKPWOFF-1(R1)
         L     R4,VMLKENT
         AR    R4,R1
         BR    R14
LKPWOFF  DC    AL1(DIRDRPW,DIRDRPW,DIRDWPW,DIRDWPW)   R RR W WR
         DC    AL1(DIRDMPW,DIRDMPW,DIRDMPW)           M MR MW
*
***********************************************************************
*  LKPWWORD: READ, WRITE or MULT (for VMLKMODE) at R2; R2 past it.    *
*  Uses R1, R2, R15.                                                  *
***********************************************************************
LKPWWORD LA    R15,=C'READ'
         LA    R1,4                (lengths: 4, 5, 4)
         CLI   VMLKMODE,2
         BNH   LKW10
         LA    R15,=C'WRITE'
         LA    R1,5
         CLI   VMLKMODE,4
         BNH   LKW10
         LA    R15,=C'MULT'
         LA    R1,4
LKW10    BCTR  R1,0
         EX    R1,LKWMVC
         LA    R2,1(R1,R2)
         BR    R14
LKWMVC   MVC   0(0,R2),0(R15)
*
***********************************************************************
*  LKPWCHK: is LKPW the password the mode needs?  Out: CC 0 yes; else *
*  CC not 0 after "... NOT LINKED; MODE OR PASSWORD INCORRECT", and   *
*  one more wrong password counted (VMLKBAD).  Uses R0-R5, R15.       *
***********************************************************************
LKPWCHK  ST    R14,LKPWCR
         BAL   R14,LKPWFLD
         CLC   LKPW,0(R4)
         BE    LKPC90
         LH    R1,VMLKBAD
         LA    R1,1(R1)
         STH   R1,VMLKBAD
         LA    R1,113
         BAL   R14,LKNOTL
         MVC   0(26,R2),=C'MODE OR PASSWORD INCORRECT'
         LA    R2,26(R2)
         BAL   R14,LKERR
         L     R14,LKPWCR
         LTR   R14,R14             CC not 0
         BR    R14
LKPC90   L     R14,LKPWCR
         BR    R14                 (CC 0 from the CLC)
LKPWCR   DS    F
*
***********************************************************************
*  LKDO: make the link.  The others who have the disk are counted     *
*  (LKSCAN); LKACTS says, for the mode and what they have, whether    *
*  it is linked, how, and what the message adds.  In: VMLKENT,        *
*  VMLKVA2, VMLKMODE; R5 -> a free VDEV slot (LKROOM).                *
*  Uses R0-R7, R15.                                                   *
***********************************************************************
LKDO     ST    R14,LKDOR
         ST    R5,LKSLOT
         BAL   R14,LKSCAN
         SR    R1,R1               the mode's three cases
         IC    R1,VMLKMODE
         BCTR  R1,0
         MH    R1,=H'3'
         LA    R1,LKACTS(R1)
         CLC   LKNRW,=F'0'         someone has it R/W
         BNE   LKD10
         LA    R1,1(R1)
         CLC   LKNRO,=F'0'         someone has it R/O
         BNE   LKD10
         LA    R1,1(R1)            nobody has it
LKD10    MVC   LKACT,0(R1)
         TM    LKACT,LKAREF
         BO    LKDREF
*  Linked: the slot is the owner's extent at VMLKVA2.
         L     R5,LKSLOT
         XC    0(VDEVLEN,R5),0(R5)
         L     R4,VMLKENT
         MVC   0(8,R5),0(R4)       address, real disk, extent
         MVC   0(2,R5),VMLKVA2
         TM    LKACT,LKARW
         BO    LKD20
         OI    VDFLAGS-VDWORK(R5),VDRO
LKD20    CLC   VMLKUSER,VMUSER
         BE    LKD25
         OI    VDFLAGS-VDWORK(R5),VDLINK
LKD25    LH    R2,VDRDEV-VDWORK(R5)
         BAL   R14,DKFIND          its RDISK (none: 0, SIO gets CC 3)
         L     R5,LKSLOT
         ST    R1,VDRDISK-VDWORK(R5)
*  "DASD 192 LINKED R/O", "... FORCED R/O", "... LINKED R/W", and
*  perhaps "; R/W BY ALICE" or "; R/O BY 002 USERS".
         MVC   LINEBUF(5),=C'DASD '
         LH    R0,VMLKVA2
         LA    R2,LINEBUF+5
         LA    R3,3
         BAL   R14,HEXOUT
         MVC   LINEBUF+8(11),=C' LINKED R/O'
         TM    LKACT,LKARW
         BZ    LKD30
         MVC   LINEBUF+16(3),=C'R/W'
LKD30    TM    LKACT,LKAFRC
         BZ    LKD35
         MVC   LINEBUF+9(6),=C'FORCED'
LKD35    LA    R2,LINEBUF+19
         BAL   R14,LKSUFF
         LR    R3,R2
         LA    R2,LINEBUF
         SR    R3,R2
         BAL   R14,CPLINE
         B     LKD90
*  Refused: "ALICE 191 NOT LINKED; R/W BY ALICE" (105) or "R/O BY"
*  (104).
LKDREF   LA    R1,104
         TM    LKACT,LKASRW
         BZ    LKD50
         LA    R1,105
LKD50    BAL   R14,LKNOTL
         SH    R2,=H'2'            (LKSUFF begins with "; ")
         BAL   R14,LKSUFF
         BAL   R14,LKERR
LKD90    L     R14,LKDOR
         BR    R14
LKDOR    DS    F
LKSLOT   DS    A
*  LKACTS: for modes R, RR, W, WR, M, MR, MW (three bytes each) what
*  to do when someone has the disk R/W; when only R/O; when nobody.
LKAREF   EQU   X'10'               not linked
LKARW    EQU   X'02'               linked R/W (else R/O)
LKAFRC   EQU   X'01'               FORCED R/O (asked for R/W)
LKASRW   EQU   X'40'               the message adds "R/W BY ..."
LKASRO   EQU   X'20'               the message adds "R/O BY ..."
LKACTS   DC    AL1(LKAREF+LKASRW,0,0)                          R
         DC    AL1(LKASRW,0,0)                                 RR
         DC    AL1(LKAREF+LKASRW,LKAREF+LKASRO,LKARW)          W
         DC    AL1(LKAFRC+LKASRW,LKAFRC+LKASRO,LKARW)          WR
         DC    AL1(LKAREF+LKASRW,LKARW+LKASRO,LKARW)           M
         DC    AL1(LKAFRC+LKASRW,LKARW+LKASRO,LKARW)           MR
         DC    AL1(LKARW+LKASRW,LKARW+LKASRO,LKARW)            MW
LKACT    DS    X
*
***********************************************************************
*  LKSUFF: the message's "; R/W BY ALICE" or "; R/O BY 002 USERS"      *
*  at R2, as LKACT says (nothing if neither).  Out: R2 past it.       *
*  Uses R0-R4, R15.                                                   *
***********************************************************************
LKSUFF   ST    R14,LKSUFFR
         TM    LKACT,LKASRW+LKASRO
         BZ    LKS90
         MVC   0(10,R2),=C'; R/W BY  '
         L     R1,LKNRW
         LA    R4,LKRWID
         TM    LKACT,LKASRW
         BO    LKS10
         MVI   4(R2),C'O'
         L     R1,LKNRO
         LA    R4,LKROID
LKS10    LA    R2,9(R2)
         C     R1,=F'1'            one user: who; more: how many
         BNE   LKS20
         MVC   0(8,R2),0(R4)
         LA    R2,8(R2)
LKS15    BCTR  R2,0                (without trailing blanks)
         CLI   0(R2),C' '
         BE    LKS15
         LA    R2,1(R2)
         B     LKS90
LKS20    LA    R3,3
         BAL   R14,DECOUT
         LA    R2,3(R2)
         MVC   0(6,R2),=C' USERS'
         LA    R2,6(R2)
LKS90    L     R14,LKSUFFR
         BR    R14
LKSUFFR  DS    F
*
***********************************************************************
*  LKSCAN: who has the disk of entry VMLKENT (the same real disk and  *
*  first cylinder, in any logged-on machine's VDEV slots)?  Out:      *
*  LKNRW, LKNRO how many R/W and R/O; LKRWID, LKROID one of each.     *
*  Uses R0-R4, R6, R7.                                                *
***********************************************************************
LKSCAN   XC    LKNRW,LKNRW
         XC    LKNRO,LKNRO
         L     R4,VMLKENT
         L     R6,=A(VMTABLE)
         LA    R7,NUMTERM
LKSC10   CLI   VMSTATE-VMBLOK(R6),VMSFREE
         BE    LKSC40
         LA    R2,VMVDEVS-VMBLOK(R6)
         LA    R3,VMNVDEV
LKSC20   CLC   0(2,R2),=H'0'       a disk here ...
         BE    LKSC30
         TM    VDFLAGS-VDWORK(R2),VDDED
         BO    LKSC30
         CLC   VDRDEV-VDWORK(2,R2),2(R4)   ... on that real disk ...
         BNE   LKSC30
         CLC   VDRELN-VDWORK(2,R2),4(R4)   ... from that cylinder
         BNE   LKSC30
         TM    VDFLAGS-VDWORK(R2),VDRO
         BO    LKSC25
         L     R1,LKNRW
         LA    R1,1(R1)
         ST    R1,LKNRW
         MVC   LKRWID,VMUSER-VMBLOK(R6)
         B     LKSC30
LKSC25   L     R1,LKNRO
         LA    R1,1(R1)
         ST    R1,LKNRO
         MVC   LKROID,VMUSER-VMBLOK(R6)
LKSC30   LA    R2,VDEVLEN(R2)
         BCT   R3,LKSC20
LKSC40   LA    R6,VMBLKLEN(R6)
         BCT   R7,LKSC10
         BR    R14
LKNRW    DS    F
LKNRO    DS    F
LKRWID   DS    CL8
LKROID   DS    CL8
*
***********************************************************************
*  LKNOTL: "DMKLNKnnnE userid vaddr NOT LINKED; " in LINEBUF, for     *
*  VMLKUSER and LKVA1.  In: R1 = nnn.  Out: R2 past it, LKMSGN = nnn. *
*  Uses R0-R3.                                                        *
***********************************************************************
LKNOTL   ST    R14,LKNOTLR
         ST    R1,LKMSGN
         MVC   LINEBUF(11),=C'DMKLNK000E '
         LA    R2,LINEBUF+6
         LA    R3,3
         BAL   R14,DECOUT
         LA    R2,VMLKUSER
         BAL   R14,MSGUID
         MVI   0(R2),C' '
         LH    R0,LKVA1
         LA    R2,1(R2)
         LA    R3,3
         BAL   R14,HEXOUT
         MVC   3(13,R2),=C' NOT LINKED; '
         LA    R2,16(R2)
         L     R14,LKNOTLR
         BR    R14
LKNOTLR  DS    F
LKMSGN   DS    F
*
***********************************************************************
*  LKERR: type LINEBUF up to R2 as an error, return code LKMSGN.      *
*  Uses R0-R5, R15.                                                   *
***********************************************************************
LKERR    ST    R14,LKERRR
         LR    R3,R2
         LA    R2,LINEBUF
         SR    R3,R2
         L     R0,LKMSGN
         BAL   R14,CPERR
         L     R14,LKERRR
         BR    R14
LKERRR   DS    F
*
***********************************************************************
*  LKHEX: a virtual address: 1-3 hex digits, not 000.                 *
*  In: R2 -> text, R3 = length.  Out: CC 0 and R1 = the address; CC   *
*  not 0 if it is none.  Uses R0, R1, R4, R15.                        *
***********************************************************************
LKHEX    SR    R1,R1
         LTR   R15,R3
         BZ    LKHXBAD
         C     R15,=F'3'
         BH    LKHXBAD
         LR    R0,R2
LKHX10   SLL   R1,4
         LR    R4,R0
         IC    R4,0(R4)
         N     R4,=F'255'
         CH    R4,=X'00C1'         A-F
         BL    LKHXBAD
         CH    R4,=X'00C6'
         BNH   LKHX20
         CH    R4,=X'00F0'         0-9
         BL    LKHXBAD
         CH    R4,=X'00F9'
         BH    LKHXBAD
         SH    R4,=X'00F0'
         B     LKHX30
LKHX20   SH    R4,=X'00B7'         C'A' = X'C1' -> 10
LKHX30   OR    R1,R4
         AH    R0,=H'1'
         BCT   R15,LKHX10
         LTR   R1,R1               000 is no device address
         BZ    LKHXBAD
         CR    R1,R1               CC 0
         BR    R14
LKHXBAD  LTR   R14,R14             CC not 0 (an address)
         BR    R14
*
***********************************************************************
*  VADDRIN: LKHEX for the other modules (ATTACH, DETACH, QUERY).     *
*  In: R2 -> text, R3 = length.  Out: CC 0 and R1 = the address; CC   *
*  not 0 if it is none.  Uses R0, R1, R4, R15.                        *
***********************************************************************
VADDRIN  ENTER
         BAL   R14,LKHEX
         LEAVE VADDRIN             (the condition code stays)
VADDRINR DS    F
VADDRINB DS    F
*
LKVA1    DS    H                   the owner's address of the disk
LKTOK2   DS    CL2
LKPWG    DS    X                   1: a password on the line
LKPW     DS    CL8                 the password given
         DROP  R11
         LTORG                     the module's literals
