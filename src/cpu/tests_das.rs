//! The dual-address-space facility, the later S/370 instructions and the signals,
//! with values from the Principles of Operation. (Hercules comparisons: das.asm,
//! ext370.asm, extsig.asm under tests/hercules.)

use super::tests::*;
use super::*;

/// 4K pages, 64K segments; segment 0 maps virtual 0-64K to real 0-64K in both the
/// primary (CR1, segment table X'8000') and the secondary space (CR7, X'8100'), and
/// segment 1 maps virtual X'10000' to real X'A000' (primary) or X'B000' (secondary)
/// for one page.
fn two_spaces(parts: &[Vec<u8>]) -> Cpu {
    let mut c = machine(parts);
    c.cr[0] = 0x0C80_0000; // extraction authority, secondary-space control, 4K/64K
    c.cr[1] = 0x8000;
    c.cr[7] = 0x8100;
    for (st, frame) in [(0x8000u32, 0xAu16), (0x8100, 0xB)] {
        put32(&mut c, st, 0xF000_8200); // segment 0: the identity page table
        put32(&mut c, st + 4, 0x0000_8240 + (st & 0x100)); // segment 1: one page
        for s in 2..16 {
            put32(&mut c, st + 4 * s, 1);
        }
        c.mem
            .load(0x8240 + (st & 0x100), &(frame << 4).to_be_bytes())
            .unwrap();
    }
    for p in 0..16u16 {
        c.mem
            .load(0x8200 + 2 * p as u32, &(p << 4).to_be_bytes())
            .unwrap();
    }
    c
}

#[test]
fn psw_bit_16_is_the_secondary_space_mode() {
    // L 1,X'10000' through R2, in the secondary-space mode: real X'B000'.
    let mut c = two_spaces(&[rx(0x58, 1, 0, 2, 0), halt()]);
    put32(&mut c, 0xA000, 0x1111_1111);
    put32(&mut c, 0xB000, 0x2222_2222);
    c.gpr[2] = 0x10000;
    c.set_psw(0x0408_8000_0000_0000 | ORG as u64).unwrap(); // EC, DAT, bit 16
    assert_eq!(c.psw() >> 32, 0x0408_8000, "bit 16 is kept, not an error");
    finish(&mut c);
    assert_eq!(c.gpr[1], 0x2222_2222);
    // The same in the primary space.
    let mut c = two_spaces(&[rx(0x58, 1, 0, 2, 0), halt()]);
    put32(&mut c, 0xA000, 0x1111_1111);
    c.gpr[2] = 0x10000;
    c.set_psw(0x0408_0000_0000_0000 | ORG as u64).unwrap();
    finish(&mut c);
    assert_eq!(c.gpr[1], 0x1111_1111);
}

#[test]
fn mvcp_moves_from_the_secondary_space_with_the_key_in_r3() {
    // MVCP 0(R1=4,B=2),0(B=3),R3=5: 4 bytes, key 0 in R5.
    let mut c = two_spaces(&[vec![0xDA, 0x45, 0x20, 0x00, 0x30, 0x00], halt()]);
    c.mem.load(0xB000, b"SECD").unwrap();
    c.gpr[2] = 0x10000;
    c.gpr[3] = 0x10000;
    c.gpr[4] = 4;
    c.set_psw(0x0408_0000_0000_0000 | ORG as u64).unwrap();
    finish(&mut c);
    assert_eq!(bytes(&c, 0xA000, 4), b"SECD".to_vec());
    assert_eq!(cc(&c), 0);
    // DAT off: a special-operation exception.
    let mut c = two_spaces(&[vec![0xDA, 0x45, 0x20, 0x00, 0x30, 0x00], halt()]);
    c.set_psw(0x0008_0000_0000_0000 | ORG as u64).unwrap();
    program_check(&mut c);
    assert_eq!(bytes(&c, 0x8C, 4), vec![0, 6, 0, 0x13]);
}

#[test]
fn an_afx_translation_exception_nullifies_ssar() {
    // SSAR 5 with ASN X'0040' (AFX 1): AFT at X'9000', entry 1 invalid.
    let mut c = two_spaces(&[vec![0xB2, 0x25, 0x00, 0x50], halt()]);
    c.cr[14] = 0x0008_0009;
    put32(&mut c, 0x9004, 0x8000_0000);
    c.gpr[5] = 0x40;
    c.set_psw(0x0408_0000_0000_0000 | ORG as u64).unwrap();
    let old = program_check(&mut c);
    assert_eq!(
        old & 0x00FF_FFFF,
        ORG as u64,
        "nullified: the PSW points at SSAR"
    );
    assert_eq!(bytes(&c, 0x8C, 4), vec![0, 4, 0, 0x20]);
    assert_eq!(get32(&c, 0x90), 0x40, "the ASN");
}

#[test]
fn the_interrupt_key_waits_for_cr0_bit_25_and_is_taken_once() {
    let mut c = machine(&[halt()]);
    c.set_psw(0x010A_0000_0000_0000 | ORG as u64).unwrap(); // EC enabled wait
    c.press_interrupt_key();
    c.cr[0] = 0;
    let mut bus = TestBus::default();
    assert_eq!(c.run(&mut bus, &mut NoTrace, 1_000_000, 100), Stop::Wait);
    c.cr[0] = 0x40;
    assert_eq!(go(&mut c), Stop::DisabledWait);
    assert_eq!(c.psw() & !0xC000_0000, EXT_NEW);
    assert_eq!(bytes(&c, 0x84, 4), vec![0, 0, 0, 0x40]);
    assert!(c.signal_pending().is_none(), "taken once");
}

#[test]
fn sigp_external_call_to_itself_is_pending_once() {
    // SIGP 2,3,2 twice, then SENSE (order 1) into R4.
    let mut c = machine(&[
        rs(0xAE, 2, 3, 0, 2),
        rs(0xAE, 2, 3, 0, 2),
        rs(0xAE, 4, 3, 0, 1),
        halt(),
    ]);
    finish(&mut c);
    assert_eq!(c.gpr[2], 0x80, "the second call: external call pending");
    assert_eq!(c.gpr[4], 0x80);
    assert_eq!(cc(&c), 1);
    assert!(c.extcall_pending);
}
