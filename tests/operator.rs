//! The operator and the privilege classes: a whole system boots (CP, CMS, the system
//! residence volume), OPERATOR is logged on at the operator's console (009), and users
//! type at their terminals. What is checked is what a user could see and what CP's own
//! storage says: a class G user cannot FORCE, SHUTDOWN, WARNING, AUTOLOG, DISABLE or
//! ENABLE (for him those commands do not exist: `?CP:`, return code 1), nor MSG ALL; a
//! class B user may DISABLE but not FORCE; FORCE gives every frame back; SHUTDOWN stops
//! the machine in a disabled wait (code 6) after every terminal has typed its last line.
//! `scenarios/operator.ron` plays the same commands with a golden transcript.

use cpcms::cpu::{TOD_PER_SECOND, TOD_PER_US};
use cpcms::machine::Status;
use cpcms::sysgen::{SysConfig, System, User, direct};

const MS: u64 = 1000 * TOD_PER_US;
const SEC: u64 = TOD_PER_SECOND;

/// A booted system and where each terminal's output was last looked at (terminal
/// `terminals.len()` is the operator's console).
struct Rig {
    sys: System,
    cursors: Vec<u64>,
}

impl Rig {
    fn boot(users: Vec<User>, disks: Vec<cpcms::sysgen::Disk>, terminals: usize) -> Rig {
        let cfg = SysConfig {
            storage: 2 << 20,
            mips: 1.0,
            tod_epoch: cpcms::scenario::units::parse_date(cpcms::scenario::DEFAULT_DATE)
                .expect("date"),
            terminals,
            users,
            disks,
            storage_at: None,
            volumes: Vec::new(),
            paging: None,
        };
        let sys = System::boot(&cfg, None).expect("boot");
        let n = sys.terminals.len() + 1;
        let mut rig = Rig {
            sys,
            cursors: vec![0; n],
        };
        rig.wait(rig.op(), "LINE 009 LOGON  AS OPERATOR USERS = 001", SEC);
        rig
    }

    /// ALICE, BOB, CAROL (class G), the short form's MAINT and OPERATOR.
    fn short_form() -> Rig {
        let users = ["ALICE", "BOB", "CAROL"]
            .iter()
            .map(|id| User::new(id, id, 256 * 1024))
            .collect();
        Rig::boot(users, Vec::new(), 3)
    }

    fn op(&self) -> usize {
        self.sys.terminals.len()
    }

    fn dev(&self, t: usize) -> u16 {
        if t == self.op() {
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

    /// Run until terminal `t` shows `text` after its cursor (at most `within` of
    /// virtual time); the cursor moves past it.
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
                let view = self.sys.machine.transcript(dev).unwrap();
                if !view.since(self.cursors[t]).0.contains(text) {
                    return Err(format!("the machine stopped ({st:?}) before {text:?}"));
                }
            }
        }
    }

    fn wait(&mut self, t: usize, text: &str, within: u64) {
        if let Err(e) = self.try_wait(t, text, within) {
            panic!("{e}");
        }
    }

    fn run_for(&mut self, d: u64) {
        let to = self.now() + d;
        let _ = self.sys.machine.run_until(to);
    }

    /// What terminal `t` showed after its cursor (the cursor does not move).
    fn since(&self, t: usize) -> String {
        let view = self.sys.machine.transcript(self.dev(t)).unwrap();
        view.since(self.cursors[t]).0.to_string()
    }

    /// Log user `id` on at terminal `t` and let CMS come up to its ready line.
    fn logon(&mut self, t: usize, id: &str) {
        self.type_line(t, &format!("LOGON {id} {id}"));
        self.wait(t, "CMS VERSION", 30 * SEC);
        self.type_line(t, "");
        self.wait(t, "R;", 10 * SEC);
    }

    fn word(&self, name: &str) -> u32 {
        let a = self.sys.cp.symbols[name].value;
        u32::from_be_bytes(self.sys.machine.peek(a, 4).unwrap().try_into().unwrap())
    }

    fn names(&mut self) -> String {
        let op = self.op();
        self.type_line(op, "QUERY NAMES");
        let from = self.cursors[op];
        self.wait(op, "OPERATOR - 009", SEC);
        self.run_for(50 * MS);
        let view = self.sys.machine.transcript(self.dev(op)).unwrap();
        view.since(from).0.to_string()
    }
}

