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

use std::collections::BTreeMap;
use std::path::Path;

use crate::asm::Assembly;
use crate::devices::dasd::{
    Dasd, Model, Record, empty_track, label_records, new_volume, track_image,
};
use crate::machine::{Machine, MachineConfig};

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
/// MAINT one of `SDISK_CYLS` cylinders, allocated like the users' 191s (see [`alloc`]).
pub const SDISK_OWNER: &str = "MAINT";
pub const SDISK_VADDR: u16 = 0x190;
pub const SDISK_CYLS: u16 = 2;
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
pub mod cmsdisk;
pub mod direct;
pub mod install;
pub mod machine_room;
mod roms;
mod vmtable;
pub mod volumes;
use alloc::{ALLOC_HEAD, alloc_record, allocate, read_alloc};
pub use alloc::{Extent, extent_of};
pub use roms::{EMBEDDED, Roms};
use vmtable::VmTable;
pub use volumes::Volume;

/// CP's configuration as assembler source (the COPY member `SYSCONF`, in CP's first
/// page; the directory itself is `SYSDIR`, see [`sysdir`]).
pub fn sysconf(cfg: &SysConfig, nss_len: u32) -> String {
    let pages = nss_len.div_ceil(4096);
    let mut s = String::new();
    s.push_str("***********************************************************************\n");
    s.push_str("*  SYSCONF: generated by sysgen from the scenario. Do not edit: change *\n");
    s.push_str("*  the scenario's machine, users and terminals instead.               *\n");
    s.push_str("***********************************************************************\n");
    s.push_str(&format!(
        "NUMTERM  EQU   {}                   user terminals\n",
        cfg.terminals
    ));
    s.push_str(&format!(
        "REALSIZE DC    F'{}'          real storage\n",
        cfg.storage
    ));
    s.push_str(&format!(
        "NSSLEN   DC    F'{nss_len}'           the CMS nucleus\n"
    ));
    s.push_str(&format!(
        "SYSRES   DC    X'{SYSRES:04X}'             system residence volume\n"
    ));
    s.push_str("NSSCYL   DC    H'0'                the CMS nucleus on it: cylinder,\n");
    s.push_str(&format!(
        "NSSHEAD  DC    H'{NSS_HEAD}'                  head,\n"
    ));
    s.push_str(&format!(
        "NSSPAGES DC    H'{pages}'                  4K records,\n"
    ));
    s.push_str(&format!(
        "NSSRPT   DC    H'{PAGES_PER_TRACK}'                  records per track,\n"
    ));
    s.push_str(&format!(
        "NSSHPC   DC    H'{}'                 heads per cylinder\n",
        SYSRES_MODEL.heads()
    ));
    // CP's paging device (paging.asm): its page area, cylinder 1 on.
    s.push_str(&format!(
        "PAGDEV   DC    X'{PAGE_DEV:04X}'             the paging device (CPPAGE),\n"
    ));
    s.push_str("PAGCYL   DC    H'1'                its page area: first cylinder,\n");
    s.push_str(&format!(
        "PAGCYLS  DC    H'{}'                cylinders (4K slots, NSSRPT a track)\n",
        page_cyls(&cfg.users)
    ));
    s.push_str(&format!(
        "TERMADDR DC    X'{OPERATOR:04X}'             the operator\n"
    ));
    for t in 0..cfg.terminals {
        s.push_str(&format!(
            "         DC    X'{:04X}'             terminal {t}\n",
            FIRST_TERMINAL as usize + t
        ));
    }
    let nusers = directory_users(cfg).len();
    s.push_str(&format!(
        "DIRCOUNT DC    F'{nusers}'                users (DIRECTRY: SYSDIR)\n"
    ));
    s.push_str(&format!(
        "NUMVM    EQU   {nusers}                   VMBLOKs: one per user in the directory\n"
    ));
    s.push_str(&volumes::dasdconf(&cfg.volumes));
    s.push_str(&machine_room::spool_conf(false));
    s
}

