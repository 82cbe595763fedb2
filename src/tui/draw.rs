//! Drawing: where everything goes on the screen, and each pane. Read-only.

use super::*;

/// Where everything goes on a screen of `area`.
pub(super) struct Areas {
    pub(super) caption: Rect,
    /// One per user terminal.
    pub(super) terms: Vec<Rect>,
    pub(super) operator: Rect,
    pub(super) cp: Rect,
    pub(super) traps: Rect,
    pub(super) input: Rect,
    pub(super) help: Rect,
}

/// From this width on, the trap log sits beside the CP panel; narrower, it is a row of
/// its own above the operator's console and the CP panel from [`TALL`] rows on, and
/// below the operator's console (which it shares the bottom left with) on a short screen.
const WIDE: u16 = 150;
const TALL: u16 = 30;

pub(super) fn areas(area: Rect, terminals: usize) -> Areas {
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
pub(super) fn inside(r: Rect) -> Rect {
    Block::bordered().inner(r)
}

impl App {
    /// Draw the screen. Read-only.
    pub fn draw(&self, f: &mut Frame) {
        let m = &self.model;
        let a = areas(f.area(), m.terminals.len());

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
                Line::raw(" time, user, instruction, CP's instructions, what CP did ")
                    .right_aligned(),
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
        let border = if focused {
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
