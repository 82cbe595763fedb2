//! Control instructions: PSW and system-mask manipulation, control registers, keys,
//! clocks and timers, translation (LRA, PTLB), prefix, CPU identity, SIGP, MC, SPM.
//!
//! Model choices (what a program sees):
//! - STIDP stores `01 001234 3158 0000`: version X'01' (X'FF' is what VM stores for a
//!   virtual CPU, so a real-machine value must differ), serial 001234, model 3158.
//! - STAP stores CPU address 0; SIGP to any other address gives cc 3 (not
//!   operational); to itself: sense, external call and emergency signal work
//!   (signals.rs), start does nothing (cc 0), set prefix and store status give the
//!   incorrect-state status (X'00000200', cc 1) since the CPU is not stopped, and the
//!   other orders (stop, restart, the resets) the invalid-order status (X'00000002').
//! - SPX accepts any prefix whose two 4K frames lie in storage; prefixing is applied
//!   to every real address.
//! - DIAGNOSE (in exec.rs) is privileged and, on this model, does nothing at all: it
//!   sets no register, no condition code and no storage. CP traps it from virtual
//!   machines by the privileged-operation exception.
//! - ISK in BC mode inserts only the access key and fetch bit (bits 24-28) and sets
//!   bits 29-31 to zero, as System/360 did; in EC mode the reference and change bits
//!   are inserted too. SSK/ISK need bits 28-31 of R2 to be zero.
//! - IPK is semiprivileged (CR0 bit 4, extraction authority); SPKA checks the PSW-key
//!   mask in CR3 bits 0-15 in the problem state.

use super::access::{DatFail, TRANSLATION_SPECIFICATION};
use super::exec::{
    ADDRESSING, Ex, Ib, MONITOR_EVENT, PRIVILEGED_OPERATION, R, SPECIAL_OPERATION, SPECIFICATION,
    r1, r2,
};
use super::{AMASK, Cpu, IoBus};
use crate::storage::KEY_REF;

/// STIDP value: version 01, CPU identification 001234, model 3158.
pub(crate) const CPU_ID: u64 = 0x0100_1234_3158_0000;

impl Cpu {
    #[inline(never)]
    pub(crate) fn spm(&mut self, ib: Ib) -> R {
        let v = self.gpr[r1(ib)];
        self.cc = ((v >> 28) & 3) as u8;
        self.pmask = ((v >> 24) & 0xF) as u8;
        Ok(())
    }

    /// Absolute address of the 2K block named by R2 for SSK/ISK.
    fn key_block(&self, ib: Ib) -> Result<usize, u16> {
        let a = self.gpr[r2(ib)];
        if a & 0xF != 0 {
            return Err(SPECIFICATION);
        }
        let abs = self.absolute(a & AMASK);
        if abs >= self.mem.size() {
            return Err(ADDRESSING);
        }
        Ok(abs as usize)
    }

    pub(crate) fn ssk(&mut self, ib: Ib) -> R {
        let a = self.key_block(ib)?;
        self.mem.set_key(a as u32, self.gpr[r1(ib)] as u8);
        self.flush_access_cache();
        Ok(())
    }

    pub(crate) fn isk(&mut self, ib: Ib) -> R {
        let a = self.key_block(ib)?;
        let mut k = self.mem.key(a as u32);
        if !self.ec {
            k &= 0xF8;
        }
        let r = r1(ib);
        self.gpr[r] = (self.gpr[r] & 0xFFFF_FF00) | k as u32;
        Ok(())
    }

    pub(crate) fn ssm(&mut self, ib: Ib) -> R {
        if self.cr[0] & 0x4000_0000 != 0 {
            return Err(Ex::Pgm(SPECIAL_OPERATION));
        }
        self.sysmask = self.read_u8(self.ea1(ib))?;
        self.update_dat();
        self.check_at = 0;
        Ok(())
    }

    /// STNSM (`or` = false) and STOSM (`or` = true).
    pub(crate) fn stnsm(&mut self, ib: Ib, or: bool) -> R {
        self.write_u8(self.ea1(ib), self.sysmask)?;
        if or {
            self.sysmask |= ib.b(1);
        } else {
            self.sysmask &= ib.b(1);
        }
        self.update_dat();
        self.check_at = 0;
        Ok(())
    }

