//! The dual-address-space facility (DAS) of System/370: two address spaces at once,
//! program linkage between them, and the keys to move data across.
//!
//! Why it exists: MVS put each job in its own address space; a service in another
//! space (a subsystem) had to be reached without an SVC and the supervisor, and data
//! had to move between the caller's space and the service's. DAS gives every CPU a
//! *primary* space (CR1, the one instructions come from) and a *secondary* space
//! (CR7), each with a number (ASN), and instructions to move data between them (MVCP,
//! MVCS), to switch which one operands use (SAC), to call a service through a table
//! (PC) and come back (PT), with an authority scheme deciding who may reach which
//! space.
//!
//! ```text
//!  CR0  bit 4 extraction authority (EPAR, ESAR, IAC, IVSK, IPK in the problem state)
//!       bit 5 secondary-space control (MVCP, MVCS, SAC)
//!  CR1  primary segment-table designation (PSTD), bit 31 space-switch-event control
//!  CR3  bits 0-15 PSW-key mask (PKM), bits 16-31 secondary ASN (SASN)
//!  CR4  bits 0-15 authorization index (AX), bits 16-31 primary ASN (PASN)
//!  CR5  bit 0 subsystem-linkage control, bits 8-24 linkage-table origin (x128),
//!       bits 25-31 linkage-table length (units of 32 entries, minus one)
//!  CR7  secondary segment-table designation (SSTD)
//!  CR14 bit 12 ASN-translation control, bits 13-31 ASN-first-table origin (x4096)
//!  PSW  bit 16 (EC mode): the secondary-space mode when DAT is on: DAT then
//!       translates with CR7 (instructions and operands alike)
//! ```
//!
//! ASN translation (PC to another space, PT, SSAR, LASP): the 16-bit ASN is split into
//! a 10-bit first index (AFX) and a 6-bit second index (ASX).
//!
//! ```text
//!  CR14 AFTO*4096 + AFX*4 -> AFT entry  | I | 0000000 | AST origin (x16) | 0000 |
//!  AST origin + ASX*16    -> AST entry (16 bytes):
//!    word 0  | I | 0000000 | authority-table origin (x4) | 00 |
//!    word 1  | AX (16) | authority-table length (12) | 0000 |
//!    word 2  STD (loaded into CR1 or CR7)
//!    word 3  LTD (loaded into CR5): | V | 0000000 | LTO (x128) | LTL |
//!  authority table: 2 bits per AX (P: may become primary, S: may become secondary)
//! ```
//!
//! PC-number translation (PROGRAM CALL): bits 12-23 of the operand address are the
//! linkage index (LX), bits 24-31 the entry index (EX).
//!
//! ```text
//!  CR5 LTO + LX*4 -> linkage-table entry | I | 0000000 | ETO (x64) | ETL (x64 bytes) |
//!  ETO + EX*16    -> entry-table entry (16 bytes):
//!    word 0  | AKM (16) | ASN (16) |          word 2  entry parameter (to R4)
//!    word 1  | 00000000 | EIA | P |          word 3  | EKM (16) | 0 |
//! ```
//!
//! Exceptions, with the translation-exception identification at X'90' (X'90'-X'93',
//! EC mode): AFX (X'20'), ASX (X'21'), primary (X'24') and secondary (X'25') authority
//! store the ASN in X'92'-X'93'; LX (X'22') and EX (X'23') the 20-bit PC number; a
//! space-switch event (X'1C', after PC or PT changed the primary space while the old
//! or the new PSTD has bit 31) the old PASN, with bit 0 of X'90' the old PSTD's bit
//! 31; ASN-translation specification X'17', PC-translation specification X'1F'. A
//! segment or page translation in the secondary space sets bit 0 of X'90'. The six
//! translation and authority exceptions nullify the instruction, the others suppress
//! it; a space-switch event follows the completed instruction.
//!
//! The accesses MVCK, MVCP and MVCS make with a key other than the PSW key, or in the
//! space the CPU is not in, take their own slow path (`access_as`): they never enter
//! the access cache or the TLB, so the hot path stays as it was.

