//! The report handle: build a report field by field, complete it, check it, write it out.

use std::ffi::c_char;
use std::sync::{Mutex, MutexGuard};

use govreport::Report;
use serde_json::Value;

use crate::findings::govreport_findings;
use crate::status::{Failure, govreport_status, guard};
use crate::text::{Encoding, bytes_arg, govreport_encoding, opt_str_arg, out_arg, owned_string, str_arg};

/// A report document being built or checked. Create it with `govreport_report_new` or
/// `govreport_report_from_json`; free it with `govreport_report_free`.
///
/// Every text that goes in or out through the handle is in the encoding it was created
/// with (UTF-8 or GB18030).
///
/// Thread safety: a handle may be used from several threads at once; calls on one handle
/// are serialized by a lock inside it. Free it once, after every other call on it has
/// returned. Findings taken from it stay valid after it is freed.
#[allow(non_camel_case_types)]
pub struct govreport_report {
    report: Mutex<Report>,
    encoding: Encoding,
}

impl govreport_report {
    fn lock(&self) -> MutexGuard<'_, Report> {
        // A panic while the lock was held was reported as GOVREPORT_ERROR_PANIC; the report
        // itself is only ever replaced whole (see `Report::set`), so it is still consistent.
        self.report.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The encoding of every text in and out of the handle.
    pub(crate) fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// The report, locked for the duration of a call.
    pub(crate) fn locked(&self) -> MutexGuard<'_, Report> {
        self.lock()
    }

    pub(crate) fn into_raw(report: Report, encoding: Encoding) -> *mut govreport_report {
        Box::into_raw(Box::new(govreport_report { report: Mutex::new(report), encoding }))
    }
}

/// A handle argument: NULL is an error.
pub(crate) fn handle<'a, T>(ptr: *const T, name: &str) -> Result<&'a T, Failure> {
    // SAFETY: the caller passes NULL or a live handle created by this library.
    unsafe { ptr.as_ref() }.ok_or_else(|| Failure::null(name))
}

/// Reads a report document from bytes in `enc`.
pub(crate) fn parse(bytes: &[u8], enc: Encoding) -> Result<Report, Failure> {
    Ok(match enc {
        Encoding::Utf8 => govreport::parse_json(bytes)?,
        Encoding::Gb18030 => govreport::parse_str(&enc.decode(bytes, "input")?)?,
    })
}

/// A JSON value given as text by the caller.
pub(crate) fn json_value(text: &str) -> Result<Value, Failure> {
    Ok(govreport::parse_value(text)?)
}

/// Creates an empty report of `format` ("2021", "2019" or "2007") for the reporting `year`
/// (0–65535, the model's range; outside it STRUCTURE with the pointer "/year"),
/// published by the agency described by `agency_json`, e.g.
/// `{"name":"某市某局","kind":"department"}` (kind: government, department, township or
/// other; optional level, region_code, credit_code). Every cell starts absent.
///
/// `format` and `agency_json` are in `encoding`, which also applies to all later text in
/// and out of the handle.
///
/// Ownership: on success `*report_out` receives a new handle that the caller owns and frees
/// with `govreport_report_free`; on failure `*report_out` is not written.
///
/// Errors: NULL_ARGUMENT, INVALID_ARGUMENT (encoding), ENCODING, TOO_LARGE, SYNTAX
/// (agency_json is not JSON), UNKNOWN_FORMAT, STRUCTURE (a bad year or agency; the pointer
/// names the field).
///
/// # Safety
/// `format` and `agency_json` are NUL-terminated strings; `report_out` points to writable
/// storage for a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_report_new(
    format: *const c_char,
    year: i32,
    agency_json: *const c_char,
    encoding: govreport_encoding,
    report_out: *mut *mut govreport_report,
) -> govreport_status {
    guard(|| {
        let out = out_arg(report_out, "report_out")?;
        let enc = Encoding::check(encoding)?;
        let format = unsafe { str_arg(format, "format", enc) }?;
        let agency = json_value(&unsafe { str_arg(agency_json, "agency_json", enc) }?)?;
        // The core reads the three fields as a document, so a wrong format, year or agency
        // field is reported exactly as in a document, with its pointer.
        let doc = serde_json::json!({ "format": &*format, "year": year, "agency": agency });
        let report = govreport::parse_str(&doc.to_string())?;
        *out = govreport_report::into_raw(report, enc);
        Ok(())
    })
}

