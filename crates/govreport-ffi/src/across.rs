//! Across reports: a report against the same unit's report of last year, and units' reports
//! rolled up into one. Each comes as a one-shot JSON call and as a call on report handles.
//! And many reports checked as one batch (`govreport_check_many_json`), with what only the
//! batch shows from the core's collector `govreport::across::Batch`.

use std::ffi::c_char;

use govreport::Report;
use govreport::batch::{BatchOptions, Loaded, UnitNames};
use serde_json::value::RawValue;

use crate::findings::govreport_findings;
use crate::report::{govreport_report, handle, json_value};
use crate::status::{Failure, govreport_status, guard};
use crate::text::{Encoding, GOVREPORT_ENCODING_UTF8, bytes_arg, govreport_encoding, opt_str_arg, out_arg, owned_string, str_arg};

/// A report document argument: `len` bytes at `ptr` in `enc`. A failure of the core names
/// the argument, so that the caller knows which of two documents it is about.
///
/// # Safety
/// As for [`bytes_arg`].
unsafe fn document(ptr: *const u8, len: usize, enc: Encoding, name: &str) -> Result<Report, Failure> {
    let bytes =
        unsafe { bytes_arg(ptr, len, name) }.map_err(|f| if f.status == govreport_status::GOVREPORT_ERROR_TOO_LARGE { f.within(name, "") } else { f })?;
    let report = match enc {
        Encoding::Utf8 => govreport::parse_json(bytes),
        Encoding::Gb18030 => govreport::parse_str(&enc.decode(bytes, &format!("argument `{name}`"))?),
    };
    report.map_err(|e| Failure::from(e).within(name, ""))
}

/// The agency of a roll-up from JSON text, read by the core as the agency of a document so
/// that a wrong field is reported as in a document ("/agency/kind").
fn agency(text: &str) -> Result<govreport::Agency, Failure> {
    let doc = serde_json::json!({ "format": "2021", "year": 2023, "agency": json_value(text)? });
    Ok(govreport::parse_str(&doc.to_string())?.meta().agency.clone())
}

/// The elements of the JSON array in the argument `name`, each as the text it is. Not an
/// array is STRUCTURE (pointer ""), not JSON is SYNTAX.
fn array_items<'a>(text: &'a str, name: &str) -> Result<Vec<&'a RawValue>, Failure> {
    serde_json::from_str(text).map_err(|_| {
        // The core says what is wrong with the syntax; valid JSON that is no array is STRUCTURE.
        if let Err(e) = govreport::parse_value(text) {
            return e.into();
        }
        let mut f = Failure::new(
            govreport_status::GOVREPORT_ERROR_STRUCTURE,
            format!("argument `{name}` is not a JSON array of report documents"),
            format!("参数 `{name}` 不是报告文档的 JSON 数组"),
        );
        f.pointer = Some(String::new());
        f
    })
}

/// The reports of a JSON array, each element read by the core from its own text. A failure
/// names the element: "reports[2]: …" and the pointer "/2/…".
fn reports(text: &str) -> Result<Vec<Report>, Failure> {
    let items = array_items(text, "reports_json")?;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| govreport::parse_str(item.get()).map_err(|e| Failure::from(e).within(&format!("reports[{i}]"), &format!("/{i}"))))
        .collect()
}

/// Something the core made, as JSON text.
fn to_json(value: Result<String, serde_json::Error>) -> Result<String, Failure> {
    value.map_err(|e| Failure::new(govreport_status::GOVREPORT_ERROR_PANIC, e.to_string(), e.to_string()))
}

