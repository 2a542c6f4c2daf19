//! Across the register: each version's metrics (from the core's metric dictionary), who
//! published and who is late or missing, P25/P50/P75 and rank among peers (same kind, level,
//! region and year), and trends over three to five years.

use std::collections::BTreeMap;

use govreport::across::metrics::{self, METRICS, Metric, MetricKind};
use govreport::{Bilingual, Lang, Report, labels};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::units::{self, UNIT_COLUMNS, Unit, UnitRef, unit_row};
use crate::{Register, versions};

/// Stores the metrics of a new version.
pub(crate) fn store_metrics(conn: &Connection, version: i64, report: &Report) -> Result<()> {
    let mut stmt = conn.prepare_cached("INSERT OR REPLACE INTO metric_values (version_id, metric, metric_version, value) VALUES (?1, ?2, ?3, ?4)")?;
    for e in metrics::evaluate(report) {
        stmt.execute(params![version, e.metric.id, e.metric.version, e.value])?;
    }
    Ok(())
}

/// The dictionary as stored in `settings`: every metric id with its version.
fn dictionary_key() -> String {
    METRICS.iter().map(|m| format!("{}@{}", m.id, m.version)).collect::<Vec<_>>().join(",")
}

/// The metric with `id`, or an error naming the known ones.
pub(crate) fn metric(id: &str) -> Result<&'static Metric> {
    metrics::metric(id).ok_or_else(|| {
        let known = METRICS.iter().map(|m| m.id).collect::<Vec<_>>().join(", ");
        Error::invalid("metric", format!("{id:?} is not a metric ({known})"), format!("没有指标 {id:?}（可用：{known}）"))
    })
}

fn metrics_of(ids: &[String]) -> Result<Vec<&'static Metric>> {
    if ids.is_empty() { Ok(METRICS.iter().collect()) } else { ids.iter().map(|id| metric(id)).collect() }
}

/// The reports of the year `?1` with their units: for a region, from its units (the region
/// index) to their reports; for the whole register, from the year's reports to their units.
/// CROSS JOIN keeps the order SQLite would otherwise guess without statistics.
pub(crate) fn year_scope(region: Option<&str>) -> &'static str {
    if region.is_some_and(|r| !r.trim().is_empty()) {
        "units u CROSS JOIN reports r ON r.unit_id = u.id AND r.year = ?1"
    } else {
        "reports r CROSS JOIN units u ON u.id = r.unit_id AND r.year = ?1"
    }
}

/// The value at `p` (0–1) of sorted values, interpolated between neighbours.
pub(crate) fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let x = p * (sorted.len() - 1) as f64;
    let (lo, hi) = (x.floor() as usize, x.ceil() as usize);
    Some(sorted[lo] + (sorted[hi] - sorted[lo]) * (x - lo as f64))
}

/// Whether a unit published its report for a year, late, or not at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    /// Published by its deadline (or no date to judge by).
    Published,
    /// Published after its deadline (GR501).
    Late,
    /// No report in the register, though the unit reported the year before.
    Missing,
}

impl Coverage {
    /// `published`, `late` or `missing`.
    pub fn as_str(self) -> &'static str {
        match self {
            Coverage::Published => "published",
            Coverage::Late => "late",
            Coverage::Missing => "missing",
        }
    }

    /// Its name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Coverage::Published, Lang::Zh) => "按时发布",
            (Coverage::Late, Lang::Zh) => "逾期发布",
            (Coverage::Missing, Lang::Zh) => "未收到",
            (c, Lang::En) => c.as_str(),
        }
    }
}

/// Counts of a report's violated findings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FindingCounts {
    /// Of severity error, not dismissed.
    pub errors: i64,
    /// Of severity warning, not dismissed.
    pub warnings: i64,
    /// Not reviewed yet.
    pub open: i64,
    /// Confirmed by a reviewer.
    pub confirmed: i64,
    /// Dismissed by a reviewer.
    pub dismissed: i64,
    /// Marked fixed.
    pub fixed: i64,
}

