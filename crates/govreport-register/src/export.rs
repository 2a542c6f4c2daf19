//! `register export`: the current reports, their cells or their findings as CSV (for
//! spreadsheets: UTF-8 with a byte-order mark, headings in the language asked for) or JSON
//! Lines (one object per line, keys in English).

use std::io::Write;

use govreport::Lang;
use govreport::across::metrics::METRICS;
use rusqlite::types::Value as SqlValue;
use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::findings::FindingQuery;
use crate::{Register, UnitRef};

/// What to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// One row per current report: unit, year, version, source, coverage of findings, metrics.
    Reports,
    /// One row per cell of the current versions (long form).
    Cells,
    /// One row per finding of the current versions, with its review.
    Findings,
}

impl ExportKind {
    /// Parses `reports`, `cells` or `findings`.
    pub fn parse(s: &str) -> Option<ExportKind> {
        match s {
            "reports" => Some(ExportKind::Reports),
            "cells" => Some(ExportKind::Cells),
            "findings" => Some(ExportKind::Findings),
            _ => None,
        }
    }
}

/// How to write it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// Comma-separated values with a heading row.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

impl ExportFormat {
    /// Parses `csv` or `jsonl`.
    pub fn parse(s: &str) -> Option<ExportFormat> {
        match s {
            "csv" => Some(ExportFormat::Csv),
            "jsonl" | "ndjson" => Some(ExportFormat::Jsonl),
            _ => None,
        }
    }
}

/// Which reports to export (all current ones when empty); from JSON too.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ExportQuery {
    /// Of this year.
    pub year: Option<u16>,
    /// Of units whose region code starts with this.
    pub region: Option<String>,
    /// Of this unit.
    pub unit: Option<UnitRef>,
    /// Language of the CSV headings and of messages.
    pub lang: Lang,
}

/// A column: key (JSON Lines), heading in Chinese and in English.
type Column = (String, String, String);

fn col(key: &str, zh: &str, en: &str) -> Column {
    (key.to_string(), zh.to_string(), en.to_string())
}

/// Writes rows as CSV or JSON Lines.
struct Sink<'a> {
    out: &'a mut dyn Write,
    format: ExportFormat,
    columns: Vec<Column>,
    rows: usize,
}

fn io(e: std::io::Error) -> Error {
    Error::Io { path: "export".into(), source: e }
}

