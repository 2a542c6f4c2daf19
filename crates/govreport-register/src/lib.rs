//! The register: every unit's reports across the years in one SQLite file.
//!
//! A 政务公开办 collects its units' reports every spring, checks them, sends findings back,
//! receives corrected versions and compares each unit with last year and with its peers. The
//! register keeps all of it: ingest batches with what failed and why, the source bytes' hash
//! (the same file is not taken twice), units identified by credit code or by name and region,
//! immutable versions with their parent, reason and changed cells, every cell of every version
//! as a row, and (in later modules) findings with their review, benchmarks and trends.
//!
//! ```no_run
//! use govreport_register::{IngestOptions, Register};
//! let mut register = Register::open("govreport.db")?;
//! let batch = register.add_paths(&["tests/fixtures/county".into()], &IngestOptions::default())?;
//! println!("batch {}: {} added, {} failed", batch.id, batch.added, batch.failed);
//! # Ok::<(), govreport_register::Error>(())
//! ```
//!
//! One `Register` is one connection: open one per thread (opening is cheap). Many processes
//! may read while one writes (WAL); a writer waits up to [`BUSY_TIMEOUT`] for another.

pub mod cells;
pub mod error;
mod export;
mod findings;
mod history;
mod ingest;
pub mod review;
pub mod schema;
mod stats;
pub mod units;
mod versions;

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use govreport::{Format, Options};
use rusqlite::{Connection, OpenFlags};

pub use cells::{CellKind, CellState, Provenance};
pub use error::{Error, Result};
pub use export::{ExportFormat, ExportKind, ExportQuery};
pub use findings::{Decision, FindingQuery, Origin, Recheck, Review, ReviewState, StoredFinding};
pub use history::{Event, History, Resolved};
pub use ingest::{BatchItem, BatchSummary, IngestOptions, Input, InputError, Outcome, inputs};
pub use review::ReviewPage;
pub use stats::{Benchmark, BenchmarkQuery, Coverage, FindingCounts, PeerGroup, Ranked, Trend, TrendPoint, TrendQuery, UnitYear, YearSummary, kind_label};
pub use units::{Unit, UnitRef};
pub use versions::{Change, StoredCell, VersionInfo};

/// How long a writer waits for another process's write to finish before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// The file name used when none is given.
pub const DEFAULT_PATH: &str = "govreport.db";

/// An open register file.
pub struct Register {
    conn: Connection,
    path: String,
    /// The id of each figure cell in the `fields` table, by format and pointer.
    fields: HashMap<Format, HashMap<&'static str, i64>>,
    options: Options,
}

impl std::fmt::Debug for Register {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Register").field("path", &self.path).finish_non_exhaustive()
    }
}

impl Register {
    /// Opens the register at `path`, making it when there is none and upgrading its schema
    /// when it is older.
    pub fn open(path: impl AsRef<Path>) -> Result<Register> {
        Register::open_with(path.as_ref(), OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE, None)
    }

    /// Opens an existing register for reading and writing; an error when there is none.
    pub fn open_existing(path: impl AsRef<Path>) -> Result<Register> {
        let path = path.as_ref();
        if !path.exists() {
            return Err(missing(path));
        }
        Register::open_with(path, OpenFlags::SQLITE_OPEN_READ_WRITE, None)
    }

    /// Opens an existing register for reading only (queries, exports, the review page).
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Register> {
        let path = path.as_ref();
        if !path.exists() {
            return Err(missing(path));
        }
        Register::open_with(path, OpenFlags::SQLITE_OPEN_READ_ONLY, None)
    }

    /// A register in memory, gone when dropped (for tests and one-off work).
    pub fn open_in_memory() -> Result<Register> {
        Register::open_with(Path::new(":memory:"), OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_MEMORY, None)
    }

    /// Opens `path` at schema version `version` exactly, making or upgrading it only that far
    /// (for the migration tests). The register's other calls expect the latest version.
    #[doc(hidden)]
    pub fn open_at_version(path: impl AsRef<Path>, version: u32) -> Result<Connection> {
        let path_text = path.as_ref().display().to_string();
        let mut conn = connect(path.as_ref(), OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE).map_err(|e| e.in_file(&path_text))?;
        schema::migrate(&mut conn, &path_text, Some(version)).map_err(|e| e.in_file(&path_text))?;
        Ok(conn)
    }

    fn open_with(path: &Path, flags: OpenFlags, upto: Option<u32>) -> Result<Register> {
        let path_text = path.display().to_string();
        let inner = || -> Result<Register> {
            let mut conn = connect(path, flags)?;
            let read_only = flags.contains(OpenFlags::SQLITE_OPEN_READ_ONLY);
            if read_only {
                let found = schema::version(&conn)?;
                if found < schema::latest() {
                    return Err(Error::NeedsUpgrade { path: path_text.clone(), found, supported: schema::latest() });
                }
                if found > schema::latest() {
                    return Err(Error::NewerSchema { path: path_text.clone(), found, supported: schema::latest() });
                }
            } else {
                schema::migrate(&mut conn, &path_text, upto)?;
            }
            let fields = sync_fields(&conn, !read_only)?;
            let mut register = Register { conn, path: path_text.clone(), fields, options: Options::default() };
            if !read_only && upto.is_none() {
                register.refresh_metrics()?;
            }
            Ok(register)
        };
        inner().map_err(|e| e.in_file(&path_text))
    }

