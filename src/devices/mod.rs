//! I/O devices: one file per device type, each behind the small [`Device`] trait.
//!
//! The contract follows SIMH's IBM 360 devices: the channel owns the channel program
//! and hands a device one command at a time; the device answers in virtual time.
//!
//! ```text
//!   channel                         device
//!   -------                         ------
//!   SIO / command chaining  --->  start(cmd, xfer, now) -> Immediate(status)  (no data moved)
//!                                                        | At(t)  (call service at t)
//!                                                        | Wait   (until operator input)
//!   event due at t          --->  service(xfer, t)      -> Done(status) | At(t') | Wait
//!   HIO / HDV               --->  halt(now)             -> ending status
//!   operator types a line   --->  input(line, now)      -> Wake(t) | Held
//!   subchannel idle         --->  attention()           -> raise unsolicited ATTENTION?
//! ```
//!
//! `xfer` ([`Transfer`]) is the byte path: `fetch`/`fetch_up_to` for output, `store` for
//! input. The channel does everything else (CCW fetch, TIC, data and command chaining,
//! counts, keys, incorrect length, the CSW). A device never sees storage directly and never
//! reads the wall clock, so every run is reproducible.

pub mod console3215;

use crate::channel::{Transfer, UnitStatus};

/// A device's answer to a new command (initial selection).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    /// The operation ended at initial selection without moving data (a control command
    /// such as no-op, or a command reject with unit check). Incorrect length is never
    /// indicated for an immediate operation.
    Immediate(UnitStatus),
    /// Accepted: the channel calls `service` at this virtual time.
    At(u64),
    /// Accepted, waiting for something outside the machine (an operator's input line);
    /// the device asks to be serviced through `input` returning [`Input::Wake`].
    Wait,
}

/// A device's answer when its scheduled event falls due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Service {
    /// The operation is over with this status (normally channel end + device end).
    Done(UnitStatus),
    /// Not yet: call `service` again at this virtual time.
    At(u64),
    /// Wait for operator input.
    Wait,
}

/// What operator input did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// A read was waiting for it: call `service` at this virtual time.
    Wake(u64),
    /// Held in the device; the device will ask for attention (see `Device::attention`).
    Held,
}

/// One I/O device. Only `kind` and `start` are required.
pub trait Device {
    /// Device type, e.g. `"3215"`.
    fn kind(&self) -> &'static str;

    /// Initial selection for command `cmd`. Data may move through `xfer` right away.
    fn start(&mut self, cmd: u8, xfer: &mut Transfer, now: u64) -> Start;

    /// An event the device scheduled is due (`now` is the scheduled time).
    fn service(&mut self, _xfer: &mut Transfer, _now: u64) -> Service {
        Service::Done(UnitStatus::CE_DE)
    }

    /// HIO/HDV ended the current operation: stop, and give the ending status.
    fn halt(&mut self, _now: u64) -> UnitStatus {
        UnitStatus::CE_DE
    }

    /// Called when the subchannel is idle: true to present an unsolicited ATTENTION now
    /// (the device clears its own request).
    fn attention(&mut self) -> bool {
        false
    }

    /// A person typed `line` and pressed Enter.
    fn input(&mut self, _line: &str, _now: u64) -> Result<Input, String> {
        Err(format!("a {} has no keyboard", self.kind()))
    }

    /// True while a read waits for the operator (keyboard unlocked).
    fn awaiting_input(&self) -> bool {
        false
    }

    /// Everything a printing terminal has printed, typed input included.
    fn transcript(&self) -> Option<&str> {
        None
    }
}
