//! Bounded output text. What a guest prints is kept as a tail of fixed size ([`KEEP`]),
//! together with its absolute position (bytes printed before it), so host memory stays
//! flat however much a guest writes, and a consumer that reads the output as it grows
//! (the headless scenario player) can take each new byte exactly once by position.
//!
//! ```text
//!   absolute position:  0 ........... start ................ end
//!                       |  dropped    |  kept (<= KEEP bytes) |
//! ```

/// How much of its output a printing terminal keeps in memory: the last 64 KiB (about
/// 800 full 80-column lines, far more than any pane or failure report shows). When more
/// comes, the oldest part is dropped down to three quarters of this, at the start of a
/// line where one is near, so trimming costs a constant per byte printed. The text's
/// allocation is given back when it passes four times this, so after every write a
/// terminal holds at most 256 KiB of host memory.
pub const KEEP: usize = 64 * 1024;

/// A look at kept output: the text and where it stands in everything ever printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Transcript<'a> {
    /// Absolute position of the first kept byte (the number of bytes dropped).
    pub start: u64,
    /// The kept text.
    pub text: &'a str,
}

impl<'a> Transcript<'a> {
    /// A transcript that keeps everything (nothing was dropped).
    pub fn whole(text: &'a str) -> Self {
        Transcript { start: 0, text }
    }

    /// Absolute position just past the last byte: everything ever printed.
    pub fn end(&self) -> u64 {
        self.start + self.text.len() as u64
    }

    /// The kept text from absolute position `pos` on, and how many bytes from `pos` up
    /// to the first kept one are lost (0 when `pos` is still kept). A position inside a
    /// character counts from the start of that character; one past the end gives "".
    pub fn since(&self, pos: u64) -> (&'a str, u64) {
        if pos < self.start {
            return (self.text, self.start - pos);
        }
        let mut i = (pos - self.start).min(self.text.len() as u64) as usize;
        while !self.text.is_char_boundary(i) {
            i -= 1;
        }
        (&self.text[i..], 0)
    }
}

/// Output text with a bounded tail kept (see [`KEEP`]).
#[derive(Clone, Debug)]
pub struct TextTail {
    text: String,
    start: u64,
    keep: usize,
}

impl Default for TextTail {
    fn default() -> Self {
        Self::new(KEEP)
    }
}

impl TextTail {
    /// Keep at most `keep` bytes (at least 16).
    pub fn new(keep: usize) -> Self {
        TextTail {
            text: String::new(),
            start: 0,
            keep: keep.max(16),
        }
    }

    pub fn push(&mut self, c: char) {
        self.text.push(c);
        self.trim();
    }

    pub fn push_str(&mut self, s: &str) {
        self.text.push_str(s);
        self.trim();
    }

    /// The kept text and its position.
    pub fn view(&self) -> Transcript<'_> {
        Transcript {
            start: self.start,
            text: &self.text,
        }
    }

    /// Bytes of host memory the kept text holds (its allocation).
    pub fn capacity(&self) -> usize {
        self.text.capacity()
    }

    /// Over the bound: drop the oldest text down to three quarters of it, cutting at the
    /// first line start in the next quarter if there is one, else inside the line.
    fn trim(&mut self) {
        if self.text.len() <= self.keep {
            return;
        }
        let mut cut = self.text.len() - (self.keep - self.keep / 4);
        while !self.text.is_char_boundary(cut) {
            cut += 1;
        }
        let near = (cut + self.keep / 4).min(self.text.len());
        if let Some(p) = self.text.as_bytes()[cut..near]
            .iter()
            .position(|&b| b == b'\n')
        {
            cut += p + 1;
        }
        self.text.drain(..cut);
        self.start += cut as u64;
        // A single huge write may have grown the allocation far past the bound.
        if self.text.capacity() > 4 * self.keep {
            self.text.shrink_to(2 * self.keep);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_a_bounded_tail_with_positions() {
        let mut t = TextTail::new(1000);
        let mut total = 0u64;
        for i in 0..10_000 {
            let line = format!("LINE {i}\n");
            total += line.len() as u64;
            t.push_str(&line);
            assert!(t.view().text.len() <= 1000);
        }
        let v = t.view();
        assert_eq!(v.end(), total);
        assert!(v.text.len() >= 500, "{}", v.text.len());
        assert!(v.text.starts_with("LINE "), "cut at a line start");
        assert!(v.text.ends_with("LINE 9998\nLINE 9999\n"));
        assert!(t.capacity() <= 4 * 1000);
    }

    #[test]
    fn one_endless_line_is_cut_inside_on_char_boundaries() {
        let mut t = TextTail::new(100);
        for _ in 0..1000 {
            t.push('¢'); // two bytes in UTF-8
            t.push('x');
        }
        let v = t.view();
        assert_eq!(v.end(), 3000);
        assert!(v.text.len() <= 100);
        assert!(v.text.ends_with("¢x"));
        // A huge single write is trimmed and its allocation given back.
        t.push_str(&"y".repeat(1 << 20));
        assert!(t.view().text.len() <= 100);
        assert!(t.capacity() <= 400, "{}", t.capacity());
        assert_eq!(t.view().end(), 3000 + (1 << 20));
    }

    #[test]
    fn since_takes_new_text_and_counts_what_was_lost() {
        let v = Transcript {
            start: 10,
            text: "ab¢cd",
        };
        assert_eq!(v.end(), 16);
        assert_eq!(v.since(4), ("ab¢cd", 6));
        assert_eq!(v.since(10), ("ab¢cd", 0));
        assert_eq!(v.since(12), ("¢cd", 0));
        assert_eq!(v.since(13), ("¢cd", 0), "inside a character");
        assert_eq!(v.since(16), ("", 0));
        assert_eq!(v.since(99), ("", 0));
        assert_eq!(Transcript::whole("x").since(0), ("x", 0));
    }
}
