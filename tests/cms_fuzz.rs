//! CMS must survive whatever a visitor types: random command lines built from CMS's
//! command words, fileids, patterns, options, numbers and junk, typed at a terminal one
//! after another. Every line must get a ready line (`R;` or `R(n);`), never CMS's own
//! program check (`DMSITP143T`) or a stopped machine (`CP ENTERED`). The seed is fixed;
//! `CPCMS_CMSFUZZ_LINES` and `CPCMS_CMSFUZZ_SEED` run more.

use cpcms::cpu::{TOD_PER_SECOND, TOD_PER_US};
use cpcms::machine::Status;
use cpcms::scenario::Scenario;
use cpcms::sysgen::System;

const MS: u64 = 1000 * TOD_PER_US;
const SEC: u64 = TOD_PER_SECOND;

struct Rand(u64);
impl Rand {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[(self.next() % v.len() as u64) as usize]
    }
}

const COMMANDS: &[&str] = &[
    "LISTFILE", "L", "TYPE", "T", "STATE", "COPYFILE", "COPY", "RENAME", "ERASE", "ACCESS",
    "RELEASE", "QUERY", "Q", "SET", "HELP", "LOAD", "START", "GENMOD", "EXEC", "SAMPLE", "COUNT",
    "HELLO", "COPYIT", "FORMAT", "EDIT",
];
const WORDS: &[&str] = &[
    "*",
    "=",
    "A",
    "S",
    "D",
    "Z",
    "A1",
    "S2",
    "*1",
    "CMS",
    "HELPCMD",
    "EXEC",
    "SAMPLE",
    "HELLO",
    "TEXT",
    "ASSEMBLE",
    "MODULE",
    "NEW",
    "FILE",
    "X",
    "191",
    "190",
    "192",
    "19E",
    "999",
    "G",
    "0",
    "1",
    "2",
    "99999999",
    "ABCDEFGHIJKLMNOP",
    "(",
    ")",
    "(TYPE",
    "(DATE",
    "(HEX",
    "COL",
    "1-10",
    "5-2",
    "RECFM",
    "V",
    "F",
    "LRECL",
    "0",
    "65536",
    "REPLACE",
    "APPEND",
    "DISK",
    "SEARCH",
    "IMPCP",
    "IMPEX",
    "RDYMSG",
    "SMSG",
    "LMSG",
    "ON",
    "OFF",
    "PRO*",
    "*EXEC",
    "A*B*C",
    "&1",
    "-",
    "''",
    "%",
    "$#@",
    "START",
    "NOPROF",
];

#[test]
fn cms_answers_every_random_command_line() {
    let lines: usize = std::env::var("CPCMS_CMSFUZZ_LINES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let seed: u64 = std::env::var("CPCMS_CMSFUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5EED_C3C3);
    let dir = std::env::temp_dir().join(format!("cpcms-cmsfuzz-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("t.ron"),
        r#"Scenario(
    title: "fuzz",
    machine: (storage: "2M"),
    users: [(id: "ALICE", password: "ALICE", storage: "1M")],
    steps: [],
)"#,
    )
    .unwrap();
    let s = Scenario::load(&dir.join("t.ron")).unwrap();
    let mut sys = System::boot(&s.sys_config(), None).unwrap();
    let dev = sys.terminals[0];
    let mut cursor = 0u64;
    let wait = |sys: &mut System, cursor: &mut u64, what: &str, line: &str| {
        let deadline = sys.machine.now() + 60 * SEC;
        loop {
            let view = sys.machine.transcript(dev).unwrap_or_default();
            let (rest, _) = view.since(*cursor);
            for bad in ["DMSITP143T", "CP ENTERED", "DMKPTR111E"] {
                assert!(!rest.contains(bad), "after {line:?}: {bad}\n{rest}");
            }
            let ready = rest.lines().position(|l| {
                if what == "R" {
                    l.starts_with("R;") || (l.starts_with("R(") && l.get(8..12) == Some("; T="))
                } else {
                    l.starts_with(what)
                }
            });
            if let Some(i) = ready
                && (rest.ends_with('\n') || rest.lines().count() > i + 1)
            {
                let upto: usize = rest.lines().take(i + 1).map(|l| l.len() + 1).sum();
                *cursor = view.end() - (rest.len().saturating_sub(upto)) as u64;
                return;
            }
            let now = sys.machine.now();
            assert!(now < deadline, "after {line:?}: no ready line\n{rest}");
            if let Status::DisabledWait(psw) = sys.machine.run_until(now + 10 * MS) {
                panic!("CP died: {psw:016X}");
            }
        }
    };
    sys.machine.type_line(dev, "LOGON ALICE ALICE").unwrap();
    wait(&mut sys, &mut cursor, "CMS VERSION", "LOGON");
    let mut rng = Rand(seed | 1);
    for n in 0..lines {
        let mut line = rng.pick(COMMANDS).to_string();
        for _ in 0..rng.next() % 7 {
            line.push(' ');
            line.push_str(rng.pick(WORDS));
        }
        sys.machine.type_line(dev, &line).unwrap();
        // FORMAT asks: NO. EDIT: TYPE * and QQUIT.
        if line.starts_with("FORMAT") {
            sys.machine.type_line(dev, "NO").unwrap();
        }
        if line.starts_with("EDIT") {
            sys.machine.type_line(dev, "TYPE *").unwrap();
            sys.machine.type_line(dev, "QQUIT").unwrap();
        }
        wait(&mut sys, &mut cursor, "R", &format!("{n}: {line}"));
    }
    if std::env::var_os("CPCMS_CMSFUZZ_SHOW").is_some() {
        let view = sys.machine.transcript(dev).unwrap_or_default();
        println!("{}", view.since(0).0);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
