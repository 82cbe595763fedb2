//! `--trace`: one line per instruction (or per interruption) to a file.
//!
//! ```text
//! 0012A4 S R CP       4110 2008     LA    1,8(0,2)               cp/dispatch.asm:123
//! 020010 P V ALICE    B202 0040     STIDP 64(0)
//! 020010 *** PROGRAM 0002 privileged operation  OLD=071D0002A0020014 NEW=0008000000001000 ALICE
//! ```
//!
//! Columns: address; state (`S`upervisor/`P`roblem, `R`eal or `V`irtual addressing from
//! the PSW's DAT bit); when CP runs (the tracer was given CP's assembly), who is running
//! (`CP` in supervisor state, else the user whose segment table CR1 points at, from a
//! lookup the caller supplies, else `@` and CR1) — on the bare machine (`cpcms ipl`)
//! there is nobody to name, so that column is left out;
//! the instruction's bytes and its disassembly; for CP code (supervisor state, DAT off,
//! inside CP's assembly) the source line, and likewise for CMS in problem state.

use std::io::Write;

use crate::asm::{Assembly, LineMap};
use crate::cpu::{Cpu, InterruptClass, Tracer};
use crate::disasm;

/// What to trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TraceMode {
    /// Every instruction and every interruption.
    Instructions,
    /// Interruptions only.
    Interrupts,
}

/// Returns (CR1 value, userid) for every logged-on virtual machine, read from CP's
/// published tables in storage. Called on each interruption.
pub type UserLookup = Box<dyn FnMut(&Cpu) -> Vec<(u32, String)>>;

/// Address -> source line, for one assembly.
#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    start: u32,
    end: u32,
    lines: Vec<LineMap>,
}

impl SourceMap {
    pub fn new(asm: &Assembly) -> Self {
        let mut lines = asm.lines.clone();
        lines.sort_by_key(|l| l.addr);
        SourceMap {
            start: asm.origin,
            end: asm.origin.saturating_add(asm.image.len() as u32),
            lines,
        }
    }

    /// `file:line` of the instruction at `addr`, if the assembly has it.
    pub fn lookup(&self, addr: u32) -> Option<String> {
        if addr < self.start || addr >= self.end {
            return None;
        }
        let i = self.lines.partition_point(|l| l.addr <= addr);
        let l = self.lines.get(i.checked_sub(1)?)?;
        (addr < l.addr.saturating_add(l.len.max(1))).then(|| format!("{}:{}", l.file, l.line))
    }
}

/// The tracer: see the module documentation.
pub struct Trace<W: Write> {
    out: W,
    mode: TraceMode,
    cp: SourceMap,
    /// CP runs on this machine (`with_cp`): name who runs each instruction.
    system: bool,
    cms: SourceMap,
    lookup: Option<UserLookup>,
    users: Vec<(u32, String)>,
    failed: bool,
}

impl<W: Write> Trace<W> {
    /// Trace into `out` (wrap files in a `BufWriter`; it is flushed when the tracer is
    /// dropped, e.g. by `Machine::set_tracer(None)`).
    pub fn new(out: W, mode: TraceMode) -> Self {
        Trace {
            out,
            mode,
            cp: SourceMap::default(),
            system: false,
            cms: SourceMap::default(),
            lookup: None,
            users: Vec::new(),
            failed: false,
        }
    }

    /// Show source lines for CP's code.
    pub fn with_cp(mut self, cp: &Assembly) -> Self {
        self.cp = SourceMap::new(cp);
        self.system = true;
        self
    }

    /// Show source lines for CMS's code when a virtual machine runs it (problem state,
    /// at the addresses CMS was assembled for).
    pub fn with_cms(mut self, cms: &Assembly) -> Self {
        self.cms = SourceMap::new(cms);
        self
    }

    /// Name the virtual machines.
    pub fn with_users(mut self, lookup: UserLookup) -> Self {
        self.lookup = Some(lookup);
        self
    }

    fn emit(&mut self, line: &str) {
        if !self.failed && writeln!(self.out, "{line}").is_err() {
            self.failed = true;
        }
    }

    fn who(&self, psw: u64, cr1: u32) -> String {
        let s = PswState::of(psw);
        if !self.system {
            String::new()
        } else if !s.problem {
            "CP".into()
        } else if let Some((_, u)) = self.users.iter().find(|(c, _)| *c == cr1) {
            u.clone()
        } else if s.dat {
            format!("@{:06X}", cr1 & 0x00FF_FFFF)
        } else {
            "-".into()
        }
    }
}

