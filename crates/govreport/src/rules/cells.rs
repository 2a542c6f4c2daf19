//! GR010–GR013: blank, absent and "/" cells, reported rather than read as 0.

use super::{Ctx, GR010, GR011, GR012, GR013, Param};
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
/// one-cell row whose pointer is the cell's.
pub(crate) type Row = (&'static str, Vec<(&'static str, State)>);

/// Table A's cells, row by row.
pub(crate) trait ProactiveCells {
    fn rows(&self) -> Vec<Row>;
}

impl ProactiveCells for Proactive2021 {
    fn rows(&self) -> Vec<Row> {
        let docs = |d: &crate::model::DocCounts2021| vec![("issued", state(&d.issued)), ("repealed", state(&d.repealed)), ("in_force", state(&d.in_force))];
        vec![
            ("/proactive/rules", docs(&self.rules)),
            ("/proactive/normative_documents", docs(&self.normative_documents)),
            ("/proactive/licensing", vec![("", state(&self.licensing))]),
            ("/proactive/penalty", vec![("", state(&self.penalty))]),
            ("/proactive/coercion", vec![("", state(&self.coercion))]),
            ("/proactive/fees_10k_yuan", vec![("", state(&self.fees_10k_yuan))]),
        ]
    }
}

impl ProactiveCells for Proactive2019 {
    fn rows(&self) -> Vec<Row> {
        let docs = |d: &crate::model::DocCounts2019| {
            vec![("produced", state(&d.produced)), ("published", state(&d.published)), ("total_published", state(&d.total_published))]
        };
        let items = |i: &crate::model::ItemCounts2019| {
            vec![("previous_items", state(&i.previous_items)), ("change", state(&i.change)), ("decisions", state(&i.decisions))]
        };
        vec![
            ("/proactive/rules", docs(&self.rules)),
            ("/proactive/normative_documents", docs(&self.normative_documents)),
            ("/proactive/licensing", items(&self.licensing)),
            ("/proactive/other_services", items(&self.other_services)),
            ("/proactive/penalty", items(&self.penalty)),
            ("/proactive/coercion", items(&self.coercion)),
            ("/proactive/fees", vec![("previous_items", state(&self.fees.previous_items)), ("change", state(&self.fees.change))]),
            ("/proactive/procurement", vec![("items", state(&self.procurement.items)), ("amount", state(&self.procurement.amount))]),
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
            let cells = row.cells().iter().zip(labels::REQUEST_COLUMNS).map(|(c, col)| (col.id, state(*c))).collect();
            table_b.push((rl.label.id, cells));
        }
    }
    let table_c: Vec<Row> = r
        .review_litigation
        .groups()
        .iter()
        .zip(labels::REVIEW_GROUPS)
        .map(|(g, gl)| (gl.id, g.cells().iter().zip(labels::REVIEW_COLUMNS).map(|(c, col)| (col.id, state(*c))).collect()))
        .collect();
    let parts = &labels::PARTS;
    report_table(ctx, &parts[1].label, &table_a, false);
    report_table(ctx, &parts[2].label, &table_b, true);
    report_table(ctx, &parts[3].label, &table_c, true);
}

fn report_table(ctx: &mut Ctx, table: &'static Label, rows: &[Row], slash_is_odd: bool) {
    let (mut blanks, mut slashes) = (0usize, 0usize);
    for (row, cells) in rows {
        let pick = |want: State| -> Vec<String> { cells.iter().filter(|(_, s)| *s == want).map(|(k, _)| cell_pointer(row, k)).collect() };
        let blank = pick(State::Blank);
        let absent = pick(State::Absent);
        let na = pick(State::NotApplicable);
        blanks += blank.len();
        slashes += na.len();
        for (rule, list) in [(&GR010, blank), (&GR011, absent)] {
            if !list.is_empty() {
                ctx.hit(rule, *row).text("count", list.len()).param("cells", Param::Columns(list.clone())).related(list).emit();
            }
        }
        if slash_is_odd && !na.is_empty() {
            ctx.hit(&GR012, *row).text("count", na.len()).param("cells", Param::Columns(na.clone())).related(na).emit();
        }
    }
    if blanks > 0 && slashes > 0 {
        ctx.hit(&GR013, table.id).param("table", Param::Label(table)).text("blank", blanks).text("na", slashes).emit();
    }
}
