//! The rig: a booted system and its users at their terminals (the hostile suite: see
//! tests/hostile.rs).

use super::*;

/// One user of a test system: (userid, password, virtual storage).
pub(crate) type UserSpec<'a> = (&'a str, &'a str, u32);

/// The users most tests have: ALICE the attacker, BOB the victim.
pub(crate) const PAIR: &[UserSpec] = &[("ALICE", "ALICE", 256 * K), ("BOB", BOB_PASSWORD, 256 * K)];

pub(crate) struct Rig {
    pub(crate) sys: System,
    pub(crate) users: Vec<User>,
    /// Per terminal: where the next wait_for starts looking, as an absolute position in
    /// everything the terminal printed (a terminal keeps only the last 64 KiB of its
    /// output, and a long run prints far more).
    pub(crate) cursors: Vec<u64>,
    /// CP's static byte ranges (`static_ranges`), found once.
    pub(crate) ranges: Vec<(u32, u32, String)>,
    /// Per terminal: its machine is stopped by a program's disabled wait.
    pub(crate) stopped: Vec<bool>,
}

/// What the harness remembers from before an attack.
pub(crate) struct Snapshot {
    pub(crate) volume: Vec<u8>,
    pub(crate) frames: Frames,
}

/// The victims' storage, by userid.
pub(crate) type Frames = BTreeMap<String, Victim>;

/// A victim's storage before the attack.
pub(crate) struct Victim {
    /// (guest page address, real frame, its 4K) for every page that has a frame.
    pub(crate) pages: Vec<(u32, u32, Vec<u8>)>,
    /// The frame holding its segment and page tables, and their content.
    pub(crate) tables: u32,
    pub(crate) table_bytes: Vec<u8>,
}

