***********************************************************************
*  DIAGLOOP: DIAGNOSE X'0C' (the time) in a two-instruction loop.     *
*  As SSMLOOP: each DIAGNOSE traps and CP formats the date, the time  *
*  and the CPU times - a few hundred instructions of CP for two of    *
*  the guest's.  A correct CP gives the loop its share of the CPU and *
*  no more.  It never ends.                                           *
***********************************************************************
         COPY  GUEST
DIAGLOOP START X'8000'
         BALR  R12,0
         USING *,R12
         L     R2,=A(BUF1)         32 bytes on a doubleword
LOOP     DIAG  R2,0,X'0C'
         B     LOOP
         LTORG
         END
