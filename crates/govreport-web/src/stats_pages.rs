//! Across the register: peer benchmarks and trends as charts (drawn by the register's chart
//! module as SVG), the supervisor's review page, CSV export, and the list of rules.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use govreport::across::metrics::{self, METRICS};
use govreport_register::review::{Block, chart as charts};
use govreport_register::{Benchmark, BenchmarkQuery, ExportFormat, ExportKind, ExportQuery, Trend, TrendQuery, UnitRef};
use maud::{Markup, html};
use serde::Deserialize;

use crate::app::App;
use crate::error::WebError;
use crate::findings_view::severity_label;
use crate::i18n::{Here, Ui};
use crate::page::{Nav, download, page};
use crate::register_pages::{chart, region_of};

/// What the statistics pages are asked for.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct StatsQuery {
    #[serde(default)]
    year: Option<u16>,
    #[serde(default)]
    region: Option<String>,
    #[serde(default)]
    metric: Option<String>,
    #[serde(default)]
    unit: Option<String>,
}

fn show(metric: &str, v: Option<f64>) -> String {
    match (metrics::metric(metric), v) {
        (_, None) => "—".into(),
        (Some(m), Some(v)) => m.display(v),
        (None, Some(v)) => format!("{v}"),
    }
}

/// The latest year of the register, or an error page saying it is empty.
fn latest_year(years: &[govreport_register::YearSummary]) -> Result<u16, WebError> {
    years.iter().map(|y| y.year).max().map(|y| y as u16).ok_or_else(|| {
        WebError::not_found(
            "登记库中还没有报告：请先在“登记库”页面登记各单位的报告。",
            "The register has no reports yet: add the units' reports on the Register page first.",
        )
    })
}

/// The filter form; `years` are offered latest first.
fn filters(ui: Ui, action: &str, q: &StatsQuery, years: &[i64], with_metric: bool, with_unit: bool) -> Markup {
    let mut years = years.to_vec();
    years.sort_unstable_by(|a, b| b.cmp(a));
    html! {
        form.filters method="get" action=(action) {
            @if !years.is_empty() {
                label for="s-year" { (ui.t("年度", "Year")) } " "
                select #s-year name="year" {
                    @for y in &years { option value=(y) selected[q.year.map(i64::from) == Some(*y)] { (y) } }
                }
                " "
            }
            label for="s-region" { (ui.t("区划代码（前缀）", "Region (prefix)")) } " "
            input #s-region type="text" name="region" size="8" value=(q.region.clone().unwrap_or_default());
            " "
            @if with_metric {
                label for="s-metric" { (ui.t("指标", "Metric")) } " "
                select #s-metric name="metric" {
                    option value="" { (ui.t("全部", "all")) }
                    @for m in METRICS { option value=(m.id) selected[q.metric.as_deref() == Some(m.id)] { (m.name(ui.lang)) } }
                }
                " "
            }
            @if with_unit {
                label for="s-unit" { (ui.t("单位（名称或编号）", "Unit (name or id)")) } " "
                input #s-unit type="text" name="unit" size="18" value=(q.unit.clone().unwrap_or_default());
                " "
            }
            button type="submit" { (ui.t("显示", "Show")) }
        }
    }
}

