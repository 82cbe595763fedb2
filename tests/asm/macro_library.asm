* A macro from the library (tests/asm/maclib/libmac.asm)
         LIBMAC 5
         LIBMAC 6
*EXPECT: 1855 1866
