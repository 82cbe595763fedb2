//! The narrated scenarios say what CP does; these tests check what they say against the
//! machine itself (they need CP and CMS from roms/). Their transcripts are golden-tested
//! in tests/scenarios.rs.

use std::path::Path;

use cpcms::scenario::Scenario;
use cpcms::scenario::player::{Player, Progress};
use cpcms::sysgen::System;

/// One trapped instruction: who, at which address, the instruction disassembled, and
/// how many instructions CP ran for it.
#[derive(Debug, Clone, PartialEq)]
struct Trap {
    user: String,
    addr: u32,
    instruction: String,
    cp: Option<u64>,
}

/// Play `file` headless with the CPU's trap log on, taking every trap as it comes
/// (the log is a ring: it is read after every slice the player runs).
fn play_with_traps(file: &str) -> (Vec<Trap>, Vec<String>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let s = Scenario::load(&path).unwrap_or_else(|e| panic!("{e}"));
    let mut sys = System::boot_in(&s.sys_config(), None, None).unwrap();
    sys.machine.cpu.traps.enable();
    let mut p = Player::new(&s, true);
    let mut seen = 0u64;
    let mut traps: Vec<(u64, Trap)> = Vec::new();
    let mut take = |sys: &System| {
        let log = &sys.machine.cpu.traps;
        // The CP count of a trap arrives when CP dispatches a machine again.
        for (seq, t) in traps.iter_mut().filter(|(_, t)| t.cp.is_none()) {
            if let Some(e) = log.get(*seq) {
                t.cp = e.cp_instructions;
            }
        }
        let spaces = sys.address_spaces();
        for e in log.since(seen) {
            let user = spaces
                .iter()
                .find(|(cr1, _)| *cr1 == e.cr1)
                .map_or_else(|| format!("{:06X}", e.cr1), |(_, u)| u.clone());
            traps.push((
                e.seq,
                Trap {
                    user,
                    addr: e.addr,
                    instruction: cpcms::disasm::disassemble(e.instruction()).0,
                    cp: e.cp_instructions,
                },
            ));
        }
        assert!(
            log.written() - seen <= 256,
            "traps were lost between two looks"
        );
        seen = log.written();
    };
    let mut out = Vec::new();
    loop {
        let r = p.advance_with(&mut sys, u64::MAX, &mut |sys, _| take(sys));
        out.extend(p.drain_output());
        if r != Progress::Running {
            assert_eq!(
                r,
                Progress::Done,
                "{:?}",
                p.failure().map(|f| f.to_string())
            );
            break;
        }
    }
    take(&sys);
    (traps.into_iter().map(|t| t.1).collect(), out)
}

/// Scenario (2): the trap log shows ALICE's four instructions at 800-80C, in order, one
/// line each, with what CP ran for them; then, in problem state, the HIO at 800 traps
/// once more (a fifth line): CP reflects it as her own program check, and the rest of
/// her program never runs.
#[test]
fn trap_and_emulate_shows_each_trap_line_by_line() {
    let (traps, out) = play_with_traps("scenarios/trap-and-emulate.ron");
    let mine: Vec<&Trap> = traps
        .iter()
        .filter(|t| t.user == "ALICE" && (0x800..0x810).contains(&t.addr))
        .collect();
    let lines: Vec<String> = mine
        .iter()
        .map(|t| format!("{} {:06X} {}", t.user, t.addr, t.instruction))
        .collect();
    assert_eq!(
        lines,
        [
            "ALICE 000800 HIO   9(0)",
            "ALICE 000804 SIO   9(0)",
            "ALICE 000808 TIO   9(0)",
            "ALICE 00080C LPSW  2064(0)",
            "ALICE 000800 HIO   9(0)",
        ],
        "{mine:#?}"
    );
    // CP did work for each, and the trap log knows how much.
    for t in &mine {
        let n = t.cp.expect("CP dispatched a machine again");
        assert!((20..20_000).contains(&n), "{t:?}");
    }
    // They are consecutive in the log: nothing else trapped for ALICE in between.
    let first = traps.iter().position(|t| std::ptr::eq(t, mine[0])).unwrap();
    let alice_next: Vec<&Trap> = traps[first..]
        .iter()
        .filter(|t| t.user == "ALICE")
        .take(5)
        .collect();
    assert_eq!(alice_next, mine);
    // What the captions say the machine shows.
    for want in [
        "0 | HELLO FROM A VIRTUAL SIO",
        "0 | 000040 00000848 0C000000",
        "0 | PSW = 00020000  00000001",
        "0 | 000028 00010002 80000804",
        "0 | PSW = 00000000  00000820",
    ] {
        assert!(out.iter().any(|l| l == want), "no {want:?}");
    }
}

