//! `govreport register` end to end: the README's walk-through (two years of a county, a
//! finding dismissed, a corrected version, the history, the review page with its charts),
//! bad input, an ingest killed part-way, and readers while another process writes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_govreport"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `govreport register --db DB ARGS…` (with today fixed) in `dir`.
fn register(dir: &Path, args: &[&str]) -> Output {
    bin().current_dir(dir).arg("register").args(args).output().expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn ok(o: Output) -> String {
    assert!(o.status.success(), "exit {:?}\nstdout: {}\nstderr: {}", o.status.code(), stdout(&o), String::from_utf8_lossy(&o.stderr));
    stdout(&o)
}

fn county(year: u16) -> String {
    root().join(format!("tests/fixtures/county/{year}")).display().to_string()
}

#[test]
fn the_readme_walk_through() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // 1. Two years of the county's units.
    let out = ok(register(d, &["add", &county(2022), &county(2023), "--today", "2026-11-26"]));
    assert!(out.starts_with("批次 1：6 个输入，新增版本 6"), "{out}");
    assert!(d.join("govreport.db").exists());
    // 2. The findings; the health commission's overview is copied from last year.
    let list: Value = serde_json::from_str(&ok(register(d, &["findings", "--year", "2023", "--format", "json"]))).unwrap();
    let copied = list.as_array().unwrap().iter().find(|f| f["finding"]["code"] == "GR606" && f["finding"]["path"] == "/sections/overview").unwrap();
    let id = copied["id"].as_i64().unwrap().to_string();
    assert_eq!(copied["state"], "open");
    // 3. Dismissed with a reason.
    let out = ok(register(d, &["review", "dismiss", &id, "--reason", "按县统一口径撰写", "--reviewer", "李审核"]));
    assert!(out.contains("已排除"), "{out}");
    let dismissed: Value = serde_json::from_str(&ok(register(d, &["findings", "--state", "dismissed", "--format", "json"]))).unwrap();
    assert_eq!(dismissed.as_array().unwrap().len(), 1);
    // 4. A corrected version of the education bureau's 2023 report.
    let corrected = root().join("examples/county/education-2023-corrected.json").display().to_string();
    let out = ok(register(d, &["add", &corrected, "--reason", "按上年结转数更正", "--today", "2026-11-26"]));
    assert!(out.contains("第2版"), "{out}");
    // The same file again is a duplicate.
    let again = ok(register(d, &["add", &corrected]));
    assert!(again.contains("重复文件 1"), "{again}");
    // 5. The history: both versions, what changed, what it resolved, the review.
    let h = ok(register(d, &["history", "进贤县教育体育局", "2023"]));
    for text in
        ["第1版", "第2版", "按上年结转数更正", "二、上年结转政府信息公开申请数量「自然人」 /requests/carried_over/natural_person: 3 → 2", "已解决 GR601"]
    {
        assert!(h.contains(text), "{text} in\n{h}");
    }
    let h: Value = serde_json::from_str(&ok(register(d, &["history", "进贤县卫生健康委员会", "--format", "json"]))).unwrap();
    assert!(h["events"].as_array().unwrap().iter().any(|e| e["event"] == "review" && e["review"]["decision"] == "dismissed"));
    let status = ok(register(d, &["status", "--year", "2023", "--region", "360124"]));
    assert!(status.starts_with("2023 年度：应报 3，按时发布 3"), "{status}");
    // 6. The review page with its charts, as HTML and as Word.
    let o = register(d, &["review", "--year", "2023", "--region", "360124", "-o", "review.html"]);
    ok(o);
    let html = std::fs::read_to_string(d.join("review.html")).unwrap();
    assert!(html.matches("<svg ").count() >= 10 && !html.contains("<script"));
    assert!(html.contains("进贤县卫生健康委员会") && html.contains("附录 数据来源"));
    ok(register(d, &["review", "--year", "2023", "--region", "360124", "--to", "docx", "-o", "review.docx"]));
    assert_eq!(&std::fs::read(d.join("review.docx")).unwrap()[..2], b"PK");
    // In English on request.
    let en = ok(register(d, &["status", "--lang", "en"]));
    assert!(en.starts_with("2023: 3 expected"), "{en}");
    // Export for spreadsheets.
    ok(register(d, &["export", "--what", "cells", "--format", "csv", "--year", "2022", "-o", "cells.csv"]));
    let csv = std::fs::read_to_string(d.join("cells.csv")).unwrap();
    assert_eq!(csv.lines().count(), 1 + 3 * govreport::cells::figures(govreport::Format::F2021).count());
}

