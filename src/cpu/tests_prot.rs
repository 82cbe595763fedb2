//! Low-address protection (CR0 bit 3) and segment protection (segment-table entry bit
//! 29); the Hercules programs tests/hercules/lowprot.asm and segprot.asm check the
//! same against the reference machine.

use super::tests::*;
use super::*;

const LAP: u32 = 0x1000_0000;
const PROTECTION: u16 = 4;

/// The EC-mode program-interruption code at X'8E'.
fn ec_code(c: &Cpu) -> u16 {
    u16::from_be_bytes([bytes(c, 0x8E, 1)[0], bytes(c, 0x8F, 1)[0]])
}

// ---------------------------------------------------------------- low-address protection

#[test]
fn low_address_protection_refuses_key_0_stores_below_512() {
    let mut c = machine(&[rx(0x50, 1, 0, 0, 0x100), halt()]);
    c.cr[0] |= LAP;
    c.gpr[1] = 0xAAAA_AAAA;
    assert_eq!(bc_fields(program_check(&mut c)), (PROTECTION, 4, ORG + 4));
    assert_eq!(get32(&c, 0x100), 0);

    // The same store with the bit off.
    let mut c = machine(&[rx(0x50, 1, 0, 0, 0x100), halt()]);
    c.gpr[1] = 0xAAAA_AAAA;
    finish(&mut c);
    assert_eq!(get32(&c, 0x100), 0xAAAA_AAAA);
}

#[test]
fn low_address_protection_allows_fetches_and_stores_from_512() {
    // (The store overwrites the PSW `halt` loads: this program ends with its own.)
    let mut c = machine(&[
        rx(0x58, 2, 0, 0, 0x1FC), // L from 508
        rx(0x50, 1, 0, 0, 0x200), // ST at 512
        si(0x82, 0, 0, 0x808),
    ]);
    c.cr[0] |= LAP;
    c.gpr[1] = 0xAAAA_AAAA;
    put32(&mut c, 0x1FC, 0x1234_5678);
    put64(&mut c, 0x808, DONE);
    finish(&mut c);
    assert_eq!(c.gpr[2], 0x1234_5678);
    assert_eq!(get32(&c, 0x200), 0xAAAA_AAAA);
}

#[test]
fn low_address_protection_ignores_the_key() {
    // PSW key 3, block 0 with key 3: only low-address protection refuses the store.
    let mut c = machine(&[rx(0x50, 1, 0, 0, 0x300), rx(0x50, 1, 0, 0, 0x100), halt()]);
    c.cr[0] |= LAP;
    c.gpr[1] = 0xAAAA_AAAA;
    c.mem.set_key(0, 0x30);
    c.set_psw(0x0030_0000_0000_1000).unwrap();
    assert_eq!(bc_fields(program_check(&mut c)), (PROTECTION, 4, ORG + 8));
    assert_eq!((get32(&c, 0x300), get32(&c, 0x100)), (0xAAAA_AAAA, 0));
}

#[test]
fn an_operand_across_512_stores_nothing() {
    // MVC X'1F8'(16),X'800': bytes 504-519.
    let mut c = machine(&[ss(0xD2, 15, 0, 0x1F8, 0, 0x800), halt()]);
    c.cr[0] |= LAP;
    c.mem.load(0x800, &[0xEE; 16]).unwrap();
    let before = bytes(&c, 0x1F8, 16);
    assert_eq!(bc_fields(program_check(&mut c)).0, PROTECTION);
    assert_eq!(bytes(&c, 0x1F8, 16), before);
}

#[test]
fn a_store_cached_for_block_0_does_not_bypass_low_address_protection() {
    // A store at X'300' makes block 0 storable in the access cache; then LCTL turns
    // the protection on (and must flush the cache), then a store at X'100'.
    let prog = [
        rx(0x50, 1, 0, 0, 0x300),
        rs(0xB7, 0, 0, 0, 0x800), // LCTL 0,0,X'800'
        rx(0x50, 1, 0, 0, 0x304), // allowed, and now block 0 again
        rx(0x50, 1, 0, 0, 0x100), // refused
        halt(),
    ];
    let mut c = machine(&prog);
    c.gpr[1] = 0xAAAA_AAAA;
    put32(&mut c, 0x800, LAP | 0xE0);
    assert_eq!(bc_fields(program_check(&mut c)), (PROTECTION, 4, ORG + 16));
    assert_eq!(get32(&c, 0x304), 0xAAAA_AAAA);
    assert_eq!(get32(&c, 0x100), 0);
}

