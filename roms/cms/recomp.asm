***********************************************************************
*  RECOMP: FORMAT cuu mode [cyl] (RECOMP - a CMS disk grows or        *
*  shrinks to cyl cylinders (or to its whole minidisk), its files     *
*  kept (DMSFOR's RECOMP).                                            *
*                                                                     *
*  The disk must be accessed as mode.  Without cyl, its minidisk's    *
*  size is learned by SEEKs (CP refuses one beyond it).  Growing, the *
*  new cylinders' tracks are formatted; shrinking, no block in use    *
*  may lie beyond the new end.  Then the bitmap is remade for the new *
*  number of blocks and the directory written (COMMIT), and the disk  *
*  is described as QUERY DISK does.                                   *
***********************************************************************
DMSFRC   CSECT
RECOMP   ENTER
         LR    R9,R1
         ST    R0,RCCYL
         LA    R1,8(R9)            the device (FORMAT checked it)
         CALL  GETHEX
         LR    R6,R0
         SR    R0,R0               the letter
         IC    R0,16(R9)
         CALL  ADTFIND
         LTR   R2,R1
         BZ    RP90
         CH    R6,ADTCUU-ADT(R2)   accessed as that device?
         BNE   RP90
         USING ADT,R2
         TM    ADTFLAGS,ADTRO
         BO    RP91
*  How many cylinders: asked for, or the minidisk's (the first cylinder
*  CP refuses, found by halving).
         ICM   R8,15,RCCYL
         BNZ   RP20
         LA    R4,1                R4: there; R5: not there
         LA    R5,FOMAXCYL+1
RP10     LR    R8,R4
         AR    R8,R5
         SRL   R8,1
         CR    R8,R4
         BE    RP15
         LR    R0,R8
         CALL  SEEKCYL
         LTR   R15,R15
         BNZ   RP12
         LR    R4,R8
         B     RP10
RP12     LR    R5,R8
         B     RP10
RP15     LR    R8,R5               R8: the cylinders
RP20     LR    R1,R8               the blocks: 570 a cylinder, 65531
         MH    R1,=H'570'            at most
         C     R1,=F'65531'
         BNH   RP22
         L     R1,=F'65531'
RP22     ST    R1,RCNUM
*  Shrinking: nothing in use beyond the new end (both bitmaps).
         C     R1,ADTNUM
         BNL   RP30
         LR    R3,R1               the first block beyond: byte, bit
         L     R4,ADTBMLEN         ... to the end
RP24     C     R3,ADTNUM
         BNL   RP30
         LR    R1,R3               (block n+1 is bit n)
         SRL   R1,3
         LR    R0,R3
         N     R0,=F'7'
         LA    R5,X'80'
         SRL   R5,0(R0)
         L     R7,ADTBMAP
         IC    R0,0(R1,R7)
         L     R7,ADTBMOLD
         IC    R7,0(R1,R7)
         OR    R0,R7
         NR    R0,R5
         BNZ   RP92
         LA    R3,1(R3)
         B     RP24
*  Growing: the new cylinders' tracks get their 19 records.
RP30     L     R3,ADTCYL
         CR    R8,R3
         BNH   RP40
         L     R0,=A(19*808)
         CALL  GETBLK
         LTR   R15,R15
         BNZ   RP93
         LR    R10,R1
         MH    R3,=H'30'           from the old end's first track
RP32     LR    R0,R3
         LR    R1,R10
         CALL  FMTTRK
         LTR   R15,R15
         BNZ   RP34
         LA    R3,1(R3)
         LR    R0,R8
         MH    R0,=H'30'
         CR    R3,R0
         BL    RP32
RP34     LR    R11,R15
         LR    R1,R10
         L     R0,=A(19*808)
         CALL  FREEBLK
         LTR   R11,R11
         BNZ   RP94
*  New bitmaps, the old bits in them.
RP40     L     R0,RCNUM
         A     R0,=F'7'
         SRL   R0,3
         ST    R0,RCLEN
         CALL  GETBLK
         LTR   R15,R15
         BNZ   RP93
         LR    R10,R1
         L     R0,RCLEN
         CALL  GETBLK
         LTR   R15,R15
         BNZ   RP93
         LR    R11,R1
         L     R5,RCLEN            what fits of the old ones
         C     R5,ADTBMLEN
         BNH   RP42
         L     R5,ADTBMLEN
RP42     LR    R4,R10
         L     R0,ADTBMAP
         LR    R1,R5
         MVCL  R4,R0
         LR    R4,R11
         L     R0,ADTBMOLD
         LR    R1,R5
         L     R5,RCLEN
         C     R5,ADTBMLEN
         BNH   RP44
         L     R5,ADTBMLEN
RP44     MVCL  R4,R0
         L     R1,ADTBMAP          the old ones go
         L     R0,ADTBMLEN
         CALL  FREEBLK
         L     R1,ADTBMOLD
         L     R0,ADTBMLEN
         CALL  FREEBLK
         ST    R10,ADTBMAP
         ST    R11,ADTBMOLD
         MVC   ADTBMLEN,RCLEN
         XC    ADTROVER,ADTROVER
         MVC   ADTNUM,RCNUM
         ST    R8,ADTCYL
         L     R0,ADTNUM
         S     R0,ADTUSED
         ST    R0,ADTLEFT
         CALL  COMMIT
         LTR   R15,R15
         BNZ   RP94
         DROP  R2
         MVC   RCPL+16(1),16(R9)   QUERY DISK mode: the result
         LA    R1,RCPL
         SR    R0,R0
         CALL  QUERY
         RETURN
RP90     LA    R1,RC069E           not accessed as that device
         SR    R0,R0
         IC    R0,16(R9)
         LA    R3,RCNOTACC
         CALL  MSGDISK
         LA    R15,36
         RETURN
RP91     LA    R1,RC037E
         SR    R0,R0
         IC    R0,16(R9)
         LA    R3,RCRO
         CALL  MSGDISK
         LA    R15,36
         RETURN
RP92     LA    R1,RC124E           blocks in use beyond the new end
         CALL  MSGTEXT
         LA    R15,100
         RETURN
RP93     LA    R1,RCNOSTOR
         CALL  MSGTEXT
         LA    R15,104
         RETURN
RP94     LA    R1,RC105S
         CALL  MSGTEXT
         LA    R15,100
         RETURN
RCCYL    DS    F
RCNUM    DS    F
RCLEN    DS    F
RCPL     DC    CL8'QUERY',CL8'DISK',CL8' ',8X'FF'
RC069E   DC    C'DMSFOR069E',X'00'
RCNOTACC DC    C' NOT ACCESSED',X'00'
RC037E   DC    C'DMSFOR037E',X'00'
RCRO     DC    C' IS READ/ONLY',X'00'
RC124E   DC    C'DMSFOR124E FILES ON THE CYLINDERS RECOMP WOULD TAKE AWAY',X'00'
RC105S   DC    C'DMSFOR105S ERROR WRITING THE DISK',X'00'
RCNOSTOR DC    C'DMSFRE159T INSUFFICIENT STORAGE AVAILABLE',X'00'
         LTORG
