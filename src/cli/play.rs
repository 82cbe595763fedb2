//! The commands that boot the system: `play` (the full-screen view or a headless
//! transcript), `kiosk` and `sysgen`.

use std::io::Write;
use std::path::{Path, PathBuf};

use cpcms::devices::{DeviceSpec, DeviceType};
use cpcms::scenario::player::Progress;
use cpcms::scenario::{DEMO_NAME, DEMO_SOURCE, Scenario, units};
use cpcms::sysgen::{System, Volume};
use cpcms::trace::Trace;

use super::args::*;
use super::{Fail, bad};

/// `cpcms kiosk`: the scenarios of `dir` (or scenarios/, or the demonstration) in a
/// loop on the screen.
pub(crate) fn kiosk(dir: Option<&Path>, idle: &str) -> Result<u8, Fail> {
    use std::io::IsTerminal;
    let idle_ms = units::parse_duration(idle).map_err(|e| bad(format!("--idle: {e}")))?
        / cpcms::cpu::TOD_PER_US
        / 1000;
    if idle_ms == 0 {
        return Err(bad("--idle: give a time longer than nothing (e.g. 3m)"));
    }
    let dir = dir.map(Path::to_path_buf).or_else(|| {
        let d = PathBuf::from("scenarios");
        d.is_dir().then_some(d)
    });
    let scenarios = match &dir {
        Some(d) => cpcms::tui::kiosk::scenarios_in(d).map_err(bad)?,
        None => vec![load_scenario(None, &[])?],
    };
    if !(std::io::stdout().is_terminal() && std::io::stdin().is_terminal()) {
        return Err(bad("cannot start the kiosk: this is not a terminal"));
    }
    let mut term = cpcms::tui::live::start_screen().map_err(bad)?;
    let r = cpcms::tui::kiosk::run(&mut term, &scenarios, idle_ms, cpcms::tui::crossterm_event);
    cpcms::tui::live::stop_screen();
    r.map_err(bad)?;
    Ok(0)
}

/// `--roms` must name a directory; `--data` a directory or nothing yet.
pub(crate) fn check_system_args(sys: &SystemArgs) -> Result<(), Fail> {
    if let Some(r) = &sys.roms
        && !r.is_dir()
    {
        return Err(bad(format!("{}: not a directory", r.display())));
    }
    if let Some(d) = &sys.data {
        cpcms::sysgen::check_data_dir(d).map_err(bad)?;
    }
    Ok(())
}

pub(crate) fn sysgen(
    file: Option<&Path>,
    roms: Option<&Path>,
    device: &[DeviceSpec],
    out: &Path,
) -> Result<u8, Fail> {
    check_system_args(&SystemArgs {
        roms: roms.map(Path::to_path_buf),
        data: None,
        device: Vec::new(),
    })?;
    let cfg = load_scenario(file, &cp_volumes(device)?)?.sys_config();
    let mut r = match roms {
        Some(d) => cpcms::sysgen::Roms::from_dir(d).map_err(bad)?,
        None => cpcms::sysgen::Roms::embedded(),
    };
    r.listings = true;
    let sys = cpcms::sysgen::System::boot_roms(&cfg, &r, None).map_err(bad)?;
    std::fs::create_dir_all(out).map_err(|e| bad(format!("{}: {e}", out.display())))?;
    let conf = cpcms::sysgen::sysconf(&cfg, sys.cms.image.len() as u32);
    let dir = cpcms::sysgen::sysdir(&cfg, &sys.extents);
    for (name, text) in [
        ("cp.lst", sys.cp.listing.as_str()),
        ("cms.lst", sys.cms.listing.as_str()),
        ("sysconf.asm", conf.as_str()),
        ("sysdir.asm", dir.as_str()),
    ] {
        let path = out.join(name);
        std::fs::write(&path, text).map_err(|e| bad(format!("{}: {e}", path.display())))?;
        let _ = writeln!(std::io::stdout(), "{}", path.display());
    }
    // The S disk's IPL program (IPL 190), as sysgen assembled it for this S disk.
    let sdisk = cpcms::sysgen::extent_of(&sys.extents, "MAINT", 0x190);
    if let Some(n) = sdisk
        .and_then(|s| cpcms::sysgen::iplnuc::Nucleus::new(&r, &sys.cms, s.cyls).ok())
        .flatten()
    {
        let path = out.join("iplnuc.lst");
        std::fs::write(&path, &n.listing).map_err(|e| bad(format!("{}: {e}", path.display())))?;
        let _ = writeln!(std::io::stdout(), "{}", path.display());
    }
    Ok(0)
}

/// The scenario in `file` (the demonstration when `None`) for a machine with `extra`
/// real disks besides its own.
pub(crate) fn load_scenario(file: Option<&Path>, extra: &[Volume]) -> Result<Scenario, Fail> {
    match file {
        Some(f) => Scenario::load_with(f, extra),
        None => Scenario::parse_with(DEMO_NAME, DEMO_SOURCE, extra),
    }
    .map_err(|e| bad(e.to_string()))
}

