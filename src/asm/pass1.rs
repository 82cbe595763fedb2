//! Phase 3 (pass 1): locations, symbols and literal pools.
//!
//! Walks the statements once with one location counter per section, sizing every
//! statement (instruction lengths come from the opcode table; DC/DS sizes from their
//! operands), defining labels and placing literal pools at `LTORG`/`END`. Expressions that
//! move the location counter (ORG, duplication factors, explicit lengths) must be
//! defined by then, as in HLASM; `EQU`s that refer forward are retried once everything
//! else is known. Then the sections are laid out one after another (CSECTs aligned to
//! 8 bytes) to give every section its base address. Pass 2 reuses the location recorded
//! for each statement here, so the two passes cannot disagree.

use super::diag::{Diags, Span};
use super::expr::{Env, EvalErr, Val, eval, length_of};
use super::parse::{Args, DcOperand, Dir, Expr, Kind, Program, align_of};
use std::collections::HashMap;

/// The highest address + 1 of a 24-bit machine.
pub const ADDR_LIMIT: i64 = 1 << 24;

pub struct Section {
    pub name: String,
    pub dsect: bool,
    /// An external symbol (EXTRN, or the target of a V-type constant not defined here):
    /// a section of its own, of no size, whose address only the loader knows.
    pub ext: bool,
    pub loc: i64,
    pub min: i64,
    pub max: i64,
    /// Absolute address of offset 0 (0 for DSECTs).
    pub base: i64,
}

pub struct SymDef {
    pub val: Val,
    pub len: u32,
    pub stmt: usize,
}

/// The layout of one DC/DS operand.
#[derive(Clone, Debug, Default)]
pub struct OpLayout {
    /// Offset of its first byte from the statement's location.
    pub at: u32,
    pub dup: u32,
    /// Length of each value (all equal with an explicit length).
    pub lens: Vec<u32>,
}

impl OpLayout {
    pub fn size(&self) -> u64 {
        self.dup as u64 * self.lens.iter().map(|&l| l as u64).sum::<u64>()
    }
}

/// What pass 1 learnt about one statement.
#[derive(Clone, Debug, Default)]
pub struct StmtInfo {
    /// Location (after alignment); `None` before any section exists.
    pub loc: Option<Val>,
    pub len: u32,
    pub dc: Vec<OpLayout>,
    /// Literals placed by this LTORG/END (first occurrences only), in pool order.
    pub pool: Vec<usize>,
    /// Not processed (after END).
    pub skipped: bool,
    /// An EQU whose value could not be determined in pass 1 or after.
    pub unresolved: bool,
}

#[derive(Clone, Debug)]
pub struct LitPlace {
    pub val: Val,
    pub len: u32,
    pub layout: OpLayout,
    /// The literal that owns the bytes (itself, or an earlier identical one).
    pub primary: usize,
}

pub struct Layout {
    pub sections: Vec<Section>,
    pub symbols: HashMap<String, SymDef>,
    pub stmts: Vec<StmtInfo>,
    pub lits: Vec<Option<LitPlace>>,
    /// The literal pool placed at the end when the program has no END statement:
    /// (location, literals), emitted as if by the last statement.
    pub implicit_pool: Option<(Val, Vec<usize>)>,
    /// ENTRY symbols, with the statement naming them.
    pub entries: Vec<(String, usize)>,
    /// Lowest and highest+1 absolute address of the image.
    pub origin: i64,
    pub end: i64,
}

impl Layout {
    /// Absolute value of a section-relative value.
    pub fn absolute(&self, v: Val) -> i64 {
        if v.n == 0 {
            v.off
        } else {
            self.sections
                .get(v.sect as usize)
                .map_or(0, |s| s.base)
                .wrapping_add(v.off)
        }
    }
}

/// The environment of an expression at one statement.
pub struct At<'a> {
    pub lay: &'a Layout,
    pub star: Option<Val>,
}

impl Env for At<'_> {
    fn symbol(&self, name: &str) -> Option<(Val, u32)> {
        self.lay.symbols.get(name).map(|s| (s.val, s.len))
    }
    fn star(&self) -> Val {
        self.star.unwrap_or(Val::abs(0))
    }
    fn literal(&self, idx: usize) -> Option<(Val, u32)> {
        self.lay
            .lits
            .get(idx)
            .and_then(|l| l.as_ref())
            .map(|l| (l.val, l.len))
    }
}

