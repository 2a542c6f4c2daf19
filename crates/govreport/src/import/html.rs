//! HTML pages as portals publish them: Word-made pages (`<o:p>`, `&nbsp;`, `mso-` styles),
//! layout tables around the report, tables with rowspan and colspan. Parsed with html5ever
//! (through scraper); the page becomes lines of text and table rows.

use scraper::{ElementRef, Html, Node};

use super::Line;
use super::findings::Pos;

/// Elements whose content is never part of the report.
const SKIP: &[&str] =
    &["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "select", "option", "button", "input", "textarea", "map", "head"];

/// Elements that start and end a block of text.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "blockquote",
    "center",
    "form",
    "fieldset",
    "address",
    "figure",
    "figcaption",
    "hr",
    "body",
    "html",
    "caption",
    "tr",
    "td",
    "th",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "legend",
    "summary",
    "details",
];

/// Deeper than this the page is not a report (and recursion must stop somewhere).
const MAX_DEPTH: usize = 200;

/// A cell with more text than this is prose laid out in a table, not a figure or a label.
const PROSE_CELL_CHARS: usize = 300;

struct Walker {
    out: Vec<Line>,
    buf: String,
    paragraphs: usize,
    tables: usize,
    pre: usize,
}

fn name<'a>(el: &ElementRef<'a>) -> &'a str {
    el.value().name()
}

fn hidden(el: &ElementRef) -> bool {
    el.value().attr("style").is_some_and(|s| {
        // Most elements of a Word page have a style; few hide anything.
        let quick = ["one", "ONE", "idden", "IDDEN"].iter().any(|w| s.contains(w));
        quick && {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        }
    }) || el.value().attr("hidden").is_some()
}

/// Appends text the way a browser shows it: runs of white space become one space.
fn push_text(buf: &mut String, text: &str) {
    for c in text.chars() {
        let c = if c == '\u{00A0}' { ' ' } else { c };
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{000C}') {
            if !buf.ends_with(' ') && !buf.is_empty() {
                buf.push(' ');
            }
        } else {
            buf.push(c);
        }
    }
}

impl Walker {
    fn flush(&mut self) {
        let text = self.buf.trim().to_string();
        self.buf.clear();
        if !text.is_empty() {
            self.paragraphs += 1;
            self.out.push(Line::text(Pos::Paragraph(self.paragraphs), text));
        }
    }

    fn walk(&mut self, el: ElementRef, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        let n = name(&el);
        if SKIP.contains(&n) || hidden(&el) {
            return;
        }
        if n == "br" {
            self.flush();
            return;
        }
        if n == "table" {
            self.flush();
            self.table(el, depth);
            return;
        }
        let block = BLOCK.contains(&n);
        if block {
            self.flush();
        }
        if n == "pre" {
            self.pre += 1;
        }
        for child in el.children() {
            match child.value() {
                Node::Text(t) => {
                    if self.pre > 0 {
                        let mut first = true;
                        for part in t.split('\n') {
                            if !first {
                                self.flush();
                            }
                            first = false;
                            push_text(&mut self.buf, part);
                        }
                    } else {
                        push_text(&mut self.buf, t);
                    }
                }
                Node::Element(_) => {
                    if let Some(c) = ElementRef::wrap(child) {
                        self.walk(c, depth + 1);
                    }
                }
                _ => {}
            }
        }
        if n == "pre" {
            self.pre -= 1;
        }
        if block {
            self.flush();
        }
    }

    /// A table: figures and labels in rows, or a layout table whose cells hold the page.
    fn table(&mut self, table: ElementRef, depth: usize) {
        let rows = rows_of(table);
        let cells: Vec<Vec<ElementRef>> = rows.iter().map(|r| cells_of(*r)).collect();
        // A table with tables inside is layout: its cells are read as blocks, once.
        let nested = table.descendent_elements().skip(1).any(|e| name(&e) == "table");
        let texts: Vec<Vec<String>> = if nested { vec![] } else { cells.iter().map(|r| r.iter().map(|c| cell_text(*c, depth)).collect()).collect() };
        let prose = texts.iter().flatten().any(|t| t.chars().count() > PROSE_CELL_CHARS);
        let single_column = texts.iter().all(|r| r.iter().filter(|t| !t.trim().is_empty()).count() <= 1);
        if nested || prose || single_column {
            for row in &cells {
                for c in row {
                    self.walk(*c, depth + 1);
                    self.flush();
                }
            }
            return;
        }
        self.tables += 1;
        for (i, row) in texts.into_iter().enumerate() {
            // A row of empty cells is kept: under column headings it is a row of blank figures.
            if row.is_empty() {
                continue;
            }
            self.out.push(Line::row(Pos::Row { table: self.tables, row: i + 1 }, row));
        }
    }
}

/// The rows of a table (not of tables inside it).
fn rows_of(table: ElementRef) -> Vec<ElementRef> {
    let mut rows = vec![];
    for c in table.child_elements() {
        match name(&c) {
            "tr" => rows.push(c),
            "thead" | "tbody" | "tfoot" => rows.extend(c.child_elements().filter(|r| name(r) == "tr")),
            _ => {}
        }
    }
    rows
}

fn cells_of(row: ElementRef) -> Vec<ElementRef> {
    row.child_elements().filter(|c| matches!(name(c), "td" | "th") && !hidden(c)).collect()
}

