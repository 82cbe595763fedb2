//! System generation: assemble CP and CMS from `roms/`, write CP's configuration, load
//! both into a machine and IPL CP.
//!
//! This is what a VM/370 system programmer did with DMKRIO, DMKSYS and the directory, in
//! one step, in milliseconds:
//!
//! 1. CMS is assembled first (origin 0: it becomes each virtual machine's page 0 on up).
//! 2. `SYSCONF`, a COPY member of CP, is *generated* as assembler source from the
//!    scenario: the terminal addresses, the user directory, the real storage size and the
//!    CMS nucleus length. Students can read it in the listing like any other CP source.
//! 3. CP is assembled (origin 0: its PSA is real page 0).
//! 4. CP is loaded at 0 and the CMS nucleus at CP's `NSSAREA` — VM/370 would call that a
//!    named saved system; `LOGON` copies it into each new virtual machine.
//! 5. The machine IPLs CP: the PSW is loaded from location 0.
//!
//! After that, Rust only observes: [`System::vm_status`] reads CP's VMBLOKs by the field
//! names the assembler exported, like a hardware monitor would.
//!
//! Here: the configuration's types and CP's limits. Beside it, by job: `members.rs` (the
//! generated `SYSCONF` and `SYSDIR`), `sysres.rs` (the system residence volume),
//! `boot.rs` (checking a configuration, building and IPLing the system), `roms.rs`,
//! `direct.rs` (the `USER DIRECT` file), `alloc.rs`, `volumes.rs`, `install.rs` and
//! `cmsdisk.rs` (CMS disks), `machine_room.rs`, `vmtable.rs` (reading VMBLOKs).

use crate::asm::Assembly;
use crate::devices::dasd::Model;
use crate::machine::Machine;

/// One user in the CP directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub id: String,
    pub password: String,
    /// Virtual storage in bytes.
    pub storage: u32,
    /// Privilege classes, letters A-H (`G`: a general user; see [`privilege_mask`]).
    pub classes: String,
    /// Its reader, punch and printer, in that order (the directory's SPOOL statements;
    /// `None`: the machine has none).
    pub spool: [Option<UnitRecord>; 3],
}

/// A virtual unit-record device (a directory's `SPOOL vaddr type class`): its address
/// and spool class (`*`, a reader's "any", or A-Z, 0-9).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnitRecord {
    pub vaddr: u16,
    pub class: u8,
}

/// The reader, punch and printer VM/370's directories gave a CMS user, and what the
/// short `users:` form and sysgen's own users (MAINT, OPERATOR) get:
/// `SPOOL 00C 2540 READER *`, `SPOOL 00D 2540 PUNCH A`, `SPOOL 00E 1403 A`.
pub const DEFAULT_SPOOL: [Option<UnitRecord>; 3] = [
    Some(UnitRecord {
        vaddr: 0x00C,
        class: b'*',
    }),
    Some(UnitRecord {
        vaddr: 0x00D,
        class: b'A',
    }),
    Some(UnitRecord {
        vaddr: 0x00E,
        class: b'A',
    }),
];

impl User {
    /// A general user (class G).
    pub fn new(id: &str, password: &str, storage: u32) -> User {
        User {
            id: id.into(),
            password: password.into(),
            storage,
            classes: "G".into(),
            spool: DEFAULT_SPOOL,
        }
    }
}

/// The privilege classes `A`-`H` as CP's one-byte mask (DIRCLASS, VMCLASS, COMCLASS in
/// roms/cp/blocks.asm): A is X'80', B X'40', ... H X'01'. Other letters count for nothing.
pub fn privilege_mask(classes: &str) -> u8 {
    classes
        .bytes()
        .map(|c| c.to_ascii_uppercase())
        .filter(|c| (b'A'..=b'H').contains(c))
        .fold(0, |m, c| m | (0x80 >> (c - b'A')))
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
    /// The minidisks a directory (`USER DIRECT`, see [`direct`]) gives the users, MDISK
    /// and LINK alike. Empty: each user gets a 191 of `MDISK_CYLS` cylinders where the
    /// volume's allocation record puts it (see [`alloc`]).
    pub disks: Vec<Disk>,
    /// Where the storage size was written (`file:line:col`), for a message when it is
    /// too small for CP's tables and the terminals; `None` outside scenarios.
    pub storage_at: Option<String>,
    /// Real disks beside the system residence volume (see [`volumes`]).
    pub volumes: Vec<Volume>,
    /// CP's paging device (the 3350 at [`PAGE_DEV`]): `None`, as many cylinders of page
    /// area as the users' virtual storage asks ([`page_cyls`]); `Some(0)`, none (CP
    /// steals only pages whose slots hold them, and a machine that finds no frame is
    /// stopped); `Some(n)`, `n` cylinders. From the directory's `PAGING` statement or a
    /// scenario's `machine.paging` (see [`page_area_cyls`]).
    pub paging: Option<u16>,
}

