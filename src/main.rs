//! The `cpcms` command: the full-screen view, headless scenario runs, and the tools
//! (assembler, disassembler, bare-machine IPL).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use cpcms::cpu::TOD_PER_SECOND;
use cpcms::devices::{DeviceSpec, DeviceType};
use cpcms::machine::{Machine, MachineConfig, Status};
use cpcms::scenario::player::Progress;
use cpcms::scenario::{DEMO_NAME, DEMO_SOURCE, Scenario, units};
use cpcms::sysgen::{System, Volume};
use cpcms::trace::{Trace, TraceMode, hex_groups};

#[derive(Parser, Debug)]
#[command(
    name = "cpcms",
    version,
    about = "A System/370 in a terminal: CP runs several CMS virtual machines",
    long_about = "A System/370 in a terminal: CP, the Control Program, gives every user a \
                  virtual machine running CMS. With no command, plays the built-in \
                  demonstration in the full-screen view and then leaves the terminals to you \
                  (the same as `cpcms play`).",
    after_help = "Try: cpcms play --headless    (the demonstration as a transcript, no screen needed)"
)]
struct Cli {
    #[command(flatten)]
    system: SystemArgs,

    #[command(subcommand)]
    command: Option<Command>,
}

/// Where CP and CMS come from and where the disks live: only for the commands that boot
/// the system (play, and with no command) and, --roms only, sysgen and bench.
#[derive(Args, Debug, Default, Clone)]
struct SystemArgs {
    /// Assemble CP and CMS from this directory (holding cp/ and cms/) instead of the
    /// copies built into cpcms
    #[arg(long, value_name = "DIR")]
    roms: Option<PathBuf>,

    /// Keep the system residence volume (sysres.3350: CP, CMS and every user's 191
    /// minidisk) in this directory, made when missing, so that minidisks survive from one
    /// run to the next; without it the volume lives in memory and each run starts afresh
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,

    /// Give CP a real disk beside the system residence volume: CUU=3350:FILE, a Hercules
    /// 3350 image (repeatable, each address once, not on channel 0). A directory's MDISK
    /// finds it by its VOL1 label; DEDICATE by its address
    #[arg(long, value_parser = DeviceSpec::parse, value_name = "CUU=3350:FILE")]
    device: Vec<DeviceSpec>,
}

impl SystemArgs {
    /// These, or for what was not given here, the ones before the command
    /// (`cpcms --data DIR play FILE`); devices from both places.
    fn or(&self, outer: &SystemArgs) -> SystemArgs {
        SystemArgs {
            roms: self.roms.clone().or_else(|| outer.roms.clone()),
            data: self.data.clone().or_else(|| outer.data.clone()),
            device: outer.device.iter().chain(&self.device).cloned().collect(),
        }
    }
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Play a scenario (default: the built-in demonstration) in the full-screen view, then
    /// leave the terminals to you; with --headless, run it flat out and print every
    /// terminal's transcript
    #[command(alias = "tui")]
    Play {
        /// Scenario file (RON); without it, the built-in demonstration (scenarios/demo.ron)
        file: Option<PathBuf>,
        /// No screen: run in virtual time as fast as the host can, print every terminal's
        /// transcript on stdout, exit 1 if an Expect is not met
        #[arg(long)]
        headless: bool,
        /// Write what is typed in the full-screen view, with its virtual time and the
        /// answer each line got, to this file as a scenario that replays the session
        #[arg(long, value_name = "FILE.ron")]
        record: Option<PathBuf>,
        #[command(flatten)]
        publish: PublishArgs,
        #[command(flatten)]
        trace: TraceArgs,
        #[command(flatten)]
        system: SystemArgs,
    },
    /// The exhibit: play the scenarios (DIR/*.ron, default scenarios/, else the
    /// demonstration) in a loop; any key gives a visitor the terminals; after --idle
    /// without a key the narration starts again. Ctrl-C ends it (Esc q does not)
    Kiosk {
        /// Directory of scenario files (RON), played in name order
        dir: Option<PathBuf>,
        /// Give the narration back after this long without a key (e.g. 90s, 3m)
        #[arg(long, default_value = "3m", value_name = "TIME")]
        idle: String,
    },
    /// Generate the system for a scenario (default: the demonstration) and write CP's and
    /// CMS's listings and the generated SYSCONF into a directory, for reading
    Sysgen {
        /// Scenario file (RON)
        file: Option<PathBuf>,
        /// Directory for cp.lst, cms.lst, sysconf.asm and sysdir.asm
        #[arg(long, default_value = "listings", value_name = "DIR")]
        out: PathBuf,
        /// Assemble CP and CMS from this directory (holding cp/ and cms/) instead of the
        /// copies built into cpcms
        #[arg(long, value_name = "DIR")]
        roms: Option<PathBuf>,
        /// Give CP a real disk beside the system residence volume: CUU=3350:FILE (as
        /// for play)
        #[arg(long, value_parser = DeviceSpec::parse, value_name = "CUU=3350:FILE")]
        device: Vec<DeviceSpec>,
    },
    /// Assemble a source file (HLASM subset): image, object deck, listing
    Asm {
        /// Source file
        file: PathBuf,
        /// Write the flat image here
        #[arg(long, value_name = "OUT.bin")]
        image: Option<PathBuf>,
        /// Write the listing here
        #[arg(long, value_name = "OUT.lst")]
        listing: Option<PathBuf>,
        /// Write the object deck (80-byte EBCDIC ESD/TXT/RLD/END records) here
        #[arg(long, value_name = "OUT.obj")]
        object: Option<PathBuf>,
        /// Also look for COPY members and macros (name.asm) in this directory
        #[arg(short = 'I', value_name = "DIR")]
        include: Vec<PathBuf>,
        /// Assemble 50 more times and print the fastest and median times (only after an
        /// assembly without errors)
        #[arg(long)]
        bench: bool,
    },
    /// Disassemble a flat binary image
    Disasm {
        /// Binary file
        file: PathBuf,
        /// Address of the file's first byte (hex)
        #[arg(long, value_parser = parse_hex32, default_value = "0", value_name = "HEX")]
        addr: u32,
    },
    /// Run a standalone program on the bare machine, without CP, and print its final
    /// state (as the Hercules comparisons do)
    Ipl(IplArgs),
    /// Measure MIPS on three benchmark programs, on cpcms and (if on PATH) on Hercules
    Bench(BenchArgs),
}

