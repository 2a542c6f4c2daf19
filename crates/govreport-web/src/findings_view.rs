//! Findings beside the report: where each one is marked in the layout (a cell, the cells of a
//! row, a part, or the whole report) and the list with code, severity, message, the values
//! expected and found, the source place, and the rule's explanation on demand.

use std::collections::{BTreeMap, BTreeSet};

use govreport::{Finding, Format, Lang, Report, Severity, Status, labels};
use govreport_register::{Origin, Review, ReviewState};
use maud::{Markup, html};
use serde_json::{Value, json};

use crate::i18n::Ui;
use crate::report_view::Values;

/// A finding as shown: from a check now, or stored in the register with its review.
#[derive(Clone, Debug)]
pub(crate) struct Item {
    pub finding: Finding,
    pub origin: Origin,
    pub stored: Option<Stored>,
}

/// The register's side of a stored finding.
#[derive(Clone, Debug)]
pub(crate) struct Stored {
    pub id: i64,
    pub state: ReviewState,
    pub review: Option<Review>,
}

impl Item {
    pub(crate) fn checked(finding: Finding, origin: Origin) -> Item {
        Item { finding, origin, stored: None }
    }

    fn dismissed(&self) -> bool {
        self.stored.as_ref().is_some_and(|s| matches!(s.state, ReviewState::Dismissed | ReviewState::Fixed))
    }
}

/// The places of a report's layout a finding can be marked on.
pub(crate) struct Targets {
    /// Every figure cell and field with an element of its own.
    fields: BTreeSet<String>,
    /// The cells of each row, by the row's pointer.
    rows: BTreeMap<String, Vec<String>>,
    /// Parts and tables, marked as a whole.
    parts: BTreeSet<String>,
}

/// Every figure cell of a report's layout, from the core's table of cells.
pub(crate) fn fields_of(report: &Report) -> impl Iterator<Item = &'static govreport::cells::CellDef> {
    govreport::cells::layout(report.format(), report.layout()).iter().filter(|c| c.is_figure())
}

/// The fields of the report's facts shown above the parts.
pub(crate) const META_FIELDS: &[&str] =
    &["/agency/name", "/agency/kind", "/agency/level", "/agency/region_code", "/agency/credit_code", "/year", "/published_on"];

/// The pointer of the prose of part `index` (一 … 六) of `report`, if it has one.
pub(crate) fn text_pointer(report: &Report, index: usize) -> Option<String> {
    match report.format() {
        Format::F2007 => Some(format!("/sections/{index}/text")),
        _ => labels::PARTS.get(index).map(|p| p.label.id).filter(|id| id.starts_with("/sections/")).map(str::to_string),
    }
}

/// The pointer a part is marked by as a whole (its table), if any.
pub(crate) fn part_pointers(report: &Report, index: usize) -> Vec<String> {
    if report.format() == Format::F2007 {
        return vec![];
    }
    let mut out: Vec<String> =
        labels::PARTS.get(index).map(|p| p.label.id).filter(|id| !id.starts_with("/sections/")).map(str::to_string).into_iter().collect();
    if index == 5 {
        out.extend(labels::PROCESSING_FEES.first().map(|l| l.id.to_string()));
    }
    out
}

impl Targets {
    pub(crate) fn of(report: &Report) -> Targets {
        let mut fields: BTreeSet<String> = META_FIELDS.iter().map(|s| s.to_string()).collect();
        let mut rows: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for def in fields_of(report) {
            fields.insert(def.pointer.to_string());
            // A row's label id is the row's pointer.
            if def.row.id != def.pointer {
                rows.entry(def.row.id.to_string()).or_default().push(def.pointer.to_string());
            }
        }
        let count = match report.get("/sections") {
            Ok(Some(Value::Array(a))) => a.len(),
            _ => 6,
        };
        let mut parts = BTreeSet::new();
        for i in 0..count {
            fields.extend(text_pointer(report, i));
            parts.extend(part_pointers(report, i));
        }
        Targets { fields, rows, parts }
    }

    /// Where a finding at `path` is marked: its field, the cells of its row, or nothing (a
    /// part or the whole report: see [`Marks::parts`]).
    fn cells(&self, path: &str) -> Vec<String> {
        if self.fields.contains(path) {
            return vec![path.to_string()];
        }
        self.rows.get(path).cloned().unwrap_or_default()
    }

    /// The part a finding not on a field belongs to ("" for the whole report).
    fn part(&self, path: &str) -> String {
        self.parts.iter().find(|p| path == p.as_str() || path.starts_with(&format!("{p}/"))).cloned().unwrap_or_default()
    }
}

