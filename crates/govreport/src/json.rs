//! Reading JSON and saying exactly what is wrong with it, in typed errors: the syntax (with the
//! place, nesting and duplicate keys), then the shape against the JSON Schema generated from the
//! model's own types ([`Shape`]). This is the slow path of every reader: it runs only on text
//! the model's typed deserialization refused, so that no text of serde is shown.

use std::collections::HashMap;

use serde_json::Value;

use crate::error::{Error, ErrorType, Expected, Found, JsonProblem, Problem};
use crate::limits::MAX_DEPTH;
use crate::model::{CellValue, Dec};
use crate::parse::{escape, line_col};

/// Where each value of a text is (byte offset), by pointer, to list problems in document
/// order; and the numbers written as a float or past 64 bits, as written, so that a message
/// can quote them exactly (1.8e19, not 18000000000000000000).
#[derive(Default)]
pub(crate) struct Places {
    at: HashMap<String, usize>,
    lexemes: HashMap<String, String>,
}

impl Places {
    fn get(&self, pointer: &str) -> Option<&usize> {
        self.at.get(pointer)
    }
}

/// Checks the syntax of `text` (nesting at most [`MAX_DEPTH`]) and reads it. Keys given twice
/// in one object are problems of the shape (the value kept is the last, as serde_json keeps),
/// returned beside the value; a syntax error is the error.
pub(crate) fn read(text: &str) -> Result<(Value, Vec<Problem>, Places), Error> {
    let mut s = Scanner { text, bytes: text.as_bytes(), i: 0, depth: 0, path: String::new(), duplicates: vec![], places: Places::default() };
    s.ws();
    let top = s.value().and_then(|()| {
        s.ws();
        if s.i < s.bytes.len() { Err((JsonProblem::TrailingCharacters, s.i)) } else { Ok(()) }
    });
    if let Err((problem, at)) = top {
        let (line, column) = line_col(text, at);
        return Err(Error::new(ErrorType::JsonSyntax { line, column, problem }));
    }
    // The scanner accepts what serde_json accepts; should they ever disagree, the error is still
    // typed and placed.
    let value: Value =
        serde_json::from_str(text).map_err(|e| Error::new(ErrorType::JsonSyntax { line: e.line(), column: e.column(), problem: JsonProblem::Invalid }))?;
    Ok((value, s.duplicates, s.places))
}

/// Reads JSON text given by a caller (an agency, an array of documents …) into a value, with a
/// typed syntax error.
pub fn parse_value(text: &str) -> Result<Value, Error> {
    read(text).map(|(v, ..)| v)
}