/// The users in CP's directory: the directory's; for the short form, the users and then
/// MAINT, the S disk's owner, and OPERATOR, the system operator (each unless the list
/// names it itself).
pub fn directory_users(cfg: &SysConfig) -> Vec<User> {
    let mut users = cfg.users.clone();
    if cfg.disks.is_empty() && !users.iter().any(|u| u.id == SDISK_OWNER) {
        users.push(User {
            classes: MAINT_CLASSES.into(),
            ..User::new(SDISK_OWNER, MAINT_PASSWORD, MAINT_STORAGE)
        });
    }
    if cfg.disks.is_empty() && !users.iter().any(|u| u.id == OPERATOR_ID) {
        users.push(User {
            classes: OPERATOR_CLASSES.into(),
            ..User::new(OPERATOR_ID, OPERATOR_PASSWORD, OPERATOR_STORAGE)
        });
    }
    users
}

/// Every user's minidisks: the directory's; for the short form, each user's 191 where
/// `extents` puts it (a fresh volume's place when it does not say), MAINT's 190
/// (read-only) and, for every other user, a read-only LINK to it at 190.
pub fn user_disks(cfg: &SysConfig, extents: &[Extent]) -> Vec<Disk> {
    if !cfg.disks.is_empty() {
        return cfg.disks.clone();
    }
    let map = allocate(&cfg.users, extents).unwrap_or_else(|_| extents.to_vec());
    let disk = |user: &str, e: &Extent, read_only: bool, link: bool| Disk {
        user: user.to_string(),
        vaddr: e.vaddr,
        raddr: SYSRES,
        start: e.start,
        cyls: e.cyls,
        read_only,
        link,
        dedicated: false,
        // Everyone may LINK the S disk read-only, as VM/370's MAINT 190 RR ALL.
        passwords: if user == SDISK_OWNER && !link {
            ["ALL".into(), String::new(), String::new()]
        } else {
            Default::default()
        },
    };
    let sdisk = extent_of(&map, SDISK_OWNER, SDISK_VADDR);
    let mut disks = Vec::new();
    for u in &cfg.users {
        if let Some(e) = extent_of(&map, &u.id, USER_VADDR) {
            disks.push(disk(&u.id, e, false, false));
        }
        if let Some(s) = sdisk.filter(|_| u.id != SDISK_OWNER) {
            disks.push(disk(&u.id, s, true, true));
        }
    }
    if let Some(s) = sdisk {
        disks.push(disk(SDISK_OWNER, s, true, false));
        if !cfg.users.iter().any(|u| u.id == OPERATOR_ID) {
            disks.push(disk(OPERATOR_ID, s, true, true));
        }
    }
    disks
}

