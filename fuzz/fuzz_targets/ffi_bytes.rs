//! Every C entry point that takes bytes or text from its caller, but the two with targets of
//! their own (`ffi_check_json`, `ffi_import`): the first byte picks the call and the encoding,
//! the rest is split at the first NUL into the document and a second argument (options, an
//! agency, a value or a pointer). No call may panic through the boundary, an out-parameter is
//! written only on success, and everything returned is freed.
#![no_main]
// The handles are opaque to C (and here): only pointers to them cross the boundary.
#![allow(improper_ctypes)]

use std::ffi::{CString, c_char};
use std::ptr;

use govreport_ffi::govreport_status::{GOVREPORT_ERROR_PANIC, GOVREPORT_OK};
use govreport_ffi::{govreport_encoding, govreport_report, govreport_status};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

unsafe extern "C" {
    fn govreport_compare_json_encoded(
        previous: *const u8,
        previous_len: usize,
        current: *const u8,
        current_len: usize,
        options_json: *const c_char,
        encoding: govreport_encoding,
        findings_out: *mut *mut c_char,
    ) -> govreport_status;
    fn govreport_aggregate_json_encoded(reports_json: *const u8, len: usize, agency_json: *const c_char, encoding: govreport_encoding, rollup_out: *mut *mut c_char) -> govreport_status;
    fn govreport_check_many_json(reports: *const u8, len: usize, options_json: *const c_char, encoding: govreport_encoding, results_out: *mut *mut c_char) -> govreport_status;
    fn govreport_import_json(bytes: *const u8, len: usize, options_json: *const c_char, imported_out: *mut *mut c_char) -> govreport_status;
    fn govreport_check_json_encoded(json: *const u8, len: usize, options_json: *const c_char, encoding: govreport_encoding, findings_out: *mut *mut c_char) -> govreport_status;
    fn govreport_report_from_json(json: *const u8, len: usize, encoding: govreport_encoding, report_out: *mut *mut govreport_report) -> govreport_status;
    fn govreport_report_set(report: *mut govreport_report, pointer: *const c_char, value_json: *const c_char) -> govreport_status;
    fn govreport_report_set_text(report: *mut govreport_report, pointer: *const c_char, text: *const c_char) -> govreport_status;
    fn govreport_report_get(report: *const govreport_report, pointer: *const c_char, value_out: *mut *mut c_char) -> govreport_status;
    fn govreport_report_complete(report: *mut govreport_report, completion_out: *mut *mut c_char) -> govreport_status;
    fn govreport_report_render(report: *const govreport_report, to: *const c_char, lang: *const c_char, bytes_out: *mut *mut u8, len_out: *mut usize) -> govreport_status;
    fn govreport_last_error_text(lang: *const c_char, encoding: govreport_encoding) -> *const c_char;
    fn govreport_report_free(report: *mut govreport_report);
    fn govreport_bytes_free(bytes: *mut u8, len: usize);
    fn govreport_string_free(s: *mut c_char);
}

/// A string out-parameter after a call: written only on success; freed.
fn done(status: govreport_status, out: *mut c_char) {
    assert_ne!(status, GOVREPORT_ERROR_PANIC);
    if status == GOVREPORT_OK {
        assert!(!out.is_null());
    } else {
        assert!(out.is_null(), "an out-parameter was written on failure");
        // The message of the failure (owned by the library) is there to read.
        let text = unsafe { govreport_last_error_text(ptr::null(), 0) };
        assert!(!text.is_null());
        let _ = unsafe { std::ffi::CStr::from_ptr(text) }.to_bytes().len();
    }
    unsafe { govreport_string_free(out) };
}

