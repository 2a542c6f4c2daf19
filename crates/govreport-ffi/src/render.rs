//! Writing a report handle in the official layout: HTML, Word, Markdown or text.

use std::ffi::c_char;

use crate::report::{govreport_report, handle};
use crate::status::{Failure, govreport_status, guard, guard_value};
use crate::text::{Encoding, give_bytes, lang_arg, out_arg, str_arg};

/// Writes the report in its format's official layout (the national template's tables with
/// their merged cells). `to` is "html", "docx", "md" or "txt"; `lang` is NULL or "zh" for
/// Chinese labels, "en" for English.
///
/// The bytes are: HTML, one self-contained UTF-8 file (it declares `charset=utf-8`, whatever
/// the handle's encoding); docx, a Word file; md and txt, text in the handle's encoding.
///
/// Ownership: on success `*bytes_out` receives a new buffer of `*len_out` bytes (not
/// NUL-terminated) that the caller frees with `govreport_bytes_free(bytes, len)`; on failure
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
            (govreport::RenderFormat::Markdown | govreport::RenderFormat::Text, Encoding::Gb18030) => enc.encode(&String::from_utf8_lossy(&bytes)).into_owned(),
            _ => bytes,
        };
        give_bytes(bytes, bytes_slot, len_slot);
        Ok(())
    })
}

/// Frees a buffer returned through a `uint8_t **` out-parameter with its length (from
/// `govreport_report_render`). NULL is a no-op.
///
/// Ownership: takes back ownership of `bytes`; do not use or free it again. Thread-safe.
///
/// # Safety
/// `bytes` is NULL or a buffer returned by govreport with exactly `len` bytes, not freed yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn govreport_bytes_free(bytes: *mut u8, len: usize) {
    guard_value((), || {
        if !bytes.is_null() {
            // SAFETY: `bytes` and `len` came from `Box::<[u8]>::into_raw` in this library and
            // the buffer is freed once.
            drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(bytes, len)) });
        }
    })
}
