//! Word files (.docx): the paragraphs and tables of `word/document.xml`, merged cells as Word
//! writes them (`w:gridSpan` across, `w:vMerge` down: a continued cell is covered and skipped,
//! as a rowspan'd HTML cell is given once).

use std::io::{Cursor, Read};

use super::Line;
use super::findings::Pos;
use crate::error::{Error, ErrorType};
use crate::i18n::Bilingual;

/// Largest `word/document.xml` read (a zip bomb stops here).
const MAX_XML: u64 = 64 * 1024 * 1024;
/// Deeper than this the XML is not a Word document.
const MAX_DEPTH: usize = 200;
/// A cell with more text than this is prose laid out in a table.
const PROSE_CELL_CHARS: usize = 300;

// ---------------------------------------------------------------------------------------------
// A small XML reader: elements, attributes, text and entities; enough for WordprocessingML.

struct El {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Child>,
}

enum Child {
    El(usize),
    Text(String),
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';').filter(|e| *e < 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let ent = &rest[1..end];
        let c = match ent {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ if ent.starts_with("#x") || ent.starts_with("#X") => u32::from_str_radix(&ent[2..], 16).ok().and_then(char::from_u32),
            _ if ent.starts_with('#') => ent[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Parses XML into an arena of elements; element 0 is a synthetic root. Malformed XML is read
/// as far as it goes.
fn parse_xml(xml: &str) -> Vec<El> {
    let mut els = vec![El { name: String::new(), attrs: vec![], children: vec![] }];
    let mut stack: Vec<usize> = vec![0];
    let mut rest = xml;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            let top = *stack.last().unwrap_or(&0);
            els[top].children.push(Child::Text(unescape(rest)));
            break;
        };
        if lt > 0 {
            let top = *stack.last().unwrap_or(&0);
            els[top].children.push(Child::Text(unescape(&rest[..lt])));
        }
        rest = &rest[lt..];
        let skip_to = |rest: &str, end: &str, from: usize| rest[from.min(rest.len())..].find(end).map(|i| i + from + end.len());
        if rest.starts_with("<?") {
            rest = &rest[skip_to(rest, "?>", 2).unwrap_or(rest.len())..];
        } else if rest.starts_with("<!--") {
            rest = &rest[skip_to(rest, "-->", 4).unwrap_or(rest.len())..];
        } else if rest.starts_with("<![CDATA[") {
            let end = rest[9..].find("]]>").map_or(rest.len(), |i| i + 9);
            let top = *stack.last().unwrap_or(&0);
            els[top].children.push(Child::Text(rest[9..end].to_string()));
            rest = &rest[(end + 3).min(rest.len())..];
        } else if rest.starts_with("<!") {
            rest = &rest[skip_to(rest, ">", 2).unwrap_or(rest.len())..];
        } else if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>').unwrap_or(after.len());
            let name = after[..end].trim();
            if let Some(i) = stack.iter().rposition(|&e| els[e].name == name)
                && i > 0
            {
                stack.truncate(i);
            }
            rest = &after[(end + 1).min(after.len())..];
        } else {
            let end = tag_end(rest);
            let inner = &rest[1..end];
            let (inner, self_closing) = match inner.strip_suffix('/') {
                Some(i) => (i, true),
                None => (inner, false),
            };
            let (name, attrs) = parse_tag(inner);
            let id = els.len();
            els.push(El { name, attrs, children: vec![] });
            let top = *stack.last().unwrap_or(&0);
            els[top].children.push(Child::El(id));
            if !self_closing && stack.len() < MAX_DEPTH {
                stack.push(id);
            }
            rest = &rest[(end + 1).min(rest.len())..];
        }
    }
    els
}

/// The byte index of the `>` that closes the tag opening `s`, outside quoted values.
fn tag_end(s: &str) -> usize {
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return i,
            _ => {}
        }
    }
    s.len()
}

fn parse_tag(inner: &str) -> (String, Vec<(String, String)>) {
    let inner = inner.trim();
    let name_end = inner.find(|c: char| c.is_whitespace()).unwrap_or(inner.len());
    let name = inner[..name_end].to_string();
    let mut attrs = vec![];
    let mut rest = &inner[name_end..];
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].trim().to_string();
        let after = rest[eq + 1..].trim_start();
        let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else { break };
        let body = &after[1..];
        let Some(close) = body.find(q) else { break };
        attrs.push((key, unescape(&body[..close])));
        rest = &body[close + 1..];
    }
    (name, attrs)
}

fn attr<'a>(el: &'a El, name: &str) -> Option<&'a str> {
    el.attrs.iter().find(|(k, _)| local(k) == name).map(|(_, v)| v.as_str())
}

fn kids<'a>(els: &'a [El], id: usize) -> impl Iterator<Item = usize> + 'a {
    els[id].children.iter().filter_map(|c| match c {
        Child::El(i) => Some(*i),
        Child::Text(_) => None,
    })
}

fn child_named(els: &[El], id: usize, name: &str) -> Option<usize> {
    kids(els, id).find(|&k| local(&els[k].name) == name)
}

// ---------------------------------------------------------------------------------------------
// WordprocessingML → lines

struct Reader<'a> {
    els: &'a [El],
    out: Vec<Line>,
    paragraphs: usize,
    tables: usize,
}

/// The text of a paragraph: runs' `w:t`, tabs and breaks (deleted text and field codes left out).
fn paragraph_text(els: &[El], id: usize, out: &mut String, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    for c in &els[id].children {
        match c {
            Child::Text(t) if local(&els[id].name) == "t" => out.push_str(t),
            Child::Text(_) => {}
            Child::El(k) => match local(&els[*k].name) {
                "tab" | "ptab" => out.push(' '),
                "br" | "cr" => out.push('\n'),
                "delText" | "instrText" | "del" | "Fallback" | "drawing" | "pict" | "rPr" | "pPr" => {}
                _ => paragraph_text(els, *k, out, depth + 1),
            },
        }
    }
}

