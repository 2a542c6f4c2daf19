//! Word files (.docx): the paragraphs and tables of `word/document.xml`, merged cells as Word
//! writes them (`w:gridSpan` across, `w:vMerge` down: a continued cell is covered and skipped,
//! as a rowspan'd HTML cell is given once).
//!
//! The XML is read as a stream of events (quick-xml): time is linear in its size, and memory
//! holds only the text, the paragraphs and the table cells, never one node per element, so a
//! file of millions of empty elements costs no more than its text. A document with more than
//! [`MAX_CELLS`] table cells or [`MAX_BLOCKS`] paragraphs is read up to there and says so
//! ([`Docx::cut`]).

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};

use super::Line;
use super::findings::Pos;
use crate::error::{Error, ErrorType};
use crate::i18n::Bilingual;

/// Largest `word/document.xml` read (a zip bomb stops here, with an error that says so).
const MAX_XML: u64 = 64 * 1024 * 1024;
/// Table cells read from one document; a report has about 300.
pub(crate) const MAX_CELLS: usize = 100_000;
/// Paragraphs read from one document.
pub(crate) const MAX_BLOCKS: usize = 200_000;
/// Tables nested deeper than this are read as the text of their outer cell.
const MAX_TABLE_DEPTH: usize = 32;
/// A cell with more text than this is prose laid out in a table.
const PROSE_CELL_CHARS: usize = 300;

/// What a .docx gives: its lines, and whether reading stopped at a limit.
pub(crate) struct Docx {
    /// Paragraphs and table rows in document order.
    pub lines: Vec<Line>,
    /// The limit reached, when the document was read only in part.
    pub cut: Option<Cut>,
}

/// A limit the reader stopped at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cut {
    /// More than [`MAX_CELLS`] table cells.
    Cells,
    /// More than [`MAX_BLOCKS`] paragraphs.
    Paragraphs,
}

// ---------------------------------------------------------------------------------------------
// The document as blocks: only what the importer reads.

enum Block {
    Para(String),
    Table(Vec<Vec<CellBlock>>),
}

struct CellBlock {
    /// Covered by the cell above (`w:vMerge` without `restart`).
    covered: bool,
    blocks: Vec<Block>,
}

/// What an open element is to the reader.
enum Open {
    /// The body, a cell's content, or an element whose blocks belong to its parent.
    Pass,
    /// A paragraph being read.
    Para(String),
    Table(Vec<Vec<CellBlock>>),
    Row(Vec<CellBlock>),
    Cell(CellBlock),
    /// `w:tcPr` of the cell below it on the stack.
    CellProps,
    /// `w:t`: its text is the paragraph's.
    Text,
    /// A subtree whose text is not read (deleted text, field codes, drawings, properties).
    Skip,
}

