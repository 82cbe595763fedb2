//! S/370 channel I/O: SIO, SIOF, TIO, HIO, HDV, TCH, channel programs, the CSW.
//!
//! The CPU executes an I/O instruction by calling the [`IoBus`] methods of a
//! [`Channel`]; the channel runs the channel program against storage and the attached
//! [`Device`]s, and queues I/O interruptions that the CPU takes when its masks allow.
//! Everything happens in virtual time (TOD units): a device answers a command by asking
//! to be serviced at `now + latency`, [`IoBus::next_event`] tells the machine when that
//! is, and [`IoBus::advance`] performs what is due. I/O therefore overlaps computation and
//! a run is deterministic: no threads, no wall clock.
//!
//! Model: one subchannel per device (like the nonshared subchannels of a byte-multiplexer
//! channel), so a device is *working* from SIO until its chain ends. Data moves in whole
//! pieces when the device asks (SIMH style), not byte by byte in real time.
//!
//! # Words in low storage
//!
//! ```text
//! CAW (X'48')    0    4    8                                  31
//!               +----+----+------------------------------------+
//!               |key |0000|  address of the first CCW (24 bits)|
//!               +----+----+------------------------------------+
//!
//! CCW (format 0) 0        8                              32       40       48        63
//!               +--------+------------------------------+--------+--------+----------+
//!               |command |  data address (24 bits)      | flags  |(ignored)|  count   |
//!               +--------+------------------------------+--------+--------+----------+
//!   flags: X'80' CD chain data     X'40' CC chain command   X'20' SLI suppress length
//!          X'10' SKIP no store     X'08' PCI interrupt      X'04' IDA indirect data
//!          X'03' must be zero
//!   command: xxxx0000 invalid, xxxx1000 TIC (data address = next CCW), xxxxxx01 write,
//!            xxxxxx10 read, xxxxxx11 control, xxxx0100 sense, xxxx1100 read backward
//!
//! CSW (X'40')    0    4  6 8                              32       40       48        63
//!               +----+--+--+------------------------------+--------+--------+----------+
//!               |key |00|cc|  last CCW address + 8        | unit   |channel | residual |
//!               +----+--+--+------------------------------+--------+--------+----------+
//!   unit:    X'80' attention  X'40' status modifier  X'20' control unit end  X'10' busy
//!            X'08' channel end  X'04' device end  X'02' unit check  X'01' unit exception
//!   channel: X'80' PCI  X'40' incorrect length  X'20' program check  X'10' protection
//!            check  X'08' channel data check  X'04' channel control check
//!            X'02' interface control check  X'01' chaining check
//!   cc:      deferred condition code (1 after SIOF whose start failed)
//! ```
//!
//! # Condition codes
//!
//! ```text
//!          cc0                cc1                               cc2           cc3
//!   SIO    started            CSW stored: the chain ended at     working, or   no device
//!                             its first CCW (immediate command,  ending status
//!                             unit check, program/protection     pending
//!                             check); or status portion stored:
//!                             pending attention + BUSY (cleared)
//!   SIOF   as SIO, but a start that ends at the first CCW becomes an interruption with
//!          deferred cc 1 in the CSW, and cc0 is set
//!   TIO    available          CSW stored (pending interruption,   working       no device
//!                             which is cleared)
//!   HIO    interruption       status portion (zero) stored: the   -             no device
//!   HDV    pending (nothing   device was signalled; a working
//!          done)              operation ends at once with an
//!                             interruption (CE DE, residual count)
//!   TCH    available          an interruption pending on channel  -             no device
//! ```
//!
//! # Chaining and checks
//!
//! A TIC may not point at another TIC, nor at an address that is not a doubleword inside
//! storage (program check). Count zero, command `xxxx0000` and flags X'03' are program
//! checks. Data addresses are checked when data moves (program check outside storage), and
//! against the CAW key (protection check: stores when the block key differs; fetches when
//! it differs and the block is fetch-protected); CCW and IDAW fetches obey fetch
//! protection. Reference and change bits are set as the channel touches storage.
//!
//! Incorrect length: at the end of a non-immediate operation with residual count, with a
//! CD flag still pending, or when the device had more (input) or wanted more (output)
//! bytes than the count. It is judged for each command on its own: SLI suppresses it for
//! its CCW only, and a program or protection check suppresses it (the count is then
//! meaningless). Command chaining continues after channel end + device end when there is
//! no unit check/exception, no channel error and no (unsuppressed) incorrect length;
//! status modifier skips one CCW. A program check met while command chaining ends the
//! chain with the previous command's CE DE and the check.
//!
//! PCI presents an intermediate interruption (channel status PCI) when the device starts
//! working on a CCW carrying the flag; if it is still pending when the chain ends, it is
//! merged into the ending CSW. PCI conditions are not stacked: one pending at a time.
//!
//! # Interruption priority
//!
//! Pending interruptions queue per device, in order. `take_interrupt` presents the first
//! one of the lowest device address whose channel is enabled. Channel `n` is enabled by bit
//! `1 << (15 - n)` of the mask; channels 16 and above share channel 15's bit.

