//! HTML pages as portals publish them: Word-made pages (`<o:p>`, `&nbsp;`, `mso-` styles),
//! layout tables around the report, tables with rowspan and colspan. Parsed with html5ever
//! into the tree of [`super::dom`]; the page becomes lines of text and table rows.

use rustc_hash::FxHashSet as HashSet;

use super::dom::{Data, Dom, Element, Id};

use super::Line;
use super::findings::Pos;

/// Elements whose content is never part of the report.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "iframe"
            | "object"
            | "embed"
            | "svg"
            | "select"
            | "option"
            | "button"
            | "input"
            | "textarea"
            | "map"
            | "head"
    )
}

/// Elements that start and end a block of text.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "main"
            | "blockquote"
            | "center"
            | "form"
            | "fieldset"
            | "address"
            | "figure"
            | "figcaption"
            | "hr"
            | "body"
            | "html"
            | "caption"
            | "tr"
            | "td"
            | "th"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "legend"
            | "summary"
            | "details"
    )
}

/// A cell with more text than this is prose laid out in a table, not a figure or a label.
const PROSE_CELL_CHARS: usize = 300;

struct Walker {
    out: Vec<Line>,
    buf: String,
    paragraphs: usize,
    tables: usize,
    pre: usize,
    /// Nodes entered so far: each node read is numbered in document order.
    entered: u32,
    /// The number of the first text in `buf`.
    buf_node: Option<u32>,
    /// The elements read: the number of each and of the last node read inside it.
    elements: Vec<(u32, u32)>,
}

fn hidden(el: &Element) -> bool {
    el.style.as_ref().is_some_and(|s| {
        // Most elements of a Word page have a style; few hide anything.
        let quick = ["one", "ONE", "idden", "IDDEN"].iter().any(|w| s.contains(w));
        quick && {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        }
    }) || el.hidden
}

/// Appends text the way a browser shows it: runs of white space become one space.
fn push_text(buf: &mut String, text: &str) {
    let space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{000C}' | '\u{00A0}');
    let mut rest = text;
    while let Some(i) = rest.find(space) {
        buf.push_str(&rest[..i]);
        if !buf.is_empty() && !buf.ends_with(' ') {
            buf.push(' ');
        }
        let c = rest[i..].chars().next().map_or(1, char::len_utf8);
        rest = &rest[i + c..];
    }
    buf.push_str(rest);
}

/// The tables that hold other tables (layout tables), found in one pass over the page.
fn layout_tables(dom: &Dom, root: Id) -> HashSet<Id> {
    let mut out = HashSet::default();
    // Depth-first, with the tables open above each node.
    let mut open: Vec<(Id, usize)> = vec![];
    let mut stack: Vec<(Id, usize)> = vec![(root, 0)];
    while let Some((node, depth)) = stack.pop() {
        while open.last().is_some_and(|(_, d)| *d >= depth) {
            open.pop();
        }
        if dom.element(node).is_some_and(|e| e.name() == "table") {
            if let Some((outer, _)) = open.last() {
                out.insert(*outer);
            }
            open.push((node, depth));
        }
        let from = stack.len();
        stack.extend(dom.children(node).map(|c| (c, depth + 1)));
        stack[from..].reverse();
    }
    out
}

/// A step of the walk: a node to read, or the end of an element read.
enum Step {
    Enter(Id),
    Leave { block: bool, pre: bool, number: u32 },
}

impl Walker {
    fn new(entered: u32) -> Walker {
        Walker { out: vec![], buf: String::new(), paragraphs: 0, tables: 0, pre: 0, entered, buf_node: None, elements: vec![] }
    }

    fn flush(&mut self) {
        let text = self.buf.trim().to_string();
        self.buf.clear();
        let node = self.buf_node.take();
        if !text.is_empty() {
            self.paragraphs += 1;
            self.out.push(Line { node, ..Line::text(Pos::Paragraph(self.paragraphs), text) });
        }
    }