struct Pass1<'a> {
    prog: &'a Program,
    lay: Layout,
    cur: Option<u16>,
    /// Literals waiting for the next pool.
    pending: Vec<usize>,
    diags: &'a mut Diags,
    /// EQU statements to retry.
    deferred: Vec<usize>,
    /// Symbols named in V-type constants.
    vrefs: Vec<String>,
}

pub fn layout(prog: &Program, diags: &mut Diags) -> Layout {
    let mut p = Pass1 {
        prog,
        lay: Layout {
            sections: Vec::new(),
            symbols: HashMap::new(),
            stmts: vec![StmtInfo::default(); prog.stmts.len()],
            lits: vec![None; prog.lits.len()],
            implicit_pool: None,
            entries: Vec::new(),
            origin: 0,
            end: 0,
        },
        cur: None,
        pending: Vec::new(),
        diags,
        deferred: Vec::new(),
        vrefs: Vec::new(),
    };
    let mut ended = false;
    for i in 0..prog.stmts.len() {
        if ended {
            p.lay.stmts[i].skipped = true;
            continue;
        }
        ended = p.stmt(i);
    }
    if !ended {
        // No END: the last pool goes at the end anyway.
        let n = prog.stmts.len();
        if !p.pending.is_empty() {
            let (at, _, lits) = p.pool(n.saturating_sub(1), true);
            p.lay.implicit_pool = Some((at, lits));
        }
    }
    // V-type constants naming symbols defined nowhere here refer to other programs.
    for name in std::mem::take(&mut p.vrefs) {
        if !p.lay.symbols.contains_key(&name) {
            p.external(&name, 0);
        }
    }
    p.retry_equs();
    p.place_sections();
    p.check_entries();
    p.lay
}

