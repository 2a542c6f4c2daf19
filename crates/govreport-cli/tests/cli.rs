//! The `govreport` command end to end: output formats, languages and exit statuses.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use govreport::labels::{self, Role};
use govreport::{Agency, AgencyKind, Format, Report};
use serde_json::{Value, json};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_govreport"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seed() -> PathBuf {
    root().join("tests/fixtures/seed-2012-changchun-etdz.json")
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("govreport-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// A clean 2021 department report, built through the library.
fn clean_report() -> String {
    let agency = Agency::new("某市某区档案馆", AgencyKind::Department).with_region_code("220105");
    let mut r = Report::new(Format::F2021, 2023, agency);
    r.set("/published_on", json!("2024-01-20")).unwrap();
    r.set("/sections/overview", json!("本年度，我馆认真做好主动公开、依申请公开、政府信息管理、政府信息公开平台建设和监督保障工作。")).unwrap();
    r.set("/sections/problems", json!("存在的主要问题：公开内容的深度和广度还不够，解读回应不够及时。改进情况：加强业务培训，完善发布审核流程。")).unwrap();
    r.set("/sections/other_matters", json!("本年度未收取信息处理费。")).unwrap();
    for b in labels::PROACTIVE_2021 {
        for row in b.rows {
            for col in b.columns {
                let p = if col.id.is_empty() { row.id.to_string() } else { format!("{}/{}", row.id, col.id) };
                r.set(&p, if p.ends_with("yuan") { json!("0") } else { json!(0) }).unwrap();
            }
        }
    }
    for rl in labels::request_rows(Format::F2021).filter(|r| r.row.is_some()) {
        for col in &labels::REQUEST_COLUMNS[..6] {
            let v = u64::from(col.id == "natural_person" && matches!(rl.role, Role::Intake | Role::ResultsTotal) && rl.label.id != "/requests/carried_over")
                + u64::from(col.id == "natural_person" && rl.label.id == "/requests/granted");
            r.set(&format!("{}/{}", rl.label.id, col.id), json!(v)).unwrap();
        }
    }
    for g in labels::REVIEW_GROUPS {
        for col in &labels::REVIEW_COLUMNS[..4] {
            r.set(&format!("{}/{}", g.id, col.id), json!(0)).unwrap();
        }
    }
    govreport::complete(&mut r);
    r.to_json_pretty()
}

#[test]
fn seed_report_fails_with_the_known_defects() {
    let o = run(&["check", seed().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert_eq!(out.matches("GR801").count(), 3, "{out}");
    assert!(out.contains("分项之和为 3017，与所述总数 3025 不符"), "{out}");
    assert!(out.contains("4 个问题（错误 4，警告 0，提示 0）"), "{out}");
    let en = stdout(&run(&["check", "--lang", "en", seed().to_str().unwrap()]));
    assert!(en.contains("the parts add up to 3017, not the stated 3025"), "{en}");
}

#[test]
fn clean_report_exits_zero() {
    let p = scratch("clean.json", clean_report().as_bytes());
    let o = run(&["check", "--today", "2026-11-26", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("0 个问题"), "{}", stdout(&o));
}

#[test]
fn json_and_sarif_outputs() {
    let o = run(&["check", "--format", "json", seed().to_str().unwrap()]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let findings = v[0]["findings"].as_array().unwrap();
    let codes: Vec<&str> = findings.iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["GR801", "GR801", "GR801", "GR802"]);
    assert_eq!(findings[3]["path"], "/figures/0/total");
    assert_eq!((findings[3]["expected"].as_str(), findings[3]["actual"].as_str()), (Some("3017"), Some("3025")));

    let o = run(&["check", "--format", "sarif", seed().to_str().unwrap()]);
    let s: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(s["version"], "2.1.0");
    let run0 = &s["runs"][0];
    assert_eq!(run0["results"].as_array().unwrap().len(), 4);
    let idx = run0["results"][3]["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(run0["tool"]["driver"]["rules"][idx]["id"], "GR802");
    assert_eq!(run0["results"][3]["level"], "error");
    assert_eq!(run0["results"][3]["locations"][0]["logicalLocations"][0]["fullyQualifiedName"], "/figures/0/total");
}

#[test]
fn options_on_the_command_line() {
    let o = run(&["check", "--disable", "GR8", seed().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = run(&["check", "--severity", "GR801=warning", "--severity", "GR802=info", seed().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("警告 3，提示 1"));
    for bad in [["--severity", "GR801=fatal"], ["--severity", "GR999=error"], ["--disable", "XX"], ["--today", "2026-13-01"]] {
        let o = run(&["check", bad[0], bad[1], seed().to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{bad:?}");
        assert!(!o.stderr.is_empty());
    }
}

fn unreadable(name: &str, bytes: &[u8], wanted: &str) {
    let p = scratch(name, bytes);
    let o = run(&["check", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{name}");
    let out = stdout(&o);
    assert!(out.contains("无法读取") && out.contains(wanted), "{name}: {out}");
    let o = run(&["check", "--format", "json", p.to_str().unwrap()]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v[0]["error"]["kind"].is_string(), "{name}: {v}");
}

#[test]
fn bad_inputs_exit_two_and_say_where() {
    unreadable("broken.json", br#"{"format":"2021","year":"#, "第 1 行");
    unreadable(
        "negative.json",
        r#"{"format":"2021","year":2023,"agency":{"name":"x","kind":"department"},"requests":{"new":{"total":-5}}}"#.as_bytes(),
        "/requests/new/total",
    );
    unreadable(
        "fraction.json",
        r#"{"format":"2021","year":2023,"agency":{"name":"x","kind":"department"},"proactive":{"licensing":1.5}}"#.as_bytes(),
        "/proactive/licensing",
    );
    unreadable("format.json", br#"{"format":"2020","year":2020}"#, "/format");
    unreadable("deep.json", ("[".repeat(10_000) + &"]".repeat(10_000)).as_bytes(), "嵌套超过 32 层");
    unreadable("latin1.json", b"{\"format\":\"2021\",\"year\":2023,\"agency\":{\"name\":\"\xb3\xa4\",\"kind\":\"department\"}}", "UTF-8");
    // A sparse 300 MB file is refused by its size, without reading it.
    let p = scratch("huge.json", b"");
    std::fs::File::options().write(true).open(&p).unwrap().set_len(300 * 1024 * 1024).unwrap();
    let o = run(&["check", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("超过上限"), "{}", stdout(&o));
    std::fs::remove_file(&p).unwrap();
    let o = run(&["check", "/nonexistent/report.json"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn unreadable_beats_errors_in_the_exit_status_and_every_file_is_reported() {
    let bad = scratch("bad.json", b"{");
    let o = run(&["check", seed().to_str().unwrap(), bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    assert!(out.contains("GR802") && out.contains("无法读取"), "{out}");
}

#[test]
fn reads_standard_input() {
    let mut child = bin().args(["check", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(&std::fs::read(seed()).unwrap()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).starts_with("<stdin>: 4 个问题"));
}

#[test]
fn complete_fills_totals() {
    let p = scratch(
        "parts.json",
        r#"{"format":"2021","year":2023,"agency":{"name":"x","kind":"department"},"review_litigation":{"review":{"upheld":1,"corrected":2,"other":0,"pending":1}}}"#.as_bytes(),
    );
    let out = scratch("out.json", b"");
    let o = run(&["complete", p.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(v["review_litigation"]["review"]["total"], 4);
    let o = run(&["complete", Path::new("/nonexistent").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn schema_rules_and_explain() {
    let s: Value = serde_json::from_slice(&run(&["schema"]).stdout).unwrap();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    let rules = stdout(&run(&["rules"]));
    assert_eq!(rules.lines().count(), govreport::RULES.len());
    assert!(rules.contains("GR201  requests-balance"));
    let j: Value = serde_json::from_slice(&run(&["rules", "--format", "json", "--lang", "en"]).stdout).unwrap();
    assert_eq!(j.as_array().unwrap().len(), govreport::RULES.len());
    let e = stdout(&run(&["explain", "gr802"]));
    assert!(e.starts_with("GR802 breakdown-sum (error)") && e.contains("3025"), "{e}");
    let o = run(&["explain", "GR999"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("GR999"));
}

#[test]
fn render_writes_each_format() {
    let example = root().join("examples/report-2023.json");
    for (to, probe) in
        [("html", "<!DOCTYPE html>"), ("md", "# 深圳市某区市场监督管理局2023年政府信息公开工作年度报告"), ("txt", "| 一、本年新收政府信息公开申请数量")]
    {
        let o = run(&["render", example.to_str().unwrap(), "--to", to]);
        assert_eq!(o.status.code(), Some(0), "{to}");
        assert!(stdout(&o).contains(probe), "{to}");
    }
    let out = scratch("report.docx", b"");
    let o = run(&["render", example.to_str().unwrap(), "--to", "docx", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"), "a zip file");
    let en = stdout(&run(&["render", example.to_str().unwrap(), "--to", "txt", "--lang", "en"]));
    assert!(en.contains("1. New requests this year"), "{en}");
    let o = run(&["render", "/nonexistent.json"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_folder_of_a_county_is_checked_as_a_batch() {
    let county = root().join("tests/fixtures/county");
    let o = run(&["check", "--today", "2026-11-26", county.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "warnings only");
    let out = stdout(&o);
    assert!(out.contains("共检查 6 份报告，0 份无法读取"), "{out}");
    assert!(out.contains("与同批其他单位相比"), "{out}");
    assert!(out.contains("GR701") && out.contains("county/2022/health.json"), "{out}");
    let summary = stdout(&run(&["check", "--summary", "--today", "2026-11-26", county.to_str().unwrap()]));
    assert!(!summary.contains("个问题（"), "{summary}");
    assert!(summary.contains("GR701       2"), "{summary}");
    let csv = stdout(&run(&["check", "--format", "csv", "--today", "2026-11-26", county.to_str().unwrap()]));
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows[0], "file,code,name,severity,status,path,expected,actual,message");
    // The blank, the two copies, and the township's 0 licensing decisions among busy peers.
    assert_eq!(rows.len(), 5, "{csv}");
    assert!(rows[2].contains("2022/minhe-town.json,GR702"), "{csv}");
    let json: Value = serde_json::from_slice(&run(&["check", "--format", "json", "--today", "2026-11-26", county.to_str().unwrap()]).stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 8, "six units, then the township's and the health unit's batch findings");
}

#[test]
fn json_lines_and_standard_input_batches() {
    let mut lines = String::new();
    for unit in ["education", "health", "minhe-town"] {
        let v: Value = serde_json::from_slice(&std::fs::read(root().join(format!("tests/fixtures/county/2023/{unit}.json"))).unwrap()).unwrap();
        lines += &(v.to_string() + "\n");
    }
    lines += "{\"format\":\"2021\",\"year\":-1}\n\n";
    let p = scratch("units.jsonl", lines.as_bytes());
    let o = run(&["check", "--format", "json", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "line 4 is unreadable");
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let names: Vec<&str> = v.as_array().unwrap().iter().map(|r| r["file"].as_str().unwrap()).collect();
    assert!(names[0].ends_with("units.jsonl:1") && names[3].ends_with("units.jsonl:4"), "{names:?}");
    assert_eq!(v[3]["error"]["pointer"], "/year");
    let mut child = bin().args(["check", "--summary", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(lines.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(stdout(&o).contains("共检查 4 份报告，1 份无法读取"), "{}", stdout(&o));
}

#[test]
fn compare_and_aggregate_commands() {
    let y = |year: u32, unit: &str| root().join(format!("tests/fixtures/county/{year}/{unit}.json")).to_str().unwrap().to_string();
    let o = run(&["compare", &y(2022, "education"), &y(2023, "education"), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let codes: Vec<&str> = v[0]["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["GR601", "GR601"]);
    let out = scratch("rollup.json", b"");
    let o = run(&["aggregate", &y(2023, "education"), &y(2023, "health"), &y(2023, "minhe-town"), "--name", "进贤县人民政府", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stderr).contains("/proactive/licensing：进贤县民和镇人民政府"));
    let up: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(up["requests"]["new"]["total"], 38);
    assert_eq!(up["agency"]["name"], "进贤县人民政府");
    let o = run(&["aggregate", &y(2022, "education"), &y(2023, "health"), "--name", "x"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("reports[1]"));
}

#[test]
fn published_pages_are_imported_and_checked() {
    // The raw seed text: the breakdown and the three missing contents, nothing else (and the
    // import's word that the agency kind was taken from the name).
    let seed_txt = root().join("tests/fixtures/corpus/seed-2012-changchun-etdz.txt");
    let o = run(&["check", "--today", "2026-11-26", "--format", "json", seed_txt.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let codes: Vec<&str> = v[0]["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["GR918", "GR801", "GR801", "GR801", "GR802"]);
    // The kind given: nothing taken, nothing said.
    let out = scratch("seed.json", b"");
    let o = run(&["import", seed_txt.to_str().unwrap(), "--agency-kind", "department", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!String::from_utf8_lossy(&o.stderr).contains("GR918"));
    let seed: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(seed["agency"]["kind"], "department");
    assert_eq!(run(&["import", seed_txt.to_str().unwrap(), "--agency-kind", "ministry"]).status.code(), Some(2));
    // render → import gives the published content back.
    let example = root().join("examples/report-2023.json");
    let html = scratch("page.html", &run(&["render", example.to_str().unwrap()]).stdout);
    let out = scratch("back.json", b"");
    let o = run(&["import", html.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let mut want: Value = serde_json::from_slice(&std::fs::read(&example).unwrap()).unwrap();
    // Level and region code are not printed in the published layout.
    want["agency"].as_object_mut().unwrap().retain(|k, _| k == "name" || k == "kind");
    let got: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(got, want);
    // A GBK page: detected, read, imported.
    let text = std::fs::read_to_string(root().join("tests/fixtures/corpus/dev/2022-002.txt")).unwrap();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    let p = scratch("gbk.txt", &gbk);
    let o = run(&["import", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["requests"]["new"]["total"], 1);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("GBK") || String::from_utf8_lossy(&o.stderr).contains("gb18030"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn indicators_per_unit() {
    let county = root().join("tests/fixtures/county/2023");
    let v: Value = serde_json::from_slice(&run(&["indicators", "--format", "json", county.to_str().unwrap()]).stdout).unwrap();
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), 3);
    // Education 2023: (9+1 + 3+1) granted and partly granted of 19 results; 1 review of 17 new.
    let edu = &list[0]["indicators"];
    assert!((edu["disclosure_rate"].as_f64().unwrap() - 14.0 / 19.0).abs() < 1e-9);
    assert!((edu["review_litigation_rate"].as_f64().unwrap() - 1.0 / 17.0).abs() < 1e-9);
    assert!(edu["correction_rate"].is_null(), "the only review is pending: nothing concluded");
    let human = stdout(&run(&["indicators", county.to_str().unwrap()]));
    assert!(human.contains("公开率") && human.contains("73.7%"), "{human}");
    let csv = stdout(&run(&["indicators", "--format", "csv", county.to_str().unwrap()]));
    assert!(csv.starts_with("file,disclosure_rate,review_litigation_rate,correction_rate\n"), "{csv}");
}

#[test]
fn pdf_files_are_imported_and_checked() {
    let hongze = root().join("tests/fixtures/corpus/pdf/2024-hongze-district.pdf");
    let out = scratch("hongze.json", b"");
    let o = run(&["import", hongze.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("(pdf,") && stderr.contains("第3页"), "{stderr}");
    let v: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!((v["year"].as_u64(), v["agency"]["name"].as_str()), (Some(2024), Some("淮安市洪泽区人民政府")));
    assert_eq!(v["review_litigation"]["litigation_after_review"]["total"], 3);
    // check reads it by content, alone and in a folder.
    let o = run(&["check", "--today", "2026-11-26", "--format", "json", hongze.to_str().unwrap()]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v[0]["findings"].as_array().unwrap().iter().any(|f| f["code"] == "GR908"), "{v}");
    let dir = root().join("target/tmp-cli-pdf");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(&hongze, dir.join("hongze.pdf")).unwrap();
    std::fs::copy(root().join("tests/fixtures/pdf/scanned-page.pdf"), dir.join("scan.pdf")).unwrap();
    let o = run(&["check", "--today", "2026-11-26", dir.to_str().unwrap()]);
    // The scan cannot be read (exit status 2), and says why; the report is checked.
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    let all = format!("{}{}", stdout(&o), String::from_utf8_lossy(&o.stderr));
    assert!(all.contains("scan.pdf") && all.contains("扫描件"), "{all}");
}

#[test]
fn import_with_provenance_writes_it_beside_the_document_or_with_it() {
    let page = "某市某局2023年政府信息公开工作年度报告\n一、总体情况\n本年度……\n二、主动公开政府信息情况\n规章 | 0 | 0 | 0 |\n行政规范性文件 | 5件 | 1 | 25 |\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 5 |\n";
    let p = scratch("prov-page.txt", page.as_bytes());
    // Beside the document: -o X.json writes X.provenance.json; the document is as without it.
    let out = scratch("prov-out.json", b"");
    let beside = out.with_extension("provenance.json");
    let _ = std::fs::remove_file(&beside);
    let o = run(&["import", p.to_str().unwrap(), "--provenance", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let doc: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(doc["proactive"]["normative_documents"]["issued"], 5);
    let prov: Value = serde_json::from_slice(&std::fs::read(&beside).unwrap()).unwrap();
    assert_eq!(prov["/proactive/normative_documents/issued"], serde_json::json!({"line": 6, "column": 11, "text": "5件"}));
    let plain = scratch("prov-plain.json", b"");
    run(&["import", p.to_str().unwrap(), "-o", plain.to_str().unwrap()]);
    assert_eq!(std::fs::read(&plain).unwrap(), std::fs::read(&out).unwrap());
    // On standard output: one object with both.
    let o = run(&["import", p.to_str().unwrap(), "--provenance"]);
    let both: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(both["report"], doc);
    assert_eq!(both["provenance"], prov);
    // The check of the page says where the wrong total is.
    let o = run(&["check", "--format", "json", p.to_str().unwrap()]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let f = v[0]["findings"].as_array().unwrap().iter().find(|f| f["code"] == "GR203" && f["path"] == "/requests/new/total").unwrap();
    assert_eq!((&f["params"]["source_line"], &f["params"]["source_text"]), (&serde_json::json!("8"), &serde_json::json!("5")));
    let o = run(&["check", p.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("来源：第8行第"), "{}", String::from_utf8_lossy(&o.stdout));
    // Rendered with marks: the wrong total is marked an error and says where it was read.
    let o = run(&["render", p.to_str().unwrap(), "--marks"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let html = String::from_utf8(o.stdout).unwrap();
    let at = html.find("data-pointer=\"/requests/new/total\"").unwrap();
    let td = &html[at..at + html[at..].find('>').unwrap()];
    assert!(td.contains("class=\"finding error\"") && td.contains("GR203") && td.contains("data-source=\"第8行第44字“5”\""), "{td}");
    assert_eq!(run(&["render", p.to_str().unwrap(), "--marks", "--to", "docx"]).status.code(), Some(2));
}
