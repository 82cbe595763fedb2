//! Popek and Goldberg's meters, per virtual machine: how much of its work ran directly
//! on the CPU (efficiency) and what part of the CPU it had lately (resource control).
//!
//! All of it is observed: the CPU counts the instructions each address space ran in the
//! problem state; CP publishes in each VMBLOK the CPU time it spent for the machine
//! (VMCTIME) and the machine's own (VMVTIME), and the live driver turns CP's time into
//! instructions at the speed the machine ran at (one instruction per `step` of the
//! CPU timer).

use std::collections::VecDeque;

/// One virtual machine's meters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meter {
    pub userid: String,
    /// Instructions the CPU ran directly for it, in the problem state.
    pub direct: u64,
    /// Instructions CP ran on its behalf (from VMCTIME; about).
    pub by_cp: u64,
    /// Its part of the CPU over the last [`WINDOW_SECONDS`] of virtual time (VMVTIME and
    /// VMCTIME together), 0.0 to 1.0; `None` until the window has begun.
    pub share: Option<f64>,
}

impl Meter {
    /// Popek and Goldberg's efficiency: the part of its instructions that ran directly,
    /// in percent (`None` before it ran any).
    pub fn efficiency(&self) -> Option<f64> {
        let all = self.direct + self.by_cp;
        (all > 0).then(|| self.direct as f64 * 100.0 / all as f64)
    }
}

/// The window the share is measured over, in seconds of virtual time.
pub const WINDOW_SECONDS: u64 = 5;

/// One line per meter, what it means: for the CP panel and the help.
pub const EXPLAIN: [(&str, &str); 4] = [
    ("DIRECT", "run by the real CPU itself, CP not involved"),
    ("BY CP", "run by CP for it: what it trapped, its I/O"),
    ("EFFIC", "DIRECT of all: Popek & Goldberg's efficiency"),
    ("SHARE", "its part of the CPU, last 5 s: resource control"),
];

/// What the live driver keeps between frames to work the meters out.
#[derive(Clone, Debug, Default)]
pub struct MeterState {
    /// Per user: VMCTIME at the last look and CP's instructions so far.
    cp: Vec<(String, u64, u64)>,
    /// Samples (virtual time, per user VMVTIME + VMCTIME), oldest first, a few a second.
    samples: VecDeque<(u64, Vec<(String, u64)>)>,
}

impl MeterState {
    /// Take a look: `times` per user (userid, VMVTIME, VMCTIME), `direct` the CPU's
    /// problem-state count per user, `now` virtual time, `step` the CPU timer's units per
    /// instruction now, `second` the TOD units of a second.
    pub fn update(
        &mut self,
        times: &[(String, u64, u64)],
        direct: &[(String, u64)],
        now: u64,
        step: u64,
        second: u64,
    ) -> Vec<Meter> {
        let step = step.max(1);
        let mut cp = Vec::with_capacity(times.len());
        for (u, _, ctime) in times {
            let (last, n) = self
                .cp
                .iter()
                .find(|(v, _, _)| v == u)
                .map_or((0, 0), |(_, l, n)| (*l, *n));
            // A smaller VMCTIME: logged off and on again, a new machine.
            let (last, n) = if *ctime < last { (0, 0) } else { (last, n) };
            cp.push((u.clone(), *ctime, n + (ctime - last) / step));
        }
        self.cp = cp;
        let total: Vec<(String, u64)> = times
            .iter()
            .map(|(u, v, c)| (u.clone(), v.saturating_add(*c)))
            .collect();
        if self
            .samples
            .back()
            .is_none_or(|(t, _)| now >= t + second / 4 || now < *t)
        {
            self.samples.push_back((now, total.clone()));
        }
        while self.samples.len() > 2
            && self
                .samples
                .get(1)
                .is_some_and(|(t, _)| now.saturating_sub(*t) >= WINDOW_SECONDS * second)
        {
            self.samples.pop_front();
        }
        let first = self.samples.front();
        times
            .iter()
            .map(|(u, _, _)| {
                let share = first.and_then(|(t0, then)| {
                    let dt = now.checked_sub(*t0).filter(|d| *d > 0)?;
                    let was = then.iter().find(|(v, _)| v == u).map_or(0, |x| x.1);
                    let is = total.iter().find(|(v, _)| v == u).map_or(0, |x| x.1);
                    Some((is.saturating_sub(was) as f64 / dt as f64).min(1.0))
                });
                Meter {
                    userid: u.clone(),
                    direct: direct.iter().find(|(v, _)| v == u).map_or(0, |x| x.1),
                    by_cp: self.cp.iter().find(|(v, _, _)| v == u).map_or(0, |x| x.2),
                    share,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn efficiency_and_share() {
        let mut s = MeterState::default();
        let t = |v: u64, c: u64| vec![("ALICE".to_string(), v, c), ("BOB".to_string(), 0, 0)];
        let d = vec![("ALICE".to_string(), 900)];
        let m = s.update(&t(0, 0), &d, 0, 10, 1000);
        assert_eq!(m[0].share, None);
        // In one second ALICE ran 600 units herself and CP 100 for her: 70%.
        let m = s.update(&t(600, 100), &d, 1000, 10, 1000);
        assert_eq!(m[0].by_cp, 10);
        assert_eq!(m[0].efficiency(), Some(900.0 * 100.0 / 910.0));
        assert_eq!(m[0].share, Some(0.7));
        assert_eq!(m[1].share, Some(0.0));
        assert_eq!(m[1].efficiency(), None);
        // The window slides: after 10 more seconds of nothing, the share is back to 0.
        for i in 2..=12 {
            s.update(&t(600, 100), &d, i * 1000, 10, 1000);
        }
        let m = s.update(&t(600, 100), &d, 13_000, 10, 1000);
        assert_eq!(m[0].share, Some(0.0));
        assert!(s.samples.len() <= 4 * WINDOW_SECONDS as usize + 2);
        // Logged off and on: CP's count starts again.
        let m = s.update(&t(0, 50), &d, 14_000, 10, 1000);
        assert_eq!(m[0].by_cp, 5);
    }
}
