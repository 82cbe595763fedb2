//! CMS disks, read by a reader of its own written here from the description of VM/370
//! R6's 800-byte format (summed up in src/sysgen/cmsdisk.rs), not with cpcms's reader:
//! IBM's MAINT 19D (tests/disks/mnt19d.3350.gz, from a real R6 system) must decode
//! exactly, and so must what sysgen and cpcms's writer make.

use std::collections::HashMap;

use cpcms::devices::dasd::{HEADER, Model, Track, parse_track};
use cpcms::ebcdic::{decode, encode};
use cpcms::sysgen::cmsdisk::{self, CmsFile, RecFm, Stamp};
use cpcms::sysgen::{SysConfig, System, User, extent_of};

const BLOCK: usize = 800;

/// A minidisk of a Hercules 3350 image from cylinder `start`, read a track at a time.
struct Mdisk<'a> {
    img: &'a [u8],
    start: u16,
    tracks: HashMap<u32, Track>,
}

impl Mdisk<'_> {
    /// Block `n`: record (n-1)%19+1 of minidisk track (n-1)/19.
    fn block(&mut self, n: u16) -> Vec<u8> {
        assert!(n > 0, "block 0");
        let t = (n as u32 - 1) / 19;
        let (cyl, head) = (self.start + (t / 30) as u16, (t % 30) as u16);
        let img = self.img;
        let track = self.tracks.entry(t).or_insert_with(|| {
            let ts = Model::D3350.track_size();
            let at = HEADER + (cyl as usize * 30 + head as usize) * ts;
            parse_track(&img[at..at + ts], cyl, head).expect("a track image")
        });
        let r = ((n as u32 - 1) % 19 + 1) as u8;
        let rec = track
            .records
            .iter()
            .find(|x| x.count[4] == r)
            .unwrap_or_else(|| panic!("block {n}: no record {r} on {cyl}/{head}"));
        assert_eq!((rec.key.len(), rec.data.len()), (0, BLOCK), "block {n}");
        rec.data.clone()
    }
}

fn half(b: &[u8], at: usize) -> u16 {
    u16::from_be_bytes([b[at], b[at + 1]])
}

