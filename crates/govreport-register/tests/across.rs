//! Across the register: who published, late or not at all; benchmarks among peers; trends;
//! export for spreadsheets. Expected figures are computed from the fixtures with the core's
//! metric dictionary, not copied from the register's answers.

mod common;

use common::*;
use govreport::across::metrics;
use govreport_register::{BenchmarkQuery, Coverage, ExportFormat, ExportKind, ExportQuery, FindingQuery, IngestOptions, Input, Register, TrendQuery, UnitRef};
use serde_json::json;

fn metric_of(year: u16, unit: &str, id: &str) -> Option<f64> {
    let report = govreport::parse_json(&std::fs::read(county_file(year, unit)).unwrap()).unwrap();
    metrics::evaluate(&report).into_iter().find(|e| e.metric.id == id).unwrap().value
}

#[test]
fn who_published_late_or_not_at_all() {
    let (_dir, path) = temp_register();
    let mut r = Register::open(&path).unwrap();
    r.set_check_options(options()).unwrap();
    r.add_paths(&[county(2022)], &IngestOptions::default()).unwrap();
    // The education bureau's 2023 report is late (a department's deadline is 31 January);
    // the town's 2023 report never came.
    let late = edited(2023, "education", &[("/published_on", json!("2024-03-15"))]);
    r.ingest([Input::bytes("education.json", late)], &IngestOptions::default()).unwrap();
    r.add_paths(&[county_file(2023, "health")], &IngestOptions::default()).unwrap();
    let status = r.status(2023, Some("3601")).unwrap();
    let got: Vec<(&str, Coverage)> = status.iter().map(|s| (s.unit.name.as_str(), s.coverage)).collect();
    assert_eq!(got, [("进贤县卫生健康委员会", Coverage::Published), ("进贤县教育体育局", Coverage::Late), ("进贤县民和镇人民政府", Coverage::Missing)]);
    let edu = &status[1];
    assert_eq!((edu.versions, edu.published_on.as_deref()), (1, Some("2024-03-15")));
    // Counts agree with the findings listed.
    let listed = r.findings(&FindingQuery { unit: Some(UnitRef::Id(edu.unit.id)), year: Some(2023), violated_only: true, ..Default::default() }).unwrap();
    let errors = listed.iter().filter(|f| f.finding.severity == govreport::Severity::Error).count() as i64;
    assert_eq!((edu.findings.errors, edu.findings.open), (errors, listed.len() as i64));
    assert!(edu.findings.errors >= 1, "late publication is an error");
    assert!(status[2].version_id.is_none());
    // 2022: everyone published; another region: nobody.
    assert!(r.status(2022, None).unwrap().iter().all(|s| s.coverage == Coverage::Published));
    assert!(r.status(2023, Some("110101")).unwrap().is_empty());
    let years: Vec<(i64, i64)> = r.years().unwrap().iter().map(|y| (y.year, y.reports)).collect();
    assert_eq!(years, [(2023, 2), (2022, 3)]);
}

#[test]
fn benchmarks_among_peers_of_the_same_kind_and_level() {
    let (_dir, r) = county_register();
    let b = r.benchmarks(&BenchmarkQuery { year: 2023, region: Some("360124".into()), metrics: vec!["new_requests".into()], ..Default::default() }).unwrap();
    assert_eq!(b.len(), 2, "two peer groups: county departments, the town");
    let departments = b.iter().find(|x| x.group.kind == "department").unwrap();
    assert_eq!(departments.group.level.as_deref(), Some("county"));
    let (edu, health) = (metric_of(2023, "education", "new_requests").unwrap(), metric_of(2023, "health", "new_requests").unwrap());
    assert_eq!(departments.n, 2);
    assert_eq!(departments.p50, Some((edu + health) / 2.0));
    assert_eq!(departments.p25, Some(edu.min(health) + (edu - health).abs() * 0.25));
    let top = &departments.units[0];
    assert_eq!((top.rank, top.value), (1, edu.max(health)));
    assert_eq!(departments.units[1].rank, 2);
    assert_eq!(departments.name, "一、本年新收政府信息公开申请数量「总计」");
    // Every metric by default; a rate is a share.
    let all = r.benchmarks(&BenchmarkQuery { year: 2023, ..Default::default() }).unwrap();
    assert_eq!(all.len(), 2 * metrics::METRICS.len());
    let rate = all.iter().find(|x| x.metric == "disclosure_rate" && x.group.kind == "township").unwrap();
    assert_eq!(rate.units[0].value, metric_of(2023, "minhe-town", "disclosure_rate").unwrap());
    assert!(r.benchmarks(&BenchmarkQuery { year: 2023, metrics: vec!["nonsense".into()], ..Default::default() }).is_err());
}

