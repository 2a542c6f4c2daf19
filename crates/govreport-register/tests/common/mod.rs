//! Shared by the register's tests: paths of the fixtures, a register in a temporary folder.

#![allow(dead_code)]

use std::path::PathBuf;

use govreport_register::{IngestOptions, Register};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// tests/fixtures/county/YEAR (three units of 进贤县).
pub fn county(year: u16) -> PathBuf {
    root().join(format!("tests/fixtures/county/{year}"))
}

pub fn county_file(year: u16, unit: &str) -> PathBuf {
    county(year).join(format!("{unit}.json"))
}

/// A register file in a fresh temporary folder (kept as long as the folder is).
pub fn temp_register() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("govreport.db");
    (dir, path)
}

/// Check options with a fixed today, as the fixtures' expectations assume.
pub fn options() -> govreport::Options {
    govreport::Options { today: Some("2026-11-26".into()), ..govreport::Options::default() }
}

/// A register with both years of the county ingested (two batches).
pub fn county_register() -> (tempfile::TempDir, Register) {
    let (dir, path) = temp_register();
    let mut r = Register::open(&path).unwrap();
    r.set_check_options(options()).unwrap();
    for year in [2022, 2023] {
        let b = r.add_paths(&[county(year)], &IngestOptions::default()).unwrap();
        assert_eq!((b.added, b.failed), (3, 0), "{b:?}");
    }
    (dir, r)
}

/// A JSON document of the county with `edit` applied (pointer, value).
pub fn edited(year: u16, unit: &str, edits: &[(&str, serde_json::Value)]) -> Vec<u8> {
    let mut doc: serde_json::Value = serde_json::from_slice(&std::fs::read(county_file(year, unit)).unwrap()).unwrap();
    for (p, v) in edits {
        *doc.pointer_mut(p).unwrap() = v.clone();
    }
    serde_json::to_vec_pretty(&doc).unwrap()
}
