//! Text copied from a page → import (encoding, year and format detected) → check.
#![no_main]

use govreport::{ImportOptions, SourceKind};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::import(data, &ImportOptions { source: Some(SourceKind::Text), ..ImportOptions::default() });
});
