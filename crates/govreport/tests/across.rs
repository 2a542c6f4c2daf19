//! Across reports: a county's units compared with last year and rolled up.

use govreport::labels::{self, Role};
use govreport::{Agency, AgencyKind, Format, Options, Report, Status, aggregate, check, compare, complete, parse_json};
use proptest::prelude::*;
use serde_json::json;

fn load(rel: &str) -> Report {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    parse_json(&std::fs::read(root.join(rel)).unwrap()).unwrap()
}

fn unit(year: u16, name: &str) -> Report {
    load(&format!("tests/fixtures/county/{year}/{name}.json"))
}

fn opts() -> Options {
    Options { today: Some("2026-11-26".into()), ..Options::default() }
}

fn violated(f: &govreport::Findings) -> Vec<(String, String)> {
    f.iter().filter(|x| x.status == Status::Violated).map(|x| (x.code.clone(), x.path.clone())).collect()
}

fn county() -> Agency {
    Agency::new("进贤县人民政府", AgencyKind::Government).with_region_code("360124")
}

#[test]
fn carried_over_must_match_last_years_carried_forward() {
    let f = compare(&unit(2022, "education"), &unit(2023, "education"), &opts()).unwrap();
    assert_eq!(
        violated(&f),
        [("GR601".to_string(), "/requests/carried_over/natural_person".to_string()), ("GR601".into(), "/requests/carried_over/total".into())]
    );
    let g = f.with_code("GR601").next().unwrap();
    assert_eq!((g.expected.as_deref(), g.actual.as_deref()), (Some("2"), Some("3")));
    assert!(g.message.contains("自然人列"), "{}", g.message);
}

#[test]
fn copied_prose_and_sudden_jumps() {
    let f = compare(&unit(2022, "health"), &unit(2023, "health"), &opts()).unwrap();
    let v = violated(&f);
    assert!(v.contains(&("GR606".into(), "/sections/overview".into())), "{v:?}");
    assert!(v.contains(&("GR606".into(), "/sections/problems".into())), "{v:?}");
    let jump = f.with_code("GR605").next().unwrap();
    assert_eq!((jump.path.as_str(), jump.params["previous"].as_str(), jump.actual.as_deref()), ("/requests/new/total", "3", Some("19")));
    let copy = f.with_code("GR606").next().unwrap();
    assert_eq!(copy.params["similarity"], "1.00");
    // A stricter threshold than 1 is not allowed; a looser one still finds it.
    assert!(compare(&unit(2022, "health"), &unit(2023, "health"), &Options { copy_threshold: Some(1.5), ..opts() }).is_err());
    // Different prose is not a copy.
    let e = compare(&unit(2022, "education"), &unit(2023, "education"), &opts()).unwrap();
    assert_eq!(e.with_code("GR606").count(), 0);
}

#[test]
fn documents_in_force_carry_on() {
    let f = compare(&unit(2022, "minhe-town"), &unit(2023, "minhe-town"), &opts()).unwrap();
    assert_eq!(violated(&f), [("GR602".to_string(), "/proactive/normative_documents/in_force".to_string())]);
    let g = f.with_code("GR602").next().unwrap();
    assert_eq!((g.expected.as_deref(), g.actual.as_deref()), (Some("4"), Some("6")));
}

#[test]
fn comparing_different_units_or_years_says_so() {
    let f = compare(&unit(2022, "education"), &unit(2022, "health"), &opts()).unwrap();
    let codes: Vec<String> = violated(&f).into_iter().map(|(c, _)| c).collect();
    assert!(codes.contains(&"GR603".into()) && codes.contains(&"GR604".into()), "{codes:?}");
}

#[test]
fn every_cross_report_rule_is_fired_by_the_county() {
    let mut fired = std::collections::BTreeSet::new();
    for name in ["education", "health", "minhe-town"] {
        for f in compare(&unit(2022, name), &unit(2023, name), &opts()).unwrap().iter().filter(|f| f.status == Status::Violated) {
            fired.insert(f.code.clone());
        }
    }
    for f in compare(&unit(2022, "education"), &unit(2022, "health"), &opts()).unwrap().iter() {
        fired.insert(f.code.clone());
    }
    let mut d = govreport::across::CopyDetector::new();
    let all: Vec<Report> = [2022, 2023].iter().flat_map(|y| ["education", "health", "minhe-town"].map(|u| unit(*y, u))).collect();
    for (i, r) in all.iter().enumerate() {
        d.add(i, r);
    }
    let names: Vec<String> = all.iter().map(|r| r.meta().agency.name.clone()).collect();
    let formats: Vec<Format> = all.iter().map(Report::format).collect();
    for (_, f) in govreport::across::copy_findings(&d.pairs(0.8), &names, &formats, &opts()).unwrap() {
        fired.extend(f.iter().map(|x| x.code.clone()));
    }
    // Peers: the education bureau's report as eight units, one with a zero and one with an
    // extra digit in its new requests.
    let mut peers = govreport::across::PeerFigures::new();
    for (i, new) in [15u64, 18, 22, 0, 170, 19, 16, 21].into_iter().enumerate() {
        let mut r = unit(2023, "education");
        r.set("/requests/new/total", json!(new)).unwrap();
        peers.add(i, &r);
    }
    for (_, f) in peers.findings(&opts()).unwrap() {
        fired.extend(f.iter().map(|x| x.code.clone()));
    }
    for rule in govreport::RULES.iter().filter(|r| matches!(r.family(), "GR6" | "GR7")) {
        assert!(fired.contains(rule.code), "no county fixture fires {} ({})", rule.code, rule.name);
    }
}