fuzz_target!(|data: &[u8]| {
    common::panics_in_the_pdf_parser_are_caught();
    let Some((&pick, rest)) = data.split_first() else { return };
    let encoding = govreport_encoding::from(pick & 1);
    let nul = rest.iter().position(|b| *b == 0).unwrap_or(rest.len());
    let (doc, second) = (&rest[..nul], rest.get(nul + 1..).unwrap_or_default());
    // The second argument as C text (cut at its own first NUL), or NULL when there is none.
    let arg = (!second.is_empty()).then(|| CString::new(second.split(|b| *b == 0).next().unwrap_or_default()).unwrap());
    let arg_ptr = arg.as_ref().map_or(ptr::null(), |c| c.as_ptr());
    let mut out: *mut c_char = ptr::null_mut();
    match (pick >> 1) % 6 {
        0 => {
            // Two documents: split the first at a newline.
            let cut = doc.iter().position(|b| *b == b'\n').unwrap_or(doc.len());
            let (a, b) = (&doc[..cut], doc.get(cut + 1..).unwrap_or_default());
            let status = unsafe { govreport_compare_json_encoded(a.as_ptr(), a.len(), b.as_ptr(), b.len(), arg_ptr, encoding, &mut out) };
            done(status, out);
        }
        1 => {
            let agency = arg.clone().unwrap_or_else(|| CString::new(r#"{"name":"某区","kind":"government"}"#).unwrap());
            let status = unsafe { govreport_aggregate_json_encoded(doc.as_ptr(), doc.len(), agency.as_ptr(), encoding, &mut out) };
            done(status, out);
        }
        2 => {
            let status = unsafe { govreport_check_many_json(doc.as_ptr(), doc.len(), arg_ptr, encoding, &mut out) };
            done(status, out);
        }
        3 => {
            let status = unsafe { govreport_import_json(doc.as_ptr(), doc.len(), arg_ptr, &mut out) };
            done(status, out);
        }
        4 => {
            let status = unsafe { govreport_check_json_encoded(doc.as_ptr(), doc.len(), arg_ptr, encoding, &mut out) };
            done(status, out);
        }
        _ => {
            // A report handle, then what a caller does with it: set, get, complete, render.
            let mut report: *mut govreport_report = ptr::null_mut();
            let status = unsafe { govreport_report_from_json(doc.as_ptr(), doc.len(), encoding, &mut report) };
            assert_ne!(status, GOVREPORT_ERROR_PANIC);
            if status != GOVREPORT_OK {
                assert!(report.is_null());
                return;
            }
            // The second argument is "POINTER=VALUE".
            let text = arg.as_ref().map(|c| c.to_bytes().to_vec()).unwrap_or_default();
            let eq = text.iter().position(|b| *b == b'=').unwrap_or(text.len());
            let pointer = CString::new(&text[..eq]).unwrap();
            let value = CString::new(text.get(eq + 1..).unwrap_or_default()).unwrap();
            let status = unsafe { govreport_report_set(report, pointer.as_ptr(), value.as_ptr()) };
            assert_ne!(status, GOVREPORT_ERROR_PANIC);
            let status = unsafe { govreport_report_set_text(report, pointer.as_ptr(), value.as_ptr()) };
            assert_ne!(status, GOVREPORT_ERROR_PANIC);
            let status = unsafe { govreport_report_get(report, pointer.as_ptr(), &mut out) };
            done(status, out);
            let mut completion: *mut c_char = ptr::null_mut();
            let status = unsafe { govreport_report_complete(report, &mut completion) };
            assert_eq!(status, GOVREPORT_OK);
            done(status, completion);
            for to in [c"html", c"docx", c"md", c"txt"] {
                let (mut bytes, mut len): (*mut u8, usize) = (ptr::null_mut(), 0);
                let status = unsafe { govreport_report_render(report, to.as_ptr(), ptr::null(), &mut bytes, &mut len) };
                assert_eq!(status, GOVREPORT_OK, "a report renders");
                unsafe { govreport_bytes_free(bytes, len) };
            }
            unsafe { govreport_report_free(report) };
        }
    }
});
