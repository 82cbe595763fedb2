//! Hexadecimal floating point: values worked out by hand from the Principles of
//! Operation, machine-level checks of exceptions and masks, and a table of results
//! recorded from Hercules 3.13 (see `hercules_table`).

use super::*;
use crate::cpu::tests::{bc_fields, cc, finish, machine, program_check, rr, rx};

fn s(v: u32) -> Hfp {
    Hfp::reg((v as u64) << 32, SHORT)
}
fn l(v: u64) -> Hfp {
    Hfp::reg(v, LONG)
}
fn sb(h: Hfp) -> u32 {
    (h.bits(SHORT) >> 32) as u32
}
fn lb(h: Hfp) -> u64 {
    h.bits(LONG)
}

/// Short add/subtract: (result bits, cc, interruption).
fn ae(a: u32, b: u32, norm: bool, pmask: u8) -> (u32, u8, Option<u16>) {
    let r = add(s(a), s(b), SHORT, norm, pmask);
    (sb(r.h), r.h.cc(), r.pgm)
}
fn se(a: u32, b: u32, pmask: u8) -> (u32, u8, Option<u16>) {
    ae(a, b ^ 0x8000_0000, true, pmask)
}

// ---------------------------------------------------------------- add / subtract

#[test]
fn add_normalized_short() {
    assert_eq!(
        ae(0x4110_0000, 0x4110_0000, true, 0),
        (0x4120_0000, 2, None)
    ); // 1+1
    // 0.5 + 0.5: the carry shifts right and raises the characteristic.
    assert_eq!(
        ae(0x4080_0000, 0x4080_0000, true, 0),
        (0x4110_0000, 2, None)
    );
    // -1 + 0.5 = -0.5, normalized.
    assert_eq!(
        ae(0xC110_0000, 0x4080_0000, true, 0),
        (0xC080_0000, 1, None)
    );
    // Unnormalized operands come out normalized.
    assert_eq!(
        ae(0x4200_1000, 0x4000_0000, true, 0),
        (0x4010_0000, 2, None)
    );
    // The operand with the smaller characteristic is the one shifted.
    assert_eq!(
        ae(0x4010_0000, 0x4110_0000, true, 0),
        (0x4111_0000, 2, None)
    );
}

#[test]
fn guard_digit_keeps_one_digit_of_the_shifted_operand() {
    // 1.0 - (1 - 16**-6) = 16**-6 exactly, thanks to the guard digit.
    assert_eq!(se(0x4110_0000, 0x40FF_FFFF, 0), (0x3B10_0000, 2, None));
    // Digits shifted past the guard digit are lost (truncation, no rounding).
    assert_eq!(se(0x4110_0000, 0x3F10_0001, 0), (0x40FF_0000, 2, None));
    // Shifted entirely away: the sum is the larger operand.
    assert_eq!(
        ae(0x4110_0000, 0x3A10_0000, true, 0),
        (0x4110_0000, 2, None)
    );
}

#[test]
fn significance_with_mask_off_and_on() {
    // 1 - 1: true zero, cc 0, no interruption.
    assert_eq!(se(0x4110_0000, 0x4110_0000, 0), (0, 0, None));
    // Mask on: the characteristic stays, the sign is plus, interruption X'0E'.
    assert_eq!(
        se(0xC210_0000, 0xC210_0000, 1),
        (0x4200_0000, 0, Some(SIGNIFICANCE))
    );
    // Zero plus zero with the mask on is significance too.
    assert_eq!(ae(0x8000_0000, 0, true, 1), (0, 0, Some(SIGNIFICANCE)));
}

#[test]
fn exponent_overflow_wraps_and_always_interrupts() {
    assert_eq!(
        ae(0x7F80_0000, 0x7F80_0000, true, 0),
        (0x0010_0000, 2, Some(EXPONENT_OVERFLOW))
    );
    assert_eq!(
        ae(0xFF80_0000, 0xFF80_0000, false, 0),
        (0x8010_0000, 1, Some(EXPONENT_OVERFLOW))
    );
}

