//! `govreport.Report`, `govreport.Node` (a view of one object or list inside a report) and
//! `govreport.Completion`. Every read and write goes through the core's `Report::get`,
//! `set`, `remove` and `is_field`.

use govreport::Lang;
use pyo3::exceptions::{PyAttributeError, PyIndexError, PyKeyError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyInt, PyIterator, PyList, PyString, PyTuple};
use serde_json::Value;

use crate::check::{self, CheckArgs, CheckKwargs};
use crate::convert::{self, Input};
use crate::errors::{core_error, guard};
use crate::finding::Finding;
use crate::render::{self, RenderArgs};

/// A report document, parsed and checked for structure by the core.
#[pyclass(module = "govreport", name = "Report")]
pub struct Report {
    pub(crate) inner: govreport::Report,
}

/// Parses `input` without the GIL.
pub(crate) fn load(py: Python<'_>, input: Input) -> PyResult<Report> {
    py.detach(move || guard(|| input.load())).map(|inner| Report { inner }).map_err(|f| f.into_pyerr(py, Lang::Zh))
}

/// The pointer of `key` under `parent` (RFC 6901 escaping).
fn child(parent: &str, key: &str) -> String {
    format!("{parent}/{}", govreport::escape_pointer_token(key))
}

#[derive(Clone, Copy)]
enum Access {
    Attribute,
    Item,
    Index,
}

/// Whether the field at `pointer` is an object (the core lets a copy of the report hold `{}`
/// there), not a cell or a list.
fn holds_object(report: &govreport::Report, pointer: &str) -> bool {
    report.clone().set(pointer, Value::Object(Default::default())).is_ok()
}

/// The value at `pointer`: a [`Node`] for an object or a list, a plain value otherwise, None
/// for a field the document leaves out. A pointer the core says names no field is an error of
/// `access` (AttributeError, KeyError or IndexError), so that `hasattr`, `getattr(…, default)`
/// and iteration work as in Python.
fn resolve<'py>(report: &Bound<'py, Report>, pointer: String, access: Access) -> PyResult<Bound<'py, PyAny>> {
    let py = report.py();
    let found = report.borrow().inner.get(&pointer);
    match found {
        Ok(Some(Value::Object(_) | Value::Array(_))) => Ok(Bound::new(py, Node { report: report.clone().unbind(), pointer })?.into_any()),
        Ok(Some(v)) => convert::to_py(py, &v),
        // An absent object (a row, a group) is still a place to set cells in:
        // `report.requests.new.total = 5` on a report that gives no /requests/new.
        Ok(None) if !matches!(access, Access::Index) && holds_object(&report.borrow().inner, &pointer) => {
            Ok(Bound::new(py, Node { report: report.clone().unbind(), pointer })?.into_any())
        }
        Ok(None) => Ok(py.None().into_bound(py)),
        Err(e) if e.kind() == "invalid" => {
            let why = e.message(Lang::En);
            Err(match access {
                Access::Attribute => PyAttributeError::new_err(why),
                Access::Item => PyKeyError::new_err(why),
                Access::Index => PyIndexError::new_err(why),
            })
        }
        Err(e) => Err(core_error(py, &e, Lang::Zh)),
    }
}

fn set(py: Python<'_>, report: &Bound<'_, Report>, pointer: &str, value: &Bound<'_, PyAny>) -> PyResult<()> {
    let value = convert::value(value, pointer)?;
    report.borrow_mut().inner.set(pointer, value).map_err(|e| core_error(py, &e, Lang::Zh))
}

/// Makes the cell at `pointer` absent (the core's `Report::remove`).
fn remove(py: Python<'_>, report: &Bound<'_, Report>, pointer: &str) -> PyResult<()> {
    report.borrow_mut().inner.remove(pointer).map_err(|e| core_error(py, &e, Lang::Zh))
}

