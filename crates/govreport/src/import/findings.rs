//! Import findings: notes taken while reading, turned into [`Finding`]s of the GR9xx rules
//! once the format of the document is known (messages name cells by their labels).

use crate::error::Error;
use crate::finding::Findings;
use crate::labels::Label;
use crate::model::Format;
use crate::options::Options;
use crate::rules::{Ctx, Param, Rule};

/// Where something is in the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Pos {
    /// Not tied to a place (the whole source).
    #[default]
    Whole,
    /// A line of a text source (1-based).
    Line(usize),
    /// A paragraph or block of an HTML page or Word file (1-based).
    Paragraph(usize),
    /// A row of a table of an HTML page or Word file (both 1-based).
    Row { table: usize, row: usize },
    /// A box on a page of a PDF file.
    Pdf(PdfBox),
}

/// A box on a page of a PDF file: the page (1-based) and the edges in tenths of a point from
/// the top-left corner of the page as shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct PdfBox {
    /// The page, from 1.
    pub page: u32,
    /// Left edge.
    pub x0: i32,
    /// Top edge.
    pub top: i32,
    /// Right edge.
    pub x1: i32,
    /// Bottom edge.
    pub bottom: i32,
}

impl PdfBox {
    /// The edges in points: "x0,top,x1,bottom".
    pub fn edges(&self) -> String {
        let pt = |v: i32| format!("{:.1}", f64::from(v) / 10.0);
        format!("{},{},{},{}", pt(self.x0), pt(self.top), pt(self.x1), pt(self.bottom))
    }
}

impl Pos {
    /// The place in words, in Chinese and English.
    pub fn words(self) -> (String, String) {
        match self {
            Pos::Whole => ("全文".into(), "the source".into()),
            Pos::Line(n) => (format!("第{n}行"), format!("line {n}")),
            Pos::Paragraph(n) => (format!("第{n}段"), format!("paragraph {n}")),
            Pos::Row { table, row } => (format!("第{table}个表格第{row}行"), format!("table {table}, row {row}")),
            Pos::Pdf(b) => (format!("第{}页", b.page), format!("page {}", b.page)),
        }
    }

    /// The place as parameters: `line`, `paragraph`, `table` and `row`, or `page` and `box`
    /// (points: left, top, right, bottom).
    fn params(self) -> Vec<(&'static str, String)> {
        match self {
            Pos::Whole => vec![],
            Pos::Line(n) => vec![("line", n.to_string())],
            Pos::Paragraph(n) => vec![("paragraph", n.to_string())],
            Pos::Row { table, row } => vec![("table", table.to_string()), ("row", row.to_string())],
            Pos::Pdf(b) => vec![("page", b.page.to_string()), ("box", b.edges())],
        }
    }
}

/// A finding waiting for the format.
pub struct Note {
    rule: &'static Rule,
    path: String,
    related: Vec<String>,
    params: Vec<(&'static str, Param)>,
    pos: Pos,
}

impl Note {
    /// A parameter given as text.
    pub fn text(&mut self, name: &'static str, v: impl ToString) -> &mut Self {
        self.params.push((name, Param::Text(v.to_string())));
        self
    }
    /// A parameter that is a label of the table (shown in the message's language).
    pub fn label(&mut self, name: &'static str, l: &'static Label) -> &mut Self {
        self.params.push((name, Param::Label(l)));
        self
    }
    /// A parameter given in both languages.
    pub fn both(&mut self, name: &'static str, zh: impl Into<String>, en: impl Into<String>) -> &mut Self {
        self.params.push((name, Param::Both(zh.into(), en.into())));
        self
    }
    /// Other places in the document the finding is about.
    pub fn related(&mut self, related: Vec<String>) -> &mut Self {
        self.related = related;
        self
    }
}

/// The notes of one import, in the order taken.
#[derive(Default)]
pub struct Notes(Vec<Note>);

impl Notes {
    /// Starts a note of `rule` about `path` (a pointer into the document, "" for the whole)
    /// at `pos` in the source.
    pub fn add(&mut self, rule: &'static Rule, path: impl Into<String>, pos: Pos) -> &mut Note {
        self.0.push(Note { rule, path: path.into(), related: vec![], params: vec![], pos });
        let last = self.0.len() - 1;
        &mut self.0[last]
    }

    /// The findings, messages in the options' language.
    pub fn finish(self, format: Format, options: &Options) -> Result<Findings, Error> {
        let resolved = options.resolve()?;
        let mut ctx = Ctx::new(format, &resolved);
        for n in self.0 {
            let mut hit = ctx.hit(n.rule, n.path).related(n.related);
            let (zh, en) = n.pos.words();
            hit = hit.param("at", Param::Both(zh, en));
            for (name, v) in n.pos.params() {
                hit = hit.text(name, v);
            }
            for (name, p) in n.params {
                hit = hit.param(name, p);
            }
            hit.emit();
        }
        Ok(ctx.finish())
    }
}
