//! Phase 5 (on request): the listing, HLASM style.
//!
//! One line per statement: location, object code (up to 8 bytes), the addresses of the
//! storage operands (ADDR1, ADDR2), the statement number and the source; statements a
//! macro generated are marked `+`, and COPY members are announced. EQU shows its value
//! in the location column; literal pools list their literals where LTORG/END put them.
//! Then the cross-reference (every symbol with its length, value, defining statement
//! and the statements that refer to it), the literal pool, and the warnings.

use super::parse::{Args, DcOperand, Dir, Expr, ExprKind, Kind, Nominal, Program};
use super::pass1::Layout;
use super::pass2::Output;
use super::source::Sources;
use std::collections::HashMap;
use std::fmt::Write;

fn walk<'a>(e: &'a Expr, i: u32, refs: &mut HashMap<&'a str, Vec<u32>>) {
    match &e.kind {
        ExprKind::Sym(s) | ExprKind::Len(s) => {
            let v = refs.entry(s.as_str()).or_default();
            if v.last() != Some(&i) {
                v.push(i);
            }
        }
        ExprKind::Neg(x) => walk(x, i, refs),
        ExprKind::Bin(_, a, b) => {
            walk(a, i, refs);
            walk(b, i, refs);
        }
        ExprKind::Num(_) | ExprKind::Star | ExprKind::LenStar | ExprKind::Lit(_) => {}
    }
}

fn walk_dc<'a>(d: &'a DcOperand, i: u32, refs: &mut HashMap<&'a str, Vec<u32>>) {
    for e in d.dup.iter().chain(d.len.iter()) {
        walk(e, i, refs);
    }
    match &d.nominal {
        Nominal::Exprs(v) => v.iter().for_each(|e| walk(e, i, refs)),
        Nominal::Addrs(v) => {
            for o in v {
                walk(&o.expr, i, refs);
                for e in o.sub.iter().flatten().flatten() {
                    walk(e, i, refs);
                }
            }
        }
        _ => {}
    }
}

/// Statement numbers referring to each symbol.
fn references(prog: &Program) -> HashMap<&str, Vec<u32>> {
    let mut refs: HashMap<&str, Vec<u32>> = HashMap::new();
    for (k, st) in prog.stmts.iter().enumerate() {
        let i = k as u32 + 1;
        match &st.kind {
            Kind::Instr { operands, .. } => {
                for o in operands {
                    walk(&o.expr, i, &mut refs);
                    for e in o.sub.iter().flatten().flatten() {
                        walk(e, i, &mut refs);
                    }
                }
            }
            Kind::Dir(_, Args::Exprs(v)) => v.iter().flatten().for_each(|e| walk(e, i, &mut refs)),
            Kind::Dir(_, Args::Dc(v)) => v.iter().for_each(|d| walk_dc(d, i, &mut refs)),
            _ => {}
        }
        for &l in &st.lits {
            if let Some(lit) = prog.lits.get(l) {
                walk_dc(&lit.dc, i, &mut refs);
            }
        }
    }
    refs
}

pub fn render(
    src: &Sources,
    prog: &Program,
    lay: &Layout,
    out: &Output,
    warnings: &[String],
) -> String {
    let mut s = String::with_capacity(src.lines.len() * 96);
    s.push_str("  LOC  OBJECT CODE          ADDR1  ADDR2   STMT  SOURCE STATEMENT\n");
    let mut file = u16::MAX;
    for (i, line) in src.lines.iter().enumerate() {
        if line.hidden {
            continue;
        }
        if line.from_call.is_none() && line.file != file && line.file != 0 {
            let _ = writeln!(s, "{:43}* COPY member {}", "", src.file_name(line));
        }
        if line.from_call.is_none() {
            file = line.file;
        }
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
        let [a1, a2] = out.addrs[i].map(|a| a.map(|a| format!("{a:06X}")).unwrap_or_default());
        let mark = if line.from_call.is_some() { '+' } else { ' ' };
        let row = format!(
            "{:6}  {:20} {:6} {:6} {:5}{}{}",
            loc.unwrap_or_default(),
            hex,
            a1,
            a2,
            i + 1,
            mark,
            line.text
        );
        s.push_str(row.trim_end());
        s.push('\n');
        // Literal pools: one line per literal.
        for &l in &info.pool {
            if let Some(p) = &lay.lits[l] {
                let _ = writeln!(
                    s,
                    "{:06X}  {:20} {:6} {:6} {:5} ={}",
                    lay.absolute(p.val) & 0xFFFFFF,
                    "",
                    "",
                    "",
                    "",
                    prog.lits[l].key
                );
            }
        }
    }
    let refs = references(prog);
    s.push_str(
        "\nCROSS-REFERENCE\nSYMBOL                            LENGTH   VALUE    DEFN  SECTION            REFERENCES\n",
    );
    let mut names: Vec<(&String, &super::pass1::SymDef)> = lay.symbols.iter().collect();
    names.sort_by(|a, b| a.0.cmp(b.0));
    for (name, d) in names {
        let sect = if d.val.n == 1 {
            lay.sections
                .get(d.val.sect as usize)
                .map(|x| {
                    if x.dsect {
                        format!("{} (DSECT)", x.name)
                    } else if x.ext {
                        "(external)".to_string()
                    } else {
                        x.name.clone()
                    }
                })
                .unwrap_or_default()
        } else {
            "(absolute)".to_string()
        };
        let mut r = String::new();
        for n in refs.get(name.as_str()).map(|v| v.as_slice()).unwrap_or(&[]) {
            let _ = write!(r, " {n}");
        }
        let row = format!(
            "{:32}  {:6}   {:08X} {:5}  {:18}{}",
            name,
            d.len,
            lay.absolute(d.val) as u32,
            d.stmt + 1,
            sect,
            r
        );
        s.push_str(row.trim_end());
        s.push('\n');
    }
    // The literal pool(s).
    let mut lits: Vec<(i64, u32, &str)> = lay
        .lits
        .iter()
        .enumerate()
        .filter_map(|(k, p)| {
            let p = p.as_ref()?;
            (p.primary == k).then(|| {
                (
                    lay.absolute(p.val),
                    p.layout.size() as u32,
                    prog.lits[k].key.as_str(),
                )
            })
        })
        .collect();
    if !lits.is_empty() {
        lits.sort();
        s.push_str("\nLITERAL POOL\n  LOC   LENGTH  LITERAL\n");
        for (a, n, t) in lits {
            let _ = writeln!(s, "{:06X}  {:6}  ={}", a & 0xFFFFFF, n, t);
        }
    }
    if !warnings.is_empty() {
        s.push_str("\nDIAGNOSTICS\n");
        for w in warnings {
            s.push_str(w);
            s.push('\n');
        }
    }
    s
}
