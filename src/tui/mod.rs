//! The full-screen view: a pane per user terminal (3215 typewriter look), the operator
//! console, a CP panel (one line per virtual machine), the scenario caption, and an input
//! line for the focused terminal.
//!
//! Architecture (as gitui/bottom): everything that happens is an [`Event`], handled by
//! one [`App::update`], which returns [`Action`]s for the machine; [`App::draw`] only
//! reads. What is drawn comes from a plain [`Model`] that the live driver fills from the
//! running system each frame, so tests fill it by hand and render into `TestBackend`.
//!
//! Keys: typing goes to the focused terminal's input line, Enter sends it, Tab/Shift-Tab
//! move between the terminals and the operator's console, Up/Down recall earlier lines,
//! PgUp/PgDn scroll the focused pane through what its terminal kept, Ctrl-C quits, and so
//! does Esc followed by `q` (so commands starting with Q can be typed freely). The
//! function keys work the exhibit: F2 the next speed preset, F3 pause, F4 the next user
//! for the trap log, F5 hold the trap log still.
//!
//! The trap log pane lists the privileged instructions CP trapped (the CPU's trap ring,
//! `cpu::TrapLog`), newest at the bottom: virtual time, user, the instruction, and how
//! many instructions CP ran until it dispatched a virtual machine again.
//!
//! A line holds at most [`MAX_INPUT`] characters, the 3215's (the device refuses longer
//! ones whatever sends them); at the limit the input line stops taking characters and
//! says so. While the terminal's program has inhibited printing of the next line (CP
//! asking for a password: the device knows it from the channel program, see
//! `devices::console3215`), the input line shows nothing of what is typed, and the line
//! is not kept for Up/Down.

mod draw;
pub mod kiosk;
pub mod live;
pub mod meters;
pub mod record;
mod text;
pub mod traps;

use std::io;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::Frame;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::sysgen::VmStatus;
use draw::{areas, inside};
pub use meters::Meter;
use text::row_at;
pub use text::{view, wrap_rows, wrap_tail};
pub use traps::{TrapLine, clock, what_cp_did};

/// Longest line a person can type: a 3215 line, 130 characters (VM/370's).
pub const MAX_INPUT: usize = crate::devices::console3215::MAX_LINE;

/// One terminal (a user's, or the operator's console), as shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TermView {
    /// Device address, e.g. 0x020.
    pub dev: u16,
    /// Who is logged on there, if anyone.
    pub user: Option<String>,
    /// What the terminal kept of its transcript.
    pub text: String,
    /// The absolute position of `text`'s first byte in everything the terminal printed
    /// (what it dropped before): a scrolled pane holds still by it as output comes.
    pub start: u64,
    /// The next line typed will not be printed (a password): do not show the typing.
    pub hidden: bool,
}

/// Everything the screen shows that comes from the machine.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Model {
    pub title: String,
    pub caption: String,
    /// "step 3 of 12", "finished", "FAILED: ..."; empty without a scenario.
    pub scenario: String,
    pub terminals: Vec<TermView>,
    /// The operator's console, if there is one: it comes after the user terminals (its
    /// number is `terminals.len()`, as for a scenario's `terminal: -1`).
    pub operator: Option<TermView>,
    pub vms: Vec<VmStatus>,
    /// Model speed and the speed actually reached, millions of instructions per second.
    pub model_mips: f64,
    pub mips: f64,
    /// TOD clock value.
    pub tod: u64,
    /// "running", "waiting", "disabled wait PSW ...".
    pub machine: String,
    /// The speed preset ("370/158", "full speed"); empty: just the model's MIPS.
    pub speed: String,
    /// The machine is paused (F3).
    pub paused: bool,
    /// F9 is armed: the machine pauses when the next trap has been emulated.
    pub stop_at_trap: bool,
    /// What the last step did ("1 guest instruction: ALICE at 01A2B4"); empty if none.
    pub note: String,
    /// The privileged instructions CP trapped, oldest first (at most the CPU's ring).
    pub traps: Vec<TrapLine>,
    /// Popek and Goldberg's meters, per logged-on virtual machine.
    pub meters: Vec<Meter>,
    /// The scenario's chapter (its last Marker); empty: none.
    pub marker: String,
    /// The pane a scenario's Highlight marks (numbered as [`Model::pane`]).
    pub highlight: Option<usize>,
    /// The scenario waits at a Pause for a key (Enter, Space or any letter).
    pub waiting: bool,
    /// CP's paging counts (shown once anything was paged).
    pub paging: Option<crate::sysgen::PagingStatus>,
}