/// A minidisk of a user's virtual machine: `cyls` cylinders of the real disk at
/// `raddr` from `start`, at virtual address `vaddr`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disk {
    pub user: String,
    pub vaddr: u16,
    /// The real disk: `SYSRES` or a configured volume's address.
    pub raddr: u16,
    pub start: u16,
    pub cyls: u16,
    pub read_only: bool,
    /// A LINK to another user's MDISK (the extent is that user's).
    pub link: bool,
    /// DEDICATE: the whole real disk (`start` 0, all its cylinders).
    pub dedicated: bool,
    /// The MDISK's read, write and multiple-write passwords (`rpw wpw mpw`), empty
    /// where it has none: CP's LINK command asks for them (`ALL`: none needed).
    pub passwords: [String; 3],
}

/// Most minidisks one user may have (CP's VMNVDEV).
pub const MAX_DISKS: usize = 8;

/// A booted system: the machine with CP running, and the assemblies for observers.
pub struct System {
    pub machine: Machine,
    pub cp: Assembly,
    pub cms: Assembly,
    /// Who owns which cylinders of the system residence volume (see [`alloc`]).
    pub extents: Vec<Extent>,
    /// Device addresses of the user terminals, in terminal-number order.
    pub terminals: Vec<u16>,
    /// Device address of the operator console.
    pub operator: u16,
}

/// What CP's VMBLOKs say about one virtual machine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VmStatus {
    pub userid: String,
    pub terminal: u16,
    /// "RUNNING", "VM READ", "WAIT", "CP READ" (stopped), "CP WRITE" (its DIAGNOSE X'08'
    /// waits for the terminal to type CP's answer), "PAGE WAIT" (a page of its is being
    /// read from the paging device).
    pub state: String,
    /// Problem-state instructions executed in this virtual machine.
    pub instructions: u64,
    /// Privileged instructions CP trapped and emulated for it.
    pub privops: u64,
}

/// What CP's paging has done (roms/cp/paging.asm), read from its counts and each
/// VMBLOK by field name, as [`VmStatus`] is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PagingStatus {
    /// Pages read in from the paging device, written out to it.
    pub page_ins: u32,
    pub page_outs: u32,
    /// Guest faults that waited for a page (page wait).
    pub waits: u32,
    /// Frames taken from one page for another.
    pub steals: u32,
    /// Per logged-on user: (userid, pages in frames, pages it has).
    pub users: Vec<(String, u32, u32)>,
}

/// The operator's console.
pub const OPERATOR: u16 = 0x009;
/// The machine room's card reader (a 3505) and printer (a 1403): see [`machine_room`].
pub use machine_room::{REAL_PRINTER, REAL_READER};
/// The first user terminal; the others follow.
pub const FIRST_TERMINAL: u16 = 0x020;
/// The system residence volume: a 3350 holding the IPL records, CP and the CMS nucleus
/// on cylinder 0 and the users' minidisks after it.
pub const SYSRES: u16 = 0x150;
/// The volume serial of the system residence volume.
pub const SYSRES_VOLSER: &str = "CPCMS1";
/// Cylinders of each user's 191 minidisk on the system residence volume.
pub const MDISK_CYLS: u16 = 2;
/// The address of each user's own minidisk in the short form (`users: [...]`).
pub const USER_VADDR: u16 = 0x191;
/// The S disk, CMS's system disk: MAINT's 190, which every user links read-only; sysgen
/// fills it from `roms/cms/sdisk` at every start (see [`install`]). The short form gives
/// MAINT one of `SDISK_CYLS` cylinders, allocated like the users' 191s (see [`alloc`]):
/// two of CMS files and one for the CMS nucleus, which `IPL 190` reads (see [`iplnuc`]).
pub const SDISK_OWNER: &str = "MAINT";
pub const SDISK_VADDR: u16 = 0x190;
pub const SDISK_CYLS: u16 = 3;
/// MAINT's password when the short form adds MAINT to the directory. VM/370 would write
/// NOLOG (the id can never log on), but CP does not know NOLOG yet; MAINT's 190 is
/// read-only to MAINT too, and rebuilt at every start.
pub const MAINT_PASSWORD: &str = "CPCMS";
/// MAINT's virtual storage then.
const MAINT_STORAGE: u32 = 1 << 20;
/// MAINT's privilege classes in the short form (VM/370's MAINT had A-G).
pub const MAINT_CLASSES: &str = "ABCDEFG";
/// The primary system operator, whom CP logs on at the operator's console (009) at
/// start-up (as VM/370 did with the userid SYSGEN gave it): the short form adds this
/// user, with every class, to the directory. A directory without it leaves the console
/// unlogged (LOGON there works as on any terminal).
pub const OPERATOR_ID: &str = "OPERATOR";
pub const OPERATOR_PASSWORD: &str = "OPERATOR";
pub const OPERATOR_CLASSES: &str = "ABCDEFGH";
const OPERATOR_STORAGE: u32 = 1 << 20;
const SYSRES_MODEL: Model = Model::D3350;
/// Pages (4K records) per track on a 3350 (four 4K records fit in 19,069 bytes).
const PAGES_PER_TRACK: u16 = 4;
/// The CMS nucleus starts on cylinder 0, head 2 (head 1 is where the volume label says
/// an OS VTOC would be: left empty), and CP's pages follow it.
const NSS_HEAD: u16 = 2;