/// The real disks `--device` gives CP: 3350s only, each file an existing volume (a
/// scenario's `machine.devices` can make a missing one).
pub(crate) fn cp_volumes(devices: &[DeviceSpec]) -> Result<Vec<Volume>, Fail> {
    use cpcms::sysgen::machine_room::is_unit_record;
    devices
        .iter()
        .filter_map(|d| match is_unit_record(d) {
            Ok(true) => None,
            Ok(false) => Some(Ok(d)),
            Err(e) => Some(Err(bad(e))),
        })
        .map(|d| {
            let d = d?;
            let at = format!("--device {:03X}", d.addr);
            let file = match (&d.kind, &d.file) {
                (DeviceType::Dasd3350, Some(f)) => f,
                _ => {
                    return Err(bad(format!(
                        "{at}: CP takes real disks only, and only 3350s (the system \
                         residence volume's type): --device {:03X}=3350:FILE",
                        d.addr
                    )));
                }
            };
            Volume::probe(d.addr, file, None, None, false, &at)
                .map_err(|e| bad(format!("{at}: {e}")))
        })
        .collect()
}

pub(crate) fn open_trace(
    args: &TraceArgs,
) -> Result<Option<Trace<std::io::BufWriter<std::fs::File>>>, Fail> {
    let Some((mode, path)) = args.wanted() else {
        return Ok(None);
    };
    let f = std::fs::File::create(&path)
        .map_err(|e| bad(format!("{}: cannot write: {e}", path.display())))?;
    Ok(Some(Trace::new(std::io::BufWriter::new(f), mode)))
}

/// Play a scenario (the demonstration when `file` is `None`): in the full-screen view,
/// or headless.
pub(crate) fn play(
    file: Option<&Path>,
    headless: bool,
    publish: &PublishArgs,
    record: Option<&Path>,
    trace: &TraceArgs,
    sys_args: &SystemArgs,
) -> Result<u8, Fail> {
    use std::io::IsTerminal;
    check_system_args(sys_args)?;
    if publish.any() && record.is_some() {
        return Err(Fail(
            2,
            "--record records what a person types in the full-screen view: not with --transcript, --html or --cast".into(),
        ));
    }
    if headless && record.is_some() {
        return Err(bad(
            "--record records what a person types in the full-screen view: not with --headless",
        ));
    }
    let s = load_scenario(file, &cp_volumes(&sys_args.device)?)?;
    let terminal = std::io::stdout().is_terminal() && std::io::stdin().is_terminal();
    if !headless && !publish.any() && !terminal {
        return Err(bad(format!(
            "cannot start the full-screen view: this is not a terminal (to print the \
             transcript instead: cpcms play {}--headless)",
            file.map(|f| format!("{} ", f.display()))
                .unwrap_or_default()
        )));
    }
    let tracer = open_trace(trace)?;
    let mut sys = System::boot_in(
        &s.sys_config(),
        sys_args.roms.as_deref(),
        sys_args.data.as_deref(),
    )
    .map_err(|e| bad(boot_error(&s, &e)))?;
    // The machine room: a deck in the reader's hopper, the printer's file.
    for d in &sys_args.device {
        if cpcms::sysgen::machine_room::is_unit_record(d) == Ok(true) {
            sys.attach_unit_record(d).map_err(bad)?;
        }
    }
    if let Some(t) = tracer {
        sys.machine.set_tracer(Some(Box::new(
            t.with_cp(&sys.cp)
                .with_cms(&sys.cms)
                .with_users(sys.user_lookup()),
        )));
    }
    if headless || publish.any() {
        play_headless(&s, sys, headless, publish)
    } else {
        cpcms::tui::live::run(sys, &s, record).map_err(bad)?;
        Ok(0)
    }
}

/// A system that cannot start: sysgen's message, which names its place in the scenario
/// when it has one, else after the scenario's name.
pub(crate) fn boot_error(s: &Scenario, e: &str) -> String {
    if e.starts_with(&format!("{}:", s.file)) {
        e.to_string()
    } else {
        format!("{}: cannot start the system: {e}", s.file)
    }
}

/// Play flat out in virtual time: the transcript on stdout (`stdout`) and into the files
/// `publish` names.
pub(crate) fn play_headless(
    s: &Scenario,
    mut sys: System,
    stdout: bool,
    publish: &PublishArgs,
) -> Result<u8, Fail> {
    let o = cpcms::publish::Options {
        stdout,
        transcript: publish.transcript.clone(),
        html: publish.html.clone(),
        cast: publish.cast.clone(),
        cast_size: publish.cast_size,
    };
    let r = cpcms::publish::play(s, &mut sys, &o).map_err(bad);
    sys.machine.set_tracer(None);
    let r = r?;
    match (r.progress, r.failure) {
        (Progress::Failed, Some(f)) => Err(Fail(1, f.to_string())),
        (Progress::Failed, None) => Err(Fail(1, format!("{}: failed", s.file))),
        _ => Ok(0),
    }
}
