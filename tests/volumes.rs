//! Real disks beyond the system residence volume: a disk dedicated to a user, minidisks on
//! a second volume found by its label, and the directory's mistakes about them.
//!
//! Each test boots CP with a volume configured beside the system residence volume, logs
//! ALICE on at terminal 0 and, where it needs one, plants a small program from
//! `tests/volumes/*.asm` (or `tests/minidisk/hello191.asm`) with CP's STORE command and
//! starts it with STORE PSW, as a user at a terminal could; the program ends in a
//! disabled wait whose code is its verdict (X'600D' good). The volumes are files in a
//! temporary directory, so the test reads what landed where from the image itself.

use std::path::{Path, PathBuf};

use cpcms::asm::{self, Assembly};
use cpcms::cpu::{TOD_PER_SECOND, TOD_PER_US};
use cpcms::devices::dasd::{HEADER, Model, new_volume, parse_track};
use cpcms::machine::Status;
use cpcms::scenario::Scenario;
use cpcms::sysgen::{SysConfig, System, Volume, direct};

const MS: u64 = 1000 * TOD_PER_US;
const SEC: u64 = TOD_PER_SECOND;

/// A directory of its own under the system's temporary directory, empty.
fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cpcms-volumes-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Assemble `dir/NAME.asm` (under the crate) with cpcms's own assembler.
fn program(dir: &str, name: &str) -> Assembly {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let read = |n: &str| -> Option<String> {
        let file = if n.ends_with(".asm") {
            n.to_string()
        } else {
            format!("{}.asm", n.to_ascii_lowercase())
        };
        std::fs::read_to_string(dir.join(file)).ok()
    };
    asm::assemble_with(&format!("{name}.asm"), &read, &asm::Options::default())
        .unwrap_or_else(|e| panic!("{name}.asm:\n{}", e.join("\n")))
        .assembly
}

/// A booted system, where each terminal's next wait starts looking, and whether its
/// machine is stopped by a program's disabled wait.
struct Rig {
    sys: System,
    cursors: Vec<u64>,
    stopped: Vec<bool>,
}

impl Rig {
    fn boot(cfg: &SysConfig) -> Rig {
        let sys = System::boot(cfg, None).unwrap_or_else(|e| panic!("boot: {e}"));
        let n = sys.terminals.len();
        let mut rig = Rig {
            sys,
            cursors: vec![0; n],
            stopped: vec![false; n],
        };
        for t in 0..n {
            rig.wait_for(t, "VM/370 ONLINE", SEC);
        }
        rig
    }

    fn type_line(&mut self, t: usize, text: &str) {
        let dev = self.sys.terminals[t];
        self.sys.machine.type_line(dev, text).expect("type");
        self.cursors[t] = self.sys.machine.transcript(dev).unwrap_or_default().end();
    }

    /// Run until terminal `t` shows `text` after its cursor; returns what it showed up
    /// to and including the match. Panics after `within` of virtual time.
    fn wait_for(&mut self, t: usize, text: &str, within: u64) -> String {
        let dev = self.sys.terminals[t];
        let deadline = self.sys.machine.now() + within;
        loop {
            let view = self.sys.machine.transcript(dev).unwrap_or_default();
            let rest = view.since(self.cursors[t]).0;
            if let Some(p) = rest.find(text) {
                let seen = rest[..p + text.len()].to_string();
                self.cursors[t] = view.end() - (rest.len() - p - text.len()) as u64;
                return seen;
            }
            let now = self.sys.machine.now();
            assert!(
                now < deadline,
                "terminal {t} did not show {text:?}; it showed:\n{rest}"
            );
            match self.sys.machine.run_until((now + 10 * MS).min(deadline)) {
                Status::DisabledWait(psw) => panic!("CP died: disabled wait {psw:016X}"),
                Status::Checkstop => panic!("CP died: checkstop"),
                _ => {}
            }
        }
    }

    fn logon(&mut self, t: usize, id: &str, pw: &str) {
        self.type_line(t, &format!("LOGON {id} {pw}"));
        self.wait_for(t, "CMS VERSION", 10 * SEC);
        self.type_line(t, "");
        self.wait_for(t, "R;", 10 * SEC);
    }