impl Rig {
    /// Boot a system with `users` (user i at terminal i) and `real` bytes of storage.
    pub(crate) fn boot(users: &[UserSpec], real: u32) -> Rig {
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
    pub(crate) fn with_directory(text: &str, real: u32, logon: &[&str]) -> Rig {
        Rig::with_volumes(text, Vec::new(), real, logon)
    }

    /// As `with_directory`, with real disks beside the system residence volume.
    pub(crate) fn with_volumes(text: &str, volumes: Vec<Volume>, real: u32, logon: &[&str]) -> Rig {
        let d = cpcms::sysgen::direct::parse_on(text, &volumes)
            .unwrap_or_else(|e| panic!("{}", e.at("dir")));
        let mut rig = Rig::boot_with(d.users, d.disks, volumes, real);
        for id in logon {
            let i = rig.user(id);
            rig.logon(i);
        }
        rig
    }

    pub(crate) fn boot_with(
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
            paging: None,
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
    pub(crate) fn with_users(users: &[UserSpec], real: u32) -> Rig {
        let mut rig = Rig::boot(users, real);
        for i in 0..users.len() {
            rig.logon(i);
        }
        rig
    }

    pub(crate) fn user(&self, id: &str) -> usize {
        self.users
            .iter()
            .position(|u| u.id == id)
            .unwrap_or_else(|| panic!("no user {id}"))
    }

    pub(crate) fn now(&self) -> u64 {
        self.sys.machine.now()
    }

    /// What terminal `t` still keeps of its output (the last 64 KiB).
    pub(crate) fn transcript(&self, t: usize) -> &str {
        self.view(t).text
    }

    pub(crate) fn view(&self, t: usize) -> cpcms::devices::transcript::Transcript<'_> {
        self.sys
            .machine
            .transcript(self.sys.terminals[t])
            .unwrap_or_default()
    }

    /// Terminal `t`'s output from its cursor on.
    pub(crate) fn since_cursor(&self, t: usize) -> &str {
        self.view(t).since(self.cursors[t]).0
    }

    pub(crate) fn tail(&self, t: usize, n: usize) -> String {
        let lines: Vec<&str> = self.transcript(t).lines().collect();
        let from = lines.len().saturating_sub(n);
        lines[from..]
            .iter()
            .map(|l| format!("    {t}| {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Let virtual time pass. A real disabled wait or checkstop means CP itself died.
    pub(crate) fn run_for(&mut self, d: u64) -> Result<(), String> {
        let until = self.now() + d;
        self.run_until(until)
    }

    pub(crate) fn run_until(&mut self, t: u64) -> Result<(), String> {
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
    pub(crate) fn cp_death(&self) -> String {
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
    pub(crate) fn type_line(&mut self, t: usize, text: &str) {
        self.sys
            .machine
            .type_line(self.sys.terminals[t], text)
            .expect("type");
        self.cursors[t] = self.cursors[t].max(self.view(t).end());
    }

    /// Run until terminal `t` shows `text` (after its cursor), at most `within`. Returns
    /// the virtual time it took; the cursor moves past the match.
    pub(crate) fn wait_for(&mut self, t: usize, text: &str, within: u64) -> Result<u64, String> {
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
    pub(crate) fn logon(&mut self, i: usize) {
        self.try_logon(i).unwrap_or_else(|e| panic!("{e}"));
    }

    pub(crate) fn try_logon(&mut self, i: usize) -> Result<(), String> {
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
    pub(crate) fn vm_psw(&self, id: &str) -> u64 {
        let vm = self.vmblok(id).expect("logged on");
        let b = self.sys.machine.peek(vm + self.sym("VMPSW"), 8).unwrap();
        u64::from_be_bytes(b.try_into().unwrap())
    }

    /// Let a machine that just typed its ready line get to its next read.
    pub(crate) fn settle(&mut self) {
        self.run_for(200 * MS).expect("CP alive");
    }

    /// After a disabled wait (CP READ): IPL CMS again and see it ready.
    pub(crate) fn ipl_cms(&mut self, i: usize) -> Result<(), String> {
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
    pub(crate) fn stopped(&self, id: &str) -> bool {
        self.vmblok(id)
            .is_some_and(|vm| self.sys.machine.peek(vm + self.sym("VMSTATE"), 1).unwrap()[0] == 4)
    }

    /// Plant `prog` in user `i`'s storage with CP's STORE command, 48 bytes a line.
    pub(crate) fn plant(&mut self, i: usize, prog: &Assembly) {
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
    pub(crate) fn start(&mut self, i: usize, addr: u32) {
        self.type_line(i, &format!("#CP STORE PSW 00000000 {addr:08X}"));
        if std::mem::take(&mut self.stopped[i]) {
            self.wait_for(i, "STORE COMPLETE", SEC)
                .unwrap_or_else(|e| panic!("{e}"));
            self.type_line(i, "#CP BEGIN");
        }
    }

    /// Plant and start a program; wait for its disabled wait and return the code.
    pub(crate) fn run_program(
        &mut self,
        i: usize,
        prog: &Assembly,
        within: u64,
    ) -> Result<u32, String> {
        self.plant(i, prog);
        self.start(i, prog.origin);
        self.wait_code(i, within)
    }

    /// Wait for "DISABLED WAIT PSW '00020000 0000xxxx'" and return the code.
    pub(crate) fn wait_code(&mut self, i: usize, within: u64) -> Result<u32, String> {
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
    pub(crate) fn run_fuzzer(&mut self, prog: &Assembly) -> Result<u32, String> {
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

    pub(crate) fn sym(&self, name: &str) -> u32 {
        self.sys
            .cp
            .symbols
            .get(name)
            .unwrap_or_else(|| panic!("CP has no symbol {name}"))
            .value
    }

    pub(crate) fn word(&self, addr: u32) -> u32 {
        let b = self.sys.machine.peek(addr, 4).expect("real storage");
        u32::from_be_bytes([b[0], b[1], b[2], b[3]])
    }

    pub(crate) fn half(&self, addr: u32) -> u16 {
        let b = self.sys.machine.peek(addr, 2).expect("real storage");
        u16::from_be_bytes([b[0], b[1]])
    }

    /// The VMBLOK of a logged-on user.
    pub(crate) fn vmblok(&self, id: &str) -> Option<u32> {
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
    pub(crate) fn pages(&self, id: &str) -> (Vec<(u32, u32)>, u32) {
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
    pub(crate) fn guest_bytes(&self, id: &str, addr: u32, len: u32) -> Vec<u8> {
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
    pub(crate) fn snapshot(&self, victims: &[&str]) -> Snapshot {
        let volume = self.sys.sysres_image().expect("volume in memory").to_vec();
        Snapshot {
            volume,
            frames: self.frames_of(victims),
        }
    }

    /// Remember the victims' frames and DAT tables (each must be idle: VM READ or
    /// stopped).
    pub(crate) fn frames_of(&self, victims: &[&str]) -> Frames {
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
    pub(crate) fn cp_static_damage(&self) -> Vec<String> {
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
    pub(crate) fn frame_damage(&self, snap: &Snapshot) -> Vec<String> {
        self.frames_changed(&snap.frames)
    }

    /// The victims' frames and DAT tables that differ from `frames`.
    pub(crate) fn frames_changed(&self, frames: &Frames) -> Vec<String> {
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
    pub(crate) fn volume_damage(&self, snap: &Snapshot, owner: &str) -> Vec<String> {
        self.volume_damage_outside(snap, &[owner])
    }

    /// (c) Tracks outside the minidisks of all `owners` that differ from the snapshot.
    pub(crate) fn volume_damage_outside(&self, snap: &Snapshot, owners: &[&str]) -> Vec<String> {
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

    pub(crate) fn whose(&self, cyl: u16) -> String {
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
    pub(crate) fn leaks(
        &self,
        owner: &str,
        skip: std::ops::Range<u32>,
        texts: &[&str],
    ) -> Vec<String> {
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
    pub(crate) fn victim_answers(&mut self, t: usize, bound: u64) -> Result<u64, String> {
        self.type_line(t, "#CP QUERY TIME");
        self.wait_for(t, "TIME IS", SEC)
            .map_err(|e| format!("CP does not answer #CP QUERY TIME: {e}"))?;
        self.response(t, bound)
    }

    /// Type an empty line at `t` and time CMS's ready line. Waits up to 30 s to say how
    /// long it took when it is late.
    pub(crate) fn response(&mut self, t: usize, bound: u64) -> Result<u64, String> {
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
    pub(crate) fn response_time(&mut self, t: usize, within: u64) -> Result<u64, String> {
        self.type_line(t, "");
        self.wait_for(t, "R;", within)
            .map_err(|e| format!("no ready line: {e}"))
    }
}

/// The byte ranges of CP that must never change: what its machine instructions (and
/// the macros that expand into them: ENTER, LEAVE, CPMSG) and its literal pools
/// assembled into, and all of SYSCONF (terminals, directory, storage size). Found from
/// the assembler's line map and the source lines, so they follow any rewrite of CP.
pub(crate) fn static_ranges(sys: &System) -> Vec<(u32, u32, String)> {
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
pub(crate) fn verdict(problems: Vec<String>) {
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
pub(crate) fn after_attack(
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
pub(crate) fn cp_head(rig: &Rig) -> u16 {
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
pub(crate) fn channel_attack(name: &str, patches: &[(&str, &[u8])]) {
    attack(name, patches, 60 * SEC);
}

/// As `channel_attack`, waiting `within` for ALICE's program to end.
pub(crate) fn attack(name: &str, patches: &[(&str, &[u8])], within: u64) {
    let mut rig = Rig::with_users(PAIR, 2 << 20);
    let snap = rig.snapshot(&["BOB"]);
    let prog = patched(name, patches);
    let code = rig.run_program(0, &prog, within);
    let p = after_attack(&mut rig, &snap, &prog, code);
    verdict(p);
}
