//! The machine: CPU + storage + channel + devices + virtual time.
//!
//! The machine knows nothing of where its programs come from (see `sysgen`).
//!
//! Time is virtual (TOD units, see `cpu`): the CPU advances it by executing, and the
//! machine interleaves device events with execution. `run_until(t)` runs the CPU up to the
//! next device event or `t`, whichever comes first, performs the events that fell due, and
//! repeats. In an enabled wait with nothing due, time jumps straight to the next event or
//! to `t`, so an idle machine costs nothing and a headless run is as fast as the host
//! allows, yet reproducible to the byte.

use crate::channel::{Channel, UnitStatus};
use crate::cpu::{Cpu, IoBus, NoTrace, Stop, Tracer};
use crate::devices::console3215::Console3215;
use crate::devices::{Device, Transcript};

/// How to build a machine.
#[derive(Clone, Debug)]
pub struct MachineConfig {
    /// Main storage in bytes (a multiple of 4K).
    pub storage: u32,
    /// Model speed: millions of instructions per virtual second.
    pub mips: f64,
    /// TOD clock value at power-on.
    pub tod_epoch: u64,
}

/// What the machine is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Running,
    /// Enabled wait: waiting for an interruption.
    Waiting,
    /// Disabled wait, with the PSW.
    DisabledWait(u64),
    Checkstop,
}

/// For messages: `a disabled wait, PSW 000200000000C0DE`.
impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Status::Running => f.write_str("still running"),
            Status::Waiting => f.write_str("an enabled wait"),
            Status::DisabledWait(psw) => write!(f, "a disabled wait, PSW {psw:016X}"),
            Status::Checkstop => f.write_str("a check stop"),
        }
    }
}

/// Virtual time `run_instructions` lets pass in one slice of an enabled wait before it
/// concludes that nothing will happen (one virtual second).
const WAIT_SLICE: u64 = crate::cpu::TOD_PER_SECOND;

pub struct Machine {
    pub cpu: Cpu,
    channel: Channel,
    tracer: Option<Box<dyn Tracer>>,
    /// Why the CPU last stopped (`None` before the first run).
    last: Option<Stop>,
}

/// Lends a boxed tracer to the generic `Cpu::run`.
struct DynTracer<'a>(&'a mut dyn Tracer);

impl Tracer for DynTracer<'_> {
    fn instruction(&mut self, cpu: &Cpu, addr: u32, bytes: &[u8]) {
        self.0.instruction(cpu, addr, bytes)
    }
    fn interruption(
        &mut self,
        cpu: &Cpu,
        class: crate::cpu::InterruptClass,
        code: u16,
        old: u64,
        new: u64,
    ) {
        self.0.interruption(cpu, class, code, old, new)
    }
}

impl Machine {
    pub fn new(cfg: &MachineConfig) -> Self {
        Machine {
            cpu: Cpu::new(cfg.storage, cfg.mips, cfg.tod_epoch),
            channel: Channel::new(),
            tracer: None,
            last: None,
        }
    }

    /// Attach a 3215 console (typewriter terminal) at device address `dev`.
    pub fn attach_console(&mut self, dev: u16) {
        self.channel.attach(dev, Box::new(Console3215::new()));
    }

    /// Attach any device at `dev` (replacing what was there).
    pub fn attach(&mut self, dev: u16, device: Box<dyn Device>) {
        self.channel.attach(dev, device);
    }

    /// The channel and its devices (read-only, for observers).
    pub fn channel(&self) -> &Channel {
        &self.channel
    }

    /// Observe execution with `tracer` (`None`: no tracing, the fast path).
    pub fn set_tracer(&mut self, tracer: Option<Box<dyn Tracer>>) {
        self.tracer = tracer;
    }

    /// Load bytes into real storage.
    pub fn load(&mut self, addr: u32, bytes: &[u8]) -> Result<(), String> {
        self.cpu.mem.load(addr, bytes)
    }

    /// Side-effect-free look at real storage (`None` if outside it).
    pub fn peek(&self, addr: u32, len: u32) -> Option<&[u8]> {
        self.cpu.mem.peek(addr, len)
    }

    /// Virtual time since power-on, TOD units.
    pub fn now(&self) -> u64 {
        self.cpu.now
    }

    /// The operator presses the interrupt key (an external interruption, code X'0040',
    /// taken when the program enables it).
    pub fn press_interrupt_key(&mut self) {
        self.cpu.press_interrupt_key();
    }

