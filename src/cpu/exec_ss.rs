//! Storage-to-storage character instructions: MVC, MVN, MVZ, NC, OC, XC, CLC, TR, TRT,
//! and the long ones, MVCL and CLCL.
//!
//! SS operands are 1-256 bytes (length code + 1). Both operands are checked for
//! access in full before anything is stored, so an access exception suppresses (or,
//! for page faults, nullifies) with storage unchanged. The operation itself goes one
//! byte at a time, left to right, which is what gives overlapping MVC its defined
//! effect (`MVC 1(79,R),0(R)` propagates the first byte).
//!
//! MVCL / CLCL registers (R1, R2 even; specification exception otherwise):
//!
//! ```text
//!  R1   | 00 |   first-operand address (24)    R1+1 | 00  | first-operand length (24)
//!  R2   | 00 |  second-operand address (24)    R2+1 | pad | second-operand length (24)
//! ```
//!
//! MVCL: cc from the lengths before the move (0 equal, 1 first shorter, 2 first
//! longer); cc 3 and no move when the operands overlap destructively (the first
//! operand starts inside the part of the second operand that would be moved, after its
//! first byte). The first operand is filled from the second and then with the pad.
//! The registers are updated as the move proceeds (in 2K chunks), so an access
//! exception part way leaves them describing what is left: the instruction can be
//! resumed from the old PSW after a page fault, as on hardware.
//!
//! CLCL compares with the shorter operand extended by the pad; on inequality the
//! registers address the first unequal byte (cc 1 first low, cc 2 first high).

use super::exec::{Ex, Ib, R, SPECIFICATION, r1, r2};
use super::{AMASK, Cpu};

impl Cpu {
    /// MVC, MVN, MVZ: `f(destination byte, source byte)`.
    pub(crate) fn ss_move(&mut self, ib: Ib, f: fn(u8, u8) -> u8) -> R {
        let len = ib.b(1) as usize + 1;
        // Which operand's access exception is recognized first is unpredictable (POO
        // priorities 8.B and 8.C); MVC takes the second operand first, MVN and MVZ the
        // first, as Hercules 3.13 does.
        let (d, s) = if ib.b(0) == 0xD2 {
            let s = self.span(self.ea2(ib), len, false)?;
            (self.span(self.ea1(ib), len, true)?, s)
        } else {
            let d = self.span(self.ea1(ib), len, true)?;
            (d, self.span(self.ea2(ib), len, false)?)
        };
        if ib.b(0) == 0xD2 && d.n0 >= len && s.n0 >= len {
            let (da, sa) = (d.at(0), s.at(0));
            if da <= sa || da >= sa + len {
                // No byte is read after it was stored: a plain forward copy.
                self.mem.bytes_mut().copy_within(sa..sa + len, da);
                return Ok(());
            }
        }
        for i in 0..len {
            let (da, sa) = (d.at(i), s.at(i));
            let v = f(self.abs_byte(da), self.abs_byte(sa));
            self.set_abs_byte(da, v);
        }
        Ok(())
    }

    /// NC, OC, XC.
    #[inline(never)]
    pub(crate) fn ss_logical(&mut self, ib: Ib, f: fn(u8, u8) -> u8) -> R {
        let len = ib.b(1) as usize + 1;
        // Operand order of the access checks (unpredictable in the POO): the second
        // operand first for one byte, else the first, as Hercules 3.13 does.
        let (d, s) = if len == 1 {
            let s = self.span(self.ea2(ib), len, false)?;
            (self.span(self.ea1(ib), len, true)?, s)
        } else {
            let d = self.span(self.ea1(ib), len, true)?;
            (d, self.span(self.ea2(ib), len, false)?)
        };
        let mut any = 0u8;
        for i in 0..len {
            let (da, sa) = (d.at(i), s.at(i));
            let v = f(self.abs_byte(da), self.abs_byte(sa));
            any |= v;
            self.set_abs_byte(da, v);
        }
        self.cc = (any != 0) as u8;
        Ok(())
    }

