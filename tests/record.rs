//! `--record`: the TUI's event loop driven with synthetic keys writes the session as a
//! scenario; played headless on a fresh system, it gives the same transcript, byte for
//! byte, and its Expects (the answers that came back) are met.

use std::time::{Duration, Instant};

use cpcms::scenario::Scenario;
use cpcms::scenario::Step;
use cpcms::scenario::player::{Player, Progress, Target};
use cpcms::sysgen::System;
use cpcms::tui::live::Live;
use cpcms::tui::{App, Event, Model, run_loop};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SOURCE: &str = r#"(title: "A session", users: [(id: "ALICE", password: "ALICE")],
    terminals: 2, steps: [])"#;

fn key(c: KeyCode) -> Event {
    Event::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

#[test]
fn a_recorded_session_replays_to_the_same_transcript() {
    let s = Scenario::parse("session.ron", SOURCE).unwrap();
    let sys = System::boot(&s.sys_config(), None).unwrap();
    let mut live = Live::new(sys, Some(&s), &s.title, s.mips);
    live.record(&s).unwrap();

    // What a person does, by wall-clock second (the machine runs at 1 MIPS, paced).
    let mut script: Vec<(f64, Vec<Event>)> = Vec::new();
    let line = |t: &str| -> Vec<Event> {
        let mut v: Vec<Event> = t.chars().map(|c| key(KeyCode::Char(c))).collect();
        v.push(key(KeyCode::Enter));
        v
    };
    script.push((0.5, line("LOGON ALICE")));
    script.push((1.5, line("ALICE")));
    script.push((3.5, line("")));
    script.push((5.0, vec![key(KeyCode::Tab)]));
    script.push((5.2, line("QUERY NAMES")));
    script.push((6.0, vec![key(KeyCode::BackTab)]));
    script.push((6.2, line("QUERY TIME")));
    script.push((
        7.5,
        vec![Event::Key(KeyEvent::new(
            KeyCode::Char('c'),
            KeyModifiers::CONTROL,
        ))],
    ));
    let mut queue: std::collections::VecDeque<(f64, Event)> = script
        .into_iter()
        .flat_map(|(t, evs)| evs.into_iter().map(move |e| (t, e)))
        .collect();
    let t0 = Instant::now();
    let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let mut app = App::new(Model::default());
    run_loop(&mut term, &mut app, &mut live, |timeout| {
        if let Some((at, _)) = queue.front()
            && t0.elapsed().as_secs_f64() >= *at
        {
            return Ok(queue.pop_front().map(|x| x.1));
        }
        std::thread::sleep(timeout.min(Duration::from_millis(20)));
        Ok(None)
    })
    .unwrap();
    let text = live.finish_recording().unwrap();

    // The recording: every line typed, in order, with its terminal; answers expected.
    let rec = Scenario::parse("recorded.ron", &text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(rec.title, "A session (recorded)");
    assert_eq!(
        (rec.terminals, rec.users.clone()),
        (s.terminals, s.users.clone())
    );
    let typed: Vec<(usize, &str)> = rec
        .steps
        .iter()
        .filter_map(|st| match st {
            Step::Type { terminal, text } => Some((*terminal, text.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        typed,
        vec![
            (0, "LOGON ALICE"),
            (0, "ALICE"),
            (0, ""),
            (1, "QUERY NAMES"),
            (0, "QUERY TIME")
        ],
        "{text}"
    );
    let expects: Vec<&str> = rec
        .steps
        .iter()
        .filter_map(|st| match st {
            Step::Expect { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(expects.contains(&"ENTER PASSWORD:"), "{text}");
    assert!(expects.iter().any(|e| e.starts_with("LOGON AT ")), "{text}");
    assert!(expects.iter().any(|e| e.starts_with("TIME IS ")), "{text}");

    // Replayed headless on a fresh system: met, and the same transcripts.
    let mut sys2 = System::boot(&rec.sys_config(), None).unwrap();
    let mut p = Player::new(&rec, false);
    loop {
        let to = sys2.now() + cpcms::cpu::TOD_PER_SECOND;
        match p.advance(&mut sys2, to) {
            Progress::Running => continue,
            Progress::Done => break,
            Progress::Failed => panic!("{}\n{text}", p.failure().unwrap()),
        }
    }
    assert_eq!(sys2.now(), live.system.now(), "{text}");
    for t in 0..=s.terminals {
        let a = Target::transcript(&live.system, t);
        let b = Target::transcript(&sys2, t);
        assert_eq!(a.text, b.text, "terminal {t}\n{text}");
        assert!(!a.text.is_empty());
    }
}
