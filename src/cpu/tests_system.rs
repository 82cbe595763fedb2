//! System tests: privileged and control instructions, keys, DAT, interruptions in both
//! PSW formats, timers, channel I/O, the wait state, accounting, and a fuzz test.

use super::tests::*;
use super::*;

const EC_WAIT_EXT: u64 = 0x010A_0000_0000_0000; // EC, external mask, wait
const BC_PROBLEM: u64 = 0x0001_0000_0000_1000;

fn run_with(c: &mut Cpu, bus: &mut TestBus, deadline: u64) -> Stop {
    c.run(bus, &mut NoTrace, deadline, 1_000_000)
}

// ---------------------------------------------------------------- privileged, PSW

#[test]
fn privileged_operation_in_problem_state_before_operand_access() {
    // LPSW from an odd address would be a specification exception; privilege first.
    let mut c = machine(&[si(0x82, 0, 0, 0x201)]);
    c.set_psw(BC_PROBLEM).unwrap();
    let old = program_check(&mut c);
    assert_eq!(bc_fields(old), (2, 4, ORG + 4));
    assert_eq!(old & 0x0001_0000_0000_0000, 0x0001_0000_0000_0000); // problem state kept
}

#[test]
fn invalid_opcode_is_an_operation_exception() {
    let mut c = machine(&[vec![0x00, 0x00]]);
    assert_eq!(bc_fields(program_check(&mut c)), (1, 2, ORG + 2));
}

#[test]
fn lpsw_of_invalid_ec_psw_is_an_early_specification_exception() {
    let mut c = machine(&[si(0x82, 0, 0, 0x800)]);
    put64(&mut c, 0x800, 0x0008_0000_8000_2000); // bit 32 set: invalid EC PSW
    program_check(&mut c);
    // The old PSW is the invalid PSW as loaded; the ILC is 0 for a PSW introduced by
    // LPSW (as on Hercules: tests/hercules/pgmec.asm).
    assert_eq!(get64(&c, 0x28), 0x0008_0000_8000_2000);
    assert_eq!(bytes(&c, 0x8C, 4), vec![0, 0, 0, 6]);
}

#[test]
fn set_psw_rejects_invalid_psw() {
    let mut c = Cpu::new(65536, 1.0, 0);
    assert!(c.set_psw(0x0008_0000_0100_0000).is_err());
    assert_eq!(c.psw(), 0);
    assert!(c.set_psw(0x0008_0000_0000_2000).is_ok());
    assert_eq!(c.psw(), 0x0008_0000_0000_2000);
}

#[test]
fn odd_instruction_address_is_a_specification_exception_with_ilc_2() {
    // POO: ILC 1, 2 or 3 and the address advanced by as many halfwords; this model
    // (and Hercules 3.13) takes 2.
    let mut c = machine(&[]);
    c.set_psw(0x0000_0000_0000_1001).unwrap();
    let old = program_check(&mut c);
    assert_eq!(bc_fields(old), (6, 4, 0x1005)); // ILC in bytes
}

#[test]
fn addressing_exception_on_fetch_advances_by_the_ilc() {
    let mut c = machine(&[]);
    c.set_psw(0x0008_0000_0030_0000).unwrap();
    let old = program_check(&mut c);
    assert_eq!(old, 0x0008_0000_0030_0004);
    assert_eq!(bytes(&c, 0x8C, 4), vec![0, 4, 0, 5]);
}

#[test]
fn ssm_special_operation_when_cr0_bit1() {
    let mut c = machine(&[si(0x80, 0, 0, 0x800), halt()]);
    c.cr[0] |= 0x4000_0000;
    assert_eq!(bc_fields(program_check(&mut c)).0, 0x13);
}

#[test]
fn stnsm_stosm_store_then_modify_the_system_mask() {
    let mut c = machine(&[si(0xAD, 0x03, 0, 0x800), si(0xAC, 0x01, 0, 0x801), halt()]);
    c.set_psw(0x0400_0000_0000_1000).unwrap();
    finish(&mut c);
    assert_eq!(bytes(&c, 0x800, 2), vec![0x04, 0x07]);
}

#[test]
fn ec_mode_program_interruption_stores_ilc_and_code_in_low_storage() {
    let mut c = machine(&[rr(0x1D, 7, 2)]);
    c.set_psw(0x0008_0000_0000_1000).unwrap();
    let old = program_check(&mut c);
    assert_eq!(old, 0x0008_0000_0000_1002);
    assert_eq!(bytes(&c, 0x8C, 4), vec![0, 2, 0, 6]);
}

#[test]
fn ec_mode_svc_stores_code_at_x8a() {
    let mut c = machine(&[rr(0x0A, 0x1, 0x7)]);
    c.set_psw(0x0008_1000_0000_1000).unwrap(); // cc 1
    assert_eq!(go(&mut c), Stop::DisabledWait);
    assert_eq!(c.psw() & !0xC000_0000, SVC_NEW);
    assert_eq!(get64(&c, 0x20), 0x0008_1000_0000_1002);
    assert_eq!(bytes(&c, 0x88, 4), vec![0, 2, 0, 0x17]);
}

#[test]
fn bc_mode_svc_code_in_old_psw() {
    let mut c = machine(&[rr(0x0A, 0xC, 0xA)]);
    go(&mut c);
    assert_eq!(bc_fields(get64(&c, 0x20)), (0xCA, 2, ORG + 2));
}

#[test]
fn interruption_loop_checkstops() {
    let mut c = machine(&[vec![0, 0]]);
    put64(&mut c, 0x68, 0x8008_0000_0000_1000); // invalid program new PSW
    assert_eq!(go(&mut c), Stop::Checkstop);
    assert!(c.checkstopped());
    let mut c = machine(&[vec![0, 0]]);
    put64(&mut c, 0x68, 0x0000_0000_0000_0003); // odd address
    assert_eq!(go(&mut c), Stop::Checkstop);
    // The same old/new PSW executing instructions between swaps is not a loop guard
    // case until the instructions themselves fail every time.
    let mut c = machine(&[vec![0, 0]]);
    put64(&mut c, 0x68, 0x0000_0000_0000_1000);
    assert_eq!(go(&mut c), Stop::Checkstop);
}

#[test]
fn restart_swaps_at_8_and_0() {
    let mut c = machine(&[halt()]);
    put64(&mut c, 0, 0x0000_0000_0000_1000);
    c.set_psw(0x0002_0000_0000_4444).unwrap();
    c.restart();
    assert_eq!(get64(&c, 8) & !0xC000_0000, 0x0002_0000_0000_4444);
    finish(&mut c);
}

// ---------------------------------------------------------------- keys

#[test]
fn store_protection_and_change_bit() {
    let mut c = machine(&[rx(0x50, 1, 0, 0, 0x804), halt()]);
    c.mem.set_key(0x800, 0x20);
    c.set_psw(0x0030_0000_0000_1000).unwrap(); // key 3
    c.gpr[1] = 0xDEAD_BEEF;
    assert_eq!(bc_fields(program_check(&mut c)).0, 4);
    assert_eq!(get32(&c, 0x804), 0);
    assert_eq!(c.mem.key(0x800), 0x20); // no R/C on a refused access

    let mut c = machine(&[rx(0x50, 1, 0, 0, 0x804), halt()]);
    c.mem.set_key(0x800, 0x20);
    c.set_psw(0x0020_0000_0000_1000).unwrap(); // key 2 matches
    c.gpr[1] = 0xDEAD_BEEF;
    finish(&mut c);
    assert_eq!(get32(&c, 0x804), 0xDEAD_BEEF);
    assert_eq!(c.mem.key(0x800), 0x26);
}

