//! The MVS assists (E502-E50D): privileged instructions some System/370 models
//! provided so that MVS could take and free its local and CMS locks, and trace, without
//! a long instruction sequence. They are not in the Principles of Operation (IBM
//! described them in a separate manual, GA22-7079); this model does what Hercules 3.13
//! does with them, instruction for instruction (tests/hercules/assist.asm):
//!
//! ```text
//!  E502 page fix, E503 SVC assist        no operation (the assist declines)
//!  E504 obtain local lock                 } SSE format; both operand addresses
//!  E505 release local lock                } must be word aligned (specification)
//!  E506 obtain CMS lock                   }
//!  E507 release CMS lock                  }
//!  E508-E50D trace SVC, program, SRB,     no trace entry (the trace is optional):
//!            I/O, task, SVC return        only the word-alignment check
//! ```
//!
//! The lock assists, with operand 1 holding the ASCB address and operand 2 the
//! "locks held" word (PSAHLHI: X'01' local lock, X'02' CMS lock), the logical CPU
//! address in the word before it and the lock interface table (LIT) address in the
//! word after it:
//!
//! ```text
//!  obtain local:  ASCB+X'80' (the local lock) zero and no local lock held:
//!                 lock := CPU address, PSAHLHI |= 1, R13 := 0
//!  release local: lock = CPU address, PSAHLHI & 3 = 1, ASCB+X'84' (suspend queue)
//!                 zero: lock := 0, PSAHLHI &= ~1, R13 := 0
//!  obtain CMS:    the word at R11 (the CMS lock) zero and PSAHLHI & 3 = 1:
//!                 lock := ASCB, PSAHLHI |= 2, R13 := 0
//!  release CMS:   lock = ASCB, PSAHLHI has 2, the word after the lock zero:
//!                 lock := 0, PSAHLHI &= ~2, R13 := 0
//!  otherwise:     R12 := the updated instruction address, R13 := the routine
//!                 address in the LIT (LIT-16, -12, -8, -4 for the four), and the
//!                 CPU branches there
//! ```
//!
//! The locks-held word is stored back unchanged before the lock itself, so that an
//! access exception on it leaves nothing changed.

use super::exec::{Ib, R, SPECIFICATION};
use super::{AMASK, Cpu};

impl Cpu {
    /// E502-E50D (the privileged-operation check is done).
    pub(crate) fn mvs_assist(&mut self, ib: Ib) -> R {
        let (a1, a2) = (self.ea1(ib), self.ea2(ib));
        if ib.b(1) <= 0x03 {
            return Ok(());
        }
        if (a1 | a2) & 3 != 0 {
            return Err(SPECIFICATION.into());
        }
        match ib.b(1) {
            0x04..=0x07 => self.lock_assist(ib.b(1), a1, a2),
            _ => Ok(()),
        }
    }

    /// The four lock assists.
    fn lock_assist(&mut self, op: u8, a1: u32, a2: u32) -> R {
        let ascb = self.read_u32(a1)?;
        let held = self.read_u32(a2)?;
        let (lock_at, lit_off) = match op {
            0x04 | 0x05 => (ascb.wrapping_add(0x80) & AMASK, (op as u32 - 4) * 4),
            _ => (self.gpr[11] & AMASK, (op as u32 - 4) * 4),
        };
        let cpu = if op <= 0x05 {
            self.read_u32(a2.wrapping_sub(4) & AMASK)?
        } else {
            0
        };
        let lock = self.read_u32(lock_at)?;
        let next = if op == 0x05 || op == 0x07 {
            let at = if op == 0x05 {
                ascb.wrapping_add(0x84)
            } else {
                lock_at + 4
            };
            self.read_u32(at & AMASK)?
        } else {
            0
        };
        let (ok, new_lock, new_held) = match op {
            0x04 => (lock == 0 && held & 1 == 0, cpu, held | 1),
            0x05 => (lock == cpu && held & 3 == 1 && next == 0, 0, held & !1),
            0x06 => (lock == 0 && held & 3 == 1, ascb, held | 2),
            _ => (lock == ascb && held & 2 != 0 && next == 0, 0, held & !2),
        };
        if ok {
            self.write_u32(a2, held)?;
            self.write_u32(lock_at, new_lock)?;
            self.write_u32(a2, new_held)?;
            self.gpr[13] = 0;
        } else {
            let lit = self.read_u32(a2.wrapping_add(4) & AMASK)?;
            let routine = self.read_u32(lit.wrapping_add(lit_off).wrapping_sub(16) & AMASK)?;
            self.gpr[12] = self.ia;
            self.gpr[13] = routine;
            self.ia = routine & AMASK;
        }
        Ok(())
    }
}
