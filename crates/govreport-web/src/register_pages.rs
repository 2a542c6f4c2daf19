//! The register's pages: units × years with their status, ingesting files, a unit with its
//! versions and history, one version in the official layout with its stored findings, and the
//! findings to review.

use std::collections::{BTreeMap, BTreeSet};

use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Form, Path, Query, State};
use axum::response::Response;
use govreport::{Format, Lang, labels};
use govreport_register::{
    BatchSummary, Coverage, Decision, Event, FindingQuery, History, IngestOptions, Input, Outcome, ReviewState, StoredFinding, Trend, TrendQuery, Unit,
    UnitRef, UnitYear, VersionInfo, YearSummary, kind_label,
};
use maud::{Markup, html};
use serde::Deserialize;

use crate::app::App;
use crate::check::read_upload;
use crate::drafts::{Base, Draft};
use crate::error::WebError;
use crate::findings_view::{Item, ReviewForms, Stored, field_id, origin_label, panel, place, severity_label};
use crate::i18n::{Here, Ui};
use crate::page::{Nav, local_path, page, see_other, svg};
use crate::report_view::View;
use crate::stats_pages::trend_chart;

/// Query parameters that narrow a register page.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct Scope {
    #[serde(default)]
    pub region: Option<String>,
}

/// A region filter typed by the reader (empty: all).
pub(crate) fn region_of(r: &Option<String>) -> Option<String> {
    r.as_deref().map(str::trim).filter(|r| !r.is_empty()).map(str::to_string)
}

fn coverage_cell(ui: Ui, u: &UnitYear) -> Markup {
    let c = &u.findings;
    html! {
        a href={ "/units/" (u.unit.id) "/" (u.year) } class={ "cov cov-" (u.coverage.as_str()) } {
            span.covlabel { (u.coverage.label(ui.lang)) }
            @if u.coverage != Coverage::Missing {
                span.counts {
                    @if c.errors > 0 { " · " (ui.t("错误 ", "errors ")) (c.errors) }
                    @if c.open > 0 { " · " (ui.t("待审 ", "open ")) (c.open) }
                    @if c.errors == 0 && c.open == 0 { " · " (ui.t("无待审问题", "nothing open")) }
                }
            }
        }
    }
}

