//! Unit tests of the exported functions, called as C would call them.

use std::ffi::{CStr, c_char};
use std::ptr::{null, null_mut};

use crate::across::*;
use crate::findings::*;
use crate::import::*;
use crate::render::*;
use crate::report::*;
use crate::status::govreport_status::*;
use crate::status::*;
use crate::text::*;
use crate::*;

const SEED: &[u8] = include_bytes!("../../../tests/fixtures/seed-2012-changchun-etdz.json");
const AGENCY: &CStr = c"{\"name\":\"长春市某局\",\"kind\":\"department\"}";

/// A pointer no call may write: out-parameters start as this and must stay so on failure.
fn sentinel<T>() -> *mut T {
    std::ptr::dangling_mut::<T>()
}

/// The sentinel for a `const char *` out-parameter.
fn lent() -> *const c_char {
    sentinel::<c_char>()
}

fn text(p: *const c_char) -> String {
    if p.is_null() { "<NULL>".into() } else { unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned() }
}

fn last_error() -> String {
    text(govreport_last_error())
}

/// Takes a string the library gave away and frees it.
fn take(p: *mut c_char) -> String {
    let s = text(p);
    unsafe { govreport_string_free(p) };
    s
}

fn codes(findings_json: &str) -> Vec<String> {
    match serde_json::from_str::<serde_json::Value>(findings_json) {
        Ok(serde_json::Value::Array(items)) => items.iter().map(|f| f["code"].as_str().unwrap_or("?").to_string()).collect(),
        other => vec![format!("not an array: {other:?}")],
    }
}

fn new_report(encoding: govreport_encoding) -> *mut govreport_report {
    let mut r = sentinel();
    let s = unsafe { govreport_report_new(c"2021".as_ptr(), 2023, AGENCY.as_ptr(), encoding, &mut r) };
    assert_eq!(s, GOVREPORT_OK, "{}", last_error());
    r
}

#[test]
fn version_constants_are_cargos() {
    assert_eq!(text(govreport_version()), env!("CARGO_PKG_VERSION"));
    assert_eq!(text(govreport_version()), govreport::VERSION);
    assert_eq!(GOVREPORT_VERSION_MAJOR.to_string(), env!("CARGO_PKG_VERSION_MAJOR"));
    assert_eq!(GOVREPORT_VERSION_MINOR.to_string(), env!("CARGO_PKG_VERSION_MINOR"));
    assert_eq!(GOVREPORT_VERSION_PATCH.to_string(), env!("CARGO_PKG_VERSION_PATCH"));
    assert_eq!(GOVREPORT_VERSION_NUMBER, GOVREPORT_VERSION_MAJOR * 10000 + GOVREPORT_VERSION_MINOR * 100 + GOVREPORT_VERSION_PATCH);
}

#[test]
fn one_shot_on_the_seed() {
    let mut out = sentinel();
    let s = unsafe { govreport_check_json(SEED.as_ptr(), SEED.len(), null(), &mut out) };
    assert_eq!(s, GOVREPORT_OK, "{}", last_error());
    assert_eq!(last_error(), "");
    assert_eq!(codes(&take(out)), ["GR801", "GR801", "GR801", "GR802"]);
}

#[test]
fn gb18030_report_checks_as_its_utf8_form() {
    let utf8 = match std::str::from_utf8(SEED) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    };
    let (gb, _, _) = encoding_rs::GB18030.encode(utf8);
    assert_ne!(&*gb, SEED, "the seed has Chinese text, so the encodings differ");
    let options = c"{\"today\":\"2026-11-26\"}";
    let (mut a, mut b) = (sentinel(), sentinel());
    assert_eq!(unsafe { govreport_check_json(SEED.as_ptr(), SEED.len(), options.as_ptr(), &mut a) }, GOVREPORT_OK);
    assert_eq!(unsafe { govreport_check_json_encoded(gb.as_ptr(), gb.len(), options.as_ptr(), GOVREPORT_ENCODING_GB18030, &mut b) }, GOVREPORT_OK);
    let a = take(a);
    let b_bytes = unsafe { CStr::from_ptr(b) }.to_bytes().to_vec();
    unsafe { govreport_string_free(b) };
    let (b, _, had_errors) = encoding_rs::GB18030.decode(&b_bytes);
    assert!(!had_errors);
    assert_eq!(a, b);
    // The UTF-8 bytes are not valid GB18030 everywhere, and the call says so.
    let mut c = sentinel();
    let bad = b"{\"a\":\"\xff\"}";
    let s = unsafe { govreport_check_json_encoded(bad.as_ptr(), bad.len(), null(), GOVREPORT_ENCODING_GB18030, &mut c) };
    assert_eq!(s, GOVREPORT_ERROR_ENCODING, "{}", last_error());
    assert_eq!(c, sentinel());
}