/// Reads a report document from `len` bytes of JSON at `json`, in `encoding`.
///
/// Ownership: `json` stays the caller's (it is not kept). On success `*report_out` receives
/// a new handle that the caller owns and frees with `govreport_report_free`; on failure it
/// is not written.
///
/// Errors: NULL_ARGUMENT, INVALID_ARGUMENT, TOO_LARGE (over 32 MiB), ENCODING, SYNTAX,
/// STRUCTURE, UNKNOWN_FORMAT.
///
/// # Safety
/// `json` points to `len` readable bytes; `report_out` to writable storage for a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_report_from_json(
    json: *const u8,
    len: usize,
    encoding: govreport_encoding,
    report_out: *mut *mut govreport_report,
) -> govreport_status {
    guard(|| {
        let out = out_arg(report_out, "report_out")?;
        let enc = Encoding::check(encoding)?;
        let bytes = unsafe { bytes_arg(json, len, "json") }?;
        let report = parse(bytes, enc)?;
        *out = govreport_report::into_raw(report, enc);
        Ok(())
    })
}

/// Frees a report handle. NULL is a no-op.
///
/// Ownership: takes back `report`; do not use it afterwards. Findings handles and strings
/// obtained from it stay valid and are freed on their own.
///
/// # Safety
/// `report` is NULL or a handle from this library not freed yet, with no call on it running.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_report_free(report: *mut govreport_report) {
    crate::status::guard_value((), || {
        if !report.is_null() {
            // SAFETY: created by `Box::into_raw` in `into_raw`, freed once.
            drop(unsafe { Box::from_raw(report) });
        }
    })
}

/// The format of the report: "2021", "2019" or "2007".
///
/// Ownership: on success `*format_out` receives a static string; do not free it.
///
/// # Safety
/// `report` is a live handle; `format_out` points to writable storage for a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_report_format(report: *const govreport_report, format_out: *mut *const c_char) -> govreport_status {
    guard(|| {
        let out = out_arg(format_out, "format_out")?;
        let report = handle(report, "report")?;
        let format = report.lock().format();
        *out = match format {
            govreport::Format::F2021 => c"2021",
            govreport::Format::F2019 => c"2019",
            govreport::Format::F2007 => c"2007",
        }
        .as_ptr();
        Ok(())
    })
}

/// Sets the field at JSON `pointer` (RFC 6901, e.g. "/requests/new/natural_person") to the
/// JSON value `value_json`: a count (`5`), a blank cell (`null`), not applicable (`"/"`),
/// an amount (`"0.092"`), a text (`"……"`). Objects on the way are created.
///
/// The report must stay a valid document of its format: a wrong type or a negative count
/// fails with STRUCTURE, `govreport_last_error_pointer()` names the field, and the report is
/// left as it was. A pointer to no field of the format (the same status as
/// `govreport_report_get` gives), a malformed pointer, or one that replaces the whole
/// document or its format, fails with INVALID. A change that would make the document larger
/// than 32 MiB as JSON fails with TOO_LARGE (so that it can always be read back), as does a
/// string argument over 32 MiB.
///
/// Ownership: `pointer` and `value_json` stay the caller's (in the handle's encoding).
///
/// # Safety
/// `report` is a live handle; `pointer` and `value_json` are NUL-terminated strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_report_set(report: *mut govreport_report, pointer: *const c_char, value_json: *const c_char) -> govreport_status {
    guard(|| {
        let report = handle(report, "report")?;
        let pointer = unsafe { str_arg(pointer, "pointer", report.encoding) }?;
        let value = json_value(&unsafe { str_arg(value_json, "value_json", report.encoding) }?)?;
        Ok(report.lock().set(&pointer, value)?)
    })
}

