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
    /// A person types `text` on user terminal `terminal` and presses Enter (terminal
    /// number `terminals()` is the operator's console).
    fn type_line(&mut self, terminal: usize, text: &str) -> Result<(), String>;
    /// Everything user terminal `terminal` has shown ("" if nothing or no such terminal;
    /// number `terminals()` is the operator's console).
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
    fn transcript(&self, terminal: usize) -> &str {
        if terminal == self.terminals.len() {
            return self.operator_transcript();
        }
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
            cursors: vec![0; s.terminals + 1],
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
        let cur = self
            .cursors
            .get(terminal)
            .copied()
            .unwrap_or(0)
            .min(tr.len());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cpu::TOD_PER_SECOND;

    /// A pretend system: echoes typing, answers LOGON after 100 ms and an empty line
    /// with `R;` after 20 ms; `STOP` puts it in a disabled wait.
    struct Fake {
        now: u64,
        terms: Vec<String>,
        op: String,
        pending: Vec<(u64, usize, String)>,
        stopped: bool,
        runs: usize,
    }

    impl Fake {
        fn new(n: usize) -> Self {
            Fake {
                now: 0,
                terms: vec![String::new(); n],
                op: "CP IPL COMPLETE\nPARTIAL".into(),
                pending: vec![],
                stopped: false,
                runs: 0,
            }
        }
    }

    impl Target for Fake {
        fn now(&self) -> u64 {
            self.now
        }
        fn run_until(&mut self, t: u64) -> Status {
            self.runs += 1;
            if self.stopped {
                return Status::DisabledWait(0x000A_0000_0000_0BAD);
            }
            self.pending.sort_by_key(|p| p.0);
            while let Some(p) = self.pending.first() {
                if p.0 > t {
                    break;
                }
                let (_, k, s) = self.pending.remove(0);
                self.terms[k].push_str(&s);
            }
            self.now = t;
            Status::Waiting
        }
        fn type_line(&mut self, k: usize, text: &str) -> Result<(), String> {
            let term = self.terms.get_mut(k).ok_or("no such terminal")?;
            term.push_str(text);
            term.push('\n');
            let ms = TOD_PER_SECOND / 1000;
            if text.starts_with("LOGON") {
                self.pending.push((
                    self.now + 100 * ms,
                    k,
                    "LOGON AT 09:00:00 GMT\nCMS VERSION 1\n".into(),
                ));
            } else if text.is_empty() {
                self.pending.push((self.now + 20 * ms, k, "R;\n".into()));
            } else if text == "STOP" {
                self.stopped = true;
            }
            Ok(())
        }
        fn transcript(&self, k: usize) -> &str {
            self.terms.get(k).map_or("", |s| s.as_str())
        }
        fn operator_transcript(&self) -> &str {
            &self.op
        }
        fn terminals(&self) -> usize {
            self.terms.len()
        }
    }

    fn scenario(steps: &str) -> Scenario {
        Scenario::parse(
            "s.ron",
            &format!(
                "(title: \"t\", users: [(id: \"A\", password: \"A\"), (id: \"B\", password: \"B\")],\n terminals: 2,\n steps: [\n{steps}\n])"
            ),
        )
        .unwrap()
    }

    const LOGON: &str = r#"Caption("Logging on"),
 Type(terminal: 0, text: "LOGON A A"),
 Expect(terminal: 0, text: "CMS", within: "1s"),
 Type(terminal: 0, text: ""),
 Expect(terminal: 0, text: "R;"),
 Type(terminal: 1, text: "LOGON B B"),
 Sleep("1s"),"#;

    fn run(s: &Scenario) -> (Progress, Vec<String>, Fake, Player) {
        let mut f = Fake::new(s.terminals);
        let mut p = Player::new(s, true);
        let r = p.advance(&mut f, u64::MAX);
        p.finish(&f);
        let out = p.drain_output();
        (r, out, f, p)
    }

    #[test]
    fn headless_transcript() {
        let s = scenario(LOGON);
        let (r, out, f, p) = run(&s);
        assert_eq!(r, Progress::Done);
        assert_eq!(p.caption(), Some("Logging on"));
        assert_eq!(
            out,
            vec![
                "OP| CP IPL COMPLETE",
                "-- Logging on",
                "0 | LOGON A A",
                "0 | LOGON AT 09:00:00 GMT",
                "0 | CMS VERSION 1",
                "0 | ",
                "0 | R;",
                "1 | LOGON B B",
                "1 | LOGON AT 09:00:00 GMT",
                "1 | CMS VERSION 1",
                "OP| PARTIAL",
            ]
        );
        // Expect polls in 10 ms slices: CMS after 100 ms, R; after 20 ms, then 1 s sleep.
        assert_eq!(f.now, (100 + 20 + 1000) * (TOD_PER_SECOND / 1000));
    }

    #[test]
    fn deterministic() {
        let s = scenario(LOGON);
        assert_eq!(run(&s).1, run(&s).1);
    }

    #[test]
    fn expect_timeout_reports_step_and_lines() {
        let s = scenario(
            r#"Type(terminal: 1, text: "LOGON B B"),
 Expect(terminal: 1, text: "CMS"),
 Expect(terminal: 1, text: "R;", within: "200ms"),"#,
        );
        let (r, out, f, p) = run(&s);
        assert_eq!(r, Progress::Failed);
        let fail = p.failure().unwrap();
        assert_eq!(fail.step, 2);
        assert_eq!(
            fail.to_string(),
            "s.ron:6:2: step 3: expected \"R;\" on terminal 1 within 200ms, not seen\n\
             terminal 1 last showed:\n  1 | LOGON B B\n  1 | LOGON AT 09:00:00 GMT\n  1 | CMS VERSION 1"
        );
        assert_eq!(f.now, 300 * (TOD_PER_SECOND / 1000));
        assert!(out.contains(&"1 | CMS VERSION 1".to_string()));
    }

    #[test]
    fn cursor_advances_past_matches() {
        // "CMS" was seen once: a second Expect for it must wait for new output.
        let s = scenario(
            r#"Type(terminal: 0, text: "LOGON A A"),
 Expect(terminal: 0, text: "CMS"),
 Expect(terminal: 0, text: "CMS", within: "50ms"),"#,
        );
        let (r, _, _, p) = run(&s);
        assert_eq!(r, Progress::Failed);
        assert_eq!(p.failure().unwrap().step, 2);
    }

    #[test]
    fn output_before_typing_does_not_count() {
        let s = scenario(
            r#"Type(terminal: 0, text: ""),
 Sleep("1s"),
 Type(terminal: 0, text: "X"),
 Expect(terminal: 0, text: "R;", within: "100ms"),"#,
        );
        assert_eq!(run(&s).0, Progress::Failed);
    }

    #[test]
    fn stopped_machine_fails_expect_at_once() {
        let s = scenario(
            r#"Type(terminal: 0, text: "STOP"),
 Expect(terminal: 0, text: "R;", within: "1m"),"#,
        );
        let (r, _, f, p) = run(&s);
        assert_eq!(r, Progress::Failed);
        assert!(p.failure().unwrap().message.contains("disabled wait"));
        assert!(f.runs < 3);
    }

    #[test]
    fn limit_pauses_and_resumes() {
        let s = scenario(LOGON);
        let mut f = Fake::new(2);
        let mut p = Player::new(&s, false);
        let ms = TOD_PER_SECOND / 1000;
        assert_eq!(p.advance(&mut f, 50 * ms), Progress::Running);
        assert_eq!(f.now, 50 * ms);
        assert_eq!(p.step_index(), 2);
        assert_eq!(p.advance(&mut f, 500 * ms), Progress::Running);
        assert_eq!(p.step_index(), 6, "sleeping");
        assert_eq!(p.advance(&mut f, u64::MAX), Progress::Done);
        assert!(p.drain_output().is_empty(), "not recording");
    }

    #[test]
    fn last_lines_helper() {
        assert_eq!(last_lines("", 3), Vec::<String>::new());
        assert_eq!(last_lines("a\nb\nc\n", 2), vec!["b", "c"]);
        assert_eq!(last_lines("a\nb", 5), vec!["a", "b"]);
    }
}