    /// One CPU slice up to `deadline` or `max` instructions, with the tracer if any.
    fn slice(&mut self, deadline: u64, max: u64) -> Stop {
        match self.tracer.as_mut() {
            None => self.cpu.run(&mut self.channel, &mut NoTrace, deadline, max),
            Some(t) => {
                let mut t = DynTracer(&mut **t);
                self.cpu.run(&mut self.channel, &mut t, deadline, max)
            }
        }
    }

    /// Perform the device events due now.
    fn devices(&mut self) {
        if self.channel.next_event() <= self.cpu.now {
            self.channel.advance(&mut self.cpu.mem, self.cpu.now);
        }
    }

    /// Run until virtual time `t` (or a disabled wait / checkstop). In an enabled wait with
    /// nothing due, time jumps straight to `t`.
    pub fn run_until(&mut self, t: u64) -> Status {
        loop {
            self.devices();
            if self.cpu.now >= t {
                return self.status();
            }
            let deadline = t.min(self.channel.next_event()).max(self.cpu.now);
            let (before_now, before_n) = (self.cpu.now, self.cpu.instructions);
            let stop = self.slice(deadline, u64::MAX);
            self.last = Some(stop);
            match stop {
                Stop::DisabledWait | Stop::Checkstop => return self.status(),
                Stop::Deadline | Stop::Wait => {
                    if self.cpu.now == before_now
                        && self.cpu.instructions == before_n
                        && self.channel.next_event() > self.cpu.now
                    {
                        // No progress and nothing due (e.g. a stopped CPU): let time
                        // pass to the deadline rather than spin.
                        self.cpu.now = deadline;
                    }
                }
            }
        }
    }

    /// Run at most `n` instructions (for `cpcms ipl --max-instructions`). Returns early on
    /// a disabled wait, a checkstop, or an enabled wait that nothing will end.
    pub fn run_instructions(&mut self, n: u64) -> Status {
        let start = self.cpu.instructions;
        loop {
            self.devices();
            let done = self.cpu.instructions - start;
            if done >= n {
                return self.status();
            }
            let deadline = self
                .channel
                .next_event()
                .min(self.cpu.now.saturating_add(WAIT_SLICE))
                .max(self.cpu.now);
            let before_now = self.cpu.now;
            let before_n = self.cpu.instructions;
            let stop = self.slice(deadline, n - done);
            self.last = Some(stop);
            match stop {
                Stop::DisabledWait | Stop::Checkstop => return self.status(),
                Stop::Wait if self.channel.next_event() == u64::MAX => return self.status(),
                Stop::Wait | Stop::Deadline => {
                    if self.cpu.now == before_now
                        && self.cpu.instructions == before_n
                        && self.channel.next_event() > self.cpu.now
                    {
                        return self.status();
                    }
                }
            }
        }
    }

    pub fn status(&self) -> Status {
        match self.last {
            None | Some(Stop::Deadline) => Status::Running,
            Some(Stop::Wait) => Status::Waiting,
            Some(Stop::DisabledWait) => Status::DisabledWait(self.cpu.psw()),
            Some(Stop::Checkstop) => Status::Checkstop,
        }
    }