    /// What `#CP QUERY VIRTUAL` lists.
    fn query_virtual(&mut self, t: usize) -> String {
        self.type_line(t, "#CP QUERY VIRTUAL");
        self.wait_for(t, "STORAGE", SEC);
        self.sys
            .machine
            .run_until(self.sys.machine.now() + 200 * MS);
        let dev = self.sys.terminals[t];
        let view = self.sys.machine.transcript(dev).unwrap_or_default();
        let seen = view.since(self.cursors[t]).0.to_string();
        self.cursors[t] = view.end();
        seen
    }

    /// Plant `prog` with STORE, start it with STORE PSW (BC mode, disabled, key 0; and
    /// BEGIN when an earlier program's disabled wait stopped the machine) and return its
    /// disabled-wait code.
    fn run_program(&mut self, t: usize, prog: &Assembly) -> u32 {
        for (n, chunk) in prog.image.chunks(48).enumerate() {
            let at = prog.origin + 48 * n as u32;
            let hex: String = chunk.iter().map(|b| format!("{b:02X}")).collect();
            self.type_line(t, &format!("#CP STORE S{at:06X} {hex}"));
            self.wait_for(t, "STORE COMPLETE", SEC);
        }
        self.type_line(t, &format!("#CP STORE PSW 00000000 {:08X}", prog.origin));
        if std::mem::replace(&mut self.stopped[t], true) {
            self.wait_for(t, "STORE COMPLETE", SEC);
            self.type_line(t, "#CP BEGIN");
        }
        self.wait_for(t, "DISABLED WAIT PSW '", 10 * SEC);
        let code = self.wait_for(t, "'", SEC);
        let hex: String = code.chars().filter(char::is_ascii_hexdigit).collect();
        u32::from_str_radix(&hex[hex.len() - 4..], 16).expect("wait code")
    }
}

/// The configuration for `users` at one terminal each, from a `USER DIRECT` text whose
/// MDISK and DEDICATE statements may name `volumes`.
fn config(text: &str, volumes: Vec<Volume>) -> SysConfig {
    let d = direct::parse_on(text, &volumes).unwrap_or_else(|e| panic!("{}", e.at("dir")));
    SysConfig {
        storage: 2 << 20,
        mips: 1.0,
        tod_epoch: 0,
        terminals: d.users.len(),
        users: d.users,
        disks: d.disks,
        storage_at: None,
        volumes,
        paging: None,
    }
}

/// The bytes of track `cyl`/`head` in a 3350 image.
fn track(img: &[u8], cyl: u16, head: u16) -> &[u8] {
    let m = Model::D3350;
    let at = HEADER + (cyl as usize * m.heads() as usize + head as usize) * m.track_size();
    &img[at..at + m.track_size()]
}

