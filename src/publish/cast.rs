//! An asciinema v2 recording of the full-screen view, made headless.
//!
//! The view is drawn as the TUI draws it ([`App::draw`]) by ratatui's crossterm backend
//! into memory instead of a terminal: each frame is the escape sequences that turn the
//! screen before into the screen now. The model is filled from the machine as the live
//! view fills it (terminals, operator's console, CP panel, trap log), the caption and
//! chapter from the player.
//!
//! Time is virtual, so the recording is the same byte for byte on every run. CP and CMS
//! answer in milliseconds, faster than anyone reads, so the recording also holds the
//! picture after each step a person watches ([`hold`]: a caption long enough to read it,
//! a typed line before its answer, a Pause): a frame's timestamp is the virtual time
//! since power-on plus the holds before it. A frame is taken after each such step, and
//! otherwise at most every [`FRAME`] of virtual time, only when the screen changed; past
//! [`MAX_BYTES`] of frames no more are taken but the last, which shows the end.
//!
//! The file: a header line (JSON: version 2, width, height, title), then one line per
//! frame, `[seconds, "o", "escape sequences"]`.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{self, Write};
use std::rc::Rc;

use ratatui::Terminal;
use ratatui::TerminalOptions;
use ratatui::Viewport;
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::cpu::{TOD_PER_SECOND, TOD_PER_US, TRAP_LOG_SIZE};
use crate::scenario::player::Player;
use crate::scenario::{Scenario, Step};
use crate::sysgen::System;
use crate::tui::{App, Event, Model, TrapLine};

/// Virtual time between frames at most: ten a second.
pub const FRAME: u64 = TOD_PER_SECOND / 10;
/// How long the recording holds the picture after step `s` (TOD units): a caption 1 s
/// and 50 ms a character (a slow reader's pace), at most 8 s; a chapter's title 1.5 s;
/// a Pause 3 s; a typed line half a second, so that it is seen before its answer.
pub fn hold(s: &Step) -> u64 {
    let ms = TOD_PER_SECOND / 1000;
    match s {
        Step::Caption(c) => (1000 + 50 * c.chars().count() as u64).min(8000) * ms,
        Step::Marker(_) => 1500 * ms,
        Step::Pause => 3000 * ms,
        Step::Type { .. } => 500 * ms,
        _ => 0,
    }
}
/// Most bytes of frames kept (escape sequences, before JSON quoting).
pub const MAX_BYTES: usize = 32 << 20;