/// Units × years with their status; ingest and export.
pub(crate) async fn overview(State(app): State<App>, ui: Ui, Here(here): Here, Query(scope): Query<Scope>) -> Result<Response, WebError> {
    let region = region_of(&scope.region);
    let r2 = region.clone();
    let (shown, units, status) = app
        .read(move |r| {
            let years: Vec<YearSummary> = r.years()?;
            // The last six years, oldest first.
            let mut shown: Vec<i64> = years.iter().map(|y| y.year).collect();
            shown.sort_unstable();
            let shown = shown.split_off(shown.len().saturating_sub(6));
            let units: Vec<Unit> = r.list_units(r2.as_deref())?;
            let mut status: BTreeMap<(i64, i64), UnitYear> = BTreeMap::new();
            for y in &shown {
                for u in r.status(*y as u16, r2.as_deref())? {
                    status.insert((u.unit.id, u.year), u);
                }
            }
            Ok((shown, units, status))
        })
        .await?;
    let latest = shown.last().copied();
    let body = html! {
        h1 { (ui.t("登记库", "The register")) }
        form.filters method="get" action="/register" {
            label for="region" { (ui.t("行政区划代码（前缀）", "Region code (prefix)")) }
            " " input #region type="text" name="region" value=(region.clone().unwrap_or_default()) size="8" inputmode="numeric";
            " " button type="submit" { (ui.t("筛选", "Filter")) }
        }
        @if units.is_empty() {
            p.empty { (ui.t("登记库中还没有报告。在下面上传各单位的报告文件即可开始。", "The register has no reports yet. Upload the units' report files below to begin.")) }
        } @else {
            div.table-wrap {
                table.matrix {
                    caption { (ui.t("各单位各年度报告情况（点击进入该年度报告）", "Each unit's reports by year (follow a cell to the report)")) }
                    thead { tr {
                        th scope="col" { (ui.t("单位", "Unit")) }
                        th scope="col" { (ui.t("类型", "Kind")) }
                        th scope="col" { (ui.t("区划", "Region")) }
                        @for y in &shown { th scope="col" { (y) } }
                    } }
                    tbody {
                        @for u in &units {
                            tr {
                                th scope="row" { a href={ "/units/" (u.id) } { (u.name) } }
                                td { (kind_label(&u.kind, ui.lang)) }
                                td { (u.region_code) }
                                @for y in &shown {
                                    td { @match status.get(&(u.id, *y)) {
                                        Some(s) => (coverage_cell(ui, s)),
                                        None => span.none { "—" },
                                    } }
                                }
                            }
                        }
                    }
                }
            }
            @if let Some(y) = latest {
                p.links {
                    a href={ "/review?year=" (y) (region.as_ref().map(|r| format!("&region={r}")).unwrap_or_default()) } { (ui.t("审查报告 ", "Supervisor's review ")) (y) } " · "
                    a href={ "/findings?state=open&year=" (y) } { (ui.t("待审核问题", "Findings to review")) } " · "
                    a href={ "/benchmarks?year=" (y) } { (ui.t("同类对比", "Benchmarks")) } " · "
                    a href="/trends" { (ui.t("趋势", "Trends")) }
                }
            }
        }
        section.card {
            h2 { (ui.t("登记报告文件", "Add report files")) }
            p.hint { (ui.t(
                "可一次选择多个文件（JSON、JSON Lines、网页、Word、文本）。同一文件不会重复登记；同一单位同一年度的新文件成为新版本。",
                "Choose several files at once (JSON, JSON Lines, web pages, Word, text). The same file is never taken twice; a new file for a unit and year becomes a new version.",
            )) }
            form method="post" action="/register/add" enctype="multipart/form-data" data-max=(app.config.max_upload) {
                div.field {
                    label for="files" { (ui.t("文件", "Files")) }
                    input #files type="file" name="files" multiple required;
                }
                div.field.inline {
                    label for="add-reason" { (ui.t("原因（可选，如“按上年结转数更正”）", "Reason (optional, e.g. \"corrected carry-over\")")) }
                    input #add-reason type="text" name="reason" size="30";
                }
                button type="submit" { (ui.t("登记", "Add")) }
                p.upload-error role="alert" {}
            }
        }
        section.card {
            h2 { (ui.t("导出", "Export")) }
            form method="get" action="/export" {
                div.field.inline {
                    label for="what" { (ui.t("内容", "What")) }
                    select #what name="what" {
                        option value="reports" { (ui.t("报告（每份一行，含指标）", "Reports (one row each, with metrics)")) }
                        option value="cells" { (ui.t("单元格（长表）", "Cells (long form)")) }
                        option value="findings" { (ui.t("问题及审核", "Findings with reviews")) }
                    }
                }
                div.field.inline {
                    label for="ex-year" { (ui.t("年度（可选）", "Year (optional)")) }
                    input #ex-year type="number" name="year" min="2008" max="2100" value=[latest];
                }
                div.field.inline {
                    label for="format" { (ui.t("格式", "Format")) }
                    select #format name="format" { option value="csv" { "CSV" } option value="jsonl" { "JSON Lines" } }
                }
                input type="hidden" name="region" value=(region.clone().unwrap_or_default());
                button type="submit" { (ui.t("下载", "Download")) }
            }
        }
    };
    Ok(page(ui, &here, ui.t("登记库", "The register"), Nav::Register, body))
}

fn outcome_label(ui: Ui, o: Outcome) -> &'static str {
    match o {
        Outcome::Added => ui.t("新增版本", "new version"),
        Outcome::Unchanged => ui.t("内容未变", "unchanged"),
        Outcome::Duplicate => ui.t("重复文件", "same file as before"),
        Outcome::Failed => ui.t("失败", "failed"),
    }
}

