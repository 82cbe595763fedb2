//! CPU share (the hostile suite: see tests/hostile.rs).

use super::*;

/// Attackers, in the order they get the programs of a CPU-share test.
pub(crate) const ATTACKERS: [&str; 7] =
    ["ALICE", "CAROL", "DAVE", "ERIN", "FRANK", "GRACE", "HEIDI"];

/// Attacker i runs `progs[i]` (all of them at once, for a second), then BOB types an
/// empty line three times, a little apart (so that his line comes at different points
/// of the attackers' slices): the longest wait for his ready line, or why there was
/// none. Also checks (e): CP answers BOB.
pub(crate) fn share(progs: &[&str], bound: u64) -> (Rig, Result<u64, String>) {
    let mut users: Vec<UserSpec> = progs
        .iter()
        .enumerate()
        .map(|(i, _)| (ATTACKERS[i], ATTACKERS[i], 256 * K))
        .collect();
    users.push(("BOB", BOB_PASSWORD, 256 * K));
    let mut rig = Rig::with_users(&users, 4 << 20);
    let progs: Vec<Assembly> = progs.iter().map(|p| program(p)).collect();
    for (i, p) in progs.iter().enumerate() {
        rig.plant(i, p);
    }
    for (i, p) in progs.iter().enumerate() {
        rig.start(i, p.origin);
    }
    let bob = rig.user("BOB");
    let r = rig.run_for(SEC).and_then(|_| {
        let mut worst = 0;
        for pause in [0, 37 * MS, 71 * MS] {
            rig.run_for(pause)?;
            worst = worst.max(rig.response(bob, bound)?);
        }
        rig.type_line(bob, "#CP QUERY TIME");
        rig.wait_for(bob, "TIME IS", 10 * SEC)
            .map_err(|e| format!("CP does not answer #CP QUERY TIME: {e}"))?;
        Ok(worst)
    });
    (rig, r)
}

/// BOB's bound with one attacker: five 50 ms slices. A fair round robin makes him wait at
/// most one slice of the attacker's (measured with SPIN, a branch to itself that never
/// traps: 37 ms, `cpu_share_yardstick_one_spinner`), plus his own few milliseconds.
pub(crate) const ONE_ATTACKER_BOUND: u64 = 250 * MS;
/// BOB's bound with seven attackers: twenty slices. A fair round robin makes him wait at
/// most seven (350 ms; measured with seven SPINs: 322 ms).
pub(crate) const SEVEN_ATTACKERS_BOUND: u64 = 1000 * MS;

/// One attacker runs `prog`; BOB's ready line must come within ONE_ATTACKER_BOUND, and
/// CP's code and directory must be intact.
pub(crate) fn one_attacker(prog: &str) {
    one_attacker_within(prog, ONE_ATTACKER_BOUND);
}

/// As [`one_attacker`], with BOB held to `bound`.
pub(crate) fn one_attacker_within(prog: &str, bound: u64) {
    let (rig, r) = share(&[prog], bound);
    let mut p = rig.cp_static_damage();
    if let Err(e) = r {
        p.push(format!("BOB, beside {prog}: {e}"));
    }
    verdict(p);
}

/// The yardstick: one SPIN (a branch to itself, no trap ever) beside BOB. Today's round
/// robin with 50 ms slices answers BOB within the bound (37 ms at worst of three tries).
#[test]
pub(crate) fn cpu_share_yardstick_one_spinner() {
    one_attacker("spin");
}

/// The yardstick for many: seven SPINs beside BOB (322 ms at worst of three tries today:
/// about seven slices, as a round robin gives).
#[test]
pub(crate) fn cpu_share_yardstick_seven_spinners() {
    let (rig, r) = share(&["spin"; 7], SEVEN_ATTACKERS_BOUND);
    let mut p = rig.cp_static_damage();
    if let Err(e) = r {
        p.push(format!("BOB, beside seven spinners: {e}"));
    }
    verdict(p);
}

/// SSM in a two-instruction loop (tests/hostile/ssmloop.asm).
///
/// Today: BOB's ready line never comes (not within 100 s). The slice is charged with the
/// guest's own instructions only (SAVECTX keeps the CPU timer's value at the trap and
/// the dispatcher sets it back), and after a trap the dispatcher starts with the machine
/// that trapped: two instructions of the guest's per trap, a hundred of CP's, so a 50 ms
/// slice lasts seconds, and BOB's turn does not come.
///
/// A correct CP charges what it spends for a machine to that machine's slice (or ends
/// the slice after so many traps): BOB answers within ONE_ATTACKER_BOUND (250 ms).
#[test]
pub(crate) fn cpu_ssm_loop() {
    one_attacker("ssmloop");
}

