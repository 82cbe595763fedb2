***********************************************************************
*  RSPOOL: the machine room (DMKRSP): the real card reader and the    *
*  real printer.                                                      *
***********************************************************************
DMKRSP   CSECT
         USING DMKRSP,R13          the module's base (ENTER sets it)
*
***********************************************************************
*  RSPKICK: files wait for the real printer: start it if it is idle.  *
*  Uses R0-R7, R15.                                                   *
***********************************************************************
RSPKICK  ENTER
         LEAVE RSPKICK
RSPKICKR DS    F
RSPKICKB DS    F
         LTORG                     the module's literals
