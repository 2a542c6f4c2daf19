//! Python values ⇄ the core's inputs and JSON values. Conversion only: what a document may
//! hold is decided by the core, which reads a plain dict directly ([`crate::from_py`]) and any
//! other the JSON text written here.

use std::path::{Path, PathBuf};

use govreport::limits::{MAX_DEPTH, MAX_INPUT_BYTES};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyIterator, PyList, PyMemoryView, PyString, PyTuple};
use serde_json::Value;

use crate::errors::{Failure, JSON_LINES, JSON_NAMES_A_FILE, structure};
use crate::report::Report;

/// What a caller handed in as a report, read while holding the GIL and parsed without it.
pub(crate) enum Input {
    /// A report already read: a `govreport.Report`, or a dict read by [`crate::from_py`].
    Report(Box<govreport::Report>),
    /// JSON text given as a `str`.
    Text(String),
    /// JSON bytes (`bytes`, `bytearray`, `memoryview`, or a dict written as JSON).
    Bytes(Vec<u8>),
    /// A file to read (`os.PathLike`, or a `str` given to `Report.from_path`).
    Path(PathBuf),
}

impl Input {
    /// The report, parsed by the core (reading the file first for a path).
    pub(crate) fn load(self) -> Result<govreport::Report, Failure> {
        match self {
            Input::Report(r) => Ok(*r),
            Input::Bytes(b) => Ok(govreport::parse_json(&b)?),
            Input::Text(t) => govreport::parse_str(&t).map_err(|error| {
                let hint = (error.kind() == "syntax" && names_a_file(&t)).then_some(JSON_NAMES_A_FILE);
                Failure::Report { error, hint, prefix: None }
            }),
            Input::Path(p) => {
                let bytes = read_file(&p).map_err(|error| Failure::Io { error, path: p.clone() })?;
                govreport::parse_json(&bytes).map_err(|error| {
                    // JSON Lines hold many reports: a batch reads them.
                    let hint = (error.kind() == "syntax" && govreport::fs::is_json_lines(&bytes)).then_some(JSON_LINES);
                    Failure::Report { error, hint, prefix: None }
                })
            }
        }
    }
}

/// Whether JSON text that failed to parse is rather the name of an existing file.
pub(crate) fn names_a_file(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.len() < 4096 && !t.starts_with(['{', '[']) && !t.contains('\n') && Path::new(t).is_file()
}

/// Reads at most one byte more than the core accepts (the core's `fs`), so that a huge file is
/// refused by the core's size limit without being read whole; the error is the system's.
pub(crate) fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    govreport::fs::read_limited(path)
}

pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    match obj.get_type().name() {
        Ok(n) => n.to_string(),
        Err(_) => "object".to_string(),
    }
}

const ACCEPTED: &str = "a govreport.Report, a dict (any Mapping), JSON text (str), JSON bytes or a path (os.PathLike)";

/// Any accepted form of a report. A `str` is always JSON text, never a file name.
pub(crate) fn input(obj: &Bound<'_, PyAny>) -> PyResult<Input> {
    input_na(obj, false)
}

/// [`input`], reading a missing value of a table (NaN, `pd.NA`, `pd.NaT`) in a dict as a blank
/// cell when `blank_na`, else refusing it with its pointer.
pub(crate) fn input_na(obj: &Bound<'_, PyAny>, blank_na: bool) -> PyResult<Input> {
    if let Ok(r) = obj.cast::<Report>() {
        return Ok(Input::Report(Box::new(r.borrow().inner.clone())));
    }
    if let Some(i) = json_input(obj)? {
        return Ok(i);
    }
    if obj.is_instance_of::<PyDict>() || is_mapping(obj)? {
        // A plain dict the core's typed reading takes as it stands: no JSON text. Anything
        // else (a NumPy number, NaN, an error to explain) is written as text for the core.
        if let Some(report) = crate::from_py::report(obj) {
            return Ok(Input::Report(Box::new(report)));
        }
        return Ok(Input::Bytes(document_na(obj, blank_na)?));
    }
    if is_pathlike(obj)? {
        return Ok(Input::Path(obj.extract::<PathBuf>()?));
    }
    Err(PyTypeError::new_err(format!("expected {ACCEPTED}, found {}", type_name(obj))))
}

