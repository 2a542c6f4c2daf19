//! Bytes → [`Report`], with limits and errors that name the place.

use serde::Deserialize;

use crate::error::Error;
use crate::limits::{MAX_DEPTH, MAX_INPUT_BYTES};
use crate::messages;
use crate::model::{Format, Report};

/// Reads a report document from JSON bytes (UTF-8).
///
/// ```
/// let r = govreport::parse_json(r#"{"format":"2021","year":2023,"agency":{"name":"某局","kind":"department"}}"#.as_bytes()).unwrap();
/// assert_eq!(r.format(), govreport::Format::F2021);
/// ```
pub fn parse_json(bytes: &[u8]) -> Result<Report, Error> {
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::TooLarge { size: bytes.len() as u64, limit: MAX_INPUT_BYTES });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| utf8_error(bytes, e.valid_up_to()))?;
    parse_str(text)
}

/// Reads a report document from JSON text.
pub fn parse_str(text: &str) -> Result<Report, Error> {
    if text.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::TooLarge { size: text.len() as u64, limit: MAX_INPUT_BYTES });
    }
    match parse_valid(text) {
        Some(report) => Ok(report),
        // The text is not a valid report: read it again, slowly, to say what is wrong and where.
        None => parse_explained(text),
    }
}

/// The slow path: every check in turn, tracking the path, so that an error names its place.
/// Gives the same report as [`parse_valid`] for every text that one accepts.
fn parse_explained(text: &str) -> Result<Report, Error> {
    // serde_json stops at 128 levels; our documents need 5, so a tighter bound is checked
    // first to give a clear message.
    check_depth(text)?;
    if !text.trim_start().starts_with('{') && !text.trim().is_empty() && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() {
        return Err(Error::Structure { pointer: String::new(), message: messages::NOT_AN_OBJECT.en(&[]) });
    }
    // First pass: syntax of the whole text, and which format it claims.
    #[derive(Deserialize)]
    struct Probe {
        format: Option<serde_json::Value>,
    }
    let probe: Probe = serde_json::from_str(text).map_err(syntax_or_structure)?;
    let format = match probe.format {
        None => return Err(Error::Structure { pointer: String::new(), message: messages::MISSING_FORMAT.en(&[]) }),
        Some(serde_json::Value::String(s)) => Format::parse(&s).ok_or_else(|| Error::UnknownFormat { found: format!("{s:?}") })?,
        Some(other) => {
            return Err(Error::Structure { pointer: "/format".into(), message: messages::FORMAT_NOT_STRING.en(&[&other]) });
        }
    };
    // serde would read a JSON array as an object's fields in order: refuse that first, so
    // that no number is ever placed by position.
    check_arrays(text, format)?;
    // Second pass: the typed document, tracking the path for errors.
    let mut de = serde_json::Deserializer::from_str(text);
    let report = match format {
        Format::F2021 => serde_path_to_error::deserialize(&mut de).map(Report::F2021),
        Format::F2019 => serde_path_to_error::deserialize(&mut de).map(Report::F2019),
        Format::F2007 => serde_path_to_error::deserialize(&mut de).map(Report::F2007),
    }
    .map_err(|e| {
        let message = clean_message(&e.inner().to_string());
        let mut pointer = pointer_of(e.path());
        // serde names a duplicate key at its object; point at the key itself.
        if let Some(key) = message.strip_prefix("duplicate field `").and_then(|m| m.split('`').next()) {
            pointer = format!("{pointer}/{}", escape(key));
        }
        Error::Structure { pointer, message }
    })?;
    Ok(report)
}

/// The fast path: one typed pass without path tracking, for text that is a valid report.
///
/// It accepts exactly what the slow path accepts. The format is guessed from the text and
/// then verified by the model's own `format` field; a text with a `[` anywhere goes through
/// [`check_arrays`] first (serde would read a list as a struct's fields); the depth needs no
/// check, because every struct of the model refuses unknown fields and so bounds the nesting
/// of any text it accepts to a few levels. Any failure returns `None`, and the slow path then
/// names the error.
fn parse_valid(text: &str) -> Option<Report> {
    let format = format_of(text)?;
    if text.as_bytes().contains(&b'[') {
        check_arrays(text, format).ok()?;
    }
    match format {
        Format::F2021 => serde_json::from_str(text).ok().map(Report::F2021),
        Format::F2019 => serde_json::from_str(text).ok().map(Report::F2019),
        Format::F2007 => serde_json::from_str(text).ok().map(Report::F2007),
    }
}

