//! IBM 2540/3505 card reader: a deck of 80-column cards from a file.
//!
//! Why a file: a deck is how programs reached a bare S/370 (IPL from cards) and how VM/370
//! users sent jobs and data to a virtual machine. The deck is read into memory when the
//! reader is attached, so a missing, truncated or corrupt deck is reported at once
//! (`deck.bin: ...`), never in the middle of a run.
//!
//! A deck file is either
//!
//! ```text
//!   binary EBCDIC (the Hercules "ebcdic" format, default)     text (".txt", or ":ascii")
//!   +----------------- 80 bytes -----------------+            HELLO WORLD\n
//!   | card 1, column 1 ... column 80 (EBCDIC)     |            // EXEC  ... \n
//!   +---------------------------------------------+            one card per line, at most
//!   | card 2 ...                                  |            80 characters, translated
//!   +---------------------------------------------+            with code page 037 and
//!   file length = 80 x cards, nothing else                    padded with blanks (X'40')
//! ```
//!
//! Commands (anything else: unit check, sense X'80' command reject, presented alone at
//! initial selection as Hercules and the hardware do):
//!
//! ```text
//!   xxxxxx10  read one card (stacker-select and mode bits ignored), 80 bytes
//!   X'03'     no-op (immediate)          xxxxxx11  feed, select stacker: skip one card
//!   X'04'     sense (1 byte)
//! ```
//!
//! End of file: the read after the last card ends with channel end, device end and unit
//! exception and moves no data (so incorrect length shows unless SLI), like Hercules'
//! `eof` option. Each further read does the same.
//!
//! The machine room: an operator may put more decks in the hopper while the machine runs
//! ([`CardReader::load`], the scenario step `Reader`). Each deck ends in its own end of
//! file (the operator pressed EOF after it), and a reader that gets cards asks for
//! attention: CP's spooling (roms/cp/rspool.asm) then reads the deck into a spool file.
//! (A real 3505 signals "ready" with device end; the channel model here knows unsolicited
//! attention, which serves the same purpose.)

use std::path::Path;

use super::{CardFormat, Device, SENSE_COMMAND_REJECT, Service, Start};
use crate::channel::{Transfer, UnitStatus};
use crate::cpu::TOD_PER_US;
use crate::ebcdic;

/// One card.
pub type Card = [u8; 80];

/// Virtual time to read (or feed) one card, microseconds: a model, far faster than the
/// real 1000 cards a minute.
pub const CARD_US: u64 = 1000;
/// Sense: microseconds.
pub const SENSE_US: u64 = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Idle,
    /// Store this card (by index) and end.
    Read(usize),
    /// End of file: unit exception.
    Eof,
    /// Feed done.
    End,
    Sense,
}

/// A card reader holding a deck.
#[derive(Debug)]
pub struct CardReader {
    kind: &'static str,
    cards: Vec<Card>,
    next: usize,
    sense: u8,
    phase: Phase,
    /// Where a deck loaded later ends: the read at that card is an end of file.
    marks: std::collections::VecDeque<usize>,
    /// The end of file after the last card was presented.
    eof_seen: bool,
    /// Cards were loaded: ask for attention.
    wants_attention: bool,
}

/// Translate one line of text into a card, or say what is wrong with it.
pub fn text_card(line: &str) -> Result<Card, String> {
    let n = line.chars().count();
    if n > 80 {
        return Err(format!("line is {n} characters; a card holds 80"));
    }
    let mut card = [0x40u8; 80];
    for (i, c) in line.chars().enumerate() {
        if c as u32 > 0xFF {
            return Err(format!(
                "column {}: '{c}' has no EBCDIC code (code page 037 is Latin-1)",
                i + 1
            ));
        }
        card[i] = ebcdic::to_ebcdic(c);
    }
    Ok(card)
}

