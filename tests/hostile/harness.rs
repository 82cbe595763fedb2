//! The harness itself (the hostile suite: see tests/hostile.rs).

use super::*;

/// The harness against a session that does nothing wrong: BOB writes his record, ALICE
/// runs CMS commands and her own minidisk I/O (tests/minidisk's hello191 pattern); every
/// invariant holds. If this fails, the harness is wrong, not CP.
#[test]
pub(crate) fn harness_benign_session_keeps_every_invariant() {
    let mut rig = Rig::with_users(PAIR, 2 << 20);
    let bob = rig.user("BOB");
    assert_eq!(
        rig.run_program(bob, &program("bobmark"), 10 * SEC),
        Ok(0x600D)
    );
    rig.ipl_cms(bob).unwrap();
    let snap = rig.snapshot(&["BOB"]);
    assert!(!static_ranges(&rig.sys).is_empty());
    rig.type_line(0, "CP QUERY NAMES");
    rig.wait_for(0, "R;", SEC).unwrap();
    rig.type_line(0, "#CP QUERY VIRTUAL");
    rig.wait_for(0, "DASD 191", SEC).unwrap();
    let prog = program("benign");
    let code = rig.run_program(0, &prog, 10 * SEC);
    verdict(after_attack(&mut rig, &snap, &prog, code));
}

/// ALICE's minidisk I/O lands on her cylinders: the harness sees the change there and
/// nowhere else, and sees BOB's record on his.
#[test]
pub(crate) fn harness_sees_where_records_land() {
    let mut rig = Rig::with_users(PAIR, 2 << 20);
    let before = rig.snapshot(&[]);
    assert_eq!(
        rig.run_program(1, &program("bobmark"), 10 * SEC),
        Ok(0x600D)
    );
    let changed = rig.volume_damage(&before, "ALICE");
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].contains("cylinder 3 head 0") && changed[0].contains("BOB"));
    let img = rig.sys.sysres_image().unwrap();
    let ts = Model::D3350.track_size();
    let at = HEADER + 3 * Model::D3350.heads() as usize * ts;
    let t = parse_track(&img[at..at + ts], 3, 0).unwrap();
    assert_eq!(t.records.len(), 2);
    assert_eq!(&t.records[1].count, &[0, 3, 0, 0, 1, 0, 0, 80]);
    assert!(cpcms::ebcdic::decode(&t.records[1].data).contains(BOB_RECORD));
}

/// The checks see damage when there is some: a byte of the directory, a byte of one of
/// BOB's frames, a byte of cylinder 0 (through a real channel program on the side) and a
/// password planted in ALICE's storage.
#[test]
pub(crate) fn harness_sees_damage() {
    let mut rig = Rig::with_users(PAIR, 2 << 20);
    let snap = rig.snapshot(&["BOB"]);
    let ranges = static_ranges(&rig.sys);
    let dir = rig.sym("DIRECTRY");
    assert!(ranges.iter().any(|&(a, l, _)| (a..a + l).contains(&dir)));
    assert!(ranges.iter().map(|r| r.1).sum::<u32>() > 8 * 1024);
    assert!(rig.cp_static_damage().is_empty());
    rig.sys.machine.load(dir + 8, &[0x40]).unwrap();
    assert_eq!(rig.cp_static_damage().len(), 1);
    let (pages, _) = rig.pages("BOB");
    rig.sys.machine.load(pages[0].1 + 0x300, &[0xEE]).unwrap();
    assert_eq!(rig.frame_damage(&snap).len(), 1);
    let (apages, _) = rig.pages("ALICE");
    let f = apages.iter().find(|p| p.0 == 0x20000).map(|p| p.1);
    assert!(f.is_none(), "ALICE has not touched X'20000' yet");
    rig.sys
        .machine
        .load(apages[1].1 + 0x10, &ebcdic(BOB_PASSWORD))
        .unwrap();
    assert_eq!(rig.leaks("ALICE", 0..0, &[BOB_PASSWORD]).len(), 1);
}

/// Every program in tests/hostile assembles and has a test (COPY members - the files
/// without a START - are used by the programs).
#[test]
pub(crate) fn harness_every_program_assembles_and_is_used() {
    // The suite's sources: tests/hostile.rs and its modules, tests/hostile/*.rs.
    let mut here = String::new();
    for e in std::fs::read_dir(hostile_dir()).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_some_and(|x| x == "rs") {
            here.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
    let mut n = 0;
    for e in std::fs::read_dir(hostile_dir()).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_none_or(|x| x != "asm") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        if !text
            .lines()
            .any(|l| l.split_whitespace().nth(1) == Some("START"))
        {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let prog = program(&name);
        assert!(!prog.image.is_empty(), "{name}");
        assert!(
            here.contains(&format!("\"{name}\"")),
            "tests/hostile/{name}.asm has no test"
        );
        n += 1;
    }
    assert!(n >= 20);
}
