//! `check`, `check_many`, `rules`, `rule`, `explain`, `json_schema`: each converts its
//! arguments, calls the core once, and converts the answer.

use std::num::NonZeroUsize;

use govreport::batch::{BatchOptions, Loaded, UnitNames};
use govreport::{Lang, Options};
use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString};
use serde_json::{Map, Value};

use crate::convert::{self, Input, type_name};
use crate::errors::{Failure, ReportError, core_error, guard, invalid};
use crate::finding::{Finding, Rule};

/// The options of a check, read by the core from the keyword arguments.
pub(crate) struct CheckArgs {
    pub(crate) options: Options,
    /// The language of messages, also for errors.
    pub(crate) lang: Lang,
}

/// The keyword arguments `check`, `check_many`, `Report.check` and `compare` share, as given.
#[derive(Default)]
pub(crate) struct CheckKwargs<'a, 'py> {
    pub(crate) severity: Option<&'a Bound<'py, PyAny>>,
    pub(crate) disable: Option<&'a Bound<'py, PyAny>>,
    pub(crate) township_deadline: Option<&'a Bound<'py, PyAny>>,
    pub(crate) today: Option<&'a Bound<'py, PyAny>>,
    pub(crate) copy_threshold: Option<&'a Bound<'py, PyAny>>,
}

fn text(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    match obj.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.to_string()),
        Err(_) => Err(PyTypeError::new_err(format!("{what} must be a str, found {}", type_name(obj)))),
    }
}

impl CheckArgs {
    /// Builds the options document and lets the core read it (and refuse what it refuses).
    pub(crate) fn new(py: Python<'_>, lang: &str, kwargs: CheckKwargs<'_, '_>) -> PyResult<CheckArgs> {
        let CheckKwargs { severity, disable, township_deadline, today, copy_threshold } = kwargs;
        let msg_lang = Lang::parse(lang);
        // The common calls give the language and perhaps the dates (texts the core judges when
        // it validates): no options document to write and read.
        if let (Some(lang), None, None, None) = (msg_lang, severity, disable, copy_threshold) {
            let township_deadline = township_deadline.map(|t| text(t, "township_deadline")).transpose()?;
            let today = today.map(date_text).transpose()?;
            let options = Options { lang, township_deadline, today, ..Options::default() };
            options.validate().map_err(|e| core_error(py, &e, lang))?;
            return Ok(CheckArgs { options, lang });
        }
        let mut map = Map::new();
        let lang_value = match msg_lang.map(serde_json::to_value) {
            Some(Ok(v)) => v,
            _ => Value::String(lang.to_string()),
        };
        map.insert("lang".into(), lang_value);
        if let Some(sev) = severity {
            if !convert::is_mapping(sev)? {
                return Err(PyTypeError::new_err(format!("severity must be a dict such as {{\"GR402\": \"error\"}}, found {}", type_name(sev))));
            }
            let mut m = Map::new();
            for item in sev.call_method0("items")?.try_iter()? {
                let (k, v) = item?.extract::<(Bound<'_, PyAny>, Bound<'_, PyAny>)>()?;
                m.insert(text(&k, "a rule code in severity")?, Value::String(text(&v, "a severity")?));
            }
            map.insert("severity".into(), Value::Object(m));
        }
        if let Some(dis) = disable {
            let mut codes = Vec::new();
            if dis.is_instance_of::<PyString>() {
                codes.push(Value::String(text(dis, "disable")?));
            } else if dis.is_instance_of::<PyBytes>() || dis.is_instance_of::<PyByteArray>() || dis.is_instance_of::<PyDict>() {
                return Err(PyTypeError::new_err("disable must be a code prefix (str) or a list of them"));
            } else {
                let items = dis.try_iter().map_err(|_| PyTypeError::new_err(format!("disable must be a list of code prefixes, found {}", type_name(dis))))?;
                for item in items {
                    codes.push(Value::String(text(&item?, "a code prefix in disable")?));
                }
            }
            map.insert("disable".into(), Value::Array(codes));
        }
        if let Some(t) = township_deadline {
            map.insert("township_deadline".into(), Value::String(text(t, "township_deadline")?));
        }
        if let Some(t) = today {
            map.insert("today".into(), Value::String(date_text(t)?));
        }
        let message_lang = match msg_lang {
            Some(l) => l,
            None => Lang::Zh,
        };
        if let Some(t) = copy_threshold {
            map.insert("copy_threshold".into(), ratio(py, t, "copy_threshold", message_lang)?);
        }
        let options = Options::from_json(&Value::Object(map).to_string()).map_err(|e| core_error(py, &e, message_lang))?;
        Ok(CheckArgs { options, lang: message_lang })
    }
}

