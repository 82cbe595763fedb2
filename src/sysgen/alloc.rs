//! Who owns which cylinders of the system residence volume.
//!
//! Each user's 191 minidisk is an extent of cylinders after cylinder 0, and so is MAINT's
//! 190, the S disk every user links (MAINT is in the directory even when the scenario's
//! `users:` list does not name it: see [`super::directory_users`]). Which extent must
//! follow the *user*, never the user's position in a list: with `--data` the volume is
//! kept between runs, and if the extents were handed out by position, reordering the
//! users (or removing one) would give CAROL the cylinders that hold ALICE's files.
//!
//! So sysgen keeps an allocation record on the volume itself, the way VM/370 kept its
//! allocation records on cylinder 0 of CP's volumes: record 1 of cylinder 0, head 1 (the
//! track an OS VTOC would use; cpcms leaves it otherwise empty), key `CPALLOC`, one
//! 16-byte entry per extent:
//!
//! ```text
//!  +-------------------+----------+----------+----------+----------+
//!  | userid, EBCDIC,   | first    | number of| virtual  | reserved |
//!  | blank padded (8)  | cyl (2)  | cyls (2) | addr (2) | zeros (2)|
//!  +-------------------+----------+----------+----------+----------+
//! ```
//!
//! (Records written before the virtual address was kept have zeros there: a 191.)
//!
//! A user who is in the record keeps the extent (user and address); a new one gets
//! cylinders after every extent in it; a user who is no longer configured keeps the extent reserved (the files
//! are still there, and nobody else may be given them). A fresh volume lays the users out
//! in order (`mdisk_cylinder`). A volume made before the record existed is taken to be laid
//! out that way for the users configured now. The installation issue's directory (MDISK
//! statements) will name extents explicitly; this record is what keeps them until then.

use super::{MDISK_CYLS, SDISK_CYLS, SDISK_OWNER, SDISK_VADDR, SYSRES_MODEL, USER_VADDR, User};
use crate::devices::dasd::{HEADER, Record, parse_track};
use crate::ebcdic;

/// The key of the allocation record.
pub const ALLOC_KEY: &str = "CPALLOC ";
/// The track the record is on: cylinder 0, head 1.
pub const ALLOC_HEAD: u16 = 1;
/// Bytes per entry.
const ENTRY: usize = 16;

/// One user's minidisk: `cyls` cylinders from `start`, the user's disk `vaddr`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extent {
    pub user: String,
    pub vaddr: u16,
    pub start: u16,
    pub cyls: u16,
}

impl Extent {
    /// The first cylinder after it.
    pub fn end(&self) -> u16 {
        self.start + self.cyls
    }
}

/// The minidisks the short form (`users: [...]`) gives, in the order a fresh volume lays
/// them out: each user's 191, then MAINT's 190 (user, address, cylinders).
pub fn wanted(users: &[User]) -> Vec<(String, u16, u16)> {
    let mut v: Vec<(String, u16, u16)> = users
        .iter()
        .map(|u| (u.id.clone(), USER_VADDR, MDISK_CYLS))
        .collect();
    v.push((SDISK_OWNER.to_string(), SDISK_VADDR, SDISK_CYLS));
    v
}

/// The extents for `users` (see [`wanted`]), given what the volume's record says (`old`,
/// empty for a fresh volume): every old extent stays, in its place; each disk without one
/// gets cylinders after the last. `Err` when the volume has no room.
pub fn allocate(users: &[User], old: &[Extent]) -> Result<Vec<Extent>, String> {
    let mut map = old.to_vec();
    let mut next = map.iter().map(Extent::end).max().unwrap_or(1).max(1);
    for (user, vaddr, cyls) in wanted(users) {
        if extent_of(&map, &user, vaddr).is_some() {
            continue;
        }
        let end = next as u32 + cyls as u32;
        if end > SYSRES_MODEL.cylinders() as u32 {
            return Err(format!(
                "the system residence volume is full: no {cyls} cylinders left for {user}'s \
                 {vaddr:03X} (a {} has {} cylinders)",
                SYSRES_MODEL.name(),
                SYSRES_MODEL.cylinders()
            ));
        }
        map.push(Extent {
            user,
            vaddr,
            start: next,
            cyls,
        });
        next = end as u16;
    }
    Ok(map)
}

