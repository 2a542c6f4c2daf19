//! Provenance (issue 13, item 6): every imported cell remembers its place in the source and
//! its text as published, and the check's findings on an imported report carry that place.

use std::path::PathBuf;

use govreport::batch::{BatchOptions, Loaded, check_all};
use govreport::import::{CellSource, ImportOptions, Place, import_document};
use govreport::{Lang, Options, RenderFormat, parse_json, render};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

const PAGE: &str = "某市某局2023年政府信息公开工作年度报告
一、总体情况
本年度，我局认真贯彻落实《条例》。
二、主动公开政府信息情况
规章 | 0 | 0 | 0 |
行政规范性文件 | 5件 | 1.5 | １２ |
三、收到和处理政府信息公开申请情况
  一、本年新收政府信息公开申请数量 1 0 0 0 0 0 5
";

fn at(line: u32, column: u32, text: &str) -> CellSource {
    CellSource { place: Place { line: Some(line), column: Some(column), ..Place::default() }, text: text.into(), unreadable: false }
}

#[test]
fn text_cells_have_line_column_and_raw_text() {
    let got = import_document(PAGE.as_bytes(), &ImportOptions::default()).unwrap();
    let p = &got.provenance;
    // "行政规范性文件 | 5件 | 1.5 | １２ |": the cells start at characters 11, 16 and 22.
    assert_eq!(p["/proactive/normative_documents/issued"], at(6, 11, "5件"));
    assert_eq!(p["/proactive/normative_documents/in_force"], at(6, 22, "１２"));
    assert_eq!(got.report.get("/proactive/normative_documents/in_force").unwrap(), Some(serde_json::json!(12)));
    // "1.5" is no count: absent from the document, kept here with its text (GR911).
    assert_eq!(p["/proactive/normative_documents/repealed"], CellSource { unreadable: true, ..at(6, 16, "1.5") });
    assert!(got.report.get("/proactive/normative_documents/repealed").unwrap().is_none());
    assert!(got.findings.with_code("GR911").any(|f| f.params.get("column").map(String::as_str) == Some("16")));
    // A row of words separated by spaces (indented by two): each figure at its own column.
    let line8 = PAGE.lines().nth(7).unwrap();
    let cols: Vec<u32> = line8.char_indices().filter(|(_, c)| c.is_ascii_digit()).map(|(b, _)| line8[..b].chars().count() as u32 + 1).collect();
    assert_eq!(cols, [20, 22, 24, 26, 28, 30, 32]);
    let ids = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"];
    for (id, col) in ids.iter().zip(cols) {
        let want = at(
            8,
            col,
            if *id == "natural_person" {
                "1"
            } else if *id == "total" {
                "5"
            } else {
                "0"
            },
        );
        assert_eq!(p[&format!("/requests/new/{id}")], want, "{id}");
    }
    // A prose part: where its first line is.
    assert_eq!(p["/sections/overview"].place, Place { line: Some(3), ..Place::default() });
    // Nothing is remembered that the source does not give.
    assert!(!p.contains_key("/requests/carried_over/total"));
    assert_eq!(p.len(), 3 + 3 + 7 + 1);
}

#[test]
fn html_and_docx_cells_have_table_row_and_cell() {
    let report = parse_json(&read("examples/report-2023.json")).unwrap();
    for fmt in [RenderFormat::Html, RenderFormat::Docx] {
        let got = import_document(&render(&report, fmt, Lang::Zh).unwrap(), &ImportOptions::default()).unwrap();
        let p = &got.provenance;
        let place = |ptr: &str| {
            let s = &p[ptr];
            (s.place.table, s.place.row, s.place.column, s.text.as_str())
        };
        // Table A (the first table): two header rows, then 规章 and 行政规范性文件, label first.
        assert_eq!(place("/proactive/rules/issued"), (Some(1), Some(3), Some(2), "0"), "{fmt:?}");
        assert_eq!(place("/proactive/normative_documents/in_force"), (Some(1), Some(4), Some(4), "14"), "{fmt:?}");
        // Table B: three header rows; the label cell then seven figures.
        assert_eq!(place("/requests/new/natural_person"), (Some(2), Some(4), Some(2), "98"), "{fmt:?}");
        assert_eq!(place("/requests/new/total"), (Some(2), Some(4), Some(8), "112"), "{fmt:?}");
        // Table C: fifteen figures in one row under three header rows.
        assert_eq!(place("/review_litigation/review/upheld"), (Some(3), Some(4), Some(1), "6"), "{fmt:?}");
        assert_eq!(place("/review_litigation/litigation_after_review/total"), (Some(3), Some(4), Some(15), "1"), "{fmt:?}");
        // Every figure of the document came from a cell whose text is its value.
        let figures: Vec<_> = report.cells().filter(|(d, c)| d.is_figure() && c.state() == govreport::model::CellState::Value).collect();
        for (def, cell) in &figures {
            let s = p.get(def.pointer).unwrap_or_else(|| panic!("{fmt:?}: no provenance for {}", def.pointer));
            assert_eq!(s.text, cell.text(), "{fmt:?} {}", def.pointer);
            assert!(s.place.table.is_some() && s.place.row.is_some() && s.place.column.is_some(), "{fmt:?} {}", def.pointer);
        }
        assert!(!figures.is_empty());
    }
}

