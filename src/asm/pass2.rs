//! Phase 4 (pass 2): object code.
//!
//! Every symbol and literal now has its final value, so each statement is encoded at the
//! location pass 1 recorded for it. This pass owns the USING table (it changes as the
//! program reads, statement by statement) and resolves implicit addresses through it:
//! among the USINGs whose range covers the address, the smallest displacement wins,
//! and on a tie the highest register. Absolute addresses below 4096 need no USING
//! (base register 0).

use super::LineMap;
use super::diag::{Diags, Span};
use super::expr::{Val, eval, length_of};
use super::parse::{Args, DcOperand, Dir, Expr, Kind, Nominal, Operand, Program};
use super::pass1::{At, Layout, OpLayout};
use super::source::Sources;
use crate::opcodes::{Format, Op};

pub struct Output {
    pub image: Vec<u8>,
    /// Object bytes of each statement (at most [`OBJ_KEEP`] kept, for the listing).
    pub obj: Vec<Vec<u8>>,
    pub lines: Vec<LineMap>,
    /// The addresses of each statement's storage operands (ADDR1, ADDR2 in the listing).
    pub addrs: Vec<[Option<u32>; 2]>,
    /// Relocatable address constants, for the object deck's RLD records.
    pub rlds: Vec<Rld>,
    /// The END statement's entry point.
    pub entry: Option<Val>,
}

/// One relocatable address constant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rld {
    /// Absolute (assembled) address of the constant.
    pub at: u32,
    /// Its length (1 to 4).
    pub len: u8,
    /// The section whose address it holds (a CSECT, or an external symbol).
    pub target: u16,
    /// The section it lies in.
    pub within: u16,
    /// A V-type constant.
    pub vtype: bool,
}

/// How many object bytes per statement the listing shows.
pub const OBJ_KEEP: usize = 8;

/// What the parenthesised part of an address operand means.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sub {
    /// `D(X,B)`
    Index,
    /// `D(B)`
    Base,
    /// `D(L,B)`
    Len,
}

struct Pass2<'a> {
    prog: &'a Program,
    lay: &'a Layout,
    src: &'a Sources,
    diags: &'a mut Diags,
    using: [Option<Val>; 16],
    out: Output,
    /// The statement being assembled.
    cur: usize,
    star: Option<Val>,
    /// Where the DC operand being generated starts (for RLD positions).
    dc_base: Option<Val>,
    /// The address the last `resolve` found.
    last_addr: Option<u32>,
}

pub fn emit(prog: &Program, lay: &Layout, src: &Sources, diags: &mut Diags) -> Output {
    let size = (lay.end - lay.origin).max(0) as usize;
    let mut p = Pass2 {
        prog,
        lay,
        src,
        diags,
        using: [None; 16],
        out: Output {
            image: vec![0; size],
            obj: vec![Vec::new(); prog.stmts.len()],
            lines: Vec::new(),
            addrs: vec![[None; 2]; prog.stmts.len()],
            rlds: Vec::new(),
            entry: None,
        },
        cur: 0,
        star: None,
        dc_base: None,
        last_addr: None,
    };
    for i in 0..prog.stmts.len() {
        if lay.stmts[i].skipped {
            continue;
        }
        p.cur = i;
        p.star = lay.stmts[i].loc;
        p.stmt(i);
    }
    if let Some((at, pool)) = &lay.implicit_pool {
        let last = prog.stmts.len().saturating_sub(1);
        p.cur = last;
        p.star = Some(*at);
        p.pool(last, pool);
    }
    p.out.lines.sort_by_key(|l| l.addr);
    p.out
}