use super::access::{DatFail, TRANSLATION_SPECIFICATION};
use super::exec::{
    ADDRESSING, Ex, Ib, PAGE_TRANSLATION, PRIVILEGED_OPERATION, PROTECTION, R, SEGMENT_TRANSLATION,
    SPECIAL_OPERATION, SPECIFICATION, r1, r2,
};
use super::per::PER_STORE;
use super::{AMASK, Cpu};
use crate::storage::{KEY_CHANGE, KEY_FETCH, KEY_REF};

pub(crate) const ASN_TRANSLATION_SPECIFICATION: u16 = 0x17;
pub(crate) const SPACE_SWITCH_EVENT: u16 = 0x1C;
pub(crate) const PC_TRANSLATION_SPECIFICATION: u16 = 0x1F;
pub(crate) const AFX_TRANSLATION: u16 = 0x20;
pub(crate) const ASX_TRANSLATION: u16 = 0x21;
pub(crate) const LX_TRANSLATION: u16 = 0x22;
pub(crate) const EX_TRANSLATION: u16 = 0x23;
pub(crate) const PRIMARY_AUTHORITY: u16 = 0x24;
pub(crate) const SECONDARY_AUTHORITY: u16 = 0x25;

/// CR0 bit 4: extraction authority.
pub(crate) const CR0_EXTRACTION: u32 = 0x0800_0000;
/// CR0 bit 5: secondary-space control.
const CR0_SECONDARY: u32 = 0x0400_0000;
/// Bit 0 of an LTD (CR5): subsystem-linkage control.
const LTD_LINKAGE: u32 = 0x8000_0000;
/// CR14 bit 12: ASN-translation control.
const CR14_ASN: u32 = 0x0008_0000;
/// Bit 31 of an STD: space-switch-event control.
const STD_SSE: u32 = 1;
/// Bit 0 of the translation-exception identification: secondary space, or the old
/// space-switch-event control.
const TEA_BIT0: u32 = 0x8000_0000;

/// Does a program interruption with this code store X'90'-X'93' from `xlate_addr`
/// unchanged (the DAS exceptions)?
pub(crate) fn stores_tea(code: u16) -> bool {
    matches!(
        code,
        SPACE_SWITCH_EVENT
            | AFX_TRANSLATION
            | ASX_TRANSLATION
            | LX_TRANSLATION
            | EX_TRANSLATION
            | PRIMARY_AUTHORITY
            | SECONDARY_AUTHORITY
    )
}

/// Does a program interruption with this code nullify the instruction (the operation
/// can be retried once the table or the authority is fixed)?
pub(crate) fn nullifies(code: u16) -> bool {
    matches!(
        code,
        AFX_TRANSLATION
            | ASX_TRANSLATION
            | LX_TRANSLATION
            | EX_TRANSLATION
            | PRIMARY_AUTHORITY
            | SECONDARY_AUTHORITY
    )
}

/// The address space an operand is in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Space {
    /// The one the PSW says (primary, or secondary in the secondary-space mode).
    Current,
    Primary,
    Secondary,
}

/// Absolute addresses of an operand of at most 256 bytes: contiguous except where it
/// crosses into the next 2K block.
struct Run {
    a0: usize,
    n0: usize,
    a1: usize,
}

impl Run {
    fn at(&self, i: usize) -> usize {
        if i < self.n0 {
            self.a0 + i
        } else {
            self.a1 + (i - self.n0)
        }
    }
}

/// An ASN-second-table entry.
struct Aste([u32; 4]);

impl Aste {
    fn ax(&self) -> u32 {
        self.0[1] >> 16
    }
    fn std(&self) -> u32 {
        self.0[2]
    }
    fn ltd(&self) -> u32 {
        self.0[3]
    }
}

/// Which authority-table bit ASN authorization tests.
#[derive(Clone, Copy)]
enum Authority {
    /// P: the space may become the primary space (PT).
    Primary,
    /// S: the space may become the secondary space (SSAR, LASP).
    Secondary,
}

impl Cpu {
    // ---- the secondary-space mode ------------------------------------------------

    /// Recompute `secondary` after the PSW changed (psw.rs): a change of the segment
    /// table in use empties the TLB (its entries do not say which table made them).
    pub(crate) fn update_space(&mut self) {
        let sec = self.dat && self.space;
        if sec != self.secondary {
            self.secondary = sec;
            self.purge_tlb();
        }
    }

