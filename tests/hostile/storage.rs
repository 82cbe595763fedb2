//! Storage (the hostile suite: see tests/hostile.rs).

use super::*;

/// LPSW with its operand at the first address past the guest's storage
/// (tests/hostile/lpswbeyond.asm).
///
/// Today: SIMLPSW's GCOPYIN fails and CP goes to NOSTORE: "DMKPTR111E REAL STORAGE
/// EXHAUSTED; MACHINE STOPPED" (ALICE's program never ends). Nothing else is harmed.
///
/// A correct CP reflects an addressing exception: program old PSW at X'28' with code 5,
/// ILC 2 (halfwords), the address past the LPSW (suppression); new PSW from X'68'.
#[test]
pub(crate) fn storage_lpsw_operand_beyond_storage() {
    attack("lpswbeyond", &[], 10 * SEC);
}

/// STIDP with its operand past the guest's storage (tests/hostile/stidpbeyond.asm).
/// Today: DMKPTR111E, the machine stopped, as for LPSW. A correct CP: addressing
/// exception (code 5, ILC 2, suppressed).
#[test]
pub(crate) fn storage_stidp_operand_beyond_storage() {
    attack("stidpbeyond", &[], 10 * SEC);
}

/// Virtual DAT with tables that name every address (tests/hostile/vdatmap.asm): ALICE
/// turns DAT on with a segment table mapping all 16M of virtual addresses one to one onto
/// "real" addresses 0-FFFFFF, and stores X'BAD!' and loads at one address in every 64K
/// past the end of her storage; then a page table, then a segment table, past it; then
/// a page-table entry with bits 13-14 set.
///
/// A CP whose shadow tables took her entries for real addresses stores into CP's or
/// BOB's storage. A correct CP (vat.asm: every entry she names is a guest real address,
/// through GTRANS) gives her what a real machine of her size gives: addressing
/// exceptions (code 5), and a translation-specification exception (X'12') for the bad
/// entry; every byte of CP's and BOB's storage unchanged.
#[test]
pub(crate) fn storage_virtual_dat_tables_name_every_address() {
    attack("vdatmap", &[], 30 * SEC);
}

/// The dual-address-space facility's tables beyond the guest's storage
/// (tests/hostile/dasbeyond.asm, DMKDAS): with virtual DAT on, SSAR through an ASN first
/// table past 16M and past her storage, an AFT entry and an authority table past it; PC
/// through a linkage table and an entry table past it; MVCP through a secondary segment
/// table past it; then a secondary space (and a primary) mapping all 16M one to one:
/// MVCP from, MVCS into, and in the secondary-space mode a load from one address in
/// every 64K past her storage. A real machine of her size gives an addressing exception
/// for each; so must CP (every table word and every operand through GTRANS), with CP's
/// and BOB's storage unchanged.
#[test]
pub(crate) fn storage_das_tables_beyond_storage() {
    attack("dasbeyond", &[], 30 * SEC);
}

/// DIAGNOSE X'0C' with its area past the guest's storage (tests/hostile/diagbeyond.asm).
/// Today: passes - DIAG0C goes to SIMADDR, an addressing exception (code 5, ILC 2, the
/// address past the DIAGNOSE). Kept as a guard.
#[test]
pub(crate) fn storage_diagnose_0c_area_beyond_storage() {
    attack("diagbeyond", &[], 10 * SEC);
}

/// LPSW in the last four bytes of the guest's storage (tests/hostile/lastbytes.asm).
///
/// Today: PRIVOP fetches six bytes of the instruction with GCOPYIN; the last two lie
/// past the end, and CP goes to NOSTORE: DMKPTR111E, the machine stopped.
///
/// A correct CP fetches the instruction's own length and emulates it: the LPSW loads
/// the PSW that brings ALICE's program to its X'600D'.
#[test]
pub(crate) fn storage_privileged_instruction_in_the_last_bytes() {
    attack("lastbytes", &[], 10 * SEC);
}

