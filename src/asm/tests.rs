//! Assembler tests: small sources with the exact bytes or messages they must produce.

use super::*;
use std::collections::HashMap;

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02X}")).collect()
}

/// Assemble and return the image as hex (spaces in `want` are ignored).
fn asm(src: &str) -> Assembly {
    match assemble_str("T", src) {
        Ok(a) => a,
        Err(e) => panic!("unexpected errors:\n{}", e.join("\n")),
    }
}

fn errs(src: &str) -> Vec<String> {
    match assemble_str("T", src) {
        Ok(a) => panic!("expected errors, got {}", hex(&a.image)),
        Err(e) => e,
    }
}

/// `bytes!(source, "hex")`: the image must be exactly these bytes.
macro_rules! bytes {
    ($name:ident, $src:expr, $want:expr) => {
        #[test]
        fn $name() {
            let a = asm($src);
            let want: String = $want.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(hex(&a.image), want, "listing:\n{}", a.listing);
        }
    };
}

/// `error!(source, "first line of the first message", ...)`.
macro_rules! error {
    ($name:ident, $src:expr, $($want:expr),+) => {
        #[test]
        fn $name() {
            let e = errs($src);
            let firsts: Vec<&str> = e.iter().map(|m| m.lines().next().unwrap_or("")).collect();
            assert_eq!(firsts, vec![$($want),+], "full:\n{}", e.join("\n"));
        }
    };
}

bytes!(
    rr,
    " LR 1,2\n AR 15,0\n BALR 12,0\n SPM 3\n SVC 202\n",
    "1812 1AF0 05C0 0430 0ACA"
);

bytes!(
    rx_explicit,
    " LA 1,8(2,3)\n L 1,0(,3)\n ST 4,4095(5)\n IC 0,12\n",
    "41123008 58103000 50450FFF 4300000C"
);

bytes!(
    rx_implicit_using,
    "TEST START X'1000'\n BALR 12,0\n USING *,12\n L 1,WORD\n LA 2,WORD(3)\nWORD DC F'7'\n",
    "05C0 5810C00A 4123C00A 0000 00000007"
);

bytes!(
    rs_formats,
    " STM 14,12,12(13)\n LM 0,15,0(1)\n SLL 1,2\n SRDA 4,32(7)\n ICM 1,B'1010',3(2)\n DIAG 2,4,8\n",
    "90ECD00C 980F1000 89100002 8E407020 BF1A2003 83240008"
);

bytes!(
    si_s_formats,
    " MVI 0(1),C'A'\n CLI 5(2),X'FF'\n TM 0(3),1\n LPSW 8(4)\n SIO 0(1)\n STCK 16\n PTLB\n TS 0(9)\n",
    "92C11000 95FF2005 91013000 82004008 9C001000 B2050010 B20D0000 93009000"
);

bytes!(
    channel_io_mnemonics_as_hlasm_has_them,
    " SIO 0(1)\n SIOF 1\n RIO 2(3)\n TIO 4\n CLRIO 5\n HIO 6\n HDV 7\n TCH 8\n CLRCH 9\n",
    "9C001000 9C010001 9C023002 9D000004 9D010005 9E000006 9E010007 9F000008 9F010009"
);

bytes!(
    ss_formats,
    " MVC 0(8,1),16(2)\n CLC 0(256,3),0(4)\n PACK 0(3,1),4(2,2)\n ZAP 0(8,5),0(1,6)\n SRP 0(4,1),3,5\n",
    "D20710002010 D5FF30004000 F2211000 2004 F8705000 6000 F0351000 0003"
        .replace(' ', "")
        .as_str()
);

bytes!(
    ss_implied_lengths,
    "T CSECT\n USING T,12\n MVC A,B\n MVC A(2),B\n ZAP P,Q\nA DS CL8\nB DS CL8\nP DS PL5\nQ DS PL3\n",
    "D207C012C01A D201C012C01A F842C022C027 \
     0000000000000000 0000000000000000 0000000000 000000"
);

bytes!(
    extended_branches,
    "T CSECT\n USING *,15\nL B L\n BR 14\n NOP L\n NOPR 0\n BE L\n BNE L\n BH L\n BL L\n BZ L\n BNZ L\n BO L\n BM L\n BP L\n BNH L\n BNL L\n BNO L\n BNP L\n BNM L\n BER 1\n BNER 1\n BHR 1\n BLR 1\n BZR 1\n BNZR 1\n BOR 1\n BMR 1\n BPR 1\n BNHR 1\n BNLR 1\n BNOR 1\n BNPR 1\n BNMR 1\n",
    "47F0F000 07FE 4700F000 0700 4780F000 4770F000 4720F000 4740F000 4780F000 4770F000 \
     4710F000 4740F000 4720F000 47D0F000 47B0F000 47E0F000 47D0F000 47B0F000 \
     0781 0771 0721 0741 0781 0771 0711 0741 0721 07D1 07B1 07E1 07D1 07B1"
);

