//! Checking one report: the start page (drop a file or paste text), the report in the
//! official layout with its findings, live edits, downloads, saving to the register; and the
//! form for a new report, whose derived totals are filled as the reader types.

use std::collections::BTreeSet;

use axum::Json;
use axum::extract::multipart::{Multipart, MultipartError, MultipartRejection};
use axum::extract::{Form, Path, Query, State};
use axum::response::Response;
use govreport::{Format, ImportOptions, Lang, Report, labels};
use govreport_register::{IngestOptions, Input, Origin, Outcome};
use maud::{Markup, html};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::app::{App, blocking};
use crate::drafts::{Draft, Source};
use crate::error::WebError;
use crate::findings_view::{Item, Marks, about_empty_cells, panel, part_banner, part_pointers, place};
use crate::i18n::{Here, Ui};
use crate::page::{Nav, download as file, page, see_other};
use crate::report_view::{Values, View, text_of};

/// The start page: drop or choose a file, or paste text.
pub(crate) async fn home(State(app): State<App>, ui: Ui, Here(here): Here) -> Response {
    let limit_mib = app.config.max_upload / (1024 * 1024);
    let body = html! {
        h1 { (ui.t("检查一份政府信息公开工作年度报告", "Check an annual report on government information disclosure")) }
        p.lead { (ui.t(
            "上传已发布的报告（网页 HTML、Word .docx、文本、JSON，或本程序能读取的其他格式），或粘贴报告文字。检查结果按官方格式逐格标出，可直接修改并下载更正后的文件。",
            "Upload a published report (an HTML page, a Word .docx, text, JSON, or any other form this program reads) or paste its text. The findings are marked cell by cell on the official layout; edit in place and download the corrected file.",
        )) }
        form.upload #upload method="post" action="/check" enctype="multipart/form-data" data-max=(app.config.max_upload) {
            div.drop #drop {
                label for="file" { strong { (ui.t("选择文件", "Choose a file")) } (ui.t("，或把文件拖到这里", ", or drop it here")) }
                input #file type="file" name="file" accept=".html,.htm,.shtml,.txt,.docx,.json,.pdf,text/html,text/plain,application/json,application/pdf";
                p.hint #file-hint { (ui.t("大小上限 ", "Size limit ")) (limit_mib) " MiB" }
            }
            div.field {
                label for="text" { (ui.t("或粘贴报告文字", "Or paste the report's text")) }
                textarea #text name="text" rows="6" {}
            }
            div.field.inline {
                label for="year" { (ui.t("报告年度（仅当文件中没有写明时需要）", "Reporting year (only when the file does not state it)")) }
                input #year type="number" name="year" min="2008" max="2100" inputmode="numeric";
            }
            p.actions { button type="submit" { (ui.t("检查", "Check")) } }
            p.upload-error #upload-error role="alert" {}
        }
        p { (ui.t("要填写一份新报告？", "Filling in a new report? ")) a href="/new" { (ui.t("按官方格式填写", "Use the template form")) } (ui.t("，合计自动填入。", "; totals fill themselves in.")) }
    };
    page(ui, &here, ui.t("检查报告", "Check a report"), Nav::Check, body)
}

fn multipart_error(e: MultipartError, limit: usize) -> WebError {
    if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        return WebError::too_large(limit);
    }
    WebError::bad_request(format!("上传的内容无法读取：{e}"), format!("The upload could not be read: {e}"))
}

/// What a multipart form sent: the files (name, bytes) and the other fields.
pub(crate) struct Upload {
    pub files: Vec<(String, Vec<u8>)>,
    pub fields: Vec<(String, String)>,
}

impl Upload {
    pub(crate) fn field(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// Reads a multipart form; a body over the limit is a clear error.
pub(crate) async fn read_upload(multipart: Result<Multipart, MultipartRejection>, limit: usize) -> Result<Upload, WebError> {
    let mut mp = multipart.map_err(|e| {
        if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            WebError::too_large(limit)
        } else {
            WebError::bad_request(format!("上传的内容无法读取：{e}"), format!("The upload could not be read: {e}"))
        }
    })?;
    let mut up = Upload { files: vec![], fields: vec![] };
    while let Some(field) = mp.next_field().await.map_err(|e| multipart_error(e, limit))? {
        let name = field.name().unwrap_or("").to_string();
        match field.file_name().map(str::to_string) {
            Some(file) => {
                let bytes = field.bytes().await.map_err(|e| multipart_error(e, limit))?;
                if !bytes.is_empty() {
                    up.files.push((file, bytes.to_vec()));
                }
            }
            None => {
                let text = field.text().await.map_err(|e| multipart_error(e, limit))?;
                up.fields.push((name, text));
            }
        }
    }
    Ok(up)
}

fn parse_year(text: Option<&str>) -> Result<Option<u16>, WebError> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) => t.parse::<u16>().map(Some).map_err(|_| WebError::bad_request(format!("年度“{t}”不是数字"), format!("The year “{t}” is not a number"))),
    }
}

