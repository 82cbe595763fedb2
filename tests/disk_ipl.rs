//! `IPL 191` in a virtual machine: a standalone program on a minidisk (tests/devices/ipl.asm
//! in record 2, the IPL record in record 1 reading it with a READ DATA that has no search in
//! front, so the disk must stand where READ IPL left it) runs as it runs when the bare
//! machine IPLs the same records from a real disk: the same disabled wait, registers and
//! storage, the device address at 2-3, no interruption pending after the IPL. Read-only
//! (a link), where CP's SEEK and file mask go in front of the chain, the same. A minidisk
//! without an IPL record, and one whose IPL chain never ends, fail the IPL with the CSW,
//! and the machine can be IPLed again.
//!
//! `IPL 190`: CMS from the S disk, whose IPL record sysgen writes with the nucleus on its
//! last cylinder (src/sysgen/iplnuc.rs, roms/cms/iplnuc.asm): a private copy, a message
//! when the machine is too small, FORMAT below the nucleus keeping it IPLable. `PARM`.

use cpcms::devices::dasd::{self, Model, Record};
use std::path::{Path, PathBuf};
use std::process::Command;

fn cpcms(dir: &Path, args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_cpcms"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run cpcms");
    assert!(
        o.status.success(),
        "{args:?}: {}\n{}",
        String::from_utf8_lossy(&o.stderr),
        String::from_utf8_lossy(&o.stdout)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cpcms-disk-ipl-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The IPL record: a PSW starting at X'200', a READ DATA of the next record to X'200'
/// (144 bytes, SLI) at 8, and at 16 whatever `ccw2` is.
fn ipl1(ec: bool, ccw1_flags: u8, ccw2: [u8; 8]) -> Vec<u8> {
    let mut r = vec![0u8; 24];
    let mode = if ec { 0x08 } else { 0 };
    r[..8].copy_from_slice(&[0, mode, 0, 0, 0, 0, 0x02, 0x00]);
    r[8..16].copy_from_slice(&[0x06, 0, 0x02, 0, ccw1_flags, 0, 0, 144]);
    r[16..].copy_from_slice(&ccw2);
    r
}

/// IPLVOL, a 3350 of 10 cylinders: the IPL records at cylinder 0 head 0 (for the bare
/// machine, in place of the label's IPL1 and IPL2), and for the minidisks at cylinder 5
/// (the program), 6 (nothing: R0 alone) and 7 (a chain that loops for ever: its CCW at
/// 8 command-chains to a TIC back to it). `ec`: the IPL PSWs are EC-mode ones.
fn volume(dir: &Path, ec: bool) -> Vec<u8> {
    let out = dir.join("ipl.img");
    cpcms(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &[
            "asm",
            "tests/devices/ipl.asm",
            "--image",
            out.to_str().unwrap(),
        ],
    );
    let mut program = std::fs::read(&out).unwrap();
    program.resize(144, 0);
    let model = Model::D3350;
    let ts = model.track_size();
    let mut img = dasd::new_volume(model, 10, Some("IPLVOL"));
    let at = |cyl: usize| dasd::HEADER + cyl * model.heads() as usize * ts;
    let off = at(0);
    let mut t = dasd::parse_track(&img[off..off + ts], 0, 0).unwrap();
    t.records[1].data = ipl1(ec, 0x20, [0; 8]);
    t.records[2].data = program.clone();
    img[off..off + ts].copy_from_slice(&dasd::track_image(&t, ts));
    for (cyl, recs) in [
        (5u16, vec![ipl1(ec, 0x20, [0; 8]), program.clone()]),
        (
            7,
            vec![
                ipl1(ec, 0x60, [0x08, 0, 0, 0x08, 0, 0, 0, 1]),
                program.clone(),
            ],
        ),
    ] {
        let off = at(cyl as usize);
        let mut t = dasd::parse_track(&img[off..off + ts], cyl, 0).unwrap();
        for (i, data) in recs.iter().enumerate() {
            t.records.push(Record::new(cyl, 0, i as u8 + 1, &[], data));
        }
        img[off..off + ts].copy_from_slice(&dasd::track_image(&t, ts));
    }
    img
}

/// The bare machine IPLs IPLVOL (a 3350 at 150): its storage at 240, as `cpcms ipl`
/// prints it (`000240 xxxxxxxx ...`).
fn bare_run(dir: &Path, at: &str) -> String {
    let bare = cpcms(dir, &["ipl", "--dasd", "vol.3350", "--dump", at]);
    assert!(bare.contains("C0DE\nR0="), "{bare}");
    assert!(bare.contains("R4=00000037\n"), "{bare}");
    let start = format!("MEM {:0>6}: ", at.split('.').next().unwrap());
    bare.lines()
        .find(|l| l.starts_with(&start))
        .unwrap_or_else(|| panic!("{bare}"))
        .trim_start_matches("MEM ")
        .replace(':', "")
}

/// Play a scenario in `dir` on IPLVOL (vol.3350 at 151) with `directory`, in which
/// ALICE logs on at terminal 0 and `IPL 191`s from CMS, then `steps` (RON steps).
fn play(dir: &Path, directory: &str, steps: &str) -> String {
    std::fs::write(
        dir.join("ipl.ron"),
        format!(
            r#"Scenario(
    title: "IPL 191",
    machine: (devices: [(addr: "151", type: "3350", file: "vol.3350", volser: "IPLVOL")]),
    directory: "{directory}",
    steps: [
        Type(terminal: 0, text: "LOGON ALICE ALICE"),
        Expect(terminal: 0, text: "CMS VERSION", within: "30s"),
        Type(terminal: 0, text: ""),
        Expect(terminal: 0, text: "R; T="),
        Type(terminal: 0, text: "CP IPL 191"),
        Expect(terminal: 0, text: "DISABLED WAIT PSW '00020000 0000C0DE'"),
        Type(terminal: 0, text: "DISPLAY 240.10"),
        Expect(terminal: 0, text: "000240 "),
{steps}    ],
)"#
        ),
    )
    .unwrap();
    cpcms(dir, &["play", "ipl.ron", "--headless"])
}