/// Publishing a scenario: each runs it headless (no screen needed); the files are the
/// same byte for byte on every run.
#[derive(Args, Debug, Default, Clone)]
struct PublishArgs {
    /// Write the transcript (what --headless prints) to this file
    #[arg(long, value_name = "OUT.txt")]
    transcript: Option<PathBuf>,
    /// Write the terminals' transcripts as a self-contained web page (for a course
    /// website: chapters, captions, one colour per terminal)
    #[arg(long, value_name = "OUT.html")]
    html: Option<PathBuf>,
    /// Write an asciinema v2 recording of the full-screen view (`asciinema play OUT.cast`)
    #[arg(long, value_name = "OUT.cast")]
    cast: Option<PathBuf>,
    /// The recorded screen, COLUMNSxROWS (80x24 to 400x200)
    #[arg(long, value_parser = cpcms::publish::parse_cast_size, default_value = "120x40",
          value_name = "WxH")]
    cast_size: (u16, u16),
}

impl PublishArgs {
    fn any(&self) -> bool {
        self.transcript.is_some() || self.html.is_some() || self.cast.is_some()
    }
}

#[derive(Args, Debug, Default)]
struct TraceArgs {
    /// Trace every instruction, or with --trace=interrupts every interruption, to a file
    /// (it slows the machine down)
    #[arg(long, num_args = 0..=1, require_equals = true, default_missing_value = "all",
          value_name = "WHAT")]
    trace: Option<TraceWhat>,
    /// Where the trace goes (implies --trace) [default: cpcms.trace]
    #[arg(long, value_name = "PATH")]
    trace_file: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum TraceWhat {
    /// Every instruction and interruption
    All,
    /// Interruptions only
    Interrupts,
}

impl TraceArgs {
    fn wanted(&self) -> Option<(TraceMode, PathBuf)> {
        if self.trace.is_none() && self.trace_file.is_none() {
            return None;
        }
        let mode = match self.trace {
            Some(TraceWhat::Interrupts) => TraceMode::Interrupts,
            _ => TraceMode::Instructions,
        };
        let path = self
            .trace_file
            .clone()
            .unwrap_or_else(|| PathBuf::from("cpcms.trace"));
        Some((mode, path))
    }
}

#[derive(Args, Debug)]
struct BenchArgs {
    /// Fraction of the full iteration counts (e.g. 0.1 for a quick look)
    #[arg(long, default_value_t = 1.0, value_name = "F")]
    scale: f64,
    /// Runs of each program on each machine; the best one counts
    #[arg(long, default_value_t = 3, value_name = "N")]
    runs: u32,
    /// Do not run Hercules
    #[arg(long)]
    no_hercules: bool,
    /// Time by the wall clock instead of the CPU time of the emulating thread
    #[arg(long)]
    wall: bool,
    /// Also write the programs' images into this directory (for `cpcms ipl --core`)
    #[arg(long, value_name = "DIR")]
    images: Option<PathBuf>,
    /// Do not run the programs in a virtual machine under CP (the VM row and the
    /// trap-cost table)
    #[arg(long)]
    no_vm: bool,
    /// For the virtual machine: assemble CP and CMS from this directory (holding cp/ and
    /// cms/) instead of the copies built into cpcms
    #[arg(long, value_name = "DIR")]
    roms: Option<PathBuf>,
    /// Only show where CP's instructions go, by CP routine: per iteration of a trap loop
    /// (LPSW, SSM, SSK, ISK, DIAGNOSE, SIO, SIO+I/O, TIO, STCTL, STPT), per dispatch for the
    /// register or storage loop (at --scale)
    #[arg(long, value_name = "INSTRUCTION")]
    profile: Option<String>,
}

