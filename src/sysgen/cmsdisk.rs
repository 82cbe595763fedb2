//! The CMS file system on a minidisk: VM/370 Release 6's "800-byte" format, written here
//! at sysgen the way an installer ran CMS's FORMAT once on every new minidisk, and files
//! put on it the way CMS writes them. CMS itself (roms/cms) reads and writes these disks,
//! so what this module writes must be exactly what CMS expects. The layout was checked by
//! decoding IBM-written 3350 minidisks (see `tests/cmsdisk.rs`, which reads
//! `tests/disks/mnt19d.3350.gz` with a reader of its own):
//!
//! ```text
//!  every track of the minidisk: R1..R19, key length 0, data length 800 ("blocks")
//!  block n (1-based) = record (n-1)%19+1 of minidisk track (n-1)/19
//!                      (track t = cylinder start + t/30, head t%30)
//!
//!  block 1, 2   zeros
//!  block 3      label: EBCDIC "CMS=" + 6-character label, the rest zeros
//!  block 4      master file directory (MFD):
//!    +0    H...  block numbers of the FST blocks, then X'FFFF'; or, when the
//!                allocation map needs extension blocks, X'FFFD', their numbers, X'0000'
//!    +364  F     ADTNUM   blocks on the disk (at most 65531: block numbers are halfwords)
//!    +368  F     ADTUSED  blocks in use
//!    +372  F     ADTLEFT  blocks free (ADTNUM - ADTUSED)
//!    +376  F     ADTLAST  index of the last allocation-map byte that has a bit on
//!    +380  F     ADTCYL   cylinders
//!    +384  XL215 allocation map: block n is bit X'80'>>((n-1)%8) of byte (n-1)/8;
//!                continued, when 215 bytes are not enough, in the extension blocks
//!    +599  X'0B' (a 3350)
//!  FST block    20 file status table entries of 40 bytes; a slot is free when byte 0 is 0
//!    +0 CL8 file name   +8 CL8 file type   +16 H date X'MMDD' (BCD)  +18 H time X'HHMM'
//!    +20 H write pointer (records+1)        +22 H read pointer (1)     +24 CL2 mode ("S2")
//!    +26 H records      +28 H first chain link block                  +30 C recfm F|V
//!    +31 X flags (0)    +32 F LRECL         +36 H data blocks         +38 CL2 year "79"
//!  chain links  the first: 40 halfword pointers to the further chain links, then 60
//!               data-block pointers (bytes 80-199); each further one: 400 data pointers
//!  data blocks  the records one after the other, running on across block boundaries;
//!               a RECFM V record has a halfword length in front; zeros after the last
//! ```
//!
//! A freshly formatted disk has one FST block, block 5, all zeros; blocks 1-5 are in use,
//! and after them the allocation map's extension blocks if it has any. That one empty FST
//! block is inferred (every IBM disk decoded had files on it); the rest was seen. Blocks
//! are handed out lowest first, a file's in the order IBM's disks show: its first chain
//! link, 60 data blocks, the next chain link, 400 data blocks, ...
//!
//! Nothing here panics on a damaged disk: every problem is an `Err` that says what it is.

use crate::devices::dasd::{EOT, HA_LEN, HEADER, Model, Record, empty_track, track_image};
use crate::ebcdic;

/// The only device CMS disks are made on here.
const MODEL: Model = Model::D3350;
/// Bytes per block.
pub const BLOCK: usize = 800;
/// Blocks per 3350 track.
pub const BLOCKS_PER_TRACK: u32 = 19;
/// Most blocks a disk can have: block numbers are halfwords, the top ones are markers.
pub const MAX_BLOCKS: u32 = 65531;
/// Bytes per FST entry (20 to a block).
const FST_LEN: usize = 40;
const LABEL_BLOCK: u32 = 3;
const MFD_BLOCK: u32 = 4;
const FIRST_FST_BLOCK: u32 = 5;
/// The master file directory's fields.
const ADTNUM: usize = 364;
const ADTUSED: usize = 368;
const ADTLEFT: usize = 372;
const ADTLAST: usize = 376;
const ADTCYL: usize = 380;
const MAP: usize = 384;
const MAP_LEN: usize = 215;
const DEVICE_BYTE: usize = 599;
const DEVICE_3350: u8 = 0x0B;
const END_OF_FSTS: u16 = 0xFFFF;
const MAP_BLOCKS_FOLLOW: u16 = 0xFFFD;
/// Chain links: further-link pointers and data pointers in the first, data pointers in
/// the others.
const FIRST_LINKS: usize = 40;
const FIRST_DATA: usize = 60;
const LINK_DATA: usize = 400;
/// Most data blocks a file can have.
pub const MAX_FILE_BLOCKS: usize = FIRST_DATA + FIRST_LINKS * LINK_DATA;

