//! Importing a published report as it is (an HTML page, copied text, a Word file, a JSON
//! document) into a report handle.

use std::ffi::c_char;

use crate::report::govreport_report;
use crate::status::{Failure, govreport_status, guard};
use crate::text::{Encoding, GOVREPORT_ENCODING_UTF8, bytes_arg, govreport_encoding, opt_str_arg, out_arg, owned_string};

/// Runs the core's import on the caller's bytes and options.
///
/// # Safety
/// `bytes` points to `len` readable bytes; `options_json` is NULL or a NUL-terminated string.
unsafe fn import(bytes: *const u8, len: usize, options_json: *const c_char, enc: Encoding) -> Result<govreport::Imported, Failure> {
    let bytes = unsafe { bytes_arg(bytes, len, "bytes") }?;
    let options = match unsafe { opt_str_arg(options_json, "options_json", enc) }? {
        None => govreport::ImportOptions::default(),
        Some(text) => govreport::ImportOptions::from_json(&text)?,
    };
    Ok(govreport::import_document(bytes, &options)?)
}

/// Imports a published report from its raw bytes: an HTML page, text copied from a page, a
/// Word file (.docx), a PDF file or a JSON document, in any encoding. The kind of source, its encoding
/// (UTF-8, GBK/GB18030 … from a byte-order mark, a `<meta charset>`, or the bytes
/// themselves), the year and the format are found from the content unless `options_json`
/// says: NULL, or UTF-8 JSON such as
/// `{"encoding":"gb18030","source":"html","format":"2021","year":2023,"lang":"en"}`, every
/// field optional (source: json, html, text, docx or pdf; lang: of the findings' messages).
///
/// The report holds what the source states and nothing else: a cell the source does not give
/// is absent, a blank cell blank, "/" not applicable. What the importer notices about the
/// source itself (parts missing or out of order, a table cut off, a label read through an
/// alias …) is given as import findings (GR9xx), each with its place in the source in
/// `params`. Check the report with `govreport_report_check` for the findings of the document.
///
/// Ownership: `bytes` and `options_json` stay the caller's (nothing is kept). On success
/// `*report_out` receives a new UTF-8 report handle that the caller frees with
/// `govreport_report_free`, and, when `import_findings_out` is not NULL,
/// `*import_findings_out` a new UTF-8 string that the caller frees with
/// `govreport_string_free`: the import findings as a JSON array of the same shape as
/// `govreport_check_json` gives (`[]` when there are none). Pass NULL to skip them. On
/// failure neither is written.
///
/// Errors: NULL_ARGUMENT, TOO_LARGE (over 32 MiB), ENCODING (options_json), INVALID (bad
/// options; bytes that are no report at all: empty, a binary format the importer does not
/// read such as .doc, a broken .docx, a PDF without text (a scan) or with a password, no
/// reporting year anywhere — give `"year"`),
/// and for a JSON document SYNTAX, STRUCTURE or UNKNOWN_FORMAT. Thread-safe.
///
/// # Safety
/// `bytes` points to `len` readable bytes; `options_json` is NULL or a NUL-terminated string;
/// `report_out` points to writable storage for a pointer; `import_findings_out` is NULL or
/// points to writable storage for a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_import(
    bytes: *const u8,
    len: usize,
    options_json: *const c_char,
    report_out: *mut *mut govreport_report,
    import_findings_out: *mut *mut c_char,
) -> govreport_status {
    unsafe { govreport_import_encoded(bytes, len, options_json, GOVREPORT_ENCODING_UTF8, report_out, import_findings_out) }
}

/// `govreport_import` for a caller whose text is in `encoding`: `options_json`, the report
/// handle returned (every later text in and out of it) and the import findings are in
/// `encoding`. The source bytes are read in their own encoding as for `govreport_import`
/// (found from the content, or `"encoding"` in the options).
///
/// Ownership: as for `govreport_import`.
///
/// Errors: as for `govreport_import`, and INVALID_ARGUMENT for an unknown encoding, NOMEM.
/// Thread-safe.
///
/// # Safety
/// As for `govreport_import`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_import_encoded(
    bytes: *const u8,
    len: usize,
    options_json: *const c_char,
    encoding: govreport_encoding,
    report_out: *mut *mut govreport_report,
    import_findings_out: *mut *mut c_char,
) -> govreport_status {
    guard(|| {
        let out = out_arg(report_out, "report_out")?;
        let findings_slot = if import_findings_out.is_null() { None } else { Some(out_arg(import_findings_out, "import_findings_out")?) };
        let enc = Encoding::check(encoding)?;
        let imported = unsafe { import(bytes, len, options_json, enc) }?;
        let findings = match findings_slot {
            Some(_) => Some(owned_string(&imported.findings.to_json(), enc)?),
            None => None,
        };
        *out = govreport_report::into_raw(imported.report, enc);
        if let (Some(slot), Some(findings)) = (findings_slot, findings) {
            *slot = findings;
        }
        Ok(())
    })
}

