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
mod dom;
pub(crate) mod findings;
mod html;
pub(crate) mod meta;
pub(crate) mod norm;
mod pasted;
pub mod pdf;
pub(crate) mod prose2007;
pub mod provenance;
mod split;
mod structure;
mod tables;
mod template;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Error, ErrorType};
use crate::finding::Findings;
use crate::limits::MAX_INPUT_BYTES;
use crate::model::{Agency, AgencyKind, DateText, Format, FormatTag, Report, Report2007};
use crate::options::{Lang, Options};
use crate::rules::Code;
use findings::{Notes, Pos};
pub use provenance::{CellSource, Place, Provenance};

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
    /// The kind of the agency, over what its name shows (GR918 says what was taken when not
    /// given).
    pub agency_kind: Option<AgencyKind>,
    /// The language of the findings' messages.
    pub lang: Lang,
}

#[derive(Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[derive(Default)]
struct OptionsJson {
    encoding: Option<String>,
    source: Option<String>,
    format: Option<String>,
    year: Option<u16>,
    agency_kind: Option<AgencyKind>,
    lang: Lang,
}

impl ImportOptions {
    /// Reads options from JSON text such as
    /// `{"encoding":"gb18030","source":"html","format":"2021","year":2023,"agency_kind":"government","lang":"en"}`;
    /// an unknown option or value is an error.
    pub fn from_json(text: &str) -> Result<ImportOptions, Error> {
        if text.trim().is_empty() {
            return Err(Error::about(ErrorType::EmptyOptions, "import options"));
        }
        static SHAPE: std::sync::OnceLock<crate::json::Shape> = std::sync::OnceLock::new();
        let o: OptionsJson = crate::json::read_given(text, SHAPE.get_or_init(crate::json::shape_of::<OptionsJson>), "import options")?;
        if let Some(e) = &o.encoding {
            detect::encoding_for(e)?;
        }
        let source = match &o.source {
            None => None,
            Some(s) => {
                Some(SourceKind::parse(s).ok_or_else(|| Error::about(ErrorType::UnknownSourceKind { found: format!("{s:?}") }, "import options/source"))?)
            }
        };
        let format = match &o.format {
            None => None,
            Some(f) => Some(Format::parse(f).ok_or_else(|| Error::about(ErrorType::UnknownFormatName { found: format!("{f:?}") }, "import options/format"))?),
        };
        Ok(ImportOptions { encoding: o.encoding, source, format, year: o.year, agency_kind: o.agency_kind, lang: o.lang })
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
    /// Places of the document the source does not show (pointers): the parts after a table
    /// the source stops inside, a name or date it does not state. The report is silent there
    /// because the source is; [`Imported::check`] does not count that against it.
    pub unseen: Vec<String>,
    /// Where each cell the importer read came from and its text as published, by the cell's
    /// pointer: every figure placed (a cell whose text is no value, GR911, included, marked
    /// `unreadable`) and the prose parts of a 2019 or 2021 report. Empty for a JSON document.
    pub provenance: Provenance,
}

impl Imported {
    /// `{"source":…,"encoding":…,"report":{…},"findings":[…],"provenance":{pointer:{…}}}`.
    pub fn to_json(&self) -> String {
        let v = serde_json::json!({
            "source": self.source.as_str(),
            "encoding": self.encoding,
            "report": serde_json::to_value(&self.report).unwrap_or(Value::Null),
            "findings": serde_json::to_value(&self.findings).unwrap_or(Value::Null),
            "provenance": serde_json::to_value(&self.provenance).unwrap_or(Value::Null),
        });
        v.to_string()
    }

    /// The provenance as JSON text: `{pointer: {place…, "text": …}}` (see [`CellSource`]).
    pub fn provenance_json(&self) -> String {
        serde_json::to_string(&self.provenance).unwrap_or_else(|_| "{}".into())
    }