#[test]
fn pdf_cells_have_page_and_box() {
    let got = import_document(&read("tests/fixtures/corpus/pdf/2024-hongze-district.pdf"), &ImportOptions::default()).unwrap();
    let p = &got.provenance;
    let boxed = |ptr: &str| {
        let s = &p[ptr];
        let b: Vec<f64> = s.place.bbox.as_deref().unwrap().split(',').map(|v| v.parse().unwrap()).collect();
        assert!(b[0] < b[2] && b[1] < b[3], "{ptr}: {b:?}");
        (s.place.page.unwrap(), b, s.text.clone())
    };
    let (page_a, a, text) = boxed("/proactive/rules/issued");
    assert_eq!((page_a, text.as_str()), (2, "0"));
    // Table 三 runs over two pages: its first row on one, its last on the next.
    let (first, new, text) = boxed("/requests/new/natural_person");
    assert_eq!(text, got.report.get("/requests/new/natural_person").unwrap().unwrap().to_string());
    let (last, _, _) = boxed("/requests/carried_forward/total");
    assert_eq!(last, first + 1);
    // The total of a row is right of its first figure, on the same line.
    let (_, total, _) = boxed("/requests/new/total");
    assert!(total[0] > new[2] && (total[1] - new[1]).abs() < 5.0, "{new:?} {total:?}");
    assert!(a[0] > 0.0);
    // Every figure read has a page and a box.
    for (ptr, s) in p.iter().filter(|(k, _)| !k.starts_with("/sections")) {
        assert!(s.place.page.is_some() && s.place.bbox.is_some(), "{ptr}: {s:?}");
    }
}

#[test]
fn findings_on_an_imported_report_carry_the_place_of_their_cell() {
    let got = import_document(PAGE.as_bytes(), &ImportOptions::default()).unwrap();
    let findings = got.check(&Options::default()).unwrap();
    // The import's own findings come first, with their place as before.
    assert_eq!(findings.iter().take(got.findings.len()).cloned().collect::<Vec<_>>(), got.findings.0);
    // 1 + 0 + … ≠ 5: the row total is wrong; the finding says where the 5 is.
    let total = findings.with_code("GR203").find(|f| f.path == "/requests/new/total").unwrap();
    let param = |k: &str| total.params.get(k).map(String::as_str);
    assert_eq!((param("source_line"), param("source_column"), param("source_text")), (Some("8"), Some("32"), Some("5")));
    assert_eq!(param("source_at"), Some("第8行第32字"));
    // A finding on a cell the source does not give has no place.
    let absent = findings.iter().find(|f| f.path == "/requests/carried_over/total" && !f.code.starts_with("GR9"));
    assert!(absent.is_none_or(|f| !f.params.contains_key("source_line")));
    // In English, and through the batch (the command's and C's and Python's way).
    let en = got.check(&Options { lang: Lang::En, ..Options::default() }).unwrap();
    assert_eq!(en.with_code("GR203").find(|f| f.path == "/requests/new/total").unwrap().params["source_at"], "line 8, column 32");
    let results =
        check_all([("page".to_string(), PAGE.as_bytes())], |b: &[u8]| Loaded::from_bytes(b, Lang::Zh), &Options::default(), &BatchOptions::default()).unwrap();
    let batch = results[0].as_ref().unwrap();
    assert_eq!(batch.with_code("GR203").find(|f| f.path == "/requests/new/total").unwrap().params, total.params);
    // A JSON document has no source places.
    let json = import_document(&read("examples/report-2023.json"), &ImportOptions::default()).unwrap();
    assert!(json.provenance.is_empty());
    assert!(json.check(&Options::default()).unwrap().iter().all(|f| !f.params.contains_key("source_at")));
}