impl Model {
    /// Terminals you can focus and type on: the users', then the operator's console.
    pub fn panes(&self) -> usize {
        self.terminals.len() + usize::from(self.operator.is_some())
    }

    /// Pane `i` (the operator's console is the last).
    pub fn pane(&self, i: usize) -> Option<&TermView> {
        if i == self.terminals.len() {
            self.operator.as_ref()
        } else {
            self.terminals.get(i)
        }
    }
}

/// Everything that can happen to the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    Key(KeyEvent),
    Paste(String),
    /// A frame is due: the driver has run the machine and refreshed the model.
    Tick,
    /// The screen is this many columns and rows (also sent once at the start).
    Resize(u16, u16),
    /// The left mouse button went down at this column and row: focus what is there.
    Click(u16, u16),
}

/// What the app asks of the machine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// A person typed `text` on terminal `terminal` and pressed Enter (the number
    /// `terminals.len()` is the operator's console).
    Type { terminal: usize, text: String },
    /// F2: the next speed preset.
    NextSpeed,
    /// F3: pause the machine, or run it again.
    Pause,
    /// F7: run one guest instruction (CP's instructions on the way do not count), then
    /// pause.
    Step,
    /// F8: run until the next trapped instruction has been emulated and its virtual
    /// machine runs again, then pause.
    StepTrap,
    /// F9: go on running, and pause when the next trap has been emulated (again: no
    /// longer).
    StopAtTrap,
    /// A key while the scenario waits at a Pause step: go on.
    Continue,
}

/// The app state: the model plus what belongs to the person at the keyboard.
#[derive(Clone, Debug, Default)]
pub struct App {
    pub model: Model,
    /// The focused pane (see [`Model::pane`]).
    pub focus: usize,
    /// Input line per pane.
    pub inputs: Vec<String>,
    /// Per pane: `None` follows the newest output; `Some(p)` holds the view still with
    /// the row that starts at absolute position `p` at the top (PgUp/PgDn).
    pub scroll: Vec<Option<u64>>,
    /// Lines sent, oldest first, and where Up/Down is in them.
    pub history: Vec<String>,
    history_pos: Option<usize>,
    /// The screen's size, from [`Event::Resize`] (0 before the first).
    pub size: (u16, u16),
    /// Esc was pressed: `q` now quits.
    pub esc: bool,
    /// The trap log shows only this user's traps (F4 cycles).
    pub trap_user: Option<String>,
    /// The trap log is held still (F5): what it showed then.
    pub trap_hold: Option<Vec<TrapLine>>,
    /// The user terminal shown large when there are more than [`GRID`] (the last one
    /// focused; F6 moves it on).
    pub zoom: usize,
    /// The help overlay is shown (`?` on an empty line, or F1; any key closes it).
    pub help_shown: bool,
    /// Kiosk mode: Esc q does not quit (Ctrl-C, for the staff, does).
    pub kiosk: bool,
    pub quit: bool,
}

/// More user terminals than this are shown as a grid with one zoomed.
pub const GRID: usize = 4;

impl App {
    pub fn new(model: Model) -> App {
        let mut a = App {
            model,
            ..App::default()
        };
        a.fit_inputs();
        a
    }

