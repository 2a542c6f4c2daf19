//! Versions: each report of a unit and year has versions, never overwritten; a correction (a
//! new file, or a cell set by hand with a reason) is a new version with its parent and the
//! cells it changed, and the report's current version moves to it.

use std::collections::HashMap;

use govreport::{Format, Lang, Options, Report, labels};
use rusqlite::types::Value as SqlValue;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use serde_json::Value;

use crate::cells::{self, CellKind, CellState, Provenance};
use crate::error::{Error, Result};
use crate::units::{self, UnitRef};
use crate::{Register, now};

/// A leaf of the document that a version changed from its parent.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    /// Its pointer.
    pub pointer: String,
    /// Its name from the label table, in Chinese.
    pub label: String,
    /// The same in English.
    pub label_en: String,
    /// The parent's value (None: the parent did not give it).
    pub before: Option<Value>,
    /// This version's value (None: this version does not give it).
    pub after: Option<Value>,
}

/// Where a version's content came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceInfo {
    /// File name (or file:line).
    pub name: String,
    /// SHA-256 of its bytes.
    pub sha256: String,
    /// json, html, text or docx.
    pub kind: String,
    /// The encoding it was read in.
    pub encoding: Option<String>,
    /// Size in bytes.
    pub size: i64,
}

/// A version of a unit's report for a year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VersionInfo {
    /// Its id.
    pub id: i64,
    /// The report (unit and year) it is a version of.
    pub report_id: i64,
    /// The unit.
    pub unit_id: i64,
    /// The reporting year.
    pub year: i64,
    /// 1, 2, … within the report.
    pub number: i64,
    /// The version it corrects.
    pub parent_id: Option<i64>,
    /// When it was made (UTC).
    pub created_at: String,
    /// `file` (ingested) or `edit` (a cell set, a report saved).
    pub origin: String,
    /// The batch that ingested it.
    pub batch_id: Option<i64>,
    /// The bytes it was read from.
    pub source: Option<SourceInfo>,
    /// Why it was made.
    pub reason: Option<String>,
    /// Who made it.
    pub author: Option<String>,
    /// Its template format.
    pub format: String,
    /// The agency name it gives.
    pub agency_name: String,
    /// Its publication date.
    pub published_on: Option<String>,
    /// Whether it is the report's current version.
    pub is_current: bool,
    /// What it changed from its parent.
    pub changes: Vec<Change>,
}

/// A cell of a version, as stored.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredCell {
    /// Its pointer.
    pub pointer: String,
    /// The part it is in: 二, 三, 四, 六.
    pub part: String,
    /// Its row's label.
    pub row_label: String,
    /// Its column's label.
    pub column_label: String,
    /// Its full name, Chinese.
    pub label: String,
    /// Its full name, English.
    pub label_en: String,
    /// What values it takes.
    pub kind: CellKind,
    /// What it holds.
    pub state: CellState,
    /// The number as written, when it holds one.
    pub value: Option<String>,
    /// Where it was read from, when the import says.
    pub provenance: Option<Provenance>,
}

/// A version to store.
pub(crate) struct NewVersion<'a> {
    pub report: &'a Report,
    pub origin: &'static str,
    pub batch: Option<i64>,
    pub source: Option<i64>,
    pub reason: Option<&'a str>,
    pub author: Option<&'a str>,
    /// The import, with its findings in English too.
    pub imported: Option<(&'a govreport::Imported, &'a govreport::Findings)>,
}

/// What storing gave.
pub(crate) struct Made {
    pub version: i64,
    /// False when the document was the current version already (nothing made).
    pub new: bool,
}

