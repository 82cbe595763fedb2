//! The S/370 opcode table: the one source of truth for the CPU, the assembler and the
//! disassembler.
//!
//! An S/370 instruction is 2, 4 or 6 bytes long and its first byte says which: the two
//! high bits of the opcode give the length (`00` = 2, `01`/`10` = 4, `11` = 6). The rest
//! of the instruction is one of a handful of *formats*:
//!
//! ```text
//!  RR   | op     | R1 | R2 |                                   2 bytes
//!  RX   | op     | R1 | X2 | B2 |     D2      |                4 bytes
//!  RS   | op     | R1 | R3 | B2 |     D2      |                4 bytes
//!  SI   | op     |   I2    | B1 |     D1      |                4 bytes
//!  S    | op (2 bytes)     | B2 |     D2      |                4 bytes  (B2xx, 9Cxx..9Fxx)
//!  RRE  | op (2 bytes)     | 00      | R1 | R2 |             4 bytes  (B2xx)
//!  SS   | op     |  L1| L2 | B1 |   D1  | B2 |   D2  |        6 bytes
//!  SSE  | op (2 bytes)     | B1 |   D1  | B2 |   D2  |        6 bytes  (E5xx)
//! ```
//!
//! The [`Format`] enum refines these by how the assembler writes the operands (a branch
//! mask instead of R1, an SVC number instead of two registers, ...). Opcodes `B2`, `E5`
//! and `9C`-`9F` take their second byte as part of the opcode; those live in
//! [`EXTENDED`].
//!
//! [`PRIMARY`] is laid out like the reference summary's opcode chart: row = high nibble,
//! column = low nibble. `P` marks a privileged instruction (problem state gets a
//! privileged-operation exception, interruption code 2, before any operand is touched).

use std::collections::HashMap;
use std::sync::OnceLock;

/// How an instruction's operands are written and encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Not an S/370 opcode (operation exception).
    Invalid,
    /// `R1,R2`
    RR,
    /// `M1,R2` (BCR)
    RRm,
    /// `R1` alone (SPM)
    RR1,
    /// `I` (SVC): the second byte is an 8-bit immediate
    RRi,
    /// `R1,D2(X2,B2)`
    RX,
    /// `M1,D2(X2,B2)` (BC)
    RXm,
    /// `R1,R3,D2(B2)`
    RS,
    /// `R1,D2(B2)` (shifts; R3 is unused)
    RSs,
    /// `R1,M3,D2(B2)` (ICM, STCM, CLM)
    RSm,
    /// `D1(B1),I2`
    SI,
    /// `D1(B1)`: SI format whose I2 byte is ignored (LPSW, SSM, TS)
    SIs,
    /// `D2(B2)` with a two-byte opcode
    S,
    /// two-byte opcode without operands (PTLB)
    S0,
    /// `D1(L,B1),D2(B2)`: one 8-bit length
    SS,
    /// `D1(L1,B1),D2(L2,B2)`: two 4-bit lengths
    SS2,
    /// `D1(L1,B1),D2(B2),I3` (SRP)
    SSr,
    /// `R1,R2` with a two-byte opcode: `| op op2 | 00 | R1 R2 |` (IPTE, ISKE, DXR)
    RRE,
    /// `R1` with a two-byte opcode: `| op op2 | 00 | R1 0 |` (IPM, IAC, EPAR)
    RRE1,
    /// `D1(B1),D2(B2)` with a two-byte opcode: `| op op2 | B1 D1 | B2 D2 |` (LASP)
    SSE,
    /// `D1(R1,B1),D2(B2),R3`: `| op | R1 R3 | B1 D1 | B2 D2 |` (MVCK, MVCP, MVCS)
    SSk,
}

impl Format {
    /// Instruction length in bytes (0 for [`Format::Invalid`]).
    #[allow(clippy::len_without_is_empty)]
    pub const fn len(self) -> u32 {
        use Format::*;
        match self {
            Invalid => 0,
            RR | RRm | RR1 | RRi => 2,
            RX | RXm | RS | RSs | RSm | SI | SIs | S | S0 | RRE | RRE1 => 4,
            SS | SS2 | SSr | SSE | SSk => 6,
        }
    }
}

/// One opcode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Op {
    pub mnemonic: &'static str,
    pub format: Format,
    pub privileged: bool,
}

impl Op {
    pub const INVALID: Op = Op {
        mnemonic: "",
        format: Format::Invalid,
        privileged: false,
    };

