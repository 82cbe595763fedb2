//! IBM 3215 console printer-keyboard, line mode: the typewriter every CP and CMS user
//! talks to.
//!
//! Commands (anything else is rejected: unit check, sense X'80' command reject):
//!
//! ```text
//!   X'01'  write, no carrier return     X'0A'  read inquiry (one typed line)
//!   X'09'  write, automatic carrier     X'0B'  audible alarm
//!          return after the data        X'03'  no-op (immediate)
//!                                       X'04'  sense (1 byte)
//!   print inhibit (ours, see below):
//!   X'1B'  inhibit print of the next    X'1A'  read inquiry, not printed
//!          line read (no data)
//! ```
//!
//! A line is at most [`MAX_LINE`] (130) characters, VM/370's 3215 line, wherever it
//! comes from (a person at the full-screen view, a scenario's `Type`, a test): a longer
//! one is refused by [`Device::input`] with a message and nothing is held, so every
//! front end applies the same rule (the full-screen view stops taking characters at 130
//! and says so; a scenario is refused when it is read, at the text's `file:line:col`).
//!
//! **Print inhibit.** A typewriter terminal with VM/370's "print inhibit feature" could
//! take a line without printing it, which is how CP kept passwords off the paper (on a
//! terminal without the feature it typed a mask to overprint instead). IBM's 3215 had
//! no such command, so ours are an extension, in the 3215's own command format, that a
//! program asks for in its channel program; the device never looks at what it printed:
//! - X'1B' (control, no data; it ends with channel end and device end in an
//!   interruption, as the alarm does) arms print inhibit for the next line a read
//!   takes: that line is stored as usual, and the transcript shows [`MASK`] in its place
//!   (`XXXXXXXX`, eight characters whatever the line's length, as VM/370's mask was, so
//!   it tells neither the password nor its length). While it is armed the keyboard's
//!   own display hides what is typed ([`Device::print_inhibited`]: the full-screen view
//!   shows nothing of the input line). The read disarms it. CP would put it right
//!   after its `ENTER PASSWORD:` line.
//! - X'1A' (read inquiry, print inhibited) reads a line and prints nothing at all, not
//!   even the carrier return: for a program that types the line itself when it uses it
//!   (CP reading a line ahead for a running guest, to see whether it is `#CP`, and
//!   typing it when the guest reads it, so type-ahead appears where it is read).
//!
//! Output goes into a transcript (EBCDIC -> text; X'15' NL inside the data and the
//! automatic carrier return end a line; other control characters print nothing). Only
//! its last 64 KiB are kept in memory ([`KEEP`](super::transcript::KEEP)), with the
//! absolute position of the first kept byte, so a guest that prints without end leaves
//! host memory flat; readers take new output by position ([`Transcript::since`]).
//! Input: a typed line completes a read that is waiting (the keyboard is unlocked);
//! otherwise it is held (type-ahead, several lines queue up) and the console asks for an
//! unsolicited ATTENTION, as a 3215 does when its REQUEST key is pressed; the next read
//! takes the first held line at once. A line that a read takes is echoed into the
//! transcript followed by a new line, as the typewriter would have printed it.
//!
//! Speeds are a model, not the real 15.5 characters per second (which would make every
//! demonstration crawl): see the `*_US` constants.

use std::collections::VecDeque;

use super::transcript::{TextTail, Transcript};
use super::{Device, Input, Service, Start};
use crate::channel::{Transfer, UnitStatus};
use crate::cpu::TOD_PER_US;
use crate::ebcdic;

/// Write: fixed overhead, microseconds.
pub const WRITE_US: u64 = 100;
/// Write: per character printed, microseconds.
pub const PER_CHAR_US: u64 = 10;
/// Read: from the line being available (typed, or held) to channel end.
pub const READ_US: u64 = 100;
/// Audible alarm.
pub const ALARM_US: u64 = 100;
/// Sense.
pub const SENSE_US: u64 = 20;
/// Inhibit print (X'1B').
pub const INHIBIT_US: u64 = 20;

/// Most bytes one write prints (a longer data chain ends with incorrect length). The
/// real typewriter would need half an hour for this many.
pub const MAX_WRITE: usize = 32 * 1024;

/// Sense bit: command reject.
pub const SENSE_COMMAND_REJECT: u8 = 0x80;

/// The longest line a person can type: VM/370's 3215 line, 130 characters.
pub const MAX_LINE: usize = 130;

/// Read inquiry: one typed line, printed as it is typed.
pub const READ: u8 = 0x0A;
/// Read inquiry with print inhibited: the line is stored and nothing is printed.
pub const READ_NO_PRINT: u8 = 0x1A;
/// Control: inhibit print of the next line a read takes ([`MASK`] shows in its place).
pub const INHIBIT_PRINT: u8 = 0x1B;
/// What the transcript shows for a line read with print inhibited by [`INHIBIT_PRINT`].
pub const MASK: &str = "XXXXXXXX";

/// Why a line cannot be typed: it is longer than [`MAX_LINE`] characters.
pub fn check_line(line: &str) -> Result<(), String> {
    let n = line.chars().count();
    if n > MAX_LINE {
        return Err(format!(
            "a 3215 line holds at most {MAX_LINE} characters; this one has {n}"
        ));
    }
    Ok(())
}