    /// The segment-table designation DAT uses now: CR7 in the secondary-space mode,
    /// CR1 otherwise.
    #[inline]
    pub(crate) fn cur_std(&self) -> u32 {
        if self.secondary {
            self.cr[7]
        } else {
            self.cr[1]
        }
    }

    /// Bit 0 of the translation-exception address for a translation in the current
    /// space.
    #[inline]
    pub(crate) fn space_tea(&self) -> u32 {
        if self.secondary { TEA_BIT0 } else { 0 }
    }

    /// A DAS instruction changed CR1, CR3, CR4, CR5 or CR7: the TLB and the access
    /// cache may no longer be right.
    fn das_changed_spaces(&mut self) {
        self.purge_tlb();
        self.check_at = 0;
    }

    // ---- accesses in a given space with a given key -------------------------------

    /// The translation exception for a failed walk of `va`.
    fn dat_fail(&mut self, va: u32, f: DatFail, secondary: bool) -> u16 {
        let bit = if secondary { TEA_BIT0 } else { 0 };
        match f {
            DatFail::SegmentLength(_) | DatFail::SegmentInvalid(_) => {
                self.xlate_addr = va | bit;
                SEGMENT_TRANSLATION
            }
            DatFail::PageLength(_) | DatFail::PageInvalid(_) => {
                self.xlate_addr = va | bit;
                PAGE_TRANSLATION
            }
            DatFail::Spec => TRANSLATION_SPECIFICATION,
            DatFail::Addressing => ADDRESSING,
        }
    }

    /// Check and record one access to `len` bytes at `va` (all in one 2K block) in
    /// `space` with access key `key`: translation, segment protection, prefixing,
    /// low-address and key-controlled protection, reference and change bits, PER
    /// storage alteration (the order of access.rs). The absolute address.
    fn access_as(
        &mut self,
        va: u32,
        len: u32,
        store: bool,
        key: u8,
        space: Space,
    ) -> Result<usize, u16> {
        let va = va & AMASK;
        let real = if self.dat {
            let (std, sec) = match space {
                Space::Current => (self.cur_std(), self.secondary),
                Space::Primary => (self.cr[1], false),
                Space::Secondary => (self.cr[7], true),
            };
            match self.dat_walk_prot(va, std) {
                Ok((_, true)) if store => return Err(PROTECTION),
                Ok((r, _)) => r,
                Err(f) => return Err(self.dat_fail(va, f, sec)),
            }
        } else {
            va
        };
        let abs = self.absolute(real) as usize;
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
        if store && self.per_store && self.per_range_hit(va, len) {
            self.per_events |= PER_STORE;
        }
        Ok(abs)
    }

    /// `access_as` for an operand of 1..=256 bytes, every block checked first.
    fn run_as(
        &mut self,
        va: u32,
        len: usize,
        store: bool,
        key: u8,
        space: Space,
    ) -> Result<Run, u16> {
        let va = va & AMASK;
        let room = 0x800 - (va as usize & 0x7FF);
        if len <= room {
            let a0 = self.access_as(va, len as u32, store, key, space)?;
            return Ok(Run { a0, n0: len, a1: 0 });
        }
        let a0 = self.access_as(va, room as u32, store, key, space)?;
        let a1 = self.access_as(va + room as u32, (len - room) as u32, store, key, space)?;
        Ok(Run { a0, n0: room, a1 })
    }

    /// Is `key` one the problem state may use (its bit in the PSW-key mask, CR3 bits
    /// 0-15)? Always in the supervisor state.
    fn key_allowed(&self, key: u8) -> bool {
        !self.problem || self.cr[3] & (0x8000_0000 >> (key & 15)) != 0
    }

    /// The move of MVCK, MVCP and MVCS: the true length in R1 (cc 0, or cc 3 and 256
    /// bytes when it exceeds 256), the other key in R3 bits 24-27, moved left to right
    /// a byte at a time after both operands were checked.
    fn move_with_keys(&mut self, ib: Ib, dst: (Space, bool), src: (Space, bool)) -> R {
        let true_len = self.gpr[r1(ib)];
        let (len, cc) = if true_len > 256 {
            (256, 3)
        } else {
            (true_len as usize, 0)
        };
        let k = ((self.gpr[r2(ib)] >> 4) & 15) as u8;
        if !self.key_allowed(k) {
            return Err(Ex::Pgm(PRIVILEGED_OPERATION));
        }
        if len > 0 {
            let dkey = if dst.1 { k } else { self.key };
            let skey = if src.1 { k } else { self.key };
            // The order of the access exceptions of the two operands is not
            // architected; like Hercules 3.13, the second operand's come first.
            let s = self.run_as(self.ea2(ib), len, false, skey, src.0)?;
            let d = self.run_as(self.ea1(ib), len, true, dkey, dst.0)?;
            for i in 0..len {
                let v = self.abs_byte(s.at(i));
                self.set_abs_byte(d.at(i), v);
            }
        }
        self.cc = cc;
        Ok(())
    }

