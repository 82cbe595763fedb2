//! The full-screen view, rendered into ratatui's TestBackend from a hand-filled model:
//! no CP needed.

use std::collections::VecDeque;
use std::time::Duration;

use cpcms::scenario::units::parse_date;
use cpcms::sysgen::VmStatus;
use cpcms::tui::{Action, App, Driver, Event, Model, TermView, TrapLine, run_loop, wrap_tail};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn model() -> Model {
    Model {
        title: "Three users share one System/370".into(),
        caption: "ALICE logs on.".into(),
        scenario: "step 3 of 12".into(),
        terminals: vec![
            TermView {
                dev: 0x020,
                user: Some("ALICE".into()),
                text:
                    "LOGON ALICE ALICE\nLOGON AT 09:00:01 GMT FRIDAY 06/29/79\nCMS VERSION 1\nR;\n"
                        .into(),
                ..TermView::default()
            },
            TermView {
                dev: 0x021,
                user: None,
                text: "VM/370 ONLINE\n".into(),
                ..TermView::default()
            },
            TermView {
                dev: 0x022,
                user: None,
                text: String::new(),
                ..TermView::default()
            },
        ],
        operator: Some(TermView {
            dev: 0x009,
            text: "CP IPL COMPLETE\n".into(),
            ..TermView::default()
        }),
        vms: vec![VmStatus {
            userid: "ALICE".into(),
            terminal: 0x020,
            state: "VM READ".into(),
            instructions: 123_456,
            privops: 789,
        }],
        model_mips: 1.0,
        mips: 0.98,
        tod: parse_date("1979-06-29 09:00:05").unwrap(),
        machine: "waiting".into(),
        speed: "370/158".into(),
        ..Model::default()
    }
}