/// A class G user: every operator's command is "?CP:" (return code 1), with `#CP` and
/// with `CP` from CMS alike, and nothing happens: BOB is still logged on, the lines are
/// still enabled, the machine runs.
#[test]
fn a_class_g_user_cannot_use_the_operators_commands() {
    let mut rig = Rig::short_form();
    rig.logon(0, "ALICE");
    rig.logon(1, "BOB");
    for cmd in [
        "FORCE BOB",
        "SHUTDOWN",
        "WARNING BOB THE END IS NEAR",
        "WARNING ALL THE END IS NEAR",
        "AUTOLOG CAROL CAROL",
        "DISABLE ALL",
        "DISABLE 021",
        "ENABLE ALL",
        "FORC BOB",
        "AUTO CAROL CAROL",
    ] {
        let word = cmd.split(' ').next().unwrap();
        rig.type_line(0, &format!("#CP {cmd}"));
        rig.wait(0, &format!("?CP: {word}"), SEC);
        rig.type_line(0, &format!("CP {cmd}"));
        rig.wait(0, &format!("?CP: {word}"), SEC);
        rig.wait(0, "R(00001);", SEC);
    }
    // MSG ALL is for classes A and B: to ALICE, ALL is a userid nobody has.
    rig.type_line(0, "CP MSG ALL HELLO");
    rig.wait(0, "ALL NOT LOGGED ON", SEC);
    rig.wait(0, "R(00045);", SEC);
    rig.run_for(200 * MS);
    assert!(!rig.since(1).contains("HELLO"), "{}", rig.since(1));
    assert!(!rig.since(1).contains("END IS NEAR"), "{}", rig.since(1));
    // Nothing happened: BOB answers, CAROL is not logged on, line 022 takes a LOGON.
    rig.type_line(1, "");
    rig.wait(1, "R;", SEC);
    let names = rig.names();
    assert!(
        names.contains("OPERATOR - 009 , ALICE    - 020 , BOB      - 021\n"),
        "{names}"
    );
    rig.logon(2, "CAROL");
    assert_eq!(rig.word("NUSERS"), 4);
    assert_eq!(rig.sys.machine.status(), Status::Waiting);
}

/// Classes are a mask: a user of class B alone may DISABLE and ENABLE lines and send
/// warnings (classes A and B), but not FORCE or SHUTDOWN (class A).
#[test]
fn a_class_b_user_may_disable_but_not_force() {
    let dir = direct::parse(
        "USER OPERATOR OPERATOR 1M 2M ABCDEFGH\n\
         USER RESOP RESOP 256K 1M BG\n MDISK 191 3350 1 2 CPCMS1 W\n\
         USER ALICE ALICE 256K 1M\n MDISK 191 3350 3 2 CPCMS1 W\n",
    )
    .unwrap();
    assert_eq!(dir.users[1].classes, "BG");
    let mut rig = Rig::boot(dir.users, dir.disks, 3);
    rig.logon(0, "RESOP");
    rig.logon(1, "ALICE");
    rig.type_line(0, "CP DISABLE 022");
    rig.wait(0, "COMMAND COMPLETE", SEC);
    rig.type_line(0, "CP WARNING ALICE TIME TO GO");
    rig.wait(1, "WNG FROM RESOP   : TIME TO GO", SEC);
    rig.type_line(0, "CP FORCE ALICE");
    rig.wait(0, "?CP: FORCE", SEC);
    rig.type_line(0, "CP SHUTDOWN");
    rig.wait(0, "?CP: SHUTDOWN", SEC);
    // Line 022 is disabled: a LOGON there is not taken, and no logo comes.
    rig.type_line(2, "LOGON ALICE ALICE");
    rig.run_for(SEC);
    let after = rig.since(2);
    assert!(!after.contains("LOGON AT"), "{after}");
    assert!(!after.contains("ALREADY LOGGED ON"), "{after}");
    assert_eq!(rig.word("NUSERS"), 3);
    rig.type_line(0, "CP ENABLE 022");
    rig.wait(2, "VM/370 ONLINE", SEC);
    rig.type_line(2, "LOGON ALICE ALICE");
    rig.wait(2, "DMKLOG054E ALREADY LOGGED ON LINE 021", SEC);
}

/// FORCE logs a user off whatever his machine is doing, and every frame it held goes
/// back; a disconnected machine (AUTOLOG) likewise, with "USER DSC".
#[test]
fn force_gives_every_frame_back() {
    let mut rig = Rig::short_form();
    let op = rig.op();
    let free = rig.word("FRMCOUNT");
    rig.logon(0, "ALICE");
    rig.type_line(0, "SPIN");
    rig.run_for(200 * MS);
    assert!(rig.word("FRMCOUNT") < free);
    rig.type_line(op, "FORCE ALICE");
    rig.wait(0, "BY SYSTEM", SEC);
    rig.wait(0, "VM/370 ONLINE", SEC);
    rig.wait(op, "LINE 020 LOGOFF AS ALICE    USERS = 001 FORCED", SEC);
    assert_eq!(rig.word("FRMCOUNT"), free);
    rig.type_line(op, "AUTOLOG BOB BOB");
    rig.wait(op, "AUTO LOGON  ***   BOB      USERS = 002", SEC);
    rig.run_for(2 * SEC);
    assert!(rig.word("FRMCOUNT") < free, "BOB's CMS runs");
    let names = rig.names();
    assert!(names.contains("BOB      - DSC"), "{names}");
    rig.type_line(op, "FORCE BOB");
    rig.wait(op, "USER DSC  LOGOFF AS BOB      USERS = 001 FORCED", SEC);
    assert_eq!(rig.word("FRMCOUNT"), free);
    // A second FORCE finds nobody.
    rig.type_line(op, "FORCE BOB");
    rig.wait(op, "BOB NOT LOGGED ON", SEC);
}

