//! The soak: seven attackers and a victim, for minutes (the hostile suite: see tests/hostile.rs).

use super::*;

/// The soak's attackers: user, program (tests/hostile/NAME.asm), virtual storage. The
/// random privileged instructions, the random channel programs, a console-output flood
/// (SIOLOOP: chains of 32 lines, started again and again) and four CPU loops (trapped
/// SSM, program checks, DIAGNOSE X'0C', an endless disk channel program).
pub(crate) const SOAK: [(&str, &str, u32); 7] = [
    ("ALICE", "privgen", 256 * K),
    ("CAROL", "fuzz191", 512 * K),
    ("DAVE", "sioloop", 256 * K),
    ("ERIN", "ssmloop", 256 * K),
    ("FRANK", "pcloop", 256 * K),
    ("GRACE", "diagloop", 256 * K),
    ("HEIDI", "ticloop", 256 * K),
];

/// Real storage for the soak: 6M, 189 frames a user (FRMSHARE), so that CAROL's fuzzer
/// (512K, at X'70000') may touch all of its storage.
pub(crate) const SOAK_REAL: u32 = 6 << 20;

/// How often the soak samples BOB: every SOAK_SAMPLE of virtual time he types an empty
/// line and must have his ready line within SEVEN_ATTACKERS_BOUND.
pub(crate) const SOAK_SAMPLE: u64 = 3 * SEC;

/// Virtual time the soak runs before it reads the host's memory the first time: every
/// program started, its pages touched, the terminals' transcripts grown to their
/// bounded size.
pub(crate) const SOAK_WARMUP: u64 = 30 * SEC;

/// The most the host's resident set may grow over the long soak (after the warm-up).
pub(crate) const SOAK_RSS_GROWTH: u64 = 16 << 20;

/// The process's resident set size in bytes, from /proc/self/statm (4 KiB pages).
pub(crate) fn rss_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

/// Seven attackers (SOAK) and BOB, for `virt` of virtual time after SOAK_WARMUP. BOB
/// writes his record first; then every SOAK_SAMPLE he must answer within
/// SEVEN_ATTACKERS_BOUND, his frames and DAT tables must be as he left them at his
/// last ready line, and CP's code and directory as assembled. The harness keeps PRIVGEN
/// and the fuzzer running (Runner: restarted after a stop, planted again when their
/// code was overwritten) and restarts any loop that stopped. At the end: CP answers
/// every user's #CP QUERY TIME (PRIVGEN's ALICE after her machine is stopped: her own
/// DIAGNOSE X'08' types "TIME IS" too), every track outside the attackers' minidisks is
/// as it was, and ALICE and CAROL hold none of BOB's password, his record or the volume
/// label. With `rss_limit`, the host's resident set may grow by at most that much from
/// the end of the warm-up to the end.
pub(crate) fn soak(virt: u64, rss_limit: Option<u64>) -> Vec<String> {
    let wall = std::time::Instant::now();
    let mut users: Vec<UserSpec> = SOAK.iter().map(|(id, _, st)| (*id, *id, *st)).collect();
    users.push(("BOB", BOB_PASSWORD, 256 * K));
    let mut rig = Rig::with_users(&users, SOAK_REAL);
    let bob = rig.user("BOB");
    assert_eq!(
        rig.run_program(bob, &program("bobmark"), 10 * SEC),
        Ok(0x600D)
    );
    rig.ipl_cms(bob).unwrap();
    let snap = rig.snapshot(&["BOB"]);
    let mut runners: Vec<Runner> = SOAK
        .iter()
        .enumerate()
        .map(|(i, (_, name, _))| match *name {
            "privgen" => privgen(&rig, i, 0x5EED_3001, 3 * SEC),
            "fuzz191" => {
                let prog = patched(
                    "fuzz191",
                    &[
                        ("SEED", &0x5EED_3002u32.to_be_bytes()),
                        ("ROUNDS", &0x7FFF_FFFFu32.to_be_bytes()),
                    ],
                );
                let code: &[(&str, &str)] = &[("FUZZ", "SEED")];
                Runner::new(&rig, i, name, prog, Some("NROUNDS"), Some(code), 5 * SEC)
            }
            _ => Runner::new(&rig, i, name, program(name), None, None, 0),
        })
        .collect();
    for r in runners.iter_mut() {
        r.plant(&mut rig);
    }
    for r in runners.iter_mut() {
        r.start(&mut rig);
    }
    let mut p = Vec::new();
    if let Err(e) = rig.run_tending(SOAK_WARMUP, 100 * MS, &mut runners) {
        p.push(format!("during the warm-up: {e}"));
        return p;
    }
    let rss0 = rss_bytes();
    let (wall0, start) = (std::time::Instant::now(), rig.now());
    let mut idle = rig.frames_of(&["BOB"]);
    let mut times: Vec<u64> = Vec::new();
    let mut late = 0;
    while rig.now() < start + virt && p.len() < 40 {
        let until = (rig.now() + SOAK_SAMPLE).min(start + virt);
        if let Err(e) = rig.run_tending(until - rig.now(), 100 * MS, &mut runners) {
            p.push(format!("at {:.1} s: {e}", rig.now() as f64 / SEC as f64));
            break;
        }
        let at = rig.now() as f64 / SEC as f64;
        for e in rig.frames_changed(&idle) {
            p.push(format!(
                "at {at:.1} s, while BOB waited for his next line: {e}"
            ));
        }
        for e in rig.cp_static_damage() {
            p.push(format!("at {at:.1} s: {e}"));
        }
        match rig.response_time(bob, 30 * SEC) {
            Ok(d) => {
                times.push(d);
                if d > SEVEN_ATTACKERS_BOUND {
                    late += 1;
                    p.push(format!(
                        "BOB at {at:.1} s: the ready line came after {} ms; the bound is {} ms",
                        d / MS,
                        SEVEN_ATTACKERS_BOUND / MS
                    ));
                }
            }
            Err(e) => p.push(format!("BOB at {at:.1} s: {e} ({})", rig.state_dump())),
        }
        if let Err(e) = rig.until_reading("BOB") {
            p.push(e);
            break;
        }
        idle = rig.frames_of(&["BOB"]);
    }
    let ran = rig.now() - start;
    let (rss1, walls) = (rss_bytes(), wall0.elapsed().as_secs_f64());
    p.extend(rig.cp_static_damage());
    p.extend(rig.frames_changed(&idle));
    let attackers: Vec<&str> = SOAK.iter().map(|a| a.0).collect();
    p.extend(rig.volume_damage_outside(&snap, &attackers));
    for r in runners.iter().filter(|r| r.counter.is_some()) {
        let g = &r.prog;
        p.extend(rig.leaks(
            &r.id,
            g.origin..g.origin + g.image.len() as u32,
            &[BOB_PASSWORD, BOB_RECORD, VOLUME_LABEL],
        ));
    }
    let reports: Vec<String> = runners.iter().map(|r| r.report(&rig)).collect();
    let stats = runners
        .iter()
        .find(|r| r.name == "privgen")
        .map(|r| priv_stats(&rig, r));
    if let Err(e) = rig.victim_answers(bob, SEVEN_ATTACKERS_BOUND) {
        p.push(format!("BOB at the end: {e}"));
    }
    for (i, (id, name, _)) in SOAK.iter().enumerate() {
        let r = if *name == "privgen" {
            rig.stop_and_ask_time(i)
        } else {
            rig.type_line(i, "#CP QUERY TIME");
            rig.wait_for(i, "TIME IS", 10 * SEC)
        };
        if let Err(e) = r {
            p.push(format!(
                "{id} at the end: CP does not answer #CP QUERY TIME: {e}"
            ));
        }
    }
    let mib = |b: u64| b as f64 / (1 << 20) as f64;
    let memory = match (rss0, rss1) {
        (Some(a), Some(b)) => {
            let growth = b.saturating_sub(a);
            if let Some(limit) = rss_limit
                && growth > limit
            {
                p.push(format!(
                    "the host's resident set grew by {:.1} MiB (from {:.1} to {:.1} MiB); \
                     the limit is {:.0} MiB",
                    mib(growth),
                    mib(a),
                    mib(b),
                    mib(limit)
                ));
            }
            format!(
                "resident set {:.1} MiB after the warm-up, {:.1} MiB at the end ({:+.1} MiB)",
                mib(a),
                mib(b),
                mib(b) - mib(a)
            )
        }
        _ => "resident set: /proc/self/statm not readable".into(),
    };
    times.sort_unstable();
    let pct = |q: usize| times.get((times.len() * q / 100).min(times.len().saturating_sub(1)));
    let ms = |d: Option<&u64>| d.map_or(0, |d| d / MS);
    eprintln!(
        "soak: {:.1} virtual s after a {} s warm-up in {walls:.2} wall s ({:.2} in all); \
         {memory}\n  BOB answered {} times: median {} ms, 90% {} ms, 99% {} ms, worst {} \
         ms; {late} later than {} ms\n  ALICE's {stats:?}\n  {}",
        ran as f64 / SEC as f64,
        SOAK_WARMUP / SEC,
        wall.elapsed().as_secs_f64(),
        times.len(),
        ms(pct(50)),
        ms(pct(90)),
        ms(pct(99)),
        ms(times.last()),
        SEVEN_ATTACKERS_BOUND / MS,
        reports.join("\n  ")
    );
    p
}

