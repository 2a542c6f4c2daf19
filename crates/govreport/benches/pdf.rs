//! Criterion benchmarks of the PDF import: `cargo bench -p govreport --bench pdf` (see
//! BENCHMARKS.md; `bash bench/pdf.sh` compares whole processes with `pdftotext -layout`).
//!
//! For each file: the layout alone (glyphs, rules, tables, paragraphs) and the whole import
//! (the layout, then the document and its import findings).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use govreport::ImportOptions;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

const FILES: &[(&str, &str)] = &[
    ("洪泽区 2024 (WPS, 5 pages)", "tests/fixtures/corpus/pdf/2024-hongze-district.pdf"),
    ("LibreOffice (3 pages)", "tests/fixtures/pdf/lo-docx-department-2023.pdf"),
    ("Chromium, Type 3 fonts (4 pages)", "tests/fixtures/pdf/chromium-government-noto.pdf"),
    ("Chromium, no rules (4 pages)", "tests/fixtures/pdf/chromium-stream-no-rules.pdf"),
];

fn pdf(c: &mut Criterion) {
    let mut g = c.benchmark_group("pdf");
    for (name, path) in FILES {
        let bytes = std::fs::read(format!("{ROOT}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(govreport::import_document(&bytes, &ImportOptions::default()).unwrap().source, govreport::SourceKind::Pdf);
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function(format!("layout: {name}"), |b| b.iter(|| govreport::import::pdf::layout(black_box(&bytes)).unwrap()));
        g.bench_function(format!("import: {name}"), |b| b.iter(|| govreport::import_document(black_box(&bytes), &ImportOptions::default()).unwrap()));
    }
    g.finish();
}

fn config() -> Criterion {
    Criterion::default().sample_size(20).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3))
}

criterion_group! { name = benches; config = config(); targets = pdf }
criterion_main!(benches);
