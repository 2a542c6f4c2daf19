//! The web application's handlers, called in process (`tower::ServiceExt::oneshot`) on a
//! register in a temporary folder. What a page shows is held against what the core and the
//! register say (the core's check of the same document, the register's stored findings), and
//! every error is a page with a message.

use std::path::{Path, PathBuf};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use govreport::{Options, Status};
use govreport_web::{Config, router};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(repo().join(path)).unwrap()
}

const TODAY: &str = "2026-11-26";

fn app_with(dir: &tempfile::TempDir, max_upload: Option<usize>) -> Router {
    let mut config = Config::new(dir.path().join("govreport.db"));
    config.options.today = Some(TODAY.into());
    if let Some(m) = max_upload {
        config.max_upload = m;
    }
    router(config).unwrap()
}

fn app(dir: &tempfile::TempDir) -> Router {
    app_with(dir, None)
}

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.text()))
    }
    fn location(&self) -> String {
        self.headers.get(header::LOCATION).unwrap_or_else(|| panic!("no location: {} {}", self.status, self.text())).to_str().unwrap().to_string()
    }
    fn header(&self, name: &str) -> String {
        self.headers.get(name).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
    }
}

async fn send(app: &Router, req: Request<Body>) -> Answer {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    Answer { status, headers, body }
}

