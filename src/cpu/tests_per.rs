//! The interval timer and PER, with values from the Principles of Operation.

use super::tests::*;
use super::timer::itimer_tick_time;
use super::*;

/// EC mode, PER mask on, key 0, supervisor, disabled.
const EC_PER: u64 = 0x4008_0000_0000_0000 | ORG as u64;

// ---------------------------------------------------------------- interval timer

#[test]
fn interval_timer_steps_are_exact_300ths_of_a_second() {
    // 1/300 s = 4096e6/300 TOD units = 13,653,333.3...: the k-th update at ceil.
    assert_eq!(itimer_tick_time(1), 13_653_334);
    assert_eq!(itimer_tick_time(3), 40_960_000);
    assert_eq!(itimer_tick_time(300), TOD_PER_SECOND);
}

/// A machine spinning in `BC 15,0(12)` (a loop on itself) with the timer at `v`.
fn spinning(v: u32) -> Cpu {
    let mut c = machine(&[rx(0x47, 15, 0, 12, 0)]);
    put32(&mut c, 0x50, v);
    c
}

#[test]
fn interval_timer_decrements_bit_23_every_step() {
    let mut c = spinning(0x0000_1000);
    let mut bus = TestBus::default();
    // (`run` may pass its deadline by up to one instruction.)
    c.run(
        &mut bus,
        &mut NoTrace,
        itimer_tick_time(1) - 2 * c.step,
        u64::MAX,
    );
    assert_eq!(get32(&c, 0x50), 0x1000, "not before the first step");
    c.run(&mut bus, &mut NoTrace, itimer_tick_time(1), u64::MAX);
    assert_eq!(get32(&c, 0x50), 0x0F00);
    c.run(&mut bus, &mut NoTrace, TOD_PER_SECOND, u64::MAX);
    // 300 steps in a second: 0x1000 - 300*256.
    assert_eq!(get32(&c, 0x50), 0x1000u32.wrapping_sub(300 * 256));
    // Bits 24-31 are kept.
    assert_eq!(get32(&c, 0x50) & 0xFF, 0);
}

#[test]
fn interval_timer_interruption_when_it_goes_negative() {
    // Value 0x200: steps 1 and 2 reach 0, step 3 makes it negative.
    let mut c = spinning(0x0000_0200);
    c.set_psw(0x0108_0000_0000_0000 | ORG as u64).unwrap(); // EC, external on
    c.cr[0] = 0x0000_0080; // CR0 bit 24 only
    let mut bus = TestBus::default();
    assert_eq!(
        c.run(&mut bus, &mut NoTrace, u64::MAX, 1_000_000),
        Stop::DisabledWait
    );
    assert_eq!(c.psw() & !0xC000_0000, EXT_NEW);
    assert_eq!(bytes(&c, 0x84, 4), vec![0, 0, 0x00, 0x80]);
    assert_eq!(get32(&c, 0x50), 0xFFFF_FF00);
    // Taken at the first instruction boundary at or after the third step.
    assert!(c.now >= itimer_tick_time(3) && c.now < itimer_tick_time(3) + 2 * c.step);
}

#[test]
fn interval_timer_request_waits_for_cr0_bit_24_and_a_negative_start_requests_nothing() {
    let mut c = spinning(0);
    c.set_psw(0x0108_0000_0000_0000 | ORG as u64).unwrap();
    c.cr[0] = 0; // masked
    let mut bus = TestBus::default();
    c.run(&mut bus, &mut NoTrace, itimer_tick_time(10), u64::MAX);
    assert_eq!(c.psw() & 0x00FF_FFFF, ORG as u64, "still spinning");
    assert!(c.itimer_pending);
    c.cr[0] = 0x80;
    c.run(&mut bus, &mut NoTrace, u64::MAX, 10);
    assert_eq!(c.psw() & !0xC000_0000, EXT_NEW);
    assert!(!c.itimer_pending);

    // From a negative value the next request is 2**32/256 steps away (15.5 hours).
    let mut c = spinning(0xFFFF_FF00);
    c.set_psw(0x0108_0000_0000_0000 | ORG as u64).unwrap();
    c.cr[0] = 0x80;
    c.run(&mut bus, &mut NoTrace, itimer_tick_time(1000), u64::MAX);
    assert_eq!(c.psw() & 0x00FF_FFFF, ORG as u64);
    assert_eq!(c.next_ext_event(), itimer_tick_time(1 << 24)); // 2**32/256 steps from -256
}

