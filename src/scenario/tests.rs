use super::*;

fn err(src: &str) -> String {
    Scenario::parse("t.ron", src).unwrap_err().to_string()
}

#[test]
fn demo_parses() {
    let s = Scenario::parse(DEMO_NAME, DEMO_SOURCE).unwrap();
    assert_eq!(s.users.len(), 5, "ALICE, BOB, CAROL, MAINT and OPERATOR");
    let op = s.users.iter().find(|u| u.id == "OPERATOR").unwrap();
    assert_eq!(op.classes, "ABCDEFGH");
    assert_eq!(s.terminals, 3);
    assert!(
        s.disks
            .iter()
            .any(|d| d.user == "CAROL" && d.vaddr == 0x190 && d.read_only)
    );
    assert_eq!(s.storage, 2 << 20);
    assert!(s.steps.contains(&Step::Type {
        terminal: 0,
        text: "CP QUERY NAMES".into()
    }));
}

#[test]
fn good_file() {
    let src = r#"Scenario(
    title: "Three users",
    machine: (storage: "2M", speed_mips: 1.5, date: "1979-06-29 09:00:00"),
    users: [ (id: "ALICE", password: "ALICE", storage: "512K"), (id: "B$#@9", password: "X") ],
    terminals: 3,
    steps: [
        Caption("hello"),
        Type(terminal: 0, text: "LOGON ALICE ALICE"),
        Expect(terminal: 2, text: "R;", within: "500ms"),
        Expect(terminal: 1, text: "CMS"),
        Sleep("1s"),
    ],
)"#;
    let s = Scenario::parse("t.ron", src).unwrap();
    assert_eq!(s.title, "Three users");
    assert_eq!(s.mips, 1.5);
    assert_eq!(
        s.tod_epoch,
        units::parse_date("1979-06-29 09:00:00").unwrap()
    );
    assert_eq!(s.users[1].storage, 512 * 1024, "default user storage");
    assert_eq!(
        s.steps,
        vec![
            Step::Caption("hello".into()),
            Step::Type {
                terminal: 0,
                text: "LOGON ALICE ALICE".into()
            },
            Step::Expect {
                terminal: 2,
                text: "R;".into(),
                within: 500_000 * crate::cpu::TOD_PER_US
            },
            Step::Expect {
                terminal: 1,
                text: "CMS".into(),
                within: 10_000_000 * crate::cpu::TOD_PER_US
            },
            Step::Sleep(1_000_000 * crate::cpu::TOD_PER_US),
        ]
    );
    assert_eq!(s.step_pos[2], Pos { line: 9, col: 9 });
    let c = s.sys_config();
    assert_eq!(c.terminals, 3);
    assert_eq!(c.storage, 2 << 20);
    assert_eq!(c.users.len(), 2);
    assert_eq!(c.tod_epoch, s.tod_epoch);
}

#[test]
fn defaults() {
    let s = Scenario::parse(
        "t.ron",
        r#"(title: "x", users: [(id: "A", password: "B")], steps: [])"#,
    )
    .unwrap();
    assert_eq!(s.terminals, 1);
    assert_eq!(s.storage, 2 << 20);
    assert_eq!(s.mips, 1.0);
    assert_eq!(s.tod_epoch, units::parse_date(DEFAULT_DATE).unwrap());
}

#[test]
fn syntax_error() {
    assert_eq!(
        err("Scenario(\n  title: \"x\"\n  users: [],\n)"),
        "t.ron:3:3: Expected comma"
    );
}

#[test]
fn unknown_field() {
    assert_eq!(
        err("Scenario(\n  title: \"x\",\n  colour: 3,\n  users: [],\n  steps: [],\n)"),
        "t.ron:3:9: Unexpected field named `colour` in `Scenario`, expected one of `title`, `machine`, `users`, `directory`, `terminals`, `steps` instead"
    );
}

#[test]
fn unknown_step_field() {
    assert_eq!(
        err(
            "(title: \"x\", users: [(id: \"A\", password: \"A\")],\n steps: [Type(terminal: 0, txt: \"x\")])"
        ),
        "t.ron:2:31: Unexpected field named `txt` in `Type`, expected either `terminal` or `text` instead"
    );
}