type Step = Result<(), (JsonProblem, usize)>;

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    i: usize,
    depth: usize,
    /// The pointer of the value being read.
    path: String,
    duplicates: Vec<Problem>,
    places: Places,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn value(&mut self) -> Step {
        self.places.at.insert(self.path.clone(), self.i);
        match self.peek() {
            None => Err((JsonProblem::EndInValue, self.i)),
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => self.string().map(|_| ()),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true"),
            Some(b'f') => self.literal("false"),
            Some(b'n') => self.literal("null"),
            Some(_) => Err((JsonProblem::ExpectedValue, self.i)),
        }
    }

    fn open(&mut self) -> Step {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err((JsonProblem::TooDeep, self.i));
        }
        self.i += 1;
        Ok(())
    }

    fn object(&mut self) -> Step {
        self.open()?;
        let mut keys: Vec<String> = vec![];
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            self.depth -= 1;
            return Ok(());
        }
        loop {
            self.ws();
            match self.peek() {
                Some(b'"') => {}
                None => return Err((JsonProblem::EndInObject, self.i)),
                Some(b'}') if !keys.is_empty() => return Err((JsonProblem::TrailingComma, self.i)),
                Some(_) => return Err((JsonProblem::KeyMustBeString, self.i)),
            }
            let key = self.string()?;
            self.ws();
            match self.peek() {
                Some(b':') => self.i += 1,
                None => return Err((JsonProblem::EndInObject, self.i)),
                Some(_) => return Err((JsonProblem::ExpectedColon, self.i)),
            }
            self.ws();
            let len = self.path.len();
            self.path.push('/');
            self.path.push_str(&escape(&key));
            if keys.contains(&key) {
                self.duplicates.push(Problem::at(ErrorType::DuplicateKey { key: key.clone() }, self.path.clone()));
            }
            self.value()?;
            self.path.truncate(len);
            keys.push(key);
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    self.depth -= 1;
                    return Ok(());
                }
                None => return Err((JsonProblem::EndInObject, self.i)),
                Some(_) => return Err((JsonProblem::ExpectedCommaOrBrace, self.i)),
            }
        }
    }

    fn array(&mut self) -> Step {
        self.open()?;
        self.ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            self.depth -= 1;
            return Ok(());
        }
        let mut index = 0usize;
        loop {
            self.ws();
            if index > 0 && self.peek() == Some(b']') {
                return Err((JsonProblem::TrailingComma, self.i));
            }
            let len = self.path.len();
            self.path.push('/');
            self.path.push_str(&index.to_string());
            self.value()?;
            self.path.truncate(len);
            index += 1;
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    self.depth -= 1;
                    return Ok(());
                }
                None => return Err((JsonProblem::EndInList, self.i)),
                Some(_) => return Err((JsonProblem::ExpectedCommaOrBracket, self.i)),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, (JsonProblem, usize)> {
        let at = self.i;
        let digits = self.bytes.get(at..at + 4).ok_or((JsonProblem::EndInString, self.bytes.len()))?;
        let text = std::str::from_utf8(digits).map_err(|_| (JsonProblem::InvalidEscape, at))?;
        let n = u32::from_str_radix(text, 16).map_err(|_| (JsonProblem::InvalidEscape, at))?;
        if !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err((JsonProblem::InvalidEscape, at));
        }
        self.i += 4;
        Ok(n)
    }

    /// A string; its text (escapes read).
    fn string(&mut self) -> Result<String, (JsonProblem, usize)> {
        self.i += 1;
        let mut out = String::new();
        let mut start = self.i;
        loop {
            let Some(b) = self.peek() else { return Err((JsonProblem::EndInString, self.i)) };
            match b {
                b'"' => {
                    out.push_str(&self.text[start..self.i]);
                    self.i += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(&self.text[start..self.i]);
                    self.i += 1;
                    let Some(e) = self.peek() else { return Err((JsonProblem::EndInString, self.i)) };
                    self.i += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let at = self.i - 2;
                            let n = self.hex4()?;
                            let c = match n {
                                0xD800..=0xDBFF => {
                                    if self.bytes.get(self.i..self.i + 2) != Some(b"\\u") {
                                        return Err((JsonProblem::InvalidUnicode, at));
                                    }
                                    self.i += 2;
                                    let low = self.hex4()?;
                                    if !(0xDC00..=0xDFFF).contains(&low) {
                                        return Err((JsonProblem::InvalidUnicode, at));
                                    }
                                    char::from_u32(0x10000 + ((n - 0xD800) << 10) + (low - 0xDC00))
                                }
                                0xDC00..=0xDFFF => return Err((JsonProblem::InvalidUnicode, at)),
                                n => char::from_u32(n),
                            };
                            out.push(c.ok_or((JsonProblem::InvalidUnicode, at))?);
                        }
                        _ => return Err((JsonProblem::InvalidEscape, self.i - 1)),
                    }
                    start = self.i;
                }
                0..=0x1F => return Err((JsonProblem::ControlCharacter, self.i)),
                _ => self.i += 1,
            }
        }
    }

    fn digits(&mut self) -> usize {
        let from = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        self.i - from
    }

    fn number(&mut self) -> Step {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            None => return Err((JsonProblem::EndInValue, self.i)),
            Some(_) => return Err((JsonProblem::InvalidNumber, self.i)),
        }
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.i += 1;
            float = true;
            if self.digits() == 0 {
                return Err((if self.peek().is_none() { JsonProblem::EndInValue } else { JsonProblem::InvalidNumber }, self.i));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            float = true;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err((if self.peek().is_none() { JsonProblem::EndInValue } else { JsonProblem::InvalidNumber }, self.i));
            }
        }
        let text = &self.text[start..self.i];
        if float || (text.parse::<u64>().is_err() && text.parse::<i64>().is_err()) {
            self.places.lexemes.insert(self.path.clone(), text.to_string());
        }
        let fits =
            if float { text.parse::<f64>().is_ok_and(f64::is_finite) } else { text.parse::<i128>().is_ok() || text.parse::<f64>().is_ok_and(f64::is_finite) };
        if fits { Ok(()) } else { Err((JsonProblem::NumberOutOfRange, start)) }
    }

    fn literal(&mut self, word: &str) -> Step {
        for b in word.bytes() {
            match self.peek() {
                Some(c) if c == b => self.i += 1,
                None => return Err((JsonProblem::EndInValue, self.i)),
                Some(_) => return Err((JsonProblem::ExpectedLiteral, self.i)),
            }
        }
        Ok(())
    }
}

