//! The benchmark programs in a virtual machine under CP (issue 12, "Performance").
//!
//! A system is booted with one user, BENCH (2M, like the bare machine), who logs on and
//! runs each program the way `tests/equivalence.rs` runs the tests/hercules programs:
//!
//! ```text
//!  #CP SYSTEM CLEAR           storage zeros, registers 0
//!  #CP STORE S000000 hex...   the image, 48 bytes a line (zero lines skipped)
//!  #CP SYSTEM RESTART         the PSW at 0 loaded: the program runs
//! ```
//!
//! and the run ends when CP says `DISABLED WAIT PSW` (the program's LPSW of its wait
//! PSW, which CP emulates). What is measured, from typing SYSTEM RESTART to that line:
//!
//! - the guest's instructions: problem-state instructions in BENCH's address space
//!   (the CPU credits them to CR1 on every PSW change: `Cpu::problem_instructions`);
//! - CP's instructions: every other instruction the real CPU ran meanwhile (CP is the
//!   only program in the supervisor state; the other machines wait);
//! - the CPU time of the emulating thread (or wall time), as for the bare machine.
//!
//! The trap costs: small programs that loop on one privileged instruction, run the same
//! way with the CPU's trap log on ([`crate::cpu::traplog`]): for each trapped instruction
//! the log has the CP instructions from the trap until the CPU next entered the problem
//! state (the guest redispatched). Virtual time is counted in instructions, so these
//! counts are exact and the same on every host.

use std::path::Path;
use std::time::Instant;

use super::{PROGRAMS, Program, Timing, image, own_cpu_time};
use crate::cpu::{TOD_PER_SECOND, TOD_PER_US};
use crate::machine::Status;
use crate::sysgen::{SysConfig, System, User};

const MS: u64 = 1000 * TOD_PER_US;
const SEC: u64 = TOD_PER_SECOND;

/// The user that runs the programs, and its password.
pub const USER: &str = "BENCH";

/// The system's speed (virtual time per instruction): the default of scenarios, about a
/// System/370 Model 158. CP's time slice is 50 ms of it, 50,000 instructions.
pub const MIPS: f64 = 1.0;

/// A booted system with [`USER`] logged on at terminal 0.
pub struct VmRig {
    pub sys: System,
    cursor: u64,
}

/// What one run of a program in the virtual machine took.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VmCounts {
    /// Problem-state instructions of the guest.
    pub guest: u64,
    /// Instructions the real CPU ran that were not the guest's (CP's).
    pub cp: u64,
    /// Privileged instructions CP emulated for the guest (VMPRVCNT).
    pub privops: u64,
    /// Times CP dispatched the guest (VMDSPCNT).
    pub dispatches: u64,
}

impl VmRig {
    /// Boot a system (8M real, one terminal, [`USER`] with 2M) and log on. `roms`: CP and
    /// CMS from `DIR/cp` and `DIR/cms` instead of the embedded ones.
    pub fn boot(roms: Option<&Path>) -> Result<VmRig, String> {
        let cfg = SysConfig {
            storage: 8 << 20,
            mips: MIPS,
            tod_epoch: crate::scenario::units::parse_date(crate::scenario::DEFAULT_DATE)?,
            terminals: 1,
            users: vec![User {
                id: USER.into(),
                password: USER.into(),
                storage: 2 << 20,
                classes: "G".into(),
                spool: crate::sysgen::DEFAULT_SPOOL,
            }],
            disks: Vec::new(),
            storage_at: None,
            volumes: Vec::new(),
            paging: None,
        };
        let sys = System::boot(&cfg, roms)?;
        let mut rig = VmRig { sys, cursor: 0 };
        rig.wait_for("VM/370 ONLINE", SEC, 10 * MS)?;
        rig.type_line(&format!("LOGON {USER} {USER}"))?;
        rig.wait_for("CMS VERSION", 10 * SEC, 10 * MS)?;
        Ok(rig)
    }

    fn now(&self) -> u64 {
        self.sys.machine.now()
    }

    fn term(&self) -> u16 {
        self.sys.terminals[0]
    }

    fn type_line(&mut self, text: &str) -> Result<(), String> {
        let t = self.term();
        self.sys.machine.type_line(t, text)?;
        let end = self.sys.machine.transcript(t).map_or(0, |v| v.end());
        self.cursor = self.cursor.max(end);
        Ok(())
    }