/// Scenario (3): the program ALICE runs in her virtual machine in the chapter "The same
/// program, bare and virtual" (the `store` lines of equivalence.ron, taken from the file
/// itself) runs on the bare machine with `cpcms ipl`, no CP, and ends the same: the sum
/// in its wait PSW, the same SVC old PSW, the same stored sum and register 12.
#[test]
fn equivalence_the_same_program_bare_and_virtual() {
    let file = "scenarios/equivalence.ron";
    let src = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap();
    let chapter = src
        .split("Marker(\"The same program, bare and virtual\")")
        .nth(1)
        .expect("the chapter")
        .split("Marker(")
        .next()
        .unwrap();
    let mut image = vec![0u8; 0x1000];
    let mut stores = 0;
    for l in chapter.lines() {
        let Some(rest) = l.split("text: \"store ").nth(1) else {
            continue;
        };
        let rest = rest.split('"').next().unwrap();
        if rest.starts_with("psw") {
            assert_eq!(rest, "psw 00000000 00000800");
            continue;
        }
        let mut words = rest.split_whitespace();
        let mut at = usize::from_str_radix(words.next().unwrap(), 16).unwrap();
        for w in words {
            let v = u32::from_str_radix(w, 16).unwrap();
            image[at..at + 4].copy_from_slice(&v.to_be_bytes());
            at += 4;
        }
        stores += 1;
    }
    assert_eq!(stores, 4, "{chapter}");
    let dir = std::env::temp_dir().join(format!("cpcms-equivalence-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bin = dir.join("sum.bin");
    std::fs::write(&bin, &image).unwrap();
    let bare = std::process::Command::new(env!("CARGO_BIN_EXE_cpcms"))
        .args([
            "ipl",
            "--core",
            bin.to_str().unwrap(),
            "--psw",
            "0000000000000800",
        ])
        .args(["--dump", "20.8", "--dump", "820.C"])
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let bare = String::from_utf8_lossy(&bare.stdout).into_owned();
    // The bare machine's final state.
    assert!(bare.contains("RESULT=WAIT"), "{bare}");
    let psw = bare.lines().find_map(|l| l.strip_prefix("PSW=")).unwrap();
    assert!(
        psw.ends_with("13BA") && psw.starts_with("00020000"),
        "{bare}"
    );
    assert!(bare.contains("R2=000013BA"), "{bare}");
    // The virtual machine's, from the scenario's transcript.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cpcms"))
        .args(["play", file, "--headless"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let vm = String::from_utf8_lossy(&out.stdout).into_owned();
    let after = vm
        .split("CP ENTERED; DISABLED WAIT PSW '00020000 000013BA'")
        .nth(1);
    let after = after.expect("the virtual machine stopped with the sum");
    let shown = |prefix: &str| -> String {
        after
            .lines()
            .find_map(|l| l.strip_prefix(&format!("0 | {prefix} ")))
            .unwrap_or_else(|| panic!("no {prefix} in {after}"))
            .to_string()
    };
    let words = |s: &str, n: usize| s.split_whitespace().take(n).collect::<Vec<_>>().join(" ");
    let bare_mem = |a: &str| {
        bare.lines()
            .find_map(|l| l.strip_prefix(&format!("MEM {a}: ")))
            .unwrap()
    };
    assert_eq!(words(&shown("000020"), 2), words(bare_mem("000020"), 2));
    assert_eq!(words(&shown("000820"), 3), words(bare_mem("000820"), 3));
    let r12 = after
        .lines()
        .find_map(|l| l.strip_prefix("0 | GPR 12 = "))
        .unwrap();
    assert!(bare.contains(&format!("R12={r12}")), "{r12} vs\n{bare}");
}
