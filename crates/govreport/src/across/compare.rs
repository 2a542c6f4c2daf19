//! A report against the same unit's report of the previous year.

use crate::error::Error;
use crate::finding::Findings;
use crate::model::Report;
use crate::options::Options;
use crate::rules;

/// Prose this similar to last year's (Jaccard of 4-grams, 0–1) is reported as copied, unless
/// the options say otherwise.
pub const COPY_THRESHOLD: f64 = 0.8;

/// Checks `current` against `previous` (GR6xx): 上年结转 against last year's 结转下年度继续办理,
/// 现行有效件数 carried on, a changed agency, years that do not follow, sudden jumps, and prose
/// copied from last year. Findings point into `current`.
pub fn compare(previous: &Report, current: &Report, options: &Options) -> Result<Findings, Error> {
    let resolved = options.resolve()?;
    Ok(rules::run_yearly(previous, current, &resolved))
}
