//! Later additions to System/370 that are not part of a larger facility: MOVE INVERSE,
//! INSERT PROGRAM MASK, INVALIDATE PAGE TABLE ENTRY, the extended storage-key
//! instructions (ISKE, RRBE, SSKE) and TEST BLOCK.
//!
//! Why they exist: MVCIN reverses a string (bidirectional text, little-endian data);
//! IPM reads the condition code and program mask without BAL's link-register format;
//! IPTE lets a paging supervisor invalidate one page (and its TLB entries) in one step
//! instead of changing the entry and purging the whole TLB; ISKE/RRBE/SSKE work on a
//! 4K block, the page of 4K-page operating systems; TB clears a 4K frame and tells
//! whether it is usable.
//!
//! Storage keys stay per 2K block (the storage-key 4K-byte-block facility is not
//! installed), so every 4K block is a *double-key* block: SSKE sets both keys, RRBE
//! resets both reference bits, and ISKE and RRBE report the two keys ORed (as
//! Hercules 3.13 does, tests/hercules/ext370.asm).
//!
//! ```text
//!  IPM    R1 = | 00 | cc | pmask | bits 8-31 unchanged |
//!  IPTE   R1 = page-table origin (bits 8-28), R2 = virtual address (its page index)
//!  ISKE   R2 = real address of a 4K block (bits 1-19), key into R1 bits 24-30
//!  TB     R2 = real address of a 4K block: cleared, cc 0, R0 = 0
//!  MVCIN  D1(L,B1),D2(B2): the second-operand address is its *rightmost* byte
//! ```

use super::exec::{ADDRESSING, Ib, PROTECTION, R};
use super::{AMASK, Cpu};
use crate::storage::{KEY_CHANGE, KEY_FETCH, KEY_REF};

/// The R1 and R2 fields of an RRE instruction (byte 3).
fn rre(ib: Ib) -> (usize, usize) {
    ((ib.b(3) >> 4) as usize, (ib.b(3) & 15) as usize)
}

impl Cpu {
    /// MOVE INVERSE (E8): the first operand gets the bytes of the second in reverse
    /// order. Both operands are checked before anything is stored.
    #[inline(never)]
    pub(crate) fn mvcin(&mut self, ib: Ib) -> R {
        let len = ib.b(1) as usize + 1;
        let d = self.span(self.ea1(ib), len, true)?;
        let first2 = self.ea2(ib).wrapping_sub(len as u32 - 1) & AMASK;
        let s = self.span(first2, len, false)?;
        for i in 0..len {
            let v = self.abs_byte(s.at(len - 1 - i));
            self.set_abs_byte(d.at(i), v);
        }
        Ok(())
    }

    /// INSERT PROGRAM MASK (B222).
    fn ipm(&mut self, ib: Ib) -> R {
        let r = rre(ib).0;
        let v = (self.cc as u32) << 28 | (self.pmask as u32) << 24;
        self.gpr[r] = (self.gpr[r] & 0x00FF_FFFF) | v;
        Ok(())
    }

    /// INVALIDATE PAGE TABLE ENTRY (B221): sets the invalid bit of the page-table
    /// entry at the origin in R1 plus the page index of R2 (page and segment size from
    /// CR0), fetched and stored as a real address with key-controlled protection; the
    /// TLB forgets it (this model empties the whole TLB).
    fn ipte(&mut self, ib: Ib) -> R {
        let (a, b) = rre(ib);
        let (pshift, sshift) = self
            .dat_sizes()
            .ok_or(super::access::TRANSLATION_SPECIFICATION)?;
        let px = (self.gpr[b] & ((1 << sshift) - 1)) >> pshift;
        let pte_at = ((self.gpr[a] & 0x00FF_FFF8) + px * 2) & AMASK;
        let abs = self.real_access(pte_at, true)?;
        let bytes = self.mem.bytes();
        let Some(pte) = bytes.get(abs..abs + 2).map(|p| [p[0], p[1]]) else {
            return Err(ADDRESSING.into());
        };
        let inv = if pshift == 12 { 0x0008 } else { 0x0004 };
        let v = u16::from_be_bytes(pte) | inv;
        let [h, l] = v.to_be_bytes();
        self.set_abs_byte(abs, h);
        self.set_abs_byte(abs + 1, l);
        self.purge_tlb();
        Ok(())
    }