    fn text(&mut self, t: &str) {
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

    /// Reads the element `from` and everything in it, in document order. The walk keeps its
    /// own stack, so that no depth of nesting is too deep to read.
    fn walk(&mut self, dom: &Dom, from: Id, layout: &HashSet<Id>) {
        let mut stack = vec![Step::Enter(from)];
        while let Some(step) = stack.pop() {
            let node = match step {
                Step::Leave { block, pre, number } => {
                    self.elements.push((number, self.entered));
                    if pre {
                        self.pre -= 1;
                    }
                    if block {
                        self.flush();
                    }
                    continue;
                }
                Step::Enter(node) => node,
            };
            self.entered += 1;
            let number = self.entered;
            let el = match &dom.nodes[node as usize].data {
                Data::Text(t) => {
                    self.text(t);
                    if self.buf_node.is_none() && !self.buf.trim().is_empty() {
                        self.buf_node = Some(number);
                    }
                    continue;
                }
                Data::Element(el) => el,
                Data::Document | Data::Other => continue,
            };
            let n = el.name();
            if is_skipped(n) || hidden(el) {
                continue;
            }
            if n == "br" {
                self.flush();
                continue;
            }
            if n == "table" {
                self.flush();
                self.table(dom, node, layout, number);
                self.elements.push((number, self.entered));
                continue;
            }
            let block = is_block(n);
            if block {
                self.flush();
            }
            let pre = n == "pre";
            if pre {
                self.pre += 1;
            }
            stack.push(Step::Leave { block, pre, number });
            let from = stack.len();
            stack.extend(dom.children(node).map(Step::Enter));
            stack[from..].reverse();
        }
    }

    /// A table: figures and labels in rows, or a layout table whose cells hold the page.
    /// `number`: the table's own (see [`Walker::entered`]); its rows are lines of that number.
    fn table(&mut self, dom: &Dom, table: Id, layout: &HashSet<Id>, number: u32) {
        let rows = rows_of(dom, table);
        let cells: Vec<Vec<Id>> = rows.iter().map(|r| cells_of(dom, *r)).collect();
        // A table with tables inside is layout: its cells are read as blocks, once.
        let nested = layout.contains(&table);
        let texts: Vec<Vec<String>> =
            if nested { vec![] } else { cells.iter().map(|r| r.iter().map(|c| cell_text(dom, *c, layout, &mut self.entered)).collect()).collect() };
        let prose = texts.iter().flatten().any(|t| t.chars().count() > PROSE_CELL_CHARS);
        let single_column = texts.iter().all(|r| r.iter().filter(|t| !t.trim().is_empty()).count() <= 1);
        if nested || prose || single_column {
            for row in &cells {
                for c in row {
                    self.walk(dom, *c, layout);
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
            self.out.push(Line { node: Some(number), ..Line::table_row(self.tables, i + 1, row) });
        }
    }
}

/// The rows of a table (not of tables inside it).
fn rows_of(dom: &Dom, table: Id) -> Vec<Id> {
    let mut rows = vec![];
    for (c, e) in dom.child_elements(table) {
        match e.name() {
            "tr" => rows.push(c),
            "thead" | "tbody" | "tfoot" => rows.extend(dom.child_elements(c).filter(|(_, r)| r.name() == "tr").map(|(r, _)| r)),
            _ => {}
        }
    }
    rows
}

fn cells_of(dom: &Dom, row: Id) -> Vec<Id> {
    dom.child_elements(row).filter(|(_, e)| matches!(e.name(), "td" | "th") && !hidden(e)).map(|(c, _)| c).collect()
}

/// The text of a cell: its paragraphs on separate lines, white space collapsed in each.
/// `entered`: the nodes of the page entered so far, counted on by the cell's.
fn cell_text(dom: &Dom, cell: Id, layout: &HashSet<Id>, entered: &mut u32) -> String {
    let mut w = Walker::new(*entered);
    for child in dom.children(cell) {
        w.walk(dom, child, layout);
    }
    w.flush();
    *entered = w.entered;
    match w.out.len() {
        0 => String::new(),
        1 => w.out.pop().map(|l| l.text).unwrap_or_default(),
        _ => w.out.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n"),
    }
}

/// Pages nested deeper than this are not parsed as HTML: html5ever's tree builder looks down
/// the stack of open elements for each element it opens, so a parse costs up to
/// elements × depth; with [`MAX_ELEMENTS`] this bounds it. A report wrapped in a thousand
/// `<div>`s is still parsed; no real page comes near.
pub(crate) const MAX_PARSE_DEPTH: usize = 1024;

/// Elements that never hold others, or whose end the parser implies: they do not deepen.
fn is_shallow(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "p"
            | "li"
            | "td"
            | "th"
            | "tr"
            | "option"
            | "dt"
            | "dd"
    )
}

/// Elements that never have content: `<br>`, `<img>` … (a `/>` closes nothing else in HTML).
fn is_void(name: &str) -> bool {
    matches!(name, "area" | "base" | "br" | "col" | "embed" | "hr" | "img" | "input" | "link" | "meta" | "param" | "source" | "track" | "wbr")
}

/// Elements read from one page; a report page has a few thousand. A page with more is read up
/// to the element past this (and says so), so that the parsed tree stays a small multiple of
/// the page.
pub(crate) const MAX_ELEMENTS: usize = 200_000;

/// What a pass over the tags alone tells of a page.
#[derive(Debug, Default, PartialEq, Eq)]
struct Scan {
    /// How deeply the elements nest.
    depth: usize,
    /// Start tags.
    elements: usize,
    /// The byte where the element past [`MAX_ELEMENTS`] starts, if the page has that many.
    cut_at: Option<usize>,
}

/// How deeply the elements of a page nest and how many there are, judged from its tags alone,
/// as an HTML parser would open and close them: `<div/>` opens a div (only void elements close
/// themselves), and an end tag closes something only when an element of its name is open.
/// Linear time: each element is opened and closed once, and unmatched end tags are found by a
/// count per name.
fn scan(html: &str) -> Scan {
    let b = html.as_bytes();
    let mut out = Scan::default();
    let mut i = 0usize;
    // Names met, by their lower-case bytes: each an index into `open` (how many are open).
    let mut ids: rustc_hash::FxHashMap<Vec<u8>, usize> = rustc_hash::FxHashMap::default();
    let mut open: Vec<usize> = vec![];
    let mut stack: Vec<usize> = vec![];
    let mut name: Vec<u8> = vec![];
    while let Some(lt) = b.get(i..).and_then(|r| memchr::memchr(b'<', r)).map(|p| p + i) {
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
        name.clear();
        name.extend(rest[..name_len].iter().map(u8::to_ascii_lowercase));
        let close = find_from(b, lt, b">").unwrap_or(b.len() - 1);
        if end_tag {
            if let Some(&id) = ids.get(&name)
                && open[id] > 0
            {
                while let Some(top) = stack.pop() {
                    open[top] -= 1;
                    if top == id {
                        break;
                    }
                }
            }
            i = close + 1;
            continue;
        }
        out.elements += 1;
        if out.elements > MAX_ELEMENTS && out.cut_at.is_none() {
            out.cut_at = Some(lt);
        }
        if name == b"script" || name == b"style" {
            let mut end = b"</".to_vec();
            end.extend_from_slice(&name);
            i = find_from(b, close, &end).unwrap_or(b.len());
            continue;
        }
        let n = std::str::from_utf8(&name).unwrap_or("");
        if !is_void(n) && !is_shallow(n) {
            let id = match ids.get(&name) {
                Some(&id) => id,
                None => {
                    ids.insert(name.clone(), open.len());
                    open.push(0);
                    open.len() - 1
                }
            };
            open[id] += 1;
            stack.push(id);
            out.depth = out.depth.max(stack.len());
        }
        i = close + 1;
    }
    out
}

/// Where `needle` first stands in `hay` at or after `from`, ASCII case ignored.
fn find_from(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let (first, rest) = needle.split_first()?;
    let mut at = from;
    while at < hay.len() {
        let p = at + memchr::memchr2(first.to_ascii_lowercase(), first.to_ascii_uppercase(), &hay[at..])?;
        if hay.len() - p >= needle.len() && hay[p + 1..p + needle.len()].eq_ignore_ascii_case(rest) {
            return Some(p);
        }
        at = p + 1;
    }
    None
}

/// A page too deeply nested to parse, read from its tags alone: blocks on lines of their own,
/// a table row on a line with its cells separated by tabs (so that its figures are still read
/// as cells; rowspan and colspan are not laid out).
fn lines_without_parsing(html: &str) -> Vec<Line> {
    let mut text = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        let tag_end = rest[lt..].find('>').map_or(rest.len(), |e| lt + e + 1);
        let tag = rest[lt..tag_end].to_ascii_lowercase();
        let end = tag.starts_with("</");
        let name: String = tag.trim_start_matches(['<', '/']).chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        match name.as_str() {
            "td" | "th" if !end => text.push('\t'),
            "td" | "th" => {}
            "tr" | "br" => text.push('\n'),
            n if is_block(n) => text.push('\n'),
            _ => {}
        }
        rest = &rest[tag_end..];
    }
    text.push_str(rest);
    let text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    // A row opened by a tab: its first cell starts the line.
    let text: String = text.lines().map(|l| l.strip_prefix('\t').unwrap_or(l)).collect::<Vec<_>>().join("\n");
    super::pasted::lines(&text).into_iter().enumerate().map(|(i, l)| Line { pos: Pos::Paragraph(i + 1), cell_pos: vec![], col: 0, ..l }).collect()
}

/// A limit an HTML page reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Limit {
    /// Nested deeper than [`MAX_PARSE_DEPTH`]: read from its tags alone.
    Depth(usize),
    /// More than [`MAX_ELEMENTS`] elements: read up to the byte given, of the count given.
    Elements { count: usize, read_bytes: usize },
}