bytes!(
    dc_types,
    " DC C'AB',X'0102',B'101',H'-2',F'1'\n DC CL4'A',XL2'1',XL1'1234',AL1(5),AL3(X'10203'),FL1'-1'\n DC P'123',P'-45',PL3'1',Z'12',Z'-3'\n DC Y(258),A(1,2)\n",
    "C1C2 0102 05 00 FFFE 00000001 \
     C1404040 0001 34 05 010203 FF \
     123C 045D 00001C F1C2 D3 0102 00000001 00000002"
);

bytes!(
    dc_duplication_and_values,
    " DC 3X'AB'\n DC 2F'1,-1'\n DC C'IT''S&&'\n DC 2CL2'Z'\n",
    "ABABAB 00 00000001 FFFFFFFF 00000001 FFFFFFFF C9E37DE250 E940E940"
);

bytes!(
    ds_reserves_and_aligns,
    " DC X'01'\nA DS 0F\n DC X'02'\n DS CL3\n DS H\n DC X'03'\n DS 2F\n DC X'04'\n",
    "01000000 02 000000 0000 03 00 0000000000000000 04"
);

bytes!(
    floating_constants,
    " DC E'1',D'-0.5',E'0',D'100'\n",
    "41100000 00000000 C080000000000000 00000000 00000000 4264000000000000"
);

#[test]
fn length_attributes_and_symbols() {
    let a = asm(
        "T START X'100'\n USING T,12\nA DS CL80\nB DC F'1,2'\nC DS 0F\nD DS 3H\nE EQU *\nF EQU 5\nG EQU A+2,7\nH DC AL3(0)\nI LR 1,2\nJ MVC A,A\nK EQU L'A\n",
    );
    let s = |n: &str| {
        let x = &a.symbols[n];
        (x.value, x.length)
    };
    assert_eq!(a.origin, 0x100);
    assert_eq!(s("T"), (0x100, 1));
    assert_eq!(s("A"), (0x100, 80));
    assert_eq!(s("B"), (0x150, 4));
    assert_eq!(s("C"), (0x158, 4));
    assert_eq!(s("D"), (0x158, 2));
    assert_eq!(s("E"), (0x15E, 1));
    assert_eq!(s("F"), (5, 1));
    assert_eq!(s("G"), (0x102, 7));
    assert_eq!(s("H"), (0x15E, 3));
    assert_eq!(s("I"), (0x162, 2));
    assert_eq!(s("J"), (0x164, 6));
    assert_eq!(s("K"), (80, 1));
    assert!(a.symbols.values().all(|s| s.dsect.is_none()));
}

bytes!(
    expressions,
    "R1 EQU 1\nR2 EQU R1+1\nN EQU (2+3)*4-10/3\n LA R2,N(R1)\n DC A(-1),A(X'10'*C'A'/B'10'),A(L'FW*2)\nFW DC F'0'\n",
    "41210011 FFFFFFFF 00000608 00000008 00000000"
);

bytes!(
    forward_references,
    "T START 0\n USING T,12\n L 1,LATER\n LA 2,SIZE\n MVC X(SIZE),X\nX DS CL4\nLATER DC A(END-T)\nSIZE EQU END-X\nEND EQU *\n",
    "5810C014 4120000A D209C00EC00E 00000000 0000 00000018"
);

bytes!(
    relocatable_arithmetic,
    "T START X'200'\nA DC A(B-A,B,*,A+B-A)\nB DS 0H\n",
    "00000010 00000210 00000200 00000210"
);

bytes!(
    using_multiple_bases,
    "T START 0\n USING T,12,11\n L 1,NEAR\n L 1,FAR\n DS XL(4096-12)\nNEAR DC F'1'\n DS XL4\nFAR DC F'2'\n",
    "5810CFFC 5810B004".to_string() + &"00".repeat(4084) + "00000001 00000000 00000002"
);

