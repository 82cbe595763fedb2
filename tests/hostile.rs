//! Hostile guests: can one virtual machine break out of its box?
//!
//! Every test here boots a whole system (CP, CMS, the 3350 system residence volume at
//! 150), logs users on through their terminals, and lets one of them (the attacker,
//! ALICE unless said otherwise) run a small S/370 program from `tests/hostile/*.asm`,
//! assembled by cpcms's own assembler, planted with CP's `STORE` command and started with
//! `STORE PSW`, exactly as a user at a terminal could. The program believes it is in
//! supervisor state; CP traps and emulates every SIO, TIO, LPSW, DIAGNOSE it issues. BOB
//! is the victim: he has done nothing wrong and must not notice the attacker. Afterwards
//! the harness checks, from outside:
//!
//! - (a) BOB gets his ready line (`R;`) for an empty line within a stated virtual time
//!   (IDLE_BOUND, 1 s, after an attack; ONE_ATTACKER_BOUND, 250 ms, and
//!   SEVEN_ATTACKERS_BOUND, 1 s, while attackers compete for the CPU);
//! - (b) CP's static storage is what the assembler made: every byte its machine
//!   instructions, its literal pools and SYSCONF (the directory with every password)
//!   assembled into (`static_ranges`); and every real frame of BOB's (found through his
//!   VMBLOK's DAT tables, VMTABLES and VMSIZE) is byte for byte what it was before the
//!   attack, and so are his DAT tables (BOB is idle meanwhile, and real storage is not
//!   short: a CP that pages would have no reason to touch his frames);
//! - (c) every track of the volume outside the attacker's own two cylinders is what it
//!   was before the attack;
//! - (d) the attacker's storage (outside its own program, which holds what it looks for)
//!   holds none of the texts it must not have: BOB's password, BOB's record on his
//!   minidisk, the volume label on cylinder 0 — and the program's own verdict, its
//!   disabled-wait code (X'600D' good, X'BADn' the attack got through), says the same;
//! - (e) CP still answers: `#CP QUERY TIME`, and CMS's ready line for BOB.
//!
//! The classes: channel programs on the 191 (`ccw_*`), CPU share (`cpu_*`), storage
//! (`storage_*`), privileged instructions (`privop_*`), terminal output (`terminal_*`),
//! property tests with random channel programs and random privileged instructions
//! generated inside the guest (`fuzz_*`), and a soak: seven attackers beside a victim for
//! minutes of virtual time, with the host's memory watched (`soak_*`). `harness_*` check
//! the harness itself.
//!
//! Every test failed on the CP before the isolation work (each doc comment says what that
//! CP did, under "Today", and what a correct CP does); those pass now. The random
//! privileged-instruction stream found more, in today's CP: each has a small program and
//! a test of its own, ignored ("CP bug: ...") until CP is fixed, and the stream steps round
//! it meanwhile (PRIVGEN's AVOID). The long soak fails today too (BOB is late one sample
//! in twenty). `cargo test --test hostile` runs them.
//! `CPCMS_HOSTILE_ROMS=DIR` runs the suite against the CP and CMS in DIR/cp and DIR/cms
//! without rebuilding.
//!
//! Time is virtual (the machine runs at 1 MIPS of virtual time, see `Machine`), so every
//! run is the same, byte for byte, on every host.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use cpcms::asm::{self, Assembly};
use cpcms::cpu::{TOD_PER_SECOND, TOD_PER_US};
use cpcms::devices::dasd::{HEADER, Model, parse_track};
use cpcms::machine::Status;
use cpcms::sysgen::{EMBEDDED, MDISK_CYLS, SysConfig, System, User, Volume, mdisk_cylinder};

const MS: u64 = 1000 * TOD_PER_US;
const SEC: u64 = TOD_PER_SECOND;
const K: u32 = 1024;

/// The victim's password: the text an attacker hunts for in CP's directory.
const BOB_PASSWORD: &str = "SWORDFSH";
/// What BOB writes on his minidisk (tests/hostile/bobmark.asm).
const BOB_RECORD: &str = "THE EAGLE LANDS AT MIDNIGHT";
/// The volume label's data (record 3 of cylinder 0, head 0).
const VOLUME_LABEL: &str = "VOL1CPCMS1";

/// How long the victim may wait for his ready line when nobody competes: the harness
/// asks this of every test (e).
const IDLE_BOUND: u64 = 1000 * MS;

// ---------------------------------------------------------------------------------------
// Guest programs
// ---------------------------------------------------------------------------------------

/// CP and CMS from CPCMS_HOSTILE_ROMS (a directory like roms/, e.g. a CP being
/// rewritten in another worktree) instead of the copies built into cpcms: the suite runs
/// against it without rebuilding.
fn roms_dir() -> Option<PathBuf> {
    std::env::var_os("CPCMS_HOSTILE_ROMS").map(PathBuf::from)
}

/// The sources CP was assembled from: (path under roms/, text).
fn rom_sources() -> Vec<(String, String)> {
    match roms_dir() {
        None => EMBEDDED
            .iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect(),
        Some(dir) => std::fs::read_dir(dir.join("cp"))
            .expect("CPCMS_HOSTILE_ROMS/cp")
            .filter_map(|e| {
                let path = e.ok()?.path();
                let name = path.file_name()?.to_str()?.to_ascii_lowercase();
                let text = std::fs::read_to_string(&path).ok()?;
                name.ends_with(".asm").then(|| (format!("cp/{name}"), text))
            })
            .collect(),
    }
}

fn hostile_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

/// Assemble tests/hostile/NAME.asm with cpcms's own assembler (COPY members such as GUEST
/// and DOIO come from the same directory).
fn program(name: &str) -> Assembly {
    let dir = hostile_dir();
    let read = |n: &str| -> Option<String> {
        let file = if n.ends_with(".asm") {
            n.to_string()
        } else {
            format!("{}.asm", n.to_ascii_lowercase())
        };
        std::fs::read_to_string(dir.join(file)).ok()
    };
    asm::assemble_with(&format!("{name}.asm"), &read, &asm::Options::default())
        .unwrap_or_else(|e| panic!("tests/hostile/{name}.asm:\n{}", e.join("\n")))
        .assembly
}

/// A program with some of its fields set by the test: (symbol, bytes).
fn patched(name: &str, patches: &[(&str, &[u8])]) -> Assembly {
    let mut a = program(name);
    for (sym, bytes) in patches {
        let at = a
            .symbols
            .get(*sym)
            .unwrap_or_else(|| panic!("{name}: no symbol {sym}"))
            .value;
        let off = (at - a.origin) as usize;
        a.image[off..off + bytes.len()].copy_from_slice(bytes);
    }
    a
}

fn ebcdic(s: &str) -> Vec<u8> {
    cpcms::ebcdic::encode(s)
}

// ---------------------------------------------------------------------------------------
// The rig: a booted system and its users at their terminals
// ---------------------------------------------------------------------------------------

/// One user of a test system: (userid, password, virtual storage).
type UserSpec<'a> = (&'a str, &'a str, u32);

/// The users most tests have: ALICE the attacker, BOB the victim.
const PAIR: &[UserSpec] = &[("ALICE", "ALICE", 256 * K), ("BOB", BOB_PASSWORD, 256 * K)];

struct Rig {
    sys: System,
    users: Vec<User>,
    /// Per terminal: where the next wait_for starts looking, as an absolute position in
    /// everything the terminal printed (a terminal keeps only the last 64 KiB of its
    /// output, and a long run prints far more).
    cursors: Vec<u64>,
    /// CP's static byte ranges (`static_ranges`), found once.
    ranges: Vec<(u32, u32, String)>,
    /// Per terminal: its machine is stopped by a program's disabled wait.
    stopped: Vec<bool>,
}

/// What the harness remembers from before an attack.
struct Snapshot {
    volume: Vec<u8>,
    frames: Frames,
}

/// The victims' storage, by userid.
type Frames = BTreeMap<String, Victim>;

/// A victim's storage before the attack.
struct Victim {
    /// (guest page address, real frame, its 4K) for every page that has a frame.
    pages: Vec<(u32, u32, Vec<u8>)>,
    /// The frame holding its segment and page tables, and their content.
    tables: u32,
    table_bytes: Vec<u8>,
}

impl Rig {
    /// Boot a system with `users` (user i at terminal i) and `real` bytes of storage.
    fn boot(users: &[UserSpec], real: u32) -> Rig {
        let users: Vec<User> = users
            .iter()
            .map(|(id, pw, st)| User {
                id: id.to_string(),
                password: pw.to_string(),
                storage: *st,
                classes: "G".into(),
                spool: cpcms::sysgen::DEFAULT_SPOOL,
            })
            .collect();
        Rig::boot_with(users, Vec::new(), Vec::new(), real)
    }

    /// Boot from a `USER DIRECT` text (user i at terminal i) and log on `logon`.
    fn with_directory(text: &str, real: u32, logon: &[&str]) -> Rig {
        Rig::with_volumes(text, Vec::new(), real, logon)
    }

    /// As `with_directory`, with real disks beside the system residence volume.
    fn with_volumes(text: &str, volumes: Vec<Volume>, real: u32, logon: &[&str]) -> Rig {
        let d = cpcms::sysgen::direct::parse_on(text, &volumes)
            .unwrap_or_else(|e| panic!("{}", e.at("dir")));
        let mut rig = Rig::boot_with(d.users, d.disks, volumes, real);
        for id in logon {
            let i = rig.user(id);
            rig.logon(i);
        }
        rig
    }

    fn boot_with(
        users: Vec<User>,
        disks: Vec<cpcms::sysgen::Disk>,
        volumes: Vec<Volume>,
        real: u32,
    ) -> Rig {
        let cfg = SysConfig {
            storage: real,
            mips: 1.0,
            tod_epoch: cpcms::scenario::units::parse_date(cpcms::scenario::DEFAULT_DATE)
                .expect("date"),
            terminals: users.len(),
            users: users.clone(),
            disks,
            storage_at: None,
            volumes,
        };
        let sys = System::boot(&cfg, roms_dir().as_deref()).expect("boot");
        let n = sys.terminals.len();
        let ranges = static_ranges(&sys);
        let mut rig = Rig {
            sys,
            users,
            cursors: vec![0; n],
            stopped: vec![false; n],
            ranges,
        };
        for t in 0..n {
            rig.wait_for(t, "VM/370 ONLINE", SEC).expect("greeting");
        }
        rig
    }

    /// Boot and log every user on.
    fn with_users(users: &[UserSpec], real: u32) -> Rig {
        let mut rig = Rig::boot(users, real);
        for i in 0..users.len() {
            rig.logon(i);
        }
        rig
    }

    fn user(&self, id: &str) -> usize {
        self.users
            .iter()
            .position(|u| u.id == id)
            .unwrap_or_else(|| panic!("no user {id}"))
    }

    fn now(&self) -> u64 {
        self.sys.machine.now()
    }

    /// What terminal `t` still keeps of its output (the last 64 KiB).
    fn transcript(&self, t: usize) -> &str {
        self.view(t).text
    }