/// GA22-7000 "Multiple Program-Interruption Conditions": access exceptions for the
/// operands of one instruction have equal priority (8.B, 8.C), so which is indicated
/// when the first operand is protected and the second is beyond storage is
/// unpredictable. cpcms follows Hercules 3.13: MVC and MVCL (with a second operand to
/// move) and one-byte NC/OC/XC report the second operand's addressing exception; MVN,
/// MVZ, TR and longer NC/OC/XC the first operand's protection exception.
#[test]
fn operand_order_of_access_exceptions() {
    let code = |insn: Vec<u8>| {
        let mut c = machine(&[insn, halt()]);
        c.set_psw(0x0030_0000_0000_1000).unwrap(); // key 3, storage key 0
        c.gpr[1] = 0x800;
        c.gpr[2] = 0x2_0000; // beyond the 64K of storage
        bc_fields(program_check(&mut c)).0
    };
    assert_eq!(code(ss(0xD2, 0, 1, 0, 2, 0)), 5); // MVC, one byte
    assert_eq!(code(ss(0xD2, 255, 1, 0, 2, 0)), 5); // MVC, 256 bytes
    assert_eq!(code(ss(0xD1, 3, 1, 0, 2, 0)), 4); // MVN
    assert_eq!(code(ss(0xD3, 0, 1, 0, 2, 0)), 4); // MVZ
    assert_eq!(code(ss(0xDC, 3, 1, 0, 2, 0)), 4); // TR
    for op in [0xD4, 0xD6, 0xD7] {
        assert_eq!(code(ss(op, 0, 1, 0, 2, 0)), 5, "{op:02X} one byte");
        assert_eq!(code(ss(op, 1, 1, 0, 2, 0)), 4, "{op:02X} two bytes");
    }
    // MVCL 2,4: R2 = X'800' length R3, R4 beyond storage length R5.
    let mut c = machine(&[rr(0x0E, 2, 4), halt()]);
    c.set_psw(0x0030_0000_0000_1000).unwrap();
    (c.gpr[2], c.gpr[3], c.gpr[4], c.gpr[5]) = (0x800, 4, 0x2_0000, 4);
    assert_eq!(bc_fields(program_check(&mut c)).0, 5);
    assert_eq!(c.gpr[2..6], [0x800, 4, 0x2_0000, 4]); // suppressed
    let mut c = machine(&[rr(0x0E, 2, 4), halt()]);
    c.set_psw(0x0030_0000_0000_1000).unwrap();
    (c.gpr[2], c.gpr[3], c.gpr[4], c.gpr[5]) = (0x800, 4, 0x2_0000, 0); // padding only
    assert_eq!(bc_fields(program_check(&mut c)).0, 4);
}

#[test]
fn fetch_protection() {
    let mut c = machine(&[rx(0x58, 1, 0, 0, 0x804), halt()]);
    c.mem.set_key(0x800, 0x28);
    c.set_psw(0x0030_0000_0000_1000).unwrap();
    assert_eq!(bc_fields(program_check(&mut c)).0, 4);
    let mut c = machine(&[rx(0x58, 1, 0, 0, 0x804), halt()]);
    c.mem.set_key(0x800, 0x20); // no fetch protection: any key may fetch
    c.set_psw(0x0030_0000_0000_1000).unwrap();
    finish(&mut c);
    assert_eq!(c.mem.key(0x800), 0x24);
}

#[test]
fn ssk_isk_rrb() {
    let prog = [
        rr(0x08, 1, 2),  // SSK
        rr(0x09, 3, 2),  // ISK
        s(0xB213, 2, 0), // RRB
        halt(),
    ];
    let mut c = machine(&prog);
    c.gpr[1] = 0x5F; // key 5, F, R, C (bit 31 dropped)
    c.gpr[2] = 0x800;
    c.gpr[3] = 0xFFFF_FFFF;
    finish(&mut c);
    assert_eq!(c.gpr[3], 0xFFFF_FF58); // BC mode: key and F only
    assert_eq!(cc(&c), 3);
    assert_eq!(c.mem.key(0x800), 0x5A); // reference bit reset

    let mut c = machine(&prog);
    c.set_psw(0x0008_0000_0000_1000).unwrap();
    c.gpr[1] = 0x5E;
    c.gpr[2] = 0x800;
    finish(&mut c);
    assert_eq!(c.gpr[3] & 0xFF, 0x5E); // EC mode: R and C too

    let mut c = machine(&[rr(0x08, 1, 2)]);
    c.gpr[2] = 0x801;
    assert_eq!(bc_fields(program_check(&mut c)).0, 6);
    let mut c = machine(&[rr(0x08, 1, 2)]);
    c.gpr[2] = 0x20_0000;
    assert_eq!(bc_fields(program_check(&mut c)).0, 5);
}

#[test]
fn addressing_exception_beyond_storage() {
    let mut c = machine(&[rx(0x58, 1, 0, 2, 0), halt()]);
    c.gpr[2] = 0x10_0000;
    assert_eq!(bc_fields(program_check(&mut c)), (5, 4, ORG + 4));
}

#[test]
fn ipk_and_spka() {
    let mut c = machine(&[s(0xB20A, 0, 0x70), s(0xB20B, 0, 0), halt()]);
    c.gpr[2] = 0xAAAA_AAAA;
    c.mem.set_key(0x1000, 0x70);
    c.mem.set_key(0, 0x70);
    finish(&mut c);
    assert_eq!(c.gpr[2], 0xAAAA_AA70);
    // Problem state without extraction authority: IPK is privileged.
    let mut c = machine(&[s(0xB20B, 0, 0)]);
    c.set_psw(BC_PROBLEM).unwrap();
    assert_eq!(bc_fields(program_check(&mut c)).0, 2);
}

// ---------------------------------------------------------------- control

#[test]
fn lctl_stctl_round_trip_with_wrap() {
    let mut c = machine(&[rs(0xB7, 15, 1, 0, 0x800), rs(0xB6, 14, 2, 0, 0x900), halt()]);
    put32(&mut c, 0x800, 0xF);
    put32(&mut c, 0x804, 0x0000_00E0);
    put32(&mut c, 0x808, 0x11);
    finish(&mut c);
    assert_eq!((c.cr[15], c.cr[0], c.cr[1]), (0xF, 0xE0, 0x11));
    assert_eq!(get32(&c, 0x904), 0xF);
    assert_eq!(get32(&c, 0x90C), 0x11);
    let mut c = machine(&[rs(0xB7, 0, 0, 0, 0x802)]);
    assert_eq!(bc_fields(program_check(&mut c)).0, 6);
}

#[test]
fn stidp_stap_stpx_spx_sigp() {
    let mut c = machine(&[
        s(0xB202, 0, 0x800),
        s(0xB212, 0, 0x808),
        s(0xB210, 0, 0x80C),
        s(0xB211, 0, 0x810),
        rs(0xAE, 4, 5, 0, 1),
        halt(),
    ]);
    put32(&mut c, 0x80C, 0);
    c.gpr[5] = 1;
    finish(&mut c);
    assert_eq!(get64(&c, 0x800), 0x0100_1234_3158_0000);
    assert_eq!(bytes(&c, 0x808, 2), vec![0, 0]);
    assert_eq!(get32(&c, 0x810), 0);
    assert_eq!(cc(&c), 3);
}

#[test]
fn nonzero_prefix_swaps_page_zero() {
    // SPX X'4000': real 0-FFF is absolute 4000-4FFF and vice versa.
    let mut c = machine(&[s(0xB210, 0, 0x800), rx(0x50, 1, 0, 0, 0x10), halt()]);
    put32(&mut c, 0x800, 0x4000);
    put64(&mut c, 0x4200, DONE); // the halt's LPSW X'200' now reads absolute X'4200'
    c.gpr[1] = 0x1234_5678;
    finish(&mut c);
    assert_eq!(get32(&c, 0x4010), 0x1234_5678);
    assert_eq!(get32(&c, 0x10), 0);
    assert_eq!(c.prefix(), 0x4000);
}

