//! `cpcms bench`: the same standalone programs on cpcms and on Hercules, in one run, with
//! MIPS for each and the ratio.
//!
//! Each program is S/370 assembler embedded here, assembled by our own assembler into a
//! flat image that starts with its restart PSW at X'0' and a program new PSW at X'68'
//! that is a disabled wait at X'BAD'. It sets up, loops a fixed number of times, and
//! ends with LPSW of a disabled wait PSW at X'C0DE', so the instruction count is known
//! in advance: `setup + per_iteration * iterations + 1` (the LPSW).
//!
//! cpcms runs the image on a fresh [`Machine`] (no devices) and is timed around
//! `run_instructions`; the count and the final PSW are checked. Hercules (when
//! `hercules` is on PATH) runs the very same image: `loadcore`, then `restart`,
//! timed from writing `restart` into its command FIFO until it logs the disabled wait
//! (HHCCP011I). Several runs of each take the best time, since the host may be busy.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use crate::asm;
use crate::machine::{Machine, MachineConfig, Status};

pub mod vm;

/// One benchmark program.
pub struct Program {
    /// Short name, e.g. `register`.
    pub name: &'static str,
    /// What it exercises.
    pub what: &'static str,
    /// Assembler source; `&COUNT` is replaced by the iteration count.
    source: &'static str,
    /// Instructions before the loop.
    setup: u64,
    /// Instructions per loop iteration.
    per_iteration: u64,
    /// Iterations in a full run.
    iterations: u64,
}

impl Program {
    /// Instructions executed for `iterations`, the final LPSW included.
    pub fn instructions(&self, iterations: u64) -> u64 {
        self.setup + self.per_iteration * iterations + 1
    }
}

/// Low storage shared by every program: restart PSW, program new PSW, then the code
/// at X'200'.
const PROLOGUE: &str = r"
BENCH    START 0
         DC    X'0000000000000200'   restart PSW: BC mode, key 0, go to X'200'
         ORG   BENCH+X'68'
         DC    X'0002000000000BAD'   program new PSW: disabled wait X'BAD'
         ORG   BENCH+X'200'
         BALR  12,0
         USING *,12
";

const EPILOGUE: &str = r"
         LPSW  DONE
         DS    0D
DONE     DC    X'000200000000C0DE'   disabled wait X'C0DE': finished
";

/// The benchmark programs: (a) registers, (b) storage, (c) decimal and floating point.
pub const PROGRAMS: [Program; 3] = [
    Program {
        name: "register",
        what: "AR/XR/LR/BCT",
        source: r"
         L     5,COUNT
         SR    1,1
         LA    2,1
TOP      AR    1,2
         XR    3,1
         LR    4,3
         BCT   5,TOP
@EPILOGUE
COUNT    DC    F'&COUNT'
         END
",
        setup: 1 + 3,
        per_iteration: 4,
        iterations: 100_000_000,
    },
    Program {
        name: "storage",
        what: "L/A/ST/MVC/CLC/BCT",
        source: r"
         L     5,COUNT
TOP      L     1,WORD1
         A     1,WORD2
         ST    1,WORD3
         MVC   BUF2,BUF1
         CLC   BUF2,BUF1
         BCT   5,TOP
@EPILOGUE
COUNT    DC    F'&COUNT'
WORD1    DC    F'1234567'
WORD2    DC    F'7654321'
WORD3    DC    F'0'
BUF1     DC    CL16'SYSTEM/370 CPCMS'
BUF2     DC    CL16' '
         END
",
        setup: 1 + 1,
        per_iteration: 6,
        iterations: 40_000_000,
    },
    Program {
        name: "decimal+float",
        what: "AP/ZAP/MP/CVD/CVB, LD/AD/MDR/DD/SD/STD/LE/AER/STE/LDR/LTDR/LCDR",
        source: r"
         L     5,COUNT
         ZAP   PACC,PZERO
TOP      AP    PACC,PONE
         ZAP   PPROD,PMULT
         MP    PPROD,PFACT
         CVD   5,PDEC
         CVB   6,PDEC
         LD    0,DONEF          1.0
         AD    0,DTWO           3.0
         MDR   0,0              9.0
         DD    0,DTHREE         3.0
         SD    0,DONEF          2.0
         STD   0,DSAVE
         LE    2,ESHORT         -2.0
         AER   2,2              -4.0
         STE   2,ESAVE
         LDR   4,0
         LTDR  4,4
         LCDR  6,4
         BCT   5,TOP
@EPILOGUE
COUNT    DC    F'&COUNT'
PACC     DC    PL8'0'
PZERO    DC    P'0'
PONE     DC    P'1'
PPROD    DC    PL8'0'
PMULT    DC    P'12345'
PFACT    DC    P'999'
         DS    0D
PDEC     DC    PL8'0'
DONEF    DC    X'4110000000000000'
DTWO     DC    X'4120000000000000'
DTHREE   DC    X'4130000000000000'
DSAVE    DC    D'0'
ESHORT   DC    X'C1200000'
ESAVE    DC    F'0'
         END
",
        setup: 1 + 2,
        per_iteration: 18,
        iterations: 10_000_000,
    },
];