/// `govreport_import` in one call with the whole result as JSON:
/// `{"source":"html","encoding":"GBK","report":{…},"findings":[…],"provenance":{…}}` — what
/// the source was (json, html, text, docx or pdf), the encoding it was read in (a WHATWG
/// name), the report document, the import findings, and the provenance: for each cell the
/// importer read, by its pointer, its place in the source and its text as published
/// (`{"line":8,"column":32,"text":"5"}`, `{"table":2,"row":4,"column":8,"text":"112"}`,
/// `{"page":3,"box":"483.1,266.3,515.6,290.8","text":"0"}`; `"unreadable":true` for a cell
/// whose text is no value, GR911; `{}` for a JSON document).
///
/// Ownership: `bytes` and `options_json` stay the caller's. On success `*imported_out`
/// receives a new UTF-8 string that the caller frees with `govreport_string_free`; on failure
/// it is not written.
///
/// Errors: as for `govreport_import`. Thread-safe.
///
/// # Safety
/// `bytes` points to `len` readable bytes; `options_json` is NULL or a NUL-terminated string;
/// `imported_out` points to writable storage for a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_import_json(bytes: *const u8, len: usize, options_json: *const c_char, imported_out: *mut *mut c_char) -> govreport_status {
    unsafe { govreport_import_json_encoded(bytes, len, options_json, GOVREPORT_ENCODING_UTF8, imported_out) }
}

/// `govreport_import_json` for a caller whose text is in `encoding`: `options_json` and the
/// JSON returned are in `encoding`.
///
/// Ownership and errors: as for `govreport_import_json`, and INVALID_ARGUMENT for an unknown
/// encoding. Thread-safe.
///
/// # Safety
/// As for `govreport_import_json`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_import_json_encoded(
    bytes: *const u8,
    len: usize,
    options_json: *const c_char,
    encoding: govreport_encoding,
    imported_out: *mut *mut c_char,
) -> govreport_status {
    guard(|| {
        let out = out_arg(imported_out, "imported_out")?;
        let enc = Encoding::check(encoding)?;
        let imported = unsafe { import(bytes, len, options_json, enc) }?;
        *out = owned_string(&imported.to_json(), enc)?;
        Ok(())
    })
}

/// Imports a published report and checks it in one call: the import findings (GR9xx), then
/// the findings of the check of the report, as one JSON array of the shape
/// `govreport_check_json` gives. A check finding about a cell the importer read carries the
/// cell's place in the source in its `params`: `source_line`, `source_column`,
/// `source_paragraph`, `source_table`, `source_row`, `source_page`, `source_box` (as the
/// source gives), `source_text` (the cell's text as published) and `source_at` (the place in
/// words, in the check's language).
///
/// `import_options_json` is as `options_json` of `govreport_import`; `check_options_json` as
/// that of `govreport_check_json` (NULL for the defaults; its `lang` is the language of the
/// check's messages and of `source_at`).
///
/// Ownership: the arguments stay the caller's. On success `*findings_out` receives a new UTF-8
/// string that the caller frees with `govreport_string_free`; on failure it is not written.
///
/// Errors: as for `govreport_import`, and INVALID for bad check options. Thread-safe.
///
/// # Safety
/// `bytes` points to `len` readable bytes; `import_options_json` and `check_options_json` are
/// NULL or NUL-terminated strings; `findings_out` points to writable storage for a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_import_check_json(
    bytes: *const u8,
    len: usize,
    import_options_json: *const c_char,
    check_options_json: *const c_char,
    findings_out: *mut *mut c_char,
) -> govreport_status {
    guard(|| {
        let out = out_arg(findings_out, "findings_out")?;
        let enc = Encoding::check(GOVREPORT_ENCODING_UTF8)?;
        let options = crate::options(unsafe { opt_str_arg(check_options_json, "check_options_json", enc) }?)?;
        let imported = unsafe { import(bytes, len, import_options_json, enc) }?;
        *out = owned_string(&imported.check(&options)?.to_json(), enc)?;
        Ok(())
    })
}
