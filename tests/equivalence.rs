//! Equivalence (issue 12): the standalone programs of `tests/hercules/*.asm`, which
//! `tests/hercules.rs` runs on the bare machine, run in a virtual machine under CP and
//! must end exactly as on the bare machine: the same PSW, registers and storage (the
//! `*  DUMP` ranges), compared with the same golden file (Hercules 3.13's result).
//!
//! How a program gets into the virtual machine: the way an operator ran a standalone
//! program on a real machine, and a user on VM/370. One system is booted with one user,
//! EQUIV, whose machine has 2M like the Hercules configuration; LOGON IPLs CMS. For each
//! program the user types, on the terminal:
//!
//! ```text
//!  #CP SYSTEM CLEAR            storage zeros, keys 0, registers 0, CRs as at power-on
//!  #CP STORE S000000 hex...    the image, 48 bytes a line (zero lines skipped: the
//!                              storage is clear)
//!  #CP SYSTEM RESTART          PSW at 8, the PSW at 0 loaded (Hercules' `restart`)
//!  #CP EXTERNAL                the interrupt key, for a program that asks for it
//!                              (`*  INTERRUPT KEY`, Hercules' `ext`)
//! ```
//!
//! and waits for `DISABLED WAIT PSW`. The final state is read as a hardware monitor
//! would: the virtual PSW and registers in the user's VMBLOK (VMPSW, VMGPRS), and the
//! storage through the segment and page tables CP keeps for the machine.
//!
//! Not every program can run yet: [`PROGRAMS`] names each with what keeps it out (the
//! instruction CP does not emulate, or an architected difference a virtual machine
//! has), and the test prints that list. A program is never left out silently: a new
//! `tests/hercules/*.asm` that is not in the table fails the test.
//!
//! `cargo test --release --test equivalence -- --nocapture` shows the list;
//! `CPCMS_EQUIV_ROMS=roms` runs it against the CP and CMS in roms/ without rebuilding.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use cpcms::cpu::{TOD_PER_SECOND, TOD_PER_US};
use cpcms::machine::Status;
use cpcms::sysgen::{SysConfig, System, User};

const MS: u64 = 1000 * TOD_PER_US;
const SEC: u64 = TOD_PER_SECOND;

/// Why a program can or cannot run in a virtual machine today.
enum Verdict {
    /// It runs under CP and must give the golden result.
    Runs,
    /// It cannot yet: the reason, as the test prints it. (Every program runs now;
    /// the variant stays for the next one that cannot.)
    #[allow(dead_code)]
    Not(&'static str),
}
use Verdict::{Not, Runs};

/// Every program in tests/hercules, with its verdict.
const PROGRAMS: &[(&str, Verdict)] = &[
    ("atomic", Runs),
    ("branch", Runs),
    ("decimal", Runs),
    ("fixed", Runs),
    ("logical", Runs),
    ("storage", Runs),
    ("float", Runs),
    ("pgmbc", Runs),
    ("svc", Runs),
    ("sigp", Runs),
    ("io3215", Runs),
    ("keys", Runs),
    ("ioec", Runs),
    ("pgmec", Runs),
    ("timer", Runs),
    ("itimer", Runs),
    ("extaddr", Runs),
    ("extsig", Runs),
    ("dat", Runs),
    ("ifetch", Runs),
    ("segprot", Runs),
    ("lowprot", Runs),
    ("per", Runs),
    ("per2", Runs),
    ("das", Runs),
    ("assist", Runs),
    ("ext370", Runs),
    ("opsweep", Runs),
    ("prefix", Runs),
    ("per3", Runs),
    ("keys2", Runs),
];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hercules")
}

/// The final state as the golden files have it.
#[derive(Debug, PartialEq, Eq)]
struct State {
    result: String,
    psw: u64,
    gpr: [u32; 16],
    mem: Vec<(u32, u32)>,
}

