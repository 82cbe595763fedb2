//! Keeping hostile programs running for a long time (the hostile suite: see tests/hostile.rs).

use super::*;

/// A hostile program the harness keeps running: after a disabled wait (CP stops the
/// machine, as it must) or, for a program with a progress counter, when the counter has
/// stood still for `stall` (an enabled wait nothing will end, or a loop it jumped into),
/// the harness starts it again from its origin with `STORE PSW` and `BEGIN`, as its user
/// could - planting it again first when its code was overwritten.
pub(crate) struct Runner {
    pub(crate) user: usize,
    pub(crate) id: String,
    /// The program's name (tests/hostile/NAME.asm).
    pub(crate) name: String,
    pub(crate) prog: Assembly,
    /// The word it counts its progress in (None: restarted only when stopped).
    pub(crate) counter: Option<u32>,
    /// The parts of its image that are code and constants, which must stay as assembled.
    pub(crate) code: Vec<std::ops::Range<u32>>,
    pub(crate) stall: u64,
    pub(crate) last: u32,
    pub(crate) since: u64,
    /// Progress counted before a re-plant set the counter back to its assembled value.
    pub(crate) done_before: u64,
    /// Words of statistics the program keeps (address, how many), which a re-plant
    /// sets back to their assembled values too, and their sums before the re-plants.
    pub(crate) tally: Option<(u32, usize)>,
    pub(crate) tally_before: Vec<u64>,
    /// Words whose values a re-plant keeps (a random generator's state: planted
    /// afresh, it would run the same instructions to the same damage again).
    pub(crate) keep: Vec<u32>,
    pub(crate) stopped: u32,
    pub(crate) stuck: u32,
    pub(crate) replanted: u32,
    /// The first few PSWs it stopped or stuck with, for the report.
    pub(crate) samples: Vec<String>,
    /// Where and when its code was found changed, the first few times.
    pub(crate) changes: Vec<String>,
}

impl Runner {
    /// `prog` for user `user`; `counter` names its progress word, `code` the symbols
    /// bounding its constant parts (start, end pairs; None for the whole image).
    pub(crate) fn new(
        rig: &Rig,
        user: usize,
        name: &str,
        prog: Assembly,
        counter: Option<&str>,
        code: Option<&[(&str, &str)]>,
        stall: u64,
    ) -> Runner {
        let sym = |s: &str| {
            prog.symbols
                .get(s)
                .unwrap_or_else(|| panic!("no symbol {s}"))
                .value
        };
        let code = match code {
            Some(pairs) => pairs.iter().map(|(a, b)| sym(a)..sym(b)).collect(),
            None => {
                let whole = prog.origin..prog.origin + prog.image.len() as u32;
                vec![whole]
            }
        };
        Runner {
            user,
            id: rig.users[user].id.clone(),
            name: name.to_string(),
            counter: counter.map(sym),
            code,
            prog,
            stall,
            last: 0,
            since: 0,
            done_before: 0,
            tally: None,
            tally_before: Vec::new(),
            keep: Vec::new(),
            stopped: 0,
            stuck: 0,
            replanted: 0,
            samples: Vec::new(),
            changes: Vec::new(),
        }
    }

    pub(crate) fn plant(&mut self, rig: &mut Rig) {
        rig.plant(self.user, &self.prog);
    }

    pub(crate) fn start(&mut self, rig: &mut Rig) {
        rig.start(self.user, self.prog.origin);
        self.since = rig.now();
    }

    /// Count the `n` words at symbol `at` across re-plants ([`Runner::tallied`]).
    pub(crate) fn tallying(mut self, at: &str, n: usize) -> Runner {
        self.tally = Some((self.prog.symbols[at].value, n));
        self.tally_before = vec![0; n];
        self
    }

    /// Keep the word at symbol `at` across re-plants.
    pub(crate) fn keeping(mut self, at: &str) -> Runner {
        self.keep.push(self.prog.symbols[at].value);
        self
    }

    /// The words of its tally as they stand now.
    fn tally_now(&self, rig: &Rig) -> Vec<u64> {
        let Some((at, n)) = self.tally else {
            return Vec::new();
        };
        let b = rig.guest_bytes(&self.id, at, 4 * n as u32);
        b.chunks(4)
            .map(|w| u64::from(u32::from_be_bytes([w[0], w[1], w[2], w[3]])))
            .collect()
    }