#[derive(Args, Debug)]
#[command(group(clap::ArgGroup::new("program").required(true).args(["core", "ipl", "deck", "dasd"])))]
struct IplArgs {
    /// Flat storage image to load
    #[arg(long, value_name = "FILE")]
    core: Option<PathBuf>,
    /// IPL from the device at CUU (attach it with --device)
    #[arg(long, value_parser = parse_cuu, value_name = "CUU")]
    ipl: Option<u16>,
    /// IPL from this card deck: a 3505 at 00C holding FILE (.txt: text, else EBCDIC)
    #[arg(long, value_name = "FILE")]
    deck: Option<PathBuf>,
    /// IPL from this volume (a Hercules CKD image): a 3330 at 190, or a 3350 at 150, as
    /// the image's header says
    #[arg(long, value_name = "FILE")]
    dasd: Option<PathBuf>,
    /// Attach a device: CUU=TYPE[:FILE], e.g. 00C=3505:deck.bin, 190=3330:vol.3330,
    /// 00E=1403:print.txt, 00D=3525:punch.bin (repeatable, each address once; the
    /// console, a 3215, is at 009)
    #[arg(long, value_parser = DeviceSpec::parse, value_name = "CUU=TYPE[:FILE]")]
    device: Vec<DeviceSpec>,
    /// Load address (hex, with --core)
    #[arg(long, value_parser = parse_hex32, default_value = "0", value_name = "HEX")]
    addr: u32,
    /// Start with this PSW (16 hex digits) instead of the doubleword at location 0
    /// (with --core)
    #[arg(long, value_parser = parse_psw, value_name = "HEX16")]
    psw: Option<u64>,
    /// Print storage at the end: ADDR.LEN, both hex (repeatable)
    #[arg(long, value_parser = parse_dump, value_name = "ADDR.LEN")]
    dump: Vec<(u32, u32)>,
    /// Stop after this many instructions (RESULT=TIMEOUT)
    #[arg(long, default_value_t = 100_000_000, value_name = "N")]
    max_instructions: u64,
    /// Main storage size
    #[arg(long, value_parser = parse_storage, default_value = "1M", value_name = "SIZE")]
    storage: u32,
    /// Press the interrupt key at the start (external interruption X'0040', pending
    /// until the program enables it: PSW bit 7 and CR0 bit 25)
    #[arg(long)]
    interrupt_key: bool,
    #[command(flatten)]
    trace: TraceArgs,
}

fn parse_hex(s: &str, max_digits: usize) -> Result<u64, String> {
    let t = s.trim();
    let t = t
        .strip_prefix("0x")
        .or_else(|| t.strip_prefix("0X"))
        .unwrap_or(t);
    if t.is_empty() || t.len() > max_digits || !t.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(format!(
            "\"{s}\" is not a hex number of at most {max_digits} digits"
        ));
    }
    u64::from_str_radix(t, 16).map_err(|e| e.to_string())
}

fn parse_hex32(s: &str) -> Result<u32, String> {
    let v = parse_hex(s, 6)?;
    Ok(v as u32)
}

fn parse_cuu(s: &str) -> Result<u16, String> {
    cpcms::devices::parse_addr(s)
}

fn parse_psw(s: &str) -> Result<u64, String> {
    let psw = parse_hex(s, 16)?;
    match cpcms::cpu::psw_invalid_reason(psw) {
        Some(why) => Err(format!("not a valid PSW: {why}")),
        None => Ok(psw),
    }
}

fn parse_dump(s: &str) -> Result<(u32, u32), String> {
    let (a, l) = s
        .split_once('.')
        .ok_or_else(|| format!("\"{s}\": write ADDR.LEN in hex, e.g. 100.40"))?;
    let a = parse_hex32(a)?;
    let l = parse_hex32(l)?;
    if l == 0 {
        return Err(format!("\"{s}\": the length must not be zero"));
    }
    Ok((a, l))
}

fn parse_storage(s: &str) -> Result<u32, String> {
    let v = units::parse_size(s)?;
    if v % 4096 != 0 || !(4096..=16 << 20).contains(&v) {
        return Err(format!(
            "\"{s}\": storage must be a multiple of 4K up to 16M"
        ));
    }
    Ok(v)
}

/// A failure with its exit code: 1 = the program or scenario failed, 2 = bad input.
#[derive(Debug)]
struct Fail(u8, String);

fn bad(msg: impl Into<String>) -> Fail {
    Fail(2, msg.into())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(Fail(code, msg)) => {
            let _ = writeln!(std::io::stderr(), "{msg}");
            ExitCode::from(code)
        }
    }
}

