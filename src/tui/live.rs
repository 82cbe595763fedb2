//! The live driver: a booted [`System`], optionally playing a scenario, paced to the
//! wall clock, filling the TUI's [`Model`].

use std::time::{Duration, Instant};

use super::{Action, App, Driver, Model, TermView};
use crate::cpu::TOD_PER_SECOND;
use crate::machine::Status;
use crate::scenario::Scenario;
use crate::scenario::player::{self, Player, Progress, Target};
use crate::sysgen::System;

/// Virtual time run between looks at the wall clock.
const SLICE: u64 = TOD_PER_SECOND / 100;
/// Most wall time one frame may spend running the machine.
const BUDGET: Duration = Duration::from_millis(35);
/// If the host falls further behind than this, forget the debt (no catch-up bursts).
const MAX_LAG: u64 = TOD_PER_SECOND / 2;

pub struct Live {
    pub system: System,
    title: String,
    model_mips: f64,
    player: Option<Player>,
    wall0: Instant,
    virt0: u64,
    status: Status,
    /// For the measured MIPS: instructions and wall time at the last measurement.
    meas: (u64, Instant),
    mips: f64,
}

impl Live {
    pub fn new(system: System, scenario: Option<&Scenario>, title: &str, model_mips: f64) -> Live {
        let virt0 = system.machine.now();
        let instr = system.machine.cpu.instructions;
        Live {
            system,
            title: title.to_string(),
            model_mips,
            player: scenario.map(|s| Player::new(s, false)),
            wall0: Instant::now(),
            virt0,
            status: Status::Running,
            meas: (instr, Instant::now()),
            mips: 0.0,
        }
    }

    /// Run the machine up to the wall clock.
    fn pace(&mut self) {
        let start = Instant::now();
        let target = self.virt0.saturating_add(
            (start.duration_since(self.wall0).as_secs_f64() * TOD_PER_SECOND as f64) as u64,
        );
        loop {
            let now = self.system.machine.now();
            if now >= target || start.elapsed() >= BUDGET {
                break;
            }
            let to = now.saturating_add(SLICE).min(target);
            let playing = self
                .player
                .as_ref()
                .is_some_and(|p| p.progress() == Progress::Running);
            if playing {
                if let Some(p) = self.player.as_mut() {
                    p.advance(&mut self.system, to);
                }
                self.status = self.system.machine.status();
            } else {
                self.status = self.system.run_until(to);
            }
            if self.system.machine.now() <= now
                && matches!(self.status, Status::DisabledWait(_) | Status::Checkstop)
            {
                break;
            }
        }
        let now = self.system.machine.now();
        if target.saturating_sub(now) > MAX_LAG
            || matches!(self.status, Status::DisabledWait(_) | Status::Checkstop)
        {
            self.virt0 = now;
            self.wall0 = Instant::now();
        }
        let (i0, w0) = self.meas;
        let dt = w0.elapsed().as_secs_f64();
        if dt >= 0.5 {
            let i = self.system.machine.cpu.instructions;
            self.mips = i.saturating_sub(i0) as f64 / dt / 1e6;
            self.meas = (i, Instant::now());
        }
    }

    /// Copy what the screen shows into `m`.
    pub fn fill(&self, m: &mut Model) {
        let sys = &self.system;
        m.title.clone_from(&self.title);
        m.vms = sys.vm_status();
        let n = sys.terminals.len();
        m.terminals.resize_with(n, TermView::default);
        for (t, &dev) in m.terminals.iter_mut().zip(&sys.terminals) {
            let user = m
                .vms
                .iter()
                .find(|v| v.terminal == dev)
                .map(|v| v.userid.clone());
            refresh(t, sys, dev, user);
        }
        let op = m.operator.get_or_insert_with(TermView::default);
        refresh(op, sys, sys.operator, None);
        m.model_mips = self.model_mips;
        m.mips = self.mips;
        m.tod = sys.machine.cpu.tod();
        m.machine = match self.status {
            Status::Running => "running".into(),
            Status::Waiting => "waiting".into(),
            s => player::describe(s),
        };
        match &self.player {
            None => {
                m.scenario.clear();
            }
            Some(p) => {
                m.caption = p.caption().unwrap_or("").to_string();
                m.scenario = match p.progress() {
                    Progress::Running => {
                        format!("step {} of {}", p.step_index() + 1, p.step_count())
                    }
                    Progress::Done => "the terminals are yours".into(),
                    Progress::Failed => match p.failure() {
                        Some(f) => format!("stopped at step {}: {}", f.step + 1, f.message),
                        None => "stopped".into(),
                    },
                };
            }
        }
    }
}

impl Driver for Live {
    fn tick(&mut self, model: &mut Model) {
        self.pace();
        self.fill(model);
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::Type { terminal, text } => {
                // A typing error (terminal gone) is not worth stopping an exhibit for.
                let _ = self.system.type_line(terminal, &text);
            }
        }
    }
}

/// Bring one terminal's view up to date. Its kept transcript (at most
/// `devices::transcript::KEEP` bytes, the scrollback) is copied only when it changed.
fn refresh(t: &mut TermView, sys: &System, dev: u16, user: Option<String>) {
    let tr = sys.machine.transcript(dev).unwrap_or_default();
    if t.dev != dev || t.start != tr.start || t.text.len() != tr.text.len() {
        t.text.clear();
        t.text.push_str(tr.text);
        t.start = tr.start;
    }
    t.dev = dev;
    t.user = user;
    t.hidden = sys.machine.print_inhibited(dev);
}

/// Run the full-screen view on a booted system, playing `scenario`, until the person
/// quits.
pub fn run(system: System, scenario: &Scenario) -> Result<(), String> {
    let mut live = Live::new(system, Some(scenario), &scenario.title, scenario.mips);
    let mut term = ratatui::try_init().map_err(|e| {
        format!(
            "cannot start the full-screen view: {e} (to print the transcript instead: \
             cpcms play --headless)"
        )
    })?;
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableBracketedPaste);
    let mut app = App::new(Model::default());
    let r = super::run_loop(&mut term, &mut app, &mut live, super::crossterm_event);
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableBracketedPaste);
    ratatui::restore();
    live.system.machine.set_tracer(None);
    r.map_err(|e| format!("terminal error: {e}"))
}
