//! Decode: one `match` on the opcode byte, field extraction, the privileged check.
//!
//! ```text
//!  RR  | op | R1 R2 |                         ib[1] = R1<<4 | R2
//!  RX  | op | R1 X2 | B2 D2 D2 D2 |           effective address = D2 + (X2) + (B2)
//!  RS  | op | R1 R3 | B2 D2 D2 D2 |
//!  SI  | op |  I2   | B1 D1 D1 D1 |
//!  S   | op   op2   | B2 D2 D2 D2 |           (B2xx, 9Cxx-9Fxx)
//!  SS  | op | L1 L2 | B1 D1 D1 D1 | B2 D2 D2 D2 |
//! ```
//!
//! A register number 0 in an X or B field means "no register". Addresses are 24 bits.
//! The privileged check comes from the opcode table (`crate::opcodes`), compiled here
//! into a 256-entry array per first byte, and happens before any operand is touched.
//! Each arm calls one small function of an `exec_*` module.

use super::{AMASK, Cpu, IoBus};
use crate::opcodes::{EXTENDED, Format, PRIMARY};

pub(crate) const OPERATION: u16 = 0x01;
pub(crate) const PRIVILEGED_OPERATION: u16 = 0x02;
pub(crate) const EXECUTE: u16 = 0x03;
pub(crate) const PROTECTION: u16 = 0x04;
pub(crate) const ADDRESSING: u16 = 0x05;
pub(crate) const SPECIFICATION: u16 = 0x06;
pub(crate) const DATA: u16 = 0x07;
pub(crate) const FIXED_OVERFLOW: u16 = 0x08;
pub(crate) const FIXED_DIVIDE: u16 = 0x09;
pub(crate) const DECIMAL_OVERFLOW: u16 = 0x0A;
pub(crate) const DECIMAL_DIVIDE: u16 = 0x0B;
pub(crate) const SEGMENT_TRANSLATION: u16 = 0x10;
pub(crate) const PAGE_TRANSLATION: u16 = 0x11;
pub(crate) const SPECIAL_OPERATION: u16 = 0x13;
pub(crate) const MONITOR_EVENT: u16 = 0x40;

/// How an instruction ended abnormally.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ex {
    /// Program interruption with this code.
    Pgm(u16),
    /// SUPERVISOR CALL with this number.
    Svc(u8),
}

impl From<u16> for Ex {
    #[inline(always)]
    fn from(code: u16) -> Ex {
        Ex::Pgm(code)
    }
}

pub(crate) type R = Result<(), Ex>;

/// Instruction length from the two high bits of the opcode.
#[inline(always)]
pub(crate) const fn ilen(op: u8) -> u32 {
    // 00 -> 2, 01 and 10 -> 4, 11 -> 6, without a branch.
    2 + (((op >> 6) as u32 + 1) & 6)
}

const INVALID: u8 = 0;
const VALID: u8 = 1;
const PRIV: u8 = 2;

const fn class(op: &crate::opcodes::Op) -> u8 {
    if matches!(op.format, Format::Invalid) {
        INVALID
    } else if op.privileged {
        PRIV
    } else {
        VALID
    }
}

const fn primary_classes() -> [u8; 256] {
    let mut t = [INVALID; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = class(&PRIMARY[i]);
        i += 1;
    }
    // The two-byte families are decided by their second byte (EXTENDED_CLASS); the
    // primary table marks these first bytes invalid.
    t[0x9C] = VALID;
    t[0x9D] = VALID;
    t[0x9E] = VALID;
    t[0x9F] = VALID;
    t[0xB2] = VALID;
    t[0xE5] = VALID;
    // WRITE DIRECT and READ DIRECT: the direct-control feature is not installed, so
    // they are an operation exception in both states (an uninstalled instruction is
    // never a privileged-operation exception: the operation exception comes first).
    t[0x84] = INVALID;
    t[0x85] = INVALID;
    t
}

/// The row of `EXTENDED_CLASS` for a first byte of a two-byte opcode.
const fn extended_row(b0: u8) -> usize {
    match b0 {
        0xB2 => 4,
        0xE5 => 5,
        _ => (b0 - 0x9C) as usize,
    }
}

