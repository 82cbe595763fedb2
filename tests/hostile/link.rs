//! LINK, DETACH and ATTACH, tried like an attacker (roms/cp/link.asm, attach.asm) (the hostile suite: see tests/hostile.rs).

use super::*;

/// The directory for the LINK tests: ALICE and BOB with a 191 each and passwords for
/// other users' links (BOB's has a read password only), MAINT's 190 linkable by anyone
/// read-only (ALL). Nobody links anything at LOGON.
pub(crate) const LINK_DIR: &str = "\
USER ALICE ALICE 256K\n MDISK 191 3350 1 2 CPCMS1 MR ALIREAD ALIWRITE ALIMULT\n\
 SPOOL 00C 2540 READER\n SPOOL 00D 2540 PUNCH\n\
USER BOB SWORDFSH 256K\n MDISK 191 3350 3 2 CPCMS1 MR BOBREAD\n\
USER MAINT MAINT 256K\n MDISK 190 3350 11 2 CPCMS1 RR ALL\n";

impl Rig {
    /// Type a CP command at terminal `t` (`#CP`, whatever the machine does) and wait for
    /// `answer`.
    pub(crate) fn cp(&mut self, t: usize, cmd: &str, answer: &str) {
        self.type_line(t, &format!("#CP {cmd}"));
        self.wait_for(t, answer, 2 * SEC)
            .unwrap_or_else(|e| panic!("{cmd}: {e}"));
        self.settle();
    }
}

/// ALICE's I/O to 391 must find nothing there (tests/hostile/nodev391.asm): CC 3.
pub(crate) fn nothing_at_391(rig: &mut Rig, after: &str) {
    let prog = program("nodev391");
    match rig.run_program(0, &prog, 10 * SEC) {
        Ok(0x600D) => {}
        other => panic!("after {after}: a disk at 391 ({other:x?})"),
    }
    rig.ipl_cms(0).expect("CMS again");
}

/// The directory's SPOOL statements decide the unit-record devices: ALICE's only one is
/// a reader at 01C, BOB has none. SIO at 00C, 00D and 00E gets CC 3 for both; at 01C
/// ALICE's reader takes a SENSE and BOB finds nothing (tests/hostile/spoolat.asm).
/// QUERY VIRTUAL lists what is there, commands that name a missing device by type are
/// refused, and IPL finds the reader at its own address.
#[test]
pub(crate) fn spool_statements_decide_the_unit_record_devices() {
    let dir = "USER ALICE ALICE 256K\n SPOOL 01C 2540 READER *\n MDISK 191 3350 1 2 CPCMS1 W\n\
               USER BOB BOB 256K\n";
    let mut rig = Rig::with_directory(dir, 2 << 20, &["ALICE", "BOB"]);
    let prog = program("spoolat");
    for (i, id, want) in [(0, "ALICE", 0x600D), (1, "BOB", 0x00C3)] {
        let code = rig.run_program(i, &prog, 10 * SEC);
        assert_eq!(code, Ok(want), "{id}: {}", rig.transcript(i));
    }
    rig.cp(0, "QUERY VIRTUAL", "RDR 01C CL * NOCONT NOHOLD EOF READY");
    rig.cp(1, "QUERY VIRTUAL", "STORAGE");
    for (i, no) in [
        (0, &["RDR 00C", "PUN", "PRT"][..]),
        (1, &["RDR", "PUN", "PRT"][..]),
    ] {
        let q = rig
            .transcript(i)
            .rsplit("QUERY VIRTUAL")
            .next()
            .unwrap()
            .to_string();
        for n in no {
            assert!(!q.contains(n), "{i}: {n} in {q}");
        }
    }
    rig.cp(1, "CLOSE READER", "OPERAND MISSING OR INVALID");
    rig.cp(1, "SPOOL PRINTER CLASS B", "OPERAND MISSING OR INVALID");
    rig.cp(1, "IPL 0", "DEV 0");
    rig.cp(0, "CLOSE PUNCH", "OPERAND MISSING OR INVALID");
    rig.cp(0, "IPL 00C", "DEV 00C");
    // Her reader is empty: IPL from it fails, and says where it is.
    rig.cp(0, "IPL 01C", "IPL 01C FAILED, CSW");
}