/// DISCONN: the machine runs on without a terminal (its CPU time grows), the terminal
/// serves the next user, and LOGON reconnects at CP READ.
#[test]
fn a_disconnected_machine_runs_on_and_logon_reconnects() {
    let mut rig = Rig::short_form();
    rig.logon(1, "BOB");
    rig.type_line(1, "SPIN");
    rig.run_for(100 * MS);
    rig.type_line(1, "#CP DISCONN");
    rig.wait(1, "DISCONNECT AT 09:00:", SEC);
    rig.wait(1, "VM/370 ONLINE", SEC);
    // The terminal is free: ALICE logs on there.
    rig.logon(1, "ALICE");
    rig.run_for(2 * SEC);
    rig.type_line(0, "LOGON BOB BOB");
    rig.wait(0, "RECONNECTED AT 09:00:", SEC);
    rig.type_line(0, "QUERY TIME");
    rig.wait(0, "TOTCPU=", SEC);
    let text = rig
        .sys
        .machine
        .transcript(rig.dev(0))
        .unwrap()
        .text
        .to_string();
    let line = text.lines().rev().find(|l| l.contains("VIRTCPU=")).unwrap();
    let cpu: f64 = line
        .split("VIRTCPU= ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|s| s.split(':').nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("{line}"));
    assert!(cpu >= 1.0, "BOB's SPIN ran while he was away: {line}");
    // A second LOGON as BOB elsewhere is refused: he is connected again.
    rig.type_line(2, "LOGON BOB BOB");
    rig.wait(2, "DMKLOG054E ALREADY LOGGED ON LINE 020", SEC);
}

/// SHUTDOWN: every user at a terminal is warned, the operator's console says so, and the
/// real machine stops in a disabled wait, code 6: no panic, no lost line.
#[test]
fn shutdown_warns_everyone_and_stops_the_machine() {
    let mut rig = Rig::short_form();
    let op = rig.op();
    rig.logon(0, "ALICE");
    rig.logon(1, "BOB");
    rig.type_line(op, "SHUTDOWN");
    rig.wait(0, "WNG FROM OPERATOR: SYSTEM SHUTDOWN", SEC);
    rig.wait(1, "WNG FROM OPERATOR: SYSTEM SHUTDOWN", SEC);
    rig.wait(op, "DMKCKP960I SYSTEM WARM START DATA SAVED", SEC);
    rig.wait(op, "DMKCKP961W SYSTEM SHUTDOWN COMPLETE", SEC);
    let st = rig.sys.machine.run_until(rig.now() + SEC);
    assert_eq!(st, Status::DisabledWait(0x000A_0000_0000_0006));
    // The machine stays stopped; typing does not wake it.
    let _ = rig
        .sys
        .machine
        .type_line(rig.sys.terminals[2], "LOGON CAROL CAROL");
    let t = rig.now();
    assert_eq!(
        rig.sys.machine.run_until(t + SEC),
        Status::DisabledWait(0x000A_0000_0000_0006)
    );
}

/// The full-screen view's driver sees SHUTDOWN cleanly: the operator's pane (OPERATOR's)
/// shows the last message, the machine line says it stopped, and ticking on does not
/// panic or run the stopped machine.
#[test]
fn the_full_screen_view_sees_the_shutdown() {
    use cpcms::scenario::Scenario;
    use cpcms::tui::live::Live;
    use cpcms::tui::{Action, Driver, Model};

    let s = Scenario::parse(
        "t.ron",
        r#"(title: "t", users: [(id: "ALICE", password: "ALICE")], steps: [])"#,
    )
    .unwrap();
    let mut sys = System::boot(&s.sys_config(), None).unwrap();
    let t = sys.machine.now() + SEC;
    sys.machine.run_until(t);
    let mut live = Live::new(sys, None, "t", 1.0);
    let mut m = Model::default();
    live.fill(&mut m);
    let op = m.operator.clone().unwrap();
    assert_eq!(op.user.as_deref(), Some("OPERATOR"), "{op:?}");
    // The operator's console is the terminal after the users' (as in scenarios).
    live.apply(Action::Type {
        terminal: 1,
        text: "SHUTDOWN".into(),
    });
    // The view runs the machine as it does on screen (full speed: its waits take wall
    // time), until the machine stops; a few seconds at most.
    live.set_speed(3);
    let start = std::time::Instant::now();
    while !m.machine.contains("disabled wait") && start.elapsed().as_secs() < 20 {
        live.tick(&mut m);
    }
    let op = m.operator.clone().unwrap();
    assert!(
        op.text.contains("DMKCKP961W SYSTEM SHUTDOWN COMPLETE"),
        "{op:?}"
    );
    assert!(m.machine.contains("disabled wait"), "{}", m.machine);
    let stopped = live.system.machine.cpu.instructions;
    live.tick(&mut m);
    assert_eq!(live.system.machine.cpu.instructions, stopped);
}
