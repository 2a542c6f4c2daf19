//! Text across the boundary: UTF-8 by default, GB18030 on request; owned strings and their
//! one free function.

use std::borrow::Cow;
use std::ffi::{CStr, CString, c_char};

use encoding_rs::{CoderResult, DecoderResult, GB18030};

use crate::status::{Failure, govreport_status, guard_value};

/// Which encoding the text of a call is in, both ways: the strings and bytes the caller
/// passes and the strings the library returns. One of the `GOVREPORT_ENCODING_*` values.
#[allow(non_camel_case_types)]
pub type govreport_encoding = u32;

/// UTF-8 (the default of every call that takes no encoding).
pub const GOVREPORT_ENCODING_UTF8: govreport_encoding = 0;

/// GB18030 (which includes GBK and GB2312), as legacy Chinese systems store text.
pub const GOVREPORT_ENCODING_GB18030: govreport_encoding = 1;

/// An encoding flag that was checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Encoding {
    Utf8,
    Gb18030,
}

impl Encoding {
    pub fn from_flag(flag: govreport_encoding) -> Option<Encoding> {
        match flag {
            GOVREPORT_ENCODING_UTF8 => Some(Encoding::Utf8),
            GOVREPORT_ENCODING_GB18030 => Some(Encoding::Gb18030),
            _ => None,
        }
    }

    pub fn check(flag: govreport_encoding) -> Result<Encoding, Failure> {
        Encoding::from_flag(flag).ok_or_else(|| {
            Failure::argument(
                "encoding",
                format_args!("{flag} is not GOVREPORT_ENCODING_UTF8 (0) or GOVREPORT_ENCODING_GB18030 (1)"),
                format_args!("{flag} 既不是 GOVREPORT_ENCODING_UTF8 (0) 也不是 GOVREPORT_ENCODING_GB18030 (1)"),
            )
        })
    }

    fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Gb18030 => "GB18030",
        }
    }

    /// Decodes `bytes`; `what` names them in the error.
    pub fn decode<'a>(self, bytes: &'a [u8], what: &str) -> Result<Cow<'a, str>, Failure> {
        let bad_at = match self {
            Encoding::Utf8 => match std::str::from_utf8(bytes) {
                Ok(s) => return Ok(Cow::Borrowed(s)),
                Err(e) => e.valid_up_to(),
            },
            Encoding::Gb18030 if lone_0x80(bytes).is_some() => lone_0x80(bytes).unwrap_or_default(),
            Encoding::Gb18030 => {
                let mut decoder = GB18030.new_decoder_without_bom_handling();
                let capacity = decoder.max_utf8_buffer_length_without_replacement(bytes.len()).unwrap_or(usize::MAX);
                let mut out = String::new();
                out.try_reserve_exact(capacity).map_err(|_| Failure::nomem(capacity))?;
                match decoder.decode_to_string_without_replacement(bytes, &mut out, true) {
                    (DecoderResult::InputEmpty, _) => return Ok(Cow::Owned(out)),
                    (DecoderResult::Malformed(bad, extra), read) => read.saturating_sub(bad as usize + extra as usize),
                    // The buffer was sized for the worst case, so this does not happen.
                    (DecoderResult::OutputFull, read) => read,
                }
            }
        };
        let name = self.name();
        Err(Failure::new(
            govreport_status::GOVREPORT_ERROR_ENCODING,
            format!("{what} is not valid {name} at byte {bad_at}"),
            format!("{what} 第 {bad_at} 字节处不是有效的 {name} 编码"),
        ))
    }

    /// `text` encoded into a new buffer with room for `extra` more bytes, reserved
    /// fallibly: when memory runs out the answer is NOMEM, not an abort. UTF-8 is copied as
    /// it is; GB18030 encodes every character (what its encoder cannot map becomes a numeric
    /// character reference, as in an HTML form).
    pub fn encode(self, text: &str, extra: usize) -> Result<Vec<u8>, Failure> {
        match self {
            Encoding::Utf8 => {
                let mut out = buffer(text.len().saturating_add(extra))?;
                out.extend_from_slice(text.as_bytes());
                Ok(out)
            }
            Encoding::Gb18030 => {
                let mut encoder = GB18030.new_encoder();
                let capacity = encoder.max_buffer_length_from_utf8_if_no_unmappables(text.len()).unwrap_or(usize::MAX);
                let mut out = buffer(capacity.saturating_add(extra))?;
                let mut rest = text;
                loop {
                    let (result, read, _) = encoder.encode_from_utf8_to_vec(rest, &mut out, true);
                    rest = &rest[read..];
                    match result {
                        CoderResult::InputEmpty => return Ok(out),
                        // Numeric character references took more room than the estimate.
                        CoderResult::OutputFull => {
                            let more = out.capacity().max(64);
                            out.try_reserve(more).map_err(|_| Failure::nomem(more))?;
                        }
                    }
                }
            }
        }
    }
}