/// Assemble `p` for `iterations`: the flat image from X'0'.
pub fn image(p: &Program, iterations: u64) -> Result<Vec<u8>, String> {
    // The texts start with a newline after their opening quote.
    let body = p
        .source
        .trim_start_matches('\n')
        .replace("@EPILOGUE\n", EPILOGUE.trim_start_matches('\n'))
        .replace("&COUNT", &iterations.to_string());
    let src = format!("{}{body}", PROLOGUE.trim_start_matches('\n'));
    let a = asm::assemble_str("bench.asm", &src).map_err(|e| e.join("\n"))?;
    if a.origin != 0 {
        return Err(format!("{}: image does not start at 0", p.name));
    }
    Ok(a.image)
}

/// CPU time this thread has run, from Linux's `/proc/thread-self/schedstat`.
fn own_cpu_time() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns = s.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// CPU time of every thread of process `pid` (thread id, time).
fn threads_cpu_time(pid: u32) -> Vec<(u32, Duration)> {
    let Ok(dir) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return Vec::new();
    };
    dir.filter_map(|e| {
        let e = e.ok()?;
        let tid = e.file_name().to_str()?.parse().ok()?;
        let s = std::fs::read_to_string(e.path().join("schedstat")).ok()?;
        let ns = s.split_whitespace().next()?.parse().ok()?;
        Some((tid, Duration::from_nanos(ns)))
    })
    .collect()
}

/// How a run was timed: wall time and, where Linux tells, the CPU time of the thread
/// that emulated the CPU (the better measure on a busy host).
#[derive(Clone, Copy, Debug)]
pub struct Timing {
    pub wall: Duration,
    pub cpu: Option<Duration>,
}

impl Timing {
    /// The measure to use: CPU time if known (and `cpu_time`), else wall time. A CPU time
    /// of zero (a run shorter than Linux's accounting saw) is not known.
    fn pick(&self, cpu_time: bool) -> Duration {
        match self.cpu {
            Some(c) if cpu_time && !c.is_zero() => c,
            _ => self.wall,
        }
    }
}

/// Run `image` on cpcms; the elapsed time. Checks the instruction count and that
/// the program ended at its disabled wait X'C0DE'.
pub fn run_cpcms(image: &[u8], expected: u64) -> Result<Timing, String> {
    let mut m = Machine::new(&MachineConfig {
        storage: 2 << 20,
        mips: 100.0,
        tod_epoch: 0,
    });
    m.load(0, image)?;
    let psw = u64::from_be_bytes(
        image
            .get(..8)
            .and_then(|b| b.try_into().ok())
            .unwrap_or([0; 8]),
    );
    m.cpu.set_psw(psw)?;
    let t = Instant::now();
    let c = own_cpu_time();
    let status = m.run_instructions(expected + 1);
    let elapsed = Timing {
        wall: t.elapsed(),
        cpu: own_cpu_time().zip(c).map(|(b, a)| b.saturating_sub(a)),
    };
    let done = m.cpu.instructions;
    match status {
        Status::DisabledWait(p) if p & 0x00FF_FFFF == 0xC0DE && done == expected => Ok(elapsed),
        s => Err(format!(
            "cpcms: ended in {s} after {done} instructions (expected a disabled wait at C0DE after {expected})"
        )),
    }
}