#[test]
fn monitor_call() {
    let mut c = machine(&[si(0xAF, 0x03, 0, 0x123), si(0xAF, 0x02, 0, 0x456), halt()]);
    c.cr[8] = 0x0000_2000; // class 2 only
    put32(&mut c, 0x94, 0xFFFF_FFFF);
    let old = program_check(&mut c);
    assert_eq!(bc_fields(old), (0x40, 4, ORG + 8));
    // Class at X'95' and zeros at X'94'; X'96' (PER code) is not touched.
    assert_eq!(bytes(&c, 0x94, 4), vec![0, 2, 0xFF, 0xFF]);
    assert_eq!(get32(&c, 0x9C), 0x456);
    let mut c = machine(&[si(0xAF, 0x13, 0, 0)]);
    assert_eq!(bc_fields(program_check(&mut c)).0, 6);
}

#[test]
fn floating_point_loads_and_stores() {
    let mut c = machine(&[
        rx(0x68, 2, 0, 0, 0x800), // LD 2
        rx(0x78, 4, 0, 0, 0x808), // LE 4
        rr(0x33, 6, 2),           // LCER 6,2
        rx(0x60, 4, 0, 0, 0x810), // STD 4
        rx(0x70, 6, 0, 0, 0x818), // STE 6
        halt(),
    ]);
    put64(&mut c, 0x800, 0x4110_0000_0000_0001);
    put32(&mut c, 0x808, 0xC220_0000);
    c.fpr[2] = 0x0000_0000_FFFF_FFFF;
    finish(&mut c);
    assert_eq!(c.fpr[1], 0x4110_0000_0000_0001);
    assert_eq!(c.fpr[2], 0xC220_0000_FFFF_FFFF);
    assert_eq!(get64(&c, 0x810), 0xC220_0000_FFFF_FFFF);
    assert_eq!(get32(&c, 0x818), 0xC110_0000);
    assert_eq!(cc(&c), 1);
    let mut c = machine(&[rr(0x38, 1, 2)]);
    assert_eq!(bc_fields(program_check(&mut c)).0, 6);
}

// ---------------------------------------------------------------- DAT

/// 4K pages, 64K segments, segment table at X'3000' (STL 0 = 16 entries): segment 0
/// maps pages 0 -> 0, 1 -> 1, 2 -> 5, 3 invalid; segment 1 invalid.
fn dat_machine(prog: &[Vec<u8>], ptl: u32) -> Cpu {
    let mut c = machine(prog);
    c.cr[0] = 0x0080_0000;
    c.cr[1] = 0x0000_3000;
    put32(&mut c, 0x3000, (ptl << 28) | 0x3100);
    put32(&mut c, 0x3004, 0x0000_0001);
    for i in 2..16 {
        put32(&mut c, 0x3000 + 4 * i, 1);
    }
    let ptes: [u16; 16] = [
        0x0000, 0x0010, 0x0050, 0x0008, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
    ];
    for (i, p) in ptes.iter().enumerate() {
        c.mem.load(0x3100 + 2 * i as u32, &p.to_be_bytes()).unwrap();
    }
    c.set_psw(0x0408_0000_0000_1000).unwrap();
    c
}

#[test]
fn dat_translates_through_segment_and_page_tables() {
    let mut c = dat_machine(&[rx(0x58, 1, 0, 2, 4), rx(0x50, 1, 0, 2, 8), halt()], 15);
    c.gpr[2] = 0x2000;
    put32(&mut c, 0x5004, 0xCAFE_F00D);
    finish(&mut c);
    assert_eq!(c.gpr[1], 0xCAFE_F00D);
    assert_eq!(get32(&c, 0x5008), 0xCAFE_F00D);
    assert_eq!(get32(&c, 0x2008), 0);
}

#[test]
fn page_translation_exception_nullifies_and_stores_the_address() {
    let mut c = dat_machine(&[rr(0x18, 0, 0), rx(0x58, 1, 0, 2, 0xA04), halt()], 15);
    c.gpr[2] = 0x3000;
    let old = program_check(&mut c);
    assert_eq!(old, 0x0408_0000_0000_1002); // points at the L: nullified
    assert_eq!(bytes(&c, 0x8C, 4), vec![0, 4, 0, 0x11]);
    assert_eq!(get32(&c, 0x90), 0x3000);
}

/// Hercules 3.13 stores the translation-exception address rounded down to 2K even
/// with 4K pages (it would show X'3800' here); the POO stores the page address bits
/// (8-19 for 4K pages). Keep following the POO.
#[test]
fn hercules_deviation_translation_exception_address_is_the_4k_page() {
    let mut c = dat_machine(&[rx(0x58, 1, 0, 2, 0xA04)], 15);
    c.gpr[2] = 0x3000;
    program_check(&mut c);
    assert_eq!(get32(&c, 0x90), 0x3000);
}

/// Hercules 3.13 checks the page-table length only when the length field is 0; the
/// POO compares the leftmost page-index bits with PTL for every value. PTL = 1 covers
/// pages 0-1 of a 64K segment of 4K pages, so page 2 is a page-translation exception.
#[test]
fn hercules_deviation_page_table_length_checked_for_nonzero_ptl() {
    let mut c = dat_machine(&[rx(0x58, 1, 0, 2, 0)], 1);
    c.gpr[2] = 0x2000;
    let old = program_check(&mut c);
    assert_eq!(
        (old as u32 & 0xFF_FFFF, get32(&c, 0x8C)),
        (0x1000, 0x0004_0011)
    );
}

#[test]
fn segment_translation_exceptions() {
    // Segment 1 invalid.
    let mut c = dat_machine(&[rx(0x58, 1, 0, 2, 0)], 15);
    c.gpr[2] = 0x1_0000;
    program_check(&mut c);
    assert_eq!((get32(&c, 0x8C), get32(&c, 0x90)), (0x0004_0010, 0x1_0000));
    // Beyond the segment-table length.
    let mut c = dat_machine(&[rx(0x58, 1, 0, 2, 0)], 15);
    c.gpr[2] = 0x10_0000;
    program_check(&mut c);
    assert_eq!(get32(&c, 0x8C), 0x0004_0010);
}

#[test]
fn translation_specification_exception_on_fetch_advances_by_the_ilc() {
    let mut c = dat_machine(&[rx(0x58, 1, 0, 2, 0)], 15);
    c.cr[0] = 0x00C0_0000; // page size code 11: invalid
    c.gpr[2] = 0x2000;
    // The instruction fetch itself is translated: the exception hits it, and (as for
    // addressing and protection on a fetch) the ILC is 2 with the address past it.
    let old = program_check(&mut c);
    assert_eq!(bytes(&c, 0x8C, 4), vec![0, 4, 0, 0x12]);
    assert_eq!(old as u32 & 0xFF_FFFF, 0x1004);
}

#[test]
fn page_translation_exception_on_fetch_nullifies_with_ilc_2() {
    // POO: the ILC is 1, 2 or 3 (2 here) and the address is not advanced.
    let mut c = dat_machine(&[], 15);
    c.set_psw(0x0408_0000_0000_3000).unwrap(); // page 3 is invalid
    let old = program_check(&mut c);
    assert_eq!(old as u32 & 0xFF_FFFF, 0x3000);
    assert_eq!(bytes(&c, 0x8C, 4), vec![0, 4, 0, 0x11]);
    c.set_psw(0x0408_0000_00F0_0000).unwrap(); // segment 15 is beyond the table
    let old = program_check(&mut c);
    assert_eq!(old as u32 & 0xFF_FFFF, 0xF0_0000);
    assert_eq!(bytes(&c, 0x8C, 4), vec![0, 4, 0, 0x10]);
}

