//! A Word document: real tables with the template's merged cells, borders, 仿宋/宋体/黑体 fonts,
//! A4 pages.

use std::io::Cursor;

use docx_rs::{AlignmentType, Docx, PageMargin, Paragraph, Run, RunFonts, Table, TableCell, TableLayoutType, TableRow, VAlignType, VMergeType, WidthType};

use super::layout::{Block, Grid, Layout, Slot};
use crate::Error;

const BODY: &str = "仿宋_GB2312";
const TABLE: &str = "宋体";
const HEADING: &str = "黑体";
const TITLE: &str = "方正小标宋简体";
/// A4 in twentieths of a point, and margins of 25 mm top/bottom, 20 mm left/right.
const A4: (u32, u32) = (11906, 16838);
const TEXT_WIDTH: usize = 11906 - 2 * 1134;

fn run(text: &str, font: &str, half_points: usize) -> Run {
    Run::new().add_text(text).fonts(RunFonts::new().east_asia(font).ascii("Times New Roman").hi_ansi("Times New Roman")).size(half_points)
}

fn table(g: &Grid) -> Table {
    let total: usize = g.weights.iter().map(|w| usize::from(*w)).sum::<usize>().max(1);
    let widths: Vec<usize> = (0..g.columns).map(|c| TEXT_WIDTH * usize::from(g.weights.get(c).copied().unwrap_or(1)) / total).collect();
    let span_width = |c: usize, k: usize| -> usize { widths[c..(c + k).min(g.columns)].iter().sum() };
    let matrix = g.matrix();
    let mut rows = vec![];
    for r in 0..matrix.len() {
        let mut cells = vec![];
        let mut c = 0;
        while c < g.columns {
            match matrix[r][c] {
                Slot::Origin(cell) => {
                    let align =
                        if cell.head && cell.colspan > 0 && cell.pointer.is_none() && r >= g.header_rows { AlignmentType::Left } else { AlignmentType::Center };
                    let p = Paragraph::new().align(align).add_run(run(&cell.text, TABLE, 21));
                    let mut tc = TableCell::new().add_paragraph(p).vertical_align(VAlignType::Center).width(span_width(c, cell.colspan), WidthType::Dxa);
                    if cell.colspan > 1 {
                        tc = tc.grid_span(cell.colspan);
                    }
                    if cell.rowspan > 1 {
                        tc = tc.vertical_merge(VMergeType::Restart);
                    }
                    cells.push(tc);
                    c += cell.colspan;
                }
                Slot::Covered { row, column, vertical: true } => {
                    // Continue the vertical merge of the cell above, with its width.
                    let span = match matrix[row][column] {
                        Slot::Origin(o) => o.colspan,
                        _ => 1,
                    };
                    let mut tc = TableCell::new().vertical_merge(VMergeType::Continue).width(span_width(c, span), WidthType::Dxa);
                    if span > 1 {
                        tc = tc.grid_span(span);
                    }
                    cells.push(tc);
                    c += span;
                }
                Slot::Covered { .. } | Slot::Empty => c += 1,
            }
        }
        rows.push(TableRow::new(cells));
    }
    Table::new(rows).set_grid(widths).layout(TableLayoutType::Fixed).width(TEXT_WIDTH, WidthType::Dxa)
}

/// The layout as a .docx file.
pub fn write(l: &Layout) -> Result<Vec<u8>, Error> {
    let mut doc = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(PageMargin::new().top(1417).bottom(1417).left(1134).right(1134))
        .default_fonts(RunFonts::new().east_asia(BODY).ascii("Times New Roman").hi_ansi("Times New Roman"))
        .default_size(32);
    doc = doc.add_paragraph(Paragraph::new().align(AlignmentType::Center).add_run(run(&l.title, TITLE, 44)));
    for m in &l.meta {
        doc = doc.add_paragraph(Paragraph::new().align(AlignmentType::Center).add_run(run(m, BODY, 24)));
    }
    for part in &l.parts {
        doc = doc.add_paragraph(Paragraph::new().first_line_chars(200).add_run(run(&part.heading, HEADING, 32)));
        for b in &part.blocks {
            doc = match b {
                Block::Paragraph(t) => doc.add_paragraph(Paragraph::new().first_line_chars(200).align(AlignmentType::Both).add_run(run(t, BODY, 32))),
                Block::Table(g) => doc.add_table(table(g)).add_paragraph(Paragraph::new()),
            };
        }
    }
    let mut buf = Cursor::new(Vec::new());
    doc.build().pack(&mut buf).map_err(|e| Error::about(crate::error::ErrorType::Io { message: e.to_string() }, "docx"))?;
    Ok(buf.into_inner())
}
