//! The findings handle: the result of a check, read finding by finding.

use std::ffi::{CString, c_char};

use govreport::{Findings, Severity, Status};

use crate::report::handle;
use crate::status::{Failure, govreport_status, guard, guard_value};
use crate::text::{Encoding, c_string, out_arg, owned_string};

/// How serious a finding is (after the caller's overrides).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum govreport_severity {
    /// The report is wrong.
    GOVREPORT_SEVERITY_ERROR = 0,
    /// The report is probably wrong or weak.
    GOVREPORT_SEVERITY_WARNING = 1,
    /// Worth knowing; not a defect by itself.
    GOVREPORT_SEVERITY_INFO = 2,
}

/// Whether a finding's rule was broken or could not be judged.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum govreport_finding_status {
    /// The rule does not hold.
    GOVREPORT_FINDING_VIOLATED = 0,
    /// The rule could not be judged: the cells it needs are blank, absent or "/". Never a pass.
    GOVREPORT_FINDING_NOT_ASSESSABLE = 1,
}

/// One finding's strings, encoded once when the handle is made.
struct Item {
    code: CString,
    name: CString,
    path: CString,
    message: CString,
    severity: govreport_severity,
    status: govreport_finding_status,
}

/// The findings of one check, in the order the rules ran. Made by `govreport_report_check`;
/// free it with `govreport_findings_free`.
///
/// Thread safety: a findings handle never changes, so any number of threads may read it at
/// once. The strings it lends stay valid until it is freed.
#[allow(non_camel_case_types)]
pub struct govreport_findings {
    findings: Findings,
    items: Vec<Item>,
    encoding: Encoding,
}

impl govreport_findings {
    pub(crate) fn into_raw(findings: Findings, encoding: Encoding) -> *mut govreport_findings {
        let items = findings
            .iter()
            .map(|f| Item {
                code: c_string(&f.code, encoding),
                name: c_string(&f.name, encoding),
                path: c_string(&f.path, encoding),
                message: c_string(&f.message, encoding),
                severity: match f.severity {
                    Severity::Error => govreport_severity::GOVREPORT_SEVERITY_ERROR,
                    Severity::Warning => govreport_severity::GOVREPORT_SEVERITY_WARNING,
                    Severity::Info => govreport_severity::GOVREPORT_SEVERITY_INFO,
                },
                status: match f.status {
                    Status::Violated => govreport_finding_status::GOVREPORT_FINDING_VIOLATED,
                    Status::NotAssessable => govreport_finding_status::GOVREPORT_FINDING_NOT_ASSESSABLE,
                },
            })
            .collect();
        Box::into_raw(Box::new(govreport_findings { findings, items, encoding }))
    }

    fn item(&self, index: usize) -> Result<&Item, Failure> {
        at(&self.items, index)
    }
}

/// Element `index` of `list`, or INVALID_ARGUMENT naming the count.
fn at<T>(list: &[T], index: usize) -> Result<&T, Failure> {
    let count = list.len();
    list.get(index)
        .ok_or_else(|| Failure::argument("index", format_args!("{index} is not below the count {count}"), format_args!("{index} 不小于总数 {count}")))
}

/// Frees a findings handle. NULL is a no-op.
///
/// Ownership: takes back `findings`; the strings it lent become invalid.
///
/// # Safety
/// `findings` is NULL or a handle from this library not freed yet, with no call on it
/// running.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_findings_free(findings: *mut govreport_findings) {
    guard_value((), || {
        if !findings.is_null() {
            // SAFETY: created by `Box::into_raw` in `into_raw`, freed once.
            drop(unsafe { Box::from_raw(findings) });
        }
    })
}

/// How many findings there are; 0 when `findings` is NULL.
///
/// Ownership: `findings` stays the caller's. Thread-safe.
///
/// # Safety
/// `findings` is NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_findings_count(findings: *const govreport_findings) -> usize {
    guard_value(0, || handle(findings, "findings").map_or(0, |f| f.items.len()))
}

/// Lends one string field of finding `index` through `out`.
fn lend(findings: *const govreport_findings, index: usize, out: *mut *const c_char, field: fn(&Item) -> &CString) -> govreport_status {
    guard(|| {
        let out = out_arg(out, "out")?;
        let item = handle(findings, "findings")?.item(index)?;
        *out = field(item).as_ptr();
        Ok(())
    })
}