fn local(name: &[u8]) -> &[u8] {
    match name.iter().rposition(|&b| b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

/// Elements whose whole subtree is left out, as blocks or as paragraph text.
fn skipped(name: &[u8], in_paragraph: bool) -> bool {
    match name {
        b"Fallback" | b"drawing" | b"pict" => true,
        b"sectPr" | b"tblPr" | b"tblGrid" | b"trPr" => !in_paragraph,
        b"delText" | b"instrText" | b"del" | b"rPr" | b"pPr" => in_paragraph,
        _ => false,
    }
}

struct Reader {
    stack: Vec<Open>,
    body: Vec<Block>,
    cells: usize,
    blocks: usize,
    tables_open: usize,
    cut: Option<Cut>,
}

impl Reader {
    fn in_paragraph(&self) -> bool {
        self.stack.iter().rev().any(|o| matches!(o, Open::Para(_)))
    }

    fn skipping(&self) -> bool {
        matches!(self.stack.last(), Some(Open::Skip))
    }

    /// The paragraph text being written, if any.
    fn para(&mut self) -> Option<&mut String> {
        self.stack.iter_mut().rev().find_map(|o| match o {
            Open::Para(s) => Some(s),
            _ => None,
        })
    }

    /// Where a finished block goes: the innermost open cell, or the body.
    fn push_block(&mut self, b: Block) {
        for o in self.stack.iter_mut().rev() {
            match o {
                Open::Cell(c) => {
                    c.blocks.push(b);
                    return;
                }
                // A table inside a paragraph (not valid WordprocessingML) is read as its text.
                Open::Para(s) => {
                    let mut text = String::new();
                    block_text(&b, &mut text);
                    s.push_str(&text);
                    return;
                }
                _ => {}
            }
        }
        self.body.push(b);
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        let qname = e.name();
        let name = local(qname.as_ref());
        let in_paragraph = self.in_paragraph();
        let open = if self.skipping() || self.cut.is_some() || skipped(name, in_paragraph) {
            Open::Skip
        } else if matches!(self.stack.last(), Some(Open::CellProps)) {
            if name == b"vMerge" {
                let restart = e.attributes().flatten().any(|a| local(a.key.as_ref()) == b"val" && a.value.as_ref() == b"restart");
                if !restart && let Some(Open::Cell(c)) = self.stack.iter_mut().rev().nth(1) {
                    c.covered = true;
                }
            }
            Open::Skip
        } else if in_paragraph {
            match name {
                b"t" => Open::Text,
                b"tab" | b"ptab" => {
                    if let Some(s) = self.para() {
                        s.push(' ');
                    }
                    Open::Pass
                }
                b"br" | b"cr" => {
                    if let Some(s) = self.para() {
                        s.push('\n');
                    }
                    Open::Pass
                }
                _ => Open::Pass,
            }
        } else {
            match name {
                b"p" => {
                    if self.blocks >= MAX_BLOCKS {
                        self.cut = Some(Cut::Paragraphs);
                        Open::Skip
                    } else {
                        Open::Para(String::new())
                    }
                }
                b"tbl" if self.tables_open < MAX_TABLE_DEPTH => Open::Table(vec![]),
                b"tr" if matches!(self.stack.last(), Some(Open::Table(_))) => Open::Row(vec![]),
                b"tc" if matches!(self.stack.last(), Some(Open::Row(_))) => {
                    if self.cells >= MAX_CELLS {
                        self.cut = Some(Cut::Cells);
                        Open::Skip
                    } else {
                        self.cells += 1;
                        Open::Cell(CellBlock { covered: false, blocks: vec![] })
                    }
                }
                b"tcPr" if matches!(self.stack.last(), Some(Open::Cell(_))) => Open::CellProps,
                _ => Open::Pass,
            }
        };
        if matches!(open, Open::Table(_)) {
            self.tables_open += 1;
        }
        self.stack.push(open);
        if empty {
            self.end();
        }
    }

    fn end(&mut self) {
        let Some(open) = self.stack.pop() else { return };
        match open {
            Open::Para(text) => {
                self.blocks += 1;
                self.push_block(Block::Para(text));
            }
            Open::Table(rows) => {
                self.tables_open -= 1;
                self.push_block(Block::Table(rows));
            }
            Open::Row(cells) => {
                if let Some(Open::Table(rows)) = self.stack.last_mut() {
                    rows.push(cells);
                }
            }
            Open::Cell(cell) => {
                if let Some(Open::Row(cells)) = self.stack.last_mut() {
                    cells.push(cell);
                }
            }
            Open::Pass | Open::CellProps | Open::Text | Open::Skip => {}
        }
    }

    fn text(&mut self, t: &str) {
        if matches!(self.stack.last(), Some(Open::Text))
            && let Some(s) = self.para()
        {
            s.push_str(t);
        }
    }
}

/// The text of a block as one string (paragraphs on lines), for a table read as text.
fn block_text(b: &Block, out: &mut String) {
    match b {
        Block::Para(t) => out.push_str(t),
        Block::Table(rows) => {
            for c in rows.iter().flatten() {
                for b in &c.blocks {
                    block_text(b, out);
                }
            }
        }
    }
}

/// The blocks as lines, in document order.
struct Lines {
    out: Vec<Line>,
    paragraphs: usize,
    tables: usize,
}

impl Lines {
    fn paragraph(&mut self, text: &str) {
        for line in text.split('\n') {
            let line = line.trim();
            if !line.is_empty() {
                self.paragraphs += 1;
                self.out.push(Line::text(Pos::Paragraph(self.paragraphs), line.to_string()));
            }
        }
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for b in blocks {
            match b {
                Block::Para(t) => self.paragraph(t),
                Block::Table(rows) => self.table(rows),
            }
        }
    }

    fn table(&mut self, rows: &[Vec<CellBlock>]) {
        // Cells that start here (a vMerge continuation is covered by the cell above).
        let cells: Vec<Vec<&CellBlock>> = rows.iter().map(|r| r.iter().filter(|c| !c.covered).collect()).collect();
        // A table with tables inside is layout: its cells are read as blocks, once.
        let nested = cells.iter().flatten().any(|c| c.blocks.iter().any(|b| matches!(b, Block::Table(_))));
        let texts: Vec<Vec<String>> = if nested {
            vec![]
        } else {
            cells
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|c| {
                            let mut inner = Lines { out: vec![], paragraphs: 0, tables: 0 };
                            inner.blocks(&c.blocks);
                            inner.out.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n")
                        })
                        .collect()
                })
                .collect()
        };
        let prose = texts.iter().flatten().any(|t| t.chars().count() > PROSE_CELL_CHARS);
        let single_column = texts.iter().all(|r| r.iter().filter(|t| !t.trim().is_empty()).count() <= 1);
        if nested || prose || single_column {
            for c in cells.iter().flatten() {
                self.blocks(&c.blocks);
            }
            return;
        }
        self.tables += 1;
        for (i, row) in texts.into_iter().enumerate() {
            // A row of empty cells is kept: under column headings it is a row of blank figures.
            if row.is_empty() {
                continue;
            }
            self.out.push(Line::table_row(self.tables, i + 1, row));
        }
    }
}

