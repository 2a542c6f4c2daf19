//! Findings of every version and their review.
//!
//! A version's findings are stored when it is made: the core's check, what the importer
//! noticed (GR9xx), and the year on year checks (GR6xx) against the unit's stored report of
//! the year before; the batch checks (GR7xx: copied prose, units that stand out) run over the
//! current versions of a year after each ingest. Each finding has a fingerprint over its code,
//! its path, the values of the cells it names (path and related) in its version, and the
//! expected and actual values it states. A review (confirmed, dismissed with a reason, fixed)
//! is kept for the unit's report by that fingerprint: it still holds for the same finding in a
//! later version while those values are unchanged, and no longer when they change.

use std::collections::BTreeMap;

use govreport::across::Batch;
use govreport::{Finding, Findings, Lang, Options, Report, labels};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::units::{self, UnitRef};
use crate::{Register, now};

/// Where a finding comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// The check of the report itself.
    Check,
    /// What the importer noticed about the source (GR9xx).
    Import,
    /// Against the unit's report of the year before (GR6xx).
    Year,
    /// Against the other units of the year (GR7xx).
    Peers,
}

impl Origin {
    /// `check`, `import`, `year` or `peers`.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Check => "check",
            Origin::Import => "import",
            Origin::Year => "year",
            Origin::Peers => "peers",
        }
    }

    fn parse(s: &str) -> Origin {
        match s {
            "import" => Origin::Import,
            "year" => Origin::Year,
            "peers" => Origin::Peers,
            _ => Origin::Check,
        }
    }
}

/// A reviewer's decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// The finding is a real defect (to be sent back to the unit).
    Confirmed,
    /// A false alarm (a reason is required); stays dismissed while its cells are unchanged.
    Dismissed,
    /// The unit has fixed it.
    Fixed,
}

impl Decision {
    /// `confirmed`, `dismissed` or `fixed`.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Confirmed => "confirmed",
            Decision::Dismissed => "dismissed",
            Decision::Fixed => "fixed",
        }
    }

    /// Parses `confirmed`/`confirm`, `dismissed`/`dismiss` or `fixed`/`fix`.
    pub fn parse(s: &str) -> Option<Decision> {
        match s {
            "confirmed" | "confirm" => Some(Decision::Confirmed),
            "dismissed" | "dismiss" => Some(Decision::Dismissed),
            "fixed" | "fix" => Some(Decision::Fixed),
            _ => None,
        }
    }

    /// The decision's name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Decision::Confirmed, Lang::Zh) => "已确认",
            (Decision::Dismissed, Lang::Zh) => "已排除",
            (Decision::Fixed, Lang::Zh) => "已整改",
            (d, Lang::En) => d.as_str(),
        }
    }
}

/// A review of a finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Review {
    /// Its id.
    pub id: i64,
    /// The report (unit and year) it is kept for.
    pub report_id: i64,
    /// The version whose finding was reviewed.
    pub version_id: i64,
    /// The finding reviewed (None once that finding was replaced by a recheck).
    pub finding_id: Option<i64>,
    /// The finding's fingerprint.
    pub fingerprint: String,
    /// Its rule code.
    pub code: String,
    /// Its path.
    pub path: String,
    /// The decision.
    pub decision: Decision,
    /// Why (required to dismiss).
    pub reason: Option<String>,
    /// Who decided.
    pub reviewer: Option<String>,
    /// When (UTC).
    pub at: String,
}

/// Where a finding stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewState {
    /// Not reviewed (or its cells changed since).
    Open,
    /// Confirmed.
    Confirmed,
    /// Dismissed.
    Dismissed,
    /// Fixed.
    Fixed,
}

impl ReviewState {
    /// `open`, `confirmed`, `dismissed` or `fixed`.
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewState::Open => "open",
            ReviewState::Confirmed => "confirmed",
            ReviewState::Dismissed => "dismissed",
            ReviewState::Fixed => "fixed",
        }
    }

    /// Parses the names of [`ReviewState::as_str`].
    pub fn parse(s: &str) -> Option<ReviewState> {
        match s {
            "open" => Some(ReviewState::Open),
            "confirmed" => Some(ReviewState::Confirmed),
            "dismissed" => Some(ReviewState::Dismissed),
            "fixed" => Some(ReviewState::Fixed),
            _ => None,
        }
    }

    /// The state's name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ReviewState::Open => {
                if lang == Lang::Zh {
                    "待审核"
                } else {
                    "open"
                }
            }
            ReviewState::Confirmed => Decision::Confirmed.label(lang),
            ReviewState::Dismissed => Decision::Dismissed.label(lang),
            ReviewState::Fixed => Decision::Fixed.label(lang),
        }
    }
}

