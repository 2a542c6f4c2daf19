//! The database schema as numbered migrations, and the runner that brings a file up to date.
//!
//! A register file records its schema version in `PRAGMA user_version` and marks itself as a
//! govreport register with `PRAGMA application_id`. Opening a file applies, in one transaction
//! each, every migration above its version; a file from a newer govreport is refused. Once
//! released, a migration is never edited: a change is a new migration at the end, and the
//! test `tests/migrations.rs` upgrades a file of every earlier version with data in it.

use rusqlite::Connection;

use crate::error::{Error, Result};

/// `PRAGMA application_id` of a register file: "GRPT".
pub const APPLICATION_ID: i32 = 0x4752_5054;

/// The migrations, in order: migration `i` (0-based) takes a file from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[V1_STORE, V2_FINDINGS, V3_METRICS, V4_REGION_INDEX, V5_CELL_PLACE, V6_UNSEEN, V7_CELL_VIEWS];

/// The schema version this build writes.
pub fn latest() -> u32 {
    MIGRATIONS.len() as u32
}

/// Version 1: batches, sources, units, reports with immutable versions, their changes, the
/// field dictionary and every cell of every version, with the views per table.
const V1_STORE: &str = r#"
-- One call of `register add`: when, what it was given, what became of it.
CREATE TABLE batches (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,                 -- UTC, RFC 3339
    finished_at TEXT,                          -- NULL while running, or when it was killed
    note        TEXT,                          -- who started it: the command line, "python", …
    inputs      INTEGER NOT NULL DEFAULT 0,
    added       INTEGER NOT NULL DEFAULT 0,    -- new versions made
    unchanged   INTEGER NOT NULL DEFAULT 0,    -- read, but the same document as the current version
    duplicates  INTEGER NOT NULL DEFAULT 0,    -- the same bytes were ingested before
    failed      INTEGER NOT NULL DEFAULT 0     -- could not be read; the reason is in batch_inputs
);

-- Bytes that were read into a report, once each (by their SHA-256).
CREATE TABLE sources (
    id        INTEGER PRIMARY KEY,
    sha256    TEXT NOT NULL UNIQUE,            -- hex
    name      TEXT NOT NULL,                   -- file, or file:line of JSON Lines
    kind      TEXT NOT NULL,                   -- json | html | text | docx
    encoding  TEXT,
    size      INTEGER NOT NULL,
    batch_id  INTEGER NOT NULL REFERENCES batches(id)
);

-- Every input of a batch and what became of it (a failed one with its reason).
CREATE TABLE batch_inputs (
    batch_id      INTEGER NOT NULL REFERENCES batches(id),
    seq           INTEGER NOT NULL,
    name          TEXT NOT NULL,
    sha256        TEXT,                        -- NULL when the bytes could not be read
    outcome       TEXT NOT NULL CHECK (outcome IN ('added', 'unchanged', 'duplicate', 'failed')),
    version_id    INTEGER REFERENCES versions(id),
    error_kind    TEXT,
    error_zh      TEXT,
    error_en      TEXT,
    error_pointer TEXT,
    PRIMARY KEY (batch_id, seq)
) WITHOUT ROWID;
CREATE INDEX batch_inputs_sha256 ON batch_inputs(sha256);

-- A body that publishes reports. Identity: its credit code; else its normalised name and region.
CREATE TABLE units (
    id          INTEGER PRIMARY KEY,
    credit_code TEXT UNIQUE,
    name        TEXT NOT NULL,                 -- as its latest report gives it
    region_code TEXT NOT NULL DEFAULT '',      -- '' when no report gives one
    kind        TEXT NOT NULL,                 -- government | department | township | other
    level       TEXT,                          -- national | provincial | prefectural | county | township
    created_at  TEXT NOT NULL
);

-- Every name a unit has published under, normalised, with the region it gave.
CREATE TABLE unit_names (
    name_key    TEXT NOT NULL,
    region_code TEXT NOT NULL,
    unit_id     INTEGER NOT NULL REFERENCES units(id),
    name        TEXT NOT NULL,
    PRIMARY KEY (name_key, region_code, unit_id)
) WITHOUT ROWID;
CREATE INDEX unit_names_unit ON unit_names(unit_id);