#[test]
fn unknown_step() {
    assert_eq!(
        err("(title: \"x\", users: [(id: \"A\", password: \"A\")],\n steps: [Wait(\"1s\")])"),
        "t.ron:2:14: Unexpected variant named `Wait` in enum `Step`, expected one of `Caption`, `Type`, `Expect`, `Sleep`, `Marker`, `Pause`, `Speed`, `Highlight`, `Reader` instead"
    );
}

#[test]
fn missing_users_field() {
    assert_eq!(
        err("(title: \"x\",\n steps: [])"),
        "t.ron:1:1: no users: give users: [ (id: \"ALICE\", password: \"ALICE\") ] or a directory: \"user.direct\""
    );
}

#[test]
fn wrong_types_and_shapes() {
    assert_eq!(
        err("Other(title: \"x\", users: [(id: \"A\", password: \"A\")], steps: [])"),
        "t.ron:1:6: Expected struct `Scenario` but found `Other`"
    );
    assert_eq!(
        err("(title: \"x\", users: [(id: \"A\", password: \"A\")], steps: [Sleep(1)])"),
        "t.ron:1:63: Expected string"
    );
    assert_eq!(
        err("(title: \"x\", users: [(id: \"A\", password: \"A\")], terminals: \"3\", steps: [])"),
        "t.ron:1:60: Expected integer"
    );
    assert_eq!(
        err("(title: \"x\", users: [(id: \"A\", password: \"A\")], steps: []) junk"),
        "t.ron:1:60: Non-whitespace trailing characters"
    );
    assert_eq!(
        err(""),
        "t.ron:1:1: Expected opening `(` for struct `Scenario`"
    );
}

#[test]
fn empty_users() {
    assert_eq!(
        err("(title: \"x\",\n users: [],\n steps: [])"),
        "t.ron:2:9: no users: give users: [ (id: \"ALICE\", password: \"ALICE\") ] or a directory: \"user.direct\""
    );
}

#[test]
fn bad_user_id() {
    assert_eq!(
        err(
            "(title: \"x\", users: [\n  (id: \"A\", password: \"A\"),\n  (id: \"alice\", password: \"A\")], steps: [])"
        ),
        "t.ron:3:8: user id \"alice\" must be 1 to 8 characters of A-Z, 0-9, $, # and @"
    );
    assert_eq!(
        err("(title: \"x\", users: [(id: \"ABCDEFGHI\", password: \"A\")], steps: [])"),
        "t.ron:1:27: user id \"ABCDEFGHI\" must be 1 to 8 characters of A-Z, 0-9, $, # and @"
    );
    assert_eq!(
        err("(title: \"x\", users: [(id: \"\", password: \"A\")], steps: [])"),
        "t.ron:1:27: user id \"\" must be 1 to 8 characters of A-Z, 0-9, $, # and @"
    );
}

#[test]
fn duplicate_user() {
    assert_eq!(
        err(
            "(title: \"x\", users: [(id: \"A\", password: \"A\"),\n (id: \"A\", password: \"A\")], steps: [])"
        ),
        "t.ron:2:7: user id \"A\" is already in the directory"
    );
}

#[test]
fn bad_password() {
    assert_eq!(
        err("(title: \"x\", users: [(id: \"A\", password: \"a b\")], steps: [])"),
        "t.ron:1:42: the password of A must be 1 to 8 characters of A-Z, 0-9, $, # and @"
    );
}

#[test]
fn bad_user_storage() {
    assert_eq!(
        err("(title: \"x\", users: [(id: \"A\", password: \"A\", storage: \"100K\")], steps: [])"),
        "t.ron:1:56: virtual storage \"100K\" of A must be a multiple of 64K from 64K to 4M"
    );
    assert_eq!(
        err("(title: \"x\", users: [(id: \"A\", password: \"A\", storage: \"8M\")], steps: [])"),
        "t.ron:1:56: virtual storage \"8M\" of A must be a multiple of 64K from 64K to 4M"
    );
    assert_eq!(
        err("(title: \"x\", users: [(id: \"A\", password: \"A\", storage: \"lots\")], steps: [])"),
        "t.ron:1:56: bad size \"lots\": write a number of bytes, or a number followed by K or M (e.g. \"512K\", \"2M\")"
    );
}

