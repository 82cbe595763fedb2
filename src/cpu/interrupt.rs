//! Interruptions: PSW swaps, the fields they store in low storage, and `service`, the
//! slow path of the run loop.
//!
//! ```text
//!  class      old PSW  new PSW  code stored at (EC mode)        BC mode
//!  restart     X'08'    X'00'   -                               -
//!  external    X'18'    X'58'   X'86'; X'84' the signalling     old PSW 16-31; X'84' the
//!                               CPU's address, else 0           signalling CPU's, else as was
//!                               (1004 clock comp., 1005 CPU timer, 0080 interval timer,
//!                               0040 interrupt key, 1201/1202 SIGP signals)
//!  SVC         X'20'    X'60'   X'8A', ILC in X'89'             old PSW 16-31, ILC 32-33
//!  program     X'28'    X'68'   X'8E', ILC in X'8D', X'90' xlat old PSW 16-31, ILC 32-33
//!                               (segment/page, and the DAS exceptions: exec_das.rs)
//!                               PER: X'96' code, X'98' address  (also in BC mode)
//!  machine ck  X'30'    X'70'   (never generated)
//!  I/O         X'38'    X'78'   device X'BA', CSW X'40'         old PSW 16-31, CSW X'40'
//! ```
//!
//! Instruction address in the program old PSW: segment- and page-translation
//! exceptions *nullify* (the old PSW points at the instruction, or at the EXECUTE), and
//! so do the AFX-, ASX-, LX- and EX-translation and the primary- and
//! secondary-authority exceptions of the dual-address-space instructions;
//! every other exception suppresses, terminates or completes the instruction, and the
//! old PSW points past it. The ILC is the length of the instruction (2 for anything
//! under EXECUTE); 0 for an invalid PSW introduced by an interruption or by LPSW (SSM
//! and STOSM leave their own ILC of 2, since the exception is recognized right after
//! they complete); and 2 when the instruction could not be fetched (odd address,
//! access exception on the fetch), the address then advanced by 4 except for a
//! translation exception (POO: 1, 2 or 3, model-dependent; see `Cpu::fetch_failed`).
//!
//! PER (per.rs): code bit X'80', alone or with another code; the PER code at X'96'
//! and the PER address at X'98'. Interval timer: external code X'0080', after the
//! clock comparator and the CPU timer.
//!
//! Priority when several requests are pending between instructions (POO): the early
//! specification exception of an invalid PSW, then external, then I/O. Each
//! interruption is taken in turn; when its new PSW leaves the CPU enabled, the next
//! one is taken immediately, so the lowest-priority handler runs first.
//!
//! Guard: a swap that happens with no instruction completed since the previous swap
//! counts towards `LOOP_LIMIT`; past it the CPU checkstops (e.g. a program new PSW
//! that is itself invalid, or points at an odd address, loops forever on hardware).

use super::exec::SPECIFICATION;
use super::per::PER_CODE;
use super::signals::{EXT_EMERGENCY, EXT_EXTCALL};
use super::timer::EXT_ITIMER;
use super::{Cpu, InterruptClass, IoBus, Stop, Tracer};

const LOOP_LIMIT: u32 = 256;

/// The address of the CPU that sends this CPU's SIGP signals: itself, CPU 0 (STAP).
const SIGNALLING_CPU: u16 = 0;

impl Cpu {
    /// Store `old` at real `old_at`, load the new PSW from real `new_at`. Returns the
    /// new PSW.
    pub(crate) fn swap(&mut self, old_at: u32, new_at: u32, old: u64) -> u64 {
        let progress = self.instructions.wrapping_sub(self.faulted);
        if progress == self.guard_mark {
            self.guard_count += 1;
            if self.guard_count > LOOP_LIMIT {
                self.checkstopped = true;
            }
        } else {
            self.guard_mark = progress;
            self.guard_count = 1;
        }
        self.store_real(old_at, &old.to_be_bytes());
        let new = self.fetch_real_u64(new_at);
        let was_problem = self.problem;
        self.load_psw(new);
        self.account_problem(was_problem);
        new
    }

    /// Called after every PSW change: credit the problem-state instructions executed
    /// since the CPU entered the problem state to the current address space (CR1).
    pub(crate) fn account_problem(&mut self, was_problem: bool) {
        if was_problem {
            let n = self.instructions.wrapping_sub(self.problem_since);
            if n > 0 {
                let cr1 = self.cr[1];
                match self
                    .problem_instructions
                    .iter_mut()
                    .find(|(k, _)| *k == cr1)
                {
                    Some((_, c)) => *c += n,
                    None => self.problem_instructions.push((cr1, n)),
                }
            }
        }
        self.problem_since = self.instructions;
        self.log_dispatch(was_problem);
    }

    /// Take a program interruption with `code`.
    pub(crate) fn program_interrupt<T: Tracer>(&mut self, tracer: &mut T, code: u16) {
        let base = code & !PER_CODE;
        let xlat =
            base == super::exec::SEGMENT_TRANSLATION || base == super::exec::PAGE_TRANSLATION;
        if xlat || super::exec_das::nullifies(base) {
            self.ia = self.cur_ia;
        }
        if code & PER_CODE != 0 {
            // PER code at X'96' (X'97' zero), PER address at X'98' (X'98' zero).
            self.store_real(0x96, &[self.per_code, 0]);
            self.store_real(0x98, &(self.per_address & super::AMASK).to_be_bytes());
        }
        if self.ec {
            let ilc = (self.ilc & 3) << 1;
            self.store_real(0x8C, &[0, ilc, (code >> 8) as u8, code as u8]);
            if xlat {
                // Bit 0: the secondary space (exec_das.rs).
                let page_mask = match self.dat_sizes() {
                    Some((12, _)) => 0x80FF_F000,
                    _ => 0x80FF_F800,
                };
                self.store_real(0x90, &(self.xlate_addr & page_mask).to_be_bytes());
            } else if super::exec_das::stores_tea(base) {
                self.store_real(0x90, &self.xlate_addr.to_be_bytes());
            }
        }
        self.log_trap(code);
        let old = self.pack_psw(code);
        let new = self.swap(0x28, 0x68, old);
        tracer.interruption(self, InterruptClass::Program, code, old, new);
    }