/// TIO in a two-instruction loop (tests/hostile/tioloop.asm). Today: as the SSM loop,
/// no ready line for BOB within 30 s. A correct CP: within 250 ms.
#[test]
pub(crate) fn cpu_tio_loop() {
    one_attacker("tioloop");
}

/// DIAGNOSE X'0C' in a two-instruction loop (tests/hostile/diagloop.asm). Today: as the
/// SSM loop, no ready line for BOB within 30 s. A correct CP: within 250 ms.
#[test]
pub(crate) fn cpu_diagnose_loop() {
    one_attacker("diagloop");
}

/// SIO to a busy console in a loop (tests/hostile/sioloop.asm): each SIO answers CC 2 at
/// once while CP's queue for ALICE's terminal is full. Today: BOB's first ready line takes
/// 382 ms, and (with a longer bound) a later one does not come within 100 s. A correct
/// CP: within 250 ms each.
#[test]
pub(crate) fn cpu_sio_busy_console_loop() {
    one_attacker("sioloop");
}

/// A program-check loop: the program new PSW points at an invalid instruction
/// (tests/hostile/pcloop.asm). Today: no ready line for BOB within 30 s: each
/// reflection costs CP a hundred instructions and the guest's slice one. A correct CP
/// charges the reflection to the guest: within 250 ms.
#[test]
pub(crate) fn cpu_program_check_loop() {
    one_attacker("pcloop");
}

/// Translation exceptions without end under virtual DAT (tests/hostile/vdatloop.asm):
/// shadow-table fills in four segments, a PTLB that forgets them, again and again; every eighth
/// round a page-translation exception reflected to ALICE. Nearly all of it is CP's work
/// for her: charged to her slice (as every trap), BOB answers within 250 ms.
#[test]
pub(crate) fn cpu_virtual_dat_fault_loop() {
    let (rig, r) = share(&["vdatloop"], ONE_ATTACKER_BOUND);
    let mut p = rig.cp_static_damage();
    if let Err(e) = r {
        p.push(format!("BOB, beside vdatloop: {e}"));
    }
    // The loop really ran on shadow tables: CP filled entries and forgot them.
    let alice = rig.vmblok("ALICE").expect("ALICE's VMBLOK");
    let filled = rig.word(alice + rig.sym("VMVATFIL"));
    let purged = rig.word(alice + rig.sym("VMVATPRG"));
    println!("vdatloop: {filled} shadow entries filled, {purged} purges");
    if filled < 1000 || purged < 100 {
        p.push(format!(
            "ALICE's loop did not run on shadow tables: {filled} fills, {purged} purges"
        ));
    }
    verdict(p);
}

/// PROGRAM CALL and PROGRAM TRANSFER ping-pong between two address spaces, for ever
/// (tests/hostile/dasloop.asm): each a trap DMKDAS emulates through ALICE's ASN,
/// linkage and entry tables; the two spaces keep a shadow each (vat.asm), so the loop
/// runs without a shadow fault once both are filled. Charged to her slice as every
/// trap: BOB answers within 250 ms.
#[test]
pub(crate) fn cpu_pc_pt_ping_pong() {
    let (rig, r) = share(&["dasloop"], ONE_ATTACKER_BOUND);
    let mut p = rig.cp_static_damage();
    if let Err(e) = r {
        p.push(format!("BOB, beside dasloop: {e}"));
    }
    // The loop really ran: PC put the entry parameter in R4, and every PC and PT was a
    // trap and a dispatch; the shadows of the two spaces stayed (few fills, no purge
    // but the first).
    let alice = rig.vmblok("ALICE").expect("ALICE's VMBLOK");
    let r4 = rig.word(alice + rig.sym("VMGPRS") + 16);
    let dispatched = rig.word(alice + rig.sym("VMDSPCNT"));
    let filled = rig.word(alice + rig.sym("VMVATFIL"));
    let purged = rig.word(alice + rig.sym("VMVATPRG"));
    println!(
        "dasloop: R4 {r4:08X}, {dispatched} dispatches, {filled} shadow fills, {purged} purges"
    );
    if r4 != 0xEEEE_EEEE || dispatched < 500 {
        p.push(format!(
            "ALICE's PC/PT loop did not run: R4 {r4:08X}, {dispatched} dispatches"
        ));
    }
    if filled > 100 || purged > 1 {
        p.push(format!(
            "the two spaces' shadows did not stay: {filled} fills, {purged} purges"
        ));
    }
    verdict(p);
}

