//! `complete`: fill the derived cells of a report whose parts are given.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::cells::{self, CASE_TOTAL, Loc, TOTAL};
use crate::labels::{self, Role};
use crate::model::{Cell, CellMut, Count, Report, RowId};

/// What [`complete`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Completion {
    /// Pointers of the cells it filled in.
    pub filled: Vec<String>,
    /// Derived cells it left empty because a part they add up is blank, absent or "/" only.
    pub left_empty: Vec<String>,
    /// Derived cells it left empty because their parts add up to more than the largest count
    /// (18446744073709551615): the parts are all there, but no count can hold their sum.
    #[serde(default)]
    pub too_large: Vec<String>,
}

/// Fills every derived cell that is blank or absent: row totals of table B, the （七）总计 row,
/// and the totals of table C. A cell that holds a value (or "/") is never changed, even when
/// it disagrees with the sum — that stays a finding of [`crate::check`].
pub fn complete(report: &mut Report) -> Completion {
    let mut done = Completion::default();
    if report.format() != crate::Format::F2007 {
        requests(report, &mut done);
        review(report, &mut done);
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
    /// A part is blank, absent or all are "/".
    Unknown,
    /// Every part is there, and the sum passes the largest count.
    TooLarge,
}

fn sum<'a>(parts: impl IntoIterator<Item = &'a Count>) -> Sum {
    let mut total: u64 = 0;
    let (mut values, mut absent, mut seen, mut unknown, mut overflow) = (0, 0, 0, false, false);
    for p in parts {
        seen += 1;
        match p {
            Cell::Value(v) => {
                values += 1;
                match total.checked_add(*v) {
                    Some(t) => total = t,
                    None => overflow = true,
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
    } else if overflow {
        Sum::TooLarge
    } else {
        Sum::Of(total)
    }
}

/// Fills the count cell at `loc` with `value` when it is blank or absent.
fn fill(report: &mut Report, loc: Loc, value: Sum, done: &mut Completion) {
    let path = cells::pointer(report.format(), loc);
    let Some(CellMut::Count(cell)) = report.cell_mut(loc) else { return };
    if !cell.is_missing() {
        return;
    }
    match value {
        Sum::Of(v) => {
            *cell = Cell::Value(v);
            done.filled.push(path.to_string());
        }
        Sum::Unknown => done.left_empty.push(path.to_string()),
        Sum::TooLarge => done.too_large.push(path.to_string()),
        Sum::Nothing => {}
    }
}

/// The cells of the row `id` of table B (None when the format has no such row).
fn row(report: &Report, id: RowId) -> Option<[Count; 7]> {
    let mut out = [Cell::Absent; 7];
    for (c, slot) in out.iter_mut().enumerate() {
        *slot = *report.count_cell(Loc::request(id, c as u8))?;
    }
    Some(out)
}

fn requests(report: &mut Report, done: &mut Completion) {
    let format = report.format();
    let n = usize::from(TOTAL);
    // The rows the document holds: a single （六） row is a result like any other (its
    // sub-rows are not invented).
    let rows: Vec<&labels::RowLabel> = labels::request_rows_in(format, report.layout()).filter(|r| r.row.is_some()).collect();
    // Row totals of every row but （七）, whose total comes last.
    for rl in rows.iter().filter(|r| r.role != Role::ResultsTotal) {
        let Some(id) = rl.row else { continue };
        let Some(cells) = row(report, id) else { continue };
        fill(report, Loc::request(id, TOTAL), sum(cells[..n].iter()), done);
    }
    // （七）总计, column by column (its 总计 column included: the sum of the results' totals).
    let results: Vec<[Count; 7]> = rows.iter().filter(|r| r.role == Role::Result).filter_map(|r| row(report, r.row?)).collect();
    for c in 0..n {
        fill(report, Loc::request(RowId::ResultsTotal, c as u8), sum(results.iter().map(|r| &r[c])), done);
    }
    // Its 总计 is both the sum of the results' totals and the sum of its own columns: filled
    // only when the two agree, so that one wrong published number is not spread.
    let by_rows = sum(results.iter().map(|r| &r[n]));
    let own = row(report, RowId::ResultsTotal).map_or(Sum::Nothing, |r| sum(r[..n].iter()));
    let value = match (by_rows, own) {
        (Sum::TooLarge, _) | (_, Sum::TooLarge) => Sum::TooLarge,
        (Sum::Of(a), Sum::Of(b)) if a != b => Sum::Unknown,
        (Sum::Nothing, Sum::Nothing) => Sum::Nothing,
        (Sum::Of(a), _) | (_, Sum::Of(a)) => Sum::Of(a),
        _ => Sum::Unknown,
    };
    fill(report, Loc::request(RowId::ResultsTotal, TOTAL), value, done);
}

fn review(report: &mut Report, done: &mut Completion) {
    for group in 0..labels::REVIEW_GROUPS.len() as u8 {
        let parts: Vec<Count> = (0..CASE_TOTAL).filter_map(|column| report.count_cell(Loc::Review { group, column }).copied()).collect();
        fill(report, Loc::Review { group, column: CASE_TOTAL }, sum(parts.iter()), done);
    }
}
