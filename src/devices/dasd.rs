//! IBM 3330 and 3350 count-key-data (CKD) disks, in Hercules' CKD image format.
//!
//! Why this format: Hercules' `dasdinit` makes these volumes and `dasdls`, `dasdcat`,
//! `dasdpdsu` read them, so a user can build a volume with Hercules' tools, use it in
//! cpcms, and take it back to Hercules, byte for byte. cpcms reads and writes the plain
//! (uncompressed) format only; a compressed volume (`dasdinit -z`, "CKD_C370") is refused
//! with the command that converts it (`cckd2ckd`).
//!
//! # The image file
//!
//! ```text
//!  offset 0: device header, 512 bytes
//!  +----------+--------+---------+-----+-----+---------+------------------------+
//!  | CKD_P370 | heads  | trksize | dev | seq | highcyl |  zeros (492 bytes)     |
//!  | 8 ASCII  | 4, LE  | 4, LE   | 1   | 1   | 2, LE   |                        |
//!  +----------+--------+---------+-----+-----+---------+------------------------+
//!     dev: low byte of the device type (X'30' 3330, X'50' 3350); seq 0: single file
//!
//!  offset 512 + (cyl * heads + head) * trksize: one track image, trksize bytes
//!  +-----------+-------------------+-------------------+-----+-------------+--------+
//!  | HA        | R0 count key data | R1 count key data | ... | FF x 8      | unused |
//!  | 0 CC HH   |                   |                   |     | end of track| (zero) |
//!  +-----------+-------------------+-------------------+-----+-------------+--------+
//!   5 bytes: bin (0), cylinder, head; big-endian
//!
//!  count area, 8 bytes          key area     data area
//!  +------+------+---+----+------+  +--------+  +--------------+
//!  |  CC  |  HH  | R | KL |  DL  |  | KL     |  | DL bytes     |
//!  +------+------+---+----+------+  | bytes  |  |              |
//!     2      2     1   1     2       +--------+  +--------------+
//! ```
//!
//! Geometry: 3330 19 heads, 13312-byte track images (3330-1: 404 cylinders, 3330-11:
//! 808); 3350 30 heads, 19456 bytes (555 cylinders). The number of cylinders is the file
//! size divided by the cylinder size; a file that is not a whole number of cylinders is
//! reported as truncated when attached. A track image holds as much as Hercules lets it:
//! a record fits if it and the end-of-track marker end before the track image does.
//!
//! # The channel program's view
//!
//! The disk keeps an *orientation*: just past the home address (index), or past the
//! count, key or data area of the current record, or at the end of the track. Reads and
//! searches go on from there to the next area they need, wrapping round the track (and
//! skipping R0 except for Search ID, Read R0 and Read HA); passing the index point twice in
//! one chain without reading data is "no record found". Multi-track commands (bit X'80')
//! go on to the next head at the end of a track instead, up to "end of cylinder".
//!
//! ```text
//!   seek     X'07' seek  X'0B' seek cylinder  X'1B' seek head  (BBCCHH, 6 bytes)
//!            X'13' recalibrate  X'17' restore  X'03' no-op
//!   mask     X'1F' set file mask (once per chain): C0 writes, 18 seeks
//!   search   X'31' ID equal  X'51' ID high  X'71' ID high or equal      (CCHHR, 5)
//!            X'29' key equal X'49' key high X'69' key high or equal     (KL bytes)
//!            X'39' home address equal                                   (CCHH, 4)
//!            a match ends with status modifier: the channel skips the next CCW (the
//!            TIC that loops back to the search)
//!   read     X'06' data  X'0E' key+data  X'12' count  X'1E' count+key+data
//!            X'16' R0 (count+key+data)  X'1A' home address  X'02' read IPL (0/0, R1)
//!            X'22' read sector (0)      X'23' set sector
//!   write    X'05' data  X'0D' key+data (after a Search ID/Key Equal on this record)
//!            X'1D' count+key+data (after a search equal, Write R0 or Write CKD: writes
//!            the next record and erases the rest of the track)
//!            X'15' R0 (after Search HA / Read HA)   X'11' erase (rest of track)
//!   sense    X'04' 24 bytes
//!   multi-track: X'80' added to searches and reads (B1 D1 F1 A9 C9 E9 B9 86 8E 92 9E 96 9A)
//! ```
//!
//! Sense bytes (24): byte 4 names the drive from its address (3330: unit u gives
//! `u | (7-u) << 3`; 3350: X'80' >> u), byte 0 X'80' command reject, X'10' equipment check (a corrupt track
//! image), X'01' seek check; byte 1 X'40' invalid track format (record does not fit),
//! X'20' end of cylinder, X'08' no record found, X'04' file protected, X'02' write
//! inhibited (the image file is read-only); byte 5-6 cylinder and head; byte 7 format and
//! message (command rejects: X'01' invalid command, X'02' invalid sequence, X'03' bad
//! count, X'04' bad argument). As on Hercules, an invalid seek address is a command
//! reject (message 4), and a write the file mask forbids is a command reject (message 2);
//! a seek the file mask forbids, or a multi-track operation that would leave the track
//! when the mask inhibits head switching, is "file protected".
//!
//! Every write goes to the image file (one track image, `pwrite`) before the operation
//! ends, so killing cpcms loses no completed write. Nothing in a track image can make
//! the device panic: a malformed track answers with unit check, equipment check.

use std::fs::{File, OpenOptions};
use std::os::unix::fs::FileExt;
use std::path::Path;

