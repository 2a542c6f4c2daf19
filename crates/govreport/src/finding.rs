//! Findings: what a check says about a report, in one shape on every surface.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How serious a finding is. Each rule has a default that callers can override.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The report is wrong.
    Error,
    /// The report is probably wrong or weak.
    Warning,
    /// Worth knowing; not a defect by itself.
    Info,
}

impl Severity {
    /// The lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// Parses a lower-case name.
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

/// Whether the rule was broken, or could not be judged at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The rule does not hold.
    Violated,
    /// The rule could not be judged: the cells it needs are blank, absent or "/".
    /// Such a finding always has severity `info`; it is never a pass.
    NotAssessable,
}

impl Status {
    /// The snake_case name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Violated => "violated",
            Status::NotAssessable => "not_assessable",
        }
    }
}

/// One finding of a check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    /// Stable rule code, e.g. `GR201`.
    pub code: String,
    /// Stable rule name, e.g. `requests-balance`.
    pub name: String,
    /// Severity after the caller's overrides.
    pub severity: Severity,
    /// Violated, or not assessable.
    pub status: Status,
    /// RFC 6901 pointer to the place in the document the finding is about ("" for the whole).
    pub path: String,
    /// Other places the finding involves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    /// What the rule expects there, when it is a value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// What the document has there, when it is a value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<String>,
    /// The values the message was built from, by name. A finding about a cell of an imported
    /// report also has the cell's place in the source: `source_line`, `source_column`,
    /// `source_paragraph`, `source_table`, `source_row`, `source_page`, `source_box` (as the
    /// source gives), `source_text` (the cell as published) and `source_at` (the place in words).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, String>,
    /// The message in the language asked for.
    pub message: String,
}

/// The findings of one check, in the order the rules run.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Findings(pub Vec<Finding>);

impl Findings {
    /// Whether any violated finding has severity `error`.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|f| f.severity == Severity::Error && f.status == Status::Violated)
    }

    /// How many findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.0.iter().filter(|f| f.severity == severity).count()
    }

    /// The findings with `code`.
    pub fn with_code<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
        self.0.iter().filter(move |f| f.code == code)
    }

    /// The findings as a JSON array.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_else(|_| "[]".into())
    }

    /// Number of findings.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Iterates over the findings.
    pub fn iter(&self) -> std::slice::Iter<'_, Finding> {
        self.0.iter()
    }
}

impl IntoIterator for Findings {
    type Item = Finding;
    type IntoIter = std::vec::IntoIter<Finding>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}
