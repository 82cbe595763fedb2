***********************************************************************
*  SSKODD: SSK and ISK with a block address whose low bits are not    *
*  zero.                                                              *
*                                                                     *
*  The attack.  SSK R1,R2 and ISK R1,R2 name a 2K block by R2, whose  *
*  bits 28-31 must be zero; otherwise the instruction is a            *
*  specification exception (Principles of Operation).  CP emulates    *
*  SSK and ISK by translating the guest's address to the real frame   *
*  behind it and issuing the real SSK or ISK with that address.  If   *
*  CP does not check the four bits first, the real instruction takes  *
*  the specification exception in CP itself.                          *
*                                                                     *
*  A correct CP reflects the specification exception (code 6) to the  *
*  guest, as the hardware would.  X'600D' when SSK and ISK each get   *
*  it; X'BAD1' if SSK completed, X'BAD2' if ISK did, X'BAD3' for a    *
*  program check with another code (in BC mode the code is in the old *
*  PSW, X'2A'; X'8E' is stored in EC mode only).                      *
***********************************************************************
         COPY  GUEST
SSKODD   START X'8000'
         BALR  R12,0
         USING *,R12
         MVC   X'68'(8),PGMNEW1
         L     R2,=A(BUF1+1)       one of its own pages, plus 1
         SR    R0,R0               (key 0: what it has anyway)
         SSK   R0,R2
         LPSW  BAD1
SSK10    CLC   X'2A'(2),=H'6'      (program new PSW) specification?
         BNE   OTHER
         MVC   X'68'(8),PGMNEW2
         ISK   R0,R2
         LPSW  BAD2
ISK10    CLC   X'2A'(2),=H'6'
         BNE   OTHER
         LPSW  GOOD
OTHER    LPSW  BAD3
         LTORG
         DS    0D
PGMNEW1  DC    X'00000000',A(SSK10)
PGMNEW2  DC    X'00000000',A(ISK10)
GOOD     DC    X'000200000000600D'
BAD1     DC    X'00020000',X'0000BAD1'
BAD2     DC    X'00020000',X'0000BAD2'
BAD3     DC    X'00020000',X'0000BAD3'
         END