    pub(crate) fn lpsw(&mut self, ib: Ib) -> R {
        let a = self.ea1(ib);
        if a & 7 != 0 {
            return Err(Ex::Pgm(SPECIFICATION));
        }
        let new = self.read_u64(a)?;
        let was_problem = self.problem;
        if !self.load_psw(new) {
            // Early specification exception for a PSW introduced by LOAD PSW: the ILC
            // is 0 (only SSM and STOSM report their own ILC of 2).
            self.ilc = 0;
        }
        self.account_problem(was_problem);
        Ok(())
    }

    pub(crate) fn lctl(&mut self, ib: Ib) -> R {
        let a = self.ea1(ib);
        if a & 3 != 0 {
            return Err(Ex::Pgm(SPECIFICATION));
        }
        let (first, count) = (r1(ib), ((r2(ib) + 16 - r1(ib)) & 15) + 1);
        let span = self.span(a, count * 4, false)?;
        let mut purge = false;
        for i in 0..count {
            let mut w = [0u8; 4];
            for (j, b) in w.iter_mut().enumerate() {
                *b = self.abs_byte(span.at(i * 4 + j));
            }
            let c = (first + i) & 15;
            self.cr[c] = u32::from_be_bytes(w);
            purge |= c <= 1 || c == 7;
        }
        if purge {
            self.purge_tlb();
        }
        self.update_per();
        self.check_at = 0;
        Ok(())
    }

    pub(crate) fn stctl(&mut self, ib: Ib) -> R {
        let a = self.ea1(ib);
        if a & 3 != 0 {
            return Err(Ex::Pgm(SPECIFICATION));
        }
        let (first, count) = (r1(ib), ((r2(ib) + 16 - r1(ib)) & 15) + 1);
        let span = self.span(a, count * 4, true)?;
        for i in 0..count {
            let v = self.cr[(first + i) & 15].to_be_bytes();
            for (j, b) in v.iter().enumerate() {
                self.set_abs_byte(span.at(i * 4 + j), *b);
            }
        }
        Ok(())
    }

    pub(crate) fn lra(&mut self, ib: Ib) -> R {
        let va = self.ea_rx(ib);
        let r = r1(ib);
        let (cc, v) = match self.dat_walk(va) {
            Ok(real) => (0, real),
            Err(DatFail::SegmentInvalid(a)) => (1, a),
            Err(DatFail::PageInvalid(a)) => (2, a),
            Err(DatFail::SegmentLength(a)) | Err(DatFail::PageLength(a)) => (3, a),
            Err(DatFail::Spec) => return Err(Ex::Pgm(TRANSLATION_SPECIFICATION)),
            Err(DatFail::Addressing) => return Err(Ex::Pgm(ADDRESSING)),
        };
        self.gpr[r] = v & AMASK;
        self.cc = cc;
        Ok(())
    }

    /// SIGNAL PROCESSOR. Only CPU 0 exists (cc 3 for any other); to itself: sense
    /// (the external-call-pending status, if any), emergency signal and external call
    /// (signals.rs), start (nothing to do); set prefix and store status need a
    /// stopped CPU (incorrect-state status); every other order is answered as not
    /// valid here.
    pub(crate) fn sigp(&mut self, ib: Ib) -> R {
        let order = self.ea1(ib) & 0xFF;
        let cpu = self.gpr[r2(ib)] & 0xFFFF;
        if cpu != 0 {
            self.cc = 3;
            return Ok(());
        }
        let status = match order {
            0x01 => self.sense_status(),
            0x02 => {
                if self.signal_external_call() {
                    0
                } else {
                    super::signals::STATUS_EXTCALL_PENDING
                }
            }
            0x03 => {
                self.signal_emergency();
                0
            }
            0x04 => 0,
            0x0D | 0x0E => 0x0000_0200,
            _ => 0x0000_0002,
        };
        if status == 0 {
            self.cc = 0;
        } else {
            self.gpr[r1(ib)] = status;
            self.cc = 1;
        }
        Ok(())
    }