#[test]
fn ipl_of_a_minidisk_runs_its_program_as_the_bare_machine_does() {
    let dir = scratch("191");
    std::fs::write(dir.join("vol.3350"), volume(&dir, false)).unwrap();
    let mem = bare_run(&dir, "240.10");
    // Bare, 2-3 held 150: the first word at 240 (the program's copy of 0-7) is 00000150.
    let want = |dev: &str| mem.replacen(" 00000150 ", &format!(" 00000{dev} "), 1);
    assert_ne!(want("191"), mem, "{mem}");
    let out = play(
        &dir,
        "USER ALICE ALICE 512K
 MDISK 191 3350 5 1 IPLVOL W
 MDISK 193 3350 6 1 IPLVOL W
 MDISK 194 3350 7 1 IPLVOL W
USER BOB BOB 512K
 LINK ALICE 191 192 RR",
        r#"        Type(terminal: 0, text: "DISPLAY G4"),
        Expect(terminal: 0, text: "GPR  4 = "),
        Type(terminal: 0, text: "IPL 193"),
        Expect(terminal: 0, text: "IPL 193 FAILED, CSW "),
        Type(terminal: 0, text: "IPL 194"),
        Expect(terminal: 0, text: "IPL 194 FAILED, CSW ", within: "10s"),
        Type(terminal: 0, text: "STORE 300 DEADBEEF"),
        Expect(terminal: 0, text: "STORE COMPLETE"),
        Type(terminal: 0, text: "IPL 191 STOP"),
        Type(terminal: 0, text: "DISPLAY PSW"),
        Expect(terminal: 0, text: "PSW = "),
        Type(terminal: 0, text: "DISPLAY 300.4"),
        Expect(terminal: 0, text: "000300 "),
        Type(terminal: 0, text: "BEGIN"),
        Expect(terminal: 0, text: "DISABLED WAIT PSW '00020000 0000C0DE'"),
        Type(terminal: 0, text: "IPL 191 CL"),
        Expect(terminal: 0, text: "DISABLED WAIT PSW '00020000 0000C0DE'"),
        Type(terminal: 0, text: "DISPLAY 300.4"),
        Expect(terminal: 0, text: "000300 "),
        Type(terminal: 0, text: "IPL 191 NOW"),
        Expect(terminal: 0, text: "INVALID OPTION - NOW"),
        Type(terminal: 1, text: "LOGON BOB BOB"),
        Expect(terminal: 1, text: "CMS VERSION", within: "30s"),
        Type(terminal: 1, text: ""),
        Expect(terminal: 1, text: "R; T="),
        Type(terminal: 1, text: "CP IPL 192"),
        Expect(terminal: 1, text: "DISABLED WAIT PSW '00020000 0000C0DE'"),
        Type(terminal: 1, text: "DISPLAY 240.10"),
        Expect(terminal: 1, text: "000240 "),
        Type(terminal: 1, text: "IPL 195"),
        Expect(terminal: 1, text: "DEV 195 DOES NOT EXIST"),
"#,
    );
    let _ = std::fs::remove_dir_all(&dir);
    // The program saw its device address at 2-3, TIO cc 0, the sum 55: as bare.
    assert!(out.contains(&format!("0 | {}", want("191"))), "{out}");
    assert!(out.contains("0 | GPR  4 = 00000037"), "{out}");
    assert!(out.contains(&format!("1 | {}", want("192"))), "{out}");
    assert_eq!(out.matches("DISABLED WAIT").count(), 4, "{out}");
    // STOP: loaded (the device address in the PSW) but stopped until BEGIN; storage
    // kept. CLEAR: storage zeros before the IPL.
    assert!(out.contains("0 | PSW = 00000191  00000200"), "{out}");
    assert!(out.contains("0 | 000300 DEADBEEF"), "{out}");
    assert!(out.contains("0 | 000300 00000000"), "{out}");
    assert!(out.contains("0 | INVALID OPTION - NOW"), "{out}");
    // No record 1: the disk's unit check (no record found) ends the IPL.
    let fail = |dev: &str| {
        out.lines()
            .find(|l| l.contains(&format!("IPL {dev} FAILED, CSW ")))
            .unwrap_or_else(|| panic!("{out}"))
            .to_string()
    };
    assert!(
        fail("193").ends_with("IPL 193 FAILED, CSW 00000008 0E000018"),
        "{}",
        fail("193")
    );
    // The endless chain: the watchdog halts it, a program check for the IPL.
    assert!(
        fail("194").ends_with("IPL 194 FAILED, CSW 00000008 0C200000"),
        "{}",
        fail("194")
    );
}

