//! Phase 2: parsing statements into syntax trees.
//!
//! A statement is `label operation operands remarks`: the label starts in column 1, the
//! fields are separated by blanks, and the operand field ends at the first blank outside
//! a quoted string (so `C'A B'` keeps its blank and everything after is a remark).
//! The operation decides how the operands are parsed: machine instructions get a list
//! of [`Operand`]s (`expr` or `expr(sub,sub)`), `DC`/`DS` get [`DcOperand`]s, the other
//! directives get expressions. Symbols and mnemonics are folded to upper case; the text
//! of `C'...'` is not. Small lexical pieces use `nom`; the expression grammar is a
//! precedence climb on top of them. Every syntax error is recorded in the sink and the
//! statement is kept (as [`Kind::Bad`] or an instruction with `bad` set) so that its
//! label and length still count and one typo does not cascade.

use super::diag::{Diags, Span};
use super::source::Sources;
use crate::opcodes::{self, Op};
use nom::IResult;
use nom::bytes::complete::take_while;
use nom::character::complete::{digit1, satisfy};
use nom::combinator::recognize;
use nom::sequence::pair;

/// An expression tree; every node knows its span for diagnostics.
#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Num(i64),
    Sym(String),
    /// `*`, the location counter.
    Star,
    /// `L'symbol`.
    Len(String),
    /// `L'*`.
    LenStar,
    /// A literal: index into [`Program::lits`].
    Lit(usize),
    Neg(Box<Expr>),
    Bin(u8, Box<Expr>, Box<Expr>),
}

/// A machine-instruction (or USING) operand: `expr` or `expr(a)` or `expr(a,b)`, where
/// `a` may be omitted (`expr(,b)`).
#[derive(Clone, Debug)]
pub struct Operand {
    pub expr: Expr,
    /// `None` when no parenthesised part follows; otherwise one or two entries.
    pub sub: Option<Vec<Option<Expr>>>,
    pub span: Span,
}

/// The nominal value(s) of a DC operand, already checked lexically.
#[derive(Clone, Debug)]
pub enum Nominal {
    None,
    /// C: the EBCDIC bytes.
    Chars(Vec<u8>),
    /// X and B: digit strings; F and H: integers; P and Z: (negative, digits);
    /// D and E: numbers; A, Y: expressions; S: address operands.
    Hex(Vec<String>),
    Bin(Vec<String>),
    Int(Vec<i64>),
    Dec(Vec<(bool, String)>),
    /// D and E: the decimal text (validated), converted exactly in pass 2.
    Float(Vec<String>),
    Exprs(Vec<Expr>),
    Addrs(Vec<Operand>),
}

/// One DC/DS operand or literal: `dup type Llength nominal`.
#[derive(Clone, Debug)]
pub struct DcOperand {
    pub dup: Option<Expr>,
    pub ty: u8,
    pub len: Option<Expr>,
    pub nominal: Nominal,
    pub span: Span,
}

impl DcOperand {
    /// Number of values in the nominal part (at least 1).
    pub fn count(&self) -> usize {
        match &self.nominal {
            Nominal::None | Nominal::Chars(_) => 1,
            Nominal::Hex(v) | Nominal::Bin(v) => v.len(),
            Nominal::Int(v) => v.len(),
            Nominal::Dec(v) => v.len(),
            Nominal::Float(v) => v.len(),
            Nominal::Exprs(v) => v.len(),
            Nominal::Addrs(v) => v.len(),
        }
    }

    /// The implied length of value `i` (no explicit length given).
    pub fn implied_len(&self, i: usize) -> u32 {
        match &self.nominal {
            Nominal::Chars(b) => b.len().max(1) as u32,
            Nominal::Hex(v) => v.get(i).map_or(1, |s| s.len().div_ceil(2).max(1)) as u32,
            Nominal::Bin(v) => v.get(i).map_or(1, |s| s.len().div_ceil(8).max(1)) as u32,
            Nominal::Dec(v) if self.ty == b'P' => v.get(i).map_or(1, |s| s.1.len() / 2 + 1) as u32,
            Nominal::Dec(v) => v.get(i).map_or(1, |s| s.1.len().max(1)) as u32,
            _ => default_len(self.ty),
        }
    }
}