/// CP's user directory as assembler source (the COPY member `SYSDIR`, assembled after
/// CP's tables): one DIRENTRY per user (roms/cp/blocks.asm) with room for
/// `MAX_DISKS` minidisks each (DIRDLEN, 36 bytes): virtual address, real disk, first
/// cylinder, cylinders, flags (X'80' read-only, X'40' dedicated, X'20' a LINK statement,
/// not an MDISK of this user), then the MDISK's read, write and multiple passwords
/// (blanks: none), which CP's LINK command checks; its privilege classes (DIRCLASS,
/// see [`privilege_mask`]); and its reader, punch and printer (DIRURS: address, 0 for
/// none, and class; CP builds the URBLOKs from them at LOGON).
pub fn sysdir(cfg: &SysConfig, extents: &[Extent]) -> String {
    let disks = user_disks(cfg, extents);
    let mut s = String::new();
    s.push_str("***********************************************************************\n");
    s.push_str("*  SYSDIR: the user directory, generated by sysgen from the scenario's *\n");
    s.push_str("*  users or USER DIRECT.  Do not edit.                                *\n");
    s.push_str("***********************************************************************\n");
    // The cylinders of each real disk, in DASDCONF's order: what ATTACH gives a user.
    s.push_str(&format!(
        "DASDCYLS DC    H'{}'                 cylinders of each real disk (DASDCONF)\n",
        SYSRES_MODEL.cylinders()
    ));
    for v in &cfg.volumes {
        s.push_str(&format!("         DC    H'{}'\n", v.cyls));
    }
    s.push_str("         DS    0F\n");
    s.push_str("DIRECTRY DS    0F                  USER id password storage, minidisks\n");
    for u in &directory_users(cfg) {
        let mut mine: Vec<&Disk> = disks.iter().filter(|d| d.user == u.id).collect();
        mine.sort_by_key(|d| d.vaddr);
        s.push_str(&format!(
            "         DC    CL8'{}',CL8'{}',F'{}',H'{}',X'{:02X}',X'00'   classes {}\n",
            u.id,
            u.password,
            u.storage,
            mine.len(),
            privilege_mask(&u.classes),
            u.classes,
        ));
        for d in &mine {
            let flags = if d.read_only { 0x80 } else { 0 }
                | if d.dedicated { 0x40 } else { 0 }
                | if d.link { 0x20 } else { 0 };
            let pw = |i: usize| {
                let p: &str = if d.link { "" } else { &d.passwords[i] };
                format!("CL8'{}'", if p.is_empty() { " " } else { p })
            };
            s.push_str(&format!(
                "         DC    X'{:04X}',X'{:04X}',H'{}',H'{}',X'{flags:02X}',XL3'00'\n",
                d.vaddr, d.raddr, d.start, d.cyls,
            ));
            s.push_str(&format!("         DC    {},{},{}\n", pw(0), pw(1), pw(2)));
        }
        if mine.len() < MAX_DISKS {
            s.push_str(&format!(
                "         DC    ({})XL36'00'\n",
                MAX_DISKS - mine.len()
            ));
        }
        // DIRURS: the reader, punch and printer (address 0: none), and their classes.
        let ur: Vec<String> = u
            .spool
            .iter()
            .map(|d| match d {
                Some(d) => format!("X'{:04X}',C'{}',X'00'", d.vaddr, d.class as char),
                None => "X'0000',C' ',X'00'".into(),
            })
            .collect();
        s.push_str(&format!("         DC    {}   SPOOL\n", ur.join(",")));
    }
    s
}

/// The members sysgen would generate for `cfg` on a fresh volume, with the CMS nucleus
/// of `roms`: `SYSCONF` and `SYSDIR` (for `cpcms asm roms/cp/cp.asm`, which has no
/// sysgen before it).
pub fn generated_members(cfg: &SysConfig, roms: &Roms) -> Result<(String, String), String> {
    cfg.check()?;
    let cms = roms.assemble("cms", "cms", &BTreeMap::new())?;
    let extents = allocate(&cfg.users, &[])?;
    Ok((sysconf(cfg, cms.image.len() as u32), sysdir(cfg, &extents)))
}

/// CP's paging device: a 3350 only CP uses (no RDISK, so no user can ATTACH, DEDICATE or
/// LINK it), on a channel of its own (2), so that its interruptions never wait for the
/// system residence volume's. It lives in memory: paged-out pages mean nothing after
/// the run.
pub const PAGE_DEV: u16 = 0x2F0;
/// Its volume serial.
pub const PAGE_VOLSER: &str = "CPPAGE";
/// Most cylinders of page area (30: 3,600 4K slots, 14M of paged-out storage).
pub const PAGE_CYLS_MAX: u16 = 30;

/// Cylinders of page area for `users`: a 4K slot for every page of their virtual
/// storage (and OPERATOR's and MAINT's 1M each), at most [`PAGE_CYLS_MAX`].
pub fn page_cyls(users: &[User]) -> u16 {
    let bytes: u64 = users.iter().map(|u| u.storage as u64).sum::<u64>() + (2 << 20);
    let per_cyl = (SYSRES_MODEL.heads() as u64) * PAGES_PER_TRACK as u64 * 4096;
    bytes.div_ceil(per_cyl).clamp(1, PAGE_CYLS_MAX as u64) as u16
}

/// The paging volume: cylinder 0 with its label (CPPAGE), then `cyls` cylinders whose
/// every track holds PAGES_PER_TRACK 4K records (the paging slots, which CP reads and
/// writes with READ DATA and WRITE DATA).
pub fn build_page_volume(cyls: u16) -> Vec<u8> {
    let heads = SYSRES_MODEL.heads();
    let ts = SYSRES_MODEL.track_size();
    let mut img = new_volume(SYSRES_MODEL, cyls + 1, Some(PAGE_VOLSER));
    let zero = vec![0u8; 4096];
    for c in 1..=cyls {
        for h in 0..heads {
            let mut t = empty_track(c, h);
            for r in 1..=PAGES_PER_TRACK {
                t.records.push(Record::new(c, h, r as u8, &[], &zero));
            }
            let at = crate::devices::dasd::HEADER + (c as usize * heads as usize + h as usize) * ts;
            img[at..at + ts].copy_from_slice(&track_image(&t, ts));
        }
    }
    img
}

