//! `check`, `check_many`, `rules`, `rule`, `explain`, `json_schema`: each converts its
//! arguments, calls the core once, and converts the answer.

use std::num::NonZeroUsize;

use govreport::batch::{BatchOptions, Loaded, UnitNames};
use govreport::{Lang, Options};
use pyo3::exceptions::{PyTypeError, PyValueError};
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
        // The common call gives only the language: no options document to write and read.
        if let (Some(lang), None, None, None, None, None) = (msg_lang, severity, disable, township_deadline, today, copy_threshold) {
            return Ok(CheckArgs { options: Options { lang, ..Options::default() }, lang });
        }
        let mut map = Map::new();
        let lang_value = match msg_lang.map(serde_json::to_value) {
            Some(Ok(v)) => v,
            _ => Value::String(lang.to_string()),
        };
        map.insert("lang".into(), lang_value);
        if let Some(sev) = severity {
            let Ok(d) = sev.cast::<PyDict>() else {
                return Err(PyTypeError::new_err(format!("severity must be a dict such as {{\"GR402\": \"error\"}}, found {}", type_name(sev))));
            };
            let mut m = Map::new();
            for (k, v) in d.iter() {
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

fn run(input: &Input, options: &Options) -> Result<govreport::Findings, Failure> {
    guard(|| {
        let report = input.load()?;
        Ok(govreport::check(&report, options)?)
    })
}

/// Checks one input without the GIL.
pub(crate) fn one(py: Python<'_>, input: Input, args: &CheckArgs) -> PyResult<Vec<Finding>> {
    let options = args.options.clone();
    match py.detach(move || run(&input, &options)) {
        Ok(findings) => Ok(findings.into_iter().map(|inner| Finding { inner }).collect()),
        Err(f) => Err(f.into_pyerr(py, args.lang)),
    }
}

/// Checks a report and returns its findings.
///
/// `report` is a `Report`, a dict, JSON text (str), JSON bytes or an `os.PathLike` (a str is
/// always JSON text, never a file name). `copy_threshold` is accepted so that one set of
/// options serves every call; one report has nothing to be a copy of.
#[pyfunction]
#[pyo3(signature = (report, *, lang = "zh", severity = None, disable = None, township_deadline = None, today = None, copy_threshold = None))]
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
) -> PyResult<Vec<Finding>> {
    let args = CheckArgs::new(py, lang, CheckKwargs { severity, disable, township_deadline, today, copy_threshold })?;
    one(py, convert::input(report)?, &args)
}

/// Checks the batch with the core's one batch on `threads` threads, as `govreport check` does:
/// each report, then what only the batch shows (GR701 on the later unit of each copied pair,
/// GR702/GR703 on units that stand out from their peers) added to the report it concerns. A
/// unit is named by its agency, or by its place when the document names none. Runs without the
/// GIL. An item refused before the work (None) gives a placeholder its caller replaces.
fn check_batch(work: Vec<Option<Input>>, threads: usize, options: &Options) -> Result<Vec<Result<govreport::Findings, Failure>>, Failure> {
    let inputs = work.into_iter().enumerate().map(|(i, input)| (format!("reports[{i}]"), input));
    let batch = BatchOptions { threads: Some(threads), unit_names: UnitNames::Agency, ..BatchOptions::default() };
    let load = |input: Option<Input>| match input {
        Some(input) => guard(|| Ok(Loaded::from(input.load()?))),
        None => Err(Failure::Internal("refused before the work".into())),
    };
    guard(|| Ok(govreport::batch::check_all(inputs, load, options, &batch)?))
}

/// Checks many reports with the GIL released, on several threads, and adds what only the
/// batch shows, as `govreport check` does: prose copied between them (GR701) and reports that
/// stand out from their peers (GR702, GR703).
///
/// Returns one item per report, in order: its list of findings, or the exception that report
/// raised on its own (a `ReportError` for a bad document, an `OSError` for an unreadable file)
/// — one bad report does not stop the batch. Bad options, and an item of no accepted type,
/// raise for the whole call before any work is done.
#[pyfunction]
#[pyo3(signature = (reports, *, lang = "zh", severity = None, disable = None, township_deadline = None, today = None, copy_threshold = None, threads = None))]
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
    threads: Option<i64>,
) -> PyResult<Bound<'py, PyList>> {
    let args = CheckArgs::new(py, lang, CheckKwargs { severity, disable, township_deadline, today, copy_threshold })?;
    let items = convert::reports(reports, "check_many")?;
    let threads = match threads {
        None => std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
        Some(n) if n >= 1 => usize::try_from(n).map_or(1, |n| n),
        Some(n) => return Err(PyValueError::new_err(format!("threads must be at least 1, found {n}"))),
    };
    // Converted with the GIL; a document a dict cannot be written as fails on its own.
    let mut work: Vec<Option<Input>> = Vec::new();
    let mut failed: Vec<Option<PyErr>> = Vec::new();
    for (i, item) in items.enumerate() {
        match convert::input(&item?) {
            Ok(input) => {
                work.push(Some(input));
                failed.push(None);
            }
            Err(e) if e.is_instance_of::<ReportError>(py) => {
                work.push(None);
                failed.push(Some(e));
            }
            Err(e) if e.is_instance_of::<PyTypeError>(py) => {
                return Err(PyTypeError::new_err(format!("reports[{i}]: {}", e.value(py))));
            }
            Err(e) => return Err(e),
        }
    }
    let options = &args.options;
    let results = py.detach(|| check_batch(work, threads, options)).map_err(|f| f.into_pyerr(py, args.lang))?;
    let out = PyList::empty(py);
    for (result, fail) in results.into_iter().zip(failed) {
        match (result, fail) {
            (_, Some(e)) => out.append(e.into_value(py))?,
            (Ok(findings), None) => {
                let list = PyList::empty(py);
                for inner in findings {
                    list.append(Bound::new(py, Finding { inner })?)?;
                }
                out.append(list)?;
            }
            (Err(f), None) => out.append(f.into_pyerr(py, args.lang).into_value(py))?,
        }
    }
    Ok(out)
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
