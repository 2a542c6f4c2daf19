//! The supervisor's review: coverage, findings by rule and unit, units to follow up, peer
//! benchmarks and trends with SVG charts, an appendix tracing each figure to its cells and
//! sources; as HTML without scripts and as a .docx whose parts are well-formed.

mod common;

use std::io::Read;

use common::*;
use govreport::Lang;
use govreport::across::metrics;
use govreport_register::{Decision, FindingQuery, ReviewPage, ReviewState, UnitRef};

fn page() -> (tempfile::TempDir, govreport_register::Register, ReviewPage) {
    let (dir, mut r) = county_register();
    let copied = r
        .findings(&FindingQuery {
            unit: Some(UnitRef::parse("进贤县卫生健康委员会")), year: Some(2023), code: Some("GR606".into()), ..Default::default()
        })
        .unwrap()
        .into_iter()
        .find(|f| f.finding.path == "/sections/overview")
        .unwrap();
    r.review(copied.id, Decision::Dismissed, Some("按县统一口径撰写"), None).unwrap();
    let page = r.supervisor_review(2023, Some("360124"), Lang::Zh).unwrap();
    (dir, r, page)
}

#[test]
fn the_review_gathers_coverage_findings_benchmarks_trends_and_sources() {
    let (_dir, r, page) = page();
    assert_eq!(page.coverage.len(), 3);
    let gr606 = page.by_rule.iter().find(|x| x.code == "GR606").unwrap();
    assert_eq!((gr606.findings, gr606.dismissed, gr606.units), (1, 1, 1));
    let gr601 = page.by_rule.iter().find(|x| x.code == "GR601").unwrap();
    assert_eq!((gr601.findings, gr601.units), (2, 1));
    assert_eq!(gr601.title, govreport::rule("GR601").unwrap().title(Lang::Zh));
    // Every unit with an error or a warning open or confirmed is to be followed up.
    let listed = r.findings(&FindingQuery { year: Some(2023), violated_only: true, ..Default::default() }).unwrap();
    let pending: std::collections::BTreeSet<&str> = listed
        .iter()
        .filter(|f| f.finding.severity != govreport::Severity::Info && matches!(f.state, ReviewState::Open | ReviewState::Confirmed))
        .map(|f| f.unit.as_str())
        .collect();
    let follow: std::collections::BTreeSet<&str> = page.follow_up.iter().map(|f| f.unit.as_str()).collect();
    assert_eq!(follow, pending);
    assert!(follow.contains("进贤县卫生健康委员会"), "its copied part 五 is still open");
    assert_eq!(page.benchmarks.len(), 2 * metrics::METRICS.len());
    assert_eq!(page.trends.len(), metrics::METRICS.len());
    assert_eq!(page.trends[0].points.iter().map(|p| p.year).collect::<Vec<_>>(), [2019, 2020, 2021, 2022, 2023]);
    // The appendix traces each unit's figures to the cells and the file they came from.
    assert_eq!(page.appendix.len(), 3);
    for a in &page.appendix {
        let source = a.source.as_ref().unwrap();
        let report = govreport::parse_json(&std::fs::read(&source.name).unwrap()).unwrap();
        assert_eq!(report.meta().agency.name, a.unit);
        for (trace, e) in a.metrics.iter().zip(metrics::evaluate(&report)) {
            assert_eq!((trace.value, trace.worked.as_str()), (e.value, e.worked(Lang::Zh).as_str()));
            assert_eq!(trace.cells.len(), e.operands.len());
        }
    }
}

#[test]
fn as_html_with_inline_svg_charts_and_no_scripts() {
    let (_dir, _r, page) = page();
    let html = page.to_html();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(!html.contains("<script"));
    // Nothing outside the file: the only address is the SVG namespace.
    let rest = html.replace("http://www.w3.org/2000/svg", "");
    assert!(!rest.contains("http://") && !rest.contains("https://") && !rest.contains(" src="), "an external reference");
    let figures = html.matches("<figure>").count();
    assert_eq!(figures, html.matches("<svg ").count());
    assert!(figures >= 1 + 1 + 2 * metrics::METRICS.len(), "{figures} charts");
    assert_eq!(html.matches("<figcaption>").count(), figures);
    for text in [
        "2023年度政府信息公开工作年度报告审查情况",
        "一、报告发布情况",
        "四、同类单位对比",
        "五、近年趋势",
        "附录 数据来源",
        "进贤县民和镇人民政府",
        "SHA-256",
        "GR601",
    ] {
        assert!(html.contains(text), "{text}");
    }
    // Every tag of each SVG is closed: the SVG parses as XML.
    for svg in html.split("<svg ").skip(1) {
        let svg = format!("<svg {}", &svg[..svg.find("</svg>").unwrap() + 6]);
        well_formed(&svg);
    }
    let en = _r.supervisor_review(2023, Some("360124"), Lang::En).unwrap().to_html();
    assert!(en.contains("<html lang=\"en\">") && en.contains("4. Peer benchmarks"));
}

fn well_formed(xml: &str) {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed at {}: {e}\n{}", reader.buffer_position(), &xml[..xml.len().min(400)]),
        }
    }
}

#[test]
fn as_a_word_file_with_tables_and_svg_pictures_with_a_png_fallback() {
    let (_dir, _r, page) = page();
    let bytes = page.to_docx().unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = |name: &str| {
        let mut s = Vec::new();
        zip.by_name(name).unwrap_or_else(|_| panic!("{name} in the .docx")).read_to_end(&mut s).unwrap();
        s
    };
    let document = String::from_utf8(part("word/document.xml")).unwrap();
    for name in ["[Content_Types].xml", "_rels/.rels", "word/styles.xml", "word/_rels/document.xml.rels"] {
        well_formed(&String::from_utf8(part(name)).unwrap());
    }
    well_formed(&document);
    let charts = document.matches("<asvg:svgBlip").count();
    assert!(charts >= 3, "{charts}");
    assert_eq!(document.matches("<w:drawing>").count(), charts);
    for n in 1..=charts {
        let png = part(&format!("word/media/chart{n}.png"));
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        well_formed(&String::from_utf8(part(&format!("word/media/chart{n}.svg"))).unwrap());
    }
    assert!(document.matches("<w:tbl>").count() >= 5);
    assert!(document.contains("进贤县教育体育局") && document.contains("w:val=\"Heading1\""));
    let rels = String::from_utf8(part("word/_rels/document.xml.rels")).unwrap();
    assert_eq!(rels.matches("relationships/image").count(), 2 * charts);
}
