//! The random instruction-stream generator: one seed + stream number -> one flat S/370
//! storage image that runs from the restart PSW at X'0' to a disabled wait, on cpcms and
//! on Hercules alike.
//!
//! Storage map of an image (all below 16K; the rest of storage is never addressed):
//!
//! ```text
//!  000-0FF  low storage: restart PSW at 0 (-> PROLOGUE), new PSWs (program -> PGMH,
//!           SVC -> SVCH, external / I/O / machine check -> disabled waits E01..E03)
//!  200      PGMH: the program-check handler   280 SVCH: the SVC handler
//!  300      handler register save area        340 CR values   380 GPR values
//!  3C0      FPR values   3E0 PSWs: stop (log full), done
//!  400-7FF  constant pool: `L r,c(0,0)` loads any register without changing the cc
//!  800      RESULT: GPRs (800), FPRs (840), CRs (860), BALR link of the end (8A0),
//!           log pointer (8A4)
//!  900-CFF  LOG: 32 entries of 32 bytes: tag (1 program, 2 SVC), the word at X'8C',
//!           the old PSW, and X'90'-X'9F' (cleared again after each interruption)
//!  1000-1FFF DATA: random bytes, packed and zoned decimal, HFP numbers, edit patterns;
//!           every storage operand lies in 1000-1DFF (+ at most 512 bytes), or wholly
//!           at or above 2M (addressing exception)
//!  2000     CODE: prologue (CRs, FPRs, program mask and cc, GPRs), the random
//!           instructions, epilogue (key 0, store GPRs/FPRs/CRs/link, LPSW done)
//!  3000-37FF EX targets (never reached sequentially)
//! ```
//!
//! The handlers log the old PSW and resume with LPSW of it: for every exception that
//! can occur here (no DAT, no odd branch addresses) the old PSW already points past the
//! instruction (suppression, completion) so the stream goes on. After 32 log entries
//! the stop PSW (disabled wait at X'BAD') ends the stream.
//!
//! Random instructions keep to what is architected and deterministic. Left out, and why:
//! - STCK, SCK, SPT, STPT, SCKC, STCKC: time; SIO/TIO/HIO/TCH/... and WRD/RDD: I/O and
//!   direct control; SIGP, DIAG, STIDP, STIDC, STAP, SPX/STPX, CONCS/DISCS: model
//!   dependent; LRA, SSK, ISK, RRB: DAT and keys (tests/hercules/dat.asm and keys.asm);
//!   LPSW, SSM, STOSM with mask bits: would change the state or enable interruptions.
//! - LCTL only into CR8 (monitor masks): the other CRs select DAT, clocks and masks.
//! - Branch targets are always forward, inside the stream, and even: a branch to an odd
//!   address is reported with a model-dependent ILC (see tests/hercules.rs).
//! - ED/EDMK take their source from slots of valid digits: where an invalid digit stops
//!   the edit (and what is stored, and whether EDMK's R1 is set) is model-dependent.
//! - Overlapping operands only where the POO defines the result (MVC, NC, OC, XC, MVN,
//!   MVZ, CLC, MVCL); decimal (AP..DP, ZAP, SRP, PACK, UNPK, MVO), ED/EDMK and TR/TRT
//!   take operands in distinct 16-byte slots.
//! - Storage operands never address low storage or the program: X'50' (interval timer)
//!   changes on Hercules with host time, and stores into the instruction stream are not
//!   what is tested here.
//! - Invalid opcodes are taken only from bytes that no S/370 feature Hercules 3.13
//!   implements uses.
//! - After AXR/SXR, the low-order result register is neither read nor stored, and its
//!   high-order partner not changed alone, until a load surely replaces it: Hercules
//!   gives an extended true zero a nonzero low part (a named deviation), which would
//!   otherwise spread into later results (`Gen::xzero`).

use std::fmt::Write as _;

pub const PGMH: u32 = 0x200;
pub const SVCH: u32 = 0x280;
pub const HSAVE: u32 = 0x300;
pub const CRINIT: u32 = 0x340;
pub const GPRINIT: u32 = 0x380;
pub const FPRINIT: u32 = 0x3C0;
pub const STOP_PSW: u32 = 0x3E0;
pub const DONE_PSW: u32 = 0x3E8;
pub const PMASK: u32 = 0x3F0;
pub const POOL: u32 = 0x400;
pub const POOL_END: u32 = 0x800;
pub const RESULT: u32 = 0x800;
pub const LOGPTR: u32 = 0x8A4;
pub const LOG: u32 = 0x900;
pub const LOG_END: u32 = 0xD00;
pub const DATA: u32 = 0x1000;
pub const OPER_END: u32 = 0x1E00;
pub const DATA_END: u32 = 0x2000;
pub const CODE: u32 = 0x2000;
pub const CODE_LIMIT: u32 = 0x2F00;
pub const EXAREA: u32 = 0x3000;
pub const EXAREA_END: u32 = 0x3800;
pub const IMAGE_LEN: u32 = 0x3800;

/// The storage ranges compared (results and log, data area).
pub const DUMPS: [(u32, u32); 2] = [(RESULT, LOG_END - RESULT), (DATA, DATA_END - DATA)];

/// Random instructions per stream.
pub const STREAM_LEN: usize = 40;

/// splitmix64: small, fast, and the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64, stream: u64) -> Rng {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03));
        r.next();
        r
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// 0..n (n > 0).
    pub fn below(&mut self, n: u32) -> u32 {
        (((self.next() >> 32) * u64::from(n)) >> 32) as u32
    }
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below(hi - lo + 1)
    }
    /// True with probability p percent.
    pub fn pct(&mut self, p: u32) -> bool {
        self.below(100) < p
    }
    pub fn byte(&mut self) -> u8 {
        self.next() as u8
    }
    pub fn word(&mut self) -> u32 {
        (self.next() >> 16) as u32
    }
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len() as u32) as usize]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    Random,
    /// A packed-decimal field of this length at the slot's start.
    Packed(u32),
    Zoned(u32),
    /// Two long HFP numbers (or one extended).
    Hfp,
    /// Edit pattern of this length.
    Pattern(u32),
    /// Words of interesting integers.
    Ints,
    /// A source for ED/EDMK: 16 bytes whose left digits are all valid, with signs
    /// now and then in right halves (enough digits for any pattern of 16 bytes).
    EditSource,
}

const SLOTS: usize = ((OPER_END - DATA) / 16) as usize;

fn slot_addr(i: usize) -> u32 {
    DATA + 16 * i as u32
}

/// One generated stream.
pub struct Stream {
    pub image: Vec<u8>,
    /// Where the random instructions are (start, end), and the EX targets used.
    pub body: (u32, u32),
    pub ex: (u32, u32),
    /// Every EX in the stream: (address after it, its target's address).
    pub ex_sites: Vec<(u32, u32)>,
    /// FPRs (bit n: Fn; only F2 and F6) that may end the stream holding the low part
    /// of an AXR/SXR true zero, where Hercules 3.13 deviates (see [`Gen::xzero`]).
    pub xzero: u8,
}