/// An endless channel program (SEEK, TIC back to it) started again and again
/// (tests/hostile/ticloop.asm). Today: no ready line for BOB within 30 s: CP runs a
/// guest's channel program synchronously, with every other interruption masked off, and
/// cuts it off only after two seconds; then the same guest is dispatched again and
/// starts it again. A correct CP lets others run meanwhile (or cuts the program off
/// within a slice charged to its owner): within 250 ms.
#[test]
pub(crate) fn cpu_endless_channel_program_loop() {
    one_attacker("ticloop");
}

/// A read-only link (tests/hostile/rolink.asm): ALICE's directory entry links MAINT's
/// 190 read-only; she reads it, then tries to write on it. CP puts a SET FILE MASK
/// "inhibit all writes" in front of every channel program on a read-only minidisk, so
/// the real disk refuses the write with a unit check, and MAINT's cylinders (11-12)
/// stay as they were; the read works.
#[test]
pub(crate) fn ccw_read_only_link_refuses_writes() {
    let dir = format!(
        "USER ALICE ALICE 256K\n MDISK 191 3350 1 2 CPCMS1 W\n LINK MAINT 190 190 RR\n\
         USER BOB {BOB_PASSWORD} 256K\n MDISK 191 3350 3 2 CPCMS1 W\n LINK MAINT 190 190 RR\n\
         USER MAINT MAINT 256K\n MDISK 190 3350 11 2 CPCMS1 RR\n"
    );
    let mut rig = Rig::with_directory(&dir, 2 << 20, &["ALICE", "BOB"]);
    let snap = rig.snapshot(&["BOB"]);
    let prog = program("rolink");
    let code = rig.run_program(0, &prog, 10 * SEC);
    verdict(after_attack(&mut rig, &snap, &prog, code));
}

/// A console channel program that never ends: NO-OP, TIC back to it, on the virtual
/// console (tests/hostile/conloop.asm). CP interprets console programs itself; before
/// the fix it followed this loop for ever, disabled, and the whole machine stopped. A
/// correct CP does a bounded amount of work for it and leaves the console busy, as a
/// real 3215 running that loop would be: BOB answers within 250 ms.
#[test]
pub(crate) fn cpu_console_program_loop() {
    one_attacker("conloop");
}

/// Seven attackers at once, one of each kind and a SPIN, and BOB.
///
/// Today: no ready line for BOB within 30 s. A correct CP: within SEVEN_ATTACKERS_BOUND
/// (1 s; a fair round robin gives at most seven 50 ms slices).
#[test]
pub(crate) fn cpu_seven_attackers_one_victim() {
    let progs = [
        "ssmloop", "tioloop", "diagloop", "sioloop", "pcloop", "ticloop", "spin",
    ];
    let (rig, r) = share(&progs, SEVEN_ATTACKERS_BOUND);
    let mut p = rig.cp_static_damage();
    if let Err(e) = r {
        p.push(format!("BOB, beside seven attackers: {e}"));
    }
    verdict(p);
}

/// DIAGNOSE X'08' with fourteen "D 0.1000" (3584 lines for ALICE's terminal), in a
/// loop (tests/hostile/dispflood.asm). Found by the random privileged-instruction stream
/// (`fuzz_random_privileged_instructions`, which now steps round it: PRIVGEN's AVOID
/// X'40').
///
/// Today: BOB's ready line takes 5.1 s (bound 250 ms): CP types what does not fit in
/// the terminal's 16-line queue synchronously (TENQ calls TDRAIN, which polls that one
/// terminal with TIO), dispatching nobody until the DIAGNOSE is over - about 1.9 s for
/// 3584 lines; the time is charged to ALICE's slice only afterwards.
///
/// A correct CP lets the others run while ALICE's terminal types (it could make ALICE's
/// machine wait for its output, as it does for console writes, or type at most a
/// slice's worth per DIAGNOSE): within ONE_ATTACKER_BOUND.
#[test]
pub(crate) fn cpu_diagnose_08_output_flood() {
    one_attacker("dispflood");
}

