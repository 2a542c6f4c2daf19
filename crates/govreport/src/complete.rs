//! `complete`: fill the derived cells of a report whose parts are given.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::cells::{self, CASE_TOTAL, Loc, TOTAL};
use crate::labels::{self, Role};
use crate::model::{Cell, Count, OtherRows, Report, Requests, ReviewLitigation, RowId};

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
            review(&mut r.review_litigation, crate::Format::F2021, &mut done);
        }
        Report::F2019(r) => {
            requests(&mut r.requests, crate::Format::F2019, &mut done);
            review(&mut r.review_litigation, crate::Format::F2019, &mut done);
        }
        Report::F2007(_) => {}
    }
    done
}

/// What the parts of a derived cell add up to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sum {
    /// Every part holds a value or "/", at least one a value.
    Of(u64),
    /// No part is in the document: there is nothing to complete.
    Nothing,
    /// A part is blank, absent or all are "/", or the sum passes the largest count.
    Unknown,
}

fn sum<'a>(parts: impl IntoIterator<Item = &'a Count>) -> Sum {
    let mut total: u64 = 0;
    let (mut values, mut absent, mut seen, mut unknown) = (0, 0, 0, false);
    for p in parts {
        seen += 1;
        match p {
            Cell::Value(v) => {
                values += 1;
                match total.checked_add(*v) {
                    Some(t) => total = t,
                    None => unknown = true,
                }
            }
            Cell::NotApplicable => {}
            Cell::Absent => {
                absent += 1;
                unknown = true;
            }
            Cell::Blank => unknown = true,
        }
    }
    if absent == seen {
        Sum::Nothing
    } else if unknown || values == 0 {
        Sum::Unknown
    } else {
        Sum::Of(total)
    }
}

fn fill(cell: &mut Count, value: Sum, path: String, done: &mut Completion) {
    if !cell.is_missing() {
        return;
    }
    match value {
        Sum::Of(v) => {
            *cell = Cell::Value(v);
            done.filled.push(path);
        }
        Sum::Unknown => done.left_empty.push(path),
        Sum::Nothing => {}
    }
}

fn requests<O: OtherRows>(req: &mut Requests<O>, format: crate::Format, done: &mut Completion) {
    let n = labels::REQUEST_COLUMNS.len() - 1;
    let rows: Vec<&labels::RowLabel> = labels::request_rows(format).filter(|r| r.row.is_some()).collect();
    // Row totals of every row but （七）, whose total comes last.
    for rl in rows.iter().filter(|r| r.role != Role::ResultsTotal) {
        let Some(row_id) = rl.row else { continue };
        let Some(row) = req.row_mut(row_id) else { continue };
        let parts: Vec<Count> = row.cells()[..n].iter().map(|c| **c).collect();
        fill(&mut row.total, sum(parts.iter()), cells::pointer(format, Loc::request(row_id, TOTAL)).to_string(), done);
    }
    // （七）总计, column by column (its 总计 column included: the sum of the results' totals).
    let results: Vec<Vec<Count>> = rows
        .iter()
        .filter(|r| r.role == Role::Result)
        .filter_map(|r| r.row.and_then(|id| req.row(id)).map(|row| row.cells().iter().map(|c| **c).collect()))
        .collect();
    for c in 0..n {
        let value = sum(results.iter().map(|r| &r[c]));
        let cells = req.results_total.cells_mut();
        fill(&mut *cells[c], value, cells::pointer(format, Loc::request(RowId::ResultsTotal, c as u8)).to_string(), done);
    }
    // Its 总计 is both the sum of the results' totals and the sum of its own columns: filled
    // only when the two agree, so that one wrong published number is not spread.
    let by_rows = sum(results.iter().map(|r| &r[n]));
    let own: Vec<Count> = req.results_total.cells()[..n].iter().map(|c| **c).collect();
    let value = match (by_rows, sum(own.iter())) {
        (Sum::Of(a), Sum::Of(b)) if a != b => Sum::Unknown,
        (Sum::Nothing, Sum::Nothing) => Sum::Nothing,
        (Sum::Of(a), _) | (_, Sum::Of(a)) => Sum::Of(a),
        _ => Sum::Unknown,
    };
    fill(&mut req.results_total.total, value, cells::pointer(format, Loc::request(RowId::ResultsTotal, TOTAL)).to_string(), done);
}

fn review(rl: &mut ReviewLitigation, format: crate::Format, done: &mut Completion) {
    for (group, g) in rl.groups_mut().into_iter().enumerate() {
        let parts: Vec<Count> = g.cells()[..4].iter().map(|c| **c).collect();
        fill(&mut g.total, sum(parts.iter()), cells::pointer(format, Loc::Review { group: group as u8, column: CASE_TOTAL }).to_string(), done);
    }
}