bytes!(
    using_base_zero_and_dsect,
    "PSA DSECT\n DS XL16\nFLD DS F\nOTHER DSECT\n DS XL8\nOFLD DS H\nT CSECT\n USING PSA,0\n USING OTHER,5\n L 1,FLD\n LH 2,OFLD\n MVC FLD(2),OFLD\n DROP 5\n USING 0,0\n ST 1,X'50'\n",
    "58100010 48205008 D20100105008 50100050"
);

#[test]
fn dsect_symbols() {
    let a = asm(
        "T CSECT\n DC F'0'\nBLK DSECT\nBA DS F\nBB DS CL8\nBLEN EQU *-BLK\nT CSECT\n DC F'1'\n",
    );
    assert_eq!(a.image, [0, 0, 0, 0, 0, 0, 0, 1]);
    let bb = &a.symbols["BB"];
    assert_eq!(
        (bb.value, bb.length, bb.dsect.as_deref()),
        (4, 8, Some("BLK"))
    );
    assert_eq!(a.symbols["BLK"].dsect.as_deref(), Some("BLK"));
    assert_eq!(a.symbols["BLEN"].value, 12);
    assert_eq!(a.symbols["BLEN"].dsect, None);
}

bytes!(
    org,
    "T START 0\n DC 4X'11'\n ORG T+1\n DC X'22'\n ORG\n DC X'33'\n ORG *+2\n DC X'44'\n",
    "11221111 33 0000 44"
);

bytes!(
    literals_and_ltorg,
    "T START 0\n USING T,12\n L 1,=F'1'\n LH 2,=H'2'\n L 3,=F'1'\n MVC 0(8,1),=CL8'AB'\n LA 4,=A(T)\n LTORG\n CLC 0(2,1),=X'0102'\n L 5,=A(X)\nX DC C'X'\n",
    "5810C020 4820C028 5830C020 D2071000C018 4140C024 0000 \
     C1C2404040404040 00000001 00000000 0002 \
     D501 1000 C03C 5850 C038 E7 000000 00000034 0102"
);

bytes!(
    cnop_and_ccw,
    " DC X'01'\n CNOP 0,4\n DC X'02'\n CNOP 6,8\n CCW X'02',BUF,X'20',80\nBUF DS CL80\n",
    "0100 0700 02 00 0000 02000010 20000050".to_string() + &"00".repeat(80)
);

#[test]
fn copy_members() {
    let files: HashMap<&str, &str> = HashMap::from([
        ("MAIN", "T START 0\n COPY EQUATES\n LA R1,1\n COPY BODY\n"),
        ("EQUATES", "R1 EQU 1\n"),
        ("BODY", " DC C'B'\n COPY INNER\n"),
        ("INNER", "X DC X'FF'\n"),
    ]);
    let read = |n: &str| files.get(n).map(|s| s.to_string());
    let a = assemble("MAIN", &read).unwrap();
    assert_eq!(hex(&a.image), "41100001C2FF");
    assert_eq!(a.symbols["X"].value, 5);
    let files_of: Vec<(&str, u32, u32)> = a
        .lines
        .iter()
        .map(|l| (l.file.as_str(), l.line, l.addr))
        .collect();
    assert_eq!(files_of, [("MAIN", 3, 0), ("BODY", 1, 4), ("INNER", 1, 5)]);
}

bytes!(
    comments_case_and_remarks,
    "* a comment\n.* another\n\n      using 0,0\nlab   la    1,lab     remark with C'quote\n      mvi   0(1),c' '  blank in a string\n      dc    c'a b' c'not this'\n",
    "41100000 92401000 81 40 82"
);

bytes!(
    column_72_continuation,
    concat!(
        "         DC    A(1),                                                   X\n",
        "               A(2)\n"
    ),
    "00000001 00000002"
);

bytes!(
    multiple_csects_follow_aligned,
    "A CSECT\n DC X'01'\nB CSECT\n DC X'02'\nA CSECT\n DC X'03'\n",
    "0103000000000000 02"
);

error!(
    undefined_symbol,
    "T START 0\n USING T,12\n L 1,NOWHERE\n", "T:3:6: error: undefined symbol 'NOWHERE'"
);

error!(
    duplicate_symbol,
    "A DC F'1'\nA DC F'2'\n", "T:2:1: error: duplicate symbol 'A' (first defined in statement 1)"
);

error!(
    addressability,
    "T START 0\n L 1,X\nX DC F'1'\n",
    "T:2:6: error: no USING covers address X'000004' (addressability error)"
);

