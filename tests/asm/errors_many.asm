* One run reports every error
A        DS    F
A        DS    F
         L     1,B
         LA    1,4096(0,2)
         LR    16,1
         MVC   0(300,1),0(2)
         L     1,X'2000'
         BOGUS 1,2
*ERROR: duplicate symbol 'A'
*ERROR: undefined symbol 'B'
*ERROR: displacement 4096 out of range
*ERROR: register 16 out of range
*ERROR: length 300 out of range
*ERROR: addressability error
*ERROR: unknown operation 'BOGUS'
