//! Standalone S/370 programs (tests/hercules/*.asm) run through `cpcms ipl` and are
//! checked against what Hercules 3.13, the reference machine, gives for them.
//!
//! - Each program starts with the PSW at X'0', ends in a disabled wait, and leaves its
//!   results in registers and in storage. A comment line `*  DUMP aaa.lll` (hex; the
//!   address and the length multiples of 16) names each storage range compared; a
//!   line `*  INTERRUPT KEY` has the operator press the interrupt key at the start
//!   (`cpcms ipl --interrupt-key`, Hercules' `ext` command).
//! - `tests/hercules/NAME.golden` holds Hercules' final state in `cpcms ipl` output format
//!   (without INSTRUCTIONS). Always compared, so these tests need no Hercules.
//! - With `hercules` on PATH the program ALSO runs live on Hercules and must match
//!   (set `CPCMS_NO_HERCULES=1` to skip the live run).
//! - Re-record on purpose: `CPCMS_RECORD_GOLDEN=1 cargo test --test hercules` (needs
//!   Hercules) rewrites the golden files from Hercules' results.
//!
//! Normalisation: in a BC-mode PSW, bits 32-33 (the ILC) are masked: Hercules shows the
//! ILC of the last instruction in the current PSW, which the architecture does not define
//! for the current PSW. (Old PSWs that a program stores keep their ILC: that is
//! architected.)
//!
//! The programs (each says what it covers in its header):
//!
//! ```text
//!  fixed    fixed-point add/subtract/compare/multiply/divide/shift, cc, overflow (cc 3)
//!  logical  N/O/X in RR, RX, SI and SS forms, TM, CL*, logical shifts, IC/STC/LH/STH/LM/STM
//!  branch   BC masks for every cc, extended mnemonics, BAL/BALR link, BCT/BCTR, BXH/BXLE
//!  storage  MVC (ripple), CLC, TR, TRT, MVN, MVZ, ICM, STCM, CLM, MVCL, CLCL, EX
//!  atomic   CS, CDS, TS
//!  decimal  PACK UNPK MVO ZAP AP SP CP MP DP SRP CVB CVD ED EDMK
//!  pgmbc    BC-mode program interruptions 1-B incl. protection with SSK keys
//!  pgmec    EC-mode program interruptions (X'8C'), special operation, early PSW
//!           specification, SVC in EC mode (X'88'), MONITOR CALL (X'94', X'9C')
//!  svc      BC-mode SVC, EX of SVC, problem state and back
//!  dat      segment/page tables, DAT on, LRA, segment/page-translation exceptions
//!           (X'90'), page-table length, translation specification
//!  timer    CPU timer and clock comparator external interruptions, priority, masking
//!  ifetch   exceptions on instruction fetch: odd address, addressing, protection,
//!           page translation; their ILC and instruction address
//!  itimer   the interval timer at X'50': code X'0080', CR0 bit 24, pending while
//!           masked, after the CPU timer, no request from a negative value, BC mode
//!  per      PER: branch, fetch (EXECUTE target), storage (wrapped area), GR events,
//!           PER with other program exceptions, MC, SVC and LPSW
//!  sigp     SIGP to a CPU that does not exist (cc 3) and to itself; STAP
//!  io3215   SIO with data and command chaining, I/O interruption, CSW, TIO, SENSE, cc 3
//!  ioec     the I/O interruption in EC mode: PSW bit 6 and CR2's channel mask, X'BA'
//!  keys     SSK/ISK in BC and EC mode, reference/change recording, RRB
//!  float    hexadecimal floating point: every arithmetic instruction, the masks,
//!           significance/overflow/underflow/divide exceptions, extended results
//!  opsweep  every one-byte opcode and every second byte of the two-byte groups, once,
//!           in the problem state (E5xx, E6xx also in the supervisor state): which
//!           opcodes the machine knows, and how each ends with harmless operands
//!  ext370   BAS, BASR, MVCIN, IPM, DXR, ISKE, RRBE, SSKE, TB, IPTE; WRD/RDD not
//!           installed; I/O instructions with bits 8-14 set
//!  das      the dual-address-space facility: MVCP, MVCS, MVCK, SAC, IAC, EPAR, ESAR,
//!           IVSK, SSAR, LASP, TPROT, PC, PT, ASN and PC-number translation, the
//!           authority tables, space-switch events, X'90'
//!  assist   the MVS assists E502-E50D (locks obtained, released, refused)
//!  per2     PER: EDMK placing the same address, CS/CDS unequal, STCM mask 0, MVCL
//!           units that store or do not store into the area
//!  extsig   the interrupt key (pressed with `ext`), SIGP emergency signal and
//!           external call to this CPU, their masks and priority
//!  extaddr  X'84'-X'87' after each external condition (CPU timer, clock comparator,
//!           interval timer, interrupt key, emergency signal, external call) in the
//!           BC and the EC mode: the CPU address, zeros or unchanged; the code
//!  lowprot  low-address protection (CR0 bit 3): stores below 512 by ST, MVI, MVC,
//!           STM, MVCL, STOSM, IPTE, TB, across 512, PSW key 0 and 3; TPROT
//!  keys2    LCTL/STCTL whose operand crosses into a 2K block of another key: protection,
//!           nothing loaded or stored; into one of the same key: done
//!  per3     PER of the control instructions CP emulates: storage alteration by STCTL,
//!           STPX, STAP, STPT, STCKC, STNSM, STOSM (and under EXECUTE); GR alteration
//!           by ISK, IPK, ISKE and SIGP with cc 1; LPSW is no successful branch; the
//!           CSW TIO stores; the lock word of the assist E504
//!  prefix   SPX/STPX: real page 0 and the prefix page exchanged for loads, the PSWs
//!           of SVC, program, external and I/O interruptions, the CAW and CSW; CCWs
//!           and data at absolute addresses; the prefix changed while I/O runs; the
//!           last page; beyond storage (addressing), bits 20-31, off a word
//!  segprot  segment protection (segment-table entry bit 29): fetch and instruction
//!           fetch allowed, stores refused with any key, MVC across segments,
//!           priority of translation exceptions, TPROT, LRA, MVCS/MVCP, TB, PTLB;
//!           low-address protection on virtual addresses
//! ```
//!
//! Model-dependent results (unpredictable in the POO) are masked in the programs
//! themselves and say so: the ILC of an I/O old PSW, the rightmost 12 bits of the
//! translation-exception address with 4K pages, and in pgmbc the ILC and address for an
//! odd instruction address (POO: ILC 1-3, the address advanced by as many halfwords;
//! cpcms always 2; Hercules 3.13 apparently the ILC left by an earlier instruction).
//! ifetch.asm checks the fetch exceptions where the two agree (ILC 2).
//!
//! Where Hercules deviates from the Principles of Operation, the golden file holds the
//! POO's result and the test names the deviation ([`Deviation`]): the live comparison
//! then expects exactly Hercules' (wrong) value in that field, so a change on either side
//! is noticed.

