//! `complete`, and the label table against the model.

use govreport::labels::{self, Role};
use govreport::model::Cell;
use govreport::{Agency, AgencyKind, Format, Options, Report, Status, check, complete};
use serde_json::json;

fn agency() -> Agency {
    Agency::new("某市某区司法局", AgencyKind::Department)
}

fn opts() -> Options {
    Options { today: Some("2026-11-26".into()), ..Options::default() }
}

/// A report of `format` whose parts are all given (row totals, （七） and table C totals left out).
fn parts_only(format: Format) -> Report {
    let mut r = Report::new(format, if format == Format::F2021 { 2023 } else { 2020 }, agency());
    let mut n = 0u64;
    for rl in labels::request_rows(format).filter(|r| r.row.is_some() && r.role != Role::ResultsTotal) {
        for col in &labels::REQUEST_COLUMNS[..6] {
            n += 1;
            // Results get small numbers; intake is set below to balance.
            let v = if rl.role == Role::Result { n % 3 } else { 0 };
            r.set(&format!("{}/{}", rl.label.id, col.id), json!(v)).unwrap();
        }
    }
    // Balance B1 per column: new = Σ results (carried over and forward stay 0).
    let results: Vec<&labels::RowLabel> = labels::request_rows(format).filter(|r| r.role == Role::Result).collect();
    for col in &labels::REQUEST_COLUMNS[..6] {
        let sum: u64 = results.iter().map(|rl| r.get(&format!("{}/{}", rl.label.id, col.id)).unwrap().unwrap().as_u64().unwrap()).sum();
        r.set(&format!("/requests/new/{}", col.id), json!(sum)).unwrap();
    }
    let blocks = if format == Format::F2021 { labels::PROACTIVE_2021 } else { labels::PROACTIVE_2019 };
    for b in blocks {
        for row in b.rows {
            for col in b.columns {
                let p = if col.id.is_empty() { row.id.to_string() } else { format!("{}/{}", row.id, col.id) };
                let v = if p.ends_with("yuan") || p.ends_with("amount") { json!("0.5") } else { json!(1) };
                r.set(&p, v).unwrap_or_else(|e| panic!("{p}: {e}"));
            }
        }
    }
    for g in labels::REVIEW_GROUPS {
        for (i, col) in labels::REVIEW_COLUMNS[..4].iter().enumerate() {
            r.set(&format!("{}/{}", g.id, col.id), json!(i)).unwrap();
        }
    }
    r
}

#[test]
fn complete_fills_every_derived_cell_and_the_sums_then_hold() {
    for format in [Format::F2021, Format::F2019] {
        let mut r = parts_only(format);
        let before = check(&r, &opts()).unwrap();
        assert!(before.with_code("GR203").all(|f| f.status == Status::NotAssessable), "{format:?}");
        let done = complete(&mut r);
        let rows = labels::request_rows(format).filter(|r| r.row.is_some()).count();
        // Every row total but （七）'s, the seven cells of （七）, three table C totals.
        assert_eq!(done.filled.len(), (rows - 1) + 7 + 3, "{format:?}: {:?}", done.filled);
        assert!(done.left_empty.is_empty());
        let after = check(&r, &opts()).unwrap();
        for code in ["GR201", "GR202", "GR203", "GR301", "GR010", "GR011"] {
            assert_eq!(after.with_code(code).count(), 0, "{format:?} {code}: {:?}", after.with_code(code).collect::<Vec<_>>());
        }
        // Idempotent.
        assert!(complete(&mut r).filled.is_empty());
    }
}

#[test]
fn complete_never_overwrites_a_published_number() {
    let mut r = parts_only(Format::F2021);
    r.set("/requests/granted/total", json!(999)).unwrap();
    r.set("/review_litigation/review/total", json!("/")).unwrap();
    let done = complete(&mut r);
    assert!(!done.filled.contains(&"/requests/granted/total".to_string()));
    assert_eq!(r.get("/requests/granted/total").unwrap(), Some(json!(999)));
    assert_eq!(r.get("/review_litigation/review/total").unwrap(), Some(json!("/")));
    let f = check(&r, &opts()).unwrap();
    let b3: Vec<_> = f.with_code("GR203").filter(|f| f.status == Status::Violated).collect();
    assert_eq!(b3.len(), 1);
    assert_eq!(b3[0].path, "/requests/granted/total");
    assert_eq!(b3[0].actual.as_deref(), Some("999"));
    // （七）总计 would be 999 + … by rows but less by its own columns: left empty, not guessed.
    assert!(done.left_empty.contains(&"/requests/results_total/total".to_string()));
}