    fn fit_inputs(&mut self) {
        let n = self.model.panes();
        self.inputs.resize(n, String::new());
        self.scroll.resize(n, None);
        if self.focus >= n {
            self.focus = 0;
        }
    }

    fn input(&mut self) -> Option<&mut String> {
        self.inputs.get_mut(self.focus)
    }

    /// The focused pane's typing is not to be shown (a password).
    fn hidden(&self) -> bool {
        self.model.pane(self.focus).is_some_and(|t| t.hidden)
    }

    /// The text area of pane `i` on the current screen (80x24 before the size is known).
    fn pane_area(&self, i: usize) -> Rect {
        let (w, h) = match self.size {
            (0, _) | (_, 0) => (80, 24),
            s => s,
        };
        let a = areas(Rect::new(0, 0, w, h), self.model.terminals.len(), self.zoom);
        inside(if i < self.model.terminals.len() {
            a.terms[i]
        } else {
            a.operator
        })
    }

    /// Handle one event.
    pub fn update(&mut self, ev: Event) -> Vec<Action> {
        self.fit_inputs();
        match ev {
            Event::Tick => Vec::new(),
            Event::Resize(w, h) => {
                self.size = (w, h);
                Vec::new()
            }
            Event::Paste(s) => {
                let line = s.lines().next().unwrap_or("");
                for c in line.chars() {
                    self.push_char(c);
                }
                Vec::new()
            }
            Event::Key(k) => self.key(k),
            Event::Click(x, y) => {
                self.click(x, y);
                Vec::new()
            }
        }
    }

    /// Focus pane `i`; a user terminal is zoomed too.
    fn set_focus(&mut self, i: usize) {
        self.focus = i;
        self.history_pos = None;
        if i < self.model.terminals.len() {
            self.zoom = i;
        }
    }

    /// A click at column `x`, row `y`: the pane there gets the focus.
    fn click(&mut self, x: u16, y: u16) {
        let (w, h) = match self.size {
            (0, _) | (_, 0) => (80, 24),
            s => s,
        };
        let a = areas(Rect::new(0, 0, w, h), self.model.terminals.len(), self.zoom);
        let at = ratatui::layout::Position { x, y };
        if let Some(i) = a.terms.iter().position(|r| r.contains(at)) {
            self.set_focus(i);
        } else if self.model.operator.is_some() && a.operator.contains(at) {
            self.set_focus(self.model.terminals.len());
        }
    }

    fn push_char(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        if let Some(i) = self.input()
            && i.chars().count() < MAX_INPUT
        {
            i.push(c);
        }
    }

    /// PgUp (`up`) or PgDn on the focused pane: a page less one row, so a row of the
    /// old page stays in sight; down to the newest output, the pane follows it again.
    fn page(&mut self, up: bool) {
        let Some(t) = self.model.pane(self.focus) else {
            return;
        };
        let area = self.pane_area(self.focus);
        let (w, h) = (area.width as usize, area.height as usize);
        let rows = wrap_rows(&t.text, w);
        let last_top = rows.len().saturating_sub(h);
        let top = match self.scroll[self.focus] {
            None => last_top,
            Some(p) => row_at(&rows, t.start, p).min(last_top),
        };
        let step = h.saturating_sub(1).max(1);
        let top = if up {
            top.saturating_sub(step)
        } else {
            top + step
        };
        self.scroll[self.focus] = if top >= last_top {
            None
        } else {
            Some(t.start + rows[top].0 as u64)
        };
    }