/// The items of `reports`, an iterable of reports given to `call` (`check_many`,
/// `aggregate`). One report (a str, bytes, a dict or a Report) is refused: iterating over it
/// would read its characters or keys as reports.
pub(crate) fn reports<'py>(reports: &Bound<'py, PyAny>, call: &str) -> PyResult<Bound<'py, PyIterator>> {
    let one_report = reports.is_instance_of::<PyString>()
        || reports.is_instance_of::<PyBytes>()
        || reports.is_instance_of::<PyByteArray>()
        || reports.is_instance_of::<PyMemoryView>()
        || reports.is_instance_of::<PyDict>()
        || reports.is_instance_of::<Report>();
    if one_report {
        return Err(PyTypeError::new_err(format!("{call} takes an iterable of reports (e.g. a list), found one report ({})", type_name(reports))));
    }
    reports.try_iter().map_err(|_| PyTypeError::new_err(format!("{call} takes an iterable of reports, found {}", type_name(reports))))
}

/// JSON text or bytes, if `obj` is a `str`, `bytes`, `bytearray` or `memoryview`.
pub(crate) fn json_input(obj: &Bound<'_, PyAny>) -> PyResult<Option<Input>> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Some(match s.to_cow() {
            Ok(t) => Input::Text(t.into_owned()),
            // A lone surrogate: hand the core the bytes so that it names the place.
            Err(_) => Input::Bytes(s.call_method1("encode", ("utf-8", "surrogatepass"))?.cast_into::<PyBytes>()?.as_bytes().to_vec()),
        }));
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Some(Input::Bytes(b.as_bytes().to_vec())));
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(Some(Input::Bytes(b.to_vec())));
    }
    if obj.is_instance_of::<PyMemoryView>() {
        let b = obj.call_method0("tobytes")?.cast_into::<PyBytes>()?;
        return Ok(Some(Input::Bytes(b.as_bytes().to_vec())));
    }
    Ok(None)
}

/// A file name: a `str` or an `os.PathLike`.
pub(crate) fn path(obj: &Bound<'_, PyAny>) -> PyResult<PathBuf> {
    if obj.is_instance_of::<PyString>() || is_pathlike(obj)? {
        return obj.extract::<PathBuf>().map_err(|_| PyTypeError::new_err("expected a path (str or os.PathLike of str)"));
    }
    Err(PyTypeError::new_err(format!("expected a path (str or os.PathLike), found {}", type_name(obj))))
}

pub(crate) fn is_pathlike(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    let pathlike = obj.py().import("os")?.getattr("PathLike")?;
    obj.is_instance(&pathlike)
}

/// A dict or other Mapping written as JSON bytes; NaN and `pd.NA` blank when `blank_na`.
pub(crate) fn document_na(doc: &Bound<'_, PyAny>, blank_na: bool) -> PyResult<Vec<u8>> {
    let mut w = Writer { out: Vec::with_capacity(4096), base: String::new(), path: Vec::new(), blank_na, problems: Vec::new() };
    w.value(doc, 0)?;
    w.finish(doc.py())
}

/// Whether `obj` is a `collections.abc.Mapping` (a dict-like document).
pub(crate) fn is_mapping(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    if obj.is_instance_of::<PyDict>() {
        return Ok(true);
    }
    let mapping = obj.py().import("collections.abc")?.getattr("Mapping")?;
    obj.is_instance(&mapping)
}

/// What a value is when it is a table's missing value: NaN (float, NumPy or `Decimal`),
/// `pd.NA` or `pd.NaT`. Its name for messages.
fn missing(obj: &Bound<'_, PyAny>) -> Option<&'static str> {
    if let Ok(f) = obj.cast::<PyFloat>() {
        return f.value().is_nan().then_some("NaN");
    }
    let ty = obj.get_type();
    let name = ty.name().ok()?.to_string();
    match name.as_str() {
        "NAType" => Some("pd.NA"),
        "NaTType" => Some("pd.NaT"),
        "Decimal" => obj.call_method0("is_nan").ok()?.is_truthy().ok()?.then_some("Decimal('NaN')"),
        _ => None,
    }
}

/// A Python value as a JSON value, for `Report.set`. Errors name `pointer`.
pub(crate) fn value(obj: &Bound<'_, PyAny>, pointer: &str) -> PyResult<Value> {
    let mut w = Writer { out: Vec::new(), base: pointer.to_string(), path: Vec::new(), blank_na: false, problems: Vec::new() };
    w.value(obj, 0)?;
    let out = w.finish(obj.py())?;
    serde_json::from_slice(&out).map_err(|e| structure(obj.py(), pointer, &format!("不是 JSON 值：{e}"), &format!("not a JSON value: {e}")))
}

/// One step of the way from the document to a value: a key or a list index.
enum Step<'py> {
    Key(Bound<'py, PyString>),
    Index(usize),
}

/// Writes Python values as JSON text, keeping track of where it is for error messages (the
/// pointer is spelled out only when there is an error).
struct Writer<'py> {
    out: Vec<u8>,
    /// The pointer of the value written (`Report.set`), "" for a document.
    base: String,
    /// The steps from there to the value being written.
    path: Vec<Step<'py>>,
    /// Values that are no JSON values (NaN, pd.NA …): each is written as null and reported,
    /// all of them, when the document is written (pointer, Chinese and English message).
    problems: Vec<(String, String, String)>,
    /// Whether NaN, `pd.NA` and `pd.NaT` are written as blank cells (null).
    blank_na: bool,
}