#[test]
fn lra_condition_codes() {
    let prog = [
        rx(0xB1, 4, 0, 0, 0x204), // cc0
        rr(0x05, 5, 0),
        rx(0xB1, 6, 0, 2, 0), // seg 1 invalid: cc1
        rr(0x05, 7, 0),
        rx(0xB1, 8, 0, 3, 0), // page 3 invalid: cc2
        rr(0x05, 9, 0),
        rx(0xB1, 10, 0, 11, 0), // beyond STL: cc3
        halt(),
    ];
    let mut c = dat_machine(&prog, 15);
    c.set_psw(0x0008_0000_0000_1000).unwrap(); // LRA works with DAT off too
    c.gpr[2] = 0x1_0000;
    c.gpr[3] = 0x3000;
    c.gpr[11] = 0x10_0000;
    finish(&mut c);
    assert_eq!((c.gpr[4], (c.gpr[5] >> 28) & 3), (0x204, 0));
    assert_eq!((c.gpr[6], (c.gpr[7] >> 28) & 3), (0x3004, 1));
    assert_eq!((c.gpr[8], (c.gpr[9] >> 28) & 3), (0x3106, 2));
    assert_eq!((c.gpr[10], cc(&c)), (0x3040, 3));
}

#[test]
fn tlb_is_purged_by_ptlb() {
    let prog = [
        rx(0x58, 1, 0, 2, 0),
        si(0xAC, 0xFB, 0, 0x800), // STNSM: DAT off
        rx(0x40, 3, 0, 4, 0x104), // STH new PTE for page 2 -> frame 6
        si(0xAD, 0x04, 0, 0x800), // STOSM: DAT on
        rx(0x58, 4, 0, 2, 0),     // stale TLB entry still maps to frame 5
        s(0xB20D, 0, 0),
        rx(0x58, 5, 0, 2, 0),
        halt(),
    ];
    let mut c = dat_machine(&prog, 15);
    c.gpr[2] = 0x2000;
    c.gpr[3] = 0x0060;
    c.gpr[4] = 0x3000;
    put32(&mut c, 0x5000, 5);
    put32(&mut c, 0x6000, 6);
    finish(&mut c);
    assert_eq!((c.gpr[1], c.gpr[4], c.gpr[5]), (5, 5, 6));
}

// ---------------------------------------------------------------- timers

#[test]
fn cpu_timer_interrupts_in_the_wait_state() {
    let mut c = machine(&[
        s(0xB208, 0, 0x800),      // SPT
        rs(0xB7, 0, 0, 0, 0x808), // LCTL CR0 (CPU-timer mask)
        si(0x82, 0, 0, 0x810),    // LPSW enabled wait
    ]);
    put64(&mut c, 0x800, 1_000_000);
    put32(&mut c, 0x808, 0x0000_0400);
    put64(&mut c, 0x810, EC_WAIT_EXT);
    let mut bus = TestBus::default();
    assert_eq!(run_with(&mut c, &mut bus, 1 << 40), Stop::DisabledWait);
    assert_eq!(c.psw() & !0xC000_0000, EXT_NEW);
    assert_eq!(get64(&c, 0x18), EC_WAIT_EXT);
    assert_eq!(bytes(&c, 0x84, 4), vec![0, 0, 0x10, 0x05]);
    assert_eq!(c.cpu_timer(), -1); // time jumped exactly to the expiry
}

#[test]
fn clock_comparator_fires_when_tod_exceeds_it_bc_mode() {
    let mut c = machine(&[
        s(0xB206, 0, 0x800),
        rs(0xB7, 0, 0, 0, 0x808),
        si(0x82, 0, 0, 0x810),
    ]);
    c.tod_epoch = 1_000_000;
    put64(&mut c, 0x800, 1_050_000);
    put32(&mut c, 0x808, 0x0000_0800);
    put64(&mut c, 0x810, 0x0102_0000_0000_0000); // BC, external mask, wait
    let mut bus = TestBus::default();
    assert_eq!(run_with(&mut c, &mut bus, 1 << 40), Stop::DisabledWait);
    assert_eq!(c.tod(), 1_050_001);
    assert_eq!(bc_fields(get64(&c, 0x18)).0, 0x1004);
}

#[test]
fn clock_comparator_has_priority_over_cpu_timer() {
    let mut c = machine(&[si(0x82, 0, 0, 0x810)]);
    c.cr[0] = 0x0000_0C00;
    c.ckc = 0;
    c.tod_epoch = 10;
    c.cpt_origin = 0; // timer already negative after the first instruction
    put64(&mut c, 0x810, EC_WAIT_EXT);
    go(&mut c);
    assert_eq!(bytes(&c, 0x86, 2), vec![0x10, 0x04]);
}

/// The word at X'84'-X'87' after one external interruption for `cond` taken from an
/// enabled wait in the EC or BC mode, with X'A5A5A5A5' there before; and the code.
fn ext_word_after(cond: &str, ec: bool) -> (Vec<u8>, u16) {
    let mut c = machine(&[si(0x82, 0, 0, 0x810)]);
    let wait = if ec {
        EC_WAIT_EXT
    } else {
        0x0102_0000_0000_0000
    };
    put64(&mut c, 0x810, wait);
    put32(&mut c, 0x84, 0xA5A5_A5A5);
    match cond {
        "cpu timer" => {
            c.cr[0] = 0x0000_0400;
            c.cpt_origin = 0;
        }
        "clock comparator" => {
            c.cr[0] = 0x0000_0800;
            c.ckc = 0;
            c.tod_epoch = 10;
        }
        "interval timer" => {
            c.cr[0] = 0x0000_0080;
            c.itimer_pending = true;
        }
        "interrupt key" => {
            c.cr[0] = 0x0000_0040;
            c.press_interrupt_key();
        }
        "emergency signal" => {
            c.cr[0] = 0x0000_4000;
            c.signal_emergency();
        }
        "external call" => {
            c.cr[0] = 0x0000_2000;
            assert!(c.signal_external_call());
        }
        _ => unreachable!(),
    }
    assert_eq!(go(&mut c), Stop::DisabledWait, "{cond}");
    assert_eq!(c.psw() & !0xC000_0000, EXT_NEW, "{cond}");
    let old = get64(&c, 0x18);
    let code = if ec {
        assert_eq!(old, wait, "{cond}");
        let b = bytes(&c, 0x86, 2);
        u16::from_be_bytes([b[0], b[1]])
    } else {
        bc_fields(old).0
    };
    (bytes(&c, 0x84, 4), code)
}

/// POO, assigned locations 132-135: in the EC mode X'84'-X'85' get the signalling
/// CPU's address (emergency signal, external call) or zeros, X'86'-X'87' the code; in
/// the BC mode the code goes into the old PSW, X'86' is not stored, and X'84'-X'85'
/// get the CPU address for the signals and are left unchanged for everything else.
/// (Hercules 3.13 zeros X'84'-X'85' in the BC mode as well: tests/hercules `extaddr`.)
#[test]
fn external_cpu_address_halfword_by_condition_and_mode() {
    let cases: [(&str, u16, bool); 6] = [
        ("cpu timer", 0x1005, false),
        ("clock comparator", 0x1004, false),
        ("interval timer", 0x0080, false),
        ("interrupt key", 0x0040, false),
        ("emergency signal", 0x1201, true),
        ("external call", 0x1202, true),
    ];
    for (cond, code, signal) in cases {
        let [hi, lo] = code.to_be_bytes();
        assert_eq!(
            ext_word_after(cond, true),
            (vec![0, 0, hi, lo], code),
            "EC {cond}"
        );
        let bc_addr = if signal { vec![0, 0] } else { vec![0xA5, 0xA5] };
        let bc = [bc_addr, vec![0xA5, 0xA5]].concat();
        assert_eq!(ext_word_after(cond, false), (bc, code), "BC {cond}");
    }
}

