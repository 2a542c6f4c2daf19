//! Findings of every version and their review: year on year against the stored previous
//! year, batch checks against the stored peers, a dismissed finding that stays dismissed while
//! its cells are unchanged and comes back when they change.

mod common;

use common::*;
use govreport_register::{Decision, Event, FindingQuery, IngestOptions, Input, Origin, Register, ReviewState, StoredFinding, UnitRef};
use serde_json::json;

fn of(r: &Register, unit: &str, year: u16) -> Vec<StoredFinding> {
    r.findings(&FindingQuery { unit: Some(UnitRef::parse(unit)), year: Some(year), violated_only: true, ..Default::default() }).unwrap()
}

fn codes(list: &[StoredFinding]) -> Vec<(String, String)> {
    list.iter().map(|f| (f.finding.code.clone(), f.finding.path.clone())).collect()
}

const EDU: &str = "进贤县教育体育局";
const HEALTH: &str = "进贤县卫生健康委员会";
const TOWN: &str = "进贤县民和镇人民政府";

#[test]
fn each_year_is_checked_against_the_stored_year_before() {
    let (_dir, r) = county_register();
    assert!(of(&r, EDU, 2022).is_empty(), "{:?}", codes(&of(&r, EDU, 2022)));
    let edu = of(&r, EDU, 2023);
    assert_eq!(
        codes(&edu),
        [("GR601".to_string(), "/requests/carried_over/natural_person".to_string()), ("GR601".into(), "/requests/carried_over/total".into())]
    );
    assert!(edu.iter().all(|f| f.origin == Origin::Year && f.state == ReviewState::Open && f.is_current));
    let last_year = r.current(&UnitRef::parse(EDU), 2022).unwrap().unwrap();
    assert_eq!(edu[0].against_version, Some(last_year.id));
    assert_eq!((edu[0].finding.expected.as_deref(), edu[0].finding.actual.as_deref()), (Some("2"), Some("3")));
    assert_eq!(edu[0].label, "二、上年结转政府信息公开申请数量「自然人」");
    let health = codes(&of(&r, HEALTH, 2023));
    for want in [("GR605", "/requests/new/total"), ("GR606", "/sections/overview"), ("GR606", "/sections/problems")] {
        assert!(health.contains(&(want.0.into(), want.1.into())), "{health:?}");
    }
    let town = codes(&of(&r, TOWN, 2023));
    assert!(town.contains(&("GR602".into(), "/proactive/normative_documents/in_force".into())), "{town:?}");
    assert!(town.contains(&("GR010".into(), "/proactive/licensing".into())), "{town:?}");
    // Messages in either language.
    let en = r.findings(&FindingQuery { unit: Some(UnitRef::parse(EDU)), year: Some(2023), lang: govreport::Lang::En, ..Default::default() }).unwrap();
    assert!(en[0].finding.message.contains("Natural persons"), "{}", en[0].finding.message);
    assert!(edu[0].finding.message.contains("自然人"), "{}", edu[0].finding.message);
}

#[test]
fn a_dismissed_finding_stays_dismissed_while_its_cells_are_unchanged_and_comes_back_when_they_change() {
    let (_dir, mut r) = county_register();
    let copied = of(&r, HEALTH, 2023).into_iter().find(|f| f.finding.code == "GR606" && f.finding.path == "/sections/overview").unwrap();
    assert_eq!(r.review(copied.id, Decision::Dismissed, None, None).unwrap_err().kind(), "invalid");
    let review = r.review(copied.id, Decision::Dismissed, Some("卫健委总体情况系按县统一口径撰写，与上年相同属正常"), Some("李审核")).unwrap();
    assert_eq!(review.decision, Decision::Dismissed);
    let f = r.finding(copied.id, govreport::Lang::Zh).unwrap();
    assert_eq!((f.state, f.review.as_ref().map(|r| r.id)), (ReviewState::Dismissed, Some(review.id)));
    // A corrected version that changes other cells: the same finding, still dismissed.
    let v2 = edited(2023, "health", &[("/proactive/licensing", json!(210))]);
    r.ingest([Input::bytes("health-2023-v2.json", v2)], &IngestOptions::default()).unwrap();
    let again = of(&r, HEALTH, 2023).into_iter().find(|f| f.finding.code == "GR606" && f.finding.path == "/sections/overview").unwrap();
    assert_ne!(again.id, copied.id);
    assert_eq!(again.version, 2);
    assert_eq!((again.fingerprint.as_str(), again.state), (copied.fingerprint.as_str(), ReviewState::Dismissed));
    // The other copied part was not reviewed: open.
    assert_eq!(of(&r, HEALTH, 2023).into_iter().find(|f| f.finding.path == "/sections/problems").unwrap().state, ReviewState::Open);
    // A version whose overview is changed a little: still copied, but its cells changed: open again.
    let mut text: String = serde_json::from_slice::<serde_json::Value>(&std::fs::read(county_file(2023, "health")).unwrap()).unwrap()["sections"]["overview"]
        .as_str()
        .unwrap()
        .to_string();
    text.push('。');
    let v3 = edited(2023, "health", &[("/proactive/licensing", json!(210)), ("/sections/overview", json!(text))]);
    r.ingest([Input::bytes("health-2023-v3.json", v3)], &IngestOptions::default()).unwrap();
    let back = of(&r, HEALTH, 2023).into_iter().find(|f| f.finding.code == "GR606" && f.finding.path == "/sections/overview").unwrap();
    assert_eq!(back.version, 3);
    assert_ne!(back.fingerprint, copied.fingerprint);
    assert_eq!((back.state, back.review), (ReviewState::Open, None));
    // Filters by state.
    let dismissed = r.findings(&FindingQuery { state: Some(ReviewState::Dismissed), ..Default::default() }).unwrap();
    assert!(dismissed.is_empty(), "{:?}", codes(&dismissed));
    let old = r.findings(&FindingQuery { version: Some(again.version_id), state: Some(ReviewState::Dismissed), ..Default::default() }).unwrap();
    assert_eq!(codes(&old), [("GR606".to_string(), "/sections/overview".to_string())]);
}