    /// Initial program loading from the device at `dev`, as the hardware does it: the
    /// channel reads 24 bytes (the implied CCW: Read IPL X'02', count 24, command
    /// chaining, data address 0), so the IPL record puts a PSW at 0 and two CCWs at 8 and
    /// 16; the chain goes on at the CCW at 8 and may read more. When the channel program
    /// has ended normally (channel end and device end, nothing else), the device address
    /// is stored (BC-mode IPL PSW: bytes 2-3 of location 0, where it becomes the PSW's
    /// interruption code; EC mode: the I/O address word at X'B8') and the PSW at location
    /// 0 is loaded. The ending status is not presented as an interruption. The CPU does
    /// not run while the channel program does; virtual time passes for the device.
    ///
    /// Errors (no device, a chain that ends abnormally, an invalid PSW) leave the CPU
    /// where it was, as a failed IPL leaves the real machine in the load state.
    pub fn ipl(&mut self, dev: u16) -> Result<(), String> {
        let kind = self
            .channel
            .device(dev)
            .map(|d| d.kind())
            .ok_or_else(|| format!("IPL {dev:03X}: no device at {dev:03X}"))?;
        self.channel
            .start_ipl(&mut self.cpu.mem, dev, self.cpu.now)
            .map_err(|e| format!("IPL {dev:03X}: {e}"))?;
        while self.channel.working(dev) {
            let t = self.channel.next_event();
            if t == u64::MAX {
                return Err(format!(
                    "IPL {dev:03X}: the {kind}'s channel program waits for input and would \
                     never end"
                ));
            }
            self.cpu.now = self.cpu.now.max(t);
            self.channel.advance(&mut self.cpu.mem, self.cpu.now);
        }
        let csw = self
            .channel
            .finish_ipl(dev)
            .ok_or_else(|| format!("IPL {dev:03X}: the channel program left no status"))?;
        if csw.unit != UnitStatus::CE_DE || !csw.channel.is_empty() {
            return Err(format!(
                "IPL {dev:03X} failed: the {kind}'s channel program ended with CSW {csw}"
            ));
        }
        let mut psw = [0u8; 8];
        psw.copy_from_slice(self.cpu.mem.peek(0, 8).ok_or("IPL: no storage at 0")?);
        let addr = dev.to_be_bytes();
        if psw[1] & 0x08 != 0 {
            self.cpu.mem.load(0xB8, &[0, 0, addr[0], addr[1]])?;
        } else {
            psw[2] = addr[0];
            psw[3] = addr[1];
            self.cpu.mem.load(2, &addr)?;
        }
        let psw = u64::from_be_bytes(psw);
        self.cpu
            .set_psw(psw)
            .map_err(|e| format!("IPL {dev:03X}: invalid IPL PSW {psw:016X}: {e}"))?;
        self.last = None;
        Ok(())
    }

    /// A person types `line` on the terminal at `dev` and presses Enter.
    pub fn type_line(&mut self, dev: u16, line: &str) -> Result<(), String> {
        self.channel.type_line(dev, line, self.cpu.now)
    }

    /// The operator puts `deck` in the hopper of the card reader at `dev` (see
    /// [`crate::devices::reader::CardReader::load`]).
    pub fn load_cards(
        &mut self,
        dev: u16,
        deck: Vec<crate::devices::reader::Card>,
    ) -> Result<(), String> {
        self.channel.load_cards(dev, deck)
    }

    /// True while a read on the terminal at `dev` waits for the operator (the keyboard is
    /// unlocked). False for an unknown address.
    pub fn awaiting_input(&self, dev: u16) -> bool {
        self.channel.awaiting_input(dev)
    }

    /// True while the next line typed on the terminal at `dev` will not be printed (the
    /// program inhibited it, as CP may for a password): a front end must not show it.
    pub fn print_inhibited(&self, dev: u16) -> bool {
        self.channel.print_inhibited(dev)
    }

    /// What the terminal at `dev` has printed, typed input included, as text with `\n`
    /// line ends: the last [`KEEP`](crate::devices::transcript::KEEP) bytes, with the
    /// absolute position of the first (see [`Transcript`]).
    pub fn transcript(&self, dev: u16) -> Option<Transcript<'_>> {
        self.channel.transcript(dev)
    }
}

#[cfg(test)]
mod tests {
    //! Tiny hand-assembled programs (BC-mode PSWs) that drive the 3215 at 009.

    use super::*;
    use crate::cpu::TOD_PER_US;
    use crate::ebcdic;
    use std::cell::Cell;
    use std::rc::Rc;

    const CON: u16 = 0x009;
    /// Disabled wait PSW with address X'C0DE': the program's "done".
    const DONE: u64 = 0x0002_0000_0000_C0DE;
    const BAD: u64 = 0x0002_0000_0000_0BAD;

    fn machine() -> Machine {
        let mut m = Machine::new(&MachineConfig {
            storage: 64 * 1024,
            mips: 1.0,
            tod_epoch: 0,
        });
        m.attach_console(CON);
        m
    }

    fn dw(m: &mut Machine, addr: u32, v: u64) {
        m.load(addr, &v.to_be_bytes()).unwrap();
    }

    /// CAW -> CCW at X'800' -> data at X'900'.
    fn channel_program(m: &mut Machine, cmd: u8, text: &str, count: u16) {
        m.load(0x48, &0x0000_0800u32.to_be_bytes()).unwrap();
        let c = count.to_be_bytes();
        m.load(0x800, &[cmd, 0x00, 0x09, 0x00, 0x20, 0, c[0], c[1]])
            .unwrap();
        m.load(0x900, &ebcdic::encode(text)).unwrap();
    }