    /// MOVE WITH KEY (D9): the second operand fetched with the key in R3.
    pub(crate) fn mvck(&mut self, ib: Ib) -> R {
        self.move_with_keys(ib, (Space::Current, false), (Space::Current, true))
    }

    /// MOVE TO PRIMARY (DA, `to_primary`) and MOVE TO SECONDARY (DB): between the
    /// primary and the secondary space, the secondary operand accessed with the key in
    /// R3. Need DAT on and the secondary-space control (CR0 bit 5).
    pub(crate) fn mvcp(&mut self, ib: Ib, to_primary: bool) -> R {
        if !self.dat || self.cr[0] & CR0_SECONDARY == 0 {
            return Err(Ex::Pgm(SPECIAL_OPERATION));
        }
        if to_primary {
            self.move_with_keys(ib, (Space::Primary, false), (Space::Secondary, true))
        } else {
            self.move_with_keys(ib, (Space::Secondary, true), (Space::Primary, false))
        }
    }

    // ---- extraction -------------------------------------------------------------

    /// The checks of EPAR, ESAR, IAC and IVSK: DAT on, and in the problem state the
    /// extraction-authority control.
    fn extraction_allowed(&self) -> R {
        if !self.dat {
            return Err(Ex::Pgm(SPECIAL_OPERATION));
        }
        if self.problem && self.cr[0] & CR0_EXTRACTION == 0 {
            return Err(Ex::Pgm(PRIVILEGED_OPERATION));
        }
        Ok(())
    }

    /// EXTRACT PRIMARY ASN (B226, `primary`) and EXTRACT SECONDARY ASN (B227): the ASN
    /// in R1 bits 16-31, zeros in bits 0-15.
    fn extract_asn(&mut self, ib: Ib, primary: bool) -> R {
        self.extraction_allowed()?;
        let asn = if primary { self.cr[4] } else { self.cr[3] } & 0xFFFF;
        self.gpr[(ib.b(3) >> 4) as usize] = asn;
        Ok(())
    }

    /// INSERT ADDRESS SPACE CONTROL (B224): PSW bit 16 into R1 bit 23 (bits 16-22
    /// zero, the rest unchanged) and into the condition code (0 primary, 1 secondary).
    fn iac(&mut self, ib: Ib) -> R {
        self.extraction_allowed()?;
        let r = (ib.b(3) >> 4) as usize;
        let s = self.space as u32;
        self.gpr[r] = (self.gpr[r] & 0xFFFF_00FF) | s << 8;
        self.cc = s as u8;
        Ok(())
    }

    /// INSERT VIRTUAL STORAGE KEY (B223): the access key and fetch bit of the block at
    /// the virtual address in R2 (current space) into R1 bits 24-28, bits 29-31 zero.
    fn ivsk(&mut self, ib: Ib) -> R {
        self.extraction_allowed()?;
        let va = self.gpr[(ib.b(3) & 15) as usize] & AMASK;
        let real = match self.dat_walk(va) {
            Ok(r) => r,
            Err(f) => return Err(Ex::Pgm(self.dat_fail(va, f, self.secondary))),
        };
        let abs = self.absolute(real);
        if abs >= self.mem.size() {
            return Err(Ex::Pgm(ADDRESSING));
        }
        let k = self.mem.key(abs) & 0xF8;
        let r = (ib.b(3) >> 4) as usize;
        self.gpr[r] = (self.gpr[r] & 0xFFFF_FF00) | k as u32;
        Ok(())
    }

    // ---- SAC ---------------------------------------------------------------------

