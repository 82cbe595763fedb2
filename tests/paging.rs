//! Paging (issue 12): CP gives virtual machines more storage than the real machine has,
//! stealing frames with a clock over its frame table and writing pages to its page area
//! on the system residence volume (roms/cp/paging.asm).

use cpcms::cpu::{TOD_PER_SECOND, TOD_PER_US};
use cpcms::machine::Status;
use cpcms::sysgen::{SysConfig, System, User};

const MS: u64 = 1000 * TOD_PER_US;
const SEC: u64 = TOD_PER_SECOND;

struct Rig {
    sys: System,
    cursors: Vec<u64>,
}

impl Rig {
    fn boot(users: &[(&str, u32)], real: u32) -> Rig {
        let cfg = SysConfig {
            storage: real,
            mips: 1.0,
            tod_epoch: cpcms::scenario::units::parse_date(cpcms::scenario::DEFAULT_DATE)
                .expect("date"),
            terminals: users.len(),
            users: users
                .iter()
                .map(|(id, st)| User::new(id, id, *st))
                .collect(),
            disks: Vec::new(),
            storage_at: None,
            volumes: Vec::new(),
        };
        let sys = System::boot(&cfg, None).expect("boot");
        let n = sys.terminals.len() + 1;
        let mut rig = Rig {
            sys,
            cursors: vec![0; n],
        };
        let op = rig.sys.terminals.len();
        rig.wait(op, "LINE 009 LOGON  AS OPERATOR USERS = 001", SEC);
        rig
    }

    fn dev(&self, t: usize) -> u16 {
        if t == self.sys.terminals.len() {
            self.sys.operator
        } else {
            self.sys.terminals[t]
        }
    }

    fn now(&self) -> u64 {
        self.sys.machine.now()
    }

    fn type_line(&mut self, t: usize, text: &str) {
        let dev = self.dev(t);
        self.sys.machine.type_line(dev, text).expect("type");
        let end = self.sys.machine.transcript(dev).unwrap().end();
        self.cursors[t] = self.cursors[t].max(end);
    }

    fn try_wait(&mut self, t: usize, text: &str, within: u64) -> Result<(), String> {
        let deadline = self.now() + within;
        let dev = self.dev(t);
        loop {
            let view = self.sys.machine.transcript(dev).unwrap();
            let rest = view.since(self.cursors[t]).0;
            if let Some(p) = rest.find(text) {
                self.cursors[t] = view.end() - (rest.len() - p - text.len()) as u64;
                return Ok(());
            }
            if self.now() >= deadline {
                return Err(format!(
                    "terminal {t} did not show {text:?}; it shows:\n{}",
                    view.text
                ));
            }
            let to = self.now() + 10 * MS;
            if let st @ (Status::DisabledWait(_) | Status::Checkstop) =
                self.sys.machine.run_until(to)
                && self.now() < to
            {
                return Err(format!("the machine stopped ({st:?}) before {text:?}"));
            }
        }
    }

    fn wait(&mut self, t: usize, text: &str, within: u64) {
        if let Err(e) = self.try_wait(t, text, within) {
            panic!(
                "{e}\n{}\nPSW {:016X} {:?} {} PGFAULTS {} PGINS {} PGOUTS {}",
                self.ftdump(),
                self.sys.machine.cpu.psw(),
                self.sys.vm_status(),
                self.vmpsw(1),
                self.word("PGFAULTS"),
                self.word("PGINS"),
                self.word("PGOUTS")
            );
        }
    }

    fn ftdump(&self) -> String {
        let ft = self.word("PGFTAB");
        let n = self.word("PGNFRM");
        let (mut guest, mut locked) = (0, 0);
        for i in 0..n {
            let e = self.sys.machine.peek(ft + 16 * i, 16).unwrap();
            if e[0..4] != [0, 0, 0, 0] {
                guest += 1;
            }
            if e[9] != 0 {
                locked += 1;
            }
        }
        format!(
            "frames {n} guest {guest} locked {locked} slots {}/{} steals {} free {} ioerrs {} csw {:08X}{:08X}",
            self.word("PGSLOTS"),
            self.word("PGNSLOT"),
            self.word("PGSTEALS"),
            self.word("FRMCOUNT"),
            self.word("PGIOERRS"),
            self.word("PGIOCSW"),
            self.sys
                .machine
                .peek(self.sys.cp.symbols["PGIOCSW"].value + 4, 4)
                .map(|b| u32::from_be_bytes(b.try_into().unwrap()))
                .unwrap()
        )
    }

