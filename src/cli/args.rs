//! What `cpcms` accepts: the command line as clap sees it, and the parsers of its
//! values (hexadecimal addresses, device addresses, PSWs, dump ranges, sizes).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use cpcms::devices::DeviceSpec;
use cpcms::scenario::units;
use cpcms::trace::TraceMode;

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
pub(crate) struct Cli {
    #[command(flatten)]
    pub(crate) system: SystemArgs,

    #[command(subcommand)]
    pub(crate) command: Option<Command>,
}

/// Where CP and CMS come from and where the disks live: only for the commands that boot
/// the system (play, and with no command) and, --roms only, sysgen and bench.
#[derive(Args, Debug, Default, Clone)]
pub(crate) struct SystemArgs {
    /// Assemble CP and CMS from this directory (holding cp/ and cms/) instead of the
    /// copies built into cpcms
    #[arg(long, value_name = "DIR")]
    pub(crate) roms: Option<PathBuf>,

    /// Keep the system residence volume (sysres.3350: CP, CMS and every user's 191
    /// minidisk) in this directory, made when missing, so that minidisks survive from one
    /// run to the next; without it the volume lives in memory and each run starts afresh
    #[arg(long, value_name = "DIR")]
    pub(crate) data: Option<PathBuf>,

    /// Give CP a real disk beside the system residence volume: CUU=3350:FILE, a Hercules
    /// 3350 image (repeatable, each address once, not on channel 0). A directory's MDISK
    /// finds it by its VOL1 label; DEDICATE by its address
    #[arg(long, value_parser = DeviceSpec::parse, value_name = "CUU=3350:FILE")]
    pub(crate) device: Vec<DeviceSpec>,
}

impl SystemArgs {
    /// These, or for what was not given here, the ones before the command
    /// (`cpcms --data DIR play FILE`); devices from both places.
    pub(crate) fn or(&self, outer: &SystemArgs) -> SystemArgs {
        SystemArgs {
            roms: self.roms.clone().or_else(|| outer.roms.clone()),
            data: self.data.clone().or_else(|| outer.data.clone()),
            device: outer.device.iter().chain(&self.device).cloned().collect(),
        }
    }
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
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
        /// Directory for cp.lst, cms.lst, sysconf.asm, sysdir.asm and iplnuc.lst
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
pub(crate) struct PublishArgs {
    /// Write the transcript (what --headless prints) to this file
    #[arg(long, value_name = "OUT.txt")]
    pub(crate) transcript: Option<PathBuf>,
    /// Write the terminals' transcripts as a self-contained web page (for a course
    /// website: chapters, captions, one colour per terminal)
    #[arg(long, value_name = "OUT.html")]
    pub(crate) html: Option<PathBuf>,
    /// Write an asciinema v2 recording of the full-screen view (`asciinema play OUT.cast`)
    #[arg(long, value_name = "OUT.cast")]
    pub(crate) cast: Option<PathBuf>,
    /// The recorded screen, COLUMNSxROWS (80x24 to 400x200)
    #[arg(long, value_parser = cpcms::publish::parse_cast_size, default_value = "120x40",
          value_name = "WxH")]
    pub(crate) cast_size: (u16, u16),
}

impl PublishArgs {
    pub(crate) fn any(&self) -> bool {
        self.transcript.is_some() || self.html.is_some() || self.cast.is_some()
    }
}

#[derive(Args, Debug, Default)]
pub(crate) struct TraceArgs {
    /// Trace every instruction, or with --trace=interrupts every interruption, to a file
    /// (it slows the machine down)
    #[arg(long, num_args = 0..=1, require_equals = true, default_missing_value = "all",
          value_name = "WHAT")]
    pub(crate) trace: Option<TraceWhat>,
    /// Where the trace goes (implies --trace) [default: cpcms.trace]
    #[arg(long, value_name = "PATH")]
    pub(crate) trace_file: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum TraceWhat {
    /// Every instruction and interruption
    All,
    /// Interruptions only
    Interrupts,
}

