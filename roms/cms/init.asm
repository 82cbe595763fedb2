***********************************************************************
*  INIT: IPL (DMSINI).                                                *
*                                                                     *
*  CP's IPL copied the nucleus to address 0 and loaded the PSW at 0,  *
*  which brings us here, disabled, in supervisor state.  Ask CP how   *
*  much storage the machine has (DIAGNOSE X'60'); put the register    *
*  stack just after the nucleus and make the rest free storage; type  *
*  the banner and go to the command loop, which waits for the first   *
*  line.  The disks are accessed when it comes (see CMDLOOP).         *
*                                                                     *
*       0     X'1000'          NUCEND     +STKSIZE           VMSIZE   *
*       | NUCON | the nucleus's  | register  | free storage    |      *
*       |       | code and data  | stack     | (GETBLK)        |      *
***********************************************************************
STKSIZE  EQU   16384               the register stack: 256 frames
CMSINIT  L     R12,CODEADDR        the base register
         DIAG  R2,0,X'60'          R2 = the storage size
         ST    R2,VMSIZE
         L     R1,=A(NUCEND)       the stack, on a doubleword
         LA    R1,7(R1)
         N     R1,=F'-8'
         ST    R1,STKBASE
         LR    R13,R1
         A     R1,=A(STKSIZE)      free storage: the rest
         ST    R1,FREELIST
         XC    0(4,R1),0(R1)       (one block: no next)
         LR    R0,R2
         SR    R0,R1
         ST    R0,4(R1)
         MVI   CMSFLAGS,CMSFIRST
         TYPE  BANNER
         B     CMDLOOP
BANNER   DC    C'CMS VERSION 6.0 (CPCMS) - 06/15/79'
