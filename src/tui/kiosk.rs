//! Kiosk mode: the narrated scenarios play in a loop; any key gives the visitor the
//! terminals; after some minutes without a key the narration starts again.
//!
//! The loop's logic is [`KioskLoop`], a state machine fed with the time (milliseconds,
//! from whatever clock: the wall clock in the exhibit, virtual time in the tests and the
//! soak) and what happened; it answers with what to do. [`run`] drives it on the screen,
//! [`soak`] headless.

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::Backend;

use super::live::Live;
use super::{App, Driver, Event, FRAME, Model};
use crate::scenario::Scenario;
use crate::scenario::player::{Player, Progress};
use crate::sysgen::System;

/// How long the last screen of a finished scenario stays before the next one, in ms.
pub const LINGER_MS: u64 = 8_000;
/// The idle time when none is given: three minutes.
pub const DEFAULT_IDLE_MS: u64 = 3 * 60 * 1000;

/// What the kiosk shows now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Scenario `n` plays, with its captions.
    Narrating(usize),
    /// A visitor has the terminals (the scenario stopped where it was).
    Visitor,
}

/// What the kiosk asks its driver to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Start a fresh system and play scenario `n` on it.
    Play(usize),
    /// Stop the narration: the terminals are the visitor's.
    GiveTerminals,
}

/// The kiosk's loop, without a screen or a clock of its own.
#[derive(Clone, Debug)]
pub struct KioskLoop {
    scenarios: usize,
    idle_ms: u64,
    mode: Mode,
    /// When the visitor last pressed a key.
    last_input: u64,
    /// When the scenario playing finished (it lingers, then the next one starts).
    finished_at: Option<u64>,
    /// Scenarios started, and times the loop went back to the narration after a visitor.
    pub plays: u64,
    pub resets: u64,
}

impl KioskLoop {
    /// A loop over `scenarios` scenarios (at least one) that gives up on a visitor after
    /// `idle_ms` without a key; the first command (play the first scenario) with it.
    pub fn new(scenarios: usize, idle_ms: u64) -> (KioskLoop, Command) {
        let k = KioskLoop {
            scenarios: scenarios.max(1),
            idle_ms,
            mode: Mode::Narrating(0),
            last_input: 0,
            finished_at: None,
            plays: 1,
            resets: 0,
        };
        (k, Command::Play(0))
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// A key was pressed at `now`.
    pub fn input(&mut self, now: u64) -> Option<Command> {
        self.last_input = now;
        match self.mode {
            Mode::Narrating(_) => {
                self.mode = Mode::Visitor;
                self.finished_at = None;
                Some(Command::GiveTerminals)
            }
            Mode::Visitor => None,
        }
    }

    /// Time passes: it is `now`, and the scenario playing has `finished` (or not).
    pub fn tick(&mut self, now: u64, finished: bool) -> Option<Command> {
        match self.mode {
            Mode::Narrating(n) => {
                if !finished {
                    self.finished_at = None;
                    return None;
                }
                let at = *self.finished_at.get_or_insert(now);
                if now.saturating_sub(at) < LINGER_MS {
                    return None;
                }
                Some(self.play((n + 1) % self.scenarios))
            }
            Mode::Visitor => {
                if now.saturating_sub(self.last_input) < self.idle_ms {
                    return None;
                }
                self.resets += 1;
                Some(self.play(0))
            }
        }
    }

    fn play(&mut self, n: usize) -> Command {
        self.mode = Mode::Narrating(n);
        self.finished_at = None;
        self.plays += 1;
        Command::Play(n)
    }
}

/// What the caption says while a visitor has the terminals.
pub fn visitor_caption(idle_ms: u64) -> String {
    format!(
        "The terminals are yours: log on as a user the story used, type commands; Tab: next \
         terminal, ?: help. After {} without a key the show starts again.",
        minutes(idle_ms)
    )
}

fn minutes(ms: u64) -> String {
    if ms >= 60_000 && ms.is_multiple_of(60_000) {
        let m = ms / 60_000;
        format!("{m} minute{}", if m == 1 { "" } else { "s" })
    } else {
        format!("{} seconds", ms / 1000)
    }
}

/// The scenarios in `dir` (every `*.ron`, in name order); an error names the file.
pub fn scenarios_in(dir: &std::path::Path) -> Result<Vec<Scenario>, String> {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("{}: no scenario files (*.ron)", dir.display()));
    }
    files
        .iter()
        .map(|f| Scenario::load(f).map_err(|e| e.to_string()))
        .collect()
}

