//! Importing PDF files (issue 13): the real WPS-made 洪泽区 2024 report cell by cell, PDFs
//! made from known documents by LibreOffice and Chromium, and PDFs that give no report.

mod common;

use std::path::PathBuf;

use common::{Rng, assert_imported_back, diff};

use govreport::import::pdf::{Block, Table, layout};
use govreport::import::{ImportOptions, SourceKind, import_document};
use govreport::{ErrorType, Lang, parse_json};

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
    for (key, _, _, row) in TABLE_3 {
        let want = transcribed(&e, "table3", key);
        if *row == "other" {
            // The single （六） row is kept as published (read below, cell by cell); GR908 says
            // the layout is not the template's, and the three sub-rows stay absent.
            assert!(got.findings.with_code("GR908").any(|f| f.path == "/requests/other"), "{:#?}", got.findings);
            assert!(r.get("/requests/other/other/total").unwrap().is_none());
        }
        let values: Vec<Option<serde_json::Value>> = cols.iter().map(|c| cell(&format!("/requests/{row}/{c}"))).collect();
        let want: Vec<Option<serde_json::Value>> = want.as_array().unwrap().iter().map(|v| Some(v.clone())).collect();
        assert_eq!(values, want, "/requests/{row}");
    }
    for (key, g) in TABLE_4 {
        let got: Vec<serde_json::Value> =
            ["upheld", "corrected", "other", "pending", "total"].iter().map(|k| cell(&format!("/review_litigation/{g}/{k}")).unwrap()).collect();
        assert_eq!(got, *transcribed(&e, "table4", key).as_array().unwrap(), "{g}");
    }
    // Every finding says where: the page, and for a cell its box.
    for f in got.findings.iter() {
        assert!(f.params.contains_key("at"), "{f:?}");
    }
    // Published as "2.其他法律行政止公开" (three characters missing): read as its row (checked
    // above, cell by cell), and named with the place it was found.
    let near = got.findings.with_code("GR906").find(|f| f.params.get("found").is_some_and(|t| t == "2.其他法律行政止公开")).unwrap();
    assert_eq!(near.params["label"], "2.其他法律行政法规禁止公开");
    assert!(got.findings.with_code("GR913").all(|f| f.path != "/requests/withheld/prohibited_by_law"), "{:#?}", got.findings);
    assert_eq!(near.params["page"], "3");
    let edges: Vec<f64> = near.params["box"].split(',').map(|v| v.parse().unwrap()).collect();
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
        let got = import_document(&read(&format!("tests/fixtures/pdf/{name}.pdf")), &ImportOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(got.source, SourceKind::Pdf, "{name}");
        assert_imported_back(&original, got, &format!("{name} ({what})"));
    }
}

