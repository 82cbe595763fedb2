//! Assembler tests: small sources with the exact bytes or messages they must produce.

use super::*;
use std::collections::HashMap;

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02X}")).collect()
}

/// Assemble and return the image as hex (spaces in `want` are ignored).
fn asm(src: &str) -> Assembly {
    match assemble_str("T", src) {
        Ok(a) => a,
        Err(e) => panic!("unexpected errors:\n{}", e.join("\n")),
    }
}

fn errs(src: &str) -> Vec<String> {
    match assemble_str("T", src) {
        Ok(a) => panic!("expected errors, got {}", hex(&a.image)),
        Err(e) => e,
    }
}

/// `bytes!(source, "hex")`: the image must be exactly these bytes.
macro_rules! bytes {
    ($name:ident, $src:expr, $want:expr) => {
        #[test]
        fn $name() {
            let a = asm($src);
            let want: String = $want.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(hex(&a.image), want, "listing:\n{}", a.listing);
        }
    };
}

/// `error!(source, "first line of the first message", ...)`.
macro_rules! error {
    ($name:ident, $src:expr, $($want:expr),+) => {
        #[test]
        fn $name() {
            let e = errs($src);
            let firsts: Vec<&str> = e.iter().map(|m| m.lines().next().unwrap_or("")).collect();
            assert_eq!(firsts, vec![$($want),+], "full:\n{}", e.join("\n"));
        }
    };
}

bytes!(
    rr,
    " LR 1,2\n AR 15,0\n BALR 12,0\n SPM 3\n SVC 202\n",
    "1812 1AF0 05C0 0430 0ACA"
);

bytes!(
    rx_explicit,
    " LA 1,8(2,3)\n L 1,0(,3)\n ST 4,4095(5)\n IC 0,12\n",
    "41123008 58103000 50450FFF 4300000C"
);

bytes!(
    rx_implicit_using,
    "TEST START X'1000'\n BALR 12,0\n USING *,12\n L 1,WORD\n LA 2,WORD(3)\nWORD DC F'7'\n",
    "05C0 5810C00A 4123C00A 0000 00000007"
);

bytes!(
    rs_formats,
    " STM 14,12,12(13)\n LM 0,15,0(1)\n SLL 1,2\n SRDA 4,32(7)\n ICM 1,B'1010',3(2)\n DIAG 2,4,8\n",
    "90ECD00C 980F1000 89100002 8E407020 BF1A2003 83240008"
);

bytes!(
    si_s_formats,
    " MVI 0(1),C'A'\n CLI 5(2),X'FF'\n TM 0(3),1\n LPSW 8(4)\n SIO 0(1)\n STCK 16\n PTLB\n TS 0(9)\n",
    "92C11000 95FF2005 91013000 82004008 9C001000 B2050010 B20D0000 93009000"
);

bytes!(
    ss_formats,
    " MVC 0(8,1),16(2)\n CLC 0(256,3),0(4)\n PACK 0(3,1),4(2,2)\n ZAP 0(8,5),0(1,6)\n SRP 0(4,1),3,5\n",
    "D20710002010 D5FF30004000 F2211000 2004 F8705000 6000 F0351000 0003"
        .replace(' ', "")
        .as_str()
);

bytes!(
    ss_implied_lengths,
    "T CSECT\n USING T,12\n MVC A,B\n MVC A(2),B\n ZAP P,Q\nA DS CL8\nB DS CL8\nP DS PL5\nQ DS PL3\n",
    "D207C012C01A D201C012C01A F842C022C027 \
     0000000000000000 0000000000000000 0000000000 000000"
);

bytes!(
    extended_branches,
    "T CSECT\n USING *,15\nL B L\n BR 14\n NOP L\n NOPR 0\n BE L\n BNE L\n BH L\n BL L\n BZ L\n BNZ L\n BO L\n BM L\n BP L\n BNH L\n BNL L\n BNO L\n BNP L\n BNM L\n BER 1\n BNER 1\n BHR 1\n BLR 1\n BZR 1\n BNZR 1\n BOR 1\n BMR 1\n BPR 1\n BNHR 1\n BNLR 1\n BNOR 1\n BNPR 1\n BNMR 1\n",
    "47F0F000 07FE 4700F000 0700 4780F000 4770F000 4720F000 4740F000 4780F000 4770F000 \
     4710F000 4740F000 4720F000 47D0F000 47B0F000 47E0F000 47D0F000 47B0F000 \
     0781 0771 0721 0741 0781 0771 0711 0741 0721 07D1 07B1 07E1 07D1 07B1"
);