    /// SIO 009; on cc != 0 a disabled wait at BAD; else an enabled wait (channel 0) until
    /// the I/O interruption, whose handler loads DONE.
    fn sio_and_wait(m: &mut Machine) {
        #[rustfmt::skip]
        let code = [
            0x9C, 0x00, 0x00, 0x09, // 400 SIO   X'009'
            0x47, 0x70, 0x04, 0x40, // 404 BC    7,FAIL
            0x82, 0x00, 0x04, 0x10, // 408 LPSW  WAIT
        ];
        m.load(0x400, &code).unwrap();
        dw(m, 0x410, 0x8002_0000_0000_0000); // WAIT: channel 0 enabled, wait bit
        m.load(0x420, &[0x82, 0x00, 0x04, 0x30]).unwrap(); // I/O handler: LPSW DONE
        dw(m, 0x430, DONE);
        m.load(0x440, &[0x82, 0x00, 0x04, 0x48]).unwrap(); // FAIL: LPSW BAD
        dw(m, 0x448, BAD);
        dw(m, 0x78, 0x0000_0000_0000_0420); // I/O new PSW
        m.cpu.set_psw(0x0000_0000_0000_0400).unwrap();
    }

    fn address(psw: u64) -> u64 {
        psw & 0x00FF_FFFF
    }

    #[test]
    fn sio_write_then_io_interruption() {
        let mut m = machine();
        channel_program(&mut m, 0x09, "HELLO", 5);
        sio_and_wait(&mut m);
        let st = m.run_until(10_000 * TOD_PER_US);
        let Status::DisabledWait(psw) = st else {
            panic!("expected a disabled wait, got {st:?}");
        };
        assert_eq!(address(psw), 0xC0DE);
        assert_eq!(m.transcript(CON).map(|t| t.text), Some("HELLO\n"));
        // I/O old PSW: interruption code = device address
        let old = u64::from_be_bytes(m.peek(0x38, 8).unwrap().try_into().unwrap());
        assert_eq!((old >> 32) & 0xFFFF, 0x0009);
        // CSW: CCW address + 8, CE DE, residual 0
        assert_eq!(
            m.peek(0x40, 8).unwrap(),
            &[0x00, 0x00, 0x08, 0x08, 0x0C, 0x00, 0x00, 0x00]
        );
        // the interruption came when the write finished: 100us + 5 x 10us after SIO,
        // and the machine did not run on to the deadline
        assert!(m.now() >= 150 * TOD_PER_US && m.now() < 200 * TOD_PER_US);
    }

    #[test]
    fn polling_with_tio_sees_the_write_end() {
        let mut m = machine();
        channel_program(&mut m, 0x09, "POLL", 4);
        #[rustfmt::skip]
        let code = [
            0x9C, 0x00, 0x00, 0x09, // 400 SIO  X'009'
            0x9D, 0x00, 0x00, 0x09, // 404 TIO  X'009'
            0x47, 0x20, 0x04, 0x04, // 408 BC   2,*-4   busy: again
            0x82, 0x00, 0x04, 0x18, // 40C LPSW DONE
        ];
        m.load(0x400, &code).unwrap();
        dw(&mut m, 0x418, DONE);
        m.cpu.set_psw(0x0000_0000_0000_0400).unwrap();
        let st = m.run_until(10_000 * TOD_PER_US);
        assert!(
            matches!(st, Status::DisabledWait(p) if address(p) == 0xC0DE),
            "{st:?}"
        );
        // TIO stored the CSW (cc1)
        assert_eq!(m.peek(0x44, 2).unwrap(), &[0x0C, 0x00]);
        // ~140us at 1 MIPS: about 70 TIO/BC pairs
        assert!(m.cpu.instructions > 100, "{}", m.cpu.instructions);
        assert_eq!(m.transcript(CON).map(|t| t.text), Some("POLL\n"));
    }

