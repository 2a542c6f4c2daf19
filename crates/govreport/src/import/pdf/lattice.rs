//! Tables from ruling lines (a lattice, as pdfplumber and Camelot call it): rules that touch
//! form a grid; the cells are the rectangles the rules enclose, and where a rule is missing
//! between two grid cells they are one merged cell. Each glyph belongs to the cell its centre
//! falls in.

use super::content::Glyph;
use super::geom::Rect;
use super::rules::{Rule, Rules, TOLERANCE};
use super::table::{Cell, Table};

/// Most grid cells in one table (a report's largest has about 250).
const MAX_GRID: usize = 100_000;

/// A cell with more characters than this is prose in a frame, not a table (as for HTML).
const PROSE_CELL_CHARS: usize = 300;

/// Share of a grid edge a rule must cover for the edge to be drawn.
const DRAWN: f32 = 0.5;

struct Sets(Vec<usize>);

impl Sets {
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

/// Positions within `TOLERANCE` of each other, as one (their mean), sorted.
fn cluster(mut v: Vec<f32>) -> Vec<f32> {
    v.sort_by(f32::total_cmp);
    let mut out: Vec<f32> = Vec::new();
    let mut group: Vec<f32> = Vec::new();
    for x in v {
        if group.last().is_some_and(|l| x - l > TOLERANCE) {
            out.push(group.iter().sum::<f32>() / group.len() as f32);
            group.clear();
        }
        group.push(x);
    }
    if !group.is_empty() {
        out.push(group.iter().sum::<f32>() / group.len() as f32);
    }
    out
}

/// For each grid line, the rules that lie on it.
fn on_lines<'r>(rules: &[&'r Rule], lines: &[f32]) -> Vec<Vec<&'r Rule>> {
    lines.iter().map(|at| rules.iter().filter(|r| (r.at - at).abs() <= TOLERANCE).copied().collect()).collect()
}

/// Whether the rules on a grid line cover its edge from `a` to `b`.
fn drawn(rules: &[&Rule], a: f32, b: f32) -> bool {
    let covered: f32 = rules.iter().map(|r| r.covers(a, b)).sum();
    covered >= DRAWN * (b - a)
}