    fn key(&mut self, k: KeyEvent) -> Vec<Action> {
        if k.kind == KeyEventKind::Release {
            return Vec::new();
        }
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && matches!(k.code, KeyCode::Char('c' | 'C')) {
            self.quit = true;
            return Vec::new();
        }
        if self.esc {
            self.esc = false;
            match k.code {
                KeyCode::Char('q' | 'Q') if !self.kiosk => {
                    self.quit = true;
                    return Vec::new();
                }
                KeyCode::Esc => return Vec::new(),
                _ => {}
            }
        }
        if self.help_shown {
            // Any key closes the help; only that.
            self.help_shown = false;
            return Vec::new();
        }
        if self.model.waiting && !ctrl && matches!(k.code, KeyCode::Enter | KeyCode::Char(_)) {
            // The scenario's Pause: the key goes on with it and is not typed.
            return vec![Action::Continue];
        }
        let n = self.inputs.len();
        let empty = self.inputs.get(self.focus).is_none_or(|s| s.is_empty());
        match k.code {
            KeyCode::Esc => self.esc = true,
            KeyCode::Tab if n > 0 => self.set_focus((self.focus + 1) % n),
            KeyCode::BackTab if n > 0 => self.set_focus((self.focus + n - 1) % n),
            KeyCode::F(1) => self.help_shown = true,
            KeyCode::Char('?') if empty && !ctrl => self.help_shown = true,
            KeyCode::F(2) => return vec![Action::NextSpeed],
            KeyCode::F(3) => return vec![Action::Pause],
            KeyCode::F(6) => {
                let t = self.model.terminals.len();
                if t > 0 {
                    let next = if self.focus < t {
                        self.zoom + 1
                    } else {
                        self.zoom
                    };
                    self.set_focus(next % t);
                }
            }
            KeyCode::F(7) => return vec![Action::Step],
            KeyCode::F(8) => return vec![Action::StepTrap],
            KeyCode::F(9) => return vec![Action::StopAtTrap],
            KeyCode::F(4) => self.next_trap_user(),
            KeyCode::F(5) => {
                self.trap_hold = match self.trap_hold {
                    Some(_) => None,
                    None => Some(self.model.traps.clone()),
                };
            }
            KeyCode::PageUp if n > 0 => self.page(true),
            KeyCode::PageDown if n > 0 => self.page(false),
            KeyCode::Enter => {
                let hidden = self.hidden();
                if let Some(i) = self.input() {
                    let text = std::mem::take(i);
                    if !hidden && !text.is_empty() && self.history.last() != Some(&text) {
                        self.history.push(text.clone());
                    }
                    self.history_pos = None;
                    // The answer is what one wants to see: back to the newest output.
                    self.scroll[self.focus] = None;
                    return vec![Action::Type {
                        terminal: self.focus,
                        text,
                    }];
                }
            }
            KeyCode::Backspace => {
                if let Some(i) = self.input() {
                    i.pop();
                }
            }
            KeyCode::Up if !self.history.is_empty() => {
                let p = match self.history_pos {
                    Some(p) => p.saturating_sub(1),
                    None => self.history.len() - 1,
                };
                self.history_pos = Some(p);
                let h = self.history[p].clone();
                if let Some(i) = self.input() {
                    *i = h;
                }
            }
            KeyCode::Down => {
                if let Some(p) = self.history_pos {
                    let next = p + 1;
                    let h = if next < self.history.len() {
                        self.history_pos = Some(next);
                        self.history[next].clone()
                    } else {
                        self.history_pos = None;
                        String::new()
                    };
                    if let Some(i) = self.input() {
                        *i = h;
                    }
                }
            }
            KeyCode::Char('u' | 'U') if ctrl => {
                if let Some(i) = self.input() {
                    i.clear();
                }
            }
            KeyCode::Char(c) if !ctrl && !k.modifiers.contains(KeyModifiers::ALT) => {
                self.push_char(c);
            }
            _ => {}
        }
        Vec::new()
    }

    /// F4: the trap log shows the next logged-on user's traps; after the last, everyone's.
    fn next_trap_user(&mut self) {
        let users: Vec<&String> = self.model.vms.iter().map(|v| &v.userid).collect();
        self.trap_user = match &self.trap_user {
            None => users.first().map(|u| u.to_string()),
            Some(cur) => users
                .iter()
                .position(|u| *u == cur)
                .and_then(|i| users.get(i + 1))
                .map(|u| u.to_string()),
        };
    }

