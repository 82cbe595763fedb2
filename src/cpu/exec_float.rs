//! Hexadecimal floating point (HFP), as the S/370 Principles of Operation
//! (GA22-7000, chapter "Floating-Point Instructions") defines it.
//!
//! # The formats
//!
//! ```text
//!  short (E)    | S | characteristic (7) | fraction: 6 hex digits  (24 bits) |
//!               0   1                    8                                   31
//!  long (D)     | S | characteristic (7) | fraction: 14 hex digits (56 bits)              |
//!               0   1                    8                                                63
//!  extended (X) two long numbers in a register pair (0,2) or (4,6):
//!     high part | S | characteristic     | leftmost 14 digits of the 28-digit fraction    |
//!     low part  | S | characteristic - 14| rightmost 14 digits                            |
//! ```
//!
//! value = (-1)^S x 0.fraction (hexadecimal) x 16^(characteristic - 64).
//! 1.0 is `41 100000`, 0.5 is `40 800000`, -2.0 is `C1 200000`. A number is *normalized*
//! when its leftmost fraction digit is nonzero; a *true zero* is all bits zero.
//! A short operand uses only the high 32 bits of a register; a short result leaves the
//! low 32 bits unchanged. In an extended operand the sign and characteristic of the
//! low part are ignored; in an extended result the low part gets the sign of the high
//! part and its characteristic less 14 (modulo 128), unless the result is a true zero,
//! in which case both parts are zero.
//!
//! # The rules implemented here
//!
//! - Add/subtract (AE AD AXR, SE SD SXR, AU AW, SU SW, and the RR forms): the fraction
//!   with the smaller characteristic is shifted right; the sum keeps one *guard digit*
//!   (digits shifted past it are lost, no rounding). A carry shifts the sum right one
//!   digit. Normalized forms then shift left (the guard digit takes part); unnormalized
//!   forms just drop the guard digit. A zero result fraction (normalized: the sum
//!   including the guard digit; unnormalized: the truncated fraction) gives a
//!   *significance* exception (X'0E') when PSW program-mask bit 39 is one (the result
//!   keeps its characteristic, sign plus), else a true zero. cc 0 zero, 1 < 0, 2 > 0.
//! - Compare (CE CD CER CDR): a normalized subtraction whose sum (with guard digit)
//!   only sets the cc (0 equal, 1 low, 2 high); never an exception.
//! - Multiply (ME MD MXD MXR, RR forms): operands are prenormalized, the exact product
//!   fraction is normalized (at most one digit) and truncated; ME/MER give a long
//!   result, MXD/MXDR an extended one. A zero operand fraction gives a true zero.
//! - Divide (DE DD, RR forms): prenormalized operands, the truncated quotient; a zero
//!   divisor fraction is a *floating-point divide* exception (X'0F'), operation
//!   suppressed; a zero dividend gives a true zero.
//! - Halve (HER HDR): the fraction shifts right one bit into the guard digit and the
//!   result is normalized (the exact half); a zero fraction gives a true zero.
//! - Load rounded (LRER long -> short, LRDR extended -> long): add one at the first
//!   dropped bit; a carry out of the fraction shifts it right one digit. No
//!   normalization, no zero test, cc unchanged.
//! - Exponent overflow (X'0C', never masked): the characteristic would exceed 127; the
//!   result keeps its sign and fraction with the characteristic 128 smaller.
//!   Exponent underflow (X'0D'): a nonzero result whose characteristic would be below
//!   0; with PSW bit 38 on the characteristic is made 128 larger and the interruption
//!   occurs, with it off the result is a true zero and nothing happens. Both complete
//!   the operation (the result and cc are set before the interruption).
//! - Register numbers must be 0, 2, 4 or 6 (extended operands 0 or 4): otherwise a
//!   specification exception (X'06'), operation suppressed.
//!
//! Loads, stores and LPxR/LNxR/LTxR/LCxR copy bits (cc 0 fraction zero, 1 negative,
//! 2 positive for the sign-handling ones).
//!
//! The results were compared with Hercules 3.13 on 2,555 cases (every instruction
//! above, all four mask settings; `tests_float.rs`, `testdata/hfp_hercules.txt`, and a
//! 169-case selection as the standalone program `tests/hercules/float.asm`). They
//! agree except in one corner where the POO is followed instead (an extended
//! significance result with characteristic 0 is a true zero, so its low part is zero
//! as well; see `poo_over_hercules` in the tests).

