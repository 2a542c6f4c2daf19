//! `import_document`: a published report (an HTML page, text copied from one, a .docx or PDF
//! file, 2007-era prose) read into a report by the core's importer (`govreport::import_document`),
//! and `Imported`, what it gives.

use std::path::PathBuf;

use govreport::{ImportOptions, Lang};
use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDict, PyInt, PyMemoryView, PyString};
use serde_json::{Map, Value};

use crate::convert::{self, type_name};
use crate::errors::{Failure, core_error, guard, invalid};
use crate::finding::Finding;
use crate::report::Report;

/// What the caller gave to import, read with the GIL and imported without it.
enum Source {
    /// Bytes of a page or a file, in whatever encoding.
    Bytes(Vec<u8>),
    /// The text of a page (a `str`).
    Text(String),
    /// A `str` holding a lone surrogate: its UTF-8-like bytes, for the core to read as UTF-8
    /// and say how many sequences it could not (GR914).
    BrokenText(Vec<u8>),
    /// A file to read.
    Path(PathBuf),
}

const ACCEPTED: &str = "the bytes of a page or a file (bytes), the text of a page (str) or a path (os.PathLike)";

fn source(py: Python<'_>, obj: &Bound<'_, PyAny>, lang: Lang) -> PyResult<Source> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(match s.to_cow() {
            Ok(text) => {
                // A str is the text of a page; a one-line str naming a file would import as a
                // near-empty report, so it is refused with the way to read the file.
                if convert::names_a_file(&text) {
                    return Err(invalid(
                        py,
                        "source",
                        "这段文本是一个文件名：读取文件请传入 pathlib.Path（str 是页面的文本）",
                        "the text names a file: pass a pathlib.Path to read it (a str is the text of a page)",
                        lang,
                    ));
                }
                Source::Text(text.into_owned())
            }
            Err(_) => Source::BrokenText(s.call_method1("encode", ("utf-8", "surrogatepass"))?.cast_into::<PyBytes>()?.as_bytes().to_vec()),
        });
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Source::Bytes(b.as_bytes().to_vec()));
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(Source::Bytes(b.to_vec()));
    }
    if obj.is_instance_of::<PyMemoryView>() {
        return Ok(Source::Bytes(obj.call_method0("tobytes")?.cast_into::<PyBytes>()?.as_bytes().to_vec()));
    }
    let pathlike = py.import("os")?.getattr("PathLike")?;
    if obj.is_instance(&pathlike)? {
        return Ok(Source::Path(convert::path(obj)?));
    }
    let hint = if obj.is_instance_of::<PyDict>() || obj.is_instance_of::<Report>() { "; a report document is read with govreport.Report" } else { "" };
    Err(PyTypeError::new_err(format!("import_document takes {ACCEPTED}, found {}{hint}", type_name(obj))))
}

