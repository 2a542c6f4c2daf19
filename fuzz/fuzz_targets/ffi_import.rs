//! The C call `govreport_import` (an HTML page, text, .docx or JSON, kind detected), then the
//! report handle's check and JSON, and every string and handle freed.
#![no_main]
// The handles are opaque to C (and here): only pointers to them cross the boundary.
#![allow(improper_ctypes)]

use std::ffi::c_char;
use std::ptr;

use govreport_ffi::govreport_status::{GOVREPORT_ERROR_PANIC, GOVREPORT_OK};
use govreport_ffi::{govreport_findings, govreport_report};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

unsafe extern "C" {
    fn govreport_import(
        bytes: *const u8,
        len: usize,
        options_json: *const c_char,
        report_out: *mut *mut govreport_report,
        import_findings_out: *mut *mut c_char,
    ) -> govreport_ffi::govreport_status;
    fn govreport_report_to_json(report: *const govreport_report, json_out: *mut *mut c_char) -> govreport_ffi::govreport_status;
    fn govreport_report_check(
        report: *const govreport_report,
        options_json: *const c_char,
        findings_out: *mut *mut govreport_findings,
    ) -> govreport_ffi::govreport_status;
    fn govreport_findings_free(findings: *mut govreport_findings);
    fn govreport_report_free(report: *mut govreport_report);
    fn govreport_string_free(s: *mut c_char);
}

fuzz_target!(|data: &[u8]| {
    common::panics_in_the_pdf_parser_are_caught();
    let mut report: *mut govreport_report = ptr::null_mut();
    let mut findings: *mut c_char = ptr::null_mut();
    let status = unsafe { govreport_import(data.as_ptr(), data.len(), ptr::null(), &mut report, &mut findings) };
    assert_ne!(status, GOVREPORT_ERROR_PANIC);
    if status != GOVREPORT_OK {
        assert!(report.is_null() && findings.is_null(), "an out-parameter was written on failure");
        return;
    }
    let mut json: *mut c_char = ptr::null_mut();
    let status = unsafe { govreport_report_to_json(report, &mut json) };
    assert_eq!(status, GOVREPORT_OK);
    let mut checked: *mut govreport_findings = ptr::null_mut();
    let status = unsafe { govreport_report_check(report, ptr::null(), &mut checked) };
    assert_eq!(status, GOVREPORT_OK);
    unsafe {
        govreport_findings_free(checked);
        govreport_string_free(json);
        govreport_string_free(findings);
        govreport_report_free(report);
    }
});