/// The rule code of finding `index`, e.g. "GR201".
///
/// Ownership: on success `*code_out` receives a string lent by `findings`, valid until it is
/// freed; do not free it. Errors: NULL_ARGUMENT, INVALID_ARGUMENT (index ≥ count).
///
/// # Safety
/// `findings` is a live handle; `code_out` points to writable storage for a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_findings_code(findings: *const govreport_findings, index: usize, code_out: *mut *const c_char) -> govreport_status {
    lend(findings, index, code_out, |i| &i.code)
}

/// The rule name of finding `index`, e.g. "requests-balance".
///
/// Ownership: as for `govreport_findings_code`.
///
/// # Safety
/// As for `govreport_findings_code`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_findings_name(findings: *const govreport_findings, index: usize, name_out: *mut *const c_char) -> govreport_status {
    lend(findings, index, name_out, |i| &i.name)
}

/// The place finding `index` is about: a JSON pointer into the document ("" for the whole).
///
/// Ownership: as for `govreport_findings_code`.
///
/// # Safety
/// As for `govreport_findings_code`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_findings_path(findings: *const govreport_findings, index: usize, path_out: *mut *const c_char) -> govreport_status {
    lend(findings, index, path_out, |i| &i.path)
}

/// The message of finding `index`, in the language of the check's options and the encoding
/// of the report handle.
///
/// Ownership: as for `govreport_findings_code`.
///
/// # Safety
/// As for `govreport_findings_code`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_findings_message(findings: *const govreport_findings, index: usize, message_out: *mut *const c_char) -> govreport_status {
    lend(findings, index, message_out, |i| &i.message)
}

/// The severity of finding `index`.
///
/// Ownership: `*severity_out` is a plain value, written on success only.
///
/// # Safety
/// `findings` is a live handle; `severity_out` points to writable storage.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_findings_severity(
    findings: *const govreport_findings,
    index: usize,
    severity_out: *mut govreport_severity,
) -> govreport_status {
    guard(|| {
        let out = out_arg(severity_out, "severity_out")?;
        *out = handle(findings, "findings")?.item(index)?.severity;
        Ok(())
    })
}

/// Whether finding `index` is a violation or a rule that could not be judged.
///
/// Ownership: `*status_out` is a plain value, written on success only.
///
/// # Safety
/// `findings` is a live handle; `status_out` points to writable storage.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_findings_status(
    findings: *const govreport_findings,
    index: usize,
    status_out: *mut govreport_finding_status,
) -> govreport_status {
    guard(|| {
        let out = out_arg(status_out, "status_out")?;
        *out = handle(findings, "findings")?.item(index)?.status;
        Ok(())
    })
}

/// Finding `index` as a JSON object with every field (code, name, severity, status, path,
/// related, expected, actual, params, message), in the handle's encoding.
///
/// Ownership: on success `*json_out` receives a new string that the caller frees with
/// `govreport_string_free`; on failure it is not written.
///
/// # Safety
/// `findings` is a live handle; `json_out` points to writable storage for a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_findings_item_json(findings: *const govreport_findings, index: usize, json_out: *mut *mut c_char) -> govreport_status {
    guard(|| {
        let out = out_arg(json_out, "json_out")?;
        let f = handle(findings, "findings")?;
        let finding = at(&f.findings.0, index)?;
        let json = serde_json::to_string(finding).map_err(|e| Failure::new(govreport_status::GOVREPORT_ERROR_PANIC, e.to_string(), e.to_string()))?;
        *out = owned_string(&json, f.encoding)?;
        Ok(())
    })
}

/// All findings as a JSON array (the same shape as `govreport_check_json` gives), in the
/// handle's encoding.
///
/// Ownership: on success `*json_out` receives a new string that the caller frees with
/// `govreport_string_free`; on failure it is not written.
///
/// # Safety
/// `findings` is a live handle; `json_out` points to writable storage for a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_findings_to_json(findings: *const govreport_findings, json_out: *mut *mut c_char) -> govreport_status {
    guard(|| {
        let out = out_arg(json_out, "json_out")?;
        let f = handle(findings, "findings")?;
        *out = owned_string(&f.findings.to_json(), f.encoding)?;
        Ok(())
    })
}
