//! Fixed-point (binary integer) instructions: loads, stores, add, subtract, compare,
//! multiply, divide, shifts.
//!
//! Arithmetic is 32-bit two's complement. Condition codes:
//!
//! ```text
//!             cc0      cc1         cc2         cc3
//!  A/S/LCR    zero     < 0         > 0         overflow
//!  AL         zero     nonzero     zero,carry  nonzero,carry
//!  SL         -        nonzero     zero,carry  nonzero,carry     (carry = no borrow)
//!  C/CL       equal    first low   first high  -
//!  SLA/SLDA   zero     < 0         > 0         overflow (bits shifted out != sign)
//! ```
//!
//! Fixed-point overflow stores the (wrapped) result, sets cc 3 and, when program-mask
//! bit 36 is one, causes a program interruption that *completes* the instruction.
//! Fixed-point divide (code 9) *suppresses*: registers are unchanged. M, MR, D, DR and
//! the double shifts need an even R1 (specification exception).

use super::Cpu;
use super::exec::{Ex, FIXED_DIVIDE, FIXED_OVERFLOW, Ib, R, SPECIFICATION, r1, r2};

impl Cpu {
    /// cc from a signed result.
    #[inline(always)]
    pub(crate) fn cc_signed(&mut self, v: i32) {
        self.cc = match v {
            0 => 0,
            x if x < 0 => 1,
            _ => 2,
        };
    }

    /// cc 3 and, if enabled by the program mask, the overflow interruption.
    #[inline]
    pub(crate) fn fixed_overflow(&mut self) -> R {
        self.cc = 3;
        if self.pmask & 8 != 0 {
            Err(Ex::Pgm(FIXED_OVERFLOW))
        } else {
            Ok(())
        }
    }

    #[inline(always)]
    fn add_signed(&mut self, r: usize, b: u32) -> R {
        let (v, o) = (self.gpr[r] as i32).overflowing_add(b as i32);
        self.gpr[r] = v as u32;
        if o {
            return self.fixed_overflow();
        }
        self.cc_signed(v);
        Ok(())
    }

    #[inline(always)]
    fn sub_signed(&mut self, r: usize, b: u32) -> R {
        let (v, o) = (self.gpr[r] as i32).overflowing_sub(b as i32);
        self.gpr[r] = v as u32;
        if o {
            return self.fixed_overflow();
        }
        self.cc_signed(v);
        Ok(())
    }

    #[inline(always)]
    fn add_logical(&mut self, r: usize, b: u32) {
        let (v, carry) = self.gpr[r].overflowing_add(b);
        self.gpr[r] = v;
        self.cc = ((carry as u8) << 1) | (v != 0) as u8;
    }

    #[inline(always)]
    fn sub_logical(&mut self, r: usize, b: u32) {
        // a - b = a + !b + 1; carry out means "no borrow".
        let a = self.gpr[r] as u64;
        let sum = a + (!b) as u64 + 1;
        let v = sum as u32;
        let carry = sum >> 32 != 0;
        self.gpr[r] = v;
        self.cc = ((carry as u8) << 1) | (v != 0) as u8;
    }

    #[inline(always)]
    fn compare_signed(&mut self, a: i32, b: i32) {
        self.cc = match a.cmp(&b) {
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Less => 1,
            std::cmp::Ordering::Greater => 2,
        };
    }

    #[inline(always)]
    pub(crate) fn compare_unsigned<T: Ord>(&mut self, a: T, b: T) {
        self.cc = match a.cmp(&b) {
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Less => 1,
            std::cmp::Ordering::Greater => 2,
        };
    }

    #[inline]
    pub(crate) fn lpr(&mut self, ib: Ib) -> R {
        let v = self.gpr[r2(ib)] as i32;
        let (res, o) = v.overflowing_abs();
        self.gpr[r1(ib)] = res as u32;
        if o {
            return self.fixed_overflow();
        }
        self.cc_signed(res);
        Ok(())
    }

