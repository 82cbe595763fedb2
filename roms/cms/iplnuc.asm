         TITLE 'IPLNUC - CMS FROM THE S DISK (IPL 190)'
***********************************************************************
*                                                                     *
*  IPLNUC: the S disk's IPL program (what VM/370's DMSINI left on    *
*  the 190 disk).  "IPL 190" brings up CMS from the S disk, a         *
*  private copy in the user's own storage, not the saved system.     *
*                                                                     *
*  The S disk (sysgen: src/sysgen/iplnuc.rs):                         *
*    cylinders 0 .. n-1   the CMS file system (its directory says n   *
*                         cylinders, so no file ever lands past them) *
*      record 1 (block 1) the IPL record: a PSW starting this program *
*                         and a READ DATA of record 2 to NUCBOOT      *
*      record 2 (block 2) this program (at most 800 bytes)            *
*    cylinder n on        the CMS nucleus, a 4K page to a record,     *
*                         NUCRPT records a track, from head 0          *
*                                                                     *
*  CP's IPL (DKIPL) reads record 1 to location 0 and runs its chain,  *
*  which reads this program to NUCBOOT, just past the nucleus's       *
*  pages; the PSW at 0 starts it, disabled, with the IPL device's     *
*  address at 2-3 and the general registers as IPL left them (IPL     *
*  ... PARM text puts the text there).  It then:                      *
*    1. keeps the registers (CMS gets them, as after IPL CMS);        *
*    2. asks CP for the storage size (DIAGNOSE X'60', as CMS's own    *
*       init does) and, when the machine is smaller than CMS needs    *
*       (NUCMIN), types DMSINI080E and stops: disabled wait X'80';    *
*    3. reads the nucleus's pages 1 .. NUCPAGES-1 into place, one     *
*       channel program each (SEEK, SEARCH ID EQUAL, TIC, READ DATA), *
*       waiting for each I/O interruption with an enabled wait;       *
*    4. reads page 0 last, into a buffer past this program: it holds  *
*       the PSWs the waits need until the last one is over;           *
*    5. disabled, moves page 0 to location 0, puts the registers      *
*       back and loads the PSW at 0 - CMS's own IPL PSW, exactly as   *
*       CP's IPL CMS starts it.                                       *
*  An I/O error types DMSINI081E and stops: disabled wait X'81'.      *
*                                                                     *
*  The program runs wherever record 2 was read to (BALR base), and    *
*  keeps nothing in low storage but the CAW and the I/O new PSW.      *
*  IPLNUCP, a member sysgen generates, says where the nucleus is.     *
*                                                                     *
***********************************************************************
R0       EQU   0
R1       EQU   1
R2       EQU   2
R3       EQU   3
R4       EQU   4
R5       EQU   5
R6       EQU   6
R7       EQU   7
R8       EQU   8
R9       EQU   9
R10      EQU   10
R11      EQU   11
R12      EQU   12
R13      EQU   13
R14      EQU   14
R15      EQU   15
CONDEV   EQU   X'009'              the console
IONEWPSW EQU   X'78'               I/O new PSW
CAW      EQU   X'48'
CSW      EQU   X'40'
IOOLDPSW EQU   X'38'               (BC mode: the device at +2)
IPLNUC   START 0
         COPY  IPLNUCP             NUCCYL NUCPAGES NUCRPT NUCHPC NUCMIN
*
*  1. The registers as IPL left them: stored at once (X'200' is not
*  touched before they are copied), then kept in REGS.
         STM   R0,R15,X'200'
         BALR  R12,0
         USING *,R12
         MVC   REGS(64),X'200'
         LH    R11,2               the IPL device (IPL put it at 2-3)
*  The addresses in the CCWs and the I/O new PSW: where we are.
         LA    R1,SEEKARG
         STCM  R1,7,NUCCCW+1
         LA    R1,SRCHARG
         STCM  R1,7,NUCCCW+9
         LA    R1,NUCCCW+8
         STCM  R1,7,NUCCCW+17
         LA    R1,IOINT
         ST    R1,IONEW+4
         MVC   IONEWPSW(8),IONEW
*
*  2. Enough storage for CMS?
         DIAG  R2,0,X'60'          R2 = the machine's storage size
         C     R2,=A(NUCMIN)
         BNL   LOAD
         LA    R6,MSG080
         LA    R7,L'MSG080
         LA    R8,WAIT80
         B     FAIL
*
*  3, 4. The pages: 1, 2, ... NUCPAGES-1, then 0 (into BUF).
LOAD     LA    R3,1                R3: the page
LOAD10   C     R3,=A(NUCPAGES)
         BL    LOAD20
         SR    R3,R3               all but page 0 are in: now page 0