/// Stores `new` as the next version of `unit`'s report for its year, unless it is the current
/// version already: the version, its cells, its changes from the parent, its findings; then
/// the report's current version moves to it. Runs inside the caller's transaction.
pub(crate) fn store(
    tx: &rusqlite::Connection,
    fields: &HashMap<Format, HashMap<&'static str, i64>>,
    options: &Options,
    unit: i64,
    new: NewVersion<'_>,
    now: &str,
) -> Result<Made> {
    let meta = new.report.meta();
    let year = i64::from(meta.year);
    tx.prepare_cached("INSERT OR IGNORE INTO reports (unit_id, year) VALUES (?1, ?2)")?.execute(params![unit, year])?;
    let (report, current): (i64, Option<i64>) = tx
        .prepare_cached("SELECT id, current_version FROM reports WHERE unit_id = ?1 AND year = ?2")?
        .query_row(params![unit, year], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let doc = serde_json::to_value(new.report).unwrap_or(Value::Null);
    let parent_doc = match current {
        Some(v) => Some(document_value(tx, v)?),
        None => None,
    };
    if let (Some(v), Some(p)) = (current, &parent_doc)
        && *p == doc
    {
        return Ok(Made { version: v, new: false });
    }
    let number: i64 = tx.prepare_cached("SELECT coalesce(max(number), 0) + 1 FROM versions WHERE report_id = ?1")?.query_row([report], |r| r.get(0))?;
    tx.prepare_cached(
        "INSERT INTO versions (report_id, number, parent_id, created_at, origin, batch_id, source_id, reason, author, format, agency_name, published_on, document, unseen)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        report,
        number,
        current,
        now,
        new.origin,
        new.batch,
        new.source,
        new.reason,
        new.author,
        meta.format.as_str(),
        meta.agency.name,
        meta.published_on.map(|d| d.0.as_str()),
        new.report.to_json(),
        new.imported.map(|(i, _)| &i.unseen).filter(|u| !u.is_empty()).map(|u| serde_json::to_string(u).unwrap_or_default())
    ])?;
    let version = tx.last_insert_rowid();
    let ids = fields.get(&meta.format);
    let mut insert = tx.prepare_cached(
        "INSERT INTO cells (version_id, field_id, state, value, src_page, src_table, src_line, src_text, src_column, src_box) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (def, c) in cells::read(new.report, new.imported.map(|(i, _)| i)) {
        let Some(field) = ids.and_then(|ids| ids.get(def.pointer)) else { continue };
        let value = c.value.as_deref().map(|v| match v.parse::<i64>() {
            Ok(n) => SqlValue::Integer(n),
            Err(_) => SqlValue::Text(v.to_string()),
        });
        let p = c.provenance.unwrap_or_default();
        insert.execute(params![version, field, c.state.code(), value, p.page, p.table, p.line, p.text, p.column, p.bbox])?;
    }
    crate::stats::store_metrics(tx, version, new.report)?;
    crate::findings::on_new_version(tx, options, unit, version, new.report, new.imported)?;
    if let Some(parent) = &parent_doc {
        let mut changes = vec![];
        diff(String::new(), Some(parent), Some(&doc), &mut changes);
        let mut insert = tx.prepare_cached("INSERT INTO changes (version_id, pointer, before, after) VALUES (?1, ?2, ?3, ?4)")?;
        for (pointer, before, after) in changes {
            insert.execute(params![version, pointer, before.map(|v| v.to_string()), after.map(|v| v.to_string())])?;
        }
    }
    tx.prepare_cached("UPDATE reports SET current_version = ?2 WHERE id = ?1")?.execute(params![report, version])?;
    Ok(Made { version, new: true })
}

/// The document of a version as JSON.
pub(crate) fn document_value(conn: &rusqlite::Connection, version: i64) -> Result<Value> {
    let text: String = conn.prepare_cached("SELECT document FROM versions WHERE id = ?1")?.query_row([version], |r| r.get(0))?;
    Ok(serde_json::from_str(&text).unwrap_or(Value::Null))
}

/// The document of a version as a report.
pub(crate) fn document(conn: &rusqlite::Connection, version: i64) -> Result<Report> {
    let text: Option<String> = conn.prepare_cached("SELECT document FROM versions WHERE id = ?1")?.query_row([version], |r| r.get(0)).optional()?;
    let text = text.ok_or_else(|| Error::not_found(format!("version {version}"), format!("版本 {version}")))?;
    Ok(govreport::parse_str(&text)?)
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Every leaf that differs between `a` and `b` under `at`: (pointer, before, after).
fn diff(at: String, a: Option<&Value>, b: Option<&Value>, out: &mut Vec<(String, Option<Value>, Option<Value>)>) {
    match (a, b) {
        (Some(Value::Object(x)), Some(Value::Object(y))) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                diff(format!("{at}/{}", escape(k)), x.get(k), y.get(k), out);
            }
        }
        (Some(Value::Array(x)), Some(Value::Array(y))) => {
            for i in 0..x.len().max(y.len()) {
                diff(format!("{at}/{i}"), x.get(i), y.get(i), out);
            }
        }
        (Some(x), Some(y)) if x == y => {}
        (None, None) => {}
        (Some(Value::Object(x)), None) => {
            for (k, v) in x {
                diff(format!("{at}/{}", escape(k)), Some(v), None, out);
            }
        }
        (None, Some(Value::Object(y))) => {
            for (k, v) in y {
                diff(format!("{at}/{}", escape(k)), None, Some(v), out);
            }
        }
        (x, y) => out.push((at, x.cloned(), y.cloned())),
    }
}

