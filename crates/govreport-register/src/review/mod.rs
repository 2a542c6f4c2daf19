//! The supervising office's annual review of its units' reports: coverage (who published, who
//! is late or missing), findings by rule and by unit, units to follow up, peer benchmarks and
//! trends with charts, and an appendix tracing each figure to its cells and sources.
//!
//! [`Register::supervisor_review`] gathers it as data ([`ReviewPage`], serializable for a web
//! page); [`ReviewPage::to_html`] and [`ReviewPage::to_docx`] write it in the official's
//! language. Both are made from one list of blocks ([`ReviewPage::blocks`]), so they say the
//! same.

pub mod chart;
mod docx;
mod html;

use std::collections::{BTreeMap, BTreeSet};

use govreport::across::metrics::{self, METRICS, MetricKind};
use govreport::{Format, Lang, labels};
use serde::Serialize;

use crate::error::Result;
use crate::findings::{FindingQuery, ReviewState};
use crate::stats::{Benchmark, BenchmarkQuery, Coverage, FindingCounts, Trend, TrendQuery, UnitYear};
use crate::versions::SourceInfo;
use crate::{Register, now};
use chart::{Bar, Chart, Point, Reference};

/// How many units a benchmark chart shows (the rest are in the tables and the export).
const CHART_UNITS: usize = 40;
/// How many units a benchmark table lists (all are in `register export`).
const TABLE_UNITS: usize = 200;

/// Findings of one rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    /// The rule's code.
    pub code: String,
    /// Its title in the page's language.
    pub title: String,
    /// Its severity.
    pub severity: String,
    /// Findings not dismissed.
    pub findings: usize,
    /// Units with such a finding not dismissed.
    pub units: usize,
    /// Findings dismissed by a reviewer.
    pub dismissed: usize,
}

/// A unit's findings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UnitFindings {
    /// The unit.
    pub unit_id: i64,
    /// Its name.
    pub unit: String,
    /// Its counts.
    pub counts: FindingCounts,
}

/// A unit the office should follow up, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FollowUp {
    /// The unit.
    pub unit_id: i64,
    /// Its name.
    pub unit: String,
    /// Why, in the page's language.
    pub reasons: Vec<String>,
}

/// A cell a figure was made from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TraceCell {
    /// Its pointer.
    pub pointer: String,
    /// Its name from the label table.
    pub label: String,
    /// What it holds ("" blank, "/", a number; "缺"/"absent" when not given).
    pub value: String,
}

/// A metric of a unit, traced to its cells.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MetricTrace {
    /// The metric's id.
    pub metric: String,
    /// Its name.
    pub name: String,
    /// Its value.
    pub value: Option<f64>,
    /// The value as shown.
    pub shown: String,
    /// The formula in the label table's words.
    pub formula: String,
    /// The formula with the unit's numbers.
    pub worked: String,
    /// The cells read.
    pub cells: Vec<TraceCell>,
}

/// Where a unit's figures come from: its current version and the file it was read from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Trace {
    /// The unit.
    pub unit_id: i64,
    /// Its name.
    pub unit: String,
    /// Its current version.
    pub version_id: i64,
    /// That version's number.
    pub version: i64,
    /// Why that version was made.
    pub reason: Option<String>,
    /// The batch that ingested it.
    pub batch_id: Option<i64>,
    /// The file it was read from (None for a version made by hand).
    pub source: Option<SourceInfo>,
    /// Its metrics with their cells.
    pub metrics: Vec<MetricTrace>,
}

/// The supervisor's review of a year in a region.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReviewPage {
    /// The reporting year.
    pub year: i64,
    /// The region code prefix (None: the whole register).
    pub region: Option<String>,
    /// The page's language (`zh` or `en`).
    pub lang: Lang,
    /// When it was made (UTC).
    pub generated_at: String,
    /// Every unit expected, with whether it published.
    pub coverage: Vec<UnitYear>,
    /// Findings by rule, most first.
    pub by_rule: Vec<RuleCount>,
    /// Units with findings, most errors first.
    pub by_unit: Vec<UnitFindings>,
    /// Units to follow up.
    pub follow_up: Vec<FollowUp>,
    /// Each metric among each peer group.
    pub benchmarks: Vec<Benchmark>,
    /// Each metric over five years for the region.
    pub trends: Vec<Trend>,
    /// Each unit's figures traced to cells and sources.
    pub appendix: Vec<Trace>,
}

