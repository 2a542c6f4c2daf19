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
/// are found from the content unless given, and the agency kind from its name (GR918 says so).
/// Returns the report as the source states it, the import findings (GR9xx) and how the bytes were read; run `check` on the report for the
/// checks of the document itself.
#[pyfunction]
#[pyo3(signature = (source, *, encoding = None, source_kind = None, format = None, year = None, agency_kind = None, lang = "zh"))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn import_document(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    encoding: Option<&Bound<'_, PyAny>>,
    source_kind: Option<&Bound<'_, PyAny>>,
    format: Option<&Bound<'_, PyAny>>,
    year: Option<&Bound<'_, PyAny>>,
    agency_kind: Option<&Bound<'_, PyAny>>,
    lang: &str,
) -> PyResult<Imported> {
    let (options, message_lang) = import_options(py, encoding, source_kind, format, year, agency_kind, lang)?;
    if many(py, source, false, message_lang)?.is_some() {
        return Err(PyTypeError::new_err(format!(
            "import_document takes one source, found {}: import a folder or a list of sources with govreport.import_many",
            type_name(source)
        )));
    }
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
    let imported = py.detach(move || guard(|| import_one(source, &options)));
    let imported = imported.map_err(|f| f.into_pyerr(py, lang))?;
    wrap(py, imported, None)
}

/// Reads many published reports: a folder (every report file under it, walked by the core as
/// `govreport check` walks one), a JSON Lines file, or an iterable of sources and folders.
/// Returns one `Imported` per report (its `file` says which; `file:line` for JSON Lines), or
/// the exception that source raised on its own (with `file` too). Options as `import_document`.
#[pyfunction]
#[pyo3(signature = (sources, *, encoding = None, source_kind = None, format = None, year = None, agency_kind = None, lang = "zh"))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn import_many<'py>(
    py: Python<'py>,
    sources: &Bound<'py, PyAny>,
    encoding: Option<&Bound<'py, PyAny>>,
    source_kind: Option<&Bound<'py, PyAny>>,
    format: Option<&Bound<'py, PyAny>>,
    year: Option<&Bound<'py, PyAny>>,
    agency_kind: Option<&Bound<'py, PyAny>>,
    lang: &str,
) -> PyResult<Bound<'py, pyo3::types::PyList>> {
    let (options, message_lang) = import_options(py, encoding, source_kind, format, year, agency_kind, lang)?;
    let work = match many(py, sources, true, message_lang)? {
        Some(work) => work,
        None => {
            return Err(PyTypeError::new_err(format!(
                "import_many takes a folder or an iterable of sources, found {}: import one source with govreport.import_document",
                type_name(sources)
            )));
        }
    };
    import_all(py, work, options)
}

