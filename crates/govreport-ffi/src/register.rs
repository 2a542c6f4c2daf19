//! The register from C (`--features register`): a handle on one register file, ingest, a cell
//! corrected by hand, history, findings and their review, status, benchmarks, trends, export
//! and the supervisor's review page. Queries and answers are JSON text (UTF-8), in the shapes
//! of the Rust API (`govreport_register::FindingQuery`, `StoredFinding` …), so that this layer
//! only converts and forwards.

use std::ffi::c_char;
use std::sync::{Mutex, MutexGuard};

use ::govreport_register::{
    BenchmarkQuery, Decision, Error, ExportFormat, ExportKind, ExportQuery, FindingQuery, IngestOptions, Input, Register, TrendQuery, UnitRef,
};
use govreport::Lang;
use serde::Serialize;

use crate::report::{handle, json_value};
use crate::status::{Failure, govreport_status, guard, guard_value};
use crate::text::{Encoding, bytes_arg, give_bytes, lang_arg, opt_str_arg, out_arg, owned_string, str_arg};

/// An open register file. Create it with `govreport_register_open`; free it with
/// `govreport_register_free`.
///
/// Thread safety: a handle may be used from several threads; calls on one handle are
/// serialized by a lock inside it. Several handles (in one process or many) may read one file
/// while one of them writes. Free it once, after every other call on it has returned.
#[allow(non_camel_case_types)]
pub struct govreport_register {
    register: Mutex<Register>,
}

const _: () = {
    const fn shareable<T: Send + Sync>() {}
    shareable::<govreport_register>();
};

impl govreport_register {
    fn lock(&self) -> MutexGuard<'_, Register> {
        // Every write of the register is one SQLite transaction: a panic inside one rolled it
        // back, so the register behind a poisoned lock is consistent.
        self.register.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        use crate::status::govreport_status::*;
        let status = match &e {
            Error::Report(core) => return Failure::from(core.clone()),
            Error::Database { .. } | Error::NewerSchema { .. } | Error::NeedsUpgrade { .. } => GOVREPORT_ERROR_DATABASE,
            Error::NotFound { .. } => GOVREPORT_ERROR_NOT_FOUND,
            Error::Io { .. } => GOVREPORT_ERROR_IO,
            Error::Ambiguous { .. } | Error::Invalid { .. } => GOVREPORT_ERROR_INVALID,
            // A later kind of error: the nearest status.
            #[allow(unreachable_patterns)]
            _ => GOVREPORT_ERROR_INVALID,
        };
        Failure::new(status, e.message(Lang::En), e.message(Lang::Zh))
    }
}

/// `T` from optional JSON text (NULL or "" gives the default).
fn from_json<T: serde::de::DeserializeOwned + Default>(text: Option<std::borrow::Cow<str>>, what: &str) -> Result<T, Failure> {
    match text {
        None => Ok(T::default()),
        Some(t) if t.trim().is_empty() => Ok(T::default()),
        Some(t) => serde_json::from_str(&t)
            .map_err(|e| Failure::new(crate::status::govreport_status::GOVREPORT_ERROR_INVALID, format!("{what}: {e}"), format!("{what}：{e}"))),
    }
}

/// `value` as JSON text handed to the caller.
fn answer(value: &impl Serialize) -> Result<*mut c_char, Failure> {
    let text = serde_json::to_string(value).map_err(|e| Failure::new(crate::status::govreport_status::GOVREPORT_ERROR_PANIC, e.to_string(), e.to_string()))?;
    owned_string(&text, Encoding::Utf8)
}