/// A number (int or float, not bool) as a JSON number, for the core to judge. NaN and the
/// infinities have no JSON form: refused here, as the core would refuse them.
fn ratio(py: Python<'_>, obj: &Bound<'_, PyAny>, what: &str, lang: Lang) -> PyResult<Value> {
    if obj.is_instance_of::<PyBool>() || !(obj.is_instance_of::<PyInt>() || obj.is_instance_of::<PyFloat>()) {
        return Err(PyTypeError::new_err(format!("{what} must be a number from 0 to 1, found {}", type_name(obj))));
    }
    let v: f64 = obj.extract()?;
    match serde_json::Number::from_f64(v) {
        Some(n) => Ok(Value::Number(n)),
        None => {
            Err(invalid(py, &format!("options.{what}"), &format!("应为 0 到 1 之间的数，实为 {v}"), &format!("expected a number from 0 to 1, found {v}"), lang))
        }
    }
}

/// A date as "YYYY-MM-DD": a str as given, or a `datetime.date` (a datetime counts by its date).
fn date_text(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    if obj.is_instance_of::<PyString>() {
        return text(obj, "today");
    }
    let datetime = obj.py().import("datetime")?;
    if obj.is_instance(&datetime.getattr("datetime")?)? {
        return obj.call_method0("date")?.call_method0("isoformat")?.extract();
    }
    if obj.is_instance(&datetime.getattr("date")?)? {
        return obj.call_method0("isoformat")?.extract();
    }
    Err(PyTypeError::new_err(format!("today must be a str YYYY-MM-DD or a datetime.date, found {}", type_name(obj))))
}

fn run(input: Input, options: &Options) -> Result<govreport::Findings, Failure> {
    guard(|| {
        // A file that is no JSON (a page, text, a .docx or PDF file) is imported and checked as
        // the command's `check` does: the import's findings, then the check's with their places.
        if let Input::Path(p) = &input {
            let bytes = convert::read_file(p).map_err(|error| Failure::Io { error, path: p.clone() })?;
            if !govreport::import::looks_like_json(&bytes) && !govreport::fs::is_json_lines(&bytes) {
                let imported = govreport::import_document(&bytes, &govreport::ImportOptions { lang: options.lang, ..Default::default() })?;
                return Ok(imported.check(options)?);
            }
        }
        let report = input.load()?;
        Ok(govreport::check(&report, options)?)
    })
}

/// Checks one input without the GIL.
pub(crate) fn one(py: Python<'_>, input: Input, args: &CheckArgs) -> PyResult<Vec<Finding>> {
    let options = &args.options;
    match py.detach(move || run(input, options)) {
        Ok(findings) => Ok(findings.into_iter().map(|inner| Finding { inner }).collect()),
        Err(f) => Err(f.into_pyerr(py, args.lang)),
    }
}

/// Checks a report and returns its findings.
///
/// `report` is a `Report`, a dict, JSON text (str), JSON bytes or an `os.PathLike` (a str is
/// always JSON text, never a file name); a file that is no JSON document (a page, text, a .docx
/// or PDF file) is imported and checked as `Imported.check` does. `copy_threshold` is accepted so that one set of
/// options serves every call; one report has nothing to be a copy of.
#[pyfunction]
#[pyo3(signature = (report, *, lang = "zh", severity = None, disable = None, township_deadline = None, today = None, copy_threshold = None, blank_na = false))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn check(
    py: Python<'_>,
    report: &Bound<'_, PyAny>,
    lang: &str,
    severity: Option<&Bound<'_, PyAny>>,
    disable: Option<&Bound<'_, PyAny>>,
    township_deadline: Option<&Bound<'_, PyAny>>,
    today: Option<&Bound<'_, PyAny>>,
    copy_threshold: Option<&Bound<'_, PyAny>>,
    blank_na: bool,
) -> PyResult<Vec<Finding>> {
    let args = CheckArgs::new(py, lang, CheckKwargs { severity, disable, township_deadline, today, copy_threshold })?;
    one(py, convert::input_na(report, blank_na)?, &args)
}

