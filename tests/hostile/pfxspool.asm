***********************************************************************
*  PFXSPOOL: the spooled punch and reader with a prefix (SPX).        *
*                                                                     *
*  Not an attack: fidelity of vspool's absolute addresses.  With the  *
*  prefix P (X'30000') ALICE punches a card whose CCW and data lie in *
*  absolute page 0 (X'F00', reached by a TIC), closes the punch with  *
*  DIAGNOSE X'08' (the file goes to her own reader), and reads the    *
*  card back into absolute page 0 (X'E00', real P+X'E00').  Every     *
*  byte must be where the architecture puts it.                       *
*  X'600D' all right; X'0E0n' step n failed; X'BADn' a wrong byte.    *
***********************************************************************
         COPY  GUEST
PFXSPOOL START X'8000'
         BALR  R12,0
         USING *,R12
         L     R6,PFXP
*  With prefix 0: the card at absolute F00, the punch's CCW at EF0,
*  the target at E00 empty.
         MVC   X'F00'(80),CARD
         MVC   X'EF0'(8),PUNCCW
         XC    X'E00'(80),X'E00'
         XC    X'E00'(80,R6),X'E00'(R6)
         SPX   PFXP
         LA    R1,PUNCH            punch: TIC to absolute EF0
         LA    R2,X'00D'
         BAL   R14,URIO
         BNZ   FAIL1
         LA    R2,CLOSE            CLOSE 00D: to her reader
         LA    R4,L'CLOSE
         DIAG  R2,R4,X'08'
         LA    R1,READ             read it: into absolute E00
         LA    R2,X'00C'
         BAL   R14,URIO
         BNZ   FAIL2
         CLC   CARD,X'E00'(R6)     real P+E00: absolute E00
         BNE   B1
         CLI   X'E00',0            real E00: absolute P+E00, untouched
         BNE   B2
         SPX   PFX0
         CLC   CARD,X'E00'
         BNE   B3
         LPSW  GOOD
FAIL1    LPSW  FAIL1PSW
FAIL2    LPSW  FAIL2PSW
B1       LPSW  BAD1PSW
B2       LPSW  BAD2PSW
B3       LPSW  BAD3PSW
*
*  URIO: the channel program at R1 on device R2; wait for its
*  interruption.  CC 0 if it ended with channel end and device end
*  alone.  Uses R15.
URIO     ST    R1,X'48'
         MVC   X'78'(8),URNEW
         STH   R2,URDEV
         SIO   0(R2)
         BC    7,URIOX             (not started)
URIO10   LPSW  URWAIT
URIO20   CLC   X'3A'(2),URDEV      (the I/O new PSW) from it?
         BNE   URIO10
         CLC   X'44'(2),=X'0C00'   channel end, device end, no more
         BR    R14
URIOX    LTR   R14,R14
         BR    R14
         DS    0D
URNEW    DC    X'00000000',A(URIO20)   I/O new PSW: disabled
URWAIT   DC    X'80020000',A(0)    wait, channel 0 enabled
GOOD     DC    X'000200000000600D'
FAIL1PSW DC    X'00020000',X'00000E01'
FAIL2PSW DC    X'00020000',X'00000E02'
BAD1PSW  DC    X'00020000',X'0000BAD1'
BAD2PSW  DC    X'00020000',X'0000BAD2'
BAD3PSW  DC    X'00020000',X'0000BAD3'
PFX0     DC    A(0)
PFXP     DC    A(X'30000')
URDEV    DS    H
PUNCH    CCW   X'08',X'EF0',0,1            TIC to absolute EF0
PUNCCW   CCW   X'01',X'F00',X'20',80       (at EF0) punch absolute F00
READ     CCW   X'02',X'E00',X'20',80       read into absolute E00
CLOSE    DC    C'CLOSE 00D'
CARD     DC    CL80'A CARD PUNCHED AND READ WITH A PREFIX'
         LTORG
         END
