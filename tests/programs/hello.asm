* hello.asm: type a line on the console at 009, then stop.
*   cpcms asm tests/programs/hello.asm --image hello.bin --listing hello.lst
*   cpcms ipl --core hello.bin
HELLO    START 0
         DC    X'00000000',A(GO)   the IPL PSW: BC mode, start at GO
         ORG   HELLO+X'200'        past the low-storage PSWs, CAW and CSW
*
*  TYPE 'text': write one line on the console and wait until it is done.
         MACRO
&L       TYPE  &TEXT
&L       LA    1,C&SYSNDX          the channel program
         ST    1,X'48'             goes in the CAW
         SIO   X'009'              start it on the 3215 at 009
W&SYSNDX TIO   X'009'              still busy (CC 2)?
         BC    2,W&SYSNDX          then ask again
         B     E&SYSNDX
C&SYSNDX CCW   X'09',M&SYSNDX,X'20',L'M&SYSNDX  write, carriage return
M&SYSNDX DC    C&TEXT
E&SYSNDX DS    0H
         MEND
*
GO       BALR  12,0
         USING *,12
         TYPE  'HELLO, WORLD'
         TYPE  'FROM S/370 ASSEMBLER'
         LA    2,42
         LPSW  DONE                stop: disabled wait
DONE     DC    0D,X'000A000000000000'
         END
