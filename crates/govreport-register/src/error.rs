//! Errors of the register: each says what and where, in Chinese and English, from one template
//! per language in the core's `{name}` syntax ([`Bilingual`]).
//!
//! Findings are not errors, and neither is an input that cannot be read during an ingest: that
//! is recorded in its batch ([`crate::BatchItem`]) and the batch goes on.

use std::fmt;

use govreport::{Bilingual, Lang};

/// Why a call on the register failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// SQLite refused or failed (a locked file past the busy timeout, a full disk, a file that
    /// is not a register).
    Database {
        /// The register file ("" when not known at the place of the error).
        path: String,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// The file was made by a newer govreport (its schema version is higher than this one knows).
    NewerSchema {
        /// The register file.
        path: String,
        /// The file's schema version.
        found: u32,
        /// The newest this build knows.
        supported: u32,
    },
    /// The file must be upgraded first, and it was opened read-only.
    NeedsUpgrade {
        /// The register file.
        path: String,
        /// The file's schema version.
        found: u32,
        /// The version this build writes.
        supported: u32,
    },
    /// A report document was refused by the core (bad JSON, a wrong pointer or value …).
    Report(govreport::Error),
    /// A file could not be read or written.
    Io {
        /// The file.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// Nothing in the register matches.
    NotFound {
        /// What was looked for.
        what: Bilingual<String>,
    },
    /// A unit name matches several units.
    Ambiguous {
        /// What was given.
        given: String,
        /// The units it matches, as "id name (region)".
        candidates: Vec<String>,
    },
    /// An argument is not acceptable (an empty reason, an unknown metric, a year out of range …).
    Invalid {
        /// The argument.
        what: String,
        /// What is wrong.
        problem: Bilingual<String>,
    },
}

const DATABASE: Bilingual = Bilingual::new("登记库{path}：{source}", "register database{path}: {source}");
const BUSY: Bilingual = Bilingual::new(
    "登记库{path} 正被其他进程写入，等待超时：{source}",
    "register database{path} is being written by another process; waiting timed out: {source}",
);
const NEWER_SCHEMA: Bilingual = Bilingual::new(
    "{path}：数据库结构版本 {found} 比本程序支持的 {supported} 新，请使用新版 govreport",
    "{path}: schema version {found} is newer than this govreport supports ({supported}); use a newer govreport",
);
const NEEDS_UPGRADE: Bilingual = Bilingual::new(
    "{path}：数据库结构版本 {found} 需要升级到 {supported}，请先以可写方式打开一次",
    "{path}: schema version {found} needs upgrading to {supported}; open it for writing once",
);
const IO: Bilingual = Bilingual::new("{path}：{source}", "{path}: {source}");
const NOT_FOUND: Bilingual = Bilingual::new("未找到：{what}", "not found: {what}");
const AMBIGUOUS: Bilingual = Bilingual::new(
    "“{given}”对应 {count} 个单位：{candidates}；请给出单位编号或统一社会信用代码",
    "\"{given}\" matches {count} units: {candidates}; give the unit id or credit code",
);
const INVALID: Bilingual = Bilingual::new("{what}：{problem}", "{what}: {problem}");
/// How the candidates of an ambiguous name are joined.
const LIST: Bilingual = Bilingual::new("；", "; ");

impl Error {
    /// A short stable name of the kind of error, for programs.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Database { source, .. } if is_busy(source) => "busy",
            Error::Database { .. } => "database",
            Error::NewerSchema { .. } => "newer_schema",
            Error::NeedsUpgrade { .. } => "needs_upgrade",
            Error::Report(e) => e.kind(),
            Error::Io { .. } => "io",
            Error::NotFound { .. } => "not_found",
            Error::Ambiguous { .. } => "ambiguous",
            Error::Invalid { .. } => "invalid",
        }
    }

    /// The JSON pointer the error is about, when it is about a place in a document.
    pub fn pointer(&self) -> Option<&str> {
        match self {
            Error::Report(e) => e.pointer(),
            _ => None,
        }
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Error::Database { path, source } => {
                let template = if is_busy(source) { BUSY } else { DATABASE };
                template.format(lang, &[("path", &at(path)), ("source", source)])
            }
            Error::NewerSchema { path, found, supported } => NEWER_SCHEMA.format(lang, &[("path", path), ("found", found), ("supported", supported)]),
            Error::NeedsUpgrade { path, found, supported } => NEEDS_UPGRADE.format(lang, &[("path", path), ("found", found), ("supported", supported)]),
            Error::Report(e) => e.message(lang),
            Error::Io { path, source } => IO.format(lang, &[("path", path), ("source", source)]),
            Error::NotFound { what } => NOT_FOUND.format(lang, &[("what", what.get(lang))]),
            Error::Ambiguous { given, candidates } => {
                AMBIGUOUS.format(lang, &[("given", given), ("count", &candidates.len()), ("candidates", &candidates.join(LIST.get(lang)))])
            }
            Error::Invalid { what, problem } => INVALID.format(lang, &[("what", what), ("problem", problem.get(lang))]),
        }
    }

    pub(crate) fn invalid(what: impl Into<String>, en: impl Into<String>, zh: impl Into<String>) -> Error {
        Error::Invalid { what: what.into(), problem: Bilingual { zh: zh.into(), en: en.into() } }
    }

    pub(crate) fn not_found(en: impl Into<String>, zh: impl Into<String>) -> Error {
        Error::NotFound { what: Bilingual { zh: zh.into(), en: en.into() } }
    }

    /// The same error, naming the register file when it is a database error.
    pub(crate) fn in_file(self, file: &str) -> Error {
        match self {
            Error::Database { path, source } if path.is_empty() => Error::Database { path: file.to_string(), source },
            e => e,
        }
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}

