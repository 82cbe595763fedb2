//! Unit tests of sysgen (the module is `super`).

use std::collections::BTreeMap;
use std::path::Path;

use crate::devices::dasd::{Record, track_image};

use super::*;

fn config() -> SysConfig {
    SysConfig {
        storage: 2 << 20,
        mips: 1.0,
        tod_epoch: 0,
        users: vec![User {
            id: "ALICE".into(),
            password: "SECRET".into(),
            storage: 512 * 1024,
            classes: "G".into(),
            spool: crate::sysgen::DEFAULT_SPOOL,
        }],
        terminals: 2,
        disks: Vec::new(),
        storage_at: None,
        volumes: Vec::new(),
        paging: None,
    }
}

#[test]
fn every_rom_source_is_embedded() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("roms");
    let on_disk = Roms::from_dir(&dir).unwrap();
    let embedded = Roms::embedded();
    assert_eq!(
        on_disk.files.keys().collect::<Vec<_>>(),
        embedded.files.keys().collect::<Vec<_>>(),
        "add new roms/ files to the roms! list in src/sysgen/roms.rs"
    );
}

#[test]
fn sysconf_lists_terminals_and_directory() {
    let text = sysconf(&config(), 7000);
    assert!(text.contains("NUMTERM  EQU   2 "));
    assert!(text.contains("REALSIZE DC    F'2097152'"));
    assert!(text.contains("NSSLEN   DC    F'7000'"));
    assert!(text.contains("TERMADDR DC    X'0009'"));
    assert!(text.contains("         DC    X'0021'"));
    assert!(
        text.contains("DIRCOUNT DC    F'3'"),
        "ALICE, MAINT and OPERATOR"
    );
    let dir = sysdir(&config(), &[]);
    // ALICE: her 190, a read-only link to MAINT's (cylinders 3-5), and her 191.
    // (The link carries no passwords: the MDISK it links to has them.)
    let alice = "DC    CL8'ALICE',CL8'SECRET',F'524288',H'2',X'02',X'00'   classes G\n         \
                 DC    X'0190',X'0150',H'3',H'3',X'A0',XL3'00'\n         \
                 DC    CL8' ',CL8' ',CL8' '\n         \
                 DC    X'0191',X'0150',H'1',H'2',X'00',XL3'00'\n         \
                 DC    CL8' ',CL8' ',CL8' '\n         \
                 DC    (6)XL36'00'\n";
    assert!(dir.contains(alice), "{dir}");
    // OPERATOR: every class (A-H: X'FF'), a read-only link to the S disk.
    assert!(
        dir.contains("CL8'OPERATOR',CL8'OPERATOR',F'1048576',H'1',X'FF',X'00'"),
        "{dir}"
    );
    assert_eq!(privilege_mask("G"), 0x02);
    assert_eq!(privilege_mask("ABCDEFG"), 0xFE);
    // MAINT, added by sysgen: the S disk, read-only to him too; then OPERATOR.
    // Its read password ALL: anyone may LINK it read-only without one.
    let maint = "DC    CL8'MAINT',CL8'CPCMS',F'1048576',H'1',X'FE',X'00'   classes ABCDEFG\n         \
                 DC    X'0190',X'0150',H'3',H'3',X'80',XL3'00'\n         \
                 DC    CL8'ALL',CL8' ',CL8' '\n         \
                 DC    (7)XL36'00'\n";
    assert!(dir.contains(maint), "{dir}");
    let operator = "DC    CL8'OPERATOR',CL8'OPERATOR',F'1048576',H'1',X'FF',X'00'   classes ABCDEFGH\n         \
                 DC    X'0190',X'0150',H'3',H'3',X'A0',XL3'00'\n         \
                 DC    CL8' ',CL8' ',CL8' '\n         \
                 DC    (7)XL36'00'\n";
    assert!(dir.contains(operator), "{dir}");
    assert!(text.contains("SYSRES   DC    X'0150'"));
    assert!(text.contains("NSSPAGES DC    H'2'"));
    assert!(text.contains("NUMDASD  EQU   1 "));
    assert!(text.contains("DASDCONF DC    X'0150',CL6'CPCMS1'"));
}