    /// SET ADDRESS SPACE CONTROL (B219): bits 20-23 of the operand address, 0000 for
    /// the primary-space mode, 0001 for the secondary-space mode; anything else is a
    /// specification exception. Needs DAT on and the secondary-space control.
    fn sac(&mut self, ib: Ib) -> R {
        if !self.dat || self.cr[0] & CR0_SECONDARY == 0 {
            return Err(Ex::Pgm(SPECIAL_OPERATION));
        }
        let mode = (self.ea1(ib) >> 8) & 15;
        if mode > 1 {
            return Err(Ex::Pgm(SPECIFICATION));
        }
        self.space = mode == 1;
        self.update_space();
        Ok(())
    }

    // ---- ASN translation and authorization ---------------------------------------

    /// A word of real storage for a table lookup (reference bit set); an addressing
    /// exception beyond storage.
    fn table_word(&mut self, real: u64) -> Result<u32, u16> {
        if real > AMASK as u64 {
            return Err(ADDRESSING);
        }
        let a = self.absolute(real as u32) as usize;
        let Some(b) = self.mem.bytes().get(a..a + 4) else {
            return Err(ADDRESSING);
        };
        let w = u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
        if let Some(k) = self.mem.keys_mut().get_mut(a >> 11) {
            *k |= KEY_REF;
        }
        Ok(w)
    }

    /// Translate `asn` to its ASN-second-table entry. AFX and ASX translation
    /// exceptions (LASP turns them into condition codes) leave the ASN for X'90'.
    fn translate_asn(&mut self, asn: u32) -> Result<Aste, u16> {
        let afto = (self.cr[14] & 0x0007_FFFF) as u64;
        let afte = self.table_word((afto << 12) + ((asn >> 6) as u64) * 4)?;
        if afte & 0x8000_0000 != 0 {
            self.xlate_addr = asn;
            return Err(AFX_TRANSLATION);
        }
        if afte & 0x7F00_000F != 0 {
            return Err(ASN_TRANSLATION_SPECIFICATION);
        }
        let at = (afte + (asn & 0x3F) * 16) & AMASK;
        let mut w = [0u32; 4];
        for (i, x) in w.iter_mut().enumerate() {
            *x = self.table_word(((at + 4 * i as u32) & AMASK) as u64)?;
        }
        if w[0] & 0x8000_0000 != 0 {
            self.xlate_addr = asn;
            return Err(ASX_TRANSLATION);
        }
        if w[0] & 0x7F00_0003 != 0 || w[1] & 0xF != 0 || w[3] & 0x7F00_0000 != 0 {
            return Err(ASN_TRANSLATION_SPECIFICATION);
        }
        Ok(Aste(w))
    }

    /// ASN authorization: may the current program (authorization index `ax`) make the
    /// space of `aste` its primary or secondary space? `Ok(false)` when not.
    fn authorized(&mut self, ax: u32, aste: &Aste, bit: Authority) -> Result<bool, u16> {
        let atl = (aste.0[1] >> 4) & 0xFFF;
        if ax >> 4 > atl {
            return Ok(false);
        }
        let ato = aste.0[0] & 0x00FF_FFFC;
        let at = (ato + ax / 4) & AMASK;
        let word = self.table_word((at & !3) as u64)?;
        let byte = (word >> (24 - 8 * (at & 3))) as u8;
        let pair = (byte << ((ax & 3) * 2)) & 0xC0;
        Ok(match bit {
            Authority::Primary => pair & 0x80 != 0,
            Authority::Secondary => pair & 0x40 != 0,
        })
    }

    /// The checks of the space-switching instructions: DAT on and, `asn` set, the
    /// ASN-translation control.
    fn asn_translation_allowed(&self) -> R {
        if !self.dat || self.cr[14] & CR14_ASN == 0 {
            return Err(Ex::Pgm(SPECIAL_OPERATION));
        }
        Ok(())
    }

    // ---- SSAR ---------------------------------------------------------------------

    /// SET SECONDARY ASN (B225): the ASN in R1 bits 16-31 becomes the secondary ASN.
    /// The current primary ASN (SSAR-cp): the secondary space is the primary one.
    /// Another one (SSAR-ss): ASN translation, then the current AX must be authorized
    /// (S bit) to make it the secondary space.
    fn ssar(&mut self, ib: Ib) -> R {
        self.asn_translation_allowed()?;
        let sasn = self.gpr[(ib.b(3) >> 4) as usize] & 0xFFFF;
        let sstd = if sasn == self.cr[4] & 0xFFFF {
            self.cr[1]
        } else {
            let aste = self.translate_asn(sasn)?;
            let ax = self.cr[4] >> 16;
            if !self.authorized(ax, &aste, Authority::Secondary)? {
                self.xlate_addr = sasn;
                return Err(Ex::Pgm(SECONDARY_AUTHORITY));
            }
            aste.std()
        };
        self.cr[3] = (self.cr[3] & 0xFFFF_0000) | sasn;
        self.cr[7] = sstd;
        self.das_changed_spaces();
        Ok(())
    }

