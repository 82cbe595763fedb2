***********************************************************************
*  LOGON: LOGON and LOGOFF (DMKLOG, DMKBLD, DMKUSO).                  *
*                                                                     *
*  LOGON userid [password] checks the directory (SYSCONF), asks for   *
*  the password if it was not given, and builds the virtual machine:  *
*    - a VMBLOK, which holds everything CP knows about it;            *
*    - its address space: a segment table of 64 entries (up to 4M)    *
*      and a page table for every 64K segment of its storage, all in  *
*      one page frame.  Every page starts invalid: real frames are    *
*      given out as the guest touches its pages (GTRANS);             *
*    - then "IPL CMS": the saved CMS nucleus (NSSAREA) is copied into *
*      the guest's storage from address 0, and its PSW is loaded from *
*      guest location 0, just as a real IPL loads the PSW it finds    *
*      there.  The dispatcher will run it.                            *
*  LOGOFF gives every frame back and frees the VMBLOK.                *
*                                                                     *
*  A module: its own CSECT, R13 its base (ENTER).                     *
***********************************************************************
DMKLOG   CSECT
         USING DMKLOG,R13          the module's base (ENTER sets it)
*
***********************************************************************
*  CMDLOGON: LOGON userid [password].  In: R6, R7 the rest of the     *
*  line, R8 = RDEV, R11 = 0, as CPCMD calls every command.            *
*  Uses R0-R7, R15.                                                   *
***********************************************************************
CMDLOGON ENTER
         BAL   R14,NEXTTOK         the userid
         LTR   R3,R3
         BZ    LGNOID
         C     R3,=F'8'
         BH    LGNOID
         MVC   LGUSER,BLANKS
         LR    R1,R3
         BCTR  R1,0
         EX    R1,LGMVCU
         BAL   R14,LGFIND          in the directory, not logged on?
         BNZ   LGEXIT
         BAL   R14,NEXTTOK         the password
         LTR   R3,R3
         BNZ   LG30
         USING RDEV,R8             none: ask for it
         MVC   RDEVPUID,LGUSER
         MVI   RDEVSTAT,RDSPASS
         DROP  R8
         CPMSG PASSMSG,VIA=TLINE
         B     LGEXIT
LG30     BAL   R14,LGPWCHK         right password?
         BNZ   LGEXIT
         BAL   R14,LOGON2
LGEXIT   LEAVE CMDLOGON
LGNOID   CPMSG MSG020,RC=20
         B     LGEXIT
LGMVCU   MVC   LGUSER(0),0(R2)
CMDLOGONR DS   F
CMDLOGONB DS   F
PASSMSG  DC    C'ENTER PASSWORD:'
MSG020   DC    C'DMKLOG020E USERID MISSING OR INVALID'
*
***********************************************************************
*  LOGPASS: the line after "ENTER PASSWORD:" (TINPUT calls it).       *
*  In: R8 = RDEV, the line in RDEVBUF, R3 = its length.               *
*  Uses R0-R7, R11, R15.                                              *
***********************************************************************
LOGPASS  ENTER
         USING RDEV,R8
         MVI   RDEVSTAT,RDSCMD
         MVC   LGUSER,RDEVPUID
         LA    R2,RDEVBUF
         DROP  R8
         ST    R2,LPWADDR
         ST    R3,LPWLEN
         BAL   R14,LGFIND          (may have changed meanwhile)
         BNZ   LPEXIT
         L     R2,LPWADDR
         L     R3,LPWLEN
         BAL   R14,LGPWCHK
         BNZ   LPEXIT
         BAL   R14,LOGON2
LPEXIT   LEAVE LOGPASS
LOGPASSR DS    F
LOGPASSB DS    F
LPWADDR  DS    F
LPWLEN   DS    F
*
***********************************************************************
*  LGFIND: look LGUSER up.  Out: CC 0 and LGDIR -> its DIRENTRY; or   *
*  CC not 0 after telling the user why not.  Uses R0-R5, R15.         *
***********************************************************************
LGFIND   ENTER
         L     R4,=A(DIRECTRY)
         USING DIRENTRY,R4
         L     R5,DIRCOUNT
         LTR   R5,R5
         BZ    LGF20
LGF10    CLC   DIRUSER,LGUSER
         BE    LGF30
         LA    R4,DIRLEN(R4)
         BCT   R5,LGF10
         DROP  R4