    /// A halfword-aligned real operand in one 2K block, with low-address protection
    /// (for a store) and key-controlled protection by the PSW key; reference (and
    /// change) recorded. The absolute address.
    fn real_access(&mut self, real: u32, store: bool) -> Result<usize, u16> {
        let abs = self.absolute(real) as usize;
        let key = self.key;
        let low = store && self.low_protected(real);
        let Some(k) = self.mem.keys_mut().get_mut(abs >> 11) else {
            return Err(ADDRESSING);
        };
        if low {
            return Err(PROTECTION);
        }
        if key != 0 && *k >> 4 != key && (store || *k & KEY_FETCH != 0) {
            return Err(PROTECTION);
        }
        *k |= if store { KEY_REF | KEY_CHANGE } else { KEY_REF };
        if abs + 2 > self.mem.size() as usize {
            return Err(ADDRESSING);
        }
        Ok(abs)
    }

    /// The absolute address of the 4K block named by a register (bits 1-19 of a
    /// real address), or an addressing exception.
    fn block_4k(&self, v: u32) -> Result<usize, u16> {
        let real = v & 0x7FFF_F000;
        if real > AMASK {
            return Err(ADDRESSING);
        }
        let abs = self.absolute(real) & !0xFFF;
        if abs >= self.mem.size() {
            return Err(ADDRESSING);
        }
        Ok(abs as usize)
    }

    /// ISKE, RRBE, SSKE (B229-B22B) on the two keys of a 4K block.
    fn key_4k(&mut self, ib: Ib) -> R {
        let (a, b) = rre(ib);
        let abs = self.block_4k(self.gpr[b])?;
        let set = ib.b(1) == 0x2B;
        let new = self.gpr[a] as u8 & 0xFE;
        let Some(pair) = self.mem.keys_mut().get_mut(abs >> 11..(abs >> 11) + 2) else {
            return Err(ADDRESSING.into());
        };
        let both = pair[0] | pair[1];
        if set {
            pair.fill(new);
        } else if ib.b(1) == 0x2A {
            pair[0] &= !KEY_REF;
            pair[1] &= !KEY_REF;
            self.cc = (both >> 1) & 3;
        } else {
            self.gpr[a] = (self.gpr[a] & 0xFFFF_FF00) | (both & 0xFE) as u32;
            return Ok(());
        }
        self.flush_access_cache();
        Ok(())
    }

    /// TEST BLOCK (B22C): clear the 4K block named by R2, cc 0 (every block of this
    /// machine is usable), R0 = 0. The block's real address is subject to low-address
    /// protection (block 0 while CR0 bit 3 is on: a protection exception, nothing
    /// cleared), not to key-controlled or segment protection (POO, TEST BLOCK).
    fn tb(&mut self, ib: Ib) -> R {
        let v = self.gpr[rre(ib).1];
        let abs = self.block_4k(v)?;
        if self.low_protected(v & 0x7FFF_F000) {
            return Err(PROTECTION.into());
        }
        if let Some(block) = self.mem.bytes_mut().get_mut(abs..abs + 0x1000) {
            block.fill(0);
        }
        self.cc = 0;
        self.gpr[0] = 0;
        Ok(())
    }

    /// The B2 instructions of this module and DXR (B22D).
    pub(crate) fn ext_b2(&mut self, ib: Ib) -> R {
        match ib.b(1) {
            0x21 => self.ipte(ib),
            0x22 => self.ipm(ib),
            0x29..=0x2B => self.key_4k(ib),
            0x2C => self.tb(ib),
            // DXR: the float module reads R1 and R2 where an RR instruction has them.
            _ => self.dxr(Ib(0x2D | (ib.b(3) as u64) << 8)),
        }
    }
}