    // ---- PC and PT ----------------------------------------------------------------

    /// The checks PC and PT share: DAT on, the primary-space mode, the
    /// subsystem-linkage control in CR5.
    fn linkage_allowed(&self) -> R {
        if !self.dat || self.space || self.cr[5] & LTD_LINKAGE == 0 {
            return Err(Ex::Pgm(SPECIAL_OPERATION));
        }
        Ok(())
    }

    /// PC-number translation: the entry-table entry of the PC number `pcn`.
    fn entry_table_entry(&mut self, pcn: u32) -> Result<[u32; 4], u16> {
        let (lx, ex) = (pcn >> 8, pcn & 0xFF);
        let cr5 = self.cr[5];
        if lx >> 5 > cr5 & 0x7F {
            self.xlate_addr = pcn;
            return Err(LX_TRANSLATION);
        }
        let lte = self.table_word((((cr5 & 0x00FF_FF80) + lx * 4) & AMASK) as u64)?;
        if lte & 0x8000_0000 != 0 {
            self.xlate_addr = pcn;
            return Err(LX_TRANSLATION);
        }
        if lte & 0x7F00_0000 != 0 {
            return Err(PC_TRANSLATION_SPECIFICATION);
        }
        if ex >> 2 > lte & 0x3F {
            self.xlate_addr = pcn;
            return Err(EX_TRANSLATION);
        }
        let ete_at = ((lte & 0x00FF_FFC0) + ex * 16) & AMASK;
        let mut e = [0u32; 4];
        for (i, x) in e.iter_mut().enumerate() {
            *x = self.table_word(((ete_at + 4 * i as u32) & AMASK) as u64)?;
        }
        if e[1] & 0xFF00_0000 != 0 {
            return Err(PC_TRANSLATION_SPECIFICATION);
        }
        Ok(e)
    }

    /// The space switch of PC-ss and PT-ss: the new primary space from `aste`, and a
    /// space-switch event (X'1C', after completion) when the old or the new PSTD has
    /// its bit 31 on.
    fn switch_primary(&mut self, pasn: u32, aste: &Aste) -> bool {
        let (old_pasn, old_pstd) = (self.cr[4] & 0xFFFF, self.cr[1]);
        self.cr[1] = aste.std();
        self.cr[4] = aste.ax() << 16 | pasn;
        self.cr[5] = aste.ltd();
        let event = (old_pstd | aste.std()) & STD_SSE != 0;
        if event {
            self.xlate_addr = old_pasn | if old_pstd & STD_SSE != 0 { TEA_BIT0 } else { 0 };
        }
        event
    }

    /// PROGRAM CALL (B218), basic: bits 12-31 of the operand address are the PC
    /// number. R14 gets the return address with the problem-state bit in bit 31, R3
    /// the old PKM and PASN, R4 the entry parameter; the entry key mask is ORed into
    /// the PKM; the PSW gets the entry address and problem state. With an ASN in the
    /// entry, the primary space changes to it (PC-ss) and the old one becomes the
    /// secondary; without, the secondary becomes the primary (PC-cp).
    fn pc(&mut self, ib: Ib) -> R {
        self.linkage_allowed()?;
        let pcn = self.ea1(ib) & 0x000F_FFFF;
        let e = self.entry_table_entry(pcn)?;
        let akm = e[0] >> 16;
        if self.problem && (self.cr[3] >> 16) & akm == 0 {
            return Err(Ex::Pgm(PRIVILEGED_OPERATION));
        }
        let pasn = e[0] & 0xFFFF;
        let aste = if pasn != 0 {
            if self.cr[14] & CR14_ASN == 0 {
                return Err(Ex::Pgm(SPECIAL_OPERATION));
            }
            Some(self.translate_asn(pasn)?)
        } else {
            None
        };
        self.gpr[14] = self.ia | self.problem as u32;
        self.gpr[3] = (self.cr[3] & 0xFFFF_0000) | (self.cr[4] & 0xFFFF);
        self.gpr[4] = e[2];
        self.cr[3] |= e[3] & 0xFFFF_0000;
        self.ia = e[1] & 0x00FF_FFFE;
        self.problem = e[1] & 1 != 0;
        self.cr[3] = (self.cr[3] & 0xFFFF_0000) | (self.cr[4] & 0xFFFF);
        self.cr[7] = self.cr[1];
        let event = match aste {
            Some(a) => self.switch_primary(pasn, &a),
            None => false,
        };
        self.das_changed_spaces();
        self.flush_access_cache();
        if event {
            return Err(Ex::Pgm(SPACE_SWITCH_EVENT));
        }
        Ok(())
    }