#[test]
fn cp_and_cms_assemble_and_cp_publishes_its_tables() {
    let roms = Roms::embedded();
    let cms = roms.assemble("cms", "cms", &BTreeMap::new()).unwrap();
    assert_eq!(cms.origin, 0);
    let mut extra = BTreeMap::new();
    extra.insert(
        "SYSCONF".to_string(),
        sysconf(&config(), cms.image.len() as u32),
    );
    extra.insert("SYSDIR".to_string(), sysdir(&config(), &[]));
    let cp = roms.assemble("cp", "cp", &extra).unwrap();
    // The IPL PSW: EC mode, disabled, pointing at CPINIT.
    assert_eq!(&cp.image[..4], &[0x00, 0x08, 0x00, 0x00]);
    let cpinit = cp.symbols["CPINIT"].value;
    assert_eq!(
        u32::from_be_bytes(cp.image[4..8].try_into().unwrap()),
        cpinit
    );
    // The new PSWs sit where the hardware looks for them.
    for (name, at) in [
        ("EXTNPSW", 0x58),
        ("SVCNPSW", 0x60),
        ("PRGNPSW", 0x68),
        ("IONPSW", 0x78),
    ] {
        assert_eq!(cp.symbols[name].value, at, "{name}");
    }
    // What observers read by name.
    for name in [
        "VMTABLE", "VMBLKLEN", "NUMTERM", "VMUSER", "VMSTATE", "VMTERMA", "VMPRVCNT", "VMSEG",
        "NSSAREA",
    ] {
        assert!(cp.symbols.contains_key(name), "{name}");
    }
    assert_eq!(cp.symbols["NUMTERM"].value, 2);
    assert_eq!(cp.symbols["VMUSER"].dsect.as_deref(), Some("VMBLOK"));
}

/// CP is a resident core (the section CP: its code from CPCODE, addressed by R12, R10,
/// R9 and R13) and modules (a CSECT each, addressed by R13 alone): see roms/cp/cp.asm.
/// The core keeps room to grow, and every module lies within its base register's 4K
/// (the assembler refuses a reference it cannot reach, so assembling at all proves
/// most of this; the sizes are checked here once more, from the line map).
#[test]
fn cps_core_has_room_and_each_module_fits_its_base_register() {
    let roms = Roms::embedded();
    let cms = roms.assemble("cms", "cms", &BTreeMap::new()).unwrap();
    let mut extra = BTreeMap::new();
    extra.insert(
        "SYSCONF".to_string(),
        sysconf(&config(), cms.image.len() as u32),
    );
    extra.insert("SYSDIR".to_string(), sysdir(&config(), &[]));
    let cp = roms.assemble("cp", "cp", &extra).unwrap();
    let sym = |n: &str| cp.symbols[n].value;
    const K: u32 = 1024;
    // The core's code and literal pool end at COREEND: below CPCODE+12K, where R12, R10
    // and R9 reach (modules call the core through them), and 5K or more before the
    // end of the four base registers' 16K (it was 6K: LINK, the operator, spooling,
    // asynchronous I/O and the timers took the rest; new work goes into modules).
    let core_end = sym("COREEND");
    assert!(
        core_end <= sym("CPCODE") + 12 * K,
        "the core ends at {core_end:06X}, past CPCODE+12K: move something into a module"
    );
    assert!(
        core_end + 5 * K <= sym("CPCODE") + 16 * K,
        "the core ends at {core_end:06X}: less than 5K of its 16K is left"
    );
    // The modules: CSECTs named DMKxxx after the core's section (its tables end at
    // TABEND), one after another, and then NSSAREA, where CP's image ends.
    let mut modules: Vec<(String, u32)> = cp
        .symbols
        .iter()
        .filter(|(n, s)| n.len() == 6 && n.starts_with("DMK") && s.dsect.is_none())
        .map(|(n, s)| (n.clone(), s.value))
        .collect();
    modules.sort_by_key(|m| m.1);
    let names: Vec<&str> = modules.iter().map(|m| m.0.as_str()).collect();
    for m in ["DMKCQG", "DMKLOG", "DMKCDB", "DMKMSG", "DMKVIO", "DMKCCW"] {
        assert!(names.contains(&m), "module {m} is missing: {names:?}");
    }
    assert!(modules[0].1 >= sym("TABEND"), "{names:?}");
    let nss = sym("NSSAREA");
    assert_eq!(cp.origin as usize + cp.image.len(), nss as usize);
    for (i, (name, start)) in modules.iter().enumerate() {
        let next = modules.get(i + 1).map_or(nss, |m| m.1);
        let end = cp
            .lines
            .iter()
            .filter(|l| (*start..next).contains(&l.addr))
            .map(|l| l.addr + l.len)
            .max()
            .unwrap_or(*start);
        assert!(
            end - start <= 4 * K,
            "module {name} is {} bytes: more than R13 reaches",
            end - start
        );
    }
}

