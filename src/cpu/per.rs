//! Program-event recording (PER): the EC-mode debugging facility of S/370.
//!
//! ```text
//!  PSW bit 1      PER mask (EC mode only)
//!  CR9  bits 0-3  event masks: 0 successful branching, 1 instruction fetching,
//!                 2 storage alteration, 3 general-register alteration
//!       bits 16-31 general-register masks (bit 16 = GR0 ... bit 31 = GR15)
//!  CR10 bits 8-31 starting address, CR11 bits 8-31 ending address: the monitored
//!                 area runs from start up to and including end, wrapping at 2**24
//!                 (start > end: start..FFFFFF and 0..end); logical addresses with
//!                 DAT on, real addresses with DAT off.
//!  X'96'  PER code: the events, one bit each in the CR9 positions (bits 0-3)
//!  X'98'  PER address: the instruction that caused them (the EXECUTE for a target)
//!  interruption code bit 8 (X'0080'), alone or with another program exception
//! ```
//!
//! Cost: none while PER is off. `per_mode` (EC, PSW bit 1, some CR9 event mask) is
//! recomputed only when the PSW or a control register changes; while it is on the run
//! loop keeps `check_at` at 0 and executes every instruction through
//! [`Cpu::per_instruction`] instead of the burst path. Storage alteration is caught
//! in the access slow path: while it is monitored no store enters the access cache,
//! so every store access is checked ("alteration is considered to take place
//! whenever storing is considered to take place for purposes of indicating
//! protection exceptions"). Storing done by interruptions, by channels and by the
//! interval timer is not monitored; the CSW stored by an I/O instruction (X'40') and
//! the channel ID stored by STIDC (X'A8') are.
//!
//! Which events an instruction indicates depends on how it ended (POO, "Indication of
//! PER events concurrently with other interruption conditions"):
//!
//! ```text
//!  ending                                    branch  fetch  storage  GR
//!  instruction fetch failed                    no     no      no     no
//!  completed (no exception, or fixed/decimal   yes    yes     yes    yes
//!   overflow, exponent over/underflow,
//!   significance, monitor event, CVB divide)
//!  terminated (addressing, protection, data)   no     yes     yes*   altered**
//!  suppressed (operation, privileged,          no     yes     no     no
//!   specification, divide, ...) or nullified
//!   (segment/page translation)
//! ```
//! (*) stores checked before the exception: the POO allows a terminated instruction
//! to indicate the alteration it would have made. (**) the designated registers whose
//! value changed. MVCL and CLCL, interruptible, are treated as terminated for every
//! exception, since the units already done stay done.
//!
//! The general-register alteration event is recognized from the instruction: every
//! register it designates as a result is altered, even if the new value equals the
//! old (LR 1,1 alters R1). Conditional results: CS/CDS (cc 1), TRT (cc 1 or 2), SIGP
//! (cc 1) and EDMK (when it places an address in R1, even the one R1 held: the
//! instruction reports it, `per_gr_placed`).
//!
//! Storage alteration follows stores, not store-access checks: CS/CDS with an unequal
//! comparison check store access but store nothing (no event), STCM with a zero mask
//! stores nothing, and a unit of MVCL that is not completed (its source access failed
//! after the destination's was checked) is no alteration: POO, the event is indicated
//! "only when data has been stored in the monitored area by the portion of the
//! operation ... ending with the last byte transferred before the interruption".
//!
//! Interruption: the instruction address in the old PSW is that of the next
//! instruction, or as the concurrent exception leaves it; the ILC is that of the
//! instruction (2 for EXECUTE). A PER event of LPSW/SSM/STOSM that introduces an
//! invalid PSW gives code X'0086' (ILC 0 after LPSW). A PER event of SVC: the SVC
//! interruption is taken first, then the PER program interruption, whose old PSW is
//! the SVC new PSW.

use super::exec::{Ex, Ib, ilen, r1, r2};
use super::{AMASK, Cpu, IoBus, Tracer};

/// PER event bits, as in the PER code at X'96' and CR9 bits 0-3 (shifted to a byte).
pub(crate) const PER_BRANCH: u8 = 0x80;
pub(crate) const PER_FETCH: u8 = 0x40;
pub(crate) const PER_STORE: u8 = 0x20;
pub(crate) const PER_GR: u8 = 0x10;
/// The PER bit of the program-interruption code.
pub(crate) const PER_CODE: u16 = 0x80;

/// How an instruction ended, for the PER events it may indicate.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ending {
    Completed,
    Terminated,
    Suppressed,
}

