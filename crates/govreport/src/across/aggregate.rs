//! Rolling units' reports up into one: every cell summed exactly, gaps named, never zeroed.
//!
//! The typed cells are summed unit by unit, every figure cell of the table of cells
//! ([`crate::cells`]) reached by its place in the model, and the sum is written into a new
//! typed report: no JSON tree on the way.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::cells::{self, Loc};
use crate::error::{Error, ErrorType};
use crate::model::{Agency, Cell, CellMut, CellRef, CellState, Count, Dec, Format, Layout, Report, RowId};

/// A cell of the roll-up left blank because some units do not give it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Gap {
    /// The cell.
    pub pointer: String,
    /// The units (agency names) whose cell is blank or absent.
    pub units: Vec<String>,
}

/// The roll-up: the summed report, the units in it, and the cells that could not be summed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RollUp {
    /// The summed report (no prose: parts 一, 五 and 六 are the 本级 office's to write).
    pub report: Report,
    /// The units that contributed, in order.
    pub units: Vec<String>,
    /// Cells left blank because a unit does not give them.
    pub gaps: Vec<Gap>,
    /// Units whose （六）其他处理 sub-rows were summed into one row, because another unit gives
    /// （六） as one row (a 2021 table in the older layout): the roll-up then has that one row.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged_other: Vec<String>,
}

/// The running sum of one cell over the units.
#[derive(Default)]
struct Acc {
    /// Units that give the cell as absent.
    absent: usize,
    /// Units (indices) whose cell is blank or absent.
    missing: Vec<usize>,
    /// Whether some unit gives a value (not "/").
    any: bool,
    counts: u128,
    signed: i128,
    /// Whether some unit gives a negative number.
    negative: bool,
    amount: Decimal,
    /// Whether a unit's （六） sub-rows add up past the largest count (refused only when the
    /// roll-up has the single row).
    too_large: bool,
}

fn internal(pointer: &str) -> Error {
    Error::about(ErrorType::UnknownCell, pointer)
}

/// Sums the tables of same-format, same-year reports into one report of `agency`.
///
/// Per cell: the sum of the units' values, where "/" units are left out; "/" when every unit
/// has "/"; blank (and a [`Gap`]) when some unit leaves it blank or absent; absent when no unit
/// gives it. Counts are summed exactly (a sum past the largest count is an error), amounts as
/// exact decimals keeping the finest written precision. Mixed formats or years, 2007-regime
/// reports (prose, no tables) and an empty list are errors. [`Aggregator`] does the same one
/// report at a time, holding none of them.
pub fn aggregate(reports: &[Report], agency: Agency) -> Result<RollUp, Error> {
    let mut a = Aggregator::new();
    for r in reports {
        a.add(r)?;
    }
    a.finish(agency)
}

/// A roll-up built one report at a time: memory for the running sums of the cells and the
/// units' names, whatever the number of reports.
///
/// ```
/// # let report = govreport::parse_str(r#"{"format":"2021","year":2023,"agency":{"name":"甲局","kind":"department"},"requests":{"new":{"total":3}}}"#).unwrap();
/// let mut up = govreport::Aggregator::new();
/// up.add(&report)?;
/// up.add(&report)?;
/// let sum = up.finish(govreport::Agency::new("某县人民政府", govreport::AgencyKind::Government))?;
/// assert_eq!(sum.report.get("/requests/new/total")?, Some(serde_json::json!(6)));
/// # Ok::<(), govreport::Error>(())
/// ```
#[derive(Default)]
pub struct Aggregator {
    /// Format and year of the first report.
    first: Option<(Format, u16)>,
    units: Vec<String>,
    pointers: Vec<String>,
    locs: Vec<Loc>,
    accs: Vec<Acc>,
    /// Units (indices) that give （六） as the template's sub-rows, and whether one gives it
    /// as one row.
    split_units: Vec<usize>,
    single_seen: bool,
}

impl Aggregator {
    /// An empty roll-up.
    pub fn new() -> Aggregator {
        Aggregator::default()
    }

    /// The units added so far (their agency names), in order.
    pub fn units(&self) -> &[String] {
        &self.units
    }