mod ccw;
mod transfer;

#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, VecDeque};

pub use ccw::{Ccw, CcwFlags, ChannelStatus, Csw, UnitStatus, command};
pub use transfer::Transfer;
use transfer::{Op, load_ccw};

use crate::cpu::{IoBus, IoCc};
use crate::devices::{Device, Input, Service, Start, Transcript};
use crate::storage::Storage;

/// Why an interruption is pending.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// The end of an operation at the subchannel (channel end).
    Ending,
    /// Status from the device alone (attention).
    Device,
    /// Program-controlled interruption while the operation goes on.
    Pci,
}

#[derive(Clone, Copy, Debug)]
struct Pending {
    kind: Kind,
    csw: Csw,
}

struct Subchannel {
    dev: Box<dyn Device>,
    /// The operation in progress (`Some` = working).
    op: Option<Op>,
    /// When the device wants `service` (`None`: not scheduled).
    due: Option<u64>,
    pending: VecDeque<Pending>,
}

/// Where a chain starts: a CCW in storage, or an implied CCW (IPL).
enum Start0 {
    At(u32),
    Implied(Ccw),
}

/// How a chain step came out.
enum Step {
    /// The device is working on a command.
    Working,
    /// The chain is over; `first`: it ended at the first CCW (nothing chained).
    Ended { csw: Csw, first: bool },
}

/// A channel set with its devices: implements the CPU's [`IoBus`].
#[derive(Default)]
pub struct Channel {
    subs: BTreeMap<u16, Subchannel>,
    /// Cached minimum of the subchannels' `due`.
    next_due: u64,
    /// Cached number of pending interruptions.
    npending: usize,
    /// The CPU's prefix (`IoBus::set_prefix`): the CAW at real X'48' and the status
    /// an I/O instruction stores at real X'44' are in the prefix area.
    prefix: u32,
}

impl Channel {
    pub fn new() -> Self {
        Channel {
            subs: BTreeMap::new(),
            next_due: u64::MAX,
            npending: 0,
            prefix: 0,
        }
    }

    /// Attach `device` at address `dev` (replacing whatever was there).
    pub fn attach(&mut self, dev: u16, device: Box<dyn Device>) {
        if let Some(old) = self.subs.insert(
            dev,
            Subchannel {
                dev: device,
                op: None,
                due: None,
                pending: VecDeque::new(),
            },
        ) {
            self.npending -= old.pending.len();
        }
        self.recompute_due();
    }

    /// The device at `dev`.
    pub fn device(&self, dev: u16) -> Option<&dyn Device> {
        self.subs.get(&dev).map(|s| &*s.dev)
    }