use super::{Device, Service, Start};
use crate::channel::{Transfer, UnitStatus};
use crate::cpu::TOD_PER_US;

/// Size of the device header.
pub const HEADER: usize = 512;
/// Size of the home address in a track image.
pub const HA_LEN: usize = 5;
/// The end-of-track marker.
pub const EOT: [u8; 8] = [0xFF; 8];

/// Sense byte 0.
pub const S0_COMMAND_REJECT: u8 = 0x80;
pub const S0_EQUIPMENT_CHECK: u8 = 0x10;
pub const S0_SEEK_CHECK: u8 = 0x01;
/// Sense byte 1.
pub const S1_INVALID_TRACK_FORMAT: u8 = 0x40;
pub const S1_END_OF_CYLINDER: u8 = 0x20;
pub const S1_NO_RECORD_FOUND: u8 = 0x08;
pub const S1_FILE_PROTECTED: u8 = 0x04;
pub const S1_WRITE_INHIBITED: u8 = 0x02;

/// File mask bits.
const MASK_WRITE: u8 = 0xC0;
const MASK_INHIBIT_ALL_WRITES: u8 = 0x40;
const MASK_ALLOW_ALL_WRITES: u8 = 0xC0;
const MASK_INHIBIT_WRITE_R0: u8 = 0x00;
const MASK_RESERVED: u8 = 0x20;
const MASK_SEEK: u8 = 0x18;
const MASK_ALLOW_ALL_SEEKS: u8 = 0x00;
const MASK_SEEK_CYL_HEAD: u8 = 0x08;
const MASK_INHIBIT_SEEK_MT: u8 = 0x18;

/// Virtual time: fixed cost of a command that touches the disk, microseconds.
pub const OP_US: u64 = 100;
/// Virtual time: moving the access arm, plus this much per cylinder crossed.
pub const SEEK_US: u64 = 1000;
pub const SEEK_PER_CYL_US: u64 = 10;
/// Sense: microseconds.
pub const SENSE_US: u64 = 20;

/// The disk models.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Model {
    D3330,
    D3350,
}

impl Model {
    pub fn name(self) -> &'static str {
        match self {
            Model::D3330 => "3330",
            Model::D3350 => "3350",
        }
    }
    /// The device-type byte in the image header.
    pub fn code(self) -> u8 {
        match self {
            Model::D3330 => 0x30,
            Model::D3350 => 0x50,
        }
    }
    pub fn heads(self) -> u16 {
        match self {
            Model::D3330 => 19,
            Model::D3350 => 30,
        }
    }
    /// Bytes per track image.
    pub fn track_size(self) -> usize {
        match self {
            Model::D3330 => 13312,
            Model::D3350 => 19456,
        }
    }
    /// Cylinders of a full-size volume (what `dasdinit` makes without a size).
    pub fn cylinders(self) -> u16 {
        match self {
            Model::D3330 => 404,
            Model::D3350 => 555,
        }
    }
    /// The model a volume file's device header names, if it is a CKD image of a model
    /// cpcms has (`None` for anything else, which [`Dasd::open`] then explains).
    pub fn of_file(path: &Path) -> Option<Model> {
        use std::io::Read;
        let mut hdr = [0u8; 17];
        std::fs::File::open(path).ok()?.read_exact(&mut hdr).ok()?;
        if &hdr[..8] != b"CKD_P370" {
            return None;
        }
        [Model::D3330, Model::D3350]
            .into_iter()
            .find(|m| m.code() == hdr[16])
    }

    fn by_code(code: u8) -> Option<&'static str> {
        Some(match code {
            0x30 => "3330",
            0x50 => "3350",
            0x11 => "2311",
            0x14 => "2314",
            0x05 => "2305",
            0x40 => "3340",
            0x75 => "3375",
            0x80 => "3380",
            0x90 => "3390",
            _ => return None,
        })
    }
}

/// One record: count, key and data areas.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub count: [u8; 8],
    pub key: Vec<u8>,
    pub data: Vec<u8>,
}

impl Record {
    pub fn new(cyl: u16, head: u16, r: u8, key: &[u8], data: &[u8]) -> Self {
        let c = cyl.to_be_bytes();
        let h = head.to_be_bytes();
        let d = (data.len() as u16).to_be_bytes();
        Record {
            count: [c[0], c[1], h[0], h[1], r, key.len() as u8, d[0], d[1]],
            key: key.to_vec(),
            data: data.to_vec(),
        }
    }
    fn len(&self) -> usize {
        8 + self.key.len() + self.data.len()
    }
}

/// A track as the device sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Track {
    pub ha: [u8; HA_LEN],
    pub records: Vec<Record>,
}

