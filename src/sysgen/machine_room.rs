//! The machine room: the real card reader at 00C and the real printer at 00E, which CP's
//! spooling drives (roms/cp/rspool.asm).
//!
//! Every system has both: the reader starts with an empty hopper and the printer keeps
//! what it prints in memory (its last [`KEEP`](crate::devices::transcript::KEEP) bytes,
//! for tests and the TUI). `--device 00C=3505:DECK` puts a deck in the hopper (its first
//! card an ID card, see README), `--device 00E=1403:FILE` prints into a file instead. A
//! scenario's `Reader(file:, user:)` step puts a deck behind an ID card for the user.

use crate::devices::printer::Printer;
use crate::devices::reader::{Card, CardReader, text_card};
use crate::devices::{DeviceSpec, DeviceType};
use crate::machine::Machine;

use super::System;
use crate::devices::dasd::{Record, parse_track};

/// The spool checkpoint (with `--data`): cylinder 0 of the system residence volume, its
/// last tracks from this head on, `SPOOL_TRACKS` tracks of four 4K records: page 0 CP's spool file table,
/// pages 1-32 the spool area's frames (roms/cp/vspool.asm, SPCKPT and SPWARM).
pub const SPOOL_HEAD: u16 = 21;
/// Tracks of the checkpoint: 33 pages, four a track.
pub const SPOOL_TRACKS: u16 = 9;

/// Does CP (`cp_len` bytes) with the CMS nucleus leave the checkpoint's tracks free on
/// cylinder 0 (as `build_sysres` lays them out: the nucleus from head 2, then CP, four
/// pages a track)? A system for very many terminals has a CP too big: it keeps no spool
/// files across restarts.
pub fn spool_fits(cp_len: usize, nss_len: usize) -> bool {
    let tracks = |b: usize| b.div_ceil(4096).div_ceil(4);
    super::NSS_HEAD as usize + tracks(nss_len) + tracks(cp_len) <= SPOOL_HEAD as usize
}

/// SYSCONF's lines telling CP whether to keep its spool files on the volume.
pub fn spool_conf(keep: bool) -> String {
    format!(
        "SPCKPT   DC    H'{}'                  spool files kept on sysres (--data)\n\
         SPCKHD   DC    H'{SPOOL_HEAD}'                 from head (cylinder 0)\n",
        u8::from(keep)
    )
}

/// The checkpoint's empty records on a new volume.
pub fn spool_tracks(tracks: &mut [Vec<Record>]) {
    for h in SPOOL_HEAD..SPOOL_HEAD + SPOOL_TRACKS {
        for r in 1..=4u8 {
            tracks[h as usize].push(Record::new(0, h, r, &[], &[0u8; 4096]));
        }
    }
}

/// Where the checkpoint's tracks lie in cylinder 0 (bytes from its start).
pub fn spool_bytes(track_size: usize) -> (usize, usize) {
    (
        SPOOL_HEAD as usize * track_size,
        (SPOOL_HEAD + SPOOL_TRACKS) as usize * track_size,
    )
}

/// Do these tracks (read from a kept volume) hold the checkpoint's records?
pub fn spool_formatted(bytes: &[u8], track_size: usize) -> bool {
    bytes.chunks(track_size).enumerate().all(|(i, t)| {
        parse_track(t, 0, SPOOL_HEAD + i as u16).is_ok_and(|t| {
            t.records.len() == 5 && t.records[1..].iter().all(|r| r.data.len() == 4096)
        })
    })
}

/// CP's real card reader.
pub const REAL_READER: u16 = 0x00C;
/// CP's real printer.
pub const REAL_PRINTER: u16 = 0x00E;

/// An empty reader and a printer in memory.
pub fn attach(machine: &mut Machine) {
    machine.attach(REAL_READER, Box::new(CardReader::new(Vec::new())));
    machine.attach(REAL_PRINTER, Box::new(Printer::in_memory()));
}

/// The ID card VM/370's spooling wants in front of a deck for `user`'s reader:
/// `ID userid` from column 1.
pub fn id_card(user: &str) -> Card {
    text_card(&format!("ID {user}")).expect("a userid fits on a card")
}

/// Is `spec` a machine-room device (a reader at 00C or a printer at 00E)? Other unit
/// record devices are refused: CP drives only these.
pub fn is_unit_record(spec: &DeviceSpec) -> Result<bool, String> {
    let at = format!("--device {:03X}", spec.addr);
    match spec.kind {
        DeviceType::Reader2540 | DeviceType::Reader3505 if spec.addr == REAL_READER => Ok(true),
        DeviceType::Printer1403 if spec.addr == REAL_PRINTER => Ok(true),
        DeviceType::Reader2540 | DeviceType::Reader3505 => Err(format!(
            "{at}: CP's card reader is at {REAL_READER:03X}: --device 00C=3505:DECK"
        )),
        DeviceType::Printer1403 => Err(format!(
            "{at}: CP's printer is at {REAL_PRINTER:03X}: --device 00E=1403:FILE"
        )),
        DeviceType::Punch3525 | DeviceType::Console3215 => Err(format!(
            "{at}: CP drives no real {} (its punch files go to readers)",
            if spec.kind == DeviceType::Punch3525 {
                "punch"
            } else {
                "console there"
            }
        )),
        DeviceType::Dasd3330 | DeviceType::Dasd3350 => Ok(false),
    }
}

impl System {
    /// `--device 00C=3505:DECK` (the deck goes in the hopper) or `00E=1403:FILE` (the
    /// printer prints into FILE).
    pub fn attach_unit_record(&mut self, spec: &DeviceSpec) -> Result<(), String> {
        if spec.addr == REAL_PRINTER {
            let dev = spec.open()?;
            self.machine.attach(REAL_PRINTER, dev);
            return Ok(());
        }
        let file = spec
            .file
            .as_deref()
            .ok_or_else(|| format!("--device {:03X}: a deck is needed", spec.addr))?;
        let format = spec
            .format
            .unwrap_or_else(|| crate::devices::CardFormat::for_path(file));
        let name = file.display().to_string();
        let bytes = std::fs::read(file).map_err(|e| format!("{name}: cannot read: {e}"))?;
        let deck = crate::devices::reader::parse_deck(&name, &bytes, format)?;
        self.machine.load_cards(REAL_READER, deck)
    }

    /// The operator puts `deck` behind an ID card for `user` in the reader's hopper.
    pub fn reader_deck(&mut self, user: &str, deck: &[Card]) -> Result<(), String> {
        let mut cards = Vec::with_capacity(deck.len() + 1);
        cards.push(id_card(user));
        cards.extend_from_slice(deck);
        self.machine.load_cards(REAL_READER, cards)
    }

    /// What the in-memory printer has printed (its kept tail), or `None` when it prints
    /// into a file.
    pub fn printer_output(&self) -> Option<String> {
        self.machine
            .channel()
            .device(REAL_PRINTER)?
            .transcript()
            .map(|t| t.text.to_string())
    }
}
