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

pub mod live;

use std::io;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::Frame;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::scenario::units::format_tod;
use crate::sysgen::VmStatus;

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
    /// The privileged instructions CP trapped, oldest first (at most the CPU's ring).
    pub traps: Vec<TrapLine>,
    /// The scenario's chapter (its last Marker); empty: none.
    pub marker: String,
    /// The pane a scenario's Highlight marks (numbered as [`Model::pane`]).
    pub highlight: Option<usize>,
    /// The scenario waits at a Pause for a key (Enter, Space or any letter).
    pub waiting: bool,
}

/// One trapped privileged instruction, as shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrapLine {
    /// The trap's number since the view started.
    pub seq: u64,
    /// TOD clock value at the trap.
    pub tod: u64,
    /// Whose virtual machine it was.
    pub user: String,
    /// The instruction, disassembled.
    pub instruction: String,
    /// Instructions CP ran until it dispatched a virtual machine again (`None`: still
    /// running).
    pub cp: Option<u64>,
}

impl TrapLine {
    /// `09:00:04.123 ALICE    SSM   16(0)              2`: time, user, instruction, CP's
    /// instructions (`...` while CP runs).
    pub fn text(&self) -> String {
        self.text_for(usize::MAX)
    }

    /// As [`TrapLine::text`] in columns; narrower than that, in as few as it can:
    /// `04.123 ALICE SSM 16(0) 2` (seconds and milliseconds).
    pub fn text_for(&self, width: usize) -> String {
        let cp = match self.cp {
            Some(n) => n.to_string(),
            None => "...".into(),
        };
        if width < 48 {
            let c = clock(self.tod);
            let ins: Vec<&str> = self.instruction.split_whitespace().collect();
            return format!(
                "{} {} {} {cp}",
                c.get(6..).unwrap_or(&c),
                self.user,
                ins.join(" ")
            );
        }
        format!(
            "{} {:<8} {:<20} {:>5}",
            clock(self.tod),
            self.user,
            self.instruction,
            cp
        )
    }
}

/// `hh:mm:ss.mmm` of a TOD clock value.
pub fn clock(tod: u64) -> String {
    let full = format_tod(tod);
    let ms = (tod >> 12) / 1000 % 1000;
    format!("{}.{ms:03}", full.get(11..).unwrap_or(&full))
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
    pub quit: bool,
}

/// Where everything goes on a screen of `area`.
struct Areas {
    caption: Rect,
    /// One per user terminal.
    terms: Vec<Rect>,
    operator: Rect,
    cp: Rect,
    traps: Rect,
    input: Rect,
    help: Rect,
}

/// From this width on, the trap log sits beside the CP panel; narrower, it is a row of
/// its own above the operator's console and the CP panel from [`TALL`] rows on, and
/// below the operator's console (which it shares the bottom left with) on a short screen.
const WIDE: u16 = 150;
const TALL: u16 = 30;

fn areas(area: Rect, terminals: usize) -> Areas {
    let trap_rows = if area.width >= WIDE || area.height < TALL {
        0
    } else if area.height >= 40 {
        8
    } else {
        5
    };
    let [caption, terms, trap_row, bottom, input, help] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Min(5),
        Constraint::Length(trap_rows),
        Constraint::Length(8),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let n = terminals.max(1);
    let terms = Layout::horizontal(vec![Constraint::Ratio(1, n as u32); n])
        .split(terms)
        .to_vec();
    let (operator, cp, traps) = if area.width >= WIDE {
        let [o, c, t] = Layout::horizontal([
            Constraint::Percentage(30),
            Constraint::Length(50),
            Constraint::Min(20),
        ])
        .areas(bottom);
        (o, c, t)
    } else {
        let [o, c] = Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)])
            .areas(bottom);
        if trap_rows == 0 {
            let [o, t] =
                Layout::vertical([Constraint::Ratio(1, 2), Constraint::Ratio(1, 2)]).areas(o);
            (o, c, t)
        } else {
            (o, c, trap_row)
        }
    };
    Areas {
        caption,
        terms,
        operator,
        cp,
        traps,
        input,
        help,
    }
}

