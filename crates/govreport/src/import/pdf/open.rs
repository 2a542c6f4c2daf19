//! Opening a PDF file with hayro-syntax: the header (after leading junk), the limits on
//! objects and pages, object and cross-reference streams checked against the decoding budget
//! before hayro-syntax inflates them, encryption with an empty user password, and the
//! document information dictionary.

use hayro_syntax::{LoadPdfError, Pdf};

use super::error::PdfError;
use super::filters::{self, Budget};
use super::limits::{self, Exceeded};

/// The offset of `%PDF-` within the first kilobyte, where a PDF file starts.
pub fn start(bytes: &[u8]) -> Option<usize> {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).position(|w| w == b"%PDF-")
}

/// The document information a PDF carries about itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Info {
    /// `/Title`.
    pub title: Option<String>,
    /// `/CreationDate` as `YYYY-MM-DD`.
    pub created: Option<String>,
    /// `/ModDate` as `YYYY-MM-DD` (a weak hint: any later save changes it).
    pub modified: Option<String>,
    /// `/Author` (a weak hint: often the clerk's name or the machine's user).
    pub author: Option<String>,
    /// `/Creator` (the program that wrote the document: "WPS 文字", "Microsoft Word" …).
    pub creator: Option<String>,
    /// `/Producer` (the program that made the PDF).
    pub producer: Option<String>,
}

/// A text string of the information dictionary: UTF-16BE with a byte-order mark (UTF-16LE
/// with its mark, as WPS writes it), UTF-8 with one, else PDFDocEncoding — or GB 18030, which
/// Chinese writers put there without saying.
pub fn text_string(b: &[u8]) -> Option<String> {
    let utf16 = |rest: &[u8], le: bool| {
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| if le { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) }).collect();
        String::from_utf16_lossy(&units)
    };
    let s = if let Some(rest) = b.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, false)
    } else if let Some(rest) = b.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, true)
    } else if let Some(rest) = b.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(rest).into_owned()
    } else if let Ok(s) = std::str::from_utf8(b) {
        s.to_string()
    } else {
        match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(b) {
            Some(s) if s.chars().any(|c| c as u32 >= 0x4E00) => s.into_owned(),
            _ => b.iter().map(|&c| super::encoding::Base::WinAnsi.char(c).unwrap_or(c as char)).collect(),
        }
    };
    let s: String = s.chars().filter(|c| !c.is_control()).collect::<String>().trim().to_string();
    (!s.is_empty()).then_some(s)
}

fn date(d: &Option<hayro_syntax::object::DateTime>) -> Option<String> {
    let d = d.as_ref()?;
    // A calendar date only (no 02-31), as the document's dates must be.
    let real = chrono::NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day)).is_some();
    ((1990..=2100).contains(&d.year) && real).then(|| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day))
}

/// Opens the PDF that starts at `at` in `bytes`.
pub fn open(bytes: &[u8], at: usize, budget: &mut Budget) -> Result<(Pdf, Info), PdfError> {
    let data = &bytes[at..];
    check_compressed_objects(data, budget)?;
    let pdf = Pdf::new(data.to_vec()).map_err(|e| match e {
        LoadPdfError::Decryption(_) => PdfError::Encrypted,
        LoadPdfError::Invalid => PdfError::Broken,
    })?;
    if pdf.len() > limits::MAX_OBJECTS {
        return Err(PdfError::Limit(Exceeded::Objects));
    }
    if pdf.pages().len() > limits::MAX_PAGES {
        return Err(PdfError::Limit(Exceeded::Pages));
    }
    let m = pdf.metadata();
    let s = |v: &Option<Box<[u8]>>| v.as_deref().and_then(text_string);
    let info = Info {
        title: s(&m.title),
        created: date(&m.creation_date),
        modified: date(&m.modification_date),
        author: s(&m.author),
        creator: s(&m.creator),
        producer: s(&m.producer),
    };
    Ok((pdf, info))
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let rest = hay.get(at..)?;
        let p = rest.iter().position(|&b| b == needle[0])?;
        if rest[p..].starts_with(needle) {
            return Some(at + p);
        }
        at += p + 1;
    }
}

/// Object streams and cross-reference streams, which hayro-syntax inflates itself, are
/// inflated here first against the budget, so that a small file cannot make it inflate
/// gigabytes. (In an encrypted file their data is ciphertext until hayro-syntax decrypts it:
/// those are not counted.)
fn check_compressed_objects(data: &[u8], budget: &mut Budget) -> Result<(), PdfError> {
    let mut from = 0;
    while let Some(slash) = find(data, b"/Type", from) {
        from = slash + 5;
        let rest = &data[from..data.len().min(from + 12)];
        let t = rest.iter().position(|&c| c == b'/').map(|p| &rest[p + 1..]);
        let Some(t) = t else { continue };
        let is = |name: &[u8]| t.starts_with(name) && t.get(name.len()).is_none_or(|c| !c.is_ascii_alphanumeric());
        if !(is(b"ObjStm") || is(b"XRef")) {
            continue;
        }
        let Some(kw) = find(data, b"stream", from).filter(|k| k - from < 4096) else { continue };
        let dict = &data[slash.saturating_sub(2048)..kw];
        let mut start = kw + 6;
        if data.get(start) == Some(&b'\r') {
            start += 1;
        }
        if data.get(start) == Some(&b'\n') {
            start += 1;
        }
        let end = find(data, b"endstream", start).unwrap_or(data.len());
        let body = &data[start.min(end)..end];
        let flate = find(dict, b"/FlateDecode", 0).is_some() || find(dict, b"/Fl", 0).is_some();
        if flate {
            filters::inflated_len(body, budget).map_err(|_| PdfError::Limit(Exceeded::Decoded))?;
        }
        from = end;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn information_strings() {
        assert_eq!(text_string(b"\xFE\xFF\x65\x3F\x5E\x9C").as_deref(), Some("政府"));
        assert_eq!(text_string(b"\xFF\xFE\x3F\x65\x9C\x5E").as_deref(), Some("政府"));
        assert_eq!(text_string("政府".as_bytes()).as_deref(), Some("政府"));
        assert_eq!(text_string(&encoding_rs::GBK.encode("年度报告").0).as_deref(), Some("年度报告"));
        assert_eq!(text_string(b"Report 2024").as_deref(), Some("Report 2024"));
        assert_eq!(text_string(b"  ").as_deref(), None);
        assert_eq!(start(b"junk\n%PDF-1.7\n"), Some(5));
        assert_eq!(start(b"no pdf here"), None);
    }
}
