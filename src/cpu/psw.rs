//! The program status word, in its two S/370 formats.
//!
//! ```text
//! BC mode (bit 12 = 0)
//!  0      5 6 7 8  11 12 13 14 15 16              31 32 33 34 35 36  39 40            63
//! | chan 0-5 |I|E| key |0 | M | W | P |  interruption code | ILC |  CC | prog mask | instruction address |
//!
//! EC mode (bit 12 = 1)
//!  0 1 2 3 4 5 6 7 8  11 12 13 14 15 16 17 18 19 20  23 24            39 40            63
//! |0|R|0 0 0|T|I|E| key |1 | M | W | P |S |0 | CC | pmask |  0 ... 0   | instruction address |
//!   R = PER mask, T = translation (DAT), I = I/O mask, E = external mask,
//!   S = secondary-space mode (dual-address-space facility; with DAT on)
//! ```
//!
//! The CPU keeps the PSW unpacked in fields of `Cpu`. A PSW whose must-be-zero bits
//! (EC mode: 0, 2-4, 17, 24-39) are not zero is still loaded, as the Principles of
//! Operation says, and a specification exception is recognized right after it becomes
//! active ("early exception"): the old PSW shows the bad bits unchanged.
//!
//! The ILC of the current PSW is kept in halfwords (0-3) as the BC format stores it;
//! BRANCH AND LINK and the program/SVC interruption codes use it.

use super::Cpu;

/// PSW bit 12.
pub(crate) const EC_BIT: u64 = 1 << 51;
/// EC-mode bits that must be zero: 0, 2-4, 17, 24-39.
pub(crate) const EC_MBZ: u64 = 0xB800_40FF_FF00_0000;
/// EC-mode bit 16: the secondary-space mode (with DAT on).
pub(crate) const SPACE_BIT: u64 = 1 << 47;

/// Why a PSW is invalid (None if it is valid).
pub(crate) fn invalid_reason(psw: u64) -> Option<&'static str> {
    if psw & EC_BIT != 0 && psw & EC_MBZ != 0 {
        Some("EC-mode PSW with nonzero bits in 0, 2-4, 17 or 24-39")
    } else {
        None
    }
}

impl Cpu {
    /// Unpack `psw` into the current PSW. Returns false (and arms the early
    /// specification exception) if it is invalid.
    pub(crate) fn load_psw(&mut self, psw: u64) -> bool {
        self.sysmask = (psw >> 56) as u8;
        self.key = ((psw >> 52) & 0xF) as u8;
        self.ec = psw & EC_BIT != 0;
        self.mchk = psw & (1 << 50) != 0;
        self.wait = psw & (1 << 49) != 0;
        self.problem = psw & (1 << 48) != 0;
        if self.ec {
            self.cc = ((psw >> 44) & 3) as u8;
            self.pmask = ((psw >> 40) & 0xF) as u8;
            self.psw_bad = psw & EC_MBZ;
            self.space = psw & SPACE_BIT != 0;
        } else {
            self.cc = ((psw >> 28) & 3) as u8;
            self.pmask = ((psw >> 24) & 0xF) as u8;
            self.psw_bad = 0;
            self.space = false;
        }
        self.ia = (psw as u32) & super::AMASK;
        self.update_dat();
        self.flush_access_cache();
        self.psw_error = self.psw_bad != 0;
        self.check_at = 0;
        self.update_per();
        !self.psw_error
    }

    /// Recompute the derived DAT and PER flags and the validity after a system-mask
    /// change.
    pub(crate) fn update_dat(&mut self) {
        self.update_per();
        let dat = self.ec && self.sysmask & 0x04 != 0;
        if dat != self.dat {
            self.flush_access_cache();
        }
        self.dat = dat;
        self.update_space();
        if self.ec {
            let bad = (self.sysmask as u64) << 56 & EC_MBZ;
            self.psw_bad = (self.psw_bad & !(0xFFu64 << 56)) | bad;
            if self.psw_bad != 0 {
                self.psw_error = true;
                self.check_at = 0;
            }
        }
    }

    /// The current PSW with `code` in the BC-mode interruption-code field.
    pub(crate) fn pack_psw(&self, code: u16) -> u64 {
        let mut p = (self.sysmask as u64) << 56
            | (self.key as u64) << 52
            | (self.mchk as u64) << 50
            | (self.wait as u64) << 49
            | (self.problem as u64) << 48
            | self.ia as u64;
        if self.ec {
            p |= EC_BIT
                | (self.space as u64) << 47
                | (self.cc as u64) << 44
                | (self.pmask as u64) << 40
                | self.psw_bad;
        } else {
            p |= (code as u64) << 32
                | ((self.ilc & 3) as u64) << 30
                | (self.cc as u64) << 28
                | (self.pmask as u64) << 24;
        }
        p
    }