impl State {
    /// Parse a golden file (`cpcms ipl` output format).
    fn parse(text: &str) -> State {
        let mut s = State {
            result: String::new(),
            psw: 0,
            gpr: [0; 16],
            mem: Vec::new(),
        };
        for l in text.lines() {
            if let Some(v) = l.strip_prefix("RESULT=") {
                s.result = v.to_string();
            } else if let Some(v) = l.strip_prefix("PSW=") {
                s.psw = u64::from_str_radix(v, 16).expect("PSW");
            } else if let Some((a, ws)) = l.strip_prefix("MEM ").and_then(|x| x.split_once(':')) {
                let a = u32::from_str_radix(a, 16).expect("MEM address");
                for (i, w) in ws.split_whitespace().enumerate() {
                    s.mem
                        .push((a + 4 * i as u32, u32::from_str_radix(w, 16).expect("word")));
                }
            } else if let Some((r, v)) = l.strip_prefix('R').and_then(|x| x.split_once('='))
                && let Ok(r) = r.parse::<usize>()
            {
                s.gpr[r] = u32::from_str_radix(v, 16).expect("register");
            }
        }
        s.normalized()
    }

    /// The ILC bits of a BC-mode current PSW are not architected (as tests/hercules.rs).
    fn normalized(mut self) -> State {
        if self.psw & (1 << 51) == 0 {
            self.psw &= !0xC000_0000;
        }
        self
    }

    fn fields(&self) -> Vec<(String, String)> {
        let mut f = vec![
            ("RESULT".to_string(), self.result.clone()),
            ("PSW".to_string(), format!("{:016X}", self.psw)),
        ];
        for (i, g) in self.gpr.iter().enumerate() {
            f.push((format!("R{i}"), format!("{g:08X}")));
        }
        for (a, w) in &self.mem {
            f.push((format!("MEM {a:06X}"), format!("{w:08X}")));
        }
        f
    }
}

/// Field by field: "" when equal.
fn diff(golden: &State, vm: &State) -> String {
    let g: BTreeMap<String, String> = golden.fields().into_iter().collect();
    let mut out = String::new();
    for (k, v) in vm.fields() {
        match g.get(&k) {
            Some(gv) if *gv == v => {}
            gv => out.push_str(&format!(
                "  {k:<11} bare (golden): {}   virtual machine: {v}\n",
                gv.map_or("(none)", |s| s.as_str())
            )),
        }
    }
    out
}

/// `*  DUMP aaa.lll` lines of a program.
fn dump_ranges(src: &str) -> Vec<(u32, u32)> {
    src.lines()
        .filter_map(|l| {
            l.strip_prefix('*')?
                .trim()
                .strip_prefix("DUMP ")?
                .split_once('.')
        })
        .map(|(a, l)| {
            (
                u32::from_str_radix(a.trim(), 16).expect("DUMP address"),
                u32::from_str_radix(l.trim(), 16).expect("DUMP length"),
            )
        })
        .collect()
}

/// A booted system with one user at terminal 0, logged on.
struct Rig {
    sys: System,
    cursor: u64,
}

impl Rig {
    fn boot() -> Rig {
        let cfg = SysConfig {
            storage: 8 * 1024 * 1024,
            mips: 1.0,
            tod_epoch: cpcms::scenario::units::parse_date(cpcms::scenario::DEFAULT_DATE)
                .expect("date"),
            terminals: 1,
            users: vec![User {
                id: "EQUIV".into(),
                password: "EQUIV".into(),
                storage: 2 * 1024 * 1024,
                classes: "G".into(),
                // A reader and a punch, no printer: like the bare machine, which
                // has nothing at 00E (io3215 expects CC 3 there).
                spool: [
                    cpcms::sysgen::DEFAULT_SPOOL[0],
                    cpcms::sysgen::DEFAULT_SPOOL[1],
                    None,
                ],
            }],
            disks: Vec::new(),
            storage_at: None,
            volumes: Vec::new(),
            paging: None,
        };
        // CPCMS_EQUIV_ROMS=DIR: CP and CMS from DIR/cp and DIR/cms, without rebuilding.
        let roms = std::env::var_os("CPCMS_EQUIV_ROMS").map(PathBuf::from);
        let sys = System::boot(&cfg, roms.as_deref()).expect("boot");
        let mut rig = Rig { sys, cursor: 0 };
        rig.wait_for("VM/370 ONLINE", SEC).expect("greeting");
        rig.type_line("LOGON EQUIV EQUIV");
        rig.wait_for("CMS VERSION", 10 * SEC).expect("LOGON");
        rig
    }

