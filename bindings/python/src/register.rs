//! `govreport.Register(path)`: the register (an SQLite file of every unit's reports across
//! the years) from Python, with the `register` cargo feature. Keyword arguments become the
//! query types of `govreport_register` (read by their serde forms), each call runs without
//! the GIL, and answers come back as plain dicts and lists in the JSON shapes of the Rust API.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use govreport::{Bilingual, Lang};
use govreport_register::{
    BenchmarkQuery, Decision, Error, ExportFormat, ExportKind, ExportQuery, FindingQuery, IngestOptions, Input, Register as Store, TrendQuery, UnitRef,
};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyInt, PyString};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::convert::{self, to_py, type_name};
use crate::errors::{Failure, core_error, guard, invalid};

create_exception!(
    govreport,
    RegisterError,
    PyException,
    "The register could not do what was asked: its database failed or is locked by another writer \
     (``kind`` ``\"database\"``, ``\"busy\"``), the file is from a newer govreport or needs upgrading \
     (``\"newer_schema\"``, ``\"needs_upgrade\"``), there is no such unit, report, version, finding or batch \
     (``\"not_found\"``), or the register was closed (``\"closed\"``). Attributes: ``kind``, ``message``, ``messages`` (``{\"zh\": …, \"en\": …}``).\n\n\
     A document or value the core refuses raises ``ReportError``; a file that cannot be read, ``OSError``."
);

/// What a register call can fail with, across the GIL.
enum Fail {
    Register(Error),
    Other(Failure),
    /// The register was closed (its path).
    Closed(String),
}

/// The message of a call on a closed register.
const CLOSED: Bilingual = Bilingual::new("登记库 {path} 已关闭，不能再使用；请重新打开", "the register {path} is closed and cannot be used; open it again");

impl From<Error> for Fail {
    fn from(e: Error) -> Fail {
        Fail::Register(e)
    }
}

impl From<Failure> for Fail {
    fn from(f: Failure) -> Fail {
        Fail::Other(f)
    }
}

fn py_err(py: Python<'_>, fail: Fail, lang: Lang) -> PyErr {
    match fail {
        Fail::Other(f) => f.into_pyerr(py, lang),
        Fail::Register(Error::Report(e)) => core_error(py, &e, lang),
        Fail::Register(Error::Io { path, source }) => Failure::Io { error: source, path: PathBuf::from(path) }.into_pyerr(py, lang),
        Fail::Register(e @ (Error::Invalid { .. } | Error::Ambiguous { .. })) => {
            crate::errors::report_error(py, e.kind(), None, e.message(Lang::Zh), e.message(Lang::En), lang)
        }
        Fail::Register(e) => register_error(py, e.kind(), e.message(Lang::Zh), e.message(Lang::En), lang),
        Fail::Closed(path) => {
            let message = |l| CLOSED.format(l, &[("path", &path)]);
            register_error(py, "closed", message(Lang::Zh), message(Lang::En), lang)
        }
    }
}

/// A `RegisterError` with its `kind`, its `message` in `lang` and both `messages`.
fn register_error(py: Python<'_>, kind: &str, zh: String, en: String, lang: Lang) -> PyErr {
    let message = if lang == Lang::En { en.clone() } else { zh.clone() };
    crate::errors::with_messages(py, RegisterError::new_err(message), kind, zh, en, lang)
}

fn lang_of(py: Python<'_>, lang: &str) -> PyResult<Lang> {
    Lang::parse(lang).ok_or_else(|| invalid(py, "lang", &format!("“{lang}”不是 zh 或 en"), &format!("{lang:?} is not zh or en"), Lang::Zh))
}

/// Keyword arguments as a JSON object, read by `T`'s serde form (which refuses what it
/// refuses, with its message).
fn query<T: serde::de::DeserializeOwned>(py: Python<'_>, fields: Vec<(&str, Option<&Bound<'_, PyAny>>)>, extra: Map<String, Value>, lang: Lang) -> PyResult<T> {
    let mut map = extra;
    for (name, v) in fields {
        if let Some(v) = v
            && !v.is_none()
        {
            map.insert(name.to_string(), convert::value(v, &format!("/{name}"))?);
        }
    }
    serde_json::from_value(Value::Object(map)).map_err(|e| invalid(py, "arguments", &e.to_string(), &e.to_string(), lang))
}