#[path = "hercules/runner.rs"]
mod runner;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// A final machine state in the shape `cpcms ipl` prints.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    pub result: String,
    pub psw: u64,
    pub gpr: [u32; 16],
    /// (address, word) for every word of every dump range, in order.
    pub mem: Vec<(u32, u32)>,
}

impl State {
    /// Mask the BC-mode ILC bits (32-33) of the PSW.
    fn normalized(mut self) -> State {
        if self.psw & (1 << 51) == 0 {
            self.psw &= !0xC000_0000;
        }
        self
    }

    /// Field name -> value, in display order.
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

    /// `cpcms ipl` format without the INSTRUCTIONS line.
    fn render(&self) -> String {
        let mut s = format!("RESULT={}\nPSW={:016X}\n", self.result, self.psw);
        for (i, g) in self.gpr.iter().enumerate() {
            s.push_str(&format!("R{i}={g:08X}\n"));
        }
        for line in self.mem.chunks(4) {
            let ws: Vec<String> = line.iter().map(|(_, w)| format!("{w:08X}")).collect();
            s.push_str(&format!("MEM {:06X}: {}\n", line[0].0, ws.join(" ")));
        }
        s
    }

    /// Parse `cpcms ipl` output (INSTRUCTIONS and anything unknown ignored).
    fn parse(text: &str) -> Result<State, String> {
        let mut result = None;
        let mut psw = None;
        let mut gpr = [None; 16];
        let mut mem = Vec::new();
        for l in text.lines() {
            if let Some(v) = l.strip_prefix("RESULT=") {
                result = Some(v.to_string());
            } else if let Some(v) = l.strip_prefix("PSW=") {
                psw = Some(u64::from_str_radix(v, 16).map_err(|_| format!("bad {l:?}"))?);
            } else if let Some((r, v)) = l.strip_prefix('R').and_then(|x| x.split_once('='))
                && let Ok(r) = r.parse::<usize>()
                && r < 16
            {
                gpr[r] = Some(u32::from_str_radix(v, 16).map_err(|_| format!("bad {l:?}"))?);
            } else if let Some((a, ws)) = l.strip_prefix("MEM ").and_then(|x| x.split_once(':')) {
                let a = u32::from_str_radix(a, 16).map_err(|_| format!("bad {l:?}"))?;
                for (i, w) in ws.split_whitespace().enumerate() {
                    let w = u32::from_str_radix(w, 16).map_err(|_| format!("bad {l:?}"))?;
                    mem.push((a + 4 * i as u32, w));
                }
            }
        }
        let mut regs = [0; 16];
        for (i, g) in gpr.iter().enumerate() {
            regs[i] = g.ok_or(format!("no R{i}"))?;
        }
        Ok(State {
            result: result.ok_or("no RESULT")?,
            psw: psw.ok_or("no PSW")?,
            gpr: regs,
            mem,
        })
    }
}