fn py_repr(obj: &Bound<'_, PyAny>) -> String {
    match obj.repr() {
        Ok(r) => r.to_string(),
        Err(_) => "?".to_string(),
    }
}

fn pointer_arg(key: &Bound<'_, PyAny>) -> PyResult<String> {
    match key.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.to_string()),
        Err(_) => Err(PyTypeError::new_err("a report is indexed by a JSON pointer (str), e.g. report[\"/requests/new/total\"]")),
    }
}

#[pymethods]
impl Report {
    /// Reads a report from a dict, JSON text (str), JSON bytes, an os.PathLike, or copies a Report.
    #[new]
    #[pyo3(signature = (source, *, blank_na = false))]
    fn py_new(py: Python<'_>, source: &Bound<'_, PyAny>, blank_na: bool) -> PyResult<Self> {
        load(py, convert::input_na(source, blank_na)?)
    }

    /// Reads a report from JSON text (str) or bytes.
    #[staticmethod]
    fn from_json(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        match convert::json_input(data)? {
            Some(input) => load(py, input),
            None => Err(PyTypeError::new_err("Report.from_json takes JSON text (str) or bytes")),
        }
    }

    /// Reads a report from a dict of JSON values.
    #[staticmethod]
    fn from_dict(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        match data.cast::<PyDict>() {
            Ok(_) => load(py, convert::input(data)?),
            Err(_) => Err(PyTypeError::new_err("Report.from_dict takes a dict")),
        }
    }

    /// Reads a report from a JSON file (a str or os.PathLike file name).
    #[staticmethod]
    fn from_path(py: Python<'_>, path: &Bound<'_, PyAny>) -> PyResult<Self> {
        load(py, Input::Path(convert::path(path)?))
    }

