//! The system residence volume: its IPL records, CP and the CMS nucleus on cylinder 0,
//! the S disk and every user's 191; made afresh, or kept from one run to the next in a
//! data directory (`--data`).

use std::path::Path;

use crate::asm::Assembly;
use crate::devices::dasd::{Dasd, Record, empty_track, label_records, new_volume, track_image};

use super::*;

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

/// Cylinders of page area `cfg` asks for: its `paging`, or [`page_cyls`] of its users.
pub fn page_area_cyls(cfg: &SysConfig) -> u16 {
    cfg.paging.unwrap_or_else(|| page_cyls(&cfg.users))
}

/// Checks a page area's size: 0 (no paging device) to [`PAGE_CYLS_MAX`] cylinders.
pub fn check_paging(cyls: u16) -> Result<(), String> {
    if cyls > PAGE_CYLS_MAX {
        return Err(format!(
            "the paging device has at most {PAGE_CYLS_MAX} cylinders of page area, not {cyls}"
        ));
    }
    Ok(())
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
pub(super) fn kept_extents(
    cfg: &SysConfig,
    data_dir: Option<&Path>,
) -> Result<Vec<Extent>, String> {
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
pub(super) fn keep_sysres(
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