/// A Hercules process driven through its run-commands FIFO (see HERCULES.md).
pub struct Hercules {
    child: Child,
    fifo: std::fs::File,
    lines: Receiver<(Instant, String)>,
    dir: PathBuf,
}

/// Seconds to wait for Hercules to answer a command before giving up.
const HERCULES_PATIENCE: Duration = Duration::from_secs(60);

impl Hercules {
    /// True if `hercules` is on PATH.
    pub fn available() -> bool {
        std::env::var_os("PATH").is_some_and(|paths| {
            std::env::split_paths(&paths).any(|d| d.join("hercules").is_file())
        })
    }

    /// Start Hercules (S/370, 2M, one CPU) in its own temporary directory.
    pub fn start() -> Result<Hercules, String> {
        let dir = std::env::temp_dir().join(format!("cpcms-bench-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let conf = dir.join("bench.cnf");
        std::fs::write(
            &conf,
            "ARCHMODE S/370\nMAINSIZE 2\nNUMCPU 1\nCPUMODEL 3158\n0009 3215-C /\n",
        )
        .map_err(|e| format!("{}: {e}", conf.display()))?;
        let rc = dir.join("rc");
        let ok = Command::new("mkfifo")
            .arg(&rc)
            .status()
            .map_err(|e| format!("mkfifo: {e}"))?;
        if !ok.success() {
            return Err("mkfifo failed".into());
        }
        let mut child = Command::new("hercules")
            .arg("-d")
            .arg("-f")
            .arg(&conf)
            .env("HERCULES_RC", &rc)
            .current_dir(&dir)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("hercules: {e}"))?;
        let out = child.stdout.take().ok_or("hercules: no output")?;
        let (tx, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines() {
                let Ok(line) = line else { break };
                if tx.send((Instant::now(), line)).is_err() {
                    break;
                }
            }
        });
        // Opening the FIFO blocks until Hercules opens it to read its commands.
        let fifo = std::fs::OpenOptions::new()
            .write(true)
            .open(&rc)
            .map_err(|e| format!("{}: {e}", rc.display()))?;
        Ok(Hercules {
            child,
            fifo,
            lines,
            dir,
        })
    }

    fn command(&mut self, cmd: &str) -> Result<Instant, String> {
        let t = Instant::now();
        writeln!(self.fifo, "{cmd}")
            .and_then(|()| self.fifo.flush())
            .map_err(|e| format!("hercules: {cmd}: {e}"))?;
        Ok(t)
    }

