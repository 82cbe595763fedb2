//! Executing a scenario's steps against a machine.
//!
//! The player is a state machine so that the same code serves the headless runner (which
//! lets it run flat out) and the TUI (which lets it run only as far as wall-clock pacing
//! allows each frame). Everything is measured in virtual time: no wall clock here, so a
//! scenario gives the same transcript byte for byte on every run.

use super::{Scenario, Step, locate::Pos, units};
use crate::cpu::TOD_PER_US;
use crate::devices::Transcript;
use crate::machine::Status;
use crate::sysgen::System;

/// How far Expect and Sleep run the machine between looks at the transcripts: 10 ms
/// virtual. A terminal keeps only the tail of its output, so the headless log takes the
/// new output after every slice. A 3215 paced by its own timing prints at most one
/// 32 KiB write in that time, half of what it keeps (more only if the guest halts its
/// own writes: see `TranscriptLog`).
pub const SLICE: u64 = 10_000 * TOD_PER_US;

/// Most output of one terminal the headless log holds back to keep lines in step order
/// (see `TranscriptLog`); past it the complete lines are written out at once.
pub const HOLD: usize = 64 * 1024;

/// What the player drives. Implemented for [`System`]; tests use a fake.
pub trait Target {
    /// Virtual time since power-on, TOD units.
    fn now(&self) -> u64;
    /// Run until virtual time `t` (or the machine stops).
    fn run_until(&mut self, t: u64) -> Status;
    /// A person types `text` on user terminal `terminal` and presses Enter (terminal
    /// number `terminals()` is the operator's console).
    fn type_line(&mut self, terminal: usize, text: &str) -> Result<(), String>;
    /// What user terminal `terminal` has shown: its kept tail and position (empty if
    /// nothing or no such terminal; number `terminals()` is the operator's console).
    fn transcript(&self, terminal: usize) -> Transcript<'_>;
    /// What the operator console has shown.
    fn operator_transcript(&self) -> Transcript<'_>;
    /// Number of user terminals.
    fn terminals(&self) -> usize;
    /// The operator puts `deck` behind an ID card for `user` in the card reader.
    fn reader_deck(
        &mut self,
        _user: &str,
        _deck: &[crate::devices::reader::Card],
    ) -> Result<(), String> {
        Err("this machine has no card reader".to_string())
    }
}

impl Target for System {
    fn now(&self) -> u64 {
        self.machine.now()
    }
    fn run_until(&mut self, t: u64) -> Status {
        self.machine.run_until(t)
    }
    fn type_line(&mut self, terminal: usize, text: &str) -> Result<(), String> {
        let dev = if terminal == self.terminals.len() {
            self.operator
        } else {
            *self
                .terminals
                .get(terminal)
                .ok_or_else(|| format!("no terminal {terminal}"))?
        };
        self.machine.type_line(dev, text)
    }
    fn transcript(&self, terminal: usize) -> Transcript<'_> {
        if terminal == self.terminals.len() {
            return self.operator_transcript();
        }
        self.terminals
            .get(terminal)
            .and_then(|d| self.machine.transcript(*d))
            .unwrap_or_default()
    }
    fn operator_transcript(&self) -> Transcript<'_> {
        self.machine.transcript(self.operator).unwrap_or_default()
    }
    fn terminals(&self) -> usize {
        self.terminals.len()
    }
    fn reader_deck(
        &mut self,
        user: &str,
        deck: &[crate::devices::reader::Card],
    ) -> Result<(), String> {
        System::reader_deck(self, user, deck)
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
    Expect {
        deadline: u64,
    },
    Sleep {
        until: u64,
    },
    /// At a Pause step, waiting for [`Player::resume`] (only when the player waits).
    Paused,
}

/// Runs a scenario's steps.
pub struct Player {
    file: String,
    steps: Vec<Step>,
    step_pos: Vec<Pos>,
    next: usize,
    active: Active,
    /// Per terminal: absolute position in its output where the next Expect looks.
    cursors: Vec<u64>,
    caption: Option<String>,
    failure: Option<Failure>,
    log: TranscriptLog,
    /// Keep the headless transcript (off in the TUI, which shows the terminals itself).
    record: bool,
    /// The current chapter (Marker) and highlighted terminal (Highlight).
    marker: Option<String>,
    highlight: Option<usize>,
    /// A Speed step's preset, until the front end takes it ([`Player::take_speed`]).
    speed: Option<String>,
    /// Stop at Pause steps until [`Player::resume`] (the full-screen view); otherwise
    /// Pause, like Speed and Highlight, only leaves a note in the transcript.
    waits: bool,
}

