//! Terminal output (the hostile suite: see tests/hostile.rs).

use super::*;

/// 64 lines on ALICE's own console, one SIO each, as fast as she can
/// (tests/hostile/lines64.asm).
///
/// Today: passes - when the terminal's queue is nearly full, VCRWRITE keeps the virtual
/// console busy (VCWRW) until there is room, so no line is lost. Kept as a guard.
#[test]
pub(crate) fn terminal_64_console_lines_none_dropped() {
    let mut rig = Rig::with_users(PAIR, 2 << 20);
    let snap = rig.snapshot(&["BOB"]);
    let prog = program("lines64");
    let from = rig.transcript(0).len();
    let code = rig.run_program(0, &prog, 20 * SEC);
    let mut p = after_attack(&mut rig, &snap, &prog, code);
    let got: Vec<String> = rig.transcript(0)[from..]
        .lines()
        .filter_map(|l| l.strip_prefix("HOSTILE LINE ").map(str::to_string))
        .collect();
    let want: Vec<String> = (1..=64).map(|n| format!("{n:02}")).collect();
    if got != want {
        p.push(format!(
            "ALICE's terminal shows {} of her 64 lines: {:?}",
            got.len(),
            got
        ));
    }
    verdict(p);
}

/// A console channel program of 20 lines joined by TICs (tests/hostile/ticwait.asm).
/// Not an attack: fidelity. Found while reducing what the random privileged-instruction
/// stream found (see `cpu_console_program_of_short_lines`).
///
/// Today: 12 lines, then the program ends with a program check (CSW channel status
/// X'20', BAD1): after the terminal's queue filled and an interruption resumed the
/// program (VCRESUME), its next CCW, a TIC, counts as "a TIC after a TIC" - VCRESUME
/// never clears R7, VCRUN's flag for it, and IOHNDL leaves a nonzero loop count there.
///
/// A correct CP types all 20 lines and ends with channel end and device end: X'600D'.
#[test]
pub(crate) fn terminal_console_program_resumed_at_a_tic() {
    let mut rig = Rig::with_users(PAIR, 2 << 20);
    let snap = rig.snapshot(&["BOB"]);
    let prog = program("ticwait");
    let from = rig.view(0).end();
    let code = rig.run_program(0, &prog, 20 * SEC);
    let mut p = after_attack(&mut rig, &snap, &prog, code);
    let n = rig.view(0).since(from).0.matches("TICWAIT LINE ").count();
    if n != 20 {
        p.push(format!(
            "ALICE's terminal shows {n} of the program's 20 lines"
        ));
    }
    verdict(p);
}

/// 64 lines of CP responses from one DIAGNOSE X'08' (32 QUERY TIMEs separated by X'15';
/// tests/hostile/diag8flood.asm).
///
/// Today: CP runs all 32 commands before the terminal can type anything; TENQ's queue
/// has 16 slots and drops what does not fit: ALICE's terminal shows 8 "TIME IS" and 7
/// "CONNECT=" lines.
///
/// A correct CP types all 64 lines (it holds them, or makes the guest wait for room),
/// and its own messages after them.
#[test]
pub(crate) fn terminal_64_response_lines_none_dropped() {
    let mut rig = Rig::with_users(PAIR, 2 << 20);
    let snap = rig.snapshot(&["BOB"]);
    let prog = program("diag8flood");
    rig.plant(0, &prog);
    let from = rig.transcript(0).len();
    rig.start(0, prog.origin);
    let mut p = Vec::new();
    if let Err(e) = rig.run_for(5 * SEC) {
        p.push(e);
    }
    if !rig.stopped("ALICE") || rig.vm_psw("ALICE") != 0x00020000_0000600D {
        p.push(format!(
            "ALICE's program did not end with X'600D': PSW {:016X}",
            rig.vm_psw("ALICE")
        ));
    }
    let shown = &rig.transcript(0)[from..];
    let times = shown.matches("TIME IS").count();
    let connects = shown.matches("CONNECT=").count();
    if times != 32 || connects != 32 {
        p.push(format!(
            "ALICE's terminal shows {times} \"TIME IS\" and {connects} \"CONNECT=\" lines of 32 each"
        ));
    }
    if !shown.contains("DISABLED WAIT PSW '00020000 0000600D'") {
        p.push("CP's DISABLED WAIT message was not typed".into());
    }
    p.extend(rig.cp_static_damage());
    p.extend(rig.frame_damage(&snap));
    let bob = rig.user("BOB");
    if let Err(e) = rig.victim_answers(bob, IDLE_BOUND) {
        p.push(format!("BOB: {e}"));
    }
    verdict(p);
}