    /// Closes the register file, saying when SQLite fails to (dropping a `Register` closes it
    /// too, silently).
    pub fn close(self) -> Result<()> {
        let path = self.path;
        self.conn.close().map_err(|(_, e)| Error::from(e).in_file(&path))
    }

    /// The file this register is in (":memory:" for one in memory).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The schema version of the file.
    pub fn schema_version(&self) -> Result<u32> {
        schema::version(&self.conn)
    }

    /// The options checks run with when reports are ingested or rechecked (the date taken as
    /// today, the township deadline, the copy threshold, severities). The language is not
    /// used: findings are stored in both languages.
    pub fn set_check_options(&mut self, options: Options) -> Result<()> {
        govreport::check(&govreport::Report::new(Format::F2021, 2021, empty_agency()), &options)?;
        self.options = options;
        Ok(())
    }

    /// The connection, for plain SQL over the tables and views (see the README's schema).
    /// Writing through it bypasses the register's rules; the triggers still refuse changes to
    /// versions, cells and sources.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

fn missing(path: &Path) -> Error {
    Error::not_found(
        format!("no register at {} (make one with `govreport register add`)", path.display()),
        format!("{} 处没有登记库（先用 `govreport register add` 建立）", path.display()),
    )
}

fn connect(path: &Path, flags: OpenFlags) -> Result<Connection> {
    let conn = Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    if !flags.contains(OpenFlags::SQLITE_OPEN_READ_ONLY) {
        // WAL: readers never block the writer nor the writer them. synchronous = NORMAL:
        // a killed process loses nothing committed (the WAL is in the file system); only a
        // power cut may lose the last transactions, never consistency.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    }
    conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;")?;
    Ok(conn)
}

/// Writes the fields of every template format (the figure cells of the core's table of cells in
/// every layout, labels refreshed from the label table) and reads their ids.
fn sync_fields(conn: &Connection, write: bool) -> Result<HashMap<Format, HashMap<&'static str, i64>>> {
    let mut out = HashMap::new();
    for format in [Format::F2019, Format::F2021] {
        if write {
            let mut stmt = conn.prepare(
                "INSERT INTO fields (format, pointer, part, ord, row_pointer, row_label, column_key, column_label, label, label_en, kind)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                 ON CONFLICT (format, pointer) DO UPDATE SET part = excluded.part, ord = excluded.ord, row_pointer = excluded.row_pointer,
                   row_label = excluded.row_label, column_key = excluded.column_key, column_label = excluded.column_label,
                   label = excluded.label, label_en = excluded.label_en, kind = excluded.kind
                 WHERE fields.label IS NOT excluded.label OR fields.label_en IS NOT excluded.label_en OR fields.ord IS NOT excluded.ord
                   OR fields.row_label IS NOT excluded.row_label OR fields.column_label IS NOT excluded.column_label
                   OR fields.kind IS NOT excluded.kind OR fields.part IS NOT excluded.part",
            )?;
            // Every layout's cells (the single （六） row of 2021 after the template's), so that
            // the ids of the template's cells keep their order.
            for (i, def) in govreport::cells::every(format).iter().filter(|d| d.is_figure()).enumerate() {
                let l = cells::field_labels(def);
                stmt.execute(rusqlite::params![
                    format.as_str(),
                    def.pointer,
                    l.part,
                    i as i64,
                    def.row.id,
                    l.row_label,
                    l.column_key,
                    l.column_label,
                    l.label,
                    l.label_en,
                    cells::kind_code(def.kind)
                ])?;
            }
        }
        let mut stmt = conn.prepare("SELECT id, pointer FROM fields WHERE format = ?1")?;
        let ids: HashMap<String, i64> = stmt.query_map([format.as_str()], |r| Ok((r.get(1)?, r.get(0)?)))?.collect::<rusqlite::Result<_>>()?;
        let fields =
            govreport::cells::every(format).iter().filter(|d| d.is_figure()).filter_map(|def| ids.get(def.pointer).map(|id| (def.pointer, *id))).collect();
        out.insert(format, fields);
    }
    Ok(out)
}

/// Starts a write transaction (undoing one a panicking call may have left open).
pub(crate) fn write(conn: &mut Connection) -> Result<rusqlite::Transaction<'_>> {
    if !conn.is_autocommit() {
        conn.execute_batch("ROLLBACK")?;
    }
    Ok(conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?)
}

pub(crate) fn empty_agency() -> govreport::Agency {
    govreport::Agency::new("", govreport::AgencyKind::Department)
}

/// The time now, UTC, as stored: `2026-11-26T08:30:00.123456Z` (microseconds, so that
/// events of one second keep their order).
pub(crate) fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}
