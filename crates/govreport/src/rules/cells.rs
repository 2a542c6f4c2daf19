//! GR010–GR014: blank, absent and "/" cells, reported rather than read as 0, and tables cut off.

use super::{Ctx, GR010, GR011, GR012, GR013, GR014, Param};
use crate::labels::{self, Label};
use crate::model::{Cell, OtherRows, Proactive2019, Proactive2021, TemplateReport};

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

/// Reports blank, absent and "/" cells of the three tables of a template report.
pub(crate) fn check_template<const F: u16, P, O>(r: &TemplateReport<F, P, O>, ctx: &mut Ctx)
where
    P: ProactiveCells + Default + schemars::JsonSchema,
    O: OtherRows + schemars::JsonSchema,
{
    let format = ctx.format;
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
    report_table(ctx, &parts[1].label, &table_a, false);
    report_table(ctx, &parts[2].label, &table_b, true);
    report_table(ctx, &parts[3].label, &table_c, true);
}

/// Rows from this many on, all absent to the end of a table, are one GR014 finding.
const CUT_OFF_ROWS: usize = 2;

fn report_table(ctx: &mut Ctx, table: &'static Label, rows: &[Row], slash_is_odd: bool) {
    let (mut blanks, mut slashes) = (0usize, 0usize);
    // The run of rows, to the end of the table, whose every cell is absent.
    let all_absent = |row: &Row| row.cells().iter().all(|(_, s)| *s == State::Absent);
    let kept = rows.len() - rows.iter().rev().take_while(|r| all_absent(r)).count();
    let cut = if rows.len() - kept >= CUT_OFF_ROWS { kept } else { rows.len() };
    if let Some(first) = rows.get(cut) {
        ctx.hit(&GR014, first.pointer)
            .param("table", Param::Label(table))
            .param("first", Param::Cell(first.pointer.to_string()))
            .text("count", rows.len() - cut)
            .related(rows[cut + 1..].iter().map(|r| r.pointer.to_string()).collect())
            .emit();
    }
    for row in &rows[..cut] {
        let count = |want: State| row.cells().iter().filter(|(_, s)| *s == want).count();
        let pick = |want: State| -> Vec<String> { row.cells().iter().filter(|(_, s)| *s == want).map(|(k, _)| cell_pointer(row.pointer, k)).collect() };
        let na = count(State::NotApplicable);
        blanks += count(State::Blank);
        slashes += na;
        for (rule, want) in [(&GR010, State::Blank), (&GR011, State::Absent)] {
            if count(want) > 0 {
                let list = pick(want);
                ctx.hit(rule, row.pointer).text("count", list.len()).param("cells", Param::Columns(list.clone())).related(list).emit();
            }
        }
        if slash_is_odd && na > 0 {
            let list = pick(State::NotApplicable);
            ctx.hit(&GR012, row.pointer).text("count", list.len()).param("cells", Param::Columns(list.clone())).related(list).emit();
        }
    }
    if blanks > 0 && slashes > 0 {
        ctx.hit(&GR013, table.id).param("table", Param::Label(table)).text("blank", blanks).text("na", slashes).emit();
    }
}
