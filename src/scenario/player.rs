//! Executing a scenario's steps against a machine.
//!
//! The player is a state machine so that the same code serves the headless runner (which
//! lets it run flat out) and the TUI (which lets it run only as far as wall-clock pacing
//! allows each frame). Everything is measured in virtual time: no wall clock here, so a
//! scenario gives the same transcript byte for byte on every run.

use super::{Scenario, Step, locate::Pos, units};
use crate::cpu::TOD_PER_US;
use crate::machine::Status;
use crate::sysgen::System;

/// How far Expect runs the machine between looks at the transcript: 10 ms virtual.
pub const SLICE: u64 = 10_000 * TOD_PER_US;

/// What the player drives. Implemented for [`System`]; tests use a fake.
pub trait Target {
    /// Virtual time since power-on, TOD units.
    fn now(&self) -> u64;
    /// Run until virtual time `t` (or the machine stops).
    fn run_until(&mut self, t: u64) -> Status;
    /// A person types `text` on user terminal `terminal` and presses Enter.
    fn type_line(&mut self, terminal: usize, text: &str) -> Result<(), String>;
    /// Everything user terminal `terminal` has shown ("" if nothing or no such terminal).
    fn transcript(&self, terminal: usize) -> &str;
    /// Everything the operator console has shown.
    fn operator_transcript(&self) -> &str;
    /// Number of user terminals.
    fn terminals(&self) -> usize;
}

impl Target for System {
    fn now(&self) -> u64 {
        self.machine.now()
    }
    fn run_until(&mut self, t: u64) -> Status {
        self.machine.run_until(t)
    }
    fn type_line(&mut self, terminal: usize, text: &str) -> Result<(), String> {
        let dev = *self
            .terminals
            .get(terminal)
            .ok_or_else(|| format!("no terminal {terminal}"))?;
        self.machine.type_line(dev, text)
    }
    fn transcript(&self, terminal: usize) -> &str {
        self.terminals
            .get(terminal)
            .and_then(|d| self.machine.transcript(*d))
            .unwrap_or("")
    }
    fn operator_transcript(&self) -> &str {
        self.machine.transcript(self.operator).unwrap_or("")
    }
    fn terminals(&self) -> usize {
        self.terminals.len()
    }
}

/// An Expect that was not met (or a step that could not be done).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub file: String,
    /// Step index (0-based) and where it is written.
    pub step: usize,
    pub pos: Pos,
    pub message: String,
    /// The terminal concerned, and its last lines.
    pub terminal: Option<usize>,
    pub last_lines: Vec<String>,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: step {}: {}",
            self.file,
            self.pos.line,
            self.pos.col,
            self.step + 1,
            self.message
        )?;
        if let Some(t) = self.terminal {
            if self.last_lines.is_empty() {
                write!(f, "\nterminal {t} showed nothing")?;
            } else {
                write!(f, "\nterminal {t} last showed:")?;
                for l in &self.last_lines {
                    write!(f, "\n  {t:<2}| {l}")?;
                }
            }
        }
        Ok(())
    }
}

/// Where the player is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Progress {
    /// More to do (the limit was reached).
    Running,
    /// Every step done, every Expect met.
    Done,
    /// A step failed; see [`Player::failure`].
    Failed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Active {
    Idle,
    Expect { deadline: u64 },
    Sleep { until: u64 },
}

/// Runs a scenario's steps.
pub struct Player {
    file: String,
    steps: Vec<Step>,
    step_pos: Vec<Pos>,
    next: usize,
    active: Active,
    cursors: Vec<usize>,
    caption: Option<String>,
    failure: Option<Failure>,
    log: TranscriptLog,
    /// Keep the headless transcript (off in the TUI, which shows the terminals itself).
    record: bool,
}

impl Player {
    pub fn new(s: &Scenario, record: bool) -> Player {
        Player {
            file: s.file.clone(),
            steps: s.steps.clone(),
            step_pos: s.step_pos.clone(),
            next: 0,
            active: Active::Idle,
            cursors: vec![0; s.terminals],
            caption: None,
            failure: None,
            log: TranscriptLog::new(s.terminals),
            record,
        }
    }

    /// The current caption.
    pub fn caption(&self) -> Option<&str> {
        self.caption.as_deref()
    }

    pub fn failure(&self) -> Option<&Failure> {
        self.failure.as_ref()
    }

    /// Index of the step being executed (== number of steps when done).
    pub fn step_index(&self) -> usize {
        self.next
    }

    pub fn step_count(&self) -> usize {
        self.steps.len()
    }

    pub fn progress(&self) -> Progress {
        if self.failure.is_some() {
            Progress::Failed
        } else if self.next >= self.steps.len() {
            Progress::Done
        } else {
            Progress::Running
        }
    }

    /// Take the transcript lines produced so far (headless output).
    pub fn drain_output(&mut self) -> Vec<String> {
        std::mem::take(&mut self.log.out)
    }

    /// Flush everything the terminals have shown, partial last lines included, into the
    /// output (call once at the end of a headless run).
    pub fn finish<T: Target>(&mut self, t: &T) {
        if self.record {
            self.log.flush(t, true);
        }
    }

    fn fail(&mut self, t: &impl Target, terminal: Option<usize>, message: String) {
        let last_lines = terminal
            .map(|n| last_lines(t.transcript(n), 8))
            .unwrap_or_default();
        self.failure = Some(Failure {
            file: self.file.clone(),
            step: self.next,
            pos: self.step_pos.get(self.next).copied().unwrap_or_default(),
            message,
            terminal,
            last_lines,
        });
    }

