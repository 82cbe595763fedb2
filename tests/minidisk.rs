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
    // Nothing on BOB's first cylinder, nor on cylinder 0 beyond what sysgen put there.
    assert_eq!(track(mdisk_cylinder(1), 0).records.len(), 1);
}
