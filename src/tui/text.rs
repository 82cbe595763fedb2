//! Text in panes: a typewriter's hard wrap, and which rows a pane shows.

/// `text` wrapped at `width` characters (hard wrap, as a typewriter does), each row
/// with the byte offset in `text` where it starts. Control characters print nothing; a
/// trailing newline does not make an empty last row.
pub fn wrap_rows(text: &str, width: usize) -> Vec<(usize, String)> {
    let mut rows = Vec::new();
    if width == 0 {
        return rows;
    }
    let body = text.strip_suffix('\n').unwrap_or(text);
    if body.is_empty() {
        return rows;
    }
    let mut at = 0;
    for line in body.split('\n') {
        let mut row = String::new();
        let mut row_at = at;
        let mut n = 0;
        for (o, c) in line.char_indices() {
            if c.is_control() {
                continue;
            }
            if n == width {
                rows.push((row_at, std::mem::take(&mut row)));
                row_at = at + o;
                n = 0;
            }
            row.push(c);
            n += 1;
        }
        rows.push((row_at, row));
        at += line.len() + 1;
    }
    rows
}

/// The index of the row that holds absolute position `pos` (the first row when `pos`
/// is no longer kept); `start` is the absolute position of the text's first byte.
pub(super) fn row_at(rows: &[(usize, String)], start: u64, pos: u64) -> usize {
    let off = pos.saturating_sub(start);
    rows.partition_point(|r| r.0 as u64 <= off)
        .saturating_sub(1)
}

/// What a pane `width` x `height` shows of `text` (whose first byte is at absolute
/// position `start`): the newest rows, or with `anchor` the page whose top row holds
/// that position (never past the newest page); and how many rows are below it.
pub fn view(
    text: &str,
    start: u64,
    width: usize,
    height: usize,
    anchor: Option<u64>,
) -> (Vec<String>, usize) {
    let Some(pos) = anchor else {
        return (wrap_tail(text, width, height), 0);
    };
    let rows = wrap_rows(text, width);
    let last_top = rows.len().saturating_sub(height);
    let top = row_at(&rows, start, pos).min(last_top);
    let end = (top + height).min(rows.len());
    let below = rows.len() - end;
    (rows[top..end].iter().map(|r| r.1.clone()).collect(), below)
}

/// The last `height` rows of `text` wrapped at `width` characters (hard wrap, as a
/// typewriter does). A trailing newline does not make an empty last row.
pub fn wrap_tail(text: &str, width: usize, height: usize) -> Vec<String> {
    if width == 0 || height == 0 {
        return Vec::new();
    }
    let body = text.strip_suffix('\n').unwrap_or(text);
    let mut rows: Vec<String> = Vec::new();
    // Walk lines from the end, so huge transcripts cost only what is shown.
    for line in body.rsplit('\n') {
        let chars: Vec<char> = line.chars().filter(|c| !c.is_control()).collect();
        let mut chunks: Vec<String> = if chars.is_empty() {
            vec![String::new()]
        } else {
            chars.chunks(width).map(|c| c.iter().collect()).collect()
        };
        while let Some(c) = chunks.pop() {
            rows.push(c);
            if rows.len() == height {
                rows.reverse();
                return rows;
            }
        }
    }
    if body.is_empty() {
        rows.clear();
    }
    rows.reverse();
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap() {
        assert_eq!(wrap_tail("", 10, 3), Vec::<String>::new());
        assert_eq!(wrap_tail("abc\n", 10, 3), vec!["abc"]);
        assert_eq!(wrap_tail("a\nb\nc\nd\n", 10, 2), vec!["c", "d"]);
        assert_eq!(wrap_tail("abcdefg", 3, 5), vec!["abc", "def", "g"]);
        assert_eq!(wrap_tail("abcdefg", 3, 2), vec!["def", "g"]);
        assert_eq!(wrap_tail("x\n\ny", 3, 5), vec!["x", "", "y"]);
        assert_eq!(wrap_tail("abc", 0, 5), Vec::<String>::new());
        assert_eq!(wrap_tail("a\tb", 5, 1), vec!["ab"]);
    }

    #[test]
    fn rows_know_where_they_start() {
        let r = |t: &str, w| -> Vec<(usize, String)> { wrap_rows(t, w) };
        assert!(r("", 5).is_empty());
        assert!(r("abc", 0).is_empty());
        assert_eq!(
            r("abcdefg\n\nhi\n", 3),
            vec![
                (0, "abc".into()),
                (3, "def".into()),
                (6, "g".into()),
                (8, "".into()),
                (9, "hi".into())
            ]
        );
        // Offsets are bytes; control characters take none of the width.
        assert_eq!(
            r("¢¢\t¢x\ny", 2),
            vec![(0, "¢¢".into()), (5, "¢x".into()), (9, "y".into())]
        );
        // The same rows as the tail, whatever the width.
        let t = "LOGON ALICE\nCMS VERSION 6.0 (CPCMS)\n\nR; T=0.00/0.04\n";
        for w in 1..30 {
            let all: Vec<String> = r(t, w).into_iter().map(|x| x.1).collect();
            assert_eq!(all, wrap_tail(t, w, 1000), "width {w}");
        }
    }

    #[test]
    fn a_view_holds_its_anchor() {
        let t: String = (0..10).map(|i| format!("L{i}\n")).collect();
        assert_eq!(
            view(&t, 0, 5, 3, None),
            (vec!["L7".into(), "L8".into(), "L9".into()], 0)
        );
        // Anchored at L2 (offset 6), or inside it: L2 at the top, 5 rows below.
        for p in 6..9 {
            assert_eq!(view(&t, 0, 5, 3, Some(p)).0[0], "L2");
            assert_eq!(view(&t, 0, 5, 3, Some(p)).1, 5);
        }
        // Positions count from the first byte ever printed.
        assert_eq!(view(&t, 1000, 5, 3, Some(1006)).0[0], "L2");
        // Dropped text: the oldest kept row; past the end: the newest page.
        assert_eq!(view(&t, 1000, 5, 3, Some(3)).0[0], "L0");
        assert_eq!(view(&t, 0, 5, 3, Some(99)).0, vec!["L7", "L8", "L9"]);
        assert_eq!(view("", 0, 5, 3, Some(0)), (vec![], 0));
    }
}
