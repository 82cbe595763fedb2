//! I/O devices: one file per device type, each behind the small [`Device`] trait.
//!
//! The contract follows SIMH's IBM 360 devices: the channel owns the channel program
//! and hands a device one command at a time; the device answers in virtual time.
//!
//! ```text
//!   channel                         device
//!   -------                         ------
//!   SIO / command chaining  --->  start(cmd, xfer, now) -> Immediate(status)  (no data moved)
//!                                                        | At(t)  (call service at t)
//!                                                        | Wait   (until operator input)
//!   event due at t          --->  service(xfer, t)      -> Done(status) | At(t') | Wait
//!   HIO / HDV               --->  halt(now)             -> ending status
//!   operator types a line   --->  input(line, now)      -> Wake(t) | Held
//!   subchannel idle         --->  attention()           -> raise unsolicited ATTENTION?
//! ```
//!
//! `xfer` ([`Transfer`]) is the byte path: `fetch`/`fetch_up_to` for output, `store` for
//! input. The channel does everything else (CCW fetch, TIC, data and command chaining,
//! counts, keys, incorrect length, the CSW). A device never sees storage directly and never
//! reads the wall clock, so every run is reproducible.

pub mod console3215;
pub mod dasd;
pub mod printer;
pub mod punch;
pub mod reader;
pub mod transcript;

use std::path::{Path, PathBuf};

use crate::channel::{Transfer, UnitStatus};
pub use transcript::Transcript;

/// Sense byte 0, bit 0: command reject (all devices here).
pub const SENSE_COMMAND_REJECT: u8 = 0x80;
/// Sense byte 0, bit 1: intervention required.
pub const SENSE_INTERVENTION_REQUIRED: u8 = 0x40;
/// Sense byte 0, bit 3: equipment check (here: the host file failed).
pub const SENSE_EQUIPMENT_CHECK: u8 = 0x10;

/// A device's answer to a new command (initial selection).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    /// The operation ended at initial selection without moving data (a control command
    /// such as no-op, or a command reject with unit check). Incorrect length is never
    /// indicated for an immediate operation.
    Immediate(UnitStatus),
    /// Accepted: the channel calls `service` at this virtual time.
    At(u64),
    /// Accepted, waiting for something outside the machine (an operator's input line);
    /// the device asks to be serviced through `input` returning [`Input::Wake`].
    Wait,
}

/// A device's answer when its scheduled event falls due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Service {
    /// The operation is over with this status (normally channel end + device end).
    Done(UnitStatus),
    /// Not yet: call `service` again at this virtual time.
    At(u64),
    /// Wait for operator input.
    Wait,
}

/// What operator input did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// A read was waiting for it: call `service` at this virtual time.
    Wake(u64),
    /// Held in the device; the device will ask for attention (see `Device::attention`).
    Held,
}

/// One I/O device. Only `kind` and `start` are required.
pub trait Device {
    /// Device type, e.g. `"3215"`.
    fn kind(&self) -> &'static str;

    /// Initial selection for command `cmd`. Data may move through `xfer` right away.
    fn start(&mut self, cmd: u8, xfer: &mut Transfer, now: u64) -> Start;

    /// An event the device scheduled is due (`now` is the scheduled time).
    fn service(&mut self, _xfer: &mut Transfer, _now: u64) -> Service {
        Service::Done(UnitStatus::CE_DE)
    }

    /// HIO/HDV ended the current operation: stop, and give the ending status.
    fn halt(&mut self, _now: u64) -> UnitStatus {
        UnitStatus::CE_DE
    }

    /// Called when the subchannel is idle: true to present an unsolicited ATTENTION now
    /// (the device clears its own request).
    fn attention(&mut self) -> bool {
        false
    }

    /// A person typed `line` and pressed Enter.
    fn input(&mut self, _line: &str, _now: u64) -> Result<Input, String> {
        Err(format!("a {} has no keyboard", self.kind()))
    }

