//! `IPL 00C` in a virtual machine: a standalone program deck (tests/devices/ipl.asm, the
//! deck `cpcms ipl --deck` runs on the bare machine) goes through the machine room's card
//! reader into ALICE's virtual reader, and she IPLs it. It must end as it ends bare: the
//! same disabled wait, the same registers and storage. And the same from a reader the
//! directory puts at 01C (`SPOOL 01C 2540 READER`): `IPL 01C`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn cpcms(args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_cpcms"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
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
    let d = std::env::temp_dir().join(format!("cpcms-spool-ipl-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Card 1: the IPL PSW (start at X'200') and a CCW reading card 2 to X'200'; card 2: the
/// program (as tests/devices.rs builds it).
fn deck(dir: &Path) -> PathBuf {
    let img = dir.join("ipl.img");
    cpcms(&[
        "asm",
        "tests/devices/ipl.asm",
        "--image",
        img.to_str().unwrap(),
    ]);
    let program = std::fs::read(&img).unwrap();
    let mut c1 = [0u8; 80];
    c1[..8].copy_from_slice(&[0, 0, 0, 0, 0, 0, 0x02, 0x00]);
    c1[8..16].copy_from_slice(&[0x02, 0, 0x02, 0, 0x20, 0, 0, 80]);
    let mut c2 = [0x40u8; 80];
    c2[..program.len()].copy_from_slice(&program);
    let p = dir.join("deck.bin");
    std::fs::write(&p, [c1, c2].concat()).unwrap();
    p
}

/// `cpcms ipl --deck`'s run of the deck: its storage at 240 (`000240 xxxxxxxx ...`).
fn bare_run(deck: &Path) -> String {
    let bare = cpcms(&["ipl", "--deck", deck.to_str().unwrap(), "--dump", "240.10"]);
    assert!(bare.contains("C0DE\nR0="), "{bare}");
    assert!(bare.contains("R4=00000037\n"), "{bare}");
    bare.lines()
        .find(|l| l.starts_with("MEM 000240: "))
        .unwrap_or_else(|| panic!("{bare}"))
        .trim_start_matches("MEM ")
        .replace(':', "")
}

/// Play a scenario in `dir` whose users are `users` (a `users:` or `directory:` field):
/// ALICE gets the deck in her reader, at `rdr`, and IPLs it twice, then once empty.
fn play(dir: &Path, users: &str, rdr: &str) -> String {
    let scenario = dir.join("ipl.ron");
    std::fs::write(
        &scenario,
        format!(
            r#"Scenario(
    title: "IPL {rdr}",
    {users},
    steps: [
        Type(terminal: 0, text: "LOGON ALICE ALICE"),
        Expect(terminal: 0, text: "CMS VERSION", within: "30s"),
        Type(terminal: 0, text: ""),
        Expect(terminal: 0, text: "R; T="),
        Reader(file: "deck.bin", user: "ALICE"),
        Expect(terminal: 0, text: "RDR FILE 0001  FROM SYSTEM   PUN NOHOLD"),
        Type(terminal: 0, text: "CP IPL {rdr}"),
        Expect(terminal: 0, text: "DISABLED WAIT PSW '00020000 0000C0DE'"),
        Type(terminal: 0, text: "DISPLAY 240.10"),
        Expect(terminal: 0, text: "000240 "),
        Type(terminal: 0, text: "DISPLAY G4"),
        Expect(terminal: 0, text: "GPR  4 = "),
        Type(terminal: 0, text: "IPL {rdr}"),
        Expect(terminal: 0, text: "DISABLED WAIT PSW '00020000 0000C0DE'"),
        Type(terminal: 0, text: "PURGE RDR ALL"),
        Expect(terminal: 0, text: "0001 FILES PURGED"),
        Type(terminal: 0, text: "IPL {rdr}"),
        Expect(terminal: 0, text: "IPL {rdr} FAILED, CSW 00000008 0E000018"),
    ],
)"#
        ),
    )
    .unwrap();
    cpcms(&["play", scenario.to_str().unwrap(), "--headless"])
}

#[test]
fn ipl_00c_runs_a_deck_in_a_virtual_machine_as_on_the_bare_machine() {
    let dir = scratch("00c");
    let deck = deck(&dir);
    let mem = bare_run(&deck);
    let out = play(
        &dir,
        r#"users: [ (id: "ALICE", password: "ALICE") ]"#,
        "00C",
    );
    let _ = std::fs::remove_dir_all(&dir);
    // The program saw its device address (00C) at 2-3, TIO cc 0, the sum 55: as bare.
    assert!(out.contains(&format!("0 | {mem}")), "bare: {mem}\n{out}");
    assert!(out.contains("0 | GPR  4 = 00000037"), "{out}");
    assert_eq!(out.matches("DISABLED WAIT").count(), 2, "IPL twice:\n{out}");
}

/// A reader the directory puts at 01C (SPOOL 01C 2540 READER): the machine room's deck
/// arrives there and IPL 01C runs it; the program sees 01C at 2-3 and its TIO there
/// gets CC 0, as on a real machine IPLed from a reader at 01C.
#[test]
fn ipl_runs_a_deck_from_a_reader_the_directory_puts_at_01c() {
    let dir = scratch("01c");
    let deck = deck(&dir);
    let mem = bare_run(&deck);
    // Bare, 2-3 held 00C: the first word at 240 (the program's copy of 0-7) is 0000000C.
    let want = mem.replacen(" 0000000C ", " 0000001C ", 1);
    assert_ne!(want, mem, "{mem}");
    let out = play(
        &dir,
        r#"directory: "USER ALICE ALICE 512K\n SPOOL 01C 2540 READER *\n MDISK 191 3350 1 2 CPCMS1 W\n""#,
        "01C",
    );
    let _ = std::fs::remove_dir_all(&dir);
    assert!(out.contains(&format!("0 | {want}")), "want: {want}\n{out}");
    assert!(out.contains("0 | GPR  4 = 00000037"), "{out}");
    assert_eq!(out.matches("DISABLED WAIT").count(), 2, "IPL twice:\n{out}");
}