#[test]
fn complete_leaves_a_total_empty_when_a_part_is_blank_or_would_overflow() {
    let mut r = parts_only(Format::F2021);
    r.set("/requests/withheld/third_party/commercial", json!(null)).unwrap();
    r.set("/review_litigation/litigation_direct/upheld", json!(u64::MAX)).unwrap();
    r.set("/review_litigation/litigation_direct/corrected", json!(1)).unwrap();
    let done = complete(&mut r);
    assert!(done.left_empty.contains(&"/requests/withheld/third_party/total".to_string()));
    assert!(done.left_empty.contains(&"/requests/results_total/commercial".to_string()));
    // An overflowing sum is said to be too large, not "incomplete".
    assert!(done.too_large.contains(&"/review_litigation/litigation_direct/total".to_string()));
    assert!(!done.left_empty.contains(&"/review_litigation/litigation_direct/total".to_string()));
    assert_eq!(r.get("/review_litigation/litigation_direct/total").unwrap(), None);
    assert_eq!(r.get("/requests/withheld/third_party/total").unwrap(), None);
    let Report::F2021(r2) = &r else { panic!() };
    assert_eq!(r2.requests.results_total.commercial, Cell::Absent);
}

#[test]
fn not_applicable_parts_are_left_out_of_a_completed_sum() {
    let mut r = Report::new(Format::F2021, 2023, agency());
    r.set("/review_litigation/review", json!({"upheld": 2, "corrected": "/", "other": 1, "pending": 0})).unwrap();
    complete(&mut r);
    assert_eq!(r.get("/review_litigation/review/total").unwrap(), Some(json!(3)));
    r.set("/review_litigation/litigation_direct", json!({"upheld": "/", "corrected": "/", "other": "/", "pending": "/"})).unwrap();
    let done = complete(&mut r);
    // All "/" cannot be summed; an untouched group is not reported.
    assert_eq!(done.left_empty, vec!["/review_litigation/litigation_direct/total".to_string()]);
}

#[test]
fn every_row_label_points_at_its_row_in_the_model() {
    for format in [Format::F2021, Format::F2019] {
        for rl in labels::request_rows(format) {
            let Some(id) = rl.row else { continue };
            let mut r = Report::new(format, 2023, agency());
            r.set(&format!("{}/total", rl.label.id), json!(7)).unwrap_or_else(|e| panic!("{format:?} {}: {e}", rl.label.id));
            let row = match &r {
                Report::F2021(x) => x.requests.row(id).cloned(),
                Report::F2019(x) => x.requests.row(id).cloned(),
                Report::F2007(_) => None,
            };
            assert_eq!(row.map(|r| r.total), Some(Cell::Value(7)), "{format:?} {}", rl.label.id);
        }
    }
}

/// Every leaf of a fully filled document, as pointers.
fn leaves(v: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => m.iter().for_each(|(k, x)| leaves(x, format!("{at}/{k}"), out)),
        _ => out.push(at),
    }
}

#[test]
fn every_cell_of_every_table_has_a_label() {
    for format in [Format::F2021, Format::F2019] {
        let mut r = parts_only(format);
        complete(&mut r);
        let v = serde_json::to_value(&r).unwrap();
        let mut cells = vec![];
        for table in ["proactive", "requests", "review_litigation"] {
            if let Some(t) = v.get(table) {
                leaves(t, format!("/{table}"), &mut cells);
            }
        }
        let rows = labels::request_rows(format).filter(|r| r.row.is_some()).count();
        let table_a = if format == Format::F2021 { 10 } else { 3 * 2 + 3 * 4 + 2 + 2 };
        assert_eq!(cells.len(), rows * 7 + 15 + table_a, "{format:?}");
        for p in cells {
            let name = labels::cell_name(format, &p, govreport::Lang::Zh);
            assert_ne!(name, p, "{format:?}: {p} has no label");
        }
    }
}