/// Parse a deck file's bytes. `name` is only for messages.
pub fn parse_deck(name: &str, bytes: &[u8], format: CardFormat) -> Result<Vec<Card>, String> {
    match format {
        CardFormat::Ebcdic => {
            if !bytes.len().is_multiple_of(80) {
                return Err(format!(
                    "{name}: {} bytes is not a whole number of 80-byte cards ({} cards and \
                     {} bytes over); for a text deck use a .txt name or {name}:ascii",
                    bytes.len(),
                    bytes.len() / 80,
                    bytes.len() % 80
                ));
            }
            Ok(bytes
                .chunks_exact(80)
                .map(|c| c.try_into().expect("80 bytes"))
                .collect())
        }
        CardFormat::Ascii => {
            let text = std::str::from_utf8(bytes).map_err(|e| {
                format!(
                    "{name}: not UTF-8 text at byte {} (a binary EBCDIC deck? use {name}:ebcdic)",
                    e.valid_up_to()
                )
            })?;
            let mut lines: Vec<&str> = text.split('\n').collect();
            if lines.last() == Some(&"") {
                lines.pop();
            }
            lines
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    text_card(l.strip_suffix('\r').unwrap_or(l))
                        .map_err(|e| format!("{name}:{}: {e}", i + 1))
                })
                .collect()
        }
    }
}

fn us(n: u64) -> u64 {
    n * TOD_PER_US
}

impl CardReader {
    /// A reader holding `cards`.
    pub fn new(cards: Vec<Card>) -> Self {
        CardReader {
            kind: "3505",
            cards,
            next: 0,
            sense: 0,
            phase: Phase::Idle,
            marks: std::collections::VecDeque::new(),
            eof_seen: false,
            wants_attention: false,
        }
    }

    /// The operator puts `deck` in the hopper behind what is there and presses EOF: it is
    /// read after the cards not yet read, and ends in an end of file of its own. The
    /// reader asks for attention.
    pub fn load(&mut self, deck: Vec<Card>) {
        if deck.is_empty() {
            return;
        }
        let unread_end = !(self.next == self.cards.len() && self.eof_seen);
        if !self.cards.is_empty() && unread_end && self.marks.back() != Some(&self.cards.len()) {
            self.marks.push_back(self.cards.len());
        }
        self.cards.extend(deck);
        self.eof_seen = false;
        self.wants_attention = true;
    }

    /// A reader holding the deck in `path`.
    pub fn open(path: &Path, format: CardFormat) -> Result<Self, String> {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
        Ok(Self::new(parse_deck(&name, &bytes, format)?))
    }

    /// Call it a 2540 (reader side) instead of a 3505.
    pub fn as_2540(mut self) -> Self {
        self.kind = "2540";
        self
    }

    /// What a read does now: the next card, or an end of file (a deck's end, or the
    /// hopper's).
    fn next_read(&mut self) -> Phase {
        if self.marks.front() == Some(&self.next) {
            self.marks.pop_front();
            Phase::Eof
        } else if self.next < self.cards.len() {
            self.next += 1;
            Phase::Read(self.next - 1)
        } else {
            self.eof_seen = true;
            Phase::Eof
        }
    }

    /// Cards not yet read.
    pub fn remaining(&self) -> usize {
        self.cards.len() - self.next
    }
}