#[test]
fn a_correction_resolves_findings_and_the_history_shows_it_all() {
    let (_dir, mut r) = county_register();
    let gr601 = of(&r, EDU, 2023)[0].clone();
    r.review(gr601.id, Decision::Confirmed, Some("已通知单位更正"), Some("李审核")).unwrap();
    let fixed = edited(2023, "education", &[("/requests/carried_over/natural_person", json!(2)), ("/requests/carried_over/total", json!(2))]);
    let b = r
        .ingest([Input::bytes("education-2023-corrected.json", fixed)], &IngestOptions { reason: Some("按上年结转更正".into()), ..Default::default() })
        .unwrap();
    assert_eq!(b.added, 1);
    // Balanced again? Changing 上年结转 alone breaks B1 this year: the check says so.
    let now = codes(&of(&r, EDU, 2023));
    assert!(!now.iter().any(|(c, _)| c == "GR601"), "{now:?}");
    let h = r.history(&UnitRef::parse(EDU), Some(2023), govreport::Lang::Zh).unwrap();
    let kinds: Vec<&str> = h
        .events
        .iter()
        .map(|e| match e {
            Event::Version { .. } => "version",
            Event::Review { .. } => "review",
        })
        .collect();
    assert_eq!(kinds, ["version", "review", "version"]);
    match &h.events[2] {
        Event::Version { version, resolved, .. } => {
            assert_eq!((version.number, version.reason.as_deref()), (2, Some("按上年结转更正")));
            assert_eq!(version.changes.len(), 2);
            let resolved: Vec<(&str, &str)> = resolved.iter().map(|x| (x.code.as_str(), x.path.as_str())).collect();
            assert_eq!(resolved, [("GR601", "/requests/carried_over/natural_person"), ("GR601", "/requests/carried_over/total")]);
        }
        e => panic!("{e:?}"),
    }
    match &h.events[1] {
        Event::Review { year, review } => assert_eq!((*year, review.decision, review.reviewer.as_deref()), (2023, Decision::Confirmed, Some("李审核"))),
        e => panic!("{e:?}"),
    }
    // Every year of the unit when no year is given.
    assert_eq!(r.history(&UnitRef::parse(EDU), None, govreport::Lang::Zh).unwrap().events.len(), 4);
}

#[test]
fn correcting_last_year_renews_this_years_comparison() {
    let (_dir, mut r) = county_register();
    assert_eq!(of(&r, EDU, 2023).len(), 2);
    // Last year's 结转下年度 was the mistake: 3, not 2, for natural persons.
    let v = r.set_cell(&UnitRef::parse(EDU), 2022, "/requests/carried_forward/natural_person", json!(3), "上年结转数填错", None).unwrap();
    let gr601 = of(&r, EDU, 2023).into_iter().filter(|f| f.finding.code == "GR601").collect::<Vec<_>>();
    // natural persons agree now; the total (2 last year) still does not.
    assert_eq!(codes(&gr601), [("GR601".to_string(), "/requests/carried_over/total".to_string())]);
    assert_eq!(gr601[0].against_version, Some(v.id));
}

