//! Channel programs on the 191 (the hostile suite: see tests/hostile.rs).

use super::*;

/// A data-chained CCW whose own command byte is X'03' (tests/hostile/chain03.asm).
///
/// The channel ignores the command byte of a data-chained CCW: it only continues the
/// data area of the operation in progress. ALICE writes a record with WRITE DATA (8
/// bytes, chain data) followed by an "X'03'" CCW for 4088 bytes at address 0, then
/// reads the record back.
///
/// Today: CCWTRANS takes the X'03' for a NO-OP and leaves its data address alone, a
/// real address; the channel writes real page 0 — CP's PSA and the directory with every
/// password — onto ALICE's minidisk, and she reads BOB's password back (wait code
/// BAD1, and the harness finds "SWORDFSH" in her buffer).
///
/// A correct CP translates every data-chained CCW as part of the operation it continues
/// (here output from guest storage: ALICE's own page 0), or refuses the program with a
/// program check; either way every byte the channel moves is ALICE's.
#[test]
pub(crate) fn ccw_data_chained_noop_uses_real_address() {
    channel_attack("chain03", &[]);
}

/// A SEEK argument split across data-chained CCWs, 2 + 4 bytes
/// (tests/hostile/splitseek.asm): BB from the SEEK, CC HH from a data-chained CCW whose
/// command byte (X'06') the channel ignores.
///
/// Today: CCWTRANS relocates the cylinder in a 6-byte copy of the SEEK CCW's own
/// argument, of which the channel reads only 2 bytes, and translates the second CCW as a
/// READ into guest storage: the device gets ALICE's CC HH unrelocated and seeks real
/// cylinder 0. ALICE reads R1 of every head there and finds CP's first page, with the
/// directory: BOB's password (wait code BAD1, "SWORDFSH" in her buffer).
///
/// A correct CP relocates the argument the channel actually uses (assembling it from
/// the data chain) or refuses a split argument: the seek lands on ALICE's own
/// cylinder 0, or nowhere.
#[test]
pub(crate) fn ccw_seek_argument_split_by_data_chaining() {
    channel_attack("splitseek", &[]);
}

/// A SEARCH ID argument split across data-chained CCWs, 1 + 4 bytes, with the access arm
/// where the LOGONs left it (tests/hostile/splitsrch.asm).
///
/// Today: after IPL CMS (at LOGON) the arm is on real cylinder 0. The channel gets the
/// first byte of CP's relocated copy (X'00') and four bytes of ALICE's own (cylinder low
/// byte, head, record), so a multi-track SEARCH ID EQUAL finds R1 of CP's first page
/// (on head CPHEAD, set by the test); ALICE reads it (BOB's password: BAD1) and then
/// overwrites it with zeros (cylinder 0 changed: the CP the next IPL would load).
///
/// A correct CP relocates the argument the channel uses, or refuses it; and it puts the
/// arm on ALICE's minidisk before her program runs (see `ccw_no_seek_...`). The search
/// then finds nothing: nothing is read, nothing written.
#[test]
pub(crate) fn ccw_search_argument_split_by_data_chaining() {
    let mut rig = Rig::with_users(PAIR, 2 << 20);
    let head = cp_head(&rig).to_be_bytes();
    let snap = rig.snapshot(&["BOB"]);
    let prog = patched("splitsrch", &[("CPHEAD", &head)]);
    let code = rig.run_program(0, &prog, 60 * SEC);
    verdict(after_attack(&mut rig, &snap, &prog, code));
}

/// RECALIBRATE (X'13'), then SEARCH KEY EQUAL 'VOL1', READ DATA and WRITE DATA
/// (tests/hostile/recal.asm).
///
/// Today: CCWTRANS knows SEEK, SEEK CYLINDER, SEEK HEAD and SEARCH ID as positioning
/// commands; RECALIBRATE passes as if it moved data, and takes the arm to real
/// cylinder 0 head 0. A key search needs no cylinder number: ALICE reads the volume
/// label (BAD1, "VOL1CPCMS1" in her buffer) and overwrites it (cylinder 0 head 0
/// changed).
///
/// A correct CP makes RECALIBRATE a seek to the minidisk's cylinder 0, head 0 (which
/// has no keyed record: the search ends in "no record found") or refuses it.
#[test]
pub(crate) fn ccw_recalibrate_goes_to_real_cylinder_zero() {
    channel_attack("recal", &[]);
}