    fn now(&self) -> u64 {
        self.sys.machine.now()
    }

    fn view(&self) -> cpcms::devices::transcript::Transcript<'_> {
        self.sys
            .machine
            .transcript(self.sys.terminals[0])
            .unwrap_or_default()
    }

    fn type_line(&mut self, text: &str) {
        self.sys
            .machine
            .type_line(self.sys.terminals[0], text)
            .expect("type");
        self.cursor = self.cursor.max(self.view().end());
    }

    /// Run until the terminal shows `text` after the cursor (at most `within`); the
    /// cursor moves past it.
    fn wait_for(&mut self, text: &str, within: u64) -> Result<(), String> {
        let deadline = self.now() + within;
        loop {
            let view = self.view();
            let rest = view.since(self.cursor).0;
            if let Some(p) = rest.find(text) {
                self.cursor = view.end() - (rest.len() - p - text.len()) as u64;
                return Ok(());
            }
            if self.now() >= deadline {
                let tail: Vec<&str> = rest.lines().rev().take(6).collect();
                return Err(format!("no {text:?}; the terminal last showed {tail:?}"));
            }
            let step = (deadline - self.now()).min(10 * MS);
            match self.sys.machine.run_until(self.now() + step) {
                Status::DisabledWait(psw) => {
                    let m = &self.sys.machine;
                    let hex = |a: u32, n: u32| -> String {
                        m.peek(a, n)
                            .unwrap()
                            .iter()
                            .map(|b| format!("{b:02X}"))
                            .collect()
                    };
                    return Err(format!(
                        "the real machine stopped: PSW {psw:016X} (program old PSW {}, code {}, INTREGS {})",
                        hex(0x28, 8),
                        hex(0x8C, 4),
                        hex(0x200, 64)
                    ));
                }
                Status::Checkstop => return Err("the real machine checkstopped".into()),
                _ => {}
            }
        }
    }

    fn sym(&self, name: &str) -> u32 {
        self.sys.cp.symbols[name].value
    }

    fn word(&self, a: u32) -> u32 {
        u32::from_be_bytes(self.sys.machine.peek(a, 4).unwrap().try_into().unwrap())
    }

    /// EQUIV's VMBLOK: the slot whose VMUSER is EQUIV (OPERATOR's comes first).
    fn vmblok(&self) -> u32 {
        let (table, len, count) = (self.sym("VMTABLE"), self.sym("VMBLKLEN"), self.sym("NUMVM"));
        let user = self.sym("VMUSER");
        // "EQUIV   " in EBCDIC.
        let want = [0xC5, 0xD8, 0xE4, 0xC9, 0xE5, 0x40, 0x40, 0x40];
        (0..count)
            .map(|i| table + i * len)
            .find(|&vm| self.sys.machine.peek(vm + user, 8).unwrap() == want)
            .expect("EQUIV's VMBLOK")
    }

    /// A word of the guest's storage, through its DAT tables (no frame: zero).
    fn guest_word(&self, a: u32) -> u32 {
        let vm = self.vmblok();
        let tables = self.word(vm + self.sym("VMTABLES"));
        let ste = self.word(tables + (a >> 16) * 4);
        if ste & 1 != 0 {
            return 0;
        }
        let pte = self.word((ste & 0x00FF_FFF8) + ((a >> 12) & 15) * 2) >> 16;
        if pte & 8 != 0 {
            return 0;
        }
        self.word(((pte & 0xFFF0) << 8) + (a & 0xFFF))
    }

    /// Plant, restart, wait for the disabled wait; the final state.
    fn run(&mut self, image: &[u8], dumps: &[(u32, u32)], key: bool) -> Result<State, String> {
        self.type_line("#CP SYSTEM CLEAR");
        self.wait_for("STORAGE CLEARED - SYSTEM RESET", SEC)?;
        for (n, chunk) in image.chunks(48).enumerate() {
            if chunk.iter().all(|b| *b == 0) {
                continue;
            }
            let hex: String = chunk.iter().map(|b| format!("{b:02X}")).collect();
            self.type_line(&format!("#CP STORE S{:06X} {hex}", 48 * n));
            self.wait_for("STORE COMPLETE", SEC)?;
        }
        self.type_line("#CP SYSTEM RESTART");
        if key {
            // `*  INTERRUPT KEY`: the operator presses it right after the start
            // (Hercules' `ext`); CP's EXTERNAL command is a virtual machine's key.
            self.type_line("#CP EXTERNAL");
        }
        let result = match self.wait_for("DISABLED WAIT PSW", 20 * SEC) {
            Ok(()) => "WAIT",
            Err(e) if e.contains("real machine") => return Err(e),
            Err(_) => "TIMEOUT",
        };
        let vm = self.vmblok();
        let psw = self.sys.machine.peek(vm + self.sym("VMPSW"), 8).unwrap();
        let mut gpr = [0; 16];
        for (i, g) in gpr.iter_mut().enumerate() {
            *g = self.word(vm + self.sym("VMGPRS") + 4 * i as u32);
        }
        let mut mem = Vec::new();
        for &(a, l) in dumps {
            for w in (a..a + l).step_by(4) {
                mem.push((w, self.guest_word(w)));
            }
        }
        Ok(State {
            result: result.into(),
            psw: u64::from_be_bytes(psw.try_into().unwrap()),
            gpr,
            mem,
        }
        .normalized())
    }
}