/// Length of a DC/DS type when neither nominal value nor explicit length says otherwise.
pub fn default_len(ty: u8) -> u32 {
    match ty {
        b'F' | b'A' | b'E' | b'V' => 4,
        b'H' | b'Y' | b'S' => 2,
        b'D' => 8,
        _ => 1,
    }
}

/// Boundary alignment of a DC/DS type without explicit length.
pub fn align_of(ty: u8) -> u32 {
    match ty {
        b'F' | b'A' | b'E' | b'V' => 4,
        b'H' | b'Y' | b'S' => 2,
        b'D' => 8,
        _ => 1,
    }
}

/// A literal (`=F'1'`) as written, and its constant.
#[derive(Clone, Debug)]
pub struct Lit {
    /// The text after `=`, upper-cased outside quotes: literals with equal text share
    /// one pool slot.
    pub key: String,
    pub dc: DcOperand,
}

/// The assembler directives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Csect,
    Dsect,
    Start,
    End,
    Using,
    Drop,
    Equ,
    Org,
    Dc,
    Ds,
    Ltorg,
    Cnop,
    Copy,
    Ccw,
    /// EXTRN and WXTRN: external symbols.
    Extrn,
    /// ENTRY: symbols other programs may refer to.
    Entry,
    /// Accepted and ignored by the object code: TITLE EJECT SPACE PRINT ...
    Listing,
}

const DIRECTIVES: &[(&str, Dir)] = &[
    ("CSECT", Dir::Csect),
    ("DSECT", Dir::Dsect),
    ("START", Dir::Start),
    ("END", Dir::End),
    ("USING", Dir::Using),
    ("DROP", Dir::Drop),
    ("EQU", Dir::Equ),
    ("ORG", Dir::Org),
    ("DC", Dir::Dc),
    ("DS", Dir::Ds),
    ("LTORG", Dir::Ltorg),
    ("CNOP", Dir::Cnop),
    ("COPY", Dir::Copy),
    ("CCW", Dir::Ccw),
    ("CCW0", Dir::Ccw),
    ("TITLE", Dir::Listing),
    ("EJECT", Dir::Listing),
    ("SPACE", Dir::Listing),
    ("PRINT", Dir::Listing),
    ("ENTRY", Dir::Entry),
    ("EXTRN", Dir::Extrn),
    ("WXTRN", Dir::Extrn),
    ("PUSH", Dir::Listing),
    ("POP", Dir::Listing),
    ("AMODE", Dir::Listing),
    ("RMODE", Dir::Listing),
];

/// The extended branch mnemonics: aliases of BC (RX) and BCR (RR) with the mask built
/// in. They are not opcodes, so they live here rather than in the opcode table.
pub const EXTENDED_BRANCHES: &[(&str, u8)] = &[
    ("B", 15),
    ("NOP", 0),
    ("BH", 2),
    ("BL", 4),
    ("BE", 8),
    ("BNH", 13),
    ("BNL", 11),
    ("BNE", 7),
    ("BO", 1),
    ("BP", 2),
    ("BM", 4),
    ("BZ", 8),
    ("BNO", 14),
    ("BNP", 13),
    ("BNM", 11),
    ("BNZ", 7),
];

/// Look up an extended branch mnemonic: (is the RR form, mask).
pub fn extended_branch(m: &str) -> Option<(bool, u8)> {
    if let Some(&(_, mask)) = EXTENDED_BRANCHES.iter().find(|(n, _)| *n == m) {
        return Some((false, mask));
    }
    let base = m.strip_suffix('R')?;
    EXTENDED_BRANCHES
        .iter()
        .find(|(n, _)| *n == base)
        .map(|&(_, mask)| (true, mask))
}

/// What a statement does.
#[derive(Clone, Debug)]
pub enum Kind {
    /// Comment or blank line.
    Empty,
    /// A statement that failed to parse (already reported).
    Bad,
    Instr {
        code: u16,
        op: &'static Op,
        /// The branch mask of an extended mnemonic.
        mask: Option<u8>,
        operands: Vec<Operand>,
        /// Operands failed to parse: reserve the space, emit zeros, say nothing more.
        bad: bool,
    },
    Dir(Dir, Args),
}

/// Parsed directive operands.
#[derive(Clone, Debug)]
pub enum Args {
    None,
    Exprs(Vec<Option<Expr>>),
    Dc(Vec<DcOperand>),
}

