//! Phase 1b: macros and conditional assembly.
//!
//! Runs between reading the sources and parsing them, on statement text, as HLASM's
//! conditional-assembly language is defined: it rewrites the list of logical lines into
//! the list of statements to assemble. Open code is read once, top to bottom (AIF/AGO
//! may jump); a `MACRO`...`MEND` definition is remembered, and every call of it is
//! replaced by the statements it generates, each marked with the call it came from
//! (`SrcLine::from_call`) so the listing can print it with `+` and a diagnostic can say
//! `(in macro FOO called at file:line)`.
//!
//! What is here: prototypes with a name-field parameter, positional and keyword
//! parameters (`&K=default`), sublists (`&P(2)`, `N'&P`), `&SYSLIST(n[,m])`, `&SYSNDX`, `&SYSECT`;
//! local and global SETA/SETB/SETC variables, scalar or subscripted (LCLx/GBLx, or
//! declared implicitly by their first SETx); AIF/AGO (also computed `AGO (n).A,.B`),
//! ANOP, ACTR, sequence symbols; expressions with `+ - * /`, `EQ NE LT GT LE GE`,
//! `AND OR NOT XOR`, strings with substitution, concatenation (`'A'.'&B'`), duplication
//! (`(3)'AB'`), substrings (`'ABC'(2,1)`, `(2,*)`), self-defining terms, and the
//! attributes `K' N' T' L' D'` (T' and L' of ordinary symbols are looked up in the
//! statements seen so far, then ahead in open code); MNOTE (severity 8 or more is an
//! error, 1-7 a warning, 0 or `*` a note); MEXIT. A macro not defined in the source is
//! looked for as a library member of its name (read like a COPY member, which must
//! start with `MACRO`).
//!
//! Nothing here can loop forever or recurse without bound: ACTR (default 4096 branches
//! per macro call), the nesting depth and the number of generated statements are all
//! limited, and each limit is a diagnostic.

use super::diag::{Diags, Severity, Span};
use super::parse::{split_fields, valid_symbol};
use super::source::{Call, Sources, SrcLine, logical_lines};
use std::collections::HashMap;
use std::rc::Rc;

/// Deepest macro call nesting.
const MAX_DEPTH: usize = 40;
/// Most statements all macro calls together may generate.
const MAX_GENERATED: usize = 500_000;
/// Default ACTR: AIF/AGO branches allowed per macro call (and in open code).
const DEFAULT_ACTR: i64 = 4096;
/// Largest subscript of a SET variable.
const MAX_SUBSCRIPT: i64 = 65_535;
/// Longest SETC value.
const MAX_STRING: usize = 4096;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ty {
    A,
    B,
    C,
}

impl Ty {
    fn name(self) -> &'static str {
        match self {
            Ty::A => "SETA",
            Ty::B => "SETB",
            Ty::C => "SETC",
        }
    }
    fn zero(self) -> Value {
        match self {
            Ty::A => Value::Int(0),
            Ty::B => Value::Bool(false),
            Ty::C => Value::Str(String::new()),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Value {
    Int(i32),
    Bool(bool),
    Str(String),
}

impl Value {
    fn text(&self) -> String {
        match self {
            Value::Int(v) => v.to_string(),
            Value::Bool(b) => if *b { "1" } else { "0" }.to_string(),
            Value::Str(s) => s.clone(),
        }
    }
}

#[derive(Clone, Debug)]
struct SetVar {
    ty: Ty,
    /// Subscripted (declared with a dimension or first set with a subscript).
    dim: bool,
    /// Scalar: one value; subscripted: element `i` at `vals[i - 1]`.
    vals: Vec<Value>,
}

#[derive(Clone, Debug)]
enum Slot {
    Local(SetVar),
    /// Declared GBLx in this scope: the value lives in the global table.
    Global,
}

/// The conditional-assembly operations (and MACRO/MEND).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Op {
    Set(Ty),
    Lcl(Ty),
    Gbl(Ty),
    Aif,
    Ago,
    Anop,
    Actr,
    Mnote,
    Mexit,
    Mend,
    Macro,
    /// An ordinary statement (model statement in a macro).
    Plain,
    /// `.*` comment: never generated.
    Silent,
}

fn cond_op(op: &str) -> Op {
    const OPS: &[(&str, Op)] = &[
        ("SETA", Op::Set(Ty::A)),
        ("SETB", Op::Set(Ty::B)),
        ("SETC", Op::Set(Ty::C)),
        ("LCLA", Op::Lcl(Ty::A)),
        ("LCLB", Op::Lcl(Ty::B)),
        ("LCLC", Op::Lcl(Ty::C)),
        ("GBLA", Op::Gbl(Ty::A)),
        ("GBLB", Op::Gbl(Ty::B)),
        ("GBLC", Op::Gbl(Ty::C)),
        ("AIF", Op::Aif),
        ("AGO", Op::Ago),
        ("ANOP", Op::Anop),
        ("ACTR", Op::Actr),
        ("MNOTE", Op::Mnote),
        ("MEXIT", Op::Mexit),
        ("MEND", Op::Mend),
        ("MACRO", Op::Macro),
    ];
    if !(3..=5).contains(&op.len()) {
        return Op::Plain;
    }
    OPS.iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(op))
        .map_or(Op::Plain, |&(_, o)| o)
}

/// Classify a statement: its operation, its label range and its operand range.
struct Stmt {
    op: Op,
    label: Option<(usize, usize)>,
    opr: Option<(usize, usize)>,
    operands: (usize, usize),
}

fn classify(text: &str) -> Option<Stmt> {
    if text.starts_with(".*") {
        return Some(Stmt {
            op: Op::Silent,
            label: None,
            opr: None,
            operands: (0, 0),
        });
    }
    let f = split_fields(text)?;
    let op = f.op.map_or(Op::Plain, |(lo, hi)| cond_op(&text[lo..hi]));
    let operands = match op {
        Op::Plain | Op::Mnote | Op::Macro | Op::Mend | Op::Mexit => f.operands,
        // Conditional operands may hold blanks inside parentheses: `(&A EQ 1)`.
        _ => (
            f.operands.0,
            cond_operand_end(text.as_bytes(), f.operands.0),
        ),
    };
    Some(Stmt {
        op,
        label: f.label,
        opr: f.op,
        operands,
    })
}

fn is_sym_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || matches!(c, b'$' | b'#' | b'@' | b'_')
}

fn is_sym_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'$' | b'#' | b'@' | b'_')
}

/// Is the quote at `i` that of an attribute reference (`K'&P`, `T'X`, `L'X`)?
fn attribute_quote(b: &[u8], i: usize) -> bool {
    if i == 0
        || !matches!(
            b[i - 1].to_ascii_uppercase(),
            b'K' | b'N' | b'T' | b'L' | b'D'
        )
    {
        return false;
    }
    let before_ok = i < 2 || !is_sym_char(b[i - 2]) && b[i - 2] != b'&';
    let after_ok = b
        .get(i + 1)
        .is_some_and(|&c| is_sym_start(c) || c == b'&' || c == b'*');
    before_ok && after_ok
}

/// Scan `b` from `i` for the first byte in `stop` that stands outside quotes (with `''`
/// inside a string, and attribute quotes like `L'X`, not opening one) and outside
/// parentheses (depth <= 0, counting from `depth`). Returns its index (or `b.len()`) and
/// the parenthesis depth there, so a caller can go on scanning after it.
fn scan_to(b: &[u8], mut i: usize, mut depth: i32, stop: &[u8]) -> (usize, i32) {
    let mut q = false;
    while i < b.len() {
        let c = b[i];
        if q {
            if c == b'\'' {
                if b.get(i + 1) == Some(&b'\'') {
                    i += 1;
                } else {
                    q = false;
                }
            }
        } else {
            match c {
                b'\'' if !attribute_quote(b, i) => q = true,
                b'(' => depth += 1,
                b')' => depth -= 1,
                _ if depth <= 0 && stop.contains(&c) => break,
                _ => {}
            }
        }
        i += 1;
    }
    (i, depth)
}

/// The end of a conditional-assembly operand field: the first blank outside quotes and
/// parentheses.
fn cond_operand_end(b: &[u8], lo: usize) -> usize {
    scan_to(b, lo, 0, b" \t").0
}

/// Split `s` at commas outside quotes and parentheses (ranges relative to `s`).
fn split_commas(s: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (mut start, mut depth) = (0, 0);
    loop {
        let (i, d) = scan_to(s, start, depth, b",");
        out.push((start, i));
        if i >= s.len() {
            return out;
        }
        (start, depth) = (i + 1, d);
    }
}

