//! The CMS EXEC interpreter (roms/cms/exec*.asm), statement by statement: test EXECs are
//! put on a copy of the S disk (a roms directory of their own, `--roms`), so that the real
//! S disk keeps only the EXECs meant for users, and a scenario runs them headless.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Copy `from` into `to`, every file and folder.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let dest = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_tree(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).unwrap();
        }
    }
}

/// A roms directory with `execs` (name, text) added to the S disk, and a scenario that logs
/// ALICE on and types `lines`, each waited for until the ready message.
fn run(tag: &str, execs: &[(&str, &str)], lines: &[&str]) -> String {
    let dir: PathBuf =
        std::env::temp_dir().join(format!("cpcms-exec-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let roms = dir.join("roms");
    copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("roms"), &roms);
    for (name, text) in execs {
        std::fs::write(roms.join("cms/sdisk").join(format!("{name}.EXEC")), text).unwrap();
    }
    let mut steps = vec![
        r#"Expect(terminal: 0, text: "VM/370 ONLINE"),"#.to_string(),
        r#"Type(terminal: 0, text: "LOGON ALICE ALICE"),"#.to_string(),
        r#"Expect(terminal: 0, text: "CMS VERSION"),"#.to_string(),
        r#"Type(terminal: 0, text: ""),"#.to_string(),
        r#"Expect(terminal: 0, text: "; T=", within: "10s"),"#.to_string(),
    ];
    // A line "> text" answers a read: typed half a second after the line before it, and
    // the ready message is waited for after the last line of a run of them.
    for (i, l) in lines.iter().enumerate() {
        match l.strip_prefix("> ") {
            Some(answer) => {
                steps.push(r#"Sleep("500ms"),"#.to_string());
                steps.push(format!(r#"Type(terminal: 0, text: "{answer}"),"#));
            }
            None => steps.push(format!(r#"Type(terminal: 0, text: "{l}"),"#)),
        }
        if !lines.get(i + 1).is_some_and(|n| n.starts_with("> ")) {
            steps.push(r#"Expect(terminal: 0, text: "; T=", within: "30s"),"#.to_string());
        }
    }
    let ron = format!(
        "Scenario(\n title: \"exec\",\n users: [(id: \"ALICE\", password: \"ALICE\", storage: \"1M\")],\n steps: [\n{}\n ],\n)\n",
        steps.join("\n")
    );
    let file = dir.join("t.ron");
    std::fs::write(&file, ron).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cpcms"))
        .args(["play", file.to_str().unwrap(), "--headless", "--roms"])
        .arg(&roms)
        .output()
        .expect("run cpcms");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "exit {:?}\n{}\n{stdout}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
    stdout
}

/// The lines of terminal 0, without the "0 | " before them.
fn lines(out: &str) -> Vec<&str> {
    out.lines().filter_map(|l| l.strip_prefix("0 | ")).collect()
}

/// `want` appear in this order (other lines may come between).
fn in_order(out: &str, want: &[&str]) {
    let got = lines(out);
    let mut at = 0;
    for w in want {
        match got[at..].iter().position(|l| l.starts_with(w)) {
            Some(i) => at += i + 1,
            None => panic!("no line {w:?} after line {at}:\n{}", got.join("\n")),
        }
    }
}

const T1: &str = "&CONTROL ALL
&X = 5
&Y = &X * 3 - 1
&TYPE Y IS &Y
&IF &Y = 14 &TYPE FOURTEEN
&IF &Y ¬= 14 &TYPE NOT FOURTEEN
&IF ABC < ABD &TYPE STRINGS OK
&IF 10 > 9 &TYPE NUMBERS OK
&IF 10 GT 9 &IF 2 LE 2 &TYPE NESTED IF
&CONTROL ERROR
STATE NOSUCH FILE
&ERROR &GOTO -ERR
STATE T1 EXEC
STATE NOSUCH FILE
&TYPE NOT HERE
-ERR &TYPE ERROR CAUGHT, RC &RETCODE
&ERROR &CONTINUE
&SKIP 1
&TYPE SKIPPED
&TYPE AFTER SKIP
&C = 0
&LOOP 2 3
&C = &C + 1
&TYPE PASS &C
&LOOP -L1 2
&LOOP -L1 2
&TYPE INNER
-L1
&C = 0
&LOOP -L2 &C = 3
&C = &C + 1
-L2 &TYPE C NOW &C
&A = &CONCAT AB &C XY
&L = &LENGTH ALPHA
&D = &DATATYPE 123
&E = &DATATYPE 12A
&S = &SUBSTR ABCDEF 2 3
&TYPE &A &L &D &E &S
&TYPE &LITERAL &A IS &A
&EMSG XYZ001E SOMETHING WRONG
&GLOBAL3 = 7
&TYPE G3 &GLOBAL3 G4 &GLOBAL4 DISKS &DISKA &DISKS &DISKZ &DISK*
&TYPE LINE &LINENUM RF &READFLAG TF &TYPEFLAG EXEC &EXEC
&ARGS P % R
&TYPE ARGS &INDEX : &1 &2 &3
&IF &* = R &TYPE ALL R
&IF &$ = R &TYPE SOME R
&I = 3
&TYPE THIRD &&I
&0 = NEWNAME
&TYPE ZERO &0 EXEC &EXEC
&INDEX = 3
&TYPE NOT REACHED
";

#[test]
fn statements_variables_and_errors() {
    let out = run("t1", &[("T1", T1)], &["T1"]);
    in_order(
        &out,
        &[
            "&X = 5",
            "&Y = 5 * 3 - 1",
            "Y IS 14",
            "FOURTEEN",
            "STRINGS OK",
            "NUMBERS OK",
            "NESTED IF",
            "DMSSTT002E FILE 'NOSUCH FILE *' NOT FOUND",
            "STATE NOSUCH FILE",
            "+++ R(00028) +++",
            "ERROR CAUGHT, RC 28",
            "AFTER SKIP",
            "PASS 1",
            "PASS 2",
            "PASS 3",
            "INNER",
            "INNER",
            "INNER",
            "INNER",
            "C NOW 1",
            "C NOW 3",
            "AB3XY 5 NUM CHAR BCD",
            "&A IS AB3XY",
            "DMSXYZ001E SOMETHIN WRONG",
            "G3 7 G4 1 DISKS CMS CMS NA A",
            "LINE 43 RF CONSOLE TF RT EXEC T1",
            "ARGS 3 : P R",
            "SOME R",
            "THIRD R",
            "ZERO NEWNAME EXEC T1",
            "DMSEXT072E ERROR IN EXEC FILE T1, LINE 52 - MISUSE OF SPECIAL VARIABLE",
            "R(00809); T=0.",
        ],
    );
    let got = lines(&out);
    for never in [
        "NOT FOURTEEN",
        "NOT HERE",
        "SKIPPED",
        "C NOW 4",
        "ALL R",
        "NOT REACHED",
    ] {
        assert!(!got.contains(&never), "{never:?} typed:\n{out}");
    }
    // &CONTROL ERROR: the command that worked is not shown.
    assert!(!got.contains(&"STATE T1 EXEC"), "{out}");
}

#[test]
fn read_lines_nesting_and_the_error_messages() {
    let t3 = "&BEGTYPE ALL\n   INDENTED   LINE    KEPT\n&END\n&TYPE TYPE A COMMAND\n&READ\n\
              &TYPE NOW TWO LINES\n&READ 2\n&TYPE ARGS &INDEX &1\n&GOTO 11\n&GOTO TOP\n&EXIT -5\n";
    let nest = "&CONTROL OFF\n&TYPE LEVEL &GLOBAL\n&IF &GLOBAL LT 25 NEST\n&EXIT &RETCODE\n";
    let errs = "&IF &1 = 1 &GOTO -nowhere\n&IF &1 = 3 &GOTO -L3\n&IF &1 = 4 &X = A B\n\
                &IF &1 = 5 &SKIP -100\n&IF &1 = 7 &LOOP -NOLABEL 2\n&EXIT 99\n-L3\n&LOOP 5 2\n\
                &LOOP 4 2\n&LOOP 3 2\n&LOOP 2 2\n&LOOP 1 2\n&TYPE X\n";
    let long = format!("&TYPE {}\n", "X".repeat(140));
    let args: String = (1..=31).map(|i| format!(" {i}")).collect();
    let out = run(
        "t3",
        &[("T3", t3), ("NEST", nest), ("ERRS", errs), ("LONG", &long)],
        &[
            "T3",
            "> cp query time",
            "> &type hello",
            "> &args a b",
            "NEST",
            "ERRS 1",
            "ERRS 3",
            "ERRS 4",
            "ERRS 5",
            "ERRS 7",
            "ERRS 8",
            &format!("ERRS{args}"),
            "LONG",
            "COPYFILE T3 EXEC S T3F EXEC A (RECFM F LRECL 80",
            "T3F",
            "> &exit 3",
        ],
    );
    in_order(
        &out,
        &[
            "   INDENTED   LINE    KEPT",
            "TYPE A COMMAND",
            "CP QUERY TIME",
            "NOW TWO LINES",
            "HELLO",
            "ARGS 2 A",
            "R(-0005); T=0.",
            "LEVEL 20",
            "DMSEXT072E ERROR IN EXEC FILE NEST, LINE 0 - EXECS NESTED TOO DEEPLY",
            "R(00813); T=0.",
            "DMSEXT072E ERROR IN EXEC FILE ERRS, LINE 1 - &SKIP OR &GOTO ERROR",
            "R(00802); T=0.",
            "DMSEXT072E ERROR IN EXEC FILE ERRS, LINE 12 - MAXIMUM DEPTH OF LOOP NESTING EXCEEDED",
            "R(00805); T=0.",
            "DMSEXT072E ERROR IN EXEC FILE ERRS, LINE 3 - INVALID FORM",
            "R(00810); T=0.",
            "DMSEXT072E ERROR IN EXEC FILE ERRS, LINE 4 - &SKIP OR &GOTO ERROR",
            "R(00802); T=0.",
            "DMSEXT072E ERROR IN EXEC FILE ERRS, LINE 5 - EOF FOUND IN LOOP",
            "R(00807); T=0.",
            "R(00099); T=0.",
            "DMSEXT072E ERROR IN EXEC FILE ERRS, LINE 0 - TOO MANY ARGUMENTS",
            "R(00804); T=0.",
            "DMSEXT072E ERROR IN EXEC FILE LONG, LINE 0 - BAD FILE FORMAT",
            "R(00803); T=0.",
            // An F 80 copy runs the same (columns 73-80 are not scanned).
            "   INDENTED   LINE    KEPT",
            "R(00003); T=0.",
        ],
    );
    assert!(!lines(&out).contains(&"LEVEL 21"), "{out}");
}