impl<W: Write> Drop for Trace<W> {
    fn drop(&mut self) {
        let _ = self.out.flush();
    }
}

/// The PSW bits a trace line shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PswState {
    pub problem: bool,
    pub dat: bool,
}

impl PswState {
    pub fn of(psw: u64) -> Self {
        let bit = |n: u32| (psw >> (63 - n)) & 1 == 1;
        let ec = bit(12);
        PswState {
            problem: bit(15),
            dat: ec && bit(5),
        }
    }
    fn code(self) -> &'static str {
        match (self.problem, self.dat) {
            (false, false) => "S R",
            (false, true) => "S V",
            (true, false) => "P R",
            (true, true) => "P V",
        }
    }
}

/// One instruction line (pure, for tests); an empty `who` leaves its column out.
pub fn format_instruction(
    addr: u32,
    state: PswState,
    who: &str,
    bytes: &[u8],
    source: Option<&str>,
) -> String {
    let len = match bytes.first() {
        Some(op) => [2, 4, 4, 6][usize::from(op >> 6)],
        None => 0,
    }
    .min(bytes.len());
    let (text, _) = disasm::disassemble(bytes);
    let hex = hex_groups(&bytes[..len]);
    let who = if who.is_empty() {
        String::new()
    } else {
        format!("{who:<8} ")
    };
    let mut s = format!(
        "{:06X} {} {who}{:<14} {}",
        addr & 0x00FF_FFFF,
        state.code(),
        hex,
        text
    );
    if let Some(src) = source {
        let pad = 72usize.saturating_sub(s.chars().count());
        s.push_str(&" ".repeat(pad.max(1)));
        s.push_str(src);
    }
    s.trim_end().to_string()
}

/// Instruction bytes in halfword groups: `4110 2008`.
pub fn hex_groups(bytes: &[u8]) -> String {
    bytes
        .chunks(2)
        .map(|c| c.iter().map(|b| format!("{b:02X}")).collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn class_name(c: InterruptClass) -> &'static str {
    match c {
        InterruptClass::Restart => "RESTART",
        InterruptClass::External => "EXTERNAL",
        InterruptClass::Svc => "SVC",
        InterruptClass::Program => "PROGRAM",
        InterruptClass::MachineCheck => "MACHINE-CHECK",
        InterruptClass::Io => "I/O",
    }
}

/// The S/370 name of a program-interruption code (low 7 bits; 0x80 = PER).
pub fn program_code_name(code: u16) -> &'static str {
    match code & 0x7F {
        0x01 => "operation",
        0x02 => "privileged operation",
        0x03 => "execute",
        0x04 => "protection",
        0x05 => "addressing",
        0x06 => "specification",
        0x07 => "data",
        0x08 => "fixed-point overflow",
        0x09 => "fixed-point divide",
        0x0A => "decimal overflow",
        0x0B => "decimal divide",
        0x0C => "exponent overflow",
        0x0D => "exponent underflow",
        0x0E => "significance",
        0x0F => "floating-point divide",
        0x10 => "segment translation",
        0x11 => "page translation",
        0x12 => "translation specification",
        0x13 => "special operation",
        0x40 => "monitor event",
        _ => "",
    }
}

/// One interruption line (pure, for tests).
pub fn format_interruption(
    class: InterruptClass,
    code: u16,
    old: u64,
    new: u64,
    who: &str,
) -> String {
    let what = if class == InterruptClass::Program {
        program_code_name(code)
    } else {
        ""
    };
    let mut s = format!(
        "{:06X} *** {} {:04X}",
        old & 0x00FF_FFFF,
        class_name(class),
        code
    );
    if !what.is_empty() {
        s.push(' ');
        s.push_str(what);
    }
    s.push_str(&format!("  OLD={old:016X} NEW={new:016X} {who}"));
    s.trim_end().to_string()
}

impl<W: Write> Tracer for Trace<W> {
    fn instruction(&mut self, cpu: &Cpu, addr: u32, bytes: &[u8]) {
        if self.mode != TraceMode::Instructions || self.failed {
            return;
        }
        let psw = cpu.psw();
        let state = PswState::of(psw);
        let src = match (state.problem, state.dat) {
            (false, false) => self.cp.lookup(addr),
            (true, _) => self.cms.lookup(addr),
            _ => None,
        };
        let who = self.who(psw, cpu.cr[1]);
        let line = format_instruction(addr, state, &who, bytes, src.as_deref());
        self.emit(&line);
    }