/// The same flood, held to a fifth of the bound: a DISPLAY of a DIAGNOSE X'08' stops
/// whenever its terminal has half its queue to type, and the machine waits (CP WRITE)
/// while the others run (cmdvm.asm's D30 and D8RUN). Before, each DISPLAY's 256 lines
/// were typed while CP polled that terminal, everyone else waiting: BOB's worst answer
/// was 125 ms; now 13 ms.
#[test]
pub(crate) fn cpu_diagnose_08_display_waits_for_its_terminal() {
    one_attacker_within("dispflood", ONE_ATTACKER_BOUND / 5);
}

/// A console channel program that types one character at a time for ever: WRITE (no
/// carrier return) of one byte, chained, TIC back (tests/hostile/conshort.asm). Found by
/// the random privileged-instruction stream (PRIVGEN's AVOID X'10' steps round it).
///
/// Today: no ready line for BOB within 30 s; the whole system serves ALICE's terminal
/// alone. Each line types in about 110 us, less than CP takes to handle the terminal's
/// interruption and queue the next line (IOHNDL resumes the console program through
/// VCRESUME); so there is always another interruption pending from ALICE's terminal
/// when CP is done, the channel presents it first (lowest device address), and CP never
/// dispatches anyone - nor reads BOB's line. None of that time is charged to ALICE
/// (CPFOR is 0 in an I/O interruption).
///
/// A correct CP charges the console work to ALICE's machine and lets the others run
/// (e.g. makes the console program wait for its next slice once it has used one):
/// within ONE_ATTACKER_BOUND.
#[test]
pub(crate) fn cpu_console_program_of_short_lines() {
    one_attacker("conshort");
}

/// DIAGNOSE X'08' with "D L0003FFFF.B26548EB", X'15', "BEGIN 8000", in a loop
/// (tests/hostile/dispbegin.asm): a DISPLAY far past the machine's storage whose lines
/// make the machine wait for its terminal between the two commands, then a BEGIN.
/// Found by the random privileged-instruction stream (seed 5EED1002, AVOID X'40'
/// cleared): CP's own storage was written over and the real machine checkstopped.
#[test]
pub(crate) fn cpu_diagnose_08_display_then_begin() {
    one_attacker("dispbegin");
}

/// SIO to the minidisk of a channel program the channel refuses at its first CCW, in a
/// loop, with a prefix set (tests/hostile/siofence.asm): the path where CP retries the
/// real SIO (IOSTART). Its tries were counted in R0 after an IC, which left R0's high
/// bits from CCW translation: with some programs (the random privileged-instruction
/// stream's, seed 5EED1001, once SPX worked: R0 X'00000C27', BOB waited 835 ms) a
/// refused program was tried thousands of times with CP disabled. Here R0 happens to be
/// left negative, so this program took the old path quickly too; the stream's CI run
/// (`fuzz_random_privileged_instructions`) is the one that failed.
#[test]
pub(crate) fn cpu_sio_refused_at_its_first_ccw() {
    one_attacker("siofence");
}

/// An enabled wait whose external new PSW is the same wait, with the clock comparator in
/// the past (tests/hostile/ckcwait.asm): the interruption is due again as soon as it is
/// presented. CP set its own clock comparator to that machine's deadline, long passed,
/// and was interrupted the moment it waited, every time; external interruptions go
/// before I/O ones, so no terminal's line came in. Found by the random
/// privileged-instruction stream once it ran (seeds 5EED1003, 5EED1005, 5EED1006: no
/// ready line for BOB within 30 s). DSPWAKE now waits at least a millisecond.
#[test]
pub(crate) fn cpu_clock_comparator_due_for_ever_in_a_wait() {
    one_attacker("ckcwait");
}

/// DIAGNOSE X'08' with a response buffer and fourteen 4K DISPLAYs, in a loop
/// (tests/hostile/diag8long.asm): with no terminal to wait for, CP ran all fourteen,
/// about 100 ms of its time each, before anyone else ran: BOB waited 587 ms, more than
/// twice the bound. Now once its commands have taken 5 ms or the machine's slice, the
/// DISPLAY stops where it is and the machine gives the others their turn; it runs the
/// DIAGNOSE again when its turn comes, and CP goes on where it stopped (D8LONG,
/// VMFD8GO): 99 ms. Held to half the bound.
#[test]
pub(crate) fn cpu_diagnose_08_commands_take_turns() {
    one_attacker_within("diag8long", ONE_ATTACKER_BOUND / 2);
}
