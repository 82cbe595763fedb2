//! Decimal instructions: AP, SP, ZAP, CP, MP, DP, SRP, PACK, UNPK, MVO, ED, EDMK,
//! CVB, CVD.
//!
//! Packed decimal, 1-16 bytes, two digits a byte, the last half-byte the sign:
//!
//! ```text
//!  | d d | d d | ... | d s |      digits 0-9; sign A C E F = plus, B D = minus
//! ```
//!
//! Results get the preferred signs C (plus) and D (minus); a zero result is plus.
//! An invalid digit or sign is a data exception (7, suppression, storage unchanged).
//! Decimal overflow (cc 3) stores the rightmost digits and interrupts with code X'0A'
//! when program-mask bit 37 is one. MP and DP need the second length <= 8 bytes and
//! less than the first (specification); DP by zero or with too large a quotient is a
//! decimal-divide exception (X'0B'). Values are held in `i128` (31 digits < 2^103).
//!
//! CVB: a result outside 32 bits stores the low-order bits and gives a fixed-point
//! divide exception. ED/EDMK follow the pattern rules of the POO: X'20' digit
//! selector, X'21' significance starter, X'22' field separator, anything else a
//! message byte; the fill byte is the first pattern byte.

use super::exec::{
    DATA, DECIMAL_DIVIDE, DECIMAL_OVERFLOW, Ex, FIXED_DIVIDE, Ib, OPERATION, R, SPECIFICATION, r1,
};
use super::{AMASK, Cpu};