/// One statement.
#[derive(Clone, Debug)]
pub struct Stmt {
    pub label: Option<(String, Span)>,
    pub op: Option<(String, Span)>,
    pub kind: Kind,
    /// Span of the whole operand field (or the operation when there is none).
    pub operand_span: Span,
    /// Literals written in this statement (indices into [`Program::lits`]).
    pub lits: Vec<usize>,
}

/// The parsed program.
pub struct Program {
    pub stmts: Vec<Stmt>,
    pub lits: Vec<Lit>,
}

/// Byte ranges of the fields of a statement.
pub struct Fields {
    pub label: Option<(usize, usize)>,
    pub op: Option<(usize, usize)>,
    pub operands: (usize, usize),
}

fn blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

fn is_sym_start(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, '$' | '#' | '@' | '_')
}

fn is_sym_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '$' | '#' | '@' | '_')
}

/// Cut a statement into its fields; `None` for a comment or blank line.
pub fn split_fields(text: &str) -> Option<Fields> {
    let b = text.as_bytes();
    if b.iter().all(|&c| blank(c)) || b[0] == b'*' || text.starts_with(".*") {
        return None;
    }
    let mut i = 0;
    let label = if !blank(b[0]) {
        while i < b.len() && !blank(b[i]) {
            i += 1;
        }
        Some((0, i))
    } else {
        None
    };
    while i < b.len() && blank(b[i]) {
        i += 1;
    }
    let ostart = i;
    while i < b.len() && !blank(b[i]) {
        i += 1;
    }
    let op = (i > ostart).then_some((ostart, i));
    while i < b.len() && blank(b[i]) {
        i += 1;
    }
    let lo = i;
    let mut in_str = false;
    while i < b.len() {
        let c = b[i];
        if in_str {
            if c == b'\'' {
                if b.get(i + 1) == Some(&b'\'') {
                    i += 1;
                } else {
                    in_str = false;
                }
            }
        } else if blank(c) {
            break;
        } else if c == b'\'' && !is_attribute_quote(b, i) {
            in_str = true;
        }
        i += 1;
    }
    Some(Fields {
        label,
        op,
        operands: (lo, i),
    })
}

/// Is the quote at `i` the one of an attribute reference (not a string)? `L'symbol`,
/// `L'*`, `L'=literal`, and in macro operands `L'&P`, `K'&P`, `N'&P`, `T'&P`.
fn is_attribute_quote(b: &[u8], i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let before_ok = i < 2 || !is_sym_char(b[i - 2] as char) && b[i - 2] != b'&';
    let after = b.get(i + 1).copied().unwrap_or(b' ');
    let ok = match b[i - 1].to_ascii_uppercase() {
        b'L' => is_sym_start(after as char) || matches!(after, b'*' | b'&' | b'='),
        b'K' | b'N' | b'T' => after == b'&',
        _ => false,
    };
    before_ok && ok
}

/// Is this (upper-case) operation an instruction, an extended mnemonic or a directive?
pub fn is_known_op(op: &str) -> bool {
    opcodes::by_mnemonic(op).is_some()
        || extended_branch(op).is_some()
        || DIRECTIVES.iter().any(|(n, _)| *n == op)
}

/// The type and length attributes (T', L') of the symbol a statement defines, judged
/// from the statement alone (for conditional assembly, which runs before layout).
pub fn attributes(text: &str) -> (u8, u32) {
    let mut lits = Vec::new();
    let mut diags = Diags::default();
    let st = parse_stmt(0, text, &mut lits, &mut diags);
    let num = |e: &Option<Expr>| match e {
        Some(Expr {
            kind: ExprKind::Num(v),
            ..
        }) => Some(*v as u32),
        _ => None,
    };
    match &st.kind {
        Kind::Instr { op, .. } => (b'I', op.format.len()),
        Kind::Dir(Dir::Dc | Dir::Ds, Args::Dc(ops)) => match ops.first() {
            Some(o) => {
                let len = num(&o.len).unwrap_or_else(|| o.implied_len(0));
                (o.ty, len)
            }
            None => (b'U', 1),
        },
        Kind::Dir(Dir::Equ, Args::Exprs(v)) => (b'U', v.get(1).and_then(num).unwrap_or(1)),
        Kind::Dir(Dir::Csect | Dir::Start | Dir::Dsect, _) => (b'J', 1),
        Kind::Dir(Dir::Ccw, _) => (b'W', 8),
        _ => (b'U', 1),
    }
}

