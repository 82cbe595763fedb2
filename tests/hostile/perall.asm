***********************************************************************
*  PERALL: PER on for every event over all of storage (issue 12,     *
*  DMKPRX), the guest taking each PER interruption and going on.      *
*                                                                     *
*  The real CPU recognizes the guest's events, with the guest's own   *
*  CR9-CR11 in the real ones; what CP must survive and get right:     *
*   - an SVC with a PER event: the CPU takes the SVC interruption and  *
*     at once the PER program interruption, whose old PSW is CP's SVC *
*     new PSW - a program interruption in CP, which a careless CP     *
*     takes for its own failure;                                      *
*   - DIAGNOSE X'08', LPSW, STOSM: instructions CP emulates, each with *
*     its fetch event, given after it;                                *
*   - MVCL into the end of storage: an addressing exception with the  *
*     storage-alteration event, one interruption X'0085';             *
*   - a wrapped area (CR10 > CR11) with every register monitored.     *
*  The program counts the PER interruptions (R7) and the SVCs (R8).   *
*                                                                     *
*  X'600D': it ended, with PER interruptions and SVCs counted.       *
*  X'BAD1': no PER interruption came; X'BAD2': no SVC came back;      *
*  X'BAD3': the MVCL's interruption was not X'0085'.                  *
***********************************************************************
         COPY  GUEST
PERALL   START X'8000'
         BALR  R12,0
         USING *,R12
         DIAG  R10,0,X'60'         R10 = the size of storage
         MVC   X'60'(8),SVCNEW     SVC and program new PSWs: EC,
         MVC   X'68'(8),PGMNEW       PER off
         SR    R7,R7
         SR    R8,R8
         LCTL  R9,R11,CRALL        every event, all of storage
         LPSW  PERON               EC mode with PER from here
GO       LA    R2,QTIME            CP writes on the terminal
         LA    R3,L'QTIME
         DIAG  R2,R3,X'08'
         LA    R6,20
LOOP     SVC   1                   SVC with a fetch event
         STOSM BYTE,X'00'          emulated, with its events
         LA    R2,1(R2)
         ST    R2,WORD             storage alteration
         BCT   R6,LOOP             branch events
         LR    R2,R10              MVCL into the end of storage
         S     R2,=F'16'
         LA    R3,32
         LA    R4,BYTE
         SR    R5,R5
         MVCL  R2,R4
         CLC   LASTCODE,=X'0085'
         BNE   W3
         LCTL  R9,R11,CRWRAP       a wrapped area
         LA    R2,5
         LA    R2,6
         LTR   R7,R7
         BZ    W1
         CH    R8,=H'20'
         BL    W2
         LPSW  GOOD
W1       LPSW  BAD1
W2       LPSW  BAD2
W3       LPSW  BAD3
*  The SVC handler: count, back with PER as it was.
SVCH     LA    R8,1(R8)
         LPSW  X'20'
*  The program handler: count, keep the code, back.
PGMH     LA    R7,1(R7)
         MVC   LASTCODE,X'8E'
         LPSW  X'28'
         DS    0D
SVCNEW   DC    X'00080000',A(SVCH)
PGMNEW   DC    X'00080000',A(PGMH)
PERON    DC    X'40080000',A(GO)
GOOD     DC    X'000A00000000600D'
BAD1     DC    X'000A0000',X'0000BAD1'
BAD2     DC    X'000A0000',X'0000BAD2'
BAD3     DC    X'000A0000',X'0000BAD3'
CRALL    DC    X'F000FFFF',X'00000000',X'00FFFFFF'
CRWRAP   DC    X'F000FFFF',X'00FFFF00',X'00000100'
WORD     DC    F'0'
LASTCODE DC    H'0'
BYTE     DC    X'00'
QTIME    DC    C'QUERY TIME'
         LTORG
         END