/// Imports `bytes` into a new draft.
pub(crate) fn import_draft(name: String, bytes: Vec<u8>, year: Option<u16>, lang: Lang) -> Result<Draft, WebError> {
    let options = ImportOptions { year, lang, ..ImportOptions::default() };
    let imported = govreport::import_document(&bytes, &options)?;
    let mut draft = Draft::new(imported.report.clone());
    for (def, c) in govreport_register::cells::read(&imported.report, Some(&imported)) {
        if c.state == govreport_register::CellState::Unreadable {
            draft.unreadable.insert(def.pointer.to_string());
        }
        if let Some(prov) = c.provenance {
            draft.provenance.insert(def.pointer.to_string(), prov);
        }
    }
    draft.unseen = imported.unseen.clone();
    draft.notes.push((lang, imported.findings));
    draft.source = Some(Source { name, bytes, kind: imported.source.as_str().to_string(), encoding: imported.encoding.to_string(), options });
    Ok(draft)
}

/// An upload or pasted text: imported, kept as a draft, then shown.
pub(crate) async fn upload(State(app): State<App>, ui: Ui, multipart: Result<Multipart, MultipartRejection>) -> Result<Response, WebError> {
    let up = read_upload(multipart, app.config.max_upload).await?;
    let year = parse_year(up.field("year"))?;
    let (name, bytes) = match up.files.into_iter().next() {
        Some(f) => f,
        None => match up.fields.iter().find(|(k, v)| k == "text" && !v.trim().is_empty()) {
            Some((_, text)) => (String::new(), text.clone().into_bytes()),
            None => {
                return Err(WebError::bad_request("请选择一个文件，或粘贴报告文字。", "Choose a file or paste the report's text."));
            }
        },
    };
    let lang = ui.lang;
    let draft = blocking(move || import_draft(name, bytes, year, lang)).await?;
    let id = app.drafts.insert(draft)?;
    Ok(see_other(&format!("/check/{id}")))
}

/// The findings of a draft now, placed on its layout.
fn marks_of(app: &App, d: &mut Draft, lang: Lang) -> Result<Marks, WebError> {
    let findings = govreport::check_unseen(&d.report, &d.unseen, &app.options(lang))?;
    let mut items: Vec<Item> = findings.0.into_iter().map(|f| Item::checked(f, Origin::Check)).collect();
    items.extend(d.notes(lang).0.into_iter().map(|f| Item::checked(f, Origin::Import)));
    let values = Values::of(&d.report);
    let fill = d.fill;
    Ok(place(&d.report, items, &|item, targets| fill && about_empty_cells(&values, item, targets)))
}

fn source_line(ui: Ui, d: &Draft) -> Markup {
    html! {
        @if let Some(s) = &d.source {
            @if s.name.is_empty() {
                (ui.t("粘贴的文字", "Pasted text"))
            } @else {
                (ui.t("文件 ", "File ")) strong { (s.name) }
            }
            " (" (s.kind) ", " (s.encoding) ")"
        } @else if let Some(b) = &d.base {
            (ui.t("登记库中的报告，第 ", "From the register: version ")) (b.number) (ui.t(" 版", ""))
        } @else {
            (ui.t("新填写的报告", "A new report"))
        }
        @if !d.edited.is_empty() {
            " · " (ui.t("已修改 ", "changed: ")) (d.edited.len()) (ui.t(" 处", " fields"))
        }
    }
}