    pub const fn is_valid(&self) -> bool {
        !matches!(self.format, Format::Invalid)
    }
}

macro_rules! o {
    (-) => {
        Op::INVALID
    };
    ($m:ident $f:ident) => {
        Op {
            mnemonic: stringify!($m),
            format: Format::$f,
            privileged: false,
        }
    };
    ($m:ident $f:ident P) => {
        Op {
            mnemonic: stringify!($m),
            format: Format::$f,
            privileged: true,
        }
    };
}

/// First-byte opcodes. `B2`, `E5` and `9C`..`9F` appear here with the format of their family
/// and a mnemonic of `""`; look the second byte up in [`EXTENDED`].
#[rustfmt::skip]
pub const PRIMARY: [Op; 256] = [
/*        _0             _1             _2             _3             _4             _5             _6             _7             _8             _9             _A             _B             _C             _D             _E             _F        */
/* 0_ */ o!(-),         o!(-),         o!(-),         o!(-),         o!(SPM RR1),   o!(BALR RR),   o!(BCTR RR),   o!(BCR RRm),   o!(SSK RR P),  o!(ISK RR P),  o!(SVC RRi),   o!(-),         o!(-),         o!(BASR RR),   o!(MVCL RR),   o!(CLCL RR),
/* 1_ */ o!(LPR RR),     o!(LNR RR),    o!(LTR RR),    o!(LCR RR),    o!(NR RR),     o!(CLR RR),    o!(OR RR),     o!(XR RR),     o!(LR RR),     o!(CR RR),     o!(AR RR),     o!(SR RR),     o!(MR RR),     o!(DR RR),     o!(ALR RR),    o!(SLR RR),
/* 2_ */ o!(LPDR RR),    o!(LNDR RR),   o!(LTDR RR),   o!(LCDR RR),   o!(HDR RR),    o!(LRDR RR),   o!(MXR RR),    o!(MXDR RR),   o!(LDR RR),    o!(CDR RR),    o!(ADR RR),    o!(SDR RR),    o!(MDR RR),    o!(DDR RR),    o!(AWR RR),    o!(SWR RR),
/* 3_ */ o!(LPER RR),    o!(LNER RR),   o!(LTER RR),   o!(LCER RR),   o!(HER RR),    o!(LRER RR),   o!(AXR RR),    o!(SXR RR),    o!(LER RR),    o!(CER RR),    o!(AER RR),    o!(SER RR),    o!(MER RR),    o!(DER RR),    o!(AUR RR),    o!(SUR RR),
/* 4_ */ o!(STH RX),     o!(LA RX),     o!(STC RX),    o!(IC RX),     o!(EX RX),     o!(BAL RX),    o!(BCT RX),    o!(BC RXm),    o!(LH RX),     o!(CH RX),     o!(AH RX),     o!(SH RX),     o!(MH RX),     o!(BAS RX),    o!(CVD RX),    o!(CVB RX),
/* 5_ */ o!(ST RX),      o!(-),         o!(-),         o!(-),         o!(N RX),      o!(CL RX),     o!(O RX),      o!(X RX),      o!(L RX),      o!(C RX),      o!(A RX),      o!(S RX),      o!(M RX),      o!(D RX),      o!(AL RX),     o!(SL RX),
/* 6_ */ o!(STD RX),     o!(-),         o!(-),         o!(-),         o!(-),         o!(-),         o!(-),         o!(MXD RX),    o!(LD RX),     o!(CD RX),     o!(AD RX),     o!(SD RX),     o!(MD RX),     o!(DD RX),     o!(AW RX),     o!(SW RX),
/* 7_ */ o!(STE RX),     o!(-),         o!(-),         o!(-),         o!(-),         o!(-),         o!(-),         o!(-),         o!(LE RX),     o!(CE RX),     o!(AE RX),     o!(SE RX),     o!(ME RX),     o!(DE RX),     o!(AU RX),     o!(SU RX),
/* 8_ */ o!(SSM SIs P),  o!(-),         o!(LPSW SIs P),o!(DIAG RS P), o!(WRD SI P),  o!(RDD SI P),  o!(BXH RS),    o!(BXLE RS),   o!(SRL RSs),   o!(SLL RSs),   o!(SRA RSs),   o!(SLA RSs),   o!(SRDL RSs),  o!(SLDL RSs),  o!(SRDA RSs),  o!(SLDA RSs),
/* 9_ */ o!(STM RS),     o!(TM SI),     o!(MVI SI),    o!(TS SIs),    o!(NI SI),     o!(CLI SI),    o!(OI SI),     o!(XI SI),     o!(LM RS),     o!(-),         o!(-),         o!(-),         o!(- ),        o!(-),         o!(-),         o!(-),
/* A_ */ o!(-),          o!(-),         o!(-),         o!(-),         o!(-),         o!(-),         o!(-),         o!(-),         o!(-),         o!(-),         o!(-),         o!(-),         o!(STNSM SI P),o!(STOSM SI P),o!(SIGP RS P), o!(MC SI),
/* B_ */ o!(-),          o!(LRA RX P),  o!(-),         o!(-),         o!(-),         o!(-),         o!(STCTL RS P),o!(LCTL RS P), o!(-),         o!(-),         o!(CS RS),     o!(CDS RS),    o!(-),         o!(CLM RSm),   o!(STCM RSm),  o!(ICM RSm),
/* C_ */ o!(-),          o!(-),         o!(-),         o!(-),         o!(-),         o!(-),         o!(-),         o!(-),         o!(-),         o!(-),         o!(-),         o!(-),         o!(-),         o!(-),         o!(-),         o!(-),
/* D_ */ o!(-),          o!(MVN SS),    o!(MVC SS),    o!(MVZ SS),    o!(NC SS),     o!(CLC SS),    o!(OC SS),     o!(XC SS),     o!(-),         o!(MVCK SSk),  o!(MVCP SSk),  o!(MVCS SSk),  o!(TR SS),     o!(TRT SS),    o!(ED SS),     o!(EDMK SS),
/* E_ */ o!(-),          o!(-),         o!(-),         o!(-),         o!(-),         o!(- ),        o!(-),         o!(-),         o!(MVCIN SS),  o!(-),         o!(-),         o!(-),         o!(-),         o!(-),         o!(-),         o!(-),
/* F_ */ o!(SRP SSr),    o!(MVO SS2),   o!(PACK SS2),  o!(UNPK SS2),  o!(-),         o!(-),         o!(-),         o!(-),         o!(ZAP SS2),   o!(CP SS2),    o!(AP SS2),    o!(SP SS2),    o!(MP SS2),    o!(DP SS2),    o!(-),         o!(-),
];