fn text_option(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Value> {
    match obj.cast::<PyString>() {
        Ok(s) => Ok(Value::String(s.to_cow()?.into_owned())),
        Err(_) => Err(PyTypeError::new_err(format!("{what} must be a str, found {}", type_name(obj)))),
    }
}

/// Reads a published report into a report document.
///
/// `source` is the bytes of an HTML page, of text, of a .docx or a PDF file (`bytes`, `bytearray`,
/// `memoryview`), the text of a page (`str`, already decoded: `encoding` does not apply), or
/// a path (`os.PathLike`) to read. What the source is, its encoding, the format and the year
/// are found from the content unless given. Returns the report as the source states it, the
/// import findings (GR9xx) and how the bytes were read; run `check` on the report for the
/// checks of the document itself.
#[pyfunction]
#[pyo3(signature = (source, *, encoding = None, source_kind = None, format = None, year = None, lang = "zh"))]
pub(crate) fn import_document(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    encoding: Option<&Bound<'_, PyAny>>,
    source_kind: Option<&Bound<'_, PyAny>>,
    format: Option<&Bound<'_, PyAny>>,
    year: Option<&Bound<'_, PyAny>>,
    lang: &str,
) -> PyResult<Imported> {
    // The options document, read (and refused where need be) by the core.
    let parsed_lang = Lang::parse(lang);
    let message_lang = parsed_lang.unwrap_or(Lang::Zh);
    let mut map = Map::new();
    map.insert(
        "lang".into(),
        match parsed_lang.map(serde_json::to_value) {
            Some(Ok(v)) => v,
            _ => Value::String(lang.to_string()),
        },
    );
    if let Some(e) = encoding {
        map.insert("encoding".into(), text_option(e, "encoding")?);
    }
    if let Some(k) = source_kind {
        map.insert("source".into(), text_option(k, "source_kind")?);
    }
    if let Some(f) = format {
        map.insert("format".into(), text_option(f, "format")?);
    }
    if let Some(y) = year {
        if y.is_instance_of::<PyBool>() || !y.is_instance_of::<PyInt>() {
            return Err(PyTypeError::new_err(format!("year must be an int, found {}", type_name(y))));
        }
        match y.extract::<i64>() {
            Ok(n) => map.insert("year".into(), Value::from(n)),
            Err(_) => return Err(invalid(py, "year", &format!("{y} 不是年份"), &format!("{y} is not a year"), message_lang)),
        };
    }
    let options = ImportOptions::from_json(&Value::Object(map).to_string()).map_err(|e| core_error(py, &e, message_lang))?;
    let source = self::source(py, source, message_lang)?;
    if encoding.is_some() && matches!(source, Source::Text(_) | Source::BrokenText(_)) {
        return Err(invalid(
            py,
            "encoding",
            "str 已是文本，编码只用于 bytes 和文件",
            "a str is already text; an encoding applies to bytes and files",
            message_lang,
        ));
    }
    let lang = options.lang;
    let imported = py.detach(move || {
        guard(|| {
            Ok(match source {
                Source::Bytes(b) => govreport::import_document(&b, &options)?,
                Source::Text(t) => govreport::import::import_str(&t, &options)?,
                Source::BrokenText(b) => govreport::import_document(&b, &ImportOptions { encoding: Some("utf-8".into()), ..options })?,
                Source::Path(p) => {
                    let bytes = convert::read_file(&p).map_err(|error| Failure::Io { error, path: p.clone() })?;
                    govreport::import_document(&bytes, &options)?
                }
            })
        })
    });
    let imported = imported.map_err(|f| f.into_pyerr(py, lang))?;
    Ok(Imported {
        report: Py::new(py, Report { inner: imported.report })?,
        findings: imported.findings.into_iter().collect(),
        source: imported.source.as_str(),
        encoding: imported.encoding,
    })
}

/// What `import_document` gives: the report, the import findings, and how the source was read.
#[pyclass(module = "govreport", name = "Imported", frozen)]
pub struct Imported {
    report: Py<Report>,
    findings: Vec<govreport::Finding>,
    source: &'static str,
    encoding: &'static str,
}

#[pymethods]
impl Imported {
    /// The report as the source states it (cells it does not give are absent). The same object
    /// on every access, so that changes to it stay.
    #[getter]
    fn report(&self, py: Python<'_>) -> Py<Report> {
        self.report.clone_ref(py)
    }
    /// What the importer noticed about the source (GR9xx), each with its place in the source
    /// (`line`, or `table` and `row`, or `paragraph`) in `params`.
    #[getter]
    fn findings(&self) -> Vec<Finding> {
        self.findings.iter().map(|f| Finding { inner: f.clone() }).collect()
    }
    /// What the source was: "json", "html", "text", "docx" or "pdf".
    #[getter]
    fn source(&self) -> &'static str {
        self.source
    }
    /// The encoding the text was read in (WHATWG name: "UTF-8", "GBK", "gb18030" …).
    #[getter]
    fn encoding(&self) -> &'static str {
        self.encoding
    }

    /// `{"source": …, "encoding": …, "report": {…}, "findings": [{…}, …]}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("source", self.source)?;
        d.set_item("encoding", self.encoding)?;
        d.set_item("report", self.report.bind(py).call_method0("to_dict")?)?;
        let findings = serde_json::to_value(&self.findings).map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
        d.set_item("findings", convert::to_py(py, &findings)?)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let report = self.report.bind(py).repr()?;
        Ok(format!("Imported(source='{}', encoding='{}', report={report}, findings={})", self.source, self.encoding, self.findings.len()))
    }
}
