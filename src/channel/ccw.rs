//! The words the channel and the program exchange: CAW, CCW (format 0), CSW, and the
//! typed status bytes. See the module docs of `channel` for the bit layouts.

use bitflags::bitflags;

bitflags! {
    /// CCW flag byte (CCW bits 32-39).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
    pub struct CcwFlags: u8 {
        /// Chain data: the next CCW continues this one's data area.
        const CD = 0x80;
        /// Chain command: start the next CCW's command when this one ends normally.
        const CC = 0x40;
        /// Suppress incorrect length.
        const SLI = 0x20;
        /// Skip: count input bytes without storing them.
        const SKIP = 0x10;
        /// Program-controlled interruption when this CCW becomes current.
        const PCI = 0x08;
        /// Indirect data addressing: the data address points at a list of IDAWs.
        const IDA = 0x04;
        /// Bits 38-39: must be zero (program check otherwise).
        const RESERVED = 0x03;
    }
}

bitflags! {
    /// Unit status: the device's byte in the CSW (CSW bits 32-39).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
    pub struct UnitStatus: u8 {
        const ATTENTION = 0x80;
        const STATUS_MODIFIER = 0x40;
        const CONTROL_UNIT_END = 0x20;
        const BUSY = 0x10;
        const CHANNEL_END = 0x08;
        const DEVICE_END = 0x04;
        const UNIT_CHECK = 0x02;
        const UNIT_EXCEPTION = 0x01;
    }
}

impl UnitStatus {
    /// Channel end and device end: the normal end of an operation.
    pub const CE_DE: UnitStatus = UnitStatus::CHANNEL_END.union(UnitStatus::DEVICE_END);
}

/// The unit status as the hardware people read it: `CE DE`, `CE DE UC`.
impl std::fmt::Display for UnitStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const NAMES: [&str; 8] = ["ATTN", "SM", "CUE", "BUSY", "CE", "DE", "UC", "UE"];
        let names: Vec<&str> = (0..8)
            .filter(|i| self.bits() & (0x80 >> i) != 0)
            .map(|i| NAMES[i])
            .collect();
        f.write_str(&names.join(" "))
    }
}

/// The channel status in words: `program check, incorrect length`.
impl std::fmt::Display for ChannelStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const NAMES: [&str; 8] = [
            "PCI",
            "incorrect length",
            "program check",
            "protection check",
            "channel data check",
            "channel control check",
            "interface control check",
            "chaining check",
        ];
        let names: Vec<&str> = (0..8)
            .filter(|i| self.bits() & (0x80 >> i) != 0)
            .map(|i| NAMES[i])
            .collect();
        f.write_str(&names.join(", "))
    }
}

bitflags! {
    /// Channel status: the channel's byte in the CSW (CSW bits 40-47).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
    pub struct ChannelStatus: u8 {
        const PCI = 0x80;
        const INCORRECT_LENGTH = 0x40;
        const PROGRAM_CHECK = 0x20;
        const PROTECTION_CHECK = 0x10;
        const CHANNEL_DATA_CHECK = 0x08;
        const CHANNEL_CONTROL_CHECK = 0x04;
        const INTERFACE_CONTROL_CHECK = 0x02;
        const CHAINING_CHECK = 0x01;
    }
}

impl ChannelStatus {
    /// The conditions that end a chain (everything except PCI and incorrect length,
    /// which the channel weighs against SLI separately).
    pub const ERRORS: ChannelStatus = ChannelStatus::PROGRAM_CHECK
        .union(ChannelStatus::PROTECTION_CHECK)
        .union(ChannelStatus::CHANNEL_DATA_CHECK)
        .union(ChannelStatus::CHANNEL_CONTROL_CHECK)
        .union(ChannelStatus::INTERFACE_CONTROL_CHECK)
        .union(ChannelStatus::CHAINING_CHECK);
}

/// Command codes the channel itself interprets (bits 4-7 of the command byte).
pub mod command {
    /// `xxxx1000`: transfer in channel.
    pub const TIC: u8 = 0x08;
    /// The command of the implied CCW of initial program loading (a read).
    pub const READ_IPL: u8 = 0x02;
    /// True if the low four bits are zero: an invalid command.
    pub fn invalid(cmd: u8) -> bool {
        cmd & 0x0F == 0
    }
    /// True for TIC (`xxxx1000`).
    pub fn is_tic(cmd: u8) -> bool {
        cmd & 0x0F == TIC
    }
    /// True for commands that move data into storage: read (`xxxxxx10`),
    /// sense (`xxxx0100`), read backward (`xxxx1100`).
    pub fn is_input(cmd: u8) -> bool {
        cmd & 0x03 == 0x02 || cmd & 0x0F == 0x04 || cmd & 0x0F == 0x0C
    }
}

/// A format-0 channel command word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ccw {
    pub command: u8,
    /// 24-bit data address (or IDAW-list address with IDA, or the TIC target).
    pub data: u32,
    pub flags: CcwFlags,
    pub count: u16,
}

impl Ccw {
    pub fn new(command: u8, data: u32, flags: CcwFlags, count: u16) -> Self {
        Ccw {
            command,
            data: data & 0x00FF_FFFF,
            flags,
            count,
        }
    }

    /// Decode 8 bytes of storage (byte 5 is ignored, as the architecture says).
    pub fn decode(b: &[u8; 8]) -> Self {
        Ccw {
            command: b[0],
            data: u32::from_be_bytes([0, b[1], b[2], b[3]]),
            flags: CcwFlags::from_bits_retain(b[4]),
            count: u16::from_be_bytes([b[6], b[7]]),
        }
    }

