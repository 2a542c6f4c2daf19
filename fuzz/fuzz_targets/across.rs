//! Two documents (split at the first newline) compared with each other, and rolled up with
//! the streaming aggregator: neither may panic, and a roll-up that is made is a report whose
//! JSON round trip holds.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let cut = data.iter().position(|b| *b == b'\n').unwrap_or(data.len());
    let (a, b) = (&data[..cut], data.get(cut + 1..).unwrap_or_default());
    let (Ok(a), Ok(b)) = (govreport::parse_json(a), govreport::parse_json(b)) else { return };
    let _ = govreport::compare(&a, &b, &govreport::Options::default());
    let mut up = govreport::Aggregator::new();
    if up.add(&a).is_ok() && up.add(&b).is_ok() {
        let agency = govreport::Agency::new("某区", govreport::AgencyKind::Government);
        if let Ok(done) = up.finish(agency) {
            common::exercise(&done.report);
        }
    }
});