fn at(path: &str) -> String {
    if path.is_empty() { String::new() } else { format!(" {path}") }
}

/// The message in English.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Database { source, .. } => Some(source),
            Error::Report(e) => Some(e),
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(source: rusqlite::Error) -> Error {
        Error::Database { path: String::new(), source }
    }
}

impl From<govreport::Error> for Error {
    fn from(e: govreport::Error) -> Error {
        Error::Report(e)
    }
}

/// The register's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_says_what_in_both_languages_with_no_placeholder_left() {
        let errors = [
            Error::from(rusqlite::Error::QueryReturnedNoRows).in_file("a.db"),
            Error::NewerSchema { path: "a.db".into(), found: 9, supported: 4 },
            Error::NeedsUpgrade { path: "a.db".into(), found: 2, supported: 4 },
            Error::Io { path: "x.json".into(), source: std::io::Error::other("denied") },
            Error::not_found("version 7", "版本 7"),
            Error::Ambiguous { given: "教育局".into(), candidates: vec!["1 教育局 (360124)".into(), "2 教育局 (360100)".into()] },
            Error::invalid("reason", "a correction needs a reason", "更正须写明原因"),
        ];
        for e in &errors {
            for lang in [Lang::Zh, Lang::En] {
                let m = e.message(lang);
                assert!(!m.contains('{'), "{}: {m}", e.kind());
            }
        }
        assert_eq!(errors[0].message(Lang::En), "register database a.db: Query returned no rows");
        assert_eq!(errors[4].message(Lang::Zh), "未找到：版本 7");
        assert_eq!(errors[4].to_string(), "not found: version 7");
        assert_eq!(errors[5].message(Lang::En), "\"教育局\" matches 2 units: 1 教育局 (360124); 2 教育局 (360100); give the unit id or credit code");
        assert_eq!(errors[5].message(Lang::Zh), "“教育局”对应 2 个单位：1 教育局 (360124)；2 教育局 (360100)；请给出单位编号或统一社会信用代码");
        assert_eq!(errors[6].message(Lang::Zh), "reason：更正须写明原因");
        assert_eq!(
            errors.iter().map(Error::kind).collect::<Vec<_>>(),
            ["database", "newer_schema", "needs_upgrade", "io", "not_found", "ambiguous", "invalid"]
        );
    }
}