/// The soak, CI-sized: 20 virtual seconds after the warm-up (see `soak`); six samples of
/// BOB, the slowest 968 ms today (the long run shows later ones). The host's memory is
/// printed, not checked: other tests share the process.
#[test]
pub(crate) fn soak_seven_attackers_one_victim() {
    verdict(soak(20 * SEC, None));
}

/// The long soak: ten virtual minutes (CPCMS_SOAK_SECONDS to change it), and the host's
/// resident set may grow by at most SOAK_RSS_GROWTH (16 MiB) from the end of the
/// warm-up. Run it alone, so that no other test shares the process:
/// `cargo test --release --test hostile soak_seven_attackers_one_victim_long --
/// --ignored --nocapture`.
///
/// Today: fails - BOB's ready line is later than 1 s in 8 of 171 samples (1010-1070
/// ms; median about 520 ms); everything else holds, and the resident set does not grow
/// (about 33 MiB after the warm-up and at the end, +0.0 MiB). His ready line takes three to six dispatches (the line comes, CMS
/// writes and waits for the write's interruption ...), each after a full round of the
/// round robin, which favours no machine that has just been given input; and three of
/// the attackers (TICLOOP, the fuzzer, PRIVGEN's 191 programs) held CP in SYNCIO up to
/// 100 ms per SIO, so their turns lasted up to twice a slice. Seven SPINs: worst 514 ms.
/// (Now the Q1 dispatch answers him first, and their disk programs run while the others
/// do: 196 answers, median 7 ms, 99% 548 ms, worst 570 ms.)
#[test]
#[ignore = "long run: ten virtual minutes (CPCMS_SOAK_SECONDS)"]
pub(crate) fn soak_seven_attackers_one_victim_long() {
    let secs = env_seconds("CPCMS_SOAK_SECONDS", 600);
    verdict(soak(secs * SEC, Some(SOAK_RSS_GROWTH)));
}
