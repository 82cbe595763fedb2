*  DECIMAL -- packed decimal: PACK, UNPK, ZAP, AP, SP, CP, MP, DP, SRP, MVO,
*  CVB, CVD, ED, EDMK. The decimal-overflow mask is off, so overflow only sets
*  cc3.
*
*  Condition codes are stored as words at CCS (R10 advances); the fields are
*  dumped.
*
*  DUMP 800.40
*  DUMP A00.C0
DECIMAL  START 0
         DC    X'0000000000000200'   restart PSW: BC mode, disabled, key 0
         ORG   DECIMAL+X'68'
         DC    X'0002000000000068'   program new PSW: stop if anything goes wrong
         ORG   DECIMAL+X'200'
BEGIN    BALR  12,0
         USING *,12
         LA    10,CCS
* ---- PACK / UNPK / MVO ------------------------------------------------------
         PACK  P1,=C'12345'          00 00 12 34 5F  (zone of the last digit: F)
         PACK  P2,=C'-987'           the sign comes from the zone of '7'
         UNPK  Z1,=P'+4321'          F4F3F2C1? zones F, sign zone C
         MVO   P3,=X'123456'         12 34 56 shifted left a digit, sign kept
* ---- ZAP / AP / SP / CP with cc --------------------------------------------
         ZAP   A1,=P'999'
         BAL   14,CC                 cc2 positive
         AP    A1,=P'1'              1000
         BAL   14,CC                 cc2
         SP    A1,=P'1500'           -500
         BAL   14,CC                 cc1
         AP    A1,=P'500'            0 (positive zero)
         BAL   14,CC                 cc0
         ZAP   A2,=P'99999'
         AP    A2,=P'1'              overflow in 3 bytes: cc3, result 00000C
         BAL   14,CC
         CP    =P'-5',=P'3'          low: cc1
         BAL   14,CC
         CP    =P'+0',=P'-0'         equal: cc0 (zeros compare equal)
         BAL   14,CC
* ---- MP / DP -----------------------------------------------------------------
         ZAP   M1,=P'1234'
         MP    M1,=P'-56'            -69104
         ZAP   D1,=P'1000'
         DP    D1,=P'7'              quotient 142, remainder 6
* ---- SRP: shift left 2, shift right 3 with rounding 5 --------------------
         ZAP   S1,=P'12345'
         SRP   S1,2,0                1234500, cc2
         BAL   14,CC
         ZAP   S2,=P'-12345'
         SRP   S2,64-3,5             -12 (rounded: 12.345 -> 12), cc1
         BAL   14,CC
         ZAP   S3,=P'987'
         SRP   S3,64-1,5             99 (98.7 rounds up)
* ---- CVB / CVD ---------------------------------------------------------------
         CVB   1,=PL8'-123456789'    binary F8A432EB
         ST    1,B1
         L     1,=F'-2147483648'
         CVD   1,C1                  packed -2147483648, sign D
* ---- ED / EDMK ------------------------------------------------------------
         MVC   E1,EPAT
         ED    E1,=PL5'-1234567'     '    12,345.67CR'
         BAL   14,CC                 cc1: result less than zero
         MVC   E2,EPAT
         ED    E2,=PL5'+5'           '          .05  ', cc2
         BAL   14,CC
         MVC   E3,EPAT
         LA    1,X'FFF'              EDMK leaves R1 alone when no significance
         EDMK  E3,=PL5'+12345'       R1 -> the first significant digit
         BAL   14,CC
         LA    2,E3
         SR    1,2                   offset of the first significant digit
         ST    1,B2
         LPSW  DONE
*
*  CC: store the condition code at R10; R10 += 4.
CC       LR    15,14
         SRL   15,28
         N     15,=F'3'
         ST    15,0(,10)
         LA    10,4(,10)
         BR    14
         DS    0D
DONE     DC    X'000200000000C0DE'   disabled wait
*        fill ' ', nine digit selectors with ',' and '.', significance
*        starter before the last three digits, 'CR' printed when negative
EPAT     DC    X'40206B2020206B2021204B2020C3D9'
         LTORG
         ORG   DECIMAL+X'800'
CCS      DS    8D
         ORG   DECIMAL+X'A00'
P1       DC    PL5'0'
P2       DC    PL3'0'
Z1       DC    ZL6'0'
P3       DC    XL4'0000000C'
A1       DC    PL4'0'
A2       DC    PL3'0'
M1       DC    PL6'0'
D1       DC    PL6'0'
S1       DC    PL5'0'
S2       DC    PL5'0'
S3       DC    PL3'0'
         DS    0F
B1       DC    F'0'
B2       DC    F'0'
         DS    0D
C1       DC    PL8'0'
E1       DC    CL15' '
E2       DC    CL15' '
E3       DC    CL15' '
         END