#[test]
fn exponent_underflow_mask_decides() {
    // 0.0625*16**-64 - 0.03125*16**-64 needs characteristic -1.
    assert_eq!(se(0x0010_0000, 0x0008_0000, 0), (0, 0, None));
    assert_eq!(
        se(0x0010_0000, 0x0008_0000, 2),
        (0x7F80_0000, 2, Some(EXPONENT_UNDERFLOW))
    );
    // No underflow when the result still fits.
    assert_eq!(se(0x0110_0000, 0x0108_0000, 2), (0x0080_0000, 2, None));
}

#[test]
fn add_unnormalized() {
    // 1.0 written as 42 010000 plus 1.0: the result keeps the leading zero digit.
    assert_eq!(
        ae(0x4201_0000, 0x4110_0000, false, 0),
        (0x4202_0000, 2, None)
    );
    assert_eq!(
        ae(0x4201_0000, 0x4110_0000, true, 0),
        (0x4120_0000, 2, None)
    );
    // A carry still shifts right.
    assert_eq!(
        ae(0x4180_0000, 0x4180_0000, false, 0),
        (0x4210_0000, 2, None)
    );
    // Only the guard digit is nonzero: the unnormalized result fraction is zero
    // (significance); the normalized add keeps the digit.
    assert_eq!(ae(0x4100_0000, 0x4000_0001, false, 0), (0, 0, None));
    assert_eq!(
        ae(0x4100_0000, 0x4000_0001, false, 1),
        (0x4100_0000, 0, Some(SIGNIFICANCE))
    );
    assert_eq!(
        ae(0x4100_0000, 0x4000_0001, true, 0),
        (0x3B10_0000, 2, None)
    );
    // Never an underflow: tiny numbers stay as they are.
    assert_eq!(
        ae(0x0000_0001, 0x0000_0001, false, 2),
        (0x0000_0002, 2, None)
    );
}

#[test]
fn add_long() {
    let r = add(
        l(0x4110_0000_0000_0000),
        l(0x3F10_0000_0000_0001),
        LONG,
        true,
        0,
    );
    assert_eq!(lb(r.h), 0x4110_1000_0000_0000);
    // The guard digit in long: 1 - (1 - 16**-14) = 16**-14.
    let r = add(
        l(0x4110_0000_0000_0000),
        l(0xC0FF_FFFF_FFFF_FFFF),
        LONG,
        true,
        0,
    );
    assert_eq!(lb(r.h), 0x3310_0000_0000_0000);
}

#[test]
fn add_extended_and_the_low_order_part() {
    // 1 + 16**-20: the low part has characteristic 41 - 14 = 33 and the sign of the
    // high part; its own sign and characteristic are ignored on input.
    let a = Hfp::ext(0x4110_0000_0000_0000, 0xFF00_0000_0000_0000);
    let b = Hfp::ext(0x2D10_0000_0000_0000, 0x8000_0000_0000_0000);
    let r = add(a, b, EXT, true, 0);
    assert_eq!(
        r.h.ext_bits(),
        (0x4110_0000_0000_0000, 0x3300_0000_1000_0000)
    );
    // Negative result: both parts negative.
    let r = add(a.negate(), b, EXT, true, 0);
    assert_eq!(
        r.h.ext_bits(),
        (0xC0FF_FFFF_FFFF_FFFF, 0xB2FF_FFFF_0000_0000)
    );
    // High characteristic below 14: the low one wraps modulo 128.
    let r = add(
        Hfp::ext(0x0510_0000_0000_0000, 0),
        Hfp::ext(0x0510_0000_0000_0000, 0),
        EXT,
        true,
        0,
    );
    assert_eq!(
        r.h.ext_bits(),
        (0x0520_0000_0000_0000, 0x7700_0000_0000_0000)
    );
    // A true-zero result: both parts zero.
    let r = add(a, a.negate(), EXT, true, 0);
    assert_eq!(r.h.ext_bits(), (0, 0));
}

// ---------------------------------------------------------------- compare