impl From<Decision> for ReviewState {
    fn from(d: Decision) -> ReviewState {
        match d {
            Decision::Confirmed => ReviewState::Confirmed,
            Decision::Dismissed => ReviewState::Dismissed,
            Decision::Fixed => ReviewState::Fixed,
        }
    }
}

/// A stored finding with its unit, year, version and review.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredFinding {
    /// Its id (what a review names).
    pub id: i64,
    /// The version it is about.
    pub version_id: i64,
    /// That version's number.
    pub version: i64,
    /// Whether that version is the current one.
    pub is_current: bool,
    /// The unit.
    pub unit_id: i64,
    /// The unit's name.
    pub unit: String,
    /// The reporting year.
    pub year: i64,
    /// Where it comes from.
    pub origin: Origin,
    /// Last year's version it was compared with (origin `year`).
    pub against_version: Option<i64>,
    /// The finding, its message in the language asked for.
    pub finding: Finding,
    /// The name of the cell or part at its path, from the label table.
    pub label: String,
    /// Its fingerprint.
    pub fingerprint: String,
    /// Where it stands.
    pub state: ReviewState,
    /// The review that holds for it.
    pub review: Option<Review>,
}

/// Which findings to list. Every field narrows the list; the default is every finding of the
/// current versions. From JSON too: `{"year":2023,"unit":"进贤县教育体育局","state":"open"}`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FindingQuery {
    /// Of this reporting year.
    pub year: Option<u16>,
    /// Of this unit.
    pub unit: Option<UnitRef>,
    /// Of units whose region code starts with this.
    pub region: Option<String>,
    /// With this code or code prefix (GR2, GR601).
    pub code: Option<String>,
    /// In this state.
    pub state: Option<ReviewState>,
    /// Of this version (current or not); otherwise of current versions only.
    pub version: Option<i64>,
    /// Violated findings only (leave out "not assessable").
    pub violated_only: bool,
    /// The language of the messages.
    pub lang: Lang,
    /// At most this many (all when None).
    pub limit: Option<usize>,
}

