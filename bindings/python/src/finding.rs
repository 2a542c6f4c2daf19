//! `govreport.Finding` and `govreport.Rule`: read-only views of the core's values.

use govreport::Lang;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::convert;

fn repr_str(py: Python<'_>, s: &str) -> String {
    match PyString::new(py, s).repr() {
        Ok(r) => r.to_string(),
        Err(_) => format!("{s:?}"),
    }
}

/// The wire name of a value the core serializes as a string ("violated", "not_assessable" …).
fn wire_name(v: serde_json::Result<serde_json::Value>) -> String {
    match v {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(e) => e.to_string(),
    }
}

/// A value of a finding as Python has it: an int for a whole number written without leading
/// zeros, a `Decimal` for a decimal one (exact, as the core wrote it), else the str.
fn typed<'py>(py: Python<'py>, v: &str) -> PyResult<Bound<'py, PyAny>> {
    let digits = v.strip_prefix('-').unwrap_or(v);
    let whole = |d: &str| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()) && (d == "0" || !d.starts_with('0'));
    if whole(digits) {
        return py.get_type::<pyo3::types::PyInt>().call1((v,));
    }
    if let Some((int, frac)) = digits.split_once('.')
        && whole(int)
        && !frac.is_empty()
        && frac.bytes().all(|b| b.is_ascii_digit())
    {
        return py.import("decimal")?.getattr("Decimal")?.call1((v,));
    }
    Ok(PyString::new(py, v).into_any())
}

/// One finding of a check.
#[pyclass(module = "govreport", name = "Finding", frozen)]
pub struct Finding {
    pub(crate) inner: govreport::Finding,
}

#[pymethods]
impl Finding {
    /// Stable rule code, e.g. "GR201".
    #[getter]
    fn code(&self) -> &str {
        &self.inner.code
    }
    /// Stable rule name, e.g. "requests-balance".
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }
    /// "error", "warning" or "info" (after the caller's overrides).
    #[getter]
    fn severity(&self) -> &'static str {
        self.inner.severity.as_str()
    }
    /// "violated", or "not_assessable" when the cells the rule needs are blank, absent or "/".
    #[getter]
    fn status(&self) -> &'static str {
        self.inner.status.as_str()
    }
    /// RFC 6901 pointer of the place the finding is about ("" for the whole document).
    #[getter]
    fn path(&self) -> &str {
        &self.inner.path
    }
    /// Pointers of the other places involved.
    #[getter]
    fn related(&self) -> Vec<String> {
        self.inner.related.clone()
    }
    /// What the rule expects there: an int for a count, a `Decimal` for an amount, a str for
    /// anything else (a date, a text); None when the rule names no value.
    #[getter]
    fn expected<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner.expected.as_deref().map(|v| typed(py, v)).transpose()
    }
    /// What the document has there, typed as `expected` is; None when there is no value.
    #[getter]
    fn actual<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner.actual.as_deref().map(|v| typed(py, v)).transpose()
    }
    /// The values the message was built from, by name.
    #[getter]
    fn params<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (k, v) in &self.inner.params {
            d.set_item(k, v)?;
        }
        Ok(d)
    }
    /// The message, in the language the check was asked for.
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }

    /// The finding as the dict every surface uses (empty `related`, `params` and absent
    /// `expected`/`actual` left out, as in the JSON output).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match serde_json::to_value(&self.inner) {
            Ok(v) => convert::to_py(py, &v),
            Err(e) => Err(pyo3::exceptions::PyRuntimeError::new_err(e.to_string())),
        }
    }

    /// The finding as one row of a table: every field, always, in a fixed order (`code`,
    /// `name`, `severity`, `status`, `path`, `related`, `expected`, `actual`, `params`,
    /// `message`), `expected` and `actual` typed as their attributes are.
    fn to_record<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("code", &self.inner.code)?;
        d.set_item("name", &self.inner.name)?;
        d.set_item("severity", self.severity())?;
        d.set_item("status", self.status())?;
        d.set_item("path", &self.inner.path)?;
        d.set_item("related", self.related())?;
        d.set_item("expected", self.expected(py)?)?;
        d.set_item("actual", self.actual(py)?)?;
        d.set_item("params", self.params(py)?)?;
        d.set_item("message", &self.inner.message)?;
        Ok(d)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        let text = serde_json::to_string(&self.inner).map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?;
        crate::pickle::reduce(py, "Finding", PyString::new(py, &text).into_any())
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.cast::<Finding>() {
            Ok(o) => o.get().inner == self.inner,
            Err(_) => false,
        }
    }

    /// Findings are immutable values: equal findings hash alike (by their JSON form).
    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        serde_json::to_string(&self.inner).map_err(|e| e.to_string()).hash(&mut h);
        h.finish()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let f = &self.inner;
        let mut s = format!(
            "Finding(code={}, severity={}, status={}, path={}",
            repr_str(py, &f.code),
            repr_str(py, f.severity.as_str()),
            repr_str(py, self.status()),
            repr_str(py, &f.path)
        );
        if let Some(e) = &f.expected {
            s.push_str(&format!(", expected={}", repr_str(py, e)));
        }
        if let Some(a) = &f.actual {
            s.push_str(&format!(", actual={}", repr_str(py, a)));
        }
        s.push_str(&format!(", message={})", repr_str(py, &f.message)));
        s
    }

    fn __str__(&self) -> String {
        let f = &self.inner;
        let at = if f.path.is_empty() { "/" } else { &f.path };
        format!("{} {} [{}] {}: {}", f.code, f.severity.as_str(), self.status(), at, f.message)
    }
}

