//! IBM 1403 line printer, printing into a text file.
//!
//! Why a text file: a listing is what people want to read, in an editor or with `less`.
//! The carriage (paper motion) becomes line ends and form feeds:
//!
//! ```text
//!   command  write ...                      command  immediate (no data)
//!   X'01'    write, no space   -> text "\r"  X'03'    no-op
//!   X'09'    write, space 1    -> text "\n"  X'0B'    space 1 line  -> "\n"
//!   X'11'    write, space 2    -> "\n\n"     X'13'    space 2 lines -> "\n\n"
//!   X'19'    write, space 3    -> "\n\n\n"   X'1B'    space 3 lines
//!   X'89'    write, skip to channel 1        X'8B'    skip to channel 1
//!   X'91'..X'E1' (step 8) channels 2-12      X'93'..X'E3' channels 2-12
//!   X'04'    sense (1 byte); anything else: unit check alone, sense X'80' command reject
//! ```
//!
//! The forms model is a 66-line page with a carriage tape (FCB) punched like Hercules'
//! default: channel 1 at line 1, channels 2-8 at lines 7, 13, ..., 43, 10-12 at 49, 55,
//! 61 and 9 at 63. A skip moves forward to the next line punched for the channel: on the
//! same page that is that many "\n"; past the end of the page it is a form feed "\f"
//! (then "\n" down to the line). A skip to the line the paper is already on, when nothing
//! has been printed there, does not move the paper: so "skip to channel 1" on a fresh
//! page gives no empty page.
//!
//! Print data is translated from code page 037; control characters print as blanks and
//! trailing blanks are dropped, as Hercules does. Every line is written to the file
//! before device end (no buffering), so killing cpcms loses no printed line. Nothing is
//! kept in memory (the file grows on the host's disk); a printer made without a file,
//! for tests, keeps the last [`KEEP`](super::transcript::KEEP) bytes of its output.
//!
//! Known difference from Hercules 3.13: after a write and skip to channel 1 (X'89') on
//! the first line of a page, Hercules writes "\r" and no form feed (the next line then
//! overprints); cpcms writes "\f", as the paper would move (test
//! `hercules_deviation_skip_after_write_on_line_1`).

use std::fs::File;
use std::io::Write;
use std::path::Path;

use super::transcript::{TextTail, Transcript};
use super::{Device, SENSE_COMMAND_REJECT, SENSE_EQUIPMENT_CHECK, Service, Start};
use crate::channel::{Transfer, UnitStatus};
use crate::cpu::TOD_PER_US;
use crate::ebcdic;

/// Lines on a page.
pub const PAGE: u32 = 66;
/// The line each carriage-tape channel 1-12 is punched at.
pub const CHANNEL_LINES: [u32; 12] = [1, 7, 13, 19, 25, 31, 37, 43, 63, 49, 55, 61];
/// Most bytes one write prints (more stay in the count: incorrect length).
pub const MAX_LINE: usize = 1500;
/// Virtual time for one print or carriage operation, microseconds (a model).
pub const LINE_US: u64 = 1000;
/// Sense: microseconds.
pub const SENSE_US: u64 = 20;

/// What the carriage does (after a write, or at once).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Carriage {
    /// Stay on the line (the next write overprints).
    None,
    /// Space 1 to 3 lines.
    Space(u32),
    /// Skip to the next line punched for channel 1-12.
    Skip(u32),
}

/// Decode a printer command: `Some((write?, carriage))`, `None` for no-op, sense and
/// anything invalid.
pub fn decode(cmd: u8) -> Option<(bool, Carriage)> {
    let write = match cmd & 0x07 {
        0x01 => true,
        0x03 => false,
        _ => return None,
    };
    let carriage = match cmd >> 3 {
        0 if write => Carriage::None,
        n @ 1..=3 => Carriage::Space(n as u32),
        n @ 17..=28 => Carriage::Skip(n as u32 - 16),
        _ => return None,
    };
    Some((write, carriage))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Idle,
    End(UnitStatus),
    Sense,
}

#[derive(Debug)]
enum Sink {
    File { name: String, file: File },
    Memory,
}

