//! EDIT on big files, written onto ALICE's 191 before she logs on (her virtual machine
//! has 1M):
//! - 10,000 records of 80 characters, every one of them without a trailing blank
//!   (sequence numbers in columns 73-80, as on a card deck: the most storage EDIT can
//!   need for them): she goes to the bottom, changes the last line and one in the
//!   middle, and files it; the volume must then hold the file with its 10,000 records,
//!   the two changed and every other one as it was;
//! - files too big for her storage: EDIT says DMSEDI132S and CMS goes on; and when lines
//!   grow until storage runs out while she edits, EDIT says so (and again when she tries
//!   once more), keeps what it has, and FILE still writes it.

use cpcms::cpu::TOD_PER_SECOND;
use cpcms::ebcdic::{decode, encode};
use cpcms::scenario::Scenario;
use cpcms::scenario::player::{Player, Progress, Target};
use cpcms::sysgen::cmsdisk::{self, CmsFile, RecFm, Stamp};
use cpcms::sysgen::{System, sysres_path};

const RECORDS: usize = 10_000;
/// ALICE's 191: ten cylinders from cylinder 1 (5700 blocks: room for the files, and for
/// the one being filed twice, as FILE needs: the new one is written before the old one
/// goes).
const ALICE_191: u16 = 1;

fn record(i: usize) -> String {
    format!(
        "{:<72}{:08}",
        format!("         LA    R{},{}(R{})", i % 16, i, (i + 1) % 16),
        i + 1
    )
}

fn scenario(steps: &str) -> Scenario {
    let src = format!(
        r#"Scenario(
    title: "EDIT of 10,000 records",
    directory: "DIRECTORY 150 3350 CPCMS1
USER MAINT CPCMS 1M 4M ABCDEFG
 IPL CMS
 CONSOLE 009 3215
 MDISK 190 3350 020 002 CPCMS1 RR
USER ALICE ALICE 1M 1M G
 IPL CMS
 CONSOLE 009 3215
 LINK MAINT 190 190 RR
 MDISK 191 3350 {ALICE_191:03} 010 CPCMS1 MR
",
    terminals: 1,
    steps: [{steps}],
)"#
    );
    Scenario::parse("cms_edit.rs", &src).unwrap()
}

fn run(sys: &mut System, s: &Scenario) -> String {
    let mut player = Player::new(s, true);
    loop {
        let limit = sys.now() + TOD_PER_SECOND;
        match player.advance(sys, limit) {
            Progress::Running => continue,
            Progress::Done => break,
            other => panic!(
                "the scenario did not run to its end: {other:?} {:?}",
                player.failure()
            ),
        }
    }
    player.finish(sys);
    player.drain_output().join("\n")
}

/// An F file of ALICE's.
fn deck(name: &str, lrecl: u32, records: Vec<String>) -> CmsFile {
    CmsFile {
        name: name.into(),
        ftype: "DECK".into(),
        mode: "A1".into(),
        recfm: RecFm::F,
        lrecl,
        records: records
            .iter()
            .map(|r| {
                let mut e = encode(r);
                e.resize(lrecl as usize, 0x40);
                e
            })
            .collect(),
        stamp: Stamp {
            year: 79,
            month: 6,
            day: 1,
            hour: 12,
            minute: 0,
        },
    }
}

/// Put `files` on ALICE's 191, play `steps`, and return the transcript and her 191's
/// files afterwards.
fn edit_session(name: &str, files: &[CmsFile], steps: &str) -> (String, Vec<CmsFile>) {
    let dir = std::env::temp_dir().join(format!("cpcms-edit-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let s = scenario(steps);
    let cfg = s.sys_config();
    // The first start makes the volume and formats ALICE's 191; then the files go on it.
    drop(System::boot_in(&cfg, None, Some(&dir)).unwrap());
    let path = sysres_path(&dir);
    let mut img = std::fs::read(&path).unwrap();
    for f in files {
        cmsdisk::write_file(&mut img, ALICE_191, f).unwrap();
    }
    std::fs::write(&path, &img).unwrap();
    let mut sys = System::boot_in(&cfg, None, Some(&dir)).unwrap();
    let transcript = run(&mut sys, &s);
    drop(sys);
    let img = std::fs::read(&path).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let disk = cmsdisk::read_files(&img, ALICE_191).unwrap();
    (transcript, disk.files)
}

fn file<'a>(files: &'a [CmsFile], name: &str) -> &'a CmsFile {
    files
        .iter()
        .find(|f| f.name == name && f.ftype == "DECK")
        .unwrap_or_else(|| panic!("{name} DECK is not on the 191"))
}