#[test]
fn interval_timer_runs_in_the_wait_state_and_ends_it() {
    let mut c = machine(&[]);
    put32(&mut c, 0x50, 0x0000_0300);
    c.set_psw(0x010A_0000_0000_0F00).unwrap(); // EC enabled wait
    c.cr[0] = 0x80;
    let mut bus = TestBus::default();
    assert_eq!(
        c.run(&mut bus, &mut NoTrace, u64::MAX, 10),
        Stop::DisabledWait
    );
    assert_eq!(c.psw(), EXT_NEW);
    assert_eq!(get64(&c, 0x18), 0x010A_0000_0000_0F00);
    assert_eq!(
        c.now,
        itimer_tick_time(4),
        "woken exactly at the fourth step"
    );
    assert_eq!(get32(&c, 0x50), 0xFFFF_FF00);
}

#[test]
fn interval_timer_comes_after_the_cpu_timer_and_uses_the_prefix() {
    let mut c = spinning(0);
    c.set_psw(0x0008_0000_0000_0000 | ORG as u64).unwrap(); // external off for now
    c.cr[0] = 0x0000_0480; // CPU timer and interval timer
    c.set_cpu_timer(itimer_tick_time(2)); // negative after the second step
    c.prefix = 0x8000; // the timer is at real 80: absolute X'8050'
    put64(&mut c, 0x8058, EXT_NEW);
    put32(&mut c, 0x8050, 0);
    let mut bus = TestBus::default();
    c.run(&mut bus, &mut NoTrace, itimer_tick_time(3), u64::MAX);
    assert_eq!(get32(&c, 0x8050), 0xFFFF_FD00); // three steps
    assert_eq!(get32(&c, 0x50), 0, "absolute 80 is not the timer");
    assert!(c.itimer_pending && c.cpu_timer() < 0);
    c.set_psw(0x0108_0000_0000_0000 | ORG as u64).unwrap();
    c.run(&mut bus, &mut NoTrace, u64::MAX, 10);
    assert_eq!(bytes(&c, 0x8084, 4), vec![0, 0, 0x10, 0x05]);
    assert!(c.itimer_pending, "still pending after the CPU timer");
}

// ---------------------------------------------------------------- PER

#[test]
fn per_range_wraps_around() {
    let mut c = Cpu::new(65536, 1.0, 0);
    c.cr[10] = 0x1000;
    c.cr[11] = 0x1003;
    assert!(c.per_range_hit(0x1003, 1));
    assert!(c.per_range_hit(0x0FFD, 4));
    assert!(!c.per_range_hit(0x0FFC, 4));
    assert!(!c.per_range_hit(0x1004, 100));
    assert!(c.per_range_hit(0xFF_FFFF, 0x1002)); // the operand wraps into it
    c.cr[10] = 0xFF_FF00; // start > end: FFFF00-FFFFFF and 0-0FFF
    c.cr[11] = 0x0FFF;
    assert!(c.per_range_hit(0, 1));
    assert!(c.per_range_hit(0xFF_FF00, 1));
    assert!(!c.per_range_hit(0x1000, 0x100));
    assert!(!c.per_range_hit(0xFF_FE00, 0x100));
    assert!(c.per_range_hit(0xFF_FE00, 0x101));
}

#[test]
fn per_is_off_without_the_psw_bit_or_the_cr9_masks() {
    let mut c = machine(&[halt()]);
    c.cr[9] = 0xF000_FFFF;
    c.set_psw(0x0008_0000_0000_0000 | ORG as u64).unwrap();
    assert!(!c.per_mode);
    c.cr[9] = 0x0000_FFFF;
    c.set_psw(EC_PER).unwrap();
    assert!(!c.per_mode, "no event mask");
    c.cr[9] = 0x8000_0000;
    c.set_psw(EC_PER).unwrap();
    assert!(c.per_mode);
    // BC mode: bit 1 is a channel mask.
    c.set_psw(0x4000_0000_0000_0000 | ORG as u64).unwrap();
    assert!(!c.per_mode);
}

