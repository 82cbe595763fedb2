//! Storage access: logical -> real -> absolute addresses, key protection, reference and
//! change recording, dynamic address translation and its TLB.
//!
//! Every architected operand access goes through [`Cpu::access`], one call per 2K
//! block touched (keys, and so protection, are per 2K block; pages are 2K or 4K, so a
//! 2K block never straddles a page). With DAT off and PSW key 0 that is a bounds check
//! and one OR into the key array.
//!
//! S/370 DAT (EC mode, PSW bit 5):
//!
//! ```text
//!  CR0 bits 8-9 page size (01 = 2K, 10 = 4K), bits 10-12 segment size (000 = 64K, 010 = 1M)
//!  CR1  | STL (8) | segment-table origin (bits 8-25, 64-byte aligned) | 0 |
//!  virtual address (24 bits) = | segment index | page index | byte index |
//!
//!  segment-table entry (4 bytes)
//!   0   3 4   7 8                         28 29 30 31
//!  | PTL | 0000 |   page-table origin (x8)   | P | C | I |
//!
//!  page-table entry (2 bytes)
//!   4K pages:  | PFRA bits 8-19 (12) | I | 0 0 | x |
//!   2K pages:  | PFRA bits 8-20 (13)     | I | 0 | x |
//! ```
//!
//! The leftmost four bits of the segment index are compared with the segment-table
//! length, the leftmost four bits of the page index with the page-table length; a
//! larger index is a segment- or page-translation exception (LRA: cc 3). Nonzero
//! reserved bits in an entry, or an invalid CR0 size code, are a
//! translation-specification exception. Table entries are fetched from real storage
//! without key checking; one outside storage is an addressing exception.
//!
//! P (bit 29, the segment-protection facility): the segment may be fetched from but
//! not stored into, whatever the key (a protection exception; LRA ignores the bit,
//! TPROT reports it as cc 1). C (bit 30, common segment) only tells a TLB that the
//! entry may be shared between address spaces; this TLB keeps no such entries, so the
//! bit is ignored.
//!
//! Low-address protection (CR0 bit 3): an instruction may not store into logical
//! addresses 0-511 (effective addresses before translation and prefixing), whatever the
//! key; the CPU's own stores there (old PSWs, interruption codes, the CSW, the interval
//! timer) are not instructions' stores and are exempt (`store_real`). Real-address
//! stores of instructions (IPTE's page-table entry, TEST BLOCK's block) are subject to
//! it too (exec_ext.rs). The order of the checks follows Hercules 3.13: translation,
//! segment protection, addressing, low-address protection, key-controlled protection.
//!
//! The TLB is direct mapped, indexed by the virtual 2K-block number; it is purged by
//! PTLB and by LCTL of CR0 or CR1 (as the architecture requires the program to do
//! after changing a table entry), and whenever the segment table in use changes (CR7
//! in the secondary-space mode, the dual-address-space instructions: exec_das.rs).

use super::exec::{ADDRESSING, PAGE_TRANSLATION, PROTECTION, SEGMENT_TRANSLATION, SPECIFICATION};
use super::{AMASK, Cpu};
use crate::storage::{KEY_CHANGE, KEY_FETCH, KEY_REF};

pub(crate) const TLB_SIZE: usize = 256;
const TLB_VALID: u32 = 0x8000_0000;
/// In `TlbEntry::frame` (a 2K-aligned real address, so bit 31 is free): the segment
/// is protected.
const TLB_PROTECT: u32 = 1;
pub(crate) const TRANSLATION_SPECIFICATION: u16 = 0x12;
/// CR0 bit 3: low-address protection.
pub(crate) const CR0_LOW_PROTECT: u32 = 0x1000_0000;
/// Segment-table entry bit 29: the segment is protected against storing.
const STE_PROTECT: u32 = 0x0000_0004;

#[derive(Clone, Copy)]
pub(crate) struct TlbEntry {
    /// Virtual 2K-block number | TLB_VALID.
    tag: u32,
    /// Real address of the 2K block | TLB_PROTECT if its segment is protected.
    frame: u32,
}

impl TlbEntry {
    pub(crate) const EMPTY: TlbEntry = TlbEntry { tag: 0, frame: 0 };
}

pub(crate) const ACACHE_SIZE: usize = 256;

/// One access-cache entry: logical 2K block number | epoch, and the absolute address of
/// the block.
#[derive(Clone, Copy)]
pub(crate) struct AcEntry {
    tag: u32,
    base: u32,
}

