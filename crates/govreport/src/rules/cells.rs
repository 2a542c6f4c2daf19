//! GR010–GR014: blank, absent and "/" cells, reported rather than read as 0, and tables cut off.

use super::{Code, Ctx, Param, define_rules};
use crate::cells::{self, CellDef};
use crate::labels::Label;
use std::rc::Rc;

use crate::model::{Cell, CellState, Count, Report};

/// A row of a table: its pointer and its cells with their states. Held inline: the check of a
/// clean report allocates nothing for its rows.
struct Row {
    pointer: &'static str,
    cells: [(&'static CellDef, CellState); Row::MAX],
    len: usize,
}

impl Row {
    /// The most cells a row has (table B: six applicant columns and 总计).
    const MAX: usize = 7;

    fn cells(&self) -> &[(&'static CellDef, CellState)] {
        &self.cells[..self.len]
    }
}

/// A table of a template report: its rows, and where it was cut off.
pub(crate) struct Table {
    /// The part that holds it.
    label: &'static Label,
    rows: Vec<Row>,
    /// Rows from here on are all absent to the end of the table: the table was cut off (GR014),
    /// and they are not reported row by row. `rows.len()` when it was not.
    cut: usize,
    /// Whether "/" is worth a finding (GR012): in tables B and C, not in table A.
    slash_is_odd: bool,
}

impl Table {
    /// Where the rows stop: the run of rows, to the end of the table, whose every cell is absent.
    fn cut_rows(mut self) -> Table {
        let all_absent = |row: &Row| row.cells().iter().all(|(_, s)| *s == CellState::Absent);
        let rows = &self.rows;
        let kept = rows.len() - rows.iter().rev().take_while(|r| all_absent(r)).count();
        self.cut = if rows.len() - kept >= CUT_OFF_ROWS { kept } else { rows.len() };
        self
    }

    /// The rows before the cut.
    fn kept(&self) -> &[Row] {
        &self.rows[..self.cut]
    }
}

/// Tables A, B and C of a template report, read once for GR010–GR014.
fn tables(report: &Report, ctx: &Ctx) -> Rc<Vec<Table>> {
    ctx.cell_tables.get_or_init(|| Rc::new(if every_cell_holds_a_value(report, ctx) { vec![] } else { read_tables(report) })).clone()
}

/// Whether every cell of tables A, B and C holds a value: then these rules find nothing (no
/// blank, absent or "/" cell, no cut), and the tables are not read row by row.
fn every_cell_holds_a_value(report: &Report, ctx: &Ctx) -> bool {
    let value = |c: &Count| matches!(c, Cell::Value(_));
    // A layout lists table A, then B, then C, then the rest (a test of `cells` holds it): A
    // from the front, C from the back, B from its rows.
    let defs = cells::layout(report.format(), report.layout());
    let table_a = defs.iter().take_while(|d| d.table == cells::Table::Proactive);
    let table_c = defs.iter().rev().skip_while(|d| d.table != cells::Table::Review).take_while(|d| d.table == cells::Table::Review);
    super::tables::request_rows(report, ctx).iter().all(|(_, row)| row.iter().all(value))
        && table_a.chain(table_c).all(|d| report.cell(d.loc).is_some_and(|c| c.state() == CellState::Value))
}

/// Tables A, B and C of a template report, row by row from the table of cells (none for the
/// 2007 regime; the fees of part 六 are not a table of the template).
fn read_tables(report: &Report) -> Vec<Table> {
    let mut out: Vec<Table> = Vec::with_capacity(3);
    for def in cells::layout(report.format(), report.layout()) {
        if !matches!(def.table, cells::Table::Proactive | cells::Table::Requests | cells::Table::Review) {
            continue;
        }
        let Some(cell) = report.cell(def.loc) else { continue };
        let label = def.table.label();
        if out.last().is_none_or(|t| !std::ptr::eq(t.label, label)) {
            out.push(Table { label, rows: Vec::with_capacity(26), cut: 0, slash_is_odd: def.table != cells::Table::Proactive });
        }
        let rows = &mut out.last_mut().expect("pushed").rows;
        // Rows are told apart by their label (one static label per row).
        if rows.last().is_none_or(|r| !std::ptr::eq(r.pointer, def.row.id) || r.len == Row::MAX) {
            rows.push(Row { pointer: def.row.id, cells: [(def, CellState::Value); Row::MAX], len: 0 });
        }
        let row = rows.last_mut().expect("pushed");
        row.cells[row.len] = (def, cell.state());
        row.len += 1;
    }
    out.into_iter().map(Table::cut_rows).collect()
}

/// Rows from this many on, all absent to the end of a table, are one GR014 finding.
const CUT_OFF_ROWS: usize = 2;

/// One finding per row that has cells in `want` (rows after a cut aside), listing them.
fn per_row(report: &Report, ctx: &mut Ctx, code: Code, want: CellState) {
    for table in tables(report, ctx).iter() {
        if want == CellState::NotApplicable && !table.slash_is_odd {
            continue;
        }
        for row in table.kept() {
            let list: Vec<String> = row.cells().iter().filter(|(_, s)| *s == want).map(|(d, _)| d.pointer.to_string()).collect();
            if !list.is_empty() {
                ctx.hit(code, row.pointer).text("count", list.len()).param("cells", Param::Columns(list.clone())).related(list).emit();
            }
        }
    }
}

fn blank_cells(report: &Report, ctx: &mut Ctx) {
    per_row(report, ctx, Code::GR010, CellState::Blank);
}

fn absent_cells(report: &Report, ctx: &mut Ctx) {
    per_row(report, ctx, Code::GR011, CellState::Absent);
}

fn not_applicable_cells(report: &Report, ctx: &mut Ctx) {
    per_row(report, ctx, Code::GR012, CellState::NotApplicable);
}

fn mixed_markers(report: &Report, ctx: &mut Ctx) {
    for table in tables(report, ctx).iter() {
        let count = |want: CellState| table.kept().iter().flat_map(|r| r.cells()).filter(|(_, s)| *s == want).count();
        let (blanks, slashes) = (count(CellState::Blank), count(CellState::NotApplicable));
        if blanks > 0 && slashes > 0 {
            ctx.hit(Code::GR013, table.label.id).param("table", Param::Label(table.label)).text("blank", blanks).text("na", slashes).emit();
        }
    }
}

fn cut_off(report: &Report, ctx: &mut Ctx) {
    for table in tables(report, ctx).iter() {
        let rows = &table.rows;
        if let Some(first) = rows.get(table.cut) {
            ctx.hit(Code::GR014, first.pointer)
                .param("table", Param::Label(table.label))
                .param("first", Param::Cell(first.pointer.to_string()))
                .text("count", rows.len() - table.cut)
                .related(rows[table.cut + 1..].iter().map(|r| r.pointer.to_string()).collect())
                .emit();
        }
    }
}

define_rules! {
    /// Blank cells.
    GR010 {
        name: "blank-cells",
        severity: Warning,
        check: Report(blank_cells),
        title: ["表格有空白单元格", "Table has blank cells"],
        explanation: [
            "空白不等于0：法定格式的每个单元格都应填写数字（没有发生的填0）。空白单元格使相关勾稽关系无法判断，本工具不会把空白当作0。例：“予以公开”行“总计”列留空。",
            "Blank is not zero: every cell of the template takes a number (0 when nothing happened). A blank cell leaves the sums that use it unjudged; govreport never reads a blank as 0. Example: the total of the \"granted\" row left empty.",
        ],
        message: ["{cell} 有 {count} 个空白单元格：{cells}", "{cell} has {count} blank cell(s): {cells}"],
    }

    /// Absent cells.
    GR011 {
        name: "absent-cells",
        severity: Warning,
        check: Report(absent_cells),
        title: ["表格缺少单元格", "Table cells are missing"],
        explanation: [
            "文档没有给出这些单元格（例如发布的表格被截断）。缺失的数字不会被补造，涉及它们的勾稽关系无法判断。",
            "The document does not give these cells (for example, the published table was cut off). govreport invents no number; the sums that use them cannot be judged.",
        ],
        message: ["{cell} 缺少 {count} 个单元格：{cells}", "{cell} is missing {count} cell(s): {cells}"],
    }

    /// "/" in tables B and C.
    GR012 {
        name: "not-applicable-cells",
        severity: Info,
        check: Report(not_applicable_cells),
        title: ["表格用“/”代替数字", "Table uses \"/\" instead of numbers"],
        explanation: [
            "表三、表四的每一栏都适用于所有机关，没有发生的应填0。“/”表示“不适用”，不计入求和；整张表都用“/”时，勾稽关系无法判断。",
            "Every cell of tables B and C applies to every agency; 0 is the figure when nothing happened. \"/\" means \"not applicable\" and is left out of sums; a table of \"/\" cannot be judged.",
        ],
        message: ["{cell} 有 {count} 个单元格为“/”：{cells}", "{cell} has {count} cell(s) marked \"/\": {cells}"],
    }

    /// Mixed blank markers.
    GR013 {
        name: "mixed-markers",
        severity: Warning,
        check: Report(mixed_markers),
        title: ["同一表格混用空白和“/”", "A table mixes blanks and \"/\""],
        explanation: [
            "同一张表中既有空白又有“/”，读者无法分辨哪些是未填、哪些是不适用，这是上级通报中常见的问题。",
            "A table with both blank and \"/\" cells leaves readers unable to tell unfilled from not applicable; supervising offices name this defect.",
        ],
        message: ["{table}同时使用空白（{blank} 处）和“/”（{na} 处）", "{table} uses both blanks ({blank}) and \"/\" ({na})"],
    }

    /// The last rows of a table all absent: the table was cut off.
    GR014 {
        name: "table-cut-off",
        severity: Warning,
        check: Report(cut_off),
        title: ["表格在某行之后全部缺失", "A table stops short"],
        explanation: [
            "表格从某一行起直到末尾的各行全部缺失，通常是发布的表格被截断或漏贴。这些行只报告一次，不逐行列出；涉及它们的勾稽关系无法判断。只缺部分单元格的行仍按 GR011 报告。",
            "Every row from some row to the end of the table is absent, usually because the published table was cut off or not pasted whole. These rows are reported once, not row by row; the sums that use them cannot be judged. Rows missing only some cells are still reported by GR011.",
        ],
        message: [
            "“{table}”表从「{first}」起的 {count} 行全部缺失，表格可能被截断",
            "The table \"{table}\" lacks all {count} rows from \"{first}\" on; it may have been cut off",
        ],
    }
}