    fn view(&self, t: usize) -> cpcms::devices::transcript::Transcript<'_> {
        self.sys
            .machine
            .transcript(self.sys.terminals[t])
            .unwrap_or_default()
    }

    /// Terminal `t`'s output from its cursor on.
    fn since_cursor(&self, t: usize) -> &str {
        self.view(t).since(self.cursors[t]).0
    }

    fn tail(&self, t: usize, n: usize) -> String {
        let lines: Vec<&str> = self.transcript(t).lines().collect();
        let from = lines.len().saturating_sub(n);
        lines[from..]
            .iter()
            .map(|l| format!("    {t}| {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Let virtual time pass. A real disabled wait or checkstop means CP itself died.
    fn run_for(&mut self, d: u64) -> Result<(), String> {
        let until = self.now() + d;
        self.run_until(until)
    }

    fn run_until(&mut self, t: u64) -> Result<(), String> {
        match self.sys.machine.run_until(t) {
            Status::DisabledWait(psw) => Err(format!(
                "the real machine stopped: CP is dead (disabled wait PSW {psw:016X}; {})",
                self.cp_death()
            )),
            Status::Checkstop => Err("the real machine checkstopped: CP is dead".into()),
            _ => Ok(()),
        }
    }

    /// What CP's last interruptions say (after CPABEND: the program or SVC old PSW of
    /// the interruption CP took in itself, and the source line it points past).
    fn cp_death(&self) -> String {
        let m = &self.sys.machine;
        let dw = |a: u32| u64::from_be_bytes(m.peek(a, 8).unwrap().try_into().unwrap());
        let where_ = |psw: u64| {
            let a = (psw & 0xFF_FFFF) as u32;
            self.sys
                .cp
                .lines
                .iter()
                .filter(|l| l.len > 0 && l.addr < a && a <= l.addr + l.len + 6)
                .min_by_key(|l| a - l.addr)
                .map_or(String::from("?"), |l| format!("{}:{}", l.file, l.line))
        };
        let (prg, svc) = (dw(0x28), dw(0x20));
        let regs: Vec<String> = (0..16)
            .map(|r| format!("{:08X}", self.word(self.sym("INTREGS") + 4 * r)))
            .collect();
        format!(
            "program old PSW {prg:016X} (after {}), code {:04X}, ILC {}, translation \
             address {:08X}; SVC old PSW {svc:016X}; CP working for VMBLOK {:06X}; \
             INTREGS {}",
            where_(prg),
            self.half(0x8E),
            m.peek(0x8D, 1).unwrap()[0],
            self.word(0x90),
            self.word(self.sym("CPFOR")),
            regs.join(" ")
        )
    }

    /// Type a line on terminal `t`; later waits look at what comes after it.
    fn type_line(&mut self, t: usize, text: &str) {
        self.sys
            .machine
            .type_line(self.sys.terminals[t], text)
            .expect("type");
        self.cursors[t] = self.cursors[t].max(self.view(t).end());
    }

    /// Run until terminal `t` shows `text` (after its cursor), at most `within`. Returns
    /// the virtual time it took; the cursor moves past the match.
    fn wait_for(&mut self, t: usize, text: &str, within: u64) -> Result<u64, String> {
        let start = self.now();
        let deadline = start + within;
        loop {
            let view = self.view(t);
            let rest = view.since(self.cursors[t]).0;
            if let Some(p) = rest.find(text) {
                self.cursors[t] = view.end() - (rest.len() - p - text.len()) as u64;
                return Ok(self.now() - start);
            }
            if self.now() >= deadline {
                return Err(format!(
                    "terminal {t} did not show {text:?} within {} ms; it last showed:\n{}",
                    within / MS,
                    self.tail(t, 8)
                ));
            }
            // Fine steps first (response times are measured to the millisecond), coarser
            // ones when the wait is long.
            let waited = self.now() - start;
            let grain = if waited < SEC {
                MS
            } else if waited < 10 * SEC {
                10 * MS
            } else {
                100 * MS
            };
            let step = (deadline - self.now()).min(grain);
            self.run_for(step)?;
        }
    }

    /// LOGON, wait for CMS, and see CMS ready for commands.
    fn logon(&mut self, i: usize) {
        self.try_logon(i).unwrap_or_else(|e| panic!("{e}"));
    }

    fn try_logon(&mut self, i: usize) -> Result<(), String> {
        let (id, pw) = (self.users[i].id.clone(), self.users[i].password.clone());
        self.type_line(i, &format!("LOGON {id} {pw}"));
        self.wait_for(i, "CMS VERSION", 10 * SEC)
            .map_err(|e| format!("LOGON {id}: {e}"))?;
        self.type_line(i, "");
        self.wait_for(i, "R;", 10 * SEC)
            .map_err(|e| format!("{id}'s CMS: {e}"))?;
        self.settle();
        Ok(())
    }

    /// The virtual PSW CP keeps for a user (VMPSW).
    fn vm_psw(&self, id: &str) -> u64 {
        let vm = self.vmblok(id).expect("logged on");
        let b = self.sys.machine.peek(vm + self.sym("VMPSW"), 8).unwrap();
        u64::from_be_bytes(b.try_into().unwrap())
    }

    /// Let a machine that just typed its ready line get to its next read.
    fn settle(&mut self) {
        self.run_for(200 * MS).expect("CP alive");
    }

    /// After a disabled wait (CP READ): IPL CMS again and see it ready.
    fn ipl_cms(&mut self, i: usize) -> Result<(), String> {
        self.type_line(i, "#CP IPL CMS");
        self.wait_for(i, "CMS VERSION", 10 * SEC)
            .map_err(|e| format!("IPL CMS: {e}"))?;
        self.type_line(i, "");
        self.wait_for(i, "R;", 10 * SEC)
            .map_err(|e| format!("CMS after IPL: {e}"))?;
        self.settle();
        Ok(())
    }

    /// Is the user's machine stopped (CP READ, after a disabled wait)?
    fn stopped(&self, id: &str) -> bool {
        self.vmblok(id)
            .is_some_and(|vm| self.sys.machine.peek(vm + self.sym("VMSTATE"), 1).unwrap()[0] == 4)
    }

    /// Plant `prog` in user `i`'s storage with CP's STORE command, 48 bytes a line.
    fn plant(&mut self, i: usize, prog: &Assembly) {
        for (n, chunk) in prog.image.chunks(48).enumerate() {
            let at = prog.origin + 48 * n as u32;
            let hex: String = chunk.iter().map(|b| format!("{b:02X}")).collect();
            self.type_line(i, &format!("#CP STORE S{at:06X} {hex}"));
            self.wait_for(i, "STORE COMPLETE", SEC)
                .unwrap_or_else(|e| panic!("STORE at {at:06X}: {e}"));
        }
    }

    /// Point user `i`'s PSW at `addr`: disabled, key 0, supervisor state. It runs at once.
    /// Start the machine at `addr`: its PSW, and BEGIN if an earlier program's disabled
    /// wait stopped it (a running machine takes the new PSW at once).
    fn start(&mut self, i: usize, addr: u32) {
        self.type_line(i, &format!("#CP STORE PSW 00000000 {addr:08X}"));
        if std::mem::take(&mut self.stopped[i]) {
            self.wait_for(i, "STORE COMPLETE", SEC)
                .unwrap_or_else(|e| panic!("{e}"));
            self.type_line(i, "#CP BEGIN");
        }
    }

    /// Plant and start a program; wait for its disabled wait and return the code.
    fn run_program(&mut self, i: usize, prog: &Assembly, within: u64) -> Result<u32, String> {
        self.plant(i, prog);
        self.start(i, prog.origin);
        self.wait_code(i, within)
    }

    /// Wait for "DISABLED WAIT PSW '00020000 0000xxxx'" and return the code.
    fn wait_code(&mut self, i: usize, within: u64) -> Result<u32, String> {
        let key = "DISABLED WAIT PSW '";
        self.wait_for(i, key, within)?;
        self.stopped[i] = true;
        let rest = self.since_cursor(i);
        let hex: String = rest.chars().filter(|c| *c != ' ').skip(8).take(8).collect();
        u32::from_str_radix(&hex, 16).map_err(|_| format!("cannot read the wait PSW: {rest:?}"))
    }

    /// Plant and start the fuzzer (user 0); wait for its disabled wait as long as its
    /// round counter (NROUNDS) moves: a stuck fuzzer, or a dead CP, is reported after 20
    /// virtual seconds without progress, not after a fixed time for all rounds.
    fn run_fuzzer(&mut self, prog: &Assembly) -> Result<u32, String> {
        self.plant(0, prog);
        self.start(0, prog.origin);
        let counter = prog.symbols["NROUNDS"].value;
        let id = self.users[0].id.clone();
        let start = self.now();
        let (mut last, mut since) = (u32::MAX, self.now());
        loop {
            match self.wait_code(0, 5 * SEC) {
                Ok(c) => {
                    eprintln!(
                        "the fuzzer ran {:.1} virtual seconds",
                        (self.now() - start) as f64 / SEC as f64
                    );
                    return Ok(c);
                }
                Err(e) if e.contains("the real machine") => return Err(e),
                Err(e) => {
                    let b = self.guest_bytes(&id, counter, 4);
                    let n = u32::from_be_bytes(b.try_into().unwrap());
                    if n != last {
                        (last, since) = (n, self.now());
                    } else if self.now() - since > 20 * SEC {
                        return Err(format!("no progress for 20 s after round {n}: {e}"));
                    }
                }
            }
        }
    }

    // ---- reading CP's tables, as a hardware monitor would ----

    fn sym(&self, name: &str) -> u32 {
        self.sys
            .cp
            .symbols
            .get(name)
            .unwrap_or_else(|| panic!("CP has no symbol {name}"))
            .value
    }

    fn word(&self, addr: u32) -> u32 {
        let b = self.sys.machine.peek(addr, 4).expect("real storage");
        u32::from_be_bytes([b[0], b[1], b[2], b[3]])
    }

    fn half(&self, addr: u32) -> u16 {
        let b = self.sys.machine.peek(addr, 2).expect("real storage");
        u16::from_be_bytes([b[0], b[1]])
    }

    /// The VMBLOK of a logged-on user.
    fn vmblok(&self, id: &str) -> Option<u32> {
        let (table, len, count) = (self.sym("VMTABLE"), self.sym("VMBLKLEN"), self.sym("NUMVM"));
        let (user, state) = (self.sym("VMUSER"), self.sym("VMSTATE"));
        let want = ebcdic(&format!("{id:<8}"));
        (0..count).map(|i| table + i * len).find(|&vm| {
            self.sys.machine.peek(vm + state, 1).expect("VMBLOK")[0] != 0
                && self.sys.machine.peek(vm + user, 8).expect("VMBLOK") == &want[..]
        })
    }

    /// A user's valid pages: (guest address, real frame), through the segment and page
    /// tables CP built for it (VMTABLES, VMSIZE); and the frame of the tables.
    fn pages(&self, id: &str) -> (Vec<(u32, u32)>, u32) {
        let vm = self
            .vmblok(id)
            .unwrap_or_else(|| panic!("{id} is not logged on"));
        let tables = self.word(vm + self.sym("VMTABLES"));
        let size = self.word(vm + self.sym("VMSIZE"));
        let mut out = Vec::new();
        for page in 0..size / 4096 {
            let ste = self.word(tables + (page >> 4) * 4);
            if ste & 1 != 0 {
                continue;
            }
            let pte = self.half((ste & 0x00FF_FFF8) + (page & 15) * 2);
            if pte & 0x0008 != 0 {
                continue;
            }
            out.push((page * 4096, ((pte & 0xFFF0) as u32) << 8));
        }
        (out, tables)
    }

    /// Bytes of a user's storage (pages without a frame read as zeros).
    fn guest_bytes(&self, id: &str, addr: u32, len: u32) -> Vec<u8> {
        let (pages, _) = self.pages(id);
        let map: BTreeMap<u32, u32> = pages.into_iter().collect();
        (addr..addr + len)
            .map(|a| match map.get(&(a & !0xFFF)) {
                Some(f) => self.sys.machine.peek(f + (a & 0xFFF), 1).expect("frame")[0],
                None => 0,
            })
            .collect()
    }

    // ---- the invariants ----

    /// Remember the volume and the victims' frames before an attack.
    fn snapshot(&self, victims: &[&str]) -> Snapshot {
        let volume = self.sys.sysres_image().expect("volume in memory").to_vec();
        Snapshot {
            volume,
            frames: self.frames_of(victims),
        }
    }

    /// Remember the victims' frames and DAT tables (each must be idle: VM READ or
    /// stopped).
    fn frames_of(&self, victims: &[&str]) -> Frames {
        let mut frames = BTreeMap::new();
        for v in victims {
            let vm = self.vmblok(v).expect("victim logged on");
            let state = self.sys.machine.peek(vm + self.sym("VMSTATE"), 1).unwrap()[0];
            assert!(
                state == 2 || state == 4,
                "{v} is not idle (VM READ or stopped) when the snapshot is taken: {state}"
            );
            let (pages, tables) = self.pages(v);
            let content = pages
                .iter()
                .map(|&(g, f)| (g, f, self.sys.machine.peek(f, 4096).unwrap().to_vec()))
                .collect();
            let t = self.sys.machine.peek(tables, 4096).unwrap().to_vec();
            frames.insert(
                v.to_string(),
                Victim {
                    pages: content,
                    tables,
                    table_bytes: t,
                },
            );
        }
        frames
    }

    /// (b) CP's code, literals and SYSCONF as assembled. (The CMS nucleus is not kept in
    /// real storage: IPL CMS reads it from cylinder 0, which (c) watches.)
    fn cp_static_damage(&self) -> Vec<String> {
        // Damaged bytes, merged into runs (a run may span source lines).
        let mut runs: Vec<(u32, u32, String)> = Vec::new();
        for (addr, len, what) in &self.ranges {
            let (addr, len) = (*addr, *len);
            let now = self.sys.machine.peek(addr, len).expect("CP storage");
            let want = &self.sys.cp.image[(addr - self.sys.cp.origin) as usize..][..len as usize];
            for (i, (a, b)) in now.iter().zip(want).enumerate() {
                if a == b {
                    continue;
                }
                let at = addr + i as u32;
                match runs.last_mut() {
                    Some(r) if at <= r.1 + 16 => r.1 = at,
                    _ => runs.push((at, at, what.to_string())),
                }
            }
        }
        runs.iter()
            .map(|(a, b, what)| {
                format!("CP's code/literals/SYSCONF changed at {a:06X}-{b:06X} (from {what})")
            })
            .collect()
    }

    /// (b) The victims' frames and DAT tables as they were.
    fn frame_damage(&self, snap: &Snapshot) -> Vec<String> {
        self.frames_changed(&snap.frames)
    }

    /// The victims' frames and DAT tables that differ from `frames`.
    fn frames_changed(&self, frames: &Frames) -> Vec<String> {
        let mut bad = Vec::new();
        for (v, victim) in frames {
            let tables = victim.tables;
            if self.sys.machine.peek(tables, 4096).unwrap() != &victim.table_bytes[..] {
                bad.push(format!(
                    "{v}'s DAT tables (frame {tables:06X}) were changed"
                ));
            }
            for (g, f, c) in &victim.pages {
                let now = self.sys.machine.peek(*f, 4096).unwrap();
                if now != &c[..] {
                    let off = now.iter().zip(c).position(|(a, b)| a != b).unwrap();
                    bad.push(format!(
                        "{v}'s page {g:06X} (real frame {f:06X}) was changed at +{off:03X}"
                    ));
                }
            }
        }
        bad
    }

    /// (c) Tracks outside `owner`'s minidisk that differ from the snapshot.
    fn volume_damage(&self, snap: &Snapshot, owner: &str) -> Vec<String> {
        self.volume_damage_outside(snap, &[owner])
    }

    /// (c) Tracks outside the minidisks of all `owners` that differ from the snapshot.
    fn volume_damage_outside(&self, snap: &Snapshot, owners: &[&str]) -> Vec<String> {
        let theirs: Vec<std::ops::Range<u16>> = owners
            .iter()
            .map(|o| {
                let first = mdisk_cylinder(self.user(o));
                first..first + MDISK_CYLS
            })
            .collect();
        let now = self.sys.sysres_image().expect("volume in memory");
        let model = Model::D3350;
        let ts = model.track_size();
        let heads = model.heads() as usize;
        let mut bad = Vec::new();
        let tracks = (now.len() - HEADER) / ts;
        for t in 0..tracks {
            let (cyl, head) = ((t / heads) as u16, (t % heads) as u16);
            if theirs.iter().any(|r| r.contains(&cyl)) {
                continue;
            }
            let at = HEADER + t * ts;
            if now[at..at + ts] != snap.volume[at..at + ts] {
                bad.push(format!(
                    "cylinder {cyl} head {head} of the volume was changed ({})",
                    self.whose(cyl)
                ));
            }
        }
        if now.len() != snap.volume.len() {
            bad.push("the volume changed size".into());
        }
        bad
    }

    fn whose(&self, cyl: u16) -> String {
        if cyl == 0 {
            return "IPL records, CP and the CMS nucleus".into();
        }
        let i = ((cyl - 1) / MDISK_CYLS) as usize;
        match self.users.get(i) {
            Some(u) => format!("{}'s minidisk", u.id),
            None => "nobody's".into(),
        }
    }

    /// (d) Texts `owner` must not have, found in its storage outside `skip` (the
    /// program's own image, which holds what it looks for).
    fn leaks(&self, owner: &str, skip: std::ops::Range<u32>, texts: &[&str]) -> Vec<String> {
        let (pages, _) = self.pages(owner);
        let mut bad = Vec::new();
        for text in texts {
            let pat = ebcdic(text);
            for &(g, f) in &pages {
                // A match may straddle two pages: look at this page and the next 64 bytes.
                let mut buf = self.sys.machine.peek(f, 4096).unwrap().to_vec();
                buf.extend(self.guest_bytes(owner, g + 4096, 64));
                for off in 0..4096usize {
                    let a = g + off as u32;
                    if skip.contains(&a) {
                        continue;
                    }
                    if buf[off..].starts_with(&pat) {
                        bad.push(format!("{owner} holds {text:?} at {a:06X}"));
                        break;
                    }
                }
            }
        }
        bad
    }

    /// (a) and (e): the victim at terminal `t` gets his ready line for an empty line
    /// within `bound`, and CP answers him. Returns the time the ready line took.
    fn victim_answers(&mut self, t: usize, bound: u64) -> Result<u64, String> {
        self.type_line(t, "#CP QUERY TIME");
        self.wait_for(t, "TIME IS", SEC)
            .map_err(|e| format!("CP does not answer #CP QUERY TIME: {e}"))?;
        self.response(t, bound)
    }

    /// Type an empty line at `t` and time CMS's ready line. Waits up to 30 s to say how
    /// long it took when it is late.
    fn response(&mut self, t: usize, bound: u64) -> Result<u64, String> {
        match self.response_time(t, bound.max(30 * SEC))? {
            d if d <= bound => Ok(d),
            d => Err(format!(
                "the ready line came after {} ms; the bound is {} ms",
                d / MS,
                bound / MS
            )),
        }
    }

    /// Type an empty line at `t`; the time CMS's ready line took, however long (up to
    /// `within`).
    fn response_time(&mut self, t: usize, within: u64) -> Result<u64, String> {
        self.type_line(t, "");
        self.wait_for(t, "R;", within)
            .map_err(|e| format!("no ready line: {e}"))
    }
}

/// The byte ranges of CP that must never change: what its machine instructions (and
/// the macros that expand into them: ENTER, LEAVE, CPMSG) and its literal pools
/// assembled into, and all of SYSCONF (terminals, directory, storage size). Found from
/// the assembler's line map and the source lines, so they follow any rewrite of CP.
fn static_ranges(sys: &System) -> Vec<(u32, u32, String)> {
    let roms = rom_sources();
    let sources: BTreeMap<&str, Vec<&str>> = roms
        .iter()
        .map(|(p, t)| (p.as_str(), t.lines().collect()))
        .collect();
    let macros: Vec<String> = roms
        .iter()
        .filter(|(p, t)| p.starts_with("cp/") && t.trim_start().starts_with("MACRO"))
        .map(|(p, _)| p[3..p.len() - 4].to_ascii_uppercase())
        .collect();
    let is_instruction = |op: &str| {
        cpcms::opcodes::by_mnemonic(op).is_some()
            || asm::EXTENDED_BRANCHES.iter().any(|(m, _)| *m == op)
            || op
                .strip_suffix('R')
                .is_some_and(|b| asm::EXTENDED_BRANCHES.iter().any(|(m, _)| *m == b))
            || macros.iter().any(|m| m == op)
            || op == "LTORG"
    };
    let mut out = Vec::new();
    for l in &sys.cp.lines {
        let keep = if l.file.starts_with("SYSCONF") || l.file.starts_with("SYSDIR") {
            true
        } else {
            let name = l.file.rsplit('/').next().unwrap_or(&l.file);
            let key = format!("cp/{name}");
            match sources
                .get(key.as_str())
                .and_then(|s| s.get(l.line as usize - 1))
            {
                Some(text) => {
                    let mut f = text.split_whitespace();
                    let op = if text.starts_with(' ') {
                        f.next()
                    } else {
                        f.nth(1)
                    };
                    op.is_some_and(is_instruction)
                }
                // END's literal pool, or a line we cannot see: not checked.
                None => false,
            }
        };
        if keep {
            out.push((l.addr, l.len, format!("{}:{}", l.file, l.line)));
        }
    }
    out
}

/// Check everything, collect every violation, panic with all of them.
fn verdict(problems: Vec<String>) {
    const SHOWN: usize = 40;
    let mut list = problems.iter().take(SHOWN).cloned().collect::<Vec<_>>();
    if problems.len() > SHOWN {
        list.push(format!("... and {} more", problems.len() - SHOWN));
    }
    assert!(
        problems.is_empty(),
        "\n{} problem(s):\n  - {}\n",
        problems.len(),
        list.join("\n  - ")
    );
}

/// The common ending of a channel-program attack by ALICE on BOB: (b) (c) (d) (e), and
/// the program's own verdict `code` (X'600D' means it found nothing).
fn after_attack(
    rig: &mut Rig,
    snap: &Snapshot,
    prog: &Assembly,
    code: Result<u32, String>,
) -> Vec<String> {
    let mut p = Vec::new();
    match code {
        Ok(0x600D) => {}
        Ok(c) if c & 0xFFF0 == 0xBAD0 => p.push(format!(
            "ALICE's program says the attack got through (wait code {c:04X})"
        )),
        Ok(c) => p.push(format!(
            "ALICE's program ended with wait code {c:04X}, not 600D:\n{}",
            rig.tail(0, 8)
        )),
        Err(e) => p.push(format!("ALICE's program did not end: {e}")),
    }
    p.extend(rig.cp_static_damage());
    p.extend(rig.frame_damage(snap));
    p.extend(rig.volume_damage(snap, "ALICE"));
    let end = prog.origin + prog.image.len() as u32;
    p.extend(rig.leaks(
        "ALICE",
        prog.origin..end,
        &[BOB_PASSWORD, BOB_RECORD, VOLUME_LABEL],
    ));
    let bob = rig.user("BOB");
    if rig.stopped("BOB")
        && let Err(e) = rig.ipl_cms(bob)
    {
        p.push(format!("BOB: {e}"));
    }
    if let Err(e) = rig.victim_answers(bob, IDLE_BOUND) {
        p.push(format!("BOB: {e}"));
    }
    p
}

/// The head of cylinder 0 whose R1 is CP's first page (the PSA and SYSCONF, with the
/// directory): found on the volume, as anyone could find it.
fn cp_head(rig: &Rig) -> u16 {
    let img = rig.sys.sysres_image().expect("volume");
    let model = Model::D3350;
    let ts = model.track_size();
    (0..model.heads())
        .find(|&h| {
            let at = HEADER + h as usize * ts;
            parse_track(&img[at..at + ts], 0, h)
                .ok()
                .and_then(|t| {
                    t.records
                        .get(1)
                        .map(|r| r.data.starts_with(&rig.sys.cp.image[..64]))
                })
                .unwrap_or(false)
        })
        .expect("CP's first page on cylinder 0")
}

/// ALICE runs `name` (with `patches`) against an idle BOB; every invariant is checked.
fn channel_attack(name: &str, patches: &[(&str, &[u8])]) {
    attack(name, patches, 60 * SEC);
}

/// As `channel_attack`, waiting `within` for ALICE's program to end.
fn attack(name: &str, patches: &[(&str, &[u8])], within: u64) {
    let mut rig = Rig::with_users(PAIR, 2 << 20);
    let snap = rig.snapshot(&["BOB"]);
    let prog = patched(name, patches);
    let code = rig.run_program(0, &prog, within);
    let p = after_attack(&mut rig, &snap, &prog, code);
    verdict(p);
}

// ---------------------------------------------------------------------------------------
// The harness itself
// ---------------------------------------------------------------------------------------

/// The harness against a session that does nothing wrong: BOB writes his record, ALICE
/// runs CMS commands and her own minidisk I/O (tests/minidisk's hello191 pattern); every
/// invariant holds. If this fails, the harness is wrong, not CP.
#[test]
fn harness_benign_session_keeps_every_invariant() {
    let mut rig = Rig::with_users(PAIR, 2 << 20);
    let bob = rig.user("BOB");
    assert_eq!(
        rig.run_program(bob, &program("bobmark"), 10 * SEC),
        Ok(0x600D)
    );
    rig.ipl_cms(bob).unwrap();
    let snap = rig.snapshot(&["BOB"]);
    assert!(!static_ranges(&rig.sys).is_empty());
    rig.type_line(0, "CP QUERY NAMES");
    rig.wait_for(0, "R;", SEC).unwrap();
    rig.type_line(0, "#CP QUERY VIRTUAL");
    rig.wait_for(0, "DASD 191", SEC).unwrap();
    let prog = program("benign");
    let code = rig.run_program(0, &prog, 10 * SEC);
    verdict(after_attack(&mut rig, &snap, &prog, code));
}

/// ALICE's minidisk I/O lands on her cylinders: the harness sees the change there and
/// nowhere else, and sees BOB's record on his.
#[test]
fn harness_sees_where_records_land() {
    let mut rig = Rig::with_users(PAIR, 2 << 20);
    let before = rig.snapshot(&[]);
    assert_eq!(
        rig.run_program(1, &program("bobmark"), 10 * SEC),
        Ok(0x600D)
    );
    let changed = rig.volume_damage(&before, "ALICE");
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].contains("cylinder 3 head 0") && changed[0].contains("BOB"));
    let img = rig.sys.sysres_image().unwrap();
    let ts = Model::D3350.track_size();
    let at = HEADER + 3 * Model::D3350.heads() as usize * ts;
    let t = parse_track(&img[at..at + ts], 3, 0).unwrap();
    assert_eq!(t.records.len(), 2);
    assert_eq!(&t.records[1].count, &[0, 3, 0, 0, 1, 0, 0, 80]);
    assert!(cpcms::ebcdic::decode(&t.records[1].data).contains(BOB_RECORD));
}

