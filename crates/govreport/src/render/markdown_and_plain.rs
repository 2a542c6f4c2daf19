//! Markdown and aligned plain text, for e-mail and terminals. Merged cells are shown once, in
//! their first row and column; the positions they cover stay empty.

use super::layout::{Block, Grid, Layout, Slot};

/// Terminal columns taken by `s`: East Asian wide and full-width characters take two.
pub fn width(s: &str) -> usize {
    s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

fn texts(g: &Grid) -> Vec<Vec<String>> {
    g.matrix()
        .iter()
        .map(|row| {
            row.iter()
                .map(|s| match s {
                    Slot::Origin(c) => c.text.replace('\n', " "),
                    _ => String::new(),
                })
                .collect()
        })
        .collect()
}

fn md_cell(s: &str) -> String {
    s.replace('\\', "\\\\").replace('|', "\\|")
}

fn md_table(g: &Grid, out: &mut String) {
    let rows = texts(g);
    for (i, row) in rows.iter().enumerate() {
        out.push_str("| ");
        out.push_str(&row.iter().map(|c| md_cell(c)).collect::<Vec<_>>().join(" | "));
        out.push_str(" |\n");
        if i == 0 {
            out.push_str(&format!("|{}\n", " --- |".repeat(g.columns)));
        }
    }
    out.push('\n');
}

/// The layout as Markdown.
pub fn markdown(l: &Layout) -> String {
    let mut out = format!("# {}\n\n", l.title);
    for m in &l.meta {
        out.push_str(&format!("{m}\n\n"));
    }
    for p in &l.parts {
        out.push_str(&format!("## {}\n\n", p.heading));
        for b in &p.blocks {
            match b {
                Block::Paragraph(t) => out.push_str(&format!("{t}\n\n")),
                Block::Table(g) => md_table(g, &mut out),
            }
        }
    }
    out
}

fn is_figure(s: &str) -> bool {
    s.chars().all(|ch| ch.is_ascii_digit() || ch == '.' || ch == '/')
}

fn text_table(g: &Grid, out: &mut String) {
    let matrix = g.matrix();
    // Column widths from single-column cells, then widened where a spanning cell needs more.
    let mut widths = vec![0usize; g.columns];
    let mut spanning = vec![];
    for row in &matrix {
        for (c, slot) in row.iter().enumerate() {
            if let Slot::Origin(cell) = slot {
                if cell.colspan == 1 {
                    widths[c] = widths[c].max(width(&cell.text));
                } else {
                    spanning.push((c, cell.colspan.min(g.columns - c), width(&cell.text)));
                }
            }
        }
    }
    for (c, k, w) in spanning {
        let have: usize = widths[c..c + k].iter().sum::<usize>() + 3 * (k - 1);
        if w > have {
            widths[c + k - 1] += w - have;
        }
    }
    let rule = format!("+{}+\n", widths.iter().map(|w| "-".repeat(w + 2)).collect::<Vec<_>>().join("+"));
    out.push_str(&rule);
    for (r, row) in matrix.iter().enumerate() {
        out.push('|');
        let mut c = 0;
        while c < g.columns {
            match row[c] {
                Slot::Origin(cell) => {
                    let k = cell.colspan.min(g.columns - c);
                    let w: usize = widths[c..c + k].iter().sum::<usize>() + 3 * (k - 1);
                    let pad = " ".repeat(w.saturating_sub(width(&cell.text)));
                    // Figures right-aligned, labels left-aligned.
                    if is_figure(&cell.text) {
                        out.push_str(&format!(" {pad}{} |", cell.text));
                    } else {
                        out.push_str(&format!(" {}{pad} |", cell.text));
                    }
                    c += k;
                }
                Slot::Covered { row: r0, column, vertical: true } => {
                    let k = match matrix[r0][column] {
                        Slot::Origin(o) => o.colspan.min(g.columns - c),
                        _ => 1,
                    };
                    let w: usize = widths[c..c + k].iter().sum::<usize>() + 3 * (k - 1);
                    out.push_str(&format!(" {} |", " ".repeat(w)));
                    c += k;
                }
                _ => {
                    out.push_str(&format!(" {} |", " ".repeat(widths[c])));
                    c += 1;
                }
            }
        }
        out.push('\n');
        if r + 1 == g.header_rows {
            out.push_str(&rule);
        }
    }
    out.push_str(&rule);
}

/// The layout as plain text with aligned tables.
pub fn plain(l: &Layout) -> String {
    let mut out = format!("{}\n", l.title);
    for m in &l.meta {
        out.push_str(&format!("{m}\n"));
    }
    for p in &l.parts {
        out.push_str(&format!("\n{}\n\n", p.heading));
        for b in &p.blocks {
            match b {
                Block::Paragraph(t) => out.push_str(&format!("  {t}\n")),
                Block::Table(g) => text_table(g, &mut out),
            }
        }
    }
    out
}
