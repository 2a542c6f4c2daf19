//! The options JSON of `check` and of `import` (what the C ABI and Python take as text): a
//! document either parses to options that check a report, or is refused with an error.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(options) = govreport::Options::from_json(text) {
        let report = govreport::Report::new(govreport::Format::F2021, 2023, govreport::Agency::new("某局", govreport::AgencyKind::Department));
        let _ = govreport::check(&report, &options);
    }
    let _ = govreport::ImportOptions::from_json(text);
});