#[test]
fn bad_machine() {
    assert_eq!(
        err(
            "(title: \"x\",\n machine: (storage: \"17M\"),\n users: [(id: \"A\", password: \"A\")], steps: [])"
        ),
        "t.ron:2:21: machine storage \"17M\" must be a multiple of 4K from 256K to 16M"
    );
    // CP's rule, checked here with a position, not when the system starts.
    assert_eq!(
        err(
            "(title: \"x\",\n machine: (storage: \"64K\"),\n users: [(id: \"A\", password: \"A\")], steps: [])"
        ),
        "t.ron:2:21: machine storage \"64K\" must be a multiple of 4K from 256K to 16M"
    );
    let s = Scenario::parse(
        "t.ron",
        "(title: \"x\",\n machine: (storage: \"256K\"),\n users: [(id: \"A\", password: \"A\")], steps: [])",
    )
    .unwrap();
    assert_eq!(s.storage, 256 * 1024);
    assert_eq!(s.sys_config().storage_at.as_deref(), Some("t.ron:2:21"));
    assert_eq!(
        err(
            "(title: \"x\",\n machine: (speed_mips: 0.0),\n users: [(id: \"A\", password: \"A\")], steps: [])"
        ),
        "t.ron:2:24: speed_mips 0 must be between 0.001 and 10000"
    );
    assert_eq!(
        err(
            "(title: \"x\",\n machine: (date: \"1979-02-30\"),\n users: [(id: \"A\", password: \"A\")], steps: [])"
        ),
        "t.ron:2:18: bad date \"1979-02-30\": no such day in that month (write \"YYYY-MM-DD HH:MM:SS\")"
    );
}

#[test]
fn bad_terminals() {
    assert_eq!(
        err("(title: \"x\", users: [(id: \"A\", password: \"A\")],\n terminals: 0, steps: [])"),
        "t.ron:2:13: terminals: 0: there must be 1 to 64 terminals"
    );
    assert_eq!(
        err("(title: \"x\", users: [(id: \"A\", password: \"A\")],\n terminals: 65, steps: [])"),
        "t.ron:2:13: terminals: 65: there must be 1 to 64 terminals"
    );
    let users = |n: usize| -> String {
        (0..n)
            .map(|i| format!("(id: \"U{i}\", password: \"P\")"))
            .collect::<Vec<_>>()
            .join(",\n ")
    };
    // 64 users and terminals are a classroom; each user gets a terminal, none is cut.
    let s = Scenario::parse(
        "t.ron",
        &format!("(title: \"x\", users: [\n {}], steps: [])", users(64)),
    )
    .unwrap();
    assert_eq!((s.users.len(), s.terminals), (64, 64));
    let s = Scenario::parse(
        "t.ron",
        &format!(
            "(title: \"x\", users: [\n {}], terminals: 64, steps: [])",
            users(20)
        ),
    )
    .unwrap();
    assert_eq!(s.terminals, 64);
    // The 65th user is refused where it is written.
    assert_eq!(
        err(&format!(
            "(title: \"x\", users: [\n {}], steps: [])",
            users(65)
        )),
        "t.ron:66:2: user 65 of 65: the CP directory holds at most 64 users"
    );
}

#[test]
fn terminal_out_of_range() {
    assert_eq!(
        err(
            "(title: \"x\", users: [(id: \"A\", password: \"A\")], terminals: 2,\n steps: [\n   Caption(\"hi\"),\n   Expect(terminal: 2, text: \"R;\"),\n ])"
        ),
        "t.ron:4:21: terminal 2 does not exist: this scenario has 2 terminals (0 to 1; -1 is the operator's console)"
    );
    assert_eq!(
        err(
            "(title: \"x\", users: [(id: \"A\", password: \"A\")],\n steps: [Type(terminal: -2, text: \"\")])"
        ),
        "t.ron:2:25: terminal -2 does not exist: this scenario has 1 terminal (0 to 0; -1 is the operator's console)"
    );
}