use super::Cpu;
use super::exec::{Ex, Ib, OPERATION, R, SPECIFICATION, r1, r2};

pub(crate) const EXPONENT_OVERFLOW: u16 = 0x0C;
pub(crate) const EXPONENT_UNDERFLOW: u16 = 0x0D;
pub(crate) const SIGNIFICANCE: u16 = 0x0E;
pub(crate) const FLOATING_POINT_DIVIDE: u16 = 0x0F;

/// Program-mask bits (PSW bits 36-39 = 8, 4, 2, 1).
const MASK_UNDERFLOW: u8 = 2;
const MASK_SIGNIFICANCE: u8 = 1;

const HIGH: u64 = 0xFFFF_FFFF_0000_0000;
const FRAC56: u64 = 0x00FF_FFFF_FFFF_FFFF;

/// Fraction length in hexadecimal digits.
const SHORT: u32 = 6;
const LONG: u32 = 14;
const EXT: u32 = 28;

/// An unpacked HFP number. `ch` may leave 0..=127 in intermediate results; `frac`
/// holds the fraction as an integer of as many digits as the format has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hfp {
    pub neg: bool,
    pub ch: i32,
    pub frac: u128,
}

const TRUE_ZERO: Hfp = Hfp {
    neg: false,
    ch: 0,
    frac: 0,
};

/// A result and the program interruption (if any) that follows its storing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Res {
    pub h: Hfp,
    pub pgm: Option<u16>,
}

impl Hfp {
    /// A register image: short takes the high 32 bits, long all 64.
    pub(crate) fn reg(v: u64, digits: u32) -> Hfp {
        let frac = if digits == SHORT {
            (v >> 32) & 0x00FF_FFFF
        } else {
            v & FRAC56
        };
        Hfp {
            neg: v >> 63 != 0,
            ch: ((v >> 56) & 0x7F) as i32,
            frac: frac as u128,
        }
    }

    /// An extended operand from its high and low parts.
    pub(crate) fn ext(hi: u64, lo: u64) -> Hfp {
        Hfp {
            frac: ((hi & FRAC56) as u128) << 56 | (lo & FRAC56) as u128,
            ..Hfp::reg(hi, LONG)
        }
    }

    /// Register image of a short (high 32 bits, low bits zero) or long number.
    pub(crate) fn bits(self, digits: u32) -> u64 {
        let head = (self.neg as u64) << 63 | ((self.ch as u64) & 0x7F) << 56;
        if digits == SHORT {
            head | ((self.frac as u64) & 0x00FF_FFFF) << 32
        } else {
            head | (self.frac as u64) & FRAC56
        }
    }

    /// The high and low parts of an extended number.
    pub(crate) fn ext_bits(self) -> (u64, u64) {
        let hi = Hfp {
            frac: self.frac >> 56,
            ..self
        }
        .bits(LONG);
        if hi == 0 {
            return (0, 0);
        }
        let lo = Hfp {
            neg: self.neg,
            ch: self.ch - 14,
            frac: self.frac & FRAC56 as u128,
        }
        .bits(LONG);
        (hi, lo)
    }

    fn negate(self) -> Hfp {
        Hfp {
            neg: !self.neg,
            ..self
        }
    }

    /// Shift leading zero digits out (`frac` nonzero), lowering the characteristic.
    fn normalized(mut self, digits: u32) -> Hfp {
        if self.frac != 0 {
            let top = 1u128 << (4 * (digits - 1));
            while self.frac < top {
                self.frac <<= 4;
                self.ch -= 1;
            }
        }
        self
    }

