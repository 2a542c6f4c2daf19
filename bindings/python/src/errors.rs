//! How the core's errors, I/O errors and internal failures become Python exceptions.
//!
//! A document that cannot be read is a `govreport.ReportError` (a `ValueError`) carrying the
//! core's `kind`, `pointer` and its message in both languages; a wrong argument type is a
//! `TypeError`; a file that cannot be read is the matching `OSError`. A panic in the core never
//! reaches Python as a `PanicException`: [`guard`] turns it into a `RuntimeError`.

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use govreport::{Bilingual, Lang};
use pyo3::create_exception;
use pyo3::exceptions::{PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

create_exception!(
    govreport,
    ReportError,
    PyValueError,
    "Input that is not a valid report document, or an invalid option, pointer or rule code.\n\n\
     Attributes: ``kind`` (``\"syntax\"``, ``\"structure\"``, ``\"unknown_format\"``, ``\"utf8\"``, \
     ``\"too_large\"`` or ``\"invalid\"``), ``pointer`` (the RFC 6901 pointer of the first offending value, \
     or None), ``message`` (the text of the exception), ``messages`` (``{\"zh\": …, \"en\": …}``), \
     ``more`` (problems past those listed by ``errors()``); ``line`` and ``column`` (1-based) for \
     text that is not JSON or not UTF-8, else None. Method: ``errors()``, every problem (up to 100): \
     a new list of dicts with ``type``, ``pointer``, ``what``, ``message``, ``context``, ``line`` and ``column``."
);

/// The attribute of a `ReportError` that holds its problems, read by its `errors()` method.
const PROBLEMS: &str = "_errors";

/// Gives `ReportError` its `errors()` method (as pydantic's `ValidationError.errors()`): a new
/// list, on each call, of the problems the exception holds. Written in Python so that it binds
/// as a method; it only copies what the core reported.
pub(crate) fn add_errors_method(py: Python<'_>) -> PyResult<()> {
    let code = c"def errors(self):\n    \"\"\"Every problem found, in document order (a document's structural problems all, up to\n    100; ``more`` counts those past them): a new list of dicts with ``type``, ``pointer``,\n    ``what``, ``message``, ``context``, ``line`` and ``column`` (1-based, for text that is not\n    JSON or not UTF-8; else None).\"\"\"\n    return [dict(p) for p in getattr(self, '_errors', ())]\n";
    let scope = PyDict::new(py);
    py.run(code, Some(&scope), None)?;
    match scope.get_item("errors")? {
        Some(method) => py.get_type::<ReportError>().setattr("errors", method),
        None => Err(PyRuntimeError::new_err("internal error in govreport: ReportError.errors was not defined")),
    }
}

/// Why a call failed, in a form that can cross threads without the GIL.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The core refused the input. `hint` is added to the message (in Chinese and English),
    /// e.g. when text that failed to parse names an existing file (the caller probably meant a
    /// path); `prefix` names the argument the input was (`previous`, `reports[2]` …).
    Report { error: govreport::Error, hint: Option<Hint>, prefix: Option<String> },
    /// A file could not be read.
    Io { error: std::io::Error, path: PathBuf },
    /// The core panicked (a bug): reported as a RuntimeError.
    Internal(String),
}

/// A sentence added to an error's message, in Chinese and English.
pub(crate) type Hint = Bilingual;

/// For JSON text that names a file.
pub(crate) const JSON_NAMES_A_FILE: Hint = Bilingual::new(
    "（这段文本是一个文件名：读取文件请传入 pathlib.Path，或用 Report.from_path）",
    " (the text names a file: pass a pathlib.Path, or use Report.from_path, to read it)",
);

/// For a file of JSON Lines given as one report.
pub(crate) const JSON_LINES: Hint = Bilingual::new(
    "（这是 JSON Lines 文件，每行一份报告：请用 govreport.check_many 读取）",
    " (the file is JSON Lines, one report a line: read it with govreport.check_many)",
);

impl From<govreport::Error> for Failure {
    fn from(error: govreport::Error) -> Self {
        Failure::Report { error, hint: None, prefix: None }
    }
}

