//! Reading one input: a file or standard input within the size limit (the core's `fs`), as a
//! report (a JSON document as it is, anything else imported: the core's `Loaded::from_bytes`).

use std::path::Path;

use govreport::batch::Loaded;
use govreport::{Error, Findings, Lang, Report};

/// Reads `path` (`-` for standard input), refusing more than the size limit.
pub fn read(path: &Path) -> Result<Vec<u8>, Error> {
    govreport::fs::read_file(path)
}

/// A report from bytes: a JSON document as it is, anything else (an HTML page, text, a .docx
/// or PDF file) imported, with the import findings.
pub fn report(bytes: &[u8], lang: Lang) -> Result<(Report, Findings), Error> {
    Loaded::from_bytes(bytes, lang).map(|l| (l.report, l.findings))
}