#[test]
fn per_successful_branch_and_fetch_and_gr_alteration() {
    // X'1000' BALR 14,15 to X'1010'.
    let mut c = machine(&[rr(0x05, 14, 15)]);
    c.gpr[15] = 0x1010;
    c.cr[9] = 0xF000_0002; // every event; R14 monitored
    c.cr[10] = 0x1000;
    c.cr[11] = 0x1000;
    c.set_psw(EC_PER).unwrap();
    program_check(&mut c);
    assert_eq!(get64(&c, 0x28), EC_PER & !0x00FF_FFFF | 0x1010);
    assert_eq!(bytes(&c, 0x8C, 4), vec![0, 2, 0, 0x80]);
    assert_eq!(bytes(&c, 0x96, 6), vec![0xD0, 0, 0, 0, 0x10, 0x00]);
}

#[test]
fn per_storage_alteration_and_concurrent_exception() {
    // MVC X'800'(4),X'900' then AR 5,5 overflowing with the mask on.
    let mut c = machine(&[ss(0xD2, 3, 0, 0x800, 0, 0x900), rr(0x1A, 5, 5)]);
    c.cr[9] = 0x3000_0400; // storage and GR (R5)
    c.cr[10] = 0x803;
    c.cr[11] = 0x803;
    c.set_psw(EC_PER).unwrap();
    program_check(&mut c);
    assert_eq!(bytes(&c, 0x8C, 4), vec![0, 6, 0, 0x80]);
    assert_eq!(bytes(&c, 0x96, 6), vec![0x20, 0, 0, 0, 0x10, 0x00]);
    // Resume at the AR with PER on: fixed-point overflow (completed) + GR: X'0088'.
    c.gpr[5] = 0x7FFF_FFFF;
    c.set_psw(EC_PER | 0x0000_0800_0000_0000 | 0x1006).unwrap();
    program_check(&mut c);
    assert_eq!(bytes(&c, 0x8C, 4), vec![0, 2, 0, 0x88]);
    assert_eq!(bytes(&c, 0x96, 6), vec![0x10, 0, 0, 0, 0x10, 0x06]);
}

#[test]
fn per_suppressed_instruction_shows_only_the_fetch() {
    // LR 5,5 at X'1000' in the problem state... an SSM instead: privileged, suppressed.
    let mut c = machine(&[si(0x80, 0, 0, 0x800)]);
    c.cr[9] = 0x7000_FFFF;
    c.cr[10] = 0;
    c.cr[11] = 0xFF_FFFF;
    c.set_psw(EC_PER | 0x0001_0000_0000_0000).unwrap();
    program_check(&mut c);
    assert_eq!(bytes(&c, 0x8C, 4), vec![0, 4, 0, 0x82]);
    assert_eq!(bytes(&c, 0x96, 2), vec![0x40, 0]);
}

#[test]
fn per_execute_target_fetch_gives_the_execute_address() {
    // X'1000' EX 0,X'1008'; X'1004' halt; X'1008' LA 2,7 (monitored).
    let mut c = machine(&[rx(0x44, 0, 0, 12, 8), rr(0x07, 0, 0), rr(0x07, 0, 0)]);
    c.mem.load(0x1008, &rx(0x41, 2, 0, 0, 7)).unwrap();
    c.cr[9] = 0x4000_0000;
    c.cr[10] = 0x1008;
    c.cr[11] = 0x1008;
    c.set_psw(EC_PER).unwrap();
    program_check(&mut c);
    assert_eq!(c.gpr[2], 7);
    assert_eq!(bytes(&c, 0x8C, 4), vec![0, 4, 0, 0x80]);
    assert_eq!(bytes(&c, 0x96, 6), vec![0x40, 0, 0, 0, 0x10, 0x00]);
}

#[test]
fn per_lpsw_of_an_invalid_psw_reports_both() {
    let mut c = machine(&[si(0x82, 0, 0, 0x800)]);
    put64(&mut c, 0x800, 0x0008_0080_0000_2000); // bit 24: early specification
    c.cr[9] = 0x4000_0000;
    c.cr[10] = 0x1000;
    c.cr[11] = 0x1000;
    c.set_psw(EC_PER).unwrap();
    program_check(&mut c);
    assert_eq!(get64(&c, 0x28), 0x0008_0080_0000_2000);
    assert_eq!(bytes(&c, 0x8C, 4), vec![0, 0, 0, 0x86]);
}