impl Pass2<'_> {
    fn env(&self) -> At<'_> {
        At {
            lay: self.lay,
            star: self.star,
        }
    }

    fn err(&mut self, span: Span, msg: impl Into<String>) {
        self.diags.error(span, msg);
    }

    fn val(&mut self, e: &Expr) -> Option<Val> {
        match eval(e, &self.env()) {
            Ok(v) => Some(v),
            Err(er) => {
                let (sp, m) = er.into_msg();
                self.err(sp, m);
                None
            }
        }
    }

    /// An absolute value in `lo..=hi`.
    fn abs(&mut self, e: &Expr, what: &str, lo: i64, hi: i64) -> Option<i64> {
        let v = self.val(e)?;
        if !v.is_abs() {
            self.err(e.span, format!("{what} must be absolute, not an address"));
            return None;
        }
        if !(lo..=hi).contains(&v.off) {
            self.err(
                e.span,
                format!("{what} {} out of range ({lo} to {hi})", v.off),
            );
            return None;
        }
        Some(v.off)
    }

    fn reg(&mut self, e: &Expr) -> u8 {
        self.abs(e, "register", 0, 15).unwrap_or(0) as u8
    }

    /// Base and displacement of an implicit address.
    fn resolve(&mut self, v: Val, span: Span) -> Option<(u8, u16)> {
        let r = self.resolve_inner(v, span);
        if r.is_some() {
            self.last_addr = Some(self.lay.absolute(v) as u32 & 0xFF_FFFF);
        }
        r
    }

    fn resolve_inner(&mut self, v: Val, span: Span) -> Option<(u8, u16)> {
        if v.is_abs() && (0..4096).contains(&v.off) {
            return Some((0, v.off as u16));
        }
        if let Some(s) = self.ext_section(v) {
            self.err(
                span,
                format!("external symbol '{s}' has no address here: it is resolved by the loader"),
            );
            return None;
        }
        let mut best: Option<(u8, i64)> = None;
        for (r, u) in self.using.iter().enumerate() {
            let Some(u) = u else { continue };
            if u.n != v.n || (v.n != 0 && u.sect != v.sect) {
                continue;
            }
            let d = v.off - u.off;
            if (0..4096).contains(&d) && best.is_none_or(|(_, bd)| d <= bd) {
                best = Some((r as u8, d));
            }
        }
        if best.is_none()
            && v.n == 1
            && self
                .lay
                .sections
                .get(v.sect as usize)
                .is_some_and(|s| !s.dsect)
        {
            // Our image is never relocated, so an address in a CSECT is also an absolute
            // address: absolute USINGs (USING 0,0 for low storage) cover it too.
            let a = self.lay.absolute(v);
            if (0..4096).contains(&a) && self.using[0] == Some(Val::abs(0)) {
                best = Some((0, a));
            }
            for (r, u) in self.using.iter().enumerate() {
                let Some(u) = u else { continue };
                let d = a - u.off;
                if u.n == 0 && (0..4096).contains(&d) && best.is_none_or(|(_, bd)| d <= bd) {
                    best = Some((r as u8, d));
                }
            }
        }
        match best {
            Some((r, d)) => Some((r, d as u16)),
            None => {
                let a = self.lay.absolute(v);
                self.err(
                    span,
                    format!(
                        "no USING covers address X'{:06X}' (addressability error)",
                        a & 0xFFFF_FFFF
                    ),
                );
                None
            }
        }
    }

    /// The name of the external symbol `v` is relative to, if it is.
    fn ext_section(&self, v: Val) -> Option<String> {
        (v.n == 1)
            .then(|| self.lay.sections.get(v.sect as usize))
            .flatten()
            .filter(|s| s.ext)
            .map(|s| s.name.clone())
    }

    /// [`Self::address`], remembering the address for column `slot` of the listing.
    fn addr_in(&mut self, op: &Operand, kind: Sub, slot: usize) -> Option<(u8, u16, u32)> {
        self.last_addr = None;
        let r = self.address(op, kind);
        if let Some(a) = self.last_addr.take() {
            self.out.addrs[self.cur][slot] = Some(a);
        }
        r
    }

    /// An address operand: (base, displacement, index-or-length). `implied` is used as
    /// the length when a Len operand gives none.
    fn address(&mut self, op: &Operand, kind: Sub) -> Option<(u8, u16, u32)> {
        let v = self.val(&op.expr)?;
        let implied = |p: &Self| {
            if kind == Sub::Len {
                length_of(&op.expr, &p.env()).unwrap_or(1)
            } else {
                0
            }
        };
        let third = |p: &mut Self, e: &Expr| -> u32 {
            match kind {
                Sub::Len => p.abs(e, "length", 0, 256).unwrap_or(1) as u32,
                _ => p.reg(e) as u32,
            }
        };
        match op.sub.as_deref() {
            None => {
                let t = implied(self);
                let (b, d) = self.resolve(v, op.expr.span)?;
                Some((b, d, t))
            }
            Some([Some(a)]) if kind != Sub::Base || !v.is_abs() => {
                if kind == Sub::Base {
                    self.err(
                        op.span,
                        "an address with an explicit base register needs an absolute displacement",
                    );
                    return None;
                }
                let t = third(self, a);
                let (b, d) = self.resolve(v, op.expr.span)?;
                Some((b, d, t))
            }
            Some([Some(b)]) => {
                // D(B) with an absolute displacement.
                let d = self.disp(v, op.expr.span)?;
                let b = self.reg(b);
                Some((b, d, 0))
            }
            Some([a, b]) => {
                if kind == Sub::Base {
                    self.err(op.span, "this operand takes D(B), not D(X,B)");
                    return None;
                }
                let d = self.disp(v, op.expr.span)?;
                let t = match a {
                    Some(a) => third(self, a),
                    None => implied(self),
                };
                let b = match b {
                    Some(b) => self.reg(b),
                    None => 0,
                };
                Some((b, d, t))
            }
            _ => {
                self.err(op.span, "bad address operand");
                None
            }
        }
    }

    fn disp(&mut self, v: Val, span: Span) -> Option<u16> {
        if !v.is_abs() {
            self.err(
                span,
                "an address with an explicit base register needs an absolute displacement",
            );
            return None;
        }
        if !(0..4096).contains(&v.off) {
            self.err(
                span,
                format!("displacement {} out of range (0 to 4095)", v.off),
            );
            return None;
        }
        Some(v.off as u16)
    }

    fn write(&mut self, i: usize, at: Val, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        let obj = &mut self.out.obj[i];
        if obj.len() < OBJ_KEEP {
            let n = (OBJ_KEEP - obj.len()).min(bytes.len());
            obj.extend_from_slice(&bytes[..n]);
        }
        if at.n != 0
            && self
                .lay
                .sections
                .get(at.sect as usize)
                .is_none_or(|s| s.dsect)
        {
            return;
        }
        let abs = self.lay.absolute(at);
        let start = abs - self.lay.origin;
        let end = start + bytes.len() as i64;
        if start < 0 || end > self.out.image.len() as i64 {
            return;
        }
        self.out.image[start as usize..end as usize].copy_from_slice(bytes);
        let line = &self.src.lines[self.src.origin(i)];
        let file = self.src.file_name(line);
        if let Some(last) = self.out.lines.last_mut()
            && last.line == line.line
            && last.file == file
            && last.addr + last.len == abs as u32
        {
            last.len += bytes.len() as u32;
            return;
        }
        self.out.lines.push(LineMap {
            addr: abs as u32,
            len: bytes.len() as u32,
            file: file.to_string(),
            line: line.line,
        });
    }

    fn stmt(&mut self, i: usize) {
        let st = &self.prog.stmts[i];
        let info = &self.lay.stmts[i];
        let loc = info.loc.unwrap_or(Val::abs(0));
        match &st.kind {
            Kind::Empty | Kind::Bad => {}
            Kind::Instr {
                code,
                op,
                mask,
                operands,
                bad,
            } => {
                let bytes = if *bad {
                    let mut b = vec![0; op.format.len() as usize];
                    b[0] = (*code >> if *code > 0xFF { 8 } else { 0 }) as u8;
                    b
                } else {
                    self.instr(*code, op, *mask, operands, st.operand_span)
                };
                self.write(i, loc, &bytes);
            }
            Kind::Dir(d, args) => self.directive(i, *d, args, loc),
        }
    }

    fn instr(
        &mut self,
        code: u16,
        op: &Op,
        mask: Option<u8>,
        ops: &[Operand],
        span: Span,
    ) -> Vec<u8> {
        use Format::*;
        let f = op.format;
        let want = match f {
            Invalid | S0 => 0,
            RR1 | RRi | SIs | S | RRE1 => 1,
            RR | RRm | RX | RXm | RSs | SI | SS | SS2 | RRE | SSE => 2,
            RS | RSm | SSr | SSk => 3,
        } - usize::from(mask.is_some());
        let mut bytes = vec![0u8; f.len() as usize];
        if code > 0xFF {
            bytes[0] = (code >> 8) as u8;
            bytes[1] = code as u8;
        } else {
            bytes[0] = code as u8;
        }
        if ops.len() != want {
            let m = op.mnemonic;
            let shape = match f {
                RR => "R1,R2",
                RRm => "M1,R2",
                RR1 => "R1",
                RRi => "I (0-255)",
                RX => "R1,D2(X2,B2)",
                RXm => "M1,D2(X2,B2)",
                RS => "R1,R3,D2(B2)",
                RSs => "R1,D2(B2)",
                RSm => "R1,M3,D2(B2)",
                SI => "D1(B1),I2",
                SIs | S => "D2(B2)",
                S0 => "no operands",
                SS => "D1(L,B1),D2(B2)",
                SS2 => "D1(L1,B1),D2(L2,B2)",
                SSr => "D1(L1,B1),D2(B2),I3",
                RRE => "R1,R2",
                RRE1 => "R1",
                SSE => "D1(B1),D2(B2)",
                SSk => "D1(R1,B1),D2(B2),R3",
                Invalid => "",
            };
            let shape = if mask.is_some() {
                if f == RRm { "R2" } else { "D2(X2,B2)" }
            } else {
                shape
            };
            self.err(
                span,
                format!(
                    "{m} takes {want} operand{} ({shape}), found {}",
                    if want == 1 { "" } else { "s" },
                    ops.len()
                ),
            );
            return bytes;
        }
        let plain = |p: &mut Self, o: &Operand, what: &str| -> Option<Expr> {
            if o.sub.is_some() {
                p.err(o.span, format!("{what} cannot have a parenthesised part"));
                None
            } else {
                Some(o.expr.clone())
            }
        };
        let reg = |p: &mut Self, o: &Operand| plain(p, o, "a register").map_or(0, |e| p.reg(&e));
        let imm = |p: &mut Self, o: &Operand, lo: i64, hi: i64, what: &str| {
            plain(p, o, what).map_or(0, |e| p.abs(&e, what, lo, hi).unwrap_or(0) as u8)
        };
        let bd = |bytes: &mut [u8], at: usize, b: u8, d: u16| {
            bytes[at] = (b << 4) | (d >> 8) as u8;
            bytes[at + 1] = d as u8;
        };
        // With an extended mnemonic the mask is operand 0 and the rest shift by one.
        let o = |k: usize| -> &Operand { &ops[k - usize::from(mask.is_some())] };
        let r1 = |p: &mut Self| match mask {
            Some(m) => m,
            None => reg(p, &ops[0]),
        };
        match f {
            Invalid | S0 => {}
            RR | RRm => {
                let a = r1(self);
                let b = reg(self, o(1));
                bytes[1] = (a << 4) | b;
            }
            RR1 => bytes[1] = reg(self, o(0)) << 4,
            RRE => {
                let a = reg(self, o(0));
                let b = reg(self, o(1));
                bytes[3] = (a << 4) | b;
            }
            RRE1 => bytes[3] = reg(self, o(0)) << 4,
            SSE => {
                if let Some((b, d, _)) = self.addr_in(o(0), Sub::Base, 0) {
                    bd(&mut bytes, 2, b, d);
                }
                if let Some((b, d, _)) = self.addr_in(o(1), Sub::Base, 1) {
                    bd(&mut bytes, 4, b, d);
                }
            }
            SSk => {
                let mut r = 0;
                if let Some((b, d, x)) = self.addr_in(o(0), Sub::Index, 0) {
                    r = x as u8;
                    bd(&mut bytes, 2, b, d);
                }
                if let Some((b, d, _)) = self.addr_in(o(1), Sub::Base, 1) {
                    bd(&mut bytes, 4, b, d);
                }
                bytes[1] = (r << 4) | reg(self, o(2));
            }
            RRi => bytes[1] = imm(self, o(0), 0, 255, "SVC number"),
            RX | RXm => {
                let a = r1(self);
                if let Some((b, d, x)) = self.addr_in(o(1), Sub::Index, 1) {
                    bytes[1] = (a << 4) | x as u8;
                    bd(&mut bytes, 2, b, d);
                } else {
                    bytes[1] = a << 4;
                }
            }
            RS | RSm => {
                let a = reg(self, o(0));
                let c = reg(self, o(1));
                bytes[1] = (a << 4) | c;
                if let Some((b, d, _)) = self.addr_in(o(2), Sub::Base, 1) {
                    bd(&mut bytes, 2, b, d);
                }
            }
            RSs => {
                bytes[1] = reg(self, o(0)) << 4;
                if let Some((b, d, _)) = self.addr_in(o(1), Sub::Base, 1) {
                    bd(&mut bytes, 2, b, d);
                }
            }
            SI => {
                if let Some((b, d, _)) = self.addr_in(o(0), Sub::Base, 0) {
                    bd(&mut bytes, 2, b, d);
                }
                bytes[1] = imm(self, o(1), -128, 255, "immediate byte");
            }
            SIs | S => {
                if let Some((b, d, _)) = self.addr_in(o(0), Sub::Base, 0) {
                    bd(&mut bytes, 2, b, d);
                }
            }
            SS => {
                if let Some((b, d, l)) = self.addr_in(o(0), Sub::Len, 0) {
                    if l > 256 {
                        self.err(
                            o(0).span,
                            format!("length {l} exceeds 256: give an explicit length"),
                        );
                    }
                    bytes[1] = l.clamp(1, 256).wrapping_sub(1) as u8;
                    bd(&mut bytes, 2, b, d);
                }
                if let Some((b, d, _)) = self.addr_in(o(1), Sub::Base, 1) {
                    bd(&mut bytes, 4, b, d);
                }
            }
            SS2 | SSr => {
                let mut l1 = 1;
                if let Some((b, d, l)) = self.addr_in(o(0), Sub::Len, 0) {
                    l1 = self.nibble_len(l, o(0).span);
                    bd(&mut bytes, 2, b, d);
                }
                if f == SS2 {
                    if let Some((b, d, l)) = self.addr_in(o(1), Sub::Len, 1) {
                        bytes[1] = (l1 << 4) | self.nibble_len(l, o(1).span);
                        bd(&mut bytes, 4, b, d);
                    }
                } else {
                    if let Some((b, d, _)) = self.addr_in(o(1), Sub::Base, 1) {
                        bd(&mut bytes, 4, b, d);
                    }
                    bytes[1] = (l1 << 4) | imm(self, o(2), 0, 15, "rounding digit");
                }
            }
        }
        bytes
    }

    /// A 4-bit encoded length (1..16 -> 0..15).
    fn nibble_len(&mut self, l: u32, span: Span) -> u8 {
        if l > 16 {
            self.err(
                span,
                format!("length {l} exceeds 16: give an explicit length"),
            );
            return 0;
        }
        l.max(1) as u8 - 1
    }

    fn directive(&mut self, i: usize, d: Dir, args: &Args, loc: Val) {
        let ex: &[Option<Expr>] = match args {
            Args::Exprs(v) => v,
            _ => &[],
        };
        let span = self.prog.stmts[i].operand_span;
        match d {
            Dir::Using => self.using(ex, span),
            Dir::Drop => {
                if ex.is_empty() {
                    self.using = [None; 16];
                }
                for e in ex {
                    match e {
                        Some(e) => {
                            let r = self.reg(e);
                            self.using[r as usize] = None;
                        }
                        None => self.err(span, "empty DROP operand"),
                    }
                }
            }
            Dir::Dc => {
                let Args::Dc(ops) = args else { return };
                let lays = self.lay.stmts[i].dc.clone();
                let mut bytes = vec![0u8; self.lay.stmts[i].len as usize];
                self.dc_base = Some(loc);
                for (op, l) in ops.iter().zip(lays.iter()) {
                    self.constant(op, l, &mut bytes);
                }
                self.dc_base = None;
                self.write(i, loc, &bytes);
            }
            Dir::Ltorg | Dir::End => {
                let pool = self.lay.stmts[i].pool.clone();
                for idx in pool {
                    let Some(pl) = self.lay.lits[idx].clone() else {
                        continue;
                    };
                    let lit = &self.prog.lits[idx];
                    let mut bytes = vec![0u8; pl.layout.size() as usize];
                    let save = self.star;
                    self.star = Some(pl.val);
                    self.dc_base = Some(pl.val);
                    self.constant(&lit.dc, &pl.layout, &mut bytes);
                    self.dc_base = None;
                    self.star = save;
                    self.write(i, pl.val, &bytes);
                }
                if d == Dir::End
                    && let Some(Some(e)) = ex.first()
                    && let Some(v) = self.val(e)
                {
                    if v.n == 1
                        && self
                            .lay
                            .sections
                            .get(v.sect as usize)
                            .is_some_and(|s| !s.dsect && !s.ext)
                    {
                        self.out.entry = Some(v);
                    } else {
                        self.err(e.span, "the END operand must be an address in a CSECT");
                    }
                }
            }
            Dir::Cnop => {
                let n = self.lay.stmts[i].len as usize;
                let bytes: Vec<u8> = (0..n)
                    .map(|k| if k % 2 == 0 { 0x07 } else { 0x00 })
                    .collect();
                self.write(i, loc, &bytes);
            }
            Dir::Ccw => {
                let mut b = [0u8; 8];
                if ex.len() != 4 || ex.iter().any(|e| e.is_none()) {
                    self.err(span, "CCW takes four operands: command,address,flags,count");
                } else {
                    let e: Vec<&Expr> = ex.iter().flatten().collect();
                    b[0] = self.abs(e[0], "CCW command code", 0, 255).unwrap_or(0) as u8;
                    if let Some(v) = self.val(e[1]) {
                        let a = self.lay.absolute(v);
                        if (0..1 << 24).contains(&a) {
                            b[1..4].copy_from_slice(&(a as u32).to_be_bytes()[1..]);
                            let mut at = loc;
                            at.off += 1;
                            self.reloc(at, v, 3, false);
                        } else {
                            self.err(e[1].span, "CCW data address out of range");
                        }
                    }
                    b[4] = self.abs(e[2], "CCW flags", 0, 255).unwrap_or(0) as u8;
                    let c = self.abs(e[3], "CCW count", 0, 65535).unwrap_or(0) as u16;
                    b[6..8].copy_from_slice(&c.to_be_bytes());
                }
                self.write(i, loc, &b);
            }
            Dir::Equ
            | Dir::Org
            | Dir::Ds
            | Dir::Csect
            | Dir::Dsect
            | Dir::Start
            | Dir::Copy
            | Dir::Extrn
            | Dir::Entry
            | Dir::Listing => {}
        }
    }

    /// Record a relocatable constant of `len` bytes at `at` holding `v`, if it needs
    /// relocating (it lies in a CSECT and `v` is an address in a CSECT or external).
    fn reloc(&mut self, at: Val, v: Val, len: u8, vtype: bool) {
        if v.n != 1 || at.n != 1 {
            return;
        }
        let secs = &self.lay.sections;
        let within_ok = secs
            .get(at.sect as usize)
            .is_some_and(|s| !s.dsect && !s.ext);
        let target = secs.get(v.sect as usize);
        if !within_ok || target.is_none_or(|s| s.dsect) {
            return;
        }
        let ext = target.is_some_and(|s| s.ext);
        self.out.rlds.push(Rld {
            at: self.lay.absolute(at) as u32 & 0xFF_FFFF,
            len,
            target: v.sect,
            within: at.sect,
            vtype: vtype && ext,
        });
    }

    /// Emit the literals of a pool (on behalf of statement `i`).
    fn pool(&mut self, i: usize, pool: &[usize]) {
        for &idx in pool {
            let Some(pl) = self.lay.lits[idx].clone() else {
                continue;
            };
            let lit = &self.prog.lits[idx];
            let mut bytes = vec![0u8; pl.layout.size() as usize];
            let save = self.star;
            self.star = Some(pl.val);
            self.dc_base = Some(pl.val);
            self.constant(&lit.dc, &pl.layout, &mut bytes);
            self.dc_base = None;
            self.star = save;
            self.write(i, pl.val, &bytes);
        }
    }

    fn using(&mut self, ex: &[Option<Expr>], span: Span) {
        if ex.len() < 2 || ex.iter().any(|e| e.is_none()) {
            self.err(span, "USING takes a base address and one or more registers");
            return;
        }
        let Some(Some(be)) = ex.first() else { return };
        let Some(base) = self.val(be) else { return };
        for (k, r) in ex[1..].iter().enumerate() {
            let Some(r) = r else { continue };
            let reg = self.reg(r);
            let mut v = base;
            v.off += 4096 * k as i64;
            self.using[reg as usize] = Some(v);
        }
    }

    /// Generate one DC operand into `out` at its offset.
    fn constant(&mut self, op: &DcOperand, l: &OpLayout, out: &mut [u8]) {
        let mut one = Vec::new();
        let mut relocs = Vec::new();
        for (k, &len) in l.lens.iter().enumerate() {
            let start = one.len();
            one.resize(start + len as usize, 0);
            if let Some(v) = self.value(op, k, &mut one[start..]) {
                relocs.push((start, len, v));
            }
        }
        let at = l.at as usize;
        for rep in 0..l.dup as usize {
            let s = at + rep * one.len();
            if let Some(dst) = out.get_mut(s..s + one.len()) {
                dst.copy_from_slice(&one);
            }
            if let Some(base) = self.dc_base {
                for &(start, len, v) in &relocs {
                    let mut pos = base;
                    pos.off += (s + start) as i64;
                    self.reloc(pos, v, len.min(4) as u8, op.ty == b'V');
                }
            }
        }
    }

    /// Value `k` of a DC operand into `dst` (its length is the value's length); an
    /// address constant's value when it may need relocating.
    fn value(&mut self, op: &DcOperand, k: usize, dst: &mut [u8]) -> Option<Val> {
        let n = dst.len();
        match &op.nominal {
            Nominal::None => {}
            Nominal::Chars(b) => {
                for (j, d) in dst.iter_mut().enumerate() {
                    *d = b.get(j).copied().unwrap_or(0x40);
                }
            }
            Nominal::Hex(v) | Nominal::Bin(v) => {
                let bits = if matches!(op.nominal, Nominal::Hex(_)) {
                    4
                } else {
                    1
                };
                // Fill from the right.
                let mut acc: u32 = 0;
                let mut nb = 0;
                let mut j = n;
                for c in v[k].chars().rev() {
                    acc |= c.to_digit(16).unwrap_or(0) << nb;
                    nb += bits;
                    if nb >= 8 {
                        if j == 0 {
                            break;
                        }
                        j -= 1;
                        dst[j] = acc as u8;
                        acc >>= 8;
                        nb -= 8;
                    }
                }
                if nb > 0 && j > 0 {
                    dst[j - 1] = acc as u8;
                }
            }
            Nominal::Int(v) => self.int(v[k], dst, op.span),
            Nominal::Dec(v) => {
                let (neg, digits) = &v[k];
                let ds: Vec<u8> = digits.bytes().map(|c| c - b'0').collect();
                if op.ty == b'P' {
                    let mut nib: Vec<u8> = ds.clone();
                    nib.push(if *neg { 0xD } else { 0xC });
                    if nib.len() > 2 * n {
                        self.err(op.span, "packed constant does not fit its length");
                    }
                    let mut j = 2 * n;
                    for &x in nib.iter().rev() {
                        if j == 0 {
                            break;
                        }
                        j -= 1;
                        if j % 2 == 1 {
                            dst[j / 2] |= x;
                        } else {
                            dst[j / 2] |= x << 4;
                        }
                    }
                } else {
                    if ds.len() > n {
                        self.err(op.span, "zoned constant does not fit its length");
                    }
                    dst.fill(0xF0);
                    for (j, &x) in ds.iter().rev().enumerate() {
                        if j < n {
                            dst[n - 1 - j] = 0xF0 | x;
                        }
                    }
                    if *neg {
                        dst[n - 1] = 0xD0 | (dst[n - 1] & 0x0F);
                    } else {
                        dst[n - 1] = 0xC0 | (dst[n - 1] & 0x0F);
                    }
                }
            }
            Nominal::Float(v) => {
                match super::float::parse(&v[k]).and_then(|d| super::float::hex(&d, n)) {
                    Some(b) => dst.copy_from_slice(&b),
                    None => self.err(
                        op.span,
                        format!("floating-point constant '{}' out of range", v[k]),
                    ),
                }
            }
            Nominal::Exprs(v) => {
                let val = self.val(&v[k])?;
                let a = self.lay.absolute(val);
                self.int(a, dst, v[k].span);
                if val.n == 1 && matches!(op.ty, b'A' | b'V' | b'Y') {
                    return Some(val);
                }
            }
            Nominal::Addrs(v) => {
                if let Some((b, d, _)) = self.address(&v[k], Sub::Base)
                    && n == 2
                {
                    dst[0] = (b << 4) | (d >> 8) as u8;
                    dst[1] = d as u8;
                }
            }
        }
        None
    }

    /// A big-endian integer of `dst.len()` bytes; must fit signed or unsigned.
    fn int(&mut self, v: i64, dst: &mut [u8], span: Span) {
        let n = dst.len().min(8);
        let bits = 8 * n as u32;
        let fits = if bits >= 64 {
            true
        } else {
            let lo = -(1i64 << (bits - 1));
            let hi = (1i64 << bits) - 1;
            (lo..=hi).contains(&v)
        };
        if !fits {
            self.err(
                span,
                format!(
                    "value {v} does not fit in {n} byte{}",
                    if n == 1 { "" } else { "s" }
                ),
            );
        }
        let b = v.to_be_bytes();
        let len = dst.len();
        for j in 0..n {
            dst[len - 1 - j] = b[7 - j];
        }
    }
}