impl<'py> Writer<'py> {
    /// The JSON text, or a ReportError listing every value that has no JSON form.
    fn finish(self, py: Python<'_>) -> PyResult<Vec<u8>> {
        if self.problems.is_empty() {
            return Ok(self.out);
        }
        Err(crate::errors::structure_all(py, &self.problems))
    }

    /// Notes a value with no JSON form at the current place (up to the core's 100 problems).
    fn problem(&mut self, zh: String, en: String) {
        if self.problems.len() < 100 {
            self.problems.push((self.pointer(), zh, en));
        }
    }

    /// The pointer of the value being written.
    fn pointer(&self) -> String {
        let mut p = self.base.clone();
        for step in &self.path {
            p.push('/');
            match step {
                Step::Key(k) => p.push_str(&govreport::escape_pointer_token(&k.to_string_lossy())),
                Step::Index(i) => p.push_str(&i.to_string()),
            }
        }
        p
    }

    fn value(&mut self, obj: &Bound<'py, PyAny>, depth: usize) -> PyResult<()> {
        let py = obj.py();
        if obj.is_none() {
            self.out.extend_from_slice(b"null");
        } else if let Ok(b) = obj.cast::<PyBool>() {
            self.out.extend_from_slice(if b.is_true() { b"true" } else { b"false" });
        } else if let Ok(i) = obj.cast::<PyInt>() {
            self.int(i)?;
        } else if let Ok(s) = obj.cast::<PyString>() {
            self.string(s)?;
        } else if let Ok(d) = obj.cast::<PyDict>() {
            self.enter(py, depth)?;
            self.out.push(b'{');
            // A copy to iterate: code run while writing (a value's __index__) cannot change it.
            let d = d.copy()?;
            for (n, (key, val)) in d.iter().enumerate() {
                let Ok(key) = key.cast_into::<PyString>() else {
                    return Err(PyTypeError::new_err(format!("{}: the keys of a report document are str", self.at())));
                };
                if n > 0 {
                    self.out.push(b',');
                }
                self.string(&key)?;
                self.out.push(b':');
                self.path.push(Step::Key(key));
                self.value(&val, depth + 1)?;
                self.path.pop();
            }
            self.out.push(b'}');
        } else if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
            self.enter(py, depth)?;
            self.out.push(b'[');
            for (n, item) in obj.try_iter()?.enumerate() {
                let item = item?;
                if n > 0 {
                    self.out.push(b',');
                }
                self.path.push(Step::Index(n));
                self.value(&item, depth + 1)?;
                self.path.pop();
            }
            self.out.push(b']');
        } else if let Some(what) = missing(obj) {
            if !self.blank_na {
                self.problem(
                    format!("{what} 是表格的缺失值，不是 JSON 数值；作为空白单元格读取请传入 blank_na=True，或改为 None"),
                    format!("{what} is a missing value of a table, not a JSON number; pass blank_na=True to read it as a blank cell, or write None"),
                );
            }
            self.out.extend_from_slice(b"null");
        } else if let Ok(f) = obj.cast::<PyFloat>() {
            let v = f.value();
            if !v.is_finite() {
                self.problem(format!("{v} 不是 JSON 数值"), format!("{v} is not a JSON number"));
                self.out.extend_from_slice(b"null");
                return Ok(());
            }
            match govreport::model::exact_whole(v) {
                // The core's one float policy: a whole float up to 2^53 is that integer (the
                // year 2023.0, a count 98.0), written as one so that no digit is read back.
                Some(w) => {
                    use std::io::Write as _;
                    let _ = write!(self.out, "{w}");
                }
                // Anything else as Python has it, for the core to judge (1e16 is not exact).
                None => serde_json::to_writer(&mut self.out, &v).map_err(|e| structure(py, &self.pointer(), &e.to_string(), &e.to_string()))?,
            }
        } else if !obj.is_instance_of::<PyDict>() && is_mapping(obj)? {
            // Any other Mapping: its items, as a dict's.
            let d = PyDict::new(py);
            for item in obj.call_method0("items")?.try_iter()? {
                let (k, v) = item?.extract::<(Bound<'_, PyAny>, Bound<'_, PyAny>)>()?;
                d.set_item(k, v)?;
            }
            return self.value(d.as_any(), depth);
        } else if let Some(digits) = exact_number(obj)? {
            // A NumPy number or a Decimal: its exact digits, for the core to judge.
            self.out.extend_from_slice(digits.as_bytes());
        } else {
            return Err(PyTypeError::new_err(format!(
                "{}: a report document holds dict, list, str, int, float, bool and None values, found {}",
                self.at(),
                type_name(obj)
            )));
        }
        if self.out.len() as u64 > MAX_INPUT_BYTES {
            let error = govreport::Error::new(govreport::ErrorType::TooLarge { size: self.out.len() as u64, limit: MAX_INPUT_BYTES });
            return Err(crate::errors::core_error(py, &error, govreport::Lang::Zh));
        }
        Ok(())
    }

    fn at(&self) -> String {
        let p = self.pointer();
        if p.is_empty() { "the document".to_string() } else { p }
    }

    /// Refuses nesting deeper than the core reads (and so any cycle).
    fn enter(&self, py: Python<'_>, depth: usize) -> PyResult<()> {
        if depth >= MAX_DEPTH {
            return Err(structure(py, &self.pointer(), &format!("嵌套超过 {MAX_DEPTH} 层"), &format!("nesting deeper than {MAX_DEPTH} levels")));
        }
        Ok(())
    }

    fn int(&mut self, i: &Bound<'_, PyInt>) -> PyResult<()> {
        use std::io::Write as _;
        if let Ok(v) = i.extract::<i64>() {
            let _ = write!(self.out, "{v}");
        } else if let Ok(v) = i.extract::<u64>() {
            let _ = write!(self.out, "{v}");
        } else {
            // Larger than any count: written in full, for the core to refuse with its message.
            let py = i.py();
            let digits = py.get_type::<PyInt>().getattr("__repr__")?.call1((i,)).and_then(|r| r.extract::<String>());
            match digits {
                Ok(d) => self.out.extend_from_slice(d.as_bytes()),
                Err(_) => return Err(structure(py, &self.pointer(), "数值过大", "the number is too large")),
            }
        }
        Ok(())
    }

    fn string(&mut self, s: &Bound<'_, PyString>) -> PyResult<()> {
        match s.to_cow() {
            Ok(t) => serde_json::to_writer(&mut self.out, t.as_ref()).map_err(|e| structure(s.py(), &self.pointer(), &e.to_string(), &e.to_string())),
            Err(_) => Err(structure(
                s.py(),
                &self.pointer(),
                "文本含有孤立的代理码位，不是有效的 Unicode",
                "the text holds a lone surrogate and is not valid Unicode",
            )),
        }
    }
}