/// Parse every statement.
pub fn parse(src: &Sources, diags: &mut Diags) -> Program {
    let mut prog = Program {
        stmts: Vec::with_capacity(src.lines.len()),
        lits: Vec::new(),
    };
    let mut ended = false;
    for (i, line) in src.lines.iter().enumerate() {
        if ended {
            // Everything after END is ignored, as HLASM does.
            prog.stmts.push(Stmt {
                label: None,
                op: None,
                kind: Kind::Empty,
                operand_span: Span::new(i, 0, 0),
                lits: Vec::new(),
            });
            continue;
        }
        if line.inert {
            prog.stmts.push(Stmt {
                label: None,
                op: None,
                kind: Kind::Empty,
                operand_span: Span::new(i, 0, 0),
                lits: Vec::new(),
            });
            continue;
        }
        let st = parse_stmt(i, &line.text, &mut prog.lits, diags);
        ended = matches!(st.kind, Kind::Dir(Dir::End, _));
        prog.stmts.push(st);
    }
    prog
}

fn parse_stmt(idx: usize, text: &str, lits: &mut Vec<Lit>, diags: &mut Diags) -> Stmt {
    let mut st = Stmt {
        label: None,
        op: None,
        kind: Kind::Empty,
        operand_span: Span::new(idx, 0, 0),
        lits: Vec::new(),
    };
    let Some(f) = split_fields(text) else {
        return st;
    };
    if let Some((lo, hi)) = f.label {
        let name = &text[lo..hi];
        let span = Span::new(idx, lo, hi);
        if valid_symbol(name) {
            st.label = Some((name.to_ascii_uppercase(), span));
        } else {
            diags.error(span, format!("invalid symbol '{name}'"));
        }
    }
    let Some((olo, ohi)) = f.op else {
        diags.error(Span::new(idx, 0, text.len()), "missing operation");
        st.kind = Kind::Bad;
        return st;
    };
    let opname = text[olo..ohi].to_ascii_uppercase();
    let opspan = Span::new(idx, olo, ohi);
    st.op = Some((opname.clone(), opspan));
    let (lo, hi) = f.operands;
    st.operand_span = if lo == hi {
        opspan
    } else {
        Span::new(idx, lo, hi)
    };
    let mut p = P {
        s: &text[..hi],
        pos: lo,
        stmt: idx,
        lits,
        used: Vec::new(),
    };

    // Machine instruction, extended mnemonic, or directive?
    let instr = match extended_branch(&opname) {
        Some((rr, mask)) => {
            let m = if rr { "BCR" } else { "BC" };
            opcodes::by_mnemonic(m).map(|(c, op)| (c, op, Some(mask)))
        }
        None => opcodes::by_mnemonic(&opname).map(|(c, op)| (c, op, None)),
    };
    if let Some((code, op, mask)) = instr {
        let (operands, bad) = if op.format == crate::opcodes::Format::S0 {
            (Vec::new(), false)
        } else {
            match p.operands() {
                Ok(v) => (v, false),
                Err((span, msg)) => {
                    diags.error(span, msg);
                    (Vec::new(), true)
                }
            }
        };
        st.kind = Kind::Instr {
            code,
            op,
            mask,
            operands,
            bad,
        };
        st.lits = p.used;
        return st;
    }
    let Some(&(_, dir)) = DIRECTIVES.iter().find(|(n, _)| *n == opname) else {
        diags.error(opspan, format!("unknown operation '{opname}'"));
        st.kind = Kind::Bad;
        return st;
    };
    let args = match dir {
        Dir::Dc | Dir::Ds => p.dc_operands(dir == Dir::Dc).map(Args::Dc),
        Dir::Csect | Dir::Dsect | Dir::Ltorg | Dir::Copy | Dir::Listing => Ok(Args::None),
        Dir::Using => p.operands().map(|v| {
            Args::Exprs(
                v.into_iter()
                    .map(|o| if o.sub.is_some() { None } else { Some(o.expr) })
                    .collect(),
            )
        }),
        _ => p.expr_list().map(Args::Exprs),
    };
    match args {
        Ok(a) => st.kind = Kind::Dir(dir, a),
        Err((span, msg)) => {
            diags.error(span, msg);
            st.kind = Kind::Bad;
        }
    }
    st.lits = p.used;
    st
}

