//! The report document: one type per template format, all behind [`Report`].

pub mod access;
pub mod cell;
pub mod figures;
pub mod proactive;
pub mod requests;

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use access::{CellMut, CellRef, CellState, ProactiveCells};
pub use cell::{Amount, Cell, CellValue, Count, Dec, NOT_APPLICABLE, Signed, exact_whole};
pub use figures::figure_pointers;
pub use proactive::{DocCounts2019, DocCounts2021, FeeItems2019, ItemCounts2019, Proactive2019, Proactive2021, Procurement2019};
pub use requests::{CaseRow, Layout, NotProcessed, Other2021, OtherHandling, OtherRows, RequestRow, Requests, ReviewLitigation, RowId, Unable, Withheld};

/// Which national template (and legal regime) a report follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// 国务院令第492号 regime: free prose with the contents of 第三十二条 (reports for 2008–2018).
    F2007,
    /// 年度报告格式（试行）, 国办公开办函〔2019〕60号 (reports for 2019 and 2020).
    F2019,
    /// 年度报告格式, 国办公开办函〔2021〕30号 (reports for 2021 onward).
    F2021,
}

impl Format {
    /// The value of `format` in a document.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::F2007 => "2007",
            Format::F2019 => "2019",
            Format::F2021 => "2021",
        }
    }

    /// Parses the value of `format`.
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "2007" => Some(Format::F2007),
            "2019" => Some(Format::F2019),
            "2021" => Some(Format::F2021),
            _ => None,
        }
    }

    /// The reporting years the format governs (inclusive; open-ended for the current one).
    pub fn years(self) -> (u16, Option<u16>) {
        match self {
            Format::F2007 => (2008, Some(2018)),
            Format::F2019 => (2019, Some(2020)),
            Format::F2021 => (2021, None),
        }
    }

    /// The document that sets the format.
    pub fn basis(self) -> &'static str {
        match self {
            Format::F2007 => "国务院令第492号 第三十二条",
            Format::F2019 => "国办公开办函〔2019〕60号",
            Format::F2021 => "国办公开办函〔2021〕30号",
        }
    }
}

/// The `format` field of one format's document: always the string `F`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FormatTag<const F: u16>;

impl<const F: u16> Serialize for FormatTag<F> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&F)
    }
}

impl<'de, const F: u16> Deserialize<'de> for FormatTag<F> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Cow::<str>::deserialize(d)?;
        // A document of another format is told apart before its typed reading (crate::parse), so
        // this error is never shown.
        if s == F.to_string() { Ok(FormatTag) } else { Err(serde::de::Error::custom(crate::error::ErrorType::UnknownFormat { found: format!("{s:?}") })) }
    }
}

impl<const F: u16> JsonSchema for FormatTag<F> {
    fn schema_name() -> Cow<'static, str> {
        Cow::Owned(format!("Format{F}"))
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "const": F.to_string() })
    }
}

/// What kind of body publishes the report; it sets the deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AgencyKind {
    /// 县级以上地方人民政府 (its own report).
    Government,
    /// 县级以上人民政府部门, including 国务院部门.
    Department,
    /// 乡镇人民政府 or 街道办事处.
    Township,
    /// Any other body (e.g. 派出机构 reporting on its own).
    Other,
}

impl AgencyKind {
    /// The value in a document (`"government"` …); its label is in [`crate::labels::AGENCY_KINDS`].
    pub fn as_str(self) -> &'static str {
        match self {
            AgencyKind::Government => "government",
            AgencyKind::Department => "department",
            AgencyKind::Township => "township",
            AgencyKind::Other => "other",
        }
    }

    /// Parses `government`, `department`, `township` or `other`.
    pub fn parse(s: &str) -> Option<AgencyKind> {
        [AgencyKind::Government, AgencyKind::Department, AgencyKind::Township, AgencyKind::Other].into_iter().find(|k| k.as_str() == s.trim())
    }
}

/// Administrative level of the agency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
// The variants are the values of `agency.level` (national, provincial, prefectural, county,
// township); they carry no doc comment so that the schema lists them as a plain enum.
#[allow(missing_docs)]
pub enum Level {
    National,
    Provincial,
    Prefectural,
    County,
    Township,
}

impl Level {
    /// Every level, from the highest.
    pub const ALL: [Level; 5] = [Level::National, Level::Provincial, Level::Prefectural, Level::County, Level::Township];