/// Record format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecFm {
    /// Fixed: every record is LRECL bytes.
    F,
    /// Variable: up to LRECL bytes each (LRECL is the longest).
    V,
}

/// When a file was written, as CMS keeps it: a two-digit year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub year: u8,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
}

/// A file: its id, format and records (EBCDIC bytes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CmsFile {
    /// File name and type: 1-8 of A-Z 0-9 $ # @ each.
    pub name: String,
    pub ftype: String,
    /// Mode letter and number, e.g. "S2" (the letter is replaced by the one the disk is
    /// accessed as; the number is the file's mode: 2 for S-disk files).
    pub mode: String,
    pub recfm: RecFm,
    pub lrecl: u32,
    pub records: Vec<Vec<u8>>,
    pub stamp: Stamp,
}

/// What a disk holds: its label, the master file directory's counts, the files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CmsDisk {
    pub label: String,
    /// ADTNUM, ADTUSED, ADTLEFT, ADTLAST and ADTCYL as the disk says them.
    pub blocks: u32,
    pub used: u32,
    pub left: u32,
    pub last: u32,
    pub cyls: u32,
    pub files: Vec<CmsFile>,
}

/// Is `s` a CMS file name or type (1-8 of A-Z 0-9 $ # @)?
pub fn valid_name(s: &str) -> bool {
    (1..=8).contains(&s.len())
        && s.bytes().all(|b| {
            b.is_ascii_uppercase() || b.is_ascii_digit() || matches!(b, b'$' | b'#' | b'@')
        })
}

/// Format `cyls` cylinders from `start` of the 3350 volume image `img` (a Hercules CKD
/// image, device header included) as an empty CMS disk labelled `label` (1-6 of A-Z 0-9
/// $ # @), as CMS's FORMAT does: every track rewritten with 19 800-byte records.
pub fn format(img: &mut [u8], start: u16, cyls: u16, label: &str) -> Result<(), String> {
    if !(1..=6).contains(&label.len()) || !valid_name(label) {
        return Err(format!("disk label {label:?}: 1 to 6 of A-Z 0-9 $ # @"));
    }
    if cyls == 0 {
        return Err("a CMS disk needs at least one cylinder".into());
    }
    let heads = MODEL.heads();
    let ts = MODEL.track_size();
    let end = start as u32 + cyls as u32;
    if HEADER + end as usize * heads as usize * ts > img.len() {
        return Err(format!(
            "cylinders {start} to {} are not on the volume",
            end - 1
        ));
    }
    // One track image, copied to every track with its cylinder and head put in the home
    // address and in every count area (R0's and the 19 blocks').
    let mut t = empty_track(0, 0);
    for r in 1..=BLOCKS_PER_TRACK as u8 {
        t.records.push(Record::new(0, 0, r, &[], &[0; BLOCK]));
    }
    let template = track_image(&t, ts);
    let mut places = vec![1, HA_LEN];
    places.extend((0..BLOCKS_PER_TRACK as usize).map(|i| HA_LEN + 16 + i * (8 + BLOCK)));
    for c in start..start + cyls {
        for h in 0..heads {
            let at = HEADER + (c as usize * heads as usize + h as usize) * ts;
            let track = &mut img[at..at + ts];
            track.copy_from_slice(&template);
            let ch = [c.to_be_bytes(), h.to_be_bytes()].concat();
            for &p in &places {
                track[p..p + 4].copy_from_slice(&ch);
            }
        }
    }
    let blocks = (cyls as u32 * heads as u32 * BLOCKS_PER_TRACK).min(MAX_BLOCKS);
    let extension = map_bytes(blocks).saturating_sub(MAP_LEN).div_ceil(BLOCK) as u32;
    let mut mfd = Mfd {
        fsts: vec![FIRST_FST_BLOCK],
        exts: (1..=extension).map(|k| FIRST_FST_BLOCK + k).collect(),
        blocks,
        cyls: cyls as u32,
        map: vec![0; map_bytes(blocks)],
        low: 1,
    };
    for n in 1..=FIRST_FST_BLOCK + extension {
        mfd.mark(n);
    }
    let mut lab = [0u8; BLOCK];
    lab[..10].copy_from_slice(&ebcdic::encode(&format!("CMS={label:<6}")));
    write_block(img, start, LABEL_BLOCK, &lab)?;
    mfd.store(img, start)
}

