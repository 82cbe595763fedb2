//! Real disks beyond the system residence volume.
//!
//! An installation had more than one disk: the system residence volume (here CPCMS1 at
//! 150, CP's) and volumes for the users' minidisks, mounted on other drives. VM/370 knew
//! a volume by its label — the volume serial in the VOL1 record, cylinder 0 head 0
//! record 3 — not by the drive it was on: a directory says `MDISK 191 3350 1 2 USER01
//! MR`, and CP found USER01 on whichever drive held it. `DEDICATE 19D 151` gave a user
//! a whole drive instead, whatever was on it, label or none.
//!
//! A volume here is a Hercules 3350 image file on a drive at a device address: from a
//! scenario's `machine: (devices: [(addr: "151", type: "3350", file: "user1.3350",
//! volser: "USER01")])` or `--device 151=3350:FILE`. Sysgen reads its label when the
//! system is configured ([`Volume::probe`]); a scenario's missing file is made when the
//! system starts ([`Volume::create`]), as `dasdinit` makes one: every track formatted
//! (home address and R0), and with a volume serial, IPL1, IPL2 and the VOL1 label on
//! track 0. Only 3350s: CP's channel-program translation knows one geometry, the
//! system residence volume's.
//!
//! CP learns of every real disk from SYSCONF (`DASDCONF`: address and volume serial) and
//! builds an RDISK for each (roms/cp/init.asm); the directory's entries name their real
//! disk by address (SYSDIR).

use std::path::{Path, PathBuf};

use crate::devices::dasd::{
    Dasd, HEADER, Model, empty_track, header, label_records, parse_track, track_image,
};

/// The only model a configured volume may be (the system residence volume's).
pub const VOLUME_MODEL: Model = Model::D3350;
/// Most volumes configured beside the system residence volume (CP's DASDCONF lives in
/// its first page, with the terminals).
pub const MAX_VOLUMES: usize = 16;

/// A real disk configured beside the system residence volume.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Volume {
    /// Its device address (the drive).
    pub addr: u16,
    /// The Hercules CKD image.
    pub file: PathBuf,
    /// The volume serial in its VOL1 label; `None`: no label (only DEDICATE can use it).
    pub volser: Option<String>,
    /// Cylinders on it.
    pub cyls: u16,
    /// The file does not exist yet: it is made when the system starts.
    pub create: bool,
    /// Where it was configured (`file:line:col`, `--device 151`), for messages.
    pub at: String,
}

/// A valid volume serial: 1 to 6 of `A-Z 0-9 $ # @`, upper-cased; `Err` finishes
/// "volser ...".
pub fn check_volser(s: &str) -> Result<String, String> {
    let v = s.to_ascii_uppercase();
    if (1..=6).contains(&v.len())
        && v.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b"$#@".contains(&b))
    {
        Ok(v)
    } else {
        Err(format!("\"{s}\" must be 1 to 6 of A-Z, 0-9, $, # and @"))
    }
}

/// Why a real disk cannot be at `addr`, if it cannot: the system residence volume's
/// drive, or channel 0 (the consoles' and terminals': CP waits for a disk with only its
/// channel open, and would take their interruptions for nothing).
pub fn check_addr(addr: u16) -> Result<(), String> {
    if addr == super::SYSRES {
        return Err(format!(
            "{addr:03X} is the system residence volume's drive; give the disk another address"
        ));
    }
    if addr >> 8 == 0 {
        return Err(format!(
            "{addr:03X} is on channel 0, the consoles' and terminals'; put disks on \
             channels 1-F (e.g. 151)"
        ));
    }
    Ok(())
}

/// The volume serial in the VOL1 label of a volume image's track 0 (`track` is its
/// bytes): record 3 whose data starts with EBCDIC `VOL1`, as `dasdinit` writes it and
/// VM/370 read it. Trailing blanks dropped; `None` without such a record.
pub fn label_of(track: &[u8]) -> Option<String> {
    let t = parse_track(track, 0, 0).ok()?;
    let r3 = t.records.iter().find(|r| r.count[4] == 3)?;
    let vol1 = crate::ebcdic::encode("VOL1");
    if r3.data.len() < 10 || r3.data[..4] != vol1[..] {
        return None;
    }
    let v = crate::ebcdic::decode(&r3.data[4..10])
        .trim_end()
        .to_string();
    (!v.is_empty()).then_some(v)
}

