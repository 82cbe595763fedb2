//! Run a standalone program on Hercules 3.13 (the reference machine) and collect the
//! final PSW and storage. Written to be shared: another test crate can include it with
//! `#[path = "devices/hercules.rs"] mod hercules;`.
//!
//! How (see /work/shared/HERCULES.md): in daemon mode Hercules reads commands only from
//! the run-commands file named by `HERCULES_RC`, so the runner makes a FIFO there, starts
//! `hercules -f CONF` in a private temporary directory (no TCP ports are opened without
//! 3270 devices, so runs can go in parallel), writes the start commands into the FIFO,
//! waits for the disabled-wait message (or an IPL failure), then asks for the storage
//! dumps and ends them with a `msgnoh` marker so it knows when the output is complete.

#![allow(dead_code)]

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// True when Hercules is installed (and not disabled with `CPCMS_NO_HERCULES=1`).
pub fn available() -> bool {
    if std::env::var_os("CPCMS_NO_HERCULES").is_some_and(|v| v == "1") {
        return false;
    }
    Command::new("hercules")
        .arg("--help")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// How the program starts.
pub enum Start<'a> {
    /// `loadcore FILE 0` then `restart` (the PSW at 0 is loaded).
    Core(&'a Path),
    /// `ipl CUU`.
    Ipl(u16),
}

/// What a run left behind.
#[derive(Debug)]
pub struct Outcome {
    /// The disabled-wait PSW (`None`: the program did not reach one).
    pub psw: Option<(u32, u32)>,
    /// Storage dumps asked for, in order: address and bytes.
    pub dumps: Vec<(u32, Vec<u8>)>,
    /// The whole Hercules log.
    pub log: String,
}

/// A private directory under the system temporary directory.
pub fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cpcms-herc-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        if matches!(self.0.try_wait(), Ok(None)) {
            let _ = self.0.kill();
        }
        let _ = self.0.wait();
    }
}

fn wait_for(log: &Path, any: &[&str], timeout: Duration) -> Option<String> {
    let end = Instant::now() + timeout;
    loop {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        if any.iter().any(|m| text.contains(m)) {
            return Some(text);
        }
        if Instant::now() > end {
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Run on Hercules in `dir` (files named in `devices` are relative to it). `devices`
/// are config lines such as `000C 3505 deck.bin ebcdic eof`; a 3215 at 009 is added.
pub fn run(
    dir: &Path,
    devices: &[&str],
    start: Start,
    dumps: &[(u32, u32)],
) -> Result<Outcome, String> {
    let mut conf = String::from("ARCHMODE S/370\nMAINSIZE 2\nNUMCPU 1\nCPUMODEL 3158\n");
    conf.push_str("0009 3215-C /\n");
    for d in devices {
        conf.push_str(d);
        conf.push('\n');
    }
    std::fs::write(dir.join("herc.conf"), conf).map_err(|e| e.to_string())?;
    let fifo = dir.join("rc.fifo");
    let _ = std::fs::remove_file(&fifo);
    let ok = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map_err(|e| format!("mkfifo: {e}"))?;
    if !ok.success() {
        return Err("mkfifo failed".into());
    }
    let log = dir.join("herc.log");
    let out = std::fs::File::create(&log).map_err(|e| e.to_string())?;
    let child = Command::new("hercules")
        .args(["-f", "herc.conf"])
        .current_dir(dir)
        .env("HERCULES_RC", &fifo)
        .stdin(Stdio::null())
        .stdout(out.try_clone().map_err(|e| e.to_string())?)
        .stderr(out)
        .spawn()
        .map_err(|e| format!("hercules: {e}"))?;
    let mut guard = Guard(child);
    // Read-write open of a FIFO does not block on Linux.
    let mut rc = OpenOptions::new()
        .read(true)
        .write(true)
        .open(&fifo)
        .map_err(|e| e.to_string())?;
    let mut send = |s: &str| -> Result<(), String> {
        rc.write_all(format!("{s}\n").as_bytes())
            .map_err(|e| e.to_string())
    };
    match start {
        Start::Core(p) => {
            send(&format!("loadcore {} 0", p.display()))?;
            send("restart")?;
        }
        Start::Ipl(dev) => send(&format!("ipl {dev:03X}"))?,
    }
    let t = wait_for(
        &log,
        &["Disabled wait state", "HHCCP029E", "HHCCP030E", "HHCCP027E"],
        Duration::from_secs(30),
    )
    .ok_or_else(|| "Hercules: the program did not reach a disabled wait in 30s".to_string())?;
    let mark = t.len();
    for &(a, l) in dumps {
        send(&format!("r {a:X}.{l:X}"))?;
    }
    send("msgnoh * CPCMS-DUMP-DONE")?;
    let text = wait_for(&log, &["\nCPCMS-DUMP-DONE"], Duration::from_secs(30))
        .ok_or_else(|| "Hercules: no end of dump".to_string())?;
    send("quit")?;
    let end = Instant::now() + Duration::from_secs(10);
    while matches!(guard.0.try_wait(), Ok(None)) && Instant::now() < end {
        std::thread::sleep(Duration::from_millis(20));
    }
    let psw = t
        .split("Disabled wait state")
        .nth(1)
        .and_then(|rest| rest.split("PSW=").nth(1))
        .and_then(|p| {
            let w: Vec<&str> = p.split_whitespace().take(2).collect();
            Some((
                u32::from_str_radix(w.first()?, 16).ok()?,
                u32::from_str_radix(w.get(1)?, 16).ok()?,
            ))
        });
    Ok(Outcome {
        psw,
        dumps: parse_dumps(&text[mark..], dumps),
        log: text,
    })
}

/// Collect `R:AAAAAAAA:K:kk=XXXXXXXX XXXXXXXX XXXXXXXX XXXXXXXX` lines into the dumps.
fn parse_dumps(text: &str, dumps: &[(u32, u32)]) -> Vec<(u32, Vec<u8>)> {
    let mut lines = std::collections::BTreeMap::new();
    for l in text.lines() {
        let Some(rest) = l.strip_prefix("R:") else {
            continue;
        };
        let Some(addr) = rest.get(..8).and_then(|a| u32::from_str_radix(a, 16).ok()) else {
            continue;
        };
        let Some(hex) = rest.split_once('=').map(|(_, h)| h) else {
            continue;
        };
        let bytes: Vec<u8> = hex
            .split_whitespace()
            .take(4)
            .flat_map(|w| {
                (0..w.len() / 2)
                    .filter_map(|i| u8::from_str_radix(&w[2 * i..2 * i + 2], 16).ok())
                    .collect::<Vec<_>>()
            })
            .collect();
        lines.insert(addr, bytes);
    }
    dumps
        .iter()
        .map(|&(a, l)| {
            let mut v = Vec::new();
            let mut p = a & !15;
            while p < a + l {
                v.extend(lines.get(&p).cloned().unwrap_or_else(|| vec![0; 16]));
                p += 16;
            }
            let off = (a & 15) as usize;
            (a, v[off..off + l as usize].to_vec())
        })
        .collect()
}