/// Put `file` on the CMS disk at cylinder `start` of `img`: data blocks, chain links, an
/// FST entry (in a new FST block when the others are full), and the allocation map and
/// counts updated. `Err` (and nothing written) if the file is not valid, is already on the
/// disk, or does not fit.
pub fn write_file(img: &mut [u8], start: u16, file: &CmsFile) -> Result<(), String> {
    let id = format!("{} {}", file.name, file.ftype);
    check_file(file).map_err(|e| format!("{id}: {e}"))?;
    let mut mfd = Mfd::load(img, start)?;
    let key = fileid(file);
    let mut slot = None;
    for &b in &mfd.fsts {
        let blk = read_block(img, start, b)?;
        for (i, e) in blk.chunks(FST_LEN).enumerate() {
            if e[0] != 0 && e[..16] == key[..] {
                return Err(format!("{id}: the disk has a file of that name already"));
            }
            if e[0] == 0 && slot.is_none() {
                slot = Some((b, i));
            }
        }
    }
    let data = stream(file);
    let n = data.len().div_ceil(BLOCK);
    if n > MAX_FILE_BLOCKS {
        return Err(format!(
            "{id}: {n} blocks; a file has at most {MAX_FILE_BLOCKS}"
        ));
    }
    let links = 1 + n.saturating_sub(FIRST_DATA).div_ceil(LINK_DATA);
    let need = n + links + usize::from(slot.is_none());
    let free = (mfd.blocks - mfd.count_used()) as usize;
    if need > free {
        return Err(format!(
            "{id}: the disk is full ({need} blocks needed, {free} left)"
        ));
    }
    let (fst_block, index) = match slot {
        Some(s) => s,
        None => {
            if mfd.list_len(1) > ADTNUM / 2 {
                return Err(format!(
                    "{id}: the master file directory has no room for another FST block"
                ));
            }
            let b = mfd.alloc()?;
            mfd.fsts.push(b);
            write_block(img, start, b, &[0; BLOCK])?;
            (b, 0)
        }
    };
    // The first chain link, its data blocks, then each further link and its data blocks.
    let mut chunks = data.chunks(BLOCK);
    let mut put = |img: &mut [u8], mfd: &mut Mfd, link: &mut [u8], at: usize| {
        let b = mfd.alloc()?;
        let mut blk = [0u8; BLOCK];
        if let Some(c) = chunks.next() {
            blk[..c.len()].copy_from_slice(c);
        }
        write_block(img, start, b, &blk)?;
        link[at..at + 2].copy_from_slice(&(b as u16).to_be_bytes());
        Ok::<(), String>(())
    };
    let fcl = mfd.alloc()?;
    let mut first = [0u8; BLOCK];
    for k in 0..n.min(FIRST_DATA) {
        put(img, &mut mfd, &mut first, 2 * (FIRST_LINKS + k))?;
    }
    let mut done = n.min(FIRST_DATA);
    let mut k = 0;
    while done < n {
        let lb = mfd.alloc()?;
        first[2 * k..2 * k + 2].copy_from_slice(&(lb as u16).to_be_bytes());
        let mut link = [0u8; BLOCK];
        for j in 0..(n - done).min(LINK_DATA) {
            put(img, &mut mfd, &mut link, 2 * j)?;
        }
        write_block(img, start, lb, &link)?;
        done += (n - done).min(LINK_DATA);
        k += 1;
    }
    write_block(img, start, fcl, &first)?;
    let mut blk = read_block(img, start, fst_block)?;
    let e = &mut blk[index * FST_LEN..(index + 1) * FST_LEN];
    let count = file.records.len() as u16;
    let s = file.stamp;
    e[..16].copy_from_slice(&key);
    e[16..18].copy_from_slice(&[bcd(s.month), bcd(s.day)]);
    e[18..20].copy_from_slice(&[bcd(s.hour), bcd(s.minute)]);
    e[20..22].copy_from_slice(&(count + 1).to_be_bytes());
    e[22..24].copy_from_slice(&1u16.to_be_bytes());
    e[24..26].copy_from_slice(&ebcdic::encode(&file.mode));
    e[26..28].copy_from_slice(&count.to_be_bytes());
    e[28..30].copy_from_slice(&(fcl as u16).to_be_bytes());
    e[30] = ebcdic::to_ebcdic(if file.recfm == RecFm::F { 'F' } else { 'V' });
    e[31] = 0;
    e[32..36].copy_from_slice(&file.lrecl.to_be_bytes());
    e[36..38].copy_from_slice(&(n as u16).to_be_bytes());
    e[38..40].copy_from_slice(&ebcdic::encode(&format!("{:02}", s.year)));
    write_block(img, start, fst_block, &blk)?;
    mfd.store(img, start)
}