    /// cc of an arithmetic result: 0 zero fraction, 1 negative, 2 positive.
    pub(crate) fn cc(self) -> u8 {
        if self.frac == 0 {
            0
        } else if self.neg {
            1
        } else {
            2
        }
    }
}

/// Exponent overflow and underflow of a nonzero result.
fn finish(mut h: Hfp, pmask: u8) -> Res {
    let mut pgm = None;
    if h.frac == 0 {
        h = TRUE_ZERO;
    } else if h.ch > 127 {
        h.ch -= 128;
        pgm = Some(EXPONENT_OVERFLOW);
    } else if h.ch < 0 {
        if pmask & MASK_UNDERFLOW != 0 {
            h.ch += 128;
            pgm = Some(EXPONENT_UNDERFLOW);
        } else {
            h = TRUE_ZERO;
        }
    }
    Res { h, pgm }
}

/// Aligned sum with the guard digit: (sign, characteristic, fraction of digits+1
/// digits) before normalization; a carry has already been shifted in.
fn sum(a: Hfp, b: Hfp, digits: u32) -> (bool, i32, u128) {
    let (big, small) = if a.ch >= b.ch { (a, b) } else { (b, a) };
    let shift = (big.ch - small.ch) as u32;
    let fa = big.frac << 4;
    let fb = if shift <= digits {
        (small.frac << 4) >> (4 * shift)
    } else {
        0
    };
    let (neg, mut s) = if big.neg == small.neg {
        (big.neg, fa + fb)
    } else if fa >= fb {
        (big.neg, fa - fb)
    } else {
        (small.neg, fb - fa)
    };
    let mut ch = big.ch;
    if s >> (4 * (digits + 1)) != 0 {
        s >>= 4;
        ch += 1;
    }
    (neg, ch, s)
}

/// ADD NORMALIZED / ADD UNNORMALIZED (subtract: negate `b` first).
pub(crate) fn add(a: Hfp, b: Hfp, digits: u32, normalize: bool, pmask: u8) -> Res {
    let (neg, mut ch, mut s) = sum(a, b, digits);
    let zero = if normalize { s == 0 } else { s >> 4 == 0 };
    if zero {
        return if pmask & MASK_SIGNIFICANCE != 0 {
            Res {
                h: Hfp {
                    neg: false,
                    ch,
                    frac: 0,
                },
                pgm: Some(SIGNIFICANCE),
            }
        } else {
            Res {
                h: TRUE_ZERO,
                pgm: None,
            }
        };
    }
    if normalize {
        let top = 1u128 << (4 * digits);
        while s < top {
            s <<= 4;
            ch -= 1;
        }
    }
    finish(
        Hfp {
            neg,
            ch,
            frac: s >> 4,
        },
        pmask,
    )
}

/// COMPARE: cc 0 equal, 1 first low, 2 first high.
pub(crate) fn compare(a: Hfp, b: Hfp, digits: u32) -> u8 {
    match sum(a, b.negate(), digits) {
        (_, _, 0) => 0,
        (true, _, _) => 1,
        _ => 2,
    }
}

/// 128 x 128 -> 256-bit product as (high, low).
fn mul_wide(a: u128, b: u128) -> (u128, u128) {
    let m = u64::MAX as u128;
    let (a1, a0, b1, b0) = (a >> 64, a & m, b >> 64, b & m);
    let p00 = a0 * b0;
    let p01 = a0 * b1;
    let p10 = a1 * b0;
    let p11 = a1 * b1;
    let mid = (p00 >> 64) + (p01 & m) + (p10 & m);
    let lo = (p00 & m) | (mid << 64);
    let hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    (hi, lo)
}