    /// The document as a dict of plain JSON values, its keys in the order of the core's JSON
    /// (`to_json`), not sorted.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("json")?.call_method1("loads", (self.inner.to_json(),))
    }

    /// The document as JSON text (indented when `pretty`).
    #[pyo3(signature = (*, pretty = false))]
    fn to_json(&self, pretty: bool) -> String {
        if pretty { self.inner.to_json_pretty() } else { self.inner.to_json() }
    }

    /// "2021", "2019" or "2007".
    #[getter]
    fn format(&self) -> &'static str {
        self.inner.format().as_str()
    }

    /// The reporting year.
    #[getter]
    fn year(&self) -> u16 {
        self.inner.meta().year
    }

    /// The value at `pointer`, or `default` when the document does not give it (an absent
    /// cell). A pointer that names no field of the format is a ReportError.
    #[pyo3(signature = (pointer, default = None))]
    fn get<'py>(&self, py: Python<'py>, pointer: &str, default: Option<Bound<'py, PyAny>>) -> PyResult<Bound<'py, PyAny>> {
        match self.inner.get(pointer).map_err(|e| core_error(py, &e, Lang::Zh))? {
            Some(v) => convert::to_py(py, &v),
            None => Ok(match default {
                Some(d) => d,
                None => py.None().into_bound(py),
            }),
        }
    }

    /// Sets the value at `pointer`; the report must stay a valid document (else ReportError,
    /// and the report is unchanged).
    fn set(slf: &Bound<'_, Self>, pointer: &str, value: &Bound<'_, PyAny>) -> PyResult<()> {
        set(slf.py(), slf, pointer, value)
    }

    fn __getitem__<'py>(&self, py: Python<'py>, pointer: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let pointer = pointer_arg(pointer)?;
        match self.inner.get(&pointer).map_err(|e| core_error(py, &e, Lang::Zh))? {
            Some(v) => convert::to_py(py, &v),
            None => Err(PyKeyError::new_err(pointer)),
        }
    }

    fn __setitem__(slf: &Bound<'_, Self>, pointer: &Bound<'_, PyAny>, value: &Bound<'_, PyAny>) -> PyResult<()> {
        let pointer = pointer_arg(pointer)?;
        set(slf.py(), slf, &pointer, value)
    }

    fn __delitem__(slf: &Bound<'_, Self>, pointer: &Bound<'_, PyAny>) -> PyResult<()> {
        let pointer = pointer_arg(pointer)?;
        remove(slf.py(), slf, &pointer)
    }

    /// Whether the document gives the field at `pointer` (blank `None` and "/" count; an absent
    /// cell does not). A pointer that names no field of the format is a ReportError.
    fn __contains__(&self, py: Python<'_>, pointer: &Bound<'_, PyAny>) -> PyResult<bool> {
        let pointer = pointer_arg(pointer)?;
        Ok(self.inner.get(&pointer).map_err(|e| core_error(py, &e, Lang::Zh))?.is_some())
    }

    /// Makes the cell at `pointer` absent: the document no longer gives it (unlike setting it
    /// to None, which leaves it blank). Removing an absent cell does nothing; a pointer that
    /// names no field, or a field the document must have, is a ReportError and the report is
    /// unchanged. An item removed from a list moves the later items up.
    fn remove(slf: &Bound<'_, Self>, pointer: &str) -> PyResult<()> {
        remove(slf.py(), slf, pointer)
    }

    /// Whether `pointer` names a field a document of this format can hold, given or not.
    fn is_field(&self, pointer: &str) -> bool {
        self.inner.is_field(pointer)
    }

    fn __getattr__<'py>(slf: &Bound<'py, Self>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        if name.starts_with('_') {
            return Err(PyAttributeError::new_err(name.to_string()));
        }
        resolve(slf, child("", name), Access::Attribute)
    }

    fn __setattr__(slf: &Bound<'_, Self>, name: &str, value: &Bound<'_, PyAny>) -> PyResult<()> {
        if name.starts_with('_') {
            return Err(PyAttributeError::new_err(format!("cannot set {name}")));
        }
        set(slf.py(), slf, &child("", name), value)
    }

    fn __delattr__(slf: &Bound<'_, Self>, name: &str) -> PyResult<()> {
        if name.starts_with('_') {
            return Err(PyAttributeError::new_err(format!("cannot delete {name}")));
        }
        remove(slf.py(), slf, &child("", name))
    }

    /// Fills every derived cell that is blank or absent (row totals, （七）总计, table C totals)
    /// and says which it filled and which it had to leave empty.
    fn complete(&mut self) -> Completion {
        let done = govreport::complete(&mut self.inner);
        Completion { filled: done.filled, left_empty: done.left_empty, too_large: done.too_large }
    }

    /// Checks the report: the same as `govreport.check(report, …)`.
    #[pyo3(signature = (*, lang = "zh", severity = None, disable = None, township_deadline = None, today = None, copy_threshold = None))]
    #[allow(clippy::too_many_arguments)]
    fn check(
        slf: &Bound<'_, Self>,
        lang: &str,
        severity: Option<&Bound<'_, PyAny>>,
        disable: Option<&Bound<'_, PyAny>>,
        township_deadline: Option<&Bound<'_, PyAny>>,
        today: Option<&Bound<'_, PyAny>>,
        copy_threshold: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<Finding>> {
        let py = slf.py();
        let args = CheckArgs::new(py, lang, CheckKwargs { severity, disable, township_deadline, today, copy_threshold })?;
        // A copy, so that the report is not borrowed while the check runs without the GIL.
        let report = Box::new(slf.borrow().inner.clone());
        check::one(py, Input::Report(report), &args)
    }

    /// The report in its format's official layout: the same as `govreport.render(report, …)`.
    #[pyo3(signature = (to = "html", *, lang = "zh"))]
    fn render<'py>(slf: &Bound<'py, Self>, to: &str, lang: &str) -> PyResult<Bound<'py, PyBytes>> {
        let py = slf.py();
        let args = RenderArgs::new(py, to, lang)?;
        // A copy, so that the report is not borrowed while it renders without the GIL.
        let report = Box::new(slf.borrow().inner.clone());
        render::one(py, Input::Report(report), &args)
    }

    /// A copy of the report.
    fn copy(&self) -> Report {
        Report { inner: self.inner.clone() }
    }

    fn __copy__(&self) -> Report {
        self.copy()
    }

    fn __deepcopy__(&self, _memo: &Bound<'_, PyAny>) -> Report {
        self.copy()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let text = slf.borrow().inner.to_json();
        PyTuple::new(slf.py(), [slf.get_type().into_any(), PyTuple::new(slf.py(), [text])?.into_any()])
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.cast::<Report>() {
            Ok(o) => o.borrow().inner == self.inner,
            Err(_) => false,
        }
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let meta = self.inner.meta();
        let name = PyString::new(py, &meta.agency.name);
        format!("Report(format='{}', year={}, agency={})", meta.format.as_str(), meta.year, py_repr(name.as_any()))
    }
}

