//! The report laid out as the templates print it: parts, paragraphs and tables whose merged
//! cells are those of the national template. Every writer (HTML, Word, Markdown, text) reads
//! this one layout, and every label in it comes from [`crate::labels`].

use crate::Lang;
use crate::cells::{self, CellDef};
use crate::i18n::{Bilingual, fill};
use crate::labels::{self, Label, ProactiveBlock, Role};
use crate::model::{Format, Report};

/// One cell of a laid-out table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GridCell {
    /// The text as published: a number, an amount, "/" or nothing.
    pub text: String,
    /// Rows the cell spans.
    pub rowspan: usize,
    /// Columns the cell spans.
    pub colspan: usize,
    /// A label (header) cell rather than a figure.
    pub head: bool,
    /// The JSON pointer of the figure shown, for figure cells.
    pub pointer: Option<String>,
}

impl GridCell {
    fn head(text: &str) -> GridCell {
        GridCell { text: text.to_string(), rowspan: 1, colspan: 1, head: true, pointer: None }
    }
    fn span(mut self, rows: usize, cols: usize) -> GridCell {
        self.rowspan = rows;
        self.colspan = cols;
        self
    }
}

/// A table: `columns` grid columns, rows of cells that may span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grid {
    /// A short class name: `proactive`, `requests`, `review`, `fees`.
    pub name: &'static str,
    /// Number of grid columns.
    pub columns: usize,
    /// Rows that make the table's header (repeated on each printed page).
    pub header_rows: usize,
    /// Relative widths of the grid columns (for page layouts such as Word).
    pub weights: Vec<u16>,
    /// The rows; a cell covered by a span above or to the left is not repeated.
    pub rows: Vec<Vec<GridCell>>,
}

/// What a grid position holds once spans are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot<'a> {
    /// The cell starts here.
    Origin(&'a GridCell),
    /// Covered by the cell starting at (row, column); `vertical` when from a row above.
    Covered {
        /// The row where the covering cell starts.
        row: usize,
        /// The column where it starts.
        column: usize,
        /// Whether it covers from a row above.
        vertical: bool,
    },
    /// Nothing (a malformed grid; never produced by the layouts here).
    Empty,
}

impl Grid {
    /// Every grid position, with the spans laid out.
    pub fn matrix(&self) -> Vec<Vec<Slot<'_>>> {
        let mut m: Vec<Vec<Slot>> = vec![vec![Slot::Empty; self.columns]; self.rows.len()];
        for (r, row) in self.rows.iter().enumerate() {
            let mut c = 0;
            for cell in row {
                while c < self.columns && m[r][c] != Slot::Empty {
                    c += 1;
                }
                if c >= self.columns {
                    break;
                }
                for dr in 0..cell.rowspan {
                    for dc in 0..cell.colspan {
                        if let Some(slot) = m.get_mut(r + dr).and_then(|x| x.get_mut(c + dc)) {
                            *slot = if dr == 0 && dc == 0 { Slot::Origin(cell) } else { Slot::Covered { row: r, column: c, vertical: dr > 0 } };
                        }
                    }
                }
                c += cell.colspan;
            }
        }
        m
    }
}

/// A block of a part: a paragraph or a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A paragraph of text.
    Paragraph(String),
    /// A table.
    Table(Grid),
}

/// A part of the report: heading and blocks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// The heading with its numeral (一、总体情况).
    pub heading: String,
    /// What the part holds.
    pub blocks: Vec<Block>,
}

/// The whole report laid out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    /// The language of the labels.
    pub lang: Lang,
    /// The title: agency, year and the report's name.
    pub title: String,
    /// Lines under the title (publication date).
    pub meta: Vec<String>,
    /// The parts in order.
    pub parts: Vec<Part>,
}

/// The document title label.
pub static TITLE: Label =
    Label { id: "", name: Bilingual::new("政府信息公开工作年度报告", "Annual Report on Government Information Disclosure"), aliases: &[] };

/// The title line: agency, year and the report's name.
const TITLE_LINE: Bilingual = Bilingual::new("{agency}{year}年{title}", "{agency}: {title} {year}");
/// A line of the report's facts under the title.
const FACT_LINE: Bilingual = Bilingual::new("{label}：{value}", "{label}: {value}");
/// A part's heading with its numeral.
const HEADING: Bilingual = Bilingual::new("{numeral}、{part}", "{number}. {part}");

/// The report whose figures are laid out.
struct Values<'a>(&'a Report);

impl Values<'_> {
    /// The figure cell of `def`, as published.
    fn figure(&self, def: &CellDef) -> GridCell {
        let text = self.0.cell(def.loc).map(|c| c.text()).unwrap_or_default();
        GridCell { text, rowspan: 1, colspan: 1, head: false, pointer: Some(def.pointer.to_string()) }
    }

    /// The figure cells of the row whose pointer is `row`, in column order.
    fn row(&self, row: &'static str) -> impl Iterator<Item = GridCell> + '_ {
        let format = self.0.format();
        cells::row(format, row).map(move |def| self.figure(def))
    }
}