/// NSSAREA is CP's last section and holds nothing: the CMS nucleus goes there. (A
/// module without the LTORG at its end would leave its literals to END, which puts them
/// there: the assembler refuses that already, as no USING covers them.)
#[test]
fn nothing_of_cp_may_lie_in_nssarea() {
    let mut roms = Roms::embedded();
    let cp = roms.files.get_mut("cp/cp.asm").expect("cp.asm");
    *cp = cp.replace("NSSAREA  CSECT\n", "NSSAREA  CSECT\n         DC    F'1'\n");
    let e = System::boot_roms(&config(), &roms, None).err().unwrap();
    assert!(e.contains("past NSSAREA"), "{e}");
}

#[test]
fn the_system_residence_volume_holds_ipl_records_cms_and_cp() {
    let roms = Roms::embedded();
    let cms = roms.assemble("cms", "cms", &BTreeMap::new()).unwrap();
    let mut extra = BTreeMap::new();
    let cfg = config();
    extra.insert("SYSCONF".to_string(), sysconf(&cfg, cms.image.len() as u32));
    extra.insert("SYSDIR".to_string(), sysdir(&cfg, &[]));
    let cp = roms.assemble("cp", "cp", &extra).unwrap();
    let map = allocate(&cfg.users, &[]).unwrap();
    let img = build_sysres(&cfg, &cp, &cms.image, &map).unwrap();
    let ts = SYSRES_MODEL.track_size();
    let track = |h: usize| {
        let at = crate::devices::dasd::HEADER + h * ts;
        crate::devices::dasd::parse_track(&img[at..at + ts], 0, h as u16).unwrap()
    };
    // Cylinder 0 head 0: R0, then IPL1 (CP's IPL PSW and two CCWs), then the loader.
    let t0 = track(0);
    assert_eq!(t0.records.len(), 4);
    assert_eq!(
        crate::ebcdic::decode(&t0.records[3].data[..10]),
        "VOL1CPCMS1"
    );
    let ipl1 = &t0.records[1].data;
    assert_eq!(&ipl1[..8], &cp.image[..8]);
    assert_eq!(ipl1[8], 0x06, "READ DATA of the loader record");
    assert_eq!(ipl1[16], 0x08, "then TIC to it");
    // The CMS nucleus from head 2, a page a record.
    let t1 = track(NSS_HEAD as usize);
    assert_eq!(t1.records[1].count[4], 1);
    assert_eq!(
        &t1.records[1].data[..cms.image.len().min(4096)],
        &cms.image[..cms.image.len().min(4096)]
    );
    // Users' minidisks start after cylinder 0, two cylinders each, and MAINT's 190 follows.
    assert_eq!(mdisk_cylinder(0), 1);
    assert_eq!(mdisk_cylinder(1), 3);
    assert_eq!(img.len(), crate::devices::dasd::HEADER + 6 * 30 * ts);
}

#[test]
fn the_page_volume_has_a_label_and_a_slot_for_every_page() {
    let cfg = config();
    let cyls = page_cyls(&cfg.users);
    let img = build_page_volume(cyls);
    let ts = SYSRES_MODEL.track_size();
    assert_eq!(
        img.len(),
        crate::devices::dasd::HEADER + (1 + cyls as usize) * 30 * ts
    );
    let at = crate::devices::dasd::HEADER;
    assert_eq!(
        volumes::label_of(&img[at..at + ts]).as_deref(),
        Some(PAGE_VOLSER)
    );
    // Cylinder 1, the last head: R0 and four 4K slots.
    let at = crate::devices::dasd::HEADER + (30 + 29) * ts;
    let t = crate::devices::dasd::parse_track(&img[at..at + ts], 1, 29).unwrap();
    assert_eq!(t.records.len(), 5, "R0 and four slots");
    assert!(t.records[1..].iter().all(|r| r.data.len() == 4096));
    let conf = sysconf(&cfg, 7000);
    assert!(
        conf.contains(&format!("PAGCYLS  DC    H'{cyls}'")),
        "{conf}"
    );
    assert!(conf.contains("PAGDEV   DC    X'02F0'"), "{conf}");
}