#[test]
fn trends_of_a_unit_and_of_a_region() {
    let (_dir, r) = county_register();
    let t = r.trends(&TrendQuery { unit: Some(UnitRef::parse("进贤县教育体育局")), metrics: vec!["new_requests".into()], ..Default::default() }).unwrap();
    let points: Vec<(i64, Option<f64>)> = t[0].points.iter().map(|p| (p.year, p.value)).collect();
    assert_eq!(
        points,
        [(2019, None), (2020, None), (2021, None), (2022, metric_of(2022, "education", "new_requests")), (2023, metric_of(2023, "education", "new_requests"))]
    );
    let region = r.trends(&TrendQuery { region: Some("360124".into()), metrics: vec!["new_requests".into()], years: 3, ..Default::default() }).unwrap();
    let last = region[0].points.last().unwrap();
    let sum: f64 = ["education", "health", "minhe-town"].iter().map(|u| metric_of(2023, u, "new_requests").unwrap()).sum();
    assert_eq!((last.year, last.n, last.total), (2023, 3, Some(sum)));
    assert_eq!(region[0].points.len(), 3);
    assert!(r.trends(&TrendQuery { years: 7, ..Default::default() }).is_err());
}

#[test]
fn export_for_spreadsheets_and_json_lines() {
    let (_dir, r) = county_register();
    let mut csv = vec![];
    let rows = r.export(ExportKind::Reports, ExportFormat::Csv, &ExportQuery::default(), &mut csv).unwrap();
    assert_eq!(rows, 6);
    let text = String::from_utf8(csv).unwrap();
    assert!(text.starts_with("\u{FEFF}单位编号,单位,统一社会信用代码"), "{}", &text[..80]);
    assert_eq!(text.lines().count(), 7);
    assert!(text.contains("公开率"));
    let mut jsonl = vec![];
    let rows = r.export(ExportKind::Reports, ExportFormat::Jsonl, &ExportQuery { year: Some(2023), ..Default::default() }, &mut jsonl).unwrap();
    assert_eq!(rows, 3);
    let lines: Vec<serde_json::Value> = String::from_utf8(jsonl).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let edu = lines.iter().find(|l| l["unit"] == "进贤县教育体育局").unwrap();
    assert_eq!(edu["year"], 2023);
    assert_eq!(edu["new_requests"].as_f64(), metric_of(2023, "education", "new_requests"));
    assert_eq!(edu["source"], county_file(2023, "education").display().to_string());
    let mut cells = vec![];
    let rows = r
        .export(
            ExportKind::Cells,
            ExportFormat::Jsonl,
            &ExportQuery { year: Some(2022), unit: Some(UnitRef::parse("进贤县教育体育局")), ..Default::default() },
            &mut cells,
        )
        .unwrap();
    assert_eq!(rows, govreport::cells::figures(govreport::Format::F2021).count());
    let first: serde_json::Value = serde_json::from_str(String::from_utf8(cells).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!((first["pointer"].as_str(), first["state"].as_str()), (Some("/proactive/rules/issued"), Some("数字")));
    let mut f = vec![];
    let rows = r.export(ExportKind::Findings, ExportFormat::Csv, &ExportQuery { lang: govreport::Lang::En, ..Default::default() }, &mut f).unwrap();
    assert_eq!(rows, r.findings(&FindingQuery::default()).unwrap().len());
    let text = String::from_utf8(f).unwrap();
    assert!(text.starts_with("\u{FEFF}finding id,unit id,unit,year"), "{text}");
}

#[test]
fn queries_read_from_json_as_the_c_and_python_surfaces_give_them() {
    let (_dir, r) = county_register();
    let q: FindingQuery = serde_json::from_str(r#"{"year":2023,"unit":"进贤县教育体育局","code":"gr601","violated_only":true,"lang":"en"}"#).unwrap();
    let found = r.findings(&q).unwrap();
    assert_eq!(found.len(), 2);
    assert!(found[0].finding.message.contains("Natural persons"), "{}", found[0].finding.message);
    let by_id: FindingQuery = serde_json::from_value(json!({"unit": found[0].unit_id, "state": "open"})).unwrap();
    assert_eq!(r.findings(&by_id).unwrap().len(), r.findings(&FindingQuery { unit: Some(UnitRef::Id(found[0].unit_id)), ..Default::default() }).unwrap().len());
    assert!(serde_json::from_str::<FindingQuery>(r#"{"yr":2023}"#).is_err(), "an unknown field is refused");
    assert!(serde_json::from_str::<FindingQuery>(r#"{"state":"maybe"}"#).is_err());
    let b: BenchmarkQuery = serde_json::from_str(r#"{"year":2023,"region":"360124","metrics":["new_requests"]}"#).unwrap();
    assert_eq!(r.benchmarks(&b).unwrap().len(), 2);
    let t: TrendQuery = serde_json::from_str(r#"{"unit":1,"years":3}"#).unwrap();
    assert_eq!(r.trends(&t).unwrap()[0].points.len(), 3);
    let o: govreport_register::IngestOptions = serde_json::from_str(r#"{"reason":"补报","year":2023,"skip_peer_checks":true}"#).unwrap();
    assert_eq!((o.reason.as_deref(), o.year, o.skip_peer_checks), (Some("补报"), Some(2023), true));
}
