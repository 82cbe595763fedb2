//! Publishing a scenario: its headless run written for others to read or watch.
//!
//! - the transcript (what `cpcms play --headless` prints) into a file;
//! - [`html`]: a self-contained web page of the terminals' transcripts, chapter by
//!   chapter, for a course website;
//! - [`cast`]: an asciinema v2 recording of the full-screen view.
//!
//! All three come from one headless run in virtual time, so each is the same byte for
//! byte on every run. The recording looks at the machine between the player's slices
//! ([`Player::advance_with`]) and never changes where they fall: the transcript of a run
//! that records is the transcript of one that does not.

pub mod cast;
pub mod html;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cpu::TOD_PER_SECOND;
use crate::scenario::Scenario;
use crate::scenario::player::{Failure, Player, Progress};
use crate::sysgen::System;

/// What a headless run writes besides (or instead of) standard output.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Print the transcript on standard output (`--headless`).
    pub stdout: bool,
    pub transcript: Option<PathBuf>,
    pub html: Option<PathBuf>,
    pub cast: Option<PathBuf>,
    /// The recorded screen's columns and rows.
    pub cast_size: (u16, u16),
}

/// The recorded screen's size unless told: room for three terminals side by side.
pub const DEFAULT_CAST_SIZE: (u16, u16) = (120, 40);

/// Smallest and largest recorded screens (the full-screen view works from 80x24).
pub const MIN_CAST_SIZE: (u16, u16) = (80, 24);
pub const MAX_CAST_SIZE: (u16, u16) = (400, 200);

/// `WxH`, e.g. `120x40`, within [`MIN_CAST_SIZE`] and [`MAX_CAST_SIZE`].
pub fn parse_cast_size(s: &str) -> Result<(u16, u16), String> {
    let bad = || {
        format!(
            "cast size \"{s}\": write COLUMNSxROWS, from {}x{} to {}x{} (e.g. 120x40)",
            MIN_CAST_SIZE.0, MIN_CAST_SIZE.1, MAX_CAST_SIZE.0, MAX_CAST_SIZE.1
        )
    };
    let (w, h) = s.split_once(['x', 'X']).ok_or_else(bad)?;
    let w: u16 = w.trim().parse().map_err(|_| bad())?;
    let h: u16 = h.trim().parse().map_err(|_| bad())?;
    if !(MIN_CAST_SIZE.0..=MAX_CAST_SIZE.0).contains(&w)
        || !(MIN_CAST_SIZE.1..=MAX_CAST_SIZE.1).contains(&h)
    {
        return Err(bad());
    }
    Ok((w, h))
}

/// How a run ended.
#[derive(Debug)]
pub struct Outcome {
    pub progress: Progress,
    pub failure: Option<Failure>,
}

/// A file that cannot be written, with its name.
fn create(path: &Path) -> Result<std::io::BufWriter<std::fs::File>, String> {
    std::fs::File::create(path)
        .map(std::io::BufWriter::new)
        .map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

fn written(path: &Path, r: std::io::Result<()>) -> Result<(), String> {
    r.map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

/// Play `s` headless on `sys` flat out, in one-second virtual chunks (so a long
/// transcript streams out), writing what `o` asks for. Errors are files that cannot be
/// written; an Expect not met is in the [`Outcome`] (the files are written all the same:
/// they show what happened).
pub fn play(s: &Scenario, sys: &mut System, o: &Options) -> Result<Outcome, String> {
    let stdout = std::io::stdout();
    let mut out = o.stdout.then(|| std::io::BufWriter::new(stdout.lock()));
    let mut file = match &o.transcript {
        Some(p) => Some((p, create(p)?)),
        None => None,
    };
    // The page needs the whole transcript; nothing else keeps it.
    let mut lines: Vec<String> = Vec::new();
    let keep = o.html.is_some();
    let mut rec = o
        .cast
        .as_ref()
        .map(|_| cast::Recorder::new(sys, s, o.cast_size));
    let mut player = Player::new(s, true);
    let mut emit = |l: &str| -> Result<(), String> {
        if let Some(w) = out.as_mut() {
            let _ = writeln!(w, "{l}");
        }
        if let Some((p, w)) = file.as_mut() {
            written(p, writeln!(w, "{l}"))?;
        }
        if keep {
            lines.push(l.to_string());
        }
        Ok(())
    };
    let progress = loop {
        let limit = sys.machine.now().saturating_add(TOD_PER_SECOND);
        let r = match rec.as_mut() {
            Some(c) => player.advance_with(sys, limit, &mut |t, p| c.observe(t, p)),
            None => player.advance(sys, limit),
        };
        for l in player.drain_output() {
            emit(&l)?;
        }
        if r != Progress::Running {
            break r;
        }
    };
    player.finish(sys);
    for l in player.drain_output() {
        emit(&l)?;
    }
    if let Some(w) = out.as_mut() {
        let _ = w.flush();
    }
    if let Some((p, w)) = file.as_mut() {
        written(p, w.flush())?;
    }
    let failure = player.failure().cloned();
    if let (Some(p), Some(c)) = (&o.cast, rec.as_mut()) {
        c.end(sys, &player);
        let mut w = create(p)?;
        written(p, c.write(&mut w).and_then(|_| w.flush()))?;
    }
    if let Some(p) = &o.html {
        let labels = html::Labels::of(sys);
        let page = html::page(s, &labels, &lines, failure.as_ref());
        let mut w = create(p)?;
        written(p, w.write_all(page.as_bytes()).and_then(|_| w.flush()))?;
    }
    Ok(Outcome { progress, failure })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cast_sizes() {
        assert_eq!(parse_cast_size("120x40"), Ok((120, 40)));
        assert_eq!(parse_cast_size("80X24"), Ok((80, 24)));
        for bad in [
            "", "120", "x40", "79x24", "120x201", "axb", "120x40x2", "-1x30",
        ] {
            let e = parse_cast_size(bad).unwrap_err();
            assert!(
                e.contains("write COLUMNSxROWS, from 80x24 to 400x200"),
                "{e}"
            );
        }
    }
}