#[test]
fn stck_sck_stpt_stckc() {
    let mut c = machine(&[
        s(0xB205, 0, 0x800),
        s(0xB204, 0, 0x808),
        s(0xB205, 0, 0x810),
        s(0xB208, 0, 0x818),
        s(0xB209, 0, 0x820),
        s(0xB206, 0, 0x808),
        s(0xB207, 0, 0x828),
        halt(),
    ]);
    c.tod_epoch = 0x7000_0000_0000_0000;
    put64(&mut c, 0x808, 0x1234_0000_0000_0000);
    put64(&mut c, 0x818, 1_000_000);
    finish(&mut c);
    let step = c.step;
    assert_eq!(get64(&c, 0x800), 0x7000_0000_0000_0000 + step);
    assert_eq!(get64(&c, 0x810), 0x1234_0000_0000_0000 + step);
    assert_eq!(get64(&c, 0x820), 1_000_000 - step);
    assert_eq!(get64(&c, 0x828), 0x1234_0000_0000_0000);
}

#[test]
fn enabled_wait_returns_wait_at_the_deadline() {
    let mut c = machine(&[si(0x82, 0, 0, 0x810)]);
    put64(&mut c, 0x810, 0x0102_0000_0000_0000);
    let mut bus = TestBus::default();
    assert_eq!(run_with(&mut c, &mut bus, 123_456), Stop::Wait);
    assert_eq!(c.now, 123_456);
    assert!(c.waiting());
    // Running again with a later deadline waits on.
    assert_eq!(run_with(&mut c, &mut bus, 200_000), Stop::Wait);
    assert_eq!(c.now, 200_000);
}

#[test]
fn deadline_and_instruction_budget() {
    let mut c = machine(&[rx(0x47, 15, 0, 12, 0)]); // B *
    let mut bus = TestBus::default();
    assert_eq!(
        c.run(&mut bus, &mut NoTrace, u64::MAX, 1000),
        Stop::Deadline
    );
    assert_eq!(c.instructions, 1000);
    assert_eq!(
        c.run(&mut bus, &mut NoTrace, c.now + 10 * c.step, u64::MAX),
        Stop::Deadline
    );
    assert_eq!(c.instructions, 1010);
}

// ---------------------------------------------------------------- I/O

#[test]
fn channel_instructions_set_cc_and_store_csw() {
    let mut c = machine(&[
        s(0x9C00, 0, 0x190),
        rr(0x05, 4, 0),
        s(0x9D00, 0, 0x190),
        rr(0x05, 5, 0),
        s(0x9E00, 0, 0x191),
        rr(0x05, 6, 0),
        s(0x9F00, 0, 0x500),
        halt(),
    ]);
    let mut bus = TestBus {
        sio: Some(IoCc::Cc1Csw([1, 2, 3, 4, 5, 6, 7, 8])),
        ..Default::default()
    };
    assert_eq!(run_with(&mut c, &mut bus, u64::MAX), Stop::DisabledWait);
    assert_eq!(bytes(&c, 0x40, 8), vec![1, 2, 3, 4, 5, 6, 7, 8]);
    assert_eq!((c.gpr[4] >> 28) & 3, 1);
    assert_eq!((c.gpr[5] >> 28) & 3, 0);
    assert_eq!((c.gpr[6] >> 28) & 3, 1);
    assert_eq!(cc(&c), 3);
    assert_eq!(
        bus.calls,
        vec![("sio", 0x190), ("tio", 0x190), ("hio", 0x191), ("tch", 5)]
    );
}

#[test]
fn io_interruption_bc_mode_device_in_old_psw() {
    let mut c = machine(&[si(0x82, 0, 0, 0x810)]);
    put64(&mut c, 0x810, 0x4002_0000_0000_0000); // channel 1 mask, wait
    let mut bus = TestBus::default();
    bus.pending.push((0x0190, [9; 8]));
    assert_eq!(run_with(&mut c, &mut bus, u64::MAX), Stop::DisabledWait);
    assert_eq!(c.psw() & !0xC000_0000, IO_NEW);
    assert_eq!(bc_fields(get64(&c, 0x38)).0, 0x0190);
    assert_eq!(bytes(&c, 0x40, 8), vec![9; 8]);
    assert_eq!(bus.masks_seen, vec![0x4000]);
}

#[test]
fn io_interruption_ec_mode_after_a_device_event() {
    let mut c = machine(&[si(0x82, 0, 0, 0x810)]);
    put64(&mut c, 0x810, 0x020A_0000_0000_0000); // EC, I/O mask, wait
    let mut bus = TestBus {
        event_at: Some(50_000),
        on_event: Some((0x0012, [7; 8])),
        ..Default::default()
    };
    assert_eq!(run_with(&mut c, &mut bus, u64::MAX), Stop::DisabledWait);
    assert_eq!(bus.advanced_at, vec![50_000]);
    assert_eq!(c.now, 50_000);
    assert_eq!(bytes(&c, 0xBA, 2), vec![0x00, 0x12]);
    assert_eq!(get64(&c, 0x38), 0x020A_0000_0000_0000);
}

#[test]
fn masked_channel_stays_pending() {
    let mut c = machine(&[si(0x82, 0, 0, 0x810)]);
    put64(&mut c, 0x810, 0x8002_0000_0000_0000); // only channel 0 enabled
    let mut bus = TestBus::default();
    bus.pending.push((0x0190, [0; 8]));
    assert_eq!(run_with(&mut c, &mut bus, 10_000), Stop::Wait);
    assert_eq!(bus.pending.len(), 1);
}

#[test]
fn disabled_wait_stops() {
    let mut c = machine(&[halt()]);
    assert_eq!(go(&mut c), Stop::DisabledWait);
    assert!(c.waiting());
}

// ---------------------------------------------------------------- accounting, tracing

#[test]
fn problem_state_instructions_are_credited_to_cr1() {
    let mut c = machine(&[si(0x82, 0, 0, 0x800)]);
    put64(&mut c, 0x800, 0x0001_0000_0000_1100);
    c.mem
        .load(
            0x1100,
            &[
                rr(0x1A, 1, 1),
                rr(0x1A, 1, 1),
                rr(0x1A, 1, 1),
                rr(0x0A, 0, 1),
            ]
            .concat(),
        )
        .unwrap();
    c.cr[1] = 0xABCD;
    go(&mut c);
    assert_eq!(c.problem_instructions, vec![(0xABCD, 4)]);
}

/// The trap log: a privileged instruction in the problem state is logged with its
/// address space, address and bytes, and the instructions the supervisor ran until it
/// next entered the problem state; nothing is logged until it is enabled.
#[test]
fn trap_log_records_privileged_operations_and_the_way_back() {
    let build = || {
        let mut c = machine(&[si(0x82, 0, 0, 0x800)]);
        put64(&mut c, 0x800, 0x0001_0000_0000_1100); // problem state at 1100
        put64(&mut c, 0x808, 0x0001_0000_0000_1110); // problem state at 1110
        put64(&mut c, 0x68, 0x0000_0000_0000_1200); // program new PSW: the "CP" at 1200
        let ssm = s(0x8000, 0, 0x10).to_vec();
        c.mem
            .load(0x1100, &[rr(0x1A, 1, 1), ssm.clone()].concat())
            .unwrap();
        c.mem.load(0x1110, &[rr(0x1A, 1, 1), ssm].concat()).unwrap();
        // BCT 2,X'208'(12) (R12 = X'1000'); halt at 1204; LPSW X'808' at 1208.
        c.mem
            .load(
                0x1200,
                &[
                    rx(0x46, 2, 0, 12, 0x208),
                    si(0x82, 0, 0, 0x200),
                    si(0x82, 0, 0, 0x808),
                ]
                .concat(),
            )
            .unwrap();
        c.gpr[2] = 2;
        c.cr[1] = 0xABCD;
        c
    };
    let mut off = build();
    go(&mut off);
    assert!(!off.traps.enabled());
    assert_eq!(off.traps.since(0).count(), 0);

    let mut c = build();
    c.traps.enable();
    go(&mut c);
    let ev: Vec<TrapEvent> = c.traps.since(0).copied().collect();
    assert_eq!(ev.len(), 2, "{ev:?}");
    assert_eq!((ev[0].seq, ev[0].cr1, ev[0].addr), (1, 0xABCD, 0x1102));
    assert_eq!(ev[0].instruction(), &[0x80, 0x00, 0x00, 0x10]);
    // BCT and LPSW: two supervisor instructions until the problem state again.
    assert_eq!(ev[0].cp_instructions, Some(2));
    assert_eq!(ev[1].addr, 0x1112);
    assert_eq!(ev[1].cp_instructions, None, "never dispatched again");
    assert!(ev[1].now > ev[0].now);
    assert_eq!(c.traps.since(1).count(), 1);
    assert_eq!(c.traps.written(), 2);
}