/// A view of one object or list inside a report, by its JSON pointer: reading an attribute or
/// item gives the value (or another Node), setting one sets the cell in the report.
#[pyclass(module = "govreport", name = "Node")]
pub struct Node {
    pub(crate) report: Py<Report>,
    pub(crate) pointer: String,
}

impl Node {
    /// The value now at the node's pointer; None when the report no longer gives it, or no
    /// longer has such a field (an item removed from the end of a list).
    fn current<'py>(&self, py: Python<'py>) -> PyResult<Option<Value>> {
        match self.report.bind(py).borrow().inner.get(&self.pointer) {
            Ok(v) => Ok(v),
            Err(e) if e.kind() == "invalid" => Ok(None),
            Err(e) => Err(core_error(py, &e, Lang::Zh)),
        }
    }

    /// The pointer of `key` (a str, or an int index into a list; negative counts from the end).
    fn key_pointer(&self, py: Python<'_>, key: &Bound<'_, PyAny>) -> PyResult<(String, Access)> {
        if let Ok(s) = key.cast::<PyString>() {
            return Ok((child(&self.pointer, &s.to_cow()?), Access::Item));
        }
        if key.is_instance_of::<PyInt>() {
            let mut i: i64 = key.extract()?;
            if i < 0
                && let Some(Value::Array(a)) = self.current(py)?
            {
                i += a.len() as i64;
            }
            if i < 0 {
                return Err(PyIndexError::new_err(format!("{}: index out of range", self.pointer)));
            }
            return Ok((format!("{}/{i}", self.pointer), Access::Index));
        }
        Err(PyTypeError::new_err("a Node is indexed by a field name (str) or a list index (int)"))
    }
}

#[pymethods]
impl Node {
    /// The JSON pointer of this object or list in the report.
    #[getter]
    fn pointer(&self) -> &str {
        &self.pointer
    }