/// Every program of tests/hercules is in PROGRAMS, once.
#[test]
fn every_hercules_program_is_named() {
    let mut on_disk: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .filter_map(|e| {
            let n = e.ok()?.file_name().into_string().ok()?;
            n.strip_suffix(".asm").map(str::to_string)
        })
        .collect();
    on_disk.sort();
    let mut named: Vec<String> = PROGRAMS.iter().map(|(n, _)| n.to_string()).collect();
    named.sort();
    assert_eq!(
        on_disk, named,
        "tests/hercules/*.asm and PROGRAMS in tests/equivalence.rs must name the same programs"
    );
}

/// The programs that run end as on the bare machine; the list of those that cannot yet
/// is printed with the reason.
#[test]
fn hercules_programs_in_a_virtual_machine() {
    let mut rig = Rig::boot();
    let mut report = String::new();
    let mut ran = 0;
    println!("equivalence: the tests/hercules programs in a virtual machine under CP");
    // CPCMS_EQUIV_ONLY=a,b: only these programs, whatever their verdict (to work on one).
    let only = std::env::var("CPCMS_EQUIV_ONLY").ok();
    let only: Option<Vec<&str>> = only.as_deref().map(|s| s.split(',').collect());
    for (name, verdict) in PROGRAMS {
        if let Some(o) = &only
            && !o.contains(name)
        {
            continue;
        }
        let reason = match verdict {
            _ if only.is_some() => name,
            Not(r) => {
                println!("  {name:<8} cannot run yet: {r}");
                continue;
            }
            Runs => name,
        };
        let asm = format!("{reason}.asm");
        let src = std::fs::read_to_string(dir().join(&asm)).expect("source");
        let a = cpcms::asm::assemble(&asm, &|f: &str| std::fs::read_to_string(dir().join(f)).ok())
            .unwrap_or_else(|e| panic!("{asm}:\n{}", e.join("\n")));
        assert_eq!(a.origin, 0, "{asm}: the image starts at 0");
        let golden = State::parse(
            &std::fs::read_to_string(dir().join(format!("{name}.golden"))).expect("golden"),
        );
        let start = rig.now();
        let key = src
            .lines()
            .any(|l| l.strip_prefix('*').map(str::trim) == Some("INTERRUPT KEY"));
        match rig.run(&a.image, &dump_ranges(&src), key) {
            Ok(vm) => {
                let d = diff(&golden, &vm);
                let ms = (rig.now() - start) / MS;
                if d.is_empty() {
                    println!("  {name:<8} same as the bare machine ({ms} ms virtual)");
                    ran += 1;
                } else {
                    println!("  {name:<8} DIFFERS from the bare machine");
                    report.push_str(&format!("{name}:\n{d}"));
                }
            }
            Err(e) => {
                println!("  {name:<8} FAILED: {e}");
                report.push_str(&format!("{name}: {e}\n"));
            }
        }
    }
    let runs = PROGRAMS.iter().filter(|(_, v)| matches!(v, Runs)).count();
    println!(
        "equivalence: {ran} of {runs} runnable programs as on the bare machine; {} of {} cannot run yet",
        PROGRAMS.len() - runs,
        PROGRAMS.len()
    );
    assert!(report.is_empty(), "in a virtual machine:\n{report}");
}

