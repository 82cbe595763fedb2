//! The live driver: a booted [`System`], optionally playing a scenario, paced to the
//! wall clock, filling the TUI's [`Model`].

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use super::{Action, App, Driver, Model, TermView, TrapLine};
use crate::cpu::{TOD_PER_SECOND, TOD_PER_US, TRAP_LOG_SIZE};
use crate::machine::Status;
use crate::scenario::Scenario;
use crate::scenario::player::{self, Player, Progress, Target};
use crate::sysgen::System;

/// Virtual time run between looks at the wall clock.
const SLICE: u64 = TOD_PER_SECOND / 100;
/// Most instructions a step (F7, F8) runs looking for what it stops at.
pub const STEP_LIMIT: u64 = 5_000_000;
/// Most virtual time a step runs looking for what it stops at (every machine may be
/// waiting for a person): two seconds.
const STEP_TIME: u64 = 2 * TOD_PER_SECOND;
/// A frame, in seconds (what F9's armed run does per frame).
const FRAME_SECONDS: f64 = 0.05;
/// Most wall time one frame may spend running the machine.
const BUDGET: Duration = Duration::from_millis(35);
/// If the host falls further behind than this, forget the debt (no catch-up bursts).
const MAX_LAG: u64 = TOD_PER_SECOND / 2;

/// The speed presets F2 steps through: historical models, and no pacing at all.
pub const PRESETS: [(&str, Option<f64>); 4] = [
    ("360/67", Some(0.5)),
    ("370/158", Some(1.0)),
    ("370/168", Some(2.5)),
    ("full speed", None),
];

pub struct Live {
    pub system: System,
    title: String,
    model_mips: f64,
    /// The presets (PRESETS, after the scenario's own speed if it is none of them) and
    /// the one in use.
    presets: Vec<(String, Option<f64>)>,
    speed: usize,
    paused: bool,
    /// The trap log as shown: converted from the CPU's ring as traps come.
    traps: VecDeque<TrapLine>,
    player: Option<Player>,
    wall0: Instant,
    virt0: u64,
    status: Status,
    /// For the measured MIPS: instructions and wall time at the last measurement.
    meas: (u64, Instant),
    /// `--record`: what is typed, and when.
    recorder: Option<super::record::Recorder>,
    /// F9: pause once a trap after `armed_at` (the trap log's count then) is emulated.
    stop_at_trap: bool,
    armed_at: u64,
    /// What the last step did, for the CP panel.
    note: String,
    /// What the Popek and Goldberg meters are worked out from.
    meters: super::meters::MeterState,
    mips: f64,
}

impl Live {
    pub fn new(system: System, scenario: Option<&Scenario>, title: &str, model_mips: f64) -> Live {
        let mut system = system;
        system.machine.cpu.traps.enable();
        let virt0 = system.machine.now();
        let instr = system.machine.cpu.instructions;
        let mut presets: Vec<(String, Option<f64>)> =
            PRESETS.iter().map(|(n, m)| (n.to_string(), *m)).collect();
        let speed = match presets.iter().position(|p| p.1 == Some(model_mips)) {
            Some(i) => i,
            None => {
                presets.insert(0, (format!("{model_mips} MIPS"), Some(model_mips)));
                0
            }
        };
        Live {
            system,
            title: title.to_string(),
            model_mips,
            presets,
            speed,
            paused: false,
            traps: VecDeque::with_capacity(TRAP_LOG_SIZE),
            player: scenario.map(|s| {
                let mut p = Player::new(s, false);
                p.set_waits(true);
                p
            }),
            wall0: Instant::now(),
            virt0,
            status: Status::Running,
            meas: (instr, Instant::now()),
            mips: 0.0,
            meters: Default::default(),
            recorder: None,
            stop_at_trap: false,
            armed_at: 0,
            note: String::new(),
        }
    }

    /// Record from now on what is typed (by the scenario `s` this system was booted for,
    /// and by the person), for [`Live::finish_recording`].
    pub fn record(&mut self, s: &Scenario) -> Result<(), String> {
        self.recorder = Some(super::record::Recorder::new(s, &self.system)?);
        Ok(())
    }

    /// The recorded session as a scenario (see [`super::record`]); `None` if not
    /// recording.
    pub fn finish_recording(&mut self) -> Option<String> {
        let sys = &self.system;
        self.recorder.as_mut().map(|r| r.finish(sys))
    }

