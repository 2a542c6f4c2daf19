//! PDF files, as offices publish them (WPS, Word, LibreOffice, Chromium; CID fonts with
//! ToUnicode maps or Adobe-GB1 CMaps): the text in reading order and the tables rebuilt, each
//! line with its page and box.
//!
//! hayro-syntax reads the file (cross-reference tables and streams, object streams, repair of
//! broken files, filters, encryption with an empty user password, content operators);
//! hayro-cmap supplies CMaps. The rest is here, in stages:
//!
//! 1. `content`: each page's content stream interpreted into glyphs with boxes (text
//!    matrix, CTM, font size, widths, vertical writing) and the straight lines it draws;
//! 2. `rules`: the lines merged into ruling lines;
//! 3. `lattice`: tables from the rules (cells the rules enclose, merged where a rule is
//!    missing), each glyph in the cell of its centre;
//! 4. `lines`: the other glyphs into lines of text; `furniture`: page numbers and running
//!    heads dropped; `columns`: tables without rules, from column positions;
//! 5. `flow`: paragraphs rebuilt, tables continued over a page break joined.
//!
//! [`layout`] gives all of it; the importer reads the lines made from it.

mod chars;
mod columns;
mod content;
mod embedded;
mod encoding;
mod error;
mod filters;
mod flow;
mod font;
mod furniture;
mod geom;
mod lattice;
mod limits;
mod lines;
mod open;
mod rules;
mod table;

pub use content::Glyph;
pub use flow::{Block, Paragraph};
pub use geom::Rect;
pub use open::Info;
pub use table::{Cell, Table};

pub(crate) use open::start;

use super::Line;
use super::findings::{PdfBox, Pos};
use crate::error::Error;
use error::PdfError;
use filters::Budget;

/// What a PDF shows, page by page, as blocks of text and tables.
#[derive(Clone, Debug)]
pub struct Layout {
    /// The document information dictionary.
    pub info: Info,
    /// Number of pages.
    pub pages: usize,
    /// Paragraphs and tables in reading order (tables over a page break joined).
    pub blocks: Vec<Block>,
    /// Glyphs whose font gives no Unicode (shown as U+FFFD).
    pub unmapped: usize,
}

/// Reads the layout of a PDF file: paragraphs and tables with their places.
///
/// Fails when the bytes are no readable PDF, when it is encrypted with a password, when its
/// pages have no text (a scan: no OCR is done) or fonts that give no Unicode, and when it
/// passes a limit (pages, objects, decoded bytes, operators, glyphs).
pub fn layout(bytes: &[u8]) -> Result<Layout, Error> {
    // hayro-syntax, the parser under this reader, panics on some damaged files (0.9.0 divides
    // by zero for a stream whose predictor has 0 columns, `fuzz/regressions/`): such a file is
    // a broken PDF for the caller, never a crash of the process that reads it.
    match std::panic::catch_unwind(|| read_layout(bytes)) {
        Ok(layout) => Ok(layout?),
        Err(_) => Err(PdfError::Broken.into()),
    }
}

fn read_layout(bytes: &[u8]) -> Result<Layout, PdfError> {
    let at = open::start(bytes).ok_or(PdfError::Broken)?;
    let mut budget = Budget::new(limits::MAX_DECODED_BYTES);
    let (pdf, info) = open::open(bytes, at, &mut budget)?;
    let mut ctx = content::Ctx { fonts: font::Cache::default(), budget, ops_left: limits::MAX_OPERATORS, glyphs_left: limits::MAX_GLYPHS };
    let mut pages = Vec::new();
    for page in pdf.pages().iter() {
        pages.push(content::page(page, &mut ctx)?);
    }
    let shown: usize = pages.iter().map(|p| p.glyphs.iter().filter(|g| !g.c.is_whitespace()).count()).sum();
    let unmapped: usize = pages.iter().map(|p| p.unmapped).sum();
    if shown == 0 {
        let scanned = pages.iter().any(|p| p.image_area > 0.25 * p.size.0 * p.size.1);
        return Err(if scanned { PdfError::Scanned } else { PdfError::NoText });
    }
    if unmapped * 2 > shown {
        return Err(PdfError::Unmapped);
    }
    // Ruled tables first; the glyphs they do not hold make lines.
    let mut ruled = Vec::with_capacity(pages.len());
    let mut free = Vec::with_capacity(pages.len());
    for (i, p) in pages.iter().enumerate() {
        let r = rules::rules(&p.segments);
        let (mut tables, taken) = lattice::tables(&r, &p.glyphs);
        for t in &mut tables {
            t.page = i + 1;
        }
        ruled.push(tables);
        let rest: Vec<Glyph> = p.glyphs.iter().zip(&taken).filter(|(_, t)| !**t).map(|(g, _)| *g).collect();
        free.push((p.size.1, lines::lines(&rest)));
    }
    let marks = furniture::mark(&free);
    let body: Vec<Vec<&lines::TextLine>> =
        free.iter().zip(&marks).map(|((_, ls), m)| ls.iter().zip(m).filter(|(_, f)| !**f).map(|(l, _)| l).collect()).collect();
    let all: Vec<&lines::TextLine> = body.iter().flatten().copied().collect();
    let margins = flow::margins(&all);
    let mut page_blocks = Vec::with_capacity(pages.len());
    for (i, (lines_here, mut tables)) in body.into_iter().zip(ruled).enumerate() {
        let owned: Vec<lines::TextLine> = lines_here.iter().map(|l| (*l).clone()).collect();
        let (stream, taken) = columns::tables(&owned);
        let rest: Vec<&lines::TextLine> = owned.iter().zip(&taken).filter(|(_, t)| !**t).map(|(l, _)| l).collect();
        for mut t in stream {
            t.page = i + 1;
            tables.push(t);
        }
        let paragraphs = flow::paragraphs(i + 1, &rest, margins);
        page_blocks.push(flow::blocks(paragraphs, tables));
    }
    Ok(Layout { info, pages: pages.len(), blocks: flow::document(page_blocks), unmapped })
}

fn place(page: usize, r: &Rect) -> Pos {
    let t = |v: f32| (v * 10.0).round().clamp(i32::MIN as f32, i32::MAX as f32) as i32;
    Pos::Pdf(PdfBox { page: page as u32, x0: t(r.x0), top: t(r.top), x1: t(r.x1), bottom: t(r.bottom) })
}

/// The importer's lines of a layout: a paragraph is a line of text, a table row a line of
/// cells (a merged cell once, in its first row), each with its page and box.
pub(crate) fn lines_of(layout: &Layout) -> Vec<Line> {
    let mut out = Vec::new();
    for b in &layout.blocks {
        match b {
            Block::Paragraph(p) => out.push(Line::text(place(p.page, &p.rect), p.text.clone())),
            Block::Table(t) => {
                for r in 0..t.rows {
                    let cells: Vec<&Cell> = t.row(r).collect();
                    if cells.is_empty() {
                        continue;
                    }
                    let page = t.row_pages.get(r).copied().unwrap_or(t.page);
                    let rect = cells.iter().skip(1).fold(cells[0].rect, |a, c| a.union(&c.rect));
                    let mut line = Line::row(place(page, &rect), cells.iter().map(|c| c.text.clone()).collect());
                    line.cell_pos = cells.iter().map(|c| place(page, &c.rect)).collect();
                    out.push(line);
                }
            }
        }
    }
    out
}