    fn interruption(&mut self, cpu: &Cpu, class: InterruptClass, code: u16, old: u64, new: u64) {
        if let Some(f) = self.lookup.as_mut() {
            self.users = f(cpu);
        }
        if self.failed {
            return;
        }
        let who = self.who(old, cpu.cr[1]);
        let line = format_interruption(class, code, old, new, &who);
        self.emit(&line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asm() -> Assembly {
        Assembly {
            origin: 0x1000,
            image: vec![0; 0x20],
            lines: vec![
                LineMap {
                    addr: 0x1000,
                    len: 4,
                    file: "cp/main.asm".into(),
                    line: 10,
                },
                LineMap {
                    addr: 0x1004,
                    len: 2,
                    file: "cp/main.asm".into(),
                    line: 11,
                },
                LineMap {
                    addr: 0x1010,
                    len: 6,
                    file: "cp/io.asm".into(),
                    line: 3,
                },
            ],
            ..Assembly::default()
        }
    }

    #[test]
    fn source_lookup() {
        let m = SourceMap::new(&asm());
        assert_eq!(m.lookup(0x1000).as_deref(), Some("cp/main.asm:10"));
        assert_eq!(m.lookup(0x1002).as_deref(), Some("cp/main.asm:10"));
        assert_eq!(m.lookup(0x1004).as_deref(), Some("cp/main.asm:11"));
        assert_eq!(m.lookup(0x1006), None, "gap");
        assert_eq!(m.lookup(0x1014).as_deref(), Some("cp/io.asm:3"));
        assert_eq!(m.lookup(0xFFF), None);
        assert_eq!(m.lookup(0x1020), None);
        assert_eq!(SourceMap::default().lookup(0), None);
    }

    #[test]
    fn psw_state() {
        // EC mode, DAT on, problem state
        assert_eq!(
            PswState::of(0x040D_0000_0002_0000),
            PswState {
                problem: true,
                dat: true
            }
        );
        // BC mode: bit 5 is not DAT
        assert_eq!(
            PswState::of(0x0401_0000_0000_0000),
            PswState {
                problem: true,
                dat: false
            }
        );
        assert_eq!(
            PswState::of(0x0008_0000_0000_1000),
            PswState {
                problem: false,
                dat: false
            }
        );
    }

    #[test]
    fn interruption_line() {
        assert_eq!(
            format_interruption(
                InterruptClass::Program,
                2,
                0x071D_0002_A002_0014,
                0x0008_0000_0000_1000,
                "ALICE"
            ),
            "020014 *** PROGRAM 0002 privileged operation  OLD=071D0002A0020014 NEW=0008000000001000 ALICE"
        );
        assert_eq!(
            format_interruption(InterruptClass::Io, 0x20, 0xFF, 0x100, "CP"),
            "0000FF *** I/O 0020  OLD=00000000000000FF NEW=0000000000000100 CP"
        );
    }

    #[test]
    fn who_runs_is_named_only_when_cp_runs() {
        let psw = 0x0008_0000_0000_1000; // supervisor state, DAT off
        let bare = Trace::new(Vec::new(), TraceMode::Instructions);
        assert_eq!(bare.who(psw, 0), "");
        let line = format_instruction(0x1000, PswState::of(psw), "", &[0x18, 0x12], None);
        assert_eq!(line, "001000 S R 1812           LR    1,2");
        let with_cp = Trace::new(Vec::new(), TraceMode::Instructions).with_cp(&asm());
        assert_eq!(with_cp.who(psw, 0), "CP");
        let line = format_instruction(0x1000, PswState::of(psw), "CP", &[0x18, 0x12], None);
        assert_eq!(line, "001000 S R CP       1812           LR    1,2");
    }

    #[test]
    fn hex() {
        assert_eq!(hex_groups(&[0x41, 0x10, 0x20, 0x08]), "4110 2008");
        assert_eq!(hex_groups(&[0xD2, 0x07, 0, 1, 2, 3]), "D207 0001 0203");
        assert_eq!(hex_groups(&[]), "");
    }
}