/// Most users the directory holds (SYSDIR, after CP's tables: a DIRENTRY of 120 bytes
/// each). The terminal addresses live in CP's first page (SYSCONF is copied into the
/// PSA, below CP's code at 4K, so that CP reaches it with base register 0); a test
/// checks that 64 of them fit.
pub const MAX_USERS: usize = 64;
/// Most user terminals (3215s at 020-05F). CP's tables grow with them (a VMBLOK and an
/// RDEV, about 2.7K a terminal) and each needs real storage: see [`storage_needed`].
pub const MAX_TERMINALS: usize = 64;
/// Real storage: a multiple of 4K from 256K to 16M (24-bit addresses).
pub const MIN_STORAGE: u32 = 256 * 1024;
pub const MAX_STORAGE: u32 = 16 << 20;
/// A user's virtual storage: a multiple of 64K (a segment) up to 4M.
pub const MAX_USER_STORAGE: u32 = 4 << 20;

/// Is `s` a valid CP directory name (user id or password): 1-8 of A-Z 0-9 $ # @?
pub fn valid_cp_name(s: &str) -> bool {
    (1..=8).contains(&s.len())
        && s.bytes().all(|b| {
            b.is_ascii_uppercase() || b.is_ascii_digit() || matches!(b, b'$' | b'#' | b'@')
        })
}

/// The rule for real storage; `Err` finishes "machine storage ... ".
pub fn check_storage(bytes: u32) -> Result<(), String> {
    if bytes.is_multiple_of(4096) && (MIN_STORAGE..=MAX_STORAGE).contains(&bytes) {
        Ok(())
    } else {
        Err("must be a multiple of 4K from 256K to 16M".into())
    }
}

/// The rule for a user's virtual storage; `Err` finishes "virtual storage ... ".
pub fn check_user_storage(bytes: u32) -> Result<(), String> {
    if bytes.is_multiple_of(64 * 1024) && (64 * 1024..=MAX_USER_STORAGE).contains(&bytes) {
        Ok(())
    } else {
        Err("must be a multiple of 64K from 64K to 4M".into())
    }
}

/// Frames CMS works in besides its nucleus: its register stack, the directories of the
/// disks it accesses, a file's buffers (free storage at the top of the machine).
pub const WORK_FRAMES: u64 = 4;

/// Frames CP sets aside at start-up for its spool area (SPFRAMES in roms/cp/blocks.asm):
/// the cards and lines of spool files, never shared out to the virtual machines.
pub const SPOOL_FRAMES: u64 = 32;

/// Real storage a system needs: CP and the CMS nucleus (up to `nss_end`, where CP's
/// free frames start), and for each terminal a frame for its DAT tables, the CMS
/// nucleus's pages and `WORK_FRAMES` to work in — so that CP's per-machine share of the
/// frames (FRMSHARE, roms/cp/storage.asm) lets CMS come up, access its disks and run.
pub fn storage_needed(nss_end: u32, nss_len: u32, terminals: usize) -> u64 {
    let per_terminal = 1 + u64::from(nss_len.div_ceil(4096)) + WORK_FRAMES;
    u64::from(nss_end.next_multiple_of(4096))
        + SPOOL_FRAMES * 4096
        + OPERATOR_FRAMES * 4096
        + terminals as u64 * per_terminal * 4096
}

/// Frames OPERATOR's machine takes when CP logs it on at start-up: its DAT tables (it is
/// not IPLed, so nothing more until the operator IPLs it).
pub const OPERATOR_FRAMES: u64 = 1;

pub mod alloc;
mod boot;
pub mod cmsdisk;
pub mod direct;
pub mod install;
pub mod iplnuc;
pub mod machine_room;
mod members;
mod roms;
mod sysres;
mod vmtable;
pub mod volumes;
use alloc::{ALLOC_HEAD, alloc_record, allocate, read_alloc};
pub use alloc::{Extent, extent_of};
pub use members::*;
pub use roms::{EMBEDDED, Roms};
pub use sysres::*;
use vmtable::VmTable;
pub use volumes::Volume;

#[cfg(test)]
mod tests;
