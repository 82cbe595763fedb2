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
    run_ms(live, tenths * 100);
}

fn run_ms(live: &mut Live, ms: u64) {
    let t = live.system.machine.now() + ms * TOD_PER_SECOND / 1000;
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

/// Popek and Goldberg's meters for a machine that logged on and started CMS: most of its
/// instructions ran directly, CP ran some for it, and it had a part of the CPU.
#[test]
fn the_meters_count_direct_and_cp_instructions() {
    let mut live = booted();
    live.apply(Action::Type {
        terminal: 0,
        text: "LOGON ALICE ALICE".into(),
    });
    run(&mut live, 30);
    let mut m = Model::default();
    live.fill(&mut m);
    live.apply(Action::Type {
        terminal: 0,
        text: String::new(),
    });
    for _ in 0..100 {
        run_ms(&mut live, 5);
        live.fill(&mut m);
    }
    let a = m
        .meters
        .iter()
        .find(|x| x.userid == "ALICE")
        .expect("{m:?}");
    assert!(a.direct > 1_000, "{a:?}");
    assert!(a.by_cp > 1_000, "{a:?}");
    let e = a.efficiency().unwrap();
    assert_eq!(e, a.direct as f64 * 100.0 / (a.direct + a.by_cp) as f64);
    // CMS's start is mostly CP's work (its disk I/O goes through CP's channel program
    // translation), and in the last half second it had a real part of the CPU.
    assert!(e > 0.0 && e < 100.0, "{a:?}");
    let share = a.share.expect("a window has begun");
    assert!(share > 0.05 && share <= 1.0, "{a:?}");
    // The CP panel shows them, with what they mean on a tall screen.
    let app = cpcms::tui::App::new(m.clone());
    let lines = app.cp_lines_for(66, 12);
    let row = lines.iter().find(|l| l.starts_with("ALICE")).unwrap();
    assert!(row.contains(&a.direct.to_string()), "{lines:#?}");
    assert!(row.contains(&format!("{e:.1}%")), "{lines:#?}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("EFFIC") && l.contains("Popek")),
        "{lines:#?}"
    );
}

/// F7 runs one guest instruction, F8 runs to the next trap and through CP's
/// emulation, F9 runs on and pauses at the next trap: all while paused.
#[test]
fn single_step_and_stop_at_next_trap() {
    let mut live = booted();
    live.apply(Action::Type {
        terminal: 0,
        text: "LOGON ALICE ALICE".into(),
    });
    run(&mut live, 30);
    // Enter at VM READ: CMS starts, reading its disks (a busy machine to step).
    live.apply(Action::Type {
        terminal: 0,
        text: String::new(),
    });
    run_ms(&mut live, 5);
    live.apply(Action::Pause);
    let mut m = Model::default();

    let before = live.system.machine.cpu.instructions;
    live.apply(Action::Step);
    live.fill(&mut m);
    assert!(m.paused);
    assert!(
        m.note
            .starts_with("stepped: one instruction of ALICE's, at "),
        "{}",
        m.note
    );
    let ran = live.system.machine.cpu.instructions - before;
    assert!((1..cpcms::tui::live::STEP_LIMIT).contains(&ran));

    let written = live.system.machine.cpu.traps.written();
    live.apply(Action::StepTrap);
    live.fill(&mut m);
    assert!(m.paused);
    assert_eq!(live.system.machine.cpu.traps.written(), written + 1);
    let t = m.traps.last().unwrap();
    assert!(t.cp.is_some(), "CP has emulated it: {t:?}");
    assert!(
        m.note.starts_with(&format!("stepped to trap {}: ", t.seq)),
        "{}",
        m.note
    );
    // Still paused: a frame runs nothing.
    let now = live.system.machine.now();
    live.tick(&mut m);
    assert_eq!(live.system.machine.now(), now);

    // F9: armed, it runs (unpaused) and pauses once the next trap is emulated.
    live.apply(Action::StopAtTrap);
    live.fill(&mut m);
    assert!(m.stop_at_trap && !m.paused);
    let mut frames = 0;
    while !m.paused && frames < 200 {
        live.tick(&mut m);
        frames += 1;
    }
    assert!(m.paused && !m.stop_at_trap, "after {frames} frames");
    assert_eq!(live.system.machine.cpu.traps.written(), written + 2);
    assert!(m.traps.last().unwrap().cp.is_some());
    assert!(m.note.starts_with("stopped at trap"), "{}", m.note);
}

/// A scenario with a directory cannot be written back as a scenario yet: `--record`
/// says so before anything starts.
#[test]
fn recording_refuses_a_scenario_with_a_directory() {
    let s = Scenario::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/links.ron"
    )))
    .unwrap();
    let sys = System::boot(&s.sys_config(), None).unwrap();
    let mut live = Live::new(sys, Some(&s), &s.title, s.mips);
    let e = live.record(&s).unwrap_err();
    assert!(e.contains("only a scenario with users:"), "{e}");
    assert_eq!(live.finish_recording(), None);
}
