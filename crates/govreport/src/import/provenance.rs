//! Provenance: where in the source each imported cell was read, and its text as published.
//!
//! The importer records a [`CellSource`] for every cell it places (a figure of a table, and
//! the prose parts it reads), a cell it could not read (GR911) included; [`Imported::check`]
//! and the batch give the findings of the check the place of the cell they are about
//! ([`annotate`]).
//!
//! [`Imported::check`]: super::Imported::check

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Line;
use super::findings::Pos;
use super::norm::is_space;
use super::tables::TokKind;
use crate::finding::Findings;
use crate::options::Lang;

/// A place in a source, as far as the source gives one: a line and column of text; a table,
/// row and cell of an HTML page or Word file; a paragraph; or a page and box of a PDF file.
/// Every number counts from 1; the fields the source does not give are left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// The line of a text source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// The paragraph (or block) of an HTML page or Word file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    /// The table of an HTML page or Word file, counted in the source's order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<u32>,
    /// The row within that table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
    /// The cell within that row (its place among the cells the row gives, as HTML's `<td>`s
    /// or Word's cells: a merged cell counts once, and a cell merged down from the row above
    /// is not in the row), or the character column within a line of text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// The page of a PDF file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The box on that page: "left,top,right,bottom" in points from the top-left corner of
    /// the page as shown.
    #[serde(default, rename = "box", skip_serializing_if = "Option::is_none")]
    pub bbox: Option<String>,
}

impl Place {
    /// The place of a source position.
    pub(crate) fn of(pos: Pos) -> Place {
        let n = |v: usize| Some(u32::try_from(v).unwrap_or(u32::MAX));
        match pos {
            Pos::Whole => Place::default(),
            Pos::Line(line) => Place { line: n(line), ..Place::default() },
            Pos::LineCol { line, column } => Place { line: n(line), column: n(column), ..Place::default() },
            Pos::Paragraph(p) => Place { paragraph: n(p), ..Place::default() },
            Pos::Row { table, row } => Place { table: n(table), row: n(row), ..Place::default() },
            Pos::Cell { table, row, column } => Place { table: n(table), row: n(row), column: n(column), ..Place::default() },
            Pos::Pdf(b) => Place { page: Some(b.page), bbox: Some(b.edges()), ..Place::default() },
        }
    }

    /// Whether the source gives no place at all.
    pub fn is_empty(&self) -> bool {
        *self == Place::default()
    }

    /// The place in words ("第2个表格第5行第3格", "line 12, column 9"), in `lang`.
    pub fn words(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        let mut bits: Vec<String> = vec![];
        let mut put = |v: Option<u32>, zh: &str, zh_after: &str, en_word: &str| {
            if let Some(v) = v {
                bits.push(if en { format!("{en_word} {v}") } else { format!("{zh}{v}{zh_after}") });
            }
        };
        put(self.page, "第", "页", "page");
        put(self.paragraph, "第", "段", "paragraph");
        put(self.table, "第", "个表格", "table");
        put(self.row, "第", "行", "row");
        put(self.line, "第", "行", "line");
        let column_word = if self.line.is_some() { ("字", "column") } else { ("格", "cell") };
        put(self.column, "第", column_word.0, column_word.1);
        if let Some(b) = &self.bbox {
            bits.push(if en { format!("box {b}") } else { format!("（{b}）") });
        }
        if en { bits.join(", ") } else { bits.concat() }
    }
}

/// Where one imported cell came from, and its text as published ("5件", "１２", "/").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CellSource {
    /// Its place in the source.
    #[serde(flatten)]
    pub place: Place,
    /// Its text as published (a prose part: its first line).
    pub text: String,
    /// Whether the text is no value the cell takes (GR911): the cell is absent from the
    /// document and only this says what the source has there.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unreadable: bool,
}

impl CellSource {
    pub(crate) fn new(pos: Pos, text: &str, unreadable: bool) -> CellSource {
        CellSource { place: Place::of(pos), text: text.to_string(), unreadable }
    }
}

/// Every imported cell's source, by the cell's pointer.
pub type Provenance = BTreeMap<String, CellSource>;

/// The parameters a finding gets for the place of the cell it is about, when that cell was
/// imported: `source_line`, `source_column`, `source_paragraph`, `source_table`,
/// `source_row`, `source_page`, `source_box` (as the place gives), `source_text` (the cell's
/// text as published) and `source_at` (the place in words, in the findings' language).
pub const SOURCE_PARAMS: &[&str] =
    &["source_line", "source_column", "source_paragraph", "source_table", "source_row", "source_page", "source_box", "source_text", "source_at"];

