***********************************************************************
*  SIOFENCE: START I/O to the minidisk with a channel program the     *
*  channel refuses at its first CCW, in a loop.                       *
*                                                                     *
*  The attack.  CP translates the CCW with command code X'00' into a  *
*  fence (a CCW of count 0, ccw.asm) and starts the real program; the *
*  real SIO answers CC 1 with the program check stored, and CP tries  *
*  it again a few times (IOSTART, ISTRY) before the guest gets its    *
*  CSW.  CP counted those tries in R0 after IC of a byte, which       *
*  leaves R0's other 24 bits as they were: with what CCWTRANS left    *
*  there, "a few times" was up to 16 million, with CP disabled.       *
*  With a prefix set, the channel's absolute addresses go through    *
*  prefix.asm, which leaves an address in R0.  (Found by the random   *
*  privileged-instruction stream, seed 5EED1001, once SPX worked.)    *
*                                                                     *
*  A correct CP tries a few times and answers: the victim answers     *
*  within his bound.  It never ends.                                  *
***********************************************************************
         COPY  GUEST
SIOFENCE START X'8000'
         BALR  R12,0
         USING *,R12
         SPX   PREFIX              its low 4K at X'10000' (the
         LA    R1,BADCCW             channel reads the CAW there)
         ST    R1,X'48'
LOOP     SIO   X'191'
         B     LOOP
PREFIX   DC    A(X'10000')
         DS    0D
BADCCW   CCW   X'00',DATA,0,80     command code 0: invalid
DATA     DS    CL80
         END