/// The checks see damage when there is some: a byte of the directory, a byte of one of
/// BOB's frames, a byte of cylinder 0 (through a real channel program on the side) and a
/// password planted in ALICE's storage.
#[test]
fn harness_sees_damage() {
    let mut rig = Rig::with_users(PAIR, 2 << 20);
    let snap = rig.snapshot(&["BOB"]);
    let ranges = static_ranges(&rig.sys);
    let dir = rig.sym("DIRECTRY");
    assert!(ranges.iter().any(|&(a, l, _)| (a..a + l).contains(&dir)));
    assert!(ranges.iter().map(|r| r.1).sum::<u32>() > 8 * 1024);
    assert!(rig.cp_static_damage().is_empty());
    rig.sys.machine.load(dir + 8, &[0x40]).unwrap();
    assert_eq!(rig.cp_static_damage().len(), 1);
    let (pages, _) = rig.pages("BOB");
    rig.sys.machine.load(pages[0].1 + 0x300, &[0xEE]).unwrap();
    assert_eq!(rig.frame_damage(&snap).len(), 1);
    let (apages, _) = rig.pages("ALICE");
    let f = apages.iter().find(|p| p.0 == 0x20000).map(|p| p.1);
    assert!(f.is_none(), "ALICE has not touched X'20000' yet");
    rig.sys
        .machine
        .load(apages[1].1 + 0x10, &ebcdic(BOB_PASSWORD))
        .unwrap();
    assert_eq!(rig.leaks("ALICE", 0..0, &[BOB_PASSWORD]).len(), 1);
}

/// Every program in tests/hostile assembles and has a test (COPY members - the files
/// without a START - are used by the programs).
#[test]
fn harness_every_program_assembles_and_is_used() {
    let here = include_str!("hostile.rs");
    let mut n = 0;
    for e in std::fs::read_dir(hostile_dir()).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_none_or(|x| x != "asm") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        if !text
            .lines()
            .any(|l| l.split_whitespace().nth(1) == Some("START"))
        {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let prog = program(&name);
        assert!(!prog.image.is_empty(), "{name}");
        assert!(
            here.contains(&format!("\"{name}\"")),
            "tests/hostile/{name}.asm has no test"
        );
        n += 1;
    }
    assert!(n >= 20);
}

// ---------------------------------------------------------------------------------------
// Channel programs on the 191
// ---------------------------------------------------------------------------------------

/// A data-chained CCW whose own command byte is X'03' (tests/hostile/chain03.asm).
///
/// The channel ignores the command byte of a data-chained CCW: it only continues the
/// data area of the operation in progress. ALICE writes a record with WRITE DATA (8
/// bytes, chain data) followed by an "X'03'" CCW for 4088 bytes at address 0, then
/// reads the record back.
///
/// Today: CCWTRANS takes the X'03' for a NO-OP and leaves its data address alone, a
/// real address; the channel writes real page 0 — CP's PSA and the directory with every
/// password — onto ALICE's minidisk, and she reads BOB's password back (wait code
/// BAD1, and the harness finds "SWORDFSH" in her buffer).
///
/// A correct CP translates every data-chained CCW as part of the operation it continues
/// (here output from guest storage: ALICE's own page 0), or refuses the program with a
/// program check; either way every byte the channel moves is ALICE's.
#[test]
fn ccw_data_chained_noop_uses_real_address() {
    channel_attack("chain03", &[]);
}

/// A SEEK argument split across data-chained CCWs, 2 + 4 bytes
/// (tests/hostile/splitseek.asm): BB from the SEEK, CC HH from a data-chained CCW whose
/// command byte (X'06') the channel ignores.
///
/// Today: CCWTRANS relocates the cylinder in a 6-byte copy of the SEEK CCW's own
/// argument, of which the channel reads only 2 bytes, and translates the second CCW as a
/// READ into guest storage: the device gets ALICE's CC HH unrelocated and seeks real
/// cylinder 0. ALICE reads R1 of every head there and finds CP's first page, with the
/// directory: BOB's password (wait code BAD1, "SWORDFSH" in her buffer).
///
/// A correct CP relocates the argument the channel actually uses (assembling it from
/// the data chain) or refuses a split argument: the seek lands on ALICE's own
/// cylinder 0, or nowhere.
#[test]
fn ccw_seek_argument_split_by_data_chaining() {
    channel_attack("splitseek", &[]);
}

/// A SEARCH ID argument split across data-chained CCWs, 1 + 4 bytes, with the access arm
/// where the LOGONs left it (tests/hostile/splitsrch.asm).
///
/// Today: after IPL CMS (at LOGON) the arm is on real cylinder 0. The channel gets the
/// first byte of CP's relocated copy (X'00') and four bytes of ALICE's own (cylinder low
/// byte, head, record), so a multi-track SEARCH ID EQUAL finds R1 of CP's first page
/// (on head CPHEAD, set by the test); ALICE reads it (BOB's password: BAD1) and then
/// overwrites it with zeros (cylinder 0 changed: the CP the next IPL would load).
///
/// A correct CP relocates the argument the channel uses, or refuses it; and it puts the
/// arm on ALICE's minidisk before her program runs (see `ccw_no_seek_...`). The search
/// then finds nothing: nothing is read, nothing written.
#[test]
fn ccw_search_argument_split_by_data_chaining() {
    let mut rig = Rig::with_users(PAIR, 2 << 20);
    let head = cp_head(&rig).to_be_bytes();
    let snap = rig.snapshot(&["BOB"]);
    let prog = patched("splitsrch", &[("CPHEAD", &head)]);
    let code = rig.run_program(0, &prog, 60 * SEC);
    verdict(after_attack(&mut rig, &snap, &prog, code));
}

/// RECALIBRATE (X'13'), then SEARCH KEY EQUAL 'VOL1', READ DATA and WRITE DATA
/// (tests/hostile/recal.asm).
///
/// Today: CCWTRANS knows SEEK, SEEK CYLINDER, SEEK HEAD and SEARCH ID as positioning
/// commands; RECALIBRATE passes as if it moved data, and takes the arm to real
/// cylinder 0 head 0. A key search needs no cylinder number: ALICE reads the volume
/// label (BAD1, "VOL1CPCMS1" in her buffer) and overwrites it (cylinder 0 head 0
/// changed).
///
/// A correct CP makes RECALIBRATE a seek to the minidisk's cylinder 0, head 0 (which
/// has no keyed record: the search ends in "no record found") or refuses it.
#[test]
fn ccw_recalibrate_goes_to_real_cylinder_zero() {
    channel_attack("recal", &[]);
}

/// READ IPL (X'02') and the records chained after it (tests/hostile/readipl.asm).
///
/// Today: READ IPL passes as a plain read; the device seeks real cylinder 0 head 0 by
/// itself: ALICE reads CP's IPL record (its IPL PSW and loader CCWs), the loader and the
/// volume label (BAD1, "VOL1CPCMS1" in her buffer).
///
/// A correct CP makes READ IPL read the minidisk's own cylinder 0 head 0 (a virtual
/// machine's own IPL record), or refuses it.
#[test]
fn ccw_read_ipl_reads_the_real_ipl_record() {
    channel_attack("readipl", &[]);
}

/// SEEK HEAD (X'1B') alone, on every head (tests/hostile/seekhead.asm).
///
/// Today: CCWTRANS relocates the CC of SEEK HEAD's argument like a SEEK's, but the device
/// takes only HH and stays on its current cylinder: real cylinder 0, where the LOGONs'
/// IPL CMS left the arm. ALICE reads R1 of every track of cylinder 0 and finds CP's
/// first page: BOB's password (BAD1).
///
/// A correct CP keeps SEEK HEAD on the guest's cylinder (a full SEEK to the guest's
/// current relocated cylinder, or a refusal unless a SEEK in the same program set it).
#[test]
fn ccw_seek_head_stays_on_the_arms_cylinder() {
    channel_attack("seekhead", &[]);
}

/// A channel program with no SEEK, right after BOB's I/O (tests/hostile/noseek.asm,
/// after tests/hostile/bobmark.asm ran in BOB's machine).
///
/// Today: the arm is where BOB's program left it, on BOB's cylinder; ALICE's READ R0 /
/// READ CKD has nothing to relocate and reads BOB's record (BAD1, "THE EAGLE LANDS AT
/// MIDNIGHT" in her buffer).
///
/// A correct CP positions the arm on ALICE's minidisk before her program (at her last
/// seek address, or her cylinder 0) or refuses a program that does not begin with a
/// SEEK.
#[test]
fn ccw_no_seek_reads_where_the_last_user_left_the_arm() {
    let mut rig = Rig::with_users(PAIR, 2 << 20);
    let bob = rig.user("BOB");
    assert_eq!(
        rig.run_program(bob, &program("bobmark"), 10 * SEC),
        Ok(0x600D)
    );
    let snap = rig.snapshot(&["BOB"]);
    let prog = program("noseek");
    let code = rig.run_program(0, &prog, 60 * SEC);
    verdict(after_attack(&mut rig, &snap, &prog, code));
}

/// A SEEK to a head the disk does not have, then BOB's I/O, then twice a program whose
/// only seek is SEEK HEAD (tests/hostile/badhead.asm, bobmark.asm, headread.asm).
///
/// Found by the long fuzz run (CAROL's reader): CP took the refused head for where
/// ALICE's arm was; its own SEEK in front of her next program was refused too, yet it
/// counted the arm as hers, so her program after that ran on BOB's cylinder (BAD1).
/// A correct CP keeps only seeks the disk can do, and owns the arm only once its SEEK
/// has run.
#[test]
fn ccw_refused_seek_then_no_seek() {
    let mut rig = Rig::with_users(PAIR, 2 << 20);
    assert_eq!(
        rig.run_program(0, &program("badhead"), 10 * SEC),
        Ok(0x600D)
    );
    let bob = rig.user("BOB");
    assert_eq!(
        rig.run_program(bob, &program("bobmark"), 10 * SEC),
        Ok(0x600D)
    );
    let snap = rig.snapshot(&["BOB"]);
    let prog = program("headread");
    // The first: CP's SEEK in front of it is where the refused head would show; the
    // second: where the arm would still be on BOB's cylinder. (No victim check between
    // them: it would IPL BOB's CMS, and CP's own reading would move the arm.)
    let first = rig.run_program(0, &prog, 60 * SEC);
    assert_eq!(first, Ok(0x600D), "the first HEADREAD");
    let code = rig.run_program(0, &prog, 60 * SEC);
    verdict(after_attack(&mut rig, &snap, &prog, code));
}

/// More than one TIC in a channel program (tests/hostile/tic2.asm): SEEK, TIC to the
/// search, SEARCH ID, TIC back to it, TIC to the read, READ DATA.
///
/// Found by the long fuzz run (seed 5EED0002, round 219,034, CP dead): CCWTRANS counted
/// its TICs with `LA R0,1(R0)` - R0 as a base is no register, so the count stayed 1 and
/// every TIC after the first went to the real channel with the guest's address, run as
/// a real one: the channel ran whatever CCWs lay in that real storage (here it cleared
/// CP's page 0). A correct CP resolves every TIC: the program reads ALICE's record as
/// the plain SEEK, SEARCH, TIC, READ does.
#[test]
fn ccw_second_tic_points_at_cps_copy() {
    channel_attack("tic2", &[]);
}

/// The 191 while its channel program runs (tests/hostile/busy191.asm): CP runs a guest's
/// disk program while the guest runs on, so the guest can look at its busy disk. SIO and
/// TIO give CC 2, HIO CC 1 and the interruption that follows names one of the guest's
/// own CCWs; then TIO finds the disk idle, a plain read ends cleanly, and an endless
/// program left alone is halted by CP's watchdog with a program check at the guest's CCW.
#[test]
fn ccw_busy_disk_looks_like_a_real_channel() {
    channel_attack("busy191", &[]);
}

/// LOGOFF and IPL while disk programs run or wait their turn (tests/hostile/ioloop.asm).
///
/// ALICE and CAROL each start long disk programs (about 67 ms each) on the same real
/// disk, one after another, so at any moment one runs and the other waits in the queue;
/// ALICE's read a record of hers (an inverted marker no program image holds) into her
/// frames. Four times, at different moments, ALICE logs off and on again and CAROL
/// re-IPLs CMS; CP must cancel their requests - the running one halted - before ALICE's
/// frames go back, so the record never shows up in anyone's storage afterwards (DAVE
/// takes new frames just as ALICE logs off, tests/hostile/toucher.asm), both
/// get working machines (ready lines), BOB's frames and every track outside ALICE's
/// minidisk stay as they were, and BOB is answered.
#[test]
fn io_logoff_and_ipl_while_programs_run_or_wait() {
    let users = [
        ("ALICE", "ALICE", 256 * K),
        ("BOB", BOB_PASSWORD, 256 * K),
        ("CAROL", "CAROL", 256 * K),
        ("DAVE", "DAVE", 1024 * K),
    ];
    let mut rig = Rig::with_users(&users, 4 << 20);
    let snap = rig.snapshot(&["BOB"]);
    let prog = program("ioloop");
    let toucher = program("toucher");
    let dave = rig.user("DAVE");
    rig.plant(dave, &toucher);
    let quiet = patched("ioloop", &[("WRITEIT", &[0; 4])]);
    let marker: Vec<u8> = ebcdic(&format!("{:<80}", "IOLOOP MARKER: WHOSE FRAME IS THIS?"))
        .iter()
        .map(|b| !b)
        .collect();
    let (alice, carol) = (rig.user("ALICE"), rig.user("CAROL"));
    let loops = prog.symbols["NLOOPS"].value;
    let count =
        |rig: &Rig, id: &str| u32::from_be_bytes(rig.guest_bytes(id, loops, 4).try_into().unwrap());
    let mut p = Vec::new();
    for round in 0..4u64 {
        rig.plant(alice, &prog);
        rig.start(alice, prog.origin);
        rig.plant(carol, &quiet);
        rig.start(carol, quiet.origin);
        rig.run_for((400 + 23 * round) * MS).expect("CP alive");
        let (a, c) = (count(&rig, "ALICE"), count(&rig, "CAROL"));
        if a == 0 || c == 0 {
            p.push(format!(
                "round {round}: the disk programs did not run (ALICE {a}, CAROL {c})"
            ));
        }
        let mem = rig.guest_bytes("ALICE", 0, 256 * K);
        if !mem.windows(marker.len()).any(|w| w == marker) {
            p.push(format!(
                "round {round}: the harness finds no record in ALICE's storage"
            ));
        }
        rig.type_line(alice, "#CP LOGOFF");
        rig.start(dave, toucher.origin);
        if let Err(e) = rig.wait_for(alice, "LOGOFF AT", SEC) {
            p.push(format!("round {round}: ALICE's LOGOFF: {e}"));
            break;
        }
        if let Err(e) = rig.ipl_cms(carol) {
            p.push(format!("round {round}: CAROL: {e}"));
            break;
        }
        if let Err(e) = rig.try_logon(alice) {
            p.push(format!("round {round}: {e}"));
            break;
        }
        rig.run_for(300 * MS).expect("CP alive");
        if let Err(e) = rig.wait_code(dave, SEC) {
            p.push(format!("round {round}: DAVE's pages: {e}"));
        }
        for (id, size) in [("ALICE", 256), ("BOB", 256), ("CAROL", 256), ("DAVE", 1024)] {
            let mem = rig.guest_bytes(id, 0, size * K);
            if let Some(at) = mem.windows(marker.len()).position(|w| w == marker) {
                p.push(format!(
                    "round {round}: ALICE's record read into {id}'s storage at {at:06X} \
                     after she logged off"
                ));
            }
        }
    }
    p.extend(rig.cp_static_damage());
    p.extend(rig.frame_damage(&snap));
    p.extend(rig.volume_damage(&snap, "ALICE"));
    let bob = rig.user("BOB");
    if let Err(e) = rig.victim_answers(bob, IDLE_BOUND) {
        p.push(format!("BOB: {e}"));
    }
    verdict(p);
}

