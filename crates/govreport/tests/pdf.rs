//! Importing PDF files (issue 13): the real WPS-made 洪泽区 2024 report cell by cell, PDFs
//! made from known documents by LibreOffice and Chromium, and PDFs that give no report.

use std::path::PathBuf;

use govreport::import::pdf::{Block, Table, layout};
use govreport::import::{ImportOptions, SourceKind, import_document};
use govreport::render::layout::{Block as RenderBlock, layout as render_layout};
use govreport::{Lang, Report, parse_json};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

const HONGZE: &str = "tests/fixtures/corpus/pdf/2024-hongze-district.pdf";

fn tables(bytes: &[u8]) -> Vec<Table> {
    layout(bytes).unwrap().blocks.into_iter().filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).collect()
}

/// The cells of each row of a table: (text, rows spanned, columns spanned).
fn grid(t: &Table) -> Vec<Vec<(String, usize, usize)>> {
    (0..t.rows).map(|r| t.row(r).map(|c| (c.text.clone(), c.rows, c.cols)).collect()).collect()
}

fn show(t: &Table) -> String {
    grid(t)
        .iter()
        .enumerate()
        .map(|(i, r)| format!("\n{i:2}: {}", r.iter().map(|c| format!("{}⟨{}×{}⟩", c.0, c.1, c.2)).collect::<Vec<_>>().join(" | ")))
        .collect()
}

fn texts(t: &Table, r: usize) -> Vec<String> {
    t.row(r).map(|c| c.text.clone()).collect()
}

fn expected() -> serde_json::Value {
    serde_json::from_slice(&read("tests/fixtures/corpus/pdf/2024-hongze-district.expected.json")).unwrap()
}

fn numbers(v: &serde_json::Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|n| n.to_string()).collect()
}

/// The transcribed figures of the row of `table` whose key starts with `key`.
fn transcribed<'e>(e: &'e serde_json::Value, table: &str, key: &str) -> &'e serde_json::Value {
    let rows = e[table].as_object().unwrap();
    let mut found = rows.iter().filter(|(k, _)| k.starts_with(key));
    let (_, v) = found.next().unwrap_or_else(|| panic!("{table}: no row {key}"));
    assert!(found.next().is_none(), "{table}: {key} is not one row");
    v
}

/// Table 三's rows: the key of the transcription, the grid row, its label cells as published
/// and the pointer of its row in the document.
const TABLE_3: &[(&str, usize, &[&str], &str)] = &[
    ("一、", 3, &["一、本年新收政府信息公开申请数量"], "new"),
    ("二、", 4, &["二、上年结转政府信息公开申请数量"], "carried_over"),
    ("（一）", 5, &["三、本年度办理结果", "（一）予以公开"], "granted"),
    ("（二）", 6, &["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"], "partially_granted"),
    ("（三）不予公开 1.", 7, &["（三）不予公开", "1.属于国家秘密"], "withheld/state_secret"),
    ("（三）不予公开 2.", 8, &["2.其他法律行政止公开"], "withheld/prohibited_by_law"),
    ("（三）不予公开 3.", 9, &["3.危及“三安全一稳定”"], "withheld/security_stability"),
    ("（三）不予公开 4.", 10, &["4.保护第三方合法权益"], "withheld/third_party"),
    ("（三）不予公开 5.", 11, &["5.属于三类内部事务信息"], "withheld/internal_affairs"),
    ("（三）不予公开 6.", 12, &["6.属于四类过程性信息"], "withheld/process_info"),
    ("（三）不予公开 7.", 13, &["7.属于行政执法案卷"], "withheld/enforcement_files"),
    ("（三）不予公开 8.", 14, &["8.属于行政查询事项"], "withheld/inquiry_matters"),
    ("（四）无法提供 1.", 15, &["（四）无法提供", "1.本机关不掌握相关政府信息"], "unable/not_held"),
    ("（四）无法提供 2.", 16, &["2.没有现成信息需要另行制作"], "unable/needs_creation"),
    ("（四）无法提供 3.", 17, &["3.补正后申请内容仍不明确"], "unable/still_unclear"),
    ("（五）不予处理 1.", 18, &["（五）不予处理", "1.信访举报投诉类申请"], "not_processed/petition"),
    ("（五）不予处理 2.", 19, &["2.重复申请"], "not_processed/duplicate"),
    ("（五）不予处理 3.", 20, &["3.要求提供公开出版物"], "not_processed/publication"),
    ("（五）不予处理 4.", 21, &["4.无正当理由大量反复申请"], "not_processed/excessive"),
    ("（五）不予处理 5.", 22, &["5.要求行政机关确认或重新出具已获取信息"], "not_processed/confirmation"),
    // The single （六） row of this 2021 table, and （七）, each with an empty sub-label cell.
    ("（六）", 23, &["（六）其他处理", ""], "other"),
    ("（七）", 24, &["（七）总计", ""], "results_total"),
    ("四、", 25, &["四、结转下年度继续办理"], "carried_forward"),
];