/// Parse a track image. `cyl`/`head`: where it is on the volume.
pub fn parse_track(buf: &[u8], cyl: u16, head: u16) -> Result<Track, String> {
    if buf.len() < HA_LEN + 8 {
        return Err("track image too short".into());
    }
    let ha: [u8; HA_LEN] = buf[..HA_LEN].try_into().expect("5 bytes");
    let (hc, hh) = (
        u16::from_be_bytes([ha[1], ha[2]]),
        u16::from_be_bytes([ha[3], ha[4]]),
    );
    if ha[0] != 0 || hc != cyl || hh != head {
        return Err(format!(
            "track header {:02X}{:02X}{:02X}{:02X}{:02X} does not name cylinder {cyl} head {head}",
            ha[0], ha[1], ha[2], ha[3], ha[4]
        ));
    }
    let mut records = Vec::new();
    let mut off = HA_LEN;
    loop {
        let Some(count) = buf.get(off..off + 8) else {
            return Err(format!(
                "no end-of-track marker (record {} runs past the track image)",
                records.len()
            ));
        };
        if count == EOT {
            break;
        }
        let count: [u8; 8] = count.try_into().expect("8 bytes");
        let kl = count[5] as usize;
        let dl = u16::from_be_bytes([count[6], count[7]]) as usize;
        let end = off + 8 + kl + dl;
        if end + 8 > buf.len() {
            return Err(format!(
                "record {} (key {kl}, data {dl} bytes) runs past the track image",
                records.len()
            ));
        }
        records.push(Record {
            count,
            key: buf[off + 8..off + 8 + kl].to_vec(),
            data: buf[off + 8 + kl..end].to_vec(),
        });
        off = end;
    }
    Ok(Track { ha, records })
}

/// Bytes a track image needs for `records` up to and including the end-of-track marker.
fn used(records: &[Record]) -> usize {
    HA_LEN + records.iter().map(Record::len).sum::<usize>() + 8
}

/// The track image of `t`, `size` bytes (the caller made sure it fits).
pub fn track_image(t: &Track, size: usize) -> Vec<u8> {
    let mut b = Vec::with_capacity(size);
    b.extend_from_slice(&t.ha);
    for r in &t.records {
        b.extend_from_slice(&r.count);
        b.extend_from_slice(&r.key);
        b.extend_from_slice(&r.data);
    }
    b.extend_from_slice(&EOT);
    b.resize(size, 0);
    b
}

/// An empty track: home address and R0 (8 bytes of zeros), as `dasdinit` writes them.
pub fn empty_track(cyl: u16, head: u16) -> Track {
    let c = cyl.to_be_bytes();
    let h = head.to_be_bytes();
    Track {
        ha: [0, c[0], c[1], h[0], h[1]],
        records: vec![Record::new(cyl, head, 0, &[], &[0; 8])],
    }
}

/// The device header of a volume.
pub fn header(model: Model) -> [u8; HEADER] {
    let mut h = [0u8; HEADER];
    h[..8].copy_from_slice(b"CKD_P370");
    h[8..12].copy_from_slice(&(model.heads() as u32).to_le_bytes());
    h[12..16].copy_from_slice(&(model.track_size() as u32).to_le_bytes());
    h[16] = model.code();
    h
}

/// A new volume image with `cyls` cylinders, laid out as `dasdinit` lays one out: every
/// track holds R0; with a volume serial, track 0 also holds IPL1 (a wait PSW and a
/// no-op CCW), IPL2 (144 zero bytes) and the VOL1 label (VTOC pointer 0/1/1, owner
/// HERCULES); without one it is a raw volume (`dasdinit -r`).
pub fn new_volume(model: Model, cyls: u16, volser: Option<&str>) -> Vec<u8> {
    let ts = model.track_size();
    let mut img = Vec::with_capacity(HEADER + cyls as usize * model.heads() as usize * ts);
    img.extend_from_slice(&header(model));
    for c in 0..cyls {
        for h in 0..model.heads() {
            let mut t = empty_track(c, h);
            if c == 0
                && h == 0
                && let Some(v) = volser
            {
                t.records.extend(label_records(v));
            }
            img.extend_from_slice(&track_image(&t, ts));
        }
    }
    img
}

/// IPL1, IPL2 and VOL1 for volume serial `volser`.
pub fn label_records(volser: &str) -> Vec<Record> {
    let e = crate::ebcdic::encode;
    let mut ipl1 = vec![0u8; 24];
    ipl1[..8].copy_from_slice(&[0x00, 0x06, 0, 0, 0, 0, 0, 0x0F]);
    ipl1[8..16].copy_from_slice(&[0x03, 0, 0, 0, 0, 0, 0, 0x01]);
    let mut vol1 = vec![0x40u8; 80];
    vol1[..4].copy_from_slice(&e("VOL1"));
    let v: String = volser.chars().take(6).collect();
    vol1[4..10].copy_from_slice(&e(&format!("{v:<6}")));
    vol1[11..16].copy_from_slice(&[0, 0, 0, 1, 1]);
    vol1[41..51].copy_from_slice(&e("HERCULES  "));
    vec![
        Record::new(0, 0, 1, &e("IPL1"), &ipl1),
        Record::new(0, 0, 2, &e("IPL2"), &[0; 144]),
        Record::new(0, 0, 3, &e("VOL1"), &vol1),
    ]
}

/// Where the image lives.
#[derive(Debug)]
enum Backing {
    File { file: File, writable: bool },
    Memory(Vec<u8>),
}

/// Orientation (see the module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Orient {
    /// Just past the home address.
    Index,
    Count,
    Key,
    Data,
    /// Past the last record (a multi-track operation failed to go on).
    Eot,
}

/// A unit check: sense bytes 0, 1 and 7.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Check {
    s0: u8,
    s1: u8,
    msg: u8,
}

impl Check {
    fn reject(msg: u8) -> Check {
        Check {
            s0: S0_COMMAND_REJECT,
            s1: 0,
            msg,
        }
    }
    fn s1(s1: u8) -> Check {
        Check { s0: 0, s1, msg: 0 }
    }
    fn equipment() -> Check {
        Check {
            s0: S0_EQUIPMENT_CHECK,
            s1: 0,
            msg: 0x10,
        }
    }
}