    /// The current value as plain Python values (a dict or a list; None if it is gone).
    fn to_python<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.current(py)? {
            Some(v) => convert::to_py(py, &v),
            None => Ok(py.None().into_bound(py)),
        }
    }

    fn __getattr__<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        if name.starts_with('_') {
            return Err(PyAttributeError::new_err(name.to_string()));
        }
        resolve(self.report.bind(py), child(&self.pointer, name), Access::Attribute)
    }

    fn __setattr__(&self, py: Python<'_>, name: &str, value: &Bound<'_, PyAny>) -> PyResult<()> {
        if name.starts_with('_') {
            return Err(PyAttributeError::new_err(format!("cannot set {name}")));
        }
        set(py, self.report.bind(py), &child(&self.pointer, name), value)
    }

    fn __delattr__(&self, py: Python<'_>, name: &str) -> PyResult<()> {
        if name.starts_with('_') {
            return Err(PyAttributeError::new_err(format!("cannot delete {name}")));
        }
        remove(py, self.report.bind(py), &child(&self.pointer, name))
    }

    fn __getitem__<'py>(&self, py: Python<'py>, key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let (pointer, access) = self.key_pointer(py, key)?;
        resolve(self.report.bind(py), pointer, access)
    }

    fn __setitem__(&self, py: Python<'_>, key: &Bound<'_, PyAny>, value: &Bound<'_, PyAny>) -> PyResult<()> {
        let (pointer, _) = self.key_pointer(py, key)?;
        set(py, self.report.bind(py), &pointer, value)
    }

    fn __delitem__(&self, py: Python<'_>, key: &Bound<'_, PyAny>) -> PyResult<()> {
        let (pointer, _) = self.key_pointer(py, key)?;
        remove(py, self.report.bind(py), &pointer)
    }

    fn __len__(&self, py: Python<'_>) -> PyResult<usize> {
        Ok(match self.current(py)? {
            Some(Value::Object(m)) => m.len(),
            Some(Value::Array(a)) => a.len(),
            _ => 0,
        })
    }

    fn __contains__(&self, py: Python<'_>, key: &Bound<'_, PyAny>) -> PyResult<bool> {
        self.to_python(py)?.contains(key)
    }

    /// Iterates like the dict (its keys) or list (its items) it shows.
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        let items = PyList::empty(py);
        match self.current(py)? {
            Some(Value::Object(m)) => {
                for k in m.keys() {
                    items.append(k)?;
                }
            }
            Some(Value::Array(a)) => {
                for i in 0..a.len() {
                    items.append(resolve(self.report.bind(py), format!("{}/{i}", self.pointer), Access::Index)?)?;
                }
            }
            _ => {}
        }
        items.try_iter()
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let mine = self.to_python(py)?;
        match other.cast::<Node>() {
            Ok(o) => mine.eq(o.borrow().to_python(py)?),
            Err(_) => mine.eq(other),
        }
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let state = PyTuple::new(py, [self.report.clone_ref(py).into_bound(py).into_any(), PyString::new(py, &self.pointer).into_any()])?;
        crate::pickle::reduce(py, "Node", state.into_any())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let value = self.to_python(py)?;
        let pointer = PyString::new(py, &self.pointer);
        Ok(format!("Node({}, {})", py_repr(pointer.as_any()), py_repr(&value)))
    }
}

/// What `Report.complete()` did: the pointers of the cells it filled, of the derived cells it
/// left empty because a part is blank, absent or "/", and of those whose parts add up to more
/// than the largest count.
#[pyclass(module = "govreport", name = "Completion", frozen)]
pub struct Completion {
    #[pyo3(get)]
    pub(crate) filled: Vec<String>,
    #[pyo3(get)]
    pub(crate) left_empty: Vec<String>,
    #[pyo3(get)]
    pub(crate) too_large: Vec<String>,
}

#[pymethods]
impl Completion {
    /// `{"filled": […], "left_empty": […], "too_large": […]}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("filled", &self.filled)?;
        d.set_item("left_empty", &self.left_empty)?;
        d.set_item("too_large", &self.too_large)?;
        Ok(d)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let lists = [PyList::new(py, &self.filled)?, PyList::new(py, &self.left_empty)?, PyList::new(py, &self.too_large)?];
        crate::pickle::reduce(py, "Completion", PyTuple::new(py, lists)?.into_any())
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.cast::<Completion>() {
            Ok(o) => o.get().filled == self.filled && o.get().left_empty == self.left_empty && o.get().too_large == self.too_large,
            Err(_) => false,
        }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let filled = PyList::new(py, &self.filled)?;
        let left_empty = PyList::new(py, &self.left_empty)?;
        let too_large = PyList::new(py, &self.too_large)?;
        Ok(format!("Completion(filled={}, left_empty={}, too_large={})", py_repr(filled.as_any()), py_repr(left_empty.as_any()), py_repr(too_large.as_any())))
    }
}