impl Device for CardReader {
    fn kind(&self) -> &'static str {
        self.kind
    }

    fn start(&mut self, cmd: u8, _xfer: &mut Transfer, now: u64) -> Start {
        if cmd != 0x04 {
            self.sense = 0;
        }
        match cmd {
            0x04 => {
                self.phase = Phase::Sense;
                Start::At(now + us(SENSE_US))
            }
            0x03 => Start::Immediate(UnitStatus::CE_DE),
            c if c & 0x03 == 0x02 => {
                self.phase = self.next_read();
                match self.phase {
                    Phase::Read(_) => Start::At(now + us(CARD_US)),
                    _ => Start::At(now + us(SENSE_US)),
                }
            }
            c if c & 0x03 == 0x03 => {
                self.next = (self.next + 1).min(self.cards.len());
                self.phase = Phase::End;
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
            Phase::Read(i) => {
                if let Some(card) = self.cards.get(i) {
                    xfer.store(card);
                }
                Service::Done(UnitStatus::CE_DE)
            }
            Phase::Eof => Service::Done(UnitStatus::CE_DE | UnitStatus::UNIT_EXCEPTION),
            Phase::Sense => {
                xfer.store(&[self.sense]);
                self.sense = 0;
                Service::Done(UnitStatus::CE_DE)
            }
            Phase::End | Phase::Idle => Service::Done(UnitStatus::CE_DE),
        }
    }

    fn halt(&mut self, _now: u64) -> UnitStatus {
        self.phase = Phase::Idle;
        UnitStatus::CE_DE
    }

    fn attention(&mut self) -> bool {
        std::mem::take(&mut self.wants_attention)
    }

    fn load_cards(&mut self, deck: Vec<Card>) -> Result<(), String> {
        self.load(deck);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_deck_must_be_whole_cards() {
        assert_eq!(
            parse_deck("d", &[0x40; 160], CardFormat::Ebcdic)
                .unwrap()
                .len(),
            2
        );
        let e = parse_deck("d.bin", &[0x40; 170], CardFormat::Ebcdic).unwrap_err();
        assert!(
            e.starts_with("d.bin: 170 bytes is not a whole number"),
            "{e}"
        );
        assert!(parse_deck("d", &[], CardFormat::Ebcdic).unwrap().is_empty());
    }

    #[test]
    fn text_deck_pads_and_translates() {
        let d = parse_deck("d.txt", b"HELLO\r\n\nX\n", CardFormat::Ascii).unwrap();
        assert_eq!(d.len(), 3);
        assert_eq!(&d[0][..6], &[0xC8, 0xC5, 0xD3, 0xD3, 0xD6, 0x40]);
        assert_eq!(d[1], [0x40; 80]);
        // no final newline: the last line is still a card
        assert_eq!(
            parse_deck("d", b"A\nB", CardFormat::Ascii).unwrap().len(),
            2
        );
    }

    #[test]
    fn text_deck_errors_name_the_line() {
        let long = "X".repeat(81);
        let e = parse_deck(
            "d.txt",
            format!("ok\n{long}\n").as_bytes(),
            CardFormat::Ascii,
        )
        .unwrap_err();
        assert_eq!(e, "d.txt:2: line is 81 characters; a card holds 80");
        let e = parse_deck("d.txt", "ab\u{2603}\n".as_bytes(), CardFormat::Ascii).unwrap_err();
        assert!(e.starts_with("d.txt:1: column 3:"), "{e}");
        let e = parse_deck("d.txt", &[0xC8, 0xFF, 0x15], CardFormat::Ascii).unwrap_err();
        assert!(e.starts_with("d.txt: not UTF-8"), "{e}");
    }

    #[test]
    fn decks_loaded_later_end_in_their_own_end_of_file() {
        let card = |b: u8| [b; 80];
        let mut r = CardReader::new(vec![card(1)]);
        assert!(!r.attention());
        r.load(vec![card(2), card(3)]);
        assert!(r.attention());
        assert!(!r.attention(), "asked once");
        let reads: Vec<Phase> = (0..6).map(|_| r.next_read()).collect();
        use Phase::{Eof, Read};
        assert_eq!(reads, [Read(0), Eof, Read(1), Read(2), Eof, Eof]);
        r.load(vec![card(4)]);
        assert_eq!(r.remaining(), 1, "after the EOF was seen: no empty deck");
    }

    #[test]
    fn missing_deck() {
        let e =
            CardReader::open(Path::new("/nonexistent/deck.bin"), CardFormat::Ebcdic).unwrap_err();
        assert!(e.starts_with("/nonexistent/deck.bin: cannot read:"), "{e}");
    }
}