/// The first cylinder of user `i`'s 191 minidisk on a fresh system residence volume (a
/// kept one says where in its allocation record: see [`alloc`]).
pub fn mdisk_cylinder(i: usize) -> u16 {
    1 + i as u16 * MDISK_CYLS
}

/// Where the record holding page `p` of an area starting at cylinder 0 head `head` is.
fn page_place(head: u16, p: u16) -> (u16, u8) {
    (head + p / PAGES_PER_TRACK, (p % PAGES_PER_TRACK + 1) as u8)
}

/// What the kept volume in `data_dir` says of its extents: its allocation record, or for
/// a volume made before there was one, the users in order (as it was laid out then);
/// nothing for a fresh volume.
fn kept_extents(cfg: &SysConfig, data_dir: Option<&Path>) -> Result<Vec<Extent>, String> {
    let Some(dir) = data_dir else {
        return Ok(Vec::new());
    };
    check_data_dir(dir)?;
    let path = sysres_path(dir);
    if !path.exists() {
        return Ok(Vec::new());
    }
    let name = path.display().to_string();
    // Only the tracks up to the allocation record's, not the whole volume.
    let want = (crate::devices::dasd::HEADER
        + (ALLOC_HEAD as usize + 1) * SYSRES_MODEL.track_size()) as u64;
    let mut volume = Vec::new();
    use std::io::Read;
    std::fs::File::open(&path)
        .and_then(|f| f.take(want).read_to_end(&mut volume))
        .map_err(|e| format!("{name}: {e}"))?;
    Ok(match read_alloc(&volume, &name)? {
        Some(map) => map,
        None => allocate(&cfg.users, &[])?,
    })
}

/// A data directory must be a directory (made when missing), not a file.
pub fn check_data_dir(dir: &Path) -> Result<(), String> {
    if dir.exists() && !dir.is_dir() {
        return Err(format!(
            "{}: not a directory (--data names the directory that keeps sysres.3350; \
             it is made when missing)",
            dir.display()
        ));
    }
    Ok(())
}

/// The file a data directory keeps the system residence volume in.
pub fn sysres_path(dir: &Path) -> std::path::PathBuf {
    dir.join("sysres.3350")
}

/// Make or update the system residence volume in `dir` from the freshly built `volume`:
/// cylinder 0 and the S disk are replaced, the minidisks kept (one never written is
/// taken CMS-formatted from `volume`: see [`install`]); a volume with fewer cylinders
/// than the directory needs grows, a longer one keeps its extra ones.
fn keep_sysres(
    dir: &Path,
    volume: &[u8],
    disks: &[Disk],
    keep_spool: bool,
) -> Result<std::path::PathBuf, String> {
    use std::io::{Seek, SeekFrom, Write};
    check_data_dir(dir)?;
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let path = sysres_path(dir);
    let name = path.display().to_string();
    if !path.exists() {
        std::fs::write(&path, volume).map_err(|e| format!("{name}: {e}"))?;
        return Ok(path);
    }
    // Check it is one of ours before touching it.
    Dasd::open(&path, SYSRES_MODEL)?;
    let cyl_bytes = SYSRES_MODEL.heads() as usize * SYSRES_MODEL.track_size();
    let header = crate::devices::dasd::HEADER;
    let mut f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&path)
        .map_err(|e| format!("{name}: {e}"))?;
    let len = f.metadata().map_err(|e| format!("{name}: {e}"))?.len() as usize;
    // Cylinder 0 afresh, but for the spool checkpoint's tracks (when they are there):
    // the spool files kept from the last run.
    let ts = SYSRES_MODEL.track_size();
    let (keep_from, keep_to) = machine_room::spool_bytes(ts);
    let kept = {
        use std::io::Read;
        let mut old = vec![0u8; keep_to - keep_from];
        f.seek(SeekFrom::Start((header + keep_from) as u64))
            .and_then(|_| f.read_exact(&mut old))
            .ok()
            .map(|_| old)
            .filter(|old| keep_spool && machine_room::spool_formatted(old, ts))
    };
    f.seek(SeekFrom::Start(header as u64))
        .and_then(|_| f.write_all(&volume[header..header + cyl_bytes]))
        .map_err(|e| format!("{name}: {e}"))?;
    if let Some(old) = kept {
        f.seek(SeekFrom::Start((header + keep_from) as u64))
            .and_then(|_| f.write_all(&old))
            .map_err(|e| format!("{name}: {e}"))?;
    }
    if len < volume.len() {
        f.seek(SeekFrom::Start(len as u64))
            .and_then(|_| f.write_all(&volume[len..]))
            .map_err(|e| format!("{name}: {e}"))?;
    }
    install::keep(&f, &name, volume, disks)?;
    Ok(path)
}

