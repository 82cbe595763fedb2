//! The command line: clap's definition, each command's arguments, the IPL report's format.

use std::path::PathBuf;

use clap::Parser;
use cpcms::devices::DeviceType;
use cpcms::trace::TraceMode;

use super::args::*;
use super::asm::*;
use super::bare::*;

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