/// Read the CMS disk at cylinder `start` of `img`: label, counts and every file.
pub fn read_files(img: &[u8], start: u16) -> Result<CmsDisk, String> {
    let lab = read_block(img, start, LABEL_BLOCK)?;
    if lab[..4] != ebcdic::encode("CMS=")[..] {
        return Err("not a CMS disk: block 3 does not begin with CMS=".into());
    }
    let mfd = Mfd::load(img, start)?;
    let mut files = Vec::new();
    for &b in &mfd.fsts {
        let blk = read_block(img, start, b)?;
        for e in blk.chunks(FST_LEN).filter(|e| e[0] != 0) {
            files.push(read_entry(img, start, &mfd, e)?);
        }
    }
    let word = |b: &[u8], at: usize| u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]);
    let m = read_block(img, start, MFD_BLOCK)?;
    Ok(CmsDisk {
        label: ebcdic::decode(&lab[4..10]).trim_end().to_string(),
        blocks: word(&m, ADTNUM),
        used: word(&m, ADTUSED),
        left: word(&m, ADTLEFT),
        last: word(&m, ADTLAST),
        cyls: word(&m, ADTCYL),
        files,
    })
}

/// A file from its FST entry `e`.
fn read_entry(img: &[u8], start: u16, mfd: &Mfd, e: &[u8]) -> Result<CmsFile, String> {
    let half = |at: usize| u16::from_be_bytes([e[at], e[at + 1]]);
    let name = ebcdic::decode(&e[..8]).trim_end().to_string();
    let ftype = ebcdic::decode(&e[8..16]).trim_end().to_string();
    let id = format!("{name} {ftype}");
    let count = half(26) as usize;
    let lrecl = u32::from_be_bytes([e[32], e[33], e[34], e[35]]);
    let recfm = match ebcdic::to_char(e[30]) {
        'F' => RecFm::F,
        'V' => RecFm::V,
        c => return Err(format!("{id}: record format {c:?}, not F or V")),
    };
    let (data_blocks, _) =
        file_blocks(img, start, mfd, half(28), half(36)).map_err(|m| format!("{id}: {m}"))?;
    let mut data = Vec::with_capacity(data_blocks.len() * BLOCK);
    for b in data_blocks {
        data.extend_from_slice(&read_block(img, start, b)?);
    }
    let mut records = Vec::with_capacity(count);
    let mut at = 0usize;
    for i in 0..count {
        let len = match recfm {
            RecFm::F => lrecl as usize,
            RecFm::V => {
                let l = data.get(at..at + 2).ok_or_else(|| {
                    format!("{id}: record {} is past the end of its blocks", i + 1)
                })?;
                at += 2;
                u16::from_be_bytes([l[0], l[1]]) as usize
            }
        };
        let r = data
            .get(at..at + len)
            .ok_or_else(|| format!("{id}: record {} is past the end of its blocks", i + 1))?;
        records.push(r.to_vec());
        at += len;
    }
    let year = ebcdic::decode(&e[38..40]);
    Ok(CmsFile {
        name,
        ftype,
        mode: ebcdic::decode(&e[24..26]),
        recfm,
        lrecl,
        records,
        stamp: Stamp {
            year: year
                .parse()
                .map_err(|_| format!("{id}: year {year:?} is not two digits"))?,
            month: unbcd(e[16]),
            day: unbcd(e[17]),
            hour: unbcd(e[18]),
            minute: unbcd(e[19]),
        },
    })
}