    /// PROGRAM TRANSFER (B228): R1 holds a PKM (ANDed into CR3) and an ASN that becomes
    /// primary and secondary; R2 the new instruction address (bits 8-30) and problem
    /// state (bit 31), which the problem state may not leave; bits 0-7 of R2 must be
    /// zero (specification). A different ASN (PT-ss)
    /// is translated and must be authorized (P bit) for the current AX.
    fn pt(&mut self, ib: Ib) -> R {
        self.linkage_allowed()?;
        let (ra, rb) = ((ib.b(3) >> 4) as usize, (ib.b(3) & 15) as usize);
        let (pkm, pasn) = (self.gpr[ra] & 0xFFFF_0000, self.gpr[ra] & 0xFFFF);
        let target = self.gpr[rb];
        let problem = target & 1 != 0;
        if self.problem && !problem {
            return Err(Ex::Pgm(PRIVILEGED_OPERATION));
        }
        if target & 0xFF00_0000 != 0 {
            return Err(Ex::Pgm(SPECIFICATION));
        }
        let aste = if pasn != self.cr[4] & 0xFFFF {
            if self.cr[14] & CR14_ASN == 0 {
                return Err(Ex::Pgm(SPECIAL_OPERATION));
            }
            let aste = self.translate_asn(pasn)?;
            let ax = self.cr[4] >> 16;
            if !self.authorized(ax, &aste, Authority::Primary)? {
                self.xlate_addr = pasn;
                return Err(Ex::Pgm(PRIMARY_AUTHORITY));
            }
            Some(aste)
        } else {
            None
        };
        let event = match aste {
            Some(a) => self.switch_primary(pasn, &a),
            None => false,
        };
        self.ia = target & 0x00FF_FFFE;
        self.problem = problem;
        self.cr[3] = (self.cr[3] & pkm) | pasn;
        self.cr[7] = self.cr[1];
        self.das_changed_spaces();
        self.flush_access_cache();
        if event {
            return Err(Ex::Pgm(SPACE_SWITCH_EVENT));
        }
        Ok(())
    }

    // ---- LASP and TPROT -----------------------------------------------------------