/// Two-byte opcodes: (first byte, second byte, op).
#[rustfmt::skip]
pub const EXTENDED: &[(u8, u8, Op)] = &[
    // RIO and CLRCH are what HLASM assembles for S/370; the CPU, like Hercules 3.13 in
    // S/370 mode, ignores bits 8-14 of 9Cxx (9C02 runs as SIO) and bits 8-15 of 9Fxx
    // (9F01 runs as TCH): see cpu/exec.rs, `extended_classes`.
    (0x9C, 0x00, o!(SIO S P)),   (0x9C, 0x01, o!(SIOF S P)),  (0x9C, 0x02, o!(RIO S P)),
    (0x9D, 0x00, o!(TIO S P)),   (0x9D, 0x01, o!(CLRIO S P)),
    (0x9E, 0x00, o!(HIO S P)),   (0x9E, 0x01, o!(HDV S P)),
    (0x9F, 0x00, o!(TCH S P)),   (0x9F, 0x01, o!(CLRCH S P)),
    (0xB2, 0x00, o!(CONCS S P)), (0xB2, 0x01, o!(DISCS S P)),
    (0xB2, 0x02, o!(STIDP S P)), (0xB2, 0x03, o!(STIDC S P)),
    (0xB2, 0x04, o!(SCK S P)),   (0xB2, 0x05, o!(STCK S)),
    (0xB2, 0x06, o!(SCKC S P)),  (0xB2, 0x07, o!(STCKC S P)),
    (0xB2, 0x08, o!(SPT S P)),   (0xB2, 0x09, o!(STPT S P)),
    (0xB2, 0x0A, o!(SPKA S)),    (0xB2, 0x0B, o!(IPK S0)),
    (0xB2, 0x0D, o!(PTLB S0 P)),
    (0xB2, 0x10, o!(SPX S P)),   (0xB2, 0x11, o!(STPX S P)),
    (0xB2, 0x12, o!(STAP S P)),  (0xB2, 0x13, o!(RRB S P)),
    // Dual-address space (PC ... TPROT): semiprivileged, checked by the CPU.
    (0xB2, 0x18, o!(PC S)),      (0xB2, 0x19, o!(SAC S)),
    (0xB2, 0x21, o!(IPTE RRE P)),(0xB2, 0x22, o!(IPM RRE1)),
    (0xB2, 0x23, o!(IVSK RRE)),  (0xB2, 0x24, o!(IAC RRE1)),
    (0xB2, 0x25, o!(SSAR RRE1)), (0xB2, 0x26, o!(EPAR RRE1)),
    (0xB2, 0x27, o!(ESAR RRE1)), (0xB2, 0x28, o!(PT RRE)),
    (0xB2, 0x29, o!(ISKE RRE P)),(0xB2, 0x2A, o!(RRBE RRE P)),
    (0xB2, 0x2B, o!(SSKE RRE P)),(0xB2, 0x2C, o!(TB RRE P)),
    (0xB2, 0x2D, o!(DXR RRE)),
    (0xE5, 0x00, o!(LASP SSE P)),(0xE5, 0x01, o!(TPROT SSE P)),
];