/// The access cache: for logical 2K blocks that were recently accessed successfully
/// (separately for fetches and stores), the absolute block address. An entry means
/// "in the current state an access of this kind to this block passes every check and
/// its reference (and, for stores, change) bit is already on", so repeating the access
/// needs neither translation, nor a key check, nor a key-array update.
///
/// Anything that could change that answer flushes the cache: a new PSW key or DAT
/// state, a prefix change, a TLB purge, SSK and RRB, and entering `run` (the host may
/// have changed storage keys). The channel only ever turns R/C bits on, which keeps
/// entries true. A flush is O(1): the tag includes an epoch number (bits 13-31 above
/// the 13-bit block number), bumped on every flush.
pub(crate) struct AccessCache {
    epoch: u32,
    fetch: [AcEntry; ACACHE_SIZE],
    store: [AcEntry; ACACHE_SIZE],
}

const EPOCH_ONE: u32 = 1 << 13;

/// `fetch_va` when no block is cached: above 24 bits, so `ia ^ FETCH_NONE` is never
/// below X'800'.
pub(crate) const FETCH_NONE: u32 = 0xFF00_0000;

impl AccessCache {
    pub(crate) fn new() -> Box<AccessCache> {
        Box::new(AccessCache {
            epoch: EPOCH_ONE,
            fetch: [AcEntry { tag: 0, base: 0 }; ACACHE_SIZE],
            store: [AcEntry { tag: 0, base: 0 }; ACACHE_SIZE],
        })
    }

    fn flush(&mut self) {
        self.epoch = self.epoch.wrapping_add(EPOCH_ONE);
        if self.epoch == 0 {
            // The epoch wrapped: old tags could match again, so clear them for real.
            self.epoch = EPOCH_ONE;
            self.fetch.fill(AcEntry { tag: 0, base: 0 });
            self.store.fill(AcEntry { tag: 0, base: 0 });
        }
    }
}

/// The last offset in a 2K block where a whole six-byte instruction fits.
pub(crate) const LAST_INSN: u32 = 0x800 - 6;

/// Is `off`, an instruction address less the address of a 2K block, an even offset at
/// which a whole instruction lies inside the block? (An odd offset sets bit 31, so one
/// compare decides both.)
#[inline(always)]
pub(crate) const fn insn_fits(off: u32) -> bool {
    (off << 31 | off) <= LAST_INSN
}

/// Why a translation failed (shared by accesses and LRA).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DatFail {
    /// Segment index beyond the segment-table length: address of the entry.
    SegmentLength(u32),
    /// Segment-table entry invalid: its address.
    SegmentInvalid(u32),
    /// Page index beyond the page-table length: address of the entry.
    PageLength(u32),
    /// Page-table entry invalid: its address.
    PageInvalid(u32),
    /// Translation-specification exception.
    Spec,
    /// A table entry lies outside storage.
    Addressing,
}

/// An operand of up to 4K bytes resolved to absolute addresses: it is contiguous
/// except where it crosses into the next 2K block.
#[derive(Clone, Copy)]
pub(crate) struct Span {
    pub(crate) a0: usize,
    pub(crate) n0: usize,
    a1: usize,
}

impl Span {
    /// Absolute address of byte `i`.
    #[inline(always)]
    pub(crate) fn at(&self, i: usize) -> usize {
        if i < self.n0 {
            self.a0 + i
        } else {
            self.a1 + (i - self.n0)
        }
    }
}

impl Cpu {
    /// Real -> absolute (prefixing).
    #[inline(always)]
    pub(crate) fn absolute(&self, real: u32) -> u32 {
        if self.prefix == 0 {
            real
        } else if real < 0x1000 {
            real | self.prefix
        } else if real & 0x00FF_F000 == self.prefix {
            real & 0xFFF
        } else {
            real
        }
    }

    /// Check and record one access at logical address `va`; the absolute address.
    ///
    /// Fast path: the access cache (see [`AccessCache`]) says this 2K block was already
    /// checked and recorded for this kind of access in the current state.
    #[inline(always)]
    pub(crate) fn access(&mut self, va: u32, store: bool) -> Result<usize, u16> {
        self.access_len(va, 1, store)
    }