    #[test]
    fn read_waits_for_the_operator() {
        let mut m = machine();
        channel_program(&mut m, 0x0A, "", 20);
        sio_and_wait(&mut m);
        assert_eq!(m.run_until(1_000 * TOD_PER_US), Status::Waiting);
        assert_eq!(
            m.now(),
            1_000 * TOD_PER_US,
            "an idle wait jumps to the deadline"
        );
        assert!(m.awaiting_input(CON));
        m.type_line(CON, "hi there").unwrap();
        assert!(!m.awaiting_input(CON));
        let st = m.run_until(2_000 * TOD_PER_US);
        assert!(
            matches!(st, Status::DisabledWait(p) if address(p) == 0xC0DE),
            "{st:?}"
        );
        assert_eq!(
            m.peek(0x900, 8).unwrap(),
            ebcdic::encode("hi there").as_slice()
        );
        // residual 12, SLI set so no incorrect length
        assert_eq!(m.peek(0x44, 4).unwrap(), &[0x0C, 0x00, 0x00, 12]);
        assert_eq!(m.transcript(CON).map(|t| t.text), Some("hi there\n"));
    }

    #[test]
    fn tracer_sees_instructions() {
        struct Count(Rc<Cell<u64>>);
        impl Tracer for Count {
            fn instruction(&mut self, _cpu: &Cpu, _addr: u32, _bytes: &[u8]) {
                self.0.set(self.0.get() + 1);
            }
        }
        let mut m = machine();
        channel_program(&mut m, 0x09, "T", 1);
        sio_and_wait(&mut m);
        let n = Rc::new(Cell::new(0));
        m.set_tracer(Some(Box::new(Count(n.clone()))));
        m.run_until(10_000 * TOD_PER_US);
        // SIO, BC, LPSW, then the handler's LPSW
        assert_eq!(n.get(), 4);
    }

    #[test]
    fn unknown_devices_are_errors_not_panics() {
        let mut m = machine();
        assert!(m.type_line(0x123, "x").is_err());
        assert_eq!(m.transcript(0x123), None);
        assert!(!m.awaiting_input(0x123));
        assert_eq!(m.peek(0xFFFF_0000, 4), None);
    }

    #[test]
    fn run_instructions_stops_at_the_count() {
        let mut m = machine();
        // 400: BC 15,400 (a tight loop)
        m.load(0x400, &[0x47, 0xF0, 0x04, 0x00]).unwrap();
        m.cpu.set_psw(0x0000_0000_0000_0400).unwrap();
        assert_eq!(m.run_instructions(1000), Status::Running);
        assert_eq!(m.cpu.instructions, 1000);
    }

    /// SIO, then compute (R3 += 1 in a loop) with channel 0 enabled until the write's
    /// interruption stores R3: the I/O overlapped the loop.
    fn overlap_run() -> (u32, u64) {
        let mut m = machine();
        channel_program(&mut m, 0x09, "OVERLAP", 7);
        #[rustfmt::skip]
        let code = [
            0x9C, 0x00, 0x00, 0x09, // 400 SIO  X'009'
            0x80, 0x00, 0x04, 0x10, // 404 SSM  X'410'   enable channel 0
            0x1A, 0x34,             // 408 AR   3,4
            0x47, 0xF0, 0x04, 0x08, // 40A BC   15,X'408'
        ];
        m.load(0x400, &code).unwrap();
        m.load(0x410, &[0x80]).unwrap();
        m.load(0x420, &[0x50, 0x30, 0x05, 0x00]).unwrap(); // ST 3,X'500'
        m.load(0x424, &[0x82, 0x00, 0x04, 0x30]).unwrap(); // LPSW DONE
        dw(&mut m, 0x430, DONE);
        dw(&mut m, 0x78, 0x0000_0000_0000_0420);
        m.cpu.gpr[4] = 1;
        m.cpu.set_psw(0x0000_0000_0000_0400).unwrap();
        let st = m.run_until(10_000 * TOD_PER_US);
        assert!(
            matches!(st, Status::DisabledWait(p) if address(p) == 0xC0DE),
            "{st:?}"
        );
        let r3 = u32::from_be_bytes(m.peek(0x500, 4).unwrap().try_into().unwrap());
        (r3, m.now())
    }

    #[test]
    fn io_overlaps_computation_deterministically() {
        let (r3, now) = overlap_run();
        // the write takes 100us + 7 x 10us = 170 instructions at 1 MIPS: two per loop
        assert!((80..=86).contains(&r3), "{r3}");
        assert_eq!(overlap_run(), (r3, now), "same program, same result");
    }
}