#[test]
fn compare_follows_normalized_subtraction() {
    let c = |a, b| compare(s(a), s(b), SHORT);
    assert_eq!(c(0x4110_0000, 0x4080_0000), 2);
    assert_eq!(c(0xC110_0000, 0x4110_0000), 1);
    assert_eq!(c(0x8000_0000, 0x0000_0000), 0); // zero fractions are equal
    assert_eq!(c(0x7F00_0000, 0x8100_0000), 0); // whatever sign and characteristic
    assert_eq!(c(0x4201_0000, 0x4110_0000), 0); // same value, unnormalized
    assert_eq!(c(0x4201_0000, 0x4110_0001), 1); // differs in the guard digit
    assert_eq!(c(0x4300_1000, 0x4110_0001), 0); // differs past the guard digit
    assert_eq!(c(0xC300_1000, 0xC110_0001), 0);
}

// ---------------------------------------------------------------- multiply

#[test]
fn multiply_short_and_long() {
    // ME: short operands, long product: 2 * 3 = 6, one digit of postnormalization.
    let r = mul(s(0x4120_0000), s(0x4130_0000), SHORT, LONG, 0);
    assert_eq!((lb(r.h), r.pgm), (0x4160_0000_0000_0000, None));
    // The whole 12-digit product is kept.
    let r = mul(s(0x41FF_FFFF), s(0x41FF_FFFF), SHORT, LONG, 0);
    assert_eq!(lb(r.h), 0x42FF_FFFE_0000_0100);
    // Prenormalization: 42 010000 is 1.0.
    let r = mul(s(0x4201_0000), s(0xC080_0000), SHORT, LONG, 0);
    assert_eq!(lb(r.h), 0xC080_0000_0000_0000);
    // MD: 0.5 * 0.5, and truncation of the 28-digit product.
    let r = mul(
        l(0x4080_0000_0000_0000),
        l(0x4080_0000_0000_0000),
        LONG,
        LONG,
        0,
    );
    assert_eq!(lb(r.h), 0x4040_0000_0000_0000);
    let r = mul(
        l(0x41FF_FFFF_FFFF_FFFF),
        l(0x41FF_FFFF_FFFF_FFFF),
        LONG,
        LONG,
        0,
    );
    assert_eq!(lb(r.h), 0x42FF_FFFF_FFFF_FFFE);
    // A zero operand gives a true zero, even from an extreme characteristic.
    let r = mul(
        l(0xFF00_0000_0000_0000),
        l(0x7F10_0000_0000_0000),
        LONG,
        LONG,
        2,
    );
    assert_eq!((lb(r.h), r.pgm), (0, None));
}

#[test]
fn multiply_overflow_and_underflow() {
    let r = mul(s(0x7F10_0000), s(0x7F10_0000), SHORT, LONG, 0);
    // 0.1 x 0.1 = 0.01 (hex): characteristic 127 + 127 - 64 - 1 = 189, less 128.
    assert_eq!(
        (lb(r.h), r.pgm),
        (0x3D10_0000_0000_0000, Some(EXPONENT_OVERFLOW))
    );
    let r = mul(s(0x2010_0000), s(0x2010_0000), SHORT, LONG, 0);
    assert_eq!((lb(r.h), r.pgm), (0, None));
    let r = mul(s(0x2010_0000), s(0x2010_0000), SHORT, LONG, 2);
    // -32 + -32 - 1 = exponent -65 -> characteristic -1 + 128.
    assert_eq!(
        (lb(r.h), r.pgm),
        (0x7F10_0000_0000_0000, Some(EXPONENT_UNDERFLOW))
    );
    // Prenormalization may go below zero without an underflow.
    let r = mul(s(0x0000_0100), s(0x4710_0000), SHORT, LONG, 2);
    assert_eq!((lb(r.h), r.pgm), (0x0310_0000_0000_0000, None));
}