/// A format-0 CCW.
fn ccw(cmd: u8, addr: u32, flags: u8, count: u16) -> [u8; 8] {
    let a = addr.to_be_bytes();
    let c = count.to_be_bytes();
    [cmd, a[1], a[2], a[3], flags, 0, c[0], c[1]]
}

/// Build the system residence volume: IPL records on cylinder 0 head 0, the CMS nucleus
/// from head 2, then CP, a 4K page to a record; the users' minidisks after cylinder 0.
///
/// IPL works as on the real machine: the channel reads record 1 — CP's IPL PSW and two
/// CCWs — into location 0; the CCWs read record 2, a loader channel program, into storage
/// just above CP and go on there; it seeks and searches for each of CP's pages and reads
/// it into place, page 0 rewriting location 0 with the same PSW; then the PSW at 0 is
/// loaded and CP starts.
pub fn build_sysres(
    cfg: &SysConfig,
    cp: &Assembly,
    nss: &[u8],
    extents: &[Extent],
) -> Result<Vec<u8>, String> {
    let cyls = extents
        .iter()
        .map(Extent::end)
        .max()
        .unwrap_or(1)
        .max(mdisk_cylinder(cfg.users.len()));
    let heads = SYSRES_MODEL.heads();
    let ts = SYSRES_MODEL.track_size();
    let mut img = new_volume(SYSRES_MODEL, cyls, None);
    let pages = |b: &[u8]| -> Vec<Vec<u8>> {
        b.chunks(4096)
            .map(|c| {
                let mut p = c.to_vec();
                p.resize(4096, 0);
                p
            })
            .collect()
    };
    let nss_pages = pages(nss);
    let cp_pages = pages(&cp.image);
    let cp_head = NSS_HEAD + (nss_pages.len() as u16).div_ceil(PAGES_PER_TRACK);
    let last_head = cp_head + (cp_pages.len() as u16).div_ceil(PAGES_PER_TRACK);
    if last_head > heads {
        return Err(format!(
            "CP and the CMS nucleus need {last_head} tracks; cylinder 0 has {heads}"
        ));
    }
    let load_at = (cp.image.len() as u32).next_multiple_of(4096);
    if load_at as u64 + 4096 > cfg.storage as u64 {
        return Err("CP leaves no room for its IPL loader".into());
    }
    // The loader: SEEK, SEARCH ID EQUAL, TIC, READ DATA for every page of CP, then the
    // SEEK and SEARCH arguments.
    let n = cp_pages.len();
    let ccws_len = 32 * n as u32;
    let mut ccws = Vec::new();
    let mut args = Vec::new();
    for k in 0..n {
        let (head, r) = page_place(cp_head, k as u16);
        let seek_at = load_at + ccws_len + args.len() as u32;
        args.extend_from_slice(&[0, 0, 0, 0, (head >> 8) as u8, head as u8, 0, 0]);
        let search_at = load_at + ccws_len + args.len() as u32;
        args.extend_from_slice(&[0, 0, (head >> 8) as u8, head as u8, r, 0, 0, 0]);
        let here = load_at + ccws.len() as u32;
        let flags = if k + 1 == n { 0x20 } else { 0x60 };
        ccws.extend_from_slice(&ccw(0x07, seek_at, 0x40, 6));
        ccws.extend_from_slice(&ccw(0x31, search_at, 0x40, 5));
        ccws.extend_from_slice(&ccw(0x08, here + 8, 0, 1));
        ccws.extend_from_slice(&ccw(0x06, k as u32 * 4096, flags, 4096));
    }
    let mut loader = ccws;
    loader.extend_from_slice(&args);
    let mut ipl1 = cp.image[..8].to_vec();
    ipl1.extend_from_slice(&ccw(0x06, load_at, 0x60, loader.len() as u16));
    ipl1.extend_from_slice(&ccw(0x08, load_at, 0, 1));
    let mut tracks: Vec<Vec<Record>> = vec![Vec::new(); heads as usize];
    tracks[0].push(Record::new(0, 0, 1, &[], &ipl1));
    tracks[0].push(Record::new(0, 0, 2, &[], &loader));
    // The volume label, as dasdinit writes it (record 3, key VOL1), so that Hercules'
    // dasdls and people know the volume: CPCMS1.
    tracks[0].extend(label_records(SYSRES_VOLSER).pop());
    // Who owns which cylinders (see alloc.rs).
    tracks[ALLOC_HEAD as usize].push(alloc_record(extents));
    // The spool checkpoint's 4K records, empty, when CP leaves room (see machine_room).
    if last_head <= machine_room::SPOOL_HEAD {
        machine_room::spool_tracks(&mut tracks);
    }
    for (start, area) in [(NSS_HEAD, &nss_pages), (cp_head, &cp_pages)] {
        for (p, page) in area.iter().enumerate() {
            let (h, r) = page_place(start, p as u16);
            tracks[h as usize].push(Record::new(0, h, r, &[], page));
        }
    }
    for (h, records) in tracks.into_iter().enumerate() {
        if records.is_empty() {
            continue;
        }
        let mut t = empty_track(0, h as u16);
        t.records.extend(records);
        let at = crate::devices::dasd::HEADER + h * ts;
        img[at..at + ts].copy_from_slice(&track_image(&t, ts));
    }
    Ok(img)
}

