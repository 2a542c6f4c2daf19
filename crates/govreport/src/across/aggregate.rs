//! Rolling units' reports up into one: every cell summed exactly, gaps named, never zeroed.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::error::Error;
use crate::model::{Agency, Dec, Format, NOT_APPLICABLE, Report, figure_pointers};

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
}

enum Sum {
    Count(u128),
    Signed(i128),
    Amount(Decimal),
}

/// Sums the tables of same-format, same-year reports into one report of `agency`.
///
/// Per cell: the sum of the units' values, where "/" units are left out; "/" when every unit
/// has "/"; blank (and a [`Gap`]) when some unit leaves it blank or absent; absent when no unit
/// gives it. Counts are summed exactly (a sum past the largest count is an error), amounts as
/// exact decimals keeping the finest written precision. Mixed formats or years, 2007-regime
/// reports (prose, no tables) and an empty list are errors.
pub fn aggregate(reports: &[Report], agency: Agency) -> Result<RollUp, Error> {
    let first = reports.first().ok_or_else(|| Error::Invalid { what: "reports".into(), message: "no report to roll up".into() })?;
    let (format, year) = (first.format(), first.meta().year);
    if format == Format::F2007 {
        return Err(Error::Invalid { what: "reports[0]".into(), message: "2007-regime reports are prose and have no tables to roll up".into() });
    }
    for (i, r) in reports.iter().enumerate() {
        let m = r.meta();
        if m.format != format || m.year != year {
            return Err(Error::Invalid {
                what: format!("reports[{i}] ({})", m.agency.name),
                message: format!("format {} for {} differs from the first report's format {} for {}", m.format.as_str(), m.year, format.as_str(), year),
            });
        }
    }
    let units: Vec<String> = reports.iter().map(|r| r.meta().agency.name.clone()).collect();
    let values: Vec<Value> = reports.iter().map(|r| serde_json::to_value(r).unwrap_or(Value::Null)).collect();
    let mut doc = Map::new();
    doc.insert("format".into(), format.as_str().into());
    doc.insert("year".into(), year.into());
    doc.insert("agency".into(), serde_json::to_value(&agency).map_err(|e| Error::Invalid { what: "agency".into(), message: e.to_string() })?);
    let mut doc = Value::Object(doc);
    let mut gaps = vec![];
    for pointer in figure_pointers(format) {
        let mut missing = vec![];
        let mut absent = 0;
        let mut sum: Option<Sum> = None;
        for (unit, v) in units.iter().zip(&values) {
            let add = |sum: Option<Sum>, x: Sum| -> Result<Sum, Error> {
                let bad = || Error::Invalid { what: pointer.clone(), message: format!("cannot add {unit}'s figure to the others (mixed kinds)") };
                Ok(match (sum, x) {
                    (None, x) => x,
                    (Some(Sum::Count(a)), Sum::Count(b)) => Sum::Count(a + b),
                    (Some(Sum::Signed(a)), Sum::Signed(b)) => Sum::Signed(a + b),
                    (Some(Sum::Signed(a)), Sum::Count(b)) | (Some(Sum::Count(b)), Sum::Signed(a)) => Sum::Signed(a + b as i128),
                    (Some(Sum::Amount(a)), Sum::Amount(b)) => Sum::Amount(a.checked_add(b).ok_or_else(bad)?),
                    _ => return Err(bad()),
                })
            };
            match v.pointer(&pointer) {
                None => {
                    absent += 1;
                    missing.push(unit.clone());
                }
                Some(Value::Null) => missing.push(unit.clone()),
                Some(Value::String(s)) if s == NOT_APPLICABLE => {}
                Some(Value::String(s)) => {
                    let d = Dec::parse(s).map_err(|m| Error::Invalid { what: pointer.clone(), message: m })?;
                    sum = Some(add(sum, Sum::Amount(d.0))?);
                }
                Some(Value::Number(n)) => {
                    let x = match (n.as_u64(), n.as_i64()) {
                        (Some(u), _) => Sum::Count(u128::from(u)),
                        (None, Some(i)) => Sum::Signed(i128::from(i)),
                        _ => return Err(Error::Invalid { what: pointer.clone(), message: format!("{unit}: {n} is not a whole number") }),
                    };
                    sum = Some(add(sum, x)?);
                }
                Some(other) => return Err(Error::Invalid { what: pointer.clone(), message: format!("{unit}: unexpected {other}") }),
            }
        }
        let value = if absent == units.len() {
            continue;
        } else if !missing.is_empty() {
            gaps.push(Gap { pointer: pointer.clone(), units: missing });
            Value::Null
        } else {
            let too_big = || Error::Invalid { what: pointer.clone(), message: "the sum is larger than the largest count".into() };
            match sum {
                None => Value::String(NOT_APPLICABLE.into()),
                Some(Sum::Count(c)) => Value::from(u64::try_from(c).map_err(|_| too_big())?),
                Some(Sum::Signed(c)) => Value::from(i64::try_from(c).map_err(|_| too_big())?),
                Some(Sum::Amount(d)) => Value::String(d.to_string()),
            }
        };
        insert(&mut doc, &pointer, value);
    }
    let report = crate::parse_str(&doc.to_string())?;
    Ok(RollUp { report, units, gaps })
}

/// Sets `value` at `pointer`, creating the objects on the way.
fn insert(doc: &mut Value, pointer: &str, value: Value) {
    let mut at = doc;
    let tokens: Vec<&str> = pointer.trim_start_matches('/').split('/').collect();
    for (i, t) in tokens.iter().enumerate() {
        let Value::Object(m) = at else { return };
        if i + 1 == tokens.len() {
            m.insert((*t).to_string(), value);
            return;
        }
        at = m.entry((*t).to_string()).or_insert_with(|| Value::Object(Map::new()));
    }
}