    /// True while a read waits for the operator (keyboard unlocked).
    fn awaiting_input(&self) -> bool {
        false
    }

    /// True while the program has inhibited printing of the next line typed (a 3215's
    /// X'1B', before a password): what is typed must not be shown.
    fn print_inhibited(&self) -> bool {
        false
    }

    /// The disk image, for a device that holds one in memory (observers only).
    fn volume(&self) -> Option<&[u8]> {
        None
    }

    /// What a printing terminal has printed, typed input included: the kept tail (a
    /// bounded amount, see [`transcript::KEEP`]) and its absolute position.
    fn transcript(&self) -> Option<Transcript<'_>> {
        None
    }

    /// The operator puts a deck in the hopper (a card reader; see `reader`).
    fn load_cards(&mut self, _deck: Vec<reader::Card>) -> Result<(), String> {
        Err(format!("a {} has no hopper for cards", self.kind()))
    }
}

/// How a deck or punch file holds its cards (see `reader`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardFormat {
    /// 80 bytes of EBCDIC per card, nothing else (Hercules' `ebcdic`).
    Ebcdic,
    /// One card per line of text, translated with code page 037.
    Ascii,
}

impl CardFormat {
    /// The format of `path` unless stated: text for a `.txt` name, else EBCDIC.
    pub fn for_path(path: &Path) -> CardFormat {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("txt") => CardFormat::Ascii,
            _ => CardFormat::Ebcdic,
        }
    }
}

/// The device types `--device` knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeviceType {
    Console3215,
    Reader2540,
    Reader3505,
    Punch3525,
    Printer1403,
    Dasd3330,
    Dasd3350,
}

impl DeviceType {
    /// Parse a type name such as `3505` or `3330`.
    pub fn parse(s: &str) -> Result<DeviceType, String> {
        Ok(match s.to_ascii_uppercase().as_str() {
            "3215" | "3215-C" => DeviceType::Console3215,
            "2540" | "2540R" => DeviceType::Reader2540,
            "3505" => DeviceType::Reader3505,
            "3525" | "2540P" => DeviceType::Punch3525,
            "1403" => DeviceType::Printer1403,
            "3330" => DeviceType::Dasd3330,
            "3350" => DeviceType::Dasd3350,
            _ => {
                return Err(format!(
                    "unknown device type \"{s}\" (known: 3215, 2540, 3505, 3525, 1403, \
                     3330, 3350)"
                ));
            }
        })
    }

    /// True when the device needs a file.
    pub fn needs_file(self) -> bool {
        self != DeviceType::Console3215
    }
}

/// A device to attach: `CUU=TYPE[:FILE[:ascii|:ebcdic]]`, e.g. `00C=3505:deck.bin`,
/// `190=3330:vol.3330`, `00E=1403:print.txt`, `009=3215`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceSpec {
    pub addr: u16,
    pub kind: DeviceType,
    pub file: Option<PathBuf>,
    /// Card format stated with `:ascii` / `:ebcdic`.
    pub format: Option<CardFormat>,
}

/// Parse a device address (1-3 hex digits, S/370 channel and unit: 000-FFF).
pub fn parse_addr(s: &str) -> Result<u16, String> {
    let t = s.trim();
    if t.is_empty() || t.len() > 3 || !t.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(format!(
            "\"{s}\" is not a device address (1 to 3 hex digits, e.g. 00C)"
        ));
    }
    u16::from_str_radix(t, 16).map_err(|e| e.to_string())
}