/// An EC-mode IPL PSW: location 0-7 is left as the record put it and the device address
/// goes to the I/O address word at X'B8' instead, in the virtual machine as on the bare one.
#[test]
fn an_ec_mode_ipl_psw_gets_the_device_address_at_b8() {
    let dir = scratch("ec");
    std::fs::write(dir.join("vol.3350"), volume(&dir, true)).unwrap();
    let mem = bare_run(&dir, "240.10");
    let b8 = bare_run(&dir, "B8.4");
    assert!(b8.starts_with("0000B8 00000150 "), "bare: {b8}");
    assert!(mem.starts_with("000240 00080000 00000200 "), "{mem}");
    let out = play(
        &dir,
        "USER ALICE ALICE 512K
 MDISK 191 3350 5 1 IPLVOL W",
        r#"        Type(terminal: 0, text: "DISPLAY B8.4"),
        Expect(terminal: 0, text: "0000B8 "),
"#,
    );
    let _ = std::fs::remove_dir_all(&dir);
    assert!(out.contains(&format!("0 | {mem}")), "bare: {mem}\n{out}");
    assert!(out.contains("0 | 0000B8 00000191"), "{out}");
}

/// Play `steps` (RON) on the short form's system: ALICE and BOB with 1M, TINY with 64K,
/// each with a 191 and a read-only link to the S disk (MAINT's 190).
fn play_sdisk(name: &str, steps: &str) -> String {
    let dir = scratch(name);
    std::fs::write(
        dir.join("s.ron"),
        format!(
            r#"Scenario(
    title: "IPL 190",
    users: [
        (id: "ALICE", password: "ALICE", storage: "1M"),
        (id: "BOB", password: "BOB", storage: "1M"),
        (id: "TINY", password: "TINY", storage: "64K"),
    ],
    steps: [
{steps}    ],
)"#
        ),
    )
    .unwrap();
    let out = cpcms(&dir, &["play", "s.ron", "--headless"]);
    let _ = std::fs::remove_dir_all(&dir);
    out
}