    /// The import findings, then the findings of [`crate::check`] on the report, each of these
    /// with the place in the source of the cell it is about ([`provenance::annotate`]).
    ///
    /// A violation at a place the source does not show ([`Imported::unseen`]: the parts after a
    /// table the source stops inside, a name or date it does not state) is not assessable
    /// rather than an error of the report.
    ///
    /// ```
    /// use govreport::{Options, Status, import::{ImportOptions, import_document}};
    /// // A page copied up to the middle of table 三: parts 五 and 六 are not in it.
    /// let page = "某市某局2023年政府信息公开工作年度报告\n一、总体情况\n本年度……\n三、收到和处理政府信息公开申请情况\n（一）予以公开 | 1 | 0";
    /// let imported = import_document(page.as_bytes(), &ImportOptions::default()).unwrap();
    /// let findings = imported.check(&Options::default()).unwrap();
    /// let problems = findings.0.iter().find(|f| f.code == "GR401" && f.path == "/sections/problems").unwrap();
    /// assert_eq!(problems.status, Status::NotAssessable);
    /// // The same report as a document of its own: part 五 is empty, an error.
    /// let own = govreport::check(&imported.report, &Options::default()).unwrap();
    /// assert!(own.0.iter().any(|f| f.code == "GR401" && f.path == "/sections/problems" && f.status == Status::Violated));
    /// ```
    pub fn check(&self, options: &Options) -> Result<Findings, Error> {
        let resolved = options.resolve()?;
        let mut checked = crate::rules::run_seen(&self.report, &resolved, &self.unseen);
        provenance::annotate(&mut checked, &self.provenance, options.lang);
        let mut all = self.findings.clone();
        all.0.extend(checked.0);
        Ok(all)
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
    /// Where each cell is, when the source says more than the line's place (a PDF's boxes, a
    /// table's cells, a text line's columns).
    pub cell_pos: Vec<Pos>,
    /// The character column (1-based) of a text source's line at which `text` starts; 0 when
    /// the source has no columns.
    pub col: usize,
    /// On an HTML page, the number of the node the line starts at, in document order (see
    /// [`html::Page::elements`]).
    pub node: Option<u32>,
}

impl Line {
    pub(crate) fn text(pos: Pos, text: String) -> Line {
        Line { pos, text, cells: None, cell_pos: Vec::new(), col: 0, node: None }
    }

    pub(crate) fn row(pos: Pos, cells: Vec<String>) -> Line {
        let text = cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect::<Vec<_>>().join(" ");
        Line { pos, text, cells: Some(cells), cell_pos: Vec::new(), col: 0, node: None }
    }

    /// Row `row` of table `table` of an HTML page or Word file, each cell at its place.
    pub(crate) fn table_row(table: usize, row: usize, cells: Vec<String>) -> Line {
        let cell_pos = (1..=cells.len()).map(|column| Pos::Cell { table, row, column }).collect();
        Line { cell_pos, ..Line::row(Pos::Row { table, row }, cells) }
    }
}

/// Whether bytes are JSON by the one rule every reader uses (a file, standard input, a batch):
/// an object, a list, or any other JSON value whole (`null`, `123`), which is then refused as no
/// report document rather than imported as a page.
pub fn looks_like_json(bytes: &[u8]) -> bool {
    detect::bytes_are_json(bytes)
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
        return Err(crate::parse::too_large(bytes.len() as u64));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::about(ErrorType::EmptyInput, "input"));
    }
    let mut notes = Notes::default();
    // The PDF's creation date: the publication date when the text states none.
    let mut created = None;
    // An HTML page's elements, for where the report ends on it.
    let mut elements = vec![];
    let (lines, page_title, source, encoding) = if options.source == Some(SourceKind::Docx) || (options.source.is_none() && detect::is_zip(bytes)) {
        let docx = docx::read(bytes)?;
        if let Some(cut) = docx.cut {
            let (zh, en) = match cut {
                docx::Cut::Cells => (
                    format!("Word 文件的表格单元格超过 {} 个，其后的内容未读取", docx::MAX_CELLS),
                    format!("the Word file has more than {} table cells; what follows was not read", docx::MAX_CELLS),
                ),
                docx::Cut::Paragraphs => (
                    format!("Word 文件的段落超过 {} 个，其后的内容未读取", docx::MAX_BLOCKS),
                    format!("the Word file has more than {} paragraphs; what follows was not read", docx::MAX_BLOCKS),
                ),
            };
            notes.add(Code::GR917, "", Pos::Whole).both("what", zh, en);
        }
        (docx.lines, None, SourceKind::Docx, encoding_rs::UTF_8.name())
    } else if options.source == Some(SourceKind::Pdf) || (options.source.is_none() && pdf::start(bytes).is_some()) {
        let layout = pdf::layout(bytes)?;
        if layout.unmapped > 0 {
            notes.add(Code::GR914, "", Pos::Whole).text("encoding", "PDF").text("count", layout.unmapped);
        }
        created = layout.info.created.clone();
        (pdf::lines_of(&layout), layout.info.title.clone(), SourceKind::Pdf, encoding_rs::UTF_8.name())
    } else {
        if options.source.is_none() {
            detect::refuse_binary(bytes)?;
        }
        let decoded = detect::decode(bytes, options.encoding.as_deref())?;
        let source = options.source.unwrap_or_else(|| detect::kind_of_text(&decoded.text, bytes));
        if source == SourceKind::Json {
            let report = crate::parse_str(decoded.text.trim_start_matches('\u{FEFF}'))?;
            return Ok(Imported {
                report,
                findings: Findings::default(),
                source,
                encoding: decoded.encoding.name(),
                unseen: vec![],
                provenance: Provenance::new(),
            });
        }
        if decoded.invalid > 0 {
            notes.add(Code::GR914, "", Pos::Whole).text("encoding", decoded.encoding.name()).text("count", decoded.invalid);
        }
        let (lines, title) = match source {
            SourceKind::Html => {
                let page = html::read(&decoded.text);
                for limit in page.limits {
                    let (zh, en) = match limit {
                        html::Limit::Depth(depth) => (
                            format!("网页元素嵌套 {depth} 层，超过可解析的 {} 层：按标签读取文字，表格按行读取，合并单元格未展开", html::MAX_PARSE_DEPTH),
                            format!(
                                "the page nests its elements {depth} deep, more than the {} that are parsed: its text was read from the tags alone, tables row by row without their merged cells",
                                html::MAX_PARSE_DEPTH
                            ),
                        ),
                        html::Limit::Elements { count, read_bytes } => (
                            format!("网页有 {count} 个元素，超过上限 {}：只读取了前 {read_bytes} 字节", html::MAX_ELEMENTS),
                            format!(
                                "the page has {count} elements, more than the limit of {}: only its first {read_bytes} bytes were read",
                                html::MAX_ELEMENTS
                            ),
                        ),
                    };
                    notes.add(Code::GR917, "", Pos::Whole).both("what", zh, en);
                }
                elements = page.elements;
                (page.lines, page.title)
            }
            _ => (pasted::lines(&decoded.text), None),
        };
        (lines, title, source, decoded.encoding.name())
    };
    let mut unseen = vec![];
    let (report, provenance) = build(lines, &elements, page_title.as_deref(), created.as_deref(), options, &mut notes, &mut unseen)?;
    let findings = notes.finish(report.format(), &Options { lang: options.lang, ..Options::default() })?;
    Ok(Imported { report, findings, source, encoding, unseen, provenance })
}