/// A rule of the registry, with its texts in one language.
#[pyclass(module = "govreport", name = "Rule", frozen)]
pub struct Rule {
    pub(crate) inner: &'static govreport::Rule,
    pub(crate) lang: Lang,
}

#[pymethods]
impl Rule {
    /// Stable code, e.g. "GR201".
    #[getter]
    fn code(&self) -> &'static str {
        self.inner.code
    }
    /// Stable kebab-case name.
    #[getter]
    fn name(&self) -> &'static str {
        self.inner.name
    }
    /// Default severity: "error", "warning" or "info".
    #[getter]
    fn severity(&self) -> &'static str {
        self.inner.severity.as_str()
    }
    /// The family prefix ("GR2" for GR201), as `disable=` takes it.
    #[getter]
    fn family(&self) -> &'static str {
        self.inner.family()
    }
    /// One line: what the rule checks.
    #[getter]
    fn title(&self) -> &'static str {
        self.inner.title(self.lang)
    }
    /// A paragraph: what it checks, why, and an example.
    #[getter]
    fn explanation(&self) -> &'static str {
        self.inner.explanation(self.lang)
    }
    /// The language of `title` and `explanation`: "zh" or "en".
    #[getter]
    fn lang(&self) -> String {
        wire_name(serde_json::to_value(self.lang))
    }

    /// `{"code", "name", "severity", "family", "title", "explanation", "lang"}`: one row of a
    /// table of rules.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("code", self.code())?;
        d.set_item("name", self.name())?;
        d.set_item("severity", self.severity())?;
        d.set_item("family", self.family())?;
        d.set_item("title", self.title())?;
        d.set_item("explanation", self.explanation())?;
        d.set_item("lang", self.lang())?;
        Ok(d)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
        let state = pyo3::types::PyTuple::new(py, [self.inner.code.to_string(), self.lang()])?;
        crate::pickle::reduce(py, "Rule", state.into_any())
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.cast::<Rule>() {
            Ok(o) => o.get().inner.code == self.inner.code && o.get().lang == self.lang,
            Err(_) => false,
        }
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Rule({}, {}, severity={}, title={})",
            repr_str(py, self.inner.code),
            repr_str(py, self.inner.name),
            repr_str(py, self.inner.severity.as_str()),
            repr_str(py, self.title())
        )
    }
}
