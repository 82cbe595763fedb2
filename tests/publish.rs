//! Publishing a scenario: `cpcms play FILE --transcript`, `--html` and `--cast`, run
//! through the binary (these need CP and CMS from roms/), and the narration steps as the
//! full-screen view shows them (no CP needed).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use cpcms::tui::{Action, App, Event, Model, TermView};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A scenario with every kind of line a page or recording shows: chapters, captions,
/// notes, two terminals and the operator's console, and text a browser must not take
/// for markup.
const NARRATED: &str = r#"Scenario(
    title: "Publishing <test> & co",
    users: [ (id: "ALICE", password: "ALICE", storage: "256K"),
             (id: "BOB", password: "BOB", storage: "256K") ],
    steps: [
        Marker("Logging on & off"),
        Expect(terminal: 0, text: "VM/370 ONLINE"),
        Caption("ALICE logs on <first>."),
        Highlight(0),
        Type(terminal: 0, text: "LOGON ALICE ALICE"),
        Expect(terminal: 0, text: "CMS VERSION", within: "30s"),
        Pause,
        Speed("370/168"),
        Type(terminal: 0, text: "<script>&amp;'\"</script>"),
        Expect(terminal: 0, text: "R("),
        Marker("BOB"),
        Type(terminal: 1, text: "LOGON BOB BOB"),
        Expect(terminal: 1, text: "CMS VERSION", within: "30s"),
        Type(terminal: 1, text: "CP QUERY NAMES"),
        Expect(terminal: 1, text: "ALICE    - 020"),
    ],
)
"#;

struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let d = std::env::temp_dir().join(format!("cpcms-publish-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join("narrated.ron"), NARRATED).unwrap();
        Dir(d)
    }
    fn path(&self, f: &str) -> PathBuf {
        self.0.join(f)
    }
    fn read(&self, f: &str) -> Vec<u8> {
        std::fs::read(self.path(f)).unwrap_or_else(|e| panic!("{f}: {e}"))
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn cpcms(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cpcms"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run cpcms")
}

fn ok(o: &Output) {
    assert!(
        o.status.success(),
        "exit {:?}\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Play `file` writing transcript, page and recording into `d` with names ending `n`.
fn publish(d: &Dir, file: &Path, n: &str) -> Output {
    let t = d.path(&format!("t{n}.txt"));
    let h = d.path(&format!("p{n}.html"));
    let c = d.path(&format!("c{n}.cast"));
    cpcms(&[
        "play",
        file.to_str().unwrap(),
        "--transcript",
        t.to_str().unwrap(),
        "--html",
        h.to_str().unwrap(),
        "--cast",
        c.to_str().unwrap(),
    ])
}

#[test]
fn transcript_page_and_recording_are_the_same_on_every_run() {
    let d = Dir::new("same");
    let file = d.path("narrated.ron");
    let headless = cpcms(&["play", file.to_str().unwrap(), "--headless"]);
    ok(&headless);
    let a = publish(&d, &file, "1");
    ok(&a);
    assert!(a.stdout.is_empty(), "without --headless nothing on stdout");
    ok(&publish(&d, &file, "2"));
    // The transcript file is what --headless prints, recording or not.
    assert_eq!(d.read("t1.txt"), headless.stdout);
    for (x, y) in [
        ("t1.txt", "t2.txt"),
        ("p1.html", "p2.html"),
        ("c1.cast", "c2.cast"),
    ] {
        assert!(d.read(x) == d.read(y), "{x} and {y} differ");
    }
    let t = String::from_utf8(d.read("t1.txt")).unwrap();
    for want in [
        "== Logging on & off",
        "-- ALICE logs on <first>.",
        ".. Highlight terminal 0",
        ".. Pause: the full-screen view waits for a key here",
        ".. Speed 370/168: the full-screen view runs at this speed (virtual time is the same)",
        "0 | <script>&amp;'\"</script>",
        "0 | UNKNOWN CP/CMS COMMAND",
        "== BOB",
        "1 | OPERATOR - 009 , ALICE    - 020 , BOB      - 021",
    ] {
        assert!(t.lines().any(|l| l == want), "no line {want:?} in\n{t}");
    }
}

#[test]
fn the_page_is_self_contained_and_escaped() {
    let d = Dir::new("html");
    let file = d.path("narrated.ron");
    ok(&publish(&d, &file, "1"));
    let p = String::from_utf8(d.read("p1.html")).unwrap();
    assert!(p.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(p.ends_with("</body>\n</html>\n"));
    assert!(p.contains("<title>Publishing &lt;test&gt; &amp; co</title>"));
    assert!(p.contains("<h2 id=\"chapter-1\">Logging on &amp; off</h2>"));
    assert!(p.contains("<li><a href=\"#chapter-2\">BOB</a></li>"));
    assert!(p.contains("<p class=\"caption\">ALICE logs on &lt;first&gt;.</p>"));
    assert!(p.contains("<p class=\"note\">Highlight terminal 0</p>"));
    // What was typed, as the terminal echoed it: never markup.
    assert!(
        p.contains(
            "<pre>&lt;script&gt;&amp;amp;&#39;&quot;&lt;/script&gt;\nUNKNOWN CP/CMS COMMAND"
        ),
        "{p}"
    );
    assert!(p.contains("<figcaption>terminal 1 (021)</figcaption><pre>LOGON BOB BOB"));
    assert!(p.contains("<figcaption>operator&#39;s console 009</figcaption>"));
    assert_eq!(p.matches("<script").count(), 0);
    for outside in ["http:", "https:", "src=", "<link", "@import", "url("] {
        assert!(!p.contains(outside), "the page fetches {outside}");
    }
    assert!(p.contains("<style>"));
}

/// A small JSON reader, enough to check that each line of a recording is JSON.
struct Json<'a> {
    s: &'a [u8],
    i: usize,
}

#[derive(Debug, PartialEq)]
enum J {
    Num(f64),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
    Lit,
}

impl Json<'_> {
    fn parse(s: &str) -> Result<J, String> {
        let mut p = Json {
            s: s.as_bytes(),
            i: 0,
        };
        let v = p.value()?;
        p.ws();
        if p.i != p.s.len() {
            return Err(format!("trailing text at {}", p.i));
        }
        Ok(v)
    }
    fn ws(&mut self) {
        while self.i < self.s.len() && b" \t\r\n".contains(&self.s[self.i]) {
            self.i += 1;
        }
    }
    fn eat(&mut self, c: u8) -> Result<(), String> {
        self.ws();
        if self.s.get(self.i) == Some(&c) {
            self.i += 1;
            Ok(())
        } else {
            Err(format!("expected {:?} at {}", c as char, self.i))
        }
    }
    fn value(&mut self) -> Result<J, String> {
        self.ws();
        match self.s.get(self.i) {
            Some(b'"') => self.string().map(J::Str),
            Some(b'[') => {
                self.i += 1;
                let mut v = Vec::new();
                self.ws();
                if self.s.get(self.i) == Some(&b']') {
                    self.i += 1;
                    return Ok(J::Arr(v));
                }
                loop {
                    v.push(self.value()?);
                    self.ws();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return Ok(J::Arr(v));
                        }
                        _ => return Err(format!("bad array at {}", self.i)),
                    }
                }
            }
            Some(b'{') => {
                self.i += 1;
                let mut v = Vec::new();
                self.ws();
                if self.s.get(self.i) == Some(&b'}') {
                    self.i += 1;
                    return Ok(J::Obj(v));
                }
                loop {
                    self.ws();
                    let k = self.string()?;
                    self.eat(b':')?;
                    v.push((k, self.value()?));
                    self.ws();
                    match self.s.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {
                            self.i += 1;
                            return Ok(J::Obj(v));
                        }
                        _ => return Err(format!("bad object at {}", self.i)),
                    }
                }
            }
            Some(b't' | b'f' | b'n') => {
                for w in ["true", "false", "null"] {
                    if self.s[self.i..].starts_with(w.as_bytes()) {
                        self.i += w.len();
                        return Ok(J::Lit);
                    }
                }
                Err(format!("bad literal at {}", self.i))
            }
            _ => {
                let st = self.i;
                while self.i < self.s.len() && b"+-0123456789.eE".contains(&self.s[self.i]) {
                    self.i += 1;
                }
                std::str::from_utf8(&self.s[st..self.i])
                    .unwrap()
                    .parse()
                    .map(J::Num)
                    .map_err(|_| format!("bad number at {st}"))
            }
        }
    }
    fn string(&mut self) -> Result<String, String> {
        self.eat(b'"')?;
        let mut out = Vec::new();
        loop {
            let c = *self.s.get(self.i).ok_or("unterminated string")?;
            self.i += 1;
            match c {
                b'"' => return String::from_utf8(out).map_err(|e| e.to_string()),
                b'\\' => {
                    let e = *self.s.get(self.i).ok_or("bad escape")?;
                    self.i += 1;
                    match e {
                        b'"' | b'\\' | b'/' => out.push(e),
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'u' => {
                            let h = std::str::from_utf8(&self.s[self.i..self.i + 4]).unwrap();
                            let n = u32::from_str_radix(h, 16).map_err(|e| e.to_string())?;
                            self.i += 4;
                            let ch = char::from_u32(n).ok_or("surrogate")?;
                            out.extend(ch.to_string().as_bytes());
                        }
                        _ => return Err(format!("bad escape at {}", self.i)),
                    }
                }
                c if c < 0x20 => {
                    return Err(format!("control character in a string at {}", self.i));
                }
                c => out.push(c),
            }
        }
    }
}