impl SysConfig {
    /// Check what CP's tables can hold (the same rules a scenario is checked by, with
    /// positions, when it is read); `Err` says what is wrong.
    pub fn check(&self) -> Result<(), String> {
        if self.users.is_empty() || self.users.len() > MAX_USERS {
            return Err(format!(
                "the directory holds 1 to {MAX_USERS} users, not {}",
                self.users.len()
            ));
        }
        if self.terminals == 0 || self.terminals > MAX_TERMINALS {
            return Err(format!(
                "there must be 1 to {MAX_TERMINALS} terminals, not {}",
                self.terminals
            ));
        }
        check_storage(self.storage).map_err(|e| format!("machine storage {e}"))?;
        volumes::check_all(&self.volumes)?;
        for u in &self.users {
            if !valid_cp_name(&u.id) || !valid_cp_name(&u.password) {
                return Err(format!(
                    "user {}: userid and password must be 1-8 of A-Z 0-9 $ # @",
                    u.id
                ));
            }
            check_user_storage(u.storage)
                .map_err(|e| format!("user {}: virtual storage {e}", u.id))?;
        }
        Ok(())
    }

    /// `storage_needed` against the machine's size, said where the size was written.
    fn check_frames(&self, nss_end: u32, nss_len: u32) -> Result<(), String> {
        let need = storage_needed(nss_end, nss_len, self.terminals);
        if need <= u64::from(self.storage) {
            return Ok(());
        }
        let t = self.terminals;
        let cp = u64::from(nss_end.next_multiple_of(4096))
            + SPOOL_FRAMES * 4096
            + OPERATOR_FRAMES * 4096;
        let per = (need - cp) / t as u64;
        Err(format!(
            "{}machine storage {}K is too small for {t} terminal{}: CP, its spool area and \
             the CMS nucleus take {}K (and the operator's DAT tables), and each terminal needs {}K more (a frame for its DAT tables, {} for \
             the CMS nucleus, {WORK_FRAMES} to work in): at least {}K",
            self.storage_at
                .as_deref()
                .map(|a| format!("{a}: "))
                .unwrap_or_default(),
            self.storage / 1024,
            if t == 1 { "" } else { "s" },
            cp / 1024,
            per / 1024,
            nss_len.div_ceil(4096),
            need.div_ceil(1024),
        ))
    }
}

