//! The `cpcms` binary's handling of bad input: a clear message and exit code 2, never a
//! panic. (None of this needs a working machine.)

use std::path::PathBuf;
use std::process::{Command, Output};

fn cpcms(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cpcms"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run cpcms")
}

fn tmp(name: &str, contents: &[u8]) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cpcms-cli-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    let p = d.join(name);
    std::fs::write(&p, contents).unwrap();
    p
}

fn fails_with(args: &[&str], code: i32, stderr_has: &str) {
    let o = cpcms(args);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(code), "{args:?}: {err}");
    assert!(err.contains(stderr_has), "{args:?}: stderr was {err:?}");
    assert!(!err.contains("panicked"), "{args:?}: {err}");
}

#[test]
fn bad_scenario_file_points_at_line_and_column() {
    let p = tmp(
        "bad.ron",
        b"Scenario(\n  title: \"x\",\n  users: [(id: \"alice\", password: \"A\")],\n  steps: [],\n)\n",
    );
    let ps = p.to_str().unwrap();
    fails_with(
        &["play", ps, "--headless"],
        2,
        &format!("{ps}:3:16: user id \"alice\" must be 1 to 8 characters"),
    );
    fails_with(&["tui", ps], 2, &format!("{ps}:3:16:"));
    fails_with(&["play", ps], 2, &format!("{ps}:3:16:"));
}

#[test]
fn syntax_error_in_scenario() {
    let p = tmp(
        "syntax.ron",
        b"Scenario(\n  title: \"x\"\n  users: [],\n)\n",
    );
    let ps = p.to_str().unwrap();
    fails_with(
        &["play", ps, "--headless"],
        2,
        &format!("{ps}:3:3: Expected comma"),
    );
}

#[test]
fn missing_files() {
    fails_with(
        &["play", "/nonexistent/s.ron", "--headless"],
        2,
        "/nonexistent/s.ron: cannot read:",
    );
    fails_with(
        &["asm", "/nonexistent/a.asm"],
        2,
        "/nonexistent/a.asm: cannot read:",
    );
    fails_with(
        &["disasm", "/nonexistent/a.bin"],
        2,
        "/nonexistent/a.bin: cannot read:",
    );
    fails_with(
        &["ipl", "--core", "/nonexistent/c.bin"],
        2,
        "/nonexistent/c.bin: cannot read:",
    );
    fails_with(
        &["--roms", "/nonexistent/roms", "tui"],
        2,
        "/nonexistent/roms: not a directory",
    );
}

