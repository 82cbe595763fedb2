//! Scenarios: RON files that script a demonstration or a test.
//!
//! ```ron
//! Scenario(
//!     title: "Three users share one machine",
//!     machine: (storage: "2M", speed_mips: 1.0, date: "1979-06-29 09:00:00", // optional
//!               // paging: "10 CYL" or "NONE" (CP's paging device; default: sized to
//!               // the users' storage), optional
//!               devices: [(addr: "151", type: "3350", file: "user1.3350", volser: "USER01")]),
//!     users: [ (id: "ALICE", password: "ALICE", storage: "512K") ],
//!     terminals: 3,                                                           // optional
//!     steps: [
//!         Caption("text shown in the TUI"),
//!         Type(terminal: 0, text: "LOGON ALICE ALICE"),
//!         Expect(terminal: 0, text: "R;", within: "10s"),  // virtual time; default 10s
//!         Sleep("1s"),
//!         Marker("A chapter"),   // the chapter's name, in the TUI and the transcript
//!         Pause,                 // the TUI waits for a key; headless goes on
//!         Speed("370/158"),      // the TUI's speed preset; headless: no change
//!         Highlight(1),          // the TUI marks terminal 1's pane (-1: the operator's)
//!     ],
//! )
//! ```
//!
//! Parsing checks everything a run would trip over, and every error names the place:
//! `file:line:col: message`. [`player::Player`] executes the steps against a machine.

pub mod locate;
pub mod player;
pub mod units;

use serde::Deserialize;

use crate::cpu::TOD_PER_SECOND;
use crate::sysgen::direct;
use crate::sysgen::{Disk, SysConfig, User, Volume};
use locate::{Node, Pos};

/// The embedded default scenario (`cpcms` with no arguments).
pub const DEMO_SOURCE: &str = include_str!("../../scenarios/demo.ron");
/// The name errors and titles use for the embedded demo.
pub const DEMO_NAME: &str = "scenarios/demo.ron";

/// Defaults for an omitted `machine:` part.
pub const DEFAULT_STORAGE: &str = "2M";
pub const DEFAULT_MIPS: f64 = 1.0;
pub const DEFAULT_DATE: &str = "1979-06-29 09:00:00";
pub const DEFAULT_USER_STORAGE: &str = "512K";
pub const DEFAULT_WITHIN: &str = "10s";
/// Most user terminals a scenario may have (3215s at 020-05F), and most users: CP's
/// limits, from sysgen.
pub use crate::sysgen::{MAX_TERMINALS, MAX_USERS};

/// A checked scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// The file name, for messages.
    pub file: String,
    pub title: String,
    /// Real storage, bytes.
    pub storage: u32,
    pub mips: f64,
    pub tod_epoch: u64,
    pub users: Vec<User>,
    /// The users' minidisks when a directory names them (else each gets a 191).
    pub disks: Vec<Disk>,
    /// Real disks beside the system residence volume: `machine.devices`, then those
    /// given to [`Scenario::load_with`] (`--device`).
    pub volumes: Vec<Volume>,
    pub terminals: usize,
    pub steps: Vec<Step>,
    /// Where each step is written (same index as `steps`).
    pub step_pos: Vec<Pos>,
    /// Where the machine's storage is written (or, when it is not, the scenario), for
    /// sysgen's message if it is too small for CP and the terminals.
    pub storage_pos: Pos,
    /// CP's paging device: `machine.paging` or the directory's PAGING statement
    /// (`SysConfig::paging`).
    pub paging: Option<u16>,
}

/// One checked step. Durations are in TOD-clock units of virtual time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Caption(String),
    Type {
        terminal: usize,
        text: String,
    },
    Expect {
        terminal: usize,
        text: String,
        within: u64,
    },
    Sleep(u64),
    /// A chapter: its name is shown until the next one (and clears a highlight).
    Marker(String),
    /// The full-screen view waits for a key here; headless runs go on at once.
    Pause,
    /// The full-screen view switches to this speed preset (one of [`SPEEDS`]'s names);
    /// headless runs keep virtual time as it is, so a transcript never depends on it.
    Speed(String),
    /// The full-screen view marks this terminal's pane (the number of user terminals is
    /// the operator's console) until the next Highlight or Marker.
    Highlight(usize),
    /// The operator puts a deck behind an ID card for `user` in the machine room's card
    /// reader (`Reader(file: "deck.bin", user: "ALICE")`; `.txt`: text, one card a line).
    Reader {
        user: String,
        cards: Vec<crate::devices::reader::Card>,
    },
}