/// A unit given as an id (int) or its credit code or name (str).
fn unit_arg(unit: &Bound<'_, PyAny>) -> PyResult<UnitRef> {
    if let Ok(i) = unit.cast::<PyInt>() {
        return Ok(UnitRef::Id(i.extract()?));
    }
    match unit.cast::<PyString>() {
        Ok(s) => Ok(UnitRef::parse(&s.to_cow()?)),
        Err(_) => Err(PyTypeError::new_err(format!("unit must be an id (int) or a credit code or name (str), found {}", type_name(unit)))),
    }
}

fn answer<'py>(py: Python<'py>, v: &impl Serialize) -> PyResult<Bound<'py, PyAny>> {
    to_py(py, &serde_json::to_value(v).unwrap_or(Value::Null))
}

/// The register: every unit's reports across the years in one SQLite file (made when
/// missing), with immutable versions, every cell as a row, findings with their review,
/// benchmarks, trends and the supervisor's review page.
///
/// One object is one connection; calls on it are serialized. Other objects and processes may
/// read the same file while one writes.
#[pyclass(module = "govreport", name = "Register")]
pub(crate) struct Register {
    /// The open register; None once closed.
    inner: Mutex<Option<Store>>,
    path: String,
}

impl Register {
    fn lock(&self) -> MutexGuard<'_, Option<Store>> {
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `f` on the register without the GIL, guarded against panics; a clear error when
    /// the register was closed.
    fn call<T: Send>(&self, py: Python<'_>, lang: Lang, f: impl FnOnce(&mut Store) -> Result<T, Fail> + Send) -> PyResult<T> {
        let result = py.detach(|| {
            let mut guarded = self.lock();
            let Some(store) = guarded.as_mut() else { return Err(Fail::Closed(self.path.clone())) };
            match guard(|| Ok(f(store))) {
                Ok(r) => r,
                Err(failure) => Err(Fail::Other(failure)),
            }
        });
        result.map_err(|fail| py_err(py, fail, lang))
    }
}

#[pymethods]
impl Register {
    /// Opens the register at `path` (a str or os.PathLike; "govreport.db" by default), making
    /// it when there is none and upgrading an older one.
    #[new]
    #[pyo3(signature = (path = None))]
    fn new(py: Python<'_>, path: Option<&Bound<'_, PyAny>>) -> PyResult<Register> {
        let path: PathBuf = match path {
            None => PathBuf::from(govreport_register::DEFAULT_PATH),
            Some(p) if p.is_instance_of::<PyString>() => PathBuf::from(p.cast::<PyString>()?.to_cow()?.as_ref()),
            Some(p) => convert::path(p)?,
        };
        let shown = path.display().to_string();
        let store = py.detach(|| Store::open(&path)).map_err(|e| py_err(py, Fail::Register(e), Lang::Zh))?;
        Ok(Register { inner: Mutex::new(Some(store)), path: shown })
    }

    /// The register file.
    #[getter]
    fn path(&self) -> String {
        self.path.clone()
    }

    /// Whether the register was closed.
    #[getter]
    fn closed(&self) -> bool {
        self.lock().is_none()
    }

    fn __repr__(&self) -> String {
        let closed = if self.closed() { " (closed)" } else { "" };
        format!("govreport.Register({:?}){closed}", self.path)
    }

