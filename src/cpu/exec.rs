//! Decode and dispatch: the CPU's one `match` on the opcode (`Cpu::exec_op`), field
//! extraction, the operation and privileged-operation checks.
//!
//! ```text
//!  RR  | op | R1 R2 |                         byte 1 = R1<<4 | R2
//!  RX  | op | R1 X2 | B2 D2 D2 D2 |           effective address = D2 + (X2) + (B2)
//!  RS  | op | R1 R3 | B2 D2 D2 D2 |
//!  SI  | op |  I2   | B1 D1 D1 D1 |
//!  S   | op   op2   | B2 D2 D2 D2 |           (B2xx, 9Cxx-9Fxx)
//!  SS  | op | L1 L2 | B1 D1 D1 D1 | B2 D2 D2 D2 |
//!  SSE | op   op2   | B1 D1 D1 D1 | B2 D2 D2 D2 |   (E5xx)
//! ```
//!
//! The fetched instruction travels as one `u64` ([`Ib`]), so a field is a shift and a
//! mask of a host register. A register number 0 in an X or B field means "no
//! register". Addresses are 24 bits. The privileged check comes from the opcode table
//! (`crate::opcodes`), compiled here into 256-entry arrays, and happens before any
//! operand is touched. Each arm of `exec_op` calls one small function of an `exec_*`
//! module and answers the instruction's length, a constant.

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

/// How an instruction ended, for `Cpu::exec_op`: `Ok(length)` when the next
/// instruction follows it, `Ok(JUMP | address)` after a successful branch.
pub(crate) type Flow = Result<u32, Ex>;
/// Marks a branch address in a `Flow` (instruction addresses have 24 bits).
pub(crate) const JUMP: u32 = 0x8000_0000;
/// The `Flow` of an instruction `Cpu::burst` leaves to the ordinary path.
pub(crate) const DEFER: u32 = 0x4000_0000;

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

/// The instructions `Cpu::burst` may run with the clock and the instruction address in
/// host registers: the ones valid in both states that read no clock, change no PSW
/// mask or key and schedule nothing (so `check_at` stays put). EXECUTE (its target
/// could be anything) and the two-byte families 9C-9F and B2 (I/O, STCK, ...: their
/// privileged check depends on the second byte) are left out; the privileged
/// instructions are out already. Anything else the ordinary path runs.
#[cfg(test)]
const fn fast() -> [bool; 256] {
    let mut t = runnable(false);
    t[0x44] = false;
    t[0x9C] = false;
    t[0x9D] = false;
    t[0x9E] = false;
    t[0x9F] = false;
    t[0xB2] = false;
    // MVCK, MVCP, MVCS (keys and address spaces other than the current ones) and the
    // E5 family (LASP changes control registers; its second byte decides privilege).
    t[0xD9] = false;
    t[0xDA] = false;
    t[0xDB] = false;
    t[0xE5] = false;
    t
}
#[cfg(test)]
static FAST: [bool; 256] = fast();
static EXTENDED_CLASS: [[u8; 256]; 6] = extended_classes();

/// A fetched instruction, held in a host register: byte `n` of the instruction is bits
/// `8n..8n+7` (its eight fetched bytes loaded little-endian), so extracting a field is
/// a shift and a mask and nothing goes through memory. Bytes past the instruction's
/// length are not significant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Ib(pub(crate) u64);

impl Ib {
    /// Byte `n` (0-5) of the instruction.
    #[inline(always)]
    pub(crate) fn b(self, n: u32) -> u8 {
        (self.0 >> (8 * n)) as u8
    }
}

/// The instruction in eight fetched bytes.
#[inline(always)]
pub(crate) fn ib6(ib: &[u8; 8]) -> Ib {
    Ib(u64::from_le_bytes(*ib))
}

/// R1 field.
#[inline(always)]
pub(crate) fn r1(ib: Ib) -> usize {
    (ib.b(1) >> 4) as usize
}