impl Volume {
    /// Look at the volume in `file` for a drive at `addr`: its label and size. When the
    /// file is missing and `make` allows it, the volume it will be made with (`volser`,
    /// `cyls` or a full 3350's 555). `volser` on an existing file must be its label's;
    /// `cyls`, its size. `Err` says what is wrong, starting with the file's name.
    pub fn probe(
        addr: u16,
        file: &Path,
        volser: Option<&str>,
        cyls: Option<u16>,
        make: bool,
        at: &str,
    ) -> Result<Volume, String> {
        check_addr(addr)?;
        let name = file.display().to_string();
        let volser = volser
            .map(check_volser)
            .transpose()
            .map_err(|e| format!("volser {e}"))?;
        if let Some(c) = cyls
            && !(1..=VOLUME_MODEL.cylinders()).contains(&c)
        {
            return Err(format!(
                "cylinders {c}: a {} has 1 to {}",
                VOLUME_MODEL.name(),
                VOLUME_MODEL.cylinders()
            ));
        }
        if !file.exists() {
            if !make {
                return Err(format!(
                    "{name}: no such volume (make one with Hercules' dasdinit: `dasdinit \
                     {name} 3350 VOLSER`, or give it in a scenario's machine.devices, \
                     which makes a missing one)"
                ));
            }
            return Ok(Volume {
                addr,
                file: file.to_path_buf(),
                volser,
                cyls: cyls.unwrap_or(VOLUME_MODEL.cylinders()),
                create: true,
                at: at.to_string(),
            });
        }
        let d = Dasd::open(file, VOLUME_MODEL).map_err(|e| {
            if e.contains(" volume, not a ") {
                format!("{e} (CP's real disks are 3350s, as the system residence volume)")
            } else {
                e
            }
        })?;
        let have = d.cylinders();
        drop(d);
        if let Some(c) = cyls
            && c != have
        {
            return Err(format!("{name} has {have} cylinders, not {c}"));
        }
        let label = read_track0(file).map(|t| label_of(&t))?;
        if let Some(v) = &volser
            && label.as_deref() != Some(v.as_str())
        {
            return Err(match &label {
                Some(l) => format!("{name}: its VOL1 label says {l}, not {v}"),
                None => format!("{name} has no VOL1 label (it is not {v})"),
            });
        }
        Ok(Volume {
            addr,
            file: file.to_path_buf(),
            volser: label,
            cyls: have,
            create: false,
            at: at.to_string(),
        })
    }

    /// Make the volume's file, as `dasdinit` would: the device header, every track with
    /// its home address and R0, and on track 0 the label records when there is a volume
    /// serial. Only the formatted start of each track is written (the rest of a track
    /// image is zeros), so a full 3350's 324 MB costs little disk where files may have
    /// holes. A file that appeared meanwhile is left alone.
    pub fn create(&self) -> Result<(), String> {
        use std::io::Write;
        use std::os::unix::fs::FileExt;
        let name = self.file.display().to_string();
        let model = VOLUME_MODEL;
        let ts = model.track_size();
        let tracks = self.cyls as usize * model.heads() as usize;
        let mut f = match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&self.file)
        {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Ok(()),
            Err(e) => return Err(format!("{name}: cannot make the volume: {e}")),
        };
        let fail = |e: std::io::Error| format!("{name}: cannot make the volume: {e}");
        f.write_all(&header(model)).map_err(fail)?;
        f.set_len((HEADER + tracks * ts) as u64).map_err(fail)?;
        for t in 0..tracks {
            let (c, h) = (
                (t / model.heads() as usize) as u16,
                (t % model.heads() as usize) as u16,
            );
            let mut track = empty_track(c, h);
            if t == 0
                && let Some(v) = &self.volser
            {
                track.records.extend(label_records(v));
            }
            let img = track_image(&track, ts);
            let used = img.len() - img.iter().rev().take_while(|&&b| b == 0).count();
            f.write_all_at(&img[..used], (HEADER + t * ts) as u64)
                .map_err(fail)?;
        }
        Ok(())
    }

    /// The drive for this volume (the file must exist: see [`Volume::create`]).
    pub fn open(&self) -> Result<Dasd, String> {
        Ok(Dasd::open(&self.file, VOLUME_MODEL)?.at(self.addr))
    }
}

/// The rules for a system's set of volumes (each one's own are [`Volume::probe`]'s): at
/// most `MAX_VOLUMES`, each at an address of its own where a disk may be, each label
/// on one volume only and not the system residence volume's (CP finds volumes by label).
/// `Err` names where the offending one was configured.
pub fn check_all(volumes: &[Volume]) -> Result<(), String> {
    if volumes.len() > MAX_VOLUMES {
        return Err(format!(
            "{}: at most {MAX_VOLUMES} disks beside the system residence volume",
            volumes[MAX_VOLUMES].at
        ));
    }
    for (i, v) in volumes.iter().enumerate() {
        check_addr(v.addr).map_err(|e| format!("{}: {e}", v.at))?;
        if let Some(o) = volumes[..i].iter().find(|o| o.addr == v.addr) {
            return Err(format!(
                "{}: there is a disk at {:03X} already ({})",
                v.at, v.addr, o.at
            ));
        }
        let Some(l) = &v.volser else { continue };
        if l == super::SYSRES_VOLSER {
            return Err(format!(
                "{}: volume {l} is the system residence volume's label; give this one \
                 another",
                v.at
            ));
        }
        if let Some(o) = volumes[..i]
            .iter()
            .find(|o| o.volser.as_deref() == Some(l.as_str()))
        {
            return Err(format!(
                "{}: volume {l} is mounted at {:03X} already ({}): CP finds volumes by \
                 label, so labels must differ",
                v.at, o.addr, o.at
            ));
        }
    }
    Ok(())
}

