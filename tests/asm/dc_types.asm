* Every DC type: C X B H F P Z Y A S, lengths, duplication, alignment
         DC    C'AB'
         DC    CL3'A'
         DC    X'1F'
         DC    XL2'1'
         DC    B'101'
         DC    H'-2'
         DC    F'3'
         DC    P'-12'
         DC    Z'12'
         DC    Y(5)
         DC    A(0)
         DC    2H'1'
         DC    FL3'-1'
         DC    S(4(2))
         DC    AL3(*)
*EXPECT: C1C2 C14040 1F 0001 05 00 FFFE 00000003 012D F1C2 0005 0000
*EXPECT: 00000000 00010001 FFFFFF 00 2004 000026
