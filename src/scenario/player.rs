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
    /// Per terminal: absolute position in its output where the next Expect looks.
    cursors: Vec<u64>,
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
                        let end = t.transcript(*terminal).end();
                        if let Some(c) = self.cursors.get_mut(*terminal) {
                            *c = (*c).max(end);
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
mod tests {
    use super::*;
    use crate::cpu::TOD_PER_SECOND;
    use crate::devices::transcript::{KEEP, TextTail};

    /// A pretend system: echoes typing, answers LOGON after 100 ms and an empty line
    /// with `R;` after 20 ms; `STOP` puts it in a disabled wait.
    struct Fake {
        now: u64,
        terms: Vec<TextTail>,
        op: TextTail,
        pending: Vec<(u64, usize, String)>,
        /// `FLOOD n`: terminal, lines printed so far, n, and when it was typed.
        flood: Option<(usize, u64, u64, u64)>,
        stopped: bool,
        runs: usize,
    }

    /// Line `i` of a flood: 7 bytes with its new line.
    fn flood_line(i: u64) -> String {
        format!("F{i:05}\n")
    }

    impl Fake {
        fn new(n: usize) -> Self {
            Self::keeping(n, KEEP)
        }

        /// Terminals that keep only the last `keep` bytes, as a 3215 does.
        fn keeping(n: usize, keep: usize) -> Self {
            let mut op = TextTail::new(keep);
            op.push_str("CP IPL COMPLETE\nPARTIAL");
            Fake {
                now: 0,
                terms: vec![TextTail::new(keep); n],
                op,
                pending: vec![],
                flood: None,
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
            // A flood prints one line a millisecond.
            if let Some((k, done, n, t0)) = self.flood.as_mut() {
                let ms = TOD_PER_SECOND / 1000;
                while *done < *n && *t0 + (*done + 1) * ms <= t {
                    self.terms[*k].push_str(&flood_line(*done));
                    *done += 1;
                }
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
            } else if let Some(n) = text.strip_prefix("FLOOD ") {
                let n = n.parse().map_err(|_| "FLOOD needs a number")?;
                self.flood = Some((k, 0, n, self.now));
            }
            Ok(())
        }
        fn transcript(&self, k: usize) -> Transcript<'_> {
            self.terms.get(k).map(TextTail::view).unwrap_or_default()
        }
        fn operator_transcript(&self) -> Transcript<'_> {
            self.op.view()
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

    /// Every line of an output much longer than a terminal keeps.
    fn flood(keep: usize, lines: u64) -> (Vec<String>, Player) {
        let s = scenario(&format!(
            r#"Type(terminal: 1, text: "FLOOD {lines}"),
 Sleep("{}ms"),
 Caption("after"),"#,
            lines + 100
        ));
        let mut f = Fake::keeping(s.terminals, keep);
        let mut p = Player::new(&s, true);
        let mut out = Vec::new();
        // As `cpcms play --headless` does: one virtual second at a time, draining.
        loop {
            let limit = f.now + TOD_PER_SECOND;
            let r = p.advance(&mut f, limit);
            out.extend(p.drain_output());
            assert!(
                p.log.held.iter().all(|h| h.len() <= HOLD),
                "what the log holds back is bounded"
            );
            if r != Progress::Running {
                break;
            }
        }
        p.finish(&f);
        out.extend(p.drain_output());
        assert!(f.terms[1].view().text.len() <= keep);
        (out, p)
    }

    #[test]
    fn headless_shows_every_line_of_a_long_output_once_in_order() {
        // 7 bytes a millisecond, 70 a slice: the terminal keeps 256 bytes, the output is
        // 35,000 bytes.
        let (out, p) = flood(256, 5000);
        assert_eq!(p.progress(), Progress::Done);
        let mut want = vec!["OP| CP IPL COMPLETE".to_string(), "1 | FLOOD 5000".into()];
        want.extend((0..5000).map(|i| format!("1 | {}", flood_line(i).trim_end())));
        want.push("-- after".into());
        want.push("OP| PARTIAL".into());
        assert_eq!(out, want);
    }

    #[test]
    fn headless_writes_held_lines_early_past_the_bound() {
        // 14,000 lines (98,000 bytes) in one Sleep: more than HOLD; written before the
        // step ends, still every line once and in order.
        let (out, _) = flood(KEEP, 14_000);
        let lines: Vec<&String> = out
            .iter()
            .filter(|l| l.starts_with("1 | F") && !l.contains("FLOOD"))
            .collect();
        assert_eq!(lines.len(), 14_000);
        for (i, l) in lines.iter().enumerate() {
            assert_eq!(**l, format!("1 | {}", flood_line(i as u64).trim_end()));
        }
        assert_eq!(out.last().map(String::as_str), Some("OP| PARTIAL"));
    }

    #[test]
    fn headless_says_when_output_was_lost() {
        // 70 bytes a slice, 32 kept: the log cannot see everything, and says so.
        let (out, _) = flood(32, 100);
        let lost: Vec<&String> = out.iter().filter(|l| l.contains("lost")).collect();
        assert!(!lost.is_empty(), "{out:?}");
        assert!(lost[0].starts_with("1 | *** "), "{}", lost[0]);
        assert_eq!(
            out.iter()
                .rev()
                .find(|l| l.starts_with("1 | F"))
                .map(String::as_str),
            Some("1 | F00099"),
            "the last line is there"
        );
    }

    #[test]
    fn last_lines_helper() {
        assert_eq!(last_lines("", 3), Vec::<String>::new());
        assert_eq!(last_lines("a\nb\nc\n", 2), vec!["b", "c"]);
        assert_eq!(last_lines("a\nb", 5), vec!["a", "b"]);
    }
}