    /// `access` for `len` bytes from `va`, all within its 2K block (the length
    /// matters only to PER storage-alteration monitoring, on the slow path).
    #[inline(always)]
    pub(crate) fn access_len(&mut self, va: u32, len: u32, store: bool) -> Result<usize, u16> {
        let va = va & AMASK;
        let blk = va >> 11;
        let set = if store {
            &self.acache.store
        } else {
            &self.acache.fetch
        };
        let e = set[blk as usize & (ACACHE_SIZE - 1)];
        if e.tag == blk | self.acache.epoch {
            return Ok((e.base | (va & 0x7FF)) as usize);
        }
        self.access_slow(va, len, store)
    }

    /// The architected access: translation, prefixing, key check, reference and change
    /// recording; on success the block enters the access cache, except a store while
    /// PER monitors storage alteration (each store is then checked against the
    /// monitored area: see per.rs).
    #[inline(never)]
    fn access_slow(&mut self, va: u32, len: u32, store: bool) -> Result<usize, u16> {
        let abs = self.access_checked(va, store)?;
        if store && self.per_store {
            if self.per_range_hit(va, len) {
                self.per_events |= super::per::PER_STORE;
            }
            return Ok(abs);
        }
        let blk = va >> 11;
        if store && blk == 0 && self.cr[0] & CR0_LOW_PROTECT != 0 {
            // Low-address protection covers only the first 512 bytes of logical block
            // 0: a cache entry for the block would let a store there pass unchecked.
            return Ok(abs);
        }
        let e = AcEntry {
            tag: blk | self.acache.epoch,
            base: abs as u32 & !0x7FF,
        };
        let set = if store {
            &mut self.acache.store
        } else {
            &mut self.acache.fetch
        };
        set[blk as usize & (ACACHE_SIZE - 1)] = e;
        Ok(abs)
    }

    /// Forget every access-cache entry: called whenever the outcome of an access could
    /// change (PSW key, DAT, prefix, TLB purge, SSK, RRB, host changes between runs).
    #[inline]
    pub(crate) fn flush_access_cache(&mut self) {
        self.acache.flush();
        self.fetch_va = FETCH_NONE;
    }

    /// Is a store by an instruction at logical (or, for the real-address instructions,
    /// real) address `a` prohibited by low-address protection?
    #[inline]
    pub(crate) fn low_protected(&self, a: u32) -> bool {
        a & AMASK < 512 && self.cr[0] & CR0_LOW_PROTECT != 0
    }

    /// Translation, segment protection, prefixing, low-address and key-controlled
    /// protection and R/C recording for one access.
    #[inline(always)]
    fn access_checked(&mut self, va: u32, store: bool) -> Result<usize, u16> {
        let real = if self.dat {
            let (real, protected) = self.translate(va)?;
            if store && protected {
                return Err(PROTECTION);
            }
            real
        } else {
            va
        };
        let abs = self.absolute(real) as usize;
        let key = self.key;
        let low = store && self.low_protected(va);
        let Some(k) = self.mem.keys_mut().get_mut(abs >> 11) else {
            return Err(ADDRESSING);
        };
        if low {
            return Err(PROTECTION);
        }
        if key != 0 && *k >> 4 != key && (store || *k & KEY_FETCH != 0) {
            return Err(PROTECTION);
        }
        *k |= if store { KEY_REF | KEY_CHANGE } else { KEY_REF };
        Ok(abs)
    }

    /// Resolve an operand of `len` (1..=4096) bytes at `va` for fetch or store; every
    /// block is checked before anything is changed.
    #[inline(always)]
    pub(crate) fn span(&mut self, va: u32, len: usize, store: bool) -> Result<Span, u16> {
        let va = va & AMASK;
        let room = 0x800 - (va as usize & 0x7FF);
        if len <= room {
            let a0 = self.access_len(va, len as u32, store)?;
            return Ok(Span { a0, n0: len, a1: 0 });
        }
        self.span_crossing(va, len, store)
    }

    /// `span` of an operand that crosses into the next 2K block (or two).
    #[inline(never)]
    fn span_crossing(&mut self, va: u32, len: usize, store: bool) -> Result<Span, u16> {
        let room = 0x800 - (va as usize & 0x7FF);
        let a0 = self.access_len(va, room as u32, store)?;
        let va1 = (va + room as u32) & AMASK;
        let rest = len - room;
        let a1 = self.access_len(va1, rest.min(0x800) as u32, store)?;
        if rest > 0x800 {
            self.access_len((va1 + 0x800) & AMASK, (rest - 0x800) as u32, store)?;
        }
        Ok(Span { a0, n0: room, a1 })
    }