/// The final state of a program on cpcms's own bare CPU (`cpcms ipl`, which
/// tests/hercules.rs holds to Hercules), with the storage of 2M as in the rig.
fn bare_state(name: &str, image: &[u8], dumps: &[(u32, u32)]) -> State {
    let img = std::env::temp_dir().join(format!("cpcms-vdat-{}-{name}.bin", std::process::id()));
    std::fs::write(&img, image).unwrap();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_cpcms"));
    cmd.arg("ipl").arg("--core").arg(&img).args([
        "--storage",
        "2M",
        "--max-instructions",
        "10000000",
    ]);
    for (a, l) in dumps {
        cmd.args(["--dump", &format!("{a:X}.{l:X}")]);
    }
    let out = cmd.output().expect("cpcms ipl");
    let _ = std::fs::remove_file(&img);
    assert!(out.status.success(), "cpcms ipl {name}: {:?}", out);
    State::parse(&String::from_utf8_lossy(&out.stdout))
}

/// Virtual DAT beyond what tests/hercules exercises (tests/vdat/*.asm: 2K pages and 1M
/// segments, emulated instructions' operands at virtual addresses, guest tables that
/// name storage the machine does not have, a random stream of DAS instructions): each
/// ends in a virtual machine as on the bare CPU.
#[test]
fn virtual_dat_programs_as_on_the_bare_cpu() {
    let vdir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vdat");
    let mut names: Vec<String> = std::fs::read_dir(&vdir)
        .unwrap()
        .filter_map(|e| {
            let n = e.ok()?.file_name().into_string().ok()?;
            n.strip_suffix(".asm").map(str::to_string)
        })
        .collect();
    names.sort();
    assert!(!names.is_empty(), "tests/vdat holds the programs");
    let mut rig = Rig::boot();
    let mut report = String::new();
    for name in &names {
        let asm = format!("{name}.asm");
        let src = std::fs::read_to_string(vdir.join(&asm)).expect("source");
        let a = cpcms::asm::assemble(&asm, &|f: &str| std::fs::read_to_string(vdir.join(f)).ok())
            .unwrap_or_else(|e| panic!("{asm}:\n{}", e.join("\n")));
        let dumps = dump_ranges(&src);
        let bare = bare_state(name, &a.image, &dumps);
        assert_eq!(
            bare.result, "WAIT",
            "{name} ends in its disabled wait on the bare CPU"
        );
        match rig.run(&a.image, &dumps, false) {
            Ok(vm) => {
                let d = diff(&bare, &vm);
                if d.is_empty() {
                    println!("  {name:<8} same as the bare CPU");
                } else {
                    println!("  {name:<8} DIFFERS from the bare CPU");
                    report.push_str(&format!("{name}:\n{d}"));
                }
            }
            Err(e) => report.push_str(&format!("{name}: {e}\n")),
        }
    }
    assert!(report.is_empty(), "in a virtual machine:\n{report}");
}

/// The register and storage loops of `cpcms bench`, in EC mode with DAT off or on (4K
/// pages, 64K segments, one to one): `@PSW` is the PSW's first word.
const LOOPS: &str = r"
PERF     START 0
         DC    X'0000000000000200'
         ORG   PERF+X'68'
         DC    X'0002000000000BAD'
         ORG   PERF+X'200'
         BALR  12,0
         USING *,12
         LCTL  0,1,CRS
         LPSW  GOPSW
