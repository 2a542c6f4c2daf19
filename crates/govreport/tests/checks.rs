//! Rules and options, each on a small document built for the purpose.

use govreport::{Lang, Options, Severity, Status, check, parse_str};

fn opts() -> Options {
    Options { today: Some("2026-11-26".into()), ..Options::default() }
}

fn findings(body: &str, options: &Options) -> govreport::Findings {
    let text = format!(r#"{{"format":"2021","year":2023,"agency":{{"name":"某市某区司法局","kind":"department"}},{body}}}"#);
    check(&parse_str(&text).unwrap(), options).unwrap()
}

fn codes(f: &govreport::Findings) -> Vec<(&str, &str, Status)> {
    f.iter().map(|x| (x.code.as_str(), x.path.as_str(), x.status)).collect()
}

const BALANCED: &str = r#""requests":{"new":{"natural_person":5,"commercial":1,"research":0,"social_welfare":0,"legal_service":0,"other_org":0,"total":6},
 "carried_over":{"natural_person":0,"commercial":0,"research":0,"social_welfare":0,"legal_service":0,"other_org":0,"total":0},
 "granted":{"natural_person":3,"commercial":1,"research":0,"social_welfare":0,"legal_service":0,"other_org":0,"total":4},
 "results_total":{"natural_person":3,"commercial":1,"research":0,"social_welfare":0,"legal_service":0,"other_org":0,"total":4},
 "carried_forward":{"natural_person":1,"commercial":0,"research":0,"social_welfare":0,"legal_service":0,"other_org":0,"total":1}}"#;

#[test]
fn b1_names_the_column_and_both_sums() {
    let f = findings(BALANCED, &opts());
    let b1: Vec<_> = f.with_code("GR201").filter(|x| x.status == Status::Violated).collect();
    // 自然人: 5 + 0 vs 3 + 1; 总计: 6 + 0 vs 4 + 1.
    assert_eq!(b1.iter().map(|x| x.path.as_str()).collect::<Vec<_>>(), ["/requests/new/natural_person", "/requests/new/total"]);
    assert_eq!((b1[0].expected.as_deref(), b1[0].actual.as_deref()), (Some("5"), Some("4")));
    assert_eq!(b1[0].related, ["/requests/carried_over/natural_person", "/requests/results_total/natural_person", "/requests/carried_forward/natural_person"]);
    assert!(b1[0].message.contains("自然人") && b1[0].message.contains('5') && b1[0].message.contains('4'), "{}", b1[0].message);
    let en = findings(BALANCED, &Options { lang: Lang::En, ..opts() });
    let m = &en.with_code("GR201").next().unwrap().message;
    assert!(m.starts_with("Column Natural persons"), "{m}");
}

#[test]
fn a_rule_without_numbers_is_not_assessable_never_passed() {
    let f = findings(
        r#""requests":{"new":{"natural_person":"/","commercial":"/","research":"/","social_welfare":"/","legal_service":"/","other_org":"/","total":"/"}}"#,
        &opts(),
    );
    let na: Vec<_> = f.iter().filter(|x| x.status == Status::NotAssessable).map(|x| x.code.as_str()).collect();
    for code in ["GR201", "GR202", "GR203", "GR301", "GR501"] {
        assert!(na.contains(&code), "{code} should be not assessable: {na:?}");
    }
    // One finding per rule, listing every place.
    let b3 = f.with_code("GR203").next().unwrap();
    assert_eq!(b3.severity, Severity::Info);
    assert_eq!(b3.params["count"], "25");
    assert!(f.with_code("GR012").any(|x| x.path == "/requests/new"));
}

#[test]
fn disable_by_prefix_and_override_severity() {
    let o = Options { disable: vec!["GR2".into()], severity: [("GR011".to_string(), Severity::Error)].into(), ..opts() };
    let f = findings(BALANCED, &o);
    assert!(f.iter().all(|x| !x.code.starts_with("GR2")));
    assert!(f.with_code("GR011").all(|x| x.severity == Severity::Error));
    assert!(f.has_errors());
}