fn paragraphs(text: Option<&str>) -> Vec<Block> {
    text.unwrap_or_default().lines().map(str::trim).filter(|l| !l.is_empty()).map(|l| Block::Paragraph(l.to_string())).collect()
}

/// Lays out `report` in its format's official layout.
pub fn layout(report: &Report, lang: Lang) -> Layout {
    let meta = report.meta();
    let values = Values(report);
    let title = fill(TITLE_LINE.get(lang), |n| match n {
        "agency" => Some(meta.agency.name.as_str().into()),
        "year" => Some(meta.year.to_string().into()),
        "title" => Some(TITLE.text(lang).into()),
        _ => None,
    });
    let mut lines = vec![];
    if let Some(d) = meta.published_on {
        let label = labels::lookup(meta.format, "/published_on").map_or("", |l| l.text(lang));
        lines.push(fill(FACT_LINE.get(lang), |n| match n {
            "label" => Some(label.into()),
            "value" => Some(d.0.as_str().into()),
            _ => None,
        }));
    }
    let parts = match report {
        Report::F2007(r) => r.sections.iter().map(|s| Part { heading: s.heading.clone(), blocks: paragraphs(Some(&s.text)) }).collect(),
        Report::F2021(r) => template_parts(&values, meta.format, &r.sections, r.processing_fees.is_some(), lang),
        Report::F2019(r) => template_parts(&values, meta.format, &r.sections, r.processing_fees.is_some(), lang),
    };
    let mut l = Layout { lang, title, meta: lines, parts };
    l.make_visible();
    l
}

/// `s` with every character that XML 1.0 and HTML cannot hold as text, or that a terminal
/// would act on, shown instead: C0 controls (tab and line breaks aside) and DEL as their
/// symbols of the Control Pictures block (U+0001 → ␁, ESC → ␛), C1 controls and the
/// non-characters U+FFFE/U+FFFF as U+FFFD. Every writer reads text through this.
pub fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    fn shown(c: char) -> Option<char> {
        match c {
            '\t' | '\n' | '\r' => None,
            '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32),
            '\u{7F}' => Some('\u{2421}'),
            '\u{80}'..='\u{9F}' | '\u{FFFE}' | '\u{FFFF}' => Some('\u{FFFD}'),
            _ => None,
        }
    }
    if !s.chars().any(|c| shown(c).is_some()) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(s.chars().map(|c| shown(c).unwrap_or(c)).collect())
}

impl Layout {
    /// Replaces, in every text of the layout, what [`visible`] shows otherwise.
    fn make_visible(&mut self) {
        fn fix(s: &mut String) {
            if let std::borrow::Cow::Owned(v) = visible(s) {
                *s = v;
            }
        }
        fix(&mut self.title);
        self.meta.iter_mut().for_each(fix);
        for part in &mut self.parts {
            fix(&mut part.heading);
            for b in &mut part.blocks {
                match b {
                    Block::Paragraph(t) => fix(t),
                    Block::Table(g) => g.rows.iter_mut().flatten().for_each(|c| fix(&mut c.text)),
                }
            }
        }
    }
}

fn heading(i: usize, lang: Lang) -> String {
    let p = &labels::PARTS[i];
    fill(HEADING.get(lang), |n| match n {
        "numeral" => Some(p.numeral.into()),
        "number" => Some((i + 1).to_string().into()),
        "part" => Some(p.label.text(lang).into()),
        _ => None,
    })
}

fn template_parts(v: &Values, format: Format, s: &crate::model::Sections, fees: bool, lang: Lang) -> Vec<Part> {
    let blocks = if format == Format::F2021 { labels::PROACTIVE_2021 } else { labels::PROACTIVE_2019 };
    let mut other = paragraphs(s.other_matters.as_deref());
    if fees {
        other.push(Block::Table(fees_grid(v, lang)));
    }
    vec![
        Part { heading: heading(0, lang), blocks: paragraphs(s.overview.as_deref()) },
        Part { heading: heading(1, lang), blocks: vec![Block::Table(proactive_grid(v, blocks, lang))] },
        Part { heading: heading(2, lang), blocks: vec![Block::Table(requests_grid(v, format, lang))] },
        Part { heading: heading(3, lang), blocks: vec![Block::Table(review_grid(v, lang))] },
        Part { heading: heading(4, lang), blocks: paragraphs(s.problems.as_deref()) },
        Part { heading: heading(5, lang), blocks: other },
    ]
}