impl Player {
    pub fn new(s: &Scenario, record: bool) -> Player {
        Player {
            file: s.file.clone(),
            steps: s.steps.clone(),
            step_pos: s.step_pos.clone(),
            next: 0,
            active: Active::Idle,
            cursors: vec![0; s.terminals + 1],
            caption: None,
            failure: None,
            log: TranscriptLog::new(s.terminals),
            record,
            marker: None,
            highlight: None,
            speed: None,
            waits: false,
        }
    }

    /// Stop at each Pause step until [`Player::resume`] (the full-screen view), and
    /// return from [`Player::advance`] after a Speed step so that its preset is taken at
    /// once.
    pub fn set_waits(&mut self, waits: bool) {
        self.waits = waits;
    }

    /// The current chapter: the last Marker's name.
    pub fn marker(&self) -> Option<&str> {
        self.marker.as_deref()
    }

    /// The terminal the last Highlight marked (none after a Marker).
    pub fn highlight(&self) -> Option<usize> {
        self.highlight
    }

    /// Waiting at a Pause step for [`Player::resume`].
    pub fn waiting(&self) -> bool {
        self.active == Active::Paused
    }

    /// Go on past the Pause step the player waits at (nothing if it does not wait).
    pub fn resume(&mut self) {
        if self.active == Active::Paused {
            self.active = Active::Idle;
            self.next += 1;
        }
    }

    /// The speed preset a Speed step asked for since the last call, if any.
    pub fn take_speed(&mut self) -> Option<String> {
        self.speed.take()
    }