/// A 1403 printer.
#[derive(Debug)]
pub struct Printer {
    sink: Sink,
    /// The tail of the output (in-memory printers only).
    text: TextTail,
    /// Line the paper is on, 1..=PAGE.
    line: u32,
    /// Something was printed on this line since the paper got here.
    printed_here: bool,
    sense: u8,
    phase: Phase,
}

fn us(n: u64) -> u64 {
    n * TOD_PER_US
}

impl Printer {
    /// A printer keeping its output in memory (see [`Printer::output`]).
    pub fn in_memory() -> Self {
        Printer {
            sink: Sink::Memory,
            text: TextTail::default(),
            line: 1,
            printed_here: false,
            sense: 0,
            phase: Phase::Idle,
        }
    }

    /// A printer writing to `path` (created or truncated now).
    pub fn create(path: &Path) -> Result<Self, String> {
        let name = path.display().to_string();
        let file = File::create(path).map_err(|e| format!("{name}: cannot create: {e}"))?;
        Ok(Printer {
            sink: Sink::File { name, file },
            ..Self::in_memory()
        })
    }

    /// The output of an in-memory printer: its last
    /// [`KEEP`](super::transcript::KEEP) bytes and their position.
    pub fn output(&self) -> Transcript<'_> {
        self.text.view()
    }

    /// The text a write of `data` followed by `carriage` produces; moves the paper.
    fn render(&mut self, data: Option<&[u8]>, carriage: Carriage) -> String {
        let mut out = String::new();
        if let Some(data) = data {
            let line: String = data
                .iter()
                .map(|&b| {
                    let c = ebcdic::to_char(b);
                    if c.is_control() { ' ' } else { c }
                })
                .collect();
            out.push_str(line.trim_end_matches(' '));
            self.printed_here = true;
        }
        match carriage {
            Carriage::None => out.push('\r'),
            Carriage::Space(n) => {
                for _ in 0..n {
                    out.push('\n');
                }
                self.line = (self.line - 1 + n) % PAGE + 1;
                self.printed_here = false;
            }
            Carriage::Skip(ch) => {
                let dest = CHANNEL_LINES[(ch as usize - 1).min(11)];
                let stay = dest == self.line && !self.printed_here;
                if !stay {
                    if dest > self.line {
                        for _ in self.line..dest {
                            out.push('\n');
                        }
                    } else {
                        out.push('\x0C');
                        for _ in 1..dest {
                            out.push('\n');
                        }
                    }
                }
                self.line = dest;
                self.printed_here = false;
            }
        }
        out
    }

    fn emit(&mut self, s: &str) -> Result<(), String> {
        match &mut self.sink {
            Sink::Memory => {
                self.text.push_str(s);
                Ok(())
            }
            Sink::File { name, file } => file
                .write_all(s.as_bytes())
                .map_err(|e| format!("{name}: {e}")),
        }
    }
}

