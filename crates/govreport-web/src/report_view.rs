//! A report in its official layout (the core's `render::layout`: the template's parts and
//! tables with their merged cells), every figure cell and text a field named by its JSON
//! pointer, marked with its findings and labelled with its full name and source place.

use std::collections::{BTreeMap, BTreeSet};

use govreport::render::layout::Block;
use govreport::{Format, Report, labels};
use govreport_register::Provenance;
use maud::{Markup, html};
use serde_json::Value;

use crate::findings_view::{META_FIELDS, Marks, field_id, mark_title, part_banner, part_pointers, text_pointer};
use crate::i18n::Ui;

/// What a report is shown with.
pub(crate) struct View<'a> {
    pub ui: Ui,
    pub report: &'a Report,
    pub editable: bool,
    pub marks: &'a Marks,
    pub provenance: &'a BTreeMap<String, Provenance>,
    pub unreadable: &'a BTreeSet<String>,
    pub auto: &'a BTreeSet<String>,
}

/// A report's document as JSON, read once for many fields.
pub(crate) struct Values(Value);

impl Values {
    pub(crate) fn of(report: &Report) -> Values {
        Values(serde_json::to_value(report).unwrap_or(Value::Null))
    }

    /// A field's value as text: a number as written, "/" as "/", blank and absent as "".
    pub(crate) fn text(&self, pointer: &str) -> String {
        match self.0.pointer(pointer) {
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::String(s)) => s.clone(),
            _ => String::new(),
        }
    }

    /// Whether a field is blank or absent.
    pub(crate) fn is_empty(&self, pointer: &str) -> bool {
        matches!(self.0.pointer(pointer), None | Some(Value::Null))
    }

    /// The value at `pointer`, if the document gives it.
    pub(crate) fn get(&self, pointer: &str) -> Option<&Value> {
        self.0.pointer(pointer)
    }
}

/// One field's value as text (see [`Values::text`]).
pub(crate) fn text_of(report: &Report, pointer: &str) -> String {
    Values::of(report).text(pointer)
}

/// Where a cell was read from, in words.
pub(crate) fn place_text(ui: Ui, p: &Provenance) -> String {
    let mut bits = vec![];
    if let Some(v) = p.page {
        bits.push(if ui.en() { format!("page {v}") } else { format!("第 {v} 页") });
    }
    if let Some(v) = p.table {
        bits.push(if ui.en() { format!("table {v}") } else { format!("第 {v} 个表格") });
    }
    let in_table = p.table.is_some();
    if let Some(v) = p.line {
        bits.push(match (ui.en(), in_table) {
            (true, true) => format!("row {v}"),
            (true, false) => format!("line {v}"),
            (false, _) => format!("第 {v} 行"),
        });
    }
    if let Some(v) = p.column {
        bits.push(match (ui.en(), in_table) {
            (true, true) => format!("cell {v}"),
            (true, false) => format!("column {v}"),
            (false, true) => format!("第 {v} 格"),
            (false, false) => format!("第 {v} 字"),
        });
    }
    if let Some(b) = &p.bbox {
        bits.push(if ui.en() { format!("box {b} pt") } else { format!("位置 {b}（磅）") });
    }
    if let Some(t) = &p.text {
        bits.push(if ui.en() { format!("text “{t}”") } else { format!("原文“{t}”") });
    }
    bits.join(ui.t("，", ", "))
}

impl View<'_> {
    /// The report laid out with its fields and marks.
    pub(crate) fn render(&self) -> Markup {
        Render { view: self, values: Values::of(self.report) }.render()
    }
}

/// A [`View`] with its document read.
struct Render<'v, 'a> {
    view: &'v View<'a>,
    values: Values,
}

impl<'a> std::ops::Deref for Render<'_, 'a> {
    type Target = View<'a>;
    fn deref(&self) -> &View<'a> {
        self.view
    }
}

impl Render<'_, '_> {
    fn mark_class(&self, pointer: &str) -> String {
        let mut class = String::new();
        if let Some(m) = self.marks.fields.get(pointer)
            && let Some(s) = m.severity
        {
            class.push_str(" m-");
            class.push_str(s.as_str());
        }
        if self.auto.contains(pointer) {
            class.push_str(" auto");
        }
        if self.unreadable.contains(pointer) {
            class.push_str(" unread");
        }
        class
    }

    fn described_by(&self, pointer: &str) -> Option<String> {
        self.marks.fields.get(pointer).map(|m| m.ids.join(" "))
    }

    fn title(&self, pointer: &str) -> Option<String> {
        let mut bits = vec![];
        if let Some(m) = self.marks.fields.get(pointer) {
            bits.push(mark_title(self.ui, m));
        }
        if self.auto.contains(pointer) {
            bits.push(self.ui.t("自动合计（输入数字可改写）", "Filled in as a total (type to overwrite)").to_string());
        }
        (!bits.is_empty()).then(|| bits.join(" · "))
    }

    fn source(&self, pointer: &str) -> Option<String> {
        self.provenance.get(pointer).map(|p| place_text(self.ui, p))
    }

    fn name(&self, pointer: &str) -> String {
        labels::cell_name(self.report.format(), pointer, self.ui.lang)
    }

