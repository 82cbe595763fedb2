//! End to end: every scenarios/*.ron runs headless through the `cpcms` binary, meets
//! every Expect, and shows its key lines. (These need CP and CMS from roms/.)

use std::path::Path;
use std::process::{Command, Output};

fn play(file: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cpcms"))
        .args(["play", file, "--headless"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run cpcms")
}

fn check(file: &str, lines: &[&str]) -> String {
    let out = play(file);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{file}: exit {:?}\n--- stderr\n{stderr}\n--- stdout\n{stdout}",
        out.status.code()
    );
    for want in lines {
        assert!(
            stdout.lines().any(|l| l.contains(want)),
            "{file}: no line containing {want:?}\n--- stdout\n{stdout}"
        );
    }
    stdout
}

/// One test per scenario file: `scenario!(test_name, "file.ron", [key lines...]);`
macro_rules! scenario {
    ($name:ident, $file:literal, [$($line:literal),* $(,)?]) => {
        #[test]
        fn $name() {
            check(concat!("scenarios/", $file), &[$($line),*]);
        }
    };
}

scenario!(
    demo,
    "demo.ron",
    [
        "-- One real machine",
        "0 | LOGON ALICE ALICE",
        "0 | LOGON AT",
        "1 | LOGON BOB BOB",
        "2 | LOGON CAROL CAROL",
        "0 | R;",
        "0 | CP QUERY NAMES",
        "1 | CP QUERY TIME",
        "1 | TIME IS",
        "OP| ",
    ]
);

scenario!(
    logon,
    "logon.ron",
    ["0 | LOGON ALICE ALICE", "0 | R;", "TIME IS", "LOGOFF AT"]
);

/// The same scenario gives the same transcript, byte for byte.
#[test]
fn demo_is_deterministic() {
    let a = play("scenarios/demo.ron");
    let b = play("scenarios/demo.ron");
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    assert_eq!(a.stdout, b.stdout);
}

/// Every scenario file parses, and has a test above.
#[test]
fn every_scenario_parses_and_is_tested() {
    let here = include_str!("scenarios.rs");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "ron") {
            n += 1;
            if let Err(e) = cpcms::scenario::Scenario::load(&p) {
                panic!("{e}");
            }
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                here.contains(&format!("\"{name}\"")),
                "scenarios/{name} has no scenario!() test in tests/scenarios.rs"
            );
        }
    }
    assert!(n >= 2);
}