impl Failure {
    /// The Python exception, with messages in `lang`.
    pub(crate) fn into_pyerr(self, py: Python<'_>, lang: Lang) -> PyErr {
        match self {
            Failure::Report { error, hint, prefix } => {
                let (mut zh, mut en) = (error.message(Lang::Zh), error.message(Lang::En));
                if let Some(hint) = hint {
                    zh.push_str(hint.zh);
                    en.push_str(hint.en);
                }
                if let Some(p) = prefix {
                    zh = format!("{p}：{zh}");
                    en = format!("{p}: {en}");
                }
                with_details(py, report_error(py, error.kind(), error.pointer(), zh, en, lang), &error, lang)
            }
            Failure::Io { error, path } => os_error(&error, &path),
            Failure::Internal(what) => PyRuntimeError::new_err(format!("internal error in govreport (a bug; please report it): {what}")),
        }
    }
}

impl Failure {
    /// The same failure, its message saying which argument it is about (`previous`,
    /// `reports[2]` …). A file that cannot be read already names itself.
    pub(crate) fn at(self, what: impl Into<String>) -> Failure {
        match self {
            Failure::Report { error, hint, prefix: None } => Failure::Report { error, hint, prefix: Some(what.into()) },
            other => other,
        }
    }
}

/// A `ReportError` for an error of the core.
pub(crate) fn core_error(py: Python<'_>, error: &govreport::Error, lang: Lang) -> PyErr {
    with_details(py, report_error(py, error.kind(), error.pointer(), error.message(Lang::Zh), error.message(Lang::En), lang), error, lang)
}

/// `err` with the core's problems as `errors` (a list of dicts: type, pointer, what, message,
/// context) and the error in the core's one serialized shape as `to_dict()`'s source.
fn with_details(py: Python<'_>, err: PyErr, error: &govreport::Error, lang: Lang) -> PyErr {
    let shape = serde_json::to_value(error.json(lang)).unwrap_or_default();
    let set = || -> PyResult<()> {
        let value = err.value(py);
        value.setattr("more", error.more())?;
        // Where in the text a document that is not JSON (or not UTF-8) goes wrong.
        let (line, column) = match error.error_type() {
            govreport::ErrorType::JsonSyntax { line, column, .. } | govreport::ErrorType::InvalidUtf8 { line, column, .. } => (Some(*line), Some(*column)),
            _ => (None, None),
        };
        value.setattr("line", line)?;
        value.setattr("column", column)?;
        let problems = crate::convert::to_py(py, &shape["errors"])?;
        for problem in problems.try_iter()? {
            let problem = problem?;
            problem.set_item("line", line)?;
            problem.set_item("column", column)?;
        }
        value.setattr(PROBLEMS, problems)?;
        Ok(())
    };
    match set() {
        Ok(()) => err,
        Err(e) => e,
    }
}

/// `err` (a new exception whose text is the message in `lang`) with `kind`, `message` and
/// `messages` (`{"zh": …, "en": …}`) set: the attributes every govreport exception carries.
pub(crate) fn with_messages(py: Python<'_>, err: PyErr, kind: &str, zh: String, en: String, lang: Lang) -> PyErr {
    let set = || -> PyResult<()> {
        let value = err.value(py);
        value.setattr("kind", kind)?;
        value.setattr("message", if lang == Lang::En { &en } else { &zh })?;
        let messages = PyDict::new(py);
        messages.set_item("zh", &zh)?;
        messages.set_item("en", &en)?;
        value.setattr("messages", messages)?;
        Ok(())
    };
    match set() {
        Ok(()) => err,
        Err(e) => e,
    }
}

