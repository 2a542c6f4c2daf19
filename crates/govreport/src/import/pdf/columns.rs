//! Tables without ruling lines (a stream, as Camelot calls it): lines whose words stand in
//! columns apart by wide gaps. The columns come from the pieces of the lines that hold
//! figures; a label that wraps onto lines of its own in the first column joins the row it
//! sits beside.

use super::content::Glyph;
use super::geom::Rect;
use super::lines::{TextLine, join};
use super::table::{Cell, Table, is_figure};

/// A gap this many font sizes wide separates two cells.
const CELL_GAP: f32 = 1.5;

/// A piece of a line between wide gaps.
#[derive(Clone, Debug)]
struct Piece {
    rect: Rect,
    glyphs: Vec<Glyph>,
    text: String,
}

fn pieces(line: &TextLine) -> Vec<Piece> {
    let mut out: Vec<Vec<Glyph>> = Vec::new();
    let mut last_end: Option<f32> = None;
    for g in &line.glyphs {
        if g.c.is_whitespace() {
            continue;
        }
        let new = last_end.is_none_or(|e| g.rect.x0 - e > CELL_GAP * line.size);
        if new {
            out.push(Vec::new());
        }
        if let Some(p) = out.last_mut() {
            p.push(*g);
        }
        last_end = Some(g.rect.x1);
    }
    out.into_iter()
        .filter(|g| !g.is_empty())
        .map(|glyphs| {
            let l = TextLine { rect: glyphs.iter().skip(1).fold(glyphs[0].rect, |r, g| r.union(&g.rect)), size: line.size, vertical: false, glyphs };
            Piece { rect: l.rect, text: l.text(), glyphs: l.glyphs }
        })
        .collect()
}

/// Finds stream tables among a page's lines (top to bottom). Returns the tables and, per
/// line, whether a table took it.
pub fn tables(lines: &[TextLine]) -> (Vec<Table>, Vec<bool>) {
    let split: Vec<Vec<Piece>> = lines.iter().map(|l| if l.vertical { Vec::new() } else { pieces(l) }).collect();
    let multi = |i: usize| split[i].len() >= 2;
    let mut taken = vec![false; lines.len()];
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !multi(i) {
            i += 1;
            continue;
        }
        // A block: lines in columns, with short lines between them (wrapped labels).
        let mut j = i + 1;
        let mut last_multi = i;
        while j < lines.len() {
            let close = lines[j].rect.top - lines[j - 1].rect.bottom <= 3.0 * lines[j].size.max(lines[j - 1].size);
            if !close {
                break;
            }
            if multi(j) {
                last_multi = j;
            } else if split[j].len() != 1 || split[j][0].text.chars().count() > 25 {
                break;
            }
            j += 1;
        }
        let block: Vec<usize> = (i..=last_multi).collect();
        let multis = block.iter().filter(|&&k| multi(k)).count();
        if multis >= 2
            && let Some(t) = table(lines, &split, &block)
        {
            for &k in &block {
                taken[k] = true;
            }
            out.push(t);
        }
        i = last_multi + 1;
    }
    (out, taken)
}

fn table(lines: &[TextLine], split: &[Vec<Piece>], block: &[usize]) -> Option<Table> {
    // Columns from the lines that hold figures (else every line in columns).
    let with_figures: Vec<usize> = block
        .iter()
        .copied()
        .filter(|&k| split[k].len() >= 2 && split[k].iter().skip(1).filter(|p| is_figure(&p.text)).count() * 2 >= split[k].len() - 1)
        .collect();
    let source: Vec<usize> = if with_figures.len() >= 2 { with_figures } else { block.iter().copied().filter(|&k| split[k].len() >= 2).collect() };
    let mut spans: Vec<(f32, f32)> = source.iter().flat_map(|&k| split[k].iter().map(|p| (p.rect.x0, p.rect.x1))).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut cols: Vec<(f32, f32)> = Vec::new();
    for (a, b) in spans {
        match cols.last_mut() {
            Some(c) if a <= c.1 => c.1 = c.1.max(b),
            _ => cols.push((a, b)),
        }
    }
    if cols.len() < 2 {
        return None;
    }
    let column_of = |p: &Piece| -> usize {
        let best = cols.iter().enumerate().map(|(i, c)| (i, (c.1.min(p.rect.x1) - c.0.max(p.rect.x0)).max(0.0))).max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((i, o)) if o > 0.0 => i,
            _ => {
                let (cx, _) = p.rect.centre();
                cols.iter().enumerate().min_by(|a, b| ((a.1.0 + a.1.1) / 2.0 - cx).abs().total_cmp(&((b.1.0 + b.1.1) / 2.0 - cx).abs())).map_or(0, |(i, _)| i)
            }
        }
    };
    // Rows: each line in columns is a row; a line of one piece in the first column joins the
    // nearest row beside it (the one above on a tie).
    let anchors: Vec<usize> = block.iter().copied().filter(|&k| split[k].len() >= 2).collect();
    let mut members: Vec<Vec<usize>> = anchors.iter().map(|&a| vec![a]).collect();
    let mut own_rows: Vec<usize> = Vec::new();
    for &k in block {
        if split[k].len() >= 2 {
            continue;
        }
        let p = &split[k][0];
        let first_col = column_of(p) == 0 && p.rect.x1 <= cols[0].1 + lines[k].size;
        let (_, cy) = lines[k].rect.centre();
        let nearest = anchors.iter().enumerate().min_by(|a, b| {
            let da = (lines[*a.1].rect.centre().1 - cy).abs();
            let db = (lines[*b.1].rect.centre().1 - cy).abs();
            da.total_cmp(&db).then(b.0.cmp(&a.0).reverse())
        });
        match nearest {
            Some((r, _)) if first_col => members[r].push(k),
            _ => own_rows.push(k),
        }
    }
    let mut rows: Vec<Vec<usize>> = members;
    rows.extend(own_rows.into_iter().map(|k| vec![k]));
    for r in &mut rows {
        r.sort_unstable();
    }
    rows.sort_by_key(|r| r[0]);
    let mut xs: Vec<f32> = vec![cols[0].0];
    for w in cols.windows(2) {
        xs.push((w[0].1 + w[1].0) / 2.0);
    }
    xs.push(cols[cols.len() - 1].1);
    let mut cells = Vec::new();
    let mut rect: Option<Rect> = None;
    for (ri, r) in rows.iter().enumerate() {
        let mut by_col: Vec<(Option<Rect>, String, Vec<Glyph>)> = vec![(None, String::new(), Vec::new()); cols.len()];
        for &k in r {
            for p in &split[k] {
                let c = column_of(p);
                let slot = &mut by_col[c];
                slot.0 = Some(slot.0.map_or(p.rect, |x| x.union(&p.rect)));
                slot.1 = if slot.1.is_empty() { p.text.clone() } else { join(&slot.1, &p.text) };
                slot.2.extend(p.glyphs.iter().copied());
            }
        }
        let row_rect = r.iter().map(|&k| lines[k].rect).reduce(|a, b| a.union(&b))?;
        rect = Some(rect.map_or(row_rect, |x| x.union(&row_rect)));
        for (c, (cr, text, glyphs)) in by_col.into_iter().enumerate() {
            let cell_rect = cr.unwrap_or(Rect { x0: xs[c], top: row_rect.top, x1: xs[c + 1], bottom: row_rect.bottom });
            cells.push(Cell { row: ri, col: c, rows: 1, cols: 1, rect: cell_rect, text, glyphs });
        }
    }
    Some(Table { page: 0, rect: rect?, xs, rows: rows.len(), cells, ruled: false, row_pages: vec![] })
}