#[test]
fn multiply_extended() {
    // MXD 1 * 1: the low part gets characteristic 41 - 14.
    let r = mul(
        l(0x4110_0000_0000_0000),
        l(0x4110_0000_0000_0000),
        LONG,
        EXT,
        0,
    );
    assert_eq!(
        r.h.ext_bits(),
        (0x4110_0000_0000_0000, 0x3300_0000_0000_0000)
    );
    // MXD keeps all 28 digits: (1 - 16**-14)**2 = 1 - 2*16**-14 + 16**-28.
    let x = l(0x40FF_FFFF_FFFF_FFFF);
    let r = mul(x, x, LONG, EXT, 0);
    assert_eq!(
        r.h.ext_bits(),
        (0x40FF_FFFF_FFFF_FFFE, 0x3200_0000_0000_0001)
    );
    // MXR: (1 + 16**-27) * (1 + 16**-27) = 1 + 2*16**-27 (+16**-54 truncated away).
    let x = Hfp::ext(0x4110_0000_0000_0000, 0x0000_0000_0000_0010);
    let r = mul(x, x, EXT, EXT, 0);
    assert_eq!(
        r.h.ext_bits(),
        (0x4110_0000_0000_0000, 0x3300_0000_0000_0020)
    );
    // MXR: negative times positive, low characteristic wraps.
    let x = Hfp::ext(0xC820_0000_0000_0000, 0x3300_0000_0000_0003);
    let y = Hfp::ext(0x3880_0000_0000_0000, 0);
    let r = mul(x, y, EXT, EXT, 0);
    assert_eq!(
        r.h.ext_bits(),
        (0xC010_0000_0000_0000, 0xB200_0000_0000_0001)
    );
    let r = mul(
        Hfp::ext(0x2210_0000_0000_0000, 0),
        Hfp::ext(0x2210_0000_0000_0000, 0),
        EXT,
        EXT,
        0,
    );
    // 34+34-64-1 = 3: high characteristic 03, low 03 - 14 + 128 = 75: no underflow.
    assert_eq!(
        (r.h.ext_bits(), r.pgm),
        ((0x0310_0000_0000_0000, 0x7500_0000_0000_0000), None)
    );
}

// ---------------------------------------------------------------- divide

#[test]
fn divide_short_and_long() {
    let d = |a, b, m| div(s(a), s(b), SHORT, m).map(|r| (sb(r.h), r.pgm));
    assert_eq!(d(0x4110_0000, 0x4130_0000, 0), Ok((0x4055_5555, None))); // 1/3
    assert_eq!(d(0x4120_0000, 0x4110_0000, 0), Ok((0x4120_0000, None))); // 2/1
    assert_eq!(d(0xC130_0000, 0x4120_0000, 0), Ok((0xC118_0000, None))); // -3/2
    assert_eq!(d(0x4201_0000, 0x3F00_1000, 0), Ok((0x4510_0000, None))); // prenormalized
    assert_eq!(d(0x4110_0000, 0x8000_0000, 0), Err(FLOATING_POINT_DIVIDE));
    assert_eq!(d(0x0000_0000, 0x0000_0000, 0), Err(FLOATING_POINT_DIVIDE));
    assert_eq!(d(0x8000_0000, 0x4110_0000, 3), Ok((0, None))); // 0/x: true zero
    assert_eq!(
        d(0x7F10_0000, 0x0110_0000, 0),
        Ok((0x3F10_0000, Some(EXPONENT_OVERFLOW)))
    );
    assert_eq!(d(0x0110_0000, 0x7F10_0000, 0), Ok((0, None)));
    assert_eq!(
        d(0x0110_0000, 0x7F10_0000, 2),
        Ok((0x4310_0000, Some(EXPONENT_UNDERFLOW)))
    );
    let r = div(l(0x4110_0000_0000_0000), l(0x4130_0000_0000_0000), LONG, 0).unwrap();
    assert_eq!(lb(r.h), 0x4055_5555_5555_5555);
}

// ---------------------------------------------------------------- halve, load rounded