/// The options document of an import, read (and refused where need be) by the core, and the
/// language of messages.
fn import_options(
    py: Python<'_>,
    encoding: Option<&Bound<'_, PyAny>>,
    source_kind: Option<&Bound<'_, PyAny>>,
    format: Option<&Bound<'_, PyAny>>,
    year: Option<&Bound<'_, PyAny>>,
    agency_kind: Option<&Bound<'_, PyAny>>,
    lang: &str,
) -> PyResult<(ImportOptions, Lang)> {
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
    if let Some(k) = agency_kind {
        map.insert("agency_kind".into(), text_option(k, "agency_kind")?);
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
    Ok((options, message_lang))
}

/// Imports one source with the core.
fn import_one(source: Source, options: &ImportOptions) -> Result<govreport::Imported, Failure> {
    Ok(match source {
        Source::Bytes(b) => govreport::import_document(&b, options)?,
        Source::Text(t) => govreport::import::import_str(&t, options)?,
        Source::BrokenText(b) => govreport::import_document(&b, &ImportOptions { encoding: Some("utf-8".into()), ..options.clone() })?,
        Source::Path(p) => {
            let bytes = convert::read_file(&p).map_err(|error| Failure::Io { error, path: p.clone() })?;
            govreport::import_document(&bytes, options)?
        }
    })
}

/// The Python value of an import of the core.
fn wrap(py: Python<'_>, imported: govreport::Imported, file: Option<String>) -> PyResult<Imported> {
    Ok(Imported {
        report: Py::new(py, Report { inner: imported.report })?,
        findings: imported.findings.into_iter().collect(),
        source: imported.source.as_str().to_string(),
        encoding: imported.encoding.to_string(),
        file,
        provenance: imported.provenance,
        unseen: imported.unseen,
    })
}

/// One item of an import of many sources.
enum Work {
    /// A source, with the file it names when it is a path.
    One(Option<String>, Source),
    /// A folder (or JSON Lines file): each file the core's walk finds, each line of JSON Lines.
    Walked(Vec<govreport::fs::Source>),
}

/// The sources of `obj` when it holds several: a folder, a JSON Lines file, or an iterable
/// (not bytes or a str) of sources and folders; with `whole` (the argument of `import_many`),
/// any path. None for one source.
fn many(py: Python<'_>, obj: &Bound<'_, PyAny>, whole: bool, lang: Lang) -> PyResult<Option<Vec<Work>>> {
    // A folder or a JSON Lines file (`.jsonl`, `.ndjson`): the core walks it.
    let folder = |o: &Bound<'_, PyAny>| -> PyResult<Option<PathBuf>> {
        let pathlike = py.import("os")?.getattr("PathLike")?;
        if !o.is_instance(&pathlike)? {
            return Ok(None);
        }
        let p = convert::path(o)?;
        let lines = p.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"));
        Ok((p.is_dir() || lines).then_some(p))
    };
    if let Some(dir) = folder(obj)? {
        return Ok(Some(vec![Work::Walked(govreport::fs::walk(&[dir], &[]).sources)]));
    }
    // `import_many(path)`: whatever the path is (a file of JSON Lines, one page, or nothing that
    // can be read), the core's walk says, as `check_many(path)` does.
    if whole && obj.is_instance(&py.import("os")?.getattr("PathLike")?)? {
        let dir = convert::path(obj)?;
        return Ok(Some(vec![Work::Walked(govreport::fs::walk(&[dir], &[]).sources)]));
    }
    let one = obj.is_instance_of::<PyString>()
        || obj.is_instance_of::<PyBytes>()
        || obj.is_instance_of::<PyByteArray>()
        || obj.is_instance_of::<PyMemoryView>()
        || obj.is_instance_of::<PyDict>()
        || obj.is_instance_of::<Report>();
    let Some(items) = (!one).then(|| obj.try_iter().ok()).flatten() else {
        return Ok(None);
    };
    let mut work = Vec::new();
    for (i, item) in items.enumerate() {
        let item = item?;
        if let Some(dir) = folder(&item)? {
            work.push(Work::Walked(govreport::fs::walk(&[dir], &[]).sources));
            continue;
        }
        let src = source(py, &item, lang)
            .map_err(|e| if e.is_instance_of::<PyTypeError>(py) { PyTypeError::new_err(format!("sources[{i}]: {}", e.value(py))) } else { e })?;
        let file = match &src {
            Source::Path(p) => Some(govreport::fs::name_of(p)),
            _ => None,
        };
        work.push(Work::One(file, src));
    }
    Ok(Some(work))
}

