//! The disassembler, driven by the same opcode table as the CPU and the assembler.
//! (Interface fixed by the walking skeleton.)
//!
//! Output is valid input for our assembler and round-trips to the same bytes: every
//! operand is written in its explicit form (`D(X,B)`, `D(B)`, `D(L,B)`), registers as
//! plain numbers, immediates in hex. Fields the instruction ignores (R3 of a shift,
//! I2 of LPSW) are not shown.

use crate::opcodes::{self, Format};

/// Disassemble the instruction at the start of `bytes` as assembler source text
/// (`"LA    R1,8(R2,R3)"`-style operands, registers as plain numbers: `LA 1,8(2,3)`),
/// returning the text and the instruction length. Invalid opcodes come back as
/// `DC X'....'` with length 2. Never panics, even on short input: an instruction cut
/// short comes back as `DC` of the bytes there are (at most 2; length 0 for no bytes).
pub fn disassemble(bytes: &[u8]) -> (String, u32) {
    let b0 = bytes.first().copied().unwrap_or(0);
    let b1 = bytes.get(1).copied().unwrap_or(0);
    let op = opcodes::lookup(b0, b1);
    let len = op.format.len() as usize;
    if !op.is_valid() || bytes.len() < len || (opcodes::has_extended_opcode(b0) && bytes.len() < 2)
    {
        let n = bytes.len().min(2);
        let hex: String = bytes[..n].iter().map(|b| format!("{b:02X}")).collect();
        return (format!("DC    X'{hex}'"), n as u32);
    }
    let b = &bytes[..len];
    let hi = |x: u8| x >> 4;
    let lo = |x: u8| x & 15;
    // Base-displacement at byte k.
    let bd = |k: usize| (hi(b[k]), ((lo(b[k]) as u16) << 8) | b[k + 1] as u16);
    let db = |k: usize| {
        let (base, d) = bd(k);
        format!("{d}({base})")
    };
    use Format::*;
    let operands = match op.format {
        Invalid => String::new(),
        RR | RRm => format!("{},{}", hi(b[1]), lo(b[1])),
        RR1 => format!("{}", hi(b[1])),
        RRi => format!("{}", b[1]),
        RX | RXm => {
            let (base, d) = bd(2);
            format!("{},{d}({},{base})", hi(b[1]), lo(b[1]))
        }
        RS | RSm => format!("{},{},{}", hi(b[1]), lo(b[1]), db(2)),
        RSs => format!("{},{}", hi(b[1]), db(2)),
        SI => format!("{},X'{:02X}'", db(2), b[1]),
        SIs | S => db(2),
        S0 => String::new(),
        SS => {
            let (b1, d1) = bd(2);
            format!("{d1}({},{b1}),{}", b[1] as u32 + 1, db(4))
        }
        SS2 => {
            let (b1, d1) = bd(2);
            let (b2, d2) = bd(4);
            format!("{d1}({},{b1}),{d2}({},{b2})", hi(b[1]) + 1, lo(b[1]) + 1)
        }
        SSr => {
            let (b1, d1) = bd(2);
            format!("{d1}({},{b1}),{},{}", hi(b[1]) + 1, db(4), lo(b[1]))
        }
        RRE => format!("{},{}", hi(b[3]), lo(b[3])),
        RRE1 => format!("{}", hi(b[3])),
        SSE => format!("{},{}", db(2), db(4)),
        SSk => {
            let (b1, d1) = bd(2);
            format!("{d1}({},{b1}),{},{}", hi(b[1]), db(4), lo(b[1]))
        }
    };
    let text = if operands.is_empty() {
        op.mnemonic.to_string()
    } else {
        format!("{:<5} {operands}", op.mnemonic)
    };
    (text, len as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asm::assemble_str;

    fn asm1(text: &str) -> Vec<u8> {
        match assemble_str("D", &format!(" {text}\n")) {
            Ok(a) => a.image,
            Err(e) => panic!("{text}: {}", e.join("\n")),
        }
    }

    #[test]
    fn formats() {
        assert_eq!(
            disassemble(&[0x41, 0x12, 0x30, 0x08]),
            ("LA    1,8(2,3)".into(), 4)
        );
        assert_eq!(
            disassemble(&[0xD2, 0x07, 0x10, 0x00, 0x20, 0x10]),
            ("MVC   0(8,1),16(2)".into(), 6)
        );
        assert_eq!(
            disassemble(&[0x47, 0xF0, 0xC0, 0x0C]),
            ("BC    15,12(0,12)".into(), 4)
        );
        assert_eq!(
            disassemble(&[0xF2, 0x21, 0x10, 0x00, 0x20, 0x04]),
            ("PACK  0(3,1),4(2,2)".into(), 6)
        );
        assert_eq!(disassemble(&[0x18, 0x12]), ("LR    1,2".into(), 2));
        assert_eq!(disassemble(&[0x0A, 0xCA]), ("SVC   202".into(), 2));
        assert_eq!(
            disassemble(&[0x92, 0xC1, 0x10, 0x00]),
            ("MVI   0(1),X'C1'".into(), 4)
        );
        assert_eq!(disassemble(&[0xB2, 0x0D, 0, 0]), ("PTLB".into(), 4));
        assert_eq!(
            disassemble(&[0xF0, 0x35, 0x10, 0x00, 0x00, 0x03]),
            ("SRP   0(4,1),3(0),5".into(), 6)
        );
        assert_eq!(
            disassemble(&[0x90, 0xEC, 0xD0, 0x0C]),
            ("STM   14,12,12(13)".into(), 4)
        );
    }

    #[test]
    fn invalid_and_short_input() {
        assert_eq!(disassemble(&[0x00, 0x00]), ("DC    X'0000'".into(), 2));
        assert_eq!(
            disassemble(&[0xB2, 0xFF, 0, 0]),
            ("DC    X'B2FF'".into(), 2)
        );
        assert_eq!(disassemble(&[0x58, 0x10]), ("DC    X'5810'".into(), 2));
        assert_eq!(disassemble(&[0xD2]), ("DC    X'D2'".into(), 1));
        assert_eq!(disassemble(&[]), ("DC    X''".into(), 0));
        for a in 0..=255u8 {
            for n in 0..6 {
                let v = [a, 0xFF, 0x12, 0x34, 0x56, 0x78];
                let (_, l) = disassemble(&v[..n]);
                assert!(l as usize <= n.max(2));
            }
        }
    }

    /// A sample instruction for every opcode in the table.
    fn sample(m: &str, f: Format) -> String {
        use Format::*;
        let ops = match f {
            Invalid => "",
            RR | RRm => "3,4",
            RR1 => "5",
            RRi => "201",
            RX | RXm => "7,291(8,9)",
            RS | RSm => "1,14,4095(15)",
            RSs => "6,63(10)",
            SI => "17(11),X'5A'",
            SIs | S => "2048(3)",
            S0 => "",
            SS => "1(256,2),3(4)",
            SS2 => "5(16,6),7(1,8)",
            SSr => "9(3,10),11(12),6",
            RRE => "3,4",
            RRE1 => "5",
            SSE => "13(1),4095(2)",
            SSk => "100(7,8),200(9),10",
        };
        format!("{m} {ops}")
    }

    #[test]
    fn round_trip_every_opcode() {
        for (_, op) in opcodes::all() {
            let text = sample(op.mnemonic, op.format);
            let bytes = asm1(&text);
            assert_eq!(bytes.len() as u32, op.format.len(), "{text}");
            let (dis, len) = disassemble(&bytes);
            assert_eq!(len, op.format.len(), "{text}");
            assert!(dis.starts_with(op.mnemonic), "{text} -> {dis}");
            assert_eq!(asm1(&dis), bytes, "{text} -> {dis}");
        }
    }

    #[test]
    fn round_trip_random_fields() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for (code, op) in opcodes::all() {
            for _ in 0..20 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let mut b = x.to_be_bytes()[..op.format.len() as usize].to_vec();
                if code > 0xFF {
                    b[0] = (code >> 8) as u8;
                    b[1] = code as u8;
                } else {
                    b[0] = code as u8;
                }
                // Zero the fields the instruction ignores.
                match op.format {
                    Format::RR1 => b[1] &= 0xF0,
                    Format::RSs => b[1] &= 0xF0,
                    Format::SIs => b[1] = 0,
                    Format::S0 => {
                        b[2] = 0;
                        b[3] = 0;
                    }
                    Format::RRE => b[2] = 0,
                    Format::RRE1 => {
                        b[2] = 0;
                        b[3] &= 0xF0;
                    }
                    _ => {}
                }
                let (dis, _) = disassemble(&b);
                assert_eq!(asm1(&dis), b, "{dis}");
            }
        }
    }
}