/// A mark on a field: the worst severity of its findings, and their element ids.
#[derive(Clone, Debug, Default)]
pub(crate) struct Mark {
    pub severity: Option<Severity>,
    pub ids: Vec<String>,
    pub codes: Vec<String>,
}

/// The findings placed on the layout, and listed in order.
pub(crate) struct Marks {
    /// Marks by field pointer.
    pub fields: BTreeMap<String, Mark>,
    /// Findings on a part as a whole ("" for the report), as (id, code, message).
    pub parts: BTreeMap<String, Vec<(String, String, String)>>,
    /// The findings in the order listed, with their element id and group.
    pub listed: Vec<(String, Group, Item)>,
}

/// The groups of the list, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Group {
    Error,
    Warning,
    Info,
    NotAssessable,
    Import,
    /// In a report being filled in: about cells not filled in yet.
    Pending,
    /// Dismissed or fixed by a reviewer.
    Closed,
}

impl Group {
    fn title(self, ui: Ui) -> &'static str {
        match self {
            Group::Error => ui.t("错误", "Errors"),
            Group::Warning => ui.t("警告", "Warnings"),
            Group::Info => ui.t("提示", "Notes"),
            Group::NotAssessable => ui.t("无法判断（所需单元格为空、缺失或为“/”）", "Not assessable (cells blank, missing or \"/\")"),
            Group::Import => ui.t("导入提示（关于来源文件）", "Import notes (about the source file)"),
            Group::Pending => ui.t("尚未填写", "Not filled in yet"),
            Group::Closed => ui.t("已排除或已整改", "Dismissed or fixed"),
        }
    }
}

pub(crate) fn severity_label(ui: Ui, s: Severity) -> &'static str {
    match s {
        Severity::Error => ui.t("错误", "error"),
        Severity::Warning => ui.t("警告", "warning"),
        Severity::Info => ui.t("提示", "note"),
    }
}

/// The element id of a field's input.
pub(crate) fn field_id(pointer: &str) -> String {
    let mut id = String::from("c");
    for ch in pointer.chars() {
        id.push(if ch.is_ascii_alphanumeric() || ch == '_' { ch } else { '-' });
    }
    id
}

/// Places `items` on the layout of `report`. `pending` says which findings are about cells
/// not filled in yet (a report being filled in): they are listed apart and not marked.
pub(crate) fn place(report: &Report, items: Vec<Item>, pending: &dyn Fn(&Item, &Targets) -> bool) -> Marks {
    let targets = Targets::of(report);
    let mut grouped: Vec<(Group, Item)> = items
        .into_iter()
        .map(|it| {
            let f = &it.finding;
            let group = if it.dismissed() {
                Group::Closed
            } else if it.origin == Origin::Import {
                Group::Import
            } else if pending(&it, &targets) {
                Group::Pending
            } else if f.status == Status::NotAssessable {
                Group::NotAssessable
            } else {
                match f.severity {
                    Severity::Error => Group::Error,
                    Severity::Warning => Group::Warning,
                    Severity::Info => Group::Info,
                }
            };
            (group, it)
        })
        .collect();
    grouped.sort_by_key(|(g, _)| *g);
    let mut marks = Marks { fields: BTreeMap::new(), parts: BTreeMap::new(), listed: vec![] };
    for (n, (group, item)) in grouped.into_iter().enumerate() {
        let id = format!("f{}", n + 1);
        if !matches!(group, Group::Closed | Group::Pending) {
            let f = &item.finding;
            let cells = targets.cells(&f.path);
            if cells.is_empty() {
                marks.parts.entry(targets.part(&f.path)).or_default().push((id.clone(), f.code.clone(), f.message.clone()));
            }
            for c in cells {
                let m = marks.fields.entry(c).or_default();
                m.severity = Some(m.severity.map_or(f.severity, |s| s.min(f.severity)));
                m.ids.push(id.clone());
                if !m.codes.contains(&f.code) {
                    m.codes.push(f.code.clone());
                }
            }
        }
        marks.listed.push((id, group, item));
    }
    marks
}

/// Whether every cell a finding is about is empty in `values` (a report being filled in).
pub(crate) fn about_empty_cells(values: &Values, item: &Item, targets: &Targets) -> bool {
    let cells = targets.cells(&item.finding.path);
    let cells = if cells.is_empty() { targets.rows_under(&item.finding.path) } else { cells };
    !cells.is_empty() && cells.iter().all(|p| values.is_empty(p))
}