/// The elements of a sublist `(a,b,c)`, or `None` if `s` is not one.
fn sublist(s: &str) -> Option<Vec<&str>> {
    let b = s.as_bytes();
    if b.len() < 2 || b[0] != b'(' || b[b.len() - 1] != b')' {
        return None;
    }
    // The opening parenthesis must close at the very end.
    let mut depth = 0;
    let mut q = false;
    for (i, &c) in b.iter().enumerate() {
        if q {
            if c == b'\'' {
                q = false;
            }
            continue;
        }
        match c {
            b'\'' if !attribute_quote(b, i) => q = true,
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 && i != b.len() - 1 {
                    return None;
                }
            }
            _ => {}
        }
    }
    let inner = &s[1..s.len() - 1];
    Some(
        split_commas(inner.as_bytes())
            .into_iter()
            .map(|(a, b)| &inner[a..b])
            .collect(),
    )
}

/// One statement of a macro definition.
struct Model {
    line: SrcLine,
    op: Op,
    label: Option<(usize, usize)>,
    operands: (usize, usize),
}

/// A macro definition.
struct Macro {
    name: String,
    /// The name-field parameter (without `&`, upper case).
    name_param: Option<String>,
    positional: Vec<String>,
    /// Keyword parameters and their defaults.
    keywords: Vec<(String, String)>,
    body: Vec<Model>,
    /// Sequence symbol -> index in `body`.
    seqs: HashMap<String, usize>,
}

/// The variables of one macro call (or of open code).
#[derive(Default)]
struct Scope {
    vars: HashMap<String, Slot>,
    params: HashMap<String, String>,
    /// `&SYSLIST(0)` is the name field; then the positional operands.
    syslist: Vec<String>,
    sysndx: u32,
    /// `&SYSECT`: the section the macro was called in.
    sysect: String,
    in_macro: bool,
    actr: i64,
}

/// What to do after a conditional-assembly statement.
enum Flow {
    Next,
    Goto(String, usize, usize),
    Exit,
}

/// An error at a byte range of the current statement's text.
struct CErr {
    lo: usize,
    hi: usize,
    msg: String,
}

fn cerr<T>(lo: usize, hi: usize, msg: impl Into<String>) -> Result<T, CErr> {
    Err(CErr {
        lo,
        hi,
        msg: msg.into(),
    })
}

/// Where a statement being processed lives, for diagnostics.
#[derive(Clone, Copy)]
enum Here<'m> {
    /// Already in the output.
    Out(usize),
    /// A model statement of a macro being expanded by `call` (not in the output).
    Model(&'m SrcLine, u32),
}

/// Type and length attributes of an ordinary symbol, found by looking at the statement
/// that defines it.
fn symbol_attrs(text: &str) -> (u8, u32) {
    super::parse::attributes(text)
}

struct Ex<'a> {
    src: &'a mut Sources,
    raw: Vec<SrcLine>,
    read: &'a super::Reader<'a>,
    diags: &'a mut Diags,
    macros: HashMap<String, Rc<Macro>>,
    /// Library members already looked for (found or not).
    tried: HashMap<String, bool>,
    globals: HashMap<String, SetVar>,
    /// Labels of the statements output so far -> their index.
    defs: HashMap<String, usize>,
    /// Open-code sequence symbols -> raw line index (built on the first AIF/AGO).
    open_seqs: Option<HashMap<String, usize>>,
    /// Where open code is (for lookahead).
    raw_pos: usize,
    sysndx: u32,
    /// The section the statements output so far are in (`&SYSECT`).
    sysect: String,
    generated: usize,
    ended: bool,
    /// Too much was generated: stop expanding.
    flooded: bool,
}

/// Expand macros and conditional assembly in `src.lines`.
pub fn expand(src: &mut Sources, read: &super::Reader, diags: &mut Diags) {
    // Fast path: nothing to do without macros, conditional assembly or variables.
    let needed = src.lines.iter().any(|l| {
        l.text.contains('&')
            || classify(&l.text).is_some_and(|s| !matches!(s.op, Op::Plain | Op::Silent))
            || l.text.starts_with('.')
            || unknown_op(&l.text)
    });
    if !needed {
        return;
    }
    let raw = std::mem::take(&mut src.lines);
    let n = raw.len();
    src.lines.reserve(n);
    let mut ex = Ex {
        src,
        raw,
        read,
        diags,
        macros: HashMap::new(),
        tried: HashMap::new(),
        globals: HashMap::new(),
        defs: HashMap::new(),
        open_seqs: None,
        raw_pos: 0,
        sysndx: 0,
        sysect: String::new(),
        generated: 0,
        ended: false,
        flooded: false,
    };
    ex.open_code();
}

/// Is the operation of this line unknown to the assembler (so maybe a library macro)?
fn unknown_op(text: &str) -> bool {
    let Some(f) = split_fields(text) else {
        return false;
    };
    let Some((lo, hi)) = f.op else { return false };
    let op = &text[lo..hi];
    !op.contains('&') && !super::parse::is_known_op(&op.to_ascii_uppercase())
}

impl<'a> Ex<'a> {
    fn push(&mut self, line: SrcLine) -> usize {
        if !line.inert && !line.text.is_empty() && !line.text.starts_with(['*', ' ', '\t', '.']) {
            let end = line.text.find([' ', '\t']).unwrap_or(line.text.len());
            let label = line.text[..end].to_ascii_uppercase();
            if let Some(f) = split_fields(&line.text)
                && let Some((lo, hi)) = f.op
                && matches!(
                    line.text[lo..hi].to_ascii_uppercase().as_str(),
                    "CSECT" | "START" | "DSECT"
                )
            {
                self.sysect = label.clone();
            }
            self.defs.entry(label).or_insert(self.src.lines.len());
        }
        self.src.lines.push(line);
        self.src.lines.len() - 1
    }

    fn err_at(&mut self, here: &mut Here<'_>, lo: usize, hi: usize, sev: Severity, msg: String) {
        let idx = match *here {
            Here::Out(i) => i,
            Here::Model(line, call) => {
                let mut l = line.clone();
                l.from_call = Some(call);
                l.inert = true;
                l.hidden = true;
                let i = self.push(l);
                *here = Here::Out(i);
                i
            }
        };
        self.diags.report(sev, Span::new(idx, lo, hi), msg);
    }

    /// Walk open code.
    fn open_code(&mut self) {
        let mut scope = Scope {
            actr: DEFAULT_ACTR,
            ..Scope::default()
        };
        let mut i = 0;
        while i < self.raw.len() {
            self.raw_pos = i;
            let mut line = self.raw[i].clone();
            if self.ended {
                line.inert = true;
                self.push(line);
                i += 1;
                continue;
            }
            let Some(st) = classify(&line.text) else {
                self.push(line);
                i += 1;
                continue;
            };
            match st.op {
                Op::Silent => {
                    line.inert = true;
                    self.push(line);
                    i += 1;
                }
                Op::Macro => {
                    i = self.definition(i);
                }
                Op::Mend | Op::Mexit => {
                    line.inert = true;
                    let k = self.push(line);
                    let (lo, hi) = st.opr.unwrap_or((0, 0));
                    self.diags.error(
                        Span::new(k, lo, hi),
                        "MEND or MEXIT outside a macro definition",
                    );
                    i += 1;
                }
                Op::Plain => {
                    self.plain(line, &st, &mut scope, None, 0);
                    i += 1;
                }
                _ => {
                    line.inert = true;
                    let text = line.text.clone();
                    let k = self.push(line);
                    let mut here = Here::Out(k);
                    match self.cond(&mut scope, &mut here, &text, &st) {
                        Flow::Next => i += 1,
                        Flow::Exit => i = self.raw.len(),
                        Flow::Goto(seq, lo, hi) => match self.open_seq(&seq) {
                            Some(t) => i = t,
                            None => {
                                self.err_at(
                                    &mut here,
                                    lo,
                                    hi,
                                    Severity::Error,
                                    format!("undefined sequence symbol '.{seq}'"),
                                );
                                i += 1;
                            }
                        },
                    }
                }
            }
        }
    }