/// Opens the register at `path` (UTF-8; NULL means "govreport.db" in the current directory),
/// making it when there is none and upgrading an older one.
///
/// Ownership: on success `*register_out` receives a new handle that the caller frees with
/// `govreport_register_free`; on failure it is not written.
///
/// Errors: NULL_ARGUMENT, ENCODING, DATABASE (not a register, from a newer govreport, not
/// writable), IO. Thread-safe.
///
/// # Safety
/// `path` is NULL or a NUL-terminated string; `register_out` points to writable storage.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_register_open(path: *const c_char, register_out: *mut *mut govreport_register) -> govreport_status {
    guard(|| {
        let out = out_arg(register_out, "register_out")?;
        let path = unsafe { opt_str_arg(path, "path", Encoding::Utf8) }?;
        let register = Register::open(path.as_deref().unwrap_or(::govreport_register::DEFAULT_PATH))?;
        *out = Box::into_raw(Box::new(govreport_register { register: Mutex::new(register) }));
        Ok(())
    })
}

/// Closes a register handle. NULL is a no-op.
///
/// Ownership: takes back ownership of `register`; do not use it again.
///
/// # Safety
/// `register` is NULL or a handle from `govreport_register_open`, not freed yet, with no call
/// on it still running.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_register_free(register: *mut govreport_register) {
    guard_value((), || {
        if !register.is_null() {
            // SAFETY: the handle came from `Box::into_raw` in `govreport_register_open`.
            drop(unsafe { Box::from_raw(register) });
        }
    })
}

/// Sets the options the register's checks run with when versions are made or rechecked, as
/// JSON text in the form of `govreport_check_json`'s options (e.g. `{"today":"2026-11-26"}`);
/// NULL restores the defaults.
///
/// Ownership: `options_json` stays the caller's.
///
/// Errors: NULL_ARGUMENT, ENCODING, INVALID (bad options). Thread-safe.
///
/// # Safety
/// `register` is a live handle; `options_json` is NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_register_set_check_options(register: *const govreport_register, options_json: *const c_char) -> govreport_status {
    guard(|| {
        let register = handle(register, "register")?;
        let options = crate::options(unsafe { opt_str_arg(options_json, "options_json", Encoding::Utf8) }?)?;
        register.lock().set_check_options(options)?;
        Ok(())
    })
}

/// Ingests `count` files or folders (UTF-8 paths) as one batch: JSON documents, JSON Lines,
/// HTML pages, text, .docx. `options_json` is NULL or e.g.
/// `{"reason":"…","author":"…","note":"…","encoding":"gbk","year":2023,"skip_peer_checks":false}`.
/// An input that cannot be read is recorded as failed in the batch and does not stop it: the
/// call still returns GOVREPORT_OK.
///
/// Ownership: on success `*batch_json_out` receives the batch as JSON (id, counts, every input
/// with its outcome, version and error), freed with `govreport_string_free`; on failure it is
/// not written.
///
/// Errors: NULL_ARGUMENT (also a NULL path in the list), ENCODING, INVALID (options),
/// DATABASE. Thread-safe.
///
/// # Safety
/// `register` is a live handle; `paths` points to `count` NUL-terminated strings (it may be
/// NULL when `count` is 0); `options_json` is NULL or a NUL-terminated string;
/// `batch_json_out` points to writable storage.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_register_add(
    register: *const govreport_register,
    paths: *const *const c_char,
    count: usize,
    options_json: *const c_char,
    batch_json_out: *mut *mut c_char,
) -> govreport_status {
    guard(|| {
        let out = out_arg(batch_json_out, "batch_json_out")?;
        let register = handle(register, "register")?;
        if paths.is_null() && count > 0 {
            return Err(Failure::null("paths"));
        }
        let mut list = Vec::with_capacity(count);
        for i in 0..count {
            // SAFETY: `paths` points to `count` pointers per the contract.
            let p = unsafe { *paths.add(i) };
            list.push(std::path::PathBuf::from(unsafe { str_arg(p, &format!("paths[{i}]"), Encoding::Utf8) }?.into_owned()));
        }
        let options: IngestOptions = from_json(unsafe { opt_str_arg(options_json, "options_json", Encoding::Utf8) }?, "options_json")?;
        let batch = register.lock().add_paths(&list, &options)?;
        *out = answer(&batch)?;
        Ok(())
    })
}