/// READ IPL (X'02') and the records chained after it (tests/hostile/readipl.asm).
///
/// Today: READ IPL passes as a plain read; the device seeks real cylinder 0 head 0 by
/// itself: ALICE reads CP's IPL record (its IPL PSW and loader CCWs), the loader and the
/// volume label (BAD1, "VOL1CPCMS1" in her buffer).
///
/// A correct CP makes READ IPL read the minidisk's own cylinder 0 head 0 (a virtual
/// machine's own IPL record), or refuses it.
#[test]
pub(crate) fn ccw_read_ipl_reads_the_real_ipl_record() {
    channel_attack("readipl", &[]);
}

/// SEEK HEAD (X'1B') alone, on every head (tests/hostile/seekhead.asm).
///
/// Today: CCWTRANS relocates the CC of SEEK HEAD's argument like a SEEK's, but the device
/// takes only HH and stays on its current cylinder: real cylinder 0, where the LOGONs'
/// IPL CMS left the arm. ALICE reads R1 of every track of cylinder 0 and finds CP's
/// first page: BOB's password (BAD1).
///
/// A correct CP keeps SEEK HEAD on the guest's cylinder (a full SEEK to the guest's
/// current relocated cylinder, or a refusal unless a SEEK in the same program set it).
#[test]
pub(crate) fn ccw_seek_head_stays_on_the_arms_cylinder() {
    channel_attack("seekhead", &[]);
}

/// A channel program with no SEEK, right after BOB's I/O (tests/hostile/noseek.asm,
/// after tests/hostile/bobmark.asm ran in BOB's machine).
///
/// Today: the arm is where BOB's program left it, on BOB's cylinder; ALICE's READ R0 /
/// READ CKD has nothing to relocate and reads BOB's record (BAD1, "THE EAGLE LANDS AT
/// MIDNIGHT" in her buffer).
///
/// A correct CP positions the arm on ALICE's minidisk before her program (at her last
/// seek address, or her cylinder 0) or refuses a program that does not begin with a
/// SEEK.
#[test]
pub(crate) fn ccw_no_seek_reads_where_the_last_user_left_the_arm() {
    let mut rig = Rig::with_users(PAIR, 2 << 20);
    let bob = rig.user("BOB");
    assert_eq!(
        rig.run_program(bob, &program("bobmark"), 10 * SEC),
        Ok(0x600D)
    );
    let snap = rig.snapshot(&["BOB"]);
    let prog = program("noseek");
    let code = rig.run_program(0, &prog, 60 * SEC);
    verdict(after_attack(&mut rig, &snap, &prog, code));
}

/// A SEEK to a head the disk does not have, then BOB's I/O, then twice a program whose
/// only seek is SEEK HEAD (tests/hostile/badhead.asm, bobmark.asm, headread.asm).
///
/// Found by the long fuzz run (CAROL's reader): CP took the refused head for where
/// ALICE's arm was; its own SEEK in front of her next program was refused too, yet it
/// counted the arm as hers, so her program after that ran on BOB's cylinder (BAD1).
/// A correct CP keeps only seeks the disk can do, and owns the arm only once its SEEK
/// has run.
#[test]
pub(crate) fn ccw_refused_seek_then_no_seek() {
    let mut rig = Rig::with_users(PAIR, 2 << 20);
    assert_eq!(
        rig.run_program(0, &program("badhead"), 10 * SEC),
        Ok(0x600D)
    );
    let bob = rig.user("BOB");
    assert_eq!(
        rig.run_program(bob, &program("bobmark"), 10 * SEC),
        Ok(0x600D)
    );
    let snap = rig.snapshot(&["BOB"]);
    let prog = program("headread");
    // The first: CP's SEEK in front of it is where the refused head would show; the
    // second: where the arm would still be on BOB's cylinder. (No victim check between
    // them: it would IPL BOB's CMS, and CP's own reading would move the arm.)
    let first = rig.run_program(0, &prog, 60 * SEC);
    assert_eq!(first, Ok(0x600D), "the first HEADREAD");
    let code = rig.run_program(0, &prog, 60 * SEC);
    verdict(after_attack(&mut rig, &snap, &prog, code));
}

/// More than one TIC in a channel program (tests/hostile/tic2.asm): SEEK, TIC to the
/// search, SEARCH ID, TIC back to it, TIC to the read, READ DATA.
///
/// Found by the long fuzz run (seed 5EED0002, round 219,034, CP dead): CCWTRANS counted
/// its TICs with `LA R0,1(R0)` - R0 as a base is no register, so the count stayed 1 and
/// every TIC after the first went to the real channel with the guest's address, run as
/// a real one: the channel ran whatever CCWs lay in that real storage (here it cleared
/// CP's page 0). A correct CP resolves every TIC: the program reads ALICE's record as
/// the plain SEEK, SEARCH, TIC, READ does.
#[test]
pub(crate) fn ccw_second_tic_points_at_cps_copy() {
    channel_attack("tic2", &[]);
}

