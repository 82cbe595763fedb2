//! The S/370 CPU.
//!
//! A straightforward interpreter: fetch, decode with one `match` on the opcode byte,
//! execute, and keep everything that is rare (interruptions, timers, device events,
//! the instruction budget) behind a single compare of `now` against `check_at`.
//!
//! ```text
//!  run ──► now >= check_at ? ──yes──► service(): bus events, early PSW exceptions,
//!   ▲            │no                    external/I-O interruptions, wait state,
//!   │            ▼                      deadline/budget; computes the next check_at
//!   │      burst.rs (most instructions, state in host registers) or
//!   │      fetch (access.rs) ─► exec.rs exec_op ─► exec_*.rs family functions
//!   └──────────── Err(Ex::Pgm/Svc) ─► interrupt.rs (PSW swap, low-storage fields)
//! ```
//!
//! Modules: `psw` (PSW formats), `access` (logical->real->absolute, keys, DAT, TLB),
//! `interrupt` (all PSW swaps and `service`), `timer` (TOD, CPU timer, clock comparator),
//! `exec` (decode) and one `exec_*` module per instruction family.
//!
//! Time: the CPU owns the virtual clock. `now` counts TOD-clock units (bit 63 of the TOD
//! clock = 1/4096 microsecond) since power-on and advances by `step` for every executed
//! instruction; in the wait state it jumps to the next deadline. The TOD clock, the CPU
//! timer and the clock comparator all derive from `now`.

use crate::storage::Storage;

/// TOD-clock units per microsecond (bit 51 of the TOD clock is one microsecond).
pub const TOD_PER_US: u64 = 4096;
/// TOD-clock units per second.
pub const TOD_PER_SECOND: u64 = TOD_PER_US * 1_000_000;

/// Result of a channel-I/O instruction as the bus reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IoCc {
    /// Condition code 0.
    Cc0,
    /// Condition code 1 with the CSW to store at X'40' (all 8 bytes; the CPU stores them).
    Cc1Csw([u8; 8]),
    /// Condition code 1 without a CSW store (e.g. HIO: halt initiated).
    Cc1,
    /// Condition code 2 (busy).
    Cc2,
    /// Condition code 3 (not operational).
    Cc3,
}

/// What the CPU needs from the channel subsystem. Implemented by `channel::Channel`.
/// Device addresses are 16-bit `0cuu` values (channel in the high byte).
pub trait IoBus {
    /// The CPU's prefix register, before each I/O instruction: the channel fetches the
    /// CAW from real X'48' and stores status at real X'44', both in the prefix area
    /// (absolute `prefix + X'48'` while the prefix is not 0).
    fn set_prefix(&mut self, _prefix: u32) {}
    /// SIO (`fast` = SIOF). The channel fetches the CAW from X'48' itself.
    fn start_io(&mut self, mem: &mut Storage, dev: u16, fast: bool, now: u64) -> IoCc;
    /// TIO.
    fn test_io(&mut self, mem: &mut Storage, dev: u16, now: u64) -> IoCc;
    /// HIO (`device` = HDV).
    fn halt_io(&mut self, mem: &mut Storage, dev: u16, device: bool, now: u64) -> IoCc;
    /// TCH: condition code 0..3 for `channel`.
    fn test_channel(&mut self, channel: u8, now: u64) -> u8;
    /// Cheap check: is any I/O interruption pending at all?
    fn interrupt_pending(&self) -> bool;
    /// Take the highest-priority pending I/O interruption of a channel whose bit
    /// (bit 15-n for channel n, i.e. `1 << (15 - n)`) is set in `channel_mask`:
    /// (device address, CSW).
    fn take_interrupt(&mut self, channel_mask: u16) -> Option<(u16, [u8; 8])>;
    /// Virtual time of the next scheduled device event (`u64::MAX` if none).
    fn next_event(&self) -> u64;
    /// Perform every device event due at or before `now`.
    fn advance(&mut self, mem: &mut Storage, now: u64);
}

/// Why `Cpu::run` returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// `now` reached the deadline (or the instruction budget ran out).
    Deadline,
    /// Enabled wait with nothing due before the deadline: `now` has been advanced to it.
    Wait,
    /// Disabled wait (wait bit on, I/O and external masked off): the machine is done.
    DisabledWait,
    /// The CPU cannot go on (e.g. an invalid new PSW loops on program interruptions).
    Checkstop,
}