/// Ingests one document held in memory (`len` bytes: JSON, an HTML page, text or a .docx
/// file) under `name` as one batch; as `govreport_register_add` otherwise.
///
/// Ownership: as for `govreport_register_add`; the bytes stay the caller's.
///
/// Errors: NULL_ARGUMENT, TOO_LARGE, ENCODING (name), INVALID, DATABASE. Thread-safe.
///
/// # Safety
/// `register` is a live handle; `name` is a NUL-terminated string; `bytes` points to `len`
/// readable bytes; `options_json` is NULL or a NUL-terminated string; `batch_json_out` points
/// to writable storage.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_register_add_bytes(
    register: *const govreport_register,
    name: *const c_char,
    bytes: *const u8,
    len: usize,
    options_json: *const c_char,
    batch_json_out: *mut *mut c_char,
) -> govreport_status {
    guard(|| {
        let out = out_arg(batch_json_out, "batch_json_out")?;
        let register = handle(register, "register")?;
        let name = unsafe { str_arg(name, "name", Encoding::Utf8) }?;
        let bytes = unsafe { bytes_arg(bytes, len, "bytes") }?;
        let options: IngestOptions = from_json(unsafe { opt_str_arg(options_json, "options_json", Encoding::Utf8) }?, "options_json")?;
        let batch = register.lock().ingest([Input::bytes(name.into_owned(), bytes.to_vec())], &options)?;
        *out = answer(&batch)?;
        Ok(())
    })
}

/// Corrects one field of a unit's current report for `year` and stores the result as a new
/// version with `reason` (required). `unit` is the unit's id, credit code or name;
/// `value_json` is JSON text: `12`, `null` (blank), `"/"`, `"0.092"` (an amount), a text.
///
/// Ownership: on success `*version_json_out` receives the new version with its changes, freed
/// with `govreport_string_free`.
///
/// Errors: NULL_ARGUMENT, ENCODING, SYNTAX (value_json), STRUCTURE (a value the document
/// refuses; `govreport_last_error_pointer()` names it), NOT_FOUND (no such unit or report),
/// INVALID (no reason, no change, several units of that name), DATABASE. Thread-safe.
///
/// # Safety
/// `register` is a live handle; `unit`, `pointer`, `value_json`, `reason` are NUL-terminated
/// strings; `author` is NULL or one; `version_json_out` points to writable storage.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_register_set(
    register: *const govreport_register,
    unit: *const c_char,
    year: u16,
    pointer: *const c_char,
    value_json: *const c_char,
    reason: *const c_char,
    author: *const c_char,
    version_json_out: *mut *mut c_char,
) -> govreport_status {
    guard(|| {
        let out = out_arg(version_json_out, "version_json_out")?;
        let register = handle(register, "register")?;
        let unit = unsafe { str_arg(unit, "unit", Encoding::Utf8) }?;
        let pointer = unsafe { str_arg(pointer, "pointer", Encoding::Utf8) }?;
        let value = json_value(&unsafe { str_arg(value_json, "value_json", Encoding::Utf8) }?)?;
        let reason = unsafe { str_arg(reason, "reason", Encoding::Utf8) }?;
        let author = unsafe { opt_str_arg(author, "author", Encoding::Utf8) }?;
        let version = register.lock().set_cell(&UnitRef::parse(&unit), year, &pointer, value, &reason, author.as_deref())?;
        *out = answer(&version)?;
        Ok(())
    })
}

