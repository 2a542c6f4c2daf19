//! Why a PDF cannot be imported: each reason one [`ErrorType`] of the core's typed errors, about
//! the input named "PDF".

use super::limits::{self, Exceeded};
use crate::error::{Error, ErrorType};

/// A PDF that gives no report text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdfError {
    /// No cross-reference table, catalog or pages can be found, even by repair.
    Broken,
    /// Encrypted, and not readable with an empty user password.
    Encrypted,
    /// Pages with images and no text: a scan (no OCR is done).
    Scanned,
    /// No text at all.
    NoText,
    /// Text whose fonts give no Unicode for most glyphs.
    Unmapped,
    /// A limit was passed.
    Limit(Exceeded),
}

impl From<Exceeded> for PdfError {
    fn from(e: Exceeded) -> PdfError {
        PdfError::Limit(e)
    }
}

impl From<PdfError> for Error {
    fn from(e: PdfError) -> Error {
        let t = match e {
            PdfError::Broken => ErrorType::PdfBroken,
            PdfError::Encrypted => ErrorType::PdfEncrypted,
            PdfError::Scanned => ErrorType::PdfScanned,
            PdfError::NoText => ErrorType::PdfNoText,
            PdfError::Unmapped => ErrorType::PdfUnmapped,
            PdfError::Limit(Exceeded::Pages) => ErrorType::PdfTooManyPages { limit: limits::MAX_PAGES },
            PdfError::Limit(Exceeded::Objects) => ErrorType::PdfTooManyObjects { limit: limits::MAX_OBJECTS },
            PdfError::Limit(Exceeded::Decoded) => ErrorType::PdfDecodesTooLarge { limit_mib: limits::MAX_DECODED_BYTES / (1024 * 1024) },
            PdfError::Limit(Exceeded::Operators) => ErrorType::PdfTooManyOperators { limit: limits::MAX_OPERATORS },
            PdfError::Limit(Exceeded::Glyphs) => ErrorType::PdfTooManyGlyphs { limit: limits::MAX_GLYPHS },
        };
        Error::about(t, "PDF")
    }
}