async fn get(app: &Router, uri: &str) -> Answer {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

fn encode(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() || b"-._~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

fn form(pairs: &[(&str, &str)]) -> String {
    pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
}

async fn post_form(app: &Router, uri: &str, pairs: &[(&str, &str)]) -> Answer {
    let req = Request::post(uri).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded").body(Body::from(form(pairs))).unwrap();
    send(app, req).await
}

/// The live-editing call, as the page's script makes it.
async fn set_cell(app: &Router, draft: &str, pointer: &str, value: &str) -> Value {
    let req = Request::post(format!("{draft}/cell"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .body(Body::from(form(&[("pointer", pointer), ("value", value)])))
        .unwrap();
    let a = send(app, req).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    a.json()
}

fn multipart(uri: &str, files: &[(&str, &str, &[u8])], fields: &[(&str, &str)]) -> Request<Body> {
    let boundary = "----govreport-test-boundary";
    let mut body = Vec::new();
    for (field, name, bytes) in files {
        body.extend(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend(b"\r\n");
    }
    for (k, v) in fields {
        body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").bytes());
    }
    body.extend(format!("--{boundary}--\r\n").bytes());
    Request::post(uri).header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}")).body(Body::from(body)).unwrap()
}

/// Uploads a file to be checked; the draft's address.
async fn upload(app: &Router, name: &str, bytes: &[u8]) -> String {
    let a = send(app, multipart("/check", &[("file", name, bytes)], &[])).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.text());
    let to = a.location();
    assert!(to.starts_with("/check/") && to.len() == "/check/".len() + 32, "{to}");
    to
}

/// The class of the table cell (or field box) holding the input named `pointer`.
fn box_class(html: &str, pointer: &str) -> String {
    let at = html.find(&format!("name=\"{pointer}\"")).unwrap_or_else(|| panic!("no field {pointer}"));
    let open = html[..at].rfind("<td").max(html[..at].rfind("<div")).unwrap();
    let tag = &html[open..html[open..].find('>').unwrap() + open];
    tag.split("class=\"").nth(1).map(|c| c.split('"').next().unwrap().to_string()).unwrap_or_default()
}

/// The core's violated findings of a document, by (code, path).
fn core_findings(doc: &[u8]) -> Vec<(String, String)> {
    let report = govreport::parse_json(doc).unwrap();
    let options = Options { today: Some(TODAY.into()), ..Options::default() };
    govreport::check(&report, &options).unwrap().iter().filter(|f| f.status == Status::Violated).map(|f| (f.code.clone(), f.path.clone())).collect()
}

#[tokio::test]
async fn chinese_first_english_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir);
    let zh = get(&app, "/").await;
    assert_eq!(zh.status, StatusCode::OK);
    assert!(zh.text().contains("<html lang=\"zh-CN\">") && zh.text().contains("检查一份政府信息公开工作年度报告"));
    let en = get(&app, "/?lang=en").await;
    assert!(en.text().contains("<html lang=\"en\">") && en.text().contains("Check an annual report"));
    assert!(en.header("set-cookie").contains("govreport_lang=en"), "{:?}", en.headers);
    let by_cookie = send(&app, Request::get("/rules").header(header::COOKIE, "govreport_lang=en").body(Body::empty()).unwrap()).await;
    assert!(by_cookie.text().contains("Every finding carries a rule code"));
    let by_browser = send(&app, Request::get("/new").header(header::ACCEPT_LANGUAGE, "en-US,en;q=0.9").body(Body::empty()).unwrap()).await;
    assert!(by_browser.text().contains("Fill in a new report"));
    // Every rule is on the rules page with its explanation, in the language asked for.
    let rules = get(&app, "/rules").await.text();
    for r in govreport::rules() {
        assert!(rules.contains(&format!("id=\"{}\"", r.code)) && rules.contains(r.explanation(govreport::Lang::Zh)), "{}", r.code);
    }
}

#[tokio::test]
async fn a_finding_on_its_cell_goes_away_when_the_cell_is_corrected() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir);
    let doc = fixture("tests/fixtures/2021-row-total-broken.json");
    let draft = upload(&app, "row-total.json", &doc).await;
    let page = get(&app, &draft).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    // Every violated finding of the core is listed; those on a cell mark it.
    let expected = core_findings(&doc);
    assert_eq!(expected, [("GR202".to_string(), "/requests/results_total/total".to_string()), ("GR203".into(), "/requests/granted/total".into())]);
    for (code, path) in &expected {
        assert!(html.contains(&format!("data-pointer=\"{path}\"")) && html.contains(&format!("<code class=\"code\">{code}</code>")), "{code} {path}");
        assert!(box_class(&html, path).contains("m-error"), "{path}: {}", box_class(&html, path));
    }
    assert!(!box_class(&html, "/requests/granted/natural_person").contains("m-"));
    // Every figure cell is a labelled field with its pointer.
    for def in govreport::cells::figures(govreport::Format::F2021) {
        assert!(html.contains(&format!("name=\"{}\"", def.pointer)), "{}", def.pointer);
    }
    assert!(html.contains("aria-label=\"（一）予以公开「总计」\""));

    // 12 is what the row adds up to: both findings go.
    let answer = set_cell(&app, &draft, "/requests/granted/total", "12").await;
    assert_eq!(answer["ok"], true, "{answer}");
    assert_eq!(answer["values"]["/requests/granted/total"], "12");
    assert!(answer["marks"].as_object().unwrap().is_empty(), "{answer}");
    assert!(answer["panel"].as_str().unwrap().contains("未发现问题"));
    let html = get(&app, &draft).await.text();
    assert!(!box_class(&html, "/requests/granted/total").contains("m-error"));
    assert!(html.contains("value=\"12\""));

    // The corrected document downloads as JSON, Word and HTML.
    let json = get(&app, &format!("{draft}/download/json")).await;
    assert_eq!(json.status, StatusCode::OK);
    assert!(json.header("content-disposition").starts_with("attachment;"));
    let corrected: Value = json.json();
    assert_eq!(corrected["requests"]["granted"]["total"], 12);
    let mut original: Value = serde_json::from_slice(&doc).unwrap();
    original["requests"]["granted"]["total"] = 12.into();
    assert_eq!(corrected, original, "only the cell edited changed");
    assert!(core_findings(&json.body).is_empty());
    let docx = get(&app, &format!("{draft}/download/docx")).await;
    assert!(docx.body.starts_with(b"PK") && docx.header("content-type").contains("wordprocessingml"));
    let page = get(&app, &format!("{draft}/download/html?lang=en")).await.text();
    assert!(page.contains("data-pointer=\"/requests/granted/total\">12<"), "{}", &page[..200]);
    assert!(page.contains("<html lang=\"zh-CN\"") && page.contains("予以公开"), "the official layout is Chinese");
    assert_eq!(get(&app, &format!("{draft}/download/pdf")).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_value_that_is_not_one_is_refused_with_a_message_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir);
    let draft = upload(&app, "clean.json", &fixture("tests/fixtures/2021-department-clean.json")).await;
    let answer = set_cell(&app, &draft, "/requests/new/total", "六十").await;
    assert_eq!(answer["ok"], false);
    assert!(answer["error"].as_str().unwrap().contains("/requests/new/total"), "{answer}");
    assert_eq!(answer["values"]["/requests/new/total"], "66", "the cell keeps its value");
    let answer = set_cell(&app, &draft, "/requests/new/total", "-1").await;
    assert_eq!(answer["ok"], false, "a count is not negative: {answer}");
    // An amount keeps its written precision; "/" and a blank are kept apart.
    let answer = set_cell(&app, &draft, "/proactive/fees_10k_yuan", "0.090").await;
    assert_eq!((answer["ok"].clone(), answer["values"]["/proactive/fees_10k_yuan"].clone()), (Value::Bool(true), Value::from("0.090")));
    set_cell(&app, &draft, "/requests/new/research", "/").await;
    set_cell(&app, &draft, "/requests/new/commercial", "").await;
    let doc = get(&app, &format!("{draft}/download/json")).await.json();
    assert_eq!(doc["proactive"]["fees_10k_yuan"], "0.090");
    assert_eq!(doc["requests"]["new"]["research"], "/");
    assert!(doc["requests"]["new"]["commercial"].is_null());
    // A text and a fact of the report are fields too; their findings follow.
    let answer = set_cell(&app, &draft, "/sections/problems", "无。").await;
    assert!(answer["marks"]["/sections/problems"]["sev"].is_string(), "{answer}");
    let answer = set_cell(&app, &draft, "/published_on", "2024-03-15").await;
    assert_eq!(answer["marks"]["/published_on"]["sev"], "error", "late: {answer}");
}

