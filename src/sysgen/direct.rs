//! The CP directory in VM/370's own syntax: a `USER DIRECT` file.
//!
//! ```text
//! * comments start with an asterisk
//! DIRECTORY 150 3350 CPCMS1
//! USER MAINT CPCMS 1M 4M ABCDEFG
//!  MDISK 190 3350 011 002 CPCMS1 RR ALL
//!  MDISK 19E 3350 013 001 CPCMS1 RR ALL
//! USER ALICE ALICE 512K 1M G
//!  IPL CMS
//!  CONSOLE 009 3215
//!  SPOOL 00C 2540 READER *
//!  LINK MAINT 190 190 RR
//!  MDISK 191 3350 001 002 CPCMS1 MR
//! ```
//!
//! Before the first USER, `PAGING 2F0 3350 cyls` or `PAGING NONE` defines the system's
//! paging device (CP's 3350 at 2F0 with `cyls` cylinders of 4K slots, 1 to
//! `PAGE_CYLS_MAX`; or none); without it sysgen sizes the page area from the users'
//! storage. A scenario may say the same as `machine: (paging: "10 CYL")` or `"NONE"`.
//!
//! What CP acts on: `USER userid password storage [maxstorage [classes]]` (storage as
//! `512K` or `1M`, a multiple of 64K up to 4M; classes the privilege classes, letters
//! A-H, default G: CP refuses a command none of them allows), `MDISK vaddr 3350 start count volser
//! mode [passwords]` (modes R and RR are read-only, W, WR, M, MR and MW read-write),
//! `LINK userid vaddr myvaddr mode` (another user's MDISK, read-only with R or RR),
//! `DEDICATE vaddr raddr` (the whole real disk at `raddr`, read-write), `SPOOL vaddr type
//! [class]` (the machine's reader, punch or printer, which CP builds at LOGON: type
//! `2540 READER` (or `READ`), `2540R` or `3505` for a reader, `2540 PUNCH`, `2540P` or
//! `3525` for a punch, `1403`, `3211` or `3203` for a printer; class `*` or A-Z, 0-9,
//! default `*` for a reader and A for the others; at most one of each, as CP's VMBLOK
//! has room for; a user without SPOOL statements has none). Read and checked but not yet
//! acted on, because CP has nothing to act with yet: `DIRECTORY`, `ACCOUNT`, `OPTION`,
//! `IPL` (CP always IPLs CMS), `CONSOLE` (always 009), `SPECIAL`; their operands are
//! still checked where this file knows their syntax.
//!
//! An MDISK's volser names its volume by label, as VM/370 found volumes: the system
//! residence volume `CPCMS1` (cylinders 1 and up: cylinder 0 is CP's) or a volume
//! configured beside it whose VOL1 label says so (any cylinder; see [`super::volumes`]),
//! wherever its drive is. DEDICATE names a drive by address: a configured volume, label
//! or none, not the system residence volume, dedicated to one user only and holding no
//! minidisks.
//!
//! Every error is `file:line:col: what`, and every check that can be made here is: a
//! statement outside a USER, unknown statements, bad numbers, a volume that is not
//! mounted, extents off their volume or overlapping another on it, two disks at one
//! address, a LINK to a disk that is not in the directory or is dedicated, more than
//! `MAX_DISKS` disks for one user, a SPOOL device at the console's address (009), a
//! disk's or another SPOOL device's, an unknown device type or class, a second reader
//! (punch, printer).

use super::volumes::Volume;
use super::{Disk, MAX_DISKS, SYSRES, SYSRES_MODEL, SYSRES_VOLSER, UnitRecord, User};

/// The virtual console's address: CP gives every machine its 3215 there.
const CONSOLE: u16 = 0x009;

/// A parsed directory: the users, and every user's minidisks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directory {
    pub users: Vec<User>,
    pub disks: Vec<Disk>,
    /// The system's paging device from a `PAGING` statement: `Some(0)` none, `Some(n)`
    /// `n` cylinders of page area; `None` (no statement) as sysgen decides
    /// ([`super::page_cyls`]).
    pub paging: Option<u16>,
}

