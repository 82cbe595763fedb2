//! Unit tests of the CMS disk writer and reader (the module is `super`).

use super::*;
use crate::devices::dasd::{new_volume, parse_track};

const STAMP: Stamp = Stamp {
    year: 79,
    month: 6,
    day: 15,
    hour: 9,
    minute: 0,
};

/// A volume of `cyls` cylinders with a CMS disk of `cyls - 1` from cylinder 1.
fn disk(cyls: u16, label: &str) -> Vec<u8> {
    let mut img = new_volume(MODEL, cyls, None);
    format(&mut img, 1, cyls - 1, label).unwrap();
    img
}

fn f80(name: &str, n: usize) -> CmsFile {
    CmsFile {
        name: name.into(),
        ftype: "DATA".into(),
        mode: "A1".into(),
        recfm: RecFm::F,
        lrecl: 80,
        records: (0..n)
            .map(|i| {
                let mut r = ebcdic::encode(&format!("{name} RECORD {i}"));
                r.resize(80, 0x40);
                r
            })
            .collect(),
        stamp: STAMP,
    }
}

fn v(name: &str, records: &[&str]) -> CmsFile {
    let recs: Vec<Vec<u8>> = records.iter().map(|r| ebcdic::encode(r)).collect();
    CmsFile {
        name: name.into(),
        ftype: "EXEC".into(),
        mode: "S2".into(),
        recfm: RecFm::V,
        lrecl: recs.iter().map(Vec::len).max().unwrap_or(0) as u32,
        records: recs,
        stamp: STAMP,
    }
}

/// Every used block is accounted for exactly once (1-4, FST blocks, map extension blocks,
/// files' data and chain links), the map says so and the counts agree with it.
fn consistent(img: &[u8]) {
    let mfd = Mfd::load(img, 1).unwrap();
    let mut owned: Vec<u32> = (1..=MFD_BLOCK).collect();
    owned.extend(&mfd.fsts);
    owned.extend(&mfd.exts);
    owned.extend(all_file_blocks(img, 1).unwrap());
    let mut sorted = owned.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), owned.len(), "a block is used twice");
    let marked: Vec<u32> = (1..=mfd.blocks).filter(|&n| mfd.is_used(n)).collect();
    assert_eq!(marked, sorted, "the map marks exactly the blocks in use");
    let d = read_files(img, 1).unwrap();
    assert_eq!(d.used, marked.len() as u32);
    assert_eq!(d.left, d.blocks - d.used);
    assert_eq!(d.last, (marked.last().unwrap() - 1) / 8);
}

#[test]
fn a_formatted_disk_is_empty_and_says_so() {
    let img = disk(3, "ALI191");
    let d = read_files(&img, 1).unwrap();
    assert_eq!(d.label, "ALI191");
    assert_eq!(
        (d.blocks, d.used, d.left, d.last, d.cyls),
        (1140, 5, 1135, 0, 2)
    );
    assert!(d.files.is_empty());
    // Every track of the extent: R0 and 19 800-byte records; cylinder 0 untouched.
    let ts = MODEL.track_size();
    for t in 0..90usize {
        let (c, h) = ((t / 30) as u16, (t % 30) as u16);
        let at = HEADER + t * ts;
        let track = parse_track(&img[at..at + ts], c, h).unwrap();
        let want = if c == 0 { 1 } else { 20 };
        assert_eq!(track.records.len(), want, "cylinder {c} head {h}");
        assert!(
            track.records[1..]
                .iter()
                .all(|r| r.key.is_empty() && r.data.len() == 800)
        );
        for (r, rec) in track.records.iter().enumerate() {
            let ch = [c.to_be_bytes(), h.to_be_bytes()].concat();
            assert_eq!((&rec.count[..4], rec.count[4]), (&ch[..], r as u8));
        }
    }
    let blk = |n| read_block(&img, 1, n).unwrap();
    assert!(blk(1).iter().chain(blk(2).iter()).all(|&b| b == 0));
    assert_eq!(&blk(3)[..10], &ebcdic::encode("CMS=ALI191")[..]);
    assert!(blk(3)[10..].iter().all(|&b| b == 0));
    let m = blk(4);
    assert_eq!(&m[..4], &[0, 5, 0xFF, 0xFF], "one FST block, 5");
    assert_eq!(m[384], 0xF8, "blocks 1-5 in use");
    assert!(m[385..599].iter().all(|&b| b == 0));
    assert_eq!(m[599], 0x0B);
    assert!(blk(5).iter().all(|&b| b == 0));
    consistent(&img);
}