error!(
    out_of_range,
    " LA 1,4096(0,2)\n LR 16,1\n MVI 0(1),256\n SVC 300\n",
    "T:1:7: error: displacement 4096 out of range (0 to 4095)",
    "T:2:5: error: register 16 out of range (0 to 15)",
    "T:3:11: error: immediate byte 256 out of range (-128 to 255)",
    "T:4:6: error: SVC number 300 out of range (0 to 255)"
);

error!(
    bad_operands,
    " LR 1\n LA 1,2,3\n MVC 0(1,2,3),0(4)\n L 1,(2\n",
    "T:1:5: error: LR takes 2 operands (R1,R2), found 1",
    "T:2:5: error: LA takes 2 operands (R1,D2(X2,B2)), found 3",
    "T:3:12: error: at most two sub-operands in parentheses",
    "T:4:8: error: expected ')', found end of operands"
);

error!(
    unknown_operation,
    " FOO 1,2\n LR 1,2\n", "T:1:2: error: unknown operation 'FOO'"
);

error!(
    unterminated_string,
    " DC C'ABC\n MVI 0(1),C'\n",
    "T:1:6: error: unterminated string",
    "T:2:12: error: unterminated string"
);

error!(
    missing_copy_member,
    " COPY NOSUCH\n", "T:1:7: error: COPY member 'NOSUCH' not found"
);

error!(
    several_errors_in_one_run,
    "T START 0\n USING T,12\n L 1,A\n LR 1,99\nB DC F'1'\nB DS F\n BOGUS\n",
    "T:3:6: error: undefined symbol 'A'",
    "T:4:7: error: register 99 out of range (0 to 15)",
    "T:6:1: error: duplicate symbol 'B' (first defined in statement 5)",
    "T:7:2: error: unknown operation 'BOGUS'"
);

error!(
    value_errors,
    " DC H'70000'\n DC AL1(256)\n DC X'1G'\n DC F'x'\n",
    "T:1:5: error: value 70000 does not fit in 2 bytes",
    "T:2:9: error: value 256 does not fit in 1 byte",
    "T:3:7: error: invalid hexadecimal constant '1G'",
    "T:4:7: error: invalid integer constant 'X'"
);

error!(
    relocatable_misuse,
    "A DS F\nB EQU A+A\nC EQU A*2\n LR A,1\n",
    "T:2:7: error: invalid combination of relocatable terms",
    "T:3:7: error: relocatable term in multiplication or division",
    "T:4:5: error: register must be absolute, not an address"
);

#[test]
fn diagnostics_show_line_and_caret_in_copy_members() {
    let files: HashMap<&str, &str> = HashMap::from([
        ("MAIN", " LR 1,2\n COPY M\n"),
        ("M", "* member\n L 1,BAD\n"),
    ]);
    let read = |n: &str| files.get(n).map(|s| s.to_string());
    let e = assemble("MAIN", &read).unwrap_err();
    assert_eq!(
        e,
        vec!["M:2:6: error: undefined symbol 'BAD'\n L 1,BAD\n     ^^^"]
    );
}

#[test]
fn messages_name_files_by_the_path_the_reader_gives() {
    // COPY members and macro library members alike, in the message and in the trace.
    let files: HashMap<&str, (&str, &str)> = HashMap::from([
        ("MAIN", ("src/main.asm", " LR 1,2\n COPY M\n MAC\n")),
        ("M", ("lib/m.asm", "* member\n L 1,BAD\n")),
        ("MAC", ("lib/mac.asm", " MACRO\n MAC\n L 2,WORSE\n MEND\n")),
    ]);
    let read = |n: &str| files.get(n).map(|(p, t)| (p.to_string(), t.to_string()));
    let e = super::assemble_files("MAIN", &read, &Options::default()).unwrap_err();
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(
        e[0].starts_with("lib/m.asm:2:6: error: undefined symbol 'BAD'\n"),
        "{e:?}"
    );
    assert!(
        e[1].starts_with(
            "lib/mac.asm:3:6: error: undefined symbol 'WORSE' (in macro MAC called at src/main.asm:3)"
        ),
        "{e:?}"
    );
}

#[test]
fn missing_main_file() {
    let e = assemble("NOPE", &|_| None).unwrap_err();
    assert_eq!(e, vec!["error: cannot read source file 'NOPE'"]);
}

/// A tiny deterministic PRNG (xorshift), so the fuzz test needs no dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[(self.next() % v.len() as u64) as usize]
    }
}

