//! A PDF file → import → check.
//!
//! Bytes that hold a PDF header ("%PDF-" in the first kilobyte) go to the importer as they
//! are, so the file reader (cross-reference tables and streams, objects, filters) is fuzzed;
//! any other bytes become the content stream of a one-page PDF whose resources hold a simple
//! font, a CID font through Identity-H with a ToUnicode map, a CID font through GBK-EUC-H
//! without one, a vertical font and a form, so that the fuzzer reaches the content
//! interpreter, the fonts, the ruling lines and the table reader without forging offsets.
#![no_main]

use govreport::{ImportOptions, SourceKind};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fn wrap(content: &[u8]) -> Vec<u8> {
    let stream = |dict: &str, data: &[u8]| {
        let mut s = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
        s.extend_from_slice(data);
        s.extend_from_slice(b"\nendstream");
        s
    };
    let cid = |enc: &str, extra: &str| {
        format!("<< /Type /Font /Subtype /Type0 /BaseFont /F /Encoding /{enc} {extra} /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /F /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 /W [1 [500 600] 10 20 700] >>] >>")
    };
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 6 0 R /F3 7 0 R /F4 8 0 R >> /XObject << /X1 9 0 R >> >> /Contents 4 0 R >>".to_vec(),
        stream("", content),
        b"<< /Type /Font /Subtype /TrueType /BaseFont /Arial /FirstChar 32 /Widths [278 278 355 556] /Encoding << /BaseEncoding /WinAnsiEncoding /Differences [65 /seven /uni5E74] >> >>".to_vec(),
        cid("Identity-H", "/ToUnicode 10 0 R").into_bytes(),
        cid("GBK-EUC-H", "").into_bytes(),
        cid("Identity-V", "").into_bytes(),
        stream("/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Matrix [1 0 0 1 10 10] /Resources << /Font << /F1 5 0 R >> >>", b"BT /F1 9 Tf (12) Tj ET 0 0 m 50 0 l S"),
        stream("", b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfrange <0001> <0005> <4E00> <0010> <0012> [<5E74> <62A5> <544A>] endbfrange endcmap CMapName currentdict /CMap defineresource pop end end"),
    ];
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = vec![];
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes());
    out
}

fuzz_target!(|data: &[u8]| {
    common::panics_in_the_pdf_parser_are_caught();
    let options = ImportOptions { source: Some(SourceKind::Pdf), year: Some(2024), ..ImportOptions::default() };
    let head = &data[..data.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        common::import(data, &options);
    } else {
        common::import(&wrap(data), &options);
    }
});
