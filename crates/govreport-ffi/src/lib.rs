//! C ABI of govreport: `libgovreport.so` / `libgovreport.a` with the header
//! `include/govreport.h`, generated from this crate by cbindgen.
//!
//! Conventions (after rustls-ffi and sqlite3):
//! - every fallible function returns a [`govreport_status`]; `GOVREPORT_OK` is 0 and the
//!   others are in their own range; `govreport_last_error()` says what went wrong, per thread;
//! - out-parameters are written only on success;
//! - every string or handle the library gives away has one free function
//!   (`govreport_string_free`, `govreport_report_free`, `govreport_findings_free`), and
//!   freeing NULL is a no-op; strings that are only lent say so and are never freed;
//! - NULL and text that is not valid in its encoding give a status, never a crash;
//! - every input is at most 32 MiB, whichever way it comes in; buffers the size of an input
//!   or an output are reserved fallibly (`GOVREPORT_ERROR_NOMEM`, as sqlite3's);
//! - every exported body runs inside one panic boundary (`status::guard`): a panic becomes
//!   `GOVREPORT_ERROR_PANIC`;
//! - text is UTF-8 unless the call or the handle was given `GOVREPORT_ENCODING_GB18030`.
//!
//! This layer only converts and forwards: every rule, limit and message is the core's.

// The exported types keep their C names (`govreport_report` …) so that the header reads
// as C.
#![allow(non_camel_case_types)]

// The header lists items in the order cbindgen reads them: this file, then these modules in
// this order (kept apart so that rustfmt does not sort them): statuses and errors first, then
// strings, the report handle and its findings, rendering, then the calls across reports and
// the import.
mod status;

mod text;

mod report;

mod findings;

mod render;

mod across;

mod import;

#[cfg(feature = "register")]
mod register;

#[cfg(test)]
mod tests;

use std::ffi::c_char;

pub use findings::{govreport_finding_status, govreport_findings, govreport_severity};
pub use report::{govreport_cell_state, govreport_report};
pub use status::govreport_status;
pub use text::{GOVREPORT_ENCODING_GB18030, GOVREPORT_ENCODING_UTF8, govreport_encoding};

use status::{Failure, guard, guard_value};

// The header promises that both handles may be used from several threads.
const _: () = {
    const fn shareable<T: Send + Sync>() {}
    shareable::<govreport_report>();
    shareable::<govreport_findings>();
};
use text::{Encoding, bytes_arg, opt_str_arg, out_arg, owned_string};

// `GOVREPORT_VERSION`, the version as a string, is written by `after_includes` in
// cbindgen.toml (cbindgen does not export string constants); `tests/header.rs` checks it and
// the numbers below against Cargo's version.

/// Major part of `GOVREPORT_VERSION`.
pub const GOVREPORT_VERSION_MAJOR: u32 = 0;
/// Minor part of `GOVREPORT_VERSION`.
pub const GOVREPORT_VERSION_MINOR: u32 = 1;
/// Patch part of `GOVREPORT_VERSION`.
pub const GOVREPORT_VERSION_PATCH: u32 = 0;
/// `GOVREPORT_VERSION` as one number, major * 10000 + minor * 100 + patch, for `#if`.
pub const GOVREPORT_VERSION_NUMBER: u32 = 100;

/// The version of the library, e.g. "0.1.0" (the same as `GOVREPORT_VERSION` when header
/// and library match).
///
/// Ownership: the string is static; do not free it. Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn govreport_version() -> *const c_char {
    const VERSION: &std::ffi::CStr = match std::ffi::CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
        Ok(v) => v,
        Err(_) => panic!("the package version contains a NUL"),
    };
    guard_value(c"".as_ptr(), || VERSION.as_ptr())
}

/// The version of the library as one number, major * 10000 + minor * 100 + patch (100 for
/// 0.1.0), to compare with `GOVREPORT_VERSION_NUMBER` at run time (as
/// `sqlite3_libversion_number`). Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn govreport_version_number() -> u32 {
    GOVREPORT_VERSION_NUMBER
}

/// Options of a check from optional JSON text.
pub(crate) fn options(json: Option<std::borrow::Cow<str>>) -> Result<govreport::Options, Failure> {
    match json {
        None => Ok(govreport::Options::default()),
        Some(text) => Ok(govreport::Options::from_json(&text)?),
    }
}

/// Checks a report document in one call: `len` bytes of UTF-8 JSON at `json`, options as
/// JSON text (NULL for the defaults; see `govreport_report_check`), findings out as a JSON
/// array of objects {code, name, severity, status, path, related, expected, actual, params,
/// message}. A report with errors in it still returns `GOVREPORT_OK`: findings are results.
///
/// Ownership: `json` and `options_json` stay the caller's. On success `*findings_out`
/// receives a new UTF-8 string that the caller frees with `govreport_string_free`; on
/// failure it is not written.
///
/// Errors: NULL_ARGUMENT, TOO_LARGE (over 32 MiB), ENCODING, SYNTAX, STRUCTURE,
/// UNKNOWN_FORMAT, INVALID (bad options). Thread-safe.
///
/// # Safety
/// `json` points to `len` readable bytes; `options_json` is NULL or a NUL-terminated
/// string; `findings_out` points to writable storage for a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_check_json(
    json: *const u8,
    len: usize,
    options_json: *const c_char,
    findings_out: *mut *mut c_char,
) -> status::govreport_status {
    unsafe { govreport_check_json_encoded(json, len, options_json, GOVREPORT_ENCODING_UTF8, findings_out) }
}

/// `govreport_check_json` with every text in `encoding`: the report bytes, the options and
/// the findings JSON returned. With `GOVREPORT_ENCODING_GB18030` a report stored as GB18030
/// checks exactly as its UTF-8 form.
///
/// Ownership: as for `govreport_check_json`; the string returned is in `encoding`.
///
/// Errors: as for `govreport_check_json`, and INVALID_ARGUMENT for an unknown encoding.
/// Thread-safe.
///
/// # Safety
/// As for `govreport_check_json`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_check_json_encoded(
    json: *const u8,
    len: usize,
    options_json: *const c_char,
    encoding: govreport_encoding,
    findings_out: *mut *mut c_char,
) -> status::govreport_status {
    guard(|| {
        let out = out_arg(findings_out, "findings_out")?;
        let enc = Encoding::check(encoding)?;
        let bytes = unsafe { bytes_arg(json, len, "json") }?;
        let options = options(unsafe { opt_str_arg(options_json, "options_json", enc) }?)?;
        let report = report::parse(bytes, enc)?;
        let findings = govreport::check(&report, &options)?;
        *out = owned_string(&findings.to_json(), enc)?;
        Ok(())
    })
}