    /// The raw line index of an open-code sequence symbol.
    fn open_seq(&mut self, name: &str) -> Option<usize> {
        if self.open_seqs.is_none() {
            let mut m = HashMap::new();
            let mut depth = 0;
            for (k, l) in self.raw.iter().enumerate() {
                let Some(st) = classify(&l.text) else {
                    continue;
                };
                match st.op {
                    Op::Macro => depth += 1,
                    Op::Mend if depth > 0 => depth -= 1,
                    _ => {}
                }
                if depth == 0
                    && let Some((lo, hi)) = st.label
                    && l.text.as_bytes()[lo] == b'.'
                {
                    m.entry(l.text[lo + 1..hi].to_ascii_uppercase())
                        .or_insert(k);
                }
            }
            self.open_seqs = Some(m);
        }
        self.open_seqs.as_ref().and_then(|m| m.get(name).copied())
    }

    /// Read a macro definition starting at raw line `i` (the MACRO statement); list it;
    /// return the index after its MEND.
    fn definition(&mut self, i: usize) -> usize {
        let lines: Vec<SrcLine> = self.raw[i..].to_vec();
        let (res, used) = collect(&lines);
        let first = self.src.lines.len();
        for l in &lines[..used] {
            let mut l = l.clone();
            l.inert = true;
            self.push(l);
        }
        match res {
            Ok(m) => {
                self.macros.insert(m.name.clone(), Rc::new(m));
            }
            Err(e) => {
                self.diags
                    .error(Span::new(first + e.line, e.lo, e.hi), e.msg);
            }
        }
        i + used.max(1)
    }

    /// The macro called by operation `op`, from the source or a library member.
    fn find_macro(&mut self, op: &str, at: usize, opspan: (usize, usize)) -> Option<Rc<Macro>> {
        if let Some(m) = self.macros.get(op) {
            return Some(m.clone());
        }
        if !valid_symbol(op) || super::parse::is_known_op(op) || self.tried.contains_key(op) {
            return None;
        }
        self.tried.insert(op.to_string(), false);
        let (path, text) = (self.read)(op)?;
        let fid = self.src.add_file(&path, text);
        let lines = logical_lines(fid, &self.src.files[fid as usize].text);
        // A library member starts with MACRO (after comments); anything else is not one.
        let start = lines
            .iter()
            .position(|l| classify(&l.text).is_some_and(|s| s.op != Op::Silent))?;
        if classify(&lines[start].text).map(|s| s.op) != Some(Op::Macro) {
            return None;
        }
        let (res, _) = collect(&lines[start..]);
        match res {
            Ok(m) if m.name == op => {
                self.tried.insert(op.to_string(), true);
                let m = Rc::new(m);
                self.macros.insert(op.to_string(), m.clone());
                Some(m)
            }
            Ok(m) => {
                self.diags.error(
                    Span::new(at, opspan.0, opspan.1),
                    format!(
                        "library member '{op}' defines macro '{}', not '{op}'",
                        m.name
                    ),
                );
                None
            }
            Err(e) => {
                let l = &lines[start + e.line];
                self.diags.error(
                    Span::new(at, opspan.0, opspan.1),
                    format!(
                        "in macro library member '{op}' at line {}: {}",
                        l.line, e.msg
                    ),
                );
                None
            }
        }
    }

    /// An ordinary statement (open code or generated): substitute, then call a macro or
    /// output it.
    fn plain(
        &mut self,
        mut line: SrcLine,
        st: &Stmt,
        scope: &mut Scope,
        call: Option<u32>,
        depth: usize,
    ) {
        if line.text.starts_with('*') {
            line.from_call = call;
            self.push(line);
            return;
        }
        if line.text.contains('&') {
            let hi = st.operands.1;
            match self.subst(scope, &line.text, 0, hi) {
                Ok(s) => {
                    let mut t = s;
                    t.push_str(&line.text[hi..]);
                    if t != line.text {
                        line.substituted = true;
                        line.text = t;
                    }
                }
                Err(e) => {
                    line.from_call = call;
                    line.inert = true;
                    let k = self.push(line);
                    self.diags.error(Span::new(k, e.lo, e.hi), e.msg);
                    return;
                }
            }
        }
        line.from_call = call;
        // A sequence symbol in the name field is not a label.
        if line.text.starts_with('.') {
            let end = line.text.find([' ', '\t']).unwrap_or(line.text.len());
            line.text.replace_range(..end, &" ".repeat(end));
        }
        let Some(f) = split_fields(&line.text) else {
            self.push(line);
            return;
        };
        let Some((olo, ohi)) = f.op else {
            self.push(line);
            return;
        };
        let op = line.text[olo..ohi].to_ascii_uppercase();
        if op == "END" {
            self.ended = true;
        }
        if call.is_some() && cond_op(&op) != Op::Plain {
            line.inert = true;
            let k = self.push(line);
            self.diags.error(
                Span::new(k, olo, ohi),
                format!("{op} cannot be generated by substitution"),
            );
            return;
        }
        let at = self.src.lines.len();
        let Some(m) = self.find_macro(&op, at, (olo, ohi)) else {
            self.push(line);
            return;
        };
        let label = f.label.map(|(a, b)| line.text[a..b].to_string());
        let operands = line.text[f.operands.0..f.operands.1].to_string();
        line.inert = true;
        let k = self.push(line);
        if depth >= MAX_DEPTH {
            self.diags.error(
                Span::new(k, olo, ohi),
                format!("macro calls nested more than {MAX_DEPTH} deep"),
            );
            return;
        }
        self.invoke(&m, k, label.as_deref(), &operands, depth + 1);
    }

    /// Expand one call of `m` made by output statement `at`.
    fn invoke(
        &mut self,
        m: &Rc<Macro>,
        at: usize,
        label: Option<&str>,
        operands: &str,
        depth: usize,
    ) {
        self.sysndx += 1;
        let mut scope = Scope {
            sysndx: self.sysndx,
            sysect: self.sysect.clone(),
            in_macro: true,
            actr: DEFAULT_ACTR,
            ..Scope::default()
        };
        scope.syslist.push(label.unwrap_or("").to_string());
        if let Some(n) = &m.name_param {
            scope
                .params
                .insert(n.clone(), label.unwrap_or("").to_string());
        }
        for (k, v) in &m.keywords {
            scope.params.insert(k.clone(), v.clone());
        }
        let mut npos = 0;
        if !operands.is_empty() {
            for (lo, hi) in split_commas(operands.as_bytes()) {
                let o = &operands[lo..hi];
                let kw = o.find('=').and_then(|e| {
                    let name = o[..e].to_ascii_uppercase();
                    m.keywords
                        .iter()
                        .any(|(k, _)| *k == name)
                        .then(|| (name, o[e + 1..].to_string()))
                });
                match kw {
                    Some((name, v)) => {
                        scope.params.insert(name, v);
                    }
                    None => {
                        if let Some(p) = m.positional.get(npos) {
                            scope.params.insert(p.clone(), o.to_string());
                        }
                        npos += 1;
                        scope.syslist.push(o.to_string());
                    }
                }
            }
        }
        for p in m.positional.iter().skip(npos) {
            scope.params.insert(p.clone(), String::new());
        }
        let call = self.src.calls.len() as u32;
        self.src.calls.push(Call {
            mac: m.name.clone(),
            at: at as u32,
        });
        let mut pc = 0;
        while pc < m.body.len() {
            if self.flooded {
                return;
            }
            let model = &m.body[pc];
            match model.op {
                Op::Silent => pc += 1,
                Op::Mend | Op::Mexit => return,
                Op::Macro => {
                    let mut here = Here::Model(&model.line, call);
                    self.err_at(
                        &mut here,
                        0,
                        model.line.text.len(),
                        Severity::Error,
                        "macro definitions inside macros are not supported".into(),
                    );
                    return;
                }
                Op::Plain => {
                    self.generated += 1;
                    if self.generated > MAX_GENERATED {
                        self.flooded = true;
                        let mut here = Here::Model(&model.line, call);
                        self.err_at(
                            &mut here,
                            0,
                            0,
                            Severity::Error,
                            format!("macros generated more than {MAX_GENERATED} statements"),
                        );
                        return;
                    }
                    let st = Stmt {
                        op: Op::Plain,
                        label: model.label,
                        opr: None,
                        operands: model.operands,
                    };
                    self.plain(model.line.clone(), &st, &mut scope, Some(call), depth);
                    pc += 1;
                }
                _ => {
                    let st = Stmt {
                        op: model.op,
                        label: model.label,
                        opr: None,
                        operands: model.operands,
                    };
                    let mut here = Here::Model(&model.line, call);
                    if model.op == Op::Mnote {
                        // MNOTEs are listed.
                        let mut l = model.line.clone();
                        l.from_call = Some(call);
                        l.inert = true;
                        here = Here::Out(self.push(l));
                    }
                    match self.cond(&mut scope, &mut here, &model.line.text, &st) {
                        Flow::Next => pc += 1,
                        Flow::Exit => return,
                        Flow::Goto(seq, lo, hi) => match m.seqs.get(&seq) {
                            Some(&t) => pc = t,
                            None => {
                                self.err_at(
                                    &mut here,
                                    lo,
                                    hi,
                                    Severity::Error,
                                    format!("undefined sequence symbol '.{seq}'"),
                                );
                                return;
                            }
                        },
                    }
                }
            }
        }
    }