/// A finding's fingerprint: code, path, the values its cells have in `doc`, expected, actual.
pub(crate) fn fingerprint(f: &Finding, doc: &Value) -> String {
    let mut h = Sha256::new();
    for part in [f.code.as_str(), f.path.as_str(), f.expected.as_deref().unwrap_or("\u{1}"), f.actual.as_deref().unwrap_or("\u{1}")] {
        h.update(part.as_bytes());
        h.update([0]);
    }
    let mut pointers: Vec<&str> = std::iter::once(f.path.as_str()).chain(f.related.iter().map(String::as_str)).filter(|p| !p.is_empty()).collect();
    pointers.sort_unstable();
    pointers.dedup();
    for p in pointers {
        h.update(p.as_bytes());
        h.update([b'=']);
        match doc.pointer(p) {
            Some(v) => h.update(v.to_string().as_bytes()),
            None => h.update([1]),
        }
        h.update([0]);
    }
    h.finalize()[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// The same findings in both languages: (the finding with its Chinese message, the English one).
fn both_languages(zh: Findings, en: Findings) -> Vec<(Finding, String)> {
    let en: Vec<Finding> = en.into_iter().collect();
    zh.into_iter()
        .enumerate()
        .map(|(i, f)| {
            let english = en.get(i).filter(|e| e.code == f.code && e.path == f.path).map_or_else(|| f.message.clone(), |e| e.message.clone());
            (f, english)
        })
        .collect()
}

fn with_lang(options: &Options, lang: Lang) -> Options {
    Options { lang, ..options.clone() }
}

fn insert(tx: &Connection, version: i64, origin: Origin, against: Option<i64>, doc: &Value, list: Vec<(Finding, String)>) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO findings (version_id, origin, code, name, severity, status, path, related, expected, actual, params, message_zh, message_en, fingerprint, against_version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?;
    for (f, en) in list {
        stmt.execute(params![
            version,
            origin.as_str(),
            f.code,
            f.name,
            f.severity.as_str(),
            f.status.as_str(),
            f.path,
            serde_json::to_string(&f.related).unwrap_or_else(|_| "[]".into()),
            f.expected,
            f.actual,
            serde_json::to_string(&f.params).unwrap_or_else(|_| "{}".into()),
            f.message,
            en,
            fingerprint(&f, doc),
            against
        ])?;
    }
    Ok(())
}

/// The current version of `unit`'s report for `year`, if any.
fn current_of(tx: &Connection, unit: i64, year: i64) -> Result<Option<i64>> {
    Ok(tx
        .prepare_cached("SELECT current_version FROM reports WHERE unit_id = ?1 AND year = ?2")?
        .query_row(params![unit, year], |r| r.get::<_, Option<i64>>(0))
        .optional()?
        .flatten())
}

/// Replaces the year-on-year findings of `version` (a report of `year`) against the unit's
/// current report of the year before, if there is one.
fn year_findings(tx: &Connection, options: &Options, unit: i64, year: i64, version: i64, report: &Report, doc: &Value) -> Result<()> {
    tx.prepare_cached("DELETE FROM findings WHERE version_id = ?1 AND origin = 'year'")?.execute([version])?;
    let Some(previous) = current_of(tx, unit, year - 1)? else { return Ok(()) };
    let Ok(last) = crate::versions::document(tx, previous) else { return Ok(()) };
    let zh = govreport::compare(&last, report, &with_lang(options, Lang::Zh))?;
    let en = govreport::compare(&last, report, &with_lang(options, Lang::En))?;
    insert(tx, version, Origin::Year, Some(previous), doc, both_languages(zh, en))
}

/// Stores the findings of a new version of `unit`'s report for `year`: its check, its import
/// findings, year on year against last year's report; and renews next year's year-on-year
/// findings, which were made against the version this one replaces.
pub(crate) fn on_new_version(
    tx: &Connection,
    options: &Options,
    unit: i64,
    version: i64,
    report: &Report,
    imported: Option<(&govreport::Imported, &Findings)>,
) -> Result<()> {
    let doc = serde_json::to_value(report).unwrap_or(Value::Null);
    let year = i64::from(report.meta().year);
    // What the imported source does not show is not held against the report.
    let unseen: &[String] = imported.map_or(&[], |(i, _)| i.unseen.as_slice());
    let zh = govreport::check_unseen(report, unseen, &with_lang(options, Lang::Zh))?;
    let en = govreport::check_unseen(report, unseen, &with_lang(options, Lang::En))?;
    insert(tx, version, Origin::Check, None, &doc, both_languages(zh, en))?;
    if let Some((imported, en)) = imported {
        insert(tx, version, Origin::Import, None, &doc, both_languages(imported.findings.clone(), en.clone()))?;
    }
    year_findings(tx, options, unit, year, version, report, &doc)?;
    if let Some(next) = current_of(tx, unit, year + 1)? {
        let next_report = crate::versions::document(tx, next)?;
        let next_doc = serde_json::to_value(&next_report).unwrap_or(Value::Null);
        // Compared with the new version: it becomes last year's current version in a moment.
        tx.prepare_cached("DELETE FROM findings WHERE version_id = ?1 AND origin = 'year'")?.execute([next])?;
        let zh = govreport::compare(report, &next_report, &with_lang(options, Lang::Zh))?;
        let en = govreport::compare(report, &next_report, &with_lang(options, Lang::En))?;
        insert(tx, next, Origin::Year, Some(version), &next_doc, both_languages(zh, en))?;
    }
    Ok(())
}

/// Replaces the batch findings (GR7xx) of the current versions of `year`: every current
/// report of the year is a peer of every other.
pub(crate) fn peer_findings(tx: &Transaction<'_>, options: &Options, year: i64) -> Result<usize> {
    tx.execute("DELETE FROM findings WHERE origin = 'peers' AND version_id IN (SELECT current_version FROM reports WHERE year = ?1)", [year])?;
    let mut batch = Batch::new();
    let mut versions = vec![];
    {
        let mut stmt = tx.prepare(
            "SELECT v.id, v.document, u.name FROM reports r JOIN versions v ON v.id = r.current_version JOIN units u ON u.id = r.unit_id
             WHERE r.year = ?1 ORDER BY r.unit_id",
        )?;
        let mut rows = stmt.query([year])?;
        while let Some(row) = rows.next()? {
            let text: String = row.get(1)?;
            let Ok(report) = govreport::parse_str(&text) else { continue };
            let name: String = row.get(2)?;
            batch.add(name, &report);
            versions.push(row.get::<_, i64>(0)?);
        }
    }
    let zh = batch.findings(&with_lang(options, Lang::Zh))?;
    let en = batch.findings(&with_lang(options, Lang::En))?;
    let mut count = 0;
    for ((unit, zh), (_, en)) in zh.into_iter().zip(en) {
        let version = versions[unit];
        let doc = crate::versions::document_value(tx, version)?;
        let list = both_languages(zh, en);
        count += list.len();
        insert(tx, version, Origin::Peers, None, &doc, list)?;
    }
    Ok(count)
}

/// What a recheck did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Recheck {
    /// The years rechecked.
    pub years: Vec<i64>,
    /// Current versions whose own and year-on-year findings were made again.
    pub versions: usize,
    /// Batch findings (GR7xx) made.
    pub peer_findings: usize,
}

const FINDING_COLUMNS: &str = "SELECT f.id, f.version_id, v.number, (r.current_version = f.version_id), r.unit_id, u.name, r.year, f.origin, f.against_version,
       f.code, f.name, f.severity, f.status, f.path, f.related, f.expected, f.actual, f.params, f.message_zh, f.message_en, f.fingerprint, v.report_id, v.format,
       (SELECT w.id FROM reviews w WHERE w.report_id = v.report_id AND w.fingerprint = f.fingerprint ORDER BY w.id DESC LIMIT 1)";
/// Findings by their own id or version: from the finding to its unit.
const FINDING_SELECT: &str = "FROM findings f JOIN versions v ON v.id = f.version_id JOIN reports r ON r.id = v.report_id JOIN units u ON u.id = r.unit_id";
/// Findings of current versions by unit, region or year: from the units (by the region index,
/// or one unit by its id) to their reports and findings; CROSS JOIN keeps that order.
const CURRENT_FINDINGS: &str = "FROM units u CROSS JOIN reports r ON r.unit_id = u.id CROSS JOIN findings f ON f.version_id = r.current_version
JOIN versions v ON v.id = f.version_id";
/// Findings of current versions of the whole register (or a year): from the reports.
const CURRENT_FINDINGS_ALL: &str = "FROM reports r CROSS JOIN units u ON u.id = r.unit_id CROSS JOIN findings f ON f.version_id = r.current_version
JOIN versions v ON v.id = f.version_id";

/// A finding as selected, with its report and the id of the review that holds for it.
fn finding_row(r: &rusqlite::Row<'_>, lang: Lang) -> rusqlite::Result<(StoredFinding, i64, Option<i64>)> {
    let json = |i: usize| -> rusqlite::Result<String> { r.get(i) };
    let severity = govreport::Severity::parse(&json(11)?).unwrap_or(govreport::Severity::Info);
    let status = if json(12)? == "not_assessable" { govreport::Status::NotAssessable } else { govreport::Status::Violated };
    let path: String = r.get(13)?;
    let format = govreport::Format::parse(&json(22)?).unwrap_or(govreport::Format::F2021);
    let message = if lang == Lang::En { json(19)? } else { json(18)? };
    let finding = Finding {
        code: r.get(9)?,
        name: r.get(10)?,
        severity,
        status,
        related: serde_json::from_str(&json(14)?).unwrap_or_default(),
        expected: r.get(15)?,
        actual: r.get(16)?,
        params: serde_json::from_str::<BTreeMap<String, String>>(&json(17)?).unwrap_or_default(),
        message,
        path: path.clone(),
    };
    Ok((
        StoredFinding {
            id: r.get(0)?,
            version_id: r.get(1)?,
            version: r.get(2)?,
            is_current: r.get::<_, Option<bool>>(3)?.unwrap_or(false),
            unit_id: r.get(4)?,
            unit: r.get(5)?,
            year: r.get(6)?,
            origin: Origin::parse(&json(7)?),
            against_version: r.get(8)?,
            label: if path.is_empty() { String::new() } else { labels::cell_name(format, &path, lang) },
            finding,
            fingerprint: r.get(20)?,
            state: ReviewState::Open,
            review: None,
        },
        r.get(21)?,
        r.get(23)?,
    ))
}

const REVIEW_SELECT: &str = "SELECT id, report_id, version_id, finding_id, fingerprint, code, path, decision, reason, reviewer, at FROM reviews";

fn review_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Review> {
    Ok(Review {
        id: r.get(0)?,
        report_id: r.get(1)?,
        version_id: r.get(2)?,
        finding_id: r.get(3)?,
        fingerprint: r.get(4)?,
        code: r.get(5)?,
        path: r.get(6)?,
        decision: Decision::parse(&r.get::<_, String>(7)?).unwrap_or(Decision::Confirmed),
        reason: r.get(8)?,
        reviewer: r.get(9)?,
        at: r.get(10)?,
    })
}

/// A review by its id.
fn review_by_id(conn: &Connection, id: i64) -> Result<Review> {
    Ok(conn.prepare_cached(&format!("{REVIEW_SELECT} WHERE id = ?1"))?.query_row([id], review_row)?)
}

impl Register {
    /// The findings `query` asks for, each with the review that holds for it; by unit, year,
    /// version, then in the order the checks gave them.
    pub fn findings(&self, query: &FindingQuery) -> Result<Vec<StoredFinding>> {
        let unit = query.unit.as_ref().map(|u| units::resolve(&self.conn, u)).transpose()?;
        let scoped = query.unit.is_some() || query.region.as_deref().is_some_and(|r| !r.trim().is_empty());
        let from = match (query.version, scoped) {
            (Some(_), _) => FINDING_SELECT,
            (None, true) => CURRENT_FINDINGS,
            (None, false) => CURRENT_FINDINGS_ALL,
        };
        let mut sql = format!("{FINDING_COLUMNS} {from} WHERE 1 = 1");
        let (year, code) = (query.year.map(i64::from), query.code.as_ref().map(|c| c.to_ascii_uppercase()));
        let region = query.region.as_deref().map(|r| units::region_range(Some(r)));
        let unit_id = unit.as_ref().map(|u| u.id);
        let mut args: Vec<(&str, &dyn rusqlite::ToSql)> = vec![];
        if let Some(v) = &query.version {
            sql.push_str(" AND f.version_id = :version");
            args.push((":version", v));
        }
        if let Some(y) = &year {
            sql.push_str(" AND r.year = :year");
            args.push((":year", y));
        }
        if let Some(u) = &unit_id {
            sql.push_str(" AND r.unit_id = :unit");
            args.push((":unit", u));
        }
        if let Some((lo, hi)) = &region {
            sql.push_str(" AND u.region_code >= :rlo AND u.region_code < :rhi");
            args.push((":rlo", lo));
            args.push((":rhi", hi));
        }
        if let Some(code) = &code {
            sql.push_str(" AND substr(f.code, 1, length(:code)) = :code");
            args.push((":code", code));
        }
        if query.violated_only {
            sql.push_str(" AND f.status = 'violated'");
        }
        sql.push_str(" ORDER BY r.unit_id, r.year, v.number, f.id");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(args.as_slice(), |r| finding_row(r, query.lang))?;
        let mut out = vec![];
        for row in rows {
            let (mut f, _, review) = row?;
            f.review = review.map(|id| review_by_id(&self.conn, id)).transpose()?;
            f.state = f.review.as_ref().map_or(ReviewState::Open, |r| r.decision.into());
            if query.state.is_some_and(|s| s != f.state) {
                continue;
            }
            out.push(f);
            if query.limit.is_some_and(|l| out.len() >= l) {
                break;
            }
        }
        Ok(out)
    }

    /// One finding, with its review, message in `lang`.
    pub fn finding(&self, id: i64, lang: Lang) -> Result<StoredFinding> {
        let (mut f, _, review) = self
            .conn
            .query_row(&format!("{FINDING_COLUMNS} {FINDING_SELECT} WHERE f.id = ?1"), [id], |r| finding_row(r, lang))
            .optional()?
            .ok_or_else(|| Error::not_found(format!("finding {id}"), format!("问题 {id}")))?;
        f.review = review.map(|id| review_by_id(&self.conn, id)).transpose()?;
        f.state = f.review.as_ref().map_or(ReviewState::Open, |r| r.decision.into());
        Ok(f)
    }

    /// Records a reviewer's decision on finding `id`. Dismissing needs a reason. The decision
    /// holds for this finding of the unit's report for the year, in this and later versions,
    /// while the values it rests on stay the same.
    pub fn review(&mut self, id: i64, decision: Decision, reason: Option<&str>, reviewer: Option<&str>) -> Result<Review> {
        let reason = reason.map(str::trim).filter(|r| !r.is_empty());
        if decision == Decision::Dismissed && reason.is_none() {
            return Err(Error::invalid("reason", "dismissing a finding needs a reason", "排除问题须写明理由"));
        }
        let (report, version, fingerprint, code, path): (i64, i64, String, String, String) = self
            .conn
            .query_row(
                "SELECT v.report_id, f.version_id, f.fingerprint, f.code, f.path FROM findings f JOIN versions v ON v.id = f.version_id WHERE f.id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?
            .ok_or_else(|| Error::not_found(format!("finding {id}"), format!("问题 {id}")))?;
        self.conn.execute(
            "INSERT INTO reviews (report_id, version_id, finding_id, fingerprint, code, path, decision, reason, reviewer, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![report, version, id, fingerprint, code, path, decision.as_str(), reason, reviewer, now()],
        )?;
        let review_id = self.conn.last_insert_rowid();
        Ok(self.conn.query_row(&format!("{REVIEW_SELECT} WHERE id = ?1"), [review_id], review_row)?)
    }

    /// Every review of a unit's reports (of `year`, or all years), oldest first.
    pub fn reviews(&self, unit: &UnitRef, year: Option<u16>) -> Result<Vec<Review>> {
        let unit = units::resolve(&self.conn, unit)?;
        let mut stmt = self
            .conn
            .prepare(&format!("{REVIEW_SELECT} WHERE report_id IN (SELECT id FROM reports WHERE unit_id = ?1 AND (?2 IS NULL OR year = ?2)) ORDER BY id"))?;
        let rows = stmt.query_map(params![unit.id, year.map(i64::from)], review_row)?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Makes the findings of the current versions of `years` again (all years when empty):
    /// each report's own check and year on year, then the batch checks of each year. Import
    /// findings are kept (the source is not stored). Reviews hold by fingerprint as ever.
    pub fn recheck(&mut self, years: &[u16]) -> Result<Recheck> {
        let years: Vec<i64> = if years.is_empty() {
            let mut stmt = self.conn.prepare("SELECT DISTINCT year FROM reports ORDER BY year")?;
            stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
        } else {
            years.iter().map(|y| i64::from(*y)).collect()
        };
        let mut out = Recheck { years: years.clone(), ..Recheck::default() };
        for year in years {
            let tx = crate::write(&mut self.conn)?;
            let current: Vec<(i64, i64)> = {
                let mut stmt = tx.prepare("SELECT unit_id, current_version FROM reports WHERE year = ?1 AND current_version IS NOT NULL")?;
                stmt.query_map([year], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?
            };
            for (unit, version) in current {
                let report = crate::versions::document(&tx, version)?;
                let unseen = crate::versions::unseen(&tx, version)?;
                let doc = serde_json::to_value(&report).unwrap_or(Value::Null);
                tx.prepare_cached("DELETE FROM findings WHERE version_id = ?1 AND origin = 'check'")?.execute([version])?;
                let zh = govreport::check_unseen(&report, &unseen, &with_lang(&self.options, Lang::Zh))?;
                let en = govreport::check_unseen(&report, &unseen, &with_lang(&self.options, Lang::En))?;
                insert(&tx, version, Origin::Check, None, &doc, both_languages(zh, en))?;
                year_findings(&tx, &self.options, unit, year, version, &report, &doc)?;
                out.versions += 1;
            }
            out.peer_findings += peer_findings(&tx, &self.options, year)?;
            tx.commit()?;
        }
        Ok(out)
    }

    /// Makes the batch findings (GR7xx) of `year` again.
    pub(crate) fn recheck_peers(&mut self, year: i64) -> Result<usize> {
        let tx = crate::write(&mut self.conn)?;
        let n = peer_findings(&tx, &self.options, year)?;
        tx.commit()?;
        Ok(n)
    }
}