/// The text area inside a pane's border.
fn inside(r: Rect) -> Rect {
    Block::bordered().inner(r)
}

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
        let a = areas(Rect::new(0, 0, w, h), self.model.terminals.len());
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
                KeyCode::Char('q' | 'Q') => {
                    self.quit = true;
                    return Vec::new();
                }
                KeyCode::Esc => return Vec::new(),
                _ => {}
            }
        }
        if self.model.waiting && !ctrl && matches!(k.code, KeyCode::Enter | KeyCode::Char(_)) {
            // The scenario's Pause: the key goes on with it and is not typed.
            return vec![Action::Continue];
        }
        let n = self.inputs.len();
        match k.code {
            KeyCode::Esc => self.esc = true,
            KeyCode::Tab if n > 0 => {
                self.focus = (self.focus + 1) % n;
                self.history_pos = None;
            }
            KeyCode::BackTab if n > 0 => {
                self.focus = (self.focus + n - 1) % n;
                self.history_pos = None;
            }
            KeyCode::F(2) => return vec![Action::NextSpeed],
            KeyCode::F(3) => return vec![Action::Pause],
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
        const FULL: &str = " Tab: next terminal  Enter: send  Up/Down: earlier lines  PgUp/PgDn: scroll  \
                            F2: speed  F3: pause  F4: trap log user  F5: hold trap log  Esc q or Ctrl-C: quit ";
        const MID: &str = " Tab: next  Enter: send  Up/Down: recall  PgUp/Dn: scroll  F2: speed  \
                           F3: pause  F4: trap user  F5: hold  Esc q: quit ";
        const SHORT: &str =
            " Tab Enter Up/Dn PgUp/Dn  F2 speed F3 pause F4 trap user F5 hold  Esc q: quit ";
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

    /// Draw the screen. Read-only.
    pub fn draw(&self, f: &mut Frame) {
        let m = &self.model;
        let a = areas(f.area(), m.terminals.len());

        // Caption
        let mut title = format!(" {} ", m.title);
        if !m.marker.is_empty() {
            title.push_str(&format!("- {} ", m.marker));
        }
        if !m.scenario.is_empty() {
            title.push_str(&format!("- {} ", m.scenario));
        }
        let mut block = Block::bordered().title(title);
        if m.waiting {
            block = block.title_bottom(
                Line::styled(
                    " Paused: press Enter to go on ",
                    Style::default().fg(Color::Black).bg(Color::Yellow),
                )
                .right_aligned(),
            );
        }
        f.render_widget(
            Paragraph::new(m.caption.as_str())
                .wrap(Wrap { trim: true })
                .style(Style::default().add_modifier(Modifier::BOLD))
                .block(block),
            a.caption,
        );

        // Terminal panes
        for (i, t) in m.terminals.iter().enumerate() {
            let title = match &t.user {
                Some(u) => format!(" {i}: {:03X} {u} ", t.dev),
                None => format!(" {i}: {:03X} ", t.dev),
            };
            self.pane(f, a.terms[i], i, t, title, Color::White);
        }

        // Operator console and CP panel
        match &m.operator {
            Some(t) => {
                let title = format!(" Operator {:03X} ", t.dev);
                self.pane(f, a.operator, m.terminals.len(), t, title, Color::Gray);
            }
            None => f.render_widget(
                Block::bordered()
                    .title(" Operator ")
                    .border_style(Style::default().fg(Color::DarkGray)),
                a.operator,
            ),
        }

        let block = Block::bordered()
            .title(" CP ")
            .border_style(Style::default().fg(Color::DarkGray));
        let inner = block.inner(a.cp);
        f.render_widget(block, a.cp);
        let lines: Vec<Line> = self
            .cp_lines()
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                if i == 1 {
                    Line::styled(l, Style::default().add_modifier(Modifier::UNDERLINED))
                } else {
                    Line::raw(l)
                }
            })
            .collect();
        f.render_widget(Paragraph::new(lines), inner);

        self.draw_traps(f, a.traps);

        self.draw_input(f, a.input);
        f.render_widget(
            Paragraph::new(self.help_for(a.help.width))
                .style(Style::default().add_modifier(Modifier::REVERSED)),
            a.help,
        );
    }

    /// The trap log: the newest lines that fit, the filter and hold in its title.
    fn draw_traps(&self, f: &mut Frame, r: Rect) {
        if r.height == 0 || r.width == 0 {
            return;
        }
        let who = self.trap_user.as_deref().unwrap_or("all users");
        let wide = r.width >= 64;
        let mut title = if wide {
            format!(" Trap log: privileged instructions CP emulated, {who} ")
        } else {
            format!(" Traps: {who} ")
        };
        let mut border = Style::default().fg(Color::DarkGray);
        if self.trap_hold.is_some() {
            title.push_str(if wide { "- HELD (F5) " } else { "HELD " });
            border = Style::default().fg(Color::Yellow);
        }
        let mut block = Block::bordered().title(title).border_style(border);
        if wide {
            block = block.title_bottom(
                Line::raw(" time, user, instruction, CP instructions to dispatch ").right_aligned(),
            );
        }
        let inner = block.inner(r);
        f.render_widget(block, r);
        let lines = self.trap_lines_for(inner.width as usize);
        let h = inner.height as usize;
        let shown: Vec<Line> = if lines.is_empty() {
            vec![Line::styled(
                "(none trapped yet)",
                Style::default().fg(Color::DarkGray),
            )]
        } else {
            lines[lines.len().saturating_sub(h)..]
                .iter()
                .map(|l| Line::raw(l.as_str()))
                .collect()
        };
        f.render_widget(Paragraph::new(shown), inner);
    }

    /// One terminal's pane: its border (bright when focused, with a note while it is
    /// scrolled back) and its text, the newest at the bottom unless scrolled.
    fn pane(&self, f: &mut Frame, r: Rect, i: usize, t: &TermView, title: String, fg: Color) {
        let focused = i == self.focus;
        let marked = self.model.highlight == Some(i);
        let title = if marked {
            format!("{title}<< look here ")
        } else {
            title
        };
        let border = if marked {
            Style::default()
                .fg(Color::Magenta)
                .add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else if focused {
            Style::default()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::default().fg(Color::DarkGray)
        };
        let inner = inside(r);
        let anchor = self.scroll.get(i).copied().flatten();
        let (rows, below) = view(
            &t.text,
            t.start,
            inner.width as usize,
            inner.height as usize,
            anchor,
        );
        let mut block = Block::bordered().title(title).border_style(border);
        if below > 0 {
            // As much of the note as the border holds.
            let long = format!(" {below} more below: PgDn ");
            let note = if long.len() + 2 <= r.width as usize {
                long
            } else {
                format!(" {below} below ")
            };
            block = block.title_bottom(
                Line::styled(note, Style::default().fg(Color::Black).bg(Color::Yellow))
                    .right_aligned(),
            );
        }
        f.render_widget(block, r);
        let style = Style::default().fg(fg);
        let lines: Vec<Line> = rows.into_iter().map(|r| Line::styled(r, style)).collect();
        f.render_widget(Paragraph::new(lines), inner);
    }

    /// The input line: whose terminal, what is typed (nothing while hidden), the cursor,
    /// and at the right how full the 3215's line is once it nears the limit.
    fn draw_input(&self, f: &mut Frame, r: Rect) {
        let m = &self.model;
        let operator = self.focus == m.terminals.len();
        let (who, text) = match m.pane(self.focus) {
            Some(t) => (
                format!(
                    "{} {:03X}> ",
                    match &t.user {
                        Some(u) => u.as_str(),
                        None if operator => "operator",
                        None => "terminal",
                    },
                    t.dev
                ),
                self.inputs.get(self.focus).map_or("", |s| s.as_str()),
            ),
            None => ("no terminal> ".to_string(), ""),
        };
        let hidden = self.hidden();
        let count = text.chars().count();
        let note = if hidden {
            " not shown (a password) ".to_string()
        } else if count >= MAX_INPUT {
            format!(" {count}/{MAX_INPUT}: line full (a 3215 line) ")
        } else if count + 10 >= MAX_INPUT {
            format!(" {count}/{MAX_INPUT} ")
        } else {
            String::new()
        };
        let note_w = note.chars().count();
        let avail = (r.width as usize).saturating_sub(who.chars().count() + 1 + note_w);
        let shown: String = if hidden {
            String::new()
        } else {
            text.chars().skip(count.saturating_sub(avail)).collect()
        };
        let used = who.chars().count() + shown.chars().count() + 1;
        let pad = (r.width as usize).saturating_sub(used + note_w);
        let note_style = if count >= MAX_INPUT && !hidden {
            Style::default()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::default().fg(Color::Yellow)
        };
        f.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(who, Style::default().fg(Color::Yellow)),
                Span::raw(shown),
                Span::styled("_", Style::default().add_modifier(Modifier::SLOW_BLINK)),
                Span::raw(" ".repeat(pad)),
                Span::styled(note, note_style),
            ])),
            r,
        );
    }

    /// The CP panel's text: a summary line, a header, one line per virtual machine.
    pub fn cp_lines(&self) -> Vec<String> {
        let m = &self.model;
        let state = if m.paused {
            "PAUSED"
        } else {
            m.machine.as_str()
        };
        let speed = if m.speed == "full speed" {
            format!("full speed  real {:.2} MIPS", m.mips)
        } else if m.speed.is_empty() {
            format!("{:.2} MIPS real {:.2}", m.model_mips, m.mips)
        } else {
            format!("{} {:.2} MIPS real {:.2}", m.speed, m.model_mips, m.mips)
        };
        let mut v = vec![
            format!("{}  {speed}  {state}", clock(m.tod).get(..8).unwrap_or("")),
            format!(
                "{:<8} {:<4} {:<10} {:>12} {:>8}",
                "USERID", "TERM", "STATE", "INSTRUCTIONS", "TRAPS"
            ),
        ];
        if m.vms.is_empty() {
            v.push("(no virtual machines logged on)".into());
        }
        for s in &m.vms {
            // A disconnected machine has no terminal (CP's VMTERMA X'FFFF'): DSC, as
            // QUERY NAMES says.
            let term = if s.terminal == 0xFFFF {
                "DSC".to_string()
            } else {
                format!("{:03X}", s.terminal)
            };
            v.push(format!(
                "{:<8} {term:<4} {:<10} {:>12} {:>8}",
                s.userid, s.state, s.instructions, s.privops
            ));
        }
        v
    }

    /// Render into any backend.
    pub fn render<B: Backend>(&self, term: &mut Terminal<B>) -> io::Result<()> {
        term.draw(|f| self.draw(f)).map(|_| ())
    }
}

