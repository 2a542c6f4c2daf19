//! Importing published reports (issue 6).

use std::path::PathBuf;

use govreport::import::{ImportOptions, import_document};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
#[ignore]
fn dump() {
    let which = std::env::var("DUMP").unwrap_or_default();
    for entry in std::fs::read_dir(root().join("tests/fixtures/corpus/dev")).unwrap().chain(std::fs::read_dir(root().join("tests/fixtures/corpus")).unwrap()) {
        let p = entry.unwrap().path();
        if p.extension().is_none_or(|e| e != "txt") || !p.to_string_lossy().contains(&which) {
            continue;
        }
        let bytes = std::fs::read(&p).unwrap();
        let imp = import_document(&bytes, &ImportOptions::default()).unwrap();
        println!("==== {}\n{}", p.display(), imp.report.to_json_pretty());
        for f in imp.findings.iter() {
            println!("  {} {} {} {:?}", f.code, f.path, f.message, f.params);
        }
        let checked = govreport::check(&imp.report, &govreport::Options { today: Some("2026-11-26".into()), ..Default::default() }).unwrap();
        for f in checked.iter() {
            println!("  check {} {:?} {}", f.code, f.status, f.path);
        }
    }
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
