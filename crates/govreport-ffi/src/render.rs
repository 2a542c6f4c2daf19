//! Writing a report handle in the official layout: HTML, Word, Markdown or text.

use std::ffi::c_char;

use crate::report::{govreport_report, handle};
use crate::status::{Failure, govreport_status, guard, guard_value};
use crate::text::{Encoding, give_bytes, lang_arg, out_arg, str_arg};

/// Writes the report in its format's official layout (the national template's tables with
/// their merged cells). `to` is "html", "docx", "md" or "txt"; `lang` is NULL or "zh" for
/// Chinese labels, "en" for English.
///
/// The bytes are: HTML, one self-contained page in the handle's encoding (it declares
/// `charset=utf-8` or `charset=gb18030`); docx, a Word file (always UTF-8 inside, as Word
/// requires); md and txt, text in the handle's encoding.
///
/// Ownership: on success `*bytes_out` receives a new buffer of `*len_out` bytes (not
/// NUL-terminated) that the caller frees with `govreport_bytes_free(bytes)`; on failure
/// neither is written.
///
/// Errors: NULL_ARGUMENT, ENCODING, INVALID_ARGUMENT (an unknown `to` or `lang`).
/// Thread-safe (calls on one handle are serialized).
///
/// # Safety
/// `report` is a live handle; `to` is a NUL-terminated string; `lang` is NULL or a
/// NUL-terminated string; `bytes_out` and `len_out` point to writable storage.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_report_render(
    report: *const govreport_report,
    to: *const c_char,
    lang: *const c_char,
    bytes_out: *mut *mut u8,
    len_out: *mut usize,
) -> govreport_status {
    guard(|| {
        let bytes_slot = out_arg(bytes_out, "bytes_out")?;
        let len_slot = out_arg(len_out, "len_out")?;
        let report = handle(report, "report")?;
        let enc = report.encoding();
        let to = unsafe { str_arg(to, "to", enc) }?;
        let format = govreport::RenderFormat::parse(&to)
            .ok_or_else(|| Failure::argument("to", format!("{to:?} is not html, docx, md or txt"), format!("“{to}”不是 html、docx、md 或 txt")))?;
        let lang = unsafe { lang_arg(lang, enc) }?;
        let bytes = govreport::render(&report.locked(), format, lang)?;
        let bytes = match (format, enc) {
            (govreport::RenderFormat::Markdown | govreport::RenderFormat::Text, Encoding::Gb18030) => enc.encode(&String::from_utf8_lossy(&bytes), 0)?,
            // The page declares the encoding it is written in.
            (govreport::RenderFormat::Html, Encoding::Gb18030) => enc.encode(&String::from_utf8_lossy(&bytes).replacen(UTF8_META, GB18030_META, 1), 0)?,
            _ => bytes,
        };
        give_bytes(bytes, bytes_slot, len_slot)?;
        Ok(())
    })
}

/// How the core's HTML declares its encoding, and what a GB18030 handle's page says instead.
const UTF8_META: &str = "<meta charset=\"utf-8\">";
const GB18030_META: &str = "<meta charset=\"gb18030\">";

/// Bytes before a buffer handed to the caller: its length, so that `govreport_bytes_free`
/// needs only the pointer.
const LENGTH_PREFIX: usize = std::mem::size_of::<usize>();

/// A copy of `bytes` handed to the caller, to be freed with `govreport_bytes_free`; the
/// buffer is reserved fallibly (NOMEM when memory runs out).
pub(crate) fn owned_bytes(bytes: &[u8]) -> Result<*mut u8, Failure> {
    let mut buf = crate::text::buffer::<u8>(bytes.len().saturating_add(LENGTH_PREFIX))?;
    buf.extend_from_slice(&bytes.len().to_ne_bytes());
    buf.extend_from_slice(bytes);
    // `buffer` reserved exactly this length, so the boxed slice keeps the allocation.
    let start = Box::into_raw(buf.into_boxed_slice()).cast::<u8>();
    // SAFETY: the allocation holds LENGTH_PREFIX bytes before the data.
    Ok(unsafe { start.add(LENGTH_PREFIX) })
}

/// Frees a buffer returned through a `uint8_t **` out-parameter (by
/// `govreport_report_render`). NULL is a no-op. The length is not needed: the library keeps
/// it with the buffer.
///
/// Ownership: takes back ownership of `bytes`; do not use or free it again. Thread-safe.
///
/// # Safety
/// `bytes` is NULL or a buffer returned by govreport through a `uint8_t **`, not freed yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_bytes_free(bytes: *mut u8) {
    guard_value((), || {
        if !bytes.is_null() {
            // SAFETY: `bytes` came from `owned_bytes`: LENGTH_PREFIX bytes before it hold the
            // length of the data, and the allocation is a boxed slice of both, freed once.
            unsafe {
                let start = bytes.sub(LENGTH_PREFIX);
                let len = usize::from_ne_bytes(std::ptr::read_unaligned(start.cast::<[u8; LENGTH_PREFIX]>()));
                drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(start, len + LENGTH_PREFIX)));
            }
        }
    })
}