#[test]
fn a_cell_set_by_hand_and_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("broken.json"), "{\"format\": \"2021\", \"year\": ").unwrap();
    let again = format!("{}/health.json", county(2023));
    let o = register(d, &["add", &county(2023), "broken.json", "missing.json", &again]);
    assert_eq!(o.status.code(), Some(2), "a batch with failed inputs exits 2");
    let out = stdout(&o);
    assert!(out.contains("5 个输入") && out.contains("新增版本 3") && out.contains("失败 2"), "{out}");
    // The same file named again is read once and said so, as `check` does.
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("health.json") && err.contains("同一个文件，跳过"), "{err}");
    // The register file itself is never an input.
    let o = register(d, &["add", "govreport.db"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("跳过") && stdout(&o).contains("0 个输入"), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.contains("broken.json") && out.contains("不是有效的 JSON"), "{out}");
    let out = ok(register(d, &["set", "进贤县民和镇人民政府", "2023", "/proactive/licensing", "0", "--reason", "电话核实：本年无行政许可"]));
    assert!(out.contains("（空白） → 0"), "{out}");
    // A set without a reason, a unit that is not there, a value the core refuses: exit 2 with the reason.
    assert_eq!(register(d, &["set", "进贤县民和镇人民政府", "2023", "/proactive/licensing", "1"]).status.code(), Some(2));
    let o = register(d, &["set", "没有的局", "2023", "/proactive/licensing", "1", "--reason", "x"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("未找到"), "{}", String::from_utf8_lossy(&o.stderr));
    let o = register(d, &["set", "3", "2023", "/requests/new/total", "-4", "--reason", "x"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("/requests/new/total"));
    // The page needs a year; a read command needs a register.
    assert_eq!(register(d, &["review"]).status.code(), Some(2));
    let o = register(d, &["--db", "none.db", "status"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!d.join("none.db").exists(), "reading does not make a register");
    let batches = ok(register(d, &["batches", "1"]));
    assert!(batches.contains("failed") && batches.contains("missing.json"), "{batches}");
}

/// `n` reports of `year`, one JSON line each: the education bureau's report under `n` names.
fn many(dir: &Path, n: usize, year: u16) -> PathBuf {
    let base: Value = serde_json::from_slice(&std::fs::read(root().join("tests/fixtures/county/2023/education.json")).unwrap()).unwrap();
    let mut lines = String::new();
    for i in 0..n {
        let mut doc = base.clone();
        doc["year"] = json!(year);
        doc["published_on"] = json!(format!("{}-01-20", year + 1));
        doc["agency"]["name"] = json!(format!("测试县第{i}局"));
        doc["requests"]["new"]["commercial"] = json!(i % 7);
        doc["requests"]["new"]["total"] = json!(15 + i % 7);
        lines.push_str(&serde_json::to_string(&doc).unwrap());
        lines.push('\n');
    }
    let path = dir.join(format!("many-{year}.jsonl"));
    std::fs::write(&path, lines).unwrap();
    path
}

/// Everything a register must hold after any interruption: every version complete with all its
/// cells, metrics and findings made; every report's current version one of its own; every
/// input recorded as added has its version.
fn assert_whole(db: &Path) -> usize {
    let c = rusqlite::Connection::open(db).unwrap();
    let q = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).unwrap() };
    let fields = govreport::cells::figures(govreport::Format::F2021).count() as i64;
    assert_eq!(
        q(&format!("SELECT count(*) FROM versions v WHERE (SELECT count(*) FROM cells c WHERE c.version_id = v.id) <> {fields}")),
        0,
        "a version without all its cells"
    );
    assert_eq!(q("SELECT count(*) FROM versions v WHERE NOT EXISTS (SELECT 1 FROM metric_values m WHERE m.version_id = v.id)"), 0, "a version without metrics");
    assert_eq!(q("SELECT count(*) FROM versions v WHERE NOT EXISTS (SELECT 1 FROM batch_inputs i WHERE i.version_id = v.id)"), 0, "a version no input made");
    assert_eq!(
        q(
            "SELECT count(*) FROM reports r WHERE r.current_version IS NULL OR NOT EXISTS (SELECT 1 FROM versions v WHERE v.id = r.current_version AND v.report_id = r.id)"
        ),
        0
    );
    assert_eq!(q("SELECT count(*) FROM batch_inputs i WHERE i.outcome = 'added' AND NOT EXISTS (SELECT 1 FROM versions v WHERE v.id = i.version_id)"), 0);
    assert_eq!(q("SELECT count(*) FROM sources s WHERE NOT EXISTS (SELECT 1 FROM batch_inputs i WHERE i.sha256 = s.sha256)"), 0, "a source no input read");
    assert_eq!(q("SELECT count(*) FROM pragma_foreign_key_check"), 0);
    let ok: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    q("SELECT count(*) FROM versions") as usize
}

fn versions(db: &Path) -> Vec<i64> {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    c.busy_timeout(Duration::from_secs(10)).unwrap();
    // Killed before the schema was made (it is made in one transaction): nothing there yet.
    let made: i64 = c.query_row("SELECT count(*) FROM sqlite_master WHERE name = 'versions'", [], |r| r.get(0)).unwrap();
    if made == 0 {
        return vec![];
    }
    let mut stmt = c.prepare("SELECT id FROM versions ORDER BY id").unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
}

#[test]
fn an_ingest_killed_at_any_point_loses_nothing_committed_and_leaves_no_half_version() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let n = 300;
    let data = many(d, n, 2023);
    let db = d.join("govreport.db");
    // Killed at different moments: while the file is being made, then once a first group of
    // inputs, a quarter, a half and three quarters of them are committed (each round takes the
    // committed inputs again as duplicates, then goes on).
    let mut part_way = 0;
    for (round, target) in [0usize, 1, n / 4, n / 2, 3 * n / 4].into_iter().enumerate() {
        let mut child = bin().current_dir(d).args(["register", "add"]).arg(&data).arg("--no-peers").stdout(std::process::Stdio::null()).spawn().unwrap();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(120) && child.try_wait().unwrap().is_none() {
            if target == 0 || (db.exists() && versions(&db).len() >= target) {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let before = if db.exists() { versions(&db) } else { vec![] };
        // SIGKILL: no chance to clean up.
        let _ = child.kill();
        let _ = child.wait();
        if !db.exists() || (before.is_empty() && versions(&db).is_empty()) {
            eprintln!("round {round}: killed before anything was committed");
            continue;
        }
        let after_kill = versions(&db);
        assert!(before.iter().all(|v| after_kill.contains(v)), "round {round}: a committed version was lost");
        let count = assert_whole(&db);
        eprintln!("round {round}: killed at {} ms with {count} of {n} versions committed", start.elapsed().as_millis());
        assert!(count <= n, "round {round}");
        part_way += usize::from(count > 0 && count < n);
    }
    assert!(part_way >= 3, "the ingest was not killed part-way often enough to test anything");
    // Ingesting again finishes the job: what was committed is a duplicate, the rest is added.
    let out = register(d, &["add", &data.display().to_string(), "--no-peers", "--format", "json"]);
    let batch: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(batch["failed"], 0);
    assert_eq!(batch["added"].as_i64().unwrap() + batch["duplicates"].as_i64().unwrap(), n as i64, "{batch}");
    assert_eq!(assert_whole(&db), n);
    // The interrupted batches show as not finished.
    let batches: Value = serde_json::from_str(&ok(register(d, &["batches", "--format", "json"]))).unwrap();
    assert!(batches.as_array().unwrap().iter().filter(|b| b["finished_at"].is_null()).count() >= 1, "{batches}");
}

#[test]
fn readers_see_whole_versions_while_another_process_writes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let db = d.join("govreport.db");
    ok(register(d, &["add", &county(2022)]));
    let data = many(d, 150, 2024);
    let mut writer = bin().current_dir(d).args(["register", "add"]).arg(&data).stdout(std::process::Stdio::null()).spawn().unwrap();
    let readers: Vec<_> = (0..2)
        .map(|_| {
            let db = db.clone();
            std::thread::spawn(move || {
                let mut seen = 0;
                let mut rounds = 0;
                let start = Instant::now();
                while start.elapsed() < Duration::from_secs(60) {
                    let r = govreport_register::Register::open_read_only(&db).unwrap();
                    let status = r.status(2024, None).unwrap();
                    let n = status.iter().filter(|s| s.version_id.is_some()).count();
                    assert!(n >= seen, "a reader saw {n} reports after {seen}");
                    seen = n;
                    // Every version it sees is whole.
                    for s in status.iter().take(5) {
                        if let Some(v) = s.version_id {
                            assert_eq!(r.cells(v).unwrap().len(), govreport::cells::figures(govreport::Format::F2021).count());
                        }
                    }
                    rounds += 1;
                    if n == 150 {
                        break;
                    }
                }
                (seen, rounds)
            })
        })
        .collect();
    let status = writer.wait().unwrap();
    assert!(status.success());
    for r in readers {
        let (seen, rounds) = r.join().unwrap();
        assert_eq!(seen, 150);
        assert!(rounds > 1, "the readers read while the writer wrote");
    }
}