impl Stream {
    /// The random part as assembler text, one instruction a line with its address.
    pub fn listing(&self) -> String {
        let mut out = String::new();
        for (from, to, what) in [
            (self.body.0, self.body.1, "stream"),
            (self.ex.0, self.ex.1, "EX targets"),
        ] {
            let _ = writeln!(out, "  -- {what} --");
            let mut a = from;
            while a < to {
                let bytes = &self.image[a as usize..(to as usize).min(a as usize + 6)];
                let (text, len) = cpcms::disasm::disassemble(bytes);
                // An invalid opcode still has the length its two high bits give.
                let len = if text.starts_with("DC") {
                    [2, 4, 4, 6][usize::from(bytes[0] >> 6)].min(bytes.len() as u32)
                } else {
                    len
                };
                let hex: String = bytes[..len.max(1) as usize]
                    .iter()
                    .map(|b| format!("{b:02X}"))
                    .collect();
                let _ = writeln!(out, "  {a:06X}  {hex:<12}  {text}");
                a += len.max(2);
            }
        }
        out
    }
}

/// One instruction with the register loads it needs before it.
#[derive(Default)]
struct Group {
    /// (register, value) loaded with `L r,const(0,0)` before the instruction.
    pre: Vec<(u8, u32)>,
    insn: Vec<u8>,
}

impl Group {
    fn taken(&self, r: u8) -> bool {
        self.pre.iter().any(|&(x, _)| x == r)
    }
}

/// Which registers an instruction must not use as a (preloaded) base.
#[derive(Clone, Copy, Default)]
struct Busy(u16);

impl Busy {
    fn with(self, r: u8) -> Busy {
        Busy(self.0 | 1 << r)
    }
    fn has(self, r: u8) -> bool {
        self.0 & (1 << r) != 0
    }
}

struct Gen {
    rng: Rng,
    img: Vec<u8>,
    slots: Vec<Slot>,
    pool: u32,
    ex_next: u32,
    pc: u32,
    ex_sites: Vec<(u32, u32)>,
    /// Set while generating operands that must not be made invalid on purpose.
    no_bad_base: bool,
    /// FPRs (bit n: Fn) that may hold the low-order part of an extended true zero
    /// from AXR/SXR under the significance mask. Hercules 3.13 puts characteristic
    /// X'72' there where the POO has a zero (the deviation named in
    /// tests/random_streams.rs), so the two machines may hold different values. Until
    /// such a register is surely reloaded, no instruction reads it, and none changes
    /// its high-order partner alone (which stays the all-zero high part): the value
    /// can then differ only at the end, where the known deviation is recognized.
    xzero: u8,
}

const FPRS: [u8; 4] = [0, 2, 4, 6];

impl Gen {
    fn put(&mut self, a: u32, bytes: &[u8]) {
        self.img[a as usize..a as usize + bytes.len()].copy_from_slice(bytes);
    }
    fn put_word(&mut self, a: u32, w: u32) {
        self.put(a, &w.to_be_bytes());
    }

    // ---- data ---------------------------------------------------------------------

    fn packed(&mut self, len: u32) -> Vec<u8> {
        let mut v = Vec::new();
        let digits = 2 * len - 1;
        // Sometimes short numbers (leading zeros), so products and quotients fit.
        let sig = if self.rng.pct(50) {
            self.rng.range(1, digits)
        } else {
            digits
        };
        let mut ds: Vec<u8> = (0..digits)
            .map(|i| {
                if i < digits - sig {
                    0
                } else {
                    self.rng.below(10) as u8
                }
            })
            .collect();
        if self.rng.pct(4) {
            let i = self.rng.below(digits) as usize;
            ds[i] = self.rng.range(10, 15) as u8;
        }
        let sign = if self.rng.pct(4) {
            self.rng.below(10) as u8
        } else {
            self.rng.pick(&[0xC, 0xD, 0xC, 0xD, 0xF, 0xA, 0xB, 0xE])
        };
        ds.push(sign);
        for p in ds.chunks(2) {
            v.push(p[0] << 4 | p[1]);
        }
        v
    }

    fn hfp_long(&mut self) -> u64 {
        let sign = u64::from(self.rng.pct(50)) << 63;
        let ch = match self.rng.below(10) {
            0 => u64::from(self.rng.below(128)),
            1 => u64::from(self.rng.range(0, 4)),
            2 => u64::from(self.rng.range(123, 127)),
            _ => u64::from(self.rng.range(60, 68)),
        };
        let mut frac = self.rng.next() & 0x00FF_FFFF_FFFF_FFFF;
        match self.rng.below(10) {
            0 => frac = 0,
            1 => frac >>= 4 * self.rng.range(1, 13), // unnormalized
            _ => {
                if frac >> 52 == 0 {
                    frac |= u64::from(self.rng.range(1, 15)) << 52;
                }
            }
        }
        if self.rng.pct(30) {
            frac &= 0x00FF_FFFF_0000_0000; // short-sized
        }
        sign | ch << 56 | frac
    }

    fn fill_data(&mut self) {
        for a in DATA..DATA_END {
            let b = self.rng.byte();
            self.put(a, &[b]);
        }
        for i in 0..SLOTS {
            let a = slot_addr(i);
            let kind = match self.rng.below(20) {
                0..=5 => Slot::Packed(self.rng.range(1, 16)),
                6..=9 => Slot::Hfp,
                10 => Slot::Zoned(self.rng.range(1, 16)),
                11 => Slot::Pattern(self.rng.range(2, 16)),
                12..=14 => Slot::Ints,
                15 => Slot::EditSource,
                _ => Slot::Random,
            };
            match kind {
                Slot::Packed(l) => {
                    let p = self.packed(l);
                    self.put(a, &p);
                }
                Slot::Zoned(l) => {
                    for k in 0..l {
                        let z = if self.rng.pct(90) {
                            0xF0
                        } else {
                            self.rng.byte() & 0xF0
                        };
                        let d = if self.rng.pct(95) {
                            self.rng.below(10) as u8
                        } else {
                            self.rng.byte() & 15
                        };
                        self.put(a + k, &[z | d]);
                    }
                }
                Slot::Hfp => {
                    let (x, y) = (self.hfp_long(), self.hfp_long());
                    self.put(a, &x.to_be_bytes());
                    self.put(a + 8, &y.to_be_bytes());
                }
                Slot::Pattern(l) => {
                    let fill = self.rng.pick(&[0x40, 0x5C, 0xF0, 0x20, 0x21]);
                    self.put(a, &[fill]);
                    for k in 1..l {
                        let b = self
                            .rng
                            .pick(&[0x20, 0x20, 0x20, 0x21, 0x22, 0x4B, 0x6B, 0xC3, 0x40]);
                        self.put(a + k, &[b]);
                    }
                }
                Slot::Ints => {
                    for k in 0..4 {
                        let w = self.interesting();
                        self.put_word(a + 4 * k, w);
                    }
                }
                Slot::EditSource => {
                    for k in 0..16 {
                        let hi = self.rng.below(10) as u8;
                        let lo = if self.rng.pct(12) {
                            self.rng.range(10, 15) as u8
                        } else {
                            self.rng.below(10) as u8
                        };
                        self.put(a + k, &[hi << 4 | lo]);
                    }
                }
                Slot::Random => {}
            }
            self.slots.push(kind);
        }
    }

    fn interesting(&mut self) -> u32 {
        match self.rng.below(10) {
            0 => self.rng.pick(&[
                0,
                1,
                0xFFFF_FFFF,
                0x7FFF_FFFF,
                0x8000_0000,
                0x8000_0001,
                0xFFFF,
            ]),
            1..=3 => self.rng.below(256),
            4 => self.rng.below(0x10000).wrapping_neg(),
            5 => self.rng.range(DATA, OPER_END),
            _ => self.rng.word(),
        }
    }