GO       L     5,COUNT
TOP      AR    1,2
         XR    3,1
         LR    4,3
         L     6,WORD1
         A     6,WORD2
         ST    6,WORD3
         MVC   BUF2,BUF1
         CLC   BUF2,BUF1
         BCT   5,TOP
         LPSW  DONE
         DS    0D
DONE     DC    X'000200000000C0DE'
GOPSW    DC    X'@PSW',A(GO)
CRS      DC    X'00800000',A(X'4000')
COUNT    DC    F'200000'
WORD1    DC    F'1234567'
WORD2    DC    F'7654321'
WORD3    DC    F'0'
BUF1     DC    CL16'SYSTEM/370 CPCMS'
BUF2     DC    CL16' '
         ORG   PERF+X'4000'
         DC    X'F0004100',15F'1'
         ORG   PERF+X'4100'
         DC    X'0000001000200030004000500060007000800090'
         DC    X'00A000B000C000D000E000F0'
         END
";

impl Rig {
    /// Plant `image`, restart it, wait for its disabled wait: the instructions the real
    /// CPU ran meanwhile in problem state (the guest's) and in supervisor state (CP's).
    fn run_counted(&mut self, image: &[u8]) -> Result<(u64, u64), String> {
        self.type_line("#CP SYSTEM CLEAR");
        self.wait_for("STORAGE CLEARED - SYSTEM RESET", SEC)?;
        for (n, chunk) in image.chunks(48).enumerate() {
            if chunk.iter().all(|b| *b == 0) {
                continue;
            }
            let hex: String = chunk.iter().map(|b| format!("{b:02X}")).collect();
            self.type_line(&format!("#CP STORE S{:06X} {hex}", 48 * n));
            self.wait_for("STORE COMPLETE", SEC)?;
        }
        let count = |rig: &Rig| {
            let cpu = &rig.sys.machine.cpu;
            let guest: u64 = cpu.problem_instructions.iter().map(|(_, n)| n).sum();
            (guest, cpu.instructions)
        };
        let (g0, t0) = count(self);
        self.type_line("#CP SYSTEM RESTART");
        self.wait_for("DISABLED WAIT PSW '00020000 0000C0DE'", 60 * SEC)?;
        let (g1, t1) = count(self);
        Ok((g1 - g0, (t1 - t0) - (g1 - g0)))
    }
}

/// What shadow tables cost once they are filled: the loops with DAT on run with no more
/// CP instructions per guest instruction than with DAT off, give or take the few
/// translation exceptions that fill the shadow tables (a page or two of code and data)
/// and the dispatcher's VATRUN per time slice. `-- --nocapture` prints the figures.
#[test]
fn shadow_tables_cost_nothing_once_filled() {
    let mut rig = Rig::boot();
    let mut per = Vec::new();
    for (what, psw) in [("DAT off", "00080000"), ("DAT on", "04080000")] {
        let src = LOOPS.replace("@PSW", psw);
        let a = cpcms::asm::assemble("loops.asm", &|f: &str| {
            (f == "loops.asm").then(|| src.clone())
        })
        .unwrap_or_else(|e| panic!("loops.asm:\n{}", e.join("\n")));
        let (guest, cp) = rig.run_counted(&a.image).expect(what);
        assert!(
            guest >= 200_000 * 9,
            "{what}: the loops ran ({guest} instructions)"
        );
        let ratio = cp as f64 / guest as f64;
        println!(
            "  {what:<7}: {guest} guest instructions, {cp} CP instructions: {ratio:.5} CP per guest"
        );
        per.push(ratio);
    }
    assert!(
        per[1] < per[0] + 0.002,
        "DAT on costs {:.5} CP instructions per guest instruction, DAT off {:.5}",
        per[1],
        per[0]
    );
}