-- The report of a unit for a year; its versions hold the content, current_version the latest.
CREATE TABLE reports (
    id              INTEGER PRIMARY KEY,
    unit_id         INTEGER NOT NULL REFERENCES units(id),
    year            INTEGER NOT NULL,
    current_version INTEGER REFERENCES versions(id) DEFERRABLE INITIALLY DEFERRED,
    UNIQUE (unit_id, year)
);
CREATE INDEX reports_year ON reports(year);

-- Immutable: a version is never updated or deleted (triggers below).
CREATE TABLE versions (
    id           INTEGER PRIMARY KEY,
    report_id    INTEGER NOT NULL REFERENCES reports(id),
    number       INTEGER NOT NULL,             -- 1, 2, … within the report
    parent_id    INTEGER REFERENCES versions(id),
    created_at   TEXT NOT NULL,
    origin       TEXT NOT NULL CHECK (origin IN ('file', 'edit')),
    batch_id     INTEGER REFERENCES batches(id),
    source_id    INTEGER REFERENCES sources(id),
    reason       TEXT,
    author       TEXT,
    format       TEXT NOT NULL,
    agency_name  TEXT NOT NULL,
    published_on TEXT,
    document     TEXT NOT NULL,                -- the report document, JSON
    UNIQUE (report_id, number)
);
CREATE INDEX versions_parent ON versions(parent_id);

-- What a version changed from its parent: every leaf of the document that differs.
CREATE TABLE changes (
    version_id INTEGER NOT NULL REFERENCES versions(id),
    pointer    TEXT NOT NULL,
    before     TEXT,                           -- JSON; NULL when the parent did not give it
    after      TEXT,                           -- JSON; NULL when this version does not give it
    PRIMARY KEY (version_id, pointer)
) WITHOUT ROWID;

-- Every figure cell of each template format, with its labels from the label table.
CREATE TABLE fields (
    id           INTEGER PRIMARY KEY,
    format       TEXT NOT NULL,
    pointer      TEXT NOT NULL,
    part         TEXT NOT NULL,                -- 二 (table A), 三 (table B), 四 (table C), 六 (fees)
    ord          INTEGER NOT NULL,             -- template order
    row_pointer  TEXT NOT NULL,
    row_label    TEXT NOT NULL,
    column_key   TEXT NOT NULL,
    column_label TEXT NOT NULL,
    label        TEXT NOT NULL,                -- the cell's full name, Chinese
    label_en     TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('count', 'signed', 'amount')),
    UNIQUE (format, pointer)
);

CREATE TABLE cell_states (
    code  INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL
);
INSERT INTO cell_states VALUES
    (0, 'number', '数字'),
    (1, 'blank', '空白'),
    (2, 'not_applicable', '/'),
    (3, 'absent', '缺'),
    (4, 'unreadable', '无法识别');

-- Every cell of every version. value: an integer, or the amount as written ("0.092"); NULL
-- unless state is number. Provenance (page, table, line, raw text) when the importer gives it.
CREATE TABLE cells (
    version_id INTEGER NOT NULL REFERENCES versions(id),
    field_id   INTEGER NOT NULL REFERENCES fields(id),
    state      INTEGER NOT NULL REFERENCES cell_states(code),
    value,
    src_page   INTEGER,
    src_table  INTEGER,
    src_line   INTEGER,
    src_text   TEXT,
    PRIMARY KEY (version_id, field_id)
) WITHOUT ROWID;

CREATE TRIGGER versions_immutable BEFORE UPDATE ON versions BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;
CREATE TRIGGER versions_kept BEFORE DELETE ON versions BEGIN SELECT RAISE(ABORT, 'versions are never deleted'); END;
CREATE TRIGGER cells_immutable BEFORE UPDATE ON cells BEGIN SELECT RAISE(ABORT, 'cells of a version are immutable'); END;
CREATE TRIGGER cells_kept BEFORE DELETE ON cells BEGIN SELECT RAISE(ABORT, 'cells of a version are never deleted'); END;
CREATE TRIGGER changes_immutable BEFORE UPDATE ON changes BEGIN SELECT RAISE(ABORT, 'changes are immutable'); END;
CREATE TRIGGER changes_kept BEFORE DELETE ON changes BEGIN SELECT RAISE(ABORT, 'changes are never deleted'); END;
CREATE TRIGGER sources_immutable BEFORE UPDATE ON sources BEGIN SELECT RAISE(ABORT, 'sources are immutable'); END;
CREATE TRIGGER sources_kept BEFORE DELETE ON sources BEGIN SELECT RAISE(ABORT, 'sources are never deleted'); END;
CREATE TRIGGER batch_inputs_immutable BEFORE UPDATE ON batch_inputs BEGIN SELECT RAISE(ABORT, 'batch inputs are immutable'); END;
CREATE TRIGGER batch_inputs_kept BEFORE DELETE ON batch_inputs BEGIN SELECT RAISE(ABORT, 'batch inputs are never deleted'); END;