/// The lattice tables of a page, and which glyphs they took.
pub fn tables(rules: &Rules, glyphs: &[Glyph]) -> (Vec<Table>, Vec<bool>) {
    let (h, v) = (&rules.horizontal, &rules.vertical);
    let mut taken = vec![false; glyphs.len()];
    if h.len() > super::limits::MAX_RULES || v.len() > super::limits::MAX_RULES {
        return (Vec::new(), taken);
    }
    let mut sets = Sets((0..h.len() + v.len()).collect());
    for (i, hr) in h.iter().enumerate() {
        for (j, vr) in v.iter().enumerate() {
            let meet = vr.at >= hr.from - TOLERANCE && vr.at <= hr.to + TOLERANCE && hr.at >= vr.from - TOLERANCE && hr.at <= vr.to + TOLERANCE;
            if meet {
                sets.union(i, h.len() + j);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, (Vec<&Rule>, Vec<&Rule>)> = Default::default();
    for (i, r) in h.iter().enumerate() {
        let root = sets.find(i);
        groups.entry(root).or_default().0.push(r);
    }
    for (j, r) in v.iter().enumerate() {
        let root = sets.find(h.len() + j);
        groups.entry(root).or_default().1.push(r);
    }
    let mut out = Vec::new();
    for (hs, vs) in groups.into_values() {
        if hs.len() < 2 || vs.len() < 2 {
            continue;
        }
        let ys = cluster(hs.iter().map(|r| r.at).collect());
        let xs = cluster(vs.iter().map(|r| r.at).collect());
        // A frame around text (no rule inside it) is not a table.
        if xs.len() < 3 || ys.len() < 2 || (xs.len() - 1) * (ys.len() - 1) > MAX_GRID {
            continue;
        }
        let (rows, cols) = (ys.len() - 1, xs.len() - 1);
        let id = |r: usize, c: usize| r * cols + c;
        let mut merged = Sets((0..rows * cols).collect());
        let (on_x, on_y) = (on_lines(&vs, &xs), on_lines(&hs, &ys));
        for r in 0..rows {
            for c in 0..cols {
                if c + 1 < cols && !drawn(&on_x[c + 1], ys[r], ys[r + 1]) {
                    merged.union(id(r, c), id(r, c + 1));
                }
                if r + 1 < rows && !drawn(&on_y[r + 1], xs[c], xs[c + 1]) {
                    merged.union(id(r, c), id(r + 1, c));
                }
            }
        }
        // Each group of grid cells is one cell: its first row and column and its extent.
        let mut extent: std::collections::BTreeMap<usize, (usize, usize, usize, usize)> = Default::default();
        for r in 0..rows {
            for c in 0..cols {
                let g = merged.find(id(r, c));
                let e = extent.entry(g).or_insert((r, c, r, c));
                *e = (e.0.min(r), e.1.min(c), e.2.max(r), e.3.max(c));
            }
        }
        let rect = Rect { x0: xs[0], top: ys[0], x1: xs[cols], bottom: ys[rows] };
        let mut held: std::collections::BTreeMap<usize, Vec<Glyph>> = Default::default();
        let mut mine = Vec::new();
        for (k, g) in glyphs.iter().enumerate() {
            let (x, y) = g.rect.centre();
            if !rect.contains(x, y) {
                continue;
            }
            let c = xs.partition_point(|e| *e <= x).clamp(1, cols) - 1;
            let r = ys.partition_point(|e| *e <= y).clamp(1, rows) - 1;
            held.entry(merged.find(id(r, c))).or_default().push(*g);
            mine.push(k);
        }
        // Prose laid out in a grid (a framed page, two columns of text) is not a table.
        if held.values().any(|g| g.len() > PROSE_CELL_CHARS) {
            continue;
        }
        for k in mine {
            taken[k] = true;
        }
        let mut cells: Vec<Cell> = extent
            .into_iter()
            .map(|(g, (r0, c0, r1, c1))| {
                let rect = Rect { x0: xs[c0], top: ys[r0], x1: xs[c1 + 1], bottom: ys[r1 + 1] };
                Cell::new(r0, c0, r1 - r0 + 1, c1 - c0 + 1, rect, held.remove(&g).unwrap_or_default())
            })
            .collect();
        cells.sort_by_key(|c| (c.row, c.col));
        out.push(Table { page: 0, rect, xs, rows, cells, ruled: true, row_pages: vec![] });
    }
    out.sort_by(|a, b| a.rect.top.total_cmp(&b.rect.top));
    (out, taken)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::pdf::rules::Rule;

    fn glyph(c: char, x: f32, y: f32) -> Glyph {
        Glyph { c, rect: Rect { x0: x, top: y, x1: x + 10.0, bottom: y + 10.0 }, size: 10.0, vertical: false, artifact: false }
    }

    #[test]
    fn a_missing_rule_merges_cells() {
        // Two rows, three columns; the rule between the first two cells of row 0 is missing.
        let h = |at| Rule { at, from: 0.0, to: 300.0 };
        let v = |at, from, to| Rule { at, from, to };
        let rules = Rules {
            horizontal: vec![h(0.0), h(20.0), h(40.0)],
            vertical: vec![v(0.0, 0.0, 40.0), v(100.0, 20.0, 40.0), v(200.0, 0.0, 40.0), v(300.0, 0.0, 40.0)],
        };
        let glyphs = [glyph('甲', 5.0, 5.0), glyph('乙', 15.0, 5.0), glyph('1', 50.0, 25.0), glyph('2', 150.0, 25.0), glyph('外', 5.0, 60.0)];
        let (tables, taken) = tables(&rules, &glyphs);
        assert_eq!(tables.len(), 1);
        let t = &tables[0];
        let row0: Vec<(&str, usize)> = t.row(0).map(|c| (c.text.as_str(), c.cols)).collect();
        assert_eq!(row0, vec![("甲乙", 2), ("", 1)]);
        let row1: Vec<&str> = t.row(1).map(|c| c.text.as_str()).collect();
        assert_eq!(row1, vec!["1", "2", ""]);
        assert_eq!(taken, vec![true, true, true, true, false]);
        // The same grid around a page of prose is a frame, not a table.
        let prose: Vec<Glyph> = (0..400).map(|i| glyph('字', 2.0 + (i % 9) as f32, 2.0 + (i / 100) as f32)).collect();
        let (tables, taken) = super::tables(&rules, &prose);
        assert!(tables.is_empty() && taken.iter().all(|t| !t));
    }
}
