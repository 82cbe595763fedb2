//! Kiosk mode on a (test) screen, with the wall clock: its own test binary, so the
//! soak in tests/kiosk.rs measures its memory alone.

use std::time::Duration;

use cpcms::scenario::Scenario;

fn scenarios() -> Vec<Scenario> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios");
    ["logon.ron", "cp-commands.ron"]
        .iter()
        .map(|f| Scenario::load(std::path::Path::new(&format!("{dir}/{f}"))).unwrap())
        .collect()
}

/// The kiosk on a (test) screen: a key gives the visitor the terminals and is not
/// typed; after the idle time the narration is back; Esc q does not quit, Ctrl-C does.
#[test]
fn the_kiosk_screen_gives_the_terminals_and_takes_them_back() {
    use cpcms::tui::Event;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    let key = |c: KeyCode, m: KeyModifiers| Some(Event::Key(KeyEvent::new(c, m)));
    let text = |t: &Terminal<TestBackend>| {
        let b = t.backend().buffer();
        let (w, h) = (b.area.width, b.area.height);
        (0..h)
            .map(|y| (0..w).map(|x| b[(x, y)].symbol()).collect::<String>() + "\n")
            .collect::<String>()
    };
    let s = scenarios();
    for (idle_ms, wait, visitor) in [(60_000, 0, true), (300, 600, false)] {
        let mut script = vec![
            None,
            None,
            key(KeyCode::Char('x'), KeyModifiers::NONE),
            key(KeyCode::Esc, KeyModifiers::NONE),
            key(KeyCode::Char('q'), KeyModifiers::NONE),
            None,
            None,
            key(KeyCode::Char('c'), KeyModifiers::CONTROL),
        ]
        .into_iter();
        let mut n = 0;
        let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
        cpcms::tui::kiosk::run(&mut term, &s, idle_ms, |t| {
            n += 1;
            if n == 6 && wait > 0 {
                std::thread::sleep(Duration::from_millis(wait));
            } else {
                std::thread::sleep(t.min(Duration::from_millis(5)));
            }
            Ok(script.next().flatten().or(Some(Event::Tick)))
        })
        .unwrap();
        let screen = text(&term);
        assert_eq!(
            screen.contains("The terminals are yours"),
            visitor,
            "idle {idle_ms} ms:\n{screen}"
        );
        assert!(screen.contains(&s[0].title), "{screen}");
        if visitor {
            // The first key was not typed; Esc q did not quit, so q was typed.
            assert!(screen.contains("> q_"), "{screen}");
        }
    }
}

/// `cpcms kiosk DIR` plays DIR's scenarios in name order; none, or a bad one, is an
/// error that names the place.
#[test]
fn the_kiosk_loads_a_directory_of_scenarios() {
    use cpcms::tui::kiosk::scenarios_in;
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios"));
    let all = scenarios_in(dir).unwrap();
    assert!(all.len() >= 6);
    assert!(all.windows(2).all(|w| w[0].file < w[1].file));
    let tmp = std::env::temp_dir().join(format!("cpcms-kiosk-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let e = scenarios_in(&tmp).unwrap_err();
    assert!(e.ends_with("no scenario files (*.ron)"), "{e}");
    std::fs::write(tmp.join("bad.ron"), "(title: \"x\", steps: [Bogus])").unwrap();
    let e = scenarios_in(&tmp).unwrap_err();
    assert!(e.contains("bad.ron:1:"), "{e}");
    std::fs::remove_dir_all(&tmp).unwrap();
}