#[test]
fn never_panics_on_random_and_mutated_input() {
    let seeds = [
        "T START X'100'",
        " USING T,12,11",
        "L1 L 1,=F'1'",
        " MVC 0(8,1),=CL8'X'",
        " DC 3F'1,2',C'A''B',XL2'1',AL3(L1-T),P'-12',Z'5',E'1.5'",
        " DS 0F",
        "X EQU *-T,4",
        " ORG X+2",
        " CNOP 2,4",
        " CCW 2,X,X'20',80",
        "D DSECT",
        "F DS CL(L'X)",
        " LTORG",
        " B X",
        " BNER 14",
        " SRP 0(4,1),3,5",
        " PACK 0(3,1),4(2,2)",
        " USING 0,0",
        " DROP 12",
        " COPY M",
        " END",
    ];
    let noise = [
        "(",
        ")",
        "'",
        ",",
        "=",
        "*",
        "L'",
        "X'",
        "C'",
        "-",
        "+",
        "/",
        " ",
        "0",
        "4096",
        "99999999999",
        "&",
        "A",
        "(((",
        "''",
        "\t",
        "é",
        "DC",
        "DS",
        "EQU",
        "CL",
        "0(",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..1500 {
        let mut text = String::new();
        for _ in 0..(rng.next() % 12 + 1) {
            let mut line: Vec<char> = rng.pick(&seeds).chars().collect();
            for _ in 0..(rng.next() % 4) {
                let pos = (rng.next() as usize) % (line.len() + 1);
                match rng.next() % 3 {
                    0 if pos < line.len() => {
                        line.remove(pos);
                    }
                    _ => {
                        for (k, c) in rng.pick(&noise).chars().enumerate() {
                            line.insert(pos + k, c);
                        }
                    }
                }
            }
            text.extend(line);
            text.push('\n');
        }
        let member = text.clone();
        let read = |n: &str| match n {
            "MAIN" => Some(text.clone()),
            "M" => Some(member.clone()),
            _ => None,
        };
        let _ = assemble("MAIN", &read);
        // Random bytes as text too.
        let junk: String = (0..rng.next() % 200)
            .map(|_| char::from_u32((rng.next() % 0x250) as u32).unwrap_or(' '))
            .collect();
        let _ = assemble_str("J", &junk);
    }
}

/// A program of about 5000 statements (routines, DSECT fields, literals, forward
/// references). Timing it is a benchmark, not a test; this only checks it assembles.
fn big_program() -> String {
    let mut s = String::from("BIG START X'2000'\n BALR 12,0\n USING *,12,11,10,9,8,7,6,5\n");
    for k in 0..600 {
        s.push_str(&format!(
            "R{k} STM 14,12,12(13)\n L 1,=F'{k}'\n LA 2,F{k}\n MVC F{k}(8),=CL8'R{k}'\n CLI F{k},C'X'\n BNE R{}\n BR 14\nF{k} DS CL8\n",
            (k + 1) % 600
        ));
        if k % 100 == 99 {
            s.push_str(" LTORG\n");
        }
    }
    s.push_str("BLK DSECT\n");
    for k in 0..200 {
        s.push_str(&format!("B{k} DS F\n"));
    }
    s.push_str(" END\n");
    s
}

#[test]
fn big_program_assembles() {
    let src = big_program();
    for _ in 0..5 {
        asm(&src);
    }
    let t = std::time::Instant::now();
    let a = asm(&src);
    eprintln!("{} lines in {:?}", src.lines().count(), t.elapsed());
    assert_eq!(a.origin, 0x2000);
    assert_eq!(a.symbols["B199"].value, 796);
    assert!(a.listing.contains("BIG START X'2000'"));
}

#[test]
fn listing_shows_location_object_code_and_cross_reference() {
    let a = asm("T START X'10'\n USING T,15\nA LA 1,B\nB DC C'HI'\nC EQU 5\n");
    let want = "  LOC  OBJECT CODE          ADDR1  ADDR2   STMT  SOURCE STATEMENT
000010                                         1 T START X'10'
000010                                         2  USING T,15
000010  4110 F004                   000014     3 A LA 1,B
000014  C8C9                                   4 B DC C'HI'
000005                                         5 C EQU 5

CROSS-REFERENCE
SYMBOL                            LENGTH   VALUE    DEFN  SECTION            REFERENCES
A                                      4   00000010     3  T
B                                      2   00000014     4  T                  3
C                                      1   00000005     5  (absolute)
T                                      1   00000010     1  T                  2
";
    assert_eq!(a.listing, want);
}

#[test]
fn line_map_covers_every_statement_with_bytes() {
    let a = asm("T START 0\n USING T,12\n LR 1,2\n\n L 1,=F'1'\n DS F\n DC H'3'\n END\n");
    let m: Vec<(u32, u32, u32)> = a.lines.iter().map(|l| (l.addr, l.len, l.line)).collect();
    assert_eq!(m, [(0, 2, 3), (2, 4, 5), (12, 2, 7), (16, 4, 8)]);
}

bytes!(
    listing_directives_are_accepted,
    "    TITLE 'CP: THE CONTROL PROGRAM'\n    PRINT NOGEN\n    EJECT\n    SPACE 2\n    ENTRY X\nX   DC X'01'\n    END X\nAFTER JUNK IS IGNORED\n",
    "01"
);

bytes!(
    s_type_and_attribute_terms,
    "T START 0\n USING T,12\n DC S(T+6),S(8(3))\nW DC CL5'A'\n LA 1,L'W\n LA 2,L'=CL7'X'\n MVC W(L'W-1),W+1\n",
    "C006 3008 C140404040 00 4110 0005 4120 0007 D203 C004 C005"
);

bytes!(
    low_storage_through_using_0_0,
    "CP START 0\n USING 0,0\n ORG CP+X'68'\nPGMNEW DC XL8'0008000000000100'\n ORG CP+X'100'\n LPSW PGMNEW\n MVC X'48'(8),PGMNEW\n",
    "00".repeat(0x68) + "0008000000000100" + &"00".repeat(0x100 - 0x70) + "82000068 D20700480068"
);

error!(
    circular_equ,
    "A EQU B\nB EQU A\n",
    "T:1:7: error: undefined symbol 'B'",
    "T:2:7: error: undefined symbol 'A'"
);

error!(
    location_dependent_forward_reference,
    " DS (N)F\nN EQU 2\n ORG LATER\nLATER DS F\n",
    "T:1:6: error: symbol 'N' must be defined before it is used in a duplication factor",
    "T:3:6: error: symbol 'LATER' must be defined before it is used in ORG"
);

// ---------------------------------------------------------------------------------
// The corpus: tests/asm/*.asm, each carrying its expectations in comments:
//   *EXPECT: hex bytes       the image (all EXPECT lines concatenated), exactly
//   *ERROR: text             a diagnostic's first line contains this, in order
//   *WARNING: text           same for warnings and notes (MNOTE)
// A file with no *ERROR must assemble. Macro library members come from
// tests/asm/maclib/<name>.asm.

fn corpus_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/asm")
}

