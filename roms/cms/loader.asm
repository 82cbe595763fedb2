***********************************************************************
*  LOADER: programs (DMSLDR, DMSMOD).                                 *
*                                                                     *
*     LOAD fn [fn ...] [( START]    read the TEXT decks into storage  *
*     START [* | entry] [args]      run what was loaded               *
*                                                                     *
*  A TEXT file is the object deck an assembler punched: 80-byte cards *
*  (ESD: the sections and names; TXT: the bytes; RLD: the address     *
*  constants to relocate; END: the entry point) - see                 *
*  src/asm/object.rs for the layout.  Programs are loaded from        *
*  X'20000' (LDORG) up, each deck after the one before; a deck's      *
*  sections keep the places the assembler gave them relative to one  *
*  another (all move by the deck's relocation), its A-type constants  *
*  are moved with them and its V-type constants get the address of   *
*  the name (a section or an ENTRY of any deck loaded with it).       *
*                                                                     *
*  A program is called with R15 = its entry point, R14 = where to     *
*  return, R13 -> a 72-byte save area, R1 -> the PLIST of the command *
*  that ran it (START's, or the module's own name first); it returns  *
*  its return code in R15.  It may call CMS with SVC 202 (see SVC).   *
*  A program check in it ends it with DMSITP141T (ABEND below).       *
*                                                                     *
***********************************************************************
LDORG    EQU   X'20000'            where programs go
LDMAXID  EQU   32                  ESD items in one deck
LDMAXSYM EQU   64                  names all decks define
LDMAXV   EQU   32                  V-type constants waiting for a name
DMSLDR   CSECT
*
***********************************************************************
*  LOAD: the command.  R1 -> the PLIST.                               *
***********************************************************************
LOAD     ENTER
         LR    R9,R1
         L     R0,=A(LDORG)        nothing loaded yet
         ST    R0,LDNEXT
         XC    LDENTRY,LDENTRY
         XC    LDNSYM,LDNSYM
         XC    LDNV,LDNV
         MVC   PGMNAME,8(R9)       the program: its first deck's name
         LA    R10,8(R9)           each file name
         CLI   0(R10),X'FF'
         BE    LD80
         CLI   0(R10),C'('
         BE    LD80
LD10     CLI   0(R10),X'FF'
         BE    LD40
         CLI   0(R10),C'('
         BE    LD40
         BAL   R14,LDDECK
         LTR   R15,R15
         BNZ   LDX
         LA    R10,8(R10)
         B     LD10
*  Every deck read: the V-type constants whose names came later.
LD40     BAL   R14,LDVRES
         LTR   R15,R15
         BNZ   LDX
         ICM   R0,15,LDENTRY       no END named one: the first byte
         BNZ   LD45
         L     R0,=A(LDORG)
         ST    R0,LDENTRY
LD45     CLI   0(R10),C'('         ( START
         BNE   LD50
         CLC   8(8,R10),=CL8'START'
         BNE   LD50
         L     R0,LDENTRY
         LR    R1,R9
         CALL  RUNPROG
         RETURN
LD50     SR    R15,R15
LDX      RETURN
LD80     LA    R1,LD054E
         CALL  MSGTEXT
         LA    R15,24
         RETURN
*
*  LDDECK: read the deck "fn TEXT *" (R10 -> fn).  Out: R15, messages
*  typed.
LDDECK   ST    R14,LDDECKR
         MVC   LDPAT(8),0(R10)
         MVC   LDPAT+8(10),=CL10'TEXT    *'
         XC    LDCUR,LDCUR
         LA    R0,LDCUR
         LA    R1,LDPAT
         CALL  FSTFIND
         LTR   R15,R15
         BNZ   LDD80
         LR    R2,R0
         CALL  FSOPENR
         LTR   R15,R15
         BNZ   LDD85
         ST    R1,LDAFT
         XC    LDIDS(LDMAXID*8),LDIDS   no ESD items yet
         MVI   LDFIRST,1           the deck's relocation is not known
         L     R0,LDNEXT
         ST    R0,LDDECKE           (its end so far)
LDD10    L     R1,LDAFT            each card
         LA    R2,LDCARD
         LA    R3,80
         CALL  FSREADR
         C     R15,=F'12'          (the end of the file)
         BE    LDD70
         LTR   R15,R15
         BNZ   LDD85
         CLI   LDCARD,X'02'        not a card of the deck: skip it
         BNE   LDD10
         CLC   LDCARD+1(3),=C'ESD'
         BE    LDDESD
         CLC   LDCARD+1(3),=C'TXT'
         BE    LDDTXT
         CLC   LDCARD+1(3),=C'RLD'
         BE    LDDRLD
         CLC   LDCARD+1(3),=C'END'
         BE    LDDEND
         B     LDD10
*  ESD: up to three 16-byte items from column 17.
LDDESD   SR    R4,R4               items' bytes
         ICM   R4,3,LDCARD+10
         SR    R5,R5               the first item's ESDID
         ICM   R5,3,LDCARD+14
         LA    R6,LDCARD+16
LDE10    CH    R4,=H'16'
         BL    LDD10
         CLI   8(R6),X'01'         an LD has no ESDID of its own
         BE    LDE40
         C     R5,=A(LDMAXID)
         BH    LDD90
         LR    R7,R5               its entry in LDIDS (8 bytes each:
         SLL   R7,3                  relocation or address, type)
         LA    R7,LDIDS-8(R7)
         MVC   4(1,R7),8(R6)
         CLI   8(R6),X'02'         an ER: a name to find later
         BE    LDE30
*  A section: the deck moves so that its first section is at LDNEXT.
         SR    R0,R0
         ICM   R0,7,9(R6)          its assembled address
         CLI   LDFIRST,0
         BE    LDE20
         MVI   LDFIRST,0
         L     R1,LDNEXT
         SR    R1,R0
         ST    R1,LDRELOC
LDE20    L     R1,LDRELOC
         ST    R1,0(R7)
         AR    R0,R1               where it is
         SR    R1,R1               its end: is it in the machine?
         ICM   R1,7,13(R6)
         AR    R1,R0
         C     R1,VMSIZE
         BH    LDD92
         C     R1,LDDECKE
         BNH   LDE25
         ST    R1,LDDECKE
LDE25    BAL   R14,LDADDSYM        a name to find it by
         BNZ   LDD91
         B     LDE35
LDE30    XC    0(4,R7),0(R7)       an ER: its name, for LDVRES
         LR    R1,R5
         SLL   R1,3
         LA    R1,LDERNAME-8(R1)
         MVC   0(8,R1),0(R6)
LDE35    LA    R5,1(R5)
         B     LDE50
LDE40    SR    R0,R0               an LD: its section's address + its
         ICM   R0,7,9(R6)            offset
         SR    R1,R1
         ICM   R1,7,13(R6)         (its section's ESDID)
         C     R1,=A(LDMAXID)
         BH    LDD90
         SLL   R1,3
         A     R0,LDIDS-8(R1)
         BAL   R14,LDADDSYM
         BNZ   LDD91
LDE50    LA    R6,16(R6)
         SH    R4,=H'16'
         B     LDE10
*  TXT: the bytes at their place.
LDDTXT   SR    R0,R0
         ICM   R0,7,LDCARD+5       the address
         SR    R5,R5
         ICM   R5,3,LDCARD+14      its section
         C     R5,=A(LDMAXID)
         BH    LDD90
         SLL   R5,3
         A     R0,LDIDS-8(R5)
         SR    R3,R3
         ICM   R3,3,LDCARD+10      how many
         BZ    LDD10
         CH    R3,=H'56'
         BH    LDD90
         LR    R1,R0
         AR    R1,R3
         C     R1,VMSIZE           in the machine, above the nucleus
         BH    LDD92
         C     R0,=A(LDORG)
         BL    LDD92
         C     R1,LDDECKE
         BNH   LDT10
         ST    R1,LDDECKE
LDT10    LR    R1,R0
         BCTR  R3,0
         EX    R3,LDTMVC
         B     LDD10
*  RLD: address constants.  R/P pointers, flag, address; flag X'01':
*  the next item has the same pointers and leaves them out.
LDDRLD   SR    R4,R4
         ICM   R4,3,LDCARD+10
         LA    R6,LDCARD+16
LDR10    CH    R4,=H'4'
         BL    LDD10
         LH    R0,0(R6)            R and P pointers
         ST    R0,LDRPTR
         LH    R0,2(R6)
         ST    R0,LDPPTR
         LA    R6,4(R6)
         SH    R4,=H'4'
LDR20    CH    R4,=H'4'
         BL    LDD10
         BAL   R14,LDADCON
         BNZ   LDD90
         LR    R1,R6
         LA    R6,4(R6)
         SH    R4,=H'4'
         TM    0(R1),X'01'         the next has the same pointers?
         BO    LDR20
         B     LDR10
*  END: the entry point, if this is the first to name one.
LDDEND   CLC   LDCARD+5(3),=C'   '
         BE    LDD70
         ICM   R0,15,LDENTRY
         BNZ   LDD70
         SR    R0,R0
         ICM   R0,7,LDCARD+5
         SR    R5,R5
         ICM   R5,3,LDCARD+14
         C     R5,=A(LDMAXID)
         BH    LDD90
         SLL   R5,3
         A     R0,LDIDS-8(R5)
         ST    R0,LDENTRY
LDD70    L     R1,LDAFT            the deck is in
         CALL  FSCLOSE
         L     R0,LDDECKE           the next goes after it
         A     R0,=F'7'
         N     R0,=F'-8'
         ST    R0,LDNEXT
         SR    R15,R15
         B     LDDX
LDD80    LA    R1,LD002E           no such deck
         LA    R2,LDPAT
         LA    R3,LDNOTFND
         CALL  MSGFID
         LA    R15,28
         B     LDDX
LDD85    LA    R1,LD104S
         CALL  MSGTEXT
         LA    R15,100
         B     LDDX
LDD90    LA    R1,LD107S           a card the loader cannot take
         B     LDD95
LDD91    LA    R1,LD168S           too many names
         B     LDD95
LDD92    LA    R1,LD109S           it does not fit
LDD95    CALL  MSGTEXT
         L     R1,LDAFT
         CALL  FSCLOSE
         LA    R15,104
LDDX     L     R14,LDDECKR
         BR    R14
LDTMVC   MVC   0(0,R1),LDCARD+16
*
*  LDADCON: relocate the constant the RLD item at R6 describes
*  (pointers in LDRPTR, LDPPTR).  Out: CC 0, or not: a bad item.
LDADCON  ST    R14,LDADR
         L     R1,LDPPTR           where it is: address + P's
         C     R1,=A(LDMAXID)       relocation
         BH    LDA90
         LTR   R1,R1
         BNP   LDA90
         SLL   R1,3
         SR    R7,R7
         ICM   R7,7,1(R6)
         A     R7,LDIDS-8(R1)
         IC    R1,0(R6)            its length: flag bits 4-5, + 1
         N     R1,=F'12'
         SRL   R1,2
         LA    R1,1(R1)
         LR    R2,R7               (inside the loaded program)
         AR    R2,R1
         C     R2,VMSIZE
         BH    LDA90
         C     R7,=A(LDORG)
         BL    LDA90
         LA    R2,1                the ICM mask for that length:
         SLL   R2,0(R1)              (1 << length) - 1
         BCTR  R2,0
         SR    R0,R0               its value
         EX    R2,LDICM
         L     R1,LDRPTR           what R names
         C     R1,=A(LDMAXID)
         BH    LDA90
         LTR   R1,R1
         BNP   LDA90
         SLL   R1,3
         LA    R1,LDIDS-8(R1)
         CLI   4(R1),X'02'         an external name: its address later
         BE    LDA30
         A     R0,0(R1)            a section: + its relocation (A- and
         TM    0(R6),X'02'           V-type alike: the assembler put
         BZ    LDA40                 the assembled address in both)
         S     R0,0(R1)            (- it)
         S     R0,0(R1)
         B     LDA40
LDA30    ST    R7,LDAWHERE         an external name: later (LDVRES)
         STC   R2,LDAMASK
         BAL   R14,LDVADD
         BNZ   LDA90
         B     LDA50
LDA40    EX    R2,LDSTCM
LDA50    L     R14,LDADR
         CR    R14,R14
         BR    R14
LDA90    L     R14,LDADR
         LTR   R14,R14
         BR    R14
LDICM    ICM   R0,0,0(R7)
LDSTCM   STCM  R0,0,0(R7)
*
*  LDADDSYM: the name at 0(R6) is at R0.  Out: CC 0, or not: full.
LDADDSYM L     R1,LDNSYM
         C     R1,=A(LDMAXSYM)
         BNL   LDS90
         LR    R3,R1
         MH    R3,=H'12'
         LA    R3,LDSYMS(R3)
         MVC   0(8,R3),0(R6)
         ST    R0,8(R3)
         LA    R1,1(R1)
         ST    R1,LDNSYM
         CR    R1,R1
         BR    R14
LDS90    LTR   R14,R14
         BR    R14
*
*  LDVADD: the constant at LDAWHERE (ICM mask LDAMASK) waits for the
*  address of the external name whose ESDID is LDRPTR (its name is in
*  LDERNAME).  Out: CC 0, or not: full.
LDVADD   L     R3,LDNV
         C     R3,=A(LDMAXV)
         BNL   LDS90
         MH    R3,=H'16'
         LA    R3,LDVS(R3)
         MVC   0(4,R3),LDAWHERE
         MVC   4(1,R3),LDAMASK
         L     R0,LDRPTR           the ER's ESDID: its name is in
         SLL   R0,3                  LDERNAME
         LA    R15,LDERNAME-8
         AR    R15,R0
         MVC   8(8,R3),0(R15)
         L     R3,LDNV
         LA    R3,1(R3)
         ST    R3,LDNV
         CR    R3,R3
         BR    R14
*
*  LDVRES: give every waiting constant its name's address.
*  Out: R15 = 0, or 104 and a message for a name nobody defined.
LDVRES   ST    R14,LDVRR
         L     R4,LDNV
         LA    R5,LDVS
LDV10    LTR   R4,R4
         BNP   LDV80
         L     R6,LDNSYM           find the name
         LA    R7,LDSYMS
LDV20    LTR   R6,R6
         BNP   LDV90
         CLC   0(8,R7),8(R5)
         BE    LDV30
         LA    R7,12(R7)
         BCT   R6,LDV20
         B     LDV90
LDV30    L     R1,0(R5)            where
         IC    R2,4(R5)            its mask
         N     R2,=F'15'
         SR    R0,R0
         EX    R2,LDICM1           what it holds + the name's address
         A     R0,8(R7)
         EX    R2,LDSTCM1
         LA    R5,16(R5)
         BCT   R4,LDV10
LDV80    SR    R15,R15
         L     R14,LDVRR
         BR    R14
LDV90    CALL  LNNEW               "DMSLIO021E UNDEFINED NAME xxx"
         LA    R2,LD021E
         CALL  LNZ
         LA    R2,8(R5)
         LA    R3,8
         CALL  LNTOK
         CALL  LNOUT
         LA    R15,104
         L     R14,LDVRR
         BR    R14
LDSTCM1  STCM  R0,0,0(R1)
LDICM1   ICM   R0,0,0(R1)
*
***********************************************************************
*  START: run what LOAD loaded.  R1 -> the PLIST.                     *
***********************************************************************
START    ENTER
         LR    R9,R1
         ICM   R0,15,LDENTRY
         BZ    SR90
         CLI   8(R9),X'FF'         START alone or START *: the entry
         BE    SR20                  point
         CLI   8(R9),C'('
         BE    SR20
         CLC   8(8,R9),=CL8'*'
         BE    SR20
         L     R4,LDNSYM           START name: one the decks define
         LA    R5,LDSYMS
SR10     LTR   R4,R4
         BNP   SR92
         CLC   0(8,R5),8(R9)
         BE    SR15
         LA    R5,12(R5)
         BCT   R4,SR10
         B     SR92
SR15     L     R0,8(R5)
SR20     LR    R1,R9
         CALL  RUNPROG
         RETURN
SR90     LA    R1,LD001E
         CALL  MSGTEXT
         LA    R15,40
         RETURN
SR92     LA    R1,LD022E
         LA    R2,8(R9)
         CALL  MSGWORD
         LA    R15,40
         RETURN
*
***********************************************************************
*  RUNPROG: call the program at R0 with R1 -> its PLIST.              *
*  Out: R15 = its return code.                                        *
*                                                                     *
*  A program may change every register, so nothing is kept in them:  *
*  on our frame go the USERSTK of any program that called this one    *
*  (through SVC 202) and the save area it gets; USERSTK is where      *
*  CMS's stack goes on while it runs.  Back, R13 comes from USERSTK   *
*  (base 0: R12 is the program's now) and our frame is found again.   *
*                                                                     *
*       R13 -> +0 the caller's USERSTK   +8 its save area (72)        *
*              +88 USERSTK: CMS's stack while it runs (STKBACK = 88)  *
***********************************************************************
RUNPROG  ENTER
         L     R2,USERSTK
         ST    R2,0(R13)
         LA    R3,8(R13)
         XC    0(72,R3),0(R3)
         LA    R4,80(R3)
         ST    R4,USERSTK
         LR    R15,R0
         LR    R13,R3
         BALR  R14,R15             the program runs
         L     R13,USERSTK         back: find our frame
         SH    R13,STKBACK
         L     R2,0(R13)
         ST    R2,USERSTK
         MVC   PGMNAME,=CL8' '     (no program runs now)
         RETURN
LDDECKR  DS    A
LDADR    DS    A
LDVRR    DS    A
LDAFT    DS    A
LDRELOC  DS    F                   this deck's relocation
LDDECKE  DS    A                   its end
LDRPTR   DS    F
LDPPTR   DS    F
LDAWHERE DS    A
LDNSYM   DS    F
LDNV     DS    F
LDCUR    DS    3F
LDAMASK  DS    X
LDFIRST  DS    X
LDPAT    DS    CL18
LDCARD   DS    CL80
LDIDS    DS    (LDMAXID)D          per ESDID: relocation, type
LDERNAME DS    (LDMAXID)CL8        per ESDID: an ER's name
LDSYMS   DS    (LDMAXSYM)XL12      names defined: name, address
LDVS     DS    (LDMAXV)XL16        waiting constants: where, mask,
*                                    name
LD054E   DC    C'DMSLIO054E INCOMPLETE FILEID SPECIFIED',X'00'
LD002E   DC    C'DMSLIO002E',X'00'
LDNOTFND DC    C' NOT FOUND',X'00'
LD104S   DC    C'DMSLIO104S ERROR READING A TEXT FILE',X'00'
LD107S   DC    C'DMSLIO107S A CARD OF THE DECK CANNOT BE LOADED',X'00'
LD168S   DC    C'DMSLIO168S TOO MANY NAMES IN THE DECKS',X'00'
LD109S   DC    C'DMSLIO109S VIRTUAL STORAGE CAPACITY EXCEEDED',X'00'
LD021E   DC    C'DMSLIO021E UNDEFINED NAME ',X'00'
LD001E   DC    C'DMSSTR001E NO FILES LOADED',X'00'
LD022E   DC    C'DMSSTR022E NO ENTRY POINT NAMED',X'00'
         LTORG