fn bad(zh: impl Into<String>, en: impl Into<String>) -> Error {
    Error::about(ErrorType::BadDocx { problem: Bilingual { zh: zh.into(), en: en.into() } }, "docx")
}

/// The bytes of `word/document.xml`; an error when it expands past [`MAX_XML`].
fn document_xml(bytes: &[u8]) -> Result<Vec<u8>, Error> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| bad(format!("不是可读的 zip 文件（{e}）"), format!("not a readable zip archive: {e}")))?;
    let file = zip
        .by_name("word/document.xml")
        .map_err(|_| bad("文件中没有 word/document.xml（不是 Word .docx 文件）", "the archive has no word/document.xml (not a Word .docx file)"))?;
    let mut raw = vec![];
    file.take(MAX_XML + 1)
        .read_to_end(&mut raw)
        .map_err(|e| bad(format!("word/document.xml 无法读取（{e}）"), format!("word/document.xml cannot be read: {e}")))?;
    if raw.len() as u64 > MAX_XML {
        let mib = MAX_XML / (1024 * 1024);
        return Err(bad(
            format!("word/document.xml 解压后超过 {mib} MiB，未读取此文件"),
            format!("word/document.xml expands to more than {mib} MiB; the file was not read"),
        ));
    }
    Ok(raw)
}

/// The text of the XML, decoded by its byte-order mark (UTF-8 otherwise); valid UTF-8 is
/// taken as it is, without a copy.
fn decode(raw: Vec<u8>) -> String {
    let (enc, skip) = encoding_rs::Encoding::for_bom(&raw).unwrap_or((encoding_rs::UTF_8, 0));
    if enc == encoding_rs::UTF_8 && skip == 0 {
        return String::from_utf8(raw).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    }
    let (text, _, _) = enc.decode(&raw[skip..]);
    text.into_owned()
}

