//! `compare` (a report against last year's) and `aggregate` (units rolled up into one report),
//! with `RollUp` and `Gap`. Each converts its arguments, calls the core once without the GIL
//! (`govreport::compare`, `govreport::aggregate`), and converts the answer.

use govreport::{Agency, Lang};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::check::{CheckArgs, CheckKwargs};
use crate::convert::{self, Input, type_name};
use crate::errors::{guard, invalid};
use crate::finding::Finding;
use crate::report::Report;

/// An input of a call that takes several, its errors naming it (`previous: expected …`).
fn input_at(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Input> {
    convert::input(obj).map_err(|e| {
        let py = obj.py();
        if e.is_instance_of::<PyTypeError>(py) { PyTypeError::new_err(format!("{what}: {}", e.value(py))) } else { e }
    })
}

/// Checks `current` against `previous`, the same unit's report of the year before (GR6xx).
///
/// Each argument is anything `check` takes. Findings point into `current`. `copy_threshold`
/// (0–1) is how similar prose must be to last year's to count as copied (GR606); the core's
/// 0.8 when None.
#[pyfunction]
#[pyo3(signature = (previous, current, *, lang = "zh", severity = None, disable = None, today = None, copy_threshold = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn compare(
    py: Python<'_>,
    previous: &Bound<'_, PyAny>,
    current: &Bound<'_, PyAny>,
    lang: &str,
    severity: Option<&Bound<'_, PyAny>>,
    disable: Option<&Bound<'_, PyAny>>,
    today: Option<&Bound<'_, PyAny>>,
    copy_threshold: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Finding>> {
    let args = CheckArgs::new(py, lang, CheckKwargs { severity, disable, today, copy_threshold, township_deadline: None })?;
    let (old, new) = (input_at(previous, "previous")?, input_at(current, "current")?);
    let options = args.options.clone();
    let compared = py.detach(move || {
        guard(|| {
            let old = old.load().map_err(|f| f.at("previous"))?;
            let new = new.load().map_err(|f| f.at("current"))?;
            Ok(govreport::compare(&old, &new, &options)?)
        })
    });
    match compared {
        Ok(findings) => Ok(findings.into_iter().map(|inner| Finding { inner }).collect()),
        Err(f) => Err(f.into_pyerr(py, args.lang)),
    }
}

/// The body a roll-up is for: a dict of the document's `agency` object, or its name alone
/// (a str), which makes a 人民政府 (kind "government") as `govreport aggregate --name` does.
fn agency(py: Python<'_>, obj: &Bound<'_, PyAny>, lang: Lang) -> PyResult<Agency> {
    let value = if let Ok(name) = obj.cast::<PyString>() {
        serde_json::json!({"name": name.to_cow()?.as_ref(), "kind": "government"})
    } else if obj.is_instance_of::<PyDict>() {
        convert::value(obj, "/agency")?
    } else {
        return Err(PyTypeError::new_err(format!(
            "agency must be a dict such as {{\"name\": \"某县人民政府\", \"kind\": \"government\"}} or a name (str), found {}",
            type_name(obj)
        )));
    };
    // The core's own form of the agency object decides what is accepted.
    serde_json::from_value::<Agency>(value).map_err(|e| invalid(py, "agency", &e.to_string(), &e.to_string(), lang))
}

/// Rolls units' reports up into one report of `agency`: every cell summed exactly; a cell
/// some unit leaves blank or absent is left blank and named in `gaps`, never zeroed.
///
/// `reports` is an iterable of anything `check` takes, of one format and one year (else a
/// ReportError with the core's message naming the report). A report that cannot be read raises
/// its error, naming it (`reports[2]: …`).
#[pyfunction]
#[pyo3(signature = (reports, *, agency, lang = "zh"))]
pub(crate) fn aggregate(py: Python<'_>, reports: &Bound<'_, PyAny>, agency: &Bound<'_, PyAny>, lang: &str) -> PyResult<RollUp> {
    let Some(lang) = Lang::parse(lang) else {
        return Err(invalid(py, "lang", &format!("应为 \"zh\" 或 \"en\"，实为 {lang:?}"), &format!("expected \"zh\" or \"en\", found {lang:?}"), Lang::Zh));
    };
    let body = self::agency(py, agency, lang)?;
    let mut inputs = Vec::new();
    for (i, item) in convert::reports(reports, "aggregate")?.enumerate() {
        inputs.push(input_at(&item?, &format!("reports[{i}]"))?);
    }
    let rolled = py.detach(move || {
        guard(|| {
            let mut loaded = Vec::with_capacity(inputs.len());
            for (i, input) in inputs.into_iter().enumerate() {
                loaded.push(input.load().map_err(|f| f.at(format!("reports[{i}]")))?);
            }
            Ok(govreport::aggregate(&loaded, body)?)
        })
    });
    let up = rolled.map_err(|f| f.into_pyerr(py, lang))?;
    let gaps = up.gaps.into_iter().map(|g| Py::new(py, Gap { pointer: g.pointer, units: g.units })).collect::<PyResult<Vec<_>>>()?;
    Ok(RollUp { report: Py::new(py, Report { inner: up.report })?, units: up.units, gaps, merged_other: up.merged_other })
}

/// What `aggregate` gives: the summed report, the units in it, and the cells it could not sum.
#[pyclass(module = "govreport", name = "RollUp", frozen)]
pub struct RollUp {
    pub(crate) report: Py<Report>,
    pub(crate) units: Vec<String>,
    pub(crate) gaps: Vec<Py<Gap>>,
    pub(crate) merged_other: Vec<String>,
}

#[pymethods]
impl RollUp {
    /// The summed report (tables only: the prose parts are the 本级 office's to write). The
    /// same object on every access, so that changes to it stay.
    #[getter]
    fn report(&self, py: Python<'_>) -> Py<Report> {
        self.report.clone_ref(py)
    }
    /// The agency names of the units that contributed, in order.
    #[getter]
    fn units(&self) -> Vec<String> {
        self.units.clone()
    }
    /// The cells left blank because some unit does not give them.
    #[getter]
    fn gaps(&self, py: Python<'_>) -> Vec<Py<Gap>> {
        self.gaps.iter().map(|g| g.clone_ref(py)).collect()
    }

    /// The units whose （六）其他处理 sub-rows were summed into one row, because another unit
    /// gives （六） as one row (the roll-up then has that one row); empty otherwise.
    #[getter]
    fn merged_other(&self) -> Vec<String> {
        self.merged_other.clone()
    }

    /// `{"report": {…}, "units": […], "gaps": [{"pointer": …, "units": […]}, …]}`, and
    /// `"merged_other": […]` when some units' sub-rows were summed into one row.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        let report = self.report.bind(py).call_method0("to_dict")?;
        d.set_item("report", report)?;
        d.set_item("units", &self.units)?;
        let gaps = PyList::empty(py);
        for g in &self.gaps {
            gaps.append(g.get().to_dict(py)?)?;
        }
        d.set_item("gaps", gaps)?;
        if !self.merged_other.is_empty() {
            d.set_item("merged_other", &self.merged_other)?;
        }
        Ok(d)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        let gaps = PyList::new(py, self.gaps.iter().map(|g| g.clone_ref(py)))?;
        let state = pyo3::types::PyTuple::new(
            py,
            [
                self.report.clone_ref(py).into_bound(py).into_any(),
                PyList::new(py, &self.units)?.into_any(),
                gaps.into_any(),
                PyList::new(py, &self.merged_other)?.into_any(),
            ],
        )?;
        crate::pickle::reduce(py, "RollUp", state.into_any())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let report = self.report.bind(py).repr()?;
        Ok(format!("RollUp(report={report}, units={}, gaps={})", self.units.len(), self.gaps.len()))
    }
}