/// A block of the page, as both writers write it.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// The title.
    Title(String),
    /// A heading: level 1 or 2.
    Heading(u8, String),
    /// A paragraph.
    Para(String),
    /// A table with a caption and a heading row.
    Table { caption: String, header: Vec<String>, rows: Vec<Vec<String>> },
    /// A chart with its caption.
    Figure { caption: String, chart: Chart },
}

fn t(lang: Lang, zh: &str, en: &str) -> String {
    if lang == Lang::Zh { zh.to_string() } else { en.to_string() }
}

fn show(value: Option<f64>, kind: MetricKind) -> String {
    match (value, kind) {
        (None, _) => "—".into(),
        (Some(v), MetricKind::Share) => format!("{:.1}%", v * 100.0),
        (Some(v), MetricKind::Count) if v.fract() == 0.0 => format!("{v}"),
        (Some(v), MetricKind::Count) => format!("{v:.1}"),
    }
}

impl Register {
    /// The review of `year` for the units of `region` (all when None), in `lang`.
    pub fn supervisor_review(&self, year: u16, region: Option<&str>, lang: Lang) -> Result<ReviewPage> {
        let coverage = self.status(year, region)?;
        let findings =
            self.findings(&FindingQuery { year: Some(year), region: region.map(str::to_string), violated_only: true, lang, ..Default::default() })?;
        let mut rules: BTreeMap<String, (RuleCount, BTreeSet<i64>)> = BTreeMap::new();
        for f in &findings {
            let entry = rules.entry(f.finding.code.clone()).or_insert_with(|| {
                let title = govreport::rule(&f.finding.code).map_or_else(|| f.finding.name.clone(), |r| r.title(lang).to_string());
                (
                    RuleCount { code: f.finding.code.clone(), title, severity: f.finding.severity.as_str().into(), findings: 0, units: 0, dismissed: 0 },
                    BTreeSet::new(),
                )
            });
            if f.state == ReviewState::Dismissed {
                entry.0.dismissed += 1;
            } else {
                entry.0.findings += 1;
                entry.1.insert(f.unit_id);
            }
        }
        let mut by_rule: Vec<RuleCount> = rules
            .into_values()
            .map(|(mut c, units)| {
                c.units = units.len();
                c
            })
            .collect();
        by_rule.sort_by(|a, b| b.findings.cmp(&a.findings).then(a.code.cmp(&b.code)));
        let mut by_unit: Vec<UnitFindings> = coverage
            .iter()
            .filter(|u| u.findings != FindingCounts::default())
            .map(|u| UnitFindings { unit_id: u.unit.id, unit: u.unit.name.clone(), counts: u.findings })
            .collect();
        by_unit.sort_by(|a, b| b.counts.errors.cmp(&a.counts.errors).then(b.counts.warnings.cmp(&a.counts.warnings)).then(a.unit.cmp(&b.unit)));
        // Per unit: errors and warnings open or confirmed (to be handled), and how many confirmed.
        let mut pending: BTreeMap<i64, (usize, usize, usize)> = BTreeMap::new();
        for f in &findings {
            if matches!(f.state, ReviewState::Open | ReviewState::Confirmed) {
                let e = pending.entry(f.unit_id).or_default();
                match f.finding.severity {
                    govreport::Severity::Error => e.0 += 1,
                    govreport::Severity::Warning => e.1 += 1,
                    govreport::Severity::Info => continue,
                }
                e.2 += usize::from(f.state == ReviewState::Confirmed);
            }
        }
        let follow_up = coverage
            .iter()
            .filter_map(|u| {
                let mut reasons = vec![];
                match u.coverage {
                    Coverage::Missing => reasons.push(t(lang, "未收到本年度报告", "no report for the year")),
                    Coverage::Late => reasons.push(t(lang, "逾期发布", "published late")),
                    Coverage::Published => {}
                }
                let (errors, warnings, confirmed) = pending.get(&u.unit.id).copied().unwrap_or_default();
                if errors + warnings > 0 {
                    reasons.push(match lang {
                        Lang::Zh => format!(
                            "{errors} 个错误、{warnings} 个警告待处理{}",
                            if confirmed > 0 { format!("（其中已确认 {confirmed} 个）") } else { String::new() }
                        ),
                        Lang::En => format!(
                            "{errors} errors and {warnings} warnings to handle{}",
                            if confirmed > 0 { format!(" ({confirmed} confirmed)") } else { String::new() }
                        ),
                    });
                }
                (!reasons.is_empty()).then(|| FollowUp { unit_id: u.unit.id, unit: u.unit.name.clone(), reasons })
            })
            .collect();
        let benchmarks = self.benchmarks(&BenchmarkQuery { year, region: region.map(str::to_string), metrics: vec![], lang })?;
        let trends = self.trends(&TrendQuery { region: region.map(str::to_string), to_year: Some(year), years: 5, lang, ..Default::default() })?;
        let mut appendix = vec![];
        for u in &coverage {
            let Some(version) = u.version_id else { continue };
            let info = self.version(version)?;
            let report = self.document(version)?;
            let format = report.format();
            let metrics = metrics::evaluate(&report)
                .into_iter()
                .map(|e| MetricTrace {
                    metric: e.metric.id.to_string(),
                    name: e.metric.name(lang),
                    shown: show(e.value, e.metric.kind),
                    formula: e.metric.formula_text(format, lang),
                    worked: e.worked(lang),
                    cells: e
                        .operands
                        .iter()
                        .map(|o| TraceCell {
                            label: labels::cell_name(format, o.pointer, lang),
                            value: match &o.value {
                                None => t(lang, "缺", "absent"),
                                Some(serde_json::Value::Null) => t(lang, "空白", "blank"),
                                Some(serde_json::Value::String(s)) => s.clone(),
                                Some(v) => v.to_string(),
                            },
                            pointer: o.pointer.to_string(),
                        })
                        .collect(),
                    value: e.value,
                })
                .collect();
            appendix.push(Trace {
                unit_id: u.unit.id,
                unit: u.unit.name.clone(),
                version_id: version,
                version: info.number,
                reason: info.reason,
                batch_id: info.batch_id,
                source: info.source,
                metrics,
            });
        }
        Ok(ReviewPage {
            year: i64::from(year),
            region: region.map(str::to_string),
            lang,
            generated_at: now(),
            coverage,
            by_rule,
            by_unit,
            follow_up,
            benchmarks,
            trends,
            appendix,
        })
    }
}