impl Reader<'_> {
    fn paragraph(&mut self, id: usize) {
        let mut text = String::new();
        paragraph_text(self.els, id, &mut text, 0);
        for line in text.split('\n') {
            let line = line.trim();
            if !line.is_empty() {
                self.paragraphs += 1;
                self.out.push(Line::text(Pos::Paragraph(self.paragraphs), line.to_string()));
            }
        }
    }

    /// Paragraphs and tables in document order, under `id`.
    fn blocks(&mut self, id: usize, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        for k in kids(self.els, id).collect::<Vec<_>>() {
            match local(&self.els[k].name) {
                "p" => self.paragraph(k),
                "tbl" => self.table(k, depth + 1),
                "sectPr" | "tblPr" | "tblGrid" | "trPr" | "tcPr" | "Fallback" | "drawing" | "pict" => {}
                _ => self.blocks(k, depth + 1),
            }
        }
    }

    fn cell_text(&self, tc: usize, depth: usize) -> String {
        let mut r = Reader { els: self.els, out: vec![], paragraphs: 0, tables: 0 };
        r.blocks(tc, depth + 1);
        r.out.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n")
    }

    fn table(&mut self, tbl: usize, depth: usize) {
        let els = self.els;
        let rows: Vec<usize> = kids(els, tbl).filter(|&k| local(&els[k].name) == "tr").collect();
        // Cells that start here (a vMerge continuation is covered by the cell above).
        let cells: Vec<Vec<usize>> = rows
            .iter()
            .map(|&tr| {
                kids(els, tr)
                    .filter(|&k| local(&els[k].name) == "tc")
                    .filter(|&tc| {
                        let merge = child_named(els, tc, "tcPr").and_then(|p| child_named(els, p, "vMerge"));
                        match merge {
                            None => true,
                            Some(m) => attr(&els[m], "val") == Some("restart"),
                        }
                    })
                    .collect()
            })
            .collect();
        // A table with tables inside is layout: its cells are read as blocks, once.
        let nested = cells.iter().flatten().any(|&c| has_table(els, c, 0));
        let texts: Vec<Vec<String>> = if nested { vec![] } else { cells.iter().map(|r| r.iter().map(|&c| self.cell_text(c, depth)).collect()).collect() };
        let prose = texts.iter().flatten().any(|t| t.chars().count() > PROSE_CELL_CHARS);
        let single_column = texts.iter().all(|r| r.iter().filter(|t| !t.trim().is_empty()).count() <= 1);
        if nested || prose || single_column {
            for row in &cells {
                for &c in row {
                    self.blocks(c, depth + 1);
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

fn has_table(els: &[El], id: usize, depth: usize) -> bool {
    depth < MAX_DEPTH && kids(els, id).any(|k| local(&els[k].name) == "tbl" || has_table(els, k, depth + 1))
}

fn bad(zh: impl Into<String>, en: impl Into<String>) -> Error {
    Error::about(ErrorType::BadDocx { problem: Bilingual { zh: zh.into(), en: en.into() } }, "docx")
}

/// The text of `word/document.xml`, decoded by its byte-order mark (UTF-8 otherwise).
fn document_xml(bytes: &[u8]) -> Result<String, Error> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| bad(format!("不是可读的 zip 文件（{e}）"), format!("not a readable zip archive: {e}")))?;
    let file = zip
        .by_name("word/document.xml")
        .map_err(|_| bad("文件中没有 word/document.xml（不是 Word .docx 文件）", "the archive has no word/document.xml (not a Word .docx file)"))?;
    let mut raw = vec![];
    file.take(MAX_XML)
        .read_to_end(&mut raw)
        .map_err(|e| bad(format!("word/document.xml 无法读取（{e}）"), format!("word/document.xml cannot be read: {e}")))?;
    let (enc, skip) = encoding_rs::Encoding::for_bom(&raw).unwrap_or((encoding_rs::UTF_8, 0));
    let (text, _, _) = enc.decode(&raw[skip..]);
    Ok(text.into_owned())
}

/// The lines of a .docx file.
pub fn lines(bytes: &[u8]) -> Result<Vec<Line>, Error> {
    let xml = document_xml(bytes)?;
    let els = parse_xml(&xml);
    let body = kids(&els, 0).find(|&k| local(&els[k].name) == "document").and_then(|d| child_named(&els, d, "body")).unwrap_or(0);
    let mut r = Reader { els: &els, out: vec![], paragraphs: 0, tables: 0 };
    r.blocks(body, 0);
    Ok(r.out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml() {
        let els = parse_xml(
            r#"<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p><w:r><w:t xml:space="preserve">a &amp; b</w:t></w:r></w:p><w:p/></w:body></w:document>"#,
        );
        let doc = kids(&els, 0).next().unwrap();
        assert_eq!(local(&els[doc].name), "document");
        let mut r = Reader { els: &els, out: vec![], paragraphs: 0, tables: 0 };
        r.blocks(child_named(&els, doc, "body").unwrap(), 0);
        assert_eq!(r.out.len(), 1);
        assert_eq!(r.out[0].text, "a & b");
        assert_eq!(unescape("&#x4E00;&#20108;&bogus;"), "一二&bogus;");
    }

    #[test]
    fn garbage_does_not_panic() {
        for s in ["<", "<a中", "<a", "<a b='", "</x>", "<![CDATA[", "<!--", "&#xFFFFFFFF;", "<a><b></a></b>", "<?", "<a b=\"c\" d/>"] {
            let _ = parse_xml(s);
        }
    }
}
