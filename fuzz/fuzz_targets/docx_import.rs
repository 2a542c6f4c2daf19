//! A Word file → import → check.
//!
//! Bytes that start as a zip archive ("PK") go to the importer as they are, so the archive
//! reader is fuzzed; any other bytes are first stored as `word/document.xml` of a fresh
//! archive, so the fuzzer reaches the XML reader and the table reader without having to
//! forge zip headers and CRCs.
#![no_main]

use std::io::{Cursor, Write};

use govreport::{ImportOptions, SourceKind};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fn wrap(xml: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("word/document.xml", stored).expect("start_file");
    zip.write_all(xml).expect("write");
    zip.finish().expect("finish").into_inner()
}

fuzz_target!(|data: &[u8]| {
    let options = ImportOptions { source: Some(SourceKind::Docx), ..ImportOptions::default() };
    if data.starts_with(b"PK") {
        common::import(data, &options);
    } else {
        common::import(&wrap(data), &options);
    }
});
