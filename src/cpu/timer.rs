//! Virtual time: the TOD clock, the CPU timer, the clock comparator and the interval
//! timer.
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
//!  interval    : the signed word at real location 80 (X'50'), decremented in bit
//!  timer         position 23 (by 256) every 1/300 second; request when it goes from
//!                positive or zero to negative, pending until taken
//! ```
//!
//! External interruption subclass masks are in CR0: bit 20 clock comparator,
//! bit 21 CPU timer, bit 24 interval timer. Priority: clock comparator, CPU timer,
//! interval timer (codes X'1004', X'1005', X'0080'), all after the interrupt key and
//! the SIGP signals (signals.rs). Nothing here reads a wall clock.
//!
//! The interval timer lives in storage, so the program reads it with ordinary
//! instructions and sets it by storing into location 80 (MVC of 76-87 swaps it without
//! losing a count: updates happen only between instructions). The POO lets a model
//! count in bit positions right of 23 for finer resolution; this one keeps to the
//! basic rate: bit 23 every 1/300 s exactly (update k at `now` = ceil(k/300 s)),
//! bits 24-31 never change by themselves. An update is a deadline like the others
//! (`itimer_next`, folded into `check_at`), so the hot path pays nothing; at 1 MIPS
//! it comes every 3,333 instructions. In the wait state several updates due at once
//! are applied together (the value and the request come out as if one by one). The
//! timer runs in the running and the wait state (both "operating"), never stops, and
//! its updates set the reference and change bits of the block (they are stores) but
//! are not PER storage-alteration events.

use super::Cpu;

/// CR0 bit 20.
pub(crate) const CR0_CKC: u32 = 0x0000_0800;
/// CR0 bit 21.
pub(crate) const CR0_CPT: u32 = 0x0000_0400;
pub(crate) const EXT_CKC: u16 = 0x1004;
pub(crate) const EXT_CPT: u16 = 0x1005;
/// CR0 bit 24.
pub(crate) const CR0_ITIMER: u32 = 0x0000_0080;
pub(crate) const EXT_ITIMER: u16 = 0x0080;
/// Real address of the interval timer.
pub(crate) const ITIMER_AT: u32 = 0x50;
/// Interval-timer updates per second (bit 23).
const ITIMER_HZ: u128 = 300;

/// `now` of interval-timer update number `k` (the first is 1): ceil(k/300 s).
pub(crate) fn itimer_tick_time(k: u64) -> u64 {
    let t = (k as u128 * super::TOD_PER_SECOND as u128).div_ceil(ITIMER_HZ);
    u64::try_from(t).unwrap_or(u64::MAX)
}

/// Updates from a value `v` until the first one that takes it from positive or zero
/// to negative (it wraps through the most negative value to positive on the way when
/// `v` is negative).
fn itimer_updates_to_request(v: u32) -> u64 {
    v as u64 / 256 + 1
}

impl Cpu {
    /// The highest-priority external interruption that is pending and enabled.
    pub(crate) fn ext_pending(&self) -> Option<u16> {
        if !self.ext_enabled() {
            return None;
        }
        if let Some(code) = self.signal_pending() {
            return Some(code);
        }
        let cr0 = self.cr[0];
        if cr0 & CR0_CKC != 0 && self.tod() > self.ckc {
            return Some(EXT_CKC);
        }
        if cr0 & CR0_CPT != 0 && self.cpu_timer() < 0 {
            return Some(EXT_CPT);
        }
        if cr0 & CR0_ITIMER != 0 && self.itimer_pending {
            return Some(EXT_ITIMER);
        }
        None
    }

    /// Apply every interval-timer update due at or before `now` to location 80.
    pub(crate) fn itimer_update(&mut self) {
        let due = (self.now as u128 * ITIMER_HZ / super::TOD_PER_SECOND as u128) as u64;
        let n = due.saturating_sub(self.itimer_ticks);
        self.itimer_ticks = due.max(self.itimer_ticks);
        self.itimer_next = itimer_tick_time(self.itimer_ticks + 1);
        if n == 0 {
            return;
        }
        let v = self.real_u32(ITIMER_AT).unwrap_or(0);
        if n >= itimer_updates_to_request(v) {
            self.itimer_pending = true;
        }
        let new = v.wrapping_sub((n as u32).wrapping_mul(256));
        self.store_real(ITIMER_AT, &new.to_be_bytes());
    }

    /// The interval-timer value now (the word at real location 80).
    pub fn interval_timer(&self) -> u32 {
        self.real_u32(ITIMER_AT).unwrap_or(0)
    }

    /// The earliest `now` at which an enabled external interruption becomes pending
    /// (`u64::MAX` if none will).
    pub(crate) fn next_ext_event(&self) -> u64 {
        if !self.ext_enabled() {
            return u64::MAX;
        }
        if self.signal_pending().is_some() {
            return self.now;
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
        if cr0 & CR0_ITIMER != 0 {
            let at = if self.itimer_pending {
                self.now
            } else {
                let v = self.interval_timer();
                itimer_tick_time(self.itimer_ticks + itimer_updates_to_request(v))
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