/// DETACH of a minidisk while its channel programs run or wait (tests/hostile/ioloop.asm,
/// endless 50 ms programs on ALICE's 191, and CAROL's on hers, on the same real disk):
/// CP halts ALICE's running program and takes her waiting ones out of the queue
/// (IOSCANDV) before the slot is cleared, so nothing ends later into the slot (empty
/// after DETACH, or the next LINK's). ALICE's 191 is then not there (her next SIO: CC 3,
/// the loop stops counting), CAROL's disk goes on, CP is whole, BOB answers.
#[test]
fn detach_while_the_disk_works() {
    let users = [
        ("ALICE", "ALICE", 256 * K),
        ("BOB", BOB_PASSWORD, 256 * K),
        ("CAROL", "CAROL", 256 * K),
    ];
    let mut rig = Rig::with_users(&users, 4 << 20);
    let snap = rig.snapshot(&["BOB"]);
    let prog = program("ioloop");
    let quiet = patched("ioloop", &[("WRITEIT", &[0; 4])]);
    let (alice, carol) = (rig.user("ALICE"), rig.user("CAROL"));
    let loops = prog.symbols["NLOOPS"].value;
    let count =
        |rig: &Rig, id: &str| u32::from_be_bytes(rig.guest_bytes(id, loops, 4).try_into().unwrap());
    let mut p = Vec::new();
    rig.plant(alice, &prog);
    rig.start(alice, prog.origin);
    rig.plant(carol, &quiet);
    rig.start(carol, quiet.origin);
    rig.run_for(300 * MS).expect("CP alive");
    if count(&rig, "ALICE") == 0 || count(&rig, "CAROL") == 0 {
        p.push("the disk programs did not run".to_string());
    }
    // Her 191's slot in her VMBLOK (VMVDEVS): after DETACH it must stay empty.
    let vm = rig.vmblok("ALICE").expect("ALICE's VMBLOK");
    let (slots, len) = (rig.sym("VMVDEVS"), rig.sym("VDEVLEN"));
    let slot = (0..rig.sym("VMNVDEV"))
        .map(|i| vm + slots + i * len)
        .find(|&a| rig.half(a) == 0x191)
        .expect("ALICE's 191 slot");
    rig.type_line(alice, "#CP DETACH 191");
    if let Err(e) = rig.wait_for(alice, "DASD 191 DETACHED", SEC) {
        p.push(format!("ALICE's DETACH: {e}"));
    }
    rig.run_for(100 * MS).expect("CP alive");
    let left = rig.sys.machine.peek(slot, len).expect("VMBLOK").to_vec();
    if left.iter().any(|&b| b != 0) {
        p.push(format!(
            "ALICE's detached 191 slot is not empty 100 ms later (a program of it ended \
             into it): {left:02X?}"
        ));
    }
    let (a0, c0) = (count(&rig, "ALICE"), count(&rig, "CAROL"));
    rig.run_for(500 * MS).expect("CP alive");
    let (a1, c1) = (count(&rig, "ALICE"), count(&rig, "CAROL"));
    if a1 != a0 {
        p.push(format!("ALICE's loop went on after DETACH ({a0} -> {a1})"));
    }
    if c1 <= c0 {
        p.push(format!(
            "CAROL's disk stopped after ALICE's DETACH ({c0} -> {c1})"
        ));
    }
    p.extend(rig.cp_static_damage());
    p.extend(rig.frame_damage(&snap));
    let bob = rig.user("BOB");
    if let Err(e) = rig.victim_answers(bob, IDLE_BOUND) {
        p.push(format!("BOB: {e}"));
    }
    verdict(p);
}

/// READ HOME ADDRESS (X'1A') and WRITE R0 (X'15') (tests/hostile/readha.asm).
///
/// Today: both pass as plain data transfers. READ HA after a SEEK to ALICE's cylinder 0
/// shows her the real cylinder (00 0001 0000: BAD1), and WRITE R0 writes a count field
/// naming cylinder 0 onto her real cylinder 1, head 0: the track's R0 no longer names
/// its own cylinder.
///
/// A correct CP refuses both on a minidisk, or keeps the illusion both ways: READ HA
/// shows the virtual cylinder, WRITE R0's count field is relocated like WRITE CKD's.
/// Either way the R0 of ALICE's real track names that track.
#[test]
fn ccw_read_home_address_and_write_r0() {
    let mut rig = Rig::with_users(PAIR, 2 << 20);
    let snap = rig.snapshot(&["BOB"]);
    let prog = program("readha");
    let code = rig.run_program(0, &prog, 60 * SEC);
    let mut p = after_attack(&mut rig, &snap, &prog, code);
    let cyl = mdisk_cylinder(rig.user("ALICE"));
    let img = rig.sys.sysres_image().unwrap();
    let ts = Model::D3350.track_size();
    let at = HEADER + cyl as usize * Model::D3350.heads() as usize * ts;
    match parse_track(&img[at..at + ts], cyl, 0) {
        Ok(t) => {
            let c = cyl.to_be_bytes();
            if let Some(r0) = t.records.first()
                && r0.count[..5] != [c[0], c[1], 0, 0, 0]
            {
                p.push(format!(
                    "R0 of ALICE's real cylinder {cyl} head 0 has the count field {:02X?}: \
                     it does not name its own track",
                    r0.count
                ));
            }
        }
        Err(e) => p.push(format!("ALICE's first track is damaged: {e}")),
    }
    verdict(p);
}

/// A status-modifier skip past the end of what CP copied (tests/hostile/skip.asm).
///
/// Today: a program CP refuses half-way (four NO-OPs, then WRITE DATA of 9000 bytes from
/// 0: too long for its IDAW lists) leaves that fifth CCW copied raw in CP's buffer
/// (RCW). Then SEEK / READ R0 / SEARCH ID EQUAL R1 / NO-OP: the search succeeds, the
/// channel skips the NO-OP and runs the stale raw WRITE DATA, whose address is real: ALICE's R1 gets
/// real page 0 with the directory (BAD1, "SWORDFSH" in her buffer).
///
/// A correct CP translates the CCW a successful search skips to as well (or ends its
/// copy with something harmless), and never leaves a guest's raw CCW where the channel
/// can reach it.
#[test]
fn ccw_status_modifier_skips_past_the_copy() {
    channel_attack("skip", &[]);
}

/// The IDA flag (X'04') set by the guest on a SEEK (tests/hostile/ida.asm).
///
/// Today: CCWTRANS points the SEEK at its relocated copy of the argument but keeps the
/// guest's flags, so the channel reads the copy's first four bytes (BB and the relocated
/// CC) as an IDAW: the seek argument comes from real address X'00bb0001', for any bb the
/// guest picks. ALICE wrote 00 0000 0000 at offset 1 of all her pages; where one of
/// them sits on a 64K boundary of real storage the seek goes to real cylinder 0, and she
/// reads the volume label (BAD1, "VOL1CPCMS1" in her buffer).
///
/// A correct CP never lets a guest's flag make the channel take CP's data for IDAWs: it
/// ignores or refuses IDA where it supplies the data, and translates the guest's own
/// IDAWs where the guest does.
#[test]
fn ccw_guest_ida_flag_on_a_seek() {
    channel_attack("ida", &[]);
}

/// Large counts on SEEK and SEARCH ID arguments, and arguments in the last bytes of
/// storage (tests/hostile/bigseek.asm).
///
/// Today: passes. CCWTRANS copies a fixed 6 (SEEK) or 5 (SEARCH ID) bytes whatever the
/// count, and the device uses no more. Kept as a guard for a CP that would copy (or
/// check) by the CCW's count: it must neither overrun its copy nor refuse an argument
/// that fits in storage; nothing outside ALICE's storage and minidisk may change.
#[test]
fn ccw_large_count_on_seek_and_search_arguments() {
    channel_attack("bigseek", &[]);
}

// ---------------------------------------------------------------------------------------
// CPU share
// ---------------------------------------------------------------------------------------

/// Attackers, in the order they get the programs of a CPU-share test.
const ATTACKERS: [&str; 7] = ["ALICE", "CAROL", "DAVE", "ERIN", "FRANK", "GRACE", "HEIDI"];

/// Attacker i runs `progs[i]` (all of them at once, for a second), then BOB types an
/// empty line three times, a little apart (so that his line comes at different points
/// of the attackers' slices): the longest wait for his ready line, or why there was
/// none. Also checks (e): CP answers BOB.
fn share(progs: &[&str], bound: u64) -> (Rig, Result<u64, String>) {
    let mut users: Vec<UserSpec> = progs
        .iter()
        .enumerate()
        .map(|(i, _)| (ATTACKERS[i], ATTACKERS[i], 256 * K))
        .collect();
    users.push(("BOB", BOB_PASSWORD, 256 * K));
    let mut rig = Rig::with_users(&users, 4 << 20);
    let progs: Vec<Assembly> = progs.iter().map(|p| program(p)).collect();
    for (i, p) in progs.iter().enumerate() {
        rig.plant(i, p);
    }
    for (i, p) in progs.iter().enumerate() {
        rig.start(i, p.origin);
    }
    let bob = rig.user("BOB");
    let r = rig.run_for(SEC).and_then(|_| {
        let mut worst = 0;
        for pause in [0, 37 * MS, 71 * MS] {
            rig.run_for(pause)?;
            worst = worst.max(rig.response(bob, bound)?);
        }
        rig.type_line(bob, "#CP QUERY TIME");
        rig.wait_for(bob, "TIME IS", 10 * SEC)
            .map_err(|e| format!("CP does not answer #CP QUERY TIME: {e}"))?;
        Ok(worst)
    });
    (rig, r)
}

/// BOB's bound with one attacker: five 50 ms slices. A fair round robin makes him wait at
/// most one slice of the attacker's (measured with SPIN, a branch to itself that never
/// traps: 37 ms, `cpu_share_yardstick_one_spinner`), plus his own few milliseconds.
const ONE_ATTACKER_BOUND: u64 = 250 * MS;
/// BOB's bound with seven attackers: twenty slices. A fair round robin makes him wait at
/// most seven (350 ms; measured with seven SPINs: 322 ms).
const SEVEN_ATTACKERS_BOUND: u64 = 1000 * MS;

/// One attacker runs `prog`; BOB's ready line must come within ONE_ATTACKER_BOUND, and
/// CP's code and directory must be intact.
fn one_attacker(prog: &str) {
    let (rig, r) = share(&[prog], ONE_ATTACKER_BOUND);
    let mut p = rig.cp_static_damage();
    if let Err(e) = r {
        p.push(format!("BOB, beside {prog}: {e}"));
    }
    verdict(p);
}

/// The yardstick: one SPIN (a branch to itself, no trap ever) beside BOB. Today's round
/// robin with 50 ms slices answers BOB within the bound (37 ms at worst of three tries).
#[test]
fn cpu_share_yardstick_one_spinner() {
    one_attacker("spin");
}

/// The yardstick for many: seven SPINs beside BOB (322 ms at worst of three tries today:
/// about seven slices, as a round robin gives).
#[test]
fn cpu_share_yardstick_seven_spinners() {
    let (rig, r) = share(&["spin"; 7], SEVEN_ATTACKERS_BOUND);
    let mut p = rig.cp_static_damage();
    if let Err(e) = r {
        p.push(format!("BOB, beside seven spinners: {e}"));
    }
    verdict(p);
}

/// SSM in a two-instruction loop (tests/hostile/ssmloop.asm).
///
/// Today: BOB's ready line never comes (not within 100 s). The slice is charged with the
/// guest's own instructions only (SAVECTX keeps the CPU timer's value at the trap and
/// the dispatcher sets it back), and after a trap the dispatcher starts with the machine
/// that trapped: two instructions of the guest's per trap, a hundred of CP's, so a 50 ms
/// slice lasts seconds, and BOB's turn does not come.
///
/// A correct CP charges what it spends for a machine to that machine's slice (or ends
/// the slice after so many traps): BOB answers within ONE_ATTACKER_BOUND (250 ms).
#[test]
fn cpu_ssm_loop() {
    one_attacker("ssmloop");
}

/// TIO in a two-instruction loop (tests/hostile/tioloop.asm). Today: as the SSM loop,
/// no ready line for BOB within 30 s. A correct CP: within 250 ms.
#[test]
fn cpu_tio_loop() {
    one_attacker("tioloop");
}

/// DIAGNOSE X'0C' in a two-instruction loop (tests/hostile/diagloop.asm). Today: as the
/// SSM loop, no ready line for BOB within 30 s. A correct CP: within 250 ms.
#[test]
fn cpu_diagnose_loop() {
    one_attacker("diagloop");
}

/// SIO to a busy console in a loop (tests/hostile/sioloop.asm): each SIO answers CC 2 at
/// once while CP's queue for ALICE's terminal is full. Today: BOB's first ready line takes
/// 382 ms, and (with a longer bound) a later one does not come within 100 s. A correct
/// CP: within 250 ms each.
#[test]
fn cpu_sio_busy_console_loop() {
    one_attacker("sioloop");
}

/// A program-check loop: the program new PSW points at an invalid instruction
/// (tests/hostile/pcloop.asm). Today: no ready line for BOB within 30 s: each
/// reflection costs CP a hundred instructions and the guest's slice one. A correct CP
/// charges the reflection to the guest: within 250 ms.
#[test]
fn cpu_program_check_loop() {
    one_attacker("pcloop");
}

/// Translation exceptions without end under virtual DAT (tests/hostile/vdatloop.asm):
/// shadow-table fills in four segments, a PTLB that forgets them, again and again; every eighth
/// round a page-translation exception reflected to ALICE. Nearly all of it is CP's work
/// for her: charged to her slice (as every trap), BOB answers within 250 ms.
#[test]
fn cpu_virtual_dat_fault_loop() {
    let (rig, r) = share(&["vdatloop"], ONE_ATTACKER_BOUND);
    let mut p = rig.cp_static_damage();
    if let Err(e) = r {
        p.push(format!("BOB, beside vdatloop: {e}"));
    }
    // The loop really ran on shadow tables: CP filled entries and forgot them.
    let alice = rig.vmblok("ALICE").expect("ALICE's VMBLOK");
    let filled = rig.word(alice + rig.sym("VMVATFIL"));
    let purged = rig.word(alice + rig.sym("VMVATPRG"));
    println!("vdatloop: {filled} shadow entries filled, {purged} purges");
    if filled < 1000 || purged < 100 {
        p.push(format!(
            "ALICE's loop did not run on shadow tables: {filled} fills, {purged} purges"
        ));
    }
    verdict(p);
}

/// An endless channel program (SEEK, TIC back to it) started again and again
/// (tests/hostile/ticloop.asm). Today: no ready line for BOB within 30 s: CP runs a
/// guest's channel program synchronously, with every other interruption masked off, and
/// cuts it off only after two seconds; then the same guest is dispatched again and
/// starts it again. A correct CP lets others run meanwhile (or cuts the program off
/// within a slice charged to its owner): within 250 ms.
#[test]
fn cpu_endless_channel_program_loop() {
    one_attacker("ticloop");
}

/// A read-only link (tests/hostile/rolink.asm): ALICE's directory entry links MAINT's
/// 190 read-only; she reads it, then tries to write on it. CP puts a SET FILE MASK
/// "inhibit all writes" in front of every channel program on a read-only minidisk, so
/// the real disk refuses the write with a unit check, and MAINT's cylinders (11-12)
/// stay as they were; the read works.
#[test]
fn ccw_read_only_link_refuses_writes() {
    let dir = format!(
        "USER ALICE ALICE 256K\n MDISK 191 3350 1 2 CPCMS1 W\n LINK MAINT 190 190 RR\n\
         USER BOB {BOB_PASSWORD} 256K\n MDISK 191 3350 3 2 CPCMS1 W\n LINK MAINT 190 190 RR\n\
         USER MAINT MAINT 256K\n MDISK 190 3350 11 2 CPCMS1 RR\n"
    );
    let mut rig = Rig::with_directory(&dir, 2 << 20, &["ALICE", "BOB"]);
    let snap = rig.snapshot(&["BOB"]);
    let prog = program("rolink");
    let code = rig.run_program(0, &prog, 10 * SEC);
    verdict(after_attack(&mut rig, &snap, &prog, code));
}

/// A console channel program that never ends: NO-OP, TIC back to it, on the virtual
/// console (tests/hostile/conloop.asm). CP interprets console programs itself; before
/// the fix it followed this loop for ever, disabled, and the whole machine stopped. A
/// correct CP does a bounded amount of work for it and leaves the console busy, as a
/// real 3215 running that loop would be: BOB answers within 250 ms.
#[test]
fn cpu_console_program_loop() {
    one_attacker("conloop");
}

/// Seven attackers at once, one of each kind and a SPIN, and BOB.
///
/// Today: no ready line for BOB within 30 s. A correct CP: within SEVEN_ATTACKERS_BOUND
/// (1 s; a fair round robin gives at most seven 50 ms slices).
#[test]
fn cpu_seven_attackers_one_victim() {
    let progs = [
        "ssmloop", "tioloop", "diagloop", "sioloop", "pcloop", "ticloop", "spin",
    ];
    let (rig, r) = share(&progs, SEVEN_ATTACKERS_BOUND);
    let mut p = rig.cp_static_damage();
    if let Err(e) = r {
        p.push(format!("BOB, beside seven attackers: {e}"));
    }
    verdict(p);
}

/// DIAGNOSE X'08' with fourteen "D 0.1000" (3584 lines for ALICE's terminal), in a
/// loop (tests/hostile/dispflood.asm). Found by the random privileged-instruction stream
/// (`fuzz_random_privileged_instructions`, which now steps round it: PRIVGEN's AVOID
/// X'40').
///
/// Today: BOB's ready line takes 5.1 s (bound 250 ms): CP types what does not fit in
/// the terminal's 16-line queue synchronously (TENQ calls TDRAIN, which polls that one
/// terminal with TIO), dispatching nobody until the DIAGNOSE is over - about 1.9 s for
/// 3584 lines; the time is charged to ALICE's slice only afterwards.
///
/// A correct CP lets the others run while ALICE's terminal types (it could make ALICE's
/// machine wait for its output, as it does for console writes, or type at most a
/// slice's worth per DIAGNOSE): within ONE_ATTACKER_BOUND.
#[test]
fn cpu_diagnose_08_output_flood() {
    one_attacker("dispflood");
}

/// A console channel program that types one character at a time for ever: WRITE (no
/// carrier return) of one byte, chained, TIC back (tests/hostile/conshort.asm). Found by
/// the random privileged-instruction stream (PRIVGEN's AVOID X'10' steps round it).
///
/// Today: no ready line for BOB within 30 s; the whole system serves ALICE's terminal
/// alone. Each line types in about 110 us, less than CP takes to handle the terminal's
/// interruption and queue the next line (IOHNDL resumes the console program through
/// VCRESUME); so there is always another interruption pending from ALICE's terminal
/// when CP is done, the channel presents it first (lowest device address), and CP never
/// dispatches anyone - nor reads BOB's line. None of that time is charged to ALICE
/// (CPFOR is 0 in an I/O interruption).
///
/// A correct CP charges the console work to ALICE's machine and lets the others run
/// (e.g. makes the console program wait for its next slice once it has used one):
/// within ONE_ATTACKER_BOUND.
#[test]
fn cpu_console_program_of_short_lines() {
    one_attacker("conshort");
}

