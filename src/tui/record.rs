//! Recording a session: what the person typed (and what a scenario typed for them), on
//! which terminal and when in virtual time, written as a scenario that replays it, with
//! an Expect of the answer each line got.
//!
//! Replay is exact: the machine is deterministic in virtual time, a typed line enters at
//! the virtual time it was typed (a Sleep of exactly the time between two lines, to the
//! TOD unit), and each Expect comes just before the next line, when its answer has
//! already been printed, so that it takes no time.

use crate::cpu::TOD_PER_US;
use crate::devices::transcript::Transcript;
use crate::machine::Status;
use crate::scenario::Scenario;
use crate::scenario::player::Target;
use crate::scenario::units::{format_size, format_tod};
use crate::sysgen::System;

/// One typed line.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Typed {
    /// Virtual time it was typed.
    at: u64,
    terminal: usize,
    text: String,
    /// Where the terminal's transcript ended then (its answer comes after).
    mark: u64,
    /// The answer, once the next line is typed or the recording ends.
    answer: Option<String>,
}

/// What is being recorded.
#[derive(Clone, Debug)]
pub struct Recorder {
    /// The scenario's header as RON (everything but the steps).
    header: String,
    start: u64,
    typed: Vec<Typed>,
}

impl Recorder {
    /// Start recording a session on `sys` (booted for `s`) at its present virtual time.
    /// A scenario with a directory or real disks cannot be written back yet.
    pub fn new(s: &Scenario, sys: &System) -> Result<Recorder, String> {
        if !s.disks.is_empty() || !s.volumes.is_empty() {
            return Err(format!(
                "{}: --record: only a scenario with users: (no directory, no devices) can be \
                 written back as a scenario",
                s.file
            ));
        }
        let users: Vec<String> = s
            .users
            .iter()
            .map(|u| {
                format!(
                    "        (id: {}, password: {}, storage: \"{}\"),\n",
                    quote(&u.id),
                    quote(&u.password),
                    format_size(u.storage)
                )
            })
            .collect();
        let header = format!(
            "// Recorded by cpcms --record from {}: what was typed, on which terminal and when\n\
             // (virtual time), and the answer each line got. `cpcms play` replays it.\n\
             Scenario(\n    title: {},\n    machine: (storage: \"{}\", speed_mips: {:?}, date: \"{}\"),\n    \
             users: [\n{}    ],\n    terminals: {},\n",
            s.file,
            quote(&format!("{} (recorded)", s.title)),
            format_size(s.storage),
            s.mips,
            format_tod(s.tod_epoch),
            users.concat(),
            s.terminals
        );
        Ok(Recorder {
            header,
            start: sys.machine.now(),
            typed: Vec::new(),
        })
    }

    /// A line was typed on `terminal` just now (call it after typing it).
    pub fn typed<T: Target>(&mut self, t: &T, terminal: usize, text: &str) {
        self.answers(t);
        self.typed.push(Typed {
            at: t.now(),
            terminal,
            text: text.to_string(),
            mark: t.transcript(terminal).end(),
            answer: None,
        });
    }

    /// Take the answers of the lines typed so far: the first line each terminal printed
    /// after the line was typed that is not the line itself.
    fn answers<T: Target>(&mut self, t: &T) {
        for ty in self.typed.iter_mut().filter(|x| x.answer.is_none()) {
            let tr = t.transcript(ty.terminal);
            let (rest, _) = tr.since(ty.mark);
            // The line's echo: as typed, or the 3215's mask where CP inhibited its
            // print (a password).
            let mut echo = ty.text.trim_end().to_string();
            let line = rest.lines().map(str::trim_end).find(|l| {
                if !echo.is_empty() && (*l == echo || *l == crate::devices::console3215::MASK) {
                    echo.clear();
                    return false;
                }
                !l.trim().is_empty()
            });
            ty.answer = Some(line.unwrap_or("").to_string());
        }
    }

    /// The scenario: the header, then per line a Sleep to its time, an Expect of the
    /// answer of the line before (on its terminal), the line; at the end a Sleep to `t`'s
    /// present time and the last answer's Expect.
    pub fn finish<T: Target>(&mut self, t: &T) -> String {
        self.answers(t);
        let mut steps = String::new();
        let mut now = self.start;
        let mut pending: Option<(usize, String)> = None;
        let expect = |steps: &mut String, p: &mut Option<(usize, String)>| {
            if let Some((term, a)) = p.take()
                && !a.is_empty()
            {
                steps.push_str(&format!(
                    "        Expect(terminal: {term}, text: {}, within: \"0s\"),\n",
                    quote(&a)
                ));
            }
        };
        for ty in &self.typed {
            if ty.at > now {
                steps.push_str(&format!("        Sleep(\"{}\"),\n", exact(ty.at - now)));
                now = ty.at;
            }
            expect(&mut steps, &mut pending);
            steps.push_str(&format!(
                "        Type(terminal: {}, text: {}),\n",
                ty.terminal,
                quote(&ty.text)
            ));
            pending = Some((ty.terminal, ty.answer.clone().unwrap_or_default()));
        }
        let end = t.now();
        if end > now {
            steps.push_str(&format!("        Sleep(\"{}\"),\n", exact(end - now)));
        }
        expect(&mut steps, &mut pending);
        format!("{}    steps: [\n{steps}    ],\n)\n", self.header)
    }
}

/// A RON string.
fn quote(s: &str) -> String {
    ron::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// A duration in TOD units as a scenario writes it, to the TOD unit:
/// `1.000244140625us` for one microsecond and one unit.
pub fn exact(tod: u64) -> String {
    let (us, rem) = (tod / TOD_PER_US, tod % TOD_PER_US);
    if rem == 0 {
        return crate::scenario::units::format_duration(tod);
    }
    // 1/4096 = 0.000244140625: twelve decimals say any remainder exactly.
    let frac = format!("{:012}", rem * 244_140_625);
    format!("{us}.{}us", frac.trim_end_matches('0'))
}

/// The system as a scenario player drives it, with each typed line recorded.
pub struct Recording<'a> {
    pub sys: &'a mut System,
    pub rec: &'a mut Recorder,
}

impl Target for Recording<'_> {
    fn now(&self) -> u64 {
        Target::now(&*self.sys)
    }
    fn run_until(&mut self, t: u64) -> Status {
        Target::run_until(&mut *self.sys, t)
    }
    fn type_line(&mut self, terminal: usize, text: &str) -> Result<(), String> {
        Target::type_line(&mut *self.sys, terminal, text)?;
        self.rec.typed(&*self.sys, terminal, text);
        Ok(())
    }
    fn transcript(&self, terminal: usize) -> Transcript<'_> {
        Target::transcript(&*self.sys, terminal)
    }
    fn operator_transcript(&self) -> Transcript<'_> {
        Target::operator_transcript(&*self.sys)
    }
    fn terminals(&self) -> usize {
        Target::terminals(&*self.sys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::units::parse_duration;

    #[test]
    fn durations_are_exact_to_the_tod_unit() {
        for tod in [1, 4095, 4096, 4097, 123_456_789, 4096 * 1_000_000 + 7] {
            assert_eq!(parse_duration(&exact(tod)), Ok(tod), "{}", exact(tod));
        }
        assert_eq!(exact(4097), "1.000244140625us");
        assert_eq!(exact(4096 * 1000), "1ms");
    }
}