/// The 191 while its channel program runs (tests/hostile/busy191.asm): CP runs a guest's
/// disk program while the guest runs on, so the guest can look at its busy disk. SIO and
/// TIO give CC 2, HIO CC 1 and the interruption that follows names one of the guest's
/// own CCWs; then TIO finds the disk idle, a plain read ends cleanly, and an endless
/// program left alone is halted by CP's watchdog with a program check at the guest's CCW.
#[test]
pub(crate) fn ccw_busy_disk_looks_like_a_real_channel() {
    channel_attack("busy191", &[]);
}

/// LOGOFF and IPL while disk programs run or wait their turn (tests/hostile/ioloop.asm).
///
/// ALICE and CAROL each start long disk programs (about 67 ms each) on the same real
/// disk, one after another, so at any moment one runs and the other waits in the queue;
/// ALICE's read a record of hers (an inverted marker no program image holds) into her
/// frames. Four times, at different moments, ALICE logs off and on again and CAROL
/// re-IPLs CMS; CP must cancel their requests - the running one halted - before ALICE's
/// frames go back, so the record never shows up in anyone's storage afterwards (DAVE
/// takes new frames just as ALICE logs off, tests/hostile/toucher.asm), both
/// get working machines (ready lines), BOB's frames and every track outside ALICE's
/// minidisk stay as they were, and BOB is answered.
#[test]
pub(crate) fn io_logoff_and_ipl_while_programs_run_or_wait() {
    let users = [
        ("ALICE", "ALICE", 256 * K),
        ("BOB", BOB_PASSWORD, 256 * K),
        ("CAROL", "CAROL", 256 * K),
        ("DAVE", "DAVE", 1024 * K),
    ];
    let mut rig = Rig::with_users(&users, 4 << 20);
    let snap = rig.snapshot(&["BOB"]);
    let prog = program("ioloop");
    let toucher = program("toucher");
    let dave = rig.user("DAVE");
    rig.plant(dave, &toucher);
    let quiet = patched("ioloop", &[("WRITEIT", &[0; 4])]);
    let marker: Vec<u8> = ebcdic(&format!("{:<80}", "IOLOOP MARKER: WHOSE FRAME IS THIS?"))
        .iter()
        .map(|b| !b)
        .collect();
    let (alice, carol) = (rig.user("ALICE"), rig.user("CAROL"));
    let loops = prog.symbols["NLOOPS"].value;
    let count =
        |rig: &Rig, id: &str| u32::from_be_bytes(rig.guest_bytes(id, loops, 4).try_into().unwrap());
    let mut p = Vec::new();
    for round in 0..4u64 {
        rig.plant(alice, &prog);
        rig.start(alice, prog.origin);
        rig.plant(carol, &quiet);
        rig.start(carol, quiet.origin);
        rig.run_for((400 + 23 * round) * MS).expect("CP alive");
        let (a, c) = (count(&rig, "ALICE"), count(&rig, "CAROL"));
        if a == 0 || c == 0 {
            p.push(format!(
                "round {round}: the disk programs did not run (ALICE {a}, CAROL {c})"
            ));
        }
        let mem = rig.guest_bytes("ALICE", 0, 256 * K);
        if !mem.windows(marker.len()).any(|w| w == marker) {
            p.push(format!(
                "round {round}: the harness finds no record in ALICE's storage"
            ));
        }
        rig.type_line(alice, "#CP LOGOFF");
        rig.start(dave, toucher.origin);
        if let Err(e) = rig.wait_for(alice, "LOGOFF AT", SEC) {
            p.push(format!("round {round}: ALICE's LOGOFF: {e}"));
            break;
        }
        if let Err(e) = rig.ipl_cms(carol) {
            p.push(format!("round {round}: CAROL: {e}"));
            break;
        }
        if let Err(e) = rig.try_logon(alice) {
            p.push(format!("round {round}: {e}"));
            break;
        }
        rig.run_for(300 * MS).expect("CP alive");
        if let Err(e) = rig.wait_code(dave, SEC) {
            p.push(format!("round {round}: DAVE's pages: {e}"));
        }
        for (id, size) in [("ALICE", 256), ("BOB", 256), ("CAROL", 256), ("DAVE", 1024)] {
            let mem = rig.guest_bytes(id, 0, size * K);
            if let Some(at) = mem.windows(marker.len()).position(|w| w == marker) {
                p.push(format!(
                    "round {round}: ALICE's record read into {id}'s storage at {at:06X} \
                     after she logged off"
                ));
            }
        }
    }
    p.extend(rig.cp_static_damage());
    p.extend(rig.frame_damage(&snap));
    p.extend(rig.volume_damage(&snap, "ALICE"));
    let bob = rig.user("BOB");
    if let Err(e) = rig.victim_answers(bob, IDLE_BOUND) {
        p.push(format!("BOB: {e}"));
    }
    verdict(p);
}