    /// A note in the headless transcript.
    fn note(&mut self, text: String) {
        if self.record {
            self.log.out.push(text);
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
            .map(|n| last_lines(t.transcript(n).text, 8))
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
        let cur = self.cursors.get(terminal).copied().unwrap_or(0);
        // Output dropped before it was looked at cannot match any more.
        let (rest, _) = tr.since(cur);
        match rest.find(text) {
            Some(p) => {
                if let Some(c) = self.cursors.get_mut(terminal) {
                    *c = tr.end() - rest.len() as u64 + (p + text.len()) as u64;
                }
                true
            }
            None => false,
        }
    }

    /// After the machine ran: the headless log takes the new output.
    fn ran(&mut self, t: &impl Target) {
        if self.record {
            self.log.collect(t);
        }
    }

    /// Execute steps until all are done, one fails, or virtual time reaches `limit`
    /// (`u64::MAX`: no limit, as headless runs do).
    pub fn advance<T: Target>(&mut self, t: &mut T, limit: u64) -> Progress {
        self.advance_with(t, limit, &mut |_, _| {})
    }

    /// As [`Player::advance`], calling `look` each time the machine has run a slice (at
    /// most [`SLICE`] of virtual time) and after each step that shows something (Caption,
    /// Marker, Type, Pause, Highlight): a recording looks at the screen there without
    /// changing where the slices fall, so the transcript stays the same.
    pub fn advance_with<T: Target>(
        &mut self,
        t: &mut T,
        limit: u64,
        look: &mut dyn FnMut(&T, &Player),
    ) -> Progress {
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
                        look(t, self);
                        continue;
                    }
                    Step::Type { terminal, text } => {
                        if let Err(e) = t.type_line(*terminal, text) {
                            self.fail(t, Some(*terminal), format!("cannot type {text:?}: {e}"));
                            continue;
                        }
                        // Expect looks at what comes after the typing.
                        let end = t.transcript(*terminal).end();
                        if let Some(c) = self.cursors.get_mut(*terminal) {
                            *c = (*c).max(end);
                        }
                        self.next += 1;
                        look(t, self);
                        continue;
                    }
                    Step::Expect { within, .. } => {
                        self.active = Active::Expect {
                            deadline: t.now().saturating_add(*within),
                        };
                    }
                    Step::Sleep(d) => {
                        self.active = Active::Sleep {
                            until: t.now().saturating_add(*d),
                        };
                    }
                    Step::Marker(m) => {
                        self.marker = Some(m.clone());
                        self.highlight = None;
                        self.note(format!("== {m}"));
                        self.next += 1;
                        look(t, self);
                        continue;
                    }
                    Step::Pause => {
                        self.note(".. Pause: the full-screen view waits for a key here".into());
                        if self.waits {
                            self.active = Active::Paused;
                            return Progress::Running;
                        }
                        self.next += 1;
                        look(t, self);
                        continue;
                    }
                    Step::Speed(sp) => {
                        self.note(format!(
                            ".. Speed {sp}: the full-screen view runs at this speed (virtual time is the same)"
                        ));
                        self.speed = Some(sp.clone());
                        self.next += 1;
                        if self.waits {
                            return self.progress();
                        }
                        continue;
                    }
                    Step::Highlight(k) => {
                        let what = if *k == t.terminals() {
                            "the operator's console".to_string()
                        } else {
                            format!("terminal {k}")
                        };
                        self.note(format!(".. Highlight {what}"));
                        self.highlight = Some(*k);
                        self.next += 1;
                        look(t, self);
                        continue;
                    }
                    Step::Reader { user, cards } => {
                        if let Err(e) = t.reader_deck(user, cards) {
                            self.fail(t, None, format!("Reader: {e}"));
                            continue;
                        }
                        self.next += 1;
                        continue;
                    }
                }
            }
            if self.active == Active::Paused {
                return Progress::Running;
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
                    self.ran(t);
                    look(t, self);
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
                    let to = now.saturating_add(SLICE).min(until).min(limit);
                    let st = t.run_until(to);
                    self.ran(t);
                    look(t, self);
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
///
/// A terminal keeps only the tail of its output, so the log takes new output by absolute
/// position after every slice the machine runs ([`TranscriptLog::collect`]) and holds it
/// until the next step begins, then writes each terminal's complete lines, terminal by
/// terminal. What it holds back is bounded: past [`HOLD`] bytes a terminal's lines are
/// written at once (a line that long is broken there). Should a terminal have printed
/// more than it keeps within one slice (a guest can, by halting its own writes), the log
/// says how many bytes were lost, in a line of its own.
struct TranscriptLog {
    /// Absolute position up to which each terminal's output was taken: user terminals,
    /// then the operator console last.
    taken: Vec<u64>,
    /// Output taken and not yet written, per terminal.
    held: Vec<String>,
    out: Vec<String>,
}

impl TranscriptLog {
    fn new(terminals: usize) -> Self {
        TranscriptLog {
            taken: vec![0; terminals + 1],
            held: vec![String::new(); terminals + 1],
            out: Vec::new(),
        }
    }

    fn prefix(&self, k: usize) -> String {
        if k == self.taken.len() - 1 {
            "OP| ".to_string()
        } else {
            format!("{k:<2}| ")
        }
    }

    /// Take the output each terminal printed since the last look.
    fn collect<T: Target>(&mut self, t: &T) {
        let n = self.taken.len() - 1;
        for k in 0..=n {
            let tr = if k == n {
                t.operator_transcript()
            } else {
                t.transcript(k)
            };
            let (new, lost) = tr.since(self.taken[k]);
            let held = &mut self.held[k];
            if lost > 0 {
                if !held.is_empty() && !held.ends_with('\n') {
                    held.push('\n');
                }
                held.push_str(&format!(
                    "*** {lost} bytes of output lost: a terminal keeps only its last {} ***\n",
                    crate::devices::transcript::KEEP
                ));
            }
            held.push_str(new);
            self.taken[k] = tr.end();
            if self.held[k].len() > HOLD {
                self.emit(k, false);
                if self.held[k].len() > HOLD {
                    self.emit(k, true);
                }
            }
        }
    }

    /// Write terminal `k`'s complete lines (`all`: the partial last one too).
    fn emit(&mut self, k: usize, all: bool) {
        let prefix = self.prefix(k);
        let held = &mut self.held[k];
        let upto = if all {
            held.len()
        } else {
            held.rfind('\n').map_or(0, |p| p + 1)
        };
        for l in held[..upto].lines() {
            self.out.push(format!("{prefix}{l}"));
        }
        held.drain(..upto);
    }

    fn flush<T: Target>(&mut self, t: &T, all: bool) {
        self.collect(t);
        for k in 0..self.taken.len() {
            self.emit(k, all);
        }
    }
}

#[cfg(test)]
#[path = "player_tests.rs"]
mod tests;
