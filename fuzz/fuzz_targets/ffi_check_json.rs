//! The C one-shot call `govreport_check_json` (the exported function of crates/govreport-ffi),
//! fed the bytes as they would come from C. A caught panic (GOVREPORT_ERROR_PANIC) is a
//! crash here as well: libFuzzer's panic hook aborts before the boundary catches it.
#![no_main]

use std::ffi::c_char;
use std::ptr;

use govreport_ffi::govreport_status::{GOVREPORT_ERROR_PANIC, GOVREPORT_OK};
use govreport_ffi::{GOVREPORT_ENCODING_GB18030, GOVREPORT_ENCODING_UTF8, govreport_check_json_encoded};
use libfuzzer_sys::fuzz_target;

unsafe extern "C" {
    fn govreport_string_free(s: *mut c_char);
}

fuzz_target!(|data: &[u8]| {
    // The last byte picks the encoding, so that the GB18030 path is fuzzed too.
    let encoding = if data.last().is_some_and(|b| b & 1 == 1) { GOVREPORT_ENCODING_GB18030 } else { GOVREPORT_ENCODING_UTF8 };
    let mut out: *mut c_char = ptr::null_mut();
    let status = unsafe { govreport_check_json_encoded(data.as_ptr(), data.len(), ptr::null(), encoding, &mut out) };
    assert_ne!(status, GOVREPORT_ERROR_PANIC);
    if status == GOVREPORT_OK {
        assert!(!out.is_null());
        unsafe { govreport_string_free(out) };
    } else {
        assert!(out.is_null(), "an out-parameter was written on failure");
    }
});