/// `text` wrapped at `width` characters (hard wrap, as a typewriter does), each row
/// with the byte offset in `text` where it starts. Control characters print nothing; a
/// trailing newline does not make an empty last row.
pub fn wrap_rows(text: &str, width: usize) -> Vec<(usize, String)> {
    let mut rows = Vec::new();
    if width == 0 {
        return rows;
    }
    let body = text.strip_suffix('\n').unwrap_or(text);
    if body.is_empty() {
        return rows;
    }
    let mut at = 0;
    for line in body.split('\n') {
        let mut row = String::new();
        let mut row_at = at;
        let mut n = 0;
        for (o, c) in line.char_indices() {
            if c.is_control() {
                continue;
            }
            if n == width {
                rows.push((row_at, std::mem::take(&mut row)));
                row_at = at + o;
                n = 0;
            }
            row.push(c);
            n += 1;
        }
        rows.push((row_at, row));
        at += line.len() + 1;
    }
    rows
}

/// The index of the row that holds absolute position `pos` (the first row when `pos`
/// is no longer kept); `start` is the absolute position of the text's first byte.
fn row_at(rows: &[(usize, String)], start: u64, pos: u64) -> usize {
    let off = pos.saturating_sub(start);
    rows.partition_point(|r| r.0 as u64 <= off)
        .saturating_sub(1)
}

