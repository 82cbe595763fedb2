//! DASD tests through the channel (no CPU): geometry, write-through to the image file,
//! and random channel programs and damaged track images that must never panic.
//! The comparisons with Hercules are in tests/devices.rs.

use super::*;
use crate::channel::{Ccw, CcwFlags, Channel, Csw};
use crate::cpu::{IoBus, IoCc};
use crate::devices::printer::Printer;
use crate::devices::punch::CardPunch;
use crate::devices::reader::CardReader;
use crate::storage::Storage;

const DEV: u16 = 0x190;

fn setup(model: Model, cyls: u16) -> (Channel, Storage) {
    let mut ch = Channel::new();
    let d = Dasd::in_memory(new_volume(model, cyls, Some("TEST01")), model).unwrap();
    ch.attach(DEV, Box::new(d));
    (ch, Storage::new(64 * 1024))
}

/// Run the channel program at `addr` on `dev` to its end; the ending CSW.
fn run(ch: &mut Channel, mem: &mut Storage, dev: u16, addr: u32) -> Csw {
    mem.load(0x48, &addr.to_be_bytes()).unwrap();
    match ch.start_io(mem, dev, false, 0) {
        IoCc::Cc1Csw(b) => return Csw::from_bytes(&b),
        IoCc::Cc0 => {}
        other => panic!("SIO: {other:?}"),
    }
    while ch.next_event() != u64::MAX {
        ch.advance(mem, ch.next_event());
    }
    let (_, b) = ch.take_interrupt(0xFFFF).expect("an interruption");
    Csw::from_bytes(&b)
}

fn ccws(mem: &mut Storage, addr: u32, list: &[Ccw]) {
    for (i, c) in list.iter().enumerate() {
        mem.load(addr + 8 * i as u32, &c.encode()).unwrap();
    }
}

const CC: CcwFlags = CcwFlags::CC;
const NONE: CcwFlags = CcwFlags::empty();

fn sense(ch: &mut Channel, mem: &mut Storage) -> Vec<u8> {
    ccws(mem, 0x3000, &[Ccw::new(0x04, 0x3100, NONE, 24)]);
    run(ch, mem, DEV, 0x3000);
    mem.peek(0x3100, 24).unwrap().to_vec()
}

#[test]
fn geometry_of_3350() {
    let (mut ch, mut mem) = setup(Model::D3350, 2);
    mem.load(0x2000, &[0, 0, 0, 1, 0, 29]).unwrap();
    mem.load(0x2010, &[0, 0, 0, 1, 0, 30]).unwrap();
    ccws(&mut mem, 0x1000, &[Ccw::new(0x07, 0x2000, NONE, 6)]);
    assert_eq!(run(&mut ch, &mut mem, DEV, 0x1000).unit, UnitStatus::CE_DE);
    ccws(&mut mem, 0x1000, &[Ccw::new(0x07, 0x2010, NONE, 6)]);
    let csw = run(&mut ch, &mut mem, DEV, 0x1000);
    assert!(csw.unit.contains(UnitStatus::UNIT_CHECK));
    let s = sense(&mut ch, &mut mem);
    assert_eq!((s[0], s[7]), (S0_COMMAND_REJECT, 0x04));
    assert_eq!(s[4], 0x80, "3350 drive 0");
}