#[test]
fn the_recording_is_asciinema_v2() {
    let d = Dir::new("cast");
    let file = d.path("narrated.ron");
    ok(&publish(&d, &file, "1"));
    let cast = String::from_utf8(d.read("c1.cast")).unwrap();
    let mut lines = cast.lines();
    let J::Obj(head) = Json::parse(lines.next().unwrap()).unwrap() else {
        panic!("the header is an object")
    };
    let get = |k: &str| head.iter().find(|(n, _)| n == k).map(|(_, v)| v);
    assert_eq!(get("version"), Some(&J::Num(2.0)));
    assert_eq!(get("width"), Some(&J::Num(120.0)));
    assert_eq!(get("height"), Some(&J::Num(40.0)));
    assert_eq!(
        get("title"),
        Some(&J::Str("cpcms: Publishing <test> & co".into()))
    );
    let mut last = 0.0;
    let mut all = String::new();
    let mut n = 0;
    for l in lines {
        let v = Json::parse(l).unwrap_or_else(|e| panic!("{e}: {l}"));
        let J::Arr(v) = v else { panic!("{l}") };
        let [J::Num(t), J::Str(kind), J::Str(data)] = &v[..] else {
            panic!("{l}")
        };
        assert_eq!(kind, "o");
        assert!(*t >= last, "times go forward: {t} after {last}");
        last = *t;
        all.push_str(data);
        n += 1;
    }
    assert!(n >= 8, "{n} frames");
    // The screen's pieces went by: the title and chapter, the caption, the terminals,
    // the highlighted pane, the trap log. (A frame writes only the cells that changed:
    // blanks over blanks are skipped, so look for words.)
    for want in [
        "Publishing",
        "<test>",
        "Logging",
        "<first>.",
        "LOGON",
        "look",
        "Operator",
        "INITIALIZATION",
        "SIO",
    ] {
        assert!(all.contains(want), "the recording never shows {want:?}");
    }
    // Holds: a caption a while (1 s and 50 ms a character), a Pause 3 s: the
    // recording lasts longer than the virtual time the scenario took.
    assert!(last > 8.0, "{last}");
    // The program itself accepts it, when it is installed.
    if let Ok(o) = Command::new("asciinema")
        .arg("cat")
        .arg(d.path("c1.cast"))
        .output()
    {
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(String::from_utf8_lossy(&o.stdout).contains("INITIALIZATION"));
    } else {
        eprintln!("asciinema is not installed: its own check of the recording is skipped");
    }
}