#[test]
fn the_county_rolls_up_exactly_and_names_its_gaps() {
    let units = [unit(2023, "education"), unit(2023, "health"), unit(2023, "minhe-town")];
    let up = aggregate(&units, county()).unwrap();
    assert_eq!(up.units, ["进贤县教育体育局", "进贤县卫生健康委员会", "进贤县民和镇人民政府"]);
    let r = &up.report;
    assert_eq!(r.get("/requests/new/total").unwrap(), Some(json!(17 + 19 + 2)));
    assert_eq!(r.get("/requests/new/commercial").unwrap(), Some(json!(2 + 2 + 1)));
    assert_eq!(r.get("/proactive/penalty").unwrap(), Some(json!(41)));
    assert_eq!(r.get("/proactive/fees_10k_yuan").unwrap(), Some(json!("0")));
    // The township left 行政许可 blank: the sum is unknown, not 131 + 415.
    assert_eq!(r.get("/proactive/licensing").unwrap(), Some(json!(null)));
    assert_eq!(up.gaps.len(), 1);
    assert_eq!((up.gaps[0].pointer.as_str(), up.gaps[0].units.as_slice()), ("/proactive/licensing", ["进贤县民和镇人民政府".to_string()].as_slice()));
    let f = check(r, &opts()).unwrap();
    for code in ["GR201", "GR202", "GR203", "GR301"] {
        assert_eq!(f.with_code(code).count(), 0, "{code}");
    }
}

#[test]
fn mixed_years_formats_and_prose_reports_are_refused() {
    let e = aggregate(&[unit(2023, "education"), unit(2022, "health")], county()).unwrap_err();
    assert!(e.to_string().contains("reports[1] (进贤县卫生健康委员会)"), "{e}");
    assert!(aggregate(&[], county()).is_err());
    assert!(aggregate(&[load("tests/fixtures/seed-2012-changchun-etdz.json")], county()).is_err());
}

#[test]
fn amounts_keep_the_finest_precision_and_slashes_stay_slashes() {
    let mut a = Report::new(Format::F2021, 2023, county());
    let mut b = a.clone();
    a.set("/proactive/fees_10k_yuan", json!("0.092")).unwrap();
    b.set("/proactive/fees_10k_yuan", json!("26.55")).unwrap();
    a.set("/proactive/licensing", json!("/")).unwrap();
    b.set("/proactive/licensing", json!("/")).unwrap();
    a.set("/proactive/penalty", json!("/")).unwrap();
    b.set("/proactive/penalty", json!(4)).unwrap();
    let up = aggregate(&[a, b], county()).unwrap();
    assert_eq!(up.report.get("/proactive/fees_10k_yuan").unwrap(), Some(json!("26.642")));
    assert_eq!(up.report.get("/proactive/licensing").unwrap(), Some(json!("/")));
    assert_eq!(up.report.get("/proactive/penalty").unwrap(), Some(json!(4)));
    assert_eq!(up.report.get("/proactive/coercion").unwrap(), None, "given by no unit: absent");
    assert!(up.gaps.is_empty());
}

/// A consistent 2021 report from random results, carried-over and carried-forward counts.
fn consistent(results: Vec<[u16; 6]>, carried: [u16; 6], forward: [u16; 6]) -> Report {
    let mut r = Report::new(Format::F2021, 2023, county());
    let rows: Vec<&labels::RowLabel> = labels::request_rows(Format::F2021).filter(|r| r.role == Role::Result).collect();
    let mut sums = [0u64; 6];
    for (rl, v) in rows.iter().zip(results.iter().cycle()) {
        for (c, col) in labels::REQUEST_COLUMNS[..6].iter().enumerate() {
            r.set(&format!("{}/{}", rl.label.id, col.id), json!(v[c])).unwrap();
            sums[c] += u64::from(v[c]);
        }
    }
    for (c, col) in labels::REQUEST_COLUMNS[..6].iter().enumerate() {
        let (co, cf) = (u64::from(carried[c]).min(sums[c] + u64::from(forward[c])), u64::from(forward[c]));
        r.set(&format!("/requests/carried_over/{}", col.id), json!(co)).unwrap();
        r.set(&format!("/requests/carried_forward/{}", col.id), json!(cf)).unwrap();
        r.set(&format!("/requests/new/{}", col.id), json!(sums[c] + cf - co)).unwrap();
    }
    for g in labels::REVIEW_GROUPS {
        for (i, col) in labels::REVIEW_COLUMNS[..4].iter().enumerate() {
            r.set(&format!("{}/{}", g.id, col.id), json!(i as u64 * u64::from(carried[i]))).unwrap();
        }
    }
    complete(&mut r);
    r
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn the_roll_up_of_consistent_reports_is_consistent(
        units in proptest::collection::vec((proptest::collection::vec(any::<[u16; 6]>(), 1..4), any::<[u16; 6]>(), any::<[u16; 6]>()), 1..5)
    ) {
        let reports: Vec<Report> = units.into_iter().map(|(res, co, cf)| consistent(res, co, cf)).collect();
        for r in &reports {
            let f = check(r, &opts()).unwrap();
            prop_assert!(["GR201", "GR202", "GR203", "GR301"].iter().all(|c| f.with_code(c).count() == 0), "unit not consistent: {:?}", f);
        }
        let up = aggregate(&reports, county()).unwrap();
        prop_assert!(up.gaps.is_empty());
        let f = check(&up.report, &opts()).unwrap();
        for code in ["GR201", "GR202", "GR203", "GR301"] {
            prop_assert_eq!(f.with_code(code).count(), 0, "{}", code);
        }
    }
}