/// Sets the count at JSON `pointer` to `value`. Same as `govreport_report_set` with the
/// number written as JSON.
///
/// Ownership: `pointer` stays the caller's (in the handle's encoding).
///
/// # Safety
/// `report` is a live handle; `pointer` is a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_report_set_count(report: *mut govreport_report, pointer: *const c_char, value: u64) -> govreport_status {
    guard(|| {
        let report = handle(report, "report")?;
        let pointer = unsafe { str_arg(pointer, "pointer", report.encoding) }?;
        Ok(report.lock().set(&pointer, Value::from(value))?)
    })
}

/// Sets the text at JSON `pointer` (e.g. "/sections/overview") to `text`, given as plain
/// text in the handle's encoding (no JSON quoting needed). Same as `govreport_report_set`
/// with the text as a JSON string.
///
/// Ownership: `pointer` and `text` stay the caller's.
///
/// # Safety
/// `report` is a live handle; `pointer` and `text` are NUL-terminated strings.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_report_set_text(report: *mut govreport_report, pointer: *const c_char, text: *const c_char) -> govreport_status {
    guard(|| {
        let report = handle(report, "report")?;
        let pointer = unsafe { str_arg(pointer, "pointer", report.encoding) }?;
        let text = unsafe { str_arg(text, "text", report.encoding) }?;
        Ok(report.lock().set(&pointer, Value::String(text.into_owned()))?)
    })
}

/// Gets the value at JSON `pointer` as JSON text (`5`, `null`, `"/"`, `"0.092"`, an object
/// for a row…), in the handle's encoding.
///
/// Ownership: on success `*value_out` receives a new string that the caller frees with
/// `govreport_string_free`, or NULL when the format has the field but the document does not
/// give it (an absent cell). On failure it is not written.
///
/// Errors: NULL_ARGUMENT, ENCODING, INVALID (not a JSON pointer, or a pointer to no field of
/// the report's format).
///
/// # Safety
/// `report` is a live handle; `pointer` is a NUL-terminated string; `value_out` points to
/// writable storage for a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_report_get(report: *const govreport_report, pointer: *const c_char, value_out: *mut *mut c_char) -> govreport_status {
    guard(|| {
        let out = out_arg(value_out, "value_out")?;
        let report = handle(report, "report")?;
        let pointer = unsafe { str_arg(pointer, "pointer", report.encoding) }?;
        let value = report.lock().get(&pointer)?;
        *out = match value {
            Some(v) => owned_string(&v.to_string(), report.encoding)?,
            None => std::ptr::null_mut(),
        };
        Ok(())
    })
}

/// What a cell holds, as `govreport_report_get_count` tells it.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum govreport_cell_state {
    /// The document does not give the cell.
    GOVREPORT_CELL_ABSENT = 0,
    /// Left blank as published (`null`).
    GOVREPORT_CELL_BLANK = 1,
    /// Marked not applicable (`"/"`).
    GOVREPORT_CELL_NOT_APPLICABLE = 2,
    /// A count: the number is in `*count_out`.
    GOVREPORT_CELL_COUNT = 3,
}