/// A read-only link made with the LINK command (MAINT's 190, read password ALL, so no
/// password asked) refuses writes with the real unit check, as the directory's do:
/// tests/hostile/rolink.asm reads R0 of the 190 and then tries to write a record there,
/// and MAINT's cylinders stay as they were.
#[test]
pub(crate) fn link_command_read_only_link_refuses_writes() {
    let mut rig = Rig::with_directory(LINK_DIR, 2 << 20, &["ALICE", "BOB"]);
    rig.cp(0, "LINK MAINT 190 190", "DASD 190 LINKED R/O");
    let snap = rig.snapshot(&["BOB"]);
    let prog = program("rolink");
    let code = rig.run_program(0, &prog, 10 * SEC);
    verdict(after_attack(&mut rig, &snap, &prog, code));
}

/// Every refused LINK leaves nothing behind, and a DETACHed link is gone: after each,
/// SIO and TIO at 391 get CC 3 (tests/hostile/nodev391.asm). A LINK over an address in
/// use leaves the disk there as it was, and ten wrong passwords end LINK for the
/// session, right password or not.
#[test]
pub(crate) fn link_refusals_and_detach_leave_no_disk() {
    let mut rig = Rig::with_directory(LINK_DIR, 2 << 20, &["ALICE", "BOB"]);
    // No write password in BOB's MDISK: no write link, whatever is typed.
    rig.cp(
        0,
        "LINK BOB 191 391 W PASS= BOBREAD",
        "NOT LINKED; NO WRITE PASSWORD",
    );
    nothing_at_391(&mut rig, "a W link to a disk without a write password");
    rig.cp(
        0,
        "LINK BOB 191 391 RR NOTRIGHT",
        "MODE OR PASSWORD INCORRECT",
    );
    nothing_at_391(&mut rig, "a wrong password");
    rig.cp(
        0,
        "LINK BOB 199 391 RR BOBREAD",
        "BOB 199 NOT LINKED; NOT IN CP DIRECTORY",
    );
    rig.cp(
        0,
        "LINK NOBODY 191 391",
        "NOBODY 191 NOT LINKED; NOT IN CP DIRECTORY",
    );
    nothing_at_391(&mut rig, "a link to a disk that does not exist");
    // Over her own 191: refused, and her 191 is still hers, read-write.
    rig.cp(0, "LINK BOB 191 191 RR BOBREAD", "DASD 191 ALREADY DEFINED");
    rig.cp(0, "QUERY DASD", "DASD 191 3350 CPCMS1 R/W 002 CYL");
    // A good link, then DETACH: the address is nothing again.
    rig.cp(
        0,
        "LINK BOB 191 391 RR BOBREAD",
        "DASD 391 LINKED R/O; R/W BY BOB",
    );
    rig.cp(0, "QUERY LINKS 391", "ALICE    391 R/O , BOB      191 R/W");
    rig.cp(0, "DETACH 391", "DASD 391 DETACHED");
    rig.cp(0, "DETACH 391", "DEV 391 DOES NOT EXIST");
    rig.cp(0, "DETACH 009", "OPERAND MISSING OR INVALID");
    // A unit-record device goes too: QUERY VIRTUAL no longer lists it.
    rig.cp(0, "DETACH 00D", "PUN 00D DETACHED");
    rig.cp(0, "QUERY VIRTUAL", "DASD 191 3350 CPCMS1 R/W 002 CYL");
    let q = rig
        .transcript(0)
        .rsplit("QUERY VIRTUAL")
        .next()
        .unwrap()
        .to_string();
    assert!(q.contains("RDR 00C") && !q.contains("PUN 00D"), "{q}");
    nothing_at_391(&mut rig, "DETACH 391");
    // Ten wrong passwords (one already): LINK is over for ALICE until she logs off.
    for _ in 0..9 {
        rig.cp(
            0,
            "LINK BOB 191 391 RR NOTRIGHT",
            "MODE OR PASSWORD INCORRECT",
        );
    }
    rig.cp(
        0,
        "LINK BOB 191 391 RR BOBREAD",
        "EXCESSIVE INCORRECT PASSWORDS",
    );
    nothing_at_391(&mut rig, "LINK after ten wrong passwords");
    let t = rig.transcript(0).to_string();
    assert!(!t.contains("DASD 391 LINKED R/O\n"), "{t}");
}