#[tokio::test]
async fn a_form_posted_without_the_script_sets_every_changed_field() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir);
    let draft = upload(&app, "row-total.json", &fixture("tests/fixtures/2021-row-total-broken.json")).await;
    let a = post_form(&app, &draft, &[("/requests/granted/total", "12"), ("/requests/new/natural_person", "x"), ("/agency/name", "深圳市某局")]).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    let html = get(&app, &draft).await.text();
    assert!(html.contains("未能修改") && html.contains("一、本年新收政府信息公开申请数量「自然人」"), "the refused field is named");
    let doc = get(&app, &format!("{draft}/download/json")).await.json();
    assert_eq!((doc["requests"]["granted"]["total"].clone(), doc["agency"]["name"].clone()), (Value::from(12), Value::from("深圳市某局")));
}

#[tokio::test]
async fn published_pages_of_every_kind_are_imported_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir);
    for (file, kind) in [("word-2020.docx", "(docx, "), ("word-gbk-2022.html", "(html, GBK)"), ("portal-nested-2023.html", "(html, UTF-8)")] {
        let bytes = fixture(&format!("tests/fixtures/pages/{file}"));
        let draft = upload(&app, file, &bytes).await;
        let html = get(&app, &draft).await.text();
        let imported = govreport::import_document(&bytes, &govreport::ImportOptions::default()).unwrap();
        assert!(html.contains(&govreport::render::layout(&imported.report, govreport::Lang::Zh).title), "{file}");
        assert!(html.contains(kind), "{file}: {kind}");
        for f in govreport::check(&imported.report, &Options { today: Some(TODAY.into()), ..Options::default() }).unwrap().iter() {
            assert!(html.contains(&f.message), "{file}: {} {}", f.code, f.message);
        }
        let json = get(&app, &format!("{draft}/download/json")).await;
        assert_eq!(govreport::parse_json(&json.body).unwrap(), imported.report, "{file}: the download is the document imported");
    }
}

