//! An HTML page from the web → import (encoding detected) → check.
#![no_main]

use govreport::{ImportOptions, SourceKind};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::import(data, &ImportOptions { source: Some(SourceKind::Html), ..ImportOptions::default() });
});