/// A file's data blocks and chain-link blocks, from its first chain link `fcl` and
/// data-block count `count`.
fn file_blocks(
    img: &[u8],
    start: u16,
    mfd: &Mfd,
    fcl: u16,
    count: u16,
) -> Result<(Vec<u32>, Vec<u32>), String> {
    let count = count as usize;
    if count > MAX_FILE_BLOCKS {
        return Err(format!(
            "{count} data blocks; a file has at most {MAX_FILE_BLOCKS}"
        ));
    }
    let block = |b: u16, what: &str| {
        if b == 0 || b as u32 > mfd.blocks {
            Err(format!("{what} block {b} is not on the disk"))
        } else {
            Ok(b as u32)
        }
    };
    let first_link = block(fcl, "chain link")?;
    let first = read_block(img, start, first_link)?;
    let ptr = |b: &[u8], i: usize| u16::from_be_bytes([b[2 * i], b[2 * i + 1]]);
    let mut links = vec![first_link];
    let mut data = Vec::with_capacity(count);
    for i in 0..count.min(FIRST_DATA) {
        data.push(block(ptr(&first, FIRST_LINKS + i), "data")?);
    }
    let mut k = 0;
    while data.len() < count {
        let lb = block(ptr(&first, k), "chain link")?;
        let link = read_block(img, start, lb)?;
        links.push(lb);
        for i in 0..(count - data.len()).min(LINK_DATA) {
            data.push(block(ptr(&link, i), "data")?);
        }
        k += 1;
    }
    Ok((data, links))
}

/// Every file's blocks, data and chain links (for checks: each block once, all marked).
#[cfg(test)]
fn all_file_blocks(img: &[u8], start: u16) -> Result<Vec<u32>, String> {
    let mfd = Mfd::load(img, start)?;
    let mut v = Vec::new();
    for &b in &mfd.fsts {
        let blk = read_block(img, start, b)?;
        for e in blk.chunks(FST_LEN).filter(|e| e[0] != 0) {
            let half = |at: usize| u16::from_be_bytes([e[at], e[at + 1]]);
            let (d, l) = file_blocks(img, start, &mfd, half(28), half(36))?;
            v.extend(d);
            v.extend(l);
        }
    }
    Ok(v)
}

/// The master file directory and the allocation map, in storage.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Mfd {
    fsts: Vec<u32>,
    exts: Vec<u32>,
    blocks: u32,
    cyls: u32,
    /// The whole allocation map: `map_bytes(blocks)` bytes.
    map: Vec<u8>,
    /// Every block below this one is in use (where the search for a free one starts).
    low: u32,
}

/// Bytes of allocation map for `blocks` blocks.
fn map_bytes(blocks: u32) -> usize {
    (blocks as usize).div_ceil(8)
}

impl Mfd {
    fn load(img: &[u8], start: u16) -> Result<Mfd, String> {
        let m = read_block(img, start, MFD_BLOCK)?;
        let half = |at: usize| u16::from_be_bytes([m[at], m[at + 1]]);
        let word = |at: usize| u32::from_be_bytes([m[at], m[at + 1], m[at + 2], m[at + 3]]);
        let blocks = word(ADTNUM);
        if !(FIRST_FST_BLOCK..=MAX_BLOCKS).contains(&blocks) {
            return Err(format!(
                "the master file directory says the disk has {blocks} blocks"
            ));
        }
        let (mut fsts, mut exts) = (Vec::new(), Vec::new());
        let mut in_map = false;
        let mut ended = false;
        for i in 0..ADTNUM / 2 {
            let h = half(2 * i);
            match (in_map, h) {
                (false, END_OF_FSTS) | (true, 0) => {
                    ended = true;
                    break;
                }
                (false, MAP_BLOCKS_FOLLOW) => in_map = true,
                _ if h == 0 || h as u32 > blocks => {
                    return Err(format!(
                        "the master file directory names block {h}, which is not on the disk"
                    ));
                }
                (false, _) => fsts.push(h as u32),
                (true, _) => exts.push(h as u32),
            }
        }
        if !ended {
            return Err("the master file directory's list of FST blocks has no end".into());
        }
        let need = map_bytes(blocks);
        if MAP_LEN + exts.len() * BLOCK < need {
            return Err(format!(
                "the allocation map of {blocks} blocks needs {need} bytes; the master file \
                 directory and its {} extension blocks hold {}",
                exts.len(),
                MAP_LEN + exts.len() * BLOCK
            ));
        }
        let mut map = m[MAP..MAP + MAP_LEN].to_vec();
        for &b in &exts {
            map.extend_from_slice(&read_block(img, start, b)?);
        }
        map.truncate(need);
        Ok(Mfd {
            fsts,
            exts,
            blocks,
            cyls: word(ADTCYL),
            map,
            low: 1,
        })
    }

