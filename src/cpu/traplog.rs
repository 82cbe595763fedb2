//! The trap log: every privileged instruction a problem-state program tried (a
//! privileged-operation exception, program interruption code 2, taken in the problem
//! state — on this machine, a virtual machine's instruction that CP must emulate), and
//! how many instructions CP ran until the CPU next left the supervisor state (the
//! virtual machine dispatched again).
//!
//! For observers (the TUI's trap log pane): off unless [`TrapLog::enable`]d, and then a
//! fixed ring of the last [`TRAP_LOG_SIZE`] events written in place — no allocation,
//! no lock, no growth however long the machine runs. The CPU looks at it only when it
//! takes a program interruption or loads a PSW, never per instruction.

use super::Cpu;
use super::exec::{PRIVILEGED_OPERATION, ilen};

/// Events the ring keeps.
pub const TRAP_LOG_SIZE: usize = 256;

/// One trapped privileged instruction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TrapEvent {
    /// 1 for the first trap logged since the log was enabled, and so on.
    pub seq: u64,
    /// Virtual time of the trap (TOD units since power-on, as `Cpu::now`).
    pub now: u64,
    /// The address space the instruction ran in (CR1): which virtual machine.
    pub cr1: u32,
    /// The instruction's (logical) address.
    pub addr: u32,
    /// The instruction, `len` bytes of it (0 if it could not be read back).
    pub bytes: [u8; 6],
    pub len: u8,
    /// Instructions CP ran from the trap until the CPU next entered the problem state;
    /// `None` while CP has not dispatched a virtual machine yet.
    pub cp_instructions: Option<u64>,
    /// The operand address the guest named (base + displacement, 24 bits) for an
    /// instruction that has one: the device of an SIO, the code of a DIAGNOSE, where
    /// an LPSW's new PSW is.
    pub operand: u32,
    /// What the guest pointed at, read back at the trap without side effects (`data_len`
    /// bytes, 0 if none or unreadable): an SIO's first CCW (through the CAW at the
    /// guest's location X'48'), an LPSW's new PSW, an SSM's mask byte.
    pub data: [u8; 8],
    pub data_len: u8,
    /// The state CP left when it next dispatched a virtual machine (valid once
    /// `cp_instructions` is `Some`): that machine's address space (CR1), and the real
    /// PSW's condition code and instruction address. When it is the trapping machine,
    /// the condition code is the one CP's emulation gave it.
    pub next_cr1: u32,
    pub next_cc: u8,
    pub next_ia: u32,
}

impl TrapEvent {
    /// The instruction's bytes.
    pub fn instruction(&self) -> &[u8] {
        &self.bytes[..self.len as usize]
    }
}

/// The ring. Empty (and costing one branch on a PSW change) until enabled.
#[derive(Clone, Debug, Default)]
pub struct TrapLog {
    ring: Box<[TrapEvent]>,
    /// Events ever written (the newest is `written`'s `seq`).
    written: u64,
    /// The event waiting for the dispatch: its `seq` and `instructions` at the trap.
    open: Option<(u64, u64)>,
}

impl TrapLog {
    /// Start logging (allocates the ring once; logging again keeps what it has).
    pub fn enable(&mut self) {
        if self.ring.is_empty() {
            self.ring = vec![TrapEvent::default(); TRAP_LOG_SIZE].into_boxed_slice();
        }
    }

    #[inline(always)]
    pub fn enabled(&self) -> bool {
        !self.ring.is_empty()
    }

    /// Traps logged since enabled (the `seq` of the newest).
    pub fn written(&self) -> u64 {
        self.written
    }

    /// The kept events with `seq` > `after`, oldest first.
    pub fn since(&self, after: u64) -> impl Iterator<Item = &TrapEvent> + '_ {
        let kept = (self.ring.len() as u64).min(self.written);
        let first = (self.written - kept + 1).max(after + 1);
        (first..=self.written).filter_map(move |s| self.get(s))
    }

    /// The event with `seq`, if the ring still holds it.
    pub fn get(&self, seq: u64) -> Option<&TrapEvent> {
        if seq == 0 || seq > self.written || self.ring.is_empty() {
            return None;
        }
        let e = &self.ring[(seq - 1) as usize % self.ring.len()];
        (e.seq == seq).then_some(e)
    }

    fn push(&mut self, mut e: TrapEvent, instructions: u64) {
        self.written += 1;
        e.seq = self.written;
        let n = self.ring.len();
        self.ring[(e.seq - 1) as usize % n] = e;
        self.open = Some((e.seq, instructions));
    }

    fn close(&mut self, instructions: u64, cr1: u32, cc: u8, ia: u32) {
        if let Some((seq, at)) = self.open.take() {
            let n = self.ring.len();
            let e = &mut self.ring[(seq - 1) as usize % n];
            if e.seq == seq {
                e.cp_instructions = Some(instructions.wrapping_sub(at));
                e.next_cr1 = cr1;
                e.next_cc = cc;
                e.next_ia = ia;
            }
        }
    }
}