#[test]
fn terminal_minus_one_is_the_operators_console() {
    let s = Scenario::parse(
        "t.ron",
        "(title: \"x\", users: [(id: \"A\", password: \"A\")], terminals: 2,\n steps: [Type(terminal: -1, text: \"Q N\")])",
    )
    .unwrap();
    assert!(matches!(s.steps[0], Step::Type { terminal: 2, .. }));
}

#[test]
fn bad_durations() {
    assert_eq!(
        err("(title: \"x\", users: [(id: \"A\", password: \"A\")],\n steps: [Sleep(\"forever\")])"),
        "t.ron:2:16: bad duration \"forever\": write a number followed by us, ms, s or m (e.g. \"500ms\", \"10s\", \"1.5s\")"
    );
    assert_eq!(
        err(
            "(title: \"x\", users: [(id: \"A\", password: \"A\")],\n steps: [Expect(terminal: 0, text: \"R;\", within: \"10\")])"
        ),
        "t.ron:2:50: bad duration \"10\": write a number followed by us, ms, s or m (e.g. \"500ms\", \"10s\", \"1.5s\")"
    );
}

#[test]
fn bad_texts() {
    assert_eq!(
        err(
            "(title: \"x\", users: [(id: \"A\", password: \"A\")],\n steps: [Expect(terminal: 0, text: \"\")])"
        ),
        "t.ron:2:36: Expect text must not be empty"
    );
    assert_eq!(
        err(
            "(title: \"x\", users: [(id: \"A\", password: \"A\")],\n steps: [Type(terminal: 0, text: \"a\\nb\")])"
        ),
        "t.ron:2:34: Type text holds the control character '\\n': type one line per step"
    );
}

/// A 3215 line is 130 characters (VM/370's): a longer `Type` is refused when the file is
/// read, at its text, with the terminal's own message; 130 is fine.
#[test]
fn type_text_longer_than_a_3215_line() {
    let src = |n: usize| {
        format!(
            "(title: \"x\", users: [(id: \"A\", password: \"A\")],\n steps: [\n  Caption(\"c\"),\n  Type(terminal: 0, text: \"{}\")])",
            "Q".repeat(n)
        )
    };
    assert_eq!(
        err(&src(131)),
        "t.ron:4:27: Type text: a 3215 line holds at most 130 characters; this one has 131"
    );
    assert_eq!(
        err(&src(10_000)),
        "t.ron:4:27: Type text: a 3215 line holds at most 130 characters; this one has 10000"
    );
    let s = Scenario::parse("t.ron", &src(130)).unwrap();
    assert!(matches!(&s.steps[1], Step::Type { text, .. } if text.len() == 130));
}

#[test]
fn comments_do_not_confuse_positions() {
    assert_eq!(
        err(
            "// users: [(id: \"bad\")]\n(title: \"x\", /* id: \"q\" */ users: [(id: \"a\", password: \"A\")], steps: [])"
        ),
        "t.ron:2:41: user id \"a\" must be 1 to 8 characters of A-Z, 0-9, $, # and @"
    );
}

#[test]
fn io_error() {
    let e = Scenario::load(std::path::Path::new("/nonexistent/x.ron")).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("/nonexistent/x.ron: cannot read:"),
        "{e}"
    );
}

#[test]
fn a_directory_gives_users_and_disks_and_its_mistakes_have_places() {
    let src = r#"Scenario(
    title: "d",
    directory: "USER ALICE ALICE 512K\n MDISK 191 3350 1 2 CPCMS1 W\nUSER BOB BOB 256K\n LINK ALICE 191 291 RR",
    steps: [],
)"#;
    let s = Scenario::parse("t.ron", src).unwrap();
    assert_eq!(s.users.len(), 2);
    assert_eq!(s.terminals, 2);
    let b291 = s.disks.iter().find(|d| d.user == "BOB").unwrap();
    assert_eq!((b291.vaddr, b291.start, b291.read_only), (0x291, 1, true));
    // A mistake on the directory's first line: the column counts from the string.
    let e = err(r#"Scenario(
    title: "d",
    directory: "USER ALICE ALICE 500K",
    steps: [],
)"#);
    assert!(e.starts_with("t.ron:3:"), "{e}");
    assert!(e.contains("storage 500K"), "{e}");
    // A file that is not there.
    let e = err(r#"Scenario(title: "d", directory: "nosuch.direct", steps: [])"#);
    assert!(e.contains("nosuch.direct: cannot read"), "{e}");
    // Not both.
    let e = err(
        r#"Scenario(title: "d", directory: "x.direct", users: [(id: "A", password: "A")], steps: [])"#,
    );
    assert!(e.contains("either users or a directory"), "{e}");
}