/// DETACH of a minidisk while its channel programs run or wait (tests/hostile/ioloop.asm,
/// endless 50 ms programs on ALICE's 191, and CAROL's on hers, on the same real disk):
/// CP halts ALICE's running program and takes her waiting ones out of the queue
/// (IOSCANDV) before the slot is cleared, so nothing ends later into the slot (empty
/// after DETACH, or the next LINK's). ALICE's 191 is then not there (her next SIO: CC 3,
/// the loop stops counting), CAROL's disk goes on, CP is whole, BOB answers.
#[test]
pub(crate) fn detach_while_the_disk_works() {
    let users = [
        ("ALICE", "ALICE", 256 * K),
        ("BOB", BOB_PASSWORD, 256 * K),
        ("CAROL", "CAROL", 256 * K),
    ];
    let mut rig = Rig::with_users(&users, 4 << 20);
    let snap = rig.snapshot(&["BOB"]);
    let prog = program("ioloop");
    let quiet = patched("ioloop", &[("WRITEIT", &[0; 4])]);
    let (alice, carol) = (rig.user("ALICE"), rig.user("CAROL"));
    let loops = prog.symbols["NLOOPS"].value;
    let count =
        |rig: &Rig, id: &str| u32::from_be_bytes(rig.guest_bytes(id, loops, 4).try_into().unwrap());
    let mut p = Vec::new();
    rig.plant(alice, &prog);
    rig.start(alice, prog.origin);
    rig.plant(carol, &quiet);
    rig.start(carol, quiet.origin);
    rig.run_for(300 * MS).expect("CP alive");
    if count(&rig, "ALICE") == 0 || count(&rig, "CAROL") == 0 {
        p.push("the disk programs did not run".to_string());
    }
    // Her 191's slot in her VMBLOK (VMVDEVS): after DETACH it must stay empty.
    let vm = rig.vmblok("ALICE").expect("ALICE's VMBLOK");
    let (slots, len) = (rig.sym("VMVDEVS"), rig.sym("VDEVLEN"));
    let slot = (0..rig.sym("VMNVDEV"))
        .map(|i| vm + slots + i * len)
        .find(|&a| rig.half(a) == 0x191)
        .expect("ALICE's 191 slot");
    rig.type_line(alice, "#CP DETACH 191");
    if let Err(e) = rig.wait_for(alice, "DASD 191 DETACHED", SEC) {
        p.push(format!("ALICE's DETACH: {e}"));
    }
    rig.run_for(100 * MS).expect("CP alive");
    let left = rig.sys.machine.peek(slot, len).expect("VMBLOK").to_vec();
    if left.iter().any(|&b| b != 0) {
        p.push(format!(
            "ALICE's detached 191 slot is not empty 100 ms later (a program of it ended \
             into it): {left:02X?}"
        ));
    }
    let (a0, c0) = (count(&rig, "ALICE"), count(&rig, "CAROL"));
    rig.run_for(500 * MS).expect("CP alive");
    let (a1, c1) = (count(&rig, "ALICE"), count(&rig, "CAROL"));
    if a1 != a0 {
        p.push(format!("ALICE's loop went on after DETACH ({a0} -> {a1})"));
    }
    if c1 <= c0 {
        p.push(format!(
            "CAROL's disk stopped after ALICE's DETACH ({c0} -> {c1})"
        ));
    }
    p.extend(rig.cp_static_damage());
    p.extend(rig.frame_damage(&snap));
    let bob = rig.user("BOB");
    if let Err(e) = rig.victim_answers(bob, IDLE_BOUND) {
        p.push(format!("BOB: {e}"));
    }
    verdict(p);
}

