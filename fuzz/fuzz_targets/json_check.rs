//! JSON bytes → parse → check: `govreport::check_json`, what the command and the C one-shot
//! call do with a document. The fast path of the parser (one typed pass) must accept exactly
//! what the slow path (every check, naming the place) accepts.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        assert!(govreport::paths_agree(text), "the fast and the slow parse disagree");
    }
    let Ok(report) = govreport::parse_json(data) else { return };
    common::exercise(&report);
});