fn ending(code: u16, op: u8) -> Ending {
    use super::exec::*;
    if matches!(op, 0x0E | 0x0F) {
        return Ending::Terminated;
    }
    match code {
        FIXED_OVERFLOW | DECIMAL_OVERFLOW | 0x0C | 0x0D | 0x0E | MONITOR_EVENT => Ending::Completed,
        FIXED_DIVIDE if op == 0x4F => Ending::Completed,
        ADDRESSING | PROTECTION | DATA => Ending::Terminated,
        _ => Ending::Suppressed,
    }
}

/// GR mask bit (CR9 bits 16-31 layout) of register `r`.
#[inline]
fn bit(r: usize) -> u16 {
    0x8000 >> (r & 15)
}

/// Bits for the even/odd pair starting at `r`.
#[inline]
fn pair(r: usize) -> u16 {
    bit(r) | bit(r + 1)
}

/// The general registers the instruction `ib` designates as results, given the
/// registers before it and the condition code after it (for the conditional ones).
pub(crate) fn gr_results(ib: Ib, _before: &[u32; 16], _after: &[u32; 16], cc: u8) -> u16 {
    let (a, b) = (r1(ib), r2(ib));
    match ib.b(0) {
        0x05 | 0x06 | 0x09 | 0x10..=0x14 | 0x16..=0x18 | 0x1A | 0x1B | 0x1E | 0x1F => bit(a),
        0x1C | 0x1D | 0x5C | 0x5D | 0x8C..=0x8F => pair(a),
        0x0E | 0x0F => pair(a) | pair(b),
        0x41 | 0x43 | 0x45 | 0x46 | 0x48 | 0x4A..=0x4C | 0x4F | 0x54 | 0x56..=0x58 => bit(a),
        0x5A | 0x5B | 0x5E | 0x5F | 0x86..=0x8B | 0xB1 => bit(a),
        0x98 => {
            let mut m = 0;
            let mut r = a;
            loop {
                m |= bit(r);
                if r == b {
                    break m;
                }
                r = (r + 1) & 15;
            }
        }
        0xBF if b != 0 => bit(a),
        0xBA | 0xAE if cc == 1 => bit(a),
        0xBB if cc == 1 => pair(a),
        0xDD if cc != 0 => bit(1) | bit(2),
        0x0D | 0x4D => bit(a),
        0xB2 => match ib.b(1) {
            0x0B => bit(2),
            0x18 => bit(3) | bit(4) | bit(14),
            0x22 | 0x23 | 0x24 | 0x26 | 0x27 | 0x29 => bit((ib.b(3) >> 4) as usize),
            0x2C => bit(0),
            _ => 0,
        },
        _ => 0,
    }
}

/// Did the branch instruction `ib` branch, given the registers and the condition code
/// before it? (The branch instructions, and PC and PT.)
pub(crate) fn branched(ib: Ib, before: &[u32; 16], cc: u8) -> bool {
    let (a, b) = (r1(ib), r2(ib));
    let taken = a & (8 >> cc) != 0;
    match ib.b(0) {
        0x07 => b != 0 && taken,
        0x47 => taken,
        0x05 | 0x0D => b != 0,
        0x45 | 0x4D => true,
        // PC and PT load a new instruction address: a successful branch.
        0xB2 => matches!(ib.b(1), 0x18 | 0x28),
        0x06 => b != 0 && before[a].wrapping_sub(1) != 0,
        0x46 => before[a].wrapping_sub(1) != 0,
        0x86 | 0x87 => {
            let sum = (before[a] as i32).wrapping_add(before[b] as i32);
            (sum > before[b | 1] as i32) == (ib.b(0) == 0x86)
        }
        _ => false,
    }
}

impl Cpu {
    /// Recompute `per_mode` and `per_store` after a change of the PSW or of a control
    /// register. Turning storage-alteration monitoring on empties the access cache, so
    /// that no store passes it unchecked.
    pub(crate) fn update_per(&mut self) {
        let masks = self.cr[9] & 0xF000_0000;
        let on = self.ec && self.sysmask & 0x40 != 0 && masks != 0;
        let store = on && masks & 0x2000_0000 != 0;
        if store && !self.per_store {
            self.flush_access_cache();
        }
        self.per_mode = on;
        self.per_store = store;
        if on {
            self.check_at = 0;
        }
    }

    /// Is `a` in the monitored area?
    fn per_in_range(&self, a: u32) -> bool {
        let (s, e) = (self.cr[10] & AMASK, self.cr[11] & AMASK);
        if s <= e {
            a >= s && a <= e
        } else {
            a >= s || a <= e
        }
    }