#[tokio::test]
async fn a_published_page_shows_its_import_notes_with_their_source_places() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir);
    let page = fixture("tests/fixtures/pages/portal-nested-2023.html");
    let draft = upload(&app, "portal.html", &page).await;
    let html = get(&app, &draft).await.text();
    let imported = govreport::import_document(&page, &govreport::ImportOptions::default()).unwrap();
    assert!(!imported.findings.is_empty());
    for f in imported.findings.iter() {
        assert!(html.contains(&f.message), "{} {}", f.code, f.message);
    }
    assert!(html.contains("导入提示") && html.contains("来源："), "notes name their place in the source");
    assert!(html.contains("portal.html") && html.contains("(html, UTF-8)"));
    // The checks of the document itself are there too.
    for f in govreport::check(&imported.report, &Options { today: Some(TODAY.into()), ..Options::default() }).unwrap().iter() {
        assert!(html.contains(&f.message), "{} {}", f.code, f.message);
    }
}

#[tokio::test]
async fn pasted_text_is_imported_like_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir);
    let text = String::from_utf8(fixture("tests/fixtures/corpus/seed-2012-changchun-etdz.txt")).unwrap();
    let a = send(&app, multipart("/check", &[], &[("text", &text), ("year", "")])).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.text());
    let html = get(&app, &a.location()).await.text();
    // The seed's known defects: 3017 ≠ 3025 and three contents missing.
    assert!(html.contains("GR802") && html.matches("<code class=\"code\">GR801</code>").count() == 3, "{html}");
    assert!(html.contains("粘贴的文字"));
}

#[tokio::test]
async fn a_new_report_fills_its_totals_as_cells_are_typed() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir);
    let a = post_form(
        &app,
        "/new",
        &[("name", "进贤县某局"), ("kind", "department"), ("region_code", "360124"), ("credit_code", ""), ("year", "2023"), ("format", "2021")],
    )
    .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.text());
    let draft = a.location();
    let html = get(&app, &draft).await.text();
    assert!(html.contains("进贤县某局2023年政府信息公开工作年度报告"));
    // Nothing filled in yet: the missing rows are listed apart, not marked as errors.
    assert!(html.contains("尚未填写"));
    assert!(!box_class(&html, "/requests/new/natural_person").contains("m-"));

    // A total is filled only once every part of it is given (never from a guess).
    let parts = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"];
    for (i, (col, v)) in parts.iter().zip(["3", "1", "0", "0", "0", "0"]).enumerate() {
        let a = set_cell(&app, &draft, &format!("/requests/new/{col}"), v).await;
        let total = a["values"]["/requests/new/total"].as_str().map(str::to_string);
        if i + 1 < parts.len() {
            assert!(total.is_none_or(|t| t.is_empty()), "{col}: {a}");
        } else {
            assert_eq!(total.as_deref(), Some("4"), "{a}");
            assert!(a["auto"].as_array().unwrap().iter().any(|p| p == "/requests/new/total"));
        }
    }
    // The total follows its parts …
    let a3 = set_cell(&app, &draft, "/requests/new/natural_person", "5").await;
    assert_eq!(a3["values"]["/requests/new/total"], "6");
    // … until typed in by hand: then it is the reader's, and a sum that disagrees is a finding.
    let a4 = set_cell(&app, &draft, "/requests/new/total", "7").await;
    assert!(!a4["auto"].as_array().unwrap().iter().any(|p| p == "/requests/new/total"));
    assert_eq!(a4["marks"]["/requests/new/total"]["sev"], "error", "{a4}");
    let a5 = set_cell(&app, &draft, "/requests/new/natural_person", "1").await;
    assert!(a5["values"].get("/requests/new/total").is_none_or(|v| v == "7"), "kept: {a5}");
    assert_eq!(get(&app, &format!("{draft}/download/json")).await.json()["requests"]["new"]["total"], 7);

    // Saved to the register: a version made by hand, with its reason.
    let no_reason = post_form(&app, &format!("{draft}/register"), &[("reason", ""), ("author", "")]).await;
    assert_eq!(no_reason.status, StatusCode::BAD_REQUEST);
    assert!(no_reason.text().contains("更正须写明原因"), "{}", no_reason.text());
    let saved = post_form(&app, &format!("{draft}/register"), &[("reason", "新填报"), ("author", "张三")]).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text());
    let report = get(&app, &saved.location()).await;
    assert_eq!(report.status, StatusCode::OK);
    let html = report.text();
    assert!(html.contains("进贤县某局") && html.contains("新填报") && html.contains("张三"));
    assert!(box_class(&html, "/requests/new/total").contains("m-error"), "the stored finding is marked on the stored version");
}