/// The workspace of a draft: the report with its marks, the tools, the findings beside it.
fn workspace(app: &App, ui: Ui, id: &str, d: &mut Draft) -> Result<(String, Markup), WebError> {
    let marks = marks_of(app, d, ui.lang)?;
    let notice = d.notice.take();
    let view = View { ui, report: &d.report, editable: true, marks: &marks, provenance: &d.provenance, unreadable: &d.unreadable, auto: &d.auto };
    let title = govreport::render::layout(&d.report, ui.lang).title;
    let saving_needs_reason = d.source.is_none() || !d.edited.is_empty();
    let body = html! {
        div.workspace {
            div.doc {
                div.toolbar {
                    p.source { (source_line(ui, d)) }
                    p.downloads {
                        (ui.t("下载：", "Download: "))
                        a href={ "/check/" (id) "/download/json" } download { "JSON" } " · "
                        a href={ "/check/" (id) "/download/docx" } download { "Word (.docx)" } " · "
                        a href={ "/check/" (id) "/download/html" } download { "HTML" }
                        " · " a href="#save" { (ui.t("保存到登记库", "Save to the register")) }
                    }
                    @if d.fill {
                        p.hint { (ui.t(
                    "一行各列都填写后（没有的填 0），该行“总计”、（七）总计和复议诉讼“总计”自动算出（斜体显示）；在合计格中输入数字即改为手填。",
                    "Once every column of a row is filled in (0 where there is none), its total, （七）总计 and the case totals are computed (in italics); type a number in a total to set it by hand.",
                )) }
                    }
                    @if let Some((zh, en)) = &notice {
                        p.notice role="alert" { (if ui.en() { en } else { zh }) }
                    }
                    p #live-status.live role="status" aria-live="polite" {}
                }
                form #report method="post" autocomplete="off" action={ "/check/" (id) } data-live={ "/check/" (id) "/cell" } {
                    (view.render())
                    p.actions.noscript-only { button type="submit" { (ui.t("保存修改并重新检查", "Apply the changes and check again")) } }
                }
                form.save #save method="post" action={ "/check/" (id) "/register" } {
                    h2 { (ui.t("保存到登记库", "Save to the register")) }
                    p.hint { (ui.t(
                        "上传的文件按原样登记为一个版本；修改过的内容另存为更正版本，须写明原因。",
                        "An uploaded file is registered as it is; changes are saved as a corrected version, which needs a reason.",
                    )) }
                    div.field.inline {
                        label for="reason" { (ui.t("原因", "Reason")) }
                        input #reason type="text" name="reason" size="40" required[saving_needs_reason];
                    }
                    div.field.inline {
                        label for="author" { (ui.t("经办人（可选）", "Your name (optional)")) }
                        input #author type="text" name="author" size="16";
                    }
                    button type="submit" { (ui.t("保存到登记库", "Save to the register")) }
                }
            }
            aside.side aria-labelledby="findings-title" {
                div #cellinfo.cellinfo aria-hidden="true" {}
                div #findings { (panel(ui, d.report.format(), &marks, None)) }
            }
        }
    };
    Ok((title, body))
}

/// The report of a draft with its findings.
pub(crate) async fn show(State(app): State<App>, ui: Ui, Here(here): Here, Path(id): Path<String>) -> Result<Response, WebError> {
    let (title, body) = app.drafts.with(&id, |d| workspace(&app, ui, &id, d))??;
    Ok(page(ui, &here, &title, Nav::Check, body))
}

/// The values a text typed in a field may stand for, in the order tried: a whole number, then
/// the text (an amount such as "0.092", "/", a name, prose); nothing typed is a blank (or an
/// empty text where a field cannot be blank).
fn candidates(pointer: &str, text: &str) -> Vec<Value> {
    if pointer.starts_with("/sections") {
        let text = text.replace("\r\n", "\n");
        return if text.trim().is_empty() { vec![Value::Null, Value::String(String::new())] } else { vec![Value::String(text)] };
    }
    let t = text.trim();
    if t.is_empty() {
        return vec![Value::Null, Value::String(String::new())];
    }
    let mut out = vec![];
    if let Ok(n) = t.parse::<u64>() {
        out.push(json!(n));
    } else if let Ok(n) = t.parse::<i64>() {
        out.push(json!(n));
    }
    out.push(Value::String(t.to_string()));
    out
}

/// Whether `text` is what the field holds already.
fn unchanged(report: &Report, pointer: &str, text: &str) -> bool {
    let now = text_of(report, pointer);
    if pointer.starts_with("/sections") { now == text.replace("\r\n", "\n") } else { now == text.trim() }
}

