//! Status codes, the thread-local last error, and the panic boundary every export goes through.

use std::cell::RefCell;
use std::ffi::{CString, c_char, c_int};
use std::panic::{AssertUnwindSafe, catch_unwind};

use govreport::{Bilingual, Lang};

use crate::text::{Encoding, c_string};

/// What a call returned. `GOVREPORT_OK` is 0; every other status is in the range 6001–6099
/// so that it cannot be mistaken for an errno or another library's code.
///
/// Findings of a check are results, not statuses: a report full of errors checks with
/// `GOVREPORT_OK`. A status other than `GOVREPORT_OK` means misuse or input that is not a
/// report; `govreport_last_error()` then says what and where.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum govreport_status {
    /// The call succeeded; its out-parameters are written.
    GOVREPORT_OK = 0,
    /// A pointer argument that must not be NULL was NULL.
    GOVREPORT_ERROR_NULL_ARGUMENT = 6001,
    /// An argument is out of its range: an unknown encoding, a finding index not below the
    /// count.
    GOVREPORT_ERROR_INVALID_ARGUMENT = 6002,
    /// Text is not valid in its encoding: UTF-8, or GB18030 when the call was given
    /// `GOVREPORT_ENCODING_GB18030`.
    GOVREPORT_ERROR_ENCODING = 6003,
    /// The input is larger than the library accepts (32 MiB).
    GOVREPORT_ERROR_TOO_LARGE = 6004,
    /// The input is not JSON (or nests too deep).
    GOVREPORT_ERROR_SYNTAX = 6005,
    /// The JSON does not fit a report document: a wrong type, an unknown field, a negative
    /// count. `govreport_last_error_pointer()` names the place.
    GOVREPORT_ERROR_STRUCTURE = 6006,
    /// `format` names no known format (not "2021", "2019" or "2007").
    GOVREPORT_ERROR_UNKNOWN_FORMAT = 6007,
    /// A value given by the caller is not acceptable: options, a JSON pointer, a setting.
    GOVREPORT_ERROR_INVALID = 6008,
    /// The register's database failed: the file is not a register, is locked by another
    /// writer past the timeout, is from a newer govreport, or the disk is full (register calls).
    GOVREPORT_ERROR_DATABASE = 6009,
    /// The register has no such unit, report, version, finding or batch (register calls).
    GOVREPORT_ERROR_NOT_FOUND = 6010,
    /// A file could not be read or written (register calls).
    GOVREPORT_ERROR_IO = 6011,
    /// Memory ran out for a buffer the size of the input or of the output (as sqlite3's
    /// SQLITE_NOMEM). Nothing was changed or written; the process goes on.
    GOVREPORT_ERROR_NOMEM = 6012,
    /// A bug in govreport: a panic was caught at the boundary. Handles passed to the call
    /// stay valid and must still be freed.
    GOVREPORT_ERROR_PANIC = 6099,
}

use govreport_status::*;

impl govreport_status {
    fn from_int(status: c_int) -> Option<govreport_status> {
        [
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
            GOVREPORT_ERROR_NOMEM,
            GOVREPORT_ERROR_PANIC,
        ]
        .into_iter()
        .find(|s| *s as c_int == status)
    }

    /// The static text of the status, NUL-terminated.
    fn text(self) -> &'static std::ffi::CStr {
        match self {
            GOVREPORT_OK => c"ok",
            GOVREPORT_ERROR_NULL_ARGUMENT => c"a required pointer argument is NULL",
            GOVREPORT_ERROR_INVALID_ARGUMENT => c"an argument is out of range",
            GOVREPORT_ERROR_ENCODING => c"text is not valid in its encoding",
            GOVREPORT_ERROR_TOO_LARGE => c"input too large",
            GOVREPORT_ERROR_SYNTAX => c"input is not valid JSON",
            GOVREPORT_ERROR_STRUCTURE => c"JSON does not fit a report document",
            GOVREPORT_ERROR_UNKNOWN_FORMAT => c"unknown report format",
            GOVREPORT_ERROR_INVALID => c"a value given by the caller is not acceptable",
            GOVREPORT_ERROR_DATABASE => c"the register's database failed",
            GOVREPORT_ERROR_NOT_FOUND => c"not found in the register",
            GOVREPORT_ERROR_IO => c"a file could not be read or written",
            GOVREPORT_ERROR_NOMEM => c"out of memory",
            GOVREPORT_ERROR_PANIC => c"internal error (a bug in govreport)",
        }
    }
}