#[test]
fn files_read_back_as_written() {
    let mut img = disk(3, "MAI190");
    let small = f80("SMALL", 3);
    let exec = v("HELLO", &["&TYPE HELLO", "", "", "&EXIT 0"]);
    write_file(&mut img, 1, &small).unwrap();
    write_file(&mut img, 1, &exec).unwrap();
    let d = read_files(&img, 1).unwrap();
    assert_eq!(d.files, vec![small.clone(), exec]);
    // The FST entry, field by field.
    let e = &read_block(&img, 1, 5).unwrap()[..40];
    assert_eq!(&e[..16], &ebcdic::encode("SMALL   DATA    ")[..]);
    assert_eq!(&e[16..20], &[0x06, 0x15, 0x09, 0x00], "date and time, BCD");
    assert_eq!(&e[20..24], &[0, 4, 0, 1], "write and read pointers");
    assert_eq!(&e[24..26], &ebcdic::encode("A1")[..]);
    assert_eq!(&e[26..28], &[0, 3]);
    assert_eq!(
        &e[28..30],
        &[0, 6],
        "its first chain link is the first free block"
    );
    assert_eq!((e[30], e[31]), (0xC6, 0));
    assert_eq!(&e[32..38], &[0, 0, 0, 80, 0, 1]);
    assert_eq!(&e[38..40], &ebcdic::encode("79")[..]);
    // Its chain link points at its one data block; the records follow each other.
    let link = read_block(&img, 1, 6).unwrap();
    assert!(link[..80].iter().all(|&b| b == 0));
    assert_eq!(&link[80..84], &[0, 7, 0, 0]);
    let data = read_block(&img, 1, 7).unwrap();
    assert_eq!(&data[..240], &small.records.concat()[..]);
    assert!(data[240..].iter().all(|&b| b == 0));
    // V records: a halfword length in front, empty ones too.
    let data = read_block(&img, 1, 9).unwrap();
    assert_eq!(&data[..2], &[0, 11]);
    assert_eq!(&data[13..17], &[0, 0, 0, 0]);
    assert_eq!(&data[17..19], &[0, 7]);
    consistent(&img);
}

#[test]
fn long_files_get_further_chain_links() {
    let mut img = disk(3, "BIG191");
    // 100 blocks (1000 records of 80): the first link and one more; 500 blocks: two more.
    let f100 = f80("HUNDRED", 1000);
    let f500 = f80("FIVEHUND", 5000);
    write_file(&mut img, 1, &f100).unwrap();
    write_file(&mut img, 1, &f500).unwrap();
    let d = read_files(&img, 1).unwrap();
    assert_eq!(d.files, vec![f100, f500]);
    assert_eq!(d.used, 5 + (100 + 2) + (500 + 3));
    // The order IBM's disks show: link, 60 data blocks, link, 400 data blocks.
    let first = read_block(&img, 1, 6).unwrap();
    assert_eq!(
        &first[..4],
        &[0, 67, 0, 0],
        "the further link after 60 data blocks"
    );
    assert_eq!(&first[80..82], &[0, 7]);
    assert_eq!(&first[198..200], &[0, 66]);
    let second = read_block(&img, 1, 67).unwrap();
    assert_eq!(&second[..2], &[0, 68]);
    assert_eq!(&second[78..80], &[0, 107], "40 more data blocks");
    assert!(second[80..].iter().all(|&b| b == 0));
    consistent(&img);
}

#[test]
fn fst_blocks_are_added_as_needed() {
    let mut img = disk(3, "MANY");
    for i in 0..45 {
        write_file(&mut img, 1, &v(&format!("F{i}"), &["X"])).unwrap();
    }
    let mfd = Mfd::load(&img, 1).unwrap();
    assert_eq!(mfd.fsts.len(), 3);
    assert_eq!(read_files(&img, 1).unwrap().files.len(), 45);
    consistent(&img);
    let e = write_file(&mut img, 1, &v("F3", &["Y"])).unwrap_err();
    assert!(
        e.contains("F3 EXEC: the disk has a file of that name already"),
        "{e}"
    );
}

