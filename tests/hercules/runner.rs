//! Run a flat storage image on Hercules 3.13 (the reference machine) and read back the
//! final state in the shape `cpcms ipl` prints it.
//!
//! How (see HERCULES.md): Hercules in daemon mode reads commands only from the file named
//! by `HERCULES_RC`, so that file is a named pipe we keep writing to. Each run gets its
//! own temporary directory (image, config, pipe) and process, so runs can go in
//! parallel. The conversation:
//!
//! ```text
//!  loadcore IMAGE 0        wait for HHCPN113I (bytes read)
//!  restart                 loads the PSW at X'0' (and stores the old one at X'8')
//!  [ext ...]               console commands the program asks for (the interrupt key)
//!                          wait for HHCCP011I (disabled wait), else `stop` = TIMEOUT
//!  psw / gpr / r A.L ...   the final state
//!  msgnoh * MARKER         its echo tells us the output above is complete
//!  quit
//! ```

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use super::State;

/// Is `hercules` on PATH?
pub fn available() -> bool {
    std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join("hercules").is_file()))
}

const MARKER: &str = "CPCMS-HERCULES-END-OF-STATE";

/// The echo of `msgnoh * MARKER` (Hercules sometimes prefixes a panel colour tag such
/// as `<pnl,color(white,black)>`), not the command line itself.
fn is_marker(l: &str) -> bool {
    l.trim_end().ends_with(MARKER) && !l.contains("msgnoh")
}

struct Session {
    child: Child,
    lines: Receiver<String>,
    log: Vec<String>,
    rc: Option<std::fs::File>,
}

impl Session {
    fn send(&mut self, cmd: &str) -> Result<(), String> {
        let rc = self.rc.as_mut().ok_or("command pipe closed")?;
        writeln!(rc, "{cmd}")
            .and_then(|_| rc.flush())
            .map_err(|e| format!("writing {cmd:?} to Hercules: {e}"))
    }