/// Second-byte classes for 9C, 9D, 9E, 9F, B2, E5 (rows 0-5).
///
/// The channel I/O instructions ignore bits 8-14 (TCH bits 8-15): POO, "START I/O":
/// "Bits 8-14 of the instruction are ignored", so 9C02-9CFF are SIO or SIOF by bit 15,
/// and likewise for TIO/CLRIO and HIO/HDV.
const fn extended_classes() -> [[u8; 256]; 6] {
    let mut t = [[INVALID; 256]; 6];
    let mut i = 0;
    while i < EXTENDED.len() {
        let (b0, b1, op) = &EXTENDED[i];
        t[extended_row(*b0)][*b1 as usize] = class(op);
        i += 1;
    }
    let mut b = 2;
    while b < 256 {
        t[0][b] = t[0][b & 1];
        t[1][b] = t[1][b & 1];
        t[2][b] = t[2][b & 1];
        b += 1;
    }
    let mut b = 1;
    while b < 256 {
        t[3][b] = t[3][0];
        b += 1;
    }
    // The MVS assists E502-E50D (exec_assist.rs): privileged, not in the opcode table
    // (they have no architected mnemonics).
    let mut b = 0x02;
    while b <= 0x0D {
        t[5][b] = PRIV;
        b += 1;
    }
    t
}

static PRIMARY_CLASS: [u8; 256] = primary_classes();

/// `PRIMARY_CLASS[op] == VALID`, or also `PRIV` in the supervisor state (index 0):
/// the hot path's one check before dispatch.
const fn runnable(supervisor: bool) -> [bool; 256] {
    let c = primary_classes();
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = c[i] == VALID || (supervisor && c[i] == PRIV);
        i += 1;
    }
    t
}
static RUNNABLE: [[bool; 256]; 2] = [runnable(true), runnable(false)];

/// The hot path's one table look-up before dispatch, per state (0 supervisor,
/// 1 problem): the length class (`RR`, `FOUR`, `SIX`) of an instruction that may run
/// in that state, or `STOP` for an operation or privileged-operation exception.
const STOP: u8 = 0;
const RR: u8 = 1;
const FOUR: u8 = 2;
const SIX: u8 = 3;
const fn kinds(supervisor: bool) -> [u8; 256] {
    let ok = runnable(supervisor);
    let mut t = [STOP; 256];
    let mut i = 0;
    while i < 256 {
        if ok[i] {
            t[i] = match i >> 6 {
                0 => RR,
                3 => SIX,
                _ => FOUR,
            };
        }
        i += 1;
    }
    t
}
static KIND: [[u8; 256]; 2] = [kinds(true), kinds(false)];

/// Like `KIND` for the instructions `Cpu::burst` may run with the clock in a host
/// register: the ones valid in both states that read no clock, change no PSW mask
/// or key and schedule nothing (so `check_at` stays put). EXECUTE (its target could be
/// anything) and the two-byte families 9C-9F, B2 and E5 (I/O, STCK, ...: `kinds`
/// leaves their privileged check to the second byte) are left out; the other
/// privileged instructions are out already. Anything else is `STOP`: the ordinary path runs it.
const fn pure_kinds() -> [u8; 256] {
    let mut t = kinds(false);
    t[0x44] = STOP;
    t[0x9C] = STOP;
    t[0x9D] = STOP;
    t[0x9E] = STOP;
    t[0x9F] = STOP;
    t[0xB2] = STOP;
    // MVCK, MVCP, MVCS (keys and address spaces other than the current ones) and the
    // E5 family (LASP changes control registers) take the ordinary path too.
    t[0xD9] = STOP;
    t[0xDA] = STOP;
    t[0xDB] = STOP;
    t[0xE5] = STOP;
    t
}
static PURE_KIND: [u8; 256] = pure_kinds();
static EXTENDED_CLASS: [[u8; 256]; 6] = extended_classes();

/// The six significant bytes of a fetched instruction (no copy, no check at run time).
#[inline(always)]
pub(crate) fn ib6(ib: &[u8; 8]) -> &[u8; 6] {
    ib.first_chunk::<6>().unwrap_or(&[0; 6])
}

/// R1 field.
#[inline(always)]
pub(crate) fn r1(ib: &[u8; 6]) -> usize {
    (ib[1] >> 4) as usize
}

/// R2 / R3 / X2 / M3 field.
#[inline(always)]
pub(crate) fn r2(ib: &[u8; 6]) -> usize {
    (ib[1] & 15) as usize
}

impl Cpu {
    /// Base-displacement address from a B|DDD halfword.
    #[inline(always)]
    pub(crate) fn bd(&self, hi: u8, lo: u8) -> u32 {
        let b = (hi >> 4) as usize;
        let d = ((hi as u32 & 15) << 8) | lo as u32;
        if b == 0 {
            d
        } else {
            d.wrapping_add(self.gpr[b]) & AMASK
        }
    }

