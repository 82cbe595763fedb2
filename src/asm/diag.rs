//! One diagnostics sink shared by every phase.
//!
//! Phases never stop at the first error: they record it here and carry on, so one run
//! reports everything it can find. A diagnostic points at a [`Span`]: a statement and a
//! byte range in that statement's (logical) text. Spans stay byte offsets while the
//! assembler works; they become `file:line:col` only when [`Diags::render`] prints them,
//! which is also the only place that needs the file texts.

use super::source::Sources;

/// A byte range `lo..hi` in the logical text of statement `stmt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Span {
    pub stmt: u32,
    pub lo: u32,
    pub hi: u32,
}

impl Span {
    pub fn new(stmt: usize, lo: usize, hi: usize) -> Span {
        Span {
            stmt: stmt as u32,
            lo: lo as u32,
            hi: hi.max(lo) as u32,
        }
    }
}

/// One error.
#[derive(Clone, Debug)]
pub struct Diag {
    /// `None` for errors that belong to no statement (the main file cannot be read).
    pub span: Option<Span>,
    pub msg: String,
}

/// The sink.
#[derive(Default, Debug)]
pub struct Diags {
    list: Vec<Diag>,
}

impl Diags {
    pub fn error(&mut self, span: Span, msg: impl Into<String>) {
        self.list.push(Diag {
            span: Some(span),
            msg: msg.into(),
        });
    }

    pub fn global(&mut self, msg: impl Into<String>) {
        self.list.push(Diag {
            span: None,
            msg: msg.into(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// `file:line:col: error: message`, the source line, and a caret line under the
    /// span; in statement order (the order a reader meets them), each error once.
    pub fn render(&self, src: &Sources) -> Vec<String> {
        let mut list: Vec<&Diag> = self.list.iter().collect();
        list.sort_by_key(|d| d.span.map(|s| (s.stmt, s.lo)).unwrap_or((0, 0)));
        let mut out: Vec<String> = Vec::new();
        for d in list {
            let text = match d.span {
                None => format!("error: {}", d.msg),
                Some(span) => src.render(span, &d.msg),
            };
            if !out.contains(&text) {
                out.push(text);
            }
        }
        out
    }
}