-- Every cell of every version, with its unit, year and labels (is_current: of the current version).
CREATE VIEW all_cells AS
SELECT u.id AS unit_id, u.name AS unit, u.credit_code, u.region_code, u.kind AS unit_kind, u.level,
       r.year, v.id AS version_id, v.number AS version, (r.current_version = v.id) AS is_current, v.format,
       f.part, f.pointer, f.row_label, f.column_label, f.label, f.kind,
       s.name AS state, s.label AS state_label, c.value, c.src_page, c.src_table, c.src_line, c.src_text
FROM cells c
JOIN versions v ON v.id = c.version_id
JOIN reports r ON r.id = v.report_id
JOIN units u ON u.id = r.unit_id
JOIN fields f ON f.id = c.field_id
JOIN cell_states s ON s.code = c.state;

-- The cells of every report's current version.
CREATE VIEW current_cells AS
SELECT u.id AS unit_id, u.name AS unit, u.credit_code, u.region_code, u.kind AS unit_kind, u.level,
       r.year, v.id AS version_id, v.number AS version, v.format,
       f.part, f.pointer, f.row_label, f.column_label, f.label, f.kind,
       s.name AS state, s.label AS state_label, c.value, c.src_page, c.src_table, c.src_line, c.src_text
FROM reports r
JOIN units u ON u.id = r.unit_id
JOIN versions v ON v.id = r.current_version
JOIN cells c ON c.version_id = v.id
JOIN fields f ON f.id = c.field_id
JOIN cell_states s ON s.code = c.state;

-- One view per table, in long form: a row per cell of the current versions.
CREATE VIEW table2_proactive AS
SELECT unit_id, unit, region_code, year, version_id, format, row_label, column_label, pointer, state, value
FROM current_cells WHERE part = '二';
CREATE VIEW table3_requests AS
SELECT unit_id, unit, region_code, year, version_id, format, row_label, column_label, pointer, state, value
FROM current_cells WHERE part = '三';
CREATE VIEW table4_review_litigation AS
SELECT unit_id, unit, region_code, year, version_id, format, row_label, column_label, pointer, state, value
FROM current_cells WHERE part = '四';

-- The same in Chinese.
CREATE VIEW "表二" AS
SELECT unit_id AS "单位编号", unit AS "单位", region_code AS "行政区划代码", year AS "年度", version_id AS "版本",
       row_label AS "信息内容", column_label AS "栏目", state_label AS "状态", value AS "数值", pointer AS "指针"
FROM current_cells WHERE part = '二';
CREATE VIEW "表三" AS
SELECT unit_id AS "单位编号", unit AS "单位", region_code AS "行政区划代码", year AS "年度", version_id AS "版本",
       row_label AS "项目", column_label AS "申请人情况", state_label AS "状态", value AS "数值", pointer AS "指针"
FROM current_cells WHERE part = '三';
CREATE VIEW "表四" AS
SELECT unit_id AS "单位编号", unit AS "单位", region_code AS "行政区划代码", year AS "年度", version_id AS "版本",
       row_label AS "类别", column_label AS "结果", state_label AS "状态", value AS "数值", pointer AS "指针"
FROM current_cells WHERE part = '四';
"#;