#[test]
fn units_that_stand_out_from_their_peers_of_the_year() {
    let (_dir, path) = temp_register();
    let mut r = Register::open(&path).unwrap();
    r.set_check_options(options()).unwrap();
    let inputs: Vec<Input> = [15u64, 18, 22, 0, 170, 19, 16, 21]
        .into_iter()
        .enumerate()
        .map(|(i, new)| {
            let bytes = edited(2023, "education", &[("/agency/name", json!(format!("进贤县第{i}局"))), ("/requests/new/total", json!(new))]);
            Input::bytes(format!("unit-{i}.json"), bytes)
        })
        .collect();
    let b = r.ingest(inputs, &IngestOptions::default()).unwrap();
    assert_eq!(b.added, 8);
    let peers = r.findings(&FindingQuery { code: Some("GR70".into()), ..Default::default() }).unwrap();
    let got: Vec<(String, &str, Origin)> =
        peers.iter().filter(|f| f.finding.code != "GR701").map(|f| (f.unit.clone(), f.finding.code.as_str(), f.origin)).collect();
    assert_eq!(got, [("进贤县第3局".to_string(), "GR702", Origin::Peers), ("进贤县第4局".to_string(), "GR703", Origin::Peers)]);
    // The same prose in every unit: GR701 on the later units.
    assert!(peers.iter().any(|f| f.finding.code == "GR701"));
    // Unit 4's figure corrected: it no longer stands out, after the batch checks of the year run again.
    r.set_cell(&UnitRef::parse("进贤县第4局"), 2023, "/requests/new/total", json!(17), "多录一位", None).unwrap();
    let after = r.findings(&FindingQuery { code: Some("gr703".into()), ..Default::default() }).unwrap();
    assert!(after.is_empty(), "{:?}", codes(&after));
    // skip_peer_checks leaves them to a recheck.
    let late = edited(2023, "education", &[("/agency/name", json!("进贤县第9局")), ("/requests/new/total", json!(5000))]);
    r.ingest([Input::bytes("unit-9.json", late)], &IngestOptions { skip_peer_checks: true, ..Default::default() }).unwrap();
    assert!(r.findings(&FindingQuery { code: Some("GR703".into()), ..Default::default() }).unwrap().is_empty());
    let done = r.recheck(&[2023]).unwrap();
    assert_eq!(done.versions, 9);
    let extreme = r.findings(&FindingQuery { code: Some("GR703".into()), ..Default::default() }).unwrap();
    assert_eq!(extreme.iter().map(|f| f.unit.as_str()).collect::<Vec<_>>(), ["进贤县第9局"]);
}

#[test]
fn a_recheck_keeps_reviews() {
    let (_dir, mut r) = county_register();
    let f = of(&r, TOWN, 2023).into_iter().find(|f| f.finding.code == "GR010").unwrap();
    r.review(f.id, Decision::Dismissed, Some("本镇无行政许可权，按要求留空"), None).unwrap();
    let before = r.findings(&FindingQuery::default()).unwrap().len();
    let done = r.recheck(&[]).unwrap();
    assert_eq!((done.years.clone(), done.versions), (vec![2022, 2023], 6));
    let after = r.findings(&FindingQuery::default()).unwrap();
    assert_eq!(after.len(), before);
    let same = after.iter().find(|x| x.finding.code == "GR010").unwrap();
    assert_ne!(same.id, f.id);
    assert_eq!(same.state, ReviewState::Dismissed);
    assert_eq!(same.review.as_ref().unwrap().finding_id, None, "the reviewed finding was replaced by the recheck");
    // Reviews cannot be changed or removed by SQL.
    assert!(r.connection().execute("UPDATE reviews SET decision = 'confirmed'", []).is_err());
    assert!(r.connection().execute("DELETE FROM reviews", []).is_err());
}

#[test]
fn what_an_imported_source_does_not_show_stays_not_assessable_through_a_recheck() {
    // A page copied up to the middle of table 三: parts 五 and 六 are not in it.
    let page = "某市某局2023年政府信息公开工作年度报告\n一、总体情况\n本年度，我局认真贯彻落实条例。\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1\n二、上年结转政府信息公开申请数量 | 0 | 0";
    let mut r = Register::open_in_memory().unwrap();
    let b = r.ingest([Input::bytes("cut.txt", page.as_bytes().to_vec())], &IngestOptions::default()).unwrap();
    assert_eq!((b.added, b.failed), (1, 0), "{b:?}");
    let gr401 = |r: &Register| -> Vec<(String, govreport::Status)> {
        r.findings(&FindingQuery { unit: Some(UnitRef::parse("某市某局")), year: Some(2023), code: Some("GR401".into()), ..Default::default() })
            .unwrap()
            .into_iter()
            .map(|f| (f.finding.path, f.finding.status))
            .collect()
    };
    let before = gr401(&r);
    assert!(!before.is_empty() && before.iter().all(|(_, s)| *s == govreport::Status::NotAssessable), "{before:?}");
    let version = r.findings(&FindingQuery { unit: Some(UnitRef::parse("某市某局")), ..Default::default() }).unwrap()[0].version_id;
    assert!(r.unseen(version).unwrap().contains(&"/sections/problems".to_string()));
    r.recheck(&[2023]).unwrap();
    assert_eq!(gr401(&r), before, "the re-check reads the stored places");
    assert!(of(&r, "某市某局", 2023).iter().all(|f| f.finding.code != "GR401"));
}
