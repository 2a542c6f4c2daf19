//! govreport: model, check and (soon) render and import China's 政府信息公开工作年度报告.
//!
//! ```
//! let report = govreport::parse_str(r#"{
//!   "format": "2021", "year": 2023,
//!   "agency": {"name": "某市某局", "kind": "department"},
//!   "requests": {"new": {"natural_person": 3, "total": 4}}
//! }"#).unwrap();
//! let findings = govreport::check(&report, &govreport::Options::default()).unwrap();
//! assert!(findings.with_code("GR203").any(|f| f.path == "/requests/new/total"));
//! ```

pub mod across;
pub mod batch;
pub mod cells;
pub mod complete;
pub mod error;
pub mod finding;
#[cfg(feature = "fs")]
pub mod fs;
mod i18n;
pub mod import;
pub mod json;
pub mod labels;
pub mod limits;
pub mod model;
pub mod options;
pub mod parse;
pub mod pointer;
pub mod render;
pub mod rules;
pub mod sarif;
pub mod schema;
pub mod text;

pub use across::{RollUp, aggregate, compare};
pub use complete::{Completion, complete};
pub use error::{Error, ErrorType, Problem};
pub use finding::{Finding, Findings, Severity, Status};
pub use i18n::{Bilingual, Lang};
pub use import::{ImportOptions, Imported, SourceKind, import_document};
pub use model::{Agency, AgencyKind, Format, Report};
pub use options::Options;
pub use parse::{parse_json, parse_str};
pub use render::{RenderFormat, render};
pub use rules::{Code, RULES, Rule, Scope, rule};
pub use schema::json_schema;

/// The library's version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Checks a report against every rule that applies to its format.
///
/// Fails only when the options are invalid (an unknown rule code, a bad date).
pub fn check(report: &Report, options: &Options) -> Result<Findings, Error> {
    let resolved = options.resolve()?;
    Ok(rules::run(report, &resolved))
}

/// Reads JSON bytes and checks them: the one-shot call of the C ABI and the command.
pub fn check_json(bytes: &[u8], options: &Options) -> Result<Findings, Error> {
    let report = parse_json(bytes)?;
    check(&report, options)
}

/// Every rule, in code order.
pub fn rules() -> &'static [&'static Rule] {
    RULES
}