fn benchmark_block(ui: Ui, b: &Benchmark) -> Markup {
    let group = b.group.label(ui.lang);
    let bars: Vec<charts::Bar> = b
        .units
        .iter()
        .take(40)
        .map(|u| charts::Bar { label: u.unit.clone(), value: u.value, shown: show(&b.metric, Some(u.value)), colour: charts::BLUE })
        .collect();
    let refs: Vec<charts::Reference> = [("P25", b.p25, charts::GREY), ("P50", b.p50, charts::ORANGE), ("P75", b.p75, charts::GREY)]
        .into_iter()
        .filter_map(|(l, v, c)| v.map(|v| charts::Reference { label: format!("{l} {}", show(&b.metric, Some(v))), value: v, colour: c }))
        .collect();
    let picture = charts::bars(&format!("{} — {group}", b.name), &bars, &refs);
    html! {
        section.bench {
            h2 { (b.name) " · " (group) }
            p {
                (b.n) (ui.t(" 家有数值", " units with a value"))
                @if b.without > 0 { (ui.t("，", ", ")) (b.without) (ui.t(" 家无法计算", " not computable")) }
                " · P25 " (show(&b.metric, b.p25)) " · P50 " (show(&b.metric, b.p50)) " · P75 " (show(&b.metric, b.p75))
                " · " (ui.t("单位：", "unit: ")) (b.unit)
            }
            (chart(picture.to_svg(), &format!("{} — {group}", b.name)))
            details {
                summary { (ui.t("排名表", "Ranking")) }
                table.list {
                    thead { tr { th scope="col" { (ui.t("排名", "Rank")) } th scope="col" { (ui.t("单位", "Unit")) } th scope="col" { (ui.t("数值", "Value")) } } }
                    tbody {
                        @for u in &b.units {
                            tr { td { (u.rank) "/" (b.n) } td { a href={ "/units/" (u.unit_id) } { (u.unit) } } td.n { (show(&b.metric, Some(u.value))) } }
                        }
                    }
                }
            }
        }
    }
}

/// Peer benchmarks of a year: P25/P50/P75 and each unit's rank, as charts.
pub(crate) async fn benchmarks(State(app): State<App>, ui: Ui, Here(here): Here, Query(mut q): Query<StatsQuery>) -> Result<Response, WebError> {
    let lang = ui.lang;
    let q2 = q.clone();
    let (years, list) = app
        .read(move |r| {
            let years = r.years()?;
            let year = match q2.year {
                Some(y) => y,
                None => latest_year(&years)?,
            };
            let query =
                BenchmarkQuery { year, region: region_of(&q2.region), metrics: q2.metric.clone().filter(|m| !m.is_empty()).into_iter().collect(), lang };
            Ok((years, r.benchmarks(&query)?))
        })
        .await?;
    if q.year.is_none() {
        q.year = latest_year(&years).ok();
    }
    let year_list: Vec<i64> = years.iter().map(|y| y.year).collect();
    let shown: Vec<&Benchmark> = list.iter().filter(|b| b.n > 0).collect();
    let body = html! {
        h1 { (ui.t("同类单位对比", "Peer benchmarks")) " " (q.year.map(|y| y.to_string()).unwrap_or_default()) }
        p.lead { (ui.t(
            "同类单位：同一年度、同一区划范围内类型和层级相同的单位。P25、P50、P75 为下四分位数、中位数、上四分位数；排名按数值从高到低。",
            "Peers: units of the same kind and level in the same region and year. P25, P50 and P75 are the lower quartile, the median and the upper quartile; ranks run from the highest value.",
        )) }
        (filters(ui, "/benchmarks", &q, &year_list, true, false))
        @if shown.is_empty() { p.empty { (ui.t("没有可比较的数值。", "No values to compare.")) } }
        @for b in shown { (benchmark_block(ui, b)) }
    };
    Ok(page(ui, &here, ui.t("同类对比", "Benchmarks"), Nav::Benchmarks, body))
}

/// A trend as a line chart: a unit's values, or a region's median with its quartile band.
pub(crate) fn trend_chart(ui: Ui, t: &Trend, region: bool) -> Markup {
    let points: Vec<charts::Point> = t
        .points
        .iter()
        .map(|p| charts::Point { year: p.year, value: p.value, band: if region { p.p25.zip(p.p75) } else { None }, shown: show(&t.metric, p.value) })
        .collect();
    let line = if region { ui.t("中位数", "median") } else { ui.t("本单位", "this unit") };
    let title = format!("{} · {}", t.name, if t.scope.is_empty() { ui.t("全部单位", "all units").to_string() } else { t.scope.clone() });
    let picture = charts::trend(&title, &points, ui.t("四分位区间 P25–P75", "quartile band P25–P75"), line);
    chart(picture.to_svg(), &format!("{title}（{}）", t.unit))
}