/// The extent of user `id`'s disk `vaddr` in `map`.
pub fn extent_of<'a>(map: &'a [Extent], id: &str, vaddr: u16) -> Option<&'a Extent> {
    map.iter().find(|e| e.user == id && e.vaddr == vaddr)
}

/// The allocation record for `map`, as it goes on cylinder 0, head 1.
pub fn alloc_record(map: &[Extent]) -> Record {
    let mut data = Vec::with_capacity(map.len() * ENTRY);
    for e in map {
        data.extend_from_slice(&ebcdic::encode(&format!("{:<8}", e.user)));
        data.extend_from_slice(&e.start.to_be_bytes());
        data.extend_from_slice(&e.cyls.to_be_bytes());
        data.extend_from_slice(&e.vaddr.to_be_bytes());
        data.extend_from_slice(&[0; 2]);
    }
    Record::new(0, ALLOC_HEAD, 1, &ebcdic::encode(ALLOC_KEY), &data)
}

/// What the allocation record on `volume` (a whole volume image) says: `Ok(None)` when
/// there is none (a fresh or older volume), `Err` when it is there but damaged. `name`
/// is the file, for messages.
pub fn read_alloc(volume: &[u8], name: &str) -> Result<Option<Vec<Extent>>, String> {
    let ts = SYSRES_MODEL.track_size();
    let at = HEADER + ALLOC_HEAD as usize * ts;
    let Some(buf) = volume.get(at..at + ts) else {
        return Ok(None);
    };
    let Ok(track) = parse_track(buf, 0, ALLOC_HEAD) else {
        return Ok(None);
    };
    let key = ebcdic::encode(ALLOC_KEY);
    let Some(rec) = track.records.iter().find(|r| r.key == key) else {
        return Ok(None);
    };
    if rec.data.len() % ENTRY != 0 {
        return Err(format!(
            "{name}: the allocation record (cylinder 0, head 1) is {} bytes, not a multiple \
             of {ENTRY}",
            rec.data.len()
        ));
    }
    let mut map: Vec<Extent> = Vec::new();
    for (i, e) in rec.data.chunks(ENTRY).enumerate() {
        let user = ebcdic::decode(&e[..8]).trim_end().to_string();
        let start = u16::from_be_bytes([e[8], e[9]]);
        let cyls = u16::from_be_bytes([e[10], e[11]]);
        let vaddr = match u16::from_be_bytes([e[12], e[13]]) {
            0 => USER_VADDR,
            v => v,
        };
        let bad = |what: &str| Err(format!("{name}: allocation record entry {}: {what}", i + 1));
        if user.is_empty() || user.len() > 8 {
            return bad("no userid");
        }
        if start == 0 || cyls == 0 || start as u32 + cyls as u32 > SYSRES_MODEL.cylinders() as u32 {
            return bad(&format!(
                "{user}: cylinders {start} to {} are not on the volume",
                start as u32 + cyls as u32
            ));
        }
        if let Some(o) = map
            .iter()
            .find(|o| start < o.end() && o.start < start + cyls)
        {
            return bad(&format!("{user} overlaps {}'s extent", o.user));
        }
        map.push(Extent {
            user,
            vaddr,
            start,
            cyls,
        });
    }
    Ok(Some(map))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sysgen::mdisk_cylinder;

    fn users(ids: &[&str]) -> Vec<User> {
        ids.iter()
            .map(|id| User {
                id: id.to_string(),
                password: id.to_string(),
                storage: 256 * 1024,
                classes: "G".into(),
                spool: crate::sysgen::DEFAULT_SPOOL,
            })
            .collect()
    }

    #[test]
    fn a_fresh_volume_lays_users_out_in_order() {
        let m = allocate(&users(&["ALICE", "BOB"]), &[]).unwrap();
        assert_eq!(
            extent_of(&m, "ALICE", 0x191).unwrap().start,
            mdisk_cylinder(0)
        );
        assert_eq!(
            extent_of(&m, "BOB", 0x191).unwrap().start,
            mdisk_cylinder(1)
        );
        // MAINT's 190, the S disk, after them.
        let s = extent_of(&m, "MAINT", 0x190).unwrap();
        assert_eq!((s.start, s.cyls), (mdisk_cylinder(2), SDISK_CYLS));
        assert_eq!(m.len(), 3);
    }

    #[test]
    fn extents_follow_the_user_not_the_position() {
        let first = allocate(&users(&["ALICE", "BOB"]), &[]).unwrap();
        // Reordered, one new, one gone.
        let again = allocate(&users(&["CAROL", "BOB"]), &first).unwrap();
        assert_eq!(
            extent_of(&again, "BOB", 0x191),
            extent_of(&first, "BOB", 0x191)
        );
        assert_eq!(
            extent_of(&again, "ALICE", 0x191),
            extent_of(&first, "ALICE", 0x191),
            "a user no longer configured keeps the extent reserved"
        );
        let carol = extent_of(&again, "CAROL", 0x191).unwrap();
        assert!(first.iter().all(|e| carol.start >= e.end()), "{again:?}");
    }

    #[test]
    fn the_record_round_trips_and_damage_is_refused() {
        let m = allocate(&users(&["ALICE", "BOB", "CAROL"]), &[]).unwrap();
        let ts = SYSRES_MODEL.track_size();
        let mut vol = crate::devices::dasd::new_volume(SYSRES_MODEL, 8, None);
        let mut t = crate::devices::dasd::empty_track(0, ALLOC_HEAD);
        t.records.push(alloc_record(&m));
        let at = HEADER + ALLOC_HEAD as usize * ts;
        vol[at..at + ts].copy_from_slice(&crate::devices::dasd::track_image(&t, ts));
        assert_eq!(read_alloc(&vol, "v").unwrap(), Some(m.clone()));
        // Two users on the same cylinders.
        let mut bad = m.clone();
        bad[1].start = bad[0].start;
        let mut t = crate::devices::dasd::empty_track(0, ALLOC_HEAD);
        t.records.push(alloc_record(&bad));
        vol[at..at + ts].copy_from_slice(&crate::devices::dasd::track_image(&t, ts));
        let e = read_alloc(&vol, "v").unwrap_err();
        assert!(e.contains("BOB overlaps ALICE"), "{e}");
        // A fresh volume has none.
        let fresh = crate::devices::dasd::new_volume(SYSRES_MODEL, 2, None);
        assert_eq!(read_alloc(&fresh, "v").unwrap(), None);
        // A record from before addresses were kept: zeros there are a 191.
        let mut old = alloc_record(&m[..1]);
        old.data[12..14].fill(0);
        let mut t = crate::devices::dasd::empty_track(0, ALLOC_HEAD);
        t.records.push(old);
        vol[at..at + ts].copy_from_slice(&crate::devices::dasd::track_image(&t, ts));
        let got = read_alloc(&vol, "v").unwrap().unwrap();
        assert_eq!(got[0].vaddr, 0x191);
    }

    #[test]
    fn a_full_volume_is_an_error() {
        let old = vec![Extent {
            user: "BIG".into(),
            vaddr: 0x191,
            start: 1,
            cyls: SYSRES_MODEL.cylinders() - 2,
        }];
        let e = allocate(&users(&["ALICE"]), &old).unwrap_err();
        assert!(e.contains("full"), "{e}");
    }
}