/// DIAGNOSE X'08' with its response buffer straddling, then wholly past, the end of the
/// guest's storage (tests/hostile/diag8beyond.asm).
///
/// Today: CPLINE counts each response line as given even when GCOPYOUT could not store
/// it, so DIAGNOSE answers CC 0 and Ry+1 = the whole response length for a buffer of
/// which 16 bytes (then none) exist (BAD1).
///
/// A correct CP refuses the buffer (addressing exception) or reports honestly: CC 0
/// with no more bytes than it stored, or CC 1.
#[test]
pub(crate) fn storage_diagnose_08_response_buffer_beyond_storage() {
    attack("diag8beyond", &[], 10 * SEC);
}

/// A user whose directory entry gives it 4M (the most the directory allows; twice the
/// real machine's 2M) touches every page (tests/hostile/hog.asm); then BOB logs on.
///
/// Today: HOG's page faults take every free frame (CP has no paging and no share per
/// user); HOG itself is stopped with DMKPTR111E when none is left, keeping its 502 frames,
/// and BOB's LOGON fails: "DMKPTR111E REAL STORAGE EXHAUSTED" (no frame for his DAT
/// tables).
///
/// A correct CP keeps real storage for the others (pages, or stops HOG at a share):
/// BOB logs on (CMS within 10 s) and his ready line comes within IDLE_BOUND while HOG
/// runs or waits.
#[test]
pub(crate) fn storage_large_user_leaves_room_for_others() {
    let users = [("HOG", "HOG", 4 << 20), ("BOB", BOB_PASSWORD, 256 * K)];
    let mut rig = Rig::boot(&users, 2 << 20);
    rig.logon(0);
    let prog = program("hog");
    rig.plant(0, &prog);
    rig.start(0, prog.origin);
    // HOG may finish, be stopped, or still run (paging): that is CP's business.
    let _ = rig.wait_code(0, 10 * SEC);
    let mut p = rig.cp_static_damage();
    let bob = rig.user("BOB");
    match rig.try_logon(bob) {
        Ok(()) => {
            if let Err(e) = rig.victim_answers(bob, IDLE_BOUND) {
                p.push(format!("BOB: {e}"));
            }
        }
        Err(e) => p.push(format!("BOB cannot log on beside HOG: {e}")),
    }
    verdict(p);
}

/// "MSG ALICE HELLO" and then three "QUERY TIME" in one DIAGNOSE X'08'
/// (tests/hostile/msgnext.asm). Found by the random privileged-instruction stream,
/// which overwrote ALICE's entry in CP's directory this way (PRIVGEN's AVOID X'20' now
/// ends a command text after a MSG).
///
/// Today: ALICE's program never ends and CP answers nobody (BOB's #CP QUERY TIME goes
/// unanswered). CMDMSG points R8 at the addressee's terminal and at the end loads the
/// sender's back from MSGR8, which nothing ever stores into: R8 comes back 0. The next
/// command's response is queued (TENQ) in an "RDEV" at real address 0: the queue slot
/// index is the halfword at X'18' (the last external old PSW: the running guest's, whose
/// key the guest chooses), the slot at X'A8' + 136 times it - in CP's page 0, another
/// user's frame, or past the end of real storage (then CPABEND). Here, right after
/// LOGON, X'18' is still 0: the six response lines go to X'A8', X'130', ... X'350', over
/// CP's interruption fields, INTREGS, GUESTREG and the dispatcher's fields; in the random
/// stream the index was 6 and the line landed on ALICE's entry in the directory. (A MSG
/// typed at a terminal also returns R8 = 0 to TINPUT, and IOHNDL then calls TSTART for
/// a "terminal" at address 0.)
///
/// A correct CP keeps the sender's RDEV: all three responses on ALICE's terminal,
/// nothing else changed.
#[test]
pub(crate) fn storage_msg_then_another_command_in_diagnose_08() {
    attack("msgnext", &[], 10 * SEC);
}