/// Write links while someone else has the disk: W and M are refused while ALICE has
/// her 191 R/W, MR is forced read-only; when she DETACHes it, BOB's own R/O link still
/// refuses W, and once he DETACHes that too, W is given: DETACH frees the link.
#[test]
pub(crate) fn link_write_modes_follow_who_has_the_disk() {
    let mut rig = Rig::with_directory(LINK_DIR, 2 << 20, &["ALICE", "BOB"]);
    rig.cp(
        1,
        "LINK ALICE 191 391 W ALIWRITE",
        "ALICE 191 NOT LINKED; R/W BY ALICE",
    );
    rig.cp(
        1,
        "LINK ALICE 191 391 M ALIMULT",
        "ALICE 191 NOT LINKED; R/W BY ALICE",
    );
    rig.cp(
        1,
        "LINK ALICE 191 391 MR ALIMULT",
        "DASD 391 FORCED R/O; R/W BY ALICE",
    );
    rig.cp(0, "DETACH 191", "DASD 191 DETACHED");
    rig.cp(
        1,
        "LINK ALICE 191 392 W ALIWRITE",
        "ALICE 191 NOT LINKED; R/O BY BOB",
    );
    rig.cp(
        1,
        "LINK ALICE 191 392 WR ALIWRITE",
        "DASD 392 FORCED R/O; R/O BY BOB",
    );
    rig.cp(1, "DETACH 391", "DASD 391 DETACHED");
    rig.cp(1, "DETACH 392", "DASD 392 DETACHED");
    rig.cp(1, "LINK ALICE 191 392 W ALIWRITE", "DASD 392 LINKED R/W");
    rig.cp(
        0,
        "LINK ALICE 191 191 RR",
        "DASD 191 LINKED R/O; R/W BY BOB",
    );
}

/// The password prompt, from CMS (DIAGNOSE X'08', which waits for the answer): the
/// typed password is not in the transcript (the terminal prints XXXXXXXX in its place),
/// the LINK is made, and CMS gets its ready line after it.
#[test]
pub(crate) fn link_password_prompt_is_masked_and_diagnose_waits() {
    let mut rig = Rig::with_directory(LINK_DIR, 2 << 20, &["ALICE", "BOB"]);
    rig.type_line(0, "CP LINK BOB 191 391 RR");
    rig.wait_for(0, "ENTER READ PASSWORD:", 2 * SEC).unwrap();
    rig.settle();
    rig.type_line(0, "bobread");
    rig.wait_for(0, "XXXXXXXX\nDASD 391 LINKED R/O; R/W BY BOB\nR;", 2 * SEC)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!rig.transcript(0).contains("bobread"));
}