fn run(cli: Cli) -> Result<u8, Fail> {
    let outer = &cli.system;
    let acts = |name: &str| -> Result<(), Fail> {
        let given = if outer.roms.is_some() {
            "--roms"
        } else if outer.data.is_some() {
            "--data"
        } else if !outer.device.is_empty() {
            "--device (for CP)"
        } else {
            return Ok(());
        };
        Err(bad(format!(
            "{given} acts only on play (or no command) and, --roms and --device, on sysgen, \
             not on {name}"
        )))
    };
    match cli.command {
        None => play(
            None,
            false,
            &PublishArgs::default(),
            None,
            &TraceArgs::default(),
            outer,
        ),
        Some(Command::Play {
            file,
            headless,
            publish,
            record,
            trace,
            system,
        }) => play(
            file.as_deref(),
            headless,
            &publish,
            record.as_deref(),
            &trace,
            &system.or(outer),
        ),
        Some(Command::Sysgen {
            file,
            out,
            roms,
            device,
        }) => {
            if outer.data.is_some() {
                acts("sysgen")?;
            }
            let roms = roms.or_else(|| outer.roms.clone());
            let device: Vec<DeviceSpec> = outer.device.iter().chain(&device).cloned().collect();
            sysgen(file.as_deref(), roms.as_deref(), &device, &out)
        }
        Some(Command::Ipl(a)) => {
            acts("ipl")?;
            ipl(&a)
        }
        Some(Command::Bench(mut a)) => {
            // --roms (for the virtual machine) acts on bench, as on sysgen.
            if outer.data.is_some() || !outer.device.is_empty() {
                acts("bench")?;
            }
            a.roms = a.roms.or_else(|| outer.roms.clone());
            bench(&a)
        }
        Some(Command::Asm {
            file,
            image,
            listing,
            object,
            include,
            bench,
        }) => {
            acts("asm")?;
            asm(
                &file,
                &AsmOut {
                    image: image.as_deref(),
                    listing: listing.as_deref(),
                    object: object.as_deref(),
                },
                &include,
                bench,
            )
        }
        Some(Command::Kiosk { dir, idle }) => {
            acts("kiosk")?;
            kiosk(dir.as_deref(), &idle)
        }
        Some(Command::Disasm { file, addr }) => {
            acts("disasm")?;
            disasm(&file, addr)
        }
    }
}

