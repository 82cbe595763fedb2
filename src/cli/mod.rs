//! The `cpcms` command's pieces, by job: what it accepts ([`args`]), the commands that
//! boot the system ([`play`]: play, kiosk, sysgen), the bare machine's ([`bare`]: ipl,
//! bench) and the assembler's ([`asm`]: asm, disasm). `main.rs` parses and dispatches.

pub mod args;
pub mod asm;
pub mod bare;
pub mod play;

#[cfg(test)]
mod tests;

/// A failure with its exit code: 1 = the program or scenario failed, 2 = bad input.
#[derive(Debug)]
pub(crate) struct Fail(pub(crate) u8, pub(crate) String);

pub(crate) fn bad(msg: impl Into<String>) -> Fail {
    Fail(2, msg.into())
}