/// A unit in a year: whether it published, its current version, its findings.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnitYear {
    /// The unit.
    pub unit: Unit,
    /// The reporting year.
    pub year: i64,
    /// Published, late or missing.
    pub coverage: Coverage,
    /// The current version (None when missing).
    pub version_id: Option<i64>,
    /// How many versions the report has.
    pub versions: i64,
    /// Its publication date.
    pub published_on: Option<String>,
    /// Its findings.
    pub findings: FindingCounts,
}

/// A year of the register.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct YearSummary {
    /// The reporting year.
    pub year: i64,
    /// Reports of the year.
    pub reports: i64,
    /// Versions made of them.
    pub versions: i64,
}

/// A peer group: units of the same kind and level (in the region and year asked for).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct PeerGroup {
    /// government, department, township or other.
    pub kind: String,
    /// The level, when the reports give it.
    pub level: Option<String>,
}

impl PeerGroup {
    /// The group in words: 县级人民政府部门, "government department (county)"; the names of
    /// kinds and levels are the label table's.
    pub fn label(&self, lang: Lang) -> String {
        const NO_LEVEL: Bilingual = Bilingual::new("层级未注明的", "level not given");
        let level = match self.level.as_deref() {
            Some(id) => labels::level(id).map_or(id, |l| l.text(lang)),
            None => NO_LEVEL.get(lang),
        };
        if lang == Lang::Zh { format!("{level}{}", kind_label(&self.kind, lang)) } else { format!("{} ({level})", kind_label(&self.kind, lang)) }
    }
}

/// The name of an agency kind (`department` …) from the label table.
pub fn kind_label(kind: &str, lang: Lang) -> String {
    labels::agency_kind(kind).map_or_else(|| kind.to_string(), |l| l.text(lang).to_string())
}

/// A unit's value among its peers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Ranked {
    /// The unit.
    pub unit_id: i64,
    /// Its name.
    pub unit: String,
    /// The version the value is from.
    pub version_id: i64,
    /// Its value.
    pub value: f64,
    /// 1 for the highest value of the group; equal values share a rank.
    pub rank: usize,
}

/// A metric among a peer group in a year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Benchmark {
    /// The metric's id.
    pub metric: String,
    /// Its name in the language asked for.
    pub name: String,
    /// Its unit.
    pub unit: String,
    /// The reporting year.
    pub year: i64,
    /// The peer group.
    pub group: PeerGroup,
    /// Units of the group with a value.
    pub n: usize,
    /// Units of the group without one (a cell missing, "/", a zero denominator).
    pub without: usize,
    /// Lower quartile.
    pub p25: Option<f64>,
    /// Median.
    pub p50: Option<f64>,
    /// Upper quartile.
    pub p75: Option<f64>,
    /// Every unit with a value, highest first.
    pub units: Vec<Ranked>,
}

/// Which benchmarks to make (from JSON too: `{"year":2023,"region":"3601"}`).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BenchmarkQuery {
    /// The reporting year.
    pub year: u16,
    /// Units whose region code starts with this (all when None).
    pub region: Option<String>,
    /// Metric ids (all when empty).
    pub metrics: Vec<String>,
    /// The language of names.
    pub lang: Lang,
}

/// One year of a trend.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrendPoint {
    /// The reporting year.
    pub year: i64,
    /// The unit's value; for a region, the median over its units.
    pub value: Option<f64>,
    /// Units with a value that year.
    pub n: usize,
    /// For a region: lower quartile.
    pub p25: Option<f64>,
    /// For a region: upper quartile.
    pub p75: Option<f64>,
    /// For a region and a count: the sum over its units.
    pub total: Option<f64>,
}

/// A metric over the years, of a unit or of the units of a region.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Trend {
    /// The metric's id.
    pub metric: String,
    /// Its name in the language asked for.
    pub name: String,
    /// Its unit.
    pub unit: String,
    /// The unit's name, or the region ("" for the whole register).
    pub scope: String,
    /// Oldest first, one point per year of the span (empty years included).
    pub points: Vec<TrendPoint>,
}