    /// Execute a conditional-assembly statement.
    fn cond(&mut self, scope: &mut Scope, here: &mut Here<'_>, text: &str, st: &Stmt) -> Flow {
        match self.cond_inner(scope, here, text, st) {
            Ok(Flow::Goto(s, lo, hi)) => {
                scope.actr -= 1;
                if scope.actr < 0 {
                    self.err_at(
                        here,
                        lo,
                        hi,
                        Severity::Error,
                        "ACTR limit reached: conditional assembly stopped (a loop?)".into(),
                    );
                    return Flow::Exit;
                }
                Flow::Goto(s, lo, hi)
            }
            Ok(f) => f,
            Err(e) => {
                self.err_at(here, e.lo, e.hi, Severity::Error, e.msg);
                Flow::Next
            }
        }
    }

    fn cond_inner(
        &mut self,
        scope: &mut Scope,
        here: &mut Here<'_>,
        text: &str,
        st: &Stmt,
    ) -> Result<Flow, CErr> {
        let (lo, hi) = st.operands;
        let b = text.as_bytes();
        match st.op {
            Op::Set(ty) => {
                let Some((llo, lhi)) = st.label else {
                    return cerr(
                        0,
                        0,
                        format!("{} needs a variable symbol in the name field", ty.name()),
                    );
                };
                let mut c = Cur::new(&b[..lhi], llo);
                if !c.eat(b'&') {
                    return cerr(
                        llo,
                        lhi,
                        format!("{} needs a variable symbol in the name field", ty.name()),
                    );
                }
                let name = c.name().ok_or(CErr {
                    lo: llo,
                    hi: lhi,
                    msg: "invalid variable symbol".into(),
                })?;
                let sub = if c.eat(b'(') {
                    let v = self.arith(scope, text, &mut c)?;
                    if !c.eat(b')') {
                        return cerr(c.pos, lhi, "expected ')' after the subscript");
                    }
                    Some(v)
                } else {
                    None
                };
                if c.pos != lhi {
                    return cerr(c.pos, lhi, "unexpected text in the name field");
                }
                if lo == hi {
                    return cerr(lo, hi, format!("{} needs a value", ty.name()));
                }
                let parts = split_commas(&b[lo..hi]);
                for (k, (plo, phi)) in parts.iter().enumerate() {
                    let (plo, phi) = (lo + plo, lo + phi);
                    let mut c = Cur::new(&b[..phi], plo);
                    let v = self.expr(scope, text, &mut c)?;
                    if c.pos != phi {
                        return cerr(c.pos, phi, "unexpected text in the expression");
                    }
                    let v = convert(v, ty).map_err(|m| CErr {
                        lo: plo,
                        hi: phi,
                        msg: m,
                    })?;
                    let idx = sub.map(|s| s as i64 + k as i64);
                    if parts.len() > 1 && idx.is_none() {
                        return cerr(lo, hi, "several values need a subscripted variable");
                    }
                    self.set(scope, &name, ty, idx, v).map_err(|m| CErr {
                        lo: llo,
                        hi: lhi,
                        msg: m,
                    })?;
                }
                Ok(Flow::Next)
            }
            Op::Lcl(ty) | Op::Gbl(ty) => {
                let global = matches!(st.op, Op::Gbl(_));
                for (plo, phi) in split_commas(&b[lo..hi]) {
                    let (plo, phi) = (lo + plo, lo + phi);
                    let mut c = Cur::new(&b[..phi], plo);
                    if !c.eat(b'&') {
                        return cerr(plo, phi, "expected a variable symbol");
                    }
                    let Some(name) = c.name() else {
                        return cerr(plo, phi, "invalid variable symbol");
                    };
                    let dim = if c.eat(b'(') {
                        let v = self.arith(scope, text, &mut c)?;
                        if !c.eat(b')') || !(1..=MAX_SUBSCRIPT as i32).contains(&v) {
                            return cerr(plo, phi, "bad dimension");
                        }
                        true
                    } else {
                        false
                    };
                    if c.pos != phi {
                        return cerr(c.pos, phi, "unexpected text after the variable symbol");
                    }
                    if scope.params.contains_key(&name) || is_system(&name) {
                        return cerr(
                            plo,
                            phi,
                            format!("'&{name}' is a parameter or system variable"),
                        );
                    }
                    let var = SetVar {
                        ty,
                        dim,
                        vals: if dim { Vec::new() } else { vec![ty.zero()] },
                    };
                    if global {
                        match self.globals.get(&name) {
                            Some(g) if g.ty != ty => {
                                return cerr(
                                    plo,
                                    phi,
                                    format!(
                                        "global '&{name}' was declared {}",
                                        g.ty.name().replace("SET", "GBL")
                                    ),
                                );
                            }
                            Some(_) => {}
                            None => {
                                self.globals.insert(name.clone(), var);
                            }
                        }
                        scope.vars.insert(name, Slot::Global);
                    } else {
                        if scope.vars.contains_key(&name) {
                            return cerr(plo, phi, format!("'&{name}' is already declared"));
                        }
                        scope.vars.insert(name, Slot::Local(var));
                    }
                }
                Ok(Flow::Next)
            }
            Op::Anop => Ok(Flow::Next),
            Op::Mexit | Op::Mend => Ok(Flow::Exit),
            Op::Actr => {
                let mut c = Cur::new(&b[..hi], lo);
                let v = self.arith(scope, text, &mut c)?;
                scope.actr = v as i64;
                Ok(Flow::Next)
            }
            Op::Aif => {
                // (cond).SEQ[,(cond).SEQ...]
                let mut c = Cur::new(&b[..hi], lo);
                loop {
                    if c.peek() != Some(b'(') {
                        return cerr(c.pos, hi, "AIF needs (condition).SEQUENCE");
                    }
                    let v = self.expr(scope, text, &mut c)?;
                    let (seq, slo, shi) = c.seq().ok_or(CErr {
                        lo: c.pos,
                        hi,
                        msg: "expected a sequence symbol (.NAME) after the condition".into(),
                    })?;
                    let t = truth(&v).map_err(|m| CErr {
                        lo,
                        hi: slo,
                        msg: m,
                    })?;
                    if t {
                        return Ok(Flow::Goto(seq, slo, shi));
                    }
                    if !c.eat(b',') {
                        break;
                    }
                }
                if c.pos != hi {
                    return cerr(c.pos, hi, "unexpected text after the sequence symbol");
                }
                Ok(Flow::Next)
            }
            Op::Ago => {
                let mut c = Cur::new(&b[..hi], lo);
                if c.peek() == Some(b'(') {
                    // Computed AGO: (n).A,.B,...
                    c.pos += 1;
                    let n = self.arith(scope, text, &mut c)?;
                    if !c.eat(b')') {
                        return cerr(c.pos, hi, "expected ')'");
                    }
                    let mut k = 1;
                    loop {
                        let (seq, slo, shi) = c.seq().ok_or(CErr {
                            lo: c.pos,
                            hi,
                            msg: "expected a sequence symbol".into(),
                        })?;
                        if k == n {
                            return Ok(Flow::Goto(seq, slo, shi));
                        }
                        k += 1;
                        if !c.eat(b',') {
                            return Ok(Flow::Next);
                        }
                    }
                }
                let (seq, slo, shi) = c.seq().ok_or(CErr {
                    lo,
                    hi,
                    msg: "AGO needs a sequence symbol (.NAME)".into(),
                })?;
                if c.pos != hi {
                    return cerr(c.pos, hi, "unexpected text after the sequence symbol");
                }
                Ok(Flow::Goto(seq, slo, shi))
            }
            Op::Mnote => {
                let parts = split_commas(&b[lo..hi]);
                let (sev, (mlo, mhi)) = match parts.as_slice() {
                    [m] => (0, *m),
                    [s, m] => {
                        let (slo, shi) = (lo + s.0, lo + s.1);
                        let sev = if slo == shi {
                            1
                        } else if &b[slo..shi] == b"*" {
                            0
                        } else {
                            let mut c = Cur::new(&b[..shi], slo);
                            let v = self.arith(scope, text, &mut c)?;
                            if !(0..=255).contains(&v) {
                                return cerr(slo, shi, "MNOTE severity must be 0 to 255");
                            }
                            v
                        };
                        (sev, *m)
                    }
                    _ => return cerr(lo, hi, "MNOTE takes [severity,]'message'"),
                };
                let (mlo, mhi) = (lo + mlo, lo + mhi);
                let mut c = Cur::new(&b[..mhi], mlo);
                let msg = match c.peek() {
                    Some(b'\'') => self.expr(scope, text, &mut c)?.text(),
                    _ => return cerr(mlo, mhi, "the MNOTE message must be quoted"),
                };
                let sev_kind = match sev {
                    s if s >= 8 => Severity::Error,
                    0 => Severity::Note,
                    _ => Severity::Warning,
                };
                let msg = msg.replace("&&", "&").replace("''", "'");
                self.err_at(here, mlo, mhi, sev_kind, format!("MNOTE {sev}: {msg}"));
                Ok(Flow::Next)
            }
            Op::Plain | Op::Silent | Op::Macro => Ok(Flow::Next),
        }
    }