    // ---- operands -------------------------------------------------------------------

    fn slot_of(&mut self, want: impl Fn(Slot) -> bool) -> Option<usize> {
        for _ in 0..40 {
            let i = self.rng.below(SLOTS as u32) as usize;
            if want(self.slots[i]) {
                return Some(i);
            }
        }
        None
    }

    fn packed_slot(&mut self) -> (u32, u32) {
        match self.slot_of(|s| matches!(s, Slot::Packed(_))) {
            Some(i) => match self.slots[i] {
                Slot::Packed(l) => (slot_addr(i), l),
                _ => (slot_addr(i), 8),
            },
            None => (self.any_addr(1), self.rng.range(1, 16)),
        }
    }

    /// Two packed fields in different slots: (addr1, len1, addr2, len2).
    fn packed_pair(&mut self) -> (u32, u32, u32, u32) {
        let (a1, l1) = self.packed_slot();
        for _ in 0..10 {
            let (a2, l2) = self.packed_slot();
            if a2 != a1 {
                return (a1, l1, a2, l2);
            }
        }
        let a2 = if a1 + 16 < OPER_END { a1 + 16 } else { a1 - 16 };
        (a1, l1, a2, self.rng.range(1, 16))
    }

    fn any_addr(&mut self, align: u32) -> u32 {
        let a = self.rng.range(DATA, OPER_END - 1);
        a & !(align - 1)
    }

    fn hfp_addr(&mut self, align: u32) -> u32 {
        match self.slot_of(|s| s == Slot::Hfp) {
            Some(i) => {
                let half = if self.rng.pct(50) { 8 } else { 0 };
                slot_addr(i) + half
            }
            None => self.any_addr(align),
        }
    }

    /// An operand address of the given alignment: usually right, sometimes not.
    fn misalign(&mut self, a: u32, align: u32) -> u32 {
        if align > 1 && self.rng.pct(4) {
            a + self.rng.range(1, align - 1)
        } else {
            a
        }
    }

    /// Choose a base register for address `a` (preloaded into the group) and return
    /// the (B, D) fields. With `index`, sometimes also an index register (X, B, D).
    fn base_for(&mut self, g: &mut Group, busy: Busy, a: u32, index: bool) -> (u8, u8, u16) {
        // Rarely: a base wholly beyond storage (addressing exception).
        let a = if self.rng.pct(2) && !self.no_bad_base {
            self.rng.range(0x20_0000, 0xEF_0000)
        } else {
            a
        };
        let d = if self.rng.pct(20) {
            0
        } else {
            self.rng.below(0x1000.min(a + 1))
        };
        let free = |g: &Group, r: u8| r != 0 && !busy.has(r) && !g.taken(r);
        let mut b = 0;
        for _ in 0..30 {
            let r = self.rng.range(1, 15) as u8;
            if free(g, r) {
                b = r;
                break;
            }
        }
        if b == 0 {
            b = (1..16).find(|&r| free(g, r)).unwrap_or(15);
        }
        let mut x = 0;
        let mut rest = a - d;
        if index && self.rng.pct(20) {
            for _ in 0..30 {
                let r = self.rng.range(1, 15) as u8;
                if r != b && free(g, r) {
                    x = r;
                    break;
                }
            }
            if x != 0 {
                let xv = self.rng.below(rest + 1);
                g.pre.push((x, xv));
                rest -= xv;
            }
        }
        g.pre.push((b, rest));
        (x, b, d as u16)
    }

    fn bd(b: u8, d: u16) -> [u8; 2] {
        [(b << 4) | (d >> 8) as u8, d as u8]
    }

    fn rx(&mut self, g: &mut Group, busy: Busy, op: u8, r1: u8, a: u32) {
        let (x, b, d) = self.base_for(g, busy, a, true);
        let [h, l] = Self::bd(b, d);
        g.insn = vec![op, r1 << 4 | x, h, l];
    }

    fn rs(&mut self, g: &mut Group, busy: Busy, op: u8, r1: u8, r3: u8, a: u32) {
        let (_, b, d) = self.base_for(g, busy, a, false);
        let [h, l] = Self::bd(b, d);
        g.insn = vec![op, r1 << 4 | r3, h, l];
    }

    fn si(&mut self, g: &mut Group, busy: Busy, op: u8, i: u8, a: u32) {
        let (_, b, d) = self.base_for(g, busy, a, false);
        let [h, l] = Self::bd(b, d);
        g.insn = vec![op, i, h, l];
    }

    fn s(&mut self, g: &mut Group, busy: Busy, op: u16, a: u32) {
        let (_, b, d) = self.base_for(g, busy, a, false);
        let [h, l] = Self::bd(b, d);
        g.insn = vec![(op >> 8) as u8, op as u8, h, l];
    }

    fn ss(&mut self, g: &mut Group, busy: Busy, op: u8, lbyte: u8, a1: u32, a2: u32) {
        let (_, b1, d1) = self.base_for(g, busy, a1, false);
        let (_, b2, d2) = self.base_for(g, busy, a2, false);
        let [h1, l1] = Self::bd(b1, d1);
        let [h2, l2] = Self::bd(b2, d2);
        g.insn = vec![op, lbyte, h1, l1, h2, l2];
    }

    /// A (B, D) whose value is not a storage address (shift amounts, LA, SPKA, MC,
    /// SRP): any register, not preloaded.
    fn raw_bd(&mut self) -> [u8; 2] {
        let b = if self.rng.pct(50) {
            0
        } else {
            self.rng.below(16) as u8
        };
        let d = if self.rng.pct(50) {
            self.rng.below(64)
        } else {
            self.rng.below(0x1000)
        };
        Self::bd(b, d as u16)
    }

    fn reg(&mut self) -> u8 {
        self.rng.below(16) as u8
    }
    fn even(&mut self) -> u8 {
        if self.rng.pct(94) {
            self.rng.below(8) as u8 * 2
        } else {
            self.reg()
        }
    }
    fn fpr(&mut self) -> u8 {
        if self.rng.pct(95) {
            self.rng.pick(&FPRS)
        } else {
            self.reg()
        }
    }
    fn fpr_ext(&mut self) -> u8 {
        if self.rng.pct(94) {
            self.rng.pick(&[0, 4])
        } else {
            self.fpr()
        }
    }

    // ---- instructions -------------------------------------------------------------------