const VERSION_COLUMNS: &str = "v.id, v.report_id, r.unit_id, r.year, v.number, v.parent_id, v.created_at, v.origin, v.batch_id,
    s.name, s.sha256, s.kind, s.encoding, s.size, v.reason, v.author, v.format, v.agency_name, v.published_on, (r.current_version = v.id)";
const VERSION_FROM: &str = "FROM versions v JOIN reports r ON r.id = v.report_id LEFT JOIN sources s ON s.id = v.source_id";

fn version_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<VersionInfo> {
    let source_name: Option<String> = r.get(9)?;
    Ok(VersionInfo {
        id: r.get(0)?,
        report_id: r.get(1)?,
        unit_id: r.get(2)?,
        year: r.get(3)?,
        number: r.get(4)?,
        parent_id: r.get(5)?,
        created_at: r.get(6)?,
        origin: r.get(7)?,
        batch_id: r.get(8)?,
        source: match source_name {
            Some(name) => Some(SourceInfo { name, sha256: r.get(10)?, kind: r.get(11)?, encoding: r.get(12)?, size: r.get(13)? }),
            None => None,
        },
        reason: r.get(14)?,
        author: r.get(15)?,
        format: r.get(16)?,
        agency_name: r.get(17)?,
        published_on: r.get(18)?,
        is_current: r.get::<_, Option<bool>>(19)?.unwrap_or(false),
        changes: vec![],
    })
}

fn json_column(text: Option<String>) -> Option<Value> {
    text.map(|t| serde_json::from_str(&t).unwrap_or(Value::String(t)))
}

