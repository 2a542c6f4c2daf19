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