fn run_corpus(file: &str) {
    let dir = corpus_dir();
    let text = std::fs::read_to_string(dir.join(file)).expect("corpus file");
    let mut want_hex = String::new();
    let mut want_err: Vec<String> = Vec::new();
    let mut want_warn: Vec<String> = Vec::new();
    for l in text.lines() {
        if let Some(h) = l.strip_prefix("*EXPECT:") {
            want_hex.extend(h.chars().filter(|c| !c.is_whitespace()));
        } else if let Some(e) = l.strip_prefix("*ERROR:") {
            want_err.push(e.trim().to_string());
        } else if let Some(w) = l.strip_prefix("*WARNING:") {
            want_warn.push(w.trim().to_string());
        }
    }
    let main = file.to_string();
    let read = |n: &str| -> Option<String> {
        if n == main {
            return Some(text.clone());
        }
        std::fs::read_to_string(dir.join("maclib").join(format!("{}.asm", n.to_lowercase()))).ok()
    };
    let opts = Options {
        listing: true,
        object: true,
    };
    let firsts = |v: &[String]| -> Vec<String> {
        v.iter()
            .map(|m| m.lines().next().unwrap_or("").to_string())
            .collect()
    };
    let check = |got: &[String], want: &[String], what: &str| {
        let g = firsts(got);
        assert_eq!(
            g.len(),
            want.len(),
            "{file}: {what}: got\n{}\n",
            got.join("\n")
        );
        for (g, w) in g.iter().zip(want) {
            assert!(
                g.contains(w.as_str()),
                "{file}: {what}: '{g}' lacks '{w}'\nall:\n{}",
                got.join("\n")
            );
        }
    };
    match assemble_with(file, &read, &opts) {
        Ok(o) => {
            assert!(
                want_err.is_empty(),
                "{file}: expected errors {want_err:?}, assembled"
            );
            check(&o.warnings, &want_warn, "warnings");
            assert_eq!(
                hex(&o.assembly.image),
                want_hex,
                "{file}: image differs; listing:\n{}",
                o.assembly.listing
            );
        }
        Err(e) => {
            let errors: Vec<String> = e
                .iter()
                .filter(|m| m.lines().next().is_some_and(|l| l.contains(": error: ")))
                .cloned()
                .collect();
            assert!(
                !want_err.is_empty(),
                "{file}: unexpected errors:\n{}",
                e.join("\n")
            );
            check(&errors, &want_err, "errors");
        }
    }
}