    /// Channel mask for `IoBus::take_interrupt`: bit 15-n for channel n.
    ///
    /// BC mode: PSW bits 0-5 enable channels 0-5 directly; PSW bit 6 together with
    /// CR2 bit n enables channel n >= 6. EC mode: PSW bit 6 together with CR2 bit n.
    #[inline]
    pub(crate) fn io_mask(&self) -> u16 {
        let cr2 = (self.cr[2] >> 16) as u16;
        let bit6 = self.sysmask & 0x02 != 0;
        if self.ec {
            if bit6 { cr2 } else { 0 }
        } else {
            let low = ((self.sysmask as u16) >> 2 & 0x3F) << 10;
            let high = if bit6 { cr2 & 0x03FF } else { 0 };
            low | high
        }
    }

    /// PSW bit 7.
    #[inline]
    pub(crate) fn ext_enabled(&self) -> bool {
        self.sysmask & 0x01 != 0
    }

    /// Wait state with no way out: I/O and external interruptions masked off in the PSW.
    pub(crate) fn disabled_wait(&self) -> bool {
        let io = if self.ec {
            self.sysmask & 0x02 != 0
        } else {
            self.sysmask & 0xFE != 0
        };
        !io && !self.ext_enabled()
    }

    /// The BC-format link information BAL/BALR put in R1: ILC, CC, program mask and
    /// the updated instruction address `next` (S/370 uses this format in both modes).
    #[inline(always)]
    pub(crate) fn link_info(&self, ilc: u8, next: u32) -> u32 {
        ((ilc as u32 & 3) << 30) | (self.cc as u32) << 28 | (self.pmask as u32) << 24 | next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ec_must_be_zero_bits() {
        assert!(invalid_reason(0x0008_0000_0000_1000).is_none());
        assert!(invalid_reason(0x8008_0000_0000_1000).is_some()); // bit 0
        assert!(invalid_reason(0x4008_0000_0000_1000).is_none()); // bit 1 (PER) ok
        assert!(invalid_reason(0x2008_0000_0000_1000).is_some()); // bit 2
        assert!(invalid_reason(0x0808_0000_0000_1000).is_some()); // bit 4
        assert!(invalid_reason(0x0408_0000_0000_1000).is_none()); // bit 5 DAT
        assert!(invalid_reason(0x0008_8000_0000_1000).is_none()); // bit 16: DAS
        assert!(invalid_reason(0x0008_4000_0000_1000).is_some()); // bit 17
        assert!(invalid_reason(0x0008_3F00_0000_1000).is_none()); // cc, pmask
        assert!(invalid_reason(0x0008_0080_0000_1000).is_some()); // bit 24
        assert!(invalid_reason(0x0008_0000_0100_1000).is_some()); // bit 39
        // BC mode has no must-be-zero bits.
        assert!(invalid_reason(0xFFF7_FFFF_FFFF_FFFF).is_none());
    }

    #[test]
    fn pack_unpack_round_trip() {
        let mut c = Cpu::new(65536, 1.0, 0);
        for psw in [
            0x070E_0000_0000_1234u64,
            0xFF05_0000_ABCD_EF02, // BC: code 0000, ILC 3, CC 2, pmask B
            0x040C_2F00_0012_3456,
        ] {
            assert!(c.load_psw(psw));
            c.ilc = ((psw >> 30) & 3) as u8;
            let expect = if psw & EC_BIT == 0 {
                psw & !0x0000_FFFF_0000_0000
            } else {
                psw
            };
            assert_eq!(c.psw(), expect, "{psw:016X}");
        }
    }

    #[test]
    fn io_masks() {
        let mut c = Cpu::new(65536, 1.0, 0);
        c.load_psw(0x8000_0000_0000_0000); // BC, channel 0 only
        assert_eq!(c.io_mask(), 0x8000);
        c.load_psw(0x0200_0000_0000_0000); // BC bit 6: channels 6..15 via CR2
        assert_eq!(c.io_mask(), 0x03FF);
        c.load_psw(0x0208_0000_0000_0000); // EC bit 6
        c.cr[2] = 0x4000_0000; // channel 1 only
        assert_eq!(c.io_mask(), 0x4000);
        c.load_psw(0x0008_0000_0000_0000);
        assert_eq!(c.io_mask(), 0);
    }
}