#[test]
fn the_template_labels_are_exact() {
    let zh: Vec<&str> = labels::request_rows(Format::F2021).map(|r| r.label.name.zh).collect();
    assert_eq!(zh.len(), 30);
    assert_eq!(zh[0], "一、本年新收政府信息公开申请数量");
    assert_eq!(zh[4], "（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
    assert_eq!(zh[8], "3.危及“三安全一稳定”");
    assert_eq!(zh[29], "四、结转下年度继续办理");
    assert_eq!(labels::request_rows(Format::F2021).filter(|r| r.row.is_some()).count(), 25);
    assert_eq!(labels::request_rows(Format::F2019).filter(|r| r.row.is_some()).count(), 23);
    let cols: Vec<&str> = labels::REQUEST_COLUMNS.iter().map(|c| c.name.zh).collect();
    assert_eq!(cols, ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]);
    assert_eq!(
        labels::cell_name(Format::F2021, "/requests/withheld/state_secret/natural_person", govreport::Lang::Zh),
        "（三）不予公开1.属于国家秘密「自然人」"
    );
    assert_eq!(labels::cell_name(Format::F2021, "/review_litigation/litigation_direct/total", govreport::Lang::Zh), "行政诉讼（未经复议直接起诉）「总计」");
}

#[test]
fn every_agency_kind_and_level_of_the_model_has_its_label() {
    use govreport::model::Level;
    for kind in [AgencyKind::Government, AgencyKind::Department, AgencyKind::Township, AgencyKind::Other] {
        assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
        assert!(labels::agency_kind(kind.as_str()).is_some(), "{kind:?}");
    }
    assert_eq!(labels::AGENCY_KINDS.len(), 4);
    for level in Level::ALL {
        assert_eq!(serde_json::to_value(level).unwrap(), level.as_str());
        assert!(labels::level(level.as_str()).is_some(), "{level:?}");
    }
    assert_eq!(labels::LEVELS.len(), Level::ALL.len());
    assert_eq!(labels::level("prefectural").map(|l| l.name.zh), Some("地市级"));
    assert_eq!(labels::level("city"), None);
}

#[test]
fn schema_titles_come_from_the_label_table() {
    let s = govreport::json_schema();
    let defs = &s["$defs"];
    assert_eq!(defs["Withheld"]["properties"]["security_stability"]["title"], "3.危及“三安全一稳定”");
    assert_eq!(defs["RequestRow"]["properties"]["legal_service"]["title"], "法律服务机构");
    assert_eq!(defs["Proactive2021"]["properties"]["normative_documents"]["title"], "行政规范性文件");
    assert_eq!(defs["Proactive2019"]["properties"]["normative_documents"]["title"], "规范性文件");
    assert_eq!(defs["CaseRow"]["properties"]["pending"]["title"], "尚未审结");
}

#[test]
fn set_refuses_what_the_document_cannot_hold() {
    let mut r = Report::new(Format::F2021, 2023, agency());
    let e = r.set("/requests/new/natural_person", json!(-1)).unwrap_err();
    assert_eq!(e.pointer(), Some("/requests/new/natural_person"));
    assert!(r.set("/requests/nope/total", json!(1)).is_err());
    assert!(r.set("/format", json!("2019")).is_err());
    assert!(r.set("requests", json!(1)).is_err());
    assert_eq!(r, Report::new(Format::F2021, 2023, agency()), "a refused set changes nothing");
}

#[test]
fn get_tells_absent_from_no_such_field_and_remove_makes_absent() {
    let mut r = Report::new(Format::F2021, 2023, agency());
    assert_eq!(r.get("/requests/new/total").unwrap(), None, "absent");
    assert!(r.get("/requests/nonsense/total").is_err());
    // A 2021 document may hold （六） as one row (the older layout): a field, absent here.
    assert_eq!(r.get("/requests/other/total").unwrap(), None);
    assert!(r.get("/requests/other/nope").is_err());
    assert!(r.is_field("/requests/withheld") && !r.is_field("/requests/withheld/nope"));
    r.set("/requests/new/total", json!(null)).unwrap();
    assert_eq!(r.get("/requests/new/total").unwrap(), Some(json!(null)), "blank");
    r.remove("/requests/new/total").unwrap();
    assert_eq!(r.get("/requests/new/total").unwrap(), None, "absent again");
    r.remove("/requests/new/total").unwrap();
    assert!(r.remove("/year").is_err(), "a required field stays");
    assert!(r.remove("/requests/nope").is_err());
}