/// Gets the count at JSON `pointer` (e.g. "/requests/new/total"): the typed mirror of
/// `govreport_report_set_count`, no JSON to parse.
///
/// Ownership: on success `*state_out` says what the cell holds and `*count_out` receives the
/// count when it is `GOVREPORT_CELL_COUNT`, 0 otherwise. On failure neither is written.
///
/// Errors: NULL_ARGUMENT, ENCODING, TOO_LARGE, INVALID (not a JSON pointer, a pointer to no
/// field of the report's format — the same status as `govreport_report_get` and
/// `govreport_report_set` give for it —, or a field that holds no count: a text, an amount, a
/// row).
///
/// # Safety
/// `report` is a live handle; `pointer` is a NUL-terminated string; `count_out` and
/// `state_out` point to writable storage.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_report_get_count(
    report: *const govreport_report,
    pointer: *const c_char,
    count_out: *mut u64,
    state_out: *mut govreport_cell_state,
) -> govreport_status {
    guard(|| {
        let count_slot = out_arg(count_out, "count_out")?;
        let state_slot = out_arg(state_out, "state_out")?;
        let report = handle(report, "report")?;
        let pointer = unsafe { str_arg(pointer, "pointer", report.encoding) }?;
        let value = report.lock().get(&pointer)?;
        let (state, count) = match &value {
            None => (govreport_cell_state::GOVREPORT_CELL_ABSENT, 0),
            Some(Value::Null) => (govreport_cell_state::GOVREPORT_CELL_BLANK, 0),
            Some(Value::String(s)) if s == "/" => (govreport_cell_state::GOVREPORT_CELL_NOT_APPLICABLE, 0),
            Some(Value::Number(n)) if n.as_u64().is_some() => (govreport_cell_state::GOVREPORT_CELL_COUNT, n.as_u64().unwrap_or_default()),
            Some(other) => return Err(not_a(&pointer, other, "count", "数量")),
        };
        *count_slot = count;
        *state_slot = state;
        Ok(())
    })
}

/// Gets the text at JSON `pointer` (e.g. "/sections/overview", "/agency/name", an amount
/// such as "/proactive/fees_10k_yuan" as written, or "/" for a cell marked not applicable)
/// as plain text in the handle's encoding: the typed mirror of `govreport_report_set_text`,
/// no JSON quoting to undo.
///
/// Ownership: on success `*text_out` receives a new string that the caller frees with
/// `govreport_string_free`, or NULL when the field is absent or blank. On failure it is not
/// written. A NUL inside the text comes out as U+FFFD (C strings cannot hold it).
///
/// Errors: NULL_ARGUMENT, ENCODING, TOO_LARGE, NOMEM, INVALID (not a JSON pointer, a pointer
/// to no field of the format, or a field that holds no text: a count, a row).
///
/// # Safety
/// `report` is a live handle; `pointer` is a NUL-terminated string; `text_out` points to
/// writable storage for a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_report_get_text(report: *const govreport_report, pointer: *const c_char, text_out: *mut *mut c_char) -> govreport_status {
    guard(|| {
        let out = out_arg(text_out, "text_out")?;
        let report = handle(report, "report")?;
        let pointer = unsafe { str_arg(pointer, "pointer", report.encoding) }?;
        let value = report.lock().get(&pointer)?;
        *out = match &value {
            None | Some(Value::Null) => std::ptr::null_mut(),
            Some(Value::String(s)) => owned_string(s, report.encoding)?,
            Some(other) => return Err(not_a(&pointer, other, "text", "文字")),
        };
        Ok(())
    })
}

/// The failure of a typed getter on a field that holds another kind of value.
fn not_a(pointer: &str, value: &Value, en: &str, zh: &str) -> Failure {
    let (found_en, found_zh) = match value {
        Value::Number(_) => ("a number", "数字"),
        Value::String(_) => ("a text", "文字"),
        Value::Bool(_) => ("a truth value", "真假值"),
        Value::Array(_) => ("a list", "列表"),
        Value::Object(_) => ("an object", "对象"),
        Value::Null => ("null", "null"),
    };
    let mut f = Failure::new(
        govreport_status::GOVREPORT_ERROR_INVALID,
        format!("{pointer}: holds {found_en}, not a {en}"),
        format!("{pointer}：是{found_zh}，不是{zh}"),
    );
    f.pointer = Some(pointer.to_string());
    f
}