/// Compares a report with the same unit's report of the previous year (rules GR601–GR606):
/// this year's 上年结转 against last year's 结转下年度继续办理, documents in force carried on,
/// a changed agency, years that do not follow, sudden jumps, prose copied from last year.
/// Both documents are `…_len` bytes of UTF-8 JSON; options as for `govreport_check_json`
/// (NULL for the defaults), where `"copy_threshold"` (0–1, default 0.8) sets how similar prose
/// must be to count as copied. Findings out as a JSON array of the same shape as
/// `govreport_check_json` gives, their paths pointing into `current`. Findings are results:
/// a report that does not follow from last year's still returns `GOVREPORT_OK`.
///
/// Ownership: `previous`, `current` and `options_json` stay the caller's. On success
/// `*findings_out` receives a new UTF-8 string that the caller frees with
/// `govreport_string_free`; on failure it is not written.
///
/// Errors: NULL_ARGUMENT, TOO_LARGE (either over 32 MiB), ENCODING, SYNTAX, STRUCTURE,
/// UNKNOWN_FORMAT (the message starts with "previous: " or "current: " to say which document;
/// the pointer is into that document), INVALID (bad options). Thread-safe.
///
/// # Safety
/// `previous` points to `previous_len` readable bytes and `current` to `current_len`;
/// `options_json` is NULL or a NUL-terminated string; `findings_out` points to writable
/// storage for a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_compare_json(
    previous: *const u8,
    previous_len: usize,
    current: *const u8,
    current_len: usize,
    options_json: *const c_char,
    findings_out: *mut *mut c_char,
) -> govreport_status {
    unsafe { govreport_compare_json_encoded(previous, previous_len, current, current_len, options_json, GOVREPORT_ENCODING_UTF8, findings_out) }
}

/// `govreport_compare_json` with every text in `encoding`: both documents, the options and
/// the findings JSON returned.
///
/// Ownership: as for `govreport_compare_json`; the string returned is in `encoding`.
///
/// Errors: as for `govreport_compare_json`, and INVALID_ARGUMENT for an unknown encoding.
/// Thread-safe.
///
/// # Safety
/// As for `govreport_compare_json`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_compare_json_encoded(
    previous: *const u8,
    previous_len: usize,
    current: *const u8,
    current_len: usize,
    options_json: *const c_char,
    encoding: govreport_encoding,
    findings_out: *mut *mut c_char,
) -> govreport_status {
    guard(|| {
        let out = out_arg(findings_out, "findings_out")?;
        let enc = Encoding::check(encoding)?;
        let options = crate::options(unsafe { opt_str_arg(options_json, "options_json", enc) }?)?;
        let previous = unsafe { document(previous, previous_len, enc, "previous") }?;
        let current = unsafe { document(current, current_len, enc, "current") }?;
        let findings = govreport::compare(&previous, &current, &options)?;
        *out = owned_string(&findings.to_json(), enc)?;
        Ok(())
    })
}

/// Compares the report `current` with `previous`, the same unit's report of the year before
/// (see `govreport_compare_json`). `options_json` may be NULL (defaults) or JSON as for
/// `govreport_report_check`, in the encoding of `current`.
///
/// Ownership: on success `*findings_out` receives a new findings handle (its text in the
/// encoding of `current`, its paths pointing into `current`) that the caller frees with
/// `govreport_findings_free`; it does not depend on either report. On failure it is not
/// written. Both reports stay the caller's and are not changed.
///
/// Errors: NULL_ARGUMENT, ENCODING, INVALID (bad options). Thread-safe: the two handles are
/// locked one after the other, never together, so any threads may compare any handles in any
/// order, a handle with itself included.
///
/// # Safety
/// `previous` and `current` are live handles; `options_json` is NULL or a NUL-terminated
/// string; `findings_out` points to writable storage for a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_report_compare(
    previous: *const govreport_report,
    current: *const govreport_report,
    options_json: *const c_char,
    findings_out: *mut *mut govreport_findings,
) -> govreport_status {
    guard(|| {
        let out = out_arg(findings_out, "findings_out")?;
        let previous = handle(previous, "previous")?;
        let current = handle(current, "current")?;
        let options = crate::options(unsafe { opt_str_arg(options_json, "options_json", current.encoding()) }?)?;
        // Last year's report is copied out under its own lock, which is released before the
        // current one is taken.
        let before = previous.locked().clone();
        let findings = govreport::compare(&before, &current.locked(), &options)?;
        *out = govreport_findings::into_raw(findings, current.encoding());
        Ok(())
    })
}