    /// RX effective address D2(X2,B2).
    #[inline(always)]
    pub(crate) fn ea_rx(&self, ib: &[u8; 6]) -> u32 {
        let x = r2(ib);
        let a = self.bd(ib[2], ib[3]);
        if x == 0 {
            a
        } else {
            a.wrapping_add(self.gpr[x]) & AMASK
        }
    }

    /// First (RS/SI/S/SS) operand address from bytes 2-3.
    #[inline(always)]
    pub(crate) fn ea1(&self, ib: &[u8; 6]) -> u32 {
        self.bd(ib[2], ib[3])
    }

    /// SS second operand address from bytes 4-5.
    #[inline(always)]
    pub(crate) fn ea2(&self, ib: &[u8; 6]) -> u32 {
        self.bd(ib[4], ib[5])
    }

    /// The operation / privileged-operation check, before any operand is touched.
    #[inline(always)]
    fn check_op(&self, op: u8) -> R {
        if RUNNABLE[self.problem as usize][op as usize] {
            Ok(())
        } else {
            Err(Ex::Pgm(if PRIMARY_CLASS[op as usize] == INVALID {
                OPERATION
            } else {
                PRIVILEGED_OPERATION
            }))
        }
    }

    /// Execute the instruction `ib` fetched at `ia`: advance the PSW past it, then
    /// execute it.
    ///
    /// The three length classes are separate branches, each with its own dispatch
    /// table, so the next instruction address is `ia` plus a constant on every path:
    /// the host CPU predicts the branch instead of waiting for the opcode byte to
    /// compute the length. That keeps the fetch of the next instruction off the
    /// critical path.
    #[inline(always)]
    pub(crate) fn execute_at<B: IoBus>(&mut self, bus: &mut B, ib8: [u8; 8], ia: u32) -> R {
        let ib = ib6(&ib8);
        match KIND[self.problem as usize][ib[0] as usize] {
            RR => {
                self.ia = (ia + 2) & AMASK;
                self.ilc = 1;
                self.exec_rr(bus, ib)
            }
            FOUR => {
                self.ia = (ia + 4) & AMASK;
                self.ilc = 2;
                self.exec_4(bus, ib)
            }
            SIX => {
                self.ia = (ia + 6) & AMASK;
                self.ilc = 3;
                self.exec_6(bus, ib)
            }
            _ => self.stopped_at(ib, ia),
        }
    }

    /// `execute_at` for `Cpu::burst`: `None` if the instruction is not one it may run
    /// (then nothing has happened).
    #[inline(always)]
    pub(crate) fn execute_pure<B: IoBus>(
        &mut self,
        bus: &mut B,
        ib8: [u8; 8],
        ia: u32,
    ) -> Option<R> {
        let ib = ib6(&ib8);
        Some(match PURE_KIND[ib[0] as usize] {
            RR => {
                self.ia = (ia + 2) & AMASK;
                self.ilc = 1;
                self.exec_rr(bus, ib)
            }
            FOUR => {
                self.ia = (ia + 4) & AMASK;
                self.ilc = 2;
                self.exec_4(bus, ib)
            }
            SIX => {
                self.ia = (ia + 6) & AMASK;
                self.ilc = 3;
                self.exec_6(bus, ib)
            }
            _ => return None,
        })
    }

    /// An instruction that may not run: advance past it and report the exception.
    #[cold]
    fn stopped_at(&mut self, ib: &[u8; 6], ia: u32) -> R {
        let len = ilen(ib[0]);
        self.ia = (ia + len) & AMASK;
        self.ilc = (len >> 1) as u8;
        self.check_op(ib[0])
    }

    /// Execute one instruction (the PSW already points past it): the target of EXECUTE.
    #[inline]
    pub(crate) fn execute<B: IoBus>(&mut self, bus: &mut B, ib: &[u8; 6]) -> R {
        let op = ib[0];
        self.check_op(op)?;
        if op < 0x40 {
            self.exec_rr(bus, ib)
        } else if op < 0xC0 {
            self.exec_4(bus, ib)
        } else {
            self.exec_6(bus, ib)
        }
    }

