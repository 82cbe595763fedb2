//! The S/370 CPU.
//!
//! (Interface fixed by the walking skeleton; the bodies marked `todo!` are the CPU work.)
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
impl Tracer for NoTrace {}

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
}

impl Cpu {
    /// A CPU with `storage` bytes, in the stopped state with a zero PSW, running at
    /// `mips` million instructions per second of virtual time.
    pub fn new(_storage: u32, _mips: f64, _tod_epoch: u64) -> Self {
        todo!()
    }

    /// The current PSW as 8 bytes (BC or EC format as its bit 12 says); in BC mode the
    /// ILC bits 32-33 hold the ILC of the last instruction.
    pub fn psw(&self) -> u64 {
        todo!()
    }

    /// Load a PSW (as LPSW would, but from the host); `Err` if it is invalid.
    pub fn set_psw(&mut self, _psw: u64) -> Result<(), String> {
        todo!()
    }

    /// Perform a restart the way the operator's restart key does: store the current PSW
    /// at X'8' and load the PSW at X'0'.
    pub fn restart(&mut self) {
        todo!()
    }

    /// Run until `deadline` (virtual time), `max_instructions`, or a stop condition.
    pub fn run<B: IoBus, T: Tracer>(
        &mut self,
        _bus: &mut B,
        _tracer: &mut T,
        _deadline: u64,
        _max_instructions: u64,
    ) -> Stop {
        todo!()
    }

    /// True in the wait state (enabled or not).
    pub fn waiting(&self) -> bool {
        todo!()
    }

    /// The TOD clock value now.
    pub fn tod(&self) -> u64 {
        self.tod_epoch.wrapping_add(self.now)
    }
}