/// Boot a system for `s`.
fn boot(s: &Scenario) -> Result<System, String> {
    System::boot(&s.sys_config(), None).map_err(|e| format!("{}: {e}", s.file))
}

/// The kiosk on the screen, until Ctrl-C: `next_event` gives the input (crossterm's in
/// real use), the wall clock the time.
pub fn run<B: Backend>(
    term: &mut Terminal<B>,
    scenarios: &[Scenario],
    idle_ms: u64,
    mut next_event: impl FnMut(Duration) -> std::io::Result<Option<Event>>,
) -> Result<(), String> {
    let t0 = Instant::now();
    let ms = || t0.elapsed().as_millis() as u64;
    let (mut k, first) = KioskLoop::new(scenarios.len(), idle_ms);
    let mut app = App::new(Model::default());
    app.kiosk = true;
    let mut live = start(scenarios, first, &mut app)?;
    let mut next_frame = Instant::now();
    while !app.quit {
        if Instant::now() >= next_frame {
            live.tick(&mut app.model);
            app.update(Event::Tick);
            if k.mode() == Mode::Visitor {
                app.model.caption = visitor_caption(idle_ms);
            }
            next_frame = Instant::now() + FRAME;
        }
        app.render(term)
            .map_err(|e| format!("terminal error: {e}"))?;
        let timeout = next_frame.saturating_duration_since(Instant::now());
        let ev = next_event(timeout).map_err(|e| format!("terminal error: {e}"))?;
        let finished = live.scenario_progress() != Some(Progress::Running);
        let cmd = match ev {
            Some(Event::Key(key))
                if key
                    .modifiers
                    .contains(crossterm::event::KeyModifiers::CONTROL)
                    && matches!(key.code, crossterm::event::KeyCode::Char('c' | 'C')) =>
            {
                // Ctrl-C, the staff's key, ends the kiosk whatever it shows.
                app.quit = true;
                None
            }
            Some(Event::Key(key)) => {
                let c = k.input(ms());
                if c.is_none() {
                    for a in app.update(Event::Key(key)) {
                        live.apply(a);
                    }
                }
                c
            }
            Some(e @ (Event::Resize(..) | Event::Paste(_) | Event::Click(..))) => {
                let c = if matches!(e, Event::Resize(..)) {
                    None
                } else {
                    k.input(ms())
                };
                for a in app.update(e) {
                    live.apply(a);
                }
                c
            }
            Some(Event::Tick) | None => k.tick(ms(), finished),
        };
        match cmd {
            Some(Command::GiveTerminals) => {
                live.stop_scenario();
                app.model.caption = visitor_caption(idle_ms);
            }
            Some(c @ Command::Play(_)) => live = start(scenarios, c, &mut app)?,
            None => {}
        }
    }
    Ok(())
}

/// A fresh system playing the scenario `c` names, and a fresh screen for it.
fn start(scenarios: &[Scenario], c: Command, app: &mut App) -> Result<Live, String> {
    let Command::Play(n) = c else {
        return Err("nothing to play".into());
    };
    let s = &scenarios[n % scenarios.len()];
    let live = Live::new(boot(s)?, Some(s), &s.title, s.mips);
    let size = app.size;
    *app = App::new(Model::default());
    app.kiosk = true;
    app.size = size;
    Ok(live)
}

/// What a headless soak measured.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SoakReport {
    /// Scenarios played to their end.
    pub runs: u64,
    /// Times the loop went back to the narration after a (simulated) visitor.
    pub resets: u64,
    /// Virtual time the loop ran, seconds.
    pub virtual_seconds: f64,
    /// Resident set size at the start and the end, KiB (0 where /proc is not there).
    pub rss_start_kib: u64,
    pub rss_end_kib: u64,
}