    /// Attached device addresses and types, in address order.
    pub fn devices(&self) -> impl Iterator<Item = (u16, &'static str)> + '_ {
        self.subs.iter().map(|(&a, s)| (a, s.dev.kind()))
    }

    /// True while `dev` is working (from SIO to the end of its chain).
    pub fn working(&self, dev: u16) -> bool {
        self.subs.get(&dev).is_some_and(|s| s.op.is_some())
    }

    /// A person types `line` on the terminal at `dev` and presses Enter.
    pub fn type_line(&mut self, dev: u16, line: &str, now: u64) -> Result<(), String> {
        let sub = self
            .subs
            .get_mut(&dev)
            .ok_or_else(|| format!("no device at {dev:03X}"))?;
        match sub.dev.input(line, now)? {
            Input::Wake(t) => {
                if sub.op.is_some() {
                    sub.due = Some(t.max(now));
                }
            }
            Input::Held => {}
        }
        if sub.op.is_none() {
            self.npending += poll_attention(sub);
        }
        self.recompute_due();
        Ok(())
    }

    /// The operator puts `deck` in the hopper of the card reader at `dev`; an idle reader
    /// asks for attention at once.
    pub fn load_cards(
        &mut self,
        dev: u16,
        deck: Vec<crate::devices::reader::Card>,
    ) -> Result<(), String> {
        let sub = self
            .subs
            .get_mut(&dev)
            .ok_or_else(|| format!("no device at {dev:03X}"))?;
        sub.dev.load_cards(deck)?;
        if sub.op.is_none() {
            self.npending += poll_attention(sub);
        }
        self.recompute_due();
        Ok(())
    }

    /// True while a read on `dev` waits for the operator (keyboard unlocked).
    pub fn awaiting_input(&self, dev: u16) -> bool {
        self.subs.get(&dev).is_some_and(|s| s.dev.awaiting_input())
    }

    /// True while the program has inhibited printing of the next line typed on `dev`
    /// (see [`Device::print_inhibited`]).
    pub fn print_inhibited(&self, dev: u16) -> bool {
        self.subs.get(&dev).is_some_and(|s| s.dev.print_inhibited())
    }

    /// The transcript of the printing terminal at `dev`: its kept tail and position.
    pub fn transcript(&self, dev: u16) -> Option<Transcript<'_>> {
        self.subs.get(&dev).and_then(|s| s.dev.transcript())
    }

    /// Initial program loading, the channel's part: start the IPL channel program at
    /// `dev` with the implied CCW (Read IPL X'02', data address 0, command chaining and
    /// SLI, count 24), which chains on to the CCW at address 8 as the 24 bytes read put
    /// it there. The chain then runs in virtual time like any other; see
    /// [`Channel::finish_ipl`].
    pub fn start_ipl(&mut self, mem: &mut Storage, dev: u16, now: u64) -> Result<(), String> {
        let sub = self
            .subs
            .get_mut(&dev)
            .ok_or_else(|| format!("no device at {dev:03X}"))?;
        if sub.op.is_some() {
            return Err(format!("device {dev:03X} is busy"));
        }
        self.npending -= sub.pending.len();
        sub.pending.clear();
        sub.op = Some(Op::new(0));
        let ipl = Ccw::new(command::READ_IPL, 0, CcwFlags::CC | CcwFlags::SLI, 24);
        let (step, queued) =
            sub.run_chain_from(mem, now, Start0::Implied(ipl), UnitStatus::empty());
        self.npending += queued;
        if let Step::Ended { csw, .. } = step {
            let d = sub.end(csw);
            self.adjust(d);
        }
        self.recompute_due();
        Ok(())
    }

    /// The IPL channel program at `dev` has ended (`working(dev)` is false): take its
    /// ending status, which is not presented as an interruption (IPL clears it, with
    /// anything else pending at the device). Returns the CSW the chain ended with.
    pub fn finish_ipl(&mut self, dev: u16) -> Option<Csw> {
        let sub = self.subs.get_mut(&dev)?;
        if sub.op.is_some() {
            return None;
        }
        let csw = sub
            .pending
            .iter()
            .rev()
            .find(|p| p.kind == Kind::Ending)
            .map(|p| p.csw);
        self.npending -= sub.pending.len();
        sub.pending.clear();
        csw
    }

    fn recompute_due(&mut self) {
        self.next_due = self
            .subs
            .values()
            .filter_map(|s| s.due)
            .min()
            .unwrap_or(u64::MAX);
    }
}

/// Ask an idle subchannel's device whether it wants an ATTENTION; queue it (once).
/// Returns the number of interruptions added.
fn poll_attention(sub: &mut Subchannel) -> usize {
    if !sub.dev.attention() {
        return 0;
    }
    let already = sub
        .pending
        .iter()
        .any(|p| p.kind == Kind::Device && p.csw.unit.contains(UnitStatus::ATTENTION));
    if already {
        return 0;
    }
    sub.pending.push_back(Pending {
        kind: Kind::Device,
        csw: Csw::unsolicited(UnitStatus::ATTENTION),
    });
    1
}