/// Where a byte 0x80 stands alone in GB18030 text. GB18030 has no such character (0x80 is
/// only ever the second byte of a pair); the WHATWG decoder reads it as "€" for the sake of
/// old web pages, which would change a legacy system's text silently, so it is refused.
fn lone_0x80(bytes: &[u8]) -> Option<usize> {
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            0x00..=0x7F => i += 1,
            0x80 => return Some(i),
            // A four-byte sequence has a digit second; a pair anything else. Malformed text is
            // the decoder's to report.
            _ => i += if bytes.get(i + 1).is_some_and(u8::is_ascii_digit) { 4 } else { 2 },
        }
    }
    None
}

/// An empty buffer with room for `len` items, reserved fallibly (NOMEM when memory runs out).
pub(crate) fn buffer<T>(len: usize) -> Result<Vec<T>, Failure> {
    let mut out = Vec::new();
    out.try_reserve_exact(len).map_err(|_| Failure::nomem(len.saturating_mul(std::mem::size_of::<T>())))?;
    Ok(out)
}

/// `text` as a NUL-terminated string in `enc`. A NUL inside the text (a report may quote
/// one) becomes U+FFFD so that the C string is not cut short (documented in the header).
/// The buffer is reserved fallibly: NOMEM when memory runs out.
pub(crate) fn try_c_string(text: &str, enc: Encoding) -> Result<CString, Failure> {
    let mut bytes = if text.contains('\0') { enc.encode(&text.replace('\0', "\u{FFFD}"), 1)? } else { enc.encode(text, 1)? };
    // Neither UTF-8 nor GB18030 encodes a character other than U+0000 with a zero byte; the
    // filter keeps that an invariant checked here rather than assumed.
    bytes.retain(|&b| b != 0);
    // SAFETY: `bytes` holds no zero byte (and has room for the terminator).
    Ok(unsafe { CString::from_vec_unchecked(bytes) })
}

/// [`try_c_string`] for the library's own short texts (messages, codes, pointers): when even
/// they cannot be allocated, "" (the status still tells what happened).
pub(crate) fn c_string(text: &str, enc: Encoding) -> CString {
    try_c_string(text, enc).unwrap_or_default()
}

/// A required C string argument, decoded.
///
/// # Safety
/// `ptr` is NULL or points to a NUL-terminated string that outlives the call.
pub(crate) unsafe fn str_arg<'a>(ptr: *const c_char, name: &str, enc: Encoding) -> Result<Cow<'a, str>, Failure> {
    if ptr.is_null() {
        return Err(Failure::null(name));
    }
    // SAFETY: non-NULL and NUL-terminated per the contract above.
    let bytes = unsafe { CStr::from_ptr(ptr) }.to_bytes();
    within_limit(bytes.len(), name)?;
    enc.decode(bytes, &format!("argument `{name}`"))
}

/// An optional C string argument (NULL gives None), decoded.
///
/// # Safety
/// As for [`str_arg`].
pub(crate) unsafe fn opt_str_arg<'a>(ptr: *const c_char, name: &str, enc: Encoding) -> Result<Option<Cow<'a, str>>, Failure> {
    if ptr.is_null() { Ok(None) } else { unsafe { str_arg(ptr, name, enc) }.map(Some) }
}

/// A required out-parameter, checked before any work is done.
pub(crate) fn out_arg<'a, T>(ptr: *mut T, name: &str) -> Result<&'a mut T, Failure> {
    // SAFETY: the caller passes NULL or a pointer to writable storage for one T that lives
    // through the call; the reference is used only to write the result at the very end.
    unsafe { ptr.as_mut() }.ok_or_else(|| Failure::null(name))
}

