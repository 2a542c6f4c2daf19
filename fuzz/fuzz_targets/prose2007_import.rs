//! A 2007-era report (prose, no tables) → import as format 2007 → check.
#![no_main]

use govreport::{Format, ImportOptions, SourceKind};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::import(data, &ImportOptions { source: Some(SourceKind::Text), format: Some(Format::F2007), ..ImportOptions::default() });
});
