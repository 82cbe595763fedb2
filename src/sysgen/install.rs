//! Installing the minidisks: what a VM/370 installer did once with CMS's FORMAT command and
//! by loading the S disk, sysgen does when the system starts.
//!
//! - **Every minidisk is a CMS disk.** Each MDISK in the directory (in the short form
//!   `users: [...]`, each user's 191 and MAINT's 190) is formatted in CMS's 800-byte
//!   format ([`super::cmsdisk`]) when the first track of its extent has no records yet:
//!   always on a fresh volume, and on a volume kept with `--data` for an extent allocated
//!   since. An extent whose first track has records is never touched: those are a user's
//!   files (or whatever a program wrote there; CMS will say it is not a CMS disk).
//! - **The label** is the userid's first three characters (a shorter userid padded with
//!   `$`, which a label may hold and a blank may not) and the virtual address in three hex
//!   digits: ALICE's 191 is `ALI191`, MAINT's 190 `MAI190`, AL's 191 `AL$191`.
//! - **The S disk** (MAINT's 190, which every user links read-only) is system content, like
//!   cylinder 0: it is formatted and filled afresh at every start, kept volume or not, from
//!   the files in `roms/cms/sdisk/` (embedded in the binary; `--roms DIR` reads
//!   `DIR/cms/sdisk/`). A file `NAME.TYPE` becomes the CMS file `NAME TYPE S2` (mode number
//!   2: visible to every user who accesses the S disk), in name order. `EXEC` files are
//!   RECFM V, LRECL the longest record (trailing blanks dropped); any other type is RECFM F
//!   LRECL 80, records padded with blanks. Each line is a record, its text translated to
//!   EBCDIC. The files are dated with the machine's date and time at start-up. Names
//!   beginning with `.` or ending in `~` (editors' files) are left out; any other file that
//!   is not a CMS file id (1-8 of A-Z 0-9 $ # @, a dot, 1-8 more), holds a control
//!   character (a tab, say) or a line too long (255 for EXEC, 80 otherwise) stops sysgen
//!   with `roms/cms/sdisk/NAME: what is wrong`.

use std::fs::File;
use std::os::unix::fs::FileExt;

use super::cmsdisk::{self, CmsFile, RecFm, Stamp};
use super::iplnuc::Nucleus;
use super::{Disk, Roms, SDISK_OWNER, SDISK_VADDR, SYSRES_MODEL};
use crate::devices::dasd::{HEADER, parse_track};

/// Where the S disk's files are under the roms directory.
pub const SDISK_DIR: &str = "cms/sdisk";

/// The label of `user`'s disk `vaddr`: see the module documentation.
pub fn label(user: &str, vaddr: u16) -> String {
    let mut l: String = user.chars().take(3).collect();
    while l.len() < 3 {
        l.push('$');
    }
    format!("{l}{:03X}", vaddr & 0xFFF)
}

/// The date and time a TOD clock value says, as a CMS file keeps it.
pub fn stamp_of_tod(tod: u64) -> Stamp {
    let secs = (tod >> 12) / 1_000_000;
    // Days from 1970-01-01 (the TOD clock counts from 1900, 25,567 days earlier), turned
    // into a civil date by H. Hinnant's algorithm.
    let z = (secs / 86_400) as i64 - 25_567 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i64::from(month <= 2);
    let rem = secs % 86_400;
    Stamp {
        year: year.rem_euclid(100) as u8,
        month,
        day,
        hour: (rem / 3600) as u8,
        minute: (rem / 60 % 60) as u8,
    }
}

/// The S disk's files from `roms`, dated `stamp`, each with the path messages name it by
/// (`roms/cms/sdisk/NAME.TYPE`); `Err` names the first bad one.
///
/// An assembler program, `NAME.ASSEMBLE`, is also assembled (with cpcms's assembler, COPY
/// members and macros from `MEMBER.COPY` / `MEMBER.MACRO` beside it) into its object deck,
/// `NAME TEXT S2` (F 80: the cards an assembler punches), as if MAINT had assembled it:
/// CMS's LOAD reads it.
pub fn sdisk_files(roms: &Roms, stamp: Stamp) -> Result<Vec<(String, CmsFile)>, String> {
    let mut files = Vec::new();
    for (name, text) in roms.sdisk() {
        let path = format!("{}/{SDISK_DIR}/{name}", roms.base);
        let f = text_file(name, text, stamp).map_err(|e| format!("{path}: {e}"))?;
        if f.ftype == "ASSEMBLE" {
            let deck = object_deck(roms, &path, name, text)?;
            files.push((
                path.clone(),
                CmsFile {
                    name: f.name.clone(),
                    ftype: "TEXT".into(),
                    mode: "S2".into(),
                    recfm: RecFm::F,
                    lrecl: 80,
                    records: deck.chunks(80).map(<[u8]>::to_vec).collect(),
                    stamp,
                },
            ));
        }
        files.push((path, f));
    }
    files.sort_by(|a, b| (&a.1.name, &a.1.ftype).cmp(&(&b.1.name, &b.1.ftype)));
    Ok(files)
}