/// Rolls units' reports up into one report of the agency `agency_json` (e.g.
/// `{"name":"进贤县人民政府","kind":"government"}`, as for `govreport_report_new`): every cell
/// is the exact sum of the units' cells; "/" units are left out of a sum, a cell is "/" when
/// every unit has "/", and a cell some unit leaves blank or absent is left blank and named as a
/// gap (never counted as 0). `reports_json` is `len` bytes of UTF-8 JSON: an array of report
/// documents of one format and one year (not 2007-regime prose reports).
///
/// The result is JSON `{"report":{…},"units":["…",…],"gaps":[{"pointer":"/proactive/licensing","units":["…"]},…]}`:
/// the summed report (tables only; the prose is the 本级 office's to write), the units' agency
/// names in order, and the cells left blank with the units that do not give them; and
/// `"merged_other":["…"]` when some units' （六）其他处理 sub-rows were summed into one row
/// because another unit gives （六） as one row.
///
/// Ownership: `reports_json` and `agency_json` stay the caller's. On success `*rollup_out`
/// receives a new UTF-8 string that the caller frees with `govreport_string_free`; on failure
/// it is not written.
///
/// Errors: NULL_ARGUMENT, TOO_LARGE (over 32 MiB in all), ENCODING, SYNTAX, STRUCTURE (not an
/// array, or an element that is no report document: the message starts with "reports[i]: "
/// and the pointer with "/i"), UNKNOWN_FORMAT, INVALID (no report, mixed formats or years —
/// the message names the first report that differs, e.g. "reports[1] (…)" — a 2007-regime
/// report, a sum larger than the largest count). Thread-safe.
///
/// # Safety
/// `reports_json` points to `len` readable bytes; `agency_json` is a NUL-terminated string;
/// `rollup_out` points to writable storage for a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_aggregate_json(
    reports_json: *const u8,
    len: usize,
    agency_json: *const c_char,
    rollup_out: *mut *mut c_char,
) -> govreport_status {
    unsafe { govreport_aggregate_json_encoded(reports_json, len, agency_json, GOVREPORT_ENCODING_UTF8, rollup_out) }
}

/// `govreport_aggregate_json` with every text in `encoding`: the array of reports, the agency
/// and the roll-up JSON returned.
///
/// Ownership: as for `govreport_aggregate_json`; the string returned is in `encoding`.
///
/// Errors: as for `govreport_aggregate_json`, and INVALID_ARGUMENT for an unknown encoding.
/// Thread-safe.
///
/// # Safety
/// As for `govreport_aggregate_json`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_aggregate_json_encoded(
    reports_json: *const u8,
    len: usize,
    agency_json: *const c_char,
    encoding: govreport_encoding,
    rollup_out: *mut *mut c_char,
) -> govreport_status {
    guard(|| {
        let out = out_arg(rollup_out, "rollup_out")?;
        let enc = Encoding::check(encoding)?;
        let bytes = unsafe { bytes_arg(reports_json, len, "reports_json") }?;
        let agency = agency(&unsafe { str_arg(agency_json, "agency_json", enc) }?)?;
        let reports = reports(&enc.decode(bytes, "argument `reports_json`")?)?;
        let rollup = govreport::aggregate(&reports, agency)?;
        let json = to_json(serde_json::to_string(&rollup))?;
        *out = owned_string(&json, enc)?;
        Ok(())
    })
}