/// Command reject messages (sense byte 7, format 0).
const MSG_INVALID_COMMAND: u8 = 0x01;
const MSG_INVALID_SEQUENCE: u8 = 0x02;
const MSG_BAD_COUNT: u8 = 0x03;
const MSG_BAD_ARGUMENT: u8 = 0x04;

#[derive(Clone, Debug, PartialEq, Eq)]
enum Phase {
    Idle,
    /// Store these bytes (input) and end with the status.
    Store(Vec<u8>, UnitStatus),
    End(UnitStatus),
    Sense,
}

/// A 3330 or 3350 disk drive with a volume mounted.
#[derive(Debug)]
pub struct Dasd {
    name: String,
    /// Device address (for the drive number in sense byte 4).
    addr: u16,
    model: Model,
    cyls: u16,
    backing: Backing,
    // Position.
    cyl: u16,
    head: u16,
    track: Option<Track>,
    cur: usize,
    orient: Orient,
    // State of the current channel program.
    fmask: u8,
    set_mask: bool,
    /// The index point was passed once in this chain (a second time: no record found).
    xmark: bool,
    id_equal: bool,
    key_equal: bool,
    ha_equal: bool,
    /// This chain wrote R0 or a CKD record (so Write CKD may follow), as on Hercules.
    wrote_ckd: bool,
    sense: [u8; 24],
    phase: Phase,
}

fn us(n: u64) -> u64 {
    n * TOD_PER_US
}

/// Time to move `n` bytes (about 1 MB/s), TOD units.
fn xfer_time(n: usize) -> u64 {
    (n as u64) * TOD_PER_US
}

type Res<T> = Result<T, Check>;

