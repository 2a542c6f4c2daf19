//! `complete`: fill the derived cells of a report whose parts are given.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::labels::{self, Role};
use crate::model::{Cell, Count, OtherRows, Report, Requests, ReviewLitigation};

/// What [`complete`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Completion {
    /// Pointers of the cells it filled in.
    pub filled: Vec<String>,
    /// Derived cells it left empty because a part they add up is blank, absent or "/" only,
    /// or because the sum would exceed the largest count.
    pub left_empty: Vec<String>,
}

/// Fills every derived cell that is blank or absent: row totals of table B, the （七）总计 row,
/// and the totals of table C. A cell that holds a value (or "/") is never changed, even when
/// it disagrees with the sum — that stays a finding of [`crate::check`].
pub fn complete(report: &mut Report) -> Completion {
    let mut done = Completion::default();
    match report {
        Report::F2021(r) => {
            requests(&mut r.requests, crate::Format::F2021, &mut done);
            review(&mut r.review_litigation, &mut done);
        }
        Report::F2019(r) => {
            requests(&mut r.requests, crate::Format::F2019, &mut done);
            review(&mut r.review_litigation, &mut done);
        }
        Report::F2007(_) => {}
    }
    done
}

/// The sum of `parts` when every one holds a value or "/" and at least one holds a value.
fn sum<'a>(parts: impl IntoIterator<Item = &'a Count>) -> Result<u64, ()> {
    let mut total: u64 = 0;
    let mut values = 0;
    for p in parts {
        match p {
            Cell::Value(v) => {
                total = total.checked_add(*v).ok_or(())?;
                values += 1;
            }
            Cell::NotApplicable => {}
            Cell::Blank | Cell::Absent => return Err(()),
        }
    }
    if values == 0 { Err(()) } else { Ok(total) }
}

fn fill(cell: &mut Count, value: Result<u64, ()>, path: String, done: &mut Completion) {
    if !cell.is_missing() {
        return;
    }
    match value {
        Ok(v) => {
            *cell = Cell::Value(v);
            done.filled.push(path);
        }
        Err(()) => done.left_empty.push(path),
    }
}

fn requests<O: OtherRows>(req: &mut Requests<O>, format: crate::Format, done: &mut Completion) {
    let n = labels::REQUEST_COLUMNS.len() - 1;
    let rows: Vec<&labels::RowLabel> = labels::request_rows(format).filter(|r| r.row.is_some()).collect();
    // Row totals of every row but （七）, whose total comes last.
    for rl in rows.iter().filter(|r| r.role != Role::ResultsTotal) {
        let Some(row) = rl.row.and_then(|id| req.row_mut(id)) else { continue };
        let parts: Vec<Count> = row.cells()[..n].iter().map(|c| **c).collect();
        fill(&mut row.total, sum(parts.iter()), format!("{}/total", rl.label.id), done);
    }
    // （七）总计, column by column (its 总计 column included: the sum of the results' totals).
    let results: Vec<Vec<Count>> = rows
        .iter()
        .filter(|r| r.role == Role::Result)
        .filter_map(|r| r.row.and_then(|id| req.row(id)).map(|row| row.cells().iter().map(|c| **c).collect()))
        .collect();
    for (c, col) in labels::REQUEST_COLUMNS.iter().enumerate() {
        let value = sum(results.iter().map(|r| &r[c]));
        let cells = req.results_total.cells_mut();
        fill(&mut *cells[c], value, format!("/requests/results_total/{}", col.id), done);
    }
}

fn review(rl: &mut ReviewLitigation, done: &mut Completion) {
    for (g, label) in rl.groups_mut().into_iter().zip(labels::REVIEW_GROUPS) {
        let parts: Vec<Count> = g.cells()[..4].iter().map(|c| **c).collect();
        fill(&mut g.total, sum(parts.iter()), format!("{}/total", label.id), done);
    }
}
