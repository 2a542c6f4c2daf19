//! Hostile and broken inputs (issue 16): each case a reviewer of a parser of untrusted files
//! would try, with the answer it must get — the right result or a clear, true error, in time
//! and memory proportional to the input.

mod common;

use std::io::Read;
use std::time::Instant;

use govreport::import::{ImportOptions, import_document};
use govreport::{Lang, RenderFormat, Report, parse_str, render};

/// A .docx whose body holds `body` after a title paragraph.
fn docx(body: &str) -> Vec<u8> {
    common::docx_with_body(body)
}

/// Seconds to import `bytes`, best of three.
fn import_time(bytes: &[u8]) -> f64 {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            let _ = import_document(bytes, &ImportOptions::default());
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

/// Asserts that import time grows about linearly: inputs of 1×, 4× and 16× the size take no
/// more than 3× the proportional time (a quadratic path takes 16× and 256×). Loose on purpose:
/// it catches a change of complexity, not a slow machine.
fn assert_linear(make: impl Fn(usize) -> Vec<u8>, unit: usize) {
    let base = import_time(&make(unit)).max(1e-4);
    for k in [4usize, 16] {
        let t = import_time(&make(unit * k));
        assert!(t <= base * (k as f64) * 3.0 + 0.05, "{k}× input took {t:.4} s against {base:.4} s for 1×: not linear");
    }
}

#[test]
fn docx_entities_are_read_in_linear_time() {
    // One w:t of bare '&' (malformed) and one of '&amp;': the old reader scanned to the next ';'
    // for every '&' (1 MB took 51 s).
    assert_linear(|n| docx(&format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", "&".repeat(n))), 16 * 1024);
    assert_linear(|n| docx(&format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", "&amp;".repeat(n))), 16 * 1024);
    let imported =
        import_document(&docx("<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p><w:p><w:r><w:t>甲&amp;乙&#x4E19;</w:t></w:r></w:p>"), &ImportOptions::default())
            .unwrap();
    assert_eq!(imported.report.get("/sections/overview").unwrap(), Some(serde_json::json!("甲&乙丙")));
}

#[test]
fn docx_of_many_empty_elements_is_read_in_linear_time() {
    assert_linear(|n| docx(&format!("<w:p>{}</w:p>", "<a/>".repeat(n))), 64 * 1024);
}

#[test]
fn docx_expanding_past_the_cap_is_an_error_that_says_so() {
    // 70 MiB of one repeated element compresses to a few tens of KB.
    let bytes = docx(&"<w:p/>".repeat(70 * 1024 * 1024 / 6));
    assert!(bytes.len() < 1024 * 1024);
    let err = import_document(&bytes, &ImportOptions::default()).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("64 MiB"), "{message}");
    assert!(!message.contains("year"), "{message}");
}

fn report_with_overview(text: &str) -> Report {
    let doc = serde_json::json!({
        "format": "2021", "year": 2023,
        "agency": {"name": "某市某局\u{1b}[31m", "kind": "department"},
        "sections": {"overview": text},
        "requests": {"new": {"natural_person": 1, "total": 1}}
    });
    parse_str(&doc.to_string()).unwrap()
}

#[test]
fn control_characters_are_shown_not_written_raw() {
    let report = report_with_overview("第一段\u{1}有控制字符\u{7f}和\u{85}。\n第二段");
    // Word: the document XML is well formed (XML 1.0 cannot hold U+0001 even as &#1;).
    let bytes = render(&report, RenderFormat::Docx, Lang::Zh).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("the .docx XML is not well formed: {e}"),
        }
    }
    assert!(xml.contains("第一段\u{2401}有控制字符\u{2421}和\u{FFFD}。"), "control characters shown as symbols");
    assert!(xml.contains("某市某局\u{241b}[31m"));
    for c in xml.chars() {
        assert!(!matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}'), "raw control character {c:?} in the .docx");
    }
    // HTML, Markdown and text: nothing a browser refuses or a terminal acts on.
    for format in [RenderFormat::Html, RenderFormat::Markdown, RenderFormat::Text] {
        let out = String::from_utf8(render(&report, format, Lang::Zh).unwrap()).unwrap();
        assert!(out.contains('\u{2401}') && out.contains('\u{241b}'), "{format:?}");
        assert!(!out.chars().any(|c| matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}')), "{format:?}");
    }
}

fn page(name: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/pages").join(name)).unwrap()
}

fn import_html(html: &str) -> govreport::import::Imported {
    import_document(html.as_bytes(), &ImportOptions::default()).unwrap()
}

fn codes(imported: &govreport::import::Imported) -> Vec<String> {
    imported.findings.iter().map(|f| f.code.clone()).collect()
}

/// The page with its body wrapped in `depth` nested `<div>`s.
fn nested(html: &str, depth: usize) -> String {
    let open = html.find("<body>").unwrap() + "<body>".len();
    let close = html.rfind("</body>").unwrap();
    format!("{}{}{}{}{}", &html[..open], "<div>".repeat(depth), &html[open..close], "</div>".repeat(depth), &html[close..])
}

#[test]
fn html_inside_hundreds_of_divs_imports_whole() {
    let html = page("portal-nested-2023.html");
    let plain = import_html(&html);
    assert!(plain.report.get("/requests/new/total").unwrap().is_some());
    for depth in [197, 300, 506, 1000] {
        let deep = import_html(&nested(&html, depth));
        assert_eq!(deep.report, plain.report, "{depth} nested divs");
        assert_eq!(codes(&deep), codes(&plain), "{depth} nested divs");
    }
}

#[test]
fn html_nested_past_the_parse_limit_keeps_its_figures_and_says_so() {
    let html = page("portal-nested-2023.html");
    let plain = import_html(&html);
    let deep = import_html(&nested(&html, 2000));
    let note = deep.findings.with_code("GR917").next().expect("a GR917 finding says the page was read from its tags");
    assert!(note.message.contains("嵌套 20") && note.message.contains("1024"), "{}", note.message);
    // Table B has no merged cells in its figure rows: its figures are still read as cells.
    for p in ["/requests/new/total", "/requests/granted/natural_person", "/requests/carried_forward/total"] {
        assert_eq!(deep.report.get(p).unwrap(), plain.report.get(p).unwrap(), "{p}");
    }
}

#[test]
fn a_figure_inside_hundreds_of_spans_is_read() {
    let html = page("portal-nested-2023.html");
    let plain = import_html(&html);
    let value = plain.report.get("/requests/new/total").unwrap().unwrap().to_string();
    // Wrap every cell's text of that value in 210 spans: the old walker stopped at depth 200
    // and left the cell blank without a word.
    let cell = format!(">{value}</span></p></td>");
    let wrapped = html.replace(&cell, &format!(">{}{value}{}</span></p></td>", "<span>".repeat(210), "</span>".repeat(210)));
    assert!(wrapped.len() > html.len(), "the page has a cell of {value}");
    let deep = import_html(&wrapped);
    assert_eq!(deep.report, plain.report);
}

#[test]
fn an_html_table_of_a_million_cells_is_read_up_to_the_limit_and_says_so() {
    let row = format!("<tr>{}</tr>", (0..10).map(|i| format!("<td>{i}</td>")).collect::<String>());
    let html = format!("<html><body><h1>某市某局2023年政府信息公开工作年度报告</h1><table>{}</table></body></html>", row.repeat(100_000));
    let imported = import_html(&html);
    let note = imported.findings.with_code("GR917").next().expect("GR917 names the element limit");
    assert!(note.message.contains("1100004") || note.message.contains("个元素"), "{}", note.message);
    assert_linear(|n| format!("<html><body><h1>某市某局2023年政府信息公开工作年度报告</h1><table>{}</table></body></html>", row.repeat(n)).into_bytes(), 1000);
}

#[test]
fn text_lines_of_numbers_or_words_are_read_in_linear_time() {
    let head = "某市某局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n";
    // A line of 512 KB of numbers took 19 s; a 4 MB line of words ran for minutes.
    assert_linear(|n| format!("{head}{}\n", (0..n).map(|i| (i % 97).to_string()).collect::<Vec<_>>().join(" ")).into_bytes(), 4096);
    let words = ["政府", "信息", "公开", "word", "abc"];
    assert_linear(|n| format!("{head}{}\n", (0..n).map(|i| words[i % words.len()]).collect::<Vec<_>>().join(" ")).into_bytes(), 4096);
}

#[test]
fn millions_of_odd_rows_give_a_count_not_millions_of_notes() {
    let head = "某市某局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n";
    let text = format!("{head}{}", "（一）予以公开 1 0 0 0 0 0 1\n".repeat(20_000));
    let imported = import_document(text.as_bytes(), &ImportOptions::default()).unwrap();
    let dup = imported.findings.with_code("GR912").count();
    assert!(dup <= 50, "{dup} GR912 findings listed");
    let note = imported.findings.with_code("GR917").next().expect("GR917 gives the count of the notes not listed");
    assert!(note.message.contains("GR912") && note.message.contains(&(19_999 - 50).to_string()), "{}", note.message);
}