/// READ HOME ADDRESS (X'1A') and WRITE R0 (X'15') (tests/hostile/readha.asm).
///
/// Today: both pass as plain data transfers. READ HA after a SEEK to ALICE's cylinder 0
/// shows her the real cylinder (00 0001 0000: BAD1), and WRITE R0 writes a count field
/// naming cylinder 0 onto her real cylinder 1, head 0: the track's R0 no longer names
/// its own cylinder.
///
/// A correct CP refuses both on a minidisk, or keeps the illusion both ways: READ HA
/// shows the virtual cylinder, WRITE R0's count field is relocated like WRITE CKD's.
/// Either way the R0 of ALICE's real track names that track.
#[test]
pub(crate) fn ccw_read_home_address_and_write_r0() {
    let mut rig = Rig::with_users(PAIR, 2 << 20);
    let snap = rig.snapshot(&["BOB"]);
    let prog = program("readha");
    let code = rig.run_program(0, &prog, 60 * SEC);
    let mut p = after_attack(&mut rig, &snap, &prog, code);
    let cyl = mdisk_cylinder(rig.user("ALICE"));
    let img = rig.sys.sysres_image().unwrap();
    let ts = Model::D3350.track_size();
    let at = HEADER + cyl as usize * Model::D3350.heads() as usize * ts;
    match parse_track(&img[at..at + ts], cyl, 0) {
        Ok(t) => {
            let c = cyl.to_be_bytes();
            if let Some(r0) = t.records.first()
                && r0.count[..5] != [c[0], c[1], 0, 0, 0]
            {
                p.push(format!(
                    "R0 of ALICE's real cylinder {cyl} head 0 has the count field {:02X?}: \
                     it does not name its own track",
                    r0.count
                ));
            }
        }
        Err(e) => p.push(format!("ALICE's first track is damaged: {e}")),
    }
    verdict(p);
}

/// A status-modifier skip past the end of what CP copied (tests/hostile/skip.asm).
///
/// Today: a program CP refuses half-way (four NO-OPs, then WRITE DATA of 9000 bytes from
/// 0: too long for its IDAW lists) leaves that fifth CCW copied raw in CP's buffer
/// (RCW). Then SEEK / READ R0 / SEARCH ID EQUAL R1 / NO-OP: the search succeeds, the
/// channel skips the NO-OP and runs the stale raw WRITE DATA, whose address is real: ALICE's R1 gets
/// real page 0 with the directory (BAD1, "SWORDFSH" in her buffer).
///
/// A correct CP translates the CCW a successful search skips to as well (or ends its
/// copy with something harmless), and never leaves a guest's raw CCW where the channel
/// can reach it.
#[test]
pub(crate) fn ccw_status_modifier_skips_past_the_copy() {
    channel_attack("skip", &[]);
}

/// The IDA flag (X'04') set by the guest on a SEEK (tests/hostile/ida.asm).
///
/// Today: CCWTRANS points the SEEK at its relocated copy of the argument but keeps the
/// guest's flags, so the channel reads the copy's first four bytes (BB and the relocated
/// CC) as an IDAW: the seek argument comes from real address X'00bb0001', for any bb the
/// guest picks. ALICE wrote 00 0000 0000 at offset 1 of all her pages; where one of
/// them sits on a 64K boundary of real storage the seek goes to real cylinder 0, and she
/// reads the volume label (BAD1, "VOL1CPCMS1" in her buffer).
///
/// A correct CP never lets a guest's flag make the channel take CP's data for IDAWs: it
/// ignores or refuses IDA where it supplies the data, and translates the guest's own
/// IDAWs where the guest does.
#[test]
pub(crate) fn ccw_guest_ida_flag_on_a_seek() {
    channel_attack("ida", &[]);
}

/// Large counts on SEEK and SEARCH ID arguments, and arguments in the last bytes of
/// storage (tests/hostile/bigseek.asm).
///
/// Today: passes. CCWTRANS copies a fixed 6 (SEEK) or 5 (SEARCH ID) bytes whatever the
/// count, and the device uses no more. Kept as a guard for a CP that would copy (or
/// check) by the CCW's count: it must neither overrun its copy nor refuse an argument
/// that fits in storage; nothing outside ALICE's storage and minidisk may change.
#[test]
pub(crate) fn ccw_large_count_on_seek_and_search_arguments() {
    channel_attack("bigseek", &[]);
}

/// Minidisk I/O with a prefix (tests/hostile/pfxdisk.asm): CCW, IDAW and data addresses
/// are absolute. ALICE writes from absolute page 0 and reads into it and (through an
/// IDAW list in absolute page 0) into the prefix page while she changes the prefix
/// between SIO and the interruption, then with the last page as the prefix; every byte
/// must land where the architecture puts it, seen through real (prefixed) addresses.
#[test]
pub(crate) fn ccw_prefix_absolute_addresses() {
    attack("pfxdisk", &[], 20 * SEC);
}

/// The spooled punch and reader with a prefix (tests/hostile/pfxspool.asm): a card punched
/// from absolute page 0 through a TIC there, and read back into absolute page 0, land
/// where the architecture puts them.
#[test]
pub(crate) fn ccw_prefix_spooled_unit_record() {
    attack("pfxspool", &[], 20 * SEC);
}