/// `IPL 190` brings up CMS from the S disk, as VM/370's did: the disk's IPL record reads
/// roms/cms/iplnuc.asm, which reads the nucleus from the disk's last cylinder into the
/// user's own storage and starts it as `IPL CMS` does - the same banner, the S and A
/// disks accessed at the first line, and a private copy: what ALICE stores into her
/// nucleus BOB's does not see. The S disk's directory leaves the nucleus's cylinder out
/// (2 of 3 cylinders), and the disk stays read-only to its users.
#[test]
fn ipl_190_brings_up_a_private_cms_from_the_s_disk() {
    let out = play_sdisk(
        "190",
        r#"        Type(terminal: 0, text: "LOGON ALICE ALICE"),
        Expect(terminal: 0, text: "CMS VERSION", within: "30s"),
        Type(terminal: 1, text: "LOGON BOB BOB"),
        Expect(terminal: 1, text: "CMS VERSION", within: "30s"),
        Type(terminal: 1, text: "CP DISPLAY 1000.4"),
        Expect(terminal: 1, text: "R; T="),
        Type(terminal: 0, text: "CP IPL 190"),
        Expect(terminal: 0, text: "CMS VERSION", within: "30s"),
        Type(terminal: 0, text: ""),
        Expect(terminal: 0, text: "R; T="),
        Type(terminal: 0, text: "QUERY DISK S"),
        Expect(terminal: 0, text: "R; T="),
        Type(terminal: 0, text: "COPYFILE PROFSAMP EXEC S MINE EXEC A"),
        Expect(terminal: 0, text: "R; T="),
        Type(terminal: 0, text: "LISTFILE MINE EXEC A"),
        Expect(terminal: 0, text: "R; T="),
        Type(terminal: 0, text: "CP DISPLAY 1000.4"),
        Expect(terminal: 0, text: "R; T="),
        Type(terminal: 0, text: "CP STORE 1000 12345678"),
        Expect(terminal: 0, text: "R; T="),
        Type(terminal: 0, text: "CP DISPLAY 1000.4"),
        Expect(terminal: 0, text: "R; T="),
        Type(terminal: 1, text: "CP DISPLAY 1000.4"),
        Expect(terminal: 1, text: "R; T="),
        Type(terminal: 0, text: "ERASE PROFSAMP EXEC S"),
        Expect(terminal: 0, text: "R("),
        Type(terminal: 0, text: "FORMAT 190 Z"),
        Expect(terminal: 0, text: "(YES|NO):"),
        Type(terminal: 0, text: "YES"),
        Expect(terminal: 0, text: "ENTER DISK LABEL:"),
        Type(terminal: 0, text: "HACKED"),
        Expect(terminal: 0, text: "R("),
        Type(terminal: 1, text: "CP IPL 190 STOP"),
        Type(terminal: 1, text: "DISPLAY PSW"),
        Expect(terminal: 1, text: "PSW = "),
        Type(terminal: 1, text: "BEGIN"),
        Expect(terminal: 1, text: "CMS VERSION", within: "30s"),
        Type(terminal: 1, text: ""),
        Expect(terminal: 1, text: "R; T="),
        Type(terminal: 1, text: "LISTFILE PROFSAMP EXEC S"),
        Expect(terminal: 1, text: "R; T="),
        Type(terminal: 1, text: "CP DISPLAY 1000.4"),
        Expect(terminal: 1, text: "R; T="),
"#,
    );
    let lines: Vec<&str> = out.lines().collect();
    // The first line of what follows `cmd` on terminal `t`.
    let after = |t: &str, cmd: &str, n: usize| -> String {
        let at = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| **l == format!("{t} | {cmd}"))
            .nth(n)
            .unwrap_or_else(|| panic!("{cmd} #{n}:\n{out}"))
            .0;
        lines[at + 1].to_string()
    };
    assert_eq!(out.matches("0 | CMS VERSION 6.0").count(), 2, "{out}");
    assert!(out.contains("0 | S (190): "), "{out}");
    assert!(
        after("0", "QUERY DISK S", 0).contains("(2 CYL), 3350, R/O"),
        "{out}"
    );
    assert!(out.contains("0 | MINE     EXEC     A"), "{out}");
    // The same nucleus as BOB's saved one, then ALICE's own changed, BOB's not.
    let bob = after("1", "CP DISPLAY 1000.4", 0);
    assert!(bob.starts_with("1 | 001000 "), "{out}");
    assert_eq!(after("0", "CP DISPLAY 1000.4", 0)[1..], bob[1..], "{out}");
    assert_eq!(
        after("0", "CP DISPLAY 1000.4", 1),
        "0 | 001000 12345678",
        "{out}"
    );
    assert_eq!(after("1", "CP DISPLAY 1000.4", 1), bob, "{out}");
    // Read-only: CMS refuses the ERASE, CP the FORMAT's writes.
    assert!(
        out.contains("0 | DMSERS037E DISK 'S' IS READ/ONLY"),
        "{out}"
    );
    assert!(
        out.contains("0 | DMSFOR037E DISK 'Z' IS READ/ONLY"),
        "{out}"
    );
    // BOB's IPL 190 STOP: the line typed at once sees the loaded PSW (device 190, the
    // IPL program past the nucleus), not a reset one; BEGIN runs it, and his nucleus
    // is the disk's, not ALICE's changed one.
    assert!(
        after("1", "DISPLAY PSW", 0).starts_with("1 | PSW = 00000190  0000"),
        "{out}"
    );
    assert_eq!(out.matches("1 | CMS VERSION 6.0").count(), 2, "{out}");
    assert!(out.contains("1 | PROFSAMP EXEC     S2"), "{out}");
    assert_eq!(after("1", "CP DISPLAY 1000.4", 2), bob, "{out}");
}

