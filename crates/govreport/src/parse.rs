//! Bytes → [`Report`], with limits and errors that name the place.

use std::sync::OnceLock;

use serde_json::Value;

use crate::error::{Error, ErrorType};
use crate::json::{self, Shape};
use crate::limits::MAX_INPUT_BYTES;
use crate::model::{Format, Report};

/// Reads a report document from JSON bytes (UTF-8).
///
/// ```
/// let r = govreport::parse_json(r#"{"format":"2021","year":2023,"agency":{"name":"某局","kind":"department"}}"#.as_bytes()).unwrap();
/// assert_eq!(r.format(), govreport::Format::F2021);
/// ```
pub fn parse_json(bytes: &[u8]) -> Result<Report, Error> {
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| utf8_error(bytes, e.valid_up_to()))?;
    parse_str(text)
}

/// Reads a report document from JSON text.
pub fn parse_str(text: &str) -> Result<Report, Error> {
    if text.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large(text.len() as u64));
    }
    match parse_valid(text) {
        Some(report) => Ok(report),
        // The text is not a valid report: read it again, slowly, to say what is wrong and where.
        None => parse_explained(text),
    }
}

/// The error of an input of `size` bytes, over [`MAX_INPUT_BYTES`].
pub(crate) fn too_large(size: u64) -> Error {
    Error::new(ErrorType::TooLarge { size, limit: MAX_INPUT_BYTES })
}

/// The shape of a document of every format: the JSON Schema of the model.
pub(crate) fn report_shape() -> &'static Shape {
    static SHAPE: OnceLock<Shape> = OnceLock::new();
    SHAPE.get_or_init(|| Shape::new(crate::schema::json_schema()))
}

/// The model's definition of a document of `format` in [`report_shape`].
pub(crate) fn report_def(format: Format) -> &'static Value {
    report_shape().def(match format {
        Format::F2021 => "Report2021",
        Format::F2019 => "Report2019",
        Format::F2007 => "Report2007",
    })
}

/// The slow path: the syntax, then which format the document claims, then its shape against the
/// model's schema, every problem with its place (up to [`crate::error::MAX_PROBLEMS`]). Gives the
/// same report as [`parse_valid`] for every text that one accepts.
fn parse_explained(text: &str) -> Result<Report, Error> {
    let (value, duplicates, places) = json::read(text)?;
    let Value::Object(map) = &value else { return Err(Error::at(ErrorType::NotAnObject, "")) };
    let format = match map.get("format") {
        None => return Err(Error::at(ErrorType::MissingFormat, "")),
        Some(Value::String(s)) => Format::parse(s).ok_or_else(|| Error::at(ErrorType::UnknownFormat { found: format!("{s:?}") }, "/format"))?,
        Some(other) => return Err(Error::at(ErrorType::FormatNotString { found: other.to_string() }, "/format")),
    };
    from_value(format, value, duplicates, &places)
}

/// The typed document of `format` from a JSON value, or every problem of its shape.
pub(crate) fn from_value(format: Format, value: Value, duplicates: Vec<crate::error::Problem>, places: &json::Places) -> Result<Report, Error> {
    let problems = report_shape().problems(report_def(format), &value, duplicates, places);
    if !problems.is_empty() {
        return Err(Error::of(problems));
    }
    // The shape holds: the typed reading cannot fail (a test and a fuzz target hold the two
    // together); should it, the error says so without serde's words.
    let unexplained = |_| Error::at(ErrorType::Unexplained, "");
    Ok(match format {
        Format::F2021 => Report::F2021(serde_json::from_value(value).map_err(unexplained)?),
        Format::F2019 => Report::F2019(serde_json::from_value(value).map_err(unexplained)?),
        Format::F2007 => Report::F2007(serde_json::from_value(value).map_err(unexplained)?),
    })
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

/// The fast typed pass over a document held in another data format than JSON text (a
/// binding's own values: a Python dict), as [`parse_json`]'s fast path reads text.
///
/// `format` is the value of the document's `format` key; the model's own `format` field
/// verifies it. The data format must read only a mapping as a struct (never a sequence) and
/// stay within [`crate::limits`]. `None` when the document is not a valid report of that
/// format (or the format is unknown): the caller then writes the document as JSON text for
/// [`parse_json`], which says what is wrong and where. What it accepts, it reads as
/// [`parse_json`] reads the same document written as text.
pub fn parse_typed<'de, D: serde::Deserializer<'de>>(format: &str, document: D) -> Option<Report> {
    use serde::Deserialize as _;
    match Format::parse(format)? {
        Format::F2021 => crate::model::Report2021::deserialize(document).ok().map(Report::F2021),
        Format::F2019 => crate::model::Report2019::deserialize(document).ok().map(Report::F2019),
        Format::F2007 => crate::model::Report2007::deserialize(document).ok().map(Report::F2007),
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
                    return Err(Error::at(ErrorType::ListForObject, path_of(&stack)));
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

fn utf8_error(bytes: &[u8], offset: usize) -> Error {
    let before = String::from_utf8_lossy(&bytes[..offset]);
    let (line, column) = line_col(&before, before.len());
    Error::new(ErrorType::InvalidUtf8 { offset, line, column })
}

/// 1-based line and column (in characters) of byte `at` of `text`.
pub(crate) fn line_col(text: &str, at: usize) -> (usize, usize) {
    let head = &text.as_bytes()[..at.min(text.len())];
    let line = head.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = head.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&head[start..]).chars().count() + 1;
    (line, column)
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
