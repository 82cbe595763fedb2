//! cpcms: a System/370 in a terminal.
//!
//! The layers, from the bottom (arrows point down only; see README "Architecture"):
//!
//! ```text
//!  front ends   tui/   scenario/   main.rs (cli)
//!  sysgen       sysgen.rs: assembles roms/ with asm/, builds the directory, loads CP
//!  system       machine.rs: CPU + storage + channel + devices + virtual time
//!  hardware     cpu/  storage.rs  channel/  devices/
//!  tools        asm/  disasm.rs  opcodes.rs (the one opcode table)  ebcdic.rs
//! ```
//!
//! CP and CMS exist only as S/370 assembler in `roms/`. Nothing in Rust performs a CP or
//! CMS service for a guest; the Rust side runs the hardware and observes it.

pub mod asm;
pub mod bench;
pub mod channel;
pub mod cpu;
pub mod devices;
pub mod disasm;
pub mod ebcdic;
pub mod machine;
pub mod opcodes;
pub mod publish;
pub mod scenario;
pub mod storage;
pub mod sysgen;
pub mod trace;
pub mod tui;
