***********************************************************************
*  ACCESS, RELEASE: giving disks their letters (DMSACC, DMSARE).      *
*                                                                     *
*     ACCESS cuu mode        e.g. ACCESS 192 D                        *
*     RELEASE cuu|mode                                                *
*                                                                     *
*  CMS's first command - even an empty line - first accesses the     *
*  standard disks: 190 as S (the system disk), 191 as A, 192 as D and *
*  19E as Y, those the virtual machine has.                           *
***********************************************************************
DMSACC   CSECT
*
***********************************************************************
*  ACCESS: the command.  R1 -> the PLIST.                             *
***********************************************************************
ACCESS   ENTER
         LR    R9,R1
         CLI   8(R9),X'FF'         ACCESS alone
         BE    AC80
         CLI   8(R9),C'('
         BE    AC80
         LA    R1,8(R9)            the device
         CALL  GETHEX
         LTR   R15,R15
         BNZ   AC82
         LR    R6,R0               R6: the device
         CLI   16(R9),X'FF'        the letter
         BE    AC80
         CLI   16(R9),C'('
         BE    AC80
         CLI   17(R9),C' '         one letter (or a letter/...)
         BE    AC10
         CLI   17(R9),C'/'
         BNE   AC84
AC10     CLI   16(R9),C'A'
         BL    AC84
         CLI   16(R9),C'Z'
         BH    AC84
         SR    R7,R7               R7: the letter
         IC    R7,16(R9)
         LR    R0,R6
         LR    R1,R7
         CALL  ACONE
         RETURN
AC80     LA    R1,AC054E           too little
         CALL  MSGTEXT
         LA    R15,24
         RETURN
AC82     LA    R1,AC017E           not a device address
         LA    R2,8(R9)
         CALL  MSGWORD
         LA    R15,24
         RETURN
AC84     LA    R1,AC048E           not a mode letter
         LA    R2,16(R9)
         CALL  MSGWORD
         LA    R15,24
         RETURN
*
***********************************************************************
*  ACONE: access device R0 as letter R1, with the messages.           *
*  Out: R15 = the return code.                                        *
***********************************************************************
ACONE    ENTER
         LR    R6,R0
         LR    R7,R1
         MVI   ACREPL,0
*  The device already has a letter: it loses it.
         CALL  ADTDEV
         LTR   R1,R1
         BZ    AO10
         CLM   R7,1,ADTMODE-ADT(R1)    (the same letter: read again)
         BE    AO08
         MVC   ACLET,ADTMODE-ADT(R1)
         CALL  ADTDROP
         CALL  LNNEW               "191 A RELEASED"
         LR    R0,R6
         LA    R3,3
         CALL  LNHEX
         LA    R0,C' '
         CALL  LNCHR
         IC    R0,ACLET
         CALL  LNCHR
         LA    R2,AC726I
         CALL  LNZ
         CALL  LNOUT
         B     AO10
AO08     CALL  ADTDROP
*  The letter is another device's: that one is released.
AO10     LR    R0,R7
         CALL  ADTFIND
         LTR   R1,R1
         BZ    AO20
         MVC   ACOLD,ADTCUU-ADT(R1)
         MVI   ACREPL,1
         CALL  ADTDROP
AO20     LR    R0,R6
         LR    R1,R7
         CALL  ADTREAD
         LTR   R15,R15
         BNZ   AO50
         LR    R8,R1
         CLI   ACREPL,0            "192 REPLACES D (193)"
         BE    AO30
         CALL  LNNEW
         LR    R0,R6
         LA    R3,3
         CALL  LNHEX
         LA    R2,AC724I
         CALL  LNZ
         LR    R0,R7
         CALL  LNCHR
         LA    R2,ACPAREN
         CALL  LNZ
         LH    R0,ACOLD
         LA    R3,3
         CALL  LNHEX
         LA    R0,C')'
         CALL  LNCHR
         CALL  LNOUT
AO30     TM    ADTFLAGS-ADT(R8),ADTRO   "D (192) R/O"
         BZ    AO40
         CLI   ACQUIET,0           (not at IPL for S)
         BE    AO32
         CH    R7,=AL2(C'S')
         BE    AO40
AO32     CALL  LNNEW
         LR    R0,R7
         CALL  LNCHR
         LA    R2,ACPAREN
         CALL  LNZ
         LR    R0,R6
         LA    R3,3
         CALL  LNHEX
         LA    R2,AC723I
         CALL  LNZ
         CALL  LNOUT