/// Rolls the `count` report handles at `reports` up into a new report handle, as
/// `govreport_aggregate_json` does. `agency_json` and every text of the new handle (and of
/// the gaps) are in `encoding`; the units' handles may be in any encoding.
///
/// `reports` is declared `govreport_report *const *` so that an array of the handles a C
/// program holds (`govreport_report *units[3]`) passes without a cast.
///
/// Ownership: the handles stay the caller's and are not changed. On success `*report_out`
/// receives a new handle that the caller frees with `govreport_report_free`, and, when
/// `gaps_out` is not NULL, `*gaps_out` a new string that the caller frees with
/// `govreport_string_free`: the cells left blank, JSON
/// `[{"pointer":"/proactive/licensing","units":["…"]},…]` (`[]` when every cell could be
/// summed). Pass NULL to skip it. On failure neither is written.
///
/// Errors: NULL_ARGUMENT (`reports`, even with `count` 0, or one of its handles: the message
/// names `reports[i]`), INVALID_ARGUMENT (encoding, a count no array can hold), ENCODING,
/// SYNTAX, STRUCTURE (agency_json), INVALID (as for `govreport_aggregate_json`). Thread-safe:
/// the handles are locked one at a time; one handle may appear more than once.
///
/// # Safety
/// `reports` points to `count` handle pointers, each NULL or a live handle; `agency_json` is a
/// NUL-terminated string; `report_out` points to writable storage for a pointer; `gaps_out` is
/// NULL or points to writable storage for a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_aggregate(
    reports: *const *mut govreport_report,
    count: usize,
    agency_json: *const c_char,
    encoding: govreport_encoding,
    report_out: *mut *mut govreport_report,
    gaps_out: *mut *mut c_char,
) -> govreport_status {
    guard(|| {
        let out = out_arg(report_out, "report_out")?;
        let gaps_slot = if gaps_out.is_null() { None } else { Some(out_arg(gaps_out, "gaps_out")?) };
        let enc = Encoding::check(encoding)?;
        if reports.is_null() {
            return Err(Failure::null("reports"));
        }
        if count > isize::MAX as usize / std::mem::size_of::<*const govreport_report>() {
            return Err(Failure::argument("count", format_args!("{count} handles do not fit in memory"), format_args!("{count} 个句柄无法放入内存")));
        }
        // SAFETY: non-NULL, `count` readable pointers per the contract, and the size in bytes
        // fits in isize.
        let handles = unsafe { std::slice::from_raw_parts(reports, count) };
        let agency = agency(&unsafe { str_arg(agency_json, "agency_json", enc) }?)?;
        let units = handles
            .iter()
            .enumerate()
            .map(|(i, &h)| handle(h.cast_const(), &format!("reports[{i}]")).map(|r| r.locked().clone()))
            .collect::<Result<Vec<Report>, Failure>>()?;
        let rollup = govreport::aggregate(&units, agency)?;
        let gaps = match gaps_slot {
            Some(_) => Some(owned_string(&to_json(serde_json::to_string(&rollup.gaps))?, enc)?),
            None => None,
        };
        *out = govreport_report::into_raw(rollup.report, enc);
        if let (Some(slot), Some(gaps)) = (gaps_slot, gaps) {
            *slot = gaps;
        }
        Ok(())
    })
}

/// The documents of a batch, each as its text: the elements of a JSON array when the text
/// starts with `[` after whitespace, otherwise the lines of JSON Lines (blank lines skipped, as
/// `govreport check` skips them).
fn batch_documents(text: &str) -> Result<Vec<&str>, Failure> {
    if text.trim_ascii_start().starts_with('[') {
        Ok(array_items(text, "reports")?.into_iter().map(RawValue::get).collect())
    } else {
        Ok(text.split('\n').filter(|line| !line.trim_ascii().is_empty()).collect())
    }
}

/// One item of the result of `govreport_check_many_json`: `{"findings":[…]}`, or
/// `{"error":{"kind":…,"pointer":…,"message":…}}` (the shape `govreport check --format json`
/// gives an input it cannot read), the message in `lang`.
fn batch_item(result: &Result<govreport::Findings, govreport::Error>, lang: govreport::Lang) -> String {
    match result {
        Ok(findings) => format!("{{\"findings\":{}}}", findings.to_json()),
        Err(e) => format!("{{\"error\":{}}}", e.to_json(lang)),
    }
}

