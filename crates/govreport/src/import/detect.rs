//! What the bytes are (JSON, HTML, text, a Word file) and how their text is encoded.

use encoding_rs::{Encoding, GB18030, UTF_8};

use super::SourceKind;
use crate::error::{Error, ErrorType};
use crate::i18n::Bilingual;

/// Text decoded from bytes.
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// Byte sequences that were not valid in it (replaced by U+FFFD).
    pub invalid: usize,
}

/// Whether the bytes are a zip archive (a .docx, or another Office file).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Refuses the binary formats the importer does not read, with a message that says what to do.
pub fn refuse_binary(bytes: &[u8]) -> Result<(), Error> {
    let what = if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Some(Bilingual::new("旧版 Word .doc（OLE）文件：请另存为 .docx 或 HTML", "an old Word .doc (OLE) file: save it as .docx or HTML"))
    } else if bytes.starts_with(b"{\\rtf") {
        Some(Bilingual::new("RTF 文件：请另存为 .docx 或 HTML", "an RTF file: save it as .docx or HTML"))
    } else {
        None
    };
    match what {
        Some(what) => Err(Error::about(ErrorType::UnreadableFormat { what }, "input")),
        None => Ok(()),
    }
}

/// The encoding named by `label` ("gb18030", "gbk", "utf-8" …).
pub fn encoding_for(label: &str) -> Result<&'static Encoding, Error> {
    Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| Error::about(ErrorType::UnknownEncoding { label: format!("{label:?}") }, "encoding"))
}

/// The charset a page declares in `<meta charset=…>` or `<meta http-equiv … content="…; charset=…">`,
/// looked for in its first 8 KB.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(8192)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta").map(|i| i + from) {
        let end = lower[at..].iter().position(|&b| b == b'>').map_or(lower.len(), |e| at + e);
        let tag = &lower[at..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest: &[u8] = {
                let skip = rest.iter().take_while(|b| matches!(b, b' ' | b'=' | b'"' | b'\'')).count();
                &rest[skip..]
            };
            let label: Vec<u8> = rest.iter().take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')).copied().collect();
            if let Some(e) = Encoding::for_label(&label) {
                // A page cannot really be UTF-16 once it has been read as ASCII here.
                if e != encoding_rs::UTF_16LE && e != encoding_rs::UTF_16BE {
                    return Some(e);
                }
            }
        }
        from = end.max(at + 1);
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn decode_with(bytes: &[u8], e: &'static Encoding) -> Decoded {
    let (text, had_errors) = e.decode_without_bom_handling(bytes);
    let invalid = if had_errors { text.chars().filter(|&c| c == '\u{FFFD}').count().max(1) } else { 0 };
    Decoded { text: text.into_owned(), encoding: e, invalid }
}

/// Whether the bytes look like markup, judged on their ASCII.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    const TAGS: &[&[u8]] = &[
        b"!doctype html",
        b"html",
        b"head",
        b"body",
        b"table",
        b"div",
        b"p>",
        b"p ",
        b"br",
        b"tr",
        b"td",
        b"span",
        b"meta",
        b"h1",
        b"h2",
        b"section",
        b"article",
        b"font",
    ];
    let head = &bytes[..bytes.len().min(65536)];
    head.iter().enumerate().filter(|(_, b)| **b == b'<').any(|(i, _)| {
        let rest = &head[i + 1..];
        TAGS.iter().any(|t| rest.len() >= t.len() && rest[..t.len()].eq_ignore_ascii_case(t))
    })
}

/// Decodes `bytes`: a byte-order mark first, then the label the caller gives, then the charset
/// an HTML page declares, then UTF-8 when the bytes are valid UTF-8, else GB18030.
///
/// A declared charset the bytes do not fit (a page saying utf-8 but saved as GBK, as portals
/// do) gives way to the other of UTF-8 and GB18030 when that one decodes cleanly.
pub fn decode(bytes: &[u8], label: Option<&str>) -> Result<Decoded, Error> {
    if let Some((e, bom)) = Encoding::for_bom(bytes) {
        return Ok(decode_with(&bytes[bom..], e));
    }
    if let Some(label) = label {
        return Ok(decode_with(bytes, encoding_for(label)?));
    }
    if looks_like_html(bytes)
        && let Some(e) = declared_charset(bytes)
    {
        let d = decode_with(bytes, e);
        if d.invalid > 0 {
            let other = if e == UTF_8 { GB18030 } else { UTF_8 };
            let o = decode_with(bytes, other);
            if o.invalid == 0 {
                return Ok(o);
            }
        }
        return Ok(d);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Decoded { text: s.to_string(), encoding: UTF_8, invalid: 0 });
    }
    Ok(decode_with(bytes, GB18030))
}

/// Whether text (white space and a byte-order mark trimmed at its start) is JSON: an object
/// that opens with a key or closes at once ("{标题}…" is text), a list, or any other JSON value
/// whole (`null`, `123`, `"…"`), which is then refused as no report document rather than read
/// as a page. The one rule for a file, standard input and the batch.
pub fn is_json(t: &str) -> bool {
    if let Some(rest) = t.strip_prefix('{') {
        // JSON, broken or not, unless words follow the brace ("{标题}…").
        return rest.trim_start().chars().next().is_none_or(|c| c.is_ascii());
    }
    if t.starts_with('[') {
        return true;
    }
    t.starts_with(|c: char| c == '"' || c == '-' || c.is_ascii_digit() || matches!(c, 't' | 'f' | 'n'))
        && serde_json::from_str::<serde::de::IgnoredAny>(t).is_ok()
}

/// [`is_json`] of bytes not yet decoded (JSON is UTF-8; a byte-order mark is skipped).
pub fn bytes_are_json(bytes: &[u8]) -> bool {
    let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(b.len());
    let b = &b[start..];
    match b.first() {
        Some(b'{') => b[1..].iter().find(|c| !c.is_ascii_whitespace()).is_none_or(u8::is_ascii),
        Some(b'[') => true,
        Some(c) if *c == b'"' || *c == b'-' || c.is_ascii_digit() || matches!(c, b't' | b'f' | b'n') => {
            serde_json::from_slice::<serde::de::IgnoredAny>(b).is_ok()
        }
        _ => false,
    }
}

/// What decoded text is: a JSON document, an HTML page or plain text.
pub fn kind_of_text(text: &str, raw: &[u8]) -> SourceKind {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    if is_json(t) {
        return SourceKind::Json;
    }
    if t.starts_with('<') || looks_like_html(raw) || looks_like_html(text.as_bytes()) {
        return SourceKind::Html;
    }
    SourceKind::Text
}