fn csv_field(v: &Value) -> String {
    let text = match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    if text.contains([',', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text }
}

impl<'a> Sink<'a> {
    fn new(out: &'a mut dyn Write, format: ExportFormat, columns: Vec<Column>, lang: Lang) -> Result<Sink<'a>> {
        if format == ExportFormat::Csv {
            let heads: Vec<String> = columns.iter().map(|c| csv_field(&Value::String(if lang == Lang::Zh { c.1.clone() } else { c.2.clone() }))).collect();
            write!(out, "\u{FEFF}{}\r\n", heads.join(",")).map_err(io)?;
        }
        Ok(Sink { out, format, columns, rows: 0 })
    }

    fn row(&mut self, values: Vec<Value>) -> Result<()> {
        match self.format {
            ExportFormat::Csv => {
                let fields: Vec<String> = values.iter().map(csv_field).collect();
                write!(self.out, "{}\r\n", fields.join(",")).map_err(io)?;
            }
            ExportFormat::Jsonl => {
                let obj: Map<String, Value> = self.columns.iter().map(|c| c.0.clone()).zip(values).collect();
                writeln!(self.out, "{}", Value::Object(obj)).map_err(io)?;
            }
        }
        self.rows += 1;
        Ok(())
    }
}

fn sql_json(v: SqlValue) -> Value {
    match v {
        SqlValue::Null => Value::Null,
        SqlValue::Integer(n) => Value::from(n),
        SqlValue::Real(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        SqlValue::Text(t) => Value::String(t),
        SqlValue::Blob(_) => Value::Null,
    }
}

impl Register {
    /// Writes `kind` of the current reports `query` selects to `out` as `format`; returns the
    /// number of rows (heading not counted).
    pub fn export(&self, kind: ExportKind, format: ExportFormat, query: &ExportQuery, out: &mut dyn Write) -> Result<usize> {
        let unit = query.unit.as_ref().map(|u| self.unit(u)).transpose()?;
        let (year, unit_id) = (query.year.map(i64::from), unit.as_ref().map(|u| u.id));
        let (lo, hi) = crate::units::region_range(query.region.as_deref());
        let filter = "(:year IS NULL OR r.year = :year) AND u.region_code >= :rlo AND u.region_code < :rhi AND (:unit IS NULL OR u.id = :unit)";
        // For a region or a unit, from the units (the region index); else from the reports.
        let scope = if query.region.as_deref().is_some_and(|r| !r.trim().is_empty()) || unit.is_some() {
            "units u CROSS JOIN reports r ON r.unit_id = u.id"
        } else {
            "reports r CROSS JOIN units u ON u.id = r.unit_id"
        };
        let args: &[(&str, &dyn rusqlite::ToSql)] = &[(":year", &year), (":rlo", &lo), (":rhi", &hi), (":unit", &unit_id)];
        match kind {
            ExportKind::Reports => {
                let mut columns = vec![
                    col("unit_id", "单位编号", "unit id"),
                    col("unit", "单位", "unit"),
                    col("credit_code", "统一社会信用代码", "credit code"),
                    col("region_code", "行政区划代码", "region code"),
                    col("kind", "机关类型", "kind"),
                    col("level", "行政层级", "level"),
                    col("year", "年度", "year"),
                    col("version_id", "版本编号", "version id"),
                    col("version", "版本", "version"),
                    col("format", "格式", "format"),
                    col("published_on", "发布日期", "published on"),
                    col("source", "来源文件", "source"),
                    col("sha256", "来源SHA-256", "source SHA-256"),
                    col("errors", "错误", "errors"),
                    col("warnings", "警告", "warnings"),
                    col("dismissed", "已排除", "dismissed"),
                ];
                for m in METRICS {
                    columns.push(col(m.id, &m.name(Lang::Zh), &m.name(Lang::En)));
                }
                let mut sink = Sink::new(out, format, columns, query.lang)?;
                let mut metric_cols = String::new();
                for m in METRICS {
                    metric_cols.push_str(&format!(", (SELECT value FROM metric_values mv WHERE mv.version_id = v.id AND mv.metric = '{}')", m.id));
                }
                let findings = |severity: &str| {
                    format!(
                        "(SELECT count(*) FROM findings f WHERE f.version_id = v.id AND f.status = 'violated' AND f.severity = '{severity}'
                          AND coalesce((SELECT w.decision FROM reviews w WHERE w.report_id = r.id AND w.fingerprint = f.fingerprint ORDER BY w.id DESC LIMIT 1), '') <> 'dismissed')"
                    )
                };
                let sql = format!(
                    "SELECT u.id, u.name, u.credit_code, u.region_code, u.kind, u.level, r.year, v.id, v.number, v.format, v.published_on, s.name, s.sha256,
                            {}, {},
                            (SELECT count(*) FROM findings f WHERE f.version_id = v.id AND f.status = 'violated'
                              AND (SELECT w.decision FROM reviews w WHERE w.report_id = r.id AND w.fingerprint = f.fingerprint ORDER BY w.id DESC LIMIT 1) = 'dismissed')
                            {metric_cols}
                     FROM {scope} CROSS JOIN versions v ON v.id = r.current_version LEFT JOIN sources s ON s.id = v.source_id
                     WHERE {filter} ORDER BY r.year, u.region_code, u.name, u.id",
                    findings("error"),
                    findings("warning")
                );
                let mut stmt = self.conn.prepare(&sql)?;
                let n = sink.columns.len();
                let first_metric = n - METRICS.len();
                let mut rows = stmt.query(args)?;
                while let Some(row) = rows.next()? {
                    let mut values = (0..n).map(|i| row.get::<_, SqlValue>(i).map(sql_json)).collect::<rusqlite::Result<Vec<_>>>()?;
                    // Counts as whole numbers.
                    for (v, m) in values[first_metric..].iter_mut().zip(METRICS) {
                        if m.kind == govreport::across::metrics::MetricKind::Count
                            && let Some(f) = v.as_f64()
                            && f.fract() == 0.0
                            && f.abs() < 9.0e15
                        {
                            *v = Value::from(f as i64);
                        }
                    }
                    sink.row(values)?;
                }
                Ok(sink.rows)
            }
            ExportKind::Cells => {
                let columns = vec![
                    col("unit_id", "单位编号", "unit id"),
                    col("unit", "单位", "unit"),
                    col("region_code", "行政区划代码", "region code"),
                    col("year", "年度", "year"),
                    col("version_id", "版本编号", "version id"),
                    col("part", "部分", "part"),
                    col("pointer", "指针", "pointer"),
                    col("row", "行", "row"),
                    col("column", "列", "column"),
                    col("state", "状态", "state"),
                    col("value", "数值", "value"),
                    col("src_page", "来源页", "source page"),
                    col("src_table", "来源表格", "source table"),
                    col("src_line", "来源行", "source line"),
                    col("src_column", "来源列", "source column"),
                    col("src_box", "来源位置框", "source box"),
                    col("src_text", "来源文字", "source text"),
                ];
                let mut sink = Sink::new(out, format, columns, query.lang)?;
                let state = if query.lang == Lang::Zh { "st.label" } else { "st.name" };
                let mut stmt = self.conn.prepare(&format!(
                    "SELECT u.id, u.name, u.region_code, r.year, v.id, f.part, f.pointer, f.row_label, f.column_label, {state}, c.value,
                            c.src_page, c.src_table, c.src_line, c.src_column, c.src_box, c.src_text
                     FROM {scope} CROSS JOIN versions v ON v.id = r.current_version
                     CROSS JOIN cells c ON c.version_id = v.id JOIN fields f ON f.id = c.field_id JOIN cell_states st ON st.code = c.state
                     WHERE {filter} ORDER BY r.year, u.region_code, u.name, u.id, f.ord"
                ))?;
                let mut rows = stmt.query(args)?;
                while let Some(row) = rows.next()? {
                    let values = (0..17).map(|i| row.get::<_, SqlValue>(i).map(sql_json)).collect::<rusqlite::Result<Vec<_>>>()?;
                    sink.row(values)?;
                }
                Ok(sink.rows)
            }
            ExportKind::Findings => {
                let columns = vec![
                    col("finding_id", "问题编号", "finding id"),
                    col("unit_id", "单位编号", "unit id"),
                    col("unit", "单位", "unit"),
                    col("year", "年度", "year"),
                    col("version", "版本", "version"),
                    col("origin", "来源", "origin"),
                    col("code", "规则", "code"),
                    col("severity", "级别", "severity"),
                    col("status", "状态", "status"),
                    col("path", "指针", "path"),
                    col("label", "位置", "place"),
                    col("message", "说明", "message"),
                    col("review", "审核", "review"),
                    col("reason", "审核理由", "review reason"),
                ];
                let mut sink = Sink::new(out, format, columns, query.lang)?;
                let list = self.findings(&FindingQuery {
                    year: query.year,
                    region: query.region.clone(),
                    unit: query.unit.clone(),
                    lang: query.lang,
                    ..Default::default()
                })?;
                for f in list {
                    sink.row(vec![
                        Value::from(f.id),
                        Value::from(f.unit_id),
                        Value::from(f.unit),
                        Value::from(f.year),
                        Value::from(f.version),
                        Value::from(f.origin.as_str()),
                        Value::from(f.finding.code),
                        Value::from(f.finding.severity.as_str()),
                        Value::from(f.finding.status.as_str()),
                        Value::from(f.finding.path),
                        Value::from(f.label),
                        Value::from(f.finding.message),
                        Value::from(f.state.label(query.lang)),
                        f.review.and_then(|r| r.reason).map_or(Value::Null, Value::from),
                    ])?;
                }
                Ok(sink.rows)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_when_they_must_be() {
        assert_eq!(csv_field(&Value::from("a,b\"c")), "\"a,b\"\"c\"");
        assert_eq!(csv_field(&Value::from("第一行\n第二行")), "\"第一行\n第二行\"");
        assert_eq!(csv_field(&Value::from("（七）总计，")), "（七）总计，");
        assert_eq!((csv_field(&Value::Null), csv_field(&Value::from(0.75))), (String::new(), "0.75".to_string()));
    }
}
