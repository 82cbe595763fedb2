//! Drawing: where everything goes on the screen, and each pane. Read-only.

use super::*;
use ratatui::buffer::Buffer;
use ratatui::widgets::Widget;

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

/// Colours that read on a dark and on a light terminal alike: the terminal's own
/// foreground for text, and emphasis by weight and reverse video rather than by a hue
/// that vanishes on one background (yellow on white, dark blue on black).
pub(super) mod palette {
    use ratatui::style::{Color, Modifier, Style};
    /// Text: the terminal's own colours.
    pub fn text() -> Style {
        Style::default()
    }
    /// A border or title of something not in focus.
    pub fn quiet() -> Style {
        Style::default().fg(Color::DarkGray)
    }
    /// The focused pane's border.
    pub fn focus() -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }
    /// A title or note that must stand out: reverse video.
    pub fn mark() -> Style {
        Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    /// Something wrong or held: red reads on both.
    pub fn alarm() -> Style {
        Style::default().fg(Color::Red).add_modifier(Modifier::BOLD)
    }
}

/// From this width on, the trap log sits beside the CP panel; narrower, it is a row of
/// its own above the operator's console and the CP panel from [`TALL`] rows on, and
/// below the operator's console (which it shares the bottom left with) on a short screen.
const WIDE: u16 = 150;
const TALL: u16 = 30;
/// From this height on, the CP panel has room for the meters' explanations.
const ROOMY: u16 = 44;