/// The real disks as assembler source, for SYSCONF: `NUMDASD`, and `DASDCONF`, 8 bytes
/// a disk (device address, volume serial or blanks), the system residence volume
/// first. CP builds an RDISK from each (roms/cp/init.asm, RDKINIT).
pub fn dasdconf(volumes: &[Volume]) -> String {
    let mut s = String::new();
    s.push_str("*  The real disks: device address, volume serial (blanks: no VOL1).\n");
    s.push_str(&format!(
        "NUMDASD  EQU   {}                   real disks\n",
        volumes.len() + 1
    ));
    s.push_str(&format!(
        "DASDCONF DC    X'{:04X}',CL6'{}'    the system residence volume\n",
        super::SYSRES,
        super::SYSRES_VOLSER
    ));
    for v in volumes {
        let label = v.volser.as_deref().unwrap_or("");
        // A label read from a file may hold anything: quote only plain ones.
        let plain = label
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "$#@-./ ".contains(c));
        let serial = if plain {
            format!("CL6'{label:<6}'")
        } else {
            let mut b = crate::ebcdic::encode(label);
            b.resize(6, 0x40);
            format!(
                "X'{}'",
                b.iter().map(|x| format!("{x:02X}")).collect::<String>()
            )
        };
        let file: String = v
            .file
            .display()
            .to_string()
            .chars()
            .map(|c| if c.is_control() { '?' } else { c })
            .collect();
        s.push_str(&format!(
            "         DC    X'{:04X}',{serial}    {file}\n",
            v.addr
        ));
    }
    s
}

/// The bytes of track 0 (cylinder 0 head 0) of a volume file.
fn read_track0(file: &Path) -> Result<Vec<u8>, String> {
    use std::os::unix::fs::FileExt;
    let name = file.display().to_string();
    let f = std::fs::File::open(file).map_err(|e| format!("{name}: cannot open: {e}"))?;
    let mut buf = vec![0u8; VOLUME_MODEL.track_size()];
    f.read_exact_at(&mut buf, HEADER as u64)
        .map_err(|e| format!("{name}: {e}"))?;
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devices::dasd::new_volume;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("cpcms-volumes-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join(name);
        let _ = std::fs::remove_file(&p);
        p
    }

    #[test]
    fn a_made_volume_is_what_dasdinit_makes_and_its_label_is_read_back() {
        let p = temp("made.3350");
        let v = Volume::probe(0x151, &p, Some("user01"), Some(3), true, "t").unwrap();
        assert!(v.create);
        assert_eq!((v.volser.as_deref(), v.cyls), (Some("USER01"), 3));
        v.create().unwrap();
        let bytes = std::fs::read(&p).unwrap();
        assert_eq!(bytes, new_volume(VOLUME_MODEL, 3, Some("USER01")));
        let again = Volume::probe(0x151, &p, Some("USER01"), None, true, "t").unwrap();
        assert!(!again.create);
        assert_eq!((again.volser.as_deref(), again.cyls), (Some("USER01"), 3));
        // Without a volser it is raw: no label.
        let raw = temp("raw.3350");
        let v = Volume::probe(0x152, &raw, None, Some(2), true, "t").unwrap();
        v.create().unwrap();
        assert_eq!(
            std::fs::read(&raw).unwrap(),
            new_volume(VOLUME_MODEL, 2, None)
        );
        assert_eq!(
            Volume::probe(0x152, &raw, None, None, false, "t")
                .unwrap()
                .volser,
            None
        );
    }

    #[test]
    fn wrong_volumes_are_refused() {
        let p = temp("wrong.3350");
        std::fs::write(&p, new_volume(VOLUME_MODEL, 2, Some("OTHER1"))).unwrap();
        let e = Volume::probe(0x151, &p, Some("USER01"), None, true, "t").unwrap_err();
        assert!(e.ends_with("its VOL1 label says OTHER1, not USER01"), "{e}");
        let e = Volume::probe(0x151, &p, None, Some(5), true, "t").unwrap_err();
        assert!(e.ends_with("has 2 cylinders, not 5"), "{e}");
        let e = Volume::probe(0x150, &p, None, None, true, "t").unwrap_err();
        assert!(e.contains("system residence"), "{e}");
        let e = Volume::probe(0x0E0, &p, None, None, true, "t").unwrap_err();
        assert!(e.contains("channel 0"), "{e}");
        let e = Volume::probe(0x151, &p, Some("TOOLONG1"), None, true, "t").unwrap_err();
        assert!(e.starts_with("volser \"TOOLONG1\""), "{e}");
        let e = Volume::probe(0x151, &temp("none"), None, None, false, "t").unwrap_err();
        assert!(e.contains("no such volume"), "{e}");
        let q = temp("small.3330");
        std::fs::write(&q, new_volume(Model::D3330, 1, None)).unwrap();
        let e = Volume::probe(0x151, &q, None, None, true, "t").unwrap_err();
        assert!(
            e.contains("a 3330 volume, not a 3350 (CP's real disks are 3350s"),
            "{e}"
        );
        std::fs::write(&q, b"junk").unwrap();
        assert!(Volume::probe(0x151, &q, None, None, true, "t").is_err());
    }
}