    /// Wait for a log line containing `what`; its arrival time and the next line.
    fn expect(&mut self, what: &str, patience: Duration) -> Result<(Instant, String), String> {
        let end = Instant::now() + patience;
        let mut seen: Vec<String> = Vec::new();
        loop {
            let left = end.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok((t, line)) if line.contains(what) => {
                    let next = self
                        .lines
                        .recv_timeout(Duration::from_secs(2))
                        .map(|(_, l)| l)
                        .unwrap_or_default();
                    return Ok((t, format!("{line} {next}")));
                }
                Ok((_, line)) => {
                    if seen.len() == 8 {
                        seen.remove(0);
                    }
                    seen.push(line);
                }
                Err(RecvTimeoutError::Timeout) => {
                    return Err(format!(
                        "hercules: no {what} within {}s; its last words:\n{}",
                        patience.as_secs(),
                        seen.join("\n")
                    ));
                }
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(format!("hercules: ended before {what}"));
                }
            }
        }
    }

    /// Load `image` at 0, restart, and time the run to the disabled wait.
    pub fn run(&mut self, image: &[u8], name: &str) -> Result<Timing, String> {
        let file = self.dir.join(format!("{name}.bin"));
        std::fs::write(&file, image).map_err(|e| format!("{}: {e}", file.display()))?;
        // Now and then Hercules does not answer the first loadcore: ask again.
        let mut tries = 0;
        loop {
            tries += 1;
            self.command(&format!("loadcore {} 0", file.display()))?;
            match self.expect("HHCPN113I", Duration::from_secs(10)) {
                Ok(_) => break,
                Err(e) if tries == 3 => return Err(e),
                Err(_) => {}
            }
        }
        let before = threads_cpu_time(self.child.id());
        let start = self.command("restart")?;
        let (end, text) = self.expect("HHCCP011I", HERCULES_PATIENCE)?;
        let after = threads_cpu_time(self.child.id());
        if !text.contains("C0DE") {
            return Err(format!("hercules: did not end at C0DE: {text}"));
        }
        // The CPU thread is the one that ran the most meanwhile.
        let cpu = after
            .iter()
            .map(|&(tid, t)| {
                let was = before
                    .iter()
                    .find(|b| b.0 == tid)
                    .map_or(Duration::ZERO, |b| b.1);
                t.saturating_sub(was)
            })
            .max();
        Ok(Timing {
            wall: end.saturating_duration_since(start),
            cpu,
        })
    }
}