/// R2 / R3 / X2 / M3 field.
#[inline(always)]
pub(crate) fn r2(ib: Ib) -> usize {
    (ib.b(1) & 15) as usize
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
    pub(crate) fn ea_rx(&self, ib: Ib) -> u32 {
        let x = r2(ib);
        let a = self.bd(ib.b(2), ib.b(3));
        if x == 0 {
            a
        } else {
            a.wrapping_add(self.gpr[x]) & AMASK
        }
    }

    /// First (RS/SI/S/SS) operand address from bytes 2-3.
    #[inline(always)]
    pub(crate) fn ea1(&self, ib: Ib) -> u32 {
        self.bd(ib.b(2), ib.b(3))
    }

    /// SS second operand address from bytes 4-5.
    #[inline(always)]
    pub(crate) fn ea2(&self, ib: Ib) -> u32 {
        self.bd(ib.b(4), ib.b(5))
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

    /// Execute the instruction `ib` fetched at `ia` on the ordinary path: step the PSW
    /// past it (so an interruption's old PSW points there), check the operation, run
    /// it with `exec_op` and take its branch, if any.
    #[inline(always)]
    pub(crate) fn execute_at<B: IoBus>(&mut self, bus: &mut B, ib8: [u8; 8], ia: u32) -> R {
        let ib = ib6(&ib8);
        let len = ilen(ib.b(0));
        self.ia = (ia + len) & AMASK;
        self.ilc = (len >> 1) as u8;
        self.check_op(ib.b(0))?;
        let flow = self.exec_op::<false, B>(bus, ib, ia, 0)?;
        self.follow(flow);
        Ok(())
    }

    /// On the ordinary path, after `exec_op` completed: take its branch, if any (the PSW
    /// already points past the instruction, or where LPSW and the like put it).
    #[inline(always)]
    fn follow(&mut self, flow: u32) {
        if flow & JUMP != 0 {
            self.ia = flow & AMASK;
        }
    }

    /// Execute the target `ib` of the EXECUTE at `ex_ia` (the PSW already points past
    /// the EXECUTE, and its ILC is the EXECUTE's).
    #[inline]
    pub(crate) fn execute<B: IoBus>(&mut self, bus: &mut B, ib: Ib, ex_ia: u32) -> R {
        self.check_op(ib.b(0))?;
        let flow = self.exec_op::<false, B>(bus, ib, ex_ia, self.ilc)?;
        self.follow(flow);
        Ok(())
    }

    /// Execute the instruction `ib` at address `ia`, whose operation check is done: the
    /// one dispatch of the CPU, for both `Cpu::burst` and the ordinary path.
    ///
    /// The answer (`Flow`) is the instruction's length when the next instruction
    /// follows it, or `JUMP | target` after a successful branch. Every arm answers a
    /// constant length, so the host CPU, having predicted the jump to the arm, knows
    /// where the next instruction is without waiting for the opcode byte: `burst`'s
    /// fetch of the next instruction stays off the critical path.
    ///
    /// With `FAST` (for `burst`), an instruction that `FAST` leaves out answers
    /// `DEFER` and does nothing.
    ///
    /// `ex_ilc` is 0, or the ILC of EXECUTE when `ib` is its target: BAL and BALR
    /// record it, and link to the instruction after the EXECUTE.
    #[inline(always)]
    pub(crate) fn exec_op<const FAST: bool, B: IoBus>(
        &mut self,
        bus: &mut B,
        ib: Ib,
        ia: u32,
        ex_ilc: u8,
    ) -> Flow {
        /// Run `$e` (an `R`); completed: the next instruction is `$len` bytes on.
        macro_rules! len {
            ($len:literal, $e:expr) => {{
                $e?;
                Ok($len)
            }};
        }
        let op = ib.b(0);
        match op {
            // Not for `burst` (see `FAST`, which `tests` compares with this list).
            0x08
            | 0x09
            | 0x44
            | 0x80
            | 0x82
            | 0x83
            | 0x9C..=0x9F
            | 0xAC..=0xAE
            | 0xB1
            | 0xB2
            | 0xB6
            | 0xB7
            | 0xD9..=0xDB
            | 0xE5
                if FAST =>
            {
                Ok(DEFER)
            }
            // ---- RR ----
            0x04 => len!(2, self.spm(ib)),
            0x05 => Ok(self.balr(ib, ia, ex_ilc)),
            0x06 => Ok(self.bctr(ib)),
            0x07 => Ok(self.bcr(ib)),
            0x08 => len!(2, self.ssk(ib)),
            0x09 => len!(2, self.isk(ib)),
            0x0A => Err(Ex::Svc(ib.b(1))),
            0x0D => Ok(self.basr(ib, ia, ex_ilc)),
            0x0E => len!(2, self.mvcl(ib)),
            0x0F => len!(2, self.clcl(ib)),
            0x10 => len!(2, self.lpr(ib)),
            0x11 => len!(2, self.lnr(ib)),
            0x12 => len!(2, self.ltr(ib)),
            0x13 => len!(2, self.lcr(ib)),
            0x14 => len!(2, self.logical_rr(ib, |a, b| a & b)),
            0x15 => len!(2, self.clr(ib)),
            0x16 => len!(2, self.logical_rr(ib, |a, b| a | b)),
            0x17 => len!(2, self.logical_rr(ib, |a, b| a ^ b)),
            0x18 => {
                self.gpr[r1(ib)] = self.gpr[r2(ib)];
                Ok(2)
            }
            0x19 => len!(2, self.cr_(ib)),
            0x1A => len!(2, self.ar(ib)),
            0x1B => len!(2, self.sr(ib)),
            0x1C => len!(2, self.mr(ib)),
            0x1D => len!(2, self.dr(ib)),
            0x1E => len!(2, self.alr(ib)),
            0x1F => len!(2, self.slr(ib)),
            0x20..=0x3F => len!(2, self.float_rr(ib)),
            // ---- RX ----
            0x40 => len!(4, self.sth(ib)),
            0x41 => {
                self.gpr[r1(ib)] = self.ea_rx(ib);
                Ok(4)
            }
            0x42 => len!(4, self.stc(ib)),
            0x43 => len!(4, self.ic(ib)),
            0x44 => len!(4, self.ex(bus, ib)),
            0x45 => Ok(self.bal(ib, ia, ex_ilc)),
            0x46 => Ok(self.bct(ib)),
            0x47 => Ok(self.bc(ib)),
            0x48 => len!(4, self.lh(ib)),
            0x49 => len!(4, self.ch(ib)),
            0x4A => len!(4, self.ah(ib)),
            0x4B => len!(4, self.sh(ib)),
            0x4C => len!(4, self.mh(ib)),
            0x4D => Ok(self.bas(ib, ia, ex_ilc)),
            0x4E => len!(4, self.cvd(ib)),
            0x4F => len!(4, self.cvb(ib)),
            0x50 => len!(4, self.st(ib)),
            0x54 => len!(4, self.logical_rx(ib, |a, b| a & b)),
            0x55 => len!(4, self.cl(ib)),
            0x56 => len!(4, self.logical_rx(ib, |a, b| a | b)),
            0x57 => len!(4, self.logical_rx(ib, |a, b| a ^ b)),
            0x58 => len!(4, self.l(ib)),
            0x59 => len!(4, self.c(ib)),
            0x5A => len!(4, self.a(ib)),
            0x5B => len!(4, self.s(ib)),
            0x5C => len!(4, self.m(ib)),
            0x5D => len!(4, self.d(ib)),
            0x5E => len!(4, self.al(ib)),
            0x5F => len!(4, self.sl(ib)),
            0x60 | 0x67..=0x70 | 0x78..=0x7F => len!(4, self.float_rx(ib)),
            // ---- RS / SI / S ----
            0x80 => len!(4, self.ssm(ib)),
            // LPSW sets the instruction address itself (`execute_at` keeps it).
            0x82 => len!(4, self.lpsw(ib)),
            0x83 => Ok(4), // DIAGNOSE: model-dependent; this model does nothing.
            0x84 | 0x85 => Err(Ex::Pgm(OPERATION)), // direct control not installed
            0x86 => Ok(self.branch_index(ib, true)),
            0x87 => Ok(self.branch_index(ib, false)),
            0x88..=0x8F => len!(4, self.shift(ib)),
            0x90 => len!(4, self.stm(ib)),
            0x91 => len!(4, self.tm(ib)),
            0x92 => {
                let a = self.ea1(ib);
                self.write_u8(a, ib.b(1))?;
                Ok(4)
            }
            0x93 => len!(4, self.ts(ib)),
            0x94 => len!(4, self.logical_si(ib, |a, b| a & b)),
            0x95 => len!(4, self.cli(ib)),
            0x96 => len!(4, self.logical_si(ib, |a, b| a | b)),
            0x97 => len!(4, self.logical_si(ib, |a, b| a ^ b)),
            0x98 => len!(4, self.lm(ib)),
            0x9C..=0x9F | 0xB2 => {
                match EXTENDED_CLASS[extended_row(op)][ib.b(1) as usize] {
                    INVALID => return Err(Ex::Pgm(OPERATION)),
                    PRIV if self.problem => return Err(Ex::Pgm(PRIVILEGED_OPERATION)),
                    _ => {}
                }
                if op == 0xB2 {
                    len!(4, self.b2(bus, ib))
                } else {
                    len!(4, self.channel_io(bus, ib))
                }
            }
            0xAC => len!(4, self.stnsm(ib, false)),
            0xAD => len!(4, self.stnsm(ib, true)),
            0xAE => len!(4, self.sigp(ib)),
            0xAF => len!(4, self.mc(ib)),
            0xB1 => len!(4, self.lra(ib)),
            0xB6 => len!(4, self.stctl(ib)),
            0xB7 => len!(4, self.lctl(ib)),
            0xBA => len!(4, self.cs(ib)),
            0xBB => len!(4, self.cds(ib)),
            0xBD => len!(4, self.clm(ib)),
            0xBE => len!(4, self.stcm(ib)),
            0xBF => len!(4, self.icm(ib)),
            // ---- SS ----
            0xD1 => len!(6, self.ss_move(ib, |d, s| (d & 0xF0) | (s & 0x0F))),
            0xD2 => len!(6, self.ss_move(ib, |_, s| s)),
            0xD3 => len!(6, self.ss_move(ib, |d, s| (s & 0xF0) | (d & 0x0F))),
            0xD4 => len!(6, self.ss_logical(ib, |a, b| a & b)),
            0xD5 => len!(6, self.clc(ib)),
            0xD6 => len!(6, self.ss_logical(ib, |a, b| a | b)),
            0xD7 => len!(6, self.ss_logical(ib, |a, b| a ^ b)),
            0xD9 => len!(6, self.mvck(ib)),
            0xDA => len!(6, self.mvcp(ib, true)),
            0xDB => len!(6, self.mvcp(ib, false)),
            0xDC => len!(6, self.tr(ib)),
            0xDD => len!(6, self.trt(ib)),
            0xDE => len!(6, self.ed(ib, false)),
            0xDF => len!(6, self.ed(ib, true)),
            0xE5 => {
                match EXTENDED_CLASS[5][ib.b(1) as usize] {
                    INVALID => return Err(Ex::Pgm(OPERATION)),
                    PRIV if self.problem => return Err(Ex::Pgm(PRIVILEGED_OPERATION)),
                    _ => {}
                }
                len!(6, self.e5(ib))
            }
            0xE8 => len!(6, self.mvcin(ib)),
            0xF0..=0xF3 | 0xF8..=0xFD => len!(6, self.decimal(ib)),
            _ => Err(Ex::Pgm(OPERATION)),
        }
    }

    /// EXECUTE: OR bits 24-31 of R1 into the second byte of the target and run it.
    fn ex<B: IoBus>(&mut self, bus: &mut B, ib: Ib) -> R {
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
            self.per_target = Some((target, ib6(&tib)));
        }
        let ex_ia = self.ia.wrapping_sub(4) & AMASK;
        self.execute(bus, ib6(&tib), ex_ia)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn burst_runs_no_privileged_io_clock_or_execute_instruction() {
        for op in 0..=255u8 {
            if FAST[op as usize] {
                assert_eq!(PRIMARY_CLASS[op as usize], VALID, "{op:02X}");
            }
            if matches!(op, 0x44 | 0x9C..=0x9F | 0xB2) {
                assert!(!FAST[op as usize], "{op:02X}");
            }
        }
    }

    /// `exec_op::<true>` defers exactly the valid instructions `FAST` leaves out, and
    /// touches nothing when it does.
    #[test]
    fn fast_dispatch_defers_what_the_table_leaves_out() {
        let mut bus = crate::cpu::tests::TestBus::default();
        for op in 0..=255u8 {
            let mut cpu = Cpu::new(64 * 1024, 1.0, 0);
            let ib = ib6(&[op, 0x12, 0x30, 0x00, 0x40, 0x00, 0, 0]);
            let before = (cpu.gpr, cpu.fpr, cpu.cc, cpu.psw());
            let r = cpu.exec_op::<true, _>(&mut bus, ib, 0x1000, 0);
            let deferred = r == Ok(DEFER);
            let expect = PRIMARY_CLASS[op as usize] != INVALID && !FAST[op as usize];
            assert_eq!(deferred, expect, "{op:02X}: {r:?}");
            if PRIMARY_CLASS[op as usize] == INVALID {
                // The arms are exact: no opcode outside the table reaches one.
                assert_eq!(r, Err(Ex::Pgm(OPERATION)), "{op:02X}");
            }
            if deferred {
                assert!(before == (cpu.gpr, cpu.fpr, cpu.cc, cpu.psw()), "{op:02X}");
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
        // RIO (9C02) and CLRCH (9F01) are in the opcode table for the assembler; the CPU
        // runs them as SIO and TCH, as before they were (Hercules 3.13 does the same).
        assert_eq!(EXTENDED_CLASS[0][0x02], EXTENDED_CLASS[0][0x00]);
        assert_eq!(EXTENDED_CLASS[3][0x01], EXTENDED_CLASS[3][0x00]);
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