    /// Fetch `N` bytes at logical address `va`.
    #[inline(always)]
    pub(crate) fn read<const N: usize>(&mut self, va: u32) -> Result<[u8; N], u16> {
        let va = va & AMASK;
        if (va as usize & 0x7FF) + N <= 0x800 {
            let a = self.access(va, false)?;
            // One N-byte host load (a copy loop into an array compiles to byte loads).
            let src = self.mem.bytes().get(a..a + N).ok_or(ADDRESSING)?;
            <[u8; N]>::try_from(src).map_err(|_| ADDRESSING)
        } else {
            self.read_crossing(va)
        }
    }

    /// `read` of an operand that crosses into the next 2K block.
    #[cold]
    #[inline(never)]
    fn read_crossing<const N: usize>(&mut self, va: u32) -> Result<[u8; N], u16> {
        let s = self.span(va, N, false)?;
        let bytes = self.mem.bytes();
        let mut out = [0u8; N];
        for (i, o) in out.iter_mut().enumerate() {
            *o = *bytes.get(s.at(i)).ok_or(ADDRESSING)?;
        }
        Ok(out)
    }

    /// Store `N` bytes at logical address `va` (all or nothing).
    #[inline(always)]
    pub(crate) fn write<const N: usize>(&mut self, va: u32, data: [u8; N]) -> Result<(), u16> {
        let va = va & AMASK;
        if (va as usize & 0x7FF) + N <= 0x800 {
            let a = self.access_len(va, N as u32, true)?;
            let dst = self.mem.bytes_mut().get_mut(a..a + N).ok_or(ADDRESSING)?;
            let dst = <&mut [u8; N]>::try_from(dst).map_err(|_| ADDRESSING)?;
            *dst = data;
            Ok(())
        } else {
            self.write_crossing(va, data)
        }
    }

    /// `write` of an operand that crosses into the next 2K block.
    #[cold]
    #[inline(never)]
    fn write_crossing<const N: usize>(&mut self, va: u32, data: [u8; N]) -> Result<(), u16> {
        let s = self.span(va, N, true)?;
        let bytes = self.mem.bytes_mut();
        for (i, d) in data.iter().enumerate() {
            *bytes.get_mut(s.at(i)).ok_or(ADDRESSING)? = *d;
        }
        Ok(())
    }

    #[inline(always)]
    pub(crate) fn read_u8(&mut self, va: u32) -> Result<u8, u16> {
        Ok(self.read::<1>(va)?[0])
    }
    #[inline(always)]
    pub(crate) fn read_u16(&mut self, va: u32) -> Result<u16, u16> {
        Ok(u16::from_be_bytes(self.read(va)?))
    }
    #[inline(always)]
    pub(crate) fn read_u32(&mut self, va: u32) -> Result<u32, u16> {
        Ok(u32::from_be_bytes(self.read(va)?))
    }
    #[inline(always)]
    pub(crate) fn read_u64(&mut self, va: u32) -> Result<u64, u16> {
        Ok(u64::from_be_bytes(self.read(va)?))
    }
    #[inline(always)]
    pub(crate) fn write_u8(&mut self, va: u32, v: u8) -> Result<(), u16> {
        self.write(va, [v])
    }
    #[inline(always)]
    pub(crate) fn write_u16(&mut self, va: u32, v: u16) -> Result<(), u16> {
        self.write(va, v.to_be_bytes())
    }
    #[inline(always)]
    pub(crate) fn write_u32(&mut self, va: u32, v: u32) -> Result<(), u16> {
        self.write(va, v.to_be_bytes())
    }
    #[inline(always)]
    pub(crate) fn write_u64(&mut self, va: u32, v: u64) -> Result<(), u16> {
        self.write(va, v.to_be_bytes())
    }

    /// Byte at absolute address `a` (already checked by `access`/`span`).
    #[inline(always)]
    pub(crate) fn abs_byte(&self, a: usize) -> u8 {
        self.mem.bytes().get(a).copied().unwrap_or(0)
    }

    /// Store a byte at absolute address `a` (already checked by `access`/`span`).
    #[inline(always)]
    pub(crate) fn set_abs_byte(&mut self, a: usize, v: u8) {
        if let Some(b) = self.mem.bytes_mut().get_mut(a) {
            *b = v;
        }
    }