    #[inline]
    pub(crate) fn lnr(&mut self, ib: Ib) -> R {
        let v = self.gpr[r2(ib)] as i32;
        let res = if v > 0 { -v } else { v };
        self.gpr[r1(ib)] = res as u32;
        self.cc_signed(res);
        Ok(())
    }

    #[inline]
    pub(crate) fn ltr(&mut self, ib: Ib) -> R {
        let v = self.gpr[r2(ib)];
        self.gpr[r1(ib)] = v;
        self.cc_signed(v as i32);
        Ok(())
    }

    #[inline]
    pub(crate) fn lcr(&mut self, ib: Ib) -> R {
        let (res, o) = (self.gpr[r2(ib)] as i32).overflowing_neg();
        self.gpr[r1(ib)] = res as u32;
        if o {
            return self.fixed_overflow();
        }
        self.cc_signed(res);
        Ok(())
    }

    #[inline]
    pub(crate) fn ar(&mut self, ib: Ib) -> R {
        let b = self.gpr[r2(ib)];
        self.add_signed(r1(ib), b)
    }
    #[inline]
    pub(crate) fn sr(&mut self, ib: Ib) -> R {
        let b = self.gpr[r2(ib)];
        self.sub_signed(r1(ib), b)
    }
    #[inline]
    pub(crate) fn alr(&mut self, ib: Ib) -> R {
        let b = self.gpr[r2(ib)];
        self.add_logical(r1(ib), b);
        Ok(())
    }
    #[inline]
    pub(crate) fn slr(&mut self, ib: Ib) -> R {
        let b = self.gpr[r2(ib)];
        self.sub_logical(r1(ib), b);
        Ok(())
    }
    #[inline]
    pub(crate) fn cr_(&mut self, ib: Ib) -> R {
        self.compare_signed(self.gpr[r1(ib)] as i32, self.gpr[r2(ib)] as i32);
        Ok(())
    }
    #[inline]
    pub(crate) fn clr(&mut self, ib: Ib) -> R {
        self.compare_unsigned(self.gpr[r1(ib)], self.gpr[r2(ib)]);
        Ok(())
    }

    #[inline(always)]
    pub(crate) fn a(&mut self, ib: Ib) -> R {
        let b = self.read_u32(self.ea_rx(ib))?;
        self.add_signed(r1(ib), b)
    }
    #[inline]
    pub(crate) fn s(&mut self, ib: Ib) -> R {
        let b = self.read_u32(self.ea_rx(ib))?;
        self.sub_signed(r1(ib), b)
    }
    #[inline]
    pub(crate) fn ah(&mut self, ib: Ib) -> R {
        let b = self.read_u16(self.ea_rx(ib))? as i16 as u32;
        self.add_signed(r1(ib), b)
    }
    #[inline]
    pub(crate) fn sh(&mut self, ib: Ib) -> R {
        let b = self.read_u16(self.ea_rx(ib))? as i16 as u32;
        self.sub_signed(r1(ib), b)
    }
    #[inline]
    pub(crate) fn al(&mut self, ib: Ib) -> R {
        let b = self.read_u32(self.ea_rx(ib))?;
        self.add_logical(r1(ib), b);
        Ok(())
    }
    #[inline]
    pub(crate) fn sl(&mut self, ib: Ib) -> R {
        let b = self.read_u32(self.ea_rx(ib))?;
        self.sub_logical(r1(ib), b);
        Ok(())
    }
    #[inline]
    pub(crate) fn c(&mut self, ib: Ib) -> R {
        let b = self.read_u32(self.ea_rx(ib))?;
        self.compare_signed(self.gpr[r1(ib)] as i32, b as i32);
        Ok(())
    }
    #[inline]
    pub(crate) fn ch(&mut self, ib: Ib) -> R {
        let b = self.read_u16(self.ea_rx(ib))? as i16 as i32;
        self.compare_signed(self.gpr[r1(ib)] as i32, b);
        Ok(())
    }
    #[inline]
    pub(crate) fn cl(&mut self, ib: Ib) -> R {
        let b = self.read_u32(self.ea_rx(ib))?;
        self.compare_unsigned(self.gpr[r1(ib)], b);
        Ok(())
    }

