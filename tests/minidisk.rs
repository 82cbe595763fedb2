//! A minidisk is a range of real cylinders: ALICE's program in scenarios/minidisk.ron
//! writes a record on cylinder 0 of her 191, and it must land on her first real cylinder
//! of the system residence volume — and BOB's cylinders must stay untouched.

use cpcms::cpu::TOD_PER_SECOND;
use cpcms::devices::dasd::{HEADER, Model, parse_track};
use cpcms::scenario::Scenario;
use cpcms::scenario::player::{Player, Progress, Target};
use cpcms::sysgen::{System, mdisk_cylinder};

#[test]
fn alices_cylinder_zero_is_her_first_real_cylinder() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let s = Scenario::load(&std::path::Path::new(dir).join("scenarios/minidisk.ron")).unwrap();
    let mut sys = System::boot(&s.sys_config(), None).unwrap();
    let mut player = Player::new(&s, false);
    loop {
        let limit = sys.now() + TOD_PER_SECOND;
        match player.advance(&mut sys, limit) {
            Progress::Running => continue,
            Progress::Done => break,
            other => panic!(
                "the scenario did not run to its end: {other:?} {:?}",
                player.failure()
            ),
        }
    }
    let img = sys.sysres_image().expect("the volume is in memory");
    let model = Model::D3350;
    let ts = model.track_size();
    let track = |cyl: u16, head: u16| {
        let at = HEADER + (cyl as usize * model.heads() as usize + head as usize) * ts;
        parse_track(&img[at..at + ts], cyl, head).unwrap()
    };
    // ALICE is user 0: her minidisk starts at real cylinder 1.
    let alice = track(mdisk_cylinder(0), 0);
    assert_eq!(alice.records.len(), 2, "R0 and the record ALICE wrote");
    let r1 = &alice.records[1];
    assert_eq!(
        &r1.count[..5],
        &[0, 1, 0, 0, 1],
        "the count field names the real cylinder"
    );
    let text = cpcms::ebcdic::decode(&r1.data);
    assert!(text.starts_with("HELLO FROM ALICE'S MINIDISK"), "{text}");
    // BOB's first track is as sysgen left it: R0 and the 19 blocks of a CMS disk.
    let bob = track(mdisk_cylinder(1), 0);
    assert_eq!(bob.records.len(), 20);
    assert_eq!(
        cpcms::ebcdic::decode(&bob.records[3].data[..10]),
        "CMS=BOB191"
    );
}

/// A minidisk belongs to its user, not to a position in the list of users: with a kept
/// volume (`--data`), reorder the users, drop ALICE and add CAROL, and CAROL's 191 must be
/// new cylinders, not ALICE's (which stay reserved with her files), while BOB keeps his.
/// What CP is given is read from its directory in real storage (DIRECTRY, SYSCONF).
#[test]
fn minidisks_follow_their_users_across_restarts() {
    use cpcms::sysgen::{SysConfig, User};
    let dir = std::env::temp_dir().join(format!("cpcms-owners-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let user = |id: &str| User {
        id: id.into(),
        password: id.into(),
        storage: 256 * 1024,
        classes: "G".into(),
        spool: cpcms::sysgen::DEFAULT_SPOOL,
    };
    let cfg = |ids: &[&str]| SysConfig {
        storage: 2 << 20,
        mips: 1.0,
        tod_epoch: 0,
        users: ids.iter().map(|i| user(i)).collect(),
        terminals: ids.len(),
        disks: Vec::new(),
        storage_at: None,
        volumes: Vec::new(),
        paging: None,
    };
    // CP's directory: (userid, first cylinder, cylinders of its 191) per entry that has
    // one (MAINT, whom sysgen adds, has only the 190 everyone links).
    let directory = |sys: &System| -> Vec<(String, u16, u16)> {
        let at = sys.cp.symbols["DIRECTRY"].value;
        let len = sys.cp.symbols["DIRLEN"].value;
        let devs = sys.cp.symbols["DIRDEVS"].value;
        let count = u32::from_be_bytes(
            sys.machine
                .peek(sys.cp.symbols["DIRCOUNT"].value, 4)
                .unwrap()
                .try_into()
                .unwrap(),
        );
        assert!(count <= 64, "DIRCOUNT {count}");
        (0..count)
            .filter_map(|i| {
                // Its 191: address, real disk, first cylinder, cylinders (DIRDLEN bytes
                // each, passwords after them).
                let dlen = sys.cp.symbols["DIRDLEN"].value as usize;
                let e = sys.machine.peek(at + i * len, len).unwrap();
                let d = e[devs as usize..]
                    .chunks(dlen)
                    .find(|d| d[..2] == [1, 0x91])?;
                Some((
                    cpcms::ebcdic::decode(&e[..8]).trim_end().to_string(),
                    u16::from_be_bytes([d[4], d[5]]),
                    u16::from_be_bytes([d[6], d[7]]),
                ))
            })
            .collect()
    };
    let first = System::boot_in(&cfg(&["ALICE", "BOB"]), None, Some(&dir)).unwrap();
    let before = directory(&first);
    assert_eq!(
        before,
        vec![
            ("ALICE".to_string(), mdisk_cylinder(0), 2),
            ("BOB".to_string(), mdisk_cylinder(1), 2)
        ]
    );
    drop(first);
    let again = System::boot_in(&cfg(&["CAROL", "BOB"]), None, Some(&dir)).unwrap();
    let after = directory(&again);
    assert_eq!(after[1], before[1], "BOB keeps his cylinders");
    let carol = &after[0];
    assert_eq!(carol.0, "CAROL");
    assert!(
        carol.1 >= before[1].1 + before[1].2,
        "CAROL gets new cylinders, not ALICE's: {after:?}"
    );
    drop(again);
    // ALICE comes back: her cylinders are still hers.
    let third = System::boot_in(&cfg(&["BOB", "ALICE", "CAROL"]), None, Some(&dir)).unwrap();
    let last = directory(&third);
    assert_eq!(last[1], before[0], "ALICE's 191 is where she left it");
    assert_eq!(last[2], *carol);
    let _ = std::fs::remove_dir_all(&dir);
}
