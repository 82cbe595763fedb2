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
//! move between terminals, Up/Down recall earlier lines, Ctrl-C quits, and so does Esc
//! followed by `q` (so commands starting with Q can be typed freely).

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

/// Longest line a person can type (a 3215 carriage holds 130 characters).
pub const MAX_INPUT: usize = 130;

/// One user terminal, as shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TermView {
    /// Device address, e.g. 0x020.
    pub dev: u16,
    /// Who is logged on there, if anyone.
    pub user: Option<String>,
    /// The tail of its transcript.
    pub text: String,
}

/// Everything the screen shows that comes from the machine.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Model {
    pub title: String,
    pub caption: String,
    /// "step 3 of 12", "finished", "FAILED: ..."; empty without a scenario.
    pub scenario: String,
    pub terminals: Vec<TermView>,
    /// Operator console: device address and transcript tail.
    pub operator_dev: u16,
    pub operator: String,
    pub vms: Vec<VmStatus>,
    /// Model speed and the speed actually reached, millions of instructions per second.
    pub model_mips: f64,
    pub mips: f64,
    /// TOD clock value.
    pub tod: u64,
    /// "running", "waiting", "disabled wait PSW ...".
    pub machine: String,
}

/// Everything that can happen to the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    Key(KeyEvent),
    Paste(String),
    /// A frame is due: the driver has run the machine and refreshed the model.
    Tick,
    Resize(u16, u16),
}

/// What the app asks of the machine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// A person typed `text` on user terminal `terminal` and pressed Enter.
    Type { terminal: usize, text: String },
}

/// The app state: the model plus what belongs to the person at the keyboard.
#[derive(Clone, Debug, Default)]
pub struct App {
    pub model: Model,
    pub focus: usize,
    /// Input line per terminal.
    pub inputs: Vec<String>,
    /// Lines sent, oldest first, and where Up/Down is in them.
    pub history: Vec<String>,
    history_pos: Option<usize>,
    /// Esc was pressed: `q` now quits.
    pub esc: bool,
    pub quit: bool,
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
        let n = self.model.terminals.len();
        self.inputs.resize(n, String::new());
        if self.focus >= n {
            self.focus = 0;
        }
    }

    fn input(&mut self) -> Option<&mut String> {
        self.inputs.get_mut(self.focus)
    }

    /// Handle one event.
    pub fn update(&mut self, ev: Event) -> Vec<Action> {
        self.fit_inputs();
        match ev {
            Event::Tick | Event::Resize(..) => Vec::new(),
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
            KeyCode::Enter => {
                if let Some(i) = self.input() {
                    let text = std::mem::take(i);
                    if !text.is_empty() && self.history.last() != Some(&text) {
                        self.history.push(text.clone());
                    }
                    self.history_pos = None;
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

    /// The help line's text.
    pub fn help(&self) -> &'static str {
        if self.esc {
            " Press q to quit, any other key to go on "
        } else {
            " Tab: next terminal  Enter: send  Up/Down: earlier lines  Esc q or Ctrl-C: quit "
        }
    }

    /// Draw the screen. Read-only.
    pub fn draw(&self, f: &mut Frame) {
        let m = &self.model;
        let area = f.area();
        let [cap, terms, bottom, input, help] = Layout::vertical([
            Constraint::Length(4),
            Constraint::Min(5),
            Constraint::Length(8),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);

        // Caption
        let mut title = format!(" {} ", m.title);
        if !m.scenario.is_empty() {
            title.push_str(&format!("- {} ", m.scenario));
        }
        f.render_widget(
            Paragraph::new(m.caption.as_str())
                .wrap(Wrap { trim: true })
                .style(Style::default().add_modifier(Modifier::BOLD))
                .block(Block::bordered().title(title)),
            cap,
        );

        // Terminal panes
        let n = m.terminals.len().max(1);
        let cols = Layout::horizontal(vec![Constraint::Ratio(1, n as u32); n]).split(terms);
        for (i, t) in m.terminals.iter().enumerate() {
            let focused = i == self.focus;
            let title = match &t.user {
                Some(u) => format!(" {i}: {:03X} {u} ", t.dev),
                None => format!(" {i}: {:03X} ", t.dev),
            };
            let border = if focused {
                Style::default()
                    .fg(Color::Yellow)
                    .add_modifier(Modifier::BOLD)
            } else {
                Style::default().fg(Color::DarkGray)
            };
            let block = Block::bordered().title(title).border_style(border);
            let inner = block.inner(cols[i]);
            f.render_widget(block, cols[i]);
            paint_text(f, inner, &t.text, Style::default().fg(Color::White));
        }

        // Operator console and CP panel
        let [op, cp] = Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)])
            .areas(bottom);
        let block = Block::bordered()
            .title(format!(" Operator {:03X} ", m.operator_dev))
            .border_style(Style::default().fg(Color::DarkGray));
        let inner = block.inner(op);
        f.render_widget(block, op);
        paint_text(f, inner, &m.operator, Style::default().fg(Color::Gray));

        let block = Block::bordered()
            .title(" CP ")
            .border_style(Style::default().fg(Color::DarkGray));
        let inner = block.inner(cp);
        f.render_widget(block, cp);
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

        // Input line
        let (who, text) = match m.terminals.get(self.focus) {
            Some(t) => (
                format!(
                    "{} {:03X}> ",
                    t.user.as_deref().unwrap_or("terminal"),
                    t.dev
                ),
                self.inputs.get(self.focus).map_or("", |s| s.as_str()),
            ),
            None => ("no terminal> ".to_string(), ""),
        };
        let avail = (input.width as usize).saturating_sub(who.chars().count() + 1);
        let shown: String = {
            let c = text.chars().count();
            text.chars().skip(c.saturating_sub(avail)).collect()
        };
        f.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(who, Style::default().fg(Color::Yellow)),
                Span::raw(shown),
                Span::styled("_", Style::default().add_modifier(Modifier::SLOW_BLINK)),
            ])),
            input,
        );
        f.render_widget(
            Paragraph::new(self.help()).style(Style::default().add_modifier(Modifier::REVERSED)),
            help,
        );
    }

    /// The CP panel's text: a summary line, a header, one line per virtual machine.
    pub fn cp_lines(&self) -> Vec<String> {
        let m = &self.model;
        let mut v = vec![
            format!(
                "{}  {:.2}/{:.2} MIPS  {}",
                format_tod(m.tod),
                m.mips,
                m.model_mips,
                m.machine
            ),
            format!(
                "{:<8} {:<4} {:<10} {:>12} {:>8}",
                "USERID", "TERM", "STATE", "INSTRUCTIONS", "TRAPS"
            ),
        ];
        if m.vms.is_empty() {
            v.push("(no virtual machines logged on)".into());
        }
        for s in &m.vms {
            v.push(format!(
                "{:<8} {:03X}  {:<10} {:>12} {:>8}",
                s.userid, s.terminal, s.state, s.instructions, s.privops
            ));
        }
        v
    }

    /// Render into any backend.
    pub fn render<B: Backend>(&self, term: &mut Terminal<B>) -> io::Result<()> {
        term.draw(|f| self.draw(f)).map(|_| ())
    }
}

/// Paint the tail of a transcript, wrapped at the pane width, so the newest line is at
/// the bottom as on a typewriter's platen.
fn paint_text(f: &mut Frame, area: Rect, text: &str, style: Style) {
    let rows = wrap_tail(text, area.width as usize, area.height as usize);
    let lines: Vec<Line> = rows.into_iter().map(|r| Line::styled(r, style)).collect();
    f.render_widget(Paragraph::new(lines), area);
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
}
