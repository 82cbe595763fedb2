//! The `cpcms` command: the full-screen view, headless scenario runs, and the tools
//! (assembler, disassembler, bare-machine IPL). The commands themselves are in
//! [`cli`]: their arguments (args.rs), the system's commands (play.rs: play, kiosk,
//! sysgen), the bare machine's (bare.rs: ipl, bench) and the assembler's (asm.rs).

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

mod cli;

use cli::args::{Cli, Command, PublishArgs, TraceArgs};
use cli::asm::{AsmOut, asm, disasm};
use cli::bare::{bench, ipl};
use cli::play::{kiosk, play, sysgen};
use cli::{Fail, bad};
use cpcms::devices::DeviceSpec;

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