    /// Does the operand of `len` (>= 1) bytes at `a` touch the monitored area?
    pub(crate) fn per_range_hit(&self, a: u32, len: u32) -> bool {
        let (s, e) = (self.cr[10] & AMASK, self.cr[11] & AMASK);
        let a = a & AMASK;
        let last = a.wrapping_add(len.max(1) - 1) & AMASK;
        match (s <= e, a <= last) {
            (true, true) => a <= e && last >= s,
            (false, true) => a <= e || last >= s,
            (true, false) => e >= a || s <= last,
            (false, false) => true,
        }
    }

    /// A store-access check that stores nothing: CS and CDS when the comparison is
    /// unequal. POO: they "are considered to alter the second-operand location only
    /// when storing actually occurs", so the check is no storage-alteration event.
    pub(crate) fn check_store_only(&mut self, va: u32) -> Result<(), u16> {
        let kept = self.per_events & PER_STORE;
        self.access(va, true)?;
        self.per_events = (self.per_events & !PER_STORE) | kept;
        Ok(())
    }

    /// EDMK placed an address in R1: a general-register alteration even when the
    /// address is the one R1 already held (POO: "Recognition of the event is not
    /// contingent on the new value being different from the previous one").
    pub(crate) fn per_gr_placed(&mut self, r: usize) {
        if self.per_mode && self.cr[9] & (0x8000 >> r) != 0 {
            self.per_events |= PER_GR;
        }
    }

    /// A store the CPU makes for an instruction outside the access path (the CSW of an
    /// I/O instruction, STIDC's channel ID): a storage-alteration event if monitored.
    pub(crate) fn per_note_store(&mut self, real: u32, len: u32) {
        if self.per_store && self.per_range_hit(real, len) {
            self.per_events |= PER_STORE;
        }
    }

    /// Execute one instruction with PER monitoring (the slow path; see the module
    /// documentation).
    pub(crate) fn per_instruction<B: IoBus, T: Tracer>(
        &mut self,
        bus: &mut B,
        tracer: &mut T,
        step: u64,
    ) {
        let ia = self.ia;
        let ib = match self.fetch_instruction(ia) {
            Ok(ib) => ib,
            Err(code) => {
                self.fetch_failed(tracer, ia, code);
                return;
            }
        };
        tracer.instruction(self, ia, &ib[..ilen(ib[0]) as usize]);
        self.now = self.now.wrapping_add(step);
        self.instructions += 1;
        self.per_events = 0;
        self.per_target = None;
        let before = self.gpr;
        let cc = self.cc;
        let r = self.execute_at(bus, ib, ia);

        let cr9 = self.cr[9];
        let mut ev = self.per_events;
        let ib6 = super::exec::ib6(&ib);
        let (xib, target) = match self.per_target {
            Some((t, tib)) => (tib, Some(t)),
            None => (ib6, None),
        };
        if self.per_in_range(ia) || target.is_some_and(|t| self.per_in_range(t)) {
            ev |= PER_FETCH;
        }
        let end = match r {
            Ok(()) | Err(Ex::Svc(_)) => Ending::Completed,
            Err(Ex::Pgm(code)) => ending(code, xib.b(0)),
        };
        let grs = gr_results(xib, &before, &self.gpr, self.cc);
        match end {
            Ending::Completed => {
                if branched(xib, &before, cc) {
                    ev |= PER_BRANCH;
                }
                if grs & cr9 as u16 != 0 {
                    ev |= PER_GR;
                }
            }
            Ending::Terminated => {
                let changed = (0..16)
                    .filter(|&i| before[i] != self.gpr[i])
                    .fold(0u16, |m, i| m | bit(i));
                if grs & changed & cr9 as u16 != 0 {
                    ev |= PER_GR;
                }
            }
            Ending::Suppressed => ev &= PER_FETCH,
        }
        ev &= (cr9 >> 24) as u8 & 0xF0;
        self.cur_ia = ia;
        if ev == 0 {
            if let Err(e) = r {
                self.interrupted(tracer, e);
            }
            return;
        }
        self.per_code = ev;
        self.per_address = ia;
        match r {
            Ok(()) => {
                // An invalid PSW introduced by LPSW/SSM/STOSM: both in one interruption.
                let code = if self.psw_error {
                    self.psw_error = false;
                    super::exec::SPECIFICATION | PER_CODE
                } else {
                    PER_CODE
                };
                self.program_interrupt(tracer, code);
            }
            Err(Ex::Pgm(code)) => {
                self.faulted += 1;
                self.program_interrupt(tracer, code | PER_CODE);
            }
            Err(Ex::Svc(n)) => {
                self.svc_interrupt(tracer, n);
                self.program_interrupt(tracer, PER_CODE);
            }
        }
    }
}
