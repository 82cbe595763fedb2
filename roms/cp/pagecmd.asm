***********************************************************************
*  PAGECMD: what paging does, for people (DMKPGC; issue 12).          *
*                                                                     *
*     QUERY PAGING     PAGING: PAGE-INS nnnnnnnn PAGE-OUTS nnnnnnnn   *
*                      STEALS nnnnnnnn WAITS nnnnnnnn (page waits for *
*                      a read), then                                  *
*                      FRAMES nnnnn GUEST nnnnn FREE nnnnn            *
*                      DEVICE xxx SLOTS nnnnn USED nnnnn FREE nnnnn   *
*                      WRITING nnnnn RECLAIMS nnnnnnnn                *
*                      FRAME-WAITS nnnnnnnn (page-outs on their way,  *
*                      pages taken back on their way out, page waits  *
*                      for a frame: pageio)                           *
*     INDICATE USER [userid]                                          *
*                      PAGES: RES-nnnn WS-nnnn READS=nnnnnn           *
*                      WRITES=nnnnnn (VM/370's first line, without    *
*                      MH- and FH-; WS- is every page the machine     *
*                      has, in frames or on slots)                    *
*     INDICATE [LOAD]  Q1-nn Q2-nn STORAGE-nnn% RATIO-n.n (machines   *
*                      in a queue, interactive and not: PCQUEUE; the  *
*                      frames CP may give that hold guest pages; the  *
*                      users' pages to                                *
*                      their frames, 9.9 at most), then a line per    *
*                      user:                                          *
*                      userid   RES-nnnn WS-nnnn READS=nnnnnn         *
*                      WRITES=nnnnnn                                  *
*  The counts are paging.asm's (PGINS ...) and each VMBLOK's          *
*  (VMFRAMES, VMPGTOT, VMPGIN, VMPGOUT).  What VM/370 showed besides  *
*  (CPU-, APU-, MH-, FH-, the second INDICATE USER line)              *
*  this CP does not count.                                            *
*                                                                     *
*  A module: its own CSECT, R13 its base (ENTER).                     *
***********************************************************************
DMKPGC   CSECT
         USING DMKPGC,R13          the module's base (ENTER sets it)
*
***********************************************************************
*  QPAGING: QUERY PAGING.  In: R8 = RDEV, R11 = VMBLOK or 0.          *
*  Uses R0-R7, R15.                                                   *
***********************************************************************
QPAGING  ENTER
         MVC   LINEBUF(QPMSG1L),QPMSG1
         L     R6,=A(PGINS)
         L     R1,0(R6)
         LA    R2,LINEBUF+17
         LA    R3,8
         BAL   R14,DECOUT
         L     R1,=A(PGOUTS)
         L     R1,0(R1)
         LA    R2,LINEBUF+36
         LA    R3,8
         BAL   R14,DECOUT
         L     R1,=A(PGSTEALS)
         L     R1,0(R1)
         LA    R2,LINEBUF+52
         LA    R3,8
         BAL   R14,DECOUT
         L     R1,=A(PGWAITS)
         L     R1,0(R1)
         LA    R2,LINEBUF+67
         LA    R3,8
         BAL   R14,DECOUT
         LA    R2,LINEBUF
         LA    R3,QPMSG1L
         BAL   R14,CPLINE
         MVC   LINEBUF(QPMSG2L),QPMSG2
         L     R1,=A(PGNFRM)       real frames
         L     R1,0(R1)
         LA    R2,LINEBUF+7
         LA    R3,5
         BAL   R14,DECOUT
         BAL   R14,PCGUEST         frames holding guest pages
         LR    R1,R4
         LA    R2,LINEBUF+19
         LA    R3,5
         BAL   R14,DECOUT
         L     R1,FRMCOUNT         free
         LA    R2,LINEBUF+30
         LA    R3,5
         BAL   R14,DECOUT
         LA    R2,LINEBUF
         LA    R3,QPMSG2L
         BAL   R14,CPLINE
         MVC   LINEBUF(QPMSG3L),QPMSG3   the paging device's slots
         LH    R1,PAGDEV
         SLL   R1,20               its address: three hex digits
         LA    R3,3
         LA    R2,LINEBUF+7
QP10     SR    R0,R0
         SLDL  R0,4
         LR    R15,R0
         IC    R0,HEXDIGS(R15)
         STC   R0,0(R2)
         LA    R2,1(R2)
         BCT   R3,QP10
         L     R1,=A(PGNSLOT)      slots
         L     R1,0(R1)
         LTR   R1,R1               (none: the system has no paging
         BNZ   QP20                  device - PAGING NONE)
         MVC   LINEBUF+7(3),=C'---'