/// The history of a unit's reports (of `year`, or of every year when `year` is 0): every
/// version with what it changed and resolved, and every review, oldest first, as JSON.
/// `lang` is NULL or "zh", or "en" (names of cells).
///
/// Ownership: on success `*history_json_out` receives a string freed with
/// `govreport_string_free`.
///
/// Errors: NULL_ARGUMENT, ENCODING, INVALID_ARGUMENT (lang), NOT_FOUND, INVALID (several units
/// of that name), DATABASE. Thread-safe.
///
/// # Safety
/// `register` is a live handle; `unit` is a NUL-terminated string; `lang` is NULL or one;
/// `history_json_out` points to writable storage.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_register_history(
    register: *const govreport_register,
    unit: *const c_char,
    year: u16,
    lang: *const c_char,
    history_json_out: *mut *mut c_char,
) -> govreport_status {
    guard(|| {
        let out = out_arg(history_json_out, "history_json_out")?;
        let register = handle(register, "register")?;
        let unit = unsafe { str_arg(unit, "unit", Encoding::Utf8) }?;
        let lang = unsafe { lang_arg(lang, Encoding::Utf8) }?;
        let history = register.lock().history(&UnitRef::parse(&unit), (year != 0).then_some(year), lang)?;
        *out = answer(&history)?;
        Ok(())
    })
}

/// The findings `query_json` asks for, each with the review that holds for it, as a JSON
/// array. The query is NULL (every finding of the current versions) or e.g.
/// `{"year":2023,"unit":"进贤县教育体育局","region":"3601","code":"GR6","state":"open",
/// "version":12,"violated_only":true,"lang":"en","limit":100}`.
///
/// Ownership: on success `*findings_json_out` receives a string freed with
/// `govreport_string_free`.
///
/// Errors: NULL_ARGUMENT, ENCODING, INVALID (query), NOT_FOUND (unit), DATABASE. Thread-safe.
///
/// # Safety
/// `register` is a live handle; `query_json` is NULL or a NUL-terminated string;
/// `findings_json_out` points to writable storage.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_register_findings(
    register: *const govreport_register,
    query_json: *const c_char,
    findings_json_out: *mut *mut c_char,
) -> govreport_status {
    guard(|| {
        let out = out_arg(findings_json_out, "findings_json_out")?;
        let register = handle(register, "register")?;
        let query: FindingQuery = from_json(unsafe { opt_str_arg(query_json, "query_json", Encoding::Utf8) }?, "query_json")?;
        let list = register.lock().findings(&query)?;
        *out = answer(&list)?;
        Ok(())
    })
}

/// Records a reviewer's decision on finding `finding` (its `id` in the findings JSON):
/// `decision` is "confirmed", "dismissed" (a reason is required) or "fixed". The decision
/// holds for the same finding in later versions while the cells it rests on are unchanged.
///
/// Ownership: on success `*review_json_out` receives the review as JSON, freed with
/// `govreport_string_free`.
///
/// Errors: NULL_ARGUMENT, ENCODING, INVALID_ARGUMENT (decision), INVALID (no reason to
/// dismiss), NOT_FOUND, DATABASE. Thread-safe.
///
/// # Safety
/// `register` is a live handle; `decision` is a NUL-terminated string; `reason` and
/// `reviewer` are NULL or NUL-terminated strings; `review_json_out` points to writable storage.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_register_review(
    register: *const govreport_register,
    finding: i64,
    decision: *const c_char,
    reason: *const c_char,
    reviewer: *const c_char,
    review_json_out: *mut *mut c_char,
) -> govreport_status {
    guard(|| {
        let out = out_arg(review_json_out, "review_json_out")?;
        let register = handle(register, "register")?;
        let text = unsafe { str_arg(decision, "decision", Encoding::Utf8) }?;
        let decision = Decision::parse(&text).ok_or_else(|| {
            Failure::argument("decision", format!("{text:?} is not confirmed, dismissed or fixed"), format!("“{text}”不是 confirmed、dismissed 或 fixed"))
        })?;
        let reason = unsafe { opt_str_arg(reason, "reason", Encoding::Utf8) }?;
        let reviewer = unsafe { opt_str_arg(reviewer, "reviewer", Encoding::Utf8) }?;
        let review = register.lock().review(finding, decision, reason.as_deref(), reviewer.as_deref())?;
        *out = answer(&review)?;
        Ok(())
    })
}