    /// The value in a document (`"county"` …); its label is in [`crate::labels::LEVELS`].
    pub fn as_str(self) -> &'static str {
        match self {
            Level::National => "national",
            Level::Provincial => "provincial",
            Level::Prefectural => "prefectural",
            Level::County => "county",
            Level::Township => "township",
        }
    }
}

/// The body that publishes the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agency {
    /// Full name, e.g. 长春市二道区房屋征收工作管理办公室.
    pub name: String,
    /// The kind of body (sets the deadline).
    pub kind: AgencyKind,
    /// Administrative level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// GB/T 2260 region code (six digits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_code: Option<String>,
    /// 统一社会信用代码 (GB 32100, eighteen characters with a check character).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit_code: Option<String>,
}

impl Agency {
    /// An agency with its name and kind, and no level or codes.
    ///
    /// ```
    /// use govreport::{Agency, AgencyKind};
    /// let a = Agency::new("某市某局", AgencyKind::Department).with_region_code("220105");
    /// assert_eq!(a.region_code.as_deref(), Some("220105"));
    /// ```
    pub fn new(name: impl Into<String>, kind: AgencyKind) -> Agency {
        Agency { name: name.into(), kind, level: None, region_code: None, credit_code: None }
    }

    /// The same agency at administrative `level`.
    pub fn with_level(mut self, level: Level) -> Agency {
        self.level = Some(level);
        self
    }

    /// The same agency with its GB/T 2260 region code.
    pub fn with_region_code(mut self, code: impl Into<String>) -> Agency {
        self.region_code = Some(code.into());
        self
    }

    /// The same agency with its 统一社会信用代码.
    pub fn with_credit_code(mut self, code: impl Into<String>) -> Agency {
        self.credit_code = Some(code.into());
        self
    }
}

/// The prose parts of a 2019 or 2021 report; each is optional so that a missing part is a
/// finding, not a parse error.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Sections {
    /// 一、总体情况.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overview: Option<String>,
    /// 五、政府信息公开工作存在的主要问题及改进情况.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problems: Option<String>,
    /// 六、其他需要报告的事项.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_matters: Option<String>,
}

/// 信息处理费 under 国办函〔2020〕109号, reported in part 六.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ProcessingFees {
    /// Fee notices issued.
    #[serde(skip_serializing_if = "Count::is_absent")]
    pub notices: Count,
    /// Amount billed, in 元.
    #[serde(skip_serializing_if = "Amount::is_absent")]
    pub billed_yuan: Amount,
    /// Amount collected, in 元.
    #[serde(skip_serializing_if = "Amount::is_absent")]
    pub collected_yuan: Amount,
}

/// The written form of a date; the schema and the reader agree on it ([`DateText::shape`]).
/// `(?!\n)` keeps the end strict where `$` also matches before a final newline (Python's
/// `re`, which the `jsonschema` package uses); ECMA-262 reads it the same.
pub const DATE_PATTERN: &str = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?!\n)$";

/// A publication date as written, `YYYY-MM-DD`; whether it is a real date is a check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(transparent)]
pub struct DateText(#[schemars(regex(pattern = DATE_PATTERN))] pub String);

impl<'de> Deserialize<'de> for DateText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if DateText::shape(&s) { Ok(DateText(s)) } else { Err(serde::de::Error::custom(crate::error::ErrorType::DateShape { found: format!("{s:?}") })) }
    }
}

impl DateText {
    /// Whether `s` is written as [`DATE_PATTERN`] says.
    pub fn shape(s: &str) -> bool {
        let b = s.as_bytes();
        b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    }

    /// The calendar date, when the text names one.
    pub fn date(&self) -> Option<chrono::NaiveDate> {
        parse_date(&self.0)
    }
}

/// A date written YYYY-MM-DD (as chrono's `%Y-%m-%d` reads it); the usual form, ten digits and
/// dashes, without going through chrono's format parser.
pub(crate) fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().try_fold(0u32, |n, d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')));
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        if let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) {
            return chrono::NaiveDate::from_ymd_opt(y as i32, m, d);
        }
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// A report in the 2019 or 2021 template. `F` is the format, `P` table A's shape, `O` the
/// shape of （六）其他处理.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Report{F}")]
pub struct TemplateReport<const F: u16, P: Default + JsonSchema, O: OtherRows + JsonSchema> {
    /// Which template the report follows.
    pub format: FormatTag<F>,
    /// The reporting year.
    #[serde(deserialize_with = "cell::year")]
    pub year: u16,
    /// The reporting agency.
    pub agency: Agency,
    /// Publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_on: Option<DateText>,
    /// Parts 一, 五 and 六.
    #[serde(default)]
    pub sections: Sections,
    /// Table A (part 二).
    #[serde(default)]
    pub proactive: P,
    /// Table B (part 三).
    #[serde(default)]
    pub requests: Requests<O>,
    /// Table C (part 四).
    #[serde(default)]
    pub review_litigation: ReviewLitigation,
    /// Processing fees (part 六).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_fees: Option<ProcessingFees>,
}