/// A cell of a roll-up left blank, and the units that leave it blank or absent.
#[pyclass(module = "govreport", name = "Gap", frozen)]
pub struct Gap {
    /// The cell (a JSON pointer).
    #[pyo3(get)]
    pub(crate) pointer: String,
    /// The units (agency names) whose cell is blank or absent.
    #[pyo3(get)]
    pub(crate) units: Vec<String>,
}

#[pymethods]
impl Gap {
    /// `{"pointer": …, "units": […]}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("pointer", &self.pointer)?;
        d.set_item("units", &self.units)?;
        Ok(d)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        let state = pyo3::types::PyTuple::new(py, [PyString::new(py, &self.pointer).into_any(), PyList::new(py, &self.units)?.into_any()])?;
        crate::pickle::reduce(py, "Gap", state.into_any())
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.cast::<Gap>() {
            Ok(o) => o.get().pointer == self.pointer && o.get().units == self.units,
            Err(_) => false,
        }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let pointer = PyString::new(py, &self.pointer).repr()?;
        let units = PyList::new(py, &self.units)?.repr()?;
        Ok(format!("Gap(pointer={pointer}, units={units})"))
    }
}

/// The derived figures supervisors read: `{"disclosure_rate": …, "review_litigation_rate": …,
/// "correction_rate": …}`, each a fraction (0–1) or None when a number it needs is missing or
/// zero. The argument is anything `check` takes.
#[pyfunction]
pub(crate) fn indicators<'py>(py: Python<'py>, report: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
    let input = convert::input(report)?;
    let figures = py.detach(move || guard(|| Ok(govreport::across::indicators(&input.load()?))));
    let figures = figures.map_err(|f| f.into_pyerr(py, Lang::Zh))?;
    let out = PyDict::new(py);
    out.set_item("disclosure_rate", figures.disclosure_rate)?;
    out.set_item("review_litigation_rate", figures.review_litigation_rate)?;
    out.set_item("correction_rate", figures.correction_rate)?;
    Ok(out)
}
