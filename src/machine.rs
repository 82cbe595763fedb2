//! The machine: CPU + storage + channel + devices + virtual time.
//!
//! (Interface fixed by the walking skeleton; bodies are the machine/channel work.)
//! The machine knows nothing of where its programs come from (see `sysgen`).

use crate::cpu::{Cpu, Stop};

/// How to build a machine.
#[derive(Clone, Debug)]
pub struct MachineConfig {
    /// Main storage in bytes (a multiple of 4K).
    pub storage: u32,
    /// Model speed: millions of instructions per virtual second.
    pub mips: f64,
    /// TOD clock value at power-on.
    pub tod_epoch: u64,
}

/// What the machine is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Running,
    /// Enabled wait: waiting for an interruption.
    Waiting,
    /// Disabled wait, with the PSW.
    DisabledWait(u64),
    Checkstop,
}

pub struct Machine {
    pub cpu: Cpu,
}

impl Machine {
    pub fn new(_cfg: &MachineConfig) -> Self {
        todo!()
    }

    /// Attach a 3215 console (typewriter terminal) at device address `dev`.
    pub fn attach_console(&mut self, _dev: u16) {
        todo!()
    }

    /// Load bytes into real storage.
    pub fn load(&mut self, addr: u32, bytes: &[u8]) -> Result<(), String> {
        self.cpu.mem.load(addr, bytes)
    }

    /// Virtual time since power-on, TOD units.
    pub fn now(&self) -> u64 {
        self.cpu.now
    }

    /// Run until virtual time `t` (or a disabled wait / checkstop). In an enabled wait with
    /// nothing due, time jumps straight to `t`.
    pub fn run_until(&mut self, _t: u64) -> Status {
        todo!()
    }

    /// Run at most `n` instructions (for `cpcms ipl --max-instructions`).
    pub fn run_instructions(&mut self, _n: u64) -> Status {
        todo!()
    }

    pub fn status(&self) -> Status {
        todo!()
    }

    /// A person types `line` on the terminal at `dev` and presses Enter.
    pub fn type_line(&mut self, _dev: u16, _line: &str) -> Result<(), String> {
        todo!()
    }

    /// Everything the terminal at `dev` has printed, typed input included, as text
    /// with `\n` line ends.
    pub fn transcript(&self, _dev: u16) -> Option<&str> {
        todo!()
    }

    #[allow(dead_code)]
    fn _stop(_s: Stop) {}
}