impl ReviewPage {
    /// The page as HTML: one self-contained file, charts as inline SVG, no scripts.
    pub fn to_html(&self) -> String {
        html::write(self)
    }

    /// The page as a Word file: the same blocks, charts as SVG with a PNG fallback.
    pub fn to_docx(&self) -> Result<Vec<u8>> {
        docx::write(self)
    }

    fn title(&self) -> String {
        let scope = match &self.region {
            Some(r) => t(self.lang, &format!("（行政区划代码 {r}）"), &format!(" (region {r})")),
            None => String::new(),
        };
        if self.lang == Lang::Zh {
            format!("{}年度政府信息公开工作年度报告审查情况{scope}", self.year)
        } else {
            format!("Review of the annual government information disclosure reports for {}{scope}", self.year)
        }
    }

    /// The page's content, in order, as both writers write it.
    pub fn blocks(&self) -> Vec<Block> {
        let lang = self.lang;
        let mut out = vec![Block::Title(self.title())];
        let count = |c: Coverage| self.coverage.iter().filter(|u| u.coverage == c).count();
        let (published, late, missing) = (count(Coverage::Published), count(Coverage::Late), count(Coverage::Missing));
        out.push(Block::Para(if lang == Lang::Zh {
            format!(
                "本审查依据登记库中各单位报告的当前版本生成（生成时间 {} UTC）。应报送单位 {} 家（本年度或上年度有报告的单位），按时发布 {published} 家，逾期发布 {late} 家，未收到报告 {missing} 家。",
                self.generated_at.get(..16).unwrap_or(&self.generated_at).replace('T', " "),
                self.coverage.len()
            )
        } else {
            format!(
                "Made from the current version of each unit's report in the register ({} UTC). Units expected: {} (a report this year or last); published on time {published}, late {late}, no report {missing}.",
                self.generated_at.get(..16).unwrap_or(&self.generated_at).replace('T', " "),
                self.coverage.len()
            )
        }));

        out.push(Block::Heading(1, t(lang, "一、报告发布情况", "1. Publication")));
        out.push(Block::Figure {
            caption: t(lang, "图1 报告发布情况（单位数）", "Figure 1. Publication (units)"),
            chart: chart::bars(
                &t(lang, "报告发布情况", "Publication"),
                &[
                    Bar { label: Coverage::Published.label(lang).into(), value: published as f64, shown: published.to_string(), colour: chart::GREEN },
                    Bar { label: Coverage::Late.label(lang).into(), value: late as f64, shown: late.to_string(), colour: chart::ORANGE },
                    Bar { label: Coverage::Missing.label(lang).into(), value: missing as f64, shown: missing.to_string(), colour: chart::RED },
                ],
                &[],
            ),
        });
        out.push(Block::Table {
            caption: t(lang, "表1 各单位报告发布情况", "Table 1. Publication by unit"),
            header: [
                t(lang, "单位", "Unit"),
                t(lang, "类型", "Kind"),
                t(lang, "状态", "Status"),
                t(lang, "发布日期", "Published"),
                t(lang, "版本数", "Versions"),
            ]
            .to_vec(),
            rows: self
                .coverage
                .iter()
                .map(|u| {
                    vec![
                        u.unit.name.clone(),
                        crate::stats::kind_label(&u.unit.kind, lang),
                        u.coverage.label(lang).to_string(),
                        u.published_on.clone().unwrap_or_default(),
                        u.versions.to_string(),
                    ]
                })
                .collect(),
        });

        out.push(Block::Heading(1, t(lang, "二、发现的问题", "2. Findings")));
        if self.by_rule.is_empty() {
            out.push(Block::Para(t(lang, "未发现问题。", "No findings.")));
        } else {
            let top: Vec<Bar> = self
                .by_rule
                .iter()
                .filter(|r| r.findings > 0)
                .take(15)
                .map(|r| Bar {
                    label: format!("{} {}", r.code, r.title),
                    value: r.findings as f64,
                    shown: r.findings.to_string(),
                    colour: if r.severity == "error" { chart::RED } else { chart::BLUE },
                })
                .collect();
            if !top.is_empty() {
                out.push(Block::Figure {
                    caption: t(lang, "图2 按规则统计的问题数（不含已排除，最多15条规则）", "Figure 2. Findings by rule (dismissed left out; at most 15 rules)"),
                    chart: chart::bars(&t(lang, "按规则统计的问题数", "Findings by rule"), &top, &[]),
                });
            }
            out.push(Block::Table {
                caption: t(lang, "表2 按规则统计", "Table 2. By rule"),
                header: [
                    t(lang, "规则", "Rule"),
                    t(lang, "说明", "Title"),
                    t(lang, "级别", "Severity"),
                    t(lang, "问题数", "Findings"),
                    t(lang, "涉及单位", "Units"),
                    t(lang, "已排除", "Dismissed"),
                ]
                .to_vec(),
                rows: self
                    .by_rule
                    .iter()
                    .map(|r| {
                        vec![
                            r.code.clone(),
                            r.title.clone(),
                            severity_label(&r.severity, lang),
                            r.findings.to_string(),
                            r.units.to_string(),
                            r.dismissed.to_string(),
                        ]
                    })
                    .collect(),
            });
            out.push(Block::Table {
                caption: t(lang, "表3 按单位统计", "Table 3. By unit"),
                header: [
                    t(lang, "单位", "Unit"),
                    t(lang, "错误", "Errors"),
                    t(lang, "警告", "Warnings"),
                    t(lang, "待审核", "Open"),
                    t(lang, "已确认", "Confirmed"),
                    t(lang, "已排除", "Dismissed"),
                    t(lang, "已整改", "Fixed"),
                ]
                .to_vec(),
                rows: self
                    .by_unit
                    .iter()
                    .map(|u| {
                        let c = &u.counts;
                        vec![
                            u.unit.clone(),
                            c.errors.to_string(),
                            c.warnings.to_string(),
                            c.open.to_string(),
                            c.confirmed.to_string(),
                            c.dismissed.to_string(),
                            c.fixed.to_string(),
                        ]
                    })
                    .collect(),
            });
        }

        out.push(Block::Heading(1, t(lang, "三、需跟进的单位", "3. Units to follow up")));
        if self.follow_up.is_empty() {
            out.push(Block::Para(t(lang, "无。", "None.")));
        } else {
            out.push(Block::Table {
                caption: t(lang, "表4 需跟进的单位", "Table 4. Units to follow up"),
                header: vec![t(lang, "单位", "Unit"), t(lang, "原因", "Why")],
                rows: self.follow_up.iter().map(|f| vec![f.unit.clone(), f.reasons.join(t(lang, "；", "; ").as_str())]).collect(),
            });
        }

        out.push(Block::Heading(1, t(lang, "四、同类单位对比", "4. Peer benchmarks")));
        out.push(Block::Para(t(
            lang,
            "同类单位指同一年度、同一区划范围内类型和层级相同的单位。P25、P50、P75 分别为下四分位数、中位数和上四分位数；排名按数值从高到低。指标定义见附录。",
            "Peers are units of the same kind and level in the same region and year. P25, P50 and P75 are the lower quartile, the median and the upper quartile; ranks run from the highest value. Definitions are in the appendix.",
        )));
        let mut figure = 3;
        for m in METRICS {
            let groups: Vec<&Benchmark> = self.benchmarks.iter().filter(|b| b.metric == m.id && b.n > 0).collect();
            if groups.is_empty() {
                continue;
            }
            out.push(Block::Heading(2, format!("{}（{}）", m.name(lang), m.unit(lang))));
            for b in groups {
                let group = b.group.label(lang);
                let bars: Vec<Bar> = b
                    .units
                    .iter()
                    .take(CHART_UNITS)
                    .map(|u| Bar { label: u.unit.clone(), value: u.value, shown: show(Some(u.value), m.kind), colour: chart::BLUE })
                    .collect();
                let refs: Vec<Reference> = [("P25", b.p25, chart::GREY), ("P50", b.p50, chart::ORANGE), ("P75", b.p75, chart::GREY)]
                    .into_iter()
                    .filter_map(|(l, v, c)| v.map(|v| Reference { label: format!("{l} {}", show(Some(v), m.kind)), value: v, colour: c }))
                    .collect();
                let more = if b.units.len() > CHART_UNITS {
                    t(lang, &format!("（图中列出前{CHART_UNITS}家）"), &format!(" (the first {CHART_UNITS} shown)"))
                } else {
                    String::new()
                };
                out.push(Block::Figure {
                    caption: if lang == Lang::Zh {
                        format!("图{figure} {}：{group}，{} 家{more}", m.name(lang), b.n)
                    } else {
                        format!("Figure {figure}. {}: {group}, {} units{more}", m.name(lang), b.n)
                    },
                    chart: chart::bars(&format!("{} — {group}", m.name(lang)), &bars, &refs),
                });
                figure += 1;
                let quartiles = format!("P25 {}，P50 {}，P75 {}", show(b.p25, m.kind), show(b.p50, m.kind), show(b.p75, m.kind));
                out.push(Block::Para(if lang == Lang::Zh {
                    format!("{group}：{} 家有数值，{quartiles}{}。", b.n, if b.without > 0 { format!("；{} 家无法计算", b.without) } else { String::new() })
                } else {
                    format!(
                        "{group}: {} units with a value; {}{}.",
                        b.n,
                        quartiles.replace('，', ", "),
                        if b.without > 0 { format!("; {} not computable", b.without) } else { String::new() }
                    )
                }));
                let shown_rows = b.units.len().min(TABLE_UNITS);
                out.push(Block::Table {
                    caption: if b.units.len() > TABLE_UNITS {
                        t(
                            lang,
                            &format!("{} — {group}（前{TABLE_UNITS}家，全部见 register export）", m.name(lang)),
                            &format!("{} — {group} (first {TABLE_UNITS}; all in register export)", m.name(lang)),
                        )
                    } else {
                        format!("{} — {group}", m.name(lang))
                    },
                    header: vec![t(lang, "排名", "Rank"), t(lang, "单位", "Unit"), t(lang, "数值", "Value")],
                    rows: b.units[..shown_rows].iter().map(|u| vec![format!("{}/{}", u.rank, b.n), u.unit.clone(), show(Some(u.value), m.kind)]).collect(),
                });
            }
        }

        out.push(Block::Heading(1, t(lang, "五、近年趋势", "5. Trends")));
        out.push(Block::Para(t(
            lang,
            "各年度取区划内各单位当前版本的中位数，阴影为四分位区间；件数类指标另列合计。",
            "Each year shows the median over the units of the region (current versions), the band the quartiles; counts also show their sum.",
        )));
        for tr in &self.trends {
            let Some(m) = metrics::metric(&tr.metric) else { continue };
            if tr.points.iter().all(|p| p.n == 0) {
                continue;
            }
            let points: Vec<Point> =
                tr.points.iter().map(|p| Point { year: p.year, value: p.value, band: p.p25.zip(p.p75), shown: show(p.value, m.kind) }).collect();
            out.push(Block::Figure {
                caption: if lang == Lang::Zh {
                    format!("图{figure} {}，{}—{}年", tr.name, tr.points[0].year, self.year)
                } else {
                    format!("Figure {figure}. {}, {}–{}", tr.name, tr.points[0].year, self.year)
                },
                chart: chart::trend(&tr.name, &points, &t(lang, "四分位区间", "quartiles"), &t(lang, "中位数", "median")),
            });
            figure += 1;
            out.push(Block::Table {
                caption: tr.name.clone(),
                header: [t(lang, "年度", "Year"), t(lang, "单位数", "Units"), "P25".into(), t(lang, "中位数", "Median"), "P75".into(), t(lang, "合计", "Sum")]
                    .to_vec(),
                rows: tr
                    .points
                    .iter()
                    .map(|p| {
                        vec![
                            p.year.to_string(),
                            p.n.to_string(),
                            show(p.p25, m.kind),
                            show(p.value, m.kind),
                            show(p.p75, m.kind),
                            show(p.total, MetricKind::Count),
                        ]
                    })
                    .collect(),
            });
        }

        out.push(Block::Heading(1, t(lang, "附录 数据来源", "Appendix: where each figure comes from")));
        out.push(Block::Heading(2, t(lang, "指标定义", "Definitions")));
        out.push(Block::Table {
            caption: t(lang, "指标字典", "Metric dictionary"),
            header: [
                t(lang, "指标", "Metric"),
                t(lang, "定义", "Definition"),
                t(lang, "公式", "Formula"),
                t(lang, "注意", "Caveats"),
                t(lang, "版本", "Version"),
            ]
            .to_vec(),
            rows: METRICS
                .iter()
                .map(|m| vec![m.name(lang), m.definition(lang).into(), m.formula_text(Format::F2021, lang), m.caveats(lang).into(), m.version.to_string()])
                .collect(),
        });
        for a in &self.appendix {
            out.push(Block::Heading(2, a.unit.clone()));
            let source = match &a.source {
                Some(s) => format!("{}（SHA-256 {}…，{}）", s.name, &s.sha256[..s.sha256.len().min(12)], s.kind),
                None => t(lang, "人工更正", "corrected by hand"),
            };
            out.push(Block::Para(if lang == Lang::Zh {
                format!(
                    "当前版本：第{}版（版本编号 {}{}）；来源：{source}；原因：{}。",
                    a.version,
                    a.version_id,
                    a.batch_id.map(|b| format!("，批次 {b}")).unwrap_or_default(),
                    a.reason.clone().unwrap_or_default()
                )
            } else {
                format!(
                    "Current version: {} (id {}{}); source: {source}; reason: {}.",
                    a.version,
                    a.version_id,
                    a.batch_id.map(|b| format!(", batch {b}")).unwrap_or_default(),
                    a.reason.clone().unwrap_or_default()
                )
            }));
            out.push(Block::Table {
                caption: t(lang, "指标及其单元格", "Metrics and their cells"),
                header: [t(lang, "指标", "Metric"), t(lang, "数值", "Value"), t(lang, "代入", "Worked"), t(lang, "单元格", "Cells")].to_vec(),
                rows: a
                    .metrics
                    .iter()
                    .map(|m| {
                        let cells: Vec<String> = m.cells.iter().map(|c| format!("{} {} = {}", c.label, c.pointer, c.value)).collect();
                        vec![m.name.clone(), m.shown.clone(), m.worked.clone(), cells.join("\n")]
                    })
                    .collect(),
            });
        }
        out
    }
}

fn severity_label(severity: &str, lang: Lang) -> String {
    match (severity, lang) {
        ("error", Lang::Zh) => "错误".into(),
        ("warning", Lang::Zh) => "警告".into(),
        ("info", Lang::Zh) => "提示".into(),
        (s, _) => s.to_string(),
    }
}
