//! Errors of the register: each says what and where, in Chinese and English.
//!
//! Findings are not errors, and neither is an input that cannot be read during an ingest: that
//! is recorded in its batch ([`crate::BatchItem`]) and the batch goes on.

use govreport::Lang;
use thiserror::Error;

/// Why a call on the register failed.
#[derive(Debug, Error)]
pub enum Error {
    /// SQLite refused or failed (a locked file past the busy timeout, a full disk, a file that
    /// is not a register).
    #[error("register database{}: {source}", at(path))]
    Database {
        /// The register file ("" when not known at the place of the error).
        path: String,
        /// What SQLite said.
        #[source]
        source: rusqlite::Error,
    },
    /// The file was made by a newer govreport (its schema version is higher than this one knows).
    #[error("{path}: schema version {found} is newer than this govreport supports ({supported}); use a newer govreport")]
    NewerSchema {
        /// The register file.
        path: String,
        /// The file's schema version.
        found: u32,
        /// The newest this build knows.
        supported: u32,
    },
    /// The file must be upgraded first, and it was opened read-only.
    #[error("{path}: schema version {found} needs upgrading to {supported}; open it for writing once")]
    NeedsUpgrade {
        /// The register file.
        path: String,
        /// The file's schema version.
        found: u32,
        /// The version this build writes.
        supported: u32,
    },
    /// A report document was refused by the core (bad JSON, a wrong pointer or value …).
    #[error("{0}")]
    Report(#[from] govreport::Error),
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// Nothing in the register matches.
    #[error("not found: {en}")]
    NotFound {
        /// What was looked for, in English.
        en: String,
        /// The same in Chinese.
        zh: String,
    },
    /// A unit name matches several units.
    #[error("{given:?} matches {} units: {}; give the unit id or credit code", .candidates.len(), .candidates.join("; "))]
    Ambiguous {
        /// What was given.
        given: String,
        /// The units it matches, as "id name (region)".
        candidates: Vec<String>,
    },
    /// An argument is not acceptable (an empty reason, an unknown metric, a year out of range …).
    #[error("{what}: {en}")]
    Invalid {
        /// The argument.
        what: String,
        /// What is wrong, in English.
        en: String,
        /// The same in Chinese.
        zh: String,
    },
}

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
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            Error::Database { path, source } if is_busy(source) => format!("登记库{} 正被其他进程写入，等待超时：{source}", at(path)),
            Error::Database { path, source } => format!("登记库{}：{source}", at(path)),
            Error::NewerSchema { path, found, supported } => {
                format!("{path}：数据库结构版本 {found} 比本程序支持的 {supported} 新，请使用新版 govreport")
            }
            Error::NeedsUpgrade { path, found, supported } => {
                format!("{path}：数据库结构版本 {found} 需要升级到 {supported}，请先以可写方式打开一次")
            }
            Error::Report(e) => e.message(Lang::Zh),
            Error::Io { path, source } => format!("{path}：{source}"),
            Error::NotFound { zh, .. } => format!("未找到：{zh}"),
            Error::Ambiguous { given, candidates } => {
                format!("“{given}”对应 {} 个单位：{}；请给出单位编号或统一社会信用代码", candidates.len(), candidates.join("；"))
            }
            Error::Invalid { what, zh, .. } => format!("{what}：{zh}"),
        }
    }

    pub(crate) fn invalid(what: impl Into<String>, en: impl Into<String>, zh: impl Into<String>) -> Error {
        Error::Invalid { what: what.into(), en: en.into(), zh: zh.into() }
    }

    pub(crate) fn not_found(en: impl Into<String>, zh: impl Into<String>) -> Error {
        Error::NotFound { en: en.into(), zh: zh.into() }
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}

fn at(path: &str) -> String {
    if path.is_empty() { String::new() } else { format!(" {path}") }
}

impl From<rusqlite::Error> for Error {
    fn from(source: rusqlite::Error) -> Error {
        Error::Database { path: String::new(), source }
    }
}

impl Error {
    /// The same error, naming the register file when it is a database error.
    pub(crate) fn in_file(self, file: &str) -> Error {
        match self {
            Error::Database { path, source } if path.is_empty() => Error::Database { path: file.to_string(), source },
            e => e,
        }
    }
}

/// The register's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