// ---------------------------------------------------------------------------------------
// Storage
// ---------------------------------------------------------------------------------------

/// LPSW with its operand at the first address past the guest's storage
/// (tests/hostile/lpswbeyond.asm).
///
/// Today: SIMLPSW's GCOPYIN fails and CP goes to NOSTORE: "DMKPTR111E REAL STORAGE
/// EXHAUSTED; MACHINE STOPPED" (ALICE's program never ends). Nothing else is harmed.
///
/// A correct CP reflects an addressing exception: program old PSW at X'28' with code 5,
/// ILC 2 (halfwords), the address past the LPSW (suppression); new PSW from X'68'.
#[test]
fn storage_lpsw_operand_beyond_storage() {
    attack("lpswbeyond", &[], 10 * SEC);
}

/// STIDP with its operand past the guest's storage (tests/hostile/stidpbeyond.asm).
/// Today: DMKPTR111E, the machine stopped, as for LPSW. A correct CP: addressing
/// exception (code 5, ILC 2, suppressed).
#[test]
fn storage_stidp_operand_beyond_storage() {
    attack("stidpbeyond", &[], 10 * SEC);
}

/// Virtual DAT with tables that name every address (tests/hostile/vdatmap.asm): ALICE
/// turns DAT on with a segment table mapping all 16M of virtual addresses one to one onto
/// "real" addresses 0-FFFFFF, and stores X'BAD!' and loads at one address in every 64K
/// past the end of her storage; then a page table, then a segment table, past it; then
/// a page-table entry with bits 13-14 set.
///
/// A CP whose shadow tables took her entries for real addresses stores into CP's or
/// BOB's storage. A correct CP (vat.asm: every entry she names is a guest real address,
/// through GTRANS) gives her what a real machine of her size gives: addressing
/// exceptions (code 5), and a translation-specification exception (X'12') for the bad
/// entry; every byte of CP's and BOB's storage unchanged.
#[test]
fn storage_virtual_dat_tables_name_every_address() {
    attack("vdatmap", &[], 30 * SEC);
}

/// DIAGNOSE X'0C' with its area past the guest's storage (tests/hostile/diagbeyond.asm).
/// Today: passes - DIAG0C goes to SIMADDR, an addressing exception (code 5, ILC 2, the
/// address past the DIAGNOSE). Kept as a guard.
#[test]
fn storage_diagnose_0c_area_beyond_storage() {
    attack("diagbeyond", &[], 10 * SEC);
}

/// LPSW in the last four bytes of the guest's storage (tests/hostile/lastbytes.asm).
///
/// Today: PRIVOP fetches six bytes of the instruction with GCOPYIN; the last two lie
/// past the end, and CP goes to NOSTORE: DMKPTR111E, the machine stopped.
///
/// A correct CP fetches the instruction's own length and emulates it: the LPSW loads
/// the PSW that brings ALICE's program to its X'600D'.
#[test]
fn storage_privileged_instruction_in_the_last_bytes() {
    attack("lastbytes", &[], 10 * SEC);
}

/// DIAGNOSE X'08' with its response buffer straddling, then wholly past, the end of the
/// guest's storage (tests/hostile/diag8beyond.asm).
///
/// Today: CPLINE counts each response line as given even when GCOPYOUT could not store
/// it, so DIAGNOSE answers CC 0 and Ry+1 = the whole response length for a buffer of
/// which 16 bytes (then none) exist (BAD1).
///
/// A correct CP refuses the buffer (addressing exception) or reports honestly: CC 0
/// with no more bytes than it stored, or CC 1.
#[test]
fn storage_diagnose_08_response_buffer_beyond_storage() {
    attack("diag8beyond", &[], 10 * SEC);
}

/// A user whose directory entry gives it 4M (the most the directory allows; twice the
/// real machine's 2M) touches every page (tests/hostile/hog.asm); then BOB logs on.
///
/// Today: HOG's page faults take every free frame (CP has no paging and no share per
/// user); HOG itself is stopped with DMKPTR111E when none is left, keeping its 502 frames,
/// and BOB's LOGON fails: "DMKPTR111E REAL STORAGE EXHAUSTED" (no frame for his DAT
/// tables).
///
/// A correct CP keeps real storage for the others (pages, or stops HOG at a share):
/// BOB logs on (CMS within 10 s) and his ready line comes within IDLE_BOUND while HOG
/// runs or waits.
#[test]
fn storage_large_user_leaves_room_for_others() {
    let users = [("HOG", "HOG", 4 << 20), ("BOB", BOB_PASSWORD, 256 * K)];
    let mut rig = Rig::boot(&users, 2 << 20);
    rig.logon(0);
    let prog = program("hog");
    rig.plant(0, &prog);
    rig.start(0, prog.origin);
    // HOG may finish, be stopped, or still run (paging): that is CP's business.
    let _ = rig.wait_code(0, 10 * SEC);
    let mut p = rig.cp_static_damage();
    let bob = rig.user("BOB");
    match rig.try_logon(bob) {
        Ok(()) => {
            if let Err(e) = rig.victim_answers(bob, IDLE_BOUND) {
                p.push(format!("BOB: {e}"));
            }
        }
        Err(e) => p.push(format!("BOB cannot log on beside HOG: {e}")),
    }
    verdict(p);
}

/// "MSG ALICE HELLO" and then three "QUERY TIME" in one DIAGNOSE X'08'
/// (tests/hostile/msgnext.asm). Found by the random privileged-instruction stream,
/// which overwrote ALICE's entry in CP's directory this way (PRIVGEN's AVOID X'20' now
/// ends a command text after a MSG).
///
/// Today: ALICE's program never ends and CP answers nobody (BOB's #CP QUERY TIME goes
/// unanswered). CMDMSG points R8 at the addressee's terminal and at the end loads the
/// sender's back from MSGR8, which nothing ever stores into: R8 comes back 0. The next
/// command's response is queued (TENQ) in an "RDEV" at real address 0: the queue slot
/// index is the halfword at X'18' (the last external old PSW: the running guest's, whose
/// key the guest chooses), the slot at X'A8' + 136 times it - in CP's page 0, another
/// user's frame, or past the end of real storage (then CPABEND). Here, right after
/// LOGON, X'18' is still 0: the six response lines go to X'A8', X'130', ... X'350', over
/// CP's interruption fields, INTREGS, GUESTREG and the dispatcher's fields; in the random
/// stream the index was 6 and the line landed on ALICE's entry in the directory. (A MSG
/// typed at a terminal also returns R8 = 0 to TINPUT, and IOHNDL then calls TSTART for
/// a "terminal" at address 0.)
///
/// A correct CP keeps the sender's RDEV: all three responses on ALICE's terminal,
/// nothing else changed.
#[test]
fn storage_msg_then_another_command_in_diagnose_08() {
    attack("msgnext", &[], 10 * SEC);
}

// ---------------------------------------------------------------------------------------
// Privileged instructions
// ---------------------------------------------------------------------------------------

/// SSK, then ISK, with R2 = a page of ALICE's plus 1 (tests/hostile/sskodd.asm). Found by
/// the random privileged-instruction stream in its first second (PRIVGEN's AVOID X'80'
/// now puts R2 on 16).
///
/// Today: the whole machine stops - DISABLED WAIT 000A0000 00ABE000 (CPABEND), with
/// the program old PSW after SIMSSK's SSK (privop.asm, "SSK R0,R2"), code 6: CP
/// translates the guest's address and issues the real SSK with its low four bits,
/// which must be zero. Any user can stop the system with two instructions.
///
/// A correct CP checks the bits and reflects the specification exception (code 6) to
/// the guest, for SSK and for ISK: X'600D'.
#[test]
fn privop_ssk_isk_with_low_bits_in_the_address() {
    attack("sskodd", &[], 10 * SEC);
}

/// SSM as the target of EXECUTE (tests/hostile/exssm.asm). Not an attack: fidelity.
/// Seen in the random privileged-instruction stream, where every EXECUTEd privileged
/// instruction (one in sixteen) came back as an operation exception.
///
/// Before: the guest got an operation exception (BAD1): PRIVOP fetched the instruction
/// at PSW - ILC, which is the EX itself (X'44'), not in its table. Now CP looks through
/// EX and emulates the target (PRVEX, as VM/370's DMKPRV did): X'600D'.
#[test]
fn privop_execute_of_a_privileged_instruction() {
    attack("exssm", &[], 10 * SEC);
}

/// Storage keys on the operands of the instructions CP emulates (tests/hostile/keyemu.asm):
/// with PSW key 5, STCTL, STIDP, STPT into a block of key 3 with fetch protection, and
/// LCTL, LPSW, SSM, SPT from it, are protection exceptions, as on the real machine. Not an
/// attack: fidelity (CP stores and fetches with its own key 0).
#[test]
fn privop_storage_keys_on_emulated_operands() {
    attack("keyemu", &[], 10 * SEC);
}

/// An I/O new PSW that is a disabled wait, loaded by the dispatcher presenting the
/// interruption to a waiting machine (tests/hostile/iodwait.asm). CP types DISABLED WAIT
/// and must leave the machine stopped (CP READ): a line typed without #CP is a CP
/// command. Before the fix the dispatcher, finding the new PSW a wait PSW, marked the
/// stopped machine "waiting" again (DSPREADY), and a line typed went to the guest.
#[test]
fn io_new_psw_disabled_wait_stops_the_machine() {
    let mut rig = Rig::with_users(PAIR, 2 << 20);
    assert_eq!(
        rig.run_program(0, &program("iodwait"), 10 * SEC),
        Ok(0x600D)
    );
    let id = rig.users[0].id.clone();
    rig.settle();
    assert!(
        rig.stopped(&id),
        "the machine is not stopped after its disabled wait"
    );
    rig.type_line(0, "QUERY TIME");
    rig.wait_for(0, "TIME IS", SEC)
        .expect("a stopped machine's terminal talks to CP");
}

/// PER on for every event over all of storage (tests/hostile/perall.asm, DMKPRX): an
/// SVC with a PER event (the CPU presents the PER interruption with CP's SVC new PSW
/// as its old PSW - CP died of it without PRGCP), DIAGNOSE X'08' and other emulated
/// instructions with their fetch events, MVCL into the end of storage (X'0085'), a
/// wrapped area. The guest counts its interruptions and ends; BOB is untouched.
#[test]
fn privop_per_every_event_everywhere() {
    attack("perall", &[], 30 * SEC);
}

/// Low-address protection, MVCK with a CR3 of all ones, the DAS instructions with DAT
/// off, LASP, TPROT, an MVS assist, SSKE and ISKE past the end of storage
/// (tests/hostile/lowpdas.asm, issue 12's DMKPRX). The guest's CR0 bit 3 is the real
/// one while it runs: CP, writing the guest's DIAGNOSE X'08' answer on the terminal
/// (its CAW at real X'48'), must have put its own CR0 back; each instruction gets the
/// POO's program check; BOB is untouched.
#[test]
fn privop_low_address_protection_das_assists_beyond_storage() {
    attack("lowpdas", &[], 20 * SEC);
}

// ---------------------------------------------------------------------------------------
// Terminal output
// ---------------------------------------------------------------------------------------

/// 64 lines on ALICE's own console, one SIO each, as fast as she can
/// (tests/hostile/lines64.asm).
///
/// Today: passes - when the terminal's queue is nearly full, VCRWRITE keeps the virtual
/// console busy (VCWRW) until there is room, so no line is lost. Kept as a guard.
#[test]
fn terminal_64_console_lines_none_dropped() {
    let mut rig = Rig::with_users(PAIR, 2 << 20);
    let snap = rig.snapshot(&["BOB"]);
    let prog = program("lines64");
    let from = rig.transcript(0).len();
    let code = rig.run_program(0, &prog, 20 * SEC);
    let mut p = after_attack(&mut rig, &snap, &prog, code);
    let got: Vec<String> = rig.transcript(0)[from..]
        .lines()
        .filter_map(|l| l.strip_prefix("HOSTILE LINE ").map(str::to_string))
        .collect();
    let want: Vec<String> = (1..=64).map(|n| format!("{n:02}")).collect();
    if got != want {
        p.push(format!(
            "ALICE's terminal shows {} of her 64 lines: {:?}",
            got.len(),
            got
        ));
    }
    verdict(p);
}

/// A console channel program of 20 lines joined by TICs (tests/hostile/ticwait.asm).
/// Not an attack: fidelity. Found while reducing what the random privileged-instruction
/// stream found (see `cpu_console_program_of_short_lines`).
///
/// Today: 12 lines, then the program ends with a program check (CSW channel status
/// X'20', BAD1): after the terminal's queue filled and an interruption resumed the
/// program (VCRESUME), its next CCW, a TIC, counts as "a TIC after a TIC" - VCRESUME
/// never clears R7, VCRUN's flag for it, and IOHNDL leaves a nonzero loop count there.
///
/// A correct CP types all 20 lines and ends with channel end and device end: X'600D'.
#[test]
fn terminal_console_program_resumed_at_a_tic() {
    let mut rig = Rig::with_users(PAIR, 2 << 20);
    let snap = rig.snapshot(&["BOB"]);
    let prog = program("ticwait");
    let from = rig.view(0).end();
    let code = rig.run_program(0, &prog, 20 * SEC);
    let mut p = after_attack(&mut rig, &snap, &prog, code);
    let n = rig.view(0).since(from).0.matches("TICWAIT LINE ").count();
    if n != 20 {
        p.push(format!(
            "ALICE's terminal shows {n} of the program's 20 lines"
        ));
    }
    verdict(p);
}

/// 64 lines of CP responses from one DIAGNOSE X'08' (32 QUERY TIMEs separated by X'15';
/// tests/hostile/diag8flood.asm).
///
/// Today: CP runs all 32 commands before the terminal can type anything; TENQ's queue
/// has 16 slots and drops what does not fit: ALICE's terminal shows 8 "TIME IS" and 7
/// "CONNECT=" lines.
///
/// A correct CP types all 64 lines (it holds them, or makes the guest wait for room),
/// and its own messages after them.
#[test]
fn terminal_64_response_lines_none_dropped() {
    let mut rig = Rig::with_users(PAIR, 2 << 20);
    let snap = rig.snapshot(&["BOB"]);
    let prog = program("diag8flood");
    rig.plant(0, &prog);
    let from = rig.transcript(0).len();
    rig.start(0, prog.origin);
    let mut p = Vec::new();
    if let Err(e) = rig.run_for(5 * SEC) {
        p.push(e);
    }
    if !rig.stopped("ALICE") || rig.vm_psw("ALICE") != 0x00020000_0000600D {
        p.push(format!(
            "ALICE's program did not end with X'600D': PSW {:016X}",
            rig.vm_psw("ALICE")
        ));
    }
    let shown = &rig.transcript(0)[from..];
    let times = shown.matches("TIME IS").count();
    let connects = shown.matches("CONNECT=").count();
    if times != 32 || connects != 32 {
        p.push(format!(
            "ALICE's terminal shows {times} \"TIME IS\" and {connects} \"CONNECT=\" lines of 32 each"
        ));
    }
    if !shown.contains("DISABLED WAIT PSW '00020000 0000600D'") {
        p.push("CP's DISABLED WAIT message was not typed".into());
    }
    p.extend(rig.cp_static_damage());
    p.extend(rig.frame_damage(&snap));
    let bob = rig.user("BOB");
    if let Err(e) = rig.victim_answers(bob, IDLE_BOUND) {
        p.push(format!("BOB: {e}"));
    }
    verdict(p);
}

// ---------------------------------------------------------------------------------------
// The property test: random channel programs
// ---------------------------------------------------------------------------------------

/// What the fuzzer counted (its STATS), for the report.
#[derive(Debug)]
#[allow(dead_code)] // read through Debug
struct FuzzStats {
    rounds: u32,
    sio_cc1: u32,
    program_checks: u32,
    unit_checks: u32,
    other: u32,
    halted: u32,
}

/// What CAROL's reader (tests/hostile/reader.asm) keeps on her minidisk.
const CAROL_RECORD: &str = "RED SKY AT NIGHT";

/// ALICE (512K) runs tests/hostile/fuzz191.asm with `seed` for `rounds` random channel
/// programs on her 191. Before, BOB wrote his record (something to steal); meanwhile
/// CAROL reads her own record again and again (tests/hostile/reader.asm), so the access
/// arm keeps coming to her cylinder between ALICE's programs. Then every invariant is
/// checked, with CAROL's record among the texts ALICE must not have. Returns the
/// problems found and what the fuzzer counted.
fn fuzz(seed: u32, rounds: u32) -> (Vec<String>, Option<FuzzStats>) {
    let users = [
        ("ALICE", "ALICE", 512 * K),
        ("BOB", BOB_PASSWORD, 256 * K),
        ("CAROL", "CAROL", 256 * K),
    ];
    let mut rig = Rig::with_users(&users, 2 << 20);
    let bob = rig.user("BOB");
    assert_eq!(
        rig.run_program(bob, &program("bobmark"), 10 * SEC),
        Ok(0x600D)
    );
    rig.ipl_cms(bob).unwrap();
    let carol = rig.user("CAROL");
    let reader = program("reader");
    rig.plant(carol, &reader);
    rig.start(carol, reader.origin);
    let written = reader.symbols["WRITTEN"].value;
    for _ in 0..100 {
        if rig.guest_bytes("CAROL", written, 4) == [0, 0, 0, 1] {
            break;
        }
        rig.run_for(100 * MS).expect("CP alive");
    }
    assert_eq!(
        rig.guest_bytes("CAROL", written, 4),
        [0, 0, 0, 1],
        "CAROL's record is written"
    );
    let snap = rig.snapshot(&["BOB"]);
    let prog = patched(
        "fuzz191",
        &[
            ("SEED", &seed.to_be_bytes()),
            ("ROUNDS", &rounds.to_be_bytes()),
        ],
    );
    let code = rig.run_fuzzer(&prog);
    let stats = rig.vmblok("ALICE").map(|_| {
        let at = prog.symbols["STATS"].value;
        let b = rig.guest_bytes("ALICE", at, 24);
        let w = |i: usize| u32::from_be_bytes(b[4 * i..4 * i + 4].try_into().unwrap());
        FuzzStats {
            rounds: w(0),
            sio_cc1: w(1),
            program_checks: w(2),
            unit_checks: w(3),
            other: w(4),
            halted: w(5),
        }
    });
    let mut p = Vec::new();
    if code == Ok(0x0E0F) {
        // Its own program check: say where, and whether its code was overwritten.
        let old = rig.guest_bytes("ALICE", 0x28, 8);
        p.push(format!(
            "the fuzzer took a program check: old PSW {old:02X?}"
        ));
        let now = rig.guest_bytes("ALICE", prog.origin, prog.image.len() as u32);
        let sym_end = prog.symbols["STATS"].value - prog.origin;
        if let Some(off) = (0..sym_end as usize).find(|&i| now[i] != prog.image[i]) {
            p.push(format!(
                "the fuzzer's code was overwritten at {:06X} (by CP writing real storage, \
                 or - rarely - by a CCW the fuzzer fetched from data it had read)",
                prog.origin + off as u32
            ));
        }
    }
    p.extend(after_attack(&mut rig, &snap, &prog, code));
    let end = prog.origin + prog.image.len() as u32;
    p.extend(rig.leaks("ALICE", prog.origin..end, &[CAROL_RECORD]));
    if let Some(st) = &stats
        && st.rounds != rounds
    {
        p.push(format!(
            "the fuzzer did {} of its {rounds} rounds",
            st.rounds
        ));
    }
    (p, stats)
}

