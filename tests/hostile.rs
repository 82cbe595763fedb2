//! Hostile guests: can one virtual machine break out of its box?
//!
//! Every test here boots a whole system (CP, CMS, the 3350 system residence volume at
//! 150), logs users on through their terminals, and lets one of them (the attacker,
//! ALICE unless said otherwise) run a small S/370 program from `tests/hostile/*.asm`,
//! assembled by cpcms's own assembler, planted with CP's `STORE` command and started with
//! `STORE PSW`, exactly as a user at a terminal could. The program believes it is in
//! supervisor state; CP traps and emulates every SIO, TIO, LPSW, DIAGNOSE it issues. BOB
//! is the victim: he has done nothing wrong and must not notice the attacker. Afterwards
//! the harness checks, from outside:
//!
//! - (a) BOB gets his ready line (`R;`) for an empty line within a stated virtual time
//!   (IDLE_BOUND, 1 s, after an attack; ONE_ATTACKER_BOUND, 250 ms, and
//!   SEVEN_ATTACKERS_BOUND, 1 s, while attackers compete for the CPU);
//! - (b) CP's static storage is what the assembler made: every byte its machine
//!   instructions, its literal pools and SYSCONF (the directory with every password)
//!   assembled into (`static_ranges`); and every real frame of BOB's (found through his
//!   VMBLOK's DAT tables, VMTABLES and VMSIZE) is byte for byte what it was before the
//!   attack, and so are his DAT tables (BOB is idle meanwhile, and real storage is not
//!   short: a CP that pages would have no reason to touch his frames);
//! - (c) every track of the volume outside the attacker's own two cylinders is what it
//!   was before the attack;
//! - (d) the attacker's storage (outside its own program, which holds what it looks for)
//!   holds none of the texts it must not have: BOB's password, BOB's record on his
//!   minidisk, the volume label on cylinder 0 — and the program's own verdict, its
//!   disabled-wait code (X'600D' good, X'BADn' the attack got through), says the same;
//! - (e) CP still answers: `#CP QUERY TIME`, and CMS's ready line for BOB.
//!
//! The classes: channel programs on the 191 (`ccw_*`), CPU share (`cpu_*`), storage
//! (`storage_*`), privileged instructions (`privop_*`), terminal output (`terminal_*`),
//! property tests with random channel programs and random privileged instructions
//! generated inside the guest (`fuzz_*`), and a soak: seven attackers beside a victim for
//! minutes of virtual time, with the host's memory watched (`soak_*`). `harness_*` check
//! the harness itself.
//!
//! Every test failed on the CP before the isolation work (each doc comment says what that
//! CP did, under "Today", and what a correct CP does); those pass now. The random
//! privileged-instruction stream found more, in today's CP: each has a small program and
//! a test of its own, ignored ("CP bug: ...") until CP is fixed, and the stream steps round
//! it meanwhile (PRIVGEN's AVOID). The long soak fails today too (BOB is late one sample
//! in twenty). `cargo test --test hostile` runs them.
//! `CPCMS_HOSTILE_ROMS=DIR` runs the suite against the CP and CMS in DIR/cp and DIR/cms
//! without rebuilding.
//!
//! The suite lives in tests/hostile/ beside its guest programs: programs.rs (assembling
//! and patching them), rig.rs (the booted system, the users, the checks a-e), then one
//! file a class: harness.rs, ccw.rs, cpu.rs, storage.rs, privop.rs, terminal.rs,
//! fuzz_ccw.rs, long_run.rs (the runner the long tests share), fuzz_privop.rs, soak.rs,
//! link.rs.
//!
//! Time is virtual (the machine runs at 1 MIPS of virtual time, see `Machine`), so every
//! run is the same, byte for byte, on every host.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use cpcms::asm::{self, Assembly};
use cpcms::cpu::{TOD_PER_SECOND, TOD_PER_US};
use cpcms::devices::dasd::{HEADER, Model, parse_track};
use cpcms::machine::Status;
use cpcms::sysgen::{EMBEDDED, MDISK_CYLS, SysConfig, System, User, Volume, mdisk_cylinder};

pub(crate) const MS: u64 = 1000 * TOD_PER_US;
pub(crate) const SEC: u64 = TOD_PER_SECOND;
pub(crate) const K: u32 = 1024;

/// The victim's password: the text an attacker hunts for in CP's directory.
pub(crate) const BOB_PASSWORD: &str = "SWORDFSH";
/// What BOB writes on his minidisk (tests/hostile/bobmark.asm).
pub(crate) const BOB_RECORD: &str = "THE EAGLE LANDS AT MIDNIGHT";
/// The volume label's data (record 3 of cylinder 0, head 0).
pub(crate) const VOLUME_LABEL: &str = "VOL1CPCMS1";

/// How long the victim may wait for his ready line when nobody competes: the harness
/// asks this of every test (e).
pub(crate) const IDLE_BOUND: u64 = 1000 * MS;

#[path = "hostile/ccw.rs"]
mod ccw;
#[path = "hostile/cpu.rs"]
mod cpu;
#[path = "hostile/fuzz_ccw.rs"]
mod fuzz_ccw;
#[path = "hostile/fuzz_privop.rs"]
mod fuzz_privop;
#[path = "hostile/harness.rs"]
mod harness;
#[path = "hostile/link.rs"]
mod link;
#[path = "hostile/long_run.rs"]
mod long_run;
#[path = "hostile/privop.rs"]
mod privop;
#[path = "hostile/programs.rs"]
mod programs;
#[path = "hostile/rig.rs"]
mod rig;
#[path = "hostile/soak.rs"]
mod soak;
#[path = "hostile/storage.rs"]
mod storage;
#[path = "hostile/terminal.rs"]
mod terminal;

use cpu::{ONE_ATTACKER_BOUND, SEVEN_ATTACKERS_BOUND};
use fuzz_privop::{priv_stats, privgen};
use long_run::{Runner, env_seconds, env_seed};
use programs::*;
use rig::*;