    /// Adds a unit's report; refused when its format or year differs from the first, or it is
    /// of the 2007 regime (nothing is added then).
    pub fn add(&mut self, r: &Report) -> Result<(), Error> {
        let m = r.meta();
        let (format, year) = match self.first {
            None => {
                if m.format == Format::F2007 {
                    return Err(Error::about(ErrorType::ProseCannotRollUp, format!("reports[0] ({})", m.agency.name)));
                }
                self.first = Some((m.format, m.year));
                // Every layout's cells: a unit's single （六） row and another's sub-rows.
                let every = || cells::every(m.format).iter().filter(|c| c.is_figure());
                self.pointers = every().map(|c| c.pointer.to_string()).collect();
                self.locs = every().map(|c| c.loc).collect();
                self.accs = self.locs.iter().map(|_| Acc::default()).collect();
                (m.format, m.year)
            }
            Some(f) => f,
        };
        let u = self.units.len();
        if m.format != format || m.year != year {
            return Err(Error::about(
                ErrorType::MixedReports { format: m.format.as_str(), year: m.year, first_format: format.as_str(), first_year: year },
                format!("reports[{u}] ({})", m.agency.name),
            ));
        }
        // Checked before anything is added, so that a refused report leaves the sums as they were.
        for ((loc, acc), pointer) in self.locs.iter().zip(&self.accs).zip(&self.pointers) {
            if let Some(CellRef::Amount(Cell::Value(d))) = r.cell(*loc)
                && acc.amount.checked_add(d.0).is_none()
            {
                return Err(Error::about(ErrorType::CannotAdd { unit: m.agency.name.clone() }, pointer.clone()));
            }
        }
        let layout = r.layout();
        for ((loc, acc), pointer) in self.locs.iter().zip(&mut self.accs).zip(&self.pointers) {
            let merged;
            let c = match (r.cell(*loc), *loc) {
                (Some(c), _) => c,
                // The single （六） row of a unit that gives the sub-rows: their sum.
                (None, Loc::Request { row: RowId::OtherSingle, column }) => {
                    match merge_other(r, column) {
                        Ok(m) => merged = m,
                        Err(()) => {
                            acc.too_large = true;
                            continue;
                        }
                    }
                    CellRef::Count(&merged)
                }
                // A sub-row of a unit that gives （六） as one row.
                (None, Loc::Request { row, .. }) if crate::labels::is_other_row(row) => CellRef::Count(&Cell::Absent),
                (None, _) => return Err(internal(pointer)),
            };
            let (is_absent, is_blank) = match c.state() {
                CellState::Absent => (true, false),
                CellState::Blank => (false, true),
                _ => (false, false),
            };
            if is_absent || is_blank {
                acc.absent += usize::from(is_absent);
                acc.missing.push(u);
                continue;
            }
            match c {
                CellRef::Count(Cell::Value(n)) => acc.counts += u128::from(*n),
                CellRef::Signed(Cell::Value(n)) => {
                    acc.signed += i128::from(*n);
                    acc.negative |= *n < 0;
                }
                CellRef::Amount(Cell::Value(d)) => acc.amount += d.0,
                _ => continue,
            }
            acc.any = true;
        }
        match layout {
            Layout::SingleOther => self.single_seen = true,
            Layout::Template if format == Format::F2021 => self.split_units.push(u),
            Layout::Template => {}
        }
        self.units.push(m.agency.name.clone());
        Ok(())
    }

    /// The roll-up of the reports added, as a report of `agency`.
    pub fn finish(self, agency: Agency) -> Result<RollUp, Error> {
        let Some((format, year)) = self.first else { return Err(Error::about(ErrorType::NothingToRollUp, "reports")) };
        let Aggregator { units, pointers, locs, mut accs, split_units, single_seen, .. } = self;
        // One （六） row when any unit gives it so; the template's sub-rows otherwise.
        let layout = if single_seen { Layout::SingleOther } else { Layout::Template };
        let index: std::collections::HashMap<Loc, usize> = locs.iter().enumerate().map(|(i, l)| (*l, i)).collect();
        let order: Vec<usize> = cells::layout(format, layout).iter().filter(|c| c.is_figure()).filter_map(|c| index.get(&c.loc).copied()).collect();
        let mut report = Report::new(format, year, agency);
        let mut gaps = vec![];
        for i in order {
            let (pointer, loc, acc) = (&pointers[i], &locs[i], std::mem::take(&mut accs[i]));
            if acc.absent == units.len() {
                continue;
            }
            if acc.too_large {
                return Err(Error::about(ErrorType::SumTooLarge, pointer.clone()));
            }
            let target = report.cell_mut(*loc).ok_or_else(|| internal(pointer))?;
            let too_big = || Error::about(ErrorType::SumTooLarge, pointer.clone());
            if !acc.missing.is_empty() {
                gaps.push(Gap { pointer: pointer.clone(), units: acc.missing.iter().map(|u| units[*u].clone()).collect() });
                match target {
                    CellMut::Count(x) => *x = Cell::Blank,
                    CellMut::Signed(x) => *x = Cell::Blank,
                    CellMut::Amount(x) => *x = Cell::Blank,
                    CellMut::Text(_) => return Err(internal(pointer)),
                }
            } else if !acc.any {
                match target {
                    CellMut::Count(x) => *x = Cell::NotApplicable,
                    CellMut::Signed(x) => *x = Cell::NotApplicable,
                    CellMut::Amount(x) => *x = Cell::NotApplicable,
                    CellMut::Text(_) => return Err(internal(pointer)),
                }
            } else {
                match target {
                    CellMut::Count(x) => *x = Cell::Value(u64::try_from(acc.counts).map_err(|_| too_big())?),
                    CellMut::Signed(x) => {
                        // A sum of no negative number is a count: past the largest count it is
                        // refused as such; past the largest signed count, as the cell refuses it.
                        if !acc.negative && acc.signed > i128::from(i64::MAX) && acc.signed <= i128::from(u64::MAX) {
                            return Err(Error::at(ErrorType::NumberTooLarge { value: acc.signed.to_string(), max: i64::MAX.to_string() }, pointer.clone()));
                        }
                        *x = Cell::Value(i64::try_from(acc.signed).map_err(|_| too_big())?);
                    }
                    CellMut::Amount(x) => {
                        // Written and read back as a document would be: the same limits on digits.
                        let d = Dec::parse(&acc.amount.to_string()).map_err(|t| Error::at(t, pointer.clone()))?;
                        *x = Cell::Value(d);
                    }
                    CellMut::Text(_) => return Err(internal(pointer)),
                }
            }
        }
        let merged_other = if single_seen { split_units.iter().map(|u| units[*u].clone()).collect() } else { vec![] };
        Ok(RollUp { report, units, gaps, merged_other })
    }
}