/// A mistake in a directory: where (1-based line and column; line 0: the whole text)
/// and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirError {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl DirError {
    /// `name:line:col: message`, for a directory read from the file `name`.
    pub fn at(&self, name: &str) -> String {
        if self.line == 0 {
            format!("{name}: {}", self.message)
        } else {
            format!("{name}:{}:{}: {}", self.line, self.col, self.message)
        }
    }
}

/// A LINK, resolved once every MDISK is known.
struct Link {
    user: String,
    target: String,
    vaddr: u16,
    myvaddr: u16,
    read_only: bool,
    at: (usize, usize),
}

/// Parse the text of a directory for a system with the system residence volume alone.
pub fn parse(text: &str) -> Result<Directory, DirError> {
    parse_on(text, &[])
}

/// Parse the text of a directory for a system with `volumes` beside the system
/// residence volume.
pub fn parse_on(text: &str, volumes: &[Volume]) -> Result<Directory, DirError> {
    let mut users: Vec<User> = Vec::new();
    let mut disks: Vec<Disk> = Vec::new();
    let mut owned_at: Vec<(usize, usize)> = Vec::new();
    let mut links: Vec<Link> = Vec::new();
    // Every SPOOL device: (its user, its address, where), checked against the disks.
    let mut spools: Vec<(String, u16, (usize, usize))> = Vec::new();
    let mut paging: Option<u16> = None;
    for (n, line) in text.lines().enumerate() {
        let toks = tokens(line);
        let Some(&(col, first)) = toks.first() else {
            continue;
        };
        if first.starts_with('*') {
            continue;
        }
        let err = |col: usize, message: String| DirError {
            line: n + 1,
            col: col + 1,
            message,
        };
        let tok = |i: usize| toks.get(i).copied();
        let need = |i: usize, what: &str| -> Result<(usize, &str), DirError> {
            tok(i).ok_or_else(|| err(line.len(), format!("{} needs {what}", first.to_uppercase())))
        };
        let stmt = first.to_uppercase();
        if stmt != "USER" && stmt != "DIRECTORY" && stmt != "PAGING" && users.is_empty() {
            return Err(err(col, format!("{stmt} before the first USER statement")));
        }
        let me = users.last().map(|u| u.id.clone()).unwrap_or_default();
        match stmt.as_str() {
            "PAGING" => {
                // The system's paging device (pageio): PAGING NONE, or PAGING 2F0 3350
                // cyls - CP's 3350 at 2F0 with cyls cylinders of 4K slots.
                if !users.is_empty() {
                    return Err(err(col, "PAGING after the first USER statement".into()));
                }
                if paging.is_some() {
                    return Err(err(col, "a second PAGING statement".into()));
                }
                let (c, a) = need(1, "NONE or a device (PAGING 2F0 3350 cyls)")?;
                if a.eq_ignore_ascii_case("NONE") {
                    paging = Some(0);
                } else {
                    if u16::from_str_radix(a, 16).ok() != Some(super::PAGE_DEV) {
                        return Err(err(
                            c,
                            format!("CP's paging device is at {:03X}, not {a}", super::PAGE_DEV),
                        ));
                    }
                    let (c, t) = need(2, "a device type (PAGING 2F0 3350 cyls)")?;
                    if t != "3350" {
                        return Err(err(c, format!("the paging device is a 3350, not {t}")));
                    }
                    let (c, n) = need(3, "a number of cylinders (PAGING 2F0 3350 cyls)")?;
                    let cyls = n
                        .parse::<u16>()
                        .ok()
                        .filter(|n| (1..=super::PAGE_CYLS_MAX).contains(n))
                        .ok_or_else(|| {
                            err(
                                c,
                                format!(
                                    "cylinders of page area: 1 to {}, not {n}",
                                    super::PAGE_CYLS_MAX
                                ),
                            )
                        })?;
                    paging = Some(cyls);
                }
            }
            "DIRECTORY" => {
                let (c, v) = need(3, "a volume serial (DIRECTORY vaddr type volser)")?;
                if !v.eq_ignore_ascii_case(SYSRES_VOLSER) {
                    return Err(err(
                        c,
                        format!("the directory lives on {SYSRES_VOLSER}, not {v}"),
                    ));
                }
            }
            "USER" => {
                let (c, id) = need(1, "a userid")?;
                let id = id.to_uppercase();
                if !cp_name(&id) {
                    return Err(err(c, format!("userid {id}: 1 to 8 of A-Z 0-9 $ # @")));
                }
                if users.iter().any(|u| u.id == id) {
                    return Err(err(c, format!("user {id} is already in the directory")));
                }
                let (c, pw) = need(2, "a password")?;
                let pw = pw.to_uppercase();
                if !cp_name(&pw) {
                    return Err(err(c, format!("password of {id}: 1 to 8 of A-Z 0-9 $ # @")));
                }
                let (c, st) = need(3, "a storage size (e.g. 512K)")?;
                let storage = size(st).ok_or_else(|| {
                    err(
                        c,
                        format!("storage {st}: a multiple of 64K up to 4M, e.g. 512K"),
                    )
                })?;
                if let Some((c, max)) = tok(4) {
                    let m = size(max)
                        .ok_or_else(|| err(c, format!("maximum storage {max}: up to 4M")))?;
                    if m < storage {
                        return Err(err(c, format!("maximum storage {max} is below {st}")));
                    }
                }
                if let Some((c, classes)) = tok(5)
                    && !classes
                        .chars()
                        .all(|ch| ch.is_ascii_alphabetic() && ch.to_ascii_uppercase() <= 'H')
                {
                    return Err(err(c, format!("privilege classes {classes}: letters A-H")));
                }
                // No classes: G, a general user (as VM/370's DIRECT defaulted).
                let classes = tok(5).map_or("G".to_string(), |(_, c)| c.to_uppercase());
                // No SPOOL statements: no reader, punch or printer.
                users.push(User {
                    classes,
                    spool: [None; 3],
                    ..User::new(&id, &pw, storage)
                });
            }
            "MDISK" => {
                let (cva, va) = need(1, "a virtual address")?;
                let vaddr =
                    vaddr(va).ok_or_else(|| err(cva, format!("address {va}: hex, 001-FFF")))?;
                let (c, ty) = need(2, "a device type")?;
                if ty != SYSRES_MODEL.name() {
                    return Err(err(
                        c,
                        format!(
                            "device type {ty}: minidisks are on {}s",
                            SYSRES_MODEL.name()
                        ),
                    ));
                }
                let (c1, st) = need(3, "a first cylinder")?;
                let (c2, ct) = need(4, "a number of cylinders")?;
                let (c3, vol) = need(5, "a volume serial")?;
                let (c4, mode) = need(6, "an access mode (R, RR, W, WR, M, MR, MW)")?;
                let start: u16 = st
                    .parse()
                    .map_err(|_| err(c1, format!("first cylinder {st}: a number")))?;
                let cyls: u16 = ct
                    .parse()
                    .map_err(|_| err(c2, format!("cylinders {ct}: a number")))?;
                let vol = vol.to_ascii_uppercase();
                // The volume, by label: (its drive, its cylinders).
                let (raddr, size) = if vol == SYSRES_VOLSER {
                    (SYSRES, SYSRES_MODEL.cylinders())
                } else {
                    let v = volumes
                        .iter()
                        .find(|v| v.volser.as_deref() == Some(vol.as_str()))
                        .ok_or_else(|| err(c3, not_mounted(&vol, volumes)))?;
                    (v.addr, v.cyls)
                };
                if raddr == SYSRES && start == 0 {
                    return Err(err(c1, "cylinder 0 holds CP and the CMS nucleus".into()));
                }
                if cyls == 0 || start as u32 + cyls as u32 > size as u32 {
                    return Err(err(
                        c2,
                        format!(
                            "cylinders {start} to {} are not on the volume ({vol} has {size})",
                            start as u32 + cyls as u32 - 1,
                        ),
                    ));
                }
                let read_only = mode_read_only(mode).ok_or_else(|| {
                    err(c4, format!("access mode {mode}: R, RR, W, WR, M, MR or MW"))
                })?;
                if let Some((i, o)) = disks.iter().enumerate().find(|(_, o)| {
                    !o.link
                        && o.raddr == raddr
                        && start < o.start + o.cyls
                        && o.start < start + cyls
                }) {
                    let (l, _) = owned_at[i];
                    return Err(err(
                        if o.dedicated { c3 } else { c1 },
                        if o.dedicated {
                            format!(
                                "volume {vol} ({raddr:03X}) is dedicated to {} (line {})",
                                o.user,
                                l + 1
                            )
                        } else {
                            format!(
                                "cylinders {start}-{} of {vol} overlap {}'s {:03X} (line {})",
                                start + cyls - 1,
                                o.user,
                                o.vaddr,
                                l + 1
                            )
                        },
                    ));
                }
                // The passwords: read, write, multiple (LINK asks for the mode's).
                let mut passwords: [String; 3] = Default::default();
                for (i, pw) in passwords.iter_mut().enumerate() {
                    if let Some((c, p)) = tok(7 + i) {
                        let p = p.to_uppercase();
                        if !cp_name(&p) {
                            return Err(err(c, format!("password {p}: 1 to 8 of A-Z 0-9 $ # @")));
                        }
                        *pw = p;
                    }
                }
                if let Some((c, more)) = tok(10) {
                    return Err(err(
                        c,
                        format!(
                            "MDISK {more}: after the mode come at most 3 passwords (read, write, multiple)"
                        ),
                    ));
                }
                let disk = Disk {
                    user: me.clone(),
                    vaddr,
                    raddr,
                    start,
                    cyls,
                    read_only,
                    link: false,
                    dedicated: false,
                    passwords,
                };
                add(&mut disks, disk).map_err(|e| err(cva, e))?;
                owned_at.push((n, cva));
            }
            "LINK" => {
                let (c, target) = need(1, "a userid")?;
                let (c1, va) = need(2, "the owner's virtual address")?;
                let (c2, my) = need(3, "your virtual address")?;
                let mode = tok(4).map(|t| t.1).unwrap_or("R");
                let v = vaddr(va).ok_or_else(|| err(c1, format!("address {va}: hex, 001-FFF")))?;
                let m = vaddr(my).ok_or_else(|| err(c2, format!("address {my}: hex, 001-FFF")))?;
                let read_only = mode_read_only(mode).ok_or_else(|| {
                    err(
                        tok(4).map(|t| t.0).unwrap_or(c),
                        format!("access mode {mode}: R, RR, W, WR, M, MR or MW"),
                    )
                })?;
                links.push(Link {
                    user: me,
                    target: target.to_uppercase(),
                    vaddr: v,
                    myvaddr: m,
                    read_only,
                    at: (n, c),
                });
            }
            "DEDICATE" => {
                let (cva, va) = need(1, "a virtual address")?;
                let (cra, ra) = need(2, "a real device address")?;
                let vaddr =
                    vaddr(va).ok_or_else(|| err(cva, format!("address {va}: hex, 001-FFF")))?;
                let raddr = u16::from_str_radix(ra, 16)
                    .ok()
                    .filter(|&r| r <= 0xFFF)
                    .ok_or_else(|| err(cra, format!("real address {ra}: hex, 000-FFF")))?;
                if let Some((c, more)) = tok(3) {
                    // (Later VMs took a volume serial or R/O here: a dedicated disk
                    // silently read-write would be worse than a refusal.)
                    return Err(err(
                        c,
                        format!(
                            "DEDICATE {more}: only DEDICATE vaddr raddr (the whole disk, \
                             read-write)"
                        ),
                    ));
                }
                if raddr == SYSRES {
                    return Err(err(
                        cra,
                        format!(
                            "{raddr:03X} is the system residence volume ({SYSRES_VOLSER}): \
                             CP's, not a user's"
                        ),
                    ));
                }
                let v = volumes.iter().find(|v| v.addr == raddr).ok_or_else(|| {
                    err(
                        cra,
                        format!(
                            "DEDICATE: there is no real disk at {raddr:03X} (configure one: \
                             machine: (devices: [(addr: \"{raddr:03X}\", type: \"3350\", \
                             file: ...)]) or --device {raddr:03X}=3350:FILE)"
                        ),
                    )
                })?;
                if let Some((i, o)) = disks
                    .iter()
                    .enumerate()
                    .find(|(_, o)| !o.link && o.raddr == raddr)
                {
                    let (l, _) = owned_at[i];
                    return Err(err(
                        cra,
                        if o.dedicated {
                            format!(
                                "{raddr:03X} is dedicated to {} already (line {})",
                                o.user,
                                l + 1
                            )
                        } else {
                            format!(
                                "{raddr:03X} holds {}'s minidisk {:03X} (line {}): a disk \
                                 with minidisks cannot be dedicated",
                                o.user,
                                o.vaddr,
                                l + 1
                            )
                        },
                    ));
                }
                let disk = Disk {
                    user: me.clone(),
                    vaddr,
                    raddr,
                    start: 0,
                    cyls: v.cyls,
                    read_only: false,
                    link: false,
                    dedicated: true,
                    passwords: Default::default(),
                };
                add(&mut disks, disk).map_err(|e| err(cva, e))?;
                owned_at.push((n, cva));
            }
            "SPOOL" => {
                let (cva, va) = need(1, "a virtual address")?;
                let vaddr =
                    vaddr(va).ok_or_else(|| err(cva, format!("address {va}: hex, 001-FFF")))?;
                let (cty, ty) = need(2, "a device type (2540, 3505, 3525, 1403, 3211, 3203)")?;
                let (kind, next) = match ty.to_uppercase().as_str() {
                    "2540" => {
                        let (c, rp) = need(3, "READER or PUNCH after 2540")?;
                        match rp.to_uppercase().as_str() {
                            "READ" | "READER" | "RDR" => (0, 4),
                            "PUNCH" | "PUN" => (1, 4),
                            _ => return Err(err(c, format!("2540 {rp}: READER or PUNCH"))),
                        }
                    }
                    "2540R" | "3505" => (0, 3),
                    "2540P" | "3525" => (1, 3),
                    "1403" | "3211" | "3203" => (2, 3),
                    _ => {
                        return Err(err(
                            cty,
                            format!(
                                "device type {ty}: 2540 READER, 2540 PUNCH, 2540R, 2540P, \
                                 3505, 3525, 1403, 3211 or 3203"
                            ),
                        ));
                    }
                };
                let class = match tok(next) {
                    None => [b'*', b'A', b'A'][kind],
                    Some((c, cl)) => {
                        let b = cl.to_ascii_uppercase().into_bytes();
                        match b[..] {
                            [b'*'] if kind == 0 => b'*',
                            [x] if x.is_ascii_uppercase() || x.is_ascii_digit() => x,
                            _ => {
                                return Err(err(
                                    c,
                                    format!(
                                        "class {cl}: A-Z or 0-9{}",
                                        if kind == 0 { ", or * (any)" } else { "" }
                                    ),
                                ));
                            }
                        }
                    }
                };
                if let Some((c, more)) = tok(next + 1) {
                    return Err(err(
                        c,
                        format!("SPOOL {more}: after the class comes nothing"),
                    ));
                }
                const KIND: [&str; 3] = ["reader", "punch", "printer"];
                if vaddr == CONSOLE {
                    return Err(err(cva, format!("address {vaddr:03X} is the console's")));
                }
                let u = users.last_mut().expect("a USER came first");
                if let Some(k) = u
                    .spool
                    .iter()
                    .position(|d| d.is_some_and(|d| d.vaddr == vaddr))
                {
                    return Err(err(
                        cva,
                        format!("{me} has a {} at {vaddr:03X} already", KIND[k]),
                    ));
                }
                if let Some(d) = u.spool[kind] {
                    return Err(err(
                        cty,
                        format!(
                            "{me} has a {} already (at {:03X}): CP gives a machine at most \
                             one reader, one punch and one printer",
                            KIND[kind], d.vaddr
                        ),
                    ));
                }
                u.spool[kind] = Some(UnitRecord { vaddr, class });
                spools.push((me, vaddr, (n, cva)));
            }
            "IPL" | "CONSOLE" | "ACCOUNT" | "OPTION" | "SPECIAL" => {}
            other => {
                return Err(err(col, format!("unknown directory statement {other}")));
            }
        }
    }
    if users.is_empty() {
        return Err(DirError {
            line: 0,
            col: 0,
            message: "no USER statement".into(),
        });
    }
    for l in links {
        let err = |message: String| DirError {
            line: l.at.0 + 1,
            col: l.at.1 + 1,
            message,
        };
        let Some(d) = disks
            .iter()
            .find(|d| !d.link && d.user == l.target && d.vaddr == l.vaddr)
            .cloned()
        else {
            return Err(err(format!(
                "{} {:03X} NOT LINKED; NOT IN CP DIRECTORY",
                l.target, l.vaddr
            )));
        };
        if d.dedicated {
            return Err(err(format!(
                "{} {:03X} NOT LINKED; it is a dedicated disk, not a minidisk",
                l.target, l.vaddr
            )));
        }
        let disk = Disk {
            user: l.user.clone(),
            vaddr: l.myvaddr,
            read_only: l.read_only || d.read_only,
            link: true,
            passwords: Default::default(),
            ..d
        };
        add(&mut disks, disk).map_err(err)?;
    }
    for (user, vaddr, (n, c)) in spools {
        if disks.iter().any(|d| d.user == user && d.vaddr == vaddr) {
            return Err(DirError {
                line: n + 1,
                col: c + 1,
                message: format!("{user} has a disk at {vaddr:03X} already"),
            });
        }
    }
    Ok(Directory {
        users,
        disks,
        paging,
    })
}