QP20     DS    0H
         LR    R4,R1
         LA    R2,LINEBUF+17
         LA    R3,5
         BAL   R14,DECOUT
         L     R1,=A(PGSLOTS)      used
         L     R1,0(R1)
         SR    R4,R1
         LA    R2,LINEBUF+28
         LA    R3,5
         BAL   R14,DECOUT
         LR    R1,R4               free
         LA    R2,LINEBUF+39
         LA    R3,5
         BAL   R14,DECOUT
         LA    R2,LINEBUF
         LA    R3,QPMSG3L
         BAL   R14,CPLINE
         MVC   LINEBUF(QPMSG4L),QPMSG4   the page-outs' way
         L     R1,=A(PGWIO)
         L     R1,0(R1)
         LA    R2,LINEBUF+8
         LA    R3,5
         BAL   R14,DECOUT
         L     R1,=A(PGRECLMS)
         L     R1,0(R1)
         LA    R2,LINEBUF+23
         LA    R3,8
         BAL   R14,DECOUT
         L     R1,=A(PGFWAITS)
         L     R1,0(R1)
         LA    R2,LINEBUF+44
         LA    R3,8
         BAL   R14,DECOUT
         LA    R2,LINEBUF
         LA    R3,QPMSG4L
         BAL   R14,CPLINE
         LEAVE QPAGING
QPAGINGR DS    F
QPAGINGB DS    F
*                 0         1         2         3         4         5
*                 012345678901234567890123456789012345678901234567890123
QPMSG1   DC    C'PAGING: PAGE-INS nnnnnnnn PAGE-OUTS nnnnnnnn '
         DC    C'STEALS nnnnnnnn WAITS nnnnnnnn'
QPMSG1L  EQU   *-QPMSG1
QPMSG2   DC    C'FRAMES nnnnn GUEST nnnnn FREE nnnnn'
QPMSG2L  EQU   *-QPMSG2
QPMSG3   DC    C'DEVICE xxx SLOTS nnnnn USED nnnnn FREE nnnnn'
QPMSG3L  EQU   *-QPMSG3
QPMSG4   DC    C'WRITING nnnnn RECLAIMS nnnnnnnn FRAME-WAITS nnnnnnnn'
QPMSG4L  EQU   *-QPMSG4
*
*  PCGUEST: R4 = frames holding guest pages, R5 = their pages (in
*  frames or on slots): each logged-on machine's VMFRAMES, VMPGTOT.
*  Uses R0, R1, R4, R5.
PCGUEST  L     R1,=A(VMTABLE)
         LA    R0,NUMVM
         SR    R4,R4
         SR    R5,R5
PCG10    CLI   VMSTATE-VMBLOK(R1),VMSFREE
         BE    PCG20
         A     R4,VMFRAMES-VMBLOK(R1)
         A     R5,VMPGTOT-VMBLOK(R1)
PCG20    LA    R1,VMBLKLEN(R1)
         BCT   R0,PCG10
         BR    R14
*
***********************************************************************
*  CMDIND: INDICATE [LOAD | USER [userid]].  In: R6, R7 the rest of   *
*  the line, R8 = RDEV, R11 = VMBLOK or 0 (the operator).             *
*  Uses R0-R7, R15.                                                   *
***********************************************************************
CMDIND   ENTER
         BAL   R14,NEXTTOK
         LTR   R3,R3
         BZ    IND10
         LA    R4,=CL8'LOAD'
         LA    R5,1
         BAL   R14,KWMATCH
         BE    IND10
         LA    R4,=CL8'USER'
         BAL   R14,KWMATCH
         BE    IND30
         CPMSG MSG026,RC=26
         LEAVE CMDIND
*
*  INDICATE LOAD.  STORAGE-nnn%: guest frames * 100 / frames CP may
*  give (guest and free); RATIO-n.n: pages / guest frames.
IND10    BAL   R14,PCGUEST
         MVC   LINEBUF(L'INDLOAD),INDLOAD
         BAL   R14,PCQUEUE         Q1-nn Q2-nn (pageio)
         LR    R1,R4               guest frames * 100
         MH    R1,=H'100'
         L     R3,FRMCOUNT         / (guest + free)
         AR    R3,R4
         LTR   R3,R3
         BZ    IND12
         SR    R0,R0
         DR    R0,R3
IND12    LA    R2,LINEBUF+20
         LA    R3,3
         BAL   R14,DECOUT
         SR    R1,R1               pages * 10 / guest frames
         LTR   R4,R4
         BZ    IND14
         LR    R1,R5
         MH    R1,=H'10'
         SR    R0,R0
         DR    R0,R4
IND14    C     R1,=F'99'           (more than 9.9 shows as 9.9)
         BNH   IND15
         LA    R1,99
IND15    SR    R0,R0
         D     R0,=F'10'           n.n
         ST    R0,INDTENTH
         LA    R2,LINEBUF+31
         LA    R3,1
         BAL   R14,DECOUT
         L     R1,INDTENTH
         LA    R2,LINEBUF+33
         LA    R3,1
         BAL   R14,DECOUT
         LA    R2,LINEBUF
         LA    R3,L'INDLOAD
         BAL   R14,CPLINE
         L     R6,=A(VMTABLE)      a line per user
         LA    R7,NUMVM
IND20    CLI   VMSTATE-VMBLOK(R6),VMSFREE
         BE    IND22
         MVC   LINEBUF(8),VMUSER-VMBLOK(R6)
         MVI   LINEBUF+8,C' '
         LA    R2,LINEBUF+9
         BAL   R14,INDPAGES
         LA    R2,LINEBUF
         LA    R3,9+L'INDPG
         BAL   R14,CPLINE
IND22    LA    R6,VMBLKLEN(R6)
         BCT   R7,IND20
         LEAVE CMDIND
*
*  INDICATE USER [userid]: a user's own machine, or (any user, for
*  the operator) the one named.
IND30    BAL   R14,NEXTTOK
         LTR   R3,R3
         BNZ   IND32
         LTR   R6,R11              none named: one's own
         BNZ   IND40
         CPMSG MSG026,RC=26        (the operator has none)
         LEAVE CMDIND