const POW10: [i128; 32] = {
    let mut t = [1i128; 32];
    let mut i = 1;
    while i < 32 {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

/// Parse packed bytes; None if a digit or the sign is invalid.
fn parse_packed(b: &[u8]) -> Option<i128> {
    let mut v: i128 = 0;
    let n = b.len();
    for (i, byte) in b.iter().enumerate() {
        let hi = byte >> 4;
        if hi > 9 {
            return None;
        }
        v = v * 10 + hi as i128;
        let lo = byte & 0xF;
        if i + 1 == n {
            if lo < 0xA {
                return None;
            }
            if lo == 0xB || lo == 0xD {
                v = -v;
            }
        } else {
            if lo > 9 {
                return None;
            }
            v = v * 10 + lo as i128;
        }
    }
    Some(v)
}

/// A decimal operand or result of 1-16 bytes (the most a length field can say), held
/// on the stack: the decimal instructions allocate nothing. It derefs to its bytes.
#[derive(Clone, Copy)]
struct Field {
    buf: [u8; 16],
    len: usize,
}

impl Field {
    /// `len` zero bytes (at most 16).
    fn zeros(len: usize) -> Field {
        Field {
            buf: [0; 16],
            len: len.min(16),
        }
    }
}

impl std::ops::Deref for Field {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

impl std::ops::DerefMut for Field {
    fn deref_mut(&mut self) -> &mut [u8] {
        &mut self.buf[..self.len]
    }
}

/// Format `v` into `len` packed bytes; true if significant digits were lost.
fn format_packed(v: i128, len: usize) -> (Field, bool) {
    let digits = len * 2 - 1;
    let mut mag = v.unsigned_abs();
    let overflow = mag >= POW10[digits.min(31)] as u128;
    let mut out = Field::zeros(len);
    let sign = if v < 0 { 0xD } else { 0xC };
    out[len - 1] = ((mag % 10) as u8) << 4 | sign;
    mag /= 10;
    for i in (0..len - 1).rev() {
        let lo = (mag % 10) as u8;
        mag /= 10;
        let hi = (mag % 10) as u8;
        mag /= 10;
        out[i] = hi << 4 | lo;
    }
    (out, overflow)
}

/// Give a formatted packed field the preferred sign: D if `negative`, else C.
fn set_sign(field: &mut [u8], negative: bool) {
    if let Some(last) = field.last_mut() {
        *last = (*last & 0xF0) | if negative { 0xD } else { 0xC };
    }
}

impl Cpu {
    /// Read an operand of `len` (1-16) bytes at `a`.
    fn read_field(&mut self, a: u32, len: usize) -> Result<Field, Ex> {
        let s = self.span(a, len, false)?;
        let mut f = Field::zeros(len);
        for (i, b) in f.iter_mut().enumerate() {
            *b = self.abs_byte(s.at(i));
        }
        Ok(f)
    }

    fn write_field(&mut self, a: u32, data: &[u8]) -> R {
        let s = self.span(a, data.len(), true)?;
        for (i, b) in data.iter().enumerate() {
            self.set_abs_byte(s.at(i), *b);
        }
        Ok(())
    }

    fn packed(&mut self, a: u32, len: usize) -> Result<i128, Ex> {
        let b = self.read_field(a, len)?;
        parse_packed(&b).ok_or(Ex::Pgm(DATA))
    }

    /// Is the sign of the (already validated) packed field at `a` minus (B or D)?
    fn packed_negative(&mut self, a: u32, len: usize) -> Result<bool, Ex> {
        let b = self.read_field((a + len as u32 - 1) & AMASK, 1)?;
        Ok(matches!(b[0] & 0xF, 0xB | 0xD))
    }

    /// Store a decimal result with cc and overflow handling.
    fn store_decimal(&mut self, a: u32, len: usize, v: i128) -> R {
        let (bytes, overflow) = format_packed(v, len);
        self.write_field(a, &bytes)?;
        if overflow {
            self.cc = 3;
            if self.pmask & 4 != 0 {
                return Err(Ex::Pgm(DECIMAL_OVERFLOW));
            }
        } else {
            self.cc = match v {
                0 => 0,
                x if x < 0 => 1,
                _ => 2,
            };
        }
        Ok(())
    }

    /// F0-FD.
    #[inline(never)]
    pub(crate) fn decimal(&mut self, ib: Ib) -> R {
        let (a1, a2) = (self.ea1(ib), self.ea2(ib));
        let l1 = (ib.b(1) >> 4) as usize + 1;
        let l2 = (ib.b(1) & 15) as usize + 1;
        // The operands are taken one after the other (fetch access and validity of
        // the first, then of the second, then the store), as on Hercules 3.13; SRP
        // checks access to its operand before the rounding digit.
        if matches!(ib.b(0), 0xFC | 0xFD) && (l2 > 8 || l2 >= l1) {
            return Err(Ex::Pgm(SPECIFICATION));
        }
        if ib.b(0) == 0xF0 {
            self.span(a1, l1, false)?;
        }
        match ib.b(0) {
            0xF0 => self.srp(a1, l1, a2, ib.b(1) & 15),
            0xF1 => self.mvo(a1, l1, a2, l2),
            0xF2 => self.pack(a1, l1, a2, l2),
            0xF3 => self.unpk(a1, l1, a2, l2),
            0xF8 => {
                let v = self.packed(a2, l2)?;
                self.span(a1, l1, true)?;
                self.store_decimal(a1, l1, v)
            }
            0xF9 => {
                let x = self.packed(a1, l1)?;
                let y = self.packed(a2, l2)?;
                self.compare_unsigned(x, y);
                Ok(())
            }
            0xFA | 0xFB => {
                let x = self.packed(a1, l1)?;
                let y = self.packed(a2, l2)?;
                self.span(a1, l1, true)?;
                let v = if ib.b(0) == 0xFA { x + y } else { x - y };
                self.store_decimal(a1, l1, v)
            }
            0xFC => {
                if l2 > 8 || l2 >= l1 {
                    return Err(Ex::Pgm(SPECIFICATION));
                }
                let x = self.packed(a1, l1)?;
                let y = self.packed(a2, l2)?;
                // The multiplicand needs l2 bytes of leading zeros.
                if x.unsigned_abs() >= POW10[(l1 - l2) * 2 - 1] as u128 {
                    return Err(Ex::Pgm(DATA));
                }
                self.span(a1, l1, true)?;
                // The product's sign follows the rules of algebra even for zeros.
                let neg = self.packed_negative(a1, l1)? != self.packed_negative(a2, l2)?;
                let (mut bytes, _) = format_packed(x * y, l1);
                set_sign(&mut bytes, neg);
                self.write_field(a1, &bytes)
            }
            0xFD => {
                if l2 > 8 || l2 >= l1 {
                    return Err(Ex::Pgm(SPECIFICATION));
                }
                let x = self.packed(a1, l1)?;
                let y = self.packed(a2, l2)?;
                if y == 0 {
                    return Err(Ex::Pgm(DECIMAL_DIVIDE));
                }
                let (q, r) = (x / y, x % y);
                let ql = l1 - l2;
                if q.unsigned_abs() >= POW10[ql * 2 - 1] as u128 {
                    return Err(Ex::Pgm(DECIMAL_DIVIDE));
                }
                self.span(a1, l1, true)?;
                let (mut qb, _) = format_packed(q, ql);
                let (mut rb, _) = format_packed(r, l2);
                // The remainder keeps the dividend's sign, the quotient gets the
                // algebraic one: even when they are zero (POO).
                let (xn, yn) = (self.packed_negative(a1, l1)?, self.packed_negative(a2, l2)?);
                set_sign(&mut qb, xn != yn);
                set_sign(&mut rb, xn);
                let mut out = Field::zeros(l1);
                out[..ql].copy_from_slice(&qb);
                out[ql..].copy_from_slice(&rb);
                self.write_field(a1, &out)
            }
            _ => Err(Ex::Pgm(OPERATION)),
        }
    }

    fn srp(&mut self, a1: u32, l1: usize, a2: u32, round: u8) -> R {
        if round > 9 {
            return Err(Ex::Pgm(DATA));
        }
        let v = self.packed(a1, l1)?;
        self.span(a1, l1, true)?;
        let shift = ((a2 & 0x3F) as i32) << 26 >> 26; // six-bit signed
        let res = if shift >= 0 {
            let n = shift as usize;
            let digits = l1 * 2 - 1;
            let mag = v.unsigned_abs();
            // Digits shifted out on the left: the kept ones and the lost ones.
            let (kept, lost) = if n >= digits {
                (0, mag)
            } else {
                let keep = POW10[digits - n] as u128;
                ((mag % keep) * POW10[n] as u128, mag / keep)
            };
            if lost != 0 {
                // Overflow: the result keeps the original sign, even when zero.
                let (mut bytes, _) = format_packed(kept as i128, l1);
                set_sign(&mut bytes, self.packed_negative(a1, l1)?);
                self.write_field(a1, &bytes)?;
                return self.decimal_overflow();
            }
            if v < 0 { -(kept as i128) } else { kept as i128 }
        } else {
            let n = (-shift) as usize;
            let mag = v.unsigned_abs() as i128;
            // A right shift of 32 (shift field X'20') moves all 31 digits and the
            // rounding position out: the result is zero.
            let r = if n >= POW10.len() {
                0
            } else {
                (mag + round as i128 * POW10[n - 1]) / POW10[n]
            };
            if v < 0 { -r } else { r }
        };
        self.store_decimal(a1, l1, res)
    }

    fn decimal_overflow(&mut self) -> R {
        self.cc = 3;
        if self.pmask & 4 != 0 {
            Err(Ex::Pgm(DECIMAL_OVERFLOW))
        } else {
            Ok(())
        }
    }

    fn pack(&mut self, a1: u32, l1: usize, a2: u32, l2: usize) -> R {
        let src = self.read_field(a2, l2)?;
        self.span(a1, l1, true)?;
        let mut out = Field::zeros(l1);
        let last = src[l2 - 1];
        out[l1 - 1] = last.rotate_right(4);
        // Remaining source digits (low nibbles), right to left, two per byte.
        let mut digits = src[..l2 - 1].iter().rev().map(|b| b & 0xF);
        for o in out[..l1 - 1].iter_mut().rev() {
            let lo = digits.next().unwrap_or(0);
            let hi = digits.next().unwrap_or(0);
            *o = hi << 4 | lo;
        }
        self.write_field(a1, &out)
    }

    fn unpk(&mut self, a1: u32, l1: usize, a2: u32, l2: usize) -> R {
        let src = self.read_field(a2, l2)?;
        self.span(a1, l1, true)?;
        let mut out = Field::zeros(l1);
        let last = src[l2 - 1];
        out[l1 - 1] = last.rotate_right(4);
        let mut digits = src[..l2 - 1].iter().rev().flat_map(|b| [b & 0xF, b >> 4]);
        for o in out[..l1 - 1].iter_mut().rev() {
            *o = 0xF0 | digits.next().unwrap_or(0);
        }
        self.write_field(a1, &out)
    }

    fn mvo(&mut self, a1: u32, l1: usize, a2: u32, l2: usize) -> R {
        let src = self.read_field(a2, l2)?;
        let dst = self.read_field(a1, l1)?;
        self.span(a1, l1, true)?;
        let mut out = Field::zeros(l1);
        // Second operand digits, shifted one half-byte left, keep the first's sign.
        let mut nibbles = src.iter().rev().flat_map(|b| [b & 0xF, b >> 4]);
        out[l1 - 1] = (nibbles.next().unwrap_or(0) << 4) | (dst[l1 - 1] & 0xF);
        for o in out[..l1 - 1].iter_mut().rev() {
            let lo = nibbles.next().unwrap_or(0);
            let hi = nibbles.next().unwrap_or(0);
            *o = hi << 4 | lo;
        }
        self.write_field(a1, &out)
    }

    #[inline(never)]
    pub(crate) fn cvb(&mut self, ib: Ib) -> R {
        let a = self.ea_rx(ib);
        let v = self.packed(a, 8)?;
        self.gpr[r1(ib)] = v as u32;
        if v < i32::MIN as i128 || v > i32::MAX as i128 {
            return Err(Ex::Pgm(FIXED_DIVIDE));
        }
        Ok(())
    }

    #[inline(never)]
    pub(crate) fn cvd(&mut self, ib: Ib) -> R {
        let a = self.ea_rx(ib);
        let (bytes, _) = format_packed(self.gpr[r1(ib)] as i32 as i128, 8);
        self.write_field(a, &bytes)
    }

    /// ED (`mark` = false) and EDMK.
    #[inline(never)]
    pub(crate) fn ed(&mut self, ib: Ib, mark: bool) -> R {
        let len = ib.b(1) as usize + 1;
        let a1 = self.ea1(ib);
        let mut src = self.ea2(ib);
        // Byte by byte, as Hercules 3.13 does it (the POO lets an exception terminate
        // the operation): each result byte is stored before the next pattern byte is
        // taken, and EDMK sets R1 as soon as significance starts, so an exception (an
        // invalid digit, an access exception for the source or the result) leaves
        // the bytes before it edited and R1 set.
        let f = self.span(a1, len, false)?;
        // The pattern (at most 256 bytes) is copied to the stack: no allocation.
        let mut buf = [0u8; 256];
        let pattern = &mut buf[..len];
        for (i, p) in pattern.iter_mut().enumerate() {
            *p = self.abs_byte(f.at(i));
        }
        let pattern = &*pattern;
        let fill = pattern[0];
        let (mut sig, mut nonzero) = (false, false);
        let mut pending: Option<u8> = None; // source byte whose right digit is next
        for (i, &p) in pattern.iter().enumerate() {
            let at = (a1 + i as u32) & AMASK;
            let out = match p {
                0x20 | 0x21 => {
                    let (digit, fetched) = match pending.take() {
                        Some(b) => (b & 0xF, None),
                        None => {
                            let b = self.read_u8(src)?;
                            src = (src + 1) & AMASK;
                            (b >> 4, Some(b))
                        }
                    };
                    if digit > 9 {
                        return Err(Ex::Pgm(DATA));
                    }
                    let out = if sig || digit != 0 {
                        if !sig && mark {
                            self.gpr[1] = (self.gpr[1] & 0xFF00_0000) | at;
                            self.per_gr_placed(1);
                        }
                        0xF0 | digit
                    } else {
                        fill
                    };
                    nonzero |= digit != 0;
                    let mut next_sig = sig || digit != 0 || p == 0x21;
                    if let Some(b) = fetched {
                        let lo = b & 0xF;
                        if lo >= 0xA {
                            // A sign in the right half: plus turns significance off.
                            if lo != 0xB && lo != 0xD {
                                next_sig = false;
                            }
                        } else {
                            pending = Some(b);
                        }
                    }
                    sig = next_sig;
                    out
                }
                0x22 => {
                    sig = false;
                    nonzero = false;
                    fill
                }
                _ if sig => p,
                _ => fill,
            };
            let d = self.span(at, 1, true)?;
            self.set_abs_byte(d.at(0), out);
        }
        self.cc = match (nonzero, sig) {
            (false, _) => 0,
            (true, true) => 1,
            (true, false) => 2,
        };
        Ok(())
    }
}