/// A report in the 2021 template (国办公开办函〔2021〕30号).
pub type Report2021 = TemplateReport<2021, Proactive2021, Other2021>;
/// A report in the 2019 template (国办公开办函〔2019〕60号).
pub type Report2019 = TemplateReport<2019, Proactive2019, RequestRow>;

/// A part of a 2007-regime report: its heading and text as published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProseSection {
    /// The heading, e.g. 二、主动公开信息情况.
    pub heading: String,
    /// The text under it.
    #[serde(default)]
    pub text: String,
}

/// A part of a stated breakdown, e.g. 规范性文件类326条 (12.3%).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FigurePart {
    /// What the part counts, as written (规范性文件类).
    pub label: String,
    /// The count stated.
    pub count: Count,
    /// A percentage stated with it, as written ("12.3"), if any.
    #[serde(default, skip_serializing_if = "Amount::is_absent")]
    pub percent: Amount,
}

/// A total stated in the prose with its breakdown: 共主动公开政府信息3025条，其中：….
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// What is counted (主动公开政府信息).
    pub label: String,
    /// The unit as written (条, 件).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The stated total.
    pub total: Count,
    /// The stated parts, in order. A part labelled 其他… claims to cover the rest.
    #[serde(default)]
    pub breakdown: Vec<FigurePart>,
    /// The sentence the figure was read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// The part it was read from (an index into `sections`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<usize>,
}

/// A report of the 2007 regime: prose parts and the figures stated in them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Report2007")]
pub struct Report2007 {
    /// Always "2007".
    pub format: FormatTag<2007>,
    /// The reporting year.
    #[serde(deserialize_with = "cell::year")]
    pub year: u16,
    /// The reporting agency.
    pub agency: Agency,
    /// Publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_on: Option<DateText>,
    /// The parts as published, in order.
    #[serde(default)]
    pub sections: Vec<ProseSection>,
    /// Totals and breakdowns stated in the text.
    #[serde(default)]
    pub figures: Vec<Figure>,
}

/// A report of any format. Read one with [`crate::parse_json`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Report {
    /// 2021 template.
    F2021(Report2021),
    /// 2019 template.
    F2019(Report2019),
    /// 2007 regime.
    F2007(Report2007),
}

/// The fields every format shares.
#[derive(Clone, Copy, Debug)]
pub struct Meta<'a> {
    /// The format.
    pub format: Format,
    /// The reporting year.
    pub year: u16,
    /// The agency.
    pub agency: &'a Agency,
    /// The publication date, if given.
    pub published_on: Option<&'a DateText>,
}

impl Report {
    /// The format of the report.
    pub fn format(&self) -> Format {
        match self {
            Report::F2021(_) => Format::F2021,
            Report::F2019(_) => Format::F2019,
            Report::F2007(_) => Format::F2007,
        }
    }

    /// Which rows of （六）其他处理 the document holds: the template's, or (2021) one row.
    pub fn layout(&self) -> Layout {
        match self {
            Report::F2021(r) => r.requests.other.layout(),
            Report::F2019(r) => r.requests.other.layout(),
            Report::F2007(_) => Layout::Template,
        }
    }

    /// Back to the template's layout when the single （六） row of a 2021 document is empty.
    pub(crate) fn normalize_layout(&mut self) {
        if let Report::F2021(r) = self {
            r.requests.other.normalize();
        }
    }

