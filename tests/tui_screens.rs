//! Snapshot tests of the whole screen, rendered into ratatui's TestBackend from a
//! hand-filled model and compared with golden text files in tests/golden/tui/ (one row
//! of the screen a line, trailing blanks kept). `CPCMS_RECORD_GOLDEN=1` writes them
//! anew: read the diff before committing one.

use cpcms::scenario::units::parse_date;
use cpcms::sysgen::VmStatus;
use cpcms::tui::{App, Event, Meter, Model, TermView, TrapLine};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn term(i: usize, user: Option<&str>, text: &str) -> TermView {
    TermView {
        dev: 0x020 + i as u16,
        user: user.map(str::to_string),
        text: text.to_string(),
        ..TermView::default()
    }
}

fn vm(user: &str, term: u16, state: &str, instructions: u64, privops: u64) -> VmStatus {
    VmStatus {
        userid: user.into(),
        terminal: term,
        state: state.into(),
        instructions,
        privops,
    }
}

/// A classroom: ALICE and BOB logged on, a few traps, the meters going.
fn model(terminals: usize) -> Model {
    let t0 = parse_date("1979-06-29 09:00:05").unwrap();
    let mut terms = vec![
        term(
            0,
            Some("ALICE"),
            "VM/370 ONLINE\nLOGON ALICE\nENTER PASSWORD:\nLOGON AT 09:00:01 GMT FRIDAY 06/29/79\n\
             CMS VERSION 6.0 (CPCMS)\n\nR; T=0.01/0.04 09:00:02\nQUERY TIME\n\
             TIME IS 09:00:04 GMT FRIDAY 06/29/79\nR; T=0.00/0.01 09:00:04\n",
        ),
        term(
            1,
            Some("BOB"),
            "VM/370 ONLINE\nLOGON BOB\nENTER PASSWORD:\nLOGON AT 09:00:02 GMT FRIDAY 06/29/79\n",
        ),
    ];
    for i in 2..terminals {
        terms.push(term(i, None, "VM/370 ONLINE\n"));
    }
    let traps = [
        (
            "ALICE",
            "DIAG  2,0,12(0)",
            2451,
            "DIAG 0C -> date, time, CPU times",
        ),
        (
            "ALICE",
            "SIO   0(2)",
            711,
            "SIO 009 -> console write, CC 0 started",
        ),
        (
            "ALICE",
            "LPSW  520(0)",
            555,
            "LPSW -> PSW FE020000 00000000: a wait: CP runs others till its interruption",
        ),
        ("BOB", "DIAG  2,0,96(0)", 320, "DIAG 60 -> storage size"),
        (
            "BOB",
            "SIO   0(2)",
            725,
            "SIO 009 -> console write, CC 0 started",
        ),
        (
            "ALICE",
            "DIAG  2,4,8(0)",
            3303,
            "DIAG 08 -> CP command, CC 0",
        ),
    ];
    Model {
        title: "Trap and emulate".into(),
        caption: "ALICE's CMS asked CP for the time with DIAGNOSE: the CPU trapped it, \
                  CP answered, and CMS went on."
            .into(),
        scenario: "step 4 of 9".into(),
        terminals: terms,
        operator: Some(TermView {
            dev: 0x009,
            text: "DMKCPI966I CP IPL COMPLETE\n".into(),
            ..TermView::default()
        }),
        vms: vec![
            vm("ALICE", 0x020, "VM READ", 51_234, 212),
            vm("BOB", 0x021, "RUNNING", 3_566, 19),
        ],
        meters: vec![
            Meter {
                userid: "ALICE".into(),
                direct: 51_234,
                by_cp: 6_020,
                share: Some(0.03),
            },
            Meter {
                userid: "BOB".into(),
                direct: 3_566,
                by_cp: 46_282,
                share: Some(0.61),
            },
        ],
        model_mips: 1.0,
        mips: 1.0,
        tod: t0,
        machine: "running".into(),
        speed: "370/158".into(),
        traps: traps
            .iter()
            .enumerate()
            .map(|(i, (u, ins, cp, did))| TrapLine {
                seq: i as u64 + 1,
                tod: t0 + (i as u64 + 1) * 4096 * 7000,
                user: u.to_string(),
                instruction: ins.to_string(),
                cp: Some(*cp),
                did: did.to_string(),
            })
            .collect(),
        ..Model::default()
    }
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    app.render(&mut t).unwrap();
    let buf = t.backend().buffer();
    let mut s = String::new();
    for y in 0..h {
        for x in 0..w {
            s.push_str(buf[(x, y)].symbol());
        }
        s.push('\n');
    }
    s
}