/// The exact JSON digits of a number that is not a Python int or float: an integer type
/// (`__index__`: NumPy's int64, uint64 …) or a finite `Decimal`; a NumPy float by its value.
/// None for anything else.
fn exact_number(obj: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    let ty = obj.get_type();
    let name = ty.name()?.to_string();
    if name == "Decimal" {
        if !obj.call_method0("is_finite")?.is_truthy()? {
            return Ok(None);
        }
        // A whole Decimal is that integer, exactly (Decimal("1E+3") is 1000); any other is
        // written as its digits in a string, the form the core reads amounts in ("0.5").
        let whole = obj.call_method1("__eq__", (obj.call_method0("to_integral_value")?,))?.is_truthy()?;
        if whole {
            return Ok(Some(obj.call_method0("__int__")?.str()?.to_string()));
        }
        let text = obj.str()?.to_string();
        return Ok(serde_json::to_string(&text).ok());
    }
    if obj.hasattr("__index__")? {
        if let Ok(i) = obj.call_method0("__index__") {
            return Ok(Some(i.str()?.to_string()));
        }
        return Ok(None);
    }
    let numbers = obj.py().import("numbers")?;
    if obj.is_instance(&numbers.getattr("Real")?)? {
        let v: f64 = obj.call_method0("__float__")?.extract()?;
        if let Some(w) = govreport::model::exact_whole(v) {
            return Ok(Some(w.to_string()));
        }
        if v.is_finite() {
            return Ok(serde_json::to_string(&v).ok());
        }
    }
    Ok(None)
}

/// A JSON value as plain Python values (dict, list, str, int, float, bool, None).
pub(crate) fn to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else {
                match n.as_f64() {
                    Some(f) => PyFloat::new(py, f).into_any(),
                    None => py.None().into_bound(py),
                }
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(a) => {
            let list = PyList::empty(py);
            for item in a {
                list.append(to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(m) => {
            let dict = PyDict::new(py);
            for (k, item) in m {
                dict.set_item(k, to_py(py, item)?)?;
            }
            dict.into_any()
        }
    })
}
