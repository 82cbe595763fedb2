//! Values and expression evaluation, shared by both passes.
//!
//! A value is an offset plus a *relocatability*: absolute values have `n == 0`;
//! a simple relocatable value (an address in a section) has `n == 1` and the section.
//! Intermediate results may have other counts (`A+B-C` is fine when all three are in the
//! same section), so evaluation tracks the count and only the final value must be
//! absolute or simply relocatable. Addresses stay section-relative until the image is
//! laid out: section bases are only known after pass 1 has sized every section.

use super::diag::Span;
use super::parse::{Expr, ExprKind};

/// A section-relative value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Val {
    pub off: i64,
    pub sect: u16,
    /// Relocatability count: 0 absolute, 1 relocatable.
    pub n: i32,
}

impl Val {
    pub const fn abs(v: i64) -> Val {
        Val {
            off: v,
            sect: 0,
            n: 0,
        }
    }
    pub const fn rel(sect: u16, off: i64) -> Val {
        Val { off, sect, n: 1 }
    }
    pub fn is_abs(&self) -> bool {
        self.n == 0
    }
}

/// Why an expression has no value.
#[derive(Debug)]
pub enum EvalErr {
    /// A symbol is not (yet) defined.
    Undefined(String, Span),
    Other(Span, String),
}

impl EvalErr {
    pub fn into_msg(self) -> (Span, String) {
        match self {
            EvalErr::Undefined(s, span) => (span, format!("undefined symbol '{s}'")),
            EvalErr::Other(span, m) => (span, m),
        }
    }
}

/// What an expression can look up.
pub trait Env {
    /// A symbol's value and length attribute.
    fn symbol(&self, name: &str) -> Option<(Val, u32)>;
    /// The location counter.
    fn star(&self) -> Val;
    /// A literal's address and length.
    fn literal(&self, idx: usize) -> Option<(Val, u32)>;
}

pub fn eval(e: &Expr, env: &dyn Env) -> Result<Val, EvalErr> {
    let v = eval_inner(e, env)?;
    if v.n != 0 && v.n != 1 {
        return Err(EvalErr::Other(
            e.span,
            "invalid combination of relocatable terms".into(),
        ));
    }
    Ok(v)
}

fn eval_inner(e: &Expr, env: &dyn Env) -> Result<Val, EvalErr> {
    Ok(match &e.kind {
        ExprKind::Num(v) => Val::abs(*v),
        ExprKind::Star => env.star(),
        ExprKind::Sym(s) => match env.symbol(s) {
            Some((v, _)) => v,
            None => return Err(EvalErr::Undefined(s.clone(), e.span)),
        },
        ExprKind::Len(s) => match env.symbol(s) {
            Some((_, l)) => Val::abs(l as i64),
            None => return Err(EvalErr::Undefined(s.clone(), e.span)),
        },
        ExprKind::LenStar => Val::abs(1),
        ExprKind::Lit(i) => match env.literal(*i) {
            Some((v, _)) => v,
            None => {
                return Err(EvalErr::Other(
                    e.span,
                    "literal has no address (no LTORG or END after it)".into(),
                ));
            }
        },
        ExprKind::Neg(x) => {
            let v = eval_inner(x, env)?;
            Val {
                off: v.off.wrapping_neg(),
                sect: v.sect,
                n: -v.n,
            }
        }
        ExprKind::Bin(op, a, b) => {
            let x = eval_inner(a, env)?;
            let y = eval_inner(b, env)?;
            match op {
                b'+' | b'-' => {
                    let sign = if *op == b'+' { 1 } else { -1 };
                    if x.n != 0 && y.n != 0 && x.sect != y.sect {
                        return Err(EvalErr::Other(
                            e.span,
                            "relocatable terms from different sections".into(),
                        ));
                    }
                    let sect = if x.n != 0 { x.sect } else { y.sect };
                    let n = x.n + sign * y.n;
                    Val {
                        off: x.off.wrapping_add(y.off.wrapping_mul(sign as i64)),
                        sect: if n == 0 { 0 } else { sect },
                        n,
                    }
                }
                _ => {
                    if x.n != 0 || y.n != 0 {
                        return Err(EvalErr::Other(
                            e.span,
                            "relocatable term in multiplication or division".into(),
                        ));
                    }
                    let v = if *op == b'*' {
                        x.off.wrapping_mul(y.off)
                    } else if y.off == 0 {
                        0
                    } else {
                        x.off.wrapping_div(y.off)
                    };
                    Val::abs(v)
                }
            }
        }
    })
}

/// The length attribute of an expression: that of its leftmost term (1 for `*` and
/// self-defining terms), as HLASM does for implied lengths and EQU.
pub fn length_of(e: &Expr, env: &dyn Env) -> Option<u32> {
    match &e.kind {
        ExprKind::Sym(s) => env.symbol(s).map(|(_, l)| l),
        ExprKind::Lit(i) => env.literal(*i).map(|(_, l)| l),
        ExprKind::Bin(_, a, _) => length_of(a, env),
        ExprKind::Neg(_)
        | ExprKind::Num(_)
        | ExprKind::Star
        | ExprKind::Len(_)
        | ExprKind::LenStar => Some(1),
    }
}