/// The object deck of the S disk's program `name` (its `text`; `path` for messages).
fn object_deck(roms: &Roms, path: &str, name: &str, text: &str) -> Result<Vec<u8>, String> {
    let members: std::collections::HashMap<&str, &str> = roms.sdisk().collect();
    let read = |n: &str| -> Option<(String, String)> {
        if n == name {
            return Some((path.to_string(), text.to_string()));
        }
        let up = n.to_ascii_uppercase();
        ["COPY", "MACRO"].iter().find_map(|t| {
            let m = format!("{up}.{t}");
            members
                .get(m.as_str())
                .map(|body| (format!("{}/{SDISK_DIR}/{m}", roms.base), body.to_string()))
        })
    };
    let opts = crate::asm::Options {
        listing: false,
        object: true,
    };
    let out = crate::asm::assemble_files(name, &read, &opts).map_err(|e| e.join("\n"))?;
    out.object
        .ok_or_else(|| format!("{path}: the assembler made no object deck"))
}

/// A text file named `NAME.TYPE` as the CMS file `NAME TYPE S2`.
pub fn text_file(name: &str, text: &str, stamp: Stamp) -> Result<CmsFile, String> {
    let bad_id = || {
        "not a CMS file id: name the file NAME.TYPE, each 1 to 8 of A-Z 0-9 $ # @ \
         (upper case), e.g. PROFILE.EXEC"
            .to_string()
    };
    let (fname, ftype) = name.split_once('.').ok_or_else(bad_id)?;
    if !cmsdisk::valid_name(fname) || !cmsdisk::valid_name(ftype) {
        return Err(bad_id());
    }
    let exec = ftype == "EXEC";
    let limit = if exec { 255 } else { 80 };
    let mut records = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if let Some(c) = line.chars().find(|&c| c.is_control() || c as u32 > 0xFF) {
            return Err(format!(
                "line {}: the character {c:?} has no place in a CMS file (text in EBCDIC: \
                 no tabs or control characters)",
                i + 1
            ));
        }
        let line = if exec {
            line.trim_end_matches(' ')
        } else {
            line
        };
        let mut r = crate::ebcdic::encode(line);
        if r.len() > limit {
            return Err(format!(
                "line {}: {} characters; a line of a{} file is at most {limit}",
                i + 1,
                r.len(),
                if exec { "n EXEC" } else { "n F 80" }
            ));
        }
        if !exec {
            r.resize(80, 0x40);
        }
        records.push(r);
    }
    if records.is_empty() {
        return Err("empty: a CMS file has at least one record".into());
    }
    let lrecl = if exec {
        records.iter().map(Vec::len).max().unwrap_or(0) as u32
    } else {
        80
    };
    Ok(CmsFile {
        name: fname.to_string(),
        ftype: ftype.to_string(),
        mode: "S2".into(),
        recfm: if exec { RecFm::V } else { RecFm::F },
        lrecl,
        records,
        stamp,
    })
}

/// The S disk among `disks`: MAINT's own 190.
pub fn sdisk_of(disks: &[Disk]) -> Option<&Disk> {
    disks
        .iter()
        .find(|d| !d.link && d.user == SDISK_OWNER && d.vaddr == SDISK_VADDR)
}

/// The minidisks of `disks` that are on the system residence volume and their owners'
/// (LINKs are someone else's; minidisks on other volumes and dedicated disks are left as
/// the volume has them).
fn own_on_sysres(disks: &[Disk]) -> impl Iterator<Item = &Disk> {
    disks
        .iter()
        .filter(|d| !d.link && !d.dedicated && d.raddr == super::SYSRES)
}