#[test]
fn writes_reach_the_file_before_device_end() {
    let dir = std::env::temp_dir().join(format!("cpcms-dasd-wt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("v.3330");
    std::fs::write(&path, new_volume(Model::D3330, 1, None)).unwrap();
    let mut ch = Channel::new();
    ch.attach(DEV, Box::new(Dasd::open(&path, Model::D3330).unwrap()));
    let mut mem = Storage::new(64 * 1024);
    // seek 0/3, search R0, TIC, write CKD R1 (no key, 4 bytes)
    mem.load(0x2000, &[0, 0, 0, 0, 0, 3]).unwrap();
    mem.load(0x2010, &[0, 0, 0, 3, 0]).unwrap();
    mem.load(0x2020, &[0, 0, 0, 3, 1, 0, 0, 4, 0xDE, 0xAD, 0xBE, 0xEF])
        .unwrap();
    ccws(
        &mut mem,
        0x1000,
        &[
            Ccw::new(0x07, 0x2000, CC, 6),
            Ccw::new(0x31, 0x2010, CC, 5),
            Ccw::new(0x08, 0x1008, NONE, 1),
            Ccw::new(0x1D, 0x2020, NONE, 12),
        ],
    );
    mem.load(0x48, &0x1000u32.to_be_bytes()).unwrap();
    assert_eq!(ch.start_io(&mut mem, DEV, false, 0), IoCc::Cc0);
    // Step through the chain: at some point the record is in the file while the
    // write has not yet presented device end.
    let ts = Model::D3330.track_size();
    let written = || {
        let img = std::fs::read(&path).unwrap();
        let t = parse_track(&img[HEADER + 3 * ts..HEADER + 4 * ts], 0, 3).unwrap();
        t.records.get(1).map(|r| r.data.clone())
    };
    let mut seen_before_end = false;
    while ch.working(DEV) {
        if written().is_some() {
            seen_before_end = true;
        }
        ch.advance(&mut mem, ch.next_event());
    }
    assert!(
        seen_before_end,
        "the record reached the file before device end"
    );
    assert_eq!(written(), Some(vec![0xDE, 0xAD, 0xBE, 0xEF]));
    let (_, b) = ch.take_interrupt(0xFFFF).unwrap();
    assert_eq!(Csw::from_bytes(&b).unit, UnitStatus::CE_DE);
}

#[test]
fn read_only_image_is_write_inhibited() {
    let dir = std::env::temp_dir().join(format!("cpcms-dasd-ro-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("ro.3330");
    std::fs::write(&path, new_volume(Model::D3330, 1, None)).unwrap();
    let mut perm = std::fs::metadata(&path).unwrap().permissions();
    perm.set_readonly(true);
    std::fs::set_permissions(&path, perm).unwrap();
    let d = Dasd::open(&path, Model::D3330);
    // (root may open it read-write anyway; either way it must attach)
    assert!(d.is_ok(), "{d:?}");
}

/// A tiny deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn byte(&mut self) -> u8 {
        self.next() as u8
    }
}

/// Commands worth trying (valid ones often, to get deep into the state machine).
const CMDS: &[u8] = &[
    0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x0B, 0x0D, 0x0E, 0x11, 0x12, 0x13, 0x15, 0x16, 0x17, 0x1A,
    0x1B, 0x1D, 0x1E, 0x1F, 0x22, 0x23, 0x29, 0x31, 0x39, 0x49, 0x51, 0x69, 0x71, 0x86, 0x8E, 0x92,
    0x96, 0x9A, 0x9E, 0xA9, 0xB1, 0xB9, 0xC9, 0xD1, 0xE9, 0xF1, 0x08, 0x01, 0x09, 0x0A, 0x8B, 0x89,
    0xFF,
];

#[test]
fn random_channel_programs_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut ch = Channel::new();
    let vol = new_volume(Model::D3330, 2, Some("FUZZ01"));
    ch.attach(DEV, Box::new(Dasd::in_memory(vol, Model::D3330).unwrap()));
    ch.attach(0x00C, Box::new(CardReader::new(vec![[0x40; 80]; 5])));
    ch.attach(0x00D, Box::new(CardPunch::in_memory()));
    ch.attach(0x00E, Box::new(Printer::in_memory()));
    let mut mem = Storage::new(64 * 1024);
    for round in 0..3000 {
        // Random arguments, mostly small numbers so seeks and searches hit the volume.
        for a in (0x2000..0x2400).step_by(1) {
            let b = if rng.next().is_multiple_of(3) {
                rng.byte()
            } else {
                rng.byte() % 4
            };
            mem.load(a, &[b]).unwrap();
        }
        let n = 1 + rng.next() % 8;
        for i in 0..n {
            let cmd = CMDS[(rng.next() % CMDS.len() as u64) as usize];
            let data = if cmd & 0x0F == 0x08 {
                0x1000 + 8 * (rng.next() % 8) as u32
            } else {
                0x2000 + (rng.next() % 0x300) as u32
            };
            let mut flags = CcwFlags::from_bits_retain(rng.byte() & 0xF8);
            if i + 1 < n && !rng.next().is_multiple_of(4) {
                flags |= CC;
            }
            flags.remove(CcwFlags::IDA);
            let count = (rng.next() % 300) as u16;
            mem.load(
                0x1000 + 8 * i as u32,
                &Ccw::new(cmd, data, flags, count).encode(),
            )
            .unwrap();
        }
        let dev = [DEV, DEV, DEV, 0x00C, 0x00D, 0x00E][round % 6];
        mem.load(0x48, &0x1000u32.to_be_bytes()).unwrap();
        let _ = ch.start_io(&mut mem, dev, false, 0);
        let mut guard = 0;
        while ch.next_event() != u64::MAX && guard < 10_000 {
            ch.advance(&mut mem, ch.next_event());
            guard += 1;
        }
        while ch.take_interrupt(0xFFFF).is_some() {}
    }
}

#[test]
fn damaged_tracks_give_equipment_check() {
    let mut rng = Rng(12345);
    for _ in 0..200 {
        let mut vol = new_volume(Model::D3330, 1, Some("BAD001"));
        let ts = Model::D3330.track_size();
        // Scribble over track 0/1 (track 0/0 must stay good to attach).
        let base = HEADER + ts;
        for _ in 0..(1 + rng.next() % 40) {
            let at = base + (rng.next() % 64) as usize;
            vol[at] = rng.byte();
        }
        let mut ch = Channel::new();
        ch.attach(DEV, Box::new(Dasd::in_memory(vol, Model::D3330).unwrap()));
        let mut mem = Storage::new(64 * 1024);
        mem.load(0x2000, &[0, 0, 0, 0, 0, 1]).unwrap();
        ccws(
            &mut mem,
            0x1000,
            &[
                Ccw::new(0x07, 0x2000, CC, 6),
                Ccw::new(0x1E, 0x2100, CC | CcwFlags::SLI, 200),
                Ccw::new(0x9E, 0x2100, CcwFlags::SLI, 200),
            ],
        );
        let csw = run(&mut ch, &mut mem, DEV, 0x1000);
        if csw.unit.contains(UnitStatus::UNIT_CHECK) {
            let s = sense(&mut ch, &mut mem);
            assert!(s[0] != 0 || s[1] != 0, "unit check with sense {s:02X?}");
        }
    }
}