    /// One instruction that does not branch, with its preloads. `ex_target`: generating
    /// the target of an EX whose R1 ORs `or` into byte 1 (0: no change); the instruction
    /// then keeps to what that OR cannot make unsafe.
    fn plain(&mut self, busy: Busy, or_mask: &mut Option<u8>) -> Group {
        let mut g = Group::default();
        let ex = or_mask.is_some();
        // Allowed OR bits of byte 1 when this is an EX target (None: not one).
        let mut allow: u8 = 0xFF;
        let r = &mut self.rng;
        let family = r.below(100);
        match family {
            // RR fixed point and logical
            0..=13 => {
                let op = self.rng.pick(&[
                    0x10u8, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1E,
                    0x1F, 0x1C, 0x1D,
                ]);
                let (r1, r2) = if matches!(op, 0x1C | 0x1D) {
                    (self.even(), self.reg())
                } else {
                    (self.reg(), self.reg())
                };
                g.insn = vec![op, r1 << 4 | r2];
            }
            // RX fixed point and logical
            14..=27 => {
                let (op, align) = self.rng.pick(&[
                    (0x40u8, 2u32),
                    (0x42, 1),
                    (0x43, 1),
                    (0x48, 2),
                    (0x49, 2),
                    (0x4A, 2),
                    (0x4B, 2),
                    (0x4C, 2),
                    (0x50, 4),
                    (0x54, 4),
                    (0x55, 4),
                    (0x56, 4),
                    (0x57, 4),
                    (0x58, 4),
                    (0x59, 4),
                    (0x5A, 4),
                    (0x5B, 4),
                    (0x5C, 4),
                    (0x5D, 4),
                    (0x5E, 4),
                    (0x5F, 4),
                ]);
                let r1 = if matches!(op, 0x5C | 0x5D) {
                    self.even()
                } else {
                    self.reg()
                };
                let a = if self.rng.pct(40) {
                    match self.slot_of(|s| s == Slot::Ints) {
                        Some(i) => slot_addr(i) + 4 * self.rng.below(4),
                        None => self.any_addr(align),
                    }
                } else {
                    self.any_addr(align)
                };
                let a = self.misalign(a, align);
                allow = 0xF0;
                self.rx(&mut g, busy, op, r1, a);
            }
            // LA, shifts, SPM, CVB/CVD
            28..=33 => match self.rng.below(5) {
                0 => {
                    let [h, l] = self.raw_bd();
                    let x = if self.rng.pct(30) { self.reg() } else { 0 };
                    g.insn = vec![0x41, self.reg() << 4 | x, h, l];
                    allow = 0xF0;
                }
                1 | 2 => {
                    let op = self
                        .rng
                        .pick(&[0x88u8, 0x89, 0x8A, 0x8B, 0x8C, 0x8D, 0x8E, 0x8F]);
                    let r1 = if op >= 0x8C { self.even() } else { self.reg() };
                    let [h, l] = self.raw_bd();
                    g.insn = vec![op, r1 << 4 | self.rng.below(16) as u8, h, l];
                }
                3 => {
                    g.insn = vec![0x04, self.reg() << 4];
                    allow = 0xF0;
                }
                _ => {
                    let op = self.rng.pick(&[0x4Eu8, 0x4F]);
                    let a = if op == 0x4F && self.rng.pct(80) {
                        match self.slot_of(|s| s == Slot::Packed(8)) {
                            Some(i) => slot_addr(i),
                            None => self.any_addr(8),
                        }
                    } else {
                        self.any_addr(8)
                    };
                    let a = self.misalign(a, 8);
                    allow = 0xF0;
                    let r1 = self.reg();
                    self.rx(&mut g, busy, op, r1, a);
                }
            },
            // STM/LM, CS/CDS, ICM/STCM/CLM, TS
            34..=41 => match self.rng.below(5) {
                0 => {
                    let op = self.rng.pick(&[0x90u8, 0x98]);
                    let a = self.any_addr(4);
                    let a = self.misalign(a, 4);
                    let (r1, r3) = (self.reg(), self.reg());
                    self.rs(&mut g, busy, op, r1, r3, a);
                }
                1 => {
                    let op = self.rng.pick(&[0xBAu8, 0xBB]);
                    let align = if op == 0xBA { 4 } else { 8 };
                    let a = self.any_addr(align);
                    let a = self.misalign(a, align);
                    let (r1, r3) = if op == 0xBB {
                        (self.even(), self.even())
                    } else {
                        (self.reg(), self.reg())
                    };
                    // Often R1 holds what storage holds (cc 0 and the store).
                    let mut busy2 = busy;
                    if self.rng.pct(50) && a + 8 <= DATA_END && !busy.has(r1) && !ex {
                        let at = |i: u32, img: &[u8]| {
                            u32::from_be_bytes(
                                img[(a + i) as usize..(a + i) as usize + 4]
                                    .try_into()
                                    .unwrap_or([0; 4]),
                            )
                        };
                        g.pre.push((r1, at(0, &self.img)));
                        if op == 0xBB && r1 < 15 {
                            g.pre.push((r1 + 1, at(4, &self.img)));
                            busy2 = busy2.with(r1 + 1);
                        }
                        busy2 = busy2.with(r1);
                    }
                    self.rs(&mut g, busy2, op, r1, r3, a);
                }
                2 | 3 => {
                    let op = self.rng.pick(&[0xBDu8, 0xBE, 0xBF]);
                    let a = self.any_addr(1);
                    let (r1, m) = (self.reg(), self.rng.below(16) as u8);
                    self.rs(&mut g, busy, op, r1, m, a);
                }
                _ => {
                    let a = self.any_addr(1);
                    let i = self.rng.byte();
                    self.si(&mut g, busy, 0x93, i, a);
                    allow = 0;
                }
            },
            // SI
            42..=47 => {
                let op = self.rng.pick(&[0x91u8, 0x92, 0x94, 0x95, 0x96, 0x97]);
                let a = self.any_addr(1);
                let i = self.rng.byte();
                self.si(&mut g, busy, op, i, a);
            }
            // SS logical: MVC MVN MVZ NC CLC OC XC, overlapping sometimes
            48..=56 => {
                let op = self.rng.pick(&[0xD2u8, 0xD1, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7]);
                let l = if self.rng.pct(60) {
                    self.rng.below(16)
                } else {
                    self.rng.below(256)
                } as u8;
                let a1 = self.any_addr(1);
                let a2 = if self.rng.pct(25) {
                    (a1 + self.rng.below(8))
                        .saturating_sub(self.rng.below(4))
                        .clamp(DATA, OPER_END - 1)
                } else {
                    self.any_addr(1)
                };
                self.ss(&mut g, busy, op, l, a1, a2);
            }
            // TR / TRT (table and argument in different places)
            57..=59 => {
                let op = self.rng.pick(&[0xDCu8, 0xDD]);
                let l = self.rng.below(32) as u8;
                let a1 = self.any_addr(1);
                let mut a2 = self.any_addr(1);
                for _ in 0..20 {
                    if a2 + 256 <= a1 || a1 + 32 <= a2 {
                        break;
                    }
                    a2 = self.any_addr(1);
                }
                if !(a2 + 256 <= a1 || a1 + 32 <= a2) {
                    a2 = if a1 >= DATA + 0x300 {
                        DATA
                    } else {
                        DATA + 0x800
                    };
                }
                allow = 0;
                self.ss(&mut g, busy, op, l, a1, a2);
            }
            // MVCL / CLCL
            60..=63 => {
                if ex {
                    allow = 0;
                }
                let op = self.rng.pick(&[0x0Eu8, 0x0F]);
                // Even pairs that an enclosing EX does not need (an unloaded pair
                // would move or compare random storage).
                let free = |r: u8| {
                    if r.is_multiple_of(2) && (busy.has(r) || busy.has(r + 1)) {
                        (0..8u8)
                            .map(|k| 2 * k)
                            .find(|&e| !busy.has(e) && !busy.has(e + 1))
                            .unwrap_or(r)
                    } else {
                        r
                    }
                };
                let r1 = self.even();
                let mut r2 = self.even();
                if r2 == r1 && self.rng.pct(70) {
                    r2 = (r1 + 2) & 14;
                }
                let (r1, r2) = (free(r1), free(r2));
                g.insn = vec![op, r1 << 4 | r2];
                let mut busy = busy;
                for (rr, overlap) in [(r1, false), (r2, true)] {
                    if rr % 2 == 1 || busy.has(rr) || busy.has(rr + 1) {
                        continue;
                    }
                    let a = if overlap && self.rng.pct(30) {
                        let base = g.pre.first().map_or(DATA, |p| p.1 & 0xFF_FFFF);
                        (base + self.rng.below(64))
                            .saturating_sub(32)
                            .clamp(DATA, OPER_END - 1)
                    } else {
                        self.any_addr(1)
                    };
                    let hi = if self.rng.pct(20) { self.rng.byte() } else { 0 };
                    let len = if self.rng.pct(70) {
                        self.rng.below(40)
                    } else {
                        self.rng.below(513)
                    };
                    let pad = if self.rng.pct(20) {
                        self.rng.byte()
                    } else {
                        0x40
                    };
                    let lw = if rr == r2 {
                        u32::from(pad) << 24 | len
                    } else {
                        u32::from(hi) << 24 | len
                    };
                    g.pre.push((rr, u32::from(hi) << 24 | a));
                    g.pre.push((rr + 1, lw));
                    busy = busy.with(rr).with(rr + 1);
                }
            }
            // decimal
            64..=75 => {
                let op = self
                    .rng
                    .pick(&[0xF8u8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xF1, 0xF2, 0xF3, 0xF0]);
                let (a1, l1, a2, l2) = self.packed_pair();
                allow = 0;
                match op {
                    0xF2 => {
                        // PACK from a zoned slot when there is one
                        let (a2, l2) = match self.slot_of(|s| matches!(s, Slot::Zoned(_))) {
                            Some(i) if slot_addr(i) != a1 => (
                                slot_addr(i),
                                match self.slots[i] {
                                    Slot::Zoned(l) => l,
                                    _ => l2,
                                },
                            ),
                            _ => (a2, l2),
                        };
                        self.ss(&mut g, busy, op, ((l1 - 1) << 4 | (l2 - 1)) as u8, a1, a2);
                    }
                    0xF0 => {
                        let i3 = self.rng.below(16) as u8;
                        let l1 = if self.rng.pct(90) {
                            l1
                        } else {
                            self.rng.range(1, 16)
                        };
                        let sh = match self.rng.below(3) {
                            0 => self.rng.below(64),
                            1 => self.rng.range(1, 31),
                            _ => 64 - self.rng.range(1, 31),
                        };
                        let (_, b1, d1) = self.base_for(&mut g, busy, a1, false);
                        let [h1, lo1] = Self::bd(b1, d1);
                        let [h2, lo2] = if self.rng.pct(80) {
                            Self::bd(0, sh as u16)
                        } else {
                            self.raw_bd()
                        };
                        g.insn = vec![op, ((l1 - 1) << 4) as u8 | i3, h1, lo1, h2, lo2];
                    }
                    _ => {
                        let (l1, l2) = if self.rng.pct(90) {
                            (l1, l2)
                        } else {
                            (self.rng.range(1, 16), self.rng.range(1, 16))
                        };
                        // Sometimes the same field twice (AP X,X): rightmost bytes coincide.
                        let (a2, l2) = if matches!(op, 0xF8..=0xFB) && self.rng.pct(8) {
                            (a1, l1)
                        } else {
                            (a2, l2)
                        };
                        self.ss(&mut g, busy, op, ((l1 - 1) << 4 | (l2 - 1)) as u8, a1, a2);
                    }
                }
            }
            // ED / EDMK
            76..=78 => {
                let op = self.rng.pick(&[0xDEu8, 0xDF]);
                let (pa, pl) = match self.slot_of(|s| matches!(s, Slot::Pattern(_))) {
                    Some(i) => (
                        slot_addr(i),
                        match self.slots[i] {
                            Slot::Pattern(l) => l,
                            _ => 8,
                        },
                    ),
                    None => (self.any_addr(1), self.rng.range(1, 16)),
                };
                // The source: valid digits all along (where an invalid digit stops
                // ED is model-dependent: the POO permits termination anywhere).
                let mut sa = match self.slot_of(|s| s == Slot::EditSource) {
                    Some(i) => slot_addr(i),
                    None => self.packed_slot().0,
                };
                if sa == pa {
                    sa = if pa + 16 < OPER_END { pa + 16 } else { pa - 16 };
                }
                allow = 0;
                // No invalid addresses either: how far ED gets before an access
                // exception (and what it has stored) is model-dependent.
                self.no_bad_base = true;
                self.ss(&mut g, busy, op, (pl - 1) as u8, pa, sa);
                self.no_bad_base = false;
            }
            // HFP RR
            79..=85 => {
                let op = self.rng.pick(&[
                    0x20u8, 0x21, 0x22, 0x23, 0x24, 0x25, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x2E,
                    0x2F, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D,
                    0x3E, 0x3F, 0x26, 0x27, 0x36, 0x37,
                ]);
                let (r1, r2) = match op {
                    0x26 | 0x36 | 0x37 => (self.fpr_ext(), self.fpr_ext()),
                    0x27 => (self.fpr_ext(), self.fpr()),
                    0x25 => (self.fpr(), self.fpr_ext()),
                    _ => (self.fpr(), self.fpr()),
                };
                g.insn = vec![op, r1 << 4 | r2];
            }
            // HFP RX
            86..=91 => {
                let (op, align) = self.rng.pick(&[
                    (0x60u8, 8u32),
                    (0x67, 8),
                    (0x68, 8),
                    (0x69, 8),
                    (0x6A, 8),
                    (0x6B, 8),
                    (0x6C, 8),
                    (0x6D, 8),
                    (0x6E, 8),
                    (0x6F, 8),
                    (0x70, 4),
                    (0x78, 4),
                    (0x79, 4),
                    (0x7A, 4),
                    (0x7B, 4),
                    (0x7C, 4),
                    (0x7D, 4),
                    (0x7E, 4),
                    (0x7F, 4),
                ]);
                let r1 = if op == 0x67 {
                    self.fpr_ext()
                } else {
                    self.fpr()
                };
                let a = self.hfp_addr(align);
                let a = self.misalign(a, align);
                allow = 0xF0;
                self.rx(&mut g, busy, op, r1, a);
            }
            // control: STCTL, LCTL CR8, STNSM, STOSM 0, SPKA, IPK, PTLB, MC, SVC
            92..=96 => match self.rng.below(9) {
                0 => {
                    let a = self.any_addr(4);
                    let a = self.misalign(a, 4);
                    let (r1, r3) = (self.reg(), self.reg());
                    self.rs(&mut g, busy, 0xB6, r1, r3, a);
                }
                1 => {
                    let a = self.any_addr(4);
                    let a = self.misalign(a, 4);
                    self.rs(&mut g, busy, 0xB7, 8, 8, a);
                    allow = 0;
                }
                2 => {
                    let a = self.any_addr(1);
                    let i = self.rng.byte();
                    self.si(&mut g, busy, 0xAC, i, a);
                    allow = 0;
                }
                3 => {
                    let a = self.any_addr(1);
                    self.si(&mut g, busy, 0xAD, 0, a);
                    allow = 0;
                }
                4 => {
                    // SPKA: mostly back to key 0
                    let k = if self.rng.pct(60) {
                        0
                    } else {
                        self.rng.below(16) << 4
                    };
                    let [h, l] = Self::bd(0, k as u16);
                    g.insn = vec![0xB2, 0x0A, h, l];
                    allow = 0;
                }
                5 => {
                    g.insn = vec![0xB2, 0x0B, 0, 0];
                    allow = 0;
                }
                6 => {
                    g.insn = vec![0xB2, 0x0D, 0, 0];
                    allow = 0;
                }
                7 => {
                    let i = if self.rng.pct(90) {
                        self.rng.below(16) as u8
                    } else {
                        self.rng.byte()
                    };
                    // Base 0: the monitor code is the displacement.
                    let d = self.rng.below(0x1000) as u16;
                    let [h, l] = Self::bd(0, d);
                    g.insn = vec![0xAF, i, h, l];
                    allow = 0;
                }
                _ => {
                    g.insn = vec![0x0A, self.rng.byte()];
                }
            },
            // invalid opcodes
            _ => {
                let op = self.rng.pick(&[
                    0x00u8, 0x01, 0x02, 0x03, 0x0B, 0x0C, 0x52, 0x53, 0x61, 0x62, 0x71, 0x72, 0xA0,
                    0xA1, 0xC0, 0xC5, 0xE0, 0xE2, 0xF4, 0xF5,
                ]);
                let n = match op >> 6 {
                    0 => 2,
                    3 => 6,
                    _ => 4,
                };
                g.insn = (0..n)
                    .map(|i| if i == 0 { op } else { self.rng.byte() })
                    .collect();
                allow = 0;
            }
        }
        if ex {
            let m = self.rng.byte() & allow;
            *or_mask = Some(if self.rng.pct(50) { 0 } else { m });
        }
        g
    }