pub(super) fn areas(area: Rect, terminals: usize, zoom: usize) -> Areas {
    let trap_rows = if area.width >= WIDE || area.height < TALL {
        0
    } else if area.height >= 40 {
        8
    } else {
        5
    };
    let bottom_rows = if area.height >= ROOMY { 12 } else { 8 };
    let [caption, terms, trap_row, bottom, input, help] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Min(5),
        Constraint::Length(trap_rows),
        Constraint::Length(bottom_rows),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let terms = term_areas(terms, terminals, zoom);
    let (operator, cp, traps) = if area.width >= WIDE {
        let [o, c, t] = Layout::horizontal([
            Constraint::Percentage(20),
            Constraint::Length(66),
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

/// The user terminals' panes in `r`: side by side up to [`GRID`]; more, the zoomed one
/// on the left half and the others in a grid on the right, in order.
fn term_areas(r: Rect, n: usize, zoom: usize) -> Vec<Rect> {
    if n <= GRID {
        let k = n.max(1);
        return Layout::horizontal(vec![Constraint::Ratio(1, k as u32); k])
            .split(r)
            .to_vec();
    }
    let zoom = zoom.min(n - 1);
    let [big, rest] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(r);
    let others = n - 1;
    let cols = (1..).find(|c| c * c >= others).unwrap_or(1);
    let rows = others.div_ceil(cols);
    let row_rects = Layout::vertical(vec![Constraint::Ratio(1, rows as u32); rows]).split(rest);
    let mut cells = Vec::with_capacity(others);
    for row in row_rects.iter() {
        let in_row = cols.min(others - cells.len());
        if in_row == 0 {
            break;
        }
        cells.extend(
            Layout::horizontal(vec![Constraint::Ratio(1, cols as u32); cols])
                .split(*row)
                .iter()
                .take(in_row)
                .copied(),
        );
    }
    let mut out = Vec::with_capacity(n);
    let mut it = cells.into_iter();
    for i in 0..n {
        out.push(if i == zoom {
            big
        } else {
            it.next().unwrap_or_default()
        });
    }
    out
}

/// The text area inside a pane's border.
pub(super) fn inside(r: Rect) -> Rect {
    Block::bordered().inner(r)
}

impl App {
    /// Draw the screen. Read-only.
    pub fn draw(&self, f: &mut Frame) {
        let area = f.area();
        self.draw_into(area, f.buffer_mut());
    }

    /// Draw the screen into a buffer covering `area`: the whole view, from the app's
    /// state alone (for recordings as well as the live screen).
    pub fn draw_into(&self, area: Rect, buf: &mut Buffer) {
        let m = &self.model;
        let a = areas(area, m.terminals.len(), self.zoom);

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
                Line::styled(" Paused: press Enter to go on ", palette::mark()).right_aligned(),
            );
        }
        Paragraph::new(m.caption.as_str())
            .wrap(Wrap { trim: true })
            .style(palette::text().add_modifier(Modifier::BOLD))
            .block(block)
            .render(a.caption, buf);

        // Terminal panes
        for (i, t) in m.terminals.iter().enumerate() {
            let title = match &t.user {
                Some(u) => format!(" {i}: {:03X} {u} ", t.dev),
                None => format!(" {i}: {:03X} ", t.dev),
            };
            self.pane(buf, a.terms[i], i, t, title);
        }

        // Operator console and CP panel
        match &m.operator {
            Some(t) => {
                let title = format!(" Operator {:03X} ", t.dev);
                self.pane(buf, a.operator, m.terminals.len(), t, title);
            }
            None => Block::bordered()
                .title(" Operator ")
                .border_style(palette::quiet())
                .render(a.operator, buf),
        }

        let block = Block::bordered()
            .title(" CP: the virtual machines ")
            .border_style(palette::quiet());
        let inner = block.inner(a.cp);
        block.render(a.cp, buf);
        let lines: Vec<Line> = self
            .cp_lines_for(inner.width as usize, inner.height as usize)
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
        Paragraph::new(lines).render(inner, buf);

        self.draw_traps(buf, a.traps);

        self.draw_input(buf, a.input);
        Paragraph::new(self.help_for(a.help.width))
            .style(Style::default().add_modifier(Modifier::REVERSED))
            .render(a.help, buf);
        if self.help_shown {
            self.draw_help(area, buf);
        }
    }

    /// The trap log: the newest lines that fit, the filter and hold in its title.
    fn draw_traps(&self, buf: &mut Buffer, r: Rect) {
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
        let mut border = palette::quiet();
        if self.trap_hold.is_some() {
            title.push_str(if wide { "- HELD (F5) " } else { "HELD " });
            border = palette::alarm();
        }
        let mut block = Block::bordered().title(title).border_style(border);
        if wide {
            block = block.title_bottom(
                Line::raw(" time, user, instruction, CP's instructions, what CP did ")
                    .right_aligned(),
            );
        }
        let inner = block.inner(r);
        block.render(r, buf);
        let lines = self.trap_lines_for(inner.width as usize);
        let h = inner.height as usize;
        let shown: Vec<Line> = if lines.is_empty() {
            vec![Line::styled("(none trapped yet)", palette::quiet())]
        } else {
            lines[lines.len().saturating_sub(h)..]
                .iter()
                .map(|l| Line::raw(l.as_str()))
                .collect()
        };
        Paragraph::new(shown).render(inner, buf);
    }

    /// One terminal's pane: its border (bright when focused, with a note while it is
    /// scrolled back) and its text, the newest at the bottom unless scrolled.
    fn pane(&self, buf: &mut Buffer, r: Rect, i: usize, t: &TermView, title: String) {
        let focused = i == self.focus;
        let marked = self.model.highlight == Some(i);
        let title = if marked {
            format!("{title}<< look here ")
        } else {
            title
        };
        let border = if marked {
            palette::mark().add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else if focused {
            palette::focus()
        } else {
            palette::quiet()
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
            block = block.title_bottom(Line::styled(note, palette::mark()).right_aligned());
        }
        block.render(r, buf);
        let style = palette::text();
        let lines: Vec<Line> = rows.into_iter().map(|r| Line::styled(r, style)).collect();
        Paragraph::new(lines).render(inner, buf);
    }

    /// The input line: whose terminal, what is typed (nothing while hidden), the cursor,
    /// and at the right how full the 3215's line is once it nears the limit.
    fn draw_input(&self, buf: &mut Buffer, r: Rect) {
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
            palette::alarm().add_modifier(Modifier::REVERSED)
        } else {
            palette::mark()
        };
        Paragraph::new(Line::from(vec![
            Span::styled(who, palette::focus()),
            Span::raw(shown),
            Span::styled("_", Style::default().add_modifier(Modifier::SLOW_BLINK)),
            Span::raw(" ".repeat(pad)),
            Span::styled(note, note_style),
        ]))
        .render(r, buf);
    }

    /// The CP panel's text as wide as can be shown: [`App::cp_lines_for`].
    pub fn cp_lines(&self) -> Vec<String> {
        self.cp_lines_for(usize::MAX, usize::MAX)
    }

    /// The CP panel's text, `width` columns by `height` rows: the clock, speed and
    /// state; a header; one line per virtual machine with its Popek and Goldberg meters;
    /// then, if every machine fits and rows are left, what each meter means.
    pub fn cp_lines_for(&self, width: usize, height: usize) -> Vec<String> {
        let m = &self.model;
        let state = if m.paused {
            if m.stop_at_trap {
                "PAUSED, F9 armed"
            } else {
                "PAUSED"
            }
        } else if m.stop_at_trap {
            "stops at next trap"
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
        let wide = width >= 64;
        let mut v = vec![format!(
            "{}  {speed}  {state}",
            clock(m.tod).get(..8).unwrap_or("")
        )];
        if !m.note.is_empty() {
            v.push(m.note.clone());
        }
        v.push(if wide {
            format!(
                "{:<8} {:<4} {:<8} {:>11} {:>9} {:>6} {:>6} {:>5}",
                "USERID", "TERM", "STATE", "DIRECT", "BY CP", "TRAPS", "EFFIC", "SHARE"
            )
        } else {
            format!(
                "{:<8} {:<7} {:>8} {:>7} {:>6} {:>5}",
                "USERID", "STATE", "DIRECT", "BY CP", "EFFIC", "SHARE"
            )
        });
        if m.vms.is_empty() {
            v.push("(no virtual machines logged on)".into());
        }
        for s in &m.vms {
            let meter = m.meters.iter().find(|x| x.userid == s.userid);
            let direct = meter.map_or(s.instructions, |x| x.direct);
            let by_cp = meter.map_or(String::new(), |x| x.by_cp.to_string());
            let effic = meter
                .and_then(|x| x.efficiency())
                .map_or(String::new(), |e| format!("{e:.1}%"));
            let share = meter
                .and_then(|x| x.share)
                .map_or(String::new(), |x| format!("{:.0}%", x * 100.0));
            // A disconnected machine has no terminal (CP's VMTERMA X'FFFF'): DSC, as
            // QUERY NAMES says.
            let term = if s.terminal == 0xFFFF {
                "DSC".to_string()
            } else {
                format!("{:03X}", s.terminal)
            };
            v.push(if wide {
                format!(
                    "{:<8} {term:<4} {:<8} {:>11} {:>9} {:>6} {:>6} {:>5}",
                    s.userid,
                    short_state(&s.state, 8),
                    direct,
                    by_cp,
                    s.privops,
                    effic,
                    share
                )
            } else {
                format!(
                    "{:<8} {:<7} {:>8} {:>7} {:>6} {:>5}",
                    s.userid,
                    short_state(&s.state, 7),
                    direct,
                    by_cp,
                    effic,
                    share
                )
            });
        }
        // Paging, once there has been any: the counts, and each machine's pages in
        // frames / pages it has.
        if let Some(p) = m.paging.as_ref().filter(|p| p.page_ins + p.page_outs > 0) {
            v.push(format!(
                "PAGING {} in {} out {} waits {} steals",
                p.page_ins, p.page_outs, p.waits, p.steals
            ));
            let mut line = String::from("RES/PAGES");
            for (id, res, pages) in &p.users {
                let more = format!(" {id} {res}/{pages}");
                if line.len() + more.len() > width {
                    break;
                }
                line.push_str(&more);
            }
            v.push(line);
        }
        if v.len() + super::meters::EXPLAIN.len() <= height {
            for (k, e) in super::meters::EXPLAIN {
                v.push(format!("{k:<6} {e}"));
            }
        } else if v.len() < height && !m.vms.is_empty() {
            v.push("? explains DIRECT, BY CP, EFFIC and SHARE".into());
        }
        v
    }

    /// The help overlay: every key, and what the meters and the trap log mean.
    fn draw_help(&self, area: Rect, buf: &mut Buffer) {
        let text = help_text();
        let w =
            (text.iter().map(|l| l.chars().count()).max().unwrap_or(0) as u16 + 4).min(area.width);
        let h = (text.len() as u16 + 2).min(area.height);
        let r = Rect::new(
            area.x + (area.width - w) / 2,
            area.y + (area.height - h) / 2,
            w,
            h,
        );
        ratatui::widgets::Clear.render(r, buf);
        let block = Block::bordered()
            .title(" Help: any key closes it ")
            .border_style(palette::focus());
        let inner = block.inner(r);
        block.render(r, buf);
        let lines: Vec<Line> = text.iter().map(|l| Line::raw(l.as_str())).collect();
        Paragraph::new(lines)
            .style(palette::text())
            .render(inner.inner(ratatui::layout::Margin::new(1, 0)), buf);
    }

    /// Render into any backend.
    pub fn render<B: Backend>(&self, term: &mut Terminal<B>) -> io::Result<()> {
        term.draw(|f| self.draw(f)).map(|_| ())
    }
}

/// The help overlay's lines.
pub fn help_text() -> Vec<String> {
    let mut v: Vec<String> = [
        "Typing goes to the focused terminal; Enter sends the line.",
        "Tab / Shift-Tab  next / previous terminal (or click one)",
        "Up / Down        lines typed before      PgUp / PgDn  scroll back",
        "F2  speed: 360/67 (0.5 MIPS), 370/158, 370/168, full speed",
        "F3  pause / run                F6  zoom the next terminal",
        "F7  step one guest instruction (while paused, or pauses)",
        "F8  step to the next trap: CP emulates it, the guest runs again",
        "F9  run, and stop at the next trap",
        "F4  trap log: one user's traps, or everyone's   F5  hold it still",
        "Esc then q, or Ctrl-C: quit",
        "",
        "Trap log: a virtual machine tried a privileged instruction; the",
        "real CPU stopped it (a trap) and CP did it for the machine, on the",
        "machine's own copies of the PSW, devices and storage (emulate).",
        "Columns: time, user, instruction, CP's instructions, what CP did.",
        "",
        "The meters (Popek and Goldberg, 1974):",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    v.extend(
        super::meters::EXPLAIN
            .iter()
            .map(|(k, e)| format!("{k:<7} {e}")),
    );
    v
}

/// A machine's state in `n` columns: "PAGE WAIT" as "PGWAIT", the others cut.
fn short_state(state: &str, n: usize) -> &str {
    if state == "PAGE WAIT" {
        "PGWAIT"
    } else {
        state.get(..n).unwrap_or(state)
    }
}
