//! Phase 1: reading the sources.
//!
//! The main file and every `COPY` member are read through the caller's closure and cut
//! into *logical lines* (one statement each). A statement continued in column 72 (a
//! non-blank in column 72 after a blank in column 71, the next line starting in column
//! 16) is joined into one logical line; `pieces` remembers where each part came from so
//! that a diagnostic still points at the right physical line and column. `COPY` is
//! expanded here, recursively, so later phases see one flat list of statements.

use super::diag::{Diags, Span};

/// One source file.
pub struct File {
    pub name: String,
    pub text: String,
    line_starts: Vec<usize>,
}

impl File {
    fn new(name: &str, text: String) -> File {
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i + 1);
            }
        }
        File {
            name: name.to_string(),
            text,
            line_starts,
        }
    }

    /// 1-based line and column (in characters) of byte offset `off`.
    fn line_col(&self, off: usize) -> (usize, usize) {
        let off = off.min(self.text.len());
        let line = match self.line_starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let col = self
            .text
            .get(start..off)
            .map(|s| s.chars().count())
            .unwrap_or(0);
        (line + 1, col + 1)
    }

    fn line_text(&self, line: usize) -> &str {
        let start = self.line_starts[line - 1];
        let end = self
            .line_starts
            .get(line)
            .map(|e| e - 1)
            .unwrap_or(self.text.len());
        self.text
            .get(start..end.max(start))
            .unwrap_or("")
            .trim_end_matches('\r')
    }
}

/// One logical line (statement text).
pub struct SrcLine {
    pub file: u16,
    /// 1-based number of the (first) physical line.
    pub line: u32,
    pub text: String,
    /// `(logical offset, file offset)` of each joined part, ascending.
    pieces: Vec<(usize, usize)>,
}

impl SrcLine {
    /// The file byte offset of logical offset `lo`.
    fn phys(&self, lo: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.0 <= lo).max(1) - 1;
        let (l, p) = self.pieces[i];
        p + (lo - l)
    }
}

/// Every file read and every logical line, COPY members expanded in place.
#[derive(Default)]
pub struct Sources {
    pub files: Vec<File>,
    pub lines: Vec<SrcLine>,
}

impl Sources {
    pub fn file_name(&self, line: &SrcLine) -> &str {
        &self.files[line.file as usize].name
    }

    /// Print a diagnostic at `span`.
    pub fn render(&self, span: Span, msg: &str) -> String {
        let Some(sl) = self.lines.get(span.stmt as usize) else {
            return format!("error: {msg}");
        };
        let file = &self.files[sl.file as usize];
        let lo = (span.lo as usize).min(sl.text.len());
        let hi = (span.hi as usize).clamp(lo, sl.text.len());
        let off = sl.phys(lo);
        let (line, col) = file.line_col(off);
        let text = file.line_text(line);
        // The caret line: as many columns as the span covers on this physical line.
        let width = sl
            .text
            .get(lo..hi)
            .map(|s| s.chars().count())
            .unwrap_or(1)
            .max(1);
        let avail = text.chars().count().saturating_sub(col - 1).max(1);
        let carets = "^".repeat(width.min(avail));
        format!(
            "{}:{}:{}: error: {}\n{}\n{}{}",
            file.name,
            line,
            col,
            msg,
            text,
            " ".repeat(col - 1),
            carets
        )
    }
}

/// Deepest COPY nesting accepted (a member copying itself is caught long before).
const MAX_COPY_DEPTH: usize = 16;

/// Read `main` and everything it copies.
pub fn load(main: &str, read: &dyn Fn(&str) -> Option<String>, diags: &mut Diags) -> Sources {
    let mut src = Sources::default();
    match read(main) {
        None => diags.global(format!("cannot read source file '{main}'")),
        Some(text) => {
            let mut stack = vec![main.to_string()];
            expand(&mut src, main, text, read, diags, &mut stack);
        }
    }
    src
}

fn expand(
    src: &mut Sources,
    name: &str,
    text: String,
    read: &dyn Fn(&str) -> Option<String>,
    diags: &mut Diags,
    stack: &mut Vec<String>,
) {
    let fid = src.files.len() as u16;
    src.files.push(File::new(name, text));
    for sl in logical_lines(fid, &src.files[fid as usize].text) {
        let copy = copy_member(&sl.text);
        src.lines.push(sl);
        let Some((member, lo, hi)) = copy else {
            continue;
        };
        let here = Span::new(src.lines.len() - 1, lo, hi);
        if member.is_empty() {
            diags.error(here, "COPY needs a member name");
        } else if stack.contains(&member) || stack.len() > MAX_COPY_DEPTH {
            diags.error(here, format!("recursive COPY of member '{member}'"));
        } else {
            match read(&member) {
                None => diags.error(here, format!("COPY member '{member}' not found")),
                Some(text) => {
                    stack.push(member.clone());
                    expand(src, &member, text, read, diags, stack);
                    stack.pop();
                }
            }
        }
    }
}

/// If this statement is `COPY member`, the member name (upper case) and its range.
fn copy_member(text: &str) -> Option<(String, usize, usize)> {
    let f = super::parse::split_fields(text)?;
    let (olo, ohi) = f.op?;
    if !text[olo..ohi].eq_ignore_ascii_case("COPY") {
        return None;
    }
    let (lo, hi) = f.operands;
    let (lo, hi) = if lo == hi { (olo, ohi) } else { (lo, hi) };
    Some((
        text[f.operands.0..f.operands.1].to_ascii_uppercase(),
        lo,
        hi,
    ))
}

/// Is this physical line continued in column 72? Conservative, because lines are free
/// length here: only a line of 72 to 80 characters with a blank in column 71 and a
/// non-blank in column 72, followed by a line that starts with exactly 15 blanks.
fn continued(line: &str, next: Option<&str>) -> bool {
    let b = line.as_bytes();
    if !(72..=80).contains(&b.len()) || !line.is_ascii() || b[70] != b' ' || b[71] == b' ' {
        return false;
    }
    if b[0] == b'*' {
        return false;
    }
    match next {
        Some(n) => {
            let nb = n.as_bytes();
            nb.len() > 15 && nb[..15].iter().all(|&c| c == b' ') && nb[15] != b' '
        }
        None => false,
    }
}

fn logical_lines(fid: u16, text: &str) -> Vec<SrcLine> {
    // Physical lines with their file offsets.
    let mut phys: Vec<(usize, &str)> = Vec::new();
    let mut start = 0;
    for part in text.split('\n') {
        phys.push((start, part.strip_suffix('\r').unwrap_or(part)));
        start += part.len() + 1;
    }
    if text.ends_with('\n') {
        phys.pop();
    }
    let mut out = Vec::with_capacity(phys.len());
    let mut i = 0;
    while i < phys.len() {
        let (off, line) = phys[i];
        let first = i;
        let mut sl = SrcLine {
            file: fid,
            line: (first + 1) as u32,
            text: String::new(),
            pieces: vec![(0, off)],
        };
        let mut cur = line;
        let mut cur_off = off;
        let mut skip = 0;
        loop {
            let next = phys.get(i + 1).map(|p| p.1);
            if continued(cur, next) {
                let body = cur[skip..71].trim_end();
                sl.text.push_str(body);
                i += 1;
                let (noff, nline) = phys[i];
                sl.pieces.push((sl.text.len(), noff + 15));
                cur = nline;
                cur_off = noff;
                skip = 15;
            } else {
                sl.text.push_str(&cur[skip..]);
                break;
            }
        }
        let _ = cur_off;
        out.push(sl);
        i += 1;
    }
    out
}
