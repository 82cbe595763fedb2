//! Logical instructions on registers and single storage bytes/words: AND, OR,
//! EXCLUSIVE OR, TEST UNDER MASK, COMPARE LOGICAL IMMEDIATE / CHARACTERS UNDER MASK,
//! INSERT/STORE CHARACTERS UNDER MASK, TEST AND SET, COMPARE AND SWAP (DOUBLE).
//!
//! ```text
//!  N/O/X      cc0 result zero        cc1 result nonzero
//!  TM         cc0 selected bits 0 (or mask 0)   cc1 mixed   cc3 all ones
//!  ICM        cc0 inserted bits 0 (or mask 0)   cc1 leftmost inserted bit 1   cc2 else
//!  TS         cc = leftmost bit of the byte before it is set to X'FF'
//!  CS/CDS     cc0 equal (R3 stored)   cc1 unequal (storage loaded into R1)
//! ```
//!
//! CS needs a word-aligned operand, CDS a doubleword-aligned one and even R1 and R3
//! (specification exception otherwise). The mask instructions (ICM, STCM, CLM) select
//! bytes of the register left to right by the mask bits and use consecutive bytes of
//! storage, as many as mask bits are one.

use super::Cpu;
use super::exec::{Ex, Ib, R, SPECIFICATION, r1, r2};

impl Cpu {
    pub(crate) fn logical_rr(&mut self, ib: Ib, f: fn(u32, u32) -> u32) -> R {
        let r = r1(ib);
        let v = f(self.gpr[r], self.gpr[r2(ib)]);
        self.gpr[r] = v;
        self.cc = (v != 0) as u8;
        Ok(())
    }

    pub(crate) fn logical_rx(&mut self, ib: Ib, f: fn(u32, u32) -> u32) -> R {
        let b = self.read_u32(self.ea_rx(ib))?;
        let r = r1(ib);
        let v = f(self.gpr[r], b);
        self.gpr[r] = v;
        self.cc = (v != 0) as u8;
        Ok(())
    }

    /// NI, OI, XI: one byte, fetched and stored.
    pub(crate) fn logical_si(&mut self, ib: Ib, f: fn(u8, u8) -> u8) -> R {
        let a = self.access(self.ea1(ib), true)?;
        let v = f(self.abs_byte(a), ib.b(1));
        self.set_abs_byte(a, v);
        self.cc = (v != 0) as u8;
        Ok(())
    }

    pub(crate) fn tm(&mut self, ib: Ib) -> R {
        let sel = self.read_u8(self.ea1(ib))? & ib.b(1);
        self.cc = if sel == 0 {
            0
        } else if sel == ib.b(1) {
            3
        } else {
            1
        };
        Ok(())
    }

    pub(crate) fn cli(&mut self, ib: Ib) -> R {
        let b = self.read_u8(self.ea1(ib))?;
        self.compare_unsigned(b, ib.b(1));
        Ok(())
    }

    /// The bytes of R1 selected by mask M3, left to right.
    fn masked_bytes(&self, r: usize, mask: usize) -> ([u8; 4], usize) {
        let v = self.gpr[r].to_be_bytes();
        let mut out = [0u8; 4];
        let mut n = 0;
        for (i, b) in v.iter().enumerate() {
            if mask & (8 >> i) != 0 {
                out[n] = *b;
                n += 1;
            }
        }
        (out, n)
    }

    #[inline(never)]
    pub(crate) fn clm(&mut self, ib: Ib) -> R {
        let (regb, n) = self.masked_bytes(r1(ib), r2(ib));
        // With a zero mask, access exceptions are still recognized for one byte (POO);
        // the cc changes only once the operand is accessible.
        let span = self.span(self.ea1(ib), n.max(1), false)?;
        self.cc = 0;
        if n == 0 {
            return Ok(());
        }
        for (i, rb) in regb.iter().take(n).enumerate() {
            let sb = self.abs_byte(span.at(i));
            if *rb != sb {
                self.cc = if *rb < sb { 1 } else { 2 };
                break;
            }
        }
        Ok(())
    }

    #[inline(never)]
    pub(crate) fn stcm(&mut self, ib: Ib) -> R {
        let (regb, n) = self.masked_bytes(r1(ib), r2(ib));
        if n == 0 {
            return Ok(());
        }
        let span = self.span(self.ea1(ib), n, true)?;
        for (i, rb) in regb.iter().take(n).enumerate() {
            self.set_abs_byte(span.at(i), *rb);
        }
        Ok(())
    }

    #[inline(never)]
    pub(crate) fn icm(&mut self, ib: Ib) -> R {
        let mask = r2(ib);
        let n = mask.count_ones() as usize;
        // With a zero mask, access exceptions are still recognized for one byte.
        let span = self.span(self.ea1(ib), n.max(1), false)?;
        if n == 0 {
            self.cc = 0;
            return Ok(());
        }
        let r = r1(ib);
        let mut v = self.gpr[r].to_be_bytes();
        let mut k = 0;
        let mut first = None;
        let mut any = false;
        for (i, b) in v.iter_mut().enumerate() {
            if mask & (8 >> i) != 0 {
                *b = self.abs_byte(span.at(k));
                k += 1;
                first.get_or_insert(*b);
                any |= *b != 0;
            }
        }
        self.gpr[r] = u32::from_be_bytes(v);
        self.cc = match (any, first) {
            (false, _) => 0,
            (true, Some(f)) if f & 0x80 != 0 => 1,
            _ => 2,
        };
        Ok(())
    }

    #[inline(never)]
    pub(crate) fn ts(&mut self, ib: Ib) -> R {
        let a = self.access(self.ea1(ib), true)?;
        let b = self.abs_byte(a);
        self.set_abs_byte(a, 0xFF);
        self.cc = b >> 7;
        Ok(())
    }

    #[inline(never)]
    pub(crate) fn cs(&mut self, ib: Ib) -> R {
        let a = self.ea1(ib);
        if a & 3 != 0 {
            return Err(Ex::Pgm(SPECIFICATION));
        }
        let cur = self.read_u32(a)?;
        let r = r1(ib);
        if cur == self.gpr[r] {
            self.write_u32(a, self.gpr[r2(ib)])?;
            self.cc = 0;
        } else {
            // Store access is checked even when nothing is stored.
            self.check_store_only(a)?;
            self.gpr[r] = cur;
            self.cc = 1;
        }
        Ok(())
    }

    #[inline(never)]
    pub(crate) fn cds(&mut self, ib: Ib) -> R {
        let a = self.ea1(ib);
        let (r, r3) = (r1(ib), r2(ib));
        if a & 7 != 0 || r & 1 != 0 || r3 & 1 != 0 {
            return Err(Ex::Pgm(SPECIFICATION));
        }
        let cur = self.read_u64(a)?;
        let mine = ((self.gpr[r] as u64) << 32) | self.gpr[r + 1] as u64;
        if cur == mine {
            let new = ((self.gpr[r3] as u64) << 32) | self.gpr[r3 + 1] as u64;
            self.write_u64(a, new)?;
            self.cc = 0;
        } else {
            self.check_store_only(a)?;
            self.gpr[r] = (cur >> 32) as u32;
            self.gpr[r + 1] = cur as u32;
            self.cc = 1;
        }
        Ok(())
    }
}