impl Device for Printer {
    fn kind(&self) -> &'static str {
        "1403"
    }

    /// An in-memory printer's output (one printing into a file keeps none).
    fn transcript(&self) -> Option<Transcript<'_>> {
        match self.sink {
            Sink::Memory => Some(self.text.view()),
            Sink::File { .. } => None,
        }
    }

    fn start(&mut self, cmd: u8, xfer: &mut Transfer, now: u64) -> Start {
        if cmd != 0x04 {
            self.sense = 0;
        }
        if cmd == 0x04 {
            self.phase = Phase::Sense;
            return Start::At(now + us(SENSE_US));
        }
        if cmd == 0x03 {
            return Start::Immediate(UnitStatus::CE_DE);
        }
        let Some((write, carriage)) = decode(cmd) else {
            self.sense = SENSE_COMMAND_REJECT;
            return Start::Immediate(UnitStatus::UNIT_CHECK);
        };
        let data = write.then(|| xfer.fetch_up_to(MAX_LINE));
        let text = self.render(data.as_deref(), carriage);
        let status = match self.emit(&text) {
            Ok(()) => UnitStatus::CE_DE,
            Err(_) => {
                self.sense = SENSE_EQUIPMENT_CHECK;
                UnitStatus::CE_DE | UnitStatus::UNIT_CHECK
            }
        };
        if write {
            self.phase = Phase::End(status);
            Start::At(now + us(LINE_US))
        } else {
            // Immediate carriage commands end at initial selection (no data moves), as
            // Hercules and the hardware present them.
            Start::Immediate(status)
        }
    }

    fn service(&mut self, xfer: &mut Transfer, _now: u64) -> Service {
        match std::mem::replace(&mut self.phase, Phase::Idle) {
            Phase::End(s) => Service::Done(s),
            Phase::Sense => {
                xfer.store(&[self.sense]);
                self.sense = 0;
                Service::Done(UnitStatus::CE_DE)
            }
            Phase::Idle => Service::Done(UnitStatus::CE_DE),
        }
    }

    fn halt(&mut self, _now: u64) -> UnitStatus {
        self.phase = Phase::Idle;
        UnitStatus::CE_DE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(p: &mut Printer, ops: &[(Option<&str>, Carriage)]) -> String {
        let mut s = String::new();
        for (d, c) in ops {
            let e = d.map(ebcdic::encode);
            s.push_str(&p.render(e.as_deref(), *c));
        }
        s
    }

    #[test]
    fn an_in_memory_printer_keeps_a_bounded_tail() {
        use crate::devices::transcript::KEEP;
        let mut p = Printer::in_memory();
        let mut total = 0u64;
        for i in 0..100_000 {
            let line = format!("LINE {i}\n");
            total += line.len() as u64;
            p.emit(&line).unwrap();
        }
        let out = p.output();
        assert!(out.text.len() <= KEEP);
        assert_eq!(out.end(), total);
        assert!(out.text.ends_with("LINE 99999\n"));
    }

    #[test]
    fn command_decoding() {
        assert_eq!(decode(0x01), Some((true, Carriage::None)));
        assert_eq!(decode(0x19), Some((true, Carriage::Space(3))));
        assert_eq!(decode(0x89), Some((true, Carriage::Skip(1))));
        assert_eq!(decode(0xE1), Some((true, Carriage::Skip(12))));
        assert_eq!(decode(0x0B), Some((false, Carriage::Space(1))));
        assert_eq!(decode(0x8B), Some((false, Carriage::Skip(1))));
        assert_eq!(decode(0xE3), Some((false, Carriage::Skip(12))));
        for bad in [0x03, 0x02, 0x21, 0x63, 0xE9, 0xF1, 0x05] {
            assert_eq!(decode(bad), None, "{bad:02X}");
        }
    }

    #[test]
    fn spacing_overprint_and_trailing_blanks() {
        let mut p = Printer::in_memory();
        let s = run(
            &mut p,
            &[
                (Some("HELLO   "), Carriage::Space(1)),
                (Some("ABC"), Carriage::None),
                (Some("___"), Carriage::Space(2)),
            ],
        );
        assert_eq!(s, "HELLO\nABC\r___\n\n");
        assert_eq!(p.line, 4);
    }

    /// Hercules 3.13 writes "A\r" here (no form feed, the next line overprints "A");
    /// the paper of a real 1403 moves to the next page. Keep cpcms' behaviour.
    #[test]
    fn hercules_deviation_skip_after_write_on_line_1() {
        let mut p = Printer::in_memory();
        assert_eq!(run(&mut p, &[(Some("A"), Carriage::Skip(1))]), "A\x0C");
        assert_eq!(run(&mut p, &[(Some("B"), Carriage::Space(1))]), "B\n");
    }

    #[test]
    fn skips() {
        let mut p = Printer::in_memory();
        // on a fresh page, skip to channel 1 does not move the paper
        assert_eq!(run(&mut p, &[(None, Carriage::Skip(1))]), "");
        // after printing on line 1 it does
        assert_eq!(run(&mut p, &[(Some("A"), Carriage::Skip(1))]), "A\x0C");
        // forward on the page to channel 2 (line 7)
        assert_eq!(run(&mut p, &[(None, Carriage::Skip(2))]), "\n\n\n\n\n\n");
        // channel 1 from line 7: next page
        assert_eq!(run(&mut p, &[(None, Carriage::Skip(1))]), "\x0C");
        // channel 3 from line 20 (past line 13): next page, down to line 13
        p.line = 20;
        let s = run(&mut p, &[(None, Carriage::Skip(3))]);
        assert_eq!(s, format!("\x0C{}", "\n".repeat(12)));
        // spacing wraps around the page
        p.line = 66;
        run(&mut p, &[(None, Carriage::Space(2))]);
        assert_eq!(p.line, 2);
    }
}
