***********************************************************************
*  TOUCH: write every page of the machine's storage, then read each   *
*  back and check it, PASSES times (tests/paging.rs, paging.ron).     *
*                                                                     *
*  Each 4K page from 64K to the end of storage (DIAGNOSE X'60' says   *
*  where that is) gets three words: at +0, +2048 and +4092, each its  *
*  own address plus the pass number.  On a machine whose real storage *
*  is smaller than the users' virtual storage together, CP must page  *
*  most of them out between the writing and the checking.             *
*  Ends in a disabled wait: X'600D' every word was right; X'BAD1' a   *
*  word was wrong (BADADDR: where).  NPASS counts the passes done.    *
***********************************************************************
R0       EQU   0
R3       EQU   3
R4       EQU   4
R6       EQU   6
R7       EQU   7
R9       EQU   9
R12      EQU   12
TOUCH    START X'8000'
         BALR  R12,0
         USING *,R12
         DIAG  R6,0,X'60'          R6 = the size of storage
         COPY  TOUCHPASS
         LTORG
         END
