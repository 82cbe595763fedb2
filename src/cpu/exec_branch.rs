//! Branches: BC, BCR, BAL, BALR, BAS, BASR, BCT, BCTR, BXH, BXLE.
//!
//! The branch address is computed before any register changes (so `BALR 14,14` and
//! `BCTR 1,1` work). R2 = 0 in an RR branch means "do not branch" (BALR still links,
//! BCTR still counts). BAL/BALR put the BC-mode right half of the PSW in R1:
//!
//! ```text
//!   0  1 2  3 4    7 8                     31
//!  | ILC | CC | pmask |  updated instruction address |
//! ```
//!
//! BAS/BASR (the branch-and-save facility) save only the updated instruction address,
//! with zeros in bits 0-7 of R1.
//!
//! BXH/BXLE: the increment is R3 and the comparand is the odd register of the R3 pair
//! (R3 itself if R3 is odd); both are read before R1 is updated, so `BXLE 1,1,...`
//! uses the old value for both.
//!
//! Each branch answers a `Flow` (see exec.rs): `JUMP | target` when it branches, its
//! own length when it does not. None reads or writes the PSW's instruction address:
//! `Cpu::burst` keeps that address in a host register (see burst.rs).

use super::exec::{Ib, JUMP, r1, r2};
use super::{AMASK, Cpu};

impl Cpu {
    #[inline(always)]
    fn taken(&self, mask: usize) -> bool {
        mask & (8 >> self.cc) != 0
    }

    /// The ILC a linking branch of length `len` records: its own, or that of the
    /// EXECUTE whose target it is (`ex_ilc`, else 0).
    #[inline(always)]
    fn link_ilc(len: u32, ex_ilc: u8) -> u8 {
        if ex_ilc != 0 {
            ex_ilc
        } else {
            (len >> 1) as u8
        }
    }

    /// The updated instruction address of a branch of length `len` at `ia`: the
    /// instruction after it, or after its EXECUTE.
    #[inline(always)]
    fn updated(ia: u32, len: u32, ex_ilc: u8) -> u32 {
        (ia + 2 * Self::link_ilc(len, ex_ilc) as u32) & AMASK
    }

    /// R1 of BAL or BALR (length `len`) at `ia`: the link information.
    #[inline(always)]
    fn link(&self, ia: u32, len: u32, ex_ilc: u8) -> u32 {
        self.link_info(Self::link_ilc(len, ex_ilc), Self::updated(ia, len, ex_ilc))
    }

    #[inline(always)]
    pub(crate) fn bcr(&mut self, ib: Ib) -> u32 {
        let r = r2(ib);
        if r != 0 && self.taken(r1(ib)) {
            JUMP | (self.gpr[r] & AMASK)
        } else {
            2
        }
    }

    #[inline(always)]
    pub(crate) fn bc(&mut self, ib: Ib) -> u32 {
        if self.taken(r1(ib)) {
            JUMP | self.ea_rx(ib)
        } else {
            4
        }
    }

    #[inline(always)]
    pub(crate) fn balr(&mut self, ib: Ib, ia: u32, ex_ilc: u8) -> u32 {
        let r = r2(ib);
        let target = self.gpr[r] & AMASK;
        self.gpr[r1(ib)] = self.link(ia, 2, ex_ilc);
        if r != 0 { JUMP | target } else { 2 }
    }

    #[inline(always)]
    pub(crate) fn bal(&mut self, ib: Ib, ia: u32, ex_ilc: u8) -> u32 {
        let target = self.ea_rx(ib);
        self.gpr[r1(ib)] = self.link(ia, 4, ex_ilc);
        JUMP | target
    }

    /// BASR: R1 gets the updated instruction address alone (bits 0-7 zero).
    #[inline(always)]
    pub(crate) fn basr(&mut self, ib: Ib, ia: u32, ex_ilc: u8) -> u32 {
        let r = r2(ib);
        let target = self.gpr[r] & AMASK;
        self.gpr[r1(ib)] = Self::updated(ia, 2, ex_ilc);
        if r != 0 { JUMP | target } else { 2 }
    }

    /// BAS: like BASR, to an RX address.
    #[inline(always)]
    pub(crate) fn bas(&mut self, ib: Ib, ia: u32, ex_ilc: u8) -> u32 {
        let target = self.ea_rx(ib);
        self.gpr[r1(ib)] = Self::updated(ia, 4, ex_ilc);
        JUMP | target
    }

    #[inline(always)]
    pub(crate) fn bctr(&mut self, ib: Ib) -> u32 {
        let r = r2(ib);
        let target = self.gpr[r] & AMASK;
        let c = r1(ib);
        self.gpr[c] = self.gpr[c].wrapping_sub(1);
        if r != 0 && self.gpr[c] != 0 {
            JUMP | target
        } else {
            2
        }
    }

    #[inline(always)]
    pub(crate) fn bct(&mut self, ib: Ib) -> u32 {
        let target = self.ea_rx(ib);
        let c = r1(ib);
        self.gpr[c] = self.gpr[c].wrapping_sub(1);
        if self.gpr[c] != 0 { JUMP | target } else { 4 }
    }

    #[inline(always)]
    pub(crate) fn branch_index(&mut self, ib: Ib, high: bool) -> u32 {
        let target = self.ea1(ib);
        let (r, r3) = (r1(ib), r2(ib));
        let incr = self.gpr[r3] as i32;
        let comparand = self.gpr[r3 | 1] as i32;
        let sum = (self.gpr[r] as i32).wrapping_add(incr);
        self.gpr[r] = sum as u32;
        if (sum > comparand) == high {
            JUMP | target
        } else {
            4
        }
    }
}