/// True for first bytes whose second byte is part of the opcode.
pub const fn has_extended_opcode(b0: u8) -> bool {
    matches!(b0, 0x9C..=0x9F | 0xB2 | 0xE5)
}

/// Look up the instruction that starts with bytes `b0`, `b1`.
pub fn lookup(b0: u8, b1: u8) -> &'static Op {
    if has_extended_opcode(b0) {
        EXTENDED
            .iter()
            .find(|(x, y, _)| *x == b0 && *y == b1)
            .map(|(_, _, op)| op)
            .unwrap_or(&Op::INVALID)
    } else {
        &PRIMARY[b0 as usize]
    }
}

/// The opcode (one or two bytes, as a u16 with the first byte high for two-byte ones,
/// or the single byte) of every valid instruction, with its [`Op`].
pub fn all() -> impl Iterator<Item = (u16, &'static Op)> {
    PRIMARY
        .iter()
        .enumerate()
        .filter(|(b, op)| op.is_valid() && !has_extended_opcode(*b as u8))
        .map(|(b, op)| (b as u16, op))
        .chain(
            EXTENDED
                .iter()
                .map(|(x, y, op)| (((*x as u16) << 8) | *y as u16, op)),
        )
}

/// Find an instruction by mnemonic (upper case): its opcode as in [`all`] and its [`Op`].
pub fn by_mnemonic(m: &str) -> Option<(u16, &'static Op)> {
    static MAP: OnceLock<HashMap<&'static str, (u16, &'static Op)>> = OnceLock::new();
    MAP.get_or_init(|| all().map(|(c, op)| (op.mnemonic, (c, op))).collect())
        .get(m)
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_follows_the_two_high_bits_of_the_opcode() {
        for (code, op) in all() {
            let b0 = if code > 0xFF {
                (code >> 8) as u8
            } else {
                code as u8
            };
            let by_bits = match b0 >> 6 {
                0 => 2,
                1 | 2 => 4,
                _ => 6,
            };
            assert_eq!(op.format.len(), by_bits, "{}", op.mnemonic);
        }
    }

    #[test]
    fn mnemonics_are_unique_and_found() {
        let mut seen = std::collections::HashSet::new();
        for (code, op) in all() {
            assert!(seen.insert(op.mnemonic), "duplicate {}", op.mnemonic);
            assert_eq!(by_mnemonic(op.mnemonic), Some((code, op)));
        }
        assert_eq!(by_mnemonic("LPSW").unwrap().0, 0x82);
        assert_eq!(by_mnemonic("SIO").unwrap().0, 0x9C00);
        assert_eq!(by_mnemonic("STCK").unwrap().0, 0xB205);
        // HLASM's S/370 I/O mnemonics, all of them.
        assert_eq!(by_mnemonic("RIO").unwrap().0, 0x9C02);
        assert_eq!(by_mnemonic("CLRCH").unwrap().0, 0x9F01);
        for m in [
            "SIO", "SIOF", "RIO", "TIO", "CLRIO", "HIO", "HDV", "TCH", "CLRCH",
        ] {
            assert!(by_mnemonic(m).unwrap().1.privileged, "{m}");
        }
    }

    #[test]
    fn privileged_flags() {
        assert!(lookup(0x82, 0).privileged);
        assert!(lookup(0x9C, 0x00).privileged);
        assert!(lookup(0xB2, 0x0D).privileged);
        assert!(!lookup(0xB2, 0x05).privileged); // STCK is for everyone
        assert!(!lookup(0x0A, 0).privileged); // SVC
        assert!(!lookup(0xB2, 0xFF).is_valid());
        assert!(!lookup(0x00, 0).is_valid());
    }
}