    /// Bytes of a group at its place: preloads, then the instruction.
    fn emit(&mut self, g: &Group) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        for &(r, v) in &g.pre {
            if self.pool >= POOL_END {
                return None;
            }
            let c = self.pool;
            self.pool += 4;
            self.put_word(c, v);
            out.extend_from_slice(&[0x58, r << 4, (c >> 8) as u8, c as u8]);
        }
        out.extend_from_slice(&g.insn);
        Some(out)
    }

    /// Whether `insn` (as executed) keeps to the [`Gen::xzero`] rules: it reads no
    /// register that may hold a deviating low part, and writes no high-order partner
    /// of one without writing the low part too.
    fn fpr_allowed(&self, insn: &[u8]) -> bool {
        let (rd, wr) = fpr_use(insn);
        let low = u32::from(self.xzero);
        rd & low == 0
            && [2, 6]
                .iter()
                .all(|&l| low & 1 << l == 0 || wr & 1 << (l - 2) == 0 || wr & 1 << l != 0)
    }

    /// Track [`Gen::xzero`] after `insn`. `sure`: it is surely executed and completes
    /// (on the main line, not an island or an EX target, with its operand in storage).
    fn fpr_after(&mut self, insn: &[u8], sure: bool) {
        let (_, wr) = fpr_use(insn);
        // A sure load or an extended product replaces the whole register.
        let replaces = matches!(
            insn[0],
            0x20..=0x24 | 0x27 | 0x28 | 0x30..=0x34 | 0x38 | 0x67 | 0x68 | 0x78
        );
        if sure && replaces {
            self.xzero &= !(wr as u8);
        }
        if matches!(insn[0], 0x36 | 0x37) && wr != 0 {
            self.xzero |= 1 << ((insn[1] >> 4) + 2);
        }
    }

    /// [`Gen::plain`] until the instruction keeps to the [`Gen::xzero`] rules.
    fn plain_fpr(&mut self, busy: Busy, or_mask: &mut Option<u8>) -> Group {
        loop {
            let g = self.plain(busy, or_mask);
            if self.fpr_allowed(&g.insn) {
                return g;
            }
        }
    }

    /// One step of the stream at `self.pc`: a plain instruction, an EX, or a branch
    /// over an island.
    fn step(&mut self) -> Option<Vec<u8>> {
        let k = self.rng.below(100);
        if k < 8 {
            return self.ex();
        }
        if k < 20 {
            return self.branch();
        }
        let mut none = None;
        let g = self.plain_fpr(Busy::default(), &mut none);
        let out = self.emit(&g)?;
        let sure = match g.insn[0] {
            0x67 | 0x68 => rx_operand_ok(&g, 8),
            0x78 => rx_operand_ok(&g, 4),
            _ => true,
        };
        self.fpr_after(&g.insn, sure);
        Some(out)
    }

    fn ex(&mut self) -> Option<Vec<u8>> {
        let r1 = if self.rng.pct(30) {
            0
        } else {
            self.rng.range(1, 15) as u8
        };
        let busy = if r1 == 0 {
            Busy::default()
        } else {
            Busy::default().with(r1)
        };
        let (target, or) = loop {
            let mut or = Some(0);
            let target = match self.rng.below(20) {
                0 => Group {
                    pre: vec![],
                    insn: vec![0x05, self.reg() << 4],
                }, // BALR r,0
                1 => Group {
                    pre: vec![],
                    insn: vec![0x07, self.rng.below(16) as u8 * 16],
                }, // BCR m,0
                2 => {
                    // EX of EX: execute exception
                    let [h, l] = self.raw_bd();
                    Group {
                        pre: vec![],
                        insn: vec![0x44, 0, h, l],
                    }
                }
                _ => self.plain(busy, &mut or),
            };
            let or = if target.insn[0] == 0x07 || target.insn[0] == 0x05 {
                self.rng.byte() & 0xF0
            } else {
                or.unwrap_or(0)
            };
            // The target as executed: R1 (when not 0) ORs into its second byte.
            let mut run = target.insn.clone();
            if r1 != 0 {
                run[1] |= or;
            }
            if self.fpr_allowed(&run) {
                self.fpr_after(&run, false);
                break (target, or);
            }
        };
        if self.ex_next + 8 > EXAREA_END {
            return None;
        }
        let ta = self.ex_next;
        let insn = target.insn.clone();
        self.put(ta, &insn);
        self.ex_next += insn.len() as u32;
        let mut g = Group {
            pre: target.pre,
            insn: vec![],
        };
        if r1 != 0 {
            let v = self.rng.word() & !0xFF | u32::from(or);
            g.pre.push((r1, v));
        }
        let ta = if self.rng.pct(3) { ta + 1 } else { ta }; // odd target: specification
        let (x, b, d) = self.base_for(
            &mut g,
            if r1 == 0 {
                Busy::default()
            } else {
                Busy::default().with(r1)
            },
            ta,
            true,
        );
        let [h, l] = Self::bd(b, d);
        g.insn = vec![0x44, r1 << 4 | x, h, l];
        let out = self.emit(&g)?;
        self.ex_sites.push((self.pc + out.len() as u32, ta));
        Some(out)
    }

    fn branch(&mut self) -> Option<Vec<u8>> {
        // The island: executed only when the branch is not taken.
        let mut none = None;
        let island = self.plain_fpr(Busy::default(), &mut none);
        self.fpr_after(&island.insn, false);
        let island_len = 4 * island.pre.len() as u32 + island.insn.len() as u32;
        let (op, r1, r3) = match self.rng.below(8) {
            0 | 1 => (0x47u8, self.rng.below(16) as u8, 0),
            2 => (0x45, self.reg(), 0),
            3 => (0x46, self.reg(), 0),
            4 => (self.rng.pick(&[0x86u8, 0x87]), self.reg(), self.reg()),
            5 => (0x07, self.rng.below(16) as u8, 0),
            6 => (0x05, self.reg(), 0),
            _ => (0x06, self.reg(), 0),
        };
        let mut g = Group::default();
        if matches!(op, 0x05..=0x07) {
            // An RR branch with R2 = 0 does not branch.
            let r2 = if self.rng.pct(20) {
                0
            } else {
                self.rng.range(1, 15) as u8
            };
            if r2 != 0 {
                let target = self.pc + 4 + 2 + island_len;
                g.pre.push((r2, target));
            }
            g.insn = vec![op, r1 << 4 | r2];
        } else {
            let b = self.rng.range(1, 15) as u8;
            let x = if op < 0x80 && self.rng.pct(20) {
                let x = self.rng.range(1, 15) as u8;
                if x == b { 0 } else { x }
            } else {
                0
            };
            let npre = if x != 0 { 2 } else { 1 };
            let target = self.pc + 4 * npre + 4 + island_len;
            let d = self.rng.below(0x1000);
            let mut rest = target - d;
            if x != 0 {
                let xv = self.rng.below(rest + 1);
                g.pre.push((x, xv));
                rest -= xv;
            }
            g.pre.push((b, rest));
            let [h, l] = Self::bd(b, d as u16);
            g.insn = vec![op, r1 << 4 | if op >= 0x86 { r3 } else { x }, h, l];
        }
        let mut out = self.emit(&g)?;
        let isl = self.emit(&island)?;
        out.extend_from_slice(&isl);
        Some(out)
    }
}