impl System {
    /// Assemble roms (from `roms_dir`, or the copies embedded in the binary when `None`),
    /// build the machine and IPL CP.
    pub fn boot(cfg: &SysConfig, roms_dir: Option<&Path>) -> Result<System, String> {
        Self::boot_in(cfg, roms_dir, None)
    }

    /// As [`System::boot`], with the system residence volume kept in `data_dir` (file
    /// `sysres.3350`) instead of in memory: made there when missing; when present, its
    /// cylinder 0 (IPL records, CP, the CMS nucleus) and the S disk are written afresh
    /// from roms/ and the users' minidisks are kept, so what they wrote is there at the
    /// next start (a minidisk never written is CMS-formatted: see [`install`]).
    pub fn boot_in(
        cfg: &SysConfig,
        roms_dir: Option<&Path>,
        data_dir: Option<&Path>,
    ) -> Result<System, String> {
        let roms = match roms_dir {
            Some(d) => Roms::from_dir(d)?,
            None => Roms::embedded(),
        };
        Self::boot_roms(cfg, &roms, data_dir)
    }

    /// As [`System::boot_in`], from `roms` (with listings if it asks for them).
    pub fn boot_roms(
        cfg: &SysConfig,
        roms: &Roms,
        data_dir: Option<&Path>,
    ) -> Result<System, String> {
        cfg.check()?;
        let cms = roms.assemble("cms", "cms", &BTreeMap::new())?;
        let nss = cms.image.clone();
        let extents = if cfg.disks.is_empty() {
            allocate(&cfg.users, &kept_extents(cfg, data_dir)?)?
        } else {
            // A directory names every extent itself: the record just lists those on the
            // system residence volume.
            cfg.disks
                .iter()
                .filter(|d| !d.link && d.raddr == SYSRES)
                .map(|d| Extent {
                    user: d.user.clone(),
                    vaddr: d.vaddr,
                    start: d.start,
                    cyls: d.cyls,
                })
                .collect()
        };
        let mut extra = BTreeMap::new();
        extra.insert("SYSCONF".to_string(), sysconf(cfg, nss.len() as u32));
        extra.insert("SYSDIR".to_string(), sysdir(cfg, &extents));
        let mut cp = roms.assemble("cp", "cp", &extra)?;
        // With --data CP keeps its spool files on the volume, when it leaves room for
        // them on cylinder 0 (see machine_room): the same CP, told so.
        let keep_spool = data_dir.is_some() && machine_room::spool_fits(cp.image.len(), nss.len());
        if keep_spool {
            extra.insert(
                "SYSCONF".to_string(),
                sysconf(cfg, nss.len() as u32).replace(
                    &machine_room::spool_conf(false),
                    &machine_room::spool_conf(true),
                ),
            );
            cp = roms.assemble("cp", "cp", &extra)?;
        }
        let nssarea = cp
            .symbols
            .get("NSSAREA")
            .ok_or("CP defines no NSSAREA: nowhere to put the CMS nucleus")?
            .value;
        // NSSAREA is CP's last section, and empty: anything of CP's there would lie
        // where the CMS nucleus goes.
        let cp_end = u64::from(cp.origin) + cp.image.len() as u64;
        if cp_end > u64::from(nssarea) {
            return Err(format!(
                "CP's image ends at X'{cp_end:06X}', past NSSAREA (X'{nssarea:06X}'), where \
                 the CMS nucleus goes: NSSAREA must be CP's last section, and empty"
            ));
        }
        let end = u32::try_from(u64::from(nssarea) + nss.len() as u64)
            .map_err(|_| "CP and the CMS nucleus do not fit in 24-bit storage".to_string())?;
        cfg.check_frames(end, nss.len() as u32)?;
        let mut volume = build_sysres(cfg, &cp, &nss, &extents)?;
        let disks = user_disks(cfg, &extents);
        let files = install::sdisk_files(roms, install::stamp_of_tod(cfg.tod_epoch))?;
        install::install(&mut volume, &disks, &files)?;
        let mut machine = Machine::new(&MachineConfig {
            storage: cfg.storage,
            mips: cfg.mips,
            tod_epoch: cfg.tod_epoch,
        });
        machine.attach_console(OPERATOR);
        let terminals: Vec<u16> = (0..cfg.terminals as u16)
            .map(|t| FIRST_TERMINAL + t)
            .collect();
        for &t in &terminals {
            machine.attach_console(t);
        }
        let dasd = match data_dir {
            None => Dasd::in_memory(volume, SYSRES_MODEL)?,
            Some(dir) => Dasd::open(
                &keep_sysres(dir, &volume, &disks, keep_spool)?,
                SYSRES_MODEL,
            )?,
        }
        .at(SYSRES);
        machine.attach(SYSRES, Box::new(dasd));
        let page = build_page_volume(page_cyls(&cfg.users));
        machine.attach(
            PAGE_DEV,
            Box::new(Dasd::in_memory(page, SYSRES_MODEL)?.at(PAGE_DEV)),
        );
        for v in &cfg.volumes {
            if v.create {
                v.create()?;
            }
            machine.attach(v.addr, Box::new(v.open()?));
        }
        machine_room::attach(&mut machine);
        machine.ipl(SYSRES)?;
        Ok(System {
            machine,
            cp,
            cms,
            extents,
            terminals,
            operator: OPERATOR,
        })
    }