#[test]
fn a_bad_cast_size_or_file_is_refused() {
    let o = cpcms(&[
        "play",
        "scenarios/logon.ron",
        "--cast",
        "x.cast",
        "--cast-size",
        "20x10",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cast size \"20x10\""));
    let o = cpcms(&[
        "play",
        "scenarios/logon.ron",
        "--transcript",
        "/nonexistent/dir/t.txt",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).starts_with("/nonexistent/dir/t.txt: cannot write:"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn a_failing_scenario_still_publishes_what_happened() {
    let d = Dir::new("fail");
    let f = d.path("fail.ron");
    std::fs::write(
        &f,
        r#"(title: "fails", users: [(id: "A", password: "A", storage: "256K")],
 steps: [Caption("waiting"), Expect(terminal: 0, text: "NEVER", within: "50ms")])"#,
    )
    .unwrap();
    let o = publish(&d, &f, "1");
    assert_eq!(o.status.code(), Some(1));
    let p = String::from_utf8(d.read("p1.html")).unwrap();
    assert!(p.contains("<p class=\"failure\">"), "{p}");
    assert!(
        p.contains("expected &quot;NEVER&quot; on terminal 0 within 50ms"),
        "{p}"
    );
    assert!(
        String::from_utf8(d.read("t1.txt"))
            .unwrap()
            .contains("-- waiting")
    );
    assert!(!d.read("c1.cast").is_empty());
}

// ---- the narration in the full-screen view ----

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    app.render(&mut t).unwrap();
    let buf = t.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn narrated_model() -> Model {
    Model {
        title: "Trap and emulate".into(),
        caption: "ALICE's SIO traps to CP.".into(),
        scenario: "step 4 of 20".into(),
        marker: "One SIO".into(),
        highlight: Some(1),
        waiting: true,
        terminals: vec![
            TermView {
                dev: 0x020,
                user: Some("ALICE".into()),
                ..TermView::default()
            },
            TermView {
                dev: 0x021,
                user: Some("BOB".into()),
                ..TermView::default()
            },
        ],
        ..Model::default()
    }
}

#[test]
fn the_view_shows_the_chapter_the_highlight_and_the_pause() {
    let app = App::new(narrated_model());
    let s = screen(&app, 100, 30);
    assert!(
        s.contains(" Trap and emulate - One SIO - step 4 of 20 "),
        "{s}"
    );
    assert!(s.contains(" 1: 021 BOB << look here "), "{s}");
    assert!(!s.contains(" 0: 020 ALICE << look here"), "{s}");
    assert!(s.contains("Paused: press Enter to go on"), "{s}");
    let mut m = narrated_model();
    m.waiting = false;
    m.highlight = None;
    let s = screen(&App::new(m), 100, 30);
    assert!(!s.contains("look here") && !s.contains("Paused"), "{s}");
}

#[test]
fn a_key_at_a_pause_goes_on_and_is_not_typed() {
    let key = |c| Event::Key(KeyEvent::new(c, KeyModifiers::NONE));
    let mut app = App::new(narrated_model());
    assert_eq!(app.update(key(KeyCode::Enter)), vec![Action::Continue]);
    assert_eq!(app.update(key(KeyCode::Char('x'))), vec![Action::Continue]);
    assert_eq!(app.inputs[0], "", "nothing typed");
    // Tab still moves between terminals; Ctrl-C still quits.
    app.update(key(KeyCode::Tab));
    assert_eq!(app.focus, 1);
    app.update(Event::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    )));
    assert!(app.quit);
    // Not waiting: Enter sends the line.
    let mut m = narrated_model();
    m.waiting = false;
    let mut app = App::new(m);
    app.update(key(KeyCode::Char('q')));
    assert_eq!(
        app.update(key(KeyCode::Enter)),
        vec![Action::Type {
            terminal: 0,
            text: "q".into()
        }]
    );
}

/// The live view plays the narration steps: it stops at a Pause (virtual time stands
/// still) until a key, takes a Speed step's preset, shows the chapter and the highlight.
#[test]
fn the_live_view_waits_at_pause_and_takes_speed() {
    use cpcms::tui::Driver;
    use cpcms::tui::live::Live;
    let s = cpcms::scenario::Scenario::parse(
        "live.ron",
        r#"(title: "live", users: [(id: "ALICE", password: "ALICE", storage: "256K")],
 steps: [
   Marker("Chapter one"),
   Speed("370/168"),
   Highlight(0),
   Type(terminal: 0, text: "LOGON ALICE ALICE"),
   Expect(terminal: 0, text: "CMS VERSION", within: "30s"),
   Pause,
   Marker("Chapter two"),
   Type(terminal: 0, text: ""),
   Expect(terminal: 0, text: "R;"),
 ])"#,
    )
    .unwrap();
    let sys = cpcms::sysgen::System::boot(&s.sys_config(), None).unwrap();
    let mut live = Live::new(sys, Some(&s), &s.title, s.mips);
    let mut m = Model::default();
    let tick_until = |live: &mut Live, m: &mut Model, what: &dyn Fn(&Model) -> bool| {
        for _ in 0..4000 {
            live.tick(m);
            if what(m) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        panic!("not reached: {m:?}");
    };
    tick_until(&mut live, &mut m, &|m| m.waiting);
    assert_eq!(m.marker, "Chapter one");
    assert_eq!(m.highlight, Some(0));
    assert_eq!(live.speed().0, "370/168");
    assert!(m.terminals[0].text.contains("CMS VERSION"));
    // Waiting: the machine stands still.
    let t = live.system.machine.now();
    for _ in 0..5 {
        live.tick(&mut m);
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(live.system.machine.now(), t);
    assert!(m.waiting);
    live.apply(Action::Continue);
    tick_until(&mut live, &mut m, &|m| {
        m.scenario == "the terminals are yours"
    });
    assert!(!m.waiting);
    assert_eq!((m.marker.as_str(), m.highlight), ("Chapter two", None));
    assert!(m.terminals[0].text.contains("R;"));
}