/// Sets a field of a draft from what was typed; in a report being filled in, the derived
/// totals follow. Returns the pointers whose shown value may have changed.
fn apply(d: &mut Draft, pointer: &str, text: &str) -> Result<BTreeSet<String>, govreport::Error> {
    let mut changed: BTreeSet<String> = BTreeSet::from([pointer.to_string()]);
    if unchanged(&d.report, pointer, text) {
        return Ok(changed);
    }
    // The first reading the core accepts is set; when none is, the error of the first.
    let mut first_error = None;
    for v in candidates(pointer, text) {
        let mut r = d.report.clone();
        match r.set(pointer, v) {
            Ok(()) => {
                d.report = r;
                first_error = None;
                break;
            }
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    if let Some(e) = first_error {
        return Err(e);
    }
    d.edited.insert(pointer.to_string());
    d.auto.remove(pointer);
    if d.fill {
        changed.extend(d.auto.iter().cloned());
        for p in std::mem::take(&mut d.auto) {
            let _ = d.report.remove(&p);
        }
        d.auto = govreport::complete(&mut d.report).filled.into_iter().collect();
        changed.extend(d.auto.iter().cloned());
    }
    Ok(changed)
}

/// A field typed in.
#[derive(Deserialize)]
pub(crate) struct CellForm {
    pointer: String,
    #[serde(default)]
    value: String,
}

/// Live editing: sets one field and answers with what the page shows anew.
pub(crate) async fn set_cell(State(app): State<App>, ui: Ui, Path(id): Path<String>, Form(form): Form<CellForm>) -> Result<Json<Value>, WebError> {
    let answer = app.drafts.with(&id, |d| -> Result<Value, WebError> {
        let result = apply(d, &form.pointer, &form.value);
        let marks = marks_of(&app, d, ui.lang)?;
        let (ok, error, changed) = match result {
            Ok(changed) => (true, None, changed),
            Err(e) => (false, Some(e.message(ui.lang)), BTreeSet::from([form.pointer.clone()])),
        };
        let now = Values::of(&d.report);
        let values: serde_json::Map<String, Value> = changed.iter().map(|p| (p.clone(), Value::String(now.text(p)))).collect();
        let mut banners: Vec<Value> = vec![json!({ "part": "", "html": part_banner(ui, marks.parts.get("").map_or(&[][..], |v| v)).into_string() })];
        for i in 0..6 {
            let keys = part_pointers(&d.report, i);
            if keys.is_empty() {
                continue;
            }
            let list: Vec<(String, String, String)> = keys.iter().flat_map(|k| marks.parts.get(k).cloned().unwrap_or_default()).collect();
            banners.push(json!({ "part": keys.join(" "), "html": part_banner(ui, &list).into_string() }));
        }
        Ok(json!({
            "ok": ok,
            "error": error,
            "pointer": form.pointer,
            "values": values,
            "auto": d.auto.iter().collect::<Vec<_>>(),
            "marks": marks.fields_json(ui),
            "banners": banners,
            "panel": panel(ui, d.report.format(), &marks, None).into_string(),
            "edited": d.edited.len(),
        }))
    })??;
    Ok(Json(answer))
}

/// The whole form posted (a browser without the script): every changed field is set.
pub(crate) async fn save_form(State(app): State<App>, ui: Ui, Path(id): Path<String>, Form(fields): Form<Vec<(String, String)>>) -> Result<Response, WebError> {
    app.drafts.with(&id, |d| {
        let mut errors: Vec<(String, String)> = vec![];
        let before = Values::of(&d.report);
        for (pointer, value) in &fields {
            let same =
                if pointer.starts_with("/sections") { before.text(pointer) == value.replace("\r\n", "\n") } else { before.text(pointer) == value.trim() };
            if !pointer.starts_with('/') || same {
                continue;
            }
            if let Err(e) = apply(d, pointer, value) {
                let name = |l| labels::cell_name(d.report.format(), pointer, l);
                errors.push((format!("{}：{}", name(Lang::Zh), e.message(Lang::Zh)), format!("{}: {}", name(Lang::En), e.message(Lang::En))));
            }
        }
        if !errors.is_empty() {
            let zh = errors.iter().map(|e| e.0.as_str()).collect::<Vec<_>>().join("；");
            let en = errors.iter().map(|e| e.1.as_str()).collect::<Vec<_>>().join("; ");
            d.notice = Some((format!("以下内容未能修改：{zh}"), format!("Not changed: {en}")));
        }
    })?;
    let _ = ui;
    Ok(see_other(&format!("/check/{id}")))
}

/// The draft as JSON, Word or HTML. The layouts are the official one, in Chinese, whatever the
/// page's language.
pub(crate) async fn download(State(app): State<App>, Path((id, what)): Path<(String, String)>) -> Result<Response, WebError> {
    let report = app.drafts.with(&id, |d| d.report.clone())?;
    let meta = report.meta();
    let stem = format!("{}{}年政府信息公开工作年度报告", meta.agency.name, meta.year);
    let ascii = format!("govreport-{}", meta.year);
    let lang = Lang::Zh;
    let (bytes, kind, ext) = match what.as_str() {
        "json" => ((report.to_json_pretty() + "\n").into_bytes(), "application/json; charset=utf-8", "json"),
        "docx" => (
            blocking(move || Ok(govreport::render(&report, govreport::RenderFormat::Docx, lang)?)).await?,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "docx",
        ),
        "html" => (govreport::render(&report, govreport::RenderFormat::Html, lang)?, "text/html; charset=utf-8", "html"),
        _ => return Err(WebError::not_found("没有这种下载格式（可选 JSON、Word、HTML）。", "No such download (JSON, Word or HTML).")),
    };
    Ok(file(bytes, kind, &format!("{ascii}.{ext}"), &format!("{stem}.{ext}")))
}

/// Who saves and why.
#[derive(Deserialize)]
pub(crate) struct SaveForm {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    author: String,
}

/// Saves a draft to the register: the uploaded file as it is, then the changes as a
/// corrected version with the reason given.
pub(crate) async fn save_to_register(State(app): State<App>, Path(id): Path<String>, Form(form): Form<SaveForm>) -> Result<Response, WebError> {
    let (report, source, edited) = app.drafts.with(&id, |d| (d.report.clone(), d.source.clone(), !d.edited.is_empty()))?;
    let reason = form.reason.trim().to_string();
    let author = Some(form.author.trim().to_string()).filter(|a| !a.is_empty());
    let (unit, year) = app
        .write(move |r| {
            let mut at = None;
            if let Some(src) = source {
                let name = if src.name.is_empty() { "pasted.txt".to_string() } else { src.name.clone() };
                let options = IngestOptions {
                    note: Some("govreport serve".into()),
                    author: author.clone(),
                    year: src.options.year,
                    encoding: src.options.encoding.clone(),
                    ..IngestOptions::default()
                };
                let batch = r.ingest([Input::bytes(name, src.bytes)], &options)?;
                if let Some(item) = batch.items.first() {
                    if item.outcome == Outcome::Failed {
                        let e = item.error.clone();
                        return Err(WebError::bad_request(
                            e.as_ref().map_or("无法登记此文件".to_string(), |e| e.message_zh.clone()),
                            e.as_ref().map_or("The file could not be registered".to_string(), |e| e.message_en.clone()),
                        ));
                    }
                    at = item.unit_id.zip(item.year);
                }
                if !edited {
                    return at.ok_or_else(WebError::internal);
                }
            }
            let v = r.save_report(&report, &reason, author.as_deref())?;
            Ok((v.unit_id, v.year))
        })
        .await?;
    Ok(see_other(&format!("/units/{unit}/{year}")))
}

/// The unit a new report is for, when started from the unit's page.
#[derive(Deserialize)]
pub(crate) struct ForUnit {
    #[serde(default)]
    unit: Option<i64>,
}

/// The form for a new report: unit, year, template.
pub(crate) async fn new_form(State(app): State<App>, ui: Ui, Here(here): Here, Query(for_unit): Query<ForUnit>) -> Result<Response, WebError> {
    let this_year = chrono_year() - 1;
    let unit = match for_unit.unit {
        Some(id) => Some(app.read(move |r| Ok(r.unit(&govreport_register::UnitRef::Id(id))?)).await?),
        None => None,
    };
    let name = unit.as_ref().map(|u| u.name.clone()).unwrap_or_default();
    let kind = unit.as_ref().map_or("department".to_string(), |u| u.kind.clone());
    let region = unit.as_ref().map(|u| u.region_code.clone()).unwrap_or_default();
    let level = unit.as_ref().and_then(|u| u.level.clone()).unwrap_or_default();
    let credit = unit.as_ref().and_then(|u| u.credit_code.clone()).unwrap_or_default();
    let body = html! {
        h1 { (ui.t("按官方格式填写一份新报告", "Fill in a new report in the template's layout")) }
        p.lead { (ui.t(
            "先填写报告机关和年度，再逐格填写表格：各行“总计”、（七）总计和行政复议诉讼的“总计”随输入自动计算，问题随时列出；完成后可下载或保存到登记库。",
            "Give the agency and the year, then fill in the tables cell by cell: row totals, （七）总计 and the case totals are computed as you type and findings are listed as you go; then download the report or save it to the register.",
        )) }
        form.newreport method="post" action="/new" {
            div.field {
                label for="name" { (labels::cell_name(Format::F2021, "/agency/name", ui.lang)) }
                input #name type="text" name="name" value=(name) required size="40" autocomplete="organization";
            }
            div.field {
                label for="kind" { (labels::cell_name(Format::F2021, "/agency/kind", ui.lang)) }
                select #kind name="kind" {
                    @for k in labels::AGENCY_KINDS { option value=(k.id) selected[k.id == kind] { (k.text(ui.lang)) } }
                }
            }
            div.field {
                label for="level" { (labels::cell_name(Format::F2021, "/agency/level", ui.lang)) (ui.t("（可选）", " (optional)")) }
                select #level name="level" {
                    option value="" selected[level.is_empty()] { (ui.t("（未填）", "(not given)")) }
                    @for l in labels::LEVELS { option value=(l.id) selected[l.id == level] { (l.text(ui.lang)) } }
                }
            }
            div.field {
                label for="region_code" { (labels::cell_name(Format::F2021, "/agency/region_code", ui.lang)) (ui.t("（可选）", " (optional)")) }
                input #region_code type="text" name="region_code" value=(region) size="8" inputmode="numeric" pattern="[0-9]{6}";
            }
            div.field {
                label for="credit_code" { (labels::cell_name(Format::F2021, "/agency/credit_code", ui.lang)) (ui.t("（可选）", " (optional)")) }
                input #credit_code type="text" name="credit_code" value=(credit) size="20";
            }
            div.field {
                label for="year" { (labels::cell_name(Format::F2021, "/year", ui.lang)) }
                input #year type="number" name="year" required min="2008" max="2100" value=(this_year);
            }
            fieldset.field {
                legend { (labels::cell_name(Format::F2021, "/format", ui.lang)) }
                label { input type="radio" name="format" value="2021" checked; " 2021 · " (Format::F2021.basis()) }
                br;
                label { input type="radio" name="format" value="2019"; " 2019 · " (Format::F2019.basis()) }
            }
            p.actions { button type="submit" { (ui.t("开始填写", "Start")) } }
        }
    };
    Ok(page(ui, &here, ui.t("填写报告", "Fill in a report"), Nav::New, body))
}