/// What a pane `width` x `height` shows of `text` (whose first byte is at absolute
/// position `start`): the newest rows, or with `anchor` the page whose top row holds
/// that position (never past the newest page); and how many rows are below it.
pub fn view(
    text: &str,
    start: u64,
    width: usize,
    height: usize,
    anchor: Option<u64>,
) -> (Vec<String>, usize) {
    let Some(pos) = anchor else {
        return (wrap_tail(text, width, height), 0);
    };
    let rows = wrap_rows(text, width);
    let last_top = rows.len().saturating_sub(height);
    let top = row_at(&rows, start, pos).min(last_top);
    let end = (top + height).min(rows.len());
    let below = rows.len() - end;
    (rows[top..end].iter().map(|r| r.1.clone()).collect(), below)
}

/// The last `height` rows of `text` wrapped at `width` characters (hard wrap, as a
/// typewriter does). A trailing newline does not make an empty last row.
pub fn wrap_tail(text: &str, width: usize, height: usize) -> Vec<String> {
    if width == 0 || height == 0 {
        return Vec::new();
    }
    let body = text.strip_suffix('\n').unwrap_or(text);
    let mut rows: Vec<String> = Vec::new();
    // Walk lines from the end, so huge transcripts cost only what is shown.
    for line in body.rsplit('\n') {
        let chars: Vec<char> = line.chars().filter(|c| !c.is_control()).collect();
        let mut chunks: Vec<String> = if chars.is_empty() {
            vec![String::new()]
        } else {
            chars.chunks(width).map(|c| c.iter().collect()).collect()
        };
        while let Some(c) = chunks.pop() {
            rows.push(c);
            if rows.len() == height {
                rows.reverse();
                return rows;
            }
        }
    }
    if body.is_empty() {
        rows.clear();
    }
    rows.reverse();
    rows
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
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap() {
        assert_eq!(wrap_tail("", 10, 3), Vec::<String>::new());
        assert_eq!(wrap_tail("abc\n", 10, 3), vec!["abc"]);
        assert_eq!(wrap_tail("a\nb\nc\nd\n", 10, 2), vec!["c", "d"]);
        assert_eq!(wrap_tail("abcdefg", 3, 5), vec!["abc", "def", "g"]);
        assert_eq!(wrap_tail("abcdefg", 3, 2), vec!["def", "g"]);
        assert_eq!(wrap_tail("x\n\ny", 3, 5), vec!["x", "", "y"]);
        assert_eq!(wrap_tail("abc", 0, 5), Vec::<String>::new());
        assert_eq!(wrap_tail("a\tb", 5, 1), vec!["ab"]);
    }

    #[test]
    fn rows_know_where_they_start() {
        let r = |t: &str, w| -> Vec<(usize, String)> { wrap_rows(t, w) };
        assert!(r("", 5).is_empty());
        assert!(r("abc", 0).is_empty());
        assert_eq!(
            r("abcdefg\n\nhi\n", 3),
            vec![
                (0, "abc".into()),
                (3, "def".into()),
                (6, "g".into()),
                (8, "".into()),
                (9, "hi".into())
            ]
        );
        // Offsets are bytes; control characters take none of the width.
        assert_eq!(
            r("¢¢\t¢x\ny", 2),
            vec![(0, "¢¢".into()), (5, "¢x".into()), (9, "y".into())]
        );
        // The same rows as the tail, whatever the width.
        let t = "LOGON ALICE\nCMS VERSION 6.0 (CPCMS)\n\nR; T=0.00/0.04\n";
        for w in 1..30 {
            let all: Vec<String> = r(t, w).into_iter().map(|x| x.1).collect();
            assert_eq!(all, wrap_tail(t, w, 1000), "width {w}");
        }
    }

    #[test]
    fn a_view_holds_its_anchor() {
        let t: String = (0..10).map(|i| format!("L{i}\n")).collect();
        assert_eq!(
            view(&t, 0, 5, 3, None),
            (vec!["L7".into(), "L8".into(), "L9".into()], 0)
        );
        // Anchored at L2 (offset 6), or inside it: L2 at the top, 5 rows below.
        for p in 6..9 {
            assert_eq!(view(&t, 0, 5, 3, Some(p)).0[0], "L2");
            assert_eq!(view(&t, 0, 5, 3, Some(p)).1, 5);
        }
        // Positions count from the first byte ever printed.
        assert_eq!(view(&t, 1000, 5, 3, Some(1006)).0[0], "L2");
        // Dropped text: the oldest kept row; past the end: the newest page.
        assert_eq!(view(&t, 1000, 5, 3, Some(3)).0[0], "L0");
        assert_eq!(view(&t, 0, 5, 3, Some(99)).0, vec!["L7", "L8", "L9"]);
        assert_eq!(view("", 0, 5, 3, Some(0)), (vec![], 0));
    }
}