    /// Take a supervisor-call interruption for SVC `n`.
    pub(crate) fn svc_interrupt<T: Tracer>(&mut self, tracer: &mut T, n: u8) {
        let code = n as u16;
        if self.ec {
            self.store_real(0x88, &[0, (self.ilc & 3) << 1, 0, n]);
        }
        let old = self.pack_psw(code);
        let new = self.swap(0x20, 0x60, old);
        tracer.interruption(self, InterruptClass::Svc, code, old, new);
    }

    /// Take an external interruption with `code`.
    ///
    /// What it stores below the old PSW (POO GA22-7000, "Assigned Main-Storage
    /// Locations", 132-135; "Emergency Signal", "External Call"; the System/370
    /// Reference Summary GX20-1850 lists 132-133 twice, once for each mode):
    /// - the emergency signal and the external call (and the malfunction alert,
    ///   which this machine never raises) store the address of the CPU that sent
    ///   them at X'84'-X'85', in either mode (here always CPU 0: a CPU can only
    ///   signal itself);
    /// - every other condition (timers, interrupt key) stores zeros there in the
    ///   EC mode, and leaves the halfword as it was in the BC mode;
    /// - the code goes to X'86'-X'87' in the EC mode only; in the BC mode it is in
    ///   bits 16-31 of the old PSW, and X'86' is left alone.
    ///
    /// Hercules 3.13 zeros X'84'-X'85' in the BC mode too (tests/hercules.rs,
    /// `extaddr`).
    fn external_interrupt<T: Tracer>(&mut self, tracer: &mut T, code: u16) {
        let signal = matches!(code, EXT_EMERGENCY | EXT_EXTCALL);
        if signal || self.ec {
            // The signalling CPU's address, or zeros (EC mode only).
            self.store_real(0x84, &SIGNALLING_CPU.to_be_bytes());
        }
        if self.ec {
            self.store_real(0x86, &code.to_be_bytes());
        }
        let old = self.pack_psw(code);
        let new = self.swap(0x18, 0x58, old);
        tracer.interruption(self, InterruptClass::External, code, old, new);
    }

    fn io_interrupt<T: Tracer>(&mut self, tracer: &mut T, dev: u16, csw: [u8; 8]) {
        self.store_real(0x40, &csw);
        if self.ec {
            self.store_real(0xBA, &dev.to_be_bytes());
        }
        let old = self.pack_psw(dev);
        let new = self.swap(0x38, 0x78, old);
        tracer.interruption(self, InterruptClass::Io, dev, old, new);
    }

    /// The slow path: everything that is not executing the next instruction. Returns
    /// `Some` to stop `run`; `None` when an instruction should execute, with `check_at`
    /// set to the next moment this must run again.
    #[cold]
    pub(crate) fn service<B: IoBus, T: Tracer>(
        &mut self,
        bus: &mut B,
        tracer: &mut T,
        deadline: u64,
        budget_end: u64,
        step: u64,
    ) -> Option<Stop> {
        loop {
            if self.checkstopped {
                return Some(Stop::Checkstop);
            }
            if self.now >= self.itimer_next {
                self.itimer_update();
            }
            if self.now >= bus.next_event() {
                bus.advance(&mut self.mem, self.now);
            }
            if self.psw_error {
                // ILC 2 after SSM/STOSM; 0 after LPSW or a swap.
                self.psw_error = false;
                self.program_interrupt(tracer, SPECIFICATION);
                continue;
            }
            if let Some(code) = self.ext_pending() {
                if code == EXT_ITIMER {
                    self.itimer_pending = false;
                }
                self.signal_taken(code);
                self.external_interrupt(tracer, code);
                continue;
            }
            let mask = self.io_mask();
            if mask != 0
                && bus.interrupt_pending()
                && let Some((dev, csw)) = bus.take_interrupt(mask)
            {
                self.io_interrupt(tracer, dev, csw);
                continue;
            }
            if self.wait {
                if self.disabled_wait() {
                    return Some(Stop::DisabledWait);
                }
                if self.now >= deadline {
                    return Some(Stop::Wait);
                }
                let next = deadline.min(bus.next_event()).min(self.next_ext_event());
                // A bus that keeps an event due in the past must not stall time.
                let soonest = self.now.saturating_add(1);
                self.now = next.max(soonest).min(deadline.max(soonest));
                continue;
            }
            if self.now >= deadline || self.instructions >= budget_end {
                return Some(Stop::Deadline);
            }
            let budget_time = self
                .now
                .saturating_add((budget_end - self.instructions).saturating_mul(step));
            self.check_at = deadline
                .min(bus.next_event())
                .min(self.next_ext_event())
                .min(budget_time)
                .min(self.itimer_next);
            // Pending I/O interruptions for masked channels wait for a mask change,
            // which forces check_at to 0.
            return None;
        }
    }
}
