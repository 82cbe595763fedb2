//! A self-contained web page of a scenario's transcript, for a course website: one
//! file, its style inline, no scripts, fonts or images from anywhere; every piece of
//! text HTML-escaped (a guest decides what its terminal prints).
//!
//! The page is made from the headless transcript's lines: `== name` (a Marker) becomes
//! a chapter with a heading and an entry in the contents, `-- text` a caption, `.. text`
//! a note (Pause, Speed, Highlight), and each run of lines from one terminal (`0 | ...`,
//! `OP| ...`) a block in that terminal's colour, headed with its number and address.

use crate::scenario::Scenario;
use crate::scenario::player::Failure;
use crate::sysgen::System;

/// The terminals' names for the page: user terminals by number, then the operator's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Labels {
    /// Device address of each user terminal.
    pub terminals: Vec<u16>,
    pub operator: u16,
}

impl Labels {
    pub fn of(sys: &System) -> Labels {
        Labels {
            terminals: sys.terminals.clone(),
            operator: sys.operator,
        }
    }

    fn name(&self, who: Who) -> String {
        match who {
            Who::Operator => format!("operator's console {:03X}", self.operator),
            Who::Terminal(k) => match self.terminals.get(k) {
                Some(d) => format!("terminal {k} ({d:03X})"),
                None => format!("terminal {k}"),
            },
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Terminal(usize),
    Operator,
}

/// What one transcript line is.
#[derive(Debug, PartialEq, Eq)]
enum Line<'a> {
    Chapter(&'a str),
    Caption(&'a str),
    Note(&'a str),
    Output(Who, &'a str),
}

fn classify(l: &str) -> Line<'_> {
    if let Some(t) = l.strip_prefix("== ") {
        return Line::Chapter(t);
    }
    if let Some(t) = l.strip_prefix("-- ") {
        return Line::Caption(t);
    }
    if let Some(t) = l.strip_prefix(".. ") {
        return Line::Note(t);
    }
    if let Some(t) = l.strip_prefix("OP| ") {
        return Line::Output(Who::Operator, t);
    }
    // `0 | text`, `12| text`.
    if let (Some(head), Some(t)) = (l.get(..2), l.get(4..))
        && l.get(2..4) == Some("| ")
        && let Ok(k) = head.trim_end().parse::<usize>()
    {
        return Line::Output(Who::Terminal(k), t);
    }
    Line::Note(l)
}

/// `s` with `& < > " '` as HTML entities.
pub fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c if c.is_control() && c != '\t' => o.push('\u{FFFD}'),
            c => o.push(c),
        }
    }
    o
}

const STYLE: &str = "
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; color: #1d1d1f; background: #fcfcf8; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
.about { color: #555; font-size: 0.9rem; }
nav ol { padding-left: 1.5rem; }
p.caption { font-weight: 600; margin: 1rem 0 0.4rem; }
p.note { color: #666; font-style: italic; font-size: 0.85rem; margin: 0.3rem 0; }
p.failure { color: #fff; background: #b00020; padding: 0.5rem; white-space: pre-wrap;
            font-family: ui-monospace, monospace; }
figure { margin: 0.4rem 0 0.8rem; }
figcaption { font-size: 0.75rem; color: #444; font-family: ui-monospace, monospace; }
pre { margin: 0; padding: 0.4rem 0.6rem; overflow-x: auto; background: #f3f1e8;
      border-left: 4px solid #888; font-family: ui-monospace, 'Courier New', monospace;
      font-size: 0.85rem; white-space: pre; }
.t0 pre { border-color: #1f77b4; } .t1 pre { border-color: #2ca02c; }
.t2 pre { border-color: #d62728; } .t3 pre { border-color: #9467bd; }
.t4 pre { border-color: #8c564b; } .t5 pre { border-color: #e377c2; }
.t6 pre { border-color: #17becf; } .t7 pre { border-color: #bcbd22; }
.op pre { border-color: #555; background: #ecebe4; }
";

/// The page for a run of `s` that printed `lines` (and ended with `failure`, if so).
pub fn page(s: &Scenario, labels: &Labels, lines: &[String], failure: Option<&Failure>) -> String {
    let mut body = String::new();
    let mut chapters: Vec<String> = Vec::new();
    // The terminal whose block is open, if any.
    let mut open: Option<Who> = None;
    let close = |body: &mut String, open: &mut Option<Who>| {
        if open.take().is_some() {
            body.push_str("</pre></figure>\n");
        }
    };
    for l in lines {
        match classify(l) {
            Line::Output(who, text) => {
                if open != Some(who) {
                    close(&mut body, &mut open);
                    let class = match who {
                        Who::Operator => "op".to_string(),
                        Who::Terminal(k) => format!("t{}", k % 8),
                    };
                    body.push_str(&format!(
                        "<figure class=\"{class}\"><figcaption>{}</figcaption><pre>",
                        escape(&labels.name(who))
                    ));
                    open = Some(who);
                } else {
                    body.push('\n');
                }
                body.push_str(&escape(text));
            }
            Line::Chapter(name) => {
                close(&mut body, &mut open);
                chapters.push(name.to_string());
                body.push_str(&format!(
                    "<h2 id=\"chapter-{}\">{}</h2>\n",
                    chapters.len(),
                    escape(name)
                ));
            }
            Line::Caption(text) => {
                close(&mut body, &mut open);
                body.push_str(&format!("<p class=\"caption\">{}</p>\n", escape(text)));
            }
            Line::Note(text) => {
                close(&mut body, &mut open);
                body.push_str(&format!("<p class=\"note\">{}</p>\n", escape(text)));
            }
        }
    }
    close(&mut body, &mut open);
    if let Some(f) = failure {
        body.push_str(&format!(
            "<p class=\"failure\">{}</p>\n",
            escape(&f.to_string())
        ));
    }
    let mut nav = String::new();
    if !chapters.is_empty() {
        nav.push_str("<nav><ol>\n");
        for (i, c) in chapters.iter().enumerate() {
            nav.push_str(&format!(
                "<li><a href=\"#chapter-{}\">{}</a></li>\n",
                i + 1,
                escape(c)
            ));
        }
        nav.push_str("</ol></nav>\n");
    }
    let title = escape(&s.title);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>{title}</h1>\n<p class=\"about\">A System/370 running CP and CMS, played by \
         cpcms from {}: what every terminal showed, in order, with the scenario's captions. \
         Times are virtual: the same scenario gives the same page.</p>\n{nav}{body}\
         </body>\n</html>\n",
        // The file's name only: where it lay on the machine that made the page is no
        // business of the page's readers, and the page is the same from any directory.
        escape(
            &std::path::Path::new(&s.file)
                .file_name()
                .map_or(s.file.clone(), |n| n.to_string_lossy().into_owned())
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_told_apart() {
        assert_eq!(classify("== Trap"), Line::Chapter("Trap"));
        assert_eq!(classify("-- A caption"), Line::Caption("A caption"));
        assert_eq!(classify(".. Pause"), Line::Note("Pause"));
        assert_eq!(classify("OP| CP"), Line::Output(Who::Operator, "CP"));
        assert_eq!(classify("0 | R;"), Line::Output(Who::Terminal(0), "R;"));
        assert_eq!(classify("12| "), Line::Output(Who::Terminal(12), ""));
        assert_eq!(classify("x"), Line::Note("x"));
        assert_eq!(classify("é| x"), Line::Note("é| x"));
    }

    #[test]
    fn escaping() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>\x1b"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;\u{FFFD}"
        );
    }

    #[test]
    fn a_page_of_chapters_captions_and_terminals() {
        let s = Scenario::parse(
            "some/dir/a<b>.ron",
            "(title: \"Fish & <chips>\", users: [(id: \"A\", password: \"A\")], steps: [])",
        )
        .unwrap();
        let labels = Labels {
            terminals: vec![0x20],
            operator: 0x09,
        };
        let lines: Vec<String> = [
            "OP| CP IPL COMPLETE",
            "== One & two",
            "-- ALICE <logs on>",
            "0 | LOGON ALICE",
            "0 | </pre><script>x</script>",
            ".. Pause: wait",
            "OP| LOGON AS ALICE",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let p = page(&s, &labels, &lines, None);
        assert!(p.starts_with("<!DOCTYPE html>"));
        assert!(p.contains("<title>Fish &amp; &lt;chips&gt;</title>"));
        assert!(p.contains("from a&lt;b&gt;.ron:"), "the name only");
        assert!(p.contains("<li><a href=\"#chapter-1\">One &amp; two</a></li>"));
        assert!(p.contains("<h2 id=\"chapter-1\">One &amp; two</h2>"));
        assert!(p.contains("<p class=\"caption\">ALICE &lt;logs on&gt;</p>"));
        assert!(p.contains(
            "<figure class=\"t0\"><figcaption>terminal 0 (020)</figcaption><pre>LOGON ALICE\n\
             &lt;/pre&gt;&lt;script&gt;x&lt;/script&gt;</pre></figure>"
        ));
        assert!(p.contains(
            "<figcaption>operator&#39;s console 009</figcaption><pre>CP IPL COMPLETE</pre>"
        ));
        assert!(p.contains("<p class=\"note\">Pause: wait</p>"));
        // Self-contained: nothing fetched from anywhere.
        for outside in [
            "http:", "https:", "src=", "<link", "<script", "@import", "url(",
        ] {
            assert!(!p.contains(outside), "{outside}");
        }
    }
}