/// The FPRs an instruction (as executed, after any EX OR) reads and writes: masks with
/// bit n for Fn. Nothing for non-HFP instructions and for an invalid register field
/// (a specification exception: nothing is read or written).
fn fpr_use(insn: &[u8]) -> (u32, u32) {
    let (op, r1, r2) = (insn[0], u32::from(insn[1] >> 4), u32::from(insn[1] & 15));
    let long = |r: u32| r <= 6 && r.is_multiple_of(2);
    let ext = |r: u32| r == 0 || r == 4;
    let (valid, rd, wr) = match op {
        // LPDR LNDR LTDR LCDR HDR LDR, and the short ones
        0x20..=0x24 | 0x28 | 0x30..=0x34 | 0x38 | 0x35 => (long(r1) && long(r2), 1 << r2, 1 << r1),
        // LRDR: extended source
        0x25 => (long(r1) && ext(r2), 1 << r2 | 1 << (r2 + 2), 1 << r1),
        // MXR AXR SXR
        0x26 | 0x36 | 0x37 => (
            ext(r1) && ext(r2),
            1 << r1 | 1 << (r1 + 2) | 1 << r2 | 1 << (r2 + 2),
            1 << r1 | 1 << (r1 + 2),
        ),
        // MXDR: long operands, extended product
        0x27 => (
            ext(r1) && long(r2),
            1 << r1 | 1 << r2,
            1 << r1 | 1 << (r1 + 2),
        ),
        0x29 | 0x39 => (long(r1) && long(r2), 1 << r1 | 1 << r2, 0),
        0x2A..=0x2F | 0x3A..=0x3F => (long(r1) && long(r2), 1 << r1 | 1 << r2, 1 << r1),
        // STD STE CD CE
        0x60 | 0x70 | 0x69 | 0x79 => (long(r1), 1 << r1, 0),
        0x67 => (ext(r1), 1 << r1, 1 << r1 | 1 << (r1 + 2)),
        0x68 | 0x78 => (long(r1), 0, 1 << r1),
        0x6A..=0x6F | 0x7A..=0x7F => (long(r1), 1 << r1, 1 << r1),
        _ => (false, 0, 0),
    };
    if valid { (rd, wr) } else { (0, 0) }
}