    #[inline(always)]
    pub(crate) fn l(&mut self, ib: Ib) -> R {
        self.gpr[r1(ib)] = self.read_u32(self.ea_rx(ib))?;
        Ok(())
    }
    #[inline]
    pub(crate) fn lh(&mut self, ib: Ib) -> R {
        self.gpr[r1(ib)] = self.read_u16(self.ea_rx(ib))? as i16 as u32;
        Ok(())
    }
    #[inline(always)]
    pub(crate) fn st(&mut self, ib: Ib) -> R {
        self.write_u32(self.ea_rx(ib), self.gpr[r1(ib)])?;
        Ok(())
    }
    #[inline]
    pub(crate) fn sth(&mut self, ib: Ib) -> R {
        self.write_u16(self.ea_rx(ib), self.gpr[r1(ib)] as u16)?;
        Ok(())
    }
    #[inline]
    pub(crate) fn stc(&mut self, ib: Ib) -> R {
        self.write_u8(self.ea_rx(ib), self.gpr[r1(ib)] as u8)?;
        Ok(())
    }
    #[inline]
    pub(crate) fn ic(&mut self, ib: Ib) -> R {
        let b = self.read_u8(self.ea_rx(ib))?;
        let r = r1(ib);
        self.gpr[r] = (self.gpr[r] & 0xFFFF_FF00) | b as u32;
        Ok(())
    }

    /// Product of R1+1 and `b` into the even/odd pair R1.
    fn multiply_pair(&mut self, r: usize, b: u32) -> R {
        if r & 1 != 0 {
            return Err(Ex::Pgm(SPECIFICATION));
        }
        let p = (self.gpr[r + 1] as i32 as i64) * (b as i32 as i64);
        self.gpr[r] = (p >> 32) as u32;
        self.gpr[r + 1] = p as u32;
        Ok(())
    }
    #[inline(never)]
    pub(crate) fn mr(&mut self, ib: Ib) -> R {
        let b = self.gpr[r2(ib)];
        self.multiply_pair(r1(ib), b)
    }
    #[inline(never)]
    pub(crate) fn m(&mut self, ib: Ib) -> R {
        if r1(ib) & 1 != 0 {
            return Err(Ex::Pgm(SPECIFICATION));
        }
        let b = self.read_u32(self.ea_rx(ib))?;
        self.multiply_pair(r1(ib), b)
    }
    #[inline(never)]
    pub(crate) fn mh(&mut self, ib: Ib) -> R {
        let b = self.read_u16(self.ea_rx(ib))? as i16 as i32;
        let r = r1(ib);
        self.gpr[r] = (self.gpr[r] as i32).wrapping_mul(b) as u32;
        Ok(())
    }

    /// Divide the pair R1 by `b`: remainder to R1, quotient to R1+1.
    fn divide_pair(&mut self, r: usize, b: u32) -> R {
        if r & 1 != 0 {
            return Err(Ex::Pgm(SPECIFICATION));
        }
        let dividend = (((self.gpr[r] as u64) << 32) | self.gpr[r + 1] as u64) as i64;
        let divisor = b as i32 as i64;
        let (Some(q), Some(rem)) = (dividend.checked_div(divisor), dividend.checked_rem(divisor))
        else {
            return Err(Ex::Pgm(FIXED_DIVIDE));
        };
        if q < i32::MIN as i64 || q > i32::MAX as i64 {
            return Err(Ex::Pgm(FIXED_DIVIDE));
        }
        self.gpr[r] = rem as u32;
        self.gpr[r + 1] = q as u32;
        Ok(())
    }
    #[inline(never)]
    pub(crate) fn dr(&mut self, ib: Ib) -> R {
        let b = self.gpr[r2(ib)];
        self.divide_pair(r1(ib), b)
    }
    #[inline(never)]
    pub(crate) fn d(&mut self, ib: Ib) -> R {
        if r1(ib) & 1 != 0 {
            return Err(Ex::Pgm(SPECIFICATION));
        }
        let b = self.read_u32(self.ea_rx(ib))?;
        self.divide_pair(r1(ib), b)
    }

