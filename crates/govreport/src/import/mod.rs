//! Importing published reports as they are: HTML pages, text copied from a page, Word files,
//! PDF files ([`pdf`]) and 2007-era prose, into the document of [`crate::Report`].
//!
//! The importer reads what the source states and nothing else. A cell the source does not
//! give stays absent; a blank cell is blank (`null`), "/" (or —, -, 无) is "not applicable";
//! rows and columns are matched through the one label table ([`crate::labels`]) and cells are
//! read by column position within their row only. What it notices about the source itself —
//! parts missing or out of order, a table cut off, a label read through an alias, the wrong
//! template cited — comes back as findings of the GR9xx group, with the place in the source
//! (`line`, or `table` and `row`, or `paragraph`, or a PDF's `page` and `box`) in their params.
//!
//! ```
//! use govreport::import::{ImportOptions, SourceKind, import_document};
//! let page = "某市某局2023年政府信息公开工作年度报告\n一、总体情况\n本年度……\n二、主动公开政府信息情况\n规章 | 0 | 0 | 0 |\n行政规范性文件 | 5 | 1 | 25 |";
//! let imported = import_document(page.as_bytes(), &ImportOptions::default()).unwrap();
//! assert_eq!(imported.source, SourceKind::Text);
//! assert_eq!(imported.report.get("/proactive/normative_documents/in_force").unwrap(), Some(serde_json::json!(25)));
//! assert!(imported.report.get("/requests/new/total").unwrap().is_none()); // not in the source: absent
//! assert!(imported.findings.with_code("GR904").next().is_some()); // the page stops inside table A
//! ```

mod detect;
mod docx;
mod findings;
mod html;
mod meta;
mod norm;
pub mod pdf;
mod prose2007;
mod tables;
mod template;
mod text;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::error::Error;
use crate::finding::Findings;
use crate::limits::MAX_INPUT_BYTES;
use crate::model::{Agency, DateText, Format, FormatTag, Report, Report2007, Report2019, Report2021};
use crate::options::{Lang, Options};
use crate::rules::{GR910, GR914, GR916};
use findings::{Notes, Pos};

/// What the bytes given to [`import_document`] are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A report document (JSON), read with [`crate::parse_json`].
    Json,
    /// An HTML page.
    Html,
    /// Plain text (copied from a page).
    Text,
    /// A Word file (.docx).
    Docx,
    /// A PDF file.
    Pdf,
}

impl SourceKind {
    /// `json`, `html`, `text` or `docx`.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Json => "json",
            SourceKind::Html => "html",
            SourceKind::Text => "text",
            SourceKind::Docx => "docx",
            SourceKind::Pdf => "pdf",
        }
    }

    /// Parses `json`, `html`/`htm`, `text`/`txt`, `docx` or `pdf`.
    pub fn parse(s: &str) -> Option<SourceKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "json" => Some(SourceKind::Json),
            "html" | "htm" => Some(SourceKind::Html),
            "text" | "txt" => Some(SourceKind::Text),
            "docx" | "word" => Some(SourceKind::Docx),
            "pdf" => Some(SourceKind::Pdf),
            _ => None,
        }
    }
}

/// How to import. Every field is optional: by default the kind of source, its encoding, the
/// year and the format are all found from the content.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// The text encoding, as a WHATWG label ("utf-8", "gb18030", "gbk", "gb2312" …); a
    /// byte-order mark still wins. Found from the content when not given.
    pub encoding: Option<String>,
    /// What the bytes are; detected from the content when not given.
    pub source: Option<SourceKind>,
    /// The format of the document to make, over what the tables and the year show.
    pub format: Option<Format>,
    /// The reporting year, over what the source states (needed when it states none).
    pub year: Option<u16>,
    /// The language of the findings' messages.
    pub lang: Lang,
}

#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
#[derive(Default)]
struct OptionsJson {
    encoding: Option<String>,
    source: Option<String>,
    format: Option<String>,
    year: Option<u16>,
    lang: Lang,
}

impl ImportOptions {
    /// Reads options from JSON text such as
    /// `{"encoding":"gb18030","source":"html","format":"2021","year":2023,"lang":"en"}`;
    /// an unknown option or value is an error.
    pub fn from_json(text: &str) -> Result<ImportOptions, Error> {
        if text.trim().is_empty() {
            return Ok(ImportOptions::default());
        }
        let o: OptionsJson = serde_json::from_str(text).map_err(|e| Error::Invalid { what: "import options".into(), message: e.to_string() })?;
        if let Some(e) = &o.encoding {
            detect::encoding_for(e)?;
        }
        let source = match &o.source {
            None => None,
            Some(s) => Some(SourceKind::parse(s).ok_or_else(|| Error::Invalid {
                what: "import options.source".into(),
                message: format!("{s:?} is not a source kind (json, html, text, docx or pdf)"),
            })?),
        };
        let format = match &o.format {
            None => None,
            Some(f) => Some(Format::parse(f).ok_or_else(|| Error::Invalid {
                what: "import options.format".into(),
                message: format!("{f:?} is not a format (\"2007\", \"2019\" or \"2021\")"),
            })?),
        };
        Ok(ImportOptions { encoding: o.encoding, source, format, year: o.year, lang: o.lang })
    }
}