    /// The trap log's lines, oldest first: held or live, filtered by user.
    pub fn trap_lines(&self) -> Vec<String> {
        self.trap_lines_for(usize::MAX)
    }

    /// The same, `width` columns wide (see [`TrapLine::text_for`]).
    pub fn trap_lines_for(&self, width: usize) -> Vec<String> {
        let all = self.trap_hold.as_ref().unwrap_or(&self.model.traps);
        all.iter()
            .filter(|t| self.trap_user.as_ref().is_none_or(|u| *u == t.user))
            .map(|t| t.text_for(width))
            .collect()
    }

    /// The help line's text (all of it; see [`App::help_for`]).
    pub fn help(&self) -> &'static str {
        self.help_for(u16::MAX)
    }

    /// The help line's text for a screen `width` columns wide.
    pub fn help_for(&self, width: u16) -> &'static str {
        const FULL: &str = " Tab: next terminal  Enter: send  PgUp/PgDn: scroll  F2: speed  F3: pause  F4: trap log user  F5: hold trap log  F6: zoom  F7: step  F8: step a trap  F9: stop at next trap  ?: help  Esc q: quit ";
        const MID: &str = " Tab: next  F2: speed  F3: pause  F7: step  F8: trap  F9: stop at trap  F4: trap user  F5: hold  ?: help  Esc q: quit ";
        const SHORT: &str =
            " Tab PgUp/Dn F2 speed F3 pause F7 step F8 trap F9 stop ?: help Esc q: quit ";
        if self.esc {
            " Press q to quit, any other key to go on "
        } else if (width as usize) >= FULL.len() {
            FULL
        } else if (width as usize) >= MID.len() {
            MID
        } else {
            SHORT
        }
    }
}

/// The live side of the app: runs the machine and fills the model.
pub trait Driver {
    /// Run the machine up to now (wall-clock paced) and refresh `model`.
    fn tick(&mut self, model: &mut Model);
    /// Carry out an action.
    fn apply(&mut self, action: Action);
}

/// Frames per second when idle.
pub const FRAME: Duration = Duration::from_millis(50);

/// The event loop. `next_event(timeout)` waits at most `timeout` for input (crossterm's
/// poll/read in real use), so the host CPU sleeps whenever the machine waits.
pub fn run_loop<B: Backend, D: Driver>(
    term: &mut Terminal<B>,
    app: &mut App,
    driver: &mut D,
    mut next_event: impl FnMut(Duration) -> io::Result<Option<Event>>,
) -> io::Result<()> {
    driver.tick(&mut app.model);
    app.update(Event::Tick);
    if let Ok(s) = term.size() {
        app.update(Event::Resize(s.width, s.height));
    }
    let mut next_frame = Instant::now() + FRAME;
    while !app.quit {
        app.render(term)?;
        let timeout = next_frame.saturating_duration_since(Instant::now());
        if let Some(ev) = next_event(timeout)? {
            for a in app.update(ev) {
                driver.apply(a);
            }
        }
        if Instant::now() >= next_frame {
            driver.tick(&mut app.model);
            app.update(Event::Tick);
            next_frame = Instant::now() + FRAME;
        }
    }
    Ok(())
}

/// Crossterm's events, mapped to ours.
pub fn crossterm_event(timeout: Duration) -> io::Result<Option<Event>> {
    use crossterm::event as ce;
    if !ce::poll(timeout)? {
        return Ok(None);
    }
    Ok(match ce::read()? {
        ce::Event::Key(k) if k.kind != KeyEventKind::Release => Some(Event::Key(k)),
        ce::Event::Paste(s) => Some(Event::Paste(s)),
        ce::Event::Resize(w, h) => Some(Event::Resize(w, h)),
        ce::Event::Mouse(m)
            if matches!(m.kind, ce::MouseEventKind::Down(ce::MouseButton::Left)) =>
        {
            Some(Event::Click(m.column, m.row))
        }
        _ => None,
    })
}
