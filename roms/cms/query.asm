***********************************************************************
*  QUERY, SET: CMS's settings and disks (DMSQRY, DMSSET).             *
*                                                                     *
*     Query DISK [mode|*]      A (191): 3 FILES, 9 REC IN USE, 1131   *
*                              LEFT (of 1140), 1% FULL (2 CYL), 3350, *
*                              R/W                                    *
*     Query SEARCH             the disks in search order              *
*     Query IMPCP | IMPEX | RDYMSG                                    *
*     SET IMPCP ON|OFF   IMPEX ON|OFF   RDYMSG LMSG|SMSG              *
*  Anything else QUERY is asked is CP's business (Q NAMES, Q TIME):   *
*  the line goes to CP, as VM/370's CMS did.                          *
***********************************************************************
DMSQRY   CSECT
QUERY    ENTER
         LR    R9,R1
         LR    R10,R0              (the line, for CP)
         CLC   8(8,R9),=CL8'DISK'
         BE    QD00
         CLC   8(8,R9),=CL8'SEARCH'
         BE    QS00
         LA    R3,QSETS            IMPCP, IMPEX, RDYMSG
QY10     CLI   0(R3),X'FF'
         BE    QYCP
         CLC   8(8,R9),0(R3)
         BE    QY20
         LA    R3,QSETLEN(R3)
         B     QY10
QY20     CALL  LNNEW               "IMPCP = ON"
         LA    R2,8(R9)
         LA    R3,8
         CALL  LNTOK
         LA    R2,QEQUAL
         CALL  LNZ
         LA    R3,QSETS
         BAL   R14,QSETFND
         LA    R2,10(R3)           the first word ("ON", "SMSG")
         IC    R1,8(R3)            when the bit is as the entry says
         EX    R1,QTM              (EX R0 would not change it)
         BO    QY21
         CLI   9(R3),0
         BE    QY22
         B     QY23
QY21     CLI   9(R3),1
         BE    QY22
QY23     LA    R2,18(R3)           else the second
QY22     LA    R3,8
         CALL  LNTOK
         CALL  LNOUT
         SR    R15,R15
         RETURN
QYCP     LTR   R10,R10             the whole line to CP (from a
         BNZ   QYCP10                program: its PLIST as a line)
         LR    R1,R9
         CALL  PLLINE
         B     QYCP20
QYCP10   L     R1,0(R10)
         L     R0,8(R10)
         SR    R0,R1
QYCP20   DS    0H
         CALL  CPLINE
         RETURN
*
*  QUERY DISK [mode|*].
QD00     LA    R0,C'A'
         CLI   16(R9),X'FF'
         BE    QD10
         CLI   16(R9),C'*'
         BE    QD20
         IC    R0,16(R9)
QD10     STC   R0,QLET
         CALL  ADTFIND
         LTR   R1,R1
         BZ    QD80
         BAL   R14,QDLINE
         SR    R15,R15
         RETURN
QD20     SR    R1,R1               every disk
QD22     CALL  ADTNEXT
         LTR   R1,R1
         BZ    QD90
         BAL   R14,QDLINE
         LR    R1,R6               (QDLINE keeps the ADT in R6)
         B     QD22
QD80     LA    R1,Q069E
         SR    R0,R0
         IC    R0,QLET
         LA    R3,QNOTACC
         CALL  MSGDISK
         LA    R15,36
         RETURN
QD90     SR    R15,R15
         RETURN
*  QDLINE: the line for the ADT at R1.
QDLINE   ST    R14,QDR
         LR    R6,R1
         USING ADT,R6
         CALL  LNNEW
         IC    R0,ADTMODE          A (191):
         CALL  LNCHR
         LA    R2,QPAREN
         CALL  LNZ
         LH    R0,ADTCUU
         LA    R3,3
         CALL  LNHEX
         LA    R2,QD1
         CALL  LNZ
         L     R0,ADTFILES         12 FILES,
         SR    R3,R3
         CALL  LNDEC
         LA    R2,QD2
         CALL  LNZ
         L     R0,ADTUSED          148 REC IN USE,
         CALL  LNDEC
         LA    R2,QD3
         CALL  LNZ
         L     R0,ADTLEFT          2852 LEFT
         CALL  LNDEC
         LA    R2,QD4
         CALL  LNZ
         L     R0,ADTNUM           (of 3000),
         CALL  LNDEC
         LA    R2,QD5
         CALL  LNZ
         L     R1,ADTUSED          5% FULL
         M     R0,=F'100'
         D     R0,ADTNUM
         LR    R0,R1
         CALL  LNDEC
         LA    R2,QD6
         CALL  LNZ
         L     R0,ADTCYL           (5 CYL),
         CALL  LNDEC
         LA    R2,QD7
         CALL  LNZ
         LA    R2,QRW              3350, R/W
         TM    ADTFLAGS,ADTRO
         BZ    QDL10
         LA    R2,QRO