#[test]
fn halve_short_and_long() {
    let h = |a, m| {
        let r = halve(s(a), SHORT, m);
        (sb(r.h), r.pgm)
    };
    assert_eq!(h(0x4080_0000, 0), (0x4040_0000, None)); // 0.5 -> 0.25
    assert_eq!(h(0x4110_0000, 0), (0x4080_0000, None)); // 1 -> 0.5, normalized
    assert_eq!(h(0xC120_0000, 0), (0xC110_0000, None));
    // The bit shifted out is kept in the guard digit and normalized back in.
    assert_eq!(h(0x4100_0001, 0), (0x3B80_0000, None));
    assert_eq!(h(0x41FF_FFFF, 0), (0x417F_FFFF, None));
    assert_eq!(h(0xC000_0000, 3), (0, None)); // zero fraction: true zero
    assert_eq!(h(0x0010_0000, 0), (0, None));
    assert_eq!(h(0x0010_0000, 2), (0x7F80_0000, Some(EXPONENT_UNDERFLOW)));
    let r = halve(l(0x4110_0000_0000_0001), LONG, 0);
    assert_eq!(lb(r.h), 0x4080_0000_0000_0008);
}

#[test]
fn load_rounded_short_and_long() {
    let r = round(l(0x4112_3456_8000_0000), LONG, SHORT);
    assert_eq!((sb(r.h), r.pgm), (0x4112_3457, None));
    let r = round(l(0xC112_3456_7FFF_FFFF), LONG, SHORT);
    assert_eq!(sb(r.h), 0xC112_3456);
    // The carry out of the fraction shifts right and raises the characteristic.
    let r = round(l(0x41FF_FFFF_8000_0000), LONG, SHORT);
    assert_eq!(sb(r.h), 0x4210_0000);
    let r = round(l(0xFFFF_FFFF_F000_0000), LONG, SHORT);
    assert_eq!((sb(r.h), r.pgm), (0x8010_0000, Some(EXPONENT_OVERFLOW)));
    // No normalization, no zero test.
    let r = round(l(0xC500_0000_0000_0000), LONG, SHORT);
    assert_eq!(sb(r.h), 0xC500_0000);
    // LRDR: round at the leftmost bit of the low-order fraction; the low part's own
    // sign and characteristic do not matter.
    let x = Hfp::ext(0x4112_3456_789A_BCDE, 0xFF80_0000_0000_0000);
    assert_eq!(lb(round(x, EXT, LONG).h), 0x4112_3456_789A_BCDF);
    let x = Hfp::ext(0x4112_3456_789A_BCDE, 0x007F_FFFF_FFFF_FFFF);
    assert_eq!(lb(round(x, EXT, LONG).h), 0x4112_3456_789A_BCDE);
    let x = Hfp::ext(0x41FF_FFFF_FFFF_FFFF, 0x0080_0000_0000_0000);
    assert_eq!(lb(round(x, EXT, LONG).h), 0x4210_0000_0000_0000);
    let x = Hfp::ext(0x7FFF_FFFF_FFFF_FFFF, 0x0080_0000_0000_0000);
    let r = round(x, EXT, LONG);
    assert_eq!(
        (lb(r.h), r.pgm),
        (0x0010_0000_0000_0000, Some(EXPONENT_OVERFLOW))
    );
}

// ---------------------------------------------------------------- the machine

/// `SPM 14` loads the program mask from R14 bits 4-7.
fn spm(mask: u8, c: &mut Cpu) -> Vec<u8> {
    c.gpr[14] = (mask as u32) << 24;
    rr(0x04, 14, 0)
}

#[test]
fn rr_and_rx_forms_set_registers_and_cc() {
    let mut c = machine(&[
        rr(0x3A, 0, 2),           // AER 0,2
        rx(0x6A, 4, 0, 0, 0x800), // AD 4,X'800'
        rr(0x3B, 6, 6),           // SER 6,6  -> true zero, cc 0 (low half kept)
        rx(0x7C, 2, 0, 0, 0x808), // ME 2,X'808' (2 * 3 = 6, long)
        rx(0x79, 4, 0, 0, 0x80C), // CE 4,X'80C' (1.5 vs 3: low)
        vec![0x05, 0xB0],         // BALR 11,0: save that cc
        crate::cpu::tests::halt(),
    ]);
    c.fpr[0] = 0x4110_0000_1234_5678;
    c.fpr[1] = 0x4120_0000_0000_0000;
    c.fpr[2] = 0x4110_0000_0000_0000;
    c.fpr[3] = 0x4110_0000_AAAA_AAAA;
    crate::cpu::tests::put64(&mut c, 0x800, 0x4080_0000_0000_0000);
    crate::cpu::tests::put32(&mut c, 0x808, 0x4130_0000);
    crate::cpu::tests::put32(&mut c, 0x80C, 0x4130_0000);
    finish(&mut c);
    assert_eq!(c.fpr[0], 0x4130_0000_1234_5678); // 1 + 2, low half unchanged
    assert_eq!(c.fpr[2], 0x4118_0000_0000_0000); // 1 + 0.5
    assert_eq!(c.fpr[3], 0x0000_0000_AAAA_AAAA);
    assert_eq!(c.fpr[1], 0x4160_0000_0000_0000);
    assert_eq!((c.gpr[11] >> 28) & 3, 1);
}