/// Column `column` of a unit's three （六） sub-rows as one cell: absent when none is given,
/// blank when one is blank or absent (their sum is not known), "/" when all are, else the sum
/// of the values. Err when the sum passes the largest count.
fn merge_other(r: &Report, column: u8) -> Result<Count, ()> {
    let parts: Vec<Count> = [RowId::NoCorrection, RowId::FeeUnpaid, RowId::OtherOther]
        .iter()
        .map(|row| r.count_cell(Loc::request(*row, column)).copied().unwrap_or(Cell::Absent))
        .collect();
    if parts.iter().all(|c| *c == Cell::Absent) {
        return Ok(Cell::Absent);
    }
    if parts.iter().any(|c| matches!(c, Cell::Absent | Cell::Blank)) {
        return Ok(Cell::Blank);
    }
    let values: Vec<u64> = parts.iter().filter_map(|c| if let Cell::Value(v) = c { Some(*v) } else { None }).collect();
    if values.is_empty() {
        return Ok(Cell::NotApplicable);
    }
    values.iter().try_fold(0u64, |a, v| a.checked_add(*v)).map(Cell::Value).ok_or(())
}

#[cfg(test)]
mod tests {
    use serde_json::{Map, Value, json};

    use super::*;
    use crate::model::NOT_APPLICABLE;

    fn agency(name: &str) -> Agency {
        Agency::new(name, crate::AgencyKind::Department)
    }

    fn figure_pointers(format: Format) -> Vec<String> {
        cells::figures(format).map(|c| c.pointer.to_string()).collect()
    }

    fn locate(format: Format, pointer: &str) -> Option<Loc> {
        cells::cell_at(format, pointer).map(|c| c.loc)
    }