    /// Where the scenario is (`None`: none, or stopped by [`Live::stop_scenario`]).
    pub fn scenario_progress(&self) -> Option<Progress> {
        self.player.as_ref().map(Player::progress)
    }

    /// Stop the scenario where it is: the terminals are the person's.
    pub fn stop_scenario(&mut self) {
        self.player = None;
    }

    /// The speed preset in use: its name and MIPS (`None`: full speed).
    pub fn speed(&self) -> (&str, Option<f64>) {
        let (n, m) = &self.presets[self.speed];
        (n, *m)
    }

    /// Use preset `i` (of [`Live::speed`]'s list, wrapping): the CPU's instructions per
    /// second of virtual time change; pacing starts afresh from now.
    pub fn set_speed(&mut self, i: usize) {
        self.speed = i % self.presets.len();
        if let Some(mips) = self.presets[self.speed].1 {
            self.system.machine.cpu.step = ((TOD_PER_US as f64) / mips).round().max(1.0) as u64;
            self.model_mips = mips;
        }
        self.restart_pacing();
    }

    /// Pause the machine, or run it again (virtual time stands still meanwhile).
    pub fn set_paused(&mut self, paused: bool) {
        self.paused = paused;
        self.restart_pacing();
    }

    fn restart_pacing(&mut self) {
        self.virt0 = self.system.machine.now();
        self.wall0 = Instant::now();
        self.meas = (self.system.machine.cpu.instructions, Instant::now());
    }

    /// The user whose address space `cr1` is, or its hex value.
    fn user_of(&self, cr1: u32) -> String {
        self.system
            .address_spaces()
            .into_iter()
            .find(|(c, _)| *c == cr1)
            .map_or_else(|| format!("{cr1:06X}"), |(_, u)| u)
    }

    /// Is the CPU in the problem state (a virtual machine's instruction is next)?
    fn in_problem_state(&self) -> bool {
        self.system.machine.cpu.psw() & (1 << 48) != 0
    }

    /// F7: run until one instruction of a virtual machine has run (CP's instructions
    /// on the way, and its waits, do not count), at most [`STEP_LIMIT`] instructions.
    /// Returns whether one did.
    pub fn step_instruction(&mut self) -> bool {
        let give_up = self.system.machine.now().saturating_add(STEP_TIME);
        for _ in 0..STEP_LIMIT {
            if self.system.machine.now() >= give_up {
                break;
            }
            let guest = self.in_problem_state();
            let m = &mut self.system.machine;
            let (cr1, ia) = (m.cpu.cr[1], (m.cpu.psw() & 0x00FF_FFFF) as u32);
            let (n, t) = (m.cpu.instructions, m.now());
            self.status = m.run_instructions(1);
            if m.cpu.instructions == n && m.now() == t {
                // Nothing moves: every machine waits for a person.
                break;
            }
            if guest && m.cpu.instructions > n {
                let user = self.user_of(cr1);
                self.note = format!("stepped: one instruction of {user}'s, at {ia:06X}");
                self.restart_pacing();
                return true;
            }
        }
        self.note = "stepped: no virtual machine is ready to run".into();
        self.restart_pacing();
        false
    }

    /// F8: run until the next trap has been emulated and a virtual machine runs again
    /// (at most [`STEP_LIMIT`] instructions). Returns whether one was.
    pub fn step_trap(&mut self) -> bool {
        let start = self.system.machine.cpu.traps.written();
        let done = self.run_to_trap(start, STEP_LIMIT, STEP_TIME);
        self.note = match done {
            Some(seq) => {
                let e = self.system.machine.cpu.traps.get(seq).copied();
                match e {
                    Some(e) => format!(
                        "stepped to trap {seq}: {}, CP ran {}",
                        crate::disasm::disassemble(e.instruction()).0,
                        e.cp_instructions.unwrap_or(0)
                    ),
                    None => format!("stepped to trap {seq}"),
                }
            }
            None => "stepped: no trap yet (every machine waits)".into(),
        };
        self.restart_pacing();
        done.is_some()
    }

    /// Run, an instruction at a time, until a trap after `after` is closed (CP
    /// dispatched a machine after it), at most `limit` instructions and `time` of
    /// virtual time: its `seq`.
    fn run_to_trap(&mut self, after: u64, limit: u64, time: u64) -> Option<u64> {
        let m = &mut self.system.machine;
        let give_up = m.now().saturating_add(time);
        for _ in 0..limit {
            if m.now() >= give_up {
                break;
            }
            let (n, t) = (m.cpu.instructions, m.now());
            self.status = m.run_instructions(1);
            let log = &m.cpu.traps;
            if log.written() > after
                && log
                    .get(after + 1)
                    .is_none_or(|e| e.cp_instructions.is_some())
            {
                return Some(after + 1);
            }
            if m.cpu.instructions == n && m.now() == t {
                break;
            }
        }
        None
    }