/// MULTIPLY: `in_digits`-digit operands, `out_digits`-digit result (ME: 6 -> 14,
/// MD: 14 -> 14, MXD: 14 -> 28, MXR: 28 -> 28).
pub(crate) fn mul(a: Hfp, b: Hfp, in_digits: u32, out_digits: u32, pmask: u8) -> Res {
    if a.frac == 0 || b.frac == 0 {
        return Res {
            h: TRUE_ZERO,
            pgm: None,
        };
    }
    let (a, b) = (a.normalized(in_digits), b.normalized(in_digits));
    let mut ch = a.ch + b.ch - 64;
    let (mut hi, mut lo) = mul_wide(a.frac, b.frac);
    // The product has 2 * in_digits digits; its leftmost may be zero (once).
    let width = 8 * in_digits; // bits
    let top_zero = if width > 128 {
        hi >> (width - 128 - 4) == 0
    } else {
        lo >> (width - 4) == 0
    };
    if top_zero {
        hi = hi << 4 | lo >> 124;
        lo <<= 4;
        ch -= 1;
    }
    // Keep the leftmost out_digits digits.
    let frac = if out_digits * 4 >= width {
        lo << (out_digits * 4 - width)
    } else {
        let drop = width - out_digits * 4;
        if drop >= 128 {
            hi >> (drop - 128)
        } else {
            lo >> drop | hi << (128 - drop)
        }
    };
    let mask = (1u128 << (4 * out_digits)) - 1;
    finish(
        Hfp {
            neg: a.neg != b.neg,
            ch,
            frac: frac & mask,
        },
        pmask,
    )
}

/// DIVIDE (short or long); `Err` = floating-point divide exception.
pub(crate) fn div(a: Hfp, b: Hfp, digits: u32, pmask: u8) -> Result<Res, u16> {
    if b.frac == 0 {
        return Err(FLOATING_POINT_DIVIDE);
    }
    if a.frac == 0 {
        return Ok(Res {
            h: TRUE_ZERO,
            pgm: None,
        });
    }
    let (a, b) = (a.normalized(digits), b.normalized(digits));
    let mut ch = a.ch - b.ch + 64;
    let mut q = (a.frac << (4 * digits)) / b.frac;
    if q >> (4 * digits) != 0 {
        q >>= 4;
        ch += 1;
    }
    Ok(finish(
        Hfp {
            neg: a.neg != b.neg,
            ch,
            frac: q,
        },
        pmask,
    ))
}

/// DIVIDE extended (DXR): the 28-digit quotient, truncated, computed a hex digit at a
/// time (the dividend shifted 28 digits left does not fit in 128 bits).
pub(crate) fn div_ext(a: Hfp, b: Hfp, pmask: u8) -> Result<Res, u16> {
    if b.frac == 0 {
        return Err(FLOATING_POINT_DIVIDE);
    }
    if a.frac == 0 {
        return Ok(Res {
            h: TRUE_ZERO,
            pgm: None,
        });
    }
    let (a, b) = (a.normalized(EXT), b.normalized(EXT));
    let mut ch = a.ch - b.ch + 64;
    let mut q = a.frac / b.frac;
    let mut rem = a.frac % b.frac;
    for _ in 0..EXT {
        rem <<= 4;
        q = (q << 4) | (rem / b.frac);
        rem %= b.frac;
    }
    if q >> (4 * EXT) != 0 {
        q >>= 4;
        ch += 1;
    }
    Ok(finish(
        Hfp {
            neg: a.neg != b.neg,
            ch,
            frac: q,
        },
        pmask,
    ))
}

/// HALVE: the exact half, normalized.
pub(crate) fn halve(a: Hfp, digits: u32, pmask: u8) -> Res {
    if a.frac == 0 {
        return Res {
            h: TRUE_ZERO,
            pgm: None,
        };
    }
    // One bit right into the guard digit, then normalize with the guard digit.
    let h = Hfp {
        frac: a.frac << 3,
        ..a
    }
    .normalized(digits + 1);
    finish(
        Hfp {
            frac: h.frac >> 4,
            ..h
        },
        pmask,
    )
}

