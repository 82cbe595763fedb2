//! The bare machine's commands: `ipl` (a standalone program, no CP, its final state
//! printed as the Hercules comparisons want it) and `bench`.

use std::io::Write;

use cpcms::cpu::TOD_PER_SECOND;
use cpcms::devices::{DeviceSpec, DeviceType};
use cpcms::machine::{Machine, MachineConfig, Status};
use cpcms::scenario::units;

use super::args::*;
use super::play::open_trace;
use super::{Fail, bad};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    Wait,
    Timeout,
    Checkstop,
}

/// The final state `cpcms ipl` prints.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct IplResult {
    pub(crate) outcome: Outcome,
    pub(crate) psw: u64,
    pub(crate) gpr: [u32; 16],
    /// Storage dumps: start address and bytes (a multiple of 16 long).
    pub(crate) dumps: Vec<(u32, Vec<u8>)>,
    pub(crate) instructions: u64,
}

pub(crate) fn format_ipl(r: &IplResult) -> String {
    let mut s = String::new();
    let outcome = match r.outcome {
        Outcome::Wait => "WAIT",
        Outcome::Timeout => "TIMEOUT",
        Outcome::Checkstop => "CHECKSTOP",
    };
    s.push_str(&format!("RESULT={outcome}\nPSW={:016X}\n", r.psw));
    for (i, g) in r.gpr.iter().enumerate() {
        s.push_str(&format!("R{i}={g:08X}\n"));
    }
    for (addr, bytes) in &r.dumps {
        for (k, line) in bytes.chunks(16).enumerate() {
            let words: Vec<String> = line
                .chunks(4)
                .map(|w| w.iter().map(|b| format!("{b:02X}")).collect())
                .collect();
            s.push_str(&format!(
                "MEM {:06X}: {}\n",
                addr.wrapping_add(16 * k as u32) & 0x00FF_FFFF,
                words.join(" ")
            ));
        }
    }
    s.push_str(&format!("INSTRUCTIONS={}\n", r.instructions));
    s
}

/// Dump ranges rounded up to whole 16-byte lines, checked against storage.
pub(crate) fn dump_ranges(dumps: &[(u32, u32)], storage: u32) -> Result<Vec<(u32, u32)>, Fail> {
    dumps
        .iter()
        .map(|&(a, l)| {
            let len = l.div_ceil(16) * 16;
            if u64::from(a) + u64::from(len) > u64::from(storage) {
                Err(bad(format!(
                    "--dump {a:X}.{l:X}: beyond the end of storage ({}K)",
                    storage / 1024
                )))
            } else {
                Ok((a, len))
            }
        })
        .collect()
}

/// The devices `cpcms ipl` attaches, and the one to IPL from (`None`: --core). Every
/// address once: the console at 009 is always there, --deck takes 00C, --dasd 190 (a
/// 3330) or 150 (a 3350, as the volume's header says).
pub(crate) fn ipl_devices(a: &IplArgs) -> Result<(Vec<DeviceSpec>, Option<u16>), Fail> {
    use cpcms::devices::dasd::Model;
    let mut devs = vec![(
        DeviceSpec {
            addr: 0x009,
            kind: DeviceType::Console3215,
            file: None,
            format: None,
        },
        "the console".to_string(),
    )];
    let mut from = a.ipl;
    if let Some(f) = &a.deck {
        devs.push((
            DeviceSpec {
                addr: 0x00C,
                kind: DeviceType::Reader3505,
                file: Some(f.clone()),
                format: None,
            },
            "--deck".to_string(),
        ));
        from = Some(0x00C);
    }
    if let Some(f) = &a.dasd {
        let (addr, kind) = match Model::of_file(f) {
            Some(Model::D3350) => (0x150, DeviceType::Dasd3350),
            _ => (0x190, DeviceType::Dasd3330),
        };
        devs.push((
            DeviceSpec {
                addr,
                kind,
                file: Some(f.clone()),
                format: None,
            },
            "--dasd".to_string(),
        ));
        from = Some(addr);
    }
    for d in &a.device {
        if let Some((_, by)) = devs.iter().find(|(x, _)| x.addr == d.addr) {
            let why = if d.addr == 0x009 {
                "the console is always there; give the device another address".to_string()
            } else {
                format!("the address is taken already (by {by})")
            };
            return Err(bad(format!("--device {:03X}: {why}", d.addr)));
        }
        devs.push((d.clone(), format!("--device {:03X}", d.addr)));
    }
    Ok((devs.into_iter().map(|(d, _)| d).collect(), from))
}

