//! `--data`: spool files outlive a restart. They are kept on the system residence volume
//! (cylinder 0, the spool checkpoint: roms/cp/vspool.asm, SPSAVE and SPWARM): a file
//! punched to BOB while he is away, and a held printer file, are there at the next start
//! with their class, hold state and spool ids, and spool ids go on from where they were.

use std::process::Command;

const FIRST: &str = r##"Scenario(
    title: "data 1",
    users: [ (id: "ALICE", password: "ALICE"), (id: "BOB", password: "BOB") ],
    terminals: 2,
    steps: [
        Type(terminal: 0, text: "LOGON ALICE ALICE"),
        Expect(terminal: 0, text: "CMS VERSION", within: "30s"),
        Type(terminal: 0, text: ""),
        Expect(terminal: 0, text: "R; T="),
        Type(terminal: 0, text: "CP SPOOL PUNCH TO BOB CLASS K"),
        Expect(terminal: 0, text: "R; T="),
        Type(terminal: 0, text: "PUNCH SAMPLE EXEC S"),
        Expect(terminal: 0, text: "PUN FILE 0001  TO  BOB"),
        Expect(terminal: 0, text: "R; T="),
        Type(terminal: 0, text: "CP SPOOL PRINTER HOLD"),
        Expect(terminal: 0, text: "R; T="),
        Type(terminal: 0, text: "PRINT SAMPLE EXEC S"),
        Expect(terminal: 0, text: "PRT FILE 0002  FOR ALICE    COPY 01 HOLD"),
        Expect(terminal: 0, text: "R; T="),
        Type(terminal: 0, text: "CP QUERY FILES"),
        Expect(terminal: 0, text: "FILES:  NO RDR, 001 PRT, NO PUN"),
    ],
)
"##;
const SECOND: &str = r##"Scenario(
    title: "data 2",
    users: [ (id: "ALICE", password: "ALICE"), (id: "BOB", password: "BOB") ],
    terminals: 2,
    steps: [
        Type(terminal: 1, text: "LOGON BOB BOB"),
        Expect(terminal: 1, text: "CMS VERSION", within: "30s"),
        Type(terminal: 1, text: ""),
        Expect(terminal: 1, text: "R; T="),
        Type(terminal: 1, text: "CP QUERY READER ALL"),
        Expect(terminal: 1, text: "ALICE    0001 K PUN 000014  01 NONE"),
        Expect(terminal: 1, text: "R; T="),
        Type(terminal: 1, text: "READCARD *"),
        Expect(terminal: 1, text: "R; T="),
        Type(terminal: 1, text: "TYPE SAMPLE EXEC A"),
        Expect(terminal: 1, text: "&TYPE NO ARGS.  TRY: SAMPLE A B C"),
        Type(terminal: 0, text: "LOGON ALICE ALICE"),
        Expect(terminal: 0, text: "CMS VERSION", within: "30s"),
        Type(terminal: 0, text: "#CP QUERY PRINTER"),
        Expect(terminal: 0, text: "ALICE    0002 A PRT 000013  01 USER"),
        Type(terminal: 0, text: "#CP CHANGE PRINTER ALL NOHOLD"),
        Expect(terminal: -1, text: "PRT 00E OUTPUT OF ALICE    FILE = 0002"),
        Sleep("2s"),
        Type(terminal: 0, text: "#CP QUERY FILES"),
        Expect(terminal: 0, text: "FILES:  NO RDR, NO PRT, NO PUN"),
        Type(terminal: 0, text: ""),
        Expect(terminal: 0, text: "R; T="),
        Type(terminal: 0, text: "PUNCH SAMPLE EXEC S"),
        Expect(terminal: 0, text: "PUN FILE 0003  TO  ALICE"),
    ],
)
"##;

fn play(data: &std::path::Path, file: &std::path::Path) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_cpcms"))
        .arg("--data")
        .arg(data)
        .args(["play", file.to_str().unwrap(), "--headless"])
        .output()
        .expect("run cpcms");
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        o.status.success(),
        "{}\n{out}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

#[test]
fn spool_files_outlive_a_restart_with_data() {
    let dir = std::env::temp_dir().join(format!("cpcms-spool-data-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = (dir.join("first.ron"), dir.join("second.ron"));
    std::fs::write(&a, FIRST).unwrap();
    std::fs::write(&b, SECOND).unwrap();
    let data = dir.join("data");
    let first = play(&data, &a);
    assert!(
        first.contains("0 | FILES:  NO RDR, 001 PRT, NO PUN"),
        "{first}"
    );
    let second = play(&data, &b);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        second.contains("1 | ALICE    0001 K PUN 000014  01 NONE"),
        "{second}"
    );
    assert!(
        second.contains("1 | &TYPE NO ARGS.  TRY: SAMPLE A B C"),
        "{second}"
    );
    assert!(
        second.contains("0 | ALICE    0002 A PRT 000013  01 USER"),
        "{second}"
    );
    assert!(second.contains("0 | PUN FILE 0003  TO  ALICE"), "{second}");
}