/// Table 四's groups: the key of the transcription and the document's group.
const TABLE_4: &[(&str, &str)] = &[("行政复议", "review"), ("行政诉讼 未经", "litigation_direct"), ("行政诉讼 复议后", "litigation_after_review")];

#[test]
fn the_corpus_pdf_is_the_shared_one() {
    let shared = root().join("../shared/corpus/pdf");
    if !shared.exists() {
        return;
    }
    for name in ["2024-hongze-district.pdf", "2024-hongze-district.expected.json", "README.md"] {
        assert!(read(&format!("tests/fixtures/corpus/pdf/{name}")) == std::fs::read(shared.join(name)).unwrap(), "{name} differs from ../shared/corpus/pdf");
    }
}

#[test]
fn hongze_table_2_cell_by_cell() {
    let t = tables(&read(HONGZE)).remove(0);
    let want: Vec<Vec<&str>> = vec![
        vec!["第二十条第（一）项"],
        vec!["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        vec!["规章", "0", "0", "0"],
        vec!["行政规范性文件", "3", "0", "8"],
        vec!["第二十条第（五）项"],
        vec!["信息内容", "本年处理决定数量"],
        vec!["行政许可", "9487"],
        vec!["第二十条第（六）项"],
        vec!["信息内容", "本年处理决定数量"],
        vec!["行政处罚", "2776"],
        vec!["行政强制", "84"],
        vec!["第二十条第（八）项"],
        vec!["信息内容", "本年收费金额（单位：万元）"],
        vec!["行政事业性收费", "7545"],
    ];
    assert_eq!(t.rows, want.len(), "{}", show(&t));
    for (r, w) in want.iter().enumerate() {
        assert_eq!(texts(&t, r), *w, "row {r}{}", show(&t));
    }
    // The transcription agrees.
    let e = expected();
    let a = &e["table2"];
    assert_eq!(texts(&t, 2)[1..], [a["规章"]["本年制发件数"].to_string(), a["规章"]["本年废止件数"].to_string(), a["规章"]["现行有效件数"].to_string()]);
    assert_eq!(
        texts(&t, 3)[1..],
        [a["行政规范性文件"]["本年制发件数"].to_string(), a["行政规范性文件"]["本年废止件数"].to_string(), a["行政规范性文件"]["现行有效件数"].to_string()]
    );
    assert_eq!(texts(&t, 6)[1], a["行政许可"].to_string());
    assert_eq!(texts(&t, 9)[1], a["行政处罚"].to_string());
    assert_eq!(texts(&t, 10)[1], a["行政强制"].to_string());
    assert_eq!(texts(&t, 13)[1], a["行政事业性收费（万元）"].to_string());
}

#[test]
fn hongze_table_3_cell_by_cell_over_two_pages() {
    let t = tables(&read(HONGZE)).remove(1);
    let g = grid(&t);
    // The header: the caption cell over three rows and three columns, 法人或其他组织 over five.
    assert_eq!(g[0], vec![("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）".into(), 3, 3), ("申请人情况".into(), 1, 7)], "{}", show(&t));
    assert_eq!(g[1], vec![("自然人".into(), 2, 1), ("法人或其他组织".into(), 1, 5), ("总计".into(), 2, 1)]);
    assert_eq!(texts(&t, 2), ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]);
    // Rows as published: the label cells (a group cell in the row it starts) and seven figures.
    // The table runs from page 3 to page 4: the group cells 三、本年度办理结果 and （四）无法提供
    // go on over the page break and are one cell each.
    assert_eq!(t.rows, 26, "{}", show(&t));
    let e = expected();
    assert_eq!(e["table3"].as_object().unwrap().len(), TABLE_3.len());
    for (key, r, label, _) in TABLE_3 {
        let row = texts(&t, *r);
        let (l, n) = row.split_at(row.len() - 7);
        assert_eq!(l, *label, "row {r}{}", show(&t));
        assert_eq!(n, numbers(transcribed(&e, "table3", key)).as_slice(), "row {r}{}", show(&t));
    }
    // Group cells span their rows, across the page break.
    let span = |text: &str| t.cells.iter().find(|c| c.text == text).map(|c| (c.row, c.rows));
    assert_eq!(span("三、本年度办理结果"), Some((5, 20)));
    assert_eq!(span("（三）不予公开"), Some((7, 8)));
    assert_eq!(span("（四）无法提供"), Some((15, 3)));
    assert_eq!(span("（五）不予处理"), Some((18, 5)));
    assert_eq!(t.row_pages[3..].iter().filter(|p| **p == 3).count(), 13);
    assert_eq!(t.row_pages[16..], [4; 10]);
}