    /// Halfwords the block list takes with `more` FST blocks added.
    fn list_len(&self, more: usize) -> usize {
        let map = if self.exts.is_empty() {
            0
        } else {
            self.exts.len() + 1
        };
        self.fsts.len() + more + 1 + map
    }

    fn store(&self, img: &mut [u8], start: u16) -> Result<(), String> {
        if self.list_len(0) > ADTNUM / 2 {
            return Err("the master file directory has no room for its block list".into());
        }
        let mut m = [0u8; BLOCK];
        let mut list: Vec<u16> = self.fsts.iter().map(|&b| b as u16).collect();
        if self.exts.is_empty() {
            list.push(END_OF_FSTS);
        } else {
            list.push(MAP_BLOCKS_FOLLOW);
            list.extend(self.exts.iter().map(|&b| b as u16));
            list.push(0);
        }
        for (i, h) in list.iter().enumerate() {
            m[2 * i..2 * i + 2].copy_from_slice(&h.to_be_bytes());
        }
        let used = self.count_used();
        for (at, v) in [
            (ADTNUM, self.blocks),
            (ADTUSED, used),
            (ADTLEFT, self.blocks - used),
            (ADTLAST, self.last()),
            (ADTCYL, self.cyls),
        ] {
            m[at..at + 4].copy_from_slice(&v.to_be_bytes());
        }
        let first = self.map.len().min(MAP_LEN);
        m[MAP..MAP + first].copy_from_slice(&self.map[..first]);
        m[DEVICE_BYTE] = DEVICE_3350;
        write_block(img, start, MFD_BLOCK, &m)?;
        for (k, &b) in self.exts.iter().enumerate() {
            let mut blk = [0u8; BLOCK];
            let from = (MAP_LEN + k * BLOCK).min(self.map.len());
            let to = (from + BLOCK).min(self.map.len());
            blk[..to - from].copy_from_slice(&self.map[from..to]);
            write_block(img, start, b, &blk)?;
        }
        Ok(())
    }

    fn is_used(&self, n: u32) -> bool {
        let i = (n - 1) as usize;
        self.map[i / 8] & (0x80 >> (i % 8)) != 0
    }

    fn mark(&mut self, n: u32) {
        let i = (n - 1) as usize;
        self.map[i / 8] |= 0x80 >> (i % 8);
    }

    /// The lowest free block, now marked in use.
    fn alloc(&mut self) -> Result<u32, String> {
        let n = (self.low..=self.blocks)
            .find(|&n| !self.is_used(n))
            .ok_or("the disk is full")?;
        self.mark(n);
        self.low = n + 1;
        Ok(n)
    }

    fn count_used(&self) -> u32 {
        (1..=self.blocks).filter(|&n| self.is_used(n)).count() as u32
    }

    /// ADTLAST: the index of the last map byte with a bit on.
    fn last(&self) -> u32 {
        self.map.iter().rposition(|&b| b != 0).unwrap_or(0) as u32
    }
}