LGF20    MVC   LINEBUF(11),=C'DMKLOG053E '     not in the directory
         LA    R2,LGUSER
         BAL   R14,MSGUID
         MVC   0(L'MSG053,R2),MSG053
         LA    R3,L'MSG053(R2)
         LA    R0,53
         B     LGFERR
LGF30    ST    R4,LGDIR
         LA    R2,LGUSER           already logged on?
         BAL   R14,FINDUSER
         LTR   R1,R1
         BZ    LGFEXIT
         MVC   LINEBUF(L'MSG054),MSG054
         LH    R0,VMTERMA-VMBLOK(R1)
         LA    R2,LINEBUF+L'MSG054
         LA    R3,3
         BAL   R14,HEXOUT
         LA    R3,LINEBUF+L'MSG054+3
         LA    R0,54
LGFERR   LA    R2,LINEBUF
         SR    R3,R2
         BAL   R14,CPERR
         LTR   R14,R14             CC not 0
LGFEXIT  LEAVE LGFIND
LGFINDR  DS    F
LGFINDB  DS    F
MSG053   DC    C' NOT IN CP DIRECTORY'
MSG054   DC    C'DMKLOG054E ALREADY LOGGED ON LINE '
*
***********************************************************************
*  LGPWCHK: is the password (R2, R3) the directory's for LGDIR?       *
*  Out: CC 0 yes; else CC not 0 after the message.  Uses R0-R5, R15.  *
***********************************************************************
LGPWCHK  ST    R14,LGPWR
         MVC   LGPASS,BLANKS
         C     R3,=F'8'
         BH    LGPW20
         LTR   R1,R3
         BZ    LGPW20
         BCTR  R1,0
         EX    R1,LGPWMVC
         OC    LGPASS,BLANKS       (upper case)
         L     R4,LGDIR
         CLC   LGPASS,DIRPASS-DIRENTRY(R4)
         BE    LGPWEXIT
LGPW20   LA    R2,MSG050
         LA    R3,MSG050L
         LA    R0,50
         BAL   R14,CPERR
         LTR   R14,R14
LGPWEXIT L     R14,LGPWR
         BR    R14
LGPWMVC  MVC   LGPASS(0),0(R2)
LGPWR    DS    F
MSG050   DC    C'DMKLOG050E PASSWORD INCORRECT - '
         DC    C'REINITIATE LOGON PROCEDURE'
MSG050L  EQU   *-MSG050
*
***********************************************************************
*  LOGON2: build the virtual machine for LGDIR at terminal R8.        *
*  Out: R11 = its VMBLOK.  Uses R0-R7, R15.                           *
***********************************************************************
LOGON2   ENTER
         L     R11,=A(VMTABLE)     a free VMBLOK
         LA    R5,NUMTERM
         USING VMBLOK,R11
LG40     CLI   VMSTATE,VMSFREE
         BE    LG50
         LA    R11,VMBLKLEN(R11)
         BCT   R5,LG40
         B     LGNOSTOR            (cannot happen: one per terminal)
LG50     LR    R2,R11
         LA    R3,VMBLKLEN
         BAL   R14,CLEAR
         L     R4,LGDIR
         USING DIRENTRY,R4
         MVC   VMUSER,DIRUSER
         MVC   VMSIZE,DIRSTOR
         ST    R8,VMRDEV
         MVC   VMTERMA,RDEVADDR-RDEV(R8)
         MVC   VCADDR,=X'0009'     the virtual console
         CALL  URLOGON             its reader, punch and printer
*  Its minidisks, from the directory, into the VDEV slots, each with
*  the RDISK of its real disk (none: 0, and its SIO gets CC 3).
         LH    R5,DIRNDEV
         LTR   R5,R5
         BNP   LG52
         LA    R3,DIRDEVS
         LA    R2,VMVDEVS
LG51     MVC   0(8,R2),0(R3)       address, real disk, extent
         MVC   VDFLAGS-VDWORK(1,R2),DIRDFLG(R3)
         ST    R2,LGSLOT
         LH    R2,VDRDEV-VDWORK(R2)
         BAL   R14,DKFIND          R1 = its RDISK, or 0
         L     R2,LGSLOT
         ST    R1,VDRDISK-VDWORK(R2)
         LA    R3,DIRDLEN(R3)
         LA    R2,VDEVLEN(R2)
         BCT   R5,LG51
LG52     DS    0H
         DROP  R4
         MVC   VMTALEN,=H'-1'      nothing typed ahead
*  The address space: segment table at +0, page tables from +256.
         BAL   R14,FRAMEGET
         LTR   R15,R15
         BZ    LGNOSTOR
         ST    R15,VMTABLES
         LR    R2,R15
         O     R2,=X'03000000'     64 entries: length code 3
         ST    R2,VMSEG
         L     R5,VMSIZE           segments of storage
         SRL   R5,16
         L     R3,VMTABLES         -> segment-table entry
         LA    R4,256(R3)          -> its page table
         LA    R6,64
LG60     LTR   R5,R5               beyond the storage: invalid
         BP    LG62
         MVC   0(4,R3),=X'00000001'
         B     LG64
LG62     LR    R0,R4               16 entries, origin
         O     R0,=X'F0000000'
         ST    R0,0(R3)
         LA    R1,16               every page invalid
         LR    R2,R4
LG63     MVC   0(2,R2),=X'0008'
         LA    R2,2(R2)
         BCT   R1,LG63
         BCTR  R5,0
LG64     LA    R3,4(R3)
         LA    R4,32(R4)
         BCT   R6,LG60
*  Now it exists.
         ST    R11,RDEVUSER-RDEV(R8)
         MVI   VMSTATE,VMSRUN
         STCK  VMLOGON
         L     R1,NUSERS
         LA    R1,1(R1)
         ST    R1,NUSERS
         MVC   TODNOW,VMLOGON      "LOGON AT ..."
         BAL   R14,TODFMT
         MVC   LINEBUF(9),=C'LOGON AT '
         LA    R2,LINEBUF+9
         BAL   R14,FMTWHEN
         LR    R3,R2
         LA    R2,LINEBUF
         SR    R3,R2
         BAL   R14,TLINE
         LA    R1,=C'LOGON '       tell the operator
         BAL   R14,OPMSG
*  IPL CMS.
         CALL  IPLCMS              (CMDVM's)
         LEAVE LOGON2
LGNOSTOR CPMSG NOSTMSG,VIA=TLINE
         LEAVE LOGON2
LOGON2R  DS    F
LOGON2B  DS    F
LGUSER   DS    CL8
LGPASS   DS    CL8
LGDIR    DS    A
LGSLOT   DS    A
*
***********************************************************************
*  OPMSG: tell the operator "LINE 020 LOGON  AS ALICE    USERS = 001".*
*  In: R1 -> 'LOGON ' or 'LOGOFF', R11 = VMBLOK.  Uses R0-R3, R15.    *
***********************************************************************
OPMSG    ENTER
         ST    R8,OPMSGR8
         MVC   LINEBUF(5),=C'LINE '
         MVC   LINEBUF+9(6),0(R1)
         LH    R0,VMTERMA
         LA    R2,LINEBUF+5
         LA    R3,3
         BAL   R14,HEXOUT
         MVI   LINEBUF+8,C' '
         MVC   LINEBUF+15(4),=C' AS '
         MVC   LINEBUF+19(8),VMUSER
         MVC   LINEBUF+27(9),=C' USERS = '
         L     R1,NUSERS
         LA    R2,LINEBUF+36
         LA    R3,3
         BAL   R14,DECOUT
         L     R8,=A(RDEVTAB)      the operator's console
         LA    R2,LINEBUF
         LA    R3,39
         BAL   R14,TLINE
         L     R8,OPMSGR8
         LEAVE OPMSG
OPMSGR   DS    F
OPMSGB   DS    F
OPMSGR8  DS    F
*
***********************************************************************
*  CMDLOGOF: LOGOFF.  The accounting line and the time, the operator  *
*  is told, every frame goes back on the free chain, and the terminal *
*  says "VM/370 ONLINE" again.  (When the command came through        *
*  DIAGNOSE X'08', the machine that issued it is gone: DIAGNOSE sees  *
*  VMSTATE = VMSFREE and does not resume it.)                         *
*  In: R8 = RDEV, R11 = VMBLOK, as CPCMD calls every command.         *
*  Uses R0-R8, R15.                                                   *
***********************************************************************
CMDLOGOF ENTER
         NI    VMFLAGS,X'FF'-VMFBUF   the answer goes to the terminal
         L     R8,VMRDEV
         BAL   R14,FMTACCT
         BAL   R14,TLINE
         STCK  TODNOW
         BAL   R14,TODFMT
         MVC   LINEBUF(10),=C'LOGOFF AT '
         LA    R2,LINEBUF+10
         BAL   R14,FMTWHEN
         LR    R3,R2
         LA    R2,LINEBUF
         SR    R3,R2
         BAL   R14,TLINE
         L     R1,NUSERS
         BCTR  R1,0
         ST    R1,NUSERS
         LA    R1,=C'LOGOFF'
         BAL   R14,OPMSG
*  Its disk requests first: none may still read into a frame.
         CALL  IOSCANCL
*  Give the frames back: each valid page, then the table frame.
         L     R3,VMTABLES
         LA    R6,64
LF10     TM    3(R3),X'01'         segment valid?
         BO    LF30
         L     R4,0(R3)            its page table
         N     R4,=X'00FFFFF8'
         LA    R7,16
LF20     TM    1(R4),X'08'         page valid?
         BO    LF25
         SR    R15,R15
         ICM   R15,3,0(R4)
         N     R15,=X'0000FFF0'
         SLL   R15,8
         BAL   R14,FRAMEFRE
LF25     LA    R4,2(R4)
         BCT   R7,LF20
LF30     LA    R3,4(R3)
         BCT   R6,LF10
         L     R15,VMTABLES
         BAL   R14,FRAMEFRE
*  Its spool files: open ones purged, the one being read kept.
         CALL  URLOGOF
*  No real disk's arm is "where this user left it" any more.
         BAL   R14,DKFORGET
*  The VMBLOK is free again.
         MVI   VMSTATE,VMSFREE
         MVC   VMUSER,BLANKS
         XC    RDEVUSER-RDEV(4,R8),RDEVUSER-RDEV(R8)
         C     R11,RUNUSER
         BNE   LF40
         XC    RUNUSER,RUNUSER
LF40     XC    CPFOR,CPFOR
         BAL   R14,GREET
         LEAVE CMDLOGOF
CMDLOGOFR DS   F
CMDLOGOFB DS   F
*
***********************************************************************
*  FMTACCT: the accounting line in LINEBUF:                           *
*  "CONNECT= hh:mm:ss VIRTCPU= mmm:ss.hh TOTCPU= mmm:ss.hh"           *
*  In: R11 = VMBLOK.  Out: R2 -> LINEBUF, R3 = length.                *
*  Uses R0-R5, R15.                                                   *
***********************************************************************
FMTACCT  ENTER
         MVC   LINEBUF(ACCTMSGL),ACCTMSG
         STCK  TODNOW              connect time = now - logon
         LM    R2,R3,TODNOW
         LM    R4,R5,VMLOGON
         BAL   R14,DSUB
         SRDL  R2,12               microseconds
         D     R2,=F'1000000'      seconds
         SR    R2,R2
         D     R2,=F'60'           R2 = ss, R3 = minutes
         ST    R2,FASEC
         SR    R2,R2
         D     R2,=F'60'           R2 = mm, R3 = hours
         ST    R2,FAMIN
         LR    R1,R3
         LA    R2,LINEBUF+9
         LA    R3,2
         BAL   R14,DECOUT
         L     R1,FAMIN
         LA    R2,LINEBUF+12
         LA    R3,2
         BAL   R14,DECOUT
         L     R1,FASEC
         LA    R2,LINEBUF+15
         LA    R3,2
         BAL   R14,DECOUT
         LM    R2,R3,VMVTIME       VIRTCPU
         LA    R4,LINEBUF+27
         BAL   R14,FMTCPU
         LM    R2,R3,VMVTIME       TOTCPU = virtual + CP's for it
         LM    R4,R5,VMCTIME
         BAL   R14,DADD
         LA    R4,LINEBUF+45
         BAL   R14,FMTCPU
         LA    R2,LINEBUF
         LA    R3,ACCTMSGL
         LEAVE FMTACCT
         DROP  R11
FMTACCTR DS    F
FMTACCTB DS    F
FASEC    DS    F
FAMIN    DS    F
ACCTMSG  DC    C'CONNECT= hh:mm:ss VIRTCPU= mmm:ss.hh '
         DC    C'TOTCPU= mmm:ss.hh'
ACCTMSGL EQU   *-ACCTMSG
         LTORG                     the module's literals