impl Cpu {
    /// From `program_interrupt`, before the swap: log a privileged-operation exception
    /// taken in the problem state.
    #[inline(always)]
    pub(crate) fn log_trap(&mut self, code: u16) {
        if self.traps.enabled()
            && self.problem
            && code & !super::per::PER_CODE == PRIVILEGED_OPERATION
        {
            self.log_trap_now();
        }
    }

    #[cold]
    #[inline(never)]
    fn log_trap_now(&mut self) {
        let addr = self.cur_ia;
        let mut e = TrapEvent {
            now: self.now,
            cr1: self.cr[1],
            addr,
            ..TrapEvent::default()
        };
        // It was just fetched from there, in this state: reading it again succeeds and
        // changes nothing the program can see.
        if let Ok(b) = self.fetch_instruction(addr) {
            let n = ilen(b[0]) as usize;
            e.bytes[..n].copy_from_slice(&b[..n]);
            e.len = n as u8;
            self.log_operand(&mut e);
        }
        self.traps.push(e, self.instructions);
    }

    /// The operand address of the trapped instruction, and what it points at (see
    /// [`TrapEvent::data`]), read through the guest's own translation tables without
    /// touching a TLB, a reference bit or anything the guest can see.
    fn log_operand(&self, e: &mut TrapEvent) {
        let b = e.bytes;
        // S, SI and RS instructions: the base and displacement are bytes 2-3. SSK and
        // ISK (RR) have none.
        if matches!(b[0], 0x08 | 0x09) || e.len < 4 {
            return;
        }
        let base = (b[2] >> 4) as usize;
        let disp = (u32::from(b[2] & 15) << 8) | u32::from(b[3]);
        let reg = if base == 0 { 0 } else { self.gpr[base] };
        e.operand = reg.wrapping_add(disp) & super::AMASK;
        let read = |va: u32, out: &mut [u8]| -> bool {
            for (i, o) in out.iter_mut().enumerate() {
                let Some(v) = self.peek_logical(va.wrapping_add(i as u32) & super::AMASK) else {
                    return false;
                };
                *o = v;
            }
            true
        };
        let mut data = [0u8; 8];
        let n = match b[0] {
            // SIO, SIOF: the first CCW, where the CAW at X'48' says.
            0x9C => {
                let mut caw = [0u8; 4];
                if read(0x48, &mut caw) {
                    let at = u32::from_be_bytes(caw) & 0x00FF_FFF8;
                    if read(at, &mut data) { 8 } else { 0 }
                } else {
                    0
                }
            }
            0x82 if read(e.operand, &mut data) => 8,
            0x80 if read(e.operand, &mut data[..1]) => 1,
            _ => 0,
        };
        e.data = data;
        e.data_len = n;
    }

    /// The byte at logical address `va` in the current state, if it can be read (the
    /// DAT walk of the current address space, or real storage without DAT).
    fn peek_logical(&self, va: u32) -> Option<u8> {
        let real = if self.dat {
            self.dat_walk(va).ok()?
        } else {
            va
        };
        let abs = self.absolute(real);
        self.mem.peek(abs, 1).map(|s| s[0])
    }

    /// From `account_problem`, after every PSW change: the CPU entered the problem state,
    /// so CP has dispatched a virtual machine: the open trap is done.
    #[inline(always)]
    pub(crate) fn log_dispatch(&mut self, was_problem: bool) {
        if self.problem && !was_problem && self.traps.open.is_some() {
            self.traps
                .close(self.instructions, self.cr[1], self.cc, self.ia);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ring_keeps_the_newest_and_never_grows() {
        let mut t = TrapLog::default();
        assert!(!t.enabled());
        t.enable();
        for i in 0..300u64 {
            t.push(TrapEvent::default(), i * 10);
            t.close(i * 10 + 3, 0, 0, 0);
        }
        assert_eq!(t.ring.len(), TRAP_LOG_SIZE);
        let seqs: Vec<u64> = t.since(0).map(|e| e.seq).collect();
        assert_eq!(seqs, (45..=300).collect::<Vec<_>>());
        assert_eq!(t.since(298).count(), 2);
        assert_eq!(t.since(300).count(), 0);
        assert!(t.get(44).is_none());
        assert_eq!(t.get(300).unwrap().cp_instructions, Some(3));
        // Enabling again keeps what was logged.
        t.enable();
        assert_eq!(t.written(), 300);
    }
}