/// Every unit of `region` (a region code prefix; NULL for all) expected for `year`, with
/// whether it published on time, late or not at all, its current version and its finding
/// counts, as a JSON array.
///
/// Ownership: on success `*status_json_out` receives a string freed with
/// `govreport_string_free`.
///
/// Errors: NULL_ARGUMENT, ENCODING, DATABASE. Thread-safe.
///
/// # Safety
/// `register` is a live handle; `region` is NULL or a NUL-terminated string;
/// `status_json_out` points to writable storage.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_register_status(
    register: *const govreport_register,
    year: u16,
    region: *const c_char,
    status_json_out: *mut *mut c_char,
) -> govreport_status {
    guard(|| {
        let out = out_arg(status_json_out, "status_json_out")?;
        let register = handle(register, "register")?;
        let region = unsafe { opt_str_arg(region, "region", Encoding::Utf8) }?;
        let list = register.lock().status(year, region.as_deref())?;
        *out = answer(&list)?;
        Ok(())
    })
}

/// P25/P50/P75 and rank of each unit per metric and peer group, as a JSON array. The query is
/// e.g. `{"year":2023,"region":"3601","metrics":["disclosure_rate"],"lang":"en"}`.
///
/// Ownership: on success `*benchmarks_json_out` receives a string freed with
/// `govreport_string_free`.
///
/// Errors: NULL_ARGUMENT, ENCODING, INVALID (query, unknown metric), DATABASE. Thread-safe.
///
/// # Safety
/// `register` is a live handle; `query_json` is a NUL-terminated string;
/// `benchmarks_json_out` points to writable storage.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_register_benchmarks(
    register: *const govreport_register,
    query_json: *const c_char,
    benchmarks_json_out: *mut *mut c_char,
) -> govreport_status {
    guard(|| {
        let out = out_arg(benchmarks_json_out, "benchmarks_json_out")?;
        let register = handle(register, "register")?;
        let query: BenchmarkQuery = from_json(Some(unsafe { str_arg(query_json, "query_json", Encoding::Utf8) }?), "query_json")?;
        let list = register.lock().benchmarks(&query)?;
        *out = answer(&list)?;
        Ok(())
    })
}

/// Metrics over 3 to 5 years, of a unit or of a region's units, as a JSON array. The query is
/// NULL (every unit, every metric, five years to the latest) or e.g.
/// `{"unit":"进贤县教育体育局","metrics":["new_requests"],"to_year":2023,"years":5}` or
/// `{"region":"360124"}`.
///
/// Ownership: on success `*trends_json_out` receives a string freed with
/// `govreport_string_free`.
///
/// Errors: NULL_ARGUMENT, ENCODING, INVALID, NOT_FOUND (unit), DATABASE. Thread-safe.
///
/// # Safety
/// `register` is a live handle; `query_json` is NULL or a NUL-terminated string;
/// `trends_json_out` points to writable storage.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_register_trends(
    register: *const govreport_register,
    query_json: *const c_char,
    trends_json_out: *mut *mut c_char,
) -> govreport_status {
    guard(|| {
        let out = out_arg(trends_json_out, "trends_json_out")?;
        let register = handle(register, "register")?;
        let query: TrendQuery = from_json(unsafe { opt_str_arg(query_json, "query_json", Encoding::Utf8) }?, "query_json")?;
        let list = register.lock().trends(&query)?;
        *out = answer(&list)?;
        Ok(())
    })
}