/// One input of a batch, as the batch reads it.
enum Payload {
    /// A report given in memory (or a file path), read by [`Input::load`].
    Given(Input),
    /// An item refused while it was converted (its error is `refused[k]`).
    Refused(usize),
    /// A file of a folder or a line of JSON Lines, as the core's `fs::inputs` read it.
    Read(Result<Vec<u8>, govreport::Error>),
}

/// What the caller's items became: reports to read, or sources for the core's walk.
enum Part {
    /// One item, by its position in the caller's iterable.
    One(usize, Payload),
    /// A folder or a JSON Lines file: every report it holds, named by file (and line).
    Walked(Vec<govreport::fs::Source>),
}

/// Why one input of a batch gave no findings.
enum Failed {
    /// The core refused it, or it could not be read.
    Failure(Failure),
    /// Refused before the work; the caller has its exception.
    Refused(usize),
}

/// One result of [`check_batch`]: the file it was read from (None for a report given in
/// memory), its unit (the agency its report names) and its findings or why it has none.
type Outcome = (Option<String>, Option<String>, Result<govreport::Findings, Failed>);

/// Checks the batch with the core's one batch on `threads` threads, as `govreport check` does:
/// each report, then what only the batch shows (GR701 on the later unit of each copied pair,
/// GR702/GR703 on units that stand out from their peers) added to the report it concerns. A
/// unit is named by its agency, or by its place when the document names none. Folders and JSON
/// Lines are walked and read by the core (`fs::walk`, `fs::inputs`) as the batch goes; a page or
/// a Word file among them is imported. Runs without the GIL.
fn check_batch(parts: Vec<Part>, threads: usize, options: &Options) -> Result<Vec<Outcome>, Failure> {
    use std::sync::Mutex;
    let files: Mutex<Vec<Option<String>>> = Mutex::new(Vec::new());
    let units: Mutex<std::collections::HashMap<usize, String>> = Mutex::new(Default::default());
    let lang = options.lang;
    let inputs = parts
        .into_iter()
        .flat_map(|part| -> Box<dyn Iterator<Item = (String, Payload)> + Send> {
            match part {
                Part::One(i, payload) => Box::new(std::iter::once((format!("reports[{i}]"), payload))),
                Part::Walked(sources) => Box::new(govreport::fs::inputs(sources).map(|(name, read)| (name, Payload::Read(read)))),
            }
        })
        .enumerate()
        .map(|(index, (name, payload))| {
            let file = match &payload {
                Payload::Read(_) => Some(name.clone()),
                Payload::Given(Input::Path(p)) => Some(govreport::fs::name_of(p)),
                _ => None,
            };
            if let Ok(mut f) = files.lock() {
                f.push(file);
            }
            (name, (index, payload))
        });
    let load = |(index, payload): (usize, Payload)| -> Result<Loaded, Failed> {
        let loaded = match payload {
            Payload::Refused(k) => return Err(Failed::Refused(k)),
            Payload::Given(input) => guard(|| Ok(Loaded::from(input.load()?))),
            Payload::Read(read) => guard(|| Ok(Loaded::from_bytes(&read?, lang)?)),
        }
        .map_err(Failed::Failure)?;
        if let (Some(unit), Ok(mut units)) = (loaded.unit(), units.lock()) {
            units.insert(index, unit.to_string());
        }
        Ok(loaded)
    };
    let batch = BatchOptions { threads: Some(threads), unit_names: UnitNames::Agency, ..BatchOptions::default() };
    let results = guard(|| Ok(govreport::batch::check_all(inputs, load, options, &batch)?))?;
    let files = files.into_inner().unwrap_or_default();
    let mut units = units.into_inner().unwrap_or_default();
    Ok(results.into_iter().enumerate().map(|(i, r)| (files.get(i).cloned().flatten(), units.remove(&i), r)).collect())
}

