//! `render` and `Report.render`: the report in its format's official layout, as bytes. The
//! core writes it (`govreport::render`); this converts the arguments and releases the GIL.

use govreport::{Lang, RenderFormat};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::convert::{self, Input};
use crate::errors::{guard, invalid};

/// What to write and in which language, read from the arguments before any work is done.
pub(crate) struct RenderArgs {
    format: RenderFormat,
    lang: Lang,
}

impl RenderArgs {
    /// An unknown `to` or `lang` is a ReportError of kind "invalid", as for `check`'s options.
    pub(crate) fn new(py: Python<'_>, to: &str, lang: &str) -> PyResult<RenderArgs> {
        let Some(parsed_lang) = Lang::parse(lang) else {
            return Err(invalid(py, "lang", &format!("应为 \"zh\" 或 \"en\"，实为 {lang:?}"), &format!("expected \"zh\" or \"en\", found {lang:?}"), Lang::Zh));
        };
        let Some(format) = RenderFormat::parse(to) else {
            return Err(invalid(
                py,
                "to",
                &format!("应为 \"html\"、\"docx\"、\"md\" 或 \"txt\"，实为 {to:?}"),
                &format!("expected \"html\", \"docx\", \"md\" or \"txt\", found {to:?}"),
                parsed_lang,
            ));
        };
        Ok(RenderArgs { format, lang: parsed_lang })
    }
}

/// Reads `input` and renders it without the GIL.
pub(crate) fn one<'py>(py: Python<'py>, input: Input, args: &RenderArgs) -> PyResult<Bound<'py, PyBytes>> {
    let (format, lang) = (args.format, args.lang);
    let rendered = py.detach(move || {
        guard(|| {
            let report = input.load()?;
            Ok(govreport::render(&report, format, lang)?)
        })
    });
    match rendered {
        Ok(bytes) => Ok(PyBytes::new(py, &bytes)),
        Err(f) => Err(f.into_pyerr(py, lang)),
    }
}

/// Writes a report in its format's official layout (the national template's tables).
///
/// `report` is anything `check` takes. `to` is "html" (one self-contained UTF-8 file),
/// "docx" (a Word document), "md"/"markdown" or "txt"/"text" (UTF-8 text); `lang` is the
/// language of the labels ("zh" or "en"). Blank cells stay empty and "/" stays "/": nothing is
/// filled in (call `Report.complete()` first for the derived totals).
#[pyfunction]
#[pyo3(signature = (report, to = "html", *, lang = "zh"))]
pub(crate) fn render<'py>(py: Python<'py>, report: &Bound<'py, PyAny>, to: &str, lang: &str) -> PyResult<Bound<'py, PyBytes>> {
    let args = RenderArgs::new(py, to, lang)?;
    one(py, convert::input(report)?, &args)
}