    /// Fetch the instruction at `ia` (up to 6 bytes; only its length is significant).
    ///
    /// Fast path: `ia` lies in the block of the previous fetch (`fetch_va`, kept by
    /// the slow path and dropped by every access-cache flush), is even, and all six
    /// bytes are in the block. The host address then does not depend on a table
    /// lookup indexed by `ia`, only on a compare the host CPU predicts.
    #[inline(always)]
    ///
    /// The result has 8 bytes so that the host fetches it with one load; bytes past the
    /// instruction's length are not significant.
    pub(crate) fn fetch_instruction(&mut self, ia: u32) -> Result<[u8; 8], u16> {
        if let Some(ib) = self.fetch_fast(ia) {
            return Ok(ib);
        }
        self.fetch_instruction_slow(ia)
    }

    /// The fast path of `fetch_instruction` alone (`None`: take the slow path).
    #[inline(always)]
    pub(crate) fn fetch_fast(&self, ia: u32) -> Option<[u8; 8]> {
        let off = ia ^ self.fetch_va;
        if insn_fits(off) {
            // 32-bit sum: `a + 8` cannot overflow, one bounds compare remains.
            let a = (self.fetch_base + off) as usize;
            if let Some(src) = self.mem.bytes().get(a..a + 8)
                && let Ok(ib) = <[u8; 8]>::try_from(src)
            {
                return Some(ib);
            }
        }
        None
    }

    /// Instruction fetch at an odd address, near the end of a 2K block, or of storage.
    #[inline(never)]
    fn fetch_instruction_slow(&mut self, ia: u32) -> Result<[u8; 8], u16> {
        if ia & 1 != 0 {
            return Err(SPECIFICATION);
        }
        let mut ib = [0u8; 8];
        if ia & 0x7FF <= 0x800 - 6 {
            let a = self.access(ia, false)?;
            if let Some(src) = self.mem.bytes().get(a..a + 6) {
                ib[..6].copy_from_slice(src);
                // Later fetches from this block take the fast path.
                self.fetch_va = ia & !0x7FF;
                self.fetch_base = (a & !0x7FF) as u32;
                return Ok(ib);
            }
        }
        // Near the end of a block or of storage: fetch only what the length says.
        let first: [u8; 2] = self.read(ia)?;
        ib[0] = first[0];
        ib[1] = first[1];
        let len = super::exec::ilen(ib[0]) as usize;
        if len > 2 {
            let rest = if len == 4 {
                let r: [u8; 2] = self.read((ia + 2) & AMASK)?;
                [r[0], r[1], 0, 0]
            } else {
                self.read::<4>((ia + 2) & AMASK)?
            };
            ib[2..len].copy_from_slice(&rest[..len - 2]);
        }
        Ok(ib)
    }