#[test]
fn the_json_of_an_import_has_the_provenance() {
    let got = import_document(PAGE.as_bytes(), &ImportOptions::default()).unwrap();
    let v: serde_json::Value = serde_json::from_str(&got.to_json()).unwrap();
    assert_eq!(v["provenance"]["/requests/new/total"], serde_json::json!({"line": 8, "column": 32, "text": "5"}));
    assert_eq!(v["provenance"]["/proactive/normative_documents/repealed"]["unreadable"], true);
    let back: govreport::import::Provenance = serde_json::from_str(&got.provenance_json()).unwrap();
    assert_eq!(back, got.provenance);
}

#[test]
fn rendered_html_marks_the_cells_findings_name_with_their_source() {
    use govreport::render::{Marks, render_html_marked};
    let got = import_document(PAGE.as_bytes(), &ImportOptions::default()).unwrap();
    let findings = got.check(&Options::default()).unwrap();
    let html = render_html_marked(&got.report, Lang::Zh, &Marks::new(&findings, &got.provenance, Lang::Zh));
    let cell = |pointer: &str| {
        let at = html.find(&format!("data-pointer=\"{pointer}\"")).unwrap_or_else(|| panic!("{pointer} not rendered"));
        html[at..at + html[at..].find('>').unwrap()].to_string()
    };
    // The wrong total: an error, its code, and where it was read.
    let total = cell("/requests/new/total");
    assert!(total.contains("class=\"finding error\""), "{total}");
    assert!(total.contains("data-findings=\"GR203") || total.contains(" GR203"), "{total}");
    assert!(total.contains("data-source=\"第8行第32字“5”\""), "{total}");
    // A cell read and named by no finding: only its source.
    let rules = cell("/proactive/rules/issued");
    assert!(!rules.contains("finding") && rules.contains("data-source=\"第5行第6字“0”\""), "{rules}");
    // The unreadable cell: GR911 marks it (a warning), and its text as published is kept.
    let repealed = cell("/proactive/normative_documents/repealed");
    assert!(repealed.contains("finding warning") && repealed.contains("GR911") && repealed.contains("“1.5”"), "{repealed}");
    // Without marks the page is the plain render.
    let plain = String::from_utf8(render(&got.report, RenderFormat::Html, Lang::Zh).unwrap()).unwrap();
    let body = |h: &str| h[h.find("</style>").unwrap()..].to_string();
    assert_eq!(body(&render_html_marked(&got.report, Lang::Zh, &Marks::default())), body(&plain));
    assert!(!plain.contains("data-source") && !plain.contains("finding"));
}

#[test]
fn prose_of_2007_has_its_parts_and_figures_placed() {
    let page = read("tests/fixtures/corpus/seed-2012-changchun-etdz.txt");
    let got = import_document(&page, &ImportOptions::default()).unwrap();
    let p = &got.provenance;
    let text = String::from_utf8(page).unwrap();
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() as u32 + 1;
    assert_eq!(
        p["/sections/1/heading"],
        CellSource {
            place: Place { line: Some(line_of("二、主动公开信息情况")), ..Place::default() }, text: "二、主动公开信息情况".into(), unreadable: false
        }
    );
    let figure = &p["/figures/0"];
    assert_eq!(figure.place.line, Some(line_of("共主动公开政府信息3025条")));
    assert!(figure.text.starts_with("共主动公开政府信息3025条"), "{}", figure.text);
    // 3017 ≠ 3025: the finding on the figure's total says where the sentence is.
    let findings = got.check(&Options::default()).unwrap();
    let sum = findings.with_code("GR802").find(|f| f.path == "/figures/0/total").unwrap();
    assert_eq!(sum.params.get("source_line"), Some(&line_of("共主动公开政府信息3025条").to_string()));
}