/// The operator's ATTACH and DETACH of a real disk (USER01 at 151): refused for the
/// system residence volume, a volume holding minidisks (USER02 at 152, BOB's 191), a
/// disk that is not there, a user who is not logged on, an address in use and a disk
/// someone has already; given, ALICE has the whole disk at 391 read-only, with
/// messages at both ends; taken back, 391 is nothing again (CC 3).
#[test]
pub(crate) fn attach_and_detach_a_real_disk() {
    let dir = std::env::temp_dir().join(format!("cpcms-hostile-att-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let v1 = Volume::probe(
        0x151,
        &dir.join("u1.3350"),
        Some("USER01"),
        Some(10),
        true,
        "t",
    );
    let v2 = Volume::probe(
        0x152,
        &dir.join("u2.3350"),
        Some("USER02"),
        Some(5),
        true,
        "t",
    );
    let text = format!(
        "USER ALICE ALICE 256K\n MDISK 191 3350 1 2 CPCMS1 W\n\
         USER BOB {BOB_PASSWORD} 256K\n MDISK 191 3350 1 2 USER02 W\n"
    );
    let mut rig = Rig::with_volumes(&text, vec![v1.unwrap(), v2.unwrap()], 2 << 20, &["ALICE"]);
    let op = |rig: &mut Rig, cmd: &str, answer: &str| {
        let m = &mut rig.sys.machine;
        let from = m.transcript(0x009).unwrap_or_default().end();
        m.type_line(0x009, cmd).expect("operator");
        let deadline = m.now() + 2 * SEC;
        while !m
            .transcript(0x009)
            .unwrap_or_default()
            .since(from)
            .0
            .contains(answer)
        {
            assert!(
                m.now() < deadline,
                "{cmd}: no {answer:?} at the operator's console"
            );
            m.run_until(m.now() + MS);
        }
    };
    op(
        &mut rig,
        "ATTACH 150 TO ALICE AS 391",
        "DASD 150 ATTACHED TO SYSTEM",
    );
    op(
        &mut rig,
        "ATTACH 152 TO ALICE AS 391",
        "DASD 152 ATTACHED TO SYSTEM",
    );
    op(
        &mut rig,
        "ATTACH 153 TO ALICE AS 391",
        "DEV 153 DOES NOT EXIST",
    );
    op(&mut rig, "ATTACH 151 TO BOB AS 391", "BOB NOT LOGGED ON");
    op(
        &mut rig,
        "ATTACH 151 TO ALICE AS 191",
        "DEV 191 ALREADY DEFINED",
    );
    nothing_at_391(&mut rig, "refused ATTACHes");
    op(
        &mut rig,
        "ATTACH 151 TO ALICE AS 391 R/O",
        "DASD 151 ATTACHED TO ALICE 391",
    );
    rig.wait_for(0, "DASD 391 ATTACHED", SEC).unwrap();
    op(
        &mut rig,
        "ATTACH 151 ALICE 392",
        "DMKVDB122E DASD 151 ATTACHED TO ALICE\n",
    );
    rig.cp(0, "QUERY VIRTUAL", "DASD 391 ON DASD 151 R/O USER01");
    op(
        &mut rig,
        "DETACH 151 FROM ALICE",
        "DASD 151 DETACHED FROM ALICE 391",
    );
    rig.wait_for(0, "DASD 391 DETACHED BY OPERATOR", SEC)
        .unwrap();
    op(
        &mut rig,
        "DETACH 151 FROM ALICE",
        "DASD 151 NOT ATTACHED TO ALICE",
    );
    nothing_at_391(&mut rig, "the operator's DETACH");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The channel-program fuzzer on a disk ALICE got with the LINK command: MAINT's 291
/// (cylinders 1-2, multiple password MMULT) linked MW at her 191; she has no disk of her
/// own. 3,000 random programs (tests/hostile/fuzz191.asm), then every invariant of
/// `after_attack`: nothing outside those two cylinders changed (BOB's 191, cylinders
/// 3-4, holds his record), nothing of BOB's in her storage. A LINKed slot is bounded by
/// its extent exactly as a directory one is.
#[test]
pub(crate) fn fuzz_random_channel_programs_on_a_linked_disk() {
    let text = format!(
        "USER ALICE ALICE 512K\n\
         USER BOB {BOB_PASSWORD} 256K\n MDISK 191 3350 3 2 CPCMS1 W\n\
         USER MAINT MAINT 256K\n MDISK 291 3350 1 2 CPCMS1 MW MREAD MWRITE MMULT\n"
    );
    let mut rig = Rig::with_directory(&text, 2 << 20, &["ALICE", "BOB"]);
    rig.cp(0, "LINK MAINT 291 191 MW MMULT", "DASD 191 LINKED R/W");
    let bob = rig.user("BOB");
    assert_eq!(
        rig.run_program(bob, &program("bobmark"), 10 * SEC),
        Ok(0x600D)
    );
    rig.ipl_cms(bob).unwrap();
    let snap = rig.snapshot(&["BOB"]);
    let prog = patched(
        "fuzz191",
        &[
            ("SEED", &0x5EED_0191u32.to_be_bytes()),
            ("ROUNDS", &3000u32.to_be_bytes()),
        ],
    );
    let code = rig.run_fuzzer(&prog);
    verdict(after_attack(&mut rig, &snap, &prog, code));
}