    /// Run until the terminal shows `text` after the cursor, looking every `step` of
    /// virtual time, for at most `within`; the cursor moves past it.
    fn wait_for(&mut self, text: &str, within: u64, step: u64) -> Result<(), String> {
        let deadline = self.now() + within;
        loop {
            let t = self.term();
            let view = self.sys.machine.transcript(t).unwrap_or_default();
            let rest = view.since(self.cursor).0;
            if let Some(p) = rest.find(text) {
                self.cursor = view.end() - (rest.len() - p - text.len()) as u64;
                return Ok(());
            }
            if self.now() >= deadline {
                let tail: Vec<&str> = rest.lines().rev().take(6).collect();
                return Err(format!("no {text:?}; the terminal last showed {tail:?}"));
            }
            let until = self.now() + (deadline - self.now()).min(step);
            match self.sys.machine.run_until(until) {
                Status::DisabledWait(psw) => {
                    return Err(format!("the real machine stopped: PSW {psw:016X}"));
                }
                Status::Checkstop => return Err("the real machine checkstopped".into()),
                _ => {}
            }
        }
    }

    /// SYSTEM CLEAR, then STORE the image's non-zero 48-byte lines.
    pub fn place(&mut self, image: &[u8]) -> Result<(), String> {
        self.type_line("#CP SYSTEM CLEAR")?;
        self.wait_for("STORAGE CLEARED - SYSTEM RESET", SEC, 10 * MS)?;
        for (n, chunk) in image.chunks(48).enumerate() {
            if chunk.iter().all(|b| *b == 0) {
                continue;
            }
            let hex: String = chunk.iter().map(|b| format!("{b:02X}")).collect();
            self.type_line(&format!("#CP STORE S{:06X} {hex}", 48 * n))?;
            self.wait_for("STORE COMPLETE", SEC, 10 * MS)?;
        }
        Ok(())
    }

    /// [`USER`]'s VMBLOK address.
    fn vmblok(&self) -> Result<u32, String> {
        let sym = |n: &str| {
            self.sys
                .cp
                .symbols
                .get(n)
                .map(|s| s.value)
                .ok_or_else(|| format!("CP has no symbol {n}"))
        };
        let (table, len, count, user) = (
            sym("VMTABLE")?,
            sym("VMBLKLEN")?,
            sym("NUMVM")?,
            sym("VMUSER")?,
        );
        let want = crate::ebcdic::encode(&format!("{USER:<8}"));
        (0..count)
            .map(|i| table + i * len)
            .find(|&vm| self.sys.machine.peek(vm + user, 8) == Some(&want[..]))
            .ok_or_else(|| format!("no VMBLOK for {USER}"))
    }

    /// A fullword of [`USER`]'s VMBLOK, at CP symbol `field`.
    fn vm_word(&self, field: &str) -> Result<u32, String> {
        let vm = self.vmblok()?;
        let off = self
            .sys
            .cp
            .symbols
            .get(field)
            .map(|s| s.value)
            .ok_or_else(|| format!("CP has no symbol {field}"))?;
        let b = self
            .sys
            .machine
            .peek(vm + off, 4)
            .ok_or("VMBLOK outside storage")?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// The guest's address space (the CR1 CP gives it).
    pub fn guest_cr1(&self) -> Result<u32, String> {
        self.vm_word("VMSEG")
    }

    /// Problem-state instructions of every address space, and of the guest's.
    fn problem(&self, cr1: u32) -> (u64, u64) {
        let p = &self.sys.machine.cpu.problem_instructions;
        let all = p.iter().map(|(_, n)| n).sum();
        let guest = p.iter().find(|(c, _)| *c == cr1).map_or(0, |(_, n)| *n);
        (all, guest)
    }

    /// SYSTEM RESTART and run to `DISABLED WAIT PSW` (at most `within` of virtual time,
    /// looking every `step`): the counts and the time taken.
    pub fn restart(&mut self, within: u64, step: u64) -> Result<(VmCounts, Timing), String> {
        let cr1 = self.guest_cr1()?;
        let (all0, guest0) = self.problem(cr1);
        let n0 = self.sys.machine.cpu.instructions;
        let (prv0, dsp0) = (self.vm_word("VMPRVCNT")?, self.vm_word("VMDSPCNT")?);
        let t = Instant::now();
        let c = own_cpu_time();
        self.type_line("#CP SYSTEM RESTART")?;
        self.wait_for("DISABLED WAIT PSW", within, step)?;
        let timing = Timing {
            wall: t.elapsed(),
            cpu: own_cpu_time().zip(c).map(|(b, a)| b.saturating_sub(a)),
        };
        let (all1, guest1) = self.problem(cr1);
        let n1 = self.sys.machine.cpu.instructions;
        let counts = VmCounts {
            guest: guest1 - guest0,
            cp: (n1 - n0) - (all1 - all0),
            privops: u64::from(self.vm_word("VMPRVCNT")?.wrapping_sub(prv0)),
            dispatches: u64::from(self.vm_word("VMDSPCNT")?.wrapping_sub(dsp0)),
        };
        Ok((counts, timing))
    }

    /// Place `image` and run it: the counts and the time taken. Virtual time for a run:
    /// up to 10 s per million instructions expected, looking every virtual second (rare
    /// enough that looking costs nothing beside the run).
    pub fn run(&mut self, image: &[u8], expected: u64) -> Result<(VmCounts, Timing), String> {
        self.place(image)?;
        let within = 10 * SEC * (expected / 1_000_000 + 1);
        self.restart(within, SEC)
    }
}

/// One program's VM row.
#[derive(Clone, Debug)]
pub struct VmRow {
    /// The counts of the last run (every run gives the same, give or take a time
    /// slice: where a slice ends depends on what CP did before).
    pub counts: VmCounts,
    /// Guest instructions per second of (CPU or wall) time, in millions.
    pub guest_mips: f64,
}

/// The programs that run in the virtual machine: the CPU-bound ones (register and
/// storage loops).
pub fn vm_programs() -> impl Iterator<Item = &'static Program> {
    PROGRAMS.iter().filter(|p| p.name != "decimal+float")
}

