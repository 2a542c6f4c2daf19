//! The command's input detection (`govreport check FILE` and `check -`): the one content rule
//! for JSON Lines, the JSON test, and a document loaded by it (JSON parsed, anything else
//! imported), then exercised. The same bytes must get the same answer every time.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::panics_in_the_pdf_parser_are_caught();
    let lines = govreport::fs::is_json_lines(data);
    assert_eq!(lines, govreport::fs::is_json_lines(data));
    let _ = govreport::import::looks_like_json(data);
    if let Ok(loaded) = govreport::batch::Loaded::from_bytes(data, govreport::Lang::Zh) {
        common::exercise(&loaded.report);
    }
});