/// Reads WordprocessingML as far as it is well formed.
fn read_xml(xml: &str) -> (Vec<Block>, Option<Cut>) {
    let mut reader = quick_xml::Reader::from_str(xml);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.check_comments = false;
    config.allow_unmatched_ends = true;
    let mut r = Reader { stack: vec![], body: vec![], cells: 0, blocks: 0, tables_open: 0, cut: None };
    loop {
        let before = reader.buffer_position();
        match reader.read_event() {
            Ok(Event::Start(e)) => r.start(&e, false),
            Ok(Event::Empty(e)) => r.start(&e, true),
            Ok(Event::End(_)) => r.end(),
            Ok(Event::Text(t)) => {
                if let Ok(s) = t.decode() {
                    r.text(&s);
                }
            }
            Ok(Event::CData(t)) => {
                if let Ok(s) = t.decode() {
                    r.text(&s);
                }
            }
            Ok(Event::GeneralRef(g)) => {
                let resolved = match g.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    _ => g.decode().ok().and_then(|n| quick_xml::escape::resolve_predefined_entity(&n).map(str::to_string)),
                };
                match resolved {
                    Some(s) => r.text(&s),
                    // An entity XML does not define is kept as written.
                    None => {
                        if let Ok(n) = g.decode() {
                            r.text(&format!("&{n};"));
                        }
                    }
                }
            }
            Ok(Event::Eof) => break,
            // Malformed XML (a bare `&`, a broken tag) is read past, as far as the reader moves.
            Err(_) if reader.buffer_position() > before => {}
            Err(_) => break,
            Ok(_) => {}
        }
    }
    // Close what a cut-off document left open, so that its text is kept.
    while !r.stack.is_empty() {
        r.end();
    }
    (r.body, r.cut)
}

/// The lines of a .docx file.
pub(crate) fn read(bytes: &[u8]) -> Result<Docx, Error> {
    let xml = decode(document_xml(bytes)?);
    let (body, cut) = read_xml(&xml);
    drop(xml);
    let mut lines = Lines { out: vec![], paragraphs: 0, tables: 0 };
    lines.blocks(&body);
    Ok(Docx { lines: lines.out, cut })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(xml: &str) -> Vec<Line> {
        let (body, _) = read_xml(xml);
        let mut l = Lines { out: vec![], paragraphs: 0, tables: 0 };
        l.blocks(&body);
        l.out
    }

    #[test]
    fn xml() {
        let out = lines_of(
            r#"<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p><w:r><w:t xml:space="preserve">a &amp; b</w:t></w:r></w:p><w:p/></w:body></w:document>"#,
        );
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].text, "a & b");
        let out = lines_of(r#"<w:document><w:body><w:p><w:r><w:t>&#x4E00;&#20108;&bogus;</w:t><w:delText>x</w:delText></w:r></w:p></w:body></w:document>"#);
        assert_eq!(out[0].text, "一二&bogus;");
    }

    #[test]
    fn table_with_vertical_merge() {
        let cell = |t: &str, merge: &str| format!("<w:tc><w:tcPr>{merge}</w:tcPr><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
        let xml = format!(
            "<w:document><w:body><w:tbl><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl></w:body></w:document>",
            cell("行政复议", "<w:vMerge w:val=\"restart\"/>"),
            cell("1", ""),
            cell("2", ""),
            cell("", "<w:vMerge/>"),
            cell("3", ""),
            cell("4", "")
        );
        let out = lines_of(&xml);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].cells.as_deref(), Some(&["行政复议".to_string(), "1".into(), "2".into()][..]));
        assert_eq!(out[1].cells.as_deref(), Some(&["3".to_string(), "4".into()][..]));
    }

    #[test]
    fn garbage_does_not_panic() {
        for s in ["<", "<a中", "<a", "<a b='", "</x>", "<![CDATA[", "<!--", "&#xFFFFFFFF;", "<a><b></a></b>", "<?", "<a b=\"c\" d/>", "<w:p><w:t>x"] {
            let _ = lines_of(s);
        }
        assert_eq!(lines_of("<w:body><w:p><w:r><w:t>截断的段落").first().map(|l| l.text.as_str()), Some("截断的段落"));
    }

    #[test]
    fn many_cells_stop_at_the_limit_and_say_so() {
        let mut xml = String::from("<w:body><w:tbl><w:tr>");
        for _ in 0..MAX_CELLS + 10 {
            xml.push_str("<w:tc/>");
        }
        xml.push_str("</w:tr></w:tbl></w:body>");
        let (_, cut) = read_xml(&xml);
        assert_eq!(cut, Some(Cut::Cells));
    }
}