#[test]
fn a_data_directory_keeps_minidisks_and_renews_cylinder_zero() {
    let dir = std::env::temp_dir().join(format!("cpcms-sysgen-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let cfg = config();
    let sys = System::boot_in(&cfg, None, Some(&dir)).unwrap();
    drop(sys);
    let path = sysres_path(&dir);
    let mut img = std::fs::read(&path).unwrap();
    let ts = SYSRES_MODEL.track_size();
    let cyl = SYSRES_MODEL.heads() as usize * ts;
    let header = crate::devices::dasd::HEADER;
    // Scribble on cylinder 0 and on ALICE's minidisk (cylinder 1).
    img[header + 100] ^= 0xFF;
    img[header + cyl + 4000] = 0xAB;
    std::fs::write(&path, &img).unwrap();
    let _sys = System::boot_in(&cfg, None, Some(&dir)).unwrap();
    let again = std::fs::read(&path).unwrap();
    assert_ne!(
        again[header + 100],
        img[header + 100],
        "cylinder 0 is rebuilt"
    );
    assert_eq!(again[header + cyl + 4000], 0xAB, "the minidisk is kept");
    // Something that is not a volume is refused, not overwritten.
    std::fs::write(&path, b"not a disk").unwrap();
    let e = System::boot_in(&cfg, None, Some(&dir)).err().unwrap();
    assert!(e.contains("sysres.3350"), "{e}");
    assert_eq!(std::fs::read(&path).unwrap(), b"not a disk");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_maint_in_the_users_list_owns_the_s_disk_and_has_a_191() {
    let mut cfg = config();
    cfg.users.push(User {
        id: "MAINT".into(),
        password: "SECRET".into(),
        storage: 1 << 20,
        classes: "G".into(),
        spool: crate::sysgen::DEFAULT_SPOOL,
    });
    let ids: Vec<String> = directory_users(&cfg).into_iter().map(|u| u.id).collect();
    assert_eq!(ids, ["ALICE", "MAINT", "OPERATOR"], "no second MAINT");
    let map = allocate(&cfg.users, &[]).unwrap();
    let disks = user_disks(&cfg, &map);
    let maint: Vec<(u16, u16, bool, bool)> = disks
        .iter()
        .filter(|d| d.user == "MAINT")
        .map(|d| (d.vaddr, d.start, d.read_only, d.link))
        .collect();
    assert_eq!(maint, [(0x191, 3, false, false), (0x190, 5, true, false)]);
    assert!(
        sysconf(&cfg, 7000).contains("DIRCOUNT DC    F'3'"),
        "ALICE, MAINT, OPERATOR"
    );
}

#[test]
fn minidisks_are_cms_disks_and_the_s_disk_is_rebuilt_at_every_start() {
    use cmsdisk::{read_files, write_file};
    let dir = std::env::temp_dir().join(format!("cpcms-cmsdisk-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let cfg = config();
    let sys = System::boot_in(&cfg, None, Some(&dir)).unwrap();
    let at = |user: &str, vaddr: u16| extent_of(&sys.extents, user, vaddr).unwrap().start;
    let (alice, sdisk) = (at("ALICE", 0x191), at("MAINT", 0x190));
    drop(sys);
    let path = sysres_path(&dir);
    let mut img = std::fs::read(&path).unwrap();
    let a = read_files(&img, alice).unwrap();
    assert_eq!((a.label.as_str(), a.used, a.files.len()), ("ALI191", 5, 0));
    let s = read_files(&img, sdisk).unwrap();
    assert_eq!(s.label, "MAI190");
    let ids: Vec<String> = s
        .files
        .iter()
        .map(|f| format!("{} {} {}", f.name, f.ftype, f.mode))
        .collect();
    // roms/cms/sdisk's files, in name order; each ASSEMBLE with its TEXT (object deck).
    let sdir = Path::new(env!("CARGO_MANIFEST_DIR")).join("roms/cms/sdisk");
    let mut want: Vec<String> = Vec::new();
    for e in std::fs::read_dir(&sdir).unwrap() {
        let n = e.unwrap().file_name().to_string_lossy().into_owned();
        let (name, ftype) = n.split_once('.').unwrap();
        want.push(format!("{name} {ftype} S2"));
        if ftype == "ASSEMBLE" {
            want.push(format!("{name} TEXT S2"));
        }
    }
    want.sort();
    assert_eq!(ids, want);
    assert!(want.contains(&"CMS HELPCMD S2".to_string()));
    let text = s
        .files
        .iter()
        .find(|f| f.name == "HELLO" && f.ftype == "TEXT");
    let deck = &text.unwrap().records;
    assert!(deck.iter().all(|c| c.len() == 80 && c[0] == 0x02), "cards");
    // ALICE writes a file; someone scribbles on the S disk.
    let mut mine = s.files.iter().find(|f| f.ftype == "EXEC").unwrap().clone();
    mine.mode = "A1".into();
    write_file(&mut img, alice, &mine).unwrap();
    let mut junk = s.files[0].clone();
    junk.name = "JUNK".into();
    write_file(&mut img, sdisk, &junk).unwrap();
    std::fs::write(&path, &img).unwrap();
    // BOB joins: his 191 is new, and formatted; ALICE's file stays; the S disk is as roms/
    // says again.
    let mut two = cfg.clone();
    two.users.push(User {
        id: "BOB".into(),
        password: "BOB".into(),
        storage: 512 * 1024,
        classes: "G".into(),
        spool: crate::sysgen::DEFAULT_SPOOL,
    });
    let sys = System::boot_in(&two, None, Some(&dir)).unwrap();
    let bob = extent_of(&sys.extents, "BOB", 0x191).unwrap().start;
    drop(sys);
    let img = std::fs::read(&path).unwrap();
    assert_eq!(read_files(&img, alice).unwrap().files, vec![mine]);
    assert_eq!(read_files(&img, sdisk).unwrap(), s);
    let b = read_files(&img, bob).unwrap();
    assert_eq!((b.label.as_str(), b.used, b.files.len()), ("BOB191", 5, 0));
    // A minidisk whose first track holds anything is never formatted over.
    let mut img = img;
    let ts = SYSRES_MODEL.track_size();
    let first = crate::devices::dasd::HEADER + bob as usize * SYSRES_MODEL.heads() as usize * ts;
    let mut t = crate::devices::dasd::empty_track(bob, 0);
    t.records.push(Record::new(bob, 0, 1, &[], b"MINE"));
    img[first..first + ts].copy_from_slice(&track_image(&t, ts));
    std::fs::write(&path, &img).unwrap();
    drop(System::boot_in(&two, None, Some(&dir)).unwrap());
    assert_eq!(std::fs::read(&path).unwrap(), img);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_s_disk_files_are_named() {
    let dir = std::env::temp_dir().join(format!("cpcms-sdisk-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let roms = Path::new(env!("CARGO_MANIFEST_DIR")).join("roms");
    for sub in ["cp", "cms"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        for e in std::fs::read_dir(roms.join(sub)).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() {
                std::fs::copy(&p, dir.join(sub).join(p.file_name().unwrap())).unwrap();
            }
        }
    }
    // No sdisk directory: an empty S disk.
    assert!(System::boot(&config(), Some(&dir)).is_ok());
    let sd = dir.join("cms/sdisk");
    std::fs::create_dir_all(&sd).unwrap();
    std::fs::write(sd.join(".SAMPLE.EXEC.swp"), "editor junk\t").unwrap();
    std::fs::write(sd.join("GOOD.EXEC"), "&EXIT 0\n").unwrap();
    assert!(System::boot(&config(), Some(&dir)).is_ok());
    std::fs::write(sd.join("bad.exec"), "&EXIT 0\n").unwrap();
    let e = System::boot(&config(), Some(&dir)).err().unwrap();
    let want = format!("{}/cms/sdisk/bad.exec: not a CMS file id", dir.display());
    assert!(e.starts_with(&want), "{e}");
    std::fs::remove_file(sd.join("bad.exec")).unwrap();
    std::fs::write(sd.join("WIDE.TEXT"), "X".repeat(81)).unwrap();
    let e = System::boot(&config(), Some(&dir)).err().unwrap();
    assert!(
        e.ends_with(
            "cms/sdisk/WIDE.TEXT: line 1: 81 characters; a line of an F 80 file is at most 80"
        ),
        "{e}"
    );
    std::fs::remove_file(sd.join("WIDE.TEXT")).unwrap();
    // More than the S disk holds (2 cylinders, 1,140 blocks): 1,200 blocks of records.
    std::fs::write(sd.join("HUGE.TEXT"), "X\n".repeat(12_000)).unwrap();
    let e = System::boot(&config(), Some(&dir)).err().unwrap();
    let want = format!(
        "{}/cms/sdisk/HUGE.TEXT: on the S disk (MAINT's 190, 2 cylinders): HUGE TEXT: the \
         disk is full",
        dir.display()
    );
    assert!(e.starts_with(&want), "{e}");
    let _ = std::fs::remove_dir_all(&dir);
}

fn classroom(n: usize, storage: u32) -> SysConfig {
    SysConfig {
        storage,
        users: (0..n)
            .map(|i| User {
                id: format!("U{i:02}"),
                password: "PW".into(),
                storage: 1 << 20,
                classes: "G".into(),
                spool: crate::sysgen::DEFAULT_SPOOL,
            })
            .collect(),
        terminals: n,
        storage_at: Some("c.ron:2:21".into()),
        ..config()
    }
}

#[test]
fn the_largest_terminal_table_fits_in_cps_first_page() {
    // SYSCONF lives in the PSA, below CP's code: the most terminals must end before
    // it, or CP's code would be assembled over them. The directory (SYSDIR) comes
    // after CP's tables, reached through an address constant, and may be any size.
    let roms = Roms::embedded();
    let cms = roms.assemble("cms", "cms", &BTreeMap::new()).unwrap();
    let mut cfg = classroom(MAX_USERS.max(MAX_TERMINALS), 16 << 20);
    assert_eq!((cfg.users.len(), cfg.terminals), (MAX_USERS, MAX_TERMINALS));
    cfg.volumes = (0..volumes::MAX_VOLUMES as u16)
        .map(|i| Volume {
            addr: 0x200 + i,
            file: format!("v{i}.3350").into(),
            volser: Some(format!("USER{i:02}")),
            cyls: 10,
            create: true,
            at: "t".into(),
        })
        .collect();
    let mut extra = BTreeMap::new();
    let map = allocate(&cfg.users, &[]).unwrap();
    extra.insert("SYSCONF".to_string(), sysconf(&cfg, cms.image.len() as u32));
    extra.insert("SYSDIR".to_string(), sysdir(&cfg, &map));
    let cp = roms.assemble("cp", "cp", &extra).unwrap();
    let sym = |n: &str| cp.symbols[n].value;
    assert!(sym("TERMADDR") + 2 * (MAX_TERMINALS as u32 + 1) <= sym("DIRCOUNT"));
    assert!(sym("DIRCOUNT") + 4 <= sym("DASDCONF"));
    let dasd_end = sym("DASDCONF") + 8 * (volumes::MAX_VOLUMES as u32 + 1);
    assert_eq!(sym("NUMDASD"), volumes::MAX_VOLUMES as u32 + 1);
    assert!(dasd_end <= sym("CPCODE"), "DASDCONF ends at {dasd_end:X}");
    assert!(sym("DIRECTRY") > sym("CPCODE"));
    // MAX_USERS and MAINT, whom the short form adds.
    let dir_end = sym("DIRECTRY") + (MAX_USERS as u32 + 1) * sym("DIRLEN");
    assert!(dir_end <= sym("NSSAREA"), "directory ends at {dir_end:X}");
    assert_eq!(sym("NUMTERM"), MAX_TERMINALS as u32);
}

#[test]
fn storage_must_hold_cp_and_a_share_for_every_terminal() {
    // 64 terminals: CP's tables and the frames CMS needs on each do not fit in 768K.
    let e = System::boot(&classroom(64, 768 * 1024), None)
        .err()
        .unwrap();
    assert!(
        e.starts_with("c.ron:2:21: machine storage 768K is too small for 64 terminals: CP, its spool area and the CMS nucleus take "),
        "{e}"
    );
    // A frame for its DAT tables, the CMS nucleus's pages, WORK_FRAMES to work in.
    let cms = Roms::embedded()
        .assemble("cms", "cms", &BTreeMap::new())
        .unwrap();
    let per = 4 * (1 + WORK_FRAMES as u32 + (cms.image.len() as u32).div_ceil(4096));
    assert!(
        e.contains(&format!("each terminal needs {per}K more")),
        "{e}"
    );
    let need: u32 = e
        .rsplit("at least ")
        .next()
        .and_then(|n| n.strip_suffix('K'))
        .and_then(|n| n.parse().ok())
        .unwrap();
    // ... and exactly what it names is enough.
    let cfg = classroom(64, (need * 1024).next_multiple_of(4096));
    assert!(System::boot(&cfg, None).is_ok(), "{need}K");
    assert!(System::boot(&classroom(64, 6 << 20), None).is_ok());
}

#[test]
fn bad_configurations_are_refused() {
    let mut c = config();
    c.users[0].storage = 100_000;
    assert!(c.check().unwrap_err().contains("multiple of 64K"));
    let mut c = config();
    c.storage = 64 * 1024;
    assert_eq!(
        c.check().unwrap_err(),
        "machine storage must be a multiple of 4K from 256K to 16M"
    );
    assert!(classroom(65, 16 << 20).check().is_err());
    let mut c = config();
    c.users[0].id = "alice".into();
    assert!(c.check().unwrap_err().contains("A-Z"));
    let mut c = config();
    c.terminals = 0;
    assert!(c.check().is_err());
}

/// The directory's SPOOL statements: parsed in VM/370's forms, checked, and carried into
/// SYSDIR (DIRURS: address and class of the reader, punch and printer; 0 for none).
#[test]
fn spool_statements_give_the_reader_punch_and_printer() {
    let d = direct::parse(
        "USER ALICE ALICE 512K\n SPOOL 01C 2540 READER\n SPOOL 00D 2540P B\n \
         SPOOL 00E 3211\n\
         USER BOB BOB 512K\n SPOOL 00C 3505 *\n SPOOL 10D 2540 punch 7\n\
         USER CAROL CAROL 512K\n MDISK 191 3350 1 2 CPCMS1 W\n",
    )
    .unwrap();
    let ur = |v: u16, c: u8| Some(UnitRecord { vaddr: v, class: c });
    assert_eq!(
        d.users[0].spool,
        [ur(0x01C, b'*'), ur(0x00D, b'B'), ur(0x00E, b'A')]
    );
    assert_eq!(d.users[1].spool, [ur(0x00C, b'*'), ur(0x10D, b'7'), None]);
    assert_eq!(d.users[2].spool, [None; 3], "no SPOOL statements: none");
    let cfg = SysConfig {
        users: d.users,
        disks: d.disks,
        ..config()
    };
    let dir = sysdir(&cfg, &[]);
    for line in [
        "DC    X'001C',C'*',X'00',X'000D',C'B',X'00',X'000E',C'A',X'00'   SPOOL\n",
        "DC    X'000C',C'*',X'00',X'010D',C'7',X'00',X'0000',C' ',X'00'   SPOOL\n",
        "DC    X'0000',C' ',X'00',X'0000',C' ',X'00',X'0000',C' ',X'00'   SPOOL\n",
    ] {
        assert!(dir.contains(line), "{line}{dir}");
    }
    // The short form and sysgen's own users: 00C, 00D, 00E.
    let dir = sysdir(&config(), &[]);
    let defaults = "DC    X'000C',C'*',X'00',X'000D',C'A',X'00',X'000E',C'A',X'00'   SPOOL\n";
    assert_eq!(
        dir.matches(defaults).count(),
        3,
        "ALICE, MAINT, OPERATOR: {dir}"
    );
    // The mistakes, with their places.
    for (text, want) in [
        (
            "USER A A 64K\n SPOOL 00C 2540",
            "u:2:16: SPOOL needs READER or PUNCH",
        ),
        (
            "USER A A 64K\n SPOOL 00C 2540 PRINTER",
            "u:2:17: 2540 PRINTER",
        ),
        ("USER A A 64K\n SPOOL 00C 3270", "u:2:12: device type 3270"),
        (
            "USER A A 64K\n SPOOL 00D 2540 PUNCH *",
            "u:2:23: class *: A-Z or 0-9",
        ),
        ("USER A A 64K\n SPOOL 00E 1403 AB", "u:2:17: class AB"),
        ("USER A A 64K\n SPOOL 00E 1403 A X", "u:2:19: SPOOL X"),
        (
            "USER A A 64K\n SPOOL 009 1403",
            "u:2:8: address 009 is the console's",
        ),
        ("USER A A 64K\n SPOOL G0E 1403", "u:2:8: address G0E"),
        (
            "USER A A 64K\n SPOOL 00C 3505\n SPOOL 00C 1403",
            "u:3:8: A has a reader at 00C already",
        ),
        (
            "USER A A 64K\n SPOOL 00E 1403\n SPOOL 00F 3203",
            "u:3:12: A has a printer already (at 00E)",
        ),
        (
            "USER A A 64K\n SPOOL 191 2540R\n MDISK 191 3350 1 2 CPCMS1 W",
            "u:2:8: A has a disk at 191 already",
        ),
        (
            "USER M M 64K\n MDISK 190 3350 1 2 CPCMS1 RR\nUSER A A 64K\n SPOOL 190 1403\n \
             LINK M 190 190",
            "u:4:8: A has a disk at 190 already",
        ),
    ] {
        let e = direct::parse(text).unwrap_err().at("u");
        assert!(e.starts_with(want), "{text}: {e}");
    }
}

/// The S disk as VM/370's installer left it (see iplnuc.rs): two cylinders of CMS files
/// (its directory says so), the IPL record and program in blocks 1 and 2, the CMS
/// nucleus on the third cylinder, a 4K page a record from head 0. A one-cylinder S disk
/// has no room for the nucleus and gets none.
#[test]
fn the_s_disk_holds_the_cms_nucleus_past_its_files() {
    let cfg = config();
    let sys = System::boot(&cfg, None).unwrap();
    let img = sys.sysres_image().unwrap();
    let s = extent_of(&sys.extents, SDISK_OWNER, SDISK_VADDR).unwrap();
    assert_eq!(s.cyls, 3);
    let disk = cmsdisk::read_files(img, s.start).unwrap();
    assert_eq!(disk.cyls, 2, "the file area");
    let ts = SYSRES_MODEL.track_size();
    let heads = SYSRES_MODEL.heads() as usize;
    let track = |c: u16, h: usize| {
        let at = crate::devices::dasd::HEADER + (c as usize * heads + h) * ts;
        crate::devices::dasd::parse_track(&img[at..at + ts], c, h as u16).unwrap()
    };
    let roms = Roms::embedded();
    let n = iplnuc::Nucleus::new(&roms, &sys.cms, s.cyls)
        .unwrap()
        .unwrap();
    let t0 = track(s.start, 0);
    assert_eq!(&t0.records[1].data[..], &n.ipl_record()[..]);
    assert_eq!(t0.records[1].data[8], 0x06, "READ DATA of record 2");
    assert_eq!(&t0.records[2].data[..n.boot.len()], &n.boot[..]);
    assert_eq!(
        n.boot_at as usize,
        sys.cms.image.len().next_multiple_of(4096)
    );
    for p in 0..sys.cms.image.len().div_ceil(4096) {
        let t = track(s.start + 2, p / 4);
        let r = &t.records[p % 4 + 1];
        assert_eq!(r.count[4] as usize, p % 4 + 1);
        let page = &sys.cms.image[p * 4096..((p + 1) * 4096).min(sys.cms.image.len())];
        assert_eq!(&r.data[..page.len()], page, "page {p}");
    }
    assert!(iplnuc::Nucleus::new(&roms, &sys.cms, 1).unwrap().is_none());
    assert!(iplnuc::storage_min(&sys.cms).unwrap() > n.boot_at + 4096);
}
