*  IFETCH -- program interruptions on instruction fetch (EC mode).
*
*  When the instruction itself cannot be fetched, its length is unknown. The
*  POO ("ILC on instruction-fetching exceptions"): for an odd instruction
*  address, and for an addressing, protection or translation-specification
*  exception on the fetch, the ILC is 1, 2 or 3 and the instruction address in
*  the old PSW has been advanced by that many halfwords (which of the three is
*  unpredictable); for a segment- or page-translation exception the ILC is
*  1, 2 or 3 too, but the operation is nullified: the address is not advanced.
*  cpcms, like Hercules 3.13, takes ILC 3 and advances by 6 for the first
*  group, and for the nullifying group keeps ILC 3 with the address unchanged.
*
*  PGMH records the program old PSW (X'28') and the word at X'8C' (ILC, code)
*  at R10 and resumes at R11 in EC mode, DAT off, key 0, supervisor state.
*  Cases: odd address reached by BR (RR) and by B (RX); a branch beyond
*  storage (2M) by BR and by B; LPSW of a PSW with an odd address and of one
*  beyond storage; a fetch-protected block under another PSW key, reached by
*  LPSW and, for a 4-byte instruction whose second halfword lies in the
*  protected block, by falling into it; a page-translation exception on a
*  fetch with DAT on.
*
*  DUMP 800.100
IFETCH   START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   IFETCH+X'68'
         DC    X'00080000',A(PGMH)   program new PSW: EC, disabled, key 0
         ORG   IFETCH+X'200'
BEGIN    BALR  12,0
         USING *,12
         LA    10,RESULTS
         LCTL  0,0,=X'00800000'      4K pages, 64K segments, no externals
         LPSW  ECPSW
EC1      DS    0H
* ---- odd address by BR (ILC of the branch: 1) -------------------------------
         LA    11,C1
         LA    1,C1+1
         BR    1
C1       DS    0H
* ---- odd address by B (ILC of the branch: 2) --------------------------------
         LA    11,C2
         B     C2+1
C2       DS    0H
* ---- beyond storage by BR ----------------------------------------------------
         LA    11,C3
         L     1,=A(X'300000')
         BR    1
C3       DS    0H
* ---- beyond storage by B -----------------------------------------------------
         LA    11,C4
         L     1,=A(X'300000')
         B     0(,1)
C4       DS    0H
* ---- LPSW of an odd address ------------------------------------------------
         LA    11,C5
         LPSW  ODDPSW
C5       DS    0H
* ---- LPSW of an address beyond storage ----------------------------------
         LA    11,C6
         LPSW  FARPSW
C6       DS    0H
* ---- fetch protection: block X'3000' key 5 with fetch protection -----------
         LA    1,X'58'
         L     2,=A(X'3000')
         SSK   1,2
         LA    11,C7
         LPSW  PROTPSW               key 3 at X'3000'
C7       DS    0H
* ---- a 4-byte instruction at X'2FFE': its second halfword is protected ------
         L     9,=A(X'2FFE')
         MVC   0(4,9),LOADR1         L 1,0 at X'2FFE'
         LA    11,C8
         LPSW  CROSSPSW              key 3 at X'2FFE'
C8       DS    0H
* ---- page-translation exception on the fetch (DAT on) -------------------------
         LCTL  1,1,=A(X'4000')       segment table at X'4000', length 0
         L     9,=A(X'4000')
         MVC   0(4,9),=X'F0004100'   segment 0: page table X'4100'
         MVC   4(60,9),=15F'1'       segments 1-15 invalid
         LA    1,X'100'(,9)
         SR    2,2
PTFILL   STH   2,0(,1)               identity pages 0-15 ...
         LA    1,2(,1)
         AH    2,=H'16'
         CH    2,=H'256'
         BL    PTFILL
         MVC   X'10A'(2,9),=X'0058'  ... except page 5, invalid
         PTLB
         LA    11,C9
         LPSW  DATPSW                DAT on, at X'5000'
C9       DS    0H
         LPSW  DONE
*
*  PGMH: record the program old PSW and the ILC/code word; resume at R11.
PGMH     MVC   0(8,10),X'28'
         MVC   8(4,10),X'8C'
         LA    10,12(,10)
         ST    11,RESUME+4
         LPSW  RESUME
*
         DS    0D
DONE     DC    X'000A00000000C0DE'   EC disabled wait
ECPSW    DC    X'00080000',A(EC1)    EC, key 0, supervisor, disabled
RESUME   DC    X'00080000',A(0)
ODDPSW   DC    X'00080000',A(X'1001')
FARPSW   DC    X'00080000',A(X'300000')
PROTPSW  DC    X'00380000',A(X'3000')
CROSSPSW DC    X'00380000',A(X'2FFE')
DATPSW   DC    X'04080000',A(X'5000')
LOADR1   L     1,0
         LTORG
         ORG   IFETCH+X'800'
RESULTS  DS    32D
         END
