//! Pickling: every value the package returns reduces to `govreport._native._restore(kind,
//! state)`, its state plain Python values (a finding as the core's JSON), so that results
//! cross `multiprocessing` and `concurrent.futures` process boundaries.

use govreport::Lang;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};

use crate::across::{Gap, RollUp};
use crate::finding::{Finding, Rule};
use crate::import::Imported;
use crate::report::{Completion, Node, Report};

/// `(govreport._native._restore, (kind, state))`, what `__reduce__` returns.
pub(crate) fn reduce<'py>(py: Python<'py>, kind: &str, state: Bound<'py, PyAny>) -> PyResult<Bound<'py, PyTuple>> {
    let restore = py.import("govreport._native")?.getattr("_restore")?;
    let args = PyTuple::new(py, [PyString::new(py, kind).into_any(), state])?;
    PyTuple::new(py, [restore, args.into_any()])
}

/// A finding from its JSON text (the core's own serialized form).
pub(crate) fn finding(text: &str) -> PyResult<Finding> {
    serde_json::from_str(text).map(|inner| Finding { inner }).map_err(|e| PyValueError::new_err(format!("not a pickled govreport.Finding: {e}")))
}

/// Rebuilds a value pickled by one of the classes' `__reduce__`. Private to the package.
#[pyfunction]
pub(crate) fn _restore<'py>(py: Python<'py>, kind: &str, state: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    Ok(match kind {
        "Finding" => Bound::new(py, finding(&state.extract::<String>()?)?)?.into_any(),
        "Rule" => {
            let (code, lang): (String, String) = state.extract()?;
            let lang = Lang::parse(&lang).unwrap_or(Lang::Zh);
            match govreport::rule(&code) {
                Some(inner) => Bound::new(py, Rule { inner, lang })?.into_any(),
                None => return Err(PyValueError::new_err(format!("not a pickled govreport.Rule: no rule {code}"))),
            }
        }
        "Gap" => {
            let (pointer, units): (String, Vec<String>) = state.extract()?;
            Bound::new(py, Gap { pointer, units })?.into_any()
        }
        "Completion" => {
            let (filled, left_empty, too_large): (Vec<String>, Vec<String>, Vec<String>) = state.extract()?;
            Bound::new(py, Completion { filled, left_empty, too_large })?.into_any()
        }
        "RollUp" => {
            let (report, units, gaps, merged_other): (Py<Report>, Vec<String>, Vec<Py<Gap>>, Vec<String>) = state.extract()?;
            Bound::new(py, RollUp { report, units, gaps, merged_other })?.into_any()
        }
        "Imported" => {
            let (report, findings, source, encoding, file, provenance, unseen): (
                Py<Report>,
                Bound<'py, PyList>,
                String,
                String,
                Option<String>,
                String,
                Vec<String>,
            ) = state.extract()?;
            let findings = findings.iter().map(|f| f.extract::<String>().and_then(|t| finding(&t)).map(|f| f.inner)).collect::<PyResult<Vec<_>>>()?;
            let provenance =
                serde_json::from_str(&provenance).map_err(|e| pyo3::exceptions::PyValueError::new_err(format!("not a pickled govreport.Imported: {e}")))?;
            Bound::new(py, Imported { report, findings, source, encoding, file, provenance, unseen })?.into_any()
        }
        "Node" => {
            let (report, pointer): (Py<Report>, String) = state.extract()?;
            Bound::new(py, Node { report, pointer })?.into_any()
        }
        other => return Err(PyValueError::new_err(format!("not a pickled govreport value: {other:?}"))),
    })
}