/// The value of the first `"format": "…"` in the text, as a guess for [`parse_valid`]. Inside
/// a JSON string a quote is escaped, so the pattern with its closing quote and colon matches
/// only a key (perhaps of a nested object: the typed pass then fails and the slow path runs).
fn format_of(text: &str) -> Option<Format> {
    let at = text.find("\"format\"")? + "\"format\"".len();
    let rest = text[at..].trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
    Format::parse(&rest[..rest.find('"')?])
}

fn check_depth(text: &str) -> Result<(), Error> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    let (line, column) = line_col(text, i);
                    return Err(Error::Syntax { line, column, message: messages::TOO_DEEP.en(&[&MAX_DEPTH]) });
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Keys whose value is a list: the parts and figures of a 2007 report, a figure's breakdown.
const LIST_KEYS_2007: [&str; 3] = ["sections", "figures", "breakdown"];

enum Frame<'a> {
    Object { key: Option<&'a str> },
    Array { index: usize },
}

fn path_of(stack: &[Frame]) -> String {
    let mut p = String::new();
    for f in stack {
        match f {
            Frame::Object { key: Some(k) } => {
                p.push('/');
                p.push_str(&escape(k));
            }
            Frame::Array { index } => p.push_str(&format!("/{index}")),
            Frame::Object { key: None } => {}
        }
    }
    p
}

/// Refuses a JSON array where the document has an object. Runs on text already known to be
/// valid JSON.
fn check_arrays(text: &str, format: Format) -> Result<(), Error> {
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::with_capacity(8);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                // A string followed by ':' is the key of the value that comes next.
                let mut j = i + 1;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                if bytes.get(j) == Some(&b':')
                    && let Some(Frame::Object { key }) = stack.last_mut()
                {
                    *key = text.get(start..i.min(bytes.len()));
                }
            }
            b'{' => stack.push(Frame::Object { key: None }),
            b'[' => {
                let allowed = format == Format::F2007 && matches!(stack.last(), Some(Frame::Object { key: Some(k) }) if LIST_KEYS_2007.contains(k));
                if !allowed {
                    return Err(Error::Structure { pointer: path_of(&stack), message: messages::LIST_FOR_OBJECT.en(&[]) });
                }
                stack.push(Frame::Array { index: 0 });
            }
            b'}' | b']' => {
                stack.pop();
            }
            b',' => {
                if let Some(Frame::Array { index }) = stack.last_mut() {
                    *index += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

fn syntax_or_structure(e: serde_json::Error) -> Error {
    use serde_json::error::Category;
    match e.classify() {
        Category::Data => {
            let message = clean_message(&e.to_string());
            let pointer = message.strip_prefix("duplicate field `").and_then(|m| m.split('`').next()).map(|k| format!("/{}", escape(k))).unwrap_or_default();
            Error::Structure { pointer, message }
        }
        _ => Error::Syntax { line: e.line(), column: e.column(), message: clean_message(&e.to_string()) },
    }
}

/// Drops serde_json's " at line L column C" suffix (the position is given separately).
fn clean_message(m: &str) -> String {
    match m.rfind(" at line ") {
        Some(i) if m[i..].contains(" column ") => m[..i].to_string(),
        _ => m.to_string(),
    }
}

fn utf8_error(bytes: &[u8], offset: usize) -> Error {
    let before = String::from_utf8_lossy(&bytes[..offset]);
    let (line, column) = line_col(&before, before.len());
    Error::Utf8 { offset, line, column }
}

/// 1-based line and column (in characters) of byte `at` of `text`.
pub(crate) fn line_col(text: &str, at: usize) -> (usize, usize) {
    let head = &text.as_bytes()[..at.min(text.len())];
    let line = head.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = head.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&head[start..]).chars().count() + 1;
    (line, column)
}

/// Turns a serde path into an RFC 6901 pointer.
fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        out.push('/');
        match seg {
            Segment::Seq { index } => out.push_str(&index.to_string()),
            Segment::Map { key } => out.push_str(&escape(key)),
            Segment::Enum { variant } => out.push_str(&escape(variant)),
            Segment::Unknown => out.push('?'),
        }
    }
    out
}

/// Escapes one reference token of a JSON pointer.
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Whether the fast and the slow path agree on `text` (for the fuzz target `json_check`).
#[doc(hidden)]
pub fn paths_agree(text: &str) -> bool {
    parse_valid(text) == parse_explained(text).ok()
}
