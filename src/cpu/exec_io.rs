//! Channel I/O instructions: SIO, SIOF, TIO, CLRIO, HIO, HDV, TCH, STIDC.
//!
//! The second-operand address names the device: bits 16-23 the channel, 24-31 the
//! device (`0cuu`). The CPU only asks the `IoBus` and sets the condition code; on
//! `IoCc::Cc1Csw` it stores the CSW at real X'40'. After every I/O instruction the run
//! loop re-reads `bus.next_event()` and the pending interruptions (`check_at = 0`).
//!
//! CLRIO is modelled as TIO when the device is not busy, and as HIO when it is (the
//! bus interface has no separate clear): in both cases the device ends up idle.
//! STIDC stores a channel ID at X'A8' (type in bits 0-3: channel 0 a byte multiplexer
//! `1`, the others block multiplexers `2`), or gives cc 3 for a channel that is not
//! operational.

use super::exec::{Ib, R};
use super::{Cpu, IoBus, IoCc};

impl Cpu {
    fn io_cc(&mut self, r: IoCc) {
        self.cc = match r {
            IoCc::Cc0 => 0,
            IoCc::Cc1Csw(csw) => {
                self.store_real(0x40, &csw);
                self.per_note_store(0x40, 8);
                1
            }
            IoCc::Cc1 => 1,
            IoCc::Cc2 => 2,
            IoCc::Cc3 => 3,
        };
        self.check_at = 0;
    }

    /// 9C00-9FFF: bits 8-14 of the instruction are ignored (TCH: bits 8-15), bit 15
    /// picks SIO/SIOF, TIO/CLRIO, HIO/HDV.
    pub(crate) fn channel_io<B: IoBus>(&mut self, bus: &mut B, ib: Ib) -> R {
        let dev = (self.ea1(ib) & 0xFFFF) as u16;
        let now = self.now;
        bus.set_prefix(self.prefix);
        let r = match (ib.b(0), ib.b(1) & 1) {
            (0x9C, f) => bus.start_io(&mut self.mem, dev, f == 1, now),
            (0x9D, 0) => bus.test_io(&mut self.mem, dev, now),
            (0x9D, _) => match bus.test_io(&mut self.mem, dev, now) {
                IoCc::Cc2 => bus.halt_io(&mut self.mem, dev, false, now),
                other => other,
            },
            (0x9E, f) => bus.halt_io(&mut self.mem, dev, f == 1, now),
            _ => {
                self.cc = bus.test_channel((dev >> 8) as u8, now) & 3;
                self.check_at = 0;
                return Ok(());
            }
        };
        self.io_cc(r);
        Ok(())
    }

    /// STIDC.
    pub(crate) fn stidc<B: IoBus>(&mut self, bus: &mut B, a: u32) -> R {
        let ch = ((a >> 8) & 0xFF) as u8;
        if bus.test_channel(ch, self.now) == 3 {
            self.cc = 3;
        } else {
            let id: u32 = if ch == 0 { 0x1000_0000 } else { 0x2000_0000 };
            self.store_real(0xA8, &id.to_be_bytes());
            self.per_note_store(0xA8, 4);
            self.cc = 0;
        }
        self.check_at = 0;
        Ok(())
    }
}
