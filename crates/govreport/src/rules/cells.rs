//! GR010–GR014: blank, absent and "/" cells, reported rather than read as 0, and tables cut off.

use super::{Code, Ctx, Param, define_rules};
use crate::labels::{self, Label};
use crate::model::{Cell, Format, OtherRows, Proactive2019, Proactive2021, Report, TemplateReport};

/// The state of a cell, whatever its value type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum State {
    Value,
    Blank,
    Absent,
    NotApplicable,
}

pub(crate) fn state<T>(c: &Cell<T>) -> State {
    match c {
        Cell::Value(_) => State::Value,
        Cell::Blank => State::Blank,
        Cell::Absent => State::Absent,
        Cell::NotApplicable => State::NotApplicable,
    }
}

/// A row of a table: its pointer and its cells as (column key, state); an empty key is a
/// one-cell row whose pointer is the cell's. Held inline: the check of a clean report
/// allocates nothing for its rows.
pub(crate) struct Row {
    pointer: &'static str,
    cells: [(&'static str, State); Row::MAX],
    len: usize,
}

impl Row {
    /// The most cells a row has (table B: six applicant columns and 总计).
    const MAX: usize = 7;

    fn new(pointer: &'static str, cells: impl IntoIterator<Item = (&'static str, State)>) -> Row {
        let mut row = Row { pointer, cells: [("", State::Value); Row::MAX], len: 0 };
        for cell in cells.into_iter().take(Row::MAX) {
            row.cells[row.len] = cell;
            row.len += 1;
        }
        row
    }

    fn one(pointer: &'static str, state: State) -> Row {
        Row::new(pointer, [("", state)])
    }

    fn cells(&self) -> &[(&'static str, State)] {
        &self.cells[..self.len]
    }
}

/// Table A's cells, row by row.
pub(crate) trait ProactiveCells {
    fn rows(&self) -> Vec<Row>;
}

impl ProactiveCells for Proactive2021 {
    fn rows(&self) -> Vec<Row> {
        let docs = |d: &crate::model::DocCounts2021| [("issued", state(&d.issued)), ("repealed", state(&d.repealed)), ("in_force", state(&d.in_force))];
        vec![
            Row::new("/proactive/rules", docs(&self.rules)),
            Row::new("/proactive/normative_documents", docs(&self.normative_documents)),
            Row::one("/proactive/licensing", state(&self.licensing)),
            Row::one("/proactive/penalty", state(&self.penalty)),
            Row::one("/proactive/coercion", state(&self.coercion)),
            Row::one("/proactive/fees_10k_yuan", state(&self.fees_10k_yuan)),
        ]
    }
}

impl ProactiveCells for Proactive2019 {
    fn rows(&self) -> Vec<Row> {
        let docs = |d: &crate::model::DocCounts2019| {
            [("produced", state(&d.produced)), ("published", state(&d.published)), ("total_published", state(&d.total_published))]
        };
        let items =
            |i: &crate::model::ItemCounts2019| [("previous_items", state(&i.previous_items)), ("change", state(&i.change)), ("decisions", state(&i.decisions))];
        vec![
            Row::new("/proactive/rules", docs(&self.rules)),
            Row::new("/proactive/normative_documents", docs(&self.normative_documents)),
            Row::new("/proactive/licensing", items(&self.licensing)),
            Row::new("/proactive/other_services", items(&self.other_services)),
            Row::new("/proactive/penalty", items(&self.penalty)),
            Row::new("/proactive/coercion", items(&self.coercion)),
            Row::new("/proactive/fees", [("previous_items", state(&self.fees.previous_items)), ("change", state(&self.fees.change))]),
            Row::new("/proactive/procurement", [("items", state(&self.procurement.items)), ("amount", state(&self.procurement.amount))]),
        ]
    }
}

fn cell_pointer(row: &str, key: &str) -> String {
    if key.is_empty() { row.to_string() } else { format!("{row}/{key}") }
}

/// A table of a template report: its rows, and where it was cut off.
struct Table {
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
    fn new(label: &'static Label, rows: Vec<Row>, slash_is_odd: bool) -> Table {
        // The run of rows, to the end of the table, whose every cell is absent.
        let all_absent = |row: &Row| row.cells().iter().all(|(_, s)| *s == State::Absent);
        let kept = rows.len() - rows.iter().rev().take_while(|r| all_absent(r)).count();
        let cut = if rows.len() - kept >= CUT_OFF_ROWS { kept } else { rows.len() };
        Table { label, rows, cut, slash_is_odd }
    }

    /// The rows before the cut.
    fn kept(&self) -> &[Row] {
        &self.rows[..self.cut]
    }
}

/// The three tables of a template report (none for the 2007 regime).
fn tables(report: &Report) -> Vec<Table> {
    match report {
        Report::F2021(r) => template_tables(r, report.format()),
        Report::F2019(r) => template_tables(r, report.format()),
        Report::F2007(_) => vec![],
    }
}

fn template_tables<const F: u16, P, O>(r: &TemplateReport<F, P, O>, format: Format) -> Vec<Table>
where
    P: ProactiveCells + Default + schemars::JsonSchema,
    O: OtherRows + schemars::JsonSchema,
{
    let table_a = r.proactive.rows();
    let mut table_b: Vec<Row> = Vec::with_capacity(26);
    for rl in labels::request_rows(format) {
        if let Some(row) = rl.row.and_then(|id| r.requests.row(id)) {
            table_b.push(Row::new(rl.label.id, row.cells().iter().zip(labels::REQUEST_COLUMNS).map(|(c, col)| (col.id, state(*c)))));
        }
    }
    let table_c: Vec<Row> = r
        .review_litigation
        .groups()
        .iter()
        .zip(labels::REVIEW_GROUPS)
        .map(|(g, gl)| Row::new(gl.id, g.cells().iter().zip(labels::REVIEW_COLUMNS).map(|(c, col)| (col.id, state(*c)))))
        .collect();
    let parts = &labels::PARTS;
    vec![Table::new(&parts[1].label, table_a, false), Table::new(&parts[2].label, table_b, true), Table::new(&parts[3].label, table_c, true)]
}

/// Rows from this many on, all absent to the end of a table, are one GR014 finding.
const CUT_OFF_ROWS: usize = 2;

/// One finding per row that has cells in `want` (rows after a cut aside), listing them.
fn per_row(report: &Report, ctx: &mut Ctx, code: Code, want: State) {
    for table in tables(report) {
        if want == State::NotApplicable && !table.slash_is_odd {
            continue;
        }
        for row in table.kept() {
            let list: Vec<String> = row.cells().iter().filter(|(_, s)| *s == want).map(|(k, _)| cell_pointer(row.pointer, k)).collect();
            if !list.is_empty() {
                ctx.hit(code, row.pointer).text("count", list.len()).param("cells", Param::Columns(list.clone())).related(list).emit();
            }
        }
    }
}

fn blank_cells(report: &Report, ctx: &mut Ctx) {
    per_row(report, ctx, Code::GR010, State::Blank);
}

fn absent_cells(report: &Report, ctx: &mut Ctx) {
    per_row(report, ctx, Code::GR011, State::Absent);
}

fn not_applicable_cells(report: &Report, ctx: &mut Ctx) {
    per_row(report, ctx, Code::GR012, State::NotApplicable);
}

fn mixed_markers(report: &Report, ctx: &mut Ctx) {
    for table in tables(report) {
        let count = |want: State| table.kept().iter().flat_map(|r| r.cells()).filter(|(_, s)| *s == want).count();
        let (blanks, slashes) = (count(State::Blank), count(State::NotApplicable));
        if blanks > 0 && slashes > 0 {
            ctx.hit(Code::GR013, table.label.id).param("table", Param::Label(table.label)).text("blank", blanks).text("na", slashes).emit();
        }
    }
}

fn cut_off(report: &Report, ctx: &mut Ctx) {
    for table in tables(report) {
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