    /// RR instructions (opcodes 00-3F).
    #[inline(always)]
    fn exec_rr<B: IoBus>(&mut self, _bus: &mut B, ib: &[u8; 6]) -> R {
        match ib[0] {
            // ---- RR ----
            0x04 => self.spm(ib),
            0x05 => self.balr(ib),
            0x06 => self.bctr(ib),
            0x07 => self.bcr(ib),
            0x08 => self.ssk(ib),
            0x09 => self.isk(ib),
            0x0A => Err(Ex::Svc(ib[1])),
            0x0D => self.basr(ib),
            0x0E => self.mvcl(ib),
            0x0F => self.clcl(ib),
            0x10 => self.lpr(ib),
            0x11 => self.lnr(ib),
            0x12 => self.ltr(ib),
            0x13 => self.lcr(ib),
            0x14 => self.logical_rr(ib, |a, b| a & b),
            0x15 => self.clr(ib),
            0x16 => self.logical_rr(ib, |a, b| a | b),
            0x17 => self.logical_rr(ib, |a, b| a ^ b),
            0x18 => {
                self.gpr[r1(ib)] = self.gpr[r2(ib)];
                Ok(())
            }
            0x19 => self.cr_(ib),
            0x1A => self.ar(ib),
            0x1B => self.sr(ib),
            0x1C => self.mr(ib),
            0x1D => self.dr(ib),
            0x1E => self.alr(ib),
            0x1F => self.slr(ib),
            0x20..=0x3F => self.float_rr(ib),
            _ => Err(Ex::Pgm(OPERATION)),
        }
    }

    /// Four-byte instructions: RX, RS, SI, S (opcodes 40-BF).
    #[inline(always)]
    fn exec_4<B: IoBus>(&mut self, bus: &mut B, ib: &[u8; 6]) -> R {
        let op = ib[0];
        match op {
            // ---- RX ----
            0x40 => self.sth(ib),
            0x41 => {
                self.gpr[r1(ib)] = self.ea_rx(ib);
                Ok(())
            }
            0x42 => self.stc(ib),
            0x43 => self.ic(ib),
            0x44 => self.ex(bus, ib),
            0x45 => self.bal(ib),
            0x46 => self.bct(ib),
            0x47 => self.bc(ib),
            0x48 => self.lh(ib),
            0x49 => self.ch(ib),
            0x4A => self.ah(ib),
            0x4B => self.sh(ib),
            0x4C => self.mh(ib),
            0x4D => self.bas(ib),
            0x4E => self.cvd(ib),
            0x4F => self.cvb(ib),
            0x50 => self.st(ib),
            0x54 => self.logical_rx(ib, |a, b| a & b),
            0x55 => self.cl(ib),
            0x56 => self.logical_rx(ib, |a, b| a | b),
            0x57 => self.logical_rx(ib, |a, b| a ^ b),
            0x58 => self.l(ib),
            0x59 => self.c(ib),
            0x5A => self.a(ib),
            0x5B => self.s(ib),
            0x5C => self.m(ib),
            0x5D => self.d(ib),
            0x5E => self.al(ib),
            0x5F => self.sl(ib),
            0x60..=0x7F => self.float_rx(ib),
            // ---- RS / SI ----
            0x80 => self.ssm(ib),
            0x82 => self.lpsw(ib),
            0x83 => Ok(()), // DIAGNOSE: model-dependent; this model does nothing.
            0x84 | 0x85 => Err(Ex::Pgm(OPERATION)), // direct control not installed
            0x86 => self.bxh(ib),
            0x87 => self.bxle(ib),
            0x88..=0x8F => self.shift(ib),
            0x90 => self.stm(ib),
            0x91 => self.tm(ib),
            0x92 => {
                let a = self.ea1(ib);
                self.write_u8(a, ib[1])?;
                Ok(())
            }
            0x93 => self.ts(ib),
            0x94 => self.logical_si(ib, |a, b| a & b),
            0x95 => self.cli(ib),
            0x96 => self.logical_si(ib, |a, b| a | b),
            0x97 => self.logical_si(ib, |a, b| a ^ b),
            0x98 => self.lm(ib),
            0x9C..=0x9F | 0xB2 => {
                match EXTENDED_CLASS[extended_row(op)][ib[1] as usize] {
                    INVALID => return Err(Ex::Pgm(OPERATION)),
                    PRIV if self.problem => return Err(Ex::Pgm(PRIVILEGED_OPERATION)),
                    _ => {}
                }
                if op == 0xB2 {
                    self.b2(bus, ib)
                } else {
                    self.channel_io(bus, ib)
                }
            }
            0xAC => self.stnsm(ib, false),
            0xAD => self.stnsm(ib, true),
            0xAE => self.sigp(ib),
            0xAF => self.mc(ib),
            0xB1 => self.lra(ib),
            0xB6 => self.stctl(ib),
            0xB7 => self.lctl(ib),
            0xBA => self.cs(ib),
            0xBB => self.cds(ib),
            0xBD => self.clm(ib),
            0xBE => self.stcm(ib),
            0xBF => self.icm(ib),
            _ => Err(Ex::Pgm(OPERATION)),
        }
    }