/// What a page gives: its lines, the text of its `<title>`, and the limits it reached.
pub(crate) struct Page {
    pub lines: Vec<Line>,
    pub title: Option<String>,
    pub limits: Vec<Limit>,
    /// The page's elements, each as the numbers of its first and last node: a line's
    /// [`Line::node`] is inside an element when between the two.
    pub elements: Vec<(u32, u32)>,
}

/// The lines of an HTML page, and the text of its `<title>`.
pub(crate) fn read(html: &str) -> Page {
    let scan = scan(html);
    let mut limits = vec![];
    let html = match scan.cut_at {
        Some(at) => {
            limits.push(Limit::Elements { count: scan.elements, read_bytes: at });
            &html[..at]
        }
        None => html,
    };
    if scan.depth > MAX_PARSE_DEPTH {
        limits.push(Limit::Depth(scan.depth));
        return Page { lines: lines_without_parsing(html), title: None, limits, elements: vec![] };
    }
    let dom = Dom::parse(html);
    let title = dom.find(dom.document(), "title").map(|t| {
        let mut s = String::new();
        push_text(&mut s, &dom.text(t));
        s.trim().to_string()
    });
    let mut w = Walker::new(0);
    // The document holds its doctype and comments beside the root element.
    if let Some((root, _)) = dom.child_elements(dom.document()).next() {
        let layout = layout_tables(&dom, root);
        w.walk(&dom, root, &layout);
    }
    w.flush();
    Page { lines: w.out, title: title.filter(|t| !t.is_empty()), limits, elements: w.elements }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_of_tags() {
        assert_eq!(scan("<html><body><div><p>a<p>b</div></body></html>").depth, 3);
        assert_eq!(scan("<div><br><img src=x/><!-- <div><div> --><script>if (a<b) {}</script></div>").depth, 1);
        assert_eq!(scan(&"<div>".repeat(1000)).depth, 1000);
        let mut b = String::new();
        for t in ["  a \u{a0}\n b", "", " ", "c\u{3000}d ", "e"] {
            push_text(&mut b, t);
        }
        assert_eq!(b, "a b c\u{3000}d e");
        assert_eq!(scan("<DIV><Span></span></div><div><script>'</SCRIPT'</Script><p>").depth, 2);
        assert_eq!(find_from(b"a<ScRiPt", 0, b"<script"), Some(1));
        assert_eq!(find_from(b"<x", 1, b"<x"), None);
        assert_eq!(find_from(b"<", 0, b"<x"), None);
        let lines = read(&format!("{}某局2023年政府信息公开工作年度报告<br>一、总体情况{}", "<div>".repeat(1000), "</div>".repeat(1000))).lines;
        assert_eq!(lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(), vec!["某局2023年政府信息公开工作年度报告", "一、总体情况"]);
    }
}
