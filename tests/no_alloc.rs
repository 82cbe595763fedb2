//! The decimal instructions and ED/EDMK allocate nothing on the host heap: a counting
//! global allocator watches `Cpu::run` execute a loop of every decimal instruction,
//! ED and EDMK a thousand times. (Its own test binary, so the allocator counts only
//! this program; only allocations made by the running thread are counted.)

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

use cpcms::cpu::{Cpu, IoBus, IoCc, NoTrace, Stop};
use cpcms::storage::Storage;

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
}

fn note() {
    if COUNTING.with(Cell::get) {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
    }
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note();
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note();
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// No channel: nothing is ever started.
struct NoIo;

impl IoBus for NoIo {
    fn start_io(&mut self, _: &mut Storage, _: u16, _: bool, _: u64) -> IoCc {
        IoCc::Cc3
    }
    fn test_io(&mut self, _: &mut Storage, _: u16, _: u64) -> IoCc {
        IoCc::Cc3
    }
    fn halt_io(&mut self, _: &mut Storage, _: u16, _: bool, _: u64) -> IoCc {
        IoCc::Cc3
    }
    fn test_channel(&mut self, _: u8, _: u64) -> u8 {
        3
    }
    fn interrupt_pending(&self) -> bool {
        false
    }
    fn take_interrupt(&mut self, _: u16) -> Option<(u16, [u8; 8])> {
        None
    }
    fn next_event(&self) -> u64 {
        u64::MAX
    }
    fn advance(&mut self, _: &mut Storage, _: u64) {}
}

const PROGRAM: &str = "\
DEC      START 0
         DC    X'0000000000000200'
         ORG   DEC+X'68'
         DC    X'000200000000BAD0'   a program interruption stops it
         ORG   DEC+X'200'
         BALR  12,0
         USING *,12
         L     9,=F'1000'
LOOP     PACK  P8,Z8
         UNPK  Z8,P8
         MVO   P8,DIGITS
         ZAP   P16,P8
         AP    P16,P3
         SP    P16,P3
         CP    P16,P8
         MP    P16,P3
         DP    P16,P3
         ZAP   Q,P16(13)
         SRP   Q,3,5
         SRP   Q,64-3,5
         CVB   1,P8
         CVD   1,P8
         MVC   EDOUT,PATTERN
         ED    EDOUT,P8
         MVC   EDOUT,PATTERN
         EDMK  EDOUT,P8
         MVC   LONGOUT,LONGPAT
         ED    LONGOUT,LONGSRC
         BCT   9,LOOP
         LPSW  DONE
         DS    0D
DONE     DC    X'000200000000C0DE'
P8       DC    PL8'0'
P16      DC    PL16'0'
Q        DC    PL16'0'
P3       DC    PL3'123'
DIGITS   DC    X'123456'
Z8       DC    ZL8'1234567'
PATTERN  DC    X'4020206B2021204B202060'
EDOUT    DS    CL11
LONGPAT  DC    X'40',255X'20'
LONGSRC  DC    128X'12'
LONGOUT  DS    CL256
         LTORG
         END
";

#[test]
fn decimal_and_edit_instructions_do_not_allocate() {
    let a = cpcms::asm::assemble("dec.asm", &|f: &str| {
        (f == "dec.asm").then(|| PROGRAM.to_string())
    })
    .unwrap_or_else(|e| panic!("{}", e.join("\n")));
    let mut cpu = Cpu::new(1 << 20, 1.0, 0);
    cpu.mem.load(a.origin, &a.image).unwrap();
    cpu.restart();
    let mut bus = NoIo;
    let mut trace = NoTrace;

    COUNTING.with(|c| c.set(true));
    let stop = cpu.run(&mut bus, &mut trace, u64::MAX, 1_000_000);
    COUNTING.with(|c| c.set(false));
    let allocations = ALLOCATIONS.load(Ordering::Relaxed);

    assert_eq!(stop, Stop::DisabledWait);
    assert_eq!(cpu.psw() & 0xFFFF_FFFF_3FFF_FFFF, 0x0002_0000_0000_C0DE);
    assert_eq!(allocations, 0, "heap allocations while running the program");
}

/// A problem-state program that tries SSM a thousand times; the "CP" at the program new
/// PSW counts and dispatches it again.
const TRAPS: &str = "\
TRP      START 0
         DC    X'0000000000000200'
         ORG   TRP+X'68'
         DC    X'0000000000000300'   program interruption: the supervisor at X'300'
         ORG   TRP+X'200'
         BALR  12,0
         USING *,12
         L     9,=F'1000'
         LPSW  PROB
         ORG   TRP+X'300'
         BCT   9,BACK
         LPSW  DONE
BACK     LPSW  PROB
         ORG   TRP+X'400'
         SSM   0                      privileged: a trap
         DS    0D
PROB     DC    X'0001000000000400'
DONE     DC    X'000200000000C0DE'
         LTORG
         END
";

/// The trap log, enabled, writes its ring in place: logging a thousand traps allocates
/// nothing (the ring is allocated once, by `enable`).
#[test]
fn logging_traps_does_not_allocate() {
    let a = cpcms::asm::assemble("trp.asm", &|f: &str| {
        (f == "trp.asm").then(|| TRAPS.to_string())
    })
    .unwrap_or_else(|e| panic!("{}", e.join("\n")));
    let mut cpu = Cpu::new(1 << 20, 1.0, 0);
    cpu.mem.load(a.origin, &a.image).unwrap();
    cpu.traps.enable();
    cpu.restart();
    let mut bus = NoIo;
    let mut trace = NoTrace;
    // The first traps make the per-address-space instruction count's one entry.
    assert_eq!(cpu.run(&mut bus, &mut trace, u64::MAX, 50), Stop::Deadline);

    COUNTING.with(|c| c.set(true));
    let stop = cpu.run(&mut bus, &mut trace, u64::MAX, 1_000_000);
    COUNTING.with(|c| c.set(false));
    let allocations = ALLOCATIONS.load(Ordering::Relaxed);

    assert_eq!(stop, Stop::DisabledWait);
    assert_eq!(cpu.psw() & 0xFFFF_FFFF_3FFF_FFFF, 0x0002_0000_0000_C0DE);
    assert_eq!(cpu.traps.written(), 1000);
    let kept: Vec<_> = cpu.traps.since(0).collect();
    assert_eq!(kept.len(), cpcms::cpu::TRAP_LOG_SIZE);
    assert!(kept.iter().all(|e| e.instruction() == [0x80, 0, 0, 0]));
    // BCT and LPSW between a trap and the next dispatch; the last never comes.
    assert!(kept[..255].iter().all(|e| e.cp_instructions == Some(2)));
    assert_eq!(kept[255].cp_instructions, None);
    assert_eq!(allocations, 0, "heap allocations while logging traps");
}