impl Register {
    fn changes(&self, version: i64, format: &str) -> Result<Vec<Change>> {
        let format = Format::parse(format).unwrap_or(Format::F2021);
        let mut stmt = self.conn.prepare_cached("SELECT pointer, before, after FROM changes WHERE version_id = ?1 ORDER BY pointer")?;
        let rows = stmt.query_map([version], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, Option<String>>(2)?)))?;
        let mut out = vec![];
        for row in rows {
            let (pointer, before, after) = row?;
            out.push(Change {
                label: labels::cell_name(format, &pointer, Lang::Zh),
                label_en: labels::cell_name(format, &pointer, Lang::En),
                pointer,
                before: json_column(before),
                after: json_column(after),
            });
        }
        Ok(out)
    }

    /// A version with what it changed.
    pub fn version(&self, id: i64) -> Result<VersionInfo> {
        let mut v = self
            .conn
            .query_row(&format!("SELECT {VERSION_COLUMNS} {VERSION_FROM} WHERE v.id = ?1"), [id], version_row)
            .optional()?
            .ok_or_else(|| Error::not_found(format!("version {id}"), format!("版本 {id}")))?;
        v.changes = self.changes(v.id, &v.format)?;
        Ok(v)
    }

    /// Every version of `unit`'s report for `year`, oldest first, with what each changed.
    pub fn versions(&self, unit: &UnitRef, year: u16) -> Result<Vec<VersionInfo>> {
        let unit = units::resolve(&self.conn, unit)?;
        let mut stmt = self.conn.prepare(&format!("SELECT {VERSION_COLUMNS} {VERSION_FROM} WHERE r.unit_id = ?1 AND r.year = ?2 ORDER BY v.number"))?;
        let mut out: Vec<VersionInfo> = stmt.query_map(params![unit.id, year], version_row)?.collect::<rusqlite::Result<_>>()?;
        for v in &mut out {
            v.changes = self.changes(v.id, &v.format)?;
        }
        Ok(out)
    }

    /// The current version of `unit`'s report for `year`, if the register has one.
    pub fn current(&self, unit: &UnitRef, year: u16) -> Result<Option<VersionInfo>> {
        let unit = units::resolve(&self.conn, unit)?;
        let id: Option<i64> = self
            .conn
            .query_row("SELECT current_version FROM reports WHERE unit_id = ?1 AND year = ?2", params![unit.id, year], |r| r.get(0))
            .optional()?
            .flatten();
        id.map(|id| self.version(id)).transpose()
    }

    /// The report document of a version.
    pub fn document(&self, version: i64) -> Result<Report> {
        document(&self.conn, version)
    }

    /// The places a version's source did not show (empty for a version made by hand).
    pub fn unseen(&self, version: i64) -> Result<Vec<String>> {
        unseen(&self.conn, version)
    }

    /// Every cell of a version, in template order.
    pub fn cells(&self, version: i64) -> Result<Vec<StoredCell>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.pointer, f.part, f.row_label, f.column_label, f.label, f.label_en, f.kind, c.state, c.value, c.src_page, c.src_table, c.src_line, c.src_text, c.src_column, c.src_box
             FROM cells c JOIN fields f ON f.id = c.field_id WHERE c.version_id = ?1 ORDER BY f.ord",
        )?;
        let rows = stmt
            .query_map([version], |r| {
                let value: Option<SqlValue> = r.get(8)?;
                let provenance = Provenance { page: r.get(9)?, table: r.get(10)?, line: r.get(11)?, text: r.get(12)?, column: r.get(13)?, bbox: r.get(14)? };
                Ok(StoredCell {
                    pointer: r.get(0)?,
                    part: r.get(1)?,
                    row_label: r.get(2)?,
                    column_label: r.get(3)?,
                    label: r.get(4)?,
                    label_en: r.get(5)?,
                    kind: cells::kind_of_code(&r.get::<_, String>(6)?),
                    state: CellState::from_code(r.get(7)?).unwrap_or(CellState::Unreadable),
                    value: value.and_then(|v| match v {
                        SqlValue::Integer(n) => Some(n.to_string()),
                        SqlValue::Text(t) => Some(t),
                        SqlValue::Real(f) => Some(f.to_string()),
                        _ => None,
                    }),
                    provenance: (provenance != Provenance::default()).then_some(provenance),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Sets one field of `unit`'s current report for `year` (a cell: a count, `null` for blank,
    /// `"/"`, an amount string; or any other field such as a text) and stores the result as a
    /// new version with `reason`. The value is checked by the core: a wrong pointer or value is
    /// an error and nothing is stored.
    pub fn set_cell(&mut self, unit: &UnitRef, year: u16, pointer: &str, value: Value, reason: &str, author: Option<&str>) -> Result<VersionInfo> {
        let unit = units::resolve(&self.conn, unit)?;
        let current: Option<i64> = self
            .conn
            .query_row("SELECT current_version FROM reports WHERE unit_id = ?1 AND year = ?2", params![unit.id, year], |r| r.get(0))
            .optional()?
            .flatten();
        let current = current.ok_or_else(|| {
            Error::not_found(format!("a {year} report of unit {} ({})", unit.id, unit.name), format!("单位 {}（{}）{year} 年度的报告", unit.id, unit.name))
        })?;
        let mut report = document(&self.conn, current)?;
        if pointer == "/year" || pointer.starts_with("/agency") {
            return Err(Error::invalid(pointer, "the unit and year of a report are not changed by setting a cell", "报告的单位和年度不能通过修改单元格改变"));
        }
        report.set(pointer, value)?;
        self.save_edit(Some(unit.id), &report, reason, author)
    }

    /// Saves `report` as a new version of its unit's report for its year (made by hand or in
    /// a form) with `reason`; the unit is found or made from its agency as on ingest.
    pub fn save_report(&mut self, report: &Report, reason: &str, author: Option<&str>) -> Result<VersionInfo> {
        self.save_edit(None, report, reason, author)
    }

    fn save_edit(&mut self, unit: Option<i64>, report: &Report, reason: &str, author: Option<&str>) -> Result<VersionInfo> {
        if reason.trim().is_empty() {
            return Err(Error::invalid("reason", "a correction needs a reason", "更正须写明原因"));
        }
        let now = now();
        let tx = crate::write(&mut self.conn)?;
        let unit = match unit {
            Some(u) => u,
            None => units::identify(&tx, report.meta().agency, report.meta().year, &now)?,
        };
        let made = store(
            &tx,
            &self.fields,
            &self.options,
            unit,
            NewVersion { report, origin: "edit", batch: None, source: None, reason: Some(reason), author, imported: None },
            &now,
        )?;
        if !made.new {
            return Err(Error::invalid("value", "the report already says this; nothing to correct", "报告已是此值，无需更正"));
        }
        tx.commit()?;
        self.recheck_peers(i64::from(report.meta().year))?;
        self.version(made.version)
    }
}

/// The places the source of `version` did not show, as stored with it.
pub(crate) fn unseen(conn: &rusqlite::Connection, version: i64) -> Result<Vec<String>> {
    let text: Option<String> = conn.prepare_cached("SELECT unseen FROM versions WHERE id = ?1")?.query_row([version], |r| r.get(0))?;
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn leaves_that_differ_including_blank_against_absent() {
        let a = json!({"requests": {"new": {"total": 4, "research": null}}, "sections": {"overview": "甲"}});
        let b = json!({"requests": {"new": {"total": 5, "commercial": 1}}, "sections": {"overview": "甲"}});
        let mut out = vec![];
        diff(String::new(), Some(&a), Some(&b), &mut out);
        assert_eq!(
            out,
            [
                ("/requests/new/commercial".to_string(), None, Some(json!(1))),
                ("/requests/new/research".to_string(), Some(json!(null)), None),
                ("/requests/new/total".to_string(), Some(json!(4)), Some(json!(5))),
            ]
        );
    }
}
