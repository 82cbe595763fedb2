//! CMS disks, read by a reader of its own written here from the description of VM/370
//! R6's 800-byte format (summed up in src/sysgen/cmsdisk.rs), not with cpcms's reader:
//! IBM's MAINT 19D (tests/disks/mnt19d.3350.gz, from a real R6 system) must decode
//! exactly, and so must what sysgen and cpcms's writer make.

use cpcms::devices::dasd::Model;
use cpcms::ebcdic::{decode, encode};
use cpcms::sysgen::cmsdisk::{self, CmsFile, RecFm, Stamp};
use cpcms::sysgen::{SysConfig, System, User, extent_of};

mod cmsread;
use cmsread::*;

#[test]
fn ibms_maint_19d_decodes_exactly() {
    let img = gunzip(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/disks/mnt19d.3350.gz"
    ));
    let d = read_disk(&img, 0);
    assert_eq!(
        (d.label.as_str(), d.adtnum, d.cyls, d.used),
        ("MNT19D", 39900, 70, 4800)
    );
    assert_eq!(d.files.len(), 374);
    let file = |id: &str| d.files.iter().find(|f| f.id == id).unwrap();
    let access = file("ACCESS HELPCMD");
    assert_eq!(decode(&access.records[0][..6]), "ACCESS");
    assert_eq!(access.records.len(), 52);
    assert_eq!(decode(&access.fst[24..26]), "P2");
    // The 660-block file: a first chain link and two more.
    let script = file("SCRIPT LISTING");
    assert_eq!(half(&script.fst, 36), 660);
    assert_eq!(script.blocks.len(), 663);
    // cpcms's own reader agrees, file by file and record by record.
    let ours = cmsdisk::read_files(&img, 0).unwrap();
    assert_eq!((ours.label.as_str(), ours.used), ("MNT19D", 4800));
    assert_eq!(ours.files.len(), d.files.len());
    for (o, f) in ours.files.iter().zip(&d.files) {
        assert_eq!(format!("{} {}", o.name, o.ftype), f.id);
        assert_eq!(o.records, f.records, "{}", f.id);
    }
}

fn config(users: &[&str]) -> SysConfig {
    SysConfig {
        storage: 2 << 20,
        mips: 1.0,
        tod_epoch: cpcms::scenario::units::parse_date(cpcms::scenario::DEFAULT_DATE).unwrap(),
        users: users
            .iter()
            .map(|id| User {
                id: id.to_string(),
                password: id.to_string(),
                storage: 512 * 1024,
                classes: "G".into(),
                spool: cpcms::sysgen::DEFAULT_SPOOL,
            })
            .collect(),
        terminals: users.len(),
        disks: Vec::new(),
        storage_at: None,
        volumes: Vec::new(),
        paging: None,
    }
}