/// Imports every source of `work` without the GIL: a list of `Imported` (with `file`) or the
/// exception each source raised on its own.
fn import_all(py: Python<'_>, work: Vec<Work>, options: ImportOptions) -> PyResult<Bound<'_, pyo3::types::PyList>> {
    let lang = options.lang;
    let done = py.detach(move || {
        let mut out: Vec<(Option<String>, Result<govreport::Imported, Failure>)> = Vec::new();
        for w in work {
            match w {
                Work::One(file, src) => out.push((file, guard(|| import_one(src, &options)))),
                Work::Walked(sources) => {
                    for (name, read) in govreport::fs::inputs(sources) {
                        out.push((Some(name), guard(|| Ok(govreport::import_document(&read?, &options)?))));
                    }
                }
            }
        }
        out
    });
    let list = pyo3::types::PyList::empty(py);
    for (file, result) in done {
        match result {
            Ok(imported) => list.append(Bound::new(py, wrap(py, imported, file)?)?)?,
            Err(f) => {
                let err = f.into_pyerr(py, lang).into_value(py).into_bound(py);
                err.setattr("file", file)?;
                list.append(err)?;
            }
        }
    }
    Ok(list)
}

/// What `import_document` gives: the report, the import findings, and how the source was read.
#[pyclass(module = "govreport", name = "Imported", frozen)]
pub struct Imported {
    pub(crate) report: Py<Report>,
    pub(crate) findings: Vec<govreport::Finding>,
    pub(crate) source: String,
    pub(crate) encoding: String,
    /// The file it was read from (a file of a folder), when it was.
    pub(crate) file: Option<String>,
    /// Where each cell the importer read came from, by pointer.
    pub(crate) provenance: govreport::import::Provenance,
    /// Places the source does not show (the core's `Imported::unseen`).
    pub(crate) unseen: Vec<String>,
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
    fn source(&self) -> &str {
        &self.source
    }
    /// The encoding the text was read in (WHATWG name: "UTF-8", "GBK", "gb18030" …).
    #[getter]
    fn encoding(&self) -> &str {
        &self.encoding
    }
    /// The file the report was read from when a folder or a list of paths was imported (its
    /// name as `govreport check` prints it); None for one source.
    #[getter]
    fn file(&self) -> Option<&str> {
        self.file.as_deref()
    }

    /// The places of the document the source does not show (pointers): what the check does
    /// not count against the report.
    #[getter]
    fn unseen(&self) -> Vec<String> {
        self.unseen.clone()
    }

    /// Where each cell the importer read came from and its text as published, by the cell's
    /// pointer: `{"/requests/new/total": {"line": 8, "column": 32, "text": "5"}, …}` (a text
    /// source: line and character column; an HTML page or Word file: `table`, `row` and
    /// `column`, the cell within the row; a PDF: `page` and `box`; `"unreadable": True` for a
    /// cell whose text is no value, GR911). Empty for a JSON document. A new dict each time.
    #[getter]
    fn provenance<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let v = serde_json::to_value(&self.provenance).map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
        convert::to_py(py, &v)
    }

    /// The import findings, then the findings of checking the report (as it is now), each of
    /// these about a cell the importer read with the cell's place in the source in `params`
    /// (`source_line`, `source_column`, `source_table`, `source_row`, `source_page`,
    /// `source_box`, `source_paragraph` as the source gives, `source_text` and `source_at`).
    /// Takes the options of `govreport.check`.
    #[pyo3(signature = (*, lang = "zh", severity = None, disable = None, township_deadline = None, today = None, copy_threshold = None))]
    #[allow(clippy::too_many_arguments)]
    fn check(
        &self,
        py: Python<'_>,
        lang: &str,
        severity: Option<&Bound<'_, PyAny>>,
        disable: Option<&Bound<'_, PyAny>>,
        township_deadline: Option<&Bound<'_, PyAny>>,
        today: Option<&Bound<'_, PyAny>>,
        copy_threshold: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<Finding>> {
        use crate::check::{CheckArgs, CheckKwargs};
        let args = CheckArgs::new(py, lang, CheckKwargs { severity, disable, township_deadline, today, copy_threshold })?;
        let report = self.report.bind(py).borrow().inner.clone();
        let (options, provenance, unseen) = (args.options.clone(), &self.provenance, &self.unseen);
        let checked = py.detach(|| {
            crate::errors::guard(|| {
                let mut found = govreport::check_unseen(&report, unseen, &options)?;
                govreport::import::provenance::annotate(&mut found, provenance, options.lang);
                Ok(found)
            })
        });
        let checked = checked.map_err(|f| f.into_pyerr(py, args.lang))?;
        Ok(self.findings.iter().cloned().chain(checked).map(|inner| Finding { inner }).collect())
    }

    /// `{"source": …, "encoding": …, "report": {…}, "findings": [{…}, …], "provenance": {…}}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("source", &self.source)?;
        d.set_item("encoding", &self.encoding)?;
        d.set_item("report", self.report.bind(py).call_method0("to_dict")?)?;
        let findings = serde_json::to_value(&self.findings).map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
        d.set_item("findings", convert::to_py(py, &findings)?)?;
        d.set_item("provenance", self.provenance(py)?)?;
        Ok(d)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        let mut findings = Vec::with_capacity(self.findings.len());
        for f in &self.findings {
            findings.push(serde_json::to_string(f).map_err(|e| PyRuntimeError::new_err(e.to_string()))?);
        }
        let provenance = serde_json::to_string(&self.provenance).map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
        let state = (self.report.clone_ref(py), findings, &self.source, &self.encoding, &self.file, provenance, &self.unseen).into_pyobject(py)?;
        crate::pickle::reduce(py, "Imported", state.into_any())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let report = self.report.bind(py).repr()?;
        Ok(format!("Imported(source='{}', encoding='{}', report={report}, findings={})", self.source, self.encoding, self.findings.len()))
    }
}