#[test]
fn edit_changes_a_file_of_ten_thousand_records() {
    let big = deck("BIG", 80, (0..RECORDS).map(record).collect());
    let (transcript, files) = edit_session(
        "big",
        &[big],
        r#"
        Expect(terminal: 0, text: "VM/370 ONLINE"),
        Type(terminal: 0, text: "LOGON ALICE ALICE"),
        Expect(terminal: 0, text: "CMS VERSION"),
        Type(terminal: 0, text: "EDIT BIG DECK"),
        Expect(terminal: 0, text: "EDIT:", within: "2m"),
        Type(terminal: 0, text: "BOTTOM"),
        Expect(terminal: 0, text: "R15,9999(R0)"),
        Type(terminal: 0, text: "CHANGE /R15,/R14,/"),
        Expect(terminal: 0, text: "LA    R14,9999(R0)"),
        Type(terminal: 0, text: "UP 4999"),
        Expect(terminal: 0, text: "00005001"),
        Type(terminal: 0, text: "C/5000/FIVE THOUSAND/"),
        Expect(terminal: 0, text: "FIVE THOUSAND(R9)"),
        Expect(terminal: 0, text: "TRUNCATED"),
        Type(terminal: 0, text: "TOP"),
        Expect(terminal: 0, text: "TOF:"),
        Type(terminal: 0, text: "LOCATE /R14,9999/"),
        Expect(terminal: 0, text: "00010000", within: "1m"),
        Type(terminal: 0, text: "FILE"),
        Expect(terminal: 0, text: "; T=", within: "2m"),
    "#,
    );
    assert!(
        !transcript.contains("DMSEDI132S"),
        "the file did not fit:\n{transcript}"
    );
    let f = file(&files, "BIG");
    assert_eq!((f.recfm, f.lrecl, f.mode.as_str()), (RecFm::F, 80, "A1"));
    assert_eq!(f.records.len(), RECORDS);
    for (i, r) in f.records.iter().enumerate() {
        let want = match i {
            // The line grew past column 80: its sequence number is lost.
            5000 => format!("{:<80}", "         LA    R8,FIVE THOUSAND(R9)"),
            9999 => record(i).replacen("R15,", "R14,", 1),
            _ => record(i),
        };
        assert_eq!(decode(r), want, "record {}", i + 1);
    }
    // Written today (the machine's date), not on the deck's date.
    assert_eq!((f.stamp.month, f.stamp.day), (6, 29));
}

#[test]
fn running_out_of_storage_is_said_and_harmless() {
    // 12,000 lines of 80 characters need 1,056,000 bytes: more than the machine has.
    let huge = deck("HUGE", 80, (0..12_000).map(record).collect());
    // LRECL 160, 80 characters a line: CHANGE makes every line 160 long, and storage
    // runs out on the way.
    let wide = deck("WIDE", 160, (0..RECORDS).map(record).collect());
    let (transcript, files) = edit_session(
        "storage",
        &[huge, wide],
        r#"
        Expect(terminal: 0, text: "VM/370 ONLINE"),
        Type(terminal: 0, text: "LOGON ALICE ALICE"),
        Expect(terminal: 0, text: "CMS VERSION"),
        Type(terminal: 0, text: "EDIT HUGE DECK"),
        Expect(terminal: 0, text: "DMSEDI132S FILE 'HUGE DECK A1' TOO LARGE", within: "2m"),
        Expect(terminal: 0, text: "R(00088); T="),
        Type(terminal: 0, text: "EDIT WIDE DECK"),
        Expect(terminal: 0, text: "EDIT:", within: "2m"),
        Type(terminal: 0, text: "VERIFY OFF"),
        Type(terminal: 0, text: "C//XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX/ *"),
        Expect(terminal: 0, text: "DMSEDI132S FILE 'WIDE DECK A1' TOO LARGE", within: "2m"),
        Type(terminal: 0, text: "C//XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX/"),
        Expect(terminal: 0, text: "DMSEDI132S FILE 'WIDE DECK A1' TOO LARGE"),
        Type(terminal: 0, text: "FILE"),
        Expect(terminal: 0, text: "; T=", within: "2m"),
        Type(terminal: 0, text: "LISTFILE * DECK"),
        Expect(terminal: 0, text: "; T=", within: "2m"),
    "#,
    );
    assert!(!transcript.contains("DMSITP"), "CMS died:\n{transcript}");
    assert_eq!(file(&files, "HUGE").records.len(), 12_000);
    let f = file(&files, "WIDE");
    assert_eq!((f.recfm, f.lrecl), (RecFm::F, 160));
    assert_eq!(f.records.len(), RECORDS, "{transcript}");
    let x = "X".repeat(80);
    // The lines changed before storage ran out, then the others as they were.
    let changed = f
        .records
        .iter()
        .take_while(|r| decode(r).starts_with(&x))
        .count();
    assert!(changed > 0 && changed < RECORDS, "{changed} lines changed");
    for (i, r) in f.records.iter().enumerate() {
        let old = format!("{:<160}", record(i));
        let want = if i < changed {
            format!("{x}{}", &old[..80])
        } else {
            old
        };
        assert_eq!(decode(r), want, "record {}", i + 1);
    }
}
