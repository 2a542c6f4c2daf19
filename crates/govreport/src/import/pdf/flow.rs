//! The pages in reading order: paragraphs rebuilt from lines (a new one where a line is
//! indented, the line before it ended short, the size changes or a wide gap opens; lines
//! joined without spaces between Chinese characters, and across pages), and tables continued
//! on the next page joined to the part before them (a repeated header dropped, the empty
//! continuation of a merged cell folded into it).

use super::geom::Rect;
use super::lines::{TextLine, join};
use super::rules::TOLERANCE;
use super::table::{Table, is_figure};

/// A paragraph of text.
#[derive(Clone, Debug)]
pub struct Paragraph {
    /// The page it starts on (1-based).
    pub page: usize,
    /// Its box on that page.
    pub rect: Rect,
    /// Its text.
    pub text: String,
    /// Font size of its first line.
    pub size: f32,
    /// Its last line reached the right margin (the paragraph may go on).
    open_end: bool,
    /// Its first line starts at the left margin (not indented).
    flush_start: bool,
}

/// A block of a page: a paragraph or a table.
#[derive(Clone, Debug)]
pub enum Block {
    /// Text.
    Paragraph(Paragraph),
    /// A table.
    Table(Table),
}

impl Block {
    fn top(&self) -> f32 {
        match self {
            Block::Paragraph(p) => p.rect.top,
            Block::Table(t) => t.rect.top,
        }
    }
}

/// The body's left and right margins: the left edge most lines start at, and the right edge
/// long lines reach.
pub fn margins(lines: &[&TextLine]) -> (f32, f32) {
    let mut lefts: std::collections::HashMap<i32, usize> = Default::default();
    for l in lines.iter().filter(|l| !l.vertical) {
        *lefts.entry(l.rect.x0.round() as i32).or_default() += 1;
    }
    let left = lefts.into_iter().max_by_key(|(x, n)| (*n, -*x)).map_or(0.0, |(x, _)| x as f32);
    let mut rights: Vec<f32> = lines.iter().filter(|l| !l.vertical).map(|l| l.rect.x1).collect();
    rights.sort_by(f32::total_cmp);
    let right = rights.get(rights.len().saturating_sub(1).saturating_sub(rights.len() / 20)).copied().unwrap_or(0.0);
    (left, right)
}

/// The paragraphs of a page's lines (top to bottom), given the body's margins.
pub fn paragraphs(page: usize, lines: &[&TextLine], (left, right): (f32, f32)) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut prev: Option<&TextLine> = None;
    for &l in lines {
        let text = l.text();
        if text.is_empty() {
            continue;
        }
        let size = l.size.max(1.0);
        let new = match prev {
            None => true,
            Some(p) => {
                l.vertical
                    || p.vertical
                    || (l.size - p.size).abs() > 0.15 * size
                    || l.rect.top - p.rect.bottom > 1.5 * size
                    || l.rect.x0 > left + 0.8 * size
                    || p.rect.x1 < right - 1.5 * p.size.max(1.0)
            }
        };
        let open_end = l.rect.x1 >= right - 1.5 * size;
        if new {
            out.push(Paragraph { page, rect: l.rect, text, size: l.size, open_end, flush_start: l.rect.x0 <= left + 0.5 * size });
        } else if let Some(last) = out.last_mut() {
            last.text = join(&last.text, &text);
            last.rect = last.rect.union(&l.rect);
            last.open_end = open_end;
        }
        prev = Some(l);
    }
    out
}

/// Orders a page's paragraphs and tables top to bottom.
pub fn blocks(paragraphs: Vec<Paragraph>, tables: Vec<Table>) -> Vec<Block> {
    let mut b: Vec<Block> = paragraphs.into_iter().map(Block::Paragraph).chain(tables.into_iter().map(Block::Table)).collect();
    b.sort_by(|x, y| x.top().total_cmp(&y.top()));
    b
}

/// Whether two tables have the same columns (the continuation may lack outer ones).
fn same_columns(a: &Table, b: &Table) -> bool {
    let near = |x: f32, ys: &[f32]| ys.iter().any(|y| (x - y).abs() <= 2.0 * TOLERANCE);
    let matched = b.xs.iter().filter(|x| near(**x, &a.xs)).count();
    a.ruled && b.ruled && matched * 10 >= b.xs.len() * 8 && (a.xs[0] - b.xs[0]).abs() <= 2.0 * TOLERANCE
}

/// Joins `next` (the first block of a page) to `prev` (the last block of the page before).
fn join_tables(prev: &mut Table, mut next: Table) {
    if prev.row_pages.is_empty() {
        prev.row_pages = vec![prev.page; prev.rows];
    }
    // A repeated header: the first rows of the continuation say what the first rows of the
    // table said.
    let texts = |t: &Table, r: usize| t.row(r).map(|c| c.text.clone()).collect::<Vec<_>>();
    let mut header = 0;
    while header < next.rows && header < prev.rows && texts(&next, header) == texts(prev, header) && texts(&next, header).iter().any(|t| !t.is_empty()) {
        header += 1;
    }
    // Map the continuation's column edges onto the table's.
    let col_of = |x: f32| prev.xs.iter().enumerate().min_by(|a, b| (a.1 - x).abs().total_cmp(&(b.1 - x).abs())).map_or(0, |(i, _)| i);
    let bottom_cells: Vec<usize> = (0..prev.cells.len()).filter(|&i| prev.cells[i].row + prev.cells[i].rows == prev.rows).collect();
    let base = prev.rows;
    let mut kept = Vec::new();
    for mut c in std::mem::take(&mut next.cells) {
        if c.row < header {
            continue;
        }
        let c0 = col_of(next.xs[c.col]);
        let c1 = col_of(next.xs[c.col + c.cols]).max(c0 + 1);
        // The part of a merged cell that runs on from the page before: empty, beside other
        // cells, in the same columns as a cell that reached the bottom of that page.
        if c.row == header && c.text.is_empty() {
            let continued = bottom_cells.iter().copied().find(|&i| {
                let p = &prev.cells[i];
                p.col == c0 && p.col + p.cols == c1 && !p.text.is_empty() && !is_figure(&p.text)
            });
            if let Some(i) = continued {
                prev.cells[i].rows += c.rows;
                continue;
            }
        }
        c.row = c.row - header + base;
        c.col = c0;
        c.cols = c1 - c0;
        kept.push(c);
    }
    prev.cells.extend(kept);
    let added = next.rows - header;
    prev.rows += added;
    prev.row_pages.extend(std::iter::repeat_n(next.page, added));
    prev.sort();
}

/// Blocks of every page, in order, with tables that run over a page break joined.
pub fn document(pages: Vec<Vec<Block>>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for page in pages {
        let mut first = true;
        for b in page {
            if first {
                first = false;
                match (out.last_mut(), b) {
                    (Some(Block::Table(prev)), Block::Table(t)) if same_columns(prev, &t) => {
                        join_tables(prev, t);
                        continue;
                    }
                    (Some(Block::Paragraph(prev)), Block::Paragraph(p))
                        if prev.open_end && p.flush_start && (p.size - prev.size).abs() <= 0.15 * p.size.max(1.0) =>
                    {
                        prev.text = join(&prev.text, &p.text);
                        prev.open_end = p.open_end;
                        continue;
                    }
                    (_, b) => out.push(b),
                }
                continue;
            }
            out.push(b);
        }
    }
    out
}