#[test]
fn generated_pdfs_keep_table_structure() {
    // Table 三 of the LibreOffice PDF runs over pages 1 and 2: one table, its group cell
    // 三、本年度办理结果 broken by the page and joined, its rows on both pages.
    let t = tables(&read("tests/fixtures/pdf/lo-docx-department-2023.pdf")).remove(1);
    let group = t.cells.iter().find(|c| c.text.starts_with("三、")).unwrap();
    assert_eq!((group.text.as_str(), group.rows), ("三、本年度办理结果", 22), "{}", show(&t));
    assert!(t.row_pages.contains(&1) && t.row_pages.contains(&2));
    // The repeated header of Chromium's page break is dropped: the header rows come once.
    let t = tables(&read("tests/fixtures/pdf/chromium-township-repeated-header.pdf")).remove(1);
    assert_eq!(t.cells.iter().filter(|c| c.text == "申请人情况").count(), 1, "{}", show(&t));
    assert!(t.row_pages.iter().any(|p| *p != t.page), "table 三 runs over a page break");
    // A table without rules: read from column positions, its wrapped labels whole.
    let ts = tables(&read("tests/fixtures/pdf/chromium-stream-no-rules.pdf"));
    assert!(ts.iter().all(|t| !t.ruled));
    let b = ts.iter().find(|t| t.cells.iter().any(|c| c.text == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")).expect("the wrapped label, whole");
    let row = b.cells.iter().find(|c| c.text.starts_with("（二）")).unwrap().row;
    assert_eq!(texts(b, row)[1..], ["16", "1", "0", "0", "0", "0", "17"]);
}

// ---------------------------------------------------------------------------------------------
// PDFs that give no report, and bytes that are no PDF.

#[test]
fn pdfs_that_give_no_report_say_why() {
    let fail = |rel: &str| import_document(&read(rel), &ImportOptions::default()).unwrap_err();
    let scan = fail("tests/fixtures/pdf/scanned-page.pdf");
    assert_eq!((scan.kind(), scan.error_type()), ("invalid", &ErrorType::PdfScanned));
    assert!(scan.message(Lang::En).contains("no text layer") && scan.message(Lang::En).contains("OCR"), "{}", scan.message(Lang::En));
    assert!(scan.message(Lang::Zh).contains("扫描件") && scan.message(Lang::Zh).contains("不做 OCR"), "{}", scan.message(Lang::Zh));
    let locked = fail("tests/fixtures/pdf/encrypted-user-password.pdf");
    assert_eq!(locked.error_type(), &ErrorType::PdfEncrypted);
    assert!(locked.message(Lang::En).contains("encrypted") && locked.message(Lang::Zh).contains("密码"), "{}", locked.message(Lang::Zh));
    // An owner password alone (the user password empty) opens: the same document as the
    // unencrypted file.
    let open = import_document(&read("tests/fixtures/pdf/encrypted-owner-password-only.pdf"), &ImportOptions::default()).unwrap();
    let plain = import_document(&read("tests/fixtures/pdf/lo-docx-department-2023.pdf"), &ImportOptions::default()).unwrap();
    assert!(open.report == plain.report, "{}", diff(&plain.report, &open.report));
    // A header and nothing else; a page with a drawing and no text.
    let broken = import_document(b"%PDF-1.7\n", &ImportOptions::default()).unwrap_err();
    assert_eq!(broken.error_type(), &ErrorType::PdfBroken);
    assert!(broken.message(Lang::En).contains("not a readable PDF"));
    let drawing = pdf(&page_with("0 0 m 100 100 l S", "", &[]));
    let blank = import_document(&drawing, &ImportOptions::default()).unwrap_err();
    assert_eq!(blank.error_type(), &ErrorType::PdfNoText);
    assert!(blank.message(Lang::En).contains("no text"));
}

#[test]
fn a_pdf_after_leading_junk_and_by_option() {
    let mut junk = b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n".to_vec();
    junk.extend(read(HONGZE));
    let got = import_document(&junk, &ImportOptions::default()).unwrap();
    let plain = import_document(&read(HONGZE), &ImportOptions::default()).unwrap();
    assert_eq!(got.source, SourceKind::Pdf);
    assert!(got.report == plain.report);
    // Told it is a PDF, text that is none is refused as such.
    let e = import_document(b"just text", &ImportOptions { source: Some(SourceKind::Pdf), ..Default::default() }).unwrap_err();
    assert!(e.message(Lang::En).contains("not a readable PDF"), "{}", e.message(Lang::En));
    assert_eq!(ImportOptions::from_json(r#"{"source":"pdf"}"#).unwrap().source, Some(SourceKind::Pdf));
}

// ---------------------------------------------------------------------------------------------
// Small PDFs written here: fonts without ToUnicode maps, vertical writing, forms, limits.

/// A PDF of the given objects (object n is `objects[n - 1]`; 1 is the catalog).
fn pdf(objects: &[String]) -> Vec<u8> {
    pdf_bytes(&objects.iter().map(|o| o.clone().into_bytes()).collect::<Vec<_>>())
}

fn pdf_bytes(objects: &[Vec<u8>]) -> Vec<u8> {
    pdf_trailer(objects, "")
}

/// A PDF of the given objects with more entries in its trailer (`/Info 9 0 R`).
fn pdf_trailer(objects: &[Vec<u8>], trailer: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = vec![];
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend(o);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend(format!("trailer\n<< /Size {} /Root 1 0 R {trailer} >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes());
    out
}

fn stream(dict: &str, data: &[u8]) -> String {
    // Content here is ASCII: hex strings carry the bytes of text.
    format!("<< {dict} /Length {} >>\nstream\n{}\nendstream", data.len(), String::from_utf8(data.to_vec()).unwrap())
}

/// Objects of a one-page PDF: its content, its resources, and more objects from 6 on
/// (fonts, forms). Object 5 is the font /F1 when `font` is given.
fn page_with(content: &str, font: &str, more: &[String]) -> Vec<String> {
    let mut v = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R /X2 7 0 R >> >> /Contents 4 0 R >>"
            .to_string(),
        stream("", content.as_bytes()),
        if font.is_empty() { "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string() } else { font.to_string() },
    ];
    v.extend(more.iter().cloned());
    v
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

fn text_of(bytes: &[u8]) -> String {
    let l = layout(bytes).unwrap_or_else(|e| panic!("{e}"));
    l.blocks.iter().filter_map(|b| if let Block::Paragraph(p) = b { Some(p.text.clone()) } else { None }).collect::<Vec<_>>().join("\n")
}

fn composite(encoding: &str, ordering: &str) -> String {
    format!(
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /{encoding} /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering ({ordering}) /Supplement 4 >> /DW 1000 >>] >>"
    )
}

#[test]
fn cjk_fonts_without_tounicode_read_through_adobe_gb1() {
    let words = "政府信息公开工作年度报告";
    let show = |codes: &str| format!("BT /F1 12 Tf 72 700 Td <{codes}> Tj ET");
    // GBK-EUC-H: the codes are GBK bytes.
    let gbk = encoding_rs::GBK.encode(words).0;
    assert_eq!(text_of(&pdf(&page_with(&show(&hex(&gbk)), &composite("GBK-EUC-H", "GB1"), &[]))), words);
    // UniGB-UCS2-H: the codes are UCS-2.
    let ucs2: Vec<u8> = words.encode_utf16().flat_map(u16::to_be_bytes).collect();
    assert_eq!(text_of(&pdf(&page_with(&show(&hex(&ucs2)), &composite("UniGB-UCS2-H", "GB1"), &[]))), words);
    // Identity-H over Adobe-GB1: the codes are CIDs, read through Adobe-GB1-UCS2.
    let uni = hayro_cmap::CMap::parse(hayro_cmap::load_embedded(hayro_cmap::CMapName::UniGbUcs2H).unwrap(), hayro_cmap::load_embedded).unwrap();
    let cids: Vec<u8> = words.chars().flat_map(|c| (uni.lookup_cid_code(c as u32, 2).unwrap() as u16).to_be_bytes()).collect();
    assert_eq!(text_of(&pdf(&page_with(&show(&hex(&cids)), &composite("Identity-H", "GB1"), &[]))), words);
    // Identity-V: written top to bottom, read in order.
    let vertical = pdf(&page_with(&show(&hex(&cids)), &composite("Identity-V", "GB1"), &[]));
    let l = layout(&vertical).unwrap();
    assert_eq!(text_of(&vertical), words);
    let Block::Paragraph(p) = &l.blocks[0] else { panic!() };
    assert!(p.rect.height() > 10.0 * p.rect.width(), "{:?}", p.rect);
    // A ToUnicode map wins over the encoding.
    let to_unicode = stream("", b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfchar <0001> <5E74> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end");
    let font = "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /ToUnicode 6 0 R /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>] >>";
    assert_eq!(text_of(&pdf(&page_with(&show("0001"), font, &[to_unicode]))), "年");
}

#[test]
fn the_creation_date_is_the_date_only_when_the_text_states_none() {
    let ucs2 = |s: &str| hex(&s.encode_utf16().flat_map(u16::to_be_bytes).collect::<Vec<u8>>());
    let page = |lines: &[&str]| {
        let shown: String = lines.iter().enumerate().map(|(i, l)| format!("BT /F1 12 Tf 72 {} Td <{}> Tj ET\n", 760 - 30 * i, ucs2(l))).collect();
        page_with(&shown, &composite("UniGB-UCS2-H", "GB1"), &[])
    };
    let with_info = |objects: Vec<String>, created: &str| {
        let mut objects: Vec<Vec<u8>> = objects.into_iter().map(String::into_bytes).collect();
        objects.push(format!("<< /CreationDate (D:{created}+08'00') >>").into_bytes());
        let n = objects.len();
        pdf_trailer(&objects, &format!("/Info {n} 0 R"))
    };
    let body = ["某市某局2023年政府信息公开工作年度报告", "一、总体情况", "本年度，我局认真贯彻落实条例。"];
    let date = |bytes: &[u8]| {
        let got = import_document(bytes, &ImportOptions::default()).unwrap();
        let inferred = got.findings.with_code("GR916").find(|f| f.path == "/published_on").map(|f| f.message.clone());
        (got.report.meta().published_on.map(|d| d.0.clone()), inferred)
    };
    // No date in the text: the file's creation date, named as taken from the file.
    let (d, why) = date(&with_info(page(&body), "20240125093000"));
    assert_eq!(d.as_deref(), Some("2024-01-25"));
    assert!(why.as_deref().is_some_and(|m| m.contains("PDF")), "{why:?}");
    // The signature's date wins over the file's.
    let signed = [&body[..], &["某市某局", "2024年1月20日"]].concat();
    let (d, _) = date(&with_info(page(&signed), "20240301000000"));
    assert_eq!(d.as_deref(), Some("2024-01-20"));
    // A creation date within the reporting year is no publication date of its report; nor is
    // a day no calendar has.
    assert_eq!(date(&with_info(page(&body), "20231130000000")).0, None);
    assert_eq!(date(&with_info(page(&body), "20240231000000")).0, None);
}

/// A cmap subtable: (platform, encoding) and its (code, glyph) pairs.
type CmapTable = ((u16, u16), Vec<(u32, u16)>);

/// A TrueType font program of `maps` only (the tables a parser needs, no outlines): each map is
/// a cmap subtable (platform, encoding) of format 12 with (code, glyph) pairs.
fn truetype(glyphs: u16, maps: &[CmapTable]) -> Vec<u8> {
    let be16 = |v: u16| v.to_be_bytes().to_vec();
    let be32 = |v: u32| v.to_be_bytes().to_vec();
    let mut head = [be32(0x0001_0000), be32(0x0001_0000), be32(0), be32(0x5F0F_3CF5), be16(0), be16(1000)].concat();
    head.extend([0u8; 16]); // created, modified
    head.extend([be16(0), be16(0), be16(1000), be16(1000), be16(0), be16(8), be16(2), be16(0), be16(0)].concat());
    let mut hhea = [be32(0x0001_0000), be16(880), be16(0xFF88), be16(0), be16(1000)].concat();
    hhea.extend([0u8; 22]);
    hhea.extend(be16(1));
    let maxp = [be32(0x0000_5000), be16(glyphs)].concat();
    let mut cmap = [be16(0), be16(maps.len() as u16)].concat();
    let mut subtables = vec![];
    let mut offset = 4 + 8 * maps.len() as u32;
    for ((platform, encoding), pairs) in maps {
        let mut sub = [be16(12), be16(0), be32(16 + 12 * pairs.len() as u32), be32(0), be32(pairs.len() as u32)].concat();
        for (code, gid) in pairs {
            sub.extend([be32(*code), be32(*code), be32(u32::from(*gid))].concat());
        }
        cmap.extend([be16(*platform), be16(*encoding), be32(offset)].concat());
        offset += sub.len() as u32;
        subtables.push(sub);
    }
    cmap.extend(subtables.concat());
    let tables: [(&[u8; 4], Vec<u8>); 4] = [(b"cmap", cmap), (b"head", head), (b"hhea", hhea), (b"maxp", maxp)];
    let mut out = [be32(0x0001_0000), be16(4), be16(64), be16(2), be16(0)].concat();
    let mut data = vec![];
    let mut at = 12 + 16 * tables.len() as u32;
    for (tag, t) in &tables {
        out.extend(tag.as_slice());
        out.extend([be32(0), be32(at), be32(t.len() as u32)].concat());
        let mut t = t.clone();
        t.resize(t.len().div_ceil(4) * 4, 0);
        at += t.len() as u32;
        data.extend(t);
    }
    out.extend(data);
    out
}

#[test]
fn fonts_without_tounicode_read_through_their_embedded_program() {
    let words = "政府信息公开工作年度报告2024";
    // One glyph per character, in order of first use: glyph k + 1 draws chars[k].
    let mut chars: Vec<char> = vec![];
    for c in words.chars() {
        if !chars.contains(&c) {
            chars.push(c);
        }
    }
    let n = chars.len() as u16;
    let glyph = |c: char| chars.iter().position(|x| *x == c).unwrap() as u16 + 1;
    // The glyph of 工 is also the Kangxi radical ⼯ (as Noto CJK has it).
    let mut unicode: Vec<(u32, u16)> = chars.iter().map(|c| (*c as u32, glyph(*c))).collect();
    let gong = unicode.iter().find(|p| p.0 == '工' as u32).unwrap().1;
    unicode.push(('⼯' as u32, gong));
    unicode.sort();
    let program = |maps: &[CmapTable]| stream("/Filter /ASCIIHexDecode", format!("{}>", hex(&truetype(n + 1, maps))).as_bytes());
    let show = |codes: &str| format!("BT /F1 12 Tf 72 700 Td <{codes}> Tj ET");
    let identity = |map: &str| {
        format!(
            "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R {map} >>] >>"
        )
    };
    let descriptor = "<< /Type /FontDescriptor /FontName /ABCDEF+SimSun /Flags 4 /FontFile2 7 0 R >>".to_string();
    // Identity-H, CIDs are glyphs (no CIDToGIDMap, and /Identity).
    let gids: String = words.chars().map(|c| format!("{:04X}", glyph(c))).collect();
    for map in ["", "/CIDToGIDMap /Identity"] {
        let bytes = pdf(&page_with(&show(&gids), &identity(map), &[descriptor.clone(), program(&[((3, 10), unicode.clone())])]));
        assert_eq!(text_of(&bytes), words, "{map}");
    }
    // A CIDToGIDMap stream: CID c draws glyph n + 1 - c.
    let map: Vec<u8> = (0..=n).flat_map(|c| if c == 0 { 0u16 } else { n + 1 - c }.to_be_bytes()).collect();
    let cids: String = words.chars().map(|c| format!("{:04X}", n + 1 - glyph(c))).collect();
    let mapped = pdf(&page_with(
        &show(&cids),
        &identity("/CIDToGIDMap 8 0 R"),
        &[descriptor.clone(), program(&[((3, 10), unicode.clone())]), stream("/Filter /ASCIIHexDecode", format!("{}>", hex(&map)).as_bytes())],
    ));
    assert_eq!(text_of(&mapped), words);
    // A symbolic TrueType font: codes reach glyphs through its (3,0) map at U+F000 + code.
    let symbol: Vec<(u32, u16)> = (1..=n).map(|g| (0xF020 + u32::from(g), g)).collect();
    let simple = "<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+SimSun /FirstChar 33 /LastChar 60 /FontDescriptor 6 0 R >>";
    let codes: String = words.chars().map(|c| format!("{:02X}", 0x20 + glyph(c))).collect();
    let bytes = pdf(&page_with(&show(&codes), simple, &[descriptor.clone(), program(&[((3, 0), symbol), ((3, 1), unicode.clone())])]));
    assert_eq!(text_of(&bytes), words);
    // A program that names no glyph's character leaves the codes unknown, never guessed: a
    // page of them is refused as text that cannot be read.
    let bytes = pdf(&page_with(&show(&gids), &identity(""), &[descriptor, program(&[((3, 0), vec![(0xF041, 1)])])]));
    let e = layout(&bytes).expect_err("no text");
    assert!(e.problems().iter().any(|p| p.error_type == ErrorType::PdfUnmapped), "{e:?}");
}

#[test]
fn simple_fonts_and_text_positioning() {
    // WinAnsi with differences, TJ kerning and a gap wide enough to be a space.
    let font = "<< /Type /Font /Subtype /TrueType /BaseFont /Arial /FirstChar 32 /LastChar 126 /Widths [278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556] /Encoding << /BaseEncoding /WinAnsiEncoding /Differences [65 /seven /uni5E74] >> >>";
    let content = "BT /F1 10 Tf 72 700 Td [(2024) -100 (AB) -2000 (12)] TJ ET";
    assert_eq!(text_of(&pdf(&page_with(content, font, &[]))), "20247年 12");
}

#[test]
fn forms_nest_to_a_depth_and_cycles_stop() {
    // X1 draws text and calls itself and X2; X2 calls X1: both cycles end.
    let font_text = "BT /F1 12 Tf 72 700 Td (cycle) Tj ET";
    let x1 = stream(
        "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R /X2 7 0 R >> >>",
        format!("{font_text} /X1 Do /X2 Do").as_bytes(),
    );
    let x2 = stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X1 6 0 R >> >>", b"/X1 Do");
    let got = text_of(&pdf(&page_with("/X1 Do", "", &[x1, x2])));
    assert!(got.starts_with("cycle"), "{got}");
}

#[test]
fn work_is_bounded_by_the_limits() {
    // A form whose content inflates to a megabyte, drawn 300 times by another: the bytes
    // decoded stop at the limit (256 MiB), with an error that names it.
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::none());
    z.write_all(b"%").unwrap();
    z.write_all(&vec![b'a'; 1 << 20]).unwrap();
    z.write_all(b"\nBT /F1 1 Tf (a) Tj ET").unwrap();
    let packed = z.finish().unwrap();
    let mut inner = format!(
        "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Filter /FlateDecode /Resources << /Font << /F1 5 0 R >> >> /Length {} >>\nstream\n",
        packed.len()
    )
    .into_bytes();
    inner.extend(&packed);
    inner.extend(b"\nendstream");
    let outer = stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X2 7 0 R >> >>", "/X2 Do ".repeat(300).as_bytes());
    let mut objects: Vec<Vec<u8>> = page_with("/X1 Do", "", &[outer]).into_iter().map(String::into_bytes).collect();
    objects.push(inner);
    let e = import_document(&pdf_bytes(&objects), &ImportOptions::default()).unwrap_err();
    assert_eq!(e.error_type(), &ErrorType::PdfDecodesTooLarge { limit_mib: 256 });
    assert!(e.to_json(Lang::En).contains(r#""type":"pdf_decodes_too_large","pointer":null,"what":"PDF""#), "{}", e.to_json(Lang::En));
    assert_eq!(e.message(Lang::En), "PDF: the PDF's streams decode to more than 256 MiB");
    assert_eq!(e.message(Lang::Zh), "PDF：PDF 的数据流解压后超过 256 MiB");
}

#[test]
fn no_panic_on_truncated_or_mutated_pdfs() {
    let mut rng = Rng(0x5EED_0F0D);
    let hand = pdf(&page_with("BT /F1 12 Tf 72 700 Td (2024) Tj 0 -20 Td [(A) 10 (B)] TJ ET 10 10 200 1 re f 10 10 m 10 300 l S", "", &[]));
    for base in [read(HONGZE), read("tests/fixtures/pdf/lo-docx-department-2023.pdf"), hand] {
        for _ in 0..12 {
            let cut = rng.below(base.len());
            let _ = import_document(&base[..cut], &ImportOptions::default());
            let mut m = base.clone();
            for _ in 0..8 {
                let at = rng.below(m.len());
                m[at] = rng.next() as u8;
            }
            let _ = import_document(&m, &ImportOptions::default());
        }
    }
}

#[test]
fn page_numbers_and_running_heads_are_not_text() {
    // Three pages, each with a running head, a page number in another style, and a paragraph
    // that runs on from one page to the next.
    let numbers = ["- 1 -", "2 / 3", "Page 3"];
    let mut objects = vec!["<< /Type /Catalog /Pages 2 0 R >>".to_string(), "<< /Type /Pages /Kids [3 0 R 5 0 R 7 0 R] /Count 3 >>".to_string()];
    let body = [
        "(2024: the first part of a sentence that runs to the right margin, and)",
        "(goes on at the top of the next page, where it ends.)",
        "(Another paragraph.)",
    ];
    for (i, (n, b)) in numbers.iter().zip(body).enumerate() {
        let number = format!("BT /F1 10 Tf 280 30 Td ({n}) Tj ET");
        let content = format!("BT /F1 9 Tf 72 800 Td (Office of Statistics, Annual Report) Tj ET BT /F1 12 Tf 72 700 Td {b} Tj ET {number}");
        objects.push(format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 9 0 R >> >> /Contents {} 0 R >>", 4 + 2 * i));
        objects.push(stream("", content.as_bytes()));
    }
    objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>".to_string());
    let text = text_of(&pdf(&objects));
    assert!(!text.contains("Office of Statistics") && !text.contains("2 / 3") && !text.contains("Page 3") && !text.contains("- 1 -"), "{text}");
    assert_eq!(
        text,
        "2024: the first part of a sentence that runs to the right margin, and goes on at the top of the next page, where it ends.\nAnother paragraph."
    );
}

/// A fuzzed file (fuzz/regressions/) whose object stream has a predictor of 0 columns: the PDF
/// parser under the reader divides by zero on it. The import says the PDF is broken; the
/// process goes on.
#[test]
fn a_stream_whose_predictor_has_no_columns_is_a_broken_pdf_not_a_panic() {
    let bytes = read("fuzz/regressions/pdf-predictor-zero-columns.pdf");
    let e = layout(&bytes).unwrap_err();
    assert_eq!(e.error_type(), &ErrorType::PdfBroken);
    let e = import_document(&bytes, &ImportOptions { source: Some(SourceKind::Pdf), ..ImportOptions::default() }).unwrap_err();
    assert_eq!(e.error_type(), &ErrorType::PdfBroken);
    // Detected as a PDF from its bytes too.
    assert_eq!(import_document(&bytes, &ImportOptions::default()).unwrap_err().error_type(), &ErrorType::PdfBroken);
}