impl TraceArgs {
    pub(crate) fn wanted(&self) -> Option<(TraceMode, PathBuf)> {
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
pub(crate) struct BenchArgs {
    /// Fraction of the full iteration counts (e.g. 0.1 for a quick look)
    #[arg(long, default_value_t = 1.0, value_name = "F")]
    pub(crate) scale: f64,
    /// Runs of each program on each machine; the best one counts
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub(crate) runs: u32,
    /// Do not run Hercules
    #[arg(long)]
    pub(crate) no_hercules: bool,
    /// Time by the wall clock instead of the CPU time of the emulating thread
    #[arg(long)]
    pub(crate) wall: bool,
    /// Also write the programs' images into this directory (for `cpcms ipl --core`)
    #[arg(long, value_name = "DIR")]
    pub(crate) images: Option<PathBuf>,
    /// Do not run the programs in a virtual machine under CP (the VM row and the
    /// trap-cost table)
    #[arg(long)]
    pub(crate) no_vm: bool,
    /// For the virtual machine: assemble CP and CMS from this directory (holding cp/ and
    /// cms/) instead of the copies built into cpcms
    #[arg(long, value_name = "DIR")]
    pub(crate) roms: Option<PathBuf>,
    /// Only show where CP's instructions go, by CP routine: per iteration of a trap loop
    /// (LPSW, SSM, SSK, ISK, DIAGNOSE, SIO, SIO+I/O, TIO, STCTL, STPT), per dispatch for the
    /// register or storage loop (at --scale)
    #[arg(long, value_name = "INSTRUCTION")]
    pub(crate) profile: Option<String>,
}

#[derive(Args, Debug)]
#[command(group(clap::ArgGroup::new("program").required(true).args(["core", "ipl", "deck", "dasd"])))]
pub(crate) struct IplArgs {
    /// Flat storage image to load
    #[arg(long, value_name = "FILE")]
    pub(crate) core: Option<PathBuf>,
    /// IPL from the device at CUU (attach it with --device)
    #[arg(long, value_parser = parse_cuu, value_name = "CUU")]
    pub(crate) ipl: Option<u16>,
    /// IPL from this card deck: a 3505 at 00C holding FILE (.txt: text, else EBCDIC)
    #[arg(long, value_name = "FILE")]
    pub(crate) deck: Option<PathBuf>,
    /// IPL from this volume (a Hercules CKD image): a 3330 at 190, or a 3350 at 150, as
    /// the image's header says
    #[arg(long, value_name = "FILE")]
    pub(crate) dasd: Option<PathBuf>,
    /// Attach a device: CUU=TYPE[:FILE], e.g. 00C=3505:deck.bin, 190=3330:vol.3330,
    /// 00E=1403:print.txt, 00D=3525:punch.bin (repeatable, each address once; the
    /// console, a 3215, is at 009)
    #[arg(long, value_parser = DeviceSpec::parse, value_name = "CUU=TYPE[:FILE]")]
    pub(crate) device: Vec<DeviceSpec>,
    /// Load address (hex, with --core)
    #[arg(long, value_parser = parse_hex32, default_value = "0", value_name = "HEX")]
    pub(crate) addr: u32,
    /// Start with this PSW (16 hex digits) instead of the doubleword at location 0
    /// (with --core)
    #[arg(long, value_parser = parse_psw, value_name = "HEX16")]
    pub(crate) psw: Option<u64>,
    /// Print storage at the end: ADDR.LEN, both hex (repeatable)
    #[arg(long, value_parser = parse_dump, value_name = "ADDR.LEN")]
    pub(crate) dump: Vec<(u32, u32)>,
    /// Stop after this many instructions (RESULT=TIMEOUT)
    #[arg(long, default_value_t = 100_000_000, value_name = "N")]
    pub(crate) max_instructions: u64,
    /// Main storage size
    #[arg(long, value_parser = parse_storage, default_value = "1M", value_name = "SIZE")]
    pub(crate) storage: u32,
    /// Press the interrupt key at the start (external interruption X'0040', pending
    /// until the program enables it: PSW bit 7 and CR0 bit 25)
    #[arg(long)]
    pub(crate) interrupt_key: bool,
    #[command(flatten)]
    pub(crate) trace: TraceArgs,
}

pub(crate) fn parse_hex(s: &str, max_digits: usize) -> Result<u64, String> {
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

pub(crate) fn parse_hex32(s: &str) -> Result<u32, String> {
    let v = parse_hex(s, 6)?;
    Ok(v as u32)
}

pub(crate) fn parse_cuu(s: &str) -> Result<u16, String> {
    cpcms::devices::parse_addr(s)
}

pub(crate) fn parse_psw(s: &str) -> Result<u64, String> {
    let psw = parse_hex(s, 16)?;
    match cpcms::cpu::psw_invalid_reason(psw) {
        Some(why) => Err(format!("not a valid PSW: {why}")),
        None => Ok(psw),
    }
}

pub(crate) fn parse_dump(s: &str) -> Result<(u32, u32), String> {
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

pub(crate) fn parse_storage(s: &str) -> Result<u32, String> {
    let v = units::parse_size(s)?;
    if v % 4096 != 0 || !(4096..=16 << 20).contains(&v) {
        return Err(format!(
            "\"{s}\": storage must be a multiple of 4K up to 16M"
        ));
    }
    Ok(v)
}