    fn vmpsw(&self, i: u32) -> String {
        let vm = self.sys.cp.symbols["VMTABLE"].value + i * self.sys.cp.symbols["VMBLKLEN"].value;
        let p = self.sys.cp.symbols["VMPSW"].value;
        format!("{:02X?}", self.sys.machine.peek(vm + p, 8).unwrap())
    }

    fn word(&self, name: &str) -> u32 {
        let a = self.sys.cp.symbols[name].value;
        u32::from_be_bytes(self.sys.machine.peek(a, 4).unwrap().try_into().unwrap())
    }

    fn logon(&mut self, t: usize, id: &str) {
        self.type_line(t, &format!("LOGON {id} {id}"));
        self.wait(t, "CMS VERSION", 30 * SEC);
        self.type_line(t, "");
        self.wait(t, "R;", 10 * SEC);
    }
}

#[test]
fn debug_logon() {
    let mut rig = Rig::boot(&[("ALICE", 1 << 20)], 2 << 20);
    rig.logon(0, "ALICE");
}

fn program(name: &str) -> cpcms::asm::Assembly {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/paging");
    let read = |n: &str| -> Option<String> {
        let file = if n.ends_with(".asm") {
            n.to_string()
        } else {
            format!("{}.asm", n.to_ascii_lowercase())
        };
        std::fs::read_to_string(dir.join(file)).ok()
    };
    cpcms::asm::assemble_with(
        &format!("{name}.asm"),
        &read,
        &cpcms::asm::Options::default(),
    )
    .unwrap_or_else(|e| panic!("tests/paging/{name}.asm:\n{}", e.join("\n")))
    .assembly
}

impl Rig {
    fn plant(&mut self, t: usize, prog: &cpcms::asm::Assembly) {
        for (n, chunk) in prog.image.chunks(48).enumerate() {
            let at = prog.origin + 48 * n as u32;
            let hex: String = chunk.iter().map(|b| format!("{b:02X}")).collect();
            self.type_line(t, &format!("#CP STORE S{at:06X} {hex}"));
            self.wait(t, "STORE COMPLETE", SEC);
        }
    }

    fn start(&mut self, t: usize, addr: u32) {
        self.type_line(t, &format!("#CP STORE PSW 00000000 {addr:08X}"));
    }
}

#[test]
fn three_machines_of_1m_each_in_less_real_storage() {
    let users = [("ALICE", 1 << 20), ("BOB", 1 << 20), ("CAROL", 1 << 20)];
    let mut rig = Rig::boot(&users, 1 << 20);
    let prog = program("touch");
    for (t, (id, _)) in users.iter().enumerate() {
        rig.logon(t, id);
        rig.plant(t, &prog);
    }
    for t in 0..users.len() {
        rig.start(t, prog.origin);
    }
    for t in 0..users.len() {
        rig.wait(t, "DISABLED WAIT PSW '00020000 0000600D'", 60 * SEC);
    }
    eprintln!(
        "PGINS {} PGOUTS {} PGSTEALS {} PGFAULTS {} FREE {} WAITS {}",
        rig.word("PGINS"),
        rig.word("PGOUTS"),
        rig.word("PGSTEALS"),
        rig.word("PGFAULTS"),
        rig.word("FRMCOUNT"),
        rig.word("PGWAITS")
    );
    assert!(rig.word("PGOUTS") > 0);
}

#[test]
fn query_paging_and_indicate_show_the_counts() {
    let users = [("ALICE", 1 << 20), ("BOB", 1 << 20)];
    let mut rig = Rig::boot(&users, 768 << 10);
    let prog = program("touch");
    for (t, (id, _)) in users.iter().enumerate() {
        rig.logon(t, id);
        rig.plant(t, &prog);
    }
    for t in 0..users.len() {
        rig.start(t, prog.origin);
    }
    for t in 0..users.len() {
        rig.wait(t, "DISABLED WAIT PSW '00020000 0000600D'", 60 * SEC);
    }
    rig.type_line(0, "#CP QUERY PAGING");
    rig.wait(0, "SLOTS", SEC);
    rig.type_line(0, "#CP INDICATE USER");
    rig.wait(0, "WRITES=", SEC);
    rig.type_line(1, "#CP INDICATE LOAD");
    rig.wait(1, "BOB", SEC);
    let op = rig.sys.terminals.len();
    rig.type_line(op, "INDICATE USER ALICE");
    rig.wait(op, "WRITES=", SEC);
    rig.type_line(op, "INDICATE USER NOBODY");
    rig.wait(op, "NOBODY NOT LOGGED ON", SEC);
    for t in [0, 1, op] {
        let view = rig.sys.machine.transcript(rig.dev(t)).unwrap();
        eprintln!("{}", view.text);
    }
}