/// The CSW describing `op` with unit status `unit`.
fn csw_of(op: &Op, unit: UnitStatus, channel: ChannelStatus) -> Csw {
    Csw {
        key: op.key,
        deferred_cc: 0,
        ccw_addr: op.ccw_addr.wrapping_add(8) & 0x00FF_FFFF,
        unit,
        channel,
        count: op.count,
    }
}

impl Subchannel {
    /// Queue a PCI interruption if the current CCW asked for one. Returns the number of
    /// interruptions added. PCI conditions are not stacked (POO: another CCW with the
    /// flag, fetched before the interruption has occurred, gives only one interruption),
    /// so one still pending is brought up to date instead: its CSW, like one stored at
    /// the interruption, points past the current CCW. A looping chain thus holds at
    /// most one PCI in the queue.
    fn present_pci(&mut self) -> usize {
        let Some(op) = self.op.as_mut() else { return 0 };
        if !op.pci {
            return 0;
        }
        op.pci = false;
        let csw = csw_of(op, UnitStatus::empty(), ChannelStatus::PCI);
        if let Some(p) = self.pending.iter_mut().find(|p| p.kind == Kind::Pci) {
            p.csw = csw;
            return 0;
        }
        self.pending.push_back(Pending {
            kind: Kind::Pci,
            csw,
        });
        1
    }

    /// Run the chain from the CCW at `addr`: start commands until one keeps the device
    /// working or the chain ends. `prev`: status of the command chained from (empty at SIO).
    /// Returns the step and the number of interruptions queued on the way (PCI).
    fn run_chain(
        &mut self,
        mem: &mut Storage,
        now: u64,
        addr: u32,
        prev: UnitStatus,
    ) -> (Step, usize) {
        self.run_chain_from(mem, now, Start0::At(addr), prev)
    }

    /// `run_chain`, but the first CCW may be an implied one (IPL's Read IPL CCW, which
    /// is not in storage and sits notionally at address 0).
    fn run_chain_from(
        &mut self,
        mem: &mut Storage,
        now: u64,
        start: Start0,
        mut prev: UnitStatus,
    ) -> (Step, usize) {
        let mut first = prev.is_empty();
        let mut queued = 0;
        let (mut addr, mut implied) = match start {
            Start0::At(a) => (a, None),
            Start0::Implied(c) => (0, Some(c)),
        };
        // A chain of immediate commands could loop forever through a TIC (no time passes
        // and no data moves); real channels would spin too, but we must not hang the
        // host: after this many immediate commands the chain ends with a chaining check.
        let mut budget = 4096u32;
        loop {
            let op = self.op.as_mut().expect("run_chain with an operation");
            if let Some(c) = implied.take() {
                op.ccw_addr = addr;
                op.cmd = c.command;
                op.flags = c.flags;
                op.count = c.count;
                op.data = c.data;
            } else if let Err(e) = load_ccw(mem, op, addr, false) {
                let csw = csw_of(op, prev, e);
                return (Step::Ended { csw, first }, queued);
            }
            op.chained = !first;
            // A new command: incorrect length is judged for each command anew, so a
            // length condition the previous CCW had (suppressed there by SLI) must not
            // carry over to this one.
            op.overrun = false;
            let cmd = op.cmd;
            let started = {
                let mut xfer = Transfer::new(mem, op);
                self.dev.start(cmd, &mut xfer, now)
            };
            match started {
                Start::At(t) => {
                    self.due = Some(t.max(now));
                    queued += self.present_pci();
                    return (Step::Working, queued);
                }
                Start::Wait => {
                    self.due = None;
                    queued += self.present_pci();
                    return (Step::Working, queued);
                }
                Start::Immediate(status) => match self.conclude(status, true) {
                    Ok(next) => {
                        budget -= 1;
                        if budget == 0 {
                            let op = self.op.as_ref().expect("op");
                            let csw = csw_of(op, status, ChannelStatus::CHAINING_CHECK);
                            return (Step::Ended { csw, first: false }, queued);
                        }
                        prev = status;
                        addr = next;
                        first = false;
                    }
                    Err(csw) => return (Step::Ended { csw, first }, queued),
                },
            }
        }
    }

