* Errors inside expansions name the call; open-code conditional errors too
         MACRO
         BAD   &R
         LR    &R,UNDEF
         MEND
         MACRO
         FAIL
         MNOTE 8,'this macro always fails'
         MEND
         BAD   1
         FAIL
         LR    1,&NOPE
         AIF   (1 EQ 1).NOWHERE
&V       SETA  'ABC'
         MACRO
         LOOP
.A       AGO   .A
         MEND
         LOOP
*ERROR: macro_errors.asm:4:18: error: undefined symbol 'UNDEF' (in macro BAD called at macro_errors.asm:10)
*ERROR: macro_errors.asm:8:18: error: MNOTE 8: this macro always fails (in macro FAIL called at macro_errors.asm:11)
*ERROR: macro_errors.asm:12:18: error: undefined variable symbol '&NOPE'
*ERROR: macro_errors.asm:13:24: error: undefined sequence symbol '.NOWHERE'
*ERROR: macro_errors.asm:14:16: error: 'ABC' is not a number
*ERROR: error: ACTR limit reached