macro_rules! corpus {
    ($($name:ident),* $(,)?) => {
        const CORPUS: &[&str] = &[$(concat!(stringify!($name), ".asm")),*];
        mod corpus {
            $(#[test] fn $name() { super::run_corpus(concat!(stringify!($name), ".asm")); })*
        }
    };
}

corpus!(
    directives,
    dc_types,
    floats,
    macro_basic,
    macro_keywords,
    macro_sublists,
    macro_sysect,
    macro_setvars,
    macro_aif_ago,
    macro_strings,
    macro_attributes,
    macro_nested,
    macro_library,
    macro_mnote,
    macro_errors,
    open_code_conditional,
    externals,
    errors_many,
);

#[test]
fn corpus_lists_every_file() {
    let mut files: Vec<String> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".asm"))
        .collect();
    files.sort();
    let mut listed: Vec<String> = CORPUS.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(files, listed, "add new corpus files to corpus!()");
}

#[test]
fn never_panics_on_random_macro_sources() {
    let seeds = [
        " MACRO",
        "&N M &A,&B,&K=1,&L=(X,Y)",
        "&N LA &A,&B(&K)",
        " MEND",
        " MEXIT",
        " LCLA &I,&J(3)",
        " GBLC &G",
        "&I SETA &I+1*N'&B-K'&A",
        "&J(2) SETA 1,2,3",
        "&G SETC '&A'(2,*).'X'",
        "&B SETB (T'&A EQ 'O' AND NOT &I GT 3)",
        ".L AIF (&I LT 5).L",
        " AGO (&I).L,.M",
        ".M ANOP",
        " ACTR 10",
        " MNOTE 4,'&A &&'",
        "L&SYSNDX DC C'&SYSLIST(1,2)'",
        " M 1,(2,3),K=4",
        " M ,,L=",
        "X M (((",
        " DC A(L'X)",
        " AIF ('&G' EQ (2)'A').M",
        " LIB 1",
        " COPY M",
        " END",
    ];
    let noise = [
        "(",
        ")",
        "'",
        ",",
        "=",
        "*",
        "&",
        "&&",
        ".",
        "K'",
        "N'",
        "T'",
        "L'",
        "D'",
        " ",
        "0",
        "99999999999",
        "AND",
        "NOT",
        "EQ",
        "(((",
        "''",
        "\t",
        "é",
        "MACRO",
        "MEND",
        "&SYSLIST",
    ];
    let mut rng = Rng(0x0123_4567_89AB_CDEF);
    let opts = Options {
        listing: true,
        object: true,
    };
    for _ in 0..1500 {
        let mut text = String::new();
        for _ in 0..(rng.next() % 16 + 1) {
            let mut line: Vec<char> = rng.pick(&seeds).chars().collect();
            for _ in 0..(rng.next() % 3) {
                let pos = (rng.next() as usize) % (line.len() + 1);
                match rng.next() % 3 {
                    0 if pos < line.len() => {
                        line.remove(pos);
                    }
                    _ => {
                        for (k, c) in rng.pick(&noise).chars().enumerate() {
                            line.insert(pos + k, c);
                        }
                    }
                }
            }
            text.extend(line);
            text.push('\n');
        }
        let member = text.clone();
        let read = |n: &str| match n {
            "MAIN" => Some(text.clone()),
            "M" | "LIB" => Some(member.clone()),
            _ => None,
        };
        let _ = assemble_with("MAIN", &read, &opts);
    }
}