#[tokio::test]
async fn a_page_copied_part_way_is_not_marked_for_the_parts_it_does_not_show() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir);
    let page = "某市某局2023年政府信息公开工作年度报告\n一、总体情况\n本年度，我局认真贯彻落实条例。\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1\n二、上年结转政府信息公开申请数量 | 0 | 0";
    let draft = upload(&app, "cut.txt", page.as_bytes()).await;
    let html = get(&app, &draft).await.text();
    assert!(!box_class(&html, "/sections/problems").contains("m-error"), "{}", box_class(&html, "/sections/problems"));
    assert!(!html.contains("<code class=\"code\">GR401</code>") || html.contains("来源未包含"), "GR401 only as not assessable");
}

#[tokio::test]
async fn the_agency_level_is_chosen_in_the_form_and_changed_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir);
    let form = get(&app, "/new").await.text();
    assert!(form.contains("name=\"level\"") && form.contains("县级"), "{form}");
    let a = post_form(&app, "/new", &[("name", "某县某局"), ("kind", "department"), ("level", "county"), ("year", "2023"), ("format", "2021")]).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.text());
    let draft = a.location();
    assert_eq!(get(&app, &format!("{draft}/download/json")).await.json()["agency"]["level"], "county");
    let page = get(&app, &draft).await.text();
    assert!(page.contains("<option value=\"county\" selected>"), "the level is shown chosen");
    // Changed in place, then cleared: the document follows.
    set_cell(&app, &draft, "/agency/level", "provincial").await;
    assert_eq!(get(&app, &format!("{draft}/download/json")).await.json()["agency"]["level"], "provincial");
    set_cell(&app, &draft, "/agency/level", "").await;
    assert!(get(&app, &format!("{draft}/download/json")).await.json()["agency"].get("level").is_none());
    // A level that is none is refused with a message, and the form post says so too.
    let bad = post_form(&app, "/new", &[("name", "某局"), ("kind", "department"), ("level", "city"), ("year", "2023"), ("format", "2021")]).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.text());
    assert!(bad.text().contains("/agency/level") && bad.text().contains("county"), "{}", bad.text());
}