#[test]
fn masked_exceptions_complete_and_interrupt_after_the_instruction() {
    // Significance with the mask on: result stored, cc 0, code X'0E', PSW past AER.
    let mut c = machine(&[]);
    let prog = [spm(1, &mut c), rr(0x3B, 0, 2), crate::cpu::tests::halt()].concat();
    c.mem.load(crate::cpu::tests::ORG, &prog).unwrap();
    c.fpr[0] = 0x4210_0000_0000_0000;
    c.fpr[1] = 0x4210_0000_0000_0000;
    let old = program_check(&mut c);
    assert_eq!(bc_fields(old), (SIGNIFICANCE, 2, 0x1004));
    assert_eq!((old >> 28) & 3, 0);
    assert_eq!(c.fpr[0], 0x4200_0000_0000_0000);

    // The same without the mask: a true zero and no interruption.
    let mut c = machine(&[rr(0x2B, 0, 2), crate::cpu::tests::halt()]);
    c.fpr[0] = 0x4210_0000_0000_0000;
    c.fpr[1] = 0x4210_0000_0000_0000;
    finish(&mut c);
    assert_eq!((c.fpr[0], cc(&c)), (0, 0));

    // Exponent underflow, mask on.
    let mut c = machine(&[]);
    let prog = [spm(2, &mut c), rr(0x34, 2, 0), crate::cpu::tests::halt()].concat();
    c.mem.load(crate::cpu::tests::ORG, &prog).unwrap();
    c.fpr[0] = 0x0010_0000_0000_0000;
    let old = program_check(&mut c);
    assert_eq!(bc_fields(old), (EXPONENT_UNDERFLOW, 2, 0x1004));
    assert_eq!(c.fpr[1], 0x7F80_0000_0000_0000);

    // Exponent overflow ignores the mask.
    let mut c = machine(&[rr(0x2C, 0, 0), crate::cpu::tests::halt()]);
    c.fpr[0] = 0x7F10_0000_0000_0000;
    let old = program_check(&mut c);
    assert_eq!(bc_fields(old), (EXPONENT_OVERFLOW, 2, 0x1002));
    assert_eq!(c.fpr[0], 0x3D10_0000_0000_0000);
}

#[test]
fn divide_by_zero_is_suppressed() {
    let mut c = machine(&[rx(0x7D, 0, 0, 0, 0x800), crate::cpu::tests::halt()]);
    c.fpr[0] = 0x4110_0000_5555_5555;
    crate::cpu::tests::put32(&mut c, 0x800, 0x4200_0000);
    let old = program_check(&mut c);
    assert_eq!(bc_fields(old), (FLOATING_POINT_DIVIDE, 4, 0x1004));
    assert_eq!(c.fpr[0], 0x4110_0000_5555_5555);
}

