//! Shared by the core's tests of rendering and importing: what a rendered report can give
//! back, and where two documents differ.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};

use govreport::import::Imported;
use govreport::render::layout::{Block, layout};
use govreport::{Lang, Report};
use serde_json::Value;

/// The agency's fields the layout does not print. Every other field of the model must come back
/// from render → import (`every_agency_field_is_printed_or_said_not_to_be` in tests/import.rs),
/// so that a new field is not dropped unnoticed.
pub const NOT_PRINTED: [&str; 3] = ["level", "region_code", "credit_code"];

/// What a rendered report can give back: the renderer writes a blank and an absent cell
/// alike (an empty cell), and prints no agency level, region or credit code.
pub fn renderable(r: &Report) -> Report {
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
            r.set(&p, Value::Null).unwrap();
        }
    }
    let mut v = serde_json::to_value(&r).unwrap();
    let agency = v["agency"].as_object_mut().unwrap();
    for k in NOT_PRINTED {
        agency.remove(k);
    }
    govreport::parse_str(&v.to_string()).unwrap()
}

fn flat(v: &Value, at: String, out: &mut BTreeMap<String, String>) {
    match v {
        Value::Object(m) => m.iter().for_each(|(k, x)| flat(x, format!("{at}/{k}"), out)),
        Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| flat(x, format!("{at}/{i}"), out)),
        _ => {
            out.insert(at, v.to_string());
        }
    }
}

/// The places where two documents differ, one per line.
pub fn diff(want: &Report, got: &Report) -> String {
    let (mut a, mut b) = (BTreeMap::new(), BTreeMap::new());
    flat(&serde_json::to_value(want).unwrap(), String::new(), &mut a);
    flat(&serde_json::to_value(got).unwrap(), String::new(), &mut b);
    let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    keys.into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .map(|k| format!("\n  {k}: want {} got {}", a.get(k).map_or("(absent)", |s| s), b.get(k).map_or("(absent)", |s| s)))
        .collect()
}

/// Asserts that `got`, imported from a rendering of `original` (`what` names it), gives back
/// [`renderable`]`(original)` with no import finding but GR910 (the layout prints no date) and
/// GR918 (the layout prints no agency kind: the importer takes it from the name and says so),
/// and GR908 for a 2021 report with one （六） row (not the template's layout).
/// Where the title names no agency the importer takes the one the text names first and says so
/// (GR916 on /agency/name): that name is given back, and the rest compared without it.
pub fn assert_imported_back(original: &Report, mut got: Imported, what: &str) -> Option<String> {
    let want = renderable(original);
    let mut allowed = vec!["GR910", "GR918"];
    // A single （六） row in a 2021 table is kept as one row, and GR908 says so.
    if original.layout() == govreport::model::Layout::SingleOther {
        allowed.push("GR908");
    }
    let mut taken = None;
    if original.meta().agency.name.is_empty() {
        allowed.push("GR916");
        assert!(got.findings.with_code("GR916").any(|f| f.path == "/agency/name"), "{what}: {:#?}", got.findings);
        taken = Some(got.report.meta().agency.name.to_string());
        got.report.set("/agency/name", "".into()).unwrap();
        got.report.set("/agency/kind", want.meta().agency.kind.as_str().into()).unwrap();
    }
    if got.report != want {
        panic!("{what}: {}\nfindings {:#?}", diff(&want, &got.report), got.findings);
    }
    let unexpected: Vec<_> = got.findings.iter().filter(|f| !allowed.contains(&f.code.as_str())).collect();
    assert!(unexpected.is_empty(), "{what}: {unexpected:#?}");
    taken
}

/// A small deterministic generator (xorshift64*), for inputs made by mutation.
pub struct Rng(pub u64);

impl Rng {
    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A .docx whose `word/document.xml` has `body` inside `w:body`, after a title paragraph.
pub fn docx_with_body(body: &str) -> Vec<u8> {
    use std::io::Write;
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
