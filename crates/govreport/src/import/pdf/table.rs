//! A table read from a page: its grid and its cells, each with its box and glyphs. Tables
//! read from ruling lines (a lattice) and from column positions (a stream) have this shape.

use super::content::Glyph;
use super::geom::Rect;
use super::lines::{self, join};

/// A cell: where it sits in the grid (merged cells span rows and columns) and what it holds.
#[derive(Clone, Debug)]
pub struct Cell {
    /// First row (0-based).
    pub row: usize,
    /// First column (0-based).
    pub col: usize,
    /// Rows spanned (≥ 1).
    pub rows: usize,
    /// Columns spanned (≥ 1).
    pub cols: usize,
    /// Its box on the page.
    pub rect: Rect,
    /// Its text: its lines joined, without spaces between wide characters.
    pub text: String,
    /// Its glyphs, in reading order.
    pub glyphs: Vec<Glyph>,
}

impl Cell {
    /// A cell of `glyphs` (any order), its text from their lines.
    pub fn new(row: usize, col: usize, rows: usize, cols: usize, rect: Rect, glyphs: Vec<Glyph>) -> Cell {
        let lines = lines::lines(&glyphs);
        let mut text = String::new();
        let mut ordered = Vec::with_capacity(glyphs.len());
        for l in lines {
            let t = l.text();
            text = if text.is_empty() { t } else { join(&text, &t) };
            ordered.extend(l.glyphs);
        }
        Cell { row, col, rows, cols, rect, text, glyphs: ordered }
    }
}

impl Cell {
    /// Whether its text's last line runs to the cell's far edge (within two font sizes, for
    /// padding and the character that did not fit): the text was wrapped there, and may go on
    /// in the next piece of the cell.
    pub fn ends_full(&self) -> bool {
        let Some(last) = self.glyphs.iter().rev().find(|g| !g.c.is_whitespace()) else { return false };
        if last.vertical {
            let end = self
                .glyphs
                .iter()
                .filter(|g| (g.rect.centre().0 - last.rect.centre().0).abs() < 0.5 * last.size)
                .map(|g| g.rect.bottom)
                .fold(f32::MIN, f32::max);
            return end >= self.rect.bottom - 2.0 * last.size;
        }
        let end = self.glyphs.iter().filter(|g| (g.rect.centre().1 - last.rect.centre().1).abs() < 0.5 * last.size).map(|g| g.rect.x1).fold(f32::MIN, f32::max);
        end >= self.rect.x1 - 2.0 * last.size
    }
}

/// A table on one page, or joined from several.
#[derive(Clone, Debug)]
pub struct Table {
    /// The page it starts on (1-based).
    pub page: usize,
    /// Its box on that page.
    pub rect: Rect,
    /// x of the column edges (columns + 1 of them).
    pub xs: Vec<f32>,
    /// Number of rows.
    pub rows: usize,
    /// Cells, by row then column; a merged cell once, at its first row and column.
    pub cells: Vec<Cell>,
    /// Read from ruling lines (else from column positions).
    pub ruled: bool,
    /// Pages of the rows, when the table runs over several (row index → page).
    pub row_pages: Vec<usize>,
}

impl Table {
    /// Cells of row `r`, left to right.
    pub fn row(&self, r: usize) -> impl Iterator<Item = &Cell> {
        self.cells.iter().filter(move |c| c.row == r)
    }

    /// Number of columns.
    pub fn columns(&self) -> usize {
        self.xs.len().saturating_sub(1)
    }

    /// Sorts cells by row, then column.
    pub fn sort(&mut self) {
        self.cells.sort_by_key(|c| (c.row, c.col));
    }
}

/// Whether a cell's text is a figure or a mark that stands for one ("12", "0.5", "/", "—").
pub fn is_figure(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '/' | '-' | '—' | '－' | '／' | '\\') || ('０'..='９').contains(&c))
}