/// Run `p` for `iterations` in the virtual machine once: the counts (the guest's
/// checked against the program's known count) and the time.
pub fn run_once(
    rig: &mut VmRig,
    p: &Program,
    iterations: u64,
) -> Result<(VmCounts, Timing), String> {
    let expected = p.instructions(iterations);
    let (c, t) = rig.run(&image(p, iterations)?, expected)?;
    if c.guest != expected {
        return Err(format!(
            "{} in the virtual machine: {} guest instructions, expected {expected}",
            p.name, c.guest
        ));
    }
    Ok((c, t))
}

/// A program that loops on one privileged instruction.
pub struct Trap {
    /// The instruction, as the table names it.
    pub name: &'static str,
    /// What it does in the loop.
    pub what: &'static str,
    /// Its opcode (first byte), to find its events in the trap log.
    pub opcode: u8,
    program: Program,
}

/// Iterations of each trap loop: more than the trap log's ring holds, so the events
/// looked at are all from the loop's steady state.
pub const TRAP_ITERATIONS: u64 = 1000;

macro_rules! trap {
    ($name:expr, $what:expr, $op:expr, $body:expr, $data:expr) => {
        trap!($name, $what, $op, $body, $data, 2)
    };
    ($name:expr, $what:expr, $op:expr, $body:expr, $data:expr, $per:expr) => {
        Trap {
            name: $name,
            what: $what,
            opcode: $op,
            program: Program {
                name: $name,
                what: $what,
                source: concat!(
                    "\n         L     5,COUNT\n         LA    3,2048\n",
                    $body,
                    "\n         BCT   5,TOP\n@EPILOGUE\nCOUNT    DC    F'&COUNT'\n",
                    $data,
                    "\n         END\n"
                ),
                setup: 1 + 2,
                per_iteration: $per,
                iterations: TRAP_ITERATIONS,
            },
        }
    };
}