/// A named place where Hercules 3.13 deviates from the Principles of Operation: in
/// `field` (as in [`State::fields`]: "PSW", "R5", "MEM 000804") Hercules gives
/// `hercules`; the POO (and cpcms, and the golden file) says `poo`.
pub struct Deviation {
    pub name: &'static str,
    pub field: &'static str,
    pub hercules: &'static str,
    pub poo: &'static str,
}

/// Replace each deviating field of a Hercules result by the POO value, insisting that
/// Hercules gave exactly the value the deviation describes.
fn apply_deviations(name: &str, s: &mut State, devs: &[Deviation]) -> Result<(), String> {
    let mut errs = String::new();
    for d in devs {
        let got = s
            .fields()
            .into_iter()
            .find(|(k, _)| k == d.field)
            .map(|(_, v)| v);
        if got.as_deref() != Some(d.hercules) {
            errs.push_str(&format!(
                "{name}: deviation \"{}\": Hercules was expected to give {} = {}, gave {:?}\n",
                d.name, d.field, d.hercules, got
            ));
            continue;
        }
        let v = u64::from_str_radix(d.poo, 16).expect("deviation value is hex");
        if d.field == "PSW" {
            s.psw = v;
        } else if let Some(r) = d
            .field
            .strip_prefix('R')
            .and_then(|r| r.parse::<usize>().ok())
        {
            s.gpr[r] = v as u32;
        } else if let Some(a) = d.field.strip_prefix("MEM ") {
            let a = u32::from_str_radix(a, 16).expect("deviation address is hex");
            for (wa, w) in &mut s.mem {
                if *wa == a {
                    *w = v as u32;
                }
            }
        }
    }
    if errs.is_empty() { Ok(()) } else { Err(errs) }
}

/// A readable field-by-field difference ("" when equal).
fn diff(expected: &State, what_e: &str, actual: &State, what_a: &str) -> String {
    let e: BTreeMap<String, String> = expected.fields().into_iter().collect();
    let mut out = String::new();
    let af = actual.fields();
    for (k, v) in &af {
        match e.get(k) {
            Some(ev) if ev == v => {}
            Some(ev) => out.push_str(&format!("  {k:<11} {what_e}: {ev}   {what_a}: {v}\n")),
            None => out.push_str(&format!("  {k:<11} {what_e}: (none)   {what_a}: {v}\n")),
        }
    }
    let a: BTreeMap<String, String> = af.into_iter().collect();
    for (k, ev) in expected.fields() {
        if !a.contains_key(&k) {
            out.push_str(&format!("  {k:<11} {what_e}: {ev}   {what_a}: (none)\n"));
        }
    }
    out
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hercules")
}

/// `*  DUMP aaa.lll` comment lines of the source.
fn dump_ranges(src: &str) -> Vec<(u32, u32)> {
    src.lines()
        .filter_map(|l| {
            l.strip_prefix('*')?
                .trim()
                .strip_prefix("DUMP ")?
                .split_once('.')
        })
        .map(|(a, l)| {
            let a = u32::from_str_radix(a.trim(), 16).expect("DUMP address");
            let l = u32::from_str_radix(l.trim(), 16).expect("DUMP length");
            assert!(
                a % 16 == 0 && l % 16 == 0 && l > 0,
                "DUMP {a:X}.{l:X}: multiples of 16"
            );
            (a, l)
        })
        .collect()
}

/// `*  INTERRUPT KEY` comment lines: the operator presses the interrupt key right after
/// the start (`cpcms ipl --interrupt-key`; Hercules' console command `ext`).
fn presses_interrupt_key(src: &str) -> bool {
    src.lines()
        .any(|l| l.strip_prefix('*').map(str::trim) == Some("INTERRUPT KEY"))
}

/// A `*  HOST-TIMED` line: the program's outcome on Hercules depends on the host's
/// clock keeping up (the interval timer), so on a loaded host a live difference is
/// reported but does not fail the test; the golden file (recorded on a quiet host)
/// still binds cpcms.
fn host_timed(src: &str) -> bool {
    src.lines()
        .any(|l| l.strip_prefix('*').map(str::trim) == Some("HOST-TIMED"))
}

fn run_cpcms(name: &str, image: &[u8], dumps: &[(u32, u32)], key: bool) -> State {
    let img = std::env::temp_dir().join(format!("cpcms-herc-{}-{name}.bin", std::process::id()));
    std::fs::write(&img, image).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cpcms"));
    cmd.arg("ipl").arg("--core").arg(&img).args([
        "--storage",
        "2M",
        "--max-instructions",
        "10000000",
    ]);
    for (a, l) in dumps {
        cmd.args(["--dump", &format!("{a:X}.{l:X}")]);
    }
    if key {
        cmd.arg("--interrupt-key");
    }
    let out = cmd.output().expect("run cpcms ipl");
    let _ = std::fs::remove_file(&img);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{name}: cpcms ipl failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    State::parse(&text)
        .unwrap_or_else(|e| panic!("{name}: cpcms ipl output: {e}\n{text}"))
        .normalized()
}

