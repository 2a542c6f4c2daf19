//! Reading an input file or standard input within the size limit.

use std::io::Read;
use std::path::Path;

use govreport::Error;
use govreport::limits::MAX_INPUT_BYTES;

/// Reads `path` (`-` for standard input), refusing more than [`MAX_INPUT_BYTES`].
pub fn read(path: &Path) -> Result<Vec<u8>, Error> {
    let io = |e: std::io::Error| Error::Invalid { what: path.display().to_string(), message: e.to_string() };
    let mut buf = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin().lock().take(MAX_INPUT_BYTES + 1).read_to_end(&mut buf).map_err(io)?;
    } else {
        let file = std::fs::File::open(path).map_err(io)?;
        let size = file.metadata().map_err(io)?.len();
        if size > MAX_INPUT_BYTES {
            return Err(Error::TooLarge { size, limit: MAX_INPUT_BYTES });
        }
        file.take(MAX_INPUT_BYTES + 1).read_to_end(&mut buf).map_err(io)?;
    }
    if buf.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::TooLarge { size: buf.len() as u64, limit: MAX_INPUT_BYTES });
    }
    Ok(buf)
}

/// A report from bytes: a JSON document as it is, anything else (an HTML page, text, a .docx
/// or PDF file) imported, with the import findings.
pub fn report(bytes: &[u8], lang: govreport::Lang) -> Result<(govreport::Report, govreport::Findings), Error> {
    let first = bytes.iter().copied().find(|b| !b.is_ascii_whitespace());
    if matches!(first, Some(b'{' | b'[')) {
        return Ok((govreport::parse_json(bytes)?, govreport::Findings::default()));
    }
    let imported = govreport::import_document(bytes, &govreport::ImportOptions { lang, ..Default::default() })?;
    Ok((imported.report, imported.findings))
}
