//! JSON bytes → parse → check: `govreport::check_json`, what the command and the C one-shot
//! call do with a document.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(report) = govreport::parse_json(data) else { return };
    common::exercise(&report);
});