/// Trends over three to five years, of a unit or of a region's units.
pub(crate) async fn trends(State(app): State<App>, ui: Ui, Here(here): Here, Query(q): Query<StatsQuery>) -> Result<Response, WebError> {
    let lang = ui.lang;
    let q2 = q.clone();
    let (years, list) = app
        .read(move |r| {
            let years = r.years()?;
            if years.is_empty() {
                return Ok((years, vec![]));
            }
            let unit = q2.unit.as_deref().map(str::trim).filter(|u| !u.is_empty()).map(UnitRef::parse);
            let query = TrendQuery {
                unit,
                region: region_of(&q2.region),
                metrics: q2.metric.clone().filter(|m| !m.is_empty()).into_iter().collect(),
                to_year: q2.year,
                lang,
                ..TrendQuery::default()
            };
            Ok((years, r.trends(&query)?))
        })
        .await?;
    let region = q.unit.as_deref().is_none_or(|u| u.trim().is_empty());
    let year_list: Vec<i64> = years.iter().map(|y| y.year).collect();
    let shown: Vec<&Trend> = list.iter().filter(|t| t.points.iter().any(|p| p.value.is_some())).collect();
    let body = html! {
        h1 { (ui.t("近年趋势", "Trends")) }
        p.lead { (ui.t(
            "区划：各年度取区划内各单位当前版本的中位数，阴影为四分位区间。单位：该单位各年度的数值。",
            "A region: each year's median over its units (current versions), the band the quartiles. A unit: its value each year.",
        )) }
        (filters(ui, "/trends", &q, &year_list, true, true))
        @if shown.is_empty() { p.empty { (ui.t("没有可显示的数值。", "No values to show.")) } }
        div.charts { @for t in shown { (trend_chart(ui, t, region)) } }
    };
    Ok(page(ui, &here, ui.t("趋势", "Trends"), Nav::Trends, body))
}

fn blocks(blocks: Vec<Block>) -> Markup {
    html! {
        @for b in blocks {
            @match b {
                Block::Title(t) => h1 { (t) },
                Block::Heading(1, t) => h2 { (t) },
                Block::Heading(_, t) => h3 { (t) },
                Block::Para(t) => p { (t) },
                Block::Table { caption, header, rows } => {
                    div.table-wrap {
                        table.list {
                            caption { (caption) }
                            thead { tr { @for h in header { th scope="col" { (h) } } } }
                            tbody { @for row in rows { tr { @for c in row { td { @for (i, line) in c.lines().enumerate() { @if i > 0 { br; } (line) } } } } } }
                        }
                    }
                },
                Block::Figure { caption, chart: picture } => { (chart(picture.to_svg(), &caption)) },
            }
        }
    }
}

/// The supervisor's review of a year, in the page; downloadable as HTML and Word.
pub(crate) async fn review(State(app): State<App>, ui: Ui, Here(here): Here, Query(mut q): Query<StatsQuery>) -> Result<Response, WebError> {
    let lang = ui.lang;
    let q2 = q.clone();
    let (years, page_blocks, year) = app
        .read(move |r| {
            let years = r.years()?;
            let year = match q2.year {
                Some(y) => y,
                None => latest_year(&years)?,
            };
            let review = r.supervisor_review(year, region_of(&q2.region).as_deref(), lang)?;
            Ok((years, review.blocks(), year))
        })
        .await?;
    q.year = Some(year);
    let year_list: Vec<i64> = years.iter().map(|y| y.year).collect();
    let query = format!("year={year}{}", region_of(&q.region).map(|r| format!("&region={}", crate::page::percent(&r))).unwrap_or_default());
    let body = html! {
        (filters(ui, "/review", &q, &year_list, false, false))
        p.downloads {
            (ui.t("下载：", "Download: "))
            a href={ "/review/download/html?" (query) } download { "HTML" } " · "
            a href={ "/review/download/docx?" (query) } download { "Word (.docx)" }
        }
        article.review-page { (blocks(page_blocks)) }
    };
    Ok(page(ui, &here, ui.t("审查报告", "Supervisor's review"), Nav::Review, body))
}