pub(crate) fn ipl(a: &IplArgs) -> Result<u8, Fail> {
    let dumps = dump_ranges(&a.dump, a.storage)?;
    let tracer = open_trace(&a.trace)?;
    let mut m = Machine::new(&MachineConfig {
        storage: a.storage,
        mips: 1.0,
        tod_epoch: units::parse_date(cpcms::scenario::DEFAULT_DATE).unwrap_or(0),
    });
    if a.core.is_none() && (a.psw.is_some() || a.addr != 0) {
        return Err(bad("--psw and --addr go with --core"));
    }
    let (devs, from) = ipl_devices(a)?;
    for d in &devs {
        m.attach(d.addr, d.open().map_err(bad)?);
    }
    if let Some(core) = &a.core {
        let name = core.display().to_string();
        let image = std::fs::read(core).map_err(|e| bad(format!("{name}: cannot read: {e}")))?;
        m.load(a.addr, &image)
            .map_err(|e| bad(format!("{name}: {e}")))?;
        // --psw was checked when it was parsed; the PSW at location 0 is the image's.
        let (psw, from) = match a.psw {
            Some(p) => (p, "--psw".to_string()),
            None => {
                let b = m.cpu.mem.peek(0, 8).unwrap_or(&[0; 8]);
                let p = u64::from_be_bytes(b.try_into().unwrap_or([0; 8]));
                (p, format!("{name}: the PSW at location 0,"))
            }
        };
        if let Some(why) = cpcms::cpu::psw_invalid_reason(psw) {
            return Err(bad(format!("{from} {psw:016X} is not a valid PSW: {why}")));
        }
        m.cpu.set_psw(psw).map_err(bad)?;
    }
    if let Some(dev) = from {
        if m.channel().device(dev).is_none() {
            return Err(bad(format!(
                "--ipl {dev:03X}: no device there; attach one with --device {dev:03X}=TYPE:FILE"
            )));
        }
        m.ipl(dev).map_err(|e| Fail(1, e))?;
    }
    if let Some(t) = tracer {
        m.set_tracer(Some(Box::new(t)));
    }
    if a.interrupt_key {
        m.press_interrupt_key();
    }

    let outcome = run_bare(&mut m, a.max_instructions);
    m.set_tracer(None);

    if let Some(t) = m.transcript(0x009) {
        let mut e = std::io::stderr().lock();
        if t.start > 0 {
            // The console keeps only the tail of what it printed.
            let _ = writeln!(
                e,
                "(the console printed {} bytes before these, not kept)",
                t.start
            );
        }
        let _ = e.write_all(t.text.as_bytes());
        if !t.text.is_empty() && !t.text.ends_with('\n') {
            let _ = writeln!(e);
        }
    }
    let r = IplResult {
        outcome,
        psw: match m.status() {
            Status::DisabledWait(p) => p,
            _ => m.cpu.psw(),
        },
        gpr: m.cpu.gpr,
        dumps: dumps
            .iter()
            .map(|&(addr, len)| {
                (
                    addr,
                    m.cpu
                        .mem
                        .peek(addr, len)
                        .map(<[u8]>::to_vec)
                        .unwrap_or_default(),
                )
            })
            .collect(),
        instructions: m.cpu.instructions,
    };
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(format_ipl(&r).as_bytes());
    let _ = out.flush();
    Ok(0)
}

pub(crate) fn bench(a: &BenchArgs) -> Result<u8, Fail> {
    use cpcms::bench;
    if !(a.scale > 0.0 && a.scale <= 100.0) {
        return Err(bad("--scale must be above 0 and at most 100"));
    }
    if let Some(dir) = &a.images {
        bench::write_images(dir, a.scale).map_err(bad)?;
    }
    if let Some(name) = &a.profile {
        let mut rig = bench::vm::VmRig::boot(a.roms.as_deref()).map_err(bad)?;
        let (per, prof) = bench::vm::trap_profile(&mut rig, name, a.scale).map_err(bad)?;
        let total: f64 = prof.iter().map(|p| p.1).sum();
        let mut text = format!("{name}: {total:.1} CP instructions per {per}, by CP routine\n");
        for (label, n) in prof.into_iter().filter(|p| p.1 >= 0.05) {
            text.push_str(&format!("{label:<10} {n:>8.1}\n"));
        }
        // (A closed pipe, as `| head` leaves, is not an error worth a panic.)
        let _ = std::io::stdout().lock().write_all(text.as_bytes());
        return Ok(0);
    }
    let opts = bench::Options {
        scale: a.scale,
        runs: a.runs,
        hercules: !a.no_hercules,
        cpu_time: !a.wall,
    };
    // The register and storage loops also run in a virtual machine under CP, then the
    // trap loops measure the cost of each trapped instruction.
    let mut rig = if a.no_vm {
        None
    } else {
        eprintln!(
            "booting CP (mips {}) and logging {} on",
            bench::vm::MIPS,
            bench::vm::USER
        );
        Some(bench::vm::VmRig::boot(a.roms.as_deref()).map_err(bad)?)
    };
    let rows = bench::run(&opts, rig.as_mut(), &mut |m| eprintln!("{m}")).map_err(bad)?;
    // (Each table as it is ready; a closed pipe, as `| head` leaves, ends nothing badly.)
    let show = |text: &str| {
        let _ = std::io::stdout().lock().write_all(text.as_bytes());
    };
    show(&bench::table(&rows));
    let Some(mut rig) = rig else { return Ok(0) };
    show(&format!("\n{}", bench::vm::vm_table(&rows)));
    let traps = bench::vm::run_traps(&mut rig, &mut |m| eprintln!("{m}")).map_err(bad)?;
    show(&format!("\n{}", bench::vm::trap_table(&traps)));
    Ok(0)
}

/// Run until a disabled wait, a check stop, or `max` instructions. An enabled wait lets
/// virtual time pass (timers, devices) for up to a virtual minute without progress.
pub(crate) fn run_bare(m: &mut Machine, max: u64) -> Outcome {
    let mut idle = 0;
    loop {
        let done = m.cpu.instructions;
        if done >= max {
            return Outcome::Timeout;
        }
        match m.run_instructions(max - done) {
            Status::DisabledWait(_) => return Outcome::Wait,
            Status::Checkstop => return Outcome::Checkstop,
            _ => {}
        }
        if m.cpu.instructions == done {
            idle += 1;
            if idle > 60 {
                return Outcome::Timeout;
            }
            let t = m.now().saturating_add(TOD_PER_SECOND);
            match m.run_until(t) {
                Status::DisabledWait(_) => return Outcome::Wait,
                Status::Checkstop => return Outcome::Checkstop,
                _ => {}
            }
        } else {
            idle = 0;
        }
    }
}