/// The narration steps: Marker, Pause, Speed and Highlight, parsed and checked with
/// their places.
#[test]
fn narration_steps() {
    let s = Scenario::parse(
        "t.ron",
        r#"(title: "x", users: [(id: "A", password: "A")], terminals: 2,
 steps: [
   Marker("Trap and emulate"),
   Pause,
   Speed("370/158"),
   Speed("full"),
   Speed("Full Speed"),
   Speed("360/67"),
   Highlight(1),
   Highlight(-1),
 ])"#,
    )
    .unwrap();
    assert_eq!(
        s.steps,
        vec![
            Step::Marker("Trap and emulate".into()),
            Step::Pause,
            Step::Speed("370/158".into()),
            Step::Speed("full speed".into()),
            Step::Speed("full speed".into()),
            Step::Speed("360/67".into()),
            Step::Highlight(1),
            Step::Highlight(2),
        ]
    );
    assert_eq!(s.step_pos[1], Pos { line: 4, col: 4 });
}

#[test]
fn narration_step_mistakes() {
    let one = |step: &str| {
        err(&format!(
            "(title: \"x\", users: [(id: \"A\", password: \"A\")],\n steps: [{step}])"
        ))
    };
    assert_eq!(
        one(r#"Speed("370/165")"#),
        "t.ron:2:16: Speed \"370/165\": the presets are \"360/67\" (0.5 MIPS), \"370/158\" (1), \"370/168\" (2.5) and \"full\""
    );
    assert_eq!(
        one("Highlight(1)"),
        "t.ron:2:20: Highlight(1): no such terminal: this scenario has 1 terminal (0 to 0; -1 is the operator's console)"
    );
    assert_eq!(
        one("Highlight(-2)"),
        "t.ron:2:20: Highlight(-2): no such terminal: this scenario has 1 terminal (0 to 0; -1 is the operator's console)"
    );
    assert_eq!(
        one(r#"Marker("  ")"#),
        "t.ron:2:17: Marker name must not be empty"
    );
    assert_eq!(
        one(r#"Marker("a\nb")"#),
        "t.ron:2:17: Marker name holds the control character '\\n': one line"
    );
    assert_eq!(
        one(&format!("Marker(\"{}\")", "M".repeat(61))),
        "t.ron:2:17: Marker name has 61 characters; at most 60 (a chapter's name, not its caption)"
    );
    // Shapes serde refuses, with the place.
    assert_eq!(
        one("Pause(\"1s\")"),
        "t.ron:2:15: Pause takes nothing: write Pause, not Pause(...)"
    );
    assert_eq!(one("Highlight(\"ALICE\")"), "t.ron:2:20: Expected integer");
    assert_eq!(one("Marker(3)"), "t.ron:2:17: Expected string");
}

#[test]
fn users_may_have_privilege_classes() {
    let s = Scenario::parse(
        "t.ron",
        "(title: \"x\", users: [(id: \"A\", password: \"A\"), (id: \"B\", password: \"B\", classes: \"BG\")], steps: [])",
    )
    .unwrap();
    assert_eq!(s.users[0].classes, "G", "default");
    assert_eq!(s.users[1].classes, "BG");
    let e = err(
        "(title: \"x\",\n users: [(id: \"A\", password: \"A\", classes: \"XG\")],\n steps: [])",
    );
    assert!(
        e.starts_with("t.ron:2:44: privilege classes \"XG\" of A: letters A-H"),
        "{e}"
    );
}