/// Why a call failed: a status and its message in both languages, and the place in the
/// document when there is one. Built from a core [`govreport::Error`] or by the ABI layer
/// for misuse (NULL, bad encoding, out of range).
#[derive(Debug, Clone)]
pub(crate) struct Failure {
    pub status: govreport_status,
    pub text: Bilingual<String>,
    pub pointer: Option<String>,
}

impl Failure {
    pub fn new(status: govreport_status, en: impl Into<String>, zh: impl Into<String>) -> Failure {
        Failure { status, text: Bilingual { zh: zh.into(), en: en.into() }, pointer: None }
    }

    /// A required pointer argument `name` is NULL.
    pub fn null(name: &str) -> Failure {
        Failure::new(GOVREPORT_ERROR_NULL_ARGUMENT, format!("argument `{name}` is NULL"), format!("参数 `{name}` 为 NULL"))
    }

    /// Argument `name` is out of range.
    pub fn argument(name: &str, en: impl std::fmt::Display, zh: impl std::fmt::Display) -> Failure {
        Failure::new(GOVREPORT_ERROR_INVALID_ARGUMENT, format!("argument `{name}`: {en}"), format!("参数 `{name}`：{zh}"))
    }

    /// Memory ran out for a buffer of `bytes` bytes.
    pub fn nomem(bytes: usize) -> Failure {
        Failure::new(GOVREPORT_ERROR_NOMEM, format!("out of memory (a buffer of {bytes} bytes)"), format!("内存不足（{bytes} 字节的缓冲区）"))
    }

    /// The failure of one of several inputs: `what` ("previous", "reports[2]") is put before
    /// the message and `pointer_prefix` ("", "/2") before the pointer, so that both say which
    /// input the core's message is about.
    pub fn within(mut self, what: &str, pointer_prefix: &str) -> Failure {
        self.text = Bilingual { zh: format!("{what}：{}", self.text.zh), en: format!("{what}: {}", self.text.en) };
        self.pointer = self.pointer.map(|p| format!("{pointer_prefix}{p}"));
        self
    }

    fn panic(payload: &(dyn std::any::Any + Send)) -> Failure {
        let what = payload.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| payload.downcast_ref::<String>().cloned()).unwrap_or_default();
        Failure::new(
            GOVREPORT_ERROR_PANIC,
            format!("internal error in govreport (please report it): {what}"),
            format!("govreport 内部错误（请报告此问题）：{what}"),
        )
    }
}

impl From<govreport::Error> for Failure {
    fn from(e: govreport::Error) -> Failure {
        use govreport::error::Category as C;
        let status = match e.first().category {
            C::TooLarge => GOVREPORT_ERROR_TOO_LARGE,
            C::Utf8 => GOVREPORT_ERROR_ENCODING,
            C::Syntax => GOVREPORT_ERROR_SYNTAX,
            C::Structure => GOVREPORT_ERROR_STRUCTURE,
            C::UnknownFormat => GOVREPORT_ERROR_UNKNOWN_FORMAT,
            C::Invalid => GOVREPORT_ERROR_INVALID,
        };
        Failure { status, text: Bilingual { zh: e.message(Lang::Zh), en: e.message(Lang::En) }, pointer: e.pointer().map(str::to_string) }
    }
}

/// The last failure on this thread, with the C strings handed out for it.
struct LastError {
    failure: Failure,
    en: CString,
    pointer: Option<CString>,
    /// What `govreport_last_error_text` returned last (its language and encoding vary).
    rendered: Option<CString>,
}

thread_local! {
    static LAST_ERROR: RefCell<Option<LastError>> = const { RefCell::new(None) };
}

fn set_last_error(failure: Option<Failure>) {
    // `try_with` fails only while the thread is being torn down; the status still tells.
    let _ = LAST_ERROR.try_with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            *slot = failure.map(|failure| LastError {
                en: c_string(&failure.text.en, Encoding::Utf8),
                pointer: failure.pointer.as_deref().map(|p| c_string(p, Encoding::Utf8)),
                rendered: None,
                failure,
            });
        }
    });
}