fn chrono_year() -> i64 {
    use chrono::Datelike;
    i64::from(chrono::Local::now().year())
}

/// The first facts of a new report.
#[derive(Deserialize)]
pub(crate) struct NewForm {
    name: String,
    kind: String,
    #[serde(default)]
    level: String,
    #[serde(default)]
    region_code: String,
    #[serde(default)]
    credit_code: String,
    year: String,
    format: String,
}

/// Makes the draft of a new report and opens it.
pub(crate) async fn new_report(State(app): State<App>, Form(form): Form<NewForm>) -> Result<Response, WebError> {
    let mut agency = json!({ "name": form.name.trim(), "kind": form.kind });
    for (key, v) in [("level", &form.level), ("region_code", &form.region_code), ("credit_code", &form.credit_code)] {
        if !v.trim().is_empty() {
            agency[key] = json!(v.trim());
        }
    }
    let year: u16 = form
        .year
        .trim()
        .parse()
        .map_err(|_| WebError::bad_request(format!("年度“{}”不是数字", form.year), format!("The year “{}” is not a number", form.year)))?;
    let doc = json!({ "format": form.format, "year": year, "agency": agency });
    let report = govreport::parse_json(doc.to_string().as_bytes())?;
    let mut draft = Draft::new(report);
    draft.fill = true;
    let id = app.drafts.insert(draft)?;
    Ok(see_other(&format!("/check/{id}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_typed_becomes_a_number_a_text_or_a_blank() {
        assert_eq!(candidates("/requests/new/total", " 12 "), vec![json!(12), json!("12")]);
        assert_eq!(candidates("/proactive/fees_10k_yuan", "0.092"), vec![json!("0.092")]);
        assert_eq!(candidates("/requests/new/total", "/"), vec![json!("/")]);
        assert_eq!(candidates("/requests/new/total", "  "), vec![Value::Null, json!("")]);
        assert_eq!(candidates("/proactive/licensing/change", "-2"), vec![json!(-2), json!("-2")]);
        assert_eq!(candidates("/sections/overview", "  第一段\r\n第二段"), vec![json!("  第一段\n第二段")]);
    }

    #[test]
    fn the_year_of_today_is_a_plausible_year() {
        let y = chrono_year();
        assert!((2024..2200).contains(&y), "{y}");
    }
}