fn env_on(v: &str) -> bool {
    std::env::var(v).is_ok_and(|v| !v.is_empty() && v != "0")
}

fn check(name: &str, devs: &[Deviation]) {
    let asm = format!("{name}.asm");
    let src = std::fs::read_to_string(dir().join(&asm)).expect("read source");
    let dumps = dump_ranges(&src);
    let a = cpcms::asm::assemble(&asm, &|f: &str| std::fs::read_to_string(dir().join(f)).ok())
        .unwrap_or_else(|e| panic!("{asm}:\n{}", e.join("\n")));
    assert_eq!(a.origin, 0, "{asm}: the image must start at 0");
    let key = presses_interrupt_key(&src);
    let ours = run_cpcms(name, &a.image, &dumps, key);
    let console: &[&str] = if key { &["ext"] } else { &[] };

    let golden_path = dir().join(format!("{name}.golden"));
    let record = env_on("CPCMS_RECORD_GOLDEN");
    let live = record || (!env_on("CPCMS_NO_HERCULES") && runner::available());
    // One live run on Hercules, its state normalized and Hercules' named deviations
    // corrected.
    let run_live = || {
        runner::run(name, &a.image, &dumps, Duration::from_secs(20), console).map(|h| {
            let mut h = h.normalized();
            if let Err(e) = apply_deviations(name, &mut h, devs) {
                panic!("{e}");
            }
            h
        })
    };
    // A live run that gets no answer (a busy host can keep Hercules from reaching its
    // disabled wait in time) is tried three times; then the golden file stands alone,
    // and the test says so. Recording golden files needs the answer.
    let hercules = live
        .then(|| {
            let mut last = String::new();
            for _ in 0..3 {
                match run_live() {
                    Ok(h) => return Some(h),
                    Err(e) => last = e.to_string(),
                }
            }
            if record {
                panic!("{name}: Hercules: {last}");
            }
            eprintln!(
                "{name}: Hercules gave no answer three times ({last}); using the golden file"
            );
            None
        })
        .flatten();
    if record {
        let h = hercules
            .as_ref()
            .expect("recording golden files needs hercules");
        std::fs::write(&golden_path, h.render()).expect("write golden file");
    }
    let golden_text = std::fs::read_to_string(&golden_path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (record it with CPCMS_RECORD_GOLDEN=1 and hercules installed)",
            golden_path.display()
        )
    });
    let golden = State::parse(&golden_text).expect("golden file");
    let mut report = String::new();
    let d = diff(&golden, "golden", &ours, "cpcms");
    if !d.is_empty() {
        report.push_str(&format!("cpcms differs from {name}.golden:\n{d}"));
    }
    if let Some(h) = &hercules {
        let mut d = diff(&golden, "golden", h, "hercules");
        // Hercules' timers follow the host's clock: on a busy host a program about
        // timers (itimer, timer) can see an interruption early or late. Such a
        // difference is retried; a real one repeats every time (Hercules is otherwise
        // deterministic).
        for _ in 0..3 {
            if d.is_empty() {
                break;
            }
            if let Ok(h) = run_live() {
                let d2 = diff(&golden, "golden", &h, "hercules");
                if d2.is_empty() {
                    eprintln!("{name}: live Hercules agreed on a second run (host timing)");
                }
                d = d2;
            }
        }
        if !d.is_empty() && host_timed(&src) {
            eprintln!(
                "{name}: live Hercules differs from {name}.golden (host-timed, so not a \
                 failure; a quiet host agrees):\n{d}"
            );
        } else if !d.is_empty() {
            report.push_str(&format!("live Hercules differs from {name}.golden:\n{d}"));
        }
    }
    assert!(report.is_empty(), "{name}:\n{report}");
}