/// `DEDICATE 19D 151` with IBM's own CMS disk MAINT 19D at 151 (70 cylinders, no VOL1
/// label): QUERY VIRTUAL lists it as a dedicated disk, and ALICE's channel program reads
/// cylinder 0 head 0 record 3 of her 19D - CMS's label record, `CMS=MNT19D` - which
/// DISPLAY shows her too (in hex); a SEEK to cylinder 70, past the disk's end, is
/// refused. Nothing is written on it.
#[test]
fn a_dedicated_disk_is_the_whole_real_disk() {
    let dir = temp_dir("dedicate");
    let file = dir.join("mnt19d.3350");
    let gz = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/disks/mnt19d.3350.gz");
    let out = std::fs::File::create(&file).unwrap();
    let status = std::process::Command::new("gzip")
        .arg("-dc")
        .arg(&gz)
        .stdout(out)
        .status()
        .expect("run gzip");
    assert!(status.success(), "gzip -dc {}", gz.display());
    let before = std::fs::read(&file).unwrap();
    let vol = Volume::probe(0x151, &file, None, None, false, "test").unwrap();
    assert_eq!((vol.volser.as_deref(), vol.cyls), (None, 70));

    let mut rig = Rig::boot(&config(
        "USER ALICE ALICE 512K\n DEDICATE 19D 151\n",
        vec![vol],
    ));
    rig.logon(0, "ALICE", "ALICE");
    let q = rig.query_virtual(0);
    assert!(
        q.lines().any(|l| l == "DASD 19D ON DASD 151 R/W"),
        "QUERY VIRTUAL:\n{q}"
    );
    assert_eq!(
        rig.run_program(0, &program("tests/volumes", "read19d")),
        0x600D
    );
    // What it read, as CP's DISPLAY shows it: EBCDIC C3D4E27E D4D5E3F1 F9C4, CMS=MNT19D.
    rig.type_line(0, "#CP DISPLAY 20000.10");
    rig.wait_for(0, "020000 C3D4E27E D4D5E3F1 F9C4", SEC);
    drop(rig);
    assert!(
        std::fs::read(&file).unwrap() == before,
        "reading the dedicated disk changed it"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A scenario's `machine.devices` makes volume USER01 at 151 (10 cylinders, a VOL1
/// label); the directory gives ALICE cylinders 5-6 of it as her 191 and BOB 7-8. ALICE's
/// record for her cylinder 0 lands on real cylinder 5, its count naming cylinder 5; a
/// SEEK to her cylinder 2 (BOB's 7) is refused and the WRITE behind it never runs; every
/// other track of USER01 is as the volume was made, and the system residence volume is
/// untouched.
#[test]
fn a_minidisk_on_a_second_volume_lands_on_its_cylinders() {
    let dir = temp_dir("second");
    let scenario = dir.join("second.ron");
    std::fs::write(
        &scenario,
        r#"Scenario(
    title: "A second volume",
    machine: (devices: [
        (addr: "151", type: "3350", file: "user01.3350", volser: "USER01", cylinders: 10),
    ]),
    directory: "USER ALICE ALICE 512K
 MDISK 191 3350 5 2 USER01 W
USER BOB BOB 512K
 MDISK 191 3350 7 2 USER01 W",
    steps: [],
)
"#,
    )
    .unwrap();
    let s = Scenario::load(&scenario).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.volumes.len(), 1);
    let file = dir.join("user01.3350");
    assert!(!file.exists(), "the volume is made when the system starts");
    let mut rig = Rig::boot(&s.sys_config());
    let fresh = std::fs::read(&file).expect("the volume was made");
    assert!(
        fresh == new_volume(Model::D3350, 10, Some("USER01")),
        "made as dasdinit makes one"
    );
    let sysres = rig.sys.sysres_image().unwrap().to_vec();

    rig.logon(0, "ALICE", "ALICE");
    let q = rig.query_virtual(0);
    assert!(
        q.lines().any(|l| l == "DASD 191 3350 USER01 R/W 002 CYL"),
        "QUERY VIRTUAL:\n{q}"
    );
    assert_eq!(
        rig.run_program(0, &program("tests/minidisk", "hello191")),
        0x600D
    );
    assert_eq!(
        rig.run_program(0, &program("tests/volumes", "seekout")),
        0x600D
    );

    let img = std::fs::read(&file).unwrap();
    assert_eq!(img.len(), fresh.len());
    let t = parse_track(track(&img, 5, 0), 5, 0).unwrap();
    assert_eq!(t.records.len(), 2, "R0 and ALICE's record");
    assert_eq!(
        &t.records[1].count[..5],
        &[0, 5, 0, 0, 1],
        "the count names the real cylinder"
    );
    let text = cpcms::ebcdic::decode(&t.records[1].data);
    assert!(text.starts_with("HELLO FROM ALICE'S MINIDISK"), "{text}");
    for cyl in 0..10u16 {
        for head in 0..Model::D3350.heads() {
            if (cyl, head) != (5, 0) {
                assert!(
                    track(&img, cyl, head) == track(&fresh, cyl, head),
                    "cylinder {cyl} head {head} of USER01 changed"
                );
            }
        }
    }
    assert!(
        rig.sys.sysres_image().unwrap() == &sysres[..],
        "the system residence volume changed"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The directory's mistakes about volumes, each `file:line:col: what`: an MDISK on a
/// volume no disk holds, extents overlapping on the second volume, DEDICATE of an
/// address with no disk, of the system residence volume, twice, of a disk holding a
/// minidisk, an MDISK beyond the second volume's end; and the volumes' own: two at one
/// address, a label that is not the one asked for, a type other than 3350.
#[test]
fn the_directory_names_volumes_it_cannot_have() {
    let dir = temp_dir("mistakes");
    std::fs::write(
        dir.join("user01.3350"),
        new_volume(Model::D3350, 10, Some("USER01")),
    )
    .unwrap();
    std::fs::write(dir.join("raw.3350"), new_volume(Model::D3350, 3, None)).unwrap();
    let devices = r#"machine: (devices: [
        (addr: "151", type: "3350", file: "user01.3350", volser: "USER01"),
        (addr: "152", type: "3350", file: "raw.3350"),
    ]),"#;
    let cases: &[(&str, &str, &str)] = &[
        (
            devices,
            "USER ALICE ALICE 512K\n MDISK 191 3350 1 2 USER09 W",
            "user.direct:2:21: MDISK: volume USER09 is not mounted: no disk has that VOL1 \
             label (mounted: CPCMS1, USER01)",
        ),
        (
            devices,
            "USER ALICE ALICE 512K\n MDISK 191 3350 1 4 USER01 W\n\
             USER BOB BOB 512K\n MDISK 191 3350 4 2 USER01 W",
            "user.direct:4:17: cylinders 4-5 of USER01 overlap ALICE's 191 (line 2)",
        ),
        (
            devices,
            "USER ALICE ALICE 512K\n MDISK 191 3350 9 2 USER01 W",
            "user.direct:2:19: cylinders 9 to 10 are not on the volume (USER01 has 10)",
        ),
        (
            devices,
            "USER ALICE ALICE 512K\n DEDICATE 19D 153",
            "user.direct:2:15: DEDICATE: there is no real disk at 153",
        ),
        (
            devices,
            "USER ALICE ALICE 512K\n DEDICATE 19D 150",
            "user.direct:2:15: 150 is the system residence volume (CPCMS1)",
        ),
        (
            devices,
            "USER ALICE ALICE 512K\n DEDICATE 19D 152\nUSER BOB BOB 512K\n DEDICATE 19D 152",
            "user.direct:4:15: 152 is dedicated to ALICE already (line 2)",
        ),
        (
            devices,
            "USER ALICE ALICE 512K\n MDISK 191 3350 1 2 USER01 W\n DEDICATE 19D 151",
            "user.direct:3:15: 151 holds ALICE's minidisk 191 (line 2)",
        ),
        (
            devices,
            "USER ALICE ALICE 512K\n DEDICATE 19D 151\n MDISK 191 3350 1 2 USER01 W",
            "user.direct:3:21: volume USER01 (151) is dedicated to ALICE (line 2)",
        ),
        (
            r#"machine: (devices: [
        (addr: "151", type: "3350", file: "user01.3350"),
        (addr: "151", type: "3350", file: "raw.3350"),
    ]),"#,
            "USER ALICE ALICE 512K",
            "s.ron:5:9: there is a disk at 151 already (s.ron:4:9)",
        ),
        (
            r#"machine: (devices: [(addr: "151", type: "3350", file: "user01.3350", volser: "USER02")]),"#,
            "USER ALICE ALICE 512K",
            "s.ron:3:82: user01.3350: its VOL1 label says USER01, not USER02",
        ),
        (
            r#"machine: (devices: [(addr: "151", type: "3330", file: "user01.3350")]),"#,
            "USER ALICE ALICE 512K",
            "s.ron:3:45: device type \"3330\": CP's real disks are 3350s",
        ),
        (
            r#"machine: (devices: [(addr: "051", type: "3350", file: "user01.3350")]),"#,
            "USER ALICE ALICE 512K",
            "s.ron:3:32: 051 is on channel 0",
        ),
    ];
    for (machine, direct, want) in cases {
        std::fs::write(dir.join("user.direct"), direct).unwrap();
        let path = dir.join("s.ron");
        std::fs::write(
            &path,
            format!(
                "Scenario(\n    title: \"x\",\n    {machine}\n    directory: \"user.direct\",\n    steps: [],\n)\n"
            ),
        )
        .unwrap();
        let e = Scenario::load(&path).unwrap_err().to_string();
        let base = format!("{}/", dir.display());
        let e = e.replace(&base, "");
        assert!(
            e.starts_with(want),
            "{direct:?}:\n  got  {e}\n  want {want}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
