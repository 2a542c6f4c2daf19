//! Ingest: one batch per call, each input all or nothing (its own savepoint, committed in
//! groups of up to 64 inputs or half a second), a bad input recorded as failed with its reason
//! and never stopping the batch.
//!
//! An input is read by the core (files, folders and JSON Lines by `govreport::fs`; bytes by
//! `import_document`: JSON documents, HTML pages, text, Word and PDF files); the hash of its bytes is kept so that the same bytes are never ingested twice. Its
//! agency is the unit ([`crate::units::identify`]); a document that differs from the current
//! version of the unit's report for its year becomes a new version with the old one as parent.
//! Everything an input writes — source, unit, version, cells, changes, findings, its line in
//! the batch — commits together or not at all, so a killed ingest leaves no half version and
//! loses nothing committed (at most the inputs of the group being written, which were never
//! committed and are taken again by the next `add`).

use std::time::{Duration, Instant};

use govreport::{ImportOptions, Imported, Lang};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::versions::NewVersion;
use crate::{Register, now, units};

/// At most this many inputs are committed together …
const COMMIT_INPUTS: usize = 64;
/// … and no input waits longer than this to be committed.
const COMMIT_AFTER: Duration = Duration::from_millis(500);

/// How to ingest (from JSON too: `{"reason":"…","author":"…","year":2023}`).
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct IngestOptions {
    /// Recorded with the batch: who or what ran it (the command line, "python" …).
    pub note: Option<String>,
    /// Recorded on every version the batch makes; "文件 NAME" when not given.
    pub reason: Option<String>,
    /// Recorded on every version the batch makes: who ingested.
    pub author: Option<String>,
    /// Leave out the batch checks (GR7xx) of the years the batch added to, which otherwise run
    /// over every current report of those years at the end (`recheck` runs them later).
    pub skip_peer_checks: bool,
    /// The text encoding of published pages (found from the content when not given).
    pub encoding: Option<String>,
    /// The reporting year of pages that state none.
    pub year: Option<u16>,
}

/// What became of one input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// A new version was made.
    Added,
    /// Read, but the document is the unit's current version already.
    Unchanged,
    /// The same bytes were ingested before.
    Duplicate,
    /// Could not be read: see the error.
    Failed,
}

impl Outcome {
    /// `added`, `unchanged`, `duplicate` or `failed`.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Added => "added",
            Outcome::Unchanged => "unchanged",
            Outcome::Duplicate => "duplicate",
            Outcome::Failed => "failed",
        }
    }

    fn parse(s: &str) -> Outcome {
        match s {
            "added" => Outcome::Added,
            "unchanged" => Outcome::Unchanged,
            "duplicate" => Outcome::Duplicate,
            _ => Outcome::Failed,
        }
    }
}

/// Why an input failed, in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InputError {
    /// The kind of error (`syntax`, `structure`, `io`, `too_large`, `invalid` …).
    pub kind: String,
    /// The message in Chinese.
    pub message_zh: String,
    /// The message in English.
    pub message_en: String,
    /// The place in the document, when the error is about one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
}

impl InputError {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> &str {
        if lang == Lang::En { &self.message_en } else { &self.message_zh }
    }
}

impl From<&Error> for InputError {
    fn from(e: &Error) -> InputError {
        InputError { kind: e.kind().to_string(), message_zh: e.message(Lang::Zh), message_en: e.message(Lang::En), pointer: e.pointer().map(str::to_string) }
    }
}

/// One input of a batch and what became of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BatchItem {
    /// Its place in the batch, from 1.
    pub seq: i64,
    /// Its name (file, file:line).
    pub name: String,
    /// SHA-256 of its bytes (hex), when they could be read.
    pub sha256: Option<String>,
    /// What became of it.
    pub outcome: Outcome,
    /// The version it made, or the one it matched (unchanged, duplicate).
    pub version_id: Option<i64>,
    /// The unit it is a report of.
    pub unit_id: Option<i64>,
    /// The reporting year.
    pub year: Option<i64>,
    /// Why it failed.
    pub error: Option<InputError>,
}