/// Give its user the disk `d`; `Err` if the address is taken or there are too many.
fn add(disks: &mut Vec<Disk>, d: Disk) -> Result<(), String> {
    let (user, vaddr) = (&d.user, d.vaddr);
    if disks.iter().any(|o| &o.user == user && o.vaddr == vaddr) {
        return Err(format!("{user} has a disk at {vaddr:03X} already"));
    }
    if disks.iter().filter(|o| &o.user == user).count() >= MAX_DISKS {
        return Err(format!("{user} has {MAX_DISKS} disks: no room for more"));
    }
    disks.push(d);
    Ok(())
}

/// "volume X is not mounted", with the volumes that are.
fn not_mounted(vol: &str, volumes: &[Volume]) -> String {
    let mut have = vec![SYSRES_VOLSER.to_string()];
    have.extend(volumes.iter().filter_map(|v| v.volser.clone()));
    format!(
        "MDISK: volume {vol} is not mounted: no disk has that VOL1 label (mounted: {})",
        have.join(", ")
    )
}

/// The words of a line and their columns (0-based).
fn tokens(line: &str) -> Vec<(usize, &str)> {
    let mut v = Vec::new();
    let mut start = None;
    for (i, ch) in line.char_indices() {
        match (ch.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                v.push((s, &line[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        v.push((s, &line[s..]));
    }
    v
}

fn cp_name(s: &str) -> bool {
    (1..=8).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || "$#@".contains(c))
}

/// `512K`, `1M`: a multiple of 64K from 64K to 4M.
fn size(s: &str) -> Option<u32> {
    let u = s.to_uppercase();
    let (num, mult) = if let Some(n) = u.strip_suffix('K') {
        (n, 1024)
    } else if let Some(n) = u.strip_suffix('M') {
        (n, 1024 * 1024)
    } else {
        return None;
    };
    let v = num.parse::<u32>().ok()?.checked_mul(mult)?;
    (v % 65536 == 0 && (65536..=4 << 20).contains(&v)).then_some(v)
}

fn vaddr(s: &str) -> Option<u16> {
    let v = u16::from_str_radix(s, 16).ok()?;
    (1..=0xFFF).contains(&v).then_some(v)
}

/// Read-only for R and RR, read-write for W, WR, M, MR, MW.
fn mode_read_only(m: &str) -> Option<bool> {
    match m.to_uppercase().as_str() {
        "R" | "RR" => Some(true),
        "W" | "WR" | "M" | "MR" | "MW" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "\
* A small installation
DIRECTORY 150 3350 CPCMS1
USER MAINT CPCMS 1M 4M ABCDEFG
 MDISK 190 3350 011 002 CPCMS1 RR ALL
USER ALICE ALICE 512K 1M G
 IPL CMS
 CONSOLE 009 3215
 SPOOL 00C 2540 READER *
 LINK MAINT 190 190 RR
 MDISK 191 3350 001 002 CPCMS1 MR
USER BOB BOB 256K
 LINK MAINT 190 190
 LINK ALICE 191 291 W
 MDISK 191 3350 3 2 cpcms1 W
";

    #[test]
    fn a_directory_gives_users_their_disks() {
        let d = parse(GOOD).unwrap();
        assert_eq!(
            d.users.iter().map(|u| u.id.as_str()).collect::<Vec<_>>(),
            ["MAINT", "ALICE", "BOB"]
        );
        assert_eq!(d.users[1].storage, 512 * 1024);
        assert_eq!(d.users[0].classes, "ABCDEFG");
        assert_eq!(d.users[1].classes, "G");
        assert_eq!(d.users[2].classes, "G", "no classes: G");
        let disk = |u: &str, v: u16| d.disks.iter().find(|x| x.user == u && x.vaddr == v);
        let m190 = disk("MAINT", 0x190).unwrap();
        assert_eq!((m190.start, m190.cyls, m190.read_only), (11, 2, true));
        let a190 = disk("ALICE", 0x190).unwrap();
        assert!(a190.link && a190.read_only && a190.start == 11);
        let b291 = disk("BOB", 0x291).unwrap();
        assert_eq!((b291.start, b291.read_only, b291.link), (1, false, true));
        assert_eq!(disk("BOB", 0x191).unwrap().start, 3);
    }

    #[test]
    fn mdisk_passwords_are_read_and_checked() {
        let d = parse("USER A A 64K\n MDISK 191 3350 1 2 CPCMS1 MR rd wr MULT\n").unwrap();
        assert_eq!(d.disks[0].passwords, ["RD", "WR", "MULT"].map(String::from));
        let d = parse("USER A A 64K\n MDISK 191 3350 1 2 CPCMS1 RR ALL\n").unwrap();
        assert_eq!(d.disks[0].passwords, ["ALL", "", ""].map(String::from));
        let e = parse("USER A A 64K\n MDISK 191 3350 1 2 CPCMS1 MR R W M X\n").unwrap_err();
        assert_eq!((e.line, e.col), (2, 37), "{}", e.message);
        let e = parse("USER A A 64K\n MDISK 191 3350 1 2 CPCMS1 MR TOOLONGPW\n").unwrap_err();
        assert_eq!((e.line, e.col), (2, 31), "{}", e.message);
    }

    /// Two volumes beside CPCMS1 (nothing read from files: `Volume`s as probed).
    fn volumes() -> Vec<Volume> {
        let v = |addr: u16, volser: Option<&str>, cyls: u16| Volume {
            addr,
            file: format!("{addr:03X}.3350").into(),
            volser: volser.map(str::to_string),
            cyls,
            create: true,
            at: "t".into(),
        };
        vec![v(0x151, Some("USER01"), 10), v(0x152, None, 70)]
    }

    #[test]
    fn volumes_are_found_by_label_and_disks_dedicated_by_address() {
        let d = parse_on(
            "USER ALICE ALICE 512K\n MDISK 191 3350 0 2 user01 W\n DEDICATE 19D 152\n\
             USER BOB BOB 512K\n MDISK 191 3350 1 2 CPCMS1 W\n LINK ALICE 191 291 RR\n",
            &volumes(),
        )
        .unwrap();
        let disk = |u: &str, v: u16| d.disks.iter().find(|x| x.user == u && x.vaddr == v);
        let a191 = disk("ALICE", 0x191).unwrap();
        assert_eq!((a191.raddr, a191.start, a191.cyls), (0x151, 0, 2));
        let a19d = disk("ALICE", 0x19D).unwrap();
        assert!(a19d.dedicated && !a19d.read_only);
        assert_eq!((a19d.raddr, a19d.start, a19d.cyls), (0x152, 0, 70));
        assert_eq!(disk("BOB", 0x191).unwrap().raddr, SYSRES);
        let b291 = disk("BOB", 0x291).unwrap();
        assert_eq!((b291.raddr, b291.start, b291.read_only), (0x151, 0, true));
        // Cylinders 1-2 of USER01 are not CPCMS1's: no overlap across volumes.
        assert!(
            parse_on(
                "USER A A 512K\n MDISK 191 3350 1 2 USER01 W\n MDISK 192 3350 1 2 CPCMS1 W",
                &volumes()
            )
            .is_ok()
        );
        let e = parse_on(
            "USER A A 512K\n DEDICATE 19D 152\nUSER B B 512K\n LINK A 19D 19D RR",
            &volumes(),
        )
        .unwrap_err()
        .at("u");
        assert!(
            e.starts_with("u:4:7: A 19D NOT LINKED; it is a dedicated disk"),
            "{e}"
        );
    }

    #[test]
    fn mistakes_are_named_with_their_place() {
        let cases: &[(&str, &str)] = &[
            (
                " MDISK 191 3350 1 2 CPCMS1 W",
                "u:1:2: MDISK before the first USER",
            ),
            (
                "USER A A 512K\n MDISK 191 3350 0 2 CPCMS1 W",
                "u:2:17: cylinder 0",
            ),
            (
                "USER A A 512K\n MDISK 191 3350 1 2 OTHER1 W",
                "u:2:21: MDISK: volume OTHER1 is not mounted",
            ),
            (
                "USER A A 512K\n MDISK 191 3350 554 5 CPCMS1 W",
                "u:2:21: cylinders 554 to 558",
            ),
            (
                "USER A A 512K\n MDISK 191 3350 1 4 CPCMS1 W\nUSER B B 512K\n MDISK 191 3350 3 2 CPCMS1 W",
                "u:4:17: cylinders 3-4 of CPCMS1 overlap A's 191 (line 2)",
            ),
            (
                "USER A A 512K\n LINK B 191 191 RR",
                "u:2:7: B 191 NOT LINKED",
            ),
            ("USER A A 500K", "u:1:10: storage 500K"),
            (
                "USER A A 512K\n FROB",
                "u:2:2: unknown directory statement FROB",
            ),
            (
                "USER A A 512K\n MDISK 191 3350 1 2 CPCMS1 X",
                "u:2:28: access mode X",
            ),
            (
                "USER A A 512K\n MDISK 191 3350 1 2 CPCMS1 W\n MDISK 191 3350 5 2 CPCMS1 W",
                "u:3:8: A has a disk at 191",
            ),
            ("USER A A 512K\nUSER A B 512K", "u:2:6: user A is already"),
            (
                "USER A A 512K\n DEDICATE 181 181",
                "u:2:15: DEDICATE: there is no real disk at 181",
            ),
            (
                "USER A A 512K\n DEDICATE 181 181 R/O",
                "u:2:19: DEDICATE R/O: only DEDICATE vaddr raddr",
            ),
            ("* nothing", "u: no USER statement"),
        ];
        for (text, want) in cases {
            let e = parse(text).unwrap_err().at("u");
            assert!(e.starts_with(want), "{text:?}: {e}");
        }
    }
}