/// Whether an RX instruction of a group surely finds its operand: the address from the
/// group's preloads is in storage and aligned.
fn rx_operand_ok(g: &Group, align: u32) -> bool {
    let value = |r: u8| -> Option<u32> {
        if r == 0 {
            return Some(0);
        }
        g.pre.iter().rev().find(|p| p.0 == r).map(|p| p.1)
    };
    let (x, b) = (g.insn[1] & 15, g.insn[2] >> 4);
    let d = u32::from(g.insn[2] & 15) << 8 | u32::from(g.insn[3]);
    match (value(x), value(b)) {
        (Some(vx), Some(vb)) => {
            let a = vx.wrapping_add(vb).wrapping_add(d) & 0xFF_FFFF;
            a % align == 0 && a + 8 <= 0x20_0000
        }
        _ => false,
    }
}

fn psw(hi: u32, lo: u32) -> [u8; 8] {
    let mut b = [0; 8];
    b[..4].copy_from_slice(&hi.to_be_bytes());
    b[4..].copy_from_slice(&lo.to_be_bytes());
    b
}

/// The handler at `at` for an interruption whose old PSW is at `old`, logging `tag`.
fn handler(at: u32, tag: u32, old: u16) -> Vec<u8> {
    let mut h = Vec::new();
    let rx = |h: &mut Vec<u8>, op: u8, r: u8, b: u8, d: u32| {
        h.extend_from_slice(&[op, r << 4, b << 4 | (d >> 8) as u8, d as u8]);
    };
    let ss = |h: &mut Vec<u8>, op: u8, l: u8, b1: u8, d1: u16, d2: u16| {
        h.extend_from_slice(&[
            op,
            l,
            b1 << 4 | (d1 >> 8) as u8,
            d1 as u8,
            (d2 >> 8) as u8,
            d2 as u8,
        ]);
    };
    rx(&mut h, 0x90, 0, 0, HSAVE); // STM 0,15,HSAVE (R3 = 15 patched below)
    h[1] = 0x0F;
    rx(&mut h, 0x58, 1, 0, LOGPTR); // L 1,LOGPTR
    rx(&mut h, 0x41, 2, 0, tag); // LA 2,tag
    rx(&mut h, 0x50, 2, 1, 0); // ST 2,0(1)
    ss(&mut h, 0xD2, 3, 1, 4, 0x8C); // MVC 4(4,1),X'8C'
    ss(&mut h, 0xD2, 7, 1, 8, old); // MVC 8(8,1),old
    ss(&mut h, 0xD2, 15, 1, 16, 0x90); // MVC 16(16,1),X'90'
    h.extend_from_slice(&[0xD7, 19, 0x00, 0x8C, 0x00, 0x8C]); // XC X'8C'(20),X'8C'
    rx(&mut h, 0x41, 1, 1, 32); // LA 1,32(1)
    rx(&mut h, 0x50, 1, 0, LOGPTR); // ST 1,LOGPTR
    rx(&mut h, 0x41, 2, 0, LOG_END); // LA 2,LOG_END
    h.extend_from_slice(&[0x19, 0x12]); // CR 1,2
    let stop = at + h.len() as u32 + 4 + 4 + 4;
    rx(&mut h, 0x47, 0xA, 0, stop); // BC 10,STOP (cc 0 or 2: the log is full)
    rx(&mut h, 0x98, 0, 0, HSAVE); // LM 0,15,HSAVE
    let lm = h.len() - 4;
    h[lm + 1] = 0x0F;
    rx(&mut h, 0x82, 0, 0, u32::from(old)); // LPSW old
    rx(&mut h, 0x82, 0, 0, STOP_PSW); // STOP: LPSW stop
    h
}