    /// The 8 bytes of this CCW as they sit in storage.
    pub fn encode(&self) -> [u8; 8] {
        let d = self.data.to_be_bytes();
        let c = self.count.to_be_bytes();
        [
            self.command,
            d[1],
            d[2],
            d[3],
            self.flags.bits(),
            0,
            c[0],
            c[1],
        ]
    }
}

/// A channel status word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Csw {
    /// Protection key of the channel program (CSW bits 0-3).
    pub key: u8,
    /// Deferred condition code (bits 6-7; 1 after SIOF, else 0).
    pub deferred_cc: u8,
    /// Address of the last CCW used + 8 (bits 8-31).
    pub ccw_addr: u32,
    pub unit: UnitStatus,
    pub channel: ChannelStatus,
    /// Residual count (bits 48-63).
    pub count: u16,
}

impl Csw {
    /// The 8 bytes the CPU stores at X'40'.
    pub fn to_bytes(&self) -> [u8; 8] {
        let a = (self.ccw_addr & 0x00FF_FFFF).to_be_bytes();
        let c = self.count.to_be_bytes();
        [
            (self.key << 4) | (self.deferred_cc & 3),
            a[1],
            a[2],
            a[3],
            self.unit.bits(),
            self.channel.bits(),
            c[0],
            c[1],
        ]
    }

    pub fn from_bytes(b: &[u8; 8]) -> Self {
        Csw {
            key: b[0] >> 4,
            deferred_cc: b[0] & 3,
            ccw_addr: u32::from_be_bytes([0, b[1], b[2], b[3]]),
            unit: UnitStatus::from_bits_retain(b[4]),
            channel: ChannelStatus::from_bits_retain(b[5]),
            count: u16::from_be_bytes([b[6], b[7]]),
        }
    }

    /// What the status bytes say: `CE DE, program check` (`no status` when both are 0).
    pub fn status_text(&self) -> String {
        match (self.unit.is_empty(), self.channel.is_empty()) {
            (true, true) => "no status".to_string(),
            (false, true) => self.unit.to_string(),
            (true, false) => self.channel.to_string(),
            (false, false) => format!("{}, {}", self.unit, self.channel),
        }
    }

    /// An unsolicited status (attention): no channel program, so key, address and count
    /// are zero.
    pub fn unsolicited(unit: UnitStatus) -> Self {
        Csw {
            unit,
            ..Csw::default()
        }
    }
}

/// `00001008 0C400007: CE DE, incorrect length`: the CSW's eight bytes, then what its
/// status bytes say.
impl std::fmt::Display for Csw {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let b = self.to_bytes();
        write!(
            f,
            "{:02X}{:02X}{:02X}{:02X} {:02X}{:02X}{:02X}{:02X}: {}",
            b[0],
            b[1],
            b[2],
            b[3],
            b[4],
            b[5],
            b[6],
            b[7],
            self.status_text()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ccw_round_trip() {
        let b = [0x09, 0x01, 0x23, 0x45, 0x60, 0xAA, 0x00, 0x50];
        let c = Ccw::decode(&b);
        assert_eq!(c.command, 0x09);
        assert_eq!(c.data, 0x012345);
        assert_eq!(c.flags, CcwFlags::CC | CcwFlags::SLI);
        assert_eq!(c.count, 0x50);
        // byte 5 is ignored and encodes as zero
        assert_eq!(c.encode(), [0x09, 0x01, 0x23, 0x45, 0x60, 0, 0x00, 0x50]);
    }

    #[test]
    fn csw_round_trip() {
        let csw = Csw {
            key: 0xE,
            deferred_cc: 1,
            ccw_addr: 0x001008,
            unit: UnitStatus::CE_DE,
            channel: ChannelStatus::INCORRECT_LENGTH,
            count: 7,
        };
        let b = csw.to_bytes();
        assert_eq!(b, [0xE1, 0x00, 0x10, 0x08, 0x0C, 0x40, 0x00, 0x07]);
        assert_eq!(Csw::from_bytes(&b), csw);
    }

    #[test]
    fn csw_as_people_read_it() {
        let mut csw = Csw {
            unit: UnitStatus::CE_DE,
            channel: ChannelStatus::PROGRAM_CHECK,
            ..Csw::default()
        };
        assert_eq!(csw.status_text(), "CE DE, program check");
        assert_eq!(format!("{csw}"), "00000000 0C200000: CE DE, program check");
        csw.unit |= UnitStatus::UNIT_CHECK | UnitStatus::ATTENTION;
        csw.channel |= ChannelStatus::INCORRECT_LENGTH;
        assert_eq!(
            csw.status_text(),
            "ATTN CE DE UC, incorrect length, program check"
        );
        assert_eq!(Csw::default().status_text(), "no status");
        assert_eq!(
            Csw::unsolicited(UnitStatus::UNIT_EXCEPTION).status_text(),
            "UE"
        );
    }

    #[test]
    fn command_classes() {
        assert!(command::invalid(0x00) && command::invalid(0xF0));
        assert!(command::is_tic(0x08) && command::is_tic(0x18));
        assert!(command::is_input(0x0A) && command::is_input(0x04) && command::is_input(0x0C));
        assert!(!command::is_input(0x09) && !command::is_input(0x03));
    }
}