/// Where block `n`'s 800 bytes are in `img`, the minidisk starting at cylinder `start`.
fn block_at(img: &[u8], start: u16, n: u32) -> Result<usize, String> {
    if n == 0 {
        return Err("block 0 does not exist (blocks count from 1)".into());
    }
    let heads = MODEL.heads() as u32;
    let ts = MODEL.track_size();
    let t = (n - 1) / BLOCKS_PER_TRACK;
    let r = ((n - 1) % BLOCKS_PER_TRACK + 1) as u8;
    let (cyl, head) = (start as u32 + t / heads, t % heads);
    let at = HEADER + (cyl as usize * heads as usize + head as usize) * ts;
    let where_ = || format!("block {n} (cylinder {cyl} head {head} record {r})");
    let track = img
        .get(at..at + ts)
        .ok_or_else(|| format!("{}: not on the volume", where_()))?;
    let mut off = HA_LEN;
    loop {
        let Some(count) = track.get(off..off + 8) else {
            return Err(format!(
                "{}: the track has no end-of-track marker",
                where_()
            ));
        };
        if count == EOT {
            return Err(format!("{}: no such record (not a CMS disk?)", where_()));
        }
        let kl = count[5] as usize;
        let dl = u16::from_be_bytes([count[6], count[7]]) as usize;
        if count[4] == r {
            if kl != 0 || dl != BLOCK || off + 8 + BLOCK > ts {
                return Err(format!(
                    "{}: key {kl} and data {dl} bytes, not 0 and {BLOCK}",
                    where_()
                ));
            }
            return Ok(at + off + 8);
        }
        off += 8 + kl + dl;
    }
}

fn read_block(img: &[u8], start: u16, n: u32) -> Result<[u8; BLOCK], String> {
    let at = block_at(img, start, n)?;
    let mut b = [0u8; BLOCK];
    b.copy_from_slice(&img[at..at + BLOCK]);
    Ok(b)
}

pub(super) fn write_block(
    img: &mut [u8],
    start: u16,
    n: u32,
    data: &[u8; BLOCK],
) -> Result<(), String> {
    let at = block_at(img, start, n)?;
    img[at..at + BLOCK].copy_from_slice(data);
    Ok(())
}

/// What is wrong with `file`, if anything.
fn check_file(f: &CmsFile) -> Result<(), String> {
    if !valid_name(&f.name) || !valid_name(&f.ftype) {
        return Err("file name and type are 1-8 of A-Z 0-9 $ # @".into());
    }
    let m = f.mode.as_bytes();
    if m.len() != 2 || !m[0].is_ascii_uppercase() || !m[1].is_ascii_digit() {
        return Err(format!("mode {:?}: a letter and a digit, e.g. A1", f.mode));
    }
    if f.records.is_empty() || f.records.len() > u16::MAX as usize - 1 {
        return Err(format!(
            "{} records: a CMS file has 1 to {}",
            f.records.len(),
            u16::MAX - 1
        ));
    }
    if f.lrecl == 0 && f.recfm == RecFm::F || f.lrecl > u16::MAX as u32 {
        return Err(format!("LRECL {}: 1 to {}", f.lrecl, u16::MAX));
    }
    for (i, r) in f.records.iter().enumerate() {
        let ok = match f.recfm {
            RecFm::F => r.len() == f.lrecl as usize,
            RecFm::V => r.len() <= f.lrecl as usize,
        };
        if !ok {
            return Err(format!(
                "record {} is {} bytes: RECFM {:?} LRECL {} records are {} bytes",
                i + 1,
                r.len(),
                f.recfm,
                f.lrecl,
                if f.recfm == RecFm::F {
                    "exactly"
                } else {
                    "at most"
                }
            ));
        }
    }
    let s = f.stamp;
    if s.year > 99
        || !(1..=12).contains(&s.month)
        || !(1..=31).contains(&s.day)
        || s.hour > 23
        || s.minute > 59
    {
        return Err(format!("date {s:?} is not a date"));
    }
    Ok(())
}

/// The file name and type as they are on disk: EBCDIC, blank padded.
fn fileid(f: &CmsFile) -> [u8; 16] {
    let mut k = [0u8; 16];
    k.copy_from_slice(&ebcdic::encode(&format!("{:<8}{:<8}", f.name, f.ftype)));
    k
}

/// The records as they lie in the data blocks.
fn stream(f: &CmsFile) -> Vec<u8> {
    let mut v = Vec::new();
    for r in &f.records {
        if f.recfm == RecFm::V {
            v.extend_from_slice(&(r.len() as u16).to_be_bytes());
        }
        v.extend_from_slice(r);
    }
    v
}

fn bcd(n: u8) -> u8 {
    ((n / 10) << 4) | (n % 10)
}

fn unbcd(b: u8) -> u8 {
    (b >> 4) * 10 + (b & 0x0F)
}

#[cfg(test)]
mod tests;