#[test]
fn bad_arguments() {
    fails_with(&["frobnicate"], 2, "unrecognized subcommand");
    fails_with(&["ipl", "--core", "x", "--dump", "zz"], 2, "ADDR.LEN");
    let core = tmp("core.bin", &[0; 16]);
    fails_with(
        &[
            "ipl",
            "--core",
            core.to_str().unwrap(),
            "--storage",
            "64K",
            "--dump",
            "FFF0.20",
        ],
        2,
        "--dump FFF0.20: beyond the end of storage (64K)",
    );
    fails_with(
        &[
            "ipl",
            "--core",
            core.to_str().unwrap(),
            "--device",
            "009=3505:x",
        ],
        2,
        "--device 009: the console is always there",
    );
    // An invalid --psw is the argument's fault, said once; one at location 0, the file's.
    let o = cpcms(&[
        "ipl",
        "--core",
        core.to_str().unwrap(),
        "--psw",
        "00080000FFFFFFFF",
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("'--psw <HEX16>': not a valid PSW: EC-mode"),
        "{err}"
    );
    assert_eq!(err.matches("EC-mode").count(), 1, "{err}");
    assert!(!err.contains("core.bin"), "{err}");
    let bad_psw = tmp("badpsw.bin", &[0, 8, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF]);
    fails_with(
        &["ipl", "--core", bad_psw.to_str().unwrap()],
        2,
        "badpsw.bin: the PSW at location 0, 00080000FFFFFFFF is not a valid PSW: EC-mode",
    );
    // Without a terminal the full-screen view says how to go headless, before it
    // makes a trace file.
    let trace = std::env::temp_dir().join(format!("cpcms-cli-{}.trace", std::process::id()));
    fails_with(
        &[
            "play",
            "scenarios/demo.ron",
            "--trace-file",
            trace.to_str().unwrap(),
        ],
        2,
        "cannot start the full-screen view: this is not a terminal (to print the transcript instead: cpcms play scenarios/demo.ron --headless)",
    );
    assert!(!trace.exists());
    fails_with(&[], 2, "cpcms play --headless)");
}

#[test]
fn data_must_be_a_directory() {
    let f = tmp("not-a-dir", b"x");
    let fs = f.to_str().unwrap();
    for args in [
        &["--data", fs, "play", "--headless"][..],
        &["play", "--headless", "--data", fs],
    ] {
        fails_with(
            args,
            2,
            &format!("{fs}: not a directory (--data names the directory"),
        );
        let err = String::from_utf8_lossy(&cpcms(args).stderr).to_string();
        assert!(!err.contains("os error"), "{err}");
        assert!(
            !err.contains("demo.ron"),
            "the scenario is not to blame: {err}"
        );
    }
}

#[test]
fn system_options_only_where_they_act() {
    fails_with(
        &["--roms", "roms", "asm", "x.asm"],
        2,
        "--roms acts only on play (or no command) and, --roms and --device, on sysgen, \
         not on asm",
    );
    fails_with(
        &["--data", "d", "ipl", "--core", "x"],
        2,
        "--data acts only on play",
    );
    fails_with(
        &["asm", "x.asm", "--roms", "roms"],
        2,
        "unexpected argument",
    );
    for (cmd, shows) in [
        ("play", true),
        ("asm", false),
        ("disasm", false),
        ("ipl", false),
    ] {
        let o = cpcms(&[cmd, "--help"]);
        let h = String::from_utf8_lossy(&o.stdout);
        assert!(o.status.success(), "{cmd}: {h}");
        assert_eq!(h.contains("--roms"), shows, "{cmd}: {h}");
        assert_eq!(h.contains("--data"), shows, "{cmd}: {h}");
    }
    // sysgen and bench (its virtual machine) take --roms only.
    for cmd in ["sysgen", "bench"] {
        let o = cpcms(&[cmd, "--help"]);
        let h = String::from_utf8_lossy(&o.stdout);
        assert!(h.contains("--roms") && !h.contains("--data"), "{cmd}: {h}");
    }
    fails_with(
        &["--data", "d", "bench", "--no-vm"],
        2,
        "--data acts only on play",
    );
}

/// `--device` for CP: a real disk beside the system residence volume, a 3350 image that
/// exists, not on channel 0, not at 150; refused elsewhere.
#[test]
fn device_for_cp_takes_existing_3350s() {
    let raw = tmp(
        "raw.3350",
        &cpcms::devices::dasd::new_volume(cpcms::devices::dasd::Model::D3350, 1, None),
    );
    let raw = raw.to_str().unwrap();
    let small = tmp(
        "small.3330",
        &cpcms::devices::dasd::new_volume(cpcms::devices::dasd::Model::D3330, 1, None),
    );
    let small = small.to_str().unwrap();
    for (dev, says) in [
        (
            "00D=3525:x".to_string(),
            "--device 00D: CP drives no real punch",
        ),
        (
            "00E=3505:x".to_string(),
            "--device 00E: CP's card reader is at 00C",
        ),
        (
            "00C=3505:/nonexistent/deck.bin".to_string(),
            "/nonexistent/deck.bin: cannot read",
        ),
        (
            "151=3350:/nonexistent/v.3350".to_string(),
            "--device 151: /nonexistent/v.3350: no such volume",
        ),
        (
            format!("0E0=3350:{raw}"),
            "--device 0E0: 0E0 is on channel 0",
        ),
        (
            format!("150=3350:{raw}"),
            "--device 150: 150 is the system residence volume's drive",
        ),
        (
            format!("151=3350:{small}"),
            "a 3330 volume, not a 3350 (CP's real disks are 3350s",
        ),
    ] {
        fails_with(&["play", "--headless", "--device", &dev], 2, says);
    }
    fails_with(
        &[
            "play",
            "--headless",
            "--device",
            &format!("151=3350:{raw}"),
            "--device",
            &format!("151=3350:{raw}"),
        ],
        2,
        "--device 151: there is a disk at 151 already (--device 151)",
    );
    fails_with(
        &["--device", &format!("151=3350:{raw}"), "ipl", "--core", "x"],
        2,
        "--device (for CP) acts only on play",
    );
}

#[test]
fn play_headless_without_a_file_plays_the_demonstration() {
    let o = cpcms(&["play", "--headless"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.contains("VM/370 ONLINE"), "{out}");
    assert!(out.contains("LOGON ALICE"), "{out}");
}

#[test]
fn help_and_version() {
    let o = cpcms(&["--help"]);
    assert!(o.status.success());
    let h = String::from_utf8_lossy(&o.stdout);
    for c in [
        "play", "sysgen", "asm", "disasm", "ipl", "bench", "--roms", "--data",
    ] {
        assert!(h.contains(c), "{h}");
    }
    // What each command does, and where --headless is.
    assert!(h.contains("with --headless, run it flat out"), "{h}");
    assert!(h.contains("cpcms play --headless"), "{h}");
    let o = cpcms(&["play", "--help"]);
    let h = String::from_utf8_lossy(&o.stdout);
    assert!(h.contains("built-in demonstration"), "{h}");
    assert!(h.contains("--trace"), "{h}");
    assert!(cpcms(&["--version"]).status.success());
}

#[test]
fn hello_example_runs_as_its_comment_says() {
    // The commands in the example's opening comment, run from the repository's root with
    // the outputs in a scratch directory.
    let src = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/hello.asm"),
    )
    .unwrap();
    let dir = std::env::temp_dir().join(format!("cpcms-cli-hello-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let commands: Vec<Vec<String>> = src
        .lines()
        .take_while(|l| l.starts_with('*'))
        .filter_map(|l| l.trim_start_matches('*').trim().strip_prefix("cpcms "))
        .map(|c| {
            c.split_whitespace()
                .map(|a| {
                    if a.starts_with("hello.") {
                        dir.join(a).display().to_string()
                    } else {
                        a.to_string()
                    }
                })
                .collect()
        })
        .collect();
    assert_eq!(commands.len(), 2, "{src}");
    for c in &commands {
        let args: Vec<&str> = c.iter().map(String::as_str).collect();
        let o = cpcms(&args);
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_trace_of_the_bare_machine_names_nobody() {
    let dir = std::env::temp_dir().join(format!("cpcms-cli-trace-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bin = dir.join("hello.bin");
    let trace = dir.join("hello.trace");
    let o = cpcms(&[
        "asm",
        "tests/programs/hello.asm",
        "--image",
        bin.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = cpcms(&[
        "ipl",
        "--core",
        bin.to_str().unwrap(),
        "--trace-file",
        trace.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let t = std::fs::read_to_string(&trace).unwrap();
    assert!(t.lines().count() > 5, "{t}");
    for l in t.lines().filter(|l| !l.contains("***")) {
        let f: Vec<&str> = l.split_whitespace().collect();
        // address, S/P, R/V, then the instruction's bytes: no `CP`, nobody.
        assert!(f[1] == "S" || f[1] == "P", "{l}");
        assert!(f[3].bytes().all(|b| b.is_ascii_hexdigit()), "{l}");
        assert!(!f.contains(&"CP"), "{l}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_readme_assembles_cp_as_written() {
    // No sysgen before it: SYSCONF is the one sysgen makes for the demonstration.
    let o = cpcms(&["asm", "roms/cp/cp.asm", "--bench"]);
    let out = String::from_utf8_lossy(&o.stdout);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(!err.contains("error"), "{err}");
    assert!(
        err.contains("note: COPY members SYSCONF and SYSDIR are not in roms/cp; using the ones sysgen generates for the demonstration"),
        "{err}"
    );
    assert!(out.contains("roms/cp/cp.asm: fastest "), "{out}");
    assert!(out.contains(" over 50 runs ("), "{out}");
    // A failed assembly is not timed.
    let bad = tmp(
        "bad.asm",
        b"X        CSECT\n         L     1,NOPE\n         END\n",
    );
    let o = cpcms(&["asm", bad.to_str().unwrap(), "--bench"]);
    let out = String::from_utf8_lossy(&o.stdout);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("1 error(s); nothing timed"), "{err}");
    assert!(!out.contains("fastest"), "{out}");
}

#[test]
fn assembler_messages_name_files_and_warn_of_a_missing_end() {
    let d = std::env::temp_dir().join(format!("cpcms-cli-asm-{}", std::process::id()));
    let inc = d.join("inc");
    std::fs::create_dir_all(&inc).unwrap();
    std::fs::write(
        d.join("main.asm"),
        "X        CSECT\n         COPY  SUB\n         BR    14\n",
    )
    .unwrap();
    std::fs::write(inc.join("sub.asm"), "*\n         L     1,NOPE\n").unwrap();
    let main = d.join("main.asm");
    let o = cpcms(&["asm", main.to_str().unwrap(), "-I", inc.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    // The member's file, as at start-up, not `SUB:2:18`.
    let want = format!(
        "{}:2:18: error: undefined symbol 'NOPE'",
        inc.join("sub.asm").display()
    );
    assert!(err.contains(&want), "{err}");
    std::fs::write(inc.join("sub.asm"), "*\n         LR    1,2\n").unwrap();
    let o = cpcms(&["asm", main.to_str().unwrap(), "-I", inc.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    let want = format!(
        "{}:3:1: warning: no END statement: the assembly ends with the file",
        main.display()
    );
    assert!(err.contains(&want), "{err}");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn disasm_does_not_wrap_past_the_end_of_storage() {
    let p = tmp("four.bin", &[0x18, 0x12, 0x18, 0x34]);
    let ps = p.to_str().unwrap();
    fails_with(
        &["disasm", ps, "--addr", "FFFFFF"],
        2,
        &format!(
            "{ps}: 4 bytes from --addr FFFFFF would go past FFFFFF, the end of 24-bit storage"
        ),
    );
    let o = cpcms(&["disasm", ps, "--addr", "FFFFFC"]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("FFFFFE  1834"));
}

#[test]
fn bench_shows_progress_as_it_goes() {
    let o = cpcms(&["bench", "--scale", "0.0005", "--runs", "2", "--no-hercules"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("\n3 programs, 2 runs each on cpcms (register and storage also in a virtual machine under CP)"), "{err}");
    // A line for every run, with the best so far.
    assert_eq!(err.matches(" on cpcms, run ").count(), 6, "{err}");
    assert!(
        err.contains("(3/3) decimal+float on cpcms, run 2 of 2: "),
        "{err}"
    );
    assert!(err.contains(" MIPS (best "), "{err}");
    assert!(String::from_utf8_lossy(&o.stdout).contains("| register "));
    // The register and storage loops in a virtual machine under CP, each run after its
    // bare run: the VM table; then the trap-cost table (tests/bench.rs checks the counts).
    assert_eq!(
        err.matches(" on a virtual machine under CP, run ").count(),
        4,
        "{err}"
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("| VM guest MIPS | VM/bare |"), "{out}");
    assert!(out.contains("\n| register | 200005 | "), "{out}");
    assert!(out.contains("\n| storage | 120003 | "), "{out}");
    assert!(out.contains("| CP instructions per trap |"), "{out}");
    for t in [
        "LPSW", "SSM", "SSK", "ISK", "DIAGNOSE", "SIO", "SIO+I/O", "TIO", "STCTL", "STPT",
    ] {
        assert!(out.contains(&format!("\n| {t} (")), "{t}: {out}");
    }
    // --no-vm: the bare table only.
    let o = cpcms(&[
        "bench",
        "--scale",
        "0.0001",
        "--runs",
        "1",
        "--no-hercules",
        "--no-vm",
    ]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success() && out.contains("| register "), "{out}");
    assert!(!out.contains("VM/bare"), "{out}");
}

#[test]
fn kiosk_and_record_refuse_what_they_cannot_do() {
    fails_with(
        &["kiosk", "--idle", "0s"],
        2,
        "--idle: give a time longer than nothing",
    );
    fails_with(&["kiosk", "--idle", "soon"], 2, "--idle: bad duration");
    fails_with(&["kiosk", "/no/such/dir"], 2, "/no/such/dir: ");
    // Without a terminal (as here) the kiosk says so instead of drawing.
    fails_with(
        &["kiosk", "scenarios"],
        2,
        "cannot start the kiosk: this is not a terminal",
    );
    fails_with(
        &[
            "play",
            "scenarios/logon.ron",
            "--headless",
            "--record",
            "x.ron",
        ],
        2,
        "--record records what a person types in the full-screen view",
    );
}
