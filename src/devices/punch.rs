//! IBM 3525 (or 2540 punch side) card punch: each card punched is appended to a file.
//!
//! The file is created (truncated) when the punch is attached, and every card is written
//! to it before the punch presents device end, so killing cpcms loses no punched card.
//! Nothing is kept in memory (the file grows on the host's disk); a punch made without a
//! file, for tests, keeps its last [`KEEP_CARDS`] cards.
//! Same two formats as the reader (see `reader`): binary EBCDIC, 80 bytes a card (the
//! default, Hercules' format), or text (".txt" or ":ascii"): one line a card, translated
//! from code page 037, trailing blanks dropped.
//!
//! Commands (anything else: unit check alone, sense X'80' command reject):
//!
//! ```text
//!   xxxxxx01  write (punch) one card: up to 80 bytes, fewer are padded with blanks
//!             (X'40', no holes); stacker bits ignored
//!   X'03'     no-op (immediate)        xxxxxx11  feed, select stacker: nothing punched
//!   X'04'     sense (1 byte)
//! ```
//!
//! As on Hercules, a count below 80 punches the bytes given and is not an incorrect
//! length; a count above 80 leaves a residual count (incorrect length unless SLI).

use std::collections::VecDeque;
use std::fs::File;
use std::io::Write;
use std::path::Path;

use super::{CardFormat, Device, SENSE_COMMAND_REJECT, SENSE_EQUIPMENT_CHECK, Service, Start};
use crate::channel::{Transfer, UnitStatus};
use crate::cpu::TOD_PER_US;
use crate::ebcdic;

/// Virtual time to punch one card, microseconds (a model).
pub const CARD_US: u64 = 1000;
/// Sense: microseconds.
pub const SENSE_US: u64 = 20;
/// Cards an in-memory punch keeps: the last 1000 (80,000 bytes).
pub const KEEP_CARDS: usize = 1000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Idle,
    End(UnitStatus),
    Sense,
}

/// Where punched cards go.
#[derive(Debug)]
enum Sink {
    File {
        name: String,
        file: File,
    },
    /// Kept in memory (tests).
    Memory,
}

/// A card punch.
#[derive(Debug)]
pub struct CardPunch {
    sink: Sink,
    format: CardFormat,
    /// The last [`KEEP_CARDS`] cards (in-memory punch only).
    cards: VecDeque<[u8; 80]>,
    /// Cards punched in all.
    punched: u64,
    sense: u8,
    phase: Phase,
}

/// One card as a line of the text format (no line end).
pub fn card_text(card: &[u8]) -> String {
    let s: String = card
        .iter()
        .map(|&b| {
            let c = ebcdic::to_char(b);
            if c.is_control() { ' ' } else { c }
        })
        .collect();
    s.trim_end_matches(' ').to_string()
}

impl CardPunch {
    /// A punch keeping its cards in memory only.
    pub fn in_memory() -> Self {
        CardPunch {
            sink: Sink::Memory,
            format: CardFormat::Ebcdic,
            cards: VecDeque::new(),
            punched: 0,
            sense: 0,
            phase: Phase::Idle,
        }
    }

    /// A punch writing to `path` (created or truncated now).
    pub fn create(path: &Path, format: CardFormat) -> Result<Self, String> {
        let name = path.display().to_string();
        let file = File::create(path).map_err(|e| format!("{name}: cannot create: {e}"))?;
        Ok(CardPunch {
            sink: Sink::File { name, file },
            format,
            ..Self::in_memory()
        })
    }

    /// The last cards an in-memory punch punched (at most [`KEEP_CARDS`]), oldest first.
    pub fn cards(&self) -> impl Iterator<Item = &[u8; 80]> {
        self.cards.iter()
    }

    /// The number of cards punched in all.
    pub fn punched(&self) -> u64 {
        self.punched
    }

    fn punch(&mut self, card: [u8; 80]) -> Result<(), String> {
        match &mut self.sink {
            Sink::File { name, file } => {
                let r = match self.format {
                    CardFormat::Ebcdic => file.write_all(&card),
                    CardFormat::Ascii => {
                        let mut line = card_text(&card);
                        line.push('\n');
                        file.write_all(line.as_bytes())
                    }
                };
                r.map_err(|e| format!("{name}: {e}"))?;
            }
            Sink::Memory => {
                if self.cards.len() == KEEP_CARDS {
                    self.cards.pop_front();
                }
                self.cards.push_back(card);
            }
        }
        self.punched += 1;
        Ok(())
    }
}

fn us(n: u64) -> u64 {
    n * TOD_PER_US
}

impl Device for CardPunch {
    fn kind(&self) -> &'static str {
        "3525"
    }

    fn start(&mut self, cmd: u8, xfer: &mut Transfer, now: u64) -> Start {
        if cmd != 0x04 {
            self.sense = 0;
        }
        match cmd {
            0x04 => {
                self.phase = Phase::Sense;
                Start::At(now + us(SENSE_US))
            }
            0x03 => Start::Immediate(UnitStatus::CE_DE),
            c if c & 0x03 == 0x01 => {
                let data = xfer.fetch_up_to(80);
                let mut card = [0x40u8; 80];
                card[..data.len()].copy_from_slice(&data);
                let status = match self.punch(card) {
                    Ok(()) => UnitStatus::CE_DE,
                    Err(_) => {
                        // The host file failed: the punch reports an equipment check.
                        self.sense = SENSE_EQUIPMENT_CHECK;
                        UnitStatus::CE_DE | UnitStatus::UNIT_CHECK
                    }
                };
                self.phase = Phase::End(status);
                Start::At(now + us(CARD_US))
            }
            c if c & 0x03 == 0x03 => {
                self.phase = Phase::End(UnitStatus::CE_DE);
                Start::At(now + us(CARD_US))
            }
            _ => {
                self.sense = SENSE_COMMAND_REJECT;
                Start::Immediate(UnitStatus::UNIT_CHECK)
            }
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

    #[test]
    fn text_of_a_card() {
        let mut card = [0x40u8; 80];
        card[..3].copy_from_slice(&ebcdic::encode("ABC"));
        card[3] = 0x00;
        card[4] = 0xC4;
        assert_eq!(card_text(&card), "ABC D");
    }

    #[test]
    fn an_in_memory_punch_keeps_its_last_cards() {
        let mut p = CardPunch::in_memory();
        for i in 0..2500u32 {
            let mut card = [0x40u8; 80];
            card[..4].copy_from_slice(&i.to_be_bytes());
            p.punch(card).unwrap();
        }
        assert_eq!(p.punched(), 2500);
        assert_eq!(p.cards().count(), KEEP_CARDS);
        let first = p.cards().next().unwrap();
        assert_eq!(first[..4], 1500u32.to_be_bytes());
    }

    #[test]
    fn cannot_create() {
        let e =
            CardPunch::create(Path::new("/nonexistent/dir/p.bin"), CardFormat::Ebcdic).unwrap_err();
        assert!(
            e.starts_with("/nonexistent/dir/p.bin: cannot create:"),
            "{e}"
        );
    }
}
