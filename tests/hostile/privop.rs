//! Privileged instructions (the hostile suite: see tests/hostile.rs).

use super::*;

/// SSK, then ISK, with R2 = a page of ALICE's plus 1 (tests/hostile/sskodd.asm). Found by
/// the random privileged-instruction stream in its first second (PRIVGEN's AVOID X'80'
/// now puts R2 on 16).
///
/// Today: the whole machine stops - DISABLED WAIT 000A0000 00ABE000 (CPABEND), with
/// the program old PSW after SIMSSK's SSK (privop.asm, "SSK R0,R2"), code 6: CP
/// translates the guest's address and issues the real SSK with its low four bits,
/// which must be zero. Any user can stop the system with two instructions.
///
/// A correct CP checks the bits and reflects the specification exception (code 6) to
/// the guest, for SSK and for ISK: X'600D'.
#[test]
pub(crate) fn privop_ssk_isk_with_low_bits_in_the_address() {
    attack("sskodd", &[], 10 * SEC);
}

/// SSM as the target of EXECUTE (tests/hostile/exssm.asm). Not an attack: fidelity.
/// Seen in the random privileged-instruction stream, where every EXECUTEd privileged
/// instruction (one in sixteen) came back as an operation exception.
///
/// Before: the guest got an operation exception (BAD1): PRIVOP fetched the instruction
/// at PSW - ILC, which is the EX itself (X'44'), not in its table. Now CP looks through
/// EX and emulates the target (PRVEX, as VM/370's DMKPRV did): X'600D'.
#[test]
pub(crate) fn privop_execute_of_a_privileged_instruction() {
    attack("exssm", &[], 10 * SEC);
}

/// Storage keys on the operands of the instructions CP emulates (tests/hostile/keyemu.asm):
/// with PSW key 5, STCTL, STIDP, STPT into a block of key 3 with fetch protection, and
/// LCTL, LPSW, SSM, SPT from it, are protection exceptions, as on the real machine. Not an
/// attack: fidelity (CP stores and fetches with its own key 0).
#[test]
pub(crate) fn privop_storage_keys_on_emulated_operands() {
    attack("keyemu", &[], 10 * SEC);
}

/// An I/O new PSW that is a disabled wait, loaded by the dispatcher presenting the
/// interruption to a waiting machine (tests/hostile/iodwait.asm). CP types DISABLED WAIT
/// and must leave the machine stopped (CP READ): a line typed without #CP is a CP
/// command. Before the fix the dispatcher, finding the new PSW a wait PSW, marked the
/// stopped machine "waiting" again (DSPREADY), and a line typed went to the guest.
#[test]
pub(crate) fn io_new_psw_disabled_wait_stops_the_machine() {
    let mut rig = Rig::with_users(PAIR, 2 << 20);
    assert_eq!(
        rig.run_program(0, &program("iodwait"), 10 * SEC),
        Ok(0x600D)
    );
    let id = rig.users[0].id.clone();
    rig.settle();
    assert!(
        rig.stopped(&id),
        "the machine is not stopped after its disabled wait"
    );
    rig.type_line(0, "QUERY TIME");
    rig.wait_for(0, "TIME IS", SEC)
        .expect("a stopped machine's terminal talks to CP");
}

/// PER on for every event over all of storage (tests/hostile/perall.asm, DMKPRX): an
/// SVC with a PER event (the CPU presents the PER interruption with CP's SVC new PSW
/// as its old PSW - CP died of it without PRGCP), DIAGNOSE X'08' and other emulated
/// instructions with their fetch events, MVCL into the end of storage (X'0085'), a
/// wrapped area. The guest counts its interruptions and ends; BOB is untouched.
#[test]
pub(crate) fn privop_per_every_event_everywhere() {
    attack("perall", &[], 30 * SEC);
}

/// Low-address protection, MVCK with a CR3 of all ones, the DAS instructions with DAT
/// off, LASP, TPROT, an MVS assist, SSKE and ISKE past the end of storage
/// (tests/hostile/lowpdas.asm, issue 12's DMKPRX). The guest's CR0 bit 3 is the real
/// one while it runs: CP, writing the guest's DIAGNOSE X'08' answer on the terminal
/// (its CAW at real X'48'), must have put its own CR0 back; each instruction gets the
/// POO's program check; BOB is untouched.
#[test]
pub(crate) fn privop_low_address_protection_das_assists_beyond_storage() {
    attack("lowpdas", &[], 20 * SEC);
}