impl Dasd {
    /// Mount the volume in `path`: checks the header, the geometry and track 0 now, so
    /// that a wrong or damaged file is reported when it is attached.
    pub fn open(path: &Path, model: Model) -> Result<Self, String> {
        let name = path.display().to_string();
        let (file, writable) = match OpenOptions::new().read(true).write(true).open(path) {
            Ok(f) => (f, true),
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
                let f = File::open(path).map_err(|e| format!("{name}: cannot open: {e}"))?;
                (f, false)
            }
            Err(e) => return Err(format!("{name}: cannot open: {e}")),
        };
        let len = file.metadata().map_err(|e| format!("{name}: {e}"))?.len();
        let mut hdr = [0u8; HEADER];
        if len < HEADER as u64 {
            return Err(format!(
                "{name}: {len} bytes is too short for a CKD volume (the device header alone is {HEADER} bytes)"
            ));
        }
        file.read_exact_at(&mut hdr, 0)
            .map_err(|e| format!("{name}: {e}"))?;
        let cyls = check_header(&hdr, len, model).map_err(|e| format!("{name}: {e}"))?;
        let mut d = Dasd::with_backing(name, model, cyls, Backing::File { file, writable });
        d.load(0, 0)
            .map_err(|_| format!("{}: cylinder 0 head 0: {}", d.name, d.why(0, 0)))?;
        Ok(d)
    }

    /// A volume held in memory (tests, or a scratch disk): `image` as `new_volume`
    /// makes it.
    pub fn in_memory(image: Vec<u8>, model: Model) -> Result<Self, String> {
        if image.len() < HEADER {
            return Err("image shorter than the device header".into());
        }
        let hdr: [u8; HEADER] = image[..HEADER].try_into().expect("512");
        let cyls = check_header(&hdr, image.len() as u64, model)?;
        let mut d = Dasd::with_backing("(memory)".into(), model, cyls, Backing::Memory(image));
        d.load(0, 0).map_err(|_| d.why(0, 0))?;
        Ok(d)
    }

    fn with_backing(name: String, model: Model, cyls: u16, backing: Backing) -> Self {
        Dasd {
            name,
            addr: 0,
            model,
            cyls,
            backing,
            cyl: 0,
            head: 0,
            track: None,
            cur: 0,
            orient: Orient::Index,
            fmask: 0,
            set_mask: false,
            xmark: false,
            id_equal: false,
            key_equal: false,
            ha_equal: false,
            wrote_ckd: false,
            sense: [0; 24],
            phase: Phase::Idle,
        }
    }

    /// Tell the drive its device address (sense byte 4 names the drive by it).
    pub fn at(mut self, addr: u16) -> Self {
        self.addr = addr;
        self
    }

    /// Cylinders on the volume.
    pub fn cylinders(&self) -> u16 {
        self.cyls
    }

    /// The image (memory volumes only).
    pub fn image(&self) -> Option<&[u8]> {
        match &self.backing {
            Backing::Memory(v) => Some(v),
            Backing::File { .. } => None,
        }
    }

    fn offset(&self, cyl: u16, head: u16) -> usize {
        HEADER
            + (cyl as usize * self.model.heads() as usize + head as usize) * self.model.track_size()
    }

    fn read_image(&self, cyl: u16, head: u16) -> Result<Vec<u8>, String> {
        let off = self.offset(cyl, head);
        let ts = self.model.track_size();
        match &self.backing {
            Backing::Memory(v) => v
                .get(off..off + ts)
                .map(<[u8]>::to_vec)
                .ok_or_else(|| "beyond the end of the image".into()),
            Backing::File { file, .. } => {
                let mut buf = vec![0u8; ts];
                file.read_exact_at(&mut buf, off as u64)
                    .map_err(|e| e.to_string())?;
                Ok(buf)
            }
        }
    }

    /// Why the track at cyl/head cannot be loaded (for messages).
    fn why(&self, cyl: u16, head: u16) -> String {
        match self.read_image(cyl, head) {
            Err(e) => e,
            Ok(b) => match parse_track(&b, cyl, head) {
                Err(e) => e,
                Ok(_) => "unreadable".into(),
            },
        }
    }

    /// Make cyl/head the current track (reading it if needed).
    fn load(&mut self, cyl: u16, head: u16) -> Res<()> {
        if self.track.is_none() || self.cyl != cyl || self.head != head {
            self.track = None;
            let buf = self.read_image(cyl, head).map_err(|_| Check::equipment())?;
            let t = parse_track(&buf, cyl, head).map_err(|_| Check::equipment())?;
            self.track = Some(t);
        }
        self.cyl = cyl;
        self.head = head;
        Ok(())
    }

    /// Write the current track back to the image.
    fn flush(&mut self) -> Res<()> {
        let Some(t) = &self.track else {
            return Err(Check::equipment());
        };
        let img = track_image(t, self.model.track_size());
        let off = self.offset(self.cyl, self.head);
        match &mut self.backing {
            Backing::Memory(v) => {
                let Some(dst) = v.get_mut(off..off + img.len()) else {
                    return Err(Check::equipment());
                };
                dst.copy_from_slice(&img);
            }
            Backing::File { file, writable } => {
                if !*writable {
                    return Err(Check::s1(S1_WRITE_INHIBITED));
                }
                file.write_all_at(&img, off as u64)
                    .map_err(|_| Check::equipment())?;
            }
        }
        Ok(())
    }

    fn records(&self) -> &[Record] {
        self.track.as_ref().map(|t| &t.records[..]).unwrap_or(&[])
    }

    /// Seek: position at the index point of cyl/head.
    fn seek(&mut self, cyl: u16, head: u16) -> Res<()> {
        self.load(cyl, head)?;
        self.cur = 0;
        self.orient = Orient::Index;
        Ok(())
    }

    /// Go on to the next track of the cylinder (multi-track operations).
    fn mt_advance(&mut self) -> Res<()> {
        if self.fmask & MASK_SEEK == MASK_INHIBIT_SEEK_MT {
            return Err(Check::s1(S1_FILE_PROTECTED));
        }
        if self.head + 1 >= self.model.heads() {
            return Err(Check::s1(S1_END_OF_CYLINDER));
        }
        self.seek(self.cyl, self.head + 1)
    }

    /// Move to the next count area (see the module docs), for command `code`.
    fn read_count(&mut self, code: u8) -> Res<()> {
        let base = code & 0x7F;
        let skip_r0 = !matches!(base, 0x16 | 0x31 | 0x51 | 0x71);
        let mt = code & 0x80 != 0;
        if self.orient == Orient::Eot {
            self.mt_advance()?;
        }
        loop {
            let next = match self.orient {
                Orient::Index => 0,
                _ => self.cur + 1,
            };
            if next < self.records().len() {
                self.cur = next;
                self.orient = Orient::Count;
                if skip_r0 && next == 0 {
                    continue;
                }
                return Ok(());
            }
            self.orient = Orient::Eot;
            let mt_read_or_key_search = mt && (is_read(code) || matches!(code, 0xA9 | 0xC9 | 0xE9));
            if self.xmark && !mt_read_or_key_search {
                return Err(Check::s1(S1_NO_RECORD_FOUND));
            }
            if !mt {
                self.seek(self.cyl, self.head)?;
                self.xmark = true;
            } else {
                self.mt_advance()?;
                if !matches!(base, 0x31 | 0x51 | 0x71 | 0x29 | 0x49 | 0x69) {
                    self.xmark = true;
                }
            }
        }
    }

    fn current(&self) -> Res<&Record> {
        self.records().get(self.cur).ok_or_else(Check::equipment)
    }

    /// The key of the next record (orientation: key).
    fn read_key(&mut self, code: u8) -> Res<Vec<u8>> {
        if self.orient != Orient::Count {
            self.read_count(code)?;
        }
        let k = self.current()?.key.clone();
        self.orient = Orient::Key;
        Ok(k)
    }

    /// The data of this or the next record (orientation: data).
    fn read_data(&mut self, code: u8) -> Res<Vec<u8>> {
        if !matches!(self.orient, Orient::Count | Orient::Key) {
            self.read_count(code)?;
        }
        let d = self.current()?.data.clone();
        self.orient = Orient::Data;
        Ok(d)
    }

    /// Where a Write CKD, Write R0 or Erase puts its record.
    fn write_position(&self) -> usize {
        match self.orient {
            Orient::Index => 0,
            Orient::Eot => self.records().len(),
            _ => self.cur + 1,
        }
    }

    /// Write (or, `erase`, just make room for) `rec` at record index `at`, erasing the
    /// rest of the track.
    fn format_write(&mut self, at: usize, rec: Record, erase: bool) -> Res<()> {
        let ts = self.model.track_size();
        let Some(t) = self.track.as_mut() else {
            return Err(Check::equipment());
        };
        let at = at.min(t.records.len());
        if used(&t.records[..at]) + rec.len() >= ts {
            return Err(Check::s1(S1_INVALID_TRACK_FORMAT));
        }
        t.records.truncate(at);
        if !erase {
            t.records.push(rec);
            self.cur = at;
        }
        self.orient = Orient::Data;
        self.flush()
    }

    /// Fetch a count area and the key and data it announces (Write CKD, R0, Erase).
    fn fetch_record(xfer: &mut Transfer) -> Record {
        let mut count = [0u8; 8];
        let c = xfer.fetch_up_to(8);
        count[..c.len()].copy_from_slice(&c);
        let kl = count[5] as usize;
        let dl = u16::from_be_bytes([count[6], count[7]]) as usize;
        let mut rest = xfer.fetch_up_to(kl + dl);
        rest.resize(kl + dl, 0);
        let data = rest.split_off(kl);
        Record {
            count,
            key: rest,
            data,
        }
    }

    fn check_write_mask(&self, ok: &[u8]) -> Res<()> {
        if ok.contains(&(self.fmask & MASK_WRITE)) {
            Ok(())
        } else {
            Err(Check::reject(MSG_INVALID_SEQUENCE))
        }
    }

    /// Perform command `cmd`: data to store (input commands) and the ending status.
    fn execute(&mut self, cmd: u8, xfer: &mut Transfer) -> Res<(Option<Vec<u8>>, UnitStatus)> {
        let ok = UnitStatus::CE_DE;
        let ux = |dl: usize| {
            if dl == 0 {
                ok | UnitStatus::UNIT_EXCEPTION
            } else {
                ok
            }
        };
        match cmd {
            0x02 => {
                if self.set_mask {
                    return Err(Check::reject(MSG_INVALID_SEQUENCE));
                }
                self.set_mask = true;
                self.seek(0, 0)?;
                self.read_count(cmd)?;
                let d = self.read_data(cmd)?;
                let st = ux(d.len());
                Ok((Some(d), st))
            }
            0x07 | 0x0B | 0x1B => {
                let m = self.fmask & MASK_SEEK;
                let allowed = match cmd {
                    0x07 => m == MASK_ALLOW_ALL_SEEKS,
                    0x0B => m == MASK_ALLOW_ALL_SEEKS || m == MASK_SEEK_CYL_HEAD,
                    _ => m != MASK_INHIBIT_SEEK_MT,
                };
                if !allowed {
                    return Err(Check::s1(S1_FILE_PROTECTED));
                }
                let a = xfer.fetch_up_to(6);
                if a.len() < 6 {
                    return Err(Check::reject(MSG_BAD_COUNT));
                }
                let bin = u16::from_be_bytes([a[0], a[1]]);
                let mut cyl = u16::from_be_bytes([a[2], a[3]]);
                let head = u16::from_be_bytes([a[4], a[5]]);
                if cmd == 0x1B {
                    cyl = self.cyl;
                }
                if bin != 0 || cyl >= self.cyls || head >= self.model.heads() {
                    return Err(Check::reject(MSG_BAD_ARGUMENT));
                }
                self.seek(cyl, head)?;
                Ok((None, ok))
            }
            0x13 => {
                if self.fmask & MASK_SEEK != MASK_ALLOW_ALL_SEEKS {
                    return Err(Check::s1(S1_FILE_PROTECTED));
                }
                self.seek(0, 0)?;
                Ok((None, ok))
            }
            0x1F => {
                if self.set_mask {
                    return Err(Check::reject(MSG_INVALID_SEQUENCE));
                }
                let m = xfer.fetch_up_to(1);
                let m = m.first().copied().unwrap_or(0);
                if m & MASK_RESERVED != 0 {
                    return Err(Check::reject(MSG_BAD_ARGUMENT));
                }
                self.fmask = m;
                self.set_mask = true;
                Ok((None, ok))
            }
            0x22 => Ok((Some(vec![0]), ok)),
            0x23 => {
                xfer.fetch_up_to(1);
                Ok((None, ok))
            }
            0x06 | 0x86 => {
                let d = self.read_data(cmd)?;
                let st = ux(d.len());
                Ok((Some(d), st))
            }
            0x0E | 0x8E => {
                if self.orient != Orient::Count {
                    self.read_count(cmd)?;
                }
                let mut b = self.read_key(cmd)?;
                let d = self.read_data(cmd)?;
                let st = ux(d.len());
                b.extend_from_slice(&d);
                Ok((Some(b), st))
            }
            0x12 | 0x92 => {
                self.read_count(cmd)?;
                let mut c = self.current()?.count;
                c[0] &= 0x7F;
                Ok((Some(c.to_vec()), ok))
            }
            0x16 | 0x96 | 0x1E | 0x9E => {
                if cmd & 0x7F == 0x16 {
                    if cmd & 0x80 != 0 {
                        self.mt_advance()?;
                    }
                    self.seek(self.cyl, self.head)?;
                }
                self.read_count(cmd)?;
                let mut b = self.current()?.count.to_vec();
                b[0] &= 0x7F;
                b.extend_from_slice(&self.read_key(cmd)?);
                let d = self.read_data(cmd)?;
                let st = ux(d.len());
                b.extend_from_slice(&d);
                Ok((Some(b), st))
            }
            0x1A | 0x9A => {
                if cmd & 0x80 != 0 {
                    self.mt_advance()?;
                }
                self.seek(self.cyl, self.head)?;
                let ha = self.track.as_ref().map(|t| t.ha).unwrap_or_default();
                self.ha_equal = true;
                Ok((Some(ha.to_vec()), ok))
            }
            0x31 | 0xB1 | 0x51 | 0xD1 | 0x71 | 0xF1 => {
                self.read_count(cmd)?;
                let arg = xfer.fetch_up_to(5);
                let mut id = self.current()?.count;
                id[0] &= 0x7F;
                let ord = id[..arg.len()].cmp(&arg[..]);
                let hit = search_hit(cmd, ord);
                self.id_equal = ord.is_eq() && arg.len() == 5 && cmd & 0x7F == 0x31;
                Ok((
                    None,
                    if hit {
                        ok | UnitStatus::STATUS_MODIFIER
                    } else {
                        ok
                    },
                ))
            }
            0x29 | 0xA9 | 0x49 | 0xC9 | 0x69 | 0xE9 => {
                let key = self.read_key(cmd)?;
                let arg = xfer.fetch_up_to(key.len());
                if key.is_empty() {
                    return Ok((None, ok));
                }
                let ord = key[..arg.len()].cmp(&arg[..]);
                let hit = search_hit(cmd, ord);
                self.key_equal = ord.is_eq() && arg.len() == key.len() && cmd & 0x7F == 0x29;
                Ok((
                    None,
                    if hit {
                        ok | UnitStatus::STATUS_MODIFIER
                    } else {
                        ok
                    },
                ))
            }
            0x39 | 0xB9 => {
                if cmd & 0x80 != 0 {
                    self.mt_advance()?;
                }
                self.seek(self.cyl, self.head)?;
                let arg = xfer.fetch_up_to(4);
                let ha = self.track.as_ref().map(|t| t.ha).unwrap_or_default();
                let eq = ha[1..1 + arg.len()] == arg[..];
                self.ha_equal = eq && arg.len() == 4;
                Ok((
                    None,
                    if eq {
                        ok | UnitStatus::STATUS_MODIFIER
                    } else {
                        ok
                    },
                ))
            }
            0x05 | 0x0D => {
                let allowed = if cmd == 0x05 {
                    self.id_equal || self.key_equal
                } else {
                    self.id_equal
                };
                if !allowed {
                    return Err(Check::reject(MSG_INVALID_SEQUENCE));
                }
                if self.fmask & MASK_WRITE == MASK_INHIBIT_ALL_WRITES {
                    return Err(Check::reject(MSG_INVALID_SEQUENCE));
                }
                let oriented = match cmd {
                    0x05 => matches!(self.orient, Orient::Count | Orient::Key),
                    _ => self.orient == Orient::Count,
                };
                let rec = self.current()?.clone();
                if rec.data.is_empty() {
                    return Ok((None, ok | UnitStatus::UNIT_EXCEPTION));
                }
                if !oriented {
                    return Err(Check::reject(MSG_INVALID_SEQUENCE));
                }
                let (kl, dl) = (rec.key.len(), rec.data.len());
                let want = if cmd == 0x05 { dl } else { kl + dl };
                let mut b = xfer.fetch_up_to(want);
                b.resize(want, 0);
                let cur = self.cur;
                if let Some(r) = self.track.as_mut().and_then(|t| t.records.get_mut(cur)) {
                    if cmd == 0x05 {
                        r.data = b;
                    } else {
                        r.data = b.split_off(kl);
                        r.key = b;
                    }
                }
                self.orient = Orient::Data;
                self.flush()?;
                Ok((None, ok))
            }
            0x1D | 0x11 => {
                if !(self.id_equal || self.key_equal || self.wrote_ckd) {
                    return Err(Check::reject(MSG_INVALID_SEQUENCE));
                }
                self.check_write_mask(&[MASK_ALLOW_ALL_WRITES, MASK_INHIBIT_WRITE_R0])?;
                let rec = Self::fetch_record(xfer);
                let at = self.write_position();
                self.format_write(at, rec, cmd == 0x11)?;
                if cmd == 0x1D {
                    self.wrote_ckd = true;
                }
                Ok((None, ok))
            }
            0x15 => {
                if !self.ha_equal {
                    return Err(Check::reject(MSG_INVALID_SEQUENCE));
                }
                self.check_write_mask(&[MASK_ALLOW_ALL_WRITES])?;
                let rec = Self::fetch_record(xfer);
                self.format_write(0, rec, false)?;
                self.wrote_ckd = true;
                Ok((None, ok))
            }
            _ => Err(Check::reject(MSG_INVALID_COMMAND)),
        }
    }

    fn build_sense(&mut self, c: Check) {
        self.sense = [0; 24];
        self.sense[0] = c.s0;
        self.sense[1] = c.s1;
        let unit = (self.addr & 7) as u8;
        self.sense[4] = match self.model {
            // bits 2-7: drive A = 111000, B = 110001, ... H = 000111
            Model::D3330 => unit | ((!unit & 7) << 3),
            // drive 0 = X'80' ... drive 7 = X'01'
            Model::D3350 => 0x80 >> unit,
        };
        self.sense[5] = self.cyl as u8;
        let shift = if self.model == Model::D3330 { 6 } else { 5 };
        self.sense[6] = (((self.cyl >> 8) as u8) << shift) | (self.head as u8 & 0x1F);
        self.sense[7] = c.msg;
    }
}