    fn set(
        &mut self,
        scope: &mut Scope,
        name: &str,
        ty: Ty,
        idx: Option<i64>,
        v: Value,
    ) -> Result<(), String> {
        if scope.params.contains_key(name) || is_system(name) {
            return Err(format!(
                "'&{name}' is a parameter or system variable: it cannot be set"
            ));
        }
        let slot = scope.vars.entry(name.to_string()).or_insert_with(|| {
            Slot::Local(SetVar {
                ty,
                dim: idx.is_some(),
                vals: if idx.is_some() {
                    Vec::new()
                } else {
                    vec![ty.zero()]
                },
            })
        });
        let var = match slot {
            Slot::Local(v) => v,
            Slot::Global => match self.globals.get_mut(name) {
                Some(v) => v,
                None => return Err(format!("global '&{name}' vanished")),
            },
        };
        if var.ty != ty {
            return Err(format!(
                "'&{name}' is a {} variable, not {}",
                var.ty.name(),
                ty.name()
            ));
        }
        match idx {
            None if var.dim => Err(format!("'&{name}' is subscripted: give a subscript")),
            None => {
                var.vals[0] = v;
                Ok(())
            }
            Some(_) if !var.dim => Err(format!("'&{name}' is not subscripted")),
            Some(i) if !(1..=MAX_SUBSCRIPT).contains(&i) => {
                Err(format!("subscript {i} out of range (1 to {MAX_SUBSCRIPT})"))
            }
            Some(i) => {
                let i = i as usize;
                if var.vals.len() < i {
                    var.vals.resize(i, ty.zero());
                }
                var.vals[i - 1] = v;
                Ok(())
            }
        }
    }

    /// Substitute variable symbols in `text[lo..hi]`.
    fn subst(&self, scope: &Scope, text: &str, lo: usize, hi: usize) -> Result<String, CErr> {
        let b = text.as_bytes();
        let mut out = String::with_capacity(hi - lo + 16);
        let mut i = lo;
        let mut run = lo;
        while i < hi {
            if b[i] != b'&' {
                i += 1;
                continue;
            }
            out.push_str(&text[run..i]);
            if b.get(i + 1) == Some(&b'&') {
                out.push_str("&&");
                i += 2;
                run = i;
                continue;
            }
            if !b.get(i + 1).is_some_and(|&c| is_sym_start(c)) {
                out.push('&');
                i += 1;
                run = i;
                continue;
            }
            let mut c = Cur::new(&b[..hi], i);
            let v = self.var_ref(scope, text, &mut c)?;
            out.push_str(&v.text());
            c.eat(b'.');
            i = c.pos;
            run = i;
            if out.len() > 64 * 1024 {
                return cerr(lo, hi, "substituted statement too long");
            }
        }
        out.push_str(&text[run..hi]);
        Ok(out)
    }

    /// `&NAME` or `&NAME(sub[,sub])` at the cursor: its value.
    fn var_ref(&self, scope: &Scope, text: &str, c: &mut Cur<'_>) -> Result<Value, CErr> {
        let lo = c.pos;
        c.eat(b'&');
        let Some(name) = c.name() else {
            return cerr(lo, c.pos + 1, "invalid variable symbol");
        };
        let subs = self.subscripts(scope, text, c)?;
        self.lookup(scope, &name, &subs).map_err(|m| CErr {
            lo,
            hi: c.pos,
            msg: m,
        })
    }

    fn subscripts(&self, scope: &Scope, text: &str, c: &mut Cur<'_>) -> Result<Vec<i32>, CErr> {
        let mut subs = Vec::new();
        if c.peek() == Some(b'(') {
            c.pos += 1;
            loop {
                subs.push(self.arith(scope, text, c)?);
                if c.eat(b')') {
                    break;
                }
                if !c.eat(b',') || subs.len() >= 2 {
                    return cerr(c.pos, c.pos + 1, "expected ')' after the subscript");
                }
            }
        }
        Ok(subs)
    }

    fn lookup(&self, scope: &Scope, name: &str, subs: &[i32]) -> Result<Value, String> {
        if let Some(p) = scope.params.get(name) {
            return Ok(Value::Str(sub_elem(p, subs)));
        }
        match name {
            "SYSNDX" if scope.in_macro => return Ok(Value::Str(format!("{:04}", scope.sysndx))),
            "SYSECT" if scope.in_macro => return Ok(Value::Str(scope.sysect.clone())),
            "SYSLIST" if scope.in_macro => {
                let Some(&n) = subs.first() else {
                    return Err("&SYSLIST needs a subscript".into());
                };
                let v = usize::try_from(n)
                    .ok()
                    .and_then(|n| scope.syslist.get(n))
                    .cloned()
                    .unwrap_or_default();
                return Ok(Value::Str(sub_elem(&v, &subs[1..])));
            }
            _ => {}
        }
        let var = match scope.vars.get(name) {
            Some(Slot::Local(v)) => v,
            Some(Slot::Global) => match self.globals.get(name) {
                Some(v) => v,
                None => return Err(format!("undefined variable symbol '&{name}'")),
            },
            None => return Err(format!("undefined variable symbol '&{name}'")),
        };
        match (var.dim, subs) {
            (false, []) => Ok(var.vals[0].clone()),
            (true, [i]) if (1..=MAX_SUBSCRIPT as i32).contains(i) => Ok(var
                .vals
                .get(*i as usize - 1)
                .cloned()
                .unwrap_or(var.ty.zero())),
            (true, [i]) => Err(format!("subscript {i} out of range")),
            (true, _) => Err(format!("'&{name}' needs one subscript")),
            (false, _) => Err(format!("'&{name}' is not subscripted")),
        }
    }

    /// The count attribute N' of a variable reference.
    fn count(&self, scope: &Scope, name: &str, subs: &[i32]) -> Result<i32, String> {
        if name == "SYSLIST" && scope.in_macro && subs.is_empty() {
            return Ok(scope.syslist.len() as i32 - 1);
        }
        if !scope.params.contains_key(name) && name != "SYSLIST" {
            let var = match scope.vars.get(name) {
                Some(Slot::Local(v)) => Some(v),
                Some(Slot::Global) => self.globals.get(name),
                None => None,
            };
            if let Some(v) = var {
                return Ok(if v.dim { v.vals.len() as i32 } else { 1 });
            }
        }
        let v = self.lookup(scope, name, subs)?.text();
        Ok(match sublist(&v) {
            Some(l) => l.len() as i32,
            None if v.is_empty() => 0,
            None => 1,
        })
    }

    /// An arithmetic expression (SETA value, subscript).
    fn arith(&self, scope: &Scope, text: &str, c: &mut Cur<'_>) -> Result<i32, CErr> {
        let lo = c.pos;
        let v = self.add(scope, text, c)?;
        to_int(&v).map_err(|m| CErr {
            lo,
            hi: c.pos,
            msg: m,
        })
    }

    /// A full conditional expression.
    fn expr(&self, scope: &Scope, text: &str, c: &mut Cur<'_>) -> Result<Value, CErr> {
        if c.depth > 50 {
            return cerr(c.pos, c.pos + 1, "expression nested too deeply");
        }
        c.depth += 1;
        let r = self.or(scope, text, c);
        c.depth -= 1;
        r
    }