    /// The system residence volume as it is now (it is held in memory).
    pub fn sysres_image(&self) -> Option<&[u8]> {
        self.machine.channel().device(SYSRES)?.volume()
    }

    /// The logged-on virtual machines, read from CP's VMBLOKs.
    /// The paging counts, if CP has paging (`None` for a CP without DMKPAG).
    pub fn paging(&self) -> Option<PagingStatus> {
        let sym = |n: &str| self.cp.symbols.get(n).map(|s| s.value);
        let word = |a: u32| {
            self.machine
                .peek(a, 4)
                .map_or(0, |b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
        };
        let (table, len, count) = (sym("VMTABLE")?, sym("VMBLKLEN")?, sym("NUMVM")?);
        let (frames, pages) = (sym("VMFRAMES")?, sym("VMPGTOT")?);
        let users = self
            .vm_status()
            .into_iter()
            .filter_map(|v| {
                (0..count)
                    .map(|i| table + i * len)
                    .find(|&vm| {
                        let id = crate::ebcdic::decode(self.machine.peek(vm, 8).unwrap_or(&[]));
                        id.trim_end() == v.userid
                    })
                    .map(|vm| (v.userid, word(vm + frames), word(vm + pages)))
            })
            .collect();
        Some(PagingStatus {
            page_ins: word(sym("PGINS")?),
            page_outs: word(sym("PGOUTS")?),
            waits: word(sym("PGWAITS")?),
            steals: word(sym("PGSTEALS")?),
            users,
        })
    }

    pub fn vm_status(&self) -> Vec<VmStatus> {
        match VmTable::new(&self.cp) {
            Some(t) => t.read(&self.machine.cpu),
            None => Vec::new(),
        }
    }

    /// Per logged-on user: the virtual CPU time CP charged it (VMVTIME) and the time CP
    /// spent for it (VMCTIME), in CPU-timer units (TOD units), read from its VMBLOK now.
    pub fn vm_times(&self) -> Vec<(String, u64, u64)> {
        match VmTable::new(&self.cp) {
            Some(t) => t.times(&self.cp, &self.machine.cpu),
            None => Vec::new(),
        }
    }

    /// Which user owns which address space (CR1 value), read from CP's VMBLOKs now.
    pub fn address_spaces(&self) -> Vec<(u32, String)> {
        match VmTable::new(&self.cp) {
            Some(t) => t.address_spaces(&self.machine.cpu),
            None => Vec::new(),
        }
    }

    /// For the tracer: which user owns which address space (CR1 value), read from CP's
    /// VMBLOKs each time it is asked.
    pub fn user_lookup(&self) -> crate::trace::UserLookup {
        let table = VmTable::new(&self.cp);
        Box::new(move |cpu: &crate::cpu::Cpu| match &table {
            Some(t) => t.address_spaces(cpu),
            None => Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests;