/// Observes execution, for `--trace` and the TUI. Every method has an empty default,
/// so the no-trace case compiles away.
pub trait Tracer {
    /// False if `instruction` does nothing (lets `run` take its fastest path).
    fn observes_instructions(&self) -> bool {
        true
    }
    /// Called before each instruction executes: its address and the fetched bytes.
    fn instruction(&mut self, _cpu: &Cpu, _addr: u32, _bytes: &[u8]) {}
    /// Called after an interruption swapped PSWs: class, code, old and new PSW.
    fn interruption(
        &mut self,
        _cpu: &Cpu,
        _class: InterruptClass,
        _code: u16,
        _old: u64,
        _new: u64,
    ) {
    }
}

/// The tracer that observes nothing.
pub struct NoTrace;
impl Tracer for NoTrace {
    fn observes_instructions(&self) -> bool {
        false
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InterruptClass {
    Restart,
    External,
    Svc,
    Program,
    MachineCheck,
    Io,
}

/// The CPU and the storage it owns.
pub struct Cpu {
    /// General registers.
    pub gpr: [u32; 16],
    /// Floating-point registers 0, 2, 4, 6 (index 0..3).
    pub fpr: [u64; 4],
    /// Control registers.
    pub cr: [u32; 16],
    /// Main storage.
    pub mem: Storage,
    /// Virtual time since power-on, in TOD units.
    pub now: u64,
    /// TOD units added per executed instruction (4096 at 1 MIPS).
    pub step: u64,
    /// TOD clock value at power-on (`now` = 0).
    pub tod_epoch: u64,
    /// Instructions executed since power-on.
    pub instructions: u64,
    /// Problem-state instructions per address space: (CR1 value, count). Updated on every
    /// PSW swap (interruption, LPSW) from problem state, so it is exact at every
    /// interruption and cheap on the hot path.
    pub problem_instructions: Vec<(u32, u64)>,
    /// Privileged instructions trapped in the problem state, for observers (off unless
    /// enabled; see traplog.rs).
    pub traps: TrapLog,

    // ---- the current PSW, unpacked (see psw.rs for the two formats) ----
    /// PSW bits 0-7: BC channel masks 0-5, I/O mask, external mask; EC: PER, DAT, I/O, ext.
    sysmask: u8,
    /// PSW key (0-15).
    key: u8,
    /// PSW bit 12: EC mode.
    ec: bool,
    /// PSW bit 13.
    mchk: bool,
    /// PSW bit 14.
    wait: bool,
    /// PSW bit 15.
    problem: bool,
    cc: u8,
    pmask: u8,
    /// Instruction address (24 bits).
    ia: u32,
    /// Instruction-length code of the last instruction, in halfwords (0-3).
    ilc: u8,
    /// EC mode with PSW bit 5: translate logical addresses.
    dat: bool,
    /// EC-mode PSW bit 16 (dual-address space): the secondary-space mode when DAT is
    /// on (see exec_das.rs).
    space: bool,
    /// DAT translates with the secondary segment table (CR7): `dat && space`.
    secondary: bool,
    /// Bits of an invalid EC PSW that must be zero, kept so the old PSW shows them.
    psw_bad: u64,
    /// An invalid PSW was loaded: specification exception before the next instruction.
    psw_error: bool,

    // ---- execution state ----
    /// Address of the instruction that caused the program interruption being taken (for
    /// nullification); set only when one is.
    cur_ia: u32,
    /// `now` at or after which `service` must run (0 = at once).
    check_at: u64,
    /// Prefix register (bits 8-19 significant).
    prefix: u32,
    /// CPU timer = `cpt_origin - now` (as a signed 64-bit value).
    cpt_origin: u64,
    /// Clock comparator.
    ckc: u64,
    /// Virtual address of the last segment/page-translation exception (for X'90').
    xlate_addr: u32,
    tlb: Box<[access::TlbEntry; access::TLB_SIZE]>,
    /// Blocks already checked for fetch/store in the current state (see access.rs).
    acache: Box<access::AccessCache>,
    /// The logical 2K block instructions are being fetched from (`FETCH_NONE`: none)
    /// and its absolute address: the instruction-fetch fast path (see access.rs).
    fetch_va: u32,
    fetch_base: u32,
    /// `instructions` when the CPU last entered the problem state.
    problem_since: u64,
    /// Instructions that ended in a program interruption (for the loop guard).
    faulted: u64,
    /// Progress mark and count of PSW swaps without progress (interruption-loop guard).
    guard_mark: u64,
    guard_count: u32,
    checkstopped: bool,

    // ---- PER (see per.rs) ----
    /// PER is on: EC mode, PSW bit 1 and an event mask in CR9. Every instruction then
    /// runs through `per_instruction`.
    per_mode: bool,
    /// Storage alteration is monitored (no store enters the access cache).
    per_store: bool,
    /// Events recognized so far in the current instruction (PER-code bits).
    per_events: u8,
    /// The target of EXECUTE in the current instruction: its address and bytes.
    per_target: Option<(u32, exec::Ib)>,
    /// PER code and address for the program interruption being taken.
    per_code: u8,
    per_address: u32,

    // ---- interval timer (see timer.rs) ----
    /// Interval-timer updates (1/300 s each) done since power-on.
    itimer_ticks: u64,
    /// `now` of the next update.
    itimer_next: u64,
    /// An interval-timer interruption request is pending.
    itimer_pending: bool,

    // ---- signals (see signals.rs) ----
    /// The interrupt key was pressed and its interruption not yet taken.
    intkey_pending: bool,
    /// An emergency signal / external call from SIGP is pending.
    emergency_pending: bool,
    extcall_pending: bool,
}

/// Logical addresses are 24 bits.
pub(crate) const AMASK: u32 = 0x00FF_FFFF;

impl Cpu {
    /// A CPU with `storage` bytes, in the stopped state with a zero PSW, running at
    /// `mips` million instructions per second of virtual time.
    ///
    /// Storage is rounded up to a multiple of 4K (at least 4K) and capped at 16M, the
    /// reach of a 24-bit address.
    pub fn new(storage: u32, mips: f64, tod_epoch: u64) -> Self {
        let size = storage.clamp(4096, 1 << 24).div_ceil(4096) * 4096;
        let step = if mips.is_finite() && mips > 0.0 {
            ((TOD_PER_US as f64) / mips).round().max(1.0) as u64
        } else {
            TOD_PER_US
        };
        let mut cr = [0u32; 16];
        cr[0] = 0x0000_00E0;
        cr[2] = 0xFFFF_FFFF;
        cr[14] = 0xC200_0000;
        cr[15] = 0x0000_0200;
        Cpu {
            gpr: [0; 16],
            fpr: [0; 4],
            cr,
            mem: Storage::new(size),
            now: 0,
            step,
            tod_epoch,
            instructions: 0,
            problem_instructions: Vec::new(),
            traps: TrapLog::default(),
            sysmask: 0,
            key: 0,
            ec: false,
            mchk: false,
            wait: false,
            problem: false,
            cc: 0,
            pmask: 0,
            ia: 0,
            ilc: 0,
            dat: false,
            space: false,
            secondary: false,
            psw_bad: 0,
            psw_error: false,
            cur_ia: 0,
            check_at: 0,
            prefix: 0,
            cpt_origin: 0,
            ckc: 0,
            xlate_addr: 0,
            tlb: Box::new([access::TlbEntry::EMPTY; access::TLB_SIZE]),
            acache: access::AccessCache::new(),
            fetch_va: access::FETCH_NONE,
            fetch_base: 0,
            problem_since: 0,
            faulted: 0,
            guard_mark: u64::MAX,
            guard_count: 0,
            checkstopped: false,
            per_mode: false,
            per_store: false,
            per_events: 0,
            per_target: None,
            per_code: 0,
            per_address: 0,
            itimer_ticks: 0,
            itimer_next: timer::itimer_tick_time(1),
            itimer_pending: false,
            intkey_pending: false,
            emergency_pending: false,
            extcall_pending: false,
        }
    }

    /// The current PSW as 8 bytes (BC or EC format as its bit 12 says); in BC mode the
    /// ILC bits 32-33 hold the ILC of the last instruction.
    pub fn psw(&self) -> u64 {
        self.pack_psw(0)
    }

    /// Load a PSW (as LPSW would, but from the host); `Err` if it is invalid (then
    /// nothing changes).
    pub fn set_psw(&mut self, psw: u64) -> Result<(), String> {
        if let Some(why) = psw::invalid_reason(psw) {
            return Err(format!("invalid PSW {psw:016X}: {why}"));
        }
        let was_problem = self.problem;
        self.load_psw(psw);
        self.account_problem(was_problem);
        self.checkstopped = false;
        self.guard_count = 0;
        self.check_at = 0;
        Ok(())
    }

    /// Perform a restart the way the operator's restart key does: store the current PSW
    /// at X'8' and load the PSW at X'0'.
    pub fn restart(&mut self) {
        self.checkstopped = false;
        self.guard_count = 0;
        let old = self.psw();
        self.swap(0x08, 0x00, old);
    }

    /// Run until `deadline` (virtual time), `max_instructions`, or a stop condition.
    pub fn run<B: IoBus, T: Tracer>(
        &mut self,
        bus: &mut B,
        tracer: &mut T,
        deadline: u64,
        max_instructions: u64,
    ) -> Stop {
        let step = self.step.max(1);
        let budget_end = self.instructions.saturating_add(max_instructions);
        self.check_at = 0;
        // The host may have changed storage keys or control registers since the last run.
        self.flush_access_cache();
        self.update_per();
        loop {
            if self.now >= self.check_at {
                if let Some(stop) = self.service(bus, tracer, deadline, budget_end, step) {
                    return stop;
                }
                if self.per_mode {
                    // PER: every instruction on the slow path, back here after each.
                    self.per_instruction(bus, tracer, step);
                    self.check_at = 0;
                    continue;
                }
            }
            if tracer.observes_instructions() {
                self.one_instruction(bus, tracer, step);
            } else {
                self.burst(bus, tracer, step);
            }
        }
    }

    /// Take the interruption an instruction ended with.
    #[inline]
    pub(crate) fn interrupted<T: Tracer>(&mut self, tracer: &mut T, e: exec::Ex) {
        match e {
            exec::Ex::Pgm(code) => {
                self.faulted += 1;
                self.program_interrupt(tracer, code);
            }
            exec::Ex::Svc(n) => self.svc_interrupt(tracer, n),
        }
    }

    /// Fetch, trace, execute one instruction and take its program/SVC interruption.
    #[inline(always)]
    pub(crate) fn one_instruction<B: IoBus, T: Tracer>(
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
        tracer.instruction(self, ia, &ib[..exec::ilen(ib[0]) as usize]);
        self.now = self.now.wrapping_add(step);
        self.instructions += 1;
        if let Err(e) = self.execute_at(bus, ib, ia) {
            // Only an interruption needs the address of the instruction (nullification).
            self.cur_ia = ia;
            self.interrupted(tracer, e);
        }
    }

    /// The instruction at `ia` could not be fetched (odd address, or an access
    /// exception on one of its halfwords): its length is unknown. POO ("ILC on
    /// instruction-fetching exceptions"): the ILC is 1, 2 or 3 and the instruction
    /// address is advanced by as many halfwords, except for a segment- or
    /// page-translation exception, which nullifies (the address stays). This model
    /// takes 2, as Hercules 3.13 does (tests/hercules/ifetch.asm).
    #[cold]
    fn fetch_failed<T: Tracer>(&mut self, tracer: &mut T, ia: u32, code: u16) {
        self.cur_ia = ia;
        self.ilc = 2;
        self.ia = (ia + 4) & AMASK;
        self.program_interrupt(tracer, code);
    }

    /// True in the wait state (enabled or not).
    pub fn waiting(&self) -> bool {
        self.wait
    }

    /// The TOD clock value now.
    pub fn tod(&self) -> u64 {
        self.tod_epoch.wrapping_add(self.now)
    }

    /// The prefix register.
    pub fn prefix(&self) -> u32 {
        self.prefix
    }

    /// The CPU timer value now.
    pub fn cpu_timer(&self) -> i64 {
        self.cpt_origin.wrapping_sub(self.now) as i64
    }

    /// The clock comparator.
    pub fn clock_comparator(&self) -> u64 {
        self.ckc
    }

    /// True after the interruption-loop guard stopped the CPU (cleared by `set_psw`
    /// and `restart`).
    pub fn checkstopped(&self) -> bool {
        self.checkstopped
    }
}

mod access;
mod burst;
mod exec;
mod exec_assist;
mod exec_branch;
mod exec_control;
mod exec_das;
mod exec_decimal;
mod exec_ext;
mod exec_fixed;
mod exec_float;
mod exec_io;
mod exec_logical;
mod exec_ss;
mod interrupt;
mod per;
mod psw;

/// Why `psw` is not a valid S/370 PSW (a specification exception if loaded), or `None`.
pub fn psw_invalid_reason(psw: u64) -> Option<&'static str> {
    psw::invalid_reason(psw)
}
mod signals;
mod timer;
mod traplog;
pub use traplog::{TRAP_LOG_SIZE, TrapEvent, TrapLog};

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_das;
#[cfg(test)]
mod tests_per;
#[cfg(test)]
mod tests_prot;
#[cfg(test)]
mod tests_system;