/// A batch: one call of ingest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BatchSummary {
    /// Its id.
    pub id: i64,
    /// When it started (UTC).
    pub started_at: String,
    /// When it finished; None while running or when it was interrupted.
    pub finished_at: Option<String>,
    /// What ran it.
    pub note: Option<String>,
    /// Inputs seen.
    pub inputs: i64,
    /// New versions made.
    pub added: i64,
    /// Documents already current.
    pub unchanged: i64,
    /// Bytes ingested before.
    pub duplicates: i64,
    /// Inputs that could not be read.
    pub failed: i64,
    /// Every input, in order.
    pub items: Vec<BatchItem>,
}

/// One input of an ingest: its name and its bytes, or why they could not be read.
#[derive(Debug)]
pub struct Input {
    /// A file, `file:line` for a line of JSON Lines, or any name the caller gives.
    pub name: String,
    /// The bytes, or why there are none.
    pub bytes: Result<Vec<u8>, Error>,
}

impl Input {
    /// An input of bytes the caller already has (an upload, a document built in memory).
    pub fn bytes(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Input {
        Input { name: name.into(), bytes: Ok(bytes.into()) }
    }
}

/// An input the core read from a file, a folder or JSON Lines ([`govreport::fs::inputs`]); a
/// file the system could not read is an [`Error::Io`] of that file.
impl From<govreport::fs::Input> for Input {
    fn from((name, bytes): govreport::fs::Input) -> Input {
        let bytes = bytes.map_err(|e| match e.error_type() {
            govreport::ErrorType::Io { message } => Error::Io { path: name.clone(), source: std::io::Error::other(message.clone()) },
            _ => Error::Report(e),
        });
        Input { name, bytes }
    }
}

/// The inputs named by `paths`, read by the core one at a time: every readable file of a
/// folder (in name order), each line of a JSON Lines file (`file:line`), `-` for standard
/// input; a file that cannot be read is an input that failed, recorded in its batch.
pub fn inputs(paths: &[std::path::PathBuf]) -> impl Iterator<Item = Input> + use<> {
    govreport::fs::inputs(govreport::fs::sources(paths)).map(Input::from)
}

/// An input read by the core, ready to be stored.
struct ReadInput {
    imported: Imported,
    /// The import findings in English (the same findings as `imported.findings`).
    import_en: govreport::Findings,
}

fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

impl Register {
    /// Ingests the files and folders in `paths` as one batch (see [`inputs`]).
    pub fn add_paths(&mut self, paths: &[std::path::PathBuf], options: &IngestOptions) -> Result<BatchSummary> {
        self.ingest(inputs(paths), options)
    }

    /// Ingests `inputs` as one batch. An input that cannot be read is recorded as failed and
    /// the batch goes on; an error is returned only when the database itself fails (then the
    /// inputs committed so far stay, and the batch shows as not finished).
    pub fn ingest(&mut self, inputs: impl IntoIterator<Item = Input>, options: &IngestOptions) -> Result<BatchSummary> {
        // A call that panicked half-way (a bug) may have left a transaction open: undo it.
        if !self.conn.is_autocommit() {
            self.conn.execute_batch("ROLLBACK")?;
        }
        let started = now();
        self.conn.execute("INSERT INTO batches (started_at, note) VALUES (?1, ?2)", params![started, options.note])?;
        let batch = self.conn.last_insert_rowid();
        let mut years = std::collections::BTreeSet::new();
        // Inputs are committed in groups (each input inside its own savepoint, all or nothing),
        // which writes each database page once per group rather than once per input.
        let (mut open, mut pending, mut since) = (false, 0usize, Instant::now());
        for (i, input) in inputs.into_iter().enumerate() {
            if !open {
                self.conn.execute_batch("BEGIN IMMEDIATE")?;
                (open, pending, since) = (true, 0, Instant::now());
            }
            self.conn.execute_batch("SAVEPOINT input")?;
            match self.ingest_one(batch, i as i64 + 1, input, options) {
                Ok(year) => {
                    self.conn.execute_batch("RELEASE input")?;
                    years.extend(year);
                }
                Err(e) => {
                    // The database failed: keep every input done before this one.
                    let _ = self.conn.execute_batch("ROLLBACK TO input; RELEASE input; COMMIT");
                    return Err(e);
                }
            }
            pending += 1;
            if pending >= COMMIT_INPUTS || since.elapsed() >= COMMIT_AFTER {
                self.conn.execute_batch("COMMIT")?;
                open = false;
            }
        }
        if open {
            self.conn.execute_batch("COMMIT")?;
        }
        // Table statistics for the query planner, refreshed when the tables have grown a lot
        // (cheap otherwise; approximate on large tables).
        self.conn.execute_batch("PRAGMA analysis_limit = 1000; PRAGMA optimize;")?;
        if !options.skip_peer_checks {
            for year in years {
                self.recheck_peers(year)?;
            }
        }
        self.conn.execute("UPDATE batches SET finished_at = ?2 WHERE id = ?1", params![batch, now()])?;
        self.batch(batch)
    }