/// Which trends to make (from JSON too: `{"unit":"进贤县教育体育局","metrics":["new_requests"]}`).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TrendQuery {
    /// Of this unit; otherwise of the units of `region`.
    pub unit: Option<UnitRef>,
    /// Units whose region code starts with this (all when None).
    pub region: Option<String>,
    /// Metric ids (all when empty).
    pub metrics: Vec<String>,
    /// The last year (the latest in the register when None).
    pub to_year: Option<u16>,
    /// How many years, 3 to 5 (5 when 0).
    pub years: u16,
    /// The language of names.
    pub lang: Lang,
}

impl Register {
    /// Fills the metric values of versions that have none, or have them from an older version
    /// of the dictionary. Cheap when nothing changed (one settings row is compared).
    pub fn refresh_metrics(&mut self) -> Result<usize> {
        let key = dictionary_key();
        let stored: Option<String> = self.conn.query_row("SELECT value FROM settings WHERE key = 'metrics'", [], |r| r.get(0)).optional()?;
        if stored.as_deref() == Some(key.as_str()) {
            return Ok(0);
        }
        let tx = crate::write(&mut self.conn)?;
        let mut done = 0;
        let stale: Vec<i64> = {
            let mut wanted = String::new();
            for m in METRICS {
                wanted.push_str(&format!(
                    " OR NOT EXISTS (SELECT 1 FROM metric_values m WHERE m.version_id = v.id AND m.metric = '{}' AND m.metric_version = {})",
                    m.id, m.version
                ));
            }
            let mut stmt = tx.prepare(&format!("SELECT v.id FROM versions v WHERE 0{wanted}"))?;
            stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
        };
        for version in stale {
            if let Ok(report) = versions::document(&tx, version) {
                store_metrics(&tx, version, &report)?;
                done += 1;
            }
        }
        tx.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('metrics', ?1)", [key])?;
        tx.commit()?;
        Ok(done)
    }