/// LOAD ROUNDED from `from` digits to `to` digits.
pub(crate) fn round(a: Hfp, from: u32, to: u32) -> Res {
    let drop = 4 * (from - to);
    let mut f = a.frac + (1u128 << (drop - 1));
    let mut ch = a.ch;
    if f >> (4 * from) != 0 {
        f >>= 4;
        ch += 1;
    }
    let mut h = Hfp {
        neg: a.neg,
        ch,
        frac: f >> drop,
    };
    let mut pgm = None;
    if h.ch > 127 {
        h.ch -= 128;
        pgm = Some(EXPONENT_OVERFLOW);
    }
    Res { h, pgm }
}

/// Register number 0, 2, 4 or 6 -> index 0..3.
fn freg(r: usize) -> Result<usize, Ex> {
    if r & 9 != 0 {
        Err(Ex::Pgm(SPECIFICATION))
    } else {
        Ok(r >> 1)
    }
}

/// Extended register pair 0 or 4 -> index of its high part (0 or 2).
fn xreg(r: usize) -> Result<usize, Ex> {
    if r & 0xB != 0 {
        Err(Ex::Pgm(SPECIFICATION))
    } else {
        Ok(r >> 1)
    }
}

fn done(pgm: Option<u16>) -> R {
    match pgm {
        Some(code) => Err(Ex::Pgm(code)),
        None => Ok(()),
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

    /// Store a short (high half only) or long result.
    fn put_float(&mut self, a: usize, h: Hfp, digits: u32) {
        let v = h.bits(digits);
        self.fpr[a] = if digits == SHORT {
            (self.fpr[a] & !HIGH) | v
        } else {
            v
        };
    }

    fn put_ext(&mut self, a: usize, h: Hfp) {
        let (hi, lo) = h.ext_bits();
        self.fpr[a] = hi;
        self.fpr[a + 1] = lo;
    }

    fn get_ext(&self, a: usize) -> Hfp {
        Hfp::ext(self.fpr[a], self.fpr[a + 1])
    }

    /// DIVIDE extended (DXR, B22D), with R1 and R2 in `ib.b(1)` as for RR.
    pub(crate) fn dxr(&mut self, ib: Ib) -> R {
        let (a, b) = (xreg(r1(ib))?, xreg(r2(ib))?);
        let r = div_ext(self.get_ext(a), self.get_ext(b), self.pmask).map_err(Ex::Pgm)?;
        self.put_ext(a, r.h);
        done(r.pgm)
    }

    #[inline(never)]
    pub(crate) fn float_rr(&mut self, ib: Ib) -> R {
        let op = ib.b(0);
        match op {
            0x25 => {
                // LRDR: extended -> long
                let (a, b) = (freg(r1(ib))?, xreg(r2(ib))?);
                let r = round(self.get_ext(b), EXT, LONG);
                self.put_float(a, r.h, LONG);
                return done(r.pgm);
            }
            0x26 => {
                // MXR
                let (a, b) = (xreg(r1(ib))?, xreg(r2(ib))?);
                let r = mul(self.get_ext(a), self.get_ext(b), EXT, EXT, self.pmask);
                self.put_ext(a, r.h);
                return done(r.pgm);
            }
            0x27 => {
                // MXDR
                let (a, b) = (xreg(r1(ib))?, freg(r2(ib))?);
                return self.mxd(a, self.fpr[b]);
            }
            0x35 => {
                // LRER: long -> short
                let (a, b) = (freg(r1(ib))?, freg(r2(ib))?);
                let r = round(Hfp::reg(self.fpr[b], LONG), LONG, SHORT);
                self.put_float(a, r.h, SHORT);
                return done(r.pgm);
            }
            0x36 | 0x37 => {
                // AXR, SXR
                let (a, b) = (xreg(r1(ib))?, xreg(r2(ib))?);
                let y = self.get_ext(b);
                let y = if op == 0x37 { y.negate() } else { y };
                let r = add(self.get_ext(a), y, EXT, true, self.pmask);
                self.put_ext(a, r.h);
                self.cc = r.h.cc();
                return done(r.pgm);
            }
            _ => {}
        }
        let (a, b) = (freg(r1(ib))?, freg(r2(ib))?);
        let short = op >= 0x30;
        let src = self.fpr[b];
        let (mask, frac) = if short {
            (HIGH, 0x00FF_FFFF_0000_0000)
        } else {
            (u64::MAX, FRAC56)
        };
        let sign = 1u64 << 63;
        let v = match op & 0x0F {
            0x0 => src & !sign, // LPxR
            0x1 => src | sign,  // LNxR
            0x2 => src,         // LTxR
            0x3 => src ^ sign,  // LCxR
            0x8 => src,         // LxR
            n => return self.float_arith(n, short, a, src & mask),
        };
        self.fpr[a] = (self.fpr[a] & !mask) | (v & mask);
        if op & 0x0F != 0x8 {
            self.float_cc(v, frac);
        }
        Ok(())
    }

    #[inline(never)]
    pub(crate) fn float_rx(&mut self, ib: Ib) -> R {
        let op = ib.b(0);
        if op == 0x67 {
            // MXD
            let a = xreg(r1(ib))?;
            let ea = self.ea_rx(ib);
            let v = self.read_u64(ea)?;
            return self.mxd(a, v);
        }
        let a = freg(r1(ib))?;
        let ea = self.ea_rx(ib);
        match op {
            0x60 => self.write_u64(ea, self.fpr[a])?,
            0x68 => self.fpr[a] = self.read_u64(ea)?,
            0x70 => self.write_u32(ea, (self.fpr[a] >> 32) as u32)?,
            0x78 => {
                let v = self.read_u32(ea)? as u64;
                self.fpr[a] = (self.fpr[a] & !HIGH) | (v << 32);
            }
            0x69..=0x6F => {
                let v = self.read_u64(ea)?;
                return self.float_arith(op & 0x0F, false, a, v);
            }
            0x79..=0x7F => {
                let v = self.read_u32(ea)? as u64;
                return self.float_arith(op & 0x0F, true, a, v << 32);
            }
            _ => return Err(Ex::Pgm(OPERATION)),
        }
        Ok(())
    }

    /// MXD/MXDR: long x long -> extended in the pair at index `a`.
    fn mxd(&mut self, a: usize, op2: u64) -> R {
        let x = Hfp::reg(self.fpr[a], LONG);
        let r = mul(x, Hfp::reg(op2, LONG), LONG, EXT, self.pmask);
        self.put_ext(a, r.h);
        done(r.pgm)
    }

    /// The arithmetic of opcodes x4, x9-xF on FPR index `a` and the second operand
    /// `op2` (a register image: short operands in the high 32 bits).
    fn float_arith(&mut self, nibble: u8, short: bool, a: usize, op2: u64) -> R {
        let digits = if short { SHORT } else { LONG };
        let x = Hfp::reg(self.fpr[a], digits);
        let y = Hfp::reg(op2, digits);
        let pmask = self.pmask;
        let r = match nibble {
            0x4 => halve(y, digits, pmask),
            0x9 => {
                self.cc = compare(x, y, digits);
                return Ok(());
            }
            0xA | 0xB | 0xE | 0xF => {
                let y = if nibble & 1 != 0 { y.negate() } else { y };
                let r = add(x, y, digits, nibble < 0xE, pmask);
                self.cc = r.h.cc();
                r
            }
            0xC if short => {
                // MER/ME: long product.
                let r = mul(x, y, SHORT, LONG, pmask);
                self.put_float(a, r.h, LONG);
                return done(r.pgm);
            }
            0xC => mul(x, y, LONG, LONG, pmask),
            0xD => div(x, y, digits, pmask).map_err(Ex::Pgm)?,
            _ => return Err(Ex::Pgm(OPERATION)),
        };
        self.put_float(a, r.h, digits);
        done(r.pgm)
    }
}

#[cfg(test)]
#[path = "tests_float.rs"]
mod tests;