#[derive(Default)]
struct Counting {
    instructions: u32,
    interruptions: Vec<(InterruptClass, u16)>,
}
impl Tracer for Counting {
    fn instruction(&mut self, _cpu: &Cpu, _addr: u32, _bytes: &[u8]) {
        self.instructions += 1;
    }
    fn interruption(&mut self, _c: &Cpu, class: InterruptClass, code: u16, _o: u64, _n: u64) {
        self.interruptions.push((class, code));
    }
}

#[test]
fn tracer_sees_instructions_and_interruptions() {
    let mut c = machine(&[rr(0x18, 1, 2), rr(0x0A, 0, 9)]);
    let mut t = Counting::default();
    let mut bus = TestBus::default();
    c.run(&mut bus, &mut t, u64::MAX, 100);
    assert_eq!(t.instructions, 2);
    assert_eq!(t.interruptions, vec![(InterruptClass::Svc, 9)]);
}

// ---------------------------------------------------------------- fuzz

/// Random storage, random PSWs and control registers: the CPU must never panic, and
/// must respect its budget.
#[test]
fn fuzz_random_storage_and_psws_never_panics() {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..200 {
        let mut c = Cpu::new(64 * 1024, 10.0, next());
        for chunk in c.mem.bytes_mut().chunks_mut(8) {
            let v = next().to_be_bytes();
            chunk.copy_from_slice(&v[..chunk.len()]);
        }
        for k in 0..32 {
            c.mem.set_key(k * 2048, next() as u8);
        }
        for r in c.gpr.iter_mut() {
            *r = next() as u32;
        }
        if round % 2 == 0 {
            // Plausible DAT setup half of the time.
            c.cr[0] = [0x0080_0000, 0x0040_0000, 0x0050_0000, next() as u32][round % 4];
            c.cr[1] = next() as u32 & 0x0F00_FFC0;
        } else {
            c.cr[0] = next() as u32;
            c.cr[1] = next() as u32;
        }
        c.cr[8] = next() as u32;
        c.load_psw(next());
        let mut bus = TestBus {
            sio: Some(IoCc::Cc1Csw([0xFF; 8])),
            event_at: Some(next() % 100_000),
            on_event: Some((next() as u16 & 0x0FFF, [1; 8])),
            ..Default::default()
        };
        let before = c.instructions;
        let stop = c.run(&mut bus, &mut NoTrace, 5_000_000, 3_000);
        assert!(c.instructions - before <= 3_000, "round {round}: {stop:?}");
        assert!(
            c.now <= 5_000_000 + c.step,
            "round {round}: time ran past the deadline"
        );
        match stop {
            Stop::DisabledWait => assert!(c.waiting()),
            Stop::Checkstop => assert!(c.checkstopped()),
            Stop::Wait => assert_eq!(c.now, 5_000_000),
            Stop::Deadline => {}
        }
    }
}

// ---------------------------------------------------------------- decimal

#[test]
fn cvd_cvb_round_trip() {
    let mut c = machine(&[rx(0x4E, 1, 0, 0, 0x800), rx(0x4F, 2, 0, 0, 0x800), halt()]);
    c.gpr[1] = (-1234567i32) as u32;
    finish(&mut c);
    assert_eq!(get64(&c, 0x800), 0x0000_0000_1234_567D);
    assert_eq!(c.gpr[2] as i32, -1234567);
}

#[test]
fn cvb_invalid_sign_is_a_data_exception() {
    let mut c = machine(&[rx(0x4F, 2, 0, 0, 0x800)]);
    put64(&mut c, 0x800, 0x0000_0000_0000_0123);
    assert_eq!(bc_fields(program_check(&mut c)).0, 7);
}

#[test]
fn add_subtract_zap_compare_decimal() {
    let mut c = machine(&[
        ss(0xFA, 0x21, 0, 0x800, 0, 0x810), // AP 3 bytes + 2 bytes
        ss(0xFB, 0x21, 0, 0x808, 0, 0x810), // SP
        ss(0xF8, 0x21, 0, 0x818, 0, 0x810), // ZAP
        ss(0xF9, 0x21, 0, 0x800, 0, 0x810), // CP
        halt(),
    ]);
    c.mem.load(0x800, &[0x00, 0x99, 0x9C]).unwrap();
    c.mem.load(0x808, &[0x00, 0x00, 0x1C]).unwrap();
    c.mem.load(0x810, &[0x00, 0x2D]).unwrap();
    finish(&mut c);
    assert_eq!(bytes(&c, 0x800, 3), vec![0x00, 0x99, 0x7C]);
    assert_eq!(bytes(&c, 0x808, 3), vec![0x00, 0x00, 0x3C]);
    assert_eq!(bytes(&c, 0x818, 3), vec![0x00, 0x00, 0x2D]);
    assert_eq!(cc(&c), 2);
}

#[test]
fn decimal_overflow_sets_cc3() {
    let mut c = machine(&[ss(0xFA, 0x00, 0, 0x800, 0, 0x801), halt()]);
    c.mem.load(0x800, &[0x9C, 0x1C]).unwrap();
    finish(&mut c);
    assert_eq!(bytes(&c, 0x800, 1), vec![0x0C]);
    assert_eq!(cc(&c), 3);
}

#[test]
fn multiply_divide_decimal() {
    let mut c = machine(&[
        ss(0xFC, 0x31, 0, 0x800, 0, 0x810), // MP 4 bytes x 2 bytes
        ss(0xFD, 0x31, 0, 0x808, 0, 0x812), // DP
        halt(),
    ]);
    c.mem.load(0x800, &[0x00, 0x00, 0x12, 0x3C]).unwrap();
    c.mem.load(0x810, &[0x01, 0x0D]).unwrap(); // -10
    c.mem.load(0x808, &[0x00, 0x01, 0x00, 0x7C]).unwrap(); // 1007
    c.mem.load(0x812, &[0x01, 0x0C]).unwrap(); // 10
    finish(&mut c);
    assert_eq!(bytes(&c, 0x800, 4), vec![0x00, 0x01, 0x23, 0x0D]);
    assert_eq!(bytes(&c, 0x808, 4), vec![0x10, 0x0C, 0x00, 0x7C]);
    let mut c = machine(&[ss(0xFD, 0x31, 0, 0x808, 0, 0x812)]);
    c.mem.load(0x808, &[0x00, 0x01, 0x00, 0x7C]).unwrap();
    c.mem.load(0x812, &[0x00, 0x0C]).unwrap();
    assert_eq!(bc_fields(program_check(&mut c)).0, 0x0B);
}