#[tokio::test]
async fn the_register_from_upload_to_review_page() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir);
    // Empty: the pages say so.
    let empty = get(&app, "/register").await;
    assert!(empty.text().contains("登记库中还没有报告"));
    let bench = get(&app, "/benchmarks").await;
    assert_eq!(bench.status, StatusCode::NOT_FOUND);
    assert!(bench.text().contains("登记库中还没有报告"));

    // Two years of the county's three units, in one batch.
    let mut files = vec![];
    for year in ["2022", "2023"] {
        for unit in ["education", "health", "minhe-town"] {
            files.push((format!("{year}/{unit}.json"), fixture(&format!("tests/fixtures/county/{year}/{unit}.json"))));
        }
    }
    files.push(("broken.json".into(), b"{\"format\": \"2021\",".to_vec()));
    let parts: Vec<(&str, &str, &[u8])> = files.iter().map(|(n, b)| ("files", n.as_str(), b.as_slice())).collect();
    let batch = send(&app, multipart("/register/add", &parts, &[("reason", "")])).await;
    assert_eq!(batch.status, StatusCode::OK, "{}", batch.text());
    let html = batch.text();
    assert_eq!(html.matches("<td>新增版本</td>").count(), 6, "{html}");
    assert!(html.contains("失败") && html.contains("broken.json"));

    let overview = get(&app, "/register").await.text();
    for name in ["进贤县教育体育局", "进贤县卫生健康委员会"] {
        assert!(overview.contains(name), "{name}");
    }
    assert!(overview.contains("<th scope=\"col\">2022</th>") && overview.contains("<th scope=\"col\">2023</th>"));

    // The findings to review are the register's own.
    let dir_db = dir.path().join("govreport.db");
    let stored = {
        let r = govreport_register::Register::open_read_only(&dir_db).unwrap();
        r.findings(&govreport_register::FindingQuery { year: Some(2023), violated_only: true, ..Default::default() }).unwrap()
    };
    assert!(!stored.is_empty());
    let list = get(&app, "/findings?year=2023&state=open").await.text();
    for f in &stored {
        assert!(list.contains(&format!("id=\"finding-{}\"", f.id)), "finding {}", f.id);
    }
    let first = &stored[0];
    // Dismissing needs a reason; the error is a page, and nothing is recorded.
    let refused = post_form(&app, &format!("/findings/{}/review", first.id), &[("decision", "dismissed"), ("reason", " "), ("back", "/findings")]).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(refused.text().contains("排除问题须写明理由"));
    let done = post_form(
        &app,
        &format!("/findings/{}/review", first.id),
        &[("decision", "dismissed"), ("reason", "按县统一口径撰写"), ("back", "/findings?year=2023&state=dismissed")],
    )
    .await;
    assert_eq!((done.status, done.location()), (StatusCode::SEE_OTHER, "/findings?year=2023&state=dismissed".to_string()));
    let dismissed = get(&app, "/findings?year=2023&state=dismissed").await.text();
    assert!(dismissed.contains(&format!("id=\"finding-{}\"", first.id)) && dismissed.contains("按县统一口径撰写"));
    // A back link never leaves the site.
    let away = post_form(&app, &format!("/findings/{}/review", first.id), &[("decision", "confirmed"), ("back", "https://evil.example/")]).await;
    assert_eq!(away.location(), "/findings?state=open");

    // A new report for a unit of the register starts with its facts.
    let form = get(&app, &format!("/new?unit={}", first.unit_id)).await.text();
    assert!(form.contains(&format!("value=\"{}\"", first.unit)) && form.contains("value=\"360124\""));
    assert_eq!(get(&app, "/new?unit=999").await.status, StatusCode::NOT_FOUND);

    // The unit, its report with the stored findings marked, its history.
    let unit_page = get(&app, &format!("/units/{}", first.unit_id)).await;
    assert_eq!(unit_page.status, StatusCode::OK);
    assert!(unit_page.text().contains(&first.unit) && unit_page.text().contains("按县统一口径撰写"), "the review is in the history");
    let report = get(&app, &format!("/units/{}/2023", first.unit_id)).await.text();
    assert!(report.contains("已确认") && report.contains(&first.finding.message), "the last decision holds");

    // Benchmarks and trends as SVG charts, the review page, its downloads, CSV export.
    let bench = get(&app, "/benchmarks?year=2023").await.text();
    assert!(bench.matches("<svg").count() >= 1 && bench.contains("P50"), "{bench}");
    let trends = get(&app, "/trends?region=360124").await.text();
    assert!(trends.contains("<svg"));
    let review = get(&app, "/review?year=2023&region=360124").await.text();
    assert!(review.contains("2023年度政府信息公开工作年度报告审查情况") && review.contains("<svg"));
    let docx = get(&app, "/review/download/docx?year=2023&region=360124").await;
    assert!(docx.body.starts_with(b"PK"));
    let csv = get(&app, "/export?what=reports&format=csv&year=2023").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.header("content-type").starts_with("text/csv"));
    let text = csv.text();
    assert!(text.starts_with('\u{FEFF}'));
    assert_eq!(text.trim_end().lines().count(), 1 + 3, "a heading and the three units: {text}");
    assert_eq!(get(&app, "/export?what=secrets").await.status, StatusCode::BAD_REQUEST);

    // A stored version opened for editing: saved back as version 2 with its reason.
    let edit = post_form(&app, &format!("/units/{}/2023/edit", first.unit_id), &[("version", &first.version_id.to_string())]).await;
    assert_eq!(edit.status, StatusCode::SEE_OTHER);
    let draft = edit.location();
    assert!(get(&app, &draft).await.text().contains("登记库中的报告，第 1 版"));
    set_cell(&app, &draft, "/sections/other_matters", "本年度无其他需要报告的事项。").await;
    let saved = post_form(&app, &format!("{draft}/register"), &[("reason", "补充第六部分")]).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text());
    let versions = govreport_register::Register::open_read_only(&dir_db).unwrap().versions(&govreport_register::UnitRef::Id(first.unit_id), 2023).unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[1].reason.as_deref(), Some("补充第六部分"));
}