fn word(b: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// One file: its FST entry's fields, its records and every block it holds.
#[derive(Debug)]
struct File {
    id: String,
    fst: Vec<u8>,
    records: Vec<Vec<u8>>,
    blocks: Vec<u16>,
}

/// A whole disk, every check the format allows made on the way.
#[derive(Debug)]
struct Disk {
    label: String,
    adtnum: u32,
    used: u32,
    cyls: u32,
    files: Vec<File>,
}

fn read_disk(img: &[u8], start: u16) -> Disk {
    let mut d = Mdisk {
        img,
        start,
        tracks: HashMap::new(),
    };
    assert!(d.block(1).iter().chain(&d.block(2)).all(|&b| b == 0));
    let label = d.block(3);
    assert_eq!(decode(&label[..4]), "CMS=");
    assert!(label[10..].iter().all(|&b| b == 0));
    let mfd = d.block(4);
    // FST blocks up to X'FFFF', or up to X'FFFD' and then map blocks up to X'0000'.
    let mut fsts = Vec::new();
    let mut maps = Vec::new();
    let mut i = 0;
    loop {
        let h = half(&mfd, i);
        i += 2;
        match h {
            0xFFFF => break,
            0xFFFD => loop {
                let m = half(&mfd, i);
                i += 2;
                if m == 0 {
                    break;
                }
                maps.push(m);
            },
            _ => {
                fsts.push(h);
                continue;
            }
        }
        break;
    }
    assert!(i <= 364);
    let (adtnum, used, left, last, cyls) = (
        word(&mfd, 364),
        word(&mfd, 368),
        word(&mfd, 372),
        word(&mfd, 376),
        word(&mfd, 380),
    );
    assert_eq!(mfd[599], 0x0B);
    let mut map = mfd[384..599].to_vec();
    for &m in &maps {
        map.extend(d.block(m));
    }
    let nbytes = (adtnum as usize).div_ceil(8);
    assert!(
        map.len() >= nbytes && map.len() < nbytes + BLOCK,
        "map blocks as needed"
    );
    assert!(map[nbytes..].iter().all(|&b| b == 0));
    let marked = |n: u16| map[(n as usize - 1) / 8] & (0x80 >> ((n as usize - 1) % 8)) != 0;
    // Every block in use, once: 1-4, the FST and map blocks, each file's blocks.
    let mut owner: HashMap<u16, String> = HashMap::new();
    let mut claim = |n: u16, who: &str| {
        assert!(
            n >= 1 && n as u32 <= adtnum,
            "{who}: block {n} off the disk"
        );
        assert!(marked(n), "{who}: block {n} is not marked in use");
        if let Some(o) = owner.insert(n, who.to_string()) {
            panic!("block {n} is both {o}'s and {who}'s");
        }
    };
    for n in 1..=4 {
        claim(n, "the disk");
    }
    for &n in fsts.iter().chain(&maps) {
        claim(n, "the directory");
    }
    let mut files = Vec::new();
    for &fb in &fsts {
        let blk = d.block(fb);
        for e in blk.chunks(40).filter(|e| e[0] != 0) {
            let f = read_file(&mut d, e);
            for &b in &f.blocks {
                claim(b, &f.id);
            }
            files.push(f);
        }
    }
    let in_use = (1..=adtnum as u16).filter(|&n| marked(n)).count();
    assert_eq!(
        owner.len(),
        in_use,
        "a block is marked but belongs to nothing"
    );
    assert_eq!(used as usize, in_use, "ADTUSED");
    assert_eq!(left, adtnum - used, "ADTLEFT");
    assert_eq!(
        last as usize,
        map.iter().rposition(|&b| b != 0).unwrap(),
        "ADTLAST"
    );
    Disk {
        label: decode(&label[4..10]).trim_end().to_string(),
        adtnum,
        used,
        cyls,
        files,
    }
}

fn read_file(d: &mut Mdisk, e: &[u8]) -> File {
    let id = format!(
        "{} {}",
        decode(&e[..8]).trim_end(),
        decode(&e[8..16]).trim_end()
    );
    let (recct, fcl, blkct) = (half(e, 26) as usize, half(e, 28), half(e, 36) as usize);
    let lrecl = word(e, 32) as usize;
    assert_eq!(half(e, 20) as usize, recct + 1, "{id}: write pointer");
    assert_eq!(half(e, 22), 1, "{id}: read pointer");
    assert_eq!(e[31], 0, "{id}: flags");
    // Chain links: the first holds 40 link pointers and 60 data pointers, the others 400.
    let first = d.block(fcl);
    let mut blocks = vec![fcl];
    let mut data_blocks: Vec<u16> = (0..blkct.min(60))
        .map(|i| half(&first, 80 + 2 * i))
        .collect();
    assert!(first[80 + 2 * data_blocks.len()..].iter().all(|&b| b == 0));
    let mut k = 0;
    while data_blocks.len() < blkct {
        let lb = half(&first, 2 * k);
        let link = d.block(lb);
        let n = (blkct - data_blocks.len()).min(400);
        data_blocks.extend((0..n).map(|i| half(&link, 2 * i)));
        assert!(link[2 * n..].iter().all(|&b| b == 0));
        blocks.push(lb);
        k += 1;
    }
    assert!(
        first[2 * k..80].iter().all(|&b| b == 0),
        "{id}: extra chain links"
    );
    let mut data = Vec::new();
    for &b in &data_blocks {
        data.extend(d.block(b));
    }
    blocks.extend(&data_blocks);
    let mut records = Vec::new();
    let mut at = 0;
    for _ in 0..recct {
        let len = match decode(&e[30..31]).as_str() {
            "F" => lrecl,
            "V" => {
                at += 2;
                half(&data, at - 2) as usize
            }
            other => panic!("{id}: RECFM {other}"),
        };
        assert!(len <= lrecl, "{id}: a record longer than LRECL");
        records.push(data[at..at + len].to_vec());
        at += len;
    }
    assert_eq!(at.div_ceil(BLOCK), blkct, "{id}: data blocks");
    assert!(
        data[at..].iter().all(|&b| b == 0),
        "{id}: after the last record"
    );
    File {
        id,
        fst: e.to_vec(),
        records,
        blocks,
    }
}

fn gunzip(path: &str) -> Vec<u8> {
    let out = std::process::Command::new("gzip")
        .args(["-dc", path])
        .output()
        .expect("run gzip");
    assert!(out.status.success(), "gzip -dc {path}");
    out.stdout
}

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
            })
            .collect(),
        terminals: users.len(),
        disks: Vec::new(),
        storage_at: None,
        volumes: Vec::new(),
    }
}

#[test]
fn sysgen_formats_191s_and_fills_the_s_disk_from_roms() {
    let sys = System::boot(&config(&["ALICE", "BOB"]), None).unwrap();
    let img = sys.sysres_image().unwrap();
    let alice = read_disk(img, extent_of(&sys.extents, "ALICE", 0x191).unwrap().start);
    assert_eq!(alice.label, "ALI191");
    assert_eq!((alice.adtnum, alice.used, alice.cyls), (1140, 5, 2));
    assert!(alice.files.is_empty());
    let s = read_disk(img, extent_of(&sys.extents, "MAINT", 0x190).unwrap().start);
    assert_eq!(s.label, "MAI190");
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
    assert_eq!(s.files.len(), names.len());
    for (f, name) in s.files.iter().zip(&names) {
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