/// A timer that counts to its interruption: the CPU timer or the clock comparator is
/// set 20 ms (20,000 instructions at 1 MIPS) ahead, the interval timer at X'50' to
/// 1,791 (23.3 ms: the bare machine steps its bit 23, 256 units, 300 times a second;
/// CP counts every unit of 13.02 us; both go negative at the seventh step), and R5
/// counts a two-instruction loop until the external interruption, whose new PSW is a
/// disabled wait. `@CR0` enables the one timer, `@SET` sets it.
const TIMER_RACE: &str = r"
TMR      START 0
         DC    X'0000000000000200'
         ORG   TMR+X'58'
         DC    X'00080000',A(DRAIN)  external new PSW: EC, disabled
         ORG   TMR+X'200'
         BALR  12,0
         USING *,12
         SR    5,5
         LCTL  0,0,CR0
*        A request left from before the program (the interval timer's,
*        which went negative while the user typed the image in) is
*        taken here, and forgotten.
         STOSM DUMMY,X'01'
         STNSM DUMMY,X'FE'
DRAIN    MVC   X'58'(8),WAITPSW
@SET
         LPSW  GOPSW
GO       LA    5,1(,5)
         B     GO
         DS    0D
GOPSW    DC    X'01080000',A(GO)     EC, external interruptions enabled
WAITPSW  DC    X'000A00000000E0E0'   EC, disabled wait
CPUT     DC    X'0000000004E20000'   20 ms (20,000 us << 12)
TOD      DS    D
CR0      DC    X'@CR0'
DUMMY    DS    X
         LTORG
         END
";

/// Issue 12, virtual timers: a timer's interruption comes when the real machine's
/// would, not at the end of CP's time slice (50 ms, or 400 ms for a machine running
/// alone). The dispatcher loads the real CPU timer no later than the machine's first
/// timer deadline (vtimer.asm's VTSLICE), so the loop counts to no more than 2% over
/// the bare machine's count for each timer (before, the CPU timer's came at the
/// slice's end: some 25,000 turns instead of 10,000). The clock comparator and the
/// interval timer follow the TOD clock, which also runs while CP emulates the
/// program's SCKC and LPSW, so there the loop may count up to 10% fewer.
#[test]
fn timer_interruptions_come_on_time_not_at_the_slice_end() {
    let cases = [
        ("CPU timer", "00000400", "         SPT   CPUT"),
        (
            "clock comparator",
            "00000800",
            "         STCK  TOD\n         LM    2,3,TOD\n         AL    3,CPUT+4\n         BC    12,*+8\n         LA    2,1(,2)\n         STM   2,3,TOD\n         SCKC  TOD",
        ),
        (
            "interval timer",
            "00000080",
            "         MVC   X'50'(4),=F'1791'     7 x 256 units - 1",
        ),
    ];
    let mut rig = Rig::boot();
    let mut report = String::new();
    for (what, cr0, set) in cases {
        let src = TIMER_RACE.replace("@CR0", cr0).replace("@SET", set);
        let a = cpcms::asm::assemble("timer.asm", &|f: &str| {
            (f == "timer.asm").then(|| src.clone())
        })
        .unwrap_or_else(|e| panic!("timer.asm:\n{}", e.join("\n")));
        let bare = bare_state("timer", &a.image, &[]);
        assert_eq!(bare.result, "WAIT", "{what}: the bare machine takes it");
        let turns = bare.gpr[5];
        assert!(
            (9_000..=12_000).contains(&turns),
            "{what}: 20 ms is about 10,000 turns on the bare machine, not {turns}"
        );
        let vm = rig.run(&a.image, &[], false).expect(what);
        assert_eq!(vm.psw, bare.psw, "{what}: the same disabled wait");
        let n = vm.gpr[5];
        println!("  {what:<16}: bare {turns} turns, virtual machine {n}");
        if u64::from(n) * 50 > u64::from(turns) * 51 || u64::from(n) * 10 < u64::from(turns) * 9 {
            report.push_str(&format!(
                "{what}: {} turns in the virtual machine, {turns} on the bare one\n",
                vm.gpr[5]
            ));
        }
    }
    assert!(report.is_empty(), "late timer interruptions:\n{report}");
}