impl Drop for Hercules {
    fn drop(&mut self) {
        let _ = self.command("quit");
        let end = Instant::now() + Duration::from_secs(5);
        while Instant::now() < end {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// One line of the result table.
pub struct Row {
    pub name: &'static str,
    pub what: &'static str,
    pub instructions: u64,
    pub cpcms_mips: f64,
    /// `None` when Hercules was not run.
    pub hercules_mips: Option<f64>,
    /// The same program in a virtual machine under CP; `None` when not run there.
    pub vm: Option<vm::VmRow>,
}

/// Options of `cpcms bench`.
#[derive(Clone, Debug)]
pub struct Options {
    /// Fraction of the full iteration counts (1.0 = full).
    pub scale: f64,
    /// Runs of each program on each machine; the best counts.
    pub runs: u32,
    /// Also run Hercules (if it is on PATH).
    pub hercules: bool,
    /// Time by the CPU time of the emulating thread (where Linux tells), not wall time.
    pub cpu_time: bool,
}

fn mips(instructions: u64, d: Duration) -> f64 {
    instructions as f64 / d.as_secs_f64().max(1e-9) / 1e6
}

/// Run every program; `progress` hears about each run as it is made (a line each, with
/// the best figure so far), so a long benchmark is never silent. With `rig`, the
/// register and storage loops also run in its virtual machine, each run right after
/// the bare one (so a change in the host's load touches both alike).
pub fn run(
    opts: &Options,
    mut rig: Option<&mut vm::VmRig>,
    progress: &mut dyn FnMut(&str),
) -> Result<Vec<Row>, String> {
    let mut herc = if opts.hercules && Hercules::available() {
        progress("starting Hercules");
        Some(Hercules::start()?)
    } else {
        None
    };
    let runs = opts.runs.max(1);
    progress(&format!(
        "{} programs, {runs} run{} each on cpcms{}{}, the best counting ({} time)",
        PROGRAMS.len(),
        if runs == 1 { "" } else { "s" },
        if rig.is_some() {
            " (register and storage also in a virtual machine under CP)"
        } else {
            ""
        },
        if herc.is_some() {
            " and on Hercules"
        } else {
            ""
        },
        if opts.cpu_time { "CPU" } else { "wall" }
    ));
    let mut rows = Vec::new();
    for (k, p) in PROGRAMS.iter().enumerate() {
        let iterations = ((p.iterations as f64 * opts.scale) as u64).max(1);
        let expected = p.instructions(iterations);
        let img = image(p, iterations)?;
        let mut report = |machine: &str, run: u32, this: Duration, best: Duration, also: &str| {
            progress(&format!(
                "({}/{}) {} on {machine}, run {run} of {runs}: {:.0} MIPS (best {:.0}){also}",
                k + 1,
                PROGRAMS.len(),
                p.name,
                mips(expected, this),
                mips(expected, best)
            ));
        };
        let mut best = Duration::MAX;
        let in_vm = vm::vm_programs().any(|v| v.name == p.name);
        let mut vm_best = Duration::MAX;
        let mut vm_counts = None;
        for r in 1..=runs {
            let t = run_cpcms(&img, expected)?.pick(opts.cpu_time);
            best = best.min(t);
            report("cpcms", r, t, best, "");
            if let Some(rig) = rig.as_deref_mut().filter(|_| in_vm) {
                let (c, t) = vm::run_once(rig, p, iterations)?;
                let t = t.pick(opts.cpu_time);
                vm_best = vm_best.min(t);
                report(
                    "a virtual machine under CP",
                    r,
                    t,
                    vm_best,
                    &format!(
                        " of the guest; {} CP instructions, {} dispatches",
                        c.cp, c.dispatches
                    ),
                );
                vm_counts = Some(c);
            }
        }
        let cpcms_mips = mips(expected, best);
        let vm = vm_counts.map(|counts| vm::VmRow {
            counts,
            guest_mips: mips(counts.guest, vm_best),
        });
        let hercules_mips = match herc.as_mut() {
            Some(h) => {
                let mut best = Duration::MAX;
                for r in 1..=runs {
                    let t = h.run(&img, p.name)?.pick(opts.cpu_time);
                    best = best.min(t);
                    report("Hercules", r, t, best, "");
                }
                Some(mips(expected, best))
            }
            None => None,
        };
        rows.push(Row {
            name: p.name,
            what: p.what,
            instructions: expected,
            cpcms_mips,
            hercules_mips,
            vm,
        });
    }
    Ok(rows)
}

/// The result table, as Markdown.
pub fn table(rows: &[Row]) -> String {
    let mut s = String::from(
        "| program | instructions | cpcms MIPS | Hercules MIPS | cpcms/Hercules |\n\
         |---|---:|---:|---:|---:|\n",
    );
    for r in rows {
        let (h, ratio) = match r.hercules_mips {
            Some(h) => (
                format!("{h:.0}"),
                format!("{:.2}", r.cpcms_mips / h.max(1e-9)),
            ),
            None => ("-".into(), "-".into()),
        };
        s.push_str(&format!(
            "| {} ({}) | {} | {:.0} | {h} | {ratio} |\n",
            r.name, r.what, r.instructions, r.cpcms_mips
        ));
    }
    s
}

/// Write the image of every program into `dir` (for `cpcms ipl --core`).
pub fn write_images(dir: &Path, scale: f64) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for p in &PROGRAMS {
        let iterations = ((p.iterations as f64 * scale) as u64).max(1);
        let file = dir.join(format!("{}.bin", p.name.replace('+', "-")));
        std::fs::write(&file, image(p, iterations)?)
            .map_err(|e| format!("{}: {e}", file.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every program assembles and runs to its wait after exactly the expected count.
    #[test]
    fn programs_run_their_expected_instruction_counts() {
        for p in &PROGRAMS {
            for n in [1, 7] {
                let img = image(p, n).expect("assembles");
                run_cpcms(&img, p.instructions(n)).expect(p.name);
            }
        }
    }

    #[test]
    fn table_has_a_row_per_program() {
        let rows = vec![Row {
            name: "register",
            what: "AR",
            instructions: 5,
            cpcms_mips: 400.0,
            hercules_mips: Some(200.0),
            vm: None,
        }];
        let t = table(&rows);
        assert!(
            t.contains("| register (AR) | 5 | 400 | 200 | 2.00 |"),
            "{t}"
        );
    }
}