/// On a fresh volume image: format every minidisk of `disks` on it (see
/// [`own_on_sysres`]) and put `files` (as [`sdisk_files`] gives them) on the S disk;
/// with `nucleus`, the S disk's file area is its first `file_cyls` cylinders and the
/// IPL records and CMS nucleus go on it too (see [`super::iplnuc`]).
pub fn install(
    img: &mut [u8],
    disks: &[Disk],
    files: &[(String, CmsFile)],
    nucleus: Option<&Nucleus>,
) -> Result<(), String> {
    let sdisk = sdisk_of(disks);
    for d in own_on_sysres(disks) {
        let nuc = nucleus.filter(|_| Some(d) == sdisk);
        let cyls = nuc.map_or(d.cyls, |n| n.file_cyls);
        cmsdisk::format(img, d.start, cyls, &label(&d.user, d.vaddr))
            .map_err(|e| format!("{}'s {:03X}: {e}", d.user, d.vaddr))?;
        if let Some(n) = nuc {
            n.write(img, d.start)
                .map_err(|e| format!("{}'s {:03X}: the CMS nucleus: {e}", d.user, d.vaddr))?;
        }
    }
    if let Some(s) = sdisk {
        let cyls = nucleus.map_or(s.cyls, |n| n.file_cyls);
        for (path, f) in files {
            cmsdisk::write_file(img, s.start, f).map_err(|e| {
                format!(
                    "{path}: on the S disk ({SDISK_OWNER}'s {SDISK_VADDR:03X}, {cyls} cylinders): {e}"
                )
            })?;
        }
    }
    Ok(())
}

/// Does the track image `t` of cylinder `cyl`, head `head` hold no records but R0?
pub fn is_blank(t: &[u8], cyl: u16, head: u16) -> bool {
    parse_track(t, cyl, head).is_ok_and(|t| t.records.len() <= 1)
}

/// On the kept volume `f` (`name` for messages), from the fresh image `volume` that
/// [`install`] made: the S disk afresh, and every minidisk whose first track is blank.
pub fn keep(f: &File, name: &str, volume: &[u8], disks: &[Disk]) -> Result<(), String> {
    let ts = SYSRES_MODEL.track_size();
    let cyl = SYSRES_MODEL.heads() as usize * ts;
    let sdisk = sdisk_of(disks);
    for d in own_on_sysres(disks) {
        let at = HEADER + d.start as usize * cyl;
        let mut first = vec![0u8; ts];
        f.read_exact_at(&mut first, at as u64)
            .map_err(|e| format!("{name}: {e}"))?;
        if Some(d) == sdisk || is_blank(&first, d.start, 0) {
            let end = at + d.cyls as usize * cyl;
            let from = volume.get(at..end).ok_or_else(|| {
                format!("{name}: {}'s {:03X} is not on the volume", d.user, d.vaddr)
            })?;
            f.write_all_at(from, at as u64)
                .map_err(|e| format!("{name}: {e}"))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_the_rule() {
        assert_eq!(label("ALICE", 0x191), "ALI191");
        assert_eq!(label("MAINT", 0x190), "MAI190");
        assert_eq!(label("AL", 0x191), "AL$191");
        assert_eq!(label("X", 0x19E), "X$$19E");
    }

    #[test]
    fn the_machine_date_is_the_files_date() {
        // 1979-06-29 09:00:00, the scenarios' default.
        let days: u64 = 79 * 365 + 19 + 31 + 28 + 31 + 30 + 31 + 28;
        let tod = ((days * 86_400 + 9 * 3600) * 1_000_000) << 12;
        let s = stamp_of_tod(tod);
        assert_eq!(
            (s.year, s.month, s.day, s.hour, s.minute),
            (79, 6, 29, 9, 0)
        );
        let s = stamp_of_tod(0);
        assert_eq!((s.year, s.month, s.day), (0, 1, 1));
    }

    #[test]
    fn text_files_become_cms_files() {
        let st = stamp_of_tod(0);
        let f = text_file("HELLO.EXEC", "&TYPE HI  \n\n&EXIT 0\n", st).unwrap();
        assert_eq!((f.recfm, f.lrecl, f.mode.as_str()), (RecFm::V, 8, "S2"));
        assert_eq!(f.records[1], b"");
        let f = text_file("CMS.HELPCMD", "CMS\r\nHELP\n", st).unwrap();
        assert_eq!((f.recfm, f.lrecl, f.records.len()), (RecFm::F, 80, 2));
        assert_eq!(f.records[0][..4], [0xC3, 0xD4, 0xE2, 0x40]);
        for (name, text, want) in [
            ("hello.exec", "X", "not a CMS file id"),
            ("NOTYPE", "X", "not a CMS file id"),
            ("TOOLONGNAME.EXEC", "X", "not a CMS file id"),
            ("A.B.C", "X", "not a CMS file id"),
            ("TAB.EXEC", "A\tB", "line 1: the character '\\t'"),
            ("WIDE.TEXT", &"X".repeat(81), "line 1: 81 characters"),
            ("WIDE.EXEC", &"X".repeat(256), "at most 255"),
            ("EMPTY.EXEC", "", "empty"),
            ("SNOW.EXEC", "\u{2603}", "no place in a CMS file"),
        ] {
            let e = text_file(name, text, st).unwrap_err();
            assert!(e.contains(want), "{name}: {e}");
        }
    }
}