#[test]
fn unknown_option_values_are_errors() {
    let bad = Options { disable: vec!["GX".into()], ..opts() };
    assert!(matches!(
        check(&parse_str(r#"{"format":"2021","year":2023,"agency":{"name":"x","kind":"department"}}"#).unwrap(), &bad),
        Err(e) if e.kind() == "invalid"
    ));
    assert!(Options::from_json(r#"{"severity":{"GR999":"error"}}"#).is_err());
    assert!(Options::from_json(r#"{"township_deadline":"02-30"}"#).is_err());
    assert!(Options::from_json(r#"{"today":"yesterday"}"#).is_err());
    assert!(Options::from_json(r#"{"colour":"red"}"#).is_err());
    let o = Options::from_json(r#"{"lang":"en","disable":["GR4"],"township_deadline":"02-20"}"#).unwrap();
    assert_eq!(o.lang, Lang::En);
}

fn dated(kind: &str, year: u16, published: &str, options: &Options) -> Vec<String> {
    let text = format!(r#"{{"format":"2021","year":{year},"agency":{{"name":"某镇人民政府","kind":"{kind}"}},"published_on":"{published}"}}"#);
    check(&parse_str(&text).unwrap(), options)
        .unwrap()
        .iter()
        .filter(|f| f.code.starts_with("GR50"))
        .map(|f| format!("{} {}", f.code, f.expected.clone().unwrap_or_default()))
        .collect()
}

#[test]
fn deadlines_by_kind_regime_and_option() {
    assert_eq!(dated("department", 2022, "2023-01-31", &opts()), Vec::<String>::new());
    assert_eq!(dated("department", 2022, "2023-02-01", &opts()), ["GR501 2023-01-31"]);
    assert_eq!(dated("government", 2022, "2023-03-31", &opts()), Vec::<String>::new());
    assert_eq!(dated("township", 2022, "2023-03-01", &opts()), Vec::<String>::new());
    let local = Options { township_deadline: Some("02-20".into()), ..opts() };
    assert_eq!(dated("township", 2022, "2023-03-01", &local), ["GR501 2023-02-20"]);
    assert_eq!(dated("department", 2022, "2022-12-31", &opts()), ["GR502 "]);
    assert_eq!(dated("department", 2025, "2027-01-05", &opts()), ["GR501 2026-01-31", "GR503 "]);
    assert_eq!(dated("department", 2022, "2023-02-29", &opts()), ["GR504 "]);
}

#[test]
fn the_2007_regime_allows_until_march() {
    let text = r#"{"format":"2007","year":2012,"agency":{"name":"某局","kind":"department"},"published_on":"2013-03-20"}"#;
    let f = check(&parse_str(text).unwrap(), &opts()).unwrap();
    assert!(f.iter().all(|x| !x.code.starts_with("GR50")), "{:?}", codes(&f));
}

#[test]
fn credit_and_region_codes() {
    use govreport::{credit_code_problem, region_code_problem};
    for ok in ["91350100M000100Y43", "91440300708461136T", "11100000000013127D"] {
        assert_eq!(credit_code_problem(ok), None, "{ok}");
    }
    assert!(credit_code_problem("91440300708461136A").unwrap().zh.contains("校验码"));
    assert!(credit_code_problem("9144030070846113").is_some());
    assert!(credit_code_problem("91440300708461136I").is_some());
    assert_eq!(region_code_problem("220105"), None);
    assert!(region_code_problem("990105").is_some());
    assert!(region_code_problem("2201").is_some());
}

#[test]
fn prose_numbers_are_compared_with_their_cells() {
    let body = format!(
        r#""sections":{{"overview":"本年度新收政府信息公开申请6件，予以公开5件，结转下年度继续办理1件。","problems":"一是公开内容不够全面；二是依申请公开答复质量有待提高。下一步将加强培训，规范答复文书。","other_matters":"无。"}},{BALANCED}"#
    );
    let f = findings(&body, &opts());
    let g: Vec<_> = f.with_code("GR404").collect();
    assert_eq!(g.len(), 1, "{:?}", codes(&f));
    assert_eq!(g[0].path, "/requests/granted/total");
    assert_eq!((g[0].expected.as_deref(), g[0].actual.as_deref()), (Some("5"), Some("4")));
    assert!(g[0].message.contains("予以公开5件"), "{}", g[0].message);
}

#[test]
fn amounts_compare_as_intervals_of_their_precision() {
    let fees = |billed: &str, collected: &str| {
        let f = findings(&format!(r#""processing_fees":{{"notices":2,"billed_yuan":"{billed}","collected_yuan":"{collected}"}}"#), &opts());
        f.with_code("GR103").count()
    };
    assert_eq!(fees("200", "200.4"), 0, "200 stands for 199.5–200.5");
    assert_eq!(fees("200.0", "200.4"), 1, "200.0 stands for 199.95–200.05");
    assert_eq!(fees("100", "300"), 1);
}

#[test]
fn perfunctory_and_missing_parts_and_government_results() {
    let text = r#"{"format":"2021","year":2023,"agency":{"name":"某县人民政府","kind":"government"},"sections":{"overview":"本年度认真做好主动公开工作。","problems":"无"}}"#;
    let f = check(&parse_str(text).unwrap(), &opts()).unwrap();
    assert!(f.with_code("GR401").any(|x| x.path == "/sections/other_matters"));
    assert!(f.with_code("GR402").any(|x| x.path == "/sections/problems"));
    let g = f.with_code("GR403").next().unwrap();
    assert!(g.message.contains("工作考核") && g.message.contains("责任追究"), "{}", g.message);
    let topics = f.with_code("GR405").next().unwrap();
    assert!(topics.message.contains("依申请公开") && !topics.message.contains("主动公开、"), "{}", topics.message);
}

/// A table whose last rows are all absent is reported once as cut off (GR014), naming the
/// first row gone and how many; a row cut through keeps its GR011; a single absent last row
/// is not a cut.
#[test]
fn a_table_cut_off_is_one_finding_not_one_per_row() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/2021-table-cut-off.json")).unwrap();
    let f = check(&parse_str(&text).unwrap(), &opts()).unwrap();
    let cut: Vec<_> = f.with_code("GR014").collect();
    assert_eq!(cut.iter().map(|x| x.path.as_str()).collect::<Vec<_>>(), ["/requests/withheld/internal_affairs", "/review_litigation/review"]);
    assert_eq!(cut[0].related.len(), 16);
    assert_eq!(cut[0].related.last().map(String::as_str), Some("/requests/carried_forward"));
    assert_eq!(cut[0].params.get("count").map(String::as_str), Some("17"));
    assert!(cut[0].message.contains("从「（三）不予公开5.属于三类内部事务信息」起的 17 行全部缺失"), "{}", cut[0].message);
    assert_eq!(f.with_code("GR011").map(|x| x.path.as_str()).collect::<Vec<_>>(), ["/requests/withheld/third_party"]);

    // Table C with only its last group absent: GR011 on that row, no GR014.
    let c = r#""review_litigation":{"review":{"upheld":0,"corrected":0,"other":0,"pending":0,"total":0},
        "litigation_direct":{"upheld":0,"corrected":0,"other":0,"pending":0,"total":0}}"#;
    let f = findings(c, &opts());
    assert_eq!(f.with_code("GR014").filter(|x| x.path.starts_with("/review_litigation")).count(), 0);
    // (Tables A and B, not given at all, are each one GR014 from their first row.)
    assert_eq!(f.with_code("GR014").map(|x| x.path.as_str()).collect::<Vec<_>>(), ["/proactive/rules", "/requests/new"]);
    assert_eq!(f.with_code("GR011").filter(|x| x.path == "/review_litigation/litigation_after_review").count(), 1);
}

/// The codes a 2007-regime report of `year` with these parts (heading, text) gives.
fn prose_2007(year: u16, parts: &[(&str, &str)]) -> Vec<(String, String, Status)> {
    let sections: Vec<serde_json::Value> = parts.iter().map(|(h, t)| serde_json::json!({"heading": h, "text": t})).collect();
    let doc = serde_json::json!({"format": "2007", "year": year, "agency": {"name": "某县林业局", "kind": "department"},
        "published_on": format!("{}-03-10", year + 1), "sections": sections});
    let f = check(&parse_str(&doc.to_string()).unwrap(), &opts()).unwrap();
    f.iter().map(|x| (x.code.clone(), x.path.clone(), x.status)).collect()
}

/// The six contents of 第三十二条 under their headings, with `text` under the first.
fn all_contents(text: &str) -> Vec<(&'static str, String)> {
    vec![
        ("一、主动公开政府信息的情况", text.to_string()),
        ("二、依申请公开政府信息和不予公开政府信息的情况", "未收到申请。".into()),
        ("三、政府信息公开的收费及减免情况", "未收费。".into()),
        ("四、因政府信息公开申请行政复议、提起行政诉讼的情况", "无。".into()),
        ("五、政府信息公开工作存在的主要问题及改进情况", "更新不够及时，下一步将明确专人负责。".into()),
    ]
}

fn with<'a>(parts: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    parts.iter().map(|(h, t)| (*h, t.as_str())).collect()
}

#[test]
fn the_body_year_only_where_the_text_gives_its_own_figures_for_another_year() {
    let gr406 = |year, text: &str| prose_2007(year, &with(&all_contents(text))).into_iter().filter(|f| f.0 == "GR406").collect::<Vec<_>>();
    // Figures of another year, and none of the report's own: reported.
    assert_eq!(gr406(2015, "2014年，我局主动公开政府信息共计86条。"), [("GR406".into(), "/sections/0/text".into(), Status::Violated)]);
    // A comparison, a plan, a statement since a year, another body's figures: not.
    for text in [
        "2014年，我局主动公开政府信息86条，较2013年增长10%。",
        "2016年，我局将进一步加强政府信息公开工作，计划公开信息100条。",
        "2014年以来，我局累计主动公开政府信息300条。",
        "2014年，市政府主动公开政府信息86条。",
        "2015年，我局主动公开政府信息90条。2014年，我局主动公开政府信息86条。",
    ] {
        assert!(gr406(2015, text).is_empty(), "{text}");
    }
    // A statistics period of another year is reported even beside sentences of the right year.
    let text = "本报告所列数据统计期限自2014年1月1日起至2014年12月31日止。2015年，我局主动公开政府信息90条。";
    assert_eq!(gr406(2015, text).len(), 1);
}

#[test]
fn request_figures_that_contradict_and_those_that_cannot_be_judged() {
    let gr806 = |text: &str| {
        let mut parts = all_contents("2012年主动公开政府信息共计10条。");
        parts[1].1 = text.to_string();
        prose_2007(2012, &with(&parts)).into_iter().filter(|f| f.0 == "GR806").map(|f| f.2).collect::<Vec<_>>()
    };
    assert_eq!(gr806("共受理政府信息公开申请10件，已答复8件，1件正在办理。"), [Status::Violated]);
    assert!(gr806("共受理政府信息公开申请10件，已答复9件，1件正在办理。").is_empty());
    // Two of the three, or one given twice: nothing to judge.
    assert!(gr806("共受理政府信息公开申请10件，已答复8件。").is_empty());
    assert!(gr806("共受理政府信息公开申请10件，已答复8件，办结9件，1件正在办理。").is_empty());
    // Other counts than requests: 收件 of a service centre is no request.
    assert!(gr806("政务服务中心收件9898件，办结9542件，1件正在办理。").is_empty());
    // With requests carried over, whether the received count holds them is not said alike.
    assert_eq!(gr806("共受理政府信息公开申请10件，上年结转2件，已答复8件，1件正在办理。"), [Status::NotAssessable]);
}

#[test]
fn numbering_of_parts_runs_in_turn() {
    let gr805 = |headings: &[&str], texts: &[&str]| {
        let parts: Vec<(&str, &str)> = headings.iter().zip(texts).map(|(h, t)| (*h, *t)).collect();
        prose_2007(2012, &parts).into_iter().filter(|f| f.0 == "GR805").map(|f| f.1).collect::<Vec<_>>()
    };
    let five = ["甲", "乙", "丙", "丁", "戊"];
    assert!(gr805(&["一、主动公开", "二、依申请公开", "三、收费", "四、复议诉讼", "五、存在的问题"], &five).is_empty());
    // The first part numbered 二: 一 is skipped.
    assert_eq!(gr805(&["二、主动公开", "三、依申请公开"], &five), ["/sections/0/heading"]);
    // 三 skipped, but it stands at the start of a sentence of the part before: a heading run into
    // the text, not a skip.
    assert!(gr805(&["一、主动公开", "二、依申请公开", "四、复议诉讼"], &["甲", "正文。三、收费情况 无收费。", "丁"]).is_empty());
    // Bracketed numbering where no part is numbered 一、.
    assert_eq!(gr805(&["（一）主动公开", "（三）收费"], &five), ["/sections/1/heading"]);
    // Headings without a numeral are not judged.
    assert!(gr805(&["一、主动公开", "附件1", "二、依申请公开"], &five).is_empty());
}

#[test]
fn contents_stated_in_sentences_count_headings_or_not() {
    let gr801 = |parts: &[(&str, &str)]| prose_2007(2012, parts).into_iter().filter(|f| f.0 == "GR801").count();
    assert_eq!(
        gr801(&[("一、工作情况", "我局主动公开政府信息12条，未收到政府信息公开申请，未收取任何费用，未发生行政复议、行政诉讼。存在的主要问题是更新不及时。")]),
        0
    );
    // A word said of something else is no statement of the content.
    assert_eq!(gr801(&[("一、工作情况", "我局主动公开政府信息12条，公布收费项目和收费依据，完善行政复议工作制度。存在的主要问题是更新不及时。")]), 3);
}