/// Records frames while a scenario plays; see the module's comment.
/// Where the backend writes: shared with the recorder, which takes each frame's bytes.
#[derive(Clone, Default)]
struct Sink(Rc<RefCell<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, b: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

pub struct Recorder {
    term: Terminal<CrosstermBackend<Sink>>,
    sink: Sink,
    app: App,
    size: (u16, u16),
    title: String,
    /// The scenario's speed: in virtual time the machine runs exactly at it.
    mips: f64,
    steps: Vec<Step>,
    /// Virtual time at the start, and when the next frame may be taken.
    t0: u64,
    next: u64,
    /// The holds of the steps before the last frame ([`hold`]), and the steps seen.
    held: u64,
    seen: usize,
    /// The screen of the last frame kept.
    last: Option<Buffer>,
    /// Frames: microseconds since the start, escape sequences.
    frames: Vec<(u64, String)>,
    bytes: usize,
    /// Frames not taken because of [`MAX_BYTES`].
    dropped: u64,
    /// The trap log as shown.
    traps: VecDeque<TrapLine>,
}

impl Recorder {
    /// Start recording `sys` playing `s` on a `size` screen (this starts the CPU's trap
    /// log, which the view shows; it only observes).
    pub fn new(sys: &mut System, s: &Scenario, size: (u16, u16)) -> Recorder {
        sys.machine.cpu.traps.enable();
        let area = Rect::new(0, 0, size.0, size.1);
        let sink = Sink::default();
        let term = Terminal::with_options(
            CrosstermBackend::new(sink.clone()),
            TerminalOptions {
                viewport: Viewport::Fixed(area),
            },
        )
        .expect("a terminal in memory");
        let mut app = App::new(Model::default());
        app.update(Event::Resize(size.0, size.1));
        let t0 = sys.machine.now();
        Recorder {
            term,
            sink,
            app,
            size,
            title: s.title.clone(),
            mips: s.mips,
            steps: s.steps.clone(),
            t0,
            next: t0,
            held: 0,
            seen: 0,
            last: None,
            frames: Vec::new(),
            bytes: 0,
            dropped: 0,
            traps: VecDeque::with_capacity(TRAP_LOG_SIZE),
        }
    }

    /// The player looks (after a slice, or a step that shows something): a frame if one
    /// is due and the screen changed; then the holds of the steps just done.
    pub fn observe(&mut self, sys: &System, p: &Player) {
        let upto = p.step_index().min(self.steps.len());
        let hold: u64 = self.steps[self.seen.min(upto)..upto].iter().map(hold).sum();
        self.seen = self.seen.max(upto);
        if hold == 0 && sys.machine.now() < self.next {
            return;
        }
        self.next = sys.machine.now().saturating_add(FRAME);
        if self.bytes >= MAX_BYTES {
            self.dropped += 1;
        } else {
            self.frame(sys, p);
        }
        self.held += hold;
    }

    /// The last frame, when the scenario has ended: taken whatever the bound.
    pub fn end(&mut self, sys: &System, p: &Player) {
        self.frame(sys, p);
    }

    /// Frames kept, and frames not taken because of the bound.
    pub fn counts(&self) -> (usize, u64) {
        (self.frames.len(), self.dropped)
    }

    fn frame(&mut self, sys: &System, p: &Player) {
        self.fill(sys, p);
        let app = &self.app;
        let drawn = self.term.draw(|f| app.draw(f));
        let Ok(done) = drawn else {
            return;
        };
        let changed = self.last.as_ref() != Some(done.buffer);
        let buffer = done.buffer.clone();
        let bytes = std::mem::take(&mut *self.sink.0.borrow_mut());
        if !changed {
            return;
        }
        let mut data = String::new();
        if self.last.is_none() {
            // The first frame draws on a cleared screen.
            data.push_str("\x1b[H\x1b[2J");
        }
        data.push_str(&String::from_utf8_lossy(&bytes));
        let t = sys.machine.now().saturating_sub(self.t0) + self.held;
        self.bytes += data.len();
        self.frames.push((t / TOD_PER_US, data));
        self.last = Some(buffer);
    }

    /// Fill the view's model from the machine, as the live view does, and from the
    /// player. Virtual time: the machine runs exactly at its model's speed.
    fn fill(&mut self, sys: &System, p: &Player) {
        self.collect_traps(sys);
        let m = &mut self.app.model;
        m.title.clone_from(&self.title);
        crate::tui::live::fill_machine(m, sys);
        let mips = self.mips;
        m.model_mips = mips;
        m.mips = mips;
        m.speed = crate::tui::live::PRESETS
            .iter()
            .find(|(_, x)| *x == Some(mips))
            .map_or(String::new(), |(n, _)| n.to_string());
        m.paused = false;
        m.traps.clear();
        m.traps.extend(self.traps.iter().cloned());
        m.tod = sys.machine.cpu.tod();
        m.machine = crate::tui::live::machine_state(sys.machine.status());
        crate::tui::live::fill_player(m, p, "the end");
        m.waiting = false;
    }

    /// The traps logged since the last look, as the live view converts them.
    fn collect_traps(&mut self, sys: &System) {
        crate::tui::traps::collect(&mut self.traps, sys);
    }

    /// Write the recording: the header, then the frames, then one that puts the
    /// terminal back as it was (attributes off, cursor shown, below the picture).
    pub fn write(&self, w: &mut impl Write) -> io::Result<()> {
        writeln!(
            w,
            "{{\"version\": 2, \"width\": {}, \"height\": {}, \"title\": {}, \"env\": {{\"TERM\": \"xterm-256color\"}}}}",
            self.size.0,
            self.size.1,
            json_string(&format!("cpcms: {}", self.title))
        )?;
        for (us, data) in &self.frames {
            writeln!(w, "[{}, \"o\", {}]", seconds(*us), json_string(data))?;
        }
        let end = self.frames.last().map_or(0, |f| f.0);
        writeln!(
            w,
            "[{}, \"o\", {}]",
            seconds(end),
            json_string(&format!("\x1b[0m\x1b[{};1H\r\n\x1b[?25h", self.size.1))
        )
    }
}

/// Microseconds as seconds with six decimals (no floating point: the same text always).
pub fn seconds(us: u64) -> String {
    format!("{}.{:06}", us / 1_000_000, us % 1_000_000)
}

/// `s` as a JSON string: quotes, backslashes and control characters escaped.
pub fn json_string(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            '\t' => o.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                o.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings() {
        assert_eq!(json_string("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(
            json_string("\x1b[H\n\r\t\u{7f}¢"),
            r#""\u001b[H\n\r\t\u007f¢""#
        );
    }

    #[test]
    fn seconds_text() {
        assert_eq!(seconds(0), "0.000000");
        assert_eq!(seconds(1_500_001), "1.500001");
    }
}