/// A value a caller gives as JSON text (options …), named `what` in errors: its syntax and
/// its shape against `shape` (the schema of `T`), every problem typed, the kind `invalid`.
pub(crate) fn read_given<T: serde::de::DeserializeOwned>(text: &str, shape: &Shape, what: &str) -> Result<T, Error> {
    let (value, duplicates, places) = read(text).map_err(|e| e.given_as(what))?;
    let problems = shape.problems(shape.root(), &value, duplicates, &places);
    if !problems.is_empty() {
        return Err(Error::of(problems).given_as(what));
    }
    serde_json::from_value(value).map_err(|_| Error::about(ErrorType::Unexplained, what))
}

/// The shape of `T` from its JSON Schema.
pub(crate) fn shape_of<T: schemars::JsonSchema>() -> Shape {
    Shape::new(schemars::generate::SchemaSettings::draft2020_12().into_generator().into_root_schema_for::<T>().to_value())
}

// ---------------------------------------------------------------------------------------------
// The shape

/// A JSON Schema generated from the model (schemars, Draft 2020-12), read as the model's serde
/// reads: every problem of a value against it, each with its pointer. Cells are judged by the
/// model's own cell types ([`CellValue`]), so that the two cannot part.
pub(crate) struct Shape {
    root: Value,
}

impl Shape {
    /// The shape whose root is `root` (a schema with its `$defs`).
    pub(crate) fn new(root: Value) -> Shape {
        Shape { root }
    }

    /// Every problem of `value` against the schema `schema` (a part of the root), in the order
    /// they stand in the text (by `places`); `duplicates` are added in place.
    pub(crate) fn problems(&self, schema: &Value, value: &Value, duplicates: Vec<Problem>, places: &Places) -> Vec<Problem> {
        let mut out = vec![];
        let mut pointer = String::new();
        self.check(schema, value, &mut pointer, &mut out, &places.lexemes);
        out.extend(duplicates);
        // In text order, as a reader meets them: a problem about a value at its place; a missing
        // field once everything else is read.
        let place = |p: &Problem| match p.error_type {
            ErrorType::MissingField { .. } => usize::MAX,
            _ => p.pointer.as_deref().and_then(|ptr| places.get(ptr)).copied().unwrap_or(usize::MAX),
        };
        out.sort_by_key(place);
        out
    }

    /// The definition `$defs/name`.
    pub(crate) fn def(&self, name: &str) -> &Value {
        &self.root["$defs"][name]
    }