/// The trap loops: each iteration is the privileged instruction and a BCT (the SIO
/// with I/O, its LPSW of a wait PSW too). R3 holds X'800' (a storage block for SSK and
/// ISK).
pub const TRAPS: [Trap; 10] = [
    trap!(
        "LPSW",
        "LPSW of a PSW that goes on at the next instruction",
        0x82,
        "TOP      LPSW  NEXTPSW\nBACK     DS    0H",
        "         DS    0D\nNEXTPSW  DC    X'00000000',A(BACK)"
    ),
    trap!(
        "SSM",
        "SSM X'00' (all interruptions stay disabled)",
        0x80,
        "TOP      SSM   MASK",
        "MASK     DC    X'00'"
    ),
    trap!(
        "SSK",
        "SSK key 0 on the block at X'800'",
        0x08,
        "TOP      SSK   2,3",
        ""
    ),
    trap!(
        "ISK",
        "ISK of the block at X'800'",
        0x09,
        "TOP      ISK   2,3",
        ""
    ),
    trap!(
        "DIAGNOSE",
        "DIAGNOSE X'60' (the storage size)",
        0x83,
        "TOP      DC    X'83230060'       DIAG 2,3,X'60'",
        ""
    ),
    trap!(
        "SIO",
        "SIO to 0FF, a device the machine lacks (CC 3)",
        0x9C,
        "TOP      SIO   X'0FF'",
        ""
    ),
    trap!(
        "SIO+I/O",
        "SIO 009, a no-op CCW; LPSW of an enabled wait PSW; the I/O interruption",
        0x9C,
        "TOP      SIO   X'009'\n         LPSW  WAITIO\nBACK     DS    0H",
        "         DS    0D\nWAITIO   DC    X'80020000',A(0)\nNOPCCW   DC    X'03',AL3(0),X'20',AL1(0),H'1'\n         ORG   BENCH+X'48'\n         DC    A(NOPCCW)\n         ORG   BENCH+X'78'\n         DC    X'00000000',A(BACK)\n         ORG",
        3
    ),
    trap!(
        "TIO",
        "TIO of the console, 009",
        0x9D,
        "TOP      TIO   X'009'",
        ""
    ),
    trap!(
        "STCTL",
        "STCTL 0,0 (control register 0)",
        0xB6,
        "TOP      STCTL 0,0,SAVE",
        "SAVE     DC    F'0'"
    ),
    trap!(
        "STPT",
        "STPT (the virtual CPU timer)",
        0xB2,
        "TOP      STPT  SAVED",
        "         DS    0D\nSAVED    DC    D'0'"
    ),
];

/// One line of the trap-cost table.
#[derive(Clone, Debug, PartialEq)]
pub struct TrapRow {
    pub name: &'static str,
    pub what: &'static str,
    /// CP instructions from the trap to the redispatch, the commonest value over the
    /// trap log's events of the loop (what one trap costs when nothing else happens).
    pub typical: u64,
    /// The fewest and the most over those events (a time slice's end, a timer, falls
    /// into some).
    pub min: u64,
    pub max: u64,
    /// Events looked at.
    pub events: usize,
    /// The whole loop: CP instructions per iteration, everything included.
    pub mean: f64,
}

/// Run every trap loop in the virtual machine with the trap log on.
pub fn run_traps(rig: &mut VmRig, progress: &mut dyn FnMut(&str)) -> Result<Vec<TrapRow>, String> {
    rig.sys.machine.cpu.traps.enable();
    let cr1 = rig.guest_cr1()?;
    let mut rows = Vec::new();
    for t in &TRAPS {
        let p = &t.program;
        let expected = p.instructions(p.iterations);
        let img = image(p, p.iterations)?;
        rig.place(&img)?;
        let seen = rig.sys.machine.cpu.traps.written();
        let (c, _) = rig.restart(10 * SEC, 10 * MS)?;
        if c.guest != expected {
            return Err(format!(
                "{} loop in the virtual machine: {} guest instructions, expected {expected}",
                t.name, c.guest
            ));
        }
        let mut costs: Vec<u64> = rig
            .sys
            .machine
            .cpu
            .traps
            .since(seen)
            .filter(|e| e.cr1 == cr1 && e.bytes[0] == t.opcode && e.next_cr1 == cr1)
            .filter_map(|e| e.cp_instructions)
            .collect();
        if costs.is_empty() {
            return Err(format!("{}: no trap logged", t.name));
        }
        costs.sort_unstable();
        let mut typical = (0, 0);
        let mut i = 0;
        while i < costs.len() {
            let run = costs[i..].iter().take_while(|&&c| c == costs[i]).count();
            if run > typical.1 {
                typical = (costs[i], run);
            }
            i += run;
        }
        let row = TrapRow {
            name: t.name,
            what: t.what,
            typical: typical.0,
            min: costs[0],
            max: costs[costs.len() - 1],
            events: costs.len(),
            mean: c.cp as f64 / p.iterations as f64,
        };
        progress(&format!(
            "{}: {} CP instructions per trap ({} of {} events; {}-{})",
            t.name, row.typical, typical.1, row.events, row.min, row.max
        ));
        rows.push(row);
    }
    Ok(rows)
}