/// Runs the body of an export that returns a status: clears the last error, catches any
/// panic, and records the failure if there is one. Out-parameters are written by `body`
/// only as its last step, after everything that can fail.
pub(crate) fn guard(body: impl FnOnce() -> Result<(), Failure>) -> govreport_status {
    set_last_error(None);
    let failure = match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => return GOVREPORT_OK,
        Ok(Err(failure)) => failure,
        Err(payload) => Failure::panic(&*payload),
    };
    let status = failure.status;
    set_last_error(Some(failure));
    status
}

/// Runs the body of an export that returns a value rather than a status: a panic gives
/// `fallback`. The last error is left as it is.
pub(crate) fn guard_value<T>(fallback: T, body: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(fallback)
}

/// The static text of a status, e.g. "input is not valid JSON"; never NULL.
///
/// Ownership: the string is static; do not free it. An unknown number gives
/// "unknown status". Thread-safe.
#[unsafe(no_mangle)]
pub extern "C" fn govreport_status_text(status: c_int) -> *const c_char {
    guard_value(c"unknown status".as_ptr(), || govreport_status::from_int(status).map_or(c"unknown status", |s| s.text()).as_ptr())
}

/// The message of the last call on this thread that returned a status other than
/// `GOVREPORT_OK`, in English and UTF-8; "" when the last such call succeeded.
///
/// Ownership: the library owns the string. It stays valid until the next call on this
/// thread of a govreport function that returns a `govreport_status`; do not free it. Each
/// thread has its own last error.
#[unsafe(no_mangle)]
pub extern "C" fn govreport_last_error() -> *const c_char {
    guard_value(c"".as_ptr(), || {
        LAST_ERROR.try_with(|cell| cell.try_borrow().ok().and_then(|slot| slot.as_ref().map(|e| e.en.as_ptr()))).ok().flatten().unwrap_or(c"".as_ptr())
    })
}

/// The JSON pointer (RFC 6901) into the document that the last error on this thread is
/// about, e.g. "/requests/new/natural_person"; NULL when it is not about a place in a
/// document. UTF-8.
///
/// Ownership and lifetime: as for `govreport_last_error()`; do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn govreport_last_error_pointer() -> *const c_char {
    guard_value(std::ptr::null(), || {
        LAST_ERROR
            .try_with(|cell| cell.try_borrow().ok().and_then(|slot| slot.as_ref().and_then(|e| e.pointer.as_ref().map(|p| p.as_ptr()))))
            .ok()
            .flatten()
            .unwrap_or(std::ptr::null())
    })
}

/// The message of the last error on this thread in `lang` ("zh" or "en"; NULL means "zh")
/// and `encoding` (`GOVREPORT_ENCODING_UTF8` or `GOVREPORT_ENCODING_GB18030`); "" when
/// there is no error; NULL when `lang` or `encoding` is unknown.
///
/// Ownership: the library owns the string. It stays valid until the next call of this
/// function or of a govreport function that returns a `govreport_status` on this thread;
/// do not free it. Calling it does not change the last error.
///
/// # Safety
/// `lang` is NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_last_error_text(lang: *const c_char, encoding: crate::text::govreport_encoding) -> *const c_char {
    guard_value(std::ptr::null(), || {
        let Some(enc) = Encoding::from_flag(encoding) else { return std::ptr::null() };
        let lang = if lang.is_null() {
            Some(Lang::Zh)
        } else {
            // SAFETY: the caller passes a NUL-terminated string.
            unsafe { std::ffi::CStr::from_ptr(lang) }.to_str().ok().and_then(Lang::parse)
        };
        let Some(lang) = lang else { return std::ptr::null() };
        LAST_ERROR
            .try_with(|cell| {
                let Ok(mut slot) = cell.try_borrow_mut() else { return std::ptr::null() };
                match slot.as_mut() {
                    None => c"".as_ptr(),
                    Some(e) => {
                        let text = e.failure.text.get(lang);
                        e.rendered.insert(c_string(text, enc)).as_ptr()
                    }
                }
            })
            .unwrap_or(std::ptr::null())
    })
}
