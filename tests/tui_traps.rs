//! The trap log on a booted CP: trap and emulate followed line by line, as the
//! trap-and-emulate scenario shows it (a user logs on; CMS, believing itself in the
//! supervisor state, asks for its storage size, writes and reads its console, waits).

use cpcms::cpu::TOD_PER_SECOND;
use cpcms::scenario::Scenario;
use cpcms::sysgen::System;
use cpcms::tui::live::Live;
use cpcms::tui::{Action, Driver, Model};

fn booted() -> Live {
    let s = Scenario::parse(
        "t.ron",
        r#"(title: "t", users: [(id: "ALICE", password: "ALICE")], terminals: 1, steps: [])"#,
    )
    .unwrap();
    let mut sys = System::boot(&s.sys_config(), None).unwrap();
    let t = sys.machine.now() + TOD_PER_SECOND;
    sys.machine.run_until(t);
    Live::new(sys, None, "t", 1.0)
}

fn run(live: &mut Live, tenths: u64) {
    let t = live.system.machine.now() + tenths * TOD_PER_SECOND / 10;
    live.system.machine.run_until(t);
}

#[test]
fn the_trap_log_says_what_cp_did_line_by_line() {
    let mut live = booted();
    live.apply(Action::Type {
        terminal: 0,
        text: "LOGON ALICE ALICE".into(),
    });
    run(&mut live, 30);
    let mut m = Model::default();
    live.fill(&mut m);
    let lines: Vec<(String, String, String)> = m
        .traps
        .iter()
        .map(|t| (t.user.clone(), t.instruction.clone(), t.did.clone()))
        .collect();
    let want = [
        ("DIAG  2,0,96(0)", "DIAG 60 -> storage size"),
        ("SIO   0(2)", "SIO 009 -> console write, CC 0 started"),
        (
            "LPSW  520(0)",
            "LPSW -> PSW FE020000 00000000: a wait: CP runs others till its interruption",
        ),
        ("SIO   0(2)", "SIO 009 -> console read, CC 0 started"),
        (
            "LPSW  520(0)",
            "LPSW -> PSW FE020000 00000000: a wait: CP runs others till its interruption",
        ),
    ];
    assert!(lines.len() >= want.len(), "{lines:#?}");
    for (i, (ins, did)) in want.iter().enumerate() {
        assert_eq!(
            (
                lines[i].0.as_str(),
                lines[i].1.as_str(),
                lines[i].2.as_str()
            ),
            ("ALICE", *ins, *did),
            "line {i}: {lines:#?}"
        );
    }
    // Each closed trap counts CP's instructions; the time goes forward.
    let closed: Vec<_> = m.traps.iter().filter(|t| t.cp.is_some()).collect();
    assert!(closed.len() >= 4);
    assert!(closed.iter().all(|t| t.cp.unwrap() > 100), "{closed:?}");
    assert!(m.traps.windows(2).all(|w| w[0].tod <= w[1].tod));
    // The full line has time, user, instruction, CP's count, and what CP did.
    let l = m.traps[1].text();
    assert!(l.starts_with("09:00:01."), "{l}");
    assert!(
        l.contains("ALICE    SIO   0(2)")
            && l.ends_with("  SIO 009 -> console write, CC 0 started"),
        "{l}"
    );

    // CMS starts (the user pressed Enter at VM READ): its disks are looked at through
    // CP's channel program translation, and a device the machine lacks is not
    // operational; a command CMS does not know goes to CP by DIAGNOSE X'08'.
    live.apply(Action::Type {
        terminal: 0,
        text: String::new(),
    });
    run(&mut live, 20);
    live.apply(Action::Type {
        terminal: 0,
        text: "QUERY TIME".into(),
    });
    run(&mut live, 10);
    live.fill(&mut m);
    let dids: Vec<&str> = m.traps.iter().map(|t| t.did.as_str()).collect();
    assert!(
        dids.contains(&"SIO 191 -> disk seek, CC 0 started"),
        "{dids:#?}"
    );
    assert!(
        dids.contains(&"SIO 192 -> disk seek, CC 3 not operational"),
        "{dids:#?}"
    );
    assert!(dids.contains(&"DIAG 08 -> CP command, CC 0"), "{dids:#?}");
    assert!(
        dids.contains(&"DIAG 0C -> date, time, CPU times"),
        "{dids:#?}"
    );
}
