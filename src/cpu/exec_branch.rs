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

use super::exec::{R, r1, r2};
use super::{AMASK, Cpu};

impl Cpu {
    #[inline(always)]
    fn taken(&self, mask: usize) -> bool {
        mask & (8 >> self.cc) != 0
    }

    pub(crate) fn bcr(&mut self, ib: &[u8; 6]) -> R {
        let r = r2(ib);
        if r != 0 && self.taken(r1(ib)) {
            self.ia = self.gpr[r] & AMASK;
        }
        Ok(())
    }

    pub(crate) fn bc(&mut self, ib: &[u8; 6]) -> R {
        if self.taken(r1(ib)) {
            self.ia = self.ea_rx(ib);
        }
        Ok(())
    }

    pub(crate) fn balr(&mut self, ib: &[u8; 6]) -> R {
        let r = r2(ib);
        let target = self.gpr[r] & AMASK;
        self.gpr[r1(ib)] = self.link_info();
        if r != 0 {
            self.ia = target;
        }
        Ok(())
    }

    pub(crate) fn bal(&mut self, ib: &[u8; 6]) -> R {
        let target = self.ea_rx(ib);
        self.gpr[r1(ib)] = self.link_info();
        self.ia = target;
        Ok(())
    }

    pub(crate) fn basr(&mut self, ib: &[u8; 6]) -> R {
        let r = r2(ib);
        let target = self.gpr[r] & AMASK;
        self.gpr[r1(ib)] = self.ia;
        if r != 0 {
            self.ia = target;
        }
        Ok(())
    }

    pub(crate) fn bas(&mut self, ib: &[u8; 6]) -> R {
        let target = self.ea_rx(ib);
        self.gpr[r1(ib)] = self.ia;
        self.ia = target;
        Ok(())
    }

    pub(crate) fn bctr(&mut self, ib: &[u8; 6]) -> R {
        let r = r2(ib);
        let target = self.gpr[r] & AMASK;
        let c = r1(ib);
        self.gpr[c] = self.gpr[c].wrapping_sub(1);
        if r != 0 && self.gpr[c] != 0 {
            self.ia = target;
        }
        Ok(())
    }

    pub(crate) fn bct(&mut self, ib: &[u8; 6]) -> R {
        let target = self.ea_rx(ib);
        let c = r1(ib);
        self.gpr[c] = self.gpr[c].wrapping_sub(1);
        if self.gpr[c] != 0 {
            self.ia = target;
        }
        Ok(())
    }

    fn branch_index(&mut self, ib: &[u8; 6], high: bool) -> R {
        let target = self.ea1(ib);
        let (r, r3) = (r1(ib), r2(ib));
        let incr = self.gpr[r3] as i32;
        let comparand = self.gpr[r3 | 1] as i32;
        let sum = (self.gpr[r] as i32).wrapping_add(incr);
        self.gpr[r] = sum as u32;
        if (sum > comparand) == high {
            self.ia = target;
        }
        Ok(())
    }

    pub(crate) fn bxh(&mut self, ib: &[u8; 6]) -> R {
        self.branch_index(ib, true)
    }

    pub(crate) fn bxle(&mut self, ib: &[u8; 6]) -> R {
        self.branch_index(ib, false)
    }
}