/// `cpcms kiosk`: the scenarios of `dir` (or scenarios/, or the demonstration) in a
/// loop on the screen.
fn kiosk(dir: Option<&Path>, idle: &str) -> Result<u8, Fail> {
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
fn check_system_args(sys: &SystemArgs) -> Result<(), Fail> {
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

fn sysgen(
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
        println!("{}", path.display());
    }
    Ok(0)
}

/// The scenario in `file` (the demonstration when `None`) for a machine with `extra`
/// real disks besides its own.
fn load_scenario(file: Option<&Path>, extra: &[Volume]) -> Result<Scenario, Fail> {
    match file {
        Some(f) => Scenario::load_with(f, extra),
        None => Scenario::parse_with(DEMO_NAME, DEMO_SOURCE, extra),
    }
    .map_err(|e| bad(e.to_string()))
}

/// The real disks `--device` gives CP: 3350s only, each file an existing volume (a
/// scenario's `machine.devices` can make a missing one).
fn cp_volumes(devices: &[DeviceSpec]) -> Result<Vec<Volume>, Fail> {
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

fn open_trace(args: &TraceArgs) -> Result<Option<Trace<std::io::BufWriter<std::fs::File>>>, Fail> {
    let Some((mode, path)) = args.wanted() else {
        return Ok(None);
    };
    let f = std::fs::File::create(&path)
        .map_err(|e| bad(format!("{}: cannot write: {e}", path.display())))?;
    Ok(Some(Trace::new(std::io::BufWriter::new(f), mode)))
}

/// Play a scenario (the demonstration when `file` is `None`): in the full-screen view,
/// or headless.
fn play(
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
fn boot_error(s: &Scenario, e: &str) -> String {
    if e.starts_with(&format!("{}:", s.file)) {
        e.to_string()
    } else {
        format!("{}: cannot start the system: {e}", s.file)
    }
}

/// Play flat out in virtual time: the transcript on stdout (`stdout`) and into the files
/// `publish` names.
fn play_headless(
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

// ---- ipl ----

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    Wait,
    Timeout,
    Checkstop,
}

/// The final state `cpcms ipl` prints.
#[derive(Clone, Debug, PartialEq, Eq)]
struct IplResult {
    outcome: Outcome,
    psw: u64,
    gpr: [u32; 16],
    /// Storage dumps: start address and bytes (a multiple of 16 long).
    dumps: Vec<(u32, Vec<u8>)>,
    instructions: u64,
}

fn format_ipl(r: &IplResult) -> String {
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
fn dump_ranges(dumps: &[(u32, u32)], storage: u32) -> Result<Vec<(u32, u32)>, Fail> {
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
fn ipl_devices(a: &IplArgs) -> Result<(Vec<DeviceSpec>, Option<u16>), Fail> {
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

fn ipl(a: &IplArgs) -> Result<u8, Fail> {
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

fn bench(a: &BenchArgs) -> Result<u8, Fail> {
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
    print!("{}", bench::table(&rows));
    let Some(mut rig) = rig else { return Ok(0) };
    println!();
    print!("{}", bench::vm::vm_table(&rows));
    let traps = bench::vm::run_traps(&mut rig, &mut |m| eprintln!("{m}")).map_err(bad)?;
    println!();
    print!("{}", bench::vm::trap_table(&traps));
    Ok(0)
}

/// Run until a disabled wait, a check stop, or `max` instructions. An enabled wait lets
/// virtual time pass (timers, devices) for up to a virtual minute without progress.
fn run_bare(m: &mut Machine, max: u64) -> Outcome {
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

// ---- asm / disasm ----

/// Find a COPY member: `name.asm` in lower case, in `dirs` in order; its path and text.
fn find_member(name: &str, dirs: &[PathBuf]) -> Option<(String, String)> {
    let lower = name.to_lowercase();
    let file = if lower.ends_with(".asm") {
        lower
    } else {
        format!("{lower}.asm")
    };
    dirs.iter().find_map(|d| {
        let p = d.join(&file);
        let text = std::fs::read_to_string(&p).ok()?;
        Some((p.display().to_string(), text))
    })
}

/// Where `cpcms asm` writes its outputs.
struct AsmOut<'a> {
    image: Option<&'a Path>,
    listing: Option<&'a Path>,
    object: Option<&'a Path>,
}

/// Runs of `cpcms asm --bench`.
const BENCH_RUNS: usize = 50;

fn asm(file: &Path, outs: &AsmOut, include: &[PathBuf], bench: bool) -> Result<u8, Fail> {
    let name = file.display().to_string();
    let main_src =
        std::fs::read_to_string(file).map_err(|e| bad(format!("{name}: cannot read: {e}")))?;
    // The source's own directory first ("" for the current one, so that members are
    // named `sub.asm`, not `./sub.asm`).
    let mut dirs = vec![file.parent().map_or_else(PathBuf::new, Path::to_path_buf)];
    dirs.extend(include.iter().cloned());
    // CP's SYSCONF and SYSDIR are made by sysgen; without them in the directories, the
    // ones it makes for the demonstration (so `cpcms asm roms/cp/cp.asm` works as it is).
    let generated = std::cell::Cell::new(false);
    let sysconf = |member: &str| -> Option<(String, String)> {
        let cfg = load_scenario(None, &[]).ok()?.sys_config();
        let (conf, dir) =
            cpcms::sysgen::generated_members(&cfg, &cpcms::sysgen::Roms::embedded()).ok()?;
        generated.set(true);
        Some((
            format!("{member} (generated for the demonstration)"),
            if member == "SYSCONF" { conf } else { dir },
        ))
    };
    // Members are read once, so a benchmark times the assembler, not the file system.
    type Cache = std::collections::HashMap<String, Option<(String, String)>>;
    let cache = std::cell::RefCell::new(Cache::new());
    let read = |n: &str| -> Option<(String, String)> {
        if n == name {
            return Some((name.clone(), main_src.clone()));
        }
        cache
            .borrow_mut()
            .entry(n.to_string())
            .or_insert_with(|| {
                find_member(n, &dirs).or_else(|| {
                    matches!(n, "SYSCONF" | "SYSDIR")
                        .then(|| sysconf(n))
                        .flatten()
                })
            })
            .clone()
    };
    let opts = cpcms::asm::Options {
        listing: outs.listing.is_some(),
        object: outs.object.is_some(),
    };
    let result = cpcms::asm::assemble_files(&name, &read, &opts);
    let mut e = std::io::stderr().lock();
    if generated.get() {
        let _ = writeln!(
            e,
            "{name}: note: COPY members SYSCONF and SYSDIR are not in {}; using the ones \
             sysgen generates for the demonstration (`cpcms sysgen --out DIR` writes them \
             as DIR/sysconf.asm and DIR/sysdir.asm)",
            dirs.iter()
                .map(|d| match d.as_os_str().is_empty() {
                    true => ".".to_string(),
                    false => d.display().to_string(),
                })
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let out = match result {
        Ok(a) => a,
        Err(errs) => {
            for m in &errs {
                let _ = writeln!(e, "{m}");
            }
            let n = errs
                .iter()
                .filter(|m| m.lines().next().is_some_and(|l| l.contains("error: ")))
                .count();
            let _ = writeln!(
                e,
                "{name}: {n} error(s){}",
                if bench { "; nothing timed" } else { "" }
            );
            return Ok(1);
        }
    };
    for m in &out.warnings {
        let _ = writeln!(e, "{m}");
    }
    if !out.end {
        let _ = writeln!(
            e,
            "{name}:{}:1: warning: no END statement: the assembly ends with the file",
            main_src.lines().count().max(1)
        );
    }
    drop(e);
    let write = |p: Option<&Path>, bytes: &[u8]| -> Result<(), Fail> {
        if let Some(p) = p {
            std::fs::write(p, bytes)
                .map_err(|e| bad(format!("{}: cannot write: {e}", p.display())))?;
        }
        Ok(())
    };
    let asm = &out.assembly;
    write(outs.image, &asm.image)?;
    write(outs.listing, asm.listing.as_bytes())?;
    write(outs.object, out.object.as_deref().unwrap_or(&[]))?;
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(
        stdout,
        "{name}: {} bytes at {:06X}, {} symbols",
        asm.image.len(),
        asm.origin,
        asm.symbols.len()
    );
    if bench {
        // Only an assembly that worked is timed.
        let mut times: Vec<std::time::Duration> = (0..BENCH_RUNS)
            .map(|_| {
                let t = std::time::Instant::now();
                let _ = cpcms::asm::assemble_files(&name, &read, &opts);
                t.elapsed()
            })
            .collect();
        times.sort();
        let lines = main_src.lines().count()
            + cache
                .borrow()
                .values()
                .flatten()
                .map(|(_, t)| t.lines().count())
                .sum::<usize>();
        let _ = writeln!(
            stdout,
            "{name}: fastest {:.2} ms, median {:.2} ms over {BENCH_RUNS} runs ({lines} source \
             lines{})",
            times[0].as_secs_f64() * 1e3,
            times[BENCH_RUNS / 2].as_secs_f64() * 1e3,
            match (opts.listing, opts.object) {
                (true, true) => ", with listing and object deck",
                (true, false) => ", with listing",
                (false, true) => ", with object deck",
                (false, false) => "",
            }
        );
    }
    Ok(0)
}

/// One line per instruction: address, bytes, text.
fn disasm_lines(bytes: &[u8], base: u32) -> Vec<String> {
    let mut v = Vec::new();
    let mut off = 0usize;
    while off < bytes.len() {
        let (text, len) = cpcms::disasm::disassemble(&bytes[off..]);
        let len = (len as usize).clamp(2, 6).min(bytes.len() - off);
        v.push(format!(
            "{:06X}  {:<14}  {}",
            (base as usize + off) & 0x00FF_FFFF,
            hex_groups(&bytes[off..off + len]),
            text
        ));
        off += len;
    }
    v
}

fn disasm(file: &Path, addr: u32) -> Result<u8, Fail> {
    let bytes =
        std::fs::read(file).map_err(|e| bad(format!("{}: cannot read: {e}", file.display())))?;
    // Storage addresses have 24 bits: an image must end by FFFFFF, not wrap to 0.
    if u64::from(addr) + bytes.len() as u64 > 1 << 24 {
        return Err(bad(format!(
            "{}: {} bytes from --addr {addr:06X} would go past FFFFFF, the end of 24-bit \
             storage",
            file.display(),
            bytes.len(),
        )));
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for l in disasm_lines(&bytes, addr) {
        let _ = writeln!(out, "{l}");
    }
    let _ = out.flush();
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("cpcms").chain(args.iter().copied()))
    }

    #[test]
    fn cli_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }

    #[test]
    fn no_args_is_the_demo() {
        let c = parse(&[]).unwrap();
        assert!(c.command.is_none());
        assert!(c.system.roms.is_none());
        let c = parse(&["--roms", "r"]).unwrap();
        assert_eq!(c.system.roms, Some(PathBuf::from("r")));
    }

    #[test]
    fn play_takes_the_system_options_before_or_after_it() {
        let c = parse(&["tui", "x.ron", "--roms", "dir"]).unwrap();
        let Some(Command::Play { file, system, .. }) = c.command else {
            panic!("tui is play")
        };
        assert_eq!(file, Some(PathBuf::from("x.ron")));
        assert_eq!(system.roms, Some(PathBuf::from("dir")));
        let c = parse(&["--data", "d", "play", "x.ron"]).unwrap();
        let Some(Command::Play { system, .. }) = &c.command else {
            panic!()
        };
        let both = system.or(&c.system);
        assert_eq!(both.data, Some(PathBuf::from("d")));
        assert!(matches!(
            parse(&["play", "--headless"]).unwrap().command,
            Some(Command::Play {
                file: None,
                headless: true,
                ..
            })
        ));
        // Only where they act.
        for args in [
            &["asm", "x.asm", "--roms", "r"][..],
            &["disasm", "x.bin", "--data", "d"],
            &["ipl", "--core", "x", "--roms", "r"],
            &["bench", "--data", "d"],
            &["sysgen", "--data", "d"],
        ] {
            assert!(parse(args).is_err(), "{args:?}");
        }
        assert!(parse(&["sysgen", "--roms", "r"]).is_ok());
        assert!(parse(&["bench", "--roms", "r"]).is_ok());
    }

    #[test]
    fn play_trace_forms() {
        let c = parse(&["play", "s.ron", "--headless"]).unwrap();
        match c.command {
            Some(Command::Play {
                file,
                headless,
                trace,
                ..
            }) => {
                assert_eq!(file, Some(PathBuf::from("s.ron")));
                assert!(headless);
                assert_eq!(trace.wanted(), None);
            }
            other => panic!("{other:?}"),
        }
        let t = |args: &[&str]| match parse(args).unwrap().command {
            Some(Command::Play { trace, .. }) => trace.wanted(),
            _ => unreachable!(),
        };
        assert_eq!(
            t(&["play", "s.ron", "--headless", "--trace"]),
            Some((TraceMode::Instructions, PathBuf::from("cpcms.trace")))
        );
        assert_eq!(
            t(&[
                "play",
                "s.ron",
                "--trace=interrupts",
                "--trace-file",
                "t.txt"
            ]),
            Some((TraceMode::Interrupts, PathBuf::from("t.txt")))
        );
        assert_eq!(
            t(&["play", "s.ron", "--trace-file", "t.txt"]),
            Some((TraceMode::Instructions, PathBuf::from("t.txt")))
        );
        // `--trace interrupts` (no =) is the file name position, not the mode.
        assert!(parse(&["play", "s.ron", "--trace", "x", "y"]).is_err());
        assert!(parse(&["play", "s.ron", "--trace=bogus"]).is_err());
    }

    #[test]
    fn ipl_args() {
        let c = parse(&[
            "ipl",
            "--core",
            "p.bin",
            "--addr",
            "1000",
            "--psw",
            "000A000000001000",
            "--dump",
            "100.40",
            "--dump",
            "0x2000.10",
            "--max-instructions",
            "500",
            "--storage",
            "64K",
        ])
        .unwrap();
        let Some(Command::Ipl(a)) = c.command else {
            panic!()
        };
        assert_eq!(a.core, Some(PathBuf::from("p.bin")));
        assert_eq!(a.addr, 0x1000);
        assert_eq!(a.psw, Some(0x000A_0000_0000_1000));
        assert_eq!(a.dump, vec![(0x100, 0x40), (0x2000, 0x10)]);
        assert_eq!(a.max_instructions, 500);
        assert_eq!(a.storage, 64 * 1024);
        let c = parse(&["ipl", "--core", "p.bin"]).unwrap();
        let Some(Command::Ipl(a)) = c.command else {
            panic!()
        };
        assert_eq!((a.addr, a.psw, a.storage), (0, None, 1 << 20));
        assert!(a.dump.is_empty());
        for bad in [
            &["ipl"][..],
            &["ipl", "--core", "p", "--psw", "12345678123456789"],
            &["ipl", "--core", "p", "--dump", "100"],
            &["ipl", "--core", "p", "--dump", "100.0"],
            &["ipl", "--core", "p", "--addr", "xyz"],
            &["ipl", "--core", "p", "--storage", "1000"],
            &["ipl", "--core", "p", "--storage", "32M"],
            &["ipl", "--core", "p", "--deck", "d"],
            &["ipl", "--deck", "d", "--dasd", "v"],
            &["ipl", "--ipl", "1000"],
            &["ipl", "--ipl", "00C", "--device", "00C"],
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn ipl_device_args() {
        let c = parse(&[
            "ipl",
            "--ipl",
            "190",
            "--device",
            "190=3330:vol.3330",
            "--device",
            "00E=1403:print.txt",
        ])
        .unwrap();
        let Some(Command::Ipl(a)) = c.command else {
            panic!()
        };
        let (devs, from) = ipl_devices(&a).unwrap();
        assert_eq!(from, Some(0x190));
        let addrs: Vec<u16> = devs.iter().map(|d| d.addr).collect();
        assert_eq!(addrs, [0x009, 0x190, 0x00E]);
        let c = parse(&["ipl", "--deck", "d.txt"]).unwrap();
        let Some(Command::Ipl(a)) = c.command else {
            panic!()
        };
        let (devs, from) = ipl_devices(&a).unwrap();
        assert_eq!(from, Some(0x00C));
        assert_eq!(devs[1].kind, DeviceType::Reader3505);
        let c = parse(&["ipl", "--dasd", "v.3330"]).unwrap();
        let Some(Command::Ipl(a)) = c.command else {
            panic!()
        };
        assert_eq!(ipl_devices(&a).unwrap().1, Some(0x190));
        // Each address once, and not the console's.
        for (args, msg) in [
            (
                &["ipl", "--core", "c", "--device", "009=3505:x"][..],
                "--device 009: the console is always there",
            ),
            (
                &["ipl", "--core", "c", "--device", "009=3215"],
                "--device 009: the console is always there",
            ),
            (
                &[
                    "ipl",
                    "--core",
                    "c",
                    "--device",
                    "00E=1403:a",
                    "--device",
                    "00E=1403:b",
                ],
                "--device 00E: the address is taken already (by --device 00E)",
            ),
            (
                &["ipl", "--deck", "d", "--device", "00C=3505:x"],
                "--device 00C: the address is taken already (by --deck)",
            ),
        ] {
            let Some(Command::Ipl(a)) = parse(args).unwrap().command else {
                panic!()
            };
            let e = ipl_devices(&a).unwrap_err();
            assert_eq!(e.0, 2);
            assert!(e.1.starts_with(msg), "{args:?}: {}", e.1);
        }
    }

    #[test]
    fn asm_and_disasm_args() {
        let c = parse(&[
            "asm",
            "cp.asm",
            "--image",
            "o.bin",
            "--listing",
            "o.lst",
            "-I",
            "a",
            "-I",
            "b",
        ])
        .unwrap();
        let Some(Command::Asm {
            file,
            image,
            listing,
            include,
            ..
        }) = c.command
        else {
            panic!()
        };
        assert_eq!(file, PathBuf::from("cp.asm"));
        assert_eq!(image, Some(PathBuf::from("o.bin")));
        assert_eq!(listing, Some(PathBuf::from("o.lst")));
        assert_eq!(include, vec![PathBuf::from("a"), PathBuf::from("b")]);
        let c = parse(&["disasm", "x.bin", "--addr", "20000"]).unwrap();
        assert!(matches!(
            c.command,
            Some(Command::Disasm { addr: 0x20000, .. })
        ));
        assert!(parse(&["frobnicate"]).is_err());
    }

    #[test]
    fn ipl_output_format() {
        let mut gpr = [0u32; 16];
        gpr[1] = 0x0000_0042;
        gpr[15] = 0xFFFF_FFFF;
        let r = IplResult {
            outcome: Outcome::Wait,
            psw: 0x000A_0000_0000_0BAD,
            gpr,
            dumps: vec![(0x100, (0u8..32).collect())],
            instructions: 12345,
        };
        let expected = "RESULT=WAIT\nPSW=000A000000000BAD\nR0=00000000\nR1=00000042\n\
R2=00000000\nR3=00000000\nR4=00000000\nR5=00000000\nR6=00000000\nR7=00000000\nR8=00000000\n\
R9=00000000\nR10=00000000\nR11=00000000\nR12=00000000\nR13=00000000\nR14=00000000\n\
R15=FFFFFFFF\nMEM 000100: 00010203 04050607 08090A0B 0C0D0E0F\n\
MEM 000110: 10111213 14151617 18191A1B 1C1D1E1F\nINSTRUCTIONS=12345\n";
        assert_eq!(format_ipl(&r), expected);
        let r = IplResult {
            outcome: Outcome::Timeout,
            dumps: vec![],
            ..r
        };
        assert!(format_ipl(&r).starts_with("RESULT=TIMEOUT\n"));
        let r = IplResult {
            outcome: Outcome::Checkstop,
            ..r
        };
        assert!(format_ipl(&r).starts_with("RESULT=CHECKSTOP\n"));
    }

    #[test]
    fn dump_rounding_and_bounds() {
        assert_eq!(
            dump_ranges(&[(0x100, 0x11), (0, 0x10)], 0x1000).unwrap(),
            vec![(0x100, 0x20), (0, 0x10)]
        );
        let e = dump_ranges(&[(0xFF8, 0x8)], 0x1000).unwrap_err();
        assert_eq!(e.0, 2);
        assert_eq!(e.1, "--dump FF8.8: beyond the end of storage (4K)");
    }

    #[test]
    fn copy_members_are_lower_case_in_dirs() {
        let d = std::env::temp_dir().join(format!("cpcms-asm-{}", std::process::id()));
        let d2 = d.join("inc");
        std::fs::create_dir_all(&d2).unwrap();
        std::fs::write(d2.join("regs.asm"), "R0 EQU 0\n").unwrap();
        let dirs = vec![d.clone(), d2.clone()];
        let text = |n: &str| find_member(n, &dirs).map(|(_, t)| t);
        assert_eq!(text("REGS").as_deref(), Some("R0 EQU 0\n"));
        assert_eq!(text("regs.asm").as_deref(), Some("R0 EQU 0\n"));
        assert_eq!(
            find_member("REGS", &dirs).map(|(p, _)| p),
            Some(d2.join("regs.asm").display().to_string())
        );
        assert_eq!(find_member("NOPE", &dirs), None);
        let _ = std::fs::remove_dir_all(&d);
    }
}