fn batch_page(ui: Ui, b: &BatchSummary) -> Markup {
    html! {
        h1 { (ui.t("登记结果", "Added to the register")) }
        p.summary {
            (ui.t("批次 ", "Batch ")) (b.id) "：" (b.inputs) (ui.t(" 个文件，新增版本 ", " files; new versions ")) (b.added)
            (ui.t("，未变 ", ", unchanged ")) (b.unchanged) (ui.t("，重复 ", ", duplicates ")) (b.duplicates)
            (ui.t("，失败 ", ", failed ")) strong { (b.failed) }
        }
        table.list {
            thead { tr {
                th scope="col" { "#" } th scope="col" { (ui.t("文件", "File")) } th scope="col" { (ui.t("结果", "Outcome")) }
                th scope="col" { (ui.t("报告", "Report")) } th scope="col" { (ui.t("原因", "Why")) }
            } }
            tbody {
                @for it in &b.items {
                    tr class={ "o-" (it.outcome.as_str()) } {
                        td { (it.seq) } td { (it.name) } td { (outcome_label(ui, it.outcome)) }
                        td { @if let (Some(u), Some(y)) = (it.unit_id, it.year) { a href={ "/units/" (u) "/" (y) } { (y) (ui.t(" 年度报告", " report")) } } }
                        td { @if let Some(e) = &it.error { (e.message(ui.lang)) } }
                    }
                }
            }
        }
        p { a href="/register" { (ui.t("返回登记库", "Back to the register")) } }
    }
}

/// Files uploaded to the register: one batch.
pub(crate) async fn add(State(app): State<App>, ui: Ui, Here(here): Here, multipart: Result<Multipart, MultipartRejection>) -> Result<Response, WebError> {
    let up = read_upload(multipart, app.config.max_upload).await?;
    if up.files.is_empty() {
        return Err(WebError::bad_request("请至少选择一个文件。", "Choose at least one file."));
    }
    let reason = up.field("reason").map(str::trim).filter(|r| !r.is_empty()).map(str::to_string);
    let inputs: Vec<Input> = up.files.into_iter().map(|(name, bytes)| Input::bytes(name, bytes)).collect();
    let options = IngestOptions { note: Some("govreport serve".into()), reason, ..IngestOptions::default() };
    let batch = app.write(move |r| Ok(r.ingest(inputs, &options)?)).await?;
    Ok(page(ui, &here, ui.t("登记结果", "Added to the register"), Nav::Register, batch_page(ui, &batch)))
}

fn version_line(ui: Ui, v: &VersionInfo) -> Markup {
    html! {
        (v.year) (ui.t(" 年度 第 ", " report, version ")) (v.number) (ui.t(" 版", ""))
        @if v.is_current { " " span.badge { (ui.t("当前", "current")) } }
        " · " span.when { (v.created_at.get(..16).unwrap_or(&v.created_at).replace('T', " ")) " UTC" }
        @if let Some(s) = &v.source { " · " (ui.t("来源 ", "source ")) (s.name) }
        @if let Some(r) = &v.reason { " · " (ui.t("原因：", "reason: ")) (r) }
        @if let Some(a) = &v.author { " · " (a) }
    }
}