/// A loop of dual-address-space instructions under CP (DMKDAS; 791 CP instructions
/// each): PC-ss into a second space and PT-ss back, SSAR to make it the secondary
/// space again, SAC into the secondary-space mode and a load there, SAC back, MVCP:
/// six traps a round, 1000 rounds. `-- --nocapture` prints what CP spends on each; the
/// two spaces keep a shadow each (vat.asm), so after the first round no shadow is
/// refilled.
const DASLOOP: &str = r"
DASCOST  START 0
         DC    X'0000000000000200'
         ORG   DASCOST+X'68'
         DC    X'0002000000000BAD'
         ORG   DASCOST+X'200'
         BALR  12,0
         USING *,12
         LCTL  0,15,CRS
         LPSW  GOPSW
GO       L     5,COUNT
         L     7,=A(X'10000')
         LA    1,8
         LA    8,2
TOP      PC    0                     PC-ss to ASN 2; its entry: PT back
         SSAR  8                     ASN 2 the secondary space again
         SAC   X'100'
         L     6,0(,7)               secondary X'10000': real X'30000'
         SAC   0
         MVCP  0(1,7),8(7),9         primary X'10000' <- secondary
         BCT   5,TOP
         LPSW  DONE
ENTRY    PT    3,14
         DS    0D
DONE     DC    X'000200000000C0DE'
GOPSW    DC    X'04080000',A(GO)
COUNT    DC    F'1000'
CRS      DC    X'04800000',X'00003000',F'0',X'80000002'
         DC    X'00000001',X'80005800',F'0',X'00003200'
         DC    6F'0',X'00080005',F'0'
         LTORG
         ORG   DASCOST+X'3000'       ASN 1
         DC    X'F0003100',X'F0003140',14X'00000001'
         ORG   DASCOST+X'3100'
         DC    X'0000001000200030004000500060007000800090'
         DC    X'00A000B000C000D000E000F0'
         ORG   DASCOST+X'3140'
         DC    X'0200021002200230024002500260027002800290'
         DC    X'02A002B002C002D002E002F0'
         ORG   DASCOST+X'3200'       ASN 2
         DC    X'F0003100',X'F0003240',14X'00000001'
         ORG   DASCOST+X'3240'
         DC    X'0300031003200330034003500360037003800390'
         DC    X'03A003B003C003D003E003F0'
         ORG   DASCOST+X'5000'       AFT, AST, authority table
         DC    X'00005100'
         ORG   DASCOST+X'5110'
         DC    X'00005400',F'0',X'00003000',X'80005800'
         DC    X'00005400',F'0',X'00003200',X'80005800'
         ORG   DASCOST+X'5400'
         DC    X'C0000000'
         ORG   DASCOST+X'5800'       linkage table, entry table
         DC    X'00005A00'
         ORG   DASCOST+X'5A00'
         DC    X'FFFF0002',A(ENTRY),F'0',F'0'
         END
";

#[test]
fn das_instructions_cost() {
    let mut rig = Rig::boot();
    let a = cpcms::asm::assemble("dascost.asm", &|f: &str| {
        (f == "dascost.asm").then(|| DASLOOP.to_string())
    })
    .unwrap_or_else(|e| panic!("dascost.asm:\n{}", e.join("\n")));
    let vm = rig.vmblok();
    let purges0 = rig.word(vm + rig.sym("VMVATPRG"));
    let fills0 = rig.word(vm + rig.sym("VMVATFIL"));
    let (guest, cp) = rig.run_counted(&a.image).expect("the DAS loop");
    let purges = rig.word(vm + rig.sym("VMVATPRG")) - purges0;
    let fills = rig.word(vm + rig.sym("VMVATFIL")) - fills0;
    let per = cp as f64 / 6000.0;
    println!(
        "  DAS loop: {guest} guest instructions, {cp} CP instructions: {per:.0} CP per DAS \
         instruction; {fills} shadow fills, {purges} purges"
    );
    assert!(guest >= 6000, "the loop ran ({guest} guest instructions)");
    assert!(
        fills < 50,
        "the two spaces' shadows stay filled ({fills} fills)"
    );
    assert!(per < 1500.0, "{per:.0} CP instructions per DAS instruction");
}