#[test]
fn hongze_table_4_header_and_fifteen_figures() {
    let t = tables(&read(HONGZE)).remove(2);
    let g = grid(&t);
    // As published: WPS drew a stray rule in the first header row, which leaves an empty cell.
    assert_eq!(g[0], vec![("行政复议".into(), 1, 5), ("".into(), 1, 3), ("行政诉讼".into(), 1, 7)], "{}", show(&t));
    let five = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let mut row1: Vec<&str> = five.to_vec();
    row1.extend(["未经复议直接起诉", "复议后起诉"]);
    assert_eq!(texts(&t, 1), row1);
    assert!(t.row(1).take(5).all(|c| c.rows == 2));
    assert_eq!(texts(&t, 2), [five, five].concat());
    let e = expected();
    let want: Vec<String> = TABLE_4.iter().flat_map(|(k, _)| numbers(transcribed(&e, "table4", k))).collect();
    assert_eq!(texts(&t, 3), want);
}

#[test]
fn hongze_imports_every_cell_the_importer_reads() {
    let got = import_document(&read(HONGZE), &ImportOptions::default()).unwrap();
    assert_eq!(got.source, SourceKind::Pdf);
    let r = &got.report;
    assert_eq!(r.format(), govreport::Format::F2021);
    assert_eq!(r.meta().year, 2024);
    assert_eq!(r.meta().agency.name, "淮安市洪泽区人民政府");
    let e = expected();
    let cell = |p: &str| r.get(p).unwrap();
    let n = |v: &serde_json::Value| Some(v.clone());
    let a = &e["table2"];
    assert_eq!(cell("/proactive/rules/issued"), n(&a["规章"]["本年制发件数"]));
    assert_eq!(cell("/proactive/normative_documents/in_force"), n(&a["行政规范性文件"]["现行有效件数"]));
    assert_eq!(cell("/proactive/licensing"), n(&a["行政许可"]));
    assert_eq!(cell("/proactive/penalty"), n(&a["行政处罚"]));
    assert_eq!(cell("/proactive/coercion"), n(&a["行政强制"]));
    assert_eq!(cell("/proactive/fees_10k_yuan"), Some(serde_json::json!(a["行政事业性收费（万元）"].to_string())));
    // Table B, row by row.
    let cols = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"];
    let mut later = vec![];
    for (key, _, _, row) in TABLE_3 {
        let want = transcribed(&e, "table3", key);
        if *row == "other" {
            // The single （六） row: the later single-row work (issue 13, item 3) reads it; until
            // then the importer says so (GR908) and leaves the three sub-rows absent.
            if r.get("/requests/other/other/total").unwrap().is_none() {
                assert!(got.findings.with_code("GR908").any(|f| f.path == "/requests/other"), "{:#?}", got.findings);
                later.push(*row);
            }
            continue;
        }
        let values: Vec<Option<serde_json::Value>> = cols.iter().map(|c| cell(&format!("/requests/{row}/{c}"))).collect();
        if *row == "withheld/prohibited_by_law" && values.iter().all(Option::is_none) {
            // Published as "2.其他法律行政止公开": read once labels match with a missing
            // character (issue 13, item 2); until then it is a missing row, said so.
            assert!(got.findings.with_code("GR913").any(|f| f.path == "/requests/withheld/prohibited_by_law"), "{:#?}", got.findings);
            later.push(*row);
            continue;
        }
        let want: Vec<Option<serde_json::Value>> = want.as_array().unwrap().iter().map(|v| Some(v.clone())).collect();
        assert_eq!(values, want, "/requests/{row}");
    }
    assert!(later.len() <= 2, "{later:?}");
    for (key, g) in TABLE_4 {
        let got: Vec<serde_json::Value> =
            ["upheld", "corrected", "other", "pending", "total"].iter().map(|k| cell(&format!("/review_litigation/{g}/{k}")).unwrap()).collect();
        assert_eq!(got, *transcribed(&e, "table4", key).as_array().unwrap(), "{g}");
    }
    // Every finding says where: the page, and for a cell its box.
    for f in got.findings.iter() {
        assert!(f.params.contains_key("at"), "{f:?}");
    }
    let unread = got.findings.with_code("GR909").find(|f| f.params.get("text").is_some_and(|t| t == "2.其他法律行政止公开")).unwrap();
    assert_eq!(unread.params["page"], "3");
    let edges: Vec<f64> = unread.params["box"].split(',').map(|v| v.parse().unwrap()).collect();
    assert!(edges[0] < edges[2] && edges[1] < edges[3] && edges[3] < 842.0, "{edges:?}");
    // The prose parts are there, the page numbers ("-2-") are not.
    let overview = r.get("/sections/overview").unwrap().unwrap();
    let overview = overview.as_str().unwrap();
    assert!(overview.starts_with("2024年，淮安市洪泽区人民政府坚持以习近平新时代中国特色社会主义思想为指导"), "{overview}");
    assert!(overview.contains("平台主动发布各类政府信息2428条"), "{overview}");
    assert!(!overview.contains("-1-") && !overview.contains("-2-"));
    let problems = r.get("/sections/problems").unwrap().unwrap();
    assert!(problems.as_str().unwrap().contains("使各行政机关答复的方式"), "a paragraph over the page break is one: {problems}");
}