#[test]
fn stosm_below_512_is_suppressed() {
    // STOSM X'108',X'01': protection, the system mask stays 0.
    let mut c = machine(&[si(0xAD, 0x01, 0, 0x108), halt()]);
    c.cr[0] |= LAP;
    let old = program_check(&mut c);
    assert_eq!(bc_fields(old).0, PROTECTION);
    assert_eq!(old >> 56, 0);
}

#[test]
fn test_block_of_block_0_is_protected_and_clears_nothing() {
    let tb = |r2: u8| vec![0xB2, 0x2C, 0, r2];
    let mut c = machine(&[tb(8), halt()]);
    c.cr[0] |= LAP;
    put32(&mut c, 0x100, 0x0101_0101);
    assert_eq!(bc_fields(program_check(&mut c)).0, PROTECTION);
    assert_eq!(get32(&c, 0x100), 0x0101_0101);
}

#[test]
fn tprot_reports_low_address_protection_as_fetch_only() {
    let tprot = |d1: u16, d2: u16| ss(0xE5, 0x01, 0, d1, 0, d2);
    for (d1, key, want) in [
        (0x100, 0, 1),
        (0x1FF, 0, 1),
        (0x200, 0, 0),
        (0x100, 0x30, 1),
    ] {
        let mut c = machine(&[tprot(d1, key), halt()]);
        c.cr[0] |= LAP;
        finish(&mut c);
        assert_eq!(cc(&c), want, "TPROT X'{d1:X}',X'{key:X}'");
    }
}

// ---------------------------------------------------------------- DAT

/// 4K pages, 64K segments, the segment table at X'3000'. Segment 0 maps identically
/// except page 0 -> X'6000' and page 7 -> X'0000'; segment 1 (protected) and segment
/// 2 (not) share the page table at X'3200': page 0 -> X'8000', page 1 -> X'9000'.
/// The PSW: EC, DAT on, at X'1000'.
fn seg_machine(prog: &[Vec<u8>]) -> Cpu {
    let mut c = machine(prog);
    c.cr[0] = 0x0080_0000;
    c.cr[1] = 0x0000_3000;
    put32(&mut c, 0x3000, 0xF000_3100);
    put32(&mut c, 0x3004, 0xF000_3204);
    put32(&mut c, 0x3008, 0xF000_3200);
    for i in 3..16 {
        put32(&mut c, 0x3000 + 4 * i, 1);
    }
    for i in 0..16u32 {
        let frame = match i {
            0 => 6,
            7 => 0,
            _ => i,
        };
        c.mem
            .load(0x3100 + 2 * i, &((frame << 4) as u16).to_be_bytes())
            .unwrap();
        let pte: u16 = match i {
            0 => 0x0080,
            1 => 0x0090,
            _ => 0x0008,
        };
        c.mem.load(0x3200 + 2 * i, &pte.to_be_bytes()).unwrap();
    }
    // `halt` loads the PSW at virtual X'200', which is real X'6200' here.
    put64(&mut c, 0x6200, DONE);
    c.set_psw(0x0408_0000_0000_1000).unwrap();
    c
}

#[test]
fn a_protected_segment_may_be_fetched_but_not_stored() {
    let mut c = seg_machine(&[
        rx(0x58, 2, 0, 4, 0),     // L from X'10000' (real X'8000')
        rx(0x50, 1, 0, 4, 0x004), // ST: protection
        halt(),
    ]);
    c.gpr[1] = 0xAAAA_AAAA;
    c.gpr[4] = 0x1_0000;
    put32(&mut c, 0x8000, 0x1234_5678);
    let old = program_check(&mut c);
    assert_eq!(old & 0xFF_FFFF, 0x1008);
    assert_eq!(ec_code(&c), PROTECTION);
    assert_eq!(c.gpr[2], 0x1234_5678);
    assert_eq!(get32(&c, 0x8004), 0);
}

