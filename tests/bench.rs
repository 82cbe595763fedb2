//! `cpcms bench`'s virtual-machine part (issue 12, "Performance"): not timed - what is
//! checked is that the VM row and the trap-cost table are produced and that their
//! instruction counts are exact.
//!
//! Virtual time is counted in instructions, so on a freshly booted system the CP
//! instructions spent while the register and storage loops run in a virtual machine,
//! and the CP instructions from each trapped instruction to the guest's redispatch,
//! are the same on every host and every run. They are compared with
//! `tests/golden/bench-vm.md`. **They move whenever CP's path length changes** (any
//! edit to the program-interruption entry, PRIVOP, the dispatcher, CHARGE, GTRANS, the
//! virtual timers ...): read the diff, then re-record with
//!
//! ```text
//! CPCMS_RECORD_GOLDEN=1 cargo test --test bench
//! ```
//!
//! and say in the commit why they moved. `CPCMS_EQUIV_ROMS=DIR` runs CP and CMS from
//! DIR/cp and DIR/cms without rebuilding (as tests/equivalence.rs).

use std::path::{Path, PathBuf};

use cpcms::bench::vm::{self, TRAPS, VmRig};
use cpcms::bench::{PROGRAMS, Row};

fn golden_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/bench-vm.md")
}

fn rig() -> VmRig {
    let roms = std::env::var_os("CPCMS_EQUIV_ROMS").map(PathBuf::from);
    VmRig::boot(roms.as_deref()).expect("boot and LOGON BENCH")
}

/// Iterations of the register and storage loops here: several time slices each (a
/// machine that runs alone gets 400 ms slices, 400,000 instructions).
fn iterations(name: &str) -> u64 {
    match name {
        "register" => 500_000,
        _ => 250_000,
    }
}

/// The VM rows (counts only: the MIPS are zero here, nothing is timed) and the
/// trap-cost table, as the golden file has them.
fn measure() -> String {
    let mut rig = rig();
    let mut rows = Vec::new();
    for p in vm::vm_programs() {
        let n = iterations(p.name);
        // run_once checks the guest's count against the program's known one.
        let (counts, _) = vm::run_once(&mut rig, p, n).expect(p.name);
        assert_eq!(counts.guest, p.instructions(n), "{}", p.name);
        // Alone, the machine gets 400 ms slices after its first 50 ms one: a dispatch
        // per 400,000 instructions, and the first ones.
        assert!(
            (counts.guest / 400_000..=counts.guest / 400_000 + 3).contains(&counts.dispatches),
            "{}: a dispatch per 400 ms slice: {counts:?}",
            p.name
        );
        rows.push(Row {
            name: p.name,
            what: p.what,
            instructions: counts.guest,
            cpcms_mips: 0.0,
            hercules_mips: None,
            vm: Some(vm::VmRow {
                counts,
                guest_mips: 0.0,
            }),
        });
    }
    let table = vm::vm_table(&rows);
    assert_eq!(
        table.lines().count(),
        2 + vm::vm_programs().count(),
        "a row per program run in the VM:\n{table}"
    );
    let traps = vm::run_traps(&mut rig, &mut |_| {}).expect("trap loops");
    assert_eq!(traps.len(), TRAPS.len());
    for t in &traps {
        // The ring holds the last 256 traps of the 1,000-iteration loop (SIO+I/O traps
        // twice an iteration: its SIOs are half of them).
        let want = if t.name == "SIO+I/O" { 125 } else { 250 };
        assert!(t.events >= want, "{}: {} events", t.name, t.events);
        assert!(t.min <= t.typical && t.typical <= t.max, "{t:?}");
    }
    let mut out = String::from(
        "# cpcms bench: CP instruction counts (tests/bench.rs; re-record with \
         CPCMS_RECORD_GOLDEN=1 cargo test --test bench)\n\n",
    );
    out.push_str("## The register and storage loops in a virtual machine\n\n");
    out.push_str(
        "| program | iterations | guest instructions | CP instructions | dispatches | privileged instructions emulated |\n\
         |---|---:|---:|---:|---:|---:|\n",
    );
    for r in &rows {
        let c = r.vm.as_ref().expect("vm").counts;
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            r.name,
            iterations(r.name),
            c.guest,
            c.cp,
            c.dispatches,
            c.privops
        ));
    }
    out.push_str("\n## CP instructions per trapped instruction\n\n");
    out.push_str(&vm::trap_table(&traps));
    out
}

#[test]
fn vm_row_and_trap_costs_are_exact() {
    let got = measure();
    let path = golden_path();
    if std::env::var_os("CPCMS_RECORD_GOLDEN").is_some() {
        std::fs::write(&path, &got).expect("write golden");
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if got != want {
        panic!(
            "CP's instruction counts differ from {} (they move when CP's path length \
             changes: read the diff, then CPCMS_RECORD_GOLDEN=1 cargo test --test bench)\n\
             --- golden\n{want}\n--- now\n{got}",
            path.display()
        );
    }
}

/// Two fresh systems give the same counts: nothing in them depends on the host.
#[test]
fn counts_are_deterministic() {
    let a = measure();
    let b = measure();
    assert_eq!(a, b);
}

/// Every program `cpcms bench` runs in the VM is one of its bare programs.
#[test]
fn vm_programs_are_bench_programs() {
    let names: Vec<&str> = vm::vm_programs().map(|p| p.name).collect();
    assert_eq!(names, ["register", "storage"]);
    assert!(names.iter().all(|n| PROGRAMS.iter().any(|p| p.name == *n)));
}