/// The speed presets a `Speed` step may name, as the full-screen view's F2 has them
/// (historical models and no pacing), with the names a scenario may also use for each.
pub const SPEEDS: [(&str, &[&str]); 4] = [
    ("360/67", &["360/67"]),
    ("370/158", &["370/158"]),
    ("370/168", &["370/168"]),
    ("full speed", &["full", "full speed"]),
];

/// Longest Marker name: it shares the caption's title line with the scenario's title.
pub const MAX_MARKER: usize = 60;

/// A scenario that cannot be used, with where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioError {
    pub file: String,
    pub pos: Option<Pos>,
    pub message: String,
}

impl std::fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.pos {
            Some(p) => write!(f, "{}:{}:{}: {}", self.file, p.line, p.col, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for ScenarioError {}

// ---- the file format, as serde sees it ----

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields, rename = "Scenario")]
struct RawScenario {
    title: String,
    #[serde(default)]
    machine: Option<RawMachine>,
    #[serde(default)]
    users: Vec<RawUser>,
    #[serde(default)]
    directory: Option<String>,
    #[serde(default)]
    terminals: Option<i64>,
    steps: Vec<RawStep>,
}

#[derive(Deserialize, Debug, Default)]
#[serde(deny_unknown_fields)]
struct RawMachine {
    #[serde(default)]
    storage: Option<String>,
    #[serde(default)]
    speed_mips: Option<f64>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    devices: Vec<RawDevice>,
    /// CP's paging device: "NONE", or its page area as "10 CYL" (pageio).
    #[serde(default)]
    paging: Option<String>,
}

/// A real disk beside the system residence volume.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct RawDevice {
    addr: String,
    #[serde(rename = "type")]
    kind: String,
    file: String,
    #[serde(default)]
    volser: Option<String>,
    #[serde(default)]
    cylinders: Option<i64>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct RawUser {
    id: String,
    password: String,
    #[serde(default)]
    storage: Option<String>,
    #[serde(default)]
    classes: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields, rename = "Step")]
enum RawStep {
    Caption(String),
    Type {
        terminal: i64,
        text: String,
    },
    Expect {
        terminal: i64,
        text: String,
        #[serde(default)]
        within: Option<String>,
    },
    Sleep(String),
    Marker(String),
    Pause,
    Speed(String),
    Highlight(i64),
    Reader {
        file: String,
        user: String,
    },
}

pub use crate::sysgen::valid_cp_name;

impl Scenario {
    /// Read and check a scenario file.
    pub fn load(path: &std::path::Path) -> Result<Scenario, ScenarioError> {
        Scenario::load_with(path, &[])
    }

    /// Read and check a scenario file for a machine with `extra` real disks besides the
    /// scenario's own (`--device`): MDISK statements may name their volumes.
    pub fn load_with(path: &std::path::Path, extra: &[Volume]) -> Result<Scenario, ScenarioError> {
        let file = path.display().to_string();
        let src = std::fs::read_to_string(path).map_err(|e| ScenarioError {
            file: file.clone(),
            pos: None,
            message: format!("cannot read: {e}"),
        })?;
        Scenario::parse_with(&file, &src, extra)
    }

    /// Parse and check scenario text; `file` names it in messages.
    pub fn parse(file: &str, src: &str) -> Result<Scenario, ScenarioError> {
        Scenario::parse_with(file, src, &[])
    }

    /// As [`Scenario::parse`], with `extra` real disks (see [`Scenario::load_with`]).
    pub fn parse_with(file: &str, src: &str, extra: &[Volume]) -> Result<Scenario, ScenarioError> {
        let opts = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let raw: RawScenario = opts.from_str(src).map_err(|e| ScenarioError {
            file: file.to_string(),
            pos: Some(Pos {
                line: e.position.line,
                col: e.position.col,
            }),
            message: unit_step_message(src, e.position.line, e.position.col)
                .unwrap_or_else(|| tidy_ron_message(&e.code.to_string())),
        })?;
        let tree = locate::locate(src);
        Checker {
            file,
            tree: &tree,
            extra,
        }
        .check(raw)
    }