#[tokio::test]
async fn every_error_is_a_page_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_with(&dir, Some(4096));
    let check = |a: &Answer, status: StatusCode, words: &str| {
        assert_eq!(a.status, status, "{}", a.text());
        assert!(a.header("content-type").starts_with("text/html"), "{:?}", a.headers);
        let t = a.text();
        assert!(t.contains("role=\"alert\"") && t.contains(words), "{words}: {t}");
        assert!(!t.contains("panicked") && !t.contains("RUST_BACKTRACE") && !t.contains("src/"), "{t}");
    };
    check(&get(&app, "/no/such/page").await, StatusCode::NOT_FOUND, "没有这个页面");
    check(&get(&app, "/check/0123456789abcdef0123456789abcdef").await, StatusCode::NOT_FOUND, "已不在工作区");
    check(&get(&app, "/units/999").await, StatusCode::NOT_FOUND, "未找到");
    check(&get(&app, "/units/abc").await, StatusCode::BAD_REQUEST, "请求的内容不完整或格式不对");
    check(&get(&app, "/findings?state=maybe").await, StatusCode::BAD_REQUEST, "审核状态");
    check(&send(&app, Request::delete("/").body(Body::empty()).unwrap()).await, StatusCode::METHOD_NOT_ALLOWED, "不接受");
    check(&send(&app, multipart("/check", &[], &[("text", "  ")])).await, StatusCode::BAD_REQUEST, "请选择一个文件");
    check(&send(&app, multipart("/check", &[("file", "x.pdf", b"%PDF-1.4 nothing")], &[])).await, StatusCode::BAD_REQUEST, "");
    check(
        &send(&app, multipart("/check", &[("file", "a.txt", "某局政府信息公开工作年度报告\n一、总体情况\n".as_bytes())], &[])).await,
        StatusCode::BAD_REQUEST,
        "",
    );
    // Over the upload limit (4 KiB here): a clear message, also in English.
    let big = vec![b'x'; 80_000];
    check(&send(&app, multipart("/check", &[("file", "big.html", &big)], &[])).await, StatusCode::PAYLOAD_TOO_LARGE, "上传的内容太大");
    let en = send(&app, multipart("/check?lang=en", &[("file", "big.html", &big)], &[])).await;
    check(&en, StatusCode::PAYLOAD_TOO_LARGE, "The upload is too large");
    check(&post_form(&app, "/new", &[("name", "x")]).await, StatusCode::UNPROCESSABLE_ENTITY, "missing field");
    check(
        &post_form(&app, "/new", &[("name", "某局"), ("kind", "department"), ("year", "2023"), ("format", "1999")]).await,
        StatusCode::BAD_REQUEST,
        "未知的报告格式",
    );
    // The live-editing call answers in JSON, also when the draft is gone.
    let req = Request::post("/check/nope/cell")
        .header(header::ACCEPT, "application/json")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("pointer=%2Fyear&value=2023"))
        .unwrap();
    let a = send(&app, req).await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert_eq!(a.json()["ok"], false);
    assert!(a.json()["error"].as_str().unwrap().contains("已不在工作区"));
}