/// Found by the random streams against Hercules: MP and DP give zero products,
/// quotients and remainders their algebraic signs (POO: "even if one or both operands
/// are zeros" / "even when the quotient or remainder is zero").
#[test]
fn mp_dp_signs_of_zero_results() {
    let mut c = machine(&[
        ss(0xFC, 0x31, 0, 0x800, 0, 0x810), // MP +0 x -10
        ss(0xFD, 0x31, 0, 0x808, 0, 0x812), // DP -20 / +10: remainder -0
        ss(0xFD, 0x31, 0, 0x820, 0, 0x814), // DP +3 / -10: quotient -0
        halt(),
    ]);
    c.mem.load(0x800, &[0x00, 0x00, 0x00, 0x0C]).unwrap();
    c.mem.load(0x810, &[0x01, 0x0D]).unwrap();
    c.mem.load(0x808, &[0x00, 0x00, 0x02, 0x0D]).unwrap();
    c.mem.load(0x812, &[0x01, 0x0C]).unwrap();
    c.mem.load(0x820, &[0x00, 0x00, 0x00, 0x3C]).unwrap();
    c.mem.load(0x814, &[0x01, 0x0D]).unwrap();
    finish(&mut c);
    assert_eq!(bytes(&c, 0x800, 4), vec![0x00, 0x00, 0x00, 0x0D]);
    assert_eq!(bytes(&c, 0x808, 4), vec![0x00, 0x2D, 0x00, 0x0D]);
    assert_eq!(bytes(&c, 0x820, 4), vec![0x00, 0x0D, 0x00, 0x3C]);
}

#[test]
fn pack_unpk_mvo() {
    let mut c = machine(&[
        ss(0xF2, 0x24, 0, 0x800, 0, 0x810), // PACK 3 <- 5
        ss(0xF3, 0x42, 0, 0x820, 0, 0x800), // UNPK 5 <- 3
        ss(0xF1, 0x21, 0, 0x830, 0, 0x838), // MVO
        halt(),
    ]);
    c.mem.load(0x810, &[0xF1, 0xF2, 0xF3, 0xF4, 0xC5]).unwrap();
    c.mem.load(0x830, &[0x77, 0x88, 0x9C]).unwrap();
    c.mem.load(0x838, &[0x12, 0x34]).unwrap();
    finish(&mut c);
    assert_eq!(bytes(&c, 0x800, 3), vec![0x12, 0x34, 0x5C]);
    assert_eq!(bytes(&c, 0x820, 5), vec![0xF1, 0xF2, 0xF3, 0xF4, 0xC5]);
    assert_eq!(bytes(&c, 0x830, 3), vec![0x01, 0x23, 0x4C]);
}

#[test]
fn edit_and_edmk() {
    // Pattern: fill blank, digits with a comma and a significance starter.
    let pattern = [
        0x40, 0x20, 0x20, 0x6B, 0x20, 0x21, 0x20, 0x4B, 0x20, 0x20, 0x60,
    ];
    let mut c = machine(&[ss(0xDF, 10, 0, 0x800, 0, 0x810), halt()]);
    c.mem.load(0x800, &pattern).unwrap();
    c.mem.load(0x810, &[0x00, 0x12, 0x34, 0x5D]).unwrap(); // -123.45
    finish(&mut c);
    assert_eq!(c.gpr[1], 0x804); // EDMK: first significant digit
    assert_eq!(
        bytes(&c, 0x800, 11),
        vec![
            0x40, 0x40, 0x40, 0x40, 0xF1, 0xF2, 0xF3, 0x4B, 0xF4, 0xF5, 0x60
        ]
    );
    assert_eq!(cc(&c), 1);
    // Significance forced by X'21': EDMK leaves R1 alone; a plus sign blanks the minus.
    let mut c = machine(&[ss(0xDF, 10, 0, 0x800, 0, 0x810), halt()]);
    c.gpr[1] = 0xAA00_0000;
    c.mem.load(0x800, &pattern).unwrap();
    c.mem.load(0x810, &[0x00, 0x00, 0x00, 0x5C]).unwrap(); // +0.05
    finish(&mut c);
    assert_eq!(
        bytes(&c, 0x800, 11),
        vec![
            0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0xF0, 0x4B, 0xF0, 0xF5, 0x40
        ]
    );
    assert_eq!(c.gpr[1], 0xAA00_0000);
    assert_eq!(cc(&c), 2);
}

/// Found by the random streams against Hercules: ED stops at an invalid source digit
/// with the bytes edited so far stored (termination, which the POO permits for a data
/// exception on a digit; Hercules 3.13 does it).
#[test]
fn ed_terminates_at_an_invalid_digit_keeping_what_it_edited() {
    let mut c = machine(&[ss(0xDE, 3, 0, 0x800, 0, 0x810)]);
    c.mem.load(0x800, &[0x40, 0x20, 0x20, 0x20]).unwrap();
    c.mem.load(0x810, &[0x12, 0xA3, 0x4C]).unwrap(); // the third digit is X'A'
    assert_eq!(bc_fields(program_check(&mut c)).0, 0x07);
    assert_eq!(bytes(&c, 0x800, 4), vec![0x40, 0xF1, 0xF2, 0x20]);
}

/// Found by the random streams against Hercules: the decimal operands are taken one
/// after the other (the first operand's access and data, then the second's); SRP checks
/// access to its operand before the rounding digit; ZAP does not fetch its first operand.
#[test]
fn decimal_exception_order() {
    // AP: first operand invalid data, second beyond storage: data.
    let mut c = machine(&[ss(0xFA, 0x11, 0, 0x800, 8, 0)]);
    c.gpr[8] = 0x30_0000;
    c.mem.load(0x800, &[0xAA, 0xAA]).unwrap();
    assert_eq!(bc_fields(program_check(&mut c)).0, 7);
    // SRP with rounding digit 11 and the operand beyond storage: addressing.
    let mut c = machine(&[ss(0xF0, 0x1B, 8, 0, 0, 1)]);
    c.gpr[8] = 0x30_0000;
    assert_eq!(bc_fields(program_check(&mut c)).0, 5);
    // ZAP: first operand beyond storage, second invalid: data.
    let mut c = machine(&[ss(0xF8, 0x11, 8, 0, 0, 0x800)]);
    c.gpr[8] = 0x30_0000;
    c.mem.load(0x800, &[0xAA, 0xAA]).unwrap();
    assert_eq!(bc_fields(program_check(&mut c)).0, 7);
}

/// Found by the random streams against Hercules: ED/EDMK work byte by byte, so a
/// protected result field stops EDMK at its first byte with R1 already set.
#[test]
fn edmk_sets_r1_before_a_protection_exception() {
    let mut c = machine(&[ss(0xDF, 3, 12, 0x800, 0, 0x810)]);
    c.mem.load(0x1800, &[0x21, 0x20, 0x20, 0x20]).unwrap();
    c.mem.load(0x810, &[0x51, 0x2C]).unwrap();
    c.mem.set_key(0x1800, 0x10);
    c.set_psw(0x0020_0000_0000_0000 | u64::from(ORG)).unwrap(); // PSW key 2
    c.gpr[1] = 0xAA00_0000;
    assert_eq!(bc_fields(program_check(&mut c)).0, 4);
    assert_eq!(c.gpr[1], 0xAA00_1800);
    assert_eq!(bytes(&c, 0x1800, 4), vec![0x21, 0x20, 0x20, 0x20]);
}

#[test]
fn srp_shifts_and_rounds() {
    let mut c = machine(&[
        ss(0xF0, 0x25, 0, 0x800, 0, 0x3F), // SRP 3 bytes, shift -1, round 5
        ss(0xF0, 0x20, 0, 0x808, 0, 2),    // shift left 2
        halt(),
    ]);
    c.mem.load(0x800, &[0x01, 0x23, 0x5C]).unwrap(); // 1235 -> 124
    c.mem.load(0x808, &[0x00, 0x12, 0x3D]).unwrap(); // -123 -> -12300 overflow? 5 digits ok
    finish(&mut c);
    assert_eq!(bytes(&c, 0x800, 3), vec![0x00, 0x12, 0x4C]);
    assert_eq!(bytes(&c, 0x808, 3), vec![0x12, 0x30, 0x0D]);
    assert_eq!(cc(&c), 1);
}

/// A tracer that observes nothing but says it does: `run` then takes the
/// one-instruction-at-a-time path instead of `burst`.
struct SingleStep;
impl Tracer for SingleStep {}