    fn read(&self, bytes: &[u8], options: &IngestOptions) -> std::result::Result<ReadInput, Error> {
        let import = ImportOptions { encoding: options.encoding.clone(), year: options.year, lang: Lang::Zh, ..ImportOptions::default() };
        let imported = govreport::import_document(bytes, &import)?;
        let import_en = if imported.findings.is_empty() {
            govreport::Findings::default()
        } else {
            govreport::import_document(bytes, &ImportOptions { lang: Lang::En, ..import })?.findings
        };
        Ok(ReadInput { imported, import_en })
    }

    /// Ingests one input; the year it added a version to, if it did.
    fn ingest_one(&mut self, batch: i64, seq: i64, input: Input, options: &IngestOptions) -> Result<Option<i64>> {
        let mut item = BatchItem { seq, name: input.name, sha256: None, outcome: Outcome::Failed, version_id: None, unit_id: None, year: None, error: None };
        let read = match input.bytes {
            Err(e) => Err(e),
            Ok(bytes) => {
                let sha = sha256_hex(&bytes);
                item.sha256 = Some(sha.clone());
                let seen: Option<(Option<i64>, Option<i64>, Option<i64>)> = self
                    .conn
                    .query_row(
                        "SELECT i.version_id, r.unit_id, r.year FROM sources s
                         LEFT JOIN batch_inputs i ON i.sha256 = s.sha256 AND i.outcome IN ('added', 'unchanged')
                         LEFT JOIN versions v ON v.id = i.version_id LEFT JOIN reports r ON r.id = v.report_id
                         WHERE s.sha256 = ?1 LIMIT 1",
                        [&sha],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                    )
                    .optional()?;
                if let Some((version, unit, year)) = seen {
                    item.outcome = Outcome::Duplicate;
                    (item.version_id, item.unit_id, item.year) = (version, unit, year);
                    return record(&self.conn, batch, &item).map(|_| None);
                }
                self.read(&bytes, options).map(|r| (r, bytes.len()))
            }
        };
        let (read, size) = match read {
            Ok(r) => r,
            Err(e) => {
                item.error = Some(InputError::from(&e));
                return record(&self.conn, batch, &item).map(|_| None);
            }
        };
        let now = now();
        let tx = &self.conn;
        let report = &read.imported.report;
        let meta = report.meta();
        tx.execute(
            "INSERT INTO sources (sha256, name, kind, encoding, size, batch_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![item.sha256, item.name, read.imported.source.as_str(), read.imported.encoding, size as i64, batch],
        )?;
        let source = tx.last_insert_rowid();
        let unit = units::identify(tx, meta.agency, meta.year, &now)?;
        let reason = options.reason.clone().unwrap_or_else(|| format!("文件 {}", item.name));
        let made = crate::versions::store(
            tx,
            &self.fields,
            &self.options,
            unit,
            NewVersion {
                report,
                origin: "file",
                batch: Some(batch),
                source: Some(source),
                reason: Some(&reason),
                author: options.author.as_deref(),
                imported: Some((&read.imported, &read.import_en)),
            },
            &now,
        )?;
        item.outcome = if made.new { Outcome::Added } else { Outcome::Unchanged };
        (item.version_id, item.unit_id, item.year) = (Some(made.version), Some(unit), Some(i64::from(meta.year)));
        record(tx, batch, &item)?;
        Ok(made.new.then_some(i64::from(meta.year)))
    }