fn screen(app: &App, w: u16, h: u16) -> Vec<String> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    app.render(&mut t).unwrap();
    let buf = t.backend().buffer();
    (0..h)
        .map(|y| {
            (0..w)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect()
}

fn has(screen: &[String], s: &str) -> bool {
    screen.iter().any(|l| l.contains(s))
}

fn key(c: KeyCode) -> Event {
    Event::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn type_str(app: &mut App, s: &str) -> Vec<Action> {
    s.chars()
        .flat_map(|c| app.update(key(KeyCode::Char(c))))
        .collect()
}

#[test]
fn panes_show_terminals_operator_cp_caption() {
    let app = App::new(model());
    let s = screen(&app, 120, 30);
    let all = s.join("\n");
    assert!(has(&s, "Three users share one System/370"), "{all}");
    assert!(has(&s, "step 3 of 12"), "{all}");
    assert!(has(&s, "ALICE logs on."), "{all}");
    assert!(has(&s, " 0: 020 ALICE "), "{all}");
    assert!(has(&s, " 1: 021 "), "{all}");
    assert!(has(&s, " 2: 022 "), "{all}");
    assert!(has(&s, "LOGON ALICE ALICE"), "{all}");
    assert!(has(&s, "VM/370 ONLINE"), "{all}");
    assert!(has(&s, "Operator 009"), "{all}");
    assert!(has(&s, "CP IPL COMPLETE"), "{all}");
    assert!(
        has(&s, "09:00:05  370/158 1.00 MIPS real 0.98  waiting"),
        "{all}"
    );
    assert!(
        has(
            &s,
            "USERID   TERM STATE         DIRECT     BY CP  TRAPS  EFFIC SHARE"
        ),
        "{all}"
    );
    assert!(
        has(&s, "ALICE    020  VM READ       123456              789"),
        "{all}"
    );
    assert!(has(&s, "ALICE 020> _"), "{all}");
    assert!(
        has(&s, "F4: trap user  F5: hold  ?: help  Esc q: quit"),
        "{all}"
    );
}

#[test]
fn narrow_panes_wrap_and_show_the_tail() {
    let mut m = model();
    let long: String = (0..40).map(|i| format!("LINE {i:02}\n")).collect();
    m.terminals[1].text = long;
    let s = screen(&App::new(m), 60, 24);
    let all = s.join("\n");
    assert!(has(&s, "LINE 39"), "{all}");
    assert!(!has(&s, "LINE 00"), "{all}");
    // Pane 0 is 20 columns wide (18 inside): the LOGON AT line wraps.
    assert!(has(&s, "LOGON AT 09:00:01 "), "{all}");
    assert!(has(&s, "GMT FRIDAY 06/29/7"), "{all}");
}

#[test]
fn tiny_and_empty_screens_do_not_panic() {
    for (w, h) in [(1, 1), (10, 5), (20, 8), (200, 60)] {
        screen(&App::new(model()), w, h);
        screen(&App::new(Model::default()), w, h);
    }
}

#[test]
fn typing_goes_to_the_focused_terminal() {
    let mut app = App::new(model());
    assert!(
        type_str(&mut app, "QUERY TIME").is_empty(),
        "Q is just a letter"
    );
    assert!(has(&screen(&app, 120, 30), "ALICE 020> QUERY TIME_"));
    app.update(key(KeyCode::Backspace));
    app.update(key(KeyCode::Backspace));
    type_str(&mut app, "ME");
    assert_eq!(
        app.update(key(KeyCode::Enter)),
        vec![Action::Type {
            terminal: 0,
            text: "QUERY TIME".into()
        }]
    );
    assert_eq!(app.inputs[0], "");

    app.update(key(KeyCode::Tab));
    assert_eq!(app.focus, 1);
    assert!(has(&screen(&app, 120, 30), "terminal 021> _"));
    type_str(&mut app, "LOGON BOB BOB");
    app.update(key(KeyCode::Tab));
    app.update(key(KeyCode::Tab));
    assert_eq!(
        app.focus, 3,
        "the operator's console comes after the terminals"
    );
    assert!(has(&screen(&app, 120, 30), "operator 009> _"));
    app.update(key(KeyCode::Tab));
    assert_eq!(app.focus, 0, "wraps around");
    let back_tab = || Event::Key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
    app.update(back_tab());
    assert_eq!(app.focus, 3);
    app.update(back_tab());
    app.update(back_tab());
    assert_eq!(
        app.inputs[1], "LOGON BOB BOB",
        "each terminal keeps its own line"
    );
    assert_eq!(
        app.update(key(KeyCode::Enter)),
        vec![Action::Type {
            terminal: 1,
            text: "LOGON BOB BOB".into()
        }]
    );
    // Enter on an empty line still sends it (CMS answers an empty line).
    assert_eq!(
        app.update(key(KeyCode::Enter)),
        vec![Action::Type {
            terminal: 1,
            text: String::new()
        }]
    );
}

#[test]
fn history_recall() {
    let mut app = App::new(model());
    type_str(&mut app, "A");
    app.update(key(KeyCode::Enter));
    type_str(&mut app, "B");
    app.update(key(KeyCode::Enter));
    app.update(key(KeyCode::Up));
    assert_eq!(app.inputs[0], "B");
    app.update(key(KeyCode::Up));
    assert_eq!(app.inputs[0], "A");
    app.update(key(KeyCode::Up));
    assert_eq!(app.inputs[0], "A");
    app.update(key(KeyCode::Down));
    assert_eq!(app.inputs[0], "B");
    app.update(key(KeyCode::Down));
    assert_eq!(app.inputs[0], "");
    app.update(ctrl('u'));
}

#[test]
fn quitting() {
    let mut app = App::new(model());
    type_str(&mut app, "q");
    assert!(!app.quit, "q alone is typed");
    assert_eq!(app.inputs[0], "q");
    app.update(key(KeyCode::Esc));
    assert!(has(&screen(&app, 120, 30), "Press q to quit"));
    type_str(&mut app, "x");
    assert!(!app.quit, "Esc then another key goes on");
    assert_eq!(app.inputs[0], "qx");
    app.update(key(KeyCode::Esc));
    app.update(key(KeyCode::Esc));
    assert!(!app.esc, "Esc Esc cancels");
    app.update(key(KeyCode::Esc));
    app.update(key(KeyCode::Char('q')));
    assert!(app.quit);

    let mut app = App::new(model());
    type_str(&mut app, "abc");
    app.update(ctrl('c'));
    assert!(app.quit, "Ctrl-C always quits");
}

#[test]
fn input_is_bounded_and_paste_takes_one_line() {
    let mut app = App::new(model());
    type_str(&mut app, &"X".repeat(500));
    assert_eq!(app.inputs[0].len(), cpcms::tui::MAX_INPUT);
    let mut app = App::new(model());
    app.update(Event::Paste("CP QUERY NAMES\nrm -rf /".into()));
    assert_eq!(app.inputs[0], "CP QUERY NAMES");
    // No terminals at all: typing and Enter do nothing, no panic.
    let mut app = App::new(Model::default());
    type_str(&mut app, "X");
    assert!(app.update(key(KeyCode::Enter)).is_empty());
    app.update(key(KeyCode::Tab));
}

/// A driver that echoes what is typed into the model.
struct Echo {
    ticks: usize,
    typed: Vec<(usize, String)>,
}

impl Driver for Echo {
    fn tick(&mut self, m: &mut Model) {
        self.ticks += 1;
        if m.terminals.is_empty() {
            *m = model();
        }
        for (t, s) in self.typed.drain(..) {
            m.terminals[t].text.push_str(&format!("{s}\nR;\n"));
        }
    }
    fn apply(&mut self, a: Action) {
        if let Action::Type { terminal, text } = a {
            self.typed.push((terminal, text));
        }
    }
}

#[test]
fn event_loop_drives_update_and_draw() {
    let mut term = Terminal::new(TestBackend::new(120, 30)).unwrap();
    let mut app = App::new(Model::default());
    let mut d = Echo {
        ticks: 0,
        typed: vec![],
    };
    let mut script: VecDeque<Option<Event>> = VecDeque::new();
    for c in "LISTFILE".chars() {
        script.push_back(Some(key(KeyCode::Char(c))));
    }
    script.push_back(Some(key(KeyCode::Enter)));
    script.push_back(None); // a frame passes
    script.push_back(Some(ctrl('c')));
    let mut waited = Duration::ZERO;
    run_loop(&mut term, &mut app, &mut d, |timeout| {
        assert!(timeout <= cpcms::tui::FRAME);
        match script.pop_front() {
            Some(None) => {
                std::thread::sleep(timeout);
                waited += timeout;
                Ok(None)
            }
            Some(e) => Ok(e),
            None => Ok(Some(ctrl('c'))),
        }
    })
    .unwrap();
    assert!(app.quit);
    assert!(d.ticks >= 2, "ticked at start and after a frame");
    assert!(app.model.terminals[0].text.ends_with("LISTFILE\nR;\n"));
    app.render(&mut term).unwrap();
    let buf = term.backend().buffer();
    let text: String = buf.content().iter().map(|c| c.symbol()).collect();
    assert!(text.contains("LISTFILE"));
}

#[test]
fn wrap_tail_is_public_and_sane() {
    assert_eq!(wrap_tail("R;\n", 80, 10), vec!["R;"]);
}

/// CP's most terminals (64) on a small screen: cramped, but drawn without a panic.
#[test]
fn sixty_four_terminals_render() {
    let mut m = model();
    m.terminals = (0..64)
        .map(|i| TermView {
            dev: 0x020 + i,
            user: Some(format!("U{i:02}")),
            text: "VM/370 ONLINE\n".into(),
            ..TermView::default()
        })
        .collect();
    let app = App::new(m);
    for (w, h) in [(80, 24), (20, 10), (300, 60)] {
        let s = screen(&app, w, h);
        assert_eq!(s.len(), h as usize);
    }
}

/// Tab reaches the operator's console: its input line says so, and Enter types there
/// (its number is the one after the user terminals, as a scenario's -1 is).
#[test]
fn the_operators_console_takes_typing_too() {
    let mut app = App::new(model());
    for _ in 0..3 {
        app.update(key(KeyCode::Tab));
    }
    let s = screen(&app, 120, 30);
    assert!(has(&s, "operator 009> _"), "{}", s.join("\n"));
    type_str(&mut app, "Q N");
    assert_eq!(
        app.update(key(KeyCode::Enter)),
        vec![Action::Type {
            terminal: 3,
            text: "Q N".into()
        }]
    );
    // Without an operator's console, Tab cycles the user terminals only.
    let mut m = model();
    m.operator = None;
    let mut app = App::new(m);
    for _ in 0..3 {
        app.update(key(KeyCode::Tab));
    }
    assert_eq!(app.focus, 0);
    screen(&app, 120, 30);
}

/// A 3215 line is 130 characters: the input line stops there and says so, in typing and
/// in a paste; it shows the count as the limit nears.
#[test]
fn a_full_line_says_so() {
    let mut app = App::new(model());
    type_str(&mut app, &"X".repeat(125));
    let s = screen(&app, 160, 30);
    assert!(has(&s, " 125/130 "), "{}", s.join("\n"));
    assert!(!has(&s, "line full"));
    type_str(&mut app, &"Y".repeat(10));
    assert_eq!(app.inputs[0], "X".repeat(125) + "YYYYY");
    let s = screen(&app, 160, 30);
    assert!(
        has(&s, "130/130: line full (a 3215 line)"),
        "{}",
        s.join("\n")
    );
    // The newest characters stay in sight on a narrow screen, the sign too.
    let s = screen(&app, 80, 30);
    assert!(has(&s, "YYYYY_"), "{}", s.join("\n"));
    assert!(has(&s, "line full"), "{}", s.join("\n"));
    let mut app = App::new(model());
    app.update(Event::Paste("P".repeat(200)));
    assert_eq!(app.inputs[0].len(), 130);
    assert!(has(&screen(&app, 160, 30), "line full"));
    // Short lines show no count.
    let mut app = App::new(model());
    type_str(&mut app, "LOGON ALICE");
    assert!(!has(&screen(&app, 160, 30), "/130"));
}

/// While the terminal's program has inhibited printing (CP asked for a password), the
/// input line shows nothing of what is typed, and the line is not kept for Up/Down.
#[test]
fn a_password_is_not_shown() {
    let mut m = model();
    m.terminals[1].text = "VM/370 ONLINE\nLOGON BOB\nENTER PASSWORD:\n".into();
    m.terminals[1].hidden = true;
    let mut app = App::new(m);
    app.update(key(KeyCode::Tab));
    type_str(&mut app, "SECRET");
    let s = screen(&app, 120, 30);
    let all = s.join("\n");
    assert!(!all.contains("SECRET"), "{all}");
    assert!(has(&s, "terminal 021> _"), "{all}");
    assert!(has(&s, "not shown (a password)"), "{all}");
    assert_eq!(
        app.update(key(KeyCode::Enter)),
        vec![Action::Type {
            terminal: 1,
            text: "SECRET".into()
        }]
    );
    assert!(app.history.is_empty(), "no password in the history");
    // Other terminals show their typing as usual.
    app.update(key(KeyCode::Tab));
    type_str(&mut app, "SEEN");
    assert!(has(&screen(&app, 120, 30), "terminal 022> SEEN_"));
}

/// PgUp/PgDn scroll the focused pane through what its terminal kept; new output does not
/// move a scrolled pane; PgDn to the end follows the output again, and so does Enter.
#[test]
fn scrollback_per_terminal() {
    let mut m = model();
    m.terminals[1].text = (0..60).map(|i| format!("LINE {i:02}\n")).collect();
    let mut app = App::new(m);
    app.update(Event::Resize(60, 24));
    app.update(key(KeyCode::Tab));
    // 24 rows: 4 caption, 8 bottom, 2 input/help: the panes have 10, 8 inside.
    let s = screen(&app, 60, 24);
    assert!(
        has(&s, "LINE 59") && !has(&s, "LINE 51"),
        "{}",
        s.join("\n")
    );
    app.update(key(KeyCode::PageUp));
    let s = screen(&app, 60, 24);
    let all = s.join("\n");
    assert!(has(&s, "LINE 45") && has(&s, "LINE 52"), "{all}");
    assert!(!has(&s, "LINE 44") && !has(&s, "LINE 53"), "{all}");
    assert!(has(&s, "7 below"), "{all}");
    assert!(has(&screen(&app, 120, 24), "7 more below: PgDn"));
    // Pane 0 did not move.
    assert!(has(&s, "R;"), "{all}");

    // Output comes: the scrolled pane holds still, the count below grows.
    app.model.terminals[1].text.push_str("LINE 60\nLINE 61\n");
    let s = screen(&app, 60, 24);
    assert!(has(&s, "LINE 45") && has(&s, "LINE 52"), "{}", s.join("\n"));
    assert!(has(&s, "9 below"), "{}", s.join("\n"));

    // Bounded: up to the oldest line kept, and no further.
    for _ in 0..20 {
        app.update(key(KeyCode::PageUp));
    }
    let s = screen(&app, 60, 24);
    assert!(has(&s, "LINE 00") && has(&s, "LINE 07"), "{}", s.join("\n"));
    // The terminal drops its oldest text: the pane shows the oldest it still has.
    let t = &mut app.model.terminals[1];
    let cut = t.text.find("LINE 20").unwrap();
    t.text.drain(..cut);
    t.start += cut as u64;
    let s = screen(&app, 60, 24);
    assert!(has(&s, "LINE 20") && has(&s, "LINE 27"), "{}", s.join("\n"));

    // Down again: page by page, then following the output.
    app.update(key(KeyCode::PageDown));
    let s = screen(&app, 60, 24);
    assert!(has(&s, "LINE 27") && has(&s, "LINE 34"), "{}", s.join("\n"));
    for _ in 0..10 {
        app.update(key(KeyCode::PageDown));
    }
    assert_eq!(app.scroll[1], None, "at the end it follows again");
    app.model.terminals[1].text.push_str("LINE 62\n");
    let s = screen(&app, 60, 24);
    assert!(has(&s, "LINE 62") && !has(&s, "below"), "{}", s.join("\n"));

    // Enter brings a scrolled pane back to the newest output.
    app.update(key(KeyCode::PageUp));
    assert!(app.scroll[1].is_some());
    app.update(key(KeyCode::Enter));
    assert_eq!(app.scroll[1], None);

    // The operator's console scrolls too; a pane whose text fits does not.
    app.model.operator.as_mut().unwrap().text = (0..30).map(|i| format!("OP {i:02}\n")).collect();
    app.update(key(KeyCode::Tab));
    app.update(key(KeyCode::Tab));
    assert_eq!(app.focus, 3);
    app.update(key(KeyCode::PageUp));
    let s = screen(&app, 60, 24);
    // At 24 rows the console shares the bottom left with the trap log: two rows.
    assert!(
        has(&s, "OP 27") && has(&s, "OP 28") && !has(&s, "OP 29"),
        "{}",
        s.join("\n")
    );
    app.update(key(KeyCode::Tab));
    app.update(key(KeyCode::PageUp));
    assert_eq!(app.scroll[0], None, "pane 0 fits: nothing to scroll");
}

/// The live driver on a booted CP: the operator's console is a pane you can type on,
/// each pane carries its kept transcript and its position, and a line longer than a
/// 3215's is refused by the terminal itself (nothing is typed).
#[test]
fn live_driver_fills_every_pane_and_types_on_the_operators_console() {
    use cpcms::cpu::TOD_PER_SECOND;
    use cpcms::scenario::Scenario;
    use cpcms::sysgen::System;
    use cpcms::tui::live::Live;

    let s = Scenario::parse(
        "t.ron",
        r#"(title: "t", users: [(id: "ALICE", password: "ALICE")], terminals: 2, steps: [])"#,
    )
    .unwrap();
    let mut sys = System::boot(&s.sys_config(), None).unwrap();
    let t = sys.machine.now() + TOD_PER_SECOND;
    sys.machine.run_until(t);
    let mut live = Live::new(sys, None, "t", 1.0);
    let mut m = Model::default();
    live.fill(&mut m);
    assert_eq!(m.terminals.len(), 2);
    assert!(m.terminals[0].text.contains("VM/370 ONLINE"), "{m:?}");
    let op = m.operator.clone().expect("the operator's console");
    assert_eq!(op.dev, 0x009);
    assert!(op.text.contains("DMKCPI966I"), "{op:?}");
    assert_eq!((op.start, op.hidden), (0, false));

    let mut app = App::new(m);
    app.update(key(KeyCode::BackTab));
    assert_eq!(app.focus, 2, "the operator's console");
    type_str(&mut app, "QUERY NAMES");
    for a in app.update(key(KeyCode::Enter)) {
        live.apply(a);
    }
    let t = live.system.machine.now() + TOD_PER_SECOND / 10;
    live.system.machine.run_until(t);
    live.fill(&mut app.model);
    let op = app.model.operator.as_ref().unwrap();
    assert!(op.text.contains("QUERY NAMES\n"), "{op:?}");

    // Longer than 130: the 3215 refuses it, so nothing reaches CP (the view cannot make
    // one: it stops at 130).
    let long = "Q".repeat(131);
    live.apply(Action::Type {
        terminal: 0,
        text: long.clone(),
    });
    let t = live.system.machine.now() + TOD_PER_SECOND / 10;
    live.system.machine.run_until(t);
    live.fill(&mut app.model);
    assert!(!app.model.terminals[0].text.contains(&long[..100]));

    // ALICE logs on: CMS's privileged instructions come to the trap log as CP traps
    // them, with her name, disassembled, and CP's instruction counts.
    live.apply(Action::Type {
        terminal: 1,
        text: "LOGON ALICE ALICE".into(),
    });
    let t = live.system.machine.now() + 3 * TOD_PER_SECOND;
    live.system.machine.run_until(t);
    live.fill(&mut app.model);
    let traps = &app.model.traps;
    assert!(!traps.is_empty(), "{:?}", app.model.terminals[1].text);
    assert!(traps.len() <= cpcms::cpu::TRAP_LOG_SIZE);
    assert!(traps.iter().all(|t| t.user == "ALICE"), "{traps:?}");
    assert!(
        traps.iter().any(|t| t.cp.is_some_and(|n| n > 0)),
        "{traps:?}"
    );
    // Privileged instructions, by the opcode table's names.
    let known = [
        "SIO", "SIOF", "TIO", "HIO", "HDV", "TCH", "DIAG", "LPSW", "SSM", "STNSM", "STOSM", "LCTL",
        "STCTL", "ISK", "SSK", "IPK", "SPKA", "SCK", "SCKC", "STCKC", "SPT", "STPT", "STIDP",
        "STIDC", "PTLB", "RRB", "SPX", "STPX", "STAP", "SIGP", "LRA",
    ];
    for tl in traps {
        let op = tl.instruction.split_whitespace().next().unwrap();
        assert!(known.contains(&op), "{tl:?}");
    }
    assert!(
        traps
            .windows(2)
            .all(|w| w[0].seq < w[1].seq && w[0].tod <= w[1].tod)
    );

    // Speed presets: F2 goes 370/158 -> 370/168 -> full speed -> 360/67; pause.
    assert_eq!(app.model.speed, "370/158");
    live.apply(Action::NextSpeed);
    live.fill(&mut app.model);
    assert_eq!(
        (app.model.speed.as_str(), app.model.model_mips),
        ("370/168", 2.5)
    );
    assert_eq!(live.system.machine.cpu.step, 1638);
    live.apply(Action::NextSpeed);
    live.apply(Action::NextSpeed);
    live.fill(&mut app.model);
    assert_eq!(app.model.speed, "360/67");
    assert_eq!(live.system.machine.cpu.step, 8192);
    live.apply(Action::Pause);
    let before = live.system.machine.now();
    live.tick(&mut app.model);
    assert!(app.model.paused);
    assert_eq!(
        live.system.machine.now(),
        before,
        "paused: time stands still"
    );
    live.apply(Action::Pause);
    live.fill(&mut app.model);
    assert!(!app.model.paused);
}

fn with_traps() -> Model {
    let mut m = model();
    m.vms.push(VmStatus {
        userid: "BOB".into(),
        terminal: 0x021,
        state: "RUNNING".into(),
        instructions: 1,
        privops: 2,
    });
    let t0 = parse_date("1979-06-29 09:00:05").unwrap();
    m.traps = (1..=30u64)
        .map(|i| TrapLine {
            seq: i,
            tod: t0 + i * 4096 * 1000,
            user: if i % 2 == 0 { "ALICE" } else { "BOB" }.into(),
            instruction: format!("SIO   {i}(0)"),
            cp: (i < 30).then_some(100 + i),
            did: format!("SIO {i:03X} -> device"),
        })
        .collect();
    m
}

fn fkey(n: u8) -> Event {
    key(KeyCode::F(n))
}

/// The trap log pane, at the smallest screen and at a large one: newest at the bottom,
/// time, user, instruction, CP's instruction count ("..." while CP still runs); the
/// help line names the new keys and the status line the speed preset.
#[test]
fn the_trap_log_shows_the_newest_traps_at_80x24_and_160x50() {
    let app = App::new(with_traps());
    // 80x24: beside the operator's console, in short form (seconds.milliseconds);
    // 120x30: a row of its own; 160x50: beside the CP panel.
    for (w, h) in [(80, 24), (120, 30), (160, 50)] {
        let s = screen(&app, w, h);
        let all = s.join("\n");
        let (newest, older) = match w {
            80 => ("05.030 ALICE ... SIO 01E", "05.029 BOB 129 SIO 01D"),
            // The trap log beside the CP panel: what CP did names the instruction.
            160 => (
                "09:00:05.030 ALICE      ...  SIO 01E -> device",
                "09:00:05.029 BOB        129  SIO 01D -> device",
            ),
            _ => (
                "09:00:05.030 ALICE    SIO   30(0)            ...  SIO 01E -> device",
                "09:00:05.029 BOB      SIO   29(0)            129  SIO 01D -> device",
            ),
        };
        assert!(has(&s, "Trap"), "{w}x{h}\n{all}");
        assert!(has(&s, newest), "{w}x{h}\n{all}");
        assert!(has(&s, older), "{w}x{h}\n{all}");
        assert!(
            !has(&s, "SIO   1(0) ") && !has(&s, "SIO 001 -> "),
            "only the newest fit\n{all}"
        );
        assert!(has(&s, "F2") && has(&s, "F9") && has(&s, "?"), "{all}");
        assert!(has(&s, "370/158 1.00 MIPS real 0.98"), "{w}x{h}\n{all}");
        // The newest trap is below the older ones.
        let row = |t: &str| s.iter().position(|l| l.contains(t)).unwrap();
        assert!(row(older) < row(newest));
        // The terminals still show.
        assert!(has(&s, "LOGON ALICE ALICE"), "{w}x{h}\n{all}");
    }
    let s = screen(&app, 200, 50);
    assert!(has(
        &s,
        "F2: speed  F3: pause  F4: trap log user  F5: hold trap log"
    ));
    let empty = screen(&App::new(model()), 80, 24);
    assert!(has(&empty, "(none trapped yet)"));
}

#[test]
fn f4_filters_the_trap_log_by_user_and_f5_holds_it() {
    let mut app = App::new(with_traps());
    assert_eq!(app.trap_lines().len(), 30);
    app.update(fkey(4));
    assert_eq!(app.trap_user.as_deref(), Some("ALICE"));
    assert!(app.trap_lines().iter().all(|l| l.contains(" ALICE ")));
    assert_eq!(app.trap_lines().len(), 15);
    let s = screen(&app, 80, 24);
    assert!(has(&s, "ALICE"), "{}", s.join("\n"));
    assert!(!has(&s, "SIO   29(0)"), "BOB's are not shown");
    app.update(fkey(4));
    assert_eq!(app.trap_user.as_deref(), Some("BOB"));
    app.update(fkey(4));
    assert_eq!(app.trap_user, None, "after the last user: everyone's");

    // Held: new traps do not move the pane until F5 again.
    app.update(fkey(5));
    let held = app.trap_lines();
    app.model.traps.push(TrapLine {
        seq: 31,
        user: "BOB".into(),
        instruction: "LPSW  0(1)".into(),
        ..TrapLine::default()
    });
    assert_eq!(app.trap_lines(), held);
    assert!(has(&screen(&app, 80, 24), "HELD"));
    app.update(fkey(5));
    assert!(app.trap_lines().last().unwrap().contains("LPSW"));
    // F2 and F3 are for the machine; none of them is typed.
    assert_eq!(app.update(fkey(2)), vec![Action::NextSpeed]);
    assert_eq!(app.update(fkey(3)), vec![Action::Pause]);
    assert_eq!(app.inputs[0], "");
}

#[test]
fn any_size_and_any_resize_renders() {
    let mut app = App::new(with_traps());
    app.update(fkey(5));
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    for (w, h) in [
        (80, 24),
        (1, 1),
        (149, 30),
        (150, 30),
        (0, 0),
        (300, 100),
        (40, 10),
        (80, 23),
        (160, 50),
    ] {
        app.update(Event::Resize(w, h));
        t.backend_mut().resize(w, h);
        t.resize(ratatui::layout::Rect::new(0, 0, w, h)).unwrap();
        app.render(&mut t).unwrap();
        app.update(key(KeyCode::PageUp));
        screen(&app, w.max(1), h.max(1));
    }
    let mut m = model();
    m.paused = true;
    m.speed = "full speed".into();
    m.mips = 31.5;
    let s = screen(&App::new(m), 80, 24);
    assert!(
        has(&s, "09:00:05  full speed  real 31.50 MIPS  PAUSED"),
        "{}",
        s.join("\n")
    );
}

/// A disconnected machine (DISCONN, AUTOLOG: CP's VMTERMA X'FFFF') shows DSC for its
/// terminal in the CP panel, as QUERY NAMES says it.
#[test]
fn a_disconnected_machine_shows_dsc() {
    let mut m = model();
    m.vms.push(VmStatus {
        userid: "BOB".into(),
        terminal: 0xFFFF,
        state: "RUNNING".into(),
        instructions: 42,
        privops: 7,
    });
    let app = App::new(m);
    let s = screen(&app, 120, 30);
    assert!(
        has(&s, "BOB      DSC  RUNNING           42                7"),
        "{}",
        s.join("\n")
    );
}
