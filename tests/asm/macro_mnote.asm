* MNOTE: severity 1-7 is a warning, 0 or * a note
         MACRO
         WARN  &X
         AIF   ('&X' NE '').OK
         MNOTE 4,'X is missing'
         MEXIT
.OK      MNOTE *,'X is &X'
         DC    C'&X'
         MEND
         WARN
         WARN  A
*WARNING: macro_mnote.asm:5:18: warning: MNOTE 4: X is missing (in macro WARN called at macro_mnote.asm:10)
*WARNING: note: MNOTE 0: X is A (in macro WARN called at macro_mnote.asm:11)
*EXPECT: C1
