//! `check`, `check_many`, `rules`, `rule`, `explain`, `json_schema`: each converts its
//! arguments, calls the core once, and converts the answer.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};

use govreport::{Lang, Options};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyString};
use serde_json::{Map, Value};

use crate::convert::{self, Input};
use crate::errors::{Failure, ReportError, core_error, guard, invalid};
use crate::finding::{Finding, Rule};
use crate::report::Report;

/// The options of a check, read by the core from the keyword arguments.
pub(crate) struct CheckArgs {
    options: Options,
    /// The language of messages, also for errors.
    lang: Lang,
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    match obj.get_type().name() {
        Ok(n) => n.to_string(),
        Err(_) => "object".to_string(),
    }
}

fn text(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    match obj.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.to_string()),
        Err(_) => Err(PyTypeError::new_err(format!("{what} must be a str, found {}", type_name(obj)))),
    }
}

impl CheckArgs {
    /// Builds the options document and lets the core read it (and refuse what it refuses).
    pub(crate) fn new(
        py: Python<'_>,
        lang: &str,
        severity: Option<&Bound<'_, PyAny>>,
        disable: Option<&Bound<'_, PyAny>>,
        township_deadline: Option<&Bound<'_, PyAny>>,
        today: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<CheckArgs> {
        let msg_lang = Lang::parse(lang);
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
        let options = Options::from_json(&Value::Object(map).to_string()).map_err(|e| core_error(py, &e, message_lang))?;
        Ok(CheckArgs { options, lang: message_lang })
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
/// always JSON text, never a file name).
#[pyfunction]
#[pyo3(signature = (report, *, lang = "zh", severity = None, disable = None, township_deadline = None, today = None))]
pub(crate) fn check(
    py: Python<'_>,
    report: &Bound<'_, PyAny>,
    lang: &str,
    severity: Option<&Bound<'_, PyAny>>,
    disable: Option<&Bound<'_, PyAny>>,
    township_deadline: Option<&Bound<'_, PyAny>>,
    today: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Finding>> {
    let args = CheckArgs::new(py, lang, severity, disable, township_deadline, today)?;
    one(py, convert::input(report)?, &args)
}

/// Checks many reports with the GIL released, on several threads.
///
/// Returns one item per report, in order: its list of findings, or the exception that report
/// raised on its own (a `ReportError` for a bad document, an `OSError` for an unreadable file)
/// — one bad report does not stop the batch. Bad options, and an item of no accepted type,
/// raise for the whole call before any work is done.
#[pyfunction]
#[pyo3(signature = (reports, *, lang = "zh", severity = None, disable = None, township_deadline = None, today = None, threads = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn check_many<'py>(
    py: Python<'py>,
    reports: &Bound<'py, PyAny>,
    lang: &str,
    severity: Option<&Bound<'py, PyAny>>,
    disable: Option<&Bound<'py, PyAny>>,
    township_deadline: Option<&Bound<'py, PyAny>>,
    today: Option<&Bound<'py, PyAny>>,
    threads: Option<i64>,
) -> PyResult<Bound<'py, PyList>> {
    let args = CheckArgs::new(py, lang, severity, disable, township_deadline, today)?;
    let one_report = reports.is_instance_of::<PyString>()
        || reports.is_instance_of::<PyBytes>()
        || reports.is_instance_of::<PyByteArray>()
        || reports.is_instance_of::<PyDict>()
        || reports.is_instance_of::<Report>();
    if one_report {
        return Err(PyTypeError::new_err("check_many takes an iterable of reports (e.g. a list); for one report use check()"));
    }
    let items = reports.try_iter().map_err(|_| PyTypeError::new_err(format!("check_many takes an iterable of reports, found {}", type_name(reports))))?;
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
    let results = py.detach(|| map_parallel(&work, threads, |input| input.as_ref().map(|i| run(i, options))));
    let out = PyList::empty(py);
    for (result, fail) in results.into_iter().zip(failed) {
        match (result, fail) {
            (_, Some(e)) => out.append(e.into_value(py))?,
            (Some(Some(Ok(findings))), _) => {
                let list = PyList::empty(py);
                for inner in findings {
                    list.append(Bound::new(py, Finding { inner })?)?;
                }
                out.append(list)?;
            }
            (Some(Some(Err(f))), None) => out.append(f.into_pyerr(py, args.lang).into_value(py))?,
            (Some(None), None) | (None, None) => out.append(Failure::Internal("a worker thread stopped".into()).into_pyerr(py, args.lang).into_value(py))?,
        }
    }
    Ok(out)
}

/// `f` over `items` on up to `threads` scoped threads (fewer if the system refuses more), in
/// order. An item whose thread died is None.
fn map_parallel<T: Sync, R: Send>(items: &[T], threads: usize, f: impl Fn(&T) -> R + Sync) -> Vec<Option<R>> {
    if threads <= 1 || items.len() <= 1 {
        return items.iter().map(|x| Some(f(x))).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            done.push((i, f(item)));
        }
        done
    };
    let mut out: Vec<Option<R>> = items.iter().map(|_| None).collect();
    std::thread::scope(|s| {
        let mut handles = Vec::new();
        for _ in 0..threads.min(items.len()) {
            match std::thread::Builder::new().name("govreport-check".into()).spawn_scoped(s, work) {
                Ok(h) => handles.push(h),
                Err(_) => break,
            }
        }
        let mut collect = |done: Vec<(usize, R)>| {
            for (i, r) in done {
                if let Some(slot) = out.get_mut(i) {
                    *slot = Some(r);
                }
            }
        };
        if handles.is_empty() {
            collect(work());
        }
        for h in handles {
            if let Ok(done) = h.join() {
                collect(done);
            }
        }
    });
    out
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
