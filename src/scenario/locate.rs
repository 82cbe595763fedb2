//! Where things are in a RON source: a small structural walk over text that `ron` has
//! already accepted, recording the line and column of every value, so that semantic
//! errors ("user storage must be a multiple of 64K") can point at the offending value.

/// 1-based line and column (columns count characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

/// A value's position and, for structs/tuples/lists, its parts.
#[derive(Clone, Debug, Default)]
pub struct Node {
    pub pos: Pos,
    /// Named fields: `name: value` inside `( )`.
    pub fields: Vec<(String, Node)>,
    /// Unnamed elements: tuple and list items, enum variant contents like `Caption("x")`.
    pub items: Vec<Node>,
}

impl Node {
    pub fn field(&self, name: &str) -> Option<&Node> {
        self.fields.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }
    pub fn item(&self, i: usize) -> Option<&Node> {
        self.items.get(i)
    }
}

/// Walk `src` and return the tree of the top-level value (best effort: on text the walk
/// does not understand it stops, keeping what it found).
pub fn locate(src: &str) -> Node {
    let mut w = Walker {
        chars: src.chars().collect(),
        i: 0,
        line: 1,
        col: 1,
    };
    w.skip_ws();
    // `#![enable(...)]` attributes
    while w.peek() == Some('#') {
        w.skip_until(']');
        w.bump();
        w.skip_ws();
    }
    w.value(0)
}

struct Walker {
    chars: Vec<char>,
    i: usize,
    line: usize,
    col: usize,
}

impl Walker {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).copied()
    }
    fn peek_at(&self, k: usize) -> Option<char> {
        self.chars.get(self.i + k).copied()
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }
    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            col: self.col,
        }
    }
    fn skip_until(&mut self, end: char) {
        while let Some(c) = self.peek() {
            if c == end {
                return;
            }
            self.bump();
        }
    }
    fn skip_ws(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(c), _) if c.is_whitespace() => {
                    self.bump();
                }
                (Some('/'), Some('/')) => self.skip_until('\n'),
                (Some('/'), Some('*')) => {
                    // RON block comments nest
                    self.bump();
                    self.bump();
                    let mut depth = 1;
                    while depth > 0 {
                        match (self.peek(), self.peek_at(1)) {
                            (None, _) => return,
                            (Some('*'), Some('/')) => {
                                depth -= 1;
                                self.bump();
                                self.bump();
                            }
                            (Some('/'), Some('*')) => {
                                depth += 1;
                                self.bump();
                                self.bump();
                            }
                            _ => {
                                self.bump();
                            }
                        }
                    }
                }
                _ => return,
            }
        }
    }
    fn ident(&mut self) -> String {
        let mut s = String::new();
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || c == '_' {
                s.push(c);
                self.bump();
            } else {
                break;
            }
        }
        s
    }
    fn string(&mut self) {
        // at '"'
        self.bump();
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                '"' => return,
                _ => {}
            }
        }
    }
    fn raw_string(&mut self) {
        // at 'r'
        self.bump();
        let mut hashes = 0;
        while self.peek() == Some('#') {
            hashes += 1;
            self.bump();
        }
        self.bump(); // '"'
        while let Some(c) = self.bump() {
            if c == '"' && (0..hashes).all(|k| self.peek_at(k) == Some('#')) {
                for _ in 0..hashes {
                    self.bump();
                }
                return;
            }
        }
    }
    fn value(&mut self, depth: usize) -> Node {
        self.skip_ws();
        let mut node = Node {
            pos: self.pos(),
            ..Node::default()
        };
        if depth > 64 {
            return node;
        }
        match self.peek() {
            Some('"') => self.string(),
            Some('\'') => {
                self.bump();
                if self.peek() == Some('\\') {
                    self.bump();
                }
                self.bump();
                self.bump();
            }
            Some('r') if matches!(self.peek_at(1), Some('"' | '#')) => self.raw_string(),
            Some('b') if self.peek_at(1) == Some('"') => {
                self.bump();
                self.string();
            }
            Some('(') => self.seq(')', depth, &mut node),
            Some('[') => self.seq(']', depth, &mut node),
            Some('{') => self.seq('}', depth, &mut node),
            Some(c) if c.is_alphabetic() || c == '_' => {
                self.ident();
                self.skip_ws();
                if self.peek() == Some('(') {
                    self.seq(')', depth, &mut node);
                }
            }
            Some(_) => {
                // number or other scalar
                while let Some(c) = self.peek() {
                    if c.is_whitespace() || matches!(c, ',' | ')' | ']' | '}' | ':') {
                        break;
                    }
                    self.bump();
                }
            }
            None => {}
        }
        node
    }
    /// Elements of `( )`, `[ ]` or `{ }`, starting at the opening bracket.
    fn seq(&mut self, close: char, depth: usize, node: &mut Node) {
        self.bump();
        loop {
            self.skip_ws();
            match self.peek() {
                None => return,
                Some(c) if c == close => {
                    self.bump();
                    return;
                }
                Some(',') => {
                    self.bump();
                    continue;
                }
                _ => {}
            }
            let start = self.i;
            // `name: value` ?
            if close == ')' && self.peek().is_some_and(|c| c.is_alphabetic() || c == '_') {
                let save = (self.i, self.line, self.col);
                let name = self.ident();
                self.skip_ws();
                if self.peek() == Some(':') {
                    self.bump();
                    let v = self.value(depth + 1);
                    node.fields.push((name, v));
                    continue;
                }
                (self.i, self.line, self.col) = save;
            }
            if close == '}' {
                // map: key: value; record the values as items
                self.value(depth + 1);
                self.skip_ws();
                if self.peek() == Some(':') {
                    self.bump();
                }
            }
            let v = self.value(depth + 1);
            node.items.push(v);
            if self.i == start {
                // not understood: stop rather than loop
                self.bump();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_fields_and_items() {
        let src = "// comment\nScenario(\n  title: \"a, (b)\",\n  users: [ (id: \"X\"), /* c */ (id: r#\"Y\"#) ],\n  steps: [Caption(\"hi\"), Type(terminal: 1, text: \"\")],\n)";
        let n = locate(src);
        assert_eq!(n.pos, Pos { line: 2, col: 1 });
        assert_eq!(n.field("title").unwrap().pos, Pos { line: 3, col: 10 });
        let users = n.field("users").unwrap();
        assert_eq!(users.items.len(), 2);
        assert_eq!(
            users.item(1).unwrap().field("id").unwrap().pos,
            Pos { line: 4, col: 36 }
        );
        let steps = n.field("steps").unwrap();
        assert_eq!(
            steps.item(0).unwrap().item(0).unwrap().pos,
            Pos { line: 5, col: 19 }
        );
        assert_eq!(
            steps.item(1).unwrap().field("terminal").unwrap().pos,
            Pos { line: 5, col: 41 }
        );
    }

    #[test]
    fn never_hangs_on_odd_text() {
        for s in [
            "",
            "(",
            "[,,,",
            "X(a: ",
            "{1: 2, 3:}",
            "\"unterminated",
            "r#\"x",
            "(((",
            ")))",
            "'",
        ] {
            let _ = locate(s);
        }
    }
}