AO40     SR    R15,R15
         B     AO90
*  It could not be accessed.
AO50     CLI   ACQUIET,0           at IPL: a disk the machine does not
         BE    AO52                  have is no error
         CH    R15,=H'8'
         BE    AO90
AO52     LR    R8,R15
         CALL  LNNEW
         LA    R2,ACMSG
         C     R8,=F'8'
         BNE   AO54
         LA    R2,AC113S           no such device
         B     AO58
AO54     C     R8,=F'12'
         BNE   AO56
         LA    R2,AC230E           not a CMS disk
         B     AO58
AO56     C     R8,=F'16'
         BNE   AO58
         LA    R2,AC079E           too many disks
AO58     ST    R2,ACTEXT
         MVC   LINE(10),0(R2)      the id ...
         LA    R0,LINE+10
         ST    R0,LINEPTR
         LA    R0,C' '
         CALL  LNCHR
         LR    R0,R7               ... "D(192)" ...
         LR    R1,R6
         CALL  LNDISK
         L     R2,ACTEXT           ... and the text
         LA    R2,10(R2)
         CALL  LNZ
         CALL  LNOUT
         LA    R15,100
         C     R8,=F'16'
         BNE   AO90
         LA    R15,36
AO90     RETURN
*
***********************************************************************
*  AUTOACC: access the standard disks, quietly (the first command).   *
***********************************************************************
AUTOACC  ENTER
         MVI   ACQUIET,1
         LA    R8,ACSTD
AA10     CLI   0(R8),X'FF'
         BE    AA90
         LH    R0,0(R8)
         SR    R1,R1
         IC    R1,2(R8)
         CALL  ACONE
         LA    R8,3(R8)
         B     AA10
AA90     MVI   ACQUIET,0
         RETURN
ACSTD    DC    X'0190',C'S',X'0191',C'A',X'0192',C'D',X'019E',C'Y'
         DC    X'FF'
*
***********************************************************************
*  RELEASE: the command.  R1 -> the PLIST.                            *
***********************************************************************
RELEASE  ENTER
         LR    R9,R1
         CLI   8(R9),X'FF'
         BE    RL80
         CLI   9(R9),C' '          a letter?
         BNE   RL10
         SR    R0,R0
         IC    R0,8(R9)
         CALL  ADTFIND
         LTR   R1,R1
         BNZ   RL20
         SR    R0,R0
         IC    R0,8(R9)
         B     RL85
RL10     LA    R1,8(R9)            a device
         CALL  GETHEX
         LTR   R15,R15
         BNZ   RL82
         CALL  ADTDEV
         LTR   R1,R1
         BNZ   RL20
         IC    R0,8(R9)            (named by the first character)
         B     RL85
RL20     CALL  ADTDROP
         SR    R15,R15
         RETURN
RL80     LA    R1,AC054E
         CALL  MSGTEXT
         LA    R15,24
         RETURN
RL82     LA    R1,RL017E
         LA    R2,8(R9)
         CALL  MSGWORD
         LA    R15,24
         RETURN
RL85     LA    R1,RL069E
         LA    R3,RLNOTACC
         CALL  MSGDISK
         LA    R15,36
         RETURN
ACTEXT   DS    A
ACOLD    DS    H
ACLET    DS    C
ACREPL   DS    X
ACQUIET  DC    X'00'
ACMSG    DC    C'DMSACC112S',C' DEVICE ERROR',X'00'
AC113S   DC    C'DMSACC113S',C' NOT ATTACHED',X'00'
AC230E   DC    C'DMSACC230E',C' IS NOT A CMS FORMATTED DISK',X'00'
AC079E   DC    C'DMSACC079E',C' IS ONE DISK TOO MANY',X'00'
AC054E   DC    C'DMSACC054E INCOMPLETE FILEID SPECIFIED',X'00'
AC017E   DC    C'DMSACC017E INVALID DEVICE ADDRESS',X'00'
AC048E   DC    C'DMSACC048E INVALID MODE',X'00'
AC723I   DC    C') R/O',X'00'
AC724I   DC    C' REPLACES ',X'00'
AC726I   DC    C' RELEASED',X'00'
ACPAREN  DC    C' (',X'00'
RL017E   DC    C'DMSARE017E INVALID DEVICE ADDRESS',X'00'
RL069E   DC    C'DMSARE069E',X'00'
RLNOTACC DC    C' NOT ACCESSED',X'00'
         LTORG
