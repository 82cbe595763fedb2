//! The trap log's lines: what the guest tried, and what CP did about it.
//!
//! "What CP did" is read from the outside, as a hardware monitor would: the trapped
//! instruction and what it pointed at (the CPU's trap ring), and the state CP left when it
//! next dispatched a virtual machine (its condition code, its next instruction, whose
//! address space). Nothing here asks CP anything.

use std::collections::VecDeque;

use crate::cpu::{TRAP_LOG_SIZE, TrapEvent};
use crate::scenario::units::format_tod;

/// One trapped privileged instruction, as shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrapLine {
    /// The trap's number since the view started.
    pub seq: u64,
    /// TOD clock value at the trap.
    pub tod: u64,
    /// Whose virtual machine it was.
    pub user: String,
    /// The instruction, disassembled.
    pub instruction: String,
    /// Instructions CP ran until it dispatched a virtual machine again (`None`: still
    /// running).
    pub cp: Option<u64>,
    /// What CP did, as far as it can be seen: `SIO 009 -> console write, CC 0`.
    pub did: String,
}

impl TrapLine {
    /// `09:00:04.123 ALICE    SSM   16(0)              2  SSM -> mask X'FF' ...`: time,
    /// user, instruction, CP's instructions (`...` while CP runs), what CP did.
    pub fn text(&self) -> String {
        self.text_for(usize::MAX)
    }

    /// As [`TrapLine::text`] in columns; narrower than that, in as few as it can:
    /// `04.123 ALICE 2 SSM -> ...` (seconds and milliseconds, CP's count, what CP did).
    pub fn text_for(&self, width: usize) -> String {
        let cp = match self.cp {
            Some(n) => n.to_string(),
            None => "...".into(),
        };
        let line = if width < 48 {
            // Narrow: CP's count before the text, so that only the text is cut; what CP
            // did names the instruction itself.
            let c = clock(self.tod);
            let ins: Vec<&str> = self.instruction.split_whitespace().collect();
            let what = if self.did.is_empty() {
                ins.join(" ")
            } else {
                self.did.clone()
            };
            format!("{} {} {cp} {what}", c.get(6..).unwrap_or(&c), self.user)
        } else if width < 96 && !self.did.is_empty() {
            // Medium: what CP did names the instruction; the disassembly is left out.
            format!(
                "{} {:<8} {:>5}  {}",
                clock(self.tod),
                self.user,
                cp,
                self.did
            )
        } else {
            format!(
                "{} {:<8} {:<20} {:>5}  {}",
                clock(self.tod),
                self.user,
                self.instruction,
                cp,
                self.did
            )
        };
        line.trim_end().to_string()
    }
}

/// `hh:mm:ss.mmm` of a TOD clock value.
pub fn clock(tod: u64) -> String {
    let full = format_tod(tod);
    let ms = (tod >> 12) / 1000 % 1000;
    format!("{}.{ms:03}", full.get(11..).unwrap_or(&full))
}

/// What a virtual machine calls the device at `cuu` (CMS's conventions, as VM/370's
/// directories gave them).
fn device(cuu: u32) -> &'static str {
    match cuu {
        0x009 => "console",
        0x00C => "reader",
        0x00D => "punch",
        0x00E => "printer",
        0x190..=0x19F => "disk",
        _ => "device",
    }
}

/// A channel command, as a person would say it.
fn command(dev: &str, cmd: u8) -> &'static str {
    match (dev, cmd) {
        ("disk", 0x07) => "seek",
        ("disk", 0x0B) => "seek cylinder",
        ("disk", 0x13) => "recalibrate",
        ("disk", 0x31 | 0x51 | 0x71 | 0x29 | 0x49 | 0x69 | 0x39) => "search",
        ("disk", 0x1A) => "read home address",
        ("disk", 0x12) => "read count",
        ("disk", 0x02) => "read IPL",
        ("disk", 0x1D) => "write count, key and data",
        ("console", 0x0B) => "alarm",
        ("printer", 0x0B | 0x8B | 0x89) => "skip",
        (_, 0x03) => "no-op",
        (_, 0x04) => "sense",
        (_, c) if c & 0x0F == 0x08 => "transfer in channel",
        (_, c) if c & 0x03 == 0x01 => "write",
        (_, c) if c & 0x03 == 0x02 => "read",
        (_, c) if c & 0x0F == 0x0C => "read backward",
        _ => "control",
    }
}

/// What the condition code of an I/O instruction means.
fn io_cc(op: u8, cc: u8) -> &'static str {
    match (op, cc) {
        (0x9C, 0) => "started",
        (0x9D, 0) => "available",
        (0x9E, 0) => "halted",
        (0x9F, 0) => "channel free",
        (0x9F, 1) => "interruption pending",
        (_, 1) => "status stored",
        (_, 2) => "busy",
        _ => "not operational",
    }
}