fn golden(name: &str, got: &str) {
    let path = format!("{}/tests/golden/tui/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("CPCMS_RECORD_GOLDEN").is_some() {
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e} (CPCMS_RECORD_GOLDEN=1 writes it)"));
    if want != got {
        let diff: Vec<String> = want
            .lines()
            .zip(got.lines())
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .map(|(i, (a, b))| format!("row {i}:\n  want |{a}|\n  got  |{b}|"))
            .collect();
        panic!(
            "{name} differs from {path}:\n{}\n\ngot:\n{got}",
            diff.join("\n")
        );
    }
}

fn key(c: KeyCode) -> Event {
    Event::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

#[test]
fn screen_80x24() {
    golden("80x24", &screen(&App::new(model(3)), 80, 24));
}

#[test]
fn screen_160x50() {
    golden("160x50", &screen(&App::new(model(3)), 160, 50));
}

/// Eight terminals: a grid with the focused one zoomed; F6 moves the zoom on.
#[test]
fn screen_grid_of_8() {
    let mut app = App::new(model(8));
    golden("grid8-120x40", &screen(&app, 120, 40));
    app.update(key(KeyCode::F(6)));
    assert_eq!((app.zoom, app.focus), (1, 1));
    golden("grid8-zoom1-120x40", &screen(&app, 120, 40));
}

#[test]
fn help_overlay() {
    let mut app = App::new(model(3));
    app.update(key(KeyCode::Char('?')));
    assert!(app.help_shown);
    golden("help-100x40", &screen(&app, 100, 40));
    // Any key closes it, and is not typed.
    app.update(key(KeyCode::Char('x')));
    assert!(!app.help_shown);
    assert_eq!(app.inputs[0], "");
    // On a line already begun, ? is typed.
    app.update(key(KeyCode::Char('a')));
    app.update(key(KeyCode::Char('?')));
    assert!(!app.help_shown);
    assert_eq!(app.inputs[0], "a?");
    app.update(key(KeyCode::F(1)));
    assert!(app.help_shown);
}

/// A click focuses the terminal under the mouse (and zooms it in a grid); the
/// operator's console is focused the same way and typable.
#[test]
fn a_click_focuses_a_terminal() {
    let mut app = App::new(model(8));
    app.update(Event::Resize(120, 40));
    let s = screen(&app, 120, 40);
    // Terminal 5's title in the grid: click inside its pane.
    let (row, col) = s
        .lines()
        .enumerate()
        .find_map(|(r, l)| l.find(" 5: 025 ").map(|c| (r, l[..c].chars().count())))
        .expect("terminal 5 in the grid");
    app.update(Event::Click(col as u16 + 2, row as u16 + 1));
    assert_eq!((app.focus, app.zoom), (5, 5));
    // The operator's console, at the bottom left.
    app.update(Event::Click(2, 32));
    assert_eq!(app.focus, 8, "the operator's console");
    assert_eq!(app.zoom, 5, "the zoom stays");
    for c in "Q N".chars() {
        app.update(key(KeyCode::Char(c)));
    }
    let a = app.update(key(KeyCode::Enter));
    assert_eq!(
        a,
        vec![cpcms::tui::Action::Type {
            terminal: 8,
            text: "Q N".into()
        }]
    );
    // Clicks anywhere else, or off the screen, change nothing and do not panic.
    app.update(Event::Click(60, 1));
    app.update(Event::Click(500, 500));
    assert_eq!(app.focus, 8);
}

/// Any size from 1x1 to large, the grid included, renders; resizing between them too.
#[test]
fn any_size_renders_the_grid() {
    let mut app = App::new(model(8));
    for (w, h) in [
        (1, 1),
        (10, 5),
        (20, 10),
        (80, 24),
        (81, 23),
        (300, 100),
        (40, 60),
    ] {
        app.update(Event::Resize(w, h));
        let s = screen(&app, w, h);
        assert_eq!(s.lines().count(), h as usize);
        app.update(Event::Click(w / 2, h / 2));
    }
}
