//! Why a PDF cannot be imported, in both languages.

use super::limits::{self, Exceeded};
use crate::error::Error;
use crate::messages::{
    PDF_BROKEN, PDF_ENCRYPTED, PDF_LIMIT_DECODED, PDF_LIMIT_GLYPHS, PDF_LIMIT_OBJECTS, PDF_LIMIT_OPERATORS, PDF_LIMIT_PAGES, PDF_NO_TEXT, PDF_SCANNED,
    PDF_UNMAPPED,
};

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
        let message = match e {
            PdfError::Broken => PDF_BROKEN.text().to_string(),
            PdfError::Encrypted => PDF_ENCRYPTED.text().to_string(),
            PdfError::Scanned => PDF_SCANNED.text().to_string(),
            PdfError::NoText => PDF_NO_TEXT.text().to_string(),
            PdfError::Unmapped => PDF_UNMAPPED.text().to_string(),
            PdfError::Limit(Exceeded::Pages) => PDF_LIMIT_PAGES.en(&[&limits::MAX_PAGES]),
            PdfError::Limit(Exceeded::Objects) => PDF_LIMIT_OBJECTS.en(&[&limits::MAX_OBJECTS]),
            PdfError::Limit(Exceeded::Decoded) => PDF_LIMIT_DECODED.en(&[&(limits::MAX_DECODED_BYTES / (1024 * 1024))]),
            PdfError::Limit(Exceeded::Operators) => PDF_LIMIT_OPERATORS.en(&[&limits::MAX_OPERATORS]),
            PdfError::Limit(Exceeded::Glyphs) => PDF_LIMIT_GLYPHS.en(&[&limits::MAX_GLYPHS]),
        };
        Error::Invalid { what: "PDF".into(), message }
    }
}