impl DeviceSpec {
    pub fn parse(s: &str) -> Result<DeviceSpec, String> {
        let (addr, rest) = s
            .split_once('=')
            .ok_or_else(|| format!("\"{s}\": write CUU=TYPE[:FILE], e.g. 00C=3505:deck.bin"))?;
        let addr = parse_addr(addr)?;
        let (kind, file) = match rest.split_once(':') {
            Some((k, f)) => (k, Some(f)),
            None => (rest, None),
        };
        let kind = DeviceType::parse(kind)?;
        let mut format = None;
        let file = file.map(|f| {
            let lower = f.to_ascii_lowercase();
            if lower.ends_with(":ascii") {
                format = Some(CardFormat::Ascii);
                &f[..f.len() - 6]
            } else if lower.ends_with(":ebcdic") {
                format = Some(CardFormat::Ebcdic);
                &f[..f.len() - 7]
            } else {
                f
            }
        });
        let file = match file {
            Some("") | None if kind.needs_file() => {
                return Err(format!(
                    "\"{s}\": a {rest} needs a file: {addr:03X}={rest}:FILE"
                ));
            }
            Some(f) if !kind.needs_file() => {
                return Err(format!("\"{s}\": a 3215 takes no file (got \"{f}\")"));
            }
            f => f.map(PathBuf::from),
        };
        Ok(DeviceSpec {
            addr,
            kind,
            file,
            format,
        })
    }

    /// Open the file and build the device. Errors read `FILE: what is wrong`.
    pub fn open(&self) -> Result<Box<dyn Device>, String> {
        if self.kind == DeviceType::Console3215 {
            return Ok(Box::new(console3215::Console3215::new()));
        }
        let file = self
            .file
            .as_deref()
            .ok_or_else(|| format!("device {:03X}: a file is needed", self.addr))?;
        let format = self.format.unwrap_or_else(|| CardFormat::for_path(file));
        Ok(match self.kind {
            DeviceType::Console3215 => Box::new(console3215::Console3215::new()),
            DeviceType::Reader3505 => Box::new(reader::CardReader::open(file, format)?),
            DeviceType::Reader2540 => Box::new(reader::CardReader::open(file, format)?.as_2540()),
            DeviceType::Punch3525 => Box::new(punch::CardPunch::create(file, format)?),
            DeviceType::Printer1403 => Box::new(printer::Printer::create(file)?),
            DeviceType::Dasd3330 => {
                Box::new(dasd::Dasd::open(file, dasd::Model::D3330)?.at(self.addr))
            }
            DeviceType::Dasd3350 => {
                Box::new(dasd::Dasd::open(file, dasd::Model::D3350)?.at(self.addr))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_specs() {
        let d = DeviceSpec::parse("00C=3505:deck.bin").unwrap();
        assert_eq!(d.addr, 0x00C);
        assert_eq!(d.kind, DeviceType::Reader3505);
        assert_eq!(d.file, Some(PathBuf::from("deck.bin")));
        assert_eq!(d.format, None);
        let d = DeviceSpec::parse("c=3505:deck.dat:ASCII").unwrap();
        assert_eq!((d.addr, d.format), (0x00C, Some(CardFormat::Ascii)));
        assert_eq!(d.file, Some(PathBuf::from("deck.dat")));
        let d = DeviceSpec::parse("190=3330:vol.3330").unwrap();
        assert_eq!(d.kind, DeviceType::Dasd3330);
        let d = DeviceSpec::parse("009=3215").unwrap();
        assert_eq!((d.kind, d.file), (DeviceType::Console3215, None));
        for (bad, msg) in [
            ("00C", "write CUU=TYPE"),
            ("1000=3505:x", "not a device address"),
            ("00C=9999:x", "unknown device type"),
            ("00C=3505", "needs a file"),
            ("00C=3505:", "needs a file"),
            ("009=3215:x", "takes no file"),
        ] {
            let e = DeviceSpec::parse(bad).unwrap_err();
            assert!(e.contains(msg), "{bad}: {e}");
        }
        assert_eq!(CardFormat::for_path(Path::new("a.TXT")), CardFormat::Ascii);
        assert_eq!(CardFormat::for_path(Path::new("a.bin")), CardFormat::Ebcdic);
    }
}