/// Imports text (an HTML page or copied text) already decoded.
pub fn import_str(text: &str, options: &ImportOptions) -> Result<Imported, Error> {
    let options = ImportOptions { encoding: Some("utf-8".into()), ..options.clone() };
    import_document(text.as_bytes(), &options)
}

/// The document the lines make and where its cells came from; `elements` an HTML page's
/// ([`html::Page::elements`], else empty); `created` a PDF's creation date (`YYYY-MM-DD`).
fn build(
    lines: Vec<Line>,
    elements: &[(u32, u32)],
    page_title: Option<&str>,
    created: Option<&str>,
    options: &ImportOptions,
    notes: &mut Notes,
    unseen: &mut Vec<String>,
) -> Result<(Report, Provenance), Error> {
    // Headings and the signature inside long lines (a page whose line breaks were lost) on
    // lines of their own; table labels are never headings.
    let is_label = |t: &str| [Format::F2021, Format::F2019].iter().any(|f| tables::Index::of(*f).lookup(t).is_some());
    let split = structure::split(lines, &is_label);
    let lines = split.as_slice();
    // On a page, where the report ends: what follows is the portal's.
    let candidates = template::Candidates::of(lines);
    let scope = template::report_scope(lines, &candidates, elements);
    let mut meta = meta::read(lines, page_title, scope.map(|(_, end)| end));
    // A fact not stated by the title is named with the place it was taken from.
    let inferred = |notes: &mut Notes, path: &str, field: (&str, &str), src: &meta::Source| {
        if let Some((li, quote, (zh, en))) = src.inferred() {
            let pos = li.map_or(Pos::Whole, |li| meta::pos_of(lines, li));
            notes.add(Code::GR916, path, pos).both("field", field.0, field.1).both("source", zh, en).text("quote", quote);
        }
    };
    let year = match (options.year, &meta.year) {
        (Some(y), _) => y,
        (None, Some((y, src))) => {
            inferred(notes, "/year", ("报告年度", "reporting year"), src);
            *y
        }
        (None, None) => {
            return Err(Error::about(ErrorType::NoYear, "/year"));
        }
    };
    // The text's own date (a field, the signature) over the file's: a PDF made from the page
    // later carries a later creation date. A creation date before the reporting year ended is
    // no publication date of this report.
    if meta.published_on.is_none()
        && let Some(d) = created
        && d.get(..4).and_then(|y| y.parse::<u16>().ok()).is_some_and(|y| y > year)
    {
        meta.published_on = Some((d.to_string(), meta::Source::Metadata("CreationDate", d.to_string())));
    }
    let name = match &meta.agency {
        Some((name, src)) => {
            inferred(notes, "/agency/name", ("机关名称", "agency name"), src);
            name.clone()
        }
        None => {
            notes.add(Code::GR910, "/agency/name", Pos::Whole).both("field", "报告机关名称", "agency name");
            unseen.push("/agency/name".to_string());
            String::new()
        }
    };
    let published_on = match &meta.published_on {
        Some((date, src)) => {
            inferred(notes, "/published_on", ("发布日期", "publication date"), src);
            Some(DateText(date.clone()))
        }
        None => {
            notes.add(Code::GR910, "/published_on", Pos::Whole).both("field", "发布日期", "publication date");
            unseen.push("/published_on".to_string());
            None
        }
    };
    let kind = match options.agency_kind {
        Some(kind) => kind,
        None => {
            let (kind, why) = match meta::agency_kind(&name) {
                Some((kind, words)) => (kind, (format!("名称以“{words}”结尾"), format!("the name ends in {words}"))),
                None if name.is_empty() => (AgencyKind::Department, ("机关名称不详".to_string(), "the name is not known".to_string())),
                None => (AgencyKind::Department, ("名称未显示机关类型".to_string(), "the name does not show the kind".to_string())),
            };
            let label = crate::labels::AGENCY_KINDS.iter().find(|k| k.id == kind.as_str()).unwrap_or(&crate::labels::AGENCY_KINDS[1]);
            notes.add(Code::GR918, "/agency/kind", Pos::Whole).text("name", &name).label("kind", label).both("why", why.0, why.1);
            kind
        }
    };
    let agency = Agency::new(name.clone(), kind);
    // Only the report's lines vote (not a portal's around it).
    let in_report = |l: &&Line| l.cells.is_some() || scope.is_none_or(|(start, end)| l.node.is_none_or(|n| (start..=end).contains(&n)));
    let (v19, v21) = tables::format_votes(lines.iter().filter(in_report));
    let from_tables = options.format.is_none() && year > 2018 && v19 != v21;
    // The tables' shape decides between the templates; the year when they do not tell.
    let format = options.format.unwrap_or(if year <= 2018 {
        Format::F2007
    } else if v21 > v19 || (v21 == v19 && year > 2020) {
        Format::F2021
    } else {
        Format::F2019
    });
    // A statistics table the text announces ("附：…统计表") and the source does not carry.
    let announced_absent = |notes: &mut Notes| {
        if let Some((li, at, words)) = structure::announced_table(lines)
            && !structure::figures_after(lines, li, at)
        {
            notes.add(Code::GR919, "", lines[li].pos).text("quote", words);
        }
    };
    // A line of "……": the source is an excerpt, and what it does not show may be in the report.
    let elided = lines.iter().any(|l| structure::is_elision(&l.text));
    if format == Format::F2007 {
        if elided {
            unseen.push("/sections".to_string());
        }
        let (sections, figures, sources) = prose2007::read(lines, &meta, notes);
        announced_absent(notes);
        return Ok((Report::F2007(Report2007 { format: FormatTag, year, agency, published_on, sections, figures }), sources));
    }
    let read = template::read(lines, &candidates, scope, &meta, format, from_tables, elided, notes);
    unseen.extend(read.unseen.iter().cloned());
    if read.cells.is_empty() {
        announced_absent(notes);
    }
    let mut report = Report::new(format, year, agency);
    report.set_published_on(published_on);
    // Every figure and prose part is placed through the table of cells, as a document's cell
    // is read.
    let texts = [(0, read.overview), (4, read.problems), (5, read.other_matters)];
    let sections =
        texts.into_iter().filter_map(|(i, text)| Some((crate::cells::pointer(format, crate::cells::Loc::Section(i)).to_string(), Value::from(text?))));
    for (pointer, v) in sections.chain(read.cells) {
        let cell = crate::cells::cell_at(format, &pointer).and_then(|def| report.cell_mut(def.loc));
        cell.ok_or_else(|| Error::at(ErrorType::Unexplained, pointer.clone()))?.set_json(&v).map_err(|t| Error::at(t, pointer))?;
    }
    Ok((report, read.sources))
}