    /// SRL SLL SRA SLA SRDL SLDL SRDA SLDA (88-8F): the shift amount is the low six
    /// bits of the second-operand address.
    #[inline(never)]
    pub(crate) fn shift(&mut self, ib: Ib) -> R {
        let n = self.ea1(ib) & 63;
        let r = r1(ib);
        let op = ib.b(0);
        if op >= 0x8C {
            if r & 1 != 0 {
                return Err(Ex::Pgm(SPECIFICATION));
            }
            let v = ((self.gpr[r] as u64) << 32) | self.gpr[r + 1] as u64;
            let res: u64 = match op {
                0x8C => v.checked_shr(n).unwrap_or(0),
                0x8D => v.checked_shl(n).unwrap_or(0),
                0x8E => ((v as i64) >> n) as u64,
                _ => {
                    let wide = (v as i64 as i128) << n;
                    let out = (v & (1 << 63)) | ((v << n) & !(1 << 63));
                    self.gpr[r] = (out >> 32) as u32;
                    self.gpr[r + 1] = out as u32;
                    if wide < i64::MIN as i128 || wide > i64::MAX as i128 {
                        return self.fixed_overflow();
                    }
                    self.cc = cc_of_i64(out as i64);
                    return Ok(());
                }
            };
            self.gpr[r] = (res >> 32) as u32;
            self.gpr[r + 1] = res as u32;
            if op == 0x8E {
                self.cc = cc_of_i64(res as i64);
            }
        } else {
            let v = self.gpr[r];
            match op {
                0x88 => self.gpr[r] = v.checked_shr(n).unwrap_or(0),
                0x89 => self.gpr[r] = v.checked_shl(n).unwrap_or(0),
                0x8A => {
                    let res = (v as i32) >> n.min(31);
                    self.gpr[r] = res as u32;
                    self.cc_signed(res);
                }
                _ => {
                    let wide = (v as i32 as i128) << n;
                    let out = (v & 0x8000_0000) | (v.checked_shl(n).unwrap_or(0) & 0x7FFF_FFFF);
                    self.gpr[r] = out;
                    if wide < i32::MIN as i128 || wide > i32::MAX as i128 {
                        return self.fixed_overflow();
                    }
                    self.cc_signed(out as i32);
                }
            }
        }
        Ok(())
    }

    /// STM: R1 through R3 (wrapping past 15) to consecutive words.
    #[inline(never)]
    pub(crate) fn stm(&mut self, ib: Ib) -> R {
        let a = self.ea1(ib);
        let (first, count) = (r1(ib), ((r2(ib) + 16 - r1(ib)) & 15) + 1);
        let span = self.span(a, count * 4, true)?;
        for i in 0..count {
            let v = self.gpr[(first + i) & 15].to_be_bytes();
            for (j, b) in v.iter().enumerate() {
                self.set_abs_byte(span.at(i * 4 + j), *b);
            }
        }
        Ok(())
    }

    /// LM: consecutive words to R1 through R3 (all fetched before any is changed).
    #[inline(never)]
    pub(crate) fn lm(&mut self, ib: Ib) -> R {
        let a = self.ea1(ib);
        let (first, count) = (r1(ib), ((r2(ib) + 16 - r1(ib)) & 15) + 1);
        let span = self.span(a, count * 4, false)?;
        for i in 0..count {
            let mut w = [0u8; 4];
            for (j, b) in w.iter_mut().enumerate() {
                *b = self.abs_byte(span.at(i * 4 + j));
            }
            self.gpr[(first + i) & 15] = u32::from_be_bytes(w);
        }
        Ok(())
    }
}

fn cc_of_i64(v: i64) -> u8 {
    match v {
        0 => 0,
        x if x < 0 => 1,
        _ => 2,
    }
}