#[test]
fn register_numbers_are_checked() {
    for prog in [
        rr(0x3A, 1, 0),           // AER 1,0
        rr(0x2A, 0, 8),           // ADR 0,8
        rr(0x36, 2, 0),           // AXR 2,0
        rr(0x37, 0, 6),           // SXR 0,6
        rr(0x26, 4, 2),           // MXR 4,2
        rr(0x27, 6, 0),           // MXDR 6,0
        rr(0x25, 0, 2),           // LRDR 0,2
        rr(0x35, 3, 0),           // LRER 3,0
        rr(0x34, 0, 5),           // HER 0,5
        rx(0x67, 2, 0, 0, 0x800), // MXD 2,...
        rx(0x6D, 1, 0, 0, 0x800), // DD 1,...
    ] {
        let mut c = machine(std::slice::from_ref(&prog));
        let old = program_check(&mut c);
        assert_eq!(bc_fields(old).0, 6, "{prog:02X?}");
    }
}

#[test]
fn extended_instructions_use_register_pairs() {
    let mut c = machine(&[
        rr(0x36, 0, 4),           // AXR 0,4: (0,2) = 1 + (2 + 16**-27)
        rr(0x27, 4, 0),           // MXDR 4,0: (4,6) = 2 x 3
        rx(0x67, 0, 0, 0, 0x800), // MXD 0,X'800': (0,2) = 3 x 2
        rr(0x25, 2, 4),           // LRDR 2,4: FPR2 = 6 rounded to long
        crate::cpu::tests::halt(),
    ]);
    c.fpr[0] = 0x4110_0000_0000_0000;
    c.fpr[1] = 0x3300_0000_0000_0000;
    c.fpr[2] = 0x4120_0000_0000_0000;
    c.fpr[3] = 0x0000_0000_0000_0001;
    crate::cpu::tests::put64(&mut c, 0x800, 0x4120_0000_0000_0000);
    finish(&mut c);
    assert_eq!(c.fpr[0], 0x4160_0000_0000_0000);
    assert_eq!(c.fpr[1], 0x4160_0000_0000_0000);
    assert_eq!(
        (c.fpr[2], c.fpr[3]),
        (0x4160_0000_0000_0000, 0x3300_0000_0000_0000)
    );
    // After the AXR alone: the low part carries the 16**-27 digit.
    let mut c = machine(&[rr(0x37, 4, 0), crate::cpu::tests::halt()]); // SXR 4,0
    c.fpr[0] = 0x4110_0000_0000_0000;
    c.fpr[1] = 0x3300_0000_0000_0000;
    c.fpr[2] = 0x4120_0000_0000_0000;
    c.fpr[3] = 0x0000_0000_0000_0001;
    finish(&mut c);
    assert_eq!(
        (c.fpr[2], c.fpr[3]),
        (0x4110_0000_0000_0000, 0x3300_0000_0000_0001)
    );
    assert_eq!(cc(&c), 2);
}

#[test]
fn no_operand_panics() {
    // Every arithmetic function over edge patterns, every mask: no panic, results in range.
    let pats: [u64; 10] = [
        0,
        0x8000_0000_0000_0000,
        0x7FFF_FFFF_FFFF_FFFF,
        0xFFFF_FFFF_FFFF_FFFF,
        0x0000_0000_0000_0001,
        0x8000_0000_0000_0001,
        0x7F00_0000_0000_0001,
        0x0010_0000_0000_0000,
        0x4110_0000_0000_0000,
        0x00FF_FFFF_FFFF_FFFF,
    ];
    for &a in &pats {
        for &b in &pats {
            for m in 0..4 {
                for d in [SHORT, LONG] {
                    let (x, y) = (Hfp::reg(a, d), Hfp::reg(b, d));
                    let _ = add(x, y, d, true, m);
                    let _ = add(x, y, d, false, m);
                    let _ = compare(x, y, d);
                    let _ = div(x, y, d, m);
                    let _ = halve(x, d, m);
                    let r = mul(x, y, d, LONG, m);
                    assert!((0..128).contains(&r.h.ch));
                }
                let (x, y) = (Hfp::ext(a, b), Hfp::ext(b, a));
                let _ = add(x, y, EXT, true, m);
                let _ = mul(x, y, EXT, EXT, m);
                let _ = mul(Hfp::reg(a, LONG), Hfp::reg(b, LONG), LONG, EXT, m);
                let _ = round(x, EXT, LONG);
                let _ = round(Hfp::reg(a, LONG), LONG, SHORT);
            }
        }
    }
}
