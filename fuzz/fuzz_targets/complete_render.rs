//! A document completed (derived totals filled) and rendered in every format and language:
//! completing must leave a report that still round-trips, and rendering a report never fails.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(mut report) = govreport::parse_json(data) else { return };
    let _ = govreport::complete(&mut report);
    common::exercise(&report);
    for to in [govreport::RenderFormat::Html, govreport::RenderFormat::Docx, govreport::RenderFormat::Markdown, govreport::RenderFormat::Text] {
        for lang in [govreport::Lang::Zh, govreport::Lang::En] {
            let bytes = govreport::render(&report, to, lang).expect("a report renders");
            if to != govreport::RenderFormat::Docx {
                let text = std::str::from_utf8(&bytes).expect("text output is UTF-8");
                assert!(!text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r')), "a control character written raw");
            }
        }
    }
});