/// `burst` (clock and count in host registers) and the one-instruction path must give
/// the same machine: same registers, PSW, storage, keys, clock and count. Random
/// instruction streams in problem state (PSW key 2) over 128K: low storage is key 1, so
/// stray stores there are protection exceptions; interruption handlers at X'200' resume
/// the interrupted program with LPSW; stores into the code modify it; an external
/// (CPU timer) and I/O interruptions arrive meanwhile.
#[test]
fn burst_and_single_step_agree_on_random_programs() {
    // Mostly instructions `burst` runs, and some it must not: privileged ones (SSK,
    // LPSW, SIO, TIO), EXECUTE and STCK.
    const OPS: [u8; 54] = [
        0x04, 0x05, 0x06, 0x07, 0x0A, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19,
        0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F, 0x40, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48,
        0x4A, 0x4E, 0x4F, 0x50, 0x58, 0x5A, 0x5D, 0x86, 0x87, 0x88, 0x8E, 0x90, 0x92, 0x95, 0x98,
        0xD2, 0xD5, 0xFA, 0x08, 0x82, 0x9C, 0x9D, 0xB2, 0xB2,
    ];
    let setup = |round: u64| {
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D ^ round.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut c = Cpu::new(128 * 1024, 10.0, 0);
        let mut at = 0x1000u32;
        while at < 0x8000 - 6 {
            let op = OPS[(next() % OPS.len() as u64) as usize];
            let mut ins = next().to_be_bytes();
            ins[0] = op;
            match op {
                0xB2 => ins[1] = 0x05, // STCK
                0x9C | 0x9D => ins[1] = 0,
                _ => {}
            }
            let len = exec::ilen(op);
            c.mem.load(at, &ins[..len as usize]).unwrap();
            at += len;
        }
        for r in c.gpr.iter_mut() {
            *r = 0x8000 + (next() as u32 & 0x7FFF);
        }
        c.mem.set_key(0, 0x10);
        c.mem.set_key(0x800, 0x10);
        // Handlers: LPSW of the old PSW of each class.
        for (new, old) in [(0x58u32, 0x18u16), (0x60, 0x20), (0x68, 0x28), (0x78, 0x38)] {
            let h = 0x200 + new * 2;
            put64(&mut c, new, u64::from(h)); // BC mode, key 0, supervisor
            c.mem.load(h, &si(0x82, 0, 0, old)).unwrap();
        }
        // External and I/O masks, key 2; problem state in even rounds, supervisor
        // state (where SIO and TIO run and move the next service point) in odd ones.
        let state = if round.is_multiple_of(2) {
            0x0001_0000_0000_0000
        } else {
            0
        };
        c.set_psw(0xFF02_0000_0000_1000 | state | (next() & 0x0FFE))
            .unwrap();
        c.cr[0] |= 0x0000_0400; // CPU-timer subclass
        c.set_cpu_timer(next() % 8_000_000);
        let bus = TestBus {
            sio: Some(IoCc::Cc0),
            event_at: Some(next() % 8_000_000),
            on_event: Some((0x0009, [1; 8])),
            ..Default::default()
        };
        (c, bus)
    };
    let mut total = 0;
    for round in 0..200 {
        let (mut a, mut abus) = setup(round);
        let (mut b, mut bbus) = setup(round);
        let sa = a.run(&mut abus, &mut NoTrace, 50_000_000, 20_000);
        let sb = b.run(&mut bbus, &mut SingleStep, 50_000_000, 20_000);
        total += a.instructions;
        assert_eq!(sa, sb, "round {round}");
        assert_eq!(a.psw(), b.psw(), "round {round}");
        assert_eq!(
            (a.now, a.instructions),
            (b.now, b.instructions),
            "round {round}"
        );
        assert_eq!(a.gpr, b.gpr, "round {round}");
        assert!(
            a.mem.bytes() == b.mem.bytes(),
            "round {round}: storage differs"
        );
        assert_eq!(a.mem.keys(), b.mem.keys(), "round {round}");
        assert_eq!(
            a.problem_instructions, b.problem_instructions,
            "round {round}"
        );
    }
    // The programs really ran (not all stuck at once).
    assert!(total > 200 * 5000, "only {total} instructions");
}

/// Found by the random streams against Hercules: a left shift that loses digits is a
/// decimal overflow even when the product would not fit in 128 bits, the kept digits
/// are stored, and the result keeps the operand's sign even when it is zero.
#[test]
fn srp_left_shift_overflow_keeps_digits_and_sign() {
    let mut c = machine(&[
        ss(0xF0, 0x20, 0, 0x800, 0, 2),  // 12345 << 2: 34500, overflow
        ss(0xF0, 0xF0, 0, 0x810, 0, 31), // 16 bytes, 27 digits << 31
        ss(0xF0, 0x20, 0, 0x808, 0, 5),  // -1 << 5 in 5 digits: -0, overflow
        halt(),
    ]);
    c.mem.load(0x800, &[0x12, 0x34, 0x5C]).unwrap();
    c.mem.load(0x808, &[0x00, 0x00, 0x1D]).unwrap();
    let mut big = vec![0x99u8; 16];
    big[0] = 0;
    big[1] = 0;
    big[15] = 0x9C;
    c.mem.load(0x810, &big).unwrap();
    finish(&mut c);
    assert_eq!(bytes(&c, 0x800, 3), vec![0x34, 0x50, 0x0C]);
    assert_eq!(bytes(&c, 0x808, 3), vec![0x00, 0x00, 0x0D]);
    assert_eq!(bytes(&c, 0x810, 16), {
        let mut v = vec![0u8; 16];
        v[15] = 0x0C;
        v
    });
    assert_eq!(cc(&c), 3);
}

/// Found by the random streams: a right shift of 32 digits (the six-bit shift X'20')
/// indexed past the powers of ten and panicked. Every digit goes: the result is zero.
#[test]
fn srp_right_shift_of_32_gives_zero() {
    let mut c = machine(&[
        ss(0xF0, 0x29, 0, 0x800, 0, 0x20), // SRP 3 bytes, shift -32, round 9
        halt(),
    ]);
    c.mem.load(0x800, &[0x99, 0x99, 0x9C]).unwrap();
    finish(&mut c);
    assert_eq!(bytes(&c, 0x800, 3), vec![0x00, 0x00, 0x0C]);
    assert_eq!(cc(&c), 0);
}

/// The fuzz test at length, with every control register random in half the rounds (so
/// the dual-address-space, PER and protection paths see garbage too):
/// `CPCMS_FUZZ_ROUNDS=100000 cargo test --release --lib fuzz_long -- --ignored`.
#[test]
#[ignore]
fn fuzz_long() {
    let rounds: u64 = std::env::var("CPCMS_FUZZ_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..rounds {
        let mut c = Cpu::new(64 * 1024, 10.0, next());
        for chunk in c.mem.bytes_mut().chunks_mut(8) {
            let v = next().to_be_bytes();
            chunk.copy_from_slice(&v[..chunk.len()]);
        }
        for k in 0..32 {
            c.mem.set_key(k * 2048, next() as u8);
        }
        for r in c.gpr.iter_mut() {
            *r = next() as u32;
        }
        if round % 2 == 1 {
            for r in c.cr.iter_mut() {
                *r = next() as u32;
            }
        }
        c.load_psw(next());
        let mut bus = TestBus {
            sio: Some(IoCc::Cc1Csw([0xFF; 8])),
            event_at: Some(next() % 100_000),
            on_event: Some((next() as u16 & 0x0FFF, [1; 8])),
            ..Default::default()
        };
        let before = c.instructions;
        let stop = c.run(&mut bus, &mut NoTrace, 5_000_000, 3_000);
        assert!(c.instructions - before <= 3_000, "round {round}: {stop:?}");
    }
}
