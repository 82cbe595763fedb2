//! The assembler's outputs, end to end through the `cpcms` binary: an object deck of a
//! multi-CSECT program (and a second deck it calls through a V-type constant) is loaded
//! by the relocating loader at an address it was not assembled for, and run on the bare
//! machine with `cpcms ipl --core`; and the README's example assembles and runs in two
//! commands.

use std::path::{Path, PathBuf};
use std::process::Command;

fn cpcms(args: &[&str]) -> (i32, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_cpcms"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run cpcms");
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn tmpdir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cpcms-asm-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

const MAIN: &str = "\
MAIN     CSECT
         ENTRY GO
GO       BALR  12,0
         USING *,12
         L     15,=V(SUB)          the other deck's routine
         BALR  14,15
         L     2,=A(DATA)          an address in the second CSECT
         L     4,0(,2)
         L     5,4(,2)             A(GO), relocated
         LPSW  WAIT
         DS    0D
WAIT     DC    X'000A000000000BAD'
         LTORG
DATA2    CSECT
DATA     DC    F'7'
         DC    A(GO)
         END   GO
";

const SUB: &str = "\
SUB      CSECT
         LA    3,1
         BR    14
         END
";

#[test]
fn object_decks_link_relocate_and_run() {
    let d = tmpdir("obj");
    let (m, sb) = (d.join("main.asm"), d.join("sub.asm"));
    std::fs::write(&m, MAIN).unwrap();
    std::fs::write(&sb, SUB).unwrap();
    let (mo, so) = (d.join("main.obj"), d.join("sub.obj"));
    for (src, obj) in [(&m, &mo), (&sb, &so)] {
        let (code, _, err) = cpcms(&["asm", s(src), "--object", s(obj)]);
        assert_eq!(code, 0, "{err}");
    }
    let decks = [std::fs::read(&mo).unwrap(), std::fs::read(&so).unwrap()];
    assert_eq!(decks[0].len() % 80, 0);
    let l = cpcms::asm::loader::load(&[&decks[0], &decks[1]], 0x2000).unwrap();
    assert_eq!(l.entry, Some(0x2000));
    let core = d.join("linked.bin");
    std::fs::write(&core, &l.image).unwrap();
    let (code, out, err) = cpcms(&[
        "ipl",
        "--core",
        s(&core),
        "--addr",
        "2000",
        "--psw",
        "0000000000002000",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    // MAIN is 0x28 bytes, so DATA2 lands at 2028 and SUB at 2030.
    for want in [
        "RESULT=WAIT",
        "R2=00002028",
        "R3=00000001",
        "R4=00000007",
        "R5=00002000",
        "R15=00002030",
    ] {
        assert!(out.contains(want), "{want} missing from\n{out}");
    }
}

#[test]
fn readme_example_in_two_commands() {
    let d = tmpdir("hello");
    let bin = d.join("hello.bin");
    let (code, out, err) = cpcms(&["asm", "tests/programs/hello.asm", "--image", s(&bin)]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) = cpcms(&["ipl", "--core", s(&bin)]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("RESULT=WAIT"), "{out}");
    assert!(out.contains("R2=0000002A"), "{out}");
    assert!(err.contains("HELLO, WORLD"), "{err}");
    assert!(err.contains("FROM S/370 ASSEMBLER"), "{err}");
}

#[test]
fn asm_reports_every_error_with_macro_trace() {
    let d = tmpdir("err");
    let p = d.join("bad.asm");
    std::fs::write(
        &p,
        "         MACRO\n         M     &R\n         LR    &R,99\n         MEND\n         M     1\n         L     1,NOWHERE\n",
    )
    .unwrap();
    let (code, _, err) = cpcms(&["asm", s(&p)]);
    assert_eq!(code, 1);
    let ps = s(&p);
    assert!(
        err.contains(&format!(
            "{ps}:3:18: error: register 99 out of range (0 to 15) (in macro M called at {ps}:5)"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("{ps}:6:18: error: undefined symbol 'NOWHERE'")),
        "{err}"
    );
    assert!(err.contains("2 error(s)"), "{err}");
}