#[tokio::test]
async fn no_request_reaches_a_file_and_other_sites_cannot_post() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir);
    for uri in [
        "/assets/../Cargo.toml",
        "/assets/%2e%2e%2fCargo.toml",
        "/assets/..%2f..%2f..%2fetc%2fpasswd",
        "/../../etc/passwd",
        "/assets/app.css/../../govreport.db",
        "/govreport.db",
    ] {
        let a = get(&app, uri).await;
        assert_eq!(a.status, StatusCode::NOT_FOUND, "{uri}");
        let t = a.text();
        assert!(!t.contains("[package]") && !t.contains("root:") && !t.contains("SQLite format"), "{uri}");
    }
    let css = get(&app, "/assets/app.css").await;
    assert_eq!((css.status, css.header("content-type").as_str()), (StatusCode::OK, "text/css; charset=utf-8"));
    assert!(get(&app, "/assets/app.js").await.text().contains("use strict"));
    // Security headers on every page.
    let home = get(&app, "/").await;
    assert!(home.header("content-security-policy").contains("default-src 'self'"));
    assert_eq!(home.header("x-content-type-options"), "nosniff");
    assert_eq!(home.header("x-frame-options"), "DENY");
    assert!(!home.text().contains("http://") && !home.text().contains("https://"), "nothing loaded from elsewhere");
    // A form posted from another site is refused.
    let req = Request::post("/new")
        .header(header::ORIGIN, "http://evil.example")
        .header(header::HOST, "127.0.0.1:8080")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("name=x&kind=department&year=2023&format=2021"))
        .unwrap();
    let a = send(&app, req).await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    assert!(a.text().contains("来自其他网站"));
    let req = Request::post("/new")
        .header("sec-fetch-site", "same-origin")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("name=x&kind=department&year=2023&format=2021"))
        .unwrap();
    assert_eq!(send(&app, req).await.status, StatusCode::SEE_OTHER);
}

#[test]
fn localhost_unless_told_otherwise() {
    let c = Config::new("x.db");
    assert!(c.bind.ip().is_loopback());
    assert_eq!(c.max_upload as u64, govreport::limits::MAX_INPUT_BYTES);
}

#[tokio::test]
async fn every_imported_cell_shows_where_it_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&dir);
    // A rendered Word file: every figure read has its table, row and cell in the source.
    let doc = govreport::parse_json(&fixture("examples/report-2023.json")).unwrap();
    let docx = govreport::render(&doc, govreport::RenderFormat::Docx, govreport::Lang::Zh).unwrap();
    let draft = upload(&app, "report.docx", &docx).await;
    let html = get(&app, &draft).await.text();
    let source_of = |pointer: &str| {
        let at = html.find(&format!("name=\"{pointer}\"")).unwrap_or_else(|| panic!("no field {pointer}"));
        let tag = &html[at..at + html[at..].find('>').unwrap()];
        tag.split("data-source=\"").nth(1).map(|s| s.split('"').next().unwrap().to_string())
    };
    assert_eq!(source_of("/requests/new/total").as_deref(), Some("第 2 个表格，第 4 行，第 8 格，原文“112”"));
    assert_eq!(source_of("/proactive/rules/issued").as_deref(), Some("第 1 个表格，第 3 行，第 2 格，原文“0”"));
    // Not only the cells an import note names: every figure the source gives.
    let read = doc.cells().filter(|(d, c)| d.is_figure() && c.state() == govreport::model::CellState::Value).count();
    assert!(html.matches("data-source=").count() >= read, "{} of {read}", html.matches("data-source=").count());
}