#[test]
fn sysgen_formats_191s_and_fills_the_s_disk_from_roms() {
    let sys = System::boot(&config(&["ALICE", "BOB"]), None).unwrap();
    let img = sys.sysres_image().unwrap();
    let alice = read_disk(img, extent_of(&sys.extents, "ALICE", 0x191).unwrap().start);
    assert_eq!(alice.label, "ALI191");
    assert_eq!((alice.adtnum, alice.used, alice.cyls), (1140, 5, 2));
    assert!(alice.files.is_empty() && !alice.ipl);
    let s = read_disk(img, extent_of(&sys.extents, "MAINT", 0x190).unwrap().start);
    assert_eq!(s.label, "MAI190");
    // The S disk: two cylinders of files, the third the CMS nucleus's (IPL 190).
    assert_eq!((s.cyls, s.ipl), (2, true));
    // Every file of roms/cms/sdisk, in name order, as the module documentation says.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/roms/cms/sdisk");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(
        names.contains(&"CMS.HELPCMD".to_string()) && names.contains(&"SAMPLE.EXEC".to_string())
    );
    // Each NAME.ASSEMBLE also gives NAME TEXT: its object deck, cards of 80 bytes.
    let (decks, texts): (Vec<&File>, Vec<&File>) =
        s.files.iter().partition(|f| f.id.ends_with(" TEXT"));
    let programs: Vec<&String> = names.iter().filter(|n| n.ends_with(".ASSEMBLE")).collect();
    assert_eq!(decks.len(), programs.len());
    for (d, p) in decks.iter().zip(&programs) {
        assert_eq!(d.id, p.replace(".ASSEMBLE", " TEXT"));
        assert!(d.records.iter().all(|c| c.len() == 80 && c[0] == 0x02));
        assert_eq!(decode(&d.records.last().unwrap()[1..4]), "END");
    }
    assert_eq!(texts.len(), names.len());
    for (f, name) in texts.iter().zip(&names) {
        let text = std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
        assert_eq!(f.id, name.replace('.', " "));
        let exec = name.ends_with(".EXEC");
        let want: Vec<Vec<u8>> = text
            .lines()
            .map(|l| {
                let mut r = encode(if exec { l.trim_end() } else { l });
                if !exec {
                    r.resize(80, 0x40);
                }
                r
            })
            .collect();
        assert_eq!(f.records, want, "{name}");
        let longest = want.iter().map(Vec::len).max().unwrap();
        assert_eq!(decode(&f.fst[24..26]), "S2");
        assert_eq!(decode(&f.fst[30..31]), if exec { "V" } else { "F" });
        assert_eq!(word(&f.fst, 32) as usize, if exec { longest } else { 80 });
        // The machine's date: 1979-06-29 09:00.
        assert_eq!(&f.fst[16..20], &[0x06, 0x29, 0x09, 0x00]);
        assert_eq!(decode(&f.fst[38..40]), "79");
    }
    let sample = s.files.iter().find(|f| f.id == "SAMPLE EXEC").unwrap();
    let lines: Vec<String> = sample.records.iter().map(|r| decode(r)).collect();
    let text = std::fs::read_to_string(format!("{dir}/SAMPLE.EXEC")).unwrap();
    let want: Vec<&str> = text.lines().map(str::trim_end).collect();
    assert_eq!(lines, want);
}

#[test]
fn what_cpcms_writes_this_reader_reads() {
    let stamp = Stamp {
        year: 79,
        month: 12,
        day: 31,
        hour: 23,
        minute: 59,
    };
    let file = |name: &str, recfm: RecFm, records: Vec<Vec<u8>>| CmsFile {
        name: name.into(),
        ftype: "TEST".into(),
        mode: "A1".into(),
        recfm,
        lrecl: records.iter().map(Vec::len).max().unwrap() as u32,
        records,
        stamp,
    };
    let fixed = |n: usize| {
        (0..n)
            .map(|i| encode(&format!("{i:<80}")))
            .collect::<Vec<_>>()
    };
    let files = vec![
        file("ONE", RecFm::F, fixed(1)),
        file(
            "EMPTIES",
            RecFm::V,
            vec![encode("A"), vec![], vec![], encode("LAST")],
        ),
        // 61 blocks: a second chain link; 470 blocks: a third.
        file("SIXTYONE", RecFm::F, fixed(610)),
        file("BIG", RecFm::F, fixed(4700)),
        file(
            "VARIED",
            RecFm::V,
            (0..3000).map(|i| vec![0xC1; i % 300]).collect(),
        ),
    ];
    // A 60-cylinder disk: its allocation map needs extension blocks. Files enough for
    // three FST blocks.
    let mut img = cpcms::devices::dasd::new_volume(Model::D3350, 62, None);
    cmsdisk::format(&mut img, 2, 60, "TEST01").unwrap();
    let mut all = files.clone();
    for i in 0..50 {
        all.push(file(
            &format!("SMALL{i}"),
            RecFm::V,
            vec![encode(&format!("FILE {i}"))],
        ));
    }
    for f in &all {
        cmsdisk::write_file(&mut img, 2, f).unwrap();
    }
    let d = read_disk(&img, 2);
    assert_eq!((d.label.as_str(), d.adtnum, d.cyls), ("TEST01", 34200, 60));
    assert_eq!(d.files.len(), all.len());
    for (got, want) in d.files.iter().zip(&all) {
        assert_eq!(got.id, format!("{} TEST", want.name));
        assert_eq!(got.records, want.records, "{}", got.id);
        assert_eq!(&got.fst[16..20], &[0x12, 0x31, 0x23, 0x59]);
        assert_eq!(decode(&got.fst[24..26]), "A1");
    }
    let big = d.files.iter().find(|f| f.id == "BIG TEST").unwrap();
    assert_eq!(big.blocks.len(), 470 + 3);
}