/// Random channel programs, CI-sized: 20,000 programs from a fixed seed
/// (tests/hostile/fuzz191.asm), with CAROL reading her record now and then beside it;
/// then every invariant: CP's code and directory intact, BOB's frames and DAT tables as
/// they were, every track outside ALICE's two cylinders as it was, none of BOB's
/// password, BOB's or CAROL's record or the volume label in ALICE's storage, BOB
/// answered within IDLE_BOUND.
///
/// Today: fails - the random programs find the holes the tests above show one by one
/// (real storage read through untranslated addresses, the volume written outside
/// ALICE's extent, ...).
///
/// A correct CP passes whatever the seed.
#[test]
fn fuzz_random_channel_programs() {
    let (p, stats) = fuzz(0x5EED_0001, 20000);
    eprintln!("{stats:?}");
    verdict(p);
}

/// The long run: `CPCMS_HOSTILE_ROUNDS=100000 cargo test --release --test hostile
/// fuzz_random_channel_programs_long -- --ignored --nocapture` (seed from
/// CPCMS_HOSTILE_SEED, hex; default 5EED0002).
#[test]
#[ignore = "long run: set CPCMS_HOSTILE_ROUNDS"]
fn fuzz_random_channel_programs_long() {
    let rounds = std::env::var("CPCMS_HOSTILE_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let seed = std::env::var("CPCMS_HOSTILE_SEED")
        .ok()
        .and_then(|v| u32::from_str_radix(v.trim_start_matches("0x"), 16).ok())
        .unwrap_or(0x5EED_0002);
    let (p, stats) = fuzz(seed, rounds);
    eprintln!("seed {seed:08X}, {rounds} rounds: {stats:?}");
    verdict(p);
}

/// The channel-program fuzzer on a second volume: ALICE's 191 is cylinders 5-6 of
/// USER01, a volume at 151 beside the system residence volume, and BOB's 191 (his
/// record written first, by bobmark) is cylinders 7-8 of it, right behind hers, where
/// the fuzzer's cylinder 2 would land. 20,000 random programs (tests/hostile/fuzz191.asm),
/// then every invariant of `after_attack`, and: every track of USER01 outside
/// ALICE's two cylinders as it was, the system residence volume as it was (nobody has a
/// minidisk on it here), and neither BOB's record nor USER01's label in ALICE's storage.
/// CP runs her programs on the real disk at 151 and keeps that disk's arm apart from
/// the system residence volume's (its RDISK).
#[test]
fn fuzz_random_channel_programs_on_a_second_volume() {
    let dir = std::env::temp_dir().join(format!("cpcms-hostile-vol-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("user01.3350");
    let vol = Volume::probe(0x151, &file, Some("USER01"), Some(10), true, "test").unwrap();
    let text = format!(
        "USER ALICE ALICE 512K\n MDISK 191 3350 5 2 USER01 W\n\
         USER BOB {BOB_PASSWORD} 256K\n MDISK 191 3350 7 2 USER01 W\n"
    );
    let mut rig = Rig::with_volumes(&text, vec![vol], 2 << 20, &["ALICE", "BOB"]);
    let bob = rig.user("BOB");
    assert_eq!(
        rig.run_program(bob, &program("bobmark"), 10 * SEC),
        Ok(0x600D)
    );
    rig.ipl_cms(bob).unwrap();
    let model = Model::D3350;
    let (ts, heads) = (model.track_size(), model.heads() as usize);
    let before = std::fs::read(&file).unwrap();
    let at7 = HEADER + 7 * heads * ts;
    let mark = ebcdic(BOB_RECORD);
    assert!(
        before[at7..at7 + ts].windows(mark.len()).any(|w| w == mark),
        "BOB's record is on real cylinder 7 of USER01"
    );
    let snap = rig.snapshot(&["BOB"]);
    let prog = patched(
        "fuzz191",
        &[
            ("SEED", &0x5EED_0151u32.to_be_bytes()),
            ("ROUNDS", &20000u32.to_be_bytes()),
        ],
    );
    let code = rig.run_fuzzer(&prog);
    let mut p = after_attack(&mut rig, &snap, &prog, code);
    let end = prog.origin + prog.image.len() as u32;
    p.extend(rig.leaks("ALICE", prog.origin..end, &["VOL1USER01"]));
    if rig.sys.sysres_image().expect("volume in memory") != &snap.volume[..] {
        p.push("the system residence volume changed".into());
    }
    let after = std::fs::read(&file).unwrap();
    if after.len() != before.len() {
        p.push("USER01 changed size".into());
    }
    for t in 0..(before.len() - HEADER) / ts {
        let (cyl, head) = (t / heads, t % heads);
        let at = HEADER + t * ts;
        if !(5..7).contains(&cyl) && after.get(at..at + ts) != Some(&before[at..at + ts]) {
            p.push(format!("cylinder {cyl} head {head} of USER01 changed"));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    verdict(p);
}

/// A CP command touching a page beyond the user's storage says so (`HEXLOC ... EXCEEDS
/// STORAGE`), and one touching a page inside it works, however many pages that takes:
/// CP pages (roms/cp/paging.asm), so there is no share of frames to run out of (before
/// paging, the page past the user's share got `REAL STORAGE EXHAUSTED`, return code
/// 111). Sixteen terminals on a 1792K machine, each user 4M: sixty-three pages stored,
/// far more than the frames left beside the other users' and CP's.
#[test]
fn storage_share_is_told_apart_from_beyond_storage() {
    let names: Vec<String> = (0..16).map(|i| format!("U{i}")).collect();
    let users: Vec<UserSpec> = names
        .iter()
        .map(|n| (n.as_str(), n.as_str(), 4 << 20))
        .collect();
    let mut rig = Rig::boot(&users, 1792 << 10);
    rig.logon(0);
    for page in 1..=63 {
        rig.type_line(0, &format!("#CP STORE {:X} 1", page * 0x10000));
        rig.wait_for(0, "STORE COMPLETE", SEC)
            .unwrap_or_else(|e| panic!("page {page:X}0000: {e}"));
    }
    rig.type_line(0, "#CP STORE 4F0000 1");
    rig.wait_for(0, "HEXLOC 4F0000 EXCEEDS STORAGE", SEC)
        .unwrap_or_else(|e| panic!("{e}"));
}

// ---------------------------------------------------------------------------------------
// Keeping hostile programs running for a long time
// ---------------------------------------------------------------------------------------

/// A hostile program the harness keeps running: after a disabled wait (CP stops the
/// machine, as it must) or, for a program with a progress counter, when the counter has
/// stood still for `stall` (an enabled wait nothing will end, or a loop it jumped into),
/// the harness starts it again from its origin with `STORE PSW` and `BEGIN`, as its user
/// could - planting it again first when its code was overwritten.
struct Runner {
    user: usize,
    id: String,
    /// The program's name (tests/hostile/NAME.asm).
    name: String,
    prog: Assembly,
    /// The word it counts its progress in (None: restarted only when stopped).
    counter: Option<u32>,
    /// The parts of its image that are code and constants, which must stay as assembled.
    code: Vec<std::ops::Range<u32>>,
    stall: u64,
    last: u32,
    since: u64,
    /// Progress counted before a re-plant set the counter back to its assembled value.
    done_before: u64,
    stopped: u32,
    stuck: u32,
    replanted: u32,
    /// The first few PSWs it stopped or stuck with, for the report.
    samples: Vec<String>,
    /// Where and when its code was found changed, the first few times.
    changes: Vec<String>,
}

impl Runner {
    /// `prog` for user `user`; `counter` names its progress word, `code` the symbols
    /// bounding its constant parts (start, end pairs; None for the whole image).
    fn new(
        rig: &Rig,
        user: usize,
        name: &str,
        prog: Assembly,
        counter: Option<&str>,
        code: Option<&[(&str, &str)]>,
        stall: u64,
    ) -> Runner {
        let sym = |s: &str| {
            prog.symbols
                .get(s)
                .unwrap_or_else(|| panic!("no symbol {s}"))
                .value
        };
        let code = match code {
            Some(pairs) => pairs.iter().map(|(a, b)| sym(a)..sym(b)).collect(),
            None => {
                let whole = prog.origin..prog.origin + prog.image.len() as u32;
                vec![whole]
            }
        };
        Runner {
            user,
            id: rig.users[user].id.clone(),
            name: name.to_string(),
            counter: counter.map(sym),
            code,
            prog,
            stall,
            last: 0,
            since: 0,
            done_before: 0,
            stopped: 0,
            stuck: 0,
            replanted: 0,
            samples: Vec::new(),
            changes: Vec::new(),
        }
    }

    fn plant(&mut self, rig: &mut Rig) {
        rig.plant(self.user, &self.prog);
    }

    fn start(&mut self, rig: &mut Rig) {
        rig.start(self.user, self.prog.origin);
        self.since = rig.now();
    }

    /// Its progress so far (counted across re-plants).
    fn progress(&self, rig: &Rig) -> u64 {
        self.done_before
            + self
                .counter
                .map_or(0, |c| rig.guest_word(&self.id, c) as u64)
    }

    /// The first address of its code that is not as assembled.
    fn damaged(&self, rig: &Rig) -> Option<u32> {
        self.code.iter().find_map(|r| {
            let now = rig.guest_bytes(&self.id, r.start, r.end - r.start);
            let off = (r.start - self.prog.origin) as usize;
            let want = &self.prog.image[off..off + now.len()];
            now.iter()
                .zip(want)
                .position(|(a, b)| a != b)
                .map(|i| r.start + i as u32)
        })
    }

    /// Look at it; start it again when it stopped or stands still.
    fn tend(&mut self, rig: &mut Rig) -> Result<(), String> {
        if rig.vmblok(&self.id).is_none() {
            return Err(format!("{} is no longer logged on", self.id));
        }
        let now = rig.now();
        let stopped = rig.stopped(&self.id);
        if let Some(c) = self.counter {
            let n = rig.guest_word(&self.id, c);
            if n != self.last {
                (self.last, self.since) = (n, now);
            }
        }
        let stuck = self.counter.is_some() && now - self.since >= self.stall;
        if !stopped && !stuck {
            return Ok(());
        }
        if stopped {
            self.stopped += 1;
        } else {
            self.stuck += 1;
        }
        let damaged = self.damaged(rig);
        if self.samples.len() < 6 {
            self.samples.push(format!(
                "{} with PSW {:016X} at {:.1} s{}",
                if stopped { "stopped" } else { "stuck" },
                rig.vm_psw(&self.id),
                now as f64 / SEC as f64,
                damaged.map_or(String::new(), |a| format!(", code changed at {a:06X}"))
            ));
        }
        if let Some(a) = damaged {
            if self.changes.len() < 4 {
                self.changes
                    .push(format!("{a:06X} at {:.1} s", now as f64 / SEC as f64));
            }
            self.done_before = self.progress(rig);
            self.replanted += 1;
            self.plant(rig);
        }
        rig.type_line(
            self.user,
            &format!("#CP STORE PSW 00000000 {:08X}", self.prog.origin),
        );
        // (CP may still be typing the program's own output; the line waits its turn.)
        let _ = rig.wait_for(self.user, "STORE COMPLETE", 5 * SEC);
        rig.type_line(self.user, "#CP BEGIN");
        self.last = self.counter.map_or(0, |c| rig.guest_word(&self.id, c));
        self.since = rig.now();
        Ok(())
    }

    fn report(&self, rig: &Rig) -> String {
        let progress = match self.counter {
            Some(_) => format!(
                "progress {}, restarted {} times when stuck, ",
                self.progress(rig),
                self.stuck
            ),
            None => String::new(),
        };
        format!(
            "{} ({}): {progress}restarted {} times after a stop, planted again {} times{}{}",
            self.id,
            self.name,
            self.stopped,
            self.replanted,
            if self.changes.is_empty() {
                String::new()
            } else {
                format!(" (code changed at {})", self.changes.join(", "))
            },
            if self.samples.is_empty() {
                String::new()
            } else {
                format!("; first: {}", self.samples.join("; "))
            }
        )
    }
}

impl Rig {
    /// What CP's tables say about every machine and terminal, for a report: per user
    /// VMSTATE, VMPSW, the console's VCSTAT, its terminal's RDEVFLAG and queue count.
    fn state_dump(&self) -> String {
        let m = &self.sys.machine;
        let byte = |a: u32| m.peek(a, 1).unwrap()[0];
        let rdev_len = self.sym("RDEVLEN");
        let mut out = Vec::new();
        for (i, u) in self.users.iter().enumerate() {
            let rdev = self.sym("RDEVTAB") + (i as u32 + 1) * rdev_len;
            let term = format!(
                "terminal flags {:02X} queue {}",
                byte(rdev + self.sym("RDEVFLAG")),
                self.half(rdev + self.sym("RDEVQCNT"))
            );
            match self.vmblok(&u.id) {
                Some(vm) => out.push(format!(
                    "{}: state {} PSW {:016X} console {:02X} minidisk {:02X}, {term}",
                    u.id,
                    byte(vm + self.sym("VMSTATE")),
                    self.vm_psw(&u.id),
                    byte(vm + self.sym("VCSTAT")),
                    byte(vm + self.sym("VDSTAT")),
                )),
                None => out.push(format!("{}: not logged on, {term}", u.id)),
            }
        }
        out.join("; ")
    }

    /// A word of a user's storage.
    fn guest_word(&self, id: &str, addr: u32) -> u32 {
        u32::from_be_bytes(self.guest_bytes(id, addr, 4).try_into().unwrap())
    }

    /// Run until the user's machine is back in its console read (VM READ), at most 2 s:
    /// from then on CMS does nothing until a line comes, so its storage must not change.
    fn until_reading(&mut self, id: &str) -> Result<(), String> {
        let state = self.sym("VMSTATE");
        let deadline = self.now() + 2 * SEC;
        loop {
            let vm = self.vmblok(id).ok_or(format!("{id} is not logged on"))?;
            if self.sys.machine.peek(vm + state, 1).unwrap()[0] == 2 {
                return Ok(());
            }
            if self.now() >= deadline {
                return Err(format!("{id}'s CMS did not go back to its console read"));
            }
            self.run_for(MS)?;
        }
    }

    /// Run for `d`, tending `runners` every `grain`.
    fn run_tending(&mut self, d: u64, grain: u64, runners: &mut [Runner]) -> Result<(), String> {
        let until = self.now() + d;
        while self.now() < until {
            let step = grain.min(until - self.now());
            self.run_for(step)?;
            for r in runners.iter_mut() {
                r.tend(self)?;
            }
        }
        Ok(())
    }

    /// Stop the user's machine (`#CP` alone: CP READ), let the terminal type what is
    /// queued, then see CP answer `#CP QUERY TIME`. For a program whose own output may
    /// hold "TIME IS" (PRIVGEN's DIAGNOSE X'08').
    fn stop_and_ask_time(&mut self, t: usize) -> Result<u64, String> {
        self.type_line(t, "#CP");
        self.run_for(2 * SEC)?;
        if !self.stopped(&self.users[t].id.clone()) {
            return Err("#CP did not stop the machine".into());
        }
        self.type_line(t, "#CP QUERY TIME");
        self.wait_for(t, "TIME IS", 10 * SEC)
    }
}

/// Virtual seconds from an environment variable (or `default`).
fn env_seconds(var: &str, default: u64) -> u64 {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A hex seed from an environment variable (or `default`).
fn env_seed(var: &str, default: u32) -> u32 {
    std::env::var(var)
        .ok()
        .and_then(|v| u32::from_str_radix(v.trim_start_matches("0x"), 16).ok())
        .unwrap_or(default)
}

// ---------------------------------------------------------------------------------------
// The property test: random privileged instructions
// ---------------------------------------------------------------------------------------

/// What PRIVGEN counted (its STATS), for the report.
#[derive(Debug, Default)]
#[allow(dead_code)] // read through Debug
struct PrivStats {
    iterations: u64,
    program: u32,
    svc: u32,
    io: u32,
    external: u32,
    machine_check: u32,
    executed: u32,
    guarded: u32,
}

fn priv_stats(rig: &Rig, r: &Runner) -> PrivStats {
    let at = r.prog.symbols["STATS"].value;
    let b = rig.guest_bytes(&r.id, at, 32);
    let w = |i: usize| u32::from_be_bytes(b[4 * i..4 * i + 4].try_into().unwrap());
    PrivStats {
        iterations: r.progress(rig),
        program: w(1),
        svc: w(2),
        io: w(3),
        external: w(4),
        machine_check: w(5),
        executed: w(6),
        guarded: w(7),
    }
}

/// PRIVGEN (tests/hostile/privgen.asm) patched with `seed`, as a Runner for `user`,
/// restarted when its counter stands still for `stall` (longer than a round of the
/// others' slices). PRIVGEN's AVOID byte (the known CP bugs it steps round) from
/// CPCMS_PRIVSTREAM_AVOID (hex; default FF, all of them).
fn privgen(rig: &Rig, user: usize, seed: u32, stall: u64) -> Runner {
    let avoid = env_seed("CPCMS_PRIVSTREAM_AVOID", 0xFF) as u8;
    let prog = patched(
        "privgen",
        &[("SEED", &seed.to_be_bytes()), ("AVOID", &[avoid])],
    );
    Runner::new(
        rig,
        user,
        "privgen",
        prog,
        Some("NITER"),
        Some(&[("PRIVGEN", "SLOT"), ("BACK", "CODEEND")]),
        stall,
    )
}

/// The instruction PRIVGEN ran last, for a report; for DIAGNOSE X'08' with the command
/// text it most likely had (TEXTLOW).
fn last_instruction(rig: &Rig, r: &Runner) -> String {
    let b = rig.guest_bytes(&r.id, r.prog.symbols["LASTINS"].value, 6);
    let mut s: String = b.iter().map(|x| format!("{x:02X}")).collect();
    if b[0] == 0x83 && b[2] == 0 && b[3] == 8 {
        let t = rig.guest_bytes(&r.id, r.prog.symbols["TEXTLOW"].value, 160);
        let text = cpcms::ebcdic::decode(&t).replace('\u{85}', "|");
        s.push_str(&format!(" text {:?}", text.trim_end()));
    }
    s
}

impl Rig {
    /// As `response`, watching PRIVGEN `r` meanwhile, a millisecond at a time: when the
    /// ready line is late, the error names the instructions that held the CPU longest.
    fn response_watching(&mut self, t: usize, bound: u64, r: &Runner) -> Result<u64, String> {
        self.type_line(t, "");
        let start = self.now();
        let counter = r.counter.expect("a counter");
        let (mut n, mut since, mut ins) = (self.guest_word(&r.id, counter), start, None);
        let mut slow: Vec<(u64, String)> = Vec::new();
        loop {
            if self.since_cursor(t).contains("R;") {
                let d = self.wait_for(t, "R;", 0)?;
                debug_assert_eq!(d, 0);
                let took = self.now() - start;
                if took <= bound {
                    return Ok(took);
                }
                slow.sort_by_key(|s| std::cmp::Reverse(s.0));
                let top: Vec<String> = slow
                    .iter()
                    .take(3)
                    .map(|(d, i)| format!("{} ms in {i}", d / MS))
                    .collect();
                return Err(format!(
                    "the ready line came after {} ms; the bound is {} ms; {}'s slowest \
                     instructions meanwhile: {}",
                    took / MS,
                    bound / MS,
                    r.id,
                    top.join("; ")
                ));
            }
            if self.now() - start > 30 * SEC {
                return Err(format!(
                    "no ready line within 30 s ({}); {} ran last {}; the terminal \
                     shows:\n{}",
                    self.state_dump(),
                    r.id,
                    last_instruction(self, r),
                    self.tail(t, 8)
                ));
            }
            self.run_for(MS)?;
            let now_n = self.guest_word(&r.id, counter);
            if ins.is_none() {
                ins = Some(last_instruction(self, r));
            }
            if now_n != n {
                slow.push((self.now() - since, ins.take().unwrap_or_default()));
                (n, since) = (now_n, self.now());
            }
        }
    }
}

/// ALICE runs PRIVGEN with `seed` for `virt` of virtual time while BOB, after writing his
/// record, types an empty line again and again (after pauses of 13 to 101 ms) and must
/// have his ready line within ONE_ATTACKER_BOUND each time; between his lines, while
/// his CMS waits in its console read, his frames and DAT tables must not change. At the
/// end CP's code and directory, every track outside ALICE's minidisk, ALICE's storage
/// (none of BOB's password, record or the volume label), and CP's answer to both.
fn privstream(seed: u32, virt: u64) -> Vec<String> {
    let wall = std::time::Instant::now();
    let mut rig = Rig::with_users(PAIR, 2 << 20);
    let bob = rig.user("BOB");
    assert_eq!(
        rig.run_program(bob, &program("bobmark"), 10 * SEC),
        Ok(0x600D)
    );
    rig.ipl_cms(bob).unwrap();
    let snap = rig.snapshot(&["BOB"]);
    let mut idle = rig.frames_of(&["BOB"]);
    let mut gens = [privgen(&rig, 0, seed, 250 * MS)];
    gens[0].plant(&mut rig);
    gens[0].start(&mut rig);
    let start = rig.now();
    let mut p = Vec::new();
    let (mut worst, mut answers, mut total) = (0, 0u32, 0u64);
    let pauses = [13 * MS, 37 * MS, 71 * MS, 101 * MS];
    // How often the harness tends ALICE's program and looks at CP's storage
    // (CPCMS_PRIVSTREAM_GRAIN, in ms, to find the instruction that did something).
    let grain = env_seconds("CPCMS_PRIVSTREAM_GRAIN", 20) * MS;
    let mut k = 0;
    // The first time PRIVGEN's own code is found changed (by its random channel
    // programs, mostly), for the report; the Runner plants it again.
    let mut changed = None;
    'run: while rig.now() < start + virt && p.len() < 20 {
        for e in rig.frames_changed(&idle) {
            p.push(format!(
                "while BOB waited for his next line: {e} (ALICE's last instruction {})",
                last_instruction(&rig, &gens[0])
            ));
        }
        match rig.response_watching(bob, ONE_ATTACKER_BOUND, &gens[0]) {
            Ok(d) => {
                worst = worst.max(d);
                total += d;
                answers += 1;
            }
            Err(e) => {
                p.push(format!(
                    "BOB at {:.3} s: {e}",
                    rig.now() as f64 / SEC as f64
                ));
                if e.contains("the real machine") {
                    break;
                }
            }
        }
        if let Err(e) = rig.until_reading("BOB") {
            p.push(e);
            break;
        }
        idle = rig.frames_of(&["BOB"]);
        let until = rig.now() + pauses[k % 4];
        while rig.now() < until && p.len() < 20 {
            if let Err(e) = rig.run_tending(grain.min(until - rig.now()), grain, &mut gens) {
                p.push(format!(
                    "{e} (ALICE's last instruction {})",
                    last_instruction(&rig, &gens[0])
                ));
                break 'run;
            }
            if changed.is_none()
                && let Some(a) = gens[0].damaged(&rig)
            {
                let caw = rig.guest_word("ALICE", 0x48);
                let hex = |b: Vec<u8>| b.iter().map(|x| format!("{x:02X}")).collect::<String>();
                changed = Some(format!(
                    "ALICE's code changed at {a:06X} by {:.3} s, her last instruction {} \
                     (CAW {caw:08X}, CCW there {}, CSW {})",
                    rig.now() as f64 / SEC as f64,
                    last_instruction(&rig, &gens[0]),
                    hex(rig.guest_bytes("ALICE", caw & 0xFF_FFF8, 8)),
                    hex(rig.guest_bytes("ALICE", 0x40, 8)),
                ));
            }
            let damage = rig.cp_static_damage();
            if !damage.is_empty() {
                p.push(format!(
                    "at {:.3} s, ALICE's last instruction {}: {}",
                    rig.now() as f64 / SEC as f64,
                    last_instruction(&rig, &gens[0]),
                    damage.join("; ")
                ));
                break;
            }
        }
        k += 1;
    }
    let ran = rig.now() - start;
    let stats = priv_stats(&rig, &gens[0]);
    p.extend(rig.cp_static_damage());
    p.extend(rig.frames_changed(&idle));
    p.extend(rig.volume_damage(&snap, "ALICE"));
    let g = &gens[0].prog;
    p.extend(rig.leaks(
        "ALICE",
        g.origin..g.origin + g.image.len() as u32,
        &[BOB_PASSWORD, BOB_RECORD, VOLUME_LABEL],
    ));
    if let Err(e) = rig.victim_answers(bob, ONE_ATTACKER_BOUND) {
        p.push(format!("BOB at the end: {e}"));
    }
    if let Err(e) = rig.stop_and_ask_time(0) {
        p.push(format!(
            "ALICE at the end: CP does not answer #CP QUERY TIME: {e}"
        ));
    }
    eprintln!(
        "privileged-instruction stream, seed {seed:08X}: {:.1} virtual s in {:.2} wall s; \
         {stats:?}\n  {}\n  BOB answered {answers} times, worst {} ms, mean {:.1} ms \
         (bound {} ms)",
        ran as f64 / SEC as f64,
        wall.elapsed().as_secs_f64(),
        gens[0].report(&rig),
        worst / MS,
        total as f64 / answers.max(1) as f64 / MS as f64,
        ONE_ATTACKER_BOUND / MS,
    );
    if let Some(c) = changed {
        eprintln!("  {c}");
    }
    p
}

/// Random privileged instructions, CI-sized: PRIVGEN from a fixed seed for 100 virtual
/// seconds beside BOB (about 40,000 instructions; see `privstream` for every check). A
/// correct CP passes whatever the seed (with PRIVGEN's AVOID bits cleared too: each
/// names a CP bug with a test of its own, ignored until it is fixed).
#[test]
fn fuzz_random_privileged_instructions() {
    verdict(privstream(0x5EED_1001, 100 * SEC));
}

/// The long run: `CPCMS_PRIVSTREAM_SECONDS=600 cargo test --release --test hostile
/// fuzz_random_privileged_instructions_long -- --ignored --nocapture` (virtual seconds;
/// seed from CPCMS_PRIVSTREAM_SEED, hex; default 5EED1002; CPCMS_PRIVSTREAM_AVOID=00
/// to stop stepping round the known CP bugs; CPCMS_PRIVSTREAM_GRAIN, ms, how often the
/// harness looks at CP's storage, to name the instruction that changed it).
#[test]
#[ignore = "long run: set CPCMS_PRIVSTREAM_SECONDS"]
fn fuzz_random_privileged_instructions_long() {
    let secs = env_seconds("CPCMS_PRIVSTREAM_SECONDS", 600);
    let seed = env_seed("CPCMS_PRIVSTREAM_SEED", 0x5EED_1002);
    verdict(privstream(seed, secs * SEC));
}

// ---------------------------------------------------------------------------------------
// The soak: seven attackers and a victim, for minutes
// ---------------------------------------------------------------------------------------

/// The soak's attackers: user, program (tests/hostile/NAME.asm), virtual storage. The
/// random privileged instructions, the random channel programs, a console-output flood
/// (SIOLOOP: chains of 32 lines, started again and again) and four CPU loops (trapped
/// SSM, program checks, DIAGNOSE X'0C', an endless disk channel program).
const SOAK: [(&str, &str, u32); 7] = [
    ("ALICE", "privgen", 256 * K),
    ("CAROL", "fuzz191", 512 * K),
    ("DAVE", "sioloop", 256 * K),
    ("ERIN", "ssmloop", 256 * K),
    ("FRANK", "pcloop", 256 * K),
    ("GRACE", "diagloop", 256 * K),
    ("HEIDI", "ticloop", 256 * K),
];

/// Real storage for the soak: 6M, 189 frames a user (FRMSHARE), so that CAROL's fuzzer
/// (512K, at X'70000') may touch all of its storage.
const SOAK_REAL: u32 = 6 << 20;

/// How often the soak samples BOB: every SOAK_SAMPLE of virtual time he types an empty
/// line and must have his ready line within SEVEN_ATTACKERS_BOUND.
const SOAK_SAMPLE: u64 = 3 * SEC;

/// Virtual time the soak runs before it reads the host's memory the first time: every
/// program started, its pages touched, the terminals' transcripts grown to their
/// bounded size.
const SOAK_WARMUP: u64 = 30 * SEC;

/// The most the host's resident set may grow over the long soak (after the warm-up).
const SOAK_RSS_GROWTH: u64 = 16 << 20;

/// The process's resident set size in bytes, from /proc/self/statm (4 KiB pages).
fn rss_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

/// Seven attackers (SOAK) and BOB, for `virt` of virtual time after SOAK_WARMUP. BOB
/// writes his record first; then every SOAK_SAMPLE he must answer within
/// SEVEN_ATTACKERS_BOUND, his frames and DAT tables must be as he left them at his
/// last ready line, and CP's code and directory as assembled. The harness keeps PRIVGEN
/// and the fuzzer running (Runner: restarted after a stop, planted again when their
/// code was overwritten) and restarts any loop that stopped. At the end: CP answers
/// every user's #CP QUERY TIME (PRIVGEN's ALICE after her machine is stopped: her own
/// DIAGNOSE X'08' types "TIME IS" too), every track outside the attackers' minidisks is
/// as it was, and ALICE and CAROL hold none of BOB's password, his record or the volume
/// label. With `rss_limit`, the host's resident set may grow by at most that much from
/// the end of the warm-up to the end.
fn soak(virt: u64, rss_limit: Option<u64>) -> Vec<String> {
    let wall = std::time::Instant::now();
    let mut users: Vec<UserSpec> = SOAK.iter().map(|(id, _, st)| (*id, *id, *st)).collect();
    users.push(("BOB", BOB_PASSWORD, 256 * K));
    let mut rig = Rig::with_users(&users, SOAK_REAL);
    let bob = rig.user("BOB");
    assert_eq!(
        rig.run_program(bob, &program("bobmark"), 10 * SEC),
        Ok(0x600D)
    );
    rig.ipl_cms(bob).unwrap();
    let snap = rig.snapshot(&["BOB"]);
    let mut runners: Vec<Runner> = SOAK
        .iter()
        .enumerate()
        .map(|(i, (_, name, _))| match *name {
            "privgen" => privgen(&rig, i, 0x5EED_3001, 3 * SEC),
            "fuzz191" => {
                let prog = patched(
                    "fuzz191",
                    &[
                        ("SEED", &0x5EED_3002u32.to_be_bytes()),
                        ("ROUNDS", &0x7FFF_FFFFu32.to_be_bytes()),
                    ],
                );
                let code: &[(&str, &str)] = &[("FUZZ", "SEED")];
                Runner::new(&rig, i, name, prog, Some("NROUNDS"), Some(code), 5 * SEC)
            }
            _ => Runner::new(&rig, i, name, program(name), None, None, 0),
        })
        .collect();
    for r in runners.iter_mut() {
        r.plant(&mut rig);
    }
    for r in runners.iter_mut() {
        r.start(&mut rig);
    }
    let mut p = Vec::new();
    if let Err(e) = rig.run_tending(SOAK_WARMUP, 100 * MS, &mut runners) {
        p.push(format!("during the warm-up: {e}"));
        return p;
    }
    let rss0 = rss_bytes();
    let (wall0, start) = (std::time::Instant::now(), rig.now());
    let mut idle = rig.frames_of(&["BOB"]);
    let mut times: Vec<u64> = Vec::new();
    let mut late = 0;
    while rig.now() < start + virt && p.len() < 40 {
        let until = (rig.now() + SOAK_SAMPLE).min(start + virt);
        if let Err(e) = rig.run_tending(until - rig.now(), 100 * MS, &mut runners) {
            p.push(format!("at {:.1} s: {e}", rig.now() as f64 / SEC as f64));
            break;
        }
        let at = rig.now() as f64 / SEC as f64;
        for e in rig.frames_changed(&idle) {
            p.push(format!(
                "at {at:.1} s, while BOB waited for his next line: {e}"
            ));
        }
        for e in rig.cp_static_damage() {
            p.push(format!("at {at:.1} s: {e}"));
        }
        match rig.response_time(bob, 30 * SEC) {
            Ok(d) => {
                times.push(d);
                if d > SEVEN_ATTACKERS_BOUND {
                    late += 1;
                    p.push(format!(
                        "BOB at {at:.1} s: the ready line came after {} ms; the bound is {} ms",
                        d / MS,
                        SEVEN_ATTACKERS_BOUND / MS
                    ));
                }
            }
            Err(e) => p.push(format!("BOB at {at:.1} s: {e} ({})", rig.state_dump())),
        }
        if let Err(e) = rig.until_reading("BOB") {
            p.push(e);
            break;
        }
        idle = rig.frames_of(&["BOB"]);
    }
    let ran = rig.now() - start;
    let (rss1, walls) = (rss_bytes(), wall0.elapsed().as_secs_f64());
    p.extend(rig.cp_static_damage());
    p.extend(rig.frames_changed(&idle));
    let attackers: Vec<&str> = SOAK.iter().map(|a| a.0).collect();
    p.extend(rig.volume_damage_outside(&snap, &attackers));
    for r in runners.iter().filter(|r| r.counter.is_some()) {
        let g = &r.prog;
        p.extend(rig.leaks(
            &r.id,
            g.origin..g.origin + g.image.len() as u32,
            &[BOB_PASSWORD, BOB_RECORD, VOLUME_LABEL],
        ));
    }
    let reports: Vec<String> = runners.iter().map(|r| r.report(&rig)).collect();
    let stats = runners
        .iter()
        .find(|r| r.name == "privgen")
        .map(|r| priv_stats(&rig, r));
    if let Err(e) = rig.victim_answers(bob, SEVEN_ATTACKERS_BOUND) {
        p.push(format!("BOB at the end: {e}"));
    }
    for (i, (id, name, _)) in SOAK.iter().enumerate() {
        let r = if *name == "privgen" {
            rig.stop_and_ask_time(i)
        } else {
            rig.type_line(i, "#CP QUERY TIME");
            rig.wait_for(i, "TIME IS", 10 * SEC)
        };
        if let Err(e) = r {
            p.push(format!(
                "{id} at the end: CP does not answer #CP QUERY TIME: {e}"
            ));
        }
    }
    let mib = |b: u64| b as f64 / (1 << 20) as f64;
    let memory = match (rss0, rss1) {
        (Some(a), Some(b)) => {
            let growth = b.saturating_sub(a);
            if let Some(limit) = rss_limit
                && growth > limit
            {
                p.push(format!(
                    "the host's resident set grew by {:.1} MiB (from {:.1} to {:.1} MiB); \
                     the limit is {:.0} MiB",
                    mib(growth),
                    mib(a),
                    mib(b),
                    mib(limit)
                ));
            }
            format!(
                "resident set {:.1} MiB after the warm-up, {:.1} MiB at the end ({:+.1} MiB)",
                mib(a),
                mib(b),
                mib(b) - mib(a)
            )
        }
        _ => "resident set: /proc/self/statm not readable".into(),
    };
    times.sort_unstable();
    let pct = |q: usize| times.get((times.len() * q / 100).min(times.len().saturating_sub(1)));
    let ms = |d: Option<&u64>| d.map_or(0, |d| d / MS);
    eprintln!(
        "soak: {:.1} virtual s after a {} s warm-up in {walls:.2} wall s ({:.2} in all); \
         {memory}\n  BOB answered {} times: median {} ms, 90% {} ms, 99% {} ms, worst {} \
         ms; {late} later than {} ms\n  ALICE's {stats:?}\n  {}",
        ran as f64 / SEC as f64,
        SOAK_WARMUP / SEC,
        wall.elapsed().as_secs_f64(),
        times.len(),
        ms(pct(50)),
        ms(pct(90)),
        ms(pct(99)),
        ms(times.last()),
        SEVEN_ATTACKERS_BOUND / MS,
        reports.join("\n  ")
    );
    p
}

/// The soak, CI-sized: 20 virtual seconds after the warm-up (see `soak`); six samples of
/// BOB, the slowest 968 ms today (the long run shows later ones). The host's memory is
/// printed, not checked: other tests share the process.
#[test]
fn soak_seven_attackers_one_victim() {
    verdict(soak(20 * SEC, None));
}

/// The long soak: ten virtual minutes (CPCMS_SOAK_SECONDS to change it), and the host's
/// resident set may grow by at most SOAK_RSS_GROWTH (16 MiB) from the end of the
/// warm-up. Run it alone, so that no other test shares the process:
/// `cargo test --release --test hostile soak_seven_attackers_one_victim_long --
/// --ignored --nocapture`.
///
/// Today: fails - BOB's ready line is later than 1 s in 8 of 171 samples (1010-1070
/// ms; median about 520 ms); everything else holds, and the resident set does not grow
/// (about 33 MiB after the warm-up and at the end, +0.0 MiB). His ready line takes three to six dispatches (the line comes, CMS
/// writes and waits for the write's interruption ...), each after a full round of the
/// round robin, which favours no machine that has just been given input; and three of
/// the attackers (TICLOOP, the fuzzer, PRIVGEN's 191 programs) held CP in SYNCIO up to
/// 100 ms per SIO, so their turns lasted up to twice a slice. Seven SPINs: worst 514 ms.
/// (Now the Q1 dispatch answers him first, and their disk programs run while the others
/// do: 196 answers, median 7 ms, 99% 548 ms, worst 570 ms.)
#[test]
#[ignore = "long run: ten virtual minutes (CPCMS_SOAK_SECONDS)"]
fn soak_seven_attackers_one_victim_long() {
    let secs = env_seconds("CPCMS_SOAK_SECONDS", 600);
    verdict(soak(secs * SEC, Some(SOAK_RSS_GROWTH)));
}

// ---------------------------------------------------------------------------------------
// LINK, DETACH and ATTACH, tried like an attacker (roms/cp/link.asm, attach.asm)
// ---------------------------------------------------------------------------------------

/// The directory for the LINK tests: ALICE and BOB with a 191 each and passwords for
/// other users' links (BOB's has a read password only), MAINT's 190 linkable by anyone
/// read-only (ALL). Nobody links anything at LOGON.
const LINK_DIR: &str = "\
USER ALICE ALICE 256K\n MDISK 191 3350 1 2 CPCMS1 MR ALIREAD ALIWRITE ALIMULT\n\
 SPOOL 00C 2540 READER\n SPOOL 00D 2540 PUNCH\n\
USER BOB SWORDFSH 256K\n MDISK 191 3350 3 2 CPCMS1 MR BOBREAD\n\
USER MAINT MAINT 256K\n MDISK 190 3350 11 2 CPCMS1 RR ALL\n";

impl Rig {
    /// Type a CP command at terminal `t` (`#CP`, whatever the machine does) and wait for
    /// `answer`.
    fn cp(&mut self, t: usize, cmd: &str, answer: &str) {
        self.type_line(t, &format!("#CP {cmd}"));
        self.wait_for(t, answer, 2 * SEC)
            .unwrap_or_else(|e| panic!("{cmd}: {e}"));
        self.settle();
    }
}

/// ALICE's I/O to 391 must find nothing there (tests/hostile/nodev391.asm): CC 3.
fn nothing_at_391(rig: &mut Rig, after: &str) {
    let prog = program("nodev391");
    match rig.run_program(0, &prog, 10 * SEC) {
        Ok(0x600D) => {}
        other => panic!("after {after}: a disk at 391 ({other:x?})"),
    }
    rig.ipl_cms(0).expect("CMS again");
}

/// The directory's SPOOL statements decide the unit-record devices: ALICE's only one is
/// a reader at 01C, BOB has none. SIO at 00C, 00D and 00E gets CC 3 for both; at 01C
/// ALICE's reader takes a SENSE and BOB finds nothing (tests/hostile/spoolat.asm).
/// QUERY VIRTUAL lists what is there, commands that name a missing device by type are
/// refused, and IPL finds the reader at its own address.
#[test]
fn spool_statements_decide_the_unit_record_devices() {
    let dir = "USER ALICE ALICE 256K\n SPOOL 01C 2540 READER *\n MDISK 191 3350 1 2 CPCMS1 W\n\
               USER BOB BOB 256K\n";
    let mut rig = Rig::with_directory(dir, 2 << 20, &["ALICE", "BOB"]);
    let prog = program("spoolat");
    for (i, id, want) in [(0, "ALICE", 0x600D), (1, "BOB", 0x00C3)] {
        let code = rig.run_program(i, &prog, 10 * SEC);
        assert_eq!(code, Ok(want), "{id}: {}", rig.transcript(i));
    }
    rig.cp(0, "QUERY VIRTUAL", "RDR 01C CL * NOCONT NOHOLD EOF READY");
    rig.cp(1, "QUERY VIRTUAL", "STORAGE");
    for (i, no) in [
        (0, &["RDR 00C", "PUN", "PRT"][..]),
        (1, &["RDR", "PUN", "PRT"][..]),
    ] {
        let q = rig
            .transcript(i)
            .rsplit("QUERY VIRTUAL")
            .next()
            .unwrap()
            .to_string();
        for n in no {
            assert!(!q.contains(n), "{i}: {n} in {q}");
        }
    }
    rig.cp(1, "CLOSE READER", "OPERAND MISSING OR INVALID");
    rig.cp(1, "SPOOL PRINTER CLASS B", "OPERAND MISSING OR INVALID");
    rig.cp(1, "IPL 0", "DEV 0");
    rig.cp(0, "CLOSE PUNCH", "OPERAND MISSING OR INVALID");
    rig.cp(0, "IPL 00C", "DEV 00C");
    // Her reader is empty: IPL from it fails, and says where it is.
    rig.cp(0, "IPL 01C", "IPL 01C FAILED, CSW");
}

/// A read-only link made with the LINK command (MAINT's 190, read password ALL, so no
/// password asked) refuses writes with the real unit check, as the directory's do:
/// tests/hostile/rolink.asm reads R0 of the 190 and then tries to write a record there,
/// and MAINT's cylinders stay as they were.
#[test]
fn link_command_read_only_link_refuses_writes() {
    let mut rig = Rig::with_directory(LINK_DIR, 2 << 20, &["ALICE", "BOB"]);
    rig.cp(0, "LINK MAINT 190 190", "DASD 190 LINKED R/O");
    let snap = rig.snapshot(&["BOB"]);
    let prog = program("rolink");
    let code = rig.run_program(0, &prog, 10 * SEC);
    verdict(after_attack(&mut rig, &snap, &prog, code));
}

/// Every refused LINK leaves nothing behind, and a DETACHed link is gone: after each,
/// SIO and TIO at 391 get CC 3 (tests/hostile/nodev391.asm). A LINK over an address in
/// use leaves the disk there as it was, and ten wrong passwords end LINK for the
/// session, right password or not.
#[test]
fn link_refusals_and_detach_leave_no_disk() {
    let mut rig = Rig::with_directory(LINK_DIR, 2 << 20, &["ALICE", "BOB"]);
    // No write password in BOB's MDISK: no write link, whatever is typed.
    rig.cp(
        0,
        "LINK BOB 191 391 W PASS= BOBREAD",
        "NOT LINKED; NO WRITE PASSWORD",
    );
    nothing_at_391(&mut rig, "a W link to a disk without a write password");
    rig.cp(
        0,
        "LINK BOB 191 391 RR NOTRIGHT",
        "MODE OR PASSWORD INCORRECT",
    );
    nothing_at_391(&mut rig, "a wrong password");
    rig.cp(
        0,
        "LINK BOB 199 391 RR BOBREAD",
        "BOB 199 NOT LINKED; NOT IN CP DIRECTORY",
    );
    rig.cp(
        0,
        "LINK NOBODY 191 391",
        "NOBODY 191 NOT LINKED; NOT IN CP DIRECTORY",
    );
    nothing_at_391(&mut rig, "a link to a disk that does not exist");
    // Over her own 191: refused, and her 191 is still hers, read-write.
    rig.cp(0, "LINK BOB 191 191 RR BOBREAD", "DASD 191 ALREADY DEFINED");
    rig.cp(0, "QUERY DASD", "DASD 191 3350 CPCMS1 R/W 002 CYL");
    // A good link, then DETACH: the address is nothing again.
    rig.cp(
        0,
        "LINK BOB 191 391 RR BOBREAD",
        "DASD 391 LINKED R/O; R/W BY BOB",
    );
    rig.cp(0, "QUERY LINKS 391", "ALICE    391 R/O , BOB      191 R/W");
    rig.cp(0, "DETACH 391", "DASD 391 DETACHED");
    rig.cp(0, "DETACH 391", "DEV 391 DOES NOT EXIST");
    rig.cp(0, "DETACH 009", "OPERAND MISSING OR INVALID");
    // A unit-record device goes too: QUERY VIRTUAL no longer lists it.
    rig.cp(0, "DETACH 00D", "PUN 00D DETACHED");
    rig.cp(0, "QUERY VIRTUAL", "DASD 191 3350 CPCMS1 R/W 002 CYL");
    let q = rig
        .transcript(0)
        .rsplit("QUERY VIRTUAL")
        .next()
        .unwrap()
        .to_string();
    assert!(q.contains("RDR 00C") && !q.contains("PUN 00D"), "{q}");
    nothing_at_391(&mut rig, "DETACH 391");
    // Ten wrong passwords (one already): LINK is over for ALICE until she logs off.
    for _ in 0..9 {
        rig.cp(
            0,
            "LINK BOB 191 391 RR NOTRIGHT",
            "MODE OR PASSWORD INCORRECT",
        );
    }
    rig.cp(
        0,
        "LINK BOB 191 391 RR BOBREAD",
        "EXCESSIVE INCORRECT PASSWORDS",
    );
    nothing_at_391(&mut rig, "LINK after ten wrong passwords");
    let t = rig.transcript(0).to_string();
    assert!(!t.contains("DASD 391 LINKED R/O\n"), "{t}");
}

/// Write links while someone else has the disk: W and M are refused while ALICE has
/// her 191 R/W, MR is forced read-only; when she DETACHes it, BOB's own R/O link still
/// refuses W, and once he DETACHes that too, W is given: DETACH frees the link.
#[test]
fn link_write_modes_follow_who_has_the_disk() {
    let mut rig = Rig::with_directory(LINK_DIR, 2 << 20, &["ALICE", "BOB"]);
    rig.cp(
        1,
        "LINK ALICE 191 391 W ALIWRITE",
        "ALICE 191 NOT LINKED; R/W BY ALICE",
    );
    rig.cp(
        1,
        "LINK ALICE 191 391 M ALIMULT",
        "ALICE 191 NOT LINKED; R/W BY ALICE",
    );
    rig.cp(
        1,
        "LINK ALICE 191 391 MR ALIMULT",
        "DASD 391 FORCED R/O; R/W BY ALICE",
    );
    rig.cp(0, "DETACH 191", "DASD 191 DETACHED");
    rig.cp(
        1,
        "LINK ALICE 191 392 W ALIWRITE",
        "ALICE 191 NOT LINKED; R/O BY BOB",
    );
    rig.cp(
        1,
        "LINK ALICE 191 392 WR ALIWRITE",
        "DASD 392 FORCED R/O; R/O BY BOB",
    );
    rig.cp(1, "DETACH 391", "DASD 391 DETACHED");
    rig.cp(1, "DETACH 392", "DASD 392 DETACHED");
    rig.cp(1, "LINK ALICE 191 392 W ALIWRITE", "DASD 392 LINKED R/W");
    rig.cp(
        0,
        "LINK ALICE 191 191 RR",
        "DASD 191 LINKED R/O; R/W BY BOB",
    );
}

/// The password prompt, from CMS (DIAGNOSE X'08', which waits for the answer): the
/// typed password is not in the transcript (the terminal prints XXXXXXXX in its place),
/// the LINK is made, and CMS gets its ready line after it.
#[test]
fn link_password_prompt_is_masked_and_diagnose_waits() {
    let mut rig = Rig::with_directory(LINK_DIR, 2 << 20, &["ALICE", "BOB"]);
    rig.type_line(0, "CP LINK BOB 191 391 RR");
    rig.wait_for(0, "ENTER READ PASSWORD:", 2 * SEC).unwrap();
    rig.settle();
    rig.type_line(0, "bobread");
    rig.wait_for(0, "XXXXXXXX\nDASD 391 LINKED R/O; R/W BY BOB\nR;", 2 * SEC)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!rig.transcript(0).contains("bobread"));
}

/// The operator's ATTACH and DETACH of a real disk (USER01 at 151): refused for the
/// system residence volume, a volume holding minidisks (USER02 at 152, BOB's 191), a
/// disk that is not there, a user who is not logged on, an address in use and a disk
/// someone has already; given, ALICE has the whole disk at 391 read-only, with
/// messages at both ends; taken back, 391 is nothing again (CC 3).
#[test]
fn attach_and_detach_a_real_disk() {
    let dir = std::env::temp_dir().join(format!("cpcms-hostile-att-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let v1 = Volume::probe(
        0x151,
        &dir.join("u1.3350"),
        Some("USER01"),
        Some(10),
        true,
        "t",
    );
    let v2 = Volume::probe(
        0x152,
        &dir.join("u2.3350"),
        Some("USER02"),
        Some(5),
        true,
        "t",
    );
    let text = format!(
        "USER ALICE ALICE 256K\n MDISK 191 3350 1 2 CPCMS1 W\n\
         USER BOB {BOB_PASSWORD} 256K\n MDISK 191 3350 1 2 USER02 W\n"
    );
    let mut rig = Rig::with_volumes(&text, vec![v1.unwrap(), v2.unwrap()], 2 << 20, &["ALICE"]);
    let op = |rig: &mut Rig, cmd: &str, answer: &str| {
        let m = &mut rig.sys.machine;
        let from = m.transcript(0x009).unwrap_or_default().end();
        m.type_line(0x009, cmd).expect("operator");
        let deadline = m.now() + 2 * SEC;
        while !m
            .transcript(0x009)
            .unwrap_or_default()
            .since(from)
            .0
            .contains(answer)
        {
            assert!(
                m.now() < deadline,
                "{cmd}: no {answer:?} at the operator's console"
            );
            m.run_until(m.now() + MS);
        }
    };
    op(
        &mut rig,
        "ATTACH 150 TO ALICE AS 391",
        "DASD 150 ATTACHED TO SYSTEM",
    );
    op(
        &mut rig,
        "ATTACH 152 TO ALICE AS 391",
        "DASD 152 ATTACHED TO SYSTEM",
    );
    op(
        &mut rig,
        "ATTACH 153 TO ALICE AS 391",
        "DEV 153 DOES NOT EXIST",
    );
    op(&mut rig, "ATTACH 151 TO BOB AS 391", "BOB NOT LOGGED ON");
    op(
        &mut rig,
        "ATTACH 151 TO ALICE AS 191",
        "DEV 191 ALREADY DEFINED",
    );
    nothing_at_391(&mut rig, "refused ATTACHes");
    op(
        &mut rig,
        "ATTACH 151 TO ALICE AS 391 R/O",
        "DASD 151 ATTACHED TO ALICE 391",
    );
    rig.wait_for(0, "DASD 391 ATTACHED", SEC).unwrap();
    op(
        &mut rig,
        "ATTACH 151 ALICE 392",
        "DMKVDB122E DASD 151 ATTACHED TO ALICE\n",
    );
    rig.cp(0, "QUERY VIRTUAL", "DASD 391 ON DASD 151 R/O USER01");
    op(
        &mut rig,
        "DETACH 151 FROM ALICE",
        "DASD 151 DETACHED FROM ALICE 391",
    );
    rig.wait_for(0, "DASD 391 DETACHED BY OPERATOR", SEC)
        .unwrap();
    op(
        &mut rig,
        "DETACH 151 FROM ALICE",
        "DASD 151 NOT ATTACHED TO ALICE",
    );
    nothing_at_391(&mut rig, "the operator's DETACH");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The channel-program fuzzer on a disk ALICE got with the LINK command: MAINT's 291
/// (cylinders 1-2, multiple password MMULT) linked MW at her 191; she has no disk of her
/// own. 3,000 random programs (tests/hostile/fuzz191.asm), then every invariant of
/// `after_attack`: nothing outside those two cylinders changed (BOB's 191, cylinders
/// 3-4, holds his record), nothing of BOB's in her storage. A LINKed slot is bounded by
/// its extent exactly as a directory one is.
#[test]
fn fuzz_random_channel_programs_on_a_linked_disk() {
    let text = format!(
        "USER ALICE ALICE 512K\n\
         USER BOB {BOB_PASSWORD} 256K\n MDISK 191 3350 3 2 CPCMS1 W\n\
         USER MAINT MAINT 256K\n MDISK 291 3350 1 2 CPCMS1 MW MREAD MWRITE MMULT\n"
    );
    let mut rig = Rig::with_directory(&text, 2 << 20, &["ALICE", "BOB"]);
    rig.cp(0, "LINK MAINT 291 191 MW MMULT", "DASD 191 LINKED R/W");
    let bob = rig.user("BOB");
    assert_eq!(
        rig.run_program(bob, &program("bobmark"), 10 * SEC),
        Ok(0x600D)
    );
    rig.ipl_cms(bob).unwrap();
    let snap = rig.snapshot(&["BOB"]);
    let prog = patched(
        "fuzz191",
        &[
            ("SEED", &0x5EED_0191u32.to_be_bytes()),
            ("ROUNDS", &3000u32.to_be_bytes()),
        ],
    );
    let code = rig.run_fuzzer(&prog);
    verdict(after_attack(&mut rig, &snap, &prog, code));
}