    /// The command in `op` ended with `status`: the next CCW address if the chain goes
    /// on, else the ending CSW.
    fn conclude(&mut self, status: UnitStatus, immediate: bool) -> Result<u32, Csw> {
        let op = self.op.as_mut().expect("conclude with an operation");
        let mut ch = op.status;
        let short = op.count != 0 || op.flags.contains(CcwFlags::CD) || op.overrun;
        let sli = op.flags.contains(CcwFlags::SLI);
        // After a program or protection check the count no longer says anything.
        if !immediate && short && !sli && !op.failed() {
            ch |= ChannelStatus::INCORRECT_LENGTH;
        }
        if op.pci {
            op.pci = false;
            ch |= ChannelStatus::PCI;
        }
        let normal = status.contains(UnitStatus::CE_DE)
            && !status.intersects(UnitStatus::UNIT_CHECK | UnitStatus::UNIT_EXCEPTION);
        let chain = op.flags.contains(CcwFlags::CC)
            && normal
            && !ch.intersects(ChannelStatus::ERRORS | ChannelStatus::INCORRECT_LENGTH);
        if chain {
            let skip = if status.contains(UnitStatus::STATUS_MODIFIER) {
                16
            } else {
                8
            };
            Ok(op.ccw_addr.wrapping_add(skip) & 0x00FF_FFFF)
        } else {
            Err(csw_of(op, status, ch))
        }
    }

    /// The chain ended with `csw`: the subchannel becomes interruption-pending (a PCI
    /// still waiting is merged in). Returns the change in the number of pending
    /// interruptions.
    fn end(&mut self, mut csw: Csw) -> isize {
        self.op = None;
        self.due = None;
        let before = self.pending.len();
        self.pending.retain(|p| p.kind != Kind::Pci);
        if self.pending.len() != before {
            csw.channel |= ChannelStatus::PCI;
        }
        self.pending.push_back(Pending {
            kind: Kind::Ending,
            csw,
        });
        poll_attention(self);
        self.pending.len() as isize - before as isize
    }
}

/// Channel number of a device address.
fn channel_of(dev: u16) -> u8 {
    (dev >> 8) as u8
}

/// The mask bit that enables channel `ch`.
fn mask_bit(ch: u8) -> u16 {
    1 << (15 - ch.min(15))
}

/// Store the status portion of the CSW (bytes 4-5 at X'44').
fn store_status(mem: &mut Storage, prefix: u32, unit: UnitStatus, channel: ChannelStatus) {
    if let Some(s) = mem.slice_mut(prefix + 0x44, 2) {
        s[0] = unit.bits();
        s[1] = channel.bits();
    }
}

impl Channel {
    fn adjust(&mut self, delta: isize) {
        self.npending = (self.npending as isize + delta) as usize;
    }
}

impl IoBus for Channel {
    fn set_prefix(&mut self, prefix: u32) {
        self.prefix = prefix;
    }

