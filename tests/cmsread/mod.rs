//! An independent reader of CMS's 800-byte disk format, written again from the format's
//! description (not cpcms's code): shared by the tests that check what IBM's CMS wrote,
//! what sysgen writes and what cpcms's CMS writes.
#![allow(dead_code)]

use std::collections::HashMap;

use cpcms::devices::dasd::{HEADER, Model, Track, parse_track};
use cpcms::ebcdic::decode;

pub const BLOCK: usize = 800;

/// A minidisk of a Hercules 3350 image from cylinder `start`, read a track at a time.
pub struct Mdisk<'a> {
    pub img: &'a [u8],
    pub start: u16,
    pub tracks: HashMap<u32, Track>,
}

impl Mdisk<'_> {
    /// Block `n`: record (n-1)%19+1 of minidisk track (n-1)/19.
    pub fn block(&mut self, n: u16) -> Vec<u8> {
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

pub fn half(b: &[u8], at: usize) -> u16 {
    u16::from_be_bytes([b[at], b[at + 1]])
}

pub fn word(b: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// One file: its FST entry's fields, its records and every block it holds.
#[derive(Debug)]
pub struct File {
    pub id: String,
    pub fst: Vec<u8>,
    pub records: Vec<Vec<u8>>,
    pub blocks: Vec<u16>,
}

/// A whole disk, every check the format allows made on the way.
#[derive(Debug)]
pub struct Disk {
    pub label: String,
    pub adtnum: u32,
    pub used: u32,
    pub cyls: u32,
    pub files: Vec<File>,
    /// Blocks 1 and 2 hold an IPL record and its program.
    pub ipl: bool,
}

pub fn read_disk(img: &[u8], start: u16) -> Disk {
    let mut d = Mdisk {
        img,
        start,
        tracks: HashMap::new(),
    };
    // Blocks 1 and 2: zeros, or (sysgen's S disk, IPL 190) an IPL record - a BC-mode
    // PSW and a READ DATA of record 2 at 8 - and the program it reads.
    let (b1, b2) = (d.block(1), d.block(2));
    let ipl = b1[8] == 0x06 && b1[..2] == [0, 0] && b2.iter().any(|&b| b != 0);
    assert!(ipl || b1.iter().chain(&b2).all(|&b| b == 0));
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
        ipl,
    }
}

pub fn read_file(d: &mut Mdisk, e: &[u8]) -> File {
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

pub fn gunzip(path: &str) -> Vec<u8> {
    let out = std::process::Command::new("gzip")
        .args(["-dc", path])
        .output()
        .expect("run gzip");
    assert!(out.status.success(), "gzip -dc {path}");
    out.stdout
}