/// Whether `obj` is a path a batch walks: a folder or a JSON Lines file (`.jsonl`, `.ndjson`),
/// or, given as the whole batch (`top`), any path (a file of JSON Lines or one report). A str
/// that is JSON text is no path.
fn walks(obj: &Bound<'_, PyAny>, top: bool) -> PyResult<Option<std::path::PathBuf>> {
    let path = if obj.is_instance_of::<PyString>() {
        let text = text(obj, "reports")?;
        if text.trim_start().starts_with(['{', '[']) {
            return Ok(None);
        }
        std::path::PathBuf::from(text)
    } else if convert::is_pathlike(obj)? {
        convert::path(obj)?
    } else {
        return Ok(None);
    };
    let lines = path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"));
    Ok((top || path.is_dir() || lines).then_some(path))
}

/// Checks many reports with the GIL released, on several threads, and adds what only the
/// batch shows. The package's `check_many` wraps it: see its documentation there. Returns one
/// `(file, unit, findings or exception)` per report.
#[pyfunction]
#[pyo3(signature = (reports, *, lang = "zh", severity = None, disable = None, township_deadline = None, today = None, copy_threshold = None, threads = None, blank_na = false))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn check_many<'py>(
    py: Python<'py>,
    reports: &Bound<'py, PyAny>,
    lang: &str,
    severity: Option<&Bound<'py, PyAny>>,
    disable: Option<&Bound<'py, PyAny>>,
    township_deadline: Option<&Bound<'py, PyAny>>,
    today: Option<&Bound<'py, PyAny>>,
    copy_threshold: Option<&Bound<'py, PyAny>>,
    threads: Option<&Bound<'py, PyAny>>,
    blank_na: bool,
) -> PyResult<Bound<'py, PyList>> {
    let args = CheckArgs::new(py, lang, CheckKwargs { severity, disable, township_deadline, today, copy_threshold })?;
    let threads = thread_count(py, threads, args.lang)?;
    let mut parts: Vec<Part> = Vec::new();
    let mut refused: Vec<Option<PyErr>> = Vec::new();
    if let Some(path) = walks(reports, true)? {
        parts.push(Part::Walked(govreport::fs::walk(&[path], &[]).sources));
    } else {
        // Converted with the GIL; a document a dict cannot be written as fails on its own.
        for (i, item) in convert::reports(reports, "check_many")?.enumerate() {
            let item = item?;
            if i % 64 == 63 {
                let_others_run(py);
            }
            if let Some(path) = walks(&item, false)? {
                parts.push(Part::Walked(govreport::fs::walk(&[path], &[]).sources));
                continue;
            }
            match convert::input_na(&item, blank_na) {
                Ok(input) => parts.push(Part::One(i, Payload::Given(input))),
                Err(e) if e.is_instance_of::<ReportError>(py) => {
                    parts.push(Part::One(i, Payload::Refused(refused.len())));
                    refused.push(Some(e));
                }
                Err(e) if e.is_instance_of::<PyTypeError>(py) => {
                    return Err(PyTypeError::new_err(format!("reports[{i}]: {}", e.value(py))));
                }
                Err(e) => return Err(e),
            }
        }
    }
    let options = &args.options;
    let results = py.detach(|| check_batch(parts, threads, options)).map_err(|f| f.into_pyerr(py, args.lang))?;
    let out = PyList::empty(py);
    for (n, (file, unit, result)) in results.into_iter().enumerate() {
        if n % 256 == 255 {
            let_others_run(py);
        }
        let outcome = match result {
            Ok(findings) => {
                let list = PyList::empty(py);
                for inner in findings {
                    list.append(Bound::new(py, Finding { inner })?)?;
                }
                list.into_any()
            }
            Err(Failed::Failure(f)) => f.into_pyerr(py, args.lang).into_value(py).into_bound(py).into_any(),
            Err(Failed::Refused(k)) => match refused.get_mut(k).and_then(Option::take) {
                Some(e) => e.into_value(py).into_bound(py).into_any(),
                None => PyRuntimeError::new_err("internal error in govreport (a bug; please report it): a refused item twice")
                    .into_value(py)
                    .into_bound(py)
                    .into_any(),
            },
        };
        out.append((file, unit, outcome))?;
    }
    Ok(out)
}