    /// Run the machine: up to the wall clock, or at full speed for a frame's budget.
    fn pace(&mut self) {
        if self.paused || self.player.as_ref().is_some_and(Player::waiting) {
            self.mips = 0.0;
            return;
        }
        if self.stop_at_trap {
            // Armed: a frame's worth of instructions, one at a time, looking for the
            // trap after each.
            let budget = (self.model_mips * 1e6 * FRAME_SECONDS) as u64;
            if let Some(seq) =
                self.run_to_trap(self.armed_at, budget.max(1000), TOD_PER_SECOND / 20)
            {
                self.stop_at_trap = false;
                self.paused = true;
                self.note = format!("stopped at trap {seq} (F9)");
                self.restart_pacing();
            }
            return;
        }
        let full = self.speed().1.is_none();
        let start = Instant::now();
        // Full speed runs flat out while the machine computes, but waits no faster
        // than the wall clock (timers, typing).
        let paced = self.virt0.saturating_add(
            (start.duration_since(self.wall0).as_secs_f64() * TOD_PER_SECOND as f64) as u64,
        );
        let target = if full { u64::MAX } else { paced };
        loop {
            let now = self.system.machine.now();
            if now >= target || start.elapsed() >= BUDGET {
                break;
            }
            if full && now >= paced && self.status == Status::Waiting {
                break;
            }
            let to = now.saturating_add(SLICE).min(target);
            let playing = self
                .player
                .as_ref()
                .is_some_and(|p| p.progress() == Progress::Running);
            if playing {
                if let Some(p) = self.player.as_mut() {
                    match self.recorder.as_mut() {
                        Some(rec) => {
                            let mut t = super::record::Recording {
                                sys: &mut self.system,
                                rec,
                            };
                            p.advance(&mut t, to);
                        }
                        None => {
                            p.advance(&mut self.system, to);
                        }
                    }
                }
                self.status = self.system.machine.status();
                // A Speed step: its preset from now on; a Pause: wait for the key.
                let speed = self.player.as_mut().and_then(Player::take_speed);
                if let Some(sp) = speed {
                    if let Some(i) = self.presets.iter().position(|p| p.0 == sp) {
                        self.set_speed(i);
                    }
                    break;
                }
                if self.player.as_ref().is_some_and(Player::waiting) {
                    break;
                }
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
        if full
            || target.saturating_sub(now) > MAX_LAG
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

    /// Take the traps logged since the last look (see [`super::traps::collect`]).
    fn collect_traps(&mut self) {
        super::traps::collect(&mut self.traps, &self.system);
    }

    /// Copy what the screen shows into `m`.
    pub fn fill(&mut self, m: &mut Model) {
        self.collect_traps();
        let sys = &self.system;
        m.title.clone_from(&self.title);
        fill_machine(m, sys);
        let times = sys.vm_times();
        let direct: Vec<(String, u64)> = m
            .vms
            .iter()
            .map(|v| (v.userid.clone(), v.instructions))
            .collect();
        m.meters = self.meters.update(
            &times,
            &direct,
            sys.machine.now(),
            sys.machine.cpu.step,
            TOD_PER_SECOND,
        );
        m.model_mips = self.model_mips;
        m.speed = self.speed().0.to_string();
        m.paused = self.paused;
        m.stop_at_trap = self.stop_at_trap;
        m.note.clone_from(&self.note);
        m.traps.clear();
        m.traps.extend(self.traps.iter().cloned());
        m.mips = self.mips;
        m.tod = sys.machine.cpu.tod();
        m.machine = machine_state(self.status);
        match &self.player {
            None => {
                m.scenario.clear();
            }
            Some(p) => {
                fill_player(m, p, "the terminals are yours");
                m.waiting = p.waiting();
            }
        }
    }
}

/// Fill the model's machine side as the screen shows it: the virtual machines, each
/// terminal's text and user, and the operator's console (with OPERATOR, logged on there
/// when CP starts, if the directory has him). The live view and `play --cast` both use it.
pub fn fill_machine(m: &mut Model, sys: &System) {
    m.vms = sys.vm_status();
    m.paging = sys.paging();
    let user_at = |m: &Model, dev: u16| {
        m.vms
            .iter()
            .find(|v| v.terminal == dev)
            .map(|v| v.userid.clone())
    };
    let users: Vec<Option<String>> = sys.terminals.iter().map(|&d| user_at(m, d)).collect();
    let opuser = user_at(m, sys.operator);
    m.terminals
        .resize_with(sys.terminals.len(), TermView::default);
    for ((t, &dev), user) in m.terminals.iter_mut().zip(&sys.terminals).zip(users) {
        refresh(t, sys, dev, user);
    }
    let op = m.operator.get_or_insert_with(TermView::default);
    refresh(op, sys, sys.operator, opuser);
}

/// Fill the model from a scenario's player: caption, chapter, highlight, and where the
/// scenario is (`done`: what to say once it has ended).
pub fn fill_player(m: &mut Model, p: &Player, done: &str) {
    m.caption = p.caption().unwrap_or("").to_string();
    m.marker = p.marker().unwrap_or("").to_string();
    m.highlight = p.highlight();
    m.scenario = match p.progress() {
        Progress::Running => format!("step {} of {}", p.step_index() + 1, p.step_count()),
        Progress::Done => done.into(),
        Progress::Failed => match p.failure() {
            Some(f) => format!("stopped at step {}: {}", f.step + 1, f.message),
            None => "stopped".into(),
        },
    };
}

/// What the status line says of the machine.
pub fn machine_state(s: Status) -> String {
    match s {
        Status::Running => "running".into(),
        Status::Waiting => "waiting".into(),
        s => player::describe(s),
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
                if self.system.type_line(terminal, &text).is_ok()
                    && let Some(r) = self.recorder.as_mut()
                {
                    r.typed(&self.system, terminal, &text);
                }
            }
            Action::NextSpeed => self.set_speed(self.speed + 1),
            Action::Pause => self.set_paused(!self.paused),
            Action::Continue => {
                if let Some(p) = self.player.as_mut() {
                    p.resume();
                }
                self.restart_pacing();
            }
            Action::Step => {
                self.set_paused(true);
                self.step_instruction();
            }
            Action::StepTrap => {
                self.set_paused(true);
                self.step_trap();
            }
            Action::StopAtTrap => {
                self.stop_at_trap = !self.stop_at_trap;
                if self.stop_at_trap {
                    self.armed_at = self.system.machine.cpu.traps.written();
                    self.set_paused(false);
                }
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

/// Start the full-screen view: raw mode, the alternate screen, bracketed paste and the
/// mouse; a panic puts the terminal back as it was before it reports (ratatui's hook
/// restores the screen, this one turns the mouse and paste modes off first).
pub fn start_screen() -> Result<ratatui::DefaultTerminal, String> {
    let term = ratatui::try_init().map_err(|e| {
        format!(
            "cannot start the full-screen view: {e} (to print the transcript instead: \
             cpcms play --headless)"
        )
    })?;
    let _ = crossterm::execute!(
        std::io::stdout(),
        crossterm::event::EnableBracketedPaste,
        crossterm::event::EnableMouseCapture
    );
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(
            std::io::stdout(),
            crossterm::event::DisableMouseCapture,
            crossterm::event::DisableBracketedPaste
        );
        hook(info);
    }));
    Ok(term)
}

/// Put the terminal back as it was.
pub fn stop_screen() {
    let _ = crossterm::execute!(
        std::io::stdout(),
        crossterm::event::DisableMouseCapture,
        crossterm::event::DisableBracketedPaste
    );
    ratatui::restore();
}

/// Run the full-screen view on a booted system, playing `scenario`, until the person
/// quits; with `record`, then write the session there as a scenario.
pub fn run(
    system: System,
    scenario: &Scenario,
    record: Option<&std::path::Path>,
) -> Result<(), String> {
    let mut live = Live::new(system, Some(scenario), &scenario.title, scenario.mips);
    if record.is_some() {
        live.record(scenario)?;
    }
    let mut term = start_screen()?;
    let mut app = App::new(Model::default());
    let r = super::run_loop(&mut term, &mut app, &mut live, super::crossterm_event);
    stop_screen();
    live.system.machine.set_tracer(None);
    if let (Some(path), Some(text)) = (record, live.finish_recording()) {
        std::fs::write(path, text)
            .map_err(|e| format!("{}: cannot write the recording: {e}", path.display()))?;
    }
    r.map_err(|e| format!("terminal error: {e}"))
}
