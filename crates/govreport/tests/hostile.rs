//! Hostile and broken inputs (issue 16): each case a reviewer of a parser of untrusted files
//! would try, with the answer it must get — the right result or a clear, true error, in time
//! and memory proportional to the input.

use std::io::{Read, Write};
use std::time::Instant;

use govreport::import::{ImportOptions, import_document};
use govreport::{Lang, RenderFormat, Report, parse_str, render};

/// A .docx whose `word/document.xml` has `body` inside `w:body`, after a title paragraph.
fn docx(body: &str) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let o = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        z.start_file("word/document.xml", o).unwrap();
        write!(
            z,
            r#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>某市某局2023年政府信息公开工作年度报告</w:t></w:r></w:p>{body}</w:body></w:document>"#
        )
        .unwrap();
        z.finish().unwrap();
    }
    buf.into_inner()
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
    let imported = import_document(&docx("<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p><w:p><w:r><w:t>甲&amp;乙&#x4E19;</w:t></w:r></w:p>"), &ImportOptions::default()).unwrap();
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