#[test]
fn null_arguments_give_a_status_and_leave_outputs_alone() {
    let mut out: *mut c_char = sentinel();
    unsafe {
        assert_eq!(govreport_check_json(null(), 3, null(), &mut out), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert!(last_error().contains("json"), "{}", last_error());
        assert_eq!(govreport_check_json(SEED.as_ptr(), SEED.len(), null(), null_mut()), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(out, sentinel());

        let mut r: *mut govreport_report = sentinel();
        assert_eq!(govreport_report_new(null(), 2023, AGENCY.as_ptr(), 0, &mut r), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(govreport_report_new(c"2021".as_ptr(), 2023, null(), 0, &mut r), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(govreport_report_new(c"2021".as_ptr(), 2023, AGENCY.as_ptr(), 0, null_mut()), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(govreport_report_from_json(null(), 0, 0, &mut r), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(r, sentinel());

        assert_eq!(govreport_report_set(null_mut(), c"/year".as_ptr(), c"2024".as_ptr()), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(govreport_report_set_count(null_mut(), c"/year".as_ptr(), 1), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(govreport_report_set_text(null_mut(), c"/year".as_ptr(), c"x".as_ptr()), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(govreport_report_get(null(), c"/year".as_ptr(), &mut out), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(govreport_report_complete(null_mut(), null_mut()), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(govreport_report_to_json(null(), &mut out), GOVREPORT_ERROR_NULL_ARGUMENT);
        let mut f: *mut govreport_findings = sentinel();
        assert_eq!(govreport_report_check(null(), null(), &mut f), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(f, sentinel());
        let mut fmt = lent();
        assert_eq!(govreport_report_format(null(), &mut fmt), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(fmt, lent());

        let r = new_report(GOVREPORT_ENCODING_UTF8);
        assert_eq!(govreport_report_set(r, null(), c"1".as_ptr()), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(govreport_report_set(r, c"/year".as_ptr(), null()), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(govreport_report_get(r, null(), &mut out), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(govreport_report_get(r, c"/year".as_ptr(), null_mut()), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(govreport_report_check(r, null(), null_mut()), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(govreport_report_to_json(r, null_mut()), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(out, sentinel());
        govreport_report_free(r);

        assert_eq!(govreport_findings_count(null()), 0);
        let mut code = lent();
        assert_eq!(govreport_findings_code(null(), 0, &mut code), GOVREPORT_ERROR_NULL_ARGUMENT);
        let mut sev = govreport_severity::GOVREPORT_SEVERITY_INFO;
        assert_eq!(govreport_findings_severity(null(), 0, &mut sev), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(govreport_findings_to_json(null(), &mut out), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(code, lent());

        // Freeing NULL is a no-op, as often as one likes.
        govreport_report_free(null_mut());
        govreport_findings_free(null_mut());
        govreport_string_free(null_mut());
        govreport_string_free(null_mut());
    }
}

#[test]
fn invalid_utf8_gives_a_status() {
    let bad = b"/requests/\xff\0";
    let r = new_report(GOVREPORT_ENCODING_UTF8);
    unsafe {
        assert_eq!(govreport_report_set(r, bad.as_ptr().cast(), c"1".as_ptr()), GOVREPORT_ERROR_ENCODING);
        assert!(last_error().contains("byte 10"), "{}", last_error());
        let mut f = sentinel();
        assert_eq!(govreport_report_check(r, c"{\"lang\":\"\xc3\"}".as_ptr(), &mut f), GOVREPORT_ERROR_ENCODING);
        assert_eq!(f, sentinel());
        govreport_report_free(r);
        let mut out = sentinel();
        assert_eq!(govreport_check_json(b"{\"format\":\"\xe4\"}".as_ptr(), 14, null(), &mut out), GOVREPORT_ERROR_ENCODING);
        assert_eq!(out, sentinel());
    }
}

#[test]
fn bad_input_is_reported_by_kind() {
    let mut out = sentinel();
    unsafe {
        let cut = (0..SEED.len() / 2).rev().find(|&i| SEED[i].is_ascii()).unwrap_or(0);
        let truncated = &SEED[..cut];
        assert_eq!(govreport_check_json(truncated.as_ptr(), truncated.len(), null(), &mut out), GOVREPORT_ERROR_SYNTAX);
        let doc = br#"{"format":"2031","year":2023,"agency":{"name":"x","kind":"department"}}"#;
        assert_eq!(govreport_check_json(doc.as_ptr(), doc.len(), null(), &mut out), GOVREPORT_ERROR_UNKNOWN_FORMAT);
        assert_eq!(text(govreport_last_error_pointer()), "/format");
        assert_eq!(govreport_check_json(SEED.as_ptr(), SEED.len(), c"{\"colour\":1}".as_ptr(), &mut out), GOVREPORT_ERROR_INVALID);
        assert_eq!(govreport_check_json_encoded(SEED.as_ptr(), SEED.len(), null(), 7, &mut out), GOVREPORT_ERROR_INVALID_ARGUMENT);
        let big = vec![b' '; (govreport::limits::MAX_INPUT_BYTES + 1) as usize];
        assert_eq!(govreport_check_json(big.as_ptr(), big.len(), null(), &mut out), GOVREPORT_ERROR_TOO_LARGE);
        assert_eq!(out, sentinel());
    }
}

#[test]
fn last_error_is_per_call_and_per_thread() {
    let mut out = sentinel();
    unsafe {
        assert_eq!(govreport_check_json(b"{".as_ptr(), 1, null(), &mut out), GOVREPORT_ERROR_SYNTAX);
        let en = last_error();
        assert!(en.contains("JSON"), "{en}");
        assert!(text(govreport_last_error_text(c"zh".as_ptr(), GOVREPORT_ENCODING_UTF8)).contains("不是有效的 JSON"));
        assert!(text(govreport_last_error_text(null(), GOVREPORT_ENCODING_UTF8)).contains("不是有效的 JSON"));
        assert_eq!(text(govreport_last_error_text(c"en".as_ptr(), GOVREPORT_ENCODING_UTF8)), en);
        assert!(govreport_last_error_text(c"fr".as_ptr(), GOVREPORT_ENCODING_UTF8).is_null());
        assert!(govreport_last_error_text(c"en".as_ptr(), 9).is_null());
        let gb = govreport_last_error_text(c"zh".as_ptr(), GOVREPORT_ENCODING_GB18030);
        let (decoded, _, _) = encoding_rs::GB18030.decode(CStr::from_ptr(gb).to_bytes());
        assert!(decoded.contains("不是有效的 JSON"));
        // Reading it does not clear it; another thread has its own.
        assert_eq!(last_error(), en);
        let other = std::thread::spawn(|| text(govreport_last_error())).join().unwrap_or_default();
        assert_eq!(other, "");
        // The next call that returns a status clears it.
        let mut fmt = lent();
        let r = new_report(GOVREPORT_ENCODING_UTF8);
        assert_eq!(govreport_report_format(r, &mut fmt), GOVREPORT_OK);
        assert_eq!(text(fmt), "2021");
        assert_eq!(last_error(), "");
        assert!(govreport_last_error_pointer().is_null());
        govreport_report_free(r);
    }
}

#[test]
fn panics_never_escape() {
    let status = guard(|| panic!("boom"));
    assert_eq!(status, GOVREPORT_ERROR_PANIC);
    assert!(last_error().contains("boom"), "{}", last_error());
    let status = guard(|| {
        let v: Vec<u8> = Vec::new();
        let _ = v[usize::MAX / 2];
        Ok(())
    });
    assert_eq!(status, GOVREPORT_ERROR_PANIC);
    assert_eq!(guard_value(7, || panic!("boom")), 7);
    assert_eq!(text(govreport_status_text(GOVREPORT_ERROR_PANIC as i32)), "internal error (a bug in govreport)");
}

#[test]
fn every_status_has_a_text() {
    for s in [
        GOVREPORT_OK,
        GOVREPORT_ERROR_NULL_ARGUMENT,
        GOVREPORT_ERROR_INVALID_ARGUMENT,
        GOVREPORT_ERROR_ENCODING,
        GOVREPORT_ERROR_TOO_LARGE,
        GOVREPORT_ERROR_SYNTAX,
        GOVREPORT_ERROR_STRUCTURE,
        GOVREPORT_ERROR_UNKNOWN_FORMAT,
        GOVREPORT_ERROR_INVALID,
        GOVREPORT_ERROR_DATABASE,
        GOVREPORT_ERROR_NOT_FOUND,
        GOVREPORT_ERROR_IO,
        GOVREPORT_ERROR_PANIC,
    ] {
        assert_ne!(text(govreport_status_text(s as i32)), "unknown status", "{s:?}");
    }
    assert_eq!(text(govreport_status_text(-1)), "unknown status");
}

#[test]
fn build_complete_check_read() {
    let r = new_report(GOVREPORT_ENCODING_UTF8);
    unsafe {
        assert_eq!(govreport_report_set_count(r, c"/requests/new/natural_person".as_ptr(), 8), GOVREPORT_OK);
        for col in ["commercial", "research", "social_welfare", "legal_service", "other_org"] {
            let p = format!("/requests/new/{col}\0");
            assert_eq!(govreport_report_set(r, p.as_ptr().cast(), c"0".as_ptr()), GOVREPORT_OK, "{}", last_error());
        }
        assert_eq!(govreport_report_set_text(r, c"/sections/overview".as_ptr(), c"本机关依法公开政府信息。".as_ptr()), GOVREPORT_OK);
        assert_eq!(govreport_report_set(r, c"/proactive/fees_10k_yuan".as_ptr(), c"\"0.092\"".as_ptr()), GOVREPORT_OK, "{}", last_error());

        let mut v = sentinel();
        assert_eq!(govreport_report_get(r, c"/requests/new/total".as_ptr(), &mut v), GOVREPORT_OK);
        assert!(v.is_null(), "an absent cell gives NULL");
        let mut completion = sentinel();
        assert_eq!(govreport_report_complete(r, &mut completion), GOVREPORT_OK);
        assert!(take(completion).contains("/requests/new/total"));
        assert_eq!(govreport_report_complete(r, null_mut()), GOVREPORT_OK, "completing twice is harmless");
        assert_eq!(govreport_report_get(r, c"/requests/new/total".as_ptr(), &mut v), GOVREPORT_OK);
        assert_eq!(take(v), "8");
        let mut v = sentinel();
        assert_eq!(govreport_report_get(r, c"/sections/overview".as_ptr(), &mut v), GOVREPORT_OK);
        assert_eq!(take(v), "\"本机关依法公开政府信息。\"");

        let mut f = sentinel();
        assert_eq!(govreport_report_check(r, c"{\"lang\":\"en\",\"today\":\"2026-11-26\"}".as_ptr(), &mut f), GOVREPORT_OK, "{}", last_error());
        govreport_report_free(r); // findings outlive the report
        let n = govreport_findings_count(f);
        assert!(n > 0);
        for i in 0..n {
            let (mut code, mut path, mut msg, mut name) = (lent(), lent(), lent(), lent());
            let mut sev = govreport_severity::GOVREPORT_SEVERITY_INFO;
            let mut st = govreport_finding_status::GOVREPORT_FINDING_VIOLATED;
            assert_eq!(govreport_findings_code(f, i, &mut code), GOVREPORT_OK);
            assert_eq!(govreport_findings_path(f, i, &mut path), GOVREPORT_OK);
            assert_eq!(govreport_findings_message(f, i, &mut msg), GOVREPORT_OK);
            assert_eq!(govreport_findings_name(f, i, &mut name), GOVREPORT_OK);
            assert_eq!(govreport_findings_severity(f, i, &mut sev), GOVREPORT_OK);
            assert_eq!(govreport_findings_status(f, i, &mut st), GOVREPORT_OK);
            assert!(text(code).starts_with("GR"));
            assert!(text(path).is_empty() || text(path).starts_with('/'));
            assert!(!text(msg).is_empty());
            let mut item = sentinel();
            assert_eq!(govreport_findings_item_json(f, i, &mut item), GOVREPORT_OK);
            assert!(take(item).contains(&format!("\"code\":\"{}\"", text(code))));
        }
        let mut code = lent();
        assert_eq!(govreport_findings_code(f, n, &mut code), GOVREPORT_ERROR_INVALID_ARGUMENT);
        assert!(last_error().contains("index"), "{}", last_error());
        assert_eq!(code, lent());
        let mut all = sentinel();
        assert_eq!(govreport_findings_to_json(f, &mut all), GOVREPORT_OK);
        assert_eq!(codes(&take(all)).len(), n);
        govreport_findings_free(f);
    }
}

#[test]
fn negative_count_names_the_pointer_and_leaves_the_report() {
    let r = new_report(GOVREPORT_ENCODING_UTF8);
    unsafe {
        assert_eq!(govreport_report_set_count(r, c"/requests/new/natural_person".as_ptr(), 3), GOVREPORT_OK);
        assert_eq!(govreport_report_set(r, c"/requests/new/natural_person".as_ptr(), c"-1".as_ptr()), GOVREPORT_ERROR_STRUCTURE);
        assert!(last_error().contains("/requests/new/natural_person"), "{}", last_error());
        assert_eq!(text(govreport_last_error_pointer()), "/requests/new/natural_person");
        let mut v = sentinel();
        assert_eq!(govreport_report_get(r, c"/requests/new/natural_person".as_ptr(), &mut v), GOVREPORT_OK);
        assert_eq!(take(v), "3");
        // Wrong paths: an unknown field, a malformed pointer, the format.
        assert_eq!(govreport_report_set(r, c"/requests/nonsense/total".as_ptr(), c"1".as_ptr()), GOVREPORT_ERROR_INVALID);
        assert_eq!(govreport_report_set(r, c"requests".as_ptr(), c"1".as_ptr()), GOVREPORT_ERROR_INVALID);
        assert_eq!(govreport_report_set(r, c"/format".as_ptr(), c"\"2019\"".as_ptr()), GOVREPORT_ERROR_INVALID);
        assert_eq!(govreport_report_set(r, c"/year".as_ptr(), c"20".as_ptr()), GOVREPORT_OK);
        assert_eq!(govreport_report_set(r, c"/year".as_ptr(), c"{".as_ptr()), GOVREPORT_ERROR_SYNTAX);
        govreport_report_free(r);
    }
}

#[test]
fn report_new_reports_bad_fields_like_a_document() {
    let mut r = sentinel();
    unsafe {
        assert_eq!(govreport_report_new(c"2031".as_ptr(), 2023, AGENCY.as_ptr(), 0, &mut r), GOVREPORT_ERROR_UNKNOWN_FORMAT);
        assert_eq!(govreport_report_new(c"2021".as_ptr(), -1, AGENCY.as_ptr(), 0, &mut r), GOVREPORT_ERROR_STRUCTURE);
        assert_eq!(text(govreport_last_error_pointer()), "/year");
        assert_eq!(govreport_report_new(c"2021".as_ptr(), 2023, c"{\"name\":\"x\",\"kind\":\"ministry\"}".as_ptr(), 0, &mut r), GOVREPORT_ERROR_STRUCTURE);
        assert_eq!(text(govreport_last_error_pointer()), "/agency/kind");
        assert_eq!(govreport_report_new(c"2021".as_ptr(), 2023, c"{\"name\":".as_ptr(), 0, &mut r), GOVREPORT_ERROR_SYNTAX);
        assert_eq!(govreport_report_new(c"2021".as_ptr(), 2023, AGENCY.as_ptr(), 2, &mut r), GOVREPORT_ERROR_INVALID_ARGUMENT);
        assert_eq!(r, sentinel());
    }
}

#[test]
fn gb18030_handle_takes_and_gives_gb18030() {
    let (agency, _, _) = encoding_rs::GB18030.encode("{\"name\":\"长春市某局\",\"kind\":\"department\"}\0");
    let mut r = sentinel();
    unsafe {
        assert_eq!(govreport_report_new(c"2021".as_ptr(), 2023, agency.as_ptr().cast(), GOVREPORT_ENCODING_GB18030, &mut r), GOVREPORT_OK, "{}", last_error());
        let (overview, _, _) = encoding_rs::GB18030.encode("总体情况。\0");
        assert_eq!(govreport_report_set_text(r, c"/sections/overview".as_ptr(), overview.as_ptr().cast()), GOVREPORT_OK);
        let mut v = sentinel();
        assert_eq!(govreport_report_get(r, c"/agency/name".as_ptr(), &mut v), GOVREPORT_OK);
        let bytes = CStr::from_ptr(v).to_bytes().to_vec();
        govreport_string_free(v);
        let (name, _, _) = encoding_rs::GB18030.decode(&bytes);
        assert_eq!(name, "\"长春市某局\"");
        let mut json = sentinel();
        assert_eq!(govreport_report_to_json(r, &mut json), GOVREPORT_OK);
        let bytes = CStr::from_ptr(json).to_bytes().to_vec();
        govreport_string_free(json);
        assert!(std::str::from_utf8(&bytes).is_err(), "GB18030 out, not UTF-8");
        let (doc, _, _) = encoding_rs::GB18030.decode(&bytes);
        assert!(doc.contains("总体情况。"));
        govreport_report_free(r);
    }
}

#[test]
fn report_from_json_round_trips() {
    let mut r = sentinel();
    unsafe {
        assert_eq!(govreport_report_from_json(SEED.as_ptr(), SEED.len(), GOVREPORT_ENCODING_UTF8, &mut r), GOVREPORT_OK);
        let mut fmt = lent();
        assert_eq!(govreport_report_format(r, &mut fmt), GOVREPORT_OK);
        assert_eq!(text(fmt), "2007");
        let mut json = sentinel();
        assert_eq!(govreport_report_to_json(r, &mut json), GOVREPORT_OK);
        let json = take(json);
        let mut out = sentinel();
        assert_eq!(govreport_check_json(json.as_ptr(), json.len(), null(), &mut out), GOVREPORT_OK);
        assert_eq!(codes(&take(out)), ["GR801", "GR801", "GR801", "GR802"]);
        govreport_report_free(r);
    }
}

/// A handle lent to other threads, as a C caller would share it (the header says handles
/// may be used from any thread).
#[derive(Clone, Copy)]
struct Shared(*mut govreport_report);
unsafe impl Send for Shared {}
unsafe impl Sync for Shared {}

impl Shared {
    /// The handle (a method, so that a closure captures the whole `Shared`, not its field).
    fn get(self) -> *mut govreport_report {
        self.0
    }
}

#[test]
fn a_report_handle_is_shared_by_threads() {
    let r = Shared(new_report(GOVREPORT_ENCODING_UTF8));
    std::thread::scope(|s| {
        for t in 0..4u64 {
            s.spawn(move || {
                let r = r.get();
                // Miri interprets every step: a few rounds still interleave the threads.
                for i in 0..if cfg!(miri) { 3 } else { 50 } {
                    let status = unsafe { govreport_report_set_count(r, c"/requests/new/natural_person".as_ptr(), t * 100 + i) };
                    assert_eq!(status, GOVREPORT_OK);
                    let mut f = std::ptr::null_mut();
                    assert_eq!(unsafe { govreport_report_check(r, null(), &mut f) }, GOVREPORT_OK);
                    unsafe { govreport_findings_free(f) };
                }
            });
        }
    });
    unsafe { govreport_report_free(r.get()) };
}

#[test]
fn nul_in_text_does_not_cut_strings() {
    let s = c_string("a\0b", Encoding::Utf8);
    assert_eq!(s.to_str().unwrap_or_default(), "a\u{FFFD}b");
}

// Across reports and import.

const EDUCATION_2022: &[u8] = include_bytes!("../../../tests/fixtures/county/2022/education.json");
const EDUCATION_2023: &[u8] = include_bytes!("../../../tests/fixtures/county/2023/education.json");
const HEALTH_2022: &[u8] = include_bytes!("../../../tests/fixtures/county/2022/health.json");
const HEALTH_2023: &[u8] = include_bytes!("../../../tests/fixtures/county/2023/health.json");
const MINHE_2023: &[u8] = include_bytes!("../../../tests/fixtures/county/2023/minhe-town.json");
const SEED_TXT: &[u8] = include_bytes!("../../../tests/fixtures/corpus/seed-2012-changchun-etdz.txt");
const COUNTY: &CStr = c"{\"name\":\"进贤县人民政府\",\"kind\":\"government\",\"region_code\":\"360124\"}";
const DATED: &CStr = c"{\"today\":\"2026-11-26\"}";

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// (code, path) of every finding in a findings JSON array.
fn code_paths(findings_json: &str) -> Vec<(String, String)> {
    json(findings_json)
        .as_array()
        .map(|a| a.iter().map(|f| (f["code"].as_str().unwrap_or("?").to_string(), f["path"].as_str().unwrap_or("?").to_string())).collect())
        .unwrap_or_default()
}

/// `[a, b, …]` as one JSON array of documents.
fn array(docs: &[&[u8]]) -> Vec<u8> {
    let mut out = b"[".to_vec();
    for (i, d) in docs.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(d);
    }
    out.push(b']');
    out
}

fn from_json(doc: &[u8], encoding: govreport_encoding) -> *mut govreport_report {
    let mut r = sentinel();
    assert_eq!(unsafe { govreport_report_from_json(doc.as_ptr(), doc.len(), encoding, &mut r) }, GOVREPORT_OK, "{}", last_error());
    r
}

fn gb18030(bytes: &[u8]) -> Vec<u8> {
    encoding_rs::GB18030.encode(&String::from_utf8_lossy(bytes)).0.into_owned()
}

fn from_gb18030(p: *mut c_char) -> String {
    let bytes = unsafe { CStr::from_ptr(p) }.to_bytes().to_vec();
    unsafe { govreport_string_free(p) };
    let (text, _, bad) = encoding_rs::GB18030.decode(&bytes);
    assert!(!bad);
    text.into_owned()
}

const GR601_TWICE: [(&str, &str); 2] = [("GR601", "/requests/carried_over/natural_person"), ("GR601", "/requests/carried_over/total")];

fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn compare_json_finds_the_carried_over_mismatch() {
    let mut out = sentinel();
    let s = unsafe {
        govreport_compare_json(EDUCATION_2022.as_ptr(), EDUCATION_2022.len(), EDUCATION_2023.as_ptr(), EDUCATION_2023.len(), DATED.as_ptr(), &mut out)
    };
    assert_eq!(s, GOVREPORT_OK, "{}", last_error());
    let findings = take(out);
    assert_eq!(code_paths(&findings), owned(&GR601_TWICE));
    let first = &json(&findings)[0];
    assert_eq!((first["expected"].as_str(), first["actual"].as_str()), (Some("2"), Some("3")));
    // No options is the defaults; the threshold of copied prose is an option like any other.
    let mut out = sentinel();
    let s = unsafe { govreport_compare_json(HEALTH_2022.as_ptr(), HEALTH_2022.len(), HEALTH_2023.as_ptr(), HEALTH_2023.len(), null(), &mut out) };
    assert_eq!(s, GOVREPORT_OK, "{}", last_error());
    assert!(codes(&take(out)).contains(&"GR606".to_string()));
    let mut out = sentinel();
    let s = unsafe {
        govreport_compare_json(HEALTH_2022.as_ptr(), HEALTH_2022.len(), HEALTH_2023.as_ptr(), HEALTH_2023.len(), c"{\"copy_threshold\":1.5}".as_ptr(), &mut out)
    };
    assert_eq!(s, GOVREPORT_ERROR_INVALID);
    assert!(last_error().contains("copy_threshold"), "{}", last_error());
    assert_eq!(out, sentinel());
}

#[test]
fn compare_json_encoded_in_gb18030_is_the_utf8_result() {
    let (prev, cur) = (gb18030(EDUCATION_2022), gb18030(EDUCATION_2023));
    assert!(std::str::from_utf8(&cur).is_err(), "the GB18030 form differs from UTF-8");
    let (mut a, mut b) = (sentinel(), sentinel());
    unsafe {
        assert_eq!(
            govreport_compare_json(EDUCATION_2022.as_ptr(), EDUCATION_2022.len(), EDUCATION_2023.as_ptr(), EDUCATION_2023.len(), DATED.as_ptr(), &mut a),
            GOVREPORT_OK
        );
        let s = govreport_compare_json_encoded(prev.as_ptr(), prev.len(), cur.as_ptr(), cur.len(), DATED.as_ptr(), GOVREPORT_ENCODING_GB18030, &mut b);
        assert_eq!(s, GOVREPORT_OK, "{}", last_error());
        assert_eq!(take(a), from_gb18030(b));
        let mut c = sentinel();
        let s = govreport_compare_json_encoded(prev.as_ptr(), prev.len(), cur.as_ptr(), cur.len(), null(), 5, &mut c);
        assert_eq!(s, GOVREPORT_ERROR_INVALID_ARGUMENT);
        assert_eq!(c, sentinel());
    }
}

#[test]
fn compare_json_says_which_document_is_wrong() {
    let broken = br#"{"format":"2021","year":2023,"agency":{"name":"x","kind":"department"},"requests":{"new":{"total":-1}}}"#;
    let mut out = sentinel();
    unsafe {
        let s = govreport_compare_json(broken.as_ptr(), broken.len(), EDUCATION_2023.as_ptr(), EDUCATION_2023.len(), null(), &mut out);
        assert_eq!(s, GOVREPORT_ERROR_STRUCTURE);
        assert!(last_error().starts_with("previous: /requests/new/total"), "{}", last_error());
        assert_eq!(text(govreport_last_error_pointer()), "/requests/new/total");
        assert!(text(govreport_last_error_text(c"zh".as_ptr(), GOVREPORT_ENCODING_UTF8)).starts_with("previous："));
        let s = govreport_compare_json(EDUCATION_2022.as_ptr(), EDUCATION_2022.len(), b"{".as_ptr(), 1, null(), &mut out);
        assert_eq!(s, GOVREPORT_ERROR_SYNTAX);
        assert!(last_error().starts_with("current: "), "{}", last_error());
        let s = govreport_compare_json(null(), 0, EDUCATION_2023.as_ptr(), EDUCATION_2023.len(), null(), &mut out);
        assert_eq!(s, GOVREPORT_ERROR_NULL_ARGUMENT);
        assert!(last_error().contains("`previous`"), "{}", last_error());
        let s = govreport_compare_json(EDUCATION_2022.as_ptr(), EDUCATION_2022.len(), null(), 0, null(), &mut out);
        assert_eq!(s, GOVREPORT_ERROR_NULL_ARGUMENT);
        assert!(last_error().contains("`current`"), "{}", last_error());
        let s = govreport_compare_json(EDUCATION_2022.as_ptr(), EDUCATION_2022.len(), EDUCATION_2023.as_ptr(), EDUCATION_2023.len(), null(), null_mut());
        assert_eq!(s, GOVREPORT_ERROR_NULL_ARGUMENT);
        let big = vec![b' '; (govreport::limits::MAX_INPUT_BYTES + 1) as usize];
        let s = govreport_compare_json(EDUCATION_2022.as_ptr(), EDUCATION_2022.len(), big.as_ptr(), big.len(), null(), &mut out);
        assert_eq!(s, GOVREPORT_ERROR_TOO_LARGE);
        assert!(last_error().starts_with("current: "), "{}", last_error());
        let bad = b"{\"format\":\"\xff\"}";
        let s = govreport_compare_json(bad.as_ptr(), bad.len(), EDUCATION_2023.as_ptr(), EDUCATION_2023.len(), null(), &mut out);
        assert_eq!(s, GOVREPORT_ERROR_ENCODING);
        let s = govreport_compare_json_encoded(
            bad.as_ptr(),
            bad.len(),
            EDUCATION_2023.as_ptr(),
            EDUCATION_2023.len(),
            null(),
            GOVREPORT_ENCODING_GB18030,
            &mut out,
        );
        assert_eq!(s, GOVREPORT_ERROR_ENCODING);
        assert!(last_error().contains("`previous`"), "{}", last_error());
    }
    assert_eq!(out, sentinel());
}

#[test]
fn report_compare_gives_a_findings_handle() {
    let (prev, cur) = (from_json(EDUCATION_2022, GOVREPORT_ENCODING_UTF8), from_json(EDUCATION_2023, GOVREPORT_ENCODING_UTF8));
    unsafe {
        let mut f = sentinel();
        assert_eq!(govreport_report_compare(prev, cur, DATED.as_ptr(), &mut f), GOVREPORT_OK, "{}", last_error());
        govreport_report_free(prev); // the findings do not depend on the reports
        assert_eq!(govreport_findings_count(f), 2);
        let mut all = sentinel();
        assert_eq!(govreport_findings_to_json(f, &mut all), GOVREPORT_OK);
        assert_eq!(code_paths(&take(all)), owned(&GR601_TWICE));
        govreport_findings_free(f);
        // A handle compared with itself: no deadlock, and the years do not follow.
        let mut f = sentinel();
        assert_eq!(govreport_report_compare(cur, cur, null(), &mut f), GOVREPORT_OK, "{}", last_error());
        let mut all = sentinel();
        assert_eq!(govreport_findings_to_json(f, &mut all), GOVREPORT_OK);
        assert!(codes(&take(all)).contains(&"GR604".to_string()));
        govreport_findings_free(f);
        let mut f = sentinel();
        assert_eq!(govreport_report_compare(null(), cur, null(), &mut f), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert!(last_error().contains("`previous`"));
        assert_eq!(govreport_report_compare(cur, null(), null(), &mut f), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(govreport_report_compare(cur, cur, null(), null_mut()), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(govreport_report_compare(cur, cur, c"{\"disable\":[\"XX\"]}".as_ptr(), &mut f), GOVREPORT_ERROR_INVALID);
        assert_eq!(govreport_report_compare(cur, cur, c"{\"lang\":\"\xe4\"}".as_ptr(), &mut f), GOVREPORT_ERROR_ENCODING);
        assert_eq!(f, sentinel());
        govreport_report_free(cur);
    }
}

#[test]
fn report_compare_in_opposite_orders_on_threads_does_not_deadlock() {
    let a = from_json(EDUCATION_2022, GOVREPORT_ENCODING_UTF8) as usize;
    let b = from_json(&gb18030(EDUCATION_2023), GOVREPORT_ENCODING_GB18030) as usize;
    let threads: Vec<_> = (0..4)
        .map(|t| {
            std::thread::spawn(move || {
                let (x, y) = if t % 2 == 0 { (a, b) } else { (b, a) };
                for _ in 0..50 {
                    let mut f = null_mut();
                    let s = unsafe { govreport_report_compare(x as *const govreport_report, y as *const govreport_report, null(), &mut f) };
                    assert_eq!(s, GOVREPORT_OK);
                    unsafe { govreport_findings_free(f) };
                }
            })
        })
        .collect();
    for t in threads {
        assert!(t.join().is_ok());
    }
    unsafe {
        govreport_report_free(a as *mut govreport_report);
        govreport_report_free(b as *mut govreport_report);
    }
}

#[test]
fn aggregate_json_rolls_the_county_up() {
    let units = array(&[EDUCATION_2023, HEALTH_2023, MINHE_2023]);
    let mut out = sentinel();
    let s = unsafe { govreport_aggregate_json(units.as_ptr(), units.len(), COUNTY.as_ptr(), &mut out) };
    assert_eq!(s, GOVREPORT_OK, "{}", last_error());
    let up = json(&take(out));
    assert_eq!(up["report"]["requests"]["new"]["total"], 38);
    assert_eq!(up["report"]["agency"]["name"], "进贤县人民政府");
    assert_eq!(up["units"], serde_json::json!(["进贤县教育体育局", "进贤县卫生健康委员会", "进贤县民和镇人民政府"]));
    assert_eq!(up["gaps"], serde_json::json!([{"pointer": "/proactive/licensing", "units": ["进贤县民和镇人民政府"]}]));
    // The same in GB18030, both ways.
    let (gb_units, gb_county) = (gb18030(&units), gb18030(COUNTY.to_bytes_with_nul()));
    let mut out = sentinel();
    let s = unsafe { govreport_aggregate_json_encoded(gb_units.as_ptr(), gb_units.len(), gb_county.as_ptr().cast(), GOVREPORT_ENCODING_GB18030, &mut out) };
    assert_eq!(s, GOVREPORT_OK, "{}", last_error());
    assert_eq!(json(&from_gb18030(out)), up);
}

#[test]
fn aggregate_json_refuses_what_cannot_be_rolled_up() {
    let mut out = sentinel();
    let agg = |doc: &[u8], agency: &CStr, out: &mut *mut c_char| unsafe { govreport_aggregate_json(doc.as_ptr(), doc.len(), agency.as_ptr(), out) };
    // Mixed years: the core's message, naming the report.
    assert_eq!(agg(&array(&[EDUCATION_2023, HEALTH_2022]), COUNTY, &mut out), GOVREPORT_ERROR_INVALID);
    assert!(last_error().contains("reports[1] (进贤县卫生健康委员会)"), "{}", last_error());
    // 2007-regime prose, an empty list, not a list.
    assert_eq!(agg(&array(&[SEED]), COUNTY, &mut out), GOVREPORT_ERROR_INVALID);
    assert_eq!(agg(b"[]", COUNTY, &mut out), GOVREPORT_ERROR_INVALID);
    assert!(last_error().contains("no report"), "{}", last_error());
    assert_eq!(agg(EDUCATION_2023, COUNTY, &mut out), GOVREPORT_ERROR_STRUCTURE);
    assert!(last_error().contains("array"), "{}", last_error());
    assert_eq!(agg(b"[1]", COUNTY, &mut out), GOVREPORT_ERROR_STRUCTURE);
    assert_eq!(text(govreport_last_error_pointer()), "/0");
    // An element that is no report names itself and the place in it.
    let broken = br#"{"format":"2021","year":2023,"agency":{"name":"x","kind":"department"},"requests":{"new":{"total":-1}}}"#;
    assert_eq!(agg(&array(&[EDUCATION_2023, broken]), COUNTY, &mut out), GOVREPORT_ERROR_STRUCTURE);
    assert!(last_error().starts_with("reports[1]: /requests/new/total"), "{}", last_error());
    assert_eq!(text(govreport_last_error_pointer()), "/1/requests/new/total");
    // Each element goes to the core as the text it is: a duplicate key fails as it would alone.
    let twice = br#"{"format":"2021","year":2023,"year":2024,"agency":{"name":"x","kind":"department"}}"#;
    assert_eq!(agg(&array(&[EDUCATION_2023, twice]), COUNTY, &mut out), GOVREPORT_ERROR_STRUCTURE);
    assert!(last_error().contains("appears twice"), "{}", last_error());
    assert_eq!(text(govreport_last_error_pointer()), "/1/year");
    let unknown = br#"{"format":"2031","year":2023,"agency":{"name":"x","kind":"department"}}"#;
    assert_eq!(agg(&array(&[unknown]), COUNTY, &mut out), GOVREPORT_ERROR_UNKNOWN_FORMAT);
    assert_eq!(text(govreport_last_error_pointer()), "/0/format");
    // Truncated at every length: a status, never a crash.
    let units = array(&[EDUCATION_2023, MINHE_2023]);
    for cut in (0..units.len()).step_by(97) {
        // A cut inside a character is an encoding error; elsewhere, JSON that stops short.
        let want = if std::str::from_utf8(&units[..cut]).is_ok() { GOVREPORT_ERROR_SYNTAX } else { GOVREPORT_ERROR_ENCODING };
        assert_eq!(agg(&units[..cut], COUNTY, &mut out), want, "cut at {cut}");
    }
    // The agency is read as a document's agency.
    assert_eq!(agg(&units, c"{\"name\":\"x\",\"kind\":\"ministry\"}", &mut out), GOVREPORT_ERROR_STRUCTURE);
    assert_eq!(text(govreport_last_error_pointer()), "/agency/kind");
    assert_eq!(agg(&units, c"{\"name\":", &mut out), GOVREPORT_ERROR_SYNTAX);
    assert_eq!(agg(&units, c"[]", &mut out), GOVREPORT_ERROR_STRUCTURE);
    unsafe {
        assert_eq!(govreport_aggregate_json(null(), 0, COUNTY.as_ptr(), &mut out), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(govreport_aggregate_json(units.as_ptr(), units.len(), null(), &mut out), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(govreport_aggregate_json(units.as_ptr(), units.len(), COUNTY.as_ptr(), null_mut()), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(govreport_aggregate_json_encoded(units.as_ptr(), units.len(), COUNTY.as_ptr(), 2, &mut out), GOVREPORT_ERROR_INVALID_ARGUMENT);
        let bad = b"[\"\xff\"]";
        assert_eq!(govreport_aggregate_json(bad.as_ptr(), bad.len(), COUNTY.as_ptr(), &mut out), GOVREPORT_ERROR_ENCODING);
    }
    assert_eq!(out, sentinel());
}

#[test]
fn aggregate_json_refuses_a_sum_past_the_largest_count() {
    let doc = format!(r#"{{"format":"2021","year":2023,"agency":{{"name":"x","kind":"department"}},"proactive":{{"penalty":{}}}}}"#, u64::MAX);
    let units = array(&[doc.as_bytes(), doc.as_bytes()]);
    let mut out = sentinel();
    assert_eq!(unsafe { govreport_aggregate_json(units.as_ptr(), units.len(), COUNTY.as_ptr(), &mut out) }, GOVREPORT_ERROR_INVALID);
    assert!(last_error().contains("/proactive/penalty"), "{}", last_error());
    assert_eq!(out, sentinel());
}

#[test]
fn aggregate_handles_give_a_new_handle_and_the_gaps() {
    let units = [
        from_json(EDUCATION_2023, GOVREPORT_ENCODING_UTF8),
        from_json(&gb18030(HEALTH_2023), GOVREPORT_ENCODING_GB18030),
        from_json(MINHE_2023, GOVREPORT_ENCODING_UTF8),
    ];
    let ptrs: Vec<*mut govreport_report> = units.to_vec();
    unsafe {
        let (mut r, mut gaps) = (sentinel(), sentinel());
        let s = govreport_aggregate(ptrs.as_ptr(), ptrs.len(), COUNTY.as_ptr(), GOVREPORT_ENCODING_UTF8, &mut r, &mut gaps);
        assert_eq!(s, GOVREPORT_OK, "{}", last_error());
        assert_eq!(json(&take(gaps)), serde_json::json!([{"pointer": "/proactive/licensing", "units": ["进贤县民和镇人民政府"]}]));
        let mut v = sentinel();
        assert_eq!(govreport_report_get(r, c"/requests/new/total".as_ptr(), &mut v), GOVREPORT_OK);
        assert_eq!(take(v), "38");
        let mut v = sentinel();
        assert_eq!(govreport_report_get(r, c"/proactive/licensing".as_ptr(), &mut v), GOVREPORT_OK);
        assert_eq!(take(v), "null", "blank, not the sum of the others");
        govreport_report_free(r);
        // Gaps may be skipped; a GB18030 roll-up takes its agency and gives its text in GB18030.
        let county = gb18030(COUNTY.to_bytes_with_nul());
        let mut r = sentinel();
        let s = govreport_aggregate(ptrs.as_ptr(), 2, county.as_ptr().cast(), GOVREPORT_ENCODING_GB18030, &mut r, null_mut());
        assert_eq!(s, GOVREPORT_OK, "{}", last_error());
        let mut v = sentinel();
        assert_eq!(govreport_report_get(r, c"/agency/name".as_ptr(), &mut v), GOVREPORT_OK);
        assert_eq!(from_gb18030(v), "\"进贤县人民政府\"");
        govreport_report_free(r);
        // One handle twice is allowed (and locks one at a time).
        let twice = [ptrs[0], ptrs[0]];
        let mut r = sentinel();
        assert_eq!(govreport_aggregate(twice.as_ptr(), 2, COUNTY.as_ptr(), GOVREPORT_ENCODING_UTF8, &mut r, null_mut()), GOVREPORT_OK);
        let mut v = sentinel();
        assert_eq!(govreport_report_get(r, c"/requests/new/total".as_ptr(), &mut v), GOVREPORT_OK);
        assert_eq!(take(v), "34");
        govreport_report_free(r);

        // Misuse.
        let (mut r, mut gaps) = (sentinel(), sentinel());
        assert_eq!(govreport_aggregate(null(), 0, COUNTY.as_ptr(), 0, &mut r, &mut gaps), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(govreport_aggregate(ptrs.as_ptr(), 0, COUNTY.as_ptr(), 0, &mut r, &mut gaps), GOVREPORT_ERROR_INVALID);
        assert!(last_error().contains("no report"), "{}", last_error());
        let holey = [ptrs[0], null_mut()];
        assert_eq!(govreport_aggregate(holey.as_ptr(), 2, COUNTY.as_ptr(), 0, &mut r, &mut gaps), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert!(last_error().contains("reports[1]"), "{}", last_error());
        assert_eq!(govreport_aggregate(ptrs.as_ptr(), usize::MAX, COUNTY.as_ptr(), 0, &mut r, &mut gaps), GOVREPORT_ERROR_INVALID_ARGUMENT);
        assert_eq!(govreport_aggregate(ptrs.as_ptr(), 3, null(), 0, &mut r, &mut gaps), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(govreport_aggregate(ptrs.as_ptr(), 3, COUNTY.as_ptr(), 0, null_mut(), &mut gaps), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(govreport_aggregate(ptrs.as_ptr(), 3, COUNTY.as_ptr(), 9, &mut r, &mut gaps), GOVREPORT_ERROR_INVALID_ARGUMENT);
        let mixed = from_json(HEALTH_2022, GOVREPORT_ENCODING_UTF8);
        let with_mixed = [ptrs[0], mixed];
        assert_eq!(govreport_aggregate(with_mixed.as_ptr(), 2, COUNTY.as_ptr(), 0, &mut r, &mut gaps), GOVREPORT_ERROR_INVALID);
        assert!(last_error().contains("reports[1]"), "{}", last_error());
        assert_eq!((r, gaps), (sentinel(), sentinel()));
        govreport_report_free(mixed);
        for u in units {
            govreport_report_free(u);
        }
    }
}

/// A report no batch may read: a negative count.
const BROKEN: &[u8] = br#"{"format":"2021","year":2023,"agency":{"name":"x","kind":"department"},"requests":{"new":{"total":-1}}}"#;

/// The 民和镇 report with the 教育体育局's prose copied into it (sections, whole).
fn copied_minhe() -> Vec<u8> {
    let mut copy = json(std::str::from_utf8(MINHE_2023).unwrap_or_default());
    copy["sections"] = json(std::str::from_utf8(EDUCATION_2023).unwrap_or_default())["sections"].clone();
    copy.to_string().into_bytes()
}

/// The county's three 2023 reports, a broken one in the middle and a copy at the end.
fn batch_docs() -> Vec<Vec<u8>> {
    vec![EDUCATION_2023.to_vec(), BROKEN.to_vec(), HEALTH_2023.to_vec(), MINHE_2023.to_vec(), copied_minhe()]
}

fn check_many(input: &[u8], options: &CStr, encoding: govreport_encoding) -> Result<*mut c_char, govreport_status> {
    let mut out = sentinel();
    match unsafe { govreport_check_many_json(input.as_ptr(), input.len(), options.as_ptr(), encoding, &mut out) } {
        GOVREPORT_OK => Ok(out),
        s => {
            assert_eq!(out, sentinel(), "written on failure");
            Err(s)
        }
    }
}

/// What Python's `check_many` gives for `docs` (bindings/python/src/check.rs `check_batch`),
/// made here from the core: each report's check, then the core's `Batch` over the readable
/// ones, named by agency, its findings added to the unit they concern; errors as
/// `{"error":{kind, pointer, message}}`.
fn expected_batch(docs: &[Vec<u8>], options: &govreport::Options) -> serde_json::Value {
    let mut items = Vec::new();
    let mut batch = govreport::across::Batch::new();
    let mut position = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        match govreport::parse_json(doc) {
            Ok(report) => {
                items.push(Ok(govreport::check(&report, options).unwrap()));
                let name = report.meta().agency.name.trim().to_string();
                batch.add(if name.is_empty() { format!("reports[{i}]") } else { name }, &report);
                position.push(i);
            }
            Err(e) => items.push(Err(serde_json::to_value(e.json(options.lang)).unwrap())),
        }
    }
    for (unit, f) in batch.findings(options).unwrap() {
        if let Ok(findings) = &mut items[position[unit]] {
            findings.0.extend(f.0);
        }
    }
    serde_json::Value::Array(
        items
            .into_iter()
            .map(|item| match item {
                Ok(f) => serde_json::json!({ "findings": json(&f.to_json()) }),
                Err(e) => serde_json::json!({ "error": e }),
            })
            .collect(),
    )
}

#[test]
fn check_many_json_checks_each_report_and_adds_the_batch_findings() {
    let docs = batch_docs();
    let refs: Vec<&[u8]> = docs.iter().map(Vec::as_slice).collect();
    let out = check_many(&array(&refs), DATED, GOVREPORT_ENCODING_UTF8).unwrap_or_else(|s| panic!("{s:?}: {}", last_error()));
    assert_eq!(last_error(), "");
    let got = json(&take(out));
    let options = govreport::Options::from_json(DATED.to_str().unwrap_or_default()).unwrap();
    assert_eq!(got, expected_batch(&docs, &options));
    let items = got.as_array().cloned().unwrap_or_default();
    assert_eq!(items.len(), 5, "one item per report, in order");
    // The broken report is an error in its place; the others are still checked.
    assert_eq!((&items[1]["error"]["kind"], &items[1]["error"]["pointer"]), (&serde_json::json!("structure"), &serde_json::json!("/requests/new/total")));
    assert_eq!(items[1]["error"]["errors"][0]["type"], "negative_count");
    assert!(items[1]["error"]["message"].as_str().unwrap_or_default().starts_with("/requests/new/total："), "{}", items[1]);
    // A report with no batch finding has exactly govreport_check_json's findings.
    for (i, doc) in [(0, EDUCATION_2023), (2, HEALTH_2023), (3, MINHE_2023)] {
        let mut one = sentinel();
        assert_eq!(unsafe { govreport_check_json(doc.as_ptr(), doc.len(), DATED.as_ptr(), &mut one) }, GOVREPORT_OK);
        let alone = json(&take(one));
        assert_eq!(items[i]["findings"], alone, "reports[{i}]");
    }
    // The copy: GR701 on the later unit, naming the earlier one, after the report's own.
    let last = items[4]["findings"].as_array().cloned().unwrap_or_default();
    let gr701: Vec<&serde_json::Value> = last.iter().filter(|f| f["code"] == "GR701").collect();
    assert!(!gr701.is_empty(), "{last:?}");
    assert!(gr701.iter().all(|f| f["message"].as_str().unwrap_or_default().contains("进贤县教育体育局")), "{gr701:?}");
    assert_eq!(last.last().map(|f| &f["code"]), Some(&serde_json::json!("GR701")));
    assert!(!items[0]["findings"].as_array().is_some_and(|f| f.iter().any(|f| f["code"] == "GR701")), "not on the earlier unit");
    // The batch rules are switched off like any other.
    let out = check_many(&array(&refs), c"{\"today\":\"2026-11-26\",\"disable\":[\"GR7\"]}", GOVREPORT_ENCODING_UTF8).unwrap();
    assert!(!take(out).contains("GR701"));
}

#[test]
fn check_many_json_reads_json_lines_too() {
    let docs = batch_docs();
    let refs: Vec<&[u8]> = docs.iter().map(Vec::as_slice).collect();
    let from_array = take(check_many(&array(&refs), DATED, GOVREPORT_ENCODING_UTF8).unwrap());
    // One document per line, CRLF and blank lines between them; whitespace before the array.
    let mut lines = b"\n".to_vec();
    for d in &docs {
        lines.extend_from_slice(&json(std::str::from_utf8(d).unwrap_or_default()).to_string().into_bytes());
        lines.extend_from_slice(b"\r\n  \n");
    }
    assert_eq!(take(check_many(&lines, DATED, GOVREPORT_ENCODING_UTF8).unwrap()), from_array);
    let mut spaced = b" \n\t".to_vec();
    spaced.extend_from_slice(&array(&refs));
    assert_eq!(take(check_many(&spaced, DATED, GOVREPORT_ENCODING_UTF8).unwrap()), from_array);
    // A line that is not JSON is an error item of its own.
    let mut torn = lines.clone();
    torn.extend_from_slice(b"{\"format\":\n");
    let items = json(&take(check_many(&torn, DATED, GOVREPORT_ENCODING_UTF8).unwrap()));
    assert_eq!(items.as_array().map(Vec::len), Some(6));
    assert_eq!((&items[5]["error"]["kind"], &items[5]["error"]["pointer"]), (&serde_json::json!("syntax"), &serde_json::Value::Null));
    // Nothing to check is an empty batch; so is an empty array.
    for empty in [&b""[..], b"\n \n", b"[]", b" [ ] "] {
        assert_eq!(take(check_many(empty, DATED, GOVREPORT_ENCODING_UTF8).unwrap()), "[]");
    }
    // Elements that are no report documents are errors in their place.
    let items = json(&take(check_many(b"[1, {}, null]", DATED, GOVREPORT_ENCODING_UTF8).unwrap()));
    assert_eq!(items.as_array().map(|a| a.iter().all(|i| i["error"]["kind"] == "structure")), Some(true), "{items}");
}

#[test]
fn check_many_json_in_gb18030_and_in_english() {
    let docs = batch_docs();
    let refs: Vec<&[u8]> = docs.iter().map(Vec::as_slice).collect();
    let utf8 = array(&refs);
    let from_utf8 = take(check_many(&utf8, DATED, GOVREPORT_ENCODING_UTF8).unwrap());
    let gb = gb18030(&utf8);
    assert!(std::str::from_utf8(&gb).is_err(), "the GB18030 form differs from UTF-8");
    let out = check_many(&gb, DATED, GOVREPORT_ENCODING_GB18030).unwrap_or_else(|s| panic!("{s:?}: {}", last_error()));
    assert_eq!(from_gb18030(out), from_utf8);
    // Messages, of findings and of errors, in the options' language.
    let en = c"{\"today\":\"2026-11-26\",\"lang\":\"en\"}";
    let items = json(&take(check_many(&utf8, en, GOVREPORT_ENCODING_UTF8).unwrap()));
    let options = govreport::Options::from_json(en.to_str().unwrap_or_default()).unwrap();
    assert_eq!(items, expected_batch(&docs, &options));
    assert!(items[1]["error"]["message"].as_str().unwrap_or_default().starts_with("/requests/new/total: "), "{}", items[1]);
}

#[test]
fn check_many_json_misuse_gives_statuses_and_leaves_the_output() {
    let units = array(&[EDUCATION_2023, HEALTH_2023]);
    let u = units.as_ptr();
    let mut out = sentinel();
    unsafe {
        assert_eq!(govreport_check_many_json(null(), 0, null(), GOVREPORT_ENCODING_UTF8, &mut out), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert!(last_error().contains("`reports`"), "{}", last_error());
        assert_eq!(govreport_check_many_json(u, units.len(), null(), GOVREPORT_ENCODING_UTF8, null_mut()), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert!(last_error().contains("`results_out`"), "{}", last_error());
        assert_eq!(govreport_check_many_json(u, units.len(), null(), 2, &mut out), GOVREPORT_ERROR_INVALID_ARGUMENT);
        let big = vec![b' '; (govreport::limits::MAX_INPUT_BYTES + 1) as usize];
        assert_eq!(govreport_check_many_json(big.as_ptr(), big.len(), null(), GOVREPORT_ENCODING_UTF8, &mut out), GOVREPORT_ERROR_TOO_LARGE);
    }
    let many = |input: &[u8], options: &CStr| check_many(input, options, GOVREPORT_ENCODING_UTF8).map(take);
    assert_eq!(many(&units, c"{\"copy_threshold\":1.5}"), Err(GOVREPORT_ERROR_INVALID));
    assert!(last_error().contains("copy_threshold"), "{}", last_error());
    assert_eq!(many(&units, c"{\"disable\":[\"XX\"]}"), Err(GOVREPORT_ERROR_INVALID));
    assert_eq!(many(&units, c"{\"lang\":\"\xe4\"}"), Err(GOVREPORT_ERROR_ENCODING));
    // An array that is not JSON, or not an array; text not valid in its encoding.
    assert_eq!(many(b"[{}", DATED), Err(GOVREPORT_ERROR_SYNTAX));
    assert_eq!(many(b"[1] 2", DATED), Err(GOVREPORT_ERROR_SYNTAX));
    for cut in (1..units.len()).step_by(211) {
        let want = if std::str::from_utf8(&units[..cut]).is_ok() { GOVREPORT_ERROR_SYNTAX } else { GOVREPORT_ERROR_ENCODING };
        assert_eq!(many(&units[..cut], DATED), Err(want), "cut at {cut}");
    }
    assert_eq!(many(b"[\"\xff\"]", DATED), Err(GOVREPORT_ERROR_ENCODING));
    assert_eq!(many(b"{}\n\xff\n", DATED), Err(GOVREPORT_ERROR_ENCODING));
    assert_eq!(check_many(b"[\"\x81\"]", DATED, GOVREPORT_ENCODING_GB18030).map(take), Err(GOVREPORT_ERROR_ENCODING));
    assert_eq!(out, sentinel());
}

#[test]
fn import_of_the_raw_seed_checks_as_the_seed() {
    unsafe {
        let (mut r, mut notes) = (sentinel(), sentinel());
        assert_eq!(govreport_import(SEED_TXT.as_ptr(), SEED_TXT.len(), null(), &mut r, &mut notes), GOVREPORT_OK, "{}", last_error());
        assert!(json(&take(notes)).is_array());
        let mut fmt = lent();
        assert_eq!(govreport_report_format(r, &mut fmt), GOVREPORT_OK);
        assert_eq!(text(fmt), "2007");
        let mut f = sentinel();
        assert_eq!(govreport_report_check(r, null(), &mut f), GOVREPORT_OK);
        let mut all = sentinel();
        assert_eq!(govreport_findings_to_json(f, &mut all), GOVREPORT_OK);
        assert_eq!(codes(&take(all)), ["GR801", "GR801", "GR801", "GR802"]);
        govreport_findings_free(f);
        govreport_report_free(r);
        // The import findings may be skipped.
        let mut r = sentinel();
        assert_eq!(govreport_import(SEED_TXT.as_ptr(), SEED_TXT.len(), null(), &mut r, null_mut()), GOVREPORT_OK);
        govreport_report_free(r);
    }
}

#[test]
fn import_reads_gbk_bytes_as_the_text_they_are() {
    // GBK has no U+00A0 (the page's &nbsp;): as a GBK page would, the text has spaces there.
    let text_utf8 = String::from_utf8_lossy(SEED_TXT).replace('\u{a0}', " ");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text_utf8);
    assert!(!unmappable);
    let gbk = gbk.into_owned();
    assert!(std::str::from_utf8(&gbk).is_err());
    let mut a = sentinel();
    let mut b = sentinel();
    unsafe {
        assert_eq!(govreport_import_json(text_utf8.as_ptr(), text_utf8.len(), null(), &mut a), GOVREPORT_OK, "{}", last_error());
        assert_eq!(govreport_import_json(gbk.as_ptr(), gbk.len(), null(), &mut b), GOVREPORT_OK, "{}", last_error());
    }
    let (a, b) = (json(&take(a)), json(&take(b)));
    assert_eq!((a["source"].as_str(), a["encoding"].as_str()), (Some("text"), Some("UTF-8")));
    assert_eq!(b["source"], "text");
    assert_eq!(b["report"], a["report"]);
    assert_eq!(b["findings"], a["findings"]);
    // An HTML page that declares GBK, and the encoding given in the options.
    let page = format!(
        "<html><head><meta charset=\"gbk\"><title>长春经济技术开发区2012年度政府信息公开工作报告</title></head><body><pre>{text_utf8}</pre></body></html>"
    );
    let page = encoding_rs::GBK.encode(&page).0.into_owned();
    let mut c = sentinel();
    assert_eq!(unsafe { govreport_import_json(page.as_ptr(), page.len(), null(), &mut c) }, GOVREPORT_OK, "{}", last_error());
    let c = json(&take(c));
    assert_eq!((c["source"].as_str(), c["encoding"].as_str()), (Some("html"), Some("GBK")));
    let mut r = sentinel();
    let options = c"{\"encoding\":\"gb18030\",\"source\":\"text\",\"lang\":\"en\"}";
    assert_eq!(unsafe { govreport_import(gbk.as_ptr(), gbk.len(), options.as_ptr(), &mut r, null_mut()) }, GOVREPORT_OK, "{}", last_error());
    let mut v = sentinel();
    assert_eq!(unsafe { govreport_report_get(r, c"/agency/name".as_ptr(), &mut v) }, GOVREPORT_OK);
    assert_eq!(take(v), "\"长春经济技术开发区\"", "a UTF-8 handle, whatever the source's encoding");
    unsafe { govreport_report_free(r) };
}

#[test]
fn import_misuse_gives_statuses() {
    let (mut r, mut notes, mut all) = (sentinel(), sentinel(), sentinel());
    unsafe {
        assert_eq!(govreport_import(null(), 0, null(), &mut r, &mut notes), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(govreport_import(SEED_TXT.as_ptr(), SEED_TXT.len(), null(), null_mut(), &mut notes), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(govreport_import_json(SEED_TXT.as_ptr(), SEED_TXT.len(), null(), null_mut()), GOVREPORT_ERROR_NULL_ARGUMENT);
        assert_eq!(govreport_import(b"".as_ptr(), 0, null(), &mut r, &mut notes), GOVREPORT_ERROR_INVALID);
        assert!(last_error().contains("empty"), "{}", last_error());
        assert_eq!(govreport_import(b" \n".as_ptr(), 2, null(), &mut r, &mut notes), GOVREPORT_ERROR_INVALID);
        assert_eq!(govreport_import(b"%PDF-1.4\0\0\x01".as_ptr(), 11, null(), &mut r, &mut notes), GOVREPORT_ERROR_INVALID);
        let no_year = "某局政府信息公开工作报告\n一、总体情况\n本机关依法公开。".as_bytes();
        assert_eq!(govreport_import(no_year.as_ptr(), no_year.len(), null(), &mut r, &mut notes), GOVREPORT_ERROR_INVALID);
        assert!(last_error().contains("year"), "{}", last_error());
        assert_eq!(govreport_import(SEED_TXT.as_ptr(), SEED_TXT.len(), c"{\"colour\":1}".as_ptr(), &mut r, &mut notes), GOVREPORT_ERROR_INVALID);
        assert_eq!(govreport_import(SEED_TXT.as_ptr(), SEED_TXT.len(), c"{\"encoding\":\"klingon\"}".as_ptr(), &mut r, &mut notes), GOVREPORT_ERROR_INVALID);
        assert_eq!(govreport_import(SEED_TXT.as_ptr(), SEED_TXT.len(), c"{\"source\":\"pdf\"}".as_ptr(), &mut r, &mut notes), GOVREPORT_ERROR_INVALID);
        assert_eq!(govreport_import(SEED_TXT.as_ptr(), SEED_TXT.len(), c"{\"source\":\"\xff\"}".as_ptr(), &mut r, &mut notes), GOVREPORT_ERROR_ENCODING);
        assert_eq!(govreport_import(SEED_TXT.as_ptr(), SEED_TXT.len(), c"{".as_ptr(), &mut r, &mut notes), GOVREPORT_ERROR_INVALID);
        // A JSON document goes through the core's parser with its statuses.
        assert_eq!(govreport_import(b"{\"format\":".as_ptr(), 10, null(), &mut r, &mut notes), GOVREPORT_ERROR_SYNTAX);
        let big = vec![b'a'; (govreport::limits::MAX_INPUT_BYTES + 1) as usize];
        assert_eq!(govreport_import(big.as_ptr(), big.len(), null(), &mut r, &mut notes), GOVREPORT_ERROR_TOO_LARGE);
        assert_eq!(govreport_import_json(big.as_ptr(), big.len(), null(), &mut all), GOVREPORT_ERROR_TOO_LARGE);
    }
    assert_eq!((r, notes, all), (sentinel(), sentinel(), sentinel()));
    // A JSON document imports as itself, with no import findings.
    let mut r = sentinel();
    let mut notes = sentinel();
    assert_eq!(unsafe { govreport_import(SEED.as_ptr(), SEED.len(), null(), &mut r, &mut notes) }, GOVREPORT_OK, "{}", last_error());
    assert_eq!(take(notes), "[]");
    unsafe { govreport_report_free(r) };
}

#[test]
fn garbage_into_the_new_calls_is_a_status_never_a_panic() {
    // Bytes of every kind at every cut: whatever the calls make of them, no panic escapes
    // and no call reports one.
    let mut inputs: Vec<Vec<u8>> = vec![];
    for src in [SEED_TXT, EDUCATION_2023, MINHE_2023] {
        for cut in (0..src.len()).step_by(src.len() / 8 + 1) {
            inputs.push(src[..cut].to_vec());
            inputs.push(src[cut..].to_vec());
        }
    }
    inputs.push((0..=255u8).collect());
    inputs.push(b"PK\x03\x04 not a zip".to_vec());
    inputs.push(b"<html><table><tr><td>".to_vec());
    inputs.push(
        b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[".to_vec(),
    );
    for bytes in &inputs {
        unsafe {
            let mut s = null_mut();
            let st = govreport_import_json(bytes.as_ptr(), bytes.len(), null(), &mut s);
            assert_ne!(st, GOVREPORT_ERROR_PANIC, "{}", last_error());
            govreport_string_free(s);
            let mut s = null_mut();
            let st = govreport_aggregate_json(bytes.as_ptr(), bytes.len(), COUNTY.as_ptr(), &mut s);
            assert_ne!(st, GOVREPORT_ERROR_PANIC, "{}", last_error());
            govreport_string_free(s);
            let mut s = null_mut();
            let st = govreport_compare_json(EDUCATION_2022.as_ptr(), EDUCATION_2022.len(), bytes.as_ptr(), bytes.len(), null(), &mut s);
            assert_ne!(st, GOVREPORT_ERROR_PANIC, "{}", last_error());
            govreport_string_free(s);
        }
    }
    // And a panic inside one of them would be caught like any other: they all run in `guard`.
    assert_eq!(guard(|| panic!("in a roll-up")), GOVREPORT_ERROR_PANIC);
}

/// Every exported function once, on small inputs, with everything it gives freed: the test
/// that runs under Miri (`cargo +nightly miri test -p govreport-ffi --lib`), where the tests
/// that check whole reports are too slow. Miri then sees every pointer the ABI reads, writes,
/// lends and takes back.
#[test]
fn every_entry_point_once_on_a_small_report() {
    unsafe {
        let doc = r#"{"format":"2021","year":2023,"agency":{"name":"某局","kind":"department"},"requests":{"new":{"natural_person":1,"total":2}}}"#.as_bytes();
        // One-shot check, in both encodings.
        let mut out = std::ptr::null_mut();
        assert_eq!(govreport_check_json(doc.as_ptr(), doc.len(), null(), &mut out), GOVREPORT_OK);
        assert!(take(out).contains("GR203"));
        let mut out = std::ptr::null_mut();
        assert_eq!(govreport_check_json_encoded(doc.as_ptr(), doc.len(), c"{\"lang\":\"en\"}".as_ptr(), GOVREPORT_ENCODING_GB18030, &mut out), GOVREPORT_OK);
        govreport_string_free(out);
        // Errors and their texts.
        assert_eq!(govreport_check_json(b"[".as_ptr(), 1, null(), &mut out), GOVREPORT_ERROR_SYNTAX);
        assert!(!last_error().is_empty());
        let _ = text(govreport_last_error_pointer());
        let _ = text(govreport_last_error_text(c"zh".as_ptr(), GOVREPORT_ENCODING_GB18030));
        let _ = text(govreport_status_text(GOVREPORT_ERROR_SYNTAX as i32));
        let _ = text(govreport_version());

        // A handle: from JSON, set, get, complete, check, findings, to JSON, render.
        let mut r = std::ptr::null_mut();
        assert_eq!(govreport_report_from_json(doc.as_ptr(), doc.len(), GOVREPORT_ENCODING_UTF8, &mut r), GOVREPORT_OK);
        let mut format = null();
        assert_eq!(govreport_report_format(r, &mut format), GOVREPORT_OK);
        assert_eq!(govreport_report_set(r, c"/requests/new/commercial".as_ptr(), c"1".as_ptr()), GOVREPORT_OK);
        assert_eq!(govreport_report_set_count(r, c"/requests/new/research".as_ptr(), 0), GOVREPORT_OK);
        assert_eq!(govreport_report_set_text(r, c"/sections/overview".as_ptr(), c"本年新收申请2件。".as_ptr()), GOVREPORT_OK);
        let mut value = std::ptr::null_mut();
        assert_eq!(govreport_report_get(r, c"/requests/new/commercial".as_ptr(), &mut value), GOVREPORT_OK);
        assert_eq!(take(value), "1");
        let (mut count, mut state) = (0u64, govreport_cell_state::GOVREPORT_CELL_ABSENT);
        assert_eq!(govreport_report_get_count(r, c"/requests/new/commercial".as_ptr(), &mut count, &mut state), GOVREPORT_OK);
        assert_eq!((count, state), (1, govreport_cell_state::GOVREPORT_CELL_COUNT));
        let mut overview = std::ptr::null_mut();
        assert_eq!(govreport_report_get_text(r, c"/sections/overview".as_ptr(), &mut overview), GOVREPORT_OK);
        assert_eq!(take(overview), "本年新收申请2件。");
        let mut copy = std::ptr::null_mut();
        assert_eq!(govreport_report_clone(r, &mut copy), GOVREPORT_OK);
        govreport_report_free(copy);
        assert_eq!(govreport_version_number(), GOVREPORT_VERSION_NUMBER);
        let mut completion = std::ptr::null_mut();
        assert_eq!(govreport_report_complete(r, &mut completion), GOVREPORT_OK);
        govreport_string_free(completion);
        let mut f = std::ptr::null_mut();
        assert_eq!(govreport_report_check(r, null(), &mut f), GOVREPORT_OK);
        let n = govreport_findings_count(f);
        for i in 0..n {
            let mut s = null();
            assert_eq!(govreport_findings_code(f, i, &mut s), GOVREPORT_OK);
            assert_eq!(govreport_findings_name(f, i, &mut s), GOVREPORT_OK);
            assert_eq!(govreport_findings_path(f, i, &mut s), GOVREPORT_OK);
            assert_eq!(govreport_findings_message(f, i, &mut s), GOVREPORT_OK);
            let _ = text(s);
            let (mut sev, mut st) = (govreport_severity::GOVREPORT_SEVERITY_INFO, govreport_finding_status::GOVREPORT_FINDING_VIOLATED);
            assert_eq!(govreport_findings_severity(f, i, &mut sev), GOVREPORT_OK);
            assert_eq!(govreport_findings_status(f, i, &mut st), GOVREPORT_OK);
            let mut item = std::ptr::null_mut();
            assert_eq!(govreport_findings_item_json(f, i, &mut item), GOVREPORT_OK);
            govreport_string_free(item);
        }
        let mut s = null();
        assert_eq!(govreport_findings_code(f, n, &mut s), GOVREPORT_ERROR_INVALID_ARGUMENT);
        let mut all = std::ptr::null_mut();
        assert_eq!(govreport_findings_to_json(f, &mut all), GOVREPORT_OK);
        govreport_string_free(all);
        govreport_findings_free(f);
        let mut json = std::ptr::null_mut();
        assert_eq!(govreport_report_to_json(r, &mut json), GOVREPORT_OK);
        let json = take(json);
        let (mut bytes, mut len) = (std::ptr::null_mut(), 0usize);
        assert_eq!(govreport_report_render(r, c"md".as_ptr(), c"en".as_ptr(), &mut bytes, &mut len), GOVREPORT_OK);
        assert!(len > 0);
        govreport_bytes_free(bytes);

        // Across reports: compare and roll up, as JSON and as handles.
        let mut out = std::ptr::null_mut();
        assert_eq!(govreport_compare_json(doc.as_ptr(), doc.len(), json.as_ptr(), json.len(), null(), &mut out), GOVREPORT_OK);
        govreport_string_free(out);
        let mut f = std::ptr::null_mut();
        assert_eq!(govreport_report_compare(r, r, null(), &mut f), GOVREPORT_OK);
        govreport_findings_free(f);
        let both = array(&[doc, json.as_bytes()]);
        let mut out = std::ptr::null_mut();
        assert_eq!(govreport_aggregate_json(both.as_ptr(), both.len(), AGENCY.as_ptr(), &mut out), GOVREPORT_OK);
        govreport_string_free(out);
        let (mut sum, mut gaps) = (std::ptr::null_mut(), std::ptr::null_mut());
        let handles = [r, r];
        assert_eq!(govreport_aggregate(handles.as_ptr(), 2, AGENCY.as_ptr(), GOVREPORT_ENCODING_UTF8, &mut sum, &mut gaps), GOVREPORT_OK);
        govreport_string_free(gaps);
        govreport_report_free(sum);
        govreport_report_free(r);

        // Import of a pasted text, as a handle and as JSON.
        let page = "某局2023年政府信息公开工作年度报告\n一、总体情况\n本年新收申请2件。\n".as_bytes();
        let (mut r, mut found) = (std::ptr::null_mut(), std::ptr::null_mut());
        assert_eq!(govreport_import(page.as_ptr(), page.len(), null(), &mut r, &mut found), GOVREPORT_OK);
        govreport_string_free(found);
        govreport_report_free(r);
        let mut out = std::ptr::null_mut();
        assert_eq!(govreport_import_json(page.as_ptr(), page.len(), null(), &mut out), GOVREPORT_OK);
        govreport_string_free(out);
    }
}