    fn or(&self, scope: &Scope, text: &str, c: &mut Cur<'_>) -> Result<Value, CErr> {
        let lo = c.pos;
        let mut l = self.and(scope, text, c)?;
        loop {
            let op = if c.word("OR") {
                0
            } else if c.word("XOR") {
                1
            } else {
                return Ok(l);
            };
            let r = self.and(scope, text, c)?;
            l = logic(&l, &r, op).map_err(|m| CErr {
                lo,
                hi: c.pos,
                msg: m,
            })?;
        }
    }

    fn and(&self, scope: &Scope, text: &str, c: &mut Cur<'_>) -> Result<Value, CErr> {
        let lo = c.pos;
        let mut l = self.not(scope, text, c)?;
        while c.word("AND") {
            let r = self.not(scope, text, c)?;
            l = logic(&l, &r, 2).map_err(|m| CErr {
                lo,
                hi: c.pos,
                msg: m,
            })?;
        }
        Ok(l)
    }

    fn not(&self, scope: &Scope, text: &str, c: &mut Cur<'_>) -> Result<Value, CErr> {
        let lo = c.pos;
        if c.word("NOT") {
            let v = self.not(scope, text, c)?;
            return match v {
                Value::Bool(b) => Ok(Value::Bool(!b)),
                Value::Int(i) => Ok(Value::Int(!i)),
                Value::Str(_) => cerr(lo, c.pos, "NOT of a character value"),
            };
        }
        self.cmp(scope, text, c)
    }

    fn cmp(&self, scope: &Scope, text: &str, c: &mut Cur<'_>) -> Result<Value, CErr> {
        let lo = c.pos;
        let l = self.add(scope, text, c)?;
        for (w, k) in [
            ("EQ", 0),
            ("NE", 1),
            ("LT", 2),
            ("GT", 3),
            ("LE", 4),
            ("GE", 5),
        ] {
            if c.word(w) {
                let r = self.add(scope, text, c)?;
                let ord = match (&l, &r) {
                    (Value::Str(a), Value::Str(b)) => {
                        let (a, b) = (crate::ebcdic::encode(a), crate::ebcdic::encode(b));
                        a.len().cmp(&b.len()).then(a.cmp(&b))
                    }
                    _ => {
                        let a = to_int(&l).map_err(|m| CErr {
                            lo,
                            hi: c.pos,
                            msg: m,
                        })?;
                        let b = to_int(&r).map_err(|m| CErr {
                            lo,
                            hi: c.pos,
                            msg: m,
                        })?;
                        a.cmp(&b)
                    }
                };
                use std::cmp::Ordering::*;
                let t = match k {
                    0 => ord == Equal,
                    1 => ord != Equal,
                    2 => ord == Less,
                    3 => ord == Greater,
                    4 => ord != Greater,
                    _ => ord != Less,
                };
                return Ok(Value::Bool(t));
            }
        }
        Ok(l)
    }

    fn add(&self, scope: &Scope, text: &str, c: &mut Cur<'_>) -> Result<Value, CErr> {
        let lo = c.pos;
        let mut l = self.mul(scope, text, c)?;
        while let Some(op @ (b'+' | b'-')) = c.peek() {
            c.pos += 1;
            let r = self.mul(scope, text, c)?;
            let (a, b) = ints(&l, &r).map_err(|m| CErr {
                lo,
                hi: c.pos,
                msg: m,
            })?;
            l = Value::Int(if op == b'+' {
                a.wrapping_add(b)
            } else {
                a.wrapping_sub(b)
            });
        }
        Ok(l)
    }

    fn mul(&self, scope: &Scope, text: &str, c: &mut Cur<'_>) -> Result<Value, CErr> {
        let lo = c.pos;
        let mut l = self.unary(scope, text, c)?;
        while let Some(op @ (b'*' | b'/')) = c.peek() {
            c.pos += 1;
            let r = self.unary(scope, text, c)?;
            let (a, b) = ints(&l, &r).map_err(|m| CErr {
                lo,
                hi: c.pos,
                msg: m,
            })?;
            l = Value::Int(if op == b'*' {
                a.wrapping_mul(b)
            } else if b == 0 {
                0
            } else {
                a.wrapping_div(b)
            });
        }
        Ok(l)
    }

    fn unary(&self, scope: &Scope, text: &str, c: &mut Cur<'_>) -> Result<Value, CErr> {
        let lo = c.pos;
        if c.eat(b'-') {
            let v = self.unary(scope, text, c)?;
            let v = to_int(&v).map_err(|m| CErr {
                lo,
                hi: c.pos,
                msg: m,
            })?;
            return Ok(Value::Int(v.wrapping_neg()));
        }
        if c.eat(b'+') {
            return self.unary(scope, text, c);
        }
        let mut v = self.primary(scope, text, c)?;
        // Concatenation of character values: 'A'.'B'.
        while matches!(v, Value::Str(_)) && c.peek() == Some(b'.') && c.peek2() == Some(b'\'') {
            c.pos += 1;
            let r = self.primary(scope, text, c)?;
            if let (Value::Str(a), Value::Str(b)) = (&mut v, r) {
                a.push_str(&b);
                if a.len() > MAX_STRING {
                    return cerr(lo, c.pos, "character value too long");
                }
            }
        }
        Ok(v)
    }

    fn primary(&self, scope: &Scope, text: &str, c: &mut Cur<'_>) -> Result<Value, CErr> {
        let lo = c.pos;
        let b = c.s;
        match c.peek() {
            Some(b'(') => {
                c.pos += 1;
                let v = self.expr(scope, text, c)?;
                if !c.eat(b')') {
                    return cerr(c.pos, c.pos + 1, "expected ')'");
                }
                if c.peek() == Some(b'\'') {
                    // Duplication: (n)'text'.
                    let n = to_int(&v).map_err(|m| CErr {
                        lo,
                        hi: c.pos,
                        msg: m,
                    })?;
                    let s = self.string(scope, text, c)?;
                    if n < 0 || s.len().saturating_mul(n as usize) > MAX_STRING {
                        return cerr(lo, c.pos, "bad duplication factor");
                    }
                    return Ok(Value::Str(s.repeat(n as usize)));
                }
                Ok(v)
            }
            Some(b'\'') => Ok(Value::Str(self.string(scope, text, c)?)),
            Some(b'&') => self.var_ref(scope, text, c),
            Some(d) if d.is_ascii_digit() => {
                let s = c.pos;
                while c.peek().is_some_and(|d| d.is_ascii_digit()) {
                    c.pos += 1;
                }
                match text[s..c.pos].parse::<i32>() {
                    Ok(v) => Ok(Value::Int(v)),
                    Err(_) => cerr(s, c.pos, "number too large"),
                }
            }
            Some(l) if is_sym_start(l) && c.peek2() == Some(b'\'') => {
                let up = l.to_ascii_uppercase();
                c.pos += 2;
                match up {
                    b'X' | b'B' | b'C' => {
                        c.pos -= 1;
                        let s = quoted_raw(text, c)?;
                        self_defining(up, &s).map(Value::Int).map_err(|m| CErr {
                            lo,
                            hi: c.pos,
                            msg: m,
                        })
                    }
                    b'K' | b'N' | b'T' | b'L' | b'D' => self.attribute(scope, text, c, up, lo),
                    _ => cerr(lo, c.pos, format!("unknown attribute {}'", up as char)),
                }
            }
            Some(l) if is_sym_start(l) => {
                let s = c.pos;
                while c.peek().is_some_and(is_sym_char) {
                    c.pos += 1;
                }
                let _ = b;
                cerr(
                    s,
                    c.pos,
                    format!(
                        "ordinary symbol '{}' in a conditional expression (use a variable symbol or an attribute)",
                        &text[s..c.pos]
                    ),
                )
            }
            _ => cerr(lo, lo + 1, "expected a term"),
        }
    }