    /// The years of the register with their reports, newest first.
    pub fn years(&self) -> Result<Vec<YearSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT r.year, count(DISTINCT r.id), count(v.id) FROM reports r LEFT JOIN versions v ON v.report_id = r.id GROUP BY r.year ORDER BY r.year DESC",
        )?;
        let rows = stmt.query_map([], |r| Ok(YearSummary { year: r.get(0)?, reports: r.get(1)?, versions: r.get(2)? }))?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Every unit of `region` (all when None) expected for `year` — it has a report of that
    /// year or of the year before — with whether it published, late, or not at all, its
    /// current version and its findings. By region and name.
    pub fn status(&self, year: u16, region: Option<&str>) -> Result<Vec<UnitYear>> {
        let year = i64::from(year);
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {UNIT_COLUMNS}, r.current_version, (SELECT count(*) FROM versions x WHERE x.report_id = r.id), v.published_on,
               (SELECT count(*) FROM findings f WHERE f.version_id = r.current_version AND f.code = 'GR501' AND f.status = 'violated')
             FROM units u LEFT JOIN reports r ON r.unit_id = u.id AND r.year = ?1 LEFT JOIN versions v ON v.id = r.current_version
             WHERE u.region_code >= ?2 AND u.region_code < ?3
               AND EXISTS (SELECT 1 FROM reports e WHERE e.unit_id = u.id AND e.year IN (?1, ?1 - 1))
             ORDER BY u.region_code, u.name, u.id"
        ))?;
        let (lo, hi) = units::region_range(region);
        let rows = stmt.query_map(params![year, lo, hi], |r| {
            let version: Option<i64> = r.get(6)?;
            let late: i64 = r.get(9)?;
            Ok(UnitYear {
                unit: unit_row(r)?,
                year,
                coverage: match (version, late) {
                    (None, _) => Coverage::Missing,
                    (Some(_), 0) => Coverage::Published,
                    _ => Coverage::Late,
                },
                version_id: version,
                versions: r.get(7)?,
                published_on: r.get(8)?,
                findings: FindingCounts::default(),
            })
        })?;
        let mut out: Vec<UnitYear> = rows.collect::<rusqlite::Result<_>>()?;
        // Every violated finding of the year's current versions in the region, with the
        // decision that holds for it, in one pass.
        let mut counts: std::collections::HashMap<i64, FindingCounts> = std::collections::HashMap::new();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT f.version_id, f.severity,
                    (SELECT w.decision FROM reviews w WHERE w.report_id = r.id AND w.fingerprint = f.fingerprint ORDER BY w.id DESC LIMIT 1)
             FROM {} CROSS JOIN findings f ON f.version_id = r.current_version
             WHERE u.region_code >= ?2 AND u.region_code < ?3 AND f.status = 'violated'",
            year_scope(region)
        ))?;
        let mut rows = stmt.query(params![year, lo, hi])?;
        while let Some(row) = rows.next()? {
            let (version, severity, decision): (i64, String, Option<String>) = (row.get(0)?, row.get(1)?, row.get(2)?);
            let c = counts.entry(version).or_default();
            match decision.as_deref() {
                None => c.open += 1,
                Some("confirmed") => c.confirmed += 1,
                Some("dismissed") => c.dismissed += 1,
                _ => c.fixed += 1,
            }
            if decision.as_deref() != Some("dismissed") {
                match severity.as_str() {
                    "error" => c.errors += 1,
                    "warning" => c.warnings += 1,
                    _ => {}
                }
            }
        }
        for u in &mut out {
            if let Some(c) = u.version_id.and_then(|v| counts.get(&v)) {
                u.findings = *c;
            }
        }
        Ok(out)
    }

    /// P25, P50, P75 and the rank of each unit for each metric, per peer group (kind and
    /// level) among the current reports of the year in the region.
    pub fn benchmarks(&self, query: &BenchmarkQuery) -> Result<Vec<Benchmark>> {
        let wanted = metrics_of(&query.metrics)?;
        // Every metric of a version sits together under its key: one pass reads them all.
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT u.id, u.name, u.kind, u.level, r.current_version, m.metric, m.value
             FROM {} CROSS JOIN metric_values m ON m.version_id = r.current_version
             WHERE u.region_code >= ?2 AND u.region_code < ?3",
            year_scope(query.region.as_deref())
        ))?;
        let (lo, hi) = units::region_range(query.region.as_deref());
        // metric → group → (units with a value, units without)
        let mut by_metric: BTreeMap<String, BTreeMap<PeerGroup, (Vec<Ranked>, usize)>> = BTreeMap::new();
        let mut rows = stmt.query(params![i64::from(query.year), lo, hi])?;
        while let Some(row) = rows.next()? {
            let metric: String = row.get(5)?;
            if !wanted.iter().any(|m| m.id == metric) {
                continue;
            }
            let group = PeerGroup { kind: row.get(2)?, level: row.get(3)? };
            let entry = by_metric.entry(metric).or_default().entry(group).or_default();
            match row.get::<_, Option<f64>>(6)? {
                Some(value) => entry.0.push(Ranked { unit_id: row.get(0)?, unit: row.get(1)?, version_id: row.get(4)?, value, rank: 0 }),
                None => entry.1 += 1,
            }
        }
        let mut out = vec![];
        for m in wanted {
            let Some(groups) = by_metric.remove(m.id) else { continue };
            for (group, (mut units, without)) in groups {
                units.sort_by(|a, b| b.value.total_cmp(&a.value).then(a.unit_id.cmp(&b.unit_id)));
                for i in 0..units.len() {
                    units[i].rank = if i > 0 && units[i].value == units[i - 1].value { units[i - 1].rank } else { i + 1 };
                }
                let mut sorted: Vec<f64> = units.iter().map(|u| u.value).collect();
                sorted.reverse();
                out.push(Benchmark {
                    metric: m.id.to_string(),
                    name: m.name(query.lang),
                    unit: m.unit(query.lang).to_string(),
                    year: i64::from(query.year),
                    group,
                    n: units.len(),
                    without,
                    p25: percentile(&sorted, 0.25),
                    p50: percentile(&sorted, 0.5),
                    p75: percentile(&sorted, 0.75),
                    units,
                });
            }
        }
        Ok(out)
    }

    /// Each metric over three to five years: a unit's values, or the median, quartiles and
    /// (for counts) the sum over the units of a region.
    pub fn trends(&self, query: &TrendQuery) -> Result<Vec<Trend>> {
        let span = match query.years {
            0 => 5,
            n @ 3..=5 => i64::from(n),
            n => return Err(Error::invalid("years", format!("a trend spans 3 to 5 years, not {n}"), format!("趋势跨 3 至 5 年，不能是 {n} 年"))),
        };
        let last = match query.to_year {
            Some(y) => i64::from(y),
            None => self.conn.query_row("SELECT max(year) FROM reports", [], |r| r.get::<_, Option<i64>>(0))?.unwrap_or(0),
        };
        let unit: Option<Unit> = query.unit.as_ref().map(|u| units::resolve(&self.conn, u)).transpose()?;
        let scope = match (&unit, &query.region) {
            (Some(u), _) => u.name.clone(),
            (None, Some(r)) => r.clone(),
            (None, None) => String::new(),
        };
        // One unit by its id, or the units of the region by the region index.
        let which = if unit.is_some() { "u.id = ?4 AND ?5 = ?5 AND ?6 = ?6" } else { "?4 IS NULL AND u.region_code >= ?5 AND u.region_code < ?6" };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT r.year, m.value FROM units u CROSS JOIN reports r ON r.unit_id = u.id AND r.year BETWEEN ?2 AND ?3
             CROSS JOIN metric_values m ON m.version_id = r.current_version AND m.metric = ?1
             WHERE {which}"
        ))?;
        let (lo, hi) = units::region_range(query.region.as_deref());
        let mut out = vec![];
        for m in metrics_of(&query.metrics)? {
            let mut by_year: BTreeMap<i64, Vec<f64>> = (last - span + 1..=last).map(|y| (y, vec![])).collect();
            let mut rows = stmt.query(params![m.id, last - span + 1, last, unit.as_ref().map(|u| u.id), lo, hi])?;
            while let Some(row) = rows.next()? {
                if let (year, Some(v)) = (row.get::<_, i64>(0)?, row.get::<_, Option<f64>>(1)?) {
                    by_year.entry(year).or_default().push(v);
                }
            }
            let points = by_year
                .into_iter()
                .map(|(year, mut values)| {
                    values.sort_by(f64::total_cmp);
                    let single = unit.is_some();
                    TrendPoint {
                        year,
                        value: if single { values.first().copied() } else { percentile(&values, 0.5) },
                        n: values.len(),
                        p25: if single { None } else { percentile(&values, 0.25) },
                        p75: if single { None } else { percentile(&values, 0.75) },
                        total: (!single && m.kind == MetricKind::Count && !values.is_empty()).then(|| values.iter().sum()),
                    }
                })
                .collect();
            out.push(Trend { metric: m.id.to_string(), name: m.name(query.lang), unit: m.unit(query.lang).to_string(), scope: scope.clone(), points });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quartiles_interpolate() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!((percentile(&v, 0.25), percentile(&v, 0.5), percentile(&v, 0.75)), (Some(2.0), Some(3.0), Some(4.0)));
        assert_eq!(percentile(&[1.0, 2.0], 0.5), Some(1.5));
        assert_eq!(percentile(&[], 0.5), None);
    }

    #[test]
    fn peer_groups_are_named_from_the_label_table() {
        let group = |kind: &str, level: Option<&str>| PeerGroup { kind: kind.into(), level: level.map(str::to_string) };
        assert_eq!(group("department", Some("county")).label(Lang::Zh), "县级人民政府部门");
        assert_eq!(group("department", Some("county")).label(Lang::En), "government department (county)");
        assert_eq!(group("township", Some("township")).label(Lang::Zh), "乡镇级乡镇人民政府、街道办事处");
        assert_eq!(group("government", Some("prefectural")).label(Lang::Zh), "地市级人民政府");
        assert_eq!(group("other", None).label(Lang::Zh), "层级未注明的其他机关");
        assert_eq!(group("other", None).label(Lang::En), "other body (level not given)");
    }
}