/// The review page as a file: the supervising office's document, in Chinese.
pub(crate) async fn review_download(State(app): State<App>, Path(what): Path<String>, Query(q): Query<StatsQuery>) -> Result<Response, WebError> {
    let lang = govreport::Lang::Zh;
    if what != "html" && what != "docx" {
        return Err(WebError::not_found("没有这种下载格式（可选 HTML、Word）。", "No such download (HTML or Word)."));
    }
    let (bytes, year) = app
        .read(move |r| {
            let year = match q.year {
                Some(y) => y,
                None => latest_year(&r.years()?)?,
            };
            let review = r.supervisor_review(year, region_of(&q.region).as_deref(), lang)?;
            let bytes = if what == "html" { review.to_html().into_bytes() } else { review.to_docx()? };
            Ok((bytes, year))
        })
        .await?;
    let (kind, ext) = if bytes.starts_with(b"PK") {
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx")
    } else {
        ("text/html; charset=utf-8", "html")
    };
    Ok(download(bytes, kind, &format!("review-{year}.{ext}"), &format!("{year}年度政府信息公开工作年度报告审查情况.{ext}")))
}

/// What to export.
#[derive(Deserialize)]
pub(crate) struct ExportParams {
    #[serde(default)]
    what: Option<String>,
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    year: Option<String>,
    #[serde(default)]
    region: Option<String>,
}

/// The current reports, cells or findings as CSV (for spreadsheets) or JSON Lines.
pub(crate) async fn export(State(app): State<App>, ui: Ui, Query(p): Query<ExportParams>) -> Result<Response, WebError> {
    let what = p.what.unwrap_or_else(|| "reports".into());
    let format = p.format.unwrap_or_else(|| "csv".into());
    let kind = ExportKind::parse(&what).ok_or_else(|| WebError::bad_request(format!("不能导出“{what}”"), format!("Cannot export “{what}”")))?;
    let as_ = ExportFormat::parse(&format).ok_or_else(|| WebError::bad_request(format!("没有“{format}”这种格式"), format!("No format “{format}”")))?;
    let year = match p.year.as_deref().map(str::trim).filter(|y| !y.is_empty()) {
        None => None,
        Some(y) => Some(y.parse::<u16>().map_err(|_| WebError::bad_request(format!("年度“{y}”不是数字"), format!("The year “{y}” is not a number")))?),
    };
    let query = ExportQuery { year, region: region_of(&p.region), unit: None, lang: ui.lang };
    let bytes = app
        .read(move |r| {
            let mut out = vec![];
            r.export(kind, as_, &query, &mut out)?;
            Ok(out)
        })
        .await?;
    let (ctype, ext) = if as_ == ExportFormat::Csv { ("text/csv; charset=utf-8", "csv") } else { ("application/x-ndjson; charset=utf-8", "jsonl") };
    let name = format!("govreport-{what}{}.{ext}", year.map(|y| format!("-{y}")).unwrap_or_default());
    Ok(download(bytes, ctype, &name, &name))
}

/// Every rule with its explanation.
pub(crate) async fn rules(ui: Ui, Here(here): Here) -> Response {
    let body = html! {
        h1 { (ui.t("检查规则", "The rules")) }
        p.lead { (ui.t("每条问题都带有规则代码；这里是全部规则及其说明。", "Every finding carries a rule code; here is every rule with its explanation.")) }
        dl.rules {
            @for r in govreport::rules() {
                dt #(r.code) { code { (r.code) } " " (r.title(ui.lang)) " " span class={ "sev s-" (r.severity.as_str()) } { (severity_label(ui, r.severity)) } }
                dd { details { summary { (ui.t("说明", "Explanation")) } p { (r.explanation(ui.lang)) } } }
            }
        }
    };
    page(ui, &here, ui.t("规则", "Rules"), Nav::Rules, body)
}
