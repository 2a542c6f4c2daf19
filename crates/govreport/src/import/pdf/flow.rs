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
        let numbered_start = out.last().is_some_and(|p| starts_new(&p.text, &text));
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
                    || numbered_start
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

/// Whether `next` starts a new paragraph after `prev` even when the lines run margin to
/// margin: `prev` ends a sentence and `next` starts with a numbering ("（三）", "四、", "2.").
fn starts_new(prev: &str, next: &str) -> bool {
    prev.trim_end().ends_with(['。', '；', ';', '：', ':', '！', '？']) && numbered(next)
}

/// Whether a label starts with the numbering of a row: "（一）", "(二)", "三、", "1.", "2、".
fn numbered(text: &str) -> bool {
    let t = text.trim_start();
    let cn = |s: &str| s.chars().take_while(|c| "一二三四五六七八九十".contains(*c)).count();
    if let Some(rest) = t.strip_prefix(['（', '(']) {
        let n = cn(rest);
        return n > 0 && rest.chars().nth(n).is_some_and(|c| c == '）' || c == ')');
    }
    let n = cn(t);
    if n > 0 {
        return t.chars().nth(n) == Some('、');
    }
    let d = t.chars().take_while(char::is_ascii_digit).count();
    d > 0 && d < 3 && t.chars().nth(d).is_some_and(|c| matches!(c, '.' | '、' | '．'))
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
    let aligned = |c: &super::table::Cell, prev: &Table| {
        let c0 = col_of(next.xs[c.col]);
        let c1 = col_of(next.xs[c.col + c.cols]).max(c0 + 1);
        bottom_cells.iter().copied().find(|&i| prev.cells[i].col == c0 && prev.cells[i].col + prev.cells[i].cols == c1)
    };
    // A row broken by the page: no cell of the continuation's first row starts a new label,
    // and each of its cells continues the cell above it: empty, a figure where the row above
    // had none, or the rest of a label whose last line was full.
    let label = |t: &str| !t.is_empty() && !is_figure(t);
    let first: Vec<&super::table::Cell> = next.cells.iter().filter(|c| c.row == header).collect();
    let bottom_row: Vec<&super::table::Cell> = prev.cells.iter().filter(|c| c.row + c.rows == prev.rows && c.row == prev.rows - 1).collect();
    let broken_row = !first.is_empty()
        && first.iter().any(|c| !c.text.is_empty())
        && bottom_row.iter().any(|c| !label(&c.text))
        && first.iter().all(|c| {
            if numbered(&c.text) {
                return false;
            }
            if c.text.is_empty() {
                return true;
            }
            match aligned(c, prev).map(|i| &prev.cells[i]) {
                Some(p) if is_figure(&c.text) => p.text.is_empty(),
                Some(p) => label(&p.text) && p.ends_full(),
                None => false,
            }
        });
    let mut kept = Vec::new();
    for mut c in std::mem::take(&mut next.cells) {
        if c.row < header {
            continue;
        }
        let c0 = col_of(next.xs[c.col]);
        let c1 = col_of(next.xs[c.col + c.cols]).max(c0 + 1);
        if c.row == header
            && let Some(i) = bottom_cells.iter().copied().find(|&i| prev.cells[i].col == c0 && prev.cells[i].col + prev.cells[i].cols == c1)
        {
            let p = &mut prev.cells[i];
            // The part of a merged cell (or of a broken row) that runs on from the page before:
            // empty, or the rest of its label (not a new numbered one), joined to it.
            let continues = broken_row || (label(&p.text) && (c.text.is_empty() || (c.rows > 1 && p.ends_full() && !numbered(&c.text) && !is_figure(&c.text))));
            if continues {
                p.text = if p.text.is_empty() {
                    c.text
                } else if c.text.is_empty() {
                    std::mem::take(&mut p.text)
                } else {
                    join(&p.text, &c.text)
                };
                p.rows += c.rows;
                p.glyphs.extend(c.glyphs);
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