    /// A batch with every input.
    pub fn batch(&self, id: i64) -> Result<BatchSummary> {
        let mut summary = self
            .conn
            .query_row("SELECT id, started_at, finished_at, note, inputs, added, unchanged, duplicates, failed FROM batches WHERE id = ?1", [id], |r| {
                Ok(BatchSummary {
                    id: r.get(0)?,
                    started_at: r.get(1)?,
                    finished_at: r.get(2)?,
                    note: r.get(3)?,
                    inputs: r.get(4)?,
                    added: r.get(5)?,
                    unchanged: r.get(6)?,
                    duplicates: r.get(7)?,
                    failed: r.get(8)?,
                    items: vec![],
                })
            })
            .optional()?
            .ok_or_else(|| Error::not_found(format!("batch {id}"), format!("批次 {id}")))?;
        let mut stmt = self.conn.prepare(
            "SELECT i.seq, i.name, i.sha256, i.outcome, i.version_id, r.unit_id, r.year, i.error_kind, i.error_zh, i.error_en, i.error_pointer
             FROM batch_inputs i LEFT JOIN versions v ON v.id = i.version_id LEFT JOIN reports r ON r.id = v.report_id
             WHERE i.batch_id = ?1 ORDER BY i.seq",
        )?;
        summary.items = stmt
            .query_map([id], |r| {
                let kind: Option<String> = r.get(7)?;
                Ok(BatchItem {
                    seq: r.get(0)?,
                    name: r.get(1)?,
                    sha256: r.get(2)?,
                    outcome: Outcome::parse(&r.get::<_, String>(3)?),
                    version_id: r.get(4)?,
                    unit_id: r.get(5)?,
                    year: r.get(6)?,
                    error: match kind {
                        Some(kind) => Some(InputError { kind, message_zh: r.get(8)?, message_en: r.get(9)?, pointer: r.get(10)? }),
                        None => None,
                    },
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(summary)
    }

    /// Every batch, newest first, without their inputs.
    pub fn batches(&self) -> Result<Vec<BatchSummary>> {
        let mut stmt =
            self.conn.prepare("SELECT id, started_at, finished_at, note, inputs, added, unchanged, duplicates, failed FROM batches ORDER BY id DESC")?;
        let rows = stmt
            .query_map([], |r| {
                Ok(BatchSummary {
                    id: r.get(0)?,
                    started_at: r.get(1)?,
                    finished_at: r.get(2)?,
                    note: r.get(3)?,
                    inputs: r.get(4)?,
                    added: r.get(5)?,
                    unchanged: r.get(6)?,
                    duplicates: r.get(7)?,
                    failed: r.get(8)?,
                    items: vec![],
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

/// Writes an input's line and counts it in its batch.
fn record(tx: &rusqlite::Connection, batch: i64, item: &BatchItem) -> Result<()> {
    let e = item.error.as_ref();
    tx.prepare_cached(
        "INSERT INTO batch_inputs (batch_id, seq, name, sha256, outcome, version_id, error_kind, error_zh, error_en, error_pointer)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        batch,
        item.seq,
        item.name,
        item.sha256,
        item.outcome.as_str(),
        item.version_id,
        e.map(|e| &e.kind),
        e.map(|e| &e.message_zh),
        e.map(|e| &e.message_en),
        e.and_then(|e| e.pointer.as_ref())
    ])?;
    let column = match item.outcome {
        Outcome::Added => "added",
        Outcome::Unchanged => "unchanged",
        Outcome::Duplicate => "duplicates",
        Outcome::Failed => "failed",
    };
    tx.prepare_cached(&format!("UPDATE batches SET inputs = inputs + 1, {column} = {column} + 1 WHERE id = ?1"))?.execute([batch])?;
    Ok(())
}