    /// Closes the register file (after any call still running on it). Closing again does
    /// nothing; any other call on a closed register raises ``RegisterError`` (kind "closed").
    fn close(&self, py: Python<'_>) -> PyResult<()> {
        let store = py.detach(|| self.lock().take());
        match store {
            None => Ok(()),
            Some(store) => py.detach(|| store.close()).map_err(|e| py_err(py, Fail::Register(e), Lang::Zh)),
        }
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    /// Leaving a ``with`` block closes the register.
    #[pyo3(signature = (*_args))]
    fn __exit__(&self, py: Python<'_>, _args: &Bound<'_, pyo3::types::PyTuple>) -> PyResult<bool> {
        self.close(py)?;
        Ok(false)
    }

    /// The options checks run with when versions are made or rechecked.
    #[pyo3(signature = (*, today = None, township_deadline = None, severity = None, disable = None, copy_threshold = None))]
    fn set_check_options(
        &self,
        py: Python<'_>,
        today: Option<&Bound<'_, PyAny>>,
        township_deadline: Option<&Bound<'_, PyAny>>,
        severity: Option<&Bound<'_, PyAny>>,
        disable: Option<&Bound<'_, PyAny>>,
        copy_threshold: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let args = crate::check::CheckArgs::new(py, "zh", crate::check::CheckKwargs { severity, disable, township_deadline, today, copy_threshold })?;
        self.call(py, Lang::Zh, move |r| Ok(r.set_check_options(args.options)?))
    }

    /// Ingests files and folders (JSON, JSON Lines, HTML pages, text, .docx) as one batch; an
    /// input that cannot be read is recorded as failed and the rest go on. Returns the batch.
    #[pyo3(signature = (*paths, reason = None, author = None, note = None, encoding = None, year = None, skip_peer_checks = false))]
    #[allow(clippy::too_many_arguments)]
    fn add<'py>(
        &self,
        py: Python<'py>,
        paths: Vec<Bound<'py, PyAny>>,
        reason: Option<String>,
        author: Option<String>,
        note: Option<String>,
        encoding: Option<String>,
        year: Option<u16>,
        skip_peer_checks: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let mut list = vec![];
        for p in &paths {
            list.push(if p.is_instance_of::<PyString>() { PathBuf::from(p.cast::<PyString>()?.to_cow()?.as_ref()) } else { convert::path(p)? });
        }
        let options = IngestOptions { note: note.or(Some("python".into())), reason, author, encoding, year, skip_peer_checks };
        let batch = self.call(py, Lang::Zh, move |r| Ok(r.add_paths(&list, &options)?))?;
        answer(py, &batch)
    }