LOAD20   LR    R5,R3               its track and record:
         SR    R4,R4
         D     R4,=A(NUCRPT)       R5 = track, R4 = record - 1
         LA    R4,1(R4)
         STC   R4,SRCHARG+4
         SR    R4,R4
         D     R4,=A(NUCHPC)       R5 = cylinder offset, R4 = head
         LA    R5,NUCCYL(R5)
         STH   R5,SEEKARG+2
         STH   R5,SRCHARG
         STH   R4,SEEKARG+4
         STH   R4,SRCHARG+2
         LR    R1,R3               where it goes: its place,
         SLL   R1,12
         LTR   R3,R3
         BNZ   LOAD30
         LA    R1,BUF                or BUF for page 0
LOAD30   STCM  R1,7,NUCCCW+25
         LA    R1,NUCCCW
         BAL   R14,DOIO
         LTR   R15,R15
         BNZ   IOERR
         LTR   R3,R3               page 0 done: all are in
         BZ    START
         LA    R3,1(R3)
         B     LOAD10
*
*  5. Page 0 to location 0 (disabled: it replaces the I/O new PSW),
*  the registers as they came, and CMS's IPL PSW.
START    SR    R2,R2
         L     R3,=F'4096'
         LA    R4,BUF
         LR    R5,R3
         MVCL  R2,R4
         LM    R0,R15,REGS
         LPSW  0                   CMS starts
*
IOERR    LA    R6,MSG081
         LA    R7,L'MSG081
         LA    R8,WAIT81
*
***********************************************************************
*  FAIL: type the message R6 (R7 bytes) on the console and stop with  *
*  the disabled wait PSW at R8.                                       *
***********************************************************************
FAIL     STCM  R6,7,MSGCCW+1
         STH   R7,MSGCCW+6
         LA    R11,CONDEV
         LA    R1,MSGCCW
         BAL   R14,DOIO            (whatever it says: we stop anyway)
         LPSW  0(R8)
*
***********************************************************************
*  DOIO: run the channel program at R1 on device R11 and wait for its *
*  end (channel end, device end).  Out: R15 = 0 fine, 4 not (SIO did  *
*  not start it, unit check or exception, channel trouble).           *
*  Uses R15.                                                          *
***********************************************************************
DOIO     ST    R1,CAW
         STH   R11,DEV
         SIO   0(R11)
         BC    7,DOIOBAD           CC 1, 2, 3: not started
DOWAIT   LPSW  WAITPSW             wait, enabled for I/O ...
IOINT    CLC   IOOLDPSW+2(2),DEV   ... and here: ours?
         BNE   DOWAIT
         TM    CSW+4,X'03'         unit check or unit exception?
         BNZ   DOIOBAD
         CLI   CSW+5,0             channel trouble?
         BNE   DOIOBAD
         TM    CSW+4,X'04'         device end: it is over
         BZ    DOWAIT
         SR    R15,R15
         BR    R14
DOIOBAD  LA    R15,4
         BR    R14
*
         DS    0D
WAITPSW  DC    X'FE020000',A(0)    wait, every channel enabled
IONEW    DC    X'00000000',A(0)    -> IOINT
WAIT80   DC    X'00020000',A(X'80')   disabled wait: storage too small
WAIT81   DC    X'00020000',A(X'81')   disabled wait: I/O error
NUCCCW   CCW   X'07',0,X'40',6     SEEK           (SEEKARG)
         CCW   X'31',0,X'40',5     SEARCH ID EQUAL (SRCHARG)
         CCW   X'08',0,0,1         TIC back to the search
         CCW   X'06',0,0,4096      READ DATA: the page (no SLI: a
*                                    record not 4K is an I/O error)
MSGCCW   CCW   X'09',0,X'20',0     WRITE, carriage return
SEEKARG  DC    XL6'00'             BB CC HH
         DS    0H
SRCHARG  DC    XL5'00'             CC HH R
         DS    0H
DEV      DS    H                   the device DOIO waits for
REGS     DS    16F                 the registers IPL left
MSG080   DC    C'DMSINI080E VIRTUAL STORAGE TOO SMALL FOR CMS'
MSG081   DC    C'DMSINI081E I/O ERROR READING THE CMS NUCLEUS'
         LTORG
*  Page 0 of the nucleus is read to BUF, past the program: 4K that
*  record 2 does not hold (NUCMIN leaves room for it).
         DS    0D
BUF      EQU   *
         END