    pub(crate) fn clc(&mut self, ib: Ib) -> R {
        let len = ib.b(1) as usize + 1;
        let a = self.span(self.ea1(ib), len, false)?;
        let b = self.span(self.ea2(ib), len, false)?;
        if a.n0 >= len && b.n0 >= len {
            // Both operands contiguous: one slice compare (unsigned, left to right).
            let m = self.mem.bytes();
            if let (Some(x), Some(y)) = (m.get(a.a0..a.a0 + len), m.get(b.a0..b.a0 + len)) {
                self.cc = match x.cmp(y) {
                    std::cmp::Ordering::Equal => 0,
                    std::cmp::Ordering::Less => 1,
                    std::cmp::Ordering::Greater => 2,
                };
                return Ok(());
            }
        }
        self.cc = 0;
        for i in 0..len {
            let (x, y) = (self.abs_byte(a.at(i)), self.abs_byte(b.at(i)));
            if x != y {
                self.cc = if x < y { 1 } else { 2 };
                break;
            }
        }
        Ok(())
    }

    #[inline(never)]
    pub(crate) fn tr(&mut self, ib: Ib) -> R {
        let len = ib.b(1) as usize + 1;
        let d = self.span(self.ea1(ib), len, true)?;
        let table = self.ea2(ib);
        // First make sure every table byte that will be used is accessible.
        for i in 0..len {
            let arg = self.abs_byte(d.at(i)) as u32;
            self.access((table + arg) & AMASK, false)?;
        }
        for i in 0..len {
            let da = d.at(i);
            let arg = self.abs_byte(da) as u32;
            let ta = self.access((table + arg) & AMASK, false)?;
            let v = self.abs_byte(ta);
            self.set_abs_byte(da, v);
        }
        Ok(())
    }

    #[inline(never)]
    pub(crate) fn trt(&mut self, ib: Ib) -> R {
        let len = ib.b(1) as usize + 1;
        let a1 = self.ea1(ib);
        let s = self.span(a1, len, false)?;
        let table = self.ea2(ib);
        for i in 0..len {
            let arg = self.abs_byte(s.at(i)) as u32;
            let ta = self.access((table + arg) & AMASK, false)?;
            let f = self.abs_byte(ta);
            if f != 0 {
                self.gpr[1] = (self.gpr[1] & 0xFF00_0000) | ((a1 + i as u32) & AMASK);
                self.gpr[2] = (self.gpr[2] & 0xFFFF_FF00) | f as u32;
                self.cc = if i == len - 1 { 2 } else { 1 };
                return Ok(());
            }
        }
        self.cc = 0;
        Ok(())
    }

