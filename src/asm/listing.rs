//! Phase 5: the listing, HLASM style.
//!
//! One line per statement: location, object code (up to 8 bytes), statement number and
//! the source line; EQU shows its value in the location column. Then a cross-reference
//! of every symbol with its length, value and defining statement.

use super::parse::{Dir, Kind, Program};
use super::pass1::Layout;
use super::pass2::Output;
use super::source::Sources;
use std::fmt::Write;

pub fn render(src: &Sources, prog: &Program, lay: &Layout, out: &Output) -> String {
    let mut s = String::with_capacity(src.lines.len() * 80);
    s.push_str("  LOC   OBJECT CODE           STMT  SOURCE STATEMENT\n");
    let mut file = u16::MAX;
    for (i, line) in src.lines.iter().enumerate() {
        if line.file != file && line.file != 0 {
            let _ = writeln!(s, "{:34}* COPY member {}", "", src.file_name(line));
        }
        file = line.file;
        let st = &prog.stmts[i];
        let info = &lay.stmts[i];
        let obj = &out.obj[i];
        let loc = match (&st.kind, info.loc) {
            (Kind::Dir(Dir::Equ, _), _) => st
                .label
                .as_ref()
                .and_then(|(n, _)| lay.symbols.get(n))
                .map(|d| format!("{:06X}", lay.absolute(d.val) & 0xFFFFFF)),
            (Kind::Empty, _) => None,
            (_, Some(v)) if !info.skipped => Some(format!("{:06X}", lay.absolute(v) & 0xFFFFFF)),
            _ => None,
        };
        let mut hex = String::new();
        for (k, b) in obj.iter().enumerate() {
            if k > 0 && k % 2 == 0 {
                hex.push(' ');
            }
            let _ = write!(hex, "{b:02X}");
        }
        let _ = writeln!(
            s,
            "{:6}  {:20} {:5}  {}",
            loc.unwrap_or_default(),
            hex,
            i + 1,
            line.text
        );
        // Literal pools: one line per literal.
        for &l in &info.pool {
            if let Some(p) = &lay.lits[l] {
                let _ = writeln!(
                    s,
                    "{:06X}  {:20} {:5}  ={}",
                    lay.absolute(p.val) & 0xFFFFFF,
                    "",
                    "",
                    prog.lits[l].key
                );
            }
        }
    }
    s.push_str("\nSYMBOL                            LENGTH   VALUE    DEFN  SECTION\n");
    let mut names: Vec<(&String, &super::pass1::SymDef)> = lay.symbols.iter().collect();
    names.sort_by(|a, b| a.0.cmp(b.0));
    for (name, d) in names {
        let sect = if d.val.n == 1 {
            lay.sections
                .get(d.val.sect as usize)
                .map(|x| {
                    if x.dsect {
                        format!("{} (DSECT)", x.name)
                    } else {
                        x.name.clone()
                    }
                })
                .unwrap_or_default()
        } else {
            "(absolute)".to_string()
        };
        let _ = writeln!(
            s,
            "{:32}  {:6}   {:08X} {:5}  {}",
            name,
            d.len,
            lay.absolute(d.val) as u32,
            d.stmt + 1,
            sect
        );
    }
    s
}