    /// LOAD ADDRESS SPACE PARAMETERS (E500): the doubleword at the first operand holds
    /// PKM-d, SASN-d, AX-d and PASN-d; bits 29-31 of the second-operand address say
    /// force the PASN translation (29), take AX-d (30), skip the SASN authorization
    /// (31). Condition code 0: CR1, 3, 4, 5, 7 loaded; 1: the PASN could not be
    /// translated (AFX/ASX); 2: the SASN could not be translated or is not authorized;
    /// 3: a PASN translation met a space-switch-event bit (old or new PSTD). Nothing
    /// changes unless the condition code is 0.
    fn lasp(&mut self, ib: Ib) -> R {
        if self.cr[14] & CR14_ASN == 0 {
            return Err(Ex::Pgm(SPECIAL_OPERATION));
        }
        let a1 = self.ea1(ib);
        if a1 & 7 != 0 {
            return Err(Ex::Pgm(SPECIFICATION));
        }
        let d = self.read_u64(a1)?;
        let bits = self.ea2(ib) & 7;
        let (pkm, sasn) = ((d >> 48) as u32, (d >> 32) as u32 & 0xFFFF);
        let (ax_d, pasn) = ((d >> 16) as u32 & 0xFFFF, d as u32 & 0xFFFF);
        let (pstd, ltd, ax) = if bits & 4 != 0 || pasn != self.cr[4] & 0xFFFF {
            let aste = match self.translate_asn(pasn) {
                Ok(a) => a,
                Err(AFX_TRANSLATION | ASX_TRANSLATION) => {
                    self.cc = 1;
                    return Ok(());
                }
                Err(code) => return Err(Ex::Pgm(code)),
            };
            if (self.cr[1] | aste.std()) & STD_SSE != 0 {
                self.cc = 3;
                return Ok(());
            }
            (aste.std(), aste.ltd(), aste.ax())
        } else {
            (self.cr[1], self.cr[5], self.cr[4] >> 16)
        };
        let ax = if bits & 2 != 0 { ax_d } else { ax };
        let sstd = if sasn == pasn {
            pstd
        } else if bits & 5 == 1 && sasn == self.cr[3] & 0xFFFF {
            self.cr[7]
        } else {
            let aste = match self.translate_asn(sasn) {
                Ok(a) => a,
                Err(AFX_TRANSLATION | ASX_TRANSLATION) => {
                    self.cc = 2;
                    return Ok(());
                }
                Err(code) => return Err(Ex::Pgm(code)),
            };
            if bits & 1 == 0 && !self.authorized(ax, &aste, Authority::Secondary)? {
                self.cc = 2;
                return Ok(());
            }
            aste.std()
        };
        self.cr[1] = pstd;
        self.cr[3] = pkm << 16 | sasn;
        self.cr[4] = ax << 16 | pasn;
        self.cr[5] = ltd;
        self.cr[7] = sstd;
        self.cc = 0;
        self.das_changed_spaces();
        Ok(())
    }

    /// TEST PROTECTION (E501): could the key in bits 24-27 of the second-operand
    /// address fetch from and store into the first-operand location? cc 0 both, 1
    /// fetch only, 2 neither, 3 the address cannot be translated (segment or page
    /// table entry invalid or beyond its table). Every protection mechanism counts:
    /// a protected segment or low-address protection (a logical address below 512)
    /// prohibits the store whatever the key (POO, TEST PROTECTION).
    fn tprot(&mut self, ib: Ib) -> R {
        let va = self.ea1(ib);
        let key = ((self.ea2(ib) >> 4) & 15) as u8;
        let mut no_store = self.low_protected(va);
        let real = if self.dat {
            match self.dat_walk_prot(va, self.cur_std()) {
                Ok((r, protected)) => {
                    no_store |= protected;
                    r
                }
                Err(DatFail::Spec) => return Err(Ex::Pgm(TRANSLATION_SPECIFICATION)),
                Err(DatFail::Addressing) => return Err(Ex::Pgm(ADDRESSING)),
                Err(_) => {
                    self.cc = 3;
                    return Ok(());
                }
            }
        } else {
            va
        };
        let abs = self.absolute(real);
        if abs >= self.mem.size() {
            return Err(Ex::Pgm(ADDRESSING));
        }
        let k = self.mem.key(abs);
        let other = key != 0 && k >> 4 != key;
        self.cc = match (other, k & KEY_FETCH != 0) {
            (true, true) => 2,
            (true, false) => 1,
            (false, _) if no_store => 1,
            (false, _) => 0,
        };
        Ok(())
    }

    // ---- dispatch -------------------------------------------------------------------

    /// The DAS instructions of the B2 family (PC B218, SAC B219, IVSK B223, IAC B224,
    /// SSAR B225, EPAR B226, ESAR B227, PT B228).
    pub(crate) fn das_b2(&mut self, ib: Ib) -> R {
        match ib.b(1) {
            0x18 => self.pc(ib),
            0x19 => self.sac(ib),
            0x23 => self.ivsk(ib),
            0x24 => self.iac(ib),
            0x25 => self.ssar(ib),
            0x26 => self.extract_asn(ib, true),
            0x27 => self.extract_asn(ib, false),
            _ => self.pt(ib),
        }
    }

    /// The E5 family: LASP (E500), TPROT (E501), the MVS assists (E502-E50D,
    /// exec_assist.rs); the privileged-operation check is done.
    pub(crate) fn e5(&mut self, ib: Ib) -> R {
        match ib.b(1) {
            0x00 => self.lasp(ib),
            0x01 => self.tprot(ib),
            _ => self.mvs_assist(ib),
        }
    }
}