/// Gives each finding whose path is an imported cell, or lies inside one (`/figures/0/total`
/// inside the figure `/figures/0` of a 2007 report), the place of that cell (the parameters of
/// [`SOURCE_PARAMS`]); findings that already name a place of the source (the import's own GR9xx
/// findings) are left as they are.
pub fn annotate(findings: &mut Findings, provenance: &Provenance, lang: Lang) {
    if provenance.is_empty() {
        return;
    }
    for f in &mut findings.0 {
        if f.code.starts_with("GR9") {
            continue;
        }
        let mut path = f.path.as_str();
        let src = loop {
            match provenance.get(path) {
                Some(src) => break Some(src),
                None => match path.rsplit_once('/') {
                    Some((parent, _)) if !parent.is_empty() => path = parent,
                    _ => break None,
                },
            }
        };
        let Some(src) = src else { continue };
        let p = &src.place;
        let nums = [
            ("source_line", p.line),
            ("source_column", p.column),
            ("source_paragraph", p.paragraph),
            ("source_table", p.table),
            ("source_row", p.row),
            ("source_page", p.page),
        ];
        for (k, v) in nums {
            if let Some(v) = v {
                f.params.insert(k.to_string(), v.to_string());
            }
        }
        if let Some(b) = &p.bbox {
            f.params.insert("source_box".to_string(), b.clone());
        }
        f.params.insert("source_text".to_string(), src.text.clone());
        if !p.is_empty() {
            f.params.insert("source_at".to_string(), p.words(lang));
        }
    }
}

/// The character column (1-based) at which each piece of `line` starts, found in order: a
/// piece is looked for after the one before it. None for an empty piece or one that is not
/// there as it is.
pub(crate) fn columns<'a>(line: &str, pieces: impl IntoIterator<Item = &'a str>) -> Vec<Option<usize>> {
    let mut at = 0; // byte offset searched from
    let mut chars_before = 0; // characters before `at`
    pieces
        .into_iter()
        .map(|piece| {
            let piece = piece.trim();
            if piece.is_empty() {
                return None;
            }
            let found = line[at..].find(piece)?;
            let start = at + found;
            let col = chars_before + line[at..start].chars().count() + 1;
            chars_before = col - 1 + piece.chars().count();
            at = start + piece.len();
            Some(col)
        })
        .collect()
}

/// The place of each piece of a line of text that gives no cells: its line and the column
/// of its first word. Empty when the line has no columns (a paragraph of a page).
pub(crate) fn word_places(line: &Line, kinds: &[TokKind]) -> Vec<Pos> {
    let Pos::Line(n) = line.pos else { return vec![] };
    if line.col == 0 || line.cells.is_some() {
        return vec![];
    }
    let first_words = kinds.iter().map(|k| match k {
        TokKind::Label(_, t) | TokKind::Value(_, t) | TokKind::Unknown(t) => t.split(is_space).find(|w| !w.is_empty()).unwrap_or(""),
    });
    // Each piece after the one before; a piece's own other words follow its first.
    let mut out = vec![];
    let mut at = 0;
    let mut chars_before = 0;
    for (first, k) in first_words.zip(kinds) {
        let found = (!first.is_empty()).then(|| line.text[at..].find(first)).flatten();
        let Some(found) = found else {
            out.push(line.pos);
            continue;
        };
        let start = at + found;
        let col = chars_before + line.text[at..start].chars().count();
        out.push(Pos::LineCol { line: n, column: line.col + col });
        let whole = match k {
            TokKind::Label(_, t) | TokKind::Value(_, t) | TokKind::Unknown(t) => t,
        };
        // Past the piece's words (they are in the line in order, spaces between them).
        let mut end = start + first.len();
        for w in whole.split(is_space).filter(|w| !w.is_empty()).skip(1) {
            match line.text[end..].find(w) {
                Some(i) => end += i + w.len(),
                None => break,
            }
        }
        chars_before = col + line.text[start..end].chars().count();
        at = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_counted_in_characters_in_order() {
        assert_eq!(columns("规章 | 0 | 0 | 0 |", ["规章", "0", "0", "0"]), vec![Some(1), Some(6), Some(10), Some(14)]);
        assert_eq!(columns("  ａ | | b", ["ａ", "", "b"]), vec![Some(3), None, Some(9)]);
        assert_eq!(columns("a b", ["c"]), vec![None]);
    }

    #[test]
    fn places_in_words() {
        let p = Place::of(Pos::Cell { table: 2, row: 5, column: 3 });
        assert_eq!((p.words(Lang::Zh).as_str(), p.words(Lang::En).as_str()), ("第2个表格第5行第3格", "table 2, row 5, cell 3"));
        let p = Place::of(Pos::LineCol { line: 7, column: 12 });
        assert_eq!(p.words(Lang::En), "line 7, column 12");
        assert_eq!(serde_json::to_string(&CellSource { place: p, text: "5件".into(), unreadable: false }).unwrap(), r#"{"line":7,"column":12,"text":"5件"}"#);
    }
}