    /// The root schema.
    pub(crate) fn root(&self) -> &Value {
        &self.root
    }

    fn resolve<'s>(&'s self, schema: &'s Value) -> (&'s Value, Option<&'s str>) {
        match schema.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/")) {
            Some(name) => (self.def(name), Some(name)),
            None => (schema, None),
        }
    }

    /// The branch of an untagged alternative that `value` is read as, as serde reads it: the
    /// first object shape that knows every key of the value; else (to name what is wrong) the
    /// one that knows most of them; the first for a value that is not an object.
    fn branch<'s>(&'s self, branches: &[&'s Value], value: &Value) -> Option<&'s Value> {
        let Value::Object(map) = value else { return branches.first().copied() };
        let known = |b: &Value| {
            let props = self.resolve(b).0.get("properties").and_then(Value::as_object);
            map.keys().filter(|k| props.is_some_and(|p| p.contains_key(k.as_str()))).count()
        };
        let mut best: Option<(&Value, usize)> = None;
        for b in branches {
            let n = known(b);
            if n == map.len() {
                return Some(b);
            }
            if best.is_none_or(|(_, m)| n > m) {
                best = Some((b, n));
            }
        }
        best.map(|(b, _)| b)
    }

    fn check(&self, schema: &Value, value: &Value, pointer: &mut String, out: &mut Vec<Problem>, lexemes: &HashMap<String, String>) {
        let (schema, name) = self.resolve(schema);
        let mut problem = |t: ErrorType, at: &str| out.push(Problem::at(t, at));
        match name {
            Some("Count") => {
                if let Some(t) = cell_problem::<u64>(value) {
                    problem(as_written(t, lexemes.get(pointer.as_str()), u64::MAX.into()), pointer);
                }
                return;
            }
            Some("SignedCount") => {
                if let Some(t) = cell_problem::<i64>(value) {
                    problem(as_written(t, lexemes.get(pointer.as_str()), i64::MAX.into()), pointer);
                }
                return;
            }
            Some("Amount") => {
                if let Some(t) = cell_problem::<Dec>(value) {
                    problem(t, pointer);
                }
                return;
            }
            _ => {}
        }
        // Option<T>: null, or T.
        if let Some(branches) = schema.get("anyOf").and_then(Value::as_array) {
            if value.is_null() && branches.iter().any(|b| b.get("type").and_then(Value::as_str) == Some("null")) {
                return;
            }
            let live: Vec<&Value> = branches.iter().filter(|b| b.get("type").and_then(Value::as_str) != Some("null")).collect();
            if let Some(b) = self.branch(&live, value) {
                self.check(b, value, pointer, out, lexemes);
            }
            return;
        }
        // Enumerations: a string of a fixed set.
        let choices: Option<Vec<&str>> = schema
            .get("enum")
            .and_then(Value::as_array)
            .map(|e| e.iter().filter_map(Value::as_str).collect())
            .or_else(|| schema.get("oneOf").and_then(Value::as_array).map(|o| o.iter().filter_map(|b| b.get("const").and_then(Value::as_str)).collect()))
            .or_else(|| schema.get("const").and_then(Value::as_str).map(|c| vec![c]));
        if let Some(choices) = choices {
            let expected = || choices.iter().map(|c| c.to_string()).collect::<Vec<_>>();
            match value.as_str() {
                Some(s) if choices.contains(&s) => {}
                Some(s) => problem(ErrorType::UnknownValue { found: s.to_string(), expected: expected() }, pointer),
                None => problem(
                    ErrorType::WrongType { expected: Expected::OneOf(expected().iter().map(|c| format!("{c:?}")).collect()), found: Found::of(value) },
                    pointer,
                ),
            }
            return;
        }
        let types: Vec<&str> = match schema.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
            _ => return,
        };
        if value.is_null() && types.contains(&"null") {
            return;
        }
        let ty = types.iter().copied().find(|t| *t != "null").unwrap_or("null");
        match (ty, value) {
            ("object", Value::Object(map)) => {
                let props = schema.get("properties").and_then(Value::as_object);
                let extra = schema.get("additionalProperties");
                for (key, v) in map {
                    let len = pointer.len();
                    pointer.push('/');
                    pointer.push_str(&escape(key));
                    match (props.and_then(|p| p.get(key)), extra) {
                        (Some(s), _) => self.check(s, v, pointer, out, lexemes),
                        (None, Some(Value::Bool(false))) => out.push(Problem::at(
                            ErrorType::UnknownField { field: key.clone(), expected: props.map(|p| p.keys().cloned().collect()).unwrap_or_default() },
                            pointer.clone(),
                        )),
                        (None, Some(s)) if s.is_object() => self.check(s, v, pointer, out, lexemes),
                        (None, _) => {}
                    }
                    pointer.truncate(len);
                }
                for field in schema.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str) {
                    if !map.contains_key(field) {
                        out.push(Problem::at(ErrorType::MissingField { field: field.to_string() }, pointer.clone()));
                    }
                }
            }
            ("object", Value::Array(_)) => problem(ErrorType::ListForObject, pointer),
            ("array", Value::Array(items)) => {
                if let Some(item) = schema.get("items") {
                    for (i, v) in items.iter().enumerate() {
                        let len = pointer.len();
                        pointer.push('/');
                        pointer.push_str(&i.to_string());
                        self.check(item, v, pointer, out, lexemes);
                        pointer.truncate(len);
                    }
                }
            }
            ("string", Value::String(s)) => {
                if let Some(p) = schema.get("pattern").and_then(Value::as_str)
                    && p == crate::model::DATE_PATTERN
                    && !crate::model::DateText::shape(s)
                {
                    problem(ErrorType::DateShape { found: format!("{s:?}") }, pointer);
                }
            }
            ("integer", Value::Number(n)) => {
                let min = schema.get("minimum").and_then(Value::as_f64).map_or(i128::MIN, |m| m as i128);
                let max = schema.get("maximum").and_then(Value::as_f64).map_or(i128::MAX, |m| m as i128);
                // As the model reads an integer: a whole number, written with or without a
                // fraction (2023.0), exact (at most 2^53 when written with one).
                let whole = n.as_u64().map(i128::from).or_else(|| n.as_i64().map(i128::from)).or_else(|| n.as_f64().and_then(crate::model::exact_whole));
                if !whole.is_some_and(|w| (min..=max).contains(&w)) {
                    problem(ErrorType::WrongType { expected: Expected::Integer { min, max }, found: Found::of(value) }, pointer);
                }
            }
            ("number", Value::Number(_)) | ("boolean", Value::Bool(_)) | ("null", Value::Null) => {}
            (ty, _) => {
                let expected = match ty {
                    "object" => Expected::Object,
                    "array" => Expected::List,
                    "string" if schema.get("pattern").and_then(Value::as_str) == Some(crate::model::DATE_PATTERN) => Expected::Date,
                    "string" => Expected::Text,
                    "integer" => Expected::Integer {
                        min: schema.get("minimum").and_then(Value::as_f64).map_or(i128::MIN, |m| m as i128),
                        max: schema.get("maximum").and_then(Value::as_f64).map_or(i128::MAX, |m| m as i128),
                    },
                    "boolean" => Expected::Boolean,
                    _ => Expected::Number,
                };
                problem(ErrorType::WrongType { expected, found: Found::of(value) }, pointer);
            }
        }
    }
}