    #[inline(never)]
    pub(crate) fn mvcl(&mut self, ib: Ib) -> R {
        let (r, r2_) = (r1(ib), r2(ib));
        if r & 1 != 0 || r2_ & 1 != 0 {
            return Err(Ex::Pgm(SPECIFICATION));
        }
        let mut d = self.gpr[r] & AMASK;
        let mut dl = self.gpr[r + 1] & AMASK;
        let mut s = self.gpr[r2_] & AMASK;
        let mut sl = self.gpr[r2_ + 1] & AMASK;
        let pad = (self.gpr[r2_ + 1] >> 24) as u8;
        let cc = match dl.cmp(&sl) {
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Less => 1,
            std::cmp::Ordering::Greater => 2,
        };
        let moved = dl.min(sl);
        let dist = d.wrapping_sub(s) & AMASK;
        if dist != 0 && dist < moved {
            // Destructive overlap: no movement, cc 3; bits 0-7 of R1 and R2 are still
            // set to zeros (as Hercules 3.13 does, and the later POOs say).
            self.gpr[r] &= AMASK;
            self.gpr[r2_] &= AMASK;
            self.cc = 3;
            return Ok(());
        }
        let mut result = Ok(());
        while dl > 0 {
            let room_d = 0x800 - (d & 0x7FF);
            let chunk = if sl > 0 {
                let room_s = 0x800 - (s & 0x7FF);
                dl.min(sl).min(room_d).min(room_s)
            } else {
                dl.min(room_d)
            };
            // The source is checked before the destination (the POO leaves the order
            // of the two operands' access exceptions unpredictable; Hercules 3.13). A
            // unit whose source access fails so stores nothing: no PER alteration.
            let sa = if sl > 0 {
                match self.access(s, false) {
                    Ok(a) => a,
                    Err(e) => {
                        result = Err(Ex::Pgm(e));
                        break;
                    }
                }
            } else {
                0
            };
            let da = match self.access_len(d, chunk, true) {
                Ok(a) => a,
                Err(e) => {
                    result = Err(Ex::Pgm(e));
                    break;
                }
            };
            if sl > 0 {
                let n = chunk as usize;
                if da + n <= self.mem.bytes().len() && sa + n <= self.mem.bytes().len() {
                    self.mem.bytes_mut().copy_within(sa..sa + n, da);
                }
                s = (s + chunk) & AMASK;
                sl -= chunk;
            } else if let Some(dst) = self.mem.bytes_mut().get_mut(da..da + chunk as usize) {
                dst.fill(pad);
            }
            d = (d + chunk) & AMASK;
            dl -= chunk;
        }
        if result.is_err() && dl == self.gpr[r + 1] & AMASK {
            // An exception before the first byte: the instruction is suppressed and
            // the registers stay as they were.
            return result;
        }
        self.gpr[r] = d;
        // Bits 0-7 of R1+1 are ignored and remain unchanged.
        self.gpr[r + 1] = (self.gpr[r + 1] & !AMASK) | dl;
        self.gpr[r2_] = s;
        self.gpr[r2_ + 1] = ((pad as u32) << 24) | sl;
        if result.is_ok() {
            self.cc = cc;
        }
        result
    }

    #[inline(never)]
    pub(crate) fn clcl(&mut self, ib: Ib) -> R {
        let (r, r2_) = (r1(ib), r2(ib));
        if r & 1 != 0 || r2_ & 1 != 0 {
            return Err(Ex::Pgm(SPECIFICATION));
        }
        let mut a = self.gpr[r] & AMASK;
        let mut al = self.gpr[r + 1] & AMASK;
        let mut b = self.gpr[r2_] & AMASK;
        let mut bl = self.gpr[r2_ + 1] & AMASK;
        let pad = (self.gpr[r2_ + 1] >> 24) as u8;
        let mut cc = 0;
        let mut result = Ok(());
        while al > 0 || bl > 0 {
            let x = if al > 0 {
                match self.access(a, false) {
                    Ok(p) => self.abs_byte(p),
                    Err(e) => {
                        result = Err(Ex::Pgm(e));
                        break;
                    }
                }
            } else {
                pad
            };
            let y = if bl > 0 {
                match self.access(b, false) {
                    Ok(p) => self.abs_byte(p),
                    Err(e) => {
                        result = Err(Ex::Pgm(e));
                        break;
                    }
                }
            } else {
                pad
            };
            if x != y {
                cc = if x < y { 1 } else { 2 };
                break;
            }
            if al > 0 {
                a = (a + 1) & AMASK;
                al -= 1;
            }
            if bl > 0 {
                b = (b + 1) & AMASK;
                bl -= 1;
            }
        }
        if result.is_err() && al == self.gpr[r + 1] & AMASK && bl == self.gpr[r2_ + 1] & AMASK {
            // An exception before the first byte: the instruction is suppressed and
            // the registers stay as they were.
            return result;
        }
        self.gpr[r] = a;
        // Bits 0-7 of R1+1 are ignored and remain unchanged.
        self.gpr[r + 1] = (self.gpr[r + 1] & !AMASK) | al;
        self.gpr[r2_] = b;
        self.gpr[r2_ + 1] = ((pad as u32) << 24) | bl;
        if result.is_ok() {
            self.cc = cc;
        }
        result
    }
}
