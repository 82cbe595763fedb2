//! CMS's file system against disks it did not write and disks it did.
//!
//! IBM's MAINT 19D (tests/disks/mnt19d.3350.gz, written by VM/370 R6's CMS) is dedicated
//! to ALICE as her 19D; her CMS (roms/cms) accesses it, lists it and types every record of
//! every file, and each line must be what an independent reader of the format
//! (tests/cmsread) finds on the disk. Then the other way round: what her CMS writes
//! (COPYFILE with a change of format, RENAME, ERASE) the independent reader must find on
//! her 191, record for record, with the counts and the allocation map right.

use std::path::PathBuf;

use cpcms::cpu::{TOD_PER_SECOND, TOD_PER_US};
use cpcms::ebcdic::{decode, to_char};
use cpcms::machine::Status;
use cpcms::scenario::Scenario;
use cpcms::sysgen::System;

mod cmsread;
use cmsread::*;

const MS: u64 = 1000 * TOD_PER_US;
const SEC: u64 = TOD_PER_SECOND;

/// A booted system and, for each terminal, where its next wait starts looking.
struct Rig {
    sys: System,
    cursors: Vec<u64>,
}

impl Rig {
    fn boot(scenario: &std::path::Path) -> Rig {
        let s = Scenario::load(scenario).unwrap_or_else(|e| panic!("{e}"));
        let sys = System::boot(&s.sys_config(), None).unwrap_or_else(|e| panic!("boot: {e}"));
        let n = sys.terminals.len();
        let mut rig = Rig {
            sys,
            cursors: vec![0; n],
        };
        rig.wait_for(0, "VM/370 ONLINE", SEC);
        rig
    }

    fn type_line(&mut self, t: usize, text: &str) {
        let dev = self.sys.terminals[t];
        self.sys.machine.type_line(dev, text).expect("type");
        self.cursors[t] = self.sys.machine.transcript(dev).unwrap_or_default().end();
    }

    /// Run until terminal `t` shows `text`; returns what it showed before it.
    fn wait_for(&mut self, t: usize, text: &str, within: u64) -> String {
        let dev = self.sys.terminals[t];
        let deadline = self.sys.machine.now() + within;
        loop {
            let view = self.sys.machine.transcript(dev).unwrap_or_default();
            let (rest, lost) = view.since(self.cursors[t]);
            assert_eq!(lost, 0, "terminal {t}: output lost from the transcript");
            if let Some(p) = rest.find(text) {
                let seen = rest[..p].to_string();
                self.cursors[t] = view.end() - (rest.len() - p - text.len()) as u64;
                return seen;
            }
            let now = self.sys.machine.now();
            assert!(
                now < deadline,
                "terminal {t} did not show {text:?}; it showed:\n{rest}"
            );
            match self.sys.machine.run_until((now + 10 * MS).min(deadline)) {
                Status::DisabledWait(psw) => panic!("CP died: disabled wait {psw:016X}"),
                Status::Checkstop => panic!("CP died: checkstop"),
                _ => {}
            }
        }
    }

    /// Type a CMS command and return the lines it typed before its ready line, and the
    /// ready line's return code. The ready line is a whole line `R; T=...` or
    /// `R(nnnnn); T=...` (a file's text may hold "Ready; T=" too).
    fn command(&mut self, t: usize, line: &str) -> (Vec<String>, i32) {
        self.type_line(t, line);
        let dev = self.sys.terminals[t];
        let deadline = self.sys.machine.now() + 60 * SEC;
        let is_ready = |l: &str| {
            l.starts_with("R; T=") || (l.starts_with("R(") && l.get(8..12) == Some("; T="))
        };
        loop {
            let view = self.sys.machine.transcript(dev).unwrap_or_default();
            let (rest, lost) = view.since(self.cursors[t]);
            assert_eq!(lost, 0, "{line}: output lost from the transcript");
            let lines: Vec<&str> = rest.split('\n').collect();
            // Only whole lines count (the last piece may still be being typed).
            if let Some(i) = lines[..lines.len() - 1].iter().position(|l| is_ready(l)) {
                let ready = lines[i];
                let rc = if ready.starts_with("R;") {
                    0
                } else {
                    ready[2..ready.find(')').expect("R(n)")]
                        .parse()
                        .unwrap_or_else(|_| panic!("{line}: {ready:?}"))
                };
                let consumed: usize = lines[..=i].iter().map(|l| l.len() + 1).sum();
                self.cursors[t] = view.end() - (rest.len() - consumed) as u64;
                let mut out: Vec<String> = lines[..i].iter().map(|l| l.to_string()).collect();
                // The echo of the command itself comes first.
                assert_eq!(out.first().map(String::as_str), Some(line), "{line}");
                out.remove(0);
                return (out, rc);
            }
            let now = self.sys.machine.now();
            assert!(
                now < deadline,
                "{line}: no ready line; the terminal showed:\n{rest}"
            );
            match self.sys.machine.run_until((now + 10 * MS).min(deadline)) {
                Status::DisabledWait(psw) => panic!("CP died: disabled wait {psw:016X}"),
                Status::Checkstop => panic!("CP died: checkstop"),
                _ => {}
            }
        }
    }
}

