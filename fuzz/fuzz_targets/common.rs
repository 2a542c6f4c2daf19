//! What every target does with a report it got: check it (must not fail with the default
//! options) and round-trip it through its JSON (must give the same document).

#![allow(dead_code)]

use govreport::{ImportOptions, Options, Report};

/// A panic is a finding, except one raised inside hayro-syntax, the PDF parser, which the
/// core's PDF reader catches and reports as a broken PDF (`import::pdf::layout`): the targets
/// that can reach a PDF call this first. libFuzzer's own hook would abort on that one too.
pub fn panics_in_the_pdf_parser_are_caught() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if info.location().is_some_and(|l| l.file().contains("hayro-syntax")) {
                return;
            }
            default(info);
            std::process::abort();
        }));
    });
}

/// Checks `report` and its JSON round trip.
pub fn exercise(report: &Report) {
    govreport::check(report, &Options::default()).expect("the default options are valid");
    let json = report.to_json();
    let again = govreport::parse_str(&json).unwrap_or_else(|e| panic!("a report's own JSON does not parse: {e}\n{json}"));
    assert_eq!(&again, report, "the JSON round trip changed the report\n{json}");
}

/// Imports `bytes` with `options`; a document that imports is exercised. Errors are fine:
/// the bytes are often no report at all.
pub fn import(bytes: &[u8], options: &ImportOptions) {
    if let Ok(imported) = govreport::import_document(bytes, options) {
        exercise(&imported.report);
        let _ = imported.to_json();
    }
}