    /// What sysgen needs to build this scenario's system.
    pub fn sys_config(&self) -> SysConfig {
        SysConfig {
            storage: self.storage,
            mips: self.mips,
            tod_epoch: self.tod_epoch,
            users: self.users.clone(),
            terminals: self.terminals,
            disks: self.disks.clone(),
            storage_at: Some(format!(
                "{}:{}:{}",
                self.file, self.storage_pos.line, self.storage_pos.col
            )),
            volumes: self.volumes.clone(),
            paging: self.paging,
        }
    }
}

/// ron says "Expected comma" at the `(` of `Pause(...)`: say what is wrong instead.
fn unit_step_message(src: &str, line: usize, col: usize) -> Option<String> {
    let l = src.lines().nth(line.checked_sub(1)?)?;
    let before: String = l.chars().take(col.checked_sub(1)?).collect();
    let rest: String = l.chars().skip(col - 1).collect();
    (rest.starts_with('(') && before.trim_end().ends_with("Pause"))
        .then(|| "Pause takes nothing: write Pause, not Pause(...)".to_string())
}

/// ron 0.8 writes "field named `x`in `Y`": put the space back.
fn tidy_ron_message(m: &str) -> String {
    m.replace("`in `", "` in `")
        .replace("`in enum", "` in enum")
}

/// Semantic checks, with positions from the located tree.
struct Checker<'a> {
    file: &'a str,
    tree: &'a Node,
    /// Real disks from outside the scenario (`--device`).
    extra: &'a [Volume],
}

/// A path into the tree: field names and item indexes.
enum Seg<'a> {
    F(&'a str),
    I(usize),
}