IND32    MVC   INDUID,BLANKS
         C     R3,=F'8'
         BH    IND34
         LR    R1,R3
         BCTR  R1,0
         EX    R1,INDMVC
         LA    R2,INDUID
         BAL   R14,FINDUSER
         LTR   R6,R1
         BNZ   IND40
IND34    MVC   LINEBUF(11),=C'DMKCQG045E '
         MVC   LINEBUF+11(8),INDUID
         LA    R2,LINEBUF+19       squeeze the blanks after the id
IND36    BCTR  R2,0
         CLI   0(R2),C' '
         BE    IND36
         MVC   1(L'INDNOT,R2),INDNOT
         LA    R3,1+L'INDNOT(R2)
         LA    R2,LINEBUF
         SR    R3,R2
         LA    R0,45
         BAL   R14,CPERR
         LEAVE CMDIND
IND40    MVC   LINEBUF(7),=C'PAGES: '
         LA    R2,LINEBUF+7
         BAL   R14,INDPAGES
         LA    R2,LINEBUF
         LA    R3,7+L'INDPG
         BAL   R14,CPLINE
         LEAVE CMDIND
CMDINDR  DS    F
CMDINDB  DS    F
INDMVC   MVC   INDUID(0),0(R2)
INDUID   DS    CL8
INDTENTH DS    F
INDNOT   DC    C' NOT LOGGED ON'
*                 0         1         2         3
*                 0123456789012345678901234567890123
INDLOAD  DC    C'Q1-nn Q2-nn STORAGE-nnn% RATIO-n.n'
*
*  PCQUEUE: Q1-nn and Q2-nn in INDLOAD's line: the machines in a
*  queue - running or ready, or in page wait - that are interactive
*  (VMFQ1: their user has just typed a line; VM/370's Q1) and the
*  others (Q2).  Uses R0-R3, R15.
PCQUEUE  ST    R14,PCQR
         L     R1,=A(VMTABLE)
         LA    R0,NUMVM
         SR    R2,R2               Q1
         SR    R3,R3               Q2
PCQ10    CLI   VMSTATE-VMBLOK(R1),VMSRUN
         BE    PCQ20
         CLI   VMSTATE-VMBLOK(R1),VMSPGWT
         BNE   PCQ40
PCQ20    TM    VMFLAGS-VMBLOK(R1),VMFQ1
         BZ    PCQ30
         LA    R2,1(R2)
         B     PCQ40
PCQ30    LA    R3,1(R3)
PCQ40    LA    R1,VMBLKLEN(R1)
         BCT   R0,PCQ10
         ST    R3,PCQ2
         LR    R1,R2
         LA    R2,LINEBUF+3
         LA    R3,2
         BAL   R14,DECOUT
         L     R1,PCQ2
         LA    R2,LINEBUF+9
         LA    R3,2
         BAL   R14,DECOUT
         L     R14,PCQR
         BR    R14
PCQR     DS    F
PCQ2     DS    F
*
*  INDPAGES: "RES-nnnn WS-nnnn READS=nnnnnn WRITES=nnnnnn" at R2 for
*  the machine R6 points to.  Uses R0-R3.
INDPAGES ST    R14,INDPR
         MVC   0(L'INDPG,R2),INDPG
         ST    R2,INDPAT
         L     R1,VMFRAMES-VMBLOK(R6)
         LA    R2,4(R2)
         LA    R3,4
         BAL   R14,DECOUT
         L     R2,INDPAT
         L     R1,VMPGTOT-VMBLOK(R6)
         LA    R2,12(R2)
         LA    R3,4
         BAL   R14,DECOUT
         L     R2,INDPAT
         L     R1,VMPGIN-VMBLOK(R6)
         LA    R2,23(R2)
         LA    R3,6
         BAL   R14,DECOUT
         L     R2,INDPAT
         L     R1,VMPGOUT-VMBLOK(R6)
         LA    R2,37(R2)
         LA    R3,6
         BAL   R14,DECOUT
         L     R14,INDPR
         BR    R14
INDPR    DS    F
INDPAT   DS    A
*                 0         1         2         3         4
*                 0123456789012345678901234567890123456789012
INDPG    DC    C'RES-nnnn WS-nnnn READS=nnnnnn WRITES=nnnnnn'
         LTORG                     the module's literals