/// This process's resident set size, KiB (Linux's /proc/self/status), or 0.
pub fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Play the kiosk's loop headless in virtual time: each scenario to its end, lingering,
/// the next; every `visit_every`-th run a visitor presses a key halfway and walks away
/// (the loop must go back to the narration after `idle_ms`). Stops after `runs`
/// scenario runs or `wall` of wall time, whichever comes first.
pub fn soak(
    scenarios: &[Scenario],
    runs: u64,
    wall: Duration,
    idle_ms: u64,
    visit_every: u64,
) -> Result<SoakReport, String> {
    let t0 = Instant::now();
    let mut rep = SoakReport {
        rss_start_kib: rss_kib(),
        ..SoakReport::default()
    };
    let (mut k, mut cmd) = KioskLoop::new(scenarios.len(), idle_ms);
    // Virtual milliseconds since the kiosk started, over every system it booted.
    let mut clock_ms: u64 = 0;
    while rep.runs < runs && t0.elapsed() < wall {
        let Command::Play(n) = cmd else {
            return Err("the kiosk asked for no scenario".into());
        };
        let s = &scenarios[n % scenarios.len()];
        let mut sys = boot(s)?;
        let mut p = Player::new(s, false);
        let start = sys.machine.now();
        let ms_of = |sys: &System| (sys.machine.now() - start) / crate::cpu::TOD_PER_US / 1000;
        let visit = visit_every > 0 && (rep.runs + 1).is_multiple_of(visit_every);
        let slice = crate::cpu::TOD_PER_SECOND / 10;
        let mut next = None;
        let mut visited = false;
        while next.is_none() {
            let to = sys.machine.now() + slice;
            let progress = if k.mode() == Mode::Visitor {
                sys.machine.run_until(to);
                Progress::Running
            } else {
                let pr = p.advance(&mut sys, to);
                if pr != Progress::Running {
                    // Finished: the last screen lingers, the machine runs on.
                    sys.machine.run_until(to);
                }
                pr
            };
            let now = clock_ms + ms_of(&sys);
            if visit
                && !visited
                && k.mode() != Mode::Visitor
                && p.step_index() * 2 >= p.step_count()
            {
                visited = true;
                if k.input(now) != Some(Command::GiveTerminals) {
                    return Err("a key did not give the visitor the terminals".into());
                }
                continue;
            }
            let finished = progress != Progress::Running;
            if progress == Progress::Failed {
                let f = p.failure().map(|f| f.to_string()).unwrap_or_default();
                return Err(format!("{}: failed in the kiosk loop: {f}", s.file));
            }
            next = k.tick(now, finished);
        }
        clock_ms += ms_of(&sys);
        rep.runs += 1;
        cmd = next.unwrap_or(Command::Play(0));
    }
    rep.resets = k.resets;
    rep.virtual_seconds = clock_ms as f64 / 1000.0;
    rep.rss_end_kib = rss_kib();
    Ok(rep)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The loop in virtual time: narration, the next scenario after the linger, a key
    /// gives the visitor the terminals, keys keep them, idle time gives them back.
    #[test]
    fn the_loop_resets_after_idle() {
        let idle = 3 * 60 * 1000;
        let (mut k, c) = KioskLoop::new(3, idle);
        assert_eq!(c, Command::Play(0));
        assert_eq!(k.tick(1_000, false), None);
        // Scenario 0 ends at 60 s; it lingers, then scenario 1.
        assert_eq!(k.tick(60_000, true), None);
        assert_eq!(k.tick(60_000 + LINGER_MS - 1, true), None);
        assert_eq!(k.tick(60_000 + LINGER_MS, true), Some(Command::Play(1)));
        assert_eq!(k.mode(), Mode::Narrating(1));
        // A visitor presses a key at 100 s.
        assert_eq!(k.input(100_000), Some(Command::GiveTerminals));
        assert_eq!(k.mode(), Mode::Visitor);
        // The visitor types for a while: each key keeps the terminals.
        for t in (100_000..400_000).step_by(30_000) {
            assert_eq!(k.input(t), None);
            assert_eq!(k.tick(t + 1, true), None);
        }
        let last = 370_000;
        assert_eq!(
            k.tick(last + idle - 1, false),
            None,
            "not yet idle long enough"
        );
        assert_eq!(
            k.tick(last + idle, false),
            Some(Command::Play(0)),
            "back to the show"
        );
        assert_eq!(k.mode(), Mode::Narrating(0));
        assert_eq!(k.resets, 1);
        // The loop wraps around.
        let (mut k, _) = KioskLoop::new(2, idle);
        k.tick(0, true);
        assert_eq!(k.tick(LINGER_MS, true), Some(Command::Play(1)));
        k.tick(LINGER_MS + 1, true);
        assert_eq!(k.tick(2 * LINGER_MS + 1, true), Some(Command::Play(0)));
        assert_eq!(k.plays, 3);
    }

    #[test]
    fn the_caption_says_how_long() {
        assert!(visitor_caption(DEFAULT_IDLE_MS).contains("After 3 minutes without a key"));
        assert!(visitor_caption(60_000).contains("1 minute without"));
        assert!(visitor_caption(90_000).contains("90 seconds"));
    }
}