/// Checks many reports as one batch, as `govreport check` on a folder and Python's
/// `check_many` do: each report on its own (the findings of `govreport_check_json`), then what
/// only the batch shows, added to the report it concerns — prose one unit copied from another
/// (GR701, on the later report of the pair, naming the earlier by its agency or as
/// "reports[i]"; `"copy_threshold"` in the options, 0.8 by default) and reports that stand out
/// from their peers of the same format (GR702, GR703).
///
/// `reports` is `len` bytes in `encoding`: a JSON array of report documents (as for
/// `govreport_aggregate_json`) when its first byte other than whitespace is `[`; otherwise
/// JSON Lines, one document per line (blank lines are skipped; a document spread over several
/// lines is not JSON Lines: pass it in an array). No document at all gives `[]`. Options as for
/// `govreport_check_json` (NULL for the defaults), in `encoding`; messages in their `"lang"`.
///
/// The result is a JSON array with one item per report, in input order:
/// `{"findings":[…]}` (findings of the shape `govreport_check_json` gives, the batch's after
/// the report's own), or `{"error":{"kind":"structure","pointer":"/requests/new/total","message":"…"}}`
/// for a report that cannot be read (kind as in `govreport check --format json`: syntax,
/// structure, unknown_format, too_large …; pointer into that document, or null). One bad
/// report does not stop the batch, and is no unit of it. Findings are results: a batch full of
/// errors still returns `GOVREPORT_OK`.
///
/// The reports are checked one after the other on the calling thread (a batch is at most
/// 32 MiB); to use more cores, call it from several threads on parts of the batch, knowing
/// that GR701–GR703 then compare reports only within each part.
///
/// Ownership: `reports` and `options_json` stay the caller's. On success `*results_out`
/// receives a new string in `encoding` that the caller frees with `govreport_string_free`; on
/// failure it is not written.
///
/// Errors (of the whole call): NULL_ARGUMENT, INVALID_ARGUMENT (an unknown encoding),
/// TOO_LARGE (over 32 MiB in all), ENCODING (text not valid in `encoding`, anywhere in it),
/// SYNTAX (an array that is not valid JSON: where one element ends is then unknown), INVALID
/// (bad options). Thread-safe.
///
/// # Safety
/// `reports` points to `len` readable bytes; `options_json` is NULL or a NUL-terminated
/// string; `results_out` points to writable storage for a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_check_many_json(
    reports: *const u8,
    len: usize,
    options_json: *const c_char,
    encoding: govreport_encoding,
    results_out: *mut *mut c_char,
) -> govreport_status {
    guard(|| {
        let out = out_arg(results_out, "results_out")?;
        let enc = Encoding::check(encoding)?;
        let bytes = unsafe { bytes_arg(reports, len, "reports") }?;
        let options = crate::options(unsafe { opt_str_arg(options_json, "options_json", enc) }?)?;
        let text = enc.decode(bytes, "argument `reports`")?;
        let documents = batch_documents(&text)?;
        // The core's one batch, on the calling thread: a unit is named by its agency, or by its
        // place ("reports[i]") when the document names none.
        let inputs = documents.into_iter().enumerate().map(|(i, d)| (format!("reports[{i}]"), d));
        let batch = BatchOptions { threads: Some(1), unit_names: UnitNames::Agency, ..BatchOptions::default() };
        let results = govreport::batch::check_all(inputs, |d: &str| govreport::parse_str(d).map(Loaded::from), &options, &batch)?;
        let mut json = String::from("[");
        for (i, result) in results.iter().enumerate() {
            if i > 0 {
                json.push(',');
            }
            json.push_str(&batch_item(result, options.lang));
        }
        json.push(']');
        *out = owned_string(&json, enc)?;
        Ok(())
    })
}