/// Lets other Python threads take the GIL for a moment: dicts are read, and results made, with
/// the GIL held, and a long batch would otherwise stall them (releasing it alone is not enough:
/// this thread would take it straight back).
fn let_others_run(py: Python<'_>) {
    py.detach(|| std::thread::sleep(std::time::Duration::from_micros(50)));
}

/// The `threads` argument: None for every core; else a whole number from 1.
fn thread_count(py: Python<'_>, threads: Option<&Bound<'_, PyAny>>, lang: Lang) -> PyResult<usize> {
    let Some(obj) = threads.filter(|t| !t.is_none()) else {
        return Ok(std::thread::available_parallelism().map_or(1, NonZeroUsize::get));
    };
    if obj.is_instance_of::<PyBool>() || obj.call_method0("__index__").is_err() {
        return Err(PyTypeError::new_err(format!("threads must be an int, found {}", type_name(obj))));
    }
    let index = obj.call_method0("__index__")?;
    let n = index.str()?.to_string();
    match index.extract::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(invalid(
            py,
            "threads",
            &format!("应为至少 1 个线程（或 None 表示每个处理器核一个），实为 {n}"),
            &format!("expected at least 1 thread (or None for one per core), found {n}"),
            lang,
        )),
    }
}

fn parse_lang(py: Python<'_>, lang: &str) -> PyResult<Lang> {
    match Lang::parse(lang) {
        Some(l) => Ok(l),
        None => Err(invalid(py, "lang", &format!("应为 \"zh\" 或 \"en\"，实为 {lang:?}"), &format!("expected \"zh\" or \"en\", found {lang:?}"), Lang::Zh)),
    }
}

fn find_rule(py: Python<'_>, code: &str, lang: Lang) -> PyResult<&'static govreport::Rule> {
    match govreport::rule(code) {
        Some(r) => Ok(r),
        None => Err(invalid(
            py,
            "code",
            &format!("没有代码为 {code} 的规则（govreport.rules() 列出全部规则）"),
            &format!("no rule has code {code} (govreport.rules() lists them)"),
            lang,
        )),
    }
}

/// Every rule, in code order, with its texts in `lang`.
#[pyfunction]
#[pyo3(signature = (lang = "zh"))]
pub(crate) fn rules(py: Python<'_>, lang: &str) -> PyResult<Vec<Rule>> {
    let lang = parse_lang(py, lang)?;
    Ok(govreport::rules().iter().map(|inner| Rule { inner, lang }).collect())
}

/// The rule with `code` (case-insensitive), with its texts in `lang`.
#[pyfunction]
#[pyo3(signature = (code, lang = "zh"))]
pub(crate) fn rule(py: Python<'_>, code: &str, lang: &str) -> PyResult<Rule> {
    let lang = parse_lang(py, lang)?;
    Ok(Rule { inner: find_rule(py, code, lang)?, lang })
}

/// The text `govreport explain CODE` prints (the core's `Rule::explain_text`): code, name,
/// default severity, title and explanation.
#[pyfunction]
#[pyo3(signature = (code, lang = "zh"))]
pub(crate) fn explain(py: Python<'_>, code: &str, lang: &str) -> PyResult<String> {
    let lang = parse_lang(py, lang)?;
    Ok(find_rule(py, code, lang)?.explain_text(lang))
}

/// The JSON Schema (Draft 2020-12) of a report document, as a dict.
#[pyfunction]
pub(crate) fn json_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    convert::to_py(py, &govreport::json_schema())
}