#[test]
fn recursion_and_loops_are_bounded() {
    // A macro calling itself forever, and an open-code loop: errors, not hangs.
    let e = errs(" MACRO\n R\n R\n MEND\n R\n");
    assert!(e[0].contains("nested more than"), "{e:?}");
    // The call trace shows its ends and the count, not forty calls.
    let first = e[0].lines().next().unwrap();
    assert_eq!(first.matches("in macro R called at").count(), 6, "{first}");
    assert!(
        first.contains("T:3, ... 34 more ..., in macro R called at T:3"),
        "{first}"
    );
    assert!(
        first.ends_with("in macro R called at T:5; 40 macro calls deep)"),
        "{first}"
    );
    assert!(first.len() < 400, "{first}");
    let e = errs("&I SETA 0\n.L ANOP\n&I SETA &I+1\n AGO .L\n");
    assert!(e[0].contains("ACTR limit"), "{e:?}");
}

#[test]
fn object_deck_records_and_loader() {
    // Two CSECTs, an A-constant into the second, a V-constant to an external symbol,
    // an ENTRY; loaded at X'3000' with the external resolved by a second deck.
    let main = "MAIN CSECT\n ENTRY GO\nGO BALR 12,0\n USING *,12\n L 15,=V(SUB)\n L 2,=A(DATA)\n BR 15\n LTORG\nDATA2 CSECT\nDATA DC F'7'\n DC A(GO)\n END GO\n";
    let sub = "SUB CSECT\n LA 3,1\n BR 14\n";
    let opts = Options {
        listing: false,
        object: true,
    };
    let deck = |name: &str, text: &str| {
        let t = text.to_string();
        let n = name.to_string();
        assemble_with(name, &move |x: &str| (x == n).then(|| t.clone()), &opts)
            .unwrap()
            .object
            .unwrap()
    };
    let d1 = deck("MAIN", main);
    let d2 = deck("SUB", sub);
    assert_eq!(d1.len() % 80, 0);
    let kinds: Vec<String> = d1
        .chunks(80)
        .map(|c| {
            assert_eq!(c[0], 0x02);
            crate::ebcdic::decode(&c[1..4])
        })
        .collect();
    assert_eq!(
        kinds,
        ["ESD", "ESD", "TXT", "TXT", "TXT", "RLD", "END"],
        "{kinds:?}"
    );
    // ESD: MAIN SD (ESDID 1), DATA2 SD (2), SUB ER (3); then the LD GO.
    let esd = &d1[..80];
    assert_eq!(&esd[10..12], &[0, 48]);
    assert_eq!(&esd[14..16], &[0, 1]);
    assert_eq!(crate::ebcdic::decode(&esd[16..24]), "MAIN    ");
    assert_eq!(esd[24], 0x00);
    assert_eq!(esd[32 + 8], 0x00);
    assert_eq!(crate::ebcdic::decode(&esd[48..56]), "SUB     ");
    assert_eq!(esd[56], 0x02);
    let ld = &d1[80..160];
    assert_eq!(crate::ebcdic::decode(&ld[16..24]), "GO      ");
    assert_eq!(ld[24], 0x01);
    assert_eq!(&ld[29..32], &[0, 0, 1]);
    // RLD: V(SUB) (R=3, P=1, V-type length 4), A(DATA) (R=2, P=1), A(GO) (R=1, P=2).
    let rld = &d1[400..480];
    assert_eq!(u16::from_be_bytes([rld[10], rld[11]]), 24);
    assert_eq!(&rld[16..24], &[0, 1, 0, 2, 0x0C, 0, 0, 0x1C]);
    assert_eq!(&rld[24..32], &[0, 2, 0, 1, 0x0C, 0, 0, 0x14]);
    assert_eq!(&rld[32..40], &[0, 3, 0, 1, 0x1C, 0, 0, 0x10]);
    // END names GO in ESDID 1.
    let end = &d1[480..560];
    assert_eq!(&end[5..8], &[0, 0, 0]);
    assert_eq!(&end[14..16], &[0, 1]);

    let l = loader::load(&[&d1, &d2], 0x3000).unwrap();
    assert_eq!(l.entry, Some(0x3000));
    assert_eq!(l.symbols["MAIN"], 0x3000);
    assert_eq!(l.symbols["GO"], 0x3000);
    let data = l.symbols["DATA2"];
    let sub_at = l.symbols["SUB"];
    assert_eq!(data, 0x3018);
    assert_eq!(sub_at, 0x3020);
    let word = |a: u32| {
        let o = (a - 0x3000) as usize;
        u32::from_be_bytes(l.image[o..o + 4].try_into().unwrap())
    };
    assert_eq!(word(0x3010), sub_at, "V(SUB) relocated");
    assert_eq!(word(0x3014), data, "A(DATA) relocated");
    assert_eq!(word(data), 7);
    assert_eq!(word(data + 4), 0x3000, "A(GO) relocated");
}