/// Version 2: the findings of each version and their review.
const V2_FINDINGS: &str = r#"
-- What the checks say about a version. Derived data: a recheck replaces them (origin 'year' and
-- 'peers' whenever last year's report or a peer changes). message_* in both languages.
CREATE TABLE findings (
    id              INTEGER PRIMARY KEY,
    version_id      INTEGER NOT NULL REFERENCES versions(id),
    origin          TEXT NOT NULL CHECK (origin IN ('check', 'import', 'year', 'peers')),
    code            TEXT NOT NULL,
    name            TEXT NOT NULL,
    severity        TEXT NOT NULL,
    status          TEXT NOT NULL,             -- violated | not_assessable
    path            TEXT NOT NULL,
    related         TEXT NOT NULL DEFAULT '[]',-- JSON array of pointers
    expected        TEXT,
    actual          TEXT,
    params          TEXT NOT NULL DEFAULT '{}',-- JSON object
    message_zh      TEXT NOT NULL,
    message_en      TEXT NOT NULL,
    fingerprint     TEXT NOT NULL,             -- code, path, the values of its cells, expected, actual
    against_version INTEGER REFERENCES versions(id)  -- origin 'year': last year's version compared with
);
CREATE INDEX findings_version ON findings(version_id, origin);
CREATE INDEX findings_code ON findings(code);

-- A reviewer's decision on a finding, kept for the report (unit and year) by the finding's
-- fingerprint: it holds in later versions while the cells it rests on are unchanged. Append
-- only; the latest decision counts.
CREATE TABLE reviews (
    id          INTEGER PRIMARY KEY,
    report_id   INTEGER NOT NULL REFERENCES reports(id),
    version_id  INTEGER NOT NULL REFERENCES versions(id),
    finding_id  INTEGER REFERENCES findings(id) ON DELETE SET NULL,
    fingerprint TEXT NOT NULL,
    code        TEXT NOT NULL,
    path        TEXT NOT NULL,
    decision    TEXT NOT NULL CHECK (decision IN ('confirmed', 'dismissed', 'fixed')),
    reason      TEXT,
    reviewer    TEXT,
    at          TEXT NOT NULL
);
CREATE INDEX reviews_fingerprint ON reviews(report_id, fingerprint);
CREATE TRIGGER reviews_immutable BEFORE UPDATE OF report_id, version_id, fingerprint, code, path, decision, reason, reviewer, at ON reviews
BEGIN SELECT RAISE(ABORT, 'reviews are kept as given; add a new review'); END;
CREATE TRIGGER reviews_kept BEFORE DELETE ON reviews BEGIN SELECT RAISE(ABORT, 'reviews are never deleted'); END;

-- Every finding with its unit, year and the decision that holds for it (NULL: open).
CREATE VIEW finding_reviews AS
SELECT f.id AS finding_id, f.version_id, v.report_id, r.unit_id, u.name AS unit, u.region_code, r.year,
       (r.current_version = f.version_id) AS is_current, f.origin, f.code, f.name, f.severity, f.status, f.path,
       f.expected, f.actual, f.message_zh, f.message_en, f.fingerprint,
       (SELECT w.decision FROM reviews w WHERE w.report_id = v.report_id AND w.fingerprint = f.fingerprint ORDER BY w.id DESC LIMIT 1) AS decision
FROM findings f
JOIN versions v ON v.id = f.version_id
JOIN reports r ON r.id = v.report_id
JOIN units u ON u.id = r.unit_id;
"#;

/// Version 3: the metrics of every version (from the core's metric dictionary) and a table of
/// settings. Values are filled by the register when a file is opened for writing (see
/// `Register::refresh_metrics`): for versions made before, and again when a metric's version
/// in the dictionary changes.
const V3_METRICS: &str = r#"
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- value: a share (0–1, rates may pass 1) or a count; NULL when a cell it needs is missing.
CREATE TABLE metric_values (
    version_id     INTEGER NOT NULL REFERENCES versions(id),
    metric         TEXT NOT NULL,              -- id in the metric dictionary (docs/metrics.md)
    metric_version INTEGER NOT NULL,
    value          REAL,
    PRIMARY KEY (version_id, metric)
) WITHOUT ROWID;

-- The metrics of every report's current version, with its unit.
CREATE VIEW current_metrics AS
SELECT u.id AS unit_id, u.name AS unit, u.region_code, u.kind AS unit_kind, u.level, r.year, v.id AS version_id,
       m.metric, m.metric_version, m.value
FROM reports r
JOIN units u ON u.id = r.unit_id
JOIN versions v ON v.id = r.current_version
JOIN metric_values m ON m.version_id = v.id;
"#;

/// Version 4: units by region code, so that the queries of a county or a province read its
/// units only (measured: a county's status in a register of 300,000 reports).
const V4_REGION_INDEX: &str = r#"
CREATE INDEX units_region ON units(region_code, id);
"#;

/// Version 5: the rest of an imported cell's place — the cell within a table row or the
/// character column within a line (`src_column`), and the box on a PDF page (`src_box`,
/// "left,top,right,bottom" in points). Cells stored before have neither.
const V5_CELL_PLACE: &str = r#"
ALTER TABLE cells ADD COLUMN src_column INTEGER;
ALTER TABLE cells ADD COLUMN src_box TEXT;
"#;

/// Version 6: the places an imported version's source does not show (`unseen`, a JSON array
/// of pointers: the parts after a table the source stops inside, an unstated name or date), so
/// that a re-check does not count them against the report. NULL for versions made by hand and
/// those stored before.
const V6_UNSEEN: &str = r#"
ALTER TABLE versions ADD COLUMN unseen TEXT;
"#;

/// Version 7: the views of cells give the rest of an imported cell's place (version 5's
/// `src_column` and `src_box`), as the export does. The per-table views read `current_cells`
/// by column name and stay as they are.
const V7_CELL_VIEWS: &str = r#"
DROP VIEW all_cells;
CREATE VIEW all_cells AS
SELECT u.id AS unit_id, u.name AS unit, u.credit_code, u.region_code, u.kind AS unit_kind, u.level,
       r.year, v.id AS version_id, v.number AS version, (r.current_version = v.id) AS is_current, v.format,
       f.part, f.pointer, f.row_label, f.column_label, f.label, f.kind,
       s.name AS state, s.label AS state_label, c.value, c.src_page, c.src_table, c.src_line, c.src_text,
       c.src_column, c.src_box
FROM cells c
JOIN versions v ON v.id = c.version_id
JOIN reports r ON r.id = v.report_id
JOIN units u ON u.id = r.unit_id
JOIN fields f ON f.id = c.field_id
JOIN cell_states s ON s.code = c.state;
DROP VIEW current_cells;
CREATE VIEW current_cells AS
SELECT u.id AS unit_id, u.name AS unit, u.credit_code, u.region_code, u.kind AS unit_kind, u.level,
       r.year, v.id AS version_id, v.number AS version, v.format,
       f.part, f.pointer, f.row_label, f.column_label, f.label, f.kind,
       s.name AS state, s.label AS state_label, c.value, c.src_page, c.src_table, c.src_line, c.src_text,
       c.src_column, c.src_box
FROM reports r
JOIN units u ON u.id = r.unit_id
JOIN versions v ON v.id = r.current_version
JOIN cells c ON c.version_id = v.id
JOIN fields f ON f.id = c.field_id
JOIN cell_states s ON s.code = c.state;
"#;

/// The schema version of an open file.
pub fn version(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))? as u32)
}

/// Brings the file up to [`latest`], one migration per transaction, or refuses a file that is
/// not a register or is newer. With `upto`, stops at that version (for the migration tests).
pub fn migrate(conn: &mut Connection, path: &str, upto: Option<u32>) -> Result<()> {
    let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let found = version(conn)?;
    if app != APPLICATION_ID {
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        if app != 0 || tables > 0 || found > 0 {
            return Err(Error::invalid(
                path,
                "is a SQLite file but not a govreport register; give another --db",
                "是 SQLite 文件，但不是 govreport 登记库；请另指定 --db",
            ));
        }
    }
    let target = upto.unwrap_or_else(latest);
    if found > latest() {
        return Err(Error::NewerSchema { path: path.to_string(), found, supported: latest() });
    }
    for v in found..target {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)?;
        // Another process may have migrated the file while this one waited for the lock.
        let now = version(&tx)?;
        if now > v {
            tx.commit()?;
            continue;
        }
        tx.execute_batch(MIGRATIONS[v as usize])?;
        tx.execute_batch(&format!("PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {};", v + 1))?;
        tx.commit()?;
    }
    Ok(())
}