fn history_list(ui: Ui, unit: i64, h: &History) -> Markup {
    html! {
        ol.history {
            @for e in h.events.iter().rev() {
                @match e {
                    Event::Version { version, errors, findings, resolved } => {
                        li {
                            a href={ "/units/" (unit) "/" (version.year) "?version=" (version.id) } { (version_line(ui, version)) }
                            p.small {
                                (ui.t("问题 ", "findings ")) (findings) (ui.t("（错误 ", " (errors ")) (errors) (ui.t("）", ")"))
                                @if !version.changes.is_empty() { " · " (ui.t("变更 ", "changed ")) (version.changes.len()) (ui.t(" 处", " fields")) }
                                @if !resolved.is_empty() {
                                    " · " (ui.t("已解决：", "resolved: "))
                                    @for (i, r) in resolved.iter().enumerate() { @if i > 0 { (ui.t("；", "; ")) } code { (r.code) } " " (r.label) }
                                }
                            }
                        }
                    }
                    Event::Review { year, review } => {
                        li.review-event {
                            (year) (ui.t(" 年度 · 审核 ", " · review ")) code { (review.code) } " "
                            (review.decision.label(ui.lang))
                            @if let Some(r) = &review.reason { (ui.t("，理由：", ", reason: ")) (r) }
                            " · " span.when { (review.at.get(..16).unwrap_or(&review.at).replace('T', " ")) " UTC" }
                            @if let Some(w) = &review.reviewer { " · " (w) }
                        }
                    }
                }
            }
        }
    }
}

/// A unit: its names, its reports by year, its history, its trends.
pub(crate) async fn unit(State(app): State<App>, ui: Ui, Here(here): Here, Path(id): Path<i64>) -> Result<Response, WebError> {
    let lang = ui.lang;
    let (unit, names, history, trends) = app
        .read(move |r| {
            let u = UnitRef::Id(id);
            let unit = r.unit(&u)?;
            let names = r.unit_names(id)?;
            let history = r.history(&u, None, lang)?;
            let trends: Vec<Trend> = r.trends(&TrendQuery { unit: Some(u), lang, ..TrendQuery::default() })?;
            Ok((unit, names, history, trends))
        })
        .await?;
    let mut years: BTreeMap<i64, (usize, Option<i64>)> = BTreeMap::new();
    for e in &history.events {
        if let Event::Version { version, .. } = e {
            let y = years.entry(version.year).or_default();
            y.0 += 1;
            if version.is_current {
                y.1 = Some(version.number);
            }
        }
    }
    let body = html! {
        h1 { (unit.name) }
        dl.facts {
            dt { (ui.t("类型", "Kind")) } dd { (kind_label(&unit.kind, lang)) }
            dt { (labels::cell_name(Format::F2021, "/agency/region_code", lang)) } dd { (if unit.region_code.is_empty() { "—" } else { &unit.region_code }) }
            dt { (labels::cell_name(Format::F2021, "/agency/credit_code", lang)) } dd { (unit.credit_code.clone().unwrap_or_else(|| "—".into())) }
            @if names.len() > 1 { dt { (ui.t("曾用名称", "Names used")) } dd { (names.join(ui.t("；", "; "))) } }
        }
        h2 { (ui.t("各年度报告", "Reports by year")) }
        ul.years {
            @for (y, (n, current)) in years.iter().rev() {
                li { a href={ "/units/" (unit.id) "/" (y) } { (y) (ui.t(" 年度", "")) } " · " (n) (ui.t(" 个版本", " versions"))
                    @if let Some(c) = current { (ui.t("，当前第 ", ", current ")) (c) (ui.t(" 版", "")) } }
            }
        }
        p { a href={ "/new?unit=" (unit.id) } { (ui.t("为此单位填写新一年度的报告", "Fill in a new year's report for this unit")) } }
        h2 { (ui.t("历史", "History")) }
        (history_list(ui, unit.id, &history))
        @if trends.iter().any(|t| t.points.iter().filter(|p| p.value.is_some()).count() > 1) {
            h2 { (ui.t("趋势", "Trends")) }
            div.charts {
                @for t in trends.iter().filter(|t| t.points.iter().filter(|p| p.value.is_some()).count() > 1) {
                    (trend_chart(ui, t, false))
                }
            }
        }
    };
    Ok(page(ui, &here, &unit.name, Nav::Register, body))
}

/// Which version of a report to show.
#[derive(Deserialize)]
pub(crate) struct Which {
    #[serde(default)]
    version: Option<i64>,
}