    /// `X'...` after the attribute letter and quote.
    fn attribute(
        &self,
        scope: &Scope,
        text: &str,
        c: &mut Cur<'_>,
        attr: u8,
        lo: usize,
    ) -> Result<Value, CErr> {
        // The operand: a variable reference or an ordinary symbol.
        let (name, value, subs) = if c.peek() == Some(b'&') {
            c.pos += 1;
            let Some(name) = c.name() else {
                return cerr(lo, c.pos, "invalid variable symbol");
            };
            let subs = self.subscripts(scope, text, c)?;
            (Some(name), None, subs)
        } else {
            let s = c.pos;
            while c.peek().is_some_and(is_sym_char) {
                c.pos += 1;
            }
            if s == c.pos {
                return cerr(lo, c.pos + 1, "expected a symbol after the attribute");
            }
            (None, Some(text[s..c.pos].to_ascii_uppercase()), Vec::new())
        };
        let hi = c.pos;
        let e = |m: String| CErr { lo, hi, msg: m };
        match attr {
            b'N' => {
                let Some(name) = name else {
                    return cerr(lo, hi, "N' needs a variable symbol");
                };
                Ok(Value::Int(self.count(scope, &name, &subs).map_err(e)?))
            }
            b'K' => {
                let Some(name) = name else {
                    return cerr(lo, hi, "K' needs a variable symbol");
                };
                let v = self.lookup(scope, &name, &subs).map_err(e)?;
                Ok(Value::Int(v.text().chars().count() as i32))
            }
            _ => {
                // T' L' D': of the symbol the value names (or of the symbol itself).
                let (sym, typed) = match (&name, value) {
                    (Some(n), _) => {
                        let v = self.lookup(scope, n, &subs).map_err(e)?;
                        let typed = match &v {
                            Value::Int(_) | Value::Bool(_) => Some(b'N'),
                            _ => None,
                        };
                        (v.text(), typed)
                    }
                    (None, Some(s)) => (s, None),
                    (None, None) => (String::new(), None),
                };
                let sym_up = sym.to_ascii_uppercase();
                match attr {
                    b'T' => {
                        let t = if let Some(t) = typed {
                            t
                        } else if sym.is_empty() {
                            b'O'
                        } else if is_self_defining(&sym) {
                            b'N'
                        } else if valid_symbol(&sym) {
                            self.symbol_def(&sym_up)
                                .map_or(b'U', |t| symbol_attrs(&t).0)
                        } else {
                            b'U'
                        };
                        Ok(Value::Str((t as char).to_string()))
                    }
                    b'D' => Ok(Value::Bool(
                        valid_symbol(&sym) && self.defs.contains_key(&sym_up),
                    )),
                    _ => {
                        if !valid_symbol(&sym) {
                            return cerr(lo, hi, format!("L' of '{sym}', which is not a symbol"));
                        }
                        match self.symbol_def(&sym_up) {
                            Some(t) => Ok(Value::Int(symbol_attrs(&t).1 as i32)),
                            None => cerr(lo, hi, format!("L' of undefined symbol '{sym_up}'")),
                        }
                    }
                }
            }
        }
    }

    /// The text of the statement defining ordinary symbol `sym`: among the statements
    /// output so far, else ahead in open code.
    fn symbol_def(&self, sym: &str) -> Option<String> {
        if let Some(&i) = self.defs.get(sym) {
            return self.src.lines.get(i).map(|l| l.text.clone());
        }
        self.raw.iter().skip(self.raw_pos).find_map(|l| {
            let t = &l.text;
            let end = t.find([' ', '\t'])?;
            (end > 0 && !t.starts_with(['*', '.', '&']) && t[..end].eq_ignore_ascii_case(sym))
                .then(|| t.clone())
        })
    }

    /// A quoted character value with substitution; then an optional substring `(s,n)`.
    fn string(&self, scope: &Scope, text: &str, c: &mut Cur<'_>) -> Result<String, CErr> {
        let lo = c.pos;
        let b = c.s;
        if !c.eat(b'\'') {
            return cerr(lo, lo + 1, "expected a quoted string");
        }
        let mut out = String::new();
        loop {
            match c.peek() {
                None => return cerr(lo, c.pos, "unterminated string"),
                Some(b'\'') if c.peek2() == Some(b'\'') => {
                    out.push('\'');
                    c.pos += 2;
                }
                Some(b'\'') => {
                    c.pos += 1;
                    break;
                }
                Some(b'&') if c.peek2() == Some(b'&') => {
                    out.push_str("&&");
                    c.pos += 2;
                }
                Some(b'&') if c.peek2().is_some_and(is_sym_start) => {
                    let v = self.var_ref(scope, text, c)?;
                    out.push_str(&v.text());
                    c.eat(b'.');
                }
                Some(_) => {
                    let s = c.pos;
                    c.pos += 1;
                    while c.pos < b.len() && !matches!(b[c.pos], b'\'' | b'&') {
                        c.pos += 1;
                    }
                    out.push_str(text.get(s..c.pos).unwrap_or(""));
                }
            }
            if out.len() > MAX_STRING {
                return cerr(lo, c.pos, "character value too long");
            }
        }
        if c.peek() == Some(b'(') {
            let slo = c.pos;
            c.pos += 1;
            let start = self.arith(scope, text, c)?;
            if !c.eat(b',') {
                return cerr(c.pos, c.pos + 1, "expected ',' in the substring");
            }
            let len = if c.eat(b'*') {
                None
            } else {
                Some(self.arith(scope, text, c)?)
            };
            if !c.eat(b')') {
                return cerr(c.pos, c.pos + 1, "expected ')' after the substring");
            }
            let chars: Vec<char> = out.chars().collect();
            let n = chars.len() as i32;
            let len = len.unwrap_or(n - start + 1);
            if start < 1 || len < 0 || (start > n + 1) {
                return cerr(
                    slo,
                    c.pos,
                    format!("substring ({start},{len}) outside a string of {n}"),
                );
            }
            let s = (start - 1) as usize;
            let e = (s + len as usize).min(chars.len());
            out = chars[s..e].iter().collect();
        }
        Ok(out)
    }
}

fn is_system(name: &str) -> bool {
    matches!(name, "SYSNDX" | "SYSLIST" | "SYSECT")
}

/// Element `subs` of a parameter value (sublists).
fn sub_elem(v: &str, subs: &[i32]) -> String {
    let Some(&i) = subs.first() else {
        return v.to_string();
    };
    let elem = match sublist(v) {
        Some(l) => usize::try_from(i)
            .ok()
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| l.get(i))
            .map(|s| s.to_string())
            .unwrap_or_default(),
        None if i == 1 => v.to_string(),
        None => String::new(),
    };
    sub_elem(&elem, &subs[1..])
}

fn is_self_defining(s: &str) -> bool {
    let b = s.as_bytes();
    if !b.is_empty() && b.iter().all(|c| c.is_ascii_digit()) {
        return true;
    }
    b.len() >= 3
        && matches!(b[0].to_ascii_uppercase(), b'X' | b'B' | b'C')
        && b[1] == b'\''
        && b[b.len() - 1] == b'\''
}

fn self_defining(ty: u8, body: &str) -> Result<i32, String> {
    let v = match ty {
        b'X' if !body.is_empty()
            && body.len() <= 8
            && body.chars().all(|c| c.is_ascii_hexdigit()) =>
        {
            u32::from_str_radix(body, 16).ok()
        }
        b'B' if !body.is_empty()
            && body.len() <= 32
            && body.chars().all(|c| c == '0' || c == '1') =>
        {
            u32::from_str_radix(body, 2).ok()
        }
        b'C' => {
            let b = crate::ebcdic::encode(&body.replace("&&", "&"));
            (!b.is_empty() && b.len() <= 4)
                .then(|| b.iter().fold(0u32, |a, &x| (a << 8) | x as u32))
        }
        _ => None,
    };
    v.map(|v| v as i32)
        .ok_or_else(|| format!("invalid self-defining term {}'{body}'", ty as char))
}

/// The body of a quoted string at the cursor (quotes undoubled, no substitution).
fn quoted_raw(text: &str, c: &mut Cur<'_>) -> Result<String, CErr> {
    let lo = c.pos;
    c.pos += 1;
    let mut out = String::new();
    loop {
        match c.peek() {
            None => return cerr(lo, c.pos, "unterminated string"),
            Some(b'\'') if c.peek2() == Some(b'\'') => {
                out.push('\'');
                c.pos += 2;
            }
            Some(b'\'') => {
                c.pos += 1;
                return Ok(out);
            }
            Some(_) => {
                let s = c.pos;
                c.pos += 1;
                while c.pos < c.s.len() && c.s[c.pos] != b'\'' {
                    c.pos += 1;
                }
                out.push_str(text.get(s..c.pos).unwrap_or(""));
            }
        }
    }
}

fn to_int(v: &Value) -> Result<i32, String> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i32),
        Value::Str(s) => {
            let t = s.trim();
            if let Ok(v) = t.parse::<i32>() {
                return Ok(v);
            }
            let b = t.as_bytes();
            if is_self_defining(t) && b.len() >= 3 {
                return self_defining(b[0].to_ascii_uppercase(), &t[2..t.len() - 1]);
            }
            Err(format!("'{s}' is not a number"))
        }
    }
}