    /// The fields every format shares.
    pub fn meta(&self) -> Meta<'_> {
        let (year, agency, published_on) = match self {
            Report::F2021(r) => (r.year, &r.agency, r.published_on.as_ref()),
            Report::F2019(r) => (r.year, &r.agency, r.published_on.as_ref()),
            Report::F2007(r) => (r.year, &r.agency, r.published_on.as_ref()),
        };
        Meta { format: self.format(), year, agency, published_on }
    }

    /// An empty report of `format` for `year`: every cell absent, ready to be filled in.
    pub fn new(format: Format, year: u16, agency: Agency) -> Report {
        match format {
            Format::F2021 => Report::F2021(TemplateReport {
                format: FormatTag,
                year,
                agency,
                published_on: None,
                sections: Sections::default(),
                proactive: Proactive2021::default(),
                requests: Requests::default(),
                review_litigation: ReviewLitigation::default(),
                processing_fees: None,
            }),
            Format::F2019 => Report::F2019(TemplateReport {
                format: FormatTag,
                year,
                agency,
                published_on: None,
                sections: Sections::default(),
                proactive: Proactive2019::default(),
                requests: Requests::default(),
                review_litigation: ReviewLitigation::default(),
                processing_fees: None,
            }),
            Format::F2007 => Report::F2007(Report2007 { format: FormatTag, year, agency, published_on: None, sections: vec![], figures: vec![] }),
        }
    }

    /// The same report, published on `date` (written YYYY-MM-DD).
    ///
    /// ```
    /// use govreport::{Agency, AgencyKind, Format, Report};
    /// let r = Report::new(Format::F2021, 2023, Agency::new("某局", AgencyKind::Department)).with_published_on("2024-01-20");
    /// assert_eq!(r.meta().published_on.map(|d| d.0.as_str()), Some("2024-01-20"));
    /// ```
    pub fn with_published_on(mut self, date: impl Into<String>) -> Report {
        self.set_published_on(Some(DateText(date.into())));
        self
    }

    /// The same report with the cell at `loc` set (a row's cell, a fee, a prose part …); a
    /// place the format does not have is ignored.
    ///
    /// ```
    /// use govreport::cells::{Loc, TOTAL};
    /// use govreport::model::{Cell, RowId};
    /// use govreport::{Agency, AgencyKind, Format, Report};
    /// let r = Report::new(Format::F2021, 2023, Agency::new("某局", AgencyKind::Department)).with_count(Loc::request(RowId::New, TOTAL), Cell::Value(8));
    /// assert_eq!(r.count(Loc::request(RowId::New, TOTAL)), Some(8));
    /// ```
    pub fn with_count(mut self, loc: crate::cells::Loc, value: Count) -> Report {
        if let Some(CellMut::Count(c)) = self.cell_mut(loc) {
            *c = value;
        }
        self
    }

    /// Sets (or with None, removes) the publication date.
    pub fn set_published_on(&mut self, date: Option<DateText>) {
        match self {
            Report::F2021(r) => r.published_on = date,
            Report::F2019(r) => r.published_on = date,
            Report::F2007(r) => r.published_on = date,
        }
    }

    /// The document as JSON text.
    pub fn to_json(&self) -> String {
        // Serializing the model cannot fail: every map key is a string and every value is
        // representable in JSON.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The length in bytes of [`to_json`](Report::to_json), counted without building the text.
    pub fn json_len(&self) -> u64 {
        struct Count(u64);
        impl std::io::Write for Count {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                self.0 += buf.len() as u64;
                Ok(buf.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut count = Count(0);
        // As in `to_json`: serializing the model cannot fail.
        let _ = serde_json::to_writer(&mut count, self);
        count.0
    }

    /// The document as pretty-printed JSON text.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod date_tests {
    /// The quick reading of YYYY-MM-DD gives what chrono's `%Y-%m-%d` gives, on every kind of
    /// ten-character text and on the other forms chrono takes.
    #[test]
    fn parse_date_reads_as_chrono_does() {
        let mut texts: Vec<String> = vec![
            "2024-02-29",
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-01-00",
            "2024-01-32",
            "0000-01-01",
            "9999-12-31",
            "2024-1-05",
            "2024-01-5",
            "+2024-01-05",
            " 2024-01-05",
            "2024-01-05 ",
            "2024/01/05",
            "2024-01-0a",
            "２０２４-01-05",
            "2024-01-05x",
            "",
            "2024-1-1",
            "12024-01-05",
        ]
        .into_iter()
        .map(String::from)
        .collect();
        for y in [1, 999, 1990, 2023, 2024, 2100] {
            for m in 0..=13 {
                for d in [0, 1, 9, 10, 28, 29, 30, 31, 32] {
                    texts.push(format!("{y:04}-{m:02}-{d:02}"));
                    texts.push(format!("{y}-{m}-{d}"));
                }
            }
        }
        for t in &texts {
            assert_eq!(super::parse_date(t), chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d").ok(), "{t:?}");
        }
    }
}