/// Copies a report handle: a new handle with the same document and encoding, independent of
/// the first (changing one does not change the other).
///
/// Ownership: on success `*clone_out` receives a new handle that the caller frees with
/// `govreport_report_free`; on failure it is not written.
///
/// Errors: NULL_ARGUMENT. Thread-safe.
///
/// # Safety
/// `report` is a live handle; `clone_out` points to writable storage for a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_report_clone(report: *const govreport_report, clone_out: *mut *mut govreport_report) -> govreport_status {
    guard(|| {
        let out = out_arg(clone_out, "clone_out")?;
        let report = handle(report, "report")?;
        let copy = report.lock().clone();
        *out = govreport_report::into_raw(copy, report.encoding);
        Ok(())
    })
}

/// Fills every derived cell that is blank or absent (row totals of table B, the 总计 row,
/// the totals of table C) from its parts. A cell that holds a value is never changed, even
/// when it disagrees with the sum; that stays a finding of the check. Calling it again is
/// harmless (nothing more is filled).
///
/// Ownership: if `completion_out` is not NULL, on success `*completion_out` receives a new
/// string that the caller frees with `govreport_string_free`: JSON
/// `{"filled":[pointers…],"left_empty":[pointers…],"too_large":[pointers…]}` (`too_large`: parts
/// that add up to more than the largest count). Pass NULL to skip it.
///
/// # Safety
/// `report` is a live handle; `completion_out` is NULL or points to writable storage for a
/// pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_report_complete(report: *mut govreport_report, completion_out: *mut *mut c_char) -> govreport_status {
    guard(|| {
        let report = handle(report, "report")?;
        let completion = govreport::complete(&mut report.lock());
        if !completion_out.is_null() {
            let json = serde_json::to_string(&completion).map_err(|e| Failure::new(govreport_status::GOVREPORT_ERROR_PANIC, e.to_string(), e.to_string()))?;
            let out = out_arg(completion_out, "completion_out")?;
            *out = owned_string(&json, report.encoding)?;
        }
        Ok(())
    })
}

/// Checks the report. `options_json` may be NULL (defaults) or JSON such as
/// `{"lang":"en","severity":{"GR402":"error"},"disable":["GR4"],"township_deadline":"02-20","today":"2026-11-26"}`,
/// in the handle's encoding. Messages are in Chinese unless `"lang":"en"`.
///
/// Ownership: on success `*findings_out` receives a new findings handle that the caller
/// frees with `govreport_findings_free`; it does not depend on `report` (free them in any
/// order). On failure it is not written.
///
/// Errors: NULL_ARGUMENT, ENCODING, INVALID (bad options).
///
/// # Safety
/// `report` is a live handle; `options_json` is NULL or a NUL-terminated string;
/// `findings_out` points to writable storage for a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_report_check(
    report: *const govreport_report,
    options_json: *const c_char,
    findings_out: *mut *mut govreport_findings,
) -> govreport_status {
    guard(|| {
        let out = out_arg(findings_out, "findings_out")?;
        let report = handle(report, "report")?;
        let options = crate::options(unsafe { opt_str_arg(options_json, "options_json", report.encoding) }?)?;
        let findings = govreport::check(&report.lock(), &options)?;
        *out = govreport_findings::into_raw(findings, report.encoding);
        Ok(())
    })
}

/// The report as a JSON document (compact), in the handle's encoding.
///
/// Ownership: on success `*json_out` receives a new string that the caller frees with
/// `govreport_string_free`; on failure it is not written.
///
/// # Safety
/// `report` is a live handle; `json_out` points to writable storage for a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_report_to_json(report: *const govreport_report, json_out: *mut *mut c_char) -> govreport_status {
    guard(|| {
        let out = out_arg(json_out, "json_out")?;
        let report = handle(report, "report")?;
        let json = report.lock().to_json();
        *out = owned_string(&json, report.encoding)?;
        Ok(())
    })
}