/// What an import gives: the document, what the importer noticed about the source, and how
/// it read the bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// The document, as the source states it (cells it does not give are absent).
    pub report: Report,
    /// Import findings (GR9xx), each with its place in the source in `params`. Run
    /// [`crate::check`] on `report` for the checks of the document itself.
    pub findings: Findings,
    /// What the source was.
    pub source: SourceKind,
    /// The encoding the text was read in (WHATWG name: "UTF-8", "GBK", "gb18030", …).
    pub encoding: &'static str,
}

impl Imported {
    /// `{"source":…,"encoding":…,"report":{…},"findings":[…]}`.
    pub fn to_json(&self) -> String {
        let v = serde_json::json!({
            "source": self.source.as_str(),
            "encoding": self.encoding,
            "report": serde_json::to_value(&self.report).unwrap_or(Value::Null),
            "findings": serde_json::to_value(&self.findings).unwrap_or(Value::Null),
        });
        v.to_string()
    }
}

/// One line of a source: a paragraph of text, or a table row with its cells.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    /// Where it is.
    pub pos: Pos,
    /// Its text (a row's cells joined by spaces).
    pub text: String,
    /// The cells, when the source gives them (an HTML or Word table row, a `|` or tab line).
    pub cells: Option<Vec<String>>,
    /// Where each cell is, when the source says more than the line's place (a PDF's boxes).
    pub cell_pos: Vec<Pos>,
}

impl Line {
    pub(crate) fn text(pos: Pos, text: String) -> Line {
        Line { pos, text, cells: None, cell_pos: Vec::new() }
    }

    pub(crate) fn row(pos: Pos, cells: Vec<String>) -> Line {
        let text = cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect::<Vec<_>>().join(" ");
        Line { pos, text, cells: Some(cells), cell_pos: Vec::new() }
    }
}

/// Imports a published report from its bytes: an HTML page, text, a .docx file, a PDF file, or
/// a JSON document (detected by content unless `options.source` says).
///
/// Fails when the bytes are no report at all: too large, empty, a binary format the importer
/// does not read (.doc, RTF), a broken .docx, a PDF without text (a scan) or with a password,
/// invalid JSON, or no reporting year anywhere (give `options.year` then). Everything else the
/// importer notices is a finding.
pub fn import_document(bytes: &[u8], options: &ImportOptions) -> Result<Imported, Error> {
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::TooLarge { size: bytes.len() as u64, limit: MAX_INPUT_BYTES });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Invalid { what: "input".into(), message: "the input is empty".into() });
    }
    let mut notes = Notes::default();
    let (lines, page_title, source, encoding) = if options.source == Some(SourceKind::Docx) || (options.source.is_none() && detect::is_zip(bytes)) {
        (docx::lines(bytes)?, None, SourceKind::Docx, encoding_rs::UTF_8.name())
    } else if options.source == Some(SourceKind::Pdf) || (options.source.is_none() && pdf::start(bytes).is_some()) {
        let layout = pdf::layout(bytes)?;
        if layout.unmapped > 0 {
            notes.add(&GR914, "", Pos::Whole).text("encoding", "PDF").text("count", layout.unmapped);
        }
        (pdf::lines_of(&layout), layout.info.title.clone(), SourceKind::Pdf, encoding_rs::UTF_8.name())
    } else {
        if options.source.is_none() {
            detect::refuse_binary(bytes)?;
        }
        let decoded = detect::decode(bytes, options.encoding.as_deref())?;
        let source = options.source.unwrap_or_else(|| detect::kind_of_text(&decoded.text, bytes));
        if source == SourceKind::Json {
            let report = crate::parse_str(decoded.text.trim_start_matches('\u{FEFF}'))?;
            return Ok(Imported { report, findings: Findings::default(), source, encoding: decoded.encoding.name() });
        }
        if decoded.invalid > 0 {
            notes.add(&GR914, "", Pos::Whole).text("encoding", decoded.encoding.name()).text("count", decoded.invalid);
        }
        let (lines, title) = match source {
            SourceKind::Html => html::lines(&decoded.text),
            _ => (text::lines(&decoded.text), None),
        };
        (lines, title, source, decoded.encoding.name())
    };
    let report = build(&lines, page_title.as_deref(), options, &mut notes)?;
    let findings = notes.finish(report.format(), &Options { lang: options.lang, ..Options::default() })?;
    Ok(Imported { report, findings, source, encoding })
}

