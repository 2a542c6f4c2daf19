//! Importing published reports (issue 6).

use std::path::PathBuf;

use govreport::import::{ImportOptions, Imported, SourceKind, import_document};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

use govreport::render::layout::{Block, layout};
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

/// What a rendered report can give back: the renderer writes a blank and an absent cell
/// alike (an empty cell), and prints no agency level, region or credit code.
fn renderable(r: &Report) -> Report {
    let mut r = r.clone();
    let mut pointers = vec![];
    for part in layout(&r, Lang::Zh).parts {
        for b in part.blocks {
            if let Block::Table(g) = b {
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
        serde_json::Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| flat(x, format!("{at}/{i}"), out)),
        _ => {
            out.insert(at, v.to_string());
        }
    }
}

/// The places where two documents differ, one per line.
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

#[test]
fn round_trip_html_and_docx() {
    for (name, original) in template_documents() {
        let want = renderable(&original);
        for fmt in [RenderFormat::Html, RenderFormat::Docx, RenderFormat::Markdown, RenderFormat::Text] {
            let bytes = render(&original, fmt, Lang::Zh).unwrap();
            let mut got = import_document(&bytes, &ImportOptions::default()).unwrap_or_else(|e| panic!("{name} {fmt:?}: {e}"));
            let mut allowed = vec!["GR910"];
            if original.meta().agency.name.is_empty() {
                // The title names no agency: the importer takes the one the text names first, and says so.
                allowed.push("GR916");
                assert!(got.findings.with_code("GR916").any(|f| f.path == "/agency/name"), "{name} as {fmt:?}");
                assert_eq!(got.report.meta().agency.name, "西关街道办事处");
                got.report.set("/agency/name", "".into()).unwrap();
                got.report.set("/agency/kind", want.meta().agency.kind.as_str().into()).unwrap();
            }
            if got.report != want {
                panic!("{name} as {fmt:?}: {}\nfindings {:#?}", diff(&want, &got.report), got.findings);
            }
            let unexpected: Vec<_> = got.findings.iter().filter(|f| !allowed.contains(&f.code.as_str())).collect();
            assert!(unexpected.is_empty(), "{name} as {fmt:?}: {unexpected:#?}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The corpus: every excerpt of ../shared/corpus, copied into tests/fixtures/corpus with the
// document transcribed by hand next to it (<name>.json), and the import findings it must give.

/// Import findings each corpus file gives: (code, path), as a multiset.
const CORPUS: &[(&str, &[(&str, &str)])] = &[
    ("seed-2012-changchun-etdz", &[]),
    // Part 一 is not in the excerpt: the first heading is 二.
    ("dev/2008-048", &[("GR902", "/sections/0/heading")]),
    ("dev/2013-050", &[]),
    ("dev/2021-009", &[("GR910", "/published_on"), ("GR909", ""), ("GR904", "/requests/withheld/inquiry_matters"), ("GR901", "/review_litigation")]),
    ("dev/2022-002", &[("GR910", "/published_on"), ("GR904", "/requests/withheld/third_party"), ("GR901", "/review_litigation")]),
    ("dev/2022-004", &[("GR910", "/published_on"), ("GR904", "/requests/withheld/third_party"), ("GR901", "/review_litigation"), ("GR907", "/format")]),
    (
        "dev/2022-007",
        &[("GR916", "/year"), ("GR916", "/agency/name"), ("GR910", "/published_on"), ("GR904", "/requests/withheld/prohibited_by_law"), ("GR901", "/review_litigation")],
    ),
    ("dev/2023-006", &[("GR910", "/published_on"), ("GR909", ""), ("GR904", "/requests/partially_granted"), ("GR901", "/review_litigation")]),
    ("dev/2023-014", &[("GR910", "/published_on"), ("GR915", "/sections/overview"), ("GR901", "/proactive")]),
    ("dev/2023-023", &[("GR910", "/published_on"), ("GR915", "/sections/overview"), ("GR901", "/proactive")]),
    ("dev/2024-001", &[("GR910", "/agency/name"), ("GR910", "/published_on"), ("GR904", "/requests/withheld/enforcement_files"), ("GR901", "/review_litigation")]),
    (
        "dev/2024-010",
        &[("GR916", "/year"), ("GR916", "/agency/name"), ("GR910", "/published_on"), ("GR909", ""), ("GR904", "/requests/new"), ("GR901", "/review_litigation")],
    ),
    ("dev/2024-036", &[("GR910", "/published_on"), ("GR915", "/sections/overview"), ("GR901", "/proactive")]),
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
    assert_eq!(items, vec!["（三）政府信息公开的收费及减免情况", "（二）依申请公开政府信息和不予公开政府信息的情况", "（四）因政府信息公开申请行政复议、提起行政诉讼的情况"]);
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