impl Checker<'_> {
    fn at(&self, path: &[Seg]) -> Option<Pos> {
        let mut n = self.tree;
        let mut best = n.pos;
        for s in path {
            let next = match s {
                Seg::F(f) => n.field(f),
                Seg::I(i) => n.item(*i),
            };
            match next {
                Some(x) => {
                    n = x;
                    best = n.pos;
                }
                None => break,
            }
        }
        Some(best)
    }

    fn err(&self, path: &[Seg], message: impl Into<String>) -> ScenarioError {
        ScenarioError {
            file: self.file.to_string(),
            pos: self.at(path),
            message: message.into(),
        }
    }

    /// A path beside the scenario file.
    fn beside(&self, name: &str) -> std::path::PathBuf {
        std::path::Path::new(self.file)
            .parent()
            .unwrap_or(std::path::Path::new("."))
            .join(name)
    }

    /// The real disks: `machine.devices` (each file looked at, or to be made when
    /// missing), then the `extra` ones; every one where a disk may be, each address and
    /// label once.
    fn volumes(&self, raw: &[RawDevice]) -> Result<Vec<Volume>, ScenarioError> {
        use Seg::{F, I};
        let mut out: Vec<Volume> = Vec::new();
        for (i, d) in raw.iter().enumerate() {
            let path = |f: &'static str| [F("machine"), F("devices"), I(i), F(f)];
            let addr =
                crate::devices::parse_addr(&d.addr).map_err(|e| self.err(&path("addr"), e))?;
            if d.kind != crate::sysgen::volumes::VOLUME_MODEL.name() {
                return Err(self.err(
                    &path("type"),
                    format!(
                        "device type \"{}\": CP's real disks are 3350s (the system residence \
                         volume's type); no other type can be configured",
                        d.kind
                    ),
                ));
            }
            let cyls = match d.cylinders {
                None => None,
                Some(c) => Some(u16::try_from(c).map_err(|_| {
                    self.err(
                        &path("cylinders"),
                        format!("cylinders {c}: a 3350 has 1 to 555"),
                    )
                })?),
            };
            let at = self
                .at(&[F("machine"), F("devices"), I(i)])
                .unwrap_or_default();
            let at = format!("{}:{}:{}", self.file, at.line, at.col);
            let v = Volume::probe(
                addr,
                &self.beside(&d.file),
                d.volser.as_deref(),
                cyls,
                true,
                &at,
            )
            .map_err(|e| {
                let field = if e.starts_with("volser") || e.contains("VOL1") {
                    "volser"
                } else if e.starts_with("cylinders") || e.contains(" cylinders, not ") {
                    "cylinders"
                } else if e.contains("channel 0") || e.contains("system residence") {
                    "addr"
                } else {
                    "file"
                };
                self.err(&path(field), e)
            })?;
            out.push(v);
        }
        out.extend(self.extra.iter().cloned());
        crate::sysgen::volumes::check_all(&out).map_err(|e| {
            // The message starts with where the second of the pair was configured.
            match out
                .iter()
                .position(|v| e.starts_with(&format!("{}: ", v.at)))
            {
                Some(i) if i < raw.len() => self.err(
                    &[F("machine"), F("devices"), I(i)],
                    e[out[i].at.len() + 2..].to_string(),
                ),
                _ => ScenarioError {
                    file: self.file.to_string(),
                    pos: None,
                    message: e,
                },
            }
        })?;
        Ok(out)
    }

    /// The users, their minidisks and the paging device from a `USER DIRECT` text: `d` itself when it has
    /// more than one word, else a file of that name beside the scenario; MDISK and
    /// DEDICATE may name the `volumes`.
    fn directory(&self, d: &str, volumes: &[Volume]) -> Result<direct::Directory, ScenarioError> {
        use Seg::F;
        if d.contains(char::is_whitespace) {
            let at = self.at(&[F("directory")]).unwrap_or_default();
            let dir = direct::parse_on(d, volumes).map_err(|e| ScenarioError {
                file: self.file.to_string(),
                pos: (e.line > 0).then(|| Pos {
                    line: at.line + e.line - 1,
                    col: if e.line == 1 { at.col + e.col } else { e.col },
                }),
                message: e.message,
            })?;
            return Ok(dir);
        }
        let path = self.beside(d);
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path)
            .map_err(|e| self.err(&[F("directory")], format!("{name}: cannot read: {e}")))?;
        let dir = direct::parse_on(&text, volumes).map_err(|e| ScenarioError {
            file: name.clone(),
            pos: (e.line > 0).then_some(Pos {
                line: e.line,
                col: e.col,
            }),
            message: e.message,
        })?;
        Ok(dir)
    }

    fn check(&self, raw: RawScenario) -> Result<Scenario, ScenarioError> {
        use Seg::{F, I};
        let m = raw.machine.unwrap_or_default();
        let storage_s = m.storage.as_deref().unwrap_or(DEFAULT_STORAGE);
        let mpath = [F("machine"), F("storage")];
        let storage = units::parse_size(storage_s).map_err(|e| self.err(&mpath, e))?;
        crate::sysgen::check_storage(storage)
            .map_err(|e| self.err(&mpath, format!("machine storage \"{storage_s}\" {e}")))?;
        let storage_pos = self.at(&mpath).unwrap_or_default();
        let mips = m.speed_mips.unwrap_or(DEFAULT_MIPS);
        if !(0.001..=10_000.0).contains(&mips) {
            return Err(self.err(
                &[F("machine"), F("speed_mips")],
                format!("speed_mips {mips} must be between 0.001 and 10000"),
            ));
        }
        let date = m.date.as_deref().unwrap_or(DEFAULT_DATE);
        let tod_epoch =
            units::parse_date(date).map_err(|e| self.err(&[F("machine"), F("date")], e))?;
        let volumes = self.volumes(&m.devices)?;

        let mut paging = None;
        let (users, disks) = match raw.directory.as_deref() {
            Some(_) if !raw.users.is_empty() => {
                return Err(self.err(
                    &[F("directory")],
                    "give either users or a directory, not both",
                ));
            }
            Some(d) => {
                let dir = self.directory(d, &volumes)?;
                paging = dir.paging;
                (dir.users, dir.disks)
            }
            None => {
                if raw.users.is_empty() {
                    return Err(self.err(
                        &[F("users")],
                        "no users: give users: [ (id: \"ALICE\", password: \"ALICE\") ] or a directory: \"user.direct\"",
                    ));
                }
                if raw.users.len() > MAX_USERS {
                    return Err(self.err(
                        &[F("users"), I(MAX_USERS)],
                        format!(
                            "user {} of {}: the CP directory holds at most {MAX_USERS} users",
                            MAX_USERS + 1,
                            raw.users.len()
                        ),
                    ));
                }
                let mut users: Vec<User> = Vec::new();
                for (i, u) in raw.users.iter().enumerate() {
                    if !valid_cp_name(&u.id) {
                        return Err(self.err(
                            &[F("users"), I(i), F("id")],
                            format!(
                                "user id \"{}\" must be 1 to 8 characters of A-Z, 0-9, $, # and @",
                                u.id
                            ),
                        ));
                    }
                    if users.iter().any(|x| x.id == u.id) {
                        return Err(self.err(
                            &[F("users"), I(i), F("id")],
                            format!("user id \"{}\" is already in the directory", u.id),
                        ));
                    }
                    if !valid_cp_name(&u.password) {
                        return Err(self.err(
                            &[F("users"), I(i), F("password")],
                            format!(
                                "the password of {} must be 1 to 8 characters of A-Z, 0-9, $, # and @",
                                u.id
                            ),
                        ));
                    }
                    let s = u.storage.as_deref().unwrap_or(DEFAULT_USER_STORAGE);
                    let path = [F("users"), I(i), F("storage")];
                    let bytes = units::parse_size(s).map_err(|e| self.err(&path, e))?;
                    crate::sysgen::check_user_storage(bytes).map_err(|e| {
                        self.err(&path, format!("virtual storage \"{s}\" of {} {e}", u.id))
                    })?;
                    let classes = u.classes.clone().unwrap_or_else(|| "G".into());
                    if classes.is_empty() || !classes.bytes().all(|c| (b'A'..=b'H').contains(&c)) {
                        return Err(self.err(
                            &[F("users"), I(i), F("classes")],
                            format!("privilege classes \"{classes}\" of {}: letters A-H", u.id),
                        ));
                    }
                    users.push(User {
                        classes,
                        ..User::new(&u.id, &u.password, bytes)
                    });
                }
                (users, Vec::new())
            }
        };

        let terminals = match raw.terminals {
            // One per user: never more than CP has, since users are never more either.
            None => users.len(),
            Some(n) if (1..=MAX_TERMINALS as i64).contains(&n) => n as usize,
            Some(n) => {
                return Err(self.err(
                    &[F("terminals")],
                    format!("terminals: {n}: there must be 1 to {MAX_TERMINALS} terminals"),
                ));
            }
        };

        let mut steps = Vec::new();
        let mut step_pos = Vec::new();
        for (i, s) in raw.steps.into_iter().enumerate() {
            let term = |t: i64| -> Result<usize, ScenarioError> {
                if t == -1 {
                    // The operator's console: it comes after the user terminals.
                    Ok(terminals)
                } else if t < 0 || t >= terminals as i64 {
                    Err(self.err(
                        &[F("steps"), I(i), F("terminal")],
                        format!(
                            "terminal {t} does not exist: this scenario has {terminals} terminal{} (0 to {}; -1 is the operator's console)",
                            if terminals == 1 { "" } else { "s" },
                            terminals - 1
                        ),
                    ))
                } else {
                    Ok(t as usize)
                }
            };
            let step = match s {
                RawStep::Caption(c) => Step::Caption(c),
                RawStep::Type { terminal, text } => {
                    let terminal = term(terminal)?;
                    if let Some(c) = text.chars().find(|c| c.is_control()) {
                        return Err(self.err(
                            &[F("steps"), I(i), F("text")],
                            format!(
                                "Type text holds the control character {c:?}: type one line per step"
                            ),
                        ));
                    }
                    // The terminal's own rule, refused here rather than mid-run.
                    crate::devices::console3215::check_line(&text).map_err(|e| {
                        self.err(&[F("steps"), I(i), F("text")], format!("Type text: {e}"))
                    })?;
                    Step::Type { terminal, text }
                }
                RawStep::Expect {
                    terminal,
                    text,
                    within,
                } => {
                    let terminal = term(terminal)?;
                    if text.is_empty() {
                        return Err(self.err(
                            &[F("steps"), I(i), F("text")],
                            "Expect text must not be empty",
                        ));
                    }
                    let w = within.as_deref().unwrap_or(DEFAULT_WITHIN);
                    let within = units::parse_duration(w)
                        .map_err(|e| self.err(&[F("steps"), I(i), F("within")], e))?;
                    Step::Expect {
                        terminal,
                        text,
                        within,
                    }
                }
                RawStep::Reader { file, user } => {
                    if !users.iter().any(|u| u.id == user) {
                        return Err(self.err(
                            &[F("steps"), I(i), F("user")],
                            format!("Reader: \"{user}\" is not in the directory"),
                        ));
                    }
                    let path = self.beside(&file);
                    let at = [F("steps"), I(i), F("file")];
                    let bytes = std::fs::read(&path).map_err(|e| {
                        self.err(&at, format!("Reader: {}: cannot read: {e}", path.display()))
                    })?;
                    let format = crate::devices::CardFormat::for_path(&path);
                    let cards = crate::devices::reader::parse_deck(&file, &bytes, format)
                        .map_err(|e| self.err(&at, format!("Reader: {e}")))?;
                    Step::Reader { user, cards }
                }
                RawStep::Sleep(d) => Step::Sleep(
                    units::parse_duration(&d)
                        .map_err(|e| self.err(&[F("steps"), I(i), I(0)], e))?,
                ),
                RawStep::Marker(m) => {
                    let at = [F("steps"), I(i), I(0)];
                    if m.trim().is_empty() {
                        return Err(self.err(&at, "Marker name must not be empty"));
                    }
                    if let Some(c) = m.chars().find(|c| c.is_control()) {
                        return Err(self.err(
                            &at,
                            format!("Marker name holds the control character {c:?}: one line"),
                        ));
                    }
                    let n = m.chars().count();
                    if n > MAX_MARKER {
                        return Err(self.err(
                            &at,
                            format!(
                                "Marker name has {n} characters; at most {MAX_MARKER} (a chapter's \
                                 name, not its caption)"
                            ),
                        ));
                    }
                    Step::Marker(m)
                }
                RawStep::Pause => Step::Pause,
                RawStep::Speed(sp) => {
                    let name = SPEEDS
                        .iter()
                        .find(|(_, names)| names.iter().any(|x| x.eq_ignore_ascii_case(sp.trim())))
                        .map(|(n, _)| n.to_string());
                    match name {
                        Some(n) => Step::Speed(n),
                        None => {
                            return Err(self.err(
                                &[F("steps"), I(i), I(0)],
                                format!(
                                    "Speed \"{sp}\": the presets are \"360/67\" (0.5 MIPS), \
                                     \"370/158\" (1), \"370/168\" (2.5) and \"full\""
                                ),
                            ));
                        }
                    }
                }
                RawStep::Highlight(t) => {
                    // The same numbers as a Type's terminal; the error points at it.
                    let n = if t == -1 {
                        terminals
                    } else if t < 0 || t >= terminals as i64 {
                        return Err(self.err(
                            &[F("steps"), I(i), I(0)],
                            format!(
                                "Highlight({t}): no such terminal: this scenario has {terminals} terminal{} (0 to {}; -1 is the operator's console)",
                                if terminals == 1 { "" } else { "s" },
                                terminals - 1
                            ),
                        ));
                    } else {
                        t as usize
                    };
                    Step::Highlight(n)
                }
            };
            steps.push(step);
            step_pos.push(self.at(&[F("steps"), I(i)]).unwrap_or_default());
        }

        if let Some(p) = m.paging.as_deref() {
            let path = [F("machine"), F("paging")];
            if paging.is_some() {
                return Err(self.err(
                    &path,
                    "give the paging device in the machine or in the directory, not both",
                ));
            }
            let t = p.trim().to_ascii_uppercase();
            let cyls = if t == "NONE" {
                0
            } else {
                let n = t.strip_suffix("CYL").unwrap_or(&t).trim();
                n.parse::<u16>().map_err(|_| {
                    self.err(
                        &path,
                        format!("paging \"{p}\": \"NONE\" or cylinders, as \"10 CYL\""),
                    )
                })?
            };
            if cyls == 0 && t != "NONE" {
                return Err(self.err(&path, "paging: \"NONE\" for no paging device, not 0"));
            }
            crate::sysgen::check_paging(cyls)
                .map_err(|e| self.err(&path, format!("paging \"{p}\": {e}")))?;
            paging = Some(cyls);
        }

        Ok(Scenario {
            file: self.file.to_string(),
            title: raw.title,
            storage,
            mips,
            tod_epoch,
            users,
            disks,
            volumes,
            terminals,
            steps,
            step_pos,
            storage_pos,
            paging,
        })
    }
}

/// Virtual seconds, for display.
pub fn tod_seconds(tod: u64) -> f64 {
    tod as f64 / TOD_PER_SECOND as f64
}

#[cfg(test)]
mod tests;