    /// Read the log until a line satisfies `want` (true) or `timeout` passes (false).
    fn wait_for(&mut self, timeout: Duration, want: impl Fn(&str) -> bool) -> bool {
        let end = Instant::now() + timeout;
        loop {
            let left = end.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(l) => {
                    let hit = want(&l);
                    self.log.push(l);
                    if hit {
                        return true;
                    }
                }
                Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => {
                    return false;
                }
            }
        }
    }

    fn tail(&self) -> String {
        let n = self.log.len().saturating_sub(40);
        self.log[n..].join("\n")
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.rc = None;
        let end = Instant::now() + Duration::from_secs(5);
        while Instant::now() < end {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cpcms-herc-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("create temp dir");
    d
}

/// Open the pipe for writing; this blocks until Hercules opens it for reading, so do
/// it on a thread and give up (unblocking the thread ourselves) if Hercules never does.
fn open_pipe(fifo: &Path, child: &mut Child) -> Result<std::fs::File, String> {
    let (tx, rx) = channel();
    let p = fifo.to_path_buf();
    std::thread::spawn(move || {
        let _ = tx.send(std::fs::OpenOptions::new().write(true).open(p));
    });
    match rx.recv_timeout(Duration::from_secs(10)) {
        Ok(Ok(f)) => Ok(f),
        Ok(Err(e)) => Err(format!("opening {}: {e}", fifo.display())),
        Err(_) => {
            let _ = child.kill();
            let _ = child.wait();
            // Be the reader the writer thread is waiting for.
            let _ = std::fs::File::open(fifo);
            Err("Hercules never opened its command pipe".into())
        }
    }
}

/// Run `image` (loaded at 0, started by `restart` with the PSW at 0, then the console
/// commands `after_restart`) and return the final state with storage `dumps`
/// (address, length: multiples of 16).
#[allow(dead_code)]
pub fn run(
    name: &str,
    image: &[u8],
    dumps: &[(u32, u32)],
    limit: Duration,
    after_restart: &[&str],
) -> Result<State, String> {
    Hercules::start(name)?.run_with(name, image, dumps, limit, after_restart)
}

/// One Hercules process that runs many images one after the other (loadcore, restart,
/// wait, dump: about a millisecond each instead of a process start).
pub struct Hercules {
    s: Session,
    dir: PathBuf,
    img: PathBuf,
}

impl Drop for Hercules {
    fn drop(&mut self) {
        let _ = self.s.send("quit");
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl Hercules {
    /// Start Hercules (S/370, 2M) in its own temporary directory.
    pub fn start(name: &str) -> Result<Hercules, String> {
        let dir = temp_dir(name);
        let img = dir.join("image.bin");
        let conf = dir.join("hercules.cnf");
        std::fs::write(
            &conf,
            "ARCHMODE S/370\nMAINSIZE 2\nNUMCPU 1\nCPUMODEL 3158\n0009 3215-C /\n",
        )
        .map_err(|e| e.to_string())?;
        let fifo = dir.join("rc.fifo");
        let st = Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .map_err(|e| format!("mkfifo: {e}"))?;
        if !st.success() {
            return Err("mkfifo failed".into());
        }
        let mut child = Command::new("hercules")
            .args(["-d", "-f"])
            .arg(&conf)
            .env("HERCULES_RC", &fifo)
            .current_dir(&dir)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("starting hercules: {e}"))?;
        let (tx, lines) = channel();
        for out in [
            child
                .stdout
                .take()
                .map(|o| Box::new(o) as Box<dyn std::io::Read + Send>),
            child
                .stderr
                .take()
                .map(|o| Box::new(o) as Box<dyn std::io::Read + Send>),
        ]
        .into_iter()
        .flatten()
        {
            let tx = tx.clone();
            std::thread::spawn(move || {
                for l in BufReader::new(out).lines() {
                    let Ok(l) = l else { break };
                    if tx.send(l).is_err() {
                        break;
                    }
                }
            });
        }
        let rc = open_pipe(&fifo, &mut child)?;
        Ok(Hercules {
            s: Session {
                child,
                lines,
                log: Vec::new(),
                rc: Some(rc),
            },
            dir,
            img,
        })
    }

    /// Load `image` at 0, restart, wait for the disabled wait (at most `limit`), and
    /// return the final state with the storage `dumps`.
    #[allow(dead_code)]
    pub fn run(
        &mut self,
        name: &str,
        image: &[u8],
        dumps: &[(u32, u32)],
        limit: Duration,
    ) -> Result<State, String> {
        self.run_with(name, image, dumps, limit, &[])
    }

    /// `run`, sending the console commands `after_restart` (e.g. `ext`, the interrupt
    /// key) right after `restart`.
    pub fn run_with(
        &mut self,
        name: &str,
        image: &[u8],
        dumps: &[(u32, u32)],
        limit: Duration,
        after_restart: &[&str],
    ) -> Result<State, String> {
        std::fs::write(&self.img, image).map_err(|e| e.to_string())?;
        let s = &mut self.s;
        s.log.clear();
        let short = Duration::from_secs(10);
        // Just after a disabled wait the CPU may not count as stopped yet
        // ("HHCPN111E loadcore rejected: CPU not stopped"): stop it and try again.
        let mut tries = 0;
        loop {
            s.send(&format!("loadcore {} 0", self.img.display()))?;
            let ok = s.wait_for(short, |l| {
                l.contains("HHCPN113I") || l.contains("HHCPN111E")
            });
            if ok && s.log.last().is_some_and(|l| l.contains("HHCPN113I")) {
                break;
            }
            tries += 1;
            if !ok || tries > 100 {
                return Err(format!("{name}: loadcore failed\n{}", s.tail()));
            }
            s.send("stop")?;
            std::thread::sleep(Duration::from_millis(2));
        }
        s.send("restart")?;
        for cmd in after_restart {
            s.send(cmd)?;
        }
        let waited = s.wait_for(limit, |l| l.contains("HHCCP011I"));
        if !waited {
            s.send("stop")?;
        }
        let start = s.log.len();
        s.send("psw")?;
        s.send("gpr")?;
        for (a, l) in dumps {
            s.send(&format!("r {a:X}.{l:X}"))?;
        }
        s.send(&format!("msgnoh * {MARKER}"))?;
        if !s.wait_for(short, is_marker) {
            return Err(format!("{name}: no end marker from Hercules\n{}", s.tail()));
        }
        parse(&s.log[start..], waited, dumps)
            .map_err(|e| format!("{name}: {e}\n{}", s.log[start..].join("\n")))
    }
}

/// `n` hex digits at the start of `s`.
fn hex_at(s: &str, n: usize) -> Option<u32> {
    let h = s.get(..n)?;
    if h.bytes().all(|b| b.is_ascii_hexdigit()) {
        u32::from_str_radix(h, 16).ok()
    } else {
        None
    }
}

/// Parse the output of `psw`, `gpr` and `r` commands. Items are searched anywhere in a
/// line: Hercules' log occasionally runs two messages together on one line.
fn parse(log: &[String], waited: bool, dumps: &[(u32, u32)]) -> Result<State, String> {
    let mut psw = None;
    let mut gpr = [None; 16];
    let mut words = std::collections::BTreeMap::new();
    for l in log {
        // PSW=00020000 8000C0DE
        for (i, _) in l.match_indices("PSW=") {
            let t = &l[i + 4..];
            if let (Some(hi), Some(lo)) = (hex_at(t, 8), t.get(9..).and_then(|t| hex_at(t, 8))) {
                psw = Some((u64::from(hi) << 32) | u64::from(lo));
            }
        }
        // GR00=00000000  GR01=0000000C  GR02=...
        for (i, _) in l.match_indices("GR") {
            let t = &l[i + 2..];
            if let (Some(r), Some("="), Some(v)) = (
                t.get(..2).and_then(|r| r.parse::<usize>().ok()),
                t.get(2..3),
                t.get(3..).and_then(|v| hex_at(v, 8)),
            ) && r < 16
            {
                gpr[r] = Some(v);
            }
        }
        // R:00000200:K:06=05C04110 00054120 00071A12 5010C01E  .{..........&.{.
        for (i, _) in l.match_indices("R:") {
            let t = &l[i + 2..];
            let (Some(addr), Some(eq)) = (hex_at(t, 8), t.find('=')) else {
                continue;
            };
            let mut d = &t[eq + 1..];
            for k in 0..4u32 {
                let Some(w) = hex_at(d, 8) else { break };
                words.insert(addr + 4 * k, w);
                d = d.get(9..).unwrap_or("");
            }
        }
    }
    let psw = psw.ok_or("no PSW in Hercules' output")?;
    let mut regs = [0u32; 16];
    for (i, g) in gpr.iter().enumerate() {
        regs[i] = g.ok_or_else(|| format!("no GR{i:02} in Hercules' output"))?;
    }
    let mut mem = Vec::new();
    for &(a, l) in dumps {
        for w in (a..a + l).step_by(4) {
            let v = words
                .get(&w)
                .ok_or_else(|| format!("no storage word {w:06X} in Hercules' output"))?;
            mem.push((w, *v));
        }
    }
    Ok(State {
        result: if waited { "WAIT" } else { "TIMEOUT" }.into(),
        psw,
        gpr: regs,
        mem,
    })
}