/// Too little storage for CMS: the S disk's IPL program says so and stops (a disabled
/// wait with the message's number), it does not hang; `IPL ... PARM text` puts the text
/// into the general registers from R0's first byte (VM/370 R6's CP Command Reference: up
/// to 64 characters, all but the blank after PARM), the rest as they were.
#[test]
fn ipl_190_in_a_small_machine_fails_with_a_message_and_parm_reaches_the_registers() {
    let long = "X".repeat(70);
    let out = play_sdisk(
        "small",
        &format!(
            r##"        Type(terminal: 0, text: "LOGON TINY TINY"),
        Expect(terminal: 0, text: "CP ENTERED", within: "30s"),
        Type(terminal: 0, text: "IPL 190"),
        Expect(terminal: 0, text: "DISABLED WAIT", within: "30s"),
        Type(terminal: 1, text: "LOGON ALICE ALICE"),
        Expect(terminal: 1, text: "CMS VERSION", within: "30s"),
        Type(terminal: 1, text: "#CP IPL 190 STOP PARM ABCD EFGH IJ"),
        Type(terminal: 1, text: "DISPLAY G0-3"),
        Expect(terminal: 1, text: "GPR  0 = "),
        Type(terminal: 1, text: "IPL CMS PARM {long}"),
        Expect(terminal: 1, text: "CMS VERSION", within: "30s"),
        Type(terminal: 1, text: "#CP IPL 190 PARM"),
        Expect(terminal: 1, text: "CMS VERSION", within: "30s"),
        Type(terminal: 1, text: ""),
        Expect(terminal: 1, text: "R; T="),
"##
        ),
    );
    assert!(
        out.contains("0 | DMSINI080E VIRTUAL STORAGE TOO SMALL FOR CMS\n0 | CP ENTERED; DISABLED WAIT PSW '00020000 00000080'"),
        "{out}"
    );
    assert!(
        out.contains("1 | GPR  0 = C1C2C3C4 40C5C6C7 C840C9D1 "),
        "{out}"
    );
    assert_eq!(out.matches("1 | CMS VERSION 6.0").count(), 3, "{out}");
    assert!(!out.contains("INVALID OPTION"), "{out}");
}