/// Search ID/key outcome: equal (bit X'20') and high (bit X'40') of the command.
fn search_hit(cmd: u8, ord: std::cmp::Ordering) -> bool {
    (cmd & 0x20 != 0 && ord.is_eq()) || (cmd & 0x40 != 0 && ord.is_gt())
}

/// Read-type command (`xxxxxx10`).
fn is_read(cmd: u8) -> bool {
    cmd & 0x03 == 0x02
}

/// Check a device header; return the number of cylinders.
fn check_header(hdr: &[u8; HEADER], len: u64, model: Model) -> Result<u16, String> {
    match &hdr[..8] {
        b"CKD_P370" => {}
        b"CKD_C370" => {
            return Err(
                "a compressed (CCKD) volume; cpcms reads uncompressed CKD volumes: convert it \
                 with `cckd2ckd -i FILE -o NEW`"
                    .into(),
            );
        }
        b"CKD_S370" => return Err("a Hercules shadow file, not a volume".into()),
        _ => {
            return Err(format!(
                "not a CKD volume (no CKD_P370 device header); make one with `dasdinit FILE {} VOLSER`",
                model.name()
            ));
        }
    }
    let heads = u32::from_le_bytes(hdr[8..12].try_into().expect("4"));
    let ts = u32::from_le_bytes(hdr[12..16].try_into().expect("4"));
    let code = hdr[16];
    if code != model.code() {
        return Err(match Model::by_code(code) {
            Some(n) => format!("a {n} volume, not a {}", model.name()),
            None => format!(
                "device type X'{code:02X}' in the header, not a {}",
                model.name()
            ),
        });
    }
    if heads != model.heads() as u32 || ts as usize != model.track_size() {
        return Err(format!(
            "header says {heads} heads of {ts} bytes; a {} has {} heads of {} bytes",
            model.name(),
            model.heads(),
            model.track_size()
        ));
    }
    if hdr[17] != 0 {
        return Err(format!(
            "file {} of a multi-file volume; cpcms needs the volume in one file",
            hdr[17]
        ));
    }
    let cyl_bytes = model.heads() as u64 * model.track_size() as u64;
    let body = len - HEADER as u64;
    if !body.is_multiple_of(cyl_bytes) {
        return Err(format!(
            "truncated: {body} bytes after the header is not a whole number of cylinders \
             ({} cylinders and {} bytes; a cylinder is {cyl_bytes} bytes)",
            body / cyl_bytes,
            body % cyl_bytes
        ));
    }
    let cyls = body / cyl_bytes;
    if cyls == 0 {
        return Err("no cylinders after the device header".into());
    }
    if cyls > 0xFFFF {
        return Err(format!(
            "{cyls} cylinders is more than a {} can address",
            model.name()
        ));
    }
    Ok(cyls as u16)
}