/// A `ReportError` with its attributes set.
pub(crate) fn report_error(py: Python<'_>, kind: &str, pointer: Option<&str>, zh: String, en: String, lang: Lang) -> PyErr {
    let message = if lang == Lang::En { en.clone() } else { zh.clone() };
    let err = with_messages(py, ReportError::new_err(message), kind, zh, en, lang);
    let set = || -> PyResult<()> {
        let value = err.value(py);
        value.setattr("pointer", pointer)?;
        // One problem, unless the core's error lists its own (see `with_details`).
        let problem = PyDict::new(py);
        problem.set_item("type", kind)?;
        problem.set_item("pointer", pointer)?;
        problem.set_item("what", py.None())?;
        problem.set_item("message", value.getattr("message")?)?;
        problem.set_item("context", PyDict::new(py))?;
        problem.set_item("line", py.None())?;
        problem.set_item("column", py.None())?;
        value.setattr(PROBLEMS, pyo3::types::PyList::new(py, [problem])?)?;
        value.setattr("more", 0)?;
        value.setattr("line", py.None())?;
        value.setattr("column", py.None())?;
        Ok(())
    };
    match set() {
        Ok(()) => err,
        Err(e) => e,
    }
}

/// A `ReportError` of kind `invalid` for a value the caller gave (a language, a rule code).
pub(crate) fn invalid(py: Python<'_>, what: &str, zh: &str, en: &str, lang: Lang) -> PyErr {
    report_error(py, "invalid", None, format!("{what}：{zh}"), format!("{what}: {en}"), lang)
}

/// A `ReportError` of kind `structure` about the value at `pointer` of a Python document.
pub(crate) fn structure(py: Python<'_>, pointer: &str, zh: &str, en: &str) -> PyErr {
    let at_zh = if pointer.is_empty() { "文档" } else { pointer };
    let at_en = if pointer.is_empty() { "the document" } else { pointer };
    report_error(py, "structure", Some(pointer), format!("{at_zh}：{zh}"), format!("{at_en}: {en}"), Lang::Zh)
}

/// A `ReportError` of kind `structure` about every value of a Python document that has no JSON
/// form (`(pointer, zh, en)`, at least one): the first in the message, all in `errors`.
pub(crate) fn structure_all(py: Python<'_>, problems: &[(String, String, String)]) -> PyErr {
    let Some((pointer, zh, en)) = problems.first() else {
        return PyRuntimeError::new_err("internal error in govreport (a bug; please report it): no problem to report");
    };
    let (mut zh, mut en) = (zh.clone(), en.clone());
    if problems.len() > 1 {
        zh.push_str(&format!("（另有 {} 处，见 errors）", problems.len() - 1));
        en.push_str(&format!(" (and {} more, listed in errors)", problems.len() - 1));
    }
    let err = structure(py, pointer, &zh, &en);
    let set = || -> PyResult<()> {
        let list = pyo3::types::PyList::empty(py);
        for (pointer, zh, _) in problems {
            let problem = PyDict::new(py);
            problem.set_item("type", "structure")?;
            problem.set_item("pointer", pointer)?;
            problem.set_item("what", py.None())?;
            let at = if pointer.is_empty() { "文档" } else { pointer.as_str() };
            problem.set_item("message", format!("{at}：{zh}"))?;
            problem.set_item("context", PyDict::new(py))?;
            problem.set_item("line", py.None())?;
            problem.set_item("column", py.None())?;
            list.append(problem)?;
        }
        err.value(py).setattr(PROBLEMS, list)?;
        Ok(())
    };
    match set() {
        Ok(()) => err,
        Err(e) => e,
    }
}

/// The `OSError` subclass Python itself would raise (FileNotFoundError, PermissionError …).
fn os_error(error: &std::io::Error, path: &std::path::Path) -> PyErr {
    let text = error.to_string();
    let text = match text.rfind(" (os error ") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    let name = path.to_string_lossy().into_owned();
    match error.raw_os_error() {
        Some(errno) => PyOSError::new_err((errno, text, name)),
        None => PyOSError::new_err(format!("{name}: {text}")),
    }
}

/// Runs `f`, turning a panic into [`Failure::Internal`] so that it never unwinds into Python.
pub(crate) fn guard<T>(f: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => Err(Failure::Internal(panic_text(payload.as_ref()))),
    }
}

fn panic_text(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        return (*s).to_string();
    }
    match payload.downcast_ref::<String>() {
        Some(s) => s.clone(),
        None => "a panic without a message".to_string(),
    }
}