    /// Its tally so far, summed across re-plants (empty without [`Runner::tallying`]).
    pub(crate) fn tallied(&self, rig: &Rig) -> Vec<u64> {
        let now = self.tally_now(rig);
        self.tally_before
            .iter()
            .zip(now)
            .map(|(a, b)| a + b)
            .collect()
    }

    /// Its progress so far (counted across re-plants).
    pub(crate) fn progress(&self, rig: &Rig) -> u64 {
        self.done_before
            + self
                .counter
                .map_or(0, |c| rig.guest_word(&self.id, c) as u64)
    }

    /// The first address of its code that is not as assembled.
    pub(crate) fn damaged(&self, rig: &Rig) -> Option<u32> {
        self.code.iter().find_map(|r| {
            let now = rig.guest_bytes(&self.id, r.start, r.end - r.start);
            let off = (r.start - self.prog.origin) as usize;
            let want = &self.prog.image[off..off + now.len()];
            now.iter()
                .zip(want)
                .position(|(a, b)| a != b)
                .map(|i| r.start + i as u32)
        })
    }

    /// Look at it; when it stopped or stands still, reset its machine and start it
    /// again (planted again first if its code changed).
    pub(crate) fn tend(&mut self, rig: &mut Rig) -> Result<(), String> {
        if rig.vmblok(&self.id).is_none() {
            return Err(format!("{} is no longer logged on", self.id));
        }
        let now = rig.now();
        let stopped = rig.stopped(&self.id);
        if let Some(c) = self.counter {
            let n = rig.guest_word(&self.id, c);
            if n != self.last {
                (self.last, self.since) = (n, now);
            }
        }
        let stuck = self.counter.is_some() && now - self.since >= self.stall;
        if !stopped && !stuck {
            return Ok(());
        }
        if stopped {
            self.stopped += 1;
        } else {
            self.stuck += 1;
        }
        let damaged = self.damaged(rig);
        if self.samples.len() < 6 {
            self.samples.push(format!(
                "{} with PSW {:016X} at {:.1} s{}",
                if stopped { "stopped" } else { "stuck" },
                rig.vm_psw(&self.id),
                now as f64 / SEC as f64,
                damaged.map_or(String::new(), |a| format!(", code changed at {a:06X}"))
            ));
        }
        if let Some(a) = damaged {
            if self.changes.len() < 4 {
                self.changes
                    .push(format!("{a:06X} at {:.1} s", now as f64 / SEC as f64));
            }
            self.done_before = self.progress(rig);
            self.tally_before = self.tallied(rig);
            self.replanted += 1;
            let kept: Vec<(u32, Vec<u8>)> = self
                .keep
                .iter()
                .map(|&a| (a, rig.guest_bytes(&self.id, a, 4)))
                .collect();
            self.plant(rig);
            for (a, w) in kept {
                let hex: String = w.iter().map(|b| format!("{b:02X}")).collect();
                rig.type_line(self.user, &format!("#CP STORE S{a:06X} {hex}"));
                rig.wait_for(self.user, "STORE COMPLETE", SEC)?;
            }
        }
        // A reset first: what holds it may be its control registers (low-address
        // protection on, so its own handler's store into X'58' is a program check).
        rig.type_line(self.user, "#CP SYSTEM RESET");
        let _ = rig.wait_for(self.user, "SYSTEM RESET", 5 * SEC);
        rig.type_line(
            self.user,
            &format!("#CP STORE PSW 00000000 {:08X}", self.prog.origin),
        );
        // (CP may still be typing the program's own output; the line waits its turn.)
        let _ = rig.wait_for(self.user, "STORE COMPLETE", 5 * SEC);
        rig.type_line(self.user, "#CP BEGIN");
        self.last = self.counter.map_or(0, |c| rig.guest_word(&self.id, c));
        self.since = rig.now();
        Ok(())
    }