/// What CP did for trap `e` of the machine whose address space is `e.cr1`, as far as it
/// shows: from the instruction, what it pointed at, and the state CP left. `next` names
/// the user CP dispatched next when that was another machine.
pub fn what_cp_did(e: &TrapEvent, next: Option<&str>) -> String {
    let b = e.instruction();
    let Some(&op) = b.first() else {
        return String::new();
    };
    let same = e.next_cr1 == e.cr1;
    let done = e.cp_instructions.is_some();
    let data = &e.data[..e.data_len as usize];
    // The condition code CP gave the guest, when the guest ran next.
    let cc = |what: String| -> String {
        if !done {
            what
        } else if same {
            format!("{what}, CC {}", e.next_cc)
        } else {
            match next {
                Some(u) => format!("{what}; then {u} runs"),
                None => what,
            }
        }
    };
    let then = |what: String| -> String {
        match (done, same, next) {
            (true, false, Some(u)) => format!("{what}; then {u} runs"),
            _ => what,
        }
    };
    let name = crate::opcodes::lookup(op, b.get(1).copied().unwrap_or(0)).mnemonic;
    match op {
        0x9C..=0x9F => {
            let cuu = e.operand & 0xFFF;
            let dev = device(cuu);
            let what = if op == 0x9C {
                match data.first() {
                    Some(&c) => format!("{dev} {}", command(dev, c)),
                    None => format!("{dev}: no channel program"),
                }
            } else {
                dev.to_string()
            };
            let mut s = format!("{name} {cuu:03X} -> {what}");
            if done && same {
                s.push_str(&format!(", CC {} {}", e.next_cc, io_cc(op, e.next_cc)));
            } else {
                s = then(s);
            }
            s
        }
        0x82 => {
            if data.len() < 8 {
                return then("LPSW -> new PSW".into());
            }
            let psw = u64::from_be_bytes([
                data[0], data[1], data[2], data[3], data[4], data[5], data[6], data[7],
            ]);
            let hi = (psw >> 32) as u32;
            let lo = psw as u32;
            let wait = data[1] & 0x02 != 0;
            let problem = data[1] & 0x01 != 0;
            let what = if wait {
                "a wait: CP runs others till its interruption"
            } else if problem {
                "into its problem state"
            } else {
                "loaded"
            };
            then(format!("LPSW -> PSW {hi:08X} {lo:08X}: {what}"))
        }
        0x80 => match data.first() {
            Some(&m) => then(format!(
                "SSM -> mask X'{m:02X}': interruptions {}",
                if m == 0 { "off" } else { "on" }
            )),
            None => then("SSM -> system mask".into()),
        },
        0xAC | 0xAD => {
            let i = b.get(1).copied().unwrap_or(0);
            then(format!(
                "{name} X'{i:02X}' -> virtual PSW mask {}",
                if op == 0xAC { "ANDed" } else { "ORed" }
            ))
        }
        0x83 => {
            let code = e.operand;
            let what = match code {
                0x08 => "CP command",
                0x0C => "date, time, CPU times",
                0x60 => "storage size",
                _ => "no such code: specification exception",
            };
            // Only X'08' sets a condition code (1: the response did not all fit).
            if code == 0x08 {
                cc(format!("DIAG {code:02X} -> {what}"))
            } else {
                then(format!("DIAG {code:02X} -> {what}"))
            }
        }
        0x08 => then("SSK -> its storage key (CP keeps it)".into()),
        0x09 => then("ISK -> its storage key".into()),
        0xB7 => then("LCTL -> its virtual control registers".into()),
        0xB6 => then("STCTL -> its virtual control registers".into()),
        0xB2 => {
            let what = match b.get(1).copied().unwrap_or(0) {
                0x02 => "CP's CPU id",
                0x04 => "set clock: not for a guest",
                0x06 | 0x07 => "its clock comparator",
                0x08 | 0x09 => "its CPU timer",
                0x0D => "its TLB (nothing to purge)",
                0x0B => "its PSW key",
                _ => "emulated",
            };
            then(format!("{name} -> {what}"))
        }
        _ => then(format!("{name} -> emulated")),
    }
}

/// Take the traps the CPU logged since the last look into `traps` (at most the ring's
/// size, oldest dropped), and fill in the CP instruction counts and what CP did for
/// those that were still open. The live view and the recordings both use it.
pub fn collect(traps: &mut VecDeque<TrapLine>, sys: &crate::sysgen::System) {
    let log = &sys.machine.cpu.traps;
    let last = traps.back().map_or(0, |t| t.seq);
    let open = traps.iter().any(|t| t.cp.is_none());
    if log.written() == last && !open {
        return;
    }
    let spaces = sys.address_spaces();
    let user = |cr1: u32| {
        spaces
            .iter()
            .find(|(c, _)| *c == cr1)
            .map_or_else(|| format!("{cr1:06X}"), |(_, u)| u.clone())
    };
    let did = |e: &TrapEvent| {
        let next = (e.cp_instructions.is_some() && e.next_cr1 != e.cr1).then(|| user(e.next_cr1));
        what_cp_did(e, next.as_deref())
    };
    for t in traps.iter_mut().filter(|t| t.cp.is_none()) {
        if let Some(e) = log.get(t.seq) {
            t.cp = e.cp_instructions;
            t.did = did(e);
        }
    }
    let epoch = sys.machine.cpu.tod_epoch;
    for e in log.since(last) {
        if traps.len() == TRAP_LOG_SIZE {
            traps.pop_front();
        }
        traps.push_back(TrapLine {
            seq: e.seq,
            tod: epoch.wrapping_add(e.now),
            user: user(e.cr1),
            instruction: crate::disasm::disassemble(e.instruction()).0,
            cp: e.cp_instructions,
            did: did(e),
        });
    }
}