    /// MONITOR CALL: class = low 4 bits of I2 (high 4 must be zero); an event when
    /// CR8 bit 16+class is one. Class at X'95' with zeros at X'94' (POO: "the monitor
    /// class number is stored at location 149, and zeros are stored at 148"), code
    /// (the address) at X'9C'.
    #[inline(never)]
    pub(crate) fn mc(&mut self, ib: Ib) -> R {
        if ib.b(1) & 0xF0 != 0 {
            return Err(Ex::Pgm(SPECIFICATION));
        }
        let class = (ib.b(1) & 0x0F) as u32;
        if self.cr[8] & (0x8000 >> class) != 0 {
            let code = self.ea1(ib);
            self.store_real(0x94, &[0, class as u8]);
            self.store_real(0x9C, &code.to_be_bytes());
            return Err(Ex::Pgm(MONITOR_EVENT));
        }
        Ok(())
    }

    /// The B2xx instructions other than channel ones.
    pub(crate) fn b2<B: IoBus>(&mut self, bus: &mut B, ib: Ib) -> R {
        let a = self.ea1(ib);
        let dword = |a: u32| -> Result<(), Ex> {
            if a & 7 != 0 {
                Err(Ex::Pgm(SPECIFICATION))
            } else {
                Ok(())
            }
        };
        match ib.b(1) {
            0x02 => {
                dword(a)?;
                self.write_u64(a, CPU_ID)?;
            }
            0x03 => return self.stidc(bus, a),
            0x04 => {
                dword(a)?;
                let v = self.read_u64(a)?;
                self.set_tod(v);
                self.cc = 0;
            }
            0x05 => {
                self.write_u64(a, self.tod())?;
                self.cc = 0;
            }
            0x06 => {
                dword(a)?;
                self.ckc = self.read_u64(a)?;
                self.check_at = 0;
            }
            0x07 => {
                dword(a)?;
                self.write_u64(a, self.ckc)?;
            }
            0x08 => {
                dword(a)?;
                let v = self.read_u64(a)?;
                self.set_cpu_timer(v);
            }
            0x09 => {
                dword(a)?;
                self.write_u64(a, self.cpu_timer() as u64)?;
            }
            0x0A => {
                let k = ((a >> 4) & 0xF) as u8;
                if self.problem && self.cr[3] & (0x8000_0000 >> k) == 0 {
                    return Err(Ex::Pgm(PRIVILEGED_OPERATION));
                }
                self.key = k;
                self.flush_access_cache();
            }
            0x0B => {
                if self.problem && self.cr[0] & 0x0800_0000 == 0 {
                    return Err(Ex::Pgm(PRIVILEGED_OPERATION));
                }
                self.gpr[2] = (self.gpr[2] & 0xFFFF_FF00) | ((self.key as u32) << 4);
            }
            0x0D => self.purge_tlb(),
            0x10 => {
                if a & 3 != 0 {
                    return Err(Ex::Pgm(SPECIFICATION));
                }
                let p = self.read_u32(a)? & 0x00FF_F000;
                if p.saturating_add(0x1000) > self.mem.size() {
                    return Err(Ex::Pgm(ADDRESSING));
                }
                self.prefix = p;
                self.purge_tlb();
            }
            0x11 => {
                if a & 3 != 0 {
                    return Err(Ex::Pgm(SPECIFICATION));
                }
                self.write_u32(a, self.prefix)?;
            }
            0x12 => {
                if a & 1 != 0 {
                    return Err(Ex::Pgm(SPECIFICATION));
                }
                self.write_u16(a, 0)?;
            }
            0x13 => {
                let abs = self.absolute(a) as usize;
                let Some(k) = self.mem.keys_mut().get_mut(abs >> 11) else {
                    return Err(Ex::Pgm(ADDRESSING));
                };
                self.cc = (*k >> 1) & 3;
                *k &= !KEY_REF;
                self.flush_access_cache();
            }
            0x18 | 0x19 | 0x23..=0x28 => return self.das_b2(ib),
            0x21 | 0x22 | 0x29..=0x2D => return self.ext_b2(ib),
            // CONCS, DISCS: channel-set switching is not installed.
            _ => return Err(Ex::Pgm(super::exec::OPERATION)),
        }
        Ok(())
    }
}
