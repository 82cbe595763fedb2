//! Hostile spooling: a guest punches until CP's spool area is full, and reads past the
//! end of its reader. The documented limits (README, Spooling: 1000 records a file, a
//! 128K spool area) answer with unit check, intervention required; another user's file
//! is intact; CP goes on; every frame comes back when the files are purged.

use std::process::Command;

const SCENARIO: &str = r##"Scenario(
    title: "spool full",
    users: [ (id: "ALICE", password: "ALICE"), (id: "BOB", password: "BOB"), (id: "CAROL", password: "CAROL") ],
    steps: [
        Type(terminal: 2, text: "LOGON CAROL CAROL"),
        Expect(terminal: 2, text: "CMS VERSION", within: "30s"),
        Type(terminal: 2, text: ""),
        Expect(terminal: 2, text: "R; T="),
        Type(terminal: 2, text: "CP SPOOL PUNCH TO BOB"),
        Expect(terminal: 2, text: "R; T="),
        Type(terminal: 2, text: "PUNCH SAMPLE EXEC S"),
        Expect(terminal: 2, text: "PUN FILE 0001  TO  BOB      COPY 01 NOHOLD"),
        Type(terminal: 0, text: "LOGON ALICE ALICE"),
        Expect(terminal: 0, text: "CMS VERSION", within: "30s"),
        Type(terminal: 0, text: ""),
        Expect(terminal: 0, text: "R; T="),
        Type(terminal: 0, text: "#CP STORE 48 00000840"),
        Expect(terminal: 0, text: "STORE COMPLETE"),
        Type(terminal: 0, text: "#CP STORE 840 01000880 20000050 02000880 20000050"),
        Expect(terminal: 0, text: "STORE COMPLETE"),
        Type(terminal: 0, text: "#CP STORE 800 9C00000D 9D00000D 950E0044 47800814 47F00800 47F00814"),
        Expect(terminal: 0, text: "STORE COMPLETE"),
        Type(terminal: 0, text: "#CP STORE 900 9C00000C 9D00000C 950D0044 47800914 47F00900"),
        Expect(terminal: 0, text: "STORE COMPLETE"),
        Type(terminal: 0, text: "#CP STORE 914 9C00000C 9D00000C 47F0091C"),
        Expect(terminal: 0, text: "STORE COMPLETE"),
        Type(terminal: 0, text: "#CP STORE PSW 00000000 00000800"),
        Expect(terminal: 0, text: "STORE COMPLETE"),
        Sleep("20s"),
        Type(terminal: 0, text: "#CP DISPLAY 40.8"),
        Expect(terminal: 0, text: "000040 00000848 0E000050"),
        Type(terminal: 0, text: "#CP CLOSE PUNCH"),
        Expect(terminal: 0, text: "PUN FILE 0002  TO  ALICE"),
        Type(terminal: 0, text: "#CP STORE PSW 00000000 00000800"),
        Expect(terminal: 0, text: "STORE COMPLETE"),
        Sleep("20s"),
        Type(terminal: 0, text: "#CP DISPLAY 40.8"),
        Expect(terminal: 0, text: "000040 00000848 0E000050"),
        Type(terminal: 0, text: "#CP CLOSE PUNCH"),
        Expect(terminal: 0, text: "PUN FILE 0003  TO  ALICE"),
        Type(terminal: 0, text: "#CP STORE PSW 00000000 00000800"),
        Expect(terminal: 0, text: "STORE COMPLETE"),
        Sleep("1s"),
        Type(terminal: 0, text: "#CP DISPLAY 40.8"),
        Expect(terminal: 0, text: "000040 00000848 0E000050"),
        Type(terminal: 0, text: "#CP CLOSE PUNCH"),
        Type(terminal: 0, text: "#CP QUERY READER"),
        Expect(terminal: 0, text: "ALICE    0003 A PUN 000561  01 NONE"),
        Type(terminal: 1, text: "LOGON BOB BOB"),
        Expect(terminal: 1, text: "CMS VERSION", within: "30s"),
        Type(terminal: 1, text: ""),
        Expect(terminal: 1, text: "R; T="),
        Type(terminal: 1, text: "READCARD *"),
        Expect(terminal: 1, text: "R; T="),
        Type(terminal: 1, text: "TYPE SAMPLE EXEC A"),
        Expect(terminal: 1, text: "&TYPE NO ARGS.  TRY: SAMPLE A B C"),
        Expect(terminal: 1, text: "R; T="),
        Type(terminal: 0, text: "#CP PURGE READER 2"),
        Expect(terminal: 0, text: "0001 FILES PURGED"),
        Type(terminal: 0, text: "#CP STORE 48 00000848"),
        Expect(terminal: 0, text: "STORE COMPLETE"),
        Type(terminal: 0, text: "#CP STORE PSW 00000000 00000900"),
        Expect(terminal: 0, text: "STORE COMPLETE"),
        Sleep("10s"),
        Type(terminal: 0, text: "#CP DISPLAY PSW"),
        Expect(terminal: 0, text: "PSW = 00000000  1000091C"),
        Type(terminal: 0, text: "#CP DISPLAY 40.8"),
        Expect(terminal: 0, text: "000040 00000850 0E000050"),
        Type(terminal: 0, text: "#CP QUERY FILES"),
        Expect(terminal: 0, text: "FILES:  NO RDR, NO PRT, NO PUN"),
        Type(terminal: 0, text: "#CP STORE 48 00000840"),
        Expect(terminal: 0, text: "STORE COMPLETE"),
        Type(terminal: 0, text: "#CP STORE PSW 00000000 00000800"),
        Expect(terminal: 0, text: "STORE COMPLETE"),
        Sleep("20s"),
        Type(terminal: 0, text: "#CP CLOSE PUNCH"),
        Expect(terminal: 0, text: "PUN FILE 0005  TO  ALICE"),
        Type(terminal: 0, text: "#CP QUERY READER"),
        Expect(terminal: 0, text: "ALICE    0005 A PUN 001000  01 NONE"),
    ],
)"##;

#[test]
fn punching_until_the_spool_area_is_full_and_reading_past_the_end() {
    let dir = std::env::temp_dir().join(format!("cpcms-spool-full-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("full.ron");
    std::fs::write(&f, SCENARIO).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_cpcms"))
        .args(["play", f.to_str().unwrap(), "--headless"])
        .output()
        .expect("run cpcms");
    let _ = std::fs::remove_dir_all(&dir);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{}\n{out}",
        String::from_utf8_lossy(&o.stderr)
    );
    // The first file stopped at 1000 records (a file's limit), the second when the area
    // ran out (32 frames of 51 cards: 20 for the first, 1 for CAROL's): 11 x 51.
    assert!(
        out.contains("0 | ALICE    0002 A PUN 001000  01 NONE"),
        "{out}"
    );
    assert!(
        out.contains("0 | ALICE    0003 A PUN 000561  01 NONE"),
        "{out}"
    );
    // Nothing punched when the area is full: CLOSE sends nothing, no spool id is taken
    // for good; after the purges the whole area is there again (1000 cards).
    assert!(!out.contains("PUN FILE 0004"), "{out}");
}