    fn find(&mut self, t: &impl Target, terminal: usize, text: &str) -> bool {
        let tr = t.transcript(terminal);
        let cur = self.cursors.get(terminal).copied().unwrap_or(0).min(tr.len());
        let cur = floor_char_boundary(tr, cur);
        match tr[cur..].find(text) {
            Some(p) => {
                if let Some(c) = self.cursors.get_mut(terminal) {
                    *c = cur + p + text.len();
                }
                true
            }
            None => false,
        }
    }

    /// Execute steps until all are done, one fails, or virtual time reaches `limit`
    /// (`u64::MAX`: no limit, as headless runs do).
    pub fn advance<T: Target>(&mut self, t: &mut T, limit: u64) -> Progress {
        loop {
            if self.progress() != Progress::Running {
                return self.progress();
            }
            let step = self.steps[self.next].clone();
            if self.active == Active::Idle {
                if self.record {
                    self.log.flush(t, false);
                }
                match &step {
                    Step::Caption(c) => {
                        self.caption = Some(c.clone());
                        if self.record {
                            for l in c.lines() {
                                self.log.out.push(format!("-- {l}"));
                            }
                        }
                        self.next += 1;
                        continue;
                    }
                    Step::Type { terminal, text } => {
                        if let Err(e) = t.type_line(*terminal, text) {
                            self.fail(t, Some(*terminal), format!("cannot type {text:?}: {e}"));
                            continue;
                        }
                        // Expect looks at what comes after the typing.
                        let len = t.transcript(*terminal).len();
                        if let Some(c) = self.cursors.get_mut(*terminal) {
                            *c = (*c).max(len);
                        }
                        self.next += 1;
                        continue;
                    }
                    Step::Expect {
                        terminal, within, ..
                    } => {
                        self.active = Active::Expect {
                            deadline: t.now().saturating_add(*within),
                        };
                        let _ = terminal;
                    }
                    Step::Sleep(d) => {
                        self.active = Active::Sleep {
                            until: t.now().saturating_add(*d),
                        };
                    }
                }
            }
            let now = t.now();
            match (self.active, &step) {
                (
                    Active::Expect { deadline },
                    Step::Expect {
                        terminal,
                        text,
                        within,
                    },
                ) => {
                    if self.find(t, *terminal, text) {
                        self.active = Active::Idle;
                        self.next += 1;
                        continue;
                    }
                    if now >= deadline {
                        self.active = Active::Idle;
                        self.fail(
                            t,
                            Some(*terminal),
                            format!(
                                "expected {text:?} on terminal {terminal} within {}, not seen",
                                units::format_duration(*within)
                            ),
                        );
                        continue;
                    }
                    if now >= limit {
                        return Progress::Running;
                    }
                    let to = now.saturating_add(SLICE).min(deadline).min(limit);
                    let st = t.run_until(to);
                    if t.now() <= now && stopped(st) {
                        self.active = Active::Idle;
                        self.fail(
                            t,
                            Some(*terminal),
                            format!(
                                "expected {text:?} on terminal {terminal}, but the machine stopped ({})",
                                describe(st)
                            ),
                        );
                    }
                }
                (Active::Sleep { until }, _) => {
                    if now >= until {
                        self.active = Active::Idle;
                        self.next += 1;
                        continue;
                    }
                    if now >= limit {
                        return Progress::Running;
                    }
                    let st = t.run_until(until.min(limit));
                    if t.now() <= now && stopped(st) {
                        // Nothing more will happen; the sleep is over.
                        self.active = Active::Idle;
                        self.next += 1;
                    }
                }
                _ => {
                    self.active = Active::Idle;
                }
            }
        }
    }
}

fn stopped(st: Status) -> bool {
    matches!(st, Status::DisabledWait(_) | Status::Checkstop)
}

/// Words for a stopped machine.
pub fn describe(st: Status) -> String {
    match st {
        Status::Running => "running".into(),
        Status::Waiting => "waiting".into(),
        Status::DisabledWait(psw) => format!("disabled wait, PSW {psw:016X}"),
        Status::Checkstop => "check stop".into(),
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The last `n` non-empty-tail lines of a transcript.
pub fn last_lines(s: &str, n: usize) -> Vec<String> {
    let s = s.strip_suffix('\n').unwrap_or(s);
    if s.is_empty() {
        return Vec::new();
    }
    let v: Vec<&str> = s.split('\n').collect();
    v[v.len().saturating_sub(n)..]
        .iter()
        .map(|l| l.to_string())
        .collect()
}

/// Collects the headless transcript: every complete line each terminal shows, prefixed
/// `n | ` (the operator console `OP| `), in step order, interleaved with captions.
struct TranscriptLog {
    /// Bytes consumed per user terminal, then the operator console last.
    done: Vec<usize>,
    out: Vec<String>,
}

impl TranscriptLog {
    fn new(terminals: usize) -> Self {
        TranscriptLog {
            done: vec![0; terminals + 1],
            out: Vec::new(),
        }
    }

    fn flush<T: Target>(&mut self, t: &T, all: bool) {
        let n = self.done.len() - 1;
        for k in 0..=n {
            let (prefix, text) = if k == n {
                ("OP| ".to_string(), t.operator_transcript())
            } else {
                (format!("{k:<2}| "), t.transcript(k))
            };
            let start = floor_char_boundary(text, self.done[k].min(text.len()));
            let rest = &text[start..];
            let upto = if all {
                rest.len()
            } else {
                rest.rfind('\n').map_or(0, |p| p + 1)
            };
            for l in rest[..upto].lines() {
                self.out.push(format!("{prefix}{l}"));
            }
            self.done[k] = start + upto;
        }
    }
}
