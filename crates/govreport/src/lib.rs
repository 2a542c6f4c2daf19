//! govreport models, checks, renders and imports China's 政府信息公开工作年度报告 (the annual
//! reports on government information disclosure).
//!
//! The whole public surface is here: the functions and types re-exported at the top, and a few
//! namespaces ([`labels`], [`cells`], [`model`], [`error`], [`import`], [`mod@render`], [`across`],
//! [`batch`], [`fs`], [`limits`]). Everything else is internal.
//!
//! ```
//! let report = govreport::parse_str(r#"{
//!   "format": "2021", "year": 2023,
//!   "agency": {"name": "某市某局", "kind": "department"},
//!   "requests": {"new": {"natural_person": 3, "total": 4}}
//! }"#).unwrap();
//! let findings = govreport::check(&report, &govreport::Options::default()).unwrap();
//! assert!(findings.with_code("GR203").any(|f| f.path == "/requests/new/total"));
//! // Every cell of the report, with its pointer, label, kind and state.
//! let (def, cell) = report.cells().find(|(d, _)| d.pointer == "/requests/new/total").unwrap();
//! assert_eq!((def.name(govreport::Lang::Zh), cell.text()), ("一、本年新收政府信息公开申请数量「总计」".to_string(), "4".to_string()));
//! ```

#![deny(missing_docs)]

// The namespaces of the public API.
pub mod across;
pub mod batch;
pub mod cells;
pub mod error;
#[cfg(feature = "fs")]
pub mod fs;
pub mod import;
pub mod labels;
pub mod limits;
pub mod model;
pub mod render;

// Internal; what they offer is re-exported below.
mod charset;
mod complete;
mod finding;
mod i18n;
mod json;
mod options;
mod parse;
mod pointer;
mod prose_numbers;
mod rules;
mod sarif;
mod schema;

pub use across::{Aggregator, RollUp, aggregate, compare};
pub use complete::{Completion, complete};
pub use error::{Error, ErrorType, Problem};
pub use finding::{Finding, Findings, Severity, Status};
pub use i18n::{Bilingual, Lang};
pub use import::{ImportOptions, Imported, SourceKind, import_document};
pub use json::parse_value;
pub use model::{Agency, AgencyKind, Format, Report};
pub use options::Options;
pub use parse::{escape as escape_pointer_token, parse_json, parse_str, parse_typed};
pub use render::{RenderFormat, render};
pub use rules::document::{credit_code_problem, region_code_problem};
pub use rules::{Code, RULES, Rule, Scope, markdown as rules_markdown, rule};
pub use sarif::to_sarif;
pub use schema::{findings_schema, json_schema, options_schema};

/// The numbers a text states ("共收到政府信息公开申请56件"), as GR404 reads them (for the
/// benchmarks' detail stages).
#[doc(hidden)]
pub use prose_numbers::{Stated, Statement, statements};

/// Whether the fast and the slow reading of a document agree on `text` (for the fuzz target
/// `json_check` and the property test).
#[doc(hidden)]
pub fn paths_agree(text: &str) -> bool {
    parse::paths_agree(text)
}

/// The library's version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Checks a report against every rule that applies to its format.
///
/// Fails only when the options are invalid (an unknown rule code, a bad date).
pub fn check(report: &Report, options: &Options) -> Result<Findings, Error> {
    let resolved = options.resolve()?;
    Ok(rules::run(report, &resolved))
}

/// Checks a report imported from a source that does not show the places `unseen` (pointers,
/// as [`Imported::unseen`] lists them): a violation at or under one of them is not assessable
/// rather than an error of the report. For a report kept apart from its import (a register's
/// stored version); [`Imported::check`] does this for an import at hand.
pub fn check_unseen(report: &Report, unseen: &[String], options: &Options) -> Result<Findings, Error> {
    let resolved = options.resolve()?;
    Ok(rules::run_seen(report, &resolved, unseen))
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