    /// A figure cell.
    fn cell(&self, pointer: &str, rowspan: usize, colspan: usize) -> Markup {
        let value = self.values.text(pointer);
        let flag = self.marks.fields.get(pointer).and_then(|m| m.severity).map(|s| match s {
            govreport::Severity::Error => "!",
            govreport::Severity::Warning => "?",
            govreport::Severity::Info => "i",
        });
        html! {
            td class={ "fig" (self.mark_class(pointer)) } rowspan=[(rowspan > 1).then_some(rowspan)] colspan=[(colspan > 1).then_some(colspan)] {
                input type="text" inputmode="decimal"
                    id=(field_id(pointer)) name=(pointer) value=(value)
                    aria-label=(self.name(pointer)) aria-describedby=[self.described_by(pointer)]
                    aria-invalid=[self.marks.fields.get(pointer).and_then(|m| m.severity).filter(|s| *s == govreport::Severity::Error).map(|_| "true")]
                    title=[self.title(pointer)] data-source=[self.source(pointer)]
                    readonly[!self.editable];
                span.flag aria-hidden="true" { (flag.unwrap_or("")) }
            }
        }
    }

    /// A field of the report's facts.
    fn meta_field(&self, pointer: &str) -> Markup {
        let id = field_id(pointer);
        let value = self.values.text(pointer);
        html! {
            div class={ "field" (self.mark_class(pointer)) } {
                label for=(id) { (self.name(pointer)) }
                @if pointer == "/agency/kind" {
                    select id=(id) name=(pointer) aria-describedby=[self.described_by(pointer)] disabled[!self.editable] {
                        @for k in labels::AGENCY_KINDS {
                            option value=(k.id) selected[k.id == value] { (k.text(self.ui.lang)) }
                        }
                    }
                } @else if pointer == "/agency/level" {
                    select id=(id) name=(pointer) aria-describedby=[self.described_by(pointer)] disabled[!self.editable] {
                        option value="" selected[value.is_empty()] { (self.ui.t("（未填）", "(not given)")) }
                        @for l in labels::LEVELS {
                            option value=(l.id) selected[l.id == value] { (l.text(self.ui.lang)) }
                        }
                    }
                } @else {
                    input type="text" id=(id) name=(pointer) value=(value) autocomplete="off"
                        inputmode=[(pointer == "/year").then_some("numeric")]
                        placeholder=[(pointer == "/published_on").then_some("YYYY-MM-DD")]
                        aria-describedby=[self.described_by(pointer)] title=[self.title(pointer)]
                        readonly[!self.editable];
                }
            }
        }
    }

    /// The prose of a part.
    fn text(&self, pointer: &str, heading_id: &str) -> Markup {
        let value = self.values.text(pointer);
        let lines = value.lines().count();
        html! {
            div class={ "prose" (self.mark_class(pointer)) } {
                @if self.editable {
                    textarea id=(field_id(pointer)) name=(pointer) rows=((lines + 1).clamp(3, 14))
                        aria-labelledby=(heading_id) aria-describedby=[self.described_by(pointer)] title=[self.title(pointer)] { (value) }
                } @else {
                    div id=(field_id(pointer)) data-pointer=(pointer) tabindex="0" aria-labelledby=(heading_id) aria-describedby=[self.described_by(pointer)] {
                        @for line in value.lines().filter(|l| !l.trim().is_empty()) { p { (line) } }
                        @if value.trim().is_empty() { p.empty { (self.ui.t("（空）", "(empty)")) } }
                    }
                }
            }
        }
    }

    /// The whole report: facts, then the parts.
    fn render(&self) -> Markup {
        let ui = self.ui;
        let layout = govreport::render::layout(self.report, ui.lang);
        let format = self.report.format();
        let doc_findings = self.marks.parts.get("").cloned().unwrap_or_default();
        html! {
            h1.doc-title { (layout.title) }
            div.part-banner data-part="" { (part_banner(ui, &doc_findings)) }
            fieldset.facts {
                legend { (ui.t("报告信息", "About the report")) }
                p.format { (ui.t("格式：", "Template: ")) (format.as_str()) " · " (format.basis()) }
                div.fields {
                    @for p in META_FIELDS { (self.meta_field(p)) }
                }
            }
            @for (i, part) in layout.parts.iter().enumerate() {
                @let heading_id = format!("part-{i}");
                @let text = text_pointer(self.report, i);
                @let banner: Vec<(String, String, String)> = part_pointers(self.report, i).iter().flat_map(|p| self.marks.parts.get(p).cloned().unwrap_or_default()).collect();
                section.part {
                    h2 id=(heading_id) { (part.heading) }
                    div.part-banner data-part=(part_pointers(self.report, i).join(" ")) { (part_banner(ui, &banner)) }
                    @if let Some(t) = &text { (self.text(t, &heading_id)) }
                    @for block in &part.blocks {
                        @match block {
                            Block::Paragraph(p) => { @if text.is_none() { p { (p) } } },
                            Block::Table(grid) => { (self.grid(grid, &heading_id)) },
                        }
                    }
                }
            }
            @if format == Format::F2007 && matches!(self.values.get("/figures"), Some(Value::Array(a)) if !a.is_empty()) {
                p.note { (ui.t("本报告为 2007 年条例下的文字报告：文中数字的合计与分项由检查读取，在右侧问题中列出。", "A report of the 2007 regime: its totals and breakdowns stated in the text are read by the check and listed with the findings.")) }
            }
        }
    }

    fn grid(&self, grid: &govreport::render::Grid, heading_id: &str) -> Markup {
        html! {
            div.table-wrap {
                table class={ "grid " (grid.name) } aria-labelledby=(heading_id) {
                    @for (r, row) in grid.rows.iter().enumerate() {
                        tr {
                            @for cell in row {
                                @if let Some(p) = &cell.pointer {
                                    (self.cell(p, cell.rowspan, cell.colspan))
                                } @else if cell.head || r < grid.header_rows {
                                    th rowspan=[(cell.rowspan > 1).then_some(cell.rowspan)] colspan=[(cell.colspan > 1).then_some(cell.colspan)] { (cell.text) }
                                } @else {
                                    td rowspan=[(cell.rowspan > 1).then_some(cell.rowspan)] colspan=[(cell.colspan > 1).then_some(cell.colspan)] { (cell.text) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