/// A cell's problem with the number quoted as written: an integer past the type's range is
/// too large (not "inexact"), and a fraction or exponent is shown as the text has it.
fn as_written(t: ErrorType, lexeme: Option<&String>, max: i128) -> ErrorType {
    let Some(lex) = lexeme else { return t };
    let integer_form = !lex.contains(['.', 'e', 'E']);
    let value = lex.clone();
    match t {
        ErrorType::NumberNotExact { .. } if integer_form && max == i128::from(u64::MAX) => ErrorType::CountTooLarge { value, max: u64::MAX },
        ErrorType::NumberNotExact { .. } if integer_form => ErrorType::NumberTooLarge { value, max: max.to_string() },
        ErrorType::NumberNotExact { .. } => ErrorType::NumberNotExact { value },
        ErrorType::CountNotWhole { .. } => ErrorType::CountNotWhole { value },
        ErrorType::NotWhole { .. } => ErrorType::NotWhole { value },
        ErrorType::NegativeCount { .. } => ErrorType::NegativeCount { value },
        other => other,
    }
}

/// What a cell of type `T` says of `value`, read exactly as the cell's deserializer reads it:
/// None when it is a value, blank or "/".
pub(crate) fn cell_problem<T: CellValue>(value: &Value) -> Option<ErrorType> {
    let r = match value {
        Value::Null => return None,
        Value::String(s) if s == crate::model::NOT_APPLICABLE => return None,
        Value::String(s) => T::from_text(s).map(|_| ()),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => T::from_u64(u).map(|_| ()),
            (None, Some(i), _) => T::from_i64(i).map(|_| ()),
            (None, None, Some(f)) => T::from_f64(f).map(|_| ()),
            _ => Ok(()),
        },
        other => Err(ErrorType::WrongType { expected: T::expected(), found: Found::of(other) }),
    };
    r.err()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn syntax(text: &str) -> (usize, usize, JsonProblem) {
        match read(text).map(|_| ()).unwrap_err().error_type() {
            ErrorType::JsonSyntax { line, column, problem } => (*line, *column, *problem),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn syntax_errors_are_typed_and_placed() {
        assert_eq!(syntax("{\n  \"format\": \"2021\",\n  \"year\": 20x3\n}"), (3, 13, JsonProblem::ExpectedCommaOrBrace));
        assert_eq!(syntax("{\"a\":1}}").2, JsonProblem::TrailingCharacters);
        assert_eq!(syntax("{\"a\":1,}").2, JsonProblem::TrailingComma);
        assert_eq!(syntax("{\"a\" 1}").2, JsonProblem::ExpectedColon);
        assert_eq!(syntax("{\"a\":[1 2]}").2, JsonProblem::ExpectedCommaOrBracket);
        assert_eq!(syntax("{a:1}").2, JsonProblem::KeyMustBeString);
        assert_eq!(syntax("{\"a\":tru}").2, JsonProblem::ExpectedLiteral);
        assert_eq!(syntax("{\"a\":\"x").2, JsonProblem::EndInString);
        assert_eq!(syntax("{\"a\":1").2, JsonProblem::EndInObject);
        assert_eq!(syntax("").2, JsonProblem::EndInValue);
        assert_eq!(syntax("{\"a\":01}").2, JsonProblem::ExpectedCommaOrBrace);
        assert_eq!(syntax("{\"a\":1e400}").2, JsonProblem::NumberOutOfRange);
        assert_eq!(syntax("{\"a\":\"\\q\"}").2, JsonProblem::InvalidEscape);
        assert_eq!(syntax("{\"a\":\"\\ud800\"}").2, JsonProblem::InvalidUnicode);
        assert_eq!(syntax("{\"a\":\"\u{1}\"}").2, JsonProblem::ControlCharacter);
        assert_eq!(syntax(&("[".repeat(40) + &"]".repeat(40))), (1, MAX_DEPTH + 1, JsonProblem::TooDeep));
        let (v, dups, _) = read("{\"a\":1,\"b\":{\"c\":2,\"c\":3}}").unwrap();
        assert_eq!(v["b"]["c"], 3);
        assert_eq!(dups[0].pointer.as_deref(), Some("/b/c"));
    }
}
