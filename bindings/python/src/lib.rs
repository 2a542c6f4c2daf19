//! `govreport._native`: the Python extension of govreport, re-exported by the `govreport`
//! package (bindings/python/python/govreport).
//!
//! The layer converts Python values to the core's inputs and the core's answers to Python
//! values, and forwards every call to the core: no rule and no document logic lives here.
//! Parsing, checking, comparing, rolling up, importing and rendering run with the GIL
//! released; a panic in the core becomes a
//! `RuntimeError`, never a crash.

mod across;
mod check;
mod convert;
mod errors;
mod finding;
mod from_py;
mod import;
mod pickle;
#[cfg(feature = "register")]
mod register;
mod render;
mod report;

use pyo3::prelude::*;

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", govreport::VERSION)?;
    errors::add_errors_method(m.py())?;
    m.add("ReportError", m.py().get_type::<errors::ReportError>())?;
    m.add_class::<report::Report>()?;
    m.add_class::<report::Node>()?;
    m.add_class::<report::Completion>()?;
    m.add_class::<finding::Finding>()?;
    m.add_class::<finding::Rule>()?;
    m.add_class::<across::RollUp>()?;
    m.add_class::<across::Gap>()?;
    m.add_class::<import::Imported>()?;
    m.add_function(wrap_pyfunction!(check::check, m)?)?;
    m.add_function(wrap_pyfunction!(check::check_many, m)?)?;
    m.add_function(wrap_pyfunction!(check::rules, m)?)?;
    m.add_function(wrap_pyfunction!(check::rule, m)?)?;
    m.add_function(wrap_pyfunction!(check::explain, m)?)?;
    m.add_function(wrap_pyfunction!(check::json_schema, m)?)?;
    m.add_function(wrap_pyfunction!(render::render, m)?)?;
    m.add_function(wrap_pyfunction!(across::compare, m)?)?;
    m.add_function(wrap_pyfunction!(across::aggregate, m)?)?;
    m.add_function(wrap_pyfunction!(across::indicators, m)?)?;
    m.add_function(wrap_pyfunction!(import::import_document, m)?)?;
    m.add_function(wrap_pyfunction!(import::import_many, m)?)?;
    m.add_function(wrap_pyfunction!(pickle::_restore, m)?)?;
    #[cfg(feature = "register")]
    {
        m.add_class::<register::Register>()?;
        m.add("RegisterError", m.py().get_type::<register::RegisterError>())?;
    }
    Ok(())
}