impl Pass1<'_> {
    fn env(&self) -> At<'_> {
        At {
            lay: &self.lay,
            star: self
                .cur
                .map(|s| Val::rel(s, self.lay.sections[s as usize].loc)),
        }
    }

    /// Evaluate an expression that must be absolute and known now.
    fn abs_now(&mut self, e: &Expr, what: &str) -> Option<i64> {
        match eval(e, &self.env()) {
            Ok(v) if v.is_abs() => Some(v.off),
            Ok(_) => {
                self.diags
                    .error(e.span, format!("{what} must be an absolute expression"));
                None
            }
            Err(EvalErr::Undefined(s, span)) => {
                self.diags.error(
                    span,
                    format!("symbol '{s}' must be defined before it is used in {what}"),
                );
                None
            }
            Err(EvalErr::Other(span, m)) => {
                self.diags.error(span, m);
                None
            }
        }
    }

    /// The current section, creating the unnamed one if there is none yet.
    fn section(&mut self) -> u16 {
        if let Some(s) = self.cur {
            return s;
        }
        self.new_section(String::new(), false, 0)
    }

    /// Make `name` an external symbol (statement `i` declares it).
    fn external(&mut self, name: &str, i: usize) {
        let cur = self.cur;
        let s = self.new_section(name.to_string(), false, 0);
        self.lay.sections[s as usize].ext = true;
        self.cur = cur;
        self.lay.symbols.insert(
            name.to_string(),
            SymDef {
                val: Val::rel(s, 0),
                len: 1,
                stmt: i,
            },
        );
    }

    /// Note the symbols of V-type constants.
    fn note_vrefs(&mut self, op: &DcOperand) {
        if op.ty != b'V' {
            return;
        }
        if let super::parse::Nominal::Exprs(v) = &op.nominal {
            for e in v {
                if let super::parse::ExprKind::Sym(s) = &e.kind {
                    self.vrefs.push(s.clone());
                }
            }
        }
    }

    fn new_section(&mut self, name: String, dsect: bool, start: i64) -> u16 {
        self.lay.sections.push(Section {
            name,
            dsect,
            ext: false,
            loc: start,
            min: start,
            max: start,
            base: 0,
        });
        let s = (self.lay.sections.len() - 1) as u16;
        self.cur = Some(s);
        s
    }

    fn loc(&mut self) -> i64 {
        let s = self.section();
        self.lay.sections[s as usize].loc
    }

    fn set_loc(&mut self, v: i64, span: Span) {
        let s = self.section();
        let v = if !(0..ADDR_LIMIT).contains(&v) {
            self.diags.error(
                span,
                "location counter out of range (0 to X'FFFFFF')".to_string(),
            );
            v.clamp(0, ADDR_LIMIT - 1)
        } else {
            v
        };
        let sec = &mut self.lay.sections[s as usize];
        sec.loc = v;
        sec.min = sec.min.min(v);
        sec.max = sec.max.max(v);
    }

    fn align(&mut self, a: u32, span: Span) {
        let l = self.loc();
        let a = a.max(1) as i64;
        let n = (l + a - 1) / a * a;
        if n != l {
            self.set_loc(n, span);
        }
    }

    fn define(&mut self, i: usize, name: &str, span: Span, val: Val, len: u32) {
        if let Some(old) = self.lay.symbols.get(name) {
            self.diags.error(
                span,
                format!(
                    "duplicate symbol '{name}' (first defined in statement {})",
                    old.stmt + 1
                ),
            );
            return;
        }
        self.lay
            .symbols
            .insert(name.to_string(), SymDef { val, len, stmt: i });
    }

    fn define_label(&mut self, i: usize, val: Val, len: u32) {
        if let Some((name, span)) = &self.prog.stmts[i].label {
            self.define(i, name, *span, val, len);
        }
    }

    fn here(&mut self) -> Val {
        let s = self.section();
        Val::rel(s, self.lay.sections[s as usize].loc)
    }

    /// Process one statement; true at END.
    fn stmt(&mut self, i: usize) -> bool {
        let st = &self.prog.stmts[i];
        self.pending.extend(st.lits.iter().copied());
        for &l in &st.lits {
            self.note_vrefs(&self.prog.lits[l].dc);
        }
        let span = st.operand_span;
        match &st.kind {
            Kind::Empty => {
                self.lay.stmts[i].loc = self
                    .cur
                    .map(|s| Val::rel(s, self.lay.sections[s as usize].loc));
            }
            Kind::Bad => {
                if st.label.is_some() {
                    let v = self.here();
                    self.lay.stmts[i].loc = Some(v);
                    self.define_label(i, v, 1);
                }
            }
            Kind::Instr { op, .. } => {
                self.align(2, span);
                let v = self.here();
                let len = op.format.len();
                self.lay.stmts[i].loc = Some(v);
                self.lay.stmts[i].len = len;
                self.define_label(i, v, len);
                self.set_loc(v.off + len as i64, span);
            }
            Kind::Dir(d, args) => return self.directive(i, *d, args),
        }
        false
    }

    fn exprs(args: &Args) -> &[Option<Expr>] {
        match args {
            Args::Exprs(v) => v,
            _ => &[],
        }
    }

    fn directive(&mut self, i: usize, d: Dir, args: &Args) -> bool {
        let st = &self.prog.stmts[i];
        let span = st.operand_span;
        let label = st.label.clone();
        let ex = Self::exprs(args);
        match d {
            Dir::Csect | Dir::Dsect | Dir::Start => {
                let name = label.as_ref().map(|l| l.0.clone()).unwrap_or_default();
                if d == Dir::Dsect && name.is_empty() {
                    self.diags.error(span, "DSECT needs a name");
                    return false;
                }
                if d == Dir::Start && self.lay.sections.iter().any(|s| !s.dsect) {
                    self.diags
                        .error(span, "START must come before any other section");
                }
                let existing = self
                    .lay
                    .sections
                    .iter()
                    .position(|s| s.name == name && !s.ext && !(name.is_empty() && s.dsect));
                match existing {
                    Some(s) if self.lay.sections[s].dsect == (d == Dir::Dsect) => {
                        self.cur = Some(s as u16);
                    }
                    Some(_) => {
                        let sp = label.as_ref().map_or(span, |l| l.1);
                        self.diags.error(
                            sp,
                            format!("'{name}' is already a different kind of section"),
                        );
                    }
                    None => {
                        let start = match ex.first() {
                            Some(Some(e)) if d == Dir::Start => {
                                let v = self.abs_now(e, "START").unwrap_or(0);
                                if !(0..ADDR_LIMIT).contains(&v) {
                                    self.diags.error(e.span, "START address out of range");
                                    0
                                } else {
                                    v
                                }
                            }
                            _ => 0,
                        };
                        let s = self.new_section(name.clone(), d == Dir::Dsect, start);
                        if let Some((n, sp)) = &label {
                            self.define(i, n, *sp, Val::rel(s, start), 1);
                        }
                    }
                }
                self.lay.stmts[i].loc = Some(self.here());
            }
            Dir::End => {
                self.pool_at(i, true);
                if let Some(Some(e)) = ex.first() {
                    let _ = e; // the entry point is checked in pass 2
                }
                self.lay.stmts[i].loc = self
                    .cur
                    .map(|s| Val::rel(s, self.lay.sections[s as usize].loc));
                return true;
            }
            Dir::Ltorg => {
                let v = self.here();
                self.define_label(i, v, 1);
                self.pool_at(i, false);
            }
            Dir::Extrn | Dir::Entry => {
                self.lay.stmts[i].loc = self
                    .cur
                    .map(|s| Val::rel(s, self.lay.sections[s as usize].loc));
                for e in ex {
                    match e {
                        Some(Expr {
                            kind: super::parse::ExprKind::Sym(name),
                            span,
                        }) => {
                            if d == Dir::Entry {
                                self.lay.entries.push((name.clone(), i));
                            } else if let Some(old) = self.lay.symbols.get(name) {
                                self.diags.error(
                                    *span,
                                    format!(
                                        "duplicate symbol '{name}' (first defined in statement {})",
                                        old.stmt + 1
                                    ),
                                );
                            } else {
                                self.external(name, i);
                            }
                        }
                        Some(e) => self.diags.error(e.span, "expected a symbol"),
                        None => self.diags.error(span, "empty operand"),
                    }
                }
            }
            Dir::Using | Dir::Drop | Dir::Copy | Dir::Listing => {
                self.lay.stmts[i].loc = self
                    .cur
                    .map(|s| Val::rel(s, self.lay.sections[s as usize].loc));
            }
            Dir::Equ => {
                self.lay.stmts[i].loc = self
                    .cur
                    .map(|s| Val::rel(s, self.lay.sections[s as usize].loc));
                if label.is_none() {
                    self.diags.error(span, "EQU needs a label");
                    return false;
                }
                if !matches!(ex.first(), Some(Some(_))) {
                    self.diags.error(span, "EQU needs a value");
                    return false;
                }
                if !self.try_equ(i, false) {
                    self.deferred.push(i);
                }
            }
            Dir::Org => {
                self.section();
                match ex.first() {
                    None | Some(None) => {
                        let s = self.section() as usize;
                        let m = self.lay.sections[s].max;
                        self.set_loc(m, span);
                    }
                    Some(Some(e)) => match eval(e, &self.env()) {
                        Ok(v) if v.n == 1 && Some(v.sect) == self.cur => {
                            self.set_loc(v.off, e.span)
                        }
                        Ok(_) => self.diags.error(
                            e.span,
                            "ORG operand must be an address in the current section",
                        ),
                        Err(EvalErr::Undefined(s, sp)) => self.diags.error(
                            sp,
                            format!("symbol '{s}' must be defined before it is used in ORG"),
                        ),
                        Err(EvalErr::Other(sp, m)) => self.diags.error(sp, m),
                    },
                }
                let v = self.here();
                self.lay.stmts[i].loc = Some(v);
                self.define_label(i, v, 1);
            }
            Dir::Dc | Dir::Ds => {
                let Args::Dc(ops) = args else { return false };
                let mut lays = Vec::with_capacity(ops.len());
                for op in ops {
                    lays.push(self.dc_layout(op));
                    if d == Dir::Dc {
                        self.note_vrefs(op);
                    }
                }
                let first_align = match (ops.first(), lays.first()) {
                    (Some(o), Some(Some(_))) if o.len.is_none() => align_of(o.ty),
                    _ => 1,
                };
                self.align(first_align, span);
                let start = self.here();
                let mut off: u64 = 0;
                let mut out = Vec::new();
                for (op, l) in ops.iter().zip(lays) {
                    let Some(mut l) = l else { continue };
                    let a = if op.len.is_none() {
                        align_of(op.ty) as u64
                    } else {
                        1
                    };
                    let abs = start.off as u64 + off;
                    off += (a - abs % a) % a;
                    l.at = off as u32;
                    off += l.size();
                    out.push(l);
                }
                let first_len = out
                    .first()
                    .and_then(|l| l.lens.first().copied())
                    .unwrap_or(1);
                self.define_label(i, start, first_len);
                let len = off.min(ADDR_LIMIT as u64) as i64;
                self.lay.stmts[i].loc = Some(start);
                self.lay.stmts[i].len = len as u32;
                self.lay.stmts[i].dc = out;
                self.set_loc(start.off + len, span);
            }
            Dir::Cnop => {
                self.align(2, span);
                let (a, b) = match ex {
                    [Some(a), Some(b)] => (self.abs_now(a, "CNOP"), self.abs_now(b, "CNOP")),
                    _ => {
                        self.diags
                            .error(span, "CNOP takes two operands: byte,boundary");
                        (None, None)
                    }
                };
                let v = self.here();
                let mut len = 0;
                if let (Some(a), Some(b)) = (a, b) {
                    if !matches!(b, 4 | 8) || a < 0 || a >= b || a % 2 != 0 {
                        self.diags
                            .error(span, "CNOP operands must be 0,4 2,4 0,8 2,8 4,8 or 6,8");
                    } else {
                        len = ((a - v.off).rem_euclid(b)) as u32;
                    }
                }
                self.lay.stmts[i].loc = Some(v);
                self.lay.stmts[i].len = len;
                self.set_loc(v.off + len as i64, span);
                let here = self.here();
                self.define_label(i, here, 1);
            }
            Dir::Ccw => {
                self.align(8, span);
                let v = self.here();
                self.lay.stmts[i].loc = Some(v);
                self.lay.stmts[i].len = 8;
                self.define_label(i, v, 8);
                self.set_loc(v.off + 8, span);
            }
        }
        false
    }

    /// Try to evaluate an EQU; define its symbol on success. With `last`, report why not.
    fn try_equ(&mut self, i: usize, last: bool) -> bool {
        let st = &self.prog.stmts[i];
        let Kind::Dir(_, args) = &st.kind else {
            return true;
        };
        let ex = Self::exprs(args);
        let Some((name, lspan)) = st.label.clone() else {
            return true;
        };
        let Some(Some(e)) = ex.first() else {
            return true;
        };
        let env = At {
            lay: &self.lay,
            star: self.lay.stmts[i].loc,
        };
        let v = match eval(e, &env) {
            Ok(v) => v,
            Err(EvalErr::Undefined(..)) if !last => return false,
            Err(err) => {
                let (sp, m) = err.into_msg();
                self.diags.error(sp, m);
                self.lay.stmts[i].unresolved = true;
                return true;
            }
        };
        let len = match ex.get(1) {
            Some(Some(le)) => match eval(le, &env) {
                Ok(l) if l.is_abs() && (0..=65535).contains(&l.off) => l.off as u32,
                Ok(_) => {
                    self.diags
                        .error(le.span, "EQU length must be an absolute value 0 to 65535");
                    1
                }
                Err(EvalErr::Undefined(..)) if !last => return false,
                Err(err) => {
                    let (sp, m) = err.into_msg();
                    self.diags.error(sp, m);
                    1
                }
            },
            _ => length_of(e, &env).unwrap_or(1),
        };
        self.define(i, &name, lspan, v, len);
        true
    }

    fn retry_equs(&mut self) {
        loop {
            let before = self.deferred.len();
            let pending = std::mem::take(&mut self.deferred);
            for i in pending {
                if !self.try_equ(i, false) {
                    self.deferred.push(i);
                }
            }
            if self.deferred.is_empty() || self.deferred.len() == before {
                break;
            }
        }
        for i in std::mem::take(&mut self.deferred) {
            self.try_equ(i, true);
        }
    }

    /// Size one DC/DS operand (or literal).
    fn dc_layout(&mut self, op: &DcOperand) -> Option<OpLayout> {
        let dup = match &op.dup {
            None => 1,
            Some(e) => {
                let v = self.abs_now(e, "a duplication factor")?;
                if !(0..ADDR_LIMIT).contains(&v) {
                    self.diags.error(e.span, "duplication factor out of range");
                    return None;
                }
                v as u32
            }
        };
        let n = op.count();
        let lens = match &op.len {
            None => (0..n).map(|k| op.implied_len(k)).collect(),
            Some(e) => {
                let l = self.abs_now(e, "a length modifier")?;
                let max = match op.ty {
                    b'C' | b'X' | b'B' => 65535,
                    b'F' | b'H' | b'D' | b'E' => 8,
                    b'A' | b'V' => 4,
                    b'Y' | b'S' => 2,
                    _ => 16,
                };
                if l < 1 || l > max || (op.ty == b'S' && l != 2) {
                    self.diags.error(
                        e.span,
                        format!(
                            "length {l} out of range for type {} (1 to {max})",
                            op.ty as char
                        ),
                    );
                    return None;
                }
                vec![l as u32; n]
            }
        };
        Some(OpLayout { at: 0, dup, lens })
    }

    /// A pool for statement `i` (LTORG or END).
    fn pool_at(&mut self, i: usize, at_end: bool) {
        if self.pending.is_empty() {
            return;
        }
        let (at, len, lits) = self.pool(i, at_end);
        let info = &mut self.lay.stmts[i];
        info.loc = Some(at);
        info.len = len;
        info.pool = lits;
    }

    /// Place the pending literals here (LTORG) or at the end of the section (END):
    /// their location, total length and the literals owning bytes, in order.
    fn pool(&mut self, i: usize, at_end: bool) -> (Val, u32, Vec<usize>) {
        let pending = std::mem::take(&mut self.pending);
        if at_end {
            // The END pool goes after everything in the current (or last) CSECT.
            let s = match self.cur {
                Some(s) if !self.lay.sections[s as usize].dsect => Some(s),
                _ => self
                    .lay
                    .sections
                    .iter()
                    .rposition(|s| !s.dsect)
                    .map(|s| s as u16),
            };
            let s = match s {
                Some(s) => s,
                None => self.new_section(String::new(), false, 0),
            };
            self.cur = Some(s);
            let m = self.lay.sections[s as usize].max;
            self.lay.sections[s as usize].loc = m;
        }
        let span = self.prog.stmts[i].operand_span;
        self.align(8, span);
        // Deduplicate by text, then size.
        let mut first: HashMap<&str, usize> = HashMap::new();
        let mut uniq: Vec<(usize, OpLayout)> = Vec::new();
        let mut aliases: Vec<(usize, usize)> = Vec::new();
        let prog = self.prog;
        for idx in pending {
            let lit = &prog.lits[idx];
            if let Some(&p) = first.get(lit.key.as_str()) {
                aliases.push((idx, p));
                continue;
            }
            let Some(l) = self.dc_layout(&lit.dc) else {
                continue;
            };
            first.insert(&lit.key, idx);
            uniq.push((idx, l));
        }
        // HLASM order: multiples of 8 bytes first, then 4, then 2, then the rest.
        let group = |l: &OpLayout| match l.size() {
            s if s % 8 == 0 => 0,
            s if s % 4 == 0 => 1,
            s if s % 2 == 0 => 2,
            _ => 3,
        };
        uniq.sort_by_key(|(_, l)| group(l));
        let start = self.here();
        let mut off = start.off;
        let mut placed = Vec::new();
        for (idx, l) in uniq {
            let len = l.lens.first().copied().unwrap_or(1);
            let size = l.size() as i64;
            self.lay.lits[idx] = Some(LitPlace {
                val: Val::rel(start.sect, off),
                len,
                layout: l,
                primary: idx,
            });
            placed.push(idx);
            off += size;
        }
        for (idx, p) in aliases {
            if let Some(mut pl) = self.lay.lits[p].clone() {
                pl.primary = p;
                self.lay.lits[idx] = Some(pl);
            }
        }
        self.set_loc(off, span);
        (start, (off - start.off) as u32, placed)
    }

    /// ENTRY symbols must be addresses in a CSECT.
    fn check_entries(&mut self) {
        for (name, i) in self.lay.entries.clone() {
            let ok = self.lay.symbols.get(&name).is_some_and(|d| {
                d.val.n == 1
                    && self
                        .lay
                        .sections
                        .get(d.val.sect as usize)
                        .is_some_and(|s| !s.dsect && !s.ext)
            });
            if !ok {
                let span = self.prog.stmts[i].operand_span;
                self.diags.error(
                    span,
                    format!("ENTRY '{name}' must be a symbol defined in a CSECT of this program"),
                );
            }
        }
    }

    /// Give every section its base: CSECTs follow one another, each aligned to 8.
    fn place_sections(&mut self) {
        let mut next: Option<i64> = None;
        let mut origin = None;
        let mut end = 0;
        for s in self.lay.sections.iter_mut() {
            if s.dsect || s.ext {
                s.base = 0;
                continue;
            }
            match next {
                None => s.base = 0,
                Some(n) => s.base = n - s.min,
            }
            let lo = s.base + s.min;
            let hi = s.base + s.max;
            origin = Some(origin.map_or(lo, |o: i64| o.min(lo)));
            end = end.max(hi);
            next = Some((hi + 7) & !7);
        }
        self.lay.origin = origin.unwrap_or(0);
        self.lay.end = end.max(self.lay.origin);
        if self.lay.end > ADDR_LIMIT {
            self.diags
                .global("the program does not fit in 16 megabytes of storage");
            self.lay.end = self.lay.origin;
        }
    }
}