    pub(crate) fn report(&self, rig: &Rig) -> String {
        let progress = match self.counter {
            Some(_) => format!(
                "progress {}, restarted {} times when stuck, ",
                self.progress(rig),
                self.stuck
            ),
            None => String::new(),
        };
        format!(
            "{} ({}): {progress}restarted {} times after a stop, planted again {} times{}{}",
            self.id,
            self.name,
            self.stopped,
            self.replanted,
            if self.changes.is_empty() {
                String::new()
            } else {
                format!(" (code changed at {})", self.changes.join(", "))
            },
            if self.samples.is_empty() {
                String::new()
            } else {
                format!("; first: {}", self.samples.join("; "))
            }
        )
    }
}

impl Rig {
    /// What CP's tables say about every machine and terminal, for a report: per user
    /// VMSTATE, VMPSW, the console's VCSTAT, its terminal's RDEVFLAG and queue count.
    pub(crate) fn state_dump(&self) -> String {
        let m = &self.sys.machine;
        let byte = |a: u32| m.peek(a, 1).unwrap()[0];
        let rdev_len = self.sym("RDEVLEN");
        let mut out = Vec::new();
        for (i, u) in self.users.iter().enumerate() {
            let rdev = self.sym("RDEVTAB") + (i as u32 + 1) * rdev_len;
            let term = format!(
                "terminal flags {:02X} queue {}",
                byte(rdev + self.sym("RDEVFLAG")),
                self.half(rdev + self.sym("RDEVQCNT"))
            );
            match self.vmblok(&u.id) {
                Some(vm) => out.push(format!(
                    "{}: state {} PSW {:016X} console {:02X} minidisk {:02X}, {term}",
                    u.id,
                    byte(vm + self.sym("VMSTATE")),
                    self.vm_psw(&u.id),
                    byte(vm + self.sym("VCSTAT")),
                    byte(vm + self.sym("VDSTAT")),
                )),
                None => out.push(format!("{}: not logged on, {term}", u.id)),
            }
        }
        out.join("; ")
    }

    /// A word of a user's storage.
    pub(crate) fn guest_word(&self, id: &str, addr: u32) -> u32 {
        u32::from_be_bytes(self.guest_bytes(id, addr, 4).try_into().unwrap())
    }

    /// Run until the user's machine is back in its console read (VM READ), at most 2 s:
    /// from then on CMS does nothing until a line comes, so its storage must not change.
    pub(crate) fn until_reading(&mut self, id: &str) -> Result<(), String> {
        let state = self.sym("VMSTATE");
        let deadline = self.now() + 2 * SEC;
        loop {
            let vm = self.vmblok(id).ok_or(format!("{id} is not logged on"))?;
            if self.sys.machine.peek(vm + state, 1).unwrap()[0] == 2 {
                return Ok(());
            }
            if self.now() >= deadline {
                return Err(format!("{id}'s CMS did not go back to its console read"));
            }
            self.run_for(MS)?;
        }
    }

    /// Run for `d`, tending `runners` every `grain`.
    pub(crate) fn run_tending(
        &mut self,
        d: u64,
        grain: u64,
        runners: &mut [Runner],
    ) -> Result<(), String> {
        let until = self.now() + d;
        while self.now() < until {
            let step = grain.min(until - self.now());
            self.run_for(step)?;
            for r in runners.iter_mut() {
                r.tend(self)?;
            }
        }
        Ok(())
    }

    /// Stop the user's machine (`#CP` alone: CP READ), let the terminal type what is
    /// queued, then see CP answer `#CP QUERY TIME`. For a program whose own output may
    /// hold "TIME IS" (PRIVGEN's DIAGNOSE X'08').
    pub(crate) fn stop_and_ask_time(&mut self, t: usize) -> Result<u64, String> {
        self.type_line(t, "#CP");
        self.run_for(2 * SEC)?;
        if !self.stopped(&self.users[t].id.clone()) {
            return Err("#CP did not stop the machine".into());
        }
        self.type_line(t, "#CP QUERY TIME");
        self.wait_for(t, "TIME IS", 10 * SEC)
    }
}

/// Virtual seconds from an environment variable (or `default`).
pub(crate) fn env_seconds(var: &str, default: u64) -> u64 {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A hex seed from an environment variable (or `default`).
pub(crate) fn env_seed(var: &str, default: u32) -> u32 {
    std::env::var(var)
        .ok()
        .and_then(|v| u32::from_str_radix(v.trim_start_matches("0x"), 16).ok())
        .unwrap_or(default)
}