/// Build stream number `n` of batch `seed`.
pub fn generate(seed: u64, n: u64) -> Stream {
    generate_prefix(seed, n, STREAM_LEN)
}

/// The same stream cut after `steps` random steps (the steps before are identical:
/// for finding the first instruction where two machines part).
pub fn generate_prefix(seed: u64, n: u64, steps: usize) -> Stream {
    let mut g = Gen {
        rng: Rng::new(seed, n),
        img: vec![0; IMAGE_LEN as usize],
        slots: Vec::new(),
        pool: POOL,
        ex_next: EXAREA,
        pc: CODE,
        ex_sites: Vec::new(),
        no_bad_base: false,
        xzero: 0,
    };
    // Low storage.
    g.put(0, &psw(0, CODE));
    g.put(0x58, &psw(0x0002_0000, 0xE01)); // external new
    g.put(0x78, &psw(0x0002_0000, 0xE02)); // I/O new
    g.put(0x70, &psw(0x0002_0000, 0xE03)); // machine-check new
    g.put(0x60, &psw(0, SVCH));
    g.put(0x68, &psw(0, PGMH));
    for (at, tag, old) in [(PGMH, 1, 0x28u16), (SVCH, 2, 0x20)] {
        let h = handler(at, tag, old);
        g.put(at, &h);
    }
    g.put(STOP_PSW, &psw(0x0002_0000, 0xBAD));
    g.put(DONE_PSW, &psw(0x0002_0000, 0xC0DE));
    g.put_word(LOGPTR, LOG);
    // Control registers: CR0 as after reset (S/370), CR8 random monitor masks, CR14 and
    // CR15 as after reset.
    let mut crs = [0u32; 16];
    crs[0] = 0xE0;
    crs[8] = g.rng.word() & 0xFFFF;
    crs[14] = 0xC200_0000;
    crs[15] = 0x200;
    for (i, c) in crs.iter().enumerate() {
        g.put_word(CRINIT + 4 * i as u32, *c);
    }
    g.fill_data();
    for i in 0..16 {
        let v = g.interesting();
        g.put_word(GPRINIT + 4 * i, v);
    }
    for i in 0..4 {
        let a = g.hfp_long();
        g.put(FPRINIT + 8 * i, &a.to_be_bytes());
    }
    let pm = (g.rng.below(4) << 28) | (if g.rng.pct(85) { 0xF } else { g.rng.below(16) }) << 24;
    g.put_word(PMASK, pm);

    // Prologue.
    let mut code: Vec<u8> = vec![0xB7, 0x0F, (CRINIT >> 8) as u8, CRINIT as u8];
    for (i, r) in FPRS.iter().enumerate() {
        let a = FPRINIT + 8 * i as u32;
        code.extend_from_slice(&[0x68, r << 4, (a >> 8) as u8, a as u8]);
    }
    code.extend_from_slice(&[0x58, 0x10, (PMASK >> 8) as u8, PMASK as u8, 0x04, 0x10]);
    code.extend_from_slice(&[0x98, 0x0F, (GPRINIT >> 8) as u8, GPRINIT as u8]);
    let body_start = CODE + code.len() as u32;
    g.pc = body_start;
    for _ in 0..steps.min(STREAM_LEN) {
        let (pool, ex_next, xzero) = (g.pool, g.ex_next, g.xzero);
        let Some(bytes) = g.step() else {
            g.pool = pool;
            g.ex_next = ex_next;
            g.xzero = xzero;
            break;
        };
        if g.pc + bytes.len() as u32 + 64 > CODE_LIMIT {
            g.pool = pool;
            g.ex_next = ex_next;
            g.xzero = xzero;
            break;
        }
        g.pc += bytes.len() as u32;
        code.extend_from_slice(&bytes);
    }
    let body_end = g.pc;
    // Epilogue.
    code.extend_from_slice(&[0xB2, 0x0A, 0x00, 0x00]); // SPKA 0
    code.extend_from_slice(&[0x90, 0x0F, (RESULT >> 8) as u8, RESULT as u8]); // STM 0,15
    for (i, r) in FPRS.iter().enumerate() {
        let a = RESULT + 0x40 + 8 * i as u32;
        code.extend_from_slice(&[0x60, r << 4, (a >> 8) as u8, a as u8]); // STD
    }
    let crs = RESULT + 0x60;
    code.extend_from_slice(&[0xB6, 0x0F, (crs >> 8) as u8, crs as u8]); // STCTL 0,15
    let link = RESULT + 0xA0;
    code.extend_from_slice(&[0x05, 0xF0, 0x50, 0xF0, (link >> 8) as u8, link as u8]); // BALR 15,0; ST 15,link
    code.extend_from_slice(&[0x82, 0x00, (DONE_PSW >> 8) as u8, DONE_PSW as u8]);
    g.put(CODE, &code);
    Stream {
        image: g.img,
        body: (body_start, body_end),
        ex: (EXAREA, g.ex_next),
        ex_sites: g.ex_sites,
        xzero: g.xzero,
    }
}

/// A hand-made stream for reproducing a difference: the same storage map, handlers and
/// epilogue, GPRs from `regs` (others 0), the data area from `data` (address, bytes),
/// program mask from `pm`, then `code`.
pub fn snippet(code: &[u8], regs: &[(u8, u32)], data: &[(u32, Vec<u8>)], pm: u32) -> Stream {
    let mut s = generate(0, 0);
    let img = &mut s.image;
    img[DATA as usize..DATA_END as usize].fill(0);
    img[POOL as usize..POOL_END as usize].fill(0);
    img[EXAREA as usize..EXAREA_END as usize].fill(0);
    for (a, b) in data {
        img[*a as usize..*a as usize + b.len()].copy_from_slice(b);
    }
    img[GPRINIT as usize..GPRINIT as usize + 64].fill(0);
    for &(r, v) in regs {
        let a = (GPRINIT + 4 * u32::from(r)) as usize;
        img[a..a + 4].copy_from_slice(&v.to_be_bytes());
    }
    img[PMASK as usize..PMASK as usize + 4].copy_from_slice(&pm.to_be_bytes());
    let (start, _) = s.body;
    let mut c = code.to_vec();
    let epi_at = {
        // The epilogue is the last 40 bytes of generate()'s code.
        let epi_len = 4 + 4 + 16 + 4 + 6 + 4;
        let end = s.body.1 as usize;
        img[end..end + epi_len].to_vec()
    };
    c.extend_from_slice(&epi_at);
    img[start as usize..CODE_LIMIT as usize].fill(0);
    img[start as usize..start as usize + c.len()].copy_from_slice(&c);
    s.body = (start, start + code.len() as u32);
    s.ex = (EXAREA, EXAREA);
    s.ex_sites.clear();
    // A snippet is not tracked: the deviation may be in F2 or F6.
    s.xzero = 1 << 2 | 1 << 6;
    // EX instructions of the snippet whose target is in the EX area: their sites.
    let mut a = start as usize;
    while a < (start as usize + code.len()) {
        let len = [2, 4, 4, 6][usize::from(img[a] >> 6)];
        if img[a] == 0x44 {
            s.ex_sites.push(((a + 4) as u32, EXAREA));
        }
        a += len;
    }
    s
}