/// The text of a cell: its paragraphs on separate lines, white space collapsed in each.
fn cell_text(cell: ElementRef, depth: usize) -> String {
    let mut w = Walker { out: vec![], buf: String::new(), paragraphs: 0, tables: 0, pre: 0 };
    for child in cell.children() {
        match child.value() {
            Node::Text(t) => push_text(&mut w.buf, t),
            Node::Element(_) => {
                if let Some(c) = ElementRef::wrap(child) {
                    w.walk(c, depth + 1);
                }
            }
            _ => {}
        }
    }
    w.flush();
    w.out.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n")
}

/// Pages nested deeper than this are not parsed as HTML: html5ever's tree builder takes time
/// quadratic in the depth of open elements, and no report page comes near it.
const MAX_PARSE_DEPTH: usize = 512;

/// Elements that never hold others, or whose end the parser implies: they do not deepen.
const SHALLOW: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p", "li", "td", "th", "tr", "option", "dt",
    "dd",
];

/// Elements that never have content: `<br>`, `<img>` … (a `/>` closes nothing else in HTML).
const VOID: &[&str] = &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// How deeply the elements of a page nest, judged from its tags alone, as an HTML parser would
/// open and close them: `<div/>` opens a div (only void elements close themselves), and an end
/// tag closes something only when an element of its name is open. Linear time: each element
/// is opened and closed once, and unmatched end tags are found by a count per name.
fn tag_depth(html: &str) -> usize {
    let b = html.as_bytes();
    let (mut max, mut i) = (0usize, 0usize);
    let mut stack: Vec<String> = Vec::new();
    let mut open: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    while let Some(lt) = b[i..].iter().position(|&c| c == b'<').map(|p| p + i) {
        let rest = &b[lt + 1..];
        if rest.starts_with(b"!--") {
            i = find_from(b, lt + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let end_tag = rest.first() == Some(&b'/');
        let rest = if end_tag { &rest[1..] } else { rest };
        let name_len = rest.iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b':').count();
        if name_len == 0 {
            i = lt + 1;
            continue;
        }
        let name = String::from_utf8_lossy(&rest[..name_len]).to_ascii_lowercase();
        let close = find_from(b, lt, b">").unwrap_or(b.len() - 1);
        if end_tag {
            if open.get(&name).is_some_and(|n| *n > 0) {
                while let Some(top) = stack.pop() {
                    if let Some(n) = open.get_mut(&top) {
                        *n -= 1;
                    }
                    if top == name {
                        break;
                    }
                }
            }
            i = close + 1;
            continue;
        }
        if name == "script" || name == "style" {
            i = find_from(b, close, format!("</{name}").as_bytes()).unwrap_or(b.len());
            continue;
        }
        if !VOID.contains(&name.as_str()) && !SHALLOW.contains(&name.as_str()) {
            *open.entry(name.clone()).or_default() += 1;
            stack.push(name);
            max = max.max(stack.len());
        }
        i = close + 1;
    }
    max
}

fn find_from(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from >= hay.len() {
        return None;
    }
    hay[from..].windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle)).map(|p| p + from)
}

/// A page too deeply nested to parse, read as text: tags dropped, blocks on lines of their own.
fn lines_without_parsing(html: &str) -> (Vec<Line>, Option<String>) {
    let mut text = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        let tag_end = rest[lt..].find('>').map_or(rest.len(), |e| lt + e + 1);
        let tag = rest[lt..tag_end].to_ascii_lowercase();
        let name: String = tag.trim_start_matches(['<', '/']).chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        if BLOCK.contains(&name.as_str()) || name == "br" {
            text.push('\n');
        }
        rest = &rest[tag_end..];
    }
    text.push_str(rest);
    let text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    let lines = super::pasted::lines(&text).into_iter().enumerate().map(|(i, l)| Line { pos: Pos::Paragraph(i + 1), ..l }).collect();
    (lines, None)
}

/// The lines of an HTML page, and the text of its `<title>`.
pub fn lines(html: &str) -> (Vec<Line>, Option<String>) {
    if tag_depth(html) > MAX_PARSE_DEPTH {
        return lines_without_parsing(html);
    }
    let doc = Html::parse_document(html);
    let title = doc.root_element().descendent_elements().find(|e| name(e) == "title").map(|t| {
        let mut s = String::new();
        push_text(&mut s, &t.text().collect::<String>());
        s.trim().to_string()
    });
    let mut w = Walker { out: vec![], buf: String::new(), paragraphs: 0, tables: 0, pre: 0 };
    w.walk(doc.root_element(), 0);
    w.flush();
    (w.out, title.filter(|t| !t.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_of_tags() {
        assert_eq!(tag_depth("<html><body><div><p>a<p>b</div></body></html>"), 3);
        assert_eq!(tag_depth("<div><br><img src=x/><!-- <div><div> --><script>if (a<b) {}</script></div>"), 1);
        assert_eq!(tag_depth(&"<div>".repeat(1000)), 1000);
        let (lines, _) = lines(&format!("{}某局2023年政府信息公开工作年度报告<br>一、总体情况{}", "<div>".repeat(1000), "</div>".repeat(1000)));
        assert_eq!(lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(), vec!["某局2023年政府信息公开工作年度报告", "一、总体情况"]);
    }
}
