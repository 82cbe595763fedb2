//! The external interruptions that do not come from a timer: the operator's
//! interrupt key, and the emergency signal and external call that SIGNAL PROCESSOR
//! sends (on this one-CPU machine, a CPU can only signal itself).
//!
//! ```text
//!  condition          code    CR0 mask   X'84'-X'85'
//!  interrupt key      X'0040'  bit 25    zero (EC mode), unchanged (BC mode)
//!  emergency signal   X'1201'  bit 17    the signalling CPU's address (0), both modes
//!  external call      X'1202'  bit 18    the signalling CPU's address (0), both modes
//! ```
//!
//! (`Cpu::external_interrupt` in interrupt.rs stores them.)
//!
//! Each stays pending until the CPU is enabled for it (PSW bit 7 and its CR0 bit) and
//! is then taken once. Priority among the external conditions (highest first):
//! interrupt key, emergency signal, external call, then the clock comparator, CPU
//! timer and interval timer (timer.rs), as Hercules 3.13 takes them. Only one
//! external call can be pending: SIGP answers a second one with the
//! external-call-pending status (cc 1, X'00000080' in R1), as it does SENSE.
//!
//! The interrupt key is pressed by the host (`Cpu::press_interrupt_key`, `cpcms ipl
//! --interrupt-key`), like the key on the operator's panel or Hercules' `ext`
//! command.

use super::Cpu;

/// CR0 bit 25.
const CR0_INTKEY: u32 = 0x0000_0040;
/// CR0 bit 17.
const CR0_EMERGENCY: u32 = 0x0000_4000;
/// CR0 bit 18.
const CR0_EXTCALL: u32 = 0x0000_2000;
pub(crate) const EXT_INTKEY: u16 = 0x0040;
pub(crate) const EXT_EMERGENCY: u16 = 0x1201;
pub(crate) const EXT_EXTCALL: u16 = 0x1202;
/// SIGP status bit 24: an external call is already pending.
pub(crate) const STATUS_EXTCALL_PENDING: u32 = 0x0000_0080;

impl Cpu {
    /// The operator presses the interrupt key: an external interruption (code X'0040')
    /// becomes pending.
    pub fn press_interrupt_key(&mut self) {
        self.intkey_pending = true;
        self.check_at = 0;
    }

    /// The highest-priority signal that is pending and enabled by CR0 (the PSW
    /// external mask is the caller's).
    pub(crate) fn signal_pending(&self) -> Option<u16> {
        let cr0 = self.cr[0];
        if self.intkey_pending && cr0 & CR0_INTKEY != 0 {
            Some(EXT_INTKEY)
        } else if self.emergency_pending && cr0 & CR0_EMERGENCY != 0 {
            Some(EXT_EMERGENCY)
        } else if self.extcall_pending && cr0 & CR0_EXTCALL != 0 {
            Some(EXT_EXTCALL)
        } else {
            None
        }
    }

    /// The external interruption for `code` is being taken: a signal is no longer
    /// pending.
    pub(crate) fn signal_taken(&mut self, code: u16) {
        match code {
            EXT_INTKEY => self.intkey_pending = false,
            EXT_EMERGENCY => self.emergency_pending = false,
            EXT_EXTCALL => self.extcall_pending = false,
            _ => {}
        }
    }

    /// SIGP emergency signal to this CPU.
    pub(crate) fn signal_emergency(&mut self) {
        self.emergency_pending = true;
        self.check_at = 0;
    }

    /// SIGP external call to this CPU: false if one is already pending.
    pub(crate) fn signal_external_call(&mut self) -> bool {
        if self.extcall_pending {
            return false;
        }
        self.extcall_pending = true;
        self.check_at = 0;
        true
    }

    /// SIGP sense status of this CPU (0: nothing to report).
    pub(crate) fn sense_status(&self) -> u32 {
        if self.extcall_pending {
            STATUS_EXTCALL_PENDING
        } else {
            0
        }
    }
}