#[test]
fn the_same_frame_through_an_unprotected_segment_is_storable() {
    let mut c = seg_machine(&[rx(0x50, 1, 0, 4, 0x004), halt()]);
    c.gpr[1] = 0xAAAA_AAAA;
    c.gpr[4] = 0x2_0000;
    finish(&mut c);
    assert_eq!(get32(&c, 0x8004), 0xAAAA_AAAA);
}

#[test]
fn segment_protection_applies_with_any_key_and_is_purged_with_the_tlb() {
    // Key 3 with the frame's key 3: refused by segment protection alone. Then
    // (supervisor, key 0, DAT still on) the entry's bit is cleared, PTLB, the store
    // goes through.
    let prog = [
        rx(0x50, 1, 0, 4, 0),     // ST: protection
        rx(0x50, 5, 0, 6, 0x004), // ST X'3004' = F0003200: segment 1 unprotected
        s(0xB20D, 0, 0),          // PTLB
        rx(0x50, 1, 0, 4, 0),     // now allowed
        halt(),
    ];
    let mut c = seg_machine(&prog);
    c.gpr[1] = 0xAAAA_AAAA;
    c.gpr[4] = 0x1_0000;
    c.gpr[5] = 0xF000_3200;
    c.gpr[6] = 0x3000;
    c.mem.set_key(0x8000, 0x30);
    c.set_psw(0x0438_0000_0000_1000).unwrap();
    program_check(&mut c);
    assert_eq!(ec_code(&c), PROTECTION);
    assert_eq!(get32(&c, 0x8000), 0);
    // Resume after the failing ST with key 0.
    c.set_psw(0x0408_0000_0000_1004).unwrap();
    finish(&mut c);
    assert_eq!(get32(&c, 0x8000), 0xAAAA_AAAA);
}

#[test]
fn a_translation_cached_by_a_fetch_keeps_the_protection() {
    // The fetch enters the TLB (and the fetch side of the access cache); the store
    // must still see the protection bit.
    let mut c = seg_machine(&[rx(0x58, 2, 0, 4, 0), rx(0x50, 2, 0, 4, 0), halt()]);
    c.gpr[4] = 0x1_0000;
    program_check(&mut c);
    assert_eq!(ec_code(&c), PROTECTION);
}

#[test]
fn low_address_protection_applies_to_the_virtual_address() {
    // Virtual X'100' is real X'6100': refused. Virtual X'7100' is real X'100':
    // allowed.
    let mut c = seg_machine(&[
        rx(0x50, 1, 0, 4, 0x100), // virtual X'7100'
        rx(0x50, 1, 0, 0, 0x100), // virtual X'100'
        halt(),
    ]);
    c.cr[0] |= LAP;
    c.gpr[1] = 0xAAAA_AAAA;
    c.gpr[4] = 0x7000;
    program_check(&mut c);
    assert_eq!(ec_code(&c), PROTECTION);
    assert_eq!((get32(&c, 0x100), get32(&c, 0x6100)), (0xAAAA_AAAA, 0));
}

#[test]
fn tprot_and_lra_with_a_protected_segment() {
    let tprot = |b1: u8| ss(0xE5, 0x01, b1, 0, 0, 0);
    for (va, want) in [(0x1_0000, 1), (0x2_0000, 0), (0x3_0000, 3)] {
        let mut c = seg_machine(&[tprot(4), halt()]);
        c.gpr[4] = va;
        finish(&mut c);
        assert_eq!(cc(&c), want, "TPROT at {va:X}");
    }
    // LRA translates a protected segment like any other.
    let mut c = seg_machine(&[rx(0xB1, 1, 0, 4, 0x10), halt()]);
    c.gpr[4] = 0x1_0000;
    finish(&mut c);
    assert_eq!((c.gpr[1], cc(&c)), (0x8010, 0));
}
