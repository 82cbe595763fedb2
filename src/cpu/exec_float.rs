//! Floating-point registers: loads, stores and the sign-handling loads.
//!
//! ```text
//!  short (E):  | S | characteristic (7) | fraction (24) |            high 32 bits of an FPR
//!  long  (D):  | S | characteristic (7) | fraction (56)                              |
//! ```
//!
//! Implemented: LER, LDR, LE, LD, STE, STD, and LPER/LNER/LTER/LCER, LPDR/LNDR/LTDR/
//! LCDR (cc 0 fraction zero, 1 negative, 2 positive). Short operations touch only the
//! high half of the register. R1/R2 must be 0, 2, 4 or 6 (specification exception).
//! The arithmetic (add, subtract, multiply, divide, halve, compare, rounding and the
//! extended forms) is not implemented yet and gives an operation exception.

use super::Cpu;
use super::exec::{Ex, OPERATION, R, SPECIFICATION, r1, r2};

const HIGH: u64 = 0xFFFF_FFFF_0000_0000;

fn freg(r: usize) -> Result<usize, Ex> {
    if r & 9 != 0 {
        Err(Ex::Pgm(SPECIFICATION))
    } else {
        Ok(r >> 1)
    }
}

impl Cpu {
    /// cc of a float value (`frac_mask` selects the fraction bits that count).
    fn float_cc(&mut self, v: u64, frac_mask: u64) {
        self.cc = if v & frac_mask == 0 {
            0
        } else if v >> 63 != 0 {
            1
        } else {
            2
        };
    }

    pub(crate) fn float_rr(&mut self, ib: &[u8; 6]) -> R {
        let op = ib[0];
        let (a, b) = (freg(r1(ib))?, freg(r2(ib))?);
        let short = op >= 0x30;
        let src = self.fpr[b];
        let (mask, frac) = if short {
            (HIGH, 0x00FF_FFFF_0000_0000)
        } else {
            (u64::MAX, 0x00FF_FFFF_FFFF_FFFF)
        };
        let sign = 1u64 << 63;
        let v = match op & 0x0F {
            0x0 => src & !sign, // LPxR
            0x1 => src | sign,  // LNxR
            0x2 => src,         // LTxR
            0x3 => src ^ sign,  // LCxR
            0x8 => src,         // LxR
            _ => return Err(Ex::Pgm(OPERATION)),
        };
        self.fpr[a] = (self.fpr[a] & !mask) | (v & mask);
        if op & 0x0F != 0x8 {
            self.float_cc(v, frac);
        }
        Ok(())
    }

    pub(crate) fn float_rx(&mut self, ib: &[u8; 6]) -> R {
        let a = freg(r1(ib))?;
        let ea = self.ea_rx(ib);
        match ib[0] {
            0x60 => self.write_u64(ea, self.fpr[a])?,
            0x68 => self.fpr[a] = self.read_u64(ea)?,
            0x70 => self.write_u32(ea, (self.fpr[a] >> 32) as u32)?,
            0x78 => {
                let v = self.read_u32(ea)? as u64;
                self.fpr[a] = (self.fpr[a] & !HIGH) | (v << 32);
            }
            _ => return Err(Ex::Pgm(OPERATION)),
        }
        Ok(())
    }
}