fn items_of(stored: Vec<StoredFinding>) -> Vec<Item> {
    stored.into_iter().map(|s| Item { finding: s.finding, origin: s.origin, stored: Some(Stored { id: s.id, state: s.state, review: s.review }) }).collect()
}

/// A unit's report for a year: its versions, and one of them in the official layout with its
/// stored findings and their review.
pub(crate) async fn report(
    State(app): State<App>,
    ui: Ui,
    Here(here): Here,
    Path((id, year)): Path<(i64, u16)>,
    Query(which): Query<Which>,
) -> Result<Response, WebError> {
    let lang = ui.lang;
    let (unit, versions, chosen, doc, findings, cells) = app
        .read(move |r| {
            let u = UnitRef::Id(id);
            let unit = r.unit(&u)?;
            let versions = r.versions(&u, year)?;
            let chosen =
                match which.version {
                    Some(v) => versions
                        .iter()
                        .find(|x| x.id == v)
                        .cloned()
                        .ok_or_else(|| WebError::not_found(format!("该报告没有编号为 {v} 的版本"), format!("This report has no version with id {v}")))?,
                    None => versions.iter().find(|v| v.is_current).or(versions.last()).cloned().ok_or_else(|| {
                        WebError::not_found(format!("{}没有 {year} 年度的报告", unit.name), format!("{} has no report for {year}", unit.name))
                    })?,
                };
            let doc = r.document(chosen.id)?;
            let findings = r.findings(&FindingQuery { version: Some(chosen.id), lang, ..FindingQuery::default() })?;
            let cells = r.cells(chosen.id)?;
            Ok((unit, versions, chosen, doc, findings, cells))
        })
        .await?;
    let mut provenance = BTreeMap::new();
    let mut unreadable = BTreeSet::new();
    for c in cells {
        if c.state == govreport_register::CellState::Unreadable {
            unreadable.insert(c.pointer.clone());
        }
        if let Some(p) = c.provenance {
            provenance.insert(c.pointer, p);
        }
    }
    let marks = place(&doc, items_of(findings), &|_, _| false);
    let auto = BTreeSet::new();
    let view = View { ui, report: &doc, editable: false, marks: &marks, provenance: &provenance, unreadable: &unreadable, auto: &auto };
    let forms = ReviewForms { back: &here };
    let title = format!("{} {}", unit.name, year);
    let body = html! {
        div.workspace {
            div.doc {
                div.toolbar {
                    p.crumbs { a href={ "/units/" (unit.id) } { (unit.name) } " › " (year) (ui.t(" 年度报告", " report")) }
                    ol.versions {
                        @for v in versions.iter().rev() {
                            li aria-current=[(v.id == chosen.id).then_some("true")] {
                                a href={ "/units/" (unit.id) "/" (year) "?version=" (v.id) } { (version_line(ui, v)) }
                                @if !v.changes.is_empty() && v.id == chosen.id {
                                    ul.changes {
                                        @for c in &v.changes {
                                            li {
                                                @let label = if lang == Lang::En { &c.label_en } else { &c.label };
                                                a href={ "#" (field_id(&c.pointer)) } { (label) } "："
                                                (c.before.as_ref().map_or("—".to_string(), |v| v.to_string())) " → "
                                                (c.after.as_ref().map_or("—".to_string(), |v| v.to_string()))
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    form.inline method="post" action={ "/units/" (unit.id) "/" (year) "/edit" } {
                        input type="hidden" name="version" value=(chosen.id);
                        button type="submit" { (ui.t("修改此版本（另存为新版本）", "Edit this version (saved as a new one)")) }
                    }
                }
                div #report { (view.render()) }
            }
            aside.side aria-labelledby="findings-title" {
                div #cellinfo.cellinfo aria-hidden="true" {}
                div #findings { (panel(ui, doc.format(), &marks, Some(&forms))) }
            }
        }
    };
    Ok(page(ui, &here, &title, Nav::Register, body))
}

/// Which version to edit.
#[derive(Deserialize)]
pub(crate) struct EditForm {
    version: i64,
}

/// Opens a stored version in the workspace; saving it makes a new version.
pub(crate) async fn edit(State(app): State<App>, Path((id, year)): Path<(i64, u16)>, Form(form): Form<EditForm>) -> Result<Response, WebError> {
    let (info, doc, cells, unseen) = app
        .read(move |r| {
            let info = r.version(form.version)?;
            if info.unit_id != id || info.year != i64::from(year) {
                return Err(WebError::not_found("该版本不属于此报告", "That version is not of this report"));
            }
            Ok((info.clone(), r.document(info.id)?, r.cells(info.id)?, r.unseen(info.id)?))
        })
        .await?;
    let mut draft = Draft::new(doc);
    draft.unseen = unseen;
    for c in cells {
        if let Some(p) = c.provenance {
            draft.provenance.insert(c.pointer, p);
        }
    }
    draft.base = Some(Base { unit: info.unit_id, year: info.year, version: info.id, number: info.number });
    let draft_id = app.drafts.insert(draft)?;
    Ok(see_other(&format!("/check/{draft_id}")))
}

/// Which findings to list.
#[derive(Clone, Debug, Default, Deserialize)]
pub(crate) struct FindingFilter {
    #[serde(default)]
    year: Option<u16>,
    #[serde(default)]
    state: Option<String>,
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    region: Option<String>,
    #[serde(default)]
    unit: Option<String>,
}

const FINDINGS_SHOWN: usize = 500;

/// The findings of the current versions, to review.
pub(crate) async fn findings(State(app): State<App>, ui: Ui, Here(here): Here, Query(f): Query<FindingFilter>) -> Result<Response, WebError> {
    let lang = ui.lang;
    let state = match f.state.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(ReviewState::parse(s).ok_or_else(|| WebError::bad_request(format!("没有“{s}”这种审核状态"), format!("No review state “{s}”")))?),
    };
    let query = FindingQuery {
        year: f.year,
        state,
        code: f.code.clone().filter(|c| !c.trim().is_empty()),
        region: region_of(&f.region),
        unit: f.unit.as_deref().map(str::trim).filter(|u| !u.is_empty()).map(UnitRef::parse),
        violated_only: true,
        lang,
        limit: Some(FINDINGS_SHOWN + 1),
        ..FindingQuery::default()
    };
    let list = app.read(move |r| Ok(r.findings(&query)?)).await?;
    let more = list.len() > FINDINGS_SHOWN;
    let states = [
        ("", "全部", "all"),
        ("open", "待审核", "open"),
        ("confirmed", "已确认", "confirmed"),
        ("dismissed", "已排除", "dismissed"),
        ("fixed", "已整改", "fixed"),
    ];
    let body = html! {
        h1 { (ui.t("问题审核", "Findings to review")) }
        form.filters method="get" action="/findings" {
            label for="f-year" { (ui.t("年度", "Year")) } " "
            input #f-year type="number" name="year" value=[f.year] min="2008" max="2100";
            " " label for="f-state" { (ui.t("状态", "State")) } " "
            select #f-state name="state" {
                @for (v, zh, en) in states { option value=(v) selected[f.state.as_deref().unwrap_or("") == v] { (ui.t(zh, en)) } }
            }
            " " label for="f-code" { (ui.t("规则代码", "Rule code")) } " "
            input #f-code type="text" name="code" size="6" value=(f.code.clone().unwrap_or_default());
            " " label for="f-unit" { (ui.t("单位", "Unit")) } " "
            input #f-unit type="text" name="unit" size="16" value=(f.unit.clone().unwrap_or_default());
            " " label for="f-region" { (ui.t("区划", "Region")) } " "
            input #f-region type="text" name="region" size="8" value=(f.region.clone().unwrap_or_default());
            " " button type="submit" { (ui.t("筛选", "Filter")) }
        }
        @if list.is_empty() {
            p.empty { (ui.t("没有符合条件的问题。", "No findings match.")) }
        } @else {
            p.summary { (list.len().min(FINDINGS_SHOWN)) (ui.t(" 个问题", " findings")) @if more { (ui.t("（只列出前 500 个，请缩小范围）", " (the first 500 shown; narrow the filter)")) } }
            div.table-wrap {
                table.list.findings-table {
                    thead { tr {
                        th scope="col" { (ui.t("单位 · 年度", "Unit · year")) }
                        th scope="col" { (ui.t("问题", "Finding")) }
                        th scope="col" { (ui.t("状态", "State")) }
                        th scope="col" { (ui.t("审核", "Review")) }
                    } }
                    tbody {
                        @for s in list.iter().take(FINDINGS_SHOWN) {
                            tr #{ "finding-" (s.id) } {
                                td {
                                    a href={ "/units/" (s.unit_id) "/" (s.year) "#" (field_id(&s.finding.path)) } { (s.unit) " " (s.year) }
                                    br; span.small { (ui.t("第 ", "version ")) (s.version) (ui.t(" 版 · ", " · ")) (origin_label(lang, s.origin)) }
                                }
                                td {
                                    span class={ "sev s-" (s.finding.severity.as_str()) } { (severity_label(ui, s.finding.severity)) } " "
                                    code { (s.finding.code) } " " span.where { (s.label) }
                                    p.msg { (s.finding.message) }
                                }
                                td {
                                    span class={ "state st-" (s.state.as_str()) } { (s.state.label(lang)) }
                                    @if let Some(r) = &s.review { @if let Some(reason) = &r.reason { br; span.small { (reason) } } }
                                }
                                td.actions {
                                    form.inline method="post" action={ "/findings/" (s.id) "/review" } {
                                        input type="hidden" name="back" value=(here);
                                        button type="submit" name="decision" value="confirmed" { (ui.t("确认", "Confirm")) }
                                        " "
                                        button type="submit" name="decision" value="fixed" { (ui.t("已整改", "Fixed")) }
                                    }
                                    form.dismiss method="post" action={ "/findings/" (s.id) "/review" } {
                                        input type="hidden" name="back" value=(here);
                                        input type="hidden" name="decision" value="dismissed";
                                        label.visually-hidden for={ "reason-" (s.id) } { (ui.t("排除理由", "Reason to dismiss")) }
                                        input type="text" name="reason" id={ "reason-" (s.id) } required size="14" placeholder=(ui.t("排除理由", "reason"));
                                        " "
                                        button type="submit" { (ui.t("排除", "Dismiss")) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(page(ui, &here, ui.t("问题审核", "Findings to review"), Nav::Findings, body))
}

/// A reviewer's decision.
#[derive(Deserialize)]
pub(crate) struct ReviewForm {
    decision: String,
    #[serde(default)]
    reason: Option<String>,
    #[serde(default)]
    reviewer: Option<String>,
    #[serde(default)]
    back: Option<String>,
}

/// Records a review and goes back to the page it was made on.
pub(crate) async fn review(State(app): State<App>, Path(id): Path<i64>, Form(form): Form<ReviewForm>) -> Result<Response, WebError> {
    let decision = Decision::parse(&form.decision)
        .ok_or_else(|| WebError::bad_request(format!("没有“{}”这种审核结论", form.decision), format!("No decision “{}”", form.decision)))?;
    let (reason, reviewer) = (form.reason.clone(), form.reviewer.clone().filter(|r| !r.trim().is_empty()));
    app.write(move |r| Ok(r.review(id, decision, reason.as_deref(), reviewer.as_deref())?)).await?;
    Ok(see_other(local_path(form.back.as_deref(), "/findings?state=open")))
}

/// An inline chart (for the pages of this module and of the statistics).
pub(crate) fn chart(svg_text: String, caption: &str) -> Markup {
    html! { figure.chart { (svg(svg_text)) figcaption { (caption) } } }
}