/// The language named by `lang` ("zh", "en" …; NULL: Chinese), in `enc`.
///
/// # Safety
/// `lang` is NULL or a NUL-terminated string.
pub(crate) unsafe fn lang_arg(lang: *const c_char, enc: Encoding) -> Result<govreport::Lang, Failure> {
    match unsafe { opt_str_arg(lang, "lang", enc) }? {
        None => Ok(govreport::Lang::Zh),
        Some(l) => govreport::Lang::parse(&l).ok_or_else(|| Failure::argument("lang", format!("{l:?} is not zh or en"), format!("“{l}”不是 zh 或 en"))),
    }
}

/// Hands `bytes` to the caller through a `(uint8_t **, size_t *)` pair of out-parameters, in
/// the one allocation `govreport_bytes_free(bytes)` takes back (its length kept before it).
/// NOMEM when that allocation fails.
pub(crate) fn give_bytes(bytes: Vec<u8>, bytes_slot: &mut *mut u8, len_slot: &mut usize) -> Result<(), Failure> {
    let len = bytes.len();
    *bytes_slot = crate::render::owned_bytes(&bytes)?;
    *len_slot = len;
    Ok(())
}

/// The bytes of a `(pointer, length)` input. The length is checked against the library's
/// limit before the bytes are touched, so that a wrong length never reads past the buffer
/// of a caller who meant well, and a huge input fails fast.
///
/// # Safety
/// `ptr` is NULL or points to `len` readable bytes that outlive the call.
pub(crate) unsafe fn bytes_arg<'a>(ptr: *const u8, len: usize, name: &str) -> Result<&'a [u8], Failure> {
    if ptr.is_null() {
        return Err(Failure::null(name));
    }
    within_limit(len, name)?;
    // SAFETY: non-NULL, `len` readable bytes per the contract, and `len` is at most 32 MiB.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// Every input, whatever way it comes in, is at most the library's limit (32 MiB), and the
/// memory to read it is there (see [`WORK_FACTOR`]).
fn within_limit(len: usize, name: &str) -> Result<(), Failure> {
    let limit = govreport::limits::MAX_INPUT_BYTES;
    if len as u64 > limit {
        let e: Failure = govreport::Error::new(govreport::ErrorType::TooLarge { size: len as u64, limit }).into();
        return Err(e.within(&format!("argument `{name}`"), ""));
    }
    if len >= WORK_FROM {
        // Reserved and given back at once: address space that is there now.
        buffer::<u8>(len.saturating_mul(WORK_FACTOR))?;
    }
    Ok(())
}

/// How many times its size reading an input takes at most (its decoded text, the parsed
/// JSON, the model, the findings). Before the work starts on an input of [`WORK_FROM`] bytes
/// or more, that much memory is reserved fallibly and given back, so that a shortage is
/// `GOVREPORT_ERROR_NOMEM` rather than an abort of the host process half-way through.
const WORK_FACTOR: usize = 4;

/// Inputs smaller than this are read without the reservation.
const WORK_FROM: usize = 1 << 20;

/// A string handed to the caller, to be freed with `govreport_string_free`; NOMEM when
/// memory runs out.
pub(crate) fn owned_string(text: &str, enc: Encoding) -> Result<*mut c_char, Failure> {
    Ok(try_c_string(text, enc)?.into_raw())
}

/// Frees a string that a govreport function returned through a `char **` out-parameter
/// (findings JSON, report JSON, a value, a completion). NULL is a no-op.
///
/// Ownership: takes back ownership of `s`; do not use or free it again. Never pass a
/// `const char *` that the library lends (last error, status text, version, finding
/// fields): those are freed with what owns them. Thread-safe.
///
/// # Safety
/// `s` is NULL or a string returned through a `char **` out-parameter of govreport, not
/// freed yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_string_free(s: *mut c_char) {
    guard_value((), || {
        if !s.is_null() {
            // SAFETY: `s` came from `CString::into_raw` in `owned_string` and is freed once.
            drop(unsafe { CString::from_raw(s) });
        }
    })
}
