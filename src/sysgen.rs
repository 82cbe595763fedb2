//! System generation: assemble CP and CMS from roms/, build the directory, load them.
//! (Interface fixed by the walking skeleton; written with CP itself.)

use crate::asm::Assembly;
use crate::machine::Machine;

/// One user in the CP directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub id: String,
    pub password: String,
    /// Virtual storage in bytes.
    pub storage: u32,
}

/// Everything sysgen needs to know.
#[derive(Clone, Debug)]
pub struct SysConfig {
    pub storage: u32,
    pub mips: f64,
    pub tod_epoch: u64,
    pub users: Vec<User>,
    /// Number of user terminals (3215s at 020, 021, ...).
    pub terminals: usize,
}

/// A booted system: the machine with CP running, and the assemblies for observers.
pub struct System {
    pub machine: Machine,
    pub cp: Assembly,
    pub cms: Assembly,
    /// Device addresses of the user terminals, in terminal-number order.
    pub terminals: Vec<u16>,
    /// Device address of the operator console.
    pub operator: u16,
}

/// What CP's published status table says about one virtual machine (read like a
/// hardware monitor: by symbol name, never performing anything for the guest).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VmStatus {
    pub userid: String,
    pub terminal: u16,
    /// "RUNNING", "VM READ", "WAIT", "CP READ", ...
    pub state: String,
    /// Problem-state instructions executed in this virtual machine.
    pub instructions: u64,
    /// Privileged instructions CP trapped and emulated for it.
    pub privops: u64,
}

impl System {
    /// Assemble roms (from `roms_dir`, or the copies embedded in the binary when `None`),
    /// build the machine and IPL CP.
    pub fn boot(_cfg: &SysConfig, _roms_dir: Option<&std::path::Path>) -> Result<System, String> {
        todo!()
    }

    /// The logged-on virtual machines.
    pub fn vm_status(&self) -> Vec<VmStatus> {
        todo!()
    }
}