impl Device for Dasd {
    fn volume(&self) -> Option<&[u8]> {
        self.image()
    }

    fn kind(&self) -> &'static str {
        self.model.name()
    }

    fn start(&mut self, cmd: u8, xfer: &mut Transfer, now: u64) -> Start {
        if !xfer.chained() {
            self.fmask = 0;
            self.set_mask = false;
            self.xmark = false;
            self.id_equal = false;
            self.key_equal = false;
            self.ha_equal = false;
            self.wrote_ckd = false;
        }
        if cmd == 0x04 {
            self.phase = Phase::Sense;
            return Start::At(now + us(SENSE_US));
        }
        self.sense = [0; 24];
        // Index-point passes are counted from the last read of a home address or data
        // area, write, sense or control command (single-track Read Count and the searches
        // keep counting), as on Hercules.
        let base = cmd & 0x7F;
        let keeps =
            matches!(base, 0x31 | 0x51 | 0x71 | 0x29 | 0x49 | 0x69) || cmd == 0x12 || base == 0x22;
        if !keeps {
            self.xmark = false;
        }
        // No-ops end at once (no data: no incorrect length).
        if matches!(cmd, 0x03 | 0x17) {
            return Start::Immediate(UnitStatus::CE_DE);
        }
        let before = (self.cyl, self.head);
        let result = self.execute(cmd, xfer);
        let mut t = now + us(OP_US);
        if self.cyl != before.0 {
            t += us(SEEK_US + SEEK_PER_CYL_US * self.cyl.abs_diff(before.0) as u64);
        }
        match result {
            Ok((data, status)) => {
                t += xfer_time(data.as_ref().map_or(0, Vec::len));
                self.phase = match data {
                    Some(d) => Phase::Store(d, status),
                    None => Phase::End(status),
                };
                Start::At(t)
            }
            Err(c) => {
                self.build_sense(c);
                let status = UnitStatus::CE_DE | UnitStatus::UNIT_CHECK;
                if c.s0 & S0_COMMAND_REJECT != 0 {
                    Start::Immediate(status)
                } else {
                    self.phase = Phase::End(status);
                    Start::At(t)
                }
            }
        }
    }

    fn service(&mut self, xfer: &mut Transfer, _now: u64) -> Service {
        match std::mem::replace(&mut self.phase, Phase::Idle) {
            Phase::Store(d, s) => {
                xfer.store(&d);
                Service::Done(s)
            }
            Phase::End(s) => Service::Done(s),
            Phase::Sense => {
                let s = self.sense;
                xfer.store(&s);
                self.sense = [0; 24];
                Service::Done(UnitStatus::CE_DE)
            }
            Phase::Idle => Service::Done(UnitStatus::CE_DE),
        }
    }

    fn halt(&mut self, _now: u64) -> UnitStatus {
        self.phase = Phase::Idle;
        UnitStatus::CE_DE
    }
}

#[cfg(test)]
#[path = "dasd_tests.rs"]
mod tests;