QDL10    CALL  LNZ
         CALL  LNOUT
         L     R14,QDR
         BR    R14
*
*  QUERY SEARCH: "ALI191   191  A   R/W", in search order.
QS00     SR    R1,R1
QS10     CALL  ADTNEXT
         LTR   R6,R1
         BZ    QD90
         CALL  LNNEW
         LA    R2,ADTLABEL
         LA    R3,6
         CALL  LNSTR
         LA    R3,9
         CALL  LNCOL
         LH    R0,ADTCUU
         LA    R3,3
         CALL  LNHEX
         LA    R3,14
         CALL  LNCOL
         IC    R0,ADTMODE
         CALL  LNCHR
         LA    R3,18
         CALL  LNCOL
         LA    R2,QSRW
         TM    ADTFLAGS,ADTRO
         BZ    QS20
         LA    R2,QSRO
QS20     CALL  LNZ
         CALL  LNOUT
         LR    R1,R6
         B     QS10
         DROP  R6
*
***********************************************************************
*  SET: the command.  R1 -> the PLIST.                                *
***********************************************************************
SET      ENTER
         LR    R9,R1
         LA    R3,QSETS
         BAL   R14,QSETFND
         BNE   SE86
         CLC   16(8,R9),10(R3)     the "on" word
         BE    SE20
         CLC   16(8,R9),18(R3)     the "off" word
         BNE   SE88
         CLI   9(R3),0         the second word: the bit on for
         BE    SE40              IMPCP OFF, off for RDYMSG LMSG
         B     SE50
SE20     CLI   9(R3),0         the first word: the bit off for
         BE    SE50              IMPCP ON, on for RDYMSG SMSG
SE40     IC    R1,8(R3)        on
         EX    R1,QOI
         B     SE30
SE50     IC    R1,8(R3)        off
         X     R1,=F'255'
         EX    R1,QNI
SE30     SR    R15,R15
         RETURN
SE86     LA    R1,SE003E
         LA    R2,8(R9)
         CALL  MSGWORD
         LA    R15,24
         RETURN
SE88     LA    R1,SE070E
         LA    R2,16(R9)
         CALL  MSGWORD
         LA    R15,24
         RETURN
*  QSETFND: R3 -> the entry of QSETS for the word at 8(R9).
*  Out: CC 0 if there is one.
QSETFND  CLI   0(R3),X'FF'
         BE    QSF90
         CLC   8(8,R9),0(R3)
         BER   R14
         LA    R3,QSETLEN(R3)
         B     QSETFND
QSF90    LTR   R14,R14
         BR    R14
QTM      TM    CMSFLAGS,0          (the bit is set for the "on" word
QOI      OI    CMSFLAGS,0            of RDYMSG, clear for the others)
QNI      NI    CMSFLAGS,0
QDR      DS    A
QLET     DS    C
*  The settings: name, the bit in CMSFLAGS, 1 if the bit means the
*  "on" word (0: the "off" word), the two words.
QSETS    DC    CL8'IMPCP',AL1(CMSNOCP),AL1(0),CL8'ON',CL8'OFF'
QSETLEN  EQU   *-QSETS
         DC    CL8'IMPEX',AL1(CMSNOEX),AL1(0),CL8'ON',CL8'OFF'
         DC    CL8'RDYMSG',AL1(CMSRDYS),AL1(1),CL8'SMSG',CL8'LMSG'
         DC    X'FF'
QEQUAL   DC    C' = ',X'00'
QPAREN   DC    C' (',X'00'
QD1      DC    C'): ',X'00'
QD2      DC    C' FILES, ',X'00'
QD3      DC    C' REC IN USE, ',X'00'
QD4      DC    C' LEFT (of ',X'00'
QD5      DC    C'), ',X'00'
QD6      DC    C'% FULL (',X'00'
QD7      DC    C' CYL), 3350, ',X'00'
QRW      DC    C'R/W',X'00'
QRO      DC    C'R/O',X'00'
QSRW     DC    C'R/W',X'00'
QSRO     DC    C'R/O',X'00'
Q069E    DC    C'DMSQRY069E',X'00'
QNOTACC  DC    C' NOT ACCESSED',X'00'
SE003E   DC    C'DMSSET003E INVALID OPTION',X'00'
SE070E   DC    C'DMSSET070E INVALID PARAMETER',X'00'
         LTORG
