//! Virtual time: the TOD clock, the CPU timer and the clock comparator.
//!
//! Everything derives from `now` (TOD units since power-on, advanced by `step` per
//! instruction and jumped forward in the wait state):
//!
//! ```text
//!  TOD clock   = tod_epoch + now                       (bit 51 = 1 microsecond)
//!  CPU timer   = cpt_origin - now   (signed 64 bits)   decrements in the running AND the
//!                                                      wait state, as the POO defines;
//!                                                      interruption request while < 0
//!  clock comp. : request while TOD > CKC (unsigned)    ("less than the TOD value")
//! ```
//!
//! External interruption subclass masks are in CR0: bit 20 clock comparator,
//! bit 21 CPU timer. The clock comparator has the higher priority (codes X'1004',
//! X'1005'). Nothing here reads a wall clock.

use super::Cpu;

/// CR0 bit 20.
pub(crate) const CR0_CKC: u32 = 0x0000_0800;
/// CR0 bit 21.
pub(crate) const CR0_CPT: u32 = 0x0000_0400;
pub(crate) const EXT_CKC: u16 = 0x1004;
pub(crate) const EXT_CPT: u16 = 0x1005;

impl Cpu {
    /// The highest-priority external interruption that is pending and enabled.
    pub(crate) fn ext_pending(&self) -> Option<u16> {
        if !self.ext_enabled() {
            return None;
        }
        let cr0 = self.cr[0];
        if cr0 & CR0_CKC != 0 && self.tod() > self.ckc {
            return Some(EXT_CKC);
        }
        if cr0 & CR0_CPT != 0 && self.cpu_timer() < 0 {
            return Some(EXT_CPT);
        }
        None
    }

    /// The earliest `now` at which an enabled external interruption becomes pending
    /// (`u64::MAX` if none will).
    pub(crate) fn next_ext_event(&self) -> u64 {
        if !self.ext_enabled() {
            return u64::MAX;
        }
        let cr0 = self.cr[0];
        let mut t = u64::MAX;
        if cr0 & CR0_CKC != 0 {
            // TOD > CKC  <=>  now > ckc - epoch.
            let at = self.ckc.wrapping_sub(self.tod_epoch).saturating_add(1);
            if self.tod() > self.ckc {
                t = self.now;
            } else if at > self.now {
                t = at;
            }
        }
        if cr0 & CR0_CPT != 0 {
            let v = self.cpu_timer();
            let at = if v < 0 {
                self.now
            } else {
                self.now.saturating_add(v as u64).saturating_add(1)
            };
            t = t.min(at);
        }
        t
    }

    /// SPT: the CPU timer becomes `v`.
    pub(crate) fn set_cpu_timer(&mut self, v: u64) {
        self.cpt_origin = self.now.wrapping_add(v);
        self.check_at = 0;
    }

    /// SCK: the TOD clock becomes `v`.
    pub(crate) fn set_tod(&mut self, v: u64) {
        self.tod_epoch = v.wrapping_sub(self.now);
        self.check_at = 0;
    }
}