    /// Ingests one document held in memory (JSON text or bytes, or the bytes of a page or a
    /// .docx file) under `name`. Returns the batch.
    #[pyo3(signature = (name, data, *, reason = None, author = None, encoding = None, year = None, skip_peer_checks = false))]
    #[allow(clippy::too_many_arguments)]
    fn add_bytes<'py>(
        &self,
        py: Python<'py>,
        name: String,
        data: &Bound<'py, PyAny>,
        reason: Option<String>,
        author: Option<String>,
        encoding: Option<String>,
        year: Option<u16>,
        skip_peer_checks: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let bytes: Vec<u8> = if let Ok(b) = data.cast::<PyBytes>() {
            b.as_bytes().to_vec()
        } else if let Ok(s) = data.cast::<PyString>() {
            s.to_cow()?.as_bytes().to_vec()
        } else {
            return Err(PyTypeError::new_err(format!("data must be bytes or str, found {}", type_name(data))));
        };
        let options = IngestOptions { note: Some("python".into()), reason, author, encoding, year, skip_peer_checks };
        let batch = self.call(py, Lang::Zh, move |r| Ok(r.ingest([Input::bytes(name, bytes)], &options)?))?;
        answer(py, &batch)
    }

    /// Corrects one field of a unit's current report for `year` (`value`: an int, None for
    /// blank, "/", an amount as str, a text) as a new version with `reason`. Returns the version.
    #[pyo3(signature = (unit, year, pointer, value, *, reason, author = None))]
    #[allow(clippy::too_many_arguments)]
    fn set<'py>(
        &self,
        py: Python<'py>,
        unit: &Bound<'py, PyAny>,
        year: u16,
        pointer: String,
        value: &Bound<'py, PyAny>,
        reason: String,
        author: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let unit = unit_arg(unit)?;
        let value = convert::value(value, &pointer)?;
        let version = self.call(py, Lang::Zh, move |r| Ok(r.set_cell(&unit, year, &pointer, value, &reason, author.as_deref())?))?;
        answer(py, &version)
    }

    /// Every version of a unit's reports (of `year`, or every year) with what it changed and
    /// resolved, and every review, oldest first.
    #[pyo3(signature = (unit, year = None, *, lang = "zh"))]
    fn history<'py>(&self, py: Python<'py>, unit: &Bound<'py, PyAny>, year: Option<u16>, lang: &str) -> PyResult<Bound<'py, PyAny>> {
        let lang = lang_of(py, lang)?;
        let unit = unit_arg(unit)?;
        let h = self.call(py, lang, move |r| Ok(r.history(&unit, year, lang)?))?;
        answer(py, &h)
    }

    /// Findings of the current versions (or of `version`), each with the review that holds
    /// for it; `state` is "open", "confirmed", "dismissed" or "fixed".
    #[pyo3(signature = (*, year = None, unit = None, region = None, code = None, state = None, version = None, violated_only = false, lang = "zh", limit = None))]
    #[allow(clippy::too_many_arguments)]
    fn findings<'py>(
        &self,
        py: Python<'py>,
        year: Option<&Bound<'py, PyAny>>,
        unit: Option<&Bound<'py, PyAny>>,
        region: Option<&Bound<'py, PyAny>>,
        code: Option<&Bound<'py, PyAny>>,
        state: Option<&Bound<'py, PyAny>>,
        version: Option<&Bound<'py, PyAny>>,
        violated_only: bool,
        lang: &str,
        limit: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let l = lang_of(py, lang)?;
        let mut extra = Map::new();
        extra.insert("violated_only".into(), Value::Bool(violated_only));
        extra.insert("lang".into(), Value::from(lang));
        let q: FindingQuery = query(
            py,
            vec![("year", year), ("unit", unit), ("region", region), ("code", code), ("state", state), ("version", version), ("limit", limit)],
            extra,
            l,
        )?;
        let list = self.call(py, l, move |r| Ok(r.findings(&q)?))?;
        answer(py, &list)
    }

    /// Records a reviewer's decision on a finding: "confirmed", "dismissed" (needs a reason)
    /// or "fixed". It holds for the same finding in later versions while its cells are
    /// unchanged. Returns the review.
    #[pyo3(signature = (finding, decision, *, reason = None, reviewer = None))]
    fn review<'py>(&self, py: Python<'py>, finding: i64, decision: &str, reason: Option<String>, reviewer: Option<String>) -> PyResult<Bound<'py, PyAny>> {
        let decision = Decision::parse(decision).ok_or_else(|| {
            invalid(
                py,
                "decision",
                &format!("“{decision}”不是 confirmed、dismissed 或 fixed"),
                &format!("{decision:?} is not confirmed, dismissed or fixed"),
                Lang::Zh,
            )
        })?;
        let review = self.call(py, Lang::Zh, move |r| Ok(r.review(finding, decision, reason.as_deref(), reviewer.as_deref())?))?;
        answer(py, &review)
    }

    /// The units of the register (of a region code prefix).
    #[pyo3(signature = (*, region = None))]
    fn units<'py>(&self, py: Python<'py>, region: Option<String>) -> PyResult<Bound<'py, PyAny>> {
        let list = self.call(py, Lang::Zh, move |r| Ok(r.list_units(region.as_deref())?))?;
        answer(py, &list)
    }

    /// Every unit expected for `year` (of a region code prefix): published, late or missing,
    /// its current version and its finding counts.
    #[pyo3(signature = (year, *, region = None))]
    fn status<'py>(&self, py: Python<'py>, year: u16, region: Option<String>) -> PyResult<Bound<'py, PyAny>> {
        let list = self.call(py, Lang::Zh, move |r| Ok(r.status(year, region.as_deref())?))?;
        answer(py, &list)
    }

    /// P25/P50/P75 and the rank of each unit per metric and peer group (kind and level).
    #[pyo3(signature = (year, *, region = None, metrics = None, lang = "zh"))]
    fn benchmarks<'py>(
        &self,
        py: Python<'py>,
        year: u16,
        region: Option<&Bound<'py, PyAny>>,
        metrics: Option<&Bound<'py, PyAny>>,
        lang: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let l = lang_of(py, lang)?;
        let mut extra = Map::new();
        extra.insert("year".into(), Value::from(year));
        extra.insert("lang".into(), Value::from(lang));
        let q: BenchmarkQuery = query(py, vec![("region", region), ("metrics", metrics)], extra, l)?;
        let list = self.call(py, l, move |r| Ok(r.benchmarks(&q)?))?;
        answer(py, &list)
    }

    /// Metrics over 3 to 5 years, of a unit or of a region's units.
    #[pyo3(signature = (*, unit = None, region = None, metrics = None, to_year = None, years = 5, lang = "zh"))]
    #[allow(clippy::too_many_arguments)]
    fn trends<'py>(
        &self,
        py: Python<'py>,
        unit: Option<&Bound<'py, PyAny>>,
        region: Option<&Bound<'py, PyAny>>,
        metrics: Option<&Bound<'py, PyAny>>,
        to_year: Option<&Bound<'py, PyAny>>,
        years: u16,
        lang: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let l = lang_of(py, lang)?;
        let mut extra = Map::new();
        extra.insert("years".into(), Value::from(years));
        extra.insert("lang".into(), Value::from(lang));
        let q: TrendQuery = query(py, vec![("unit", unit), ("region", region), ("metrics", metrics), ("to_year", to_year)], extra, l)?;
        let list = self.call(py, l, move |r| Ok(r.trends(&q)?))?;
        answer(py, &list)
    }

    /// The current reports, their cells or their findings as CSV (for spreadsheets) or JSON
    /// Lines text.
    #[pyo3(signature = (what = "reports", format = "csv", *, year = None, region = None, unit = None, lang = "zh"))]
    #[allow(clippy::too_many_arguments)]
    fn export(
        &self,
        py: Python<'_>,
        what: &str,
        format: &str,
        year: Option<&Bound<'_, PyAny>>,
        region: Option<&Bound<'_, PyAny>>,
        unit: Option<&Bound<'_, PyAny>>,
        lang: &str,
    ) -> PyResult<String> {
        let l = lang_of(py, lang)?;
        let kind = ExportKind::parse(what).ok_or_else(|| {
            invalid(py, "what", &format!("“{what}”不是 reports、cells 或 findings"), &format!("{what:?} is not reports, cells or findings"), l)
        })?;
        let format = ExportFormat::parse(format)
            .ok_or_else(|| invalid(py, "format", &format!("“{format}”不是 csv 或 jsonl"), &format!("{format:?} is not csv or jsonl"), l))?;
        let mut extra = Map::new();
        extra.insert("lang".into(), Value::from(lang));
        let q: ExportQuery = query(py, vec![("year", year), ("region", region), ("unit", unit)], extra, l)?;
        let bytes = self.call(py, l, move |r| {
            let mut buf = Vec::new();
            r.export(kind, format, &q, &mut buf)?;
            Ok(buf)
        })?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// The supervising office's review of `year` (of a region code prefix) as "html" or
    /// "docx" bytes, or "json" bytes of the data behind it.
    #[pyo3(signature = (year, *, region = None, to = "html", lang = "zh"))]
    fn review_page<'py>(&self, py: Python<'py>, year: u16, region: Option<String>, to: &str, lang: &str) -> PyResult<Bound<'py, PyBytes>> {
        let l = lang_of(py, lang)?;
        if !matches!(to, "html" | "docx" | "json") {
            return Err(invalid(py, "to", &format!("“{to}”不是 html、docx 或 json"), &format!("{to:?} is not html, docx or json"), l));
        }
        let to = to.to_string();
        let bytes = self.call(py, l, move |r| {
            let page = r.supervisor_review(year, region.as_deref(), l)?;
            Ok(match to.as_str() {
                "html" => page.to_html().into_bytes(),
                "docx" => page.to_docx()?,
                _ => serde_json::to_vec(&page).unwrap_or_default(),
            })
        })?;
        Ok(PyBytes::new(py, &bytes))
    }

    /// Makes the findings of the current versions of `years` (all when none) again.
    #[pyo3(signature = (*years))]
    fn recheck<'py>(&self, py: Python<'py>, years: Vec<u16>) -> PyResult<Bound<'py, PyAny>> {
        let done = self.call(py, Lang::Zh, move |r| Ok(r.recheck(&years)?))?;
        answer(py, &done)
    }

    /// Ingest batches, newest first (without their inputs), or one batch with every input.
    #[pyo3(signature = (id = None))]
    fn batches<'py>(&self, py: Python<'py>, id: Option<i64>) -> PyResult<Bound<'py, PyAny>> {
        match id {
            Some(id) => {
                let b = self.call(py, Lang::Zh, move |r| Ok(r.batch(id)?))?;
                answer(py, &b)
            }
            None => {
                let list = self.call(py, Lang::Zh, move |r| Ok(r.batches()?))?;
                answer(py, &list)
            }
        }
    }
}