    /// Fetch a word from real storage (table entries, no key check).
    pub(crate) fn real_u32(&self, real: u32) -> Option<u32> {
        let a = self.absolute(real & AMASK) as usize;
        let b = self.mem.bytes().get(a..a + 4)?;
        Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn real_u16(&self, real: u32) -> Option<u16> {
        let a = self.absolute(real & AMASK) as usize;
        let b = self.mem.bytes().get(a..a + 2)?;
        Some(u16::from_be_bytes([b[0], b[1]]))
    }

    /// Store into real storage for the CPU's own fields (interruption codes, old PSWs,
    /// CSW), recording reference and change.
    pub(crate) fn store_real(&mut self, real: u32, data: &[u8]) {
        let a = self.absolute(real & AMASK) as usize;
        if let Some(dst) = self.mem.bytes_mut().get_mut(a..a + data.len()) {
            dst.copy_from_slice(data);
            if let Some(k) = self.mem.keys_mut().get_mut(a >> 11) {
                *k |= KEY_REF | KEY_CHANGE;
            }
        }
    }

    /// Fetch a doubleword from real storage for the CPU's own use (new PSWs).
    pub(crate) fn fetch_real_u64(&mut self, real: u32) -> u64 {
        let a = self.absolute(real & AMASK) as usize;
        match self.mem.bytes().get(a..a + 8) {
            Some(b) => {
                let v = u64::from_be_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
                if let Some(k) = self.mem.keys_mut().get_mut(a >> 11) {
                    *k |= KEY_REF;
                }
                v
            }
            None => 0,
        }
    }

    /// Translate through the TLB, walking the tables on a miss: the real address and
    /// whether the segment is protected.
    #[inline(always)]
    fn translate(&mut self, va: u32) -> Result<(u32, bool), u16> {
        let blk = va >> 11;
        let e = &self.tlb[blk as usize & (TLB_SIZE - 1)];
        if e.tag == blk | TLB_VALID {
            return Ok((
                (e.frame & !0x7FF) | (va & 0x7FF),
                e.frame & TLB_PROTECT != 0,
            ));
        }
        self.translate_miss(va)
    }

    #[cold]
    fn translate_miss(&mut self, va: u32) -> Result<(u32, bool), u16> {
        match self.dat_walk_prot(va, self.cur_std()) {
            Ok((real, protected)) => {
                let blk = va >> 11;
                self.tlb[blk as usize & (TLB_SIZE - 1)] = TlbEntry {
                    tag: blk | TLB_VALID,
                    frame: (real & !0x7FF) | if protected { TLB_PROTECT } else { 0 },
                };
                Ok((real, protected))
            }
            Err(f) => Err(match f {
                DatFail::SegmentLength(_) | DatFail::SegmentInvalid(_) => {
                    self.xlate_addr = va | self.space_tea();
                    SEGMENT_TRANSLATION
                }
                DatFail::PageLength(_) | DatFail::PageInvalid(_) => {
                    self.xlate_addr = va | self.space_tea();
                    PAGE_TRANSLATION
                }
                DatFail::Spec => TRANSLATION_SPECIFICATION,
                DatFail::Addressing => ADDRESSING,
            }),
        }
    }

    /// Page shift (11 or 12) and segment shift (16 or 20) from CR0, if valid.
    pub(crate) fn dat_sizes(&self) -> Option<(u32, u32)> {
        let cr0 = self.cr[0];
        let p = match (cr0 >> 22) & 3 {
            1 => 11,
            2 => 12,
            _ => return None,
        };
        let s = match (cr0 >> 19) & 7 {
            0b000 => 16,
            0b010 => 20,
            _ => return None,
        };
        Some((p, s))
    }

    /// Walk the segment and page tables of the current address space for `va` (no
    /// TLB).
    pub(crate) fn dat_walk(&self, va: u32) -> Result<u32, DatFail> {
        self.dat_walk_std(va, self.cur_std())
    }

    /// Walk the segment and page tables designated by `std` (CR1 or CR7 format).
    pub(crate) fn dat_walk_std(&self, va: u32, std: u32) -> Result<u32, DatFail> {
        self.dat_walk_prot(va, std).map(|(real, _)| real)
    }

    /// `dat_walk_std` that also tells whether the segment is protected (segment-table
    /// entry bit 29).
    pub(crate) fn dat_walk_prot(&self, va: u32, std: u32) -> Result<(u32, bool), DatFail> {
        let va = va & AMASK;
        let (pshift, sshift) = self.dat_sizes().ok_or(DatFail::Spec)?;
        let stl = std >> 24;
        let sto = std & 0x00FF_FFC0;
        let sx = va >> sshift;
        let ste_addr = (sto + sx * 4) & AMASK;
        if (va >> 20) & 0xF > stl {
            return Err(DatFail::SegmentLength(ste_addr));
        }
        let ste = self.real_u32(ste_addr).ok_or(DatFail::Addressing)?;
        if ste & 1 != 0 {
            return Err(DatFail::SegmentInvalid(ste_addr));
        }
        if ste & 0x0F00_0000 != 0 {
            return Err(DatFail::Spec);
        }
        let ptl = ste >> 28;
        let pto = ste & 0x00FF_FFF8;
        let px = (va & ((1 << sshift) - 1)) >> pshift;
        let width = sshift - pshift;
        let pte_addr = (pto + px * 2) & AMASK;
        if px >> (width - 4) > ptl {
            return Err(DatFail::PageLength(pte_addr));
        }
        let pte = self.real_u16(pte_addr).ok_or(DatFail::Addressing)? as u32;
        let (inv, mbz) = if pshift == 12 {
            (0x0008, 0x0006)
        } else {
            (0x0004, 0x0002)
        };
        if pte & inv != 0 {
            return Err(DatFail::PageInvalid(pte_addr));
        }
        if pte & mbz != 0 {
            return Err(DatFail::Spec);
        }
        let frame = if pshift == 12 {
            (pte >> 4) << 12
        } else {
            (pte >> 3) << 11
        };
        Ok((frame | (va & ((1 << pshift) - 1)), ste & STE_PROTECT != 0))
    }

    /// Empty the TLB (PTLB, LCTL of CR0/CR1).
    pub(crate) fn purge_tlb(&mut self) {
        self.tlb.fill(TlbEntry::EMPTY);
        self.flush_access_cache();
    }
}