/// FORMAT keeps an S disk's IPL records (blocks 1 and 2): on a writable S disk, MAINT's
/// `FORMAT 190 Z 2` leaves the nucleus's cylinder alone, and `IPL 190` still brings up
/// CMS, as VM/370's S disk was re-formatted below its nucleus. A FORMAT of all three
/// cylinders overwrites the nucleus: `IPL 190` then says so (DMSINI081E, the 800-byte
/// records are not its 4K pages) and stops, it does not run what it read.
#[test]
fn format_below_the_nucleus_keeps_the_s_disk_iplable() {
    let dir = scratch("format");
    std::fs::write(
        dir.join("f.ron"),
        r#"Scenario(
    title: "FORMAT of a writable S disk",
    directory: "USER MAINT CPCMS 1M 1M ABCDEFG
 MDISK 190 3350 1 3 CPCMS1 MR",
    steps: [
        Type(terminal: 0, text: "LOGON MAINT CPCMS"),
        Expect(terminal: 0, text: "CMS VERSION", within: "30s"),
        Type(terminal: 0, text: "FORMAT 190 Z 2"),
        Expect(terminal: 0, text: "(YES|NO):"),
        Type(terminal: 0, text: "YES"),
        Expect(terminal: 0, text: "ENTER DISK LABEL:"),
        Type(terminal: 0, text: "NEWSYS"),
        Expect(terminal: 0, text: "R; T=", within: "30s"),
        Type(terminal: 0, text: "CP IPL 190"),
        Expect(terminal: 0, text: "CMS VERSION", within: "30s"),
        Type(terminal: 0, text: ""),
        Expect(terminal: 0, text: "R; T="),
        Type(terminal: 0, text: "QUERY DISK S"),
        Expect(terminal: 0, text: "R; T="),
        Type(terminal: 0, text: "FORMAT 190 Z"),
        Expect(terminal: 0, text: "(YES|NO):"),
        Type(terminal: 0, text: "YES"),
        Expect(terminal: 0, text: "ENTER DISK LABEL:"),
        Type(terminal: 0, text: "NEWSYS"),
        Expect(terminal: 0, text: "R; T=", within: "30s"),
        Type(terminal: 0, text: "CP IPL 190"),
        Expect(terminal: 0, text: "DISABLED WAIT", within: "30s"),
    ],
)"#,
    )
    .unwrap();
    let out = cpcms(&dir, &["play", "f.ron", "--headless"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.contains("0 | DMSFOR732I 2 CYLINDERS FORMATTED ON DISK Z(190)"),
        "{out}"
    );
    assert_eq!(out.matches("0 | CMS VERSION 6.0").count(), 2, "{out}");
    assert!(
        out.contains("0 | S (190): 0 FILES, 5 REC IN USE, 1135 LEFT (of 1140), 0% FULL (2 CYL)"),
        "{out}"
    );
    assert!(
        out.contains("0 | DMSFOR732I 3 CYLINDERS FORMATTED ON DISK Z(190)"),
        "{out}"
    );
    assert!(
        out.contains("0 | DMSINI081E I/O ERROR READING THE CMS NUCLEUS\n0 | CP ENTERED; DISABLED WAIT PSW '00020000 00000081'"),
        "{out}"
    );
}