#[test]
fn per_edmk_placing_the_same_address_alters_r1() {
    // EDMK X'800'(5),X'900' with R1 already holding X'804', where significance starts.
    let mut c = machine(&[ss(0xDF, 4, 0, 0x800, 0, 0x900), halt()]);
    c.mem.load(0x800, &[0x40, 0x20, 0x20, 0x20, 0x20]).unwrap();
    c.mem.load(0x900, &[0x00, 0x01, 0x2C]).unwrap();
    c.gpr[1] = 0x804;
    c.cr[9] = 0x1000_4000; // GR alteration, R1
    c.set_psw(EC_PER).unwrap();
    program_check(&mut c);
    assert_eq!(c.gpr[1], 0x804);
    assert_eq!(bytes(&c, 0x8C, 4), vec![0, 6, 0, 0x80]);
    assert_eq!(bytes(&c, 0x96, 2), vec![0x10, 0]);
    // All zeros: no address placed, no event.
    let mut c = machine(&[ss(0xDF, 4, 0, 0x800, 0, 0x900), halt()]);
    c.mem.load(0x800, &[0x40, 0x20, 0x20, 0x20, 0x20]).unwrap();
    c.mem.load(0x900, &[0x00, 0x00, 0x0C]).unwrap();
    c.cr[9] = 0x1000_4000;
    c.set_psw(EC_PER).unwrap();
    finish(&mut c);
    assert_eq!(get32(&c, 0x8C), 0);
}

#[test]
fn per_cs_alters_storage_only_when_it_stores() {
    // CS 2,3,X'800' unequal, then equal.
    let mut c = machine(&[rs(0xBA, 2, 3, 0, 0x800), rs(0xBA, 2, 3, 0, 0x800), halt()]);
    put32(&mut c, 0x800, 1);
    c.gpr[3] = 7;
    c.cr[9] = 0x2000_0000;
    c.cr[10] = 0x800;
    c.cr[11] = 0x803;
    c.set_psw(EC_PER).unwrap();
    program_check(&mut c);
    assert_eq!(c.gpr[2], 1, "the unequal CS loaded the operand");
    assert_eq!(get32(&c, 0x800), 7, "the equal one stored");
    assert_eq!(
        get64(&c, 0x28) & 0x00FF_FFFF,
        0x1008,
        "the event is the second CS's"
    );
    assert_eq!(bytes(&c, 0x96, 6), vec![0x20, 0, 0, 0, 0x10, 0x04]);
}

#[test]
fn per_mvcl_unit_that_fails_is_no_alteration() {
    // MVCL 4,6: X'800' bytes from the last 2K of storage into X'2000', then X'800'
    // more from beyond storage (addressing). The area covers X'2800', never stored.
    let mut c = machine(&[rr(0x0E, 4, 6), halt()]);
    let top = c.mem.size();
    c.gpr[4] = 0x2000;
    c.gpr[5] = 0x1000;
    c.gpr[6] = top - 0x800;
    c.gpr[7] = 0x1000;
    c.cr[9] = 0x2000_0000;
    c.cr[10] = 0x2800;
    c.cr[11] = 0x2800;
    c.set_psw(EC_PER).unwrap();
    program_check(&mut c);
    assert_eq!(bytes(&c, 0x8C, 4), vec![0, 2, 0, 0x05]);
    assert_eq!(c.gpr[5], 0x800, "the first 2K were moved");
    // The area in the middle of the first unit: an event.
    let mut c = machine(&[rr(0x0E, 4, 6), halt()]);
    c.gpr[4] = 0x2000;
    c.gpr[5] = 0x100;
    c.gpr[6] = 0x3000;
    c.gpr[7] = 0x100;
    c.cr[9] = 0x2000_0000;
    c.cr[10] = 0x2080;
    c.cr[11] = 0x2080;
    c.set_psw(EC_PER).unwrap();
    program_check(&mut c);
    assert_eq!(bytes(&c, 0x8C, 4), vec![0, 2, 0, 0x80]);
    assert_eq!(bytes(&c, 0x96, 2), vec![0x20, 0]);
}