/// One test per program: `herc!(name);` or `herc!(name, [Deviation { .. }, ..]);`
macro_rules! herc {
    ($name:ident) => {
        herc!($name, []);
    };
    ($name:ident, [$($dev:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            check(stringify!($name), &[$($dev),*]);
        }
    };
}

herc!(fixed);
herc!(logical);
herc!(branch);
herc!(storage);
herc!(atomic);
herc!(decimal);
herc!(pgmbc);
herc!(pgmec);
herc!(svc);
herc!(timer);
herc!(io3215);
herc!(prefix);
herc!(keys2);
herc!(ioec);
herc!(ifetch);
herc!(itimer);
herc!(sigp);
herc!(extsig);
herc!(assist);
herc!(lowprot);
herc!(segprot);

/// Hercules 3.13 checks the page-table length (segment-table entry bits 0-3) only when
/// it is 0: with length code 1 (2 entries), page index 3 is translated through the
/// entry beyond the table. The POO: a page index whose leftmost 4 bits exceed the
/// length is a page-translation exception (LRA: cc 3).
const PT_LENGTH: &str = "Hercules ignores a nonzero page-table length";

herc!(
    dat,
    [
        // LRA 1,X'33000': POO cc 3 with R1 = the entry's address; Hercules cc 0, X'D000'.
        Deviation {
            name: PT_LENGTH,
            field: "MEM 000828",
            hercules: "0000D000",
            poo: "00004306"
        },
        Deviation {
            name: PT_LENGTH,
            field: "MEM 00082C",
            hercules: "00000000",
            poo: "00000003"
        },
        // L 1,0(2) at X'33000': POO page-translation exception (slot 4 = old PSW, code
        // word, X'90'); Hercules loads from real X'D000' and the slot stays empty.
        Deviation {
            name: PT_LENGTH,
            field: "MEM 000930",
            hercules: "00000000",
            poo: "04080000"
        },
        Deviation {
            name: PT_LENGTH,
            field: "MEM 000934",
            hercules: "00000000",
            poo: "000002A2"
        },
        Deviation {
            name: PT_LENGTH,
            field: "MEM 000938",
            hercules: "00000000",
            poo: "00040011"
        },
        Deviation {
            name: PT_LENGTH,
            field: "MEM 00093C",
            hercules: "00000000",
            poo: "00033000"
        },
    ]
);

herc!(
    keys,
    [
        // RRB 0(2) on the 2K block X'5000' whose key has R=0, C=0: POO cc 0. Hercules
        // 3.13 reports (and resets) the reference and change bits of the whole 4K
        // frame, so the change bit of the neighbouring block X'5800' gives cc 1.
        Deviation {
            name: "Hercules RRB works on the 4K frame, not the 2K key block",
            field: "MEM 000844",
            hercules: "00000001",
            poo: "00000000",
        },
    ]
);

herc!(
    float,
    [
        // AXR of +X'0010..' and -X'0010..' (equal low parts) under the significance
        // mask: the zero sum keeps characteristic 0, so the high part is all zeros, a
        // true zero by the POO's definition; the low-order characteristic is made 14
        // less "unless the result is a true zero", so the low part is zero too.
        // Hercules 3.13 stores 0 - 14 modulo 128 = X'72' there.
        Deviation {
            name: "Hercules gives an extended true-zero significance result a low part",
            field: "MEM 009008",
            hercules: "72000000",
            poo: "00000000",
        },
    ]
);

/// Hercules 3.13 has no general-register-alteration events (per.asm: LR 5,5 and LM
/// with R5 monitored; the GR bit missing from the PER code of AR and BALR).
const PER_GR: &str = "Hercules recognizes no PER general-register alteration";
/// POO: LPSW that causes a PER event is followed by the PER interruption, with the
/// PSW it loaded as the old PSW (even with PER off in it). Hercules loses the event.
const PER_LPSW: &str = "Hercules drops the PER event of an LPSW that turns PER off";
/// POO: the ILC of a PER interruption is that of the instruction at the PER address
/// (BALR: 1). Hercules stores the ILC of an earlier instruction (here STOSM's 2).
const PER_RR_ILC: &str = "Hercules gives a PER event of an RR branch an earlier ILC";
/// POO: SVC with a PER event: the SVC interruption, then the PER program interruption
/// with the SVC new PSW as its old PSW. Hercules drops the event when the SVC new PSW
/// has PER off (and the SVC handler runs instead).
const PER_SVC: &str = "Hercules drops the PER event of SVC when the SVC new PSW has PER off";

/// POO: a store is a storage-alteration event when any byte it stores is in the
/// monitored area. Hercules 3.13 looks at the first byte only (per3.asm: STCTL 0,1
/// whose second word is the area).
const PER_FIRST: &str = "Hercules checks only the first byte of a store against the PER area";

/// POO: the CSW that an I/O instruction stores (TIO, CC 1) is a store of the CPU's, a
/// storage-alteration event when X'40'-X'47' is monitored. Hercules 3.13 makes none.
const PER_CSW: &str = "Hercules makes no PER event of the CSW an I/O instruction stores";

herc!(
    per3,
    [
        Deviation {
            name: PER_CSW,
            field: "R14",
            hercules: "900003B0",
            poo: "8000038A"
        },
        Deviation {
            name: PER_CSW,
            field: "MEM 000D9C",
            hercules: "D5D6D5C5",
            poo: "40081000"
        },
        Deviation {
            name: PER_CSW,
            field: "MEM 000DA0",
            hercules: "00000000",
            poo: "000003A4"
        },
        Deviation {
            name: PER_CSW,
            field: "MEM 000DA4",
            hercules: "00000000",
            poo: "00040080"
        },
        Deviation {
            name: PER_CSW,
            field: "MEM 000DA8",
            hercules: "00000000",
            poo: "20000000"
        },
        Deviation {
            name: PER_CSW,
            field: "MEM 000DAC",
            hercules: "00000000",
            poo: "03A00000"
        },
        Deviation {
            name: PER_FIRST,
            field: "MEM 000C30",
            hercules: "D5D6D5C5",
            poo: "40080000"
        },
        Deviation {
            name: PER_FIRST,
            field: "MEM 000C34",
            hercules: "00000000",
            poo: "0000024A"
        },
        Deviation {
            name: PER_FIRST,
            field: "MEM 000C38",
            hercules: "00000000",
            poo: "00040080"
        },
        Deviation {
            name: PER_FIRST,
            field: "MEM 000C3C",
            hercules: "00000000",
            poo: "20000000"
        },
        Deviation {
            name: PER_FIRST,
            field: "MEM 000C40",
            hercules: "00000000",
            poo: "02460000"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000CF0",
            hercules: "D5D6D5C5",
            poo: "40080000"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000CF4",
            hercules: "00000000",
            poo: "000002F4"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000CF8",
            hercules: "00000000",
            poo: "00020080"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000CFC",
            hercules: "00000000",
            poo: "10000000"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000D00",
            hercules: "00000000",
            poo: "02F20000"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000D20",
            hercules: "D5D6D5C5",
            poo: "40080000"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000D24",
            hercules: "00000000",
            poo: "00000322"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000D28",
            hercules: "00000000",
            poo: "00040080"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000D2C",
            hercules: "00000000",
            poo: "10000000"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000D30",
            hercules: "00000000",
            poo: "031E0000"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000D38",
            hercules: "D5D6D5C5",
            poo: "40080000"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000D3C",
            hercules: "00000000",
            poo: "00000336"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000D40",
            hercules: "00000000",
            poo: "00040080"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000D44",
            hercules: "00000000",
            poo: "10000000"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000D48",
            hercules: "00000000",
            poo: "03320000"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000D68",
            hercules: "D5D6D5C5",
            poo: "40081000"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000D6C",
            hercules: "00000000",
            poo: "00000362"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000D70",
            hercules: "00000000",
            poo: "00040080"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000D74",
            hercules: "00000000",
            poo: "10000000"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000D78",
            hercules: "00000000",
            poo: "035E0000"
        },
    ]
);

herc!(
    per,
    [
        Deviation {
            name: PER_GR,
            field: "MEM 000CC8",
            hercules: "D5D6D5C5",
            poo: "40080000"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000CCC",
            hercules: "00000000",
            poo: "000002E4"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000CD0",
            hercules: "00000000",
            poo: "00020080"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000CD4",
            hercules: "00000000",
            poo: "10000000"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000CD8",
            hercules: "00000000",
            poo: "02E20000"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000CF8",
            hercules: "D5D6D5C5",
            poo: "40080000"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000CFC",
            hercules: "00000000",
            poo: "0000030A"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000D00",
            hercules: "00000000",
            poo: "00040080"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000D04",
            hercules: "00000000",
            poo: "10000000"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000D08",
            hercules: "00000000",
            poo: "03060000"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000D34",
            hercules: "40000000",
            poo: "50000000"
        },
        Deviation {
            name: PER_LPSW,
            field: "MEM 000D58",
            hercules: "D5D6D5C5",
            poo: "00080000"
        },
        Deviation {
            name: PER_LPSW,
            field: "MEM 000D5C",
            hercules: "00000000",
            poo: "0000037C"
        },
        Deviation {
            name: PER_LPSW,
            field: "MEM 000D60",
            hercules: "00000000",
            poo: "00040080"
        },
        Deviation {
            name: PER_LPSW,
            field: "MEM 000D64",
            hercules: "00000000",
            poo: "40000000"
        },
        Deviation {
            name: PER_LPSW,
            field: "MEM 000D68",
            hercules: "00000000",
            poo: "03780000"
        },
        Deviation {
            name: PER_RR_ILC,
            field: "MEM 000D78",
            hercules: "00040080",
            poo: "00020080"
        },
        Deviation {
            name: PER_GR,
            field: "MEM 000D7C",
            hercules: "C0000000",
            poo: "D0000000"
        },
        Deviation {
            name: PER_SVC,
            field: "MEM 000D88",
            hercules: "40080000",
            poo: "00080000"
        },
        Deviation {
            name: PER_SVC,
            field: "MEM 000D8C",
            hercules: "000003A8",
            poo: "000003EE"
        },
        Deviation {
            name: PER_SVC,
            field: "MEM 000D90",
            hercules: "00020007",
            poo: "00020080"
        },
        Deviation {
            name: PER_SVC,
            field: "MEM 000D94",
            hercules: "E2E5C3C8",
            poo: "40000000"
        },
        Deviation {
            name: PER_SVC,
            field: "MEM 000D98",
            hercules: "00000000",
            poo: "03A60000"
        },
    ]
);

/// ECPS:VM is not installed (Hercules' default `ECPSVM NO`: in the supervisor state
/// E600-E616 are operation exceptions there, opsweep's last group). POO, "Priority
/// of program-interruption conditions": the operation exception of an instruction
/// that is not installed (7.B) comes before the privileged-operation exception (8),
/// and a model without a facility gives the operation exception in either state.
/// Hercules 3.13 tests the problem state first and reports privileged operation.
const ECPS_VM: &str = "Hercules checks the problem state before ECPS:VM is found not installed";

/// The opsweep words for E600-E616 (and E6 in the first-byte sweep) in the problem
/// state: POO X'16060001' (operation), Hercules X'16060002'.
fn ecps_vm_deviations() -> Vec<Deviation> {
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let words = std::iter::once(0x2000 + 0xE6 * 4).chain((0..=0x16).map(|i| 0x7400 + 4 * i));
    words
        .map(|a| Deviation {
            name: ECPS_VM,
            field: leak(format!("MEM {a:06X}")),
            hercules: "16060002",
            poo: "16060001",
        })
        .collect()
}

/// tests/hercules/opsweep.asm: every opcode Hercules 3.13 knows in S/370 mode.
#[test]
fn opsweep() {
    check("opsweep", &ecps_vm_deviations());
}

/// POO, TEST BLOCK: "If the block is found to be usable, the 4K bytes of the block are
/// cleared to zeros". Hercules 3.13 in S/370 mode clears one 2K page frame.
const TB_2K: &str = "Hercules TEST BLOCK clears 2K of the 4K block";

herc!(
    ext370,
    [
        Deviation {
            name: TB_2K,
            field: "MEM 007FF0",
            hercules: "FFFFFFFF",
            poo: "00000000"
        },
        Deviation {
            name: TB_2K,
            field: "MEM 007FF4",
            hercules: "FFFFFFFF",
            poo: "00000000"
        },
        Deviation {
            name: TB_2K,
            field: "MEM 007FF8",
            hercules: "FFFFFFFF",
            poo: "00000000"
        },
        Deviation {
            name: TB_2K,
            field: "MEM 007FFC",
            hercules: "FFFFFFFF",
            poo: "00000000"
        },
    ]
);

/// POO (S/370, "ASN-Second-Table Entries"): "Space-Switch-Event Control (X): Bit 31
/// of the segment-table designation is the space-switch-event-control bit." Hercules
/// 3.13 tests bit 0 (the ESA/390 position; in S/370 bit 0 belongs to the segment-table
/// length), so it sees no event: PC-ss and PT-ss into or out of a space whose STD has
/// bit 31 give no space-switch event (X'1C'), and LASP gives cc 2 (the SASN check
/// that follows) instead of cc 3.
const SSE_BIT: &str = "Hercules takes the space-switch-event bit from STD bit 0, not bit 31";

/// `(field, hercules, poo)` triples under one deviation name.
fn deviations(
    name: &'static str,
    fields: &[(&'static str, &'static str, &'static str)],
) -> Vec<Deviation> {
    fields
        .iter()
        .map(|&(field, hercules, poo)| Deviation {
            name,
            field,
            hercules,
            poo,
        })
        .collect()
}

/// POO (S/370, assigned locations 132-133; GX20-1850, "Fixed Storage Locations",
/// gives the field once for each mode): an external interruption for a condition other
/// than the SIGP signals stores zeros at X'84'-X'85' in the EC mode and leaves them
/// unchanged in the BC mode. Hercules 3.13 zeros them in the BC mode too (CPU timer,
/// clock comparator, interval timer, interrupt key); it agrees on the signals (the CPU
/// address, both modes) and on X'86'-X'87' (stored in the EC mode only).
const EXT_BC_ZEROS: &str = "Hercules zeros the CPU address at X'84' in BC mode";

/// tests/hercules/extaddr.asm: X'84'-X'87' after each external condition, BC and EC.
#[test]
fn extaddr() {
    let devs = deviations(
        EXT_BC_ZEROS,
        &[
            // BC mode: CPU timer, clock comparator, interval timer, interrupt key.
            ("MEM 000804", "0000A5A5", "A5A5A5A5"),
            ("MEM 000814", "0000A5A5", "A5A5A5A5"),
            ("MEM 000824", "0000A5A5", "A5A5A5A5"),
            ("MEM 000834", "0000A5A5", "A5A5A5A5"),
        ],
    );
    check("extaddr", &devs);
}

/// tests/hercules/das.asm: the dual-address-space facility.
#[test]
fn das() {
    let devs = deviations(
        SSE_BIT,
        &[
            // LASP into ASN 8: cc 3 (POO), cc 2 (Hercules)
            ("MEM 00821C", "20000002", "30000002"),
            // PC-ss into ASN 8: the event after PC (Hercules runs the entry routine,
            // which fills the slot with 'NO SPACE SWITCH')
            ("MEM 008500", "D5D640E2", "04080000"),
            ("MEM 008504", "D7C1C3C5", "00001100"),
            ("MEM 008508", "40E2E6C9", "0004001C"),
            ("MEM 00850C", "E3C3C840", "00000001"),
            // PT-ss into ASN 8
            ("MEM 008510", "00000000", "04080000"),
            ("MEM 008514", "00000000", "0000059E"),
            ("MEM 008518", "00000000", "0004001C"),
            ("MEM 00851C", "00000000", "00000001"),
            // PT-ss out of ASN 8: X'90' has the old PASN and bit 0 for its X bit
            ("MEM 008520", "00000000", "04080000"),
            ("MEM 008524", "00000000", "000005B2"),
            ("MEM 008528", "00000000", "0004001C"),
            ("MEM 00852C", "00000000", "80000008"),
        ],
    );
    let devs = devs
        .into_iter()
        .chain(deviations(
            AST_RESERVED,
            &[
                // SSAR 6: POO ASN-translation specification (suppression);
                // Hercules goes on to the authority test: secondary authority
                // (nullification) with the ASN at X'90'.
                ("MEM 008704", "00000634", "00000638"),
                ("MEM 008708", "00040025", "00040017"),
                ("MEM 00870C", "00000006", "00000000"),
            ],
        ))
        .chain(deviations(
            LTE_RESERVED,
            // PC X'200': POO PC-translation specification; Hercules takes bits 1-7
            // into the entry-table origin and fetches beyond storage: addressing.
            &[("MEM 008718", "00040005", "0004001F")],
        ))
        .collect::<Vec<_>>();
    check("das", &devs);
}

/// POO (S/370, "ASN-Second-Table Entries"): "Bits 1-7, 30, 31, 60-63, and 97-103
/// of the AST entry must be zeros; otherwise, an ASN-translation-specification
/// exception is recognized". Hercules 3.13 does not look at bits 97-103.
const AST_RESERVED: &str = "Hercules ignores bits 97-103 of the ASN-second-table entry";

/// POO (S/370, PROGRAM CALL, priority 8.B.4): "PC-translation-specification
/// exception due to invalid ones (bits 1-7) in linkage-table entry". Hercules 3.13
/// does not test them.
const LTE_RESERVED: &str = "Hercules ignores bits 1-7 of the linkage-table entry";

/// POO (S/370, "Storage Alteration"): "The instructions COMPARE AND SWAP and COMPARE
/// DOUBLE AND SWAP are considered to alter the second-operand location only when
/// storing actually occurs." Hercules 3.13 indicates the event for the store-access
/// check of an unequal comparison.
const PER_CS: &str = "Hercules counts an unequal CS/CDS as a storage alteration";
/// POO (S/370, PER, MVCL and CLCL): "The storage-alteration event is indicated only
/// when data has been stored in the monitored area by the portion of the operation
/// ... ending with the last byte transferred before the interruption", and "when the
/// execution of the instruction is terminated, general-register and storage
/// alteration is indicated whenever the event has occurred". Hercules 3.13 drops the
/// event when MVCL ends in an access exception after storing into the area.
const PER_MVCL: &str = "Hercules drops the storage alteration of an MVCL ended by an exception";

/// tests/hercules/per2.asm: when PER sees a register or storage altered.
#[test]
fn per2() {
    let devs: Vec<Deviation> = deviations(
        PER_GR,
        // EDMK placing the address R1 already holds: POO a GR event (code 0080,
        // PER code 10); Hercules no interruption ('NONE').
        &[
            ("MEM 000800", "D5D6D5C5", "40081000"),
            ("MEM 000804", "00000000", "0000022A"),
            ("MEM 000808", "00000000", "00060080"),
            ("MEM 00080C", "00000000", "10000000"),
            ("MEM 000810", "00000000", "02240000"),
        ],
    )
    .into_iter()
    .chain(deviations(
        PER_CS,
        // CS and CDS with an unequal comparison: POO no interruption ('NONE');
        // Hercules a storage-alteration event.
        &[
            ("MEM 000834", "40081000", "D5D6D5C5"),
            ("MEM 000838", "0000026C", "00000000"),
            ("MEM 00083C", "00040080", "00000000"),
            ("MEM 000840", "20000000", "00000000"),
            ("MEM 000844", "02680000", "00000000"),
            ("MEM 000868", "40081000", "D5D6D5C5"),
            ("MEM 00086C", "000002A0", "00000000"),
            ("MEM 000870", "00040080", "00000000"),
            ("MEM 000874", "20000000", "00000000"),
            ("MEM 000878", "029C0000", "00000000"),
        ],
    ))
    .chain(deviations(
        PER_MVCL,
        // MVCL storing 2K into the area, then an addressing exception: POO code
        // 0085 with PER code 20 and the PER address; Hercules 0005 alone.
        &[
            ("MEM 0008D0", "00020005", "00020085"),
            ("MEM 0008D4", "00000000", "20000000"),
            ("MEM 0008D8", "00000000", "03000000"),
        ],
    ))
    .collect();
    check("per2", &devs);
}
