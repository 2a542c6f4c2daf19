//! Importing published reports (issue 6).

use std::path::PathBuf;

mod common;

use common::{NOT_PRINTED, Rng, assert_imported_back, diff, renderable};
use govreport::import::{ImportOptions, Imported, SourceKind, import_document};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

use govreport::{Lang, RenderFormat, Report, parse_json, render};

fn load(rel: &str) -> Report {
    parse_json(&std::fs::read(root().join(rel)).unwrap()).unwrap()
}

/// The fixtures of tests/fixtures (and the bundled example) in the template formats.
fn template_documents() -> Vec<(String, Report)> {
    let mut out = vec![("examples/report-2023.json".to_string(), load("examples/report-2023.json"))];
    let mut names: Vec<String> = std::fs::read_dir(root().join("tests/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    for n in names {
        let rel = format!("tests/fixtures/{n}");
        let r = load(&rel);
        if r.format() != govreport::Format::F2007 {
            out.push((rel, r));
        }
    }
    out
}

#[test]
fn round_trip_html_and_docx() {
    for (name, original) in template_documents() {
        for fmt in [RenderFormat::Html, RenderFormat::Docx, RenderFormat::Markdown, RenderFormat::Text] {
            let bytes = render(&original, fmt, Lang::Zh).unwrap();
            let got = import_document(&bytes, &ImportOptions::default()).unwrap_or_else(|e| panic!("{name} {fmt:?}: {e}"));
            // The title names no agency: the importer takes the one the text names first.
            if let Some(taken) = assert_imported_back(&original, got, &format!("{name} as {fmt:?}")) {
                assert_eq!(taken, "西关街道办事处", "{name} as {fmt:?}");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The corpus: every excerpt of ../shared/corpus, copied into tests/fixtures/corpus with the
// document transcribed by hand next to it (<name>.json), and the import findings it must give.

/// Import findings each corpus file gives: (code, path), as a multiset.
const CORPUS: &[(&str, &[(&str, &str)])] = &[
    // Every import says which agency kind it took from the name (GR918), and where a fact not
    // in the title was taken from (GR916).
    ("seed-2012-changchun-etdz", &[("GR918", "/agency/kind")]),
    ("dev/2008-048", &[("GR918", "/agency/kind")]),
    // The date is the one under the signature.
    ("dev/2013-050", &[("GR916", "/published_on"), ("GR918", "/agency/kind")]),
    // A whole page as an archive stored it, line breaks lost: parts, signature and the
    // attachment's table found inside the one line.
    ("dev/2012-pingtan-econ", &[("GR918", "/agency/kind")]),
    // The same, and the statistics table it announces is not on the page.
    ("dev/2015-pingtan-social", &[("GR918", "/agency/kind"), ("GR919", "")]),
    (
        "dev/2021-009",
        &[
            ("GR910", "/published_on"),
            ("GR918", "/agency/kind"),
            ("GR909", ""),
            ("GR904", "/requests/withheld/inquiry_matters"),
            ("GR901", "/review_litigation"),
        ],
    ),
    ("dev/2022-002", &[("GR910", "/published_on"), ("GR918", "/agency/kind"), ("GR904", "/requests/withheld/third_party"), ("GR901", "/review_litigation")]),
    (
        "dev/2022-004",
        &[
            ("GR910", "/published_on"),
            ("GR918", "/agency/kind"),
            ("GR904", "/requests/withheld/third_party"),
            ("GR901", "/review_litigation"),
            ("GR907", "/format"),
        ],
    ),
    (
        "dev/2022-007",
        &[
            ("GR916", "/year"),
            ("GR916", "/agency/name"),
            ("GR910", "/published_on"),
            ("GR918", "/agency/kind"),
            ("GR904", "/requests/withheld/prohibited_by_law"),
            ("GR901", "/review_litigation"),
        ],
    ),
    // Year and agency from the sentence that names the report.
    (
        "dev/2023-006",
        &[
            ("GR916", "/year"),
            ("GR916", "/agency/name"),
            ("GR910", "/published_on"),
            ("GR918", "/agency/kind"),
            ("GR909", ""),
            ("GR904", "/requests/partially_granted"),
            ("GR901", "/review_litigation"),
        ],
    ),
    (
        "dev/2023-014",
        &[
            ("GR916", "/year"),
            ("GR916", "/agency/name"),
            ("GR910", "/published_on"),
            ("GR918", "/agency/kind"),
            ("GR915", "/sections/overview"),
            ("GR901", "/proactive"),
        ],
    ),
    ("dev/2023-023", &[("GR910", "/published_on"), ("GR918", "/agency/kind"), ("GR915", "/sections/overview"), ("GR901", "/proactive")]),
    (
        "dev/2024-001",
        &[
            ("GR916", "/year"),
            ("GR910", "/agency/name"),
            ("GR910", "/published_on"),
            ("GR918", "/agency/kind"),
            ("GR904", "/requests/withheld/enforcement_files"),
            ("GR901", "/review_litigation"),
        ],
    ),
    (
        "dev/2024-010",
        &[
            ("GR916", "/year"),
            ("GR916", "/agency/name"),
            ("GR910", "/published_on"),
            ("GR918", "/agency/kind"),
            ("GR909", ""),
            ("GR904", "/requests/new"),
            ("GR901", "/review_litigation"),
        ],
    ),
    (
        "dev/2024-036",
        &[
            ("GR916", "/year"),
            ("GR916", "/agency/name"),
            ("GR910", "/published_on"),
            ("GR918", "/agency/kind"),
            ("GR915", "/sections/overview"),
            ("GR901", "/proactive"),
        ],
    ),
];

fn corpus(name: &str) -> Imported {
    let bytes = std::fs::read(root().join(format!("tests/fixtures/corpus/{name}.txt"))).unwrap();
    import_document(&bytes, &ImportOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn codes(imported: &Imported) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = imported.findings.iter().map(|f| (f.code.clone(), f.path.clone())).collect();
    v.sort();
    v
}

fn want_codes(list: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = list.iter().map(|(c, p)| (c.to_string(), p.to_string())).collect();
    v.sort();
    v
}

#[test]
fn every_corpus_file_is_copied_and_transcribed() {
    let shared = root().join("../shared/corpus");
    let mut listed: Vec<String> = CORPUS.iter().map(|(n, _)| n.to_string()).collect();
    listed.sort();
    let mut here = vec![];
    for dir in ["", "dev/"] {
        for e in std::fs::read_dir(root().join("tests/fixtures/corpus").join(dir)).unwrap() {
            let n = e.unwrap().file_name().to_string_lossy().into_owned();
            if let Some(stem) = n.strip_suffix(".txt") {
                here.push(format!("{dir}{stem}"));
                assert!(root().join(format!("tests/fixtures/corpus/{dir}{stem}.json")).exists(), "{dir}{stem}.txt has no transcription");
            }
        }
    }
    here.sort();
    assert_eq!(here, listed, "tests/fixtures/corpus and CORPUS differ");
    // The copies are the shared corpus, byte for byte (when it is there to compare).
    if shared.exists() {
        for name in &listed {
            let ours = std::fs::read(root().join(format!("tests/fixtures/corpus/{name}.txt"))).unwrap();
            let theirs = std::fs::read(shared.join(format!("{name}.txt"))).unwrap();
            assert!(ours == theirs, "{name}.txt differs from ../shared/corpus");
        }
    }
}

#[test]
fn corpus_imports_to_its_transcription() {
    for (name, findings) in CORPUS {
        let got = corpus(name);
        assert_eq!(got.source, SourceKind::Text, "{name}");
        assert_eq!(got.encoding, "UTF-8", "{name}");
        let want = load(&format!("tests/fixtures/corpus/{name}.json"));
        assert!(got.report == want, "{name}: {}", diff(&want, &got.report));
        assert_eq!(codes(&got), want_codes(findings), "{name}: {:#?}", got.findings);
        // Every finding says where in the source it is.
        for f in got.findings.iter() {
            assert!(f.params.contains_key("at"), "{name} {}: no place", f.code);
        }
        // The document checks (the checker's own findings are its business).
        govreport::check(&got.report, &govreport::Options { today: Some("2026-11-26".into()), ..Default::default() }).unwrap();
    }
}

#[test]
fn the_raw_seed_checks_as_the_seed() {
    let got = corpus("seed-2012-changchun-etdz");
    let findings = govreport::check(&got.report, &govreport::Options { today: Some("2026-11-26".into()), ..Default::default() }).unwrap();
    let mut seen: Vec<(&str, &str)> = findings.iter().map(|f| (f.code.as_str(), f.path.as_str())).collect();
    seen.sort();
    assert_eq!(seen, vec![("GR801", "/sections"), ("GR801", "/sections"), ("GR801", "/sections"), ("GR802", "/figures/0/total")], "{findings:#?}");
    let sum = findings.with_code("GR802").next().unwrap();
    assert_eq!((sum.expected.as_deref(), sum.actual.as_deref()), (Some("3017"), Some("3025")));
    let mut items: Vec<&str> = findings.with_code("GR801").map(|f| f.params["item"].as_str()).collect();
    items.sort();
    assert_eq!(
        items,
        vec!["（三）政府信息公开的收费及减免情况", "（二）依申请公开政府信息和不予公开政府信息的情况", "（四）因政府信息公开申请行政复议、提起行政诉讼的情况"]
    );
}

#[test]
fn corpus_findings_name_the_place_and_the_alias() {
    // 2022-004: the table of part 三 stops after row 3 at line 19.
    let f = corpus("dev/2022-004");
    let cut = f.findings.with_code("GR904").next().unwrap();
    assert_eq!(cut.params["line"], "19");
    assert_eq!(cut.params["count"], "18");
    let cited = f.findings.with_code("GR907").next().unwrap();
    assert_eq!(cited.params["line"], "3");
    assert!(cited.message.contains("〔2019〕60号"), "{}", cited.message);
    // 2021-009: the label cut in two is named.
    let f = corpus("dev/2021-009");
    assert_eq!(f.findings.with_code("GR909").next().unwrap().params["text"], "8.属于行");
    // English messages on request.
    let bytes = std::fs::read(root().join("tests/fixtures/corpus/dev/2022-002.txt")).unwrap();
    let en = import_document(&bytes, &ImportOptions { lang: govreport::Lang::En, ..Default::default() }).unwrap();
    let cut = en.findings.with_code("GR904").next().unwrap();
    assert!(cut.message.contains("stops at line 31"), "{}", cut.message);
}

// ---------------------------------------------------------------------------------------------
// Pages made by hand in the shapes portals publish (tests/fixtures/pages/make_pages.py).

fn page(name: &str) -> (Imported, Report) {
    let bytes = std::fs::read(root().join(format!("tests/fixtures/pages/{name}"))).unwrap();
    let got = import_document(&bytes, &ImportOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
    let stem = name.rsplit_once('.').unwrap().0;
    (got, load(&format!("tests/fixtures/pages/{stem}.json")))
}

#[test]
fn word_made_page_in_gbk() {
    let (got, want) = page("word-gbk-2022.html");
    assert_eq!((got.source, got.encoding), (SourceKind::Html, "GBK"));
    assert!(got.report == want, "{}", diff(&want, &got.report));
    // The date is the one under the signature; the kind is taken from the name.
    assert_eq!(codes(&got), want_codes(&[("GR906", ""), ("GR916", "/published_on"), ("GR918", "/agency/kind")]), "{:#?}", got.findings);
    let alias = got.findings.with_code("GR906").next().unwrap();
    assert_eq!((alias.params["found"].as_str(), alias.params["label"].as_str()), ("规范性 文件", "行政规范性文件"));
    assert_eq!(alias.params["table"], "1");
}

#[test]
fn portal_page_with_related_articles_and_footer_after_the_report() {
    // The report of portal-nested-2023 on a page of <div>s with previous and next links,
    // related articles, a QR code line and a long footer after it: the same document.
    let bytes = std::fs::read(root().join("tests/fixtures/pages/portal-related-2023.html")).unwrap();
    let got = import_document(&bytes, &ImportOptions::default()).unwrap();
    let want = load("tests/fixtures/pages/portal-nested-2023.json");
    assert!(got.report == want, "{}", diff(&want, &got.report));
    assert_eq!(got.report.get("/sections/other_matters").unwrap(), Some(serde_json::json!("本年度未发出收费通知，未收取信息处理费。")));
    assert_eq!(
        codes(&got),
        want_codes(&[("GR902", "/sections/problems"), ("GR908", "/requests/other"), ("GR918", "/agency/kind"), ("GR920", "")]),
        "{:#?}",
        got.findings
    );
    // What was left out is counted and its first paragraph quoted, at its place.
    let after = got.findings.with_code("GR920").next().unwrap();
    assert_eq!((after.params["count"].as_str(), after.params["quote"].as_str()), ("32", "相关文章"));
    assert!(after.message.contains("相关文章") && after.message.contains("第"), "{}", after.message);
    // The date is the page's field (the signature above the chrome is found too).
    assert_eq!(got.report.get("/published_on").unwrap(), Some(serde_json::json!("2024-01-29")));
}

#[test]
fn a_page_text_before_the_report_is_not_read_into_it() {
    // Figures in the page's navigation, before the element that holds the report, are not the
    // report's: the row inside it is read (the text before used to win).
    let page = "<html><head><title>某局2023年政府信息公开工作年度报告</title></head><body>\
        <div class=nav><p>本年新收政府信息公开申请数量 9 9 9 9 9 9 54</p></div><div class=content>\
        <p>一、总体情况</p><p>2023年，我局认真贯彻落实条例。</p><p>二、主动公开政府信息情况</p><p>略。</p>\
        <p>三、收到和处理政府信息公开申请情况</p><p>本年新收政府信息公开申请数量 1 0 0 0 0 0 1</p>\
        <p>四、政府信息公开行政复议、行政诉讼情况</p><p>无。</p><p>五、存在的主要问题及改进情况</p>\
        <p>一是宣传不够。下一步加强。</p><p>六、其他需要报告的事项</p><p>无。</p></div>\
        <div class=footer><p>相关链接</p></div></body></html>";
    let got = import_document(page.as_bytes(), &ImportOptions::default()).unwrap();
    assert_eq!(got.report.get("/requests/new/total").unwrap(), Some(serde_json::json!(1)));
    assert_eq!(got.report.get("/requests/new/natural_person").unwrap(), Some(serde_json::json!(1)));
    assert_eq!(got.report.get("/sections/other_matters").unwrap(), Some(serde_json::json!("无。")));
    let after = got.findings.with_code("GR920").next().unwrap();
    assert_eq!((after.params["count"].as_str(), after.params["quote"].as_str()), ("1", "相关链接"));
}

#[test]
fn portal_page_with_layout_tables() {
    let (got, want) = page("portal-nested-2023.html");
    assert_eq!((got.source, got.encoding), (SourceKind::Html, "UTF-8"));
    assert!(got.report == want, "{}", diff(&want, &got.report));
    assert_eq!(codes(&got), want_codes(&[("GR902", "/sections/problems"), ("GR908", "/requests/other"), ("GR918", "/agency/kind")]), "{:#?}", got.findings);
    let single = got.findings.with_code("GR908").next().unwrap();
    assert_eq!(single.params["values"], "0、0、0、0、0、0、0");
    // The single （六） row is kept as published; none of its sub-rows is invented.
    assert_eq!(got.report.layout(), govreport::model::Layout::SingleOther);
    assert_eq!(got.report.get("/requests/other/total").unwrap(), Some(serde_json::json!(0)));
    assert!(got.report.get("/requests/other/no_correction/total").unwrap().is_none());
    // Its figures take part in table B's sums: the page adds up, and B1, B2 say so.
    let findings = govreport::check(&got.report, &govreport::Options { today: Some("2026-11-26".into()), ..Default::default() }).unwrap();
    assert!(!findings.iter().any(|f| ["GR201", "GR202"].contains(&f.code.as_str())), "{findings:#?}");
}

#[test]
fn word_file_in_the_2019_template() {
    let (got, want) = page("word-2020.docx");
    assert_eq!(got.source, SourceKind::Docx);
    assert!(got.report == want, "{}", diff(&want, &got.report));
    assert_eq!(codes(&got), want_codes(&[("GR918", "/agency/kind")]), "{:#?}", got.findings);
}

// ---------------------------------------------------------------------------------------------
// What the importer makes of particular shapes.

fn text(s: &str) -> Imported {
    import_document(s.as_bytes(), &ImportOptions::default()).unwrap()
}

const HEAD_2021: &str = "某市某局2023年政府信息公开工作年度报告\n发布日期：2024-01-20\n一、总体情况\n本年度我局依法做好政府信息公开工作。\n";

/// Table B of a 2021 report published with one （六）其他处理 row, every row as the older
/// layout prints it: 新收 5 and 上年结转 1 are 予以公开 2, （三）3 1, （六） `other` (自然人,
/// 商业企业 … 总计) and 结转下年度 1, with （七）总计 `total`; every other row 0. The line of
/// （六） is the second value.
fn single_other_page(other: &str, total: &str) -> (String, usize) {
    use govreport::labels;
    let mut lines = vec!["三、收到和处理政府信息公开申请情况".to_string()];
    let mut at = 0;
    for rl in labels::request_rows_in(govreport::Format::F2021, govreport::model::Layout::SingleOther) {
        let values = match rl.label.id.rsplit('/').next().unwrap() {
            _ if rl.row.is_none() => "",
            "new" => "4\t1\t0\t0\t0\t0\t5",
            "carried_over" | "security_stability" | "carried_forward" => "1\t0\t0\t0\t0\t0\t1",
            "granted" => "2\t0\t0\t0\t0\t0\t2",
            "other" => {
                at = lines.len();
                other
            }
            "results_total" => total,
            _ => "0\t0\t0\t0\t0\t0\t0",
        };
        lines.push(format!("{}\t{values}", rl.label.name.zh).trim_end().to_string());
    }
    (format!("{HEAD_2021}{}\n本年制发件数\n", lines.join("\n")), HEAD_2021.lines().count() + at + 1)
}

fn check_today(report: &Report) -> govreport::Findings {
    govreport::check(report, &govreport::Options { today: Some("2026-11-26".into()), ..Default::default() }).unwrap()
}

#[test]
fn a_single_other_handling_row_in_a_2021_table_is_kept_and_summed() {
    let (page, line) = single_other_page("1\t1\t0\t0\t0\t0\t2", "4\t1\t0\t0\t0\t0\t5");
    let got = text(&page);
    let r = &got.report;
    assert_eq!(r.format(), govreport::Format::F2021);
    // Kept as published, as one row: the sub-rows are not invented.
    assert_eq!(r.layout(), govreport::model::Layout::SingleOther);
    let other: Vec<serde_json::Value> = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"]
        .iter()
        .map(|c| r.get(&format!("/requests/other/{c}")).unwrap().unwrap())
        .collect();
    assert_eq!(other, [1, 1, 0, 0, 0, 0, 2].map(serde_json::Value::from));
    for sub in ["no_correction", "fee_unpaid", "other"] {
        assert!(r.get(&format!("/requests/other/{sub}/total")).unwrap().is_none(), "{sub}");
    }
    // GR908 says the layout is not the template's, with the figures kept.
    let f = got.findings.with_code("GR908").next().expect("GR908");
    assert_eq!((f.path.as_str(), f.params["values"].as_str(), f.params["line"].clone()), ("/requests/other", "1、1、0、0、0、0、2", line.to_string()));
    assert!(f.message.contains("数字按一行保留"), "{}", f.message);
    // The table adds up with the row: B1, B2 and B3 hold, none is not assessable.
    let findings = check_today(r);
    for code in ["GR201", "GR202", "GR203"] {
        assert_eq!(findings.with_code(code).count(), 0, "{code}: {findings:#?}");
    }
    // GR104 needs the sub-row of unpaid fees: not judged, never an error.
    assert!(!findings.iter().any(|f| f.code == "GR104" && f.status == govreport::Status::Violated));

    // The same table with the row's figures short of （七）总计: B2 finds it, column by column.
    let got = text(&single_other_page("1\t0\t0\t0\t0\t0\t1", "4\t1\t0\t0\t0\t0\t5").0);
    let findings = check_today(&got.report);
    let b2: Vec<(&str, Option<&str>, Option<&str>)> =
        findings.with_code("GR202").map(|f| (f.path.as_str(), f.expected.as_deref(), f.actual.as_deref())).collect();
    assert_eq!(b2, [("/requests/results_total/commercial", Some("0"), Some("1")), ("/requests/results_total/total", Some("4"), Some("5"))], "{findings:#?}");
    let related = &findings.with_code("GR202").next().unwrap().related;
    assert!(related.contains(&"/requests/other/commercial".to_string()), "{related:?}");
    // And with （七） following the short row, B1 finds that intake and outcome differ.
    let got = text(&single_other_page("1\t0\t0\t0\t0\t0\t1", "4\t0\t0\t0\t0\t0\t4").0);
    let findings = check_today(&got.report);
    assert_eq!(findings.with_code("GR202").count(), 0, "{findings:#?}");
    let b1: Vec<&str> = findings.with_code("GR201").map(|f| f.path.as_str()).collect();
    assert_eq!(b1, ["/requests/new/commercial", "/requests/new/total"], "{findings:#?}");
}

#[test]
fn a_single_other_row_of_run_together_or_extra_figures_is_not_read() {
    // Spaces, not cell boundaries: six figures for seven cells ("00" holds two), or eight.
    for other in ["1 1 0 0 0 02", "1 1 0 0 0 0 2 9"] {
        let got = text(&single_other_page(other, "4\t1\t0\t0\t0\t0\t5").0);
        assert!(got.report.get("/requests/other/total").unwrap().is_none(), "{other}: {:?}", got.report.get("/requests/other"));
        let f = got.findings.with_code("GR908").next().expect("GR908");
        assert!(f.message.contains("不是正好七列"), "{other}: {}", f.message);
        // Nothing rests on the row: B1/B2 are not assessable, never an error.
        let findings = check_today(&got.report);
        assert!(!findings.iter().any(|f| ["GR201", "GR202"].contains(&f.code.as_str()) && f.status == govreport::Status::Violated), "{other}: {findings:#?}");
    }
}

#[test]
fn a_single_other_row_beside_its_sub_rows_is_their_subtotal() {
    // Some tables give （六） a subtotal on its heading row and the sub-rows below it: the
    // sub-rows are the template's, the heading's figures are not imported (GR908 says so).
    let page = format!(
        "{HEAD_2021}三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2\n三、本年度办理结果\t（一）予以公开\t1\t0\t0\t0\t0\t0\t1\n\
         （六）其他处理\t1\t0\t0\t0\t0\t0\t1\n1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t1\t0\t0\t0\t0\t0\t1\n\
         2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n3.其他\t0\t0\t0\t0\t0\t0\t0\n\
         （七）总计\t2\t0\t0\t0\t0\t0\t2\n四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0\n本年制发件数\n"
    );
    let got = text(&page);
    assert_eq!(got.report.layout(), govreport::model::Layout::Template);
    assert_eq!(got.report.get("/requests/other/no_correction/total").unwrap(), Some(serde_json::json!(1)));
    assert!(got.report.get("/requests/other/total").unwrap().is_none());
    let f = got.findings.with_code("GR908").next().expect("GR908");
    assert!(f.message.contains("小计"), "{}", f.message);
}

#[test]
fn cells_blank_slash_and_numbers_as_published() {
    // Tabs, full-width digits, a blank cell, "—" and "无", a thousands separator.
    let page = format!(
        "{HEAD_2021}二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t—\t无\t／\n行政规范性文件\t１２\t\t30\n第二十条第（五）项\n行政许可\t1,234\n"
    );
    let got = text(&page);
    let get = |p: &str| got.report.get(p).unwrap();
    assert_eq!(get("/proactive/rules/issued"), Some("/".into()));
    assert_eq!(get("/proactive/rules/repealed"), Some("/".into()));
    assert_eq!(get("/proactive/rules/in_force"), Some("/".into()));
    assert_eq!(get("/proactive/normative_documents/issued"), Some(12.into()));
    assert_eq!(get("/proactive/normative_documents/repealed"), Some(serde_json::Value::Null));
    assert_eq!(get("/proactive/normative_documents/in_force"), Some(30.into()));
    assert_eq!(get("/proactive/licensing"), Some(1234.into()));
    assert_eq!(get("/proactive/penalty"), None);
}

#[test]
fn labels_broken_up_and_written_otherwise_still_match() {
    // Spaces inside labels, "1、" for "1.", half-width brackets, quotes of another kind,
    // traditional characters, and an alias that is reported.
    let page = format!(
        "{HEAD_2021}三、收到和处理政府信息公开申请情况\n自然人 | 法人或其他组织 | 总计\n商业 企业 | 科研 机构 | 社会公益 组织 | 法律服务机构 | 其他\n(三) 不予公開 | 1、屬于國家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n3、危及\"三安全一稳定\" | 1 | 0 | 0 | 0 | 0 | 0 | 1\n（七）合计 | 1 | 0 | 0 | 0 | 0 | 0 | 1\n"
    );
    let got = text(&page);
    assert_eq!(got.report.get("/requests/withheld/state_secret/total").unwrap(), Some(0.into()));
    assert_eq!(got.report.get("/requests/withheld/security_stability/natural_person").unwrap(), Some(1.into()));
    assert_eq!(got.report.get("/requests/results_total/total").unwrap(), Some(1.into()));
    let alias: Vec<(&str, &str)> = got.findings.with_code("GR906").map(|f| (f.params["found"].as_str(), f.params["label"].as_str())).collect();
    assert_eq!(alias, vec![("（七）合计", "（七）总计")]);
    // Rows are never placed by position across rows: the rows the source skips stay absent.
    assert!(got.report.get("/requests/withheld/prohibited_by_law").unwrap().is_none());
    assert!(got.report.get("/requests/new").unwrap().is_none());
}

#[test]
fn a_short_row_in_the_middle_keeps_its_cells_and_says_so() {
    let page = format!(
        "{HEAD_2021}三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 2 | 0 | 0\n二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼\n"
    );
    let got = text(&page);
    assert_eq!(got.report.get("/requests/new/research").unwrap(), Some(0.into()));
    assert_eq!(got.report.get("/requests/new/social_welfare").unwrap(), None);
    let short = got.findings.with_code("GR905").next().expect("GR905");
    assert_eq!((short.path.as_str(), short.params["found"].as_str(), short.params["columns"].as_str()), ("/requests/new", "3", "7"));
    // The table ends at part 四's heading: its other rows are missing, not cut off.
    assert!(got.findings.with_code("GR913").any(|f| f.path == "/requests/granted"));
    assert!(got.findings.with_code("GR904").all(|f| !f.path.starts_with("/requests")));
}

#[test]
fn the_2019_template_is_told_from_its_columns() {
    let page = "某县某局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n规章 0 0 0\n规范性文件 3 3 15\n第二十条第（五）项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n行政许可 20 -3 410\n";
    let got = text(page);
    assert_eq!(got.report.format(), govreport::Format::F2019);
    assert_eq!(got.report.get("/proactive/normative_documents/total_published").unwrap(), Some(15.into()));
    assert_eq!(got.report.get("/proactive/licensing/change").unwrap(), Some((-3).into()));
    // The same tables in a 2021 report name the 2019 template.
    let page = page.replace("2020年", "2022年").replace("二、主动公开", "根据国办公开办函〔2021〕30号要求编制。\n二、主动公开");
    let got = text(&page);
    assert_eq!(got.report.format(), govreport::Format::F2019);
    assert!(got.findings.with_code("GR907").any(|f| f.params["cited"].contains("〔2021〕30号")));
}

#[test]
fn headings_out_of_order_and_tables_missing() {
    let page = "某市某局2023年政府信息公开工作年度报告\n一、总体情况\n本年度我局依法做好政府信息公开工作。\n三、主动公开政府信息情况\n我局主动公开了各类信息。\n二、收到和处理政府信息公开申请情况\n本年度未收到申请。\n";
    let got = text(page);
    let order: Vec<&str> = got.findings.with_code("GR902").map(|f| f.path.as_str()).collect();
    assert_eq!(order, vec!["/proactive", "/requests"]);
    let missing: Vec<&str> = got.findings.with_code("GR903").map(|f| f.path.as_str()).collect();
    assert_eq!(missing, vec!["/proactive", "/requests"]);
    assert!(got.findings.with_code("GR901").any(|f| f.params["parts"].contains("四、")));
}

#[test]
fn encodings_bom_meta_and_detection() {
    let page = format!("{HEAD_2021}二、主动公开政府信息情况\n规章 | 1 | 0 | 1 |\n");
    // GB18030 text without a declaration: not UTF-8, so GB18030.
    let (gb, _, _) = encoding_rs::GB18030.encode(&page);
    let got = import_document(&gb, &ImportOptions::default()).unwrap();
    assert_eq!((got.encoding, got.report.meta().agency.name.as_str()), ("gb18030", "某市某局"));
    // A UTF-8 byte-order mark.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(page.as_bytes());
    assert_eq!(import_document(&bom, &ImportOptions::default()).unwrap().report.meta().agency.name, "某市某局");
    // A label given by the caller wins over detection.
    let got = import_document(&gb, &ImportOptions { encoding: Some("gbk".into()), ..Default::default() }).unwrap();
    assert_eq!(got.encoding, "GBK");
    // A page that says utf-8 but was saved as GBK is read as what it is.
    let html = format!("<html><head><meta charset=\"utf-8\"></head><body><p>{}</p></body></html>", page.replace('\n', "</p><p>"));
    let (gbk, _, _) = encoding_rs::GBK.encode(&html);
    let got = import_document(&gbk, &ImportOptions::default()).unwrap();
    assert_eq!(got.source, SourceKind::Html);
    assert_eq!(got.report.meta().agency.name, "某市某局");
    // Bytes that are no text in the encoding named are replaced, and said so.
    let got = import_document(&[page.as_bytes(), b"\xFF\xFE\xFD"].concat(), &ImportOptions { encoding: Some("utf-8".into()), ..Default::default() }).unwrap();
    assert!(got.findings.with_code("GR914").next().is_some());
}

#[test]
fn json_and_what_is_refused() {
    let json = std::fs::read(root().join("examples/report-2023.json")).unwrap();
    let got = import_document(&json, &ImportOptions::default()).unwrap();
    assert_eq!((got.source, got.findings.len()), (SourceKind::Json, 0));
    assert_eq!(got.report, load("examples/report-2023.json"));
    let kind = |b: &[u8], o: &ImportOptions| import_document(b, o).unwrap_err().kind();
    assert_eq!(kind(b"", &ImportOptions::default()), "invalid");
    assert_eq!(kind(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old word", &ImportOptions::default()), "invalid");
    assert_eq!(kind(b"%PDF-1.4", &ImportOptions::default()), "invalid");
    assert_eq!(kind(b"PK\x03\x04 not really a zip", &ImportOptions::default()), "invalid");
    assert_eq!(kind(b"{\"format\": 2021}", &ImportOptions::default()), "structure");
    assert_eq!(kind(b"{\"format\": \"2021\",", &ImportOptions::default()), "syntax");
    // Braces around words are text, not JSON.
    assert_eq!(text("{某局}2023年政府信息公开工作年度报告\n一、总体情况\n本年度工作平稳。").source, SourceKind::Text);
    // No year anywhere: an error that says how to give it; with the year given, a document.
    let no_year = "某局政府信息公开工作报告\n一、总体情况\n工作平稳。".as_bytes();
    let e = import_document(no_year, &ImportOptions::default()).unwrap_err();
    assert_eq!(e.pointer(), None);
    assert_eq!(e.kind(), "invalid");
    let got = import_document(no_year, &ImportOptions { year: Some(2022), ..Default::default() }).unwrap();
    assert_eq!(got.report.meta().year, 2022);
    // Options as JSON (for the command, C and Python).
    let o = ImportOptions::from_json(r#"{"encoding":"gb18030","source":"html","format":"2019","year":2020,"lang":"en"}"#).unwrap();
    assert_eq!((o.source, o.format, o.year, o.lang), (Some(SourceKind::Html), Some(govreport::Format::F2019), Some(2020), govreport::Lang::En));
    for bad in [r#"{"encoding":"klingon"}"#, r#"{"source":"rtf"}"#, r#"{"format":"2020"}"#, r#"{"colour":1}"#] {
        assert_eq!(ImportOptions::from_json(bad).unwrap_err().kind(), "invalid", "{bad}");
    }
    // The whole result as JSON.
    let v: serde_json::Value = serde_json::from_str(&corpus("dev/2022-002").to_json()).unwrap();
    assert_eq!((v["source"].as_str(), v["encoding"].as_str()), (Some("text"), Some("UTF-8")));
    assert_eq!(v["report"]["requests"]["new"]["total"], 1);
    assert!(v["findings"].as_array().unwrap().iter().any(|f| f["code"] == "GR904"));
}

// ---------------------------------------------------------------------------------------------
// No input makes the importer panic.

fn docx_with(document_xml: &str) -> Vec<u8> {
    use std::io::Write;
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut buf);
    z.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).unwrap();
    z.write_all(document_xml.as_bytes()).unwrap();
    z.finish().unwrap();
    buf.into_inner()
}

#[test]
fn no_panic_on_truncated_garbage_or_mutated_input() {
    let mut inputs: Vec<(String, Vec<u8>)> = vec![];
    for (name, _) in CORPUS {
        inputs.push((name.to_string(), std::fs::read(root().join(format!("tests/fixtures/corpus/{name}.txt"))).unwrap()));
    }
    for p in ["word-gbk-2022.html", "portal-nested-2023.html", "portal-related-2023.html", "word-2020.docx"] {
        inputs.push((p.to_string(), std::fs::read(root().join(format!("tests/fixtures/pages/{p}"))).unwrap()));
    }
    let example = load("examples/report-2023.json");
    inputs.push(("rendered docx".into(), render(&example, RenderFormat::Docx, Lang::Zh).unwrap()));
    let mut cases: Vec<(String, Vec<u8>)> = vec![];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for (name, bytes) in &inputs {
        // Cut at many points, including inside multi-byte characters and zip entries.
        for k in 0..30 {
            let at = bytes.len() * k / 30 + rng.below(7);
            cases.push((format!("{name} cut at {at}"), bytes[..at.min(bytes.len())].to_vec()));
        }
        // Bytes changed at random.
        for k in 0..12 {
            let mut b = bytes.clone();
            for _ in 0..=k {
                let i = rng.below(b.len());
                b[i] = rng.next() as u8;
            }
            cases.push((format!("{name} mutated {k}"), b));
        }
    }
    for k in 0..120 {
        let n = rng.below(4000);
        cases.push((format!("random {k}"), (0..n).map(|_| rng.next() as u8).collect()));
    }
    // Shapes meant to hurt: deep nesting, huge spans, tables without end, odd numbers.
    let deep_html = format!("<html><body>{}2023年报告{}</body></html>", "<div><table><tr><td>".repeat(3000), "</td></tr></table></div>".repeat(10));
    let deep_xml = format!("<w:document><w:body>{}<w:t>x</w:t></w:body></w:document>", "<w:tbl><w:tr><w:tc><w:p><w:r>".repeat(3000));
    let odd = [
        deep_html.into_bytes(),
        docx_with(&deep_xml),
        docx_with(
            "<w:document><w:body><w:p><w:r><w:t>某局2023年政府信息公开工作年度报告</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:tcPr><w:vMerge/><w:gridSpan w:val=\"99999\"/></w:tcPr></w:tc></w:tr></w:tbl>",
        ),
        "<table><tr><td rowspan=99999 colspan=99999>一、本年新收政府信息公开申请数量</td><td>99999999999999999999999</td></tr></table>".into(),
        format!("{HEAD_2021}{}", "一、本年新收政府信息公开申请数量 | 1 |\n".repeat(500)).into_bytes(),
        format!("{HEAD_2021}{}", "行政复议 ".repeat(2000)).into_bytes(),
        "2023年\n（六）其他处理 1 2 3 4 5 6 7 8 9\n结果维持 结果纠正 其他结果 尚未审结 总计\n".repeat(20).into_bytes(),
        "共主动公开政府信息99999999999999999999999条，其中：其他信息类1条，占999.999%".into(),
        "2012年报告\n一、\n二、共\n三、共计条其中：".into(),
        "\u{FEFF}{".into(),
        b"\xFF\xFE<\x00h\x00t\x00m\x00l\x00>\x00".to_vec(),
        "二〇二三年十三月四十日".into(),
    ];
    for (i, b) in odd.into_iter().enumerate() {
        cases.push((format!("odd {i}"), b));
    }
    let mut panicked = vec![];
    let mut slowest = (std::time::Duration::ZERO, String::new());
    for (name, bytes) in &cases {
        let t = std::time::Instant::now();
        for options in [ImportOptions::default(), ImportOptions { year: Some(2023), ..Default::default() }] {
            let r = std::panic::catch_unwind(|| {
                if let Ok(got) = import_document(bytes, &options) {
                    let _ = got.to_json();
                    let _ = govreport::check(&got.report, &govreport::Options { today: Some("2026-11-26".into()), ..Default::default() });
                }
            });
            if r.is_err() {
                panicked.push(name.clone());
            }
        }
        if t.elapsed() > slowest.0 {
            slowest = (t.elapsed(), name.clone());
        }
    }
    println!("{} inputs; slowest: {} ({:?})", cases.len(), slowest.1, slowest.0);
    assert!(panicked.is_empty(), "panicked on {} of {} inputs: {panicked:?}", panicked.len(), cases.len());
}

// ---------------------------------------------------------------------------------------------
// Speed: a page of about 100 KB (printed, not asserted).

#[test]
fn speed_of_a_100_kb_page() {
    let word = std::fs::read(root().join("tests/fixtures/pages/word-gbk-2022.html")).unwrap();
    // The Word page is about 90 KB; pad its text to 100 KB as a long report would be.
    let html = encoding_rs::GBK.decode(&word).0.into_owned();
    let para = "<p class=MsoNormal style='text-indent:32.0pt'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>我局坚持以公开为常态、不公开为例外，健全政府信息公开工作机制，及时回应社会关切。<span lang=EN-US><o:p></o:p></span></span></p>\r\n";
    let mut page = html.clone();
    while page.len() < 100 * 1024 {
        page = page.replacen("五、政府信息公开工作存在", &format!("{para}五、政府信息公开工作存在"), 1);
    }
    let bytes = page.into_bytes();
    let runs = 20;
    let start = std::time::Instant::now();
    for _ in 0..runs {
        let got = import_document(&bytes, &ImportOptions::default()).unwrap();
        assert_eq!(got.report.get("/proactive/licensing").unwrap(), Some(156.into()));
    }
    let each = start.elapsed() / runs;
    let build = if cfg!(debug_assertions) { "debug build; `cargo test --release` for the real figure" } else { "release build" };
    println!(
        "import of a {} KB HTML page: {:.2} ms ({:.1} MB/s, {build})",
        bytes.len() / 1024,
        each.as_secs_f64() * 1000.0,
        bytes.len() as f64 / each.as_secs_f64() / 1e6
    );
}

#[test]
fn round_trip_2007_prose() {
    // The 2007 fixtures rendered and read back: headings, text, and the figures in the text.
    let mut names: Vec<String> = std::fs::read_dir(root().join("tests/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    let mut seen = 0;
    for n in names {
        let original = load(&format!("tests/fixtures/{n}"));
        let Report::F2007(want) = &original else { continue };
        seen += 1;
        for fmt in [RenderFormat::Html, RenderFormat::Docx, RenderFormat::Text] {
            let got = import_document(&render(&original, fmt, Lang::Zh).unwrap(), &ImportOptions::default()).unwrap();
            let Report::F2007(got_r) = &got.report else { panic!("{n} as {fmt:?}: not read as 2007") };
            assert_eq!((got_r.year, &got_r.published_on, &got_r.agency.name), (want.year, &want.published_on, &want.agency.name), "{n} as {fmt:?}");
            assert_eq!(got_r.sections, want.sections, "{n} as {fmt:?}");
            assert_eq!(got_r.figures, want.figures, "{n} as {fmt:?}");
            assert_eq!(got_r.agency.kind, want.agency.kind, "{n} as {fmt:?}");
            let unexpected: Vec<_> = got.findings.iter().filter(|f| !(f.code == "GR918" || (f.code == "GR916" && f.path == "/published_on"))).collect();
            assert!(unexpected.is_empty(), "{n} as {fmt:?}: {unexpected:#?}");
        }
    }
    assert!(seen >= 3);
}

#[test]
fn shapes_the_property_tests_found() {
    // A two-column row padded at its end (Markdown pads 2019 table A rows to four cells).
    let page = "某局2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n| 信息内容 | 采购项目数量 | 采购总金额 |  |\n| 政府集中采购 |  | 7 |  |\n";
    let got = text(page);
    assert_eq!(got.report.get("/proactive/procurement/items").unwrap(), Some(serde_json::Value::Null));
    assert_eq!(got.report.get("/proactive/procurement/amount").unwrap(), Some("7".into()));
    // A processing-fees table of blank cells, and 本年增/减 at the smallest i64.
    let mut r = Report::new(govreport::Format::F2019, 2019, govreport::Agency::new("某市某局", govreport::AgencyKind::Department));
    r.set("/processing_fees/billed_yuan", serde_json::Value::Null).unwrap();
    r.set("/proactive/licensing/change", i64::MIN.into()).unwrap();
    for fmt in [RenderFormat::Html, RenderFormat::Docx, RenderFormat::Markdown, RenderFormat::Text] {
        let got = import_document(&render(&r, fmt, Lang::Zh).unwrap(), &ImportOptions::default()).unwrap();
        assert_eq!(got.report.get("/processing_fees/notices").unwrap(), Some(serde_json::Value::Null), "{fmt:?}");
        assert_eq!(got.report.get("/proactive/licensing/change").unwrap(), Some(i64::MIN.into()), "{fmt:?}");
    }
    // 100 000 nested elements: read as text instead of parsed, in linear time.
    let depth = 100_000;
    let html = format!(
        "<html><body><h1>某市某局2023年政府信息公开工作年度报告</h1>{}一、总体情况<br>工作平稳。{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let started = std::time::Instant::now();
    let got = import_document(html.as_bytes(), &ImportOptions::default()).unwrap();
    assert_eq!(got.report.meta().agency.name, "某市某局");
    assert!(started.elapsed().as_secs() < 20, "took {:?}", started.elapsed());
}

#[test]
fn every_agency_field_is_printed_or_said_not_to_be() {
    let schema = govreport::json_schema();
    let defs = &schema["$defs"];
    let mut report = load("tests/fixtures/2021-department-clean.json");
    // Every field of the agency given a value of its type, from the schema of the model.
    for (key, prop) in defs["Agency"]["properties"].as_object().unwrap() {
        let target = prop.get("anyOf").and_then(|a| a[0].get("$ref")).or(prop.get("$ref")).and_then(|r| r.as_str()).and_then(|r| r.strip_prefix("#/$defs/"));
        let value = match target.map(|name| &defs[name]) {
            Some(def) => def.get("enum").and_then(|e| e.get(0)).or(def.get("oneOf").and_then(|o| o[1].get("const"))).cloned().unwrap(),
            None if report.get(&format!("/agency/{key}")).unwrap().is_some() => continue,
            None => serde_json::json!("示例"),
        };
        report.set(&format!("/agency/{key}"), value).unwrap();
    }
    let page = render(&report, RenderFormat::Html, Lang::Zh).unwrap();
    let back = import_document(&page, &govreport::ImportOptions::default()).unwrap().report;
    let (given, got) = (serde_json::to_value(report.meta().agency).unwrap(), serde_json::to_value(back.meta().agency).unwrap());
    for (key, value) in given.as_object().unwrap() {
        if !NOT_PRINTED.contains(&key.as_str()) {
            assert_eq!(got.get(key), Some(value), "agency.{key} is neither printed (it does not come back from render → import) nor listed in NOT_PRINTED");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The same report in any layout (issue 15): a page whose line breaks were lost reads as the page
// that kept them.

/// A report as the text of a page whose line breaks were lost: the plain-text rendering with its
/// table rules dropped, its cell bars made spaces, and every line joined by a space.
fn on_one_line(report: &Report) -> String {
    let text = String::from_utf8(render(report, RenderFormat::Text, Lang::Zh).unwrap()).unwrap();
    let kept: Vec<String> = text.lines().filter(|l| !l.trim_start().starts_with('+')).map(|l| l.replace('|', " ")).collect();
    kept.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

fn without_spaces(s: Option<String>) -> Option<String> {
    s.map(|t| t.chars().filter(|c| !c.is_whitespace()).collect())
}

#[test]
fn a_report_on_one_line_gives_its_cells_parts_and_findings() {
    let today = govreport::Options { today: Some("2026-11-26".into()), ..Default::default() };
    let mut seen = 0;
    for (name, original) in template_documents() {
        // A blank or absent cell leaves no trace in text whose cells are separated by spaces:
        // such a report is another report on one line (its short rows are GR905's).
        let gaps = original.cells().any(|(def, c)| {
            def.kind != govreport::cells::CellKind::Text && matches!(c.state(), govreport::model::CellState::Blank | govreport::model::CellState::Absent)
        });
        if gaps {
            continue;
        }
        seen += 1;
        let want = renderable(&original);
        let options = ImportOptions { agency_kind: Some(original.meta().agency.kind), ..Default::default() };
        let got = import_document(on_one_line(&original).as_bytes(), &options).unwrap_or_else(|e| panic!("{name}: {e}"));
        // Every cell as in the report, every prose part there.
        for ((def, a), (_, b)) in want.cells().zip(got.report.cells()) {
            if def.kind == govreport::cells::CellKind::Text {
                assert_eq!(
                    without_spaces(b.to_json().map(|v| v.as_str().unwrap_or_default().to_string())),
                    without_spaces(a.to_json().map(|v| v.as_str().unwrap_or_default().to_string())),
                    "{name}: {}",
                    def.pointer
                );
            } else {
                assert_eq!(b.to_json(), a.to_json(), "{name}: {}", def.pointer);
            }
        }
        assert_eq!(got.report.meta().agency.name, want.meta().agency.name, "{name}");
        assert_eq!(got.report.meta().published_on, want.meta().published_on, "{name}");
        // No import finding but the agency named in a sentence where the title names none, and
        // the date where the report has none.
        let notes: Vec<_> = got
            .findings
            .iter()
            .filter(|f| {
                let named_in_text = f.code == "GR916" && original.meta().agency.name.is_empty();
                let no_date = f.code == "GR910" && original.meta().published_on.is_none();
                !named_in_text && !no_date
            })
            .collect();
        assert!(notes.is_empty(), "{name}: {notes:#?}");
        // And the check finds what it finds in the report itself.
        let mut a: Vec<(String, String)> = govreport::check(&want, &today).unwrap().iter().map(|f| (f.code.clone(), f.path.clone())).collect();
        let mut b: Vec<(String, String)> = govreport::check(&got.report, &today).unwrap().iter().map(|f| (f.code.clone(), f.path.clone())).collect();
        a.sort();
        b.sort();
        assert_eq!(b, a, "{name}");
    }
    assert!(seen >= 15, "{seen}");
}

#[test]
fn one_line_fixtures_show_their_reports() {
    for (page, report) in
        [("one-line-2019-report.txt", "2019-department-2020-clean.json"), ("one-line-2021-agency-from-signature.txt", "2021-department-clean.json")]
    {
        let got = import_document(&std::fs::read(root().join("tests/fixtures/import").join(page)).unwrap(), &ImportOptions::default()).unwrap();
        let want = renderable(&load(&format!("tests/fixtures/{report}")));
        for ((def, a), (_, b)) in want.cells().zip(got.report.cells()) {
            if def.kind != govreport::cells::CellKind::Text {
                assert_eq!(b.to_json(), a.to_json(), "{page}: {}", def.pointer);
            } else {
                assert!(b.to_json().is_some(), "{page}: {} missing", def.pointer);
            }
        }
        assert_eq!(got.report.meta().agency.name, want.meta().agency.name, "{page}");
    }
}

/// The words of a 2007 content's headings, or a template part's, in a source: there, it is not
/// missing. (Independent of how the importer finds parts: a plain search of the text.)
fn words_in(source: &str, words: &[&str]) -> Option<String> {
    let plain: String = source.chars().filter(|c| !c.is_whitespace() && *c != '的').collect();
    words.iter().map(|w| w.chars().filter(|c| *c != '的').collect::<String>()).find(|w| plain.contains(w.as_str()))
}

#[test]
fn no_content_or_part_is_missing_whose_words_are_in_the_text() {
    // Every source the importer is tested on: the corpus, the import fixtures, the pages.
    let mut sources = vec![];
    for dir in ["tests/fixtures/corpus", "tests/fixtures/corpus/dev", "tests/fixtures/import", "tests/fixtures/pages"] {
        for e in std::fs::read_dir(root().join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt" || x == "html") {
                sources.push(p);
            }
        }
    }
    let today = govreport::Options { today: Some("2026-11-26".into()), ..Default::default() };
    let mut checked = 0;
    for path in sources {
        let bytes = std::fs::read(&path).unwrap();
        let Ok(got) = import_document(&bytes, &ImportOptions::default()) else { continue };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let findings = govreport::check(&got.report, &today).unwrap();
        for f in findings.iter() {
            let words: Vec<&str> = match f.code.as_str() {
                "GR801" => {
                    let item = govreport::labels::CONTENTS_2007.iter().find(|i| i.label.name.zh == f.params["item"]).unwrap();
                    item.headings.to_vec()
                }
                "GR401" => {
                    let part = govreport::labels::PARTS.iter().find(|p| p.label.id == f.path).unwrap();
                    std::iter::once(part.label.name.zh).chain(part.label.aliases.iter().copied()).collect()
                }
                _ => continue,
            };
            checked += 1;
            assert_eq!(words_in(&text, &words), None, "{}: {} {} although the text has its words", path.display(), f.code, f.message);
        }
    }
    assert!(checked >= 3, "{checked}");
}

/// The check's findings of an imported text: (code, path, status, severity).
fn checked(text: &str) -> Vec<(String, String, govreport::Status, govreport::Severity)> {
    let imported = import_document(text.as_bytes(), &ImportOptions::default()).unwrap();
    let findings = imported.check(&govreport::Options::default()).unwrap();
    findings.0.into_iter().map(|f| (f.code, f.path, f.status, f.severity)).collect()
}

fn errors(found: &[(String, String, govreport::Status, govreport::Severity)]) -> Vec<(&str, &str)> {
    found.iter().filter(|f| f.3 == govreport::Severity::Error).map(|f| (f.0.as_str(), f.1.as_str())).collect()
}

#[test]
fn what_the_source_does_not_show_is_not_an_error_of_the_report() {
    use govreport::Status::{NotAssessable, Violated};
    let head = "某市某局2023年政府信息公开工作年度报告\n一、总体情况\n本年度，我局认真贯彻落实条例。\n";
    let table_b = "三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计\n一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1\n";
    let ending = "五、政府信息公开工作存在的主要问题及改进情况\n一是……。\n六、其他需要报告的事项\n无。\n某市某局\n2024年1月20日\n";
    // Copied up to the middle of table 三: parts 五 and 六 are not in the source.
    let cut = checked(&format!("{head}{table_b}二、上年结转政府信息公开申请数量 | 0 | 0"));
    assert!(errors(&cut).is_empty(), "{:?}", errors(&cut));
    let problems = cut.iter().find(|f| f.0 == "GR401" && f.1 == "/sections/problems").expect("GR401 is reported as not assessable");
    assert_eq!((problems.2, problems.3), (NotAssessable, govreport::Severity::Info));
    let imported = import_document(format!("{head}{table_b}二、上年结转政府信息公开申请数量 | 0 | 0").as_bytes(), &ImportOptions::default()).unwrap();
    assert!(
        imported.unseen.contains(&"/sections/problems".to_string()) && imported.unseen.contains(&"/sections/other_matters".to_string()),
        "{:?}",
        imported.unseen
    );
    let message = imported.check(&govreport::Options::default()).unwrap().0.into_iter().find(|f| f.code == "GR401").unwrap().message;
    assert!(message.contains("来源未包含"), "{message}");
    // The whole page, without part 五 though it goes on to 六 and the signature: the report
    // lacks it, an error.
    let whole = checked(&format!("{head}{table_b}六、其他需要报告的事项\n无。\n某市某局\n2024年1月20日\n"));
    assert!(whole.iter().any(|f| f.0 == "GR401" && f.1 == "/sections/problems" && f.2 == Violated), "{whole:?}");
    // Parts 五 and 六 present: no GR401 at all.
    assert!(!checked(&format!("{head}{table_b}{ending}")).iter().any(|f| f.0 == "GR401"));
    // An excerpt that says it leaves text out ("……" alone on a line).
    let elided = checked(&format!("{head}……\n{table_b}"));
    assert!(!elided.iter().any(|f| f.0 == "GR401" && f.2 == Violated), "{elided:?}");
    // A source that names no agency: GR005 is not the report's error.
    let nameless = checked(&format!("2023年政府信息公开工作年度报告\n一、总体情况\n本年度……\n{table_b}{}", ending.replace("某市某局\n", "")));
    assert!(nameless.iter().any(|f| f.0 == "GR005" && f.2 == NotAssessable), "{nameless:?}");
    assert!(errors(&nameless).is_empty(), "{:?}", errors(&nameless));
    // A 2007-era excerpt with an elision: GR801 cannot say a part is missing.
    let old = "某县某局2013年度信息公开工作年度报告\n一、主动公开政府信息的情况\n2013年度主动公开信息5条。\n……\n2014年3月25日\n";
    let found = checked(old);
    assert!(!found.iter().any(|f| f.0 == "GR801" && f.2 == Violated), "{found:?}");
    assert!(checked(&old.replace("……\n", "")).iter().any(|f| f.0 == "GR801" && f.2 == Violated));
}

// ---------------------------------------------------------------------------------------------
// Never a wrong number (issue 13): figures that run together are read only where the source
// fixes the cells.

#[test]
fn run_together_figures_are_read_only_where_the_source_fixes_them() {
    let got = import_document(&std::fs::read(root().join("tests/fixtures/import/run-together-figures.txt")).unwrap(), &ImportOptions::default()).unwrap();
    let want = renderable(&load("tests/fixtures/2021-department-clean.json"));
    // The rows whose figures do not fix their cells are absent; every other cell is the clean
    // report's, the unique splits included.
    let unread = ["/requests/new/", "/requests/not_processed/duplicate/"];
    let mut read = 0;
    for ((def, a), (_, b)) in want.cells().zip(got.report.cells()) {
        if def.kind == govreport::cells::CellKind::Text {
            continue;
        }
        if unread.iter().any(|p| def.pointer.starts_with(p)) {
            assert_eq!(b.to_json(), None, "{} was read", def.pointer);
        } else {
            assert_eq!(b.to_json(), a.to_json(), "{}", def.pointer);
            read += 1;
        }
    }
    assert!(read >= 180, "{read}");
    let f = got.findings.with_code("GR911").next().expect("GR911");
    assert_eq!((f.path.as_str(), f.params["text"].as_str()), ("/requests/new/natural_person", "5870010 66"));
    // No error on a table that adds up.
    let today = govreport::Options { today: Some("2026-11-26".into()), ..Default::default() };
    let errors: Vec<_> = govreport::check(&got.report, &today)
        .unwrap()
        .iter()
        .filter(|f| f.severity == govreport::Severity::Error)
        .map(|f| (f.code.clone(), f.path.clone()))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn a_run_of_digits_is_never_one_wrong_number() {
    let head = format!("{HEAD_2021}三、收到和处理政府信息公开申请情况\n");
    // The issue's shapes: "2600000 26" for seven cells, and table 四's fifteen cells.
    let got = text(&format!(
        "{head}一、本年新收政府信息公开申请数量 2600000 26\n四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉\n结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n01 0 1 20 0 0 0 0 0 0 0 00\n"
    ));
    for c in ["natural_person", "commercial", "total"] {
        assert_eq!(got.report.get(&format!("/requests/new/{c}")).unwrap(), None, "{c}");
    }
    let review: Vec<Option<serde_json::Value>> =
        ["upheld", "corrected", "other", "pending", "total"].iter().map(|c| got.report.get(&format!("/review_litigation/review/{c}")).unwrap()).collect();
    assert_eq!(review, [0, 1, 0, 1, 2].map(|n| Some(n.into())));
    assert_eq!(got.report.get("/review_litigation/litigation_after_review/total").unwrap(), Some(0.into()));
    // Fewer figures than cells in text without cell boundaries: where they belong is not fixed.
    let got = text(&format!("{head}一、本年新收政府信息公开申请数量 5 5\n"));
    assert_eq!(got.report.get("/requests/new/natural_person").unwrap(), None);
    assert!(got.findings.with_code("GR911").any(|f| f.path == "/requests/new/natural_person" && f.params["text"] == "5 5"));
    // Digits set apart inside one cell, and a leading zero, are no count.
    let got = text(&format!("{head}一、本年新收政府信息公开申请数量 | 2 6 | 0 | 0 | 0 | 0 | 01 | 26\n"));
    assert_eq!(got.report.get("/requests/new/natural_person").unwrap(), None);
    assert_eq!(got.report.get("/requests/new/other_org").unwrap(), None);
    assert_eq!(got.report.get("/requests/new/total").unwrap(), Some(26.into()));
    // A row given more cells than it has columns: which are its cells is not fixed.
    let got = text(&format!("{head}一、本年新收政府信息公开申请数量 | 5 |  | 0 | 0 | 0 | 0 | 0 | 5\n"));
    assert_eq!(got.report.get("/requests/new/total").unwrap(), None);
    assert!(got.findings.with_code("GR911").any(|f| f.path == "/requests/new/natural_person"));
}

// ---------------------------------------------------------------------------------------------
// Labels as published (issue 13): a row label a character or two away from one label, and
// clearly nearer to it than to any other, is read as that label and named (GR906).

#[test]
fn labels_with_a_character_missing_extra_or_swapped_are_read_and_named() {
    let clean = load("tests/fixtures/2021-department-clean.json");
    let want = renderable(&clean);
    let rendered = String::from_utf8(render(&clean, RenderFormat::Text, Lang::Zh).unwrap()).unwrap();
    let damage = |page: &str| {
        page.replace("2.其他法律行政法规禁止公开", "2.其他法律行政止公开") // three missing
            .replace("6.属于四类过程性信息", "6.属于四类过性程信息") // two swapped
            .replace("行政规范性文件", "行政规范性性文件") // one extra
    };
    for (shape, page) in [("cells", damage(&rendered)), ("one line", damage(&on_one_line(&clean)))] {
        let got = import_document(page.as_bytes(), &ImportOptions::default()).unwrap();
        for ((def, a), (_, b)) in want.cells().zip(got.report.cells()) {
            if def.kind != govreport::cells::CellKind::Text {
                assert_eq!(b.to_json(), a.to_json(), "{shape}: {}", def.pointer);
            }
        }
        assert!(got.findings.with_code("GR913").next().is_none(), "{shape}: {:#?}", got.findings);
        let mut named: Vec<(String, String)> = got.findings.with_code("GR906").map(|f| (f.params["found"].clone(), f.params["label"].clone())).collect();
        named.sort();
        assert_eq!(
            named,
            [("2.其他法律行政止公开", "2.其他法律行政法规禁止公开"), ("6.属于四类过性程信息", "6.属于四类过程性信息"), ("行政规范性性文件", "行政规范性文件")]
                .map(|(a, b)| (a.to_string(), b.to_string())),
            "{shape}"
        );
    }
}

#[test]
fn a_label_as_near_to_two_labels_or_short_is_not_guessed() {
    let clean = load("tests/fixtures/2021-department-clean.json");
    let rendered = String::from_utf8(render(&clean, RenderFormat::Text, Lang::Zh).unwrap()).unwrap();
    // Two edits from 一、本年新收… and two from 二、上年结转…: neither is chosen. 2.重复申请 is
    // too short for any tolerance.
    let page = rendered.replace("一、本年新收政府信息公开申请数量", "一、上年结收政府信息公开申请数量").replace("2.重复申请", "2.重复申清");
    let got = import_document(page.as_bytes(), &ImportOptions::default()).unwrap();
    assert_eq!(got.report.get("/requests/new/total").unwrap(), None);
    assert_eq!(got.report.get("/requests/not_processed/duplicate/total").unwrap(), None);
    assert_eq!(got.report.get("/requests/carried_over/total").unwrap(), Some(2.into()));
    let missing: Vec<String> = got.findings.with_code("GR913").flat_map(|f| f.related.clone()).collect();
    assert!(missing.iter().any(|p| p == "/requests/new") && missing.iter().any(|p| p == "/requests/not_processed/duplicate"), "{missing:?}");
    assert!(got.findings.with_code("GR906").next().is_none(), "{:#?}", got.findings);
}

#[test]
fn labels_wrapped_over_two_lines_of_plain_text_are_read() {
    let clean = load("tests/fixtures/2021-department-clean.json");
    let want = renderable(&clean);
    let rendered = String::from_utf8(render(&clean, RenderFormat::Text, Lang::Zh).unwrap()).unwrap();
    let plain: Vec<String> =
        rendered.lines().filter(|l| !l.trim_start().starts_with('+')).map(|l| l.replace('|', " ").split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    let page = plain.join("\n");
    // The figures beside the first line of the label, or beside its last.
    let page = page
        .replace("（二）部分公开（区分处理的，只计这一情形，不计其他情形） 16", "（二）部分公开（区分处理的，只计这一情形，不 16")
        .replace(" 1 0 0 0 0 17\n", " 1 0 0 0 0 17\n计其他情形）\n")
        .replace("2.申请人逾期未按收费通知要求缴纳费用、行政机关", "2.申请人逾期未按收费通知要求缴纳费用、\n行政机关");
    assert!(page.contains("不 16 1 0 0 0 0 17\n计其他情形）\n") && page.contains("费用、\n行政机关"), "{page}");
    let got = import_document(page.as_bytes(), &ImportOptions::default()).unwrap();
    for ((def, a), (_, b)) in want.cells().zip(got.report.cells()) {
        if def.kind != govreport::cells::CellKind::Text {
            assert_eq!(b.to_json(), a.to_json(), "{}", def.pointer);
        }
    }
    let codes: Vec<&str> = got.findings.iter().map(|f| f.code.as_str()).filter(|c| *c != "GR918").collect();
    assert_eq!(codes, ["GR906"], "{:#?}", got.findings);
}