#[test]
fn a_large_disk_has_map_extension_blocks() {
    // 70 cylinders, like MAINT's 19D: 39,900 blocks, a map of 4,988 bytes = 215 in the
    // directory and six extension blocks, allocated right after the FST block.
    let mut img = disk(71, "BIGDSK");
    let m = read_block(&img, 1, 4).unwrap();
    let list: Vec<u16> = (0..9)
        .map(|i| u16::from_be_bytes([m[2 * i], m[2 * i + 1]]))
        .collect();
    assert_eq!(list, [5, 0xFFFD, 6, 7, 8, 9, 10, 11, 0]);
    let d = read_files(&img, 1).unwrap();
    assert_eq!((d.blocks, d.used, d.cyls, d.last), (39900, 11, 70, 1));
    // 1,800 data blocks and 6 chain links: blocks 1-1817 in use, past the 1,720 whose
    // bits are in the directory itself.
    let f = f80("BIG", 18000);
    write_file(&mut img, 1, &f).unwrap();
    let d = read_files(&img, 1).unwrap();
    assert_eq!(d.files, vec![f]);
    assert_eq!((d.used, d.last), (1817, 227));
    consistent(&img);
    let ext = read_block(&img, 1, 6).unwrap();
    assert_eq!(&ext[..12], &[0xFF; 12], "the map goes on in block 6");
    assert_eq!(ext[12], 0x80);
}

#[test]
fn block_numbers_stop_at_65531() {
    let mut img = new_volume(MODEL, 116, None);
    format(&mut img, 1, 115, "HUGE").unwrap();
    let d = read_files(&img, 1).unwrap();
    assert_eq!((d.blocks, d.cyls, d.label.as_str()), (65531, 115, "HUGE"));
}

#[test]
fn mistakes_are_errors_not_panics() {
    let mut img = disk(2, "SMALL");
    let bad = |f: CmsFile, img: &mut Vec<u8>| write_file(img, 1, &f).unwrap_err();
    let mut f = f80("A", 1);
    f.name = "lower".into();
    assert!(bad(f, &mut img).contains("1-8 of A-Z"));
    let mut f = f80("A", 1);
    f.records[0].push(0);
    assert!(bad(f, &mut img).contains("record 1 is 81 bytes"));
    let mut f = f80("A", 1);
    f.records.clear();
    assert!(bad(f, &mut img).contains("0 records"));
    let mut f = f80("A", 1);
    f.mode = "1A".into();
    assert!(bad(f, &mut img).contains("mode"));
    // Full: 570 blocks, 5 in use; a file of 600 blocks does not fit.
    let e = bad(f80("HUGE", 6000), &mut img);
    assert!(e.contains("the disk is full"), "{e}");
    consistent(&img);
    assert!(format(&mut img, 1, 1, "bad label").is_err());
    assert!(
        format(&mut img, 1, 5, "X")
            .unwrap_err()
            .contains("not on the volume")
    );
    // Unformatted, or damaged: errors.
    let blank = new_volume(MODEL, 2, None);
    assert!(
        read_files(&blank, 1)
            .unwrap_err()
            .contains("no such record")
    );
    let mut broken = img.clone();
    let at = block_at(&broken, 1, 4).unwrap();
    broken[at..at + 364].fill(0x11);
    assert!(read_files(&broken, 1).is_err());
    let mut broken = img.clone();
    broken[at + 364..at + 368].copy_from_slice(&70000u32.to_be_bytes());
    assert!(read_files(&broken, 1).unwrap_err().contains("70000 blocks"));
    // Random bytes in the directory and FST blocks never panic.
    let mut seed = 12345u32;
    for _ in 0..200 {
        let mut b = img.clone();
        for _ in 0..8 {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let n = 4 + seed % 2;
            let a = block_at(&b, 1, n).unwrap() + (seed >> 8) as usize % 800;
            b[a] = (seed >> 3) as u8;
        }
        let _ = read_files(&b, 1);
        let _ = write_file(&mut b, 1, &f80("AFTER", 2));
    }
}