/// What the next `service` call finishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Idle,
    /// Write or alarm already done: just end.
    End,
    /// Read: take the first held line; print it unless told not to.
    Read {
        print: bool,
    },
    /// Sense: store the sense byte.
    Sense,
}

/// A 3215 console.
#[derive(Debug)]
pub struct Console3215 {
    /// What it printed (the last [`KEEP`](super::transcript::KEEP) bytes of it).
    transcript: TextTail,
    held: VecDeque<String>,
    /// A read is waiting for the operator.
    reading: bool,
    /// The console owes the program an ATTENTION.
    attention_owed: bool,
    sense: u8,
    phase: Phase,
    /// X'1B' came: the next line read is not printed ([`MASK`] instead).
    inhibit: bool,
}

impl Default for Console3215 {
    fn default() -> Self {
        Self::new()
    }
}

impl Console3215 {
    pub fn new() -> Self {
        Console3215 {
            transcript: TextTail::default(),
            held: VecDeque::new(),
            reading: false,
            attention_owed: false,
            sense: 0,
            phase: Phase::Idle,
            inhibit: false,
        }
    }

    /// Lines typed ahead and not yet read.
    pub fn held_lines(&self) -> usize {
        self.held.len()
    }

    fn print(&mut self, data: &[u8]) {
        for &b in data {
            match b {
                0x15 => self.transcript.push('\n'),
                _ => {
                    let c = ebcdic::to_char(b);
                    if !c.is_control() {
                        self.transcript.push(c);
                    }
                }
            }
        }
    }
}

fn us(n: u64) -> u64 {
    n * TOD_PER_US
}

impl Device for Console3215 {
    fn kind(&self) -> &'static str {
        "3215"
    }

    fn start(&mut self, cmd: u8, xfer: &mut Transfer, now: u64) -> Start {
        if cmd != 0x04 {
            self.sense = 0;
        }
        match cmd {
            0x01 | 0x09 => {
                let data = xfer.fetch_up_to(MAX_WRITE);
                self.print(&data);
                if cmd == 0x09 {
                    self.transcript.push('\n');
                }
                self.phase = Phase::End;
                Start::At(now + us(WRITE_US + PER_CHAR_US * data.len() as u64))
            }
            READ | READ_NO_PRINT => {
                self.phase = Phase::Read { print: cmd == READ };
                if self.held.is_empty() {
                    self.reading = true;
                    Start::Wait
                } else {
                    Start::At(now + us(READ_US))
                }
            }
            0x0B => {
                self.phase = Phase::End;
                Start::At(now + us(ALARM_US))
            }
            0x03 => Start::Immediate(UnitStatus::CE_DE),
            INHIBIT_PRINT => {
                // Ends like the alarm, with an interruption: a program that queues one
                // operation per SIO (CP's terminal queue) sends it like any line.
                self.inhibit = true;
                self.phase = Phase::End;
                Start::At(now + us(INHIBIT_US))
            }
            0x04 => {
                self.phase = Phase::Sense;
                Start::At(now + us(SENSE_US))
            }
            _ => {
                self.sense = SENSE_COMMAND_REJECT;
                Start::Immediate(UnitStatus::CE_DE | UnitStatus::UNIT_CHECK)
            }
        }
    }

    fn service(&mut self, xfer: &mut Transfer, _now: u64) -> Service {
        let phase = std::mem::replace(&mut self.phase, Phase::Idle);
        match phase {
            Phase::Read { print } => {
                let Some(line) = self.held.pop_front() else {
                    // Nothing to read (cannot happen: `start` and `input` wake us only
                    // with a line held); keep waiting rather than invent one.
                    self.phase = Phase::Read { print };
                    self.reading = true;
                    return Service::Wait;
                };
                // X'1B' covers the next line read, whichever read takes it.
                let inhibited = std::mem::take(&mut self.inhibit);
                if print {
                    // As the typewriter printed it, or the mask in its place.
                    self.transcript
                        .push_str(if inhibited { MASK } else { &line });
                    self.transcript.push('\n');
                }
                xfer.store(&ebcdic::encode(&line));
                // More type-ahead: ask again once this read is over.
                self.attention_owed = !self.held.is_empty();
            }
            Phase::Sense => {
                xfer.store(&[self.sense]);
                self.sense = 0;
            }
            Phase::End | Phase::Idle => {}
        }
        Service::Done(UnitStatus::CE_DE)
    }

    fn halt(&mut self, _now: u64) -> UnitStatus {
        self.reading = false;
        self.phase = Phase::Idle;
        UnitStatus::CE_DE
    }

    fn attention(&mut self) -> bool {
        std::mem::take(&mut self.attention_owed)
    }

    fn input(&mut self, line: &str, now: u64) -> Result<Input, String> {
        let line = line.trim_end_matches(['\r', '\n']);
        check_line(line)?;
        self.held.push_back(line.to_string());
        if self.reading {
            self.reading = false;
            Ok(Input::Wake(now + us(READ_US)))
        } else {
            self.attention_owed = true;
            Ok(Input::Held)
        }
    }

    fn awaiting_input(&self) -> bool {
        self.reading
    }

    fn print_inhibited(&self) -> bool {
        self.inhibit
    }

    fn transcript(&self) -> Option<Transcript<'_>> {
        Some(self.transcript.view())
    }
}