/// Imports text (an HTML page or copied text) already decoded.
pub fn import_str(text: &str, options: &ImportOptions) -> Result<Imported, Error> {
    let options = ImportOptions { encoding: Some("utf-8".into()), ..options.clone() };
    import_document(text.as_bytes(), &options)
}

/// The document the lines make.
fn build(lines: &[Line], page_title: Option<&str>, options: &ImportOptions, notes: &mut Notes) -> Result<Report, Error> {
    let meta = meta::read(lines, page_title);
    let year = match (options.year, &meta.year) {
        (Some(y), _) => y,
        (None, Some((y, src))) => {
            if let meta::Source::FirstMention(li, quote) = src {
                notes.add(&GR916, "/year", meta::pos_of(lines, *li)).both("field", "报告年度", "reporting year").text("quote", quote);
            }
            *y
        }
        (None, None) => {
            return Err(Error::Invalid {
                what: "/year".into(),
                message: "the source states no reporting year (no title such as …2023年政府信息公开工作年度报告, no statistics period, no year at all); give it in the import options".into(),
            });
        }
    };
    let name = match &meta.agency {
        Some((name, src)) => {
            if let meta::Source::FirstMention(li, quote) = src {
                notes.add(&GR916, "/agency/name", meta::pos_of(lines, *li)).both("field", "机关名称", "agency name").text("quote", quote);
            }
            name.clone()
        }
        None => {
            notes.add(&GR910, "/agency/name", Pos::Whole).both("field", "报告机关名称", "agency name");
            String::new()
        }
    };
    if meta.published_on.is_none() {
        notes.add(&GR910, "/published_on", Pos::Whole).both("field", "发布日期", "publication date");
    }
    let agency = Agency { kind: meta::agency_kind(&name), name, level: None, region_code: None, credit_code: None };
    let published_on = meta.published_on.clone().map(DateText);
    let (v19, v21) = tables::format_votes(lines);
    let from_tables = options.format.is_none() && year > 2018 && v19 != v21;
    // The tables' shape decides between the templates; the year when they do not tell.
    let format = options.format.unwrap_or(if year <= 2018 {
        Format::F2007
    } else if v21 > v19 || (v21 == v19 && year > 2020) {
        Format::F2021
    } else {
        Format::F2019
    });
    if format == Format::F2007 {
        let (sections, figures) = prose2007::read(lines, &meta, notes);
        return Ok(Report::F2007(Report2007 { format: FormatTag, year, agency, published_on, sections, figures }));
    }
    let read = template::read(lines, &meta, format, from_tables, notes);
    let mut doc = Map::new();
    doc.insert("format".into(), Value::from(format.as_str()));
    doc.insert("year".into(), Value::from(year));
    doc.insert("agency".into(), serde_json::to_value(&agency).unwrap_or(Value::Null));
    if let Some(d) = &published_on {
        doc.insert("published_on".into(), Value::from(d.0.clone()));
    }
    let mut sections = Map::new();
    for (k, v) in [("overview", read.overview), ("problems", read.problems), ("other_matters", read.other_matters)] {
        if let Some(v) = v {
            sections.insert(k.into(), Value::from(v));
        }
    }
    doc.insert("sections".into(), Value::Object(sections));
    let mut doc = Value::Object(doc);
    for (pointer, v) in read.cells {
        set(&mut doc, &pointer, v);
    }
    let structure = |e: serde_json::Error| Error::Structure { pointer: String::new(), message: e.to_string() };
    Ok(match format {
        Format::F2021 => Report::F2021(serde_json::from_value::<Report2021>(doc).map_err(structure)?),
        _ => Report::F2019(serde_json::from_value::<Report2019>(doc).map_err(structure)?),
    })
}

/// Sets `pointer` (made of plain keys) in `doc`, creating objects on the way.
fn set(doc: &mut Value, pointer: &str, v: Value) {
    let mut at = doc;
    let keys: Vec<&str> = pointer.split('/').skip(1).collect();
    for (i, k) in keys.iter().enumerate() {
        let Value::Object(m) = at else { return };
        if i + 1 == keys.len() {
            m.insert((*k).to_string(), v);
            return;
        }
        at = m.entry((*k).to_string()).or_insert_with(|| Value::Object(Map::new()));
    }
}
