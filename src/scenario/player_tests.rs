//! The player's tests, against a pretend system.
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

const NARRATED: &str = r#"Marker("Logging on"),
 Highlight(0),
 Type(terminal: 0, text: "LOGON A A"),
 Pause,
 Speed("360/67"),
 Expect(terminal: 0, text: "CMS", within: "1s"),
 Highlight(-1),
 Marker("Done"),
 Sleep("1s"),"#;

#[test]
fn narration_steps_headless_are_notes_and_take_no_time() {
    let (r, out, f, p) = run(&scenario(NARRATED));
    assert_eq!(r, Progress::Done);
    assert_eq!(
        out,
        vec![
            "OP| CP IPL COMPLETE",
            "== Logging on",
            ".. Highlight terminal 0",
            "0 | LOGON A A",
            ".. Pause: the full-screen view waits for a key here",
            ".. Speed 360/67: the full-screen view runs at this speed (virtual time is the same)",
            "0 | LOGON AT 09:00:00 GMT",
            "0 | CMS VERSION 1",
            ".. Highlight the operator's console",
            "== Done",
            "OP| PARTIAL",
        ]
    );
    // Virtual time: LOGON's answer after 100 ms, the Sleep; nothing for the rest.
    assert_eq!(f.now, 1100 * (TOD_PER_SECOND / 1000));
    assert_eq!(p.marker(), Some("Done"));
    assert_eq!(p.highlight(), None, "a Marker clears the highlight");
}

#[test]
fn a_waiting_player_stops_at_pause_until_resumed() {
    let s = scenario(NARRATED);
    let mut f = Fake::new(2);
    let mut p = Player::new(&s, false);
    p.set_waits(true);
    assert_eq!(p.advance(&mut f, u64::MAX), Progress::Running);
    assert!(p.waiting());
    assert_eq!((p.marker(), p.highlight()), (Some("Logging on"), Some(0)));
    let at = f.now;
    // However far it may run, it stays at the Pause, and the machine with it.
    assert_eq!(p.advance(&mut f, u64::MAX), Progress::Running);
    assert!(p.waiting());
    assert_eq!(f.now, at);
    p.resume();
    assert!(!p.waiting());
    // The Speed step returns at once so that the view applies it.
    assert_eq!(p.advance(&mut f, u64::MAX), Progress::Running);
    assert_eq!(p.take_speed().as_deref(), Some("360/67"));
    assert_eq!(p.take_speed(), None);
    assert_eq!(p.advance(&mut f, u64::MAX), Progress::Done);
    assert_eq!(p.highlight(), None);
    assert_eq!(p.marker(), Some("Done"));
}

#[test]
fn last_lines_helper() {
    assert_eq!(last_lines("", 3), Vec::<String>::new());
    assert_eq!(last_lines("a\nb\nc\n", 2), vec!["b", "c"]);
    assert_eq!(last_lines("a\nb", 5), vec!["a", "b"]);
}
