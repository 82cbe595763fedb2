*  LOGICAL -- AND/OR/EXCLUSIVE OR in all formats, TEST UNDER MASK, logical
*  compares, logical shifts, and the load/store/insert instructions.
*
*  Each step leaves a value in R1 and calls REC, which stores the pair
*  (R1, condition code) at R10 and advances R10. Storage operands that the
*  SI and SS forms change are dumped too (FIELD).
*
*  DUMP 800.140
*  DUMP A00.30
LOGICAL  START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   LOGICAL+X'68'
         DC    X'0002000000000068'   program new PSW: stop if anything goes wrong
         ORG   LOGICAL+X'200'
BEGIN    BALR  12,0
         USING *,12
         LA    10,RESULTS
* ---- RR / RX AND, OR, XOR: cc0 = result zero, cc1 = not zero -------------
         L     1,=X'F0F0F0F0'
         N     1,=X'0FF00FF0'        00F000F0, cc1
         BAL   14,REC
         L     1,=X'F0F0F0F0'
         L     2,=X'0F0F0F0F'
         NR    1,2                   0, cc0
         BAL   14,REC
         L     1,=X'12340000'
         O     1,=X'00005678'        12345678, cc1
         BAL   14,REC
         SR    1,1
         OR    1,1                   0, cc0
         BAL   14,REC
         L     1,=X'FFFF0000'
         X     1,=X'FF00FF00'        00FFFF00, cc1
         BAL   14,REC
         L     1,=X'A5A5A5A5'
         XR    1,1                   0, cc0
         BAL   14,REC
* ---- SI forms on FIELD, then TM: cc0 all zero, cc1 mixed, cc3 all ones -----
         MVI   FIELD,X'5A'
         NI    FIELD,X'0F'           0A, cc1
         BAL   14,RECF
         OI    FIELD,X'F0'           FA, cc1
         BAL   14,RECF
         XI    FIELD,X'FA'           00, cc0
         BAL   14,RECF
         MVI   FIELD,X'C3'
         TM    FIELD,X'C0'           selected all ones: cc3
         BAL   14,RECF
         TM    FIELD,X'3C'           all zeros: cc0
         BAL   14,RECF
         TM    FIELD,X'81'           mixed: cc1
         BAL   14,RECF
         TM    FIELD,X'00'           empty mask: cc0
         BAL   14,RECF
* ---- SS forms NC/OC/XC on an 8-byte field ---------------------------------
         MVC   FIELD8,=X'0123456789ABCDEF'
         NC    FIELD8,=X'FF00FF00FF00FF00'  cc1
         BAL   14,REC
         OC    FIELD8,=X'000F000F000F000F'  cc1
         BAL   14,REC
         MVC   FIELD9,FIELD8
         XC    FIELD9,FIELD9         clear: cc0
         BAL   14,REC
* ---- LOGICAL COMPARE -----------------------------------------------------
         L     1,=X'80000000'
         CL    1,=X'7FFFFFFF'        high: cc2
         BAL   14,REC
         L     2,=X'80000001'
         CLR   1,2                   low: cc1
         BAL   14,REC
         CLI   FIELD8,X'01'          equal: cc0
         BAL   14,REC
         CLC   FIELD8(4),=X'01004500' high: cc2
         BAL   14,REC
* ---- LOGICAL SHIFTS (cc unchanged) -----------------------------------------
         L     1,=X'80000001'
         SLL   1,1                   00000002
         BAL   14,REC
         L     1,=X'80000001'
         SRL   1,31                  00000001
         BAL   14,REC
         L     1,=X'12345678'
         LA    3,36                  shift amount from a register: 36 & 63
         SRL   1,0(3)                0 (shifts of 32 or more clear it)
         BAL   14,REC
         L     2,=X'12345678'
         L     3,=X'9ABCDEF0'
         SLDL  2,12                  R2:R3 = 45678 9AB, CDEF0000
         LR    1,2
         BAL   14,REC
         LR    1,3
         BAL   14,REC
         SRDL  2,40                  R2 = 0, R3 = 00456789
         LR    1,2
         BAL   14,REC
         LR    1,3
         BAL   14,REC
* ---- LOAD ADDRESS, INSERT CHARACTER, STORE CHARACTER/HALFWORD, LM/STM ------
         L     1,=X'FFFFFFFF'
         LA    1,X'123'(1,1)         24-bit sum of FFFFFF+FFFFFF+123 = 000121
         BAL   14,REC
         L     1,=X'AABBCCDD'
         IC    1,=X'11'              AABBCC11
         BAL   14,REC
         STC   1,FIELD+1
         STH   1,FIELD+2             halfword at an odd...even address
         LH    1,=X'8001'            sign extended: FFFF8001
         BAL   14,REC
         LM    2,5,=F'1,2,3,4'
         STM   2,5,FIELD16           the four words 1 2 3 4
         STM   14,1,SAVE4            R14 R15 R0 R1 (wraps around)
         LPSW  DONE
*
*  REC: store R1 and the condition code at R10; R10 += 8.
*  RECF: the same with the byte at FIELD as the value.
RECF     LA    1,0                   (LA and IC keep the cc)
         IC    1,FIELD
REC      ST    1,0(,10)
         LR    15,14
         SRL   15,28
         N     15,=F'3'
         ST    15,4(,10)
         LA    10,8(,10)
         BR    14
         DS    0D
DONE     DC    X'000200000000C0DE'   disabled wait
         LTORG
         ORG   LOGICAL+X'800'
RESULTS  DS    40D
         ORG   LOGICAL+X'A00'
FIELD    DC    F'0'
FIELD8   DC    XL8'00'
FIELD9   DC    XL4'00'
FIELD16  DC    4F'0'
SAVE4    DC    4F'0'
         END