    fn start_io(&mut self, mem: &mut Storage, dev: u16, fast: bool, now: u64) -> IoCc {
        let Some(sub) = self.subs.get_mut(&dev) else {
            return IoCc::Cc3;
        };
        if sub.op.is_some() {
            return IoCc::Cc2;
        }
        if let Some(p) = sub.pending.front() {
            if p.kind == Kind::Ending {
                return IoCc::Cc2;
            }
            // Device status (attention) pending: SIO is not executed; the status is
            // stored with BUSY and cleared.
            let p = sub.pending.pop_front().expect("front");
            self.npending -= 1;
            store_status(
                mem,
                self.prefix,
                p.csw.unit | UnitStatus::BUSY,
                p.csw.channel,
            );
            return IoCc::Cc1;
        }
        let caw = mem
            .peek(self.prefix + 0x48, 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
            .unwrap_or(0);
        let key = (caw >> 28) as u8;
        let mut op = Op::new(key);
        let addr = caw & 0x00FF_FFFF;
        let (step, mut queued) = if caw & 0x0F00_0000 != 0 {
            op.ccw_addr = addr;
            let csw = csw_of(&op, UnitStatus::empty(), ChannelStatus::PROGRAM_CHECK);
            (Step::Ended { csw, first: true }, 0)
        } else {
            sub.op = Some(op);
            sub.run_chain(mem, now, addr, UnitStatus::empty())
        };
        let cc = match step {
            Step::Working => IoCc::Cc0,
            Step::Ended { csw, first: true } if !fast => {
                sub.op = None;
                sub.due = None;
                queued += poll_attention(sub);
                IoCc::Cc1Csw(csw.to_bytes())
            }
            Step::Ended { mut csw, first } => {
                if first {
                    csw.deferred_cc = 1;
                }
                let d = sub.end(csw);
                self.adjust(d);
                IoCc::Cc0
            }
        };
        self.npending += queued;
        self.recompute_due();
        cc
    }

    fn test_io(&mut self, _mem: &mut Storage, dev: u16, _now: u64) -> IoCc {
        let Some(sub) = self.subs.get_mut(&dev) else {
            return IoCc::Cc3;
        };
        if sub.op.is_some() {
            return IoCc::Cc2;
        }
        match sub.pending.pop_front() {
            Some(p) => {
                self.npending -= 1;
                let n = poll_attention(sub);
                self.npending += n;
                IoCc::Cc1Csw(p.csw.to_bytes())
            }
            None => IoCc::Cc0,
        }
    }

    fn halt_io(&mut self, mem: &mut Storage, dev: u16, _device: bool, now: u64) -> IoCc {
        let Some(sub) = self.subs.get_mut(&dev) else {
            return IoCc::Cc3;
        };
        if let Some(op) = sub.op.as_ref() {
            let status = sub.dev.halt(now);
            let csw = csw_of(op, status, op.status & ChannelStatus::ERRORS);
            let d = sub.end(csw);
            self.adjust(d);
            self.recompute_due();
            store_status(
                mem,
                self.prefix,
                UnitStatus::empty(),
                ChannelStatus::empty(),
            );
            return IoCc::Cc1;
        }
        if !sub.pending.is_empty() {
            return IoCc::Cc0;
        }
        store_status(
            mem,
            self.prefix,
            UnitStatus::empty(),
            ChannelStatus::empty(),
        );
        IoCc::Cc1
    }

    fn test_channel(&mut self, channel: u8, _now: u64) -> u8 {
        let mut any = false;
        for (&a, s) in &self.subs {
            if channel_of(a) == channel {
                any = true;
                if !s.pending.is_empty() {
                    return 1;
                }
            }
        }
        if any { 0 } else { 3 }
    }

    fn interrupt_pending(&self) -> bool {
        self.npending > 0
    }

    fn take_interrupt(&mut self, channel_mask: u16) -> Option<(u16, [u8; 8])> {
        if self.npending == 0 {
            return None;
        }
        let (&dev, sub) = self.subs.iter_mut().find(|(a, s)| {
            !s.pending.is_empty() && channel_mask & mask_bit(channel_of(**a)) != 0
        })?;
        let p = sub.pending.pop_front().expect("non-empty");
        self.npending -= 1;
        if sub.op.is_none() {
            self.npending += poll_attention(sub);
        }
        Some((dev, p.csw.to_bytes()))
    }

    fn next_event(&self) -> u64 {
        self.next_due
    }

    fn advance(&mut self, mem: &mut Storage, now: u64) {
        while self.next_due <= now {
            let t = self.next_due;
            let (&dev, _) = self
                .subs
                .iter()
                .find(|(_, s)| s.due == Some(t))
                .expect("cached due belongs to a subchannel");
            let sub = self.subs.get_mut(&dev).expect("found");
            sub.due = None;
            let Some(op) = sub.op.as_mut() else {
                self.recompute_due();
                continue;
            };
            let service = {
                let mut xfer = Transfer::new(mem, op);
                sub.dev.service(&mut xfer, t)
            };
            // Data chaining may have reached a CCW with PCI.
            let mut queued = sub.present_pci();
            match service {
                // Strictly later, so a misbehaving device cannot stall time.
                Service::At(t2) => sub.due = Some(t2.max(t + 1)),
                Service::Wait => {}
                Service::Done(status) => match sub.conclude(status, false) {
                    Err(csw) => {
                        let d = sub.end(csw);
                        self.adjust(d);
                    }
                    Ok(next) => {
                        let (step, q) = sub.run_chain(mem, t, next, status);
                        queued += q;
                        if let Step::Ended { csw, .. } = step {
                            let d = sub.end(csw);
                            self.adjust(d);
                        }
                    }
                },
            }
            self.npending += queued;
            self.recompute_due();
        }
    }
}
