* EXTRN, ENTRY and V-type constants: zero in the image, relocated by a loader
MAIN     CSECT
         ENTRY HERE
         EXTRN EXT1
HERE     DC    V(EXT2)
         DC    A(EXT1)
         DC    A(HERE)
*EXPECT: 00000000 00000000 00000000
