//! The fast path: a burst of ordinary instructions with the machine's hottest state in
//! host registers.
//!
//! Between two checks of `now` against `check_at` nothing rare can happen (no timer,
//! no device event, no interruption becomes pending), so `Cpu::burst` runs instructions
//! back to back and keeps the hottest values in locals instead of in the `Cpu`:
//!
//! ```text
//!  pos    the next instruction, as an absolute address in the 2K block being run
//!         (its logical address is pos + ia_base); written back as the PSW's
//!         instruction address when the burst ends or an instruction is interrupted
//!  left   instructions that still fit before check_at, counted down; the clock and
//!         the instruction count are brought up to date from it at the end
//!  limit  the last pos at which another instruction surely fits (see below)
//! ```
//!
//! The instruction address matters most. Every instruction needs the previous one's
//! result to know where it is; kept in the `Cpu`, that is a store and a load per
//! instruction on the host's critical path (several cycles each time). Kept in a
//! register it is one add; a branch inside the block is a subtraction and a compare,
//! and a branch out of it ends the burst.
//!
//! The budget is not compared per instruction: every instruction has at least two
//! bytes, so `pos <= limit` (at most `end`, the last offset where six bytes fit in the
//! block) guarantees room for the next one, and only branches recompute `limit`.
//!
//! `exec_op::<true>` runs the instruction and answers `DEFER` for the ones this path
//! leaves to the ordinary one (privileged instructions, EXECUTE, the two-byte families,
//! MVCP/MVCS/MVCK). None that runs here reads the PSW's instruction address or ILC (the
//! branches get them as arguments: see exec_branch.rs), reads the clock, or moves
//! `check_at`. A deferred instruction, or a fetch off the fast path, goes through
//! `one_instruction` and ends the burst, as does any interruption. Exactly the same
//! instructions run, in the same virtual time, as with `one_instruction` alone;
//! `tests_system` checks that both paths leave the same machine.

use super::access::{LAST_INSN, insn_fits};
use super::exec::{DEFER, Ex, ib6, ilen};
use super::{AMASK, Cpu, IoBus, Tracer};

/// How a burst ended.
enum End {
    /// Before the instruction at this address (which may or may not be one `burst`
    /// runs).
    At(u32),
    /// The instruction at this address ended in this interruption.
    Fault(u32, Ex),
}

impl Cpu {
    /// Run instructions until `now` reaches `check_at`, or until one this path does not
    /// run (see the module documentation).
    #[inline(never)]
    pub(super) fn burst<B: IoBus, T: Tracer>(&mut self, bus: &mut B, tracer: &mut T, step: u64) {
        let start = self.now;
        // Instructions that fit before `check_at`: `now` is `start + n * step`.
        let room = self.check_at.saturating_sub(start).div_ceil(step);
        // The 2K block instructions are fetched from: its logical address and the
        // absolute address of its first byte (see `Cpu::fetch_fast`). `pos` is the
        // absolute address of the next instruction, `end` the last one whose eight
        // bytes are in the block and in storage. An odd address, or one outside the
        // block, takes the ordinary path.
        let blk_va = self.fetch_va;
        let blk = self.fetch_base as usize;
        let end = (blk + LAST_INSN as usize).min(self.mem.bytes().len().saturating_sub(8));
        let off = self.ia.wrapping_sub(blk_va);
        if !insn_fits(off) || room == 0 {
            if room > 0 {
                self.one_instruction(bus, tracer, step);
            }
            return;
        }
        let mut pos = blk + off as usize;
        // The logical address of the instruction at `pos`.
        let ia_base = blk_va.wrapping_sub(blk as u32);
        let ia_at = |pos: usize| (pos as u32).wrapping_add(ia_base) & AMASK;
        // `left` counts down the instructions that still fit. It is checked without a
        // compare per instruction: every instruction has at least two bytes, so while
        // `pos <= limit` the next one still fits. Reaching `limit` early (longer
        // instructions) only ends the burst early. With more than `PLENTY` left,
        // `limit` is `end`.
        const PLENTY: u64 = 0x401;
        let limit_from = |pos: usize, left: u64| end.min(pos + 2 * (left - 1).min(0x400) as usize);
        let mut limit = limit_from(pos, room);
        let mut left = room;
        // The last instruction run: its opcode gives the ILC at the end.
        let mut last = [0u8; 8];
        let how = loop {
            if pos > limit {
                break End::At(ia_at(pos));
            }
            // SAFETY: `pos <= limit <= end`, and `end + 8` is at most the length of
            // storage, which never changes.
            last = unsafe {
                std::ptr::read_unaligned(self.mem.bytes().as_ptr().add(pos).cast::<[u8; 8]>())
            };
            let ib = ib6(&last);
            let ia = ia_at(pos);
            left -= 1;
            match self.exec_op::<true, B>(bus, ib, ia, 0) {
                Ok(len) if len <= 6 => pos += len as usize,
                Ok(DEFER) => {
                    // Not run: `one_instruction` runs it next (and sets the ILC).
                    left += 1;
                    break End::At(ia);
                }
                Ok(flow) => {
                    let target = flow & AMASK;
                    // In this block: `target - blk_va` fits.
                    let p = target.wrapping_sub(ia_base);
                    if !insn_fits(p.wrapping_sub(blk as u32)) {
                        break End::At(target);
                    }
                    pos = p as usize;
                    if left < PLENTY {
                        if left == 0 {
                            break End::At(target);
                        }
                        limit = limit_from(pos, left);
                    }
                }
                Err(e) => break End::Fault(ia, e),
            }
        };
        let op = last[0];
        let n = room - left;
        self.now = start.wrapping_add(n * step);
        self.instructions += n;
        if n > 0 {
            self.ilc = (ilen(op) >> 1) as u8;
        }
        match how {
            End::Fault(ia, e) => {
                self.ia = (ia + ilen(op)) & AMASK;
                self.cur_ia = ia;
                self.interrupted(tracer, e);
            }
            End::At(ia) => {
                self.ia = ia;
                if left > 0 {
                    self.one_instruction(bus, tracer, step);
                }
            }
        }
    }
}