    /// Six-byte instructions: SS (opcodes C0-FF).
    #[inline(always)]
    fn exec_6<B: IoBus>(&mut self, _bus: &mut B, ib: &[u8; 6]) -> R {
        match ib[0] {
            // ---- SS ----
            0xD1 => self.ss_move(ib, |d, s| (d & 0xF0) | (s & 0x0F)),
            0xD2 => self.ss_move(ib, |_, s| s),
            0xD3 => self.ss_move(ib, |d, s| (s & 0xF0) | (d & 0x0F)),
            0xD4 => self.ss_logical(ib, |a, b| a & b),
            0xD5 => self.clc(ib),
            0xD6 => self.ss_logical(ib, |a, b| a | b),
            0xD7 => self.ss_logical(ib, |a, b| a ^ b),
            0xD9 => self.mvck(ib),
            0xDA => self.mvcp(ib, true),
            0xDB => self.mvcp(ib, false),
            0xDC => self.tr(ib),
            0xDD => self.trt(ib),
            0xDE => self.ed(ib, false),
            0xDF => self.ed(ib, true),
            0xE5 => {
                match EXTENDED_CLASS[5][ib[1] as usize] {
                    INVALID => return Err(Ex::Pgm(OPERATION)),
                    PRIV if self.problem => return Err(Ex::Pgm(PRIVILEGED_OPERATION)),
                    _ => {}
                }
                self.e5(ib)
            }
            0xE8 => self.mvcin(ib),
            0xF0..=0xFD => self.decimal(ib),
            _ => Err(Ex::Pgm(OPERATION)),
        }
    }

    /// EXECUTE: OR bits 24-31 of R1 into the second byte of the target and run it.
    fn ex<B: IoBus>(&mut self, bus: &mut B, ib: &[u8; 6]) -> R {
        let target = self.ea_rx(ib);
        if target & 1 != 0 {
            return Err(Ex::Pgm(SPECIFICATION));
        }
        let mut tib = self.fetch_instruction(target)?;
        if tib[0] == 0x44 {
            return Err(Ex::Pgm(EXECUTE));
        }
        let r = r1(ib);
        if r != 0 {
            tib[1] |= self.gpr[r] as u8;
        }
        if self.per_mode {
            self.per_target = Some((target, *ib6(&tib)));
        }
        self.execute(bus, ib6(&tib))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn burst_runs_no_privileged_io_clock_or_execute_instruction() {
        for op in 0..=255u8 {
            let pure = PURE_KIND[op as usize] != STOP;
            if pure {
                assert_eq!(PRIMARY_CLASS[op as usize], VALID, "{op:02X}");
            }
            if matches!(op, 0x44 | 0x9C..=0x9F | 0xB2) {
                assert!(!pure, "{op:02X}");
            }
        }
    }

    #[test]
    fn class_tables_follow_the_opcode_table() {
        assert_eq!(PRIMARY_CLASS[0x00], INVALID);
        assert_eq!(PRIMARY_CLASS[0x18], VALID); // LR
        assert_eq!(PRIMARY_CLASS[0x82], PRIV); // LPSW
        assert_eq!(EXTENDED_CLASS[4][0x05], VALID); // STCK
        assert_eq!(EXTENDED_CLASS[4][0x0D], PRIV); // PTLB
        assert_eq!(EXTENDED_CLASS[0][0x00], PRIV); // SIO
        // Bits 8-14 of the I/O instructions are ignored (TCH: 8-15).
        assert_eq!(EXTENDED_CLASS[0][0x03], PRIV); // SIOF
        assert_eq!(EXTENDED_CLASS[3][0x01], PRIV); // TCH
        assert_eq!(PRIMARY_CLASS[0x84], INVALID); // WRD: direct control not installed
        assert_eq!(PRIMARY_CLASS[0xE5], VALID); // a two-byte family
        assert_eq!(EXTENDED_CLASS[5][0x00], PRIV); // LASP
        assert_eq!(EXTENDED_CLASS[5][0x0D], PRIV); // the last MVS assist
        assert_eq!(EXTENDED_CLASS[5][0x0E], INVALID);
        assert_eq!(EXTENDED_CLASS[4][0x18], VALID); // PC: semiprivileged
        assert_eq!(ilen(0x05), 2);
        assert_eq!(ilen(0x58), 4);
        assert_eq!(ilen(0x9C), 4);
        assert_eq!(ilen(0xD2), 6);
    }
}