fn ints(a: &Value, b: &Value) -> Result<(i32, i32), String> {
    Ok((to_int(a)?, to_int(b)?))
}

fn truth(v: &Value) -> Result<bool, String> {
    match v {
        Value::Bool(b) => Ok(*b),
        Value::Int(0) => Ok(false),
        Value::Int(1) => Ok(true),
        _ => Err(format!(
            "the condition is not true or false but '{}'",
            v.text()
        )),
    }
}

/// AND (2), OR (0), XOR (1) of booleans (logical) or numbers (bitwise).
fn logic(a: &Value, b: &Value, op: u8) -> Result<Value, String> {
    match (a, b) {
        (Value::Bool(x), Value::Bool(y)) => Ok(Value::Bool(match op {
            0 => *x || *y,
            1 => x ^ y,
            _ => *x && *y,
        })),
        _ => {
            let (x, y) = ints(a, b)?;
            Ok(Value::Int(match op {
                0 => x | y,
                1 => x ^ y,
                _ => x & y,
            }))
        }
    }
}

fn convert(v: Value, ty: Ty) -> Result<Value, String> {
    match ty {
        Ty::A => to_int(&v).map(Value::Int),
        Ty::B => match v {
            Value::Bool(b) => Ok(Value::Bool(b)),
            other => match to_int(&other)? {
                0 => Ok(Value::Bool(false)),
                1 => Ok(Value::Bool(true)),
                n => Err(format!("SETB value must be 0 or 1, not {n}")),
            },
        },
        Ty::C => Ok(Value::Str(v.text())),
    }
}

/// A cursor over a statement's bytes (up to the end of the field being read).
struct Cur<'s> {
    s: &'s [u8],
    pos: usize,
    depth: u32,
}

impl<'s> Cur<'s> {
    fn new(s: &'s [u8], pos: usize) -> Cur<'s> {
        Cur { s, pos, depth: 0 }
    }
    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }
    fn peek2(&self) -> Option<u8> {
        self.s.get(self.pos + 1).copied()
    }
    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn blanks(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }
    /// A symbol name (upper case).
    fn name(&mut self) -> Option<String> {
        if !self.peek().is_some_and(is_sym_start) {
            return None;
        }
        let s = self.pos;
        while self.peek().is_some_and(is_sym_char) {
            self.pos += 1;
        }
        let n = String::from_utf8_lossy(&self.s[s..self.pos]).to_ascii_uppercase();
        (n.len() <= 63).then_some(n)
    }
    /// A keyword operator between blanks (or before a parenthesis).
    fn word(&mut self, w: &str) -> bool {
        let save = self.pos;
        self.blanks();
        let s = self.pos;
        let n = w.len();
        let ok = self
            .s
            .get(s..s + n)
            .is_some_and(|x| x.eq_ignore_ascii_case(w.as_bytes()))
            && !self.s.get(s + n).is_some_and(|&c| is_sym_char(c));
        if ok {
            self.pos = s + n;
            self.blanks();
            true
        } else {
            self.pos = save;
            false
        }
    }
    /// `.NAME`: the name and its range.
    fn seq(&mut self) -> Option<(String, usize, usize)> {
        let lo = self.pos;
        if !self.eat(b'.') {
            return None;
        }
        match self.name() {
            Some(n) => Some((n, lo, self.pos)),
            None => {
                self.pos = lo;
                None
            }
        }
    }
}

/// A definition error: line (relative to the MACRO statement) and range.
struct DefErr {
    line: usize,
    lo: usize,
    hi: usize,
    msg: String,
}

/// Read the definition starting with the MACRO statement `lines[0]`: the macro, and how
/// many lines it used (up to and including its MEND, or all of them).
fn collect(lines: &[SrcLine]) -> (Result<Macro, DefErr>, usize) {
    // The prototype: the first statement after MACRO that is not a comment.
    let Some(pi) =
        (1..lines.len()).find(|&k| classify(&lines[k].text).is_some_and(|s| s.op != Op::Silent))
    else {
        return (
            Err(DefErr {
                line: 0,
                lo: 0,
                hi: lines[0].text.len(),
                msg: "MACRO without a prototype statement".into(),
            }),
            lines.len(),
        );
    };
    // The body, up to the matching MEND.
    let mut depth = 0;
    let mut end = None;
    for (k, l) in lines.iter().enumerate().skip(pi + 1) {
        match classify(&l.text).map(|s| s.op) {
            Some(Op::Macro) => depth += 1,
            Some(Op::Mend) if depth == 0 => {
                end = Some(k);
                break;
            }
            Some(Op::Mend) => depth -= 1,
            _ => {}
        }
    }
    let Some(end) = end else {
        return (
            Err(DefErr {
                line: 0,
                lo: 0,
                hi: lines[0].text.len(),
                msg: "MACRO without MEND".into(),
            }),
            lines.len(),
        );
    };
    let used = end + 1;
    let proto = &lines[pi].text;
    let perr = |lo: usize, hi: usize, msg: String| {
        (
            Err(DefErr {
                line: pi,
                lo,
                hi,
                msg,
            }),
            used,
        )
    };
    let Some(f) = split_fields(proto) else {
        return perr(0, proto.len(), "bad prototype statement".into());
    };
    let Some((olo, ohi)) = f.op else {
        return perr(
            0,
            proto.len(),
            "the prototype needs the macro's name".into(),
        );
    };
    let name = proto[olo..ohi].to_ascii_uppercase();
    if !valid_symbol(&name) {
        return perr(olo, ohi, format!("invalid macro name '{name}'"));
    }
    let name_param = match f.label {
        None => None,
        Some((lo, hi)) => {
            let l = &proto[lo..hi];
            match l.strip_prefix('&') {
                Some(n) if valid_symbol(n) => Some(n.to_ascii_uppercase()),
                _ => {
                    return perr(
                        lo,
                        hi,
                        format!("the prototype's name field must be a variable symbol, not '{l}'"),
                    );
                }
            }
        }
    };
    let mut positional = Vec::new();
    let mut keywords: Vec<(String, String)> = Vec::new();
    let (lo, hi) = f.operands;
    if lo < hi {
        for (a, b) in split_commas(&proto.as_bytes()[lo..hi]) {
            let p = &proto[lo + a..lo + b];
            let (n, dflt) = match p.find('=') {
                Some(e) => (&p[..e], Some(&p[e + 1..])),
                None => (p, None),
            };
            let Some(n) = n.strip_prefix('&').filter(|n| valid_symbol(n)) else {
                return perr(
                    lo + a,
                    lo + b,
                    format!("bad parameter '{p}': expected &NAME or &NAME=default"),
                );
            };
            let n = n.to_ascii_uppercase();
            if positional.contains(&n)
                || keywords.iter().any(|k| k.0 == n)
                || Some(&n) == name_param.as_ref()
                || is_system(&n)
            {
                return perr(lo + a, lo + b, format!("duplicate parameter '&{n}'"));
            }
            match dflt {
                Some(d) => keywords.push((n, d.to_string())),
                None => positional.push(n),
            }
        }
    }
    let mut body = Vec::with_capacity(end - pi);
    let mut seqs = HashMap::new();
    for (k, l) in lines[pi + 1..=end].iter().enumerate() {
        let st = classify(&l.text);
        let (op, label, operands) = match &st {
            None if l.text.starts_with('*') => (Op::Plain, None, (0, 0)),
            None => (Op::Silent, None, (0, 0)),
            Some(s) => (s.op, s.label, s.operands),
        };
        if let Some((a, b)) = label
            && l.text.as_bytes()[a] == b'.'
        {
            let sname = l.text[a + 1..b].to_ascii_uppercase();
            if !valid_symbol(&sname) {
                return (
                    Err(DefErr {
                        line: pi + 1 + k,
                        lo: a,
                        hi: b,
                        msg: format!("invalid sequence symbol '{}'", &l.text[a..b]),
                    }),
                    used,
                );
            }
            if seqs.insert(sname.clone(), k).is_some() {
                return (
                    Err(DefErr {
                        line: pi + 1 + k,
                        lo: a,
                        hi: b,
                        msg: format!("duplicate sequence symbol '.{sname}'"),
                    }),
                    used,
                );
            }
        }
        body.push(Model {
            line: l.clone(),
            op,
            label,
            operands,
        });
    }
    (
        Ok(Macro {
            name,
            name_param,
            positional,
            keywords,
            body,
            seqs,
        }),
        used,
    )
}
