***********************************************************************
*  INIT: IPL (DMSINI).                                                *
*                                                                     *
*  CP's IPL copied the nucleus to address 0 and loaded the PSW at 0,  *
*  which brings us here, disabled, in supervisor state.  Type the     *
*  banner and go to the command loop, which waits for the first line. *
***********************************************************************
CMSINIT  L     R12,CODEADDR        the base register
         TYPE  BANNER
         B     CMDLOOP
BANNER   DC    C'CMS VERSION 6.0 (CPCMS) - 06/15/79'