/// The trap-cost table, as Markdown.
pub fn trap_table(rows: &[TrapRow]) -> String {
    let mut s = String::from(
        "| trapped instruction | CP instructions per trap | fewest-most | per loop iteration, all in |\n\
         |---|---:|---:|---:|\n",
    );
    for r in rows {
        s.push_str(&format!(
            "| {} ({}) | {} | {}-{} | {:.1} |\n",
            r.name, r.what, r.typical, r.min, r.max, r.mean
        ));
    }
    s
}

/// The VM table: bare and virtual machine side by side, as Markdown.
pub fn vm_table(rows: &[super::Row]) -> String {
    let mut s = String::from(
        "| program | guest instructions | CP instructions | CP per 1M guest | dispatches | bare MIPS | VM guest MIPS | VM/bare | Hercules MIPS |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for b in rows {
        let Some(v) = &b.vm else { continue };
        let bare_mips = Some(b.cpcms_mips);
        s.push_str(&format!(
            "| {} | {} | {} | {:.0} | {} | {} | {:.0} | {} | {} |\n",
            b.name,
            v.counts.guest,
            v.counts.cp,
            v.counts.cp as f64 * 1e6 / v.counts.guest.max(1) as f64,
            v.counts.dispatches,
            bare_mips.map_or("-".into(), |m| format!("{m:.0}")),
            v.guest_mips,
            bare_mips.map_or("-".into(), |m| format!("{:.3}", v.guest_mips / m.max(1e-9))),
            b.hercules_mips.map_or("-".into(), |m| format!("{m:.0}")),
        ));
    }
    s
}

/// Where CP's instructions go: for a trap loop (`name` one of [`TRAPS`]) per iteration
/// (one trapped instruction; SIO+I/O's: two and an I/O interruption), for the register or storage loop (at `scale`) per dispatch of the guest
/// (a time slice's end and the redispatch). By CP routine (the nearest label at or
/// before each instruction CP ran, among CP's own labels), most first. Runs the program
/// once more with an instruction tracer (slow, for looking, not for timing).
pub fn trap_profile(
    rig: &mut VmRig,
    name: &str,
    scale: f64,
) -> Result<(String, Vec<(String, f64)>), String> {
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::rc::Rc;

    struct Counter(Rc<RefCell<HashMap<u32, u64>>>);
    impl crate::cpu::Tracer for Counter {
        fn instruction(&mut self, cpu: &crate::cpu::Cpu, addr: u32, _bytes: &[u8]) {
            if cpu.psw() & (1 << 48) == 0 {
                *self.0.borrow_mut().entry(addr).or_default() += 1;
            }
        }
    }
    let (p, iterations, per) = match TRAPS.iter().find(|t| t.name.eq_ignore_ascii_case(name)) {
        Some(t) => (&t.program, t.program.iterations, "loop iteration"),
        None => {
            let p = vm_programs()
                .find(|p| p.name.eq_ignore_ascii_case(name))
                .ok_or_else(|| format!("no trap loop or program {name}"))?;
            (p, ((p.iterations as f64 * scale) as u64).max(1), "dispatch")
        }
    };
    let img = image(p, iterations)?;
    rig.place(&img)?;
    let counts = Rc::new(RefCell::new(HashMap::new()));
    rig.sys
        .machine
        .set_tracer(Some(Box::new(Counter(Rc::clone(&counts)))));
    let r = rig.restart(10 * SEC * (p.instructions(iterations) / 1_000_000 + 1), SEC);
    rig.sys.machine.set_tracer(None);
    let (c, _) = r?;
    let divide = if per == "loop iteration" {
        iterations
    } else {
        c.dispatches.max(1)
    };
    // CP's code labels: symbols outside DSECTs, at or above CPCODE (EQUs below it).
    let code = rig.sys.cp.symbols.get("CPCODE").map_or(0x1000, |s| s.value);
    let mut labels: Vec<(u32, &str)> = rig
        .sys
        .cp
        .symbols
        .iter()
        .filter(|(_, s)| s.dsect.is_none() && s.value >= code)
        .map(|(n, s)| (s.value, n.as_str()))
        .collect();
    labels.sort();
    let mut by: HashMap<&str, u64> = HashMap::new();
    for (&a, &n) in counts.borrow().iter() {
        let i = labels.partition_point(|&(v, _)| v <= a);
        let l = if i == 0 { "?" } else { labels[i - 1].1 };
        *by.entry(l).or_default() += n;
    }
    let mut out: Vec<(String, f64)> = by
        .into_iter()
        .map(|(l, n)| (l.to_string(), n as f64 / divide as f64))
        .collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    Ok((per.to_string(), out))
}