/// Table A: one band per 第二十条 item, four grid columns (信息内容 and up to three figures).
fn proactive_grid(v: &Values, blocks: &[ProactiveBlock], lang: Lang) -> Grid {
    const COLUMNS: usize = 4;
    let mut rows = vec![];
    for b in blocks {
        rows.push(vec![GridCell::head(b.item).span(1, COLUMNS)]);
        let last_span = COLUMNS - b.columns.len();
        let mut header = vec![GridCell::head(labels::PROACTIVE_CONTENT_HEADER.text(lang))];
        for (i, c) in b.columns.iter().enumerate() {
            let span = if i + 1 == b.columns.len() { last_span } else { 1 };
            header.push(GridCell::head(c.text(lang)).span(1, span));
        }
        rows.push(header);
        for row in b.rows {
            let mut cells = vec![GridCell::head(row.text(lang))];
            let n = b.columns.len();
            for (i, figure) in v.row(row.id).enumerate() {
                let span = if i + 1 == n { last_span } else { 1 };
                cells.push(figure.span(1, span));
            }
            rows.push(cells);
        }
    }
    Grid { name: "proactive", columns: COLUMNS, header_rows: 0, weights: vec![3, 2, 2, 2], rows }
}

/// Table B: three label columns and the seven applicant columns, merged as the template.
fn requests_grid(v: &Values, format: Format, lang: Lang) -> Grid {
    const LABELS: usize = 3;
    let cols = labels::REQUEST_COLUMNS;
    let n = cols.len();
    let mut rows = vec![
        vec![GridCell::head(labels::REQUESTS_CAPTION.text(lang)).span(3, LABELS), GridCell::head(labels::REQUESTS_HEADERS[0].text(lang)).span(1, n)],
        vec![
            GridCell::head(cols[0].text(lang)).span(2, 1),
            GridCell::head(labels::REQUESTS_HEADERS[1].text(lang)).span(1, n - 2),
            GridCell::head(cols[n - 1].text(lang)).span(2, 1),
        ],
        cols[1..n - 1].iter().map(|c| GridCell::head(c.text(lang))).collect(),
    ];
    // The rows the document holds: one （六） row in a 2021 document that has it so.
    let list: Vec<&labels::RowLabel> = labels::request_rows_in(format, v.0.layout()).collect();
    let mut pending: Vec<GridCell> = vec![];
    for (i, rl) in list.iter().enumerate() {
        let depth = usize::from(rl.depth);
        if rl.row.is_none() {
            // A group heading spans the data rows under it.
            let span = list[i + 1..].iter().take_while(|x| usize::from(x.depth) > depth).filter(|x| x.row.is_some()).count();
            pending.push(GridCell::head(rl.label.text(lang)).span(span.max(1), 1));
            continue;
        }
        let mut cells = std::mem::take(&mut pending);
        cells.push(GridCell::head(rl.label.text(lang)).span(1, LABELS - depth));
        cells.extend(v.row(rl.label.id));
        rows.push(cells);
        debug_assert!(rl.role != Role::Group);
    }
    let mut weights = vec![3, 3, 6];
    weights.extend(std::iter::repeat_n(2, n));
    Grid { name: "requests", columns: LABELS + n, header_rows: 3, weights, rows }
}

/// Table C: 行政复议 and the two kinds of 行政诉讼, five columns each.
fn review_grid(v: &Values, lang: Lang) -> Grid {
    let cols = labels::REVIEW_COLUMNS;
    let groups = labels::REVIEW_GROUPS;
    let n = cols.len();
    let mut second: Vec<GridCell> = cols.iter().map(|c| GridCell::head(c.text(lang)).span(2, 1)).collect();
    second.extend(groups[1..].iter().map(|g| GridCell::head(g.text(lang)).span(1, n)));
    let third: Vec<GridCell> = groups[1..].iter().flat_map(|_| cols.iter().map(|c| GridCell::head(c.text(lang)))).collect();
    let figures: Vec<GridCell> = groups.iter().flat_map(|g| v.row(g.id)).collect();
    let rows = vec![
        vec![GridCell::head(labels::REVIEW_HEADERS[0].text(lang)).span(1, n), GridCell::head(labels::REVIEW_HEADERS[1].text(lang)).span(1, 2 * n)],
        second,
        third,
        figures,
    ];
    Grid { name: "review", columns: 3 * n, header_rows: 3, weights: vec![1; 3 * n], rows }
}

/// The processing fees of part 六 as a two-row table.
fn fees_grid(v: &Values, lang: Lang) -> Grid {
    let fields = &labels::PROCESSING_FEES[1..];
    Grid {
        name: "fees",
        columns: fields.len(),
        header_rows: 1,
        weights: vec![1; fields.len()],
        rows: vec![fields.iter().map(|l| GridCell::head(l.text(lang))).collect(), fields.iter().flat_map(|l| v.row(l.id)).collect()],
    }
}