impl Targets {
    /// Every cell under `path` (a table or a group of rows).
    fn rows_under(&self, path: &str) -> Vec<String> {
        let prefix = format!("{path}/");
        self.rows.iter().filter(|(r, _)| r.starts_with(&prefix)).flat_map(|(_, c)| c.iter().cloned()).collect()
    }
}

impl Marks {
    /// The marks as JSON for the page's script: pointer → {sev, ids, codes}.
    pub(crate) fn fields_json(&self, ui: Ui) -> Value {
        let map: serde_json::Map<String, Value> = self
            .fields
            .iter()
            .map(|(p, m)| {
                let sev = m.severity.map_or("", Severity::as_str);
                (p.clone(), json!({ "sev": sev, "ids": m.ids.join(" "), "title": mark_title(ui, m) }))
            })
            .collect();
        Value::Object(map)
    }

    /// Counts of the list's groups (error, warning, info, not assessable, import, pending).
    pub(crate) fn count(&self, group: Group) -> usize {
        self.listed.iter().filter(|(_, g, _)| *g == group).count()
    }
}

/// The text a marked field shows on hover: its findings' codes.
pub(crate) fn mark_title(ui: Ui, m: &Mark) -> String {
    format!("{}{}", ui.t("问题：", "Findings: "), m.codes.join(", "))
}

/// The line of findings on a part as a whole.
pub(crate) fn part_banner(ui: Ui, list: &[(String, String, String)]) -> Markup {
    html! {
        @if !list.is_empty() {
            ul.part-findings aria-label=(ui.t("本部分的问题", "Findings on this part")) {
                @for (id, code, message) in list {
                    li { a href={ "#" (id) } { code { (code) } " " (message) } }
                }
            }
        }
    }
}

/// Where in the source an import note points, from its parameters.
fn source_place(ui: Ui, f: &Finding) -> Option<String> {
    let p = &f.params;
    let mut bits = vec![];
    if let Some(v) = p.get("page") {
        bits.push(if ui.en() { format!("page {v}") } else { format!("第 {v} 页") });
    }
    if let Some(v) = p.get("table") {
        bits.push(if ui.en() { format!("table {v}") } else { format!("第 {v} 个表格") });
    }
    if let Some(v) = p.get("row") {
        bits.push(if ui.en() { format!("row {v}") } else { format!("第 {v} 行") });
    }
    if let Some(v) = p.get("line") {
        bits.push(if ui.en() { format!("line {v}") } else { format!("第 {v} 行") });
    }
    if let Some(v) = p.get("paragraph") {
        bits.push(if ui.en() { format!("paragraph {v}") } else { format!("第 {v} 段") });
    }
    (!bits.is_empty()).then(|| bits.join(ui.t("，", ", ")))
}

/// Where a review form sends the reader back to.
pub(crate) struct ReviewForms<'a> {
    pub back: &'a str,
}

/// The list of findings beside a report (the part of the page the script replaces).
pub(crate) fn panel(ui: Ui, format: Format, marks: &Marks, review: Option<&ReviewForms>) -> Markup {
    let errors = marks.count(Group::Error);
    let warnings = marks.count(Group::Warning);
    let infos = marks.count(Group::Info);
    let na = marks.count(Group::NotAssessable);
    let notes = marks.count(Group::Import);
    let pending = marks.count(Group::Pending);
    let mut groups: Vec<Group> = marks.listed.iter().map(|(_, g, _)| *g).collect();
    groups.dedup();
    html! {
        h2 #findings-title { (ui.t("问题", "Findings")) }
        p.summary #findings-summary {
            @if marks.listed.is_empty() {
                strong.ok { (ui.t("未发现问题。", "No findings.")) }
            } @else {
                span.s-error { (ui.t("错误", "Errors")) " " strong { (errors) } }
                " · " span.s-warning { (ui.t("警告", "Warnings")) " " strong { (warnings) } }
                " · " span.s-info { (ui.t("提示", "Notes")) " " strong { (infos) } }
                " · " span { (ui.t("无法判断", "Not assessable")) " " strong { (na) } }
                @if notes > 0 { " · " span { (ui.t("导入提示", "Import notes")) " " strong { (notes) } } }
                @if pending > 0 { " · " span { (ui.t("尚未填写", "Not filled in")) " " strong { (pending) } } }
            }
        }
        @for group in groups {
            section.group {
                h3 { (group.title(ui)) " (" (marks.listed.iter().filter(|(_, g, _)| *g == group).count()) ")" }
                ol.findings {
                    @for (id, _, item) in marks.listed.iter().filter(|(_, g, _)| *g == group) {
                        (finding(ui, format, id, item, marks, review))
                    }
                }
            }
        }
    }
}