    fn cell_mut(r: &mut Report, loc: Loc) -> Option<CellMut<'_>> {
        r.cell_mut(loc)
    }

    /// The roll-up as it was first written: every report as a JSON tree, every pointer looked
    /// up in every tree, the sum written as JSON and read again. The reference of the tests.
    fn by_pointers(reports: &[Report], agency: Agency) -> Result<RollUp, Error> {
        enum Sum {
            Count(u128),
            Signed(i128),
            Amount(Decimal),
        }
        let first = &reports[0];
        let (format, year) = (first.format(), first.meta().year);
        let units: Vec<String> = reports.iter().map(|r| r.meta().agency.name.clone()).collect();
        let values: Vec<Value> = reports.iter().map(|r| serde_json::to_value(r).unwrap()).collect();
        let mut doc = Map::new();
        doc.insert("format".into(), format.as_str().into());
        doc.insert("year".into(), year.into());
        doc.insert("agency".into(), serde_json::to_value(&agency).unwrap());
        let mut doc = Value::Object(doc);
        let mut gaps = vec![];
        for pointer in figure_pointers(format) {
            let (mut missing, mut absent, mut sum) = (vec![], 0, None);
            for (unit, v) in units.iter().zip(&values) {
                let x = match v.pointer(&pointer) {
                    None => {
                        absent += 1;
                        missing.push(unit.clone());
                        continue;
                    }
                    Some(Value::Null) => {
                        missing.push(unit.clone());
                        continue;
                    }
                    Some(Value::String(s)) if s == NOT_APPLICABLE => continue,
                    Some(Value::String(s)) => Sum::Amount(Dec::parse(s).unwrap().0),
                    Some(Value::Number(n)) => match n.as_u64() {
                        Some(u) => Sum::Count(u128::from(u)),
                        None => Sum::Signed(i128::from(n.as_i64().unwrap())),
                    },
                    Some(other) => panic!("{other}"),
                };
                sum = Some(match (sum, x) {
                    (None, x) => x,
                    (Some(Sum::Count(a)), Sum::Count(b)) => Sum::Count(a + b),
                    (Some(Sum::Signed(a)), Sum::Signed(b)) => Sum::Signed(a + b),
                    (Some(Sum::Signed(a)), Sum::Count(b)) | (Some(Sum::Count(b)), Sum::Signed(a)) => Sum::Signed(a + b as i128),
                    (Some(Sum::Amount(a)), Sum::Amount(b)) => Sum::Amount(a + b),
                    _ => panic!("mixed kinds"),
                });
            }
            let value = if absent == units.len() {
                continue;
            } else if !missing.is_empty() {
                gaps.push(Gap { pointer: pointer.clone(), units: missing });
                Value::Null
            } else {
                match sum {
                    None => Value::String(NOT_APPLICABLE.into()),
                    Some(Sum::Count(c)) => Value::from(u64::try_from(c).unwrap()),
                    Some(Sum::Signed(c)) => Value::from(i64::try_from(c).unwrap()),
                    Some(Sum::Amount(d)) => Value::String(d.to_string()),
                }
            };
            let mut at = &mut doc;
            let tokens: Vec<&str> = pointer.trim_start_matches('/').split('/').collect();
            for (i, t) in tokens.iter().enumerate() {
                let Value::Object(m) = at else { unreachable!() };
                if i + 1 == tokens.len() {
                    m.insert((*t).to_string(), value);
                    break;
                }
                at = m.entry((*t).to_string()).or_insert_with(|| Value::Object(Map::new()));
            }
        }
        let report = crate::parse_str(&doc.to_string())?;
        Ok(RollUp { report, units, gaps, merged_other: vec![] })
    }

    #[test]
    fn the_typed_roll_up_is_the_roll_up_by_pointers() {
        // Reports whose cells are values, blanks, "/" and absent, in proportions that vary by
        // cell, so that some cells sum, some are gaps, some stay "/" or absent.
        let mut state = 7u64;
        let mut next = |n: u64| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) % n
        };
        for format in [Format::F2021, Format::F2019] {
            let pointers = figure_pointers(format);
            for units in [1, 2, 5, 12] {
                let mut reports = vec![];
                for u in 0..units {
                    let mut r = Report::new(format, 2023, agency(&format!("第{u}局")));
                    for (k, p) in pointers.iter().enumerate() {
                        let loc = locate(format, p).unwrap();
                        // Cell k is mostly given as values when k % 4 == 0, mixed otherwise.
                        let roll = if k % 4 == 0 { 3 + next(10) } else { next(8) };
                        match cell_mut(&mut r, loc).unwrap() {
                            CellMut::Count(x) => {
                                *x = [Cell::Absent, Cell::Blank, Cell::NotApplicable].get(roll as usize).copied().unwrap_or(Cell::Value(next(1000)))
                            }
                            CellMut::Signed(x) => {
                                *x = [Cell::Absent, Cell::Blank, Cell::NotApplicable].get(roll as usize).copied().unwrap_or(Cell::Value(next(100) as i64 - 60))
                            }
                            CellMut::Amount(x) => {
                                let d = Dec::parse(&format!("{}.{}", next(500), next(1000))).unwrap();
                                *x = [Cell::Absent, Cell::Blank, Cell::NotApplicable].get(roll as usize).copied().unwrap_or(Cell::Value(d))
                            }
                            CellMut::Text(_) => unreachable!("figures only"),
                        }
                    }
                    reports.push(r);
                }
                let (typed, reference) = (aggregate(&reports, agency("县")).unwrap(), by_pointers(&reports, agency("县")).unwrap());
                assert_eq!(typed, reference, "{format:?}, {units} units");
                if units > 1 {
                    assert!(!typed.gaps.is_empty());
                }
            }
        }
    }

    #[test]
    fn sums_past_the_largest_count_are_refused() {
        let mut a = Report::new(Format::F2019, 2023, agency("甲"));
        a.set("/proactive/licensing/change", json!(i64::MAX)).unwrap();
        a.set("/proactive/licensing/decisions", json!(u64::MAX)).unwrap();
        let e = aggregate(&[a.clone(), a.clone()], agency("县")).unwrap_err();
        // The first cell in template order that cannot hold its sum is named.
        assert_eq!((e.kind(), e.pointer()), ("structure", Some("/proactive/licensing/change")), "{e:?}");
        a.set("/proactive/licensing/change", json!(1)).unwrap();
        let e = aggregate(&[a.clone(), a], agency("县")).unwrap_err();
        assert!(e.to_string().contains("largest count"), "{e}");
    }
}