/// A valid symbol: 1 to 63 characters, a letter (or $ # @ _) first.
pub fn valid_symbol(s: &str) -> bool {
    let mut ch = s.chars();
    s.len() <= 63 && ch.next().is_some_and(is_sym_start) && ch.all(is_sym_char)
}

type PErr = (Span, String);
type PRes<T> = Result<T, PErr>;

fn nom_symbol(i: &str) -> IResult<&str, &str> {
    recognize(pair(satisfy(is_sym_start), take_while(is_sym_char)))(i)
}

fn nom_digits(i: &str) -> IResult<&str, &str> {
    digit1(i)
}

/// The operand parser: a cursor on one statement's text.
struct P<'a> {
    s: &'a str,
    pos: usize,
    stmt: usize,
    lits: &'a mut Vec<Lit>,
    used: Vec<usize>,
}

impl P<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.pos).copied()
    }
    fn peek2(&self) -> Option<u8> {
        self.s.as_bytes().get(self.pos + 1).copied()
    }
    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn at_end(&self) -> bool {
        self.pos >= self.s.len()
    }
    fn span(&self, lo: usize) -> Span {
        Span::new(self.stmt, lo, self.pos)
    }
    fn err<T>(&self, msg: impl Into<String>) -> PRes<T> {
        let hi = self.s[self.pos..]
            .char_indices()
            .nth(1)
            .map_or(self.s.len(), |(i, _)| self.pos + i);
        Err((Span::new(self.stmt, self.pos, hi), msg.into()))
    }
    fn unexpected<T>(&self, what: &str) -> PRes<T> {
        match self.s[self.pos..].chars().next() {
            None => self.err(format!("expected {what}, found end of operands")),
            Some(c) => self.err(format!("expected {what}, found '{c}'")),
        }
    }
    fn expect(&mut self, c: u8) -> PRes<()> {
        if self.eat(c) {
            Ok(())
        } else {
            self.unexpected(&format!("'{}'", c as char))
        }
    }

    fn symbol(&mut self) -> Option<String> {
        let (rest, s) = nom_symbol(&self.s[self.pos..]).ok()?;
        let s = s.to_ascii_uppercase();
        self.pos = self.s.len() - rest.len();
        Some(s)
    }

    fn decimal(&mut self) -> PRes<Option<i64>> {
        let lo = self.pos;
        let Ok((rest, d)) = nom_digits(&self.s[self.pos..]) else {
            return Ok(None);
        };
        self.pos = self.s.len() - rest.len();
        match d.parse::<i64>() {
            Ok(v) if v <= u32::MAX as i64 => Ok(Some(v)),
            _ => Err((self.span(lo), format!("number {d} is too large"))),
        }
    }

    /// A quoted string after the opening quote: doubled quotes mean one. Returns the
    /// raw content (quotes undoubled) and leaves the cursor after the closing quote.
    fn quoted(&mut self, open: usize) -> PRes<String> {
        let mut out = String::new();
        let rest = &self.s[self.pos..];
        let mut it = rest.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if c == '\'' {
                if let Some(&(_, '\'')) = it.peek() {
                    it.next();
                    out.push('\'');
                    continue;
                }
                self.pos += i + 1;
                return Ok(out);
            }
            out.push(c);
        }
        Err((
            Span::new(self.stmt, open, self.s.len()),
            "unterminated string".to_string(),
        ))
    }

    /// Comma-separated operands up to the end of the operand field.
    fn operands(&mut self) -> PRes<Vec<Operand>> {
        let mut v = Vec::new();
        if self.at_end() {
            return Ok(v);
        }
        loop {
            v.push(self.operand()?);
            if self.at_end() {
                return Ok(v);
            }
            if !self.eat(b',') {
                return self.unexpected("',' or end of operands");
            }
        }
    }

    fn operand(&mut self) -> PRes<Operand> {
        let lo = self.pos;
        let expr = self.expr()?;
        let sub = if self.eat(b'(') {
            let mut parts = Vec::new();
            loop {
                if matches!(self.peek(), Some(b',') | Some(b')')) {
                    parts.push(None);
                } else {
                    parts.push(Some(self.expr()?));
                }
                if self.eat(b')') {
                    break;
                }
                if !self.eat(b',') {
                    return self.unexpected("',' or ')'");
                }
                if parts.len() >= 2 {
                    return self.err("at most two sub-operands in parentheses");
                }
            }
            Some(parts)
        } else {
            None
        };
        Ok(Operand {
            expr,
            sub,
            span: self.span(lo),
        })
    }

    /// Comma-separated expressions, any of which may be omitted.
    fn expr_list(&mut self) -> PRes<Vec<Option<Expr>>> {
        let mut v = Vec::new();
        if self.at_end() {
            return Ok(v);
        }
        loop {
            if matches!(self.peek(), Some(b',') | None) {
                v.push(None);
            } else {
                v.push(Some(self.expr()?));
            }
            if self.at_end() {
                return Ok(v);
            }
            if !self.eat(b',') {
                return self.unexpected("',' or end of operands");
            }
        }
    }

    pub fn expr(&mut self) -> PRes<Expr> {
        self.depth_guard()?;
        let lo = self.pos;
        let mut l = self.term_mul()?;
        while let Some(c @ (b'+' | b'-')) = self.peek() {
            self.pos += 1;
            let r = self.term_mul()?;
            l = Expr {
                kind: ExprKind::Bin(c, Box::new(l), Box::new(r)),
                span: self.span(lo),
            };
        }
        Ok(l)
    }

    fn depth_guard(&self) -> PRes<()> {
        // Nesting is bounded by the line length; refuse absurd nesting rather than risk
        // the stack on hostile input.
        if self.s[..self.pos].bytes().filter(|&c| c == b'(').count() > 64 {
            return self.err("expression nested too deeply");
        }
        Ok(())
    }

    fn term_mul(&mut self) -> PRes<Expr> {
        let lo = self.pos;
        let mut l = self.unary()?;
        while let Some(c @ (b'*' | b'/')) = self.peek() {
            self.pos += 1;
            let r = self.unary()?;
            l = Expr {
                kind: ExprKind::Bin(c, Box::new(l), Box::new(r)),
                span: self.span(lo),
            };
        }
        Ok(l)
    }

    fn unary(&mut self) -> PRes<Expr> {
        let lo = self.pos;
        if self.eat(b'-') {
            let e = self.unary()?;
            return Ok(Expr {
                kind: ExprKind::Neg(Box::new(e)),
                span: self.span(lo),
            });
        }
        if self.eat(b'+') {
            return self.unary();
        }
        self.term()
    }

    fn term(&mut self) -> PRes<Expr> {
        let lo = self.pos;
        let kind = match self.peek() {
            Some(b'(') => {
                self.pos += 1;
                let e = self.expr()?;
                self.expect(b')')?;
                return Ok(Expr {
                    kind: e.kind,
                    span: self.span(lo),
                });
            }
            Some(b'*') => {
                self.pos += 1;
                ExprKind::Star
            }
            Some(b'=') => {
                self.pos += 1;
                let dc = self.dc_operand(true, true)?;
                let key = canonical(&self.s[lo + 1..self.pos]);
                let idx = self.lits.len();
                self.lits.push(Lit { key, dc });
                self.used.push(idx);
                ExprKind::Lit(idx)
            }
            Some(c) if c.is_ascii_digit() => {
                let v = self.decimal()?.unwrap_or(0);
                ExprKind::Num(v)
            }
            Some(c) if is_sym_start(c as char) => {
                let up = c.to_ascii_uppercase();
                if self.peek2() == Some(b'\'') && matches!(up, b'X' | b'C' | b'B') {
                    self.pos += 2;
                    ExprKind::Num(self.self_defining(up, lo)?)
                } else if self.peek2() == Some(b'\'') && up == b'L' {
                    self.pos += 2;
                    if self.eat(b'*') {
                        ExprKind::LenStar
                    } else if self.peek() == Some(b'=') {
                        // L'=literal: the literal's length.
                        let e = self.term()?;
                        match e.kind {
                            ExprKind::Lit(i) => {
                                // Only its length is wanted: it needs no pool slot.
                                self.used.pop();
                                let n = self.lits[i].dc.implied_len(0);
                                let n = match &self.lits[i].dc.len {
                                    Some(Expr {
                                        kind: ExprKind::Num(v),
                                        ..
                                    }) => *v as u32,
                                    _ => n,
                                };
                                ExprKind::Num(n as i64)
                            }
                            _ => return self.err("expected a literal"),
                        }
                    } else {
                        match self.symbol() {
                            Some(s) => ExprKind::Len(s),
                            None => return self.unexpected("a symbol after L'"),
                        }
                    }
                } else {
                    ExprKind::Sym(self.symbol().unwrap_or_default())
                }
            }
            _ => return self.unexpected("an expression"),
        };
        Ok(Expr {
            kind,
            span: self.span(lo),
        })
    }

    /// X'..', C'..', B'..' after the opening quote.
    fn self_defining(&mut self, ty: u8, lo: usize) -> PRes<i64> {
        let body = self.quoted(lo + 1)?;
        let bad = |p: &Self, m: &str| Err((p.span(lo), m.to_string()));
        match ty {
            b'X' => {
                if body.is_empty() || body.len() > 8 || !body.chars().all(|c| c.is_ascii_hexdigit())
                {
                    return bad(self, "invalid hexadecimal term (1 to 8 hex digits)");
                }
                Ok(i64::from_str_radix(&body, 16).unwrap_or(0))
            }
            b'B' => {
                if body.is_empty() || body.len() > 32 || !body.chars().all(|c| c == '0' || c == '1')
                {
                    return bad(self, "invalid binary term (1 to 32 binary digits)");
                }
                Ok(i64::from_str_radix(&body, 2).unwrap_or(0))
            }
            _ => {
                let bytes = char_bytes(&body);
                if bytes.is_empty() || bytes.len() > 4 {
                    return bad(self, "invalid character term (1 to 4 characters)");
                }
                Ok(bytes.iter().fold(0i64, |a, &b| (a << 8) | b as i64))
            }
        }
    }

    /// DC/DS operands.
    fn dc_operands(&mut self, dc: bool) -> PRes<Vec<DcOperand>> {
        let mut v = Vec::new();
        if self.at_end() {
            return self.err("expected a DC/DS operand");
        }
        loop {
            v.push(self.dc_operand(dc, false)?);
            if self.at_end() {
                return Ok(v);
            }
            if !self.eat(b',') {
                return self.unexpected("',' or end of operands");
            }
        }
    }

    /// `dup type [Ln] nominal`. `need_nominal` for DC and literals.
    fn dc_operand(&mut self, need_nominal: bool, literal: bool) -> PRes<DcOperand> {
        let lo = self.pos;
        let dup = if self.peek().is_some_and(|c| c.is_ascii_digit()) {
            let l = self.pos;
            let v = self.decimal()?.unwrap_or(0);
            Some(Expr {
                kind: ExprKind::Num(v),
                span: self.span(l),
            })
        } else if self.peek() == Some(b'(') {
            self.pos += 1;
            let e = self.expr()?;
            self.expect(b')')?;
            Some(e)
        } else {
            None
        };
        let ty = match self.peek().map(|c| c.to_ascii_uppercase()) {
            Some(
                c @ (b'C' | b'X' | b'B' | b'F' | b'H' | b'A' | b'Y' | b'P' | b'Z' | b'D' | b'E'
                | b'S' | b'V'),
            ) => {
                self.pos += 1;
                c
            }
            _ => return self.unexpected("a constant type (C X B F H A Y P Z D E S V)"),
        };
        let len = if self.peek().map(|c| c.to_ascii_uppercase()) == Some(b'L') {
            self.pos += 1;
            let l = self.pos;
            if self.eat(b'(') {
                let e = self.expr()?;
                self.expect(b')')?;
                Some(e)
            } else {
                match self.decimal()? {
                    Some(v) => Some(Expr {
                        kind: ExprKind::Num(v),
                        span: self.span(l),
                    }),
                    None => return self.unexpected("a length after L"),
                }
            }
        } else {
            None
        };
        let nominal = match ty {
            b'A' | b'Y' | b'S' | b'V' if self.peek() == Some(b'(') => {
                self.pos += 1;
                let mut v = Vec::new();
                let mut a = Vec::new();
                loop {
                    if ty == b'S' {
                        a.push(self.operand()?);
                    } else {
                        v.push(self.expr()?);
                    }
                    if self.eat(b')') {
                        break;
                    }
                    if !self.eat(b',') {
                        return self.unexpected("',' or ')'");
                    }
                }
                if ty == b'S' {
                    Nominal::Addrs(a)
                } else {
                    Nominal::Exprs(v)
                }
            }
            b'A' | b'Y' | b'S' | b'V' => Nominal::None,
            _ if self.peek() == Some(b'\'') => {
                self.pos += 1;
                let qlo = self.pos;
                let body = self.quoted(qlo - 1)?;
                self.nominal(ty, &body, Span::new(self.stmt, qlo, self.pos - 1))?
            }
            _ => Nominal::None,
        };
        if need_nominal && matches!(nominal, Nominal::None) {
            let zero_dup = matches!(
                &dup,
                Some(Expr {
                    kind: ExprKind::Num(0),
                    ..
                })
            );
            if literal || !zero_dup {
                return self.unexpected("a nominal value");
            }
        }
        Ok(DcOperand {
            dup,
            ty,
            len,
            nominal,
            span: self.span(lo),
        })
    }

    fn nominal(&self, ty: u8, body: &str, span: Span) -> PRes<Nominal> {
        let bad = |m: String| Err((span, m));
        if ty == b'C' {
            let b = char_bytes(body);
            if b.is_empty() {
                return bad("empty character constant".into());
            }
            return Ok(Nominal::Chars(b));
        }
        let parts: Vec<String> = body
            .split(',')
            .map(|s| s.trim().to_ascii_uppercase())
            .collect();
        match ty {
            b'X' => {
                for p in &parts {
                    if p.is_empty() || !p.chars().all(|c| c.is_ascii_hexdigit()) {
                        return bad(format!("invalid hexadecimal constant '{p}'"));
                    }
                }
                Ok(Nominal::Hex(parts))
            }
            b'B' => {
                for p in &parts {
                    if p.is_empty() || !p.chars().all(|c| c == '0' || c == '1') {
                        return bad(format!("invalid binary constant '{p}'"));
                    }
                }
                Ok(Nominal::Bin(parts))
            }
            b'F' | b'H' => {
                let mut v = Vec::new();
                for p in &parts {
                    match p.strip_prefix('+').unwrap_or(p).parse::<i64>() {
                        Ok(n) if n.unsigned_abs() <= u32::MAX as u64 => v.push(n),
                        _ => return bad(format!("invalid integer constant '{p}'")),
                    }
                }
                Ok(Nominal::Int(v))
            }
            b'P' | b'Z' => {
                let mut v = Vec::new();
                for p in &parts {
                    let (neg, d) = match p.strip_prefix('-') {
                        Some(d) => (true, d),
                        None => (false, p.strip_prefix('+').unwrap_or(p)),
                    };
                    let d: String = d.chars().filter(|&c| c != '.').collect();
                    if d.is_empty() || d.len() > 31 || !d.chars().all(|c| c.is_ascii_digit()) {
                        return bad(format!("invalid decimal constant '{p}'"));
                    }
                    v.push((neg, d));
                }
                Ok(Nominal::Dec(v))
            }
            b'D' | b'E' => {
                let mut v = Vec::new();
                for p in &parts {
                    match p.parse::<f64>() {
                        Ok(n) if n.is_finite() && super::float::parse(p).is_some() => {
                            v.push(p.clone())
                        }
                        _ => return bad(format!("invalid floating-point constant '{p}'")),
                    }
                }
                Ok(Nominal::Float(v))
            }
            _ => bad("this constant type takes its values in parentheses".into()),
        }
    }
}

/// The EBCDIC bytes of the text of a `C'...'`: `&&` means one ampersand (quotes were
/// undoubled by [`P::quoted`]).
pub fn char_bytes(body: &str) -> Vec<u8> {
    crate::ebcdic::encode(&body.replace("&&", "&"))
}

/// A literal's text with everything outside quotes upper-cased, for pooling.
fn canonical(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut q = false;
    for c in s.chars() {
        if c == '\'' {
            q = !q;
        }
        out.push(if q { c } else { c.to_ascii_uppercase() });
    }
    out
}