fn finding(ui: Ui, format: Format, id: &str, item: &Item, marks: &Marks, review: Option<&ReviewForms>) -> Markup {
    let f = &item.finding;
    let label = if f.path.is_empty() { ui.t("整份报告", "the whole report").to_string() } else { labels::cell_name(format, &f.path, ui.lang) };
    let on_field = marks.fields.get(&f.path).is_some_and(|m| m.ids.iter().any(|i| i == id));
    let first_cell = marks.fields.iter().find(|(_, m)| m.ids.iter().any(|i| i == id)).map(|(p, _)| p.clone());
    let target = if on_field { Some(f.path.clone()) } else { first_cell };
    let class = format!("finding s-{}{}", f.severity.as_str(), if f.status == Status::NotAssessable { " na" } else { "" });
    let rule = govreport::rule(&f.code);
    html! {
        li class=(class) #(id) data-pointer=(f.path) data-related=(f.related.join(" ")) {
            p.fhead {
                span.sev { (severity_label(ui, f.severity)) }
                " " code.code { (f.code) }
                " "
                @if let Some(t) = &target {
                    a.where href={ "#" (field_id(t)) } data-focus=(t) { (label) }
                } @else {
                    span.where { (label) }
                }
            }
            p.msg { (f.message) }
            @if let (Some(e), Some(a)) = (&f.expected, &f.actual) {
                p.ea { (ui.t("应为 ", "expected ")) strong { (e) } (ui.t("，实为 ", ", found ")) strong { (a) } }
            }
            @if item.origin == Origin::Import && let Some(place) = source_place(ui, f) {
                p.src { (ui.t("来源：", "Source: ")) (place) @if let Some(t) = f.params.get("text") { (ui.t("，原文“", ", text “")) (t) "”" } }
            }
            @match item.origin {
                Origin::Year => p.origin { (ui.t("与本单位上一年度报告比较得出", "From the comparison with the unit's report of the year before")) },
                Origin::Peers => p.origin { (ui.t("与同年度其他单位比较得出", "From the comparison with the other units of the year")) },
                _ => {},
            }
            @if let Some(rule) = rule {
                details.explain {
                    summary { (ui.t("说明", "Explanation")) span.visually-hidden { " " (f.code) } }
                    p { strong { (rule.title(ui.lang)) } }
                    p { (rule.explanation(ui.lang)) }
                }
            }
            @if let Some(s) = &item.stored {
                (review_block(ui, s, review))
            }
        }
    }
}

fn review_block(ui: Ui, s: &Stored, forms: Option<&ReviewForms>) -> Markup {
    html! {
        div.review {
            p {
                span class={ "state st-" (s.state.as_str()) } { (s.state.label(ui.lang)) }
                @if let Some(r) = &s.review {
                    " " span.when { (r.at.get(..16).unwrap_or(&r.at).replace('T', " ")) " UTC" }
                    @if let Some(who) = &r.reviewer { " · " (who) }
                    @if let Some(reason) = &r.reason { " · " (ui.t("理由：", "reason: ")) (reason) }
                }
            }
            @if let Some(forms) = forms {
                div.review-forms {
                    form method="post" action={ "/findings/" (s.id) "/review" } {
                        input type="hidden" name="back" value=(forms.back);
                        button type="submit" name="decision" value="confirmed" { (ui.t("确认问题", "Confirm")) }
                        " "
                        button type="submit" name="decision" value="fixed" { (ui.t("标记已整改", "Mark fixed")) }
                    }
                    form.dismiss method="post" action={ "/findings/" (s.id) "/review" } {
                        input type="hidden" name="back" value=(forms.back);
                        input type="hidden" name="decision" value="dismissed";
                        label for={ "reason-" (s.id) } { (ui.t("排除理由", "Reason to dismiss")) }
                        " "
                        input type="text" name="reason" id={ "reason-" (s.id) } required size="24";
                        " "
                        button type="submit" { (ui.t("排除", "Dismiss")) }
                    }
                }
            }
        }
    }
}

/// The language's name of where a finding comes from (for tables of findings).
pub(crate) fn origin_label(lang: Lang, o: Origin) -> &'static str {
    match (o, lang) {
        (Origin::Check, Lang::Zh) => "本报告检查",
        (Origin::Import, Lang::Zh) => "导入",
        (Origin::Year, Lang::Zh) => "与上年比较",
        (Origin::Peers, Lang::Zh) => "与同类比较",
        (Origin::Check, Lang::En) => "check",
        (Origin::Import, Lang::En) => "import",
        (Origin::Year, Lang::En) => "year on year",
        (Origin::Peers, Lang::En) => "peers",
    }
}