// ---------------------------------------------------------------------------------------------
// PDFs made from known documents (scripts/make-pdfs.sh, tests/fixtures/pdf/README.md).

/// What a rendered report can give back: blank and absent cells print alike, and the layout
/// prints no agency level, region or credit code.
fn renderable(r: &Report) -> Report {
    let mut r = r.clone();
    let mut pointers = vec![];
    for part in render_layout(&r, Lang::Zh).parts {
        for b in part.blocks {
            if let RenderBlock::Table(g) = b {
                pointers.extend(g.rows.iter().flatten().filter_map(|c| c.pointer.clone()));
            }
        }
    }
    for p in pointers {
        if r.get(&p).unwrap().is_none() {
            r.set(&p, serde_json::Value::Null).unwrap();
        }
    }
    let mut v = serde_json::to_value(&r).unwrap();
    let agency = v["agency"].as_object_mut().unwrap();
    for k in ["level", "region_code", "credit_code"] {
        agency.remove(k);
    }
    govreport::parse_str(&v.to_string()).unwrap()
}

fn flat(v: &serde_json::Value, at: String, out: &mut std::collections::BTreeMap<String, String>) {
    match v {
        serde_json::Value::Object(m) => m.iter().for_each(|(k, x)| flat(x, format!("{at}/{k}"), out)),
        _ => {
            out.insert(at, v.to_string());
        }
    }
}

fn diff(want: &Report, got: &Report) -> String {
    let (mut a, mut b) = (Default::default(), Default::default());
    flat(&serde_json::to_value(want).unwrap(), String::new(), &mut a);
    flat(&serde_json::to_value(got).unwrap(), String::new(), &mut b);
    let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    keys.into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .map(|k| format!("\n  {k}: want {} got {}", a.get(k).map_or("(absent)", |s| s), b.get(k).map_or("(absent)", |s| s)))
        .collect()
}

/// Each generated PDF, the document it was made from, and what makes it a case.
const GENERATED: &[(&str, &str, &str)] = &[
    ("lo-docx-department-2023", "examples/report-2023.json", "LibreOffice; table 三 split over two pages without a repeated header"),
    ("lo-docx-2019-repeated-header", "tests/fixtures/2019-department-2020-clean.json", "LibreOffice, 2019 template, WenQuanYi Zen Hei; header repeated"),
    ("lo-docx-blank-cells-uming", "tests/fixtures/2021-blank-cells.json", "LibreOffice, AR PL UMing; blank cells"),
    ("chromium-government-noto", "tests/fixtures/2021-government-clean.json", "Chromium, Noto CJK as Type 3 fonts"),
    ("chromium-township-repeated-header", "tests/fixtures/2021-township-clean.json", "Chromium, WenQuanYi Zen Hei; table 三 split, header repeated"),
    ("chromium-stream-no-rules", "tests/fixtures/2021-department-clean.json", "Chromium, AR PL UMing; tables without ruling lines"),
    ("chromium-narrow-labels", "tests/fixtures/2021-mixed-markers.json", "Chromium; narrow columns, labels wrapped over lines"),
];

#[test]
fn generated_pdfs_import_cell_by_cell() {
    for (name, source, what) in GENERATED {
        let original = parse_json(&read(source)).unwrap();
        let want = renderable(&original);
        let mut got = import_document(&read(&format!("tests/fixtures/pdf/{name}.pdf")), &ImportOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(got.source, SourceKind::Pdf, "{name}");
        let mut allowed = vec!["GR910"];
        if original.meta().agency.name.is_empty() {
            allowed.push("GR916");
            got.report.set("/agency/name", "".into()).unwrap();
            got.report.set("/agency/kind", want.meta().agency.kind.as_str().into()).unwrap();
        }
        if got.report != want {
            panic!("{name} ({what}): {}\nfindings {:#?}", diff(&want, &got.report), got.findings);
        }
        let unexpected: Vec<_> = got.findings.iter().filter(|f| !allowed.contains(&f.code.as_str())).collect();
        assert!(unexpected.is_empty(), "{name} ({what}): {unexpected:#?}");
    }
}
