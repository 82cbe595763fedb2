* E and D constants, converted exactly and rounded as HLASM rounds
         DC    E'1'
         DC    E'0.1'
         DC    D'0.1'
         DC    E'-0.5'
         DC    D'100'
*EXPECT: 41100000 4019999A 401999999999999A C0800000 00000000
*EXPECT: 4264000000000000