/// Exports the current `what` ("reports", "cells" or "findings") as `format` ("csv": UTF-8
/// with a byte-order mark, headings in the query's lang; "jsonl": one object per line). The
/// query is NULL (everything) or e.g. `{"year":2023,"region":"3601","unit":"…","lang":"en"}`.
///
/// Ownership: on success `*text_out` receives the text, freed with `govreport_string_free`.
///
/// Errors: NULL_ARGUMENT, ENCODING, INVALID_ARGUMENT (what, format), INVALID, NOT_FOUND,
/// DATABASE. Thread-safe.
///
/// # Safety
/// `register` is a live handle; `what` and `format` are NUL-terminated strings; `query_json`
/// is NULL or one; `text_out` points to writable storage.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_register_export(
    register: *const govreport_register,
    what: *const c_char,
    format: *const c_char,
    query_json: *const c_char,
    text_out: *mut *mut c_char,
) -> govreport_status {
    guard(|| {
        let out = out_arg(text_out, "text_out")?;
        let register = handle(register, "register")?;
        let what_text = unsafe { str_arg(what, "what", Encoding::Utf8) }?;
        let kind = ExportKind::parse(&what_text).ok_or_else(|| {
            Failure::argument("what", format!("{what_text:?} is not reports, cells or findings"), format!("“{what_text}”不是 reports、cells 或 findings"))
        })?;
        let format_text = unsafe { str_arg(format, "format", Encoding::Utf8) }?;
        let format = ExportFormat::parse(&format_text)
            .ok_or_else(|| Failure::argument("format", format!("{format_text:?} is not csv or jsonl"), format!("“{format_text}”不是 csv 或 jsonl")))?;
        let query: ExportQuery = from_json(unsafe { opt_str_arg(query_json, "query_json", Encoding::Utf8) }?, "query_json")?;
        let mut buf = Vec::new();
        register.lock().export(kind, format, &query, &mut buf)?;
        *out = owned_string(&String::from_utf8_lossy(&buf), Encoding::Utf8)?;
        Ok(())
    })
}

/// The supervising office's review of `year` for the units of `region` (NULL for all): `to`
/// is "html" (one self-contained page, SVG charts, no scripts), "docx" (a Word file) or
/// "json" (the data behind it); `lang` is NULL or "zh", or "en".
///
/// Ownership: on success `*bytes_out` receives a new buffer of `*len_out` bytes (not
/// NUL-terminated) freed with `govreport_bytes_free(bytes)`; on failure neither is
/// written.
///
/// Errors: NULL_ARGUMENT, ENCODING, INVALID_ARGUMENT (to, lang), DATABASE. Thread-safe.
///
/// # Safety
/// `register` is a live handle; `region` and `lang` are NULL or NUL-terminated strings; `to`
/// is a NUL-terminated string; `bytes_out` and `len_out` point to writable storage.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_register_review_page(
    register: *const govreport_register,
    year: u16,
    region: *const c_char,
    to: *const c_char,
    lang: *const c_char,
    bytes_out: *mut *mut u8,
    len_out: *mut usize,
) -> govreport_status {
    guard(|| {
        let bytes_slot = out_arg(bytes_out, "bytes_out")?;
        let len_slot = out_arg(len_out, "len_out")?;
        let register = handle(register, "register")?;
        let region = unsafe { opt_str_arg(region, "region", Encoding::Utf8) }?;
        let to = unsafe { str_arg(to, "to", Encoding::Utf8) }?;
        let lang = unsafe { lang_arg(lang, Encoding::Utf8) }?;
        let page = register.lock().supervisor_review(year, region.as_deref(), lang)?;
        let bytes = match to.as_ref() {
            "html" => page.to_html().into_bytes(),
            "docx" => page.to_docx()?,
            "json" => {
                serde_json::to_vec(&page).map_err(|e| Failure::new(crate::status::govreport_status::GOVREPORT_ERROR_PANIC, e.to_string(), e.to_string()))?
            }
            other => return Err(Failure::argument("to", format!("{other:?} is not html, docx or json"), format!("“{other}”不是 html、docx 或 json"))),
        };
        give_bytes(bytes, bytes_slot, len_slot)
    })
}
