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

/// Between two figures, a gap this many font sizes wide separates two cells.
const FIGURE_GAP: f32 = 0.5;

fn figure_char(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || matches!(c, '/' | '／' | '—' | '－')
}

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
    let mut prev_c: Option<char> = None;
    for g in &line.glyphs {
        if g.c.is_whitespace() {
            continue;
        }
        // Figures of two columns can stand closer than words: split digits at half a size.
        let figures = prev_c.is_some_and(figure_char) && figure_char(g.c);
        let gap = if figures { FIGURE_GAP } else { CELL_GAP };
        let new = last_end.is_none_or(|e| g.rect.x0 - e > gap * line.size);
        prev_c = Some(g.c);
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

/// A cell found before its row is known: its column, box, text and glyphs.
type Placed = (usize, Rect, String, Vec<Glyph>);

/// A run of a label's glyphs without a wide gap, on one line.
struct Run {
    rect: Rect,
    text: String,
    glyphs: Vec<Glyph>,
    size: f32,
    /// The row whose figures stand on the same line.
    row: Option<usize>,
}

/// A label piece split where a gap of most of a size opens (a group label beside a row label).
fn label_runs(p: &Piece, size: f32, row: Option<usize>) -> Vec<Run> {
    let mut out: Vec<Vec<Glyph>> = Vec::new();
    let mut last: Option<f32> = None;
    for g in &p.glyphs {
        if last.is_none_or(|e| g.rect.x0 - e > 0.8 * size) {
            out.push(Vec::new());
        }
        if let Some(r) = out.last_mut() {
            r.push(*g);
        }
        last = Some(g.rect.x1);
    }
    out.into_iter()
        .filter(|g| !g.is_empty())
        .map(|glyphs| {
            let l = TextLine { rect: glyphs.iter().skip(1).fold(glyphs[0].rect, |r, g| r.union(&g.rect)), size, vertical: false, glyphs };
            Run { rect: l.rect, text: l.text(), glyphs: l.glyphs, size, row }
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
        // A block: lines in columns, with short lines of the same size between them
        // (wrapped labels); a heading (another size), a sentence or a wide gap ends it.
        let mut j = i + 1;
        let mut last_multi = i;
        let size = lines[i].size;
        while j < lines.len() {
            let close = lines[j].rect.top - lines[j - 1].rect.bottom <= 2.5 * lines[j].size.max(lines[j - 1].size);
            let same_size = (lines[j].size - size).abs() <= 0.15 * size;
            if !close || !same_size {
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
        let with_figures = block.iter().filter(|&&k| multi(k) && split[k].iter().any(|p| is_figure(&p.text))).count();
        if multis >= 2
            && with_figures >= 1
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
    // Columns from the lines that hold figures.
    let figure_lines: Vec<usize> = block.iter().copied().filter(|&k| split[k].len() >= 2 && split[k].iter().any(|p| is_figure(&p.text))).collect();
    let mut spans: Vec<(f32, f32)> = figure_lines.iter().flat_map(|&k| split[k].iter().map(|p| (p.rect.x0, p.rect.x1))).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut cols: Vec<(f32, f32)> = Vec::new();
    for (a, b) in spans {
        match cols.last_mut() {
            Some(c) if a <= c.1 => c.1 = c.1.max(b),
            _ => cols.push((a, b)),
        }
    }
    if cols.len() < 2 || cols.len() > super::limits::MAX_STREAM_GRID.0 || figure_lines.len() > super::limits::MAX_STREAM_GRID.1 {
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
    // Two pieces of one line in one column: the columns are not what they seem. No table is
    // better than figures put in the wrong cells.
    for &k in &figure_lines {
        let c: Vec<usize> = split[k].iter().map(column_of).collect();
        if c.windows(2).any(|w| w[1] <= w[0]) {
            return None;
        }
    }
    let first_figures = figure_lines[0];
    // The header: the lines above the first figures. Pieces of one column a line apart are
    // one cell wrapped; cells whose tops meet are one row.
    let mut header_cells: Vec<Placed> = Vec::new();
    let mut pieces_by_col: Vec<Vec<&Piece>> = vec![Vec::new(); cols.len()];
    let head_pieces: Vec<Piece> = block
        .iter()
        .filter(|&&k| k < first_figures)
        .flat_map(|&k| split[k].iter().flat_map(move |p| label_runs(p, lines[k].size, None)).map(|r| Piece { rect: r.rect, glyphs: r.glyphs, text: r.text }))
        .collect();
    for p in &head_pieces {
        pieces_by_col[column_of(p)].push(p);
    }
    for (c, ps) in pieces_by_col.iter_mut().enumerate() {
        ps.sort_by(|a, b| a.rect.top.total_cmp(&b.rect.top));
        for p in ps.iter() {
            match header_cells.last_mut() {
                Some((col, r, text, glyphs)) if *col == c && p.rect.top - r.bottom < 0.45 * p.rect.height() && (p.rect.x0 < r.x1 && p.rect.x1 > r.x0) => {
                    *r = r.union(&p.rect);
                    *text = join(text, &p.text);
                    glyphs.extend(p.glyphs.iter().copied());
                }
                _ => header_cells.push((c, p.rect, p.text.clone(), p.glyphs.clone())),
            }
        }
    }
    // Header cells are centred in their grid cells: cells whose middles meet are one row.
    header_cells.sort_by(|a, b| a.1.centre().1.total_cmp(&b.1.centre().1));
    let line = lines[first_figures].size;
    let mut header_rows: Vec<Vec<Placed>> = Vec::new();
    for cell in header_cells {
        match header_rows.last_mut() {
            Some(row) if (cell.1.centre().1 - row[0].1.centre().1).abs() < 0.6 * line && !row.iter().any(|c| c.0 == cell.0) => row.push(cell),
            _ => header_rows.push(vec![cell]),
        }
    }
    for row in &mut header_rows {
        row.sort_by_key(|c| c.0);
    }
    // The body: each line with figures is a row. The labels before the figures stand in
    // sub-columns (a group label, a row label); a piece of a label on a line of its own is
    // the wrapped rest of the piece above or below it in its sub-column (the nearer one), and
    // a label with no piece on a row's line belongs to the row nearest its middle.
    let body: Vec<usize> = block.iter().copied().filter(|&k| k >= first_figures).collect();
    let anchors: Vec<usize> = body.iter().copied().filter(|&k| split[k].len() >= 2 && split[k].iter().any(|p| is_figure(&p.text))).collect();
    let anchor_of: std::collections::HashMap<usize, usize> = anchors.iter().enumerate().map(|(r, &k)| (k, r)).collect();
    let row_of_line = |k: usize| anchor_of.get(&k).copied();
    // Rows are top to bottom: the nearest to a height is beside where it would be inserted.
    let centres: Vec<f32> = anchors.iter().map(|&k| lines[k].rect.centre().1).collect();
    let nearest_row = |y: f32| {
        let i = centres.partition_point(|c| *c < y);
        [i.checked_sub(1), (i < centres.len()).then_some(i)]
            .into_iter()
            .flatten()
            .min_by(|&a, &b| (centres[a] - y).abs().total_cmp(&(centres[b] - y).abs()))
            .unwrap_or(0)
    };
    let mut runs: Vec<Run> = Vec::new();
    let mut figure_cells: Vec<Vec<Vec<&Piece>>> = vec![vec![Vec::new(); cols.len()]; anchors.len()];
    // Lines of words in columns without figures (a heading row inside the table), and lines
    // wider than the label column (a block title), are rows of their own.
    let own_row = |k: usize| !anchor_of.contains_key(&k) && split[k].iter().any(|p| column_of(p) > 0 || p.rect.x1 > cols[0].1 + lines[k].size);
    let own_rows: Vec<usize> = body.iter().copied().filter(|&k| own_row(k)).collect();
    for &k in &body {
        if own_row(k) {
            continue;
        }
        for p in &split[k] {
            let c = column_of(p);
            if c == 0 {
                runs.extend(label_runs(p, lines[k].size, row_of_line(k)));
            } else {
                let r = row_of_line(k).unwrap_or_else(|| nearest_row(p.rect.centre().1));
                figure_cells[r][c].push(p);
            }
        }
    }
    // Sub-columns of labels: where runs start, within one and a half sizes.
    let mut starts: Vec<f32> = runs.iter().map(|r| r.rect.x0).collect();
    starts.sort_by(f32::total_cmp);
    let mut subcols: Vec<f32> = Vec::new();
    for (i, x) in starts.iter().enumerate() {
        if i == 0 || x - starts[i - 1] > 1.5 * lines[first_figures].size {
            subcols.push(*x);
        }
    }
    let subcol_of = |r: &Run| subcols.iter().rposition(|s| *s <= r.rect.x0 + 0.01).unwrap_or(0);
    let mut sets: Vec<usize> = (0..runs.len()).collect();
    fn find(s: &mut [usize], mut i: usize) -> usize {
        while s[i] != i {
            s[i] = s[s[i]];
            i = s[i];
        }
        i
    }
    // Each sub-column's runs top to bottom: the neighbours of a run are beside it in the list.
    let mut by_subcol: Vec<Vec<usize>> = vec![Vec::new(); subcols.len()];
    for (i, r) in runs.iter().enumerate() {
        by_subcol[subcol_of(r)].push(i);
    }
    for list in &mut by_subcol {
        list.sort_by(|a, b| runs[*a].rect.top.total_cmp(&runs[*b].rect.top));
    }
    let gap = |i: usize, j: usize| {
        let (a, b) = (&runs[i].rect, &runs[j].rect);
        if b.top >= a.bottom {
            b.top - a.bottom
        } else if a.top >= b.bottom {
            a.top - b.bottom
        } else {
            0.0
        }
    };
    for list in &by_subcol {
        for (p, &i) in list.iter().enumerate() {
            if runs[i].row.is_some() {
                continue;
            }
            let above = p.checked_sub(1).map(|q| list[q]);
            let below = list.get(p + 1).copied();
            let best = [above, below].into_iter().flatten().min_by(|&a, &b| gap(i, a).total_cmp(&gap(i, b)));
            if let Some(j) = best
                && gap(i, j) < 1.5 * runs[i].size
            {
                let (a, b) = (find(&mut sets, i), find(&mut sets, j));
                sets[a] = b;
            }
        }
    }
    let mut labels: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for i in 0..runs.len() {
        let root = find(&mut sets, i);
        labels.entry(root).or_default().push(i);
    }
    let mut label_cells: Vec<Vec<Placed>> = vec![Vec::new(); anchors.len()];
    for members in labels.into_values() {
        let mut members = members;
        members.sort_by(|a, b| runs[*a].rect.top.total_cmp(&runs[*b].rect.top));
        let rect = members.iter().map(|&i| runs[i].rect).reduce(|a, b| a.union(&b))?;
        let text = members.iter().fold(String::new(), |t, &i| if t.is_empty() { runs[i].text.clone() } else { join(&t, &runs[i].text) });
        let glyphs: Vec<Glyph> = members.iter().flat_map(|&i| runs[i].glyphs.iter().copied()).collect();
        let row = members.iter().find_map(|&i| runs[i].row).unwrap_or_else(|| nearest_row(rect.centre().1));
        let sc = subcol_of(&runs[members[0]]);
        label_cells[row].push((sc, rect, text, glyphs));
    }
    let mut xs: Vec<f32> = subcols.clone();
    for w in cols.windows(2) {
        xs.push((w[0].1 + w[1].0) / 2.0);
    }
    xs.push(cols[cols.len() - 1].1);
    let first_figure_col = subcols.len();
    let mut cells = Vec::new();
    let mut rect: Option<Rect> = None;
    for (ri, row) in header_rows.into_iter().enumerate() {
        for (c, r, text, glyphs) in row {
            rect = Some(rect.map_or(r, |x| x.union(&r)));
            let col = if c == 0 { 0 } else { first_figure_col + c - 1 };
            cells.push(Cell { row: ri, col, rows: 1, cols: 1, rect: r, text, glyphs });
        }
    }
    let head = cells.iter().map(|c| c.row + 1).max().unwrap_or(0);
    // Rows in order down the page: figure rows and rows of their own.
    let mut order: Vec<(usize, Option<usize>)> = anchors.iter().enumerate().map(|(ri, &k)| (k, Some(ri))).chain(own_rows.iter().map(|&k| (k, None))).collect();
    order.sort_by_key(|o| o.0);
    for (n, (k, ri)) in order.iter().enumerate() {
        let row = head + n;
        let Some(ri) = *ri else {
            for p in &split[*k] {
                let c = column_of(p);
                let col = if c == 0 { 0 } else { first_figure_col + c - 1 };
                cells.push(Cell { row, col, rows: 1, cols: 1, rect: p.rect, text: p.text.clone(), glyphs: p.glyphs.clone() });
            }
            rect = Some(rect.map_or(lines[*k].rect, |x| x.union(&lines[*k].rect)));
            continue;
        };
        let k = *k;
        let mut labels_here = std::mem::take(&mut label_cells[ri]);
        labels_here.sort_by_key(|l| l.0);
        let mut row_rect = lines[k].rect;
        for (sc, r, text, glyphs) in labels_here {
            row_rect = row_rect.union(&r);
            cells.push(Cell { row, col: sc, rows: 1, cols: 1, rect: r, text, glyphs });
        }
        for c in 1..cols.len() {
            let ps = &figure_cells[ri][c];
            let text = ps.iter().fold(String::new(), |t, p| if t.is_empty() { p.text.clone() } else { join(&t, &p.text) });
            let r = ps.iter().map(|p| p.rect).reduce(|a, b| a.union(&b)).unwrap_or(Rect {
                x0: xs[first_figure_col + c - 1],
                top: lines[k].rect.top,
                x1: xs[first_figure_col + c],
                bottom: lines[k].rect.bottom,
            });
            let glyphs = ps.iter().flat_map(|p| p.glyphs.iter().copied()).collect();
            cells.push(Cell { row, col: first_figure_col + c - 1, rows: 1, cols: 1, rect: r, text, glyphs });
        }
        rect = Some(rect.map_or(row_rect, |x| x.union(&row_rect)));
    }
    let rows = order.len();
    let mut t = Table { page: 0, rect: rect?, xs, rows: head + rows, cells, ruled: false, row_pages: vec![] };
    t.sort();
    Some(t)
}
