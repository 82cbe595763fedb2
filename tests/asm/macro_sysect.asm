* &SYSECT: the section a macro is called in (a base register for a module)
         MACRO
&NAME    BASEOF
&NAME    DC    CL4'&SYSECT'
         MEND
FIRST    CSECT
A        BASEOF
SECOND   CSECT
B        BASEOF
*EXPECT: C6C9D9E2 00000000 E2C5C3D6
