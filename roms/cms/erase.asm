***********************************************************************
*  ERASE, RENAME: remove a file, change its name (DMSERS, DMSRNM).    *
*                                                                     *
*     ERASE fn ft [fm] [( TYPE]         fm defaults to A; a "*" in fn *
*                                       or ft erases every match      *
*     Rename fn1 ft1 fm1 fn2 ft2 fm2 [( TYPE]                         *
*  An "=" in the new fileid keeps that part of the old one.  Both     *
*  work on the directory in storage and then write it (COMMIT).       *
***********************************************************************
DMSERS   CSECT
ERTYPE   EQU   X'80'
ERASE    ENTER
         LR    R9,R1
         LA    R1,=C'ERS'          the messages are ERASE's
         LA    R2,ERIDS
         CALL  MSGMOD
         MVC   ERPAT,ERDEFLT
         LA    R1,8(R9)
         LA    R2,ERPAT
         CALL  GETFID
         LTR   R15,R15
         BNZ   ER84
         CH    R0,=H'2'
         BL    ER80
         BAL   R14,EROPTS          R10: the options
         BNZ   ER86
         XC    ERCUR,ERCUR
         SR    R8,R8               R8: files erased
ER10     LA    R0,ERCUR
         LA    R1,ERPAT
         CALL  FSTFIND
         C     R15,=F'8'
         BE    ER88
         LTR   R15,R15
         BNZ   ER30
         LR    R6,R1               R6: the FST, R2: the disk
         LR    R2,R0
         TM    ADTFLAGS-ADT(R2),ADTRO
         BO    ER90
         MVC   ERFID(16),0(R6)     (its fileid, for TYPE)
         MVC   ERFID+16(1),ADTMODE-ADT(R2)
         MVC   ERFID+17(1),FSTFMODE+1-FST(R6)
         LR    R1,R6
         CALL  FSERASE
         LTR   R15,R15
         BNZ   ER92
         LA    R8,1(R8)
         LTR   R10,R10
         BZ    ER10
         CALL  LNNEW               (TYPE: "fn ft fm")
         LA    R1,ERFID
         CALL  LNFID
         CALL  LNOUT
         B     ER10
ER30     LTR   R8,R8
         BZ    ER82
         SR    R15,R15
         RETURN
ER80     LA    R1,ER054E
         CALL  MSGTEXT
         LA    R15,24
         RETURN
ER82     LA    R1,ER002E           nothing found
         LA    R2,ERPAT
         LA    R3,ERNOTFND
         CALL  MSGFID
         LA    R15,28
         RETURN
ER84     LA    R1,ER048E
         LA    R2,24(R9)
         CALL  MSGWORD
         LA    R15,24
         RETURN
ER86     LR    R2,R1
         LA    R1,ER003E
         CALL  MSGWORD
         LA    R15,24
         RETURN
ER88     LA    R1,ER069E
         SR    R0,R0
         IC    R0,ERPAT+16
         LA    R3,ERNOTACC
         CALL  MSGDISK
         LA    R15,36
         RETURN
ER90     LA    R1,ER037E
         SR    R0,R0
         IC    R0,ADTMODE-ADT(R2)
         LA    R3,ERRO
         CALL  MSGDISK
         LA    R15,36
         RETURN
ER92     LA    R1,ER105S
         CALL  MSGTEXT
         LA    R15,100
         RETURN
*
*  EROPTS: after the fileid (R1 -> the word after it): "( TYPE".
*  Out: R10 = the options; CC 0, or CC not 0 and R1 -> a bad word.
EROPTS   SR    R10,R10
         CLI   0(R1),X'FF'
         BER   R14
         ST    R14,EROR
         LA    R1,8(R1)
         SR    R0,R0
         LA    R2,EROPTTB
         CALL  OPTIONS
         LR    R10,R0
         L     R14,EROR
         LTR   R15,R15
         BR    R14
*
***********************************************************************
*  RENAME: the command.  R1 -> the PLIST.                             *
***********************************************************************
RENAME   ENTER
         LR    R9,R1
         LA    R1,=C'RNM'          the messages are RENAME's
         LA    R2,ERIDS
         CALL  MSGMOD
         MVC   ERPAT,ERDEFLT
         LA    R1,8(R9)
         LA    R2,ERPAT
         CALL  GETFID
         LTR   R15,R15
         BNZ   ER84
         CH    R0,=H'3'
         BL    ER80
         LR    R7,R1               the new fileid
         MVC   ERNEW,ERDEFLT
         LA    R2,ERNEW
         CALL  GETFID
         LTR   R15,R15
         BNZ   RN84
         CH    R0,=H'3'
         BL    ER80
         BAL   R14,EROPTS
         BNZ   ER86
         XC    ERCUR,ERCUR
         SR    R8,R8               R8: files renamed
RN10     LA    R0,ERCUR
         LA    R1,ERPAT
         CALL  FSTFIND
         C     R15,=F'8'
         BE    ER88
         LTR   R15,R15
         BNZ   RN60
         LR    R6,R1               R6: the FST, R2: the disk
         LR    R2,R0
         MVC   ERFID(16),0(R6)     the old fileid ...
         MVC   ERFID+16(1),ADTMODE-ADT(R2)
         MVC   ERFID+17(1),FSTFMODE+1-FST(R6)
         MVC   ERTO,ERFID          ... and the new, "=" from the old
         LA    R3,ERNEW
         LA    R4,ERTO
         CALL  FIDSUBST
         CLC   ERTO+16(1),ERFID+16 on the same disk
         BNE   RN86
         TM    ADTFLAGS-ADT(R2),ADTRO
         BO    ER90
         MVC   ERFIND,ERTO         is there one of that name already?
         XC    ERCUR2,ERCUR2
         LA    R0,ERCUR2
         LA    R1,ERFIND
         MVI   ERFIND+17,C' '
         CALL  FSTFIND
         LTR   R15,R15
         BZ    RN88
         MVC   0(16,R6),ERTO       rename it
         CLI   ERTO+17,C' '
         BE    RN20
         MVC   FSTFMODE+1-FST(1,R6),ERTO+17
RN20     LR    R1,R6
         CALL  FSTDIRTY
         CALL  COMMIT
         LTR   R15,R15
         BNZ   ER92
         LA    R8,1(R8)
         LTR   R10,R10
         BZ    RN10
         CALL  LNNEW               (TYPE: "fn ft fm")
         LA    R1,ERTO
         CALL  LNFID
         CALL  LNOUT
         B     RN10
RN60     LTR   R8,R8
         BZ    ER82
         SR    R15,R15
         RETURN
RN84     LA    R1,RN048E
         LA    R2,16(R7)
         CALL  MSGWORD
         LA    R15,24
         RETURN
RN86     LA    R1,RN048E           another disk: no
         LA    R2,16(R7)
         CALL  MSGWORD
         LA    R15,24
         RETURN
RN88     LA    R1,RN024E
         LA    R2,ERTO
         LA    R3,ERALRDY
         CALL  MSGFID
         LA    R15,28
         RETURN
EROR     DS    A
ERIDS    DC    A(ER054E,ER048E,ER003E,ER002E,ER069E,ER037E,ER105S,0)
ERCUR    DS    3F
ERCUR2   DS    3F
ERPAT    DS    CL18
ERNEW    DS    CL18
ERFID    DS    CL18
ERTO     DS    CL18
ERFIND   DS    CL18
ERDEFLT  DC    CL8' ',CL8' ',CL2'A'
EROPTTB  DC    CL8'TYPE',AL1(1),AL3(ERTYPE)
         DC    X'FF'
ER054E   DC    C'DMSERS054E INCOMPLETE FILEID SPECIFIED',X'00'
ER048E   DC    C'DMSERS048E INVALID MODE',X'00'
ER003E   DC    C'DMSERS003E INVALID OPTION',X'00'
ER002E   DC    C'DMSERS002E',X'00'
ER069E   DC    C'DMSERS069E',X'00'
ER037E   DC    C'DMSERS037E',X'00'
ER105S   DC    C'DMSERS105S ERROR WRITING THE DISK',X'00'
RN048E   DC    C'DMSRNM048E INVALID MODE',X'00'
RN024E   DC    C'DMSRNM024E',X'00'
ERALRDY  DC    C' ALREADY EXISTS',X'00'
ERNOTFND DC    C' NOT FOUND',X'00'
ERNOTACC DC    C' NOT ACCESSED',X'00'
ERRO     DC    C' IS READ/ONLY',X'00'
         LTORG