/// A directory of its own under the system's temporary directory, empty.
fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cpcms-cmsfiles-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// What TYPE shows of a record: the console's characters (X'15' a new line, other
/// control characters not shown), without the blanks at its end, 130 to a line.
fn typed(record: &[u8]) -> Vec<String> {
    let mut end = record.len();
    while end > 0 && record[end - 1] == 0x40 {
        end -= 1;
    }
    let mut lines = Vec::new();
    for chunk in record[..end].chunks(130) {
        let mut s = String::new();
        for &b in chunk {
            if b == 0x15 {
                s.push('\n');
            } else {
                let c = to_char(b);
                if !c.is_control() {
                    s.push(c);
                }
            }
        }
        lines.extend(s.split('\n').map(|l| l.trim_end().to_string()));
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// The LISTFILE (DATE row of an FST entry `e` on the disk accessed as `letter`.
fn list_row(e: &[u8], letter: char) -> String {
    let half = |at: usize| u16::from_be_bytes([e[at], e[at + 1]]);
    let word = |at: usize| u32::from_be_bytes([e[at], e[at + 1], e[at + 2], e[at + 3]]);
    format!(
        "{:<8} {:<8} {letter}{}  {}{:>5}{:>8}{:>7} {:02X}/{:02X}/{}   {:02X}:{:02X}",
        decode(&e[..8]).trim_end(),
        decode(&e[8..16]).trim_end(),
        to_char(e[25]),
        to_char(e[30]),
        word(32),
        half(26),
        half(36),
        e[16],
        e[17],
        decode(&e[38..40]),
        e[18],
        e[19],
    )
}

#[test]
fn cms_lists_and_types_every_file_of_ibms_maint_19d() {
    let dir = temp_dir("19d");
    let img = gunzip(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/disks/mnt19d.3350.gz"
    ));
    std::fs::write(dir.join("mnt19d.3350"), &img).unwrap();
    let disk = read_disk(&img, 0);
    std::fs::write(
        dir.join("t.ron"),
        r#"Scenario(
    title: "19D",
    machine: (storage: "2M", devices: [(addr: "151", type: "3350", file: "mnt19d.3350")]),
    directory: "USER ALICE ALICE 1M 1M G\n MDISK 191 3350 001 002 CPCMS1 MR\n DEDICATE 19D 151\n",
    steps: [],
)"#,
    )
    .unwrap();
    let mut rig = Rig::boot(&dir.join("t.ron"));
    rig.type_line(0, "LOGON ALICE ALICE");
    rig.wait_for(0, "CMS VERSION", 10 * SEC);
    assert_eq!(rig.command(0, ""), (vec![], 0));
    assert_eq!(rig.command(0, "ACCESS 19D U"), (vec![], 0));
    let (q, rc) = rig.command(0, "QUERY DISK U");
    assert_eq!(rc, 0);
    assert_eq!(
        q,
        [format!(
            "U (19D): {} FILES, {} REC IN USE, {} LEFT (of {}), {}% FULL ({} CYL), 3350, R/W",
            disk.files.len(),
            disk.used,
            disk.adtnum - disk.used,
            disk.adtnum,
            disk.used * 100 / disk.adtnum,
            disk.cyls
        )]
    );
    // Every file, listed: the independent reader's FSTs, in the directory's order.
    let (list, rc) = rig.command(0, "LISTFILE * * U (DATE NOHEADER");
    assert_eq!(rc, 0);
    let want: Vec<String> = disk.files.iter().map(|f| list_row(&f.fst, 'U')).collect();
    assert_eq!(list.len(), want.len());
    for (got, want) in list.iter().zip(&want) {
        assert_eq!(got, want);
    }
    // Every record of every file, typed, 200 records a command (the terminal's
    // transcript keeps the last 64K).
    let mut records = 0;
    for f in &disk.files {
        for (n, chunk) in f.records.chunks(200).enumerate() {
            let first = n * 200 + 1;
            let cmd = format!("TYPE {} U {first} {}", f.id, first + chunk.len() - 1);
            let (got, rc) = rig.command(0, &cmd);
            assert_eq!(rc, 0, "{cmd}");
            let want: Vec<String> = chunk.iter().flat_map(|r| typed(r)).collect();
            let got: Vec<String> = got.iter().map(|l| l.trim_end().to_string()).collect();
            assert_eq!(got, want, "{cmd}");
            records += chunk.len();
        }
    }
    assert_eq!(
        records,
        disk.files.iter().map(|f| f.records.len()).sum::<usize>()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// ALICE's 191 as the volume has it now.
fn alices_191(rig: &Rig) -> Disk {
    let img = rig.sys.sysres_image().expect("the volume is in memory");
    let at = cpcms::sysgen::extent_of(&rig.sys.extents, "ALICE", 0x191).expect("her 191");
    read_disk(img, at.start)
}

const ALICE_ONLY: &str = r#"Scenario(
    title: "ALICE",
    machine: (storage: "2M"),
    users: [(id: "ALICE", password: "ALICE", storage: "1M")],
    steps: [],
)"#;

#[test]
fn what_cms_writes_an_independent_reader_reads() {
    let dir = temp_dir("writes");
    std::fs::write(dir.join("t.ron"), ALICE_ONLY).unwrap();
    let mut rig = Rig::boot(&dir.join("t.ron"));
    rig.type_line(0, "LOGON ALICE ALICE");
    rig.wait_for(0, "CMS VERSION", 10 * SEC);
    for (cmd, out, rc) in [
        ("", "", 0),
        ("COPYFILE CMS HELPCMD S = = A", "", 0),
        ("COPYFILE SAMPLE EXEC S = = A (RECFM F LRECL 20", "", 0),
        (
            "COPYFILE CMS HELPCMD A V FILE A (RECFM V TYPE",
            "DMSCPY721I COPY 'CMS HELPCMD A2' TO 'V FILE A2' NEW FILE",
            0,
        ),
        (
            "COPYFILE CMS HELPCMD A V FILE A",
            "DMSCPY024E FILE 'V FILE A2' ALREADY EXISTS",
            28,
        ),
        ("COPYFILE CMS HELPCMD A BIG FILE A1", "", 0),
        ("RENAME V FILE A W FILE A", "", 0),
        (
            "RENAME W FILE A BIG FILE A",
            "DMSRNM024E FILE 'BIG FILE A2' ALREADY EXISTS",
            28,
        ),
        ("ERASE SAMPLE EXEC", "", 0),
        (
            "ERASE SAMPLE EXEC",
            "DMSERS002E FILE 'SAMPLE EXEC A' NOT FOUND",
            28,
        ),
        ("STATE W FILE", "", 0),
        ("TYPE NO SUCH", "DMSTYP002E FILE 'NO SUCH *' NOT FOUND", 28),
        ("LISTFILE * * B", "DMSLST069E DISK 'B' NOT ACCESSED", 36),
    ] {
        let want: Vec<&str> = if out.is_empty() { vec![] } else { vec![out] };
        assert_eq!(
            rig.command(0, cmd),
            (want.iter().map(|s| s.to_string()).collect(), rc),
            "{cmd}"
        );
    }
    // Seven times the file on itself: 19 * 128 records of 80 bytes, 256 data blocks,
    // past the 60 of the first chain link.
    for _ in 0..7 {
        assert_eq!(
            rig.command(0, "COPYFILE BIG FILE A = = = (APPEND"),
            (vec![], 0)
        );
    }
    let disk = alices_191(&rig);
    assert_eq!(disk.label, "ALI191");
    let ids: Vec<&str> = disk.files.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["CMS HELPCMD", "W FILE", "BIG FILE"]);
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/roms/cms/sdisk/CMS.HELPCMD"
    ))
    .unwrap();
    let f80: Vec<Vec<u8>> = src
        .lines()
        .map(|l| {
            let mut r = cpcms::ebcdic::encode(l);
            r.resize(80, 0x40);
            r
        })
        .collect();
    assert_eq!(disk.files[0].records, f80);
    // COPYFILE keeps the date unless NEWDATE: the S disk's, the machine's 06/29/79.
    assert_eq!(&disk.files[0].fst[16..20], &[0x06, 0x29, 0x09, 0x00]);
    assert_eq!(decode(&disk.files[0].fst[24..26]), "A2");
    // V: the blanks at the ends are gone, LRECL is the longest record.
    let v: Vec<Vec<u8>> = src
        .lines()
        .map(|l| cpcms::ebcdic::encode(l.trim_end()))
        .collect();
    assert_eq!(disk.files[1].records, v);
    assert_eq!(decode(&disk.files[1].fst[30..31]), "V");
    let longest = v.iter().map(Vec::len).max().unwrap() as u32;
    assert_eq!(
        u32::from_be_bytes(disk.files[1].fst[32..36].try_into().unwrap()),
        longest
    );
    let big = &disk.files[2];
    assert_eq!(big.records.len(), 19 * 128);
    assert!(big.records.chunks(19).all(|c| c == f80.as_slice()));
    assert_eq!(decode(&big.fst[24..26]), "A1");
    // LISTFILE agrees with the disk.
    let (list, rc) = rig.command(0, "LISTFILE * * A (DATE");
    assert_eq!(rc, 0);
    assert_eq!(
        list[0],
        "FILENAME FILETYPE FM  FORMAT    RECS BLOCKS     DATE    TIME"
    );
    let want: Vec<String> = disk.files.iter().map(|f| list_row(&f.fst, 'A')).collect();
    assert_eq!(list[1..], want);
    let (q, _) = rig.command(0, "QUERY DISK A");
    assert_eq!(
        q,
        [format!(
            "A (191): 3 FILES, {} REC IN USE, {} LEFT (of 1140), {}% FULL (2 CYL), 3350, R/W",
            disk.used,
            1140 - disk.used,
            disk.used * 100 / 1140
        )]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// With `--data`, a file CMS reported written (its ready line came) is there at the next
/// start.
#[test]
fn files_survive_a_restart_with_data() {
    let dir = temp_dir("data");
    std::fs::write(dir.join("t.ron"), ALICE_ONLY).unwrap();
    let s = Scenario::load(&dir.join("t.ron")).unwrap();
    let data = dir.join("data");
    for run in 0..2 {
        let sys = System::boot_in(&s.sys_config(), None, Some(&data)).unwrap();
        let mut rig = Rig {
            cursors: vec![0; sys.terminals.len()],
            sys,
        };
        rig.wait_for(0, "VM/370 ONLINE", SEC);
        rig.type_line(0, "LOGON ALICE ALICE");
        rig.wait_for(0, "CMS VERSION", 10 * SEC);
        assert_eq!(rig.command(0, ""), (vec![], 0));
        if run == 0 {
            assert_eq!(
                rig.command(0, "COPYFILE CMS HELPCMD S KEPT FILE A"),
                (vec![], 0)
            );
        } else {
            assert_eq!(
                rig.command(0, "LISTFILE"),
                (vec!["KEPT     FILE     A2".to_string()], 0)
            );
            let (t, rc) = rig.command(0, "TYPE KEPT FILE A 1 1");
            assert_eq!(rc, 0);
            assert!(t[0].starts_with("CMS "), "{t:?}");
        }
        // The machine stops here, as when cpcms is killed: nothing is flushed.
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Stopping the machine at any moment (cpcms killed) never leaves a disk CMS cannot read:
/// while COPYFILE appends a file to itself, the volume as it is every 2 ms of virtual
/// time reads back whole, with the file either as it was or as it became.
#[test]
fn a_disk_stopped_at_any_moment_reads_back_whole() {
    let dir = temp_dir("atomic");
    std::fs::write(dir.join("t.ron"), ALICE_ONLY).unwrap();
    let mut rig = Rig::boot(&dir.join("t.ron"));
    rig.type_line(0, "LOGON ALICE ALICE");
    rig.wait_for(0, "CMS VERSION", 10 * SEC);
    assert_eq!(rig.command(0, ""), (vec![], 0));
    assert_eq!(
        rig.command(0, "COPYFILE CMS HELPCMD S BIG FILE A"),
        (vec![], 0)
    );
    let mut seen = std::collections::BTreeSet::new();
    for round in 0..4 {
        let before = 19 << round;
        rig.type_line(0, "COPYFILE BIG FILE A = = = (APPEND");
        let dev = rig.sys.terminals[0];
        let mut samples = 0;
        loop {
            let disk = alices_191(&rig);
            let big: Vec<usize> = disk
                .files
                .iter()
                .filter(|f| f.id == "BIG FILE")
                .map(|f| f.records.len())
                .collect();
            assert!(
                big == [before] || big == [2 * before],
                "round {round}: BIG FILE has {big:?} records"
            );
            seen.insert(big[0]);
            samples += 1;
            let view = rig.sys.machine.transcript(dev).unwrap_or_default();
            if view.since(rig.cursors[0]).0.contains("R; T=") {
                break;
            }
            let now = rig.sys.machine.now();
            rig.sys.machine.run_until(now + 2 * MS);
        }
        assert!(samples > 3, "round {round}: only {samples} samples");
        rig.cursors[0] = rig.sys.machine.transcript(dev).unwrap_or_default().end();
    }
    assert_eq!(seen.len(), 5, "{seen:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// FORMAT with a number of cylinders, then (RECOMP to the whole minidisk and back: the
/// files stay, and the disk reads back whole with the new size each time.
#[test]
fn format_recomp_grows_and_shrinks_a_disk_keeping_its_files() {
    let dir = temp_dir("recomp");
    std::fs::write(
        dir.join("t.ron"),
        r#"Scenario(
    title: "RECOMP",
    machine: (storage: "2M"),
    directory: "USER ALICE ALICE 1M 1M G\n LINK MAINT 190 190 RR\n MDISK 191 3350 001 002 CPCMS1 MR\n MDISK 192 3350 003 003 CPCMS1 MR\nUSER MAINT CPCMS 1M 4M G\n MDISK 190 3350 006 002 CPCMS1 RR\n",
    steps: [],
)"#,
    )
    .unwrap();
    let mut rig = Rig::boot(&dir.join("t.ron"));
    rig.type_line(0, "LOGON ALICE ALICE");
    rig.wait_for(0, "CMS VERSION", 10 * SEC);
    assert_eq!(rig.command(0, ""), (vec![], 0));
    rig.type_line(0, "FORMAT 192 D 1");
    rig.wait_for(0, "(YES|NO):", 10 * SEC);
    rig.type_line(0, "YES");
    rig.wait_for(0, "LABEL:", 10 * SEC);
    let (out, rc) = rig.command(0, "SMALL");
    assert_eq!(rc, 0);
    assert_eq!(
        out.last().unwrap(),
        "DMSFOR732I 1 CYLINDERS FORMATTED ON DISK D(192)"
    );
    assert_eq!(rig.command(0, "COPYFILE CMS HELPCMD S = = D"), (vec![], 0));
    let d192 = |rig: &Rig| {
        let img = rig.sys.sysres_image().unwrap();
        read_disk(img, 3)
    };
    let before = d192(&rig);
    assert_eq!(
        (before.adtnum, before.cyls, before.files.len()),
        (570, 1, 1)
    );
    for (cmd, cyls) in [("FORMAT 192 D (RECOMP", 3), ("FORMAT 192 D 2 (RECOMP", 2)] {
        let (out, rc) = rig.command(0, cmd);
        assert_eq!(rc, 0, "{cmd}");
        assert!(out[0].contains(&format!("({cyls} CYL)")), "{out:?}");
        let d = d192(&rig);
        assert_eq!((d.adtnum, d.cyls), (cyls * 570, cyls), "{cmd}");
        assert_eq!(d.files[0].records, before.files[0].records, "{cmd}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
